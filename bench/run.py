#!/usr/bin/env python3
"""Whole-process benchmark of `aws connect update-user-identity-info`.

    python3 bench/run.py [--runs N] [--aws-cli PATH] [--json FILE] [--scenarios a,b,...]

Times whole processes (fork/exec, drain stdout through a pipe, wait4) for each scenario and
reports the median wall time and the median of the per-process peak RSS (ru_maxrss from wait4,
KiB; see "Running one process" for why a small helper process does the forking) of:

  ours      target/release/aws (and target/release/aws_completer for the completer scenario)
  AWS CLI   the reference: --aws-cli PATH, else $AWS_CLI, else the first `aws` on PATH that is
            not ours (pyenv shims are resolved to the real script, so the shim's own start-up is
            not counted); its --version line is printed
  floor     target/release/examples/floor (`cargo build --release --example floor`): the same
            request sent by a minimal aws-sdk-connect program; only in the update scenario

The programs alternate inside each round (ours, AWS CLI, floor, ours, AWS CLI, floor, ...),
N rounds per scenario after one untimed warm-up round, so slow drifts of the machine hit every
program alike. A local endpoint (examples/local_connect.py) answers the update requests.

Every process gets throwaway credentials (AKIDEXAMPLE), AWS_DEFAULT_REGION=us-east-1, empty
AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, AWS_PAGER='', AWS_EC2_METADATA_DISABLED=true;
every other AWS_* variable, PAGER and MANPAGER are removed. Nothing leaves 127.0.0.1.

A cell is "n/a" when the program is missing or, for ours, when it does not do the scenario yet
(for example `help` before it is implemented); the reason is printed under the table. A
reference run that does not end as expected (say `help` without groff) is still timed and
marked with a dagger.

Python 3 standard library only.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target")
INSTANCE_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
USER_ID = "87654321-2222-1234-1234-111234567891"
IDENTITY_INFO = "FirstName=Mary,LastName=Major,Email=marym@example.com"
OP = ["connect", "update-user-identity-info"]
COMP_LINE = "aws connect update-user-identity-info --o"
RUN_TIMEOUT = 120.0  # seconds for one process; a hung run is killed and recorded as such
MIN_RUNS = 9


class Program:
    def __init__(self, key, label, path, note=None):
        self.key = key          # "ours" | "ref" | "floor"
        self.label = label
        self.path = path        # None when missing
        self.note = note        # why it is missing, or where it came from


# --------------------------------------------------------------------------------------------
# Finding the programs
# --------------------------------------------------------------------------------------------
def is_executable(path):
    return path and os.path.isfile(path) and os.access(path, os.X_OK)


def resolve_pyenv_shim(path, name):
    """Return the real script behind a pyenv shim, or `path` when it is not one."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return path
    if not head.startswith(b"#!") or b"pyenv" not in head:
        return path
    pyenv = shutil.which("pyenv")
    if not pyenv:
        return path
    try:
        real = subprocess.run([pyenv, "which", name], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return path
    return real if is_executable(real) else path


def first_line(argv, env):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60,
                           stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as e:
        return "(failed: %s)" % e
    text = (p.stdout.strip() or p.stderr.strip()).splitlines()
    return text[0] if text else "(no output, exit %d)" % p.returncode


def find_on_path(name, not_these):
    avoid = {os.path.realpath(p) for p in not_these if p}
    for d in os.environ.get("PATH", "").split(os.pathsep):
        cand = os.path.join(d or ".", name)
        if is_executable(cand) and os.path.realpath(cand) not in avoid:
            return cand
    return None


def find_reference(explicit, ours_path, env):
    """The reference `aws`, or None. Returns (path, how it was found)."""
    if explicit:
        path = shutil.which(explicit) or explicit
        if not is_executable(path):
            sys.exit("bench/run.py: the AWS CLI %r is not an executable file" % explicit)
        return resolve_pyenv_shim(path, "aws"), "--aws-cli or $AWS_CLI"
    cand = find_on_path("aws", [ours_path])
    if not cand:
        return None, "no other `aws` on PATH"
    real = resolve_pyenv_shim(cand, "aws")
    if os.path.realpath(real) == os.path.realpath(ours_path):
        return None, "the `aws` on PATH is ours"
    if "aws-connect-uuii" in first_line([real, "--version"], env):
        return None, "the `aws` on PATH (%s) is a copy of ours" % cand
    return real, "PATH" + (" (pyenv shim %s)" % cand if real != cand else "")


def find_reference_completer(ref_path, ours_completer):
    """The `aws_completer` that belongs with the reference CLI."""
    if ref_path:
        beside = os.path.join(os.path.dirname(ref_path), "aws_completer")
        if is_executable(beside) and os.path.realpath(beside) != os.path.realpath(ours_completer):
            return beside
    cand = find_on_path("aws_completer", [ours_completer])
    return resolve_pyenv_shim(cand, "aws_completer") if cand else None


# --------------------------------------------------------------------------------------------
# Running one process
# --------------------------------------------------------------------------------------------
# ru_maxrss of a process includes the memory image it had *before* execve: a child forked or
# vfork-spawned by this script would report at least this script's own RSS (~16 MiB), more than
# our binary ever uses. So the processes are forked by a small helper, a second Python started
# with -I -S that imports only os, sys, time and select (RSS ~3 MiB of its own heap); the
# harness floor this leaves (ru_maxrss of /bin/true, ~5 MiB) is printed with the results.
# The helper times fork+exec+drain+wait4 with time.perf_counter and sends back the numbers.
ZYGOTE_SRC = r"""
import os, sys, time, select
inp = sys.stdin.buffer
out = sys.stdout.buffer
HEAD = 4096
while True:
    line = inp.readline()
    if not line:
        break
    payload = inp.read(int(line))
    fields = payload.split(b"\0")
    timeout = float(fields[0]); err_path = fields[1]; argc = int(fields[2])
    argv = fields[3:3 + argc]
    env = dict(kv.split(b"=", 1) for kv in fields[3 + argc:] if b"=" in kv)
    devnull = os.open(os.devnull, os.O_RDONLY)
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    r, w = os.pipe()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(devnull, 0); os.dup2(w, 1); os.dup2(err_fd, 2)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    os.close(w); os.close(devnull); os.close(err_fd)
    head = b""; total = 0; timed_out = 0
    deadline = t0 + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0 or not select.select([r], [], [], left)[0]:
            timed_out = 1
            os.kill(pid, 9)
            break
        chunk = os.read(r, 65536)
        if not chunk:
            break
        total += len(chunk)
        if len(head) < HEAD:
            head += chunk[:HEAD - len(head)]
    os.close(r)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter()
    rc = os.waitstatus_to_exitcode(status)
    out.write(b"%d %d %d %d %d %d\n" % (int((t1 - t0) * 1e9), rc, ru.ru_maxrss, total, timed_out,
                                        len(head)))
    out.write(head)
    out.flush()
"""


class Zygote:
    """The helper process that forks, times and reaps the benchmarked processes."""

    def __init__(self, workdir):
        script = os.path.join(workdir, "bench_spawner.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(ZYGOTE_SRC)
        self.proc = subprocess.Popen([sys.executable, "-I", "-S", script],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, argv, env, stderr_path, timeout):
        fields = [str(timeout), stderr_path, str(len(argv))] + list(argv)
        fields += ["%s=%s" % kv for kv in env.items()]
        payload = b"\0".join(os.fsencode(f) for f in fields)
        self.proc.stdin.write(b"%d\n" % len(payload) + payload)
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the benchmark helper process died")
        wall_ns, rc, maxrss, total, timed_out, nhead = (int(x) for x in line.split())
        head = self.proc.stdout.read(nhead)
        return wall_ns, rc, maxrss, total, bool(timed_out), head

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Result:
    __slots__ = ("wall_ms", "maxrss_kib", "rc", "stdout_bytes", "stdout_head", "stderr_head",
                 "timed_out")

    def as_dict(self):
        return {k: getattr(self, k) for k in self.__slots__ if k not in ("stdout_head", "stderr_head")}


ZYGOTE = None


def run_once(argv, env, stderr_path):
    """Run argv with stdout on a pipe (drained) and stderr in a file; time fork/exec to wait4."""
    if any("\0" in a for a in argv) or any("\0" in k + v for k, v in env.items()):
        raise ValueError("NUL in an argument or the environment")
    wall_ns, rc, maxrss, total, timed_out, head = ZYGOTE.run(argv, env, stderr_path, RUN_TIMEOUT)
    res = Result()
    res.wall_ms = wall_ns / 1e6
    res.maxrss_kib = maxrss
    res.rc = rc
    res.stdout_bytes = total
    res.stdout_head = head.decode("utf-8", "replace")
    res.timed_out = timed_out
    with open(stderr_path, "rb") as f:
        res.stderr_head = f.read(2048).decode("utf-8", "replace")
    return res


# --------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------
def json_object(text):
    """True when `text` (the first 4 KiB of stdout) is a JSON object."""
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def make_scenarios(port):
    endpoint = "http://127.0.0.1:%d" % port
    update = OP + ["--identity-info", IDENTITY_INFO, "--user-id", USER_ID,
                   "--instance-id", INSTANCE_ID, "--endpoint-url", endpoint]
    return [
        {"id": "a", "name": "update (signed request, 200)", "argv": update,
         "floor_argv": [endpoint], "expect": lambda r: r.rc == 0, "expected": "exit 0"},
        {"id": "b", "name": "--generate-cli-skeleton", "argv": OP + ["--generate-cli-skeleton"],
         "expect": lambda r: r.rc == 0 and json_object(r.stdout_head),
         "expected": "exit 0 and a JSON skeleton"},
        {"id": "c", "name": "usage error (no arguments)", "argv": list(OP),
         "expect": lambda r: r.rc > 0 and r.stdout_bytes == 0, "expected": "a usage error"},
        {"id": "d", "name": "validation error (--instance-id '')",
         "argv": OP + ["--identity-info", IDENTITY_INFO, "--user-id", USER_ID,
                       "--instance-id", "", "--endpoint-url", endpoint],
         "expect": lambda r: r.rc > 0 and "InstanceId" in r.stderr_head,
         "expected": "a parameter validation error naming InstanceId"},
        {"id": "e", "name": "help (stdout piped)", "argv": OP + ["help"],
         "expect": lambda r: r.rc == 0 and r.stdout_bytes > 0,
         "expected": "exit 0 and a help page on stdout"},
        {"id": "f", "name": "aws_completer (--o)", "argv": [], "completer": True,
         "env": {"COMP_LINE": COMP_LINE, "COMP_POINT": str(len(COMP_LINE))},
         "expect": lambda r: r.rc == 0 and "--output" in r.stdout_head,
         "expected": "exit 0 and --output among the completions"},
    ]


# --------------------------------------------------------------------------------------------
# The local endpoint
# --------------------------------------------------------------------------------------------
def start_endpoint():
    script = os.path.join(ROOT, "examples", "local_connect.py")
    proc = subprocess.Popen([sys.executable, script, "--port", "0"], stdout=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    m = re.match(r"PORT (\d+)$", line.strip())
    if not m:
        proc.kill()
        proc.wait()
        sys.exit("bench/run.py: examples/local_connect.py did not start (got %r)" % line)
    return proc, int(m.group(1))


def stop_endpoint(proc):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------
def machine_line():
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    u = platform.uname()
    return {"nproc": nproc, "cpu": model, "kernel": "%s %s %s" % (u.system, u.release, u.machine),
            "python": platform.python_version()}


def stripped_size(path):
    """(bytes after strip, how it was measured)."""
    size = os.path.getsize(path)
    strip = shutil.which("strip")
    if not strip:
        return size, "file size; `strip` not found (profile.release has strip = true)"
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "aws")
        try:
            subprocess.run([strip, "-o", out, path], check=True, capture_output=True, timeout=60)
            return os.path.getsize(out), "after `strip`; file is %d bytes" % size
        except (OSError, subprocess.SubprocessError):
            return size, "file size (strip failed)"


def lock_versions(names):
    found = {}
    try:
        with open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return found
    for m in re.finditer(r'name = "([^"]+)"\nversion = "([^"]+)"', text):
        if m.group(1) in names:
            found[m.group(1)] = m.group(2)
    return found


def median(xs):
    return statistics.median(xs) if xs else None


def fmt_ms(x):
    return "n/a" if x is None else ("%.1f" % x if x < 100 else "%.0f" % x)


def fmt_ratio(a, b):
    return "n/a" if a is None or b is None or b == 0 else "%.2f" % (a / b)


def fmt_mib(kib):
    return "n/a" if kib is None else "%.1f" % (kib / 1024.0)


def short(text, n=160):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


# --------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11,
                    help="timed runs per program and scenario (default 11, at least %d)" % MIN_RUNS)
    ap.add_argument("--aws-cli", default=None,
                    help="the reference AWS CLI (default: $AWS_CLI, else the `aws` on PATH that is not ours)")
    ap.add_argument("--ours", default=os.path.join(TARGET, "release", "aws"),
                    help="our binary (default: target/release/aws)")
    ap.add_argument("--floor", default=os.path.join(TARGET, "release", "examples", "floor"),
                    help="the floor program (default: target/release/examples/floor)")
    ap.add_argument("--scenarios", default="abcdef",
                    help="which scenarios to run, e.g. 'a,b' (default: all of a-f)")
    ap.add_argument("--json", metavar="FILE", help="also write the raw numbers to FILE")
    args = ap.parse_args()
    if args.runs < MIN_RUNS:
        ap.error("--runs must be at least %d (a median of fewer runs is noise)" % MIN_RUNS)
    wanted = set(re.sub(r"[^a-f]", "", args.scenarios.lower()))
    if not wanted:
        ap.error("--scenarios: name some of a, b, c, d, e, f")

    if not is_executable(args.ours):
        sys.exit("bench/run.py: %s not found: run `cargo build --release` first" % args.ours)
    ours_path = os.path.abspath(args.ours)
    ours_completer = os.path.join(os.path.dirname(ours_path), "aws_completer")

    # SIGTERM (a CI timeout, `kill`) goes through the same clean-up as Ctrl-C.
    def on_term(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_term)

    global ZYGOTE
    tmp = tempfile.mkdtemp(prefix="aws-bench.")
    endpoint = None
    ZYGOTE = None
    try:
        ZYGOTE = Zygote(tmp)
        config = os.path.join(tmp, "config")
        credentials = os.path.join(tmp, "credentials")
        for p in (config, credentials):
            open(p, "w").close()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("AWS_") and k not in ("PAGER", "MANPAGER", "COMP_LINE", "COMP_POINT")}
        env.update({
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": config,
            "AWS_SHARED_CREDENTIALS_FILE": credentials,
            "AWS_PAGER": "",
        })

        explicit = args.aws_cli or os.environ.get("AWS_CLI")
        ref_path, ref_how = find_reference(explicit, ours_path, env)
        ref_completer = find_reference_completer(ref_path, ours_completer)
        floor_path = os.path.abspath(args.floor) if is_executable(args.floor) else None

        programs = {
            "ours": Program("ours", "ours", ours_path),
            "ref": Program("ref", "AWS CLI", ref_path, ref_how),
            "floor": Program("floor", "floor", floor_path,
                             None if floor_path else "not built: cargo build --release --example floor"),
        }
        completers = {
            "ours": ours_completer if is_executable(ours_completer) else None,
            "ref": ref_completer,
        }
        versions = {
            "ours": first_line([ours_path, "--version"], env),
            "ref": first_line([ref_path, "--version"], env) if ref_path else None,
            "sdk": lock_versions({"aws-config", "aws-sdk-connect"}),
        }

        endpoint, port = start_endpoint()
        scenarios = [s for s in make_scenarios(port) if s["id"] in wanted]

        # The harness's own cost and RSS floor: /bin/true run the same way.
        true_bin = shutil.which("true") or "/bin/true"
        err_path = os.path.join(tmp, "stderr")
        trues = [run_once([true_bin], env, err_path) for _ in range(21)][1:]
        overhead = median([r.wall_ms for r in trues])
        rss_floor = median([r.maxrss_kib for r in trues])

        machine = machine_line()
        print("Benchmark of `aws connect update-user-identity-info`: %d timed runs per cell, "
              "alternating programs, after one warm-up round" % args.runs, flush=True)
        print("machine: nproc %s, %s, %s" % (machine["nproc"], machine["cpu"], machine["kernel"]))
        print("ours:    %s (%s)" % (versions["ours"], os.path.relpath(ours_path, ROOT)))
        if ref_path:
            print("AWS CLI: %s (%s, found via %s)" % (versions["ref"], ref_path, ref_how))
        else:
            print("AWS CLI: not found (%s): its columns are n/a" % ref_how)
        if floor_path:
            sdk = versions["sdk"]
            print("floor:   %s (aws-sdk-connect %s, aws-config %s)" % (
                os.path.relpath(floor_path, ROOT), sdk.get("aws-sdk-connect", "?"),
                sdk.get("aws-config", "?")))
        else:
            print("floor:   %s" % programs["floor"].note)
        print("", flush=True)

        results = []
        for sc in scenarios:
            sc_env = dict(env)
            sc_env.update(sc.get("env", {}))
            lineup = []  # (key, argv)
            for key in ("ours", "ref", "floor"):
                if sc.get("completer"):
                    if key == "floor":
                        continue
                    path = completers[key]
                    argv = [path] if path else None
                elif key == "floor":
                    if "floor_argv" not in sc:
                        continue
                    argv = [floor_path] + sc["floor_argv"] if floor_path else None
                else:
                    path = programs[key].path
                    argv = [path] + sc["argv"] if path else None
                lineup.append((key, argv))
            runs = {key: [] for key, _ in lineup}
            print("(%s) %s: " % (sc["id"], sc["name"]), end="", flush=True, file=sys.stderr)
            for round_no in range(args.runs + 1):      # round 0 is the warm-up
                for key, argv in lineup:
                    if argv is None:
                        continue
                    r = run_once(argv, sc_env, err_path)
                    if round_no > 0:
                        runs[key].append(r)
                print(".", end="", flush=True, file=sys.stderr)
            print("", file=sys.stderr)

            row = {"id": sc["id"], "name": sc["name"], "expected": sc["expected"], "programs": {}}
            for key, argv in lineup:
                rs = runs[key]
                entry = {"argv": argv, "available": argv is not None, "runs": [r.as_dict() for r in rs]}
                if rs:
                    ok = all(sc["expect"](r) and not r.timed_out for r in rs)
                    entry["as_expected"] = ok
                    entry["exit_codes"] = sorted({r.rc for r in rs})
                    entry["median_ms"] = median([r.wall_ms for r in rs])
                    entry["min_ms"] = min(r.wall_ms for r in rs)
                    entry["max_ms"] = max(r.wall_ms for r in rs)
                    entry["median_maxrss_kib"] = median([r.maxrss_kib for r in rs])
                    entry["stderr_sample"] = rs[-1].stderr_head
                    entry["stdout_sample"] = rs[-1].stdout_head[:512]
                    if any(r.timed_out for r in rs):
                        entry["note"] = "timed out after %.0f s" % RUN_TIMEOUT
                row["programs"][key] = entry
            results.append(row)

        # ---- the table ---------------------------------------------------------------------
        notes = []

        def cell(row, key):
            """(median ms, median KiB) to show, or (None, None); notes why."""
            e = row["programs"].get(key)
            if e is None:
                return None, None
            label = "ours" if key == "ours" else ("AWS CLI" if key == "ref" else "floor")
            if not e["available"]:
                what = {"ours": "target/release/aws_completer not built",
                        "ref": "no reference %s found" % ("aws_completer" if row["id"] == "f" else "aws"),
                        "floor": programs["floor"].note}[key]
                if key != "ref" or ref_path or row["id"] == "f":
                    notes.append("(%s) %s: n/a: %s" % (row["id"], label, what))
                return None, None
            if not e["as_expected"]:
                why = "exit %s" % ",".join(str(c) for c in e["exit_codes"])
                if e.get("note"):
                    why += ", " + e["note"]
                last = e["runs"][-1]
                sample = short(e["stderr_sample"] or e["stdout_sample"] or "") or "(no output)"
                sample = "%d bytes on stdout; %s" % (last["stdout_bytes"], sample)
                if key == "ours":
                    notes.append("(%s) ours: n/a: expected %s, got %s: %s" % (
                        row["id"], row["expected"], why, sample))
                    e["shown"] = False
                    return None, None
                notes.append("(%s) %s †: timed, but expected %s, got %s: %s" % (
                    row["id"], label, row["expected"], why, sample))
                e["dagger"] = True
            e["shown"] = True
            return e["median_ms"], e["median_maxrss_kib"]

        lines = ["| scenario | ours median ms | AWS CLI median ms | floor median ms | ours/floor "
                 "| AWS CLI/ours | ours peak RSS MiB | AWS CLI peak RSS MiB |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for row in results:
            o_ms, o_kib = cell(row, "ours")
            r_ms, r_kib = cell(row, "ref")
            f_ms, _ = cell(row, "floor")
            dag = " †" if row["programs"].get("ref", {}).get("dagger") else ""
            lines.append("| (%s) %s | %s | %s | %s | %s | %s | %s | %s |" % (
                row["id"], row["name"], fmt_ms(o_ms), fmt_ms(r_ms) + (dag if r_ms is not None else ""),
                fmt_ms(f_ms) if "floor" in row["programs"] else "–",
                fmt_ratio(o_ms, f_ms) if "floor" in row["programs"] else "–",
                fmt_ratio(r_ms, o_ms), fmt_mib(o_kib), fmt_mib(r_kib)))
        print("\n".join(lines))
        print("")
        fl = next((r["programs"]["floor"] for r in results
                   if r["programs"].get("floor", {}).get("shown")), None)
        if fl:
            print("floor peak RSS: %s MiB" % fmt_mib(fl["median_maxrss_kib"]))
        size, how = stripped_size(ours_path)
        print("target/release/aws stripped size: %d bytes (%.2f MiB; %s)" % (size, size / 1048576.0, how))
        print("machine: nproc %s, %s, %s" % (machine["nproc"], machine["cpu"], machine["kernel"]))
        print("harness floor: %s run the same way takes %.2f ms and shows %s MiB peak RSS (included "
              "in every time; an RSS at that level is an upper bound)" % (true_bin, overhead,
                                                                          fmt_mib(rss_floor)))
        print("peak RSS = median over the runs of ru_maxrss from wait4 (the process and the "
              "children it waited for)")
        for n in notes:
            print(n)

        if args.json:
            doc = {
                "runs": args.runs, "machine": machine, "versions": versions,
                "programs": {k: {"path": p.path, "note": p.note} for k, p in programs.items()},
                "completers": completers, "harness_overhead_ms": overhead,
                "harness_rss_floor_kib": rss_floor,
                "stripped_size_bytes": size, "file_size_bytes": os.path.getsize(ours_path),
                "scenarios": results, "notes": notes,
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2)
                f.write("\n")
            print("raw numbers written to %s" % args.json)
    finally:
        stop_endpoint(endpoint)
        if ZYGOTE is not None:
            ZYGOTE.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
