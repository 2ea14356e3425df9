//! `readout compare EVENT`: each outlet's passages about one event, side by side as
//! text, as Markdown for a report, or as JSON passage objects.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use serde::Serialize;

use super::output::md;
use super::passages::passages;
use crate::align::{Mode, align};
use crate::cli::Format;
use crate::compare::{GAP, Grid, columns_for_width, coverage, head_lines};
use crate::corpus::Corpus;
use crate::text::wrap::width as text_width;

/// How to print the comparison.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Total width of the text table.
    pub width: usize,
    /// Text, Markdown or JSON.
    pub format: Format,
    /// ASCII only.
    pub ascii: bool,
    /// Outlets to put first (the configuration's `[compare] outlets`), in this order.
    pub preferred: &'a [String],
}

pub fn run(
    out: &mut impl Write,
    corpus: &Corpus,
    event_id: &str,
    options: Options,
) -> Result<ExitCode> {
    let Options {
        width,
        format,
        ascii,
        preferred,
    } = options;
    let timeline = super::timeline(corpus)?;
    let e = find_event(timeline, event_id)?;
    let event = &timeline.events[e];
    let alignment = align(&corpus.articles, timeline, Mode::Curated);
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
    // Preferred outlets first, in the configured order; the rest keep theirs.
    let rank = |o: &str| preferred.iter().position(|p| p == o).unwrap_or(usize::MAX);
    let mut ordered = covering.clone();
    ordered.sort_by_key(|o| rank(o));

    if format == Format::Json {
        let json = CompareJson {
            event: EventJson {
                id: &event.id,
                title: &event.title,
                label: &event.label,
                start: event.start.to_string(),
                end: event.end.to_string(),
                place: &event.place,
                participants: &event.participants,
                kind: event.kind.as_str(),
            },
            covered_by: covering.clone(),
            not_covered_by: silent.clone(),
            articles: corpus
                .articles
                .iter()
                .enumerate()
                .filter(|(a, _)| !alignment.passages_of(*a, e).is_empty())
                .map(|(_, art)| ArticleJson {
                    id: &art.meta.id,
                    outlet: &art.meta.outlet,
                    title: &art.meta.title,
                    published: art.meta.published.to_string(),
                    url: art.meta.url.as_deref(),
                })
                .collect(),
            passages: passages(corpus, timeline, &alignment, Some(e)),
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }

    if format == Format::Markdown {
        writeln!(out, "## {} · {}\n", event.date_range(), md(&event.title))?;
        let mut detail = md(&event.place);
        if !event.participants.is_empty() {
            detail.push_str(&format!(" · {}", md(&event.participants.join(", "))));
        }
        writeln!(out, "_{detail}_\n")?;
        for o in &ordered {
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
                // The source's address goes with its words, so a pasted report cites it.
                let title = match &art.meta.url {
                    Some(url) => format!("[{}](<{url}>)", md(&art.meta.title)),
                    None => md(&art.meta.title),
                };
                writeln!(
                    out,
                    "*{title}* ({}, {})\n",
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

    // In ASCII, the texts are transliterated before layout so widths hold; the marks the
    // layout adds itself are fitted afterwards.
    let ascii_corpus;
    let (corpus, timeline) = if ascii {
        ascii_corpus = super::ascii_if(true, corpus.clone());
        (&ascii_corpus, super::timeline(&ascii_corpus)?)
    } else {
        (corpus, timeline)
    };
    let event = &timeline.events[e];
    let fit = |s: &str, w: usize| {
        if ascii {
            fit_ascii(s, w)
        } else {
            s.to_string()
        }
    };
    for line in head_lines(event, width) {
        writeln!(out, "{}", fit(&line, width))?;
    }
    writeln!(out, "{}", "=".repeat(width))?;
    // The columns are named as the corpus laid out names its outlets.
    let named: Vec<String> = ordered
        .iter()
        .map(|o| {
            if ascii {
                crate::text::ascii::to_ascii(o).into_owned()
            } else {
                o.to_string()
            }
        })
        .collect();
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    let per = columns_for_width(width);
    for (g, group) in named.chunks(per).enumerate() {
        if g > 0 {
            writeln!(out)?;
        }
        // Only this event's row is printed: only it is laid out.
        let mut grid = Grid::lazy(corpus, timeline, &alignment, group, width);
        grid.lay_out(corpus, e..e + 1);
        let Some(row) = grid.rows.get(e) else {
            continue;
        };
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
                .map(|c| pad(&fit(c.lines.get(k).map_or("", |l| l.text.as_str()), cw), cw))
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

/// `s` in ASCII within `w` columns: a cut marked "…" keeps its mark as "...".
fn fit_ascii(s: &str, w: usize) -> String {
    let t = crate::text::ascii::to_ascii(s).into_owned();
    if t.len() <= w {
        t
    } else if t.ends_with("...") && w > 3 {
        format!("{}...", &t[..w - 3])
    } else {
        t[..w].to_string()
    }
}

/// `compare --format json`.
#[derive(Serialize)]
struct CompareJson<'a> {
    event: EventJson<'a>,
    covered_by: Vec<&'a str>,
    not_covered_by: Vec<&'a str>,
    /// The articles with passages on the event, with their addresses.
    articles: Vec<ArticleJson<'a>>,
    passages: Vec<super::passages::PassageJson<'a>>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    title: &'a str,
    label: &'a str,
    start: String,
    end: String,
    place: &'a str,
    participants: &'a [String],
    kind: &'static str,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    outlet: &'a str,
    title: &'a str,
    published: String,
    url: Option<&'a str>,
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(text_width(s))))
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
