//! Overlays: the key help (generated from the key map) and the list of problems.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::util::{clear, pane, put_line};
use crate::text::wrap::{width as text_width, wrap};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{self, Context};

pub fn render(app: &App, overlay: Overlay, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let w = area.width.saturating_sub(4).min(84).max(area.width.min(20));
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let (title, lines) = match overlay {
        Overlay::Help => (" Keys ", help_lines(app, usize::from(w.saturating_sub(2)))),
        Overlay::Problems => (
            " Skipped files and problems ",
            problem_lines(app, usize::from(w.saturating_sub(2))),
        ),
    };
    clear(rect, buf);
    let block = pane(theme, Line::from(title), true)
        .title_bottom(Line::from(" Esc closes · j/k scroll ").right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let max_top = lines.len().saturating_sub(usize::from(inner.height));
    let top = app.overlay_top.min(max_top);
    for (i, line) in lines
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        put_line(buf, inner, inner.y + i as u16, line);
    }
}

fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    let contexts = [
        Context::List,
        Context::Reader,
        Context::Compare,
        Context::Coverage,
    ];
    let key_w = contexts
        .iter()
        .flat_map(|c| keymap::help_for(*c))
        .map(|(k, _)| text_width(&k))
        .max()
        .unwrap_or(8)
        .min(width / 2);
    // The context the user is in comes first.
    let current = app.context();
    let mut ordered: Vec<Context> = vec![];
    if contexts.contains(&current) {
        ordered.push(current);
    }
    ordered.extend(contexts.iter().filter(|c| **c != current));
    for ctx in ordered {
        out.push(Line::from(Span::styled(
            ctx.name().to_string(),
            theme.heading(),
        )));
        for (keys, help) in keymap::help_for(ctx) {
            let pad = key_w.saturating_sub(text_width(&keys));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, theme.key()),
                Span::raw(" ".repeat(pad + 2)),
                Span::raw(help),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled(
        "In search: type, Enter to search, Esc to cancel, n/N for next/previous.".to_string(),
        theme.dim(),
    )));
    out
}

fn problem_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    out.push(Line::from(Span::styled(
        format!(
            "{} file(s) skipped; everything else loaded. `readout check` prints this list.",
            app.corpus.skipped
        ),
        app.theme.dim(),
    )));
    out.push(Line::default());
    for p in &app.corpus.problems {
        for (i, (_, piece)) in wrap(&p.to_string(), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "" } else { "  " };
            out.push(Line::from(format!("{lead}{piece}")));
        }
    }
    out
}
