//! The browse screen: the article list, the selection's byline, and the reading pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::status;
use super::util::{pane, put_line, put_str, styled_spans, truncate};
use crate::text::wrap::{LineKind, width as text_width};
use crate::tui::app::{App, Focus};
use crate::tui::geometry;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let panes = app.panes();
    if let Some(list) = panes.list {
        render_list(app, list, buf);
    }
    if let Some(reader) = panes.reader {
        render_reader(app, reader, buf);
    }
    status::render(app, panes.status, buf);
    let _ = area;
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Focus::List;
    let title = Line::from(vec![
        Span::raw(" Articles "),
        Span::styled(format!("{} ", app.corpus.articles.len()), theme.dim()),
    ]);
    let block = pane(theme, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if app.corpus.articles.is_empty() {
        put_str(
            buf,
            inner.x,
            inner.y,
            "No articles loaded.",
            inner.width,
            theme.dim(),
        );
        put_str(
            buf,
            inner.x,
            inner.y + 1,
            "Press ! to see why.",
            inner.width,
            theme.dim(),
        );
        return;
    }
    // The selection's byline at the foot, when there is room for it.
    let byline_h = if inner.height >= 12 { 4 } else { 0 };
    let list_area = Rect::new(inner.x, inner.y, inner.width, inner.height - byline_h);
    let per = 2usize;
    let visible = (usize::from(list_area.height) / per).max(1);
    let top = app.selected.saturating_sub(visible - 1);
    let (read_mark, unread_mark) = theme.marks();
    let w = usize::from(list_area.width);
    for (row, (i, a)) in app
        .corpus
        .articles
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .enumerate()
    {
        let y = list_area.y + (row * per) as u16;
        let m = &a.meta;
        let selected = i == app.selected;
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let mark = if app.state.is_read(&m.id) {
            read_mark
        } else {
            unread_mark
        };
        let date = format!("{}{}", m.published, if m.approximate { "~" } else { " " });
        let first = format!("{mark} {date} {}", m.outlet);
        let second = format!("  {} · {}", m.kind, m.title);
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
    if byline_h > 0
        && let Some(a) = app.corpus.articles.get(app.selected)
    {
        let y0 = list_area.bottom();
        let rule = if theme.ascii { "-" } else { "─" };
        put_str(
            buf,
            inner.x,
            y0,
            &rule.repeat(w),
            inner.width,
            theme.border(),
        );
        let m = &a.meta;
        let lines = [
            format!("{} · {}", m.outlet, m.country),
            format!("by {}", m.author),
            crate::text::wrap::details(a),
        ];
        for (k, l) in lines.iter().enumerate() {
            put_str(
                buf,
                inner.x,
                y0 + 1 + k as u16,
                &truncate(l, w, theme.ellipsis()),
                inner.width,
                theme.dim(),
            );
        }
    }
}

fn render_reader(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Reader;
    let Some(reader) = &app.reader else {
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
    let article = &app.corpus.articles[reader.article];
    let layout = &reader.layout;
    let text_area = geometry::text_area(geometry::inner(area), app.label_width());
    let page = usize::from(text_area.text.height);
    let total = layout.lines.len().max(1);
    let passages = article.passage_count();
    let current = app.current_passage().unwrap_or(0);
    let percent = ((reader.top + page).min(total) * 100) / total;
    let mut position = vec![Span::raw(format!(
        " ¶ {}/{} · {percent}% ",
        current + 1,
        passages
    ))];
    // Without a gutter, the current paragraph's events go beside the position.
    if text_area.gutter.is_none() {
        let labels = event_labels(app, reader.article, current);
        if !labels.is_empty() {
            position.insert(
                0,
                Span::styled(format!(" {} ", labels.join(", ")), theme.event()),
            );
        }
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
    let block = pane(theme, title, focused).title_bottom(Line::from(position).right_aligned());
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
    let current_match = app.search.current.and_then(|c| app.search.matches.get(c));
    for (row, line) in layout.lines.iter().skip(reader.top).take(page).enumerate() {
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
            for m in app.search.matches.iter().filter(|m| m.block == b) {
                let (s, e) = (
                    m.start.max(line.offset),
                    m.end.min(line.offset + line.text.len()),
                );
                if s < e {
                    let st = if Some(m) == current_match {
                        theme.current_match()
                    } else {
                        theme.matched()
                    };
                    marks.push((s - line.offset, e - line.offset, st));
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
            let k = reader.top + row - first;
            let labels = event_labels(app, reader.article, p);
            if let Some(label) = labels.get(k) {
                let w = usize::from(gutter.width);
                let shown = truncate(label, w, theme.ellipsis());
                let x = gutter.x + (w - text_width(&shown)) as u16;
                put_str(buf, x, y, &shown, gutter.width, theme.event());
            }
        }
    }
}

/// Short labels of the events passage `p` of article `a` is aligned to.
fn event_labels(app: &App, a: usize, p: usize) -> Vec<String> {
    let Some(timeline) = &app.corpus.timeline else {
        return Vec::new();
    };
    app.alignment
        .passage(a, p)
        .map(|pa| {
            pa.events
                .iter()
                .filter_map(|m| timeline.events.get(m.event).map(|e| e.label.clone()))
                .collect()
        })
        .unwrap_or_default()
}
