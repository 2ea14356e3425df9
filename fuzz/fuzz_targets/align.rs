#![no_main]
//! `align::align` on any article that parses, against the bundled timeline, in both
//! modes: never panics; exactly one alignment per passage; every event is one of the
//! timeline's, listed once, in timeline order; every cue (which `readout align` prints)
//! is clean text, line breaks aside (a cue can quote a block that keeps them, and the
//! listing folds them); without markers (`Auto`) nothing is marked as set by hand.

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use readout::align::{Mode, align};
use readout::corpus::{Corpus, Source};
use readout::timeline::Timeline;

#[allow(dead_code)]
mod common;
use common::assert_clean;

fn timeline() -> &'static Timeline {
    static TIMELINE: OnceLock<Timeline> = OnceLock::new();
    TIMELINE.get_or_init(|| {
        Corpus::load(&Source::Bundled)
            .timeline
            .expect("the bundled corpus has a timeline")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = readout::corpus::parse_article("fuzz.md", data) else {
        return;
    };
    let timeline = timeline();
    for mode in [Mode::Curated, Mode::Auto] {
        let alignment = align(std::slice::from_ref(&article), timeline, mode);
        assert_eq!(alignment.articles.len(), 1, "one article in, one out");
        let passages = &alignment.articles[0];
        assert_eq!(passages.len(), article.passage_count(), "one entry per passage");
        for (p, passage) in passages.iter().enumerate() {
            let events: Vec<usize> = passage.events.iter().map(|m| m.event).collect();
            assert!(
                events.windows(2).all(|w| w[0] < w[1]),
                "¶{p}: events not once each in timeline order: {events:?}"
            );
            for m in &passage.events {
                assert!(m.event < timeline.events.len(), "¶{p}: no event {}", m.event);
                for cue in &m.cues {
                    assert_clean("cue", cue, true);
                }
            }
            if mode == Mode::Auto {
                assert!(!passage.by_hand, "¶{p}: set by hand under Auto");
            }
        }
    }
});
