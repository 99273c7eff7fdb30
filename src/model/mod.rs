//! The operation as data: the Connect service model slice for `UpdateUserIdentityInfo`
//! (embedded JSON, see NOTICE), the Python value model the parameters live in, and botocore's
//! client-side validation over them.

pub mod pyrepr;
mod shapes;
pub mod validate;

pub use shapes::{model, operation, ErrorInfo, MemberInfo, Model, Operation, Shape};

/// The modelled members of the error shape named `code`, other than its message: what the
/// reference adds as "additional details" and to structured error output.
pub fn error_extra_members(code: &str) -> Vec<String> {
    operation()
        .error(code)
        .map(|e| {
            e.members
                .iter()
                .map(|m| m.name.clone())
                .filter(|n| !n.eq_ignore_ascii_case("message"))
                .collect()
        })
        .unwrap_or_default()
}

/// The names of the input members whose shapes are `sensitive` (at any depth): their values are
/// never logged.
pub fn sensitive_member_names() -> Vec<String> {
    fn walk(members: &[MemberInfo], out: &mut Vec<String>) {
        for m in members {
            if m.sensitive {
                out.push(m.name.clone());
            }
            walk(&m.members, out);
        }
    }
    let mut out = Vec::new();
    walk(&operation().input_members, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_members_and_sensitive_names() {
        assert_eq!(error_extra_members("InvalidRequestException"), vec!["Reason".to_string()]);
        assert!(error_extra_members("ThrottlingException").is_empty());
        assert_eq!(sensitive_member_names(), vec!["FirstName", "LastName", "Email", "SecondaryEmail"]);
    }
}
