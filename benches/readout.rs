//! Benchmarks (divan) of the parts a reader waits for: loading a corpus, aligning it,
//! laying an article out, drawing each screen, and a keypress followed by its frame —
//! the budget for the last is 2 ms at 80x24.
//!
//! `cargo bench --bench readout` runs them all; `cargo bench --bench readout -- keypress`
//! a group. The generated corpora (1,000 and 10,000 articles, made by
//! `bench/corpus_gen.rs`, as `examples/gen_corpus.rs` makes them) are written once into
//! a temporary directory and removed at the end. `bench/run.sh` measures the whole
//! program in a pseudo-terminal, beside `less` and `newsboat`.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../bench/corpus_gen.rs"]
mod corpus_gen;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Rect, Size};
use readout::align::{Mode, align};
use readout::corpus::{Corpus, Source};
use readout::text::wrap::{Glyphs, Layout};
use readout::tui::app::App;
use readout::tui::backend::LeanBackend;

fn main() {
    divan::main();
    if let Some(generated) = GENERATED.get() {
        // Statics are never dropped: remove the corpora by hand.
        let _ = std::fs::remove_dir_all(generated.root.path());
    }
}

// ----- corpora -----

/// Which corpus a benchmark runs on.
#[derive(Debug, Clone, Copy)]
enum Which {
    /// The five bundled accounts.
    Bundled,
    /// 1,000 generated articles.
    K1,
    /// 10,000 generated articles.
    K10,
}

impl fmt::Display for Which {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Which::Bundled => "bundled",
            Which::K1 => "1k",
            Which::K10 => "10k",
        })
    }
}

const GENERATED_SIZES: [Which; 2] = [Which::K1, Which::K10];
const ALL_SIZES: [Which; 3] = [Which::Bundled, Which::K1, Which::K10];

struct Generated {
    root: tempfile::TempDir,
    k1: PathBuf,
    k10: PathBuf,
}

static GENERATED: OnceLock<Generated> = OnceLock::new();

/// The generated corpora, written on first use.
fn generated() -> &'static Generated {
    GENERATED.get_or_init(|| {
        let root = tempfile::Builder::new()
            .prefix("readout-bench-")
            .tempdir()
            .expect("a temporary directory");
        let generator =
            corpus_gen::Generator::from_dir(&corpus_gen::bundled_dir(), corpus_gen::SEED)
                .expect("the bundled articles are readable");
        let k1 = root.path().join("1k");
        let k10 = root.path().join("10k");
        corpus_gen::write_corpus(&generator, 1_000, &k1).expect("writes 1k");
        corpus_gen::write_corpus(&generator, 10_000, &k10).expect("writes 10k");
        Generated { root, k1, k10 }
    })
}

fn source(which: Which) -> Source {
    match which {
        Which::Bundled => Source::Bundled,
        Which::K1 => Source::Dir(generated().k1.clone()),
        Which::K10 => Source::Dir(generated().k10.clone()),
    }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare")
}

// ----- loading and alignment -----

mod load {
    use super::*;

    /// Parsing the articles compiled into the binary.
    #[divan::bench]
    fn bundled() -> Corpus {
        Corpus::load(&Source::Bundled)
    }

    /// Reading and parsing a directory (page cache warm after the first sample).
    #[divan::bench(args = GENERATED_SIZES, sample_count = 10, sample_size = 1)]
    fn generated(bencher: Bencher, which: Which) {
        let source = source(which);
        bencher.bench(|| Corpus::load(&source));
    }
}

mod alignment {
    use super::*;

    /// `align` in curated mode over a whole corpus, as the reader runs it at start-up.
    #[divan::bench(args = ALL_SIZES, sample_count = 20)]
    fn curated(bencher: Bencher, which: Which) {
        let corpus = Corpus::load(&source(which));
        // A corpus whose rounds.toml does not load aligns against no events.
        let timeline = corpus.timeline.clone().unwrap_or_default();
        bencher.bench(|| align(&corpus.articles, &timeline, Mode::Curated));
    }

    /// `align` over no articles: what it costs to prepare the timeline (cue matchers,
    /// lexicon), paid once per call whatever the corpus.
    #[divan::bench]
    fn timeline_only(bencher: Bencher) {
        let corpus = Corpus::load(&Source::Bundled);
        let timeline = corpus.timeline.clone().unwrap_or_default();
        bencher.bench(|| align(&[], &timeline, Mode::Curated));
    }
}

// ----- the comparison grid -----

mod compare_grid {
    use super::*;
    use readout::compare::{Grid, columns_for_width};

    /// The whole grid at 80 columns, as `readout compare` and a small corpus build it:
    /// every passage of the shown outlets, event by event, wrapped and with shared terms
    /// found.
    #[divan::bench(args = ALL_SIZES, sample_count = 10, sample_size = 1)]
    fn build_80_columns(bencher: Bencher, which: Which) {
        let corpus = Corpus::load(&source(which));
        let timeline = corpus.timeline.clone().unwrap_or_default();
        let alignment = align(&corpus.articles, &timeline, Mode::Curated);
        let outlets = corpus.outlets();
        let shown: Vec<&str> = outlets
            .iter()
            .copied()
            .take(columns_for_width(80))
            .collect();
        bencher.bench(|| Grid::new(&corpus, &timeline, &alignment, &shown, 80));
    }

    /// What `c` (and a resize, at the new width) lays out now: the grid with no row
    /// laid out, then the first screen of its first row — about twenty lines, however
    /// large the corpus.
    #[divan::bench(args = ALL_SIZES, sample_count = 10, sample_size = 1)]
    fn first_screen_80x24(bencher: Bencher, which: Which) {
        let corpus = Corpus::load(&source(which));
        let timeline = corpus.timeline.clone().unwrap_or_default();
        let alignment = align(&corpus.articles, &timeline, Mode::Curated);
        let outlets = corpus.outlets();
        let shown: Vec<&str> = outlets
            .iter()
            .copied()
            .take(columns_for_width(80))
            .collect();
        bencher.bench(|| {
            let mut grid = Grid::lazy(&corpus, &timeline, &alignment, &shown, 80);
            grid.lay_out_lines(&corpus, 0, 20);
            grid
        });
    }
}

// ----- wrapping -----

mod wrap {
    use super::*;

    fn bundled_ids() -> Vec<String> {
        Corpus::load(&Source::Bundled)
            .articles
            .iter()
            .map(|a| a.meta.id.clone())
            .collect()
    }

    /// One article laid out at the reading measure (76) and at a wide window (200).
    #[divan::bench(consts = [76, 200], args = bundled_ids())]
    fn layout<const WIDTH: usize>(bencher: Bencher, id: &str) {
        let corpus = Corpus::load(&Source::Bundled);
        let article = corpus.article(id).expect("a bundled id");
        bencher.bench(|| Layout::new(article, WIDTH, Glyphs::UNICODE));
    }

    /// A resize of the reader between 80x24 and 200x60: the open article is laid out
    /// again at the new measure, keeping the paragraph in place.
    #[divan::bench]
    fn relayout_on_resize(bencher: Bencher) {
        let mut app = common::app(80, 24);
        common::press(&mut app, "j j <Enter> <Space>");
        let sizes = [Rect::new(0, 0, 200, 60), Rect::new(0, 0, 80, 24)];
        let mut n = 0usize;
        bencher.bench_local(|| {
            app.resize(sizes[n % 2]);
            n += 1;
        });
    }
}

// ----- drawing -----

/// A screen at a size: how to get there from a fresh app.
#[derive(Debug, Clone, Copy)]
struct Case {
    name: &'static str,
    keys: &'static str,
    /// On the compare fixture (placed by markers) rather than the bundled corpus, so the
    /// grid has passages whatever the aligner does.
    fixture: bool,
    w: u16,
    h: u16,
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}x{}", self.name, self.w, self.h)
    }
}

const SCREENS: [(&str, &str, bool); 7] = [
    ("browse", "j j <Enter>", false),
    ("reader-zoomed", "j j j <Enter> z <Space> <Space>", false),
    ("help", "<Enter> ?", false),
    ("search", "j j j <Enter> /patience <Enter>", false),
    ("compare", "j j <Enter> c", false),
    ("compare-fixture", "<Enter> c", true),
    ("coverage", "o j l", true),
];

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (w, h) in [(80, 24), (200, 60)] {
        for (name, keys, fixture) in SCREENS {
            out.push(Case {
                name,
                keys,
                fixture,
                w,
                h,
            });
        }
    }
    out
}

fn app_for(case: &Case) -> App {
    let mut app = if case.fixture {
        common::app_with(Corpus::load(&Source::Dir(fixture_dir())), case.w, case.h)
    } else {
        common::app(case.w, case.h)
    };
    common::press(&mut app, case.keys);
    app
}

fn test_terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("a test backend")
}

/// A terminal on the reader's own backend (`LeanBackend`: scroll regions, bridged gaps,
/// short styles), encoding frames as the real one does and throwing the bytes away: the
/// cost of encoding without the cost of a terminal.
fn lean_terminal(w: u16, h: u16) -> Terminal<LeanBackend<std::io::Sink>> {
    Terminal::new(LeanBackend::with_size(std::io::sink(), Size::new(w, h)))
        .expect("an in-memory terminal")
}

mod render {
    use super::*;

    /// One whole frame of a screen drawn into a fresh `TestBackend` (nothing to diff
    /// against, like the first frame or a full repaint).
    #[divan::bench(args = cases())]
    fn full_frame(bencher: Bencher, case: &Case) {
        let app = app_for(case);
        bencher
            .with_inputs(|| test_terminal(case.w, case.h))
            .bench_local_values(|mut t| {
                t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
                t
            });
    }

    /// Only the widgets' rendering into a buffer: the part of a frame that is ours.
    #[divan::bench(args = cases())]
    fn widgets_only(bencher: Bencher, case: &Case) {
        use ratatui::buffer::Buffer;
        use ratatui::widgets::Widget;
        let app = app_for(case);
        let area = Rect::new(0, 0, case.w, case.h);
        bencher
            .with_inputs(|| Buffer::empty(area))
            .bench_local_values(|mut buf| {
                (&app).render(area, &mut buf);
                buf
            });
    }
}

// ----- a keypress and its frame -----

/// Keys pressed alternately, so every press changes the screen (a `j` at the end of an
/// article would not).
#[derive(Debug, Clone, Copy)]
struct Press {
    name: &'static str,
    setup: &'static str,
    keys: [&'static str; 2],
    which: Which,
}

impl fmt::Display for Press {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.which)
    }
}

const PRESSES: [Press; 7] = [
    Press {
        name: "j/k in the reader",
        setup: "j j <Enter> <Space>",
        keys: ["j", "k"],
        which: Which::Bundled,
    },
    Press {
        name: "j/k in the reader, zoomed",
        setup: "j j <Enter> z <Space>",
        keys: ["j", "k"],
        which: Which::Bundled,
    },
    Press {
        name: "Space/b in the reader",
        setup: "j j <Enter>",
        keys: ["<Space>", "b"],
        which: Which::Bundled,
    },
    Press {
        name: "c/Esc compare and back",
        setup: "j j <Enter>",
        keys: ["c", "<Esc>"],
        which: Which::Bundled,
    },
    Press {
        name: "j/k in the list",
        setup: "j j",
        keys: ["j", "k"],
        which: Which::Bundled,
    },
    Press {
        name: "j/k in the list",
        setup: "j j",
        keys: ["j", "k"],
        which: Which::K10,
    },
    Press {
        name: "j/k in the reader",
        setup: "j j <Enter> <Space>",
        keys: ["j", "k"],
        which: Which::K10,
    },
];

fn press_app(p: &Press, w: u16, h: u16) -> App {
    let mut app = match p.which {
        Which::Bundled => common::app(w, h),
        which => common::app_with(Corpus::load(&source(which)), w, h),
    };
    common::press(&mut app, p.setup);
    app
}

mod keypress {
    use super::*;

    /// The key through the key map and `App::update`, then the frame drawn into a
    /// `TestBackend` that keeps the previous frame, as the event loop's terminal does.
    #[divan::bench(args = PRESSES)]
    fn then_draw_80x24(bencher: Bencher, p: &Press) {
        let mut app = press_app(p, 80, 24);
        let mut t = test_terminal(80, 24);
        t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
        let mut n = 0usize;
        bencher.bench_local(|| {
            common::press(&mut app, p.keys[n % 2]);
            n += 1;
            t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
        });
    }

    /// The same, drawn through the reader's own backend: the escape sequences the real
    /// terminal would receive are encoded too (and discarded).
    #[divan::bench(args = PRESSES)]
    fn then_draw_lean_backend_80x24(bencher: Bencher, p: &Press) {
        let mut app = press_app(p, 80, 24);
        let mut t = lean_terminal(80, 24);
        t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
        let mut n = 0usize;
        bencher.bench_local(|| {
            common::press(&mut app, p.keys[n % 2]);
            n += 1;
            t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
        });
    }

    /// Only the key through the key map and `App::update`, without drawing.
    #[divan::bench(args = PRESSES)]
    fn update_only(bencher: Bencher, p: &Press) {
        let mut app = press_app(p, 80, 24);
        let mut n = 0usize;
        bencher.bench_local(|| {
            common::press(&mut app, p.keys[n % 2]);
            n += 1;
        });
    }
}

// ----- start-up, in process -----

mod startup {
    use super::*;
    use readout::corpus::loader::{self, LoadEvent};

    /// The whole corpus at once, as the plain commands and the bundled corpus do: load,
    /// align, build the app, draw at 80x24.
    #[divan::bench(args = ALL_SIZES, sample_count = 10, sample_size = 1)]
    fn load_align_draw_80x24(bencher: Bencher, which: Which) {
        let source = source(which);
        bencher.bench(|| {
            let corpus = Corpus::load(&source);
            let mut app = common::app_with(corpus, 80, 24);
            app.set_source(source.describe());
            let mut t = lean_terminal(80, 24);
            t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
            // Returned, so freeing them is not timed: the reader keeps them too.
            (app, t)
        });
    }

    /// What the reader does on a directory: draw at once, then absorb the background
    /// loader's batches, drawing after each, until the whole corpus is listed.
    #[divan::bench(args = GENERATED_SIZES, sample_count = 5, sample_size = 1)]
    fn background_load_80x24(bencher: Bencher, which: Which) {
        let Source::Dir(dir) = source(which) else {
            panic!("generated corpora are directories");
        };
        bencher.bench(|| {
            let mut app = common::app_with(Corpus::default(), 80, 24);
            app.start_loading();
            let mut t = lean_terminal(80, 24);
            t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
            for event in loader::spawn(dir.clone(), || {}) {
                let finished = matches!(event, LoadEvent::Finished);
                app.absorb(event);
                t.draw(|f| f.render_widget(&app, f.area())).expect("draws");
                if finished {
                    break;
                }
            }
            (app, t)
        });
    }
}
