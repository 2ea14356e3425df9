//! A passage read as words: each token's normalised form, its sentence, whether it
//! stands inside a quotation, whether it is capitalised — what cues, dates and rules
//! are matched on. Cues are read by the same code, so both sides always agree.
//!
//! Reading is the aligner's hottest path (every word of every passage), so it is one
//! pass over the bytes: an ASCII word is hashed straight from the text, lower-cased as
//! it is hashed, and looked up in a small open-addressing table of the few hundred
//! words the aligner knows; only a word with other letters is copied, letter by letter.

use super::lexicon::{KIND_CALL, OF, SENSE, VERDICT};

/// Index of a normalised word in the [`Vocabulary`].
pub(crate) type WordId = u32;

/// The id of every word the vocabulary does not know: most words of a passage.
pub(crate) const UNKNOWN: WordId = WordId::MAX;

/// Longer words are never looked up: no cue or lexicon word comes near this length.
/// A power of two, so the reader can mask its index instead of checking it.
const MAX_WORD: usize = 64;

/// What the aligner knows of a word: its classes (bits of `lexicon`) and a small value
/// (a month's number, a weekday, a season).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    pub class: u64,
    pub value: u8,
}

/// The words the aligner knows, each with an id and what it knows of it.
///
/// Only our own words are ever inserted (the lexicon and the timeline's cues); passage
/// text is only looked up, so crafted text cannot crowd the table.
#[derive(Debug, Clone)]
pub(crate) struct Vocabulary {
    /// Open addressing, a power of two long: a word's [`tag`] (part of its hash and its
    /// length) beside its `id + 1`, or 0 for an empty slot.
    slots: Vec<u64>,
    words: Vec<Box<[u8]>>,
    /// Each word's first eight bytes as one number (most words compare in one step),
    /// beside its classes: a word found is checked and classed from one place.
    known: Vec<Known>,
    hashes: Vec<u64>,
    info: Vec<WordInfo>,
    longest: usize,
    /// For each first byte of a known ASCII word, a bit for each length it comes in:
    /// most unknown words are turned away by this one look, before any hashing.
    shapes: [u64; 128],
    /// The id of every word of one to three ASCII letters or digits, at
    /// [`short_index`]: "a", "of", "the", "and" are a good part of any text, and are
    /// found without a hash. Empty until a word is interned.
    short: Vec<WordId>,
}

/// How many words of one to three ASCII letters or digits there are.
const SHORT: usize = 36 * 37 * 37;

/// 0–35 for an ASCII digit or letter, either case.
fn short_code(b: u8) -> usize {
    let b = b | 0x20;
    if b <= b'9' {
        usize::from(b.wrapping_sub(b'0'))
    } else {
        usize::from(b.wrapping_sub(b'a')) + 10
    }
}

/// Where a word of one to three ASCII letters or digits (either case) sits in
/// [`Vocabulary::short`].
fn short_index(w: &[u8]) -> usize {
    let first = w.first().map_or(0, |&b| short_code(b));
    let next = |k: usize| w.get(k).map_or(0, |&b| short_code(b) + 1);
    (first * 37 + next(1)) * 37 + next(2)
}

/// What a slot of the table leads to first: [`Vocabulary::known`].
#[derive(Debug, Clone, Copy)]
struct Known {
    first: u64,
    class: u64,
}

/// The upper half of a slot for a word of `len` bytes with hash `h`: 24 bits of the
/// hash and the length, so a slot turns away most other words before any other look.
fn tag(h: u64, len: usize) -> u64 {
    (h >> 40) << 8 | len.min(0xff) as u64
}

/// A word's hash and its first eight bytes as one number, read from a buffer eight
/// bytes at a time: most words are one multiplication. Bytes past `len` are ignored.
fn key(buf: &[u8; MAX_WORD], len: usize) -> (u64, u64) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let len = len.min(MAX_WORD);
    let mut h = len as u64;
    let mut first = 0;
    let mut k = 0;
    while k < len {
        let chunk: [u8; 8] = buf[k..k + 8].try_into().unwrap_or([0; 8]);
        let mut x = u64::from_le_bytes(chunk);
        if len - k < 8 {
            x &= (1u64 << (8 * (len - k))) - 1;
        }
        if k == 0 {
            first = x;
        }
        h = (h.rotate_left(23) ^ x).wrapping_mul(K);
        k += 8;
    }
    (h ^ (h >> 31), first)
}

/// [`key`] of a word held in a slice.
fn key_of(word: &[u8]) -> (u64, u64) {
    let mut buf = [0u8; MAX_WORD];
    let n = word.len().min(MAX_WORD);
    buf[..n].copy_from_slice(&word[..n]);
    key(&buf, n)
}

/// Where a hash starts looking in a table of `mask + 1` slots.
fn home(h: u64, mask: usize) -> usize {
    (h ^ (h >> 32)) as usize & mask
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            slots: Vec::new(),
            words: Vec::new(),
            known: Vec::new(),
            hashes: Vec::new(),
            info: Vec::new(),
            longest: 0,
            shapes: [0; 128],
            short: Vec::new(),
        }
    }
}

impl Vocabulary {
    /// The id of an already normalised word, adding it if new.
    pub fn intern(&mut self, normal: &str) -> WordId {
        let id = self.id(normal);
        if id != UNKNOWN {
            return id;
        }
        let id = self.words.len() as WordId;
        let (h, first) = key_of(normal.as_bytes());
        self.words.push(normal.as_bytes().into());
        self.known.push(Known { first, class: 0 });
        self.hashes.push(h);
        self.info.push(WordInfo::default());
        self.longest = self.longest.max(normal.len());
        if let Some(&first) = normal.as_bytes().first().filter(|b| b.is_ascii()) {
            self.shapes[first as usize] |= 1u64 << normal.len().min(63);
        }
        if self.short.is_empty() {
            self.short = vec![UNKNOWN; SHORT];
        }
        let b = normal.as_bytes();
        if (1..=3).contains(&b.len())
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && let Some(slot) = self.short.get_mut(short_index(b))
        {
            *slot = id;
        }
        if self.words.len() * 2 > self.slots.len() {
            self.rebuild();
        } else {
            self.place(id);
        }
        id
    }

    fn rebuild(&mut self) {
        let size = (self.words.len() * 4).next_power_of_two().max(64);
        self.slots = vec![0; size];
        for id in 0..self.words.len() {
            self.place(id as WordId);
        }
    }

    fn place(&mut self, id: WordId) {
        let mask = self.slots.len() - 1;
        let h = self.hashes[id as usize];
        let len = self.words[id as usize].len();
        let mut s = home(h, mask);
        while self.slots[s] != 0 {
            s = (s + 1) & mask;
        }
        self.slots[s] = tag(h, len) << 32 | u64::from(id + 1);
    }

    /// Adds `class` (and `value`) to every word of `raw`, normalised as text is.
    pub fn classify(&mut self, raw: &str, class: u64, value: u8) {
        for id in self.words_of(raw) {
            let info = &mut self.info[id as usize];
            info.class |= class;
            if value != 0 {
                info.value = value;
            }
            self.known[id as usize].class = info.class;
        }
    }

    /// Adds `class` to the word `id` (one the vocabulary knows).
    pub fn mark(&mut self, id: WordId, class: u64) {
        if let (Some(info), Some(known)) = (
            self.info.get_mut(id as usize),
            self.known.get_mut(id as usize),
        ) {
            info.class |= class;
            known.class = info.class;
        }
    }

    /// The ids of the words of `raw` (a cue, a lexicon entry), interning new ones.
    pub fn words_of(&mut self, raw: &str) -> Vec<WordId> {
        let mut reading = Reading::default();
        read(raw, &Vocabulary::default(), &mut reading);
        let mut normal = String::new();
        reading
            .tokens
            .iter()
            .map(|t| {
                normalise(&raw[t.start as usize..t.end as usize], &mut normal);
                self.intern(&normal)
            })
            .collect()
    }

    /// The id of a normalised word, or [`UNKNOWN`].
    pub fn id(&self, normal: &str) -> WordId {
        self.id_of(normal.as_bytes())
    }

    fn id_of(&self, w: &[u8]) -> WordId {
        if w.len() > MAX_WORD {
            return UNKNOWN;
        }
        let (h, first) = key_of(w);
        self.id_by_key(w, h, first).0
    }

    /// The id and classes of normalised word `w`, given its [`key`].
    fn id_by_key(&self, w: &[u8], h: u64, first: u64) -> (WordId, u64) {
        self.id_where(w.len(), h, first, |known| known == w)
    }

    /// The id and classes of the word of `len` bytes with [`key`] `(h, first)` that
    /// `same` accepts; ([`UNKNOWN`], 0) if there is none.
    fn id_where(
        &self,
        len: usize,
        h: u64,
        first: u64,
        same: impl Fn(&[u8]) -> bool,
    ) -> (WordId, u64) {
        if len > self.longest || self.slots.is_empty() {
            return (UNKNOWN, 0);
        }
        let mask = self.slots.len() - 1;
        let tag = tag(h, len);
        let mut s = home(h, mask);
        loop {
            let v = self.slots[s];
            if v == 0 {
                return (UNKNOWN, 0);
            }
            if v >> 32 == tag {
                let id = (v as u32 - 1) as usize;
                let known = self.known[id];
                // Up to eight bytes, the length and `first` are the whole word.
                let word = &self.words[id];
                if known.first == first && (len <= 8 || (word.len() == len && same(word))) {
                    return (id as WordId, known.class);
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// What is known of a word; nothing for [`UNKNOWN`].
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or_default()
    }

    /// Number of words known.
    pub fn len(&self) -> usize {
        self.info.len()
    }
}

/// One word or number of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// The normalised word's id, or [`UNKNOWN`].
    pub word: WordId,
    /// The word's lexicon classes, looked up once.
    pub class: u64,
    /// Byte range in the passage text.
    pub start: u32,
    pub end: u32,
    /// Sentence number within the passage, from 0.
    pub sentence: u16,
    /// Inside a quotation (between quote marks).
    pub quoted: bool,
    /// Starts with a capital letter.
    pub capital: bool,
    /// The value of an all-digit token, if it fits.
    pub number: Option<u16>,
}

impl Token {
    /// The word as written in `text`, the passage it was read from.
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// A passage as the aligner reads it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Reading {
    pub tokens: Vec<Token>,
    /// Number of sentences (at least 1).
    pub sentences: u16,
    /// The first visible character is a quote mark.
    pub opens_with_quote: bool,
    /// Every lexicon class of its words, together.
    pub classes: u64,
    /// How many tokens stand inside quotation marks.
    pub quoted: usize,
}

impl Reading {
    /// Share of the tokens that stand inside quotation marks.
    pub fn quoted_share(&self) -> f32 {
        if self.tokens.is_empty() {
            return 0.0;
        }
        self.quoted as f32 / self.tokens.len() as f32
    }

    /// The text between token `a` and the token after it.
    pub fn gap<'t>(&self, text: &'t str, a: usize) -> &'t str {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => text.get(x.end as usize..y.start as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The text from token `from` to token `to` (exclusive).
    #[cfg(test)]
    pub fn span<'t>(&self, text: &'t str, from: usize, to: usize) -> &'t str {
        let (a, b) = self.bytes(from, to);
        text.get(a..b).unwrap_or("")
    }

    /// The bytes of the text from token `from` to token `to` (exclusive); an empty
    /// range if there are no such tokens.
    pub fn bytes(&self, from: usize, to: usize) -> (usize, usize) {
        match (
            self.tokens.get(from),
            to.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end => (a.start as usize, b.end as usize),
            _ => (0, 0),
        }
    }

    /// The tokens before `from`, nearest first, at most `reach` of them, while the text
    /// (of `text`, the passage read) between each two of them is all characters `joins`
    /// accepts (it is told whether the earlier of the two is one letter long, an
    /// initial) and the sentence goes on.
    pub fn back_in_clause<'r>(
        &'r self,
        text: &'r str,
        from: usize,
        reach: usize,
        joins: impl Fn(char, bool) -> bool + 'r,
    ) -> impl Iterator<Item = usize> + 'r {
        let tokens = &self.tokens;
        let mut j = if from < tokens.len() { from } else { 0 };
        std::iter::from_fn(move || {
            if j == 0 || from - j >= reach {
                return None;
            }
            let (a, b) = (&tokens[j - 1], &tokens[j]);
            let gap = text.get(a.end as usize..b.start as usize).unwrap_or(",");
            let initial = a.end - a.start == 1;
            if a.sentence != b.sentence || !gap.chars().all(|c| joins(c, initial)) {
                j = 0;
                return None;
            }
            j -= 1;
            Some(j)
        })
    }

    /// Token range `[from, to)` of sentence `s`.
    pub fn sentence_range(&self, s: u16) -> (usize, usize) {
        let from = self.tokens.partition_point(|t| t.sentence < s);
        let to = self.tokens.partition_point(|t| t.sentence <= s);
        (from, to)
    }
}

/// Lower-cases `word` into `out` and folds a plural or third-person `-s`, so "talks"
/// and "talk", "treaties" and "treaty" are one word to the aligner.
pub(crate) fn normalise(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().flat_map(char::to_lowercase));
    let (keep, y) = folded(out.as_bytes());
    out.truncate(keep);
    if y {
        out.push('y');
    }
}

/// How much of a lower-case word to keep once its plural `-s` is folded, and whether
/// to add a `y` ("treaties" → "treaty"). Works on bytes: only ASCII is cut or added.
fn folded(b: &[u8]) -> (usize, bool) {
    let n = b.len();
    if n < 4 || b[n - 1] != b's' || matches!(b[n - 2], b's' | b'u' | b'i') {
        return (n, false);
    }
    if KEEP_S.iter().any(|k| k.len() == n && k.as_bytes() == b) {
        return (n, false);
    }
    if b[n - 2] == b'e' && b[n - 3] == b'i' && n >= 5 {
        (n - 3, true)
    } else {
        (n - 1, false)
    }
}

/// Words ending in `s` that are not plurals, or whose folding would meet another word.
const KEEP_S: &[&str] = &["news", "series", "species", "always", "perhaps", "whereas"];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "inc", "jr", "sr", "approx", "dept", "est", "fig",
];

/// The longest of [`ABBREVIATIONS`], in bytes.
const LONGEST_ABBREVIATION: usize = 6;

fn is_abbreviation(raw: &str) -> bool {
    // A single character (up to four bytes) or one of the list: a longer word is
    // neither, and most words before a full stop are turned away here.
    if raw.len() > LONGEST_ABBREVIATION.max(4) {
        return false;
    }
    raw.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(raw))
}

/// Whether the stop between token `prev` and a capitalised word at byte `start` follows
/// an abbreviation ("U.S.", "Mr.", "Jan.") and so ends no sentence.
fn after_abbreviation(text: &str, prev: &Token, start: usize) -> bool {
    let raw = prev.raw(text);
    // The word first: it is the cheapest test, and the one most stops fail.
    if !is_abbreviation(raw) {
        return false;
    }
    let gap = text.get(prev.end as usize..start).unwrap_or("");
    gap.trim_start().starts_with('.') && !gap.contains(['!', '?', '\n'])
}

/// What a byte is to the reader: bits, so "a letter or digit" is one test.
const OTHER: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const ALNUM: u8 = LOWER | UPPER | DIGIT;
const NON_ASCII: u8 = 8;

const fn byte_kinds() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xff => NON_ASCII,
            _ => OTHER,
        };
        b += 1;
    }
    t
}

static BYTE_KINDS: [u8; 256] = byte_kinds();

/// Eight bytes of `bytes` from `at` (fewer at the end) as one number.
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])),
        None => {
            let mut x = 0;
            for (k, &b) in bytes.get(at..).unwrap_or(&[]).iter().enumerate() {
                x |= u64::from(b) << (8 * k);
            }
            x
        }
    }
}

/// Where the run of ASCII letters and digits from `from` ends: eight bytes at a time,
/// each tested for being a letter or a digit by the carries of two additions, so a
/// word of up to eight letters is one step and no branch per letter.
fn ascii_word_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that lies in `lo..=hi`, for bytes below 0x80: adding
    // `0x80 - lo` sets it from `lo` up, adding `0x7f - hi` from past `hi` up, and no
    // byte carries into the next.
    let within = |x: u64, lo: u8, hi: u8| {
        (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH
    };
    let mut at = from;
    while at < bytes.len() {
        // Past the end, zero bytes: not letters, so the word ends there.
        let x = load8(bytes, at);
        if x & HIGH != 0 {
            // A byte of another script: the plain test, byte by byte.
            return plain_word_end(bytes, at);
        }
        let alnum = within(x | (ONES * 0x20), b'a', b'z') | within(x, b'0', b'9');
        let stop = !alnum & HIGH;
        if stop != 0 {
            return (at + stop.trailing_zeros() as usize / 8).min(bytes.len());
        }
        at += 8;
    }
    bytes.len()
}

/// [`ascii_word_end`] byte by byte.
fn plain_word_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() && BYTE_KINDS[bytes[end] as usize] & ALNUM != 0 {
        end += 1;
    }
    end
}

/// The id of the ASCII word `bytes[from..to]`, lower-cased as it is hashed: for
/// letters and digits, setting bit 5 lower-cases letters and leaves digits alone, so
/// the word is never copied. The same [`key`] as for a word in a buffer. With the
/// word's id, its classes.
fn lookup_ascii(vocab: &Vocabulary, bytes: &[u8], from: usize, to: usize) -> (WordId, u64) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = to - from;
    // Folding takes at most two bytes off.
    if n > vocab.longest + 2 || vocab.slots.is_empty() {
        return (UNKNOWN, 0);
    }
    let w = &bytes[from..to];
    // One to three letters: never folded, found in a table of their own.
    if n <= 3 {
        let id = vocab.short.get(short_index(w)).copied().unwrap_or(UNKNOWN);
        return (id, vocab.known.get(id as usize).map_or(0, |k| k.class));
    }
    // The word, or the word less a folded "s" or "ies", must have a known shape; only
    // a word ending in "s" is folded, any other is looked up at its own length.
    let shapes = vocab.shapes[(w[0] | 0x20) as usize & 0x7f];
    let known_shape = if w[n - 1] | 0x20 == b's' {
        (shapes >> n.saturating_sub(2)) & 0b111 != 0
    } else {
        (shapes >> n.min(63)) & 1 != 0
    };
    if !known_shape {
        return (UNKNOWN, 0);
    }
    let lower = |k: usize| w[k] | 0x20;
    let mut len = n;
    if n >= 4 && lower(n - 1) == b's' && !matches!(lower(n - 2), b's' | b'u' | b'i') {
        let keep = KEEP_S
            .iter()
            .any(|k| k.len() == n && k.as_bytes().eq_ignore_ascii_case(w));
        if !keep {
            if n >= 5 && lower(n - 2) == b'e' && lower(n - 3) == b'i' {
                // "treaties" → "treaty": the rare case that changes a byte.
                let mut buf = [0u8; MAX_WORD];
                for (k, b) in buf.iter_mut().enumerate().take(n - 3) {
                    *b = lower(k);
                }
                buf[n - 3] = b'y';
                let (h, first) = key(&buf, n - 2);
                return vocab.id_by_key(&buf[..n - 2], h, first);
            }
            len = n - 1;
        }
    }
    let mut h = len as u64;
    let mut first = 0;
    let mut k = 0;
    while k < len {
        let mut x = load8(bytes, from + k) | 0x2020_2020_2020_2020;
        if len - k < 8 {
            x &= (1u64 << (8 * (len - k))) - 1;
        }
        if k == 0 {
            first = x;
        }
        h = (h.rotate_left(23) ^ x).wrapping_mul(K);
        k += 8;
    }
    let h = h ^ (h >> 31);
    vocab.id_where(len, h, first, |known| {
        known.iter().zip(w).all(|(a, b)| *a == b | 0x20)
    })
}

/// The id and classes of the word in `buf[..len]` (lower case), once its plural `-s`
/// is folded.
fn lookup(vocab: &Vocabulary, buf: &mut [u8; MAX_WORD], len: usize) -> (WordId, u64) {
    if len > MAX_WORD {
        return (UNKNOWN, 0);
    }
    let (keep, y) = folded(&buf[..len]);
    let end = if y {
        buf[keep] = b'y';
        keep + 1
    } else {
        keep
    };
    let (h, first) = key(buf, end);
    vocab.id_by_key(&buf[..end], h, first)
}

/// Appends the lower case of a letter that is not ASCII.
fn push_char(buf: &mut [u8; MAX_WORD], len: &mut usize, c: char) {
    let mut utf8 = [0u8; 4];
    for l in c.to_lowercase() {
        for &x in l.encode_utf8(&mut utf8).as_bytes() {
            buf[*len & (MAX_WORD - 1)] = x;
            *len += 1;
        }
    }
}

/// The letter or digit at byte `i` of `text` if it is not ASCII, and its length.
fn wide_letter(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    // Curly quotes, dashes and the like (U+2000–U+206F) are the usual non-ASCII
    // characters of English text: spare them the Unicode tables.
    let letter = !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric();
    letter.then_some((c, c.len_utf8()))
}

/// Reads `text` into `reading` (reusing its buffers), looking words up in `vocab`.
pub(crate) fn read(text: &str, vocab: &Vocabulary, reading: &mut Reading) {
    let tokens = &mut reading.tokens;
    tokens.clear();
    reading.opens_with_quote = text
        .trim_start()
        .starts_with(['“', '"', '«', '„', '‘', '\'']);
    let bytes = text.as_bytes();
    let mut quoted = false;
    // A full stop, question or exclamation mark since the last word: the next
    // capitalised word starts a sentence.
    let mut stop = false;
    let mut sentence: u16 = 0;
    // Every class of the words, and how many are quoted, gathered as they are read.
    let mut classes = 0;
    let mut quoted_words = 0;
    let mut buf = [0u8; MAX_WORD];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let kind = BYTE_KINDS[b as usize];
        let start = i;
        let mut len = 0;
        let mut digits = true;
        let capital = match kind {
            LOWER | UPPER | DIGIT => {
                let end = ascii_word_end(bytes, i + 1);
                // Most words are ASCII throughout: look them up straight from the text.
                if end == bytes.len() || bytes[end].is_ascii() || wide_letter(text, end).is_none() {
                    if stop
                        && kind == UPPER
                        && tokens
                            .last()
                            .is_some_and(|p| !after_abbreviation(text, p, i))
                    {
                        sentence = sentence.saturating_add(1);
                    }
                    stop = false;
                    let run = &bytes[i..end];
                    let number = if kind == DIGIT && run.len() <= 4 {
                        run.iter().try_fold(0u16, |n, &d| {
                            d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
                        })
                    } else {
                        None
                    };
                    let (word, class) = lookup_ascii(vocab, bytes, i, end);
                    classes |= class;
                    quoted_words += usize::from(quoted);
                    tokens.push(Token {
                        word,
                        class,
                        start: i as u32,
                        end: end as u32,
                        sentence,
                        quoted,
                        capital: kind == UPPER,
                        number,
                    });
                    i = end;
                    continue;
                }
                kind == UPPER
            }
            NON_ASCII => match wide_letter(text, i) {
                Some((c, n)) => {
                    push_char(&mut buf, &mut len, c);
                    digits = false;
                    i += n;
                    c.is_uppercase()
                }
                None => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    match c {
                        '“' | '«' | '„' => quoted = true,
                        '”' | '»' => quoted = false,
                        '…' => stop = true,
                        _ => {}
                    }
                    i += c.len_utf8().max(1);
                    continue;
                }
            },
            _ => {
                match b {
                    b'"' => quoted = !quoted,
                    b'.' | b'!' | b'?' | b'\n' => stop = true,
                    _ => {}
                }
                i += 1;
                continue;
            }
        };
        // The rest of the word: ASCII letters and digits in a tight loop, any other
        // letter ("Avīze") through the Unicode tables. The index is masked, not
        // checked: a word past the buffer is never looked up anyway.
        while i < bytes.len() {
            let c = bytes[i];
            let k = BYTE_KINDS[c as usize];
            if k == OTHER {
                break;
            }
            if k == NON_ASCII {
                let Some((ch, n)) = wide_letter(text, i) else {
                    break;
                };
                push_char(&mut buf, &mut len, ch);
                digits = false;
                i += n;
                continue;
            }
            buf[len & (MAX_WORD - 1)] = c.to_ascii_lowercase();
            len += 1;
            digits &= k == DIGIT;
            i += 1;
        }
        if stop
            && capital
            && tokens
                .last()
                .is_some_and(|p| !after_abbreviation(text, p, start))
        {
            sentence = sentence.saturating_add(1);
        }
        stop = false;
        let number = if digits && len <= 4 {
            buf[..len]
                .iter()
                .try_fold(0u16, |n, &d| Some(n * 10 + u16::from(d - b'0')))
        } else {
            None
        };
        let (word, class) = lookup(vocab, &mut buf, len);
        classes |= class;
        quoted_words += usize::from(quoted);
        tokens.push(Token {
            word,
            class,
            start: start as u32,
            end: i as u32,
            sentence,
            quoted,
            capital,
            number,
        });
    }
    reading.sentences = tokens.last().map_or(1, |t| t.sentence + 1);
    reading.classes = classes;
    reading.quoted = quoted_words;
    if classes & SENSE != 0 {
        set_phrases(text, tokens);
    }
}

/// Words whose sense the next word settles: "called for guarantees" is a demand, not a
/// call; "by the end of 2021" is a time, not a verdict on talks. Which is which is the
/// lexicon's: of its [`SENSE`] words, the call words are [`KIND_CALL`] and "end" is
/// [`VERDICT`].
fn set_phrases(text: &str, tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        // Most words are neither: one test each.
        if tokens[i - 1].class & SENSE == 0 {
            continue;
        }
        let (before, after) = tokens.split_at_mut(i);
        let (prev, next) = (&mut before[i - 1], &after[0]);
        let to_of = next.class & OF != 0;
        let to_for = next.end - next.start == 3 && next.raw(text).eq_ignore_ascii_case("for");
        if prev.sentence != next.sentence || !(to_of || to_for) {
            continue;
        }
        if to_for {
            prev.class &= !KIND_CALL;
        }
        if to_of {
            prev.class &= !VERDICT;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut vocab = Vocabulary::default();
        let ids = vocab.words_of(text);
        let mut reading = Reading::default();
        read(text, &vocab, &mut reading);
        // Reading finds each word again by the id interning gave it.
        assert_eq!(
            reading.tokens.iter().map(|t| t.word).collect::<Vec<_>>(),
            ids
        );
        ids.iter()
            .map(|&id| String::from_utf8_lossy(&vocab.words[id as usize]).into_owned())
            .collect()
    }

    #[test]
    fn normalises_case_plurals_and_punctuation() {
        assert_eq!(words("This week’s TALKS"), ["this", "week", "s", "talk"]);
        assert_eq!(words("draft treaties"), ["draft", "treaty"]);
        assert_eq!(words("NATO–Russia Council"), ["nato", "russia", "council"]);
        assert_eq!(words("U.S. news series"), ["u", "s", "news", "series"]);
        assert_eq!(words("mid-January, 13–14"), ["mid", "january", "13", "14"]);
        assert_eq!(
            words("Brussels class status"),
            ["brussel", "class", "status"]
        );
        // Words read straight from ASCII text and words read letter by letter agree.
        assert_eq!(
            words("TREATIES Avīzes Ķīpsalas"),
            ["treaty", "avīze", "ķīpsala"]
        );
        assert_eq!(words("NEWS Series"), ["news", "series"]);
    }

    /// The eight-bytes-at-a-time end of a word is the byte-by-byte one: at every start
    /// of texts with every ASCII byte, letters of other scripts and words ending at,
    /// before and after an eight-byte boundary and at the end of the text.
    #[test]
    fn a_word_ends_where_the_byte_by_byte_test_says() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let texts = [
            every_ascii.as_str(),
            "abcdefgh ijklmnop",
            "abcdefg",
            "abcdefghi",
            "Avīze Ķīpsala Zürich",
            "NATO–Russia 2022‑01‑12, “talks”",
            "a@b[c`d{e/f:g",
            "",
        ];
        let mut checked = 0;
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                assert_eq!(
                    ascii_word_end(bytes, from),
                    plain_word_end(bytes, from),
                    "{text:?} at {from}"
                );
                checked += 1;
            }
        }
        assert!(checked > 200, "{checked}");
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_quick_test_allows() {
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.len() <= LONGEST_ABBREVIATION)
        );
    }

    #[test]
    fn sentences_quotes_and_abbreviations() {
        let vocab = Vocabulary::default();
        let mut r = Reading::default();
        let text =
            "“We’re patient,” he said. The U.S. met on Jan. 10 in Geneva. Then Mr. Smith left.";
        read(text, &vocab, &mut r);
        assert!(r.opens_with_quote);
        assert_eq!(r.sentences, 3);
        let find = |w: &str| {
            r.tokens
                .iter()
                .find(|t| &text[t.start as usize..t.end as usize] == w)
                .copied()
        };
        assert!(find("patient").is_some_and(|t| t.quoted && t.sentence == 0));
        assert!(find("said").is_some_and(|t| !t.quoted && t.sentence == 0));
        assert_eq!(find("Geneva").map(|t| t.sentence), Some(1));
        assert_eq!(find("10").and_then(|t| t.number), Some(10));
        assert_eq!(find("Smith").map(|t| t.sentence), Some(2));
        assert!(find("Geneva").is_some_and(|t| t.capital));
        // What is gathered while reading is what the tokens say.
        assert_eq!(r.quoted, 3, "“We’re patient,”: we, re, patient");
        assert_eq!(r.quoted, r.tokens.iter().filter(|t| t.quoted).count());
        assert_eq!(r.classes, r.tokens.iter().fold(0, |c, t| c | t.class));
    }

    /// The quick look-up of ASCII words, with its shape filter, finds exactly what the
    /// plain one finds: every word the aligner knows, in any case, as a plural, with
    /// "ies", and the near misses around them.
    #[test]
    fn the_quick_look_up_agrees_with_the_plain_one() {
        let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
        let timeline = corpus.timeline.expect("bundled timeline");
        let vocab = crate::align::Aligner::new(&timeline).model.vocab;
        let mut checked = 0;
        for known in &vocab.words {
            let Ok(w) = std::str::from_utf8(known) else {
                continue;
            };
            if !w.is_ascii() || w.is_empty() {
                continue;
            }
            let stem = w.strip_suffix('y').unwrap_or(w);
            let mut upper = w.to_string();
            upper[..1].make_ascii_uppercase();
            for v in [
                w.to_string(),
                upper,
                w.to_ascii_uppercase(),
                format!("{w}s"),
                format!("{w}es"),
                format!("{stem}ies"),
                format!("{w}x"),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
            ] {
                if v.is_empty() || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    continue;
                }
                let mut buf = [0u8; MAX_WORD];
                let n = v.len().min(MAX_WORD);
                buf[..n].copy_from_slice(&v.as_bytes()[..n]);
                buf[..n].make_ascii_lowercase();
                let plain = lookup(&vocab, &mut buf, v.len());
                assert_eq!(lookup_ascii(&vocab, v.as_bytes(), 0, v.len()), plain, "{v}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
        // Every word of one or two letters or digits, in every case, known or not, and
        // every three-letter one with its first letter in either case.
        let alnum: Vec<u8> = (b'0'..=b'9')
            .chain(b'a'..=b'z')
            .chain(b'A'..=b'Z')
            .collect();
        let lower = || (b'0'..=b'9').chain(b'a'..=b'z');
        let words = alnum
            .iter()
            .map(|&a| vec![a])
            .chain(
                alnum
                    .iter()
                    .flat_map(|&a| alnum.iter().map(move |&b| vec![a, b])),
            )
            .chain(
                alnum
                    .iter()
                    .flat_map(|&a| lower().flat_map(move |b| lower().map(move |c| vec![a, b, c]))),
            );
        let mut found = 0;
        for v in words {
            let mut buf = [0u8; MAX_WORD];
            buf[..v.len()].copy_from_slice(&v);
            buf[..v.len()].make_ascii_lowercase();
            let plain = lookup(&vocab, &mut buf, v.len());
            let quick = lookup_ascii(&vocab, &v, 0, v.len());
            assert_eq!(quick, plain, "{}", String::from_utf8_lossy(&v));
            found += usize::from(plain.0 != UNKNOWN);
        }
        assert!(found > 10, "{found}");
    }
}
