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
/// printed and let go, so memory holds the index and a few articles, not the corpus.
/// `--uncertain` sorts passages across the corpus: it goes through [`run`].
///
/// Workers (one per core) each take every n-th run of [`RUN`] articles, read, parse,
/// align and render them; this thread writes the runs in list order. Each worker may
/// get [`AHEAD`] runs ahead of the writer.
pub fn run_streaming(out: &mut impl Write, index: &Corpus, options: Options) -> Result<ExitCode> {
    if options.uncertain {
        anyhow::bail!("--uncertain sorts the whole corpus: use `run`");
    }
    let timeline = super::timeline(index)?;
    let aligner = Aligner::new(timeline);
    let mode = mode(options);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let runs: Vec<&[crate::corpus::Article]> = index.articles.chunks(RUN).collect();
    if options.json {
        write!(out, "[")?;
    }
    let mut first = true;
    std::thread::scope(|scope| -> Result<()> {
        let mut inboxes = Vec::with_capacity(workers);
        for w in 0..workers {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Rendered>(AHEAD);
            inboxes.push(rx);
            let (aligner, runs) = (&aligner, &runs);
            scope.spawn(move || {
                for run in runs.iter().skip(w).step_by(workers) {
                    let rendered = render_run(run, aligner, timeline, mode, options);
                    let failed = rendered.1.is_err();
                    // The writer gone (its output failed), or this run failed: stop.
                    if tx.send(rendered).is_err() || failed {
                        return;
                    }
                }
            });
        }
        for i in 0..runs.len() {
            let (rendered, result) = inboxes[i % workers]
                .recv()
                .map_err(|_| anyhow::anyhow!("a worker aligning the corpus stopped"))?;
            // Each passage comes with its separator from the one before: the first
            // of all has none.
            let mut bytes = &rendered[..];
            if first && !bytes.is_empty() {
                bytes = &bytes[1..];
                first = false;
            }
            // What came before a failed article is written before its error.
            out.write_all(bytes)?;
            result?;
        }
        Ok(())
    })?;
    if options.json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    }
    Ok(ExitCode::SUCCESS)
}

/// How many articles a worker of [`run_streaming`] takes at a time.
const RUN: usize = 16;

/// How many runs a worker of [`run_streaming`] may get ahead of the writer.
const AHEAD: usize = 4;

/// A run of articles rendered, and whether it was rendered whole: an error stops it at
/// the article that failed, after the ones before it.
type Rendered = (Vec<u8>, Result<()>);

/// Reads, parses, aligns and renders the articles of `run` (their index entries), each
/// passage preceded by its separator from the one before (`,` and a line break in JSON,
/// a blank line between articles in text), as [`run_streaming`] writes them.
fn render_run(
    run: &[crate::corpus::Article],
    aligner: &Aligner,
    timeline: &crate::timeline::Timeline,
    mode: Mode,
    options: Options,
) -> Rendered {
    let mut out = Vec::new();
    let mut object = Vec::new();
    let result = run.iter().try_for_each(|entry| {
        render_one(
            entry,
            aligner,
            timeline,
            mode,
            options,
            &mut out,
            &mut object,
        )
    });
    (out, result)
}

/// [`render_run`]'s work for one article, appended to `out`.
fn render_one(
    entry: &crate::corpus::Article,
    aligner: &Aligner,
    timeline: &crate::timeline::Timeline,
    mode: Mode,
    options: Options,
    out: &mut Vec<u8>,
    object: &mut Vec<u8>,
) -> Result<()> {
    let path = &entry.path;
    let bytes = read_limited(Path::new(path), path)?;
    let article = parse_article(path, &bytes)
        .map_err(|e| anyhow::anyhow!("{e} (the file changed while it was read)"))?;
    let aligned = aligner.align_each(std::slice::from_ref(&article), mode);
    let mut one = Corpus::default();
    one.articles.push(article);
    let alignment = Alignment { articles: aligned };
    let mut last = String::new();
    for p in passages(&one, timeline, &alignment, None) {
        if options.json {
            // The same bytes as the whole array written at once, pretty-printed:
            // the object one level in.
            object.clear();
            serde_json::to_writer_pretty(&mut *object, &p)?;
            out.extend_from_slice(b",\n  ");
            let mut rest = &object[..];
            while let Some(i) = memchr::memchr(b'\n', rest) {
                out.extend_from_slice(&rest[..=i]);
                out.extend_from_slice(b"  ");
                rest = &rest[i + 1..];
            }
            out.extend_from_slice(rest);
        } else {
            if last.is_empty() {
                // The blank line between articles.
                writeln!(out)?;
            }
            write_passage(out, &p, &mut last)?;
        }
    }
    Ok(())
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

    /// Streaming prints, byte for byte, what aligning the whole corpus at once prints,
    /// however its runs of articles are shared among the workers.
    /// A directory of the compare fixtures, each with copies on 28 other days: more
    /// articles than several runs of each worker, and list order not file order.
    fn many_articles() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
        for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
            let p = entry.expect("entry").path();
            let text = std::fs::read_to_string(&p).expect("reads");
            let name = p.file_name().expect("name").to_string_lossy().to_string();
            std::fs::write(dir.path().join(&name), &text).expect("write");
            // Copies on other dates, so list order is not file order, and enough of
            // them for several runs of articles on each worker.
            if name.ends_with(".md") {
                for day in 1..=28 {
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
        dir
    }

    #[test]
    fn article_by_article_prints_what_the_whole_corpus_prints() {
        let dir = many_articles();
        let source = Source::Dir(dir.path().to_path_buf());
        let whole = Corpus::load(&source);
        let index = Corpus::load_index(&source);
        assert!(whole.problems.is_empty(), "{:?}", whole.problems);
        assert!(index.articles.len() > 4 * RUN, "{}", index.articles.len());
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

    /// An article gone between the index and its turn: the error names its file, and
    /// everything before it in list order was written.
    #[test]
    fn a_file_gone_midway_stops_with_its_name_after_all_before_it() {
        let dir = many_articles();
        let source = Source::Dir(dir.path().to_path_buf());
        let index = Corpus::load_index(&source);
        let gone = &index.articles[3 * RUN + 5].path;
        std::fs::remove_file(gone).expect("removes");
        let options = Options::default();
        let mut out = Vec::new();
        let err = run_streaming(&mut out, &index, options).expect_err("fails");
        assert!(err.to_string().contains(gone.as_str()), "{err}");
        let text = String::from_utf8_lossy(&out);
        let before = &index.articles[3 * RUN + 4].meta.id;
        let after = &index.articles[3 * RUN + 6].meta.id;
        assert!(text.contains(&format!("{before}  (")), "{text}");
        assert!(!text.contains(&format!("{after}  (")), "{text}");
    }
}
