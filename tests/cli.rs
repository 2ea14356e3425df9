//! The plain commands, run as a user runs them: output, exit codes, messages.

use std::path::PathBuf;

use assert_cmd::Command;

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary builds");
    c.env_remove("READOUT_ARTICLES")
        .env_remove("READOUT_CONFIG")
        .env(
            "READOUT_STATE_DIR",
            std::env::temp_dir().join("readout-cli-tests"),
        )
        // No configuration of the developer's own.
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("readout-cli-tests-no-config"),
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
fn list_prints_one_tab_separated_line_per_article_in_a_pipe() {
    let out = stdout(readout().arg("list"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[0],
        "2021-12-31\tCGTN\tcgtn-progress-or-war\tUnited States and Russia: Progress in Talks or Preparations for War?"
    );
    assert!(
        out.contains("2022-01-14~\tLatvijas Avīze\tlatvijas-avize-talks-unsuccessful\t"),
        "approximate date marked"
    );
    // Four fields on every line, whatever the title holds.
    assert!(lines.iter().all(|l| l.split('\t').count() == 4), "{out}");
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
    let arr = v["passages"].as_array().expect("array");
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
#[cfg(feature = "tui")]
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

/// Every command that reads a corpus, with the arguments it needs.
const CORPUS_COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--json"],
    &["read", "riga"],
    &["check"],
    &["align"],
    &["rounds"],
    &["compare", "brussels"],
];

fn assert_one_line_error(out: &std::process::Output, what: &str, args: &[&str]) {
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.starts_with("readout: ") && err.contains(what),
        "{args:?}: {err}"
    );
}

#[test]
fn every_command_refuses_a_corpus_directory_that_is_not_one() {
    let empty = tempfile::tempdir().expect("tempdir");
    let only_timeline = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        fixture("compare/rounds.toml"),
        only_timeline.path().join("rounds.toml"),
    )
    .expect("copy");
    let cases = [
        (PathBuf::from("/nonexistent/readout"), "no such directory"),
        (fixture("compare/kyiv.md"), "is a file, not a directory"),
        (empty.path().to_path_buf(), "no article (*.md file)"),
        (only_timeline.path().to_path_buf(), "no article (*.md file)"),
    ];
    for (dir, what) in &cases {
        for args in CORPUS_COMMANDS {
            let out = readout()
                .arg("--articles")
                .arg(dir)
                .args(*args)
                .output()
                .expect("runs");
            assert_one_line_error(&out, what, args);
            assert!(String::from_utf8_lossy(&out.stderr).contains("--articles "));
            // The same from the environment, which the message names instead.
            let out = readout()
                .env("READOUT_ARTICLES", dir)
                .args(*args)
                .output()
                .expect("runs");
            assert_one_line_error(&out, what, args);
            assert!(String::from_utf8_lossy(&out.stderr).contains("READOUT_ARTICLES="));
        }
    }
}

#[test]
fn an_empty_readout_articles_means_unset() {
    let out = stdout(readout().env("READOUT_ARTICLES", "").arg("list"));
    assert_eq!(out.lines().count(), 5, "the bundled articles");
}

#[test]
fn check_file_checks_one_article_with_its_directorys_timeline() {
    let out = stdout(readout().arg("check").arg(fixture("compare/riga.md")));
    assert!(
        out.ends_with(": 1 articles, 3 events, no problems\n"),
        "{out}"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        fixture("compare/rounds.toml"),
        dir.path().join("rounds.toml"),
    )
    .expect("copy");
    let bad = dir.path().join("bad.md");
    let good = std::fs::read_to_string(fixture("compare/kyiv.md")).expect("read");
    // A marker naming an event the directory's timeline does not have.
    std::fs::write(&bad, good.replace("events: brussels", "events: paris")).expect("write");
    let out = readout().arg("check").arg(&bad).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("bad.md:15:") && text.contains("paris"),
        "{text}"
    );

    let out = readout()
        .args(["check", "/nonexistent/a.md"])
        .output()
        .expect("runs");
    assert_one_line_error(&out, "no such file or directory", &["check"]);
}

#[test]
fn json_passages_carry_the_paragraph_number_people_see() {
    let json = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(["align", "--json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let arr = v.as_array().expect("array");
    assert!(!arr.is_empty());
    for p in arr {
        assert_eq!(
            p["number"],
            p["passage"].as_u64().expect("index") + 1,
            "{p}"
        );
    }
    // The passage `compare --format markdown` prints as ¶6.
    let grushko = arr
        .iter()
        .find(|p| {
            p["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Grushko said"))
        })
        .expect("present");
    assert_eq!(grushko["number"], 6);
}

#[test]
fn read_numbers_passages_in_the_margin_when_asked() {
    let args = ["read", "riga", "--width", "50"];
    let plain = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(args),
    );
    assert!(!plain.contains('¶'));
    let numbered = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("compare"))
            .args(args)
            .arg("--numbers"),
    );
    assert!(numbered.contains("\n¶6 Grushko said"), "{numbered}");
    assert!(numbered.contains("\n¶1 On January 10"), "{numbered}");
    for l in numbered.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 50, "{l:?}");
    }
}

#[test]
fn ascii_means_ascii_in_every_plain_output() {
    let commands: &[&[&str]] = &[
        &["list"],
        &["read", "latvijas", "--numbers"],
        &["read", "moscow"],
        &["align"],
        &["rounds"],
        &["compare", "geneva-2022-01-10", "--width", "80"],
        &["check"],
    ];
    for args in commands {
        for how in ["flag", "locale"] {
            let mut c = readout();
            if how == "flag" {
                c.arg("--ascii");
            } else {
                c.env("LC_ALL", "C");
            }
            let out = stdout(c.args(*args));
            assert!(out.len() > 40, "{args:?}");
            if let Some(bad) = out.chars().find(|c| !c.is_ascii()) {
                panic!("{args:?} ({how}) prints {bad:?}:\n{out}");
            }
            if args[0] == "compare" {
                assert!(out.lines().all(|l| l.len() <= 80), "{out}");
            }
        }
    }
    // Every column in ASCII holds what it holds in UTF-8 (an outlet named with a
    // diacritic once lost its passages).
    let args = ["compare", "geneva-2022-01-10", "--width", "200"];
    let utf8 = stdout(readout().args(args));
    let ascii = stdout(readout().arg("--ascii").args(args));
    assert_eq!(utf8.lines().count(), ascii.lines().count());
    assert_eq!(
        utf8.matches("not covered").count(),
        ascii.matches("not covered").count(),
        "{ascii}"
    );
    let out = stdout(readout().args(["--ascii", "read", "latvijas"]));
    assert!(out.contains("Latvijas Avize (Latvia)"), "{out}");
    assert!(out.contains("~2022-01-14 - analysis"), "{out}");
}

#[test]
fn compare_fits_columns_when_no_width_is_given() {
    for columns in ["80", "100"] {
        let out = stdout(
            readout()
                .env("COLUMNS", columns)
                .args(["compare", "geneva-2022-01-10"]),
        );
        let widest = out
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        let columns: usize = columns.parse().expect("number");
        assert!(widest <= columns && widest > columns - 10, "{widest}");
    }
    // In a pipe with nothing said, the documented default.
    let out = stdout(
        readout()
            .env_remove("COLUMNS")
            .args(["compare", "geneva-2022-01-10"]),
    );
    let widest = out.lines().map(unicode_width::UnicodeWidthStr::width).max();
    assert!(widest.is_some_and(|w| w > 100 && w <= 120), "{widest:?}");
}

#[test]
fn read_keeps_addresses_whole_and_sets_headings_apart() {
    let out = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("export"))
            .args(["read", "kyiv", "--width", "40"]),
    );
    assert!(
        out.lines().any(|l| l
            == "https://www.example.org/nato/official-texts/2022/01/12/nato-russia-council-meeting-statement-in-full.html"),
        "{out}"
    );
    assert!(
        out.contains("https://example.org/kyiv-weekly/diplomacy-week\n"),
        "{out}"
    );
    assert!(out.contains("\n\nSources\n-------\n\n"), "{out}");
}

#[test]
fn markdown_exports_carry_each_sources_url() {
    let md = stdout(readout().arg("--articles").arg(fixture("export")).args([
        "read",
        "riga",
        "--format",
        "markdown",
        "--numbers",
    ]));
    assert!(md.starts_with("# Talks were unsuccessful\n"), "{md}");
    assert!(
        md.contains("Source: <https://example.org/riga-daily/2022/01/14/talks-were-unsuccessful>"),
        "{md}"
    );
    assert!(md.contains("**¶6** Grushko said"), "{md}");
    let md = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("export"))
            .args(["compare", "brussels", "--format", "markdown"]),
    );
    assert!(
        md.contains("*[Talks were unsuccessful](<https://example.org/riga-daily/2022/01/14/talks-were-unsuccessful>)* (2022-01-14, A. Analyst)"),
        "{md}"
    );
    assert!(
        md.contains("(<https://example.org/kyiv-weekly/diplomacy-week>)"),
        "{md}"
    );
}

#[test]
fn compare_json_carries_the_event_and_who_does_not_cover_it() {
    let json = stdout(
        readout()
            .arg("--articles")
            .arg(fixture("export"))
            .args(["compare", "brussels", "--format", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["event"]["id"], "brussels");
    assert_eq!(v["event"]["title"], "NATO–Russia Council");
    assert_eq!(v["event"]["start"], "2022-01-12");
    assert!(v["event"]["participants"].is_array());
    assert!(v["event"]["place"].is_string() && v["event"]["kind"].is_string());
    assert_eq!(v["not_covered_by"], serde_json::json!(["Beijing Daily"]));
    assert_eq!(
        v["covered_by"],
        serde_json::json!(["Kyiv Weekly", "Riga Daily"])
    );
    let riga = v["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == "riga"))
        .expect("riga");
    assert_eq!(
        riga["url"],
        "https://example.org/riga-daily/2022/01/14/talks-were-unsuccessful"
    );
    // Six set by hand, and Kyiv Weekly's link to the communiqué, which the aligner
    // reads as going on about the council its ¶2 reports.
    assert_eq!(v["passages"].as_array().map(Vec::len), Some(7));
}

#[test]
#[cfg(not(feature = "tui"))]
fn without_the_tui_feature_the_reader_says_so_and_plain_commands_work() {
    let out = readout().output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("built without the interactive reader"));
    assert_eq!(stdout(readout().arg("list")).lines().count(), 5);
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = stdout(readout().args(["completions", shell]));
        assert!(out.len() > 500, "{shell}");
        for word in ["compare", "articles"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
        // The Elvish and PowerShell generators do not complete values.
        assert!(
            matches!(shell, "elvish" | "powershell") || out.contains("markdown"),
            "{shell}"
        );
    }
    let man = stdout(readout().arg("man"));
    assert!(man.contains(".TH readout 1"), "{man}");
    for word in ["compare", "completions", "\\-\\-articles", "\\-\\-config"] {
        assert!(man.contains(word), "{word}");
    }
    let bad = readout()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn version_names_the_commit_when_built_from_git() {
    let out = stdout(readout().arg("--version"));
    assert!(
        out.starts_with(concat!("readout ", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
    let git = std::process::Command::new("git")
        .args(["log", "-1", "--format=%h"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match git {
        Ok(g) if g.status.success() => {
            let hash = String::from_utf8_lossy(&g.stdout).trim().to_string();
            assert!(
                out.contains(&format!("(commit {hash}, ")),
                "{out} vs {hash}"
            );
        }
        // Built without git: the version alone, no empty parentheses.
        _ => assert!(!out.contains('('), "{out}"),
    }
}

#[test]
fn read_and_compare_follow_the_configured_measure_and_outlets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("c.toml");
    std::fs::write(
        &config,
        "[reading]\nmeasure = 50\n[compare]\noutlets = [\"Riga Daily\"]\n",
    )
    .expect("write");
    let read = stdout(
        readout()
            .arg("--config")
            .arg(&config)
            .args(["read", "moscow"]),
    );
    let widest = read
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max();
    assert!(widest.is_some_and(|w| w <= 50 && w > 40), "{widest:?}");
    // --width still wins.
    let read = stdout(
        readout()
            .arg("--config")
            .arg(&config)
            .args(["read", "moscow", "--width", "70"]),
    );
    assert!(
        read.lines()
            .any(|l| unicode_width::UnicodeWidthStr::width(l) > 60)
    );

    let compare = |c: &mut Command| {
        stdout(
            c.arg("--articles")
                .arg(fixture("compare"))
                .args(["compare", "brussels", "--width", "80"]),
        )
    };
    let plain = compare(&mut readout());
    assert!(
        plain
            .lines()
            .nth(3)
            .is_some_and(|l| l.starts_with("Kyiv Weekly")),
        "{plain}"
    );
    let preferred = compare(readout().arg("--config").arg(&config));
    assert!(
        preferred
            .lines()
            .nth(3)
            .is_some_and(|l| l.starts_with("Riga Daily")),
        "{preferred}"
    );
}
