"""The web hygiene every route gets without asking: one ASGI middleware in front of the app.

- **Host**: with a public URL (``--public-url`` / ``GEOMAP_PUBLIC_URL``) every link the app
  builds (``request.url``, ``request.url_for``, ``request.base_url``) starts with it,
  whatever the request's Host header says. Either way the Host header must name an allowed
  host (``--allowed-host`` / ``GEOMAP_ALLOWED_HOSTS``, plus the bound address, the localhost
  forms and the public URL's host); any other gets a JSON 400, so a page on another name that
  resolves here (DNS rebinding) reads nothing. ``*`` allows every host.
- **Headers** on every response: ``X-Content-Type-Options: nosniff``, ``X-Frame-Options:
  DENY``, ``Referrer-Policy``, and a Content-Security-Policy: a route's own (pages with inline
  scripts, by hash: :func:`html_page`), else for HTML the default page policy (own origin
  only), else ``default-src 'none'`` (nothing a JSON or file response could run).
- **HEAD** is answered wherever GET is: the same status and headers, no body.
- **CORS** only when origins are given (``--cors-origin``): Starlette's middleware inside this
  one.
- An unexpected error is a JSON 500 (logged), with the same headers.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import orjson
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from geomap.errors import InvalidParameter
from geomap.render.csp import REFERRER_POLICY, page_policy, policy
from geomap.settings import Settings

log = logging.getLogger("geomap.api")

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_HOSTS = ("", "0.0.0.0", "::", "*")
HTML_POLICY = policy()
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'"
BASE_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", REFERRER_POLICY.encode()),
)


def html_page(text: str, status_code: int = 200) -> HTMLResponse:
    """An HTML response whose Content-Security-Policy allows the page's own inline scripts
    (by hash) and nothing else inline."""
    return HTMLResponse(
        text, status_code=status_code, headers={"Content-Security-Policy": page_policy(text)}
    )


def host_name(value: str) -> str | None:
    """The host of a Host header value (``Example.org.:8000`` -> ``example.org``,
    ``[::1]:8000`` -> ``::1``), None when it is not one."""
    text = value.strip().lower()
    if text.startswith("["):
        end = text.find("]")
        rest = text[end + 1 :] if end > 0 else ""
        if end < 0 or (rest and not (rest.startswith(":") and _is_port(rest[1:]))):
            return None
        try:
            return str(ipaddress.IPv6Address(text[1:end]))
        except ValueError:
            return None
    host, colon, port = text.partition(":")
    if colon and not _is_port(port):
        return None
    host = host.rstrip(".")
    return host if _HOST.fullmatch(host) else None


_HOST = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*", re.ASCII)


def _is_port(text: str) -> bool:
    return 0 < len(text) <= 5 and text.isascii() and text.isdigit()


def _pattern_name(pattern: str) -> str | None:
    """An allowed-host pattern's host: a name, an IP address (IPv6 with or without brackets),
    a port ignored."""
    try:
        return str(ipaddress.ip_address(pattern.strip("[]")))
    except ValueError:
        return host_name(pattern)


@dataclass(frozen=True)
class HostRule:
    """Which Host header values are accepted: exact names, ``.suffix`` for a domain and its
    subdomains, or everything (``*``)."""

    names: frozenset[str]
    suffixes: tuple[str, ...]
    any_host: bool = False

    @classmethod
    def build(cls, patterns: Iterable[str]) -> HostRule:
        names: set[str] = set()
        suffixes: list[str] = []
        any_host = False
        for raw in patterns:
            pattern = raw.strip().lower()
            if pattern == "*":
                any_host = True
            elif pattern.startswith(".") and (name := host_name(pattern[1:])):
                suffixes.append("." + name)
            elif pattern and (name := _pattern_name(pattern)):
                names.add(name)
            elif pattern:
                raise InvalidParameter(
                    f"allowed host {raw!r} is not a host name or address",
                    where="--allowed-host / GEOMAP_ALLOWED_HOSTS",
                )
        return cls(frozenset(names), tuple(suffixes), any_host)

    def allows(self, host: str) -> bool:
        """True when ``host`` (as :func:`host_name` gives it) is allowed."""
        if self.any_host or host in self.names:
            return True
        return any(host.endswith(s) or host == s[1:] for s in self.suffixes)


def allowed_hosts(settings: Settings) -> list[str]:
    """The Host patterns the app accepts: those configured, the bound address, the localhost
    forms and the public URL's host; a wildcard bind adds this machine's names."""
    hosts = [*settings.allowed_hosts, *LOCAL_HOSTS]
    bound = settings.host.strip().strip("[]")
    if bound in WILDCARD_HOSTS:
        for name in (socket.gethostname(), socket.getfqdn()):
            if name:
                hosts.append(name)
    else:
        hosts.append(bound)
    if settings.public_url:
        public = urlsplit(settings.public_url).hostname
        if public:
            hosts.append(public)
    return list(dict.fromkeys(h.lower() for h in hosts))


@dataclass(frozen=True)
class PublicURL:
    """The parts of the configured public URL a request's scope takes on."""

    scheme: str
    netloc: str
    server: tuple[str, int]
    prefix: str  # the path the app is mounted at, without a trailing slash ("" for the root)

    @classmethod
    def parse(cls, url: str) -> PublicURL:
        parts = urlsplit(url)
        default = 443 if parts.scheme == "https" else 80
        host = parts.hostname or ""
        return cls(
            parts.scheme,
            parts.netloc,
            (host, parts.port or default),
            parts.path.rstrip("/"),
        )

    def apply(self, scope: Scope) -> Scope:
        """``scope`` as if the request had come to the public URL (links are built from it);
        the path keeps routing to the same route, with or without the prefix."""
        scope = dict(scope)
        scope["scheme"] = "https" if self.scheme == "https" else "http"
        if scope["type"] == "websocket":
            scope["scheme"] = "wss" if self.scheme == "https" else "ws"
        scope["server"] = self.server
        headers = [(k, v) for k, v in scope["headers"] if k != b"host"]
        scope["headers"] = [(b"host", self.netloc.encode("latin-1")), *headers]
        if self.prefix:
            path = scope["path"]
            if path != self.prefix and not path.startswith(self.prefix + "/"):
                scope["path"] = self.prefix + path
                if "raw_path" in scope and scope["raw_path"] is not None:
                    scope["raw_path"] = self.prefix.encode() + scope["raw_path"]
            scope["root_path"] = self.prefix
        return scope


class SecurityMiddleware:
    """Host check, public URL, HEAD and the security headers (see the module's docstring)."""

    def __init__(self, app: ASGIApp, *, hosts: HostRule, public: PublicURL | None = None) -> None:
        self.app = app
        self.hosts = hosts
        self.public = public

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        head = scope["type"] == "http" and scope["method"] == "HEAD"
        started = finished = False

        async def secured_send(message: Message) -> None:
            nonlocal started, finished
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                message["headers"] = _secured(list(message.get("headers", [])))
            elif message["type"] == "http.response.body":
                if finished:
                    return  # HEAD: the rest of the body goes nowhere
                if head:
                    message = {"type": "http.response.body", "body": b"", "more_body": False}
                finished = not message.get("more_body", False)
            await send(message)

        raw_host = _header(scope, b"host")
        if raw_host is not None:
            name = host_name(raw_host)
            if name is None or not self.hosts.allows(name):
                await _error(
                    secured_send,
                    400,
                    "invalid_host",
                    f"Host {raw_host[:100]!r} is not a host this server answers to; start it"
                    " with --allowed-host NAME (GEOMAP_ALLOWED_HOSTS) or --public-url URL",
                    "Host",
                )
                return
        if self.public is not None:
            scope = self.public.apply(scope)
        if head:
            scope = dict(scope, method="GET")
        try:
            await self.app(scope, receive, secured_send)
        except Exception:
            log.exception("unexpected error answering %s", scope.get("path"))
            if started or scope["type"] != "http":
                raise
            await _error(secured_send, 500, "internal_error", "internal server error")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _secured(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    present = {k.lower() for k, _ in headers}
    out = list(headers)
    for key, value in BASE_HEADERS:
        if key not in present:
            out.append((key, value))
    if b"content-security-policy" not in present:
        kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        csp = HTML_POLICY if kind.lower().startswith(b"text/html") else OTHER_POLICY
        out.append((b"content-security-policy", csp.encode()))
    return out


async def _error(send: Send, status: int, code: str, description: str, where: str = "") -> None:
    body = {"code": code, "description": description}
    if where:
        body["where"] = where
    data = orjson.dumps(body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


def install(app: FastAPI, settings: Settings) -> None:
    """Put the middleware (and CORS when ``settings.cors_origins`` names origins) in front of
    ``app``'s routes."""
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["*"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            expose_headers=["Content-Disposition", "Link"],
            max_age=600,
        )
    app.add_middleware(
        SecurityMiddleware,
        hosts=HostRule.build(allowed_hosts(settings)),
        public=PublicURL.parse(settings.public_url) if settings.public_url else None,
    )
