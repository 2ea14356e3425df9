//! The configuration's keys in terminal terms: how the key map takes the user's
//! `[keys.SCREEN]` bindings. The one place that knows how a configured key maps onto
//! crossterm.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::config::{Key, KeyName};

/// The crossterm code and modifiers a terminal reports for `key`.
pub fn key_code(key: &Key) -> (KeyCode, KeyModifiers) {
    let code = match key.name {
        KeyName::Char(c) => KeyCode::Char(c),
        KeyName::Enter => KeyCode::Enter,
        KeyName::Esc => KeyCode::Esc,
        KeyName::Tab => KeyCode::Tab,
        KeyName::BackTab => KeyCode::BackTab,
        KeyName::Backspace => KeyCode::Backspace,
        KeyName::Delete => KeyCode::Delete,
        KeyName::Insert => KeyCode::Insert,
        KeyName::Up => KeyCode::Up,
        KeyName::Down => KeyCode::Down,
        KeyName::Left => KeyCode::Left,
        KeyName::Right => KeyCode::Right,
        KeyName::PageUp => KeyCode::PageUp,
        KeyName::PageDown => KeyCode::PageDown,
        KeyName::Home => KeyCode::Home,
        KeyName::End => KeyCode::End,
        KeyName::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    if key.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if key.alt {
        mods |= KeyModifiers::ALT;
    }
    // Shift on a named key (shift-up). Characters carry their case instead, and
    // Shift-Tab is BackTab, as the key map matches them (it ignores SHIFT).
    if key.shift {
        mods |= KeyModifiers::SHIFT;
    }
    (code, mods)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_seq;

    #[test]
    fn configured_keys_become_what_the_terminal_reports() {
        let one = |s: &str| key_code(&parse_seq(s).expect("valid")[0]);
        assert_eq!(one("ctrl-d"), (KeyCode::Char('d'), KeyModifiers::CONTROL));
        assert_eq!(one("G"), (KeyCode::Char('G'), KeyModifiers::NONE));
        assert_eq!(one("shift-tab"), (KeyCode::BackTab, KeyModifiers::NONE));
        assert_eq!(one("shift-up"), (KeyCode::Up, KeyModifiers::SHIFT));
        assert_eq!(one("pgdn"), (KeyCode::PageDown, KeyModifiers::NONE));
        assert_eq!(one("alt-f2"), (KeyCode::F(2), KeyModifiers::ALT));
    }
}
