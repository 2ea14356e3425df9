//! Times the comparison on a large corpus, without a terminal: `cargo run --release
//! --example compare_scale -- DIR`. Loads and aligns DIR, opens the reader at 80x24,
//! then times, each followed by its frame: `c` (the first comparison), `]` twice, a
//! resize to 120x40 and back, and `G`. Prints JSON; `bench/compare_scale.sh` runs it on
//! generated corpora.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use anyhow::{Result, bail};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use readout::corpus::{Corpus, Source};
use readout::tui::app::App;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        bail!("usage: compare_scale DIR");
    };
    let corpus = Corpus::load(&Source::Dir(dir.into()));
    let articles = corpus.articles.len();
    let mut app = common::app_with(corpus, 80, 24);
    let mut out = vec![format!("\"articles\": {articles}")];
    let mut step = |app: &mut App, name: &str, act: &dyn Fn(&mut App)| -> Result<()> {
        let start = Instant::now();
        act(app);
        let (w, h) = (app.area().width, app.area().height);
        let mut t = Terminal::new(TestBackend::new(w, h))?;
        t.draw(|f| f.render_widget(&*app, f.area()))?;
        out.push(format!(
            "\"{name}_ms\": {:.1}",
            start.elapsed().as_secs_f64() * 1e3
        ));
        Ok(())
    };
    step(&mut app, "c", &|a| common::press(a, "c"))?;
    step(&mut app, "next_event", &|a| common::press(a, "]"))?;
    step(&mut app, "next_event_again", &|a| common::press(a, "]"))?;
    step(&mut app, "resize_120x40", &|a| {
        a.resize(Rect::new(0, 0, 120, 40))
    })?;
    step(&mut app, "resize_80x24", &|a| {
        a.resize(Rect::new(0, 0, 80, 24))
    })?;
    step(&mut app, "end", &|a| common::press(a, "G"))?;
    println!("{{{}}}", out.join(", "));
    Ok(())
}
