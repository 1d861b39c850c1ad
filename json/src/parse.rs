//! JSON text (RFC 8259) read into the tree, by hand, and the decimal helpers it needs.
//!
//! The wasm export passes each document across the JS boundary as one string (one
//! `JSON.stringify` in) instead of thousands of per-field calls, and serde_json in the bundle
//! would cost far more than these few hundred lines. Numbers keep their text as written, so an
//! error can quote it.

use std::borrow::Cow;

use super::tree::Json;
use super::MAX_SAFE_INTEGER;
/// The deepest nesting [`parse`] reads (as deep as the widget's `js_json::to_json` reads a JS value).
pub const MAX_DEPTH: usize = 64;

/// Parses JSON text (RFC 8259) into a tree; numbers become what [`Json::from_number`] makes of
/// the JavaScript number they stand for. `None` if it is not JSON or is nested more than
/// [`MAX_DEPTH`] levels deep: the caller reads the document another way to say what is wrong.
///
/// ```
/// use order_help_json::{parse_text, Json};
/// assert_eq!(
///     parse_text(r#"{"a": [1, -2, 0.5, "\u00e9"]}"#),
///     Some(Json::Object(vec![("a".into(), Json::Array(vec![
///         Json::UInt(1), Json::Int(-2), Json::Float(0.5, "0.5".into()), Json::Str("é".into()),
///     ]))]))
/// );
/// assert_eq!(parse_text("[1,]"), None);
/// ```
pub fn parse(text: &str) -> Option<Json<'_>> {
    let mut parser = Parser {
        text,
        pos: 0,
        items: Vec::new(),
        fields: Vec::new(),
    };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    (parser.pos == text.len()).then_some(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// The elements and fields read so far of the arrays and objects being read, innermost
    /// last: each is moved into a vector of its exact size at its end, not grown as it is read.
    items: Vec<Json<'a>>,
    fields: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace, then `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => {
                self.pos += 1;
                let start = self.items.len();
                if !self.eat(b']') {
                    loop {
                        let item = self.value(depth + 1)?;
                        self.items.push(item);
                        if self.eat(b']') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Json::Array(self.items.split_off(start)))
            }
            b'{' => {
                self.pos += 1;
                let start = self.fields.len();
                if !self.eat(b'}') {
                    loop {
                        self.skip_whitespace();
                        (self.peek() == Some(b'"')).then_some(())?;
                        let key = self.string()?;
                        self.eat(b':').then_some(())?;
                        let value = self.value(depth + 1)?;
                        self.fields.push((key, value));
                        if self.eat(b'}') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Json::Object(self.fields.split_off(start)))
            }
            _ => None,
        }
    }

    fn word(&mut self, word: &str, value: Json<'a>) -> Option<Json<'a>> {
        let found = self.text.get(self.pos..)?.starts_with(word);
        found.then(|| {
            self.pos += word.len();
            value
        })
    }

    /// A string, the opening quote next: borrowed from the text unless it has an escape.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        self.skip_unescaped();
        if self.peek()? == b'"' {
            self.pos += 1;
            return self.text.get(start..self.pos - 1).map(Cow::Borrowed);
        }
        let mut out = String::from(self.text.get(start..self.pos)?);
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    let escape = self.text.as_bytes().get(self.pos + 1).copied()?;
                    self.pos += 2;
                    let escaped = match escape {
                        b'u' => self.unicode_escape()?,
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        _ => return None,
                    };
                    out.push(escaped);
                }
                // A control character must be escaped.
                _ => return None,
            }
            // The run up to the next escape or the end, copied whole.
            let run = self.pos;
            self.skip_unescaped();
            out.push_str(self.text.get(run..self.pos)?);
        }
    }

    /// Skips the characters that stand for themselves in a string.
    fn skip_unescaped(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair of two escapes. A lone surrogate is
    /// U+FFFD, as the browser makes it when it copies a JS string into the wasm.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text.get(self.pos..)?.starts_with("\\u") {
            let before_second = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
            }
            // Not a pair: the second escape stands on its own.
            self.pos = before_second;
        }
        Some(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let value = digits
            .chars()
            .try_fold(0, |v, c| Some(v * 16 + c.to_digit(16)?))?;
        self.pos += 4;
        Some(value)
    }

    /// Digits; returns how many, and their value if it fits a `u64`.
    fn digits(&mut self) -> (usize, Option<u64>) {
        let start = self.pos;
        let mut value = Some(0u64);
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(u64::from(b - b'0')));
            self.pos += 1;
        }
        (self.pos - start, value)
    }

    fn number(&mut self) -> Option<Json<'a>> {
        let start = self.pos;
        let negative = self.eat(b'-');
        let leading_zero = self.peek() == Some(b'0');
        let (count, whole) = self.digits();
        if count == 0 || (leading_zero && count > 1) {
            return None;
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            (self.digits().0 > 0).then_some(())?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            (self.digits().0 > 0).then_some(())?;
        }
        let text = self.text.get(start..self.pos)?;
        // Exact for the numbers the contract has: whole (`12`, also `1.2e1`) and within
        // JavaScript's safe range. Whether a number is whole is decided from its digits, not
        // from the approximate value (1298.9999999999998 is not 1299).
        let whole = if integer {
            Some(whole)
        } else {
            whole_number(text)
        };
        match whole.flatten().filter(|&w| w <= MAX_SAFE_INTEGER) {
            Some(w) if negative && w > 0 => Some(Json::Int(-(w as i64))),
            Some(w) => Some(Json::UInt(w)),
            // Kept as written, for error messages.
            None => Some(Json::Float(approximate(text), Cow::Borrowed(text))),
        }
    }
}

/// Whether the JSON number `text` is a whole number, from its digits: `None` if it has a
/// fraction (or is not a number), else its magnitude if it fits a `u64`.
///
/// ```
/// use order_help_json::whole_number;
/// assert_eq!(whole_number("1.2e1"), Some(Some(12)));
/// assert_eq!(whole_number("-5.00"), Some(Some(5)));
/// assert_eq!(whole_number("1298.9999999999998"), None);
/// assert_eq!(whole_number("1e400"), Some(None));
/// ```
pub fn whole_number(text: &str) -> Option<Option<u64>> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match split_at_byte(unsigned, |b| b == b'e' || b == b'E') {
        Some((m, e)) => (m, e),
        None => (unsigned, "0"),
    };
    let (whole, fraction) = split_at_byte(mantissa, |b| b == b'.').unwrap_or((mantissa, ""));
    // Char patterns, not a set of chars or `trim_*_matches`: those bring core's searchers
    // into the wasm for this function alone.
    let exponent_digits = exponent
        .strip_prefix('+')
        .or_else(|| exponent.strip_prefix('-'))
        .unwrap_or(exponent);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole)
        || !(fraction.is_empty() || all_digits(fraction))
        || !all_digits(exponent_digits)
    {
        return None;
    }
    let mut scale = exponent_digits.bytes().fold(0i64, |e, b| {
        e.saturating_mul(10).saturating_add(i64::from(b - b'0'))
    });
    if exponent.starts_with('-') {
        scale = -scale;
    }
    // The significant digits, without their trailing zeros: the last one's power of ten.
    let digits = format!("{whole}{fraction}");
    let digits = digits.as_bytes();
    let leading = digits.iter().take_while(|&&b| b == b'0').count();
    if leading == digits.len() {
        return Some(Some(0));
    }
    let zeros = digits.iter().rev().take_while(|&&b| b == b'0').count();
    let significant = &digits[leading..digits.len() - zeros];
    let last_power = scale
        .saturating_sub(fraction.len() as i64)
        .saturating_add(zeros as i64);
    if last_power < 0 {
        return None;
    }
    let mut value = significant.iter().try_fold(0u64, |v, &b| {
        v.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    });
    for _ in 0..last_power.min(20) {
        value = value.and_then(|v| v.checked_mul(10));
    }
    Some(value.filter(|_| last_power <= 20))
}

/// `text` before and after the first ASCII byte `at` matches, without it: `str::split_once`
/// without its pattern machinery, a copy of which each crate using it carries into the wasm.
fn split_at_byte(text: &str, at: impl Fn(u8) -> bool) -> Option<(&str, &str)> {
    let i = text.bytes().position(at)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// The value of a JSON number that is not a safe integer, to within a few units in the last
/// place (an exact decimal-to-float conversion would add kilobytes to the wasm). Such a
/// number is never valid in the contract (amounts and counts are whole), so it only reaches
/// an error, which quotes the number's text as written.
fn approximate(number: &str) -> f64 {
    let (mantissa, exponent) =
        split_at_byte(number, |b| b == b'e' || b == b'E').unwrap_or((number, ""));
    let mut scale = exponent.bytes().fold(0i32, |e, b| match b {
        b'0'..=b'9' => e.saturating_mul(10).saturating_add(i32::from(b - b'0')),
        _ => e,
    });
    if exponent.starts_with('-') {
        scale = -scale;
    }
    let mut significand = 0u64;
    let mut after_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' if significand < 1_000_000_000_000_000_000 => {
                significand = significand * 10 + u64::from(b - b'0');
                scale = scale.saturating_sub(i32::from(after_point));
            }
            // Digits beyond the 19th only scale the value.
            b'0'..=b'9' => scale = scale.saturating_add(i32::from(!after_point)),
            _ => {}
        }
    }
    // Scaled step by step (a power function is kilobytes of wasm); past ±800 it is 0 or ∞.
    let mut magnitude = significand as f64;
    for _ in 0..scale.unsigned_abs().min(800) {
        if scale < 0 {
            magnitude /= 10.0;
        } else {
            magnitude *= 10.0;
        }
    }
    if number.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}
