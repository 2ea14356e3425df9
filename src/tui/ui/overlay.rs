//! Overlays: the key help (generated from the key map) and the list of problems, laid
//! out by their view; this only frames and slices them.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::util::{clear, pane, put_line};
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::view::overlay::OverlayView;

pub fn render(app: &App, overlay: &OverlayView, buf: &mut Buffer) {
    let theme = app.session().theme();
    let rect = geometry::overlay(app.area());
    clear(rect, buf);
    let block = pane(theme, Line::from(overlay.title()), true)
        .title_bottom(Line::from(" Esc closes · j/k scroll ").right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (i, line) in overlay
        .lines()
        .iter()
        .skip(overlay.top())
        .take(usize::from(inner.height))
        .enumerate()
    {
        put_line(buf, inner, inner.y + i as u16, line);
    }
}
