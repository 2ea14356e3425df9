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
mod reasons;
mod sequence;
mod words;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::ToSpan;
use memchr::memmem::Finder;

use self::context::Discourse;
use self::cues::{CueHit, CueIndex};
use self::dates::Precision;
use self::evidence::{Evidence, weigh};
use self::explain::{Told, explain};
use self::model::{EventFacts, Model};
use self::passage::{Passage, PassageBuffers};
use self::sequence::{Decoded, Observation, Observations, Subject};
use self::words::{Reading, Token, Vocabulary, read};
use crate::corpus::{Article, BlockKind};
use crate::timeline::Timeline;

pub use self::reasons::{Cues, Iter as CuesIter};

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
    pub cues: Cues,
    /// How sure the aligner is, in percent (100 for a curator's marker).
    pub confidence: u8,
}

/// The events of one passage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageAlignment {
    /// Events, in timeline order.
    pub events: Vec<EventMatch>,
    /// Set by a curator's marker rather than the aligner.
    pub by_hand: bool,
    /// The likeliest event it was not put under, and how likely (percent): what a
    /// curator checking it would weigh.
    pub runner_up: Option<(usize, u8)>,
}

impl PassageAlignment {
    /// How sure the aligner is of this passage as a whole, in percent: the least sure
    /// of its events, and the complement of the likeliest event it left out.
    pub fn certainty(&self) -> u8 {
        let kept = self
            .events
            .iter()
            .map(|m| m.confidence)
            .min()
            .unwrap_or(100);
        let left = self.runner_up.map_or(0, |(_, c)| c);
        kept.min(100 - left.min(100))
    }
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
                            .map(|e| (e.id.clone(), m.cues.to_vec()))
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
/// How many articles a thread takes at a time.
const RUN: usize = 32;

/// Buffers reused from passage to passage, so reading a corpus allocates little.
#[derive(Default)]
struct Scratch {
    reading: Reading,
    hits: Vec<CueHit>,
    passage: PassageBuffers,
    evidence: Evidence,
    decoder: sequence::Decoder,
    observations: Observations,
    /// A passage's own evidence for each event, kept past the deciding.
    own: Vec<f32>,
    /// The article's cue bindings and the events it reports (see
    /// [`Discourse::reusing`]).
    bindings: Vec<Option<(usize, usize)>>,
    subject: Vec<usize>,
    /// The reasons of the article's hints, unsaid (see [`Observation::hints`]).
    hints: Vec<Told>,
    /// A passage's events with evidence short of deciding.
    weak: Vec<usize>,
    /// The reasons of one event, written here and copied out at their size.
    words: Cues,
    /// What the title and the date say of the article, before its passages.
    early: Early,
    /// `apply`'s lists of a passage's events.
    take: Vec<usize>,
    chosen: Vec<usize>,
}

/// The article's subject as its title and publication date tell it, read before its
/// passages, in storage kept from article to article.
#[derive(Default)]
struct Early {
    /// What the publication date says ([`Aligner::published_clues`]).
    dated: Vec<(usize, f32, &'static str)>,
    /// The title's clues and those.
    weights: Vec<(usize, f32, &'static str)>,
    /// Storage of [`sequence::subject_events`].
    total: Vec<f32>,
    /// The events they make the subject, with confidences.
    events: Vec<(usize, f32)>,
    /// For each event, whether neither they nor a passage so far decided it: `why` may
    /// have to explain it by a passage's weaker evidence.
    unexplained: Vec<bool>,
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
    /// Each article is aligned on its own, so a large corpus is split into short
    /// contiguous runs aligned on as many threads as the machine offers; the runs are
    /// joined in order, so the result is the same however many threads there are.
    pub fn align(&self, articles: &[Article], mode: Mode) -> Alignment {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per_thread = articles.len().div_ceil(threads.max(1)).max(PER_THREAD_MIN);
        if articles.len() <= per_thread {
            return Alignment {
                articles: self.align_run(articles, mode),
            };
        }
        // The threads take short runs in turn rather than one share each, so one the
        // machine slows down (another process, a run of long articles) does not keep
        // the others waiting at the end.
        let threads = articles.len().div_ceil(per_thread);
        let runs = articles.len().div_ceil(RUN);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut done: Vec<(usize, Vec<Vec<PassageAlignment>>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut scratch = Scratch::default();
                        let mut mine = Vec::new();
                        loop {
                            let r = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if r >= runs {
                                break mine;
                            }
                            let run = &articles[r * RUN..((r + 1) * RUN).min(articles.len())];
                            let aligned = run
                                .iter()
                                .map(|a| self.align_article(a, mode, &mut scratch))
                                .collect();
                            mine.push((r, aligned));
                        }
                    })
                })
                .collect();
            handles
                .into_iter()
                // A panic in a thread is passed on as it was.
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        done.sort_unstable_by_key(|(r, _)| *r);
        Alignment {
            articles: done.into_iter().flat_map(|(_, run)| run).collect(),
        }
    }

    /// Aligns every passage of `articles` on this thread, one article after another: for
    /// callers that already run one aligner per core.
    pub fn align_each(&self, articles: &[Article], mode: Mode) -> Vec<Vec<PassageAlignment>> {
        self.align_run(articles, mode)
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
        let n = model.events.len();
        let published = article.meta.published;
        let mut discourse = Discourse::reusing(
            model,
            published,
            std::mem::take(&mut scratch.bindings),
            std::mem::take(&mut scratch.subject),
        );
        let mut out = Vec::with_capacity(article.passage_count());
        let mut obs = std::mem::take(&mut scratch.observations);
        obs.clear();
        scratch.hints.clear();
        let (mut clues, title_named) = self.title_clues(article, &discourse, scratch);
        let Early {
            dated,
            weights,
            total,
            events: early,
            unexplained,
        } = &mut scratch.early;
        dated.clear();
        self.published_clues(article, dated);
        // A transcript records an occasion of its own. One whose title names people or
        // places of other events and none of the event of its day ("Joint press point
        // by NATO Secretary General Jens Stoltenberg with the Deputy Prime Minister of
        // Ukraine", the day of the Geneva round) is of another occasion that day: the
        // date says when its words were spoken, not what about, until its lead says.
        let transcript = article.meta.kind == crate::corpus::Kind::Transcript;
        let other_occasion = transcript
            && clues.is_empty()
            && !title_named.is_empty()
            && dated.iter().all(|(e, _, _)| !title_named.contains(e));
        // What the title and the date make the subject (the lead only adds events it
        // decides). An event neither in it nor decided so far is one `why` may have to
        // explain by a passage's weaker evidence.
        weights.clear();
        weights.extend(
            clues
                .iter()
                .chain(dated.iter().filter(|_| !other_occasion))
                .copied(),
        );
        sequence::subject_events(n, weights, total, early);
        unexplained.clear();
        unexplained.extend((0..n).map(|e| !early.iter().any(|&(x, _)| x == e)));
        let author = author_finder(article);
        let report = reports(article);
        // A report that narrates: not a transcript's speech or a statement's text,
        // which say how things stand at the event itself.
        let narrates = report && !transcript && article.meta.kind != crate::corpus::Kind::Statement;
        if report {
            discourse.subject.extend(
                early
                    .iter()
                    .filter(|&&(_, c)| c >= sequence::HOLD)
                    .map(|&(e, _)| e),
            );
        }
        // The evidence of the section heading just read, for the passage under it.
        let mut section: Option<Vec<(usize, f32, Cues)>> = None;
        // The section being read is headed by the events it is about ("## Geneva").
        let mut headed = false;
        let mut next_index = 0;
        // How many of the article's paragraphs have been read: the first two are its
        // lead.
        let mut paragraphs = 0;
        for block in &article.blocks {
            if !block.is_passage() {
                let (clues, names) = self.section_clues(article, &block.text, &discourse, scratch);
                headed = names;
                section = Some(clues);
                continue;
            }
            let index = next_index;
            next_index += 1;
            let is_lead = block.kind == BlockKind::Paragraph && paragraphs < LEAD_PARAGRAPHS;
            paragraphs += usize::from(block.kind == BlockKind::Paragraph);
            if let (Some(marker), Mode::Curated) = (&block.marker, mode) {
                let events: Vec<usize> = (0..self.ids.len())
                    .filter(|&e| marker.events.contains(&self.ids[e]))
                    .collect();
                discourse.remember(model, index, block.kind, &events, None, &[]);
                let o = obs.push();
                o.decided.extend_from_slice(&events);
                o.by_hand = true;
                section = None;
                out.push(PassageAlignment {
                    events: events
                        .into_iter()
                        .map(|event| EventMatch {
                            event,
                            cues: said(|s| s.push_str("set by hand")),
                            confidence: 100,
                        })
                        .collect(),
                    by_hand: true,
                    runner_up: None,
                });
                continue;
            }
            let text = bounded(&block.text);
            read(text, &model.vocab, &mut scratch.reading);
            model.cues.find(&scratch.reading.tokens, &mut scratch.hits);
            model
                .cues
                .drop_other_bodies(text, &scratch.reading.tokens, &mut scratch.hits);
            // The label of a transcript's passage, read once for both questions.
            let speaker = context::speaker(text);
            let procedure = context::is_procedure(text, speaker);
            if procedure && let Some(colon) = context::label_end(text) {
                // The chair's label ("Oana Lungescu [NATO Spokesperson]") says who
                // speaks, not what about.
                let tokens = &scratch.reading.tokens;
                scratch
                    .hits
                    .retain(|h| tokens[h.first].start as usize > colon);
            }
            let pleasantry = transcript
                && !procedure
                && context::is_pleasantry(text, &scratch.reading, &scratch.hits);
            let background = if procedure || pleasantry {
                PROCEDURE
            } else {
                0.0
            } + background(report, author.as_ref(), text, headed)
                + if outside_voice(text, &scratch.reading, &scratch.hits) {
                    OUTSIDE_VOICE
                } else {
                    0.0
                }
                + if !narrates {
                    0.0
                } else if pledges_on_condition(text, &scratch.reading, &scratch.hits) {
                    PLEDGE
                } else if states_how_things_stand(text, &scratch.reading) {
                    STANDING
                } else {
                    0.0
                };
            // The chair speaking after a question is calling the next, not answering.
            let after_question = discourse.after_question && !procedure;
            discourse.after_question = context::is_question(speaker);
            let linked = context::link(block.kind, &scratch.reading).is_some();
            if self.says_nothing(linked, &scratch.reading, &scratch.hits, &discourse)
                && !after_question
            {
                discourse.remember(model, index, block.kind, &[], None, &[]);
                let o = obs.push();
                o.background = background;
                o.linked = linked;
                under_heading(o, n, &mut section);
                out.push(PassageAlignment::default());
                continue;
            }
            let question_now = discourse.after_question;
            discourse.after_question = after_question;
            // The day of the event the passage before was telling, which "the next
            // day" counts from.
            let anchor = discourse
                .previous
                .as_ref()
                .and_then(|p| p.carried().iter().copied().find(|&e| self.is_day(e)))
                .map(|e| model.events[e].start);
            let passage = Passage::new(
                model,
                text,
                &scratch.reading,
                &scratch.hits,
                published,
                anchor,
                std::mem::take(&mut scratch.passage),
            );
            let evidence = &mut scratch.evidence;
            weigh(
                model,
                &passage,
                published,
                discourse.series,
                &discourse.bindings,
                evidence,
            );
            let own = evidence.totals(n);
            let own_kept = &mut scratch.own;
            own_kept.clear();
            own_kept.extend_from_slice(&own);
            evidence.recycle_totals(own);
            let events =
                context::decide(model, block.kind, &passage, published, &discourse, evidence);
            discourse.after_question = question_now;
            // A report whose title and date left its subject open takes it from its
            // lead, the first of its opening paragraphs that names an event (a photo's
            // caption is not the story): "BRUSSELS — … on Wednesday" is what it goes
            // on about.
            if report && is_lead && discourse.subject.is_empty() {
                discourse.subject.extend_from_slice(&events);
            }
            if index < LEAD {
                for &e in &events {
                    clues.push((e, own_kept[e].clamp(context::THRESHOLD, LEAD_MAX), "lead"));
                }
            }
            let words = &mut scratch.words;
            let matches = events
                .iter()
                .map(|&event| {
                    words.clear();
                    explain(model, &passage, evidence, event, words);
                    EventMatch {
                        event,
                        cues: words.clone(),
                        confidence: evidence_confidence(own_kept[event]),
                    }
                })
                .collect();
            let topical = !events.is_empty() && events.iter().all(|&e| evidence.only_topic(e));
            // The strongest of them: a cue shared by two events (Geneva: the summit
            // and the round) leaves them level, and the chain may take either.
            let weak = &mut scratch.weak;
            weak.clear();
            weak.extend((0..n).filter(|&e| {
                own_kept[e] > 0.0 && !events.contains(&e) && scratch.early.unexplained[e]
            }));
            weak.sort_by(|&a, &b| own_kept[b].total_cmp(&own_kept[a]).then(a.cmp(&b)));
            for &e in &events {
                scratch.early.unexplained[e] = false;
            }
            discourse.remember(model, index, block.kind, &events, Some(&passage), own_kept);
            let o = obs.push();
            o.decided.extend_from_slice(&events);
            o.own.extend_from_slice(own_kept);
            ruled_out(model, &passage, &mut o.ruled_out);
            o.background = background + unrelated_dates(model, &passage);
            o.refers = refers(&passage);
            o.linked = linked || after_question;
            o.topical = topical;
            // Most hints are never shown: their reasons are kept, and worded in
            // `apply` only for a passage the chain puts under the event.
            for &e in weak.iter().take(HINTS) {
                let told = explain::hints(&passage, evidence, e, &mut scratch.hints);
                o.hints.push((e, told));
            }
            under_heading(o, n, &mut section);
            scratch.passage = passage.recycle();
            out.push(PassageAlignment {
                events: matches,
                by_hand: false,
                runner_up: None,
            });
        }
        // Published the day after an event, with nothing else to say what it is
        // about (no title, lead or event of that day), a report is as likely a
        // reaction the day after (a minister's interview) as an account of the event:
        // that date alone makes no subject; nor does it for a transcript of another
        // occasion (above).
        let alone = clues.is_empty()
            && (other_occasion || scratch.early.dated.iter().all(|&(_, _, w)| w == DAY_AFTER));
        if !alone {
            clues.extend_from_slice(&scratch.early.dated);
        }
        let subject = sequence::subject(n, &clues);
        let decoded = sequence::decode_into(
            model,
            &subject,
            report,
            obs.as_slice(),
            &mut scratch.decoder,
        );
        self.apply(
            article,
            &subject,
            decoded,
            Telling { report, transcript },
            (
                obs.as_slice(),
                &scratch.hints,
                (&mut scratch.words, &mut scratch.take, &mut scratch.chosen),
            ),
            &mut out,
        );
        scratch.observations = obs;
        scratch.bindings = discourse.bindings;
        scratch.subject = discourse.subject;
        out
    }

    /// What the title says of the article's subject: its own evidence for each event.
    fn title_clues(
        &self,
        article: &Article,
        discourse: &Discourse,
        scratch: &mut Scratch,
    ) -> (Vec<(usize, f32, &'static str)>, Vec<usize>) {
        let mut clues = Vec::new();
        let mut named = Vec::new();
        self.weigh_line(
            article,
            &article.meta.title,
            true,
            discourse,
            scratch,
            |passage, evidence, own| {
                // A document's author and stock phrases in a title ("Ryabkov sees a
                // chance for talks on security guarantees") are its topic, not a
                // report of the document.
                let topic = |e: usize| {
                    self.model.events[e].kind == crate::timeline::EventKind::Document
                        && evidence.only_topic(e)
                };
                // A news report's headline, undated, tells what happened as it was
                // published: "Talks conclude in Geneva" a week after a round in
                // Geneva is a later meeting there; two days after, it is the round.
                let news = article.meta.kind == crate::corpus::Kind::News;
                let past = |e: usize| {
                    let ev = &self.model.events[e];
                    news && ev.kind != crate::timeline::EventKind::Series
                        && passage.mentions.is_empty()
                        && ev
                            .end
                            .checked_add(HEADLINE_DAYS.days())
                            .is_ok_and(|last| article.meta.published > last)
                };
                clues.extend(
                    own.iter()
                        .enumerate()
                        .filter(|&(e, w)| *w >= TITLE_MIN && !topic(e) && !past(e))
                        .map(|(e, &w)| (e, w, "title")),
                );
                named.extend(passage.hits.iter().flat_map(|h| {
                    self.model.cues.cues[h.cue]
                        .events
                        .iter()
                        .filter(|(_, k)| *k != cues::CueKind::Common)
                        .map(|&(e, _)| e)
                }));
            },
        );
        (clues, named)
    }

    /// What a section heading ("## Brussels") says of the passages under it: the events
    /// its own evidence points to, each with that evidence and its cues in words. A
    /// heading is the lead of its section, as the title is of the article.
    fn section_clues(
        &self,
        article: &Article,
        heading: &str,
        discourse: &Discourse,
        scratch: &mut Scratch,
    ) -> (Vec<(usize, f32, Cues)>, bool) {
        let mut clues = Vec::new();
        let mut names = false;
        let model = &self.model;
        self.weigh_line(
            article,
            heading,
            false,
            discourse,
            scratch,
            |passage, evidence, own| {
                for (e, &w) in own.iter().enumerate().filter(|(_, w)| **w > 0.0) {
                    let mut cues = said(|s| {
                        s.push_str("under the heading “");
                        s.push_str(heading.trim());
                        s.push('”');
                    });
                    explain(model, passage, evidence, e, &mut cues);
                    clues.push((e, w * HEADING_GAIN, cues));
                    names |= evidence.names_event(e, &model.cues);
                }
            },
        );
        (clues, names)
    }

    /// Reads one line that is not a passage (the title, a heading) as evidence, and
    /// hands `found` the reading, its evidence and its own weight for each event; not
    /// called when the line holds neither a cue nor a date.
    fn weigh_line(
        &self,
        article: &Article,
        line: &str,
        title: bool,
        discourse: &Discourse,
        scratch: &mut Scratch,
        found: impl FnOnce(&Passage, &Evidence, &[f32]),
    ) {
        let model = &self.model;
        let published = article.meta.published;
        let line = bounded(line);
        read(line, &model.vocab, &mut scratch.reading);
        model.cues.find(&scratch.reading.tokens, &mut scratch.hits);
        model
            .cues
            .drop_other_bodies(line, &scratch.reading.tokens, &mut scratch.hits);
        if scratch.hits.is_empty() && scratch.reading.classes & lexicon::DATE_WORDS == 0 {
            return;
        }
        let mut passage = Passage::new(
            model,
            line,
            &scratch.reading,
            &scratch.hits,
            published,
            None,
            std::mem::take(&mut scratch.passage),
        );
        if title {
            // "Department Press Briefing – January 11, 2022": a title dated the day it
            // is published says when the piece is, not what it is about.
            passage
                .mentions
                .retain(|m| !(m.first == published && m.last == published));
        }
        weigh(
            model,
            &passage,
            published,
            discourse.series,
            &discourse.bindings,
            &mut scratch.evidence,
        );
        let own = scratch.evidence.totals(model.events.len());
        found(&passage, &scratch.evidence, &own);
        scratch.evidence.recycle_totals(own);
        scratch.passage = passage.recycle();
    }

    /// What the publication date says of the subject: a report published on the day of
    /// an event, or the day after, is likely about it; a comment less so.
    fn published_clues(&self, article: &Article, clues: &mut Vec<(usize, f32, &'static str)>) {
        use crate::corpus::Kind;
        let published = article.meta.published;
        let weight = match article.meta.kind {
            Kind::News | Kind::Transcript | Kind::Statement => 1.5,
            // An interview is the speaker's view, most often given after the event.
            Kind::Analysis | Kind::Interview => 0.5,
            Kind::Opinion | Kind::Commentary => 0.4,
        };
        for (e, ev) in self.model.events.iter().enumerate() {
            let from = if ev.kind == crate::timeline::EventKind::Series {
                ev.end
            } else {
                ev.start
            };
            if from <= published && published <= ev.near_end {
                let when = if published <= ev.end {
                    THAT_DAY
                } else {
                    DAY_AFTER
                };
                clues.push((e, weight, when));
            }
        }
    }

    /// Whether event `e` happened on one day, so that a day can be counted from it.
    fn is_day(&self, e: usize) -> bool {
        let ev = &self.model.events[e];
        ev.start == ev.end
    }

    /// Lays the decoded chain over what each passage's own evidence decided: a passage
    /// without events of its own takes the event the article is talking about there;
    /// one that refers back to it ("the session was the third in four days") adds it.
    /// `obs` are the article's observations, with the reasons their hints keep, and
    /// `words` a buffer the reasons are written in before they are copied out.
    fn apply(
        &self,
        article: &Article,
        subject: &Subject,
        decoded: &Decoded,
        telling: Telling,
        (obs, hints, (words, take, chosen)): (&[Observation], &[Told], ApplyBuffers<'_>),
        out: &mut [PassageAlignment],
    ) {
        let Telling { report, transcript } = telling;
        let model = &self.model;
        // The likeliest event the article is about, whatever its confidence.
        let own_event = subject.events.first().map(|&(e, _)| e);
        for i in 0..out.len() {
            let o = &obs[i];
            if o.by_hand {
                continue;
            }
            let posterior = decoded.posterior(i);
            for m in &mut out[i].events {
                m.confidence = m.confidence.max(percent(posterior[m.event]));
            }
            // The state here, and the article's subject just before: "The session was
            // the third in four days" names two earlier rounds and means the one the
            // article reports.
            let before = i
                .checked_sub(1)
                .and_then(|j| decoded.state[j])
                .filter(|&s| subject.confidence(s) >= 0.5);
            // A transcript is the record of what was said at its event: a question
            // about the next round is still asked at this one. Not its procedure, nor
            // what the chain found to be about no event.
            let occasion = own_event
                .filter(|_| transcript && decoded.state[i].is_some() && o.background <= 0.0)
                .filter(|&e| subject.confidence(e) >= sequence::HOLD);
            // The article's own event, if the passage before was still telling it: one
            // that hangs on that passage ("In Vienna, he added, …") goes on reporting it.
            let carried = own_event.filter(|&e| {
                o.linked
                    && i.checked_sub(1)
                        .is_some_and(|j| out[j].events.iter().any(|m| m.event == e))
            });
            take.clear();
            for s in [decoded.state[i], before, occasion, carried]
                .into_iter()
                .flatten()
            {
                if take.contains(&s) || out[i].events.iter().any(|m| m.event == s) {
                    continue;
                }
                if Some(s) == occasion && !yields(model, s, &o.decided) {
                    take.push(s);
                    continue;
                }
                if o.decided.is_empty() {
                    // Only the chain's own state continues into a passage of no evidence.
                    if Some(s) == decoded.state[i] {
                        take.push(s);
                    }
                    continue;
                }
                // Only a report keeps telling its event beside others it names; an
                // analysis names the events it means.
                let backed = o.own.get(s).is_some_and(|w| *w >= UNION_OWN);
                // A report on its round that turns to another event's topics is still
                // on its round.
                let holds = o.topical
                    && Some(s) == decoded.state[i]
                    && subject.confidence(s) >= sequence::HOLD;
                // "The exchange continued the one begun on 7 December": the dates are
                // those of the other events it names; the one it refers to as known
                // is the one being reported.
                let referred = o.refers && subject.confidence(s) >= sequence::HOLD;
                if report
                    && !yields(model, s, &o.decided)
                    && (!o.ruled_out.contains(&s) || referred)
                    && (o.refers || backed || holds || o.linked)
                {
                    take.push(s);
                }
            }
            out[i].events.reserve_exact(take.len());
            for &s in take.iter() {
                let earlier = (0..i)
                    .rev()
                    .find(|&j| out[j].events.iter().any(|m| m.event == s));
                // The heading above, if it named the event, is the most telling reason.
                let heading = o.section.iter().find(|(e, _)| *e == s).map(|(_, c)| c);
                // Written into `words`, then copied out at their size.
                words.clear();
                match earlier {
                    _ if heading.is_some() => {}
                    _ if Some(s) == occasion && decoded.state[i] != Some(s) => {
                        words.push_with(|out| {
                            let _ = write!(
                                out,
                                "context: said at {}, the transcript's subject ({})",
                                model.events[s].label,
                                subject.sources_of(s).join(", ")
                            );
                        })
                    }
                    Some(j) => words.push_with(|out| {
                        let _ = write!(out, "context: continues ¶{}", j + 1);
                    }),
                    None if subject.confidence(s) > 0.0 => words.push_with(|out| {
                        let _ = write!(
                            out,
                            "the article's subject: {} ({})",
                            model.events[s].label,
                            subject.sources_of(s).join(", ")
                        );
                    }),
                    None => {
                        // Its own evidence, short of deciding alone, says why here.
                        words.push("context: what the article turns to here");
                        if let Some((_, told)) = o.hints.iter().find(|(e, _)| *e == s) {
                            let text = article.passages().nth(i).map_or("", |b| bounded(&b.text));
                            let told = hints.get(told.clone()).unwrap_or(&[]);
                            explain::say(model, text, told, words);
                        }
                    }
                }
                let cues = heading.unwrap_or(&*words).clone();
                out[i].events.push(EventMatch {
                    event: s,
                    cues,
                    confidence: percent(posterior[s]),
                });
            }
            out[i].events.sort_by_key(|m| m.event);
            // The likeliest event left out, by the chain or by the passage's own
            // evidence short of deciding; a series whose round was chosen is not left
            // out, it yields.
            chosen.clear();
            chosen.extend(out[i].events.iter().map(|m| m.event));
            out[i].runner_up = (0..model.events.len())
                // Most events are nowhere near: no evidence of their own, and a
                // posterior that rounds to 0 %, so never the runner-up.
                .filter(|&e| posterior[e] >= NEVER_SHOWN || o.own.get(e).is_some_and(|w| *w > 0.0))
                .filter(|&e| !chosen.contains(&e) && !yields(model, e, chosen))
                .map(|e| {
                    let own = o.own.get(e).copied().unwrap_or(0.0);
                    let by_own = if own > 0.0 {
                        evidence_confidence(own)
                    } else {
                        0
                    };
                    (e, percent(posterior[e]).max(by_own))
                })
                .filter(|&(_, c)| c > 0)
                .max_by_key(|&(e, c)| (c, std::cmp::Reverse(e)));
        }
    }

    /// True for a passage no rule could put under any event: no cue, no date, no word
    /// for talks or for a verdict, and nothing to inherit. Much of an opinion piece is
    /// like this; such passages are spared the costlier steps.
    fn says_nothing(
        &self,
        linked: bool,
        reading: &Reading,
        hits: &[CueHit],
        discourse: &Discourse,
    ) -> bool {
        const TELLING: u64 =
            lexicon::DATE_WORDS | lexicon::TALKS | lexicon::GATHERING | lexicon::VERDICT;
        let inherits = linked
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

/// The storage `apply` writes in: the words of one event's reasons, the events the
/// chain adds to a passage and those it was put under.
type ApplyBuffers<'b> = (&'b mut Cues, &'b mut Vec<usize>, &'b mut Vec<usize>);

/// How an article tells its events, from its kind.
#[derive(Clone, Copy)]
struct Telling {
    /// News, a statement or a transcript: it keeps telling its event beside others it
    /// names (an analysis names the events it means).
    report: bool,
    /// The record of what was said at one event.
    transcript: bool,
}

/// The most of one passage the aligner reads. No real paragraph comes near it; a
/// hostile one (a 4 MiB run of dates) costs no more than this much of it.
pub const MAX_ALIGNED_BYTES: usize = 64 * 1024;

/// The part of `text` the aligner reads: at most [`MAX_ALIGNED_BYTES`], cut at a
/// character boundary.
fn bounded(text: &str) -> &str {
    head(text, MAX_ALIGNED_BYTES)
}

/// The longest start of `text` of at most `max` bytes that ends on a character
/// boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether a passage gives an outside voice: a commentator by trade ("analyst", "a think
/// tank"), or a person introduced as someone the reader does not know ("Glen Grant, a
/// defence expert", "Tim Ash, an emerging-markets strategist"). Principals are named by
/// their office; what an outsider says weighs the events up rather than reporting one.
/// A participant of the timeline introduced the same way ("Sergei Ryabkov, a deputy
/// foreign minister") is no outsider.
fn outside_voice(text: &str, reading: &Reading, hits: &[CueHit]) -> bool {
    if reading.classes & lexicon::EXPERT != 0 {
        return true;
    }
    if reading.classes & lexicon::INDEFINITE == 0 {
        return false;
    }
    let t = &reading.tokens;
    // Hits are in token order: whether one covers token `i`.
    let cue_at = |i: usize| {
        let k = hits.partition_point(|h| h.first + h.len <= i);
        hits.get(k).is_some_and(|h| h.first <= i)
    };
    (1..t.len()).any(|i| {
        t[i].class & lexicon::INDEFINITE != 0
            && !t[i].quoted
            && t[i - 1].capital
            && t[i - 1].sentence == t[i].sentence
            && reading.gap(text, i - 1).trim() == ","
            && !cue_at(i - 1)
    })
}

/// Whether a passage says how things stand rather than what happened: a verb of the
/// present or its perfect ("Moscow has massed troops", "Kyiv and its allies are
/// worried") and, outside quotation marks, no past ("was", "said", "rejected"). In a
/// news report that is the background paragraph a wire story ends on, not more of the
/// meeting it reported. A regular "-ed" (or an irregular past like "met") just after
/// an auxiliary or an article is a participle or an adjective ("has described", "an
/// estimated 100,000"), not a past; so is a regular "-ed" later in the first sentence
/// than the present verb that set its tense, unless a name or a pronoun just before it
/// is its subject ("Putin has denied plans to attack, with troops amassed near the
/// border"; but "…, and Russia amassed troops", "…, Ryabkov said").
fn states_how_things_stand(text: &str, reading: &Reading) -> bool {
    use lexicon::{HELPER, PAST, PAST_FORM, PRESENT, PRONOUN, SPEECH};
    if reading.classes & PRESENT == 0 {
        return false;
    }
    let t = &reading.tokens;
    let bytes = text.as_bytes();
    // A past, not a participle: an irregular past or a regular "-ed" with no
    // auxiliary or article just before it.
    let past_at = |i: usize| {
        let w = &t[i];
        let regular_past = || {
            // Not a name ("United"), and not "need", "indeed", "hundred"-like words;
            // the last byte first, since most words do not end in "d".
            let (start, end) = (w.start as usize, w.end as usize);
            if w.capital || end - start <= 4 || bytes.get(end - 1) != Some(&b'd') {
                return false;
            }
            let raw = w.raw(text);
            raw.ends_with("ed") && !raw.ends_with("eed") && !raw.ends_with("dred")
        };
        (w.class & PAST_FORM != 0 || regular_past())
            && !(i.saturating_sub(2)..i)
                .any(|j| t[j].sentence == w.sentence && t[j].class & HELPER != 0)
    };
    // The first sentence carries the passage: its first verb in the present or its
    // perfect, before any past. Once that verb has set the tense, a later regular "-ed"
    // after neither a name nor a pronoun (its subject) is a participle ("troops amassed
    // near the border", "seemingly poised"); "Russia presented", "they agreed", an
    // irregular past ("…, Ryabkov said") and "was", "were" or "did" are pasts of their
    // own.
    let participle = |i: usize| {
        let w = &t[i];
        w.class & (PAST_FORM | SPEECH) == 0
            && (i == 0
                || t[i - 1].sentence != w.sentence
                || !(t[i - 1].capital || t[i - 1].class & PRONOUN != 0))
    };
    let mut present = false;
    for (i, w) in t.iter().enumerate() {
        if w.quoted {
            continue;
        }
        let loose = present && w.sentence == 0 && participle(i);
        if w.class & PAST != 0 || (!loose && past_at(i)) {
            return false;
        }
        present |= w.class & PRESENT != 0;
    }
    present
}

/// Whether a passage, in the reporter's own words, states a pledge or a threat that
/// waits on a condition put in the present ("The U.S. and its allies promised severe
/// sanctions if Russia invades"): a standing position, as true the week before the
/// meeting as after it, not something the meeting did. Only a passage of one sentence
/// with nothing of its own that names an event, a day or a speaker: "Sherman warned of
/// costs if Russia invades" is what she said at the table, and "promised sanctions if
/// Russia invaded" tells the promise as made then.
fn pledges_on_condition(text: &str, reading: &Reading, hits: &[CueHit]) -> bool {
    use lexicon::{CONDITION, DATE_WORDS, PAST, PAST_FORM, PRESENT, PROMISE, SPEECH};
    if !hits.is_empty()
        || reading.sentences != 1
        || reading.classes & (SPEECH | DATE_WORDS) != 0
        || reading.classes & (CONDITION | PROMISE) != CONDITION | PROMISE
    {
        return false;
    }
    let t = &reading.tokens;
    // A verb of the present after the condition's subject ("if Russia invades", "if
    // Moscow is"), and no past among the words that follow ("if the talks failed", "if
    // Russian troops crossed").
    let present = |w: &Token| {
        let r = w.raw(text);
        !w.capital
            && (w.class & PRESENT != 0
                || (r.len() > 4 && r.ends_with('s') && !r.ends_with("ss") && !r.ends_with("us")))
    };
    let past = |w: &Token| {
        w.class & (PAST | PAST_FORM) != 0 || (!w.capital && w.raw(text).ends_with("ed"))
    };
    t.iter().enumerate().any(|(i, w)| {
        if w.class & CONDITION == 0 || w.quoted {
            return false;
        }
        // The pledge comes before its condition: "promised … if".
        if !t[..i].iter().any(|x| x.class & PROMISE != 0 && !x.quoted) {
            return false;
        }
        let clause = &t[i + 1..t.len().min(i + 5)];
        clause.iter().any(present) && !clause.iter().any(past)
    })
}

/// The weight of background a passage stating how things stand gets in a news report.
const STANDING: f32 = 2.5;
/// The weight of background a conditional pledge gets in a news report: more than
/// [`STANDING`], enough to leave the event for that one passage and come back after
/// it, since nothing in it names the event.
const PLEDGE: f32 = 4.0;

/// Lays the evidence of a section heading (`section`, then emptied) on the first
/// passage under it, `o`, for a timeline of `n` events: the chain weighs it as the
/// passage's own, so the section starts on the event its heading names and the passages
/// after carry it on.
fn under_heading(o: &mut Observation, n: usize, section: &mut Option<Vec<(usize, f32, Cues)>>) {
    let Some(section) = section.take() else {
        return;
    };
    o.opens_section = true;
    if section.is_empty() {
        return;
    }
    if o.own.len() < n {
        o.own.resize(n, 0.0);
    }
    for (e, w, cues) in section {
        o.own[e] += w;
        o.section.push((e, cues));
    }
}

/// One reason, the words `write` writes.
fn said(write: impl FnOnce(&mut String)) -> Cues {
    let mut cues = Cues::new();
    cues.push_with(write);
    cues
}

/// Whether series `s` yields to one of its rounds among `events`.
fn yields(model: &Model, s: usize, events: &[usize]) -> bool {
    model
        .series
        .iter()
        .any(|(x, rounds)| *x == s && rounds.iter().any(|r| events.contains(r)))
}

/// How many of a passage's undecided events `why` can explain by their own evidence.
const HINTS: usize = 2;

/// The weight of its own that keeps the current event beside the ones a passage names.
const UNION_OWN: f32 = 1.5;

/// How much more a section heading's evidence counts than the same words in a
/// passage: a heading is nothing but its topic.
const HEADING_GAIN: f32 = 3.0;

/// Why the publication date points to an event: published on its day, or the day
/// after.
const THAT_DAY: &str = "published that day";
const DAY_AFTER: &str = "published the day after";

/// How many opening passages count as the article's lead.
const LEAD: usize = 1;
/// How many opening paragraphs a report's subject may come from, when its title and
/// date do not give it: a lead is often a scene, then the news.
const LEAD_PARAGRAPHS: usize = 2;
/// The most the lead's evidence counts towards the subject.
const LEAD_MAX: f32 = 4.5;
/// The weight of its own a title needs to say what the article is about.
const TITLE_MIN: f32 = 1.2;

/// How many days after a day's event a news headline without a date may still report
/// it: the days a story runs. Later, the headline is news of its own days.
const HEADLINE_DAYS: i64 = 2;

/// Below this a probability is 0 as a whole percentage (it rounds at 0.005).
const NEVER_SHOWN: f32 = 0.004;

/// A probability as a whole percentage.
fn percent(p: f32) -> u8 {
    // `round` without the call to libm it costs on plain x86-64, run a few times for
    // every passage: the whole part is cut off (exact, the value is at most 100), and
    // what is left, also exact, decides; a half goes up, as `round` has it. NaN is 0,
    // as `NaN as u8` is.
    let x = p.clamp(0.0, 1.0) * 100.0;
    let whole = x as u8;
    whole + u8::from(x - f32::from(whole) >= 0.5)
}

/// How sure a passage's own evidence makes its event: even odds at half the threshold,
/// near certainty at twice it.
fn evidence_confidence(own: f32) -> u8 {
    percent(1.0 / (1.0 + (-(own - context::THRESHOLD / 2.0) * 1.2).exp()))
}

/// Signs that a passage belongs to no event, whatever its neighbours: an author's note
/// ("X is a columnist in Kyiv"), and the general argument most of an opinion piece is
/// made of. `author` is the article's [`author_finder`].
fn background(report: bool, author: Option<&Finder>, text: &str, headed: bool) -> f32 {
    // Under a heading that names its event, an argument is about that event.
    let mut b = if report || headed {
        0.0
    } else {
        OPINION_BACKGROUND
    };
    if author.is_some_and(|f| f.find(text.as_bytes()).is_some()) || is_credit(text) {
        b += AUTHOR_NOTE;
    }
    b
}

/// The search for the article's author in its passages, when the byline is a full
/// name (two words or more: a lone "Reuters" is no note about the author). Built once
/// per article: every passage is searched.
fn author_finder(article: &Article) -> Option<Finder<'_>> {
    let author = article.meta.author.trim();
    (author.split_whitespace().count() >= 2).then(|| Finder::new(author))
}

/// Whether the article reports (news, a transcript, a statement) rather than argues:
/// its passages go on about its subject until they say otherwise. A dispatch filed
/// from where it happened ("GENEVA —") reports, whatever kind its outlet files it
/// under.
fn reports(article: &Article) -> bool {
    use crate::corpus::Kind;
    matches!(
        article.meta.kind,
        Kind::News | Kind::Transcript | Kind::Statement
    ) || article
        .passages()
        .next()
        .is_some_and(|p| opens_with_dateline(&p.text))
}

/// A dateline: the place a dispatch was filed from, in capitals, before a dash
/// ("GENEVA —", "KYIV, Ukraine (AP) —", "MOSCOW, Jan 10 (Reuters) -").
fn opens_with_dateline(text: &str) -> bool {
    let head = head(text, 80);
    let Some(end) = ["\u{2014}", "\u{2013}", " - ", " -- "]
        .iter()
        .filter_map(|d| head.find(d))
        .min()
    else {
        return false;
    };
    let place = head[..end].split([',', '(']).next().unwrap_or("").trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}'))
}

/// A wire's credit line: "Reporting by …; Editing by …", "Additional reporting by …".
fn is_credit(text: &str) -> bool {
    const CREDITS: [&str; 6] = [
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "reported by",
    ];
    // Runs for every passage: compared in place, nothing allocated, and only for a
    // short one.
    if text.len() >= 300 {
        return false;
    }
    let head = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    CREDITS.iter().any(|c| {
        head.get(..c.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(c))
    })
}

/// Background in an opinion piece, before any evidence.
const OPINION_BACKGROUND: f32 = 1.6;
/// A chair's procedure in a transcript ("Moderator: we will now take questions").
const PROCEDURE: f32 = 4.0;
/// An outside commentator's view ("a defence expert said") weighs events up rather
/// than reporting one.
const OUTSIDE_VOICE: f32 = 2.0;
/// A passage naming the article's own author is a note about them.
const AUTHOR_NOTE: f32 = 6.0;

/// Evidence of background: dates no event falls near ("since 2014", "last Friday" in a
/// week without talks) point away from every event.
fn unrelated_dates(model: &Model, p: &Passage) -> f32 {
    let unrelated = p
        .mentions
        .iter()
        // Only a date that places the passage on the calendar itself: a week or a day
        // read relative to publication ("the week", "on Friday") may be the one the
        // article looks back on, not another time.
        .filter(|m| {
            !m.bound && !m.told && !matches!(m.precision, Precision::Relative | Precision::Week)
        })
        .filter(|m| {
            !model
                .events
                .iter()
                .any(|ev| m.first <= ev.near_end && ev.near_start <= m.last)
        })
        .count();
    (unrelated as f32 * UNRELATED_DATE).min(2.0 * UNRELATED_DATE)
}

/// The weight of background a date no event falls near gives.
const UNRELATED_DATE: f32 = 1.8;

/// Adds to `out` the events a passage's dates rule out: when every sentence is dated
/// and none allows them.
fn ruled_out(model: &Model, p: &Passage, out: &mut Vec<usize>) {
    if p.sentences.is_empty() || p.sentences.iter().any(|s| s.compatible.is_none()) {
        return;
    }
    out.extend(
        (0..model.events.len()).filter(|&e| (0..p.sentences.len() as u16).all(|s| !p.allows(s, e))),
    );
}

/// Whether a passage refers to an event as already known: a definite article before a
/// word for a meeting, a call, a document ("the session", "their call"), when no cue
/// beside it says which ("the Geneva talks", "the talks in Vienna" say it themselves).
fn refers(p: &Passage) -> bool {
    let classes = p.reading.classes;
    if classes & lexicon::DEFINITE == 0 || classes & (lexicon::KINDS | lexicon::TALKS) == 0 {
        return false;
    }
    let t = &p.reading.tokens;
    // Hits are in token order and do not overlap: whether any covers [a, b).
    let near_cue = |a: usize, b: usize| {
        let k = p.hits.partition_point(|h| h.first + h.len <= a);
        p.hits.get(k).is_some_and(|h| h.first < b)
    };
    (0..t.len()).any(|i| {
        if t[i].class & lexicon::DEFINITE == 0 || t[i].quoted {
            return false;
        }
        (i + 1..(i + 3).min(t.len())).any(|j| {
            t[j].sentence == t[i].sentence
                && t[j].class & (lexicon::KINDS | lexicon::TALKS) != 0
                && !near_cue(i, j + 3)
        })
    })
}
