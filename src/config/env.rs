//! Every environment variable the program reads, named once.

pub const AWS_PROFILE: &str = "AWS_PROFILE";
pub const AWS_DEFAULT_PROFILE: &str = "AWS_DEFAULT_PROFILE";
pub const AWS_CONFIG_FILE: &str = "AWS_CONFIG_FILE";
pub const AWS_SHARED_CREDENTIALS_FILE: &str = "AWS_SHARED_CREDENTIALS_FILE";
pub const AWS_REGION: &str = "AWS_REGION";
pub const AWS_DEFAULT_REGION: &str = "AWS_DEFAULT_REGION";
pub const AWS_DEFAULT_OUTPUT: &str = "AWS_DEFAULT_OUTPUT";
pub const AWS_CLI_ERROR_FORMAT: &str = "AWS_CLI_ERROR_FORMAT";
pub const AWS_CLI_AUTO_PROMPT: &str = "AWS_CLI_AUTO_PROMPT";
pub const AWS_PAGER: &str = "AWS_PAGER";
pub const PAGER: &str = "PAGER";
pub const LESS: &str = "LESS";
pub const AWS_CA_BUNDLE: &str = "AWS_CA_BUNDLE";
pub const REQUESTS_CA_BUNDLE: &str = "REQUESTS_CA_BUNDLE";
pub const AWS_RETRY_MODE: &str = "AWS_RETRY_MODE";
pub const AWS_MAX_ATTEMPTS: &str = "AWS_MAX_ATTEMPTS";
pub const AWS_ACCESS_KEY_ID: &str = "AWS_ACCESS_KEY_ID";
pub const AWS_SECRET_ACCESS_KEY: &str = "AWS_SECRET_ACCESS_KEY";
pub const AWS_EC2_METADATA_DISABLED: &str = "AWS_EC2_METADATA_DISABLED";
pub const AWS_METADATA_SERVICE_TIMEOUT: &str = "AWS_METADATA_SERVICE_TIMEOUT";
pub const AWS_METADATA_SERVICE_NUM_ATTEMPTS: &str = "AWS_METADATA_SERVICE_NUM_ATTEMPTS";
pub const AWS_CLI_FILE_ENCODING: &str = "AWS_CLI_FILE_ENCODING";
pub const AWS_EXECUTION_ENV: &str = "AWS_EXECUTION_ENV";
pub const HOME: &str = "HOME";
