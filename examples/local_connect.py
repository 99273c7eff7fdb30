#!/usr/bin/env python3
"""A local Amazon Connect endpoint for demos and the benchmark.

    python3 examples/local_connect.py [--port N] [--verbose]

Listens on 127.0.0.1 (port 0, the default, picks a free port) and prints
``PORT <n>`` as its first line on stdout.

It answers one operation, UpdateUserIdentityInfo:

    POST /users/{InstanceId}/{UserId}/identity-info  ->  200 {}

and anything else with 404 ResourceNotFoundException.  It does not check
signatures and keeps no state: it is there so that a command can be run end
to end without an AWS account.  With --verbose every request received is
printed to stdout (the signature and any session token are redacted).

Python 3 standard library only.  Stop it with Ctrl-C or SIGTERM.
"""

import argparse
import json
import re
import signal
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

ROUTE_UPDATE = re.compile(r"^/users/([^/]+)/([^/]+)/identity-info$")
SIGNATURE_RE = re.compile(r"(Signature=)[0-9A-Fa-f]+")
PRINT_LOCK = threading.Lock()


def redact_header(name, value):
    lname = name.lower()
    if lname == "authorization":
        return SIGNATURE_RE.sub(r"\1<redacted>", value)
    if lname == "x-amz-security-token":
        return "<redacted>"
    return value


def pretty_body(body):
    if not body:
        return "(empty body)"
    try:
        return json.dumps(json.loads(body.decode("utf-8")), indent=2, ensure_ascii=False)
    except (ValueError, UnicodeDecodeError):
        return body.decode("utf-8", "replace")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every response has Content-Length
    server_version = "LocalConnect/1.0"
    sys_version = ""
    verbose = False

    def log_message(self, fmt, *args):  # no access log on stderr
        pass

    def version_string(self):
        return self.server_version

    def _read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                line = self.rfile.readline()
                if not line:
                    break
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def _print_request(self, body):
        lines = ["--- request received ---", "%s %s" % (self.command, self.path)]
        for name, value in self.headers.items():
            lines.append("%s: %s" % (name, redact_header(name, value)))
        lines.append("")
        lines.append(pretty_body(body))
        lines.append("--- end of request ---")
        with PRINT_LOCK:
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()

    def _send(self, status, payload, extra_headers=()):
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("Content-Type", "application/json")
        for name, value in extra_headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self):
        body = self._read_body()
        if self.verbose:
            self._print_request(body)
        path = urlsplit(self.path).path
        m = ROUTE_UPDATE.match(path)
        if self.command == "POST" and m:
            self._send(200, {})
            return
        if m:
            message = "Method %s is not allowed on %s" % (self.command, unquote(path))
        else:
            message = "No such resource: %s %s" % (self.command, unquote(path))
        self._send(404, {"Message": message},
                   [("x-amzn-ErrorType", "ResourceNotFoundException")])

    do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # Clients that hang up mid-request (a killed process) are not our problem.
        pass


def main(argv=None):
    ap = argparse.ArgumentParser(description="Local Amazon Connect endpoint (UpdateUserIdentityInfo).")
    ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = pick a free one)")
    ap.add_argument("--verbose", action="store_true", help="print every request received")
    args = ap.parse_args(argv)

    Handler.verbose = args.verbose
    server = Server(("127.0.0.1", args.port), Handler)
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
