//! Colours and symbols. Defaults come from the 16-colour palette and every distinction
//! also shows as a modifier or a mark, so the screen reads in monochrome; `NO_COLOR`
//! drops colour entirely, and ASCII mode swaps every line-drawing symbol.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::text::wrap::Glyphs;

/// Borders drawn with ASCII only.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The look of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colour allowed (false under `NO_COLOR`).
    pub color: bool,
    /// ASCII symbols only.
    pub ascii: bool,
}

impl Theme {
    /// From the environment: `NO_COLOR` set and non-empty turns colour off; a locale
    /// that is not UTF-8 turns ASCII on.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii: ascii || !locale_is_utf8(),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Borders and titles.
    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    /// Marks before list items, quotations and captions.
    pub fn glyphs(&self) -> Glyphs {
        if self.ascii {
            Glyphs::ASCII
        } else {
            Glyphs::UNICODE
        }
    }

    /// The border of the focused pane: bold, so focus shows without colour.
    pub fn focused_border(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// The border of other panes.
    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    /// The selected row of a list: reversed, readable in any palette.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Headline.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    /// Byline and other secondary text. Never bold as well: SGR 1 and 2 are one
    /// "intensity" on many terminals, so bold and dim together show as either.
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
            .add_modifier(Modifier::DIM)
            .remove_modifier(Modifier::BOLD)
    }
    /// Section headings.
    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// Quotations.
    pub fn quote(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::ITALIC)
    }
    /// Captions: dimmed, and marked in the margin by the layout.
    pub fn caption(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC)
    }
    /// The editor's note.
    pub fn note(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }
    /// A search match.
    pub fn matched(&self) -> Style {
        self.fg(Color::Black)
            .bg(if self.color {
                Color::Yellow
            } else {
                Color::Reset
            })
            .add_modifier(if self.color {
                Modifier::empty()
            } else {
                Modifier::UNDERLINED
            })
    }
    /// The current search match.
    pub fn current_match(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Key names in hints and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// Warnings in the status line.
    pub fn warning(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// Event labels in the reader's margin and row heads.
    pub fn event(&self) -> Style {
        self.fg(Color::Magenta)
    }
    /// Terms shared across the columns of a comparison row; `n` picks one of a few
    /// styles so different terms look different, also without colour.
    pub fn shared_term(&self, n: usize) -> Style {
        const COLORS: [Color; 4] = [Color::Yellow, Color::Cyan, Color::Green, Color::Magenta];
        const MODS: [Modifier; 4] = [
            Modifier::BOLD,
            Modifier::UNDERLINED,
            Modifier::BOLD,
            Modifier::UNDERLINED,
        ];
        let style = Style::new().add_modifier(MODS[n % 4]);
        if self.color {
            style.fg(COLORS[n % 4])
        } else {
            style
        }
    }
    /// Read mark and unread mark.
    pub fn marks(&self) -> (&'static str, &'static str) {
        if self.ascii { (" ", "*") } else { (" ", "●") }
    }
    /// After a date that is a best estimate.
    pub fn approximate(&self) -> &'static str {
        if self.ascii { "~" } else { "≈" }
    }
    /// Between the parts of a line: "2022-01-14 · analysis".
    pub fn dot(&self) -> &'static str {
        if self.ascii { "-" } else { "·" }
    }
    /// Before a paragraph number.
    pub fn pilcrow(&self) -> &'static str {
        if self.ascii { "P" } else { "¶" }
    }
    /// Ellipsis for cut text.
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "~" } else { "…" }
    }
}

/// True if the locale (LC_ALL, else LC_CTYPE, else LANG) names UTF-8; an unset locale
/// counts as UTF-8, as on most modern systems.
pub fn locale_is_utf8() -> bool {
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            let v = v.to_ascii_lowercase();
            return v.contains("utf-8") || v.contains("utf8");
        }
    }
    true
}
