//! Key bindings as data. The same table answers "what does this key do here" for the
//! event loop and "which keys do this" for the help overlay and the footer hints, so
//! the help can never disagree with the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where the user is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The article list has focus.
    List,
    /// The reading pane has focus.
    Reader,
    /// The comparison screen.
    Compare,
    /// The coverage overview.
    Coverage,
    /// An overlay (help, problems) is open.
    Overlay,
    /// The search line is being typed in.
    Search,
}

impl Context {
    /// The heading for this context in the help overlay.
    pub fn name(self) -> &'static str {
        match self {
            Context::List => "Article list",
            Context::Reader => "Reading pane",
            Context::Compare => "Comparison",
            Context::Coverage => "Coverage overview",
            Context::Overlay => "Help and problems",
            Context::Search => "Typing a search",
        }
    }
}

/// A key: a code and the modifiers that must be held (Shift is ignored for characters,
/// since the character already says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control or Alt, if needed.
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        self.label_in(false)
    }

    /// How the key is written, in ASCII only when `ascii`.
    pub fn label_in(&self, ascii: bool) -> String {
        let base = match self.code {
            KeyCode::Up if ascii => "Up".to_string(),
            KeyCode::Down if ascii => "Down".to_string(),
            KeyCode::Left if ascii => "Left".to_string(),
            KeyCode::Right if ascii => "Right".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding: keys, the action, where it applies, and what help says of it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Any of these keys.
    pub keys: &'static [Key],
    /// Does this.
    pub action: Action,
    /// In these contexts.
    pub contexts: &'static [Context],
    /// In words, for the help overlay.
    pub help: &'static str,
}

use Context::{Compare as C, Coverage as V, List as L, Overlay as O, Reader as R, Search as S};

/// Every binding, in the order help shows them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key('j'), code(KeyCode::Down)],
        action: Action::Down,
        contexts: &[L, R, C, V, O],
        help: "down a line / item",
    },
    Binding {
        keys: &[key('k'), code(KeyCode::Up)],
        action: Action::Up,
        contexts: &[L, R, C, V, O],
        help: "up a line / item",
    },
    Binding {
        keys: &[key(' '), code(KeyCode::PageDown), ctrl('f')],
        action: Action::PageDown,
        contexts: &[L, R, C, O],
        help: "page down",
    },
    Binding {
        keys: &[key('b'), code(KeyCode::PageUp), ctrl('b')],
        action: Action::PageUp,
        contexts: &[L, R, C, O],
        help: "page up",
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        contexts: &[L, R, C, O],
        help: "half a page down",
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        contexts: &[L, R, C, O],
        help: "half a page up",
    },
    Binding {
        keys: &[key('g'), code(KeyCode::Home)],
        action: Action::Top,
        contexts: &[L, R, C, V, O],
        help: "to the top",
    },
    Binding {
        keys: &[key('G'), code(KeyCode::End)],
        action: Action::Bottom,
        contexts: &[L, R, C, V, O],
        help: "to the end",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: &[L],
        help: "open the article",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: &[C],
        help: "open the focused passage in the reader",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: &[V],
        help: "compare the chosen event and outlet",
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        contexts: &[L, R],
        help: "next pane",
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        contexts: &[L, R],
        help: "previous pane",
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        contexts: &[C],
        help: "focus the next column",
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        contexts: &[C],
        help: "focus the previous column",
    },
    Binding {
        keys: &[key('h'), code(KeyCode::Left)],
        action: Action::Left,
        contexts: &[L, R],
        help: "focus the list",
    },
    Binding {
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::Right,
        contexts: &[L, R],
        help: "focus the reader",
    },
    Binding {
        keys: &[key('h'), code(KeyCode::Left)],
        action: Action::Left,
        contexts: &[C, V],
        help: "show earlier outlets / previous outlet",
    },
    Binding {
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::Right,
        contexts: &[C, V],
        help: "show later outlets / next outlet",
    },
    Binding {
        keys: &[key('/')],
        action: Action::Search,
        contexts: &[L, R],
        help: "search the open article",
    },
    Binding {
        keys: &[key('n')],
        action: Action::NextMatch,
        contexts: &[L, R],
        help: "next match",
    },
    Binding {
        keys: &[key('N')],
        action: Action::PrevMatch,
        contexts: &[L, R],
        help: "previous match",
    },
    Binding {
        keys: &[key('z')],
        action: Action::Zoom,
        contexts: &[L, R],
        help: "reader full width / both panes",
    },
    Binding {
        keys: &[key('m')],
        action: Action::ToggleRead,
        contexts: &[L],
        help: "mark read / unread",
    },
    Binding {
        keys: &[key('u')],
        action: Action::NextUnread,
        contexts: &[L],
        help: "next unread article",
    },
    Binding {
        keys: &[key('M')],
        action: Action::MarkAllRead,
        contexts: &[L],
        help: "mark all read",
    },
    Binding {
        keys: &[key('c')],
        action: Action::Compare,
        contexts: &[L, R],
        help: "compare outlets on this paragraph's event",
    },
    Binding {
        keys: &[key('[')],
        action: Action::PrevEvent,
        contexts: &[C],
        help: "previous event",
    },
    Binding {
        keys: &[key(']')],
        action: Action::NextEvent,
        contexts: &[C],
        help: "next event",
    },
    Binding {
        keys: &[key('o')],
        action: Action::Coverage,
        contexts: &[L, R, C],
        help: "coverage overview: events × outlets",
    },
    Binding {
        keys: &[key('!')],
        action: Action::Problems,
        contexts: &[L, R, C, V],
        help: "why files were skipped",
    },
    Binding {
        keys: &[key('?'), code(KeyCode::F(1))],
        action: Action::Help,
        contexts: &[L, R, C, V, O],
        help: "this help",
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        contexts: &[L, R, C, V, O],
        help: "back",
    },
    Binding {
        keys: &[key('q'), ctrl('c')],
        action: Action::Quit,
        contexts: &[L, R, C, V, O],
        help: "quit",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::SearchAccept,
        contexts: &[S],
        help: "search for what was typed",
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        action: Action::SearchErase,
        contexts: &[S],
        help: "delete a character",
    },
    Binding {
        keys: &[code(KeyCode::Esc), ctrl('c')],
        action: Action::SearchCancel,
        contexts: &[S],
        help: "cancel the search",
    },
];

/// The action `event` asks for in `context`, if any.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    // In the search line every plain character is typed, whatever it means elsewhere.
    if context == Context::Search
        && let KeyCode::Char(c) = event.code
        && mods.is_empty()
    {
        return Some(Action::SearchType(c));
    }
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == event.code && k.mods == mods)
        })
        .map(|b| b.action)
}

/// The first key bound to `action` in `context`, for hints.
pub fn key_for(action: Action, context: Context) -> Option<String> {
    key_for_in(action, context, false)
}

/// The first key bound to `action` in `context`, in ASCII when `ascii`.
pub fn key_for_in(action: Action, context: Context, ascii: bool) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.action == action && b.contexts.contains(&context))
        .and_then(|b| b.keys.first())
        .map(|k| k.label_in(ascii))
}

/// The keys of a binding as help writes them: "j ↓".
pub fn keys_label(keys: &[Key], ascii: bool) -> String {
    let labels: Vec<String> = keys.iter().map(|k| k.label_in(ascii)).collect();
    labels.join(" ")
}

/// The bindings of `context`, for the help overlay: (keys, help).
pub fn help_for(context: Context) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            (keys.join(" "), b.help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in [L, R, C, V, O, S] {
            let mut seen: Vec<(Key, Action)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.contexts.contains(&ctx)) {
                for k in b.keys {
                    if let Some((_, a)) = seen.iter().find(|(s, _)| s == k) {
                        assert_eq!(*a, b.action, "{ctx:?}: {} bound twice", k.label());
                    }
                    seen.push((*k, b.action));
                }
            }
        }
    }

    #[test]
    fn shift_is_ignored_for_characters_but_control_is_not() {
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&g, L), Some(Action::Bottom));
        let cd = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&cd, R), Some(Action::HalfPageDown));
        let d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(action_for(&d, R), None);
    }

    #[test]
    fn help_lists_what_the_map_does() {
        let help = help_for(R);
        assert!(help.iter().any(|(k, h)| k == "/" && h.contains("search")));
        assert_eq!(key_for(Action::Help, R).as_deref(), Some("?"));
    }

    #[test]
    fn typing_a_search_types_every_character_but_control_keys_still_act() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&q, S), Some(Action::SearchType('q')));
        assert_eq!(action_for(&q, R), Some(Action::Quit));
        let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&cc, S), Some(Action::SearchCancel));
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&enter, S), Some(Action::SearchAccept));
    }
}
