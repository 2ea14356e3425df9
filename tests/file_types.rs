//! Files that are not what they should be — FIFOs, devices, directories, dangling links,
//! link loops, huge files — in a corpus directory and in the state directory. Each is
//! named in a message; none blocks, none is read without end, none is followed where it
//! must not be.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use readout::state::{MAX_STATE_BYTES, ReadingState, Store};

fn mkfifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .expect("mkfifo");
}

/// Runs `f` in a thread and fails the test if it has not returned within a minute: a
/// blocking open of a FIFO never returns, so any bound proves it did not block.
fn within_a_minute<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what} hung"))
}

// ----- the state directory -----------------------------------------------------------

/// Makes something at a path.
type Maker = Box<dyn FnOnce(&Path)>;

/// Makes `state.json` in a fresh directory with `make`, loads it, and returns the notice
/// and what is left in the directory.
fn load_state_made_by(make: impl FnOnce(&Path)) -> (Option<String>, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    make(&dir.path().join("state.json"));
    let store = Store::new(dir.path());
    let loaded = within_a_minute("loading the state", move || store.load());
    assert_eq!(loaded.state, ReadingState::default());
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    (loaded.notice, left)
}

#[test]
fn a_state_file_that_is_not_a_regular_file_is_set_aside_unread() {
    let cases: Vec<(&str, Maker, &str)> = vec![
        (
            "fifo",
            Box::new(mkfifo),
            "a FIFO (named pipe), not a regular file",
        ),
        (
            "link to /dev/zero",
            Box::new(|p: &Path| symlink("/dev/zero", p).expect("symlink")),
            "a character device, not a regular file",
        ),
        (
            "directory",
            Box::new(|p: &Path| fs::create_dir(p).expect("mkdir")),
            "a directory, not a regular file",
        ),
        (
            "link loop",
            Box::new(|p: &Path| symlink(p, p).expect("symlink")),
            "a symbolic link loop",
        ),
        (
            "too large",
            Box::new(|p: &Path| {
                let f = fs::File::create(p).expect("create");
                f.set_len(MAX_STATE_BYTES + 1).expect("set_len");
            }),
            "too large",
        ),
    ];
    for (name, make, why) in cases {
        let (notice, left) = load_state_made_by(make);
        let notice = notice.unwrap_or_else(|| panic!("{name}: no notice"));
        assert!(notice.contains(why), "{name}: {notice}");
        assert!(notice.contains("set aside"), "{name}: {notice}");
        assert_eq!(left.len(), 1, "{name}: {left:?}");
        assert!(
            left[0].starts_with("state.json.corrupt-"),
            "{name}: {left:?}"
        );
    }
}

#[test]
fn a_dangling_state_json_link_is_a_fresh_start_and_saving_replaces_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("elsewhere.json");
    symlink(&target, dir.path().join("state.json")).expect("symlink");
    let store = Store::new(dir.path());
    let loaded = store.load();
    assert!(
        loaded
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("does not exist"),
        "{:?}",
        loaded.notice
    );
    let mut state = ReadingState::default();
    state.set_position("a", 2);
    store.save(&state).expect("save");
    assert!(!target.exists(), "the link's target was written");
    assert_eq!(store.load().state.articles["a"].paragraph, 2);
}

#[test]
fn a_state_lock_that_is_a_dangling_link_is_refused_never_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("tempdir");
    let target = outside.path().join("planted");
    symlink(&target, dir.path().join("state.lock")).expect("symlink");
    let store = Store::new(dir.path());
    let err = store.save(&ReadingState::default()).expect_err("refused");
    let msg = format!("{err:#}");
    assert!(msg.contains("state.lock"), "{msg}");
    assert!(msg.contains("a symbolic link, not a regular file"), "{msg}");
    assert!(
        !target.exists(),
        "a file was created outside the state directory"
    );
}

#[test]
fn a_state_lock_that_is_a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("state.lock"));
    let store = Store::new(dir.path());
    let err = within_a_minute("saving", move || store.save(&ReadingState::default()))
        .expect_err("refused");
    assert!(format!("{err:#}").contains("FIFO"), "{err:#}");
}

// ----- a corpus directory ------------------------------------------------------------

mod common;

use readout::corpus::loader::{self, LoadEvent};
use readout::corpus::{Corpus, Source};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A corpus directory holding one good article and, under `*.md` names, one of every
/// kind of thing that is not a regular file, plus `rounds.toml` as `timeline` makes it.
fn hostile_dir(timeline: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    fs::copy(fixture("compare/kyiv.md"), d.join("kyiv.md")).expect("copy");
    mkfifo(&d.join("fifo.md"));
    fs::create_dir(d.join("directory.md")).expect("mkdir");
    symlink(d.join("missing.md"), d.join("dangling.md")).expect("symlink");
    symlink(d.join("loop-b.md"), d.join("loop-a.md")).expect("symlink");
    symlink(d.join("loop-a.md"), d.join("loop-b.md")).expect("symlink");
    symlink("/dev/zero", d.join("device.md")).expect("symlink");
    symlink(d.join("kyiv.md"), d.join("link-to-kyiv.md")).expect("symlink");
    timeline(&d.join("rounds.toml"));
    dir
}

/// What each hostile entry must be reported as.
const EXPECTED: &[(&str, &str)] = &[
    ("fifo.md", "a FIFO (named pipe), not a regular file"),
    ("directory.md", "a directory, not a regular file"),
    (
        "dangling.md",
        "a symbolic link to a file that does not exist",
    ),
    ("loop-a.md", "a symbolic link loop"),
    ("loop-b.md", "a symbolic link loop"),
    ("device.md", "a character device, not a regular file"),
];

fn assert_each_named(problems: &[String], timeline_why: &str) {
    for (name, why) in EXPECTED.iter().chain([&("rounds.toml", timeline_why)]) {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&format!("/{name}:1:1: skipped: {why}"))),
            "{name} not reported as {why:?}: {problems:#?}"
        );
    }
}

#[test]
fn every_kind_of_file_that_is_not_regular_is_named_in_the_problems() {
    let dir = hostile_dir(mkfifo);
    let source = Source::Dir(dir.path().to_path_buf());
    let corpus = within_a_minute("loading", move || Corpus::load(&source));
    let problems: Vec<String> = corpus.problems.iter().map(|p| p.to_string()).collect();
    assert_each_named(&problems, "a FIFO (named pipe), not a regular file");
    // The good article loads, once: its link is a duplicate id, reported as such.
    assert_eq!(corpus.articles.len(), 1);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("link-to-kyiv.md") && p.contains("duplicate id")),
        "{problems:#?}"
    );
    assert_eq!(corpus.skipped, EXPECTED.len() + 1);
}

#[test]
fn the_background_loader_names_them_too() {
    let dir = hostile_dir(|p| fs::create_dir(p).expect("mkdir"));
    let path = dir.path().to_path_buf();
    let events = within_a_minute("loading in the background", move || {
        let rx = loader::spawn(path, || {});
        let mut problems = Vec::new();
        for ev in rx {
            match ev {
                LoadEvent::Timeline(Err(errs)) => {
                    problems.extend(errs.iter().map(|e| e.to_string()))
                }
                LoadEvent::Batch(batch) => problems.extend(
                    batch
                        .iter()
                        .filter_map(|(_, r)| r.as_ref().err().map(|e| e.to_string())),
                ),
                LoadEvent::Finished => break,
                _ => {}
            }
        }
        problems
    });
    assert_each_named(&events, "a directory, not a regular file");
}

#[test]
fn check_lists_each_one_and_fails() {
    let dir = hostile_dir(|p| symlink("/dev/null", p).expect("symlink"));
    let out = within_a_minute("readout check", {
        let d = dir.path().to_path_buf();
        move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_readout"))
                .arg("check")
                .arg(d)
                .env("READOUT_STATE_DIR", std::env::temp_dir())
                .output()
                .expect("runs")
        }
    });
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<String> = text.lines().map(String::from).collect();
    assert_each_named(&lines, "a character device, not a regular file");
}

#[test]
fn the_problems_overlay_names_them() {
    let dir = hostile_dir(mkfifo);
    let corpus = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    let mut app = common::app_with(corpus, 200, 60);
    common::press(&mut app, "!");
    let screen = common::screen(&app);
    for (name, _) in EXPECTED {
        assert!(screen.contains(name), "{name} missing from:\n{screen}");
    }
}

#[test]
fn hostile_file_names_are_listed_escaped_and_distinct() {
    let dir = tempfile::tempdir().expect("tempdir");
    use std::os::unix::ffi::OsStrExt;
    let names: &[&[u8]] = &[
        b"\x1b[31m.md",
        b"\x1b]0;owned\x07.md",
        b"\x07.md",
        b"\xff.md",
        "\u{202e}dm.md".as_bytes(),
        "\u{200b}.md".as_bytes(),
        b"-.md",
    ];
    for name in names {
        // An empty file: each is a problem, so each is listed by name.
        fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), b"").expect("write");
    }
    let corpus = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    let shown: std::collections::BTreeSet<String> =
        corpus.problems.iter().map(|p| p.path.clone()).collect();
    assert_eq!(shown.len(), names.len(), "{shown:#?}");
    let bare: Vec<&str> = shown
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .collect();
    for expected in [
        "\\x1b[31m.md",
        "\\x1b]0;owned\\x07.md",
        "\\x07.md",
        "\\xff.md",
        "\\u{202e}dm.md",
        "\\u{200b}.md",
        "-.md",
    ] {
        assert!(bare.contains(&expected), "{expected} not in {bare:?}");
    }
}
