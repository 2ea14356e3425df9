//! The passage object shared by `align --json` and `compare --format json`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::align::Alignment;
use crate::corpus::Corpus;
use crate::timeline::Timeline;

/// One passage with its events, as JSON.
#[derive(Debug, Serialize)]
pub struct PassageJson<'a> {
    /// Article id.
    pub article: &'a str,
    /// Outlet of the article.
    pub outlet: &'a str,
    /// Index of the passage in its article, from 0.
    pub passage: usize,
    /// The paragraph number people see and cite (¶4 is `"number": 4`): `passage` + 1.
    pub number: usize,
    /// paragraph, list-item, quotation, caption, preformatted.
    pub kind: &'static str,
    /// Line of the file where it starts.
    pub line: usize,
    /// The whole passage, sanitised.
    pub text: &'a str,
    /// Event ids, in time order.
    pub events: Vec<&'a str>,
    /// Event id → the cues that decided it.
    pub why: BTreeMap<String, Vec<String>>,
    /// Set by a curator's marker.
    pub by_hand: bool,
    /// Event id → how sure the aligner is of it, in percent.
    pub confidence: BTreeMap<&'a str, u8>,
    /// How sure the aligner is of the passage as a whole, in percent.
    pub certainty: u8,
    /// The likeliest event it was not put under, and how likely, in percent.
    pub runner_up: Option<(&'a str, u8)>,
}

/// Every passage of the corpus, or only those under event `only`.
pub fn passages<'a>(
    corpus: &'a Corpus,
    timeline: &'a Timeline,
    alignment: &Alignment,
    only: Option<usize>,
) -> Vec<PassageJson<'a>> {
    let mut out = Vec::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        for (p, block) in article.passages().enumerate() {
            let Some(pa) = alignment.passage(a, p) else {
                continue;
            };
            if only.is_some_and(|e| !pa.events.iter().any(|m| m.event == e)) {
                continue;
            }
            out.push(PassageJson {
                article: &article.meta.id,
                outlet: &article.meta.outlet,
                passage: p,
                number: p + 1,
                kind: block.kind.name(),
                line: block.line,
                text: &block.text,
                events: pa
                    .events
                    .iter()
                    .filter_map(|m| timeline.events.get(m.event).map(|e| e.id.as_str()))
                    .collect(),
                why: alignment.why(timeline, a, p),
                by_hand: pa.by_hand,
                confidence: pa
                    .events
                    .iter()
                    .filter_map(|m| {
                        timeline
                            .events
                            .get(m.event)
                            .map(|e| (e.id.as_str(), m.confidence))
                    })
                    .collect(),
                certainty: pa.certainty(),
                runner_up: pa
                    .runner_up
                    .and_then(|(e, c)| timeline.events.get(e).map(|ev| (ev.id.as_str(), c))),
            });
        }
    }
    out
}
