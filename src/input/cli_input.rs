//! `--cli-input-json` and `--cli-input-yaml` (AWS CLI v2 §4).
//!
//! The value may be a `file://`/`fileb://` reference. JSON is read as Python's `json.loads`,
//! YAML as ruamel's safe loader (YAML 1.2); the result must be a mapping, and is merged shallowly:
//! each top-level key is used only when the command line did not give that member.

use serde_yaml::Value as Yaml;

use super::{load_param_file, Params};
use crate::config::Env;
use crate::error::CliError;
use crate::model::pyrepr::PyValue;

use super::pyjson::{self, ObjectHook};

/// Converts YAML (as ruamel's safe loader sees it) to a Python value, keeping key order.
fn yaml_to_py(v: &Yaml) -> PyValue {
    match v {
        Yaml::Null => PyValue::None,
        Yaml::Bool(b) => PyValue::Bool(*b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                PyValue::int(i as i128)
            } else if let Some(u) = n.as_u64() {
                PyValue::int(u as i128)
            } else {
                PyValue::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Yaml::String(s) => PyValue::Str(s.clone()),
        Yaml::Sequence(items) => PyValue::List(items.iter().map(yaml_to_py).collect()),
        Yaml::Mapping(m) => PyValue::Dict(
            m.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) => s.clone(),
                        other => yaml_to_py(other).py_str(),
                    };
                    (key, yaml_to_py(v))
                })
                .collect(),
        ),
        Yaml::Tagged(t) => yaml_to_py(&t.value),
    }
}

fn load(option: &str, raw: &str, env: &Env) -> Result<PyValue, CliError> {
    let text = match load_param_file(&format!("--{option}"), raw, env)? {
        Some(super::paramfile::Loaded::Text(t)) => t,
        Some(super::paramfile::Loaded::Bytes(b)) => String::from_utf8_lossy(&b).into_owned(),
        None => raw.to_string(),
    };
    let value = if option == "cli-input-json" {
        pyjson::loads_py(&text, ObjectHook::Dict).map_err(|_| {
            CliError::ParamValidation("Error parsing parameter 'cli-input-json': Invalid JSON received.".into())
        })?
    } else {
        let parsed: Yaml = if text.trim().is_empty() {
            Yaml::Null
        } else {
            serde_yaml::from_str(&text).map_err(|_| {
                CliError::ParamValidation("Error parsing parameter 'cli-input-yaml': Invalid YAML received.".into())
            })?
        };
        yaml_to_py(&parsed)
    };
    match value {
        PyValue::Dict(_) | PyValue::OrderedDict(_) => Ok(value),
        other => Err(CliError::ParamValidation(format!(
            "Error parsing parameter '--{option}': Invalid type: expecting map, received {}",
            other.type_repr()
        ))),
    }
}

/// Merges the input file's members into `params` (explicit arguments win per member).
pub fn merge(params: &mut Params, json: Option<&str>, yaml: Option<&str>, env: &Env) -> Result<(), CliError> {
    if json.is_some() && yaml.is_some() {
        return Err(CliError::ParamValidation("Only one --cli-input- parameter may be specified.".into()));
    }
    let loaded = match (json, yaml) {
        (Some(j), _) => load("cli-input-json", j, env)?,
        (_, Some(y)) => load("cli-input-yaml", y, env)?,
        _ => return Ok(()),
    };
    if let Some(entries) = loaded.as_dict() {
        for (k, v) in entries {
            if !params.iter().any(|(name, _)| name == k) {
                params.push((k.clone(), v.clone()));
            }
        }
    }
    Ok(())
}
