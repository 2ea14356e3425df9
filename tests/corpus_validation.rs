//! Loading is forgiving and loud: every kind of bad file is reported as
//! `path:line:col: what is wrong` and skipped, and everything else still loads.

use std::fs;
use std::path::Path;

use readout::corpus::{Corpus, MAX_ARTICLE_BYTES, Source};

const GOOD: &str = "+++
id = \"good\"
title = \"A good article\"
outlet = \"Outlet\"
country = \"Latvia\"
author = \"A. Author\"
published = 2022-01-14
kind = \"news\"
language = \"en\"
+++

Body text.
";

fn with(dir: &Path, name: &str, body: impl AsRef<[u8]>) {
    fs::write(dir.join(name), body).expect("write fixture");
}

/// Loads a directory holding the good article and one bad one; returns the problems.
fn problems_for(name: &str, bad: impl AsRef<[u8]>) -> (Corpus, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    with(dir.path(), "a-good.md", GOOD);
    with(dir.path(), name, bad);
    let corpus = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    let shown: Vec<String> = corpus
        .problems
        .iter()
        .map(|p| {
            p.to_string()
                .replace(&dir.path().display().to_string(), "DIR")
        })
        .collect();
    assert_eq!(
        corpus.articles.len(),
        1,
        "the good article still loads: {shown:?}"
    );
    assert_eq!(corpus.articles[0].meta.id, "good");
    (corpus, shown)
}

fn one_problem(name: &str, bad: impl AsRef<[u8]>) -> String {
    let (corpus, shown) = problems_for(name, bad);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(corpus.skipped, 1);
    shown.into_iter().next().expect("one")
}

#[test]
fn the_bundled_corpus_loads_without_problems() {
    let corpus = Corpus::load(&Source::Bundled);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 5);
    let dates: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.meta.published.to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "sorted by date");
}

#[test]
fn invalid_toml_names_line_and_column() {
    let bad = GOOD.replace("title = \"A good article\"", "title = \"unclosed");
    let p = one_problem("b.md", bad.replace("id = \"good\"", "id = \"b\""));
    assert!(p.starts_with("DIR/b.md:3:"), "{p}");
    assert!(
        p.to_lowercase().contains("string") || p.contains("newline"),
        "{p}"
    );
}

#[test]
fn missing_key_is_named() {
    let bad = GOOD
        .replace("id = \"good\"", "id = \"b\"")
        .replace("author = \"A. Author\"\n", "");
    let p = one_problem("b.md", bad);
    assert!(p.starts_with("DIR/b.md:"), "{p}");
    assert!(p.contains("missing key `author`"), "{p}");
}

#[test]
fn unknown_key_is_an_error_so_typos_never_pass() {
    let bad = GOOD
        .replace("id = \"good\"", "id = \"b\"")
        .replace("language", "langauge");
    let p = one_problem("b.md", bad);
    assert!(p.starts_with("DIR/b.md:9:1:"), "{p}");
    assert!(p.contains("unknown key `langauge`"), "{p}");
}

#[test]
fn bad_dates_are_explained() {
    let quoted = GOOD
        .replace("id = \"good\"", "id = \"b\"")
        .replace("2022-01-14", "\"2022-01-14\"");
    let p = one_problem("b.md", quoted);
    assert!(p.starts_with("DIR/b.md:7:"), "{p}");
    assert!(p.contains("TOML date such as 2022-01-14"), "{p}");
    let with_time = GOOD
        .replace("id = \"good\"", "id = \"c\"")
        .replace("2022-01-14", "2022-01-14T10:00:00");
    assert!(one_problem("c.md", with_time).contains("expected a date"));
    let impossible = GOOD
        .replace("id = \"good\"", "id = \"d\"")
        .replace("2022-01-14", "2022-02-30");
    let p = one_problem("d.md", impossible);
    assert!(p.starts_with("DIR/d.md:7:"), "{p}");
}

#[test]
fn invalid_utf8_names_the_position() {
    let mut bytes = GOOD.replace("id = \"good\"", "id = \"b\"").into_bytes();
    let at = bytes.len() - 3; // inside "Body text."
    bytes[at] = 0xFF;
    let p = one_problem("b.md", bytes);
    assert!(p.starts_with("DIR/b.md:12:"), "{p}");
    assert!(p.contains("invalid UTF-8") && p.contains("0xFF"), "{p}");
}

#[test]
fn empty_body_is_refused() {
    let bad = GOOD
        .replace("id = \"good\"", "id = \"b\"")
        .replace("Body text.\n", "\n\n");
    let p = one_problem("b.md", bad);
    assert!(p.starts_with("DIR/b.md:11:1:"), "{p}");
    assert!(p.contains("no body text"), "{p}");
}

#[test]
fn missing_front_matter_is_refused() {
    let p = one_problem("b.md", "Just text.\n");
    assert_eq!(
        p,
        "DIR/b.md:1:1: expected `+++` on the first line, opening the TOML front matter"
    );
    let unclosed = "+++\nid = \"x\"\n\nText.\n";
    assert!(one_problem("c.md", unclosed).contains("never closed"));
}

#[test]
fn duplicate_id_keeps_the_first_and_names_it() {
    let (corpus, shown) = problems_for("b.md", GOOD);
    assert_eq!(corpus.skipped, 1);
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].starts_with("DIR/b.md:2:1: duplicate id \"good\""),
        "{}",
        shown[0]
    );
    assert!(
        shown[0].contains("DIR/a-good.md already uses it"),
        "{}",
        shown[0]
    );
}

#[test]
fn oversized_file_is_refused_unread() {
    let mut big = GOOD.replace("id = \"good\"", "id = \"big\"");
    big.push_str(&"word ".repeat((MAX_ARTICLE_BYTES as usize) / 5 + 10));
    let p = one_problem("big.md", big);
    assert!(
        p.starts_with("DIR/big.md:1:1: file is 4.0 MiB, over the 4 MiB limit"),
        "{p}"
    );
}

#[test]
fn bad_values_are_checked() {
    let slug = GOOD.replace("id = \"good\"", "id = \"Not A Slug\"");
    assert!(one_problem("b.md", slug).contains("must be a slug"));
    let kind = GOOD
        .replace("id = \"good\"", "id = \"k\"")
        .replace("kind = \"news\"", "kind = \"gossip\"");
    let p = one_problem("k.md", kind);
    assert!(p.starts_with("DIR/k.md:8:"), "{p}");
    assert!(
        p.contains("gossip") && p.contains("analysis"),
        "lists the allowed kinds: {p}"
    );
    let lang = GOOD
        .replace("id = \"good\"", "id = \"l\"")
        .replace("\"en\"", "\"english\"");
    assert!(one_problem("l.md", lang).contains("BCP 47"));
}

#[test]
fn other_files_are_ignored_and_a_missing_dir_is_one_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    with(dir.path(), "a.md", GOOD);
    with(dir.path(), "notes.txt", "not an article");
    with(dir.path(), ".hidden.md", "not an article");
    let c = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    assert_eq!((c.articles.len(), c.problems.len()), (1, 0));
    let gone = Corpus::load(&Source::Dir(dir.path().join("nope")));
    assert_eq!(gone.problems.len(), 1);
    assert!(
        gone.problems[0]
            .message
            .contains("cannot read the directory")
    );
}

#[test]
fn a_timeline_event_with_an_invisible_title_or_place_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    with(dir.path(), "a.md", GOOD);
    with(
        dir.path(),
        "rounds.toml",
        "[[event]]\nid = \"a\"\ntitle = \"\\u200B\"\nlabel = \"A\"\ndate = 2022-01-10\nplace = \"Geneva\"\nkind = \"talks\"\n",
    );
    let c = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    assert!(c.timeline.is_none());
    assert_eq!(c.articles.len(), 1, "articles still load");
    let p = c.problems[0].to_string();
    assert!(
        p.contains("rounds.toml:1:1:") && p.contains("`title` is empty"),
        "{p}"
    );
}

/// `list` and `check` load only the index: the same articles, front matter and problems,
/// in the same order, as a whole load, with no text kept.
#[test]
fn the_index_has_what_a_whole_load_has_but_the_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    let kyiv = std::fs::read_to_string(fixtures.join("kyiv.md")).expect("fixture");
    // A marker naming an event the timeline lacks, a duplicate id, a broken file.
    std::fs::write(
        dir.path().join("a-marker.md"),
        kyiv.replacen("id = \"kyiv\"", "id = \"marker\"", 1)
            .replacen("<!-- events: geneva -->", "<!-- events: nowhere -->", 1),
    )
    .expect("write");
    std::fs::write(dir.path().join("z-dup.md"), &kyiv).expect("write");
    std::fs::write(dir.path().join("b-broken.md"), "no front matter").expect("write");
    let source = readout::corpus::Source::Dir(dir.path().to_path_buf());
    let whole = readout::corpus::Corpus::load(&source);
    let index = readout::corpus::Corpus::load_index(&source);
    let metas = |c: &readout::corpus::Corpus| {
        c.articles
            .iter()
            .map(|a| format!("{:?}", a.meta))
            .collect::<Vec<_>>()
    };
    let problems = |c: &readout::corpus::Corpus| {
        c.problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(metas(&index), metas(&whole));
    assert_eq!(problems(&index), problems(&whole));
    assert_eq!(problems(&index).len(), 3, "{:?}", problems(&index));
    assert_eq!(index.skipped, whole.skipped);
    assert_eq!(index.timeline, whole.timeline);
    assert!(
        index
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .all(|b| b.text.is_empty()),
        "no text kept"
    );
}
