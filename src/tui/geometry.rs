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
/// Shortest measure at which a margin for event labels is worth its room.
const MIN_MEASURE_WITH_GUTTER: u16 = 44;

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
    let list_w = (body.width * 3 / 8).clamp(28, 44);
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
    // A column of air on each side, when the pane can spare it.
    let inner = if inner.width >= 30 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    };
    let gutter_w = label_width + 1;
    let with_gutter = inner.width.saturating_sub(gutter_w + 1);
    if label_width > 0 && with_gutter >= MIN_MEASURE_WITH_GUTTER {
        let measure = with_gutter.min(MEASURE);
        let spare = inner.width - measure - gutter_w;
        let left = inner.x + spare / 2;
        return TextArea {
            gutter: Some(Rect::new(left, inner.y, gutter_w - 1, inner.height)),
            text: Rect::new(left + gutter_w, inner.y, measure, inner.height),
        };
    }
    let measure = inner.width.min(MEASURE);
    let left = inner.x + (inner.width - measure) / 2;
    TextArea {
        gutter: None,
        text: Rect::new(left, inner.y, measure, inner.height),
    }
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
