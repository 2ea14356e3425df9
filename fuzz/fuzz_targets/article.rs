#![no_main]
//! `parse_article` on arbitrary bytes: never panics; an accepted article carries no
//! control, bidi or zero-width character in any text field (block text may keep `\n`);
//! a rejected one is reported at a 1-based line and column, in a message that holds none
//! of them either.

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod common;
use common::{assert_clean, assert_error};

fuzz_target!(|data: &[u8]| {
    match readout::corpus::parse_article("fuzz.md", data) {
        Ok(article) => {
            let m = &article.meta;
            for (what, text) in [
                ("id", &m.id),
                ("title", &m.title),
                ("outlet", &m.outlet),
                ("country", &m.country),
                ("author", &m.author),
                ("language", &m.language),
            ] {
                assert_clean(what, text, false);
            }
            for (what, text) in [
                ("translated_from", &m.translated_from),
                ("url", &m.url),
                ("note", &m.note),
            ] {
                if let Some(text) = text {
                    assert_clean(what, text, false);
                }
            }
            assert!(article.id_line >= 1);
            for block in &article.blocks {
                assert_clean("block text", &block.text, true);
                assert!(block.line >= 1, "block at line 0");
                if let Some(marker) = &block.marker {
                    for id in &marker.events {
                        assert_clean("marker event id", id, false);
                    }
                }
            }
        }
        Err(e) => assert_error(&e),
    }
});
