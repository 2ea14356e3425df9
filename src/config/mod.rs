//! The configuration: defaults embedded in the binary (`default.toml`), the user's file
//! laid over them key by key. A bad file never stops readout: every problem is named
//! with file, line and column, and readout runs on the defaults. Plain data only — the
//! reader turns colours and keys into terminal terms.

mod keys;
mod parse;
mod render;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use keys::{ACTIONS, Key, KeyName, KeySeq, SCREENS, parse_seq};
use parse::{line_col, parse};

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
    /// What the embedded defaults (`default.toml`) say, written out: parsing them took
    /// the reader ~50 µs before its first frame on every start. The test
    /// `the_embedded_defaults_are_the_default` keeps the two the same.
    fn default() -> Self {
        Config {
            theme: ThemeName::Default,
            colors: BTreeMap::new(),
            measure: 76,
            margin_labels: true,
            list_width: None,
            outlets: Vec::new(),
            keys: Vec::new(),
        }
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
