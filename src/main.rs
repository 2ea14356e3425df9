//! The `readout` binary: parse arguments, then hand over to the reader or a plain
//! command.

use std::io::Write as _;
use std::process::ExitCode;

use readout::cli::Cli;
use readout::commands;

fn main() -> ExitCode {
    let cli = Cli::from_env();
    let result = match &cli.command {
        None => reader(&cli),
        Some(command) => commands::run(&cli, command, commands::Output::detect(&cli)),
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

/// The interactive reader, on the corpus and configuration the arguments name.
#[cfg(feature = "tui")]
fn reader(cli: &Cli) -> anyhow::Result<ExitCode> {
    let source = cli.source()?;
    let config = readout::config::Config::load(cli.config_file().as_deref());
    config.report_problems();
    readout::tui::run(
        &source,
        readout::tui::Options {
            ascii: cli.ascii,
            mouse: cli.mouse,
            palette: readout::tui::theme::Palette::from_config(&config.config),
            notice: config.summary(),
            config: config.config.clone(),
        },
    )
}

#[cfg(not(feature = "tui"))]
fn reader(_: &Cli) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this readout was built without the interactive reader (the `tui` feature); the plain commands work: see `readout --help`"
    )
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
