//! Minifies the card's stylesheet into OUT_DIR before it is compiled into the wasm.
//!
//! Comments and whitespace go. A space before `:` is kept (in `.row :is(…)` it is the
//! descendant combinator); spaces around `{ } ; , /` and after `:` carry no meaning, nor do
//! spaces around `*` inside parentheses (in `calc()`; outside, `*` may be a selector).
//! Then numbers lose their leading zero (`0.5` → `.5`), and the internal custom properties
//! (`--_name`; the public ones are `--cc-*`) get short names, so the source can keep long ones.

use std::collections::HashMap;

fn main() {
    println!("cargo:rerun-if-changed=src/view/style.css");
    let css = std::fs::read_to_string("src/view/style.css").expect("src/view/style.css is readable");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.css");
    let css = shorten_internal_names(&drop_leading_zeros(&collapse_whitespace(&strip_comments(&css))));
    std::fs::write(out, css).expect("OUT_DIR is writable");
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

fn collapse_whitespace(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut pending_space = false;
    let mut depth = 0u32;
    for c in css.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let last = out.chars().last();
        let in_parens = depth > 0;
        let tight_before = matches!(c, '{' | '}' | ';' | ',' | '/') || (in_parens && c == '*');
        let tight_after =
            matches!(last, Some('{' | '}' | ';' | ',' | ':' | '/') | None) || (in_parens && last == Some('*'));
        if pending_space && !tight_before && !tight_after {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && last == Some(';') {
            out.pop();
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `0.5` → `.5`, where the `0` starts a number (not in `10.5` or `#0.`).
fn drop_leading_zeros(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len());
    for (i, c) in css.char_indices() {
        let starts_number =
            i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'.' | b'-' | b'#'));
        let before_fraction = bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2).is_some_and(u8::is_ascii_digit);
        if c == '0' && starts_number && before_fraction {
            continue;
        }
        out.push(c);
    }
    out
}

/// Renames every `--_name` to `--_` and a letter or two, the most used first.
fn shorten_internal_names(css: &str) -> String {
    const PREFIX: &str = "--_";
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut rest = css;
    while let Some(at) = rest.find(PREFIX) {
        let name_start = at + PREFIX.len();
        let len = rest[name_start..].find(|c| !is_name_char(c)).unwrap_or(rest.len() - name_start);
        *counts.entry(&rest[name_start..name_start + len]).or_default() += 1;
        rest = &rest[name_start + len..];
    }
    let mut names: Vec<(&str, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let short: HashMap<&str, String> = names.iter().enumerate().map(|(i, (name, _))| (*name, short_name(i))).collect();

    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(PREFIX) {
        let name_start = at + PREFIX.len();
        let len = rest[name_start..].find(|c| !is_name_char(c)).unwrap_or(rest.len() - name_start);
        out.push_str(&rest[..name_start]);
        out.push_str(&short[&rest[name_start..name_start + len]]);
        rest = &rest[name_start + len..];
    }
    out.push_str(rest);
    out
}

/// `a` … `z`, then `a0` … `z0`, `a1` and so on: distinct for every index.
fn short_name(index: usize) -> String {
    let letter = (b'a' + (index % 26) as u8) as char;
    match index / 26 {
        0 => letter.to_string(),
        n => format!("{letter}{}", n - 1),
    }
}
