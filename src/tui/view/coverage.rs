//! The coverage overview's state: the chosen cell, and the rows and columns in view;
//! both scroll, so the chosen cell is always on screen, however many outlets there are.

use super::{Outcome, Session};
use crate::tui::action::Action;
use crate::tui::geometry::{self, CoverageAreas};
use crate::tui::scroll::Scroll;

/// Events × outlets.
#[derive(Debug, Clone, Default)]
pub struct CoverageView {
    /// The chosen event.
    event: usize,
    /// The chosen outlet (index into the session's outlets).
    outlet: usize,
    rows: Scroll,
    columns: Scroll,
}

impl CoverageView {
    /// The chosen cell: (event, outlet).
    pub fn cursor(&self) -> (usize, usize) {
        (self.event, self.outlet)
    }
    /// The first event shown.
    pub fn top(&self) -> usize {
        self.rows.top()
    }
    /// The first outlet shown.
    pub fn left(&self) -> usize {
        self.columns.top()
    }

    /// Where everything goes at the session's size.
    pub fn areas(s: &Session) -> CoverageAreas {
        let most = s.coverage.iter().flatten().copied().max().unwrap_or(0);
        let digits = most.max(1).ilog10() as u16 + 1;
        geometry::coverage(s.area, s.label_width(), s.outlets.len(), digits)
    }

    /// Opens on `at` (event, outlet), or where it was.
    pub fn open(&mut self, s: &Session, at: Option<(usize, usize)>) {
        if let Some((e, o)) = at {
            self.event = e;
            self.outlet = o;
        }
        self.ensure(s);
    }

    /// Fits the scrolls to the size and keeps the chosen cell in view.
    pub fn ensure(&mut self, s: &Session) {
        let a = Self::areas(s);
        self.event = self.event.min(s.events().saturating_sub(1));
        self.outlet = self.outlet.min(s.outlets.len().saturating_sub(1));
        self.rows.resize(s.events(), usize::from(a.rows.height));
        self.columns.resize(s.outlets.len(), a.columns);
        self.rows.show(self.event);
        self.columns.show(self.outlet);
    }

    /// A click at (x, y): chooses the cell there; a click on the chosen cell opens it.
    pub fn click(&mut self, s: &Session, x: u16, y: u16) -> Outcome {
        let a = Self::areas(s);
        if y < a.rows.y || y >= a.rows.bottom() || x < a.rows.x + a.head_width {
            return Outcome::Stay;
        }
        let e = self.rows.top() + usize::from(y - a.rows.y);
        let k = usize::from((x - a.rows.x - a.head_width) / a.column_width.max(1));
        if k >= a.columns || e >= s.events() {
            return Outcome::Stay;
        }
        let o = self.columns.top() + k;
        if (e, o) == (self.event, self.outlet) {
            return Outcome::Compare {
                event: Some(e),
                outlet: Some(o),
            };
        }
        self.event = e;
        self.outlet = o;
        self.ensure(s);
        Outcome::Stay
    }

    /// Carries out `action` on the overview.
    pub fn update(&mut self, s: &mut Session, action: Action) -> Outcome {
        let events = s.events();
        let outlets = s.outlets.len();
        let page = self.rows.page().saturating_sub(1).max(1);
        let e = &mut self.event;
        let o = &mut self.outlet;
        match action {
            Action::Back => return Outcome::Back,
            Action::Down | Action::ScrollDown => *e += 1,
            Action::Up | Action::ScrollUp => *e = e.saturating_sub(1),
            Action::PageDown => *e += page,
            Action::PageUp => *e = e.saturating_sub(page),
            Action::HalfPageDown => *e += page / 2,
            Action::HalfPageUp => *e = e.saturating_sub(page / 2),
            Action::Top => *e = 0,
            Action::Bottom => *e = events.saturating_sub(1),
            Action::Right => *o += 1,
            Action::Left => *o = o.saturating_sub(1),
            Action::FocusNext => *o = (*o + 1) % outlets.max(1),
            Action::FocusPrev => *o = (*o + outlets.max(1) - 1) % outlets.max(1),
            Action::Open => {
                self.ensure(s);
                return Outcome::Compare {
                    event: Some(self.event),
                    outlet: Some(self.outlet),
                };
            }
            _ => {}
        }
        self.ensure(s);
        Outcome::Stay
    }
}
