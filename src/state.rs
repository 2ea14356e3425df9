//! Reading state that persists across runs — where each article was left, which were
//! read, which outlets the comparison shows — in one JSON file in the XDG state
//! directory. Saving takes a lock, merges with what other instances saved (newest entry
//! wins), and replaces the file atomically: temp file, fsync, rename, fsync of the
//! directory. A corrupt file is set aside, never lost; so is one that is too large or
//! not a regular file, unread. Nothing here follows a link it did not expect: the state
//! file is opened without blocking and checked, the lock with `O_NOFOLLOW`, the temp
//! file exclusively.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::safe_file::{self, OpenError};

/// The environment variable that overrides the state directory (used by tests).
pub const STATE_DIR_ENV: &str = "READOUT_STATE_DIR";
const FILE: &str = "state.json";
const LOCK: &str = "state.lock";
const TEMP_PREFIX: &str = ".state-";
/// The largest state file read: some 100,000 articles' entries. Anything larger is not
/// ours (or a link to a device) and is set aside unread.
pub const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// Where one article was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    /// The article was opened and read.
    #[serde(default)]
    pub read: bool,
    /// The passage (paragraph number, from 0) the reader was on.
    #[serde(default)]
    pub paragraph: usize,
    /// When this entry changed, in milliseconds since the epoch: the newest wins a merge.
    #[serde(default)]
    pub updated: u64,
}

/// Which outlets the comparison screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareState {
    /// Outlets shown, in column order.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// When it changed, as for [`ArticleState::updated`].
    #[serde(default)]
    pub updated: u64,
}

/// Everything remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Per article id.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
    /// The comparison screen's outlet choice.
    #[serde(default)]
    pub compare: CompareState,
}

impl ReadingState {
    /// Merges `other` into `self`, entry by entry, keeping the newer (see [`newer`]).
    pub fn merge(&mut self, other: &ReadingState) {
        let now = trusted_now();
        for (id, theirs) in &other.articles {
            match self.articles.get(id) {
                Some(ours) if !newer(theirs.updated, ours.updated, now) => {}
                _ => {
                    self.articles.insert(id.clone(), theirs.clone());
                }
            }
        }
        if newer(other.compare.updated, self.compare.updated, now) {
            self.compare = other.compare.clone();
        }
    }

    /// Records where the reader is in an article.
    pub fn set_position(&mut self, id: &str, paragraph: usize) {
        let entry = self.articles.entry(id.to_string()).or_default();
        if entry.paragraph != paragraph || !entry.read {
            entry.paragraph = paragraph;
            entry.read = true;
            entry.updated = now_ms();
        }
    }

    /// Marks an article read or unread.
    pub fn set_read(&mut self, id: &str, read: bool) {
        let entry = self.articles.entry(id.to_string()).or_default();
        entry.read = read;
        entry.updated = now_ms();
    }

    /// True if the article was read.
    pub fn is_read(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|a| a.read)
    }
}

/// The latest time this process has seen or handed out, in milliseconds since the epoch.
static LAST_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn wall_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Milliseconds since the epoch, strictly increasing within this process so that two
/// changes in the same millisecond still order.
pub fn now_ms() -> u64 {
    use std::sync::atomic::Ordering;
    let wall = wall_ms();
    let mut prev = LAST_MS.load(Ordering::Relaxed);
    loop {
        let next = wall.max(prev + 1);
        match LAST_MS.compare_exchange(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(p) => prev = p,
        }
    }
}

/// The latest moment an entry can honestly carry: now, or the last stamp handed out.
fn trusted_now() -> u64 {
    wall_ms().max(LAST_MS.load(std::sync::atomic::Ordering::Relaxed))
}

/// True if an entry stamped `theirs` should replace one stamped `ours`, `now` being
/// [`trusted_now`]. Newest wins, but a stamp from the future (a clock that was ahead,
/// state copied from another machine) cannot be checked, so it counts as older than
/// any stamp from now or the past: otherwise it would win every merge until the clock
/// caught up, and reading in the meantime would silently not be kept.
fn newer(theirs: u64, ours: u64, now: u64) -> bool {
    match (theirs > now, ours > now) {
        (false, true) => true,
        (true, false) => false,
        _ => theirs > ours,
    }
}

/// The state directory: `$READOUT_STATE_DIR`, else `$XDG_STATE_HOME/readout`, else
/// `~/.local/state/readout`.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::state_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/state")))
        .map(|d| d.join("readout"))
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The state (fresh if there was none or it was corrupt).
    pub state: ReadingState,
    /// Something the user should know, for the status line.
    pub notice: Option<String>,
}

/// The state file in its directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (created on first save).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// Loads the state. A missing file is a fresh start; a corrupt one is renamed aside
    /// (`state.json.corrupt-<ms>`) and reported.
    pub fn load(&self) -> Loaded {
        self.remove_stale_temp_files();
        let path = self.path();
        let bytes = match safe_file::read_regular(&path, MAX_STATE_BYTES) {
            Ok(b) => b,
            Err(OpenError::NotFound) => return Loaded::default(),
            Err(OpenError::Io(e)) => {
                return Loaded {
                    state: ReadingState::default(),
                    notice: Some(format!("cannot read {}: {e}", path.display())),
                };
            }
            // A FIFO, a device, a link loop, a huge file: never read it, set it aside.
            Err(why) => return self.set_aside(&path, &why.to_string()),
        };
        match serde_json::from_slice(&bytes) {
            Ok(state) => Loaded {
                state,
                notice: None,
            },
            Err(e) => self.set_aside(&path, &format!("corrupt ({e})")),
        }
    }

    /// Renames the state file aside (`state.json.corrupt-<ms>`), keeping it for the
    /// user, and says so; reading starts afresh.
    fn set_aside(&self, path: &Path, why: &str) -> Loaded {
        let aside = self.dir.join(format!("{FILE}.corrupt-{}", now_ms()));
        let notice = match fs::rename(path, &aside) {
            Ok(()) => format!(
                "reading state was {why}; set aside as {} and started afresh",
                aside.display()
            ),
            Err(re) => format!(
                "reading state {} is {why} and could not be set aside: {re}",
                path.display()
            ),
        };
        Loaded {
            state: ReadingState::default(),
            notice: Some(notice),
        }
    }

    /// Removes temp files that a save killed midway left behind. Only old ones: a
    /// younger one may belong to another instance saving right now.
    fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 60);
            if stale && entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Saves `state`, merged with whatever other instances saved meanwhile; returns the
    /// merged state. Holds an exclusive lock for the read–merge–write.
    pub fn save(&self, state: &ReadingState) -> Result<ReadingState> {
        fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create {}", self.dir.display()))?;
        // Never through a link: a planted `state.lock` link would make us create or
        // truncate a file wherever it points.
        let lock_path = self.dir.join(LOCK);
        let lock = safe_file::create_regular_nofollow(&lock_path)
            .with_context(|| format!("cannot open {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        let mut merged = state.clone();
        if let Ok(bytes) = safe_file::read_regular(&self.path(), MAX_STATE_BYTES)
            && let Ok(on_disk) = serde_json::from_slice::<ReadingState>(&bytes)
        {
            merged.merge(&on_disk);
        }
        let json = serde_json::to_vec_pretty(&merged)?;
        write_atomic(&self.dir, &self.path(), &json)?;
        drop(lock);
        Ok(merged)
    }
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or
/// the new contents: temp file in the same directory, fsync, rename, fsync the directory.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", tmp.path().display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot sync {}", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("sub"));
        let mut s = ReadingState::default();
        s.set_position("a", 4);
        store.save(&s).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.state.articles["a"].paragraph, 4);
        assert!(loaded.state.is_read("a"));
    }

    #[test]
    fn corrupt_file_is_set_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE), b"{ not json").unwrap();
        let store = Store::new(dir.path());
        let loaded = store.load();
        assert!(loaded.notice.unwrap().contains("corrupt"));
        assert_eq!(loaded.state, ReadingState::default());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(aside[0].path()).unwrap(), b"{ not json");
    }

    #[test]
    fn saves_from_two_instances_merge_newest_entry_wins() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut one = ReadingState::default();
        let mut two = ReadingState::default();
        one.set_position("a", 1);
        two.set_position("b", 2);
        two.set_position("a", 7); // newer than one's "a"
        store.save(&one).unwrap();
        store.save(&two).unwrap();
        let on_disk = store.load().state;
        assert_eq!(on_disk.articles["a"].paragraph, 7);
        assert_eq!(on_disk.articles["b"].paragraph, 2);
        // An older save does not undo a newer one.
        store.save(&one).unwrap();
        assert_eq!(store.load().state.articles["a"].paragraph, 7);
    }

    #[test]
    fn unwritable_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        fs::write(&file, b"x").unwrap();
        let store = Store::new(file.join("state"));
        let err = store.save(&ReadingState::default()).unwrap_err();
        assert!(format!("{err:#}").contains("cannot create"), "{err:#}");
    }

    #[test]
    fn an_entry_from_the_future_loses_to_this_sessions_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let day = 24 * 60 * 60 * 1000;
        let mut copied = ReadingState::default();
        copied.articles.insert(
            "a".into(),
            ArticleState {
                read: true,
                paragraph: 3,
                updated: now_ms() + day,
            },
        );
        copied.compare = CompareState {
            outlets: vec!["CGTN".into()],
            updated: now_ms() + day,
        };
        store.save(&copied).unwrap();
        // This session opens it, reads on, and saves.
        let mut session = store.load().state;
        session.set_position("a", 9);
        session.compare = CompareState {
            outlets: vec!["PIR Center".into()],
            updated: now_ms(),
        };
        store.save(&session).unwrap();
        let on_disk = store.load().state;
        assert_eq!(on_disk.articles["a"].paragraph, 9);
        assert_eq!(on_disk.compare.outlets, ["PIR Center"]);
        // An entry from the future that this session did not touch is kept.
        let mut other = ReadingState::default();
        other.set_position("b", 1);
        store.save(&other).unwrap();
        assert_eq!(store.load().state.articles["a"].paragraph, 9);
    }

    #[test]
    fn the_newer_of_two_honest_stamps_wins_and_the_future_counts_as_oldest() {
        let now = 1_000;
        assert!(newer(900, 800, now));
        assert!(!newer(800, 900, now));
        assert!(!newer(5_000, 900, now), "the future beats nothing honest");
        assert!(newer(900, 5_000, now), "an honest stamp beats the future");
        assert!(newer(6_000, 5_000, now), "between two futures, the later");
    }
}
