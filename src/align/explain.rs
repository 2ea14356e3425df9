//! Turning the reasons that decided an event into the short words of its `why`:
//! `date: "January 12"`, `place: Brussels`, `context: continues the quotation of ¶4`.

use std::fmt::Write as _;

use super::dates::Precision;
use super::evidence::{Evidence, Group, Reason};
use super::model::Model;
use super::passage::Passage;

/// The words of a reason, for an event's `why`.
fn describe(model: &Model, p: &Passage, reason: &Reason) -> String {
    // Built with `push_str` rather than `format!`: a large corpus has millions of
    // these, and they are most of what the aligner allocates.
    let span = |a: usize, b: usize| p.reading.span(p.text, a, b);
    let mut out = String::with_capacity(32);
    let mut said = |label: &str, words: &str| {
        out.push_str(label);
        out.push_str(": ");
        quote(&mut out, words);
    };
    match reason {
        Reason::Date(mi) => {
            let m = &p.mentions[*mi];
            said("date", span(m.from, m.to));
            match m.precision {
                Precision::Day | Precision::Days => {}
                // Written in place: a `String` never fails to take text.
                _ if m.first == m.last => {
                    let _ = write!(out, " ({})", m.first);
                }
                _ => {
                    let _ = write!(out, " ({} – {})", m.first, m.last);
                }
            }
        }
        Reason::Cue { cue, bound } => {
            let c = &model.cues.cues[*cue];
            let label = c.events.first().map_or("cue", |(_, k)| k.label());
            out.push_str(label);
            out.push_str(": ");
            if c.text.contains(' ') {
                quote(&mut out, &c.text);
            } else {
                out.push_str(&c.text);
            }
            if let Some(from) = bound {
                let _ = write!(out, " (as in ¶{})", from + 1);
            }
        }
        Reason::Kind(t) => said("kind", span(*t, t + 1)),
        Reason::Speaker(cue) => {
            out.push_str("speaker: ");
            out.push_str(&model.cues.cues[*cue].text);
        }
        Reason::Frame(a, b) => said("frame", span(*a, *b)),
        Reason::Series(a, b) => said("series", span(*a, *b)),
        Reason::Talks(a, b, v) => {
            said("series", span(*a, *b));
            if let Some(v) = v {
                out.push_str(" … ");
                quote(&mut out, span(*v, v + 1));
            }
        }
        Reason::Context { link, from } => return link.describe(*from),
        Reason::RoundOf(s) => {
            out.push_str("context: a round of ");
            quote(&mut out, &model.events[*s].label);
        }
    }
    out
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

/// The reasons for `event`, most telling first, each said once.
pub(crate) fn explain(
    model: &Model,
    p: &Passage,
    evidence: &Evidence,
    event: usize,
) -> Vec<String> {
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
    // The groups the event has items in, found in one pass: the ones it lacks are
    // not scanned for.
    let present = evidence
        .items
        .iter()
        .filter(|it| it.event == event)
        .fold(0u32, |bits, it| bits | 1 << it.group as u32);
    let mut out: Vec<String> = Vec::new();
    for group in ORDER.into_iter().filter(|&g| present & 1 << g as u32 != 0) {
        for it in evidence.items.iter() {
            if it.event == event && it.group == group {
                let words = describe(model, p, &it.reason);
                if !out.contains(&words) {
                    out.push(words);
                }
            }
        }
    }
    out
}
