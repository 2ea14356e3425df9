//! `readout check`: every problem of a corpus, one per line; exit 1 if there is any.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::{Corpus, Source};

pub fn run(out: &mut impl Write, corpus: &Corpus, source: &Source) -> Result<ExitCode> {
    for problem in &corpus.problems {
        writeln!(out, "{problem}")?;
    }
    let events = corpus.timeline.as_ref().map_or(0, |t| t.events.len());
    if corpus.problems.is_empty() {
        writeln!(
            out,
            "{}: {} articles, {} events, no problems",
            source.describe(),
            corpus.articles.len(),
            events
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{}: {} articles loaded, {} skipped, {} problem(s)",
            source.describe(),
            corpus.articles.len(),
            corpus.skipped,
            corpus.problems.len()
        )?;
        Ok(ExitCode::FAILURE)
    }
}
