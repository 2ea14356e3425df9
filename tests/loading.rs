//! Background loading ends where a plain load ends: same articles in the same order,
//! same alignment, same problems; and the selection never jumps while batches arrive.

mod common;

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use readout::align::{Mode, align};
use readout::corpus::loader::{self, LoadEvent};
use readout::corpus::{Corpus, Source};

fn drain(rx: &Receiver<LoadEvent>, app: &mut readout::tui::app::App) {
    loop {
        match rx
            .recv_timeout(Duration::from_secs(30))
            .expect("loader reports")
        {
            LoadEvent::Finished => {
                app.absorb(LoadEvent::Finished);
                return;
            }
            ev => app.absorb(ev),
        }
    }
}

fn streamed(dir: PathBuf) -> readout::tui::app::App {
    let mut app = common::app_with(Corpus::default(), 80, 24);
    let rx = loader::spawn(dir, || {});
    drain(&rx, &mut app);
    app
}

#[test]
fn streaming_matches_a_plain_load() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let app = streamed(dir.clone());
    let plain = Corpus::load(&Source::Dir(dir));
    let ids = |c: &Corpus| {
        c.articles
            .iter()
            .map(|a| a.meta.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(app.corpus()), ids(&plain));
    assert_eq!(app.corpus().timeline, plain.timeline);
    let timeline = plain.timeline.as_ref().expect("fixture has a timeline");
    assert_eq!(
        *app.alignment(),
        align(&plain.articles, timeline, Mode::Curated)
    );
    assert_eq!(app.loading(), None);
    assert_eq!(app.outlets().len(), 3);
}

#[test]
fn many_batches_keep_the_selection_and_report_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/kyiv.md"),
    )
    .expect("fixture");
    // Newest files first on disk, so later batches sort in before the earlier ones.
    let n = loader::BATCH * 3 + 7;
    for i in 0..n {
        let day = 1 + (n - i) % 28;
        let text = template
            .replace("id = \"kyiv\"", &format!("id = \"k{i}\""))
            .replace("2022-01-13", &format!("2022-01-{day:02}"));
        std::fs::write(dir.path().join(format!("{i:05}.md")), text).expect("write");
    }
    std::fs::write(dir.path().join("broken.md"), "no front matter").expect("write");
    let mut app = common::app_with(Corpus::default(), 80, 24);
    let rx = loader::spawn(dir.path().to_path_buf(), || {});
    // Select something from the first batch, then let the rest arrive.
    let mut chosen = None;
    loop {
        match rx.recv_timeout(Duration::from_secs(30)).expect("reports") {
            LoadEvent::Finished => break,
            ev => {
                let first_batch = matches!(ev, LoadEvent::Batch(_)) && chosen.is_none();
                app.absorb(ev);
                if first_batch {
                    common::press(&mut app, "j j j");
                    chosen = Some(
                        app.corpus().articles[app.browse().selected()]
                            .meta
                            .id
                            .clone(),
                    );
                }
                if let Some(id) = &chosen {
                    assert_eq!(
                        &app.corpus().articles[app.browse().selected()].meta.id,
                        id,
                        "selection moved"
                    );
                }
            }
        }
    }
    assert_eq!(app.corpus().articles.len(), n);
    assert_eq!(app.corpus().skipped, 1);
    assert!(
        app.corpus().problems[0]
            .to_string()
            .contains("broken.md:1:1")
    );
    let dates: Vec<_> = app
        .corpus()
        .articles
        .iter()
        .map(|a| a.meta.published)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
}
