//! Label widths and wrapping. Widths are estimates (the page's fonts are not known here):
//! CJK and full-width characters take one em, Latin characters about 0.6 em.

/// Estimated width of `c` at font size `font` (px).
pub fn char_width(c: char, font: f64) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        font
    } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
        0.72 * font
    } else if matches!(
        c,
        'i' | 'l' | 'j' | '.' | ',' | ' ' | '\'' | '|' | '!' | ':'
    ) {
        0.32 * font
    } else {
        0.58 * font
    }
}

/// Estimated width of a line of text.
pub fn text_width(s: &str, font: f64) -> f64 {
    s.chars().map(|c| char_width(c, font)).sum()
}

/// Splits text into the pieces a line may break between: each wide character alone, and
/// Latin words with the spaces after them.
fn tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if char_width(c, 1.0) >= 1.0 {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' || c == '-' || c == '/' {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Wraps `s` into lines no wider than `max_width` where possible (a single character wider
/// than the line still gets a line of its own). Never returns an empty list.
pub fn wrap(s: &str, max_width: f64, font: f64) -> Vec<String> {
    // Most labels fit on one line.
    if text_width(s, font) <= max_width && !s.starts_with(' ') && !s.ends_with(' ') {
        return vec![s.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for tok in tokens(s) {
        let candidate = format!("{line}{tok}");
        if text_width(candidate.trim_end(), font) <= max_width || line.trim().is_empty() {
            line = candidate;
            // A word longer than a whole line is broken between characters.
            if text_width(line.trim_end(), font) > max_width && line.chars().count() > 1 {
                let mut part = String::new();
                for c in line.chars() {
                    if !part.is_empty() && text_width(&format!("{part}{c}"), font) > max_width {
                        lines.push(std::mem::take(&mut part));
                    }
                    part.push(c);
                }
                line = part;
            }
        } else {
            lines.push(line.trim_end().to_string());
            line = tok.trim_start().to_string();
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_between_characters() {
        let lines = wrap("法制综合与行政管理部门", 52.0, 13.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(text_width(l, 13.0) <= 52.0, "{l}");
        }
        assert_eq!(lines.concat(), "法制综合与行政管理部门");
    }

    #[test]
    fn latin_breaks_between_words() {
        let lines = wrap("Legal affairs and general administration", 120.0, 13.0);
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(text_width(l, 13.0) <= 120.0, "{l}");
            assert!(!l.starts_with(' ') && !l.ends_with(' '));
        }
        assert_eq!(lines.join(" "), "Legal affairs and general administration");
    }

    #[test]
    fn long_words_and_empty_text() {
        let lines = wrap("Supercalifragilisticexpialidocious", 60.0, 13.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(text_width(l, 13.0) <= 60.0 || l.chars().count() == 1);
        }
        assert_eq!(wrap("", 60.0, 13.0), vec![String::new()]);
    }
}
