//! The overlays' state: what they say, laid out for their width when opened or resized,
//! and a clamped scroll over it.

use ratatui::text::{Line, Span};

use super::Session;
use crate::text::wrap::{width as text_width, wrap};
use crate::tui::action::Action;
use crate::tui::app::Overlay;
use crate::tui::geometry;
use crate::tui::keymap::{self, Context};
use crate::tui::scroll::Scroll;

/// An open overlay.
#[derive(Debug, Clone)]
pub struct OverlayView {
    kind: Overlay,
    lines: Vec<Line<'static>>,
    scroll: Scroll,
}

impl OverlayView {
    /// Opens `kind` over a screen whose keys are those of `beneath`.
    pub fn new(kind: Overlay, s: &Session, beneath: Context) -> OverlayView {
        let mut o = OverlayView {
            kind,
            lines: Vec::new(),
            scroll: Scroll::default(),
        };
        o.rebuild(s, beneath);
        o
    }

    /// Which overlay.
    pub fn kind(&self) -> Overlay {
        self.kind
    }
    /// Its lines, laid out for its width.
    pub fn lines(&self) -> &[Line<'static>] {
        &self.lines
    }
    /// First line shown.
    pub fn top(&self) -> usize {
        self.scroll.top()
    }
    /// The title of its frame.
    pub fn title(&self) -> &'static str {
        match self.kind {
            Overlay::Help => " Keys and marks ",
            Overlay::Problems => " Skipped files and problems ",
        }
    }

    /// Lays the text out again for the size (or after the corpus changed).
    pub fn rebuild(&mut self, s: &Session, beneath: Context) {
        let rect = geometry::overlay(s.area);
        let inner = geometry::inner(rect);
        let width = usize::from(inner.width);
        self.lines = match self.kind {
            Overlay::Help => help_lines(s, beneath, width),
            Overlay::Problems => problem_lines(s, width),
        };
        self.scroll
            .resize(self.lines.len(), usize::from(inner.height));
    }

    /// Scrolls.
    pub fn update(&mut self, action: Action) {
        self.scroll.apply(action);
    }
}

/// Wraps `text` to `width`, continuation lines indented by `indent` columns.
fn wrapped(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (_, piece)) in wrap(text, width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 {
            String::new()
        } else {
            " ".repeat(indent)
        };
        out.push(format!("{lead}{piece}"));
    }
    out
}

/// The groups of the help, each a set of contexts a binding applies in, most general
/// first. A binding is listed once, under the group of exactly its contexts.
const GROUPS: &[(&str, &[Context])] = {
    use Context::*;
    &[
        (
            "Everywhere",
            &[List, Reader, Compare, Coverage, Overlay, Filter],
        ),
        (
            "Scrolling (list, reader, comparison, help)",
            &[List, Reader, Compare, Overlay],
        ),
        (
            "Everywhere but overlays",
            &[List, Reader, Compare, Coverage],
        ),
        ("List and reader", &[List, Reader]),
        ("List", &[List]),
        ("List, reader and comparison", &[List, Reader, Compare]),
        ("Comparison", &[Compare]),
        (
            "Comparison, coverage and filter menu",
            &[Compare, Coverage, Filter],
        ),
        ("Coverage overview and filter menu", &[Coverage, Filter]),
        ("Typing a search", &[Search]),
    ]
};

fn help_lines(s: &Session, beneath: Context, width: usize) -> Vec<Line<'static>> {
    let theme = &s.theme;
    let mut out = Vec::new();
    let glyph = |u: &'static str, a: &'static str| if theme.ascii { a } else { u };
    let key_w = keymap::BINDINGS
        .iter()
        .map(|b| keymap::keys_label(b.keys, theme.ascii))
        .map(|k| text_width(&k))
        .max()
        .unwrap_or(8)
        .min(width / 3);
    for (name, contexts) in GROUPS {
        let bindings: Vec<_> = keymap::BINDINGS
            .iter()
            .filter(|b| {
                b.contexts.len() == contexts.len()
                    && contexts.iter().all(|c| b.contexts.contains(c))
            })
            .collect();
        if bindings.is_empty() {
            continue;
        }
        // The groups that apply where the user is are underlined.
        let here = contexts.contains(&beneath);
        let heading = if here {
            theme.heading()
        } else {
            theme
                .heading()
                .remove_modifier(ratatui::style::Modifier::UNDERLINED)
        };
        out.push(Line::from(Span::styled(name.to_string(), heading)));
        for b in bindings {
            let keys = keymap::keys_label(b.keys, theme.ascii);
            let pad = key_w.saturating_sub(text_width(&keys));
            let help_w = width.saturating_sub(key_w + 4);
            for (i, piece) in wrapped(b.help, help_w, 0).into_iter().enumerate() {
                let lead = if i == 0 {
                    vec![
                        Span::raw("  "),
                        Span::styled(keys.clone(), theme.key()),
                        Span::raw(" ".repeat(pad + 2)),
                    ]
                } else {
                    vec![Span::raw(" ".repeat(key_w + 4))]
                };
                let mut spans = lead;
                spans.push(Span::raw(piece));
                out.push(Line::from(spans));
            }
        }
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Marks".to_string(),
        theme.heading(),
    )));
    let (_, unread) = theme.marks();
    let marks: Vec<(String, &str)> = vec![
        (unread.to_string(), "an article not yet opened"),
        (
            theme.approximate().to_string(),
            "after a date: the date is approximate",
        ),
        (
            format!("{} {}", glyph("■", "[x]"), glyph("□", "[ ]")),
            "the outlet covers / does not cover the event",
        ),
        (glyph("▏", ":").to_string(), "before a photo caption"),
        (glyph("│", "|").to_string(), "before a quotation"),
        (
            format!("{} n/m {} p%", glyph("¶", "P"), glyph("·", "-")),
            "paragraph n of m at the top of the reader, p% read",
        ),
        (
            format!("{}n", glyph("¶", "P")),
            "paragraph n of the article, in the comparison",
        ),
    ];
    let mark_w = marks.iter().map(|(m, _)| text_width(m)).max().unwrap_or(1);
    for (mark, what) in marks {
        let pad = mark_w.saturating_sub(text_width(&mark));
        for (i, piece) in wrapped(what, width.saturating_sub(mark_w + 4), 0)
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                format!("  {mark}{}  ", " ".repeat(pad))
            } else {
                " ".repeat(mark_w + 4)
            };
            out.push(Line::from(vec![
                Span::styled(lead, theme.key()),
                Span::raw(piece),
            ]));
        }
    }
    out
}

fn problem_lines(s: &Session, width: usize) -> Vec<Line<'static>> {
    let corpus = &s.corpus;
    let mut out = Vec::new();
    let summary = match (corpus.skipped, corpus.articles.len()) {
        (0, 0) => "No article loaded.".to_string(),
        (0, _) => "No file was skipped.".to_string(),
        (n, 0) => format!("{n} {} skipped; no article loaded.", files(n)),
        (n, k) => format!("{n} {} skipped; {k} {} loaded.", files(n), articles(k)),
    };
    let text = format!("{summary} `readout check` prints this list.");
    for line in wrapped(&text, width, 0) {
        out.push(Line::from(Span::styled(line, s.theme.dim())));
    }
    out.push(Line::default());
    for p in &corpus.problems {
        for line in wrapped(&p.to_string(), width, 2) {
            out.push(Line::from(line));
        }
    }
    out
}

fn files(n: usize) -> &'static str {
    if n == 1 { "file" } else { "files" }
}

fn articles(n: usize) -> &'static str {
    if n == 1 { "article" } else { "articles" }
}
