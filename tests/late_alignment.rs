//! The reader draws its first frame before the bundled articles are aligned, and takes
//! the alignment right after: from then on every screen is the one a reader built
//! aligned shows.

mod common;

use ratatui::layout::Rect;
use readout::align::{Alignment, Mode, align};
use readout::state::ReadingState;
use readout::tui::app::App;
use readout::tui::theme::Theme;

/// The bundled articles at `w`×`h`, shown before their alignment arrived (as
/// `common::app` shows them, but for the alignment).
fn unaligned(w: u16, h: u16) -> (App, Alignment) {
    let corpus = common::bundled();
    let timeline = corpus.timeline.clone().expect("the bundled timeline");
    let alignment = align(&corpus.articles, &timeline, Mode::Curated);
    let none = Alignment {
        articles: corpus
            .articles
            .iter()
            .map(|a| vec![Default::default(); a.passage_count()])
            .collect(),
    };
    let theme = Theme {
        color: true,
        ascii: false,
        palette: Default::default(),
    };
    let app = App::new(
        corpus,
        none,
        ReadingState::default(),
        theme,
        Rect::new(0, 0, w, h),
        "bundled articles".to_string(),
    );
    (app, alignment)
}

#[test]
fn an_alignment_taken_after_the_first_frame_shows_as_if_it_was_there_from_the_start() {
    for (w, h) in [(80, 24), (140, 40)] {
        for keys in [
            "",
            "j <Tab>",
            "c",
            "c ] <Tab>",
            "o",
            "o l",
            "j <Tab> w",
            "c w",
        ] {
            let (mut late, alignment) = unaligned(w, h);
            let first = common::screen(&late);
            late.set_alignment(alignment);
            let mut aligned = common::app(w, h);
            assert_eq!(
                common::screen(&late),
                common::screen(&aligned),
                "as first drawn at {w}x{h}"
            );
            common::press(&mut late, keys);
            common::press(&mut aligned, keys);
            assert_eq!(
                common::screen(&late),
                common::screen(&aligned),
                "after {keys:?} at {w}x{h}"
            );
            // The first frame shows the same list and article, only not their events.
            assert!(first.contains("Articles 5"), "{first}");
        }
    }
}

#[test]
fn the_comparison_and_coverage_open_before_the_alignment_follow_it() {
    let (mut late, alignment) = unaligned(80, 24);
    let mut aligned = common::app(80, 24);
    for keys in ["c", "o"] {
        common::press(&mut late, keys);
        common::press(&mut aligned, keys);
    }
    late.set_alignment(alignment);
    assert_eq!(common::screen(&late), common::screen(&aligned));
}
