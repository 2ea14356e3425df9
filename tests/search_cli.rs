//! `readout search` as a user runs it: `id ¶n: text` lines, smart case, JSON, and the
//! exit code when nothing matches.

use assert_cmd::Command;

fn search(args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("readout")
        .expect("binary builds")
        .env_remove("READOUT_ARTICLES")
        .arg("search")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

#[test]
fn matches_print_as_id_paragraph_text_one_per_line() {
    let (code, out) = search(&["stoltenberg"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    for l in &lines {
        let (head, text) = l.split_once(": ").expect("id ¶n: text");
        let (_, place) = head.split_once(' ').expect("id and place");
        assert!(place.starts_with('¶'), "{l}");
        assert!(text.to_lowercase().contains("stoltenberg"), "{l}");
    }
    assert!(
        out.contains("latvijas-avize-talks-unsuccessful ¶3: Two days later, on January 12,"),
        "{out}"
    );
}

#[test]
fn smart_case_titles_outlets_and_authors() {
    // Lower case finds every case; a capital only that case.
    let (_, any) = search(&["nato"]);
    let (_, exact) = search(&["NATO"]);
    let (_, lower_only) = search(&["Nato"]);
    assert!(any.lines().count() >= exact.lines().count());
    assert!(!exact.is_empty());
    assert!(lower_only.lines().count() < any.lines().count());
    let (_, outlet) = search(&["moscow times"]);
    assert!(
        outlet.contains("moscow-times-week-in-deadlock outlet: The Moscow Times"),
        "{outlet}"
    );
    let (_, author) = search(&["mikovic"]);
    assert!(
        author.contains("cgtn-progress-or-war author: Nikola Mikovic"),
        "{author}"
    );
}

#[test]
fn json_and_nothing_found() {
    let (code, out) = search(&["--json", "patience"]);
    assert_eq!(code, 0);
    let hits: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let hits = hits.as_array().expect("an array");
    assert!(!hits.is_empty());
    for h in hits {
        let text = h["text"].as_str().expect("text");
        let [s, e] =
            [&h["matches"][0][0], &h["matches"][0][1]].map(|v| v.as_u64().expect("n") as usize);
        assert_eq!(text[s..e].to_lowercase(), "patience");
        assert!(h["article"].is_string());
    }
    let (code, out) = search(&["no such words anywhere"]);
    assert_eq!((code, out.as_str()), (1, ""));
}
