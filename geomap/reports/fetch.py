"""Fetch reports over HTTP(S) the way a polite crawler does.

Every request has a timeout for the whole transfer, a size cap (checked against
``Content-Length`` and again while reading, so a lying server costs at most the cap), a user
agent naming geomap, and is asked of the site's ``robots.txt`` first (RFC 9309: a missing
robots.txt (4xx) allows everything, an unreachable one (5xx, network error) allows nothing).
Only ``http`` and ``https`` URLs are fetched, redirects included.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPResponse
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from geomap import __version__
from geomap.errors import FetchError

DEFAULT_TIMEOUT = 20.0  # seconds for a whole transfer
DEFAULT_MAX_BYTES = 25 * 1024 * 1024  # the largest report (a PDF with pictures) fetched
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
DEFAULT_USER_AGENT = f"geomap/{__version__}"
_CHUNK = 64 * 1024


def is_url(text: str) -> bool:
    """True when ``text`` is an http(s) URL (what ingest fetches instead of opening a file)."""
    return text[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a fetch returned: the final URL after redirects, the body and its media type."""

    url: str
    data: bytes
    content_type: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s), at most five."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_url(newurl):
            where = req.full_url
            raise FetchError(f"redirected to a non-HTTP address ({newurl[:80]!r})", where=where)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """An HTTP client for reports: timeout, size cap, user agent and robots.txt.

    ``robots=False`` skips the robots.txt check (only for servers you run yourself). Answers
    of robots.txt are kept per origin for the fetcher's life.
    """

    def __init__(
        self,
        user_agent: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        robots: bool = True,
    ) -> None:
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.robots = robots
        self._robots: dict[str, Protego | bool] = {}
        self._unreadable: dict[str, str] = {}  # why an origin's robots.txt could not be read
        self._opener = urllib.request.build_opener(_Redirects())

    def get(self, url: str, *, accept: str = "*/*") -> Fetched:
        """GET ``url`` (after robots.txt allows it); FetchError naming the URL and the reason."""
        if not is_url(url):
            raise FetchError("not an http(s) URL", where=url)
        if self.robots and not self.allowed(url):
            origin = _origin(url)
            why = self._unreadable.get(origin)
            if why is None:
                raise FetchError(f"robots.txt of {origin} disallows {self.user_agent}", where=url)
            raise FetchError(
                f"{why}; a site whose robots.txt cannot be read is not fetched (RFC 9309)",
                where=url,
            )
        status, fetched = self._get(url, self.max_bytes, accept)
        if 300 <= status < 400:  # urllib refused to follow it
            raise FetchError(
                f"HTTP {status}: redirect not followed (to a non-HTTP address, or too many)",
                where=url,
            )
        if status >= 400:
            raise FetchError(f"HTTP {status}", where=url)
        return fetched

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this user agent fetch ``url``."""
        origin = _origin(url)
        rules = self._robots.get(origin)
        if rules is None:
            try:
                status, fetched = self._get(origin + "/robots.txt", ROBOTS_MAX_BYTES, "text/plain")
            except FetchError as exc:  # unreachable: assume complete disallow
                status, fetched = 599, None
                self._unreadable[origin] = f"robots.txt: {exc.message}"
            if status >= 500:
                self._unreadable.setdefault(origin, f"robots.txt: HTTP {status}")
                rules = False
            elif status >= 400:
                rules = True
            else:
                assert fetched is not None
                rules = Protego.parse(fetched.data.decode("utf-8", "replace"))
            self._robots[origin] = rules
        if isinstance(rules, bool):
            return rules
        return bool(rules.can_fetch(url, self.user_agent))

    def _get(self, url: str, cap: int, accept: str) -> tuple[int, Fetched]:
        """(status, what came back) for one GET, error statuses included; FetchError on a
        network failure, a timeout or a body over ``cap`` bytes."""
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept": accept}
        )
        deadline = time.monotonic() + self.timeout
        try:
            response: HTTPResponse = self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            exc.close()
            return exc.code, Fetched(exc.url or url, b"", exc.headers.get_content_type())
        except FetchError:
            raise
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise FetchError(f"no answer within {self.timeout:g} s", where=url) from None
            raise FetchError(f"cannot fetch ({reason})", where=url) from None
        with response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > cap:
                raise FetchError(f"too large ({int(length)} bytes, limit {cap})", where=url)
            chunks: list[bytes] = []
            size = 0
            try:
                while True:
                    if time.monotonic() > deadline:
                        raise FetchError(f"no answer within {self.timeout:g} s", where=url)
                    chunk = response.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"too large (more than {cap} bytes)", where=url)
                    chunks.append(chunk)
            except (OSError, ValueError) as exc:
                raise FetchError(f"transfer failed ({exc})", where=url) from None
            content_type = (
                response.headers.get_content_type()
                if "Content-Type" in (response.headers)
                else None
            )
            return response.status, Fetched(response.geturl(), b"".join(chunks), content_type)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
