//! The interface's state and `App::update`, the one place it changes. Each screen is a
//! view with its own state and its own `update` (in `view/`); `App` holds what they
//! share (the `Session`), the stack of screens the user came through, and the overlay.
//! Drawing (`ui/`) only reads. Everything slow (laying text out at a width, building
//! the comparison grid) happens here, on the events that need it, never per frame.

use ratatui::layout::Rect;

use super::action::Action;
use super::geometry::Panes;
use super::keymap::Context;
use super::theme::Theme;
use super::view::browse::BrowseView;
pub use super::view::browse::Focus;
use super::view::compare::CompareView;
use super::view::coverage::CoverageView;
use super::view::overlay::OverlayView;
use super::view::{Outcome, Session};
use crate::align::{Alignment, PassageAlignment};
use crate::corpus::loader::LoadEvent;
use crate::corpus::{self, Article, Corpus};
use crate::state::ReadingState;

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
    /// The keys, from the key map, and what the marks mean.
    Help,
    /// Why files were skipped.
    Problems,
}

/// A short message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Shown as a warning.
    pub warning: bool,
}

/// The deepest the screen stack goes; older screens are forgotten first.
const STACK_LIMIT: usize = 16;

/// The whole interface state.
#[derive(Debug)]
pub struct App {
    session: Session,
    browse: BrowseView,
    compare: CompareView,
    coverage: CoverageView,
    overlay: Option<OverlayView>,
    /// The screens the user came through; the last is shown, the first is always the
    /// browse screen.
    stack: Vec<Screen>,
    quit: bool,
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
        let mut session = Session::new(corpus, alignment, state, theme, area, source);
        let compare = CompareView::new(&session);
        let mut browse = BrowseView::default();
        browse.follow_selection(&mut session);
        App {
            session,
            browse,
            compare,
            coverage: CoverageView::default(),
            overlay: None,
            stack: vec![Screen::Browse],
            quit: false,
        }
    }

    // ----- what the event loop and the tests read -----

    /// The articles and timeline.
    pub fn corpus(&self) -> &Corpus {
        &self.session.corpus
    }
    /// Which passage belongs to which event.
    pub fn alignment(&self) -> &Alignment {
        &self.session.alignment
    }
    /// Outlets, in the order the coverage overview lists them.
    pub fn outlets(&self) -> &[String] {
        &self.session.outlets
    }
    /// How things look.
    pub fn theme(&self) -> Theme {
        self.session.theme
    }
    /// Changes how things look (NO_COLOR, ASCII), laying text out again for its marks.
    pub fn set_theme(&mut self, theme: Theme) {
        self.session.theme = theme;
        self.browse.relayout_all(&mut self.session);
        self.rebuild_overlay();
    }
    /// The terminal's size.
    pub fn area(&self) -> Rect {
        self.session.area
    }
    /// What persists between runs.
    pub fn state(&self) -> &ReadingState {
        &self.session.state
    }
    /// `state` changed since the last save.
    pub fn is_dirty(&self) -> bool {
        self.session.dirty
    }
    /// The state was saved.
    pub fn saved(&mut self) {
        self.session.dirty = false;
    }
    /// The user asked to leave.
    pub fn wants_to_quit(&self) -> bool {
        self.quit
    }
    /// The message in the status line, if any.
    pub fn status(&self) -> Option<&Status> {
        self.session.status.as_ref()
    }
    /// Shows a message in the status line until the next key.
    pub fn notify(&mut self, text: impl Into<String>, warning: bool) {
        self.session.say(text, warning);
    }
    /// Progress of a background load: (files reported, files in all), while it runs.
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.session.loading
    }
    /// A background load has begun.
    pub fn start_loading(&mut self) {
        self.session.loading = Some((0, 0));
    }
    /// Where the corpus came from.
    pub fn source(&self) -> &str {
        &self.session.source
    }
    /// Says where the corpus came from.
    pub fn set_source(&mut self, source: String) {
        self.session.source = source;
    }
    /// What every view shares.
    pub fn session(&self) -> &Session {
        &self.session
    }
    /// The browse screen: list, reader, search.
    pub fn browse(&self) -> &BrowseView {
        &self.browse
    }
    /// The comparison screen.
    pub fn compare(&self) -> &CompareView {
        &self.compare
    }
    /// The coverage overview.
    pub fn coverage(&self) -> &CoverageView {
        &self.coverage
    }
    /// The overlay, if one is open.
    pub fn overlay_view(&self) -> Option<&OverlayView> {
        self.overlay.as_ref()
    }
    /// Which overlay is open.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay.as_ref().map(OverlayView::kind)
    }
    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.stack.last().copied().unwrap_or(Screen::Browse)
    }
    /// The screens beneath the one shown, oldest first.
    pub fn screens_beneath(&self) -> &[Screen] {
        &self.stack[..self.stack.len().saturating_sub(1)]
    }

    /// What keys mean right now.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            return Context::Overlay;
        }
        self.screen_context()
    }

    /// What keys would mean without the overlay.
    fn screen_context(&self) -> Context {
        match self.screen() {
            Screen::Compare => Context::Compare,
            Screen::Coverage => Context::Coverage,
            Screen::Browse if self.browse.search().editing() => Context::Search,
            Screen::Browse => match self.browse.focus() {
                Focus::List => Context::List,
                Focus::Reader => Context::Reader,
            },
        }
    }

    // ----- shortcuts into the views, for tests and benches -----

    /// The panes of the browse screen at the current size.
    pub fn panes(&self) -> Panes {
        self.browse.panes(&self.session)
    }
    /// Lines of text the reader shows at once.
    pub fn page(&self) -> usize {
        self.browse.page(&self.session)
    }
    /// The passage (paragraph number from 0) at the top of the reader.
    pub fn current_passage(&self) -> Option<usize> {
        self.browse.current_passage(&self.session)
    }
    /// Scrolls the reader so passage `p` (paragraph number from 0) is at the top.
    pub fn goto_passage(&mut self, p: usize) {
        self.browse.goto_passage(&mut self.session, p);
    }
    /// The event the comparison is on.
    pub fn compare_event(&self) -> Option<usize> {
        self.compare.event()
    }
    /// The outlets the comparison shows, as indices into `outlets`.
    pub fn shown_outlets(&self) -> Vec<usize> {
        self.compare.shown(&self.session)
    }
    /// How many outlet columns fit the screen.
    pub fn compare_columns(&self) -> usize {
        self.compare.columns(&self.session)
    }

    // ----- changes -----

    /// Takes what the background loader reports: new articles join the list in date
    /// order, the selection and the open article stay where they were.
    pub fn absorb(&mut self, event: LoadEvent) {
        let s = &mut self.session;
        match event {
            LoadEvent::Started(Ok(total)) => s.loading = Some((0, total)),
            LoadEvent::Started(Err(problem)) => {
                s.corpus.problems.push(problem);
                s.loading = None;
            }
            LoadEvent::Timeline(parsed) => {
                s.corpus.set_timeline(parsed);
                s.count_coverage();
            }
            LoadEvent::Batch(batch) => {
                let n = batch.len();
                let fresh: Vec<_> = batch
                    .into_iter()
                    .filter_map(|(path, parsed)| match parsed {
                        Ok((article, aligned)) => {
                            s.corpus.admit(&path, Ok(article)).map(|a| (a, aligned))
                        }
                        Err(e) => {
                            s.corpus.admit(&path, Err(e));
                            None
                        }
                    })
                    .collect();
                if let Some((done, _)) = &mut s.loading {
                    *done += n;
                }
                self.merge(fresh);
            }
            LoadEvent::Finished => {
                s.loading = None;
                s.corpus.check_markers();
            }
        }
        self.rebuild_overlay();
    }

    /// Merges newly loaded articles (and their alignments) into the sorted list and
    /// adds them to the coverage counts, keeping the selection and the open article on
    /// the same articles. Costs the length of the list, never a sort or a recount of it.
    fn merge(&mut self, mut fresh: Vec<(Article, Vec<PassageAlignment>)>) {
        let s = &mut self.session;
        corpus::sort_batch(&mut fresh);
        let merged = {
            let batch: Vec<&Article> = fresh.iter().map(|(a, _)| a).collect();
            corpus::merge_positions(&s.corpus.articles, &batch)
        };
        let was_empty = s.corpus.articles.is_empty();
        for (article, aligned) in &fresh {
            s.tally.add(article, aligned);
        }
        let (articles, aligned): (Vec<_>, Vec<_>) = fresh.into_iter().unzip();
        corpus::merge_at(&mut s.corpus.articles, articles, &merged);
        corpus::merge_at(&mut s.alignment.articles, aligned, &merged);
        s.outlets_changed();
        self.browse.articles_merged(s, &merged, was_empty);
        let visible = self.stack.last() == Some(&Screen::Compare);
        self.compare.corpus_changed(s, visible);
        self.coverage.ensure(s);
    }

    /// The terminal changed size: lay text out again, keeping the reader on the same
    /// paragraph.
    pub fn resize(&mut self, area: Rect) {
        if area == self.session.area {
            return;
        }
        self.session.area = area;
        self.browse.relayout(&mut self.session);
        if self.screen() == Screen::Compare {
            self.compare.ensure(&self.session);
        }
        self.coverage.ensure(&self.session);
        self.rebuild_overlay();
    }

    fn rebuild_overlay(&mut self) {
        let context = self.screen_context();
        if let Some(o) = &mut self.overlay {
            o.rebuild(&self.session, context);
        }
    }

    /// Carries out `action`.
    pub fn update(&mut self, action: Action) {
        self.session.status = None;
        if let Some(overlay) = &mut self.overlay {
            match action {
                Action::WheelDown(..) => overlay.update(Action::ScrollDown),
                Action::WheelUp(..) => overlay.update(Action::ScrollUp),
                Action::Quit => self.quit = true,
                Action::Back | Action::Help => self.overlay = None,
                Action::Problems if overlay.kind() == Overlay::Problems => self.overlay = None,
                other => overlay.update(other),
            }
            return;
        }
        let searching = self.screen_context() == Context::Search;
        match action {
            Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
                let down = matches!(action, Action::WheelDown(..));
                let scroll = if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                };
                if self.screen() == Screen::Browse && !searching {
                    self.browse.point_at(&mut self.session, x, y);
                }
                self.update(scroll);
            }
            Action::Click(x, y) if !searching => {
                let outcome = match self.screen() {
                    Screen::Browse => {
                        self.browse.point_at(&mut self.session, x, y);
                        self.browse.click(&mut self.session, x, y);
                        Outcome::Stay
                    }
                    Screen::Compare => {
                        self.compare.click(&self.session, x);
                        Outcome::Stay
                    }
                    Screen::Coverage => self.coverage.click(&self.session, x, y),
                };
                self.follow(outcome);
            }
            Action::Quit if !searching => self.quit = true,
            Action::Help if !searching => self.open_overlay(Overlay::Help),
            Action::Problems if !searching => {
                if self.session.corpus.problems.is_empty() && self.session.corpus.skipped == 0 {
                    let what = if self.session.corpus.articles.is_empty() {
                        "no articles and no problems to show: is this the right directory?"
                    } else {
                        "no problems: every file loaded"
                    };
                    self.session.say(what, false);
                } else {
                    self.open_overlay(Overlay::Problems);
                }
            }
            Action::Coverage if !searching => self.open_coverage(),
            _ => {
                let outcome = match self.screen() {
                    Screen::Browse => {
                        if action == Action::Back && self.stack.len() > 1 {
                            Outcome::Back
                        } else {
                            self.browse.update(&mut self.session, action)
                        }
                    }
                    Screen::Compare => self.compare.update(&mut self.session, action),
                    Screen::Coverage => self.coverage.update(&mut self.session, action),
                };
                self.follow(outcome);
            }
        }
    }

    fn open_overlay(&mut self, kind: Overlay) {
        self.overlay = Some(OverlayView::new(kind, &self.session, self.screen_context()));
    }

    /// Goes where a view's update asked to.
    fn follow(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    // The screen returned to may have been drawn at another size.
                    if self.screen() == Screen::Compare {
                        self.compare.ensure(&self.session);
                    }
                    self.browse.relayout(&mut self.session);
                }
            }
            Outcome::Compare { event, outlet } => {
                if !self.session.adopt_draft_timeline() {
                    self.session.say(super::draft::NO_TIMELINE, true);
                    return;
                }
                // From the coverage overview, back to the comparison beneath it if there
                // is one, rather than stacking a second.
                if self.screen() == Screen::Coverage
                    && self.screens_beneath().last() == Some(&Screen::Compare)
                {
                    self.stack.pop();
                } else {
                    self.push(Screen::Compare);
                }
                self.compare.open(&mut self.session, event, outlet);
            }
            Outcome::Read { article, passage } => {
                self.push(Screen::Browse);
                self.browse
                    .open_passage(&mut self.session, article, passage);
            }
        }
    }

    fn push(&mut self, screen: Screen) {
        if self.screen() == screen {
            return;
        }
        self.stack.push(screen);
        if self.stack.len() > STACK_LIMIT {
            self.stack.remove(1);
        }
    }

    fn open_coverage(&mut self) {
        if !self.session.adopt_draft_timeline() {
            self.session.say(super::draft::NO_TIMELINE, true);
            return;
        }
        let here = match self.screen() {
            Screen::Compare => self
                .compare
                .event()
                .map(|e| (e, self.compare.focused_outlet(&self.session))),
            Screen::Browse => self.browse.event_here(&self.session),
            Screen::Coverage => None,
        };
        self.push(Screen::Coverage);
        self.coverage.open(&self.session, here);
    }
}
