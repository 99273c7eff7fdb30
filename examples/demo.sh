#!/usr/bin/env bash
# Runs the documented example of `aws connect update-user-identity-info` against a local
# Amazon Connect endpoint (examples/local_connect.py) and shows what was sent.
#
#   bash examples/demo.sh
#
# Needs only cargo and python3. Builds target/release/aws when it is missing (honours
# CARGO_TARGET_DIR; set AWS to use another binary). Uses throwaway credentials and empty
# config files, so your ~/.aws is neither read nor touched, and nothing leaves 127.0.0.1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

aws_bin="${AWS:-${CARGO_TARGET_DIR:-target}/release/aws}"
if [ ! -x "$aws_bin" ]; then
    echo "== $aws_bin is missing: cargo build --release (a few minutes the first time)"
    cargo build --release
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/aws-demo.XXXXXX")"
endpoint_pid=""
cleanup() {
    if [ -n "$endpoint_pid" ]; then
        kill "$endpoint_pid" 2>/dev/null || true
        wait "$endpoint_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The local endpoint: its first stdout line is "PORT <n>", then one block per request.
python3 -u examples/local_connect.py --port 0 --verbose >"$work/endpoint.log" 2>"$work/endpoint.err" &
endpoint_pid=$!
port=""
for _ in $(seq 1 100); do
    if read -r word value <"$work/endpoint.log" 2>/dev/null && [ "$word" = "PORT" ]; then
        port="$value"
        break
    fi
    if ! kill -0 "$endpoint_pid" 2>/dev/null; then
        break
    fi
    sleep 0.05
done
if [ -z "$port" ]; then
    echo "demo.sh: the local endpoint did not start:" >&2
    cat "$work/endpoint.err" >&2
    exit 1
fi

: >"$work/config"
: >"$work/credentials"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE="$work/config"
export AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_PAGER=""
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_REGION AWS_ENDPOINT_URL \
    AWS_ENDPOINT_URL_CONNECT AWS_CA_BUNDLE AWS_DEFAULT_OUTPUT 2>/dev/null || true

cmd=("$aws_bin" connect update-user-identity-info
    --identity-info FirstName=Mary,LastName=Major,Email=marym@example.com
    --user-id 87654321-2222-1234-1234-111234567891
    --instance-id a1b2c3d4-5678-90ab-cdef-EXAMPLE11111
    --endpoint-url "http://127.0.0.1:$port")

echo "== environment: AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID AWS_DEFAULT_REGION=$AWS_DEFAULT_REGION (throwaway), empty config files"
echo "== command:"
printf '$'; printf ' %s' "${cmd[@]}"; printf '\n'
set +e
"${cmd[@]}" >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
echo "== exit code: $rc"
echo "== stdout ($(wc -c <"$work/stdout") bytes):"
cat "$work/stdout"
echo "== stderr ($(wc -c <"$work/stderr") bytes):"
cat "$work/stderr"

# Give the endpoint's log a moment to be flushed, then show what it received.
sleep 0.2
echo "== the request the local endpoint received:"
if grep -q -- '--- request received ---' "$work/endpoint.log"; then
    sed -n '2,$p' "$work/endpoint.log"
else
    echo "(none)"
fi
exit "$rc"
