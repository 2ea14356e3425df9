//! Wrapping for reading: an article laid out as lines at a given measure, each line
//! knowing which block it came from and where in that block's text it starts, so the
//! reader can keep its place across a resize and highlight search matches.

use std::ops::Range;

use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

use crate::corpus::{Article, BlockKind};

/// What a laid-out line shows, so a front end can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The headline.
    Title,
    /// Outlet, author, date and the like.
    Byline,
    /// The editor's note.
    Note,
    /// A section heading.
    Heading,
    /// Body text.
    Paragraph,
    /// The first line of a list item (it carries the bullet).
    ListItem,
    /// A list item's continuation lines.
    ListItemContinued,
    /// A quotation.
    Quote,
    /// A photo caption.
    Caption,
    /// Preformatted text.
    Preformatted,
    /// Space between blocks.
    Blank,
}

/// One line of an article at a given width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What kind of line it is.
    pub kind: LineKind,
    /// Index of the block it belongs to (`None` for the title, byline and blanks).
    pub block: Option<usize>,
    /// Drawn before the text: a bullet, or the indent of a list item or quotation.
    pub prefix: String,
    /// The text of the line, without trailing spaces.
    pub text: String,
    /// Byte offset of `text` in its block's text (0 for lines without a block).
    pub offset: usize,
}

/// The marks drawn before list items, quotations and captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Before an unordered list item.
    pub bullet: &'static str,
    /// Before each line of a quotation.
    pub quote: &'static str,
    /// Before each line of a caption, so it reads as one without colour.
    pub caption: &'static str,
    /// Between the parts of a byline.
    pub separator: &'static str,
    /// Before an approximate date.
    pub approximate: &'static str,
}

impl Glyphs {
    /// For UTF-8 terminals and output.
    pub const UNICODE: Glyphs = Glyphs {
        bullet: "•",
        quote: "│",
        caption: "▏",
        separator: "·",
        approximate: "≈",
    };
    /// For terminals that cannot show more than ASCII.
    pub const ASCII: Glyphs = Glyphs {
        bullet: "-",
        quote: "|",
        caption: ":",
        separator: "-",
        approximate: "~",
    };
}

/// An article laid out at one width. Computed once per width and kept: a frame only
/// slices it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The width it was laid out for, in columns.
    pub width: usize,
    /// Every line, title first.
    pub lines: Vec<Line>,
    /// For each block, the index of its first line.
    pub block_lines: Vec<usize>,
}

impl Layout {
    /// Lays out `article` for a measure of `width` columns (at least 1).
    pub fn new(article: &Article, width: usize, glyphs: Glyphs) -> Layout {
        Layout::with(article, width, glyphs, Addresses::Fit)
    }

    /// Lays out `article` for plain output, where a web address longer than the line
    /// runs past it whole (the terminal folds it; copying keeps it one line).
    pub fn plain(article: &Article, width: usize, glyphs: Glyphs) -> Layout {
        Layout::with(article, width, glyphs, Addresses::Whole)
    }

    fn with(article: &Article, width: usize, glyphs: Glyphs, addresses: Addresses) -> Layout {
        let width = width.max(1);
        let mut lines = Vec::new();
        let push_wrapped = |lines: &mut Vec<Line>, kind: LineKind, text: &str| {
            for (offset, piece) in wrap_with(text, width, addresses) {
                lines.push(Line {
                    kind,
                    block: None,
                    prefix: String::new(),
                    text: piece.to_string(),
                    offset,
                });
            }
        };
        push_wrapped(&mut lines, LineKind::Title, &article.meta.title);
        push_wrapped(&mut lines, LineKind::Byline, &byline_with(article, glyphs));
        push_wrapped(&mut lines, LineKind::Byline, &details_with(article, glyphs));
        if let Some(url) = &article.meta.url {
            push_wrapped(&mut lines, LineKind::Byline, url);
        }
        if let Some(note) = &article.meta.note {
            lines.push(blank());
            push_wrapped(&mut lines, LineKind::Note, note);
        }
        let mut block_lines = Vec::with_capacity(article.blocks.len());
        for (i, block) in article.blocks.iter().enumerate() {
            lines.push(blank());
            block_lines.push(lines.len());
            let (kind, first_prefix, rest_prefix) = match block.kind {
                BlockKind::Heading { .. } => (LineKind::Heading, String::new(), String::new()),
                BlockKind::Paragraph => (LineKind::Paragraph, String::new(), String::new()),
                BlockKind::Caption => {
                    let mark = format!("{} ", glyphs.caption);
                    (LineKind::Caption, mark.clone(), mark)
                }
                BlockKind::Preformatted => {
                    (LineKind::Preformatted, "  ".to_string(), "  ".to_string())
                }
                BlockKind::Quote => {
                    let mark = format!("{} ", glyphs.quote);
                    (LineKind::Quote, mark.clone(), mark)
                }
                BlockKind::ListItem { depth, number } => {
                    let indent = "  ".repeat(usize::from(depth).min(8));
                    let bullet = match number {
                        Some(n) => format!("{n}. "),
                        None => format!("{} ", glyphs.bullet),
                    };
                    let hang = " ".repeat(bullet.width());
                    (
                        LineKind::ListItem,
                        format!("{indent}{bullet}"),
                        format!("{indent}{hang}"),
                    )
                }
            };
            let inner = width.saturating_sub(first_prefix.width()).max(1);
            for (n, (offset, piece)) in wrap_with(&block.text, inner, addresses)
                .into_iter()
                .enumerate()
            {
                let (kind, prefix) = match (kind, n) {
                    (LineKind::ListItem, 0) => (kind, first_prefix.clone()),
                    (LineKind::ListItem, _) => (LineKind::ListItemContinued, rest_prefix.clone()),
                    (_, 0) => (kind, first_prefix.clone()),
                    _ => (kind, rest_prefix.clone()),
                };
                lines.push(Line {
                    kind,
                    block: Some(i),
                    prefix,
                    text: piece.to_string(),
                    offset,
                });
            }
        }
        Layout {
            width,
            lines,
            block_lines,
        }
    }

    /// The block shown at or after `line` (the block a reader is on).
    pub fn block_at(&self, line: usize) -> Option<usize> {
        self.lines
            .iter()
            .skip(line)
            .find_map(|l| l.block)
            .or_else(|| self.lines.iter().rev().find_map(|l| l.block))
    }

    /// The first line of `block`.
    pub fn line_of_block(&self, block: usize) -> usize {
        self.block_lines.get(block).copied().unwrap_or(0)
    }
}

fn blank() -> Line {
    Line {
        kind: LineKind::Blank,
        block: None,
        prefix: String::new(),
        text: String::new(),
        offset: 0,
    }
}

/// "The Moscow Times (Russia) · Felix Light".
pub fn byline(article: &Article) -> String {
    byline_with(article, Glyphs::UNICODE)
}

/// The byline with these glyphs ("-" between the parts in ASCII).
pub fn byline_with(article: &Article, glyphs: Glyphs) -> String {
    let m = &article.meta;
    format!(
        "{} ({}) {} {}",
        m.outlet, m.country, glyphs.separator, m.author
    )
}

/// "2022-01-14 · analysis · en, translated from lv"; "≈" marks an approximate date.
pub fn details(article: &Article) -> String {
    details_with(article, Glyphs::UNICODE)
}

/// The details with these glyphs ("~2022-01-14 - analysis - en" in ASCII).
pub fn details_with(article: &Article, glyphs: Glyphs) -> String {
    let m = &article.meta;
    let date = if m.approximate {
        format!("{}{}", glyphs.approximate, m.published)
    } else {
        m.published.to_string()
    };
    let lang = match &m.translated_from {
        Some(t) => format!("{}, translated from {t}", m.language),
        None => m.language.clone(),
    };
    let sep = glyphs.separator;
    format!("{date} {sep} {} {sep} {lang}", m.kind)
}

/// What to do with a web address longer than a whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addresses {
    /// Break it at the width, as the last resort: a screen cell past the edge would be
    /// lost, and a pane must never lose text.
    Fit,
    /// Keep it whole, running past the width: plain output, where the terminal folds it.
    Whole,
}

/// Wraps `text` to `width` display columns, keeping hard line breaks and breaking words
/// longer than a line. Web addresses are kept whole on a line of their own rather than
/// broken (a broken address cannot be copied or followed) — unless one is longer than a
/// whole line, which is then broken at the width so nothing is lost. Every line fits.
/// Returns each line with its byte offset in `text`.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, &str)> {
    wrap_with(text, width, Addresses::Fit)
}

/// [`wrap`], choosing what happens to an address longer than a line.
pub fn wrap_with(text: &str, width: usize, addresses: Addresses) -> Vec<(usize, &str)> {
    let width = width.max(1);
    let options = Options::new(width)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true);
    let mut out = Vec::new();
    let base = text.as_ptr() as usize;
    for hard in text.split('\n') {
        let hard_offset = hard.as_ptr() as usize - base;
        if hard.trim().is_empty() {
            out.push((hard_offset, ""));
            continue;
        }
        let urls = url_spans(hard);
        if !urls.is_empty() {
            for (offset, len) in wrap_keeping_urls(hard, width, &urls, addresses) {
                let start = hard_offset + offset;
                out.push((start, text[start..start + len].trim_end()));
            }
            continue;
        }
        for piece in textwrap::wrap(hard, &options) {
            // textwrap returns slices of its input when it does not hyphenate or indent,
            // which lets us find where each line starts.
            let offset = match piece {
                std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - base,
                std::borrow::Cow::Owned(_) => hard_offset,
            };
            let end = (offset + piece.len()).min(text.len());
            out.push((offset, text[offset..end].trim_end()));
        }
    }
    out
}

/// Byte ranges of the web addresses in `line`: `http://`, `https://` or `www.` at the
/// start of a word, up to the next space, less the punctuation that ends a sentence.
pub fn url_spans(line: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while from < line.len() {
        let rest = &line[from..];
        let Some(start) = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| {
                rest.match_indices(p)
                    .map(|(i, _)| from + i)
                    .find(|&i| i == 0 || !line[..i].ends_with(|c: char| c.is_alphanumeric()))
            })
            .min()
        else {
            break;
        };
        let len = line[start..]
            .find(char::is_whitespace)
            .unwrap_or(line.len() - start);
        let mut url = &line[start..start + len];
        loop {
            let trimmed =
                url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '»']);
            // A closing bracket belongs to the address only if it opened one.
            let trimmed = match trimmed.chars().last() {
                Some(c @ (')' | ']')) => {
                    let open = if c == ')' { '(' } else { '[' };
                    if trimmed.matches(open).count() < trimmed.matches(c).count() {
                        &trimmed[..trimmed.len() - 1]
                    } else {
                        trimmed
                    }
                }
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        // "www." alone, or a scheme with nothing after it, is not an address.
        if url.len() > 8 {
            spans.push(start..start + url.len());
        }
        from = start + len.max(1);
    }
    spans
}

/// First-fit wrapping of one hard line in which the words that make up an address
/// are glued into one that is never broken. Returns (offset, length) of each line.
fn wrap_keeping_urls(
    line: &str,
    width: usize,
    urls: &[Range<usize>],
    addresses: Addresses,
) -> Vec<(usize, usize)> {
    let base = line.as_ptr() as usize;
    let at = |w: &Word| w.word.as_ptr() as usize - base;
    let words: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(line)
        .collect();
    let mut fragments: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let start = at(&words[i]);
        let end_of = |w: &Word| at(w) + w.word.len();
        if let Some(url) = urls
            .iter()
            .find(|u| u.start < end_of(&words[i]) && start < u.end)
        {
            let mut j = i;
            while j + 1 < words.len() && at(&words[j + 1]) < url.end {
                j += 1;
            }
            let end = end_of(&words[j]) + words[j].whitespace.len();
            let whole = Word::from(&line[start..end]);
            if addresses == Addresses::Fit && whole.width() > width as f64 {
                fragments.extend(whole.break_apart(width));
            } else {
                fragments.push(whole);
            }
            i = j + 1;
        } else {
            let w = words[i];
            if w.width() > width as f64 {
                fragments.extend(w.break_apart(width));
            } else {
                fragments.push(w);
            }
            i += 1;
        }
    }
    wrap_first_fit(&fragments, &[width as f64])
        .into_iter()
        .filter_map(|ws| {
            let (first, last) = (ws.first()?, ws.last()?);
            Some((at(first), at(last) + last.word.len() - at(first)))
        })
        .collect()
}

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    s.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(text: &str, w: usize) -> Vec<usize> {
        wrap(text, w).iter().map(|(_, l)| l.width()).collect()
    }

    #[test]
    fn lines_fit_and_offsets_point_into_the_text() {
        let text = "On January 10 this year, US and Russian diplomats began high-level talks.";
        let lines = wrap(text, 20);
        assert!(lines.len() > 2);
        for (offset, line) in &lines {
            assert!(line.width() <= 20, "{line:?}");
            assert!(text[*offset..].starts_with(line));
        }
        let joined: Vec<&str> = lines.iter().map(|(_, l)| *l).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = "中文新闻报道了日内瓦的会谈和布鲁塞尔的会议";
        for w in widths(text, 10) {
            assert!(w <= 10, "{w}");
        }
        assert_eq!(wrap(text, 10)[0].1, "中文新闻报");
    }

    #[test]
    fn combining_marks_and_latvian_diacritics_do_not_add_width() {
        let text = "Latvijas Avīze Krišjānis e\u{301}e\u{301}e\u{301}";
        assert_eq!(text.width(), 28);
        let lines = wrap(text, 14);
        assert_eq!(lines[0].1, "Latvijas Avīze");
        // 13 columns: the combining accents take none, so this fits a line of 14.
        assert_eq!(lines[1].1, "Krišjānis e\u{301}e\u{301}e\u{301}");
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let word = "x".repeat(25);
        let lines = wrap(&word, 10);
        assert_eq!(
            lines.iter().map(|(_, l)| l.len()).collect::<Vec<_>>(),
            vec![10, 10, 5]
        );
        assert_eq!(lines[2].0, 20);
    }

    #[test]
    fn hard_breaks_are_kept() {
        let lines = wrap("one\ntwo", 80);
        assert_eq!(lines, vec![(0, "one"), (4, "two")]);
    }

    #[test]
    fn an_address_is_never_broken() {
        let url = "https://www.themoscowtimes.com/2022/01/14/a-week-of-russia-west-diplomacy-ends-in-deadlock-a76026";
        let text = format!("The full text is at {url}. Read it before the talks resume.");
        for w in [20, 40, 60, 200] {
            let lines = wrap_with(&text, w, Addresses::Whole);
            assert!(
                lines.iter().any(|(_, l)| l.contains(url)),
                "at {w}: {lines:?}"
            );
            // On screen, an address that fits a line is whole on one; a longer one is
            // broken at the width, every piece of it shown, nothing past the edge.
            let fitted = wrap(&text, w);
            assert!(fitted.iter().all(|(_, l)| l.width() <= w), "{fitted:?}");
            if url.len() <= w {
                assert!(fitted.iter().any(|(_, l)| l.contains(url)), "{fitted:?}");
            } else {
                let joined: String = fitted.iter().map(|(_, l)| *l).collect();
                assert!(joined.contains(url), "{fitted:?}");
            }
            for (offset, line) in &lines {
                assert!(text[*offset..].starts_with(line));
                if !line.contains(url) {
                    assert!(line.width() <= w, "{line:?}");
                }
            }
        }
        // Other long words are still broken to fit.
        assert!(wrap(&"x".repeat(30), 10).iter().all(|(_, l)| l.len() <= 10));
    }

    #[test]
    fn address_spans_leave_out_sentence_punctuation() {
        let line =
            "See (https://en.wikipedia.org/wiki/NATO_(disambiguation)), www.osce.org. And http://";
        let spans: Vec<&str> = url_spans(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(
            spans,
            vec![
                "https://en.wikipedia.org/wiki/NATO_(disambiguation)",
                "www.osce.org"
            ]
        );
    }

    #[test]
    fn ascii_glyphs_reach_the_byline() {
        let text = "+++\nid = \"a\"\ntitle = \"T\"\noutlet = \"O\"\ncountry = \"C\"\nauthor = \"A\"\npublished = 2022-01-14\napproximate = true\nkind = \"news\"\nlanguage = \"en\"\n+++\n\n> Quoted.\n";
        let article = crate::corpus::parse_article("a.md", text.as_bytes()).expect("valid");
        let layout = Layout::new(&article, 40, Glyphs::ASCII);
        let shown: Vec<String> = layout
            .lines
            .iter()
            .map(|l| format!("{}{}", l.prefix, l.text))
            .collect();
        assert_eq!(shown[1], "O (C) - A");
        assert_eq!(shown[2], "~2022-01-14 - news - en");
        assert!(shown.iter().all(|l| l.is_ascii()), "{shown:?}");
        let unicode = Layout::new(&article, 40, Glyphs::UNICODE);
        assert_eq!(unicode.lines[2].text, "≈2022-01-14 · news · en");
    }

    #[test]
    fn width_one_still_makes_progress() {
        let lines = wrap("ab 中", 1);
        assert!(lines.iter().all(|(_, l)| !l.is_empty()));
    }
}
