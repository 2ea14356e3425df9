//! Entering and leaving the terminal's interactive mode, for good or for the length of a
//! suspension. Leaving is idempotent and also runs from the panic hook, so a panic never
//! leaves the terminal raw.

use std::io::{self, Write};

use super::backend::LeanBackend;
use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::crossterm::{cursor, event, execute, queue, terminal};

/// The terminal type the interface draws on.
pub type Tui = Terminal<LeanBackend<FrameWriter>>;

/// Standard output, written a frame at a time: what the backend writes is kept until it
/// flushes (ratatui flushes once a frame) and then goes out in one `write`, where
/// `Stdout`'s own 1 kB line buffer made four of a first frame. Dropped with a frame half
/// written (a panic while drawing, after the hook restored the terminal), it writes
/// nothing.
#[derive(Debug, Default)]
pub struct FrameWriter {
    frame: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut out = io::stdout().lock();
        let written = out.write_all(&self.frame).and_then(|()| out.flush());
        // Sent or not, it is done with: a write fails when the terminal has gone away.
        self.frame.clear();
        written
    }
}

/// Alternate scroll mode: in the alternate screen, terminals that support it turn the
/// mouse wheel into arrow keys, without taking the mouse from text selection.
const ALTERNATE_SCROLL_ON: &str = "\x1b[?1007h";
const ALTERNATE_SCROLL_OFF: &str = "\x1b[?1007l";

/// Raw mode, alternate screen, hidden cursor; and a panic hook that undoes them. The
/// escapes that take the screen wait in the frame buffer and go out with the first
/// frame, in its one write, so the terminal is handed one piece of output, not three.
pub fn enter(mouse: bool) -> Result<Tui> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
    let mut out = FrameWriter::default();
    take(&mut out, mouse)?;
    Terminal::new(LeanBackend::new(out)).context("cannot set up the terminal")
}

/// Raw mode, alternate screen, hidden cursor (again, after a suspension).
pub fn set_up(mouse: bool) -> Result<()> {
    let mut out = io::stdout();
    take(&mut out, mouse)?;
    if let Err(e) = out.flush() {
        restore(mouse);
        return Err(e).context("cannot set up the terminal");
    }
    Ok(())
}

/// Raw mode now, and the escapes for the alternate screen, the hidden cursor, alternate
/// scrolling and (if asked) the mouse queued on `out`.
fn take(out: &mut impl Write, mouse: bool) -> Result<()> {
    terminal::enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let queued = queue!(out, terminal::EnterAlternateScreen, cursor::Hide)
        .and_then(|()| out.write_all(ALTERNATE_SCROLL_ON.as_bytes()))
        .and_then(|()| {
            if mouse {
                queue!(out, event::EnableMouseCapture)
            } else {
                Ok(())
            }
        });
    if let Err(e) = queued {
        restore(mouse);
        return Err(e).context("cannot set up the terminal");
    }
    Ok(())
}

/// Gives the terminal back, for good.
pub fn leave(mut terminal: Tui, mouse: bool) {
    let _ = terminal.show_cursor();
    restore(mouse);
    // Not dropped: on a terminal that has gone away, `Terminal`'s drop fails to show the
    // cursor again and reports it with `eprintln!`, which panics on the dead terminal
    // and turns a clean exit into 101. Everything it would do is done above.
    std::mem::forget(terminal);
}

/// True if a stopped readout can be resumed: its parent (a job-control shell) is in the
/// same session but another process group, so the group is not orphaned and `fg` can
/// continue it. A session leader (`exec readout`, `ssh host readout`, a terminal
/// emulator running it directly) has nobody to resume it, and stopping would hang the
/// terminal: the kernel discards SIGTSTP for such groups for the same reason.
pub fn can_suspend() -> bool {
    let Some(parent) = process_id(ids::parent()) else {
        return false;
    };
    let (Some(theirs), Some(ours)) = (
        process_id(ids::session(parent)),
        process_id(ids::session(0)),
    ) else {
        return false;
    };
    let (Some(their_group), Some(our_group)) =
        (process_id(ids::group(parent)), process_id(ids::group(0)))
    else {
        return false;
    };
    theirs == ours && their_group != our_group
}

/// An id the kernel gave us, if it is one: a failed call returns -1, and an id outside
/// our pid namespace (a container's parent, a session begun on the host) reads as 0.
/// Either way nothing can be known, and suspending is refused rather than risked.
fn process_id(raw: libc::pid_t) -> Option<libc::pid_t> {
    (raw > 0).then_some(raw)
}

/// The process-id calls `can_suspend` asks. Not rustix's: it turns an id into a
/// non-zero type without checking, so the 0 a pid namespace returns panics (debug) or
/// is undefined behaviour (release). CI runs in such a namespace.
mod ids {
    /// The parent's pid, 0 if it is outside our namespace.
    pub fn parent() -> libc::pid_t {
        // SAFETY: getppid takes nothing, touches no memory and cannot fail.
        unsafe { libc::getppid() }
    }

    /// The session of `pid` (0: this process); -1 on error, 0 outside our namespace.
    pub fn session(pid: libc::pid_t) -> libc::pid_t {
        // SAFETY: getsid reads no memory of ours; any pid is a valid argument.
        unsafe { libc::getsid(pid) }
    }

    /// The process group of `pid` (0: this process); -1 on error, 0 outside our
    /// namespace.
    pub fn group(pid: libc::pid_t) -> libc::pid_t {
        // SAFETY: getpgid reads no memory of ours; any pid is a valid argument.
        unsafe { libc::getpgid(pid) }
    }
}

/// Suspends like less and vim: gives the terminal back, stops the process (as SIGTSTP's
/// default action would), and when continued takes the terminal again and forgets what
/// the screen showed, so the next frame is drawn whole. Call only if [`can_suspend`].
pub fn suspend(terminal: &mut Tui, mouse: bool) -> Result<()> {
    let _ = terminal.show_cursor();
    restore(mouse);
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)
        .context("cannot suspend")?;
    set_up(mouse)?;
    terminal
        .hide_cursor()
        .context("cannot set up the terminal")?;
    repaint(terminal)
}

/// Clears the screen and forgets what it showed, so the next frame is drawn whole (after
/// a suspension, or a SIGCONT after someone else drew on the terminal).
pub fn repaint(terminal: &mut Tui) -> Result<()> {
    // `Terminal::clear` would ask the terminal where its cursor is and wait for the
    // answer; a resize to the same size clears without asking.
    let size = terminal.size().context("cannot read the terminal's size")?;
    terminal
        .resize(size.into())
        .context("cannot clear the terminal")
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
