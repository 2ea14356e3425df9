//! Where the reader shows a URL, as OSC 8 hyperlinks for the backend: the article's own
//! URL in its byline (followed across the lines it wraps onto), and any `http://` or
//! `https://` word in the text. Computed from the same geometry the reader is drawn
//! with, so a link lies exactly over its text.

use crate::text::wrap::{LineKind, width as text_width};
use crate::tui::app::{App, Screen};
use crate::tui::backend::Link;

/// True unless the terminal is known not to take OSC 8 (`TERM=dumb` or `linux`), or
/// `READOUT_LINKS=0` turns links off. Terminals that do not know OSC 8 ignore it.
pub fn supported() -> bool {
    if std::env::var("READOUT_LINKS").is_ok_and(|v| v == "0") {
        return false;
    }
    !matches!(std::env::var("TERM").as_deref(), Ok("dumb" | "linux"))
}

/// The links on screen now.
pub fn of(app: &App) -> Vec<Link> {
    let mut out = Vec::new();
    if app.screen() != Screen::Browse || app.overlay().is_some() {
        return out;
    }
    let s = app.session();
    let browse = app.browse();
    let (Some(reader), Some(_)) = (browse.reader(), app.panes().reader) else {
        return out;
    };
    let article = &s.corpus().articles[reader.article()];
    let area = browse.text_area(s).text;
    let own = article.meta.url.as_deref();
    for (row, line) in reader
        .layout()
        .lines
        .iter()
        .skip(reader.top())
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + row as u16;
        let x0 = area.x + text_width(&line.prefix) as u16;
        if line.kind == LineKind::Byline
            && let Some(url) = own
            && !line.text.is_empty()
            && url.contains(line.text.as_str())
        {
            out.push(Link {
                x: x0,
                y,
                width: (text_width(&line.text) as u16).min(area.width),
                url: url.to_string(),
            });
            continue;
        }
        for (start, word) in urls(&line.text) {
            let x = x0 + text_width(&line.text[..start]) as u16;
            if x >= area.right() {
                continue;
            }
            out.push(Link {
                x,
                y,
                width: (text_width(word) as u16).min(area.right() - x),
                url: word.to_string(),
            });
        }
    }
    out
}

/// The URLs in `text`: words from `http://` or `https://` to the next space, without
/// trailing punctuation; with their byte offsets.
fn urls(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..]
        .find("https://")
        .or_else(|| text[from..].find("http://"))
    {
        let start = from + i;
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |e| start + e);
        let word = text[start..end].trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | ']' | '”' | '’' | '"' | '\'' | '!' | '?'
            )
        });
        if word.len() > "https://".len() {
            out.push((start, word));
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_words_without_trailing_punctuation() {
        assert_eq!(
            urls("see https://example.org/a.b), and http://x.io."),
            vec![(4, "https://example.org/a.b"), (34, "http://x.io")]
        );
        assert!(urls("https:// alone").is_empty());
    }
}
