//! A passage's facts beyond its words: its dates (read against the publication date),
//! and for each sentence whether it expects, judges or reports, which events its dates
//! leave possible, and the frame it opens with; "the talks" it refers to and "a week of
//! talks" it gathers them into.

use jiff::ToSpan;
use jiff::civil::Date;

use super::cues::{CueHit, CueKind};
use super::dates::{Precision, TimeMention, read_dates};
use super::lexicon::{
    DEFINITE, EXPECT, FRAME, FUTURE, GATHERED, GATHERING, NEW, OF, SPEECH, TALKS, VERDICT,
};
use super::model::Model;
use super::words::Reading;

/// How many tokens a sentence-opening frame ("After the NATO meeting,") may run.
const FRAME_LEN: usize = 8;

/// What one sentence of a passage says about itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sentence {
    /// Speaks of the future or of expectations ("will", "expected", "due").
    pub expects: bool,
    /// Judges an outcome, outside quotation marks ("failed", "impasse").
    pub verdict: bool,
    /// Reports speech ("said", or a quotation).
    pub speech: bool,
    /// Speaks in the future tense ("will", "due", "next").
    pub future: bool,
    /// When the sentence has dates: where the events they leave possible start in
    /// [`Passage::compatible`].
    pub compatible: Option<usize>,
    /// A sentence-opening frame that names an event: its token range.
    pub frame: Option<(usize, usize)>,
}

/// One passage as evidence: its words, dates, cues and sentences.
#[derive(Debug)]
pub(crate) struct Passage<'a> {
    pub text: &'a str,
    pub reading: &'a Reading,
    pub hits: &'a [CueHit],
    pub mentions: Vec<TimeMention>,
    pub sentences: Vec<Sentence>,
    /// Any sentence speaks of what is expected: the passage may anticipate an event.
    pub anticipates: bool,
    /// "the talks", "their meetings" outside quotations: (first token, noun, sentence).
    pub talk_refs: Vec<(usize, usize, u16)>,
    /// "a week of talks", "the series of negotiations": token range.
    pub gatherings: Vec<(usize, usize)>,
    /// For each dated sentence, one flag per event: whether its dates allow it.
    pub compatible: Vec<bool>,
}

/// The storage of a [`Passage`], kept from one passage to the next so reading a corpus
/// allocates little.
#[derive(Debug, Default)]
pub(crate) struct PassageBuffers {
    mentions: Vec<TimeMention>,
    sentences: Vec<Sentence>,
    talk_refs: Vec<(usize, usize, u16)>,
    gatherings: Vec<(usize, usize)>,
    compatible: Vec<bool>,
}

impl<'a> Passage<'a> {
    /// Reads the dates and sentence facts of a passage already split into words and
    /// matched against the cues, in the storage `buffers` (see [`Passage::recycle`]).
    pub fn new(
        model: &Model,
        text: &'a str,
        reading: &'a Reading,
        hits: &'a [CueHit],
        published: Date,
        anchor: Option<Date>,
        buffers: PassageBuffers,
    ) -> Passage<'a> {
        let PassageBuffers {
            mut mentions,
            mut sentences,
            mut talk_refs,
            mut gatherings,
            mut compatible,
        } = buffers;
        let n = reading.sentences as usize;
        sentences.clear();
        sentences.resize(n, Sentence::default());
        // Most passages have neither quotations nor any of these words: nothing to mark.
        let marks =
            reading.quoted > 0 || reading.classes & (EXPECT | VERDICT | SPEECH | FUTURE) != 0;
        let tokens = if marks { &reading.tokens[..] } else { &[] };
        // A sentence's words are together (sentence numbers never go down): gather
        // each sentence's classes, those outside quotation marks and whether any word
        // is quoted, then mark it once.
        let mark = |sentences: &mut [Sentence], s: u16, all: u64, unquoted: u64, quoted| {
            if let Some(x) = sentences.get_mut(s as usize) {
                x.speech |= quoted || all & SPEECH != 0;
                x.expects |= all & EXPECT != 0;
                x.verdict |= unquoted & VERDICT != 0;
                x.future |= all & FUTURE != 0;
            }
        };
        let (mut s, mut all, mut unquoted, mut quoted) = (0u16, 0u64, 0u64, false);
        for t in tokens {
            if t.sentence != s {
                mark(&mut sentences, s, all, unquoted, quoted);
                (s, all, unquoted, quoted) = (t.sentence, 0, 0, false);
            }
            all |= t.class;
            unquoted |= if t.quoted { 0 } else { t.class };
            quoted |= t.quoted;
        }
        mark(&mut sentences, s, all, unquoted, quoted);
        let future = |s: u16| sentences.get(s as usize).is_some_and(|x| x.future);
        read_dates(
            text,
            reading,
            &model.vocab,
            published,
            anchor,
            &future,
            &mut mentions,
        );
        for m in &mut mentions {
            reread_weekday(model, reading, hits, m);
            m.told = dates_the_telling(reading, m);
        }
        compatible.clear();
        let events = model.events.len();
        for m in mentions
            .iter()
            .filter(|m| m.precision != Precision::Year && !m.bound && !m.told)
        {
            let x = &mut sentences[m.sentence as usize];
            let at = *x.compatible.get_or_insert_with(|| {
                compatible.resize(compatible.len() + events, false);
                compatible.len() - events
            });
            for (e, ev) in model.events.iter().enumerate() {
                compatible[at + e] |= m.first <= ev.near_end && m.last >= ev.near_start;
            }
        }
        talk_refs.clear();
        gatherings.clear();
        let mut passage = Passage {
            text,
            reading,
            hits,
            mentions,
            sentences,
            anticipates: false,
            talk_refs,
            gatherings,
            compatible,
        };
        // Words of expectation, or a time still to come, speak of what is anticipated.
        passage.anticipates = passage.sentences.iter().any(|s| s.expects)
            || passage.mentions.iter().any(|m| m.first > published);
        passage.find_frames(model);
        passage.find_talk_words();
        passage
    }

    /// Gives back the storage, for the next passage.
    pub fn recycle(self) -> PassageBuffers {
        PassageBuffers {
            mentions: self.mentions,
            sentences: self.sentences,
            talk_refs: self.talk_refs,
            gatherings: self.gatherings,
            compatible: self.compatible,
        }
    }

    fn class(&self, i: usize) -> u64 {
        self.reading.tokens.get(i).map_or(0, |t| t.class)
    }

    /// A sentence that opens with "During", "After", "Ahead of"… and names an event
    /// before its first comma: the sentence reports what happened at that event.
    fn find_frames(&mut self, model: &Model) {
        if self.reading.classes & FRAME == 0 {
            return;
        }
        let kinds = model.events.iter().fold(TALKS, |c, e| c | e.class);
        let tokens = &self.reading.tokens;
        for (from, t) in tokens.iter().enumerate() {
            // Only the first word of a sentence opens a frame.
            if t.class & FRAME == 0 || (from > 0 && tokens[from - 1].sentence == t.sentence) {
                continue;
            }
            let s = t.sentence;
            let to = from
                + tokens[from..]
                    .iter()
                    .take_while(|x| x.sentence == s)
                    .count();
            let mut end = from + 1;
            while end < to
                && end - from < FRAME_LEN
                && !self
                    .reading
                    .gap(self.text, end - 1)
                    .contains([',', ';', ':'])
            {
                end += 1;
            }
            let names_event = (from + 1..end).any(|i| self.class(i) & kinds != 0)
                || self.hits.iter().any(|h| h.first >= from && h.first < end);
            if names_event {
                self.sentences[s as usize].frame = Some((from, end));
            }
        }
    }

    /// "the talks", "their scheduled meetings" (definite, outside quotations), and "a
    /// week of talks", "the latest round of negotiations" (gatherings of talks).
    fn find_talk_words(&mut self) {
        if self.reading.classes & (TALKS | GATHERING) == 0 {
            return;
        }
        let tokens = &self.reading.tokens;
        for (i, t) in tokens.iter().enumerate() {
            if t.class & (TALKS | GATHERING) == 0 {
                continue;
            }
            let same = |j: usize| tokens[j].sentence == t.sentence;
            let is = |j: usize, class: u64| same(j) && tokens[j].class & class != 0;
            if t.class & TALKS != 0 && !t.quoted {
                // Back from the noun, past at most two modifiers, to "the"/"their":
                // not across "of" ("the continuation of arms talks"), and not "new talks".
                let definite = (i.saturating_sub(3)..i)
                    .rev()
                    .take_while(|&j| same(j) && tokens[j].class & (NEW | OF) == 0)
                    .find(|&j| tokens[j].class & DEFINITE != 0);
                let fresh = (i.saturating_sub(3)..i).any(|j| is(j, NEW));
                if let (Some(d), false) = (definite, fresh) {
                    self.talk_refs.push((d, i, t.sentence));
                }
            }
            if t.class & GATHERING != 0 && i + 1 < tokens.len() && is(i + 1, OF) {
                let fresh = (i.saturating_sub(2)..i).any(|j| is(j, NEW));
                let end = (i + 2..(i + 5).min(tokens.len())).find(|&j| is(j, GATHERED));
                if let (Some(end), false) = (end, fresh) {
                    self.gatherings.push((i, end + 1));
                }
            }
        }
    }

    /// Whether sentence `s` leaves event `e` possible.
    pub fn allows(&self, s: u16, e: usize) -> bool {
        self.sentences
            .get(s as usize)
            .and_then(|x| x.compatible)
            .is_none_or(|at| self.compatible.get(at + e).copied().unwrap_or(true))
    }

    /// Whether a passage published on `published` may speak of event `e`: an event
    /// after publication only as something expected, or on its eve, when its people
    /// are arriving and its preliminaries under way.
    pub fn may_speak_of(&self, model: &Model, e: usize, published: Date) -> bool {
        let start = model.events[e].near_start;
        start <= published
            || (self.anticipates
                && published
                    .checked_add(ANTICIPATION_DAYS.days())
                    .is_ok_and(|horizon| start <= horizon))
    }

    /// [`Reading::back_in_clause`] in this passage.
    pub fn back_in_clause<'s>(
        &'s self,
        from: usize,
        reach: usize,
        joins: impl Fn(char, bool) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        self.reading.back_in_clause(self.text, from, reach, joins)
    }

    /// A token before `from`, at most `reach` words back in the same clause (no
    /// punctuation between), whose class meets `class`: "talks between the West and
    /// Russia in Geneva", "the talks that took place in Geneva". Spaces, hyphens,
    /// apostrophes ("Moscow’s") and an initial's full stop ("the U.S. in Geneva") do
    /// not end a clause.
    pub fn before_in_clause(&self, from: usize, reach: usize, class: u64) -> Option<usize> {
        let joins = |c: char, initial: bool| {
            c.is_whitespace() || matches!(c, '-' | '\'' | '’') || (c == '.' && initial)
        };
        self.back_in_clause(from, reach, joins)
            .find(|&j| self.class(j) & class != 0)
    }

    /// A token of the passage's sentence `s` within `window` of `[from, to)` whose
    /// class meets `class`.
    pub fn near(&self, from: usize, to: usize, window: usize, class: u64) -> Option<usize> {
        let s = self.reading.tokens.get(from)?.sentence;
        let lo = from.saturating_sub(window);
        let hi = (to + window).min(self.reading.tokens.len());
        (lo..hi)
            .filter(|&j| (j < from || j >= to) && self.reading.tokens[j].sentence == s)
            .find(|&j| self.class(j) & class != 0)
    }
}

/// How far ahead of publication a report may look by its cues alone: a meeting is
/// announced and previewed weeks or a few months before it, not years (a 2016 report of
/// a council that "will" meet again is not about the one of 2022). A date that names
/// the day is weighed on its own and reaches as far as it says.
const ANTICIPATION_DAYS: i64 = 120;

/// How many words before a date a speech verb still dates the telling by it: "told
/// TASS earlier on Sunday".
const TOLD_REACH: usize = 4;

/// Whether mention `m` says when something was said rather than when what was said
/// happened: a speech verb, outside quotation marks, at most [`TOLD_REACH`] words before
/// it in its sentence ("Grushko told TASS on Sunday that…", "said on Wednesday").
fn dates_the_telling(reading: &Reading, m: &TimeMention) -> bool {
    let t = &reading.tokens;
    (m.from.saturating_sub(TOLD_REACH)..m.from)
        .any(|j| t[j].class & SPEECH != 0 && !t[j].quoted && t[j].sentence == m.sentence)
}

/// Reads a bare weekday the other way (the coming one for the last, or the last for the
/// coming one after an infinitive) when an event the sentence names by a cue of its own
/// falls on that day and none on the day first read.
fn reread_weekday(model: &Model, reading: &Reading, hits: &[CueHit], m: &mut TimeMention) {
    let Some(other) = m.other else {
        return;
    };
    // Only the hits of the mention's sentence: hits are in token order.
    let (from, to) = reading.sentence_range(m.sentence);
    let hits = &hits[hits.partition_point(|h| h.first < from)..];
    let hits = &hits[..hits.partition_point(|h| h.first < to)];
    let named = |day: Date| {
        hits.iter().any(|h| {
            reading.tokens[h.first].sentence == m.sentence
                && model.cues.cues[h.cue].events.iter().any(|&(e, k)| {
                    let ev = &model.events[e];
                    k != CueKind::Common && ev.start <= day && day <= ev.end
                })
        })
    };
    if named(other) && !named(m.first) {
        m.other = Some(m.first);
        m.first = other;
        m.last = other;
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::read;
    use super::*;

    /// A weekday after an infinitive of intent is the coming one, unless the sentence
    /// names an event of the last one by a cue of its own: "diplomats were set to meet
    /// their counterparts in Geneva on Monday", the day after the round, is that round.
    #[test]
    fn a_weekday_after_an_infinitive_is_read_back_for_an_event_named() {
        use jiff::civil::date;
        let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
        let timeline = corpus.timeline.as_ref().expect("bundled timeline");
        let model = crate::align::Aligner::new(timeline).model;
        let first_day = |text: &str, published| {
            let mut reading = Reading::default();
            read(text, &model.vocab, &mut reading);
            let mut hits = Vec::new();
            model.cues.find(&reading.tokens, &mut hits);
            let p = Passage::new(
                &model,
                text,
                &reading,
                &hits,
                published,
                None,
                PassageBuffers::default(),
            );
            p.mentions.first().map(|m| m.first)
        };
        let (tue11, tue18) = (date(2022, 1, 11), date(2022, 1, 18));
        assert_eq!(
            first_day(
                "Diplomats were set to meet their Russian counterparts in Geneva on Monday.",
                tue11
            ),
            Some(date(2022, 1, 10))
        );
        assert_eq!(
            first_day("Diplomats are preparing to meet in Kyiv on Monday.", tue11),
            Some(date(2022, 1, 17))
        );
        assert_eq!(
            first_day(
                "Blinken was preparing to fly to Kyiv for talks on Wednesday.",
                tue18
            ),
            Some(date(2022, 1, 19))
        );
    }

    /// Each sentence's marks, gathered a sentence at a time, are what marking word by
    /// word gives, on every passage of the bundled corpus and on quoted, unquoted and
    /// mixed sentences.
    #[test]
    fn sentence_marks_are_those_of_their_words() {
        let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
        let timeline = corpus.timeline.as_ref().expect("bundled timeline");
        let model = crate::align::Aligner::new(timeline).model;
        let written = [
            "“It will fail,” he said. The talks failed. Nothing here.",
            "The talks failed, “as expected”. He will go. “Said and done.”",
            "",
        ];
        let texts = corpus
            .articles
            .iter()
            .flat_map(|a| a.passages().map(|b| b.text.as_str()))
            .chain(written);
        let mut reading = Reading::default();
        let mut checked = 0;
        for text in texts {
            read(text, &model.vocab, &mut reading);
            let p = Passage::new(
                &model,
                text,
                &reading,
                &[],
                jiff::civil::date(2022, 1, 14),
                None,
                PassageBuffers::default(),
            );
            let mut want = vec![(false, false, false, false); reading.sentences as usize];
            for t in &reading.tokens {
                let w = &mut want[t.sentence as usize];
                w.0 |= t.class & EXPECT != 0;
                w.1 |= t.class & VERDICT != 0 && !t.quoted;
                w.2 |= t.quoted || t.class & SPEECH != 0;
                w.3 |= t.class & FUTURE != 0;
            }
            let got: Vec<_> = p
                .sentences
                .iter()
                .map(|s| (s.expects, s.verdict, s.speech, s.future))
                .collect();
            assert_eq!(got, want, "{text}");
            checked += usize::from(want.iter().any(|w| w.1 || w.2));
        }
        assert!(checked > 20, "{checked}");
    }
}
