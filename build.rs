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
}
