//! The comparison screen: a strip of outlets with their coverage of the current event,
//! column heads, then the grid scrolled as one, so the columns never drift apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::status;
use super::util::{put_line, put_str, styled_spans, truncate};
use crate::compare::{CellLineKind, GAP};
use crate::text::wrap::width as text_width;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let status_area = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let (Some(grid), Some(timeline)) = (&app.compare.grid, &app.corpus.timeline) else {
        put_str(
            buf,
            area.x,
            area.y,
            "No timeline: this corpus has no rounds.toml.",
            area.width,
            theme.dim(),
        );
        status::render(app, status_area, buf);
        return;
    };
    let row = grid.row_at(app.compare.top);
    let shown = app.shown_outlets();
    // The strip: every outlet, whether it covers the current event, which are shown.
    let counts = app.coverage.get(grid.rows[row].event);
    let covered: Vec<bool> = (0..app.outlets.len())
        .map(|o| counts.and_then(|c| c.get(o)).is_some_and(|&n| n > 0))
        .collect();
    let (yes, no) = if theme.ascii {
        ("[x]", "[ ]")
    } else {
        ("■", "□")
    };
    let event = &timeline.events[grid.rows[row].event];
    let mut strip = vec![Span::styled(
        format!("{} ", event.label),
        theme.event().add_modifier(Modifier::BOLD),
    )];
    if crate::suggest::is_draft(timeline) {
        strip.insert(0, Span::styled("DRAFT timeline · ", theme.dim()));
    }
    for (o, name) in app.outlets.iter().enumerate() {
        let mark = if covered[o] { yes } else { no };
        let style = if shown.contains(&o) {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            theme.dim()
        };
        strip.push(Span::styled(format!(" {mark} {name}"), style));
    }
    put_line(buf, area, area.y, &Line::from(strip));

    // Column heads.
    let colw = grid.column_width;
    let sep = if theme.ascii { " | " } else { " │ " };
    let y_head = area.y + 1;
    for (c, name) in grid.outlets.iter().enumerate() {
        let x = area.x + (c * (colw + GAP)) as u16;
        let style = if c == app.compare.column {
            theme.selected().add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let label = truncate(name, colw, theme.ellipsis());
        let pad = colw.saturating_sub(text_width(&label));
        put_str(
            buf,
            x,
            y_head,
            &format!("{label}{}", " ".repeat(pad)),
            colw as u16,
            style,
        );
    }
    let body = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(3),
    );
    let rule = if theme.ascii { "-" } else { "─" };
    for i in 0..usize::from(body.height) {
        let line = app.compare.top + i;
        if line >= grid.lines {
            break;
        }
        let y = body.y + i as u16;
        let r = grid.row_at(line);
        let grid_row = &grid.rows[r];
        let local = line - grid.row_lines[r];
        let heads = grid_row.head.len();
        if local < heads {
            let style = if local == 0 {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                theme.dim()
            };
            let mut spans = Vec::new();
            if local == 0 {
                spans.push(Span::styled(
                    format!("{} ", timeline.events[grid_row.event].label),
                    theme.event().add_modifier(Modifier::BOLD),
                ));
            }
            spans.push(Span::styled(grid_row.head[local].clone(), style));
            put_line(buf, body, y, &Line::from(spans));
        } else if local == heads {
            put_str(
                buf,
                body.x,
                y,
                &rule.repeat(usize::from(body.width)),
                body.width,
                theme.border(),
            );
        } else if local < heads + 1 + grid_row.body {
            let k = local - heads - 1;
            for (c, cell) in grid_row.cells.iter().enumerate() {
                let x = body.x + (c * (colw + GAP)) as u16;
                if c > 0 {
                    put_str(buf, x - GAP as u16, y, sep, GAP as u16, theme.border());
                }
                let Some(cl) = cell.lines.get(k) else {
                    continue;
                };
                let base = match cl.kind {
                    CellLineKind::Article => theme.dim().add_modifier(Modifier::BOLD),
                    CellLineKind::Empty => theme.dim().add_modifier(Modifier::ITALIC),
                    _ => Style::new(),
                };
                let marks: Vec<_> = cl
                    .terms
                    .iter()
                    .map(|&(s, e, t)| (s, e, theme.shared_term(t)))
                    .collect();
                let spans = styled_spans(&cl.text, base, &marks);
                put_line(buf, Rect::new(x, y, colw as u16, 1), y, &Line::from(spans));
            }
        }
    }
    status::render(app, status_area, buf);
}
