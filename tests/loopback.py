"""A test HTTP server on 127.0.0.1 (never the internet), run in a daemon thread as a context
manager. Tests bring their own request handler; this owns starting and stopping it."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output quiet
        pass


class LoopbackServer:
    def __init__(self, handler: type[BaseHTTPRequestHandler], server_class: type = ThreadingHTTPServer) -> None:
        self.httpd = server_class(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="loopback", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
