"""A loopback HTTP server that misbehaves on purpose (fault injection for the live fetch path).

It listens on 127.0.0.1 only, in a daemon thread, and answers each request path from a script:
a list of `Reply` objects consumed one per request (the last one repeats). A reply can be a normal
response, a status with Retry-After, a slow response, a connection reset or a truncated body.
Every request is logged with its arrival time so tests can measure retry waits.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.loopback import LoopbackServer

CHALLENGE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
    b"<body><div id='cf-challenge'>Checking your browser before accessing.</div></body></html>"
)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering (a slow server)
    reset: bool = False  # close the connection with a TCP RST instead of answering
    truncate_to: int | None = None  # announce the full length but send only this many bytes
    encoding: str | None = None  # Content-Encoding of `body` as given (e.g. gzip: a compressed bomb)


def ok_json(body: bytes) -> Reply:
    return Reply(200, body)


def too_many(retry_after_s: int) -> Reply:
    return Reply(429, b'{"error": "rate limited"}', headers={"Retry-After": str(retry_after_s)})


@dataclass
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    headers: dict[str, str] = field(default_factory=dict)  # as received, names lower-cased


class FaultServer(LoopbackServer):
    """`routes` maps a path suffix (e.g. "/text-to-video.json") to a script of replies.
    Unknown paths (robots.txt included) get 404."""

    def __init__(self, routes: dict[str, list[Reply]], host: str = "127.0.0.1") -> None:
        self.routes = {suffix: list(replies) for suffix, replies in routes.items()}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._served: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                reply = server._next(self.path, {k.lower(): v for k, v in self.headers.items()})
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if reply.reset:
                    # SO_LINGER with a zero timeout makes close() send RST: a "connection reset by peer"
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                body = reply.body
                self.send_response(reply.status)
                if reply.encoding:
                    self.send_header("Content-Encoding", reply.encoding)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(body if reply.truncate_to is None else body[: reply.truncate_to])
                    self.wfile.flush()
                except OSError:
                    pass  # the client gave up (timeout test): nothing to report
                if reply.truncate_to is not None:
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass  # broken pipes after a client timeout are expected here

        super().__init__(Handler, Server)
        if host != "127.0.0.1":  # another loopback address (127.0.0.2 plays "another host")
            self.httpd.server_close()
            self.httpd = Server((host, 0), Handler)
            self.thread = threading.Thread(target=self.httpd.serve_forever, name="loopback", daemon=True)

    def _next(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        with self._lock:
            self.hits.append(Hit(path, time.monotonic(), headers or {}))
            for suffix, replies in self.routes.items():
                if path.split("?", 1)[0].endswith(suffix):
                    count = self._served.get(suffix, 0)
                    self._served[suffix] = count + 1
                    return replies[min(count, len(replies) - 1)]
        return Reply(404, b"not found", content_type="text/plain")

    def hits_for(self, suffix: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.endswith(suffix)]
