//! The body of an article: Markdown turned into the blocks a reader sees — headings,
//! paragraphs, list items, quotations and captions — each sanitised once, here.
//!
//! Two HTML comments carry what Markdown has no word for. `<!-- caption -->` on the line
//! before a paragraph marks it as a photo caption. `<!-- events: id, id -->` (or
//! `<!-- events: none -->`) sets the events of the next passage by hand; it wins over
//! the aligner.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::error::CorpusError;
use crate::text::sanitize::sanitize;

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A section heading, level 1–6.
    Heading { level: u8 },
    /// Body text.
    Paragraph,
    /// An item of a list, `depth` 0 for the outermost list, `number` for ordered lists.
    ListItem { depth: u8, number: Option<u64> },
    /// A Markdown block quotation (`> …`).
    Quote,
    /// A photo caption.
    Caption,
    /// Preformatted text (a fenced or indented code block): line breaks kept.
    Preformatted,
}

impl BlockKind {
    /// The name used in plain and JSON output.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::Quote => "quotation",
            BlockKind::Caption => "caption",
            BlockKind::Preformatted => "preformatted",
        }
    }
}

/// A curator's choice of events for a passage, written as `<!-- events: … -->`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Event ids; empty for `none`.
    pub events: Vec<String>,
    /// Line of the marker in the file.
    pub line: usize,
    /// Column of the first event id, for messages.
    pub col: usize,
}

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, sanitised, inline Markdown resolved to plain text.
    pub text: String,
    /// Its first line in the file.
    pub line: usize,
    /// Events set by hand, if any.
    pub marker: Option<Marker>,
}

impl Block {
    /// Passages are what alignment and paragraph numbers count: every block but headings.
    pub fn is_passage(&self) -> bool {
        !matches!(self.kind, BlockKind::Heading { .. })
    }
}

/// What the comment before a block asked for.
#[derive(Default)]
struct Pending {
    caption: bool,
    marker: Option<Marker>,
}

/// Parses a Markdown body that starts at line `first_line` of the file at `path`.
pub fn parse_body(path: &str, body: &str, first_line: usize) -> Result<Vec<Block>, CorpusError> {
    let mut blocks = Vec::new();
    let mut open: OpenBlock = None;
    let mut pending = Pending::default();
    let mut quote_depth = 0usize;
    // One entry per open list: the number of the next item, for ordered lists.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut html: Option<(String, usize)> = None;

    // Line starts, so finding a block's line is a binary search, not a rescan.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + starts.partition_point(|&s| s <= offset) - 1;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => match &mut open {
                // A loose list item's paragraphs all belong to the item.
                Some((BlockKind::ListItem { .. }, text, _)) => {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                }
                _ => {
                    let kind = if quote_depth > 0 {
                        BlockKind::Quote
                    } else if pending.caption {
                        BlockKind::Caption
                    } else {
                        BlockKind::Paragraph
                    };
                    finish(&mut open, &mut pending, &mut blocks);
                    open = Some((kind, String::new(), line_of(range.start)));
                }
            },
            // A loose list item's paragraph ends inside the item, not the item itself.
            Event::End(TagEnd::Paragraph)
                if !matches!(open, Some((BlockKind::ListItem { .. }, _, _))) =>
            {
                finish(&mut open, &mut pending, &mut blocks)
            }
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut open, &mut pending, &mut blocks);
                let kind = BlockKind::Heading { level: level as u8 };
                open = Some((kind, String::new(), line_of(range.start)));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                finish(&mut open, &mut pending, &mut blocks);
                open = Some((BlockKind::Preformatted, String::new(), line_of(range.start)));
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::CodeBlock) => {
                finish(&mut open, &mut pending, &mut blocks)
            }
            Event::Start(Tag::BlockQuote(_)) => {
                finish(&mut open, &mut pending, &mut blocks);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                finish(&mut open, &mut pending, &mut blocks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(start)) => {
                finish(&mut open, &mut pending, &mut blocks);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                finish(&mut open, &mut pending, &mut blocks);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                finish(&mut open, &mut pending, &mut blocks);
                let depth = lists.len().saturating_sub(1).min(u8::MAX as usize) as u8;
                let number = match lists.last_mut() {
                    Some(Some(n)) => {
                        let this = *n;
                        *n += 1;
                        Some(this)
                    }
                    _ => None,
                };
                let kind = BlockKind::ListItem { depth, number };
                open = Some((kind, String::new(), line_of(range.start)));
            }
            Event::End(TagEnd::Item) => finish(&mut open, &mut pending, &mut blocks),
            Event::Start(Tag::HtmlBlock) => html = Some((String::new(), range.start)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, start)) = html.take() {
                    let line = line_of(start);
                    if let Some(shown) = html_block(path, line, &text, &mut pending)? {
                        finish(&mut open, &mut pending, &mut blocks);
                        open = Some((BlockKind::Paragraph, shown, line));
                        finish(&mut open, &mut pending, &mut blocks);
                    }
                }
            }
            Event::Html(t) => match &mut html {
                Some((text, _)) => text.push_str(&t),
                None => push_text(&mut open, &t),
            },
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
                if let Some((text, _)) = &mut html {
                    text.push_str(&t);
                } else {
                    push_text(&mut open, &t)
                }
            }
            Event::SoftBreak => push_text(&mut open, " "),
            Event::HardBreak => push_text(&mut open, "\n"),
            _ => {}
        }
    }
    finish(&mut open, &mut pending, &mut blocks);
    Ok(blocks)
}

type OpenBlock = Option<(BlockKind, String, usize)>;

/// Closes the open block, if any, giving it what the comments before it asked for.
fn finish(open: &mut OpenBlock, pending: &mut Pending, blocks: &mut Vec<Block>) {
    if let Some((kind, text, line)) = open.take() {
        let text = sanitize(text.trim()).trim().to_string();
        if text.is_empty() {
            return;
        }
        let marker = if matches!(kind, BlockKind::Heading { .. }) {
            None
        } else {
            pending.caption = false;
            pending.marker.take()
        };
        blocks.push(Block {
            kind,
            text,
            line,
            marker,
        });
    }
}

fn push_text(open: &mut OpenBlock, t: &str) {
    if let Some((_, text, _)) = open {
        text.push_str(t);
    }
}

/// Reads an HTML block at `line`: a `caption` or `events:` comment sets what applies to
/// the next passage and other comments are ignored; any other HTML is returned, to be
/// shown as text, never interpreted.
fn html_block(
    path: &str,
    line: usize,
    html: &str,
    pending: &mut Pending,
) -> Result<Option<String>, CorpusError> {
    let trimmed = html.trim();
    let Some(inner) = trimmed
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
    else {
        return Ok(Some(trimmed.to_string()));
    };
    let inner = inner.trim();
    if inner.eq_ignore_ascii_case("caption") {
        pending.caption = true;
    } else if let Some(list) = inner.strip_prefix("events:") {
        // The column (in characters) on the marker's own line, just after "events:".
        let col = html.find("events:").map_or(1, |i| {
            let line_start = html[..i].rfind('\n').map_or(0, |n| n + 1);
            html[line_start..i].chars().count() + "events:".len() + 1
        });
        let mut events = Vec::new();
        for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if id == "none" {
                continue;
            }
            if !super::article::is_slug(id) {
                return Err(CorpusError::at(
                    path,
                    line,
                    col,
                    format!("events marker: {id:?} is not an event id"),
                ));
            }
            events.push(id.to_string());
        }
        pending.marker = Some(Marker { events, line, col });
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<Block> {
        parse_body("t.md", s, 1).expect("parses")
    }

    #[test]
    fn blocks_of_each_kind_with_lines() {
        let b = parse(
            "## Heading\n\nFirst para\ncontinues.\n\n- one\n- two\n\n> quoted\n\n<!-- caption -->\nA photo. / AP\n",
        );
        let kinds: Vec<_> = b
            .iter()
            .map(|b| (b.kind.name(), b.text.as_str(), b.line))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("heading", "Heading", 1),
                ("paragraph", "First para continues.", 3),
                ("list-item", "one", 6),
                ("list-item", "two", 7),
                ("quotation", "quoted", 9),
                ("caption", "A photo. / AP", 12),
            ]
        );
    }

    #[test]
    fn caption_marker_applies_to_the_next_paragraph_only() {
        let b = parse("<!-- caption -->\nCap.\n\nBody.\n");
        assert_eq!(b[0].kind, BlockKind::Caption);
        assert_eq!(b[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn events_marker_is_attached_with_its_line() {
        let b = parse(
            "Intro.\n\n<!-- events: geneva-2022-01-10, osce-2022-01-13 -->\nBody.\n\nAfter.\n",
        );
        assert_eq!(b[0].marker, None);
        let m = b[1].marker.as_ref().expect("marker");
        assert_eq!(m.events, vec!["geneva-2022-01-10", "osce-2022-01-13"]);
        assert_eq!(m.line, 3);
        assert_eq!(b[2].marker, None);
        let none = parse("<!-- events: none -->\nBody.\n");
        assert_eq!(none[0].marker.as_ref().map(|m| m.events.len()), Some(0));
    }

    #[test]
    fn bad_marker_is_an_error_at_its_line() {
        let e = parse_body("t.md", "A.\n\n<!-- events: Geneva! -->\nB.\n", 5).unwrap_err();
        assert_eq!((e.line, e.message.contains("Geneva!")), (7, true));
    }

    #[test]
    fn inline_markdown_becomes_plain_text() {
        let b = parse("Some *emphasis*, **strong**, `code` and [a link](http://x).\n");
        assert_eq!(b[0].text, "Some emphasis, strong, code and a link.");
    }

    #[test]
    fn ordered_and_nested_lists() {
        let b = parse("3. a\n4. b\n   - inner\n");
        assert_eq!(
            b[0].kind,
            BlockKind::ListItem {
                depth: 0,
                number: Some(3)
            }
        );
        assert_eq!(
            b[1].kind,
            BlockKind::ListItem {
                depth: 0,
                number: Some(4)
            }
        );
        assert_eq!(
            (b[2].kind, b[2].text.as_str()),
            (
                BlockKind::ListItem {
                    depth: 1,
                    number: None
                },
                "inner"
            )
        );
    }

    #[test]
    fn raw_html_is_text_not_markup() {
        let b = parse("<div>hi</div>\n\nText.\n");
        assert_eq!(b[0].text, "<div>hi</div>");
        assert_eq!(b[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}deep\n", "> ".repeat(5000));
        let b = parse(&deep);
        assert!(b.iter().any(|b| b.text == "deep"));
        let lists = format!(
            "{}x\n",
            (0..2000)
                .map(|i| format!("{}- ", "  ".repeat(i)))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let _ = parse(&lists);
    }
}
