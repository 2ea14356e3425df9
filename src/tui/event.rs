//! Turns what the terminal and the OS send into the interface's own inputs: key and
//! mouse events become `Action`s through the key map; SIGINT, SIGTERM and SIGHUP set a
//! flag the loop checks, so cleanup always runs the normal way.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;

/// What the loop should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Carry out an action.
    Action(Action),
    /// The terminal is now this size.
    Resize(u16, u16),
    /// Something changed that needs drawing (search typing).
    Redraw,
    /// The terminal is gone: leave.
    Gone,
    /// Nothing happened.
    Idle,
}

/// The termination signals, caught as a flag.
pub struct Signals {
    flag: Arc<AtomicBool>,
}

impl Signals {
    /// Registers SIGINT, SIGTERM and SIGHUP.
    pub fn register() -> std::io::Result<Signals> {
        let flag = Arc::new(AtomicBool::new(false));
        for sig in [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&flag))?;
        }
        Ok(Signals { flag })
    }

    /// True once a termination signal has arrived.
    pub fn terminate(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

/// Waits up to `timeout` for the next input.
pub fn next(timeout: Duration, app: &mut App) -> Result<Input> {
    // A failed poll or read means the terminal is gone (hangup, closed pty): leave
    // instead of spinning on the error.
    match event::poll(timeout) {
        Ok(true) => {}
        Ok(false) => return Ok(Input::Idle),
        Err(_) => return Ok(Input::Gone),
    }
    let ev = match event::read() {
        Ok(ev) => ev,
        Err(_) => return Ok(Input::Gone),
    };
    Ok(translate(ev, app))
}

/// Maps one terminal event to an input, typing into the search line when it is open.
pub fn translate(ev: Event, app: &mut App) -> Input {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.search.editing {
                match key.code {
                    KeyCode::Enter => app.finish_search(true),
                    KeyCode::Esc => app.finish_search(false),
                    KeyCode::Backspace => app.backspace(),
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        app.finish_search(false)
                    }
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        app.type_char(c)
                    }
                    _ => return Input::Idle,
                }
                return Input::Redraw;
            }
            keymap::action_for(&key, app.context()).map_or(Input::Idle, Input::Action)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Input::Action(Action::ScrollDown),
            MouseEventKind::ScrollUp => Input::Action(Action::ScrollUp),
            _ => Input::Idle,
        },
        Event::Resize(w, h) => Input::Resize(w, h),
        _ => Input::Idle,
    }
}
