//! Loading a large corpus in the background: the timeline first, then the articles in
//! batches, each batch already aligned (alignment looks at one article at a time), so
//! the reader can show the list at once and fill it in as batches arrive.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::{Article, CorpusError, is_timeline, list_dir, parse_article, read_limited, shown};
use crate::align::{self, Mode, PassageAlignment};
use crate::timeline::{self, Timeline};

/// Articles per batch: small enough that the first arrive within milliseconds, large
/// enough that absorbing them (a sort of the list) stays rare.
pub const BATCH: usize = 250;

/// One file's outcome: its path and the article with its alignment, or the problem.
pub type Parsed = (
    String,
    Result<(Article, Vec<PassageAlignment>), CorpusError>,
);

/// What the loader reports, in this order: the file count, the timeline, batches, done.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many article files there are, or why the directory could not be read.
    Started(Result<usize, CorpusError>),
    /// The timeline (or its problems), if the directory has one.
    Timeline(Result<Timeline, Vec<CorpusError>>),
    /// Parsed and aligned articles.
    Batch(Vec<Parsed>),
    /// Every file has been reported.
    Finished,
}

/// Starts loading `dir` in a background thread. `wake` is called after each event is
/// sent, so a waiting event loop notices at once.
pub fn spawn(dir: PathBuf, wake: impl Fn() + Send + 'static) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("readout-loader".into())
        .spawn(move || run(&dir, &tx, &wake))
        .map_err(|e| {
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "readout: cannot start the loader: {e}");
        })
        .ok();
    rx
}

fn run(dir: &Path, tx: &Sender<LoadEvent>, wake: &dyn Fn()) {
    let send = |event: LoadEvent| {
        let sent = tx.send(event).is_ok();
        wake();
        sent
    };
    let paths = match list_dir(dir) {
        Ok(p) => p,
        Err(e) => {
            send(LoadEvent::Started(Err(e)));
            send(LoadEvent::Finished);
            return;
        }
    };
    let (timelines, articles): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| is_timeline(&shown(p)));
    if !send(LoadEvent::Started(Ok(articles.len()))) {
        return;
    }
    let mut timeline = None;
    for p in timelines {
        let shown = shown(&p);
        let parsed = read_limited(&p, &shown)
            .map_err(|e| vec![e])
            .and_then(|b| timeline::parse_timeline(&shown, &b));
        timeline = parsed.as_ref().ok().cloned();
        if !send(LoadEvent::Timeline(parsed)) {
            return;
        }
    }
    for chunk in articles.chunks(BATCH) {
        // Articles go to the aligner together; each slot remembers its file and problem.
        let mut ok: Vec<Article> = Vec::with_capacity(chunk.len());
        let mut slots: Vec<(String, Option<CorpusError>)> = Vec::with_capacity(chunk.len());
        for p in chunk {
            let shown = shown(p);
            match read_limited(p, &shown).and_then(|b| parse_article(&shown, &b)) {
                Ok(a) => {
                    ok.push(a);
                    slots.push((shown, None));
                }
                Err(e) => slots.push((shown, Some(e))),
            }
        }
        let mut aligned = match &timeline {
            Some(t) => align::align(&ok, t, Mode::Curated).articles.into_iter(),
            None => Vec::new().into_iter(),
        };
        let mut ok = ok.into_iter();
        let batch: Vec<Parsed> = slots
            .into_iter()
            .filter_map(|(path, problem)| match problem {
                Some(e) => Some((path, Err(e))),
                None => ok.next().map(|a| {
                    let pa = aligned
                        .next()
                        .unwrap_or_else(|| vec![PassageAlignment::default(); a.passage_count()]);
                    (path, Ok((a, pa)))
                }),
            })
            .collect();
        if !send(LoadEvent::Batch(batch)) {
            return;
        }
    }
    send(LoadEvent::Finished);
}
