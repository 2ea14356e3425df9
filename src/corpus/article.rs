//! An article file: TOML front matter between `+++` lines, then a Markdown body.
//! Parsing and validation live here; the body's blocks are shaped in `body.rs`.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::body::{self, Block};
use super::error::CorpusError;
use super::store::Stored;
use crate::text::sanitize::sanitize_line;

/// Files larger than this are refused unread: no news article comes near it, and the
/// limit keeps a stray multi-gigabyte file from eating the reader's memory.
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// What kind of writing an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Reporting of events.
    News,
    /// Reported analysis, news analysis.
    Analysis,
    /// An author's argument.
    Opinion,
    /// A shorter remark on events or on others' writing.
    Commentary,
    /// A record of what was said.
    Transcript,
    /// An official statement.
    Statement,
    /// Someone's answers to a journalist's questions.
    Interview,
}

impl Kind {
    /// Every kind, in the order the front matter's documentation lists them.
    pub const ALL: [Kind; 7] = [
        Kind::News,
        Kind::Analysis,
        Kind::Opinion,
        Kind::Commentary,
        Kind::Transcript,
        Kind::Statement,
        Kind::Interview,
    ];

    /// The word used in the front matter and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Analysis => "analysis",
            Kind::Opinion => "opinion",
            Kind::Commentary => "commentary",
            Kind::Transcript => "transcript",
            Kind::Statement => "statement",
            Kind::Interview => "interview",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The front matter of an article, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Unique slug: lowercase letters, digits and hyphens.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The publication, e.g. "The Moscow Times".
    pub outlet: String,
    /// Country of the outlet.
    pub country: String,
    /// Author or authors, as credited.
    pub author: String,
    /// Publication date.
    #[serde(with = "toml_date")]
    pub published: Date,
    /// The date is a best estimate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// What kind of writing it is.
    pub kind: Kind,
    /// BCP 47 language tag of the text, e.g. "en".
    pub language: String,
    /// BCP 47 tag of the original language, when the text is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An editor's note and the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One account in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file it came from, as shown in messages.
    pub path: String,
    /// Front matter, every string sanitised.
    pub meta: Meta,
    /// The body: headings, paragraphs, list items, quotations, captions.
    pub blocks: Vec<Block>,
    /// Line of the file where the `id` key is, for duplicate-id messages.
    pub id_line: usize,
    /// Where the body's text is when it is not in memory ([`Article::hollow`]): then
    /// `blocks` holds only the blocks with markers, without their text.
    pub stored: Option<Box<Stored>>,
}

impl Article {
    /// The article's passages (every block but headings), in order; a passage's index
    /// here is its paragraph number, counting from 0.
    pub fn passages(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_passage())
    }

    /// Number of passages (also of a hollow article's).
    pub fn passage_count(&self) -> usize {
        match &self.stored {
            Some(s) => s.passage_lens.len(),
            None => self.passages().count(),
        }
    }

    /// A citation line: outlet, title, date, paragraph number (passage `p` from 0, if
    /// any) and URL, as a reader pastes it under a quotation:
    /// `The Moscow Times, “A Week of …”, 2022-01-14, ¶1, https://…`.
    pub fn citation(&self, passage: Option<usize>) -> String {
        let m = &self.meta;
        let mut parts = vec![m.outlet.clone(), format!("“{}”", m.title)];
        parts.push(if m.approximate {
            format!("about {}", m.published)
        } else {
            m.published.to_string()
        });
        if let Some(p) = passage {
            parts.push(format!("¶{}", p + 1));
        }
        if let Some(url) = &m.url {
            parts.push(url.clone());
        }
        parts.join(", ")
    }

    /// Passage `p` (from 0) with its citation on the line below, ready to paste.
    pub fn quotation(&self, p: usize) -> Option<String> {
        let text = &self.passages().nth(p)?.text;
        Some(format!("{text}\n— {}", self.citation(Some(p))))
    }
}

/// Parses and validates one article file. `path` is only used in messages.
pub fn parse_article(path: &str, bytes: &[u8]) -> Result<Article, CorpusError> {
    let (mut article, body_text, body_line) = parse_front(path, bytes)?;
    article.blocks = parse_blocks(path, body_text, body_line)?;
    Ok(article)
}

/// The first half of [`parse_article`]: the file's front matter, parsed and validated,
/// as an article with no blocks yet, and the body's text with the line it starts on,
/// for [`parse_blocks`]. A reader that shows the list before any text (the bundled
/// corpus's first frame) needs no more than this of most articles.
pub fn parse_front<'a>(
    path: &str,
    bytes: &'a [u8],
) -> Result<(Article, &'a str, usize), CorpusError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // Safe: valid_up_to marks a UTF-8 boundary.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        CorpusError::at_offset(
            path,
            prefix,
            prefix.len(),
            1,
            format!(
                "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                bytes[e.valid_up_to()]
            ),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body_text, body_line) = split_front_matter(path, text)?;

    let mut meta: Meta = toml::from_str(front).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        CorpusError::at_offset(path, front, offset, 2, toml_message(e.message()))
    })?;
    let id_line = key_line(front, "id").map_or(2, |l| l + 1);
    // Sanitise first: a title of nothing but invisible characters is an empty title.
    sanitize_meta(&mut meta);
    validate_meta(path, front, &meta)?;
    let article = Article {
        path: path.to_string(),
        meta,
        blocks: Vec::new(),
        id_line,
        stored: None,
    };
    Ok((article, body_text, body_line))
}

/// The second half of [`parse_article`]: the body's blocks, from its text as
/// [`parse_front`] left it (`body_line` is the file's line it starts on); an error if
/// it has no passage.
pub fn parse_blocks(
    path: &str,
    body_text: &str,
    body_line: usize,
) -> Result<Vec<Block>, CorpusError> {
    let blocks = body::parse_body(path, body_text, body_line)?;
    if !blocks.iter().any(|b| b.is_passage()) {
        return Err(CorpusError::at(
            path,
            body_line,
            1,
            "the article has no body text after the front matter",
        ));
    }
    Ok(blocks)
}

/// The message for a file over [`MAX_ARTICLE_BYTES`].
pub fn too_large(path: &str, len: u64) -> CorpusError {
    CorpusError::at(
        path,
        1,
        1,
        format!(
            "file is {:.1} MiB, over the {} MiB limit for an article",
            len as f64 / (1024.0 * 1024.0),
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ),
    )
}

/// Splits `+++ front +++ body`; returns the front matter, the body and the body's first line.
fn split_front_matter<'a>(
    path: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), CorpusError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(CorpusError::at(
            path,
            1,
            1,
            "expected `+++` on the first line, opening the TOML front matter",
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            let front = &text[front_start..offset];
            let body = &text[offset + l.len()..];
            return Ok((front, body, line + 1));
        }
        offset += l.len();
    }
    Err(CorpusError::at(
        path,
        1,
        1,
        "the front matter opened on line 1 is never closed by a `+++` line",
    ))
}

/// The 1-based line (within `front`) where `key = …` is written.
fn key_line(front: &str, key: &str) -> Option<usize> {
    front
        .lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// toml's messages for unknown keys list every allowed one; keep them, but make the
/// usual mistakes read plainly.
fn toml_message(message: &str) -> String {
    let m = message.trim().replace('\n', " ");
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("missing key {rest} in the front matter");
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return format!("unknown key {rest}");
    }
    m
}

fn validate_meta(path: &str, front: &str, meta: &Meta) -> Result<(), CorpusError> {
    let at = |key: &str, message: String| {
        let line = key_line(front, key).map_or(2, |l| l + 1);
        CorpusError::at(path, line, 1, message)
    };
    if !is_slug(&meta.id) {
        return Err(at(
            "id",
            format!(
                "id {:?} must be a slug: lowercase ASCII letters, digits and hyphens",
                meta.id
            ),
        ));
    }
    for (key, value) in [
        ("title", &meta.title),
        ("outlet", &meta.outlet),
        ("country", &meta.country),
        ("author", &meta.author),
    ] {
        if value.trim().is_empty() {
            return Err(at(key, format!("`{key}` is empty")));
        }
    }
    if !is_language_tag(&meta.language) {
        return Err(at(
            "language",
            format!(
                "language {:?} is not a BCP 47 tag such as \"en\" or \"lv\"",
                meta.language
            ),
        ));
    }
    if let Some(t) = &meta.translated_from
        && !is_language_tag(t)
    {
        return Err(at(
            "translated_from",
            format!("translated_from {t:?} is not a BCP 47 tag such as \"lv\""),
        ));
    }
    Ok(())
}

/// True for an id: non-empty, lowercase ASCII letters, digits and hyphens. Article ids,
/// event ids and the ids in markers all follow it.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A light BCP 47 check: a 2–3 letter language, then alphanumeric subtags of 1–8.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn sanitize_meta(meta: &mut Meta) {
    for s in [
        &mut meta.title,
        &mut meta.outlet,
        &mut meta.country,
        &mut meta.author,
        &mut meta.language,
    ] {
        *s = sanitize_line(s).into_owned();
    }
    for s in [&mut meta.translated_from, &mut meta.url, &mut meta.note]
        .into_iter()
        .flatten()
    {
        *s = sanitize_line(s).into_owned();
    }
}

/// Front matter dates are TOML dates (`published = 2022-01-14`), not strings.
mod toml_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let value = toml::value::Datetime::deserialize(d).map_err(|_| {
            D::Error::custom("expected a TOML date such as 2022-01-14, without quotes")
        })?;
        match (value.date, value.time) {
            (Some(date), None) => Date::new(date.year as i16, date.month as i8, date.day as i8)
                .map_err(|_| D::Error::custom(format!("{value} is not a day of the calendar"))),
            _ => Err(D::Error::custom(format!(
                "expected a date such as 2022-01-14, found {value}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en", "lv", "en-GB", "zh-Hans-CN", "rus"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "12"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    /// Every kind is read from the front matter by the word it is written as, the
    /// interview too.
    #[test]
    fn every_kind_reads_as_it_is_written() {
        for kind in Kind::ALL {
            let text = format!(
                "+++\nid = \"a\"\ntitle = \"T\"\noutlet = \"O\"\ncountry = \"C\"\n\
                 author = \"A\"\npublished = 2022-01-13\nkind = \"{kind}\"\n\
                 language = \"en\"\n+++\n\nText.\n"
            );
            let article = parse_article("a.md", text.as_bytes()).expect("parses");
            assert_eq!(article.meta.kind, kind);
        }
        assert!(Kind::ALL.iter().any(|k| k.as_str() == "interview"));
    }

    #[test]
    fn key_line_finds_the_key_not_a_prefix() {
        let front = "idx = 1\nid = \"a\"\n";
        assert_eq!(key_line(front, "id"), Some(2));
    }
}
