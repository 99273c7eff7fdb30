//! The botocore model slice for `connect` `UpdateUserIdentityInfo`.
//!
//! The JSON file next to this module is the slice of
//! `botocore/data/connect/2017-08-08/service-2.json` bundled with AWS CLI v2
//! 2.36.7 (Apache-2.0, Amazon.com, Inc. or its affiliates): service
//! metadata, the operation, and every shape it reaches. It is embedded with
//! `include_str!` and parsed once, lazily.
//!
//! Two views are offered:
//! * the raw shapes ([`Model::shape`]) as botocore's validator walks them
//!   (see [`super::validate`]);
//! * a resolved, ready-to-print view ([`operation`]): the input members in
//!   model order with their shape facts (type, required, min, max, pattern,
//!   sensitive, documentation HTML, location/locationName) and nested
//!   members, and the error shapes with their members — for the help page,
//!   skeleton generator, `--debug` redaction and error formatting.

use std::sync::OnceLock;

use serde_json::{Map, Value};

const MODEL_JSON: &str = include_str!("connect-update-user-identity-info.model.json");

/// Service metadata (`metadata` of service-2.json).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// `apiVersion`, e.g. `2017-08-08`.
    pub api_version: String,
    /// `endpointPrefix`, e.g. `connect`.
    pub endpoint_prefix: String,
    /// `jsonVersion`.
    pub json_version: String,
    /// `protocol`, e.g. `rest-json`.
    pub protocol: String,
    /// `serviceAbbreviation`.
    pub service_abbreviation: String,
    /// `serviceFullName`.
    pub service_full_name: String,
    /// `serviceId`, e.g. `Connect`.
    pub service_id: String,
    /// `signatureVersion`, e.g. `v4`.
    pub signature_version: String,
    /// `signingName`, e.g. `connect`.
    pub signing_name: String,
    /// `uid`.
    pub uid: String,
}

/// A reference from a structure to a member shape.
#[derive(Debug, Clone, Default)]
pub struct MemberRef {
    /// Member name, e.g. `FirstName`.
    pub name: String,
    /// Target shape name, e.g. `AgentFirstName`.
    pub shape: String,
    /// Member documentation HTML, if any.
    pub documentation: Option<String>,
    /// `location` (`uri`, `header`, `querystring`, …), if any.
    pub location: Option<String>,
    /// `locationName`, if any.
    pub location_name: Option<String>,
}

/// One shape of the model.
#[derive(Debug, Clone, Default)]
pub struct Shape {
    /// Shape name.
    pub name: String,
    /// `type`: `structure`, `string`, `list`, `map`, `integer`, …
    pub type_name: String,
    /// Structure members in model order.
    pub members: Vec<MemberRef>,
    /// Names of required members, in model order.
    pub required: Vec<String>,
    /// `min` constraint.
    pub min: Option<i64>,
    /// `max` constraint.
    pub max: Option<i64>,
    /// `pattern` constraint, verbatim from the model.
    pub pattern: Option<String>,
    /// `sensitive` trait.
    pub sensitive: bool,
    /// `enum` values.
    pub enum_values: Vec<String>,
    /// Shape documentation HTML.
    pub documentation: Option<String>,
    /// `union` (tagged union structure).
    pub union: bool,
    /// `exception` (error shape).
    pub exception: bool,
    /// `error.httpStatusCode`.
    pub http_status: Option<u16>,
    /// List member (lists only).
    pub member: Option<MemberRef>,
    /// Map key (maps only).
    pub key: Option<MemberRef>,
    /// Map value (maps only).
    pub value: Option<MemberRef>,
    /// `document` trait.
    pub document: bool,
}

impl Shape {
    /// The member reference called `name`.
    pub fn member_ref(&self, name: &str) -> Option<&MemberRef> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// A member with its target shape's facts resolved.
#[derive(Debug, Clone, Default)]
pub struct MemberInfo {
    /// Member name.
    pub name: String,
    /// Target shape name.
    pub shape_name: String,
    /// Target shape type.
    pub type_name: String,
    /// Whether the parent lists it as required.
    pub required: bool,
    /// `min` of the target shape.
    pub min: Option<i64>,
    /// `max` of the target shape.
    pub max: Option<i64>,
    /// `pattern` of the target shape.
    pub pattern: Option<String>,
    /// `sensitive` of the target shape.
    pub sensitive: bool,
    /// `enum` values of the target shape.
    pub enum_values: Vec<String>,
    /// Member documentation HTML (falls back to the shape's documentation).
    pub documentation: Option<String>,
    /// `location`.
    pub location: Option<String>,
    /// `locationName`.
    pub location_name: Option<String>,
    /// Nested members (when the target is a structure), model order.
    pub members: Vec<MemberInfo>,
}

impl MemberInfo {
    /// The nested member called `name`.
    pub fn member(&self, name: &str) -> Option<&MemberInfo> {
        self.members.iter().find(|m| m.name == name)
    }

    /// Nested member names in model order.
    pub fn member_names(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.name.as_str()).collect()
    }
}

/// An error shape of the operation.
#[derive(Debug, Clone, Default)]
pub struct ErrorInfo {
    /// Shape name = error code, e.g. `InvalidRequestException`.
    pub name: String,
    /// `error.httpStatusCode`.
    pub http_status: Option<u16>,
    /// Shape documentation HTML.
    pub documentation: Option<String>,
    /// Members in model order (e.g. `Message`, `Reason`).
    pub members: Vec<MemberInfo>,
}

impl ErrorInfo {
    /// Member names in model order.
    pub fn member_names(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.name.as_str()).collect()
    }
}

/// The operation, resolved.
#[derive(Debug, Clone, Default)]
pub struct Operation {
    /// `UpdateUserIdentityInfo`.
    pub name: String,
    /// `POST`.
    pub http_method: String,
    /// `/users/{InstanceId}/{UserId}/identity-info`.
    pub request_uri: String,
    /// Operation documentation HTML.
    pub documentation: Option<String>,
    /// Input shape name.
    pub input_shape: String,
    /// Input members in model order.
    pub input_members: Vec<MemberInfo>,
    /// Error shapes in model order.
    pub errors: Vec<ErrorInfo>,
}

impl Operation {
    /// The input member called `name`.
    pub fn input_member(&self, name: &str) -> Option<&MemberInfo> {
        self.input_members.iter().find(|m| m.name == name)
    }

    /// Input member names in model order.
    pub fn input_member_names(&self) -> Vec<&str> {
        self.input_members.iter().map(|m| m.name.as_str()).collect()
    }

    /// The error shape called `code`.
    pub fn error(&self, code: &str) -> Option<&ErrorInfo> {
        self.errors.iter().find(|e| e.name == code)
    }
}

/// The whole model slice.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Service metadata.
    pub metadata: Metadata,
    /// The resolved operation.
    pub operation: Operation,
    /// All shapes in file order.
    pub shapes: Vec<Shape>,
}

impl Model {
    /// The shape called `name`.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.name == name)
    }

    /// The operation's input shape.
    pub fn input_shape(&self) -> Option<&Shape> {
        self.shape(&self.operation.input_shape)
    }
}

/// The embedded model, parsed on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| build(MODEL_JSON))
}

/// The resolved `UpdateUserIdentityInfo` operation.
pub fn operation() -> &'static Operation {
    &model().operation
}

fn s(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn opt_s(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn member_ref(name: &str, v: &Value) -> MemberRef {
    MemberRef {
        name: name.to_string(),
        shape: s(v, "shape"),
        documentation: opt_s(v, "documentation"),
        location: opt_s(v, "location"),
        location_name: opt_s(v, "locationName"),
    }
}

fn parse_shape(name: &str, v: &Value) -> Shape {
    let empty = Map::new();
    let members = v
        .get("members")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
        .iter()
        .map(|(k, m)| member_ref(k, m))
        .collect();
    let strings = |key: &str| -> Vec<String> {
        v.get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let flag = |key: &str| v.get(key).and_then(Value::as_bool).unwrap_or(false);
    Shape {
        name: name.to_string(),
        type_name: s(v, "type"),
        members,
        required: strings("required"),
        min: v.get("min").and_then(Value::as_i64),
        max: v.get("max").and_then(Value::as_i64),
        pattern: opt_s(v, "pattern"),
        sensitive: flag("sensitive"),
        enum_values: strings("enum"),
        documentation: opt_s(v, "documentation"),
        union: flag("union"),
        exception: flag("exception"),
        http_status: v
            .pointer("/error/httpStatusCode")
            .and_then(Value::as_u64)
            .and_then(|c| u16::try_from(c).ok()),
        member: v.get("member").map(|m| member_ref("member", m)),
        key: v.get("key").map(|m| member_ref("key", m)),
        value: v.get("value").map(|m| member_ref("value", m)),
        document: flag("document"),
    }
}

fn resolve_members(shapes: &[Shape], shape: &Shape, stack: &mut Vec<String>) -> Vec<MemberInfo> {
    shape
        .members
        .iter()
        .map(|m| {
            let target = shapes.iter().find(|s| s.name == m.shape);
            let mut info = MemberInfo {
                name: m.name.clone(),
                shape_name: m.shape.clone(),
                required: shape.required.contains(&m.name),
                documentation: m.documentation.clone(),
                location: m.location.clone(),
                location_name: m.location_name.clone(),
                ..MemberInfo::default()
            };
            if let Some(t) = target {
                info.type_name = t.type_name.clone();
                info.min = t.min;
                info.max = t.max;
                info.pattern = t.pattern.clone();
                info.sensitive = t.sensitive;
                info.enum_values = t.enum_values.clone();
                if info.documentation.is_none() {
                    info.documentation = t.documentation.clone();
                }
                // Guard against recursive shapes (none in this slice).
                if t.type_name == "structure" && !stack.contains(&t.name) {
                    stack.push(t.name.clone());
                    info.members = resolve_members(shapes, t, stack);
                    stack.pop();
                }
            }
            info
        })
        .collect()
}

fn build(text: &str) -> Model {
    let root: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let md = root.get("metadata").cloned().unwrap_or(Value::Null);
    let metadata = Metadata {
        api_version: s(&md, "apiVersion"),
        endpoint_prefix: s(&md, "endpointPrefix"),
        json_version: s(&md, "jsonVersion"),
        protocol: s(&md, "protocol"),
        service_abbreviation: s(&md, "serviceAbbreviation"),
        service_full_name: s(&md, "serviceFullName"),
        service_id: s(&md, "serviceId"),
        signature_version: s(&md, "signatureVersion"),
        signing_name: s(&md, "signingName"),
        uid: s(&md, "uid"),
    };
    let empty = Map::new();
    let shapes: Vec<Shape> = root
        .get("shapes")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
        .iter()
        .map(|(name, v)| parse_shape(name, v))
        .collect();
    let op = root.get("operation").cloned().unwrap_or(Value::Null);
    let input_shape = op
        .pointer("/input/shape")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let input_members = shapes
        .iter()
        .find(|s| s.name == input_shape)
        .map(|s| resolve_members(&shapes, s, &mut vec![s.name.clone()]))
        .unwrap_or_default();
    let errors = op
        .get("errors")
        .and_then(Value::as_array)
        .map(|errs| {
            errs.iter()
                .filter_map(|e| e.get("shape").and_then(Value::as_str))
                .map(|name| {
                    let shape = shapes.iter().find(|s| s.name == name);
                    ErrorInfo {
                        name: name.to_string(),
                        http_status: shape.and_then(|s| s.http_status),
                        documentation: shape.and_then(|s| s.documentation.clone()),
                        members: shape
                            .map(|s| resolve_members(&shapes, s, &mut vec![s.name.clone()]))
                            .unwrap_or_default(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let operation = Operation {
        name: s(&op, "name"),
        http_method: op
            .pointer("/http/method")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        request_uri: op
            .pointer("/http/requestUri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        documentation: opt_s(&op, "documentation"),
        input_shape,
        input_members,
        errors,
    };
    Model {
        metadata,
        operation,
        shapes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_facts() {
        let op = operation();
        assert_eq!(op.name, "UpdateUserIdentityInfo");
        assert_eq!(op.http_method, "POST");
        assert_eq!(op.request_uri, "/users/{InstanceId}/{UserId}/identity-info");
        assert_eq!(op.input_shape, "UpdateUserIdentityInfoRequest");
        assert_eq!(
            op.input_member_names(),
            vec!["IdentityInfo", "UserId", "InstanceId"]
        );
        let m = &model().metadata;
        assert_eq!(
            (
                m.service_id.as_str(),
                m.signing_name.as_str(),
                m.protocol.as_str(),
                m.api_version.as_str()
            ),
            ("Connect", "connect", "rest-json", "2017-08-08")
        );
    }

    #[test]
    fn input_members() {
        let op = operation();
        let ii = op.input_member("IdentityInfo").unwrap();
        assert!(ii.required);
        assert_eq!(ii.type_name, "structure");
        assert_eq!(ii.shape_name, "UserIdentityInfo");
        assert_eq!(
            ii.documentation.as_deref(),
            Some("<p>The identity information for the user.</p>")
        );
        assert_eq!(ii.location, None);
        assert_eq!(
            ii.member_names(),
            vec!["FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"]
        );
        let first = ii.member("FirstName").unwrap();
        assert_eq!(
            (first.min, first.max, first.sensitive, first.required),
            (Some(0), Some(255), true, false)
        );
        let last = ii.member("LastName").unwrap();
        assert_eq!(
            (last.min, last.max, last.sensitive),
            (Some(0), Some(300), true)
        );
        assert!(ii.member("Email").unwrap().sensitive);
        assert!(ii.member("SecondaryEmail").unwrap().sensitive);
        let mobile = ii.member("Mobile").unwrap();
        assert_eq!(mobile.pattern.as_deref(), Some("\\\\+[1-9]\\\\d{1,14}$"));
        assert!(!mobile.sensitive);
        assert_eq!(
            mobile.documentation.as_deref(),
            Some("<p>The user's mobile number.</p>")
        );

        let user = op.input_member("UserId").unwrap();
        assert_eq!(
            (
                user.type_name.as_str(),
                user.required,
                user.location.as_deref(),
                user.location_name.as_deref()
            ),
            ("string", true, Some("uri"), Some("UserId"))
        );
        let inst = op.input_member("InstanceId").unwrap();
        assert_eq!(
            (inst.min, inst.max, inst.location.as_deref()),
            (Some(1), Some(100), Some("uri"))
        );
        assert!(inst
            .documentation
            .as_deref()
            .unwrap()
            .starts_with("<p>The identifier of the Connect Customer instance."));
    }

    #[test]
    fn error_shapes() {
        let op = operation();
        let names: Vec<&str> = op.errors.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "InvalidRequestException",
                "InvalidParameterException",
                "ResourceNotFoundException",
                "ThrottlingException",
                "InternalServiceException"
            ]
        );
        let ire = op.error("InvalidRequestException").unwrap();
        assert_eq!(ire.member_names(), vec!["Message", "Reason"]);
        assert_eq!(ire.http_status, Some(400));
        let reason = &ire.members[1];
        assert_eq!(reason.type_name, "structure");
        assert_eq!(
            reason.documentation.as_deref(),
            Some("<p>Reason why the request was invalid.</p>")
        );
        assert_eq!(
            reason.member_names(),
            vec!["AttachedFileInvalidRequestExceptionReason"]
        );
        assert_eq!(
            reason.members[0].enum_values,
            vec![
                "INVALID_FILE_SIZE",
                "INVALID_FILE_TYPE",
                "INVALID_FILE_NAME"
            ]
        );
        assert_eq!(
            op.error("ThrottlingException").unwrap().http_status,
            Some(429)
        );
        assert_eq!(
            op.error("InternalServiceException").unwrap().member_names(),
            vec!["Message"]
        );
        assert!(
            model()
                .shape("InvalidRequestExceptionReason")
                .unwrap()
                .union
        );
    }
}
