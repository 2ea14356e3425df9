//! Entering and leaving the terminal's interactive mode. Leaving is idempotent and also
//! runs from the panic hook, so a panic never leaves the terminal raw.

use std::io::{self, Stdout, Write};

use super::backend::LeanBackend;
use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::crossterm::{cursor, event, execute, terminal};

/// The terminal type the interface draws on.
pub type Tui = Terminal<LeanBackend<Stdout>>;

/// Alternate scroll mode: in the alternate screen, terminals that support it turn the
/// mouse wheel into arrow keys, without taking the mouse from text selection.
const ALTERNATE_SCROLL_ON: &str = "\x1b[?1007h";
const ALTERNATE_SCROLL_OFF: &str = "\x1b[?1007l";

/// Raw mode, alternate screen, hidden cursor; and a panic hook that undoes them.
pub fn enter(mouse: bool) -> Result<Tui> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
    terminal::enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let mut out = io::stdout();
    let entered = execute!(out, terminal::EnterAlternateScreen, cursor::Hide)
        .and_then(|()| out.write_all(ALTERNATE_SCROLL_ON.as_bytes()))
        .and_then(|()| {
            if mouse {
                execute!(out, event::EnableMouseCapture)
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    if let Err(e) = entered {
        restore(mouse);
        return Err(e).context("cannot set up the terminal");
    }
    Terminal::new(LeanBackend::new(io::stdout())).context("cannot set up the terminal")
}

/// Gives the terminal back.
pub fn leave(terminal: &mut Tui, mouse: bool) {
    let _ = terminal.show_cursor();
    restore(mouse);
}

/// Undoes everything `enter` did; safe to call more than once and when the terminal is
/// gone (errors are ignored: there is nobody to tell).
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = out.write_all(ALTERNATE_SCROLL_OFF.as_bytes());
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}
