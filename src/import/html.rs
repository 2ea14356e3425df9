//! Importing a saved web page: decoded by its charset, the article body found by
//! dom_smoothie (a port of Mozilla's Readability: navigation, ads, banners, share
//! buttons, "related" lists and comments dropped), then shaped into headings,
//! paragraphs, list items, quotations and captions; the front matter read from the
//! page's JSON-LD, Open Graph and `<meta>` tags, canonical link and `<html lang>`.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::charset;
use super::{Draft, Piece, date_in_url, leading_date, squeeze};
use crate::text::sanitize::sanitize_line;

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoArticle(pub String);

impl std::fmt::Display for NoArticle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoArticle {}

/// Reads a saved page.
pub fn from_html(bytes: &[u8]) -> Result<Draft, NoArticle> {
    let decoded = charset::decode(bytes);
    let mut draft = Draft::default();
    if let Some(note) = decoded.unsure {
        draft.unsure.push(note);
    }
    let page = Document::from(decoded.text.as_ref());
    let head = HeadFacts::read(&page);
    // Readability drops most clutter by scoring; ad slots and consent banners inside the
    // article column score like text, so they go first, by the names sites give them.
    page.select(CLUTTER).remove();

    let config = Config {
        // Dom_smoothie strips every class; none of ours matter after extraction.
        ..Config::default()
    };
    let mut readability = Readability::with_document(page, None, Some(config))
        .map_err(|e| NoArticle(format!("cannot read the page: {e}")))?;
    let ld_title = readability
        .parse_json_ld()
        .map(|m| m.title)
        .filter(|t| !t.trim().is_empty());
    let article = readability
        .parse()
        .map_err(|e| NoArticle(format!("no article text found in the page ({e})")))?;

    let fields = &mut draft.fields;
    let title = clean(&article.title);
    if !title.is_empty() {
        if ld_title.is_none() && !head.og_title {
            draft.unsure.push("title taken from <title>".to_string());
        }
        fields.title = Some(title);
    }
    fields.author = article
        .byline
        .as_deref()
        .map(clean)
        .map(|b| strip_by(&b).to_string())
        .filter(|b| !b.is_empty() && !b.starts_with("http"));
    fields.outlet = article
        .site_name
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty());
    fields.language = article
        .lang
        .as_deref()
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty());
    fields.url = head
        .canonical
        .clone()
        .or_else(|| article.url.clone())
        .filter(|u| u.starts_with("http"));
    fields.published = article.published_time.as_deref().and_then(leading_date);
    if fields.published.is_none() {
        if let Some(d) = head.time_element {
            fields.published = Some(d);
            draft
                .unsure
                .push(format!("published {d} taken from a <time> element"));
        } else if let Some(d) = fields.url.as_deref().and_then(date_in_url) {
            fields.published = Some(d);
            draft
                .unsure
                .push(format!("published {d} taken from the URL"));
        }
    }

    let content = Document::from(article.content.as_ref());
    let mut shaper = Shaper::default();
    shaper.walk(&content.root());
    shaper.flush();
    let mut body = shaper.pieces;
    // Readability sometimes keeps the headline or the byline as the first block.
    while let Some(first) = body.first() {
        let t = first.text();
        let is_title = fields.title.as_deref().is_some_and(|title| t == title);
        let is_byline = fields
            .author
            .as_deref()
            .is_some_and(|a| strip_by(t) == a && t.len() <= a.len() + 4);
        if is_title || is_byline {
            body.remove(0);
        } else {
            break;
        }
    }
    if body.is_empty() {
        return Err(NoArticle("no article text found in the page".to_string()));
    }
    draft.body = body;
    Ok(draft)
}

/// What the page's `<head>` says that dom_smoothie does not report.
#[derive(Debug, Default)]
struct HeadFacts {
    /// `<link rel=canonical>`, else `og:url`.
    canonical: Option<String>,
    og_title: bool,
    time_element: Option<jiff::civil::Date>,
}

impl HeadFacts {
    fn read(page: &Document) -> HeadFacts {
        let canonical = page
            .select("link[rel=canonical]")
            .attr("href")
            .or_else(|| page.select("meta[property='og:url']").attr("content"))
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty());
        let og_title = page
            .select("meta[property='og:title'], meta[name='twitter:title']")
            .exists();
        let time_element = page
            .select("time[datetime]")
            .nodes()
            .iter()
            .find_map(|n| n.attr("datetime").and_then(|d| leading_date(&d)));
        HeadFacts {
            canonical,
            og_title,
            time_element,
        }
    }
}

/// Sanitised, whitespace collapsed.
fn clean(text: &str) -> String {
    squeeze(&sanitize_line(text))
}

/// "By Anna Berg" → "Anna Berg".
fn strip_by(text: &str) -> &str {
    let t = text.trim();
    ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim()
}

/// Walks the extracted content, turning elements into pieces.
#[derive(Default)]
struct Shaper {
    pieces: Vec<Piece>,
    /// Text met outside any block element, waiting for the block to end.
    loose: String,
    /// Inside a `<blockquote>`.
    quote: usize,
}

/// Containers that are never the article, whatever their text: ad slots, consent and
/// cookie banners, newsletter and subscription boxes, share bars.
const CLUTTER: &str = "[class~=ad], [class~=ads], [class^='ad-'], [class*=' ad-'], [id^='ad-'], \
    [class*=advert], [id*=advert], [class*=sponsor], [class*=promo], [class*=newsletter], \
    [class*=cookie], [id*=cookie], [class*=consent], [id*=consent], [class*=paywall], \
    [class*=share-], [class*=social], [class*=related], [class*=comments], [id*=comments]";

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "button", "form", "nav", "iframe", "svg", "img",
    "picture", "video", "audio", "input", "select", "textarea",
];

/// Elements that hold blocks rather than text.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "body", "html", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "dl", "dt", "dd", "center", "hgroup", "details",
    "summary",
];

impl Shaper {
    fn walk(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.loose.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            match name.as_str() {
                n if SKIP.contains(&n) => {}
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    self.push(Piece::Heading(inline(&child)));
                }
                "p" | "pre" | "address" => {
                    self.flush();
                    let text = inline(&child);
                    self.push(if self.quote > 0 {
                        Piece::Quote(text)
                    } else {
                        Piece::Paragraph(text)
                    });
                }
                "ul" | "ol" => {
                    self.flush();
                    self.list(&child);
                }
                "blockquote" => {
                    self.flush();
                    self.quote += 1;
                    self.walk(&child);
                    self.flush();
                    self.quote -= 1;
                }
                "figure" => {
                    self.flush();
                    for caption in child.descendants_it().filter(|d| {
                        d.node_name()
                            .is_some_and(|n| n.eq_ignore_ascii_case("figcaption"))
                    }) {
                        self.push(Piece::Caption(inline(&caption)));
                    }
                }
                "figcaption" => {
                    self.flush();
                    self.push(Piece::Caption(inline(&child)));
                }
                "br" | "hr" => self.flush(),
                n if CONTAINERS.contains(&n) => {
                    self.flush();
                    self.walk(&child);
                    self.flush();
                }
                // Inline markup outside a paragraph: its text joins the loose text.
                _ => self.loose.push_str(&inline(&child)),
            }
        }
    }

    /// The items of a list; a nested list's items follow their parent's.
    fn list(&mut self, list: &NodeRef) {
        for li in list.element_children() {
            let is_item = li.node_name().is_some_and(|n| n.eq_ignore_ascii_case("li"));
            if !is_item {
                continue;
            }
            let own: String = li
                .children_it(false)
                .filter(|c| {
                    !c.node_name().is_some_and(|n| {
                        n.eq_ignore_ascii_case("ul") || n.eq_ignore_ascii_case("ol")
                    })
                })
                .map(|c| {
                    if c.is_text() {
                        c.text().to_string()
                    } else {
                        inline(&c) + " "
                    }
                })
                .collect();
            self.push(Piece::Item(clean(&own)));
            for nested in li.element_children().into_iter().filter(|c| {
                c.node_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("ul") || n.eq_ignore_ascii_case("ol"))
            }) {
                self.list(&nested);
            }
        }
    }

    /// Text met between blocks becomes a paragraph of its own.
    fn flush(&mut self) {
        let text = clean(&std::mem::take(&mut self.loose));
        if !text.is_empty() {
            self.push(if self.quote > 0 {
                Piece::Quote(text)
            } else {
                Piece::Paragraph(text)
            });
        }
    }

    fn push(&mut self, piece: Piece) {
        let text = clean(piece.text());
        if text.is_empty() {
            return;
        }
        self.pieces.push(match piece {
            Piece::Heading(_) => Piece::Heading(text),
            Piece::Paragraph(_) => Piece::Paragraph(text),
            Piece::Item(_) => Piece::Item(text),
            Piece::Quote(_) => Piece::Quote(text),
            Piece::Caption(_) => Piece::Caption(text),
        });
    }
}

/// The text of an element, a line break read as a space, skipped elements left out.
fn inline(node: &NodeRef) -> String {
    let mut out = String::new();
    collect(node, &mut out);
    clean(&out)
}

fn collect(node: &NodeRef, out: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&child.text());
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if name == "br" {
                out.push(' ');
            } else if !SKIP.contains(&name.as_str()) {
                collect(&child, out);
            }
        }
    }
}
