//! A hostile corpus, generated at test time in a temporary directory, proves that
//! untrusted files cannot hurt the reader: every file either loads or is refused with a
//! message naming its file, line and column; a good article beside them always loads;
//! no control, bidi or invisible character from a file reaches a rendered cell or plain
//! output; and every pane keeps its borders, every row exactly the terminal's width.
//!
//! The files: escape sequences of every family (CSI, OSC 0/8/52 with and without
//! terminators, DCS, APC, SOS, PM, raw 8-bit C1), bidi overrides and isolates,
//! zero-width characters, soft hyphens, NUL and other C0 controls, invalid UTF-8, a
//! 100,000-character word, a 5 MB article (refused) and a 3.9 MiB one (loaded), deeply
//! nested Markdown, emoji with ZWJ and skin tones, CJK, combining marks, Arabic and
//! Hebrew, and `rounds.toml` files with broken cues. Nothing multi-megabyte is committed.

mod common;

use std::cell::RefCell;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use assert_cmd::Command;
use common::checks::{check_rows, is_forbidden, rows};
use common::{app_with, draw, press};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use readout::align::Alignment;
use readout::corpus::{BlockKind, Corpus, MAX_ARTICLE_BYTES, Source};
use readout::state::ReadingState;
use readout::tui::app::{App, Screen};
use readout::tui::theme::Theme;
use tempfile::TempDir;

/// The sizes every screen is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// A word every generated article contains, so a search always has matches.
const WORD: &str = "negotiation";

// ----- what counts as hostile --------------------------------------------------------

/// Payloads put into every field and every kind of block of an article; one file each,
/// so a failure names the family.
const PAYLOADS: &[(&str, &str)] = &[
    (
        "csi",
        "\x1b[31mred\x1b[0m \x1b[2J\x1b[Hcleared \x1b[10;20Hmoved\x1b[3A\x1b[K \x1b[?1049halt\x1b[?1049l \x1b[38;2;255;0;0mtrue\x1b[0m \x1b[6n shown",
    ),
    ("csi-unfinished", "shown then cut \x1b[12;"),
    ("osc-0-bel", "\x1b]0;pwned title\x07 shown"),
    ("osc-0-st", "\x1b]0;pwned title\x1b\\ shown"),
    ("osc-0-unterminated", "shown \x1b]0;never terminated title"),
    (
        "osc-8-st",
        "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ shown",
    ),
    (
        "osc-8-bel",
        "\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 shown",
    ),
    ("osc-8-unterminated", "shown \x1b]8;;http://evil.example/"),
    ("osc-52-bel", "\x1b]52;c;cm0gLXJmIH4K\x07 shown"),
    ("osc-52-st", "\x1b]52;c;cm0gLXJmIH4K\x1b\\ shown"),
    ("osc-52-unterminated", "shown \x1b]52;c;cm0gLXJmIH4K"),
    (
        "dcs",
        "\x1bP1$r0m\x1b\\ \x1bPq#0;2;0;0;0#1~~@@vv\x1b\\ shown",
    ),
    ("dcs-unterminated", "shown \x1bP1$r0m"),
    (
        "apc-sos-pm",
        "\x1b_Gf=100;AAAA\x1b\\ \x1bXsos\x1b\\ \x1b^pm\x1b\\ shown",
    ),
    (
        "c1-8bit",
        "\u{9b}31mred\u{9b}0m \u{9d}0;title\u{9c} \u{90}dcs\u{9c} \u{9f}apc\u{9c} \u{85}nel \u{8d}ri \u{9b}2J shown",
    ),
    (
        "escape-others",
        "\x1bc\x1b(0lqk\x1b(B \x1b7\x1b8 \x1b#8 \x1b= \x1bM \x1bN\x1bO shown \x1b",
    ),
    (
        "bidi",
        "\u{202e}gnp.exe\u{202c} \u{202a}lre\u{202c} \u{202b}rle\u{202c} \u{202d}lro\u{202c} \u{2066}lri\u{2069} \u{2067}rli\u{2069} \u{2068}fsi\u{2069} \u{200e}lrm \u{200f}rlm \u{61c}alm shown",
    ),
    (
        "zero-width",
        "pay\u{200b}pal \u{200c}zwnj\u{200d}zwj \u{2060}wj\u{2061}\u{2062}\u{2063}\u{2064} \u{feff}bom \u{180e}mvs \u{34f}cgj \u{fff9}\u{fffa}\u{fffb}\u{fffc} tag\u{e0041}\u{e0042}\u{e007f} shown",
    ),
    (
        "soft-hyphen",
        "news\u{ad}pa\u{ad}per hy\u{ad}phen\u{ad}ated \u{ad}\u{ad}\u{ad} shown",
    ),
    (
        "nul-and-c0",
        "a\0b \x07bell \x08back \x0bvt \x0cff cr\rhere \x7fdel \x1asub\x1c\x1d\x1e\x1f shown",
    ),
    (
        "tabs-and-breaks",
        "\tcol\tumns\t \u{2028}line\u{2029}para shown",
    ),
    (
        "emoji",
        "👩\u{200d}👩\u{200d}👧\u{200d}👦 👍🏽 👨🏿\u{200d}🚀 🏳\u{fe0f}\u{200d}🌈 🇱🇻🇺🇦 1\u{fe0f}\u{20e3} ❤\u{fe0f} ☺\u{fe0e} 🧑🏻\u{200d}🤝\u{200d}🧑🏿 shown",
    ),
    (
        "cjk",
        "中文新闻 日本語のテキスト 한국어 텍스트 Ｆｕｌｌｗｉｄｔｈ 。、「」 shown",
    ),
    (
        "combining",
        "Cafe\u{301} e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308} Z\u{335}\u{321}a\u{336}l\u{337}g\u{338}o \u{301}lone mark shown",
    ),
    (
        "rtl",
        "المفاوضات في جنيف لا تزال Geneva 2022 השיחות בז'נבה (١٢٣) shown",
    ),
];

/// The payload as a TOML basic string: quotes, backslashes and controls escaped.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An article with `payload` in every front matter string and every kind of block.
fn payload_article(id: &str, payload: &str) -> String {
    let t = |suffix: &str| toml_str(&format!("{payload} {suffix}"));
    let p = payload;
    format!(
        "+++\n\
         id = \"{id}\"\n\
         title = {title}\n\
         outlet = {outlet}\n\
         country = {country}\n\
         author = {author}\n\
         published = 2022-01-12\n\
         kind = \"news\"\n\
         language = \"en\"\n\
         url = {url}\n\
         note = {note}\n\
         +++\n\
         \n\
         # {p} heading\n\
         \n\
         <!-- events: geneva -->\n\
         In Geneva the {WORD} went on: {p} and more words after it.\n\
         \n\
         <!-- caption -->\n\
         {p} caption\n\
         \n\
         - {p} list item\n  - nested {p}\n\
         \n\
         1. {p} numbered\n\
         \n\
         > {p} quotation\n\
         \n\
         `{p}` code span, *{p}* emphasis and [{p}](http://example.com/) link text.\n\
         \n\
         ```\n{p} preformatted\n```\n\
         \n\
         <div>{p}</div>\n\
         \n\
         <!-- events: brussels -->\n\
         In Brussels the {WORD} ended. {p}\n",
        title = t("title"),
        outlet = t("outlet"),
        country = t("country"),
        author = t("author"),
        url = t("url"),
        note = t("note"),
    )
}

/// An article whose body is `body` (raw Markdown), with plain front matter.
fn plain_article(id: &str, date: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"The {id} article\"\noutlet = \"Outlet {id}\"\n\
         country = \"Nowhere\"\nauthor = \"Mallory\"\npublished = {date}\nkind = \"news\"\n\
         language = \"en\"\n+++\n\n{body}\n"
    )
}

/// The article that must load whatever is beside it.
fn good_article() -> String {
    plain_article(
        "good",
        "2022-01-10",
        &format!(
            "<!-- events: geneva -->\nIn Geneva the {WORD} began, and this file is fine.\n\n\
             <!-- events: brussels -->\nIn Brussels the {WORD} went on."
        ),
    )
}

/// A valid timeline whose strings are hostile (sanitised on load) and whose labels are
/// wide or right-to-left.
const HOSTILE_ROUNDS: &str = r#"
[[event]]
id = "geneva"
title = "Geneva \u001b]0;pwned\u0007talks \u202eevil \u001b[2J"
label = "Gen\u001b[31meva\u200b"
date = 2022-01-10
place = "Genève \u001b]52;c;cm0=\u0007"
participants = ["Sherman\u202e", "Рябков\u0000", "\u001bP1$r0m\u001b\\"]
kind = "talks"

[event.cues]
places = ["Geneva"]

[[event]]
id = "brussels"
title = "NATO–Russia Council 北约–俄罗斯 \u009b31m"
label = "北约–俄罗斯"
date = 2022-01-12
place = "Brussels"
kind = "talks"

[event.cues]
places = ["Brussels"]

[[event]]
id = "vienna"
title = "مجلس OSCE الدائم"
label = "فيينا"
date = 2022-01-13
place = "Wien \u00ad"
kind = "talks"
"#;

// ----- building the corpora ----------------------------------------------------------

/// What should become of a file.
#[derive(Debug, Clone)]
enum Expect {
    /// It loads, with this id.
    Loads(String),
    /// It is refused: the problem is at this line and column and says this.
    Refused {
        line: usize,
        col: usize,
        says: &'static str,
    },
}

/// A generated corpus directory and what each of its files should do.
struct Generated {
    dir: PathBuf,
    files: Vec<(String, Expect)>,
}

impl Generated {
    fn new(root: &Path, name: &str) -> Generated {
        let dir = root.join(name);
        fs::create_dir_all(&dir).expect("create the corpus directory");
        let mut g = Generated {
            dir,
            files: Vec::new(),
        };
        g.add(
            "good.md",
            good_article().as_bytes(),
            Expect::Loads("good".into()),
        );
        g
    }

    fn add(&mut self, name: &str, bytes: &[u8], expect: Expect) {
        fs::write(self.dir.join(name), bytes).expect("write a generated file");
        self.files.push((name.to_string(), expect));
    }

    fn path_of(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    fn load(&self) -> Corpus {
        Corpus::load(&Source::Dir(self.dir.clone()))
    }

    /// Asserts that each file did what it should, and nothing else happened.
    fn check_loading(&self, corpus: &Corpus) {
        let mut loads = 0;
        for (name, expect) in &self.files {
            let path = self.path_of(name);
            match expect {
                Expect::Loads(id) => {
                    loads += 1;
                    let a = corpus
                        .article(id)
                        .unwrap_or_else(|| panic!("{name} should load: {:#?}", corpus.problems));
                    assert_eq!(a.path, path);
                    assert!(
                        corpus.problems.iter().all(|p| p.path != path),
                        "{name} loads cleanly: {:#?}",
                        corpus.problems
                    );
                }
                Expect::Refused { line, col, says } => {
                    let problem = corpus
                        .problems
                        .iter()
                        .find(|p| p.path == path)
                        .unwrap_or_else(|| panic!("{name} should be refused"));
                    let shown = problem.to_string();
                    assert_eq!(
                        (problem.line, problem.col),
                        (*line, *col),
                        "{name}: where: {shown}"
                    );
                    assert!(
                        shown.starts_with(&format!("{path}:{line}:{col}: ")),
                        "{shown}"
                    );
                    assert!(
                        shown.contains(says),
                        "{name}: {shown:?} should say {says:?}"
                    );
                    assert!(!shown.chars().any(is_forbidden), "{shown:?}");
                }
            }
        }
        let articles = self
            .files
            .iter()
            .filter(|(n, _)| n.ends_with(".md"))
            .count();
        let refused = self.files.len() - loads;
        assert_eq!(corpus.articles.len(), loads, "articles that loaded");
        assert_eq!(corpus.skipped, articles - loads, "articles skipped");
        assert_eq!(
            corpus.problems.len(),
            refused,
            "one problem per refused file, no others: {:#?}",
            corpus.problems
        );
    }
}

/// The hostile corpus: a file per payload, the long words, the refused files, and a
/// timeline with hostile strings.
fn hostile(root: &Path) -> Generated {
    let mut g = Generated::new(root, "hostile");
    fs::write(g.dir.join("rounds.toml"), HOSTILE_ROUNDS).expect("write rounds.toml");
    for (name, payload) in PAYLOADS {
        let text = payload_article(name, payload);
        // The body carries the payload raw; only the front matter escapes it for TOML.
        assert!(text.contains(&format!("# {payload} heading")), "{name}");
        g.add(
            &format!("{name}.md"),
            text.as_bytes(),
            Expect::Loads(name.to_string()),
        );
    }
    // A 100,000-character word, in Latin letters and in wide CJK.
    let latin: String = "abcdefghij".repeat(10_000);
    let cjk: String = "谈判".repeat(50_000);
    for (id, word) in [("long-word", latin), ("long-cjk-word", cjk)] {
        let body = format!("<!-- events: geneva -->\nThe {WORD} ran to {word} and on.\n\nAfter.");
        g.add(
            &format!("{id}.md"),
            plain_article(id, "2022-01-11", &body).as_bytes(),
            Expect::Loads(id.into()),
        );
    }
    // A letter with a thousand combining marks: one grapheme, one cell.
    let zalgo = format!("z{}", "\u{336}\u{301}".repeat(500));
    g.add(
        "zalgo.md",
        plain_article("zalgo", "2022-01-11", &format!("A {WORD}: {zalgo} end.")).as_bytes(),
        Expect::Loads("zalgo".into()),
    );
    // Invalid UTF-8 in the body: refused at the byte.
    let mut bad =
        plain_article("bad-utf8", "2022-01-11", "Fine first line.\nthen bad: ").into_bytes();
    bad.pop();
    bad.extend_from_slice(b"\xff\xfe bytes\n");
    g.add(
        "invalid-utf8.md",
        &bad,
        Expect::Refused {
            line: 13,
            col: 11,
            says: "invalid UTF-8 (byte 0xFF)",
        },
    );
    // Invalid UTF-8 in the front matter.
    let bad_front = b"+++\nid = \"bad-front\"\ntitle = \"caf\xc3\x28\"\n+++\n\nBody.\n";
    g.add(
        "invalid-utf8-front.md",
        bad_front,
        Expect::Refused {
            line: 3,
            col: 13,
            says: "invalid UTF-8 (byte 0xC3)",
        },
    );
    // Raw (unescaped) controls inside a TOML string: TOML refuses them.
    let raw = plain_article("raw", "2022-01-11", "Body.").replace(
        "title = \"The raw article\"",
        "title = \"raw \x1b]0;pwned\x07 \0 title\"",
    );
    g.add(
        "raw-controls-in-front-matter.md",
        raw.as_bytes(),
        Expect::Refused {
            line: 3,
            col: 14,
            says: "invalid basic string",
        },
    );
    // A bidi override in the id: not a slug.
    let bidi_id =
        plain_article("x", "2022-01-11", "Body.").replace("id = \"x\"", "id = \"\u{202e}x\"");
    g.add(
        "bidi-id.md",
        bidi_id.as_bytes(),
        Expect::Refused {
            line: 2,
            col: 1,
            says: "must be a slug",
        },
    );
    g
}

/// Deeply nested Markdown: 5,000-deep quotations, 1,000-deep lists, 10,000 nested
/// emphasis markers.
fn deep(root: &Path) -> Generated {
    let mut g = Generated::new(root, "deep");
    let quotes = format!("{}deep {WORD}\n\nAfter.", "> ".repeat(5_000));
    let lists: String = (0..1_000)
        .map(|i| format!("{}- level {i} {WORD}\n", "  ".repeat(i)))
        .collect();
    let stars = format!(
        "{}{WORD}{} and {}{WORD}{}",
        "*".repeat(10_000),
        "*".repeat(10_000),
        "*_".repeat(5_000),
        "_*".repeat(5_000)
    );
    let brackets = format!("{}{WORD}{}", "[".repeat(10_000), "]".repeat(10_000));
    for (id, body) in [
        ("deep-quotes", quotes),
        ("deep-lists", lists),
        ("deep-emphasis", stars),
        ("deep-brackets", brackets),
    ] {
        g.add(
            &format!("{id}.md"),
            plain_article(id, "2022-01-11", &body).as_bytes(),
            Expect::Loads(id.into()),
        );
    }
    g
}

/// A paragraph of ordinary prose, for the large articles.
fn prose(i: usize) -> String {
    format!(
        "Paragraph {i}. On the {i}th day the {WORD} went on in Geneva, with delegations \
         meeting for hours and saying little afterwards; analysts read the silence as \
         either patience or its end, and the markets, as ever, read it both ways.\n\n"
    )
}

/// An article of about `bytes` bytes of prose.
fn sized_article(id: &str, bytes: usize) -> String {
    let mut text = plain_article(id, "2022-01-14", "");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&prose(i));
        i += 1;
    }
    text.truncate(bytes);
    text
}

// ----- drawing and checking ----------------------------------------------------------

/// An open overlay's rectangle, from the geometry the drawing uses.
fn overlay_rect(app: &App) -> Option<Rect> {
    app.overlay()?;
    Some(readout::tui::geometry::overlay(app.area()))
}

/// Checks a drawn screen: no forbidden character in any cell; every row, read as a
/// terminal shows it (a wide character covers the cell after it), exactly the
/// terminal's width with nothing hidden under a wide character; and the borders of the
/// panes (or of the overlay) drawn with the right box-drawing characters.
fn check_screen(app: &App, what: &str) {
    let t = draw(app);
    let buf = t.backend().buffer();
    let (w, h) = (app.area().width, app.area().height);
    assert_eq!(buf.area, Rect::new(0, 0, w, h), "{what}");
    let fail = |msg: String| panic!("{what} at {w}x{h}: {msg}\n{}", rows(buf));
    if let Err(e) = check_rows(buf, w, h) {
        fail(e);
    }
    // Borders: the overlay's when one is open, else the browse panes'.
    let frames: Vec<Rect> = match overlay_rect(app) {
        Some(r) => vec![r],
        None if app.screen() == Screen::Browse => {
            let p = app.panes();
            p.list.into_iter().chain(p.reader).collect()
        }
        None => Vec::new(),
    };
    for r in frames {
        let (l, rt, top, bot) = (r.x, r.right() - 1, r.y, r.bottom() - 1);
        for (x, y, want) in [(l, top, "┌"), (rt, top, "┐"), (l, bot, "└"), (rt, bot, "┘")] {
            if buf[(x, y)].symbol() != want {
                fail(format!(
                    "corner ({x}, {y}) of {r:?} is {:?}, not {want}",
                    buf[(x, y)].symbol()
                ));
            }
        }
        for y in top + 1..bot {
            for x in [l, rt] {
                if buf[(x, y)].symbol() != "│" {
                    fail(format!(
                        "edge ({x}, {y}) of {r:?} is {:?}",
                        buf[(x, y)].symbol()
                    ));
                }
            }
        }
    }
}

/// An app over `corpus` at `w`×`h`, like `common::app_with` but reusing `alignment`:
/// aligning a corpus of 100,000-character words for every app would dominate the run.
fn app_at(corpus: &Corpus, alignment: &Alignment, w: u16, h: u16) -> App {
    App::new(
        corpus.clone(),
        alignment.clone(),
        ReadingState::default(),
        Theme {
            color: true,
            ascii: false,
            palette: Default::default(),
        },
        Rect::new(0, 0, w, h),
        "hostile".to_string(),
    )
}

/// Draws every screen of every article of `corpus` at both sizes, checking each: the
/// list, the reader at top, middle and bottom, search typing and its matches, zoom,
/// help and problems; and with a timeline, the comparison with every outlet brought
/// into view in turn, and the coverage overview.
fn check_every_screen(corpus: &Corpus) {
    let has_problems = !corpus.problems.is_empty();
    let alignment = app_with(corpus.clone(), 80, 24).alignment().clone();
    for (w, h) in SIZES {
        for i in 0..corpus.articles.len() {
            let id = corpus.articles[i].meta.id.clone();
            let mut app = app_at(corpus, &alignment, w, h);
            let at = |what: &str| format!("{id}: {what}");
            press(&mut app, &format!("g {}", "j ".repeat(i)));
            assert_eq!(app.browse().selected(), i);
            check_screen(&app, &at("browse list"));
            press(&mut app, "<Enter>");
            assert_eq!(app.browse().reader().map(|r| r.article()), Some(i));
            check_screen(&app, &at("reader top"));
            app.goto_passage(corpus.articles[i].passage_count() / 2);
            check_screen(&app, &at("reader middle"));
            press(&mut app, "G");
            check_screen(&app, &at("reader bottom"));
            // Zoom before searching: a new width with a search open searches the whole
            // article again, which for 3.9 MiB in a debug build costs seconds.
            press(&mut app, "z");
            check_screen(&app, &at("zoomed"));
            press(&mut app, "z");
            press(&mut app, &format!("g /{}", &WORD[..5]));
            check_screen(&app, &at("search typing"));
            press(&mut app, &format!("{} <Enter>", &WORD[5..]));
            assert!(
                !app.browse().search().matches().is_empty(),
                "{id}: {WORD} is found"
            );
            check_screen(&app, &at("search found"));
            press(&mut app, "n n N");
            check_screen(&app, &at("next match"));
            press(&mut app, "?");
            check_screen(&app, &at("help"));
            press(&mut app, "<Esc>");
            if has_problems {
                press(&mut app, "!");
                check_screen(&app, &at("problems"));
                press(&mut app, "G");
                check_screen(&app, &at("problems, end"));
                press(&mut app, "<Esc>");
            }
        }
        if corpus.timeline.is_some() {
            check_comparison(corpus, &alignment, w, h);
        }
    }
}

/// The comparison with each outlet in turn as its first column (building a grid is the
/// slow part, so one app walks them all), every event of it, and the coverage overview.
fn check_comparison(corpus: &Corpus, alignment: &Alignment, w: u16, h: u16) {
    let mut app = app_at(corpus, alignment, w, h);
    press(&mut app, "c");
    assert_eq!(app.screen(), Screen::Compare);
    let outlets = app.outlets().len();
    let all_shown = app.compare_columns() >= outlets;
    for k in 0..outlets {
        let at = |what: &str| format!("comparison from outlet {k}: {what}");
        let first = app.shown_outlets()[0];
        press(&mut app, "g");
        check_screen(&app, &at("first event"));
        press(&mut app, "] j j j <Tab>");
        check_screen(&app, &at("next event"));
        press(&mut app, "G");
        check_screen(&app, &at("end"));
        if all_shown {
            break;
        }
        press(&mut app, "l");
        assert_ne!(app.shown_outlets()[0], first, "l shows later outlets");
    }
    press(&mut app, "o");
    assert_eq!(app.screen(), Screen::Coverage);
    check_screen(&app, "coverage");
    press(&mut app, "j l l G");
    check_screen(&app, "coverage, moved");
    press(&mut app, "<Enter>");
    check_screen(&app, "comparison from coverage");
    press(&mut app, "?");
    check_screen(&app, "help over the comparison");
    press(&mut app, "<Esc> <Enter>");
    check_screen(&app, "reader from comparison");
}

// ----- plain output ------------------------------------------------------------------

/// Runs `readout --articles DIR ARGS…` and returns (exit code, stdout, stderr).
fn readout(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("readout")
        .expect("the readout binary")
        .arg("--articles")
        .arg(dir)
        .args(args)
        .env_remove("READOUT_ARTICLES")
        .env("READOUT_STATE_DIR", dir.join(".state"))
        .output()
        .expect("readout runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("output is UTF-8");
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

/// Asserts plain output carries nothing forbidden but line breaks.
fn assert_clean_output(args: &[&str], text: &str) {
    // In a pipe `list` separates its four fields with tabs, its own: exactly three a
    // line, so none came from the text.
    let untabbed;
    let text = if args == ["list"] {
        for line in text.lines() {
            assert_eq!(line.matches('\t').count(), 3, "{args:?}: {line:?}");
        }
        untabbed = text.replace('\t', " ");
        untabbed.as_str()
    } else {
        text
    };
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| c != '\n' && is_forbidden(c))
    {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        panic!("{args:?}: {c:?} at byte {i}: …{:?}", &text[from..i]);
    }
}

/// Every string in a JSON value, after JSON escapes are undone.
fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            json_strings(x, out)
        }),
        _ => {}
    }
}

/// `list`, `list --json`, `read` of every article, `check`, and with a timeline
/// `rounds`, `align --json` and `compare`: no forbidden character in any of them.
fn check_plain_output(g: &Generated, corpus: &Corpus) {
    let mut runs: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec!["list".into(), "--json".into()],
        vec!["check".into()],
    ];
    for a in &corpus.articles {
        runs.push(vec!["read".into(), a.meta.id.clone()]);
    }
    if corpus.timeline.is_some() {
        runs.push(vec!["rounds".into()]);
        runs.push(vec!["align".into(), "--json".into()]);
        runs.push(vec![
            "compare".into(),
            "geneva".into(),
            "--width".into(),
            "200".into(),
        ]);
        runs.push(vec![
            "compare".into(),
            "brussels".into(),
            "-f".into(),
            "markdown".into(),
        ]);
    }
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = readout(&g.dir, &args);
        assert_clean_output(&args, &out);
        assert_clean_output(&["stderr of", args[0]], &err);
        match args[0] {
            "check" => {
                // Exit 1 when anything was refused, and each refusal is listed.
                let refused = g
                    .files
                    .iter()
                    .any(|(_, e)| matches!(e, Expect::Refused { .. }));
                assert_eq!(code, i32::from(refused), "check: {out}");
                for p in &corpus.problems {
                    assert!(out.contains(&p.to_string()), "check lists {p}");
                }
            }
            _ => assert_eq!(code, 0, "{args:?}: {err}"),
        }
        if args == ["list", "--json"] {
            let v: serde_json::Value = serde_json::from_str(&out).expect("list --json is JSON");
            let mut strings = Vec::new();
            json_strings(&v, &mut strings);
            for s in strings {
                assert!(!s.chars().any(is_forbidden), "list --json: {s:?}");
            }
            assert_eq!(v.as_array().map(Vec::len), Some(corpus.articles.len()));
        }
        if args[0] == "read" {
            assert!(out.contains(WORD), "{args:?} shows the article");
        }
    }
}

// ----- the tests ---------------------------------------------------------------------

#[test]
fn every_hostile_file_loads_or_is_refused_at_its_line_and_column() {
    let root = TempDir::new().expect("a temporary directory");
    let g = hostile(root.path());
    let corpus = g.load();
    g.check_loading(&corpus);
    assert!(corpus.timeline.is_some(), "{:#?}", corpus.problems);
    // Everything from a file is clean once loaded: metadata, blocks, timeline.
    for a in &corpus.articles {
        let m = &a.meta;
        let meta = [&m.title, &m.outlet, &m.country, &m.author, &m.language];
        let extra = [&m.url, &m.note, &m.translated_from];
        for s in meta.into_iter().chain(extra.into_iter().flatten()) {
            assert!(!s.chars().any(is_forbidden), "{}: {s:?}", a.meta.id);
        }
        for b in &a.blocks {
            assert!(
                !b.text.chars().any(|c| c != '\n' && is_forbidden(c)),
                "{}: {:?}",
                a.meta.id,
                b.text
            );
        }
    }
    let t = corpus.timeline.as_ref().expect("a timeline");
    for e in &t.events {
        let strings = [&e.title, &e.label, &e.place]
            .into_iter()
            .chain(&e.participants);
        for s in strings {
            assert!(!s.chars().any(is_forbidden), "{}: {s:?}", e.id);
        }
    }
    // Printable text survives sanitising: only the hostile parts go.
    let body = |id: &str| -> String {
        let a = corpus.article(id).expect("loaded");
        a.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (id, kept) in [
        ("csi", "red cleared moved"),
        ("osc-8-st", "link shown"),
        ("bidi", "gnp.exe lre rle"),
        ("zero-width", "paypal zwnjzwj"),
        ("soft-hyphen", "newspaper hyphenated"),
        ("cjk", "中文新闻 日本語のテキスト"),
        ("rtl", "المفاوضات في جنيف"),
        ("combining", "Cafe\u{301}"),
    ] {
        assert!(
            body(id).contains(kept),
            "{id} keeps {kept:?}: {:?}",
            body(id)
        );
    }
}

#[test]
fn no_control_character_reaches_a_cell_and_borders_hold() {
    let started = Instant::now();
    let root = TempDir::new().expect("a temporary directory");
    let g = hostile(root.path());
    let corpus = g.load();
    check_every_screen(&corpus);
    eprintln!("hostile screens in {:.1?}", started.elapsed());
}

#[test]
fn plain_output_carries_no_control_character() {
    let root = TempDir::new().expect("a temporary directory");
    let g = hostile(root.path());
    let corpus = g.load();
    check_plain_output(&g, &corpus);
}

#[test]
fn deeply_nested_markdown_loads_renders_and_prints() {
    let started = Instant::now();
    let root = TempDir::new().expect("a temporary directory");
    let g = deep(root.path());
    let corpus = g.load();
    g.check_loading(&corpus);
    // The nesting really was parsed, not given up on as text.
    let blocks = |id: &str| &corpus.article(id).expect("loaded").blocks;
    let quote = &blocks("deep-quotes")[0];
    assert_eq!(
        (quote.kind, quote.text.as_str()),
        (BlockKind::Quote, "deep negotiation")
    );
    let depths: Vec<u8> = blocks("deep-lists")
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::ListItem { depth, .. } => Some(depth),
            _ => None,
        })
        .collect();
    assert_eq!(depths.len(), 1_000);
    assert_eq!(
        depths.iter().max(),
        Some(&u8::MAX),
        "depth saturates, never wraps"
    );
    assert!(
        blocks("deep-emphasis")[0]
            .text
            .starts_with("negotiation and")
    );
    check_every_screen(&corpus);
    check_plain_output(&g, &corpus);
    eprintln!("deep markdown in {:.1?}", started.elapsed());
}

#[test]
fn five_megabytes_is_refused_and_just_under_the_limit_loads() {
    let started = Instant::now();
    let root = TempDir::new().expect("a temporary directory");
    let mut g = Generated::new(root.path(), "large");
    let limit = MAX_ARTICLE_BYTES as usize;
    let under = sized_article("large", limit - limit / 40); // about 3.9 MiB
    assert!(under.len() < limit && under.len() > limit * 9 / 10);
    g.add("large.md", under.as_bytes(), Expect::Loads("large".into()));
    g.add(
        "huge.md",
        sized_article("huge", 5_000_000).as_bytes(),
        Expect::Refused {
            line: 1,
            col: 1,
            says: "file is 4.8 MiB, over the 4 MiB limit for an article",
        },
    );
    let corpus = g.load();
    g.check_loading(&corpus);
    eprintln!("large corpus loaded in {:.1?}", started.elapsed());
    check_every_screen(&corpus);
    eprintln!("large corpus drawn in {:.1?}", started.elapsed());
    check_plain_output(&g, &corpus);
    eprintln!("large corpus printed in {:.1?}", started.elapsed());
}

/// A `rounds.toml` with one broken cue list, beside a good article.
fn rounds_with_cues(cues: &str) -> String {
    format!(
        "# a broken cue\n\
         \n\
         [[event]]\n\
         id = \"geneva\"\n\
         title = \"Geneva talks\"\n\
         label = \"Geneva\"\n\
         date = 2022-01-10\n\
         place = \"Geneva\"\n\
         kind = \"talks\"\n\
         \n\
         [event.cues]\n\
         names = [\"Sherman\"]\n\
         {cues}\n"
    )
}

#[test]
fn broken_cues_refuse_the_timeline_but_not_the_articles() {
    let root = TempDir::new().expect("a temporary directory");
    // (name, cue line, line and column of the problem, what it says)
    let cases: &[(&str, &str, usize, usize, &str)] = &[
        (
            "empty",
            "places = [\"\"]",
            11,
            1,
            "an empty or one-letter cue in `places`",
        ),
        (
            "one-letter",
            "phrases = [\"G\"]",
            11,
            1,
            "an empty or one-letter cue in `phrases`",
        ),
        ("wrong-type", "formats = \"Geneva\"", 13, 11, "invalid type"),
        (
            "unknown-key",
            "colours = [\"red\"]",
            13,
            1,
            "unknown field `colours`",
        ),
    ];
    for (name, cues, line, col, says) in cases {
        let mut g = Generated::new(root.path(), name);
        g.add(
            "rounds.toml",
            rounds_with_cues(cues).as_bytes(),
            Expect::Refused {
                line: *line,
                col: *col,
                says,
            },
        );
        let corpus = g.load();
        g.check_loading(&corpus);
        assert!(corpus.timeline.is_none(), "{name}: the timeline is refused");
        assert_eq!(corpus.problems.len(), 1, "{name}: {:#?}", corpus.problems);
        // The reader still opens, and says why there is nothing to compare.
        let mut app = app_with(corpus, 80, 24);
        press(&mut app, "c");
        assert_eq!(app.screen(), Screen::Browse);
        check_screen(&app, name);
        press(&mut app, "!");
        check_screen(&app, name);
        let (code, out, _) = readout(&g.dir, &["check"]);
        assert_eq!(code, 1);
        assert!(
            out.contains(&format!("{}:{line}:{col}: ", g.path_of("rounds.toml"))),
            "{out}"
        );
    }
}

// ----- bugs found here, kept as tests until fixed ------------------------------------

/// Checks the problems overlay of `app` for forbidden characters, returning the first.
fn forbidden_in_problems_overlay(app: &mut App) -> Option<String> {
    press(app, "!");
    assert!(app.overlay().is_some(), "the problems overlay opens");
    let t = draw(app);
    let buf = t.backend().buffer();
    buf.content()
        .iter()
        .map(|c| c.symbol())
        .find(|s| s.chars().any(is_forbidden))
        .map(String::from)
}

#[test]
fn a_hostile_file_name_never_reaches_the_screen_or_plain_output() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let root = TempDir::new().expect("a temporary directory");
    let g = Generated::new(root.path(), "names");
    // Not an article, so it is refused and its name shown: a title-setting OSC, a BEL
    // and a right-to-left override in the name.
    let evil = "evil\x1b]0;pwned\x07\u{202e}dm.md";
    fs::write(g.dir.join(evil), "no front matter\n").expect("write");
    // A name that is not UTF-8 at all, holding a good article.
    let latin1 = OsStr::from_bytes(b"caf\xe9.md");
    let body = plain_article("latin1", "2022-01-11", "A good body.");
    fs::write(g.dir.join(latin1), body).expect("write");

    let corpus = g.load();
    assert_eq!(
        corpus.articles.len(),
        2,
        "good.md and the Latin-1 name load"
    );
    assert_eq!(corpus.skipped, 1);
    let problem = corpus.problems.first().expect("the evil file is refused");
    assert_eq!((problem.line, problem.col), (1, 1));
    assert!(problem.to_string().contains("evil"));
    // Where the name is cleaned is the fix's choice; what matters is what is shown.
    let mut app = app_with(corpus, 100, 30);
    assert_eq!(forbidden_in_problems_overlay(&mut app), None);
    let (code, out, err) = readout(&g.dir, &["check"]);
    assert_eq!(code, 1);
    assert_clean_output(&["check"], &out);
    assert_clean_output(&["check"], &err);
}

#[test]
fn a_title_of_only_invisible_characters_is_refused_as_empty() {
    let root = TempDir::new().expect("a temporary directory");
    let mut g = Generated::new(root.path(), "invisible");
    let text = plain_article("invisible", "2022-01-11", "Body.")
        .replace("\"The invisible article\"", "\"\\u200B\\u00AD\\u001B[0m\"");
    g.add(
        "invisible.md",
        text.as_bytes(),
        Expect::Refused {
            line: 3,
            col: 1,
            says: "`title` is empty",
        },
    );
    let corpus = g.load();
    if let Some(a) = corpus.article("invisible") {
        panic!("loaded with the title {:?}", a.meta.title);
    }
    g.check_loading(&corpus);
}

#[test]
fn a_cue_that_sanitises_to_one_letter_or_nothing_is_refused() {
    let root = TempDir::new().expect("a temporary directory");
    for (name, cues) in [
        ("zero-width-one-letter", "places = [\"\\u200BG\"]"),
        ("escape-only", "phrases = [\"\\u001B[0m\"]"),
    ] {
        let g = Generated::new(root.path(), name);
        fs::write(g.dir.join("rounds.toml"), rounds_with_cues(cues)).expect("write");
        let corpus = g.load();
        if let Some(t) = &corpus.timeline {
            panic!("{name}: loaded with cues {:?}", t.events[0].cues);
        }
        let p = corpus.problems.first().expect("a problem");
        assert!(p.message.contains("one-letter cue"), "{name}: {p}");
    }
}

// ----- a bug, reproduced on a terminal emulator ---------------------------------------

/// A `Write` that keeps what was written where the test can read it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_overlay_keeps_its_left_border_over_a_wide_character() {
    // At 80x24 the help overlay's left border is column 2, and the list's byline starts
    // at column 1: an outlet whose name starts with a wide character puts its right
    // half under the border.
    let root = TempDir::new().expect("a temporary directory");
    let dir = root.path().join("wide");
    fs::create_dir_all(&dir).expect("mkdir");
    let article = plain_article("wide", "2022-01-10", "Body.").replace("Outlet wide", "中文报");
    fs::write(dir.join("wide.md"), article).expect("write");
    let mut app = app_with(Corpus::load(&Source::Dir(dir)), 80, 24);
    press(&mut app, "?");
    let mut buf = Buffer::empty(app.area());
    (&app).render(app.area(), &mut buf);

    // Send the frame to a real terminal emulator the way ratatui does (a diff from an
    // empty screen), and look at the overlay's left border there.
    let out = Shared::default();
    let mut backend = CrosstermBackend::new(out.clone());
    let empty = Buffer::empty(app.area());
    backend.draw(empty.diff(&buf).into_iter()).expect("draws");
    Backend::flush(&mut backend).expect("flushes");
    let mut vt = vt100::Parser::new(24, 80, 0);
    vt.process(&out.0.borrow());
    let screen = vt.screen();
    let r = overlay_rect(&app).expect("an overlay");
    for y in r.y..r.bottom() {
        let cell = screen.cell(y, r.x).expect("a cell");
        let want = match y {
            y if y == r.y => "┌",
            y if y == r.bottom() - 1 => "└",
            _ => "│",
        };
        assert_eq!(
            cell.contents(),
            want,
            "row {y}: the overlay's left border is covered by {:?}",
            screen.cell(y, r.x - 1).map(|c| c.contents().to_string())
        );
    }
}
