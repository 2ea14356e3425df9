//! The `readout` binary: parse arguments, then hand over to the reader or a plain
//! command.

use std::process::ExitCode;

use clap::Parser;
use readout::cli::Cli;
use readout::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => reader(&cli),
        Some(command) => commands::run(&cli, command, commands::Output::detect(&cli)),
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
