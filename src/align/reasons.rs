//! The reasons behind an event of a passage, in words: [`Cues`].

use std::fmt;

/// The reasons an event was put under a passage, in words, most telling first
/// ("date: \"January 12\"", "place: Brussels"). A list of strings to read, kept as one
/// text and where each reason ends in it: a large corpus has hundreds of thousands of
/// them, and one allocation an event instead of one a reason is most of what aligning
/// allocated. Its `Debug` is that of a `Vec<String>` of the same words.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Cues {
    /// Every reason, one after another.
    text: String,
    /// Where each reason but the last ends in `text` (the last ends with it).
    ends: Vec<u32>,
    /// How many reasons there are.
    len: u32,
}

impl Cues {
    /// No reasons.
    pub fn new() -> Cues {
        Cues::default()
    }

    /// How many reasons there are.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when there are no reasons.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Reason `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        (i < self.len()).then(|| self.span(i, self.text.len()))
    }

    /// The first reason, the most telling.
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// The last reason.
    pub fn last(&self) -> Option<&str> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The reasons, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            cues: self,
            front: 0,
            back: self.len(),
        }
    }

    /// Whether `words` is one of the reasons.
    pub fn contains(&self, words: &str) -> bool {
        self.iter().any(|c| c == words)
    }

    /// The reasons as a list of strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// Adds `words` as the last reason.
    pub fn push(&mut self, words: &str) {
        self.push_with(|out| out.push_str(words));
    }

    /// Adds the reason `write` writes as the last one.
    pub(crate) fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        if self.len > 0 {
            self.ends.push(self.text.len() as u32);
        }
        write(&mut self.text);
        self.len += 1;
    }

    /// Adds the reason `write` writes unless it is one of those from index `since` on
    /// already: the same words are said once.
    pub(crate) fn push_once_with(&mut self, since: usize, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        let new = &self.text[start..];
        if (since..self.len()).any(|i| self.span(i, start) == new) {
            self.text.truncate(start);
            return;
        }
        if self.len > 0 {
            self.ends.push(start as u32);
        }
        self.len += 1;
    }

    /// Forgets every reason, keeping the storage.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.len = 0;
    }

    /// Reason `i`, the last one ending at `last_end`.
    fn span(&self, i: usize, last_end: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = if i + 1 == self.len() {
            last_end
        } else {
            self.ends[i] as usize
        };
        &self.text[start..end]
    }
}

impl fmt::Debug for Cues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The reasons of a [`Cues`], in order.
#[derive(Clone, Debug)]
pub struct Iter<'c> {
    cues: &'c Cues,
    front: usize,
    back: usize,
}

impl<'c> Iterator for Iter<'c> {
    type Item = &'c str;

    fn next(&mut self) -> Option<&'c str> {
        if self.front == self.back {
            return None;
        }
        let c = self.cues.span(self.front, self.cues.text.len());
        self.front += 1;
        Some(c)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some(self.cues.span(self.back, self.cues.text.len()))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'c> IntoIterator for &'c Cues {
    type Item = &'c str;
    type IntoIter = Iter<'c>;

    fn into_iter(self) -> Iter<'c> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Cues {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Cues {
        let mut cues = Cues::new();
        for c in iter {
            cues.push(c.as_ref());
        }
        cues
    }
}

impl From<Vec<String>> for Cues {
    fn from(words: Vec<String>) -> Cues {
        words.into_iter().collect()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Cues {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Cues {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_prints_as_the_list_of_its_words() {
        let words = [
            "date: \"January 12\"".to_string(),
            String::new(),
            "place: Brussels".to_string(),
            "name: «Stoltenberg»\n".to_string(),
        ];
        for k in 0..=words.len() {
            let list = words[..k].to_vec();
            let cues = Cues::from(list.clone());
            assert_eq!(cues.len(), k);
            assert_eq!(cues.is_empty(), k == 0);
            assert_eq!(format!("{cues:?}"), format!("{list:?}"));
            assert_eq!(format!("{cues:#?}"), format!("{list:#?}"));
            assert_eq!(cues.to_vec(), list);
            assert_eq!(cues.iter().rev().collect::<Vec<_>>(), {
                let mut r: Vec<&str> = list.iter().map(String::as_str).collect();
                r.reverse();
                r
            });
            assert_eq!(cues, list);
            for (i, w) in list.iter().enumerate() {
                assert_eq!(cues.get(i), Some(w.as_str()));
                assert!(cues.contains(w));
            }
            assert_eq!(cues.get(k), None);
            assert_eq!(cues.first(), list.first().map(String::as_str));
            assert_eq!(cues.last(), list.last().map(String::as_str));
        }
        // One empty reason is not none.
        assert_ne!(Cues::from(vec![String::new()]), Cues::new());
    }

    #[test]
    fn the_same_words_are_said_once() {
        let mut cues = Cues::new();
        for w in ["a", "b", "a", "ab", "b", "", ""] {
            cues.push_once_with(0, |s| s.push_str(w));
        }
        assert_eq!(cues, vec!["a", "b", "ab", ""]);
        // Only the reasons from `since` on count.
        cues.push_once_with(4, |s| s.push('a'));
        cues.push_once_with(4, |s| s.push('a'));
        assert_eq!(cues, vec!["a", "b", "ab", "", "a"]);
        cues.clear();
        for w in ["a", "b", "ab", ""] {
            cues.push_once_with(0, |s| s.push_str(w));
        }
        let mut same = Cues::new();
        for w in ["a", "b", "ab", ""] {
            same.push(w);
        }
        assert_eq!(cues, same);
        cues.clear();
        assert!(cues.is_empty());
        assert_eq!(format!("{cues:?}"), "[]");
    }
}
