//! The commands, their arguments and what they print.

use std::ffi::OsString;
use std::io::Write;

use comparison_card::native::{render, schema};

use crate::failure::Failure;
use crate::input::{self, SpecFile};

const USAGE: &str = "\
usage: comparison-card validate SPEC.json   check a spec and list every problem
       comparison-card render SPEC.json [--id ID] [--lang LANG] [--share] [--persist] [--no-chart]
                                  [--module URL]
                                            print the <comparison-card> element, pre-rendered,
                                            with those attributes, after the lines that load
                                            the module from URL (default comparison-card.js;
                                            none: leave them out)
       comparison-card schema               print the spec's JSON Schema

SPEC.json may be - for standard input.
Exit status: 0 done, 1 the spec has problems, 2 usage error or unreadable file.";

pub fn run(args: &[OsString]) -> Result<(), Failure> {
    let command = args.first().map(|arg| arg.to_string_lossy());
    let rest = args.get(1..).unwrap_or_default();
    match (command.as_deref(), rest) {
        (Some("validate"), [path]) => validate(input::read(path)?),
        (Some("render"), [path, flags @ ..]) => render(input::read(path)?, &render_options(flags)?),
        (Some("schema"), []) => print(&schema::spec_schema_text()),
        (Some("help" | "--help" | "-h"), []) => print(&format!("{USAGE}\n")),
        (Some("--version" | "-V"), []) => print(&format!("comparison-card {}\n", env!("CARGO_PKG_VERSION"))),
        (Some(name @ ("validate" | "render")), _) => Err(usage(&format!("`{name}` takes one spec file"))),
        (Some("schema"), _) => Err(usage("`schema` takes no arguments")),
        (Some(other), _) => Err(usage(&format!("unknown command `{other}`"))),
        (None, _) => Err(usage("missing command")),
    }
}

fn usage(problem: &str) -> Failure {
    Failure::Usage(format!("{problem}\n{USAGE}"))
}

fn validate(file: SpecFile) -> Result<(), Failure> {
    let comparison = checked(file.parsed)?;
    let criteria = comparison.criteria.len();
    let noun = if criteria == 1 { "criterion" } else { "criteria" };
    print(&format!("{}: valid, {} options, {criteria} {noun}\n", file.name, comparison.options.len()))
}

/// What `render` writes besides the spec: the element's attributes, and the module's URL for
/// the loading lines before it (`None`: leave them out, as for a second card on a page).
struct RenderOptions {
    attributes: render::Attributes,
    module_url: Option<String>,
}

fn render(file: SpecFile, options: &RenderOptions) -> Result<(), Failure> {
    let comparison = checked(file.parsed)?;
    print(&render::render_snippet(&comparison, &file.text, &options.attributes, options.module_url.as_deref()))
}

/// The element attributes and module URL `render` writes, from its flags.
fn render_options(flags: &[OsString]) -> Result<RenderOptions, Failure> {
    let mut attributes = render::Attributes::default();
    let mut module_url = Some(render::DEFAULT_MODULE_URL.to_string());
    let mut flags = flags.iter().map(|flag| flag.to_string_lossy());
    while let Some(flag) = flags.next() {
        match flag.as_ref() {
            "--share" => attributes.share = true,
            "--persist" => attributes.persist = true,
            "--no-chart" => attributes.no_chart = true,
            "--id" => match flags.next() {
                Some(id) => attributes.id = Some(id.into_owned()),
                None => return Err(usage("`--id` needs a value")),
            },
            "--lang" => match flags.next() {
                Some(lang) => attributes.lang = Some(lang.into_owned()),
                None => return Err(usage("`--lang` needs a value")),
            },
            "--module" => match flags.next() {
                Some(url) if url == "none" => module_url = None,
                Some(url) if !url.is_empty() => module_url = Some(url.into_owned()),
                _ => return Err(usage("`--module` needs a URL, or none")),
            },
            other => return Err(usage(&format!("unknown flag `{other}` for `render`"))),
        }
    }
    Ok(RenderOptions { attributes, module_url })
}

/// The comparison, or every problem on standard error, one `path: message` per line.
fn checked<T>(parsed: Result<T, Vec<comparison_card::core::spec::Problem>>) -> Result<T, Failure> {
    parsed.map_err(|problems| {
        let mut stderr = std::io::stderr().lock();
        for problem in problems {
            let _ = writeln!(stderr, "{problem}");
        }
        Failure::Problems
    })
}

fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // The reader went away (`| head`): nothing left to tell anyone.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::Usage(format!("cannot write to standard output: {error}"))),
    }
}
