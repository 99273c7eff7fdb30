#!/usr/bin/env bash
# Generate the --cli-input-json skeleton of `aws connect update-user-identity-info`, fill it in,
# and print (or run) the command that uses it.
#
#   examples/fill-skeleton.sh [--out FILE] [--run [--endpoint-url URL]] \
#       INSTANCE_ID USER_ID FIRST_NAME LAST_NAME EMAIL
#
# The binary is $AWS if set, else target/release/aws of this repository (or of $CARGO_TARGET_DIR).
# Members left empty (SecondaryEmail and Mobile, and any of FIRST_NAME, LAST_NAME, EMAIL given
# as '') are dropped from the file: an empty string sent to the service would overwrite the
# value stored for the user, which is rarely what a "fill in the blanks" file means.
#
# --out FILE          where to write the input file (default: ./update-user-identity-info.json)
# --run               run the command instead of only printing it; its exit code is ours
# --endpoint-url URL  passed through to the command (e.g. the local endpoint of
#                     examples/local_connect.py)
#
# Example:
#   examples/fill-skeleton.sh a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 \
#       87654321-2222-1234-1234-111234567891 Mary Major marym@example.com
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
aws_bin="${AWS:-$target_dir/release/aws}"
out="update-user-identity-info.json"
run=0
endpoint_url=""
positional=()

usage() {
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --run) run=1; shift ;;
        --endpoint-url) [ $# -ge 2 ] || usage; endpoint_url="$2"; shift 2 ;;
        --endpoint-url=*) endpoint_url="${1#*=}"; shift ;;
        --out|-o) [ $# -ge 2 ] || usage; out="$2"; shift 2 ;;
        --out=*) out="${1#*=}"; shift ;;
        -h|--help) usage ;;
        --) shift; positional+=("$@"); break ;;
        -?*) echo "fill-skeleton.sh: unknown option: $1" >&2; usage ;;
        *) positional+=("$1"); shift ;;
    esac
done
[ ${#positional[@]} -eq 5 ] || usage
if [ ! -x "$aws_bin" ]; then
    echo "fill-skeleton.sh: $aws_bin not found: run 'cargo build --release' or set AWS=/path/to/aws" >&2
    exit 1
fi

case "$out" in
    /*) ;;
    *) out="$PWD/$out" ;;
esac

skeleton="$("$aws_bin" connect update-user-identity-info --generate-cli-skeleton)" || {
    echo "fill-skeleton.sh: '$aws_bin connect update-user-identity-info --generate-cli-skeleton' failed" >&2
    exit 1
}

SKELETON="$skeleton" python3 - "$out" "${positional[@]}" <<'PY'
import json
import os
import sys

out, instance_id, user_id, first, last, email = sys.argv[1:7]
try:
    doc = json.loads(os.environ["SKELETON"])
except ValueError as e:
    sys.exit("fill-skeleton.sh: the skeleton is not JSON: %s" % e)

def need(obj, key, where):
    if not isinstance(obj, dict) or key not in obj:
        sys.exit("fill-skeleton.sh: the skeleton has no %s%s member" % (where, key))

for key in ("InstanceId", "UserId", "IdentityInfo"):
    need(doc, key, "")
for key in ("FirstName", "LastName", "Email"):
    need(doc["IdentityInfo"], key, "IdentityInfo.")
if not instance_id or not user_id:
    sys.exit("fill-skeleton.sh: INSTANCE_ID and USER_ID must not be empty")

doc["InstanceId"] = instance_id
doc["UserId"] = user_id
doc["IdentityInfo"].update(FirstName=first, LastName=last, Email=email)

def drop_empty(value):
    """Remove members still holding the skeleton's placeholders ("" or an empty object/list)."""
    if isinstance(value, dict):
        kept = {}
        for k, v in value.items():
            v = drop_empty(v)
            if v in ("", {}, []):
                continue
            kept[k] = v
        return kept
    if isinstance(value, list):
        return [drop_empty(v) for v in value if drop_empty(v) not in ("", {}, [])]
    return value

doc = drop_empty(doc)
if "IdentityInfo" not in doc:
    sys.exit("fill-skeleton.sh: give at least one of FIRST_NAME, LAST_NAME, EMAIL")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=4, ensure_ascii=False)
    f.write("\n")
PY

cmd=("$aws_bin" connect update-user-identity-info --cli-input-json "file://$out")
if [ -n "$endpoint_url" ]; then
    cmd+=(--endpoint-url "$endpoint_url")
fi

echo "wrote $out:" >&2
cat "$out" >&2
if [ "$run" -eq 1 ]; then
    printf '+' >&2; printf ' %q' "${cmd[@]}" >&2; printf '\n' >&2
    set +e
    "${cmd[@]}"
    rc=$?
    set -e
    echo "exit code: $rc" >&2
    exit "$rc"
fi
printf '%q' "${cmd[0]}"; printf ' %q' "${cmd[@]:1}"; printf '\n'
