//! The aligner measured against hand labels: the bundled corpus aligned in `Mode::Auto`
//! and compared, passage by passage, with `tests/fixtures/seeds-alignment.toml`.
//!
//! Micro-averaged over (passage, event) pairs: a predicted event among the gold
//! `events` is a hit; one neither in `events` nor in `also` is a false positive; a gold
//! event not predicted is a miss; an `also` event is neither, predicted or not.
//! Passages the gold does not list are not scored, only shown. Every disagreement is
//! printed (run with `--nocapture` to read them).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use readout::align::{Mode, align};
use readout::corpus::{Corpus, Source};
use serde::Deserialize;

const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.85;

#[derive(Deserialize)]
struct Gold {
    paragraph: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    source: String,
    starts: String,
    events: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
}

#[derive(Deserialize)]
struct Sources {
    sources: BTreeMap<String, String>,
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
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

#[test]
fn aligner_agrees_with_the_hand_labels() {
    let gold: Gold = toml::from_str(&fixture("seeds-alignment.toml")).expect("gold parses");
    let sources: Sources = toml::from_str(&fixture("gold-sources.toml")).expect("sources parse");
    let corpus = Corpus::load(&Source::Bundled);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let timeline = corpus
        .timeline
        .as_ref()
        .expect("the bundled corpus has rounds.toml");
    let alignment = align(&corpus.articles, timeline, Mode::Auto);
    let id_of = |e: usize| timeline.events[e].id.as_str();

    let (mut hits, mut false_pos, mut misses) = (0usize, 0usize, 0usize);
    let mut not_found = Vec::new();
    let mut disagreements = Vec::new();
    // (article, passage) pairs the gold labels.
    let mut labelled = Vec::new();
    for g in &gold.paragraph {
        let Some(article_id) = sources.sources.get(&g.source) else {
            not_found.push(format!("{}: no article for this source", g.source));
            continue;
        };
        let Some(a) = corpus.position(article_id) else {
            not_found.push(format!("{article_id}: not in the bundled corpus"));
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
        labelled.push((a, p));
        let predicted: Vec<&str> = alignment
            .passage(a, p)
            .map(|pa| pa.events.iter().map(|m| id_of(m.event)).collect())
            .unwrap_or_default();
        let mut wrong = Vec::new();
        for e in &predicted {
            if g.events.iter().any(|x| x == e) {
                hits += 1;
            } else if !g.also.iter().any(|x| x == e) {
                false_pos += 1;
                wrong.push(format!("+{e}"));
            }
        }
        for e in &g.events {
            if !predicted.contains(&e.as_str()) {
                misses += 1;
                wrong.push(format!("-{e}"));
            }
        }
        if !wrong.is_empty() {
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

    let precision = hits as f64 / (hits + false_pos).max(1) as f64;
    let recall = hits as f64 / (hits + misses).max(1) as f64;
    println!(
        "precision {precision:.3} ({hits} hits, {false_pos} false positives), recall {recall:.3} ({misses} misses), {} passages labelled",
        gold.paragraph.len()
    );
    println!("\n{} disagreements:", disagreements.len());
    for d in &disagreements {
        println!("  {d}");
    }
    println!("\nPassages without labels (not scored):");
    for (a, article) in corpus.articles.iter().enumerate() {
        for (p, block) in article.passages().enumerate() {
            if labelled.contains(&(a, p)) {
                continue;
            }
            println!(
                "  {} ¶{} {:?}: {:?}",
                article.meta.id,
                p + 1,
                opening(&block.text),
                alignment.why(timeline, a, p)
            );
        }
    }

    assert!(
        not_found.is_empty(),
        "gold passages not found:\n{}",
        not_found.join("\n")
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
}
