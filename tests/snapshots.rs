//! Whole screens at fixed sizes, drawn into ratatui's `TestBackend` and compared with
//! insta snapshots: the browse screen, help, search, a tiny window, and the comparison
//! screens (on a fixture corpus placed by markers, so tuning the aligner does not move
//! them). Each snapshot is the buffer's debug form, text and styles, so search
//! highlights, focus and the monochrome promise are checked as well as the words.

mod common;

use std::path::PathBuf;

use common::{app, app_with, draw, press};
use readout::corpus::{Corpus, Source};

fn compare_fixture(w: u16, h: u16) -> readout::tui::app::App {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    app_with(Corpus::load(&Source::Dir(dir)), w, h)
}

macro_rules! snap {
    ($name:expr, $app:expr) => {
        insta::assert_debug_snapshot!($name, draw(&$app).backend().buffer())
    };
}

#[test]
fn browse_list_and_reader() {
    for (w, h) in [(80, 24), (140, 40)] {
        let mut a = app(w, h);
        press(&mut a, "j j <Enter>");
        snap!(format!("browse_{w}x{h}"), a);
    }
}

#[test]
fn reader_zoomed_and_scrolled() {
    let mut a = app(80, 24);
    press(&mut a, "j j j <Enter> z <Space> <Space>");
    snap!("reader_zoomed_80x24", a);
}

#[test]
fn help_overlay() {
    for (w, h) in [(80, 24), (140, 40)] {
        let mut a = app(w, h);
        press(&mut a, "<Enter> ?");
        snap!(format!("help_{w}x{h}"), a);
    }
}

#[test]
fn search_typing_and_results() {
    for (w, h) in [(80, 24), (140, 40)] {
        let mut a = app(w, h);
        press(&mut a, "j j j <Enter> /patience");
        snap!(format!("search_typing_{w}x{h}"), a);
        press(&mut a, "<Enter>");
        snap!(format!("search_found_{w}x{h}"), a);
    }
}

#[test]
fn tiny_windows_say_so_and_never_panic() {
    for (w, h) in [(1, 1), (10, 3), (23, 10), (30, 5)] {
        let a = app(w, h);
        snap!(format!("tiny_{w}x{h}"), a);
    }
}

#[test]
fn narrow_window_shows_one_pane() {
    let mut a = app(50, 20);
    snap!("narrow_list_50x20", a);
    press(&mut a, "<Enter>");
    snap!("narrow_reader_50x20", a);
}

#[test]
fn ascii_and_monochrome() {
    let mut a = app(80, 24);
    a.set_theme(readout::tui::theme::Theme {
        color: false,
        ascii: true,
        palette: Default::default(),
    });
    press(&mut a, "<Enter>");
    snap!("ascii_80x24", a);
}

#[test]
fn monochrome_search_and_focus_show_without_colour() {
    // NO_COLOR: the matches, the current match and the focused pane must still differ
    // from plain text by a modifier, and no cell may carry a colour.
    let mut a = app(80, 24);
    a.set_theme(readout::tui::theme::Theme {
        color: false,
        ascii: false,
        palette: Default::default(),
    });
    press(&mut a, "j j j <Enter> /the <Enter> n");
    let t = draw(&a);
    let buf = t.backend().buffer();
    use ratatui::style::{Color, Modifier};
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "no colour under NO_COLOR"
    );
    let current = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .count();
    let other = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED) && c.symbol() != " ")
        .count();
    assert!(current >= 3, "the current match is reversed and bold");
    assert!(other >= 3, "other matches are underlined");
    snap!("monochrome_search_80x24", a);
}

#[test]
fn comparison_at_three_widths() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut a = compare_fixture(w, h);
        press(&mut a, "c");
        snap!(format!("compare_{w}x{h}"), a);
    }
}

#[test]
fn comparison_tall_cell_and_uncovered_event() {
    let mut a = compare_fixture(80, 24);
    // Shift the two columns to Kyiv and Riga: Riga's cell for Brussels is the tall one.
    press(&mut a, "c l ]");
    snap!("compare_tall_cell_80x24", a);
    press(&mut a, "j j j j j j j j j j");
    snap!("compare_tall_cell_scrolled_80x24", a);
    press(&mut a, "]");
    snap!("compare_uncovered_80x24", a);
}

#[test]
fn coverage_overview() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = compare_fixture(w, h);
        press(&mut a, "o j l");
        snap!(format!("coverage_{w}x{h}"), a);
    }
}

#[test]
fn small_windows_read_well() {
    for (w, h) in [(60, 20), (30, 10)] {
        let mut a = app(w, h);
        press(&mut a, "c");
        snap!(format!("compare_{w}x{h}"), a);
        press(&mut a, "o");
        snap!(format!("coverage_{w}x{h}"), a);
        press(&mut a, "?");
        snap!(format!("help_over_coverage_{w}x{h}"), a);
    }
}

#[test]
fn filter_menu_and_filtered_list() {
    for (w, h) in [(80, 24), (140, 40), (50, 20)] {
        let mut a = app(w, h);
        // Kind: analysis, the menu still open over the reader (or the list's foot).
        press(&mut a, "f j j l l");
        snap!(format!("filter_menu_{w}x{h}"), a);
    }
    let mut a = app(80, 24);
    press(&mut a, "s f l j l l l <Enter>");
    snap!("filter_empty_80x24", a);
}
