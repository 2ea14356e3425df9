//! The browse screen: the article list, the selection's byline, and the reading pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::status;
use super::util::{pane, put_line, put_str, styled_spans, truncate};
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
    status::render(app, panes.status, buf);
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.session();
    let theme = s.theme();
    let browse = app.browse();
    let focused = browse.focus() == Focus::List;
    let articles = &s.corpus().articles;
    let title = Line::from(vec![
        Span::raw(" Articles "),
        Span::styled(format!("{} ", articles.len()), theme.dim()),
    ]);
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
        let mut y = inner.y;
        for line in &why {
            for (_, piece) in crate::text::wrap::wrap(line, usize::from(inner.width)) {
                put_str(buf, inner.x, y, piece, inner.width, theme.dim());
                y += 1;
            }
            if line.is_empty() {
                y += 1;
            }
        }
        return;
    }
    let areas = geometry::list(inner);
    let list_area = areas.items;
    let per = usize::from(geometry::LIST_ROWS);
    let visible = (usize::from(list_area.height) / per).max(1);
    let top = geometry::list_top(browse.selected(), visible);
    let (read_mark, unread_mark) = theme.marks();
    let w = usize::from(list_area.width);
    let dot = theme.dot();
    for (row, (i, a)) in articles
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .enumerate()
    {
        let y = list_area.y + (row * per) as u16;
        let m = &a.meta;
        let selected = i == browse.selected();
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
        && let Some(a) = articles.get(browse.selected())
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
    let article = &s.corpus().articles[reader.article()];
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
