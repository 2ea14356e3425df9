//! Turning the reasons that decided an event into the short words of its `why`:
//! `date: "January 12"`, `place: Brussels`, `context: a quotation following ¶4`.

use std::fmt::Write as _;
use std::ops::Range;

use jiff::civil::Date;

use super::context::Link;
use super::dates::Precision;
use super::evidence::{Evidence, Group, Reason};
use super::model::Model;
use super::passage::Passage;
use super::reasons::Cues;

/// A reason with what it quotes of its passage resolved to byte ranges of the text: it
/// outlives the passage, so the words of a reason that is seldom shown (a hint, see
/// [`hints`]) are written only if they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Told {
    Date {
        words: (usize, usize),
        first: Date,
        last: Date,
        precision: Precision,
    },
    Cue {
        cue: usize,
        bound: Option<usize>,
    },
    Kind((usize, usize)),
    Speaker(usize),
    Frame((usize, usize)),
    Series((usize, usize)),
    Talks((usize, usize), Option<(usize, usize)>),
    Context {
        link: Link,
        from: usize,
    },
    RoundOf(usize),
}

/// `reason` of passage `p`, with what it quotes of the passage resolved.
fn tell(p: &Passage, reason: &Reason) -> Told {
    let bytes = |from, to| p.reading.bytes(from, to);
    match *reason {
        Reason::Date(mi) => {
            let m = &p.mentions[mi];
            Told::Date {
                words: bytes(m.from, m.to),
                first: m.first,
                last: m.last,
                precision: m.precision,
            }
        }
        Reason::Cue { cue, bound } => Told::Cue { cue, bound },
        Reason::Kind(t) => Told::Kind(bytes(t, t + 1)),
        Reason::Speaker(cue) => Told::Speaker(cue),
        Reason::Frame(a, b) => Told::Frame(bytes(a, b)),
        Reason::Series(a, b) => Told::Series(bytes(a, b)),
        Reason::Talks(a, b, v) => Told::Talks(bytes(a, b), v.map(|v| bytes(v, v + 1))),
        Reason::Context { link, from } => Told::Context { link, from },
        Reason::RoundOf(s) => Told::RoundOf(s),
    }
}

/// Writes the words of a reason, for an event's `why`, at the end of `out`; `text` is
/// its passage's.
fn describe(model: &Model, text: &str, told: &Told, out: &mut String) {
    // Written in place with `push_str` rather than `format!`: a large corpus has
    // millions of these.
    let span = |(a, b): (usize, usize)| text.get(a..b).unwrap_or("");
    let mut said = |label: &str, words: &str| {
        out.push_str(label);
        out.push_str(": ");
        quote(out, words);
    };
    match *told {
        Told::Date {
            words,
            first,
            last,
            precision,
        } => {
            said("date", span(words));
            match precision {
                Precision::Day | Precision::Days => {}
                // Written in place: a `String` never fails to take text.
                _ if first == last => {
                    let _ = write!(out, " ({first})");
                }
                _ => {
                    let _ = write!(out, " ({first} – {last})");
                }
            }
        }
        Told::Cue { cue, bound } => {
            let c = &model.cues.cues[cue];
            let label = c.events.first().map_or("cue", |(_, k)| k.label());
            out.push_str(label);
            out.push_str(": ");
            if c.text.contains(' ') {
                quote(out, &c.text);
            } else {
                out.push_str(&c.text);
            }
            if let Some(from) = bound {
                let _ = write!(out, " (as in ¶{})", from + 1);
            }
        }
        Told::Kind(t) => said("kind", span(t)),
        Told::Speaker(cue) => {
            out.push_str("speaker: ");
            out.push_str(&model.cues.cues[cue].text);
        }
        Told::Frame(w) => said("frame", span(w)),
        Told::Series(w) => said("series", span(w)),
        Told::Talks(w, v) => {
            said("talks", span(w));
            if let Some(v) = v {
                out.push_str(" … ");
                quote(out, span(v));
            }
        }
        Told::Context { link, from } => link.describe_into(from, out),
        Told::RoundOf(s) => {
            out.push_str("context: a round of ");
            quote(out, &model.events[s].label);
        }
    }
}

/// Appends `words` in double quotes, a double quote inside escaped.
fn quote(out: &mut String, words: &str) {
    out.push('"');
    if !words.contains('"') {
        out.push_str(words);
        out.push('"');
        return;
    }
    for part in words.split_inclusive('"') {
        match part.strip_suffix('"') {
            Some(head) => {
                out.push_str(head);
                out.push_str("\\\"");
            }
            None => out.push_str(part),
        }
    }
    out.push('"');
}

/// The order in which an event's reasons are said: the most telling first.
const ORDER: [Group; 10] = [
    Group::Context,
    Group::Series,
    Group::Time,
    Group::Formats,
    Group::Frame,
    Group::Names,
    Group::Places,
    Group::Phrases,
    Group::Speaker,
    Group::Kind,
];

/// The groups `event` has items in, as bits, and how many items: found in one pass,
/// so the groups it lacks are not scanned for.
fn groups(evidence: &Evidence, event: usize) -> (u32, usize) {
    evidence
        .items
        .iter()
        .filter(|it| it.event == event)
        .fold((0u32, 0), |(bits, count), it| {
            (bits | 1 << it.group as u32, count + 1)
        })
}

/// Calls `each` with the reasons for `event`, most telling first (a reason may come
/// twice: the words are said once); `present` is its [`groups`].
fn in_order(evidence: &Evidence, event: usize, present: u32, mut each: impl FnMut(&Reason)) {
    for group in ORDER.into_iter().filter(|&g| present & 1 << g as u32 != 0) {
        for it in evidence.items.iter() {
            if it.event == event && it.group == group {
                each(&it.reason);
            }
        }
    }
}

/// Adds the reasons for `event` to `out`, most telling first, each said once.
pub(crate) fn explain(
    model: &Model,
    p: &Passage,
    evidence: &Evidence,
    event: usize,
    out: &mut Cues,
) {
    let (present, _) = groups(evidence, event);
    let since = out.len();
    in_order(evidence, event, present, |reason| {
        out.push_once_with(since, |words| {
            describe(model, p.text, &tell(p, reason), words)
        });
    });
}

/// The reasons for `event` as [`explain`] would say them, kept unsaid at the end of
/// `told`: their range there, for [`say`] to word if they are ever shown.
pub(crate) fn hints(
    p: &Passage,
    evidence: &Evidence,
    event: usize,
    told: &mut Vec<Told>,
) -> Range<usize> {
    let from = told.len();
    let (present, _) = groups(evidence, event);
    in_order(evidence, event, present, |reason| {
        told.push(tell(p, reason))
    });
    from..told.len()
}

/// Adds the words of reasons kept by [`hints`] from a passage of `text` to `out`: what
/// [`explain`] said of them then (each said once, as there).
pub(crate) fn say(model: &Model, text: &str, told: &[Told], out: &mut Cues) {
    let since = out.len();
    for t in told {
        out.push_once_with(since, |words| describe(model, text, t, words));
    }
}
