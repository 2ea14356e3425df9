//! The comparison screen's state: which outlets are shown in which order, the focused
//! column, the current event, and the grid scrolled as one.

use super::{Outcome, Session};
use crate::compare::{Grid, columns_for_width};
use crate::tui::action::Action;
use crate::tui::geometry;
use crate::tui::scroll::Scroll;

/// A grid whose rows are estimated at no more lines than this is laid out whole; a
/// larger one row by row as rows come into view.
const EAGER_LINES: usize = 5_000;

/// Outlets side by side, event by event.
#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// Every outlet, in column order: the first that fit are shown; `h` and `l` rotate.
    order: Vec<String>,
    /// Focused column (0-based among those shown).
    column: usize,
    /// The current event (its row is at the top unless the grid's end is reached).
    event: usize,
    scroll: Scroll,
    /// The grid for the current width and outlets (rebuilt only when they change).
    grid: Option<Grid>,
}

impl CompareView {
    /// The comparison over `s`'s outlets: the configuration's `[compare] outlets`
    /// first, or when it names none, the ones chosen last time.
    pub fn new(s: &Session) -> CompareView {
        let first = if s.preferred_outlets.is_empty() {
            &s.state.compare.outlets
        } else {
            &s.preferred_outlets
        };
        let mut order: Vec<String> = first
            .iter()
            .filter(|o| s.outlets.contains(o))
            .cloned()
            .collect();
        let rest: Vec<String> = s
            .outlets
            .iter()
            .filter(|o| !order.contains(o))
            .cloned()
            .collect();
        order.extend(rest);
        CompareView {
            order,
            ..CompareView::default()
        }
    }

    /// The grid, once the screen has been opened.
    pub fn grid(&self) -> Option<&Grid> {
        self.grid.as_ref()
    }
    /// First grid line shown.
    pub fn top(&self) -> usize {
        self.scroll.top()
    }
    /// Focused column among those shown.
    pub fn column(&self) -> usize {
        self.column
    }
    /// The current event, once a grid is built.
    pub fn event(&self) -> Option<usize> {
        self.grid.as_ref().map(|_| self.event)
    }

    /// How many outlet columns fit the screen.
    pub fn columns(&self, s: &Session) -> usize {
        columns_for_width(usize::from(s.area.width)).min(s.outlets.len().max(1))
    }

    /// The outlets shown, as indices into the session's outlets.
    pub fn shown(&self, s: &Session) -> Vec<usize> {
        self.order
            .iter()
            .filter_map(|o| s.outlets.iter().position(|x| x == o))
            .take(self.columns(s))
            .collect()
    }

    /// The outlet of the focused column.
    pub fn focused_outlet(&self, s: &Session) -> usize {
        self.shown(s).get(self.column).copied().unwrap_or(0)
    }

    /// The articles changed: keep the order of the outlets still there, add new ones.
    /// The grid is built again at once only if the comparison is `visible`; otherwise
    /// when it is next shown, so a batch loaded behind the list costs no grid.
    pub fn corpus_changed(&mut self, s: &Session, visible: bool) {
        self.order.retain(|o| s.outlets.contains(o));
        for o in &s.outlets {
            if !self.order.contains(o) {
                self.order.push(o.clone());
            }
        }
        self.grid = None;
        if visible {
            self.ensure(s);
        }
    }

    /// Builds the grid if the width or the outlets changed, and fits the scroll to it.
    pub fn ensure(&mut self, s: &Session) {
        let Some(timeline) = &s.corpus.timeline else {
            self.grid = None;
            return;
        };
        let shown = self.shown(s);
        let outlets: Vec<&str> = shown.iter().map(|&i| s.outlets[i].as_str()).collect();
        let width = usize::from(s.area.width);
        let stale = match &self.grid {
            Some(g) => g.width != width || g.outlets != outlets,
            None => true,
        };
        if stale {
            let mut grid = Grid::lazy(&s.corpus, timeline, &s.alignment, &outlets, width);
            // A small grid is laid out whole, so its heights are exact from the start
            // and a new width keeps the line at the top. A large one starts again at the
            // current event's row: a line deep in a row would have to be reached by
            // laying out all of the row above it.
            let lazy = grid.lines > EAGER_LINES;
            if lazy {
                let start = grid.row_lines.get(self.event).copied().unwrap_or(0);
                self.scroll.resize(grid.lines, 1);
                self.scroll.to(start);
            } else {
                grid.lay_out(&s.corpus, 0..grid.rows.len());
            }
            self.grid = Some(grid);
        }
        let lines = self.grid.as_ref().map_or(0, |g| g.lines);
        let page = usize::from(geometry::compare(s.area).body.height);
        self.scroll.resize(lines, page);
        self.fill(s);
        self.event = self.event.min(s.events().saturating_sub(1));
        self.column = self.column.min(shown.len().saturating_sub(1));
    }

    /// Lays out what is on screen, each row from its top down to the last line shown,
    /// and fits the scroll to the heights that become exact. Nothing above the top
    /// moves, so what is shown stays put; at the end of the grid, the view stays at the
    /// end.
    fn fill(&mut self, s: &Session) {
        let Some(grid) = &mut self.grid else { return };
        let page = usize::from(geometry::compare(s.area).body.height).max(1);
        let at_end = self.scroll.at_end() && self.scroll.top() > 0;
        loop {
            let bottom = self.scroll.top() + page;
            let mut changed = false;
            for r in grid.row_at(self.scroll.top())..=grid.row_at(bottom - 1) {
                let (Some(&start), Some(row)) = (grid.row_lines.get(r), grid.rows.get(r)) else {
                    continue;
                };
                let body_start = start + row.head.len() + 1;
                let needed = bottom.saturating_sub(body_start);
                if needed > 0 {
                    changed |= grid.lay_out_lines(&s.corpus, r, needed);
                }
            }
            self.scroll.resize(grid.lines, page);
            if at_end {
                self.scroll.to(grid.lines);
            }
            if !changed {
                break;
            }
        }
    }

    /// Opens at `event` with `outlet` in the first column, then the outlets that cover
    /// the event, then the rest: a comparison never opens on empty columns while
    /// others have something to say.
    pub fn open(&mut self, s: &mut Session, event: Option<usize>, outlet: Option<usize>) {
        let event = event.unwrap_or(0).min(s.events().saturating_sub(1));
        let first: Option<String> = outlet.and_then(|o| s.outlets.get(o).cloned());
        let covers = |name: &String| {
            s.outlets
                .iter()
                .position(|x| x == name)
                .is_some_and(|o| s.count(event, o) > 0)
        };
        let mut order: Vec<String> = first.iter().cloned().collect();
        order.extend(
            self.order
                .iter()
                .filter(|o| Some(*o) != first.as_ref() && covers(o))
                .cloned(),
        );
        let rest: Vec<String> = self
            .order
            .iter()
            .filter(|o| !order.contains(o))
            .cloned()
            .collect();
        order.extend(rest);
        let changed = order[..self.columns(s).min(order.len())]
            != self.order[..self.columns(s).min(self.order.len())];
        self.order = order;
        self.column = 0;
        self.ensure(s);
        if changed {
            self.persist(s);
        }
        self.goto_event(s, event);
    }

    fn goto_event(&mut self, s: &Session, e: usize) {
        if let Some(g) = &self.grid
            && let Some(&line) = g.row_lines.get(e)
        {
            self.event = e;
            self.scroll.to(line);
            self.fill(s);
        }
    }

    fn persist(&self, s: &mut Session) {
        let shown: Vec<String> = self
            .shown(s)
            .iter()
            .map(|&i| s.outlets[i].clone())
            .collect();
        s.state.compare.outlets = shown;
        s.state.compare.updated = crate::state::now_ms();
        s.dirty = true;
    }

    /// Carries out `action` on the comparison.
    pub fn update(&mut self, s: &mut Session, action: Action) -> Outcome {
        let Some(grid) = &self.grid else {
            return if action == Action::Back {
                Outcome::Back
            } else {
                Outcome::Stay
            };
        };
        let rows = grid.row_lines.len();
        let row_start = grid.row_lines.get(self.event).copied().unwrap_or(0);
        match action {
            Action::Back => return Outcome::Back,
            Action::NextEvent => self.goto_event(s, (self.event + 1).min(rows.saturating_sub(1))),
            Action::PrevEvent => {
                // To the start of this event's row first, then to the one before.
                let target = if self.scroll.top() > row_start {
                    self.event
                } else {
                    self.event.saturating_sub(1)
                };
                self.goto_event(s, target);
            }
            Action::FocusNext | Action::FocusPrev => {
                let cols = self.shown(s).len().max(1);
                self.column = if action == Action::FocusNext {
                    (self.column + 1) % cols
                } else {
                    (self.column + cols - 1) % cols
                };
            }
            Action::Left | Action::Right => {
                if self.columns(s) < s.outlets.len() {
                    if action == Action::Right {
                        self.order.rotate_left(1);
                    } else {
                        self.order.rotate_right(1);
                    }
                    self.persist(s);
                    let event = self.event;
                    self.ensure(s);
                    self.goto_event(s, event);
                } else {
                    s.say("every outlet is already shown", false);
                }
            }
            Action::Open => return self.open_focused_passage(s),
            other => {
                if self.scroll.apply(other) {
                    self.fill(s);
                    // The current event follows the scroll, except at the end of the
                    // grid, where several short rows can share the last page.
                    if let Some(grid) = &self.grid {
                        let at_top = grid.row_at(self.scroll.top());
                        if !(self.scroll.at_end() && self.event >= at_top) {
                            self.event = at_top;
                        }
                    }
                }
            }
        }
        Outcome::Stay
    }

    /// A click at column `x`: focuses the column there.
    pub fn click(&mut self, s: &Session, x: u16) {
        let Some(g) = &self.grid else { return };
        let x = usize::from(x.saturating_sub(s.area.x));
        let c = x / (g.column_width + crate::compare::GAP);
        if c < self.shown(s).len() {
            self.column = c;
        }
    }

    /// The focused passage: the focused column's first passage about the current event,
    /// as (article, paragraph number from 0); or the outlet's name if it has none.
    pub fn focused_passage(&self, s: &Session) -> Result<(usize, usize), String> {
        let Some(&outlet) = self.shown(s).get(self.column) else {
            return Err("no outlet is shown".to_string());
        };
        let name = &s.outlets[outlet];
        s.corpus
            .articles
            .iter()
            .enumerate()
            .find_map(|(a, art)| {
                (art.meta.outlet == *name)
                    .then(|| s.alignment.passages_of(a, self.event).first().copied())
                    .flatten()
                    .map(|p| (a, p))
            })
            .ok_or_else(|| format!("{name} does not cover this event"))
    }

    fn open_focused_passage(&self, s: &mut Session) -> Outcome {
        match self.focused_passage(s) {
            Ok((article, passage)) => Outcome::Read { article, passage },
            Err(msg) => {
                s.say(msg, false);
                Outcome::Stay
            }
        }
    }
}
