//! Keys as a configuration file names them: `j`, `G`, `ctrl-d`, `shift-tab`, `f1`, and
//! sequences such as `g g`. Plain data: the reader maps them onto terminal events.

use std::fmt;

/// The screens a binding can belong to; `global` applies wherever a screen does not
/// bind the key itself.
pub const SCREENS: &[&str] = &["global", "list", "reader", "compare", "coverage"];

/// The actions a key can be bound to, as the help names them.
pub const ACTIONS: &[&str] = &[
    "quit",
    "focus_next",
    "focus_prev",
    "left",
    "right",
    "open",
    "back",
    "down",
    "up",
    "page_down",
    "page_up",
    "half_page_down",
    "half_page_up",
    "top",
    "bottom",
    "search",
    "next_match",
    "prev_match",
    "help",
    "zoom",
    "problems",
    "toggle_read",
    "next_unread",
    "mark_all_read",
    "filter",
    "clear_filter",
    "sort",
    "compare",
    "prev_event",
    "next_event",
    "coverage",
    "copy",
    "copy_url",
    "why",
];

/// A key without its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A printable character, as typed (`G` is shift-g).
    Char(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab, as terminals send it.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, F1 to F12.
    F(u8),
}

/// One key press: a key and its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub name: KeyName,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
    /// Shift held (for named keys; a character carries its own case).
    pub shift: bool,
}

/// Keys pressed one after another.
pub type KeySeq = Vec<Key>;

const NAMES: &[(&str, KeyName)] = &[
    ("enter", KeyName::Enter),
    ("return", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("escape", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("backtab", KeyName::BackTab),
    ("space", KeyName::Char(' ')),
    ("backspace", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("del", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("pgup", KeyName::PageUp),
    ("pageup", KeyName::PageUp),
    ("pgdn", KeyName::PageDown),
    ("pagedown", KeyName::PageDown),
    ("home", KeyName::Home),
    ("end", KeyName::End),
];

/// Parses `g g`, `ctrl-d`, `shift-tab`, `F1`, `?`. The message says what is wrong.
pub fn parse_seq(spec: &str) -> Result<KeySeq, String> {
    let keys: Vec<&str> = spec.split_whitespace().collect();
    if keys.is_empty() {
        return Err("an empty key; write a key such as \"j\", \"ctrl-d\" or \"g g\"".to_string());
    }
    keys.into_iter().map(parse_key).collect()
}

fn parse_key(word: &str) -> Result<Key, String> {
    let mut key = Key {
        name: KeyName::Char(' '),
        ctrl: false,
        alt: false,
        shift: false,
    };
    let mut rest = word;
    // A modifier is a prefix ending in `-`; a lone `-` is the minus key.
    while let Some((m, after)) = rest.split_once('-').filter(|(_, a)| !a.is_empty()) {
        match m.to_ascii_lowercase().as_str() {
            "ctrl" | "c" => key.ctrl = true,
            "alt" | "a" | "meta" | "m" => key.alt = true,
            "shift" | "s" => key.shift = true,
            _ => break,
        }
        rest = after;
    }
    let mut chars = rest.chars();
    key.name = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyName::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            if let Some((_, n)) = NAMES.iter().find(|(n, _)| *n == lower) {
                *n
            } else if let Some(n) = lower
                .strip_prefix('f')
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n))
            {
                KeyName::F(n)
            } else {
                return Err(format!(
                    "unknown key {word:?}; a key is one character or one of {}, f1-f12, with ctrl-, alt- or shift- before it",
                    NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                ));
            }
        }
    };
    // Shift-Tab is what terminals call BackTab.
    if key.name == KeyName::Tab && key.shift {
        key.name = KeyName::BackTab;
        key.shift = false;
    }
    if let KeyName::Char(c) = key.name
        && key.shift
        && c.is_ascii_alphabetic()
    {
        key.name = KeyName::Char(c.to_ascii_uppercase());
        key.shift = false;
    }
    Ok(key)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.name {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMES
                    .iter()
                    .find(|(_, k)| *k == other)
                    .map_or("?", |(n, _)| *n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_modifiers_and_sequences() {
        let seq = parse_seq("g g").expect("valid");
        assert_eq!(seq.len(), 2);
        let k = parse_seq("Ctrl-d").expect("valid")[0];
        assert!(k.ctrl && k.name == KeyName::Char('d'));
        assert_eq!(
            parse_seq("shift-tab").expect("valid")[0].name,
            KeyName::BackTab
        );
        assert_eq!(
            parse_seq("shift-g").expect("valid"),
            parse_seq("G").expect("valid")
        );
        assert_eq!(parse_seq("F1").expect("valid")[0].name, KeyName::F(1));
        assert_eq!(parse_seq("-").expect("valid")[0].name, KeyName::Char('-'));
        assert!(parse_seq("hyper-x").is_err());
        assert!(parse_seq("f13").is_err());
        assert!(parse_seq("  ").is_err());
    }

    #[test]
    fn a_key_prints_as_it_is_written() {
        for spec in ["ctrl-d", "space", "f5", "pgdn", "G", "backtab", "alt-enter"] {
            let k = parse_seq(spec).expect("valid")[0];
            assert_eq!(k.to_string(), spec);
        }
    }
}
