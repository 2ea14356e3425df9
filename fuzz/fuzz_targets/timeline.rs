#![no_main]
//! `parse_timeline` on arbitrary bytes: never panics; an accepted timeline carries no
//! control, bidi or zero-width character in any text field; a rejected one reports at
//! least one problem, each at a 1-based line and column, in a message free of them too.

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod common;
use common::{assert_clean, assert_error};

fuzz_target!(|data: &[u8]| {
    match readout::timeline::parse_timeline("rounds.toml", data) {
        Ok(timeline) => {
            for event in &timeline.events {
                assert_clean("event id", &event.id, false);
                assert_clean("event title", &event.title, false);
                assert_clean("event label", &event.label, false);
                assert_clean("event place", &event.place, false);
                for p in &event.participants {
                    assert_clean("participant", p, false);
                }
                for (list, cue) in event.cues.all() {
                    assert_clean(list, cue, false);
                }
                assert!(
                    event.start <= event.end,
                    "event {:?} ends before it starts",
                    event.id
                );
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "Err with no problem in it");
            for e in &problems {
                assert_error(e);
            }
        }
    }
});
