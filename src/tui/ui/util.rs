//! Small drawing helpers shared by the screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;

/// A bordered pane with a title, bold when focused.
pub fn pane<'a>(theme: &Theme, title: Line<'a>, focused: bool) -> Block<'a> {
    let style = if focused {
        theme.focused_border()
    } else {
        theme.border()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .border_style(style)
        .title(title)
}

/// Cuts `s` to `width` columns, ending with `ellipsis` if anything was cut. Cuts between
/// grapheme clusters, so no accent is split from its letter.
pub fn truncate(s: &str, width: usize, ellipsis: &str) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let room = width.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width >= ellipsis.width() {
        out.push_str(ellipsis);
    }
    out
}

/// Splits `text` into spans, giving the byte ranges in `marks` their styles over `base`.
/// Ranges may overlap or fall off grapheme boundaries: they are clamped to whole chars.
pub fn styled_spans(
    text: &str,
    base: Style,
    marks: &[(usize, usize, Style)],
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut marks: Vec<_> = marks
        .iter()
        .map(|&(s, e, st)| (s.min(text.len()), e.min(text.len()), st))
        .filter(|(s, e, _)| s < e)
        .collect();
    marks.sort_by_key(|m| m.0);
    for (mut s, e, style) in marks {
        s = s.max(at);
        if s >= e {
            continue;
        }
        let s = floor_char(text, s);
        let e = floor_char(text, e);
        if s > at {
            out.push(Span::styled(text[at..s].to_string(), base));
        }
        if e > s {
            out.push(Span::styled(text[s..e].to_string(), base.patch(style)));
        }
        at = e.max(at);
    }
    if at < text.len() {
        out.push(Span::styled(text[at..].to_string(), base));
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Draws a line clipped to `area`'s row `y`.
pub fn put_line(buf: &mut Buffer, area: Rect, y: u16, line: &Line) {
    // Never outside the buffer, whatever area a layout computed.
    let area = area.intersection(buf.area);
    if y < area.y || y >= area.bottom() || area.width == 0 {
        return;
    }
    buf.set_line(area.x, y, line, area.width);
}

/// Draws plain `text` in `style` at (x, y), at most `width` columns.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() || width == 0 {
        return;
    }
    let width = width.min(area.right() - x);
    buf.set_stringn(x, y, text, usize::from(width), style);
}

/// The "window too small" notice, drawn in whatever room there is; it says how large the
/// window must be.
pub fn too_small(area: Rect, buf: &mut Buffer) {
    use crate::tui::geometry::{MIN_HEIGHT, MIN_WIDTH};
    let size = format!("{}x{}", area.width, area.height);
    let need = format!("need {MIN_WIDTH}x{MIN_HEIGHT}");
    let msg = [
        "Window too small",
        size.as_str(),
        need.as_str(),
        "(q quits)",
    ];
    let style = Style::new().add_modifier(Modifier::BOLD);
    for (i, m) in msg.iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        put_str(
            buf,
            area.x,
            y,
            &truncate(m, area.width.into(), ""),
            area.width,
            style,
        );
    }
}

/// Clears `area` before an overlay is drawn on it. A wide character just left of it
/// would spill its right half over the overlay's border (and the terminal diff would never
/// redraw that cell), so such a character is blanked too.
pub fn clear(area: Rect, buf: &mut Buffer) {
    ratatui::widgets::Clear.render(area, buf);
    if area.x > buf.area.x {
        for y in area.top()..area.bottom().min(buf.area.bottom()) {
            let left = &mut buf[(area.x - 1, y)];
            if left.symbol().width() > 1 {
                left.reset();
            }
        }
    }
}

/// Leaves each cell bold or dim, never both: SGR 1 and 2 set one "intensity" on many
/// terminals (the later wins), so a cell that asks for both would show as either. Where
/// styles stack (a search match in a caption), bold wins.
pub fn one_intensity(area: Rect, buf: &mut Buffer) {
    let both = Modifier::BOLD | Modifier::DIM;
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.modifier.contains(both) {
                cell.modifier.remove(Modifier::DIM);
            }
        }
    }
}

/// Base letters of U+00C0..U+017F (Latin-1 and Latin Extended-A), for ASCII screens.
const LATIN: &str = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/// The ASCII stand-in for one character: typography and marks by their usual ASCII
/// forms, accented Latin letters by their base letter, anything else by `?`.
pub fn ascii_char(c: char) -> char {
    match c {
        ' '..='~' => c,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '─' | '━' => '-',
        '\u{2026}' => '~',
        '·' | '•' | '∙' => '-',
        '│' | '▏' | '┃' => '|',
        '≈' => '~',
        '¶' => 'P',
        '■' => '#',
        '□' | '\u{00a0}' | '\u{2000}'..='\u{200a}' => ' ',
        '┌' | '┐' | '└' | '┘' => '+',
        '\u{00c0}'..='\u{017f}' => {
            let i = c as usize - 0xc0;
            LATIN.as_bytes().get(i).map_or('?', |&b| char::from(b))
        }
        _ => '?',
    }
}

/// Makes every cell of `area` ASCII, for terminals that show nothing else (`--ascii`,
/// a locale that is not UTF-8). A wide character becomes one `?` and a blank, so every
/// row keeps its width.
pub fn to_ascii(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let sym = cell.symbol();
            if sym.is_ascii() {
                continue;
            }
            let mut chars = sym.chars();
            let first = chars.next().map_or(' ', ascii_char);
            cell.set_char(first);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_columns_and_keeps_graphemes() {
        assert_eq!(truncate("abcdef", 4, "…"), "abc…");
        assert_eq!(truncate("abc", 4, "…"), "abc");
        assert_eq!(truncate("中文新闻", 5, "…"), "中文…");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2, "…"), "e\u{301}…");
    }

    #[test]
    fn ascii_stand_ins() {
        let s: String = "Avīze — “Putin’s” ≈ ¶ 1 · … │▏■□ 中"
            .chars()
            .map(ascii_char)
            .collect();
        assert_eq!(s, "Avize - \"Putin's\" ~ P 1 - ~ ||#  ?");
    }

    #[test]
    fn spans_cover_the_text_once() {
        let st = Style::new().add_modifier(Modifier::BOLD);
        let spans = styled_spans(
            "hello world",
            Style::new(),
            &[(6, 11, st), (0, 2, st), (1, 3, st)],
        );
        let joined: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, "hello world");
    }
}
