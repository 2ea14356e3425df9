//! `readout read ID`: an article as wrapped plain text with its byline.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::Corpus;
use crate::text::wrap::{Glyphs, Layout, LineKind};

pub fn run(out: &mut impl Write, corpus: &Corpus, id: &str, width: usize) -> Result<ExitCode> {
    let article = super::find_article(corpus, id)?;
    let layout = Layout::new(article, width, Glyphs::UNICODE);
    let mut title_width = 0;
    for line in &layout.lines {
        if line.kind != LineKind::Title && title_width > 0 {
            // Underline the headline, as plain text can.
            writeln!(out, "{}", "=".repeat(title_width))?;
            title_width = 0;
        }
        writeln!(out, "{}{}", line.prefix, line.text)?;
        if line.kind == LineKind::Title {
            title_width = title_width.max(crate::text::wrap::width(&line.text));
        }
    }
    Ok(ExitCode::SUCCESS)
}
