//! Key handling through `App::update`: what each key does to the state.

mod common;

use common::{app, press, screen};
use readout::tui::app::{Focus, Overlay, Screen};

#[test]
fn list_moves_and_enter_opens_the_selection() {
    let mut a = app(80, 24);
    assert_eq!(
        (a.browse().focus(), a.browse().selected()),
        (Focus::List, 0)
    );
    press(&mut a, "j j");
    assert_eq!(a.browse().selected(), 2);
    press(&mut a, "k");
    assert_eq!(a.browse().selected(), 1);
    press(&mut a, "G");
    assert_eq!(a.browse().selected(), 4);
    press(&mut a, "g <Down>");
    assert_eq!(a.browse().selected(), 1);
    press(&mut a, "<Enter>");
    assert_eq!(a.browse().focus(), Focus::Reader);
    let id = a.corpus().articles[1].meta.id.clone();
    assert_eq!(a.browse().reader().map(|r| r.article()), Some(1));
    assert!(a.state().is_read(&id), "opening marks it read");
    assert!(a.is_dirty());
}

#[test]
fn focus_moves_with_tab_h_l_and_esc() {
    let mut a = app(80, 24);
    press(&mut a, "<Tab>");
    assert_eq!(a.browse().focus(), Focus::Reader);
    press(&mut a, "<BackTab>");
    assert_eq!(a.browse().focus(), Focus::List);
    press(&mut a, "l");
    assert_eq!(a.browse().focus(), Focus::Reader);
    press(&mut a, "h");
    assert_eq!(a.browse().focus(), Focus::List);
    press(&mut a, "<Enter> <Esc>");
    assert_eq!(a.browse().focus(), Focus::List);
}

#[test]
fn reader_scrolls_by_line_page_half_and_ends() {
    let mut a = app(80, 24);
    press(&mut a, "<Enter>");
    let top = |a: &readout::tui::app::App| a.browse().reader().map(|r| r.top()).unwrap_or(0);
    let page = a.page();
    press(&mut a, "j j <Down>");
    assert_eq!(top(&a), 3);
    press(&mut a, "k");
    assert_eq!(top(&a), 2);
    press(&mut a, "<Space>");
    assert_eq!(top(&a), 2 + page - 2);
    press(&mut a, "b");
    assert_eq!(top(&a), 2);
    press(&mut a, "<C-d>");
    assert_eq!(top(&a), 2 + page / 2);
    press(&mut a, "<C-u>");
    assert_eq!(top(&a), 2);
    press(&mut a, "G");
    let lines = a
        .browse()
        .reader()
        .map(|r| r.layout().lines.len())
        .unwrap_or(0);
    assert_eq!(top(&a), lines - page);
    press(&mut a, "j");
    assert_eq!(top(&a), lines - page, "never past the end");
    press(&mut a, "<Home>");
    assert_eq!(top(&a), 0);
    press(&mut a, "<End> <PgUp>");
    assert_eq!(top(&a), lines - page - (page - 2));
}

#[test]
fn resize_keeps_the_reader_on_the_same_paragraph() {
    let mut a = app(80, 24);
    press(&mut a, "j j j <Enter>");
    press(&mut a, "<Space> <Space>");
    let before = a.current_passage();
    assert!(before.unwrap_or(0) > 2);
    for (w, h) in [(140, 40), (60, 20), (200, 50), (80, 24)] {
        a.resize(ratatui::layout::Rect::new(0, 0, w, h));
        assert_eq!(a.current_passage(), before, "at {w}x{h}");
    }
}

#[test]
fn search_finds_highlights_and_steps_through_matches() {
    let mut a = app(80, 24);
    // The Moscow Times piece mentions Galeotti several times.
    let mt = a
        .corpus()
        .position("moscow-times-week-in-deadlock")
        .expect("bundled");
    press(&mut a, &"j ".repeat(mt));
    press(&mut a, "<Enter> /galeotti");
    assert!(a.browse().search().editing());
    assert_eq!(a.browse().search().query(), "galeotti");
    press(&mut a, "<Enter>");
    assert!(!a.browse().search().editing());
    let n = a.browse().search().matches().len();
    assert!(n >= 3, "{n} matches");
    assert_eq!(a.browse().search().current(), Some(0));
    press(&mut a, "n");
    assert_eq!(a.browse().search().current(), Some(1));
    press(&mut a, "N N");
    assert_eq!(
        a.browse().search().current(),
        Some(n - 1),
        "wraps backwards"
    );
    // The current match is on screen.
    let m = a.browse().search().matches()[n - 1];
    let line = a.browse().match_line(&m);
    let top = a.browse().reader().map(|r| r.top()).unwrap_or(0);
    assert!(line >= top && line < top + a.page());
    assert!(screen(&a).contains("Galeotti"));
    // Esc while typing abandons the search.
    press(&mut a, "/xyz <Esc>");
    assert!(a.browse().search().matches().is_empty() && a.browse().search().query().is_empty());
    press(&mut a, "/nowhere-to-be-found <Enter>");
    assert!(a.status().is_some_and(|s| s.text.contains("not found")));
}

#[test]
fn help_overlay_opens_closes_and_swallows_keys() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    assert_eq!(a.overlay(), Some(Overlay::Help));
    press(&mut a, "j <Enter>");
    assert_eq!(
        a.browse().focus(),
        Focus::List,
        "keys under an overlay do not reach the list"
    );
    assert_eq!(a.browse().selected(), 0);
    press(&mut a, "<Esc>");
    assert_eq!(a.overlay(), None);
    press(&mut a, "<F1> ?");
    assert_eq!(a.overlay(), None);
}

#[test]
fn zoom_gives_the_reader_the_full_width() {
    let mut a = app(80, 24);
    press(&mut a, "<Enter>");
    let narrow = a.browse().reader().map(|r| r.layout().width);
    press(&mut a, "z");
    assert!(a.browse().zoom());
    assert!(a.panes().list.is_none());
    assert!(a.browse().reader().map(|r| r.layout().width) > narrow);
    press(&mut a, "z");
    assert!(!a.browse().zoom());
}

#[test]
fn m_toggles_read_and_q_quits() {
    let mut a = app(80, 24);
    let id = a.corpus().articles[0].meta.id.clone();
    press(&mut a, "m");
    assert!(a.state().is_read(&id));
    press(&mut a, "m");
    assert!(!a.state().is_read(&id));
    press(&mut a, "q");
    assert!(a.wants_to_quit());
}

#[test]
fn compare_opens_on_the_paragraphs_event_and_moves() {
    let mut a = app(80, 24);
    assert!(
        a.corpus().timeline.is_some(),
        "the bundled corpus has its timeline"
    );
    press(&mut a, "c");
    assert_eq!(a.screen(), Screen::Compare);
    let start = a.compare_event();
    press(&mut a, "]");
    let next = a.compare_event();
    assert!(
        next > start
            || start
                == Some(
                    a.corpus()
                        .timeline
                        .as_ref()
                        .map_or(0, |t| t.events.len() - 1)
                )
    );
    press(&mut a, "[");
    assert_eq!(a.compare_event(), start);
    press(&mut a, "<Tab>");
    assert_eq!(a.compare().column(), 1);
    let shown = a.shown_outlets();
    press(&mut a, "l");
    assert_eq!(
        a.shown_outlets()[..shown.len() - 1],
        shown[1..],
        "l shows later outlets"
    );
    assert!(
        !a.state().compare.outlets.is_empty(),
        "the outlet choice persists"
    );
    press(&mut a, "o");
    assert_eq!(a.screen(), Screen::Coverage);
    press(&mut a, "<Esc>");
    assert_eq!(a.screen(), Screen::Compare, "Esc returns to the comparison");
    press(&mut a, "<Esc>");
    assert_eq!(a.screen(), Screen::Browse);
}

#[test]
fn problems_overlay_only_when_there_are_problems() {
    let mut a = app(80, 24);
    press(&mut a, "!");
    assert_eq!(a.overlay(), None);
    assert!(a.status().is_some_and(|s| s.text.contains("no problems")));
}

#[test]
fn compare_from_a_paragraph_lands_on_its_event_row_and_outlet() {
    let mut a = app(120, 40);
    let mt = a
        .corpus()
        .position("moscow-times-week-in-deadlock")
        .expect("bundled");
    press(&mut a, &"j ".repeat(mt));
    press(&mut a, "<Enter> j j j j j j j j c");
    let event = a.compare_event().expect("an event");
    let grid = a.compare().grid().expect("grid");
    assert_eq!(
        a.compare().top(),
        grid.row_lines[event],
        "the row starts at the top"
    );
    let shown = a.shown_outlets();
    assert_eq!(a.outlets()[shown[a.compare().column()]], "The Moscow Times");
}

#[test]
fn next_unread_and_mark_all_read_in_the_list() {
    let mut a = app(80, 24);
    let id = |a: &readout::tui::app::App, i: usize| a.corpus().articles[i].meta.id.clone();
    // Read the second and third (`m` on each): from the first, `u` skips them to the fourth.
    press(&mut a, "j m j m g");
    assert!(a.state().is_read(&id(&a, 1)) && a.state().is_read(&id(&a, 2)));
    assert_eq!(a.browse().selected(), 0);
    press(&mut a, "u");
    assert_eq!(a.browse().selected(), 3);
    press(&mut a, "u");
    assert_eq!(a.browse().selected(), 4);
    // It wraps round to the top.
    press(&mut a, "u");
    assert_eq!(a.browse().selected(), 0);
    press(&mut a, "M");
    assert!((0..5).all(|i| a.state().is_read(&id(&a, i))));
    assert!(a.is_dirty());
    press(&mut a, "u");
    assert_eq!(a.browse().selected(), 0);
    assert!(screen(&a).contains("every article is read"));
}

#[test]
fn search_from_the_list_runs_over_every_article() {
    let open = |a: &readout::tui::app::App| a.browse().reader().map(|r| r.article());
    let mut a = app(80, 24);
    let mt = a
        .corpus()
        .position("moscow-times-week-in-deadlock")
        .expect("bundled");
    // The first article does not mention Galeotti: the search opens the one that does.
    assert_eq!(a.browse().selected(), 0);
    assert_ne!(mt, 0);
    press(&mut a, "/galeotti <Enter>");
    assert_eq!(open(&a), Some(mt));
    assert_eq!(
        (a.browse().selected(), a.browse().search().current()),
        (mt, Some(0))
    );
    assert!(screen(&a).contains("Galeotti"));

    // n past the last match of an article goes on into the next one that has a match.
    let mut a = app(80, 24);
    press(&mut a, "/ryabkov <Enter>");
    let first = open(&a).expect("open");
    let n = a.browse().search().matches().len();
    press(&mut a, &"n ".repeat(n));
    let second = open(&a).expect("open");
    assert_ne!(first, second);
    assert_eq!(a.browse().search().current(), Some(0));
    // N at the first match goes back to the previous article, at its last match.
    press(&mut a, "N");
    assert_eq!(open(&a), Some(first));
    assert_eq!(a.browse().search().current(), Some(n - 1));
}
