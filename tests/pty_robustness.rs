//! The real binary in a pseudo-terminal under what an unlucky user or an attacker does:
//! resizes that race with keys, absurd window sizes, a hangup, SIGQUIT, suspension with
//! Ctrl-Z or SIGTSTP, a dumb terminal, a 0x0 window. Never a panic, never a terminal
//! left raw, never a lost position.

#[allow(dead_code)]
#[path = "common/pty.rs"]
mod pty;

use std::time::Duration;

use pty::{Launch, Session, start};
use rustix::process::Signal;

fn saved(state: &tempfile::TempDir) -> String {
    std::fs::read_to_string(state.path().join("state.json")).unwrap_or_default()
}

/// Opens the third article (Latvijas Avīze) and returns the running session.
fn reading(state: &tempfile::TempDir, launch: Launch<'_>) -> Session {
    let s = start(state.path(), launch);
    s.wait_for("Articles 5");
    s.send(b"jj\r");
    s.wait_for("Esc list");
    s
}

fn quit_cleanly(mut s: Session, state: &tempfile::TempDir) {
    s.send(b"q");
    let status = s.wait_exit(Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{}", s.written());
    s.assert_restored();
    assert!(saved(state).contains("latvijas-avize"), "{}", saved(state));
}

#[test]
fn resizes_racing_with_keys_never_panic_and_the_position_is_saved() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = reading(&state, Launch::default());
    // A key, and the size changes while the reader handles it: the frame it then draws
    // has the new size before crossterm reports the resize. The pauses vary so that
    // some resizes land in that window (the outcome never depends on them).
    for i in 0..150u64 {
        let pause = Duration::from_micros(200 * (i % 7));
        s.send(b"j");
        std::thread::sleep(pause);
        s.resize((127, 6));
        s.send(b"z");
        std::thread::sleep(pause);
        s.resize((80, 24));
    }
    s.send(b"z");
    s.wait_for("Esc list");
    quit_cleanly(s, &state);
}

#[test]
fn a_key_that_comes_with_a_resize_is_never_lost() {
    // crossterm's reader is edge-triggered and reports a resize and a key that arrive in
    // the same wake-up as the resize alone: the key then waited for the next input (and
    // the loop spun meanwhile). Each key here is the last input until it is answered.
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = reading(&state, Launch::default());
    for i in 0..100 {
        let size = if i % 2 == 0 { (100, 30) } else { (80, 24) };
        s.resize(size);
        s.send(b"?");
        s.wait_for("Keys");
        s.resize((size.0 + 1, size.1));
        s.send(b"?");
        s.wait_until("closed the help", |s| !s.screen().contains("Keys"));
    }
    quit_cleanly(s, &state);
}

#[test]
fn an_absurd_window_size_is_capped_not_allocated() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = start(
        state.path(),
        Launch {
            size: (65535, 65535),
            ..Launch::default()
        },
    );
    s.wait_for("Articles 5");
    s.send(b"jj\r");
    s.wait_for("Esc list");
    s.resize((80, 24));
    s.send(b"j");
    s.resize((65535, 65535));
    s.send(b"j");
    s.resize((4000, 4000));
    s.send(b"j");
    s.resize((80, 24));
    s.wait_for("Esc list");
    quit_cleanly(s, &state);
}

#[test]
fn a_hangup_saves_and_exits_0_quietly() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = reading(&state, Launch::default());
    s.hang_up();
    let status = s.wait_exit(Duration::from_secs(5));
    assert_eq!(status.code(), Some(0), "exit status {status:?}");
    assert!(
        saved(&state).contains("latvijas-avize"),
        "{}",
        saved(&state)
    );
}

#[test]
fn sigquit_is_like_sigterm() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = reading(&state, Launch::default());
    s.signal(Signal::QUIT);
    let status = s.wait_exit(Duration::from_secs(5));
    assert_eq!(status.code(), Some(0), "exit status {status:?}");
    s.assert_restored();
    assert!(
        saved(&state).contains("latvijas-avize"),
        "{}",
        saved(&state)
    );
}

/// Suspends with `how` under a job-control shell, checks the terminal is given back
/// while stopped, resumes with `fg`, and checks the reader took the terminal again and
/// drew itself anew.
fn suspends_and_resumes(how: impl Fn(&Session)) {
    let state = tempfile::tempdir().expect("tempdir");
    let s = reading(
        &state,
        Launch {
            shell: true,
            ..Launch::default()
        },
    );
    how(&s);
    s.wait_until("stopped", |s| s.state() == 'T');
    s.assert_restored();
    // Saved before stopping: a suspended reader is often never resumed.
    assert!(
        saved(&state).contains("latvijas-avize"),
        "{}",
        saved(&state)
    );
    let before = s.output.lock().expect("lock").len();
    // A line for the shell's `read`, then `fg`.
    s.send(b"\n");
    s.wait_until("resumed in raw mode", |s| s.state() != 'T' && s.raw());
    s.wait_until("redrawn in the alternate screen", |s| {
        let p = s.parsed();
        p.screen().alternate_screen()
            && p.screen().contents().contains("Esc list")
            && s.output.lock().expect("lock").len() > before
    });
    // And it still answers keys.
    s.send(b"?");
    s.wait_for("Keys");
    s.send(b"\x1b");
    s.wait_until("closed the help", |s| !s.screen().contains("Keys"));
    quit_cleanly(s, &state);
}

#[test]
fn sigtstp_suspends_like_less_and_vim() {
    suspends_and_resumes(|s| s.signal(Signal::TSTP));
}

#[test]
fn ctrl_z_suspends_too() {
    suspends_and_resumes(|s| s.send(b"\x1a"));
}

#[test]
fn with_no_shell_to_resume_it_ctrl_z_says_so_instead_of_hanging() {
    // The reader leads its own session, as under `exec readout` or `ssh host readout`.
    let state = tempfile::tempdir().expect("tempdir");
    let s = reading(&state, Launch::default());
    s.send(b"\x1a");
    s.wait_for("cannot suspend");
    assert_ne!(s.state(), 'T');
    s.signal(Signal::TSTP);
    std::thread::sleep(Duration::from_millis(200));
    assert_ne!(s.state(), 'T');
    assert!(s.raw());
    quit_cleanly(s, &state);
}

#[test]
fn a_dumb_or_unknown_terminal_gets_a_clear_refusal_and_no_escapes() {
    for term in [Some("dumb"), Some(""), None] {
        let state = tempfile::tempdir().expect("tempdir");
        let mut s = start(
            state.path(),
            Launch {
                term,
                ..Launch::default()
            },
        );
        let status = s.wait_exit(Duration::from_secs(5));
        assert_eq!(status.code(), Some(1), "{term:?}");
        std::thread::sleep(Duration::from_millis(100));
        let out = s.written();
        assert!(
            out.contains("the reader needs a terminal that can move"),
            "{out:?}"
        );
        assert!(out.contains("readout list"), "{out:?}");
        assert!(
            !out.contains('\x1b'),
            "{term:?}: an escape was written: {out:?}"
        );
        assert!(!s.raw(), "{term:?} left the terminal raw");
    }
}

#[test]
fn a_0x0_window_draws_nothing_but_keys_still_act() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut s = start(
        state.path(),
        Launch {
            size: (0, 0),
            ..Launch::default()
        },
    );
    s.wait_until("in raw mode", |s| s.raw());
    // Open the third article blind; the saved state shows the keys acted at 0x0.
    s.send(b"jj\r");
    s.wait_until("saved the position", |_| {
        saved(&state).contains("latvijas-avize")
    });
    s.resize((80, 24));
    s.wait_for("Esc list");
    // The keys moved to the third article and opened it: its name heads the reader.
    let screen = s.screen();
    let top = screen.lines().next().unwrap_or("");
    assert!(top.contains("┌ Latvijas Avīze"), "{screen}");
    quit_cleanly(s, &state);
}
