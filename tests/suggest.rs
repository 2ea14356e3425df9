//! `readout rounds --suggest`: with the bundled rounds.toml set aside, the draft finds
//! the dated events of the bundled corpus on the right days, and those of the dev set
//! (tests/fixtures/devset/, a copy of the shared dev set), and the draft passes
//! `readout check` as it stands. Prints what it found and missed
//! (`cargo test --test suggest -- --nocapture`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::civil::Date;
use readout::corpus::{Corpus, Source};
use readout::suggest::{date_mentions, suggest};
use readout::timeline::{EventKind, parse_timeline};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The days of the bundled timeline's dated events: rounds, calls, documents, summits
/// (not the series, and not the aftermath, which is a day of statements).
fn dated_events() -> Vec<(String, Date)> {
    let path = root().join("articles/rounds.toml");
    let bytes = fs::read(&path).expect("bundled rounds.toml");
    let timeline = parse_timeline("articles/rounds.toml", &bytes).expect("valid timeline");
    timeline
        .events
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Series | EventKind::Statement))
        .map(|e| (e.id.clone(), e.start))
        .collect()
}

/// A corpus directory of `from`'s articles without any rounds.toml.
fn without_timeline(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(from)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
    {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "md") {
            fs::copy(&p, dir.path().join(entry.file_name())).expect("copy");
        }
    }
    dir
}

/// The days the draft proposes (named by two articles or one), printed with what was
/// found and missed.
fn found_and_missed(name: &str, dir: &Path) -> (Vec<String>, Vec<String>) {
    let (found, missed, _) = drafted(name, dir);
    (found, missed)
}

/// Each candidate's day and place.
type Places = Vec<(Date, Option<String>)>;

/// As [`found_and_missed`], with each candidate's day and place.
fn drafted(name: &str, dir: &Path) -> (Vec<String>, Vec<String>, Places) {
    let corpus = Corpus::load(&Source::Dir(dir.to_path_buf()));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert!(corpus.timeline.is_none());
    let mentions = date_mentions(&corpus.articles);
    let candidates = suggest(&corpus.articles, &mentions);
    let days: BTreeSet<Date> = candidates.iter().map(|c| c.day).collect();
    let (mut found, mut missed) = (Vec::new(), Vec::new());
    for (id, day) in dated_events() {
        if days.contains(&day) {
            found.push(id);
        } else {
            missed.push(id);
        }
    }
    println!("{name}: {} candidate events", candidates.len());
    for c in &candidates {
        println!(
            "  {} {:<9} {} article(s), {} outlet(s)  {}",
            c.day, c.kind, c.articles, c.outlets, c.title
        );
    }
    println!("  found:  {}", found.join(", "));
    println!("  missed: {}", missed.join(", "));
    let places = candidates
        .iter()
        .map(|c| (c.day, c.place.clone()))
        .collect();
    (found, missed, places)
}

#[test]
fn the_bundled_corpus_drafts_every_dated_event_on_its_day() {
    let dir = without_timeline(&root().join("articles"));
    let (found, missed) = found_and_missed("bundled", dir.path());
    assert!(missed.is_empty(), "missed {missed:?}");
    assert_eq!(found.len(), 7);
}

#[test]
fn the_dev_set_drafts_every_event_its_articles_date() {
    let dir = without_timeline(&root().join("tests/fixtures/devset"));
    let (_, missed, places) = drafted("devset", dir.path());
    // Even the December phone call, whose day no dev-set article names: the Kremlin's
    // readout of it, a statement published the next day, is read as about the day
    // before its publication.
    assert!(missed.is_empty(), "missed {missed:?}");
    // The place is the one named nearest the date: a sentence listing "Geneva on 10
    // January, … Brussels on 12 January and … Vienna on 13 January" gives each day its
    // own city.
    let place = |d: Date| {
        places
            .iter()
            .find(|(x, _)| *x == d)
            .and_then(|(_, p)| p.clone())
    };
    assert_eq!(
        place(jiff::civil::date(2022, 1, 10)).as_deref(),
        Some("Geneva")
    );
    assert_eq!(
        place(jiff::civil::date(2022, 1, 12)).as_deref(),
        Some("Brussels")
    );
    assert_eq!(
        place(jiff::civil::date(2022, 1, 13)).as_deref(),
        Some("Vienna")
    );
}

#[test]
fn the_printed_draft_passes_check_as_it_stands() {
    let dir = without_timeline(&root().join("tests/fixtures/devset"));
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .env_remove("READOUT_ARTICLES")
        .args(["rounds", "--suggest"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft = String::from_utf8(out.stdout).expect("UTF-8");
    // Named by one article only: listed last, commented out.
    let first_commented = draft.find("# [[event]]").expect("single-article events");
    let last_live = draft.rfind("\n[[event]]").expect("shared events");
    assert!(last_live < first_commented);
    assert!(draft.contains("date = 2022-01-10"), "{draft}");
    fs::write(dir.path().join("rounds.toml"), &draft).expect("write");
    let check = Command::cargo_bin("readout")
        .expect("binary")
        .env_remove("READOUT_ARTICLES")
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        check.status.success(),
        "{}\n{draft}",
        String::from_utf8_lossy(&check.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("candidate events"), "{stderr}");
}
