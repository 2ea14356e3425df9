//! Properties shared by the fuzz targets: what text taken from an untrusted file may
//! contain once readout has sanitised it.

/// Bidi controls and zero-width / invisible format characters that `sanitize` documents
/// as removed.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffc}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// A character that must never reach the terminal: any control (C0, DEL, C1, tab
/// included) other than `\n` when `newline_ok`, an invisible one, or U+2028/U+2029.
pub fn forbidden(c: char, newline_ok: bool) -> bool {
    if c == '\n' {
        return !newline_ok;
    }
    c.is_control() || is_invisible(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Panics (so libFuzzer records a crash) if `text` holds a forbidden character.
#[track_caller]
pub fn assert_clean(what: &str, text: &str, newline_ok: bool) {
    if let Some(c) = text.chars().find(|&c| forbidden(c, newline_ok)) {
        panic!("{what}: forbidden U+{:04X} left in {text:?}", c as u32);
    }
}

/// Panics if an error position is not 1-based, or if its path or message (which reach
/// the terminal, and can quote the file) hold a forbidden character.
#[track_caller]
pub fn assert_error(e: &readout::corpus::CorpusError) {
    assert!(
        e.line >= 1 && e.col >= 1,
        "error position not 1-based: {}:{}: {:?}",
        e.line,
        e.col,
        e.message
    );
    assert_clean("error path", &e.path, false);
    assert_clean("error message", &e.message, false);
}
