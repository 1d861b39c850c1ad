//! JSON text written from any `Serialize` value, by hand (the wasm export passes its answer
//! across the JS boundary as one string, one `JSON.parse` out), and decimal digits without the
//! formatting machinery.

use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};

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
/// use order_help_json::to_text;
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
/// order_help_json::push_decimal(&mut text, 4998);
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

/// A tuple and a tuple struct are written as a list.
macro_rules! written_as_a_list {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                ser::SerializeSeq::serialize_element(self, value)
            }

            fn end(self) -> Result<(), WriteError> {
                Compound::end(self)
            }
        }
    )*};
}
written_as_a_list!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

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
