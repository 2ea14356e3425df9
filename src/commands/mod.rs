//! The plain commands: the same domain as the reader, printed as text for pipes,
//! scripts and reports. Nothing here writes an escape sequence.

mod align;
mod check;
mod compare;
pub mod import;
mod list;
mod new;
mod output;
mod passages;
mod read;
mod rounds;
mod search;
mod suggest;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, Format, ReadFormat};
use crate::corpus::{Corpus, Source};

pub use output::AsciiOut;

/// How plain output is to be shaped, decided once from the flags and the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// ASCII only (`--ascii`, or a locale that is not UTF-8).
    pub ascii: bool,
    /// Standard output is a terminal (not a pipe or a file).
    pub terminal: bool,
    /// The width to fit when none is given: `$COLUMNS`, else the terminal's.
    pub columns: Option<usize>,
}

impl Output {
    /// From the flags and the environment.
    pub fn detect(cli: &Cli) -> Output {
        let terminal = io::stdout().is_terminal();
        Output {
            ascii: cli.plain_ascii(),
            terminal,
            columns: output::columns(terminal),
        }
    }
}

/// Runs a plain command. Commands that read a corpus check where it comes from first.
pub fn run(cli: &Cli, command: &Command, output: Output) -> Result<ExitCode> {
    let stdout = io::stdout();
    let raw = io::BufWriter::new(stdout.lock());
    // Data formats (JSON, Markdown, man, completions) stay as they are; text for people
    // becomes ASCII when asked, after layout has already used ASCII widths.
    let data = matches!(
        command,
        Command::List { json: true }
            | Command::Align { json: true, .. }
            | Command::Compare {
                format: Format::Json | Format::Markdown,
                ..
            }
            | Command::Read {
                format: ReadFormat::Markdown,
                ..
            }
            | Command::Completions { .. }
            | Command::Man
    );
    let mut out = AsciiOut::new(raw, output.ascii && !data);
    let code = match command {
        Command::Completions { shell } => {
            output::completions(&mut out, *shell)?;
            ExitCode::SUCCESS
        }
        Command::Man => {
            output::man(&mut out)?;
            ExitCode::SUCCESS
        }
        Command::Config => {
            let loaded = crate::config::Config::load(cli.config_file().as_deref());
            loaded.report_problems();
            write!(out, "{}", loaded.config.commented())?;
            ExitCode::SUCCESS
        }
        Command::Check { path } => match path {
            Some(path) => check::run_path(&mut out, path)?,
            None => {
                let source = cli.source()?;
                check::run(&mut out, &Corpus::load_index(&source), &source)?
            }
        },
        Command::List { json } => {
            let corpus = noting_problems(Corpus::load_index(&cli.source()?), &cli.source()?);
            let corpus = ascii_if(output.ascii && !json, corpus);
            list::run(&mut out, &corpus, *json, output.terminal, output.columns)?
        }
        Command::Read {
            id,
            width,
            numbers,
            format,
        } => {
            let width = match width {
                Some(w) => usize::from(*w),
                // The configured measure, narrower when the terminal is.
                None => {
                    let measure = usize::from(configuration(cli).measure);
                    output.columns.map_or(measure, |c| c.clamp(20, measure))
                }
            };
            let corpus = load_noting_problems(&cli.source()?);
            let ascii = output.ascii && *format == ReadFormat::Text;
            let corpus = ascii_if(ascii, corpus);
            let options = read::Options {
                width,
                numbers: *numbers,
                ascii,
                format: *format,
            };
            read::run(&mut out, &corpus, id, options)?
        }
        Command::Align {
            auto,
            json,
            uncertain,
        } => {
            let options = align::Options {
                auto: *auto,
                json: *json,
                uncertain: *uncertain,
            };
            let source = cli.source()?;
            // A directory is aligned article by article, read again from its file;
            // --uncertain ranks passages across the corpus, so it holds them all.
            if matches!(source, Source::Dir(_)) && !*uncertain {
                let index = noting_problems(Corpus::load_index(&source), &source);
                align::run_streaming(&mut out, &index, options)?
            } else {
                align::run(&mut out, &load_noting_problems(&source), options)?
            }
        }
        Command::Rounds { suggest: false, .. } => {
            let corpus = load_noting_problems(&cli.source()?);
            rounds::run(&mut out, &corpus)?
        }
        Command::Rounds {
            suggest: true, dir, ..
        } => {
            let source = match dir {
                Some(dir) => Source::Dir(dir.clone()),
                None => cli.source()?,
            };
            suggest::run(&mut out, &load_noting_problems(&source))?
        }
        Command::Import {
            files,
            into,
            id,
            title,
            outlet,
            country,
            author,
            published,
            kind,
            language,
        } => {
            // Values given on the command line; each wins over what the page says.
            let given = crate::import::Fields {
                id: id.clone(),
                title: title.clone(),
                outlet: outlet.clone(),
                country: country.clone(),
                author: author.clone(),
                published: *published,
                kind: *kind,
                language: language.clone(),
                url: None,
            };
            import::run(&mut out, files, &destination(into.clone(), cli), &given)?
        }
        Command::New { into } => new::run(&mut out, &destination(into.clone(), cli))?,
        Command::Search { query, json } => {
            let corpus = load_noting_problems(&cli.source()?);
            search::run(&mut out, &corpus, query, *json)?
        }
        Command::Compare {
            event,
            width,
            format,
        } => {
            let width = match width {
                Some(w) => usize::from(*w),
                None => output.columns.map_or(120, |c| c.max(40)),
            };
            let corpus = load_noting_problems(&cli.source()?);
            let preferred = configuration(cli).outlets;
            let options = compare::Options {
                width,
                format: *format,
                ascii: output.ascii,
                preferred: &preferred,
            };
            compare::run(&mut out, &corpus, event, options)?
        }
    };
    out.flush()?;
    Ok(code)
}

/// The configuration in effect; its problems are said on stderr, and the defaults used.
fn configuration(cli: &Cli) -> crate::config::Config {
    let loaded = crate::config::Config::load(cli.config_file().as_deref());
    loaded.report_problems();
    loaded.config
}

/// The corpus with every text in ASCII when `ascii` is set, so that layout measures
/// what will be printed. Passages keep their order, so an alignment computed on the
/// original still applies.
pub fn ascii_if(ascii: bool, corpus: Corpus) -> Corpus {
    if !ascii {
        return corpus;
    }
    let mut corpus = corpus;
    let a = |s: &mut String| {
        if let std::borrow::Cow::Owned(t) = crate::text::ascii::to_ascii(s) {
            *s = t;
        }
    };
    for article in &mut corpus.articles {
        let m = &mut article.meta;
        for s in [&mut m.title, &mut m.outlet, &mut m.country, &mut m.author] {
            a(s);
        }
        for s in [&mut m.url, &mut m.note].into_iter().flatten() {
            a(s);
        }
        for block in &mut article.blocks {
            a(&mut block.text);
        }
    }
    if let Some(timeline) = &mut corpus.timeline {
        for e in &mut timeline.events {
            for s in [&mut e.title, &mut e.label, &mut e.place] {
                a(s);
            }
            e.participants.iter_mut().for_each(a);
        }
    }
    corpus
}

/// Where `import` and `new` write: `--into`, else `--articles` (or `READOUT_ARTICLES`),
/// else here. Not checked as a corpus: an empty directory is where a new one starts.
fn destination(into: Option<std::path::PathBuf>, cli: &Cli) -> std::path::PathBuf {
    into.or_else(|| cli.articles.clone())
        .or_else(|| {
            std::env::var_os(crate::cli::ARTICLES_ENV)
                .filter(|v| !v.is_empty())
                .map(std::path::PathBuf::from)
        })
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// Loads a corpus and says on stderr how many files were skipped, so a plain command is
/// never silently incomplete.
fn load_noting_problems(source: &Source) -> Corpus {
    noting_problems(Corpus::load(source), source)
}

/// Says on stderr how many files of `corpus` were skipped.
fn noting_problems(corpus: Corpus, source: &Source) -> Corpus {
    if !corpus.problems.is_empty() {
        let skipped = match corpus.skipped {
            0 => String::new(),
            1 => "1 file skipped, ".to_string(),
            n => format!("{n} files skipped, "),
        };
        // Not `eprintln!`, which panics when stderr is a closed pipe.
        let _ = writeln!(
            io::stderr(),
            "readout: {skipped}{} problem(s) in {}; `readout check` lists them",
            corpus.problems.len(),
            source.describe()
        );
    }
    corpus
}

/// Finds an article by id or unique id prefix.
pub fn find_article<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a crate::corpus::Article> {
    if let Some(a) = corpus.article(id) {
        return Ok(a);
    }
    let matches: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.meta.id.starts_with(id))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("no article with id {id:?}; `readout list` shows the ids"),
        many => anyhow::bail!(
            "{id:?} could be any of: {}",
            many.iter()
                .map(|a| a.meta.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The corpus's timeline, or an error saying how to give it one.
fn timeline(corpus: &Corpus) -> Result<&crate::timeline::Timeline> {
    corpus.timeline.as_ref().ok_or_else(|| {
        anyhow::anyhow!(
            "this corpus has no valid {}: events, alignment and comparison need one",
            crate::corpus::TIMELINE_FILE
        )
    })
}
