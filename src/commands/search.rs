//! `readout search QUERY`: every title, outlet, byline and passage of the corpus that
//! matches, as `id ¶n: text`, or as JSON. Exits 1 when nothing matches, as grep does.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::corpus::Corpus;
use crate::search::{Place, SearchIndex};

/// One match as JSON.
#[derive(Debug, Serialize)]
struct HitJson<'a> {
    /// Article id.
    article: &'a str,
    /// `title`, `outlet`, `author`, `heading` or `passage`.
    field: &'static str,
    /// Paragraph number from 0, as in `align --json`; absent for the other fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<usize>,
    /// The whole field or block.
    text: &'a str,
    /// Byte ranges of the matches in `text`.
    matches: Vec<[usize; 2]>,
}

pub fn run(out: &mut impl Write, corpus: &Corpus, query: &str, json: bool) -> Result<ExitCode> {
    let index = SearchIndex::new(&corpus.articles);
    let hits = index.search(&corpus.articles, query);
    let text_of = |h: &crate::search::Hit| -> (&str, &str) {
        let a = &corpus.articles[h.article];
        let text = match h.place {
            Place::Title => a.meta.title.as_str(),
            Place::Outlet => a.meta.outlet.as_str(),
            Place::Author => a.meta.author.as_str(),
            Place::Block { block, .. } => a.blocks.get(block).map_or("", |b| b.text.as_str()),
        };
        (a.meta.id.as_str(), text)
    };
    if json {
        let items: Vec<HitJson> = hits
            .iter()
            .map(|h| {
                let (article, text) = text_of(h);
                let (field, passage) = match h.place {
                    Place::Title => ("title", None),
                    Place::Outlet => ("outlet", None),
                    Place::Author => ("author", None),
                    Place::Block { passage: None, .. } => ("heading", None),
                    Place::Block { passage, .. } => ("passage", passage),
                };
                HitJson {
                    article,
                    field,
                    passage,
                    text,
                    matches: h.ranges.iter().map(|&(s, e)| [s, e]).collect(),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
    } else {
        for h in &hits {
            let (id, text) = text_of(h);
            // One line per match, for grep and friends.
            let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "{id} {}: {line}", h.place.label())?;
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
