//! Searching a whole corpus: titles, outlets, authors and every block of every body,
//! smart case (case-insensitive unless the query has a capital), with typographic
//! quotes and dashes matching their ASCII forms. One article's search is in
//! [`crate::text::search`]; this one is built once per corpus so that a query over ten
//! thousand articles reads one folded string per article rather than folding every
//! block again.

use crate::corpus::Article;

/// Where in an article a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The headline.
    Title,
    /// The outlet's name.
    Outlet,
    /// The byline.
    Author,
    /// A block of the body: its index among the blocks, and its paragraph number
    /// (counting from 0) when it is a passage rather than a heading.
    Block {
        /// Index in [`Article::blocks`].
        block: usize,
        /// Index among the passages, `None` for a heading.
        passage: Option<usize>,
    },
}

impl Place {
    /// The place as the plain commands print it: `title`, `outlet`, `author`,
    /// `heading`, or `¶n` counting from 1.
    pub fn label(self) -> String {
        match self {
            Place::Title => "title".to_string(),
            Place::Outlet => "outlet".to_string(),
            Place::Author => "author".to_string(),
            Place::Block {
                passage: Some(p), ..
            } => format!("¶{}", p + 1),
            Place::Block { passage: None, .. } => "heading".to_string(),
        }
    }
}

/// One field or block of one article that matches, with every match in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Where in the article.
    pub place: Place,
    /// Byte ranges of the matches in the field's or block's text.
    pub ranges: Vec<(usize, usize)>,
}

/// The searchable text of a corpus, folded once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Per article: title, outlet, author and every block, folded (lower case, ASCII
    /// quotes and dashes), each followed by a newline.
    folded: Vec<String>,
    /// Per article: where each segment of `folded` starts.
    starts: Vec<Vec<u32>>,
}

/// Segments before the blocks: title, outlet, author.
const FIELDS: usize = 3;

impl SearchIndex {
    /// Folds the text of `articles` (in corpus order).
    pub fn new(articles: &[Article]) -> SearchIndex {
        let mut index = SearchIndex::default();
        for a in articles {
            index.push(a);
        }
        index
    }

    /// Adds one more article, as the corpus grows while loading.
    pub fn push(&mut self, article: &Article) {
        let mut folded = String::new();
        let mut starts = Vec::with_capacity(FIELDS + article.blocks.len());
        let fields = [
            article.meta.title.as_str(),
            article.meta.outlet.as_str(),
            article.meta.author.as_str(),
        ];
        for text in fields
            .into_iter()
            .chain(article.blocks.iter().map(|b| b.text.as_str()))
        {
            starts.push(folded.len() as u32);
            fold_into(text, &mut folded);
            folded.push('\n');
        }
        self.folded.push(folded);
        self.starts.push(starts);
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// True if no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Every field and block of `articles` that matches `query`, in corpus and reading
    /// order. `articles` must be the ones the index was built from, in the same order.
    pub fn search(&self, articles: &[Article], query: &str) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let exact_case = query.chars().any(char::is_uppercase);
        let mut needle = String::new();
        fold_into(query, &mut needle);
        let exact: Vec<char> = query.chars().map(plain).collect();
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut out = Vec::new();
        let mut found: Vec<usize> = Vec::new();
        for (a, (folded, starts)) in self.folded.iter().zip(&self.starts).enumerate() {
            let Some(article) = articles.get(a) else {
                break;
            };
            let mut from = 0;
            while let Some(i) = finder.find(&folded.as_bytes()[from..]) {
                // Every match in this segment at once, in folded offsets.
                let at = from + i;
                let segment = starts.partition_point(|&s| s as usize <= at) - 1;
                let seg_start = starts[segment] as usize;
                let seg_end = starts
                    .get(segment + 1)
                    .map_or(folded.len(), |&s| s as usize);
                found.clear();
                let mut pos = at;
                while pos < seg_end {
                    found.push(pos - seg_start);
                    match finder.find(&folded.as_bytes()[pos + needle.len()..seg_end]) {
                        Some(j) => pos += needle.len() + j,
                        None => break,
                    }
                }
                from = seg_end;
                let (place, text) = segment_of(article, segment);
                let mut ranges = to_original(text, &found, needle.len());
                if exact_case {
                    // A capital in the query: only the matches in the same case.
                    ranges
                        .retain(|&(s, e)| text[s..e].chars().map(plain).eq(exact.iter().copied()));
                }
                if !ranges.is_empty() {
                    out.push(Hit {
                        article: a,
                        place,
                        ranges,
                    });
                }
                if from >= folded.len() {
                    break;
                }
            }
        }
        out
    }
}

/// Maps match starts in the folded form of `text` (ascending) to byte ranges of `text`,
/// each `len` folded bytes long, walking the text once.
fn to_original(text: &str, starts: &[usize], len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(starts.len());
    let mut folded_at = 0;
    // Pending match starts, by folded offset: (folded end, original start).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut next = starts.iter().copied().peekable();
    let mut buf = String::new();
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|&s| s <= folded_at) {
            if let Some(s) = next.next() {
                open.push((s + len, i));
            }
        }
        buf.clear();
        fold_into(c.encode_utf8(&mut [0; 4]), &mut buf);
        folded_at += buf.len();
        let end = i + c.len_utf8();
        open.retain(|&(fe, os)| {
            if fe <= folded_at {
                out.push((os, end));
                false
            } else {
                true
            }
        });
        if open.is_empty() && next.peek().is_none() {
            break;
        }
    }
    out
}

/// The place and text of segment `s` of an article.
fn segment_of(article: &Article, s: usize) -> (Place, &str) {
    match s {
        0 => (Place::Title, &article.meta.title),
        1 => (Place::Outlet, &article.meta.outlet),
        2 => (Place::Author, &article.meta.author),
        _ => {
            let block = s - FIELDS;
            let passage = article
                .blocks
                .get(block)
                .filter(|b| b.is_passage())
                .map(|_| {
                    article.blocks[..block]
                        .iter()
                        .filter(|b| b.is_passage())
                        .count()
                });
            let text = article.blocks.get(block).map_or("", |b| b.text.as_str());
            (Place::Block { block, passage }, text)
        }
    }
}

/// The typographic forms that match their ASCII ones, as the reader's search has them.
fn plain(c: char) -> char {
    match c {
        '‘' | '’' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        '–' | '—' => '-',
        '\n' => ' ',
        c => c,
    }
}

/// Appends `text` in lower case with plain quotes and dashes.
fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        let c = plain(c);
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_article;

    fn article(id: &str, title: &str, author: &str, body: &str) -> Article {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"{title}\"\noutlet = \"Baltic Ledger\"\n\
             country = \"Latvia\"\nauthor = \"{author}\"\npublished = 2022-01-10\n\
             kind = \"news\"\nlanguage = \"en\"\n+++\n\n{body}\n"
        );
        parse_article(&format!("{id}.md"), text.as_bytes()).expect("valid test article")
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(
                "one",
                "Talks in Geneva",
                "Anna Berg",
                "## Patience\n\nLavrov’s patience has run out.\n\nRyabkov met Sherman in Geneva.",
            ),
            article(
                "two",
                "A week of talks",
                "Jan Ozols",
                "The NATO-Russia Council met.\n\nNothing about geneva here? Yes: geneva.",
            ),
        ]
    }

    fn places(hits: &[Hit]) -> Vec<(usize, String)> {
        hits.iter().map(|h| (h.article, h.place.label())).collect()
    }

    #[test]
    fn lower_case_query_finds_every_case_in_every_field() {
        let articles = corpus();
        let index = SearchIndex::new(&articles);
        let hits = index.search(&articles, "geneva");
        assert_eq!(
            places(&hits),
            vec![
                (0, "title".to_string()),
                (0, "¶2".to_string()),
                (1, "¶2".to_string())
            ]
        );
        // Two matches in one passage make one hit with two ranges.
        assert_eq!(hits[2].ranges.len(), 2);
        let text = &articles[1].blocks[1].text;
        let (s, e) = hits[2].ranges[1];
        assert_eq!(&text[s..e], "geneva");
    }

    #[test]
    fn a_capital_makes_the_search_exact() {
        let articles = corpus();
        let index = SearchIndex::new(&articles);
        assert_eq!(
            places(&index.search(&articles, "Geneva")),
            vec![(0, "title".to_string()), (0, "¶2".to_string())]
        );
    }

    #[test]
    fn authors_outlets_headings_and_quotes_are_searched() {
        let articles = corpus();
        let index = SearchIndex::new(&articles);
        assert_eq!(
            places(&index.search(&articles, "ozols")),
            vec![(1, "author".to_string())]
        );
        assert_eq!(index.search(&articles, "baltic").len(), 2);
        assert_eq!(
            places(&index.search(&articles, "patience")),
            vec![(0, "heading".to_string()), (0, "¶1".to_string())]
        );
        let hits = index.search(&articles, "lavrov's");
        assert_eq!(places(&hits), vec![(0, "¶1".to_string())]);
        let (s, e) = hits[0].ranges[0];
        assert_eq!(&articles[0].blocks[1].text[s..e], "Lavrov’s");
        assert!(index.search(&articles, "  ").is_empty());
        assert!(index.search(&articles, "absent").is_empty());
    }

    #[test]
    fn ranges_map_back_through_text_whose_folded_form_is_longer() {
        // "İ" lower-cases to two characters, so folded offsets run ahead of the text's.
        let text = "İstanbul — Avīze: AVĪZE met “Avīze’s” editors";
        let found = to_original(&fold(text), text, "avīze");
        let words: Vec<&str> = found.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["Avīze", "AVĪZE", "Avīze"]);
        let found = to_original(&fold(text), text, "avīze's");
        assert_eq!(
            found.iter().map(|&(s, e)| &text[s..e]).collect::<Vec<_>>(),
            ["Avīze’s"]
        );
    }

    fn fold(text: &str) -> String {
        let mut out = String::new();
        fold_into(text, &mut out);
        out
    }

    /// `super::to_original` for every match of `query` in `folded`.
    fn to_original(folded: &str, text: &str, query: &str) -> Vec<(usize, usize)> {
        let needle = fold(query);
        let starts: Vec<usize> = folded.match_indices(&needle).map(|(i, _)| i).collect();
        super::to_original(text, &starts, needle.len())
    }
}
