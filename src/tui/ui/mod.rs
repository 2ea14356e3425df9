//! Drawing: `impl Widget for &App`. Reads the state, never changes it.

mod browse;
mod compare;
mod coverage;
mod overlay;
mod status;
pub mod util;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, Screen};
use super::geometry;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if geometry::too_small(area) {
            util::too_small(area, buf);
            return;
        }
        match self.screen {
            Screen::Browse => browse::render(self, area, buf),
            Screen::Compare => compare::render(self, area, buf),
            Screen::Coverage => coverage::render(self, area, buf),
        }
        if let Some(overlay) = self.overlay {
            overlay::render(self, overlay, area, buf);
        }
    }
}
