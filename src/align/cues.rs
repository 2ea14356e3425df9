//! The timeline's cues compiled once into a matcher: every cue becomes a sequence of
//! word ids, indexed by its first word, so finding the cues of a passage costs one
//! array lookup per word. A cue several events share ("Geneva", "Ryabkov") is one cue
//! with several events; dates and context choose between them later.

use std::collections::BTreeMap;

use super::lexicon::{CUE_START, INSTITUTION};
use super::words::{Token, UNKNOWN, Vocabulary, WordId};
use crate::timeline::Timeline;

/// Which list of `rounds.toml` a cue comes from; it sets how much the cue weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CueKind {
    /// What the event is called: nearly decides alone.
    Format,
    /// A stock phrase of its coverage.
    Phrase,
    /// A participant.
    Name,
    /// Where it happened.
    Place,
    /// A name or place found in coverage of almost anything.
    Common,
    /// A participant's role, from `participants` ("NATO Secretary General"): reporters
    /// name people by it ("the alliance's secretary general").
    Role,
}

impl CueKind {
    /// How much one such cue weighs, before it is shared among events.
    pub fn weight(self) -> f32 {
        match self {
            CueKind::Format => 3.0,
            CueKind::Phrase => 2.0,
            CueKind::Name => 2.0,
            CueKind::Place => 1.5,
            CueKind::Common => 0.75,
            CueKind::Role => 1.0,
        }
    }

    /// The word used in explanations.
    pub fn label(self) -> &'static str {
        match self {
            CueKind::Format => "format",
            CueKind::Phrase => "phrase",
            CueKind::Name | CueKind::Common => "name",
            CueKind::Role => "role",
            CueKind::Place => "place",
        }
    }

    /// Names and places are written with a capital; a lower-case "carpenter" is a trade.
    fn wants_capital(self) -> bool {
        matches!(self, CueKind::Name | CueKind::Place | CueKind::Common)
    }
}

/// The roles of an event's `participants` ("Jens Stoltenberg, NATO Secretary General
/// (chair)"), each both whole and without its first word when that names a country or
/// body ("Secretary General"), since reporters write "the alliance's secretary
/// general"; with the word a role was stripped of ("Polish" of "Polish Foreign
/// Minister"), if it was. The people themselves are cues already, under `names` or
/// `common`.
fn roles_qualified(list: &[String]) -> Vec<(String, Option<String>)> {
    let mut roles = Vec::new();
    for p in list {
        let parts = p
            .split(',')
            .skip(1)
            .map(|x| x.split('(').next().unwrap_or("").trim().to_string());
        for role in parts.filter(|r| r.split_whitespace().count() >= 2) {
            let mut words = role.split_whitespace();
            let first = words.next().unwrap_or("");
            let rest: Vec<&str> = words.collect();
            if first.chars().next().is_some_and(char::is_uppercase)
                && rest.len() >= 2
                && rest[0].chars().next().is_some_and(char::is_uppercase)
            {
                roles.push((rest.join(" "), Some(first.to_string())));
            }
            roles.push((role, None));
        }
    }
    roles
}

/// One compiled cue.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// Its words, normalised.
    pub words: Vec<WordId>,
    /// As first written in the timeline, for explanations.
    pub text: String,
    /// The events it points to, each with the list it is in there.
    pub events: Vec<(usize, CueKind)>,
    /// Matches only a capitalised word.
    pub capital: bool,
    /// May match with one word inserted: a format or phrase of several words.
    pub gappable: bool,
    /// For an event it is a role of without its first word, that word ("Polish" for
    /// "Foreign Minister"): another country's ("Russian Foreign Minister") is another
    /// person.
    pub stripped: Vec<(usize, WordId)>,
}

/// A cue found in a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// Index of the cue.
    pub cue: usize,
    /// First token.
    pub first: usize,
    /// Number of tokens.
    pub len: usize,
}

/// Whether the text between two words is a hyphen or a dash that joins them into one
/// name ("NATO-Ukraine", "NATO–Russia").
fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}" | "\u{2013}")
}

/// Every cue of a timeline, ready to match.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueIndex {
    pub cues: Vec<Cue>,
    /// For each word id, the cues that start with it, longest first.
    starts: Vec<Vec<usize>>,
}

impl CueIndex {
    /// Compiles the cues of `timeline`, adding their words to `vocab`.
    pub fn compile(timeline: &Timeline, vocab: &mut Vocabulary) -> CueIndex {
        // BTreeMap: cue order, and so explanations, never depend on hashing.
        let mut by_words: BTreeMap<Vec<WordId>, usize> = BTreeMap::new();
        let mut cues: Vec<Cue> = Vec::new();
        for (e, event) in timeline.events.iter().enumerate() {
            let c = &event.cues;
            let qualified = roles_qualified(&event.participants);
            let roles: Vec<String> = qualified.iter().map(|(r, _)| r.clone()).collect();
            let lists = [
                (CueKind::Name, &c.names),
                (CueKind::Place, &c.places),
                (CueKind::Format, &c.formats),
                (CueKind::Phrase, &c.phrases),
                (CueKind::Common, &c.common),
                (CueKind::Role, &roles),
            ];
            for (kind, list) in lists {
                for text in list {
                    let words = vocab.words_of(text);
                    if words.is_empty() {
                        continue;
                    }
                    let capital = kind.wants_capital()
                        && text
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase);
                    let i = *by_words.entry(words.clone()).or_insert_with(|| {
                        cues.push(Cue {
                            words,
                            text: text.trim().to_string(),
                            events: Vec::new(),
                            capital,
                            gappable: false,
                            stripped: Vec::new(),
                        });
                        cues.len() - 1
                    });
                    let cue = &mut cues[i];
                    cue.capital &= capital;
                    match cue.events.iter_mut().find(|(x, _)| *x == e) {
                        // Listed twice for one event: the weightier list counts.
                        Some((_, k)) => *k = (*k).min(kind),
                        None => cue.events.push((e, kind)),
                    }
                }
            }
            for (role, qualifier) in &qualified {
                // A role some participant holds whole is theirs, whoever else's it is.
                let whole = qualified.iter().any(|(r, q)| q.is_none() && r == role);
                let (Some(q), Some(&i), false) =
                    (qualifier, by_words.get(&vocab.words_of(role)), whole)
                else {
                    continue;
                };
                if let Some(&q) = vocab.words_of(q).first() {
                    cues[i].stripped.push((e, q));
                }
            }
        }
        for cue in &mut cues {
            cue.gappable = cue.words.len() >= 2
                && cue
                    .events
                    .iter()
                    .any(|&(_, k)| matches!(k, CueKind::Format | CueKind::Phrase));
        }
        let mut starts = vec![Vec::new(); vocab.len()];
        for (i, cue) in cues.iter().enumerate() {
            starts[cue.words[0] as usize].push(i);
            vocab.mark(cue.words[0], CUE_START);
        }
        for list in &mut starts {
            list.sort_by_key(|&i| std::cmp::Reverse(cues[i].words.len()));
        }
        CueIndex { cues, starts }
    }

    /// Finds the cues of a passage, longest first and without overlaps, in text order.
    /// A format or phrase of several words also matches with one word inserted ("draft
    /// security treaties", "patience has now run out"), if nothing matches exactly.
    pub fn find(&self, tokens: &[Token], out: &mut Vec<CueHit>) {
        out.clear();
        let mut i = 0;
        while i < tokens.len() {
            // Most words start no cue: one test of the class read with the word.
            if tokens[i].class & CUE_START == 0 {
                i += 1;
                continue;
            }
            let w = tokens[i].word;
            let candidates: &[usize] = if w == UNKNOWN {
                &[]
            } else {
                self.starts.get(w as usize).map_or(&[], Vec::as_slice)
            };
            let hit = candidates
                .iter()
                .find_map(|&c| self.matches(c, tokens, i, false).map(|len| (c, len)))
                .or_else(|| {
                    candidates
                        .iter()
                        .find_map(|&c| self.matches(c, tokens, i, true).map(|len| (c, len)))
                });
            match hit {
                Some((cue, len)) => {
                    out.push(CueHit { cue, first: i, len });
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// Drops from `hits` (of `text`, read as `tokens`) each participant's, place's or
    /// common name that begins the name of another body: followed, joined by a single
    /// space, a hyphen or a dash, by capitalised words that end in a word for an
    /// institution, with no cue among them, in a line not set in title case. "The NATO-Ukraine Commission", "the NATO Military Committee", "the
    /// OSCE Parliamentary Assembly" name those bodies, not the alliance or the
    /// organisation at the talks; "NATO Allies", "OSCE Permanent Council" (a cue of its
    /// own) and "NATO Secretary General" (a role) keep theirs.
    pub fn drop_other_bodies(&self, text: &str, tokens: &[Token], hits: &mut Vec<CueHit>) {
        // In a line set in title case or capitals ("Putin Tells Security Council Russia
        // Will Respond") every word but the shortest is capitalised: no name of a body
        // can be told there. Asked only of the rare hit that looks like one.
        let title_case = |sentence: u16| {
            !tokens.iter().any(|t| {
                t.sentence == sentence && !t.capital && t.number.is_none() && t.end - t.start >= 5
            })
        };
        let begins_body = |hits: &[CueHit], n: usize| {
            let h = hits[n];
            let named = self.cues[h.cue]
                .events
                .iter()
                .all(|(_, k)| matches!(k, CueKind::Name | CueKind::Place | CueKind::Common));
            if !named {
                return false;
            }
            let next_cue = hits.get(n + 1).map_or(tokens.len(), |x| x.first);
            let from = h.first + h.len;
            for k in from..(from + 4).min(next_cue) {
                let gap = text
                    .get(tokens[k - 1].end as usize..tokens[k].start as usize)
                    .unwrap_or(",");
                let joined = gap == " " || is_hyphen(gap);
                if !joined || !tokens[k].capital || tokens[k].sentence != tokens[h.first].sentence {
                    return false;
                }
                if tokens[k].class & INSTITUTION != 0 {
                    return !title_case(tokens[k].sentence)
                        && !self.names_format_of(tokens, text, &h, k);
                }
            }
            false
        };
        // In place, without a list of what to drop: the test of a hit reads only it and
        // the next, neither of them yet overwritten.
        let mut kept = 0;
        for n in 0..hits.len() {
            if !begins_body(hits, n) {
                hits[kept] = hits[n];
                kept += 1;
            }
        }
        hits.truncate(kept);
    }

    /// Whether the body named from hit `h` to the institution's word at `end` is a
    /// format of the hit's events, perhaps called by another word for the body: the
    /// words of the name besides the hit's own, back to its first (joined by hyphens),
    /// are all words of those formats ("the Russia-NATO Commission" for the NATO-Russia
    /// Council); with no such words, the institution's word must be one ("the NATO
    /// Council", but not "the OSCE Mission").
    fn names_format_of(&self, tokens: &[Token], text: &str, h: &CueHit, end: usize) -> bool {
        let mut first = h.first;
        while first > 0
            && tokens[first - 1].capital
            && text
                .get(tokens[first - 1].end as usize..tokens[first].start as usize)
                .is_some_and(is_hyphen)
        {
            first -= 1;
        }
        let events = &self.cues[h.cue].events;
        let in_format = |w: WordId| {
            self.cues.iter().any(|c| {
                c.words.contains(&w)
                    && c.events
                        .iter()
                        .any(|&(e, k)| k == CueKind::Format && events.iter().any(|&(x, _)| x == e))
            })
        };
        let mut others = tokens[first..h.first]
            .iter()
            .chain(&tokens[h.first + h.len..end])
            .peekable();
        if others.peek().is_none() {
            return in_format(tokens[end].word);
        }
        others.all(|t| in_format(t.word))
    }

    /// The number of tokens cue `c` covers at token `i`, if it matches there; with
    /// `gap`, only a match with one inserted word counts.
    fn matches(&self, c: usize, tokens: &[Token], i: usize, gap: bool) -> Option<usize> {
        let cue = &self.cues[c];
        let n = cue.words.len();
        // The cheapest tests first: every passage tries the cues of its common words
        // ("secretary", "foreign"), and most of them fail on the cue alone or its words.
        if gap && !cue.gappable {
            return None;
        }
        let len = if gap { n + 1 } else { n };
        let run = tokens.get(i..i + len)?;
        if !gap && !run.iter().zip(&cue.words).all(|(t, w)| t.word == *w) {
            return None;
        }
        if (cue.capital && !run[0].capital) || run.iter().any(|t| t.sentence != run[0].sentence) {
            return None;
        }
        if !gap {
            return Some(n);
        }
        (1..n)
            .any(|k| {
                run[..k]
                    .iter()
                    .zip(&cue.words[..k])
                    .all(|(t, w)| t.word == *w)
                    && run[k + 1..]
                        .iter()
                        .zip(&cue.words[k..])
                        .all(|(t, w)| t.word == *w)
            })
            .then_some(len)
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::{Reading, read};
    use super::*;
    use crate::timeline::parse_timeline;

    const TIMELINE: &str = r#"
[[event]]
id = "summit"
title = "Summit"
label = "Summit"
date = 2021-06-16
place = "Geneva"
kind = "summit"
[event.cues]
names = ["Biden"]
places = ["Geneva"]
formats = ["Geneva summit"]

[[event]]
id = "talks"
title = "Talks"
label = "Talks"
date = 2022-01-10
place = "Geneva"
kind = "talks"
[event.cues]
names = ["Carpenter"]
places = ["Geneva"]
phrases = ["patience has run out"]
common = ["NATO"]
"#;

    fn hits(text: &str) -> Vec<(String, Vec<(usize, CueKind)>)> {
        let timeline = parse_timeline("rounds.toml", TIMELINE.as_bytes()).expect("valid");
        let mut vocab = Vocabulary::default();
        let index = CueIndex::compile(&timeline, &mut vocab);
        let mut reading = Reading::default();
        read(text, &vocab, &mut reading);
        let mut out = Vec::new();
        index.find(&reading.tokens, &mut out);
        out.iter()
            .map(|h| {
                let cue = &index.cues[h.cue];
                (cue.text.clone(), cue.events.clone())
            })
            .collect()
    }

    #[test]
    fn shared_cue_points_to_every_event() {
        let h = hits("They met in Geneva.");
        assert_eq!(
            h,
            vec![(
                "Geneva".to_string(),
                vec![(0, CueKind::Place), (1, CueKind::Place)]
            )]
        );
    }

    #[test]
    fn longest_cue_wins() {
        let h = hits("The Geneva summit ended.");
        assert_eq!(
            h,
            vec![("Geneva summit".to_string(), vec![(0, CueKind::Format)])]
        );
    }

    #[test]
    fn phrases_fold_case_and_punctuation_names_need_capitals() {
        assert_eq!(hits("“Our PATIENCE has run out,” he said.").len(), 1);
        assert!(hits("a carpenter from nato").is_empty());
        assert_eq!(hits("Michael Carpenter and NATO").len(), 2);
    }

    #[test]
    fn a_phrase_allows_one_inserted_word_a_name_does_not() {
        assert_eq!(hits("our patience has now run out").len(), 1);
        assert!(hits("our patience has not yet run out").is_empty());
    }

    /// A name that begins another body's name is that body's: NATO is not at the
    /// NATO-Ukraine Commission or the NATO Military Committee, the OSCE not at its
    /// Parliamentary Assembly; NATO's allies, its Secretary General (a role), the OSCE
    /// Permanent Council (a format) and "the Russia-NATO Commission" (the council by
    /// another word) keep their cues.
    #[test]
    fn a_name_that_begins_another_body_is_that_body() {
        let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
        let timeline = corpus.timeline.as_ref().expect("bundled timeline");
        let model = crate::align::Aligner::new(timeline).model;
        let kept = |text: &str| {
            let mut reading = Reading::default();
            read(text, &model.vocab, &mut reading);
            let mut hits = Vec::new();
            model.cues.find(&reading.tokens, &mut hits);
            model
                .cues
                .drop_other_bodies(text, &reading.tokens, &mut hits);
            hits.iter()
                .map(|h| model.cues.cues[h.cue].text.clone())
                .collect::<Vec<_>>()
        };
        let none = Vec::<String>::new();
        assert_eq!(
            kept("The NATO-Ukraine Commission met in Brussels to discuss security."),
            ["Brussels"]
        );
        assert_eq!(kept("The NATO–Ukraine Commission meets today."), none);
        assert_eq!(kept("The NATO Military Committee will meet later."), none);
        assert_eq!(kept("The OSCE Parliamentary Assembly gathered."), none);
        assert_eq!(kept("The OSCE Mission to Ukraine reported."), none);
        assert_eq!(kept("NATO Allies met Russia again."), ["NATO"]);
        assert_eq!(kept("NATO, Council members say, agreed."), ["NATO"]);
        assert_eq!(
            kept("The OSCE Permanent Council gathered."),
            ["OSCE Permanent Council"]
        );
        assert_eq!(
            kept("The session of the Russia-NATO Commission opened."),
            ["NATO"]
        );
        assert_eq!(kept("The NATO Council gathered."), ["NATO"]);
        // A line in title case or capitals names nobody's body.
        assert_eq!(
            kept("Putin Tells Security Council Russia Will Respond"),
            ["Putin"]
        );
        assert_eq!(kept("PUTIN CHAIRS SECURITY COUNCIL MEETING"), ["Putin"]);
        assert_eq!(
            kept("NATO Secretary General Jens Stoltenberg"),
            ["NATO Secretary General", "Stoltenberg"]
        );
    }

    #[test]
    fn a_cue_does_not_run_across_sentences() {
        assert!(hits("Our patience has. Run out.").is_empty());
    }
}
