//! The browse screen: the article list, the selection's byline, and the reading pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::util::{pane, put_line, put_str, styled_spans, truncate};
use super::{filter, status};
use crate::listing::SortOrder;
use crate::text::wrap::{LineKind, width as text_width};
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::view::browse::Focus;

pub fn render(app: &App, buf: &mut Buffer) {
    let panes = app.panes();
    if let Some(list) = panes.list {
        render_list(app, list, buf);
    }
    if let Some(reader) = panes.reader {
        render_reader(app, reader, buf);
    }
    if let Some(menu) = app.browse().menu() {
        filter::render(app, menu, buf);
    }
    status::render(app, panes.status, buf);
}

/// The list's title: how many articles, and when filtered or sorted otherwise, how
/// many are shown, the filter and the order (`Articles 3/5 · CGTN · unread · by
/// outlet`), cut to the pane's width.
fn list_title(app: &App, width: usize) -> Line<'static> {
    let s = app.session();
    let theme = s.theme();
    let browse = app.browse();
    let total = s.corpus().articles.len();
    let mut words = Vec::new();
    if !browse.filter().is_empty() {
        words.push(browse.filter().to_string());
    }
    if browse.order() != SortOrder::Date {
        words.push(format!("by {}", browse.order().as_str()));
    }
    if words.is_empty() {
        return Line::from(vec![
            Span::raw(" Articles "),
            Span::styled(format!("{total} "), theme.dim()),
        ]);
    }
    let count = if browse.filter().is_empty() {
        format!("{total} ")
    } else {
        format!("{}/{total} ", browse.shown().len())
    };
    let room = width.saturating_sub(text_width(" Articles ") + text_width(&count));
    let rest = format!(
        "{} {} ",
        theme.dot(),
        words.join(&format!(" {} ", theme.dot()))
    );
    let mut spans = vec![Span::raw(" Articles "), Span::styled(count, theme.dim())];
    if room > 2 {
        spans.push(Span::raw(truncate(&rest, room, theme.ellipsis())));
    }
    Line::from(spans)
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let browse = app.browse();
    let focused = browse.focus() == Focus::List;
    let articles = &s.corpus().articles;
    let title = list_title(app, usize::from(area.width.saturating_sub(2)));
    let block = pane(theme, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if articles.is_empty() {
        let why = if s.loading().is_some() {
            vec!["Loading…".to_string()]
        } else if s.corpus().problems.is_empty() {
            vec![
                "No articles in".to_string(),
                s.source().to_string(),
                String::new(),
                "Articles are Markdown files with +++ front matter (see the README).".to_string(),
            ]
        } else {
            let key = s
                .keymap()
                .key_for(
                    crate::tui::action::Action::Problems,
                    crate::tui::keymap::Context::List,
                )
                .unwrap_or_default();
            vec![
                "No articles loaded.".to_string(),
                format!("Press {key} to see why."),
            ]
        };
        write_lines(buf, inner, &why, theme.dim());
        return;
    }
    if browse.shown().is_empty() {
        let key = |a| {
            s.keymap()
                .key_for(a, crate::tui::keymap::Context::List)
                .unwrap_or_default()
        };
        let why = vec![
            "No article matches".to_string(),
            browse.filter().to_string(),
            String::new(),
            format!(
                "{} changes the filter, {} clears it.",
                key(crate::tui::action::Action::Filter),
                key(crate::tui::action::Action::ClearFilter)
            ),
        ];
        write_lines(buf, inner, &why, theme.dim());
        return;
    }
    let areas = geometry::list(inner);
    let list_area = areas.items;
    let per = usize::from(geometry::LIST_ROWS);
    let visible = (usize::from(list_area.height) / per).max(1);
    let top = geometry::list_top(browse.position().unwrap_or(0), visible);
    let (read_mark, unread_mark) = theme.marks();
    let w = usize::from(list_area.width);
    let dot = theme.dot();
    for (row, &i) in browse.shown().iter().skip(top).take(visible).enumerate() {
        let Some(a) = articles.get(i) else { continue };
        let y = list_area.y + (row * per) as u16;
        let m = &a.meta;
        let selected = browse.position() == Some(top + row);
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let mark = if s.state().is_read(&m.id) {
            read_mark
        } else {
            unread_mark
        };
        let approx = if m.approximate {
            theme.approximate()
        } else {
            " "
        };
        let first = format!("{mark} {}{approx} {}", m.published, m.outlet);
        let second = format!("  {} {dot} {}", m.kind, m.title);
        let fill = |s: String| {
            let s = truncate(&s, w, theme.ellipsis());
            let pad = w.saturating_sub(text_width(&s));
            format!("{s}{}", " ".repeat(pad))
        };
        put_str(
            buf,
            list_area.x,
            y,
            &fill(first),
            list_area.width,
            base.add_modifier(Modifier::BOLD),
        );
        if y + 1 < list_area.bottom() {
            put_str(
                buf,
                list_area.x,
                y + 1,
                &fill(second),
                list_area.width,
                base,
            );
        }
    }
    if let Some(byline) = areas.byline
        && let Some(a) = browse.selection().and_then(|i| articles.get(i))
    {
        let rule = if theme.ascii { "-" } else { "─" };
        put_str(
            buf,
            byline.x,
            byline.y,
            &rule.repeat(w),
            byline.width,
            theme.border(),
        );
        let m = &a.meta;
        let lines = [
            format!("{} {dot} {}", m.outlet, m.country),
            format!("by {}", m.author),
            crate::text::wrap::details(a),
        ];
        for (k, l) in lines.iter().enumerate() {
            put_str(
                buf,
                byline.x,
                byline.y + 1 + k as u16,
                &truncate(l, w, theme.ellipsis()),
                byline.width,
                theme.dim(),
            );
        }
    }
}

/// Lines of explanation in an empty list, wrapped to its width, as many as fit.
fn write_lines(buf: &mut Buffer, inner: Rect, lines: &[String], style: Style) {
    let mut y = inner.y;
    for line in lines {
        for (_, piece) in crate::text::wrap::wrap(line, usize::from(inner.width)) {
            if y >= inner.bottom() {
                return;
            }
            put_str(buf, inner.x, y, piece, inner.width, style);
            y += 1;
        }
        if line.is_empty() {
            y += 1;
        }
    }
}

fn render_reader(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let browse = app.browse();
    let focused = browse.focus() == Focus::Reader;
    let Some(reader) = browse.reader() else {
        let block = pane(theme, Line::from(" Reading "), focused);
        let inner = block.inner(area);
        block.render(area, buf);
        put_str(
            buf,
            inner.x,
            inner.y,
            "Nothing open.",
            inner.width,
            theme.dim(),
        );
        return;
    };
    let article = reader.body();
    let layout = reader.layout();
    let text_area = browse.text_area(s);
    let page = usize::from(text_area.text.height);
    let total = layout.lines.len().max(1);
    let passages = article.passage_count();
    let current = app.current_passage().unwrap_or(0);
    let (shown, where_) = if reader.at_end() {
        // At the end the last paragraph is in view, whatever is at the top.
        let last = browse.last_passage_shown(s).unwrap_or(current);
        (last, "end".to_string())
    } else {
        let percent = ((reader.top() + page).min(total) * 100) / total;
        (current, format!("{percent}%"))
    };
    let position = format!(
        " {} {}/{} {} {where_} ",
        theme.pilcrow(),
        shown + 1,
        passages,
        theme.dot()
    );
    // The bottom border holds the position and, without a gutter, the current
    // paragraph's events: cut to what fits between the corners, never over them.
    let room = usize::from(area.width.saturating_sub(2));
    let mut bottom = Vec::new();
    if text_area.gutter.is_none() {
        let labels = event_labels(app, reader.article(), current);
        let spare = room.saturating_sub(text_width(&position) + 2);
        if !labels.is_empty() && spare >= 6 {
            let text = truncate(&labels.join(", "), spare - 2, theme.ellipsis());
            bottom.push(Span::styled(format!(" {text} "), theme.event()));
        }
    }
    if text_width(&position) <= room {
        bottom.push(Span::raw(position));
    }
    let title = Line::from(vec![
        Span::raw(" "),
        Span::raw(truncate(
            &article.meta.outlet,
            usize::from(area.width / 2),
            theme.ellipsis(),
        )),
        Span::raw(" "),
    ]);
    let block = pane(theme, title, focused).title_bottom(Line::from(bottom).right_aligned());
    block.render(area, buf);

    let passage_of: Vec<Option<usize>> = {
        let mut n = 0;
        article
            .blocks
            .iter()
            .map(|b| {
                b.is_passage().then(|| {
                    n += 1;
                    n - 1
                })
            })
            .collect()
    };
    let search = browse.search();
    let current_match = search.current().and_then(|c| search.matches().get(c));
    for (row, line) in layout
        .lines
        .iter()
        .skip(reader.top())
        .take(page)
        .enumerate()
    {
        let y = text_area.text.y + row as u16;
        let style = match line.kind {
            LineKind::Title => theme.title(),
            LineKind::Byline => theme.dim(),
            LineKind::Note => theme.note(),
            LineKind::Heading => theme.heading(),
            LineKind::Quote => theme.quote(),
            LineKind::Caption => theme.caption(),
            _ => Style::new(),
        };
        let mut marks = Vec::new();
        if let Some(b) = line.block {
            for m in search.matches().iter().filter(|m| m.block == b) {
                let (st, en) = (
                    m.start.max(line.offset),
                    m.end.min(line.offset + line.text.len()),
                );
                if st < en {
                    let style = if Some(m) == current_match {
                        theme.current_match()
                    } else {
                        theme.matched()
                    };
                    marks.push((st - line.offset, en - line.offset, style));
                }
            }
        }
        let mut spans = vec![Span::styled(
            line.prefix.clone(),
            style.remove_modifier(Modifier::UNDERLINED),
        )];
        spans.extend(styled_spans(&line.text, style, &marks));
        put_line(buf, text_area.text, y, &Line::from(spans));
        // Event labels in the gutter, stacked down the paragraph's first lines.
        if let (Some(gutter), Some(b)) = (text_area.gutter, line.block)
            && let Some(p) = passage_of[b]
        {
            let first = layout.line_of_block(b);
            let k = reader.top() + row - first;
            let labels = event_labels(app, reader.article(), p);
            if let Some(label) = labels.get(k) {
                let w = usize::from(gutter.width);
                let shown = truncate(label, w, theme.ellipsis());
                let x = gutter.x + (w - text_width(&shown)) as u16;
                put_str(buf, x, y, &shown, gutter.width, theme.event());
            }
        }
    }
    // The end of the article, when the page has room below its last line.
    let drawn = layout.lines.len().saturating_sub(reader.top()).min(page);
    if reader.at_end() && drawn + 1 < page {
        let mark = if theme.ascii {
            "-- end --"
        } else {
            "— end —"
        };
        let y = text_area.text.y + drawn as u16 + 1;
        let x =
            text_area.text.x + (text_area.text.width.saturating_sub(text_width(mark) as u16)) / 2;
        put_str(buf, x, y, mark, text_area.text.width, theme.dim());
    }
}

/// Short labels of the events passage `p` of article `a` is aligned to.
fn event_labels(app: &App, a: usize, p: usize) -> Vec<String> {
    let s = app.session();
    let Some(timeline) = &s.corpus().timeline else {
        return Vec::new();
    };
    s.alignment()
        .passage(a, p)
        .map(|pa| {
            pa.events
                .iter()
                .filter_map(|m| timeline.events.get(m.event).map(|e| e.label.clone()))
                .collect()
        })
        .unwrap_or_default()
}
