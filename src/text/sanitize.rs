//! Makes untrusted text from article files safe to put on a terminal.
//!
//! Article files are untrusted, and both the TUI and plain stdout output hand
//! their text to a terminal. A file must never be able to move the cursor,
//! clear the screen, set the window title, write the clipboard (OSC 52), make
//! hyperlinks (OSC 8), reorder text with bidi overrides, or hide text from the
//! reader. This module is the single place where that is enforced: everything
//! taken from an article goes through [`sanitize`] or [`sanitize_line`] before
//! it is displayed.
//!
//! Rules applied by [`sanitize`]:
//!
//! - Escape sequences are removed whole, payload included, not just their
//!   `ESC`: CSI (`ESC [` parameters, intermediates, final byte), OSC (`ESC ]`,
//!   ended by BEL, `ESC \` or U+009C), DCS, SOS, PM and APC (`ESC P`, `ESC X`,
//!   `ESC ^`, `ESC _`, ended by `ESC \` or U+009C), nF sequences such as
//!   `ESC ( B`, and other two-character sequences such as `ESC c`. The 8-bit
//!   introducers U+009B (CSI), U+009D (OSC), U+0090 (DCS), U+0098 (SOS),
//!   U+009E (PM) and U+009F (APC) are handled the same way. An unterminated
//!   string sequence is removed to the end of the input; a lone `ESC` is
//!   removed. A CSI sequence ends at the first character that cannot belong
//!   to it (which is then kept), so a missing final byte cannot swallow a
//!   whole document.
//! - Other C0 controls, DEL and all C1 controls are removed, except `\n`
//!   (kept) and `\t` (expanded with spaces to the next multiple of 8 display
//!   columns, counted from the last line break). `\r\n` becomes `\n`; a lone
//!   `\r` is removed.
//! - Invisible characters are removed, by a rule taken from the Unicode Character
//!   Database rather than a hand-kept list (ICU4X's compiled Unicode data, through the
//!   `icu_properties` crate; written out as a table that a test checks against it):
//!   every character that is Default_Ignorable_Code_Point or of general category
//!   Format (Cf), except the Variation_Selector characters, plus U+FFFC (the
//!   placeholder for an embedded object that is not there). That covers the bidi
//!   controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), so text
//!   cannot be shown in a different order than it is stored; zero-width spaces and
//!   joiners (ZWJ too: terminals disagree about the width of ZWJ emoji sequences, and
//!   removing it keeps our width computations in agreement with the terminal's); the
//!   soft hyphen; the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0); the tag
//!   characters; the deprecated format characters U+206A–U+206F; the Arabic number
//!   signs U+0600–U+0605; musical, shorthand and Egyptian format controls; and every
//!   code point Unicode reserves as default-ignorable, so characters assigned there
//!   later are removed too. Variation selectors stay: they choose a glyph (text or
//!   emoji presentation) for the character before them and are never seen alone.
//! - U+2028 and U+2029 become `\n`.
//! - Everything else (printable text in any script, combining marks, emoji,
//!   variation selectors) is kept unchanged.
//!
//! [`sanitize_line`] applies the same rules and also turns every line break
//! into a single space.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

use unicode_width::UnicodeWidthStr;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// 8-bit String Terminator.
const ST: char = '\u{9c}';
const TAB_STOP: usize = 8;

/// Makes untrusted text safe to put on a terminal; see module docs.
pub fn sanitize(input: &str) -> Cow<'_, str> {
    run(input, false)
}

/// Like `sanitize`, for a single line: newlines become spaces too.
///
/// Tabs are expanded counting columns from the start of the output, since
/// the result is one line.
pub fn sanitize_line(input: &str) -> Cow<'_, str> {
    run(input, true)
}

/// True if `sanitize` would leave the text unchanged (fast path).
pub fn is_clean(input: &str) -> bool {
    first_dirty(input, false).is_none()
}

fn run(input: &str, single_line: bool) -> Cow<'_, str> {
    // One scan finds the first character needing work; clean text is never copied.
    let Some(start) = first_dirty(input, single_line) else {
        return Cow::Borrowed(input);
    };
    let (clean, rest) = input.split_at(start);
    let mut out = String::with_capacity(input.len());
    out.push_str(clean);
    let line_start = if single_line {
        0
    } else {
        clean.rfind('\n').map_or(0, |i| i + 1)
    };
    let mut sanitizer = Sanitizer {
        out,
        single_line,
        line_start,
        line_col: 0,
    };
    sanitizer.feed(rest);
    Cow::Owned(sanitizer.out)
}

/// Byte index of the first character that `run` would change.
///
/// Runs of printable ASCII (with line feeds, in a multi-line text) are skipped a byte
/// at a time, without decoding characters: every article's every character comes
/// through here before the reader's first frame, and nearly all of them are ASCII.
fn first_dirty(input: &str, single_line: bool) -> Option<usize> {
    let bytes = input.as_bytes();
    let mut i = 0;
    loop {
        i += bytes[i..]
            .iter()
            .position(|&b| !(matches!(b, b' '..=b'~') || (b == b'\n' && !single_line)))?;
        // `i` is on a character boundary: only whole ASCII characters and whole
        // characters (below) were stepped over.
        let c = input.get(i..)?.chars().next()?;
        if needs_work(c, single_line) {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

fn needs_work(c: char, single_line: bool) -> bool {
    match c {
        // Checked first: printable ASCII is by far the most common case.
        ' '..='~' => false,
        '\n' => single_line,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => true,
        _ => is_invisible(c),
    }
}

/// Invisible characters, all removed: Default_Ignorable_Code_Point or format (Cf), but
/// not a variation selector; and U+FFFC. See the module docs.
pub fn is_invisible(c: char) -> bool {
    use icu_properties::CodePointSetData;
    use icu_properties::props::VariationSelector;
    // The first invisible character is U+00AD: Latin-1 text never looks up.
    if c < '\u{ad}' {
        return false;
    }
    let ranges = INVISIBLE_RANGES;
    let c32 = u32::from(c);
    // The last range starting at or before `c`, if it reaches `c`. Variation selectors
    // lie inside the default-ignorable ranges and are rare: checked only there.
    let i = ranges.partition_point(|&(start, _)| start <= c32);
    i > 0 && c32 <= ranges[i - 1].1 && !CodePointSetData::new::<VariationSelector>().contains(c)
}

/// The code points that are Default_Ignorable_Code_Point or Cf, and U+FFFC, as sorted,
/// merged ranges: a binary search over a few dozen ranges is several times faster than
/// two property lookups per character, and every character of every article goes
/// through here.
///
/// Written out from ICU4X's Unicode data (`icu_properties_data` 2.4.0), not kept by
/// hand: building it from the data at run time walked the whole general-category table,
/// about a tenth of a millisecond before the reader's first frame. The test
/// `the_range_table_is_the_unicode_data` builds it from the data this crate links and
/// fails, printing the new table, when an upgrade of the data changes it.
const INVISIBLE_RANGES: &[(u32, u32)] = &[
    (0x00ad, 0x00ad),
    (0x034f, 0x034f),
    (0x0600, 0x0605),
    (0x061c, 0x061c),
    (0x06dd, 0x06dd),
    (0x070f, 0x070f),
    (0x0890, 0x0891),
    (0x08e2, 0x08e2),
    (0x115f, 0x1160),
    (0x17b4, 0x17b5),
    (0x180b, 0x180f),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x206f),
    (0x3164, 0x3164),
    (0xfe00, 0xfe0f),
    (0xfeff, 0xfeff),
    (0xffa0, 0xffa0),
    (0xfff0, 0xfffc),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0000, 0xe0fff),
];

/// A file name (any bytes) as visible, unambiguous text, for messages and lists.
///
/// Sanitising a name the way article text is sanitised would delete its hostile parts
/// and could make two files look alike (`\x1b[31m.md` and `.md`). Instead everything
/// that [`sanitize_line`] would change is written out: a character below U+0080 as
/// `\xNN`, any other as `\u{XXXX}`, a byte that is not UTF-8 as `\xNN` (always 80–FF,
/// so never confused with a character), and the backslash itself as `\\`. Distinct
/// names give distinct results; ordinary names come back unchanged.
pub fn escape_name(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else if !needs_work(c, true) {
                out.push(c);
            } else if c.is_ascii() {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            } else {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

struct Sanitizer {
    out: String,
    single_line: bool,
    /// Byte offset in `out` from which display width is still uncounted:
    /// just after the last line break or expanded tab.
    line_start: usize,
    /// Display column at `line_start`.
    line_col: usize,
}

impl Sanitizer {
    fn feed(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ESC => skip_escape(&mut chars),
                '\u{9b}' => skip_csi(&mut chars),
                '\u{9d}' => skip_string(&mut chars, true),
                '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars, false),
                '\n' | '\u{2028}' | '\u{2029}' => self.line_break(),
                '\t' => self.tab(),
                // Every `\r` goes: that turns `\r\n` into `\n` and drops lone ones.
                '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {}
                _ if is_invisible(c) => {}
                _ => self.out.push(c),
            }
        }
    }

    fn line_break(&mut self) {
        if self.single_line {
            // The space is ordinary text on the same line; its width is counted later.
            self.out.push(' ');
        } else {
            self.out.push('\n');
            self.line_start = self.out.len();
            self.line_col = 0;
        }
    }

    fn tab(&mut self) {
        // Width is measured only since the previous tab or break, so each
        // character is measured once however many tabs a line has.
        let col = self.line_col + self.out[self.line_start..].width();
        let spaces = TAB_STOP - col % TAB_STOP;
        self.out.extend(std::iter::repeat_n(' ', spaces));
        self.line_start = self.out.len();
        self.line_col = col + spaces;
    }
}

/// Skips what follows an `ESC` that belongs to its sequence.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    let Some(&next) = chars.peek() else {
        return;
    };
    match next {
        '[' => {
            chars.next();
            skip_csi(chars);
        }
        ']' => {
            chars.next();
            skip_string(chars, true);
        }
        'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars, false);
        }
        // nF: intermediates, then a final byte if one follows.
        ' '..='/' => {
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        // Two-character sequences (`ESC c`, `ESC 7`, `ESC =`, `ESC \`, ...).
        '0'..='~' => {
            chars.next();
        }
        // Anything else is not part of a sequence: only the ESC goes.
        _ => {}
    }
}

/// Skips CSI parameters, intermediates and final byte. Stops, keeping it, at
/// the first character that cannot be part of the sequence, so a malformed
/// sequence cannot swallow the text after it.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips the payload of OSC, DCS, SOS, PM or APC up to and including its
/// terminator, or to the end of the input if there is none.
fn skip_string(chars: &mut Peekable<Chars<'_>>, bel_ends: bool) {
    while let Some(&c) = chars.peek() {
        match c {
            // Left for the main loop, as terminals do: it is either the
            // `ESC \` terminator (then removed as a two-character sequence)
            // or starts a new sequence. Not recursing keeps the stack flat.
            ESC => return,
            ST => {
                chars.next();
                return;
            }
            BEL if bel_ends => {
                chars.next();
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The hostile fixture `tests/fixtures/hostile/hostile.md` is a complete
    //! article exercising these rules end to end: its front matter has a CSI
    //! sequence in the title (as a TOML `\u001b` escape) and U+202E in the
    //! outlet; its body has CSI colours, cursor moves and screen clears, an
    //! OSC 0 title (BEL), an OSC 8 hyperlink (ST), an OSC 52 clipboard write,
    //! DCS, APC, a raw 8-bit CSI (U+009B), bidi overrides and isolates,
    //! zero-width characters, soft hyphens, NUL, a tab, ZWJ emoji with skin
    //! tone, CJK, combining marks, Arabic, Hebrew and Latvian text, a heading
    //! and a list item with escapes, and an unterminated OSC at the very end
    //! of the last paragraph (the loader sanitises per passage, so it only
    //! eats the end of that paragraph). Only article files may live in that
    //! directory, which is why it is described here.

    use super::*;

    /// Sanitises `input`, checking that `is_clean` agrees with the result
    /// being borrowed and that sanitising again changes nothing.
    fn check(input: &str) -> String {
        let out = sanitize(input);
        assert_eq!(
            is_clean(input),
            matches!(out, Cow::Borrowed(_)),
            "is_clean disagrees for {input:?}"
        );
        assert!(
            matches!(sanitize(&out), Cow::Borrowed(_)),
            "not idempotent for {input:?}"
        );
        out.into_owned()
    }

    fn check_line(input: &str) -> String {
        let out = sanitize_line(input);
        assert!(!out.contains('\n'), "line break left in {out:?}");
        assert!(matches!(sanitize_line(&out), Cow::Borrowed(_)));
        out.into_owned()
    }

    fn assert_borrowed(input: &str) {
        let out = sanitize(input);
        match out {
            Cow::Borrowed(s) => assert!(std::ptr::eq(s, input)),
            Cow::Owned(_) => panic!("{input:?} was copied"),
        }
        assert!(is_clean(input));
    }

    fn forbidden(c: char) -> bool {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || c == '\t'
            || is_invisible(c)
            || c == '\u{2028}'
            || c == '\u{2029}'
    }

    // --- Clean text ---

    #[test]
    fn clean_text_is_borrowed() {
        assert_borrowed("");
        assert_borrowed("Plain ASCII text, with punctuation: (a) [b] {c} ~!@#$%^&*");
        assert_borrowed("Two\nlines\n\nand a paragraph\n");
        assert_borrowed("“Quotes” — dashes – and ellipses…");
    }

    #[test]
    fn printable_unicode_is_kept_byte_for_byte() {
        for text in [
            "Latvijas Avīze: ā č ē ģ ī ķ ļ ņ š ū ž Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž, Krišjānis",
            "Кириллица: Президент заявил",
            "中文新闻 日本語のニュース 한국어 뉴스",
            "emoji 😀 🇱🇻 👍🏽 ❤️",
            "combining: e\u{301} a\u{308} n\u{303}",
            "Arabic مرحبا Hebrew שלום",
            "variation selectors: \u{fe0e}\u{fe0f} \u{fe00}",
            "noncharacters \u{fdd0} \u{ffff}",
        ] {
            assert_borrowed(text);
            assert_eq!(sanitize(text).as_bytes(), text.as_bytes());
            assert_eq!(check(text), text);
        }
    }

    #[test]
    fn long_word_passes_through_borrowed() {
        let word = "ā".repeat(50_000) + &"x".repeat(50_000);
        assert_eq!(word.chars().count(), 100_000);
        assert_borrowed(&word);
        assert!(matches!(sanitize_line(&word), Cow::Borrowed(_)));
    }

    // --- CSI ---

    #[test]
    fn csi_colour_removed() {
        assert_eq!(check("\x1b[31mred\x1b[0m"), "red");
        assert_eq!(check("a\x1b[1;38;2;255;0;0mb\x1b[m"), "ab");
    }

    #[test]
    fn csi_cursor_movement_and_clear_removed() {
        assert_eq!(check("\x1b[2J\x1b[H"), "");
        assert_eq!(check("top\x1b[10;20Hmoved\x1b[3A\x1b[K"), "topmoved");
        assert_eq!(check("\x1b[?1049hhidden screen\x1b[?25l"), "hidden screen");
    }

    #[test]
    fn csi_with_intermediate_removed() {
        // DECSCUSR (cursor shape): parameter, space intermediate, final `q`.
        assert_eq!(check("a\x1b[1 qb"), "ab");
    }

    #[test]
    fn csi_without_final_byte_does_not_eat_following_text() {
        assert_eq!(check("\x1b[12;ā rest"), "ā rest");
        assert_eq!(check("\x1b[31\nnext line"), "\nnext line");
        assert_eq!(check("\x1b[31\x1b[0mtext"), "text");
        assert_eq!(check("\x1b[12"), "");
        assert_eq!(check("\x1b["), "");
    }

    #[test]
    fn c1_csi_removed() {
        assert_eq!(check("\u{9b}31mred\u{9b}0m"), "red");
        assert_eq!(check("a\u{9b}2Jb"), "ab");
    }

    // --- OSC ---

    #[test]
    fn osc_title_removed() {
        assert_eq!(check("\x1b]0;pwned\x07text"), "text");
        assert_eq!(check("\x1b]0;pwned\x1b\\text"), "text");
        assert_eq!(check("\x1b]2;pwned\u{9c}text"), "text");
    }

    #[test]
    fn osc8_hyperlink_removed() {
        assert_eq!(check("\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\"), "text");
        assert_eq!(check("\x1b]8;;http://x\x07text\x1b]8;;\x07"), "text");
    }

    #[test]
    fn osc52_clipboard_removed() {
        assert_eq!(
            check("before\x1b]52;c;cm0gLXJmIH4=\x07after"),
            "beforeafter"
        );
        assert_eq!(
            check("before\x1b]52;c;cm0gLXJmIH4=\x1b\\after"),
            "beforeafter"
        );
    }

    #[test]
    fn unterminated_osc_removed_to_end() {
        assert_eq!(check("kept\x1b]0;title and\nall the rest"), "kept");
        assert_eq!(check("kept\u{9d}0;rest"), "kept");
    }

    #[test]
    fn the_ascii_skip_finds_what_a_walk_by_characters_finds() {
        let by_chars = |input: &str, single_line: bool| {
            input
                .char_indices()
                .find(|&(_, c)| needs_work(c, single_line))
                .map(|(i, _)| i)
        };
        let cases = [
            "",
            "plain text",
            "two\nlines",
            "tab\there",
            "caf\u{e9} \u{2019}quoted\u{201d}",
            "soft\u{ad}hyphen",
            "zero\u{200b}width after \u{e9}\u{e9}",
            "\u{1b}[31m",
            "end\u{7f}",
            "\u{85}next line",
            "emoji \u{1f600}\u{fe0f} and \u{e0041}",
            "line\u{2028}sep",
        ];
        for input in cases {
            for single_line in [false, true] {
                assert_eq!(
                    first_dirty(input, single_line),
                    by_chars(input, single_line),
                    "{input:?} single_line={single_line}"
                );
            }
        }
    }

    #[test]
    fn osc_ended_by_another_escape() {
        assert_eq!(check("\x1b]0;title\x1b[31mred"), "red");
    }

    #[test]
    fn c1_osc_removed() {
        assert_eq!(check("\u{9d}0;pwned\x07text"), "text");
        assert_eq!(check("\u{9d}8;;http://x\u{9c}text\u{9d}8;;\u{9c}"), "text");
    }

    // --- DCS, APC, PM, SOS ---

    #[test]
    fn dcs_removed() {
        assert_eq!(check("a\x1bP1$r0m\x1b\\b"), "ab");
        assert_eq!(check("a\x1bPq#0;2;0;0;0#0~~@@\u{9c}b"), "ab");
        // BEL ends only OSC: here it is payload.
        assert_eq!(check("a\x1bPx\x07y\x1b\\b"), "ab");
        assert_eq!(check("a\u{90}payload\u{9c}b"), "ab");
    }

    #[test]
    fn apc_removed() {
        assert_eq!(check("a\x1b_Gf=100;AAAA\x1b\\b"), "ab");
        assert_eq!(check("a\u{9f}payload\u{9c}b"), "ab");
    }

    #[test]
    fn pm_removed() {
        assert_eq!(check("a\x1b^private\x1b\\b"), "ab");
        assert_eq!(check("a\u{9e}private\u{9c}b"), "ab");
    }

    #[test]
    fn sos_removed() {
        assert_eq!(check("a\x1bXstring\x1b\\b"), "ab");
        assert_eq!(check("a\u{98}string\u{9c}b"), "ab");
    }

    #[test]
    fn unterminated_string_sequences_removed_to_end() {
        assert_eq!(check("a\x1bPno end"), "a");
        assert_eq!(check("a\x1b_no end"), "a");
        assert_eq!(check("a\x1b^no end"), "a");
        assert_eq!(check("a\x1bXno end"), "a");
    }

    // --- Other escapes ---

    #[test]
    fn nf_sequences_removed() {
        assert_eq!(check("a\x1b(Bb"), "ab");
        assert_eq!(check("a\x1b)0b"), "ab");
        // DECALN would fill the screen with `E`.
        assert_eq!(check("a\x1b#8b"), "ab");
        assert_eq!(check("a\x1b%Gb"), "ab");
        // Intermediates without a final byte: the next character is kept.
        assert_eq!(check("a\x1b(ā"), "aā");
    }

    #[test]
    fn two_character_escapes_removed() {
        assert_eq!(check("a\x1bcb"), "ab");
        assert_eq!(check("a\x1b7b\x1b8c"), "abc");
        assert_eq!(check("a\x1b=b\x1b>c"), "abc");
        assert_eq!(check("a\x1bMb\x1bDc\x1bEd"), "abcd");
        assert_eq!(check("a\x1b\\b"), "ab");
    }

    #[test]
    fn lone_esc_removed() {
        assert_eq!(check("end\x1b"), "end");
        assert_eq!(check("\x1b"), "");
        assert_eq!(check("a\x1bāb"), "aāb");
        assert_eq!(check("a\x1b\nb"), "a\nb");
        assert_eq!(check("a\x1b\x1b[31mb"), "ab");
    }

    // --- Control characters ---

    #[test]
    fn raw_c1_controls_removed() {
        assert_eq!(check("a\u{85}b\u{9c}c\u{80}d\u{9f}"), "abcd");
        assert_eq!(check("a\u{8d}b"), "ab");
    }

    #[test]
    fn c0_controls_removed() {
        assert_eq!(check("a\0b"), "ab");
        assert_eq!(check("ding\x07dong"), "dingdong");
        assert_eq!(check("abc\x08\x08\x08xyz"), "abcxyz");
        assert_eq!(check("a\x0bb\x0cc"), "abc");
        assert_eq!(check("a\x0e\x0fb\x18c\x1ad"), "abcd");
    }

    #[test]
    fn del_removed() {
        assert_eq!(check("a\x7fb"), "ab");
    }

    #[test]
    fn carriage_returns() {
        assert_eq!(check("one\r\ntwo\r\n"), "one\ntwo\n");
        assert_eq!(check("secret\rshown"), "secretshown");
        assert_eq!(check("a\r\r\nb"), "a\nb");
    }

    // --- Bidi and invisible characters ---

    #[test]
    fn bidi_controls_removed() {
        assert_eq!(check("abc\u{202e}txt.exe"), "abctxt.exe");
        assert_eq!(
            check("\u{202a}a\u{202b}b\u{202c}c\u{202d}d\u{202e}"),
            "abcd"
        );
        assert_eq!(check("\u{2066}a\u{2067}b\u{2068}c\u{2069}"), "abc");
        assert_eq!(check("a\u{200e}b\u{200f}c\u{61c}d"), "abcd");
        assert_eq!(check("שלום\u{2067}مرحبا\u{2069}"), "שלוםمرحبا");
    }

    #[test]
    fn zero_width_characters_removed() {
        assert_eq!(check("pay\u{200b}pal"), "paypal");
        assert_eq!(check("a\u{200c}b"), "ab");
        assert_eq!(check("\u{feff}BOM"), "BOM");
        assert_eq!(check("soft\u{ad}hyphen"), "softhyphen");
        assert_eq!(check("a\u{2060}b\u{2061}c\u{2064}d"), "abcd");
        assert_eq!(check("a\u{180e}b\u{34f}c"), "abc");
        assert_eq!(check("\u{fff9}a\u{fffa}b\u{fffb}\u{fffc}"), "ab");
    }

    #[test]
    fn zwj_removed_splitting_emoji_sequences() {
        assert_eq!(check("👩🏽\u{200d}💻"), "👩🏽💻");
        assert_eq!(check("👨\u{200d}👩\u{200d}👧"), "👨👩👧");
    }

    #[test]
    fn tag_characters_removed() {
        assert_eq!(
            check("🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}"),
            "🏴"
        );
        assert_eq!(check("a\u{e0000}b\u{e0001}c"), "abc");
    }

    #[test]
    fn line_and_paragraph_separators_become_newlines() {
        assert_eq!(check("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(check_line("a\u{2028}b\u{2029}c"), "a b c");
    }

    // --- Tabs ---

    #[test]
    fn tab_at_column_zero() {
        assert_eq!(check("\tx"), "        x");
        assert_eq!(check("\t\tx"), format!("{}x", " ".repeat(16)));
    }

    #[test]
    fn tab_after_text() {
        assert_eq!(check("ab\tc"), "ab      c");
        assert_eq!(check("abcdefg\tc"), "abcdefg c");
        assert_eq!(check("abcdefgh\tc"), "abcdefgh        c");
        assert_eq!(check("ab\tcd\te"), "ab      cd      e");
    }

    #[test]
    fn tab_after_wide_text() {
        // Each CJK character is two columns wide.
        assert_eq!(check("中文\tx"), "中文    x");
        assert_eq!(check("中文新闻\tx"), "中文新闻        x");
        // Combining marks take no columns.
        assert_eq!(check("e\u{301}\tx"), "e\u{301}       x");
    }

    #[test]
    fn tab_columns_restart_after_newline() {
        assert_eq!(
            check("long first line\nab\tc"),
            "long first line\nab      c"
        );
        assert_eq!(check("x\tlong\r\nab\tc"), "x       long\nab      c");
    }

    #[test]
    fn removed_sequences_take_no_columns() {
        assert_eq!(check("\x1b[31mab\x1b[0m\tc"), "ab      c");
        assert_eq!(check("a\u{200b}\u{202e}b\tc"), "ab      c");
    }

    // --- sanitize_line ---

    #[test]
    fn sanitize_line_joins_lines() {
        assert_eq!(check_line("one\ntwo"), "one two");
        assert_eq!(check_line("one\r\ntwo"), "one two");
        assert_eq!(check_line("\x1b[31mred\x1b[0m\nline"), "red line");
        assert!(matches!(sanitize_line("clean line"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("not\none"), Cow::Owned(_)));
    }

    #[test]
    fn sanitize_line_tabs_count_from_line_start() {
        assert_eq!(check_line("abc\nd\te"), "abc d   e");
    }

    // --- Whole-range and adversarial ---

    #[test]
    fn no_code_point_survives_as_forbidden() {
        // One reused buffer keeps this 1.1M-code-point loop quick in debug builds.
        let mut input = String::new();
        for cp in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for (prefix, suffix) in [("a", "b"), ("\x1b", "b"), ("\x1b[", "b")] {
                input.clear();
                input.push_str(prefix);
                input.push(c);
                input.push_str(suffix);
                let out = sanitize(&input);
                assert!(
                    !out.chars().any(forbidden),
                    "U+{cp:04X} left {out:?} from {input:?}"
                );
                assert_eq!(is_clean(&input), matches!(out, Cow::Borrowed(_)));
                if prefix == "a" {
                    let line = sanitize_line(&input);
                    assert!(!line.chars().any(|c| forbidden(c) || c == '\n'));
                    // Anything not forbidden is kept as is.
                    if !forbidden(c) && c != '\x1b' && c != '\n' {
                        assert!(matches!(out, Cow::Borrowed(_)), "U+{cp:04X} changed");
                    }
                }
            }
        }
    }

    #[test]
    fn adversarial_escape_floods_complete() {
        let n = 1_000_000 / 2;
        assert_eq!(check(&"\x1b[".repeat(n)), "");
        assert_eq!(check(&"\x1b]".repeat(n)), "");
        assert_eq!(check(&"\x1b(".repeat(n)), "");
        assert_eq!(check(&"\u{9b}".repeat(n)), "");
        assert_eq!(check(&"\x1b[1;".repeat(n / 2)), "");
        assert_eq!(check(&"\t".repeat(n)).len(), n * TAB_STOP);
        assert_eq!(check(&"a\t".repeat(n / 2)).len(), n / 2 * TAB_STOP);
    }

    #[test]
    fn file_names_are_escaped_visibly_and_never_collide() {
        assert_eq!(
            escape_name("2022-01-14-tass.md".as_bytes()),
            "2022-01-14-tass.md"
        );
        assert_eq!(
            escape_name("Latvijas Avīze.md".as_bytes()),
            "Latvijas Avīze.md"
        );
        assert_eq!(escape_name(b"\x1b[31m.md"), "\\x1b[31m.md");
        assert_eq!(escape_name(b"a\nb.md"), "a\\x0ab.md");
        assert_eq!(escape_name(b"\xff\xfe.md"), "\\xff\\xfe.md");
        assert_eq!(escape_name("\u{202e}dm.exe".as_bytes()), "\\u{202e}dm.exe");
        let names: Vec<&[u8]> = vec![
            b".md",
            b"\x1b[31m.md",
            b"\x1b]0;x\x07.md",
            b"\x07.md",
            b"\\x07.md",
            b"\x1b.md",
            b"\xc2\x9b.md",
            b"\x9b.md",
            "\u{200b}.md".as_bytes(),
            "\u{202e}.md".as_bytes(),
            b"\r.md",
            b"\t.md",
            b"\n.md",
        ];
        let shown: std::collections::HashSet<String> =
            names.iter().map(|n| escape_name(n)).collect();
        assert_eq!(shown.len(), names.len(), "{shown:?}");
        for s in &shown {
            assert!(
                is_clean(s) && !s.contains('\n'),
                "{s:?} is not plain visible text"
            );
        }
    }

    #[test]
    fn invisible_characters_that_used_to_pass_are_removed() {
        let listed: Vec<char> = [
            0x115f, 0x1160, 0x3164, 0xffa0, 0x17b4, 0x17b5, 0x0600, 0x0601, 0x0602, 0x0603, 0x0604,
            0x0605,
        ]
        .into_iter()
        .chain(0x206a..=0x206f)
        .chain(0x1d173..=0x1d17a)
        .chain(0x1bca0..=0x1bca3)
        .chain(0x13430..=0x1343f)
        .filter_map(char::from_u32)
        .collect();
        assert_eq!(listed.len(), 46);
        for c in listed {
            let text = format!("a{c}b");
            assert_eq!(sanitize(&text), "ab", "U+{:04X} passed", u32::from(c));
            assert_eq!(sanitize_line(&text), "ab", "U+{:04X} passed", u32::from(c));
            assert!(!is_clean(&text), "U+{:04X} counted as clean", u32::from(c));
        }
    }

    #[test]
    fn visible_text_and_variation_selectors_stay() {
        for text in [
            "Ряbков · Latišenko · 北京 · مرحبا · עברית · हिन्दी · 한국어",
            "❤\u{fe0f} ☺\u{fe0e} 葛\u{e0100} ᠠ\u{180b}",
            "\u{a0}non-breaking\u{2009}thin\u{3000}ideographic",
        ] {
            assert_eq!(sanitize(text), text);
        }
    }

    /// The ranges of [`INVISIBLE_RANGES`], built from ICU4X's data.
    fn invisible_ranges_from_the_data() -> Vec<(u32, u32)> {
        use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory};
        use icu_properties::{CodePointMapData, CodePointSetData};
        let mut all: Vec<(u32, u32)> = CodePointSetData::new::<DefaultIgnorableCodePoint>()
            .iter_ranges()
            .chain(
                CodePointMapData::<GeneralCategory>::new()
                    .iter_ranges_for_value(GeneralCategory::Format),
            )
            .map(|r| (*r.start(), *r.end()))
            .chain([(0xfffc, 0xfffc)])
            .collect();
        all.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(all.len());
        for (start, end) in all {
            match merged.last_mut() {
                Some(last) if start <= last.1.saturating_add(1) => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
    }

    #[test]
    fn the_range_table_is_the_unicode_data() {
        let data = invisible_ranges_from_the_data();
        let table: String = data
            .iter()
            .map(|(a, b)| format!("    (0x{a:04x}, 0x{b:04x}),\n"))
            .collect();
        assert_eq!(
            INVISIBLE_RANGES,
            &data[..],
            "the Unicode data changed: INVISIBLE_RANGES is now\n{table}"
        );
    }

    #[test]
    fn the_range_table_agrees_with_the_properties_for_every_code_point() {
        use icu_properties::props::{
            DefaultIgnorableCodePoint, GeneralCategory, VariationSelector,
        };
        use icu_properties::{CodePointMapData, CodePointSetData};
        let by_property = |c: char| {
            (c == '\u{fffc}'
                || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
                || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format)
                && !CodePointSetData::new::<VariationSelector>().contains(c)
        };
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_invisible(c), by_property(c), "U+{:04X}", u32::from(c));
        }
    }
}
