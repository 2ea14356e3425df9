//! The terminal interface: a thin layer over the domain. Terminal events go through
//! the key map to an `Action`, `App::update` changes the state, and `&App` is drawn.
//! The terminal is given back as it was found on every way out: normal quit, error,
//! panic, SIGINT, SIGTERM, SIGHUP, SIGQUIT, or the terminal going away; and for the
//! length of a suspension (Ctrl-Z, SIGTSTP).

pub mod action;
pub mod app;
pub mod backend;
pub mod clipboard;
pub mod configured_keys;
mod draft;
pub mod event;
pub mod geometry;
pub mod keymap;
pub mod scroll;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::{CompletedFrame, Terminal};

use crate::align::{self, Alignment, Mode};
use crate::corpus::loader::{self, LoadEvent};
use crate::corpus::{Corpus, Source, Unread};
use crate::state::{self, Store};
use app::App;
use event::Input;
use std::sync::mpsc::Receiver;
use theme::Theme;

/// How the interface was asked to look and behave.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// ASCII borders and marks.
    pub ascii: bool,
    /// Capture the mouse.
    pub mouse: bool,
    /// Colours, from the configuration's theme.
    pub palette: theme::Palette,
    /// What was wrong with the configuration file, for the status line.
    pub notice: Option<String>,
    /// The configuration in effect: keys, reading options, comparison outlets.
    pub config: crate::config::Config,
}

/// How often the progress of work done between keys (a search through the list) is
/// drawn.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// How often unsaved reading state is written while reading.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Why a terminal cannot run the reader, judged by `$TERM`: unset, empty or `dumb`
/// means no cursor movement and no alternate screen.
pub fn unfit_terminal(term: Option<&std::ffi::OsStr>) -> Option<String> {
    match term.map(|t| t.to_string_lossy()) {
        None => Some("TERM is not set".into()),
        Some(t) if t.is_empty() => Some("TERM is empty".into()),
        Some(t) if t == "dumb" => Some("TERM is dumb".into()),
        Some(_) => None,
    }
}

/// Loads the corpus, runs the interface until the user leaves, saves the state.
pub fn run(source: &Source, options: Options) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for plain output use `readout list` or `readout read ID`"
        );
    }
    if let Some(why) = unfit_terminal(std::env::var_os("TERM").as_deref()) {
        anyhow::bail!(
            "the reader needs a terminal that can move the cursor, and {why}; set TERM \
             (for example TERM=xterm-256color), or for plain output use `readout list` or \
             `readout read ID`"
        );
    }
    // The bundled corpus is small: load it now, but of its articles' text only what
    // the first frame shows (the open article's, read below); the rest is read once
    // the frame is drawn. A directory may hold thousands of articles: show the reader
    // at once and load them in the background.
    let (corpus, mut unread) = match source {
        Source::Bundled => Corpus::load_bundled_fronts(),
        Source::Dir(_) => (Corpus::default(), Unread::default()),
    };
    // The first frame needs the articles, not their events: they are aligned once it
    // is drawn (see `event_loop`).
    let aligning = corpus.timeline.is_some();
    let alignment = unaligned(&corpus.articles);
    let store = state::default_dir().map(Store::new);
    let loaded = store.as_ref().map(Store::load).unwrap_or_default();
    let theme = Theme::from_env(options.ascii).with_palette(options.palette);
    let signals = event::Signals::register().context("cannot install signal handlers")?;
    // Everything that can fail comes before the terminal is taken, so that from here on
    // every way out goes through `terminal::leave`.
    let waker = signals.waker()?;

    let mut terminal = terminal::enter(options.mouse)?;
    let size = terminal.size().unwrap_or_default();
    let mut app = App::new(
        corpus,
        alignment,
        loaded.state,
        theme,
        Rect::new(0, 0, size.width, size.height),
        source.describe(),
    );
    app.configure(&options.config);
    app.read_open_body(&mut unread);
    app.set_clipboard(clipboard::detect());
    if let Some(notice) = loaded.notice.or(options.notice.clone()) {
        app.notify(notice, true);
    } else if store.is_none() {
        app.notify(
            "no state directory (set READOUT_STATE_DIR): reading position will not be kept",
            true,
        );
    }
    let loader = match source {
        Source::Dir(dir) => {
            app.start_loading();
            Some(loader::spawn(dir.clone(), move || event::wake(&waker)))
        }
        Source::Bundled => None,
    };
    let result = event_loop(
        &mut terminal,
        &mut app,
        &signals,
        store.as_ref(),
        Pending {
            loader,
            unread,
            aligning,
        },
        options.mouse,
    );
    // Save before restoring, so a hangup that kills us right after still finds it saved.
    if let Some(store) = &store
        && app.is_dirty()
    {
        let _ = store.save(app.state());
    }
    terminal::leave(terminal, options.mouse);
    result.map(|()| ExitCode::SUCCESS)
}

/// Draws `app` at the size of the frame itself. The app is resized first if its idea of
/// the size is out of date: crossterm does not always deliver a resize before the next
/// key (and never one that happened while we were not looking), and a layout computed
/// for another size would index the buffer outside its area.
pub fn draw<'a, B: Backend>(
    terminal: &'a mut Terminal<B>,
    app: &mut App,
) -> Result<CompletedFrame<'a>, B::Error> {
    terminal.draw(|frame| {
        let area = frame.area();
        if app.area() != area {
            app.resize(area);
        }
        frame.render_widget(&*app, area);
    })
}

/// Tells the backend which cells are links (OSC 8) in the frame about to be drawn, laid
/// out at the terminal's own size first, as [`draw`] will.
fn set_links(terminal: &mut terminal::Tui, app: &mut App) -> std::io::Result<()> {
    terminal.autoresize()?;
    let area = terminal.get_frame().area();
    if app.area() != area {
        app.resize(area);
    }
    terminal.backend_mut().set_links(ui::links::of(app));
    Ok(())
}

/// What the event loop does besides answering keys: take the loader's batches, read
/// the bodies the first frame did not need, and align a corpus shown before it was
/// aligned.
struct Pending {
    loader: Option<Receiver<LoadEvent>>,
    unread: Unread,
    aligning: bool,
}

/// An alignment of `articles` with no passage placed yet: what the reader shows until
/// they are aligned.
pub fn unaligned(articles: &[crate::corpus::Article]) -> Alignment {
    Alignment {
        articles: articles
            .iter()
            .map(|a| vec![Default::default(); a.passage_count()])
            .collect(),
    }
}

fn event_loop(
    terminal: &mut terminal::Tui,
    app: &mut App,
    signals: &event::Signals,
    store: Option<&Store>,
    pending: Pending,
    mouse: bool,
) -> Result<()> {
    let Pending {
        loader,
        mut unread,
        mut aligning,
    } = pending;
    let mut last_save = Instant::now();
    let mut save_failed = false;
    let mut redraw = true;
    let mut loading_more = false;
    let mut last_frame = Instant::now();
    let links = ui::links::supported();
    // A terminal that went away (or a signal that ends us) makes drawing fail: that is
    // the way out, not an error to report on a terminal nobody reads.
    let gone = |e: std::io::Error| -> Result<()> {
        if signals.terminate() || event::hung_up(signals) {
            Ok(())
        } else {
            Err(anyhow::Error::from(e).context("cannot draw on the terminal"))
        }
    };
    let save = |app: &mut App, save_failed: &mut bool| {
        let Some(store) = store else { return false };
        match store.save(app.state()) {
            Ok(_) => {
                app.saved();
                *save_failed = false;
                false
            }
            Err(e) if !*save_failed => {
                *save_failed = true;
                app.notify(
                    format!("cannot save reading state ({e:#}); reading goes on"),
                    true,
                );
                true
            }
            Err(_) => false,
        }
    };
    let show = |terminal: &mut terminal::Tui, app: &mut App| -> std::io::Result<()> {
        if links {
            set_links(terminal, app)?;
        }
        draw(terminal, app).map(|_| ())
    };
    loop {
        if redraw {
            if let Err(e) = show(terminal, app) {
                return gone(e);
            }
            redraw = false;
            last_frame = Instant::now();
        }
        // The first frame is on screen: read the text it did not show, then align
        // (about a millisecond for the bundled articles), before reading any key, so
        // no key acts on a corpus without its text or its events.
        if !unread.is_empty() {
            app.read_bodies(std::mem::take(&mut unread));
            redraw = true;
        }
        if std::mem::take(&mut aligning)
            && let Some(timeline) = &app.corpus().timeline
        {
            let alignment = align::align(&app.corpus().articles, timeline, Mode::Curated);
            app.set_alignment(alignment);
            redraw = true;
            continue;
        }
        // Save after the frame is on screen, so an fsync never delays a keypress.
        if app.is_dirty() && last_save.elapsed() >= SAVE_EVERY {
            last_save = Instant::now();
            if save(app, &mut save_failed)
                && let Err(e) = show(terminal, app)
            {
                return gone(e);
            }
        }
        if app.wants_to_quit() || signals.terminate() {
            return Ok(());
        }
        // Wake within the save interval while there is something to save; do not wait
        // at all while the loader has more to give.
        let wait = if loading_more || app.busy() {
            Duration::ZERO
        } else if app.is_dirty() {
            SAVE_EVERY
        } else {
            Duration::from_millis(500)
        };
        match event::next(wait, app, signals)? {
            Input::Action(action) => {
                app.update(action);
                if let Some(text) = app.take_copied() {
                    // Straight to the terminal: OSC 52 puts it on the clipboard.
                    use std::io::Write as _;
                    let mut out = std::io::stdout();
                    let _ = out.write_all(clipboard::osc52(&text).as_bytes());
                    let _ = out.flush();
                }
                redraw = true;
            }
            // The size is taken from the terminal itself when drawing (see `draw`).
            Input::Resize(..) | Input::Redraw => redraw = true,
            Input::Suspend if terminal::can_suspend() => {
                // Saved first: a suspended reader is often never resumed.
                if app.is_dirty() {
                    save(app, &mut save_failed);
                }
                terminal::suspend(terminal, mouse)?;
                // The SIGCONT that resumed us is handled: `suspend` repainted.
                signals.take_continued();
                redraw = true;
            }
            Input::Suspend => {
                app.notify(
                    "cannot suspend: no job-control shell here to resume readout",
                    true,
                );
                redraw = true;
            }
            Input::Gone => return Ok(()),
            Input::Idle => {}
        }
        if signals.take_continued() {
            // Stopped and continued by someone else: whatever ran meanwhile may have
            // drawn over the screen.
            terminal::repaint(terminal)?;
            redraw = true;
        }
        loading_more = loader.as_ref().is_some_and(|rx| absorb_one(app, rx));
        redraw |= loading_more;
        // A search through the list goes on a slice at a time, keys answered between.
        // Its progress is drawn a few times a second, and its end at once: a frame after
        // every slice made the terminal (and the machine) busier than the search.
        if app.busy() {
            app.work();
            redraw |= !app.busy() || last_frame.elapsed() >= PROGRESS_EVERY;
        }
    }
}

/// Takes at most one event from the loader, so a key typed meanwhile is handled before
/// the next batch however many are waiting. True if one was taken (more may follow).
fn absorb_one(app: &mut App, loader: &Receiver<LoadEvent>) -> bool {
    match loader.try_recv() {
        Ok(event) => {
            app.absorb(event);
            true
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => false,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            app.loader_stopped();
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::ReadingState;

    /// An empty reader at 80x24, waiting for a loader.
    fn loading_app() -> App {
        let mut app = App::new(
            Corpus::default(),
            Alignment::default(),
            ReadingState::default(),
            Theme::from_env(false),
            Rect::new(0, 0, 80, 24),
            String::new(),
        );
        app.start_loading();
        app
    }

    #[test]
    fn one_loader_event_is_absorbed_per_turn() {
        let mut app = loading_app();
        let (tx, rx) = std::sync::mpsc::channel();
        for event in [
            LoadEvent::Started(Ok(2)),
            LoadEvent::Batch(Vec::new()),
            LoadEvent::Finished,
        ] {
            tx.send(event).expect("sends");
        }
        assert!(absorb_one(&mut app, &rx));
        assert_eq!(app.loading(), Some((0, 2)), "only the first event taken");
        assert!(absorb_one(&mut app, &rx));
        assert!(absorb_one(&mut app, &rx));
        assert_eq!(app.loading(), None);
        assert!(!absorb_one(&mut app, &rx), "nothing left");
    }

    #[test]
    fn a_loader_that_stops_without_finishing_is_said_not_waited_for() {
        let mut app = loading_app();
        let (tx, rx) = std::sync::mpsc::channel();
        tx.send(LoadEvent::Started(Ok(2))).expect("sends");
        drop(tx);
        assert!(absorb_one(&mut app, &rx));
        assert_eq!(app.loading(), Some((0, 2)));
        assert!(!absorb_one(&mut app, &rx));
        assert_eq!(app.loading(), None, "not loading forever");
        let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
        assert!(
            status.starts_with("loading stopped before the end"),
            "{status}"
        );
    }
}
