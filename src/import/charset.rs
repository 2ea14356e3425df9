//! Decoding a saved page to text: a byte-order mark, else the `charset` the page
//! declares in its first kilobytes, else UTF-8 if it is valid, else windows-1252 (what
//! browsers assume for legacy Western pages), with a note that it was a guess.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// A decoded page: its text, the encoding used, and why it was chosen.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The page as text.
    pub text: Cow<'a, str>,
    /// The encoding's name, e.g. "windows-1251".
    pub encoding: &'static str,
    /// A note when the encoding was a guess or bytes were not valid in it.
    pub unsure: Option<String>,
}

/// How far into the page a `charset` declaration is looked for, as browsers do.
const PRESCAN: usize = 4096;

/// Decodes `bytes` as the page says it is encoded.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return finish(text, encoding, had_errors, None);
    }
    if let Some(encoding) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page saved as UTF-8 often keeps its original declaration; "utf-16" in a
        // byte stream that reached us as ASCII-compatible text means UTF-8 too.
        let encoding = encoding.output_encoding();
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        return finish(text, encoding, had_errors, None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
            unsure: None,
        },
        Err(_) => {
            let (text, had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
            finish(
                text,
                WINDOWS_1252,
                had_errors,
                Some("the page declares no charset and is not UTF-8: read as windows-1252".into()),
            )
        }
    }
}

fn finish<'a>(
    text: Cow<'a, str>,
    encoding: &'static Encoding,
    had_errors: bool,
    unsure: Option<String>,
) -> Decoded<'a> {
    let unsure = unsure.or_else(|| {
        had_errors.then(|| {
            format!(
                "some bytes are not valid {}: replaced with \u{fffd}",
                encoding.name()
            )
        })
    });
    Decoded {
        text,
        encoding: encoding.name(),
        unsure,
    }
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="…; charset=…">` (or an XML declaration) in `head`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut at = from + i + b"charset".len();
        from = at;
        while lower.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
            at += 1;
        }
        if lower.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while lower
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            at += 1;
        }
        let end = lower[at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || b"\"';>/".contains(b))
            .map_or(lower.len(), |n| at + n);
        if let Some(e) = Encoding::for_label(&lower[at..end]) {
            return Some(e);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_legacy_charset_is_used() {
        // "Переговоры" in windows-1251.
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&[0xcf, 0xe5, 0xf0, 0xe5, 0xe3, 0xee, 0xe2, 0xee, 0xf0, 0xfb]);
        let d = decode(&page);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.ends_with("<body>Переговоры"));
        assert_eq!(d.unsure, None);
    }

    #[test]
    fn http_equiv_and_xml_declarations() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">\xb1";
        let d = decode(page);
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.ends_with('ą'));
        let page = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><p charset = 'koi8-r'>\xf0";
        assert_eq!(decode(page).encoding, "KOI8-R");
    }

    #[test]
    fn undeclared_pages_are_utf8_or_windows_1252_with_a_note() {
        let d = decode("Avīze".as_bytes());
        assert_eq!((d.encoding, d.unsure.is_none()), ("UTF-8", true));
        let d = decode(b"caf\xe9");
        assert_eq!(d.text, "café");
        assert!(d.unsure.is_some_and(|u| u.contains("windows-1252")));
        let d = decode(b"\xef\xbb\xbfplain");
        assert_eq!(d.text, "plain");
    }
}
