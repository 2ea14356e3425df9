//! The typed error of a corpus file: where it is wrong (file, line, column) and how.

use std::fmt;

use crate::text::sanitize::sanitize_line;

/// One problem found while loading a corpus: a file that was skipped, or a part of one.
///
/// Displayed as `path:line:col: message`, the form editors and terminals can jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// The file as the user named it (a bundled file is shown as `articles/NAME`).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong, in a sentence a user can act on.
    pub message: String,
}

impl CorpusError {
    /// A problem at a known position.
    /// The path and the message are sanitised here, once: both can carry what a file
    /// (or its name) holds, and both reach the terminal.
    pub fn at(path: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        CorpusError {
            path: sanitize_line(path).into_owned(),
            line: line.max(1),
            col: col.max(1),
            message: sanitize_line(&message.into()).into_owned(),
        }
    }

    /// A problem at a byte offset of `text`, which starts at line `first_line` of the file.
    pub fn at_offset(
        path: &str,
        text: &str,
        offset: usize,
        first_line: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, col) = line_col(text, offset);
        Self::at(path, first_line + line - 1, col, message)
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for CorpusError {}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nĀž x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // "Āž " is 5 bytes; the x is the 4th character of line 2.
        assert_eq!(line_col(text, 8), (2, 4));
        assert_eq!(line_col(text, 999), (2, 5));
    }

    #[test]
    fn display_is_path_line_col_message() {
        let e = CorpusError::at("a.md", 3, 7, "bad date");
        assert_eq!(e.to_string(), "a.md:3:7: bad date");
    }
}
