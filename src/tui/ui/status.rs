//! The status line: the search being typed, a message, or key hints built from the key
//! map; and, on the right, how many files were skipped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::util::{put_line, put_str, truncate};
use crate::text::wrap::width as text_width;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let corpus = s.corpus();
    let search = app.browse().search();
    let w = usize::from(area.width);
    let mut right = String::new();
    if let Some(sweep) = app.browse().sweep() {
        let (done, total) = sweep.progress();
        let key = s
            .keymap()
            .key_for(Action::Back, Context::List)
            .unwrap_or_default();
        right = format!(" searching {done}/{total} · {key} stops ");
    } else if let Some((done, total)) = s.loading() {
        right = format!(" loading {done}/{total} ");
    } else if let Some((done, total)) = s.aligning() {
        right = format!(" aligning {done}/{total} ");
    } else if corpus.skipped > 0 || !corpus.problems.is_empty() {
        let key = s
            .keymap()
            .key_for(Action::Problems, Context::List)
            .unwrap_or_default();
        right = match corpus.skipped {
            0 if corpus.problems.len() == 1 => format!(" 1 problem, {key} shows "),
            0 => format!(" {} problems, {key} shows ", corpus.problems.len()),
            1 => format!(" 1 file skipped, {key} shows why "),
            n => format!(" {n} files skipped, {key} shows why "),
        };
    }
    let right_w = text_width(&right).min(w / 2);
    let left_w = w - right_w;
    if app.context() == Context::Search {
        let text = format!("/{}", search.query());
        // Keep the end of a long query visible.
        let shown: String = if text_width(&text) + 1 > left_w {
            let skip = text
                .chars()
                .count()
                .saturating_sub(left_w.saturating_sub(2));
            text.chars().skip(skip).collect()
        } else {
            text
        };
        let cursor = if theme.ascii { "_" } else { "▏" };
        put_line(
            buf,
            area,
            area.y,
            &Line::from(vec![Span::raw(shown), Span::styled(cursor, theme.key())]),
        );
    } else if let Some(status) = s.status() {
        let style = if status.warning {
            theme.warning()
        } else {
            Style::new()
        };
        // A message longer than the line keeps its end (a path, the part that says
        // where) and loses its middle.
        put_str(
            buf,
            area.x,
            area.y,
            &shorten_middle(&status.text, left_w, theme.ellipsis()),
            left_w as u16,
            style,
        );
    } else {
        let mut spans = Vec::new();
        let mut used = 0;
        // The first keys of a sequence, so the user sees readout waits for the rest.
        if !app.pending_keys().is_empty() {
            let keys = crate::tui::keymap::seq_label(app.pending_keys(), theme.ascii);
            let piece = format!("{keys} {}  ", theme.ellipsis());
            if text_width(&piece) <= left_w {
                used += text_width(&piece);
                spans.push(Span::styled(piece, theme.key()));
            }
        }
        // The match count belongs to the reader: it goes when the reader loses focus.
        // It comes first, before any hint, since it is what the reader is looking at.
        if app.context() == Context::Reader
            && let Some(n) = search.current().map(|c| c + 1)
        {
            let piece = format!("match {n}/{}  ", search.matches().len());
            if text_width(&piece) <= left_w {
                used += text_width(&piece);
                spans.push(Span::raw(piece));
            }
        }
        for (action, word) in hints(app.context()) {
            let Some(key) = s.keymap().key_for_in(*action, app.context(), theme.ascii) else {
                continue;
            };
            let piece = format!("{key} {word}  ");
            if used + text_width(&piece) > left_w {
                break;
            }
            used += text_width(&piece);
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!(" {word}  "), theme.dim()));
        }
        put_line(
            buf,
            Rect::new(area.x, area.y, left_w as u16, 1),
            area.y,
            &Line::from(spans),
        );
    }
    if right_w > 0 {
        let x = area.x + (w - right_w) as u16;
        put_str(
            buf,
            x,
            area.y,
            &truncate(&right, right_w, theme.ellipsis()),
            right_w as u16,
            theme.warning(),
        );
    }
}

/// Cuts `text` to `width` columns by taking out its middle, so both its start (what
/// happened) and its end (often a path) stay.
fn shorten_middle(text: &str, width: usize, ellipsis: &str) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(text_width(ellipsis));
    let head_w = room / 2;
    let head = truncate(text, head_w + text_width(ellipsis), ellipsis);
    let head = head.strip_suffix(ellipsis).unwrap_or(&head).to_string();
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]));
        if used + cw > room - text_width(&head) {
            break;
        }
        used += cw;
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}{ellipsis}{tail}")
}

/// The hints shown for each context, most useful first.
fn hints(context: Context) -> &'static [(Action, &'static str)] {
    match context {
        Context::List => &[
            (Action::Open, "open"),
            (Action::Compare, "compare"),
            (Action::Coverage, "coverage"),
            (Action::Search, "search"),
            (Action::Filter, "filter"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        Context::Reader => &[
            (Action::PageDown, "page"),
            (Action::Search, "search"),
            (Action::Compare, "compare"),
            (Action::Zoom, "zoom"),
            (Action::Back, "list"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
            (Action::Copy, "copy"),
            (Action::Why, "why"),
        ],
        Context::Compare => &[
            (Action::NextEvent, "next event"),
            (Action::PrevEvent, "prev"),
            (Action::FocusNext, "column"),
            (Action::Right, "outlets"),
            (Action::Open, "read"),
            (Action::Coverage, "coverage"),
            (Action::Back, "back"),
            (Action::Help, "help"),
            (Action::Copy, "copy"),
            (Action::Why, "why"),
        ],
        Context::Coverage => &[
            (Action::Open, "compare"),
            (Action::Back, "back"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        Context::Overlay => &[(Action::Back, "close"), (Action::Down, "scroll")],
        Context::Search => &[
            (Action::SearchAccept, "search"),
            (Action::SearchCancel, "cancel"),
        ],
        Context::Filter => &[
            (Action::Down, "field"),
            (Action::Right, "value"),
            (Action::Open, "keep"),
            (Action::Back, "cancel"),
        ],
    }
}
