//! Importing saved pages and texts: what is extracted from each fixture page (passage by
//! passage, front matter, the notes where it guessed), and `readout import` / `new` as
//! a user runs them: flags, missing fields, duplicates, never overwriting, and every
//! written file passing `readout check`.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use jiff::civil::date;
use readout::import::html::from_html;
use readout::import::{Draft, Piece};

fn page(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn draft(name: &str) -> Draft {
    let bytes = fs::read(page(name)).expect("fixture exists");
    from_html(&bytes).expect("the page has an article")
}

fn p(t: &str) -> Piece {
    Piece::Paragraph(t.to_string())
}

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary builds");
    c.env_remove("READOUT_ARTICLES").env(
        "READOUT_STATE_DIR",
        std::env::temp_dir().join("readout-import-tests"),
    );
    c
}

// ----- what is extracted -----

#[test]
fn a_wire_report_keeps_its_dateline_and_drops_nav_share_and_related() {
    let d = draft("wire-dateline.html");
    assert_eq!(
        d.body,
        vec![
            p(
                "GENEVA, Jan 10 (Northwire) - U.S. and Russian negotiators ended nearly eight hours of talks in Geneva on Monday without a breakthrough, with Moscow repeating its demand that NATO halt its eastward expansion and Washington calling those proposals \"non-starters\"."
            ),
            p(
                "Deputy Secretary of State Wendy Sherman told reporters the United States had been \"firm in pushing back\" on proposals that were simply not possible, but said the two sides had found room to discuss arms control and military exercises."
            ),
            p(
                "Deputy Foreign Minister Sergei Ryabkov, who led the Russian delegation, said the talks had been difficult, long, very professional and specific, and that Moscow saw no reason to assume the situation was hopeless."
            ),
            p(
                "The talks opened a week of diplomacy that continues with a meeting of the NATO-Russia Council in Brussels on Wednesday and a session of the Organization for Security and Co-operation in Europe in Vienna on Thursday."
            ),
            p("(Reporting by Maria Lindqvist; Editing by Tom Hale)"),
        ]
    );
    let f = &d.fields;
    assert_eq!(
        f.title.as_deref(),
        Some("U.S., Russia end Geneva talks with no breakthrough")
    );
    assert_eq!(f.outlet.as_deref(), Some("Northwire"));
    assert_eq!(f.author.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(f.published, Some(date(2022, 1, 10)));
    assert_eq!(f.language.as_deref(), Some("en-GB"));
    // The canonical link wins over anything else.
    assert_eq!(
        f.url.as_deref(),
        Some("https://www.northwire.example/world/us-russia-geneva-talks-2022-01-10/")
    );
    assert!(d.unsure.is_empty(), "{:?}", d.unsure);
}

#[test]
fn json_ld_gives_the_front_matter_and_the_cookie_banner_and_comments_go() {
    let d = draft("jsonld-cookie.html");
    assert_eq!(
        d.body,
        vec![
            p("The first meeting of the NATO-Russia Council since 2019 ended on Wednesday after four hours in which, in the words of one diplomat, the two sides mostly read their positions to each other."),
            Piece::Caption("Jens Stoltenberg speaks to the press at NATO headquarters, January 12, 2022.".into()),
            p("Secretary General Jens Stoltenberg told a press conference that there were significant differences between allies and Russia which would not be easy to bridge, but that allies were ready to meet again."),
            Piece::Heading("Red lines on both sides".into()),
            p("Russia's delegation, led by Deputy Foreign Minister Alexander Grushko, again demanded written guarantees that Ukraine and Georgia would never join the alliance, a demand allies have rejected repeatedly."),
            Piece::Quote("No one is going to slam the door of NATO's open-door policy, and no one can veto Ukraine joining.".into()),
            p("Baltic officials said afterwards that the meeting had confirmed their view that Moscow wanted a sphere of influence rather than a security dialogue, and called for more allied troops in the region."),
        ]
    );
    let f = &d.fields;
    assert_eq!(
        f.title.as_deref(),
        Some("Brussels meeting exposes gulf between NATO and Moscow")
    );
    assert_eq!(f.outlet.as_deref(), Some("The Baltic Courier"));
    assert_eq!(f.author.as_deref(), Some("Ieva Kalniņa"));
    assert_eq!(f.published, Some(date(2022, 1, 12)));
    assert_eq!(f.language.as_deref(), Some("en"));
    assert_eq!(
        f.url.as_deref(),
        Some("https://balticcourier.example/news/2022/01/12/brussels-nato-russia-council")
    );
    assert!(d.unsure.is_empty(), "{:?}", d.unsure);
}

#[test]
fn a_transcript_keeps_its_speakers_and_list() {
    let d = draft("transcript.html");
    assert_eq!(
        d.body,
        vec![
            p("Vienna, 13 January 2022"),
            p(
                "AMBASSADOR: Good afternoon. Today the Permanent Council held its first meeting under the Polish chairmanship, and we used it to discuss the security situation in Europe, including the renewed dialogue proposed by the chair."
            ),
            p(
                "QUESTION: Did the Russian side say anything new compared with Geneva and Brussels this week?"
            ),
            p(
                "AMBASSADOR: Frankly, no. We heard the same demands, and we gave the same answers: the principles of the Helsinki Final Act are not up for negotiation, and every state is free to choose its own alliances."
            ),
            p("QUESTION: What happens next?"),
            p(
                "AMBASSADOR: The chair will consult the participating States. We expect written answers to be exchanged in the coming weeks, and we are ready to continue, provided there is de-escalation on the ground."
            ),
            Piece::Item("Next Permanent Council: 20 January 2022".into()),
            Piece::Item(
                "Transcript released by the press office, not checked against delivery".into()
            ),
        ]
    );
    assert_eq!(d.fields.published, Some(date(2022, 1, 13)));
    assert_eq!(d.fields.author.as_deref(), Some("Mission Press Office"));
}

#[test]
fn a_body_split_by_ads_is_joined_without_them() {
    let d = draft("split-by-ads.html");
    assert_eq!(
        d.body,
        vec![
            p(
                "Three rounds of talks in three cities have left Russia and the West further apart than when they began, analysts said on Friday, with both sides now waiting for written answers that few expect to settle anything."
            ),
            p(
                "\"The result was predictable, given that the West was never going to accept Moscow's main demands,\" said one former diplomat, who asked not to be named because he still advises the government."
            ),
            p(
                "Others argued that the mere fact of a dialogue mattered, and pointed to arms control and the transparency of military exercises as areas where the sides might still find agreement in the months ahead."
            ),
            p(
                "Officials in Kyiv, meanwhile, repeated that nothing about Ukraine could be decided without Ukraine, and welcomed assurances from Washington that it would not negotiate over the heads of its partners."
            ),
        ]
    );
    // "By Daniel Okafor" in <meta name=author> is the name alone.
    assert_eq!(d.fields.author.as_deref(), Some("Daniel Okafor"));
    assert_eq!(d.fields.published, Some(date(2022, 1, 14)));
    assert_eq!(
        d.fields.url.as_deref(),
        Some("https://capitalledger.example/analysis/week-of-talks-deadlock")
    );
}

#[test]
fn a_legacy_windows_1251_page_is_decoded_by_its_charset() {
    let d = draft("legacy-1251.html");
    assert_eq!(
        d.body,
        vec![
            p(
                "Российско-американские консультации по гарантиям безопасности в Женеве продолжались почти восемь часов и, по словам участников, прошли в деловой и профессиональной атмосфере."
            ),
            p(
                "Заместитель министра иностранных дел Сергей Рябков заявил журналистам, что российская сторона не видит оснований для оптимизма, однако считает продолжение диалога возможным."
            ),
            p(
                "Следующий раунд переговоров состоится в Брюсселе в среду, где пройдёт заседание Совета Россия – НАТО, а в четверг обсуждение продолжится в Вене."
            ),
        ]
    );
    assert_eq!(
        d.fields.title.as_deref(),
        Some("Переговоры в Женеве завершились без прорыва")
    );
    assert_eq!(d.fields.outlet.as_deref(), Some("Невский вестник"));
    assert_eq!(d.fields.author.as_deref(), Some("Анна Смирнова"));
    assert_eq!(d.fields.language.as_deref(), Some("ru"));
}

#[test]
fn a_page_with_no_metadata_gives_its_text_and_says_where_the_title_came_from() {
    let d = draft("bare.html");
    assert_eq!(d.body.len(), 3);
    assert!(d.body[0].text().starts_with("The January round of talks"));
    assert!(d.body[2].text().ends_with("on which they can meet."));
    assert_eq!(
        d.fields.title.as_deref(),
        Some("Notes on the January talks")
    );
    assert_eq!(d.unsure, ["title taken from <title>"]);
    let f = &d.fields;
    assert_eq!(
        (&f.outlet, &f.author, &f.published, &f.url),
        (&None, &None, &None, &None)
    );
}

// ----- the command -----

const ALL: [&str; 6] = [
    "wire-dateline.html",
    "jsonld-cookie.html",
    "transcript.html",
    "split-by-ads.html",
    "legacy-1251.html",
    "bare.html",
];

#[test]
fn every_page_imports_and_the_result_passes_check_and_reimport_skips_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = readout()
        .arg("import")
        .args(ALL.map(page))
        .args(["--into"])
        .arg(dir.path())
        .args(["--country", "Testland", "--kind", "news"])
        .args([
            "--outlet",
            "Test Outlet",
            "--author",
            "Staff",
            "--published",
            "2022-01-15",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wrote = stdout.lines().filter(|l| l.starts_with("wrote ")).count();
    assert_eq!(wrote, 6, "{stdout}");
    assert!(
        stdout.contains("unsure: title taken from <title>"),
        "{stdout}"
    );
    assert!(
        stdout.contains("6 written, 0 duplicate(s) skipped, 0 failed"),
        "{stdout}"
    );
    // Flags win over the page: every article is by the outlet given.
    let files: Vec<_> = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 6);
    for f in &files {
        let text = fs::read_to_string(f.path()).expect("utf-8");
        assert!(text.contains("outlet = \"Test Outlet\""), "{text}");
    }
    readout().arg("check").arg(dir.path()).assert().success();

    let again = readout()
        .arg("import")
        .args(ALL.map(page))
        .arg("--into")
        .arg(dir.path())
        .args(["--country", "Testland", "--kind", "news"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success(), "{stdout}");
    assert!(
        stdout.contains("0 written, 6 duplicate(s) skipped"),
        "{stdout}"
    );
    assert!(stdout.contains("same URL as"), "{stdout}");
    assert!(stdout.contains("same text as"), "{stdout}");
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 6);
}

#[test]
fn a_missing_field_without_a_terminal_names_the_field_and_its_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = readout()
        .arg("import")
        .arg(page("wire-dateline.html"))
        .arg("--into")
        .arg(dir.path())
        .args(["--kind", "news"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "wire-dateline.html: the source does not give its country of the outlet: pass --country"
        ),
        "{err}"
    );
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let taken = dir.path().join("mine.md");
    fs::write(&taken, "not an article").expect("write");
    let out = readout()
        .arg("import")
        .arg(page("wire-dateline.html"))
        .arg("--into")
        .arg(dir.path())
        .args(["--id", "mine", "--country", "Sweden", "--kind", "news"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.md exists; it is left as it is"), "{err}");
    assert_eq!(fs::read_to_string(&taken).expect("read"), "not an article");
    // No temporary file is left behind either.
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn a_pasted_text_from_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = readout()
        .args(["import", "-", "--into"])
        .arg(dir.path())
        .args(["--outlet", "Radio Example", "--country", "Latvia", "--kind", "news"])
        .args(["--published", "2022-01-13"])
        .write_stdin("OSCE talks open in Vienna\n\nBy Jan Ozols\n\nVIENNA — The Permanent Council met on Thursday.\n\nIt was the third meeting of the week.\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir
        .path()
        .join("radio-example-osce-talks-open-in-vienna.md");
    let text = fs::read_to_string(&path).expect("written");
    assert!(text.contains("author = \"Jan Ozols\""), "{text}");
    assert!(text.ends_with("\nVIENNA — The Permanent Council met on Thursday.\n\nIt was the third meeting of the week.\n"), "{text}");
    assert!(
        stdout.contains("unsure: title taken from the first line"),
        "{stdout}"
    );
    assert!(
        stdout.contains("unsure: the page declares no language"),
        "{stdout}"
    );
}

#[test]
fn new_writes_a_template_that_fails_check_until_filled_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    readout()
        .args(["new", "--into"])
        .arg(dir.path())
        .assert()
        .success();
    readout()
        .args(["new", "--into"])
        .arg(dir.path())
        .assert()
        .success();
    let first = dir.path().join("new-article.md");
    assert!(dir.path().join("new-article-2.md").exists());
    fs::remove_file(dir.path().join("new-article-2.md")).expect("remove");
    let check = readout()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(!check.status.success());
    assert!(
        String::from_utf8_lossy(&check.stdout)
            .contains("new-article.md:3:1: id \"\" must be a slug")
    );
    // The template names every kind an article can be, the interview too.
    let template = fs::read_to_string(&first).expect("read");
    assert!(
        template.contains(
            "# one of: news, analysis, opinion, commentary, transcript, statement, interview"
        ),
        "{template}"
    );
    let filled = fs::read_to_string(&first)
        .expect("read")
        .replacen("id = \"\"", "id = \"typed\"", 1)
        .replacen("title = \"\"", "title = \"Typed by hand\"", 1)
        .replacen("outlet = \"\"", "outlet = \"Notebook\"", 1)
        .replacen("country = \"\"", "country = \"Latvia\"", 1)
        .replacen("author = \"\"", "author = \"Me\"", 1);
    fs::write(&first, filled).expect("write");
    readout().arg("check").arg(dir.path()).assert().success();
}

#[test]
fn a_bad_id_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = readout()
        .arg("import")
        .arg(page("wire-dateline.html"))
        .arg("--into")
        .arg(dir.path())
        .args(["--id", "Bad Id"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--id \"Bad Id\" must be a slug"), "{err}");
}
