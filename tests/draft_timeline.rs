//! A corpus with no rounds.toml in the reader: the list and the reader work as ever,
//! and `c` compares by the timeline drafted from the articles, marked as a draft.

mod common;

use common::{app_with, bundled, press, screen};
use readout::suggest::is_draft;
use readout::tui::app::Screen;

#[test]
fn without_a_timeline_the_comparison_offers_the_draft_marked_as_such() {
    let mut corpus = bundled();
    corpus.timeline = None;
    let mut app = app_with(corpus, 120, 40);
    // The list and the reader need no timeline.
    press(&mut app, "j <Enter>");
    assert_eq!(app.browse().reader().map(|r| r.article()), Some(1));
    assert!(screen(&app).contains("Articles 5"));
    press(&mut app, "c");
    assert_eq!(app.screen(), Screen::Compare);
    let timeline = app.corpus().timeline.as_ref().expect("a drafted timeline");
    assert!(is_draft(timeline));
    // The rounds of the week of talks are among the drafted events.
    let days: Vec<String> = timeline
        .events
        .iter()
        .map(|e| e.start.to_string())
        .collect();
    for day in ["2022-01-10", "2022-01-12", "2022-01-13"] {
        assert!(days.contains(&day.to_string()), "{days:?}");
    }
    let shown = screen(&app);
    assert!(shown.contains("DRAFT timeline: "), "{shown}");
    // Some passage is aligned to a drafted event, so the grid is not empty.
    let s = app.session();
    assert!((0..timeline.events.len()).any(|e| (0..s.outlets().len()).any(|o| s.count(e, o) > 0)));
    // The coverage overview works on it too.
    press(&mut app, "o");
    assert_eq!(app.screen(), Screen::Coverage);
}

#[test]
fn a_timeline_of_no_events_is_drafted_anew_and_a_real_one_is_kept() {
    let mut corpus = bundled();
    let real = corpus.timeline.clone().expect("the bundled timeline");
    corpus.timeline = Some(readout::timeline::Timeline {
        path: "rounds.toml".into(),
        events: Vec::new(),
    });
    let mut app = app_with(corpus, 120, 40);
    press(&mut app, "c");
    assert!(app.corpus().timeline.as_ref().is_some_and(is_draft));

    let mut app = app_with(bundled(), 120, 40);
    press(&mut app, "c");
    assert_eq!(app.corpus().timeline.as_ref(), Some(&real));
}
