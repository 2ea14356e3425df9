//! Checks of a drawn frame shared by the monkey and hostile-corpus tests: what may not
//! reach a cell, and that every row reads as a terminal would show it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Characters that must never reach a cell: controls, and every character the
/// sanitiser counts as invisible (bidi controls, zero-width and other format characters,
/// default-ignorable code points).
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}')
        || readout::text::sanitize::is_invisible(c)
}

/// The width of a cell's symbol, or the forbidden character in it. ASCII, most of any
/// screen, is decided without a table lookup: this runs for every cell of every frame.
pub fn symbol_width(sym: &str) -> Result<usize, char> {
    if let [b] = sym.as_bytes() {
        return if (b' '..=b'~').contains(b) {
            Ok(1)
        } else {
            Err(char::from(*b))
        };
    }
    match sym.chars().find(|&c| is_forbidden(c)) {
        Some(c) => Err(c),
        None => Ok(sym.width()),
    }
}

/// The symbols of row `y` near column `x`, for failure messages.
pub fn cells_around(buf: &Buffer, x: u16, y: u16) -> Vec<(u16, String)> {
    let lo = x.saturating_sub(6);
    let hi = (x + 8).min(buf.area.width);
    (lo..hi)
        .map(|x| (x, buf[(x, y)].symbol().to_string()))
        .collect()
}

/// The buffer as a terminal shows it, one row a line, for failure messages.
pub fn rows(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// The checks every frame must pass: the buffer is the terminal's size, no cell holds a
/// forbidden character, and each row, read as a terminal shows it (a wide character
/// covers the cell after it), is exactly the terminal's width with nothing hidden.
pub fn check_rows(buf: &Buffer, w: u16, h: u16) -> Result<(), String> {
    if buf.area != Rect::new(0, 0, w, h) {
        return Err(format!("buffer is {:?}, terminal is {w}x{h}", buf.area));
    }
    for y in 0..h {
        let mut row_width = 0;
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            let sw = symbol_width(sym).map_err(|c| format!("{c:?} in cell ({x}, {y}): {sym:?}"))?;
            let advance = sw.max(1) as u16;
            if x + advance > w {
                return Err(format!("{sym:?} at ({x}, {y}) runs past the right edge"));
            }
            for covered in x + 1..x + advance {
                let hidden = buf[(covered, y)].symbol();
                if hidden != " " {
                    return Err(format!(
                        "{hidden:?} at ({covered}, {y}) is hidden under the wide {sym:?}; \
                         cells around: {:?}",
                        cells_around(buf, x, y)
                    ));
                }
            }
            row_width += sw;
            x += advance;
        }
        // Summed cell by cell, as ratatui places graphemes and terminals advance: the
        // width of the whole row as one string would apply ligature rules across cells
        // (Arabic lam-alef is one column to unicode-width) that neither applies.
        if row_width != usize::from(w) {
            return Err(format!("row {y} is {row_width} columns wide, not {w}"));
        }
    }
    Ok(())
}
