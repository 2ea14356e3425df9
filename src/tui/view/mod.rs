//! The screens' state, one view per screen, each with its own `update`. They share a
//! `Session` (the corpus, its alignment, the reading state, the terminal size) and ask
//! `App` to move between screens by returning an `Outcome`.

pub mod browse;
pub mod compare;
pub mod coverage;
pub mod filter;
pub mod overlay;

use ratatui::layout::Rect;

use super::app::Status;
use super::clipboard::Clipboard;
use super::geometry::Reading;
use super::keymap::KeyMap;
use super::theme::Theme;
use crate::align::Alignment;
use crate::compare::Tally;
use crate::corpus::Corpus;
use crate::state::ReadingState;

/// What every screen reads: the articles, their alignment, the reading state, the look
/// and the terminal size. Views change it only through their `update`.
#[derive(Debug)]
pub struct Session {
    pub(in crate::tui) corpus: Corpus,
    pub(in crate::tui) alignment: Alignment,
    /// Outlets in the corpus's order.
    pub(in crate::tui) outlets: Vec<String>,
    /// Passages per event and outlet (`coverage[event][outlet]`), kept with the
    /// alignment so no frame has to count them.
    pub(in crate::tui) coverage: Vec<Vec<usize>>,
    /// Passages per event for every outlet, to which each loaded batch is added.
    pub(in crate::tui) tally: Tally,
    pub(in crate::tui) theme: Theme,
    pub(in crate::tui) area: Rect,
    pub(in crate::tui) state: ReadingState,
    /// `state` changed since the last save.
    pub(in crate::tui) dirty: bool,
    pub(in crate::tui) status: Option<Status>,
    /// Where the corpus came from, for the list title.
    pub(in crate::tui) source: String,
    /// Progress of a background load: (files reported, files in all).
    pub(in crate::tui) loading: Option<(usize, usize)>,
    /// Progress of aligning a listed directory: (articles aligned, articles in all).
    pub(in crate::tui) aligning: Option<(usize, usize)>,
    /// The keys in effect: the defaults with the user's laid over them.
    pub(in crate::tui) keymap: KeyMap,
    /// The configuration's reading options.
    pub(in crate::tui) reading: Reading,
    /// The outlets the configuration puts first in the comparison.
    pub(in crate::tui) preferred_outlets: Vec<String>,
    /// Whether copying can reach the terminal's clipboard.
    pub(in crate::tui) clipboard: Clipboard,
}

impl Session {
    /// The shared state over `corpus`.
    pub fn new(
        corpus: Corpus,
        alignment: Alignment,
        state: ReadingState,
        theme: Theme,
        area: Rect,
        source: String,
    ) -> Session {
        let outlets = corpus.outlets().into_iter().map(String::from).collect();
        let mut s = Session {
            corpus,
            alignment,
            outlets,
            coverage: Vec::new(),
            tally: Tally::default(),
            theme,
            area,
            state,
            dirty: false,
            status: None,
            source,
            loading: None,
            aligning: None,
            keymap: KeyMap::default(),
            reading: Reading::default(),
            preferred_outlets: Vec::new(),
            clipboard: Clipboard::default(),
        };
        s.count_coverage();
        s
    }

    /// Recounts passages per event and outlet from the start, after the timeline or
    /// the whole alignment changes.
    pub(in crate::tui) fn count_coverage(&mut self) {
        self.tally = Tally::of(&self.corpus, &self.alignment, self.events());
        self.outlets_changed();
    }

    /// Takes the outlets and the coverage from the tally, after articles were added.
    pub(in crate::tui) fn outlets_changed(&mut self) {
        self.outlets = self.tally.outlets();
        self.coverage = self.tally.matrix(&self.outlets);
    }

    /// Events in the timeline.
    pub fn events(&self) -> usize {
        self.corpus.timeline.as_ref().map_or(0, |t| t.events.len())
    }

    /// Passages of outlet `o` about event `e`.
    pub fn count(&self, e: usize, o: usize) -> usize {
        self.coverage
            .get(e)
            .and_then(|c| c.get(o))
            .copied()
            .unwrap_or(0)
    }

    /// Width of the widest event label.
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

    /// The articles.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }
    /// Which passage belongs to which event.
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }
    /// Outlets in the corpus's order.
    pub fn outlets(&self) -> &[String] {
        &self.outlets
    }
    /// How things look.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }
    /// The terminal size.
    pub fn area(&self) -> Rect {
        self.area
    }
    /// What persists between runs.
    pub fn state(&self) -> &ReadingState {
        &self.state
    }
    /// The status message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    /// Where the corpus came from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Progress of a background load.
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.loading
    }
    /// Progress of aligning a listed directory.
    pub fn aligning(&self) -> Option<(usize, usize)> {
        self.aligning
    }
    /// The keys in effect.
    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
    }
    /// The reading options in effect.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    pub(in crate::tui) fn say(&mut self, text: impl Into<String>, warning: bool) {
        self.status = Some(Status {
            text: text.into(),
            warning,
        });
    }
}

/// Where a view's update asks the app to go next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stay on this screen.
    Stay,
    /// Back to the screen the user came from.
    Back,
    /// The comparison at `event`, with `outlet` (an index into the outlets) first.
    Compare {
        /// The event, if known.
        event: Option<usize>,
        /// The outlet to show first, if any.
        outlet: Option<usize>,
    },
    /// Passage `passage` of article `article` in the reader.
    Read {
        /// Index into the corpus.
        article: usize,
        /// Paragraph number from 0.
        passage: usize,
    },
}
