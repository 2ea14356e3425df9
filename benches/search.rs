//! Benchmarks (divan) of searching a whole corpus, as `readout search` and the list's
//! `/` do: building the folded index once, then one query over 10,000 generated
//! articles (`bench/corpus_gen.rs`), which must answer well within 100 ms. And the
//! list's view (filter and sort), worked out again on every key that changes it and
//! every batch the background loader brings.
//!
//! `cargo bench --bench search`.

#[path = "../bench/corpus_gen.rs"]
mod corpus_gen;

use std::sync::OnceLock;

use divan::Bencher;
use readout::corpus::{Article, parse_article};
use readout::listing::{self, Filter, ReadFilter, SortOrder};
use readout::search::SearchIndex;

fn main() {
    divan::main();
}

/// Ten thousand generated articles, parsed in memory (no files: this measures search).
fn articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let generator = corpus_gen::Generator::bundled().expect("the bundled articles");
        (0..10_000)
            .filter_map(|i| {
                let (name, text) = generator.article(i);
                parse_article(&name, text.as_bytes()).ok()
            })
            .collect()
    })
}

/// Queries: a rare name, a common word, a capitalised (exact) one, a miss.
const QUERIES: [&str; 4] = ["stoltenberg", "talks", "Geneva", "no such phrase"];

/// One query over the 10,000 articles, the index already built.
#[divan::bench(args = QUERIES, sample_count = 20)]
fn query_10k(bencher: Bencher, query: &str) {
    let articles = articles();
    let index = SearchIndex::new(articles);
    bencher.bench(|| index.search(articles, query));
}

/// Building the index over the 10,000 articles, once per corpus load.
/// The list's `/` over articles with no match: one article's search
/// (`text::search::find`) on each of the 10,000 in turn, as the reader does.
#[divan::bench(args = QUERIES, sample_count = 10)]
fn find_each_10k(bencher: Bencher, query: &str) {
    let articles = articles();
    bencher.bench(|| {
        articles
            .iter()
            .map(|a| readout::text::search::find(a, query).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn index_10k(bencher: Bencher) {
    let articles = articles();
    bencher.bench(|| SearchIndex::new(articles));
}

/// The list's view of the 10,000 articles, unfiltered, in each order.
#[divan::bench(args = ["date", "outlet", "title"], sample_count = 10)]
fn list_view_10k(bencher: Bencher, order: &str) {
    let articles = articles();
    let order = match order {
        "outlet" => SortOrder::Outlet,
        "title" => SortOrder::Title,
        _ => SortOrder::Date,
    };
    bencher.bench(|| listing::view(articles, &Filter::default(), order, |_| false));
}

/// The list's view of the 10,000 articles narrowed to one outlet's unread articles.
#[divan::bench(sample_count = 10)]
fn list_view_filtered_10k(bencher: Bencher) {
    let articles = articles();
    let filter = Filter {
        outlets: vec![articles[0].meta.outlet.clone()],
        read: Some(ReadFilter::Unread),
        ..Filter::default()
    };
    bencher.bench(|| listing::view(articles, &filter, SortOrder::Date, |i| i % 3 == 0));
}
