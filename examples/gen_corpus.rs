//! Writes a synthetic corpus for measuring: `cargo run --release --example gen_corpus --
//! N DIR [SEED]` puts N article files (and the bundled `rounds.toml`, when there is one)
//! into DIR, recombined from the bundled accounts. The same N and seed always give the
//! same files; `benches/readout.rs` uses the same generator.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

#[path = "../bench/corpus_gen.rs"]
mod corpus_gen;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, dir, seed) = match args.as_slice() {
        [n, dir] => (n, dir, None),
        [n, dir, seed] => (n, dir, Some(seed)),
        _ => bail!("usage: gen_corpus N DIR [SEED]"),
    };
    let n: usize = n
        .parse()
        .with_context(|| format!("N must be a number of articles, not {n:?}"))?;
    let seed = match seed {
        Some(s) => s
            .parse()
            .with_context(|| format!("SEED must be a number, not {s:?}"))?,
        None => corpus_gen::SEED,
    };
    let dir = PathBuf::from(dir);
    let source = corpus_gen::bundled_dir();
    let generator = corpus_gen::Generator::from_dir(&source, seed)
        .with_context(|| format!("cannot read the bundled articles in {}", source.display()))?;
    let written = corpus_gen::write_corpus(&generator, n, &dir)
        .with_context(|| format!("cannot write the corpus into {}", dir.display()))?;
    println!(
        "wrote {} articles{} ({} bytes) to {}",
        written.articles,
        if written.timeline {
            " and rounds.toml"
        } else {
            ""
        },
        written.bytes,
        dir.display()
    );
    Ok(())
}
