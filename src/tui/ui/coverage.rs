//! The coverage overview: events × outlets with passage counts; a dot where an outlet is
//! silent, so it reads in monochrome. Enter opens the comparison at the chosen cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::status;
use super::util::{put_str, truncate};
use crate::text::wrap::width as text_width;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let status_area = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let Some(timeline) = &app.corpus.timeline else {
        status::render(app, status_area, buf);
        return;
    };
    let n = app.outlets.len().max(1);
    let head_w = 11 + crate::timeline::MAX_LABEL_WIDTH;
    let col_w = (usize::from(area.width).saturating_sub(head_w) / n).clamp(3, 18);
    put_str(
        buf,
        area.x,
        area.y,
        "Coverage: passages per event and outlet",
        area.width,
        Style::new().add_modifier(Modifier::BOLD),
    );
    for (o, name) in app.outlets.iter().enumerate() {
        let x = area.x as usize + head_w + o * col_w;
        if x >= usize::from(area.right()) {
            break;
        }
        let style = if o == app.compare.cursor.1 {
            theme.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        put_str(
            buf,
            x as u16,
            area.y + 2,
            &truncate(name, col_w - 1, theme.ellipsis()),
            (col_w - 1) as u16,
            style,
        );
    }
    let dot = if theme.ascii { "." } else { "·" };
    let rows = usize::from(area.height.saturating_sub(5));
    let top = app.compare.cursor.0.saturating_sub(rows.saturating_sub(1));
    for (r, (e, event)) in timeline
        .events
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 3 + r as u16;
        let selected_row = e == app.compare.cursor.0;
        let head = format!("{} {}", event.start, event.label);
        let style = if selected_row {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        put_str(
            buf,
            area.x,
            y,
            &truncate(&head, head_w - 1, theme.ellipsis()),
            (head_w - 1) as u16,
            style,
        );
        for o in 0..app.outlets.len() {
            let count = app
                .coverage
                .get(e)
                .and_then(|c| c.get(o))
                .copied()
                .unwrap_or(0);
            let text = if count == 0 {
                dot.to_string()
            } else {
                count.to_string()
            };
            let x = area.x as usize + head_w + o * col_w;
            if x + col_w > usize::from(area.right()) + 1 {
                break;
            }
            let cell = format!("{text:>w$}", w = (col_w - 1).min(4));
            let cell_style = if selected_row && o == app.compare.cursor.1 {
                theme.selected().add_modifier(Modifier::BOLD)
            } else if count == 0 {
                theme.dim()
            } else {
                Style::new()
            };
            put_str(
                buf,
                x as u16,
                y,
                &cell,
                text_width(&cell) as u16,
                cell_style,
            );
        }
    }
    status::render(app, status_area, buf);
}
