//! Overlays: the key help (generated from the key map) and the list of problems, laid
//! out by their view; this only frames and slices them.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::util::{clear, pane, put_line};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::keymap::Context;
use crate::tui::view::overlay::OverlayView;

pub fn render(app: &App, overlay: &OverlayView, buf: &mut Buffer) {
    let theme = app.session().theme();
    let rect = geometry::overlay(app.area());
    clear(rect, buf);
    // From the key map, so a user's keys show here too.
    let map = app.session().keymap();
    let key = |a| map.key_for_in(a, Context::Overlay, theme.ascii);
    let mut hint = Vec::new();
    if let Some(k) = key(Action::Back) {
        hint.push(format!("{k} closes"));
    }
    if let (Some(d), Some(u)) = (key(Action::Down), key(Action::Up)) {
        hint.push(format!("{d}/{u} scroll"));
    }
    let hint = format!(" {} ", hint.join(&format!(" {} ", theme.dot())));
    let block = pane(theme, Line::from(overlay.title()), true)
        .title_bottom(Line::from(hint).right_aligned());
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
