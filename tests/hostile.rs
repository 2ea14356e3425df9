//! The hostile fixture: escape sequences of every family, bidi controls, zero-width
//! characters, NUL, and more. It must load, and no control character from it may reach
//! a rendered cell or plain output.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use readout::corpus::{Corpus, Source};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{061c}')
}

#[test]
fn the_fixture_really_is_hostile() {
    let raw = std::fs::read_to_string(fixture().join("hostile.md")).expect("fixture");
    for needle in [
        "\x1b[", "\x1b]0;", "\x1b]8;", "\x1b]52;", "\x1bP", "\x1b_", "\u{9b}", "\u{202e}",
        "\u{2066}", "\u{200b}", "\u{ad}", "\0",
    ] {
        assert!(raw.contains(needle), "fixture lacks {needle:?}");
    }
}

#[test]
fn it_loads_and_its_text_is_clean() {
    let corpus = Corpus::load(&Source::Dir(fixture()));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let a = &corpus.articles[0];
    assert_eq!(a.meta.title, "Hostile title");
    for text in a
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .chain([a.meta.title.as_str(), a.meta.outlet.as_str()])
    {
        assert!(!text.chars().any(is_control), "{text:?}");
    }
    // Printable text survives.
    let all: String = a.blocks.iter().map(|b| b.text.as_str()).collect();
    for kept in ["中文新闻", "Avīze", "Krišjānis", "שלום"] {
        assert!(all.contains(kept), "{kept} kept");
    }
}

#[test]
fn no_control_character_reaches_a_rendered_cell_and_borders_hold() {
    for (w, h) in [(80, 24), (140, 40), (40, 12)] {
        let mut app = common::app_with(Corpus::load(&Source::Dir(fixture())), w, h);
        common::press(&mut app, "<Enter> z");
        for keys in ["", "<Space>", "<Space>", "/hostile <Enter>", "?"] {
            common::press(&mut app, keys);
            let t = common::draw(&app);
            let buf = t.backend().buffer();
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(is_control),
                    "{:?} at {w}x{h}",
                    cell.symbol()
                );
            }
            // The frame's corners are intact.
            let (r, b) = (buf.area.width - 1, buf.area.height - 2);
            assert_eq!(buf[(0, 0)].symbol(), "┌");
            assert_eq!(buf[(r, 0)].symbol(), "┐");
            assert_eq!(buf[(0, b)].symbol(), "└");
            assert_eq!(buf[(r, b)].symbol(), "┘");
        }
    }
}

#[test]
fn plain_output_carries_no_control_bytes() {
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["read", "hostile"],
        vec!["check"],
    ] {
        let out = Command::cargo_bin("readout")
            .expect("binary")
            .args(&args)
            .env("READOUT_ARTICLES", fixture())
            .output()
            .expect("runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !text.chars().any(|c| is_control(c) && c != '\t'),
            "{args:?}: {text:?}"
        );
        assert!(!text.contains('\x1b'), "{args:?}");
    }
}
