//! The list filtered and sorted on screen (issue 9): `f` opens the filter menu, `F`
//! clears the filter, `s` cycles the order; every list key works on what the list shows.
//!
//! The bundled corpus, in date order: 0 CGTN (China, opinion, 2021-12-31), 1 Kyiv
//! Independent (Ukraine, news, 2022-01-13), 2 Latvijas Avīze (Latvia, analysis,
//! 2022-01-14), 3 The Moscow Times (Russia, analysis, 2022-01-14), 4 PIR Center (Russia,
//! commentary, 2022-01-18).

mod common;

use std::path::PathBuf;

use common::{app, press, screen};
use readout::corpus::loader;
use readout::corpus::{Corpus, Kind};
use readout::listing::{ReadFilter, SortOrder};
use readout::tui::app::{App, Focus};
use readout::tui::keymap::Context;

fn id(a: &App, i: usize) -> String {
    a.corpus().articles[i].meta.id.clone()
}

fn open(a: &App) -> Option<usize> {
    a.browse().reader().map(|r| r.article())
}

/// The outlets of the list, top to bottom.
fn outlets(a: &App) -> Vec<String> {
    a.browse()
        .shown()
        .iter()
        .map(|&i| a.corpus().articles[i].meta.outlet.clone())
        .collect()
}

/// The list pane's top border.
fn title(a: &App) -> String {
    screen(a).lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_bundled_corpus_is_what_these_tests_assume() {
    let a = app(80, 24);
    let kinds: Vec<Kind> = a.corpus().articles.iter().map(|x| x.meta.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Opinion,
            Kind::News,
            Kind::Analysis,
            Kind::Analysis,
            Kind::Commentary
        ]
    );
    assert_eq!(
        outlets(&a),
        [
            "CGTN",
            "Kyiv Independent",
            "Latvijas Avīze",
            "The Moscow Times",
            "PIR Center"
        ]
    );
}

#[test]
fn s_cycles_the_order_and_keeps_the_open_article() {
    let mut a = app(140, 40);
    press(&mut a, "j j j");
    let mt = 3;
    assert_eq!(open(&a), Some(mt));
    press(&mut a, "s");
    assert_eq!(a.browse().order(), SortOrder::Outlet);
    let by_outlet = outlets(&a);
    let mut sorted = by_outlet.clone();
    sorted.sort_by_key(|o| o.to_lowercase());
    assert_eq!(by_outlet, sorted);
    assert_ne!(a.browse().shown(), [0, 1, 2, 3, 4], "the order changed");
    // The Moscow Times is last by outlet; it stays selected and open.
    assert_eq!(a.browse().position(), Some(4));
    assert_eq!((a.browse().selected(), open(&a)), (mt, Some(mt)));
    assert!(
        title(&a).contains("Articles 5 · by outlet"),
        "{}",
        title(&a)
    );
    // j moves down the list as shown, not the corpus: from the last, nowhere.
    press(&mut a, "k");
    assert_eq!(
        a.browse().selected(),
        4,
        "PIR Center is before it by outlet"
    );
    press(&mut a, "s");
    assert_eq!(a.browse().order(), SortOrder::Title);
    let titles: Vec<String> = a
        .browse()
        .shown()
        .iter()
        .map(|&i| a.corpus().articles[i].meta.title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    assert!(title(&a).contains("by title"));
    press(&mut a, "s");
    assert_eq!(a.browse().order(), SortOrder::Date);
    assert_eq!(a.browse().shown(), [0, 1, 2, 3, 4]);
    assert_eq!(open(&a), Some(4));
    assert!(title(&a).starts_with("┌ Articles 5 ─"), "{}", title(&a));
}

#[test]
fn the_filter_menu_narrows_the_list_live_and_esc_puts_it_back() {
    let mut a = app(80, 24);
    press(&mut a, "j j j");
    press(&mut a, "f");
    assert_eq!(a.context(), Context::Filter);
    assert!(screen(&a).contains("outlet"), "the menu is drawn");
    // The first outlet in the menu is CGTN: the list shows it alone at once.
    press(&mut a, "l");
    assert_eq!(a.browse().filter().outlets, ["CGTN"]);
    assert_eq!(a.browse().shown(), [0]);
    assert_eq!((a.browse().position(), open(&a)), (Some(0), Some(0)));
    assert!(title(&a).contains("Articles 1/5 · CGTN"), "{}", title(&a));
    // Keys move the menu, not the list.
    press(&mut a, "j");
    assert_eq!(a.browse().menu().map(|m| m.row()), Some(1));
    assert_eq!(a.browse().shown(), [0]);
    // Esc: the filter as it was, and the article that was open.
    press(&mut a, "<Esc>");
    assert_eq!(a.context(), Context::List);
    assert!(a.browse().filter().is_empty());
    assert_eq!(a.browse().shown().len(), 5);
    assert_eq!((a.browse().selected(), open(&a)), (3, Some(3)));
    assert!(!screen(&a).contains("Filter"));
}

#[test]
fn enter_keeps_the_filter_and_the_open_article_if_it_is_still_shown() {
    let mut a = app(80, 24);
    press(&mut a, "j j j");
    // Kind: the kinds present, in their order: news, analysis, ...
    press(&mut a, "f j j l");
    assert_eq!(a.browse().filter().kinds, [Kind::News]);
    press(&mut a, "l");
    assert_eq!(a.browse().filter().kinds, [Kind::Analysis]);
    assert_eq!(a.browse().shown(), [2, 3]);
    assert_eq!(
        open(&a),
        Some(3),
        "The Moscow Times is still shown: still open"
    );
    press(&mut a, "<Enter>");
    assert!(a.browse().menu().is_none());
    assert_eq!(a.browse().filter().kinds, [Kind::Analysis]);
    assert_eq!(a.browse().position(), Some(1));
    // Country Russia as well: PIR Center is commentary, so only The Moscow Times.
    press(&mut a, "f j l l l");
    assert_eq!(a.browse().filter().countries, ["Russia"]);
    press(&mut a, "<Enter>");
    assert_eq!(a.browse().shown(), [3]);
    assert!(title(&a).contains("Articles 1/5 · Russia"), "{}", title(&a));
    // h steps back, through "any" at the start; G is the last field, g the first.
    press(&mut a, "f j h h h");
    assert!(a.browse().filter().countries.is_empty());
    assert_eq!(a.browse().shown(), [2, 3]);
    press(&mut a, "G");
    assert_eq!(a.browse().menu().map(|m| m.row()), Some(5));
    press(&mut a, "g l");
    assert_eq!(a.browse().filter().outlets, ["CGTN"]);
    press(&mut a, "<Esc>");
    assert_eq!(a.browse().shown(), [3], "Esc undoes every change");
    assert_eq!(a.browse().filter().countries, ["Russia"]);
}

#[test]
fn dates_step_through_the_days_articles_were_published() {
    let mut a = app(140, 40);
    // From: the first day, then the second.
    press(&mut a, "f j j j l l");
    assert_eq!(a.browse().shown(), [1, 2, 3, 4]);
    // To: back from "any" is the last day, then the one before.
    press(&mut a, "j h h");
    assert_eq!(a.browse().shown(), [1, 2, 3]);
    press(&mut a, "<Enter>");
    assert!(
        title(&a).contains("Articles 3/5 · 2022-01-13…2022-01-14"),
        "{}",
        title(&a)
    );
}

#[test]
fn an_empty_list_says_so_and_f_brings_everything_back() {
    let mut a = app(80, 24);
    press(&mut a, "F");
    assert!(screen(&a).contains("not filtered"));
    // CGTN in Russia: nothing.
    press(&mut a, "f l j l l l <Enter>");
    assert!(a.browse().shown().is_empty());
    assert_eq!((a.browse().position(), open(&a)), (None, None));
    let text = screen(&a);
    assert!(text.contains("No article matches"), "{text}");
    assert!(text.contains("CGTN · Russia"), "{text}");
    // Keys on an empty list do nothing harmful.
    press(&mut a, "j k G g <Enter> m u M / x <Esc> <Tab>");
    assert_eq!(a.browse().focus(), Focus::List);
    assert!(a.state().articles.is_empty(), "nothing was marked read");
    press(&mut a, "F");
    assert_eq!(a.browse().shown().len(), 5);
    assert_eq!(open(&a), Some(0));
    assert!(!screen(&a).contains("No article matches"));
}

#[test]
fn read_state_filter_next_unread_and_mark_all_read_stay_in_the_list() {
    let mut a = app(80, 24);
    // Read the second and third.
    press(&mut a, "j m j m g");
    // Read: unread.
    press(&mut a, "f j j j j j l <Enter>");
    assert_eq!(a.browse().filter().read, Some(ReadFilter::Unread));
    assert_eq!(a.browse().shown(), [0, 3, 4]);
    assert!(title(&a).contains("3/5 · unread"), "{}", title(&a));
    // u goes to the next unread of the list: the next place, The Moscow Times.
    press(&mut a, "u");
    assert_eq!((a.browse().position(), a.browse().selected()), (Some(1), 3));
    // M marks what the list shows, not the articles the filter hides.
    press(&mut a, "F f l <Enter> M");
    assert_eq!(a.browse().shown(), [0]);
    assert!(a.state().is_read(&id(&a, 0)));
    assert!(!a.state().is_read(&id(&a, 3)) && !a.state().is_read(&id(&a, 4)));
    press(&mut a, "u");
    assert!(screen(&a).contains("every article in the list is read"));
}

#[test]
fn clicks_and_search_go_by_the_list_not_the_corpus() {
    use ratatui::crossterm::event::MouseEventKind;
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent};
    use readout::tui::event::{Input, translate};
    use readout::tui::geometry;
    let click = |a: &mut App, x: u16, y: u16| {
        let ev = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        });
        if let Input::Action(action) = translate(ev, a) {
            a.update(action);
        }
    };
    let mut a = app(80, 24);
    press(&mut a, "s");
    // By outlet the fourth row is PIR Center (article 4), not The Moscow Times (3).
    let items = geometry::list(geometry::inner(a.panes().list.expect("list"))).items;
    click(&mut a, items.x + 3, items.y + 3 * geometry::LIST_ROWS);
    assert_eq!((a.browse().position(), open(&a)), (Some(3), Some(4)));
    // While the menu is open a click changes nothing.
    press(&mut a, "f");
    click(&mut a, items.x + 3, items.y);
    assert_eq!(a.browse().position(), Some(3));
    press(&mut a, "<Esc>");

    // Only The Moscow Times mentions Galeotti: with the list narrowed to the Kyiv
    // Independent, a search from the list finds nothing and opens nothing else.
    let mut a = app(80, 24);
    press(&mut a, "f l l <Enter>");
    assert_eq!(a.browse().shown(), [1]);
    press(&mut a, "/galeotti <Enter>");
    assert_eq!(open(&a), Some(1));
    assert!(a.status().is_some_and(|s| s.text.contains("not found")));
    // With everything from the 13th on in the list, the search goes on from the Kyiv
    // Independent, past Latvijas Avīze, to The Moscow Times.
    press(&mut a, "F f j j j l l <Enter> g /galeotti <Enter>");
    assert_eq!(a.browse().shown(), [1, 2, 3, 4]);
    assert_eq!(open(&a), Some(3));
    assert_eq!(a.browse().position(), Some(2));
}

#[test]
fn articles_loaded_in_the_background_join_the_list_in_its_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let mut a = common::app_with(Corpus::default(), 80, 24);
    // By title, before anything has arrived.
    press(&mut a, "s s");
    assert_eq!(a.browse().order(), SortOrder::Title);
    let rx = loader::spawn(dir, || {});
    common::drain(&rx, &mut a);
    let n = a.corpus().articles.len();
    assert_eq!(n, 3);
    let titles: Vec<String> = a
        .browse()
        .shown()
        .iter()
        .map(|&i| a.corpus().articles[i].meta.title.to_lowercase())
        .collect();
    assert_eq!(titles.len(), n);
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    // The corpus itself stays in date order: the list is a view of it.
    assert_ne!(a.browse().shown(), [0, 1, 2]);
    assert_eq!(open(&a), a.browse().shown().first().copied());
}

#[test]
fn an_article_read_from_the_comparison_that_the_filter_hides_leaves_no_selection() {
    let mut a = app(80, 24);
    press(&mut a, "f l <Enter>");
    assert_eq!(a.browse().shown(), [0]);
    // Compare, the second column, read its passage: another outlet than CGTN.
    press(&mut a, "c <Tab> <Enter>");
    let other = open(&a).expect("an article is open");
    assert_ne!(other, 0);
    assert_eq!(a.browse().position(), None, "the list does not show it");
    assert_eq!(
        a.browse().selected(),
        other,
        "the byline follows the reader"
    );
    // Back in the list, j selects its first article again and opens it.
    press(&mut a, "<Esc> <Esc> h j");
    assert_eq!((a.browse().position(), open(&a)), (Some(0), Some(0)));
}

#[test]
fn the_configuration_remaps_filter_sort_and_the_menus_keys() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[keys.list]\nfilter = \"L\"\nsort = \"o\"\nclear_filter = \"x\"\n\n\
         [keys.global]\nback = \"backspace\"\n",
    )
    .expect("written");
    let loaded = readout::config::Config::load(Some(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut a = app(80, 24);
    a.configure(&loaded.config);
    press(&mut a, "f s");
    assert!(a.browse().menu().is_none() && a.browse().order() == SortOrder::Date);
    press(&mut a, "o");
    assert_eq!(a.browse().order(), SortOrder::Outlet);
    press(&mut a, "L l");
    assert_eq!(a.browse().filter().outlets, ["CGTN"]);
    // The global back key cancels the menu too, and the hints say so.
    assert!(screen(&a).contains("Backspace cancel"), "{}", screen(&a));
    press(&mut a, "<BS>");
    assert!(a.browse().menu().is_none() && a.browse().filter().is_empty());
    press(&mut a, "L l <Enter> x");
    assert!(a.browse().filter().is_empty());
}
