//! Loading a large corpus in the background, in two passes so the list is whole as soon
//! as the files are read. First every file is read, parsed and hollowed
//! ([`Article::hollow`]: the reader keeps its front matter and passage lengths, and reads
//! the text back when it needs it) and the articles are reported in batches, which the
//! reader lists as they come. Then, if the directory has a timeline, each article is read
//! again (from the page cache, checked against what was listed) and aligned, and the
//! alignments are reported in batches too (without the aligner's reasons, which took
//! more memory than the rest). Aligning is most of the work, so listing first brings the
//! whole list in at about the cost of reading the files. Both passes run one worker per
//! core (against one compiled [`Aligner`]) and report in file order, so the outcome is
//! the same however many workers ran.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::store::{self, Loaded};
use super::{
    Article, CorpusError, is_timeline, list_dir, parse_article, read_limited, read_stamped, shown,
};
use crate::align::{Aligner, Mode, PassageAlignment};
use crate::safe_file::Stamp;
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

/// One file's outcome: its path and the article with its alignment, or the problem. The
/// loader lists articles before aligning them: their alignment is empty here and comes
/// later in [`LoadEvent::Aligned`].
pub type Parsed = (
    String,
    Result<(Article, Vec<PassageAlignment>), CorpusError>,
);

/// An article's alignment, by its file's place among the article files (counting from
/// 0, in the order [`LoadEvent::Batch`]es report them, files skipped included).
pub type AlignedFile = (usize, Vec<PassageAlignment>);

/// What the loader reports, in this order: the file count, the timeline, batches of
/// articles, `Listed`, batches of alignments, done.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many article files there are, or why the directory could not be read.
    Started(Result<usize, CorpusError>),
    /// The timeline (or its problems), if the directory has one.
    Timeline(Result<Timeline, Vec<CorpusError>>),
    /// Parsed articles, every file in file order (their alignments follow, if any).
    Batch(Vec<Parsed>),
    /// Every file has been reported: the list is whole. `aligning` articles are to be
    /// aligned next (none without a timeline).
    Listed {
        /// How many alignments [`LoadEvent::Aligned`] will bring.
        aligning: usize,
    },
    /// Alignments of articles listed before. An article whose file changed since it
    /// was listed comes with none.
    Aligned(Vec<AlignedFile>),
    /// Every file has been reported and aligned.
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

/// What the second pass needs of a listed article to read it again and know it is the
/// same: its file's place, its stamp, id and number of passages.
struct ToAlign {
    file: usize,
    stamp: Stamp,
    id: String,
    passages: usize,
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

    // First pass: list every file.
    let batches = split(&articles, &batch_sizes(articles.len()));
    let mut listed: Vec<ToAlign> = Vec::new();
    let mut first_file = 0;
    let whole = in_order(
        batches.len(),
        true,
        |i| list_batch(batches[i]),
        |batch| {
            if aligner.is_some() {
                listed.extend(batch.iter().enumerate().filter_map(|(k, (_, parsed))| {
                    let (article, _) = parsed.as_ref().ok()?;
                    Some(ToAlign {
                        file: first_file + k,
                        stamp: article.stored.as_ref()?.stamp,
                        id: article.meta.id.clone(),
                        passages: article.passage_count(),
                    })
                }));
            }
            first_file += batch.len();
            send(LoadEvent::Batch(batch))
        },
    );
    if !whole
        || !send(LoadEvent::Listed {
            aligning: listed.len(),
        })
    {
        return;
    }

    // Second pass: align what was listed.
    if let Some(aligner) = &aligner {
        let jobs = split(&listed, &batch_sizes(listed.len()));
        let aligned = in_order(
            jobs.len(),
            true,
            |i| align_batch(jobs[i], &articles, aligner),
            |batch| send(LoadEvent::Aligned(batch)),
        );
        if !aligned {
            return;
        }
    }
    // Nothing of the load left behind once it is done.
    drop(listed);
    send(LoadEvent::Finished);
}

/// `items` cut into consecutive pieces of `sizes`.
fn split<'a, T>(items: &'a [T], sizes: &[usize]) -> Vec<&'a [T]> {
    let mut pieces = Vec::with_capacity(sizes.len());
    let mut rest = items;
    for &n in sizes {
        let (piece, tail) = rest.split_at(n.min(rest.len()));
        pieces.push(piece);
        rest = tail;
    }
    pieces
}

/// Runs `work` on jobs `0..jobs`, one worker per core, and hands each result to `pass`
/// in job order (workers finish out of order). Stops, false, when `pass` says so. With
/// `yield_to_reader`, the workers give way to the reader's thread (a background load);
/// without, they compete as equals (a command that waits for them).
pub(crate) fn in_order<T: Send>(
    jobs: usize,
    yield_to_reader: bool,
    work: impl Fn(usize) -> T + Sync,
    mut pass: impl FnMut(T) -> bool,
) -> bool {
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (done_tx, done_rx) = mpsc::channel::<(usize, T)>();
    thread::scope(|scope| {
        for _ in 0..workers.min(jobs) {
            let done_tx = done_tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                if yield_to_reader {
                    yield_to_the_reader();
                }
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= jobs {
                        break;
                    }
                    if done_tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut want = 0;
        for (i, result) in done_rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&want) {
                if !pass(result) {
                    stop.store(true, Ordering::Relaxed);
                    return false;
                }
                want += 1;
            }
        }
        true
    })
}

/// How much less eagerly a worker is given a core than the reader's own thread.
#[cfg(target_os = "linux")]
const WORKER_NICE: i32 = 10;

/// Lowers the calling worker's priority, so that when a key or a batch is waiting the
/// event loop's thread gets a core at once instead of after a worker's time slice: the
/// workers use every core, and without this the longest gap between frames was mostly
/// that wait. Only on Linux, where the nice value is each thread's own; elsewhere it is
/// the whole process's, the reader's thread included.
fn yield_to_the_reader() {
    #[cfg(target_os = "linux")]
    {
        // Nothing is lost if it cannot be done: the load only competes as before.
        let _ = rustix::process::setpriority_process(None, WORKER_NICE);
    }
}

/// Reads and parses one batch of files, each slot keeping its file and problem; the
/// articles are hollowed at once, each with an empty alignment.
fn list_batch(paths: &[PathBuf]) -> Vec<Parsed> {
    paths
        .iter()
        .map(|p| {
            let shown = shown(p);
            let parsed = read_stamped(p, &shown).and_then(|(bytes, stamp)| {
                let mut article = parse_article(&shown, &bytes)?;
                article.hollow(p.clone(), stamp);
                Ok((article, Vec::new()))
            });
            (shown, parsed)
        })
        .collect()
}

/// Reads the listed articles of one batch again and aligns them, in pieces of the first
/// batch's size, each let go of its text before the next is read: a worker holds the
/// text of a few hundred articles at most. A file that is not what was listed gets no
/// alignment (the reader says it changed when it is opened).
fn align_batch(listed: &[ToAlign], paths: &[PathBuf], aligner: &Aligner) -> Vec<AlignedFile> {
    let mut out = Vec::with_capacity(listed.len());
    for piece in listed.chunks(BATCH) {
        let mut files = Vec::with_capacity(piece.len());
        let mut read = Vec::with_capacity(piece.len());
        for l in piece {
            let Some(file) = paths.get(l.file) else {
                continue;
            };
            let loaded = Loaded {
                file,
                stamp: l.stamp,
                id: &l.id,
                passages: l.passages,
            };
            match store::read_again(&shown(file), &loaded) {
                Ok(article) => {
                    files.push(l.file);
                    read.push(article);
                }
                Err(_) => out.push((l.file, Vec::new())),
            }
        }
        let aligned = aligner.align_each(&read, Mode::Curated);
        out.extend(files.into_iter().zip(aligned).map(|(file, mut passages)| {
            forget_reasons(&mut passages);
            (file, passages)
        }));
    }
    out
}

/// Lets go of the aligner's reasons (the cues, in words, behind each event), keeping
/// each passage's events, confidences and runner-up: the reasons were most of a loaded
/// alignment's memory, and are only shown when asked why, for one passage, which aligns
/// its article again.
pub fn forget_reasons(passages: &mut Vec<PassageAlignment>) {
    for pa in passages.iter_mut() {
        for m in &mut pa.events {
            m.cues = crate::align::Cues::new();
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
                cues: ["date: January 12", "place: Brussels"]
                    .into_iter()
                    .collect(),
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

    #[cfg(target_os = "linux")]
    #[test]
    fn a_worker_gives_way_to_the_reader_and_only_itself() {
        let before = rustix::process::getpriority_process(None).expect("own priority");
        let worker = thread::spawn(|| {
            yield_to_the_reader();
            rustix::process::getpriority_process(None).expect("worker's priority")
        })
        .join()
        .expect("worker");
        assert_eq!(worker, WORKER_NICE.max(before));
        assert_eq!(
            rustix::process::getpriority_process(None).expect("own priority"),
            before,
            "the calling thread keeps its priority"
        );
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
