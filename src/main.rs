//! The `readout` binary: parse arguments, load the corpus, hand over to the reader or a
//! plain command.

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
        Err(e) => {
            // A closed pipe (`readout list | head`) is not an error worth a message.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("readout: {e:#}");
            ExitCode::FAILURE
        }
    }
}
