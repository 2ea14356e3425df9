//! `readout read ID`: an article as wrapped plain text with its byline, or as Markdown
//! with its source's URL.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::output::md;
use crate::cli::ReadFormat;
use crate::corpus::{Article, BlockKind, Corpus};
use crate::text::wrap::{Glyphs, Layout, LineKind, byline, details, width as text_width};

/// How to print the article.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Columns to wrap at, margin included.
    pub width: usize,
    /// Number the passages in the margin.
    pub numbers: bool,
    /// ASCII marks.
    pub ascii: bool,
    /// Text or Markdown.
    pub format: ReadFormat,
}

pub fn run(out: &mut impl Write, corpus: &Corpus, id: &str, options: Options) -> Result<ExitCode> {
    let article = super::find_article(corpus, id)?;
    match options.format {
        ReadFormat::Text => text(out, article, options)?,
        ReadFormat::Markdown => markdown(out, article, options.numbers)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// For each block, its passage number from 1 (`None` for headings).
fn passage_numbers(article: &Article) -> Vec<Option<usize>> {
    let mut n = 0;
    article
        .blocks
        .iter()
        .map(|b| {
            b.is_passage().then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

fn text(out: &mut impl Write, article: &Article, options: Options) -> Result<()> {
    let glyphs = if options.ascii {
        Glyphs::ASCII
    } else {
        Glyphs::UNICODE
    };
    let numbers = passage_numbers(article);
    // "¶12 " before a passage's first line, as wide as the largest number needs.
    let margin = if options.numbers {
        format!("¶{}", article.passage_count()).chars().count() + 1
    } else {
        0
    };
    let layout = Layout::plain(article, options.width.saturating_sub(margin).max(1), glyphs);
    let mut underline: Option<(char, usize)> = None;
    for (i, line) in layout.lines.iter().enumerate() {
        // Underline the headline with `=` and section headings with `-`, as plain text
        // can, so both stand apart from the paragraphs.
        let rule = match line.kind {
            LineKind::Title => Some('='),
            LineKind::Heading => Some('-'),
            _ => None,
        };
        if let Some((c, w)) = underline
            && rule != Some(c)
        {
            rule_line(out, c, w, margin)?;
            underline = None;
        }
        if let Some(c) = rule {
            let w = text_width(&line.text);
            underline = Some((c, underline.map_or(w, |(_, u)| u.max(w))));
        }
        let first_of_block = line
            .block
            .is_some_and(|b| layout.line_of_block(b) == i && line.kind != LineKind::Blank);
        let mark = match (
            line.block.and_then(|b| numbers.get(b).copied().flatten()),
            first_of_block,
        ) {
            (Some(n), true) if options.numbers => format!("¶{n}"),
            _ => String::new(),
        };
        // The body sits right of the numbers; headline and byline start at the edge.
        let indent = if line.block.is_some() { margin } else { 0 };
        let text = format!("{}{}", line.prefix, line.text);
        if text.is_empty() {
            writeln!(out)?;
        } else if mark.is_empty() {
            writeln!(out, "{:indent$}{text}", "")?;
        } else {
            writeln!(out, "{mark:<margin$}{text}")?;
        }
    }
    if let Some((c, w)) = underline {
        rule_line(out, c, w, margin)?;
    }
    Ok(())
}

/// The rule under a headline (`=`, at the edge) or a heading (`-`, beside the numbers).
fn rule_line(out: &mut impl Write, c: char, width: usize, margin: usize) -> std::io::Result<()> {
    let indent = if c == '=' { 0 } else { margin };
    writeln!(out, "{:indent$}{}", "", c.to_string().repeat(width))
}

/// The article as Markdown: headline, byline, the source's URL, then the body, each
/// passage optionally led by its number.
fn markdown(out: &mut impl Write, article: &Article, numbers: bool) -> Result<()> {
    let m = &article.meta;
    writeln!(out, "# {}\n", md(&m.title))?;
    writeln!(
        out,
        "_{} · {}_\n",
        md(&byline(article)),
        md(&details(article))
    )?;
    if let Some(url) = &m.url {
        writeln!(out, "Source: <{url}>\n")?;
    }
    if let Some(note) = &m.note {
        writeln!(out, "_Note: {}_\n", md(note))?;
    }
    let mut n = 0;
    for block in &article.blocks {
        let num = if block.is_passage() {
            n += 1;
            if numbers {
                format!("**¶{n}** ")
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        let text = md(&block.text);
        match block.kind {
            BlockKind::Heading { .. } => writeln!(out, "## {text}\n")?,
            BlockKind::Paragraph => writeln!(out, "{num}{text}\n")?,
            BlockKind::Caption => writeln!(out, "{num}_{text}_\n")?,
            BlockKind::Quote => writeln!(out, "> {num}{}\n", text.replace('\n', "\n> "))?,
            BlockKind::ListItem { depth, number } => {
                let indent = "  ".repeat(usize::from(depth).min(8));
                let bullet = number.map_or("-".to_string(), |k| format!("{k}."));
                writeln!(out, "{indent}{bullet} {num}{text}\n")?;
            }
            BlockKind::Preformatted => {
                writeln!(out, "```\n{}\n```\n", block.text.replace("```", "` ` `"))?
            }
        }
    }
    Ok(())
}
