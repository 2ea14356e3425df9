//! A synthetic corpus for measuring: any number of article files recombined from the
//! bundled accounts, with varied outlets, ids, dates and kinds, the same for the same
//! seed. Shared by `examples/gen_corpus.rs` and `benches/readout.rs`, which both include
//! this file with `#[path]`, so the benches and `bench/run.sh` measure the same corpus.
//!
//! Every file is valid (front matter the loader accepts, a Markdown body of 3–8 KB made
//! of whole paragraphs, headings, lists and captions of the bundled texts), so a
//! measure of loading is a measure of loading, not of error reporting.

// Each includer uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The seed `gen_corpus` and the benches use unless told otherwise.
pub const SEED: u64 = 0x2022_0110_6e65_7661;

/// Smallest and largest body-plus-front-matter size aimed for, in bytes: real articles.
const MIN_BYTES: usize = 3 * 1024;
const MAX_BYTES: usize = 8 * 1024;

/// The name of the timeline file, copied beside the articles when the bundled set has it.
const TIMELINE_FILE: &str = "rounds.toml";

/// Outlets: name, country, language of the text. Invented, so no real outlet is credited
/// with recombined text; as varied in length as real names, for the list's truncation.
const OUTLETS: [(&str, &str, &str); 40] = [
    ("Baltic Ledger", "Latvia", "en"),
    ("Danube Courier", "Austria", "en"),
    ("The Geneva Observer", "Switzerland", "en"),
    ("Kyiv Morning Post", "Ukraine", "en"),
    ("Neva Review", "Russia", "en"),
    ("The Atlantic Wire Service", "United States", "en"),
    ("Brussels Dispatch", "Belgium", "en"),
    ("Vistula Daily", "Poland", "en"),
    ("Helsinki Evening News", "Finland", "en"),
    ("Tallinn Harbour Times", "Estonia", "en"),
    ("Vilnius Today", "Lithuania", "en"),
    ("Black Sea Monitor", "Georgia", "en"),
    ("The Potomac Standard", "United States", "en"),
    ("Thames Weekly", "United Kingdom", "en"),
    ("Rhine Gazette", "Germany", "en"),
    ("Seine Chronicle", "France", "en"),
    ("Tiber Report", "Italy", "en"),
    ("Iberian Herald", "Spain", "en"),
    ("Nordic Security Review", "Sweden", "en"),
    ("Oslo Fjord Post", "Norway", "en"),
    ("Ankara Crossroads", "Turkey", "en"),
    ("Caucasus Bulletin", "Armenia", "en"),
    ("Minsk Observer", "Belarus", "en"),
    ("Moldova Week", "Moldova", "en"),
    ("Carpathian Times", "Romania", "en"),
    ("Balkan Insight Review", "Serbia", "en"),
    ("Hudson Quarterly", "United States", "en"),
    ("Pacific Rim Affairs", "Japan", "en"),
    ("Yangtze Evening Report", "China", "en"),
    ("Ganges Strategic Digest", "India", "en"),
    ("The Ottawa Ledger", "Canada", "en"),
    ("Canberra Policy Notes", "Australia", "en"),
    ("Alpine Neutral", "Switzerland", "en"),
    ("Prague Castle Letters", "Czechia", "en"),
    ("Budapest Chain Bridge", "Hungary", "en"),
    ("Adriatic Wire", "Croatia", "en"),
    ("Aegean Review", "Greece", "en"),
    ("Ural Perspective", "Russia", "en"),
    ("The Strategic Stability Monitor", "United States", "en"),
    ("Euro-Atlantic Desk", "Belgium", "en"),
];

const AUTHORS: [&str; 16] = [
    "Anna Kovalenko",
    "Jānis Bērziņš",
    "Maria Schmidt",
    "Pavel Orlov",
    "Claire Dubois",
    "Tomasz Nowak",
    "Elena Petrova",
    "James Whitfield",
    "Li Wei",
    "Kristiina Tamm",
    "Giorgi Beridze",
    "Sofia Rossi",
    "Editorial board",
    "Staff writer",
    "Olena Shevchenko",
    "Mikkel Larsen",
];

const KINDS: [&str; 6] = [
    "news",
    "analysis",
    "opinion",
    "commentary",
    "transcript",
    "statement",
];

const TRANSLATED_FROM: [&str; 6] = ["ru", "uk", "lv", "pl", "de", "fr"];

const HEADLINES: [&str; 16] = [
    "Talks in Geneva end without a breakthrough",
    "NATO and Russia meet for the first time since 2019",
    "What the OSCE heard in Vienna",
    "A week of diplomacy, and the red lines stay red",
    "Security guarantees: what Moscow asked for",
    "Sherman and Ryabkov: eight hours at the US Mission",
    "Why the West said no to a halt on enlargement",
    "After the talks: no new round scheduled",
    "Draft treaties on the table, troops on the border",
    "The view from Kyiv on a week of talks",
    "Arms control returns to the agenda",
    "Brussels, Geneva, Vienna: three rooms, one impasse",
    "What the delegations said afterwards",
    "The talks as seen from the Baltic",
    "Deadlock, or the start of a process?",
    "Notes on a diplomatic marathon",
];

/// One bundled account, cut into the blocks of its body.
struct SourceText {
    title: String,
    /// Blocks as written, blank-line separated in the file; comments stay with the
    /// block they precede.
    blocks: Vec<String>,
}

/// Makes synthetic articles from the bundled accounts.
pub struct Generator {
    sources: Vec<SourceText>,
    timeline: Option<Vec<u8>>,
    seed: u64,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Article files.
    pub articles: usize,
    /// Bytes of every file written, the timeline included.
    pub bytes: u64,
    /// Whether a timeline was copied.
    pub timeline: bool,
}

/// The bundled articles' directory.
pub fn bundled_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("articles")
}

impl Generator {
    /// Reads every `*.md` of `dir` (and its `rounds.toml`, if any) as source text.
    pub fn from_dir(dir: &Path, seed: u64) -> io::Result<Generator> {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        paths.sort();
        let mut sources = Vec::new();
        for p in paths {
            let text = fs::read_to_string(&p)?;
            if let Some(source) = split_source(&text) {
                sources.push(source);
            }
        }
        if sources.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("no usable article in {}", dir.display()),
            ));
        }
        let timeline = match fs::read(dir.join(TIMELINE_FILE)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(Generator {
            sources,
            timeline,
            seed,
        })
    }

    /// The bundled articles, with the default seed.
    pub fn bundled() -> io::Result<Generator> {
        Generator::from_dir(&bundled_dir(), SEED)
    }

    /// Article `i`: its file name and contents. The same `i` and seed give the same file.
    pub fn article(&self, i: usize) -> (String, String) {
        let mut rng = Rng::new(self.seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (outlet, country, language) = OUTLETS[rng.below(OUTLETS.len())];
        // 2021-12-01 .. 2022-01-31: the run-up, the week of talks, the aftermath.
        let day = rng.below(62);
        let date = if day < 31 {
            format!("2021-12-{:02}", day + 1)
        } else {
            format!("2022-01-{:02}", day - 30)
        };
        let id = format!("{}-{i:05}", slug(outlet));
        let primary = &self.sources[rng.below(self.sources.len())];
        let title = if rng.below(3) == 0 {
            primary.title.clone()
        } else {
            HEADLINES[rng.below(HEADLINES.len())].to_string()
        };

        let mut front = String::with_capacity(512);
        front.push_str("+++\n");
        push_key(&mut front, "id", &id);
        push_key(&mut front, "title", &title);
        push_key(&mut front, "outlet", outlet);
        push_key(&mut front, "country", country);
        push_key(&mut front, "author", AUTHORS[rng.below(AUTHORS.len())]);
        front.push_str(&format!("published = {date}\n"));
        if rng.below(10) == 0 {
            front.push_str("approximate = true\n");
        }
        push_key(&mut front, "kind", KINDS[rng.below(KINDS.len())]);
        push_key(&mut front, "language", language);
        if rng.below(4) == 0 {
            let from = TRANSLATED_FROM[rng.below(TRANSLATED_FROM.len())];
            push_key(&mut front, "translated_from", from);
        }
        if rng.below(2) == 0 {
            push_key(
                &mut front,
                "url",
                &format!("https://example.org/{}/{id}", slug(outlet)),
            );
        }
        if rng.below(8) == 0 {
            push_key(
                &mut front,
                "note",
                "Synthetic: paragraphs recombined from the bundled accounts.",
            );
        }
        front.push_str("+++\n");

        let target = MIN_BYTES + rng.below(MAX_BYTES - MIN_BYTES);
        let body = self.body(
            &mut rng,
            primary,
            target.saturating_sub(front.len()),
            MAX_BYTES.saturating_sub(front.len()),
        );
        (format!("{date}-{id}.md"), front + &body)
    }

    /// Blocks drawn mostly from `primary`, some from the other accounts, in a shuffled
    /// order, until about `target` bytes (never over `max` when a block can be left
    /// out); never a heading first, last or two in a row.
    fn body(&self, rng: &mut Rng, primary: &SourceText, target: usize, max: usize) -> String {
        let mut out = String::with_capacity(target + 1024);
        let mut passages = 0;
        let mut last_heading = true; // no heading first either
        let mut tries = 0;
        while (out.len() < target || passages == 0) && tries < 10_000 {
            tries += 1;
            let source = if rng.below(10) < 7 {
                primary
            } else {
                &self.sources[rng.below(self.sources.len())]
            };
            let block = &source.blocks[rng.below(source.blocks.len())];
            let heading = block.starts_with('#');
            if heading && last_heading {
                continue;
            }
            if out.len() + block.len() + 2 > max && passages > 0 {
                // Too long to fit: stop once near the target, else try a shorter block.
                if out.len() + 1024 >= target {
                    break;
                }
                continue;
            }
            out.push('\n');
            out.push_str(block);
            out.push('\n');
            last_heading = heading;
            if !heading {
                passages += 1;
            }
        }
        if last_heading {
            // A heading at the end would leave the section empty; close with a passage.
            if let Some(block) = primary.blocks.iter().find(|b| !b.starts_with('#')) {
                out.push('\n');
                out.push_str(block);
                out.push('\n');
            }
        }
        out
    }

    /// The timeline of the source directory, if it has one.
    pub fn timeline(&self) -> Option<&[u8]> {
        self.timeline.as_deref()
    }
}

/// Writes articles `0..n` (and the timeline, if the sources have one) into `dir`,
/// creating it if needed. Files of the same name are overwritten.
pub fn write_corpus(generator: &Generator, n: usize, dir: &Path) -> io::Result<Written> {
    fs::create_dir_all(dir)?;
    let mut bytes = 0u64;
    for i in 0..n {
        let (name, text) = generator.article(i);
        fs::write(dir.join(name), &text)?;
        bytes += text.len() as u64;
    }
    if let Some(timeline) = generator.timeline() {
        fs::write(dir.join(TIMELINE_FILE), timeline)?;
        bytes += timeline.len() as u64;
    }
    Ok(Written {
        articles: n,
        bytes,
        timeline: generator.timeline().is_some(),
    })
}

/// Splits an article file into its title and body blocks; `None` without front matter.
fn split_source(text: &str) -> Option<SourceText> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++\n")?;
    let front = &rest[..end];
    let body = &rest[end + "\n+++\n".len()..];
    let title = front
        .lines()
        .find_map(|l| l.strip_prefix("title = "))
        .map(|t| t.trim().trim_matches('"').replace("\\\"", "\""))
        .unwrap_or_else(|| "Untitled".to_string());
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    // A comment alone (a marker set off by a blank line) belongs to the block after it.
    let mut merged: Vec<String> = Vec::with_capacity(blocks.len());
    let mut pending = String::new();
    for b in blocks {
        if b.lines().all(|l| l.trim_start().starts_with("<!--")) {
            pending.push_str(&b);
            pending.push('\n');
        } else {
            merged.push(format!("{pending}{b}"));
            pending.clear();
        }
    }
    merged
        .iter()
        .any(|b| !b.starts_with('#'))
        .then_some(SourceText {
            title,
            blocks: merged,
        })
}

/// `key = "value"` as a TOML basic string.
fn push_key(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = \"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\"\n");
}

/// "The Geneva Observer" → "the-geneva-observer".
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// SplitMix64: small, fast, and the same everywhere, which is all a corpus needs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0); the modulo bias is irrelevant at these sizes.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
