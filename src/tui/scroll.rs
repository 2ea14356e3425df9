//! One scroll position for every scrolling view. Its moves clamp, so `top` is always a
//! line that can be shown: nothing waits for a frame to pull an offset back in range.

use super::action::Action;

/// A window of `page` lines over `len` lines, starting at `top`; `top` never passes
/// [`Scroll::max`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    top: usize,
    len: usize,
    page: usize,
}

impl Scroll {
    /// A window of `page` lines over `len` lines, at the top.
    pub fn new(len: usize, page: usize) -> Scroll {
        Scroll {
            top: 0,
            len,
            page: page.max(1),
        }
    }

    /// The first line shown.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Lines in all.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there is nothing to scroll over.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Lines shown at once.
    pub fn page(&self) -> usize {
        self.page
    }

    /// The furthest `top` can go: the last page shows the last line at the bottom.
    pub fn max(&self) -> usize {
        self.len.saturating_sub(self.page)
    }

    /// True when the last line is shown.
    pub fn at_end(&self) -> bool {
        self.top >= self.max()
    }

    /// The content or the window changed size: keep `top`, clamped.
    pub fn resize(&mut self, len: usize, page: usize) {
        self.len = len;
        self.page = page.max(1);
        self.top = self.top.min(self.max());
    }

    /// Puts `line` at the top, or as near as the end allows.
    pub fn to(&mut self, line: usize) {
        self.top = line.min(self.max());
    }

    /// Moves by `delta` lines.
    pub fn by(&mut self, delta: isize) {
        self.to(self.top.saturating_add_signed(delta));
    }

    /// Scrolls so `line` is shown, moving as little as possible.
    pub fn show(&mut self, line: usize) {
        if line < self.top {
            self.to(line);
        } else if line >= self.top + self.page {
            self.to(line + 1 - self.page);
        }
    }

    /// A page step: the page less two lines of overlap, so the eye finds its place.
    fn step(&self) -> isize {
        self.page.saturating_sub(2).max(1) as isize
    }

    /// Carries out a movement action; false if `action` is not one.
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Down | Action::ScrollDown => self.by(1),
            Action::Up | Action::ScrollUp => self.by(-1),
            Action::PageDown => self.by(self.step()),
            Action::PageUp => self.by(-self.step()),
            Action::HalfPageDown => self.by((self.page / 2).max(1) as isize),
            Action::HalfPageUp => self.by(-((self.page / 2).max(1) as isize)),
            Action::Top => self.to(0),
            Action::Bottom => self.to(usize::MAX),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_move_clamps_at_once() {
        let mut s = Scroll::new(100, 10);
        s.apply(Action::Bottom);
        assert_eq!(s.top(), 90);
        assert!(s.at_end());
        // One step up from the end moves at once: no hidden offset to climb back from.
        s.apply(Action::Up);
        assert_eq!(s.top(), 89);
        s.apply(Action::PageDown);
        assert_eq!(s.top(), 90);
        s.apply(Action::Top);
        s.apply(Action::Up);
        assert_eq!(s.top(), 0);
        s.apply(Action::PageDown);
        assert_eq!(s.top(), 8);
        s.apply(Action::HalfPageDown);
        assert_eq!(s.top(), 13);
    }

    #[test]
    fn shorter_than_a_page_never_scrolls_and_resize_clamps() {
        let mut s = Scroll::new(5, 10);
        s.apply(Action::Bottom);
        assert_eq!(s.top(), 0);
        let mut s = Scroll::new(50, 10);
        s.to(40);
        s.resize(45, 10);
        assert_eq!(s.top(), 35);
        s.show(3);
        assert_eq!(s.top(), 3);
        s.show(20);
        assert_eq!(s.top(), 11);
    }
}
