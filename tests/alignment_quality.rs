//! The aligner measured against hand labels, passage by passage, in `Mode::Auto`:
//! - the bundled corpus against `tests/fixtures/seeds-alignment.toml` (labels keyed by
//!   `source`, mapped to article ids by `gold-sources.toml`);
//! - the development set in `tests/fixtures/devset/` (accounts written for testing the
//!   aligner, with invented outlets and wording) against `devset-alignment.toml`
//!   (labels keyed by `article`), aligned with the bundled timeline.
//!
//! The dev set is scored in two halves: the aligner was designed on half A; half B was
//! measured before anything was changed for it, as a stand-in for accounts never seen.
//!
//! Micro-averaged over (passage, event) pairs: a predicted event among the gold
//! `events` is a hit; one neither in `events` nor in `also` is a false positive; a gold
//! event not predicted is a miss; an `also` event is neither, predicted or not.
//! Every disagreement is printed (run with `--nocapture` to read them).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use readout::align::{Alignment, Mode, align};
use readout::corpus::{Corpus, Source};
use readout::timeline::Timeline;
use serde::Deserialize;

/// The dev set's design half; every other dev-set article is in half B.
const HALF_A: &[&str] = &[
    "alpine-report-osce-vienna-2022-01-13",
    "ew-geneva-summit-2021-06-16",
    "kremlin-phone-call-2021-12-31",
    "mfa-ru-draft-texts-2021-12-17",
    "nato-press-transcript-2022-01-12",
    "nc-video-call-2021-12-08",
    "ukrainian-dispatch-nothing-about-us-2022-01-13",
];

#[derive(Deserialize)]
struct Gold {
    paragraph: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    article: Option<String>,
    starts: String,
    events: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
}

#[derive(Deserialize)]
struct Sources {
    sources: BTreeMap<String, String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> String {
    let path = fixtures().join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first words of a passage, for messages.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(9).collect();
    let mut s = words.join(" ");
    if text.split_whitespace().count() > 9 {
        s.push('…');
    }
    s
}

/// Hits, false positives and misses over some labelled passages.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    hits: usize,
    false_pos: usize,
    misses: usize,
    passages: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.hits as f64 / (self.hits + self.false_pos).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.hits as f64 / (self.hits + self.misses).max(1) as f64
    }
    fn add(&mut self, other: Score) {
        self.hits += other.hits;
        self.false_pos += other.false_pos;
        self.misses += other.misses;
        self.passages += other.passages;
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name}: precision {:.3} recall {:.3} ({} passages, {} hits, {} false positives, {} misses)",
            self.precision(),
            self.recall(),
            self.passages,
            self.hits,
            self.false_pos,
            self.misses
        )
    }
}

/// Scores `alignment` of `corpus` against `gold`, per article id; prints disagreements.
fn score(
    corpus: &Corpus,
    timeline: &Timeline,
    alignment: &Alignment,
    gold: &Gold,
    article_of: impl Fn(&Labelled) -> Option<String>,
    show: impl Fn(&str) -> bool,
) -> BTreeMap<String, Score> {
    let id_of = |e: usize| timeline.events[e].id.as_str();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut not_found = Vec::new();
    let mut disagreements = Vec::new();
    for g in &gold.paragraph {
        let Some(article_id) = article_of(g) else {
            not_found.push(format!("{:?}: no article for this label", g.starts));
            continue;
        };
        let Some(a) = corpus.position(&article_id) else {
            not_found.push(format!("{article_id}: not in the corpus"));
            continue;
        };
        let article = &corpus.articles[a];
        let Some((p, block)) = article
            .passages()
            .enumerate()
            .find(|(_, b)| b.text.starts_with(&g.starts))
        else {
            not_found.push(format!(
                "{article_id}: no passage starts with {:?}",
                g.starts
            ));
            continue;
        };
        let s = scores.entry(article_id.clone()).or_default();
        s.passages += 1;
        let predicted: Vec<&str> = alignment
            .passage(a, p)
            .map(|pa| pa.events.iter().map(|m| id_of(m.event)).collect())
            .unwrap_or_default();
        let mut wrong = Vec::new();
        for e in &predicted {
            if g.events.iter().any(|x| x == e) {
                s.hits += 1;
            } else if !g.also.iter().any(|x| x == e) {
                s.false_pos += 1;
                wrong.push(format!("+{e}"));
            }
        }
        for e in &g.events {
            if !predicted.contains(&e.as_str()) {
                s.misses += 1;
                wrong.push(format!("-{e}"));
            }
        }
        if !wrong.is_empty() && show(&article_id) {
            let why = alignment.why(timeline, a, p);
            disagreements.push(format!(
                "{article_id} ¶{} {:?}\n    {}\n    predicted {:?}, gold {:?}{}\n    why {why:?}",
                p + 1,
                opening(&block.text),
                wrong.join(" "),
                predicted,
                g.events,
                if g.also.is_empty() {
                    String::new()
                } else {
                    format!(" (also {:?})", g.also)
                },
            ));
        }
    }
    println!("{} disagreements:", disagreements.len());
    for d in &disagreements {
        println!("  {d}");
    }
    assert!(
        not_found.is_empty(),
        "gold passages not found:\n{}",
        not_found.join("\n")
    );
    scores
}

fn total<'a>(scores: impl Iterator<Item = &'a Score>) -> Score {
    let mut t = Score::default();
    for s in scores {
        t.add(*s);
    }
    t
}

fn bundled() -> Corpus {
    let corpus = Corpus::load(&Source::Bundled);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus
}

#[test]
fn aligner_agrees_with_the_hand_labels_on_the_bundled_corpus() {
    let gold: Gold = toml::from_str(&fixture("seeds-alignment.toml")).expect("gold parses");
    let sources: Sources = toml::from_str(&fixture("gold-sources.toml")).expect("sources parse");
    let corpus = bundled();
    let timeline = corpus.timeline.as_ref().expect("bundled rounds.toml");
    let alignment = align(&corpus.articles, timeline, Mode::Auto);
    let scores = score(
        &corpus,
        timeline,
        &alignment,
        &gold,
        |g| {
            g.source
                .as_ref()
                .and_then(|s| sources.sources.get(s))
                .cloned()
        },
        |_| true,
    );
    let t = total(scores.values());
    println!("{}", t.line("bundled"));
    assert!(t.precision() >= 0.95, "{}", t.line("bundled"));
    assert!(t.recall() >= 0.95, "{}", t.line("bundled"));
}

#[test]
fn aligner_agrees_with_the_hand_labels_on_the_dev_set() {
    let gold: Gold = toml::from_str(&fixture("devset-alignment.toml")).expect("gold parses");
    let timeline = bundled().timeline.expect("bundled rounds.toml");
    let corpus = Corpus::load(&Source::Dir(fixtures().join("devset")));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 14, "the dev set has 14 accounts");
    let alignment = align(&corpus.articles, &timeline, Mode::Auto);
    // Half B's disagreements stay hidden unless asked for, so that no rule is written
    // for them: it stands in for accounts never seen.
    let show_b = std::env::var_os("READOUT_SHOW_HALF_B").is_some();
    let in_a = |id: &str| HALF_A.contains(&id);
    let scores = score(
        &corpus,
        &timeline,
        &alignment,
        &gold,
        |g| g.article.clone(),
        |id| show_b || in_a(id),
    );
    for (id, s) in scores.iter().filter(|(id, _)| show_b || in_a(id)) {
        println!("{}", s.line(id));
    }
    let a = total(
        scores
            .iter()
            .filter(|(id, _)| HALF_A.contains(&id.as_str()))
            .map(|(_, s)| s),
    );
    let b = total(
        scores
            .iter()
            .filter(|(id, _)| !HALF_A.contains(&id.as_str()))
            .map(|(_, s)| s),
    );
    let t = total(scores.values());
    println!("{}", a.line("dev set, half A (designed on)"));
    println!("{}", b.line("dev set, half B (held out)"));
    println!("{}", t.line("dev set"));
    assert_eq!(t.passages, 141, "every dev-set label is scored");
    // Floors just under today's figures (0.954 / 0.887; half A 0.970 / 0.941, half B
    // 0.938 / 0.836), so a change that loses ground fails; the targets, precision 0.90
    // and recall 0.85, are met.
    assert!(t.precision() >= 0.94, "{}", t.line("dev set"));
    assert!(t.recall() >= 0.87, "{}", t.line("dev set"));
    assert!(a.recall() >= 0.92, "{}", a.line("dev set, half A"));
    assert!(b.precision() >= 0.92, "{}", b.line("dev set, half B"));
    assert!(b.recall() >= 0.82, "{}", b.line("dev set, half B"));
}

/// `why` calls an event the article's subject only when it is, and says where that was
/// read; an event the chain turns to on weaker evidence is explained by that evidence.
#[test]
fn why_names_the_subject_only_where_it_was_read() {
    let timeline = bundled().timeline.expect("bundled rounds.toml");
    let corpus = Corpus::load(&Source::Dir(fixtures().join("devset")));
    let alignment = align(&corpus.articles, &timeline, Mode::Auto);
    let mut subjects = 0;
    for (a, article) in corpus.articles.iter().enumerate() {
        for p in 0..alignment.articles[a].len() {
            for (event, reasons) in alignment.why(&timeline, a, p) {
                for r in reasons
                    .iter()
                    .filter(|r| r.starts_with("the article's subject"))
                {
                    subjects += 1;
                    assert!(
                        !r.ends_with("()"),
                        "{} ¶{} {event}: a subject read nowhere: {r}",
                        article.meta.id,
                        p + 1
                    );
                }
            }
        }
    }
    assert!(
        subjects > 0,
        "some passage is explained by its article's subject"
    );
}
