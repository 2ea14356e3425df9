//! The configuration file as a user meets it: laid over the defaults, printed by
//! `readout config`, and never fatal — every kind of bad file is named with its line and
//! column, and readout runs on the defaults.

use std::path::Path;

use assert_cmd::Command;

/// `readout` with no configuration of the developer's own in the way.
fn readout(home: &Path) -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary builds");
    c.env_remove("READOUT_ARTICLES")
        .env_remove("READOUT_CONFIG")
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home);
    c
}

/// Runs `readout config --config FILE` on `text`: (stdout, stderr), after checking it
/// succeeded.
fn config_of(text: &[u8]) -> (String, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let file = home.path().join("c.toml");
    std::fs::write(&file, text).expect("write");
    let out = readout(home.path())
        .arg("config")
        .arg("--config")
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success(), "a bad config never stops readout");
    let err = String::from_utf8_lossy(&out.stderr).replace(&file.display().to_string(), "FILE");
    (String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

fn defaults() -> String {
    let home = tempfile::tempdir().expect("tempdir");
    let out = readout(home.path()).arg("config").output().expect("runs");
    assert!(out.status.success() && out.stderr.is_empty());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The file is rejected with `message` first, and the defaults are in effect.
fn rejected(text: &str, message: &str) {
    let (out, err) = config_of(text.as_bytes());
    let first = err.lines().next().unwrap_or("");
    assert_eq!(first, format!("readout: FILE:{message}"), "{text}\n{err}");
    assert!(
        err.ends_with("readout: running on the default configuration\n"),
        "{err}"
    );
    assert_eq!(out, defaults(), "the defaults are in effect");
}

#[test]
fn with_no_file_the_embedded_defaults_are_printed_commented() {
    let out = defaults();
    assert!(out.starts_with("# readout's configuration"), "{out}");
    for line in ["name = \"default\"", "measure = 76", "margin_labels = true"] {
        assert!(out.lines().any(|l| l == line), "{line}");
    }
}

#[test]
fn a_file_is_laid_over_the_defaults_key_by_key_and_prints_back_as_valid() {
    let (out, err) = config_of(
        b"[reading]\nmeasure = 60\n\n[theme]\nname = \"light\"\n\n[theme.colors]\nheading = 208\nkey = \"#00ff80\"\n\n[keys.reader]\ntop = [\"g g\", \"home\"]\n\n[compare]\noutlets = [\"CGTN\"]\n",
    );
    assert!(err.is_empty(), "{err}");
    for line in [
        "measure = 60",
        "margin_labels = true",
        "name = \"light\"",
        "heading = 208",
        "key = \"#00ff80\"",
        "top = [\"g g\", \"home\"]",
        "outlets = [\"CGTN\"]",
    ] {
        assert!(out.lines().any(|l| l == line), "{line}\n{out}");
    }
    // What `readout config` prints is itself a configuration that means the same.
    let (again, err) = config_of(out.as_bytes());
    assert!(err.is_empty(), "{err}");
    assert_eq!(again, out);
}

#[test]
fn xdg_config_home_then_readout_config_then_the_flag() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("readout");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), "[reading]\nmeasure = 40\n").expect("write");
    let env_file = home.path().join("env.toml");
    std::fs::write(&env_file, "[reading]\nmeasure = 50\n").expect("write");
    let flag_file = home.path().join("flag.toml");
    std::fs::write(&flag_file, "[reading]\nmeasure = 60\n").expect("write");
    let measure = |c: &mut Command| {
        let out = c.arg("config").output().expect("runs");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("measure = "))
            .map(str::to_string)
    };
    assert_eq!(
        measure(&mut readout(home.path())).as_deref(),
        Some("measure = 40")
    );
    assert_eq!(
        measure(readout(home.path()).env("READOUT_CONFIG", "")).as_deref(),
        Some("measure = 40"),
        "an empty READOUT_CONFIG means unset"
    );
    assert_eq!(
        measure(readout(home.path()).env("READOUT_CONFIG", &env_file)).as_deref(),
        Some("measure = 50")
    );
    assert_eq!(
        measure(
            readout(home.path())
                .env("READOUT_CONFIG", &env_file)
                .arg("--config")
                .arg(&flag_file)
        )
        .as_deref(),
        Some("measure = 60")
    );
}

#[test]
fn invalid_toml() {
    rejected(
        "[reading\nmeasure = 60\n",
        "1:9: unclosed table, expected `]`",
    );
}

#[test]
fn an_unknown_table_or_key() {
    rejected(
        "[colours]\nheading = \"red\"\n",
        "1:2: unknown field `colours`, expected one of `theme`, `reading`, `compare`, `keys`",
    );
    rejected(
        "[reading]\nmesure = 60\n",
        "2:1: unknown field `mesure`, expected one of `measure`, `margin_labels`, `list_width`",
    );
}

#[test]
fn a_value_of_the_wrong_type() {
    rejected(
        "[reading]\nmeasure = \"wide\"\n",
        "2:11: invalid type: string \"wide\", expected i64",
    );
    rejected(
        "[reading]\nmargin_labels = 1\n",
        "2:17: invalid type: integer `1`, expected a boolean",
    );
    rejected(
        "[compare]\noutlets = \"CGTN\"\n",
        "2:11: invalid type: string \"CGTN\", expected a sequence",
    );
}

#[test]
fn a_number_out_of_range() {
    rejected(
        "[reading]\nmeasure = 5\n",
        "2:11: measure 5 is out of range: 30 to 200 columns",
    );
    rejected(
        "[reading]\nlist_width = 500\n",
        "2:14: list_width 500 is out of range: 20 to 120 columns, or 0 to follow the window",
    );
}

#[test]
fn an_unknown_theme() {
    rejected(
        "[theme]\nname = \"solarized\"\n",
        "2:8: unknown theme \"solarized\"; the themes are default, light and dark",
    );
}

#[test]
fn bad_colours() {
    rejected(
        "[theme.colors]\nheading = \"purple\"\n",
        "2:11: unknown colour \"purple\"; use a name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white, reset), 0-255 or #rrggbb",
    );
    rejected(
        "[theme.colors]\nquote = 300\n",
        "2:9: colour index 300 is out of range: 0 to 255",
    );
    rejected(
        "[theme.colors]\nkey = \"#12345\"\n",
        "2:7: \"#12345\" is not a colour: write #rrggbb, six hex digits",
    );
    rejected(
        "[theme.colors]\nheading = true\n",
        "2:11: a colour is a name, an index 0-255 or \"#rrggbb\", not a boolean",
    );
    rejected(
        "[theme.colors]\nborders = \"red\"\n",
        "2:1: unknown part \"borders\"; the parts are border, focused-border, heading, quote, dim, key, warning, event, match",
    );
}

#[test]
fn bad_keys() {
    rejected(
        "[keys.reeder]\nquit = \"q\"\n",
        "1:7: unknown screen \"reeder\"; the screens are global, list, reader, compare, coverage",
    );
    rejected(
        "[keys.reader]\nquitt = \"q\"\n",
        "2:1: unknown action \"quitt\"; the actions are quit, focus_next, focus_prev, left, right, open, back, down, up, page_down, page_up, half_page_down, half_page_up, top, bottom, search, next_match, prev_match, help, zoom, problems, toggle_read, next_unread, mark_all_read, filter, clear_filter, sort, compare, prev_event, next_event, coverage, copy, copy_url, why",
    );
    rejected(
        "[keys.reader]\nzoom = \"hyper-z\"\n",
        "2:8: unknown key \"hyper-z\"; a key is one character or one of enter, return, esc, escape, tab, backtab, space, backspace, delete, del, insert, up, down, left, right, pgup, pageup, pgdn, pagedown, home, end, f1-f12, with ctrl-, alt- or shift- before it",
    );
    rejected(
        "[keys.reader]\nhelp = 3\n",
        "2:8: keys are a string (\"j\", \"ctrl-d\", \"g g\") or a list of strings",
    );
}

#[test]
fn conflicting_keys_name_both_places() {
    rejected(
        "[keys.reader]\ntop = [\"g g\", \"x\"]\nbottom = \"x\"\n",
        "3:10: key conflict on screen reader: \"x\" is already bound to top (line 2, column 7)",
    );
    rejected(
        "[keys.compare]\ntop = \"g g\"\nzoom = \"g\"\n",
        "3:8: key conflict on screen compare: \"g\" overlaps a sequence bound to top (line 2, column 7)",
    );
    // The same key on two screens is no conflict.
    let (_, err) = config_of(b"[keys.reader]\ntop = \"x\"\n[keys.compare]\nbottom = \"x\"\n");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn every_problem_is_listed_in_file_order() {
    let (_, err) = config_of(b"[reading]\nmeasure = 5\n[theme]\nname = \"x\"\n");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("readout: FILE:2:11: measure 5"));
    assert!(lines[1].starts_with("readout: FILE:4:8: unknown theme"));
}

#[test]
fn invalid_utf8() {
    let (out, err) = config_of(b"[theme]\nname = \"d\xff\"\n");
    assert!(
        err.starts_with("readout: FILE:2:10: not valid UTF-8\n"),
        "{err}"
    );
    assert_eq!(out, defaults());
}

#[test]
fn a_missing_file_a_directory_and_an_oversized_file() {
    let home = tempfile::tempdir().expect("tempdir");
    for (path, message) in [
        (
            home.path().join("nope.toml"),
            "cannot read it: No such file or directory",
        ),
        (
            home.path().to_path_buf(),
            "is a directory, not a configuration file",
        ),
    ] {
        let out = readout(home.path())
            .arg("config")
            .arg("--config")
            .arg(&path)
            .output()
            .expect("runs");
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!("readout: {}:1:1: {message}", path.display())),
            "{err}"
        );
        // The same from the environment.
        let out = readout(home.path())
            .env("READOUT_CONFIG", &path)
            .arg("config")
            .output()
            .expect("runs");
        assert!(String::from_utf8_lossy(&out.stderr).contains(message));
    }
    let (_, err) = config_of(&vec![b'#'; 2 * 1024 * 1024]);
    assert!(
        err.starts_with("readout: FILE:1:1: is 2097152 bytes"),
        "{err}"
    );
}

#[test]
fn a_bad_config_does_not_stop_the_plain_commands() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("readout");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), "this is not toml").expect("write");
    let out = readout(home.path()).arg("list").output().expect("runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
}

#[test]
fn the_readme_example_is_a_valid_configuration() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme
        .find("```toml\n[theme]")
        .expect("the example configuration")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    let (out, err) = config_of(&readme.as_bytes()[start..end]);
    assert!(err.is_empty(), "{err}");
    assert!(out.lines().any(|l| l == "name = \"dark\""), "{out}");
}
