//! `readout check`: every problem of a corpus or of one article, one per line; exit 1 if
//! there is any.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::{Corpus, Source, TIMELINE_FILE, check_corpus_dir, read_limited};
use crate::text::sanitize::sanitize_line;

pub fn run(out: &mut impl Write, corpus: &Corpus, source: &Source) -> Result<ExitCode> {
    report(out, corpus, &source.describe())
}

/// `check PATH`: a directory is checked as a corpus, a file as one article (or as the
/// timeline, if it is one), with its directory's timeline so its markers are checked too.
pub fn run_path(out: &mut impl Write, path: &Path) -> Result<ExitCode> {
    let shown = sanitize_line(&path.display().to_string()).into_owned();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow::anyhow!("{shown}: no such file or directory"),
        _ => anyhow::anyhow!("{shown}: cannot read it: {e}"),
    })?;
    if meta.is_dir() {
        check_corpus_dir(path).map_err(|why| anyhow::anyhow!("{shown}: {why}"))?;
        let source = Source::Dir(path.to_path_buf());
        return run(out, &Corpus::load_index(&source), &source);
    }
    let mut files = Vec::new();
    let timeline = path.with_file_name(TIMELINE_FILE);
    let is_timeline = path.file_name().is_some_and(|n| n == TIMELINE_FILE);
    if !is_timeline && timeline.is_file() {
        let t = timeline.display().to_string();
        files.push((t.clone(), read_limited(&timeline, &t)));
    }
    let p = path.display().to_string();
    files.push((p.clone(), read_limited(path, &p)));
    report(out, &Corpus::from_files(files), &shown)
}

fn report(out: &mut impl Write, corpus: &Corpus, what: &str) -> Result<ExitCode> {
    for problem in &corpus.problems {
        writeln!(out, "{problem}")?;
    }
    let events = corpus.timeline.as_ref().map_or(0, |t| t.events.len());
    if corpus.problems.is_empty() {
        writeln!(
            out,
            "{what}: {} articles, {} events, no problems",
            corpus.articles.len(),
            events
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{what}: {} articles loaded, {} skipped, {} problem(s)",
            corpus.articles.len(),
            corpus.skipped,
            corpus.problems.len()
        )?;
        Ok(ExitCode::FAILURE)
    }
}
