//! Tree-walking evaluator, a port of jmespath.py 1.0.1's `TreeInterpreter`.
//!
//! Each `NodeKind` arm delegates to a small method so that the recursive
//! `eval` frame stays small.

use std::cell::Cell;
use std::cmp::Ordering;

use super::ast::{CmpOp, Node, NodeKind};
use super::functions;
use super::value::{jp_equals, py_order, ObjBuilder, Val, View};

/// Evaluation state: only the counter that gives each evaluated `&expr` its
/// own identity (Python compares `_Expression` objects by identity).
#[derive(Default)]
pub(super) struct Interpreter {
    next_expref: Cell<u64>,
}

type EResult<'a> = Result<Val<'a>, String>;

impl Interpreter {
    pub(super) fn eval<'a>(&self, node: &'a Node, value: &Val<'a>) -> EResult<'a> {
        match &node.kind {
            NodeKind::Identity => Ok(value.clone()),
            NodeKind::Field(name) => Ok(field(value, name)),
            NodeKind::Literal(v) => Ok(Val::Json(v)),
            NodeKind::Index(i) => Ok(index(value, *i)),
            NodeKind::Slice(start, stop, step) => slice(value, *start, *stop, *step),
            NodeKind::Subexpression(children) | NodeKind::IndexExpression(children) => {
                self.chain(children, value)
            }
            NodeKind::Projection(left, right) => self.projection(left, right, value),
            NodeKind::ValueProjection(left, right) => self.value_projection(left, right, value),
            NodeKind::FilterProjection(left, right, cond) => {
                self.filter_projection(left, right, cond, value)
            }
            NodeKind::Flatten(inner) => self.flatten(inner, value),
            NodeKind::MultiSelectList(children) => self.multi_select_list(children, value),
            NodeKind::MultiSelectHash(pairs) => self.multi_select_hash(pairs, value),
            NodeKind::Or(left, right) => self.or(left, right, value),
            NodeKind::And(left, right) => self.and(left, right, value),
            NodeKind::Not(inner) => Ok(Val::Bool(self.eval(inner, value)?.is_false())),
            NodeKind::Pipe(left, right) => self.chain2(left, right, value),
            NodeKind::Comparator(op, left, right) => self.comparator(*op, left, right, value),
            NodeKind::Function(name, args) => self.function(name, args, value),
            NodeKind::Expref(inner) => {
                let id = self.next_expref.get();
                self.next_expref.set(id.wrapping_add(1));
                Ok(Val::Expref(inner, id))
            }
        }
    }

    fn chain<'a>(&self, children: &'a [Node], value: &Val<'a>) -> EResult<'a> {
        let mut result = value.clone();
        for child in children {
            result = self.eval(child, &result)?;
        }
        Ok(result)
    }

    fn chain2<'a>(&self, left: &'a Node, right: &'a Node, value: &Val<'a>) -> EResult<'a> {
        let intermediate = self.eval(left, value)?;
        self.eval(right, &intermediate)
    }

    fn projection<'a>(&self, left: &'a Node, right: &'a Node, value: &Val<'a>) -> EResult<'a> {
        let base = self.eval(left, value)?;
        let Some(items) = base.items() else {
            return Ok(Val::Null);
        };
        let mut collected = Vec::with_capacity(items.len());
        for element in items.iter() {
            let current = self.eval(right, &element)?;
            if !current.is_null() {
                collected.push(current);
            }
        }
        Ok(Val::arr(collected))
    }

    fn value_projection<'a>(
        &self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
    ) -> EResult<'a> {
        let base = self.eval(left, value)?;
        let Some(entries) = base.entries() else {
            return Ok(Val::Null);
        };
        let mut collected = Vec::with_capacity(entries.len());
        for (_, element) in entries.iter() {
            let current = self.eval(right, &element)?;
            if !current.is_null() {
                collected.push(current);
            }
        }
        Ok(Val::arr(collected))
    }

    fn filter_projection<'a>(
        &self,
        left: &'a Node,
        right: &'a Node,
        condition: &'a Node,
        value: &Val<'a>,
    ) -> EResult<'a> {
        let base = self.eval(left, value)?;
        let Some(items) = base.items() else {
            return Ok(Val::Null);
        };
        let mut collected = Vec::new();
        for element in items.iter() {
            if !self.eval(condition, &element)?.is_false() {
                let current = self.eval(right, &element)?;
                if !current.is_null() {
                    collected.push(current);
                }
            }
        }
        Ok(Val::arr(collected))
    }

    fn flatten<'a>(&self, inner: &'a Node, value: &Val<'a>) -> EResult<'a> {
        let base = self.eval(inner, value)?;
        let Some(items) = base.items() else {
            return Ok(Val::Null);
        };
        let mut merged = Vec::with_capacity(items.len());
        for element in items.iter() {
            match element.items() {
                Some(sub) => merged.extend(sub.iter()),
                None => merged.push(element),
            }
        }
        Ok(Val::arr(merged))
    }

    fn multi_select_list<'a>(&self, children: &'a [Node], value: &Val<'a>) -> EResult<'a> {
        if value.is_null() {
            return Ok(Val::Null);
        }
        let collected = children
            .iter()
            .map(|child| self.eval(child, value))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Val::arr(collected))
    }

    fn multi_select_hash<'a>(&self, pairs: &'a [(String, Node)], value: &Val<'a>) -> EResult<'a> {
        if value.is_null() {
            return Ok(Val::Null);
        }
        let mut collected = ObjBuilder::default();
        for (key, child) in pairs {
            collected.insert(key, self.eval(child, value)?);
        }
        Ok(collected.build())
    }

    fn or<'a>(&self, left: &'a Node, right: &'a Node, value: &Val<'a>) -> EResult<'a> {
        let matched = self.eval(left, value)?;
        if matched.is_false() {
            self.eval(right, value)
        } else {
            Ok(matched)
        }
    }

    fn and<'a>(&self, left: &'a Node, right: &'a Node, value: &Val<'a>) -> EResult<'a> {
        let matched = self.eval(left, value)?;
        if matched.is_false() {
            Ok(matched)
        } else {
            self.eval(right, value)
        }
    }

    fn comparator<'a>(
        &self,
        op: CmpOp,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
    ) -> EResult<'a> {
        let left = self.eval(left, value)?;
        let right = self.eval(right, value)?;
        let (symbol, accept): (&str, fn(Ordering) -> bool) = match op {
            CmpOp::Eq => return Ok(Val::Bool(jp_equals(&left, &right))),
            CmpOp::Ne => return Ok(Val::Bool(!jp_equals(&left, &right))),
            CmpOp::Lt => ("<", Ordering::is_lt),
            CmpOp::Lte => ("<=", Ordering::is_le),
            CmpOp::Gt => (">", Ordering::is_gt),
            CmpOp::Gte => (">=", Ordering::is_ge),
        };
        // Ordering is only defined between numbers and strings; other
        // operands give null.  A number against a string is Python's
        // TypeError.
        let comparable = |v: &Val<'_>| matches!(v.view(), View::Num(_) | View::Str(_));
        if !(comparable(&left) && comparable(&right)) {
            return Ok(Val::Null);
        }
        Ok(Val::Bool(accept(py_order(&left, &right, symbol)?)))
    }

    fn function<'a>(&self, name: &'a str, args: &'a [Node], value: &Val<'a>) -> EResult<'a> {
        let resolved = args
            .iter()
            .map(|arg| self.eval(arg, value))
            .collect::<Result<Vec<_>, _>>()?;
        functions::call(self, name, resolved)
    }
}

fn field<'a>(value: &Val<'a>, name: &str) -> Val<'a> {
    value.entries().and_then(|e| e.get(name)).unwrap_or(Val::Null)
}

/// Python list indexing (negative indices count from the end); out of range
/// gives null.
fn index<'a>(value: &Val<'a>, i: i64) -> Val<'a> {
    let Some(items) = value.items() else {
        return Val::Null;
    };
    let len = items.len() as i128;
    let i = i128::from(i);
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Val::Null;
    }
    usize::try_from(i).ok().and_then(|i| items.get(i)).unwrap_or(Val::Null)
}

/// Python `list[start:stop:step]`.
fn slice<'a>(
    value: &Val<'a>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> EResult<'a> {
    let Some(items) = value.items() else {
        return Ok(Val::Null);
    };
    let step = i128::from(step.unwrap_or(1));
    if step == 0 {
        return Err("slice step cannot be zero".to_owned());
    }
    let len = items.len() as i128;
    // CPython's PySlice_AdjustIndices.
    let adjust = |bound: Option<i64>, default: i128| -> i128 {
        let Some(b) = bound else {
            return default;
        };
        let mut b = i128::from(b);
        if b < 0 {
            b += len;
            if b < 0 {
                b = if step < 0 { -1 } else { 0 };
            }
        } else if b >= len {
            b = if step < 0 { len - 1 } else { len };
        }
        b
    };
    let (start, stop) = if step < 0 {
        (adjust(start, len - 1), adjust(stop, -1))
    } else {
        (adjust(start, 0), adjust(stop, len))
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(item) = usize::try_from(i).ok().and_then(|i| items.get(i)) {
            out.push(item);
        }
        i += step;
    }
    Ok(Val::arr(out))
}
