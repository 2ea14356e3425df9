//! Measures what the reader does on a large directory, without a terminal: `cargo run
//! --release --example load_scale -- DIR`. It draws the first frame at 80x24 into the
//! reader's own backend (bytes thrown away), starts the background loader, and then, as
//! the event loop does, takes one loader event per turn, absorbs it and draws. It prints
//! the time until the whole list is in, the longest gap between two frames (the longest
//! a key would wait), and the peak memory of the process. `bench/load_scale.sh` runs it
//! on generated corpora of any size.

use std::path::PathBuf;
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
    let rx = loader::spawn(dir, || {});
    while let Ok(event) = rx.recv() {
        // Waiting for the loader is time the loop would spend reading keys: the gap a
        // key could wait starts when the event arrives.
        let busy = Instant::now();
        let finished = matches!(event, LoadEvent::Finished);
        app.absorb(event);
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        frames += 1;
        longest = longest.max(busy.elapsed());
        if finished {
            break;
        }
    }
    let whole = start.elapsed();
    println!(
        "{{\"articles\": {}, \"first_frame_ms\": {:.1}, \"whole_list_ms\": {:.0}, \
         \"longest_gap_ms\": {:.1}, \"frames\": {}, \"peak_rss_kib\": {}}}",
        app.corpus().articles.len(),
        first_frame.as_secs_f64() * 1e3,
        whole.as_secs_f64() * 1e3,
        longest.as_secs_f64() * 1e3,
        frames,
        peak_rss_kib().unwrap_or(0),
    );
    Ok(())
}

/// VmHWM from /proc/self/status: the peak resident set, in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
