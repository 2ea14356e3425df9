//! The reading state survives what a shared server does to it: SIGKILL at any moment of
//! a save, and several instances saving at once.

use std::process::Command;
use std::time::Duration;

use readout::state::{ReadingState, Store};

/// Not a test of its own: the body of the process the SIGKILL test kills. It saves in a
/// loop, each save one more than the last on disk.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os("READOUT_SAVE_LOOP_DIR") else {
        return;
    };
    let store = Store::new(dir);
    let mut n = store
        .load()
        .state
        .articles
        .get("a")
        .map_or(0, |a| a.paragraph);
    loop {
        n += 1;
        let mut s = ReadingState::default();
        s.set_position("a", n);
        s.set_position(&format!("bulk-{}", n % 50), n);
        store.save(&s).expect("save");
    }
}

/// A tiny deterministic PRNG for kill delays.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn sigkill_at_random_moments_across_a_thousand_saves_never_corrupts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut last = 0;
    let mut kills = 0;
    while last < 1000 {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("READOUT_SAVE_LOOP_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn child");
        std::thread::sleep(Duration::from_micros(2_000 + next(&mut seed) % 40_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        kills += 1;
        let loaded = store.load();
        assert_eq!(
            loaded.notice, None,
            "after kill {kills}: the file must parse"
        );
        let now = loaded.state.articles.get("a").map_or(0, |a| a.paragraph);
        assert!(
            now >= last,
            "after kill {kills}: went back from {last} to {now}"
        );
        last = now;
        assert!(kills < 2000, "the child makes no progress");
    }
    assert!(kills >= 5, "killed {kills} times over {last} saves");
}

#[test]
fn two_instances_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    let writers: Vec<_> = ["one", "two", "three"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::new(path);
                let mut mine = ReadingState::default();
                for i in 1..=150 {
                    mine.set_position(&format!("{who}-{}", i % 10), i);
                    store.save(&mine).expect("save");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    let state = Store::new(dir.path()).load();
    assert_eq!(state.notice, None);
    for who in ["one", "two", "three"] {
        for k in 0..10 {
            let last = (1..=150).filter(|i| i % 10 == k).max().expect("some");
            let got = state
                .state
                .articles
                .get(&format!("{who}-{k}"))
                .map(|a| a.paragraph);
            assert_eq!(got, Some(last), "{who}-{k}");
        }
    }
}
