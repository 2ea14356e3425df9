//! `readout list`: one line per article — aligned columns on a terminal, tab-separated
//! fields in a pipe — or a JSON array of front matter.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::Corpus;
use crate::text::wrap::width;

/// Lists the corpus. On a terminal (`terminal`), columns are aligned and titles cut to
/// `columns` so every article stays on one line.
pub fn run(
    out: &mut impl Write,
    corpus: &Corpus,
    json: bool,
    terminal: bool,
    columns: Option<usize>,
) -> Result<ExitCode> {
    if json {
        let metas: Vec<_> = corpus.articles.iter().map(|a| &a.meta).collect();
        serde_json::to_writer_pretty(&mut *out, &metas)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = rows(corpus);
    if terminal {
        write_columns(out, &rows, columns)?;
    } else {
        // For cut, awk and spreadsheets: one field per tab, nothing padded.
        for row in &rows {
            writeln!(out, "{}", row.join("\t"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Date (`~` when approximate), outlet, id, title: one row per article.
fn rows(corpus: &Corpus) -> Vec<[String; 4]> {
    corpus
        .articles
        .iter()
        .map(|a| {
            let m = &a.meta;
            let approx = if m.approximate { "~" } else { "" };
            [
                format!("{}{approx}", m.published),
                m.outlet.clone(),
                m.id.clone(),
                m.title.clone(),
            ]
        })
        .collect()
}

/// Every column but the last padded to its widest cell (in display columns, so an
/// outlet with diacritics or wide characters lines up), two spaces between; the last
/// cut with "…" to fit `columns`, if given.
fn write_columns(
    out: &mut impl Write,
    rows: &[[String; 4]],
    columns: Option<usize>,
) -> std::io::Result<()> {
    let mut widths = [0; 4];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    // The title starts here; the columns before it are never cut (the id is what a
    // user needs), and a title with too little room left is not cut either.
    let title_at: usize = widths[..3].iter().map(|w| w + 2).sum();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < row.len() {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - width(cell) + 2));
            } else {
                match columns.map(|c| c.saturating_sub(title_at)) {
                    Some(room) if room >= MIN_TITLE && width(cell) > room => {
                        line.push_str(&cut(cell, room));
                    }
                    _ => line.push_str(cell),
                }
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The fewest columns of a title worth cutting it to.
const MIN_TITLE: usize = 12;

/// `s` cut to `max` columns, the cut marked with "…".
fn cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let rows = [
            [
                "2022-01-14~".into(),
                "Latvijas Avīze".into(),
                "lv".into(),
                "T1".into(),
            ],
            [
                "2022-01-13".into(),
                "中文报".into(),
                "cn-daily".into(),
                "T2".into(),
            ],
        ];
        let mut out = Vec::new();
        write_columns(&mut out, &rows, None).expect("write");
        let text = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "2022-01-14~  Latvijas Avīze  lv        T1");
        assert_eq!(lines[1], "2022-01-13   中文报          cn-daily  T2");
        // Titles start at the same column.
        let col = |l: &str| width(&l[..l.find('T').expect("title")]);
        assert_eq!(col(lines[0]), col(lines[1]));
    }

    #[test]
    fn titles_are_cut_to_the_terminal() {
        let rows = [[
            "2022-01-14".into(),
            "Latvijas Avīze".into(),
            "lv".into(),
            "Arnis Latishenko: The talks were unsuccessful".into(),
        ]];
        let mut out = Vec::new();
        write_columns(&mut out, &rows, Some(50)).expect("write");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text, "2022-01-14  Latvijas Avīze  lv  Arnis Latishenko:…\n");
        assert_eq!(width(text.trim_end()), 50);
        // Too narrow to leave a title worth reading: nothing is cut, the id least.
        let mut out = Vec::new();
        write_columns(&mut out, &rows, Some(40)).expect("write");
        assert!(
            String::from_utf8(out)
                .expect("UTF-8")
                .ends_with("unsuccessful\n")
        );
    }
}
