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
