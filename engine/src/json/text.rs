//! JSON text, read into the tree and written from any `Serialize` value, by hand.
//!
//! The wasm export passes each document across the JS boundary as one string (one
//! `JSON.stringify` in, one `JSON.parse` out) instead of thousands of per-field calls, and
//! serde_json in the bundle would cost far more than these few hundred lines. Natively the
//! engine reads text with serde_json (its errors give line and column); the tests check these
//! against it.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};

use super::Json;

/// The deepest nesting [`parse`] reads (as deep as the widget's `js_json::to_json` reads a JS value).
pub const MAX_DEPTH: usize = 64;

/// JavaScript's largest safe integer.
const SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// Parses JSON text (RFC 8259) into a tree; numbers become what [`Json::from_number`] makes of
/// the JavaScript number they stand for. `None` if it is not JSON or is nested more than
/// [`MAX_DEPTH`] levels deep: the caller reads the document another way to say what is wrong.
///
/// ```
/// use order_help_engine::json::{parse_text, Json};
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
        match whole.flatten().filter(|&w| w <= SAFE_INTEGER) {
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
/// use order_help_engine::json::whole_number;
/// assert_eq!(whole_number("1.2e1"), Some(Some(12)));
/// assert_eq!(whole_number("-5.00"), Some(Some(5)));
/// assert_eq!(whole_number("1298.9999999999998"), None);
/// assert_eq!(whole_number("1e400"), Some(None));
/// ```
pub fn whole_number(text: &str) -> Option<Option<u64>> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e),
        None => (unsigned, "0"),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
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
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Some(Some(0));
    }
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    let last_power = scale
        .saturating_sub(fraction.len() as i64)
        .saturating_add(zeros as i64);
    if last_power < 0 {
        return None;
    }
    let mut value = significant.bytes().try_fold(0u64, |v, b| {
        v.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    });
    for _ in 0..last_power.min(20) {
        value = value.and_then(|v| v.checked_mul(10));
    }
    Some(value.filter(|_| last_power <= 20))
}

/// The value of a JSON number that is not a safe integer, to within a few units in the last
/// place (an exact decimal-to-float conversion would add kilobytes to the wasm). Such a
/// number is never valid in the contract (amounts and counts are whole), so it only reaches
/// an error, which quotes the number's text as written.
fn approximate(number: &str) -> f64 {
    let (mantissa, exponent) = number.split_once(['e', 'E']).unwrap_or((number, ""));
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

impl Json<'_> {
    /// A JavaScript number as a tree value: whole numbers within JavaScript's safe range are
    /// integers (what the contract's counts and amounts are); anything else stays a float for
    /// the field to judge, with a text of it to six decimals (give it the number's own text
    /// where there is one: `Json::Float(v, text)`).
    pub fn from_number(v: f64) -> Json<'static> {
        const SAFE: f64 = SAFE_INTEGER as f64;
        if v.fract() == 0.0 && (-SAFE..=SAFE).contains(&v) {
            if v >= 0.0 {
                Json::UInt(v as u64)
            } else {
                Json::Int(v as i64)
            }
        } else {
            Json::Float(v, Cow::Owned(super::number_text(v)))
        }
    }
}

/// Why [`to_string`] could not write a value.
#[derive(Debug)]
pub struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(message: T) -> WriteError {
        WriteError(message.to_string())
    }
}

/// Writes `value` as compact JSON text, as `serde_json::to_string` shapes it (structs and
/// string-keyed maps as objects, `None` and units as `null`, unit variants as strings), with
/// every character outside ASCII escaped (`\u00e9`): the browser turns ASCII bytes into a JS
/// string several times faster than UTF-8.
///
/// Only what the engine's output holds is written: floats (core's float formatting is large),
/// bytes, non-string map keys and enum variants with data are an error. Struct field and
/// unit variant names are written as they are (serde's derive makes them identifiers).
///
/// ```
/// use order_help_engine::json::to_text;
/// #[derive(serde::Serialize)]
/// struct Doc { name: &'static str, count: Option<u32>, list: Vec<i64> }
/// let doc = Doc { name: "caf\u{e9} \"1\"", count: None, list: vec![-1, 2] };
/// assert_eq!(to_text(&doc).unwrap(), r#"{"name":"caf\u00e9 \"1\"","count":null,"list":[-1,2]}"#);
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    let mut writer = Writer {
        out: Vec::with_capacity(4096),
    };
    value.serialize(&mut writer)?;
    // Bytes, not a `String`: pushing a byte is cheaper than pushing a char. Only ASCII is
    // written, so this cannot fail.
    String::from_utf8(writer.out).map_err(|_| WriteError("JSON text: not UTF-8".into()))
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn string(&mut self, text: &str) {
        self.out.push(b'"');
        self.escaped(text);
        self.out.push(b'"');
    }

    /// A struct's field name or an enum's variant name, as a string: written as it is, since
    /// serde's derive names are Rust identifiers (or renames of them), which need no escape.
    fn name(&mut self, name: &'static str) {
        debug_assert!(!needs_escape(name.as_bytes()), "{name:?}");
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
    }

    /// `text` as in a JSON string, without the quotes.
    fn escaped(&mut self, text: &str) {
        if !needs_escape(text.as_bytes()) {
            self.out.extend_from_slice(text.as_bytes());
            return;
        }
        let mut rest = text;
        while let Some(at) = rest
            .bytes()
            .position(|b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x80)
        {
            // The run before the character to escape is copied whole.
            let (Some(plain), Some(after)) = (rest.get(..at), rest.get(at..)) else {
                return;
            };
            self.out.extend_from_slice(plain.as_bytes());
            let Some(c) = after.chars().next() else {
                return;
            };
            match c {
                '"' => self.out.extend_from_slice(b"\\\""),
                '\\' => self.out.extend_from_slice(b"\\\\"),
                '\n' => self.out.extend_from_slice(b"\\n"),
                '\r' => self.out.extend_from_slice(b"\\r"),
                '\t' => self.out.extend_from_slice(b"\\t"),
                _ => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        self.unicode_escape(*unit);
                    }
                }
            }
            rest = after.get(c.len_utf8()..).unwrap_or_default();
        }
        self.out.extend_from_slice(rest.as_bytes());
    }

    fn unicode_escape(&mut self, unit: u16) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.extend_from_slice(b"\\u");
        for shift in [12, 8, 4, 0] {
            self.out.push(HEX[usize::from(unit >> shift & 0xf)]);
        }
    }

    fn unsigned(&mut self, n: u64) {
        self.out.extend_from_slice(decimal(n, &mut [0; 20]));
    }

    fn unsupported<T>(what: &str) -> Result<T, WriteError> {
        Err(WriteError(format!("JSON text: cannot write {what}")))
    }
}

/// Appends `n` in decimal (what `{}` writes, without the formatting machinery, which costs the
/// wasm bundle bytes).
///
/// ```
/// let mut text = String::from("refund ");
/// order_help_engine::json::push_decimal(&mut text, 4998);
/// assert_eq!(text, "refund 4998");
/// ```
pub fn push_decimal(out: &mut String, n: u64) {
    for &digit in decimal(n, &mut [0; 20]) {
        out.push(char::from(digit));
    }
}

/// The decimal digits of `n`, written at the end of `buffer`.
fn decimal(mut n: u64, buffer: &mut [u8; 20]) -> &[u8] {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buffer[start..]
}

/// Whether any byte of `bytes` must be escaped in a JSON string this writer writes: a control
/// character, `"`, `\\` or a byte outside ASCII. Eight bytes at a time: nearly all of the
/// output needs no escape.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (for n ≤ 0x80) sets its high bit here; so does a zero byte for n = 1.
    let below = |word: u64, n: u64| word.wrapping_sub(ONES * n) & !word & HIGH;
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let found = (word & HIGH)
            | below(word, 0x20)
            | below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1);
        if found != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x80)
}

/// Escapes what `Display` writes, for `collect_str`.
struct Escaped<'a>(&'a mut Writer);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0.escaped(text);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        let text: &[u8] = if v { b"true" } else { b"false" };
        self.out.extend_from_slice(text);
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        if v < 0 {
            self.out.push(b'-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        self.unsigned(v);
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), WriteError> {
        Writer::unsupported("a float")
    }

    fn serialize_f64(self, _: f64) -> Result<(), WriteError> {
        Writer::unsupported("a float")
    }

    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), WriteError> {
        Writer::unsupported("bytes")
    }

    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), WriteError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.name(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WriteError> {
        Writer::unsupported("an enum variant with data")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        self.out.push(b'[');
        Ok(Compound {
            writer: self,
            first: true,
            close: b']',
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Writer::unsupported("an enum variant with data")
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        self.out.push(b'{');
        Ok(Compound {
            writer: self,
            first: true,
            close: b'}',
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, WriteError> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Writer::unsupported("an enum variant with data")
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        self.out.push(b'"');
        write!(Escaped(self), "{value}")
            .map_err(|_| WriteError("JSON text: a value's text".into()))?;
        self.out.push(b'"');
        Ok(())
    }
}

/// An array or an object being written.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    close: u8,
}

impl Compound<'_> {
    fn separator(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.writer.out.push(b',');
        }
    }

    fn end(self) -> Result<(), WriteError> {
        self.writer.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.separator();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.separator();
        let start = self.writer.out.len();
        key.serialize(&mut *self.writer)?;
        if self.writer.out.get(start) != Some(&b'"') {
            return Writer::unsupported("a map key that is not a string");
        }
        self.writer.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        self.separator();
        self.writer.name(key);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::needs_escape;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn needs_escape_finds_every_byte_that_does(
            bytes in prop::collection::vec(prop_oneof![0x20u8..0x7f, any::<u8>()], 0..40),
        ) {
            let naive = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x80);
            prop_assert_eq!(needs_escape(&bytes), naive);
        }
    }
}
