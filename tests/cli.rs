//! The plain commands, run as a user runs them: output, exit codes, messages.

use std::path::PathBuf;

use assert_cmd::Command;

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary builds");
    c.env_remove("READOUT_ARTICLES").env(
        "READOUT_STATE_DIR",
        std::env::temp_dir().join("readout-cli-tests"),
    );
    c
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn list_prints_one_line_per_article_sorted_by_date() {
    let out = stdout(readout().arg("list"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[0].starts_with("2021-12-31   CGTN  cgtn-progress-or-war  United States and Russia"),
        "{}",
        lines[0]
    );
    assert!(
        out.contains("2022-01-14~  Latvijas Avīze  latvijas-avize-talks-unsuccessful"),
        "approximate date marked"
    );
    assert!(!out.contains('\x1b'));
}

#[test]
fn list_json_has_the_front_matter_keys() {
    let out = stdout(readout().args(["list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 5);
    let lv = arr
        .iter()
        .find(|a| a["id"] == "latvijas-avize-talks-unsuccessful")
        .expect("present");
    assert_eq!(lv["outlet"], "Latvijas Avīze");
    assert_eq!(lv["published"], "2022-01-14");
    assert_eq!(lv["approximate"], true);
    assert_eq!(lv["translated_from"], "lv");
    assert_eq!(lv["kind"], "analysis");
    for key in [
        "id",
        "title",
        "outlet",
        "country",
        "author",
        "published",
        "kind",
        "language",
    ] {
        assert!(arr.iter().all(|a| a.get(key).is_some()), "{key}");
    }
}

#[test]
fn read_wraps_at_the_width_with_byline() {
    let out = stdout(readout().args(["read", "moscow-times", "--width", "40"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "A Week of Russia-West Diplomacy Ends in");
    assert!(lines[2].starts_with("====="));
    assert!(out.contains("The Moscow Times (Russia) · Felix Light"));
    assert!(out.contains("2022-01-14 · analysis · en"));
    assert!(out.contains("“Military-technical solution”"));
    for l in &lines {
        assert!(unicode_width::UnicodeWidthStr::width(*l) <= 40, "{l:?}");
    }
}

#[test]
fn read_unknown_or_ambiguous_id_is_a_clear_error() {
    let out = readout().args(["read", "nope"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no article with id \"nope\"") && err.contains("readout list"),
        "{err}"
    );
    // A unique prefix is enough.
    let out = readout().args(["read", "k"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Diplomacy week ends"));
    let bad = readout()
        .args(["read", "cgtn", "--width", "5"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2), "clap rejects a useless width");
}

#[test]
fn check_passes_on_the_bundled_corpus_and_fails_with_messages_on_bad_files() {
    let ok = readout().arg("check").output().expect("runs");
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("5 articles"));

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("compare/kyiv.md"), dir.path().join("kyiv.md")).expect("copy");
    std::fs::write(
        dir.path().join("bad.md"),
        "+++\nid = \"x\"\nsurprise = 1\n+++\nText.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("rounds.toml"), "[[event]]\nid = \"A\"\n").expect("write");
    let out = readout()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text =
        String::from_utf8_lossy(&out.stdout).replace(&dir.path().display().to_string(), "DIR");
    assert!(
        text.contains("DIR/bad.md:3:1: unknown key `surprise`"),
        "{text}"
    );
    assert!(text.contains("DIR/rounds.toml:1:1:"), "{text}");
    assert!(text.contains("1 articles loaded, 1 skipped"), "{text}");
}

#[test]
fn articles_flag_and_env_read_another_directory() {
    let out = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .arg("list"),
    );
    assert_eq!(out.lines().count(), 3);
    let out = stdout(
        readout()
            .env("READOUT_ARTICLES", fixture("compare"))
            .arg("list"),
    );
    assert!(out.contains("riga"));
}

#[test]
fn problems_are_announced_on_stderr_by_other_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("compare/kyiv.md"), dir.path().join("kyiv.md")).expect("copy");
    std::fs::write(dir.path().join("bad.md"), "nothing").expect("write");
    let out = readout()
        .arg("--articles")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 file skipped"));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn rounds_prints_the_timeline_with_coverage() {
    let out = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .arg("rounds"),
    );
    assert!(out.contains("[1] Beijing Daily"));
    let brussels = out.lines().find(|l| l.contains(" brussels ")).expect("row");
    let cells: Vec<&str> = brussels.split_whitespace().skip(2).collect();
    assert_eq!(cells, vec![".", "1", "5"]);
}

#[test]
fn compare_in_every_format() {
    let text = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["compare", "brussels", "--width", "80"]),
    );
    assert!(text.starts_with("2022-01-12 · NATO–Russia Council\n"));
    assert!(text.contains("Kyiv Weekly") && text.contains("Riga Daily"));
    assert!(text.contains("Not covered by: Beijing Daily."));
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l:?}");
    }
    let md = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["compare", "bruss", "--format", "markdown"]),
    );
    assert!(md.starts_with("## 2022-01-12 · NATO–Russia Council"));
    assert!(md.contains("### Riga Daily") && md.contains("> **¶6** Grushko said"));
    let json = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["compare", "brussels", "-f", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 6);
    assert!(arr.iter().all(|p| {
        p["events"]
            .as_array()
            .is_some_and(|e| e.iter().any(|x| x == "brussels"))
    }));
    let missing = readout()
        .arg("--articles")
        .arg(fixture("compare"))
        .args(["compare", "paris"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no event \"paris\""));
}

#[test]
fn align_lists_passages_with_events_and_markers_win_unless_auto() {
    let json = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["align", "--json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let arr = v.as_array().expect("array");
    let riga_last = arr
        .iter()
        .find(|p| p["article"] == "riga" && p["passage"] == 6)
        .expect("¶7");
    assert_eq!(riga_last["events"].as_array().map(Vec::len), Some(0));
    assert_eq!(riga_last["by_hand"], true);
    for key in ["article", "passage", "kind", "text", "events", "why"] {
        assert!(arr.iter().all(|p| p.get(key).is_some()), "{key}");
    }
    let first = arr
        .iter()
        .find(|p| p["article"] == "riga" && p["passage"] == 0)
        .expect("¶1");
    assert_eq!(first["events"][0], "geneva");
    assert!(first["why"]["geneva"].is_array());
    let auto = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["align", "--auto", "--json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&auto).expect("JSON");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .all(|p| p["by_hand"] == false)
    );
    let text = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .arg("align"),
    );
    assert!(text.contains("riga  (Riga Daily)") && text.contains("¶1   geneva (by hand)"));
}

#[test]
fn the_reader_refuses_without_a_terminal() {
    let out = readout().output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
    assert!(
        out.stdout.is_empty(),
        "no escape sequences when not a terminal"
    );
}

#[test]
fn align_uncertain_lists_the_least_sure_passages_first_with_their_confidence() {
    let json = stdout(readout().args(["align", "--auto", "--uncertain", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let arr = v.as_array().expect("array");
    assert!(!arr.is_empty(), "the bundled corpus has passages to check");
    let certainty: Vec<u64> = arr
        .iter()
        .map(|p| p["certainty"].as_u64().expect("certainty"))
        .collect();
    assert!(certainty.iter().all(|&c| c < 75), "{certainty:?}");
    assert!(certainty.windows(2).all(|w| w[0] <= w[1]), "{certainty:?}");
    for p in arr {
        let events = p["events"].as_array().expect("events");
        let confidence = p["confidence"].as_object().expect("confidence");
        assert_eq!(events.len(), confidence.len(), "{p}");
    }
    // Everything is listed without the flag, with a confidence for each event.
    let all = stdout(readout().args(["align", "--auto", "--json"]));
    let all: serde_json::Value = serde_json::from_str(&all).expect("JSON");
    assert!(all.as_array().expect("array").len() > arr.len());
    let text = stdout(readout().args(["align", "--auto", "--uncertain"]));
    let first = text.lines().next().expect("a line");
    assert!(
        first.starts_with(&format!("{}% ", certainty[0])),
        "text lists the least sure first: {first}"
    );
}
