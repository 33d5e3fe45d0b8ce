"""Read news reports from disk into :class:`Document` values.

Text is decoded from the bytes exactly as stored (no newline translation, nothing stripped),
so character offsets found later index the file's decoded text directly.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

from geomap.errors import InputError
from geomap.model import Document
from geomap.reports.files import MAX_BYTES, display, read_bytes

MAX_FIELD = 300  # characters kept of a headline, byline or publisher

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_AT_END = re.compile(
    rf"(?P<date>(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
    r"|(?:\d{4}-\d{2}-\d{2}))\s*$"
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:The|Reuters|AP|AFP|BBC|CNN|Associated Press|Agence|Al Jazeera|NPR|Bloomberg|Guardian|"
    r"Times|Post|News|Herald|Telegraph|Journal|Tribune|Daily|Gazette|Observer|Independent)\b"
)


def document_id(data: bytes) -> str:
    """A stable id for a document: the first 16 hex digits of its content's SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def decode(data: bytes, where: str) -> str:
    """Decode a report's bytes as UTF-8, refusing empty, binary and badly encoded input."""
    if not data.strip():
        raise InputError("empty file", where=where)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"binary file (a NUL byte at byte {nul}), expected UTF-8 text", where=where
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"invalid UTF-8 at byte {exc.start} ({data[exc.start : exc.start + 1]!r})", where=where
        ) from exc


def parse_date(text: str) -> date | None:
    """Parse '16 April 2019', 'April 16, 2019', 'Apr. 16 2019' or '2019-04-16'; None if not."""
    cleaned = re.sub(r"[.,]", " ", text)
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned)
    cleaned = " ".join(cleaned.split())
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def parse_header(line: str) -> dict[str, object]:
    """Split a header line 'Headline   Byline Publisher Date' into its parts.

    The headline is separated from the rest by a run of two or more spaces (or a tab). Returns
    only the keys it found; a line without that shape yields no metadata but the title.
    """
    parts = [p.strip() for p in re.split(r"\s{2,}|\t", line.strip()) if p.strip()]
    if len(parts) < 2:
        return {}
    title, rest = " ".join(parts[:-1])[:MAX_FIELD], parts[-1]
    out: dict[str, object] = {"title": title}
    m = _DATE_AT_END.search(rest)
    if m:
        published = parse_date(m.group("date"))
        if published:
            out["published"] = published
        rest = rest[: m.start()].strip(" ,|-")
    if not rest:
        return out
    words = rest.split()
    # The publisher is the tail starting at the first publisher-like word after the byline.
    cut = None
    for i in range(1, len(words)):
        if _PUBLISHER_WORDS.fullmatch(words[i].strip(",")):
            cut = i
            break
    if cut is None and len(words) > 2:
        cut = 2
    if cut is None:
        out["author"] = rest[:MAX_FIELD]
    else:
        out["author"] = " ".join(words[:cut]).strip(" ,")[:MAX_FIELD]
        out["publisher"] = " ".join(words[cut:]).strip(" ,")[:MAX_FIELD]
    return out


_URL_LINE = re.compile(
    r"^\s*(?:(?:url|source|link|original)\s*:\s*)?(https?://[^\s<>\"']{1,2000})\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def find_url(text: str) -> str | None:
    """The report's own address: the first line that is only an http(s) URL, optionally
    labelled "URL:", "Source:" or "Link:"."""
    m = _URL_LINE.search(text)
    return m.group(1) if m else None


def parse_document(data: bytes, path: str) -> Document:
    """Build a Document from a report's raw bytes; ``path`` is kept as given."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large ({len(data)} bytes, limit {MAX_BYTES})", where=path)
    text = decode(data, path)
    first_line = text.split("\n", 1)[0].lstrip("\ufeff")
    meta = parse_header(first_line)
    title = meta.get("title")
    if title is None:
        stripped = first_line.strip()
        title = stripped[:300] if stripped else None
    published = meta.get("published")
    return Document(
        id=document_id(data),
        path=path,
        text=text,
        title=str(title) if title else None,
        author=str(meta["author"]) if meta.get("author") else None,
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
        published=published if isinstance(published, date) else None,
        url=find_url(text),
    )


def content_text(document: Document) -> str:
    """The document's text with the header line's byline, publisher and date blanked out
    (same length, so offsets still index ``document.text``): a publisher called "The Dhaka
    Standard" is not a report about Dhaka. The headline stays."""
    text = document.text
    if not (document.published and (document.author or document.publisher) and document.title):
        return text
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    at = text.find(document.title, 0, line_end)
    if at < 0:
        return text
    cut = at + len(document.title)
    return text[:cut] + " " * (line_end - cut) + text[line_end:]


def read_document(path: str | Path) -> Document:
    """Read one report file (:func:`geomap.reports.files.read_bytes`: regular files only, at
    most ``MAX_BYTES``); raises InputError naming the file and the reason."""
    return parse_document(read_bytes(path), display(path))
