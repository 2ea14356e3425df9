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
    /// The filter menu is open over the list.
    Filter,
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
            Context::Filter => "Filter menu",
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
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Insert => "Ins".to_string(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out + &base
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

use Context::{
    Compare as C, Coverage as V, Filter as F, List as L, Overlay as O, Reader as R, Search as S,
};

/// The default bindings, in the order help shows them; [`KeyMap::with`] lays the
/// configuration's over them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key('j'), code(KeyCode::Down)],
        action: Action::Down,
        contexts: &[L, R, C, V, O, F],
        help: "down a line / item",
    },
    Binding {
        keys: &[key('k'), code(KeyCode::Up)],
        action: Action::Up,
        contexts: &[L, R, C, V, O, F],
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
        contexts: &[L, R, C, V, O, F],
        help: "to the top",
    },
    Binding {
        keys: &[key('G'), code(KeyCode::End)],
        action: Action::Bottom,
        contexts: &[L, R, C, V, O, F],
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
        contexts: &[V, F],
        help: "compare the chosen event and outlet / keep the filter",
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
        contexts: &[C, V, F],
        help: "show earlier outlets / previous outlet or value",
    },
    Binding {
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::Right,
        contexts: &[C, V, F],
        help: "show later outlets / next outlet or value",
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
        help: "mark all read (those the list shows)",
    },
    Binding {
        keys: &[key('f')],
        action: Action::Filter,
        contexts: &[L],
        help: "filter by outlet, country, kind, dates, read state",
    },
    Binding {
        keys: &[key('F')],
        action: Action::ClearFilter,
        contexts: &[L],
        help: "clear the filter: every article",
    },
    Binding {
        keys: &[key('s')],
        action: Action::Sort,
        contexts: &[L],
        help: "sort by date, outlet, title (in turn)",
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
        keys: &[key('y')],
        action: Action::Copy,
        contexts: &[R, C],
        help: "copy the passage, with a citation, to the clipboard",
    },
    Binding {
        keys: &[key('Y')],
        action: Action::CopyUrl,
        contexts: &[L, R, C],
        help: "copy the article's URL to the clipboard",
    },
    Binding {
        keys: &[key('w')],
        action: Action::Why,
        contexts: &[R, C],
        help: "why the passage sits under its events",
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
        contexts: &[L, R, C, V, O, F],
        help: "this help",
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        contexts: &[L, R, C, V, O, F],
        help: "back",
    },
    Binding {
        keys: &[key('q'), ctrl('c')],
        action: Action::Quit,
        contexts: &[L, R, C, V, O, F],
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

/// A key or a sequence of keys pressed one after another ("g g").
pub type Seq = Vec<Key>;

/// One binding of the key map in effect: the defaults of [`BINDINGS`] with the user's
/// `[keys.SCREEN]` laid over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// Any of these keys or sequences.
    pub keys: Vec<Seq>,
    /// Does this.
    pub action: Action,
    /// In these contexts.
    pub contexts: Vec<Context>,
    /// In words, for the help overlay.
    pub help: &'static str,
}

/// The key map in effect. It answers both "what does this key do here" (for the event
/// loop) and "which keys do this here" (for help and hints), so they cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bound: Vec<Bound>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bound: BINDINGS
                .iter()
                .map(|b| Bound {
                    keys: b.keys.iter().map(|k| vec![*k]).collect(),
                    action: b.action,
                    contexts: b.contexts.to_vec(),
                    help: b.help,
                })
                .collect(),
        }
    }
}

/// The contexts a configuration's screen names: `global` is every screen, the overlays
/// and the filter menu (never the search line, where keys are typed).
fn screen_contexts(screen: &str) -> &'static [Context] {
    match screen {
        "list" => &[L],
        "reader" => &[R],
        "compare" => &[C],
        "coverage" => &[V],
        "global" => &[L, R, C, V, O, F],
        _ => &[],
    }
}

/// A key as the terminal reports it, as the map holds it: Control and Alt always count;
/// Shift counts only on named keys (a character carries its case, and Shift-Tab
/// arrives as BackTab, sometimes with Shift).
fn normalize(event: &KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        mods,
    }
}

impl KeyMap {
    /// The defaults with `bindings` (the configuration's `[keys.SCREEN]`) laid over
    /// them. A user's list replaces that action's keys on that screen (`global`: on
    /// every screen that has the action, unless the screen's own table rebinds it); a
    /// key the user gives an action is taken from whatever else had it there, and so
    /// is a key that a user's sequence starts with ("g g" frees "g").
    pub fn with(bindings: &[crate::config::Binding]) -> KeyMap {
        // One entry per context, so a screen can differ from the rest; merged back
        // into bindings at the end.
        let mut entries: Vec<(usize, Context, Action, &'static str, Vec<Seq>)> = Vec::new();
        for (i, b) in BINDINGS.iter().enumerate() {
            for &c in b.contexts {
                entries.push((
                    i,
                    c,
                    b.action,
                    b.help,
                    b.keys.iter().map(|k| vec![*k]).collect(),
                ));
            }
        }
        // Global first, so that a screen's own table wins over it.
        let mut ordered: Vec<&crate::config::Binding> = bindings.iter().collect();
        ordered.sort_by_key(|b| b.screen != "global");
        for b in ordered {
            let Some(action) = Action::named(&b.action) else {
                continue;
            };
            let seqs: Vec<Seq> = b
                .keys
                .iter()
                .map(|seq| {
                    seq.iter()
                        .map(|k| {
                            let (code, mods) = super::configured_keys::key_code(k);
                            normalize(&KeyEvent::new(code, mods))
                        })
                        .collect()
                })
                .collect();
            let global = b.screen == "global";
            for &c in screen_contexts(&b.screen) {
                // The user's keys are theirs alone on this screen.
                for e in entries.iter_mut().filter(|e| e.1 == c) {
                    e.4.retain(|k| !seqs.iter().any(|s| s.starts_with(k) || k.starts_with(s)));
                }
                let mut found = false;
                for e in entries.iter_mut().filter(|e| e.1 == c && e.2 == action) {
                    e.4 = seqs.clone();
                    found = true;
                }
                // A screen's table may give a screen an action it lacked; `global`
                // only rebinds actions where they exist.
                if !found && !global {
                    let (i, help) = BINDINGS
                        .iter()
                        .enumerate()
                        .find(|(_, d)| d.action == action)
                        .map_or((BINDINGS.len(), ""), |(i, d)| (i, d.help));
                    entries.push((i, c, action, help, seqs.clone()));
                }
            }
        }
        entries.sort_by_key(|e| e.0);
        let mut bound: Vec<Bound> = Vec::new();
        for (_, c, action, help, keys) in entries {
            if keys.is_empty() {
                continue;
            }
            match bound
                .iter_mut()
                .find(|b| b.action == action && b.help == help && b.keys == keys)
            {
                Some(b) => b.contexts.push(c),
                None => bound.push(Bound {
                    keys,
                    action,
                    contexts: vec![c],
                    help,
                }),
            }
        }
        KeyMap { bound }
    }

    /// Every binding, in the order help shows them.
    pub fn bindings(&self) -> &[Bound] {
        &self.bound
    }

    /// The action `event` asks for in `context`, given the keys of a sequence already
    /// pressed (`pending`, kept between calls): `None` while a sequence is incomplete
    /// or when the key means nothing here.
    pub fn resolve(&self, pending: &mut Seq, event: &KeyEvent, context: Context) -> Option<Action> {
        let key = normalize(event);
        // In the search line every plain character is typed, whatever it means elsewhere.
        if context == Context::Search {
            pending.clear();
            if let KeyCode::Char(c) = key.code
                && key.mods.is_empty()
            {
                return Some(Action::SearchType(c));
            }
        }
        let here = || self.bound.iter().filter(|b| b.contexts.contains(&context));
        let mut seq = std::mem::take(pending);
        seq.push(key);
        if let Some(b) = here().find(|b| b.keys.contains(&seq)) {
            return Some(b.action);
        }
        if here().any(|b| {
            b.keys
                .iter()
                .any(|k| k.len() > seq.len() && k.starts_with(&seq))
        }) {
            *pending = seq;
            return None;
        }
        // A sequence broken off: the key counts on its own.
        if seq.len() > 1 {
            return self.resolve(pending, event, context);
        }
        None
    }

    /// The action `event` asks for in `context` on its own (no sequence pending).
    pub fn action_for(&self, event: &KeyEvent, context: Context) -> Option<Action> {
        self.resolve(&mut Vec::new(), event, context)
    }

    /// The first keys bound to `action` in `context`, for hints.
    pub fn key_for(&self, action: Action, context: Context) -> Option<String> {
        self.key_for_in(action, context, false)
    }

    /// The first keys bound to `action` in `context`, in ASCII when `ascii`.
    pub fn key_for_in(&self, action: Action, context: Context, ascii: bool) -> Option<String> {
        self.bound
            .iter()
            .find(|b| b.action == action && b.contexts.contains(&context))
            .and_then(|b| b.keys.first())
            .map(|seq| seq_label(seq, ascii))
    }

    /// The bindings of `context`, for the help overlay: (keys, help).
    pub fn help_for(&self, context: Context) -> Vec<(String, &'static str)> {
        self.bound
            .iter()
            .filter(|b| b.contexts.contains(&context))
            .map(|b| (keys_label(&b.keys, false), b.help))
            .collect()
    }
}

/// A key or sequence as help writes it: "g g", "Ctrl-d".
pub fn seq_label(seq: &[Key], ascii: bool) -> String {
    let labels: Vec<String> = seq.iter().map(|k| k.label_in(ascii)).collect();
    labels.join(" ")
}

/// The keys of a binding as help writes them: "j ↓"; sequences joined by commas when
/// there are any ("g g, Home").
pub fn keys_label(keys: &[Seq], ascii: bool) -> String {
    let labels: Vec<String> = keys.iter().map(|s| seq_label(s, ascii)).collect();
    let sep = if keys.iter().any(|s| s.len() > 1) {
        ", "
    } else {
        " "
    };
    labels.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Binding as Configured, parse_seq};

    fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
        KeyMap::default().action_for(event, context)
    }

    fn configured(screen: &str, action: &str, keys: &[&str]) -> Configured {
        Configured {
            screen: screen.to_string(),
            action: action.to_string(),
            keys: keys.iter().map(|k| parse_seq(k).expect("valid")).collect(),
        }
    }

    fn ch(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in [L, R, C, V, O, S, F] {
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
        assert_eq!(action_for(&ch('d'), R), None);
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(&backtab, C), Some(Action::FocusPrev));
    }

    #[test]
    fn help_lists_what_the_map_does() {
        let map = KeyMap::default();
        let help = map.help_for(R);
        assert!(help.iter().any(|(k, h)| k == "/" && h.contains("search")));
        assert_eq!(map.key_for(Action::Help, R).as_deref(), Some("?"));
    }

    #[test]
    fn the_defaults_merge_back_into_the_default_bindings() {
        let map = KeyMap::with(&[]);
        assert_eq!(map, KeyMap::default());
        assert_eq!(map.bindings().len(), BINDINGS.len());
    }

    #[test]
    fn typing_a_search_types_every_character_but_control_keys_still_act() {
        let q = ch('q');
        assert_eq!(action_for(&q, S), Some(Action::SearchType('q')));
        assert_eq!(action_for(&q, R), Some(Action::Quit));
        let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&cc, S), Some(Action::SearchCancel));
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&enter, S), Some(Action::SearchAccept));
    }

    #[test]
    fn a_screens_keys_replace_the_actions_keys_there_only() {
        let map = KeyMap::with(&[configured("reader", "down", &["e"])]);
        assert_eq!(map.action_for(&ch('e'), R), Some(Action::Down));
        assert_eq!(map.action_for(&ch('j'), R), None);
        // Elsewhere the defaults stand.
        assert_eq!(map.action_for(&ch('j'), L), Some(Action::Down));
        assert_eq!(map.action_for(&ch('e'), L), None);
        assert_eq!(map.key_for(Action::Down, R).as_deref(), Some("e"));
        assert_eq!(map.key_for(Action::Down, L).as_deref(), Some("j"));
    }

    #[test]
    fn a_key_given_to_an_action_is_taken_from_the_one_that_had_it() {
        // `n` was next match; now it scrolls down, and next match has no key left.
        let map = KeyMap::with(&[configured("reader", "down", &["n"])]);
        assert_eq!(map.action_for(&ch('n'), R), Some(Action::Down));
        assert_eq!(map.key_for(Action::NextMatch, R), None);
        assert_eq!(map.action_for(&ch('n'), L), Some(Action::NextMatch));
    }

    #[test]
    fn global_keys_apply_on_every_screen_unless_the_screen_says_otherwise() {
        let map = KeyMap::with(&[
            configured("compare", "quit", &["Q"]),
            configured("global", "quit", &["x"]),
        ]);
        for ctx in [L, R, V, O] {
            assert_eq!(map.action_for(&ch('x'), ctx), Some(Action::Quit), "{ctx:?}");
            assert_eq!(map.action_for(&ch('q'), ctx), None, "{ctx:?}");
        }
        assert_eq!(map.action_for(&ch('Q'), C), Some(Action::Quit));
        assert_eq!(map.action_for(&ch('x'), C), None);
        // Typing a search still types.
        assert_eq!(map.action_for(&ch('x'), S), Some(Action::SearchType('x')));
    }

    #[test]
    fn sequences_wait_for_their_next_key_and_free_their_first() {
        let map = KeyMap::with(&[configured("reader", "top", &["g g", "home"])]);
        let mut pending = Vec::new();
        assert_eq!(map.resolve(&mut pending, &ch('g'), R), None);
        assert_eq!(pending.len(), 1);
        assert_eq!(map.resolve(&mut pending, &ch('g'), R), Some(Action::Top));
        assert!(pending.is_empty());
        // A broken-off sequence: the second key counts on its own.
        assert_eq!(map.resolve(&mut pending, &ch('g'), R), None);
        assert_eq!(map.resolve(&mut pending, &ch('j'), R), Some(Action::Down));
        assert!(pending.is_empty());
        assert_eq!(map.key_for(Action::Top, R).as_deref(), Some("g g"));
        assert_eq!(
            map.help_for(R)
                .iter()
                .find(|(_, h)| *h == "to the top")
                .map(|(k, _)| k.as_str()),
            Some("g g, Home")
        );
    }

    #[test]
    fn named_keys_with_shift_and_alt_match_what_the_terminal_sends() {
        let map = KeyMap::with(&[
            configured("reader", "page_down", &["shift-down"]),
            configured("reader", "zoom", &["alt-z"]),
        ]);
        let sd = KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT);
        assert_eq!(map.action_for(&sd, R), Some(Action::PageDown));
        let az = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::ALT);
        assert_eq!(map.action_for(&az, R), Some(Action::Zoom));
        assert_eq!(map.action_for(&ch('z'), R), None);
        assert_eq!(map.key_for(Action::Zoom, R).as_deref(), Some("Alt-z"));
    }
}
