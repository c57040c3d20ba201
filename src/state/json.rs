//! A small JSON reader and writer for scenario files and saved scenarios (no serde: it would
//! cost more wasm than this whole file). The reader is total: any input gives a value or an
//! error with its position, within limits on size and depth.

use std::fmt::Write;

/// Inputs longer than this are refused before they are read.
pub const MAX_BYTES: usize = 2_000_000;
/// Arrays and objects nested deeper than this are refused.
pub const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Members in file order (a later duplicate key wins on lookup).
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// What kind of value this is, for messages ("a number", "an object").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Why a text is not JSON, and where (byte offset).
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub at: usize,
    pub what: &'static str,
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn err<T>(&self, what: &'static str) -> Result<T, JsonError> {
        Err(JsonError { at: self.i, what })
    }
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.b[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }
    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return self.err("nested too deeply");
        }
        self.ws();
        let Some(&c) = self.b.get(self.i) else {
            return self.err("unexpected end");
        };
        match c {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat(b"}") {
                    return Ok(Value::Object(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return self.err("expected a key in quotes");
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return self.err("expected ':'");
                    }
                    let v = self.value(depth + 1)?;
                    members.push((k, v));
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"}") {
                        return Ok(Value::Object(members));
                    }
                    return self.err("expected ',' or '}'");
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b"]") {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"]") {
                        return Ok(Value::Array(items));
                    }
                    return self.err("expected ',' or ']'");
                }
            }
            b'"' => self.string().map(Value::String),
            b't' if self.eat(b"true") => Ok(Value::Bool(true)),
            b'f' if self.eat(b"false") => Ok(Value::Bool(false)),
            b'n' if self.eat(b"null") => Ok(Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => self.err("unexpected character"),
        }
    }
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.i;
        while self.i < self.b.len()
            && matches!(
                self.b[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("");
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Value::Number(n)),
            _ => Err(JsonError {
                at: start,
                what: "not a number",
            }),
        }
    }
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let Some(h) = self.b.get(self.i..self.i + 4) else {
            return self.err("short \\u escape");
        };
        let s = std::str::from_utf8(h).unwrap_or("");
        let v = u32::from_str_radix(s, 16).or_else(|_| self.err("bad \\u escape"))?;
        self.i += 4;
        Ok(v)
    }
    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.i < self.b.len()
                && !matches!(self.b[self.i], b'"' | b'\\')
                && self.b[self.i] >= 0x20
            {
                self.i += 1;
            }
            out.push_str(
                std::str::from_utf8(&self.b[start..self.i]).or_else(|_| self.err("not UTF-8"))?,
            );
            match self.b.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return self.err("unexpected end");
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xd800..0xdc00).contains(&cp) && self.eat(b"\\u") {
                                let lo = self.hex4()?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                                }
                            }
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => return self.err("bad escape"),
                    }
                }
                Some(_) => return self.err("control character in a string"),
                None => return self.err("unterminated string"),
            }
        }
    }
}

/// Reads one JSON value (with a byte-order mark or surrounding space allowed).
pub fn parse(text: &str) -> Result<Value, JsonError> {
    if text.len() > MAX_BYTES {
        return Err(JsonError {
            at: 0,
            what: "file too large",
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        b: text.as_bytes(),
        i: 0,
    };
    let v = r.value(0)?;
    r.ws();
    if r.i != r.b.len() {
        return r.err("text after the value");
    }
    Ok(v)
}

/// Writes `s` as a JSON string.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes a value (objects keep their member order; two-space indentation).
pub fn write(v: &Value) -> String {
    let mut out = String::new();
    write_into(&mut out, v, 0);
    out
}

fn write_into(out: &mut String, v: &Value, indent: usize) {
    let pad = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(' ', n));
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&crate::i18n::plain_number(*n)),
        Value::String(s) => write_str(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 2);
                write_into(out, item, indent + 2);
            }
            out.push('\n');
            pad(out, indent);
            out.push(']');
        }
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 2);
                write_str(out, k);
                out.push_str(": ");
                write_into(out, item, indent + 2);
            }
            out.push('\n');
            pad(out, indent);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes() {
        let v = Value::Object(vec![
            ("name".into(), Value::String("大庆 \"试点\"\n第二版".into())),
            ("n".into(), Value::Number(3000.5)),
            (
                "list".into(),
                Value::Array(vec![Value::Bool(true), Value::Null, Value::Array(vec![])]),
            ),
            ("empty".into(), Value::Object(vec![])),
        ]);
        assert_eq!(parse(&write(&v)), Ok(v));
        assert_eq!(
            parse("\u{feff} [1, -2.5e3, \"\\u00e9\\ud83d\\ude00\"] "),
            Ok(Value::Array(vec![
                Value::Number(1.0),
                Value::Number(-2500.0),
                Value::String("é😀".into()),
            ]))
        );
    }

    #[test]
    fn bad_input_is_an_error_with_a_place() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "nul",
            "\"abc",
            "1e999",
            "[1] x",
            "{1:2}",
            "\"\\q\"",
            "\"\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).map_err(|e| e.what), Err("nested too deeply"));
        assert_eq!(parse("[1,]").map_err(|e| e.at), Err(3));
    }

    #[test]
    fn the_reader_is_total_on_random_input() {
        // Random bytes, and random edits of valid JSON: never a panic.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let base = write(&Value::Object(vec![
            (
                "format".into(),
                Value::String("reform-explorer-scenario".into()),
            ),
            (
                "params".into(),
                Value::Object(vec![("staff".into(), Value::Number(3000.0))]),
            ),
        ]));
        let alphabet = b"{}[]\",:0123456789.-+eE truefalsnul\\u\xe5\x9b\xbd";
        let mut tried = 0;
        for _ in 0..20_000 {
            let mut bytes: Vec<u8> = if next() % 2 == 0 {
                base.clone().into_bytes()
            } else {
                Vec::new()
            };
            for _ in 0..(next() % 12) {
                let pos = if bytes.is_empty() {
                    0
                } else {
                    (next() as usize) % (bytes.len() + 1)
                };
                let b = alphabet[(next() as usize) % alphabet.len()];
                if next() % 3 == 0 && pos < bytes.len() {
                    bytes.remove(pos);
                } else {
                    bytes.insert(pos, b);
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse(&text);
            tried += 1;
        }
        assert_eq!(tried, 20_000);
    }
}
