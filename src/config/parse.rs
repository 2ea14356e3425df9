//! Reading a configuration file: every key optional, so that what is left out keeps its
//! default; spans kept, so that every problem says where it is; every problem
//! collected, not just the first.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::keys::{ACTIONS, KeySeq, SCREENS, parse_seq};
use super::{Binding, COLOR_NAMES, ColorSpec, Config, ConfigError, PARTS, ThemeName};

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

// The file as written: every key optional, so that what is left out keeps its default,
// and spans kept, so every problem can say where it is.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    theme: Option<FileTheme>,
    reading: Option<FileReading>,
    compare: Option<FileCompare>,
    keys: Option<BTreeMap<Spanned<String>, FileKeys>>,
}

/// One screen's `[keys.SCREEN]` table: action = key or keys.
type FileKeys = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileTheme {
    name: Option<Spanned<String>>,
    colors: Option<BTreeMap<Spanned<String>, Spanned<ColorValue>>>,
}

/// A colour as written: a string or an integer, told apart after parsing so that any
/// other type gets a message about colours, not about serde.
type ColorValue = toml::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReading {
    measure: Option<Spanned<i64>>,
    margin_labels: Option<bool>,
    list_width: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCompare {
    outlets: Option<Vec<String>>,
}

/// Parses `text` and lays it over `base` (or over nothing, for the defaults
/// themselves). Every problem is collected, not just the first.
pub(super) fn parse(
    text: &str,
    path: &str,
    base: Option<&Config>,
) -> Result<Config, Vec<ConfigError>> {
    let err = |span: Range<usize>, message: String| {
        let (line, col) = line_col(text, span.start);
        ConfigError {
            path: path.to_string(),
            line,
            col,
            // Messages can quote the file (a key's name): it must not drive the terminal.
            message: crate::text::sanitize::sanitize_line(&message).into_owned(),
        }
    };
    let file: FileConfig = toml::from_str(text).map_err(|e| {
        vec![err(
            e.span().unwrap_or(0..0),
            e.message().trim().replace('\n', " "),
        )]
    })?;
    let mut problems = Vec::new();
    let mut config = base.cloned().unwrap_or(Config {
        theme: ThemeName::Default,
        colors: BTreeMap::new(),
        measure: 76,
        margin_labels: true,
        list_width: None,
        outlets: Vec::new(),
        keys: Vec::new(),
    });
    if let Some(theme) = file.theme {
        if let Some(name) = theme.name {
            match name.get_ref().as_str() {
                "default" => config.theme = ThemeName::Default,
                "light" => config.theme = ThemeName::Light,
                "dark" => config.theme = ThemeName::Dark,
                other => problems.push(err(
                    name.span(),
                    format!("unknown theme {other:?}; the themes are default, light and dark"),
                )),
            }
        }
        for (part, value) in theme.colors.into_iter().flatten() {
            if !PARTS.contains(&part.get_ref().as_str()) {
                problems.push(err(
                    part.span(),
                    format!(
                        "unknown part {:?}; the parts are {}",
                        part.get_ref(),
                        PARTS.join(", ")
                    ),
                ));
                continue;
            }
            match color(value.get_ref()) {
                Ok(c) => {
                    config.colors.insert(part.into_inner(), c);
                }
                Err(message) => problems.push(err(value.span(), message)),
            }
        }
    }
    if let Some(reading) = file.reading {
        if let Some(m) = reading.measure {
            match u16::try_from(*m.get_ref()) {
                Ok(v) if (30..=200).contains(&v) => config.measure = v,
                _ => problems.push(err(
                    m.span(),
                    format!("measure {} is out of range: 30 to 200 columns", m.get_ref()),
                )),
            }
        }
        if let Some(labels) = reading.margin_labels {
            config.margin_labels = labels;
        }
        if let Some(w) = reading.list_width {
            match u16::try_from(*w.get_ref()) {
                Ok(0) => config.list_width = None,
                Ok(v) if (20..=120).contains(&v) => config.list_width = Some(v),
                _ => problems.push(err(
                    w.span(),
                    format!(
                        "list_width {} is out of range: 20 to 120 columns, or 0 to follow the window",
                        w.get_ref()
                    ),
                )),
            }
        }
    }
    if let Some(outlets) = file.compare.and_then(|c| c.outlets) {
        config.outlets = outlets;
    }
    // In file order, so a conflict is reported at the later of the two bindings.
    let mut screens: Vec<_> = file.keys.into_iter().flatten().collect();
    screens.sort_by_key(|(screen, _)| screen.span().start);
    for (screen, actions) in screens {
        let mut actions: Vec<_> = actions.into_iter().collect();
        actions.sort_by_key(|(action, _)| action.span().start);
        if !SCREENS.contains(&screen.get_ref().as_str()) {
            problems.push(err(
                screen.span(),
                format!(
                    "unknown screen {:?}; the screens are {}",
                    screen.get_ref(),
                    SCREENS.join(", ")
                ),
            ));
            continue;
        }
        // Each key sequence of this screen, with the action and place that took it.
        let mut taken: Vec<(KeySeq, String, Range<usize>)> = Vec::new();
        for (action, value) in actions {
            if !ACTIONS.contains(&action.get_ref().as_str()) {
                problems.push(err(
                    action.span(),
                    format!(
                        "unknown action {:?}; the actions are {}",
                        action.get_ref(),
                        ACTIONS.join(", ")
                    ),
                ));
                continue;
            }
            let specs: Option<Vec<String>> = match value.get_ref() {
                toml::Value::String(s) => Some(vec![s.clone()]),
                toml::Value::Array(v) => v.iter().map(|k| k.as_str().map(String::from)).collect(),
                _ => None,
            };
            let Some(specs) = specs else {
                problems.push(err(
                    value.span(),
                    "keys are a string (\"j\", \"ctrl-d\", \"g g\") or a list of strings"
                        .to_string(),
                ));
                continue;
            };
            let mut seqs = Vec::new();
            for spec in &specs {
                match parse_seq(spec) {
                    Ok(seq) => {
                        let clash = taken.iter().find(|(other, _, _)| {
                            other.starts_with(&seq) || seq.starts_with(other)
                        });
                        if let Some((other, by, at)) = clash {
                            let (l, c) = line_col(text, at.start);
                            let how = if *other == seq {
                                "is already bound"
                            } else {
                                "overlaps a sequence bound"
                            };
                            problems.push(err(
                                value.span(),
                                format!(
                                    "key conflict on screen {}: {:?} {how} to {by} (line {l}, column {c})",
                                    screen.get_ref(),
                                    spec
                                ),
                            ));
                        } else {
                            taken.push((seq.clone(), action.get_ref().clone(), value.span()));
                            seqs.push(seq);
                        }
                    }
                    Err(message) => problems.push(err(value.span(), message)),
                }
            }
            config
                .keys
                .retain(|b| !(b.screen == *screen.get_ref() && b.action == *action.get_ref()));
            config.keys.push(Binding {
                screen: screen.get_ref().clone(),
                action: action.get_ref().clone(),
                keys: seqs,
            });
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|p| (p.line, p.col));
        Err(problems)
    }
}

/// A colour value: a name, a palette index or `#rrggbb`.
fn color(value: &ColorValue) -> Result<ColorSpec, String> {
    match value {
        toml::Value::Integer(n) => u8::try_from(*n)
            .map(ColorSpec::Indexed)
            .map_err(|_| format!("colour index {n} is out of range: 0 to 255")),
        other @ (toml::Value::Float(_)
        | toml::Value::Boolean(_)
        | toml::Value::Datetime(_)
        | toml::Value::Array(_)
        | toml::Value::Table(_)) => Err(format!(
            "a colour is a name, an index 0-255 or \"#rrggbb\", not a {}",
            other.type_str()
        )),
        toml::Value::String(s) => {
            let name = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
            if let Some(hex) = name.strip_prefix('#') {
                let byte = |i: usize| {
                    hex.get(i..i + 2)
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                };
                return match (hex.len(), byte(0), byte(2), byte(4)) {
                    (6, Some(r), Some(g), Some(b)) => Ok(ColorSpec::Rgb(r, g, b)),
                    _ => Err(format!(
                        "{s:?} is not a colour: write #rrggbb, six hex digits"
                    )),
                };
            }
            let name = match name.as_str() {
                "grey" => "gray",
                "dark-grey" => "dark-gray",
                other => other,
            };
            COLOR_NAMES
                .iter()
                .position(|n| *n == name)
                .map(ColorSpec::Named)
                .ok_or_else(|| {
                    format!(
                        "unknown colour {s:?}; use a name ({}), 0-255 or #rrggbb",
                        COLOR_NAMES.join(", ")
                    )
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULTS;

    fn problems(text: &str) -> Vec<String> {
        match parse(text, "c.toml", Some(&Config::default())) {
            Ok(_) => Vec::new(),
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_embedded_defaults_parse() {
        let c = parse(DEFAULTS, "(defaults)", None).expect("defaults are valid");
        assert_eq!(c.measure, 76);
        assert_eq!(c.theme, ThemeName::Default);
    }

    #[test]
    fn the_embedded_defaults_are_the_default() {
        let c = parse(DEFAULTS, "(defaults)", None).expect("defaults are valid");
        assert_eq!(c, Config::default());
    }

    #[test]
    fn a_file_is_laid_over_the_defaults_key_by_key() {
        let c = parse(
            "[reading]\nmeasure = 60\n",
            "c.toml",
            Some(&Config::default()),
        )
        .expect("valid");
        assert_eq!(c.measure, 60);
        assert!(c.margin_labels, "an untouched key keeps its default");
    }

    #[test]
    fn colours_by_name_index_and_rgb() {
        let c = parse(
            "[theme.colors]\nheading = \"Light_Blue\"\nquote = 208\nkey = \"#FF8000\"\n",
            "c.toml",
            Some(&Config::default()),
        )
        .expect("valid");
        assert_eq!(c.colors["heading"], ColorSpec::Named(12));
        assert_eq!(c.colors["quote"], ColorSpec::Indexed(208));
        assert_eq!(c.colors["key"], ColorSpec::Rgb(255, 128, 0));
    }

    #[test]
    fn every_problem_is_placed_and_all_are_collected() {
        let p = problems("[reading]\nmeasure = 5\nlist_width = 500\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with("c.toml:2:11: measure 5 is out of range"),
            "{p:?}"
        );
        assert!(p[1].starts_with("c.toml:3:14: list_width 500"), "{p:?}");
    }

    #[test]
    fn a_message_quoting_the_file_cannot_drive_the_terminal() {
        let p = problems("[reading]\n\"\\u001b]0;pwned\\u0007\" = 1\n");
        assert_eq!(p.len(), 1);
        assert!(
            p[0].contains("unknown field") && !p[0].contains('\x1b'),
            "{p:?}"
        );
    }

    #[test]
    fn a_prefix_of_a_sequence_is_a_conflict() {
        let p = problems("[keys.reader]\ntop = \"g g\"\nzoom = \"g\"\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].contains("overlaps a sequence bound to top (line 2, column 7)"),
            "{p:?}"
        );
    }
}
