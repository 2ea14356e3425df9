//! Turns what the terminal and the OS send into the interface's own inputs: key and
//! mouse events become `Action`s through the key map; SIGINT, SIGTERM, SIGHUP and
//! SIGQUIT set a flag the loop checks, so cleanup always runs the normal way; SIGTSTP
//! (and Ctrl-Z, which raw mode delivers as a key) asks the loop to suspend, and SIGCONT
//! to repaint.
//!
//! The loop waits on the terminal itself (and on a self-pipe written by the signal
//! handlers and SIGWINCH) rather than inside crossterm: after a hangup crossterm's poll
//! keeps reading end-of-file and never returns, while `poll(2)` reports the hangup.

use std::io::Read;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};

use anyhow::Result;
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::app::App;

/// What the loop should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Carry out an action.
    Action(Action),
    /// The terminal is now this size.
    Resize(u16, u16),
    /// Something changed that needs drawing.
    Redraw,
    /// The terminal is gone: leave.
    Gone,
    /// Suspend (Ctrl-Z or SIGTSTP): give the terminal back, stop, and take it again.
    Suspend,
    /// Nothing happened.
    Idle,
}

/// The termination signals, caught as a flag; every signal of interest also wakes the
/// loop through a self-pipe.
pub struct Signals {
    flag: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
    wake: UnixStream,
    sender: UnixStream,
}

impl Signals {
    /// Registers SIGINT, SIGTERM, SIGHUP and SIGQUIT (which end the loop), SIGTSTP
    /// (suspend) and SIGCONT (repaint), and SIGWINCH (which only wakes the loop, so a
    /// resize is drawn at once). SIGQUIT would otherwise dump core with the terminal
    /// raw and the position unsaved; SIGTSTP would stop us with the terminal still raw.
    pub fn register() -> std::io::Result<Signals> {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
        let flag = Arc::new(AtomicBool::new(false));
        let suspend = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        let (wake, sender) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        for (sig, raised) in [
            (SIGINT, &flag),
            (SIGTERM, &flag),
            (SIGHUP, &flag),
            (SIGQUIT, &flag),
            (SIGTSTP, &suspend),
            (SIGCONT, &continued),
        ] {
            signal_hook::flag::register(sig, Arc::clone(raised))?;
            signal_hook::low_level::pipe::register(sig, sender.try_clone()?)?;
        }
        signal_hook::low_level::pipe::register(SIGWINCH, sender.try_clone()?)?;
        Ok(Signals {
            flag,
            suspend,
            continued,
            wake,
            sender,
        })
    }

    /// True once after SIGTSTP arrived.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }

    /// True once after SIGCONT arrived: whatever ran meanwhile may have drawn over us.
    pub fn take_continued(&self) -> bool {
        self.continued.swap(false, Ordering::Relaxed)
    }

    /// A handle other threads can use to wake the loop (see [`wake`]).
    pub fn waker(&self) -> std::io::Result<UnixStream> {
        self.sender.try_clone()
    }

    fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }

    /// True once a termination signal has arrived.
    pub fn terminate(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

/// Wakes the event loop from another thread.
pub fn wake(waker: &UnixStream) {
    use std::io::Write;
    // A full pipe already means "wake up": nothing to do if the write would block.
    let _ = (&*waker).write(&[1]);
}

/// True if the terminal has hung up (checked without waiting).
pub fn hung_up(signals: &Signals) -> bool {
    matches!(wait(Duration::ZERO, signals), Ready::HungUp)
}

/// What `poll(2)` says of the terminal.
enum Ready {
    Input,
    Nothing,
    HungUp,
}

/// Waits up to `timeout` for the terminal or the self-pipe.
fn wait(timeout: Duration, signals: &Signals) -> Ready {
    let stdin = rustix::stdio::stdin();
    let mut fds = [
        PollFd::new(&stdin, PollFlags::IN),
        PollFd::new(&signals.wake, PollFlags::IN),
    ];
    let ts = Timespec {
        tv_sec: timeout.as_secs() as i64,
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match poll(&mut fds, Some(&ts)) {
        Err(rustix::io::Errno::INTR) => Ready::Nothing,
        Err(_) => Ready::HungUp,
        Ok(_) => {
            let tty = fds[0].revents();
            if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                Ready::HungUp
            } else if tty.contains(PollFlags::IN) {
                Ready::Input
            } else {
                Ready::Nothing
            }
        }
    }
}

/// Waits up to `timeout` for the next input.
pub fn next(timeout: Duration, app: &mut App, signals: &Signals) -> Result<Input> {
    // A SIGTSTP that arrived while the last input was handled.
    if signals.take_suspend() {
        return Ok(Input::Suspend);
    }
    // Events crossterm already buffered (a burst of keys, a resize it caught) first;
    // but never call into it on a hung-up terminal.
    let buffered = match wait(Duration::ZERO, signals) {
        Ready::HungUp => return Ok(Input::Gone),
        _ => event::poll(Duration::ZERO).unwrap_or(false),
    };
    if !buffered {
        let ready = match wait(timeout, signals) {
            Ready::HungUp => return Ok(Input::Gone),
            ready => ready,
        };
        signals.drain();
        if signals.terminate() {
            return Ok(Input::Idle);
        }
        if signals.take_suspend() {
            return Ok(Input::Suspend);
        }
        let mut polled = event::poll(Duration::ZERO);
        if matches!(polled, Ok(false)) && matches!(ready, Ready::Input) {
            // The terminal has input that crossterm does not see. Its reader waits for
            // an edge (epoll, edge-triggered) and drops one when a resize is reported in
            // the same wake-up as a key: the key then sits unread until the next one
            // arrives, and this loop, woken by poll(2) at every turn, would spin.
            // Setting the terminal's attributes (unchanged) wakes its readers anew.
            rearm_input();
            polled = event::poll(Duration::ZERO);
            if matches!(polled, Ok(false)) {
                // Still nothing: never spin, whatever the terminal does.
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        match polled {
            Ok(true) => {}
            Ok(false) => return Ok(Input::Idle),
            Err(_) => return Ok(Input::Gone),
        }
    }
    let ev = match event::read() {
        Ok(ev) => ev,
        Err(_) => return Ok(Input::Gone),
    };
    Ok(translate(ev, app))
}

/// Re-applies the terminal's attributes as they are: the kernel wakes everything
/// waiting to read it, which gives crossterm's edge-triggered reader a new edge.
fn rearm_input() {
    use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
    let stdin = rustix::stdio::stdin();
    if let Ok(attrs) = tcgetattr(stdin) {
        let _ = tcsetattr(stdin, OptionalActions::Now, &attrs);
    }
}

/// Maps one terminal event to an input. Every key goes through the app's key map (which
/// remembers the first keys of a sequence), typing in the search line included; the
/// mouse becomes actions that carry where it points.
pub fn translate(ev: Event, app: &mut App) -> Input {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            // Raw mode turns Ctrl-Z into a key; it suspends, as in a cooked terminal.
            if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                return Input::Suspend;
            }
            let waited = !app.pending_keys().is_empty();
            match app.key(&key) {
                Some(action) => Input::Action(action),
                // A sequence begun, or broken off: the status line shows it.
                None if waited || !app.pending_keys().is_empty() => Input::Redraw,
                None => Input::Idle,
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Input::Action(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Input::Action(Action::WheelUp(m.column, m.row)),
            MouseEventKind::Down(MouseButton::Left) => {
                Input::Action(Action::Click(m.column, m.row))
            }
            _ => Input::Idle,
        },
        Event::Resize(w, h) => Input::Resize(w, h),
        _ => Input::Idle,
    }
}
