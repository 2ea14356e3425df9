//! Searching an article: smart case (case-insensitive unless the query has a capital),
//! with typographic quotes matching their ASCII forms, so `patience's` finds
//! `patience’s`.

use crate::corpus::Article;

/// A match: a byte range of one block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the block.
    pub block: usize,
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
}

/// Every match of `query` in `article`'s blocks, in reading order.
pub fn find(article: &Article, query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold_case = !query.chars().any(char::is_uppercase);
    let (needle, _) = fold(query, fold_case);
    let mut out = Vec::new();
    for (i, block) in article.blocks.iter().enumerate() {
        for (start, end) in find_in(&block.text, &needle, fold_case) {
            out.push(Match {
                block: i,
                start,
                end,
            });
        }
    }
    out
}

/// Byte ranges of `text` where the already-folded `needle` occurs.
pub fn find_in(text: &str, needle: &str, fold_case: bool) -> Vec<(usize, usize)> {
    // Most blocks have no match: look in the folded text alone first, and work out where
    // each folded byte came from only for a block that has one (that map is eight bytes
    // for every byte of text, and was most of a search across a corpus).
    let mut hay = String::with_capacity(text.len());
    fold_into(text, fold_case, &mut hay, None);
    if !hay.contains(needle) {
        return Vec::new();
    }
    let (hay, map) = fold(text, fold_case);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        out.push((map[s], map.get(e).copied().unwrap_or(text.len())));
        from = e.max(s + 1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// The folded text, and for each byte of it the byte of `text` it came from (with one
/// extra entry for the end).
fn fold(text: &str, fold_case: bool) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    fold_into(text, fold_case, &mut out, Some(&mut map));
    map.push(text.len());
    (out, map)
}

/// Appends the folded `text` to `out`, and to `map`, if given, the byte of `text` each
/// folded byte came from.
fn fold_into(text: &str, fold_case: bool, out: &mut String, mut map: Option<&mut Vec<usize>>) {
    for (i, c) in text.char_indices() {
        let c = match c {
            '‘' | '’' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' => '-',
            c => c,
        };
        let before = out.len();
        if !fold_case {
            out.push(c);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
        if let Some(map) = map.as_deref_mut() {
            map.extend(std::iter::repeat_n(i, out.len() - before));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_quotes() {
        let t = "Our patience has run out, Lavrov’s patience";
        assert_eq!(find_in(t, "patience", true).len(), 2);
        assert_eq!(find_in(t, "lavrov's", true), vec![(26, 36)]);
        assert_eq!(&t[26..36], "Lavrov’s");
        // A capital makes it exact.
        assert_eq!(find_in(t, "Our", false), vec![(0, 3)]);
        assert_eq!(find_in("our Our", "Our", false), vec![(4, 7)]);
    }

    #[test]
    fn ranges_map_back_through_multibyte_text() {
        let t = "Avīze AVĪZE";
        let found = find_in(t, "avīze", true);
        assert_eq!(found.len(), 2);
        for (s, e) in found {
            assert!(t[s..e].eq_ignore_ascii_case("avīze") || &t[s..e] == "AVĪZE");
        }
    }
}
