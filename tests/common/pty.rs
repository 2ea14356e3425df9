//! The real binary in a pseudo-terminal, for tests of what only a real terminal shows:
//! signals, hangups, resizes that race with keys, odd sizes and odd `TERM`s.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{LocalModes, Winsize, tcgetattr, tcsetwinsize};

/// How to start the reader.
pub struct Launch<'a> {
    /// Terminal size, columns by rows.
    pub size: (u16, u16),
    /// `TERM`; `None` leaves it unset.
    pub term: Option<&'a str>,
    /// Command-line arguments.
    pub args: Vec<&'a std::ffi::OsStr>,
    /// Run under a job-control shell (bash with `set -m`), as from an interactive shell:
    /// a stopped reader can then be resumed, by a line typed at the terminal (`fg`).
    pub shell: bool,
}

/// The job-control shell: runs the reader as a job in its own process group and, each
/// time it stops, waits for a line on the terminal and continues it with `fg`.
const JOB_CONTROL: &str = r#"set -m; "$0" "$@"; s=$?; while [ $s -ge 128 ] && [ $s -lt 160 ]; do read -r line; fg >/dev/null; s=$?; done; exit $s"#;

impl Default for Launch<'_> {
    fn default() -> Self {
        Launch {
            size: (80, 24),
            term: Some("xterm-256color"),
            args: Vec::new(),
            shell: false,
        }
    }
}

/// A running reader on the slave side of a pty, and everything it wrote.
pub struct Session {
    pub master: Option<OwnedFd>,
    /// Asks the reader thread to close its copy of the master: with ours, the last.
    pub close: Arc<AtomicBool>,
    pub slave: File,
    pub child: Child,
    pub output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    shell: bool,
}

fn winsize((cols, rows): (u16, u16)) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

/// Starts the reader with its own session and this pty as its controlling terminal, as
/// a terminal emulator or sshd would.
pub fn start(state_dir: &Path, launch: Launch<'_>) -> Session {
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let name = name.to_str().expect("utf-8 path").to_string();
    tcsetwinsize(&master, winsize(launch.size)).expect("winsize");
    let slave = File::options()
        .read(true)
        .write(true)
        .open(&name)
        .expect("open slave");
    let readout = env!("CARGO_BIN_EXE_readout");
    let mut cmd = if launch.shell {
        let mut c = Command::new("bash");
        c.args(["-c", JOB_CONTROL, readout]);
        c
    } else {
        Command::new(readout)
    };
    cmd.args(&launch.args)
        .env("READOUT_STATE_DIR", state_dir)
        .env("LANG", "C.UTF-8")
        .env_remove("READOUT_ARTICLES")
        .env_remove("COLUMNS")
        .env_remove("READOUT_CLIPBOARD")
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave.try_clone().expect("dup")));
    match launch.term {
        Some(t) => cmd.env("TERM", t),
        None => cmd.env_remove("TERM"),
    };
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            rustix::process::setsid().map_err(std::io::Error::from)?;
            rustix::process::ioctl_tiocsctty(std::io::stdin().as_fd())
                .map_err(std::io::Error::from)?;
            Ok(())
        });
    }
    let child = cmd.spawn().expect("spawn readout");
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&output);
    let close = Arc::new(AtomicBool::new(false));
    let closing = Arc::clone(&close);
    let mut reader = File::from(master.try_clone().expect("dup master"));
    std::thread::spawn(move || {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let mut buf = [0u8; 65536];
        while !closing.load(Ordering::Relaxed) {
            let mut fds = [PollFd::new(&reader, PollFlags::IN)];
            let wait = Timespec {
                tv_sec: 0,
                tv_nsec: 20_000_000,
            };
            if poll(&mut fds, Some(&wait)).unwrap_or(0) == 0 {
                continue;
            }
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.lock().expect("lock").extend_from_slice(&buf[..n]),
            }
        }
    });
    Session {
        master: Some(master),
        close,
        slave,
        child,
        output,
        size: launch.size,
        shell: launch.shell,
    }
}

impl Session {
    /// The screen as a terminal of the current size shows it, after everything so far.
    pub fn parsed(&self) -> vt100::Parser {
        let (cols, rows) = self.size;
        let mut p = vt100::Parser::new(rows.clamp(1, 500), cols.clamp(1, 1000), 0);
        p.process(&self.output.lock().expect("lock"));
        p
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parsed().screen().contents()
    }

    /// Everything written so far, as text.
    pub fn written(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().expect("lock")).into_owned()
    }

    /// Waits until `done` holds, failing with the screen after ten seconds.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never {what}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `what`.
    pub fn wait_for(&self, what: &str) {
        self.wait_until(&format!("showed {what:?}"), |s| s.screen().contains(what));
    }

    /// Types `bytes`.
    pub fn send(&self, bytes: &[u8]) {
        let mut f = File::from(
            self.master
                .as_ref()
                .expect("open")
                .try_clone()
                .expect("dup"),
        );
        f.write_all(bytes).expect("write to pty");
    }

    /// Resizes the terminal (the kernel sends SIGWINCH).
    pub fn resize(&mut self, size: (u16, u16)) {
        tcsetwinsize(self.master.as_ref().expect("open"), winsize(size)).expect("winsize");
        self.size = size;
    }

    /// The reader's process id (under a shell, the shell's child).
    pub fn pid(&self) -> u32 {
        if !self.shell {
            return self.child.id();
        }
        let shell = self.child.id();
        let children = format!("/proc/{shell}/task/{shell}/children");
        let start = Instant::now();
        loop {
            let list = std::fs::read_to_string(&children).unwrap_or_default();
            if let Some(pid) = list.split_whitespace().next().and_then(|p| p.parse().ok()) {
                return pid;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the shell never started it"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends a signal to the reader.
    pub fn signal(&self, signal: rustix::process::Signal) {
        let pid = rustix::process::Pid::from_raw(self.pid() as i32).expect("a pid");
        rustix::process::kill_process(pid, signal).expect("signal");
    }

    /// The reader's process state letter from `/proc` (`T` when stopped).
    pub fn state(&self) -> char {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        // After the parenthesised command name: " S ..."
        stat.rsplit(')')
            .next()
            .and_then(|rest| rest.trim_start().chars().next())
            .unwrap_or('?')
    }

    /// True while the terminal is in raw mode (no canonical input, no echo).
    pub fn raw(&self) -> bool {
        let attrs = tcgetattr(&self.slave).expect("tcgetattr");
        !attrs
            .local_modes
            .intersects(LocalModes::ICANON | LocalModes::ECHO)
    }

    /// Closes the terminal, as a dropped SSH connection or a closed window does.
    pub fn hang_up(&mut self) {
        self.close.store(true, Ordering::Relaxed);
        drop(self.master.take());
    }

    pub fn wait_exit(&mut self, within: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if start.elapsed() > within {
                let pid = self.child.id();
                let proc_file = |name: &str| {
                    std::fs::read_to_string(format!("/proc/{pid}/{name}")).unwrap_or_default()
                };
                let threads: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/task"))
                    .map(|d| {
                        d.flatten()
                            .map(|t| {
                                let wchan = std::fs::read_to_string(t.path().join("wchan"))
                                    .unwrap_or_default();
                                format!("{:?} in {wchan}", t.file_name())
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let stat = proc_file("stat");
                let _ = self.child.kill();
                panic!(
                    "still running after {within:?} ({stat}; threads {threads:?}):\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Alternate screen left, cursor shown, raw mode off.
    pub fn assert_restored(&self) {
        std::thread::sleep(Duration::from_millis(50));
        let p = self.parsed();
        assert!(
            !p.screen().alternate_screen(),
            "still in the alternate screen"
        );
        assert!(!p.screen().hide_cursor(), "cursor still hidden");
        let attrs = tcgetattr(&self.slave).expect("tcgetattr");
        assert!(
            attrs
                .local_modes
                .contains(LocalModes::ICANON | LocalModes::ECHO),
            "raw mode left on"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave a reader running (or stopped) behind.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close.store(true, Ordering::Relaxed);
    }
}
