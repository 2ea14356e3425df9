//! `readout rounds --suggest [DIR]`: a draft `rounds.toml` on standard output, drafted
//! from the days the corpus's articles name; a summary on standard error.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::corpus::Corpus;
use crate::suggest::{date_mentions, render, suggest};
use crate::timeline::parse_timeline;

pub fn run(out: &mut impl Write, corpus: &Corpus) -> Result<ExitCode> {
    if corpus.articles.is_empty() {
        bail!("no articles to draft a timeline from");
    }
    let mentions = date_mentions(&corpus.articles);
    let candidates = suggest(&corpus.articles, &mentions);
    let text = render(&candidates, corpus.articles.len());
    // The draft is meant to pass `readout check` as it stands; never print one that
    // would not.
    if let Err(problems) = parse_timeline("draft rounds.toml", text.as_bytes()) {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        bail!("the drafted timeline does not pass its own check ({first}); please report this");
    }
    out.write_all(text.as_bytes())?;
    let shared = candidates.iter().filter(|c| c.articles > 1).count();
    eprintln!(
        "readout: {} candidate events, {shared} named by two articles or more; save as {} \
         beside the articles and edit",
        candidates.len(),
        crate::corpus::TIMELINE_FILE
    );
    Ok(ExitCode::SUCCESS)
}
