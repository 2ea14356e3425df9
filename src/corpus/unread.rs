//! The bundled corpus read in two steps, for the reader's first frame: every article's
//! front matter and the timeline first (the list, and the margin the widest event label
//! sets), each body only when it is asked for. Once every body is read the corpus is
//! the one [`Corpus::load`] gives.

use super::article::{parse_blocks, parse_front};
use super::{Corpus, bundled, is_timeline};
use crate::timeline;

/// Article bodies not parsed yet, by the article's file.
#[derive(Debug, Default)]
pub struct Unread {
    bodies: Vec<UnreadBody>,
}

#[derive(Debug)]
struct UnreadBody {
    /// The article's `path`, which names it in the corpus whatever its place there.
    path: String,
    /// The text after the front matter.
    text: &'static str,
    /// The file's line the body starts on, for messages.
    line: usize,
}

impl Corpus {
    /// The bundled corpus as [`Corpus::load`] gives it, in the same order and with the
    /// same problems, but with every article's body left unread (its `blocks` empty):
    /// read them with [`Unread::read`] and [`Unread::read_all`]. Hand-set markers are
    /// checked against the timeline once the bodies holding them are read.
    pub fn load_bundled_fronts() -> (Corpus, Unread) {
        let mut corpus = Corpus::default();
        let mut unread = Unread::default();
        for (name, bytes) in bundled::BUNDLED {
            let path = format!("articles/{name}");
            if is_timeline(&path) {
                corpus.set_timeline(timeline::parse_timeline(&path, bytes));
                continue;
            }
            let parsed = parse_front(&path, bytes).map(|(article, text, line)| {
                unread.bodies.push(UnreadBody {
                    path: path.clone(),
                    text,
                    line,
                });
                article
            });
            corpus.absorb(&path, parsed);
        }
        corpus.finish();
        (corpus, unread)
    }
}

impl Unread {
    /// True once every body has been read.
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
    }

    /// True if article `a`'s body is still unread.
    pub fn holds(&self, corpus: &Corpus, a: usize) -> bool {
        corpus
            .articles
            .get(a)
            .is_some_and(|article| self.bodies.iter().any(|b| b.path == article.path))
    }

    /// Reads article `a`'s body into `corpus`, if it is still unread.
    pub fn read(&mut self, corpus: &mut Corpus, a: usize) {
        let Some(article) = corpus.articles.get_mut(a) else {
            return;
        };
        let Some(k) = self.bodies.iter().position(|b| b.path == article.path) else {
            return;
        };
        let body = self.bodies.swap_remove(k);
        match parse_blocks(&body.path, body.text, body.line) {
            Ok(blocks) => article.blocks = blocks,
            // Never for the bundled articles (a test reads them all), but the article
            // already has its place in the list: it stays there, saying why it is empty.
            Err(why) => {
                *article = article.unreadable(&why);
                corpus.problems.push(why);
            }
        }
    }

    /// Reads every body still unread into `corpus`, then checks the hand-set markers
    /// against the timeline: the corpus is then what [`Corpus::load`] gives.
    pub fn read_all(mut self, corpus: &mut Corpus) {
        for a in 0..corpus.articles.len() {
            if self.is_empty() {
                break;
            }
            self.read(corpus, a);
        }
        corpus.check_markers();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn same(a: &Corpus, b: &Corpus) {
        assert_eq!(a.articles, b.articles);
        assert_eq!(a.timeline, b.timeline);
        assert_eq!(a.problems, b.problems);
        assert_eq!(a.skipped, b.skipped);
    }

    #[test]
    fn read_in_two_steps_the_bundled_corpus_is_the_one_loaded_at_once() {
        let whole = Corpus::load(&Source::Bundled);
        let (mut corpus, unread) = Corpus::load_bundled_fronts();
        assert_eq!(corpus.articles.len(), whole.articles.len());
        for (front, article) in corpus.articles.iter().zip(&whole.articles) {
            assert_eq!(front.meta, article.meta);
            assert_eq!(front.path, article.path);
            assert!(front.blocks.is_empty());
        }
        assert!(!unread.is_empty());
        unread.read_all(&mut corpus);
        same(&corpus, &whole);
    }

    #[test]
    fn one_body_read_first_then_the_rest() {
        let whole = Corpus::load(&Source::Bundled);
        let (mut corpus, mut unread) = Corpus::load_bundled_fronts();
        let last = corpus.articles.len() - 1;
        assert!(unread.holds(&corpus, last));
        unread.read(&mut corpus, last);
        assert!(!unread.holds(&corpus, last));
        assert_eq!(corpus.articles[last], whole.articles[last]);
        assert!(corpus.articles[0].blocks.is_empty());
        // Reading it again changes nothing.
        unread.read(&mut corpus, last);
        unread.read_all(&mut corpus);
        same(&corpus, &whole);
    }
}
