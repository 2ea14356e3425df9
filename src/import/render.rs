//! Writing an article file: the front matter as TOML, the body as the Markdown that
//! `corpus::body` reads back to the same blocks (text that would read as markup is
//! escaped), and the commented template of `readout new`.

use jiff::civil::Date;

use super::Piece;
use crate::corpus::{Kind, Meta};

/// The text of an article file for `meta` and `body`.
pub fn article_file(meta: &Meta, body: &[Piece]) -> String {
    let mut out = String::from("+++\n");
    let mut key = |k: &str, v: &str| {
        out.push_str(&format!("{k} = {}\n", toml_string(v)));
    };
    key("id", &meta.id);
    key("title", &meta.title);
    key("outlet", &meta.outlet);
    key("country", &meta.country);
    key("author", &meta.author);
    out.push_str(&format!("published = {}\n", meta.published));
    if meta.approximate {
        out.push_str("approximate = true\n");
    }
    out.push_str(&format!("kind = \"{}\"\n", meta.kind));
    out.push_str(&format!("language = {}\n", toml_string(&meta.language)));
    for (k, v) in [
        ("translated_from", &meta.translated_from),
        ("url", &meta.url),
        ("note", &meta.note),
    ] {
        if let Some(v) = v {
            out.push_str(&format!("{k} = {}\n", toml_string(v)));
        }
    }
    out.push_str("+++\n");
    for piece in body {
        out.push('\n');
        match piece {
            Piece::Heading(t) => {
                out.push_str("## ");
                out.push_str(&escape(t));
            }
            Piece::Paragraph(t) => out.push_str(&escape(t)),
            Piece::Item(t) => {
                out.push_str("- ");
                out.push_str(&escape(t));
            }
            Piece::Quote(t) => {
                out.push_str("> ");
                out.push_str(&escape(t));
            }
            Piece::Caption(t) => {
                out.push_str("<!-- caption -->\n");
                out.push_str(&escape(t));
            }
        }
        out.push('\n');
    }
    out
}

/// A TOML basic string. JSON's escapes are all valid TOML.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// One line of text as Markdown that reads back as the same text: inline markup
/// characters are backslash-escaped, and so is whatever would open a block (a heading,
/// a list, a quotation, a rule, HTML) at the start of the line.
pub fn escape(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Block openers at the start of the line.
    let first = out.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        out.insert(0, '\\');
    }
    // "1. " or "1) " opens an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// The commented template `readout new` writes: it fails `readout check` (empty id,
/// title, outlet…) until the placeholders are filled in.
pub fn template(today: Date) -> String {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    format!(
        r#"+++
# Fill in every value between quotes, then run `readout check` on this directory.
id = ""              # unique slug: a-z, 0-9, -   e.g. "reuters-geneva-talks-end"
title = ""           # the headline, as published
outlet = ""          # the publication, e.g. "Reuters"
country = ""         # the outlet's country, e.g. "United Kingdom"
author = ""          # as credited; "Staff" or the agency when there is no byline
published = {today}  # a TOML date, no quotes
# approximate = true # uncomment if the date is a best estimate
kind = "news"        # one of: {kinds}
language = "en"      # BCP 47 tag of this text
# translated_from = "ru"   # uncomment for a translation: the original language
# url = "https://…"        # uncomment: where it was published
# note = "…"               # uncomment: an editor's note
+++

Replace this paragraph with the article's text: one paragraph per block, separated by
blank lines.

## A heading inside the article

> A quotation set apart from the text.

- A list item.

<!-- caption -->
A photo caption: the line above marks it.
"#,
        kinds = kinds.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{BlockKind, parse_article};
    use jiff::civil::date;

    fn meta() -> Meta {
        Meta {
            id: "a-b".into(),
            title: "He said \"no\" \\ then left".into(),
            outlet: "Outlet".into(),
            country: "Latvia".into(),
            author: "Anna Berg".into(),
            published: date(2022, 1, 10),
            approximate: false,
            kind: Kind::News,
            language: "en".into(),
            translated_from: None,
            url: Some("https://example.org/a?b=1&c=2".into()),
            note: None,
        }
    }

    #[test]
    fn every_piece_reads_back_as_the_same_block() {
        let body = vec![
            Piece::Paragraph(
                "# not a heading, *not* emphasis, [not] a link, <b>not</b> html, a_b, 2 > 1 & 3"
                    .into(),
            ),
            Piece::Paragraph("1. not a list".into()),
            Piece::Paragraph("- not an item".into()),
            Piece::Paragraph("---".into()),
            Piece::Paragraph("> not a quote `code` ~x~ a|b \\ back".into()),
            Piece::Heading("Heading".into()),
            Piece::Item("an item".into()),
            Piece::Quote("a quotation".into()),
            Piece::Caption("A caption. / AP".into()),
            Piece::Paragraph("<!-- caption --> still text".into()),
        ];
        let file = article_file(&meta(), &body);
        let article = parse_article("t.md", file.as_bytes()).expect("the rendered file parses");
        assert_eq!(article.meta, meta());
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let want: Vec<&str> = body.iter().map(Piece::text).collect();
        assert_eq!(texts, want);
        let kinds: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[5..9].len(), 4);
        assert!(matches!(kinds[5], BlockKind::Heading { .. }));
        assert_eq!(kinds[8], BlockKind::Caption);
        assert!(kinds[..5].iter().all(|k| *k == BlockKind::Paragraph));
    }

    #[test]
    fn the_template_fails_check_until_filled_and_passes_after() {
        let t = template(date(2022, 1, 10));
        assert!(parse_article("new.md", t.as_bytes()).is_err());
        let filled = t
            .replacen("id = \"\"", "id = \"my-article\"", 1)
            .replacen("title = \"\"", "title = \"Talks\"", 1)
            .replacen("outlet = \"\"", "outlet = \"Reuters\"", 1)
            .replacen("country = \"\"", "country = \"United Kingdom\"", 1)
            .replacen("author = \"\"", "author = \"Staff\"", 1);
        let a = parse_article("new.md", filled.as_bytes()).expect("a filled template passes");
        assert_eq!(a.meta.published, date(2022, 1, 10));
        assert!(a.passage_count() >= 4);
    }
}
