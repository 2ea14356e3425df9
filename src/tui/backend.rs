//! A leaner way to put ratatui's frame diff on the terminal, for readers on slow links.
//!
//! ratatui sends only the cells that changed, but each gap between changes on a line
//! costs a cursor move (about seven bytes) even when it skips one unchanged letter, and a
//! line that got shorter is blanked with spaces. This backend keeps a copy of what the
//! terminal shows, so it can bridge short gaps by reprinting the known cells between two
//! changes, and end a line with one erase-to-end-of-line where the rest of it is blank.
//! It also writes styles in their shortest form and erases runs of blanks in place.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::style::Print;
use ratatui::crossterm::{cursor, cursor::MoveTo, execute, queue, terminal};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// A gap of at most this many unchanged cells is reprinted rather than jumped: a jump
/// costs `ESC [ row ; col H`, six to eight bytes.
const BRIDGE: u16 = 6;
/// A blank line end at least this long is erased with `ESC [ K` instead of spaces.
const ERASE_FROM: u16 = 4;
/// A run of blanks inside a line at least this long is erased with `ESC [ n X` (ECH,
/// about six bytes plus the move after it) instead of spaces.
const ERASE_RUN: usize = 12;

/// The largest area drawn, in columns and rows; a larger terminal shows it in its top
/// left corner. Frames are buffers of cells (three of them: two of ratatui's and this
/// backend's copy of the screen), and a terminal that claims to be 65535x65535 would
/// otherwise cost some 200 GB. 1000x500 is beyond any real screen (a 8K display in a
/// 4-pixel font) and costs about 100 MB at most.
pub const MAX_WIDTH: u16 = 1000;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: u16 = 500;

/// The SGR state of the terminal, so only changes are sent.
#[derive(Default)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    /// Sends what it takes to draw `cell`'s style, and nothing if it is already set.
    fn set(&mut self, w: &mut impl Write, cell: &Cell) -> io::Result<()> {
        let mut params: Vec<String> = Vec::new();
        if cell.modifier != self.modifier {
            // Attributes cannot be turned off one by one everywhere: to drop one, reset
            // and set the rest; to add one, just add it.
            let (from, to) = if (self.modifier - cell.modifier).is_empty() {
                (self.modifier, cell.modifier)
            } else {
                params.push("0".into());
                self.fg = Color::Reset;
                self.bg = Color::Reset;
                (Modifier::empty(), cell.modifier)
            };
            for (m, code) in ATTRIBUTES {
                if to.contains(m) && !from.contains(m) {
                    params.push(code.into());
                }
            }
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg {
            params.push(sgr_color(cell.fg, false));
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            params.push(sgr_color(cell.bg, true));
            self.bg = cell.bg;
        }
        if params.is_empty() {
            return Ok(());
        }
        write!(w, "\x1b[{}m", params.join(";"))
    }
}

/// The SGR parameter for a colour: 16-colour codes where they apply.
fn sgr_color(c: Color, bg: bool) -> String {
    let base = |n: u8| if bg { n + 10 } else { n };
    match c {
        Color::Reset => base(39).to_string(),
        Color::Black => base(30).to_string(),
        Color::Red => base(31).to_string(),
        Color::Green => base(32).to_string(),
        Color::Yellow => base(33).to_string(),
        Color::Blue => base(34).to_string(),
        Color::Magenta => base(35).to_string(),
        Color::Cyan => base(36).to_string(),
        Color::Gray => base(37).to_string(),
        Color::DarkGray => base(90).to_string(),
        Color::LightRed => base(91).to_string(),
        Color::LightGreen => base(92).to_string(),
        Color::LightYellow => base(93).to_string(),
        Color::LightBlue => base(94).to_string(),
        Color::LightMagenta => base(95).to_string(),
        Color::LightCyan => base(96).to_string(),
        Color::White => base(97).to_string(),
        Color::Indexed(n) => format!("{};5;{n}", base(38)),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base(38)),
    }
}

/// The crossterm backend with gap bridging and line-end erasing.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// A fixed size instead of the terminal's (for tests).
    fixed: Option<Size>,
    /// What the terminal shows now.
    shadow: Buffer,
    /// Where the next frame's text links somewhere (OSC 8).
    links: Vec<Link>,
    /// The links the terminal holds now.
    shown_links: Vec<Link>,
}

/// A stretch of one row whose text links to `url`: written as an OSC 8 hyperlink, which
/// terminals that support it make clickable and others ignore.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Column of its first cell.
    pub x: u16,
    /// Its row.
    pub y: u16,
    /// Columns it spans.
    pub width: u16,
    /// Where it points; only printable ASCII without spaces is ever sent.
    pub url: String,
}

impl Link {
    fn covers(&self, x: u16, y: u16) -> bool {
        y == self.y && x >= self.x && x < self.x.saturating_add(self.width)
    }

    /// A URL that cannot end the escape early or smuggle anything into it.
    fn safe(&self) -> bool {
        !self.url.is_empty() && self.url.bytes().all(|b| (0x21..0x7f).contains(&b))
    }
}

impl<W: Write> LeanBackend<W> {
    /// Wraps a writer, like `CrosstermBackend::new`.
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            fixed: None,
            shadow: Buffer::empty(Rect::default()),
            links: Vec::new(),
            shown_links: Vec::new(),
        }
    }

    /// A backend of a fixed size, whatever the terminal's (for tests).
    pub fn with_size(writer: W, size: Size) -> Self {
        LeanBackend {
            fixed: Some(size),
            ..LeanBackend::new(writer)
        }
    }

    /// The writer, for tests.
    pub fn writer(&self) -> &W {
        &self.writer
    }

    /// Says which text of the next frame links where. After the frame's cells, the
    /// links are written again inside OSC 8, but only when they changed or a changed
    /// cell fell inside one, so an unchanged screen costs nothing more.
    pub fn set_links(&mut self, links: Vec<Link>) {
        self.links = links;
    }

    fn write_links(&mut self) -> io::Result<()> {
        let w = &mut self.writer;
        let mut pen = Pen::default();
        for link in self.links.iter().filter(|l| l.safe()) {
            if link.y >= self.shadow.area.height {
                continue;
            }
            queue!(w, MoveTo(link.x, link.y))?;
            write!(w, "\x1b]8;;{}\x1b\\", link.url)?;
            let end = link
                .x
                .saturating_add(link.width)
                .min(self.shadow.area.width);
            let mut x = link.x;
            while x < end {
                let cell = &self.shadow[(x, link.y)];
                let cw = cell.symbol().width().max(1) as u16;
                pen.set(w, cell)?;
                queue!(w, Print(cell.symbol()))?;
                x += cw;
            }
            write!(w, "\x1b]8;;\x1b\\")?;
        }
        pen.set(w, &Cell::default())
    }

    /// Writes cells: a move only where a cell does not follow the last, styles only
    /// where they change (in the short 16-colour form where the colour is one of those),
    /// and a run of blank cells as one erase (ECH) rather than spaces.
    fn write_cells(&mut self, cells: &[(u16, u16)]) -> io::Result<()> {
        let w = &mut self.writer;
        let shadow = &self.shadow;
        let mut pen = Pen::default();
        let mut last: Option<(u16, u16)> = None; // the cell the cursor is just after
        let mut i = 0;
        while i < cells.len() {
            let (x, y) = &cells[i];
            let cell = &shadow[(*x, *y)];
            // A run of adjacent default blanks: erase them in place.
            let mut run = 0;
            while i + run < cells.len() && {
                let (rx, ry) = cells[i + run];
                ry == *y && rx == *x + run as u16 && Self::blank_default(&shadow[(rx, ry)])
            } {
                run += 1;
            }
            if last != Some((x.wrapping_sub(1), *y)) {
                queue!(w, MoveTo(*x, *y))?;
            }
            if run >= ERASE_RUN {
                pen.set(w, &Cell::default())?;
                write!(w, "\x1b[{run}X")?;
                last = None;
                i += run;
                continue;
            }
            pen.set(w, cell)?;
            // Written as it is: what `Print` would write, without formatting machinery
            // for every cell.
            w.write_all(cell.symbol().as_bytes())?;
            last = Some((*x + cell.symbol().width().max(1) as u16 - 1, *y));
            i += 1;
        }
        pen.set(w, &Cell::default())
    }

    /// Scrolls rows `top..bottom` by `by` lines inside a scroll region: line feeds at the
    /// region's bottom scroll it up, reverse index at its top scrolls it down.
    fn write_scroll(&mut self, scroll: &Scroll) -> io::Result<()> {
        let w = &mut self.writer;
        // Lines scrolled in take the current background: make it the default.
        write!(w, "\x1b[0m\x1b[{};{}r", scroll.top + 1, scroll.bottom)?;
        if scroll.by > 0 {
            queue!(w, MoveTo(0, scroll.bottom - 1))?;
            w.write_all(&b"\n".repeat(scroll.by as usize))?;
        } else {
            queue!(w, MoveTo(0, scroll.top))?;
            w.write_all(&b"\x1bM".repeat(scroll.by.unsigned_abs() as usize))?;
        }
        // Reset the region (this also homes the cursor; every draw moves it anyway).
        w.write_all(b"\x1b[r")
    }

    fn blank_default(cell: &Cell) -> bool {
        cell.symbol() == " "
            && cell.fg == Color::Reset
            && cell.bg == Color::Reset
            && cell.modifier == Modifier::empty()
    }

    fn ensure_shadow(&mut self, x: u16, y: u16) {
        if !self.shadow.area.contains(Position { x, y }) {
            let size = self.size().unwrap_or_default();
            let area = Rect::new(
                0,
                0,
                size.width.max(x.saturating_add(1)),
                size.height.max(y.saturating_add(1)),
            );
            self.shadow.resize(area);
        }
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Bring the shadow up to date first: it then holds the new frame, which is what a
        // bridged gap must show.
        let before = self.shadow.clone();
        let mut changed: Vec<(u16, u16)> = Vec::new();
        for (x, y, cell) in content {
            self.ensure_shadow(x, y);
            self.shadow[(x, y)] = cell.clone();
            changed.push((x, y));
            // A wide character covers the cells after it, and ratatui never sends those:
            // the terminal shows them blank once the character goes, so the copy must
            // too, or a later bridge would reprint whatever stood there before.
            let width = cell.symbol().width() as u16;
            for covered in x.saturating_add(1)..x.saturating_add(width) {
                if covered < self.shadow.area.right() {
                    self.shadow[(covered, y)].reset();
                }
            }
        }
        // Rows that only moved are scrolled by the terminal, then only what still differs
        // is drawn.
        if before.area == self.shadow.area
            && let Some(scroll) = find_scroll(&before, &self.shadow)
        {
            let moved = scroll.apply(&before);
            self.write_scroll(&scroll)?;
            changed = moved
                .diff(&self.shadow)
                .into_iter()
                .map(|(x, y, _)| (x, y))
                .collect();
        }
        let width = self.shadow.area.width;
        // The cells to write, by position: the shadow holds what each shows now.
        let mut cells: Vec<(u16, u16)> = Vec::with_capacity(changed.len());
        let mut erase: Vec<(u16, u16)> = Vec::new();
        let mut i = 0;
        while i < changed.len() {
            let y = changed[i].1;
            let mut j = i;
            while j < changed.len() && changed[j].1 == y {
                j += 1;
            }
            let row = &changed[i..j];
            // The blank tail: from where the line's last visible character ends. Walk by
            // display width: the second cell of a wide character is stored as a blank.
            let mut tail_start = 0;
            let mut x = 0;
            while x < width {
                let cell = &self.shadow[(x, y)];
                let w = cell.symbol().width().max(1) as u16;
                if !Self::blank_default(cell) {
                    tail_start = (x + w).min(width);
                }
                x += w;
            }
            let erase_tail =
                width - tail_start >= ERASE_FROM && row.iter().any(|&(x, _)| x >= tail_start);
            let limit = if erase_tail { tail_start } else { width };
            let mut x_next: Option<u16> = None; // where the cursor is after the last print
            for &(x, _) in row.iter().filter(|&&(x, _)| x < limit) {
                if let Some(at) = x_next
                    && x > at
                    && x - at <= BRIDGE
                {
                    // Bridge the gap with what the terminal already shows there.
                    let mut g = at;
                    while g < x {
                        let w = self.shadow[(g, y)].symbol().width().max(1) as u16;
                        cells.push((g, y));
                        g += w;
                    }
                    if g != x {
                        // A wide character straddles the change: jump instead.
                        cells.retain(|c| !(c.1 == y && c.0 >= at && c.0 < x));
                    }
                }
                let w = self.shadow[(x, y)].symbol().width().max(1) as u16;
                cells.push((x, y));
                x_next = Some(x + w);
            }
            if erase_tail {
                erase.push((tail_start, y));
            }
            i = j;
        }
        self.write_cells(&cells)?;
        for &(x, y) in &erase {
            queue!(
                self.writer,
                MoveTo(x, y),
                terminal::Clear(terminal::ClearType::UntilNewLine)
            )?;
        }
        let touched = cells
            .iter()
            .chain(&changed)
            .copied()
            .any(|(x, y)| self.links.iter().any(|l| l.covers(x, y)));
        if touched || self.links != self.shown_links {
            self.write_links()?;
            self.shown_links = self.links.clone();
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Hide)
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Show)
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = cursor::position()?;
        Ok(Position { x, y })
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        execute!(self.writer, MoveTo(p.x, p.y))
    }
    fn clear(&mut self) -> io::Result<()> {
        self.shadow.reset();
        execute!(self.writer, terminal::Clear(terminal::ClearType::All))
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Not used by readout; forget what the screen shows rather than track it.
        self.shadow = Buffer::empty(Rect::default());
        let t = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        execute!(self.writer, terminal::Clear(t))
    }
    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.fixed {
            return Ok(size);
        }
        // One ioctl on the terminal drawn on. crossterm's `size` opens and closes
        // /dev/tty on every call, and ratatui asks several times a frame.
        let (width, height) = match rustix::termios::tcgetwinsize(rustix::stdio::stdout()) {
            Ok(w) if w.ws_col > 0 && w.ws_row > 0 => (w.ws_col, w.ws_row),
            _ => terminal::size()?,
        };
        Ok(Size {
            width: width.min(MAX_WIDTH),
            height: height.min(MAX_HEIGHT),
        })
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.writer)
    }
}

/// Rows `top..bottom` of the screen moved `by` lines (up if positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scroll {
    top: u16,
    bottom: u16,
    by: i16,
}

/// The fewest rows a scroll must save to be worth its escape sequences.
const MIN_SCROLLED_ROWS: usize = 3;

impl Scroll {
    /// `old` as the terminal shows it after this scroll.
    fn apply(&self, old: &Buffer) -> Buffer {
        let mut out = old.clone();
        let w = usize::from(old.area.width);
        for y in self.top..self.bottom {
            let from = y as i32 + i32::from(self.by);
            let dst = usize::from(y) * w;
            if from >= i32::from(self.top) && from < i32::from(self.bottom) {
                let src = from as usize * w;
                out.content[dst..dst + w].clone_from_slice(&old.content[src..src + w]);
            } else {
                out.content[dst..dst + w].fill(Cell::default());
            }
        }
        out
    }
}

/// The scroll (by up to three lines, up or down) that turns the most rows of `old` into
/// rows of `new`, if it saves at least [`MIN_SCROLLED_ROWS`] rows of redrawing.
fn find_scroll(old: &Buffer, new: &Buffer) -> Option<Scroll> {
    let w = usize::from(old.area.width);
    let h = usize::from(old.area.height);
    if w == 0 || h < 2 {
        return None;
    }
    fn row(b: &Buffer, y: usize, w: usize) -> &[Cell] {
        &b.content[y * w..(y + 1) * w]
    }
    let mut best: Option<(usize, Scroll)> = None;
    for by in [1i16, -1, 2, -2, 3, -3] {
        let k = usize::from(by.unsigned_abs());
        if k >= h {
            continue;
        }
        // Rows y of `new` that equal row y+by of `old` and were not already in place.
        let mut run_start = None;
        for y in 0..=h {
            let src = y as i32 + i32::from(by);
            let hit = y < h
                && src >= 0
                && (src as usize) < h
                && row(new, y, w) == row(old, src as usize, w)
                && row(new, y, w) != row(old, y, w);
            match (hit, run_start) {
                (true, None) => run_start = Some(y),
                (false, Some(start)) => {
                    let len = y - start;
                    if len >= MIN_SCROLLED_ROWS && best.as_ref().is_none_or(|(l, _)| len > *l) {
                        // The region spans the moved rows and the rows they came from.
                        let (top, bottom) = if by > 0 {
                            (start, y + k)
                        } else {
                            (start - k, y)
                        };
                        let scroll = Scroll {
                            top: top as u16,
                            bottom: bottom as u16,
                            by,
                        };
                        best = Some((len, scroll));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Modifiers and the SGR codes that show them.
const ATTRIBUTES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;
    use ratatui::widgets::Paragraph;

    /// Draws two frames of text and returns what the second wrote, parsed back by a
    /// terminal emulator together with the first.
    fn two_frames(first: &str, second: &str) -> (Vec<u8>, String) {
        let backend = LeanBackend::with_size(Vec::<u8>::new(), Size::new(20, 3));
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 20, 3)),
            },
        )
        .expect("terminal");
        t.draw(|f| f.render_widget(Paragraph::new(first), f.area()))
            .expect("draw");
        let before = t.backend().writer().len();
        t.draw(|f| f.render_widget(Paragraph::new(second), f.area()))
            .expect("draw");
        t.backend_mut().flush().expect("flush");
        let all = t.backend().writer().clone();
        let mut p = vt100::Parser::new(3, 20, 0);
        p.process(&all);
        (all[before..].to_vec(), p.screen().contents())
    }

    #[test]
    fn bridges_short_gaps_instead_of_jumping() {
        let (bytes, screen) = two_frames("the cat sat on it", "the bat sit on at");
        assert_eq!(screen.lines().next(), Some("the bat sit on at"));
        let moves = bytes.windows(2).filter(|w| w == b"\x1b[").count();
        // One move to the first change; the rest is bridged (plus the final resets).
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("bat sit on a"), "{text:?}");
        assert!(moves <= 5, "{moves} escapes in {text:?}");
    }

    #[test]
    fn erases_a_shortened_line_end_with_one_escape() {
        let (bytes, screen) = two_frames("a long line of text", "short");
        assert_eq!(screen.lines().next(), Some("short"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("\x1b[K"), "{text:?}");
        assert!(!text.contains("     "), "no runs of spaces: {text:?}");
    }

    #[test]
    fn styles_are_sent_once_and_short_and_screens_match() {
        use ratatui::text::{Line, Span};
        let backend = LeanBackend::with_size(Vec::<u8>::new(), Size::new(30, 2));
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 30, 2)),
            },
        )
        .expect("terminal");
        let styled = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
        t.draw(|f| {
            let line = Line::from(vec![
                Span::styled("red line", styled),
                Span::raw(" plain"),
                Span::styled(" again", styled),
            ]);
            f.render_widget(Paragraph::new(line), f.area())
        })
        .expect("draw");
        let out = String::from_utf8_lossy(t.backend().writer()).into_owned();
        assert!(
            out.contains("\x1b[1;35mred line\x1b[0m plain\x1b[1;35m again"),
            "{out:?}"
        );
        let mut p = vt100::Parser::new(2, 30, 0);
        p.process(t.backend().writer());
        let cell = p.screen().cell(0, 0).expect("cell");
        assert!(cell.bold());
        assert_eq!(cell.fgcolor(), vt100::Color::Idx(5));
        assert!(!p.screen().cell(0, 9).expect("cell").bold());
    }

    #[test]
    fn inner_blank_runs_are_erased_in_place() {
        let (bytes, screen) = two_frames("aaaaaaaaaaaaaaaaaa|", "a                 |");
        assert_eq!(screen.lines().next(), Some("a                 |"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("\x1b[17X"), "{text:?}");
    }

    /// Draws `frames` of `lines` into a 20x6 lean terminal; returns the bytes of the last
    /// frame and the emulated screen.
    fn frames(frames: &[Vec<String>]) -> (Vec<u8>, String) {
        let backend = LeanBackend::with_size(Vec::<u8>::new(), Size::new(20, 6));
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 20, 6)),
            },
        )
        .expect("terminal");
        let mut before = 0;
        for lines in frames {
            before = t.backend().writer().len();
            let text = lines.join("\n");
            t.draw(|f| f.render_widget(Paragraph::new(text.as_str()), f.area()))
                .expect("draw");
        }
        let all = t.backend().writer().clone();
        let mut p = vt100::Parser::new(6, 20, 0);
        p.process(&all);
        (all[before..].to_vec(), p.screen().contents())
    }

    fn numbered(from: usize) -> Vec<String> {
        (from..from + 6)
            .map(|i| format!("line {i} of the text"))
            .collect()
    }

    #[test]
    fn a_one_line_scroll_scrolls_the_terminal() {
        let (bytes, screen) = frames(&[numbered(0), numbered(1)]);
        assert_eq!(screen, numbered(1).join("\n"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("\x1b[1;6r"), "{text:?}");
        // Only the new last line is written.
        assert!(
            text.contains("line 6 of the text") && !text.contains("line 3"),
            "{text:?}"
        );
        let (bytes, screen) = frames(&[numbered(3), numbered(1)]);
        assert_eq!(screen, numbered(1).join("\n"));
        assert!(String::from_utf8_lossy(&bytes).contains("\x1bM\x1bM"));
    }

    #[test]
    fn a_scroll_inside_fixed_rows_keeps_them() {
        let frame = |from: usize| {
            let mut rows = vec!["== header ==".to_string()];
            rows.extend((from..from + 4).map(|i| format!("row {i}")));
            rows.push("-- footer --".to_string());
            rows
        };
        let (bytes, screen) = frames(&[frame(0), frame(1)]);
        assert_eq!(screen, frame(1).join("\n"));
        assert!(String::from_utf8_lossy(&bytes).contains("\x1b[2;5r"));
    }

    #[test]
    fn wide_characters_stay_in_place() {
        let (_, screen) = two_frames("中文 abc 新闻 x", "中文 abd 新闻 y");
        assert_eq!(screen.lines().next(), Some("中文 abd 新闻 y"));
        let (_, screen) = two_frames("ab 新闻 cd", "ab 新 cd");
        assert_eq!(screen.lines().next(), Some("ab 新 cd"));
        // A line ending in a wide character: the erase starts after both its cells.
        let (_, screen) = two_frames("abcdefghijklmnopq 新", "abcdefghijklmnop 新");
        assert_eq!(screen.lines().next(), Some("abcdefghijklmnop 新"));
        let (_, screen) = two_frames("x 新闻 and much more", "x 新闻");
        assert_eq!(screen.lines().next(), Some("x 新闻"));
        let _ = Style::new();
    }

    #[test]
    fn nothing_stale_is_reprinted_from_under_a_wide_character() {
        // "o" stands where the right halves of wide characters will be; then narrow text
        // replaces them, and a change further right makes the backend bridge the gap.
        let (_, screen) = frames(&[
            vec!["aoaoaoao x".to_string()],
            vec!["中文新闻 x".to_string()],
            vec!["a b c d  y".to_string()],
        ]);
        assert_eq!(screen.lines().next(), Some("a b c d  y"));
    }

    #[test]
    fn links_are_written_inside_osc_8_once_and_show_their_text() {
        let backend = LeanBackend::with_size(Vec::<u8>::new(), Size::new(30, 2));
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 30, 2)),
            },
        )
        .expect("terminal");
        let text = "see https://example.org/a here";
        let link = Link {
            x: 4,
            y: 0,
            width: 21,
            url: "https://example.org/a".to_string(),
        };
        t.backend_mut().set_links(vec![link.clone()]);
        t.draw(|f| f.render_widget(Paragraph::new(text), f.area()))
            .expect("draw");
        let first = String::from_utf8_lossy(t.backend().writer()).to_string();
        assert!(
            first
                .contains("\x1b]8;;https://example.org/a\x1b\\https://example.org/a\x1b]8;;\x1b\\"),
            "{first:?}"
        );
        // The same frame again: the link is not sent again.
        let before = t.backend().writer().len();
        t.draw(|f| f.render_widget(Paragraph::new(text), f.area()))
            .expect("draw");
        let again = String::from_utf8_lossy(&t.backend().writer()[before..]).to_string();
        assert!(!again.contains("\x1b]8"), "{again:?}");
        // A URL that could end the escape is never sent.
        t.backend_mut().set_links(vec![Link {
            url: "https://x\x1b]0;pwned\x07".to_string(),
            ..link
        }]);
        t.draw(|f| f.render_widget(Paragraph::new("other"), f.area()))
            .expect("draw");
        let all = t.backend().writer().clone();
        assert!(!String::from_utf8_lossy(&all[before..]).contains("pwned"));
        let mut p = vt100::Parser::new(2, 30, 0);
        p.process(&all);
        assert_eq!(p.screen().contents().lines().next(), Some("other"));
    }
}
