//! Alignment: which passage of which article belongs to which event of the timeline,
//! decided automatically from dates and cues, explainable, and overridden by a
//! curator's `<!-- events: … -->` markers unless asked not to be.
//!
//! How it decides, file by file:
//! - [`words`](self::words): a passage read as normalised words, sentences, quotations;
//! - [`lexicon`](self::lexicon): the general news words it reads by;
//! - [`dates`](self::dates): dates and weekdays, resolved against the publication date;
//! - [`cues`](self::cues): the timeline's names, places, formats and phrases, compiled once;
//! - [`model`](self::model): the timeline compiled, with what the rules need of events;
//! - [`passage`](self::passage): a passage's dates, sentences, frames, talk words;
//! - [`evidence`](self::evidence): what one passage says about each event, weighed;
//! - [`context`](self::context): what the passages around it add, and series vs rounds;
//! - [`explain`](self::explain): the reasons, in the short words of `why`.
//!
//! A passage goes under an event when the evidence for it reaches a threshold: a date
//! with a word for what happened on it nearly suffices; a shared cue ("Geneva",
//! "Ryabkov") is split among the events its sentence's dates leave possible; a common
//! name ("NATO", "Putin") only ever helps. Context then lets a quotation, a pronoun or a
//! list item follow the passage it continues, and a verdict or "the talks" mean the
//! series the article covers. Everything runs in text and timeline order, so the same
//! input always gives the same output.

mod context;
mod cues;
mod dates;
mod evidence;
mod explain;
mod lexicon;
mod model;
mod passage;
mod words;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use jiff::ToSpan;

use self::context::Discourse;
use self::cues::{CueHit, CueIndex};
use self::evidence::{Evidence, weigh};
use self::explain::explain;
use self::model::{EventFacts, Model};
use self::passage::{Passage, PassageBuffers};
use self::words::{Reading, Vocabulary, read};
use crate::corpus::Article;
use crate::timeline::Timeline;

/// Whether curators' markers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Markers win over the aligner (the default).
    #[default]
    Curated,
    /// Markers are ignored: the aligner alone, for measuring it.
    Auto,
}

/// One event a passage was put under, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMatch {
    /// Index of the event in the timeline.
    pub event: usize,
    /// The cues that decided it, in words ("date: January 12", "place: Brussels").
    pub cues: Vec<String>,
}

/// The events of one passage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageAlignment {
    /// Events, in timeline order.
    pub events: Vec<EventMatch>,
    /// Set by a curator's marker rather than the aligner.
    pub by_hand: bool,
}

/// The alignment of a whole corpus: `articles[a].passages[p]` for article `a` (in corpus
/// order) and passage `p`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Per article, per passage.
    pub articles: Vec<Vec<PassageAlignment>>,
}

impl Alignment {
    /// The events of passage `p` of article `a`.
    pub fn passage(&self, a: usize, p: usize) -> Option<&PassageAlignment> {
        self.articles.get(a).and_then(|ps| ps.get(p))
    }

    /// The passages of article `a` under event `e`.
    pub fn passages_of(&self, a: usize, e: usize) -> Vec<usize> {
        self.articles
            .get(a)
            .map(|ps| {
                ps.iter()
                    .enumerate()
                    .filter(|(_, p)| p.events.iter().any(|m| m.event == e))
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `why` as JSON wants it: event id → cues.
    pub fn why(&self, timeline: &Timeline, a: usize, p: usize) -> BTreeMap<String, Vec<String>> {
        self.passage(a, p)
            .map(|pa| {
                pa.events
                    .iter()
                    .filter_map(|m| {
                        timeline
                            .events
                            .get(m.event)
                            .map(|e| (e.id.clone(), m.cues.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Aligns every passage of `articles` with the events of `timeline`.
///
/// Compiles the timeline's cues for this one call; to align several corpora against
/// one timeline, build an [`Aligner`] once.
pub fn align(articles: &[Article], timeline: &Timeline, mode: Mode) -> Alignment {
    Aligner::new(timeline).align(articles, mode)
}

/// A timeline compiled for alignment: cue matchers, the lexicon, the events' dates.
#[derive(Debug, Clone)]
pub struct Aligner {
    model: Model,
    /// Event ids, to read curators' markers.
    ids: Vec<String>,
}

/// Below this many articles a thread costs more than it saves.
const PER_THREAD_MIN: usize = 256;

/// Buffers reused from passage to passage, so reading a corpus allocates little.
#[derive(Default)]
struct Scratch {
    reading: Reading,
    hits: Vec<CueHit>,
    passage: PassageBuffers,
    evidence: Evidence,
}

impl Aligner {
    /// Compiles `timeline`.
    pub fn new(timeline: &Timeline) -> Aligner {
        let mut vocab = Vocabulary::default();
        lexicon::install(&mut vocab);
        let cues = CueIndex::compile(timeline, &mut vocab);
        let events: Vec<EventFacts> = timeline
            .events
            .iter()
            .map(|e| EventFacts {
                label: e.label.clone(),
                start: e.start,
                end: e.end,
                near_start: e.start.checked_sub(1.day()).unwrap_or(e.start),
                near_end: e.end.checked_add(1.day()).unwrap_or(e.end),
                kind: e.kind,
                class: lexicon::kind_class(e.kind),
                series: timeline.events.iter().position(|s| {
                    s.kind == crate::timeline::EventKind::Series
                        && s.id != e.id
                        && e.kind != crate::timeline::EventKind::Series
                        && s.start <= e.start
                        && e.end <= s.end
                }),
            })
            .collect();
        let series = (0..timeline.events.len())
            .map(|s| {
                let rounds: Vec<usize> = (0..events.len())
                    .filter(|&r| events[r].series == Some(s))
                    .collect();
                (s, rounds)
            })
            .filter(|(_, rounds)| !rounds.is_empty())
            .collect();
        Aligner {
            model: Model {
                vocab,
                cues,
                events,
                series,
            },
            ids: timeline.events.iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// Aligns every passage of `articles`.
    ///
    /// Each article is aligned on its own, so a large corpus is split into contiguous
    /// runs aligned on as many threads as the machine offers; the runs are joined in
    /// order, so the result is the same however many threads there are.
    pub fn align(&self, articles: &[Article], mode: Mode) -> Alignment {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per_thread = articles.len().div_ceil(threads.max(1)).max(PER_THREAD_MIN);
        if articles.len() <= per_thread {
            return Alignment {
                articles: self.align_run(articles, mode),
            };
        }
        let runs: Vec<Vec<Vec<PassageAlignment>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = articles
                .chunks(per_thread)
                .map(|run| scope.spawn(move || self.align_run(run, mode)))
                .collect();
            handles
                .into_iter()
                // A panic in a thread is passed on as it was.
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        Alignment {
            articles: runs.into_iter().flatten().collect(),
        }
    }

    fn align_run(&self, articles: &[Article], mode: Mode) -> Vec<Vec<PassageAlignment>> {
        let mut scratch = Scratch::default();
        articles
            .iter()
            .map(|a| self.align_article(a, mode, &mut scratch))
            .collect()
    }

    fn align_article(
        &self,
        article: &Article,
        mode: Mode,
        scratch: &mut Scratch,
    ) -> Vec<PassageAlignment> {
        let model = &self.model;
        let published = article.meta.published;
        let mut discourse = Discourse::new(model, published);
        let mut out = Vec::new();
        for (index, block) in article.passages().enumerate() {
            if let (Some(marker), Mode::Curated) = (&block.marker, mode) {
                let events: Vec<usize> = (0..self.ids.len())
                    .filter(|&e| marker.events.contains(&self.ids[e]))
                    .collect();
                discourse.remember(model, index, block.kind, &events, None);
                out.push(PassageAlignment {
                    events: events
                        .into_iter()
                        .map(|event| EventMatch {
                            event,
                            cues: vec!["set by hand".to_string()],
                        })
                        .collect(),
                    by_hand: true,
                });
                continue;
            }
            read(&block.text, &model.vocab, &mut scratch.reading);
            model.cues.find(&scratch.reading.tokens, &mut scratch.hits);
            if self.says_nothing(block.kind, &scratch.reading, &scratch.hits, &discourse) {
                discourse.remember(model, index, block.kind, &[], None);
                out.push(PassageAlignment::default());
                continue;
            }
            let passage = Passage::new(
                model,
                &block.text,
                &scratch.reading,
                &scratch.hits,
                published,
                std::mem::take(&mut scratch.passage),
            );
            let evidence = &mut scratch.evidence;
            evidence.items.clear();
            weigh(
                model,
                &passage,
                published,
                discourse.series,
                &discourse.bindings,
                evidence,
            );
            let events =
                context::decide(model, block.kind, &passage, published, &discourse, evidence);
            let matches = events
                .iter()
                .map(|&event| EventMatch {
                    event,
                    cues: explain(model, &passage, evidence, event),
                })
                .collect();
            discourse.remember(model, index, block.kind, &events, Some(&passage));
            scratch.passage = passage.recycle();
            out.push(PassageAlignment {
                events: matches,
                by_hand: false,
            });
        }
        out
    }

    /// True for a passage no rule could put under any event: no cue, no date, no word
    /// for talks or for a verdict, and nothing to inherit. Much of an opinion piece is
    /// like this; such passages are spared the costlier steps.
    fn says_nothing(
        &self,
        kind: crate::corpus::BlockKind,
        reading: &Reading,
        hits: &[CueHit],
        discourse: &Discourse,
    ) -> bool {
        const TELLING: u64 =
            lexicon::DATE_WORDS | lexicon::TALKS | lexicon::GATHERING | lexicon::VERDICT;
        let inherits = context::link(kind, reading).is_some()
            && (discourse
                .previous
                .as_ref()
                .is_some_and(|p| !p.events.is_empty())
                || discourse
                    .lead_in
                    .as_ref()
                    .is_some_and(|p| !p.events.is_empty()));
        hits.is_empty() && reading.classes & TELLING == 0 && !inherits
    }
}
