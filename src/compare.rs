//! The comparison grid: events as rows in time order, outlets as columns, each cell the
//! passages an outlet gave to an event, wrapped to the column. A row is as tall as its
//! tallest cell, so columns stay aligned however far one scrolls. Built once per width
//! and choice of outlets; the TUI and `readout compare` both draw from it.

use std::collections::{BTreeMap, BTreeSet};

use crate::align::{Alignment, PassageAlignment};
use crate::corpus::{Article, Body, Corpus};
use crate::text::terms::{Terms, occurrences, shared_among, terms};
use crate::text::wrap::{width as text_width, wrap};
use crate::timeline::{Event, Timeline};

/// Columns between two cells: " │ ".
pub const GAP: usize = 3;
/// How many of a cell's passages shared terms are looked for in.
pub const TERM_PASSAGES: usize = 20;
/// The narrowest a column may get before fewer columns are shown.
pub const MIN_COLUMN: usize = 34;

/// How many outlet columns fit `width`: two at 80 columns, more as width allows, one
/// when narrower than two minimum columns.
pub fn columns_for_width(width: usize) -> usize {
    ((width + GAP) / (MIN_COLUMN + GAP)).max(1)
}

/// A cell's passages: (article index, paragraph number).
type Passages = Vec<(usize, usize)>;

/// A row partly laid out: per column, its passages, how many are laid out, and the lines
/// the rest are expected to take.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    passages: Vec<Passages>,
    next: Vec<usize>,
    remaining: Vec<usize>,
}

/// A cell before wrapping: its passages (article, paragraph) and their joined text.
type RawCell = (Vec<(usize, usize)>, String);

/// Passages per event and outlet: `counts[event][outlet]`, for `outlets` in that order;
/// one pass over the corpus. The coverage overview, the outlet strip and `rounds` all
/// read it.
pub fn coverage(
    corpus: &Corpus,
    alignment: &Alignment,
    events: usize,
    outlets: &[&str],
) -> Vec<Vec<usize>> {
    let column: BTreeMap<&str, usize> = outlets.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut counts = vec![vec![0; outlets.len()]; events];
    for (a, article) in corpus.articles.iter().enumerate() {
        let Some(&o) = column.get(article.meta.outlet.as_str()) else {
            continue;
        };
        for pa in alignment.articles.get(a).into_iter().flatten() {
            for m in &pa.events {
                if let Some(row) = counts.get_mut(m.event) {
                    row[o] += 1;
                }
            }
        }
    }
    counts
}

/// Passages per event for each outlet, counted article by article as a corpus arrives,
/// so a growing corpus is never counted again from the start. Gives the same outlets and
/// counts as [`Corpus::outlets`] and [`coverage`] over the same articles.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    events: usize,
    outlets: BTreeMap<String, OutletTally>,
}

/// One outlet's passages per event, and its first article in list order.
#[derive(Debug, Clone)]
struct OutletTally {
    counts: Vec<usize>,
    first: (jiff::civil::Date, String),
}

impl Tally {
    /// An empty tally for a timeline of `events` events.
    pub fn new(events: usize) -> Tally {
        Tally {
            events,
            outlets: BTreeMap::new(),
        }
    }

    /// Counts every article of `corpus` with its alignment.
    pub fn of(corpus: &Corpus, alignment: &Alignment, events: usize) -> Tally {
        let mut tally = Tally::new(events);
        for (a, article) in corpus.articles.iter().enumerate() {
            let aligned = alignment.articles.get(a).map_or(&[][..], Vec::as_slice);
            tally.add(article, aligned);
        }
        tally
    }

    /// Counts one article's passages.
    pub fn add(&mut self, article: &Article, aligned: &[PassageAlignment]) {
        let meta = &article.meta;
        let events = self.events;
        let entry = self
            .outlets
            .entry(meta.outlet.clone())
            .or_insert_with(|| OutletTally {
                counts: vec![0; events],
                first: (meta.published, meta.id.clone()),
            });
        if (meta.published, meta.id.as_str()) < (entry.first.0, entry.first.1.as_str()) {
            entry.first = (meta.published, meta.id.clone());
        }
        for pa in aligned {
            for m in &pa.events {
                if let Some(n) = entry.counts.get_mut(m.event) {
                    *n += 1;
                }
            }
        }
    }

    /// The outlets in order of first appearance in the list (by date, then outlet, then
    /// id of each outlet's first article), as [`Corpus::outlets`] gives them.
    pub fn outlets(&self) -> Vec<String> {
        let mut out: Vec<(&(jiff::civil::Date, String), &String)> = self
            .outlets
            .iter()
            .map(|(name, t)| (&t.first, name))
            .collect();
        out.sort_by(|(a, an), (b, bn)| (a.0, an, &a.1).cmp(&(b.0, bn, &b.1)));
        out.into_iter().map(|(_, name)| name.clone()).collect()
    }

    /// Passages per event and outlet, `counts[event][outlet]`, for `outlets` in that order.
    pub fn matrix(&self, outlets: &[String]) -> Vec<Vec<usize>> {
        (0..self.events)
            .map(|e| {
                outlets
                    .iter()
                    .map(|o| {
                        self.outlets
                            .get(o)
                            .and_then(|t| t.counts.get(e).copied())
                            .unwrap_or(0)
                    })
                    .collect()
            })
            .collect()
    }
}

/// One line of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLine {
    /// Its text (the paragraph mark included on a passage's first line).
    pub text: String,
    /// What the line is.
    pub kind: CellLineKind,
    /// Byte ranges of shared terms, with the term's number for its style.
    pub terms: Vec<(usize, usize, usize)>,
}

/// What a line of a cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellLineKind {
    /// Which article the passages below come from.
    Article,
    /// Passage text; `passage` is (article index, paragraph number).
    Passage { article: usize, passage: usize },
    /// Space between passages.
    Blank,
    /// The outlet does not cover the event.
    Empty,
}

/// One outlet's account of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Wrapped lines.
    pub lines: Vec<CellLine>,
    /// Passages in the cell: (article index, paragraph number).
    pub passages: Vec<(usize, usize)>,
}

/// One event across the outlets shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index of the event in the timeline.
    pub event: usize,
    /// The head: date, title, place, participants — wrapped to the full width.
    pub head: Vec<String>,
    /// One cell per outlet shown.
    pub cells: Vec<Cell>,
    /// Height of the body: the tallest cell.
    pub body: usize,
}

impl Row {
    /// Lines the row takes: head, rule, body, blank.
    pub fn height(&self) -> usize {
        self.head.len() + 1 + self.body + 1
    }
}

/// The whole comparison for a width and a choice of outlets. Every row's head and
/// passages are known from the start, but cells are laid out (wrapped, their shared
/// terms marked) only as far down as asked: [`Grid::new`] lays out everything,
/// [`Grid::lazy`] nothing, [`Grid::lay_out_lines`] a row from its top to a line.
/// A row not laid out to its end has an estimated height, from its passages' lengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// The width it was built for.
    pub width: usize,
    /// The outlets, in column order.
    pub outlets: Vec<String>,
    /// Width of each column.
    pub column_width: usize,
    /// One row per event, in time order (cells empty until laid out).
    pub rows: Vec<Row>,
    /// The first line of each row.
    pub row_lines: Vec<usize>,
    /// Total lines.
    pub lines: usize,
    /// Per row: what is left to lay out, until the row is laid out to its end.
    pending: Vec<Option<Pending>>,
    /// Per row: the terms its cells share, to mark when it is laid out.
    shared: Vec<Vec<BTreeSet<String>>>,
}

impl Grid {
    /// Builds the grid of `outlets` (in that order) over the whole timeline, every row
    /// laid out.
    pub fn new(
        corpus: &Corpus,
        timeline: &Timeline,
        alignment: &Alignment,
        outlets: &[&str],
        width: usize,
    ) -> Grid {
        let mut grid = Grid::lazy(corpus, timeline, alignment, outlets, width);
        grid.lay_out(corpus, 0..grid.rows.len());
        grid
    }

    /// The grid with no row laid out: one pass over the corpus to find each cell's
    /// passages, the shared terms (from each cell's leading passages), the heads, and an
    /// estimate of each row's height from its passages' lengths.
    pub fn lazy(
        corpus: &Corpus,
        timeline: &Timeline,
        alignment: &Alignment,
        outlets: &[&str],
        width: usize,
    ) -> Grid {
        let cols = outlets.len().max(1);
        let column_width = (width.saturating_sub(GAP * (cols - 1)) / cols).max(1);
        // Passages by event and column, in one pass over the corpus, with the lines
        // each cell is expected to take.
        let column_of = |outlet: &str| outlets.iter().position(|o| *o == outlet);
        let mut raw: Vec<Vec<RawCell>> =
            vec![vec![(Vec::new(), String::new()); outlets.len()]; timeline.events.len()];
        let mut estimate: Vec<Vec<usize>> = vec![vec![0; outlets.len()]; timeline.events.len()];
        for (a, article) in corpus.articles.iter().enumerate() {
            let Some(c) = column_of(&article.meta.outlet) else {
                continue;
            };
            // The text, read back only if one of the article's passages is among a
            // cell's leading ones (its lengths are enough for the estimate).
            let mut body: Option<Option<Body>> = None;
            for p in 0..article.passage_count() {
                let Some(pa) = alignment.passage(a, p) else {
                    continue;
                };
                for m in &pa.events {
                    if let Some(cell) = raw.get_mut(m.event).and_then(|row| row.get_mut(c)) {
                        // Recurring terms are judged on a cell's leading passages: enough
                        // to see where accounts meet, and bounded on huge corpora.
                        if cell.0.len() < TERM_PASSAGES {
                            let body = body.get_or_insert_with(|| corpus.body(a)?.ok());
                            if let Some(block) = body.as_ref().and_then(|b| b.passages().nth(p)) {
                                cell.1.push_str(&block.text);
                            }
                            cell.1.push('\n');
                        }
                        let new_article = cell.0.last().is_none_or(|&(last, _)| last != a);
                        // A blank before all but the first, an article line when the
                        // article changes, then the text.
                        let extra = usize::from(!cell.0.is_empty()) + usize::from(new_article);
                        estimate[m.event][c] +=
                            extra + estimated_lines(article.passage_len(p), column_width);
                        cell.0.push((a, p));
                    }
                }
            }
        }
        // Each cell's terms, once: for what is common to the whole grid, then per row.
        let cell_terms: Vec<Vec<Terms>> = raw
            .iter()
            .map(|row| row.iter().map(|(_, text)| terms(text)).collect())
            .collect();
        let common = common_terms(&raw, &cell_terms);
        let shared = cell_terms
            .iter()
            .map(|row| shared_among(row, &common))
            .collect();
        let columns = outlets.len();
        let rows = timeline
            .events
            .iter()
            .enumerate()
            .map(|(e, event)| Row {
                event: e,
                head: head_lines(event, width),
                cells: vec![
                    Cell {
                        lines: Vec::new(),
                        passages: Vec::new(),
                    };
                    columns
                ],
                body: estimate[e].iter().copied().max().unwrap_or(1).max(1),
            })
            .collect();
        let pending = raw
            .into_iter()
            .zip(estimate)
            .map(|(row, remaining)| {
                let passages: Vec<Passages> = row.into_iter().map(|(p, _)| p).collect();
                Some(Pending {
                    next: vec![0; passages.len()],
                    passages,
                    remaining,
                })
            })
            .collect();
        let mut grid = Grid {
            width,
            outlets: outlets.iter().map(|s| s.to_string()).collect(),
            column_width,
            rows,
            row_lines: Vec::new(),
            lines: 0,
            pending,
            shared,
        };
        grid.count_lines();
        grid
    }

    /// Lays out the rows of `rows` to their ends; true if anything was laid out.
    pub fn lay_out(&mut self, corpus: &Corpus, rows: std::ops::Range<usize>) -> bool {
        let mut changed = false;
        for r in rows {
            changed |= self.lay_out_lines(corpus, r, usize::MAX);
        }
        changed
    }

    /// Lays out row `r` until each of its cells has at least `lines` lines of body (or
    /// is complete); true if anything was laid out. Lines already laid out never move:
    /// a row grows at its end, and only the rows after it move.
    pub fn lay_out_lines(&mut self, corpus: &Corpus, r: usize, lines: usize) -> bool {
        let (Some(slot), Some(row)) = (self.pending.get_mut(r), self.rows.get_mut(r)) else {
            return false;
        };
        let Some(pending) = slot else {
            return false;
        };
        let shared = self.shared.get(r).map_or(&[][..], Vec::as_slice);
        let mut changed = false;
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let passages = &pending.passages[c];
            if passages.is_empty() {
                if cell.lines.is_empty() {
                    cell.lines.push(CellLine {
                        text: "— not covered —".to_string(),
                        kind: CellLineKind::Empty,
                        terms: Vec::new(),
                    });
                    changed = true;
                }
                continue;
            }
            while cell.lines.len() < lines && pending.next[c] < passages.len() {
                let i = pending.next[c];
                let previous = i.checked_sub(1).map(|j| passages[j].0);
                let estimate = push_passage(
                    &mut cell.lines,
                    corpus,
                    previous,
                    passages[i],
                    self.column_width,
                    shared,
                );
                cell.passages.push(passages[i]);
                pending.remaining[c] = pending.remaining[c].saturating_sub(estimate);
                pending.next[c] += 1;
                changed = true;
            }
        }
        let done = pending
            .next
            .iter()
            .zip(&pending.passages)
            .all(|(n, p)| *n >= p.len());
        row.body = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| cell.lines.len() + if done { 0 } else { pending.remaining[c] })
            .max()
            .unwrap_or(1)
            .max(1);
        if done {
            *slot = None;
        }
        if changed {
            self.count_lines();
        }
        changed
    }

    /// True if row `r` is laid out to its end.
    pub fn is_laid_out(&self, r: usize) -> bool {
        self.pending.get(r).is_some_and(Option::is_none)
    }

    /// Lines of body laid out in every cell of row `r` that is not complete: the body
    /// lines shown exactly (those past it in a cell still to be laid out are not).
    pub fn laid_lines(&self, r: usize) -> usize {
        let Some(row) = self.rows.get(r) else {
            return 0;
        };
        match self.pending.get(r) {
            Some(Some(p)) => row
                .cells
                .iter()
                .enumerate()
                .filter(|&(c, _)| p.next[c] < p.passages[c].len())
                .map(|(_, cell)| cell.lines.len())
                .min()
                .unwrap_or(row.body),
            _ => row.body,
        }
    }

    fn count_lines(&mut self) {
        let mut line = 0;
        self.row_lines = self
            .rows
            .iter()
            .map(|row| {
                let start = line;
                line += row.height();
                start
            })
            .collect();
        self.lines = line;
    }

    /// The row shown at `line`.
    pub fn row_at(&self, line: usize) -> usize {
        self.row_lines
            .partition_point(|&l| l <= line)
            .saturating_sub(1)
    }

    /// Which outlets cover event `row`: one flag per column.
    pub fn coverage(&self, row: usize) -> Vec<bool> {
        if let Some(Some(pending)) = self.pending.get(row) {
            return pending.passages.iter().map(|p| !p.is_empty()).collect();
        }
        self.rows
            .get(row)
            .map(|r| r.cells.iter().map(|c| !c.passages.is_empty()).collect())
            .unwrap_or_default()
    }
}

/// The row head: "2022-01-12 · NATO–Russia Council", then place and participants.
pub fn head_lines(event: &Event, width: usize) -> Vec<String> {
    let mut out: Vec<String> = wrap(&format!("{} · {}", event.date_range(), event.title), width)
        .into_iter()
        .map(|(_, l)| l.to_string())
        .collect();
    let mut detail = event.place.clone();
    if !event.participants.is_empty() {
        detail.push_str(" · ");
        detail.push_str(&event.participants.join(", "));
    }
    out.extend(wrap(&detail, width).into_iter().map(|(_, l)| l.to_string()));
    out
}

/// Terms present in most non-empty cells of the whole grid: too common to point at.
fn common_terms(raw: &[Vec<RawCell>], cell_terms: &[Vec<Terms>]) -> BTreeSet<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cells = 0;
    for (row, terms) in raw.iter().zip(cell_terms) {
        for ((passages, _), t) in row.iter().zip(terms) {
            if passages.is_empty() {
                continue;
            }
            cells += 1;
            for k in t.keys() {
                *count.entry(k).or_default() += 1;
            }
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| cells >= 4 && n * 2 > cells)
        .map(|(k, _)| k.to_string())
        .collect()
}

/// Lays out passage `(a, p)` of a cell at the end of `lines`: a blank line after the
/// one before it, the article's line when the article changes from `previous`, then
/// the wrapped text with shared terms marked. Returns the lines the grid estimated for
/// it, to take off the cell's estimate.
fn push_passage(
    lines: &mut Vec<CellLine>,
    corpus: &Corpus,
    previous: Option<usize>,
    (a, p): (usize, usize),
    width: usize,
    shared: &[BTreeSet<String>],
) -> usize {
    let Some(article) = corpus.articles.get(a) else {
        return 0;
    };
    let mut estimate = 0;
    if previous.is_some() {
        lines.push(blank());
        estimate += 1;
    }
    if previous != Some(a) {
        let head = format!("{} · {}", article.meta.published, article.meta.title);
        let cut = wrap(&head, width.saturating_sub(1));
        let head = match cut.as_slice() {
            [(_, only)] => only.to_string(),
            [(_, first), ..] => format!("{first}…"),
            [] => String::new(),
        };
        lines.push(CellLine {
            text: head,
            kind: CellLineKind::Article,
            terms: Vec::new(),
        });
        estimate += 1;
    }
    // The passage's text, or why its file cannot be read back in its place.
    let text = match corpus.body(a) {
        Some(Ok(body)) => match body.passages().nth(p) {
            Some(block) => block.text.clone(),
            None => return estimate,
        },
        Some(Err(why)) => why.to_string(),
        None => return estimate,
    };
    let mark = format!("¶{} ", p + 1);
    let indent = text_width(&mark);
    let inner = width.saturating_sub(indent).max(1);
    estimate += estimated_lines(article.passage_len(p), width);
    for (n, (_, piece)) in wrap(&text, inner).into_iter().enumerate() {
        let prefix = if n == 0 {
            mark.clone()
        } else {
            " ".repeat(indent)
        };
        let plen = prefix.len();
        let terms = shared
            .iter()
            .enumerate()
            .flat_map(|(t, forms)| {
                occurrences(piece, forms)
                    .into_iter()
                    .map(move |(s, e)| (s + plen, e + plen, t))
            })
            .collect();
        lines.push(CellLine {
            text: format!("{prefix}{piece}"),
            kind: CellLineKind::Passage {
                article: a,
                passage: p,
            },
            terms,
        });
    }
    estimate
}

/// The lines a passage's text of `len` bytes is expected to take in a column `width`
/// wide, from its length alone (no wrapping).
fn estimated_lines(len: usize, width: usize) -> usize {
    len.div_ceil(width.saturating_sub(4).max(1)).max(1)
}

fn blank() -> CellLine {
    CellLine {
        text: String::new(),
        kind: CellLineKind::Blank,
        terms: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_at_80_more_when_wider() {
        assert_eq!(columns_for_width(80), 2);
        assert_eq!(columns_for_width(120), 3);
        assert_eq!(columns_for_width(200), 5);
        assert_eq!(columns_for_width(40), 1);
    }
}
