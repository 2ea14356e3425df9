//! The general words the aligner reads by: months and weekdays, words for talks and
//! calls, for verdicts and expectations, pronouns that continue a paragraph. They are
//! English news language, true of any negotiation; the timeline's own cues live in
//! `rounds.toml`.

use super::words::Vocabulary;
use crate::timeline::EventKind;

/// A month name; value 1–12.
pub(crate) const MONTH: u64 = 1 << 0;
/// A month name that is also a common word ("may", "march"): a month only beside a
/// day or a year.
pub(crate) const MONTH_WORD: u64 = 1 << 1;
/// A weekday; value 1 (Monday) – 7.
pub(crate) const WEEKDAY: u64 = 1 << 2;
/// A season; value 1 spring, 2 summer, 3 autumn, 4 winter.
pub(crate) const SEASON: u64 = 1 << 3;
/// Part of a month; value 1 early, 2 middle, 3 late.
pub(crate) const PART: u64 = 1 << 4;
/// "today", "yesterday", "tomorrow"; value is the offset in days plus 2.
pub(crate) const DAY_WORD: u64 = 1 << 5;
/// "this", "the current": the period that contains the publication date.
pub(crate) const THIS: u64 = 1 << 6;
/// "last", "past", "previous".
pub(crate) const LAST: u64 = 1 << 7;
/// "next", "coming".
pub(crate) const NEXT: u64 = 1 << 8;
/// "week".
pub(crate) const WEEK: u64 = 1 << 9;
/// "year".
pub(crate) const YEAR: u64 = 1 << 10;
/// Nouns for talks as such: "talks", "negotiations", "meeting", "round".
pub(crate) const TALKS: u64 = 1 << 11;
/// Nouns that gather talks into a series: "week", "series", "round", "marathon".
pub(crate) const GATHERING: u64 = 1 << 12;
/// What a series gathers: "talks", "negotiations", "diplomacy", "meetings".
pub(crate) const GATHERED: u64 = 1 << 13;
/// "new", "fresh", "further", "future": talks still to come, not the ones reported.
pub(crate) const NEW: u64 = 1 << 14;
/// Definite determiners: "the", "these", "their".
pub(crate) const DEFINITE: u64 = 1 << 15;
/// A verdict on how talks went: "result", "failed", "impasse", "breakthrough".
pub(crate) const VERDICT: u64 = 1 << 16;
/// Expectation and future: "will", "expected", "due", "upcoming".
pub(crate) const EXPECT: u64 = 1 << 17;
/// Third-person pronouns that point back to what came before.
pub(crate) const PRONOUN: u64 = 1 << 18;
/// Prepositions that open a time frame: "during", "after", "ahead of".
pub(crate) const FRAME: u64 = 1 << 19;
/// Verbs of speech: "said", "told", "warned".
pub(crate) const SPEECH: u64 = 1 << 20;
/// "of".
pub(crate) const OF: u64 = 1 << 21;
/// "a", "an": makes "the week" indefinite ("a week of talks").
pub(crate) const INDEFINITE: u64 = 1 << 22;
/// Words for a negotiating round.
pub(crate) const KIND_TALKS: u64 = 1 << 23;
/// Words for a leaders' summit.
pub(crate) const KIND_SUMMIT: u64 = 1 << 24;
/// Words for a call.
pub(crate) const KIND_CALL: u64 = 1 << 25;
/// Words for a published document.
pub(crate) const KIND_DOCUMENT: u64 = 1 << 26;
/// Words for a statement or press conference.
pub(crate) const KIND_STATEMENT: u64 = 1 << 27;
/// Words for a series of rounds.
pub(crate) const KIND_SERIES: u64 = 1 << 28;
/// Words that mark the future tense, turning "on Monday" forwards.
pub(crate) const FUTURE: u64 = 1 << 29;
/// Function words a passage may open with before pointing back ("Ahead of their
/// talks", "Although this was…"); a passage opening with anything else opens with
/// its own subject.
pub(crate) const OPENER: u64 = 1 << 30;
/// "month".
pub(crate) const MONTH_NOUN: u64 = 1 << 31;
/// An outside commentator: "analyst", "strategist", "a think tank". What such a person
/// says weighs the events up; it does not report one. ("Expert" is not among them:
/// "expert consultations" are talks.)
pub(crate) const EXPERT: u64 = 1 << 32;
/// A part of a day: "this morning", "last night".
pub(crate) const DAY_PART: u64 = 1 << 33;
/// Not a word class of the lexicon: set by the cue index on the first word of every cue,
/// so finding cues skips every other word at a glance. The top bit, far from the
/// lexicon's own.
pub(crate) const CUE_START: u64 = 1 << 63;
/// "ago", which ends a date counted back from publication: "three days ago".
pub(crate) const AGO: u64 = 1 << 34;
/// "day", "days": a day counted from another ("the next day", "two days later").
pub(crate) const DAY_NOUN: u64 = 1 << 35;
/// A verb of the present, or the auxiliary of its perfect: "is", "are", "has",
/// "have", "remains". How things stand, not what happened.
pub(crate) const PRESENT: u64 = 1 << 36;
/// A verb that is only ever past: "was", "were", "did".
pub(crate) const PAST: u64 = 1 << 37;
/// An irregular verb whose past and past participle are one form ("said", "met",
/// "held"): past unless an auxiliary comes just before it, as a regular "-ed" is.
pub(crate) const PAST_FORM: u64 = 1 << 38;
/// What makes the word after it a participle or an adjective rather than a past:
/// an auxiliary ("has", "been", "were") or an article ("an estimated 100,000").
pub(crate) const HELPER: u64 = 1 << 39;
/// "if", "unless": what follows is a condition, not something that happened.
pub(crate) const CONDITION: u64 = 1 << 40;
/// Verbs of a pledge or a threat: "promised", "vowed", "threatened".
pub(crate) const PROMISE: u64 = 1 << 41;
/// Words whose sense the next word settles: "called for" is no call, "the end of" no
/// verdict.
pub(crate) const SENSE: u64 = 1 << 42;
/// Words for a body or an office: "Commission", "Committee", "Assembly". The last word
/// of a name like "NATO-Ukraine Commission", which is that body's, not NATO's.
pub(crate) const INSTITUTION: u64 = 1 << 43;
/// Words that set out what someone means to do, before "to" and a verb: "preparing
/// to fly", "plans to visit", "is set to meet", "hopes to hold".
pub(crate) const INTENT: u64 = 1 << 44;
/// Words that can start (or, for "ago" and "day", end or hold) a date mention.
pub(crate) const DATE_WORDS: u64 =
    MONTH | WEEKDAY | DAY_WORD | WEEK | MONTH_NOUN | SEASON | YEAR | DAY_PART | AGO | DAY_NOUN;
/// Every class naming a kind of event.
pub(crate) const KINDS: u64 =
    KIND_TALKS | KIND_SUMMIT | KIND_CALL | KIND_DOCUMENT | KIND_STATEMENT | KIND_SERIES;

/// The class of words that name an event of `kind`.
pub(crate) fn kind_class(kind: EventKind) -> u64 {
    match kind {
        EventKind::Talks => KIND_TALKS,
        EventKind::Summit => KIND_SUMMIT,
        EventKind::Call => KIND_CALL,
        EventKind::Document => KIND_DOCUMENT,
        EventKind::Statement => KIND_STATEMENT,
        EventKind::Series => KIND_SERIES,
    }
}

const MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const LISTS: &[(u64, &[&str])] = &[
    (MONTH_WORD, &["may", "march", "mar"]),
    (THIS, &["this", "current"]),
    (LAST, &["last", "past", "previous"]),
    (NEXT, &["next", "coming"]),
    (WEEK, &["week"]),
    (MONTH_NOUN, &["month"]),
    (AGO, &["ago"]),
    (DAY_NOUN, &["day", "days"]),
    (PRESENT, &["is", "are", "has", "have", "remains", "remain"]),
    (PAST, &["was", "were", "did"]),
    (
        INTENT,
        &[
            "preparing",
            "prepares",
            "plans",
            "planning",
            "set",
            "due",
            "scheduled",
            "expected",
            "expects",
            "hopes",
            "hoping",
            "intends",
            "intending",
            "aims",
            "aiming",
            "seeks",
            "seeking",
            "going",
            "about",
            "poised",
            "ready",
            "is",
            "are",
        ],
    ),
    (
        INSTITUTION,
        &[
            "commission",
            "committee",
            "council",
            "assembly",
            "parliament",
            "forum",
            "mission",
            "command",
            "office",
            "agency",
            "institute",
            "court",
            "ministry",
        ],
    ),
    (
        PAST_FORM,
        &[
            "said", "told", "met", "held", "made", "took", "came", "went", "sat", "spoke", "gave",
            "left", "saw", "began", "brought", "sent", "led", "stood", "won", "lost", "wrote",
            "kept", "sought", "found", "heard", "felt", "thought", "chose", "drew", "rose", "fell",
            "broke",
        ],
    ),
    (
        HELPER,
        &[
            "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being",
            "get", "gets", "got", "a", "an", "the",
        ],
    ),
    (
        FUTURE,
        &[
            "will",
            "ll",
            "shall",
            "due",
            "upcoming",
            "scheduled",
            "next",
            "coming",
            "forthcoming",
            "slated",
        ],
    ),
    (
        OPENER,
        &[
            "a",
            "an",
            "the",
            "in",
            "at",
            "on",
            "for",
            "with",
            "by",
            "from",
            "to",
            "of",
            "after",
            "before",
            "ahead",
            "during",
            "following",
            "since",
            "until",
            "as",
            "while",
            "although",
            "though",
            "but",
            "and",
            "yet",
            "still",
            "however",
            "meanwhile",
            "additionally",
            "also",
            "moreover",
            "even",
            "so",
            "despite",
            "instead",
            "then",
            "now",
            "nevertheless",
            "indeed",
            "if",
            "when",
            "because",
            "what",
            "that",
        ],
    ),
    (YEAR, &["year"]),
    (DAY_PART, &["morning", "afternoon", "evening", "night"]),
    (CONDITION, &["if", "unless"]),
    (
        PROMISE,
        &[
            "promise",
            "promises",
            "promised",
            "vow",
            "vows",
            "vowed",
            "pledge",
            "pledges",
            "pledged",
            "threaten",
            "threatens",
            "threatened",
        ],
    ),
    (OF, &["of"]),
    (INDEFINITE, &["a", "an"]),
    (
        TALKS,
        &[
            "talks",
            "negotiations",
            "meeting",
            "meetings",
            "round",
            "rounds",
            "dialogue",
            "consultations",
            "discussions",
        ],
    ),
    (
        GATHERING,
        &[
            "week", "weeks", "series", "round", "rounds", "marathon", "cycle",
        ],
    ),
    (
        GATHERED,
        &[
            "talks",
            "negotiations",
            "diplomacy",
            "meetings",
            "consultations",
            "engagements",
            "discussions",
        ],
    ),
    (
        NEW,
        &["new", "fresh", "further", "future", "another", "more"],
    ),
    (DEFINITE, &["the", "these", "this", "those", "their"]),
    (
        VERDICT,
        &[
            "result",
            "results",
            "outcome",
            "fruitless",
            "failed",
            "fail",
            "failure",
            "deadlock",
            "deadlocked",
            "impasse",
            "stalemate",
            "stalled",
            "stall",
            "stalls",
            "breakthrough",
            "breakthroughs",
            "progress",
            "end",
            "ended",
            "concluded",
            "collapsed",
            "breakdown",
            "unsuccessful",
            "successful",
            "success",
            "achieved",
            "predictable",
            "resolution",
        ],
    ),
    (
        EXPECT,
        &[
            "will",
            "ll",
            "expected",
            "expect",
            "expects",
            "expecting",
            "due",
            "scheduled",
            "upcoming",
            "planned",
            "ahead",
            "forthcoming",
            "slated",
            "anticipated",
            "awaited",
            "preparing",
        ],
    ),
    (
        PRONOUN,
        &[
            "he", "she", "they", "it", "his", "her", "their", "its", "them", "this", "these",
            "those",
        ],
    ),
    (
        FRAME,
        &[
            "during",
            "after",
            "before",
            "ahead",
            "following",
            "at",
            "since",
            "until",
            "throughout",
            "amid",
        ],
    ),
    (
        SPEECH,
        &[
            "said",
            "says",
            "say",
            "told",
            "tells",
            "warned",
            "warns",
            "stated",
            "added",
            "noted",
            "tweeted",
            "wrote",
            "declared",
            "announced",
            "according",
            "insisted",
            "stressed",
        ],
    ),
    (SENSE, &["end", "call", "calls", "called", "calling"]),
    (
        KIND_TALKS,
        &[
            "talks",
            "negotiations",
            "negotiators",
            "negotiate",
            "negotiating",
            "negotiated",
            "meeting",
            "met",
            "meet",
            "dialogue",
            "consultations",
            "round",
            "session",
            "delegation",
            "delegations",
            "discussed",
            "discussions",
            "council",
        ],
    ),
    (
        KIND_SUMMIT,
        &["summit", "met", "meet", "meeting", "discussed"],
    ),
    (
        KIND_CALL,
        &[
            "call",
            "called",
            "phone",
            "telephone",
            "video",
            "conversation",
            "exchange",
            "spoke",
            "talked",
            "talks",
            "discussed",
            "virtual",
            "meeting",
        ],
    ),
    (
        KIND_DOCUMENT,
        &[
            "draft",
            "drafts",
            "document",
            "documents",
            "text",
            "texts",
            "treaty",
            "treaties",
            "agreement",
            "proposals",
            "demands",
            "ultimatum",
            "released",
            "unveiled",
            "presented",
            "handed",
        ],
    ),
    (
        KIND_STATEMENT,
        &[
            "press",
            "conference",
            "briefing",
            "statement",
            "said",
            "told",
            "announced",
            "declared",
            "warned",
        ],
    ),
    (
        KIND_SERIES,
        &[
            "talks",
            "negotiations",
            "meetings",
            "rounds",
            "round",
            "diplomacy",
            "week",
            "marathon",
        ],
    ),
    (
        EXPERT,
        &[
            "analyst",
            "strategist",
            "professor",
            "scholar",
            "researcher",
            "economist",
            "historian",
            "commentator",
            "tank",
        ],
    ),
];

/// Puts every lexicon word into `vocab` with its classes.
pub(crate) fn install(vocab: &mut Vocabulary) {
    for (i, names) in MONTHS.iter().enumerate() {
        for name in *names {
            vocab.classify(name, MONTH, i as u8 + 1);
        }
    }
    for (i, name) in WEEKDAYS.iter().enumerate() {
        vocab.classify(name, WEEKDAY, i as u8 + 1);
    }
    for (value, names) in [
        (1, &["spring"][..]),
        (2, &["summer"]),
        (3, &["autumn", "fall"]),
        (4, &["winter"]),
    ] {
        for name in names {
            vocab.classify(name, SEASON, value);
        }
    }
    for (value, names) in [
        (1, &["early", "beginning", "start"][..]),
        (2, &["mid", "middle"]),
        (3, &["late", "end"]),
    ] {
        for name in names {
            vocab.classify(name, PART, value);
        }
    }
    for (name, offset) in [
        ("yesterday", -1i8),
        ("today", 0),
        ("tonight", 0),
        ("tomorrow", 1),
        // In a report, the night that ends on its day.
        ("overnight", 0),
    ] {
        vocab.classify(name, DAY_WORD, (offset + 2) as u8);
    }
    for (class, words) in LISTS {
        for w in *words {
            vocab.classify(w, *class, 0);
        }
    }
}
