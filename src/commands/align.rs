//! `readout align`: every passage with the events it was aligned to, and why.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::passages::passages;
use crate::align::{Mode, align};
use crate::corpus::Corpus;
use crate::text::wrap::width as text_width;

/// What `readout align` was asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Ignore curators' markers.
    pub auto: bool,
    /// JSON instead of text.
    pub json: bool,
    /// Only the passages below [`UNCERTAIN`] certainty, least sure first.
    pub uncertain: bool,
}

/// The certainty (percent) below which `--uncertain` lists a passage.
pub const UNCERTAIN: u8 = 75;

pub fn run(out: &mut impl Write, corpus: &Corpus, options: Options) -> Result<ExitCode> {
    let timeline = super::timeline(corpus)?;
    let mode = if options.auto {
        Mode::Auto
    } else {
        Mode::Curated
    };
    let alignment = align(&corpus.articles, timeline, mode);
    let mut all = passages(corpus, timeline, &alignment, None);
    if options.uncertain {
        all.retain(|p| !p.by_hand && p.certainty < UNCERTAIN);
        // Least sure first; ties in corpus order (the sort is stable).
        all.sort_by_key(|p| p.certainty);
    }
    if options.json {
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut last = "";
    for p in &all {
        if options.uncertain {
            let left = p
                .runner_up
                .as_ref()
                .map(|(e, c)| format!("; not {e} ({c}%)"))
                .unwrap_or_default();
            let events = if p.events.is_empty() {
                "-".to_string()
            } else {
                p.events
                    .iter()
                    .map(|e| format!("{e} ({}%)", p.confidence.get(*e).copied().unwrap_or(0)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(
                out,
                "{}% {} ¶{}: {events}{left}",
                p.certainty,
                p.article,
                p.passage + 1
            )?;
            writeln!(out, "       {}", excerpt(p.text, 70))?;
            continue;
        }
        if p.article != last {
            if !last.is_empty() {
                writeln!(out)?;
            }
            writeln!(out, "{}  ({})", p.article, p.outlet)?;
            last = p.article;
        }
        let events = if p.events.is_empty() {
            "-".to_string()
        } else {
            p.events.join(", ")
        };
        let hand = if p.by_hand { " (by hand)" } else { "" };
        writeln!(out, "  ¶{:<3} {events}{hand}", p.passage + 1)?;
        writeln!(out, "       {}", excerpt(p.text, 70))?;
        for (event, cues) in &p.why {
            writeln!(out, "       {event}: {}", one_line(&cues.join("; ")))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` on one line: a block can keep its line breaks (an HTML block does), and so
/// can a cue that quotes it, but each line of this listing must stand alone.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// The start of `text` on one line, at most `width` columns.
fn excerpt(text: &str, width: usize) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        if text_width(&out) + 2 > width {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}
