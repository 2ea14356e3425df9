//! Background loading ends where a plain load ends: same articles in the same order,
//! same alignment, same problems; and the selection never jumps while batches arrive.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use readout::align::{Mode, align};
use readout::corpus::loader::{self, LoadEvent};
use readout::corpus::{Corpus, Source};

fn streamed(dir: PathBuf) -> readout::tui::app::App {
    let mut app = common::app_with(Corpus::default(), 80, 24);
    let rx = loader::spawn(dir, || {});
    common::drain(&rx, &mut app);
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
    // The same alignment, kept without the aligner's reasons ("why" aligns again).
    let mut expected = align(&plain.articles, timeline, Mode::Curated);
    expected
        .articles
        .iter_mut()
        .for_each(loader::forget_reasons);
    assert_eq!(*app.alignment(), expected);
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

/// `n` article files in file order, recombined from the fixtures with many outlets and
/// dates, so later files sort in before, between and after earlier ones, and an outlet
/// first seen late can come first by date; one duplicate id and one broken file.
fn varied_files(n: usize) -> Vec<(String, Vec<u8>)> {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let templates: Vec<(String, String, String)> = ["kyiv", "riga", "beijing"]
        .iter()
        .map(|name| {
            let text =
                std::fs::read_to_string(fixtures.join(format!("{name}.md"))).expect("fixture");
            let field = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(&format!("{key} = ")))
                    .expect("front matter field")
                    .to_string()
            };
            let (outlet, published) = (field("outlet"), field("published"));
            (text, outlet, published)
        })
        .collect();
    // Not in alphabetical order, each from a later first date, so the order of first
    // appearance is the outlets' own.
    let outlets = [
        "Zulu",
        "Bravo Daily",
        "Yankee",
        "Delta News",
        "Echo",
        "Alpha Late",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut files = Vec::new();
    for i in 0..n {
        let (text, outlet, published) = &templates[next(3) as usize];
        // Outlets appear in file order later than by date: the last outlet only from
        // the middle of the files on, on the earliest dates.
        let (name, day) = if i > n / 2 && next(4) == 0 {
            (outlets[5], 1 + next(3))
        } else {
            let k = next(5);
            (outlets[k as usize], 4 + k * 4 + next(24 - k * 4))
        };
        let body = text
            .replacen(
                &format!("outlet = {outlet}"),
                &format!("outlet = \"{name}\""),
                1,
            )
            .replacen(
                &format!("published = {published}"),
                &format!("published = 2022-01-{day:02}"),
                1,
            )
            .replacen("id = \"", &format!("id = \"a{i:04}-"), 1);
        files.push((format!("dir/{i:04}.md"), body.into_bytes()));
    }
    // The first file's id again: skipped, as in a plain load.
    let dup = files[0].1.clone();
    files.insert(n / 3, ("dir/dup.md".to_string(), dup));
    files.insert(
        n / 4,
        ("dir/broken.md".to_string(), b"no front matter".to_vec()),
    );
    files
}

/// What the reader shows that a merge could get wrong: the ids in list order, the
/// alignment, the outlets, every coverage count, the problems.
fn listed(app: &readout::tui::app::App) -> (Vec<String>, String, Vec<String>, Vec<usize>, usize) {
    let s = app.session();
    let ids = s
        .corpus()
        .articles
        .iter()
        .map(|a| a.meta.id.clone())
        .collect();
    let counts = (0..s.events())
        .flat_map(|e| (0..s.outlets().len()).map(move |o| (e, o)))
        .map(|(e, o)| s.count(e, o))
        .collect();
    (
        ids,
        format!("{:?}", s.alignment()),
        s.outlets().to_vec(),
        counts,
        s.corpus().skipped,
    )
}

/// The same, computed from scratch by the plain commands' code: a whole load, sorted,
/// aligned at once, outlets and coverage counted over the whole corpus.
fn recomputed(
    files: Vec<(String, Result<Vec<u8>, readout::corpus::CorpusError>)>,
) -> (Vec<String>, String, Vec<String>, Vec<usize>, usize) {
    let corpus = Corpus::from_files(files);
    let timeline = corpus.timeline.as_ref().expect("a timeline");
    let alignment = align(&corpus.articles, timeline, Mode::Curated);
    let outlets: Vec<&str> = corpus.outlets();
    let coverage = readout::compare::coverage(&corpus, &alignment, timeline.events.len(), &outlets);
    (
        corpus.articles.iter().map(|a| a.meta.id.clone()).collect(),
        format!("{alignment:?}"),
        outlets.iter().map(|o| o.to_string()).collect(),
        coverage.into_iter().flatten().collect(),
        corpus.skipped,
    )
}

#[test]
fn merging_batch_by_batch_matches_a_full_recompute_after_every_batch() {
    let timeline_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/rounds.toml");
    let rounds = std::fs::read(&timeline_path).expect("fixture timeline");
    let timeline =
        readout::timeline::parse_timeline("dir/rounds.toml", &rounds).expect("valid timeline");
    let aligner = readout::align::Aligner::new(&timeline);
    let files = varied_files(400);
    let mut app = common::app_with(Corpus::default(), 120, 40);
    app.start_loading();
    app.absorb(LoadEvent::Started(Ok(files.len())));
    app.absorb(LoadEvent::Timeline(Ok(timeline.clone())));
    // Batches of uneven sizes, the first a single article.
    let mut sizes = [1usize, 7, 30, 2, 100, 61].into_iter().cycle();
    let mut at = 0;
    let mut chosen: Option<String> = None;
    while at < files.len() {
        let end = (at + sizes.next().expect("cycles")).min(files.len());
        let batch = files[at..end]
            .iter()
            .map(|(path, bytes)| {
                let parsed = readout::corpus::parse_article(path, bytes).map(|a| {
                    let aligned = aligner
                        .align_each(std::slice::from_ref(&a), Mode::Curated)
                        .remove(0);
                    (a, aligned)
                });
                (path.clone(), parsed)
            })
            .collect();
        app.absorb(LoadEvent::Batch(batch));
        // The same files loaded at once, counted from scratch.
        let mut so_far: Vec<(String, Result<Vec<u8>, readout::corpus::CorpusError>)> =
            vec![("dir/rounds.toml".to_string(), Ok(rounds.clone()))];
        so_far.extend(files[..end].iter().map(|(p, b)| (p.clone(), Ok(b.clone()))));
        assert_eq!(listed(&app), recomputed(so_far), "after {end} files");
        if chosen.is_none() && app.corpus().articles.len() > 5 {
            common::press(&mut app, "j j j");
        }
        let selected = app.corpus().articles[app.browse().selected()]
            .meta
            .id
            .clone();
        let open = app
            .browse()
            .reader()
            .map(|r| app.corpus().articles[r.article()].meta.id.clone());
        assert_eq!(
            open.as_ref(),
            Some(&selected),
            "the reader shows the selection"
        );
        if let Some(id) = &chosen {
            assert_eq!(&selected, id, "selection moved after {end} files");
        } else if app.corpus().articles.len() > 5 {
            chosen = Some(selected);
        }
        at = end;
    }
    app.absorb(LoadEvent::Finished);
    assert_eq!(app.loading(), None);
    assert_eq!(app.corpus().articles.len(), 400);
    assert_eq!(app.corpus().skipped, 2);
}

#[test]
fn the_first_frame_while_loading_says_loading() {
    let mut app = common::app_with(Corpus::default(), 80, 24);
    app.start_loading();
    let first = common::screen(&app);
    assert!(first.contains("Loading"), "{first}");
    assert!(!first.contains("No articles"), "{first}");
    // A broken timeline is a problem before any article arrives: still loading.
    app.absorb(LoadEvent::Started(Ok(3)));
    app.absorb(LoadEvent::Timeline(Err(vec![
        readout::corpus::CorpusError::at("dir/rounds.toml", 1, 1, "bad"),
    ])));
    let screen = common::screen(&app);
    assert!(
        screen.contains("Loading") && screen.contains("loading 0/3"),
        "{screen}"
    );
    assert!(!screen.contains("No articles"), "{screen}");
}

#[test]
fn a_batch_loaded_behind_the_list_builds_no_comparison_but_an_open_one_follows() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let mut app = common::app_with(Corpus::default(), 120, 40);
    app.start_loading();
    let rx = loader::spawn(dir, || {});
    let mut batches = 0;
    loop {
        match rx.recv_timeout(Duration::from_secs(30)).expect("reports") {
            LoadEvent::Finished => break,
            ev => {
                batches += usize::from(matches!(ev, LoadEvent::Batch(_)));
                app.absorb(ev);
                assert!(app.compare().grid().is_none(), "grid built behind the list");
            }
        }
    }
    assert!(batches > 0);
    common::press(&mut app, "c");
    let before = app.compare().grid().map(|g| g.lines);
    assert!(before.is_some(), "c builds the grid");
    // More articles while the comparison is open: it is built again over them.
    let kyiv = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/kyiv.md"),
    )
    .expect("fixture");
    let text =
        String::from_utf8(kyiv)
            .expect("utf-8")
            .replacen("id = \"kyiv\"", "id = \"kyiv-2\"", 1);
    let article = readout::corpus::parse_article("dir/kyiv-2.md", text.as_bytes()).expect("parses");
    let timeline = app.corpus().timeline.clone().expect("timeline");
    let aligned = readout::align::Aligner::new(&timeline)
        .align_each(std::slice::from_ref(&article), Mode::Curated)
        .remove(0);
    app.absorb(LoadEvent::Batch(vec![(
        "dir/kyiv-2.md".to_string(),
        Ok((article, aligned)),
    )]));
    let after = app.compare().grid().map(|g| g.lines);
    assert!(after > before, "{before:?} → {after:?}");
}

/// Which files of `files` give the list an article: those that parse, the first with
/// each id (a later one is skipped as a duplicate), by the file's place.
fn owners(files: &[(String, Vec<u8>)]) -> Vec<Option<String>> {
    let mut seen = std::collections::HashSet::new();
    files
        .iter()
        .map(|(path, bytes)| {
            let a = readout::corpus::parse_article(path, bytes).ok()?;
            seen.insert(a.meta.id.clone()).then_some(a.meta.id)
        })
        .collect()
}

#[test]
fn alignments_after_the_list_match_a_full_recompute_as_they_arrive() {
    let rounds = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/rounds.toml"),
    )
    .expect("fixture timeline");
    let timeline =
        readout::timeline::parse_timeline("dir/rounds.toml", &rounds).expect("valid timeline");
    let aligner = readout::align::Aligner::new(&timeline);
    let files = varied_files(300);
    let owners = owners(&files);
    let mut app = common::app_with(Corpus::default(), 120, 40);
    app.start_loading();
    app.absorb(LoadEvent::Started(Ok(files.len())));
    app.absorb(LoadEvent::Timeline(Ok(timeline.clone())));
    // The list first, as the loader sends it: every article without its alignment.
    for chunk in files.chunks(70) {
        let batch = chunk
            .iter()
            .map(|(path, bytes)| {
                let parsed = readout::corpus::parse_article(path, bytes).map(|a| (a, Vec::new()));
                (path.clone(), parsed)
            })
            .collect();
        app.absorb(LoadEvent::Batch(batch));
    }
    let parsed = files
        .iter()
        .filter(|(p, b)| readout::corpus::parse_article(p, b).is_ok())
        .count();
    app.absorb(LoadEvent::Listed { aligning: parsed });
    assert_eq!(app.loading(), None);
    assert_eq!(app.aligning(), Some((0, parsed)));
    let screen = common::screen(&app);
    assert!(screen.contains("aligning 0/"), "{screen}");

    // The whole corpus loaded at once, aligned at once: what each step is held to.
    let whole = Corpus::from_files(
        std::iter::once(("dir/rounds.toml".to_string(), Ok(rounds.clone())))
            .chain(files.iter().map(|(p, b)| (p.clone(), Ok(b.clone())))),
    );
    let full = align(&whole.articles, &timeline, Mode::Curated);
    let outlets: Vec<&str> = whole.outlets();
    let expected = |aligned: &std::collections::HashSet<String>| {
        let mut partial = full.clone();
        for (a, article) in whole.articles.iter().enumerate() {
            if !aligned.contains(&article.meta.id) {
                partial.articles[a] = Vec::new();
            }
        }
        let coverage =
            readout::compare::coverage(&whole, &partial, timeline.events.len(), &outlets);
        (
            whole.articles.iter().map(|a| a.meta.id.clone()).collect(),
            format!("{partial:?}"),
            outlets.iter().map(|o| o.to_string()).collect(),
            coverage.into_iter().flatten().collect(),
            whole.skipped,
        )
    };
    let mut aligned_ids = std::collections::HashSet::new();
    assert_eq!(listed(&app), expected(&aligned_ids), "before any alignment");

    // Alignments out of file order, in uneven batches; the duplicate's too (it parsed,
    // so the loader aligns it): it must not land on the article that kept the id.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&f| (f * 7919) % files.len());
    let mut sizes = [1usize, 13, 40, 5].into_iter().cycle();
    let mut at = 0;
    while at < order.len() {
        let end = (at + sizes.next().expect("cycles")).min(order.len());
        let batch: Vec<(usize, Vec<readout::align::PassageAlignment>)> = order[at..end]
            .iter()
            .filter_map(|&f| {
                let (path, bytes) = &files[f];
                let a = readout::corpus::parse_article(path, bytes).ok()?;
                let aligned = aligner
                    .align_each(std::slice::from_ref(&a), Mode::Curated)
                    .remove(0);
                Some((f, aligned))
            })
            .collect();
        for &f in &order[at..end] {
            if let Some(id) = &owners[f] {
                aligned_ids.insert(id.clone());
            }
        }
        app.absorb(LoadEvent::Aligned(batch));
        assert_eq!(
            listed(&app),
            expected(&aligned_ids),
            "after {end} alignments"
        );
        at = end;
    }
    app.absorb(LoadEvent::Finished);
    assert_eq!(app.aligning(), None);
    let (ids, alignment, outlets, counts, skipped) = recomputed(
        std::iter::once(("dir/rounds.toml".to_string(), Ok(rounds)))
            .chain(files.into_iter().map(|(p, b)| (p, Ok(b))))
            .collect(),
    );
    assert_eq!(listed(&app), (ids, alignment, outlets, counts, skipped));
}

#[test]
fn an_alignment_that_does_not_fit_its_article_is_left_out() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let kyiv = std::fs::read(dir.join("kyiv.md")).expect("fixture");
    let rounds = std::fs::read(dir.join("rounds.toml")).expect("fixture");
    let timeline =
        readout::timeline::parse_timeline("dir/rounds.toml", &rounds).expect("valid timeline");
    let article = readout::corpus::parse_article("dir/kyiv.md", &kyiv).expect("parses");
    let mut aligned = readout::align::Aligner::new(&timeline)
        .align_each(std::slice::from_ref(&article), Mode::Curated)
        .remove(0);
    assert!(
        aligned.iter().any(|p| !p.events.is_empty()),
        "fixture aligns"
    );
    let mut app = common::app_with(Corpus::default(), 80, 24);
    app.start_loading();
    app.absorb(LoadEvent::Started(Ok(1)));
    app.absorb(LoadEvent::Timeline(Ok(timeline)));
    app.absorb(LoadEvent::Batch(vec![(
        "dir/kyiv.md".to_string(),
        Ok((article, Vec::new())),
    )]));
    app.absorb(LoadEvent::Listed { aligning: 1 });
    // One passage short: the file changed between listing and aligning.
    aligned.pop();
    app.absorb(LoadEvent::Aligned(vec![(0, aligned.clone()), (7, aligned)]));
    assert_eq!(app.aligning(), Some((1, 1)));
    assert!(app.alignment().articles[0].is_empty());
    let s = app.session();
    assert!((0..s.events()).all(|e| s.count(e, 0) == 0));
    // The overview while aligning goes on: it says it counts what is aligned so far.
    common::press(&mut app, "o");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(
        status,
        "the overview counts only the articles aligned so far"
    );
    app.absorb(LoadEvent::Finished);
    assert_eq!(app.aligning(), None);
}

#[test]
fn the_loader_lists_every_article_before_it_aligns_any() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let plain = Corpus::load(&Source::Dir(dir.clone()));
    let mut app = common::app_with(Corpus::default(), 80, 24);
    app.start_loading();
    let rx = loader::spawn(dir, || {});
    let mut events = Vec::new();
    loop {
        let ev = rx.recv_timeout(Duration::from_secs(30)).expect("reports");
        let name = match &ev {
            LoadEvent::Started(_) => "started",
            LoadEvent::Timeline(_) => "timeline",
            LoadEvent::Batch(batch) => {
                assert!(
                    batch
                        .iter()
                        .all(|(_, p)| p.as_ref().is_ok_and(|(_, aligned)| aligned.is_empty())),
                    "listed before aligned"
                );
                "batch"
            }
            LoadEvent::Listed { aligning } => {
                assert_eq!(*aligning, plain.articles.len());
                "listed"
            }
            LoadEvent::Aligned(_) => "aligned",
            LoadEvent::Finished => "finished",
        };
        events.push(name);
        let listed = matches!(ev, LoadEvent::Listed { .. });
        app.absorb(ev);
        if listed {
            // The whole list, none of it aligned yet: the overview counts nothing.
            assert_eq!(app.corpus().articles.len(), plain.articles.len());
            assert_eq!(app.aligning(), Some((0, plain.articles.len())));
            let s = app.session();
            assert!((0..s.events()).all(|e| (0..s.outlets().len()).all(|o| s.count(e, o) == 0)));
            common::press(&mut app, "c");
            let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
            assert!(status.contains("not aligned yet"), "{status}");
            common::press(&mut app, "<Esc>");
        }
        if name == "finished" {
            break;
        }
    }
    events.dedup();
    assert_eq!(
        events,
        [
            "started", "timeline", "batch", "listed", "aligned", "finished"
        ]
    );
    assert_eq!(app.aligning(), None);
    let s = app.session();
    assert!((0..s.events()).any(|e| (0..s.outlets().len()).any(|o| s.count(e, o) > 0)));
}
