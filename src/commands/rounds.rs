//! `readout rounds`: the timeline, with the coverage matrix of passages per outlet.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::align::{Mode, align};
use crate::corpus::Corpus;

pub fn run(out: &mut impl Write, corpus: &Corpus) -> Result<ExitCode> {
    let timeline = super::timeline(corpus)?;
    let alignment = align(&corpus.articles, timeline, Mode::Curated);
    let outlets = corpus.outlets();
    let counts = crate::compare::coverage(corpus, &alignment, timeline.events.len(), &outlets);
    for (i, o) in outlets.iter().enumerate() {
        writeln!(out, "[{}] {o}", i + 1)?;
    }
    writeln!(out)?;
    let id_w = timeline
        .events
        .iter()
        .map(|e| e.id.len())
        .max()
        .unwrap_or(2);
    write!(out, "{:<23}  {:<id_w$}", "date", "event")?;
    for i in 0..outlets.len() {
        write!(out, " {:>4}", format!("[{}]", i + 1))?;
    }
    writeln!(out)?;
    for (e, event) in timeline.events.iter().enumerate() {
        write!(out, "{:<23}  {:<id_w$}", event.date_range(), event.id)?;
        for &n in &counts[e] {
            let cell = if n == 0 {
                ".".to_string()
            } else {
                n.to_string()
            };
            write!(out, " {cell:>4}")?;
        }
        writeln!(out)?;
        let detail = format!("{} · {} · {}", event.title, event.place, event.kind);
        writeln!(out, "{:25}{detail}", "")?;
    }
    Ok(ExitCode::SUCCESS)
}
