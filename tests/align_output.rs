//! `readout align` prints one line per passage excerpt and per event's cues, even when a
//! block keeps its line breaks (an HTML block does) and a cue quotes across one. Found
//! by the `align` fuzz target.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn every_line_of_the_listing_stands_alone() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/line-breaks");
    let out = Command::cargo_bin("readout")
        .expect("binary builds")
        .args(["align", "--auto", "--articles"])
        .arg(&dir)
        .env("READOUT_STATE_DIR", std::env::temp_dir())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The article's header, then only indented lines: ¶ lines, excerpts and cues.
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("press  (The Moscow Times)"));
    for line in lines {
        assert!(
            line.starts_with("  "),
            "a line broke loose: {line:?}\n{text}"
        );
    }
    assert!(
        text.contains("frame: \"At a Moscow press conference \\\"here\\\" then on\""),
        "{text}"
    );
}
