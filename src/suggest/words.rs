//! Reading the words around a date mention: the sentence it stands in, the kind of
//! event that sentence names, and the capitalised names in it (with the places, the
//! names written after "in" or "at").

use crate::timeline::EventKind;

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
pub(super) fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | ';');
    let from = text[..at.min(text.len())].rfind(ends).map_or(0, |i| i + 1);
    let to = text[at.min(text.len())..]
        .find(ends)
        .map_or(text.len(), |i| at + i);
    (from, to)
}

/// What a sentence says happened, by its most particular word: a summit, a call, a
/// document, talks, a statement; talks when it says nothing.
pub(super) fn kind_in(sentence: &str) -> EventKind {
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
pub(super) fn proper_names(text: &str) -> Vec<(String, usize, bool)> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
