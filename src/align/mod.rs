//! Alignment: which passage of which article belongs to which event of the timeline,
//! decided automatically from dates and cues, explainable, and overridden by a
//! curator's `<!-- events: … -->` markers unless asked not to be.

use std::collections::BTreeMap;

use crate::corpus::Article;
use crate::timeline::Timeline;

/// Whether curators' markers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Markers win over the aligner (the default).
    #[default]
    Curated,
    /// Markers are ignored: the aligner alone, for measuring it.
    Auto,
}

/// One event a passage was put under, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMatch {
    /// Index of the event in the timeline.
    pub event: usize,
    /// The cues that decided it, in words ("date: January 12", "place: Brussels").
    pub cues: Vec<String>,
}

/// The events of one passage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageAlignment {
    /// Events, in timeline order.
    pub events: Vec<EventMatch>,
    /// Set by a curator's marker rather than the aligner.
    pub by_hand: bool,
}

/// The alignment of a whole corpus: `articles[a].passages[p]` for article `a` (in corpus
/// order) and passage `p`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Per article, per passage.
    pub articles: Vec<Vec<PassageAlignment>>,
}

impl Alignment {
    /// The events of passage `p` of article `a`.
    pub fn passage(&self, a: usize, p: usize) -> Option<&PassageAlignment> {
        self.articles.get(a).and_then(|ps| ps.get(p))
    }

    /// The passages of article `a` under event `e`.
    pub fn passages_of(&self, a: usize, e: usize) -> Vec<usize> {
        self.articles
            .get(a)
            .map(|ps| {
                ps.iter()
                    .enumerate()
                    .filter(|(_, p)| p.events.iter().any(|m| m.event == e))
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `why` as JSON wants it: event id → cues.
    pub fn why(&self, timeline: &Timeline, a: usize, p: usize) -> BTreeMap<String, Vec<String>> {
        self.passage(a, p)
            .map(|pa| {
                pa.events
                    .iter()
                    .filter_map(|m| {
                        timeline
                            .events
                            .get(m.event)
                            .map(|e| (e.id.clone(), m.cues.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Aligns every passage of `articles` with the events of `timeline`.
pub fn align(articles: &[Article], timeline: &Timeline, mode: Mode) -> Alignment {
    Alignment {
        articles: articles
            .iter()
            .map(|article| {
                article
                    .passages()
                    .map(|block| match (&block.marker, mode) {
                        (Some(marker), Mode::Curated) => PassageAlignment {
                            events: timeline
                                .events
                                .iter()
                                .enumerate()
                                .filter(|(_, e)| marker.events.contains(&e.id))
                                .map(|(i, _)| EventMatch {
                                    event: i,
                                    cues: vec!["set by hand".to_string()],
                                })
                                .collect(),
                            by_hand: true,
                        },
                        _ => PassageAlignment::default(),
                    })
                    .collect()
            })
            .collect(),
    }
}
