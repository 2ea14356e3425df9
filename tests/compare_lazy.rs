//! The comparison of a large corpus lays out only the rows it shows: `c`, `]`, `G` and
//! a resize lay out what comes into view, and every row laid out is the row a whole
//! grid would have.

mod common;

use std::path::PathBuf;

use ratatui::layout::Rect;
use readout::align::{Mode, align};
use readout::compare::Grid;
use readout::corpus::Corpus;
use readout::tui::app::App;
use readout::tui::geometry;

/// The bundled articles `copies` times over, each copy with its own ids.
fn copies(copies: usize) -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("articles");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("articles") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let bytes = std::fs::read(&path).expect("reads");
        if name == "rounds.toml" {
            files.push((name, Ok(bytes)));
            continue;
        }
        let text = String::from_utf8(bytes).expect("utf-8");
        for i in 0..copies {
            let copy = text.replacen("id = \"", &format!("id = \"c{i}-"), 1);
            files.push((format!("{i}-{name}"), Ok(copy.into_bytes())));
        }
    }
    Corpus::from_files(files)
}

/// Checks that every line on screen is laid out, and that what is laid out is what a
/// whole grid has (a row laid out part way: the start of each of its cells); returns
/// how many rows are laid out to their end, and how many rows there are.
fn check(app: &App) -> (usize, usize) {
    let grid = app.compare().grid().expect("a grid");
    let page = usize::from(geometry::compare(app.area()).body.height);
    let top = app.compare().top();
    let bottom = (top + page).min(grid.lines);
    for r in grid.row_at(top)..=grid.row_at(bottom.saturating_sub(1)) {
        let body_start = grid.row_lines[r] + grid.rows[r].head.len() + 1;
        let shown = bottom.saturating_sub(body_start).min(grid.rows[r].body);
        assert!(
            grid.is_laid_out(r) || grid.laid_lines(r) >= shown,
            "row {r}: {shown} body lines shown, {} laid out",
            grid.laid_lines(r)
        );
    }
    let corpus = app.corpus();
    let timeline = corpus.timeline.as_ref().expect("timeline");
    let outlets: Vec<&str> = grid.outlets.iter().map(String::as_str).collect();
    let whole = Grid::new(
        corpus,
        timeline,
        &align(&corpus.articles, timeline, Mode::Curated),
        &outlets,
        grid.width,
    );
    for (r, row) in grid.rows.iter().enumerate() {
        if grid.is_laid_out(r) {
            assert_eq!(row, &whole.rows[r], "row {r}");
        } else {
            assert_eq!(row.head, whole.rows[r].head);
            for (cell, full) in row.cells.iter().zip(&whole.rows[r].cells) {
                assert_eq!(cell.lines[..], full.lines[..cell.lines.len()], "row {r}");
            }
        }
        assert_eq!(grid.coverage(r), whole.coverage(r), "coverage of row {r}");
    }
    let laid = (0..grid.rows.len())
        .filter(|&r| grid.is_laid_out(r))
        .count();
    (laid, grid.rows.len())
}

/// Body lines laid out in the whole grid.
fn laid_lines(app: &App) -> usize {
    let grid = app.compare().grid().expect("a grid");
    grid.rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.lines.len())
        .sum()
}

#[test]
fn a_large_comparison_lays_out_only_what_comes_into_view() {
    let mut app = common::app_with(copies(40), 80, 24);
    common::press(&mut app, "c");
    check(&app);
    // A screen of 80x24 shows two columns of about twenty lines.
    let opened = laid_lines(&app);
    assert!(opened < 200, "{opened} lines laid out on opening");
    common::press(&mut app, "] ]");
    check(&app);
    assert!(laid_lines(&app) < opened + 200, "] lays out a screen");
    common::press(&mut app, "<PgDn> <PgDn> j j k");
    check(&app);
    common::press(&mut app, "G");
    let grid = app.compare().grid().expect("grid");
    let page = usize::from(geometry::compare(app.area()).body.height);
    assert_eq!(app.compare().top() + page, grid.lines, "G shows the end");
    check(&app);
    // A resize lays the grid out again at the new width: only what is seen.
    common::press(&mut app, "[");
    app.resize(Rect::new(0, 0, 120, 40));
    check(&app);
    assert!(
        laid_lines(&app) < 3 * 40 * 2,
        "{} lines after a resize",
        laid_lines(&app)
    );
    common::press(&mut app, "g <PgDn> <PgDn> <PgDn> k <PgUp>");
    check(&app);
}

#[test]
fn a_small_comparison_is_laid_out_whole() {
    let mut app = common::app(80, 24);
    common::press(&mut app, "c");
    let (laid, rows) = check(&app);
    assert_eq!(laid, rows);
}
