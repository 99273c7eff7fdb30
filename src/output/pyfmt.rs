//! TEMPORARY
pub fn float_repr(f: f64) -> String { format!("{f:?}") }
