//! What the completer knows about the command line: the options, their values, the regions.

/// How many values an option takes (argparse `nargs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    /// A flag (`store_true`, `version`).
    Flag,
    /// Exactly one value.
    One,
    /// An optional value (`nargs='?'`): the next word, unless it looks like an option.
    Optional,
}

/// One long option, without its `--`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptSpec {
    pub name: &'static str,
    pub arity: Arity,
}

const fn opt(name: &'static str, arity: Arity) -> OptSpec {
    OptSpec { name, arity }
}

/// The service and operation whose own options are known.
pub const SERVICE: &str = "connect";
pub const OPERATION: &str = "update-user-identity-info";

/// The positional every level also accepts.
pub const HELP: &str = "help";

/// The global options, in `cli.json` order (`--cli-error-format` last, as the CLI adds it).
pub const GLOBAL_OPTIONS: &[OptSpec] = &[
    opt("debug", Arity::Flag),
    opt("endpoint-url", Arity::One),
    opt("no-verify-ssl", Arity::Flag),
    opt("no-paginate", Arity::Flag),
    opt("output", Arity::One),
    opt("query", Arity::One),
    opt("profile", Arity::One),
    opt("region", Arity::One),
    opt("version", Arity::Flag),
    opt("color", Arity::One),
    opt("no-sign-request", Arity::Flag),
    opt("ca-bundle", Arity::One),
    opt("cli-read-timeout", Arity::One),
    opt("cli-connect-timeout", Arity::One),
    opt("cli-binary-format", Arity::One),
    opt("no-cli-pager", Arity::Flag),
    opt("cli-auto-prompt", Arity::Flag),
    opt("no-cli-auto-prompt", Arity::Flag),
    opt("cli-error-format", Arity::One),
];

/// `update-user-identity-info`'s argument table, in order.
pub const OPERATION_OPTIONS: &[OptSpec] = &[
    opt("identity-info", Arity::One),
    opt("user-id", Arity::One),
    opt("instance-id", Arity::One),
    opt("cli-input-json", Arity::One),
    opt("cli-input-yaml", Arity::One),
    opt("generate-cli-skeleton", Arity::Optional),
];

/// The fixed choices of an option, in the order the CLI lists them.
pub fn choices(option: &str) -> Option<&'static [&'static str]> {
    Some(match option {
        "output" => &["json", "text", "table", "yaml", "yaml-stream", "off"],
        "color" => &["on", "off", "auto"],
        "cli-binary-format" => &["base64", "raw-in-base64-out"],
        "cli-error-format" => &["legacy", "json", "yaml", "text", "table", "enhanced"],
        "generate-cli-skeleton" => &["input", "output", "yaml-input"],
        _ => return None,
    })
}

/// The members of `IdentityInfo` (`UserIdentityInfoLite`), in model order.
pub const IDENTITY_INFO_KEYS: &[&str] = &["FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"];

/// The regions of the `aws`, `aws-cn` and `aws-us-gov` partitions (botocore's `endpoints.json`
/// as bundled with the CLI in 2026), sorted.
pub const REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-west-1",
    "us-west-2",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_sorted_and_unique() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(REGIONS.len(), 38);
    }

    #[test]
    fn every_choice_option_takes_a_value() {
        for spec in GLOBAL_OPTIONS.iter().chain(OPERATION_OPTIONS) {
            if choices(spec.name).is_some() {
                assert_ne!(spec.arity, Arity::Flag, "{}", spec.name);
            }
        }
    }
}
