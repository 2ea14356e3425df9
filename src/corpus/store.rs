//! Articles whose text is not kept in memory. A large corpus keeps, per article, its
//! front matter, how long each passage is and where its file is (with the file's size
//! and modification time when it was read); the text is read back from the file when an
//! article is opened, compared or searched, and checked against what was loaded, so a
//! file changed on disk is reported rather than misread. The last few bodies read are
//! kept, so moving about among them costs nothing.

use std::num::NonZeroUsize;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lru::LruCache;

use super::body::{Block, BlockKind};
use super::{Article, CorpusError, MAX_ARTICLE_BYTES, parse_article};
use crate::safe_file::{self, OpenError, Stamp};

/// How many bodies read back are kept: a screen of the comparison, the open article
/// and those just before and after it in the list.
pub const KEPT_BODIES: usize = 64;

/// Where a hollow article's text lies, and what its file was when it was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The file, as it was opened.
    pub file: PathBuf,
    /// The file's size and modification time when it was loaded.
    pub stamp: Stamp,
    /// Length in bytes of each passage's text, so that a layout can be estimated
    /// without the text.
    pub passage_lens: Box<[u32]>,
}

impl Article {
    /// Lets go of the body's text, keeping where to read it back (`file`, as it was
    /// when `stamp` was taken), each passage's length, and the curators' markers (with
    /// their places) for the timeline's check.
    pub fn hollow(&mut self, file: PathBuf, stamp: Stamp) {
        let passage_lens = self
            .passages()
            .map(|b| u32::try_from(b.text.len()).unwrap_or(u32::MAX))
            .collect();
        self.keep_only_markers();
        self.stored = Some(Box::new(Stored {
            file,
            stamp,
            passage_lens,
        }));
    }

    /// Drops the body's text and every block but those with a curators' marker, which
    /// keep their places for the timeline's check.
    pub fn keep_only_markers(&mut self) {
        self.blocks.retain(|b| b.marker.is_some());
        self.blocks.iter_mut().for_each(|b| b.text = String::new());
        self.blocks.shrink_to_fit();
    }

    /// True if the body's text is not in memory (see [`Article::hollow`]).
    pub fn is_hollow(&self) -> bool {
        self.stored.is_some()
    }

    /// Length in bytes of passage `p`'s text (from 0), whether or not it is in memory.
    pub fn passage_len(&self, p: usize) -> usize {
        match &self.stored {
            Some(s) => s.passage_lens.get(p).map_or(0, |&n| n as usize),
            None => self.passages().nth(p).map_or(0, |b| b.text.len()),
        }
    }

    /// This article's front matter over a body of one paragraph, `why` its text could
    /// not be read: what the reader shows instead of text it cannot vouch for.
    pub fn unreadable(&self, why: &CorpusError) -> Article {
        Article {
            path: self.path.clone(),
            meta: self.meta.clone(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: format!("The text cannot be shown. {why}"),
                line: 1,
                marker: None,
            }],
            id_line: self.id_line,
            stored: None,
        }
    }
}

/// An article with its text: the corpus's own, or one read back from its file.
#[derive(Debug, Clone)]
pub enum Body<'a> {
    /// The article kept its text.
    Kept(&'a Article),
    /// Read back from the file.
    Read(Arc<Article>),
}

impl Deref for Body<'_> {
    type Target = Article;
    fn deref(&self) -> &Article {
        match self {
            Body::Kept(a) => a,
            Body::Read(a) => a,
        }
    }
}

impl Body<'_> {
    /// The article, to keep beyond the corpus's borrow.
    pub fn shared(&self) -> Arc<Article> {
        match self {
            Body::Kept(a) => Arc::new((*a).clone()),
            Body::Read(a) => Arc::clone(a),
        }
    }
}

/// The bodies read back most recently, by file.
#[derive(Debug)]
pub struct BodyCache(Mutex<LruCache<PathBuf, Arc<Article>>>);

impl Default for BodyCache {
    fn default() -> Self {
        let size = NonZeroUsize::new(KEPT_BODIES).unwrap_or(NonZeroUsize::MIN);
        BodyCache(Mutex::new(LruCache::new(size)))
    }
}

impl Clone for BodyCache {
    /// A copy of a corpus starts with no bodies kept.
    fn clone(&self) -> Self {
        BodyCache::default()
    }
}

impl BodyCache {
    /// The body of `article`: the article itself if it kept its text, else the kept
    /// copy or its file read back.
    pub fn body<'a>(&self, article: &'a Article) -> Result<Body<'a>, CorpusError> {
        let Some(stored) = &article.stored else {
            return Ok(Body::Kept(article));
        };
        // A poisoned lock only means another thread panicked while holding it; the
        // cache is still a valid cache.
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(kept) = cache.get(&stored.file) {
            return Ok(Body::Read(Arc::clone(kept)));
        }
        let read = Arc::new(read_back(article, stored)?);
        cache.put(stored.file.clone(), Arc::clone(&read));
        Ok(Body::Read(read))
    }
}

/// Reads a hollow article's file again and parses it, refusing it if it is not what was
/// loaded: another size or modification time, or another id or number of passages.
pub fn read_back(article: &Article, stored: &Stored) -> Result<Article, CorpusError> {
    read_again(
        &article.path,
        &Loaded {
            file: &stored.file,
            stamp: stored.stamp,
            id: &article.meta.id,
            passages: article.passage_count(),
        },
    )
}

/// What a file held when it was loaded, to tell whether it still does.
#[derive(Debug, Clone, Copy)]
pub struct Loaded<'a> {
    /// The file, as it was opened.
    pub file: &'a Path,
    /// Its size and modification time then.
    pub stamp: Stamp,
    /// The article's id then.
    pub id: &'a str,
    /// Its number of passages then.
    pub passages: usize,
}

/// Reads a file loaded before (`path` as shown to the user) and parses it, refusing it
/// if it is not what was loaded: another size or modification time, or another id or
/// number of passages. What [`read_back`] does for a hollow article, for callers that
/// kept only this much of it (the loader aligning what it listed).
pub fn read_again(path: &str, loaded: &Loaded<'_>) -> Result<Article, CorpusError> {
    let changed = |what: String| {
        CorpusError::at(
            path,
            1,
            1,
            format!("{what} since it was loaded; restart readout to read it again"),
        )
    };
    let (bytes, stamp) =
        safe_file::read_stamped(loaded.file, MAX_ARTICLE_BYTES).map_err(|e| match e {
            OpenError::NotFound | OpenError::DanglingLink => {
                changed("the file was deleted or moved".to_string())
            }
            other => CorpusError::at(path, 1, 1, format!("cannot read it again: {other}")),
        })?;
    if stamp.len != loaded.stamp.len {
        return Err(changed(format!(
            "the file changed on disk (it was {} bytes, it is {})",
            loaded.stamp.len, stamp.len
        )));
    }
    if stamp.modified != loaded.stamp.modified {
        return Err(changed("the file changed on disk".to_string()));
    }
    let read = parse_article(path, &bytes)?;
    if read.meta.id != loaded.id || read.passage_count() != loaded.passages {
        return Err(changed("the file changed on disk".to_string()));
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safe_file::read_stamped;
    use std::fs::{File, OpenOptions};
    use std::time::Duration;

    const TEXT: &str = "+++\nid = \"a\"\ntitle = \"Talks\"\noutlet = \"Ledger\"\n\
        country = \"Latvia\"\nauthor = \"A\"\npublished = 2022-01-10\nkind = \"news\"\n\
        language = \"en\"\n+++\n\n## Geneva\n\nRyabkov met Sherman.\n\n\
        <!-- events: geneva -->\nThey spoke for eight hours.\n";

    /// The article in `dir`, parsed and hollowed as the loader leaves it.
    fn hollow_in(dir: &std::path::Path) -> (PathBuf, Article, Article) {
        let path = dir.join("a.md");
        std::fs::write(&path, TEXT).expect("write");
        let (bytes, stamp) = read_stamped(&path, MAX_ARTICLE_BYTES).expect("read");
        let full = parse_article("a.md", &bytes).expect("parses");
        let mut hollow = full.clone();
        hollow.hollow(path.clone(), stamp);
        (path, full, hollow)
    }

    #[test]
    fn a_hollow_article_keeps_counts_lengths_and_markers_and_reads_back_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, full, hollow) = hollow_in(dir.path());
        assert!(hollow.is_hollow() && !full.is_hollow());
        assert!(hollow.blocks.iter().all(|b| b.text.is_empty()));
        assert_eq!(hollow.blocks.len(), 1, "only the block with a marker");
        assert!(hollow.blocks[0].marker.is_some());
        assert_eq!(hollow.passage_count(), 2);
        assert_eq!(hollow.passage_len(0), "Ryabkov met Sherman.".len());
        assert_eq!(hollow.passage_len(1), full.passage_len(1));
        let cache = BodyCache::default();
        let body = cache.body(&hollow).expect("reads back");
        assert_eq!(*body, full);
        // Read once, then kept.
        let again = cache.body(&hollow).expect("kept");
        match (&body, &again) {
            (Body::Read(a), Body::Read(b)) => assert!(Arc::ptr_eq(a, b)),
            _ => panic!("a hollow article's body is read back"),
        }
        // An article that kept its text is its own body.
        assert!(matches!(cache.body(&full), Ok(Body::Kept(_))));
    }

    #[test]
    fn a_file_edited_to_the_same_size_is_noticed_by_its_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, _, hollow) = hollow_in(dir.path());
        let before = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        std::fs::write(&path, TEXT.replace("Sherman", "Shermin")).expect("write");
        let file = OpenOptions::new().write(true).open(&path).expect("open");
        File::set_modified(&file, before + Duration::from_secs(1)).expect("set mtime");
        let err =
            read_back(&hollow, hollow.stored.as_deref().expect("stored")).expect_err("changed");
        assert_eq!(err.path, "a.md");
        assert!(err.message.contains("changed on disk"), "{err}");
    }

    #[test]
    fn a_file_of_another_size_or_gone_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, _, hollow) = hollow_in(dir.path());
        std::fs::write(&path, format!("{TEXT}\nMore.\n")).expect("write");
        let err = BodyCache::default().body(&hollow).expect_err("changed");
        assert!(
            err.to_string()
                .starts_with("a.md:1:1: the file changed on disk")
        );
        std::fs::remove_file(&path).expect("remove");
        let err = BodyCache::default().body(&hollow).expect_err("gone");
        assert!(err.message.contains("deleted or moved"), "{err}");
        let shown = hollow.unreadable(&err);
        assert_eq!(shown.passage_count(), 1);
        assert!(
            shown
                .passages()
                .all(|b| b.text.contains("deleted or moved"))
        );
    }
}
