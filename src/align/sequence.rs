//! Reading an article as a whole. Real reporting names an event once — in the title,
//! the dateline, the lead — and then goes on about it for paragraphs without a date or
//! a name: quotes, "the session", the details of a draft item by item, a caption. Read
//! alone such a passage has no evidence; read in its article it plainly continues the
//! event it follows.
//!
//! The model is a hidden Markov chain over the article's passages. Its hidden state is
//! what the article is talking about at that passage: one event of the timeline, or
//! none (background, history, general argument). Each passage scores every state from
//! its own evidence (the cues and dates [`weigh`](super::evidence::weigh) found, and
//! signs of background such as a date no event falls on); moving from one state to
//! another costs, staying is free, so a passage without evidence of its own continues
//! the current event; and the article's subject, inferred from its title, lead and
//! publication date, is where it starts and what it returns to. Viterbi decoding gives
//! the most likely state of every passage, and the forward–backward pass how sure that
//! is (the confidence each assignment carries).
//!
//! Scores are in the units of evidence weight (a cue of a format weighs about 3), read
//! as log-odds: the numbers below say how much evidence it takes to leave, switch or
//! enter an event.

use super::model::Model;

/// What staying costs: nothing; these are what a change of state costs.
/// From an event to no event (background begins).
const LEAVE: f32 = 0.5;
/// From one event to another without evidence for it (it needs evidence to pay).
const SWITCH: f32 = 3.5;
/// From no event into one that is not the article's subject.
const ENTER: f32 = 1.5;
/// Back to the article's subject, from background or from another event.
const RETURN: f32 = 1.75;
/// The most a passage's own evidence for one event counts in the chain.
const OWN_CAP: f32 = 6.0;
/// An event the passage's own evidence decided: the chain is in it there.
const DECIDED: f32 = 4.0;
/// A passage with decided events and no reference back ("the session") has moved on
/// from any other event.
const MOVED_ON: f32 = 1.0;
/// A state the passage's dates rule out.
const RULED_OUT: f32 = 1.0;
/// The weight of the subject at the article's start, per unit of its confidence.
const SUBJECT_PRIOR: f32 = 3.75;
/// How much a report's subject pulls each passage back to it, per unit of confidence.
const PULL: f32 = 1.1;
/// How sure of its subject a report must be for topics not to move it.
pub(crate) const HOLD: f32 = 0.5;
/// Added to a change of state at a passage that gives no reason for it.
const BLIND: f32 = 0.3;
/// Added to a change of state at a passage that hangs on the one before.
const LINKED: f32 = 0.4;

/// What the chain knows of one passage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observation {
    /// The events the passage's own evidence decided (or a curator set).
    pub decided: Vec<usize>,
    /// Set by a curator: the chain reads it, never changes it.
    pub by_hand: bool,
    /// The passage's own evidence for each event (empty: none at all).
    pub own: Vec<f32>,
    /// Events its dates rule out.
    pub ruled_out: Vec<usize>,
    /// Evidence that it belongs to no event.
    pub background: f32,
    /// It refers to an event as already known ("the session", "the call").
    pub refers: bool,
    /// It hangs on the passage before: a quotation, a list item, a pronoun opening.
    pub linked: bool,
    /// Its decided events are only topics: named by their people and stock phrases,
    /// not by date, place or format.
    pub topical: bool,
    /// The events its own evidence points to short of deciding, that neither the
    /// article's subject nor an earlier passage explains, each with that evidence: the
    /// range of its reasons among the article's, kept unsaid (`explain::hints`), what
    /// `why` says if the chain puts the passage there.
    pub hints: Vec<(usize, std::ops::Range<usize>)>,
    /// The events the section heading above it names, with that evidence in words: on
    /// the first passage of a section only.
    pub section: Vec<(usize, super::reasons::Cues)>,
    /// It is the first passage under a heading: a new section may turn to another
    /// event as freely as the article's first passage may.
    pub opens_section: bool,
}

/// The observations of one article, kept from one article to the next with the storage
/// of their lists: building the chain then allocates nothing once a few articles are read.
#[derive(Debug, Default)]
pub(crate) struct Observations {
    items: Vec<Observation>,
    len: usize,
}

impl Observations {
    /// Forgets every observation, keeping their storage.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// A new observation at the end, as [`Observation::default`] (its lists empty).
    pub fn push(&mut self) -> &mut Observation {
        if self.len == self.items.len() {
            self.items.push(Observation::default());
        } else {
            let slot = &mut self.items[self.len];
            let Observation {
                mut decided,
                mut own,
                mut ruled_out,
                mut hints,
                ..
            } = std::mem::take(slot);
            decided.clear();
            own.clear();
            ruled_out.clear();
            hints.clear();
            *slot = Observation {
                decided,
                own,
                ruled_out,
                hints,
                ..Observation::default()
            };
        }
        self.len += 1;
        &mut self.items[self.len - 1]
    }

    /// The observations pushed since the last [`Observations::clear`], in order.
    pub fn as_slice(&self) -> &[Observation] {
        &self.items[..self.len]
    }
}

/// What an article is about, as its title, lead and date say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Subject {
    /// Events with a confidence in (0, 1], most likely first.
    pub events: Vec<(usize, f32)>,
    /// For each event, where it was read ("title", "¶1", "published that day").
    pub sources: Vec<(usize, Vec<&'static str>)>,
}

impl Subject {
    /// The confidence that the article is about `e` (0 if not).
    pub fn confidence(&self, e: usize) -> f32 {
        self.events
            .iter()
            .find(|(x, _)| *x == e)
            .map_or(0.0, |(_, c)| *c)
    }

    /// Where the subject `e` was read, for `why`.
    pub fn sources_of(&self, e: usize) -> &[&'static str] {
        self.sources
            .iter()
            .find(|(x, _)| *x == e)
            .map_or(&[], |(_, s)| s.as_slice())
    }
}

/// The decoded chain: the state of each passage and how sure it is.
#[derive(Debug, Clone, Default)]
pub(crate) struct Decoded {
    /// The event the article is talking about at each passage, if any.
    pub state: Vec<Option<usize>>,
    /// For each passage, the posterior probability of each state (`states` a passage;
    /// the last is none).
    posterior: Vec<f32>,
    states: usize,
}

impl Decoded {
    /// The posterior probability of each state at passage `i` (the last is none).
    pub fn posterior(&self, i: usize) -> &[f32] {
        self.posterior
            .get(i * self.states..(i + 1) * self.states)
            .unwrap_or(&[])
    }
}

/// Infers the subject from evidence `weights[e]` gathered from the title, the lead and
/// the publication date, each with where it came from.
pub(crate) fn subject(n: usize, weights: &[(usize, f32, &'static str)]) -> Subject {
    let mut events = Vec::new();
    subject_events(n, weights, &mut Vec::new(), &mut events);
    let mut sources: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for &(e, w, from) in weights {
        if e >= n || w <= 0.0 || !events.iter().any(|(x, _)| *x == e) {
            continue;
        }
        match sources.iter_mut().find(|(x, _)| *x == e) {
            Some((_, s)) => {
                if !s.contains(&from) {
                    s.push(from)
                }
            }
            None => sources.push((e, vec![from])),
        }
    }
    Subject { events, sources }
}

/// The events of [`subject`] with their confidences, most likely first, into `events`
/// (emptied first), without where they were read; `total` is storage. The aligner asks
/// this of the title and the date alone, for every article.
pub(crate) fn subject_events(
    n: usize,
    weights: &[(usize, f32, &'static str)],
    total: &mut Vec<f32>,
    events: &mut Vec<(usize, f32)>,
) {
    total.clear();
    total.resize(n, 0.0);
    for &(e, w, _) in weights {
        if e >= n || w <= 0.0 {
            continue;
        }
        total[e] += w;
    }
    // A logistic reading of the summed evidence: 3 (one decisive cue) is even odds,
    // each further unit of evidence about doubles them.
    events.clear();
    events.extend(
        total
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0)
            .map(|(e, &w)| (e, 1.0 / (1.0 + (-(w - 3.0) * 0.7).exp())))
            .filter(|(_, c)| *c >= 0.25),
    );
    events.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// Decodes the chain over `obs` for a timeline of `model.events.len()` events. A
/// `report` (news, a transcript, a statement) tells its subject from start to end and is
/// pulled back to it; an analysis or a comment argues between the events it names.
/// The aligner decodes into a [`Decoder`] kept from article to article instead.
#[cfg(test)]
pub(crate) fn decode(
    model: &Model,
    subject: &Subject,
    report: bool,
    obs: &[Observation],
) -> Decoded {
    let mut decoder = Decoder::default();
    decode_into(model, subject, report, obs, &mut decoder);
    decoder.decoded
}

/// The storage of [`decode_into`], kept from one article to the next: decoding runs for
/// every article of a corpus, and would otherwise allocate a dozen rows for each.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    conf: Vec<f32>,
    initial: Vec<f32>,
    emit: Vec<f32>,
    costs: Vec<(f32, f32)>,
    pc: Vec<(f32, f32)>,
    score: Vec<f32>,
    next: Vec<f32>,
    back: Vec<u16>,
    marks: Vec<u8>,
    path: Vec<usize>,
    pe: Vec<f32>,
    fwd: Vec<f32>,
    first: Vec<f32>,
    bwd: Vec<f32>,
    g: Vec<f32>,
    decoded: Decoded,
}

/// [`decode`] in the storage of `decoder`: the result lasts until its next use.
pub(crate) fn decode_into<'d>(
    model: &Model,
    subject: &Subject,
    report: bool,
    obs: &[Observation],
    decoder: &'d mut Decoder,
) -> &'d Decoded {
    let n = model.events.len();
    let states = n + 1;
    let none = n;
    let len = obs.len();
    let Decoder {
        conf,
        initial,
        emit,
        costs,
        pc,
        score,
        next,
        back,
        marks,
        path,
        pe,
        fwd,
        first,
        bwd,
        g,
        decoded,
    } = decoder;
    decoded.state.clear();
    decoded.posterior.clear();
    decoded.states = 0;
    if len == 0 {
        return decoded;
    }
    let reason = |i: usize, b: usize| gives_reason(&obs[i], b, none);
    conf.clear();
    conf.extend((0..n).map(|e| subject.confidence(e)));
    initial.clear();
    initial.extend((0..states).map(|s| {
        if s == none {
            0.0
        } else {
            let c = conf[s];
            if c > 0.0 {
                SUBJECT_PRIOR * c
            } else if reason(0, s) {
                -ENTER
            } else {
                -ENTER - BLIND
            }
        }
    }));
    // Everything per passage and state lives in flat rows of `states` (one allocation
    // each, not one per passage, and kept from article to article): this runs for every
    // article of a corpus.
    //
    // Moving costs depend only on where the chain goes and whether it comes from no
    // event, so each step weighs every state in one pass, not every pair: a timeline of
    // hundreds of events costs no more per pair of states than one of ten.
    // costs[i * states + b] = (from another event, from no event) into b at passage i;
    // for b = none, both are the cost of leaving.
    // `pc` holds the same as probabilities, each a product of the few factors there
    // are, so no exponential is taken per passage and state.
    let p = |x: f32| (-x).exp();
    let (p_leave, p_return, p_switch, p_enter) = (p(LEAVE), p(RETURN), p(SWITCH), p(ENTER));
    let (p_blind, p_linked) = (p(BLIND), p(LINKED));
    // Whether any event is the subject surely enough for topics not to move a report.
    let any_hold = conf.iter().any(|c| *c >= HOLD);
    // Whether no event is the subject: the same for every passage of the article.
    let back_to_none = none_pull(conf, report);
    emit.clear();
    emit.resize(len * states, 0.0);
    costs.clear();
    costs.resize(len * states, (0.0, 0.0));
    pc.clear();
    pc.resize(len * states, (0.0, 0.0));
    // The passage's decided and ruled-out events, as marks on the states: each is
    // looked up once per state rather than searched for in the lists.
    marks.clear();
    marks.resize(states, 0);
    let mark = |marks: &mut [u8], o: &Observation, on: bool| {
        for (list, bit) in [(&o.decided, DECIDED_MARK), (&o.ruled_out, RULED_OUT_MARK)] {
            for &e in list {
                if let Some(m) = marks.get_mut(e) {
                    *m = if on { *m | bit } else { 0 };
                }
            }
        }
    };
    for (i, o) in obs.iter().enumerate() {
        mark(marks, o, true);
        let r = i * states..(i + 1) * states;
        emissions_marked(
            o,
            conf,
            report,
            (any_hold, back_to_none),
            marks,
            &mut emit[r.clone()],
        );
        let (linked, p_link) = if o.linked {
            (LINKED, p_linked)
        } else {
            (0.0, 1.0)
        };
        let rows = costs[r.clone()].iter_mut().zip(&mut pc[r]);
        for (b, (cost, prob)) in rows.enumerate() {
            // A change happens where the text gives a reason for it, not before; a
            // quotation, a list item, a pronoun opening hang on what came before.
            let reason = if b == none {
                o.background > 0.0
            } else {
                marks[b] & DECIDED_MARK != 0 || o.own.get(b).is_some_and(|w| *w > 0.0)
            };
            let (blind, p_bl) = if reason { (0.0, 1.0) } else { (BLIND, p_blind) };
            let extra = blind + linked;
            let p_extra = p_bl * p_link;
            (*cost, *prob) = if b == none {
                (
                    (LEAVE + extra, LEAVE + extra),
                    (p_leave * p_extra, p_leave * p_extra),
                )
            } else if conf[b] > 0.0 {
                (
                    (RETURN + extra, RETURN + extra),
                    (p_return * p_extra, p_return * p_extra),
                )
            } else if o.opens_section {
                (
                    (ENTER + extra, ENTER + extra),
                    (p_enter * p_extra, p_enter * p_extra),
                )
            } else {
                (
                    (SWITCH + extra, ENTER + extra),
                    (p_switch * p_extra, p_enter * p_extra),
                )
            };
        }
        mark(marks, o, false);
    }

    // Viterbi in log space, and the forward–backward pass in probability space, each
    // step scaled to sum to one, for the posterior of every state; sums over the states
    // one comes from (or goes to) are taken once per step, as above. The three walks
    // are independent and each step of one waits on the step before (a sum, then a
    // division): they go step by step side by side, so the processor works on the
    // three at once. Each computes exactly what it would alone.
    let exp_into = |v: &[f32], out: &mut [f32]| {
        let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        // States with the same evidence have the same exponential: most of a row.
        let mut last: Option<(u32, f32)> = None;
        for (o, x) in out.iter_mut().zip(v) {
            let d = x - max;
            *o = match last {
                Some((bits, e)) if bits == d.to_bits() => e,
                _ => {
                    let e = d.exp();
                    last = Some((d.to_bits(), e));
                    e
                }
            };
        }
    };
    pe.clear();
    pe.resize(len * states, 0.0);
    for i in 0..len {
        let r = i * states..(i + 1) * states;
        exp_into(&emit[r.clone()], &mut pe[r]);
    }
    let normalise = |v: &mut [f32]| {
        let z: f32 = v.iter().sum();
        if z > 0.0 {
            v.iter_mut().for_each(|x| *x /= z);
        }
    };
    score.clear();
    score.extend((0..states).map(|s| initial[s] + emit[s]));
    next.clear();
    next.resize(states, f32::NEG_INFINITY);
    back.clear();
    back.resize(len * states, 0);
    fwd.clear();
    fwd.resize(len * states, 0.0);
    first.clear();
    first.extend(initial.iter().zip(&emit[..states]).map(|(a, b)| a + b));
    exp_into(first, &mut fwd[..states]);
    normalise(&mut fwd[..states]);
    bwd.clear();
    bwd.resize(len * states, 1.0);
    g.clear();
    g.resize(states, 0.0);
    for i in 1..len {
        // Viterbi, step i. Ties go to the lowest state, as a scan of every pair would.
        // The two best events at i - 1 (best first, lowest index among equals).
        let (mut top, mut second): (Option<usize>, Option<usize>) = (None, None);
        for a in 0..n {
            if top.is_none_or(|t| score[a] > score[t]) {
                second = top;
                top = Some(a);
            } else if second.is_none_or(|t| score[a] > score[t]) {
                second = Some(a);
            }
        }
        // This step's rows, as slices: the loops below index nothing twice.
        let at = i * states;
        let (costs_i, emit_i) = (&costs[at..at + states], &emit[at..at + states]);
        let back_i = &mut back[at..at + states];
        for b in 0..states {
            let (from_event, from_none) = costs_i[b];
            let other = if top == Some(b) { second } else { top };
            let mut candidates: [(f32, usize); 3] = [(score[b], b); 3];
            if let Some(a) = other.filter(|_| b != none) {
                candidates[1] = (score[a] - from_event, a);
            } else if let Some(a) = top.filter(|_| b == none) {
                candidates[1] = (score[a] - from_event, a);
            }
            if b != none {
                candidates[2] = (score[none] - from_none, none);
            }
            let (v, a) = candidates
                .into_iter()
                .fold((f32::NEG_INFINITY, usize::MAX), |best, c| {
                    if c.0 > best.0 || (c.0 == best.0 && c.1 < best.1) {
                        c
                    } else {
                        best
                    }
                });
            next[b] = v + emit_i[b];
            back_i[b] = a as u16;
        }
        std::mem::swap(score, next);

        // Forward, step i.
        {
            let (done, rest) = fwd.split_at_mut(i * states);
            let prev = &done[(i - 1) * states..];
            let row = &mut rest[..states];
            let events: f32 = prev[..n].iter().sum();
            let (pc_i, pe_i) = (&pc[at..at + states], &pe[at..at + states]);
            for (b, ((slot, &(p_event, p_none)), &p_emit)) in
                row.iter_mut().zip(pc_i).zip(pe_i).enumerate()
            {
                let sum = if b == none {
                    prev[none] + events * p_event
                } else {
                    prev[b] + prev[none] * p_none + (events - prev[b]) * p_event
                };
                *slot = sum * p_emit;
            }
            normalise(row);
        }

        // Backward, the step into passage j from passage j + 1.
        let j = len - 1 - i;
        let at = (j + 1) * states;
        let (row, after) = bwd.split_at_mut(at);
        let row = &mut row[j * states..];
        let (pc_n, pe_n) = (&pc[at..at + states], &pe[at..at + states]);
        for ((slot, &p), &b) in g.iter_mut().zip(pe_n).zip(&after[..states]) {
            *slot = p * b;
        }
        // Two sums in one walk, each in its own order.
        let (mut into_event, mut into_event_from_none) = (0.0f32, 0.0f32);
        for (g, p) in g[..n].iter().zip(pc_n) {
            into_event += g * p.0;
            into_event_from_none += g * p.1;
        }
        let leave = pc_n[none].0;
        for (a, ((slot, &g_a), p)) in row.iter_mut().zip(g.iter()).zip(pc_n).enumerate() {
            *slot = if a == none {
                g[none] + into_event_from_none
            } else {
                g_a + g[none] * leave + into_event - g_a * p.0
            };
        }
        normalise(row);
    }
    let mut best = (0..states)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(none);
    path.clear();
    path.resize(len, none);
    for i in (0..len).rev() {
        path[i] = best;
        best = back[i * states + best] as usize;
    }
    let posterior = &mut decoded.posterior;
    posterior.extend(fwd.iter().zip(bwd.iter()).map(|(f, b)| f * b));
    for i in 0..len {
        normalise(&mut posterior[i * states..(i + 1) * states]);
    }
    decoded
        .state
        .extend(path.iter().map(|&s| (s != none).then_some(s)));
    decoded.states = states;
    decoded
}

/// Whether passage `o` gives a reason to be in state `b` (`none` is no event): evidence
/// of background, or of the event.
fn gives_reason(o: &Observation, b: usize, none: usize) -> bool {
    if b == none {
        o.background > 0.0
    } else {
        o.decided.contains(&b) || o.own.get(b).is_some_and(|w| *w > 0.0)
    }
}

/// How much a report about no event of the timeline (a briefing on another day, a
/// ministers' meeting) pulls each passage back to no event: what it names in passing
/// is an aside, and the article returns to its own subject, as a report on an event
/// returns to that event.
fn none_pull(conf: &[f32], report: bool) -> f32 {
    if report && conf.iter().all(|c| *c <= 0.0) {
        PULL
    } else {
        0.0
    }
}

/// A mark on a state: the passage's own evidence decided it.
const DECIDED_MARK: u8 = 1;
/// A mark on a state: the passage's dates rule it out.
const RULED_OUT_MARK: u8 = 2;

/// How well each state fits one passage (index `n` is none), its decided and ruled-out
/// events marked on `marks`; `any_hold` is whether any event is the subject surely
/// enough to [`HOLD`] a report, and `back_to_none` the article's [`none_pull`], both
/// taken once per article.
fn emissions_marked(
    o: &Observation,
    conf: &[f32],
    report: bool,
    (any_hold, back_to_none): (bool, f32),
    marks: &[u8],
    out: &mut [f32],
) {
    let n = conf.len();
    let decided = !o.decided.is_empty();
    // A report on a round that discusses the topics of another event (its draft, its
    // people) is still on its round: topics do not move it.
    let holds = report && o.topical && any_hold;
    for (e, (slot, &m)) in out.iter_mut().zip(marks).enumerate().take(n) {
        let is_decided = m & DECIDED_MARK != 0;
        if m & RULED_OUT_MARK != 0 && !is_decided {
            *slot = -RULED_OUT;
            continue;
        }
        let own = o.own.get(e).copied().unwrap_or(0.0).min(OWN_CAP);
        *slot = own;
        if is_decided {
            if !holds || conf[e] >= HOLD {
                *slot += DECIDED;
            }
        } else if decided && !o.refers && !holds {
            *slot -= MOVED_ON;
        }
        if report {
            *slot += PULL * conf[e];
        }
    }
    out[n] = o.background - if decided { DECIDED } else { 0.0 } + back_to_none;
    if o.by_hand {
        // A curator's marker is certain.
        for (s, (slot, &m)) in out.iter_mut().zip(marks).enumerate() {
            let set = if s == n {
                o.decided.is_empty()
            } else {
                m & DECIDED_MARK != 0
            };
            *slot = if set { 0.0 } else { -RULED_OUT };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How well each state fits one passage (index `n` is none), as first written:
    /// the reference of [`emissions_marked`].
    fn emissions(o: &Observation, conf: &[f32], report: bool, out: &mut [f32]) {
        let n = conf.len();
        let decided = !o.decided.is_empty();
        // A report on a round that discusses the topics of another event (its draft, its
        // people) is still on its round: topics do not move it.
        let holds = report && o.topical && conf.iter().any(|c| *c >= HOLD);
        for (e, slot) in out.iter_mut().enumerate().take(n) {
            if o.ruled_out.contains(&e) && !o.decided.contains(&e) {
                *slot = -RULED_OUT;
                continue;
            }
            let own = o.own.get(e).copied().unwrap_or(0.0).min(OWN_CAP);
            *slot = own;
            if o.decided.contains(&e) {
                if !holds || conf[e] >= HOLD {
                    *slot += DECIDED;
                }
            } else if decided && !o.refers && !holds {
                *slot -= MOVED_ON;
            }
            if report {
                *slot += PULL * conf[e];
            }
        }
        out[n] = o.background - if decided { DECIDED } else { 0.0 } + none_pull(conf, report);
        if o.by_hand {
            // A curator's marker is certain.
            for (s, slot) in out.iter_mut().enumerate() {
                let set = if s == n {
                    o.decided.is_empty()
                } else {
                    o.decided.contains(&s)
                };
                *slot = if set { 0.0 } else { -RULED_OUT };
            }
        }
    }

    /// The decoder as first written, weighing every pair of states: the reference the
    /// one-pass decoder must agree with.
    fn naive_decode(model: &Model, subject: &Subject, report: bool, obs: &[Observation]) -> Naive {
        let n = model.events.len();
        let states = n + 1;
        let none = n;
        let len = obs.len();
        if len == 0 {
            return Naive {
                state: Vec::new(),
                posterior: Vec::new(),
            };
        }
        let reason = |i: usize, b: usize| gives_reason(&obs[i], b, none);
        let initial: Vec<f32> = (0..states)
            .map(|s| {
                if s == none {
                    0.0
                } else {
                    let c = subject.confidence(s);
                    if c > 0.0 {
                        SUBJECT_PRIOR * c
                    } else if reason(0, s) {
                        -ENTER
                    } else {
                        -ENTER - BLIND
                    }
                }
            })
            .collect();
        let emit: Vec<Vec<f32>> = obs
            .iter()
            .map(|o| {
                let conf: Vec<f32> = (0..n).map(|e| subject.confidence(e)).collect();
                let mut row = vec![0.0f32; n + 1];
                emissions(o, &conf, report, &mut row);
                row
            })
            .collect();
        // The cost of moving from `a` (at passage i - 1) to `b` at passage i.
        let step = |i: usize, a: usize, b: usize| -> f32 {
            if a == b {
                return 0.0;
            }
            let o = &obs[i];
            let mut cost = if b == none {
                LEAVE
            } else if subject.confidence(b) > 0.0 {
                RETURN
            } else if a == none || o.opens_section {
                ENTER
            } else {
                SWITCH
            };
            // A change happens where the text gives a reason for it, not before.
            if !reason(i, b) {
                cost += BLIND;
            }
            // A quotation, a list item, a pronoun opening hang on what came before.
            if o.linked {
                cost += LINKED;
            }
            -cost
        };
        let mut trans = vec![vec![0.0f32; states * states]; len];
        for (i, t) in trans.iter_mut().enumerate().skip(1) {
            for a in 0..states {
                for b in 0..states {
                    t[a * states + b] = step(i, a, b);
                }
            }
        }

        // Viterbi, in log space.
        let mut score: Vec<f32> = (0..states).map(|s| initial[s] + emit[0][s]).collect();
        let mut back: Vec<Vec<u16>> = Vec::with_capacity(len);
        back.push(vec![0; states]);
        for i in 1..len {
            let mut next = vec![f32::NEG_INFINITY; states];
            let mut from = vec![0u16; states];
            for b in 0..states {
                for a in 0..states {
                    let v = score[a] + trans[i][a * states + b];
                    if v > next[b] {
                        next[b] = v;
                        from[b] = a as u16;
                    }
                }
                next[b] += emit[i][b];
            }
            score = next;
            back.push(from);
        }
        let mut best = (0..states)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
            .unwrap_or(none);
        let mut path = vec![none; len];
        for i in (0..len).rev() {
            path[i] = best;
            best = back[i][best] as usize;
        }

        // Forward–backward in probability space, each step scaled to sum to one, for the
        // posterior of every state.
        let exp_row = |v: &[f32]| -> Vec<f32> {
            let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            v.iter().map(|x| (x - max).exp()).collect()
        };
        let pe: Vec<Vec<f32>> = emit.iter().map(|e| exp_row(e)).collect();
        let pt: Vec<Vec<f32>> = trans
            .iter()
            .map(|t| t.iter().map(|x| x.exp()).collect())
            .collect();
        let normalise = |v: &mut Vec<f32>| {
            let z: f32 = v.iter().sum();
            if z > 0.0 {
                v.iter_mut().for_each(|x| *x /= z);
            }
        };
        let mut fwd = vec![vec![0.0f32; states]; len];
        let first: Vec<f32> = initial.iter().zip(&emit[0]).map(|(a, b)| a + b).collect();
        fwd[0] = exp_row(&first);
        normalise(&mut fwd[0]);
        for i in 1..len {
            let mut row = vec![0.0f32; states];
            for (b, slot) in row.iter_mut().enumerate() {
                let mut sum = 0.0;
                for a in 0..states {
                    sum += fwd[i - 1][a] * pt[i][a * states + b];
                }
                *slot = sum * pe[i][b];
            }
            normalise(&mut row);
            fwd[i] = row;
        }
        let mut bwd = vec![vec![1.0f32; states]; len];
        for i in (0..len - 1).rev() {
            let mut row = vec![0.0f32; states];
            for (a, slot) in row.iter_mut().enumerate() {
                let mut sum = 0.0;
                for b in 0..states {
                    sum += pt[i + 1][a * states + b] * pe[i + 1][b] * bwd[i + 1][b];
                }
                *slot = sum;
            }
            normalise(&mut row);
            bwd[i] = row;
        }
        let posterior = (0..len)
            .map(|i| {
                let mut p: Vec<f32> = (0..states).map(|s| fwd[i][s] * bwd[i][s]).collect();
                normalise(&mut p);
                p
            })
            .collect();
        Naive {
            state: path.into_iter().map(|s| (s != none).then_some(s)).collect(),
            posterior,
        }
    }

    /// What the pairwise decoder gives: each passage's state and posterior.
    struct Naive {
        state: Vec<Option<usize>>,
        posterior: Vec<Vec<f32>>,
    }

    /// A tiny deterministic generator, so the cases are the same on every run.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn the_one_pass_decoder_agrees_with_weighing_every_pair() {
        let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
        let timeline = corpus.timeline.expect("bundled timeline");
        let model = crate::align::Aligner::new(&timeline).model;
        let n = model.events.len();
        let mut rng = Lcg(7);
        let mut shared = Decoder::default();
        for case in 0..300 {
            let len = 1 + rng.below(12) as usize;
            let obs: Vec<Observation> = (0..len)
                .map(|_| {
                    let decided: Vec<usize> = (0..n).filter(|_| rng.below(6) == 0).collect();
                    Observation {
                        own: (0..n)
                            .map(|_| {
                                if rng.below(3) == 0 {
                                    rng.below(8) as f32 * 0.75
                                } else {
                                    0.0
                                }
                            })
                            .collect(),
                        ruled_out: (0..n).filter(|_| rng.below(9) == 0).collect(),
                        background: if rng.below(3) == 0 {
                            rng.below(5) as f32
                        } else {
                            0.0
                        },
                        refers: rng.below(2) == 0,
                        linked: rng.below(3) == 0,
                        by_hand: rng.below(10) == 0,
                        topical: rng.below(4) == 0,
                        hints: Vec::new(),
                        section: Vec::new(),
                        opens_section: rng.below(5) == 0,
                        decided,
                    }
                })
                .collect();
            let mut events = Vec::new();
            for e in 0..n {
                if rng.below(4) == 0 {
                    events.push((e, 0.25 + rng.below(4) as f32 * 0.25));
                }
            }
            let subject = Subject {
                events,
                sources: Vec::new(),
            };
            let report = rng.below(2) == 0;
            // Each passage's emissions, from marks, are bit for bit those from lists.
            let conf: Vec<f32> = (0..n).map(|e| subject.confidence(e)).collect();
            let any_hold = conf.iter().any(|c| *c >= HOLD);
            for o in &obs {
                let mut marks = vec![0u8; n + 1];
                for &e in &o.decided {
                    marks[e] |= DECIDED_MARK;
                }
                for &e in &o.ruled_out {
                    marks[e] |= RULED_OUT_MARK;
                }
                let (mut plain, mut marked) = (vec![0.0f32; n + 1], vec![0.0f32; n + 1]);
                emissions(o, &conf, report, &mut plain);
                let article = (any_hold, none_pull(&conf, report));
                emissions_marked(o, &conf, report, article, &marks, &mut marked);
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&plain), bits(&marked), "case {case}");
            }
            let fast = decode(&model, &subject, report, &obs);
            let slow = naive_decode(&model, &subject, report, &obs);
            // A decoder kept from case to case, as the aligner keeps one from article
            // to article, gives exactly what a fresh one does.
            let reused = decode_into(&model, &subject, report, &obs, &mut shared);
            assert_eq!(reused.state, fast.state, "case {case}: reused decoder");
            assert_eq!(
                reused.posterior, fast.posterior,
                "case {case}: reused decoder"
            );
            assert_eq!(fast.state, slow.state, "case {case}");
            for (i, s) in slow.posterior.iter().enumerate() {
                let f = fast.posterior(i);
                for (x, y) in f.iter().zip(s.iter()) {
                    assert!((x - y).abs() < 1e-3, "case {case}: {f:?} vs {s:?}");
                }
            }
        }
    }

    /// A reused observation starts as a new one: nothing of the passage it last held.
    #[test]
    fn a_reused_observation_is_new() {
        let mut obs = Observations::default();
        let o = obs.push();
        o.decided.push(2);
        o.own.extend([1.0, 4.0, 0.5]);
        o.ruled_out.push(1);
        o.background = 2.0;
        o.by_hand = true;
        o.refers = true;
        o.linked = true;
        obs.push().own.push(3.0);
        assert_eq!(obs.as_slice().len(), 2);
        obs.clear();
        assert!(obs.as_slice().is_empty());
        let o = obs.push();
        assert!(o.decided.is_empty() && o.own.is_empty() && o.ruled_out.is_empty());
        assert_eq!(o.background, 0.0);
        assert!(!o.by_hand && !o.refers && !o.linked);
        assert!(obs.push().own.is_empty());
        assert_eq!(obs.as_slice().len(), 2);
    }
}
