//! The overlays' state: what they say, laid out for their width when opened or resized,
//! and a clamped scroll over it.

use ratatui::text::{Line, Span};

use super::Session;
use crate::align::{self, Mode};
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
            Overlay::Why { .. } => " Why this passage is under its events ",
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
            Overlay::Why { article, passage } => why_lines(s, article, passage, width),
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
        ("Reader and comparison", &[Reader, Compare]),
        ("Comparison", &[Compare]),
        (
            "Comparison, coverage and filter menu",
            &[Compare, Coverage, Filter],
        ),
        ("Coverage overview and filter menu", &[Coverage, Filter]),
        ("Typing a search", &[Search]),
    ]
};

fn same_contexts(a: &[Context], b: &[Context]) -> bool {
    a.len() == b.len() && a.iter().all(|c| b.contains(c))
}

/// "List, reader and comparison", for a set of contexts no fixed group names.
fn group_name(contexts: &[Context]) -> String {
    let names: Vec<&str> = [
        (Context::List, "list"),
        (Context::Reader, "reader"),
        (Context::Compare, "comparison"),
        (Context::Coverage, "coverage"),
        (Context::Overlay, "help"),
        (Context::Search, "search"),
        (Context::Filter, "filter menu"),
    ]
    .iter()
    .filter(|(c, _)| contexts.contains(c))
    .map(|(_, n)| *n)
    .collect();
    let joined = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    };
    let mut chars = joined.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn help_lines(s: &Session, beneath: Context, width: usize) -> Vec<Line<'static>> {
    let theme = &s.theme;
    let mut out = Vec::new();
    let glyph = |u: &'static str, a: &'static str| if theme.ascii { a } else { u };
    let map = s.keymap();
    let key_w = map
        .bindings()
        .iter()
        .map(|b| keymap::keys_label(&b.keys, theme.ascii))
        .map(|k| text_width(&k))
        .max()
        .unwrap_or(8)
        .min(width / 3);
    // The user's keys can give a screen its own binding of an action: such a binding
    // gets a group of its own, named by where it applies.
    let mut groups: Vec<(String, Vec<Context>)> = GROUPS
        .iter()
        .map(|(name, cs)| (name.to_string(), cs.to_vec()))
        .collect();
    for b in map.bindings() {
        if !groups.iter().any(|(_, cs)| same_contexts(cs, &b.contexts)) {
            groups.push((group_name(&b.contexts), b.contexts.clone()));
        }
    }
    for (name, contexts) in &groups {
        let bindings: Vec<_> = map
            .bindings()
            .iter()
            .filter(|b| same_contexts(contexts, &b.contexts))
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
            let keys = keymap::keys_label(&b.keys, theme.ascii);
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

/// Why passage `p` of article `a` sits under its events: the passage's start, each
/// event with the aligner's confidence and reasons, and the likeliest event it was left
/// out of.
fn why_lines(s: &Session, a: usize, p: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &s.theme;
    let text = |t: &str| -> String {
        if theme.ascii {
            crate::text::ascii::to_ascii(t).into_owned()
        } else {
            t.to_string()
        }
    };
    let mut out = Vec::new();
    let Some(article) = s.corpus.articles.get(a) else {
        return out;
    };
    let events = s
        .corpus
        .timeline
        .as_ref()
        .map(|t| &t.events[..])
        .unwrap_or(&[]);
    let event_name = |e: usize| {
        events.get(e).map_or_else(
            || format!("event {}", e + 1),
            |ev| {
                let dot = theme.dot();
                format!("{} {dot} {} {dot} {}", ev.label, ev.date_range(), ev.title)
            },
        )
    };
    let head = format!(
        "{} {} {}{}",
        article.meta.outlet,
        theme.dot(),
        theme.pilcrow(),
        p + 1
    );
    for line in wrapped(&text(&head), width, 0) {
        out.push(Line::from(Span::styled(line, theme.heading())));
    }
    // The passage's opening, so the user sees which one this is (or why it cannot).
    let body = s.corpus.body(a);
    let opening = match &body {
        Some(Ok(body)) => body.passages().nth(p).map(|b| b.text.clone()),
        Some(Err(why)) => Some(why.to_string()),
        None => None,
    };
    if let Some(opening) = opening {
        let lines = wrapped(&text(&opening), width, 0);
        let more = lines.len() > 2;
        for (i, line) in lines.into_iter().take(2).enumerate() {
            let line = if i == 1 && more {
                format!("{line}{}", theme.ellipsis())
            } else {
                line
            };
            out.push(Line::from(Span::styled(line, theme.dim())));
        }
    }
    out.push(Line::default());
    // A directory's alignment is kept without its reasons (they were most of its
    // memory): the article is aligned again from its text for them, as it was loaded.
    let realigned = match (&body, &s.corpus.timeline) {
        (Some(Ok(body)), Some(timeline)) if article.is_hollow() => {
            align::align(std::slice::from_ref(&**body), timeline, Mode::Curated)
                .articles
                .into_iter()
                .next()
                .and_then(|mut passages| (p < passages.len()).then(|| passages.swap_remove(p)))
        }
        _ => None,
    };
    let Some(pa) = realigned.as_ref().or(s.alignment.passage(a, p)) else {
        out.push(Line::from("No alignment for this passage."));
        return out;
    };
    if pa.events.is_empty() {
        for line in wrapped(
            "Under no event: nothing in it or around it points to one of the timeline's events.",
            width,
            0,
        ) {
            out.push(Line::from(line));
        }
    }
    if !pa.events.is_empty() {
        let n = pa.events.len();
        let head = if n == 1 {
            "Under 1 event: how sure the aligner is, and why".to_string()
        } else {
            format!("Under {n} events: how sure the aligner is, and why")
        };
        for line in wrapped(&head, width, 0) {
            out.push(Line::from(Span::styled(line, theme.dim())));
        }
    }
    let bullet = if theme.ascii { "-" } else { "•" };
    for m in &pa.events {
        let name = text(&event_name(m.event));
        let sure = format!("  {}%", m.confidence);
        let name_w = width.saturating_sub(text_width(&sure)).max(1);
        let mut name_lines = wrapped(&name, name_w, 2).into_iter();
        if let Some(first) = name_lines.next() {
            out.push(Line::from(vec![
                Span::styled(first, theme.event()),
                Span::styled(sure, theme.key()),
            ]));
        }
        for line in name_lines {
            out.push(Line::from(Span::styled(line, theme.event())));
        }
        for cue in &m.cues {
            for line in wrapped(&format!("  {bullet} {}", text(cue)), width, 4) {
                out.push(Line::from(line));
            }
        }
    }
    if pa.by_hand {
        out.push(Line::default());
        for line in wrapped("Set by a curator's marker in the article file.", width, 0) {
            out.push(Line::from(Span::styled(line, theme.dim())));
        }
    }
    out.push(Line::default());
    let left_out = match pa.runner_up {
        Some((e, c)) => format!("Left out of: {} ({c}%)", event_name(e)),
        None => "Left out of: no other event came close.".to_string(),
    };
    for line in wrapped(&text(&left_out), width, 2) {
        out.push(Line::from(Span::styled(line, theme.dim())));
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
