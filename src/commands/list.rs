//! `readout list`: one line per article, or a JSON array of front matter.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::Corpus;

pub fn run(out: &mut impl Write, corpus: &Corpus, json: bool) -> Result<ExitCode> {
    if json {
        let metas: Vec<_> = corpus.articles.iter().map(|a| &a.meta).collect();
        serde_json::to_writer_pretty(&mut *out, &metas)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for a in &corpus.articles {
        let m = &a.meta;
        let approx = if m.approximate { "~" } else { " " };
        writeln!(
            out,
            "{}{approx}  {}  {}  {}",
            m.published, m.outlet, m.id, m.title
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
