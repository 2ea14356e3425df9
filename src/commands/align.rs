//! `readout align`: every passage with the events it was aligned to, and why.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use std::path::Path;

use super::passages::{PassageJson, passages};
use crate::align::{Aligner, Alignment, Mode, align};
use crate::corpus::{Corpus, parse_article, read_limited};
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

/// Aligns a corpus read from its files article by article: `index` is
/// [`Corpus::load_index`]'s, and each article is read again, in list order, aligned,
/// printed and let go, so memory holds the index and one article, not the corpus.
/// `--uncertain` sorts passages across the corpus: it goes through [`run`].
pub fn run_streaming(out: &mut impl Write, index: &Corpus, options: Options) -> Result<ExitCode> {
    if options.uncertain {
        anyhow::bail!("--uncertain sorts the whole corpus: use `run`");
    }
    let timeline = super::timeline(index)?;
    let aligner = Aligner::new(timeline);
    let mode = mode(options);
    let mut first = true;
    let mut last = String::new();
    if options.json {
        write!(out, "[")?;
    }
    for entry in &index.articles {
        let path = &entry.path;
        let bytes = read_limited(Path::new(path), path)?;
        let article = parse_article(path, &bytes)
            .map_err(|e| anyhow::anyhow!("{e} (the file changed while it was read)"))?;
        let aligned = aligner.align_each(std::slice::from_ref(&article), mode);
        let mut one = Corpus::default();
        one.articles.push(article);
        let alignment = Alignment { articles: aligned };
        for p in passages(&one, timeline, &alignment, None) {
            if options.json {
                // The same bytes as the whole array written at once, pretty-printed.
                let object = serde_json::to_string_pretty(&p)?;
                writeln!(out, "{}", if first { "" } else { "," })?;
                for (i, line) in object.lines().enumerate() {
                    write!(out, "{}  {line}", if i == 0 { "" } else { "\n" })?;
                }
            } else {
                write_passage(out, &p, &mut last)?;
            }
            first = false;
        }
    }
    if options.json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    }
    Ok(ExitCode::SUCCESS)
}

fn mode(options: Options) -> Mode {
    if options.auto {
        Mode::Auto
    } else {
        Mode::Curated
    }
}

pub fn run(out: &mut impl Write, corpus: &Corpus, options: Options) -> Result<ExitCode> {
    let timeline = super::timeline(corpus)?;
    let alignment = align(&corpus.articles, timeline, mode(options));
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
    let mut last = String::new();
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
        write_passage(out, p, &mut last)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` on one line: a block can keep its line breaks (an HTML block does), and so
/// can a cue that quotes it, but each line of this listing must stand alone.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// One passage as text, under its article's line when the article changes from `last`.
fn write_passage(out: &mut impl Write, p: &PassageJson, last: &mut String) -> Result<()> {
    if p.article != last.as_str() {
        if !last.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "{}  ({})", p.article, p.outlet)?;
        *last = p.article.to_string();
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
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    /// Streaming prints, byte for byte, what aligning the whole corpus at once prints.
    #[test]
    fn article_by_article_prints_what_the_whole_corpus_prints() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
        for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
            let p = entry.expect("entry").path();
            let text = std::fs::read_to_string(&p).expect("reads");
            let name = p.file_name().expect("name").to_string_lossy().to_string();
            std::fs::write(dir.path().join(&name), &text).expect("write");
            // Copies on other dates, so list order is not file order.
            if name.ends_with(".md") {
                for day in [2, 30] {
                    let copy = text
                        .replacen("id = \"", &format!("id = \"d{day}-"), 1)
                        .replacen(
                            "published = 2",
                            &format!("published = 2022-01-{day:02} #"),
                            1,
                        );
                    std::fs::write(dir.path().join(format!("{day}-{name}")), copy).expect("write");
                }
            }
        }
        let source = Source::Dir(dir.path().to_path_buf());
        let whole = Corpus::load(&source);
        let index = Corpus::load_index(&source);
        assert!(whole.problems.is_empty(), "{:?}", whole.problems);
        for (json, auto) in [(true, false), (false, false), (true, true), (false, true)] {
            let options = Options {
                auto,
                json,
                uncertain: false,
            };
            let (mut a, mut b) = (Vec::new(), Vec::new());
            run(&mut a, &whole, options).expect("runs");
            run_streaming(&mut b, &index, options).expect("streams");
            assert!(!a.is_empty());
            assert_eq!(
                String::from_utf8_lossy(&b),
                String::from_utf8_lossy(&a),
                "json {json}, auto {auto}"
            );
        }
    }
}
