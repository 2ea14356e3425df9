//! Terms worth noticing when accounts are laid side by side: names (capitalised words),
//! figures ("100,000", "1997") and two-word phrases ("red line"). The comparison
//! highlights the ones that recur across outlets, so the eye sees where accounts meet.

use std::collections::{BTreeMap, BTreeSet};

/// Words that start sentences or carry no meaning on their own.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "although",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "meanwhile",
    "more",
    "most",
    "mr",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "said",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "told",
    "says",
    "also",
    "still",
    "just",
    "only",
    "own",
    "same",
    "new",
    "last",
    "first",
    "next",
    "week",
    "day",
    "days",
    "year",
    "years",
    "time",
    "way",
    "well",
    "much",
    "many",
];

fn is_stop(word: &str) -> bool {
    STOP.contains(&word)
}

/// Trims quotes and punctuation around a word, and a possessive `’s`.
fn clean(word: &str) -> &str {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Terms by normalised key, each with the surface forms seen.
pub type Terms = BTreeMap<String, BTreeSet<String>>;

/// The terms of `text`: normalised key → the surface forms seen.
pub fn terms(text: &str) -> Terms {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let words: Vec<&str> = text.split_whitespace().map(clean).collect();
    for (i, w) in words.iter().enumerate() {
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let is_figure = w.chars().any(|c| c.is_ascii_digit()) && w.chars().count() >= 2;
        let is_name = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && !is_stop(&lower);
        if is_figure || is_name {
            out.entry(lower.clone()).or_default().insert(w.to_string());
        }
        // Two-word phrases of content words: "red line", "security guarantees".
        if let Some(next) = words.get(i + 1) {
            let nl = next.to_lowercase();
            let content = |s: &str, l: &str| {
                s.chars().count() >= 3
                    && s.chars().all(|c| c.is_alphabetic() || c == '-')
                    && s.chars().next().is_some_and(char::is_lowercase)
                    && !is_stop(l)
            };
            if content(w, &lower) && content(next, &nl) {
                let key = format!("{lower} {}", nl.trim_end_matches('s'));
                out.entry(key).or_default().insert(format!("{w} {next}"));
            }
        }
    }
    out
}

/// At most this many shared terms are highlighted in a row: past a dozen, highlights
/// stop guiding the eye.
pub const MAX_SHARED: usize = 12;

/// Given the texts of each column, the terms found in at least two columns, each with
/// its surface forms: those shared by the most columns first, at most [`MAX_SHARED`].
/// Terms found in `common` are left out (words that are everywhere say nothing).
pub fn shared_terms(columns: &[String], common: &BTreeSet<String>) -> Vec<BTreeSet<String>> {
    let per: Vec<_> = columns.iter().map(|c| terms(c)).collect();
    shared_among(&per, common)
}

/// [`shared_terms`] for columns whose terms are already known.
pub fn shared_among(per: &[Terms], common: &BTreeSet<String>) -> Vec<BTreeSet<String>> {
    // Term → (columns it is in, first column).
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (col, t) in per.iter().enumerate() {
        for k in t.keys() {
            seen.entry(k).or_insert((0, col)).0 += 1;
        }
    }
    let mut ranked: Vec<(std::cmp::Reverse<usize>, usize, &str)> = seen
        .into_iter()
        .filter(|(k, (n, _))| *n >= 2 && !common.contains(*k))
        .map(|(k, (n, first))| (std::cmp::Reverse(n), first, k))
        .collect();
    ranked.sort();
    ranked.truncate(MAX_SHARED);
    ranked
        .into_iter()
        .map(|(_, _, k)| {
            per.iter()
                .filter_map(|t| t.get(k))
                .flatten()
                .cloned()
                .collect()
        })
        .collect()
}

/// Byte ranges where any of `forms` occurs in `line` as whole words.
pub fn occurrences(line: &str, forms: &BTreeSet<String>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for form in forms {
        let mut from = 0;
        while let Some(i) = line[from..].find(form.as_str()) {
            let s = from + i;
            let e = s + form.len();
            let before = line[..s].chars().next_back();
            let after = line[e..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                out.push((s, e));
            }
            from = e;
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_figures_and_phrases() {
        let t = terms("Russia called it a “red line”, with 100,000 troops since 1997. The talks");
        assert!(t.contains_key("russia"));
        assert!(t.contains_key("100,000"));
        assert!(t.contains_key("1997"));
        assert!(t.contains_key("red line"));
        assert!(!t.contains_key("the"));
    }

    #[test]
    fn shared_across_columns_only_and_not_common() {
        let cols = vec![
            "Stoltenberg spoke of a red line and 100,000 troops in Russia.".to_string(),
            "Russia crossed red lines, said Stoltenberg.".to_string(),
            "Nothing here but Russia.".to_string(),
        ];
        let common: BTreeSet<String> = ["russia".to_string()].into();
        let shared = shared_terms(&cols, &common);
        let keys: Vec<String> = shared
            .iter()
            .map(|f| f.iter().next().cloned().unwrap())
            .collect();
        assert!(keys.contains(&"Stoltenberg".to_string()));
        assert!(
            shared
                .iter()
                .any(|f| f.contains("red line") && f.contains("red lines"))
        );
        assert!(!keys.iter().any(|k| k == "Russia"));
        assert!(!keys.iter().any(|k| k == "100,000"));
    }

    #[test]
    fn occurrences_respect_word_boundaries() {
        let forms: BTreeSet<String> = ["NATO".to_string()].into();
        assert_eq!(
            occurrences("NATO, NATOs and NATO", &forms),
            vec![(0, 4), (16, 20)]
        );
    }
}
