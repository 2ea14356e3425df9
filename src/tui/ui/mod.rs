//! Drawing: `impl Widget for &App`. Reads the state, never changes it.

mod browse;
mod compare;
mod coverage;
mod filter;
pub mod links;
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
        } else {
            match self.screen() {
                Screen::Browse => browse::render(self, buf),
                Screen::Compare => compare::render(self, buf),
                Screen::Coverage => coverage::render(self, buf),
            }
            if let Some(overlay) = self.overlay_view() {
                overlay::render(self, overlay, buf);
            }
        }
        util::one_intensity(area, buf);
        if self.theme().ascii {
            util::to_ascii(area, buf);
        }
    }
}
