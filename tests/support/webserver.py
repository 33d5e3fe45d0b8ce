"""A loopback HTTP server for the tests: pages, feeds, robots.txt, redirects, slow answers.

``site.pages[path] = Page(body, content_type, status)`` serves ``body`` at ``path``; every
request is recorded (path and User-Agent) in ``site.requests``. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    drip: float = 0.0  # seconds between 1 KiB chunks of the body
    lie_length: bool = False  # send no Content-Length (a server that streams)


@dataclass
class Site:
    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            page = site.pages.get(self.path)
            if page is None:
                page = Page(b"not found", "text/plain", 404)
            if page.delay:
                time.sleep(page.delay)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            if not page.lie_length:
                self.send_header("Content-Length", str(len(page.body)))
            for key, value in page.headers.items():
                self.send_header(key, value)
            self.end_headers()
            try:
                if page.drip:
                    for i in range(0, len(page.body), 1024):
                        self.wfile.write(page.body[i : i + 1024])
                        self.wfile.flush()
                        time.sleep(page.drip)
                else:
                    self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@contextmanager
def serving() -> Iterator[Site]:
    """A Site served on a free loopback port for the duration of the block."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
