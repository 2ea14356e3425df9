//! The dated mentions a draft timeline is built from, read by the aligner's own date
//! reader through its public interface: every day the corpus could speak of becomes an
//! event of a probe timeline, one per kind of event, with no cues, so the aligner puts
//! a passage under a day (and a kind) only when the passage names that day beside a
//! word for what happened on it — the same evidence that aligns a passage to a real
//! event. Each match's `date:` reason says which words named the day.
//!
//! When `align` exposes its date reader, this file is the only one to change.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::align::{Mode, align};
use crate::corpus::Article;
use crate::timeline::{Cues, Event, EventKind, Timeline};

/// One passage naming one day, and the words that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Index of the article.
    pub article: usize,
    /// Index of the passage (paragraph number from 0).
    pub passage: usize,
    /// The day named.
    pub day: Date,
    /// What the words beside it say happened: talks, a call, a summit…
    pub kind: EventKind,
    /// The words that name the day, as written ("January 10", "on Monday").
    pub words: String,
}

/// How far before the earliest and after the latest publication a mentioned day may
/// lie: a year back reaches last year's summit; a couple of months ahead, what is
/// announced.
const BACK_DAYS: i64 = 366;
const AHEAD_DAYS: i64 = 62;

/// Words for what happens at an event. Given to every probe event as `common` cues, so
/// that a day named only relatively ("on Wednesday", "today") beside one of them also
/// reaches the aligner's threshold: a common cue beside a word for the event's kind
/// counts for every event the sentence's dates allow, and only those.
const HAPPENINGS: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "met",
    "dialogue",
    "consultations",
    "round",
    "session",
    "council",
    "summit",
    "call",
    "phone",
    "telephone",
    "video",
    "conversation",
    "spoke",
    "draft",
    "drafts",
    "document",
    "treaty",
    "treaties",
    "proposals",
    "published",
    "handed",
    "press",
    "conference",
    "briefing",
    "statement",
    "said",
    "told",
    "announced",
];

const KINDS: [EventKind; 5] = [
    EventKind::Talks,
    EventKind::Call,
    EventKind::Summit,
    EventKind::Document,
    EventKind::Statement,
];

/// How far from publication a day named relatively ("on Wednesday", "today") lies.
const RELATIVE_DAYS: i64 = 8;

/// Every day-precise mention in `articles`, in corpus order.
///
/// Two probes: one of every day the corpus could name, without cues, for calendar days
/// ("January 10"); and for each day of publication one of the days around it, with the
/// words for happenings as cues, for days named relatively. Each such probe is small,
/// which keeps the cue matching cheap, and serves every article of that day.
pub fn date_mentions(articles: &[Article]) -> Vec<DateMention> {
    let (Some(first), Some(last)) = (
        articles.iter().map(|a| a.meta.published).min(),
        articles.iter().map(|a| a.meta.published).max(),
    ) else {
        return Vec::new();
    };
    let start = first.checked_sub(BACK_DAYS.days()).unwrap_or(first);
    let end = last.checked_add(AHEAD_DAYS.days()).unwrap_or(last);
    let mut out = Vec::new();
    let calendar = probe(start, end, false);
    collect(articles, 0, &calendar, &mut out);
    // Articles of one day share the days around it: one probe, one alignment.
    let mut by_day: std::collections::BTreeMap<Date, Vec<usize>> = Default::default();
    for (a, article) in articles.iter().enumerate() {
        by_day.entry(article.meta.published).or_default().push(a);
    }
    for (p, members) in by_day {
        let around = probe(
            p.checked_sub(RELATIVE_DAYS.days()).unwrap_or(p),
            p.checked_add(RELATIVE_DAYS.days()).unwrap_or(p),
            true,
        );
        let group: Vec<Article> = members.iter().map(|&a| articles[a].clone()).collect();
        let mut found = Vec::new();
        collect(&group, 0, &around, &mut found);
        for mut m in found {
            m.article = members[m.article];
            out.push(m);
        }
    }
    out.sort_by(|x, y| {
        (x.article, x.passage, x.day, x.kind.as_str()).cmp(&(
            y.article,
            y.passage,
            y.day,
            y.kind.as_str(),
        ))
    });
    out.dedup_by(|x, y| {
        (x.article, x.passage, x.day, x.kind) == (y.article, y.passage, y.day, y.kind)
    });
    out
}

/// A timeline of one event per day and kind from `start` to `end`.
fn probe(start: Date, end: Date, with_cues: bool) -> Timeline {
    let mut probe = Timeline::default();
    let mut day = start;
    while day <= end {
        for kind in KINDS {
            probe.events.push(Event {
                id: format!("{}-{day}", kind.as_str()),
                title: format!("{kind} on {day}"),
                label: day.to_string(),
                start: day,
                end: day,
                place: "?".to_string(),
                participants: Vec::new(),
                kind,
                cues: Cues {
                    common: if with_cues {
                        HAPPENINGS.iter().map(|w| w.to_string()).collect()
                    } else {
                        Vec::new()
                    },
                    ..Cues::default()
                },
            });
        }
        match day.checked_add(1.day()) {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    probe
}

/// The day mentions the aligner finds in `articles` against `probe`; article indices
/// start at `offset`.
fn collect(articles: &[Article], offset: usize, probe: &Timeline, out: &mut Vec<DateMention>) {
    let alignment = align(articles, probe, Mode::Auto);
    for (a, passages) in alignment.articles.iter().enumerate() {
        for (p, pa) in passages.iter().enumerate() {
            for m in &pa.events {
                let Some(event) = probe.events.get(m.event) else {
                    continue;
                };
                // Only a reason that names one day: "date: \"January 10\"" or
                // "date: \"on Monday\" (2022-01-10)", not a week or a month.
                let Some(words) = m.cues.iter().find_map(|c| day_words(c, event.start)) else {
                    continue;
                };
                out.push(DateMention {
                    article: offset + a,
                    passage: p,
                    day: event.start,
                    kind: event.kind,
                    words,
                });
            }
        }
    }
}

/// The quoted words of a `date:` reason that names exactly `day`.
fn day_words(cue: &str, day: Date) -> Option<String> {
    let rest = cue.strip_prefix("date: \"")?;
    let close = rest.find('"')?;
    let (words, tail) = (&rest[..close], rest[close + 1..].trim());
    let exact = tail.is_empty() || tail == format!("({day})");
    exact.then(|| words.to_string())
}
