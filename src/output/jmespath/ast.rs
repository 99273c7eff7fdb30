//! The syntax tree, shaped like jmespath.py's AST dictionaries (including
//! its `subexpression` and `index_expression` flattening, which is visible in
//! results: see the parser).

use serde_json::Value;

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Gt,
    Lte,
    Gte,
}

/// A node, with the depth of the subtree it roots (kept so that the parser
/// can refuse trees too deep to evaluate or drop recursively).
#[derive(Debug)]
pub(super) struct Node {
    pub(super) kind: NodeKind,
    pub(super) depth: usize,
}

#[derive(Debug)]
pub(super) enum NodeKind {
    /// `@`, and the implicit left/right side of projections.
    Identity,
    Field(String),
    Literal(Value),
    Index(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `a.b.c`: each child is applied to the previous result.
    Subexpression(Vec<Node>),
    /// `a[0][1]`: each child is applied to the previous result.
    IndexExpression(Vec<Node>),
    /// List projection: `left` must give a list; `right` maps its elements.
    Projection(Box<Node>, Box<Node>),
    /// Object projection (`*`): `left` must give an object.
    ValueProjection(Box<Node>, Box<Node>),
    /// `left[?condition] right`.
    FilterProjection(Box<Node>, Box<Node>, Box<Node>),
    Flatten(Box<Node>),
    MultiSelectList(Vec<Node>),
    MultiSelectHash(Vec<(String, Node)>),
    Or(Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Pipe(Box<Node>, Box<Node>),
    Comparator(CmpOp, Box<Node>, Box<Node>),
    Function(String, Vec<Node>),
    Expref(Box<Node>),
}

impl Node {
    pub(super) fn new(kind: NodeKind) -> Node {
        let children = match &kind {
            NodeKind::Identity
            | NodeKind::Field(_)
            | NodeKind::Literal(_)
            | NodeKind::Index(_)
            | NodeKind::Slice(..) => 0,
            NodeKind::Subexpression(v)
            | NodeKind::IndexExpression(v)
            | NodeKind::MultiSelectList(v)
            | NodeKind::Function(_, v) => v.iter().map(|n| n.depth).max().unwrap_or(0),
            NodeKind::MultiSelectHash(v) => v.iter().map(|(_, n)| n.depth).max().unwrap_or(0),
            NodeKind::Projection(a, b)
            | NodeKind::ValueProjection(a, b)
            | NodeKind::Or(a, b)
            | NodeKind::And(a, b)
            | NodeKind::Pipe(a, b)
            | NodeKind::Comparator(_, a, b) => a.depth.max(b.depth),
            NodeKind::FilterProjection(a, b, c) => a.depth.max(b.depth).max(c.depth),
            NodeKind::Flatten(a) | NodeKind::Not(a) | NodeKind::Expref(a) => a.depth,
        };
        Node { kind, depth: children + 1 }
    }

    pub(super) fn boxed(kind: NodeKind) -> Box<Node> {
        Box::new(Node::new(kind))
    }

    /// Appends a child to a `Subexpression`/`IndexExpression` node (as
    /// jmespath.py does with `left['children'].append(right)`).
    pub(super) fn push_child(&mut self, child: Node) {
        if let NodeKind::Subexpression(v) | NodeKind::IndexExpression(v) = &mut self.kind {
            self.depth = self.depth.max(child.depth + 1);
            v.push(child);
        }
    }
}
