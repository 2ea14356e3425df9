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
    Rounds,
    /// Every title, outlet, byline and passage that matches, as `id ¶n: text`
    /// (smart case: a capital in QUERY makes it exact). Exits 1 when nothing matches.
    Search {
        /// The words to find.
        query: String,
        /// One JSON array of matches.
        #[arg(long)]
        json: bool,
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
