//! `readout new --into DIR`: a commented template for an article typed by hand, which
//! `readout check` accepts once its placeholders are filled in.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::import::render::template;

pub fn run(out: &mut impl Write, into: &Path) -> Result<ExitCode> {
    std::fs::create_dir_all(into).with_context(|| format!("cannot create {}", into.display()))?;
    let today = jiff::Zoned::now().date();
    let text = template(today);
    // The first free name; never over an existing file.
    for n in 1.. {
        let name = if n == 1 {
            "new-article.md".to_string()
        } else {
            format!("new-article-{n}.md")
        };
        let path = into.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                writeln!(
                    out,
                    "wrote {}: fill in the values between quotes and the text, then run \
                     `readout check {}`",
                    path.display(),
                    into.display()
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot write {}", path.display())),
        }
    }
    Ok(ExitCode::FAILURE)
}
