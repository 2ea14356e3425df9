//! ASCII output: when the locale is not UTF-8, or `--ascii` asks, plain output is
//! ASCII from end to end — our own marks and the articles' text alike, since UTF-8
//! bytes in a Latin-1 or C locale are garbage, not typography.

use std::borrow::Cow;

/// True if the locale (LC_ALL, else LC_CTYPE, else LANG) names UTF-8; an unset locale
/// counts as UTF-8, as on most modern systems.
pub fn locale_is_utf8() -> bool {
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            let v = v.to_ascii_lowercase();
            return v.contains("utf-8") || v.contains("utf8");
        }
    }
    true
}

/// `text` in ASCII: typographic marks by their usual ASCII stand-ins (so "—" is "--",
/// "…" is "...", "¶" is "#"), letters by their closest transliteration ("Avīze" is
/// "Avize", "Москва" is "Moskva"). ASCII text comes back borrowed.
pub fn to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match mark(c) {
            Some(s) => out.push_str(s),
            None => {
                // deunicode spells some letters with a trailing space (CJK syllables);
                // between two such, the space is the word break a reader needs.
                let t = deunicode::deunicode_char(c).unwrap_or("?");
                out.push_str(t);
            }
        }
    }
    Cow::Owned(out)
}

/// The ASCII form of the marks readout itself draws, and of typography whose
/// transliteration would read badly.
fn mark(c: char) -> Option<&'static str> {
    Some(match c {
        '—' => "--",
        '–' | '‐' | '‑' | '−' => "-",
        '…' => "...",
        '·' | '•' => "-",
        '≈' => "~",
        '¶' => "#",
        '│' | '┃' | '▏' => "|",
        '■' => "[x]",
        '□' => "[ ]",
        '‘' | '’' | '‚' | '′' => "'",
        '“' | '”' | '„' | '″' | '«' | '»' => "\"",
        '\u{a0}' | '\u{202f}' | '\u{2009}' => " ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_readout_draws_becomes_ascii() {
        let marks = "▏ │ • ≈ · ¶ … — – ’ “ ” ■ □";
        let ascii = to_ascii(marks);
        assert!(ascii.is_ascii(), "{ascii}");
        assert_eq!(ascii, "| | - ~ - # ... -- - ' \" \" [x] [ ]");
    }

    #[test]
    fn letters_are_transliterated_and_ascii_is_borrowed() {
        assert_eq!(to_ascii("Latvijas Avīze"), "Latvijas Avize");
        assert_eq!(to_ascii("Москва"), "Moskva");
        assert!(matches!(to_ascii("plain"), Cow::Borrowed("plain")));
        assert!(to_ascii("中文 😀").is_ascii());
    }
}
