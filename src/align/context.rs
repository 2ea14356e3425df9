//! Context: what a passage means given the passages around it. A quotation or a "He
//! added…" continues the paragraph before; a list item belongs under its lead-in; a
//! verdict ("The result appears fruitless") judges the talks just reported; "the talks"
//! with a verdict means the series the article covers. And a series yields to the
//! rounds it is made of: a passage that singles out rounds is about those rounds.
//! The article also remembers which event a shared cue meant when a date settled it,
//! so "their virtual meeting" three paragraphs later means the same call.

use jiff::ToSpan;
use jiff::civil::Date;

use super::cues::{CueHit, CueKind};
use super::dates::Precision;
use super::evidence::{Evidence, Group, Reason};
use super::lexicon::{EXPECT, OPENER, PRONOUN, SPEECH, TALKS, VERDICT};
use super::model::Model;
use super::passage::Passage;
use super::words::Reading;
use crate::corpus::BlockKind;

/// The total weight at which a passage is put under an event.
pub(crate) const THRESHOLD: f32 = 3.0;
/// The weight of its own that picks an event out of those a passage inherits.
const SELECT: f32 = 1.0;
/// The weight each of several rounds named together needs.
const TOGETHER: f32 = 1.5;
/// How long before and after a series an article may mean it by "the talks".
const SERIES_REACH_DAYS: i32 = 30;
/// How many words into a passage a pronoun still points back.
const PRONOUN_REACH: usize = 8;
/// Share of a passage inside quotation marks that makes it a quotation.
const MOSTLY_QUOTED: f32 = 0.6;

/// How a passage hangs on an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Link {
    /// It is a quotation (or opens with one) following on from the paragraph before.
    Quotation,
    /// It opens by pointing back: "He suggested…", "It was a point echoed…".
    Pronoun,
    /// It is an item of a list, under the paragraph that introduces the list.
    ListItem,
    /// It judges the outcome of the talks the paragraph before reported.
    Verdict,
    /// It names again a participant of the event of the paragraph before.
    Participant,
    /// It names again a participant of the event of the paragraph before who is one of
    /// the people of the article's own event too: in a report, that event.
    SubjectParticipant,
    /// In a transcript, it answers the question just asked.
    Answer,
}

impl Link {
    /// Writes the words of the link, for an event's `why`, at the end of `out`.
    pub fn describe_into(self, from: usize, out: &mut String) {
        use std::fmt::Write as _;
        let n = from + 1;
        // A `String` never fails to take text.
        let _ = match self {
            Link::Quotation => write!(out, "context: a quotation following ¶{n}"),
            Link::Pronoun => write!(out, "context: continues ¶{n}"),
            Link::ListItem => write!(out, "context: item of the list under ¶{n}"),
            Link::Verdict => write!(out, "context: judges the talks of ¶{n}"),
            Link::Participant => write!(out, "context: a participant of ¶{n}'s event again"),
            Link::SubjectParticipant => write!(
                out,
                "context: after ¶{n}, a participant of the article's own event again"
            ),
            Link::Answer => write!(out, "context: answers the question of ¶{n}"),
        };
    }
}

/// A passage already aligned, as the passages after it see it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prior {
    pub index: usize,
    pub events: Vec<usize>,
    /// Its main events, which a passage continuing it carries on: those its evidence
    /// for was near the strongest (empty: all of `events`). A lead on a press
    /// conference that also says "after rounds of talks" goes on about the press
    /// conference.
    pub main: Vec<usize>,
}

impl Prior {
    /// What a passage continuing this one carries on.
    pub fn carried(&self) -> &[usize] {
        if self.main.is_empty() {
            &self.events
        } else {
            &self.main
        }
    }
}

/// What an article has said so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct Discourse {
    /// The series the article covers, if its date falls near one.
    pub series: Option<usize>,
    /// The last passage of the running text (captions stand apart).
    pub previous: Option<Prior>,
    /// The paragraph that introduces the current list.
    pub lead_in: Option<Prior>,
    /// The last passage was an item of a list.
    pub in_list: bool,
    /// A passage so far was about the series or one of its rounds.
    pub covered_series: bool,
    /// The last passage was a question in a transcript ("Question: …").
    pub after_question: bool,
    /// For each cue, the event a dated sentence tied it to, and where.
    pub bindings: Vec<Option<(usize, usize)>>,
    /// The events a report is about, from its title and date alone (empty for an
    /// argument, or a report whose subject is unclear).
    pub subject: Vec<usize>,
}

impl Discourse {
    /// A fresh article published on `published`, its cue bindings kept in `bindings`
    /// (emptied first): a list as long as the timeline's cues, which would otherwise be
    /// allocated for every article.
    pub fn reusing(
        model: &Model,
        published: Date,
        mut bindings: Vec<Option<(usize, usize)>>,
        mut subject: Vec<usize>,
    ) -> Discourse {
        bindings.clear();
        subject.clear();
        bindings.resize(model.cues.cues.len(), None);
        Discourse {
            series: current_series(model, published),
            previous: None,
            lead_in: None,
            in_list: false,
            covered_series: false,
            after_question: false,
            bindings,
            subject,
        }
    }

    /// Records passage `index` (of `kind`) under `events`, and the cues its dates settled.
    /// `own` is its own evidence per event (empty: none weighed), which says which of
    /// `events` are its main ones: those within half of the strongest.
    pub fn remember(
        &mut self,
        model: &Model,
        index: usize,
        kind: BlockKind,
        events: &[usize],
        passage: Option<&Passage>,
        own: &[f32],
    ) {
        if kind == BlockKind::Caption {
            // A caption describes a photo, often an old one: it neither continues the
            // text nor settles what its words mean there.
            return;
        }
        let in_list = matches!(kind, BlockKind::ListItem { .. });
        if in_list && !self.in_list {
            self.lead_in = self.previous.clone();
        } else if !in_list {
            self.lead_in = None;
        }
        self.in_list = in_list;
        // Reuses the last passage's storage: this runs for every passage of a corpus.
        let prior = self.previous.get_or_insert_with(Prior::default);
        prior.index = index;
        prior.events.clear();
        prior.events.extend_from_slice(events);
        prior.main.clear();
        if !own.is_empty() {
            let strength = |e: usize| own.get(e).copied().unwrap_or(0.0).max(THRESHOLD);
            let best = events.iter().map(|&e| strength(e)).fold(0.0, f32::max);
            prior.main.extend(
                events
                    .iter()
                    .copied()
                    .filter(|&e| strength(e) * 2.0 >= best),
            );
        }
        if let Some(s) = self.series {
            self.covered_series |= events
                .iter()
                .any(|&e| e == s || model.events[e].series == Some(s));
        }
        if let Some(p) = passage {
            self.bind(model, index, events, p);
        }
    }

    /// A sentence whose dates name exactly one of the passage's events ties the places
    /// and formats it uses to that event, for the rest of the article.
    fn bind(&mut self, model: &Model, index: usize, events: &[usize], p: &Passage) {
        if p.mentions.is_empty() || p.hits.is_empty() {
            return;
        }
        // Mentions and hits are in token order, so in sentence order: walk both once.
        let (mut mi, mut hi) = (0, 0);
        let mut dated: Vec<usize> = Vec::new();
        while mi < p.mentions.len() {
            let s = p.mentions[mi].sentence;
            dated.clear();
            while mi < p.mentions.len() && p.mentions[mi].sentence == s {
                let m = &p.mentions[mi];
                mi += 1;
                if !matches!(m.precision, Precision::Day | Precision::Relative) {
                    continue;
                }
                for (e, ev) in model.events.iter().enumerate() {
                    if ev.start <= m.first && m.last <= ev.end && !dated.contains(&e) {
                        dated.push(e);
                    }
                }
            }
            let sentence_of = |h: &super::cues::CueHit| p.reading.tokens[h.first].sentence;
            while hi < p.hits.len() && sentence_of(&p.hits[hi]) < s {
                hi += 1;
            }
            let from = hi;
            while hi < p.hits.len() && sentence_of(&p.hits[hi]) == s {
                hi += 1;
            }
            // A day of a series that is the day of one of its rounds means the round.
            let all = dated.clone();
            dated.retain(|&e| !all.iter().any(|&r| model.events[r].series == Some(e)));
            let [b] = dated[..] else {
                continue;
            };
            if !events.contains(&b) {
                continue;
            }
            for h in &p.hits[from..hi] {
                let cue = &model.cues.cues[h.cue];
                let kinds_fit = cue.events.iter().any(|&(e, _)| e == b)
                    || cue
                        .events
                        .iter()
                        .all(|&(e, _)| model.events[e].kind == model.events[b].kind);
                let binds = cue
                    .events
                    .iter()
                    .any(|&(_, k)| matches!(k, CueKind::Place | CueKind::Format));
                if kinds_fit && binds {
                    self.bindings[h.cue] = Some((b, index));
                }
            }
        }
    }
}

/// The series an article published on `published` covers: the one whose time it falls
/// in or nearest to, within a month.
fn current_series(model: &Model, published: Date) -> Option<usize> {
    let reach = SERIES_REACH_DAYS.days();
    model
        .series
        .iter()
        .map(|(e, _)| (*e, &model.events[*e]))
        .filter_map(|(e, ev)| {
            let from = ev.start.checked_sub(reach).ok()?;
            let to = ev.end.checked_add(reach).ok()?;
            if published < from || published > to {
                return None;
            }
            let distance = if published < ev.start {
                (ev.start - published).get_days()
            } else if published > ev.end {
                (published - ev.end).get_days()
            } else {
                0
            };
            Some((distance, e))
        })
        .min()
        .map(|(_, e)| e)
}

/// Who speaks a transcript's passage, when it opens with a label: "Question: …",
/// "Moderator: …", "Jens Stoltenberg: …" (at most four words before the colon), also
/// with who they are or whom they write for in brackets after the name, as press
/// offices print it ("Question (Reuters): …", "Oana Lungescu [NATO Spokesperson]: …").
/// The name alone is returned.
pub(crate) fn speaker(text: &str) -> Option<&str> {
    let colon = label_end(text)?;
    let (label, rest) = (&text[..colon], &text[colon + 1..]);
    let name = match label.find(['(', '[']) {
        // The brackets must close the label: "Q (AFP)", not "Q (AFP) asked".
        Some(open) => {
            let tail = label[open..].trim_end();
            let closes = tail.ends_with(')') || tail.ends_with(']');
            if !closes || tail[1..tail.len() - 1].contains(['(', '[', ')', ']']) {
                return None;
            }
            &label[..open]
        }
        None => label,
    };
    let words = name.split_whitespace().count();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    ((1..=4).contains(&words) && capitalised && !rest.trim().is_empty()).then(|| name.trim())
}

/// Where a transcript label would end: the colon near the start of `text`, if any.
/// (Whether the text before it is a label is [`speaker`]'s to say.)
pub(crate) fn label_end(text: &str) -> Option<usize> {
    // A label is short: look for its colon near the start only. A byte search: ':' is
    // one byte in UTF-8, and no other character contains it.
    memchr::memchr(b':', super::head(text, 96).as_bytes())
}

/// A question put in a transcript, by the passage's [`speaker`]: the answer that
/// follows is about what it asks.
pub(crate) fn is_question(speaker: Option<&str>) -> bool {
    speaker.is_some_and(|s| s.eq_ignore_ascii_case("question") || s == "Q")
}

/// The chair of a transcript speaking: procedure ("We will now take questions"), about
/// no event. Read from the passage's label: the [`speaker`] is the chair
/// ("Moderator: …"), or the role the label gives in brackets or before the name is
/// one that chairs a press conference ("Oana Lungescu [NATO Spokesperson]: …", "NATO
/// Spokesperson Oana Lungescu: …").
pub(crate) fn is_procedure(text: &str, speaker: Option<&str>) -> bool {
    const CHAIRS: [&str; 5] = ["moderator", "chair", "chairman", "presenter", "host"];
    const ROLES: [&str; 6] = [
        "moderator",
        "presenter",
        "host",
        "spokesperson",
        "spokesman",
        "spokeswoman",
    ];
    let Some(name) = speaker else {
        return false;
    };
    if CHAIRS.iter().any(|w| name.eq_ignore_ascii_case(w)) {
        return true;
    }
    // The whole label, brackets and all: the name is where it starts.
    let label = label_end(text).map_or("", |colon| &text[..colon]);
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// Whether a transcript's passage is only a greeting or thanks, after its speaker's
/// label: "QUESTION: Good afternoon.", "Thank you all for joining us.", "Good to see
/// everyone. We'll go ahead and get started." Short, naming nothing, saying nothing of
/// the talks.
pub(crate) fn is_pleasantry(text: &str, reading: &Reading, hits: &[CueHit]) -> bool {
    const OPENINGS: [&str; 9] = [
        "good morning",
        "good afternoon",
        "good evening",
        "good to see",
        "hello",
        "thank you",
        "thanks",
        "welcome",
        "happy new year",
    ];
    // The cheap tests first: most passages name something, or are long.
    if !hits.is_empty()
        || reading.classes & (TALKS | super::lexicon::KINDS) != 0
        || reading.tokens.len() > PLEASANTRY_WORDS * 2
    {
        return false;
    }
    let said = label_end(text).map_or(text, |colon| &text[colon + 1..]);
    let said = said.trim_start();
    OPENINGS.iter().any(|o| {
        said.get(..o.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(o))
    }) && said.split_whitespace().nth(PLEASANTRY_WORDS).is_none()
}

/// The most words a greeting or thanks runs to.
const PLEASANTRY_WORDS: usize = 16;

/// How passage `p`, a block of `kind`, hangs on the passage before, if it does.
pub(crate) fn link(kind: BlockKind, reading: &Reading) -> Option<Link> {
    match kind {
        BlockKind::Caption | BlockKind::Heading { .. } => return None,
        BlockKind::ListItem { .. } => return Some(Link::ListItem),
        BlockKind::Quote => return Some(Link::Quotation),
        _ => {}
    }
    if reading.opens_with_quote || reading.quoted_share() >= MOSTLY_QUOTED {
        return Some(Link::Quotation);
    }
    // A pronoun first ("He suggested…", "It was a point echoed…"), or after opening
    // function words and before any name ("Ahead of their talks", "Although this
    // was…"). A passage opening with a name or a noun ("Russia has denied it…") has
    // its own subject.
    let (from, to) = reading.sentence_range(0);
    // A speech tag with a pronoun for its speaker ("In Vienna, he added, the OSCE…"):
    // the words are still those of the one the passage before was quoting.
    let opening = &reading.tokens[from..to.min(from + PRONOUN_REACH)];
    if opening
        .windows(2)
        .any(|w| w[0].class & PRONOUN != 0 && w[1].class & SPEECH != 0)
    {
        return Some(Link::Pronoun);
    }
    let first = reading.tokens.get(from).map_or(0, |t| t.class);
    if first & (PRONOUN | OPENER) == 0 {
        return None;
    }
    for (k, t) in reading.tokens[from..to]
        .iter()
        .enumerate()
        .take(PRONOUN_REACH)
    {
        if t.class & PRONOUN != 0 {
            return Some(Link::Pronoun);
        }
        if k > 0 && t.capital {
            break;
        }
    }
    None
}

/// Decides the events of passage `p` from its own evidence and the discourse so far;
/// adds the context items that decided it to `evidence`. Events in timeline order.
pub(crate) fn decide(
    model: &Model,
    kind: BlockKind,
    p: &Passage,
    published: Date,
    d: &Discourse,
    evidence: &mut Evidence,
) -> Vec<usize> {
    let n = model.events.len();
    // The passage's own weight for each event, before context adds to it.
    let own = evidence.totals(n);
    // "Negotiations with the American side on security guarantees": a document's stock
    // phrase and its author's name, beside a word for talks, are what the talks are
    // about, not a report of the document.
    let talks = p.reading.classes & TALKS != 0
        && p.reading
            .tokens
            .iter()
            .any(|t| t.class & TALKS != 0 && !t.quoted);
    let mut chosen: Vec<usize> = (0..n)
        .filter(|&e| {
            own[e] >= THRESHOLD
                && !(talks
                    && model.events[e].kind == crate::timeline::EventKind::Document
                    && evidence.only_topic(e))
        })
        .collect();

    // People several events share ("Putin and Biden"), named right after a passage on
    // one of them and with nothing else to place them, are still at that one: not the
    // only one of their events the dates leave open.
    if let Some(prev) = d.previous.as_ref() {
        let mut moved = false;
        for c in chosen.iter_mut() {
            let (e, held) = (*c, prev.carried());
            if held.contains(&e) || !evidence.only_people(e) {
                continue;
            }
            if let Some(&at) = held
                .iter()
                .find(|&&x| evidence.people_also_of(e, x, &model.cues))
            {
                let reason = Reason::Context {
                    link: Link::Participant,
                    from: prev.index,
                };
                evidence.add(at, THRESHOLD, Group::Context, reason);
                *c = at;
                moved = true;
            }
        }
        if moved {
            chosen.sort_unstable();
            chosen.dedup();
        }
    }

    if chosen.is_empty()
        && let Some(link) = link(kind, p.reading).or(d.after_question.then_some(Link::Answer))
    {
        let source = match link {
            // The first item's lead-in is the passage just before it.
            Link::ListItem if d.in_list => d.lead_in.as_ref(),
            _ => d.previous.as_ref(),
        };
        if let Some(src) = source.filter(|s| !s.events.is_empty()) {
            // Its own weaker evidence picks among what it inherits: a quotation of
            // Carpenter after a paragraph on three rounds belongs to the OSCE round.
            let picked: Vec<usize> = src
                .events
                .iter()
                .copied()
                .filter(|&e| own[e] >= SELECT)
                .collect();
            // In a report, its own event's people, named in a passage that hangs on
            // one about other events, bring it back to its own ("In this context,
            // Biden emphasised…" after a paragraph on the rounds the call set up).
            let own_people =
                d.subject.iter().copied().find(|&x| {
                    !src.events.contains(&x) && evidence.has_participant(x, &model.cues)
                });
            let (chosen_now, link) = match own_people {
                Some(x) if picked.is_empty() => (vec![x], Link::SubjectParticipant),
                _ => (Vec::new(), link),
            };
            chosen = if !chosen_now.is_empty() {
                chosen_now
            } else if picked.is_empty() {
                src.carried().to_vec()
            } else if link == Link::Answer {
                // An answer is about all the question asked, and may name one of
                // its events more than the others.
                let mut all = src.carried().to_vec();
                all.extend(picked.into_iter().filter(|e| !src.carried().contains(e)));
                all.sort_unstable();
                all
            } else {
                picked
            };
            for &e in &chosen {
                let reason = Reason::Context {
                    link,
                    from: src.index,
                };
                evidence.add(e, THRESHOLD, Group::Context, reason);
            }
        }
    }

    if chosen.is_empty()
        && let Some(prev) = d.previous.as_ref()
    {
        // The people of the event just reported, named again: still that event; or,
        // in a report, its own event when they are among its people too ("Biden, for
        // his part, said…" after a paragraph recalling an earlier call).
        for &e in &prev.events {
            if evidence.has_participant(e, &model.cues) {
                let own = d
                    .subject
                    .iter()
                    .copied()
                    .find(|&s| s != e && evidence.has_participant(s, &model.cues));
                let (e, link) = match own {
                    Some(s) => (s, Link::SubjectParticipant),
                    None => (e, Link::Participant),
                };
                if chosen.contains(&e) {
                    continue;
                }
                let reason = Reason::Context {
                    link,
                    from: prev.index,
                };
                evidence.add(e, THRESHOLD, Group::Context, reason);
                chosen.push(e);
            }
        }
    }

    if let Some(s) = d.series {
        let started = published >= model.events[s].start;
        if chosen.is_empty() && started {
            verdict_on_rounds(model, p, s, d, evidence, &mut chosen);
        }
        if chosen.is_empty() && p.may_speak_of(model, s, published) {
            // In a report on one round, "the talks" are that round.
            let in_series = |r: &usize| model.events[*r].series == Some(s);
            let round = d.subject.iter().copied().find(in_series);
            // "The meeting", one gathering, is the round just told if there is one.
            let told = d
                .previous
                .as_ref()
                .and_then(|prev| match prev.carried() {
                    [r] if in_series(r) => Some(*r),
                    _ => None,
                })
                .or(round);
            the_talks(model, p, round.unwrap_or(s), told, evidence, &mut chosen);
        }
        if chosen.is_empty() && started && d.covered_series {
            the_week(model, p, s, evidence, &mut chosen);
        }
    }

    // Two or more rounds of one series named together ("the Geneva, Brussels and
    // Vienna meetings") vouch for each other: a paragraph about named rounds belongs
    // to each of them, whether or not one of them is named clearly enough alone.
    if chosen.iter().all(|&e| model.events[e].series.is_some()) {
        for (x, rounds) in &model.series {
            let named: Vec<usize> = rounds
                .iter()
                .copied()
                .filter(|&r| {
                    own[r] >= TOGETHER
                        && evidence.names_round(r, &model.cues)
                        && p.may_speak_of(model, r, published)
                })
                .collect();
            // A round named only by cues it shares with another named round ("Wendy
            // Sherman met Stoltenberg to discuss the NATO-Russia Council": Sherman led
            // Geneva too; "BRUSSELS, January 13 /TASS/" over a Vienna story) is not a
            // second round named.
            let named: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&r| {
                    !named
                        .iter()
                        .any(|&o| o != r && evidence.named_only_as(r, o, &model.cues))
                })
                .collect();
            if named.len() >= 2 {
                for r in named {
                    if !chosen.contains(&r) {
                        evidence.add(r, THRESHOLD, Group::Context, Reason::RoundOf(*x));
                        chosen.push(r);
                    }
                }
            }
        }
    }

    for (x, rounds) in &model.series {
        if !chosen.contains(x) {
            continue;
        }
        // "A first round of security discussions" in Geneva and Brussels: of the rounds
        // the passage names, the one counted, whatever else it names in passing. A
        // round counted but not named may be the series itself, the first round of a
        // longer process ("the first round of negotiations is expected to end without
        // progress").
        if let Some(r) = counted_round(model, p, rounds, published)
            && own[r] > 0.0
        {
            if !chosen.contains(&r) {
                evidence.add(r, THRESHOLD, Group::Context, Reason::RoundOf(*x));
                chosen.push(r);
            }
            continue;
        }
        // A passage about the series that names a round by its place or people, or as
        // "talks with NATO", is about that round.
        for &r in rounds {
            if !chosen.contains(&r)
                && evidence.names_round(r, &model.cues)
                && own[r] >= SELECT
                && p.may_speak_of(model, r, published)
            {
                evidence.add(r, THRESHOLD, Group::Context, Reason::RoundOf(*x));
                chosen.push(r);
            }
        }
    }
    // …and a series yields to its rounds, unless the passage calls it by its own
    // name ("the week of talks that ended in Vienna"), or gathers two or more of them
    // under a word for the whole ("a week of diplomacy that included talks in Geneva
    // and rounds with NATO and the OSCE"): then it is about both.
    for (x, rounds) in &model.series {
        let told = rounds.iter().filter(|r| chosen.contains(r)).count();
        if told > 0
            && !evidence.names_by(*x, &model.cues, &[CueKind::Format])
            && !(told >= 2 && a_week_of(p, evidence, *x))
        {
            chosen.retain(|e| e != x);
        }
    }
    // An event whose every reason is another's, which has more, is not told apart
    // from it: the other is the one meant.
    if chosen.len() > 1 {
        let all = chosen.clone();
        chosen.retain(|&a| !all.iter().any(|&b| b != a && evidence.outdone(a, b, p)));
    }
    chosen.sort_unstable();
    evidence.recycle_totals(own);
    chosen
}

/// The round of a series a passage counts: "the first round of talks", "a second
/// round of negotiations" — the first, second or third of `rounds` by date, once it may
/// be spoken of by `published` and where the sentence allows it.
fn counted_round(model: &Model, p: &Passage, rounds: &[usize], published: Date) -> Option<usize> {
    const ORDINALS: [&str; 3] = ["first", "second", "third"];
    let tokens = &p.reading.tokens;
    let (sentence, nth) = p.gatherings.iter().find_map(|&(from, _)| {
        let before = tokens.get(from.checked_sub(1)?)?;
        let nth = ORDINALS
            .iter()
            .position(|o| before.raw(p.text).eq_ignore_ascii_case(o))?;
        (before.sentence == tokens[from].sentence).then_some((before.sentence, nth))
    })?;
    let mut by_date = rounds.to_vec();
    by_date.sort_by_key(|&r| (model.events[r].start, r));
    let r = *by_date.get(nth)?;
    (p.may_speak_of(model, r, published) && p.allows(sentence, r)).then_some(r)
}

/// Whether the passage gathers the talks of series `x` under a week: "a week of
/// high-level diplomacy", "the week's talks". A round or a series of talks may be one
/// meeting ("the next series of talks", "the second round of talks").
fn a_week_of(p: &Passage, evidence: &Evidence, x: usize) -> bool {
    evidence.items.iter().any(|it| {
        it.event == x
            && matches!(it.reason, Reason::Series(from, _)
                if p.reading.tokens.get(from).is_some_and(|t| t.class & super::lexicon::WEEK != 0))
    })
}

/// "The result appears to have been fruitless": a verdict opening the passage right
/// after one about the rounds of the series judges the series.
fn verdict_on_rounds(
    model: &Model,
    p: &Passage,
    s: usize,
    d: &Discourse,
    evidence: &mut Evidence,
    chosen: &mut Vec<usize>,
) {
    let Some(prev) = d.previous.as_ref() else {
        return;
    };
    let about_series = prev
        .events
        .iter()
        .any(|&e| e == s || model.events[e].series == Some(s));
    let opens_with_verdict = p.sentences.first().is_some_and(|x| x.verdict);
    // In a report on one round, after a passage about that round alone, the verdict is
    // on that round.
    let judged = match prev.events[..] {
        [r] if d.subject.contains(&r) && model.events[r].series == Some(s) => r,
        _ => s,
    };
    if about_series && opens_with_verdict && p.allows(0, judged) {
        let reason = Reason::Context {
            link: Link::Verdict,
            from: prev.index,
        };
        evidence.add(judged, THRESHOLD, Group::Context, reason);
        chosen.push(judged);
    }
}

/// "During the course of the week, …" in an article about a week of talks: the week
/// of the talks.
fn the_week(
    model: &Model,
    p: &Passage,
    s: usize,
    evidence: &mut Evidence,
    chosen: &mut Vec<usize>,
) {
    let ev = &model.events[s];
    for (i, x) in p.sentences.iter().enumerate() {
        let Some((from, to)) = x.frame else {
            continue;
        };
        let first = p.mentions.partition_point(|m| (m.sentence as usize) < i);
        let covers = p.mentions[first..].iter().any(|m| {
            m.sentence as usize == i
                && m.precision == Precision::Week
                && m.from >= from
                && m.from < to
                && m.first <= ev.start
                && ev.end <= m.last
        });
        if covers {
            evidence.add(s, THRESHOLD, Group::Context, Reason::Frame(from, to));
            chosen.push(s);
            return;
        }
    }
}

/// "No one had expected the talks to deliver any breakthroughs": the talks, named as
/// known to the reader and judged or awaited, are the series the article covers (`s`,
/// or the round a report is on), when the passage names no event of its own. A
/// gathering in the singular ("the meeting", "the round") is one of them: `told`, the
/// round the article is telling, if it is telling one (else it is taken as the talks
/// are).
fn the_talks(
    model: &Model,
    p: &Passage,
    s: usize,
    told: Option<usize>,
    evidence: &mut Evidence,
    chosen: &mut Vec<usize>,
) {
    for &(from, noun, sentence) in &p.talk_refs {
        let singular = !p.reading.tokens[noun].raw(p.text).ends_with(['s', 'S']);
        let s = match told {
            Some(r) if singular => r,
            _ => s,
        };
        let ev = &model.events[s];
        let x = &p.sentences[sentence as usize];
        let framed = x.frame.is_some_and(|(a, b)| noun >= a && noun < b);
        // "the January talks", "the talks this week": dated to the series.
        // Mentions are in sentence order: only this sentence's.
        let first = p.mentions.partition_point(|m| m.sentence < sentence);
        let dated = p.mentions[first..]
            .iter()
            .take_while(|m| m.sentence == sentence)
            .any(|m| {
                m.sentence == sentence
                    && m.precision != Precision::Year
                    && m.first <= ev.end
                    && ev.start <= m.last
            });
        if !(x.verdict || x.expects || framed || dated) || !p.allows(sentence, s) {
            continue;
        }
        let (a, b) = p.reading.sentence_range(sentence);
        let word = (a..b).find(|&i| {
            let t = &p.reading.tokens[i];
            !t.quoted && t.class & (VERDICT | EXPECT) != 0
        });
        evidence.add(
            s,
            THRESHOLD,
            Group::Context,
            Reason::Talks(from, noun + 1, word),
        );
        chosen.push(s);
        return;
    }
}
