//! Measures what the reader does on a large directory, without a terminal: `cargo run
//! --release --example load_scale -- DIR`. It draws the first frame at 80x24 into the
//! reader's own backend (bytes thrown away), starts the background loader, and then, as
//! the event loop does, takes one loader event per turn, absorbs it and draws. It prints
//! the time until the whole list is in (every file read, before aligning), until every
//! article is aligned, the longest gap between two frames (the longest a key would
//! wait), the peak memory of the process and its memory once loaded, and the
//! bytes the program itself had allocated at most and at the end (what the allocator
//! keeps on top is the difference). `bench/load_scale.sh` runs it on generated corpora
//! of any size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use ratatui::Terminal;
use ratatui::layout::{Rect, Size};
use readout::align::Alignment;
use readout::corpus::Corpus;
use readout::corpus::loader::{self, LoadEvent};
use readout::state::ReadingState;
use readout::tui::app::App;
use readout::tui::backend::LeanBackend;
use readout::tui::theme::Theme;

/// The system allocator, counting the bytes live now and at most, to tell what the
/// reader holds from what the allocator keeps.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        bail!("usage: load_scale DIR");
    };
    let dir = PathBuf::from(dir);
    let start = Instant::now();
    let area = Rect::new(0, 0, 80, 24);
    let mut app = App::new(
        Corpus::default(),
        Alignment::default(),
        ReadingState::default(),
        Theme::from_env(false),
        area,
        dir.display().to_string(),
    );
    app.start_loading();
    let mut terminal = Terminal::new(LeanBackend::with_size(
        std::io::sink(),
        Size::new(area.width, area.height),
    ))
    .context("an in-memory terminal")?;
    terminal.draw(|f| f.render_widget(&app, f.area()))?;
    let first_frame = start.elapsed();
    let mut longest = Duration::ZERO;
    let mut frames = 0usize;
    let mut listed = None;
    let rx = loader::spawn(dir, || {});
    while let Ok(event) = rx.recv() {
        // Waiting for the loader is time the loop would spend reading keys: the gap a
        // key could wait starts when the event arrives.
        let busy = Instant::now();
        let finished = matches!(event, LoadEvent::Finished);
        let whole_list = matches!(event, LoadEvent::Listed { .. });
        app.absorb(event);
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        frames += 1;
        longest = longest.max(busy.elapsed());
        if whole_list {
            listed = Some(start.elapsed());
        }
        if finished {
            break;
        }
    }
    let aligned = start.elapsed();
    let whole = listed.unwrap_or(aligned);

    println!(
        "{{\"articles\": {}, \"first_frame_ms\": {:.1}, \"whole_list_ms\": {:.0}, \
         \"aligned_ms\": {:.0}, \"longest_gap_ms\": {:.1}, \"frames\": {}, \"peak_rss_kib\": {}, \"rss_kib\": {}, \"peak_heap_kib\": {}, \"heap_kib\": {}}}",
        app.corpus().articles.len(),
        first_frame.as_secs_f64() * 1e3,
        whole.as_secs_f64() * 1e3,
        aligned.as_secs_f64() * 1e3,
        longest.as_secs_f64() * 1e3,
        frames,
        status_kib("VmHWM:").unwrap_or(0),
        status_kib("VmRSS:").unwrap_or(0),
        PEAK.load(Ordering::Relaxed) / 1024,
        LIVE.load(Ordering::Relaxed) / 1024,
    );
    Ok(())
}

/// A figure from /proc/self/status, in KiB: `VmHWM:` the peak resident set, `VmRSS:`
/// the resident set now (once the whole list is in).
fn status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
