//! Cells pasted from a spreadsheet (TSV from Google Sheets, Excel or LibreOffice) or a CSV file,
//! read into the studio's score grid.
//!
//! Two shapes: a **table**, whose first row names the options and whose first column names the
//! criteria (it replaces the grid), and a **block** of numbers only (written into the grid from
//! the focused cell). Anything else is refused with one message saying where, and the studio then
//! changes nothing. A table may also have a "Note" and a "Priority" column, as the studio's own
//! grid has; cells are split by tabs, else by semicolons where the first line has more of them
//! than commas (Excel's CSV in languages with a decimal comma), else by commas.

use comparison_card::core::spec::{MAX_CRITERIA, MAX_OPTIONS, MIN_OPTIONS};

/// One criterion of a pasted table: its name and a score per option.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub scores: Vec<f64>,
    /// From a "Note" column, when the table has one.
    pub note: Option<String>,
    /// From a "Priority" column, when the table has one: `Some(None)` for a blank cell (the
    /// default priority).
    pub priority: Option<Option<f64>>,
}

/// What a header cell after the first names: an option, or one of the criterion's own columns.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Option,
    Note,
    Priority,
}

impl Column {
    /// The criterion's own column a header names, as the studio's grid heads them; `None` for a
    /// name that can only be an option's.
    fn special(header: &str) -> Option<Column> {
        match header.trim().to_lowercase().as_str() {
            "note" | "notes" => Some(Column::Note),
            "priority" | "priority 0–5" | "priority 0-5" => Some(Column::Priority),
            _ => None,
        }
    }

    /// Each header after the first: a Note or Priority column only among the last columns, after
    /// every option, where the grid has them; "Priority Pass" or a "Notes" app among the options
    /// stays an option.
    fn all(headers: &[String]) -> Vec<Column> {
        let trailing = headers.iter().rev().take_while(|h| Column::special(h).is_some()).count();
        let options = headers.len() - trailing;
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| if i < options { Column::Option } else { Column::special(h).unwrap_or(Column::Option) })
            .collect()
    }
}

/// How often `delimiter` appears in `line` outside quoted fields.
fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == delimiter && !quoted
        })
        .count()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Paste {
    Table { options: Vec<String>, criteria: Vec<Row> },
    Block { rows: Vec<Vec<f64>> },
}

/// Why a paste was refused, in a sentence that says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteError(pub String);

/// Reads pasted text: tab-separated when it holds a tab, else semicolon-separated when its first
/// line has more semicolons than commas, else comma-separated.
pub fn parse(text: &str) -> Result<Paste, PasteError> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if text.contains('\t') {
        '\t'
    } else if count_outside_quotes(first_line, ';') > count_outside_quotes(first_line, ',') {
        ';'
    } else {
        ','
    };
    let rows = split(text, delimiter);
    let Some(first) = rows.first() else {
        return Err(PasteError("the pasted text is empty".into()));
    };
    for (index, row) in rows.iter().enumerate() {
        if row.len() != first.len() {
            let cells = if row.len() == 1 { "cell" } else { "cells" };
            return Err(PasteError(format!(
                "row {} has {} {cells} where row 1 has {}: every row needs the same number of cells",
                index + 1,
                row.len(),
                first.len()
            )));
        }
    }
    let is_table = rows.len() >= 2 && first.len() >= 2 && first[1..].iter().any(|c| number(c, delimiter).is_none());
    if is_table {
        table(&rows, delimiter)
    } else {
        block(&rows, delimiter)
    }
}

fn table(rows: &[Vec<String>], delimiter: char) -> Result<Paste, PasteError> {
    let columns = Column::all(&rows[0][1..]);
    let options: Vec<String> = rows[0][1..]
        .iter()
        .zip(&columns)
        .filter(|(_, column)| **column == Column::Option)
        .map(|(name, _)| name.trim().to_string())
        .collect();
    for special in [Column::Note, Column::Priority] {
        if columns.iter().filter(|c| **c == special).count() > 1 {
            let name = if special == Column::Note { "Note" } else { "Priority" };
            return Err(PasteError(format!("the header row has more than one {name} column")));
        }
    }
    if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&options.len()) {
        return Err(PasteError(format!(
            "the header row names {} option{}; a card compares {MIN_OPTIONS} to {MAX_OPTIONS}",
            options.len(),
            if options.len() == 1 { "" } else { "s" }
        )));
    }
    if let Some(column) = rows[0][1..]
        .iter()
        .zip(&columns)
        .position(|(name, column)| *column == Column::Option && name.trim().is_empty())
    {
        return Err(PasteError(format!("row 1, column {}: the option's name is empty", column + 2)));
    }
    let body = &rows[1..];
    if body.len() > MAX_CRITERIA {
        return Err(PasteError(format!(
            "{} criteria pasted (rows 2 to {}); a card takes at most {MAX_CRITERIA}",
            body.len(),
            body.len() + 1
        )));
    }
    let mut criteria = Vec::with_capacity(body.len());
    for (index, cells) in body.iter().enumerate() {
        let row = index + 2;
        let name = cells[0].trim().to_string();
        if name.is_empty() {
            return Err(PasteError(format!("row {row}, column 1: the criterion's name is empty")));
        }
        let mut scores = Vec::with_capacity(options.len());
        let mut note = None;
        let mut priority = None;
        for (position, (cell, column)) in cells[1..].iter().zip(&columns).enumerate() {
            let heading = rows[0][position + 1].trim();
            let where_ = || format!("row {row} ({name}), column {} ({heading})", position + 2);
            match column {
                Column::Option => match number(cell, delimiter) {
                    Some(score) => scores.push(score),
                    None => return Err(PasteError(format!("{}: {}", where_(), not_a_number(cell)))),
                },
                Column::Note => note = Some(cell.trim().to_string()),
                Column::Priority if cell.trim().is_empty() => priority = Some(None),
                Column::Priority => match number(cell, delimiter) {
                    Some(level) => priority = Some(Some(level)),
                    None => return Err(PasteError(format!("{}: {}", where_(), not_a_number(cell)))),
                },
            }
        }
        criteria.push(Row { name, scores, note, priority });
    }
    Ok(Paste::Table { options, criteria })
}

fn block(rows: &[Vec<String>], delimiter: char) -> Result<Paste, PasteError> {
    if rows.len() > MAX_CRITERIA {
        return Err(PasteError(format!("{} rows pasted; a card takes at most {MAX_CRITERIA} criteria", rows.len())));
    }
    let mut numbers = Vec::with_capacity(rows.len());
    for (index, cells) in rows.iter().enumerate() {
        let mut row = Vec::with_capacity(cells.len());
        for (column, cell) in cells.iter().enumerate() {
            match number(cell, delimiter) {
                Some(value) => row.push(value),
                None => {
                    return Err(PasteError(format!("row {}, column {}: {}", index + 1, column + 1, not_a_number(cell))))
                }
            }
        }
        numbers.push(row);
    }
    Ok(Paste::Block { rows: numbers })
}

fn not_a_number(cell: &str) -> String {
    let cell = cell.trim();
    if cell.is_empty() {
        "the score is empty".to_string()
    } else {
        let shown: String = cell.chars().take(40).collect();
        format!("`{shown}` is not a number")
    }
}

/// A score cell's number: `8`, `-1.5`, and in tab- or semicolon-separated text also a decimal
/// comma (`8,5`), as spreadsheets in many languages copy and save it.
fn number(cell: &str, delimiter: char) -> Option<f64> {
    let cell = cell.trim();
    let is_plain = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ','));
    if !is_plain {
        return None;
    }
    let cell = if delimiter != ',' && !cell.contains('.') && cell.matches(',').count() == 1 {
        cell.replace(',', ".")
    } else {
        cell.to_string()
    };
    cell.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Rows of cells. Quoted fields (`"a, b"`, `"say ""hi"""`) may hold the delimiter, quotes and
/// line breaks; lines end in LF or CRLF; blank lines at the end are dropped.
fn split(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c if c == delimiter => row.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    while rows.last().is_some_and(|row| row.iter().all(|cell| cell.trim().is_empty())) {
        rows.pop();
    }
    rows
}

/// The result as JSON for the page: `{"table": {"options": […], "criteria": [{"name", "scores",
/// "note"?, "priority"?}]}}`,
/// `{"block": [[…]]}` or `{"error": "…"}`.
pub fn to_json(result: &Result<Paste, PasteError>) -> String {
    use serde_json::json;
    let value = match result {
        Ok(Paste::Table { options, criteria }) => {
            let criteria: Vec<_> = criteria
                .iter()
                .map(|r| {
                    let mut row = json!({ "name": r.name, "scores": r.scores });
                    if let Some(note) = &r.note {
                        row["note"] = json!(note);
                    }
                    if let Some(priority) = r.priority {
                        row["priority"] = json!(priority);
                    }
                    row
                })
                .collect();
            json!({ "table": { "options": options, "criteria": criteria } })
        }
        Ok(Paste::Block { rows }) => json!({ "block": rows }),
        Err(PasteError(message)) => json!({ "error": message }),
    };
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text).unwrap_err().0
    }

    #[test]
    fn a_sheet_copied_as_tsv_with_crlf_is_a_table() {
        let text = "\tNode.js\tPython\r\nPerformance & concurrency\t10\t7\r\nAI / ML ecosystem\t4\t10\r\n";
        assert_eq!(
            parse(text).unwrap(),
            Paste::Table {
                options: vec!["Node.js".into(), "Python".into()],
                criteria: vec![
                    Row {
                        name: "Performance & concurrency".into(),
                        scores: vec![10.0, 7.0],
                        note: None,
                        priority: None
                    },
                    Row { name: "AI / ML ecosystem".into(), scores: vec![4.0, 10.0], note: None, priority: None },
                ],
            }
        );
    }

    #[test]
    fn csv_with_quoted_fields_commas_quotes_and_line_breaks() {
        let text = "Criterion,\"Node, the runtime\",\"Py \"\"3\"\"\"\n\"Two\nlines\",8.5,-1\n";
        let Paste::Table { options, criteria } = parse(text).unwrap() else { panic!("not a table") };
        assert_eq!(options, ["Node, the runtime", "Py \"3\""]);
        assert_eq!(criteria, [Row { name: "Two\nlines".into(), scores: vec![8.5, -1.0], note: None, priority: None }]);
    }

    #[test]
    fn numbers_alone_are_a_block_and_tsv_takes_a_decimal_comma() {
        assert_eq!(parse("8,5\t9\n7\t6").unwrap(), Paste::Block { rows: vec![vec![8.5, 9.0], vec![7.0, 6.0]] });
        assert_eq!(parse("4").unwrap(), Paste::Block { rows: vec![vec![4.0]] });
        assert_eq!(parse("1,2\n3,4\n").unwrap(), Paste::Block { rows: vec![vec![1.0, 2.0], vec![3.0, 4.0]] });
    }

    #[test]
    fn ragged_rows_say_which_row() {
        assert_eq!(
            error("\tA\tB\nx\t1\t2\ny\t3\n"),
            "row 3 has 2 cells where row 1 has 3: every row needs the same number of cells"
        );
    }

    #[test]
    fn text_in_a_score_cell_says_where_and_what() {
        assert_eq!(error("\tA\tB\nSpeed\t1\tten\n"), "row 2 (Speed), column 3 (B): `ten` is not a number");
        assert_eq!(error("\tA\tB\nSpeed\t1\t\n"), "row 2 (Speed), column 3 (B): the score is empty");
        assert_eq!(error("1\t2\n3\tx"), "row 2, column 2: `x` is not a number");
    }

    #[test]
    fn limits_on_criteria_and_options() {
        let mut text = String::from("\tA\tB\n");
        for index in 0..31 {
            text.push_str(&format!("c{index}\t1\t2\n"));
        }
        assert_eq!(error(&text), "31 criteria pasted (rows 2 to 32); a card takes at most 30");
        let seven = "\ta\tb\tc\td\te\tf\tg\nx\t1\t1\t1\t1\t1\t1\t1\n";
        assert_eq!(error(seven), "the header row names 7 options; a card compares 2 to 6");
        assert_eq!(error("\tA\t\nx\t1\t2"), "row 1, column 3: the option's name is empty");
        assert_eq!(error(""), "the pasted text is empty");
        assert_eq!(error("a,b\n1\n"), "row 2 has 1 cell where row 1 has 2: every row needs the same number of cells");
        let block: String = (0..31).map(|_| "1\n").collect();
        assert_eq!(error(&block), "31 rows pasted; a card takes at most 30 criteria");
    }

    #[test]
    fn excel_csv_with_semicolons_and_decimal_commas_is_a_table() {
        let text = "Kriterium;Serverless;VPS\r\nKosten;8,5;6\r\nKontrolle;4;9,5\r\n";
        let Paste::Table { options, criteria } = parse(text).unwrap() else { panic!("not a table") };
        assert_eq!(options, ["Serverless", "VPS"]);
        assert_eq!((criteria[0].scores.clone(), criteria[1].scores.clone()), (vec![8.5, 6.0], vec![4.0, 9.5]));
        // A comma CSV whose names hold semicolons stays a comma CSV.
        let Paste::Table { options, .. } = parse("Criterion,\"A; B\",C\nx,1,2\n").unwrap() else { panic!() };
        assert_eq!(options, ["A; B", "C"]);
        let Paste::Table { options, .. } = parse("Criterion,\"A; B; C\",D\nx,1,2\n").unwrap() else { panic!() };
        assert_eq!(options, ["A; B; C", "D"], "semicolons inside quotes do not count");
    }

    #[test]
    fn note_and_priority_columns_fill_the_criterion_not_the_options() {
        let text =
            "Criterion,Node.js,Python,Priority 0–5,Note\nSpeed,9,6,4,Event loop\nAI,4,10,,\"Libraries, models\"\n";
        let Paste::Table { options, criteria } = parse(text).unwrap() else { panic!("not a table") };
        assert_eq!(options, ["Node.js", "Python"]);
        assert_eq!(
            criteria,
            [
                Row {
                    name: "Speed".into(),
                    scores: vec![9.0, 6.0],
                    note: Some("Event loop".into()),
                    priority: Some(Some(4.0))
                },
                Row {
                    name: "AI".into(),
                    scores: vec![4.0, 10.0],
                    note: Some("Libraries, models".into()),
                    priority: Some(None)
                },
            ]
        );
        assert_eq!(
            error("\tA\tB\tPriority\nx\t1\t2\thigh\n"),
            "row 2 (x), column 4 (Priority): `high` is not a number"
        );
        assert_eq!(error("\tA\tB\tNote\tNotes\nx\t1\t2\ta\tb\n"), "the header row has more than one Note column");
        assert!(to_json(&parse(text)).contains(r#""note":"Event loop","priority":4.0"#), "{}", to_json(&parse(text)));
        assert!(
            to_json(&parse(text)).contains(r#""priority":null"#),
            "a blank priority is the default: {}",
            to_json(&parse(text))
        );
        // Among the options, or before one, such names are options: Apple Notes, Priority Pass.
        let Paste::Table { options, criteria } = parse("\tNotes\tEvernote\nSync\t7\t9\n").unwrap() else { panic!() };
        assert_eq!((options, criteria[0].note.clone()), (vec!["Notes".to_string(), "Evernote".into()], None));
        let Paste::Table { options, .. } = parse("\tPriority Pass\tLoungeKey\tNote\nLounges\t9\t7\tx\n").unwrap()
        else {
            panic!()
        };
        assert_eq!(options, ["Priority Pass", "LoungeKey"]);
        let Paste::Table { options, .. } = parse("\tNote\tA\tB\nx\t1\t2\t3\n").unwrap() else { panic!() };
        assert_eq!(options, ["Note", "A", "B"], "a Note column before an option is an option");
    }

    #[test]
    fn results_as_json_for_the_page() {
        assert_eq!(
            to_json(&parse("\tA\tB\nx\t1\t2.5")),
            r#"{"table":{"criteria":[{"name":"x","scores":[1.0,2.5]}],"options":["A","B"]}}"#
        );
        assert_eq!(to_json(&parse("1")), r#"{"block":[[1.0]]}"#);
        assert_eq!(to_json(&parse("")), r#"{"error":"the pasted text is empty"}"#);
    }
}
