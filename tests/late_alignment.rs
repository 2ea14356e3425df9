//! The reader draws its first frame before the bundled articles are aligned, and takes
//! the alignment right after: from then on every screen is the one a reader built
//! aligned shows.

mod common;

use readout::align::{Alignment, Mode, align};
use readout::corpus::{Corpus, Unread};
use readout::state::ReadingState;
use readout::tui::app::App;

/// The bundled articles at `w`×`h`, shown before their alignment arrived (as
/// `common::app` shows them, but for the alignment).
fn unaligned(w: u16, h: u16) -> (App, Alignment) {
    let corpus = common::bundled();
    let timeline = corpus.timeline.clone().expect("the bundled timeline");
    let alignment = align(&corpus.articles, &timeline, Mode::Curated);
    let none = readout::tui::unaligned(&corpus.articles);
    let app = common::app_from(corpus, none, ReadingState::default(), w, h);
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

/// The bundled articles as the reader starts on them: every article's front matter, the
/// open article's text read for the first frame, the rest left for after it.
fn from_fronts(w: u16, h: u16, state: ReadingState) -> (App, Unread) {
    let (corpus, mut unread) = Corpus::load_bundled_fronts();
    let none = readout::tui::unaligned(&corpus.articles);
    let mut app = common::app_from(corpus, none, state, w, h);
    app.read_open_body(&mut unread);
    (app, unread)
}

/// [`unaligned`], with a reading state.
fn unaligned_with(w: u16, h: u16, state: ReadingState) -> App {
    let corpus = common::bundled();
    let none = readout::tui::unaligned(&corpus.articles);
    common::app_from(corpus, none, state, w, h)
}

#[test]
fn the_first_frame_needs_only_the_open_articles_text_and_the_rest_follows() {
    let first_id = common::bundled().articles[0].meta.id.clone();
    let mut deep = ReadingState::default();
    deep.set_position(&first_id, 6);
    for state in [ReadingState::default(), deep] {
        for (w, h) in [(80, 24), (140, 40), (50, 20), (30, 10)] {
            let (mut lazy, unread) = from_fronts(w, h, state.clone());
            let mut eager = unaligned_with(w, h, state.clone());
            assert_eq!(
                common::screen(&lazy),
                common::screen(&eager),
                "first frame at {w}x{h}"
            );
            assert!(!unread.is_empty());
            lazy.read_bodies(unread);
            assert_eq!(lazy.corpus().articles, eager.corpus().articles);
            assert_eq!(
                common::screen(&lazy),
                common::screen(&eager),
                "text read at {w}x{h}"
            );
            let (_, alignment) = unaligned(w, h);
            lazy.set_alignment(alignment.clone());
            eager.set_alignment(alignment);
            for keys in ["j <Tab>", "c ]", "/patience <Enter>"] {
                common::press(&mut lazy, keys);
                common::press(&mut eager, keys);
                assert_eq!(
                    common::screen(&lazy),
                    common::screen(&eager),
                    "after {keys:?} at {w}x{h}"
                );
            }
        }
    }
}
