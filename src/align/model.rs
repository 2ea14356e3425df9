//! The timeline compiled for alignment: the vocabulary, the cue index, and what the
//! rules need of each event (its days, its kind, the series it belongs to).

use jiff::civil::Date;

use super::cues::CueIndex;
use super::words::Vocabulary;
use crate::timeline::EventKind;

/// What the aligner needs of an event.
#[derive(Debug, Clone)]
pub(crate) struct EventFacts {
    /// Short label, for explanations.
    pub label: String,
    pub start: Date,
    pub end: Date,
    /// The day before `start` and after `end`: dates this close do not rule it out.
    pub near_start: Date,
    pub near_end: Date,
    pub kind: EventKind,
    /// The lexicon class of words naming its kind.
    pub class: u64,
    /// The series this event is a round of.
    pub series: Option<usize>,
}

impl EventFacts {
    /// How many days it lasts.
    pub fn days(&self) -> i32 {
        days_between(self.start, self.end) + 1
    }
}

/// What is known of the timeline, compiled once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    pub vocab: Vocabulary,
    pub cues: CueIndex,
    pub events: Vec<EventFacts>,
    /// Each series with its rounds.
    pub series: Vec<(usize, Vec<usize>)>,
}

/// Days from `a` to `b`.
pub(crate) fn days_between(a: Date, b: Date) -> i32 {
    (b - a).get_days()
}

/// How many days two runs of days share.
pub(crate) fn overlap_days(a0: Date, a1: Date, b0: Date, b1: Date) -> i32 {
    let first = a0.max(b0);
    let last = a1.min(b1);
    if first > last {
        0
    } else {
        days_between(first, last) + 1
    }
}
