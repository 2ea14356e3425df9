//! Drawing when the app has not been told of a resize (crossterm does not always deliver
//! the event before the next key), and at a size of 0x0: `tui::draw` takes the size
//! from the frame itself, so the layout always matches the buffer.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use readout::tui::draw;

#[test]
fn a_resize_the_app_was_not_told_of_is_drawn_at_the_real_size() {
    let mut app = common::app(80, 24);
    common::press(&mut app, "j j <Enter> z");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    draw(&mut term, &mut app).expect("draws");
    // The terminal shrinks; no Resize event reaches the app; a key comes; it is drawn.
    for (w, h) in [(127, 6), (80, 24), (24, 6), (300, 120), (1, 1), (127, 6)] {
        term.backend_mut().resize(w, h);
        common::press(&mut app, "j");
        draw(&mut term, &mut app).expect("draws");
        assert_eq!(app.area(), Rect::new(0, 0, w, h));
        let buf = term.backend().buffer();
        if let Err(e) = common::checks::check_rows(buf, w, h) {
            panic!("{w}x{h}: {e}\n{}", common::checks::rows(buf));
        }
    }
}

#[test]
fn a_0x0_terminal_draws_nothing_but_keys_still_act() {
    let mut app = common::app(0, 0);
    let mut term = Terminal::new(TestBackend::new(0, 0)).expect("backend");
    draw(&mut term, &mut app).expect("draws");
    // Open the third article blind, then let the window appear.
    common::press(&mut app, "j j <Enter>");
    draw(&mut term, &mut app).expect("draws");
    assert_eq!(term.backend().buffer().area, Rect::default());
    term.backend_mut().resize(80, 24);
    draw(&mut term, &mut app).expect("draws");
    let screen = common::screen(&app);
    assert!(screen.contains("Latvijas Avīze"), "{screen}");
    assert!(screen.contains("Esc list"), "{screen}");
}
