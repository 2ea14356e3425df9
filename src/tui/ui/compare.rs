//! The comparison screen: a strip of outlets with their coverage of the current event,
//! column heads, then the grid scrolled as one, so the columns never drift apart.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::status;
use super::util::{put_line, put_str, styled_spans, truncate};
use crate::compare::{CellLineKind, GAP};
use crate::text::wrap::width as text_width;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::theme::Theme;

pub fn render(app: &App, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let areas = geometry::compare(s.area());
    let view = app.compare();
    let (Some(grid), Some(timeline), Some(current)) =
        (view.grid(), &s.corpus().timeline, view.event())
    else {
        return no_timeline(app, buf);
    };
    let Some(event) = timeline.events.get(current) else {
        return no_timeline(app, buf);
    };
    let shown = view.shown(s);
    // The strip: every outlet, whether it covers the current event, which are shown.
    let marks: Vec<(bool, bool, &str)> = s
        .outlets()
        .iter()
        .enumerate()
        .map(|(o, name)| (s.count(current, o) > 0, shown.contains(&o), name.as_str()))
        .collect();
    // A timeline drafted from the articles says so, so no one takes it for a curated one.
    let label = if crate::suggest::is_draft(timeline) {
        format!("DRAFT timeline: {}", event.label)
    } else {
        event.label.clone()
    };
    put_line(
        buf,
        areas.strip,
        areas.strip.y,
        &strip(theme, &label, &marks, usize::from(areas.strip.width)),
    );

    // Column heads.
    let colw = grid.column_width;
    let sep = if theme.ascii { " | " } else { " │ " };
    for (c, name) in grid.outlets.iter().enumerate() {
        let x = areas.heads.x + (c * (colw + GAP)) as u16;
        let style = if c == view.column() {
            theme.selected().add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let label = truncate(name, colw, theme.ellipsis());
        let pad = colw.saturating_sub(text_width(&label));
        put_str(
            buf,
            x,
            areas.heads.y,
            &format!("{label}{}", " ".repeat(pad)),
            colw as u16,
            style,
        );
    }
    let body = areas.body;
    let rule = if theme.ascii { "-" } else { "─" };
    for i in 0..usize::from(body.height) {
        let line = view.top() + i;
        if line >= grid.lines {
            break;
        }
        let y = body.y + i as u16;
        let r = grid.row_at(line);
        let grid_row = &grid.rows[r];
        let local = line - grid.row_lines[r];
        let heads = grid_row.head.len();
        if local < heads {
            // The head is wrapped to the full width by the grid: drawn as it is, whole.
            let style = if local == 0 {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                theme.dim()
            };
            put_str(buf, body.x, y, &grid_row.head[local], body.width, style);
        } else if local == heads {
            // The rule under the head carries the event's short label.
            let label = &timeline.events[grid_row.event].label;
            let style = if grid_row.event == current {
                theme
                    .event()
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                theme.event().add_modifier(Modifier::BOLD)
            };
            let lead = format!("{rule}{rule} ");
            let label = truncate(
                label,
                usize::from(body.width).saturating_sub(6),
                theme.ellipsis(),
            );
            let used = text_width(&lead) + text_width(&label) + 1;
            let spans = vec![
                Span::styled(lead, theme.border()),
                Span::styled(label, style),
                Span::styled(
                    format!(
                        " {}",
                        rule.repeat(usize::from(body.width).saturating_sub(used))
                    ),
                    theme.border(),
                ),
            ];
            put_line(buf, body, y, &Line::from(spans));
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
                    CellLineKind::Article => theme.dim().add_modifier(Modifier::UNDERLINED),
                    CellLineKind::Empty => theme.dim().add_modifier(Modifier::ITALIC),
                    _ => Style::new(),
                };
                let marks: Vec<_> = cl
                    .terms
                    .iter()
                    .map(|&(st, en, t)| (st, en, theme.shared_term(t)))
                    .collect();
                let spans = styled_spans(&cl.text, base, &marks);
                put_line(
                    buf,
                    ratatui::layout::Rect::new(x, y, colw as u16, 1),
                    y,
                    &Line::from(spans),
                );
            }
        }
    }
    status::render(app, areas.status, buf);
}

fn no_timeline(app: &App, buf: &mut Buffer) {
    let s = app.session();
    let areas = geometry::compare(s.area());
    put_str(
        buf,
        areas.strip.x,
        areas.strip.y,
        "No timeline: this corpus has no rounds.toml with events.",
        areas.strip.width,
        s.theme().dim(),
    );
    status::render(app, areas.status, buf);
}

/// The strip: the event's label, then every outlet with its mark, bold if shown. Names
/// are shortened alike, with an ellipsis, until the strip fits the width; if even one
/// letter each does not fit, only the outlets shown keep their names.
fn strip(
    theme: &Theme,
    label: &str,
    outlets: &[(bool, bool, &str)],
    width: usize,
) -> Line<'static> {
    let (yes, no) = if theme.ascii {
        ("[x]", "[ ]")
    } else {
        ("■", "□")
    };
    let mark_w = text_width(yes) + 2;
    let longest = outlets
        .iter()
        .map(|(_, _, n)| text_width(n))
        .max()
        .unwrap_or(0);
    let total = |label_w: usize, cap: usize, all: bool| -> usize {
        label_w
            + outlets
                .iter()
                .filter(|(_, shown, _)| all || *shown)
                .map(|(_, _, n)| mark_w + text_width(n).min(cap))
                .sum::<usize>()
    };
    let label_w = text_width(label) + 1;
    // The longest cap that fits, with the label, then without it, then only the shown.
    let fit = |label_w: usize, all: bool| {
        (2..=longest.max(2))
            .rev()
            .find(|&cap| total(label_w, cap, all) <= width)
    };
    let (with_label, cap, all) = match fit(label_w, true) {
        Some(cap) => (true, cap, true),
        None => match fit(0, true) {
            Some(cap) => (false, cap, true),
            None => (false, fit(0, false).unwrap_or(2), false),
        },
    };
    let mut spans = Vec::new();
    if with_label {
        spans.push(Span::styled(
            format!("{label} "),
            theme.event().add_modifier(Modifier::BOLD),
        ));
    }
    for &(covered, shown, name) in outlets {
        if !all && !shown {
            continue;
        }
        let mark = if covered { yes } else { no };
        let style = if shown {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            theme.dim()
        };
        let name = truncate(name, cap, theme.ellipsis());
        spans.push(Span::styled(format!(" {mark} {name}"), style));
    }
    Line::from(spans)
}
