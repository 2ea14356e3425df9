//! Embeds every file of `articles/` in the binary, so `readout` works from any directory,
//! and names the commit it was built from for `--version`.

use std::{env, fs, io::Write, path::Path, process::Command};

fn main() {
    version();
    println!("cargo:rerun-if-changed=articles");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    let mut names: Vec<String> = fs::read_dir("articles")
        .expect("articles/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The same files a corpus directory is read for: articles and the timeline.
        .filter(|n| !n.starts_with('.') && (n.ends_with(".md") || n == "rounds.toml"))
        .collect();
    names.sort();
    let mut f = fs::File::create(out).expect("can write OUT_DIR");
    writeln!(f, "/// The bundled corpus: (file name, contents).").unwrap();
    writeln!(f, "pub static BUNDLED: &[(&str, &[u8])] = &[").unwrap();
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    for n in names {
        println!("cargo:rerun-if-changed=articles/{n}");
        writeln!(f, "    ({n:?}, include_bytes!(\"{root}/articles/{n}\")),").unwrap();
    }
    writeln!(f, "];").unwrap();
}

/// `READOUT_VERSION`: "0.1.0 (commit 084fa72, 2026-11-29)" in a git checkout, the bare
/// version anywhere else (a tarball, `cargo install` from a registry, no git).
fn version() {
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let full = match git(&["log", "-1", "--format=%h %cs"]) {
        Some(line) => {
            let (hash, date) = line.split_once(' ').unwrap_or((&line, ""));
            // Rebuild when the commit changes: HEAD, and the branch it points to.
            for path in ["HEAD", "packed-refs"] {
                if let Some(p) = git(&["rev-parse", "--git-path", path]) {
                    println!("cargo:rerun-if-changed={p}");
                }
            }
            if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
                && let Some(p) = git(&["rev-parse", "--git-path", &branch])
            {
                println!("cargo:rerun-if-changed={p}");
            }
            format!("{version} (commit {hash}, {date})")
        }
        None => version,
    };
    println!("cargo:rustc-env=READOUT_VERSION={full}");
}
