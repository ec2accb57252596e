//! Minifies the card's stylesheet into OUT_DIR before it is compiled into the wasm.
//!
//! Only comments and whitespace go. A space before `:` is kept (in `.row :is(…)` it is the
//! descendant combinator); spaces around `{ } ; ,` and after `:` carry no meaning.

fn main() {
    println!("cargo:rerun-if-changed=src/style.css");
    let css = std::fs::read_to_string("src/style.css").expect("src/style.css is readable");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.css");
    std::fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for c in without_comments.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let last = out.chars().last();
        let tight_before = matches!(c, '{' | '}' | ';' | ',');
        let tight_after = matches!(last, Some('{' | '}' | ';' | ',' | ':') | None);
        if pending_space && !tight_before && !tight_after {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && last == Some(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}
