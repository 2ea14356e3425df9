//! Reading dates and weekdays in the forms news texts use — "January 10", "Jan. 10",
//! "10 January", "13–14 January", "December 17, 2021", "mid-January", "in the summer",
//! "this week", "on Friday", "three days ago" — each resolved to days of the calendar against the
//! article's publication date.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::lexicon::{
    AGO, DATE_WORDS, DAY_NOUN, DAY_PART, DAY_WORD, DEFINITE, FRAME, FUTURE, INDEFINITE, INTENT,
    KINDS, LAST, MONTH, MONTH_NOUN, MONTH_WORD, NEXT, OF, OPENER, PART, PRONOUN, SEASON, TALKS,
    THIS, WEEK, WEEKDAY, YEAR,
};
use super::words::{Reading, Vocabulary};

/// How many words before a weekday an infinitive still governs it ("was preparing to
/// fly to Kyiv for talks on Wednesday").
const INTENT_REACH: usize = 10;

/// How far back "recent days" and "the past few days" reach from publication.
const RECENT_DAYS: i64 = 7;

/// How exactly a mention pins down its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    /// A calendar day: "January 10", "10 January 2022".
    Day,
    /// A run of days: "13–14 January".
    Days,
    /// A day named relative to publication: "on Friday", "yesterday".
    Relative,
    /// A week: "this week", "last week".
    Week,
    /// Part of a month: "mid-January", "late December".
    PartOfMonth,
    /// A month: "in December", "June 2021".
    Month,
    /// A season: "in the summer".
    Season,
    /// A year: "in 2019", "this year".
    Year,
}

/// A date mention of a passage: the days it names and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeMention {
    /// First day named.
    pub first: Date,
    /// Last day named (the same as `first` for a single day).
    pub last: Date,
    /// How exactly.
    pub precision: Precision,
    /// Token range `[from, to)` of the words that say it.
    pub from: usize,
    pub to: usize,
    /// Sentence of the passage.
    pub sentence: u16,
    /// For a bare weekday read backwards, the coming one instead: "said the council on
    /// Wednesday would be a test" is read forwards when the event the sentence names
    /// falls on that day.
    pub other: Option<Date>,
    /// It bounds a stretch of time running up to now rather than saying when the
    /// passage is: in a clause after "since" ("since they met in Geneva in June"), or
    /// "the past month". It still names what happened then, but rules no event out and
    /// is no sign of background.
    pub bound: bool,
    /// It dates the telling, not what is told: a speech verb just before it ("told
    /// TASS on Sunday that the council's date was being looked at"). It rules no event
    /// out and is no sign of background.
    pub told: bool,
}

/// How far after publication an undated "December 4" or "in March" may lie: an article
/// speaks of the recent past or the near future, further when it speaks in the future
/// tense.
const AHEAD_DAYS: i32 = 45;
const AHEAD_DAYS_FUTURE: i32 = 180;

/// Reads every date mention of a passage into `out`. `future(s)` says whether sentence
/// `s` speaks of the future (which turns "on Monday" forwards). `anchor` is the day of
/// the event the article is telling when the passage begins, if it knows one: "the
/// next day" and "two days later" count from it, or from the last day the passage has
/// named before them ("Wednesday will see NATO meet. A day later, the OSCE…").
pub(crate) fn read_dates(
    text: &str,
    reading: &Reading,
    vocab: &Vocabulary,
    published: Date,
    anchor: Option<Date>,
    future: &dyn Fn(u16) -> bool,
    out: &mut Vec<TimeMention>,
) {
    out.clear();
    let mut scanner = Scanner {
        text,
        reading,
        vocab,
        published,
        anchor,
        future,
    };
    let mut i = 0;
    while i < reading.tokens.len() {
        let t = &reading.tokens[i];
        // Most words have nothing to do with time: skip them at a glance (but not an
        // ordinal, "the 12th").
        let digit = text
            .as_bytes()
            .get(t.start as usize)
            .is_some_and(u8::is_ascii_digit);
        if t.class & DATE_WORDS == 0 && t.number.is_none() && !digit {
            i += 1;
            continue;
        }
        match scanner.mention_at(i) {
            Some(m) => {
                i = m.to.max(i + 1);
                // "The first since 2019", "ever since June": a date after "since" bounds
                // a stretch of time that runs to the present; the passage is not about
                // that day, so it is neither evidence nor a sign of background.
                let since_at = |reach: usize| {
                    (m.from.saturating_sub(reach)..m.from).any(|j| {
                        scanner.raw(j).eq_ignore_ascii_case("since")
                            && reading.tokens[j].sentence == m.sentence
                    })
                };
                if !since_at(2) {
                    // "The past month" is a stretch running up to now, like a
                    // "since": what it holds for, not when the passage is.
                    let past = scanner.raw(m.from).eq_ignore_ascii_case("past");
                    let bound = past || since_at(SINCE_CLAUSE);
                    // A day named is what "a day later" counts from next.
                    if !bound
                        && m.first == m.last
                        && matches!(m.precision, Precision::Day | Precision::Relative)
                    {
                        scanner.anchor = Some(m.first);
                    }
                    out.push(TimeMention { bound, ..m });
                }
            }
            None => i += 1,
        }
    }
}

/// How many words before a date a "since" still governs it, as the clause it opens
/// ("since they met in Geneva in June").
const SINCE_CLAUSE: usize = 6;

struct Scanner<'a> {
    text: &'a str,
    reading: &'a Reading,
    vocab: &'a Vocabulary,
    published: Date,
    anchor: Option<Date>,
    future: &'a dyn Fn(u16) -> bool,
}

impl Scanner<'_> {
    fn class(&self, i: usize) -> u64 {
        self.reading.tokens.get(i).map_or(0, |t| t.class)
    }

    fn raw(&self, i: usize) -> &str {
        self.reading.tokens.get(i).map_or("", |t| t.raw(self.text))
    }

    fn gap(&self, i: usize) -> &str {
        self.reading.gap(self.text, i).trim()
    }

    /// A day of the month at token `i`: "10", or "10th".
    fn day(&self, i: usize) -> Option<i8> {
        let raw = self.raw(i);
        let digits = raw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &raw[digits.len()..];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !suffix.is_empty() && !["st", "nd", "rd", "th"].contains(&suffix) {
            return None;
        }
        digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
    }

    /// A year at token `i`: 1900–2100.
    fn year(&self, i: usize) -> Option<i16> {
        let n = self.reading.tokens.get(i)?.number?;
        (1900..=2100).contains(&n).then_some(n as i16)
    }

    fn future(&self, i: usize) -> bool {
        self.reading
            .tokens
            .get(i)
            .is_some_and(|t| (self.future)(t.sentence))
    }

    /// Whether the future tense governs token `i`: a word of the future in its own
    /// clause, or, for an opening clause that only gives the time ("On Monday, the
    /// delegations will meet"), in the clause after it. A "will" elsewhere in the sentence belongs to
    /// another verb: "after Geneva on Monday, have you seen any sign that Russia will
    /// pull back" asks about the Monday just past.
    fn future_governs(&self, i: usize) -> bool {
        if !self.future(i) {
            return false;
        }
        let tokens = &self.reading.tokens;
        let (from, to) = self.reading.sentence_range(tokens[i].sentence);
        let breaks = |gap: &str| gap.contains([',', ';', ':', '?', '(', ')', '—', '–']);
        let mut clause = 0usize;
        let mut clauses = Vec::with_capacity(to - from);
        for j in from..to {
            clauses.push(clause);
            if breaks(self.reading.gap(self.text, j)) {
                clause += 1;
            }
        }
        let own = clauses[i - from];
        // An opening clause that is only the time ("On Monday,", "Early on Monday,")
        // belongs to the verb after it.
        let opening_time = own == 0 && clauses.iter().take_while(|&&c| c == 0).count() <= 3;
        (from..to).any(|j| {
            let c = clauses[j - from];
            tokens[j].class & FUTURE != 0 && (c == own || (opening_time && c == 1))
        })
    }

    /// Whether an infinitive of intent governs token `i`: a word that sets out what
    /// someone means to do ("preparing", "plans", "set", "hopes", "is"), or in a
    /// headline a name ("Blinken, Lavrov to meet in Geneva on Friday"), then "to" and a
    /// verb, earlier in the weekday's clause with only words between ("Blinken was
    /// preparing to fly to Kyiv for talks on Wednesday"). What someone sets out to do
    /// lies after the time they set out, so a bare weekday there is the coming one.
    /// After any other word "to" may be a preposition or follow a past ("spoke to
    /// reporters", "declined to comment on Wednesday"), and before a name, an article,
    /// a pronoun, a date or "talks" it is one ("to Kyiv", "to the talks"). A hyphen ends
    /// the clause: "face-to-face" is no infinitive.
    fn intent_governs(&self, i: usize) -> bool {
        let tokens = &self.reading.tokens;
        // "to meet", "to talk" are verbs; "to talks" is a noun.
        let verb = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                let plural = t.raw(self.text).ends_with('s');
                !t.capital
                    && t.number.is_none()
                    && t.class & (OPENER | PRONOUN | DEFINITE | INDEFINITE | DATE_WORDS) == 0
                    && !(plural && t.class & (KINDS | TALKS) != 0)
            })
        };
        let intent = |k: usize| tokens[k].class & INTENT != 0 || tokens[k].capital;
        let joins = |c: char, _| c.is_whitespace() || matches!(c, '\'' | '\u{2019}');
        self.reading
            .back_in_clause(self.text, i, INTENT_REACH, joins)
            .any(|j| {
                j > 0
                    && j + 1 < i
                    && self.raw(j).eq_ignore_ascii_case("to")
                    && verb(j + 1)
                    && intent(j - 1)
                    && self
                        .reading
                        .gap(self.text, j - 1)
                        .chars()
                        .all(char::is_whitespace)
            })
    }

    fn mention(
        &self,
        first: Date,
        last: Date,
        precision: Precision,
        from: usize,
        to: usize,
    ) -> TimeMention {
        TimeMention {
            first,
            last,
            precision,
            from,
            to,
            sentence: self.reading.tokens.get(from).map_or(0, |t| t.sentence),
            other: None,
            bound: false,
            told: false,
        }
    }

    fn mention_at(&self, i: usize) -> Option<TimeMention> {
        let class = self.class(i);
        let capital = self.reading.tokens.get(i).is_some_and(|t| t.capital);
        if class & MONTH != 0 && (capital || class & MONTH_WORD == 0) {
            return self.month_at(i);
        }
        if class & WEEKDAY != 0 && capital {
            return self.weekday_at(i);
        }
        if class & DAY_WORD != 0 {
            let offset = i64::from(self.vocab.info(self.reading.tokens[i].word).value) - 2;
            let day = self.published.checked_add(offset.days()).ok()?;
            return Some(self.mention(day, day, Precision::Relative, i, i + 1));
        }
        if class & DAY_PART != 0 && i > 0 {
            // "this morning" is the day of publication; "last night" the one before.
            let prev = self.class(i - 1);
            let offset: i64 = if prev & THIS != 0 {
                0
            } else if prev & LAST != 0 {
                -1
            } else {
                return None;
            };
            let day = self.published.checked_add(offset.days()).ok()?;
            return Some(self.mention(day, day, Precision::Relative, i - 1, i + 1));
        }
        if class & AGO != 0 {
            return self.ago_at(i);
        }
        if class & DAY_NOUN != 0 {
            return self.day_counted_at(i);
        }
        if class & WEEK != 0 {
            return self.week_at(i);
        }
        if class & MONTH_NOUN != 0 {
            return self.month_noun_at(i);
        }
        if class & SEASON != 0 {
            return self.season_at(i);
        }
        if class & YEAR != 0 && i > 0 {
            let y = self.published.year();
            let prev = self.class(i - 1);
            let year = if prev & THIS != 0 {
                y
            } else if prev & LAST != 0 {
                y - 1
            } else if prev & NEXT != 0 {
                y + 1
            } else {
                return None;
            };
            return self.year_mention(year, i - 1, i + 1);
        }
        if let Some(y) = self.year(i) {
            return self.year_mention(y, i, i + 1);
        }
        self.ordinal_at(i)
    }

    /// "three days ago", "two weeks ago", "a month ago", counted back from publication
    /// (`i` is "ago"). Days are exact; a week or more ago is a stretch around the day
    /// counted back, as loosely as people count it.
    fn ago_at(&self, i: usize) -> Option<TimeMention> {
        if !self.one_phrase(i.checked_sub(2)?, i + 1) {
            return None;
        }
        let unit = self.raw(i.checked_sub(1)?).to_ascii_lowercase();
        let n = self.count_at(i.checked_sub(2)?, 400)?;
        let p = self.published;
        let around = |back: jiff::Span, slack: i64| -> Option<(Date, Date)> {
            let at = p.checked_sub(back).ok()?;
            Some((
                at.checked_sub(slack.days()).ok()?,
                at.checked_add(slack.days()).ok()?.min(p),
            ))
        };
        let ((first, last), precision) = match unit.trim_end_matches('s') {
            "day" => (around(n.days(), 0)?, Precision::Relative),
            "week" => (around((7 * n).days(), 3)?, Precision::Week),
            "month" => (around(n.months(), 15)?, Precision::Month),
            "year" => (around(n.years(), 182)?, Precision::Year),
            _ => return None,
        };
        Some(self.mention(first, last, precision, i - 2, i + 1))
    }

    /// "the next day", "the day after", "two days later" (`i` is "day" or "days"):
    /// counted on from the day of the event being told, if the article has told one.
    /// A count back ("two days earlier", "the day before") is most often a look back
    /// in passing ("Sherman, who had led the team in Geneva two days earlier, …"),
    /// which the cues read better; it is not read here.
    fn day_counted_at(&self, i: usize) -> Option<TimeMention> {
        let word = |j: usize| self.raw(j).to_ascii_lowercase();
        let singular = word(i) == "day";
        if let Some(recent) = self.recent_days_at(i) {
            return Some(recent);
        }
        let (offset, from, to): (i64, usize, usize) = if singular
            && i >= 2
            && self.class(i - 2) & DEFINITE != 0
            && matches!(word(i - 1).as_str(), "next" | "following")
        {
            (1, i - 2, i + 1)
        } else {
            let the = i > 0 && self.class(i - 1) & DEFINITE != 0;
            let count = if the {
                1
            } else {
                self.count_at(i.checked_sub(1)?, 7)?
            };
            // "Two days later", but not "two days later than planned"; "the day
            // after." or "the day after, …", but not "the day after the talks" or "a
            // day after they arrived", which count from what they name.
            let ends = |j: usize| {
                self.reading
                    .tokens
                    .get(j)
                    .is_none_or(|t| t.sentence != self.reading.tokens[i].sentence)
                    || !self.gap(j - 1).is_empty()
            };
            let open = match word(i + 1).as_str() {
                "later" => !word(i + 2).eq("than") || !self.gap(i + 1).is_empty(),
                "after" => count == 1 && singular && ends(i + 2),
                _ => false,
            };
            if !open || (count == 1) != singular {
                return None;
            }
            (count, i - 1, i + 2)
        };
        if !self.one_phrase(from, to) {
            return None;
        }
        // As exact as a date on the calendar, once the day counted from is known.
        let day = self.anchor?.checked_add(offset.days()).ok()?;
        Some(self.mention(day, day, Precision::Day, from, to))
    }

    /// "in recent days", "over the past few days", "the last several days" (`i` is
    /// "days"): the week before publication, up to its day.
    fn recent_days_at(&self, i: usize) -> Option<TimeMention> {
        let word = |j: usize| self.raw(j).to_ascii_lowercase();
        if word(i) != "days" {
            return None;
        }
        let before = i.checked_sub(1)?;
        // "past" and "last" count back from publication; "the previous few days" from
        // the story being told.
        let from = match word(before).as_str() {
            "recent" => before,
            "few" | "several"
                if matches!(word(before.checked_sub(1)?).as_str(), "past" | "last") =>
            {
                before - 1
            }
            _ => return None,
        };
        // "The last few days of December", "the past few days before the summit": a
        // stretch counted from something else.
        let counted_from = matches!(word(i + 1).as_str(), "of" | "before" | "until" | "ahead")
            && self.one_phrase(i, i + 2);
        if counted_from || !self.one_phrase(from, i + 1) {
            return None;
        }
        let p = self.published;
        let first = p.checked_sub(RECENT_DAYS.days()).ok()?;
        Some(self.mention(first, p, Precision::Week, from, i + 1))
    }

    /// Whether tokens `[from, to)` are one phrase: in one sentence, with nothing but
    /// spaces between them ("two days. Later" is not "two days later").
    fn one_phrase(&self, from: usize, to: usize) -> bool {
        let tokens = &self.reading.tokens;
        to <= tokens.len()
            && (from..to).all(|j| tokens[j].sentence == tokens[from].sentence)
            && (from..to.saturating_sub(1)).all(|j| self.gap(j).is_empty())
    }

    /// A count at token `j`, from 1 to `max`: "two", "2", or "a" for one.
    fn count_at(&self, j: usize, max: i64) -> Option<i64> {
        const WORDS: [&str; 12] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        let w = self.raw(j).to_ascii_lowercase();
        let n = match w.as_str() {
            "a" | "an" => 1,
            _ => match WORDS.iter().position(|x| *x == w) {
                Some(k) => k as i64 + 1,
                None => w.parse().ok()?,
            },
        };
        (1..=max).contains(&n).then_some(n)
    }

    /// "on the 12th": a day of the month named alone, the last one before publication
    /// (the next one in the future tense). A month beside it is read by `month_at`.
    fn ordinal_at(&self, i: usize) -> Option<TimeMention> {
        let raw = self.raw(i);
        if !raw.ends_with(|c: char| c.is_ascii_alphabetic()) || i == 0 {
            return None;
        }
        let d = self.day(i)?;
        let the = self.class(i - 1) & DEFINITE != 0;
        let month_near = |j: usize| self.class(j) & (MONTH | OF) != 0;
        if !the || month_near(i + 1) {
            return None;
        }
        let p = self.published;
        let this = Date::new(p.year(), p.month(), d).ok();
        let day = if self.future_governs(i) {
            match this.filter(|x| *x >= p) {
                Some(x) => x,
                None => p
                    .first_of_month()
                    .checked_add(1.month())
                    .ok()?
                    .with()
                    .day(d)
                    .build()
                    .ok()?,
            }
        } else {
            match this.filter(|x| *x <= p) {
                Some(x) => x,
                None => p
                    .first_of_month()
                    .checked_sub(1.month())
                    .ok()?
                    .with()
                    .day(d)
                    .build()
                    .ok()?,
            }
        };
        Some(self.mention(day, day, Precision::Day, i - 1, i + 1))
    }

    fn year_mention(&self, year: i16, from: usize, to: usize) -> Option<TimeMention> {
        let first = Date::new(year, 1, 1).ok()?;
        let last = Date::new(year, 12, 31).ok()?;
        Some(self.mention(first, last, Precision::Year, from, to))
    }

    /// The year after a date, "…, 2021" or "… 2021", if there is one at token `i`.
    fn year_after(&self, i: usize) -> Option<i16> {
        let gap = self.gap(i.checked_sub(1)?);
        (gap.is_empty() || gap == ",")
            .then(|| self.year(i))
            .flatten()
    }

    /// The latest of last year's, this year's and next year's `make(year)` that is not too
    /// far after publication.
    fn infer(&self, i: usize, make: impl Fn(i16) -> Option<Date>) -> Option<Date> {
        let ahead = if self.future(i) {
            AHEAD_DAYS_FUTURE
        } else {
            AHEAD_DAYS
        };
        let limit = self.published.checked_add(ahead.days()).ok()?;
        let y = self.published.year();
        [y + 1, y, y - 1]
            .into_iter()
            .filter_map(&make)
            .find(|d| *d <= limit)
    }

    fn month_at(&self, i: usize) -> Option<TimeMention> {
        let month = self.vocab.info(self.reading.tokens[i].word).value as i8;
        // "January 10", "Jan. 10", "January 13-14", "December 17, 2021".
        if let Some(d) = self.day(i + 1).filter(|_| matches!(self.gap(i), "" | ".")) {
            let mut to = i + 2;
            let mut last_day = d;
            if let Some(e) = self
                .day(i + 2)
                .filter(|e| *e > d && is_dash(self.gap(i + 1)))
            {
                last_day = e;
                to = i + 3;
            }
            return self.days(month, d, last_day, i, to);
        }
        // "10 January", "13–14 January 2022".
        if let Some(d) = i
            .checked_sub(1)
            .and_then(|p| self.day(p))
            .filter(|_| self.gap(i - 1).is_empty())
        {
            let mut from = i - 1;
            let mut first_day = d;
            if let Some(c) = i
                .checked_sub(2)
                .and_then(|p| self.day(p))
                .filter(|c| *c < d && is_dash(self.gap(i - 2)))
            {
                first_day = c;
                from = i - 2;
            }
            return self.days(month, first_day, d, from, i + 1);
        }
        // A month alone, perhaps with its part or its year: "mid-January", "June 2021".
        let year = self.year_after(i + 1);
        let opens_sentence =
            i == 0 || self.reading.tokens[i - 1].sentence != self.reading.tokens[i].sentence;
        if self.class(i) & MONTH_WORD != 0 && year.is_none() && opens_sentence {
            // "May I …", "March on": a month only when it cannot be the verb.
            return None;
        }
        let (part, from) = match i.checked_sub(1).map(|p| self.class(p)) {
            Some(c) if c & PART != 0 => (
                self.vocab.info(self.reading.tokens[i - 1].word).value,
                i - 1,
            ),
            Some(c) if c & OF != 0 && i >= 2 && self.class(i - 2) & PART != 0 => (
                self.vocab.info(self.reading.tokens[i - 2].word).value,
                i - 2,
            ),
            _ => (0, i),
        };
        let first = match year {
            Some(y) => Date::new(y, month, 1).ok()?,
            None => self.infer(i, |y| Date::new(y, month, 1).ok())?,
        };
        let to = if year.is_some() { i + 2 } else { i + 1 };
        let end = first.last_of_month();
        let (a, b, precision) = match part {
            1 => (
                first,
                Date::new(first.year(), month, 10).ok()?,
                Precision::PartOfMonth,
            ),
            2 => (
                Date::new(first.year(), month, 10).ok()?,
                Date::new(first.year(), month, 20).ok()?,
                Precision::PartOfMonth,
            ),
            3 => (
                Date::new(first.year(), month, 20).ok()?,
                end,
                Precision::PartOfMonth,
            ),
            _ => (first, end, Precision::Month),
        };
        Some(self.mention(a, b, precision, from, to))
    }

    /// Days `d`–`e` of `month`, with the year written after token `to - 1` or inferred.
    fn days(&self, month: i8, d: i8, e: i8, from: usize, to: usize) -> Option<TimeMention> {
        let (year, to) = match self.year_after(to) {
            Some(y) => (Some(y), to + 1),
            None => (None, to),
        };
        let first = match year {
            Some(y) => Date::new(y, month, d).ok()?,
            None => self.infer(from, |y| Date::new(y, month, d).ok())?,
        };
        let last = Date::new(first.year(), month, e).ok()?;
        let precision = if d == e {
            Precision::Day
        } else {
            Precision::Days
        };
        Some(self.mention(first, last, precision, from, to))
    }

    /// "on Friday": the most recent Friday on or before publication, unless the sentence
    /// speaks of the future (or says "next"), or an infinitive of intent governs it (then
    /// the coming one, with the last as the other reading); "last Friday" is strictly
    /// before.
    fn weekday_at(&self, i: usize) -> Option<TimeMention> {
        let value = self.vocab.info(self.reading.tokens[i].word).value;
        let weekday = Weekday::from_monday_one_offset(value as i8).ok()?;
        let p = self.published;
        let prev = i.checked_sub(1).map_or(0, |j| self.class(j));
        let from = if prev & (LAST | NEXT | THIS) != 0 {
            i - 1
        } else {
            i
        };
        let same = p.weekday() == weekday;
        let last = p.nth_weekday(-1, weekday).ok()?;
        let next = p.nth_weekday(1, weekday).ok()?;
        let (day, other) = if prev & LAST != 0 {
            (last, None)
        } else if prev & NEXT != 0 {
            (next, None)
        } else if same {
            (p, None)
        } else if self.future_governs(i) {
            // The future tense is said outright: no other reading.
            (next, None)
        } else if self.intent_governs(i) {
            // Ahead, unless the sentence names an event of the last one
            // (`passage::reread_weekday`).
            (next, Some(last))
        } else {
            (last, Some(next))
        };
        let mut m = self.mention(day, day, Precision::Relative, from, i + 1);
        m.other = other;
        Some(m)
    }

    /// "last month", "this month", "next month".
    fn month_noun_at(&self, i: usize) -> Option<TimeMention> {
        let prev_i = i.checked_sub(1)?;
        let prev = self.class(prev_i);
        let this = self.published.first_of_month();
        let first = if prev & LAST != 0 {
            this.checked_sub(1.month()).ok()?
        } else if prev & NEXT != 0 {
            this.checked_add(1.month()).ok()?
        } else if prev & THIS != 0 {
            this
        } else {
            return None;
        };
        Some(self.mention(
            first,
            first.last_of_month(),
            Precision::Month,
            prev_i,
            i + 1,
        ))
    }

    /// "this week", "last week", "the week" (of publication); not "a week of talks".
    fn week_at(&self, i: usize) -> Option<TimeMention> {
        let prev_i = i.checked_sub(1)?;
        let prev = self.class(prev_i);
        let p = self.published;
        let monday = if p.weekday() == Weekday::Monday {
            p
        } else {
            p.nth_weekday(-1, Weekday::Monday).ok()?
        };
        let (first, last) = if self.raw(prev_i).eq_ignore_ascii_case("past") {
            (p.checked_sub(6.days()).ok()?, p)
        } else if prev & LAST != 0 {
            // At a weekend, "last week" may be the working week just ended as well as
            // the one before: take both.
            let weekend = matches!(p.weekday(), Weekday::Saturday | Weekday::Sunday);
            let last = if weekend {
                p
            } else {
                monday.checked_sub(1.days()).ok()?
            };
            (monday.checked_sub(7.days()).ok()?, last)
        } else if self.raw(prev_i).eq_ignore_ascii_case("coming") {
            // "The coming week" is the seven days ahead, from the day of writing: on a
            // Sunday or a Monday, the week that begins; "next week" is the one after.
            (p, p.checked_add(7.days()).ok()?)
        } else if prev & NEXT != 0 {
            (
                monday.checked_add(7.days()).ok()?,
                monday.checked_add(13.days()).ok()?,
            )
        } else if prev & THIS != 0 || self.deictic_the(i) {
            (monday, monday.checked_add(6.days()).ok()?)
        } else {
            return None;
        };
        Some(self.mention(first, last, Precision::Week, prev_i, i + 1))
    }

    /// "the week" as news uses it: the week being reported. Not "the week of …", "the
    /// week before …".
    fn deictic_the(&self, i: usize) -> bool {
        let prev_is_the = i > 0 && self.raw(i - 1).eq_ignore_ascii_case("the");
        let before = if i >= 2 { self.class(i - 2) } else { 0 };
        let next = self.class(i + 1);
        let next_raw = self.raw(i + 1);
        prev_is_the
            && before & INDEFINITE == 0
            && next & (OF | FRAME) == 0
            && !["when", "that", "to", "in"]
                .iter()
                .any(|w| next_raw.eq_ignore_ascii_case(w))
    }

    /// "in the summer", "last summer", "summer 2021"; a bare "fall" is a verb.
    fn season_at(&self, i: usize) -> Option<TimeMention> {
        let season = self.vocab.info(self.reading.tokens[i].word).value;
        let prev = i.checked_sub(1).map_or(0, |j| self.class(j));
        let year = self.year_after(i + 1).or_else(|| {
            (self.class(i + 1) & OF != 0)
                .then(|| self.year(i + 2))
                .flatten()
        });
        if prev & (DEFINITE | THIS | LAST | NEXT) == 0 && year.is_none() {
            return None;
        }
        let range = |y: i16| -> Option<(Date, Date)> {
            let (a, b) = match season {
                1 => (Date::new(y, 3, 1).ok()?, Date::new(y, 5, 31).ok()?),
                2 => (Date::new(y, 6, 1).ok()?, Date::new(y, 8, 31).ok()?),
                3 => (Date::new(y, 9, 1).ok()?, Date::new(y, 11, 30).ok()?),
                _ => (
                    Date::new(y, 12, 1).ok()?,
                    Date::new(y + 1, 2, 1).ok()?.last_of_month(),
                ),
            };
            Some((a, b))
        };
        let p = self.published;
        let y = p.year();
        let candidates = [y - 2, y - 1, y, y + 1].map(range);
        let (first, last) = if let Some(year) = year {
            range(year)?
        } else if prev & LAST != 0 {
            candidates.into_iter().flatten().rfind(|(_, b)| *b < p)?
        } else if prev & NEXT != 0 {
            candidates.into_iter().flatten().find(|(a, _)| *a > p)?
        } else if let Some(now) = candidates
            .into_iter()
            .flatten()
            .find(|(a, b)| *a <= p && p <= *b)
        {
            now
        } else {
            let first = self.infer(i, |y| range(y).map(|r| r.0))?;
            candidates
                .into_iter()
                .flatten()
                .find(|(a, _)| *a == first)?
        };
        let from = if prev & (THIS | LAST | NEXT) != 0 {
            i - 1
        } else {
            i
        };
        let to = match year {
            Some(_) if self.class(i + 1) & OF != 0 => i + 3,
            Some(_) => i + 2,
            None => i + 1,
        };
        Some(self.mention(first, last, Precision::Season, from, to))
    }
}

fn is_dash(gap: &str) -> bool {
    matches!(gap, "-" | "–" | "—" | "‒")
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::super::lexicon;
    use super::super::words::read;
    use super::*;

    /// (text of the mention, first day, last day, precision) for every mention.
    fn dates_in(text: &str, published: Date) -> Vec<(String, Date, Date, Precision)> {
        dates_from(text, published, None)
    }

    /// [`dates_in`] in an article telling, when the passage begins, an event of day
    /// `anchor`.
    fn dates_from(
        text: &str,
        published: Date,
        anchor: Option<Date>,
    ) -> Vec<(String, Date, Date, Precision)> {
        let mut vocab = Vocabulary::default();
        lexicon::install(&mut vocab);
        let mut reading = Reading::default();
        read(text, &vocab, &mut reading);
        let future = |s: u16| {
            reading
                .tokens
                .iter()
                .any(|t| t.sentence == s && t.class & lexicon::FUTURE != 0)
        };
        let mut out = Vec::new();
        read_dates(text, &reading, &vocab, published, anchor, &future, &mut out);
        out.into_iter()
            .map(|m| {
                (
                    reading.span(text, m.from, m.to).to_string(),
                    m.first,
                    m.last,
                    m.precision,
                )
            })
            .collect()
    }

    fn one(text: &str, published: Date) -> (Date, Date, Precision) {
        let all = dates_in(text, published);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        (all[0].1, all[0].2, all[0].3)
    }

    const JAN14: Date = date(2022, 1, 14); // a Friday

    #[test]
    fn a_date_counted_back_from_publication() {
        assert_eq!(
            one("They met three days ago", JAN14),
            (date(2022, 1, 11), date(2022, 1, 11), Precision::Relative)
        );
        assert_eq!(one("a day ago", JAN14).0, date(2022, 1, 13));
        // Two weeks before 24 January is the week of the talks, loosely.
        let (first, last, precision) = one("met two weeks ago", date(2022, 1, 24));
        assert_eq!((first, last), (date(2022, 1, 7), date(2022, 1, 13)));
        assert_eq!(precision, Precision::Week);
        assert_eq!(one("a month ago", JAN14).0, date(2021, 11, 29));
        assert_eq!(one("2 years ago", JAN14).2, Precision::Year);
        for text in [
            "long ago",
            "some days ago",
            "ago",
            "the days ago",
            "three days, ago",
        ] {
            assert!(dates_in(text, JAN14).is_empty(), "{text}");
        }
    }

    #[test]
    fn recent_days_are_the_week_before_publication() {
        for (text, words) in [
            ("the talks in recent days", "recent days"),
            ("over the past few days", "past few days"),
            ("in the last several days", "last several days"),
        ] {
            let all = dates_in(text, JAN14);
            assert_eq!(all.len(), 1, "{text}: {all:?}");
            assert_eq!(all[0].0, words);
            assert_eq!((all[0].1, all[0].2), (date(2022, 1, 7), JAN14), "{text}");
            assert_eq!(all[0].3, Precision::Week);
        }
        for text in [
            "a few days",
            "recent. Days",
            "past days",
            "the few days",
            "the previous few days",
            "the last few days of December",
            "the past few days before the summit",
        ] {
            let all = dates_in(text, JAN14);
            assert!(!all.iter().any(|m| m.0.contains("days")), "{text}: {all:?}");
        }
    }

    #[test]
    fn a_day_counted_on_from_the_event_being_told() {
        let geneva = Some(date(2022, 1, 10));
        for (text, words, d) in [
            (
                "Two days later the alliance met Russia.",
                "Two days later",
                12,
            ),
            ("The next day, the allies met.", "The next day", 11),
            (
                "On the following day the allies met.",
                "the following day",
                11,
            ),
            ("They met again the day after.", "the day after", 11),
            ("A day later they met.", "A day later", 11),
        ] {
            let all = dates_from(text, JAN14, geneva);
            assert_eq!(
                all,
                vec![(
                    words.to_string(),
                    date(2022, 1, d),
                    date(2022, 1, d),
                    Precision::Day
                )],
                "{text}"
            );
        }
        // With no event told yet there is nothing to count from.
        assert!(dates_from("Two days later, they met.", JAN14, None).is_empty());
        // A day the passage named counts before the event told: "Wednesday will see
        // NATO meet. A day later, the OSCE will" is Thursday, with or without one.
        for anchor in [geneva, None] {
            let text = "Wednesday will see NATO meet Russia. A day later, the OSCE will meet.";
            let all = dates_from(text, date(2022, 1, 10), anchor);
            assert_eq!(all[1].0, "A day later", "{all:?}");
            assert_eq!((all[1].1, all[1].2), (date(2022, 1, 13), date(2022, 1, 13)));
        }
        // A count back is a look back in passing, left to the cues; "the day after
        // Geneva" counts from what it names; neither is a day counted on.
        for text in [
            "The talks lasted two days. Later, Sherman spoke.",
            "Preparations took two days; later, Ryabkov spoke.",
            "It took a day. After that they met.",
            "In the following days, the allies consulted.",
            "the days after, they consulted",
            "two days later than planned",
            "a day after they arrived",
            "Sherman, who had led the team two days earlier, sat down.",
            "The day before, they had dinner.",
            "the day after the talks",
            "the day after Geneva",
            "a day of talks",
            "days later",
        ] {
            assert!(dates_from(text, JAN14, geneva).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_date_after_since_is_a_bound_not_a_time_of_the_passage() {
        assert!(dates_in("met for the first time since 2019", JAN14).is_empty());
        assert!(dates_in("Ever since last June, the two sides", JAN14).is_empty());
        assert!(dates_in("not seen since the summer", JAN14).is_empty());
        assert_eq!(
            dates_in("met in 2019 and not since", JAN14).len(),
            1,
            "a year with no since before it is still read"
        );
    }

    #[test]
    fn month_day_forms() {
        let d = date(2022, 1, 10);
        for text in [
            "on January 10",
            "on Jan. 10,",
            "on 10 January",
            "on January 10th",
        ] {
            assert_eq!(one(text, JAN14), (d, d, Precision::Day), "{text}");
        }
        let all = dates_in("On January 10 this year", JAN14);
        assert_eq!(all[0].0, "January 10");
        assert_eq!(all[1].3, Precision::Year);
    }

    #[test]
    fn explicit_year() {
        let d = date(2021, 12, 17);
        assert_eq!(
            one("On December 17, 2021, the ministry", JAN14),
            (d, d, Precision::Day)
        );
        let all = dates_in("a press conference on Jan. 13, 2022.", JAN14);
        assert_eq!(all[0].0, "Jan. 13, 2022");
        assert_eq!(
            one("in June 2021", JAN14),
            (date(2021, 6, 1), date(2021, 6, 30), Precision::Month)
        );
    }

    #[test]
    fn ranges_with_dash_or_hyphen() {
        let r = (date(2022, 1, 13), date(2022, 1, 14), Precision::Days);
        assert_eq!(one("the night of 13–14 January", JAN14), r);
        assert_eq!(one("the night of January 13-14, a cyber attack", JAN14), r);
        assert_eq!(one("on January 13 – 14", JAN14), r);
    }

    #[test]
    fn year_is_inferred_across_new_year() {
        // A December date in a January article is the previous December.
        let d = date(2021, 12, 4);
        assert_eq!(
            one("Biden stressed on December 4 that", JAN14),
            (d, d, Precision::Day)
        );
        // A January date in a December article is the coming January.
        let d = date(2022, 1, 10);
        assert_eq!(
            one(
                "officials are due to meet on January 10",
                date(2021, 12, 31)
            ),
            (d, d, Precision::Day)
        );
        assert_eq!(
            one("they met on January 10", date(2021, 12, 31)),
            (d, d, Precision::Day)
        );
        // Far ahead of publication only when the text speaks of the future.
        assert_eq!(one("in May 2022", JAN14).0, date(2022, 5, 1));
        assert_eq!(one("talks in March", JAN14).0, date(2021, 3, 1));
        assert_eq!(one("talks will resume in March", JAN14).0, date(2022, 3, 1));
    }

    #[test]
    fn vague_mentions() {
        assert_eq!(
            one("until mid-January, when officials", date(2021, 12, 31)),
            (date(2022, 1, 10), date(2022, 1, 20), Precision::PartOfMonth)
        );
        assert_eq!(
            one("talks in late December", JAN14),
            (
                date(2021, 12, 20),
                date(2021, 12, 31),
                Precision::PartOfMonth
            )
        );
        assert_eq!(
            one("begun in Geneva in the summer", JAN14),
            (date(2021, 6, 1), date(2021, 8, 31), Precision::Season)
        );
        assert_eq!(
            one("over video link in December", JAN14).0,
            date(2021, 12, 1)
        );
        assert_eq!(
            one("this year", JAN14),
            (date(2022, 1, 1), date(2022, 12, 31), Precision::Year)
        );
        assert_eq!(one("In 2019, under Trump", JAN14).2, Precision::Year);
        assert_eq!(
            one("this winter", JAN14),
            (date(2021, 12, 1), date(2022, 2, 28), Precision::Season)
        );
        // Words that only look like dates.
        assert!(dates_in("Russia may march on; prices fall", JAN14).is_empty());
        assert!(dates_in("a week of high-profile talks", JAN14).is_empty());
        assert!(dates_in("10,000 troops", JAN14).is_empty());
        assert_eq!(
            one("Last month, Russia submitted", JAN14),
            (date(2021, 12, 1), date(2021, 12, 31), Precision::Month)
        );
        assert!(dates_in("a month of talks", JAN14).is_empty());
    }

    #[test]
    fn weeks() {
        let week = (date(2022, 1, 10), date(2022, 1, 16), Precision::Week);
        assert_eq!(one("this week's talks", JAN14), week);
        assert_eq!(one("During the course of the week, remarks", JAN14), week);
        assert_eq!(one("closed the week.", JAN14), week);
        assert_eq!(
            one("talks last week", date(2022, 1, 18)).0,
            date(2022, 1, 10)
        );
        // On a Sunday, "last week" may be the week just ending.
        let sunday = one("Last week's rounds", date(2022, 1, 16));
        assert_eq!((sunday.0, sunday.1), (date(2022, 1, 3), date(2022, 1, 16)));
        assert!(dates_in("the week of talks", JAN14).is_empty());
        // "The coming week" is the seven days ahead: written on a Monday, the week that
        // begins; "next week" is the one after.
        let monday = date(2022, 1, 10);
        assert_eq!(
            one("no breakthroughs in the coming week", monday),
            (monday, date(2022, 1, 17), Precision::Week)
        );
        assert_eq!(one("talks next week", monday).0, date(2022, 1, 17));
    }

    #[test]
    fn weekdays_against_publication() {
        let fri = date(2022, 1, 14);
        assert_eq!(one("At a press conference on Friday", JAN14).0, fri);
        assert_eq!(
            one("Sherman met Ryabkov on Monday", JAN14).0,
            date(2022, 1, 10)
        );
        assert_eq!(one("talks on Wednesday", JAN14).0, date(2022, 1, 12));
        // Future tense turns forwards; "last" and "next" say so themselves.
        let fri7 = date(2022, 1, 7);
        assert_eq!(
            one("Sherman will meet Ryabkov on Monday", fri7).0,
            date(2022, 1, 10)
        );
        assert_eq!(one("they met on Monday", fri7).0, date(2022, 1, 3));
        assert_eq!(one("next Monday", fri7).0, date(2022, 1, 10));
        assert_eq!(one("last Friday", JAN14).0, date(2022, 1, 7));
        assert_eq!(one("said today", JAN14).0, fri);
        assert_eq!(one("said yesterday", JAN14).0, date(2022, 1, 13));
    }

    #[test]
    fn the_future_turns_a_weekday_forwards_only_in_its_own_clause() {
        let wed12 = date(2022, 1, 12);
        let (mon10, mon17) = (date(2022, 1, 10), date(2022, 1, 17));
        // The "will" governs the clause it stands in, or the one after an opening one.
        assert_eq!(one("Talks will resume on Monday", wed12).0, mon17);
        assert_eq!(one("On Monday, the sides will meet", wed12).0, mon17);
        // A "will" of another clause leaves the Monday just past.
        assert_eq!(
            one(
                "After Geneva on Monday, is there any sign Russia will pull back?",
                wed12
            )
            .0,
            mon10
        );
        assert_eq!(
            one(
                "Sherman, who will lead the team, said, on Monday, that",
                wed12
            )
            .0,
            mon10
        );
        assert_eq!(
            one(
                "Question: after the talks on Monday, do you expect Russia will move?",
                wed12
            )
            .0,
            mon10
        );
    }

    /// What someone sets out to do lies ahead: a weekday after a word of intent (or a
    /// headline's name), "to" and a verb in its clause is the coming one; "to" after a
    /// past or before a name, an article or "talks", "face-to-face", and a verb after the
    /// weekday or in another clause leave it alone.
    #[test]
    fn an_infinitive_turns_a_weekday_forwards() {
        let tue18 = date(2022, 1, 18);
        let (wed12, wed19) = (date(2022, 1, 12), date(2022, 1, 19));
        let (fri14, fri21) = (date(2022, 1, 14), date(2022, 1, 21));
        assert_eq!(
            one(
                "Blinken was preparing to fly to Kyiv for talks on Wednesday",
                tue18
            )
            .0,
            wed19
        );
        assert_eq!(
            one("Blinken, Lavrov to meet in Geneva on Friday", tue18).0,
            fri21
        );
        assert_eq!(
            one(
                "Blinken is preparing to meet Russia’s foreign minister on Wednesday",
                tue18
            )
            .0,
            wed19
        );
        assert_eq!(one("Lavrov is to meet Blinken on Friday", tue18).0, fri21);
        // A "to" after a past or as a preposition, and "face-to-face", leave it alone.
        for past in [
            "Blinken flew to Kyiv on Wednesday",
            "Lavrov declined to comment on Wednesday",
            "NATO agreed to send more troops on Wednesday",
            "Blinken spoke to reporters on Wednesday",
            "according to officials on Wednesday",
            "The rouble fell to record lows on Wednesday",
            "Putin held a face-to-face meeting on Wednesday",
        ] {
            assert_eq!(one(past, tue18).0, wed12, "{past}");
        }
        assert_eq!(one("Russia was invited to talks on Friday", tue18).0, fri14);
        assert_eq!(
            one("they met on Friday to discuss the drafts", tue18).0,
            fri14
        );
        assert_eq!(
            one("He hoped to meet Lavrov, and they met on Friday", tue18).0,
            fri14
        );
    }

    #[test]
    fn relative_to_publication() {
        let fri = date(2022, 1, 14);
        assert_eq!(one("hackers struck overnight", JAN14).0, fri);
        assert_eq!(one("said this morning", JAN14).0, fri);
        assert_eq!(one("met last night", JAN14).0, date(2022, 1, 13));
        assert_eq!(one("earlier this week", JAN14).1, date(2022, 1, 16));
        assert_eq!(
            one("the council met on the 12th", JAN14),
            (date(2022, 1, 12), date(2022, 1, 12), Precision::Day)
        );
        // A later day of the month is last month's, or next month's when awaited.
        assert_eq!(one("signed on the 17th", JAN14).0, date(2021, 12, 17));
        assert_eq!(
            one("they will meet on the 21st", JAN14).0,
            date(2022, 1, 21)
        );
        // Not a date without "the" before it.
        assert!(dates_in("finished 12th", JAN14).is_empty());
    }
}
