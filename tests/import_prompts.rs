//! `readout import` at a terminal: what the page does not say is asked for, a bad
//! answer is asked again, and the article is written with the answers.

use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

/// Waits until the terminal output contains `what` `times` times.
fn wait_for(output: &Mutex<Vec<u8>>, what: &str, times: usize) {
    let start = Instant::now();
    loop {
        let seen = String::from_utf8_lossy(&output.lock().expect("lock")).into_owned();
        if seen.matches(what).count() >= times {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never asked {what:?}:\n{seen}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn missing_fields_are_asked_for_at_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/bare.html");
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = File::options()
        .read(true)
        .write(true)
        .open(name.to_str().expect("utf-8 path"))
        .expect("open slave");
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["import", "--kind", "opinion", "--into"])
        .arg(dir.path())
        .arg(&page)
        .env_remove("READOUT_ARTICLES")
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("spawn readout");
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&output);
    let mut reader = File::from(master.try_clone().expect("dup master"));
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    let mut keys = File::from(master);
    let mut answer = |prompt: &str, times: usize, text: &str| {
        wait_for(&output, prompt, times);
        keys.write_all(text.as_bytes()).expect("type");
    };
    answer("outlet? ", 1, "Field notes\r");
    answer("country of the outlet? ", 1, "Latvia\r");
    answer("author? ", 1, "A. Reader\r");
    answer("publication date (YYYY-MM-DD)? ", 1, "16 January\r");
    // A date that does not parse is asked for again.
    answer("publication date (YYYY-MM-DD)? ", 2, "2022-01-16\r");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "import never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    let text =
        std::fs::read_to_string(dir.path().join("field-notes-notes-on-the-january-talks.md"))
            .expect("the article is written");
    for line in [
        "outlet = \"Field notes\"",
        "country = \"Latvia\"",
        "author = \"A. Reader\"",
        "published = 2022-01-16",
        "kind = \"opinion\"",
    ] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
}
