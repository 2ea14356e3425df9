//! Reading state that persists across runs — where each article was left, which were
//! read, which outlets the comparison shows — in one JSON file in the XDG state
//! directory. Saving takes a lock, merges with what other instances saved (newest entry
//! wins), and replaces the file atomically: temp file, fsync, rename, fsync of the
//! directory. A corrupt file is set aside, never lost.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The environment variable that overrides the state directory (used by tests).
pub const STATE_DIR_ENV: &str = "READOUT_STATE_DIR";
const FILE: &str = "state.json";
const LOCK: &str = "state.lock";
const TEMP_PREFIX: &str = ".state-";

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
    /// Merges `other` into `self`, entry by entry, keeping the newer.
    pub fn merge(&mut self, other: &ReadingState) {
        for (id, theirs) in &other.articles {
            match self.articles.get(id) {
                Some(ours) if ours.updated >= theirs.updated => {}
                _ => {
                    self.articles.insert(id.clone(), theirs.clone());
                }
            }
        }
        if other.compare.updated > self.compare.updated {
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

/// Milliseconds since the epoch, strictly increasing within this process so that two
/// changes in the same millisecond still order.
pub fn now_ms() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static LAST: AtomicU64 = AtomicU64::new(0);
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let mut prev = LAST.load(Ordering::Relaxed);
    loop {
        let next = wall.max(prev + 1);
        match LAST.compare_exchange(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(p) => prev = p,
        }
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
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    state: ReadingState::default(),
                    notice: Some(format!("cannot read {}: {e}", path.display())),
                };
            }
        };
        match serde_json::from_slice(&bytes) {
            Ok(state) => Loaded {
                state,
                notice: None,
            },
            Err(e) => {
                let aside = self.dir.join(format!("{FILE}.corrupt-{}", now_ms()));
                let notice = match fs::rename(&path, &aside) {
                    Ok(()) => format!(
                        "reading state was corrupt ({e}); set aside as {} and started afresh",
                        aside.display()
                    ),
                    Err(re) => format!(
                        "reading state {} is corrupt ({e}) and could not be set aside: {re}",
                        path.display()
                    ),
                };
                Loaded {
                    state: ReadingState::default(),
                    notice: Some(notice),
                }
            }
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
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .with_context(|| format!("cannot open {}", self.dir.join(LOCK).display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", self.dir.join(LOCK).display()))?;
        let mut merged = state.clone();
        if let Ok(bytes) = fs::read(self.path())
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
}
