//! The filter menu's state: one row per field of the list's filter (outlet, country,
//! kind, from, to, read), each stepping through the values the corpus has, so every
//! choice is valid and nothing has to be typed. The list follows each change at once.

use jiff::civil::Date;

use crate::corpus::{Article, Kind};
use crate::listing::{self, Filter, ReadFilter};

/// A field of the filter: one row of the menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The outlet.
    Outlet,
    /// The outlet's country.
    Country,
    /// The kind of writing.
    Kind,
    /// Published on or after.
    From,
    /// Published on or before.
    To,
    /// Read or unread.
    Read,
}

impl Field {
    /// Every field, in the menu's order.
    pub const ALL: [Field; 6] = [
        Field::Outlet,
        Field::Country,
        Field::Kind,
        Field::From,
        Field::To,
        Field::Read,
    ];

    /// Its name in the menu.
    pub fn name(self) -> &'static str {
        match self {
            Field::Outlet => "outlet",
            Field::Country => "country",
            Field::Kind => "kind",
            Field::From => "from",
            Field::To => "to",
            Field::Read => "read",
        }
    }
}

/// The open filter menu.
#[derive(Debug, Clone)]
pub struct FilterMenu {
    row: usize,
    outlets: Vec<String>,
    countries: Vec<String>,
    kinds: Vec<Kind>,
    dates: Vec<Date>,
    before: Filter,
    keep: Option<String>,
}

impl FilterMenu {
    /// A menu over the values `articles` have, opened while `before` was the filter and
    /// article `keep` (an id) was open.
    pub fn new(articles: &[Article], before: Filter, keep: Option<String>) -> FilterMenu {
        let mut kinds: Vec<Kind> = articles.iter().map(|a| a.meta.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut dates: Vec<Date> = articles.iter().map(|a| a.meta.published).collect();
        dates.sort();
        dates.dedup();
        FilterMenu {
            row: 0,
            outlets: listing::choices(articles, |a| &a.meta.outlet),
            countries: listing::choices(articles, |a| &a.meta.country),
            kinds,
            dates,
            before,
            keep,
        }
    }

    /// The row with focus.
    pub fn row(&self) -> usize {
        self.row
    }
    /// The field with focus.
    pub fn field(&self) -> Field {
        Field::ALL[self.row.min(Field::ALL.len() - 1)]
    }
    /// The filter as it was when the menu opened, for cancelling.
    pub fn before(&self) -> &Filter {
        &self.before
    }
    /// The article open when the menu opened: kept selected whenever the list shows it,
    /// so stepping through values and back returns to it.
    pub fn keep(&self) -> Option<&str> {
        self.keep.as_deref()
    }

    /// Focus the next (or previous) row, stopping at the ends.
    pub fn move_row(&mut self, down: bool) {
        self.row = if down {
            (self.row + 1).min(Field::ALL.len() - 1)
        } else {
            self.row.saturating_sub(1)
        };
    }

    /// Focus row `row` (the last if past it).
    pub fn to_row(&mut self, row: usize) {
        self.row = row.min(Field::ALL.len() - 1);
    }

    /// Sets the focused field of `filter` to its next (or previous) value; "any" comes
    /// before the first value and after the last.
    pub fn step(&self, filter: &mut Filter, forward: bool) {
        match self.field() {
            Field::Outlet => {
                filter.outlets = cycle(&self.outlets, filter.outlets.first(), forward)
                    .into_iter()
                    .collect();
            }
            Field::Country => {
                filter.countries = cycle(&self.countries, filter.countries.first(), forward)
                    .into_iter()
                    .collect();
            }
            Field::Kind => {
                filter.kinds = cycle(&self.kinds, filter.kinds.first(), forward)
                    .into_iter()
                    .collect();
            }
            Field::From => filter.from = cycle(&self.dates, filter.from.as_ref(), forward),
            Field::To => filter.to = cycle(&self.dates, filter.to.as_ref(), forward),
            Field::Read => {
                let values = [ReadFilter::Unread, ReadFilter::Read];
                filter.read = cycle(&values, filter.read.as_ref(), forward);
            }
        }
    }
}

/// What `field` of `filter` is set to, in words: "any" when it is not set.
pub fn value(filter: &Filter, field: Field) -> String {
    let any = || "any".to_string();
    let list = |v: Vec<String>| if v.is_empty() { any() } else { v.join(", ") };
    match field {
        Field::Outlet => list(filter.outlets.clone()),
        Field::Country => list(filter.countries.clone()),
        Field::Kind => list(filter.kinds.iter().map(|k| k.to_string()).collect()),
        Field::From => filter.from.map_or_else(any, |d| d.to_string()),
        Field::To => filter.to.map_or_else(any, |d| d.to_string()),
        Field::Read => match filter.read {
            None => any(),
            Some(ReadFilter::Unread) => "unread".to_string(),
            Some(ReadFilter::Read) => "read".to_string(),
        },
    }
}

/// The value after (or before) `current` in `values`, `None` standing for "any" at
/// both ends. A value the corpus no longer has counts as "any".
fn cycle<T: Clone + PartialEq>(values: &[T], current: Option<&T>, forward: bool) -> Option<T> {
    let slots = values.len() + 1;
    let at = current
        .and_then(|c| values.iter().position(|v| v == c))
        .map_or(0, |i| i + 1);
    let next = if forward {
        (at + 1) % slots
    } else {
        (at + slots - 1) % slots
    };
    next.checked_sub(1).map(|i| values[i].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cycle_through_any_at_both_ends() {
        let v = ["a", "b"];
        assert_eq!(cycle(&v, None, true), Some("a"));
        assert_eq!(cycle(&v, Some(&"a"), true), Some("b"));
        assert_eq!(cycle(&v, Some(&"b"), true), None);
        assert_eq!(cycle(&v, None, false), Some("b"));
        assert_eq!(cycle(&v, Some(&"a"), false), None);
        assert_eq!(cycle(&v, Some(&"gone"), true), Some("a"));
        assert_eq!(cycle::<&str>(&[], None, true), None);
    }

    #[test]
    fn a_field_reads_any_until_set() {
        let mut f = Filter::default();
        assert_eq!(value(&f, Field::Outlet), "any");
        f.read = Some(ReadFilter::Unread);
        f.from = Some(jiff::civil::date(2022, 1, 10));
        assert_eq!(value(&f, Field::Read), "unread");
        assert_eq!(value(&f, Field::From), "2022-01-10");
    }
}
