//! Where each pane goes for a terminal size: one pure function shared by `App::update`
//! (which lays text out for the pane's width) and drawing (which fills the pane).

use ratatui::layout::Rect;

/// Below this the interface says the window is too small instead of drawing.
pub const MIN_WIDTH: u16 = 24;
/// Below this the interface says the window is too small instead of drawing.
pub const MIN_HEIGHT: u16 = 6;
/// Below this width only one pane shows at a time.
pub const TWO_PANE_WIDTH: u16 = 70;
/// The comfortable reading measure, in columns.
pub const MEASURE: u16 = 76;
/// The narrowest the reading pane gets beside a list of a configured width.
pub const MIN_READER: u16 = 40;
/// Shortest measure at which a margin for event labels is worth its room.
const MIN_MEASURE_WITH_GUTTER: u16 = 44;

/// The reading options of the configuration's `[reading]`, as the layout takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The widest the reading column gets.
    pub measure: u16,
    /// Event labels in a margin beside the text, when there is room.
    pub margin_labels: bool,
    /// The list pane's width; `None` follows the window.
    pub list_width: Option<u16>,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            measure: MEASURE,
            margin_labels: true,
            list_width: None,
        }
    }
}

/// The panes of the browse screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The article list, if shown.
    pub list: Option<Rect>,
    /// The reading pane, if shown.
    pub reader: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// The reading pane's text column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextArea {
    /// Where the text goes.
    pub text: Rect,
    /// Where the event labels go, when there is room.
    pub gutter: Option<Rect>,
}

/// True if the window is too small to use.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Splits the screen. With `zoom`, or below [`TWO_PANE_WIDTH`], only one pane shows:
/// the reader when `reader_first`, else the list.
pub fn panes(area: Rect, zoom: bool, reader_first: bool) -> Panes {
    panes_with(area, zoom, reader_first, None)
}

/// As [`panes`], with the list `list_width` wide when it is set (the reader keeps at
/// least [`MIN_READER`] columns).
pub fn panes_with(area: Rect, zoom: bool, reader_first: bool, list_width: Option<u16>) -> Panes {
    let status = Rect::new(
        area.x,
        area.bottom().saturating_sub(1),
        area.width,
        1.min(area.height),
    );
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    if zoom || area.width < TWO_PANE_WIDTH {
        return if reader_first || zoom {
            Panes {
                list: None,
                reader: Some(body),
                status,
            }
        } else {
            Panes {
                list: Some(body),
                reader: None,
                status,
            }
        };
    }
    // The list grows with the width: the reader's measure is capped, so a wide terminal
    // has room to spare for titles.
    let list_w = match list_width {
        Some(w) => w.min(body.width.saturating_sub(MIN_READER)),
        None => (body.width * 3 / 8).clamp(28, 44).max(body.width * 3 / 10),
    };
    Panes {
        list: Some(Rect::new(body.x, body.y, list_w, body.height)),
        reader: Some(Rect::new(
            body.x + list_w,
            body.y,
            body.width - list_w,
            body.height,
        )),
        status,
    }
}

/// The text column inside the reading pane's border: at most [`MEASURE`] wide, centred,
/// with a gutter of `label_width` + 1 columns on its left when there is room for one.
pub fn text_area(inner: Rect, label_width: u16) -> TextArea {
    text_area_with(inner, label_width, MEASURE)
}

/// As [`text_area`], at most `measure` wide.
pub fn text_area_with(inner: Rect, label_width: u16, measure: u16) -> TextArea {
    let max = measure.max(1);
    // A column of air on each side, when the pane can spare it.
    let inner = if inner.width >= 30 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    };
    let gutter_w = label_width + 1;
    let with_gutter = inner.width.saturating_sub(gutter_w + 1);
    if label_width > 0 && with_gutter >= MIN_MEASURE_WITH_GUTTER {
        let measure = with_gutter.min(max);
        let spare = inner.width - measure - gutter_w;
        let left = inner.x + spare / 2;
        return TextArea {
            gutter: Some(Rect::new(left, inner.y, gutter_w - 1, inner.height)),
            text: Rect::new(left + gutter_w, inner.y, measure, inner.height),
        };
    }
    let measure = inner.width.min(max);
    let left = inner.x + (inner.width - measure) / 2;
    TextArea {
        gutter: None,
        text: Rect::new(left, inner.y, measure, inner.height),
    }
}

/// The browse list's inside: two rows per article, and the selection's byline at the
/// foot when there is room for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    /// Where the articles go.
    pub items: Rect,
    /// A rule and three lines about the selected article.
    pub byline: Option<Rect>,
}

/// Rows each article takes in the list.
pub const LIST_ROWS: u16 = 2;

/// The first article shown when `visible` fit and `selected` is selected: the list
/// scrolls only to keep the selection in view.
pub fn list_top(selected: usize, visible: usize) -> usize {
    selected.saturating_sub(visible.max(1) - 1)
}

/// Splits the inside of the list pane.
pub fn list(inner: Rect) -> ListAreas {
    if inner.height >= 12 {
        let items = Rect::new(inner.x, inner.y, inner.width, inner.height - 4);
        ListAreas {
            items,
            byline: Some(Rect::new(inner.x, items.bottom(), inner.width, 4)),
        }
    } else {
        ListAreas {
            items: inner,
            byline: None,
        }
    }
}

/// The rows of the comparison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAreas {
    /// Every outlet, and whether it covers the current event.
    pub strip: Rect,
    /// The names of the columns shown.
    pub heads: Rect,
    /// The grid.
    pub body: Rect,
    /// The status line.
    pub status: Rect,
}

/// Splits the comparison screen.
pub fn compare(area: Rect) -> CompareAreas {
    let row = |y: u16, h: u16| Rect::new(area.x, y.min(area.bottom()), area.width, h);
    CompareAreas {
        strip: row(area.y, 1.min(area.height)),
        heads: row(area.y + 1, u16::from(area.height > 2)),
        body: row(area.y + 2, area.height.saturating_sub(3)),
        status: row(area.bottom().saturating_sub(1), 1.min(area.height)),
    }
}

/// The coverage overview: a title, a row of outlet names, one row per event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageAreas {
    /// The title line.
    pub title: Rect,
    /// The outlet names.
    pub heads: Rect,
    /// The events.
    pub rows: Rect,
    /// The status line.
    pub status: Rect,
    /// Columns of each row's head (date and label), the gap included.
    pub head_width: u16,
    /// Columns of each outlet's column, the gap included.
    pub column_width: u16,
    /// How many outlet columns fit.
    pub columns: usize,
}

/// Splits the coverage overview for `outlets` columns, event labels up to `label_width`
/// columns and counts up to `count_digits` digits. A column is wide enough for its
/// count and as wide as 18 columns of name when there is room; the heads are never cut
/// unless the window is narrower than a head and one column.
pub fn coverage(area: Rect, label_width: u16, outlets: usize, count_digits: u16) -> CoverageAreas {
    let min_col = (count_digits + 1).max(4);
    let full_head = 11 + label_width + 1;
    let head_width = full_head.min(area.width.saturating_sub(min_col));
    let room = area.width.saturating_sub(head_width);
    let fair = room / (outlets.max(1) as u16);
    let column_width = fair.clamp(min_col, 19.max(min_col));
    let columns = usize::from(room / column_width.max(1)).min(outlets);
    let row = |y: u16, h: u16| Rect::new(area.x, y.min(area.bottom()), area.width, h);
    CoverageAreas {
        title: row(area.y, 1.min(area.height)),
        heads: row(area.y + 2, u16::from(area.height > 3)),
        rows: row(area.y + 3, area.height.saturating_sub(4)),
        status: row(area.bottom().saturating_sub(1), 1.min(area.height)),
        head_width,
        column_width,
        columns,
    }
}

/// Where the filter menu of `rows` fields goes: over the reading pane's top left, so the
/// list beside it shows what the filter keeps; without a reader, at the foot of the
/// list. At most 48 columns wide.
pub fn filter_menu(panes: Panes, rows: u16) -> Rect {
    let height = rows + 2;
    if let Some(r) = panes.reader {
        let w = r.width.saturating_sub(4).min(48);
        let h = r.height.saturating_sub(2).min(height);
        return Rect::new(r.x + 2, r.y + 1, w, h);
    }
    let Some(l) = panes.list else {
        return Rect::default();
    };
    let w = l.width.saturating_sub(2).min(48);
    let h = l.height.saturating_sub(2).min(height);
    Rect::new(l.x + 1, l.bottom().saturating_sub(1 + h), w, h)
}

/// Where an overlay (help, problems) goes: nearly the whole screen, at most 84 wide.
pub fn overlay(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(84).max(area.width.min(20));
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_panes_at_80_one_when_narrow_or_zoomed() {
        let p = panes(Rect::new(0, 0, 80, 24), false, false);
        assert!(p.list.is_some() && p.reader.is_some());
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
        assert_eq!(p.list.unwrap().width + p.reader.unwrap().width, 80);
        let z = panes(Rect::new(0, 0, 80, 24), true, false);
        assert_eq!((z.list, z.reader.map(|r| r.width)), (None, Some(80)));
        let n = panes(Rect::new(0, 0, 50, 24), false, false);
        assert_eq!((n.list.map(|r| r.width), n.reader), (Some(50), None));
    }

    #[test]
    fn the_list_grows_on_wide_terminals() {
        let width = |w| {
            panes(Rect::new(0, 0, w, 40), false, false)
                .list
                .map(|r| r.width)
        };
        assert_eq!(width(80), Some(30));
        assert_eq!(width(140), Some(44));
        assert_eq!(width(200), Some(60));
    }

    #[test]
    fn coverage_heads_fit_whole_and_counts_get_their_digits() {
        let c = coverage(Rect::new(0, 0, 120, 40), 14, 5, 1);
        assert_eq!(c.head_width, 26);
        assert_eq!(c.columns, 5);
        let narrow = coverage(Rect::new(0, 0, 30, 10), 14, 5, 3);
        assert_eq!(narrow.column_width, 4);
        assert_eq!(narrow.columns, 1);
        let many = coverage(Rect::new(0, 0, 80, 24), 14, 100, 3);
        assert!(many.columns < 100 && many.column_width >= 4);
    }

    #[test]
    fn the_filter_menu_leaves_the_list_in_view() {
        let p = panes(Rect::new(0, 0, 80, 24), false, false);
        let m = filter_menu(p, 6);
        let list = p.list.unwrap();
        assert!(m.x >= list.right() && m.height == 8 && m.width <= 48);
        let narrow = panes(Rect::new(0, 0, 50, 20), false, false);
        let m = filter_menu(narrow, 6);
        assert!(m.bottom() < narrow.list.unwrap().bottom() && m.y > 0);
        let tiny = panes(Rect::new(0, 0, 24, 6), false, false);
        let m = filter_menu(tiny, 6);
        assert!(m.height <= 3 && m.bottom() <= 5);
    }

    #[test]
    fn measure_is_capped_and_centred_with_gutter_when_wide() {
        let t = text_area(Rect::new(0, 0, 138, 30), 12);
        assert_eq!(t.text.width, MEASURE);
        let g = t.gutter.unwrap();
        assert_eq!(g.right() + 1, t.text.x);
        let narrow = text_area(Rect::new(0, 0, 48, 20), 12);
        assert_eq!((narrow.gutter, narrow.text.width), (None, 46));
        let tiny = text_area(Rect::new(0, 0, 20, 5), 12);
        assert_eq!(tiny.text.width, 20);
    }
}
