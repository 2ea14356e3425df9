//! Drafting a timeline from a corpus that has none: the days its articles name (read by
//! the aligner's date reader, relative dates resolved), grouped by day into candidate
//! events, each with a proposed id, title, place, participants and cues taken from the
//! words that recur around those mentions across articles, and how many articles and
//! outlets name it. The draft is a `rounds.toml` that passes `readout check` as it
//! stands; events only one article names are listed last, commented out.

mod mentions;
mod words;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use crate::corpus::Article;
use crate::timeline::{Cues, EventKind, MAX_LABEL_WIDTH, Timeline, parse_timeline};

pub use mentions::{DateMention, date_mentions};

use words::{kind_in, proper_names, sentence_around};

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
