//! Where plain output goes and how wide it may be; the generated man page and shell
//! completions, from the same argument definitions as the program.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;
use crate::text::ascii::to_ascii;

/// A writer that passes text through, or transliterates it to ASCII. Bytes of a
/// character split across two writes wait for the rest, so nothing is mangled.
pub struct AsciiOut<W: Write> {
    inner: W,
    ascii: bool,
    pending: Vec<u8>,
}

impl<W: Write> AsciiOut<W> {
    /// Wraps `inner`; with `ascii` false, every byte passes unchanged.
    pub fn new(inner: W, ascii: bool) -> Self {
        AsciiOut {
            inner,
            ascii,
            pending: Vec::new(),
        }
    }

    /// The wrapped writer, after writing anything still pending.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for AsciiOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.ascii {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let mut rest: &[u8] = &self.pending;
        let mut text = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    text.push_str(&to_ascii(s));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, after) = rest.split_at(e.valid_up_to());
                    // valid_up_to is a char boundary, so this cannot fail.
                    text.push_str(&to_ascii(std::str::from_utf8(good).unwrap_or("")));
                    match e.error_len() {
                        // An incomplete character at the end: keep it for the next write.
                        None => {
                            rest = after;
                            break;
                        }
                        Some(n) => {
                            text.push('?');
                            rest = &after[n..];
                        }
                    }
                }
            }
        }
        let rest = rest.to_vec();
        self.inner.write_all(text.as_bytes())?;
        self.pending = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            // What never completed is not a character.
            self.pending.clear();
            self.inner.write_all(b"?")?;
        }
        self.inner.flush()
    }
}

/// The width to fit when no `--width` is given: `$COLUMNS` when set to a number, else
/// the terminal's width when standard output is one.
pub fn columns(terminal: bool) -> Option<usize> {
    if let Some(c) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return Some(c);
    }
    if !terminal {
        return None;
    }
    rustix::termios::tcgetwinsize(rustix::stdio::stdout())
        .ok()
        .map(|w| usize::from(w.ws_col))
        .filter(|&c| c > 0)
}

/// A completion script for `shell`.
pub fn completions(out: &mut impl Write, shell: clap_complete::Shell) -> io::Result<()> {
    clap_complete::generate(shell, &mut Cli::command(), "readout", out);
    Ok(())
}

/// The manual page, in roff.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// Escapes the characters Markdown would read as markup.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_split_across_writes_is_transliterated_whole() {
        let mut out = AsciiOut::new(Vec::new(), true);
        let bytes = "a—b ¶1".as_bytes();
        // Split inside the three bytes of the em dash.
        out.write_all(&bytes[..2]).expect("write");
        out.write_all(&bytes[2..]).expect("write");
        assert_eq!(out.into_inner().expect("flush"), b"a--b #1");
    }

    #[test]
    fn invalid_bytes_become_question_marks_and_off_passes_everything() {
        let mut out = AsciiOut::new(Vec::new(), true);
        out.write_all(b"x\xffy").expect("write");
        assert_eq!(out.into_inner().expect("flush"), b"x?y");
        let mut out = AsciiOut::new(Vec::new(), false);
        out.write_all("¶".as_bytes()).expect("write");
        assert_eq!(out.into_inner().expect("flush"), "¶".as_bytes());
    }
}
