//! Alignment time grows linearly with a paragraph's length, and a paragraph beyond what
//! the aligner reads costs no more than one at that bound. Measured as ratios of times
//! on the same machine in the same run, never as absolute times: a quadratic aligner
//! takes about 16 times as long on a paragraph 4 times as long, a linear one about 4.

use std::time::{Duration, Instant};

use readout::align::{Aligner, MAX_ALIGNED_BYTES, Mode};
use readout::corpus::{Corpus, Source, parse_article};

/// An article whose one paragraph is `bytes` long, thick with dates and cues: the
/// shape that made alignment quadratic.
fn article(bytes: usize) -> readout::corpus::Article {
    let sentence = "On January 10 in Geneva and on 12 January in Brussels, Ryabkov met Sherman; \
                    talks on Wednesday, 13 January, in Vienna. ";
    let body = sentence.repeat(bytes / sentence.len() + 1);
    let text = format!(
        "+++\nid = \"dates\"\ntitle = \"Dates\"\noutlet = \"Test\"\ncountry = \"Nowhere\"\n\
         author = \"A. Writer\"\npublished = 2022-01-14\nkind = \"news\"\nlanguage = \"en\"\n+++\n\n{}\n",
        &body[..bytes]
    );
    parse_article("dates.md", text.as_bytes()).expect("the article parses")
}

/// The best of a few timings of aligning `a`, to be robust to a busy machine.
fn time(aligner: &Aligner, a: &readout::corpus::Article) -> Duration {
    let articles = std::slice::from_ref(a);
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let out = aligner.align(articles, Mode::Auto);
            assert_eq!(out.articles.len(), 1);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn aligner() -> Aligner {
    let corpus = Corpus::load(&Source::Bundled);
    Aligner::new(corpus.timeline.as_ref().expect("bundled timeline"))
}

/// One test, so the two measurements never run at the same time as each other.
#[test]
fn alignment_is_linear_in_paragraph_length_and_bounded() {
    linear_in_paragraph_length();
    bounded_beyond_the_limit();
}

fn linear_in_paragraph_length() {
    let aligner = aligner();
    let small = article(MAX_ALIGNED_BYTES / 16);
    let large = article(MAX_ALIGNED_BYTES / 4);
    // Warm up caches and the allocator.
    time(&aligner, &small);
    let ratio = time(&aligner, &large).as_secs_f64() / time(&aligner, &small).as_secs_f64();
    println!("4x the paragraph: {ratio:.2}x the time");
    assert!(
        ratio < 10.0,
        "4x the paragraph took {ratio:.1}x the time: growth is worse than linear"
    );
}

fn bounded_beyond_the_limit() {
    let aligner = aligner();
    let bound = article(MAX_ALIGNED_BYTES);
    let huge = article(4 * 1024 * 1024 - 1024);
    time(&aligner, &bound);
    let ratio = time(&aligner, &huge).as_secs_f64() / time(&aligner, &bound).as_secs_f64();
    println!("64x the bound: {ratio:.2}x the time");
    assert!(
        ratio < 4.0,
        "a 4 MiB paragraph took {ratio:.1}x the time of one at the bound"
    );
}
