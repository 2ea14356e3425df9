//! The browse screen's state: the article list (filtered and sorted), the open article
//! (which follows the selection), the reader's scroll and the search of the open article.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::filter::FilterMenu;
use super::{Outcome, Session};
use crate::corpus::{Article, Merged};
use crate::listing::{self, Filter, SortOrder};
use crate::text::search::{self, Match};
use crate::text::wrap::Layout;
use crate::tui::action::Action;
use crate::tui::geometry::{self, Panes, TextArea};
use crate::tui::scroll::Scroll;

/// Which pane of the browse screen has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The article list.
    #[default]
    List,
    /// The reading pane.
    Reader,
}

/// The open article, laid out for the pane's measure.
#[derive(Debug, Clone)]
pub struct Reader {
    article: usize,
    /// The article with its text (read back from its file if the corpus let it go), or
    /// with a paragraph saying why its text cannot be shown.
    body: Arc<Article>,
    layout: Layout,
    scroll: Scroll,
}

impl Reader {
    /// Index into the corpus.
    pub fn article(&self) -> usize {
        self.article
    }
    /// The open article with its text: what the layout was made from.
    pub fn body(&self) -> &Article {
        &self.body
    }
    /// The article laid out at the current measure.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
    /// First line shown.
    pub fn top(&self) -> usize {
        self.scroll.top()
    }
    /// The last line is shown.
    pub fn at_end(&self) -> bool {
        self.scroll.at_end()
    }
}

/// The search of the open article.
#[derive(Debug, Clone, Default)]
pub struct Search {
    editing: bool,
    query: String,
    matches: Vec<Match>,
    current: Option<usize>,
    /// Started from the list: the search runs over every article, and `n` and `N` go
    /// on into the next or previous article that has a match.
    across: bool,
}

impl Search {
    /// The query is being typed.
    pub fn editing(&self) -> bool {
        self.editing
    }
    /// What is searched for.
    pub fn query(&self) -> &str {
        &self.query
    }
    /// Matches in the open article, in reading order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }
    /// The current match.
    pub fn current(&self) -> Option<usize> {
        self.current
    }
    fn clear(&mut self) {
        self.query.clear();
        self.matches.clear();
        self.current = None;
    }
}

/// A search of the list's other articles for the next one with a match, a slice of
/// articles per turn of the event loop, so keys are answered while it reads them back
/// (a search that matches nothing reads every article).
#[derive(Debug, Clone)]
pub struct Sweep {
    query: String,
    forward: bool,
    /// Articles still to search (indices into the corpus), the next one last.
    left: Vec<usize>,
    /// Articles to search in all.
    total: usize,
    /// If nothing is found: go round the open article's matches (`n` at its last one)
    /// rather than say "not found" (a new search).
    wrap: bool,
}

impl Sweep {
    /// (articles searched, articles to search).
    pub fn progress(&self) -> (usize, usize) {
        (self.total - self.left.len(), self.total)
    }
    /// What is searched for.
    pub fn query(&self) -> &str {
        &self.query
    }
}

/// The most articles one turn of a sweep searches.
pub const SWEEP_SLICE: usize = 256;
/// A turn of a sweep stops after this long, however few articles it searched (reading
/// back files not in the page cache), so a key waits no longer.
const SWEEP_TURN: Duration = Duration::from_millis(8);

/// The list and the reader.
#[derive(Debug, Clone, Default)]
pub struct BrowseView {
    focus: Focus,
    zoom: bool,
    /// The articles the list shows, in its order (indices into the corpus).
    shown: Vec<usize>,
    /// The selection's place in `shown`: `None` when the list is empty, or when the open
    /// article (read from the comparison) is one the filter hides.
    position: Option<usize>,
    filter: Filter,
    order: SortOrder,
    menu: Option<FilterMenu>,
    reader: Option<Reader>,
    search: Search,
    /// The search going through the list's articles, while it runs.
    sweep: Option<Sweep>,
}

impl BrowseView {
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }
    /// The reader fills the screen.
    pub fn zoom(&self) -> bool {
        self.zoom
    }
    /// The selected article, an index into the corpus (always the open one); 0 when
    /// nothing is (see [`BrowseView::selection`]).
    pub fn selected(&self) -> usize {
        self.selection().unwrap_or(0)
    }
    /// The selected article, or the open one when the list does not show it.
    pub fn selection(&self) -> Option<usize> {
        self.position
            .and_then(|p| self.shown.get(p).copied())
            .or(self.reader.as_ref().map(|r| r.article))
    }
    /// The selection's place in the list.
    pub fn position(&self) -> Option<usize> {
        self.position
    }
    /// The articles the list shows, in order (indices into the corpus).
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }
    /// What the list is narrowed to.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
    /// The list's order.
    pub fn order(&self) -> SortOrder {
        self.order
    }
    /// The filter menu, while it is open.
    pub fn menu(&self) -> Option<&FilterMenu> {
        self.menu.as_ref()
    }
    /// The open article.
    pub fn reader(&self) -> Option<&Reader> {
        self.reader.as_ref()
    }
    /// The search.
    pub fn search(&self) -> &Search {
        &self.search
    }
    /// The search through the list's articles, while it runs.
    pub fn sweep(&self) -> Option<&Sweep> {
        self.sweep.as_ref()
    }

    /// The panes at the current size.
    pub fn panes(&self, s: &Session) -> Panes {
        geometry::panes_with(
            s.area,
            self.zoom,
            self.focus == Focus::Reader,
            s.reading.list_width,
        )
    }

    /// The reader's text column at the current size (full width when not shown, so an
    /// article is laid out even while only the list is visible).
    pub fn text_area(&self, s: &Session) -> TextArea {
        let pane = self
            .panes(s)
            .reader
            .unwrap_or_else(|| geometry::panes(s.area, true, true).reader.unwrap_or(s.area));
        // Without margin labels the current paragraph's events go in the border.
        let labels = if s.reading.margin_labels {
            s.label_width()
        } else {
            0
        };
        geometry::text_area_with(geometry::inner(pane), labels, s.reading.measure)
    }

    /// Lines of text the reader shows at once.
    pub fn page(&self, s: &Session) -> usize {
        usize::from(self.text_area(s).text.height).max(1)
    }

    /// Articles were merged into the list: the open article keeps its identity at its
    /// new place, and the list is worked out again (new articles join it where the
    /// filter and order put them; the first is selected if nothing was).
    pub fn articles_merged(&mut self, s: &mut Session, merged: &Merged, was_empty: bool) {
        if !was_empty && let Some(r) = &mut self.reader {
            r.article = merged.moved(r.article);
        }
        // A running search goes on through the articles it had left, wherever they are
        // now (the new ones came after it started).
        if !was_empty && let Some(sweep) = &mut self.sweep {
            sweep.left.iter_mut().for_each(|i| *i = merged.moved(*i));
        }
        self.relist(s);
    }

    /// Works out again which articles the list shows, after the filter, the order or
    /// the articles changed. The open article stays selected if the list still shows
    /// it (while the filter menu is open, the one open when it opened); otherwise the
    /// first article is selected and opened.
    pub fn relist(&mut self, s: &mut Session) {
        let articles = &s.corpus.articles;
        let state = &s.state;
        self.shown = listing::view(articles, &self.filter, self.order, |i| {
            state.is_read(&articles[i].meta.id)
        });
        let kept = self
            .menu
            .as_ref()
            .and_then(|m| m.keep())
            .and_then(|id| s.corpus.position(id))
            .filter(|i| self.shown.contains(i));
        let open = kept.or(self.reader.as_ref().map(|r| r.article));
        self.position = open
            .and_then(|a| self.shown.iter().position(|&x| x == a))
            .or((!self.shown.is_empty()).then_some(0));
        self.follow_selection(s);
    }

    /// Opens the selected article if another one is open: the reader always shows what
    /// the list has selected, so the byline, the reader, `c` and `/` agree. An empty
    /// list closes the reader.
    pub fn follow_selection(&mut self, s: &mut Session) {
        match self.position.and_then(|p| self.shown.get(p)).copied() {
            Some(i) if self.reader.as_ref().map(|r| r.article) != Some(i) => {
                self.open(s, i, false);
            }
            Some(_) => {}
            None if self.shown.is_empty() => {
                self.reader = None;
                self.search = Search::default();
                self.focus = Focus::List;
                self.zoom = false;
            }
            None => {}
        }
    }

    /// Opens the open article again from the corpus as it is now: after its text was
    /// read ([`crate::corpus::Unread`]).
    pub fn reopen(&mut self, s: &mut Session) {
        self.reader = None;
        self.follow_selection(s);
    }

    /// Opens article `i` at its saved paragraph; `mark_read` records it as read.
    fn open(&mut self, s: &mut Session, i: usize, mark_read: bool) {
        let body = match s.corpus.body(i).map(|r| r.map(|b| b.shared())) {
            None => {
                self.reader = None;
                return;
            }
            Some(Ok(body)) => body,
            // Its file cannot be read back: the article with a paragraph saying why, and
            // the same in the status line.
            Some(Err(why)) => {
                let shown = Arc::new(s.corpus.articles[i].unreadable(&why));
                // What happened first and the file last: a narrow status line keeps
                // both ends of a message.
                s.say(format!("{} — {}", why.message, why.path), true);
                shown
            }
        };
        let id = body.meta.id.clone();
        let paragraph = s.state.articles.get(&id).map_or(0, |st| st.paragraph);
        let width = usize::from(self.text_area(s).text.width);
        let layout = Layout::new(&body, width, s.theme.glyphs());
        let page = self.page(s);
        self.position = self.shown.iter().position(|&x| x == i);
        self.reader = Some(Reader {
            article: i,
            body,
            scroll: Scroll::new(layout.lines.len(), page),
            layout,
        });
        self.search = Search::default();
        if paragraph > 0 {
            self.goto_passage(s, paragraph);
        }
        if mark_read {
            s.state.set_position(&id, paragraph);
            s.dirty = true;
        }
    }

    /// Opens `article` in the reader at `passage`, as when reading from the comparison.
    pub fn open_passage(&mut self, s: &mut Session, article: usize, passage: usize) {
        if self.reader.as_ref().map(|r| r.article) != Some(article) {
            self.open(s, article, true);
        } else if let Some(a) = s.corpus.articles.get(article) {
            let id = a.meta.id.clone();
            if !s.state.is_read(&id) {
                s.state.set_read(&id, true);
                s.dirty = true;
            }
        }
        self.focus = Focus::Reader;
        self.relayout(s);
        self.goto_passage(s, passage);
    }

    /// Scrolls the reader so passage `p` (paragraph number from 0) is at the top.
    pub fn goto_passage(&mut self, s: &mut Session, p: usize) {
        let Some(reader) = &self.reader else { return };
        let block = reader
            .body
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_passage())
            .nth(p)
            .map(|(i, _)| i);
        if let Some(block) = block {
            let line = reader.layout.line_of_block(block);
            self.scroll_to(s, line);
        }
    }

    /// The passage (paragraph number from 0) at the top of the reader.
    pub fn current_passage(&self) -> Option<usize> {
        let reader = self.reader.as_ref()?;
        self.passage_at(reader.top())
    }

    /// The passage at `line` of the reader's layout (or the next one after it).
    pub fn passage_at(&self, line: usize) -> Option<usize> {
        let reader = self.reader.as_ref()?;
        let article = &reader.body;
        let block = reader.layout.block_at(line)?;
        // A heading's "passage" is the one after it: the count of passages before it.
        let before = article.blocks[..block]
            .iter()
            .filter(|b| b.is_passage())
            .count();
        Some(before.min(article.passage_count().saturating_sub(1)))
    }

    /// The passage on the last line shown, for the position at the end of an article.
    pub fn last_passage_shown(&self, s: &Session) -> Option<usize> {
        let reader = self.reader.as_ref()?;
        let last = (reader.top() + self.page(s)).min(reader.layout.lines.len());
        let article = &reader.body;
        let block = reader.layout.lines[..last]
            .iter()
            .rev()
            .find_map(|l| l.block)?;
        let upto = article.blocks[..=block]
            .iter()
            .filter(|b| b.is_passage())
            .count();
        Some(upto.saturating_sub(1))
    }

    /// The event of the current paragraph (else the next aligned one) and the open
    /// article's outlet.
    pub fn event_here(&self, s: &Session) -> Option<(usize, usize)> {
        let r = self.reader.as_ref()?;
        let p = self.current_passage()?;
        let event = (p..r.layout.block_lines.len())
            .find_map(|q| {
                s.alignment
                    .passage(r.article, q)
                    .and_then(|x| x.events.first())
            })
            .map(|m| m.event)?;
        let outlet = &s.corpus.articles[r.article].meta.outlet;
        let o = s.outlets.iter().position(|x| x == outlet)?;
        Some((event, o))
    }

    fn scroll_to(&mut self, s: &mut Session, line: usize) {
        if let Some(r) = &mut self.reader {
            r.scroll.to(line);
        }
        self.remember_position(s);
    }

    fn remember_position(&mut self, s: &mut Session) {
        if self.focus != Focus::Reader {
            return;
        }
        if let (Some(p), Some(r)) = (self.current_passage(), &self.reader) {
            let id = s.corpus.articles[r.article].meta.id.clone();
            let before = s.state.articles.get(&id).map(|st| (st.paragraph, st.read));
            if before != Some((p, true)) {
                s.state.set_position(&id, p);
                s.dirty = true;
            }
        }
    }

    /// Lays the open article out again with new marks (ASCII or not), in place.
    pub fn relayout_all(&mut self, s: &mut Session) {
        if let Some(r) = &mut self.reader {
            r.layout.width = 0;
        }
        self.relayout(s);
    }

    /// Lays the open article out again for the current measure, keeping the paragraph at
    /// the top of the reader in place (and the title in view if it was).
    pub fn relayout(&mut self, s: &mut Session) {
        let width = usize::from(self.text_area(s).text.width);
        let page = self.page(s);
        let glyphs = s.theme.glyphs();
        let Some(r) = &mut self.reader else { return };
        if r.layout.width == width {
            r.scroll.resize(r.layout.lines.len(), page);
            return;
        }
        let top = r.scroll.top();
        let in_front_matter = r
            .layout
            .block_lines
            .first()
            .is_none_or(|&first| top < first);
        let block = r.layout.block_at(top);
        let old_line = block.map_or(0, |b| r.layout.line_of_block(b));
        let into_block = top.saturating_sub(old_line);
        r.layout = Layout::new(&r.body, width, glyphs);
        r.scroll.resize(r.layout.lines.len(), page);
        if in_front_matter {
            // Title, byline and note: they were in view, keep them there.
            r.scroll
                .to(top.min(r.layout.block_lines.first().copied().unwrap_or(0)));
            return;
        }
        let line = block.map_or(0, |b| r.layout.line_of_block(b));
        // Keep the position inside a long paragraph roughly too, but never past its end.
        let next = block.map_or(line, |b| {
            r.layout
                .block_lines
                .get(b + 1)
                .copied()
                .unwrap_or(r.layout.lines.len())
        });
        r.scroll
            .to((line + into_block).min(next.saturating_sub(1)).max(line));
        // Search matches are offsets into block text, whatever the width: they stand.
    }

    /// Carries out `action` on the browse screen.
    pub fn update(&mut self, s: &mut Session, action: Action) -> Outcome {
        if self.search.editing {
            self.update_search(s, action);
            return Outcome::Stay;
        }
        if self.menu.is_some() {
            self.update_menu(s, action);
            return Outcome::Stay;
        }
        // A running search stops at Esc, and at anything that moves the selection or
        // changes the list: its match would otherwise take the reader away from where
        // the user went meanwhile.
        let moves = match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::ScrollDown
            | Action::ScrollUp => self.focus == Focus::List,
            Action::Open
            | Action::NextUnread
            | Action::Filter
            | Action::ClearFilter
            | Action::Sort => true,
            _ => false,
        };
        if (action == Action::Back || moves)
            && let Some(sweep) = self.sweep.take()
        {
            let (done, total) = sweep.progress();
            s.say(
                format!("search stopped: {done} of {total} articles searched"),
                false,
            );
            if action == Action::Back {
                return Outcome::Stay;
            }
        }
        let n = self.shown.len();
        // Moves go from the selection; from no selection, they start at the top.
        let at = self.position;
        let down = |k: usize| at.map_or(0, |p| p + k);
        let up = |k: usize| at.map_or(0, |p| p.saturating_sub(k));
        let list_step = (usize::from(
            self.panes(s)
                .list
                .map_or(0, |l| geometry::list(geometry::inner(l)).items.height),
        ) / usize::from(geometry::LIST_ROWS))
        .max(2);
        match (self.focus, action) {
            (_, Action::FocusNext | Action::FocusPrev) => {
                self.focus = match self.focus {
                    Focus::List if self.reader.is_some() => Focus::Reader,
                    _ => Focus::List,
                };
                if self.focus == Focus::List {
                    self.zoom = false;
                }
                self.relayout(s);
            }
            (_, Action::Left) => {
                self.focus = Focus::List;
                self.zoom = false;
                self.relayout(s);
            }
            (_, Action::Right) if self.reader.is_some() => {
                self.focus = Focus::Reader;
                self.relayout(s);
            }
            (_, Action::Zoom) if self.reader.is_some() => {
                self.zoom = !self.zoom;
                if self.zoom {
                    self.focus = Focus::Reader;
                }
                self.relayout(s);
            }
            (focus, Action::Search) => {
                if self.reader.is_some() {
                    self.sweep = None;
                    self.search.editing = true;
                    self.search.query.clear();
                    self.search.across = focus == Focus::List;
                } else {
                    s.say("open an article to search it", false);
                }
            }
            (_, Action::NextMatch) => self.step_match(s, true),
            (_, Action::PrevMatch) => self.step_match(s, false),
            (_, Action::Compare) => {
                let here = self.event_here(s);
                let outlet = self.reader.as_ref().and_then(|r| {
                    let name = &s.corpus.articles[r.article].meta.outlet;
                    s.outlets.iter().position(|o| o == name)
                });
                // An article listed and not yet aligned has no events to go by.
                let unaligned = self.reader.as_ref().is_some_and(|r| {
                    s.alignment
                        .articles
                        .get(r.article)
                        .is_none_or(Vec::is_empty)
                        && s.corpus.articles[r.article].passage_count() > 0
                });
                if here.is_none() && self.reader.is_some() && s.corpus.timeline.is_some() {
                    match s.aligning {
                        Some((done, total)) if unaligned => s.say(
                            format!(
                                "this article is not aligned yet (aligning {done}/{total}); \
                                 showing the timeline"
                            ),
                            false,
                        ),
                        _ => s.say(
                            "this paragraph is not aligned to an event; showing the timeline",
                            false,
                        ),
                    }
                }
                return Outcome::Compare {
                    event: here.map(|(e, _)| e),
                    outlet,
                };
            }
            (Focus::List, Action::Down | Action::ScrollDown) => self.select(s, down(1)),
            (Focus::List, Action::Up | Action::ScrollUp) => self.select(s, up(1)),
            (Focus::List, Action::PageDown) => self.select(s, down(list_step)),
            (Focus::List, Action::PageUp) => self.select(s, up(list_step)),
            (Focus::List, Action::HalfPageDown) => self.select(s, down(list_step / 2)),
            (Focus::List, Action::HalfPageUp) => self.select(s, up(list_step / 2)),
            (Focus::List, Action::Top) => self.select(s, 0),
            (Focus::List, Action::Bottom) => self.select(s, n.saturating_sub(1)),
            (Focus::List, Action::Open) if self.reader.is_some() => {
                let Some(r) = &self.reader else {
                    return Outcome::Stay;
                };
                let id = s.corpus.articles[r.article].meta.id.clone();
                let paragraph = s.state.articles.get(&id).map_or(0, |st| st.paragraph);
                s.state.set_position(&id, paragraph);
                s.dirty = true;
                self.focus = Focus::Reader;
                self.relayout(s);
            }
            (Focus::List, Action::ToggleRead) => {
                if let Some(a) = self.selection().and_then(|i| s.corpus.articles.get(i)) {
                    let id = a.meta.id.clone();
                    let read = !s.state.is_read(&id);
                    s.state.set_read(&id, read);
                    s.dirty = true;
                }
            }
            (Focus::List, Action::NextUnread) => {
                let read = |i: usize| s.state.is_read(&s.corpus.articles[i].meta.id);
                // From no selection, the search starts at the top.
                let from = self.position.unwrap_or(n.saturating_sub(1));
                match listing::next_unread(&self.shown, from, read) {
                    Some(p) => self.select(s, p),
                    None if n == 0 => s.say("the list is empty", false),
                    None if self.filter.is_empty() => s.say("every article is read", false),
                    None => s.say("every article in the list is read", false),
                }
            }
            (Focus::List, Action::MarkAllRead) => {
                for &i in &self.shown {
                    s.state.set_read(&s.corpus.articles[i].meta.id, true);
                }
                s.dirty = true;
            }
            (Focus::List, Action::Filter) => {
                let keep = self
                    .reader
                    .as_ref()
                    .map(|r| s.corpus.articles[r.article].meta.id.clone());
                self.menu = Some(FilterMenu::new(
                    &s.corpus.articles,
                    self.filter.clone(),
                    keep,
                ));
            }
            (Focus::List, Action::ClearFilter) => {
                if self.filter.is_empty() {
                    s.say("the list is not filtered", false);
                } else {
                    self.filter = Filter::default();
                    self.relist(s);
                }
            }
            (Focus::List, Action::Sort) => {
                self.order = self.order.next();
                self.relist(s);
            }
            (Focus::Reader, Action::Back) => {
                self.focus = Focus::List;
                self.zoom = false;
                self.relayout(s);
            }
            (Focus::Reader, a) => {
                if let Some(r) = &mut self.reader
                    && r.scroll.apply(a)
                {
                    self.remember_position(s);
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Gives focus to the pane at (x, y), as the mouse points there.
    pub fn point_at(&mut self, s: &mut Session, x: u16, y: u16) {
        let p = self.panes(s);
        let at = ratatui::layout::Position::new(x, y);
        let focus = if p.list.is_some_and(|r| r.contains(at)) {
            Focus::List
        } else if p.reader.is_some_and(|r| r.contains(at)) && self.reader.is_some() {
            Focus::Reader
        } else {
            return;
        };
        if focus != self.focus {
            self.focus = focus;
            self.relayout(s);
        }
    }

    /// A click at (x, y): on an article of the list, selects it.
    pub fn click(&mut self, s: &mut Session, x: u16, y: u16) {
        let Some(list) = self.panes(s).list else {
            return;
        };
        let items = geometry::list(geometry::inner(list)).items;
        if !items.contains(ratatui::layout::Position::new(x, y)) {
            return;
        }
        let visible = (usize::from(items.height) / usize::from(geometry::LIST_ROWS)).max(1);
        let top = geometry::list_top(self.position.unwrap_or(0), visible);
        let p = top + usize::from((y - items.y) / geometry::LIST_ROWS);
        if p < self.shown.len() {
            self.select(s, p);
        }
    }

    /// Selects the article at place `p` of the list (the last if past it) and opens it.
    fn select(&mut self, s: &mut Session, p: usize) {
        let n = self.shown.len();
        if n == 0 {
            return;
        }
        self.position = Some(p.min(n - 1));
        self.follow_selection(s);
    }

    /// The filter menu: each change of a value narrows the list at once; Enter keeps
    /// the filter, Esc puts back the one there was.
    fn update_menu(&mut self, s: &mut Session, action: Action) {
        let Some(menu) = &mut self.menu else { return };
        match action {
            Action::Down | Action::ScrollDown => menu.move_row(true),
            Action::Up | Action::ScrollUp => menu.move_row(false),
            Action::Top => menu.to_row(0),
            Action::Bottom => menu.to_row(usize::MAX),
            Action::Left | Action::Right => {
                menu.step(&mut self.filter, action == Action::Right);
                self.relist(s);
            }
            Action::Open => self.menu = None,
            Action::Back => {
                self.filter = menu.before().clone();
                self.relist(s);
                self.menu = None;
            }
            _ => {}
        }
    }

    fn update_search(&mut self, s: &mut Session, action: Action) {
        match action {
            Action::SearchType(c) => self.search.query.push(c),
            Action::SearchErase => {
                self.search.query.pop();
            }
            Action::SearchAccept => {
                self.search.editing = false;
                self.run_search(s);
            }
            Action::SearchCancel => {
                self.search.editing = false;
                self.search.clear();
            }
            _ => {}
        }
    }

    fn run_search(&mut self, s: &mut Session) {
        let Some(r) = &self.reader else { return };
        let top = r.top();
        self.search.matches = search::find(&r.body, &self.search.query);
        self.search.current = None;
        if self.search.matches.is_empty() && self.search.across {
            self.search_on(s, true, false);
            return;
        }
        if self.search.matches.is_empty() {
            let q = self.search.query.clone();
            s.say(format!("not found: {q}"), true);
            return;
        }
        // The first match at or after the top of the reader.
        let first = self
            .search
            .matches
            .iter()
            .position(|m| self.match_line(m) >= top)
            .unwrap_or(0);
        self.search.current = Some(first);
        self.show_current_match(s);
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

    fn step_match(&mut self, s: &mut Session, forward: bool) {
        if let Some(sweep) = &self.sweep {
            let (done, total) = sweep.progress();
            s.say(format!("still searching: {done}/{total}"), false);
            return;
        }
        let n = self.search.matches.len();
        if n == 0 {
            if self.search.query.is_empty() {
                s.say("no search: press / to search", false);
            } else {
                let q = self.search.query.clone();
                s.say(format!("not found: {q}"), true);
            }
            return;
        }
        let at_end = if forward { Some(n - 1) } else { Some(0) };
        if self.search.across && self.search.current == at_end {
            self.search_on(s, forward, true);
            return;
        }
        self.step_within(s, forward);
    }

    /// The next (or previous) match of the open article, round its end.
    fn step_within(&mut self, s: &mut Session, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        if forward && next == 0 && self.search.current.is_some() {
            s.say("search wrapped to the top", false);
        } else if !forward && next == n - 1 && self.search.current.is_some() {
            s.say("search wrapped to the bottom", false);
        }
        self.search.current = Some(next);
        self.show_current_match(s);
    }

    /// Starts searching the list's other articles, from the selection on (from none, the
    /// whole list), for the next (or previous) one with a match: [`BrowseView::sweep_step`]
    /// goes through them a slice per turn of the event loop. `wrap`: if none has one, go
    /// round the open article's matches rather than say "not found".
    fn search_on(&mut self, s: &mut Session, forward: bool, wrap: bool) {
        let n = self.shown.len();
        // The list's order, from the selection on, kept backwards: the next is popped.
        let places: Vec<usize> = match self.position {
            Some(p) if forward => (1..n).rev().map(|k| (p + k) % n).collect(),
            Some(p) => (1..n).rev().map(|k| (p + n - k) % n).collect(),
            None if forward => (0..n).rev().collect(),
            None => (0..n).collect(),
        };
        let left: Vec<usize> = places.into_iter().map(|p| self.shown[p]).collect();
        self.sweep = Some(Sweep {
            query: self.search.query.clone(),
            forward,
            total: left.len(),
            left,
            wrap,
        });
        // The first slice at once: a match in the next few articles shows without a turn.
        self.sweep_step(s);
    }

    /// Searches the next slice of the running sweep's articles: at most [`SWEEP_SLICE`],
    /// and no longer than a few milliseconds. The first with a match opens at its first
    /// (or last) match and ends the sweep; so does the last article. True while more is
    /// left.
    pub fn sweep_step(&mut self, s: &mut Session) -> bool {
        let Some(mut sweep) = self.sweep.take() else {
            return false;
        };
        let started = Instant::now();
        for _ in 0..SWEEP_SLICE {
            if started.elapsed() >= SWEEP_TURN {
                break;
            }
            let Some(i) = sweep.left.pop() else { break };
            // An article whose file cannot be read back has nothing to find: opening
            // it on the way would only stop the search at its message.
            let found = match s.corpus.body(i) {
                Some(Ok(body)) => search::find(&body, &sweep.query),
                _ => continue,
            };
            // The filter may have changed meanwhile: an article the list no longer shows
            // is passed over.
            if let Some(last) = found.len().checked_sub(1)
                && let Some(p) = self.shown.iter().position(|&x| x == i)
            {
                let across = self.search.across;
                // Opening an article forgets its search: keep this one going.
                self.select(s, p);
                self.search.query = sweep.query.clone();
                self.search.across = across;
                self.search.matches = found;
                self.search.current = Some(if sweep.forward { 0 } else { last });
                self.show_current_match(s);
                let title = s.corpus.articles[i].meta.title.clone();
                s.say(format!("{}: {title}", sweep.query), false);
                return false;
            }
        }
        if !sweep.left.is_empty() {
            self.sweep = Some(sweep);
            return true;
        }
        if sweep.wrap {
            self.step_within(s, sweep.forward);
        } else {
            s.say(format!("not found: {}", sweep.query), true);
        }
        false
    }

    fn show_current_match(&mut self, s: &mut Session) {
        let Some(m) = self.search.current.and_then(|c| self.search.matches.get(c)) else {
            return;
        };
        let line = self.match_line(&m.clone());
        self.focus = Focus::Reader;
        self.relayout(s);
        let page = self.page(s);
        let Some(r) = &self.reader else { return };
        let top = r.top();
        if line < top || line >= top + page {
            self.scroll_to(s, line.saturating_sub(page / 3));
        }
    }
}
