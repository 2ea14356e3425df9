//! The corpus: every article (and the timeline) of a directory or of the bundled set,
//! loaded forgivingly — a bad file is reported and skipped, the rest still load.

pub mod article;
pub mod body;
pub mod error;
pub mod loader;
pub mod store;
pub mod unread;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use article::{
    Article, Kind, MAX_ARTICLE_BYTES, Meta, parse_article, parse_blocks, parse_front,
};
pub use body::{Block, BlockKind, Marker};
pub use error::CorpusError;
pub use store::{Body, BodyCache, Stored};
pub use unread::Unread;

use crate::safe_file::{self, OpenError, Stamp};
use crate::text::sanitize::escape_name;
use crate::timeline::{self, Timeline};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The name of the timeline file inside a corpus directory.
pub const TIMELINE_FILE: &str = "rounds.toml";

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The articles compiled into the binary.
    Bundled,
    /// A directory of `*.md` files (and optionally `rounds.toml`).
    Dir(PathBuf),
}

impl Source {
    /// How the source is named in the interface.
    pub fn describe(&self) -> String {
        match self {
            Source::Bundled => "bundled articles".to_string(),
            Source::Dir(p) => shown(p),
        }
    }
}

/// A loaded corpus: the articles that loaded, sorted by date, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Articles, oldest first (ties by outlet, then id).
    pub articles: Vec<Article>,
    /// The negotiation timeline, when the corpus has a valid `rounds.toml`.
    pub timeline: Option<Timeline>,
    /// Every problem, in file order; each names its file, line and column.
    pub problems: Vec<CorpusError>,
    /// How many article files were skipped because of a problem.
    pub skipped: usize,
    /// Ids taken so far, with the file that took each.
    seen: HashMap<String, String>,
    /// The bodies of hollow articles read back most recently.
    bodies: BodyCache,
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`.
pub fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Where a merge put the new items: their positions in the merged list, ascending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// The positions the added items took, ascending.
    pub added: Vec<usize>,
}

impl Merged {
    /// Where the item that was at `old` before the merge is now.
    pub fn moved(&self, old: usize) -> usize {
        // `added[k] - k` is how many earlier items came before new item k, which never
        // decreases with k: old item `old` is after new item k exactly when that count
        // is at most `old`.
        let (mut lo, mut hi) = (0, self.added.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.added[mid] - mid <= old {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        old + lo
    }
}

/// The order articles are listed in: by date, then outlet, then id.
fn sort_key(a: &Article) -> (jiff::civil::Date, &str, &str) {
    (a.meta.published, &a.meta.outlet, &a.meta.id)
}

/// Sorts `batch` into list order, so it can be merged with [`merge_positions`].
pub fn sort_batch<T>(batch: &mut [(Article, T)]) {
    batch.sort_by(|(a, _), (b, _)| sort_key(a).cmp(&sort_key(b)));
}

/// Where each article of `batch` (already in list order) goes when merged into the
/// sorted `articles`: a binary search per new article, each from where the last one
/// went, so adding a batch never sorts the list again.
pub fn merge_positions(articles: &[Article], batch: &[&Article]) -> Merged {
    let mut before = 0;
    let added = batch
        .iter()
        .enumerate()
        .map(|(k, new)| {
            let key = sort_key(new);
            before += articles[before..].partition_point(|a| sort_key(a) < key);
            before + k
        })
        .collect();
    Merged { added }
}

/// Merges `new` into `items` so that the new items land at `merged.added`, the old ones
/// keeping their order around them. Apply the same `Merged` to every list kept in step
/// with the articles.
///
/// In place: the new items are appended and every item is swapped to its place, so
/// the list's memory is reused from batch to batch instead of allocated afresh (fresh
/// pages for a list of 100,000 articles cost more than the moves).
pub fn merge_at<T>(items: &mut Vec<T>, new: Vec<T>, merged: &Merged) {
    let old = items.len();
    items.extend(new);
    // Where each item goes: old ones shift past the new ones before them.
    let mut dest: Vec<usize> = (0..old).map(|i| merged.moved(i)).collect();
    dest.extend(merged.added.iter().copied());
    if dest.len() != items.len() {
        // A `Merged` for another batch: keep the items, in the order they are.
        return;
    }
    // Each swap puts one item at its place for good.
    for i in 0..items.len() {
        while dest[i] != i {
            let d = dest[i];
            items.swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// True if `path` names the timeline file.
pub fn is_timeline(path: &str) -> bool {
    Path::new(path)
        .file_name()
        .is_some_and(|n| n == TIMELINE_FILE)
}

impl Corpus {
    /// Loads a corpus from `source`. Never fails as a whole: problems are collected.
    pub fn load(source: &Source) -> Corpus {
        match source {
            Source::Bundled => Self::from_files(
                bundled::BUNDLED
                    .iter()
                    .map(|(name, bytes)| (format!("articles/{name}"), Ok(bytes.to_vec()))),
            ),
            Source::Dir(dir) => match list_dir(dir) {
                Ok(paths) => Self::build_dir(&paths, true),
                Err(problem) => Corpus {
                    problems: vec![problem],
                    ..Corpus::default()
                },
            },
        }
    }

    /// Loads only the index of a corpus: every article's front matter (and its curators'
    /// markers, to check them), not its text — what `list` and `check` print, with the
    /// same problems in the same order as [`Corpus::load`]. Each worker drops an
    /// article's text as soon as it is parsed, so memory grows with the number of
    /// articles, not with their size.
    pub fn load_index(source: &Source) -> Corpus {
        match source {
            Source::Bundled => Self::load(source),
            Source::Dir(dir) => match list_dir(dir) {
                Ok(paths) => Self::build_dir(&paths, false),
                Err(problem) => Corpus {
                    problems: vec![problem],
                    ..Corpus::default()
                },
            },
        }
    }

    /// Builds a corpus from named file contents: `*.md` are articles, `rounds.toml` is the
    /// timeline; a read error is reported against its file.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, Result<Vec<u8>, CorpusError>)>,
    ) -> Corpus {
        let mut corpus = Corpus::default();
        for (path, bytes) in files {
            let file = parse_file(&path, bytes, true);
            corpus.take(&path, file);
        }
        corpus.finish();
        corpus
    }

    /// [`Corpus::from_files`] over the files of a directory, read and parsed one run of files
    /// per core and taken in file order, so the corpus and its problems are the same as
    /// one thread's. Without `bodies` each worker drops the text as soon as it is parsed,
    /// so memory still grows with the number of articles only.
    fn build_dir(paths: &[PathBuf], bodies: bool) -> Corpus {
        /// Files a worker takes at a time: enough that handing runs out costs little.
        const RUN: usize = 32;
        let runs: Vec<&[PathBuf]> = paths.chunks(RUN).collect();
        let mut corpus = Corpus::default();
        loader::in_order(
            runs.len(),
            false,
            |r| {
                runs[r]
                    .iter()
                    .map(|p| {
                        let shown = shown(p);
                        let file = parse_file(&shown, read_limited(p, &shown), bodies);
                        (shown, file)
                    })
                    .collect::<Vec<_>>()
            },
            |run| {
                for (path, file) in run {
                    corpus.take(&path, file);
                }
                true
            },
        );
        corpus.finish();
        corpus
    }

    /// Takes one file of the corpus as [`parse_file`] left it.
    fn take(&mut self, path: &str, file: ParsedFile) {
        match file {
            ParsedFile::Timeline(parsed) => self.set_timeline(parsed),
            ParsedFile::Article(parsed) => {
                self.absorb(path, parsed);
            }
        }
    }

    /// Takes the timeline, or its problems.
    pub fn set_timeline(&mut self, parsed: Result<Timeline, Vec<CorpusError>>) {
        match parsed {
            Ok(t) => self.timeline = Some(t),
            Err(mut problems) => self.problems.append(&mut problems),
        }
    }

    /// Takes one parsed article file: keeps it unless its id is taken, records problems.
    /// Returns true if the article was kept. Call [`Corpus::finish`] after the last.
    pub fn absorb(&mut self, path: &str, parsed: Result<Article, CorpusError>) -> bool {
        match self.admit(path, parsed) {
            Some(article) => {
                self.articles.push(article);
                true
            }
            None => false,
        }
    }

    /// Checks one parsed article file as [`Corpus::absorb`] does — records its problem
    /// or its id — and hands back the article to be placed, unless it is skipped.
    pub fn admit(&mut self, path: &str, parsed: Result<Article, CorpusError>) -> Option<Article> {
        match parsed {
            Ok(article) => {
                if let Some(first) = self.seen.get(&article.meta.id) {
                    self.problems.push(CorpusError::at(
                        path,
                        article.id_line,
                        1,
                        format!(
                            "duplicate id {:?}: {first} already uses it; this file is skipped",
                            article.meta.id
                        ),
                    ));
                    self.skipped += 1;
                    None
                } else {
                    self.seen.insert(article.meta.id.clone(), path.to_string());
                    Some(article)
                }
            }
            Err(e) => {
                self.problems.push(e);
                self.skipped += 1;
                None
            }
        }
    }

    /// Sorts the articles (oldest first, then by outlet and id) and checks hand-set
    /// markers against the timeline.
    pub fn finish(&mut self) {
        let order = self.sort_order();
        self.articles = permute(std::mem::take(&mut self.articles), &order);
        self.check_markers();
    }

    /// Reports hand-set markers that name events the timeline does not have.
    pub fn check_markers(&mut self) {
        if let Some(timeline) = &self.timeline {
            let mut marker_problems = timeline.check_markers(&self.articles);
            self.problems.append(&mut marker_problems);
        }
    }

    /// The permutation that sorts the articles: `order[i]` is the index of the article
    /// that belongs at position `i`.
    pub fn sort_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.articles.len()).collect();
        order.sort_by(|&a, &b| sort_key(&self.articles[a]).cmp(&sort_key(&self.articles[b])));
        order
    }

    /// Article `a` with its text: itself, or (for a hollow article) its file read back
    /// and checked; `None` past the last article. A file changed or gone since it was
    /// loaded is an error naming it, never other text.
    pub fn body(&self, a: usize) -> Option<Result<Body<'_>, CorpusError>> {
        self.articles
            .get(a)
            .map(|article| self.bodies.body(article))
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.meta.id == id)
    }

    /// Index of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.meta.id == id)
    }

    /// The outlets of the corpus, in order of first appearance by date.
    pub fn outlets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.articles {
            if !out.contains(&a.meta.outlet.as_str()) {
                out.push(&a.meta.outlet);
            }
        }
        out
    }
}

/// Why `dir` cannot be a corpus, if it cannot: it does not exist, is a file, cannot be
/// read, or holds no article. Cheap (one directory listing), so every command checks
/// before it starts rather than showing an empty corpus.
pub fn check_corpus_dir(dir: &Path) -> Result<(), String> {
    match fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("no such directory".to_string());
        }
        Err(e) => return Err(format!("cannot read it: {e}")),
        Ok(m) if !m.is_dir() => {
            return Err(
                "is a file, not a directory of articles (`readout check FILE` checks one article)"
                    .to_string(),
            );
        }
        Ok(_) => {}
    }
    let files = list_dir(dir).map_err(|e| e.message.clone())?;
    if files.iter().all(|p| is_timeline(&p.display().to_string())) {
        return Err("no article (*.md file) in this directory".to_string());
    }
    Ok(())
}

/// A path as shown to the user: every byte of it visible and no two paths alike, so a
/// hostile name can neither drive the terminal nor pass for another file (see
/// [`escape_name`]).
pub fn shown(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    escape_name(path.as_os_str().as_bytes())
}

/// One file of a corpus parsed on its own, before it joins the corpus.
// Nearly every file is an article: boxing it would cost an allocation per file to
// shrink the rare timeline.
#[allow(clippy::large_enum_variant)]
enum ParsedFile {
    Timeline(Result<Timeline, Vec<CorpusError>>),
    Article(Result<Article, CorpusError>),
}

/// Parses one file of a corpus (`rounds.toml` as the timeline, any other as an
/// article); without `bodies`, an article keeps only its front matter and its markers.
fn parse_file(path: &str, bytes: Result<Vec<u8>, CorpusError>, bodies: bool) -> ParsedFile {
    if is_timeline(path) {
        return ParsedFile::Timeline(
            bytes
                .map_err(|e| vec![e])
                .and_then(|b| timeline::parse_timeline(path, &b)),
        );
    }
    let parsed = bytes.and_then(|b| parse_article(path, &b));
    ParsedFile::Article(if bodies {
        parsed
    } else {
        parsed.map(|mut a| {
            a.keep_only_markers();
            a
        })
    })
}

/// A directory's entries named `*.md` and `rounds.toml` (hidden ones skipped), sorted
/// by name, whatever they are: a FIFO, a directory or a dangling link named `*.md` is
/// listed too, so that reading it reports why it was skipped instead of passing over it
/// in silence. Nothing is stat'ed here; [`read_limited`] checks what each one is.
pub fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let entries = fs::read_dir(dir).map_err(|e| {
        CorpusError::at(&shown(dir), 1, 1, format!("cannot read the directory: {e}"))
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.as_encoded_bytes()).unwrap_or(b"");
            !name.starts_with(b".")
                && (name == TIMELINE_FILE.as_bytes() || p.extension().is_some_and(|x| x == "md"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads a regular file, refusing it unread if it is over [`MAX_ARTICLE_BYTES`] or is
/// anything but a regular file (a FIFO is refused at once, never waited on).
pub fn read_limited(path: &Path, shown: &str) -> Result<Vec<u8>, CorpusError> {
    read_stamped(path, shown).map(|(bytes, _)| bytes)
}

/// [`read_limited`], with the file's size and modification time as it was read.
pub fn read_stamped(path: &Path, shown: &str) -> Result<(Vec<u8>, Stamp), CorpusError> {
    safe_file::read_stamped(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        OpenError::TooLarge(len) => article::too_large(shown, len),
        OpenError::Io(e) => CorpusError::at(shown, 1, 1, format!("cannot read: {e}")),
        other => CorpusError::at(shown, 1, 1, format!("skipped: {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_puts_new_items_at_their_places_and_says_where_old_ones_went() {
        let mut items = vec![10, 20, 30, 40];
        let merged = Merged {
            added: vec![0, 3, 4, 7],
        };
        merge_at(&mut items, vec![5, 25, 27, 45], &merged);
        assert_eq!(items, vec![5, 10, 20, 25, 27, 30, 40, 45]);
        let moved: Vec<usize> = (0..4).map(|i| merged.moved(i)).collect();
        assert_eq!(moved, vec![1, 2, 5, 6]);
        assert_eq!(Merged::default().moved(3), 3);
    }
}
