//! `--generate-cli-skeleton input|yaml-input` (AWS CLI v2 §5), generated from the model.
//!
//! `input` is the input shape as JSON (Python `json.dump(indent=4)`), strings as `""`, members
//! in model order. `yaml-input` is the same tree as YAML with an end-of-line comment per key:
//! `[REQUIRED] ` for required members, then the first sentence of the member's documentation;
//! within each mapping the first key's comment has two spaces before `#` and the others one
//! (the reference's ruamel.yaml spacing).

use serde_json::{Map, Value};

use crate::model::{self, MemberInfo};
use crate::output::json::format_json;

fn sample(m: &MemberInfo) -> Value {
    match m.type_name.as_str() {
        "structure" => Value::Object(m.members.iter().map(|c| (c.name.clone(), sample(c))).collect::<Map<_, _>>()),
        "list" => Value::Array(vec![]),
        "map" => Value::Object(Map::new()),
        "integer" | "long" => Value::from(0),
        "float" | "double" => Value::from(0.0),
        "boolean" => Value::Bool(true),
        _ => Value::String(String::new()),
    }
}

fn yaml_mapping(members: &[MemberInfo], indent: usize, out: &mut String) {
    for (i, m) in members.iter().enumerate() {
        let pad = " ".repeat(indent);
        let gap = if i == 0 { "  " } else { " " };
        let mut comment = String::new();
        if m.required {
            comment.push_str("[REQUIRED] ");
        }
        comment.push_str(&m.documentation.as_deref().map(crate::help::first_sentence).unwrap_or_default());
        let comment = comment.trim_end();
        let tail = if comment.is_empty() { String::new() } else { format!("{gap}# {comment}") };
        if m.type_name == "structure" {
            out.push_str(&format!("{pad}{}:{tail}\n", m.name));
            yaml_mapping(&m.members, indent + 2, out);
        } else {
            out.push_str(&format!("{pad}{}: ''{tail}\n", m.name));
        }
    }
}

/// The skeleton for `kind` (`input` or `yaml-input`).
pub fn render(kind: &str) -> String {
    let members = &model::operation().input_members;
    if kind == "yaml-input" {
        let mut out = String::new();
        yaml_mapping(members, 0, &mut out);
        out
    } else {
        let v = Value::Object(members.iter().map(|m| (m.name.clone(), sample(m))).collect::<Map<_, _>>());
        format_json(&v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_skeleton() {
        assert_eq!(
            render("input"),
            "{\n    \"IdentityInfo\": {\n        \"FirstName\": \"\",\n        \"LastName\": \"\",\n        \"Email\": \"\",\n        \"SecondaryEmail\": \"\",\n        \"Mobile\": \"\"\n    },\n    \"UserId\": \"\",\n    \"InstanceId\": \"\"\n}\n"
        );
    }

    #[test]
    fn yaml_skeleton() {
        assert_eq!(
            render("yaml-input"),
            "IdentityInfo:  # [REQUIRED] The identity information for the user.\n  FirstName: ''  # The first name.\n  LastName: '' # The last name.\n  Email: '' # The email address.\n  SecondaryEmail: '' # The user's secondary email address.\n  Mobile: '' # The user's mobile number.\nUserId: '' # [REQUIRED] The identifier of the user account.\nInstanceId: '' # [REQUIRED] The identifier of the Connect Customer instance.\n"
        );
    }
}
