//! The corpus: every article (and the timeline) of a directory or of the bundled set,
//! loaded forgivingly — a bad file is reported and skipped, the rest still load.

pub mod article;
pub mod body;
pub mod error;
pub mod loader;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use article::{Article, Kind, MAX_ARTICLE_BYTES, Meta, parse_article};
pub use body::{Block, BlockKind, Marker};
pub use error::CorpusError;

use crate::safe_file::{self, OpenError};
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
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`.
pub fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
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
            Source::Dir(dir) => match read_dir_files(dir) {
                Ok(files) => Self::from_files(files),
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
            if is_timeline(&path) {
                corpus.set_timeline(
                    bytes
                        .map_err(|e| vec![e])
                        .and_then(|b| timeline::parse_timeline(&path, &b)),
                );
            } else {
                corpus.absorb(&path, bytes.and_then(|b| parse_article(&path, &b)));
            }
        }
        corpus.finish();
        corpus
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
                    false
                } else {
                    self.seen.insert(article.meta.id.clone(), path.to_string());
                    self.articles.push(article);
                    true
                }
            }
            Err(e) => {
                self.problems.push(e);
                self.skipped += 1;
                false
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
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.articles[a].meta, &self.articles[b].meta);
            (a.published, &a.outlet, &a.id).cmp(&(b.published, &b.outlet, &b.id))
        });
        order
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

/// A file's name as shown, and its contents or why they could not be read.
type NamedFile = (String, Result<Vec<u8>, CorpusError>);

/// A path as shown to the user: every byte of it visible and no two paths alike, so a
/// hostile name can neither drive the terminal nor pass for another file (see
/// [`escape_name`]).
pub fn shown(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    escape_name(path.as_os_str().as_bytes())
}

/// Lists a directory's `*.md` files and `rounds.toml`, sorted by name, each read with the
/// size limit applied before reading.
fn read_dir_files(dir: &Path) -> Result<Vec<NamedFile>, CorpusError> {
    Ok(list_dir(dir)?
        .into_iter()
        .map(|p| {
            let shown = shown(&p);
            let bytes = read_limited(&p, &shown);
            (shown, bytes)
        })
        .collect())
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
    safe_file::read_regular(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        OpenError::TooLarge(len) => article::too_large(shown, len),
        OpenError::Io(e) => CorpusError::at(shown, 1, 1, format!("cannot read: {e}")),
        other => CorpusError::at(shown, 1, 1, format!("skipped: {other}")),
    })
}
