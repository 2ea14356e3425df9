//! The interface's state and `App::update`, the one place it changes. Drawing (`ui/`)
//! only reads it. Everything slow (laying text out at a width) happens here, on the
//! events that need it, never per frame.

use ratatui::layout::Rect;

use super::action::Action;
use super::geometry::{self, Panes};
use super::keymap::Context;
use super::theme::Theme;
use crate::align::Alignment;
use crate::compare::{self, Grid};
use crate::corpus::loader::LoadEvent;
use crate::corpus::{Corpus, permute};
use crate::state::ReadingState;
use crate::text::search::{self, Match};
use crate::text::wrap::Layout;

/// Which pane of the browse screen has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// List and reader.
    Browse,
    /// Outlets side by side, event by event.
    Compare,
    /// Events × outlets with passage counts.
    Coverage,
}

/// An overlay over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, from the key map.
    Help,
    /// Why files were skipped.
    Problems,
}

/// The open article, laid out for the pane's measure.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index into the corpus.
    pub article: usize,
    /// The article laid out at the current measure (recomputed only when it changes).
    pub layout: Layout,
    /// First line shown.
    pub top: usize,
}

/// The search of the open article.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query is being typed.
    pub editing: bool,
    /// What is searched for.
    pub query: String,
    /// Matches in the open article, in reading order.
    pub matches: Vec<Match>,
    /// The current match.
    pub current: Option<usize>,
    /// Started from the list: the search runs over every article, and `n` and `N` go
    /// on into the next or previous article that has a match.
    pub across: bool,
}

/// The comparison screen.
#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// First outlet shown (index into `outlets`).
    pub first: usize,
    /// Focused column (0-based among those shown).
    pub column: usize,
    /// First line shown of the grid.
    pub top: usize,
    /// The grid for the current width and outlets (recomputed only when they change).
    pub grid: Option<Grid>,
    /// Coverage overview cursor: (event, outlet).
    pub cursor: (usize, usize),
}

/// A short message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Shown as a warning.
    pub warning: bool,
}

/// The whole interface state.
#[derive(Debug)]
pub struct App {
    /// The articles and timeline.
    pub corpus: Corpus,
    /// Which passage belongs to which event.
    pub alignment: Alignment,
    /// Outlets, in the order columns use.
    pub outlets: Vec<String>,
    /// Passages per event and outlet (`coverage[event][outlet]`), kept with the
    /// alignment so no frame has to count them.
    pub coverage: Vec<Vec<usize>>,
    /// How things look.
    pub theme: Theme,
    /// Terminal size.
    pub area: Rect,
    /// Browse focus.
    pub focus: Focus,
    /// The screen.
    pub screen: Screen,
    /// The overlay, if any.
    pub overlay: Option<Overlay>,
    /// Scroll of the overlay.
    pub overlay_top: usize,
    /// The reader fills the screen.
    pub zoom: bool,
    /// Selected article in the list.
    pub selected: usize,
    /// The open article.
    pub reader: Option<Reader>,
    /// Search state.
    pub search: Search,
    /// Comparison state.
    pub compare: CompareView,
    /// A transient message.
    pub status: Option<Status>,
    /// What persists between runs.
    pub state: ReadingState,
    /// `state` changed since the last save.
    pub dirty: bool,
    /// The user asked to leave.
    pub quit: bool,
    /// Where the corpus came from, for the list title.
    pub source: String,
    /// Progress of a background load: (files reported, files in all), while it runs.
    pub loading: Option<(usize, usize)>,
}

impl App {
    /// A new interface over `corpus`, at terminal size `area`.
    pub fn new(
        corpus: Corpus,
        alignment: Alignment,
        state: ReadingState,
        theme: Theme,
        area: Rect,
        source: String,
    ) -> App {
        let outlets: Vec<String> = corpus.outlets().into_iter().map(String::from).collect();
        let first = state
            .compare
            .outlets
            .first()
            .and_then(|o| outlets.iter().position(|x| x == o))
            .unwrap_or(0);
        let mut app = App {
            corpus,
            alignment,
            outlets,
            coverage: Vec::new(),
            theme,
            area,
            focus: Focus::List,
            screen: Screen::Browse,
            overlay: None,
            overlay_top: 0,
            zoom: false,
            selected: 0,
            reader: None,
            search: Search::default(),
            compare: CompareView {
                first,
                ..CompareView::default()
            },
            status: None,
            state,
            dirty: false,
            quit: false,
            source,
            loading: None,
        };
        app.count_coverage();
        if !app.corpus.articles.is_empty() {
            app.open_article(0, false);
        }
        app
    }

    /// Recounts passages per event and outlet, after the articles or alignment change.
    fn count_coverage(&mut self) {
        let events = self.corpus.timeline.as_ref().map_or(0, |t| t.events.len());
        let outlets: Vec<&str> = self.outlets.iter().map(String::as_str).collect();
        self.coverage = compare::coverage(&self.corpus, &self.alignment, events, &outlets);
    }

    /// Takes what the background loader reports: new articles join the list in date
    /// order, the selection and the open article stay where they were.
    pub fn absorb(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Started(Ok(total)) => self.loading = Some((0, total)),
            LoadEvent::Started(Err(problem)) => {
                self.corpus.problems.push(problem);
                self.loading = None;
            }
            LoadEvent::Timeline(parsed) => self.corpus.set_timeline(parsed),
            LoadEvent::Batch(batch) => {
                let n = batch.len();
                for (path, parsed) in batch {
                    match parsed {
                        Ok((article, aligned)) => {
                            if self.corpus.absorb(&path, Ok(article)) {
                                self.alignment.articles.push(aligned);
                            }
                        }
                        Err(e) => {
                            self.corpus.absorb(&path, Err(e));
                        }
                    }
                }
                if let Some((done, _)) = &mut self.loading {
                    *done += n;
                }
                self.resort();
            }
            LoadEvent::Finished => {
                self.loading = None;
                self.corpus.check_markers();
            }
        }
    }

    /// Sorts articles (and their alignments) by date, keeping the selection and the open
    /// article on the same ids.
    fn resort(&mut self) {
        let selected = self
            .corpus
            .articles
            .get(self.selected)
            .map(|a| a.meta.id.clone());
        let open = self
            .reader
            .as_ref()
            .map(|r| self.corpus.articles[r.article].meta.id.clone());
        let order = self.corpus.sort_order();
        self.corpus.articles = permute(std::mem::take(&mut self.corpus.articles), &order);
        self.alignment.articles = permute(std::mem::take(&mut self.alignment.articles), &order);
        self.outlets = self
            .corpus
            .outlets()
            .into_iter()
            .map(String::from)
            .collect();
        self.count_coverage();
        self.selected = selected
            .and_then(|id| self.corpus.position(&id))
            .unwrap_or(0);
        match open.and_then(|id| self.corpus.position(&id)) {
            Some(i) => {
                if let Some(r) = &mut self.reader {
                    r.article = i;
                }
            }
            None if !self.corpus.articles.is_empty() => self.open_article(0, false),
            None => {}
        }
        self.compare.grid = None;
        self.ensure_grid();
    }

    /// What keys mean right now.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            return Context::Overlay;
        }
        match (self.screen, self.focus) {
            (Screen::Compare, _) => Context::Compare,
            (Screen::Coverage, _) => Context::Coverage,
            (Screen::Browse, Focus::List) => Context::List,
            (Screen::Browse, Focus::Reader) => Context::Reader,
        }
    }

    /// The panes of the browse screen at the current size.
    pub fn panes(&self) -> Panes {
        geometry::panes(self.area, self.zoom, self.focus == Focus::Reader)
    }

    /// Width of the widest event label, for the reader's gutter.
    pub fn label_width(&self) -> u16 {
        self.corpus
            .timeline
            .as_ref()
            .and_then(|t| {
                t.events
                    .iter()
                    .map(|e| crate::text::wrap::width(&e.label))
                    .max()
            })
            .unwrap_or(0) as u16
    }

    /// The reader's text column at the current size (full width when not shown, so an
    /// article is laid out even while only the list is visible).
    pub fn text_area(&self) -> geometry::TextArea {
        let pane = self.panes().reader.unwrap_or_else(|| {
            geometry::panes(self.area, true, true)
                .reader
                .unwrap_or(self.area)
        });
        geometry::text_area(geometry::inner(pane), self.label_width())
    }

    /// Lines of text the reader shows at once.
    pub fn page(&self) -> usize {
        usize::from(self.text_area().text.height).max(1)
    }

    /// Carries out `action`.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        if self.overlay.is_some() {
            return self.update_overlay(action);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                self.overlay_top = 0;
            }
            Action::Problems => {
                if self.corpus.problems.is_empty() {
                    self.say("no problems: every file loaded", false);
                } else {
                    self.overlay = Some(Overlay::Problems);
                    self.overlay_top = 0;
                }
            }
            Action::Coverage => self.open_coverage(),
            _ => match self.screen {
                Screen::Browse => self.update_browse(action),
                Screen::Compare => self.update_compare(action),
                Screen::Coverage => self.update_coverage(action),
            },
        }
    }

    /// Types a character into the search line (when editing), or does nothing.
    pub fn type_char(&mut self, c: char) {
        if self.search.editing {
            self.search.query.push(c);
        }
    }

    /// Deletes the last character of the search line.
    pub fn backspace(&mut self) {
        if self.search.editing {
            self.search.query.pop();
        }
    }

    /// Ends search typing: `accept` runs the search, otherwise it is abandoned.
    pub fn finish_search(&mut self, accept: bool) {
        self.search.editing = false;
        if !accept {
            self.search.query.clear();
            self.search.matches.clear();
            self.search.current = None;
            return;
        }
        self.run_search();
    }

    /// The terminal changed size: lay text out again, keeping the reader on the same
    /// paragraph.
    pub fn resize(&mut self, area: Rect) {
        if area == self.area {
            return;
        }
        self.area = area;
        self.relayout();
        self.compare.grid = None;
        self.ensure_grid();
    }

    fn say(&mut self, text: impl Into<String>, warning: bool) {
        self.status = Some(Status {
            text: text.into(),
            warning,
        });
    }

    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Back | Action::Help => self.overlay = None,
            Action::Problems if self.overlay == Some(Overlay::Problems) => self.overlay = None,
            Action::Down | Action::ScrollDown => self.overlay_top += 1,
            Action::Up | Action::ScrollUp => self.overlay_top = self.overlay_top.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.overlay_top += 10,
            Action::PageUp | Action::HalfPageUp => {
                self.overlay_top = self.overlay_top.saturating_sub(10)
            }
            Action::Top => self.overlay_top = 0,
            Action::Bottom => self.overlay_top = usize::MAX / 2,
            _ => {}
        }
    }

    fn update_browse(&mut self, action: Action) {
        let n = self.corpus.articles.len();
        match (self.focus, action) {
            (_, Action::FocusNext | Action::FocusPrev) => {
                self.focus = match self.focus {
                    Focus::List if self.reader.is_some() => Focus::Reader,
                    _ => Focus::List,
                };
                if self.focus == Focus::List {
                    self.zoom = false;
                }
            }
            (_, Action::Left) => {
                self.focus = Focus::List;
                self.zoom = false;
            }
            (_, Action::Right) if self.reader.is_some() => self.focus = Focus::Reader,
            (_, Action::Zoom) if self.reader.is_some() => {
                self.zoom = !self.zoom;
                if self.zoom {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            (focus, Action::Search) => {
                if self.reader.is_some() {
                    self.search.editing = true;
                    self.search.query.clear();
                    self.search.across = focus == Focus::List;
                } else {
                    self.say("open an article to search it", false);
                }
            }
            (_, Action::NextMatch) => self.step_match(true),
            (_, Action::PrevMatch) => self.step_match(false),
            (_, Action::Compare) => self.open_compare_here(),
            (Focus::List, Action::Down | Action::ScrollDown) => self.select(self.selected + 1),
            (Focus::List, Action::Up | Action::ScrollUp) => {
                self.select(self.selected.saturating_sub(1))
            }
            (Focus::List, Action::PageDown | Action::HalfPageDown) => {
                self.select(self.selected + 5)
            }
            (Focus::List, Action::PageUp | Action::HalfPageUp) => {
                self.select(self.selected.saturating_sub(5))
            }
            (Focus::List, Action::Top) => self.select(0),
            (Focus::List, Action::Bottom) => self.select(n.saturating_sub(1)),
            (Focus::List, Action::Open) if n > 0 => {
                self.open_article(self.selected, true);
                self.focus = Focus::Reader;
                self.relayout();
            }
            (Focus::List, Action::ToggleRead) => {
                if let Some(a) = self.corpus.articles.get(self.selected) {
                    let id = a.meta.id.clone();
                    let read = !self.state.is_read(&id);
                    self.state.set_read(&id, read);
                    self.dirty = true;
                }
            }
            (Focus::List, Action::NextUnread) => {
                let order: Vec<usize> = (0..self.corpus.articles.len()).collect();
                let read = |i: usize| self.state.is_read(&self.corpus.articles[i].meta.id);
                match crate::listing::next_unread(&order, self.selected, read) {
                    Some(i) => self.select(i),
                    None => self.say("every article is read", false),
                }
            }
            (Focus::List, Action::MarkAllRead) => {
                for a in &self.corpus.articles {
                    self.state.set_read(&a.meta.id, true);
                }
                self.dirty = true;
            }
            (Focus::Reader, Action::Back) => {
                self.focus = Focus::List;
                self.zoom = false;
                self.relayout();
            }
            (Focus::Reader, Action::Down | Action::ScrollDown) => self.scroll_by(1),
            (Focus::Reader, Action::Up | Action::ScrollUp) => self.scroll_by(-1),
            (Focus::Reader, Action::PageDown) => {
                self.scroll_by(self.page().saturating_sub(2).max(1) as isize)
            }
            (Focus::Reader, Action::PageUp) => {
                self.scroll_by(-(self.page().saturating_sub(2).max(1) as isize))
            }
            (Focus::Reader, Action::HalfPageDown) => {
                self.scroll_by((self.page() / 2).max(1) as isize)
            }
            (Focus::Reader, Action::HalfPageUp) => {
                self.scroll_by(-((self.page() / 2).max(1) as isize))
            }
            (Focus::Reader, Action::Top) => self.scroll_to(0),
            (Focus::Reader, Action::Bottom) => self.scroll_to(usize::MAX),
            _ => {}
        }
    }

    fn select(&mut self, i: usize) {
        let n = self.corpus.articles.len();
        if n == 0 {
            return;
        }
        self.selected = i.min(n - 1);
    }

    /// Opens article `i` at its saved paragraph; `mark_read` records it as read.
    pub fn open_article(&mut self, i: usize, mark_read: bool) {
        let Some(article) = self.corpus.articles.get(i) else {
            return;
        };
        let id = article.meta.id.clone();
        let paragraph = self.state.articles.get(&id).map_or(0, |s| s.paragraph);
        let width = usize::from(self.text_area().text.width);
        let layout = Layout::new(article, width, self.theme.glyphs());
        self.selected = i;
        self.reader = Some(Reader {
            article: i,
            layout,
            top: 0,
        });
        self.search.matches.clear();
        self.search.current = None;
        if paragraph > 0 {
            self.goto_passage(paragraph);
        }
        if mark_read {
            self.state.set_position(&id, paragraph);
            self.dirty = true;
        }
    }

    /// Scrolls the reader so passage `p` (paragraph number from 0) is at the top.
    pub fn goto_passage(&mut self, p: usize) {
        let Some(reader) = &self.reader else { return };
        let article = &self.corpus.articles[reader.article];
        let block = article
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_passage())
            .nth(p)
            .map(|(i, _)| i);
        if let Some(block) = block {
            let line = reader.layout.line_of_block(block);
            self.scroll_to(line);
        }
    }

    /// The passage (paragraph number from 0) at the top of the reader.
    pub fn current_passage(&self) -> Option<usize> {
        let reader = self.reader.as_ref()?;
        let article = &self.corpus.articles[reader.article];
        let block = reader.layout.block_at(reader.top)?;
        // A heading's "passage" is the one after it: the count of passages before it.
        let before = article.blocks[..block]
            .iter()
            .filter(|b| b.is_passage())
            .count();
        Some(before.min(article.passage_count().saturating_sub(1)))
    }

    fn max_top(&self) -> usize {
        self.reader
            .as_ref()
            .map_or(0, |r| r.layout.lines.len().saturating_sub(self.page()))
    }

    fn scroll_to(&mut self, line: usize) {
        let max = self.max_top();
        if let Some(r) = &mut self.reader {
            r.top = line.min(max);
        }
        self.remember_position();
    }

    fn scroll_by(&mut self, delta: isize) {
        if let Some(r) = &self.reader {
            let top = r.top.saturating_add_signed(delta);
            self.scroll_to(top);
        }
    }

    fn remember_position(&mut self) {
        if self.focus != Focus::Reader && self.screen == Screen::Browse {
            return;
        }
        if let (Some(p), Some(r)) = (self.current_passage(), &self.reader) {
            let id = self.corpus.articles[r.article].meta.id.clone();
            let before = self.state.articles.get(&id).map(|s| (s.paragraph, s.read));
            if before != Some((p, true)) {
                self.state.set_position(&id, p);
                self.dirty = true;
            }
        }
    }

    /// Lays the open article out again for the current measure, keeping the paragraph at
    /// the top of the reader in place.
    fn relayout(&mut self) {
        let width = usize::from(self.text_area().text.width);
        let glyphs = self.theme.glyphs();
        let Some(r) = &mut self.reader else { return };
        if r.layout.width == width {
            return;
        }
        let block = r.layout.block_at(r.top);
        let old_line = block.map_or(0, |b| r.layout.line_of_block(b));
        let into_block = r.top.saturating_sub(old_line);
        let article = &self.corpus.articles[r.article];
        r.layout = Layout::new(article, width, glyphs);
        let line = block.map_or(0, |b| r.layout.line_of_block(b));
        // Keep the position inside a long paragraph roughly too, but never past its end.
        let next = block.map_or(line, |b| {
            r.layout
                .block_lines
                .get(b + 1)
                .copied()
                .unwrap_or(r.layout.lines.len())
        });
        let top = (line + into_block).min(next.saturating_sub(1)).max(line);
        let max = r.layout.lines.len().saturating_sub(self.page());
        if let Some(r) = &mut self.reader {
            r.top = top.min(max);
        }
        // Search matches are offsets into block text, whatever the width: they stand.
    }

    fn run_search(&mut self) {
        if self.search.across && self.reader.as_ref().map(|r| r.article) != Some(self.selected) {
            self.open_article(self.selected, true);
        }
        self.run_search_keeping_current();
        if self.search.across && self.search.matches.is_empty() && self.search_on(true) {
            return;
        }
        match self.search.matches.len() {
            0 => {
                let q = self.search.query.clone();
                self.say(format!("not found: {q}"), true);
            }
            _ => {
                // The first match at or after the top of the reader.
                let top = self.reader.as_ref().map_or(0, |r| r.top);
                let first = self
                    .search
                    .matches
                    .iter()
                    .position(|m| self.match_line(m) >= top)
                    .unwrap_or(0);
                self.search.current = Some(first);
                self.show_current_match();
            }
        }
    }

    fn run_search_keeping_current(&mut self) {
        let Some(r) = &self.reader else { return };
        let article = &self.corpus.articles[r.article];
        self.search.matches = search::find(article, &self.search.query);
        if self
            .search
            .current
            .is_some_and(|c| c >= self.search.matches.len())
        {
            self.search.current = None;
        }
    }

    /// The layout line where a match starts.
    pub fn match_line(&self, m: &Match) -> usize {
        self.reader.as_ref().map_or(0, |r| {
            let first = r.layout.line_of_block(m.block);
            r.layout.lines[first..]
                .iter()
                .take_while(|l| l.block == Some(m.block))
                .position(|l| l.offset + l.text.len() > m.start)
                .map_or(first, |i| first + i)
        })
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            if self.search.query.is_empty() {
                self.say("no search: press / to search", false);
            } else {
                let q = self.search.query.clone();
                self.say(format!("not found: {q}"), true);
            }
            return;
        }
        let at_end = if forward { Some(n - 1) } else { Some(0) };
        if self.search.across && self.search.current == at_end && self.search_on(forward) {
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        if forward && next == 0 && self.search.current.is_some() {
            self.say("search wrapped to the top", false);
        } else if !forward && next == n - 1 && self.search.current.is_some() {
            self.say("search wrapped to the bottom", false);
        }
        self.search.current = Some(next);
        self.show_current_match();
    }

    /// Opens the next (or previous) article after the open one that has a match, at its
    /// first (or last) match; false if no other article has one.
    fn search_on(&mut self, forward: bool) -> bool {
        let n = self.corpus.articles.len();
        let from = self.reader.as_ref().map_or(0, |r| r.article);
        let query = self.search.query.clone();
        for step in 1..n {
            let i = if forward {
                (from + step) % n
            } else {
                (from + n - step) % n
            };
            let found = search::find(&self.corpus.articles[i], &query);
            if let Some(last) = found.len().checked_sub(1) {
                self.open_article(i, true);
                self.select(i);
                self.search.matches = found;
                self.search.current = Some(if forward { 0 } else { last });
                self.show_current_match();
                let title = self.corpus.articles[i].meta.title.clone();
                self.say(format!("{query}: {title}"), false);
                return true;
            }
        }
        false
    }

    fn show_current_match(&mut self) {
        let Some(m) = self.search.current.and_then(|c| self.search.matches.get(c)) else {
            return;
        };
        let line = self.match_line(&m.clone());
        let top = self.reader.as_ref().map_or(0, |r| r.top);
        let page = self.page();
        if line < top || line >= top + page {
            self.scroll_to(line.saturating_sub(page / 3));
        }
        self.focus = Focus::Reader;
    }

    // ----- comparison -----

    /// How many outlet columns fit the screen.
    pub fn compare_columns(&self) -> usize {
        compare::columns_for_width(usize::from(self.area.width)).min(self.outlets.len().max(1))
    }

    /// The outlets currently shown, as indices into `outlets`.
    pub fn shown_outlets(&self) -> Vec<usize> {
        let n = self.outlets.len();
        let cols = self.compare_columns().min(n);
        (0..cols)
            .map(|i| (self.compare.first + i) % n.max(1))
            .collect()
    }

    fn ensure_grid(&mut self) {
        if self.screen != Screen::Compare {
            return;
        }
        let Some(timeline) = &self.corpus.timeline else {
            return;
        };
        let shown = self.shown_outlets();
        let outlets: Vec<&str> = shown.iter().map(|&i| self.outlets[i].as_str()).collect();
        let width = usize::from(self.area.width);
        let fresh = match &self.compare.grid {
            Some(g) => g.width != width || g.outlets != outlets,
            None => true,
        };
        if fresh {
            self.compare.grid = Some(Grid::new(
                &self.corpus,
                timeline,
                &self.alignment,
                &outlets,
                width,
            ));
        }
        let max = self
            .compare
            .grid
            .as_ref()
            .map_or(0, |g| g.lines.saturating_sub(1));
        self.compare.top = self.compare.top.min(max);
        self.compare.column = self.compare.column.min(shown.len().saturating_sub(1));
    }

    /// The event whose row is at the top of the comparison.
    pub fn compare_event(&self) -> Option<usize> {
        self.compare
            .grid
            .as_ref()
            .map(|g| g.row_at(self.compare.top))
    }

    fn open_compare_here(&mut self) {
        if !self.adopt_draft_timeline() {
            self.say(
                "no timeline: rounds.toml was refused (! says why), or no article names a day",
                true,
            );
            return;
        }
        // The event of the current paragraph, else the first event the article covers.
        let event = self.reader.as_ref().and_then(|r| {
            let p = self.current_passage()?;
            let pa = &self.alignment;
            (p..r.layout.block_lines.len())
                .find_map(|q| pa.passage(r.article, q).and_then(|x| x.events.first()))
                .map(|m| m.event)
        });
        self.screen = Screen::Compare;
        // Bring the article's outlet into view first: that rebuilds the grid, and the
        // jump to the event must use the rebuilt rows.
        if let Some(r) = &self.reader {
            let outlet = &self.corpus.articles[r.article].meta.outlet;
            if let Some(i) = self.outlets.iter().position(|o| o == outlet) {
                if !self.shown_outlets().contains(&i) {
                    self.compare.first = i;
                    self.persist_outlets();
                }
                self.ensure_grid();
                if let Some(c) = self.shown_outlets().iter().position(|&x| x == i) {
                    self.compare.column = c;
                }
            }
        }
        self.ensure_grid();
        match event {
            Some(e) => self.goto_event(e),
            None => self.say(
                "this paragraph is not aligned to an event; showing the timeline",
                false,
            ),
        }
    }

    fn goto_event(&mut self, e: usize) {
        if let Some(g) = &self.compare.grid
            && let Some(&line) = g.row_lines.get(e)
        {
            self.compare.top = line;
        }
    }

    fn persist_outlets(&mut self) {
        let shown: Vec<String> = self
            .shown_outlets()
            .iter()
            .map(|&i| self.outlets[i].clone())
            .collect();
        self.state.compare.outlets = shown;
        self.state.compare.updated = crate::state::now_ms();
        self.dirty = true;
    }

    fn update_compare(&mut self, action: Action) {
        let lines = self.compare.grid.as_ref().map_or(0, |g| g.lines);
        let page = usize::from(self.area.height.saturating_sub(5)).max(1);
        let scroll =
            |top: usize, d: isize| top.saturating_add_signed(d).min(lines.saturating_sub(1));
        let n_out = self.outlets.len().max(1);
        match action {
            Action::Back => self.screen = Screen::Browse,
            Action::Down | Action::ScrollDown => self.compare.top = scroll(self.compare.top, 1),
            Action::Up | Action::ScrollUp => self.compare.top = scroll(self.compare.top, -1),
            Action::PageDown => self.compare.top = scroll(self.compare.top, page as isize - 1),
            Action::PageUp => self.compare.top = scroll(self.compare.top, -(page as isize - 1)),
            Action::HalfPageDown => {
                self.compare.top = scroll(self.compare.top, (page / 2) as isize)
            }
            Action::HalfPageUp => {
                self.compare.top = scroll(self.compare.top, -((page / 2) as isize))
            }
            Action::Top => self.compare.top = 0,
            Action::Bottom => self.compare.top = lines.saturating_sub(1),
            Action::NextEvent | Action::PrevEvent => {
                if let Some(g) = &self.compare.grid {
                    let row = g.row_at(self.compare.top);
                    let at_start = g.row_lines.get(row) == Some(&self.compare.top);
                    let target = if action == Action::NextEvent {
                        (row + 1).min(g.row_lines.len().saturating_sub(1))
                    } else if at_start {
                        row.saturating_sub(1)
                    } else {
                        row
                    };
                    self.goto_event(target);
                }
            }
            Action::FocusNext => {
                let cols = self.shown_outlets().len().max(1);
                self.compare.column = (self.compare.column + 1) % cols;
            }
            Action::FocusPrev => {
                let cols = self.shown_outlets().len().max(1);
                self.compare.column = (self.compare.column + cols - 1) % cols;
            }
            Action::Left | Action::Right => {
                if self.compare_columns() < n_out {
                    self.compare.first = if action == Action::Right {
                        (self.compare.first + 1) % n_out
                    } else {
                        (self.compare.first + n_out - 1) % n_out
                    };
                    self.persist_outlets();
                    let top_event = self.compare_event();
                    self.ensure_grid();
                    if let Some(e) = top_event {
                        self.goto_event(e);
                    }
                } else {
                    self.say("every outlet is already shown", false);
                }
            }
            Action::Open => self.open_focused_passage(),
            _ => {}
        }
    }

    fn open_focused_passage(&mut self) {
        let Some(event) = self.compare_event() else {
            return;
        };
        let Some(&outlet) = self.shown_outlets().get(self.compare.column) else {
            return;
        };
        let outlet_name = self.outlets[outlet].clone();
        // The first passage of that outlet under that event.
        let found = self
            .corpus
            .articles
            .iter()
            .enumerate()
            .find_map(|(a, art)| {
                (art.meta.outlet == outlet_name)
                    .then(|| self.alignment.passages_of(a, event).first().copied())
                    .flatten()
                    .map(|p| (a, p))
            });
        match found {
            Some((a, p)) => {
                self.screen = Screen::Browse;
                self.open_article(a, true);
                self.focus = Focus::Reader;
                self.relayout();
                self.goto_passage(p);
            }
            None => self.say(format!("{outlet_name} does not cover this event"), false),
        }
    }

    fn open_coverage(&mut self) {
        if !self.adopt_draft_timeline() {
            self.say(
                "no timeline: rounds.toml was refused (! says why), or no article names a day",
                true,
            );
            return;
        }
        if self.screen == Screen::Compare
            && let Some(e) = self.compare_event()
        {
            self.compare.cursor.0 = e;
        }
        self.screen = Screen::Coverage;
    }

    fn update_coverage(&mut self, action: Action) {
        let events = self.corpus.timeline.as_ref().map_or(0, |t| t.events.len());
        let outlets = self.outlets.len();
        let (e, o) = &mut self.compare.cursor;
        match action {
            Action::Back => self.screen = Screen::Browse,
            Action::Down | Action::ScrollDown => *e = (*e + 1).min(events.saturating_sub(1)),
            Action::Up | Action::ScrollUp => *e = e.saturating_sub(1),
            Action::Top => *e = 0,
            Action::Bottom => *e = events.saturating_sub(1),
            Action::Right => *o = (*o + 1).min(outlets.saturating_sub(1)),
            Action::Left => *o = o.saturating_sub(1),
            Action::Open => {
                let (event, outlet) = self.compare.cursor;
                self.screen = Screen::Compare;
                if !self.shown_outlets().contains(&outlet) {
                    self.compare.first = outlet;
                    self.persist_outlets();
                }
                self.ensure_grid();
                self.goto_event(event);
                if let Some(c) = self.shown_outlets().iter().position(|&x| x == outlet) {
                    self.compare.column = c;
                }
            }
            _ => {}
        }
    }
}
