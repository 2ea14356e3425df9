//! Drafting a timeline from a corpus that has none: the days its articles name (read by
//! the aligner's date reader, relative dates resolved), grouped by day into candidate
//! events, each with a proposed id, title, place, participants and cues taken from the
//! words that recur around those mentions across articles, and how many articles and
//! outlets name it. The draft is a `rounds.toml` that passes `readout check` as it
//! stands; events only one article names are listed last, commented out.

pub mod mentions;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use crate::corpus::Article;
use crate::timeline::{Cues, EventKind, MAX_LABEL_WIDTH, Timeline, parse_timeline};

pub use mentions::{DateMention, date_mentions};

/// A proposed event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Proposed id: `geneva-2022-01-10`.
    pub id: String,
    /// Proposed title: "Talks in Geneva".
    pub title: String,
    /// Proposed label, at most [`MAX_LABEL_WIDTH`] columns.
    pub label: String,
    /// The day.
    pub day: Date,
    /// The place most often named beside the mentions, if any.
    pub place: Option<String>,
    /// People named beside the mentions in more than one article.
    pub participants: Vec<String>,
    /// What the words beside the mentions say it was.
    pub kind: EventKind,
    /// Names and places that recur around the mentions.
    pub cues: Cues,
    /// How many articles name the day.
    pub articles: usize,
    /// How many outlets.
    pub outlets: usize,
    /// Where it is named: (article id, paragraph from 0, the words).
    pub mentions: Vec<(String, usize, String)>,
}

/// The candidate events of `articles`, in time order, from `mentions` (see
/// [`date_mentions`]). Those named by at least two articles come first.
pub fn suggest(articles: &[Article], mentions: &[DateMention]) -> Vec<Candidate> {
    let mut by_day: BTreeMap<Date, Vec<&DateMention>> = BTreeMap::new();
    for m in mentions {
        by_day.entry(m.day).or_default().push(m);
    }
    // Names that recur around most days (Russia, NATO, Putin) say little about any one.
    let mut days_of_name: HashMap<String, usize> = HashMap::new();
    let mut contexts: BTreeMap<Date, Context> = BTreeMap::new();
    for (&day, ms) in &by_day {
        let ctx = Context::gather(articles, ms);
        for name in ctx.names.keys() {
            *days_of_name.entry(name.clone()).or_default() += 1;
        }
        contexts.insert(day, ctx);
    }
    let common_after = (by_day.len() / 2).max(3);
    let mut out = Vec::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (&day, ms) in &by_day {
        let ctx = &contexts[&day];
        let arts: BTreeSet<usize> = ms.iter().map(|m| m.article).collect();
        let outlets: BTreeSet<&str> = arts
            .iter()
            .filter_map(|&a| articles.get(a).map(|x| x.meta.outlet.as_str()))
            .collect();
        let need = if arts.len() > 1 { 2 } else { 1 };
        let kind = most_common(ctx.kinds.iter().copied()).unwrap_or(EventKind::Talks);
        let place = ctx.best_place();
        let recurring = ctx.recurring(need);
        let (common, specific): (Vec<String>, Vec<String>) = recurring
            .into_iter()
            .partition(|n| days_of_name.get(n).is_some_and(|&d| d >= common_after));
        let places: Vec<String> = specific
            .iter()
            .filter(|n| ctx.places.contains_key(*n))
            .take(3)
            .cloned()
            .collect();
        let names: Vec<String> = specific
            .iter()
            .filter(|n| !ctx.places.contains_key(*n))
            .take(6)
            .cloned()
            .collect();
        let participants: Vec<String> = names
            .iter()
            .filter(|n| n.contains(' '))
            .take(4)
            .cloned()
            .collect();
        let what = kind_title(kind);
        let short_kind = match kind {
            EventKind::Document => "Text",
            EventKind::Statement => "Remarks",
            _ => what,
        };
        let title = match &place {
            Some(p) => format!("{what} in {p}"),
            None => format!("{what} of {}", day.strftime("%-d %B %Y")),
        };
        let short = place.clone().unwrap_or_else(|| what.to_string());
        let label = label_for(place.as_deref().unwrap_or(short_kind), day);
        let base = format!("{}-{day}", crate::import::slug(&short, 30));
        let base = base.trim_start_matches('-').to_string();
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !ids.contains(id))
            .unwrap_or(base);
        ids.insert(id.clone());
        out.push(Candidate {
            id,
            title,
            label,
            day,
            place,
            participants,
            kind,
            cues: Cues {
                names,
                places,
                common: common.into_iter().take(3).collect(),
                ..Cues::default()
            },
            articles: arts.len(),
            outlets: outlets.len(),
            mentions: {
                let mut v: Vec<(String, usize, String)> = ms
                    .iter()
                    .filter_map(|m| {
                        articles
                            .get(m.article)
                            .map(|a| (a.meta.id.clone(), m.passage, m.words.clone()))
                    })
                    .collect();
                v.dedup();
                v
            },
        });
    }
    // Named by two articles or more first, each part in time order.
    out.sort_by_key(|c| (c.articles < 2, c.day));
    out
}

/// The words around one day's mentions: capitalised names with the articles that use
/// them, and those of them written after "in" or "at" (places).
#[derive(Debug, Default)]
struct Context {
    /// What each mention's sentence says happened.
    kinds: Vec<EventKind>,
    names: BTreeMap<String, BTreeSet<usize>>,
    places: BTreeMap<String, BTreeSet<usize>>,
    /// For each place, the sum of its distances (in bytes) from the dates it was
    /// nearest to: the tie-break between places named by as many articles.
    place_distance: BTreeMap<String, usize>,
}

impl Context {
    fn gather(articles: &[Article], ms: &[&DateMention]) -> Context {
        let mut ctx = Context::default();
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        for m in ms {
            if !seen.insert((m.article, m.passage)) {
                continue;
            }
            let Some(text) = articles
                .get(m.article)
                .and_then(|a| a.passages().nth(m.passage))
                .map(|b| b.text.as_str())
            else {
                continue;
            };
            // The place is the one named nearest the date, in its sentence: "talks in
            // Geneva on January 10", not every city of a paragraph listing three rounds.
            let at = text.find(m.words.as_str()).unwrap_or(0);
            let (from, to) = sentence_around(text, at);
            ctx.kinds.push(kind_in(&text[from..to]));
            let mut nearest: Option<(usize, String)> = None;
            for (name, pos, after_in) in proper_names(text) {
                ctx.names.entry(name.clone()).or_default().insert(m.article);
                if after_in && (from..to).contains(&pos) {
                    let d = pos.abs_diff(at);
                    if nearest.as_ref().is_none_or(|(n, _)| d < *n) {
                        nearest = Some((d, name));
                    }
                }
            }
            if let Some((d, name)) = nearest {
                *ctx.place_distance.entry(name.clone()).or_default() += d;
                ctx.places.entry(name).or_default().insert(m.article);
            }
        }
        ctx
    }

    /// Names used by at least `need` articles, most used first.
    fn recurring(&self, need: usize) -> Vec<String> {
        let mut v: Vec<(&String, usize)> = self
            .names
            .iter()
            .map(|(n, a)| (n, a.len()))
            .filter(|&(_, n)| n >= need)
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        v.into_iter().map(|(n, _)| n.clone()).collect()
    }

    /// The place named nearest the mentions by the most articles.
    fn best_place(&self) -> Option<String> {
        self.places
            .iter()
            .max_by(|a, b| {
                let far = |p: &String| self.place_distance.get(p).copied().unwrap_or(0);
                a.1.len()
                    .cmp(&b.1.len())
                    .then_with(|| far(b.0).cmp(&far(a.0)))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(p, _)| p.clone())
    }
}

/// Words that start with a capital but name nothing: sentence openers, months, days.
const NOT_NAMES: &[&str] = &[
    "A",
    "An",
    "The",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "After",
    "Before",
    "During",
    "When",
    "While",
    "As",
    "If",
    "For",
    "From",
    "With",
    "Without",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Yet",
    "So",
    "Still",
    "Even",
    "Also",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "What",
    "Why",
    "How",
    "Who",
    "Which",
    "Where",
    "Both",
    "All",
    "Some",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Such",
    "Since",
    "Until",
    "Although",
    "However",
    "According",
    "Asked",
    "Speaking",
    "Meanwhile",
    "Following",
    "Ahead",
];

/// The byte range of the sentence of `text` around byte `at`.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | ';');
    let from = text[..at.min(text.len())].rfind(ends).map_or(0, |i| i + 1);
    let to = text[at.min(text.len())..]
        .find(ends)
        .map_or(text.len(), |i| at + i);
    (from, to)
}

/// What a sentence says happened, by its most particular word: a summit, a call, a
/// document, talks, a statement; talks when it says nothing.
fn kind_in(sentence: &str) -> EventKind {
    const WORDS: [(EventKind, &[&str]); 5] = [
        (EventKind::Summit, &["summit"]),
        (
            EventKind::Call,
            &["call", "phone", "telephone", "video", "conversation"],
        ),
        (
            EventKind::Document,
            &[
                "draft",
                "drafts",
                "treaty",
                "treaties",
                "document",
                "documents",
                "texts",
                "proposals",
            ],
        ),
        (
            EventKind::Talks,
            &[
                "talks",
                "negotiations",
                "meeting",
                "met",
                "dialogue",
                "consultations",
                "council",
                "round",
                "session",
            ],
        ),
        (
            EventKind::Statement,
            &["statement", "press", "conference", "briefing", "speech"],
        ),
    ];
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    WORDS
        .iter()
        .find(|(_, ws)| words.iter().any(|w| ws.contains(&w.as_str())))
        .map_or(EventKind::Talks, |(k, _)| *k)
}

/// Roles and nationalities that come before a name and are not part of it.
const ROLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Deputy",
    "Secretary",
    "General",
    "Russian",
    "American",
    "US",
    "U",
    "S",
    "Chinese",
    "Ukrainian",
    "Ambassador",
    "Chancellor",
    "State",
    "Undersecretary",
    "Spokesman",
    "Spokeswoman",
    "Defence",
    "Defense",
    "Kremlin",
    "White",
    "House",
    "Under",
    "Vice",
    "Chairman",
    "Chair",
];

/// Runs of capitalised words (one to four, "of" allowed inside: "Council of Europe"),
/// leading roles dropped ("Russian President Vladimir Putin" → "Vladimir Putin"), each
/// with its byte offset and whether "in" or "at" comes right before it. A lone
/// capitalised word that opens a sentence is not taken for a name.
fn proper_names(text: &str) -> Vec<(String, usize, bool)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    let opens_sentence = |k: usize| -> bool {
        let before = if k == 0 {
            ""
        } else {
            let (prev_at, prev) = words[k - 1];
            &text[prev_at + prev.len()..words[k].0]
        };
        k == 0 || before.contains(['.', '!', '?', '“', '"', ':'])
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].1;
        if !capitalised(w) || NOT_NAMES.contains(&w) {
            i += 1;
            continue;
        }
        let mut run = vec![w];
        let mut j = i + 1;
        while j < words.len() && run.len() < 4 {
            let words_j = words[j].1;
            let next = words.get(j + 1).map(|x| x.1);
            // A name does not run across punctuation: "Geneva, Switzerland" is two.
            let (prev_at, prev) = words[j - 1];
            if !text[prev_at + prev.len()..words[j].0].trim().is_empty() {
                break;
            }
            if capitalised(words_j) && !NOT_NAMES.contains(&words_j) {
                run.push(words_j);
                j += 1;
            } else if words_j == "of" && next.is_some_and(capitalised) && run.len() < 3 {
                run.push("of");
                run.extend(next);
                j += 2;
            } else {
                break;
            }
        }
        let before = i.checked_sub(1).map(|k| words[k].1).unwrap_or("");
        let lone_opener = run.len() == 1 && opens_sentence(i);
        let skip = run
            .iter()
            .take_while(|w| ROLES.contains(w))
            .count()
            .min(run.len().saturating_sub(1));
        let name = run[skip..]
            .join(" ")
            .trim_start_matches("of ")
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['\'', '’'])
            .to_string();
        if name.chars().count() >= 2 && !lone_opener {
            out.push((name, words[i].0, before == "in" || before == "at"));
        }
        i = j;
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The kind most mentions' sentences say; a tie goes to the first said.
fn most_common(kinds: impl Iterator<Item = EventKind>) -> Option<EventKind> {
    let mut counts: Vec<(EventKind, usize)> = Vec::new();
    for k in kinds {
        match counts.iter_mut().find(|(x, _)| *x == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(k, _)| k)
}

fn kind_title(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Talks => "Talks",
        EventKind::Call => "Call",
        EventKind::Summit => "Summit",
        EventKind::Document => "Document",
        EventKind::Statement => "Statement",
        EventKind::Series => "Series",
    }
}

/// "Geneva Jan 10", cut to fit [`MAX_LABEL_WIDTH`] columns.
fn label_for(short: &str, day: Date) -> String {
    let date = day.strftime("%b %-d").to_string();
    let room = MAX_LABEL_WIDTH.saturating_sub(date.width() + 1);
    let mut head = String::new();
    for c in short.chars() {
        if (head.clone() + &c.to_string()).width() > room {
            break;
        }
        head.push(c);
    }
    let head = head.trim_end();
    if head.is_empty() {
        date
    } else {
        format!("{head} {date}")
    }
}

/// The draft as a `rounds.toml`, with a comment above each event saying who names it.
pub fn render(candidates: &[Candidate], articles: usize) -> String {
    let mut out = format!(
        "# A draft timeline: {} candidate events from the days {articles} articles name,\n\
         # drafted by `readout rounds --suggest`. Titles, places, participants and cues are\n\
         # guesses from the words around the mentions: check each, merge or drop events,\n\
         # and add a `series` event for a run of rounds. Events only one article names\n\
         # are at the end, commented out.\n",
        candidates.len()
    );
    for c in candidates {
        let comment = c.articles < 2;
        let mut block = String::new();
        block.push_str(&format!(
            "\n# {} article(s), {} outlet(s): {}\n",
            c.articles,
            c.outlets,
            c.mentions
                .iter()
                .take(4)
                .map(|(id, p, w)| format!("{id} ¶{} \"{}\"", p + 1, w.replace('"', "'")))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        let mut lines: Vec<String> = vec![
            "[[event]]".to_string(),
            format!("id = {}", toml_string(&c.id)),
            format!("title = {}", toml_string(&c.title)),
            format!("label = {}", toml_string(&c.label)),
            format!("date = {}", c.day),
            format!(
                "place = {}",
                toml_string(c.place.as_deref().unwrap_or("to be filled in"))
            ),
            format!("participants = {}", toml_list(&c.participants)),
            format!("kind = \"{}\"", c.kind),
        ];
        let cues = [
            ("names", &c.cues.names),
            ("places", &c.cues.places),
            ("common", &c.cues.common),
        ];
        if cues.iter().any(|(_, v)| !v.is_empty()) {
            lines.push(String::new());
            lines.push("[event.cues]".to_string());
            for (k, v) in cues {
                if !v.is_empty() {
                    lines.push(format!("{k} = {}", toml_list(v)));
                }
            }
        }
        for l in lines {
            if comment && !l.is_empty() {
                block.push_str("# ");
            }
            block.push_str(&l);
            block.push('\n');
        }
        out.push_str(&block);
    }
    out
}

/// The `path` of a drafted timeline, which no file has: how the reader knows to mark it
/// as a draft.
pub const DRAFT_PATH: &str = "(timeline drafted from the articles)";

/// True for a timeline [`draft_timeline`] made.
pub fn is_draft(timeline: &Timeline) -> bool {
    timeline.path == DRAFT_PATH
}

/// The drafted timeline of `articles` as the reader uses it: the events of the printed
/// draft that are not commented out (all of them when every one is named by a single
/// article); `None` when the articles name no day at all.
pub fn draft_timeline(articles: &[Article]) -> Option<Timeline> {
    let mut candidates = suggest(articles, &date_mentions(articles));
    if candidates.iter().any(|c| c.articles > 1) {
        candidates.retain(|c| c.articles > 1);
    } else {
        for c in &mut candidates {
            c.articles = c.articles.max(2);
        }
    }
    let text = render(&candidates, articles.len());
    parse_timeline(DRAFT_PATH, text.as_bytes())
        .ok()
        .filter(|t| !t.events.is_empty())
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn toml_list(v: &[String]) -> String {
    format!(
        "[{}]",
        v.iter()
            .map(|s| toml_string(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn names(text: &str) -> Vec<(String, bool)> {
        proper_names(text)
            .into_iter()
            .map(|(n, _, after_in)| (n, after_in))
            .collect()
    }

    #[test]
    fn names_drop_roles_openers_and_stop_at_punctuation() {
        assert_eq!(
            names("Indeed, Russian President Vladimir Putin met Joe Biden in Geneva, Switzerland."),
            [
                ("Vladimir Putin".to_string(), false),
                ("Joe Biden".to_string(), false),
                ("Geneva".to_string(), true),
                ("Switzerland".to_string(), false),
            ]
        );
        assert_eq!(
            names("talks at the Council of Europe on Monday"),
            [("Council of Europe".to_string(), false)]
        );
    }

    #[test]
    fn the_kind_is_the_most_particular_word_of_the_sentence() {
        assert_eq!(kind_in("the phone call after the talks"), EventKind::Call);
        assert_eq!(
            kind_in("Russia published its draft treaties"),
            EventKind::Document
        );
        assert_eq!(kind_in("They met at the summit"), EventKind::Summit);
        assert_eq!(kind_in("nothing here"), EventKind::Talks);
    }

    #[test]
    fn labels_fit_their_columns() {
        assert_eq!(label_for("Geneva", date(2022, 1, 10)), "Geneva Jan 10");
        let long = label_for("Organization for Security", date(2022, 1, 13));
        assert!(long.width() <= MAX_LABEL_WIDTH, "{long}");
        assert!(long.ends_with("Jan 13"));
    }

    #[test]
    fn a_rendered_draft_parses_even_with_quotes_and_no_place() {
        let c = Candidate {
            id: "talks-2022-01-10".into(),
            title: "Talks \"in\" Geneva".into(),
            label: "Talks Jan 10".into(),
            day: date(2022, 1, 10),
            place: None,
            participants: vec!["Wendy Sherman".into()],
            kind: EventKind::Talks,
            cues: Cues {
                names: vec!["Ryabkov".into()],
                ..Cues::default()
            },
            articles: 2,
            outlets: 2,
            mentions: vec![("a".into(), 0, "on \"Monday\"".into())],
        };
        let single = Candidate {
            id: "call-2021-12-30".into(),
            articles: 1,
            ..c.clone()
        };
        let text = render(&[c, single], 3);
        let t = parse_timeline("draft.toml", text.as_bytes()).expect("the draft parses");
        // The event named by one article only is commented out.
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].place, "to be filled in");
        assert!(text.contains("\n# id = \"call-2021-12-30\"\n"), "{text}");
    }
}
