//! A search from the list that goes through many articles runs a slice at a time
//! between keys: keys are answered while it runs, Esc stops it, the status line shows
//! how far it got, and what it finds is what a search all at once would find.

mod common;

use std::path::PathBuf;

use readout::corpus::Corpus;
use readout::tui::app::App;
use readout::tui::view::browse::SWEEP_SLICE;

/// `n` copies of a fixture article, ids `k000`… in list order; article `marked` says
/// "Zanzibar" in its body.
fn corpus(n: usize, marked: usize) -> Corpus {
    with_timeline(n, marked, false)
}

/// [`corpus`], and with the fixtures' timeline if `timeline`.
fn with_timeline(n: usize, marked: usize, timeline: bool) -> Corpus {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let text = std::fs::read_to_string(fixtures.join("kyiv.md")).expect("fixture");
    let rounds = std::fs::read(fixtures.join("rounds.toml")).expect("fixture");
    let rounds = timeline.then(|| ("dir/rounds.toml".to_string(), Ok(rounds)));
    Corpus::from_files(rounds.into_iter().chain((0..n).map(|i| {
        let mut body = text.replacen("id = \"kyiv\"", &format!("id = \"k{i:03}\""), 1);
        if i == marked {
            body.push_str("\nA delegate flew on to Zanzibar.\n");
        }
        (format!("dir/{i:03}.md"), Ok(body.into_bytes()))
    })))
}

fn selected_id(app: &App) -> String {
    app.corpus().articles[app.browse().selected()]
        .meta
        .id
        .clone()
}

#[test]
fn keys_are_answered_while_a_long_search_runs_and_esc_stops_it() {
    let n = SWEEP_SLICE * 3;
    let mut app = common::app_with(corpus(n, usize::MAX), 80, 24);
    common::press(&mut app, "/zzzqqq <Enter>");
    // One slice searched with the key, the rest left for the turns that follow.
    let (done, total) = app.browse().sweep().expect("still searching").progress();
    assert_eq!(total, n - 1, "every article but the open one");
    assert!(done <= SWEEP_SLICE && done < total, "{done}/{total}");
    assert!(app.busy());
    let screen = common::screen(&app);
    assert!(screen.contains("searching"), "{screen}");
    // A key is handled between slices: the reader scrolls, the search goes on.
    common::press(&mut app, "<Tab> j");
    assert_eq!(selected_id(&app), "k000");
    assert!(app.busy());
    app.work();
    let (later, _) = app.browse().sweep().expect("still searching").progress();
    assert!(later > done, "{later} > {done}");
    // n while it runs says so rather than "not found".
    common::press(&mut app, "n");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.starts_with("still searching"), "{status}");
    common::press(&mut app, "<Esc>");
    assert!(!app.busy() && app.browse().sweep().is_none());
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.starts_with("search stopped"), "{status}");
    assert_eq!(
        selected_id(&app),
        "k000",
        "Esc stopped the search, nothing else"
    );
}

#[test]
fn moving_in_the_list_stops_a_running_search_where_the_user_went() {
    let n = SWEEP_SLICE * 3;
    let marked = SWEEP_SLICE * 2 + 10;
    let mut app = common::app_with(corpus(n, marked), 80, 24);
    common::press(&mut app, "/Zanzibar <Enter>");
    assert!(app.busy(), "the match is further than one slice");
    // The user goes on down the list: the match must not take the reader away.
    common::press(&mut app, "j");
    assert!(!app.busy() && app.browse().sweep().is_none());
    while app.busy() {
        app.work();
    }
    assert_eq!(selected_id(&app), "k001");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.starts_with("search stopped"), "{status}");
}

#[test]
fn a_search_run_in_slices_finds_what_it_would_all_at_once() {
    let n = SWEEP_SLICE * 3;
    let marked = SWEEP_SLICE * 2 + 10;
    let mut app = common::app_with(corpus(n, marked), 80, 24);
    common::press(&mut app, "/Zanzibar <Enter>");
    let mut turns = 0;
    while app.busy() {
        app.work();
        turns += 1;
        assert!(turns <= n, "the search ends");
    }
    assert!(turns >= 1, "more than one slice");
    assert_eq!(selected_id(&app), format!("k{marked:03}"));
    assert_eq!(app.browse().search().matches().len(), 1);
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.starts_with("Zanzibar: "), "{status}");

    // A miss goes through to the end and says so.
    common::press(&mut app, "/zzzqqq <Enter>");
    while app.busy() {
        app.work();
    }
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(status, "not found: zzzqqq");
}

#[test]
fn a_search_waits_while_another_screen_is_shown() {
    let mut app = common::app_with(with_timeline(SWEEP_SLICE * 3, usize::MAX, true), 80, 24);
    common::press(&mut app, "/zzzqqq <Enter>");
    assert!(app.busy());
    common::press(&mut app, "?");
    assert!(app.busy(), "an overlay does not stop it");
    common::press(&mut app, "<Esc>");
    let (before, _) = app.browse().sweep().expect("running").progress();
    common::press(&mut app, "o");
    assert!(!app.busy(), "paused behind the overview");
    app.work();
    let (after, _) = app.browse().sweep().expect("still there").progress();
    assert_eq!(before, after);
    common::press(&mut app, "<Esc>");
    assert!(app.busy(), "goes on back on the list");
}
