//! Top-down operator precedence parser, a port of jmespath.py 1.0.1's
//! `Parser` that keeps its quirks, for example:
//!
//! * `foo(a b)` parses like `foo(a, b)` and `{a: b c: d}` like
//!   `{a: b, c: d}` (commas between arguments / pairs are optional);
//! * `[1 2]`-style slices keep the last number given for a part;
//! * `a[0][1:2]` appends the slice to the index expression instead of
//!   starting a projection, so `a[0][1:2].b` is `null`;
//! * errors carry jmespath.py's message, token and column.

use serde_json::Value;

use super::ast::{CmpOp, Node, NodeKind};
use super::lexer::{TokKind, TokValue, Token};

/// Deepest nesting of sub-expressions the parser recurses into, and deepest
/// syntax tree it builds.  jmespath.py hits Python's recursion limit between
/// about 200 and 490 levels depending on the construct; this lower bound
/// keeps parsing and evaluation within a 2 MiB thread stack even in an
/// unoptimized build (about 6 KiB of stack per level there).
pub(super) const MAX_DEPTH: usize = 128;

/// Bindings powers below this stop a projection.
const PROJECTION_STOP: u8 = 10;

/// A parse failure (the expression is added when it is formatted).
#[derive(Debug)]
pub(super) enum ParseError {
    /// `ParseError(lex_position, token_value, token_type, msg)`.
    Syntax { position: usize, value: String, kind: TokKind, message: String },
    /// `IncompleteExpressionError`.
    Incomplete,
    /// Nesting beyond [`MAX_DEPTH`] (Python: `RecursionError`).
    TooDeep,
}

type PResult<T> = Result<T, ParseError>;

/// Parses a token list (as produced by the lexer, ending with `eof`).
pub(super) fn parse(tokens: Vec<Token>) -> PResult<Node> {
    let mut parser = Parser { tokens, index: 0, nesting: 0 };
    let node = parser.expression(0)?;
    if parser.current() != TokKind::Eof {
        let t = parser.token(0);
        let message = format!("Unexpected token: {}", t.value.display());
        return Err(syntax_error(t, message));
    }
    Ok(node)
}

fn syntax_error(token: &Token, message: String) -> ParseError {
    ParseError::Syntax {
        position: token.start,
        value: token.value.display(),
        kind: token.kind,
        message,
    }
}

struct Parser {
    tokens: Vec<Token>,
    index: usize,
    nesting: usize,
}

/// The `eof` token used when looking past the end (never happens with a
/// well-formed token list, but must not panic).
static EOF: Token = Token { kind: TokKind::Eof, value: TokValue::Text(String::new()), start: 0 };

impl Parser {
    /// The token `offset` positions from the current one.
    fn token(&self, offset: isize) -> &Token {
        self.index
            .checked_add_signed(offset)
            .and_then(|i| self.tokens.get(i))
            .or_else(|| self.tokens.last())
            .unwrap_or(&EOF)
    }

    fn current(&self) -> TokKind {
        self.token(0).kind
    }

    fn lookahead(&self, n: isize) -> TokKind {
        self.token(n).kind
    }

    fn advance(&mut self) {
        self.index += 1;
    }

    fn expression(&mut self, binding_power: u8) -> PResult<Node> {
        self.nesting += 1;
        let result = if self.nesting > MAX_DEPTH {
            Err(ParseError::TooDeep)
        } else {
            self.expression_inner(binding_power)
        };
        self.nesting -= 1;
        result
    }

    fn expression_inner(&mut self, binding_power: u8) -> PResult<Node> {
        let left_index = self.index;
        self.advance();
        let mut left = self.nud(left_index)?;
        loop {
            let current = self.current();
            if binding_power >= current.binding_power() {
                return Ok(left);
            }
            self.advance();
            left = self.led(current, left)?;
            if left.depth > MAX_DEPTH {
                return Err(ParseError::TooDeep);
            }
        }
    }

    /// Null denotation of the token at `index` (already consumed).  Each
    /// construct is a separate small function reached through one call
    /// site, which keeps the recursive frames small in unoptimized builds.
    fn nud(&mut self, index: usize) -> PResult<Node> {
        type Nud = fn(&mut Parser, usize) -> PResult<Node>;
        let kind = self.tokens.get(index).map_or(TokKind::Eof, |t| t.kind);
        let handler: Nud = match kind {
            TokKind::Literal => Parser::nud_literal,
            TokKind::UnquotedIdentifier => Parser::nud_identifier,
            TokKind::QuotedIdentifier => Parser::nud_quoted_identifier,
            TokKind::Star => |p, _| p.nud_star(),
            TokKind::Filter => |p, _| p.led_filter(Node::new(NodeKind::Identity)),
            TokKind::Lbrace => |p, _| p.multi_select_hash(),
            TokKind::Lparen => |p, _| p.nud_lparen(),
            TokKind::Flatten => |p, _| p.nud_flatten(),
            TokKind::Not => |p, _| p.nud_not(),
            TokKind::Lbracket => |p, _| p.nud_lbracket(),
            TokKind::Current => |_, _| Ok(Node::new(NodeKind::Identity)),
            TokKind::Expref => |p, _| p.nud_expref(),
            TokKind::Eof => |_, _| Err(ParseError::Incomplete),
            _ => |p, index| Err(p.invalid_token(index)),
        };
        handler(self, index)
    }

    fn invalid_token(&self, index: usize) -> ParseError {
        let token = self.tokens.get(index).unwrap_or(&EOF);
        syntax_error(token, "invalid token".to_owned())
    }

    fn nud_literal(&mut self, index: usize) -> PResult<Node> {
        // Cloned, not taken: error messages may still show this token.
        let value = match self.tokens.get(index).map(|t| &t.value) {
            Some(TokValue::Literal(v)) => v.clone(),
            Some(other) => Value::String(other.display()),
            None => Value::Null,
        };
        Ok(Node::new(NodeKind::Literal(value)))
    }

    fn nud_identifier(&mut self, index: usize) -> PResult<Node> {
        let name = self.tokens.get(index).map(|t| t.value.display()).unwrap_or_default();
        Ok(Node::new(NodeKind::Field(name)))
    }

    fn nud_quoted_identifier(&mut self, index: usize) -> PResult<Node> {
        if self.current() == TokKind::Lparen {
            let t = self.token(0);
            return Err(ParseError::Syntax {
                position: 0,
                value: t.value.display(),
                kind: t.kind,
                message: "Quoted identifier not allowed for function names.".to_owned(),
            });
        }
        self.nud_identifier(index)
    }

    fn nud_star(&mut self) -> PResult<Node> {
        let right = if self.current() == TokKind::Rbracket {
            Node::new(NodeKind::Identity)
        } else {
            self.projection_rhs(TokKind::Star.binding_power())?
        };
        Ok(Node::new(NodeKind::ValueProjection(
            Node::boxed(NodeKind::Identity),
            Box::new(right),
        )))
    }

    fn nud_lparen(&mut self) -> PResult<Node> {
        let expression = self.expression(0)?;
        self.expect(TokKind::Rparen)?;
        Ok(expression)
    }

    fn nud_flatten(&mut self) -> PResult<Node> {
        let left = Node::boxed(NodeKind::Flatten(Node::boxed(NodeKind::Identity)));
        let right = self.projection_rhs(TokKind::Flatten.binding_power())?;
        Ok(Node::new(NodeKind::Projection(left, Box::new(right))))
    }

    fn nud_not(&mut self) -> PResult<Node> {
        let expression = self.expression(TokKind::Not.binding_power())?;
        Ok(Node::new(NodeKind::Not(Box::new(expression))))
    }

    fn nud_lbracket(&mut self) -> PResult<Node> {
        if matches!(self.current(), TokKind::Number | TokKind::Colon) {
            let right = self.index_expression()?;
            self.project_if_slice(Node::new(NodeKind::Identity), right)
        } else if self.current() == TokKind::Star && self.lookahead(1) == TokKind::Rbracket {
            self.advance();
            self.advance();
            let right = self.projection_rhs(TokKind::Star.binding_power())?;
            Ok(Node::new(NodeKind::Projection(
                Node::boxed(NodeKind::Identity),
                Box::new(right),
            )))
        } else {
            self.multi_select_list()
        }
    }

    fn nud_expref(&mut self) -> PResult<Node> {
        let expression = self.expression(TokKind::Expref.binding_power())?;
        Ok(Node::new(NodeKind::Expref(Box::new(expression))))
    }

    /// Left denotation of `kind` (already consumed) applied to `left`,
    /// dispatched like [`Parser::nud`].
    fn led(&mut self, kind: TokKind, left: Node) -> PResult<Node> {
        type Led = fn(&mut Parser, TokKind, Node) -> PResult<Node>;
        let handler: Led = match kind {
            TokKind::Dot => |p, _, left| p.led_dot(left),
            TokKind::Pipe | TokKind::Or | TokKind::And => Parser::led_binary,
            TokKind::Lparen => |p, _, left| p.led_lparen(left),
            TokKind::Filter => |p, _, left| p.led_filter(left),
            TokKind::Eq
            | TokKind::Ne
            | TokKind::Gt
            | TokKind::Gte
            | TokKind::Lt
            | TokKind::Lte => Parser::comparator,
            TokKind::Flatten => |p, _, left| p.led_flatten(left),
            TokKind::Lbracket => |p, _, left| p.led_lbracket(left),
            // A token with a binding power but no led (`*`, `!`, `{`): the
            // error is reported on that token, which was just consumed.
            _ => |p, _, _| Err(p.invalid_token(p.index.saturating_sub(1))),
        };
        handler(self, kind, left)
    }

    fn led_dot(&mut self, left: Node) -> PResult<Node> {
        if self.current() != TokKind::Star {
            let right = self.dot_rhs(TokKind::Dot.binding_power())?;
            if let NodeKind::Subexpression(_) = left.kind {
                let mut left = left;
                left.push_child(right);
                Ok(left)
            } else {
                Ok(Node::new(NodeKind::Subexpression(vec![left, right])))
            }
        } else {
            self.advance();
            let right = self.projection_rhs(TokKind::Dot.binding_power())?;
            Ok(Node::new(NodeKind::ValueProjection(Box::new(left), Box::new(right))))
        }
    }

    fn led_binary(&mut self, kind: TokKind, left: Node) -> PResult<Node> {
        let right = Box::new(self.expression(kind.binding_power())?);
        let left = Box::new(left);
        Ok(Node::new(match kind {
            TokKind::Pipe => NodeKind::Pipe(left, right),
            TokKind::Or => NodeKind::Or(left, right),
            _ => NodeKind::And(left, right),
        }))
    }

    fn led_flatten(&mut self, left: Node) -> PResult<Node> {
        let left = Node::boxed(NodeKind::Flatten(Box::new(left)));
        let right = self.projection_rhs(TokKind::Flatten.binding_power())?;
        Ok(Node::new(NodeKind::Projection(left, Box::new(right))))
    }

    fn led_lbracket(&mut self, left: Node) -> PResult<Node> {
        if matches!(self.current(), TokKind::Number | TokKind::Colon) {
            let right = self.index_expression()?;
            if let NodeKind::IndexExpression(_) = left.kind {
                let mut left = left;
                left.push_child(right);
                Ok(left)
            } else {
                self.project_if_slice(left, right)
            }
        } else {
            self.expect(TokKind::Star)?;
            self.expect(TokKind::Rbracket)?;
            let right = self.projection_rhs(TokKind::Star.binding_power())?;
            Ok(Node::new(NodeKind::Projection(Box::new(left), Box::new(right))))
        }
    }

    fn led_lparen(&mut self, left: Node) -> PResult<Node> {
        let name = match left.kind {
            NodeKind::Field(name) => name,
            _ => {
                // -1 is the '(' token, -2 the invalid function "name".
                let t = self.token(-2);
                let message = format!("Invalid function name '{}'", t.value.display());
                return Err(syntax_error(t, message));
            }
        };
        let mut args = Vec::new();
        while self.current() != TokKind::Rparen {
            let expression = self.expression(0)?;
            if self.current() == TokKind::Comma {
                self.expect(TokKind::Comma)?;
            }
            args.push(expression);
        }
        self.expect(TokKind::Rparen)?;
        Ok(Node::new(NodeKind::Function(name, args)))
    }

    fn led_filter(&mut self, left: Node) -> PResult<Node> {
        let condition = self.expression(0)?;
        self.expect(TokKind::Rbracket)?;
        let right = if self.current() == TokKind::Flatten {
            Node::new(NodeKind::Identity)
        } else {
            self.projection_rhs(TokKind::Filter.binding_power())?
        };
        Ok(Node::new(NodeKind::FilterProjection(
            Box::new(left),
            Box::new(right),
            Box::new(condition),
        )))
    }

    fn comparator(&mut self, kind: TokKind, left: Node) -> PResult<Node> {
        let op = match kind {
            TokKind::Eq => CmpOp::Eq,
            TokKind::Ne => CmpOp::Ne,
            TokKind::Gt => CmpOp::Gt,
            TokKind::Gte => CmpOp::Gte,
            TokKind::Lt => CmpOp::Lt,
            _ => CmpOp::Lte,
        };
        let right = self.expression(kind.binding_power())?;
        Ok(Node::new(NodeKind::Comparator(op, Box::new(left), Box::new(right))))
    }

    /// After `[`, with a number or colon current.
    fn index_expression(&mut self) -> PResult<Node> {
        if self.lookahead(0) == TokKind::Colon || self.lookahead(1) == TokKind::Colon {
            return self.slice_expression();
        }
        let value = number_of(self.token(0));
        self.advance();
        self.expect(TokKind::Rbracket)?;
        Ok(Node::new(NodeKind::Index(value)))
    }

    fn slice_expression(&mut self) -> PResult<Node> {
        let mut parts: [Option<i64>; 3] = [None, None, None];
        let mut index = 0;
        loop {
            let current = self.current();
            if current == TokKind::Rbracket {
                break;
            }
            match current {
                TokKind::Colon => {
                    index += 1;
                    if index == 3 {
                        return Err(syntax_error(self.token(0), "syntax error".to_owned()));
                    }
                    self.advance();
                }
                TokKind::Number => {
                    if let Some(part) = parts.get_mut(index) {
                        *part = Some(number_of(self.token(0)));
                    }
                    self.advance();
                }
                _ => return Err(syntax_error(self.token(0), "syntax error".to_owned())),
            }
        }
        self.expect(TokKind::Rbracket)?;
        let [start, stop, step] = parts;
        Ok(Node::new(NodeKind::Slice(start, stop, step)))
    }

    fn project_if_slice(&mut self, left: Node, right: Node) -> PResult<Node> {
        let is_slice = matches!(right.kind, NodeKind::Slice(..));
        let index_expr = Node::new(NodeKind::IndexExpression(vec![left, right]));
        if is_slice {
            let rhs = self.projection_rhs(TokKind::Star.binding_power())?;
            Ok(Node::new(NodeKind::Projection(Box::new(index_expr), Box::new(rhs))))
        } else {
            Ok(index_expr)
        }
    }

    fn multi_select_list(&mut self) -> PResult<Node> {
        let mut expressions = Vec::new();
        loop {
            expressions.push(self.expression(0)?);
            if self.current() == TokKind::Rbracket {
                break;
            }
            self.expect(TokKind::Comma)?;
        }
        self.expect(TokKind::Rbracket)?;
        Ok(Node::new(NodeKind::MultiSelectList(expressions)))
    }

    fn multi_select_hash(&mut self) -> PResult<Node> {
        let mut pairs = Vec::new();
        loop {
            let key_token = self.token(0).clone();
            if !matches!(key_token.kind, TokKind::QuotedIdentifier | TokKind::UnquotedIdentifier) {
                return Err(self.expecting(
                    "['quoted_identifier', 'unquoted_identifier']",
                    &key_token,
                ));
            }
            self.advance();
            self.expect(TokKind::Colon)?;
            let value = self.expression(0)?;
            pairs.push((key_token.value.display(), value));
            match self.current() {
                TokKind::Comma => self.expect(TokKind::Comma)?,
                TokKind::Rbrace => {
                    self.expect(TokKind::Rbrace)?;
                    break;
                }
                _ => {}
            }
        }
        Ok(Node::new(NodeKind::MultiSelectHash(pairs)))
    }

    fn projection_rhs(&mut self, binding_power: u8) -> PResult<Node> {
        let current = self.current();
        if current.binding_power() < PROJECTION_STOP {
            Ok(Node::new(NodeKind::Identity))
        } else if matches!(current, TokKind::Lbracket | TokKind::Filter) {
            self.expression(binding_power)
        } else if current == TokKind::Dot {
            self.expect(TokKind::Dot)?;
            self.dot_rhs(binding_power)
        } else {
            Err(syntax_error(self.token(0), "syntax error".to_owned()))
        }
    }

    fn dot_rhs(&mut self, binding_power: u8) -> PResult<Node> {
        match self.current() {
            TokKind::QuotedIdentifier | TokKind::UnquotedIdentifier | TokKind::Star => {
                self.expression(binding_power)
            }
            TokKind::Lbracket => {
                self.expect(TokKind::Lbracket)?;
                self.multi_select_list()
            }
            TokKind::Lbrace => {
                self.expect(TokKind::Lbrace)?;
                self.multi_select_hash()
            }
            other => {
                let message = format!(
                    "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: {}",
                    other.name()
                );
                Err(syntax_error(self.token(0), message))
            }
        }
    }

    /// Python's `_match`.
    fn expect(&mut self, kind: TokKind) -> PResult<()> {
        if self.current() == kind {
            self.advance();
            Ok(())
        } else {
            let t = self.token(0).clone();
            Err(self.expecting(kind.name(), &t))
        }
    }

    /// Python's `_raise_parse_error_maybe_eof`.
    fn expecting(&self, expected: &str, token: &Token) -> ParseError {
        if token.kind == TokKind::Eof {
            ParseError::Incomplete
        } else {
            let message = format!("Expecting: {expected}, got: {}", token.kind.name());
            syntax_error(token, message)
        }
    }
}

fn number_of(token: &Token) -> i64 {
    match token.value {
        TokValue::Number(n, _) => n,
        _ => 0,
    }
}
