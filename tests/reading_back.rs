//! A directory loaded in the background keeps no article's text in memory: the reader,
//! the comparison, search, "why" and copying read it back from the files, and show the
//! same screens as the same corpus held whole. A file changed or deleted since it was
//! loaded is reported, by name, never shown as other text.

mod common;

use std::path::{Path, PathBuf};

use readout::corpus::loader;
use readout::corpus::{Corpus, Source};
use readout::tui::app::App;

/// The bundled articles (and timeline), copied where a test may change them.
fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("articles");
    for entry in std::fs::read_dir(&from).expect("the bundled articles") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join(name)).expect("copy");
    }
    dir
}

/// The app over `dir` loaded in the background, as the reader loads a directory.
fn streamed(dir: &Path, w: u16, h: u16) -> App {
    let mut app = common::app_with(Corpus::default(), w, h);
    let rx = loader::spawn(dir.to_path_buf(), || {});
    common::drain(&rx, &mut app);
    app
}

/// The app over `dir` loaded whole, every text in memory.
fn whole(dir: &Path, w: u16, h: u16) -> App {
    common::app_with(Corpus::load(&Source::Dir(dir.to_path_buf())), w, h)
}

#[test]
fn a_background_load_keeps_no_text() {
    let dir = corpus_dir();
    let app = streamed(dir.path(), 80, 24);
    let corpus = app.corpus();
    assert_eq!(corpus.articles.len(), 5);
    for a in &corpus.articles {
        assert!(a.is_hollow(), "{} kept its text", a.meta.id);
        assert!(a.blocks.iter().all(|b| b.text.is_empty()));
    }
    // What the list, the coverage and the estimate need is still there.
    let plain = Corpus::load(&Source::Dir(dir.path().to_path_buf()));
    for (hollow, full) in corpus.articles.iter().zip(&plain.articles) {
        assert_eq!(hollow.meta, full.meta);
        assert_eq!(hollow.passage_count(), full.passage_count());
        for p in 0..full.passage_count() {
            assert_eq!(hollow.passage_len(p), full.passage_len(p));
        }
    }
}

#[test]
fn reading_comparing_searching_and_copying_show_what_a_whole_load_shows() {
    let dir = corpus_dir();
    let steps = [
        "",
        "j",
        "j j <Tab> <Space> <Space>",
        "c",
        "c ] ] <Tab>",
        "c ] <Enter>",
        "c <Tab> w",
        "j <Tab> w",
        "o",
        "o l <Enter>",
        "/Sherman <Enter>",
        "/sherman <Enter> n n n n",
        "<Tab> /NATO <Enter> N",
        "j <Tab> y",
        "c y",
    ];
    for (w, h) in [(80, 24), (140, 40)] {
        for keys in steps {
            let mut hollow = streamed(dir.path(), w, h);
            let mut full = whole(dir.path(), w, h);
            common::press(&mut hollow, keys);
            common::press(&mut full, keys);
            assert_eq!(
                common::screen(&hollow),
                common::screen(&full),
                "after {keys:?} at {w}x{h}"
            );
            assert_eq!(hollow.take_copied(), full.take_copied(), "after {keys:?}");
        }
    }
}

#[test]
fn a_file_changed_after_loading_is_reported_not_misread() {
    let dir = corpus_dir();
    let mut app = streamed(dir.path(), 100, 30);
    // The second article of the list has not been opened, so nothing of it is kept.
    let second = app.browse().shown()[1];
    let path = dir.path().join(
        Path::new(&app.corpus().articles[second].path)
            .file_name()
            .expect("a name"),
    );
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Sherman", "SOMEONE ELSE")).expect("write");
    common::press(&mut app, "j");
    let screen = common::screen(&app);
    assert!(
        screen.contains("changed on disk"),
        "no message about the change:\n{screen}"
    );
    assert!(
        !screen.contains("SOMEONE ELSE"),
        "showed the new text:\n{screen}"
    );
    let status = app.status().expect("a status message");
    assert!(status.warning);
    assert!(
        status.text.contains(&app.corpus().articles[second].path),
        "{}",
        status.text
    );
    // Searching, comparing and copying go on without it, and never panic.
    common::press(
        &mut app,
        "<Tab> y c <Tab> y w <Esc> <Esc> <Esc> /Geneva <Enter> n n",
    );
    common::screen(&app);
}

#[test]
fn a_file_deleted_after_loading_is_reported_in_the_reader_and_the_comparison() {
    let dir = corpus_dir();
    let mut app = streamed(dir.path(), 140, 40);
    let gone: Vec<String> = app
        .corpus()
        .articles
        .iter()
        .map(|a| a.path.clone())
        .collect();
    for p in &gone {
        let name = Path::new(p).file_name().expect("a name");
        std::fs::remove_file(dir.path().join(name)).expect("remove");
    }
    // The first article was opened while loading; the second was not.
    common::press(&mut app, "j");
    let screen = common::screen(&app);
    assert!(
        screen.contains("deleted or moved"),
        "no message in the reader:\n{screen}"
    );
    // The comparison shows the message in place of passages it cannot read.
    common::press(&mut app, "c");
    let screen = common::screen(&app);
    assert!(
        screen.contains("deleted or"),
        "no message in the comparison:\n{screen}"
    );
    // Search goes on over what can still be read (the bodies read before the files
    // went, kept as they were loaded), and never stops at a missing one.
    common::press(&mut app, "<Esc> <Esc> /Geneva <Enter> n N");
    common::screen(&app);
}
