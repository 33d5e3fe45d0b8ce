"""Read news reports from disk into :class:`Document` values.

Text is decoded from the bytes exactly as stored (no newline translation, nothing stripped),
so character offsets found later index the file's decoded text directly.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from geomap.errors import InputError
from geomap.model import Document, Span
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


# the first line is a header when it has the seed's shape: headline, a run of spaces or a tab,
# then a byline ending in a publisher and/or a date
_HEADER_GAP = re.compile(r"\S(?: {2,}|\t)\S")
# a headline-like first line: short, without a sentence's closing punctuation
_CLOSING = re.compile(r"[.!?;:,…][\"'”’)\]]*\s*$")
MAX_HEADLINE = 200  # characters; a longer first line is a paragraph
_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
    "publisher": "publisher",
    "source": "publisher",
}
_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:[ \t]*(?P<value>.*?)[ \t]*$")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"']{1,2000}$")
# a YAML comment: '#' after a space or a tab, to the end of the line
_YAML_COMMENT = re.compile(r"[ \t]+#")


def parse_published(text: str) -> date | None:
    """A publication date from metadata: ISO ``2019-04-16`` (a time after it is ignored) or any
    form :func:`parse_date` reads; None if not a date."""
    text = text.strip().strip("'\"")
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    return parse_date(iso.group(1) if iso else text)


def safe_url(text: str) -> str | None:
    """``text`` when it is an http(s) address without spaces or quotes, else None."""
    text = text.strip().strip("'\"")
    return text if _SAFE_URL.match(text) else None


def _front_matter(text: str, start: int) -> tuple[dict[str, object], int, Span | None] | None:
    """YAML front matter opening the text at ``start`` (``---`` lines around ``key: value``
    lines): its metadata, where the body starts, and the title's span. None without it."""
    first = text.find("\n", start)
    if first < 0 or text[start:first].strip() != "---":
        return None
    meta: dict[str, object] = {}
    title: Span | None = None
    pos = first + 1
    for _ in range(60):  # front matter is short; an unclosed one is body text
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].rstrip("\r")
        if line.strip() in ("---", "..."):
            return meta, min(len(text), end + 1), title
        title = _metadata_line(meta, line, pos, "front matter") or title
        if end >= len(text):
            return None
        pos = end + 1
    return None


def _metadata_line(meta: dict[str, object], line: str, pos: int, where: str) -> Span | None:
    """Read one ``key: value`` metadata line starting at offset ``pos`` into ``meta`` (the
    first value of a key wins; a bad date or address is refused with a note naming ``where``);
    returns the title's span when the line gives the title."""
    m = _FRONT_MATTER_LINE.match(line)
    key = _FRONT_MATTER_KEYS.get(m["key"].lower()) if m else None
    value, quoted = _front_matter_value(m["value"]) if m else ("", False)
    if not (m and key and key not in meta and value):
        return None
    if key == "published":
        published = parse_published(value)
        if published:
            meta[key] = published
        else:
            _refused(meta, where, f"{m['key']} {value[:40]!r} is not a date (use YYYY-MM-DD)")
    elif key == "url":
        url = safe_url(value)
        if url:
            meta[key] = url
        else:
            _refused(meta, where, f"{m['key']} {value[:80]!r} is not an http(s) address")
    else:
        meta[key] = value[:300]
        if key == "title":
            at = pos + m.start("value") + (1 if quoted else 0)
            return Span(value, at, at + len(value))
    return None


#: A header block without ``---`` lines ("Title: …", "Date: …", "Source: …", then a blank
#: line), as archives and mail-like exports write it: how many lines it may have, and how
#: many of them must be keys geomap knows.
MAX_HEADER_LINES = 20
MIN_KNOWN_KEYS = 2


def _header_block(text: str, start: int) -> tuple[dict[str, object], int, Span | None] | None:
    """Plain ``Key: value`` lines opening the text at ``start`` and ended by a blank line, at
    least :data:`MIN_KNOWN_KEYS` of them keys of :data:`_FRONT_MATTER_KEYS` (others, such as
    "Section:", are skipped): their metadata, where the body starts, and the title's span.
    None when the text does not open so (a paragraph that opens with "Note: …" is body)."""
    meta: dict[str, object] = {}
    title: Span | None = None
    pos, known = start, 0
    for _ in range(MAX_HEADER_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].rstrip("\r")
        if not line.strip():
            return (meta, pos, title) if known >= MIN_KNOWN_KEYS and pos > start else None
        m = _HEADER_BLOCK_LINE.match(line)
        if not m:
            return None
        if m["key"].lower() in _FRONT_MATTER_KEYS:
            known += 1
            title = _metadata_line(meta, line, pos, "header") or title
        if end >= len(text):
            return None  # a header with no body after it is no header
        pos = end + 1
    return None


#: A header block's line: a key of one to three words, a colon, a value.
_HEADER_BLOCK_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z-]{0,20}(?: [A-Za-z-]{1,20}){0,2}):\s")


def _refused(meta: dict[str, object], where: str, note: str) -> None:
    """Keep a line saying which metadata value was refused (for :attr:`Document.notes`)."""
    notes = meta.setdefault("notes", [])
    assert isinstance(notes, list)
    notes.append(f"{where}: {note}; left out")


def _front_matter_value(raw: str) -> tuple[str, bool]:
    """A front-matter value as YAML reads it, and whether it was quoted: the text between
    its quotes, or the plain text before a comment (`` # …``)."""
    if raw[:1] in ("'", '"'):
        close = raw.find(raw[0], 1)
        rest = raw[close + 1 :] if close > 0 else ""
        if close > 0 and (not rest or _YAML_COMMENT.match(rest)):
            return raw[1:close], True
        if len(raw) >= 2 and raw[-1] == raw[0]:
            return raw[1:-1], True
    comment = _YAML_COMMENT.search(" " + raw)  # a value may be a comment alone
    return (raw[: max(0, comment.start() - 1)] if comment else raw), False


def _headline(text: str, start: int) -> tuple[dict[str, object], int, Span | None]:
    """The first line's metadata when it is a header, where the body starts, and the
    headline's span: the seed's form ("Headline   Byline Publisher Date"), or a short line
    without closing punctuation followed by a blank line. Otherwise the first line is body text
    and nothing is taken from it."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip("\r")
    stripped = line.strip()
    if not stripped:
        return {}, start, None
    lead = start + len(line) - len(line.lstrip())
    if ("  " in stripped or "\t" in stripped) and _HEADER_GAP.search(stripped):
        meta = parse_header(stripped)
        byline = re.split(r"\s{2,}|\t", stripped)[-1]
        named = _PUBLISHER_WORDS.search(byline) and not _CLOSING.search(byline)
        if meta.get("published") or (meta.get("publisher") and named):
            title = str(meta["title"])
            at = text.find(title, lead, end)
            span = Span(title, at, at + len(title)) if at >= 0 else None
            return meta, end, span
    rest = text[end + 1 : end + 1 + 400]
    blank_next = end < len(text) and re.match(r"[ \t\r]*(?:\n|$)", rest) is not None
    if not blank_next and end < len(text) and _byline_date(text, end + 1) is not None:
        # "Headline\nBy A. Writer | Published 8 February 2025\n\nBody": a dated byline
        # right under the headline, then the body
        blank_next = True
    if len(stripped) <= MAX_HEADLINE and blank_next and not _CLOSING.search(stripped):
        marks = _HEADING_MARKS.match(stripped)
        if marks and marks.end() < len(stripped):
            # a Markdown heading ("# Floods in X"): the title is its words
            lead, stripped = lead + marks.end(), stripped[marks.end() :]
        return {"title": stripped}, end, Span(stripped, lead, lead + len(stripped))
    return {}, start, None


#: A Markdown heading's marks, or emphasis around a line: "# ", "## ", "**", "*".
_HEADING_MARKS = re.compile(r"#{1,6}[ \t]+|\*{1,2}(?=\S)")
#: A full date anywhere in a short line ("Published 14 March 2024 | By A. Writer").
_DATE_IN_LINE = re.compile(
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
    r"|(?:\d{4}-\d{2}-\d{2})"
)
MAX_BYLINE = 160  # characters; a longer line is a paragraph


def _byline_date(text: str, start: int) -> tuple[date, int] | None:
    """The date of a short dated line that opens the body right after a headline ("Published
    14 March 2024 — By A. Writer", "*March 14, 2024*"), and where the body starts after it:
    a line with a full date, no sentence's closing punctuation and at most :data:`MAX_BYLINE`
    characters, followed by a blank line. None otherwise."""
    pos = start
    while pos < len(text) and text[pos] in "\r\n \t":
        pos += 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    line = text[pos:end].strip().strip("*_ ")
    if not line or len(line) > MAX_BYLINE or _CLOSING.search(line):
        return None
    found = _line_date(line)
    after = text[end + 1 : end + 1 + 400]
    if found is None or not re.match(r"[ \t\r]*(?:\n|$)", after):
        return None
    return found, min(len(text), end + 1)


#: A wire dateline that gives the full date ("QUITO, Ecuador, May 4, 2021 (AFP) -", or day
#: first: "Pozzallo, 7 July 2025 –"): the report's date when it has no header.
_DATED_DATELINE = re.compile(
    r"[ \t]*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{1,40}?(?:,[ \t]*[A-ZÀ-Þ][A-Za-zÀ-ÿ .]{1,30}?)?,[ \t]*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4})"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--|-)[ \t]"
)


def _dateline_date(text: str, start: int) -> date | None:
    """The date of a dated dateline opening the body (on its first or second non-blank
    line, after a headline), if there is one."""
    seen = 0
    for line in text[start : start + 2000].splitlines():
        if not line.strip():
            continue
        m = _DATED_DATELINE.match(line)
        if m:
            return parse_date(m.group("date"))
        seen += 1
        if seen == 2:
            break
    return None


#: How many short lines may open a report before its first paragraph (title, kind of report,
#: byline, reporting period: "SITUATION REPORT No. 4", "As of 18 May 2025").
MAX_OPENING_LINES = 4
#: A word that says a line's date is the report's own ("Published: 12 June 2025").
_OWN_DATE_WORD = re.compile(
    r"\b(?:published|posted|updated|issued|released|dated|date|as of|as at)\b\W*$", re.IGNORECASE
)


def _opening_date(text: str, start: int) -> date | None:
    """The full date written in the short lines that open a report before its first paragraph
    ("CONVOY LOG – 19 March 2025", "As of 18 September 2025", "By A. Writer | Published 8
    February 2025", "Compiled from interviews in Belgrade, 14 October 2025"): at most
    :data:`MAX_OPENING_LINES` non-blank lines of at most :data:`MAX_BYLINE` characters without
    a sentence's closing punctuation, the dated line's block ended by a blank line; the first
    line that is longer or ends a sentence is body text and ends the search. In a line with
    several dates, one after "Published", "Updated", "As of" … wins, else the first. None when
    those lines give no full date."""
    seen, dated = 0, None
    for line in text[start : start + 4000].splitlines():
        stripped = line.strip().strip("*_ ")
        if not stripped:
            if dated is not None:
                return dated  # the dated line's block of short lines ends before the body
            continue
        if len(stripped) > MAX_BYLINE or _CLOSING.search(stripped):
            return None
        seen += 1
        if seen > MAX_OPENING_LINES:
            return None
        if dated is None:
            dated = _line_date(stripped)
    return None


def _line_date(line: str) -> date | None:
    """The full date a short line gives: the one after "Published", "Updated", "As of" …
    when it gives several ("Period: 4–10 June 2025 | Published: 12 June 2025"), else the
    first."""
    found = list(_DATE_IN_LINE.finditer(line))
    own = [m for m in found if _OWN_DATE_WORD.search(line[: m.start()])]
    return parse_date((own or found)[0].group()) if found else None


def parse_document(data: bytes, path: str) -> Document:
    """Build a Document from a report's raw bytes; ``path`` is kept as given.

    Metadata comes from YAML front matter, or from a first line that looks like a header
    (:func:`_headline`); a first line that does not is body text, and the document has no
    title. Missing values may be given later with :func:`with_metadata`."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large ({len(data)} bytes, limit {MAX_BYTES})", where=path)
    text = decode(data, path)
    start = 1 if text.startswith("\ufeff") else 0
    found = _front_matter(text, start) or _header_block(text, start) or _headline(text, start)
    meta, body_start, headline = found
    published = meta.get("published")
    if not isinstance(published, date) and headline is not None and body_start > start:
        dated = _byline_date(text, body_start)
        if dated is not None:
            published, body_start = dated  # "# Headline", then "Published 14 March 2024"
    if not isinstance(published, date):
        published = _dateline_date(text, body_start) or _opening_date(text, start)
    url = meta.get("url")
    return Document(
        id=document_id(data),
        path=path,
        text=text,
        title=str(meta["title"]) if meta.get("title") else None,
        author=str(meta["author"]) if meta.get("author") else None,
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
        published=published if isinstance(published, date) else None,
        url=str(url) if url else find_url(text),
        headline=headline,
        body_start=body_start,
        notes=tuple(str(n) for n in notes) if isinstance(notes := meta.get("notes"), list) else (),
    )


def with_metadata(
    document: Document,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Document:
    """``document`` with the given metadata in place of what its text says (the command
    line's ``--title``, ``--published``, ``--url``); None leaves a value as read."""
    return replace(
        document,
        title=(title.strip()[:300] or None) if title is not None else document.title,
        published=published if published is not None else document.published,
        url=url if url is not None else document.url,
    )


def content_text(document: Document) -> str:
    """The document's text with its metadata blanked out (front matter, the header line's
    byline, publisher and date), same length and same line breaks, so offsets still index
    ``document.text``: a publisher called "The Dhaka Standard" is not a report about Dhaka.
    The headline stays, where it is written."""
    text = document.text
    if not document.body_start:
        return text
    keep = document.headline
    parts = []
    for i in range(document.body_start):
        if keep and keep.start <= i < keep.end:
            continue
        parts.append(i)
    chars = list(text[: document.body_start])
    for i in parts:
        if chars[i] not in "\n\r":
            chars[i] = " "
    return "".join(chars) + text[document.body_start :]


def read_document(path: str | Path) -> Document:
    """Read one report file (:func:`geomap.reports.files.read_bytes`: regular files only, at
    most ``MAX_BYTES``); raises InputError naming the file and the reason."""
    return parse_document(read_bytes(path), display(path))
