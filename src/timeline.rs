//! The negotiation timeline, `rounds.toml`: the events a corpus describes, oldest first,
//! with the cues (names, places, formats, phrases) that point a passage to each one.
//! It is data, validated like an article: every problem names its file, line and column.

use std::collections::HashSet;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::corpus::{Article, CorpusError};
use crate::text::sanitize::sanitize_line;

/// The longest a `label` may be, in terminal columns: it goes in margins and table heads.
pub const MAX_LABEL_WIDTH: usize = 14;

/// What sort of event it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A negotiating round between delegations.
    Talks,
    /// A call between leaders, by phone or video.
    Call,
    /// A meeting of leaders.
    Summit,
    /// A text made public: a draft, a reply, a treaty.
    Document,
    /// A statement, a press conference.
    Statement,
    /// A series of rounds taken as a whole.
    Series,
}

impl EventKind {
    /// The word used in the file and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Talks => "talks",
            EventKind::Call => "call",
            EventKind::Summit => "summit",
            EventKind::Document => "document",
            EventKind::Statement => "statement",
            EventKind::Series => "series",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The words that point a passage to an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// People and bodies that take part: "Ryabkov", "Stoltenberg".
    #[serde(default)]
    pub names: Vec<String>,
    /// Where it happened: "Geneva", "Brussels", "Hofburg".
    #[serde(default)]
    pub places: Vec<String>,
    /// What it is called: "NATO-Russia Council", "Permanent Council".
    #[serde(default)]
    pub formats: Vec<String>,
    /// What is said of it: "patience has run out", "draft treaties".
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Names and places so common in coverage of the whole period ("Putin", "NATO",
    /// "Moscow") that they point to the event only alongside other evidence.
    #[serde(default)]
    pub common: Vec<String>,
}

impl Cues {
    /// Every cue with the name of its list.
    pub fn all(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.names
            .iter()
            .map(|c| ("name", c.as_str()))
            .chain(self.places.iter().map(|c| ("place", c.as_str())))
            .chain(self.formats.iter().map(|c| ("format", c.as_str())))
            .chain(self.phrases.iter().map(|c| ("phrase", c.as_str())))
            .chain(self.common.iter().map(|c| ("common", c.as_str())))
    }

    /// The field of `rounds.toml` that holds the cues labelled `list` by [`Cues::all`].
    pub fn field(list: &str) -> &'static str {
        match list {
            "name" => "names",
            "place" => "places",
            "format" => "formats",
            "phrase" => "phrases",
            _ => "common",
        }
    }
}

/// One event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Stable id, e.g. `geneva-2022-01-10`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Short label for narrow places (margins, column heads).
    pub label: String,
    /// First day.
    pub start: Date,
    /// Last day (the same as `start` for a one-day event).
    pub end: Date,
    /// Where it happened.
    pub place: String,
    /// Who took part.
    pub participants: Vec<String>,
    /// What sort of event.
    pub kind: EventKind,
    /// What points a passage to it.
    pub cues: Cues,
}

impl Event {
    /// "2022-01-10" or "2022-01-10 – 2022-01-13".
    pub fn date_range(&self) -> String {
        if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{} – {}", self.start, self.end)
        }
    }

    /// True if the event spans more than one day.
    pub fn is_span(&self) -> bool {
        self.start != self.end
    }
}

/// The events of a corpus in time order (a series after the rounds it sums up).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The file, for messages.
    #[serde(skip)]
    pub path: String,
    /// Events in time order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Index of the event with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// Problems with hand-set `<!-- events: … -->` markers: ids not in the timeline.
    pub fn check_markers(&self, articles: &[Article]) -> Vec<CorpusError> {
        let mut problems = Vec::new();
        for article in articles {
            for marker in article.blocks.iter().filter_map(|b| b.marker.as_ref()) {
                for id in &marker.events {
                    if self.event(id).is_none() {
                        problems.push(CorpusError::at(
                            &article.path,
                            marker.line,
                            marker.col,
                            format!("events marker names {id:?}, which is not in {}", self.path),
                        ));
                    }
                }
            }
        }
        problems
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTimeline {
    #[serde(default)]
    event: Vec<Spanned<RawEvent>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Spanned<String>,
    title: String,
    label: Spanned<String>,
    date: Option<toml::value::Datetime>,
    start: Option<toml::value::Datetime>,
    end: Option<toml::value::Datetime>,
    place: String,
    #[serde(default)]
    participants: Vec<String>,
    kind: EventKind,
    cues: Option<Spanned<Cues>>,
}

/// Parses and validates a `rounds.toml`. On failure returns every problem found.
pub fn parse_timeline(path: &str, bytes: &[u8]) -> Result<Timeline, Vec<CorpusError>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        vec![CorpusError::at_offset(
            path,
            prefix,
            prefix.len(),
            1,
            "invalid UTF-8",
        )]
    })?;
    let raw: RawTimeline = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![CorpusError::at_offset(
            path,
            text,
            offset,
            1,
            e.message().trim().replace('\n', " "),
        )]
    })?;
    let mut problems = Vec::new();
    let mut events = Vec::new();
    let mut ids = HashSet::new();
    for spanned in raw.event {
        let at = |offset: usize, msg: String| CorpusError::at_offset(path, text, offset, 1, msg);
        let event_at = spanned.span().start;
        let raw = spanned.into_inner();
        let id = raw.id.get_ref().clone();
        if !crate::corpus::article::is_slug(&id) {
            problems.push(at(
                raw.id.span().start,
                format!("event id {id:?} must be lowercase letters, digits and hyphens"),
            ));
            continue;
        }
        if !ids.insert(id.clone()) {
            problems.push(at(
                raw.id.span().start,
                format!("duplicate event id {id:?}"),
            ));
            continue;
        }
        let date = |d: &toml::value::Datetime| -> Result<Date, String> {
            match (d.date, d.time) {
                (Some(x), None) => Date::new(x.year as i16, x.month as i8, x.day as i8)
                    .map_err(|_| format!("{d} is not a day of the calendar")),
                _ => Err(format!("expected a date such as 2022-01-10, found {d}")),
            }
        };
        let (start, end) = match (&raw.date, &raw.start, &raw.end) {
            (Some(d), None, None) => match date(d) {
                Ok(d) => (d, d),
                Err(m) => {
                    problems.push(at(event_at, format!("event {id:?}: {m}")));
                    continue;
                }
            },
            (None, Some(s), Some(e)) => match (date(s), date(e)) {
                (Ok(s), Ok(e)) if s <= e => (s, e),
                (Ok(_), Ok(_)) => {
                    problems.push(at(
                        event_at,
                        format!("event {id:?}: `start` is after `end`"),
                    ));
                    continue;
                }
                (Err(m), _) | (_, Err(m)) => {
                    problems.push(at(event_at, format!("event {id:?}: {m}")));
                    continue;
                }
            },
            _ => {
                problems.push(at(
                    event_at,
                    format!("event {id:?} needs either `date`, or both `start` and `end`"),
                ));
                continue;
            }
        };
        let title = sanitize_line(&raw.title).into_owned();
        let place = sanitize_line(&raw.place).into_owned();
        if let Some(key) = [("title", &title), ("place", &place)]
            .into_iter()
            .find_map(|(k, v)| v.trim().is_empty().then_some(k))
        {
            problems.push(at(event_at, format!("event {id:?}: `{key}` is empty")));
            continue;
        }
        let label = sanitize_line(raw.label.get_ref()).into_owned();
        let width = unicode_width::UnicodeWidthStr::width(label.as_str());
        if label.trim().is_empty() || width > MAX_LABEL_WIDTH {
            problems.push(at(
                raw.label.span().start,
                format!(
                    "event {id:?}: label {label:?} must be 1 to {MAX_LABEL_WIDTH} columns wide"
                ),
            ));
            continue;
        }
        let cues_at = raw.cues.as_ref().map_or(event_at, |c| c.span().start);
        let raw_cues = raw.cues.map(Spanned::into_inner).unwrap_or_default();
        // Sanitise first: a cue of an escape sequence and one letter is a one-letter cue.
        let clean = |v: Vec<String>| -> Vec<String> {
            v.iter().map(|s| sanitize_line(s).into_owned()).collect()
        };
        let cues = Cues {
            names: clean(raw_cues.names),
            places: clean(raw_cues.places),
            formats: clean(raw_cues.formats),
            phrases: clean(raw_cues.phrases),
            common: clean(raw_cues.common),
        };
        if let Some((list, _)) = cues.all().find(|(_, c)| c.trim().chars().count() < 2) {
            problems.push(at(
                cues_at,
                format!(
                    "event {id:?}: an empty or one-letter cue in `{}` would match everywhere",
                    Cues::field(list)
                ),
            ));
            continue;
        }
        events.push(Event {
            id,
            title,
            label,
            start,
            end,
            place,
            participants: clean(raw.participants),
            kind: raw.kind,
            cues,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // In time order by the day each event ends, so a series (the week of talks) comes
    // after the rounds it sums up, not between them.
    events.sort_by_key(|e| (e.end, e.is_span(), e.start));
    Ok(Timeline {
        path: path.to_string(),
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_sorts_after_the_rounds_it_sums_up() {
        let toml = br#"
[[event]]
id = "week"
title = "The week"
label = "Week"
start = 2022-01-10
end = 2022-01-13
place = "Europe"
kind = "series"

[[event]]
id = "vienna"
title = "Vienna"
label = "Vienna"
date = 2022-01-13
place = "Vienna"
kind = "talks"

[[event]]
id = "geneva"
title = "Geneva"
label = "Geneva"
date = 2022-01-10
place = "Geneva"
kind = "talks"

[[event]]
id = "after"
title = "After"
label = "After"
date = 2022-01-14
place = "Moscow"
kind = "statement"
"#;
        let t = parse_timeline("rounds.toml", toml).expect("valid");
        let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["geneva", "vienna", "week", "after"]);
    }
}
