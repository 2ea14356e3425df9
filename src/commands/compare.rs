//! `readout compare EVENT`: each outlet's passages about one event, side by side as
//! text, as Markdown for a report, or as JSON passage objects.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::passages::passages;
use crate::align::{Mode, align};
use crate::cli::Format;
use crate::compare::{GAP, Grid, columns_for_width, coverage, head_lines};
use crate::corpus::Corpus;
use crate::text::wrap::width as text_width;

pub fn run(
    out: &mut impl Write,
    corpus: &Corpus,
    event_id: &str,
    width: usize,
    format: Format,
) -> Result<ExitCode> {
    let timeline = super::timeline(corpus)?;
    let e = find_event(timeline, event_id)?;
    let event = &timeline.events[e];
    let alignment = align(&corpus.articles, timeline, Mode::Curated);
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &passages(corpus, timeline, &alignment, Some(e)))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let outlets = corpus.outlets();
    let counts = coverage(corpus, &alignment, timeline.events.len(), &outlets);
    let (mut covering, mut silent) = (Vec::new(), Vec::new());
    for (o, name) in outlets.iter().enumerate() {
        if counts[e][o] > 0 {
            covering.push(*name);
        } else {
            silent.push(*name);
        }
    }

    if format == Format::Markdown {
        writeln!(out, "## {} · {}\n", event.date_range(), md(&event.title))?;
        let mut detail = md(&event.place);
        if !event.participants.is_empty() {
            detail.push_str(&format!(" · {}", md(&event.participants.join(", "))));
        }
        writeln!(out, "_{detail}_\n")?;
        for o in &covering {
            writeln!(out, "### {}\n", md(o))?;
            for (a, art) in corpus
                .articles
                .iter()
                .enumerate()
                .filter(|(_, x)| x.meta.outlet == *o)
            {
                let ps = alignment.passages_of(a, e);
                if ps.is_empty() {
                    continue;
                }
                writeln!(
                    out,
                    "*{}* ({}, {})\n",
                    md(&art.meta.title),
                    art.meta.published,
                    md(&art.meta.author)
                )?;
                for p in ps {
                    if let Some(b) = art.passages().nth(p) {
                        writeln!(out, "> **¶{}** {}\n", p + 1, md(&b.text))?;
                    }
                }
            }
        }
        if !silent.is_empty() {
            writeln!(out, "Not covered by: {}.", md(&silent.join(", ")))?;
        }
        return Ok(ExitCode::SUCCESS);
    }

    for line in head_lines(event, width) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", "=".repeat(width))?;
    let per = columns_for_width(width);
    for (g, group) in covering.chunks(per).enumerate() {
        if g > 0 {
            writeln!(out)?;
        }
        let grid = Grid::new(corpus, timeline, &alignment, group, width);
        let row = &grid.rows[e];
        let cw = grid.column_width;
        let head: Vec<String> = group.iter().map(|o| pad(o, cw)).collect();
        writeln!(out, "{}", head.join(&" ".repeat(GAP)).trim_end())?;
        writeln!(
            out,
            "{}",
            vec!["-".repeat(cw); group.len()].join(&" ".repeat(GAP))
        )?;
        for k in 0..row.body {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| pad(c.lines.get(k).map_or("", |l| l.text.as_str()), cw))
                .collect();
            writeln!(out, "{}", cells.join(" | ").trim_end())?;
        }
    }
    if covering.is_empty() {
        writeln!(out, "No outlet covers this event.")?;
    } else if !silent.is_empty() {
        writeln!(out, "\nNot covered by: {}.", silent.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(text_width(s))))
}

/// Escapes the characters Markdown would read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn find_event(timeline: &crate::timeline::Timeline, id: &str) -> Result<usize> {
    if let Some(i) = timeline.position(id) {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..timeline.events.len())
        .filter(|&i| timeline.events[i].id.starts_with(id))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => anyhow::bail!(
            "no event {id:?}; `readout rounds` lists them: {}",
            timeline
                .events
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        many => anyhow::bail!(
            "{id:?} could be any of: {}",
            many.iter()
                .map(|&i| timeline.events[i].id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
