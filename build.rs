//! The text of `lentera --version`: the version, the git commit the binary was
//! built from (outside a git checkout, such as a crates.io package, it says
//! so) and whether the leaflet feature is compiled in.

use std::process::Command;

fn main() {
    // Watch only what exists: a path that does not (a tarball, a worktree
    // whose `.git` is a file) would make cargo run this again on every build.
    println!("cargo:rerun-if-changed=build.rs");
    for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let leaflets = if std::env::var_os("CARGO_FEATURE_LEAFLETS").is_some() {
        "leaflets: yes"
    } else {
        "leaflets: no (built without the `leaflets` feature)"
    };
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let commit = commit.map_or_else(
        || "not built from git".to_string(),
        |c| format!("commit {c}"),
    );
    println!("cargo:rustc-env=LENTERA_VERSION={version} ({commit}, {leaflets})");
    smaller_binary();
}

/// Linker options that make the release binary smaller at no cost in
/// compile time (#28, item 7; BENCHMARKS.md, "Release binary size"), where
/// the linker is known to be lld: Rust's own, the default for
/// x86_64-unknown-linux-gnu since Rust 1.90, unless another linker is set.
///
/// - `--icf=all`: identical functions are kept once (many generic copies
///   of unoptimised dependency code are the same machine code). Only code is
///   folded: rustc's object files carry no address-significance table, so
///   lld keeps every constant and static where it is. (`--icf=safe` would
///   need that table, and folded next to nothing.) Rust promises no unique
///   function addresses; the real site builds byte-identical with it.
/// - `-z pack-relative-relocs`: the relocations of a position-independent
///   binary in the compact RELR form instead of 24 bytes each (minify-html's
///   entity tables alone need 300,000). The binary then needs glibc 2.36 or
///   later, so only when the glibc it is linked against (this machine's,
///   for a native build) is 2.36 or later, and only for the `release`
///   profile a staff member builds and runs on the same machine: not for
///   `dist` (.cargo/config.toml), whose binaries run on other machines.
fn smaller_binary() {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let lld = env("PROFILE") == "release"
        && env("TARGET") == "x86_64-unknown-linux-gnu"
        && env("HOST") == env("TARGET")
        && std::env::var_os("RUSTC_LINKER").is_none()
        // -C linker=…, -C link-self-contained=…, -C linker-features=…
        && !env("CARGO_ENCODED_RUSTFLAGS").contains("link")
        && rustc_minor().is_some_and(|minor| minor >= 90);
    if !lld {
        return;
    }
    println!("cargo:rustc-link-arg-bin=lentera=-Wl,--icf=all");
    if release_folder() && glibc_minor().is_some_and(|minor| minor >= 36) {
        println!("cargo:rustc-link-arg-bin=lentera=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this is the `release` profile itself rather than one that
/// inherits from it (`dist`): cargo tells a build script only `release` for
/// both, but builds each in a folder of its name
/// (`target/[TRIPLE/]PROFILE/build/PACKAGE-HASH/out`).
fn release_folder() -> bool {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    out.ancestors()
        .nth(3)
        .and_then(|p| p.file_name())
        .is_some_and(|name| name == "release")
}

/// The minor version of the compiler (95 for 1.95.0).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let out = Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}

/// The minor version of this machine's glibc (36 for 2.36).
fn glibc_minor() -> Option<u32> {
    let out = Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.trim().strip_prefix("glibc ")?;
    let mut parts = version.split('.');
    (parts.next()? == "2").then_some(())?;
    parts.next()?.parse().ok()
}
