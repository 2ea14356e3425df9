//! The `readout` binary: parse arguments, load the corpus, hand over to the reader or a
//! plain command.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use readout::cli::Cli;
use readout::commands;
use readout::corpus::Source;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match &cli.articles {
        Some(dir) => Source::Dir(dir.clone()),
        None => Source::Bundled,
    };
    let result = match cli.command {
        None => readout::tui::run(
            &source,
            readout::tui::Options {
                ascii: cli.ascii,
                mouse: cli.mouse,
            },
        ),
        Some(command) => commands::run(command, &source),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`readout align --json | head`) is not an error worth a message.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Never `eprintln!`: it panics when stderr is a terminal that has gone away.
            let _ = writeln!(std::io::stderr(), "readout: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// True if `e` comes from writing to a pipe whose reader has gone, however it was
/// wrapped: directly, or inside a JSON serialiser's error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind());
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
