//! The filter menu, drawn beside the list it narrows: one row per field, the focused
//! one with arrows saying it changes with ← and →, and the count in its title.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::util::{clear, pane, put_str, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::keymap::Context;
use crate::tui::view::filter::{Field, FilterMenu, value};

pub fn render(app: &App, menu: &FilterMenu, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let browse = app.browse();
    let rect = geometry::filter_menu(app.panes(), Field::ALL.len() as u16);
    if rect.width < 4 || rect.height < 3 {
        return;
    }
    clear(rect, buf);
    let count = format!(
        " Filter {} {} of {} ",
        theme.dot(),
        browse.shown().len(),
        s.corpus().articles.len()
    );
    let key = |a| {
        s.keymap()
            .key_for_in(a, Context::Filter, theme.ascii)
            .unwrap_or_default()
    };
    let hint = format!(
        " {} {} change {} {} keep {} {} cancel ",
        key(Action::Left),
        key(Action::Right),
        theme.dot(),
        key(Action::Open),
        theme.dot(),
        key(Action::Back),
    );
    let room = usize::from(rect.width.saturating_sub(2));
    let mut block = pane(
        theme,
        Line::from(truncate(&count, room, theme.ellipsis())),
        true,
    );
    if crate::text::wrap::width(&hint) <= room {
        block = block.title_bottom(Line::from(hint).right_aligned());
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    let (left, right) = if theme.ascii {
        ("<", ">")
    } else {
        ("‹", "›")
    };
    let name_w = Field::ALL.iter().map(|f| f.name().len()).max().unwrap_or(0);
    // In a short window, the rows around the focused one.
    let rows = usize::from(inner.height).max(1);
    let first = menu.row().saturating_sub(rows - 1);
    for (k, field) in Field::ALL.iter().enumerate().skip(first).take(rows) {
        let focused = k == menu.row();
        let v = value(browse.filter(), *field);
        let text = if focused {
            format!(" {:<name_w$}  {left} {v} {right}", field.name())
        } else {
            format!(" {:<name_w$}    {v}", field.name())
        };
        let style = if focused {
            theme.selected()
        } else {
            Style::new()
        };
        let line = truncate(&text, usize::from(inner.width), theme.ellipsis());
        let pad = usize::from(inner.width).saturating_sub(crate::text::wrap::width(&line));
        let y = inner.y + (k - first) as u16;
        put_str(
            buf,
            inner.x,
            y,
            &format!("{line}{}", " ".repeat(pad)),
            inner.width,
            style,
        );
    }
}
