//! Measures the aligner alone on a large corpus, the figure issue 7 promised not to make
//! worse: `cargo run --release --example align_scale -- DIR [RUNS]`. It loads DIR (a
//! corpus with its `rounds.toml`, e.g. from `gen_corpus`) with `Corpus::load`, then
//! times `align::align` over every article RUNS times (default 5) and prints the best
//! and the median, with a digest of the alignment so two builds that must agree can be
//! checked to agree. `bench/align_scale.sh` generates the corpus and runs it.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use readout::align::{self, Mode};
use readout::corpus::{Corpus, Source};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, runs) = match args.as_slice() {
        [dir] => (dir, 5),
        [dir, runs] => (
            dir,
            runs.parse::<usize>()
                .with_context(|| format!("RUNS must be a number, not {runs:?}"))?,
        ),
        _ => bail!("usage: align_scale DIR [RUNS]"),
    };
    let corpus = Corpus::load(&Source::Dir(PathBuf::from(dir)));
    let Some(timeline) = corpus.timeline.as_ref() else {
        bail!("{dir}: no rounds.toml, nothing to align against");
    };
    let passages: usize = corpus.articles.iter().map(|a| a.passages().count()).sum();
    let mut times = Vec::with_capacity(runs);
    let mut digest = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let alignment = align::align(&corpus.articles, timeline, Mode::Curated);
        times.push(start.elapsed().as_secs_f64());
        // Outside the timing: every run must give the same alignment.
        let mut h = Digest(DefaultHasher::new());
        write!(h, "{alignment:?}")?;
        let d = h.0.finish();
        if digest.is_some_and(|x| x != d) {
            bail!("two runs gave different alignments");
        }
        digest = Some(d);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"articles\": {}, \"passages\": {}, \"runs\": {}, \"best_s\": {:.4}, \"median_s\": {:.4}, \"digest\": \"{:016x}\"}}",
        corpus.articles.len(),
        passages,
        times.len(),
        times[0],
        times[times.len() / 2],
        digest.unwrap_or(0),
    );
    Ok(())
}

/// Hashes what is written to it, so a digest of the whole alignment needs no copy of it.
struct Digest(DefaultHasher);

impl std::fmt::Write for Digest {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
