//! Properties shared by the fuzz targets: what text taken from an untrusted file may
//! contain once readout has sanitised it.

/// Invisible characters that `sanitize` documents as removed: the sanitiser's own rule
/// (Default_Ignorable_Code_Point or format, but not a variation selector; and U+FFFC).
pub fn is_invisible(c: char) -> bool {
    readout::text::sanitize::is_invisible(c)
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
