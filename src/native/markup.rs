//! Writing HTML as text: escaping, elements, and JSON fit to sit inside a `<script>`.

/// The same escaping as the pre-rendered card's HTML tree.
pub use crate::view::html::push_escaped;

/// Appends JSON text without the white space between tokens, and with every `<` written as
/// `\u003c`. In a `<script>` element, `</script>` or `<!--` inside author text could otherwise end
/// the script or change how the page parses; `\u003c` is the same character to a JSON reader.
/// Expects valid JSON; anything else still cannot contain a `<`.
pub fn push_script_json(out: &mut String, json: &str) {
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if c == '<' {
            out.push_str("\\u003c");
        } else if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
}

/// An HTML document under construction. Tags and attribute names are the caller's own
/// constants; attribute values and text always go through [`push_escaped`].
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// `<tag name="value" …>`. An attribute with an empty value is written bare (`data-best`);
    /// one with an empty name is left out, which suits a flag that is sometimes off.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes.iter().filter(|(name, _)| !name.is_empty()) {
            self.out.push(' ');
            self.out.push_str(name);
            if !value.is_empty() {
                self.out.push_str("=\"");
                push_escaped(&mut self.out, value);
                self.out.push('"');
            }
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        push_escaped(&mut self.out, text);
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// Markup the caller wrote: a line break between block elements, a script's JSON.
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    pub fn script_json(&mut self, json: &str) -> &mut Self {
        push_script_json(&mut self.out, json);
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_special_characters() {
        let mut out = String::new();
        push_escaped(&mut out, r#"<a href="x" title='y'>&amp;</a>"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    #[test]
    fn script_json_drops_white_space_outside_strings_and_escapes_every_less_than() {
        let mut out = String::new();
        push_script_json(&mut out, "{ \"a b\" : [1, \"</script> \\\" <!--\"],\n\t\"c\\\\\": \"\\\\<\" }");
        assert_eq!(out, r#"{"a b":[1,"\u003c/script> \" \u003c!--"],"c\\":"\\\u003c"}"#);
    }

    #[test]
    fn bare_attributes_and_escaped_values() {
        let mut html = Html::default();
        html.open("td", &[("class", "a\"b"), ("data-best", ""), ("", "")]).text("1 < 2").close("td");
        assert_eq!(html.finish(), "<td class=\"a&quot;b\" data-best>1 &lt; 2</td>");
    }
}
