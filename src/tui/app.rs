//! The interface's state and `App::update`, the one place it changes. Each screen is a
//! view with its own state and its own `update` (in `view/`); `App` holds what they
//! share (the `Session`), the stack of screens the user came through, and the overlay.
//! Drawing (`ui/`) only reads. Everything slow (laying text out at a width, building
//! the comparison grid) happens here, on the events that need it, never per frame.

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::clipboard::{self, Clipboard};
use super::geometry::Panes;
use super::geometry::Reading;
use super::keymap::{Context, KeyMap, Seq};
use super::theme::Theme;
use super::view::browse::BrowseView;
pub use super::view::browse::Focus;
use super::view::compare::CompareView;
use super::view::coverage::CoverageView;
use super::view::overlay::OverlayView;
use super::view::{Outcome, Session};
use crate::align::{Alignment, PassageAlignment};
use crate::corpus::loader::{AlignedFile, LoadEvent};
use crate::corpus::{self, Article, Corpus, Unread};
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
    /// Why passage `passage` (from 0) of article `article` sits under its events.
    Why {
        /// Index into the corpus.
        article: usize,
        /// Paragraph number from 0.
        passage: usize,
    },
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
    /// The keys of a sequence pressed so far ("g" of "g g").
    pending: Seq,
    /// Text copied and not yet sent to the terminal's clipboard.
    copied: Option<String>,
    /// While a directory loads: each article's file, as its place among the files the
    /// loader reports (in step with the articles), so alignments that arrive after the
    /// list can find their article.
    files: Vec<u32>,
    /// Files reported so far.
    files_reported: usize,
    /// The article of each file (`u32::MAX` for none), worked out from `files` when the
    /// first alignment arrives after a merge.
    places: Option<Vec<u32>>,
}

/// No article: a file that was skipped.
const NO_ARTICLE: u32 = u32::MAX;

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
        browse.relist(&mut session);
        let files = vec![NO_ARTICLE; session.corpus.articles.len()];
        App {
            session,
            browse,
            compare,
            coverage: CoverageView::default(),
            overlay: None,
            stack: vec![Screen::Browse],
            quit: false,
            pending: Seq::new(),
            copied: None,
            files,
            files_reported: 0,
            places: None,
        }
    }

    /// Applies the configuration's keys, reading options and comparison outlets (its
    /// theme is applied with [`App::set_theme`]).
    pub fn configure(&mut self, config: &crate::config::Config) {
        self.session.keymap = KeyMap::with(&config.keys);
        self.session.reading = Reading {
            measure: config.measure,
            margin_labels: config.margin_labels,
            list_width: config.list_width,
        };
        self.session.preferred_outlets = config.outlets.clone();
        self.pending.clear();
        self.compare = CompareView::new(&self.session);
        self.browse.relayout(&mut self.session);
        self.rebuild_overlay();
    }

    /// Reads the open article's text if the corpus came without it
    /// ([`Corpus::load_bundled_fronts`]) and opens the article again with it: the first
    /// frame needs no other article's text.
    pub fn read_open_body(&mut self, unread: &mut Unread) {
        let s = &mut self.session;
        let Some(a) = self.browse.reader().map(|r| r.article()) else {
            return;
        };
        if !unread.holds(&s.corpus, a) {
            return;
        }
        unread.read(&mut s.corpus, a);
        if let (Some(slot), Some(article)) =
            (s.alignment.articles.get_mut(a), s.corpus.articles.get(a))
        {
            *slot = vec![Default::default(); article.passage_count()];
        }
        self.browse.reopen(s);
    }

    /// Reads every article's text still unread; the corpus is then whole, with no
    /// passage placed until [`App::set_alignment`].
    pub fn read_bodies(&mut self, unread: Unread) {
        let s = &mut self.session;
        let open_was_unread = self
            .browse
            .reader()
            .is_some_and(|r| unread.holds(&s.corpus, r.article()));
        unread.read_all(&mut s.corpus);
        if open_was_unread {
            self.browse.reopen(s);
        }
        let alignment = super::unaligned(&self.session.corpus.articles);
        self.set_alignment(alignment);
    }

    /// Says whether copying can reach the terminal's clipboard.
    pub fn set_clipboard(&mut self, clipboard: Clipboard) {
        self.session.clipboard = clipboard;
    }

    /// The action a key asks for where the user is, through the key map; `None` while
    /// a sequence is incomplete or when the key means nothing here.
    pub fn key(&mut self, event: &KeyEvent) -> Option<Action> {
        let context = self.context();
        self.session
            .keymap
            .resolve(&mut self.pending, event, context)
    }

    /// The keys of an unfinished sequence, for the status line.
    pub fn pending_keys(&self) -> &[super::keymap::Key] {
        &self.pending
    }

    /// Text copied since the last call, to send to the terminal as OSC 52.
    pub fn take_copied(&mut self) -> Option<String> {
        self.copied.take()
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
    /// Progress of aligning a directory listed before it was aligned: (articles aligned,
    /// articles in all), while it runs.
    pub fn aligning(&self) -> Option<(usize, usize)> {
        self.session.aligning
    }
    /// True while the browse screen has work to go on with between keys (a search
    /// through the list): the event loop then calls [`App::work`] every turn.
    pub fn busy(&self) -> bool {
        self.screen() == Screen::Browse && self.browse.sweep().is_some()
    }
    /// Does a slice of the work [`App::busy`] says is waiting.
    pub fn work(&mut self) {
        if self.busy() {
            self.browse.sweep_step(&mut self.session);
        }
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
            Screen::Browse if self.browse.menu().is_some() => Context::Filter,
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
        self.browse.current_passage()
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
    /// order, the selection and the open article stay where they were; alignments that
    /// come after the list are attached to their articles and counted.
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
                let first = self.files_reported;
                let fresh: Vec<_> = batch
                    .into_iter()
                    .enumerate()
                    .filter_map(|(k, (path, parsed))| match parsed {
                        Ok((article, aligned)) => {
                            let file = u32::try_from(first + k).unwrap_or(NO_ARTICLE);
                            s.corpus
                                .admit(&path, Ok(article))
                                .map(|a| (a, (aligned, file)))
                        }
                        Err(e) => {
                            s.corpus.admit(&path, Err(e));
                            None
                        }
                    })
                    .collect();
                self.files_reported += n;
                if let Some((done, _)) = &mut s.loading {
                    *done += n;
                }
                self.merge(fresh);
            }
            LoadEvent::Listed { aligning } => {
                s.loading = None;
                s.aligning = (aligning > 0).then_some((0, aligning));
                s.corpus.check_markers();
            }
            LoadEvent::Aligned(batch) => self.attach(batch),
            LoadEvent::Finished => {
                // Without `Listed` (a loader that stopped early): the list is whole now.
                if s.loading.take().is_some() {
                    s.corpus.check_markers();
                }
                s.aligning = None;
                self.files = Vec::new();
                self.places = None;
            }
        }
        self.rebuild_overlay();
    }

    /// The loader went away without saying it had finished (its thread ended early):
    /// what was loaded stays, and the status line says the rest may be missing, rather
    /// than "loading" or "aligning" forever.
    pub fn loader_stopped(&mut self) {
        let s = &self.session;
        if s.loading.is_none() && s.aligning.is_none() {
            return;
        }
        self.absorb(LoadEvent::Finished);
        self.session.say(
            "loading stopped before the end: some articles may be missing or not aligned",
            true,
        );
    }

    /// Attaches alignments that arrive after the list to their articles and adds them to
    /// the coverage counts; the comparison and the overview follow. An article already
    /// aligned, or whose passages no longer match (its file changed), is left as it is.
    fn attach(&mut self, batch: Vec<AlignedFile>) {
        let s = &mut self.session;
        let n = batch.len();
        let files = &self.files;
        let places = self.places.get_or_insert_with(|| {
            let len = files
                .iter()
                .filter(|&&f| f != NO_ARTICLE)
                .map(|&f| f as usize + 1)
                .max()
                .unwrap_or(0);
            let mut places = vec![NO_ARTICLE; len];
            for (a, &f) in files.iter().enumerate() {
                if let Some(p) = places.get_mut(f as usize) {
                    *p = u32::try_from(a).unwrap_or(NO_ARTICLE);
                }
            }
            places
        });
        for (file, aligned) in batch {
            let Some(a) = places.get(file).map(|&a| a as usize) else {
                continue;
            };
            let (Some(article), Some(slot)) =
                (s.corpus.articles.get(a), s.alignment.articles.get_mut(a))
            else {
                continue;
            };
            if !slot.is_empty() || aligned.len() != article.passage_count() {
                continue;
            }
            s.tally.add(article, &aligned);
            *slot = aligned;
        }
        if let Some((done, total)) = &mut s.aligning {
            *done = (*done + n).min(*total);
        }
        s.outlets_changed();
        let visible = self.stack.last() == Some(&Screen::Compare);
        self.compare.corpus_changed(s, visible);
        self.coverage.ensure(s);
    }

    /// Takes the articles' alignment, worked out after the first frame was drawn (the
    /// reader shows an article before it knows its events): the counts, the comparison
    /// and an open overlay follow it.
    pub fn set_alignment(&mut self, alignment: Alignment) {
        let s = &mut self.session;
        s.alignment = alignment;
        s.count_coverage();
        let visible = self.stack.last() == Some(&Screen::Compare);
        self.compare.corpus_changed(s, visible);
        self.coverage.ensure(s);
        self.rebuild_overlay();
    }

    /// Merges newly loaded articles (and their alignments) into the sorted list and
    /// adds them to the coverage counts, keeping the selection and the open article on
    /// the same articles. Costs the length of the list, never a sort or a recount of it.
    fn merge(&mut self, mut fresh: Vec<(Article, (Vec<PassageAlignment>, u32))>) {
        let s = &mut self.session;
        corpus::sort_batch(&mut fresh);
        let merged = {
            let batch: Vec<&Article> = fresh.iter().map(|(a, _)| a).collect();
            corpus::merge_positions(&s.corpus.articles, &batch)
        };
        let was_empty = s.corpus.articles.is_empty();
        for (article, (aligned, _)) in &fresh {
            s.tally.add(article, aligned);
        }
        let (articles, (aligned, files)): (Vec<_>, (Vec<_>, Vec<_>)) = fresh.into_iter().unzip();
        corpus::merge_at(&mut s.corpus.articles, articles, &merged);
        corpus::merge_at(&mut s.alignment.articles, aligned, &merged);
        // Kept in step with the articles only while it is (a corpus given whole has none).
        if self.files.len() + files.len() == s.corpus.articles.len() {
            corpus::merge_at(&mut self.files, files, &merged);
        }
        self.places = None;
        s.outlets_changed();
        self.browse.articles_merged(s, &merged, was_empty);
        // The passage an open "why" explains is named by index: keep it on its article.
        if let Some(Overlay::Why { article, passage }) =
            self.overlay.as_ref().map(OverlayView::kind)
        {
            let article = merged.moved(article);
            self.overlay = Some(OverlayView::new(
                Overlay::Why { article, passage },
                s,
                Context::Reader,
            ));
        }
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
                Action::Why if matches!(overlay.kind(), Overlay::Why { .. }) => {
                    self.overlay = None;
                }
                other => overlay.update(other),
            }
            return;
        }
        let searching = self.screen_context() == Context::Search;
        // The filter menu takes keys, not clicks: the list behind it shows its result.
        let menu = self.screen_context() == Context::Filter;
        match action {
            Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
                let down = matches!(action, Action::WheelDown(..));
                let scroll = if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                };
                if self.screen() == Screen::Browse && !searching && !menu {
                    self.browse.point_at(&mut self.session, x, y);
                }
                self.update(scroll);
            }
            Action::Click(x, y) if !searching && !menu => {
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
            Action::Why if !searching => match self.focused_passage() {
                Ok((article, passage)) => self.open_overlay(Overlay::Why { article, passage }),
                Err(why) => self.session.say(why, false),
            },
            Action::Copy if !searching => {
                let quoted = self.focused_passage().and_then(|(a, p)| {
                    let article = match self.session.corpus.body(a) {
                        Some(Ok(body)) => body,
                        Some(Err(why)) => return Err(why.to_string()),
                        None => return Err("no passage here".to_string()),
                    };
                    article
                        .quotation(p)
                        .map(|q| (q, format!("¶{} of {}", p + 1, article.meta.outlet)))
                        .ok_or_else(|| "no passage here".to_string())
                });
                self.copy(quoted);
            }
            Action::CopyUrl if !searching => {
                let url = self.current_article().and_then(|a| {
                    let article = &self.session.corpus.articles[a];
                    article
                        .meta
                        .url
                        .clone()
                        .map(|u| (u, format!("{}'s URL", article.meta.outlet)))
                        .ok_or_else(|| {
                            format!("{} gives no URL for this article", article.meta.outlet)
                        })
                });
                self.copy(url);
            }
            _ => {
                let outcome = match self.screen() {
                    Screen::Browse => {
                        // Esc stops a running search before it goes back.
                        if action == Action::Back
                            && self.stack.len() > 1
                            && self.browse.sweep().is_none()
                        {
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

    /// The passage the user is on, as (article, paragraph number from 0): the one at
    /// the top of the reader, or the focused column's in the comparison.
    fn focused_passage(&self) -> Result<(usize, usize), String> {
        let s = &self.session;
        match self.screen() {
            Screen::Browse => self
                .browse
                .reader()
                .map(|r| r.article())
                .zip(self.browse.current_passage())
                .ok_or_else(|| "no article is open".to_string()),
            Screen::Compare if self.compare.grid().is_some() => self.compare.focused_passage(s),
            Screen::Compare | Screen::Coverage => {
                Err("choose a passage in the reader or the comparison first".to_string())
            }
        }
    }

    /// The article the user is on: the open one, or the focused passage's.
    fn current_article(&self) -> Result<usize, String> {
        match self.screen() {
            Screen::Browse => self
                .browse
                .reader()
                .map(|r| r.article())
                .ok_or_else(|| "no article is open".to_string()),
            _ => self.focused_passage().map(|(a, _)| a),
        }
    }

    /// Copies `what` (the text, and how the status line names it) to the clipboard,
    /// or says why not.
    fn copy(&mut self, what: Result<(String, String), String>) {
        let (text, name) = match what {
            Ok(x) => x,
            Err(why) => return self.session.say(why, false),
        };
        if let Clipboard::Off(why) = &self.session.clipboard {
            let msg = format!("nothing copied: {why}");
            return self.session.say(msg, true);
        }
        if text.len() > clipboard::MAX_BYTES {
            let msg = format!(
                "{name} is {} kB, more than a terminal's clipboard takes: nothing copied",
                text.len() / 1024
            );
            return self.session.say(msg, true);
        }
        self.copied = Some(text);
        self.session
            .say(format!("copied {name} to the clipboard"), false);
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
                self.say_aligning("the comparison shows");
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
        self.say_aligning("the overview counts");
    }

    /// While a listed directory is still being aligned, says that `what` (a screen and
    /// its verb) goes by the articles aligned so far (it follows them as more are; the
    /// status line's right end says how many), unless something more particular was said.
    fn say_aligning(&mut self, what: &str) {
        if self.session.aligning.is_some() && self.session.status.is_none() {
            self.session
                .say(format!("{what} only the articles aligned so far"), false);
        }
    }
}
