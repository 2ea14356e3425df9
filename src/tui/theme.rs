//! Colours and symbols. Defaults come from the 16-colour palette and every distinction
//! also shows as a modifier or a mark, so the screen reads in monochrome; `NO_COLOR`
//! drops colour entirely, and ASCII mode swaps every line-drawing symbol. The
//! configuration picks a palette (default, light, dark) and may recolour any part.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::config::{COLOR_NAMES, ColorSpec, Config, ThemeName};
use crate::text::wrap::Glyphs;

/// The colour of each part of the interface. Modifiers (bold, underline, reverse) are
/// not here: they carry every distinction without colour, whatever the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Borders of panes without focus.
    pub border: Color,
    /// The border of the focused pane.
    pub focused_border: Color,
    /// Section headings.
    pub heading: Color,
    /// Quotations.
    pub quote: Color,
    /// Bylines and other secondary text.
    pub dim: Color,
    /// Key names in hints and help.
    pub key: Color,
    /// Warnings.
    pub warning: Color,
    /// Event labels.
    pub event: Color,
    /// Background of a search match.
    pub matched: Color,
    /// Terms shared across a comparison row, in turn.
    pub shared: [Color; 4],
}

impl Default for Palette {
    /// The terminal's 16 colours, which the user's terminal theme already tunes.
    fn default() -> Self {
        Palette {
            border: Color::DarkGray,
            focused_border: Color::Cyan,
            heading: Color::Yellow,
            quote: Color::Green,
            dim: Color::DarkGray,
            key: Color::Cyan,
            warning: Color::Red,
            event: Color::Magenta,
            matched: Color::Yellow,
            shared: [Color::Yellow, Color::Cyan, Color::Green, Color::Magenta],
        }
    }
}

impl Palette {
    /// Darker colours that hold on a light background.
    pub fn light() -> Self {
        Palette {
            border: Color::Gray,
            focused_border: Color::Blue,
            heading: Color::Indexed(94),
            quote: Color::Indexed(22),
            dim: Color::Indexed(242),
            key: Color::Blue,
            warning: Color::Indexed(160),
            event: Color::Indexed(90),
            matched: Color::Indexed(229),
            shared: [
                Color::Indexed(94),
                Color::Blue,
                Color::Indexed(22),
                Color::Indexed(90),
            ],
        }
    }

    /// Brighter colours for a dark background.
    pub fn dark() -> Self {
        Palette {
            border: Color::Indexed(240),
            focused_border: Color::LightCyan,
            heading: Color::LightYellow,
            quote: Color::LightGreen,
            dim: Color::Indexed(246),
            key: Color::LightCyan,
            warning: Color::LightRed,
            event: Color::LightMagenta,
            matched: Color::Yellow,
            shared: [
                Color::LightYellow,
                Color::LightCyan,
                Color::LightGreen,
                Color::LightMagenta,
            ],
        }
    }

    /// The configuration's theme with the user's colours laid over it.
    pub fn from_config(config: &Config) -> Self {
        let mut p = match config.theme {
            ThemeName::Default => Palette::default(),
            ThemeName::Light => Palette::light(),
            ThemeName::Dark => Palette::dark(),
        };
        for (part, spec) in &config.colors {
            let c = color(*spec);
            match part.as_str() {
                "border" => p.border = c,
                "focused-border" => p.focused_border = c,
                "heading" => p.heading = c,
                "quote" => p.quote = c,
                "dim" => p.dim = c,
                "key" => p.key = c,
                "warning" => p.warning = c,
                "event" => p.event = c,
                "match" => p.matched = c,
                // The configuration accepts only the parts above.
                _ => {}
            }
        }
        p
    }
}

/// A configured colour in terminal terms.
pub fn color(spec: ColorSpec) -> Color {
    match spec {
        ColorSpec::Indexed(n) => Color::Indexed(n),
        ColorSpec::Rgb(r, g, b) => Color::Rgb(r, g, b),
        ColorSpec::Named(i) => match COLOR_NAMES.get(i).copied().unwrap_or("reset") {
            "black" => Color::Black,
            "red" => Color::Red,
            "green" => Color::Green,
            "yellow" => Color::Yellow,
            "blue" => Color::Blue,
            "magenta" => Color::Magenta,
            "cyan" => Color::Cyan,
            "gray" => Color::Gray,
            "dark-gray" => Color::DarkGray,
            "light-red" => Color::LightRed,
            "light-green" => Color::LightGreen,
            "light-yellow" => Color::LightYellow,
            "light-blue" => Color::LightBlue,
            "light-magenta" => Color::LightMagenta,
            "light-cyan" => Color::LightCyan,
            "white" => Color::White,
            _ => Color::Reset,
        },
    }
}

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
    /// The colours, used only when `color` is true.
    pub palette: Palette,
}

impl Theme {
    /// From the environment: `NO_COLOR` set and non-empty turns colour off; a locale
    /// that is not UTF-8 turns ASCII on.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii: ascii || !locale_is_utf8(),
            palette: Palette::default(),
        }
    }

    /// The same theme with other colours. `NO_COLOR` still wins: with colour off, the
    /// palette is never used.
    pub fn with_palette(self, palette: Palette) -> Theme {
        Theme { palette, ..self }
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
        self.fg(self.palette.focused_border)
            .add_modifier(Modifier::BOLD)
    }
    /// The border of other panes.
    pub fn border(&self) -> Style {
        self.fg(self.palette.border)
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
        self.fg(self.palette.dim)
            .add_modifier(Modifier::DIM)
            .remove_modifier(Modifier::BOLD)
    }
    /// Section headings.
    pub fn heading(&self) -> Style {
        self.fg(self.palette.heading)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// Quotations.
    pub fn quote(&self) -> Style {
        self.fg(self.palette.quote).add_modifier(Modifier::ITALIC)
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
                self.palette.matched
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
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }
    /// Warnings in the status line.
    pub fn warning(&self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }
    /// Event labels in the reader's margin and row heads.
    pub fn event(&self) -> Style {
        self.fg(self.palette.event)
    }
    /// Terms shared across the columns of a comparison row; `n` picks one of a few
    /// styles so different terms look different, also without colour.
    pub fn shared_term(&self, n: usize) -> Style {
        const MODS: [Modifier; 4] = [
            Modifier::BOLD,
            Modifier::UNDERLINED,
            Modifier::BOLD,
            Modifier::UNDERLINED,
        ];
        let style = Style::new().add_modifier(MODS[n % 4]);
        if self.color {
            style.fg(self.palette.shared[n % 4])
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
    crate::text::ascii::locale_is_utf8()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ColorSpec, Config};

    fn config(text: &str) -> Config {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(&file, text).expect("write");
        let loaded = Config::load(Some(&file));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.config
    }

    #[test]
    fn themes_then_user_colours_named_indexed_and_rgb() {
        let p = Palette::from_config(&config("[theme]\nname = \"light\"\n"));
        assert_eq!(p, Palette::light());
        assert_ne!(Palette::light(), Palette::default());
        assert_ne!(Palette::dark(), Palette::default());
        let p = Palette::from_config(&config(
            "[theme]\nname = \"dark\"\n[theme.colors]\nheading = \"light-blue\"\nquote = 208\nmatch = \"#102030\"\n",
        ));
        assert_eq!(p.heading, Color::LightBlue);
        assert_eq!(p.quote, Color::Indexed(208));
        assert_eq!(p.matched, Color::Rgb(0x10, 0x20, 0x30));
        assert_eq!(p.key, Palette::dark().key, "other parts keep the theme's");
        for (i, name) in COLOR_NAMES.iter().enumerate() {
            let expected: Color = name.parse().expect("ratatui knows the name");
            assert_eq!(color(ColorSpec::Named(i)), expected, "{name}");
        }
    }

    #[test]
    fn no_color_wins_over_any_palette() {
        let palette =
            Palette::from_config(&config("[theme.colors]\nheading = \"red\"\nborder = 17\n"));
        let coloured = Theme {
            color: true,
            ascii: false,
            palette: Palette::default(),
        }
        .with_palette(palette);
        assert_eq!(coloured.heading().fg, Some(Color::Red));
        let mono = Theme {
            color: false,
            ..coloured
        };
        for style in [mono.heading(), mono.border(), mono.matched(), mono.key()] {
            assert!(
                style.fg.is_none() && style.bg.is_none_or(|c| c == Color::Reset),
                "{style:?}"
            );
        }
        // Distinctions still show without colour.
        assert!(mono.heading().add_modifier.contains(Modifier::BOLD));
    }
}
