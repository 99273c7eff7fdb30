//! JMESPath, evaluated the way the AWS CLI v2's `--query` does it: a port of
//! Python's jmespath 1.0.1 (`jmespath.compile(expr).search(data)`), with its
//! results and error texts, including its deviations from the specification.
//!
//! Reproduced jmespath.py behaviour:
//!
//! * **Syntax**: its lexer and Pratt parser, quirks included (optional commas
//!   between function arguments and between multi-select-hash pairs,
//!   `a[0][1:2]` not projecting, deprecated backtick literals that are not
//!   JSON being read as strings, raw strings keeping `\\`).
//! * **Compile errors**: the exact `str()` of `LexerError`, `ParseError`,
//!   `IncompleteExpressionError` and `EmptyExpressionError`, i.e. the text the
//!   AWS CLI prints after `Bad value for --query <expr>: `.
//! * **Evaluation**: Python semantics: `==` where `[true] == [1]` and
//!   `1 == 1.0` (but `0`/`1` never equal a boolean at the top level);
//!   ordering of numbers and strings only, a string against a number being
//!   Python's `TypeError`; truthiness where `0` is true; Python slicing;
//!   object key order as Python dicts keep it (input order, expression order
//!   for multi-select hashes, `dict.update` order for `merge`).
//! * **Numbers**: ints stay ints and floats stay floats (`sum`, `abs`, `max`
//!   of ints are ints, `ceil`/`floor` give ints, `avg` a float,
//!   `to_number("2")` an int).
//! * **Functions**: all 26, with jmespath.py's checking order (arguments are
//!   evaluated, then unknown function, arity and types are checked at run
//!   time) and its `JMESPathTypeError`/`ArityError`/`UnknownFunctionError`
//!   texts; `to_string` is `json.dumps(v, separators=(',', ':'))`
//!   (ASCII-escaped, floats as Python's `repr`).
//!
//! Known differences, all forced by `serde_json::Value` or by Python
//! internals that have no portable equivalent: integers beyond the
//! i64/u64 range become floats; `NaN`/`Infinity` literals are not JSON here
//! (they read as strings) and non-finite results (`to_number('inf')`, float
//! overflow) are null; a lone surrogate escape becomes U+FFFD; `str()` of an
//! expression reference shows a fixed address; an expression reference in the
//! final result is an error (`Circular reference detected`, as the CLI's
//! JSON output reports it); nesting deeper than 128 levels (or
//! literal JSON deeper than 256) is refused at compile time with a
//! `maximum recursion depth exceeded` message where Python would raise
//! `RecursionError` at a somewhat different depth; `to_number` reads ASCII
//! digits only (Python's `int()`/`float()` also take other Unicode decimal
//! digits); `str.isprintable` (used when error texts show strings inside
//! lists) is approximated for unassigned code points.  `sum`/`avg` add
//! floats left to right, as CPython up to 3.11 does (3.12 switched `sum()` to
//! compensated summation, which can differ in the last bit).

mod ast;
mod functions;
mod interpreter;
mod lexer;
mod parser;
mod pyjson;
mod value;

#[cfg(test)]
mod tests;

use serde_json::Value;

use self::interpreter::Interpreter;
use self::lexer::LexError;
use self::parser::ParseError;
use self::value::Val;

/// A compiled JMESPath expression.
#[derive(Debug)]
pub struct Expression {
    ast: ast::Node,
}

/// Compiles `expr` like `jmespath.compile`.
///
/// The error is exactly what the AWS CLI v2 prints after
/// `Bad value for --query <expr>: `.
pub fn compile(expr: &str) -> Result<Expression, String> {
    if expr.is_empty() {
        return Err("Invalid JMESPath expression: cannot be empty.".to_owned());
    }
    let tokens = lexer::tokenize(expr).map_err(|e| match e {
        LexError::Lex { position, message } => format!(
            "Bad jmespath expression: {message}:\n{expr}\n{}^",
            " ".repeat(position)
        ),
        LexError::TooDeep(message) => message.to_owned(),
    })?;
    let ast = parser::parse(tokens).map_err(|e| match e {
        ParseError::Syntax { position, value, kind, message } => format!(
            "{message}: Parse error at column {position}, token \"{value}\" ({}), for expression:\n\"{expr}\"\n{}^",
            kind.name().to_uppercase(),
            " ".repeat(position + 1)
        ),
        ParseError::Incomplete => format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{expr}\"\n{}^",
            " ".repeat(expr.chars().count() + 1)
        ),
        ParseError::TooDeep => "maximum recursion depth exceeded".to_owned(),
    })?;
    Ok(Expression { ast })
}

impl Expression {
    /// Evaluates the expression against `data` like jmespath.py's `search`.
    ///
    /// The error is the `str()` of the exception jmespath.py raises
    /// (`JMESPathTypeError`, `ArityError`, `UnknownFunctionError`, or a
    /// Python `ValueError`/`TypeError` it lets through).
    pub fn search(&self, data: &Value) -> Result<Value, String> {
        let interpreter = Interpreter::default();
        interpreter.eval(&self.ast, &Val::Json(data))?.to_value()
    }
}

