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

/// Checks that every row on screen is laid out, that the laid-out rows are those of a
/// whole grid, and returns how many are laid out and how many rows there are.
fn check(app: &App) -> (usize, usize) {
    let grid = app.compare().grid().expect("a grid");
    let page = usize::from(geometry::compare(app.area()).body.height);
    let top = app.compare().top();
    let (first, last) = (grid.row_at(top), grid.row_at(top + page - 1));
    for r in first..=last {
        assert!(grid.is_laid_out(r), "row {r} on screen is not laid out");
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
    let laid: Vec<usize> = (0..grid.rows.len())
        .filter(|&r| grid.is_laid_out(r))
        .collect();
    for &r in &laid {
        assert_eq!(grid.rows[r], whole.rows[r], "row {r}");
    }
    for r in 0..grid.rows.len() {
        assert_eq!(grid.coverage(r), whole.coverage(r), "coverage of row {r}");
    }
    (laid.len(), grid.rows.len())
}

#[test]
fn a_large_comparison_lays_out_only_what_comes_into_view() {
    let mut app = common::app_with(copies(40), 80, 24);
    common::press(&mut app, "c");
    let (laid, rows) = check(&app);
    assert!(laid < rows / 2, "{laid} of {rows} rows laid out on opening");
    common::press(&mut app, "] ]");
    let (after, _) = check(&app);
    assert!(after < rows / 2, "{after} of {rows} after ]");
    common::press(&mut app, "G");
    let grid = app.compare().grid().expect("grid");
    let page = usize::from(geometry::compare(app.area()).body.height);
    assert_eq!(app.compare().top() + page, grid.lines, "G shows the end");
    check(&app);
    // A resize lays the grid out again at the new width: only what is seen.
    app.resize(Rect::new(0, 0, 120, 40));
    let (laid, rows) = check(&app);
    assert!(
        laid < rows / 2,
        "{laid} of {rows} rows laid out after a resize"
    );
    common::press(&mut app, "g <PgDn> <PgDn> <PgDn> k");
    check(&app);
}

#[test]
fn a_small_comparison_is_laid_out_whole() {
    let mut app = common::app(80, 24);
    common::press(&mut app, "c");
    let (laid, rows) = check(&app);
    assert_eq!(laid, rows);
}
