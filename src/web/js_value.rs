//! Reads plain JavaScript data (the output of `JSON.parse`, or a `structuredClone` copy) into a
//! [`Value`] for the spec walker.
//!
//! serde-wasm-bindgen's deserializer would do this too, but its error paths format serde's
//! `Unexpected` values, which links float formatting and JS debug printing into the wasm (about
//! 20 KB). The card never needs those messages: the walker words its own.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::spec::Problem;
use crate::core::value::{Value, MAX_DEPTH, MAX_ENTRIES, TOO_DEEP, TOO_LONG};

pub fn read(value: &JsValue) -> Result<Value, Problem> {
    read_at(value, 0)
}

fn read_at(value: &JsValue, depth: u32) -> Result<Value, Problem> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return Ok(Value::Number(number));
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::Text(text));
    }
    if !value.is_object() {
        return Err(Problem::new("spec", "contains a value that is not JSON data (a BigInt, a symbol or a function)"));
    }
    if depth >= MAX_DEPTH {
        return Err(Problem::new("spec", TOO_DEEP));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        // Checked before anything is allocated or read: a sparse array's length is not its size.
        if array.length() > MAX_ENTRIES {
            return Err(Problem::new("spec", TOO_LONG));
        }
        let mut items = Vec::with_capacity(array.length() as usize);
        for index in 0..array.length() {
            items.push(read_at(&array.get(index), depth + 1)?);
        }
        return Ok(Value::List(items));
    }
    let keys = Object::keys(value.unchecked_ref::<Object>());
    if keys.length() > MAX_ENTRIES {
        return Err(Problem::new("spec", TOO_LONG));
    }
    let mut entries = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        // The data is a plain copy, so reading a property runs no page code.
        let item = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        entries.push((key.as_string().unwrap_or_default(), read_at(&item, depth + 1)?));
    }
    Ok(Value::Object(entries))
}
