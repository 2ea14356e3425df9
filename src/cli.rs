//! Command-line arguments: with no command, the interactive reader; with one, plain
//! output for pipes, scripts and reports.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::Source;

/// The environment variable naming a corpus directory, as `--articles` does.
pub const ARTICLES_ENV: &str = "READOUT_ARTICLES";

/// `--version`: the package version and, when built from a git checkout, the commit.
pub const VERSION: &str = env!("READOUT_VERSION");

/// Read and compare how news outlets report the same diplomatic negotiation.
#[derive(Debug, Parser)]
#[command(name = "readout", version = VERSION, about, long_about = None)]
pub struct Cli {
    /// Read the corpus in DIR instead of the bundled articles [env: READOUT_ARTICLES].
    // Read from the environment by hand, so that an empty READOUT_ARTICLES means unset.
    #[arg(long, global = true, value_name = "DIR")]
    pub articles: Option<PathBuf>,

    /// Draw borders and marks in ASCII, and print plain output in ASCII only (automatic
    /// when the locale is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Read the configuration from FILE instead of
    /// $XDG_CONFIG_HOME/readout/config.toml [env: READOUT_CONFIG].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Capture the mouse: the wheel scrolls the pane under the pointer, but the
    /// terminal's own text selection needs Shift. Without it, the wheel still scrolls
    /// in terminals that turn it into arrow keys.
    #[arg(long)]
    pub mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The arguments this process was started with. With none at all (the reader on the
    /// bundled articles, the usual start) the answer is known without clap: building
    /// its parser, every subcommand and option, took ~0.15 ms before the reader's first
    /// frame. The test `no_arguments_are_what_clap_makes_of_none` keeps the two the same.
    pub fn from_env() -> Cli {
        if std::env::args_os().len() > 1 {
            Cli::parse()
        } else {
            Cli::without_arguments()
        }
    }

    /// What clap makes of no arguments.
    fn without_arguments() -> Cli {
        Cli {
            articles: None,
            ascii: false,
            config: None,
            mouse: false,
            command: None,
        }
    }

    /// Where the corpus comes from: `--articles`, else a non-empty `READOUT_ARTICLES`,
    /// else the bundled articles. A directory is checked before anything is read, so a
    /// wrong path is one clear line, not an empty list.
    pub fn source(&self) -> anyhow::Result<Source> {
        let env = std::env::var_os(ARTICLES_ENV).filter(|v| !v.is_empty());
        let (dir, given_by) = match (&self.articles, env) {
            (Some(dir), _) => (dir.clone(), "--articles".to_string()),
            (None, Some(dir)) => (PathBuf::from(dir), format!("{ARTICLES_ENV}=")),
            (None, None) => return Ok(Source::Bundled),
        };
        crate::corpus::check_corpus_dir(&dir).map_err(|why| {
            anyhow::anyhow!(
                "{given_by}{}{}: {why}",
                if given_by.ends_with('=') { "" } else { " " },
                crate::text::sanitize::sanitize_line(&dir.display().to_string())
            )
        })?;
        Ok(Source::Dir(dir))
    }

    /// True when plain output must be ASCII: `--ascii`, or a locale that is not UTF-8.
    pub fn plain_ascii(&self) -> bool {
        self.ascii || !crate::text::ascii::locale_is_utf8()
    }

    /// The configuration file named by `--config`, else a non-empty `READOUT_CONFIG`.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.clone().or_else(|| {
            std::env::var_os(crate::config::CONFIG_ENV)
                .filter(|v: &OsString| !v.is_empty())
                .map(PathBuf::from)
        })
    }
}

/// The plain commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per article: date, outlet, id, title (aligned on a terminal,
    /// tab-separated in a pipe).
    List {
        /// An array of objects with the front matter keys.
        #[arg(long)]
        json: bool,
    },
    /// An article as wrapped plain text with its byline.
    Read {
        /// The article's id (a unique prefix will do).
        id: String,
        /// Wrap at N columns (default: 76, or the terminal's width if narrower).
        #[arg(long, short, value_name = "N",
              value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        /// Number the passages (¶1, ¶2…) in the margin, so a passage can be cited.
        #[arg(long, short)]
        numbers: bool,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ReadFormat::Text)]
        format: ReadFormat,
    },
    /// Every problem in a corpus or one article, as path:line:col: message; exits 1 if
    /// there is any.
    Check {
        /// The directory or article file to check (default: --articles, or the bundled
        /// articles).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Every passage with the events it was aligned to.
    Align {
        /// Ignore curators' markers: the aligner alone.
        #[arg(long)]
        auto: bool,
        /// One JSON array of passage objects.
        #[arg(long)]
        json: bool,
        /// Only the passages the aligner is least sure of, least sure first: the
        /// ones a curator should check and settle with a marker.
        #[arg(long)]
        uncertain: bool,
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
        /// news, analysis, opinion, commentary, transcript, statement or interview.
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
        /// Total width of the table (default: $COLUMNS, else the terminal's width, else
        /// 120).
        #[arg(long, short, value_name = "N",
              value_parser = clap::value_parser!(u16).range(40..))]
        width: Option<u16>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A shell completion script, on standard output.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), on standard output.
    Man,
    /// The effective configuration, commented: the defaults with your file laid over.
    Config,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Columns of wrapped text.
    Text,
    /// A Markdown section per outlet, to paste into a report.
    Markdown,
    /// The event, the outlets that do not cover it, and the same passage objects as
    /// `align --json`.
    Json,
}

/// Output formats of `read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadFormat {
    /// Wrapped plain text.
    Text,
    /// Markdown with the source's URL, to paste into a report.
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_arguments_are_what_clap_makes_of_none() {
        let clap = Cli::try_parse_from(["readout"]).expect("no arguments are valid");
        assert_eq!(
            format!("{:?}", Cli::without_arguments()),
            format!("{clap:?}")
        );
    }
}
