//! The binary: exit codes, messages, atomic output, refusing unsafe folders.

use std::process::Command;

use clap::CommandFactory;

use crate::common::{TestSite, tree};

fn lentera(site: &TestSite, args: &[&str]) -> std::process::Output {
    site.lentera(args)
}

#[test]
fn cli_definition_is_valid() {
    lentera::cli::Cli::command().debug_assert();
}

#[test]
fn build_writes_output_and_reports() {
    let site = TestSite::fixture("basic");
    let out = lentera(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("built 12 pages"), "{stderr}");
    assert!(site.root().join("output/index.html").is_file());
    assert!(
        site.root()
            .join("output/en/pelajaran/jalur-resmi/index.html")
            .is_file()
    );
}

#[test]
fn failed_build_keeps_previous_output_and_exits_1() {
    let site = TestSite::fixture("basic");
    assert!(lentera(&site, &["build"]).status.success());
    let before = std::fs::read(site.root().join("output/index.html")).unwrap();
    site.write("content/_index.id.md", "---\ntitle: Baru\nsumary: x\n---\n");
    let out = lentera(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("error[yaml-unknown-key]: unknown key `sumary`")
            && stderr.contains("--> content/_index.id.md:3:1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= hint: did you mean `summary`?"),
        "{stderr}"
    );
    assert!(stderr.contains("left untouched"));
    assert_eq!(
        std::fs::read(site.root().join("output/index.html")).unwrap(),
        before
    );
}

#[test]
fn refuses_to_build_over_sources() {
    let site = TestSite::fixture("basic");
    for bad in ["content", ".", "themes", "..", "content/pelajaran"] {
        let out = lentera(&site, &["build", "--output", bad]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bad}: {stderr}");
        assert!(stderr.contains("refusing to build into"), "{bad}: {stderr}");
    }
    assert!(site.root().join("content/site.yaml").is_file());
}

#[test]
fn portable_build_links_to_index_files() {
    let site = TestSite::fixture("basic");
    let out = lentera(&site, &["build", "--portable", "-o", "usb"]);
    assert!(out.status.success());
    let home = std::fs::read_to_string(site.root().join("usb/index.html")).unwrap();
    assert!(
        home.contains("href=./pelajaran/jalur-resmi/index.html"),
        "{home}"
    );
}

#[test]
fn messages_follow_lang_flag_env_and_site_default() {
    let site = TestSite::fixture("basic");
    site.write("content/_index.id.md", "---\ntitle: Baru\nsumary: x\n---\n");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lentera"));
        cmd.args(args)
            .current_dir(site.root())
            .env_remove("LENTERA_LANG")
            .env_remove("LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stderr).into_owned()
    };
    let id =
        "kesalahan[yaml-unknown-key]: kunci `sumary` tidak dikenal\n --> content/_index.id.md:3:1";
    // The site's default language is Indonesian.
    assert!(
        run(&["build"], &[]).contains(id),
        "{}",
        run(&["build"], &[])
    );
    assert!(run(&["build"], &[]).contains("hasil sebelumnya di"));
    assert!(
        run(&["build", "--lang", "en"], &[])
            .contains("error[yaml-unknown-key]: unknown key `sumary`")
    );
    assert!(
        run(&["build"], &[("LANG", "en_US.UTF-8")]).contains("= hint: did you mean `summary`?")
    );
    assert!(
        run(
            &["build"],
            &[("LANG", "en_US.UTF-8"), ("LENTERA_LANG", "id")]
        )
        .contains(id)
    );
}

/// See: #10 (no-op rebuild). A second build with nothing changed renders
/// nothing and leaves every file as it was; after an edit, only the files
/// whose bytes changed get a new modification time.
#[test]
fn unchanged_site_is_not_rebuilt_and_unchanged_files_keep_their_time() {
    let site = TestSite::fixture("basic");
    // Leaflets are not what this is about; without the template there are none.
    std::fs::remove_file(site.root().join("themes/default/templates/leaflet.typ")).unwrap();
    let out = lentera(&site, &["build"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    let page = site.root().join("output/pelajaran/jalur-resmi/index.html");
    let other = site.root().join("output/pelajaran/penipuan/index.html");
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    for f in [&page, &other] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let mtime = |f: &std::path::Path| std::fs::metadata(f).unwrap().modified().unwrap();

    let again = lentera(&site, &["build"]);
    let text = crate::common::printed(&again);
    assert!(
        text.contains("nothing changed since the last build"),
        "{text}"
    );
    assert_eq!(mtime(&page), old);

    // An edit to one lesson: its page changes, the other lesson's does not.
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let source = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, source.replace("Teks.", "Teks baru.")).unwrap();
    let edited = lentera(&site, &["build"]);
    let text = crate::common::printed(&edited);
    assert!(text.contains("built 12 pages"), "{text}");
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("Teks baru.")
    );
    assert_ne!(mtime(&page), old, "the changed page was not rewritten");
    assert_eq!(mtime(&other), old, "an unchanged page was rewritten");

    // A file removed from the output by hand: the next build writes it again.
    std::fs::remove_file(&other).unwrap();
    let repaired = lentera(&site, &["build"]);
    assert!(crate::common::printed(&repaired).contains("built 12 pages"));
    assert!(other.is_file());
}

/// See: #11 (output that survives being killed). `lentera build` killed
/// with SIGKILL at random moments, 50 times, alternating between two
/// versions of the site: `output/` is always the complete old site or the
/// complete new one, and the next build clears what the killed ones left.
#[cfg(unix)]
#[test]
fn killed_builds_leave_the_old_or_the_new_site_never_a_mix() {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.root().join("themes/default/templates/leaflet.typ")).unwrap();
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let source = std::fs::read_to_string(&lesson).unwrap();
    let version = |v: usize| {
        std::fs::write(
            &lesson,
            source.replace("Teks.", &format!("Teks versi {v}.")),
        )
        .unwrap()
    };
    // The two complete sites, and how long a build takes.
    let mut reference = Vec::new();
    let mut longest = std::time::Duration::ZERO;
    for v in 0..2 {
        version(v);
        let start = std::time::Instant::now();
        let out = lentera(&site, &["build", "-o", &format!("ref-{v}")]);
        longest = longest.max(start.elapsed());
        assert!(out.status.success(), "{}", crate::common::printed(&out));
        reference.push(tree(&site.root().join(format!("ref-{v}"))));
    }
    version(0);
    assert!(lentera(&site, &["build"]).status.success());
    let output = site.root().join("output");
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut completed = 0;
    for round in 1..=50 {
        version(round % 2);
        let mut child = Command::new(env!("CARGO_BIN_EXE_lentera"))
            .args(["build"])
            .env("LENTERA_LANG", "en")
            .current_dir(site.root())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // xorshift: a moment somewhere in the build (or just after it).
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = seed % (longest.as_micros() as u64 * 12 / 10 + 1);
        std::thread::sleep(std::time::Duration::from_micros(wait));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            completed += 1;
        }
        let now = tree(&output);
        if now != reference[0] && now != reference[1] {
            // Say which files differ from the nearer site, to find the cause.
            let near =
                &reference[usize::from(now.get("index.html") == reference[1].get("index.html"))];
            let differ: Vec<&String> = near
                .keys()
                .chain(now.keys())
                .filter(|k| near.get(*k) != now.get(*k))
                .collect();
            panic!(
                "round {round}: output/ is neither complete site ({} files); differing: {differ:?}",
                now.len()
            );
        }
    }
    eprintln!("{completed} of 50 builds finished before the kill");
    assert!(lentera(&site, &["build"]).status.success());
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output."))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}

#[test]
fn new_lesson_without_a_section_says_so_and_lists_the_sections() {
    let site = TestSite::fixture("basic");
    let out = lentera(&site, &["new", "lesson", "kapal-ikan"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`kapal-ikan` names no section")
            && stderr.contains("the sections are `pelajaran`;")
            && stderr.contains("`lentera new lesson pelajaran/kapal-ikan`"),
        "{stderr}"
    );
    assert!(!stderr.contains("not a valid name"), "{stderr}");
}

#[test]
fn build_counts_stale_numbers_in_one_line_and_check_lists_them() {
    // The fixture's hotlines were never checked by a person (only their
    // source is dated); a village contact checked in 2024 is stale too.
    let site = TestSite::fixture("basic");
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkabupaten: Contoh Raya\noffice: kanim-contoh\ncontacts:\n  - name: Pak Kades\n    phone: 0812-3456-7890\n    verified: 2024-01-02\n    checked: 2024-01-02\n    checked_by: AB\n    how: called\ndesignated: 2025-09-25\n",
    );
    let out = lentera(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "warning: 2 contacts have phone numbers due for re-checking: run `lentera check` for the details"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("were last checked on"), "{stderr}");
    assert!(!stderr.contains("never checked"), "{stderr}");
    assert!(
        !stderr.contains(" md"),
        "no `md` for milliseconds: {stderr}"
    );
    if cfg!(feature = "leaflets") {
        assert!(
            stderr.contains("wrote 1 leaflets and 1 posters (2 PDF files)"),
            "{stderr}"
        );
    }
    let out = lentera(&site, &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("the numbers of `kp2mi` were never checked by a person")
            && stdout.contains("the phone number of `Pak Kades` was last checked on 2024-01-02"),
        "{stdout}"
    );
}

#[test]
fn times_print_in_ms_or_seconds() {
    use lentera_messages::{Lang, took};
    assert_eq!(took(850, Lang::Id), "850 ms");
    assert_eq!(took(2440, Lang::En), "2.4 s");
    assert_eq!(took(2460, Lang::Id), "2,5 detik");
}

#[test]
fn serve_on_every_interface_prints_lan_addresses_never_0_0_0_0() {
    use std::io::{BufRead, BufReader};
    let site = TestSite::fixture("basic");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["serve", "--host", "0.0.0.0", "--port", &port])
        .env("LENTERA_LANG", "en")
        .current_dir(site.root())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Read stderr on a thread; stop at the last address line, or after a
    // quiet minute (a debug build of the fixture takes seconds).
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let expected = lentera_serve::open_urls(
        std::net::SocketAddr::from(([0, 0, 0, 0], port.parse::<u16>().unwrap())),
        &lentera_serve::lan_addresses(),
    )
    .1;
    let mut printed = String::new();
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        printed.push_str(&line);
        printed.push('\n');
        let done = if expected.is_empty() {
            printed.contains("no network address")
        } else {
            expected.iter().all(|u| printed.contains(u.as_str()))
        };
        if done && printed.contains("Serving on") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        printed.contains(&format!("Serving on http://127.0.0.1:{port}/")),
        "{printed}"
    );
    assert!(!printed.contains("0.0.0.0"), "{printed}");
    let lan: Vec<_> = lentera_serve::lan_addresses()
        .into_iter()
        .filter(|ip| ip.is_ipv4() && !ip.is_loopback())
        .collect();
    match lan.first() {
        Some(ip) => assert!(
            printed.contains(&format!("open http://{ip}:{port}/")),
            "{ip}: {printed}"
        ),
        None => assert!(printed.contains("no network address"), "{printed}"),
    }
}

#[test]
fn open_urls_leave_out_loopback_and_unspecified() {
    use std::net::{IpAddr, SocketAddr};
    let any = SocketAddr::from(([0, 0, 0, 0], 1111));
    let lan: Vec<IpAddr> = [
        "127.0.0.1",
        "0.0.0.0",
        "169.254.1.2",
        "192.168.1.23",
        "fe80::1",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let (local, others) = lentera_serve::open_urls(any, &lan);
    assert_eq!(local, "http://127.0.0.1:1111/");
    assert_eq!(others, ["http://192.168.1.23:1111/"]);
    let one = SocketAddr::from(([192, 168, 1, 23], 8080));
    assert_eq!(
        lentera_serve::open_urls(one, &lan),
        ("http://192.168.1.23:8080/".to_string(), Vec::new())
    );
}
