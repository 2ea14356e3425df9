//! The configuration: defaults embedded in the binary (`default.toml`), the user's file
//! laid over them key by key. A bad file never stops readout: every problem is named
//! with file, line and column, and readout runs on the defaults. Plain data only — the
//! reader turns colours and keys into terminal terms.

mod keys;
mod render;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub use keys::{ACTIONS, Key, KeyName, KeySeq, SCREENS, parse_seq};

/// The environment variable naming a configuration file, as `--config` does.
pub const CONFIG_ENV: &str = "READOUT_CONFIG";

/// The defaults, commented; also the template `readout config` fills in.
pub const DEFAULTS: &str = include_str!("default.toml");

/// The larger a config file may be: far above any real one.
const MAX_BYTES: u64 = 1024 * 1024;

/// A colour scheme to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// The terminal's own 16 colours.
    #[default]
    Default,
    /// For light backgrounds.
    Light,
    /// For dark backgrounds.
    Dark,
}

impl ThemeName {
    /// Its name in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
        }
    }
}

/// The parts of the interface a colour can be given to.
pub const PARTS: &[&str] = &[
    "border",
    "focused-border",
    "heading",
    "quote",
    "dim",
    "key",
    "warning",
    "event",
    "match",
];

/// The named colours of the 16-colour palette.
pub const COLOR_NAMES: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
    "reset",
];

/// A colour as the user wrote it, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSpec {
    /// One of [`COLOR_NAMES`], by its index there.
    Named(usize),
    /// An index of the 256-colour palette.
    Indexed(u8),
    /// True colour.
    Rgb(u8, u8, u8),
}

impl fmt::Display for ColorSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColorSpec::Named(i) => write!(f, "\"{}\"", COLOR_NAMES.get(*i).unwrap_or(&"reset")),
            ColorSpec::Indexed(n) => write!(f, "{n}"),
            ColorSpec::Rgb(r, g, b) => write!(f, "\"#{r:02x}{g:02x}{b:02x}\""),
        }
    }
}

/// One screen's binding of an action to keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// One of [`SCREENS`].
    pub screen: String,
    /// One of [`ACTIONS`].
    pub action: String,
    /// The keys, each a key or a sequence.
    pub keys: Vec<KeySeq>,
}

/// The effective configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The colour scheme.
    pub theme: ThemeName,
    /// The user's colours by part (one of [`PARTS`]).
    pub colors: BTreeMap<String, ColorSpec>,
    /// The widest the reading column gets.
    pub measure: u16,
    /// Event labels in the reader's margin.
    pub margin_labels: bool,
    /// Width of the article list; `None` follows the window.
    pub list_width: Option<u16>,
    /// Outlets the comparison shows first.
    pub outlets: Vec<String>,
    /// Keys the user rebound, screen by screen.
    pub keys: Vec<Binding>,
}

/// A problem in a configuration file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as named.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

/// A configuration as loaded: what is in effect and what was wrong with the file.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// In effect: the defaults if the file had any problem.
    pub config: Config,
    /// The file that was read, if any.
    pub path: Option<PathBuf>,
    /// Every problem found; non-empty means the defaults are in effect.
    pub problems: Vec<ConfigError>,
}

impl Loaded {
    /// One line a status bar can show, when there were problems.
    pub fn summary(&self) -> Option<String> {
        let first = self.problems.first()?;
        let more = match self.problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; `readout config` lists them)", n - 1),
        };
        Some(format!(
            "{first}{more}; running on the default configuration"
        ))
    }

    /// Says every problem on stderr, and that the defaults are in effect.
    pub fn report_problems(&self) {
        for p in &self.problems {
            eprintln!("readout: {p}");
        }
        if !self.problems.is_empty() {
            eprintln!("readout: running on the default configuration");
        }
    }
}

/// Where the configuration is looked for when none is named:
/// `$XDG_CONFIG_HOME/readout/config.toml` (else `~/.config/readout/config.toml`).
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("readout").join("config.toml"))
}

impl Default for Config {
    fn default() -> Self {
        // The embedded defaults are checked by a test; should they ever fail, the
        // built-in values below still give a working reader.
        parse(DEFAULTS, "(defaults)", None).unwrap_or(Config {
            theme: ThemeName::Default,
            colors: BTreeMap::new(),
            measure: 76,
            margin_labels: true,
            list_width: None,
            outlets: Vec::new(),
            keys: Vec::new(),
        })
    }
}

impl Config {
    /// Loads the configuration from `explicit` (`--config` or `READOUT_CONFIG`), else
    /// from [`default_path`] if it exists. Never fails: problems come back with the
    /// defaults. A file named explicitly must exist; the default one need not.
    pub fn load(explicit: Option<&Path>) -> Loaded {
        let defaults = Config::default();
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.exists() => p,
                _ => {
                    return Loaded {
                        config: defaults,
                        path: None,
                        problems: Vec::new(),
                    };
                }
            },
        };
        let shown = crate::text::sanitize::sanitize_line(&path.display().to_string()).into_owned();
        let at_start = |message: String| ConfigError {
            path: shown.clone(),
            line: 1,
            col: 1,
            message,
        };
        let problems = match read(&path) {
            Err(message) => vec![at_start(message)],
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Err(e) => {
                    let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
                    let (line, col) = line_col(good, good.len());
                    vec![ConfigError {
                        path: shown.clone(),
                        line,
                        col,
                        message: "not valid UTF-8".to_string(),
                    }]
                }
                Ok(text) => match parse(text, &shown, Some(&defaults)) {
                    Ok(config) => {
                        return Loaded {
                            config,
                            path: Some(path),
                            problems: Vec::new(),
                        };
                    }
                    Err(problems) => problems,
                },
            },
        };
        Loaded {
            config: defaults,
            path: Some(path),
            problems,
        }
    }

    /// The configuration as a commented file, ready to copy: the defaults' comments
    /// with the values in effect.
    pub fn commented(&self) -> String {
        render::commented(self)
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if meta.is_dir() {
        return Err("is a directory, not a configuration file".to_string());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "is {} bytes; a configuration file is at most 1 MiB",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
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
fn parse(text: &str, path: &str, base: Option<&Config>) -> Result<Config, Vec<ConfigError>> {
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
