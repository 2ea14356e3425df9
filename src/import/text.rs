//! Importing a plain text (a pasted article): paragraphs are separated by blank lines,
//! the first line is the title, a "By …" line under it the byline; lines starting with
//! `>` are quotation, with `-`, `*` or `•` list items, with `#` headings.

use super::{Draft, Piece, squeeze};

/// Reads a pasted article.
pub fn from_text(text: &str) -> Draft {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    let mut draft = Draft::default();
    let mut rest = paragraphs.iter().map(String::as_str).peekable();
    // A first paragraph of one short line is the headline.
    if let Some(first) = paragraphs.first()
        && paragraphs.len() > 1
        && !first.contains('\n')
        && first.chars().count() <= 200
    {
        draft.fields.title = Some(squeeze(first.trim_start_matches('#')));
        draft
            .unsure
            .push("title taken from the first line".to_string());
        rest.next();
    }
    if let Some(by) = rest.peek().and_then(|p| byline(p)) {
        draft.fields.author = Some(by);
        rest.next();
    }
    for p in rest {
        draft.body.extend(pieces(p));
    }
    draft
}

/// "By Anna Berg" or "By Anna Berg and Jan Ozols, Reuters": the names.
fn byline(p: &str) -> Option<String> {
    let line = p.trim();
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))?;
    (!line.contains('\n') && rest.len() <= 120).then(|| squeeze(rest))
}

/// The blocks of one blank-line-separated paragraph.
fn pieces(p: &str) -> Vec<Piece> {
    let lines: Vec<&str> = p.lines().collect();
    let marker = |l: &str| -> Option<usize> {
        ["- ", "* ", "• ", "– "]
            .iter()
            .find(|m| l.trim_start().starts_with(**m))
            .map(|m| l.len() - l.trim_start().len() + m.len())
    };
    if lines.iter().all(|l| marker(l).is_some()) {
        return lines
            .iter()
            .filter_map(|l| marker(l).map(|m| Piece::Item(squeeze(&l[m..]))))
            .filter(|p| !p.text().is_empty())
            .collect();
    }
    if lines.iter().all(|l| l.trim_start().starts_with('>')) {
        let text: Vec<&str> = lines
            .iter()
            .map(|l| l.trim_start().trim_start_matches('>'))
            .collect();
        return vec![Piece::Quote(squeeze(&text.join(" ")))];
    }
    let joined = squeeze(p);
    if let Some(h) = joined.strip_prefix('#') {
        return vec![Piece::Heading(squeeze(h.trim_start_matches('#')))];
    }
    vec![Piece::Paragraph(joined)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_byline_and_blocks() {
        let d = from_text(
            "Talks end in Geneva\n\nBy Anna Berg\n\nGENEVA — The talks ended\nafter eight hours.\n\n\
             > We have no reason to return,\n> he said.\n\n- first\n- second\n\n## Reactions\n\nDone.\n",
        );
        assert_eq!(d.fields.title.as_deref(), Some("Talks end in Geneva"));
        assert_eq!(d.fields.author.as_deref(), Some("Anna Berg"));
        assert_eq!(
            d.body,
            vec![
                Piece::Paragraph("GENEVA — The talks ended after eight hours.".into()),
                Piece::Quote("We have no reason to return, he said.".into()),
                Piece::Item("first".into()),
                Piece::Item("second".into()),
                Piece::Heading("Reactions".into()),
                Piece::Paragraph("Done.".into()),
            ]
        );
        assert_eq!(d.unsure, ["title taken from the first line"]);
    }

    #[test]
    fn a_single_paragraph_is_body_not_title() {
        let d = from_text("Only one paragraph here.");
        assert_eq!(d.fields.title, None);
        assert_eq!(
            d.body,
            vec![Piece::Paragraph("Only one paragraph here.".into())]
        );
    }
}
