//! The coverage overview: events × outlets with passage counts; a dot where an outlet is
//! silent, so it reads in monochrome. Enter opens the comparison at the chosen cell.
//! Rows and columns scroll with the chosen cell; arrows in the title say more lie
//! beyond the edges.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use super::status;
use super::util::{put_str, truncate};
use crate::tui::app::App;
use crate::tui::view::coverage::CoverageView;

pub fn render(app: &App, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let view = app.coverage();
    let a = CoverageView::areas(s);
    let Some(timeline) = &s.corpus().timeline else {
        status::render(app, a.status, buf);
        return;
    };
    let (ev, out) = view.cursor();
    let outlets = s.outlets();
    let shown = view.left()..(view.left() + a.columns).min(outlets.len());
    let title = if shown.start > 0 || shown.end < outlets.len() {
        format!(
            "Coverage: outlets {}-{} of {} (h/l)",
            shown.start + 1,
            shown.end,
            outlets.len()
        )
    } else {
        "Coverage: passages per event and outlet".to_string()
    };
    put_str(
        buf,
        a.title.x,
        a.title.y,
        &truncate(&title, usize::from(a.title.width), theme.ellipsis()),
        a.title.width,
        Style::new().add_modifier(Modifier::BOLD),
    );
    // The chosen cell in words, whole, since a narrow column cuts the outlet's name.
    if let (Some(name), Some(event)) = (outlets.get(out), timeline.events.get(ev)) {
        let n = s.count(ev, out);
        let passages = if n == 1 { "passage" } else { "passages" };
        let line = format!("{name} {} {}: {n} {passages}", theme.dot(), event.label);
        put_str(
            buf,
            a.title.x,
            a.title.y + 1,
            &truncate(&line, usize::from(a.title.width), theme.ellipsis()),
            a.title.width,
            theme.dim(),
        );
    }
    let col_w = usize::from(a.column_width);
    let head_w = usize::from(a.head_width);
    for (k, o) in shown.clone().enumerate() {
        let x = a.heads.x as usize + head_w + k * col_w;
        let style = if o == out {
            theme.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        put_str(
            buf,
            x as u16,
            a.heads.y,
            &truncate(&outlets[o], col_w - 1, theme.ellipsis()),
            (col_w - 1) as u16,
            style,
        );
    }
    let dot = if theme.ascii { "." } else { "·" };
    for (r, (e, event)) in timeline
        .events
        .iter()
        .enumerate()
        .skip(view.top())
        .take(usize::from(a.rows.height))
        .enumerate()
    {
        let y = a.rows.y + r as u16;
        let selected_row = e == ev;
        let head = format!("{} {}", event.start, event.label);
        let style = if selected_row {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        put_str(
            buf,
            a.rows.x,
            y,
            &truncate(&head, head_w.saturating_sub(1), theme.ellipsis()),
            head_w.saturating_sub(1) as u16,
            style,
        );
        for (k, o) in shown.clone().enumerate() {
            let count = s.count(e, o);
            let text = if count == 0 {
                dot.to_string()
            } else {
                count.to_string()
            };
            let x = a.rows.x as usize + head_w + k * col_w;
            // Right-aligned in the column less its gap, so counts never touch.
            let cell = format!("{text:>w$}", w = (col_w - 1).min(4).max(text.len()));
            let cell_style = if selected_row && o == out {
                theme.selected().add_modifier(Modifier::BOLD)
            } else if count == 0 {
                theme.dim()
            } else {
                Style::new()
            };
            put_str(buf, x as u16, y, &cell, (col_w - 1) as u16, cell_style);
        }
    }
    status::render(app, a.status, buf);
}
