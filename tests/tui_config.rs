//! The configuration in the reader: remapped keys act and show in help and hints, the
//! reading options shape the panes, the comparison starts from the configured outlets;
//! and the keys that copy a passage and say why it sits under its events.

mod common;

use common::{app, app_with, draw, press, screen};
use readout::config::Config;
use readout::corpus::{Corpus, Source};
use readout::tui::app::{App, Focus, Overlay, Screen};
use readout::tui::clipboard::Clipboard;

/// The configuration `toml` says, as `readout` loads it from a file.
fn config(toml: &str) -> Config {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, toml).expect("written");
    let loaded = Config::load(Some(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.config
}

fn configured(w: u16, h: u16, toml: &str) -> App {
    let mut a = app(w, h);
    a.configure(&config(toml));
    a
}

fn top(a: &App) -> usize {
    a.browse().reader().map_or(0, |r| r.top())
}

#[test]
fn a_remapped_key_acts_and_the_one_it_replaced_no_longer_does() {
    let mut a = configured(80, 24, "[keys.reader]\ndown = \"e\"\n");
    press(&mut a, "<Enter>");
    assert_eq!(a.browse().focus(), Focus::Reader);
    press(&mut a, "j j");
    assert_eq!(top(&a), 0, "j no longer scrolls the reader");
    press(&mut a, "e e");
    assert_eq!(top(&a), 2, "e scrolls it instead");
    // Only the reader was remapped: j still moves in the list.
    press(&mut a, "<Esc> j");
    assert_eq!(a.browse().selected(), 1);
}

#[test]
fn a_key_sequence_acts_once_complete() {
    let mut a = configured(80, 24, "[keys.reader]\ntop = [\"g g\", \"home\"]\n");
    press(&mut a, "<Enter> <Space> <Space>");
    let scrolled = top(&a);
    assert!(scrolled > 0);
    press(&mut a, "g");
    assert_eq!(
        top(&a),
        scrolled,
        "g alone waits for the rest of the sequence"
    );
    let waiting = screen(&a);
    assert!(
        waiting
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with("g …"),
        "the status line shows the keys so far:\n{waiting}"
    );
    press(&mut a, "g");
    assert_eq!(top(&a), 0, "g g goes to the top");
    // A sequence broken off: its first key is dropped, the second acts on its own.
    press(&mut a, "g j");
    assert_eq!(top(&a), 1);
}

#[test]
fn a_global_key_applies_on_every_screen() {
    let mut a = configured(80, 24, "[keys.global]\nquit = \"x\"\n");
    press(&mut a, "q c");
    assert!(!a.wants_to_quit(), "q no longer quits");
    assert_eq!(a.screen(), Screen::Compare);
    press(&mut a, "x");
    assert!(a.wants_to_quit());
}

#[test]
fn help_and_hints_show_the_users_keys() {
    let toml = "[keys.global]\nhelp = \"f2\"\nback = \"backspace\"\n\n\
                [keys.reader]\ntop = [\"g g\", \"home\"]\ncompare = \"C\"\n";
    // Tall enough for the whole help.
    let mut a = configured(100, 80, toml);
    press(&mut a, "<Enter>");
    let hints = screen(&a);
    let status = hints.lines().last().unwrap_or_default();
    assert!(status.contains("C compare"), "{status}");
    assert!(status.contains("F2 help"), "{status}");
    press(&mut a, "?");
    assert_eq!(a.overlay(), None, "? no longer opens help");
    a.update(readout::tui::action::Action::Help);
    assert_eq!(a.overlay(), Some(Overlay::Help));
    insta::assert_snapshot!("help_remapped_100x80", screen(&a));
    let text = screen(&a);
    assert!(text.contains("g g, Home"), "{text}");
    assert!(text.contains("Backspace closes"), "{text}");
}

#[test]
fn reading_options_shape_the_reader_and_the_list() {
    let defaults = app(200, 50);
    let a = configured(
        200,
        50,
        "[reading]\nmeasure = 50\nmargin_labels = false\nlist_width = 70\n",
    );
    let before = defaults.browse().text_area(defaults.session());
    let after = a.browse().text_area(a.session());
    assert_eq!(before.text.width, 76);
    assert!(before.gutter.is_some());
    assert_eq!(after.text.width, 50, "the configured measure");
    assert_eq!(after.gutter, None, "no margin labels");
    assert_eq!(a.panes().list.map(|l| l.width), Some(70));
    // The current paragraph's events go to the reader's border instead.
    let mut a = a;
    press(&mut a, "<Enter>");
    assert_eq!(a.browse().text_area(a.session()).gutter, None);
    // A list wider than the window allows leaves the reader its room.
    let narrow = configured(80, 24, "[reading]\nlist_width = 70\n");
    assert_eq!(narrow.panes().list.map(|l| l.width), Some(40));
}

#[test]
fn the_comparison_starts_from_the_configured_outlets() {
    let mut a = configured(200, 50, "[compare]\noutlets = [\"PIR Center\", \"CGTN\"]\n");
    let names: Vec<String> = a
        .shown_outlets()
        .iter()
        .map(|&o| a.outlets()[o].clone())
        .collect();
    assert_eq!(names[..2], ["PIR Center", "CGTN"]);
    // Opened on an article, its own outlet comes first, the configured ones next.
    press(&mut a, "o");
    assert_eq!(a.screen(), Screen::Coverage);
}

fn compare_fixture(w: u16, h: u16) -> App {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    app_with(Corpus::load(&Source::Dir(dir)), w, h)
}

#[test]
fn y_copies_the_passage_with_its_citation() {
    let mut a = app(120, 40);
    press(&mut a, "<Enter> j j j j");
    let p = a.current_passage().expect("a passage");
    let article = &a.corpus().articles[a.browse().reader().expect("open").article()];
    let text = article.passages().nth(p).expect("passage").text.clone();
    let citation = format!(
        "— {}, “{}”, {}, ¶{}, {}",
        article.meta.outlet,
        article.meta.title,
        article.meta.published,
        p + 1,
        article.meta.url.clone().expect("a URL")
    );
    press(&mut a, "y");
    assert_eq!(a.take_copied(), Some(format!("{text}\n{citation}")));
    assert_eq!(a.take_copied(), None, "sent once");
    assert!(screen(&a).contains("copied ¶"));
    press(&mut a, "Y");
    assert_eq!(a.take_copied(), article_url(&a));
}

fn article_url(a: &App) -> Option<String> {
    let r = a.browse().reader()?;
    a.corpus().articles[r.article()].meta.url.clone()
}

#[test]
fn y_in_the_comparison_copies_the_focused_columns_passage() {
    let mut a = compare_fixture(120, 40);
    press(&mut a, "c");
    assert_eq!(a.screen(), Screen::Compare);
    press(&mut a, "<Tab>");
    let (article, passage) = match a.compare().focused_passage(a.session()) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    press(&mut a, "y");
    let copied = a.take_copied().expect("copied");
    let cited = &a.corpus().articles[article];
    assert!(copied.ends_with(&cited.citation(Some(passage))), "{copied}");
    assert!(copied.contains(&format!("¶{}", passage + 1)));
}

#[test]
fn without_a_clipboard_nothing_is_sent_and_the_status_line_says_why() {
    let mut a = app(80, 24);
    a.set_clipboard(readout::tui::clipboard::decide("linux", None));
    press(&mut a, "<Enter> y");
    assert_eq!(a.take_copied(), None);
    let status = a.status().expect("a message");
    assert!(status.warning);
    assert!(status.text.contains("TERM=linux"), "{}", status.text);
    a.set_clipboard(Clipboard::Osc52);
    press(&mut a, "y");
    assert!(a.take_copied().is_some());
}

#[test]
fn w_shows_why_a_paragraph_sits_under_its_events() {
    let mut a = app(120, 40);
    press(&mut a, "<Enter>");
    // The first paragraph with an event.
    let r = a.browse().reader().expect("open").article();
    let p = (0..a.corpus().articles[r].passage_count())
        .find(|&p| {
            a.alignment()
                .passage(r, p)
                .is_some_and(|pa| !pa.events.is_empty() && !pa.by_hand)
        })
        .expect("an aligned paragraph");
    a.goto_passage(p);
    press(&mut a, "w");
    assert_eq!(
        a.overlay(),
        Some(Overlay::Why {
            article: r,
            passage: p
        })
    );
    let pa = a.alignment().passage(r, p).expect("aligned").clone();
    let timeline = a.corpus().timeline.as_ref().expect("timeline");
    let text = screen(&a);
    for m in &pa.events {
        let event = &timeline.events[m.event];
        assert!(text.contains(&event.label), "{text}");
        assert!(text.contains(&format!("{}%", m.confidence)), "{text}");
        let cue = m.cues.first().expect("a reason");
        let start: String = cue.chars().take(20).collect();
        assert!(text.contains(&start), "{cue} not in {text}");
    }
    assert!(text.contains("Left out of"), "{text}");
    if let Some((e, c)) = pa.runner_up {
        assert!(text.contains(&timeline.events[e].label));
        assert!(text.contains(&format!("({c}%)")));
    }
    press(&mut a, "<Esc>");
    assert_eq!(a.overlay(), None);
    assert_eq!(a.screen(), Screen::Browse);
}

#[test]
fn w_in_the_comparison_explains_the_focused_passage() {
    let mut a = compare_fixture(120, 40);
    press(&mut a, "c w");
    let Some(Overlay::Why { article, passage }) = a.overlay() else {
        panic!("no why overlay: {:?}", a.overlay());
    };
    assert_eq!(
        a.compare().focused_passage(a.session()),
        Ok((article, passage))
    );
    // The fixture's passages are placed by markers, and the overlay says so.
    let text = screen(&a);
    assert!(text.contains("100%"), "{text}");
    assert!(text.contains("curator's marker"), "{text}");
    draw(&a);
}

#[test]
fn an_open_why_stays_on_its_article_while_batches_sort_in_before_it() {
    use readout::corpus::loader::{self, LoadEvent};
    let dir = tempfile::tempdir().expect("tempdir");
    let template = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/kyiv.md"),
    )
    .expect("fixture");
    // Newest files first on disk, so later batches sort in before the earlier ones.
    let n = loader::BATCH * 3;
    for i in 0..n {
        let day = 1 + (n - i) % 28;
        let text = template
            .replace("id = \"kyiv\"", &format!("id = \"k{i}\""))
            .replace("2022-01-13", &format!("2022-01-{day:02}"));
        std::fs::write(dir.path().join(format!("{i:05}.md")), text).expect("write");
    }
    let mut a = app_with(Corpus::default(), 80, 24);
    let rx = loader::spawn(dir.path().to_path_buf(), || {});
    let mut explained: Option<String> = None;
    loop {
        let ev = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("reports");
        let done = matches!(ev, LoadEvent::Finished);
        let batch = matches!(ev, LoadEvent::Batch(_));
        a.absorb(ev);
        if batch && explained.is_none() {
            press(&mut a, "<Enter> w");
            let Some(Overlay::Why { article, .. }) = a.overlay() else {
                panic!("no why overlay: {:?}", a.overlay());
            };
            explained = Some(a.corpus().articles[article].meta.id.clone());
        }
        if let (Some(id), Some(Overlay::Why { article, .. })) = (&explained, a.overlay()) {
            assert_eq!(&a.corpus().articles[article].meta.id, id);
        } else if explained.is_some() {
            panic!("the overlay closed: {:?}", a.overlay());
        }
        if done {
            break;
        }
    }
}

#[test]
fn a_passage_too_long_for_a_terminals_clipboard_is_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/kyiv.md"),
    )
    .expect("fixture");
    text.push_str("\n\n");
    text.push_str(&"word ".repeat(20_000));
    text.push('\n');
    std::fs::write(dir.path().join("long.md"), text).expect("write");
    let mut a = app_with(Corpus::load(&Source::Dir(dir.path().to_path_buf())), 80, 24);
    press(&mut a, "<Enter>");
    let last = a.corpus().articles[0].passage_count() - 1;
    a.goto_passage(last);
    assert_eq!(a.current_passage(), Some(last));
    press(&mut a, "y");
    assert_eq!(a.take_copied(), None);
    let status = a.status().expect("a message");
    assert!(
        status.warning && status.text.contains("nothing copied"),
        "{}",
        status.text
    );
    // A short one still goes.
    a.goto_passage(0);
    press(&mut a, "y");
    assert!(a.take_copied().is_some());
}

#[test]
fn the_why_overlay_in_ascii_mode_is_ascii() {
    let ascii = readout::tui::theme::Theme {
        palette: Default::default(),
        color: true,
        ascii: true,
    };
    for keys in [
        "<Enter> w",
        "j j <Enter> w",
        "j j <Enter> <Space> <Space> w",
        "j j j <Enter> <Space> w",
        "c w",
        "c ] <Tab> w",
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(w, h);
            a.set_theme(ascii);
            press(&mut a, keys);
            assert!(
                matches!(a.overlay(), Some(Overlay::Why { .. })),
                "{keys}: {:?}",
                a.status()
            );
            let text = screen(&a);
            let bad: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
            assert!(bad.is_empty(), "after {keys:?}: {bad:?} on screen:\n{text}");
        }
    }
}

#[test]
fn a_begun_or_broken_sequence_asks_for_a_redraw_so_the_status_line_follows() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use readout::tui::event::{Input, translate};
    let mut a = configured(80, 24, "[keys.reader]\ntop = \"g g\"\n");
    press(&mut a, "<Enter>");
    let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    assert_eq!(translate(key('g'), &mut a), Input::Redraw, "g … appears");
    assert_eq!(translate(key('x'), &mut a), Input::Redraw, "g … goes");
    assert_eq!(translate(key('x'), &mut a), Input::Idle, "nothing to show");
}
