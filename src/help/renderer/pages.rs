//! The three help pages, built from the embedded data as the AWS CLI's
//! documentation event handlers build them (`awscli/clidocs.py`), as blocks
//! for [`super::typeset`].

use serde_json::{Map, Value};

use super::markup::{html_blocks, inline, rst_blocks, DocBlock};
use super::typeset::{Block, Indent, Run};

const MODEL_JSON: &str = include_str!("../../model/connect-update-user-identity-info.model.json");
const GLOBAL_OPTIONS_JSON: &str = include_str!("../../cli/data/cli-global-options.json");
const COMMAND_NAMES_JSON: &str = include_str!("../../cli/data/command-names.json");
const EXAMPLE_RST: &str = include_str!("data/update-user-identity-info.example.rst");

/// The service's command name (`aws connect …`).
const SERVICE: &str = "connect";

/// `--cli-error-format`, which the CLI adds to the options of `cli.json`.
const CLI_ERROR_FORMAT_HELP: &str =
    "<p>The formatting style for error output. By default, errors are displayed in enhanced format.</p>";
const CLI_ERROR_FORMAT_CHOICES: [&str; 6] = ["legacy", "json", "yaml", "text", "table", "enhanced"];

/// The documentation of `--cli-input-json | --cli-input-yaml`
/// (reStructuredText, as the CLI writes it; the newline is in its source).
const CLI_INPUT_DOC: &str = "``--cli-input-json`` | ``--cli-input-yaml`` (string)\n\
Reads arguments from the JSON string provided. The JSON string follows the format provided by \
``--generate-cli-skeleton``. If other arguments are provided on the command line, those values will \
override the JSON-provided values. It is not possible to pass arbitrary binary values using a \
JSON-provided value as the string will be taken literally. This may not be specified along with \
``--cli-input-yaml``.";

/// The documentation of `--generate-cli-skeleton` (reStructuredText).
const SKELETON_DOC: &str = "``--generate-cli-skeleton`` (string)\n\
Prints a JSON skeleton to standard output without sending an API request. If provided with no value \
or the value ``input``, prints a sample input JSON that can be used as an argument for \
``--cli-input-json``. Similarly, if provided ``yaml-input`` it will print a sample input YAML that \
can be used with ``--cli-input-yaml``. If provided with the value ``output``, it validates the \
command inputs and returns a sample output JSON for that command. The generated JSON skeleton is not \
stable between versions of the AWS CLI and there are no backwards compatibility guarantees in the \
JSON skeleton generated.";

/// The note the CLI puts before every command's examples (reStructuredText).
const EXAMPLES_NOTE: [&str; 2] = [
    "To use the following examples, you must have the AWS CLI installed and configured. See the \
`Getting started guide <https://docs.aws.amazon.com/cli/latest/userguide/getting-started-quickstart.html>`__ \
in the *AWS CLI User Guide* for more information.",
    "Unless otherwise stated, all examples have unix-like quotation rules. These examples will need to \
be adapted to your terminal's quoting rules. See \
`Using quotation marks with strings <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-quoting-strings.html>`__ \
in the *AWS CLI User Guide* .",
];

/// The one-sentence description of the service used on `aws connect help`
/// (the model slice carries no service documentation).
fn service_description(full_name: &str) -> String {
    format!(
        "{full_name} (Amazon Connect Customer) is a cloud contact center: these commands create and \
manage its instances, users, queues, routing profiles, flows and contacts."
    )
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).expect("embedded JSON data is valid")
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// botocore's `xform_name(name, '-')`: `UpdateUserIdentityInfo` →
/// `update-user-identity-info`, `ListARNs` → `list-arns`.
pub(crate) fn xform_name(name: &str) -> String {
    if name.contains('-') {
        return name.to_string();
    }
    let mut chars: Vec<char> = name.chars().collect();
    // `[A-Z]{2,}s$` (ARNs, ACLs) becomes a lower-case word of its own.
    if chars.last() == Some(&'s') {
        let caps = chars[..chars.len() - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if caps >= 2 {
            let start = chars.len() - 1 - caps;
            let tail: Vec<char> = chars[start..]
                .iter()
                .map(|c| c.to_ascii_lowercase())
                .collect();
            chars.truncate(start);
            chars.push('-');
            chars.extend(tail);
        }
    }
    // `(.)([A-Z][a-z]+)` → `\1-\2`, non-overlapping, left to right.
    let mut first = Vec::with_capacity(chars.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let starts_word = chars.get(i + 1).is_some_and(char::is_ascii_uppercase)
            && chars.get(i + 2).is_some_and(char::is_ascii_lowercase);
        if starts_word {
            first.push(chars[i]);
            first.push('-');
            first.push(chars[i + 1]);
            i += 2;
            while i < chars.len() && chars[i].is_ascii_lowercase() {
                first.push(chars[i]);
                i += 1;
            }
        } else {
            first.push(chars[i]);
            i += 1;
        }
    }
    // `([a-z0-9])([A-Z])` → `\1-\2`.
    let mut out = String::with_capacity(first.len() + 8);
    for (j, &c) in first.iter().enumerate() {
        if j > 0
            && c.is_ascii_uppercase()
            && (first[j - 1].is_ascii_lowercase() || first[j - 1].is_ascii_digit())
        {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

// ---------------------------------------------------------------------------
// Placing documentation blocks

/// Places documentation blocks at `indent` the way docutils' man writer
/// does: a paragraph gets a blank line before it unless it is the first
/// child of its container (`first_child`), admonition bodies and block
/// quotes are indented by `3.5n`, bullets use `.IP \(bu 2`, literal blocks
/// are indented and preceded by a blank line.
fn place(blocks: &[DocBlock], indent: Indent, first_child: bool, out: &mut Vec<Block>) {
    for (k, block) in blocks.iter().enumerate() {
        let first = first_child && k == 0;
        match block {
            DocBlock::Para(runs) => out.push(Block::Para {
                indent,
                space_before: !first,
                runs: runs.clone(),
            }),
            DocBlock::Admonition { label, body } => {
                out.push(Block::Para {
                    indent,
                    space_before: !first,
                    runs: vec![Run::bold(*label)],
                });
                place(body, indent.quoted(), true, out);
            }
            DocBlock::List(items) => {
                for item in items {
                    let rest = match item.first() {
                        Some(DocBlock::Para(runs)) => {
                            out.push(Block::Bullet {
                                indent,
                                runs: runs.clone(),
                            });
                            &item[1..]
                        }
                        _ => {
                            out.push(Block::Bullet {
                                indent,
                                runs: Vec::new(),
                            });
                            &item[..]
                        }
                    };
                    place(rest, indent.bullet_text(), false, out);
                }
            }
            DocBlock::Literal(lines) => out.push(Block::Literal {
                indent: indent.quoted(),
                space_before: true,
                lines: lines.clone(),
            }),
            DocBlock::Quote(inner) => place(inner, indent.quoted(), true, out),
        }
    }
}

fn para(indent: Indent, space_before: bool, runs: Vec<Run>) -> Block {
    Block::Para {
        indent,
        space_before,
        runs,
    }
}

fn heading(text: &str) -> Block {
    Block::Heading(text.to_string())
}

/// `NAME` with `name -` (docutils writes `name \-` for an empty description).
fn name_section(name: &str, out: &mut Vec<Block>) {
    out.push(heading("NAME"));
    out.push(para(
        Indent::SECTION,
        false,
        vec![Run::roman(format!("{name} -"))],
    ));
}

/// A bullet list of plain words.
fn bullets<'a>(items: impl IntoIterator<Item = &'a str>) -> DocBlock {
    DocBlock::List(
        items
            .into_iter()
            .map(|item| vec![DocBlock::Para(vec![Run::roman(item)])])
            .collect(),
    )
}

// ---------------------------------------------------------------------------
// Global options

/// One global option of `cli.json`.
struct GlobalOption {
    name: String,
    type_name: &'static str,
    takes_value: bool,
    help: String,
    choices: Vec<String>,
}

fn global_options() -> Vec<GlobalOption> {
    let data = parse(GLOBAL_OPTIONS_JSON);
    let empty = Map::new();
    let options = data
        .get("options")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut list: Vec<GlobalOption> = options
        .iter()
        .map(|(name, option)| {
            let action = str_of(option, "action");
            let flag = matches!(action, "store_true" | "store_false");
            GlobalOption {
                name: name.clone(),
                type_name: if flag {
                    "boolean"
                } else if str_of(option, "type") == "int" {
                    "int"
                } else {
                    "string"
                },
                takes_value: !flag,
                help: str_of(option, "help").to_string(),
                choices: option
                    .get("choices")
                    .and_then(Value::as_array)
                    .map(|c| {
                        c.iter()
                            .filter_map(Value::as_str)
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    if !list.iter().any(|o| o.name == "cli-error-format") {
        list.push(GlobalOption {
            name: "cli-error-format".into(),
            type_name: "string",
            takes_value: true,
            help: CLI_ERROR_FORMAT_HELP.into(),
            choices: CLI_ERROR_FORMAT_CHOICES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        });
    }
    list
}

/// The global options as documented on every page: the name and type, the
/// help text, and the choices as bullets.
fn global_option_blocks(out: &mut Vec<Block>) {
    for option in global_options() {
        out.push(para(
            Indent::SECTION,
            true,
            vec![
                Run::bold(format!("--{}", option.name)),
                Run::roman(format!(" ({})", option.type_name)),
            ],
        ));
        place(&html_blocks(&option.help), Indent::SECTION, false, out);
        if !option.choices.is_empty() {
            place(
                &[bullets(option.choices.iter().map(String::as_str))],
                Indent::SECTION,
                false,
                out,
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The operation page

/// Shapes of the model slice.
struct Model {
    data: Value,
}

impl Model {
    fn load() -> Model {
        Model {
            data: parse(MODEL_JSON),
        }
    }

    fn operation(&self) -> &Value {
        &self.data["operation"]
    }

    fn shape(&self, name: &str) -> &Value {
        &self.data["shapes"][name]
    }

    /// The shape a member refers to.
    fn target(&self, member: &Value) -> &Value {
        self.shape(str_of(member, "shape"))
    }

    fn members<'a>(&'a self, shape: &'a Value) -> impl Iterator<Item = (&'a String, &'a Value)> {
        shape
            .get("members")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
    }

    fn type_name<'a>(&self, shape: &'a Value) -> &'a str {
        str_of(shape, "type")
    }

    /// `Constraints:` and its bullets (`min: 0`, `max: 255`, `pattern: …`),
    /// as AWS CLI v2 prints them after a parameter's documentation.
    fn constraints(&self, shape: &Value) -> Vec<DocBlock> {
        let mut items = Vec::new();
        for key in ["min", "max", "pattern"] {
            let value = match shape.get(key) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            items.push(vec![DocBlock::Para(vec![
                Run::roman(format!("{key}: ")),
                Run::bold(value),
            ])]);
        }
        if items.is_empty() {
            return Vec::new();
        }
        vec![
            DocBlock::Para(vec![Run::roman("Constraints:")]),
            DocBlock::List(items),
        ]
    }

    /// A member's documentation followed by its constraints.
    fn member_doc(&self, member: &Value) -> Vec<DocBlock> {
        let mut blocks = html_blocks(str_of(member, "documentation"));
        blocks.extend(self.constraints(self.target(member)));
        blocks
    }

    /// The nested members of a structure: `Name -> (type)` and, indented,
    /// their documentation (and their own members).
    fn structure_members(
        &self,
        shape: &Value,
        indent: Indent,
        first_child: bool,
        out: &mut Vec<Block>,
    ) {
        for (k, (name, member)) in self.members(shape).enumerate() {
            let target = self.target(member);
            out.push(para(
                indent,
                !(first_child && k == 0),
                vec![Run::roman(format!(
                    "{name} -> ({})",
                    self.type_name(target)
                ))],
            ));
            let doc = self.member_doc(member);
            place(&doc, indent.quoted(), true, out);
            if self.type_name(target) == "structure" {
                self.structure_members(target, indent.quoted(), doc.is_empty(), out);
            }
        }
    }

    /// The shorthand syntax of a shape (`FirstName=string,LastName=string`).
    fn shorthand(&self, shape: &Value, top: bool) -> String {
        match self.type_name(shape) {
            "structure" => {
                let inner: Vec<String> = self
                    .members(shape)
                    .map(|(name, member)| {
                        format!("{name}={}", self.shorthand(self.target(member), false))
                    })
                    .collect();
                if top {
                    inner.join(",")
                } else {
                    format!("{{{}}}", inner.join(","))
                }
            }
            "list" => {
                let member = self.shorthand(self.target(&shape["member"]), false);
                if top {
                    format!("{member} {member}")
                } else {
                    format!("[{member},{member}]")
                }
            }
            "map" => {
                let value = self.shorthand(self.target(&shape["value"]), false);
                format!("KeyName1={value},KeyName2={value}")
            }
            other => other.to_string(),
        }
    }

    /// The JSON syntax of a shape, one line per entry, indented by two
    /// spaces per level (`{`, `  "FirstName": "string",`, …).
    fn json_syntax(
        &self,
        shape: &Value,
        depth: usize,
        lines: &mut Vec<String>,
        prefix: String,
        suffix: &str,
    ) {
        let pad = "  ".repeat(depth);
        match self.type_name(shape) {
            "structure" => {
                lines.push(format!("{pad}{prefix}{{"));
                let members: Vec<_> = self.members(shape).collect();
                for (k, (name, member)) in members.iter().enumerate() {
                    let comma = if k + 1 < members.len() { "," } else { "" };
                    self.json_syntax(
                        self.target(member),
                        depth + 1,
                        lines,
                        format!("\"{name}\": "),
                        comma,
                    );
                }
                lines.push(format!("{pad}}}{suffix}"));
            }
            "list"
                if !matches!(
                    self.type_name(self.target(&shape["member"])),
                    "structure" | "list" | "map"
                ) =>
            {
                let value = self.json_value(self.target(&shape["member"]));
                lines.push(format!("{pad}{prefix}[{value}, ...]{suffix}"));
            }
            "list" => {
                lines.push(format!("{pad}{prefix}["));
                self.json_syntax(
                    self.target(&shape["member"]),
                    depth + 1,
                    lines,
                    String::new(),
                    "",
                );
                lines.push(format!("{pad}  ..."));
                lines.push(format!("{pad}]{suffix}"));
            }
            "map" => {
                lines.push(format!("{pad}{prefix}{{"));
                self.json_syntax(
                    self.target(&shape["value"]),
                    depth + 1,
                    lines,
                    "\"string\": ".into(),
                    "",
                );
                lines.push(format!("{pad}  ..."));
                lines.push(format!("{pad}}}{suffix}"));
            }
            _ => lines.push(format!("{pad}{prefix}{}{suffix}", self.json_value(shape))),
        }
    }

    fn json_value(&self, shape: &Value) -> String {
        if let Some(values) = shape.get("enum").and_then(Value::as_array) {
            return values
                .iter()
                .filter_map(Value::as_str)
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join("|");
        }
        match self.type_name(shape) {
            "string" => "\"string\"".into(),
            "boolean" => "true|false".into(),
            other => other.into(),
        }
    }
}

/// `aws connect update-user-identity-info help`.
pub(crate) fn operation_page() -> (String, Vec<Block>) {
    let model = Model::load();
    let op = model.operation();
    let name = xform_name(str_of(op, "name"));
    let input = model.shape(str_of(&op["input"], "shape"));
    let required: Vec<&str> = input
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let args: Vec<(String, &Value, bool)> = model
        .members(input)
        .map(|(member_name, member)| {
            (
                xform_name(member_name),
                member,
                required.contains(&member_name.as_str()),
            )
        })
        .collect();
    let globals = global_options();
    let section = Indent::SECTION;
    let mut out = Vec::new();

    name_section(&name, &mut out);

    out.push(heading("DESCRIPTION"));
    place(
        &html_blocks(str_of(op, "documentation")),
        section,
        false,
        &mut out,
    );
    out.push(para(
        section,
        true,
        vec![Run::roman("See also: AWS API Documentation")],
    ));

    out.push(heading("SYNOPSIS"));
    let mut synopsis = vec![format!("  {name}")];
    for (arg, _, is_required) in &args {
        synopsis.push(if *is_required {
            format!("--{arg} <value>")
        } else {
            format!("[--{arg} <value>]")
        });
    }
    synopsis.push("[--cli-input-json | --cli-input-yaml]".into());
    synopsis.push("[--generate-cli-skeleton <value>]".into());
    for option in &globals {
        synopsis.push(if option.takes_value {
            format!("[--{} <value>]", option.name)
        } else {
            format!("[--{}]", option.name)
        });
    }
    place(&[DocBlock::Literal(synopsis)], section, false, &mut out);

    out.push(heading("OPTIONS"));
    for (arg, member, is_required) in &args {
        let target = model.target(member);
        let type_name = model.type_name(target);
        let mut title = vec![
            Run::bold(format!("--{arg}")),
            Run::roman(format!(" ({type_name})")),
        ];
        if *is_required {
            title.push(Run::roman(" [required]"));
        }
        out.push(para(section, true, title));
        let doc = model.member_doc(member);
        place(&doc, section.quoted(), true, &mut out);
        if type_name == "structure" {
            model.structure_members(target, section.quoted(), doc.is_empty(), &mut out);
        }
        if matches!(type_name, "structure" | "list" | "map") {
            out.push(para(section, true, vec![Run::roman("Shorthand Syntax:")]));
            place(
                &[DocBlock::Literal(vec![model.shorthand(target, true)])],
                section,
                false,
                &mut out,
            );
            out.push(para(section, true, vec![Run::roman("JSON Syntax:")]));
            let mut json = Vec::new();
            model.json_syntax(target, 0, &mut json, String::new(), "");
            place(&[DocBlock::Literal(json)], section, false, &mut out);
        }
    }
    out.push(para(section, true, inline(CLI_INPUT_DOC)));
    out.push(para(section, true, inline(SKELETON_DOC)));

    out.push(heading("GLOBAL OPTIONS"));
    global_option_blocks(&mut out);

    out.push(heading("EXAMPLES"));
    let note = DocBlock::Admonition {
        label: "NOTE:",
        body: EXAMPLES_NOTE
            .iter()
            .map(|text| DocBlock::Para(inline(text)))
            .collect(),
    };
    place(&[note], section, false, &mut out);
    place(&rst_blocks(EXAMPLE_RST), section, false, &mut out);

    out.push(heading("OUTPUT"));
    out.push(para(section, true, vec![Run::roman("None")]));

    (name.to_uppercase(), out)
}

// ---------------------------------------------------------------------------
// The service and top-level pages

/// Names of a command table as the help lists them: sorted, with `help`.
fn with_help(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = names.into_iter().collect();
    names.push("help".into());
    names.sort();
    names.dedup();
    names
}

fn command_names(key: &str) -> Vec<String> {
    let data = parse(COMMAND_NAMES_JSON);
    data.get(key)
        .and_then(Value::as_array)
        .map(|names| {
            names
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// `aws connect help`.
pub(crate) fn service_page() -> (String, Vec<Block>) {
    let model = Model::load();
    let full_name = str_of(&model.data["metadata"], "serviceFullName");
    let section = Indent::SECTION;
    let mut out = Vec::new();
    name_section(SERVICE, &mut out);
    out.push(heading("DESCRIPTION"));
    out.push(para(section, true, inline(&service_description(full_name))));
    out.push(heading("AVAILABLE COMMANDS"));
    let commands = with_help(command_names("connect_operations"));
    place(
        &[bullets(commands.iter().map(String::as_str))],
        section,
        false,
        &mut out,
    );
    (SERVICE.to_uppercase(), out)
}

/// `aws help`.
pub(crate) fn top_level_page() -> (String, Vec<Block>) {
    let data = parse(GLOBAL_OPTIONS_JSON);
    let section = Indent::SECTION;
    let mut out = Vec::new();
    name_section("aws", &mut out);
    out.push(heading("DESCRIPTION"));
    place(
        &html_blocks(str_of(&data, "description")),
        section,
        false,
        &mut out,
    );
    out.push(heading("SYNOPSIS"));
    place(
        &[DocBlock::Literal(vec![
            str_of(&data, "synopsis").to_string()
        ])],
        section,
        false,
        &mut out,
    );
    place(
        &html_blocks(str_of(&data, "help_usage")),
        section,
        false,
        &mut out,
    );
    out.push(heading("OPTIONS"));
    global_option_blocks(&mut out);
    out.push(heading("AVAILABLE SERVICES"));
    let services = with_help(command_names("commands"));
    place(
        &[bullets(services.iter().map(String::as_str))],
        section,
        false,
        &mut out,
    );
    out.push(heading("SEE ALSO"));
    place(&[bullets(["aws help topics"])], section, false, &mut out);
    ("AWS".to_string(), out)
}

#[cfg(test)]
mod tests {
    use super::xform_name;

    #[test]
    fn xform_names() {
        assert_eq!(
            xform_name("UpdateUserIdentityInfo"),
            "update-user-identity-info"
        );
        assert_eq!(xform_name("IdentityInfo"), "identity-info");
        assert_eq!(xform_name("InstanceId"), "instance-id");
        assert_eq!(xform_name("ListARNs"), "list-arns");
        assert_eq!(xform_name("DescribeDBInstances"), "describe-db-instances");
        assert_eq!(xform_name("GetS3Object"), "get-s3-object");
        assert_eq!(xform_name("already-dashed"), "already-dashed");
    }
}
