//! Whole-page comparisons with groff's output.
//!
//! * `APPENDIX_A` is the reference rendering of
//!   `aws connect update-user-identity-info help | col -b` (AWS CLI v2
//!   2.36.7, Debian groff 1.22.4), verbatim.
//! * `testdata/*.txt` and `testdata/*.overstrike` are what
//!   `groff -m man -T ascii` (1.22.4) prints for `testdata/*.man`, man pages
//!   written the way docutils writes the CLI's pages (the operation page's
//!   source reproduces Appendix A exactly); `.txt` is that output after
//!   `col -bx`.

use super::{first_sentence, render, render_overstrike, Page};

/// Appendix A of the behaviour spec: the operation page as `col -b` shows it.
const APPENDIX_A: &str = r##"UPDATE-USER-IDENTITY-INFO()                        UPDATE-USER-IDENTITY-INFO()



NAME
       update-user-identity-info -

DESCRIPTION
       Updates the identity information for the specified user.

       WARNING:
          We  strongly  recommend limiting who has the ability to invoke Upda-
          teUserIdentityInfo . Someone with that ability can change the  login
          credentials  of  other  users  by changing their email address. This
          poses a security risk to your  organization.  They  can  change  the
          email  address  of  a user to the attacker's email address, and then
          reset the password through email. For  more  information,  see  Best
          Practices  for Security Profiles in the Connect Customer Administra-
          tor Guide .

       See also: AWS API Documentation

SYNOPSIS
            update-user-identity-info
          --identity-info <value>
          --user-id <value>
          --instance-id <value>
          [--cli-input-json | --cli-input-yaml]
          [--generate-cli-skeleton <value>]
          [--debug]
          [--endpoint-url <value>]
          [--no-verify-ssl]
          [--no-paginate]
          [--output <value>]
          [--query <value>]
          [--profile <value>]
          [--region <value>]
          [--version <value>]
          [--color <value>]
          [--no-sign-request]
          [--ca-bundle <value>]
          [--cli-read-timeout <value>]
          [--cli-connect-timeout <value>]
          [--cli-binary-format <value>]
          [--no-cli-pager]
          [--cli-auto-prompt]
          [--no-cli-auto-prompt]
          [--cli-error-format <value>]

OPTIONS
       --identity-info (structure) [required]
          The identity information for the user.

          FirstName -> (string)
              The first name. This is required if you are using  Connect  Cus-
              tomer or SAML for identity management. Inputs must be in Unicode
              Normalization Form C (NFC).  Text  containing  characters  in  a
              non-NFC  form  (for  example, decomposed characters or combining
              marks) are not accepted.

              Constraints:

              o min: 0

              o max: 255

          LastName -> (string)
              The last name. This is required if you are  using  Connect  Cus-
              tomer or SAML for identity management. Inputs must be in Unicode
              Normalization Form C (NFC).  Text  containing  characters  in  a
              non-NFC  form  (for  example, decomposed characters or combining
              marks) are not accepted.

              Constraints:

              o min: 0

              o max: 300

          Email -> (string)
              The email address. If you are using SAML for identity management
              and include this parameter, an error is returned.

          SecondaryEmail -> (string)
              The  user's  secondary email address. If you provide a secondary
              email, the user receives email notifications - other than  pass-
              word  reset  notifications - to this email address instead of to
              their primary email address.

              Pattern:
              (?=^.{0,265}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}

          Mobile -> (string)
              The user's mobile number.

              Constraints:

              o pattern: \\+[1-9]\\d{1,14}$

       Shorthand Syntax:

          FirstName=string,LastName=string,Email=string,SecondaryEmail=string,Mobile=string

       JSON Syntax:

          {
            "FirstName": "string",
            "LastName": "string",
            "Email": "string",
            "SecondaryEmail": "string",
            "Mobile": "string"
          }

       --user-id (string) [required]
          The identifier of the user account.

       --instance-id (string) [required]
          The  identifier  of  the Connect Customer instance. You can find the
          instance ID in the Amazon Resource Name (ARN) of the instance.

          Constraints:

          o min: 1

          o max: 100

       --cli-input-json | --cli-input-yaml (string) Reads arguments  from  the
       JSON  string  provided.  The JSON string follows the format provided by
       --generate-cli-skeleton. If other arguments are provided on the command
       line,  those  values  will override the JSON-provided values. It is not
       possible to pass arbitrary binary values using a JSON-provided value as
       the  string  will  be  taken literally. This may not be specified along
       with --cli-input-yaml.

       --generate-cli-skeleton (string) Prints a  JSON  skeleton  to  standard
       output without sending an API request. If provided with no value or the
       value input, prints a sample input JSON that can be used as an argument
       for --cli-input-json. Similarly, if provided yaml-input it will print a
       sample input YAML that can be used with --cli-input-yaml.  If  provided
       with  the  value  output, it validates the command inputs and returns a
       sample output JSON for that command. The generated JSON skeleton is not
       stable  between versions of the AWS CLI and there are no backwards com-
       patibility guarantees in the JSON skeleton generated.

GLOBAL OPTIONS
       --debug (boolean)

       Turn on debug logging.

       --endpoint-url (string)

       Override command's default URL with the given URL.

       --no-verify-ssl (boolean)

       By default, the AWS CLI uses SSL when communicating with AWS  services.
       For each SSL connection, the AWS CLI will verify SSL certificates. This
       option overrides the default behavior of verifying SSL certificates.

       --no-paginate (boolean)

       Disable automatic pagination. If automatic pagination is disabled,  the
       AWS CLI will only make one call, for the first page of results.

       --output (string)

       The formatting style for command output.

       o json

       o text

       o table

       o yaml

       o yaml-stream

       o off

       --query (string)

       A JMESPath query to use in filtering the response data.

       --profile (string)

       Use a specific profile from your credential file.

       --region (string)

       The region to use. Overrides config/env settings.

       --version (string)

       Display the version of this tool.

       --color (string)

       Turn on/off color output.

       o on

       o off

       o auto

       --no-sign-request (boolean)

       Do  not  sign requests. Credentials will not be loaded if this argument
       is provided.

       --ca-bundle (string)

       The CA certificate bundle to use when verifying SSL certificates. Over-
       rides config/env settings.

       --cli-read-timeout (int)

       The  maximum socket read time in seconds. If the value is set to 0, the
       socket read will be blocking and not timeout. The default value  is  60
       seconds.

       --cli-connect-timeout (int)

       The  maximum  socket connect time in seconds. If the value is set to 0,
       the socket connect will be blocking and not timeout. The default  value
       is 60 seconds.

       --cli-binary-format (string)

       The formatting style to be used for binary blobs. The default format is
       base64. The base64 format expects binary blobs  to  be  provided  as  a
       base64  encoded string. The raw-in-base64-out format preserves compati-
       bility with AWS CLI V1 behavior and binary values must be passed liter-
       ally.  When  providing  contents  from a file that map to a binary blob
       fileb:// will always be treated as binary and use the file contents di-
       rectly  regardless of the cli-binary-format setting. When using file://
       the file contents will need to properly formatted  for  the  configured
       cli-binary-format.

       o base64

       o raw-in-base64-out

       --no-cli-pager (boolean)

       Disable cli pager for output.

       --cli-auto-prompt (boolean)

       Automatically prompt for CLI input parameters.

       --no-cli-auto-prompt (boolean)

       Disable automatically prompt for CLI input parameters.

       --cli-error-format (string)

       The formatting style for error output. By default, errors are displayed
       in enhanced format.

       o legacy

       o json

       o yaml

       o text

       o table

       o enhanced

EXAMPLES
       NOTE:
          To use the following examples, you must have the AWS  CLI  installed
          and  configured.  See  the Getting started guide in the AWS CLI User
          Guide for more information.

          Unless otherwise  stated,  all  examples  have  unix-like  quotation
          rules.  These  examples  will  need to be adapted to your terminal's
          quoting rules. See Using quotation marks with strings in the AWS CLI
          User Guide .

       To update a user's identity information

       The  following  update-user-identity-info  example updates the identity
       information for the specified Amazon Connect user.

          aws connect update-user-identity-info \
              --identity-info FirstName=Mary,LastName=Major,Email=marym@example.com \
              --user-id 87654321-2222-1234-1234-111234567891 \
              --instance-id a1b2c3d4-5678-90ab-cdef-EXAMPLE11111

       This command produces no output.

       For more information, see Configure Agent Settings in the  Amazon  Con-
       nect Administrator Guide.

OUTPUT
       None



                                                   UPDATE-USER-IDENTITY-INFO()
"##;

/// Lines of `actual` that differ from `expected`, for a readable failure.
fn differing_lines(actual: &str, expected: &str) -> Vec<String> {
    let a: Vec<&str> = actual.lines().collect();
    let e: Vec<&str> = expected.lines().collect();
    let mut out = Vec::new();
    for i in 0..a.len().max(e.len()) {
        let (x, y) = (a.get(i).copied(), e.get(i).copied());
        if x != y {
            out.push(format!(
                "line {}:\n  ours:     {:?}\n  expected: {:?}",
                i + 1,
                x,
                y
            ));
        }
    }
    out
}

fn assert_same(actual: &str, expected: &str) {
    let diff = differing_lines(actual, expected);
    assert!(
        diff.is_empty(),
        "{} lines differ:\n{}",
        diff.len(),
        diff.join("\n")
    );
    assert_eq!(actual, expected);
}

#[test]
fn operation_page_matches_appendix_a() {
    assert_same(&render(Page::Operation), APPENDIX_A);
}

#[test]
fn operation_page_overstrike_matches_groff() {
    assert_same(
        &render_overstrike(Page::Operation),
        include_str!("testdata/operation.overstrike"),
    );
}

#[test]
fn service_page_matches_groff() {
    assert_same(&render(Page::Service), include_str!("testdata/service.txt"));
    assert_same(
        &render_overstrike(Page::Service),
        include_str!("testdata/service.overstrike"),
    );
}

#[test]
fn top_level_page_matches_groff() {
    assert_same(
        &render(Page::TopLevel),
        include_str!("testdata/top_level.txt"),
    );
    assert_same(
        &render_overstrike(Page::TopLevel),
        include_str!("testdata/top_level.overstrike"),
    );
}

#[test]
fn overstrike_reduces_to_plain_text() {
    // What `col -b` does: keep the last character of each overstrike.
    for page in [Page::TopLevel, Page::Service, Page::Operation] {
        let mut plain = String::new();
        for c in render_overstrike(page).chars() {
            if c == '\u{8}' {
                plain.pop();
            } else {
                plain.push(c);
            }
        }
        assert_eq!(plain, render(page), "{page:?}");
    }
}

#[test]
fn first_sentences_for_the_yaml_skeleton() {
    assert_eq!(
        first_sentence("<p>The identity information for the user.</p>"),
        "The identity information for the user."
    );
    assert_eq!(
        first_sentence(
            "<p>The first name. This is required if you are using Connect Customer or SAML for identity management.</p>"
        ),
        "The first name."
    );
    assert_eq!(
        first_sentence(
            "<p>The identifier of the Connect Customer instance. You can <a href=\"https://x\">find the instance ID</a> in the ARN.</p>"
        ),
        "The identifier of the Connect Customer instance."
    );
    assert_eq!(
        first_sentence("<p>The user&#39;s\nmobile number.</p>"),
        "The user's mobile number."
    );
    assert_eq!(first_sentence("<p>Pattern: <code>x</code></p>"), "Pattern.");
    assert_eq!(first_sentence("<p>No full stop</p>"), "No full stop.");
    assert_eq!(first_sentence(""), "");
}
