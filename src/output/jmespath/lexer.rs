//! Tokenizer, a port of jmespath.py 1.0.1's `Lexer`.
//!
//! Positions are counted in characters (Python code points), as in the error
//! messages jmespath.py produces.  The whole expression is tokenized before
//! parsing starts, so a lexer error wins over any parse error.

use serde_json::Value;

use super::pyjson::{self, JsonError};
use super::value::{py_isspace, py_str, Val};

/// Token types; [`TokKind::name`] gives jmespath.py's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    Dot,
    Star,
    Rbracket,
    Comma,
    Colon,
    Current,
    Lparen,
    Rparen,
    Lbrace,
    Rbrace,
    UnquotedIdentifier,
    QuotedIdentifier,
    Flatten,
    Filter,
    Lbracket,
    Literal,
    Or,
    Pipe,
    And,
    Expref,
    Number,
    Lte,
    Lt,
    Gte,
    Gt,
    Ne,
    Not,
    Eq,
    Eof,
}

impl TokKind {
    /// The token type name used in jmespath.py's error messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            TokKind::Dot => "dot",
            TokKind::Star => "star",
            TokKind::Rbracket => "rbracket",
            TokKind::Comma => "comma",
            TokKind::Colon => "colon",
            TokKind::Current => "current",
            TokKind::Lparen => "lparen",
            TokKind::Rparen => "rparen",
            TokKind::Lbrace => "lbrace",
            TokKind::Rbrace => "rbrace",
            TokKind::UnquotedIdentifier => "unquoted_identifier",
            TokKind::QuotedIdentifier => "quoted_identifier",
            TokKind::Flatten => "flatten",
            TokKind::Filter => "filter",
            TokKind::Lbracket => "lbracket",
            TokKind::Literal => "literal",
            TokKind::Or => "or",
            TokKind::Pipe => "pipe",
            TokKind::And => "and",
            TokKind::Expref => "expref",
            TokKind::Number => "number",
            TokKind::Lte => "lte",
            TokKind::Lt => "lt",
            TokKind::Gte => "gte",
            TokKind::Gt => "gt",
            TokKind::Ne => "ne",
            TokKind::Not => "not",
            TokKind::Eq => "eq",
            TokKind::Eof => "eof",
        }
    }

    /// jmespath.py's `Parser.BINDING_POWER`.
    pub(super) fn binding_power(self) -> u8 {
        match self {
            TokKind::Eof
            | TokKind::UnquotedIdentifier
            | TokKind::QuotedIdentifier
            | TokKind::Literal
            | TokKind::Rbracket
            | TokKind::Rparen
            | TokKind::Comma
            | TokKind::Rbrace
            | TokKind::Number
            | TokKind::Current
            | TokKind::Expref
            | TokKind::Colon => 0,
            TokKind::Pipe => 1,
            TokKind::Or => 2,
            TokKind::And => 3,
            TokKind::Eq | TokKind::Gt | TokKind::Lt | TokKind::Gte | TokKind::Lte | TokKind::Ne => 5,
            TokKind::Flatten => 9,
            TokKind::Star => 20,
            TokKind::Filter => 21,
            TokKind::Dot => 40,
            TokKind::Not => 45,
            TokKind::Lbrace => 50,
            TokKind::Lbracket => 55,
            TokKind::Lparen => 60,
        }
    }
}

/// A token's value.
#[derive(Clone, Debug)]
pub(super) enum TokValue {
    /// Identifiers and operators: their text.
    Text(String),
    /// Literals (backtick JSON and raw strings): the decoded value.
    Literal(Value),
    /// Numbers: the value clamped to i64 (Python would keep any size, but
    /// every use of it saturates anyway) and its Python `str(int(...))`.
    Number(i64, String),
}

impl TokValue {
    /// The token value as jmespath.py's error messages print it (`%s`).
    pub(super) fn display(&self) -> String {
        match self {
            TokValue::Text(s) => s.clone(),
            TokValue::Literal(v) => py_str(&Val::Json(v)),
            TokValue::Number(_, text) => text.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: TokKind,
    pub(super) value: TokValue,
    pub(super) start: usize,
}

/// A jmespath.py `LexerError` (without the expression, added by the caller).
#[derive(Debug)]
pub(super) enum LexError {
    Lex { position: usize, message: String },
    /// A literal nested too deeply (Python: an uncaught `RecursionError`).
    TooDeep(&'static str),
}

/// Tokenizes `expression` (which must not be empty), ending with an `eof`.
pub(super) fn tokenize(expression: &str) -> Result<Vec<Token>, LexError> {
    let chars: Vec<char> = expression.chars().collect();
    let current = chars.first().copied();
    let mut lexer = Lexer { chars, position: 0, current, tokens: Vec::new() };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer {
    chars: Vec<char>,
    position: usize,
    current: Option<char>,
    tokens: Vec<Token>,
}

fn lex_error(position: usize, message: String) -> LexError {
    LexError::Lex { position, message }
}

impl Lexer {
    /// Python's `_next`: at the last character the position stays put and
    /// the current character becomes `None`.
    fn next(&mut self) -> Option<char> {
        if self.position + 1 >= self.chars.len() {
            self.current = None;
        } else {
            self.position += 1;
            self.current = self.chars.get(self.position).copied();
        }
        self.current
    }

    fn push(&mut self, kind: TokKind, text: &str, start: usize) {
        self.tokens.push(Token { kind, value: TokValue::Text(text.to_owned()), start });
    }

    fn run(&mut self) -> Result<(), LexError> {
        while let Some(c) = self.current {
            let start = self.position;
            match c {
                '.' | '*' | ']' | ',' | ':' | '@' | '(' | ')' | '{' | '}' => {
                    let kind = match c {
                        '.' => TokKind::Dot,
                        '*' => TokKind::Star,
                        ']' => TokKind::Rbracket,
                        ',' => TokKind::Comma,
                        ':' => TokKind::Colon,
                        '@' => TokKind::Current,
                        '(' => TokKind::Lparen,
                        ')' => TokKind::Rparen,
                        '{' => TokKind::Lbrace,
                        _ => TokKind::Rbrace,
                    };
                    self.push(kind, &c.to_string(), start);
                    self.next();
                }
                'a'..='z' | 'A'..='Z' | '_' => {
                    let mut buff = c.to_string();
                    while let Some(n) = self.next() {
                        if !(n.is_ascii_alphanumeric() || n == '_') {
                            break;
                        }
                        buff.push(n);
                    }
                    self.push(TokKind::UnquotedIdentifier, &buff, start);
                }
                ' ' | '\t' | '\n' | '\r' => {
                    self.next();
                }
                '[' => match self.next() {
                    Some(']') => {
                        self.next();
                        self.push(TokKind::Flatten, "[]", start);
                    }
                    Some('?') => {
                        self.next();
                        self.push(TokKind::Filter, "[?", start);
                    }
                    _ => self.push(TokKind::Lbracket, "[", start),
                },
                '\'' => {
                    let lexeme = self.consume_until('\'')?.replace("\\'", "'");
                    self.tokens.push(Token {
                        kind: TokKind::Literal,
                        value: TokValue::Literal(Value::String(lexeme)),
                        start,
                    });
                }
                '|' => self.match_or_else('|', TokKind::Or, TokKind::Pipe),
                '&' => self.match_or_else('&', TokKind::And, TokKind::Expref),
                '<' => self.match_or_else('=', TokKind::Lte, TokKind::Lt),
                '>' => self.match_or_else('=', TokKind::Gte, TokKind::Gt),
                '!' => self.match_or_else('=', TokKind::Ne, TokKind::Not),
                '`' => self.consume_literal()?,
                '0'..='9' | '-' => {
                    let buff = self.consume_number(c);
                    if buff == "-" {
                        return Err(lex_error(start, "Unknown token '-'".to_owned()));
                    }
                    let value = buff.parse::<i64>().unwrap_or(if c == '-' { i64::MIN } else { i64::MAX });
                    self.tokens.push(Token {
                        kind: TokKind::Number,
                        value: TokValue::Number(value, python_int_text(&buff)),
                        start,
                    });
                }
                '"' => self.consume_quoted_identifier()?,
                '=' => {
                    if self.next() == Some('=') {
                        self.push(TokKind::Eq, "==", start);
                        self.next();
                    } else {
                        return Err(lex_error(start, "Unknown token '='".to_owned()));
                    }
                }
                _ => return Err(lex_error(start, format!("Unknown token {c}"))),
            }
        }
        let end = self.chars.len();
        self.push(TokKind::Eof, "", end);
        Ok(())
    }

    fn consume_number(&mut self, first: char) -> String {
        let mut buff = first.to_string();
        while let Some(n) = self.next() {
            if !n.is_ascii_digit() {
                break;
            }
            buff.push(n);
        }
        buff
    }

    /// Python's `_consume_until`: a backslash keeps itself and protects the
    /// next character.
    fn consume_until(&mut self, delimiter: char) -> Result<String, LexError> {
        let start = self.position;
        let mut buff = String::new();
        self.next();
        while self.current != Some(delimiter) {
            if self.current == Some('\\') {
                buff.push('\\');
                self.next();
            }
            match self.current {
                None => {
                    return Err(lex_error(start, format!("Unclosed {delimiter} delimiter")));
                }
                Some(c) => buff.push(c),
            }
            self.next();
        }
        self.next();
        Ok(buff)
    }

    /// A backtick literal: JSON, or failing that (deprecated JEP-12 form) the
    /// text as a JSON string body, or failing that `Bad token`.
    fn consume_literal(&mut self) -> Result<(), LexError> {
        let start = self.position;
        let lexeme = self.consume_until('`')?.replace("\\`", "`");
        let value = match pyjson::loads(&lexeme) {
            Ok(v) => v,
            Err(JsonError::TooDeep(msg)) => return Err(LexError::TooDeep(msg)),
            Err(JsonError::Invalid(_)) => {
                let quoted = format!("\"{}\"", lexeme.trim_start_matches(py_isspace));
                match pyjson::loads(&quoted) {
                    Ok(v) => v,
                    Err(_) => return Err(lex_error(start, format!("Bad token {lexeme}"))),
                }
            }
        };
        self.tokens.push(Token { kind: TokKind::Literal, value: TokValue::Literal(value), start });
        Ok(())
    }

    fn consume_quoted_identifier(&mut self) -> Result<(), LexError> {
        let start = self.position;
        let lexeme = format!("\"{}\"", self.consume_until('"')?);
        let name = match pyjson::loads(&lexeme) {
            Ok(Value::String(s)) => s,
            Ok(other) => py_str(&Val::Json(&other)),
            Err(JsonError::Invalid(msg)) => return Err(lex_error(start, msg.to_owned())),
            Err(JsonError::TooDeep(msg)) => return Err(LexError::TooDeep(msg)),
        };
        self.tokens.push(Token { kind: TokKind::QuotedIdentifier, value: TokValue::Text(name), start });
        Ok(())
    }

    fn match_or_else(&mut self, expected: char, matched: TokKind, otherwise: TokKind) {
        let start = self.position;
        let current = self.current.unwrap_or_default();
        if self.next() == Some(expected) {
            self.next();
            self.push(matched, &format!("{current}{expected}"), start);
        } else {
            self.push(otherwise, &current.to_string(), start);
        }
    }
}

/// `str(int(text))` for an optionally negative run of ASCII digits.
fn python_int_text(text: &str) -> String {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_owned()
    } else if negative {
        format!("-{trimmed}")
    } else {
        trimmed.to_owned()
    }
}
