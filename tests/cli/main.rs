//! The one integration-test binary: transcripts of the built `aws` binary against an in-test
//! Connect endpoint (SigV4 verified), property tests over the input parsers, and the JMESPath
//! compliance vectors.

mod support;

mod completer;
mod jmespath_compliance;
mod prompt;
mod properties;
mod terminal;
mod transcripts;
mod transport;
