//! Helpers shared by the integration tests: building an `App` at a size, feeding it
//! keys the way the event loop does, and drawing it into a `TestBackend`.
#![allow(dead_code)]

pub mod checks;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use readout::align::{Mode, align};
use readout::corpus::{Corpus, Source};
use readout::state::ReadingState;
use readout::tui::app::App;
use readout::tui::event::{Input, translate};
use readout::tui::theme::Theme;

/// Feeds everything the background loader sends into `app`, until it has finished.
pub fn drain(rx: &std::sync::mpsc::Receiver<readout::corpus::loader::LoadEvent>, app: &mut App) {
    use readout::corpus::loader::LoadEvent;
    loop {
        match rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("loader reports")
        {
            LoadEvent::Finished => {
                app.absorb(LoadEvent::Finished);
                return;
            }
            ev => app.absorb(ev),
        }
    }
}

/// The bundled corpus.
pub fn bundled() -> Corpus {
    Corpus::load(&Source::Bundled)
}

/// An app over `corpus` at `w`×`h`, colour on, Unicode.
pub fn app_with(corpus: Corpus, w: u16, h: u16) -> App {
    let alignment = match &corpus.timeline {
        Some(t) => align(&corpus.articles, t, Mode::Curated),
        None => readout::align::Alignment {
            articles: corpus
                .articles
                .iter()
                .map(|a| vec![Default::default(); a.passage_count()])
                .collect(),
        },
    };
    app_from(corpus, alignment, ReadingState::default(), w, h)
}

/// An app over `corpus` placed by `alignment`, with reading `state`, at `w`×`h`,
/// colour on, Unicode.
pub fn app_from(
    corpus: Corpus,
    alignment: readout::align::Alignment,
    state: ReadingState,
    w: u16,
    h: u16,
) -> App {
    App::new(
        corpus,
        alignment,
        state,
        Theme {
            color: true,
            ascii: false,
            palette: Default::default(),
        },
        Rect::new(0, 0, w, h),
        "bundled articles".to_string(),
    )
}

/// An app over the bundled corpus.
pub fn app(w: u16, h: u16) -> App {
    app_with(bundled(), w, h)
}

/// Parses a key list like termprobe's: `j k <Enter> <C-d> /geneva`.
pub fn keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    for word in spec.split_whitespace() {
        let named = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let k = match word {
            "<Enter>" => named(KeyCode::Enter),
            "<Esc>" => named(KeyCode::Esc),
            "<Tab>" => named(KeyCode::Tab),
            "<BackTab>" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            "<Up>" => named(KeyCode::Up),
            "<Down>" => named(KeyCode::Down),
            "<Left>" => named(KeyCode::Left),
            "<Right>" => named(KeyCode::Right),
            "<PgDn>" => named(KeyCode::PageDown),
            "<PgUp>" => named(KeyCode::PageUp),
            "<Home>" => named(KeyCode::Home),
            "<End>" => named(KeyCode::End),
            "<BS>" => named(KeyCode::Backspace),
            "<Space>" => named(KeyCode::Char(' ')),
            "<F1>" => named(KeyCode::F(1)),
            w if w.starts_with("<C-") && w.len() == 5 => {
                let c = w.chars().nth(3).expect("a letter");
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
            }
            w => {
                for c in w.chars() {
                    let mods = if c.is_uppercase() {
                        KeyModifiers::SHIFT
                    } else {
                        KeyModifiers::NONE
                    };
                    out.push(KeyEvent::new(KeyCode::Char(c), mods));
                }
                continue;
            }
        };
        out.push(k);
    }
    out
}

/// Feeds keys to the app as the event loop would.
pub fn press(app: &mut App, spec: &str) {
    for k in keys(spec) {
        match translate(Event::Key(k), app) {
            Input::Action(a) => app.update(a),
            Input::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
            _ => {}
        }
    }
}

/// Draws the app and returns the terminal, for snapshots and buffer checks.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t =
        Terminal::new(TestBackend::new(app.area().width, app.area().height)).expect("test backend");
    t.draw(|f| f.render_widget(app, f.area())).expect("draws");
    t
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let t = draw(app);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
