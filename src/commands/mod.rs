//! The plain commands: the same domain as the reader, printed as text for pipes,
//! scripts and reports. Nothing here writes an escape sequence.

mod align;
mod check;
mod compare;
mod list;
mod passages;
mod read;
mod rounds;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Command;
use crate::corpus::{Corpus, Source};

/// Runs a plain command against the corpus at `source`.
pub fn run(command: Command, source: &Source) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match command {
        Command::Check { dir } => {
            let source = dir.map(Source::Dir).unwrap_or_else(|| source.clone());
            check::run(&mut out, &Corpus::load(&source), &source)?
        }
        Command::List { json } => list::run(&mut out, &load_noting_problems(source), json)?,
        Command::Read { id, width } => {
            read::run(&mut out, &load_noting_problems(source), &id, width.into())?
        }
        Command::Align { auto, json } => {
            align::run(&mut out, &load_noting_problems(source), auto, json)?
        }
        Command::Rounds => rounds::run(&mut out, &load_noting_problems(source))?,
        Command::Compare {
            event,
            width,
            format,
        } => compare::run(
            &mut out,
            &load_noting_problems(source),
            &event,
            width.into(),
            format,
        )?,
    };
    out.flush()?;
    Ok(code)
}

/// Loads a corpus and says on stderr how many files were skipped, so a plain command is
/// never silently incomplete.
fn load_noting_problems(source: &Source) -> Corpus {
    let corpus = Corpus::load(source);
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
