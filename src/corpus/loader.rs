//! Loading a large corpus in the background: the timeline first, then the articles in
//! batches, each batch already aligned (alignment looks at one article at a time), so
//! the reader can show the list at once and fill it in as batches arrive. Batches are
//! read, parsed and aligned by one worker per core against one compiled [`Aligner`],
//! and reported in file order, so the outcome is the same however many workers ran.
//! Each article is hollowed once aligned ([`Article::hollow`]): the reader keeps its
//! front matter, passage lengths and alignment (without the aligner's reasons, which
//! took more memory than the rest of it), and reads the text back when it needs it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::{
    Article, CorpusError, is_timeline, list_dir, parse_article, read_limited, read_stamped, shown,
};
use crate::align::{Aligner, Mode, PassageAlignment};
use crate::timeline::{self, Timeline};

/// Articles in the first batch: few, so the first arrive within milliseconds. Batches
/// then double up to [`MAX_BATCH`], so a large corpus arrives in few batches, each
/// merged into the list at the cost of the list's length.
pub const BATCH: usize = 250;
/// The largest batch: small enough that merging one keeps a turn of the event loop short.
pub const MAX_BATCH: usize = 2_000;

/// The sizes of the batches `files` files are read in: [`BATCH`], doubling up to
/// [`MAX_BATCH`].
pub fn batch_sizes(files: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let (mut left, mut next) = (files, BATCH);
    while left > 0 {
        let n = next.min(left);
        sizes.push(n);
        left -= n;
        next = (next * 2).min(MAX_BATCH);
    }
    sizes
}

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
    // Compiled once for the whole load.
    let aligner = timeline.as_ref().map(Aligner::new);
    let mut batches: Vec<&[PathBuf]> = Vec::new();
    let mut rest = articles.as_slice();
    for n in batch_sizes(articles.len()) {
        let (batch, tail) = rest.split_at(n);
        batches.push(batch);
        rest = tail;
    }
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Parsed>)>();
    let finished = thread::scope(|scope| {
        for _ in 0..workers.min(batches.len()) {
            let done_tx = done_tx.clone();
            let (batches, next, stop, aligner) = (&batches, &next, &stop, aligner.as_ref());
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(paths) = batches.get(i) else { break };
                    // In pieces of the first batch's size, each let go of its text
                    // before the next is read: a worker holds the text of a few
                    // hundred articles at most, however large the batch.
                    let batch = paths
                        .chunks(BATCH)
                        .flat_map(|piece| load_batch(piece, aligner))
                        .collect();
                    if done_tx.send((i, batch)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Workers finish out of order; batches are passed on in file order, so the
        // first file with an id keeps it, as in a plain load.
        let mut waiting = BTreeMap::new();
        let mut want = 0;
        for (i, batch) in done_rx {
            waiting.insert(i, batch);
            while let Some(batch) = waiting.remove(&want) {
                if !send(LoadEvent::Batch(batch)) {
                    stop.store(true, Ordering::Relaxed);
                    return false;
                }
                want += 1;
            }
        }
        true
    });
    if finished {
        send(LoadEvent::Finished);
    }
}

/// Reads, parses and aligns one batch of files, each slot keeping its file and problem;
/// the articles are hollowed once aligned.
fn load_batch(paths: &[PathBuf], aligner: Option<&Aligner>) -> Vec<Parsed> {
    let mut ok: Vec<Article> = Vec::with_capacity(paths.len());
    let mut stamps = Vec::with_capacity(paths.len());
    let mut slots: Vec<(String, Option<CorpusError>)> = Vec::with_capacity(paths.len());
    for p in paths {
        let shown = shown(p);
        match read_stamped(p, &shown)
            .and_then(|(b, stamp)| parse_article(&shown, &b).map(|a| (a, stamp)))
        {
            Ok((a, stamp)) => {
                ok.push(a);
                stamps.push((p, stamp));
                slots.push((shown, None));
            }
            Err(e) => slots.push((shown, Some(e))),
        }
    }
    let aligned = match aligner {
        Some(aligner) => aligner.align_each(&ok, Mode::Curated).into_iter(),
        None => Vec::new().into_iter(),
    };
    for (a, (p, stamp)) in ok.iter_mut().zip(stamps) {
        a.hollow(p.clone(), stamp);
    }
    let mut aligned = aligned.map(|mut passages| {
        forget_reasons(&mut passages);
        passages
    });
    let mut ok = ok.into_iter();
    slots
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
        .collect()
}

/// Lets go of the aligner's reasons (the cues, in words, behind each event), keeping
/// each passage's events, confidences and runner-up: the reasons were most of a loaded
/// alignment's memory, and are only shown when asked why, for one passage, which aligns
/// its article again.
pub fn forget_reasons(passages: &mut Vec<PassageAlignment>) {
    for pa in passages.iter_mut() {
        for m in &mut pa.events {
            m.cues = Vec::new();
        }
        pa.events.shrink_to_fit();
    }
    passages.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reasons_go_and_the_events_stay() {
        use crate::align::EventMatch;
        let kept = PassageAlignment {
            events: vec![EventMatch {
                event: 2,
                cues: vec![
                    "date: January 12".to_string(),
                    "place: Brussels".to_string(),
                ],
                confidence: 87,
            }],
            by_hand: false,
            runner_up: Some((1, 12)),
        };
        let mut passages = vec![kept.clone(), PassageAlignment::default()];
        forget_reasons(&mut passages);
        assert!(passages[0].events[0].cues.is_empty());
        assert_eq!(
            (
                passages[0].events[0].event,
                passages[0].events[0].confidence
            ),
            (2, 87)
        );
        assert_eq!(passages[0].runner_up, kept.runner_up);
        assert_eq!(passages[1], PassageAlignment::default());
    }

    #[test]
    fn batches_start_small_then_double_up_to_the_largest() {
        assert_eq!(batch_sizes(0), Vec::<usize>::new());
        assert_eq!(batch_sizes(100), vec![100]);
        assert_eq!(batch_sizes(1_000), vec![250, 500, 250]);
        let big = batch_sizes(10_000);
        assert_eq!(&big[..5], &[250, 500, 1_000, 2_000, 2_000]);
        assert_eq!(big.iter().sum::<usize>(), 10_000);
        assert!(big.iter().all(|&n| n <= MAX_BATCH));
    }
}
