//! What is wrong with a spec, and where: the list the validator builds as it walks.
//!
//! One walk (in `spec`) serves two builds. Authors' tools (the CLI, the studio, the card's
//! development build) list every problem with its path and what is wrong. The card a visitor
//! downloads lists only the paths: the walk is the same code, so it refuses exactly the same
//! specs, but every message is built in a closure that the lean list never calls, and the
//! compiler leaves the messages (their words and the code that writes them) out of that wasm.

use super::number::push_uint;

/// At most this many problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 50;

/// One thing wrong with a spec: where (`criteria[2].scores.python`) and what. The message is
/// empty in the lean list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the spec: `criteria[2].scores.python`.
    pub path: String,
    /// What is wrong, in words; empty when only the place is known (the lean list).
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        if !self.message.is_empty() {
            f.write_str(": ")?;
            f.write_str(&self.message)?;
        }
        Ok(())
    }
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

/// Where a value sits in the spec, built on the stack as the walk goes down and written out
/// only when something there is wrong: a valid spec allocates no path at all.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The spec itself.
    Spec,
    /// A field of an object.
    Field(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

/// The spec's own path, to start a walk from.
pub const SPEC: Path<'static> = Path::Spec;

impl<'a> Path<'a> {
    /// `self.name`.
    pub fn field<'b>(&'b self, name: &'b str) -> Path<'b> {
        Path::Field(self, name)
    }

    /// `self[index]`.
    pub fn index(&self, index: usize) -> Path<'_> {
        Path::Index(self, index)
    }

    /// `criteria[2].scores.python`; fields of the spec itself have no prefix, the spec alone
    /// is `spec`, and an empty key shows as `""`, so that every path names something (found
    /// by fuzzing: `{"": 6}`).
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Spec => out.push_str("spec"),
            Path::Field(parent, name) => {
                if !matches!(parent, Path::Spec) {
                    parent.write(out);
                    out.push('.');
                }
                out.push_str(if name.is_empty() { "\"\"" } else { name });
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                push_uint(out, *index as u64);
                out.push(']');
            }
        }
    }
}

/// What is wrong, as words or as a function that writes them: the lean list calls neither.
pub trait Message {
    /// The words.
    fn into_text(self) -> String;
}

impl Message for &'static str {
    fn into_text(self) -> String {
        self.to_string()
    }
}

impl<F: FnOnce() -> String> Message for F {
    fn into_text(self) -> String {
        self()
    }
}

/// Problems found so far. With `MESSAGES` false only their paths are kept (the shipped card);
/// past a bound they are only counted, so a hostile spec cannot make the list itself large.
#[derive(Default)]
pub struct Problems<const MESSAGES: bool> {
    list: Vec<Problem>,
    unlisted: usize,
}

impl<const MESSAGES: bool> Problems<MESSAGES> {
    /// Records a problem at `path`.
    pub fn add(&mut self, path: &Path, message: impl Message) {
        if self.list.len() < MAX_PROBLEMS {
            let message = if MESSAGES { message.into_text() } else { String::new() };
            self.list.push(Problem { path: path.render(), message });
        } else {
            self.unlisted += 1;
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Everything found, with a last line counting what was not listed.
    pub fn into_list(mut self) -> Vec<Problem> {
        if self.unlisted > 0 {
            let mut message = String::new();
            push_uint(&mut message, self.unlisted as u64);
            message.push_str(" more problems not listed");
            self.list.push(Problem::new("spec", message));
        }
        self.list
    }
}
