//! Copying to the clipboard with OSC 52: the terminal itself puts the text on the
//! system clipboard, so it works over SSH with nothing installed on either side.
//! Whether a terminal takes OSC 52 cannot be asked reliably (most never answer a
//! query), so readout decides from what is known: the Linux console and `dumb` do not;
//! `READOUT_CLIPBOARD=0` turns it off for any other.

use base64::Engine as _;

/// Whether copying can reach a clipboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Clipboard {
    /// Copies go out as OSC 52.
    #[default]
    Osc52,
    /// Copying is off, and why, in words for the status line.
    Off(String),
}

/// The most text one copy sends: terminals cap OSC 52 (xterm and tmux near 100 kB of
/// base64), and a passage is never near this.
pub const MAX_BYTES: usize = 64 * 1024;

/// What the environment says of the terminal's clipboard.
pub fn detect() -> Clipboard {
    let term = std::env::var("TERM").unwrap_or_default();
    decide(&term, std::env::var("READOUT_CLIPBOARD").ok().as_deref())
}

/// The decision [`detect`] makes, from `TERM` and `READOUT_CLIPBOARD`.
pub fn decide(term: &str, setting: Option<&str>) -> Clipboard {
    if setting == Some("0") {
        return Clipboard::Off("READOUT_CLIPBOARD=0 turns copying off".to_string());
    }
    match term {
        "dumb" | "linux" | "" => Clipboard::Off(format!(
            "TERM={} has no OSC 52 clipboard",
            if term.is_empty() { "(unset)" } else { term }
        )),
        _ => Clipboard::Osc52,
    }
}

/// The escape sequence that puts `text` on the clipboard: `ESC ] 52 ; c ; base64 BEL`.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_escape_and_bel() {
        assert_eq!(osc52("¶1 hi"), "\x1b]52;c;wrYxIGhp\x07");
    }

    #[test]
    fn consoles_without_osc52_and_the_switch_turn_copying_off() {
        assert_eq!(decide("xterm-256color", None), Clipboard::Osc52);
        assert_eq!(decide("tmux-256color", Some("1")), Clipboard::Osc52);
        assert!(matches!(decide("linux", None), Clipboard::Off(m) if m.contains("TERM=linux")));
        assert!(matches!(decide("dumb", None), Clipboard::Off(_)));
        assert!(matches!(decide("", None), Clipboard::Off(m) if m.contains("unset")));
        assert!(
            matches!(decide("xterm", Some("0")), Clipboard::Off(m) if m.contains("READOUT_CLIPBOARD"))
        );
    }
}
