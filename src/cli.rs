//! Command-line arguments: with no command, the interactive reader; with one, plain
//! output for pipes, scripts and reports.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Read and compare how news outlets report the same diplomatic negotiation.
#[derive(Debug, Parser)]
#[command(name = "readout", version, about, long_about = None)]
pub struct Cli {
    /// Read the corpus in DIR instead of the bundled articles.
    #[arg(long, global = true, value_name = "DIR", env = "READOUT_ARTICLES")]
    pub articles: Option<PathBuf>,

    /// Draw borders and marks in ASCII (automatic when the locale is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Capture the mouse: the wheel scrolls the pane under the pointer, but the
    /// terminal's own text selection needs Shift. Without it, the wheel still scrolls
    /// in terminals that turn it into arrow keys.
    #[arg(long)]
    pub mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The plain commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per article: date, outlet, id, title.
    List {
        /// An array of objects with the front matter keys.
        #[arg(long)]
        json: bool,
    },
    /// An article as wrapped plain text with its byline.
    Read {
        /// The article's id (a unique prefix will do).
        id: String,
        /// Wrap at N columns.
        #[arg(long, short, default_value_t = 76, value_name = "N",
              value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
    },
    /// Every problem in a corpus, as path:line:col: message; exits 1 if there is any.
    Check {
        /// The directory to check (default: --articles, or the bundled articles).
        dir: Option<PathBuf>,
    },
    /// Every passage with the events it was aligned to.
    Align {
        /// Ignore curators' markers: the aligner alone.
        #[arg(long)]
        auto: bool,
        /// One JSON array of passage objects.
        #[arg(long)]
        json: bool,
    },
    /// The timeline with the coverage matrix: passages per event and outlet.
    Rounds {
        /// Print a draft rounds.toml drafted from the dates the articles name.
        #[arg(long)]
        suggest: bool,
        /// With --suggest: the corpus to draft from (default: --articles, or the bundled).
        #[arg(requires = "suggest")]
        dir: Option<PathBuf>,
    },
    /// Every title, outlet, byline and passage that matches, as `id ¶n: text`
    /// (smart case: a capital in QUERY makes it exact). Exits 1 when nothing matches.
    Search {
        /// The words to find.
        query: String,
        /// One JSON array of matches.
        #[arg(long)]
        json: bool,
    },
    /// Saved web pages (.html) and plain texts (.txt, or - for standard input) to article
    /// files: body and front matter taken from the page, the rest from the flags (or
    /// asked for at a terminal). Never overwrites; duplicates are reported and skipped.
    Import {
        /// The pages and texts.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to write (default: --articles, or the current directory).
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// The article's id (with one FILE only; default: from outlet and title).
        #[arg(long)]
        id: Option<String>,
        /// The headline, when the page's is wrong.
        #[arg(long)]
        title: Option<String>,
        /// The publication.
        #[arg(long)]
        outlet: Option<String>,
        /// The outlet's country.
        #[arg(long)]
        country: Option<String>,
        /// The author or authors.
        #[arg(long)]
        author: Option<String>,
        /// The publication date, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        published: Option<jiff::civil::Date>,
        /// news, analysis, opinion, commentary, transcript or statement.
        #[arg(long, value_parser = crate::commands::import::parse_kind)]
        kind: Option<crate::corpus::Kind>,
        /// BCP 47 tag of the text (default: the page's, else "en").
        #[arg(long, value_name = "TAG")]
        language: Option<String>,
    },
    /// A commented template for an article typed by hand.
    New {
        /// Where to write it (default: --articles, or the current directory).
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
    },
    /// Each outlet's account of one event, side by side.
    Compare {
        /// The event's id (a unique prefix will do).
        event: String,
        /// Total width of the table.
        #[arg(long, short, default_value_t = 120, value_name = "N",
              value_parser = clap::value_parser!(u16).range(40..))]
        width: u16,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Columns of wrapped text.
    Text,
    /// A Markdown section per outlet, to paste into a report.
    Markdown,
    /// The same passage objects as `align --json`.
    Json,
}
