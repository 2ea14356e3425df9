//! The corpus: every article (and the timeline) of a directory or of the bundled set,
//! loaded forgivingly — a bad file is reported and skipped, the rest still load.

pub mod article;
pub mod body;
pub mod error;

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Kind, MAX_ARTICLE_BYTES, Meta, parse_article};
pub use body::{Block, BlockKind, Marker};
pub use error::CorpusError;

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
            Source::Dir(p) => p.display().to_string(),
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
        let mut seen: HashMap<String, String> = HashMap::new();
        for (path, bytes) in files {
            let is_timeline = Path::new(&path)
                .file_name()
                .is_some_and(|n| n == TIMELINE_FILE);
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    corpus.problems.push(e);
                    if !is_timeline {
                        corpus.skipped += 1;
                    }
                    continue;
                }
            };
            if is_timeline {
                match timeline::parse_timeline(&path, &bytes) {
                    Ok(t) => corpus.timeline = Some(t),
                    Err(mut problems) => corpus.problems.append(&mut problems),
                }
                continue;
            }
            match parse_article(&path, &bytes) {
                Ok(article) => {
                    if let Some(first) = seen.get(&article.meta.id) {
                        corpus.problems.push(CorpusError::at(
                            &path,
                            article.id_line,
                            1,
                            format!(
                                "duplicate id {:?}: {first} already uses it; this file is skipped",
                                article.meta.id
                            ),
                        ));
                        corpus.skipped += 1;
                    } else {
                        seen.insert(article.meta.id.clone(), path.clone());
                        corpus.articles.push(article);
                    }
                }
                Err(e) => {
                    corpus.problems.push(e);
                    corpus.skipped += 1;
                }
            }
        }
        corpus.articles.sort_by(|a, b| {
            (a.meta.published, &a.meta.outlet, &a.meta.id).cmp(&(
                b.meta.published,
                &b.meta.outlet,
                &b.meta.id,
            ))
        });
        if let Some(timeline) = &corpus.timeline {
            let mut marker_problems = timeline.check_markers(&corpus.articles);
            corpus.problems.append(&mut marker_problems);
        }
        corpus
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

/// A file's name as shown, and its contents or why they could not be read.
type NamedFile = (String, Result<Vec<u8>, CorpusError>);

/// Lists a directory's `*.md` files and `rounds.toml`, sorted by name, each read with the
/// size limit applied before reading.
fn read_dir_files(dir: &Path) -> Result<Vec<NamedFile>, CorpusError> {
    let shown = dir.display().to_string();
    let entries = fs::read_dir(dir)
        .map_err(|e| CorpusError::at(&shown, 1, 1, format!("cannot read the directory: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.')
                && (name == TIMELINE_FILE || p.extension().is_some_and(|x| x == "md"))
                && p.is_file()
        })
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|p| {
            let shown = p.display().to_string();
            let bytes = read_limited(&p, &shown);
            (shown, bytes)
        })
        .collect())
}

fn read_limited(path: &Path, shown: &str) -> Result<Vec<u8>, CorpusError> {
    let file = fs::File::open(path)
        .map_err(|e| CorpusError::at(shown, 1, 1, format!("cannot open: {e}")))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_ARTICLE_BYTES {
        return Err(article::too_large(shown, len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CorpusError::at(shown, 1, 1, format!("cannot read: {e}")))?;
    Ok(bytes)
}
