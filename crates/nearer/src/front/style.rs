//! Colour that respects `NO_COLOR`, `--color` and whether stdout is a terminal; word wrapping.

use std::io::IsTerminal;

/// The `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Text styling for the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Decides whether to colour.
    pub fn detect(choice: ColorChoice) -> Self {
        let on = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Style { on }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Bold.
    pub fn strong(self, text: &str) -> String {
        self.paint("1", text)
    }
    /// Dim, for secondary text.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
    /// Cyan, for prompts.
    pub fn prompt(self, text: &str) -> String {
        self.paint("36", text)
    }
    /// Yellow, for warnings.
    pub fn warn(self, text: &str) -> String {
        self.paint("33", text)
    }
    /// Green, for hints.
    pub fn hint(self, text: &str) -> String {
        self.paint("32", text)
    }
    /// Red, for errors.
    pub fn error(self, text: &str) -> String {
        self.paint("31", text)
    }
}

/// Wraps `text` at `width` columns, keeping its own line breaks, indenting every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for (i, para) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > width {
                out.push_str(indent);
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(indent);
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_at_the_width_and_keeps_breaks() {
        assert_eq!(
            super::wrap("one two three four\nfive", 10, "  "),
            "  one two\n  three\n  four\n  five"
        );
    }
}
