//! Turning a saved web page or a pasted text into an article in readout's format: the
//! body extracted and shaped into blocks, the front matter filled from what the page
//! says about itself, and a note wherever a value is a guess. Plain Rust over bytes; the
//! `import` command asks for what is missing and writes the files.

pub mod charset;
pub mod html;
pub mod render;
pub mod text;

use jiff::civil::Date;

use crate::corpus::Kind;

/// A block of an imported body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A heading inside the article.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A list item.
    Item(String),
    /// A paragraph of a block quotation.
    Quote(String),
    /// A photo caption.
    Caption(String),
}

impl Piece {
    /// The text of the block.
    pub fn text(&self) -> &str {
        match self {
            Piece::Heading(t)
            | Piece::Paragraph(t)
            | Piece::Item(t)
            | Piece::Quote(t)
            | Piece::Caption(t) => t,
        }
    }
}

/// Front matter as far as the source tells it; `None` where it does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// Slug.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication.
    pub outlet: Option<String>,
    /// Country of the outlet.
    pub country: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Kind of writing.
    pub kind: Option<Kind>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
}

impl Fields {
    /// Fills every field that `self` lacks from `other`.
    pub fn or(self, other: Fields) -> Fields {
        Fields {
            id: self.id.or(other.id),
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            country: self.country.or(other.country),
            author: self.author.or(other.author),
            published: self.published.or(other.published),
            kind: self.kind.or(other.kind),
            language: self.language.or(other.language),
            url: self.url.or(other.url),
        }
    }
}

/// What an import made of one source: the fields it found, the body, and where it
/// guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// Front matter found in the source.
    pub fields: Fields,
    /// The body, in reading order.
    pub body: Vec<Piece>,
    /// Where a value is a guess: "published 2022-01-10 taken from the URL".
    pub unsure: Vec<String>,
}

/// A slug from free text: lower-case ASCII letters and digits, words joined by hyphens,
/// at most `max` characters, cut at a word. Letters with diacritics lose them where
/// they decompose simply ("Avīze" → "avize"); other scripts are dropped.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = cyrillic(lower).map_or_else(|| ascii_fold(c).to_string(), str::to_string);
        for c in latin.chars() {
            if c.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(c.to_ascii_lowercase());
            } else if c != '\'' && c != '’' {
                gap = true;
            }
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').filter(|&i| i > 0).unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// A Cyrillic letter (lower case) in the Latin letters of a URL slug.
fn cyrillic(c: char) -> Option<&'static str> {
    const TABLE: [(char, &str); 37] = [
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "g"),
        ('ґ', "g"),
        ('д', "d"),
        ('е', "e"),
        ('ё', "e"),
        ('є', "ye"),
        ('ж', "zh"),
        ('з', "z"),
        ('и', "i"),
        ('і', "i"),
        ('ї', "yi"),
        ('й', "y"),
        ('к', "k"),
        ('л', "l"),
        ('м', "m"),
        ('н', "n"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('у', "u"),
        ('ф', "f"),
        ('х', "kh"),
        ('ц', "ts"),
        ('ч', "ch"),
        ('ш', "sh"),
        ('щ', "shch"),
        ('ъ', ""),
        ('ы', "y"),
        ('ь', ""),
        ('э', "e"),
        ('ю', "yu"),
        ('я', "ya"),
    ];
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// The base letter of the common Latin letters with diacritics, as slugs want them.
fn ascii_fold(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćčďđèéêëēėęěğģìíîïīįıķĺļľłñńņňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžÀÁÂÃÄÅĀĂĄÇĆČĎĐÈÉÊËĒĖĘĚĞĢÌÍÎÏĪĮİĶĹĻĽŁÑŃŅŇÒÓÔÕÖØŌŐŔŘŚŞŠŢŤÙÚÛÜŪŮŰŲÝŸŹŻŽ";
    const TO: &str = "aaaaaaaaacccddeeeeeeeeggiiiiiiikllllnnnnoooooooorrsssttuuuuuuuuyyzzzAAAAAAAAACCCDDEEEEEEEEGGIIIIIIIKLLLLNNNNOOOOOOOORRSSSTTUUUUUUUUYYZZZ";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Collapses runs of whitespace (newlines included) to one space and trims.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date at the start of `text`: `2022-01-10`, `2022-01-10T14:03:00Z`,
/// `2022/01/10`.
pub fn leading_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let head: String = t
        .chars()
        .take(10)
        .map(|c| if c == '/' { '-' } else { c })
        .collect();
    head.parse::<Date>().ok()
}

/// A date in a URL's path: `/2022/01/10/`, `/2022-01-10-`, `/20220110/`.
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let digits: Vec<&str> = path
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    for w in digits.windows(3) {
        if let (4, 2, 2) = (w[0].len(), w[1].len(), w[2].len())
            && let Ok(d) = format!("{}-{}-{}", w[0], w[1], w[2]).parse::<Date>()
        {
            return Some(d);
        }
    }
    digits
        .iter()
        .filter(|s| s.len() == 8)
        .find_map(|s| format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]).parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn slugs_are_ascii_words_cut_at_a_word() {
        assert_eq!(
            slug("Latvijas Avīze: Talks Unsuccessful!", 60),
            "latvijas-avize-talks-unsuccessful"
        );
        assert_eq!(slug("Russia’s “red lines”", 60), "russias-red-lines");
        assert_eq!(slug("A very long headline indeed", 12), "a-very-long");
        assert_eq!(slug("Переговоры в Женеве", 40), "peregovory-v-zheneve");
        assert_eq!(slug("日本語", 20), "");
    }

    #[test]
    fn dates_from_metadata_and_urls() {
        assert_eq!(
            leading_date("2022-01-10T14:03:00+01:00"),
            Some(date(2022, 1, 10))
        );
        assert_eq!(leading_date("2022/01/10"), Some(date(2022, 1, 10)));
        assert_eq!(leading_date("January 10"), None);
        assert_eq!(
            date_in_url("https://example.org/world/2022/01/12/nato-russia/?x=1"),
            Some(date(2022, 1, 12))
        );
        assert_eq!(
            date_in_url("https://example.org/20220113-osce.html"),
            Some(date(2022, 1, 13))
        );
        assert_eq!(date_in_url("https://example.org/story/123456"), None);
    }
}
