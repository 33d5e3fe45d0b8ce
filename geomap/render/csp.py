"""Content-Security-Policy for the HTML pages geomap writes.

A page may run only the scripts it was written with: files from its own origin, and each of
its inline ``<script>`` elements by its SHA-256 hash. geomap writes every piece of untrusted
text (report text, query values) into pages as JSON inside data blocks
(``<script type="application/json">``), which a browser never runs, so the hashed scripts are
geomap's own code. Styles may be inline (Leaflet and its plugins set ``style`` attributes);
nothing else is loaded from elsewhere, except OpenStreetMap tiles, the map's optional online
base layer.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator

OSM_TILE_HOST = "https://tile.openstreetmap.org"
REFERRER_POLICY = "strict-origin-when-cross-origin"

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# <script type> values a browser runs (anything else is a data block)
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}


def sha256_source(text: str) -> str:
    """The CSP source expression (``'sha256-…'``) that allows exactly ``text``."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def inline_scripts(page: str) -> Iterator[str]:
    """The text of each inline script ``page`` would run (not ``src=`` ones, not data blocks)."""
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (
            kind
            and next(g for g in kind.groups() if g is not None).strip().lower() not in _RUNNABLE
        ):
            continue
        yield match.group("body")


def policy(
    *,
    scripts: Iterable[str] = (),
    self_origin: bool = True,
    connect: Iterable[str] = ("blob:",),
    frame_ancestors: bool = True,
) -> str:
    """A policy allowing the inline scripts ``scripts`` (their text) and files from the page's
    own origin (``self_origin``; a file opened from disk has none worth trusting); ``connect``
    adds sources the page may fetch from; ``frame_ancestors`` forbids framing (a ``<meta>``
    policy cannot carry it)."""
    own = ["'self'"] if self_origin else []
    hashes = sorted({sha256_source(s) for s in scripts})
    directives = [
        ("default-src", own or ["'none'"]),
        ("script-src", own + hashes or ["'none'"]),
        ("style-src", [*own, "'unsafe-inline'"]),
        ("img-src", [*own, "data:", "blob:", OSM_TILE_HOST]),
        ("font-src", [*own, "data:"]),
        ("connect-src", [*own, *connect] or ["'none'"]),
        ("worker-src", [*own, "blob:"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'none'"]),
        ("form-action", own or ["'none'"]),
    ]
    if frame_ancestors:
        directives.append(("frame-ancestors", ["'none'"]))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def page_policy(page: str) -> str:
    """The policy of a served page: its own origin and its inline scripts by hash."""
    return policy(scripts=inline_scripts(page))


def with_meta_policy(page: str) -> str:
    """``page`` (a file to open from disk) with its policy and referrer policy as ``<meta>``
    elements in its ``<head>``, before any script or style: its inline scripts by hash, nothing from
    elsewhere but the optional OpenStreetMap tiles."""
    csp = policy(scripts=inline_scripts(page), self_origin=False, frame_ancestors=False)
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f'<meta name="referrer" content="{REFERRER_POLICY}">\n'
    )
    # before the first element it governs, after the charset declaration
    first = re.search(r"<(script|style|link)\b", page, re.I)
    if first is None or not re.search(r"<head\b", page[: first.start()], re.I):
        raise ValueError("the page has no <head> element before its scripts and styles")
    return page[: first.start()] + meta + page[first.start() :]
