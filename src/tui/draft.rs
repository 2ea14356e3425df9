//! A corpus without a `rounds.toml` still compares: on the first `c` or `o`, the
//! timeline drafted from its articles (as `readout rounds --suggest` prints it) is
//! adopted and the articles aligned to it; the comparison marks it as a draft.

use super::view::Session;
use crate::align::{Mode, align};
use crate::corpus::is_timeline;
use crate::suggest::draft_timeline;

impl Session {
    /// Drafts and adopts a timeline if the corpus has none (or one without events);
    /// false if there is still none: its rounds.toml was refused (a draft would hide the
    /// problem the user must fix), or no article names a day.
    pub(in crate::tui) fn adopt_draft_timeline(&mut self) -> bool {
        // A timeline of no events is a draft saved before any was kept: draft anew.
        if self
            .corpus
            .timeline
            .as_ref()
            .is_some_and(|t| !t.events.is_empty())
        {
            return true;
        }
        if self.corpus.problems.iter().any(|p| is_timeline(&p.path)) {
            return false;
        }
        let Some(timeline) = draft_timeline(&self.corpus.articles) else {
            return false;
        };
        self.alignment = align(&self.corpus.articles, &timeline, Mode::Curated);
        self.corpus.timeline = Some(timeline);
        self.count_coverage();
        true
    }
}

/// What to say when there is no timeline to compare by, even a drafted one.
pub(in crate::tui) const NO_TIMELINE: &str =
    "no timeline: rounds.toml was refused (! says why), or no article names a day";
