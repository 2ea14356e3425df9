//! The evidence one passage gives for each event on its own: its dates, its cues, and
//! the words around them (a kind of meeting beside a place, a speaker's name beside
//! "said", a sentence opened by "After the NATO meeting"). Each piece is an [`Item`]
//! with a weight and the reason to show for it; `mod.rs` sums them and `context.rs`
//! adds what the neighbouring passages say.

use jiff::civil::Date;

use super::cues::{CueHit, CueIndex, CueKind};
use super::dates::{Precision, TimeMention};
use super::lexicon::{KINDS, SPEECH, TALKS, VERDICT};
use super::model::{Model, overlap_days};
use super::passage::Passage;
use super::words::UNKNOWN;

/// How many tokens apart a date and the word that says what happened on it may be.
const ANCHOR_WINDOW: usize = 8;
/// How many tokens apart a cue and a word for its kind of event ("talks", "summit").
const KIND_WINDOW: usize = 4;

/// How many items a passage holds before they are looked up in a map rather than scanned.
const SCAN_UP_TO: usize = 32;

/// Why an event got some weight; turned into words only for the events kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Reason {
    /// A date mention (index into `mentions`).
    Date(usize),
    /// A cue, perhaps read as the event an earlier passage tied it to.
    Cue { cue: usize, bound: Option<usize> },
    /// A word for the event's kind beside one of its cues (token).
    Kind(usize),
    /// A participant quoted or reported (cue).
    Speaker(usize),
    /// A sentence-opening frame (token range).
    Frame(usize, usize),
    /// Words that gather talks into a series (token range).
    Series(usize, usize),
    /// "the talks" (token range), with the verdict or expectation beside it (token).
    Talks(usize, usize, Option<usize>),
    /// Inherited from passage `from`, for the reason given.
    Context {
        link: super::context::Link,
        from: usize,
    },
    /// A round named in a passage about its series (the series).
    RoundOf(usize),
}

/// How an item's weight adds up with others of its group for the same event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// Dates: the best one counts.
    Time,
    /// Names (participants and common names): they add up.
    Names,
    /// Places: they add up.
    Places,
    /// Formats: they add up.
    Formats,
    /// Stock phrases: they add up.
    Phrases,
    /// A word for the event's kind beside a cue.
    Kind,
    /// A participant reported speaking.
    Speaker,
    /// A sentence-opening frame naming the event.
    Frame,
    /// Words that can only mean a series.
    Series,
    /// What the passages around it say: decides alone.
    Context,
}

impl Group {
    pub(crate) const ALL: [Group; 10] = [
        Group::Time,
        Group::Names,
        Group::Places,
        Group::Formats,
        Group::Phrases,
        Group::Kind,
        Group::Speaker,
        Group::Frame,
        Group::Series,
        Group::Context,
    ];

    /// The most a group can add: a passage that names five OSCE officials is no more
    /// about the OSCE than one that names two.
    fn cap(self) -> f32 {
        match self {
            Group::Names => 3.0,
            Group::Places => 2.0,
            Group::Formats => 3.0,
            Group::Phrases => 4.0,
            Group::Time | Group::Series | Group::Context => 3.0,
            Group::Kind | Group::Speaker | Group::Frame => 1.0,
        }
    }

    /// Whether several items of the group add up, or only the strongest counts.
    fn sums(self) -> bool {
        matches!(
            self,
            Group::Names | Group::Places | Group::Formats | Group::Phrases
        )
    }

    fn of(kind: CueKind) -> Group {
        match kind {
            CueKind::Format => Group::Formats,
            CueKind::Phrase => Group::Phrases,
            CueKind::Name | CueKind::Common | CueKind::Role => Group::Names,
            CueKind::Place => Group::Places,
        }
    }
}

/// Some weight for one event, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub event: usize,
    pub weight: f32,
    pub group: Group,
    pub reason: Reason,
}

/// The evidence of a passage, item by item.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    pub items: Vec<Item>,
    /// Reused while weighing: the events a cue may stand for.
    candidates: Vec<(usize, CueKind)>,
    /// Reused while weighing: (sentence, event) for each event a frame names.
    framed: Vec<(u16, usize)>,
    /// Reused while totalling: per event, per group.
    groups: Vec<[f32; Group::ALL.len()]>,
    /// Reused while totalling: per event, whether it has any item.
    touched: Vec<bool>,
    /// Reused while totalling: per event.
    totals: Vec<f32>,
    /// Where each (event, reason) stands in `items`, so adding stays linear however
    /// many dates a passage holds.
    seen: std::collections::HashMap<(usize, Reason), usize>,
    /// The last totals and the number of events they were for, while the items have not
    /// changed since: the aligner asks for a passage's own totals twice, before and
    /// inside deciding. Items change only through `add` and `clear`, which forget it.
    last: Option<(usize, Vec<f32>)>,
}

impl Evidence {
    /// Forgets every item, for the next passage.
    pub fn clear(&mut self) {
        self.items.clear();
        self.seen.clear();
        self.forget_totals();
    }

    /// The items are about to change: the last totals no longer hold.
    fn forget_totals(&mut self) {
        if let Some((n, _)) = &mut self.last {
            *n = usize::MAX;
        }
    }

    /// Adds an item; the same reason for the same event counts once, at its strongest.
    pub fn add(&mut self, event: usize, weight: f32, group: Group, reason: Reason) {
        if weight <= 0.0 {
            return;
        }
        self.forget_totals();
        // Most passages hold a handful of items: a scan is cheapest. A passage thick
        // with dates (a hostile one) switches to the map, so adding stays linear.
        if self.items.len() < SCAN_UP_TO {
            if let Some(it) = self
                .items
                .iter_mut()
                .find(|it| it.event == event && it.reason == reason)
            {
                it.weight = it.weight.max(weight);
                return;
            }
            self.items.push(Item {
                event,
                weight,
                group,
                reason,
            });
            return;
        }
        if self.seen.is_empty() {
            for (k, it) in self.items.iter().enumerate() {
                self.seen.insert((it.event, it.reason.clone()), k);
            }
        }
        match self.seen.entry((event, reason.clone())) {
            std::collections::hash_map::Entry::Occupied(at) => {
                if let Some(it) = self.items.get_mut(*at.get()) {
                    it.weight = it.weight.max(weight);
                }
                return;
            }
            std::collections::hash_map::Entry::Vacant(at) => {
                at.insert(self.items.len());
            }
        }
        self.items.push(Item {
            event,
            weight,
            group,
            reason,
        });
    }

    /// The total weight for each of `n` events: groups that sum are summed and capped,
    /// the others count their strongest item.
    pub fn totals(&mut self, n: usize) -> Vec<f32> {
        let mut totals = std::mem::take(&mut self.totals);
        totals.clear();
        if let Some((m, last)) = &self.last
            && *m == n
        {
            totals.extend_from_slice(last);
            return totals;
        }
        let mut groups = std::mem::take(&mut self.groups);
        groups.clear();
        groups.resize(n, [0.0; Group::ALL.len()]);
        let touched = &mut self.touched;
        touched.clear();
        touched.resize(n, false);
        for it in &self.items {
            let Some(g) = groups.get_mut(it.event) else {
                continue;
            };
            touched[it.event] = true;
            let slot = &mut g[it.group as usize];
            if it.group.sums() {
                *slot += it.weight;
            } else {
                *slot = slot.max(it.weight);
            }
        }
        // An event without items sums every group's 0 under its (positive) cap: 0, as
        // written here without the sum. Most events of a passage have none.
        totals.extend(groups.iter().zip(touched.iter()).map(|(g, &touched)| {
            if !touched {
                return 0.0;
            }
            Group::ALL
                .iter()
                .map(|&x| g[x as usize].min(x.cap()))
                .sum::<f32>()
        }));
        self.groups = groups;
        let (m, last) = self.last.get_or_insert_with(Default::default);
        *m = n;
        last.clear();
        last.extend_from_slice(&totals);
        totals
    }

    /// Gives back a vector [`Evidence::totals`] returned, for the next passage.
    pub fn recycle_totals(&mut self, totals: Vec<f32>) {
        self.totals = totals;
    }

    /// True if `event` has an item of `group`.
    pub fn has(&self, event: usize, group: Group) -> bool {
        self.items
            .iter()
            .any(|it| it.event == event && it.group == group)
    }

    /// True if all the passage says of `event` is who and what (its people, its stock
    /// phrases), nothing of when, where, in what format or in what words for a
    /// meeting: a topic the passage discusses ("legally binding guarantees", "Ryabkov
    /// said"), not a sign that it reports that event rather than the one around it.
    pub fn only_topic(&self, event: usize) -> bool {
        self.items
            .iter()
            .filter(|it| it.event == event)
            .all(|it| matches!(it.group, Group::Names | Group::Phrases | Group::Speaker))
    }

    /// True if every reason the passage gives for `a` it also gives for `b` (but for a
    /// word for what happened beside `b`'s format), and it gives `b` more: "a 50-minute
    /// call this month between Biden and Putin" is the phone call, not also the video
    /// call of the same month and people, which nothing in it tells apart.
    ///
    /// Only the passage's own reasons count: what it inherits from the passages around
    /// it (an answer to a question about two rounds) is shared by design.
    pub fn outdone(&self, a: usize, b: usize, p: &Passage) -> bool {
        let of = |e: usize| {
            self.items
                .iter()
                .filter(move |it| it.event == e && it.group != Group::Context)
        };
        let has = |e: usize, r: &Reason| of(e).any(|it| it.reason == *r);
        // "Putin and Biden met in a video call": a word for what happened beside `b`'s
        // format is what the format names, and tells nothing apart; "who held a summit
        // together" further off still does.
        let formats: Vec<(usize, usize)> = of(b)
            .filter(|it| it.group == Group::Formats && !has(a, &it.reason))
            .filter_map(|it| match it.reason {
                Reason::Cue { cue, .. } => Some(cue),
                _ => None,
            })
            .flat_map(|cue| p.hits.iter().filter(move |h| h.cue == cue))
            .map(|h| (h.first, h.first + h.len))
            .collect();
        let beside_format = |it: &Item| match it.reason {
            Reason::Kind(k) if it.group == Group::Kind => formats
                .iter()
                .any(|&(from, to)| k + KIND_WINDOW >= from && k < to + KIND_WINDOW),
            _ => false,
        };
        let counts = |it: &&Item| !beside_format(it);
        of(a).any(|it| counts(&it))
            && of(a).filter(counts).all(|it| has(b, &it.reason))
            && of(b).any(|it| !has(a, &it.reason))
    }

    /// True if `event` has a participant among the passage's cues (a name, not common).
    pub fn has_participant(&self, event: usize, cues: &CueIndex) -> bool {
        self.names_by(event, cues, &[CueKind::Name])
    }

    /// True if the passage names `event` by its place, its format or one of its own
    /// people, not only by a name common to the whole period ("Kremlin") or a topic.
    pub fn names_event(&self, event: usize, cues: &CueIndex) -> bool {
        self.names_by(
            event,
            cues,
            &[CueKind::Place, CueKind::Format, CueKind::Name],
        )
    }

    /// True if all the passage says of `event` is who took part: its people's names.
    pub fn only_people(&self, event: usize) -> bool {
        let mut any = false;
        for it in self.items.iter().filter(|it| it.event == event) {
            if !matches!(it.group, Group::Names | Group::Speaker) {
                return false;
            }
            any = true;
        }
        any
    }

    /// True if every name the passage gives `event` is a person of `other` too.
    pub fn people_also_of(&self, event: usize, other: usize, cues: &CueIndex) -> bool {
        self.items
            .iter()
            .filter(|it| it.event == event)
            .all(|it| match it.reason {
                Reason::Cue { cue, .. } | Reason::Speaker(cue) => cues.cues[cue]
                    .events
                    .iter()
                    .any(|&(x, k)| x == other && matches!(k, CueKind::Name | CueKind::Common)),
                _ => false,
            })
    }

    /// True if the passage names `event` only by cues it shares with `other` (and
    /// words for a meeting beside them): nothing singles it out.
    pub fn named_only_as(&self, event: usize, other: usize, cues: &CueIndex) -> bool {
        let mut named = false;
        for it in self.items.iter().filter(|it| it.event == event) {
            match it.reason {
                Reason::Cue { cue, .. } | Reason::Speaker(cue) => {
                    if !cues.cues[cue].events.iter().any(|&(x, _)| x == other) {
                        return false;
                    }
                    named = true;
                }
                Reason::Kind(_) => {}
                _ => return false,
            }
        }
        named
    }

    /// True if one of the passage's cues stands for `event` as a cue of one of `kinds`.
    pub fn names_by(&self, event: usize, cues: &CueIndex, kinds: &[CueKind]) -> bool {
        self.items.iter().any(|it| {
            it.event == event
                && matches!(it.reason, Reason::Cue { cue, .. }
                    if cues.cues[cue].events.iter().any(|&(e, k)| e == event && kinds.contains(&k)))
        })
    }

    /// True if the passage names the round `event` of a series: by a cue that is its
    /// alone, or by its place or format beside a word for talks ("talks with NATO",
    /// "the meetings in Brussels and Geneva"). A shared participant ("Ryabkov, of
    /// Russia's delegation") does not single out a round.
    pub fn names_round(&self, event: usize, cues: &CueIndex) -> bool {
        let with_kind = self.has(event, Group::Kind);
        self.items.iter().any(|it| {
            let Reason::Cue { cue, .. } = it.reason else {
                return false;
            };
            let cue = &cues.cues[cue];
            it.event == event
                && cue.events.iter().any(|&(e, k)| {
                    e == event
                        && match k {
                            CueKind::Place | CueKind::Format | CueKind::Common | CueKind::Role => {
                                with_kind
                            }
                            _ => false,
                        }
                        || e == event
                            && cue.events.len() == 1
                            && !matches!(k, CueKind::Common | CueKind::Role)
                })
        })
    }
}

/// The events a cue hit may stand for in its sentence: those the cue names (or the one
/// an earlier passage tied it to), that the sentence's dates allow, and that the
/// passage may speak of.
pub(crate) fn candidates(
    model: &Model,
    p: &Passage,
    hit: &CueHit,
    bindings: &[Option<(usize, usize)>],
    published: Date,
    out: &mut Vec<(usize, CueKind)>,
) -> Option<usize> {
    out.clear();
    let cue = &model.cues.cues[hit.cue];
    let s = p.reading.tokens[hit.first].sentence;
    let ok = |e: usize| p.allows(s, e) && p.may_speak_of(model, e, published);
    if let Some((b, from)) = bindings.get(hit.cue).copied().flatten()
        && ok(b)
    {
        let kind = cue
            .events
            .iter()
            .find(|(e, _)| *e == b)
            .map_or(cue.events[0].1, |(_, k)| *k);
        if kind == CueKind::Format && named_again(p, hit) {
            return None;
        }
        out.push((b, kind));
        return Some(from);
    }
    // "Russian Foreign Minister" is not the Polish one whose role is "Foreign
    // Minister" without its country: a capitalised word of its own before a role
    // stripped of another names someone else.
    let other_qualifier = |e: usize| {
        let tokens = &p.reading.tokens;
        cue.stripped.iter().any(|&(x, q)| {
            x == e
                && hit.first > 0
                && tokens.get(hit.first - 1).is_some_and(|t| {
                    t.capital
                        && t.sentence == tokens[hit.first].sentence
                        && t.word != q
                        && t.end - t.start >= 4
                })
        })
    };
    // "The foreign ministers of the alliance": a role in the plural is a class of
    // people, not the participant who holds it.
    let plural = || {
        let last = &p.reading.tokens[hit.first + hit.len - 1];
        last.raw(p.text).ends_with(['s', 'S']) && !cue.text.ends_with(['s', 'S'])
    };
    // Whether the format is named as to come again, looked for once per hit, and only
    // for a format.
    let again = cue.events.iter().any(|&(_, k)| k == CueKind::Format) && named_again(p, hit);
    // Who holds the role, looked for once per hit, and only for a role.
    let holder = cue
        .events
        .iter()
        .any(|&(_, k)| k == CueKind::Role)
        .then(|| role_holder(model, p, hit))
        .flatten();
    out.extend(cue.events.iter().copied().filter(|&(e, k)| {
        ok(e)
            && !(k == CueKind::Format && again)
            && !(k == CueKind::Role
                && (other_qualifier(e)
                    || plural()
                    || holder.as_ref().is_some_and(|h| !h.contains(&e))))
    }));
    None
}

/// "Fresh rounds of the Strategic Stability Dialogue", "new meetings of the NATO-Russia
/// Council": a format named as to come again is another meeting of it, not the one of
/// the timeline. The word for again must modify the format: right before it, or before
/// the meetings it is a round of, with nothing but determiners, "of" and words for
/// meetings between, and no punctuation ("Russia tabled new proposals at the
/// NATO-Russia Council" is the council).
fn named_again(p: &Passage, hit: &CueHit) -> bool {
    use super::lexicon::{DEFINITE, GATHERING, INDEFINITE, NEW, OF};
    let between = OF | DEFINITE | INDEFINITE | GATHERING | TALKS;
    let joins = |c: char, _| c.is_whitespace() || c == '-';
    // The first word back that is not one of those between says.
    p.back_in_clause(hit.first, AGAIN_REACH, joins)
        .map(|j| p.reading.tokens[j].class)
        .find(|class| class & between == 0 || class & NEW != 0)
        .is_some_and(|class| class & NEW != 0)
}

/// Who holds the role `hit` names, when the text says so right after it: "Russian
/// Deputy Foreign Minister Sergei Ryabkov" is Ryabkov, whatever other events have a
/// deputy foreign minister. The events of the name that follows (a cue), or none for a
/// person the timeline does not know ("Deputy Foreign Minister Andrei Rudenko"); no
/// answer when no name follows.
fn role_holder(model: &Model, p: &Passage, hit: &CueHit) -> Option<Vec<usize>> {
    let tokens = &p.reading.tokens;
    let end = hit.first + hit.len;
    let sentence = tokens[hit.first].sentence;
    let capital = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.capital && t.sentence == sentence)
    };
    if !capital(end) {
        return None;
    }
    // The name, after a first name and an initial at most ("Wendy R. Sherman").
    if let Some(name) = p.hits.iter().find(|h| {
        (end..=end + 2).contains(&h.first)
            && (end..h.first).all(capital)
            && tokens[h.first].sentence == sentence
    }) {
        let cue = &model.cues.cues[name.cue];
        return Some(cue.events.iter().map(|&(e, _)| e).collect());
    }
    // A first and a last name the timeline does not know.
    let unknown =
        |i: usize| capital(i) && tokens[i].word == UNKNOWN && tokens[i].end - tokens[i].start >= 2;
    (unknown(end) && unknown(end + 1)).then(Vec::new)
}

/// Weighs everything a passage says on its own about every event.
pub(crate) fn weigh(
    model: &Model,
    p: &Passage,
    published: Date,
    series: Option<usize>,
    bindings: &[Option<(usize, usize)>],
    out: &mut Evidence,
) {
    out.clear();
    let mut framed = std::mem::take(&mut out.framed);
    let mut cands = std::mem::take(&mut out.candidates);
    weigh_frames(
        model,
        p,
        published,
        series,
        bindings,
        &mut framed,
        &mut cands,
        out,
    );
    weigh_dates(model, p, &framed, out);
    weigh_cues(model, p, published, bindings, &framed, &mut cands, out);
    if let Some(s) = series {
        weigh_series(model, p, published, s, out);
    }
    out.framed = framed;
    out.candidates = cands;
}

/// The events each sentence's opening frame names, as (sentence, event), each given a
/// little weight: "After the NATO meeting, …" reports the NATO meeting; "During the
/// talks, …" the series.
#[allow(clippy::too_many_arguments)]
fn weigh_frames(
    model: &Model,
    p: &Passage,
    published: Date,
    series: Option<usize>,
    bindings: &[Option<(usize, usize)>],
    framed: &mut Vec<(u16, usize)>,
    cands: &mut Vec<(usize, CueKind)>,
    out: &mut Evidence,
) {
    framed.clear();
    for (s, sentence) in p.sentences.iter().enumerate() {
        let Some((from, to)) = sentence.frame else {
            continue;
        };
        let s = s as u16;
        let first = framed.len();
        for h in p.hits.iter().filter(|h| h.first >= from && h.first < to) {
            candidates(model, p, h, bindings, published, cands);
            if let [(e, _)] = cands[..] {
                framed.push((s, e));
            }
        }
        if let Some(x) = series
            && p.talk_refs
                .iter()
                .any(|&(_, noun, _)| noun >= from && noun < to)
        {
            framed.push((s, x));
        }
        for &(_, e) in &framed[first..] {
            out.add(e, 1.0, Group::Frame, Reason::Frame(from, to));
        }
    }
}

/// Whether token `t` of sentence `s` is background for event `e`: the sentence opens
/// with a frame naming other events, and `t` stands outside it.
fn background(p: &Passage, framed: &[(u16, usize)], s: u16, t: usize, e: usize) -> bool {
    match p.sentences[s as usize].frame {
        Some((from, to)) => {
            let inside = (from..to).contains(&t);
            let mut named = framed.iter().filter(|(x, _)| *x == s);
            let others = named.clone().next().is_some() && !named.any(|&(_, x)| x == e);
            others && !inside
        }
        None => false,
    }
}

fn weigh_dates(model: &Model, p: &Passage, framed: &[(u16, usize)], out: &mut Evidence) {
    for (mi, m) in p.mentions.iter().enumerate() {
        if m.precision == Precision::Year {
            continue;
        }
        // A vague mention is shared among the events inside it, by days.
        let mass: i32 = model
            .events
            .iter()
            .map(|e| overlap_days(m.first, m.last, e.start, e.end))
            .sum();
        if let Some(e) = named_by_time_and_kind(model, p, m) {
            // "Russia's December proposals", "the January talks": the only event of
            // that kind in that time.
            out.add(e, 2.0, Group::Time, Reason::Date(mi));
            if let Some(k) = p.near(m.from, m.to, 2, KINDS) {
                out.add(e, 1.0, Group::Kind, Reason::Kind(k));
            }
        }
        for (e, ev) in model.events.iter().enumerate() {
            let overlap = overlap_days(m.first, m.last, ev.start, ev.end);
            if overlap == 0 {
                continue;
            }
            // Hits are in token order and none is longer than the window's reach
            // matters for: look only at those that can reach the mention.
            let lo = p
                .hits
                .partition_point(|h| h.first + h.len + ANCHOR_WINDOW <= m.from);
            let hi = p.hits.partition_point(|h| h.first < m.to + ANCHOR_WINDOW);
            let anchored = p.near(m.from, m.to, ANCHOR_WINDOW, ev.class).is_some()
                || p.hits[lo..hi.max(lo)].iter().any(|h| {
                    h.first + h.len + ANCHOR_WINDOW > m.from
                        && h.first < m.to + ANCHOR_WINDOW
                        && p.reading.tokens[h.first].sentence == m.sentence
                        && model.cues.cues[h.cue].events.iter().any(|&(x, _)| x == e)
                });
            let anchor = if anchored { 1.0 } else { 0.0 };
            let weight = match m.precision {
                Precision::Day => 2.0 + anchor,
                Precision::Relative => 1.5 + anchor,
                Precision::Days if ev.start <= m.first && m.last <= ev.end => 2.0 + anchor,
                Precision::Days if m.first <= ev.start && ev.end <= m.last && ev.days() > 1 => {
                    2.0 + anchor
                }
                // "On January 9–10": a meeting and its eve, when no other event (but
                // the series it is a round of) falls in those few days.
                Precision::Days if alone_in(model, e, m.first, m.last) => 2.0 + anchor,
                Precision::Days => 1.5,
                _ => 1.5 * overlap as f32 / mass.max(1) as f32 + anchor * 0.5,
            };
            let weight = if background(p, framed, m.sentence, m.from, e) {
                weight * 0.5
            } else {
                weight
            };
            out.add(e, weight, Group::Time, Reason::Date(mi));
        }
    }
}

/// Whether event `e` is the only one in a run of a few days `first`–`last`, leaving
/// aside the series it is a round of.
fn alone_in(model: &Model, e: usize, first: Date, last: Date) -> bool {
    let ev = &model.events[e];
    crate::align::model::days_between(first, last) < 3
        && model.events.iter().enumerate().all(|(x, other)| {
            x == e || Some(x) == ev.series || overlap_days(first, last, other.start, other.end) == 0
        })
}

/// The one event that a vague time mention and a word for a kind of event beside it
/// name together ("the June summit", "the December proposals"). A series stands for
/// its rounds: "the January talks" are the week of talks, not one of its rounds.
fn named_by_time_and_kind(model: &Model, p: &Passage, m: &TimeMention) -> Option<usize> {
    if !matches!(
        m.precision,
        Precision::Week | Precision::PartOfMonth | Precision::Month | Precision::Season
    ) {
        return None;
    }
    let k = p.near(m.from, m.to, 2, KINDS)?;
    // "Sherman, who led talks in Geneva this week, told reporters": a verb of speech
    // is the telling, not a name for what happened.
    if p.reading.tokens[k].class & SPEECH != 0 {
        return None;
    }
    let class = p.reading.tokens[k].class & KINDS;
    let fits: Vec<usize> = (0..model.events.len())
        .filter(|&e| {
            let ev = &model.events[e];
            ev.class & class != 0 && m.first <= ev.end && ev.start <= m.last
        })
        .collect();
    let unique: Vec<usize> = fits
        .iter()
        .copied()
        .filter(|&e| !model.events[e].series.is_some_and(|s| fits.contains(&s)))
        .collect();
    match unique[..] {
        [e] => Some(e),
        _ => None,
    }
}

fn weigh_cues(
    model: &Model,
    p: &Passage,
    published: Date,
    bindings: &[Option<(usize, usize)>],
    framed: &[(u16, usize)],
    cands: &mut Vec<(usize, CueKind)>,
    out: &mut Evidence,
) {
    for h in p.hits {
        let s = p.reading.tokens[h.first].sentence;
        let sentence = &p.sentences[s as usize];
        let bound = candidates(model, p, h, bindings, published, cands);
        let n = cands.len() as f32;
        for &(e, kind) in cands.iter() {
            // Outside a frame that names another event, a cue is background.
            let scale = if background(p, framed, s, h.first, e) {
                0.5
            } else {
                1.0
            };
            let w = kind.weight() / n * scale;
            out.add(e, w, Group::of(kind), Reason::Cue { cue: h.cue, bound });
            // Who and where say what happened only with a word for it: "talks in
            // Geneva" is the round, "the summit in Geneva" the summit. A format or a
            // phrase already says it.
            let ev = &model.events[e];
            if matches!(
                kind,
                CueKind::Name | CueKind::Place | CueKind::Common | CueKind::Role
            ) && let Some(k) = p
                .near(h.first, h.first + h.len, KIND_WINDOW, ev.class)
                .or_else(|| {
                    (kind == CueKind::Place)
                        .then(|| p.before_in_clause(h.first, CLAUSE_REACH, ev.class))
                        .flatten()
                })
            {
                out.add(e, scale, Group::Kind, Reason::Kind(k));
            }
            // A participant quoted or reported is reporting on the event; a name inside
            // the quotation is what the speaker spoke of, not who spoke.
            if cands.len() == 1
                && kind == CueKind::Name
                && sentence.speech
                && !p.reading.tokens[h.first].quoted
            {
                out.add(e, scale, Group::Speaker, Reason::Speaker(h.cue));
            }
        }
    }
}

/// How far back in its clause a word for what happened may stand from a place: "talks
/// between the West and Russia in Geneva".
const CLAUSE_REACH: usize = 8;

/// How far before a format a word for "again" ("new", "fresh", "further") may stand:
/// "fresh rounds of the NATO-Russia Council".
const AGAIN_REACH: usize = 4;

/// How many words from a week mention its talks or their verdict may stand: "talks
/// between Russia and the West this week", the parties between them.
const WEEK_REACH: usize = 6;

/// Words that can only mean the series being covered: "a week of talks", "this week's
/// talks" in a week of talks, and the week judged ("the outcome of the week", "this
/// week should end without…").
fn weigh_series(model: &Model, p: &Passage, published: Date, s: usize, out: &mut Evidence) {
    if !p.may_speak_of(model, s, published) {
        return;
    }
    let tokens = &p.reading.tokens;
    for &(from, to) in &p.gatherings {
        if p.allows(tokens[from].sentence, s) {
            out.add(s, 3.0, Group::Series, Reason::Series(from, to));
        }
    }
    let ev = &model.events[s];
    for m in &p.mentions {
        if m.precision != Precision::Week
            || 2 * overlap_days(m.first, m.last, ev.start, ev.end) < ev.days()
        {
            continue;
        }
        if let Some(t) = p.near(m.from, m.to, WEEK_REACH, TALKS | VERDICT) {
            let (a, b) = (m.from.min(t), (m.to).max(t + 1));
            out.add(s, 3.0, Group::Series, Reason::Series(a, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The totals are remembered between two calls, so every change of the items must
    /// forget them: a stale total would decide a passage on the last one's evidence.
    #[test]
    fn totals_follow_every_change_of_the_items() {
        let mut ev = Evidence::default();
        assert_eq!(ev.totals(3), vec![0.0; 3]);
        ev.add(1, 2.0, Group::Places, Reason::Kind(0));
        let t = ev.totals(3);
        assert_eq!(t, vec![0.0, 2.0, 0.0]);
        ev.recycle_totals(t);
        // Asked again with nothing changed: the same.
        assert_eq!(ev.totals(3), vec![0.0, 2.0, 0.0]);
        // Another group adds to it.
        ev.add(1, 0.5, Group::Names, Reason::Kind(1));
        assert_eq!(ev.totals(3), vec![0.0, 2.5, 0.0]);
        ev.add(2, 1.0, Group::Time, Reason::Date(0));
        assert_eq!(ev.totals(3), vec![0.0, 2.5, 1.0]);
        // The same reason again counts once, at its strongest.
        ev.add(2, 1.5, Group::Time, Reason::Date(0));
        assert_eq!(ev.totals(3), vec![0.0, 2.5, 1.5]);
        // For another number of events.
        assert_eq!(ev.totals(2), vec![0.0, 2.5]);
        ev.clear();
        assert_eq!(ev.totals(3), vec![0.0; 3]);
        // A weight of nothing is no item and changes nothing.
        ev.add(0, 0.0, Group::Time, Reason::Date(1));
        assert_eq!(ev.totals(3), vec![0.0; 3]);
        ev.add(0, 1.0, Group::Names, Reason::Kind(2));
        assert_eq!(ev.totals(3), vec![1.0, 0.0, 0.0]);
    }
}
