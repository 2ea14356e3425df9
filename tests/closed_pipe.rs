//! Every plain command, its output piped to a reader that has already gone (`readout
//! align --json | head -0`), exits 0 with nothing on stderr, as `cat` and `ls` do.

use std::process::{Command, Stdio};

fn run_into_closed_pipe(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env_remove("READOUT_ARTICLES")
        .env(
            "READOUT_STATE_DIR",
            std::env::temp_dir().join("readout-closed-pipe-tests"),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn readout");
    // Close the only reading end before the command writes anything: its first write
    // fails with EPIPE (Rust ignores SIGPIPE, so it is an error, not a signal).
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

#[test]
fn every_command_exits_0_quietly_on_a_closed_pipe() {
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["read", "kyiv"],
        &["check"],
        &["align"],
        &["align", "--json"],
        &["align", "--auto", "--json"],
        &["rounds"],
        &["compare", "geneva-2022-01-10"],
        &["compare", "geneva-2022-01-10", "--format", "markdown"],
        &["compare", "geneva-2022-01-10", "--format", "json"],
    ];
    for args in commands {
        let out = run_into_closed_pipe(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: stderr {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?} printed {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
