//! Is the site's address a real one? Placeholder, reserved and local names.

/// The host of an absolute `http(s)://` URL, lowercased, without user,
/// port or trailing dot (an IPv6 address without its brackets).
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// Whether the host of `base_url` is a name nobody can publish under: one
/// reserved for examples and tests (RFC 2606, RFC 6761: `example`,
/// `*.example`, `example.com/.net/.org` and their subdomains, `*.test`,
/// `*.invalid`), a local one (`localhost`, `*.localhost`, `*.local`,
/// `*.internal`, `*.home.arpa`, a name without a dot), or a loopback,
/// private, link-local, documentation or unspecified IP address. A URL
/// without a host counts too. QR codes to such a name would lead nowhere,
/// or to whoever registers it.
pub fn is_reserved_or_local(base_url: &str) -> bool {
    let Some(host) = url_host(base_url) else {
        return true;
    };
    if host.is_empty() {
        return true;
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return ip_is_local(ip);
    }
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels[labels.len() - 1];
    if labels.len() == 1 {
        // `example`, `localhost`, `intranet`: no public name has one label.
        return true;
    }
    if matches!(
        last,
        "example" | "test" | "invalid" | "localhost" | "local" | "internal"
    ) {
        return true;
    }
    let last_two = format!("{}.{last}", labels[labels.len() - 2]);
    matches!(
        last_two.as_str(),
        "example.com" | "example.net" | "example.org" | "home.arpa"
    )
}

fn ip_is_local(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                // 100.64.0.0/10: carrier-grade NAT, shared address space.
                || (a == 100 && (64..128).contains(&b))
                // RFC 5737 documentation ranges.
                || (a, b, c) == (192, 0, 2)
                || (a, b, c) == (198, 51, 100)
                || (a, b, c) == (203, 0, 113)
        }
        std::net::IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return ip_is_local(std::net::IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                // 2001:db8::/32, for documentation.
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
}
