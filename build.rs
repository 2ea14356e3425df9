//! Embeds every file of `articles/` in the binary, so `readout` works from any directory.

use std::{env, fs, io::Write, path::Path};

fn main() {
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
