//! The operation's parameters from the command line (AWS CLI v2 §2–§4).
//!
//! For each argument in table order: a `file://`/`fileb://` value is loaded, then
//! `--identity-info` is read as JSON (when it starts with `{` or `[`) or shorthand, and the ids
//! are taken verbatim. Then `--cli-input-json`/`--cli-input-yaml` are merged. The result keeps
//! the user's key order and Python value types, for validation and the request.

pub mod cli_input;
pub mod paramfile;
pub mod pyjson;
pub mod shorthand;
pub mod skeleton;

use crate::cli::OperationArgs;
use crate::config::Env;
use crate::error::CliError;
use crate::model::pyrepr::{self, PyValue};
use crate::request::Call;
use paramfile::{Loaded, ParamFileError};
use shorthand::{ParseError, ShValue};

/// The call parameters: member name → value, in insertion order.
pub type Params = crate::model::validate::Params;

/// Loads a `file://`/`fileb://` value of the argument `cli_name` (errors wrapped as the
/// reference wraps them).
fn load_param_file(cli_name: &str, value: &str, env: &Env) -> Result<Option<Loaded>, CliError> {
    paramfile::load(value, env).map_err(|e| match e {
        ParamFileError::Load(m) => CliError::ParamValidation(format!("Error parsing parameter '{cli_name}': {m}")),
        ParamFileError::UnknownEncoding(n) => CliError::General(format!("unknown encoding: {n}")),
    })
}

fn string_param(cli_name: &str, raw: &str, env: &Env) -> Result<PyValue, CliError> {
    Ok(match load_param_file(cli_name, raw, env)? {
        Some(Loaded::Text(t)) => PyValue::Str(t),
        Some(Loaded::Bytes(b)) => PyValue::Bytes(b),
        None => PyValue::Str(raw.to_string()),
    })
}

fn structure_param(cli_name: &str, raw: &str, env: &Env) -> Result<PyValue, CliError> {
    let text = match load_param_file(cli_name, raw, env)? {
        Some(Loaded::Text(t)) => t,
        // The reference hands bytes to the shorthand parser, which fails on them.
        Some(Loaded::Bytes(_)) => {
            return Err(CliError::General("'in <string>' requires string as left operand, not int".into()))
        }
        None => raw.to_string(),
    };
    let stripped = pyrepr::py_strip(&text);
    if stripped.starts_with('{') || stripped.starts_with('[') {
        if stripped.starts_with('[') {
            return Err(CliError::ParamValidation(format!("Error parsing parameter '{cli_name}': Invalid JSON:\n{text}")));
        }
        return pyjson::loads_py(&text, pyjson::ObjectHook::OrderedDict).map_err(|e| {
            CliError::ParamValidation(format!("Error parsing parameter '{cli_name}': Invalid JSON: {e}\nJSON received: {text}"))
        });
    }
    let mut loader = |v: &str| -> Result<Option<ShValue>, ParamFileError> {
        Ok(match paramfile::load(v, env)? {
            Some(Loaded::Text(t)) => Some(ShValue::String(t)),
            Some(Loaded::Bytes(b)) => Some(ShValue::Bytes(b)),
            None => None,
        })
    };
    match shorthand::parse_with_loader(&text, &mut loader) {
        Ok(v) => Ok(v.to_py()),
        Err(ParseError::Syntax(e)) if e.is_recursion() => {
            Err(CliError::General("maximum recursion depth exceeded while calling a Python object".into()))
        }
        Err(ParseError::Syntax(e)) => {
            Err(CliError::ParamValidation(format!("Error parsing parameter '{cli_name}': {}", e.message())))
        }
        // A file named by `key@=` that cannot be loaded is not wrapped (exit 255).
        Err(ParseError::Load(ParamFileError::Load(m))) => Err(CliError::General(m)),
        Err(ParseError::Load(ParamFileError::UnknownEncoding(n))) => {
            Err(CliError::General(format!("unknown encoding: {n}")))
        }
    }
}

/// Builds the parameters from the operation's arguments.
pub fn build(op: &OperationArgs, env: &Env) -> Result<Params, CliError> {
    let mut params = Params::new();
    if let Some(v) = &op.identity_info {
        params.push(("IdentityInfo".into(), structure_param("--identity-info", v, env)?));
    }
    if let Some(v) = &op.user_id {
        params.push(("UserId".into(), string_param("--user-id", v, env)?));
    }
    if let Some(v) = &op.instance_id {
        params.push(("InstanceId".into(), string_param("--instance-id", v, env)?));
    }
    cli_input::merge(&mut params, op.cli_input_json.as_deref(), op.cli_input_yaml.as_deref(), env)?;
    Ok(params)
}

fn as_str<'a>(v: &'a PyValue, what: &str) -> Result<&'a str, CliError> {
    match v {
        PyValue::Str(s) => Ok(s),
        other => Err(CliError::General(format!(
            "Cannot serialize {what}: expected a string, received {}",
            other.type_repr()
        ))),
    }
}

/// The request from parameters that passed validation (or whose validation was turned off,
/// where the reference's serializer fails on unknown members as this does).
pub fn to_call(params: &Params) -> Result<Call, CliError> {
    let mut call = Call { instance_id: String::new(), user_id: String::new(), identity_info: Vec::new() };
    for (k, v) in params {
        match k.as_str() {
            "InstanceId" => call.instance_id = as_str(v, "InstanceId")?.to_string(),
            "UserId" => call.user_id = as_str(v, "UserId")?.to_string(),
            "IdentityInfo" => {
                let members = v.as_dict().ok_or_else(|| {
                    CliError::General(format!("Cannot serialize IdentityInfo: received {}", v.type_repr()))
                })?;
                for (name, value) in members {
                    if !crate::model::operation()
                        .input_member("IdentityInfo")
                        .is_some_and(|m| m.member(name).is_some())
                    {
                        return Err(CliError::General(pyrepr::str_repr(name)));
                    }
                    call.identity_info.push((name.clone(), as_str(value, name)?.to_string()));
                }
            }
            other => return Err(CliError::General(pyrepr::str_repr(other))),
        }
    }
    Ok(call)
}
