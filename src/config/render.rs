//! `readout config`: the embedded defaults' text, comments and all, with the values in
//! effect written in, so the output is itself a valid configuration file.

use std::fmt::Write as _;

use super::{Config, DEFAULTS};

/// The effective configuration as a commented TOML file.
pub fn commented(config: &Config) -> String {
    let mut out = String::new();
    let mut section = String::new();
    for line in DEFAULTS.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.trim_matches(['[', ']']).to_string();
            out.push_str(line);
            out.push('\n');
            // Tables whose entries are the user's own come right after their header.
            if section == "theme.colors" {
                for (part, c) in &config.colors {
                    let _ = writeln!(out, "{part} = {c}");
                }
            } else if let Some(screen) = section.strip_prefix("keys.") {
                for b in config.keys.iter().filter(|b| b.screen == screen) {
                    let keys: Vec<String> = b
                        .keys
                        .iter()
                        .map(|seq| {
                            let words: Vec<String> = seq.iter().map(ToString::to_string).collect();
                            toml_string(&words.join(" "))
                        })
                        .collect();
                    let _ = writeln!(out, "{} = [{}]", b.action, keys.join(", "));
                }
            }
            continue;
        }
        let key = trimmed.split('=').next().map(str::trim).unwrap_or("");
        let value = match (section.as_str(), key) {
            _ if trimmed.starts_with('#') || !trimmed.contains('=') => None,
            ("theme", "name") => Some(toml_string(config.theme.as_str())),
            ("reading", "measure") => Some(config.measure.to_string()),
            ("reading", "margin_labels") => Some(config.margin_labels.to_string()),
            ("reading", "list_width") => Some(config.list_width.unwrap_or(0).to_string()),
            ("compare", "outlets") => Some(format!(
                "[{}]",
                config
                    .outlets
                    .iter()
                    .map(|o| toml_string(o))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => None,
        };
        match value {
            Some(v) => {
                let _ = writeln!(out, "{key} = {v}");
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// A TOML basic string: JSON's string escapes are all valid TOML.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}
