//! A spec's JSON text, read and checked by the card's own validator.

use comparison_card::core::spec::{self, Comparison, Problem};
use comparison_card::core::value;

/// `spec::parse` through serde_json, as `comparison-card validate` and `render` read a file: text
/// that is not one JSON value gets that one problem, in the words the card uses.
pub fn parse(text: &str) -> Result<Comparison, Vec<Problem>> {
    let parsed = spec::parse(&mut serde_json::Deserializer::from_str(text));
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => parsed,
        // Nesting past the reader's limit can reach serde_json's own; the reader's message says more.
        Err(_)
            if parsed
                .as_ref()
                .is_err_and(|problems| problems.first().is_some_and(|p| p.message.starts_with(value::TOO_DEEP))) =>
        {
            parsed
        }
        Err(error) => Err(vec![Problem::new("spec", format!("not valid JSON: {error}"))]),
    }
}

/// Every problem, as `[{"path": …, "message": …}]`; `[]` for a valid spec.
pub fn problems_json(text: &str) -> String {
    let problems = parse(text).err().unwrap_or_default();
    let list: Vec<serde_json::Value> =
        problems.iter().map(|p| serde_json::json!({ "path": p.path, "message": p.message })).collect();
    serde_json::Value::Array(list).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_card_validators_problems_with_their_paths() {
        let text = r#"{"title": "", "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "criteria": [{"id": "c", "name": "C", "scores": {"a": 1, "b": 11}}]}"#;
        let problems: serde_json::Value = serde_json::from_str(&problems_json(text)).unwrap();
        let paths: Vec<&str> = problems.as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
        assert_eq!(paths, ["title", "criteria[0].scores.b"]);
        assert_eq!(problems[1]["message"], "expected a number from 0 to 10, got 11");
    }

    #[test]
    fn text_that_is_not_json_is_one_problem_at_spec() {
        let problems = parse("{\"title\": ").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "spec");
        assert!(problems[0].message.starts_with("not valid JSON"), "{}", problems[0].message);
        assert_eq!(problems_json("{}").matches("\"path\"").count(), 3, "title, options and criteria missing");
    }
}
