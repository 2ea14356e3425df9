//! `readout import FILE…`: saved pages and pasted texts to article files. What a page
//! does not say comes from the flags, or is asked for when stdin is a terminal; each
//! file is written atomically and never over another, checked as `readout check` would,
//! and a duplicate (same URL, or the same text) is reported and skipped.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use jiff::civil::Date;

use crate::corpus::{Corpus, Kind, Meta, Source, parse_article};
use crate::import::{Draft, Fields, Piece, html, render, slug, text};

/// The largest input read: saved pages carry scripts and styles far beyond their text.
const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Parses a `--kind` value.
pub fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| format!("{s:?} is not one of: {}", kind_names()))
}

fn kind_names() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}

/// What is already in the destination, to keep ids unique and find duplicates.
struct Shelf {
    dir: PathBuf,
    /// Ids taken, with the file that took each.
    ids: HashMap<String, String>,
    /// Canonical URLs, with their file.
    urls: HashMap<String, String>,
    /// The words of each body, with their file.
    texts: HashMap<String, String>,
}

impl Shelf {
    fn open(dir: &Path) -> Shelf {
        let corpus = Corpus::load(&Source::Dir(dir.to_path_buf()));
        let mut shelf = Shelf {
            dir: dir.to_path_buf(),
            ids: HashMap::new(),
            urls: HashMap::new(),
            texts: HashMap::new(),
        };
        for a in &corpus.articles {
            let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
            shelf.remember(&a.meta, &texts, &a.path);
        }
        shelf
    }

    fn remember(&mut self, meta: &Meta, texts: &[&str], path: &str) {
        self.ids.insert(meta.id.clone(), path.to_string());
        if let Some(u) = &meta.url {
            self.urls.insert(url_key(u), path.to_string());
        }
        self.texts.insert(words(texts), path.to_string());
    }

    /// The file an import duplicates, and how.
    fn duplicate(&self, url: Option<&str>, texts: &[&str]) -> Option<String> {
        if let Some(f) = url.and_then(|u| self.urls.get(&url_key(u))) {
            return Some(format!("same URL as {f}"));
        }
        self.texts
            .get(&words(texts))
            .map(|f| format!("same text as {f}"))
    }
}

/// A URL compared without its scheme, `www.`, fragment or trailing slash.
fn url_key(u: &str) -> String {
    let u = u.split('#').next().unwrap_or(u).trim();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_lowercase()
}

/// A body as its words, lower case: the same text however it was laid out.
fn words(texts: &[&str]) -> String {
    texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How one input ended.
enum Outcome {
    Wrote,
    Duplicate,
}

pub fn run(
    out: &mut impl Write,
    files: &[PathBuf],
    into: &Path,
    given: &Fields,
) -> Result<ExitCode> {
    if given.id.is_some() && files.len() > 1 {
        bail!("--id names one article: give one FILE with it");
    }
    if let Some(id) = &given.id
        && !crate::corpus::article::is_slug(id)
    {
        bail!("--id {id:?} must be a slug: lowercase ASCII letters, digits and hyphens");
    }
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        bail!("`-` (standard input) can be given once");
    }
    fs::create_dir_all(into).with_context(|| format!("cannot create {}", into.display()))?;
    // Prompts need a person at the keyboard, and standard input free for answers.
    let interactive = io::stdin().is_terminal() && !files.iter().any(|f| f.as_os_str() == "-");
    let mut shelf = Shelf::open(into);
    let (mut wrote, mut skipped, mut failed) = (0, 0, 0);
    for file in files {
        match import_one(out, file, &mut shelf, given, interactive) {
            Ok(Outcome::Wrote) => wrote += 1,
            Ok(Outcome::Duplicate) => skipped += 1,
            Err(e) => {
                failed += 1;
                out.flush()?;
                eprintln!("readout: {}: {e:#}", file.display());
            }
        }
    }
    writeln!(
        out,
        "{wrote} written, {skipped} duplicate(s) skipped, {failed} failed, in {}",
        into.display()
    )?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn import_one(
    out: &mut impl Write,
    file: &Path,
    shelf: &mut Shelf,
    given: &Fields,
    interactive: bool,
) -> Result<Outcome> {
    let bytes = read_input(file)?;
    let is_html = match file.extension().and_then(|e| e.to_str()) {
        Some(e) => ["html", "htm", "xhtml", "shtml"].contains(&e.to_ascii_lowercase().as_str()),
        // Standard input, or no extension: a page starts with markup.
        None => String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
            .trim_start()
            .starts_with('<'),
    };
    let mut draft: Draft = if is_html {
        html::from_html(&bytes)?
    } else {
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            anyhow!(
                "not UTF-8 text (byte {}); save it as UTF-8",
                e.valid_up_to()
            )
        })?;
        text::from_text(text)
    };
    // Values given on the command line win over what the page says.
    let mut fields = given.clone().or(std::mem::take(&mut draft.fields));
    if fields.language.is_none() {
        fields.language = Some("en".to_string());
        draft
            .unsure
            .push("the page declares no language: \"en\" assumed (--language)".to_string());
    }
    let texts: Vec<&str> = draft.body.iter().map(Piece::text).collect();
    if let Some(why) = shelf.duplicate(fields.url.as_deref(), &texts) {
        writeln!(out, "skipped {}: {why}", file.display())?;
        return Ok(Outcome::Duplicate);
    }
    let mut ask = Asker::new(file, interactive);
    let title = ask.text(fields.title, "title", "--title")?;
    let outlet = ask.text(fields.outlet, "outlet", "--outlet")?;
    let country = ask.text(fields.country, "country of the outlet", "--country")?;
    let author = ask.text(fields.author, "author", "--author")?;
    let published = match fields.published {
        Some(d) => d,
        None => ask.parsed("publication date (YYYY-MM-DD)", "--published", |s| {
            s.parse::<Date>().map_err(|e| e.to_string())
        })?,
    };
    let kind = match fields.kind {
        Some(k) => k,
        None => ask.parsed(&format!("kind ({})", kind_names()), "--kind", parse_kind)?,
    };
    let id = match fields.id {
        Some(id) => {
            if let Some(f) = shelf.ids.get(&id) {
                bail!("id {id:?} is taken by {f}; give another with --id");
            }
            id
        }
        None => free_id(shelf, &outlet, &title, published),
    };
    let meta = Meta {
        id,
        title,
        outlet,
        country,
        author,
        published,
        approximate: false,
        kind,
        language: fields.language.unwrap_or_else(|| "en".to_string()),
        translated_from: None,
        url: fields.url,
        note: None,
    };
    let name = format!("{}.md", meta.id);
    let path = shelf.dir.join(&name);
    let shown = path.display().to_string();
    let rendered = render::article_file(&meta, &draft.body);
    // The same check `readout check` makes: nothing is written that would not load.
    let article = parse_article(&shown, rendered.as_bytes())
        .map_err(|e| anyhow!("the article would not pass `readout check`: {e}"))?;
    write_new(&shelf.dir, &path, rendered.as_bytes())?;
    writeln!(
        out,
        "wrote {shown}: {} · {} · {} · {} passages",
        meta.published,
        meta.outlet,
        meta.title,
        article.passage_count()
    )?;
    for note in &draft.unsure {
        writeln!(out, "  unsure: {note}")?;
    }
    shelf.remember(&meta, &texts, &shown);
    Ok(Outcome::Wrote)
}

/// Reads a file, or standard input for `-`, refusing anything over the limit.
fn read_input(file: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        fs::File::open(file)
            .context("cannot open")?
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read")?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!("over {} MiB: not a saved article", MAX_INPUT_BYTES >> 20);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        bail!("empty");
    }
    Ok(bytes)
}

/// An id from the outlet and title (and the date if that is taken), unique in the shelf.
fn free_id(shelf: &Shelf, outlet: &str, title: &str, published: Date) -> String {
    let mut base = slug(&format!("{} {}", slug(outlet, 20), slug(title, 32)), 56);
    if base.is_empty() {
        base = format!("article-{published}");
    }
    let taken =
        |id: &str| shelf.ids.contains_key(id) || shelf.dir.join(format!("{id}.md")).exists();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Writes a new file atomically, refusing to replace one that exists.
fn write_new(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".readout-import-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", tmp.path().display()))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            anyhow!("{} exists; it is left as it is", path.display())
        } else {
            anyhow!("cannot write {}: {}", path.display(), e.error)
        }
    })?;
    Ok(())
}

/// Asks for missing values when a person is there; otherwise says which flag gives it.
struct Asker<'a> {
    file: &'a Path,
    interactive: bool,
}

impl<'a> Asker<'a> {
    fn new(file: &'a Path, interactive: bool) -> Asker<'a> {
        Asker { file, interactive }
    }

    fn text(&mut self, have: Option<String>, what: &str, flag: &str) -> Result<String> {
        match have.filter(|s| !s.trim().is_empty()) {
            Some(v) => Ok(v),
            None => self.parsed(what, flag, |s| Ok(s.to_string())),
        }
    }

    fn parsed<T>(
        &mut self,
        what: &str,
        flag: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T> {
        if !self.interactive {
            bail!("the source does not give its {what}: pass {flag}");
        }
        let stdin = io::stdin();
        loop {
            eprint!("{}: {what}? ", self.file.display());
            io::stderr().flush()?;
            let mut line = String::new();
            if stdin.lock().read_line(&mut line)? == 0 {
                bail!("no {what} given (end of input); pass {flag}");
            }
            let answer = line.trim();
            if answer.is_empty() {
                continue;
            }
            match parse(answer) {
                Ok(v) => return Ok(v),
                Err(e) => eprintln!("  {e}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_compare_without_scheme_www_and_slash() {
        assert_eq!(
            url_key("https://www.example.org/a/b/#top"),
            url_key("http://example.org/a/b")
        );
        assert_ne!(
            url_key("https://example.org/a"),
            url_key("https://example.org/b")
        );
    }

    #[test]
    fn the_same_words_are_the_same_text() {
        assert_eq!(
            words(&["Talks  ended.", "“We”—said"]),
            words(&["talks ended we said"])
        );
    }
}
