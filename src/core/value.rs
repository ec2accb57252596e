//! A plain tree of JSON-like values, read by serde from any deserializer.
//!
//! The spec is read in two steps: serde fills this tree (one small visitor, whatever the source:
//! serde-wasm-bindgen in the browser, serde_json in native tools), then `spec` walks it and
//! reports every problem with its path. Compared with derived deserializers wrapped for path
//! tracking, this keeps one copy of the reading code in the wasm, and it can report all problems
//! at once, structural ones included.

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Nesting deeper than this is refused while reading, before it can exhaust the stack.
pub const MAX_DEPTH: u32 = 32;
/// A list or object with more entries than this is refused while reading, before anything is
/// allocated for it: a sparse JavaScript array can claim four billion.
pub const MAX_ENTRIES: u32 = 100_000;
/// The message for a spec nested deeper than [`MAX_DEPTH`].
pub const TOO_DEEP: &str = "nested more than 32 levels deep";
/// The message for a list or object longer than [`MAX_ENTRIES`].
pub const TOO_LONG: &str = "a list or object with more than 100000 entries";

#[derive(Debug, Clone, PartialEq)]
/// A JSON-like tree, read from JSON text or from JavaScript data.
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// A list.
    List(Vec<Value>),
    /// Entries in source order; a key given twice stays twice, for the walker to report.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Reads a value from any serde deserializer.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        Reader { depth: 0 }.deserialize(deserializer)
    }

    /// How a message names this kind of value: "got a number", "got text".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Reads one value at a known depth.
struct Reader {
    depth: u32,
}

impl Reader {
    fn nested<E: Error>(&self) -> Result<Reader, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(Reader { depth: self.depth + 1 })
    }
}

impl<'de> DeserializeSeed<'de> for Reader {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_i128<E: Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u128<E: Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E: Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }
    fn visit_string<E: Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_unit<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Reader { depth: inner.depth })? {
            if items.len() == MAX_ENTRIES as usize {
                return Err(A::Error::custom(TOO_LONG));
            }
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(KeyReader)? {
            if entries.len() == MAX_ENTRIES as usize {
                return Err(A::Error::custom(TOO_LONG));
            }
            entries.push((key, map.next_value_seed(Reader { depth: inner.depth })?));
        }
        Ok(Value::Object(entries))
    }
}

/// Reads an object key. Written out, rather than `String`'s own impl, so that a key that is not
/// text gets a plain message instead of pulling serde's formatting of the unexpected value.
struct KeyReader;

impl<'de> DeserializeSeed<'de> for KeyReader {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyReader {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bool<E: Error>(self, _: bool) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_i64<E: Error>(self, _: i64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_u64<E: Error>(self, _: u64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_f64<E: Error>(self, _: f64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#"{"a": [1, 2.5, "x", true, null], "b": {"c": {}}, "a": 3}"#;
        let value = match Value::read(&mut serde_json::Deserializer::from_str(text)) {
            Ok(value) => value,
            Err(error) => panic!("{error}"),
        };
        let Value::Object(entries) = value else { panic!("not an object") };
        assert_eq!(entries.len(), 3, "a repeated key is kept for the walker to report");
        assert_eq!(
            entries[0].1,
            Value::List(vec![
                Value::Number(1.0),
                Value::Number(2.5),
                Value::Text("x".into()),
                Value::Bool(true),
                Value::Null
            ])
        );
    }

    #[test]
    fn refuses_deep_nesting() {
        let text = "[".repeat(40) + &"]".repeat(40);
        let mut deserializer = serde_json::Deserializer::from_str(&text);
        let error = Value::read(&mut deserializer).unwrap_err().to_string();
        assert!(error.starts_with(TOO_DEEP), "{error}");
        let fine = "[".repeat(32) + &"]".repeat(32);
        assert!(Value::read(&mut serde_json::Deserializer::from_str(&fine)).is_ok());
    }
}
