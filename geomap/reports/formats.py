"""Read a report in the format it arrives in: plain text, HTML, PDF, DOCX, a file or a URL.

The format is told by the content first (PDF and ZIP signatures, HTML markup), then by the
file extension or the served media type. Plain text goes through :mod:`geomap.reports.text`
(header-line detection); the other formats are turned into text by their extractors, and that
extracted text is the document's ``text``: every offset geomap reports indexes it, the store
keeps it and ``GET /documents/{id}`` returns it. A document's id is the hash of that text, so
the same article ingested as a file, a page or a feed entry is one document.

Files are read and folders walked by :mod:`geomap.reports.files` (regular files only, sizes
checked before reading).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from geomap.errors import InputError
from geomap.model import Document, Span
from geomap.reports import text as plain
from geomap.reports.fetch import Fetcher, is_url
from geomap.reports.files import Skipped, display, read_bytes, report_paths
from geomap.reports.html import Article

FORMATS = ("text", "html", "pdf", "docx")
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
MEDIA_TYPES = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
MAX_TEXT_BYTES = plain.MAX_BYTES  # plain text, and the text extracted from any format
MAX_BINARY_BYTES = 25 * 1024 * 1024  # HTML, PDF and DOCX carry markup, pictures and fonts


def sniff(data: bytes, *, name: str | None = None, media_type: str | None = None) -> str:
    """The format of a report's bytes: the content decides when it can (``%PDF-``, a ZIP
    holding ``word/document.xml``, HTML markup), then the extension, then the media type.
    Raises InputError for a ZIP that is not a Word document and for other binary data."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        if b"word/" in data[:65536] or (name or "").lower().endswith(".docx"):
            return "docx"
        raise InputError("a ZIP archive that is not a Word (.docx) document", where=name)
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<") and (b"<html" in lowered or b"<body" in lowered)
    ):
        return "html"
    by_name = SUFFIXES.get(Path(name).suffix.lower()) if name else None
    if by_name in ("text", "html"):
        return by_name
    by_type = MEDIA_TYPES.get((media_type or "").lower())
    if by_type in ("text", "html"):
        return by_type
    return "text"


def parse_report(
    data: bytes,
    where: str,
    *,
    name: str | None = None,
    media_type: str | None = None,
    url: str | None = None,
) -> Document:
    """A Document from a report's raw bytes in any supported format; ``where`` names it in
    errors and becomes ``Document.path``; ``url`` is where it was fetched from."""
    fmt = sniff(data, name=name or where, media_type=media_type)
    limit = MAX_TEXT_BYTES if fmt == "text" else MAX_BINARY_BYTES
    if len(data) > limit:
        raise InputError(f"too large ({len(data):,} bytes, limit {limit:,})", where=where)
    if fmt == "text":
        doc = plain.parse_document(data, where)
        return replace(doc, url=doc.url or url)
    if fmt == "html":
        from geomap.reports.html import extract_article

        article = extract_article(data, where, url=url)
    elif fmt == "pdf":
        from geomap.reports.pdf import extract_pdf

        article = extract_pdf(data, where)
    else:
        from geomap.reports.word import extract_docx

        article = extract_docx(data, where)
    return _document(article, fmt, where, url)


def _document(article: Article, fmt: str, where: str, url: str | None) -> Document:
    text = article.text
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise InputError(f"extracted text too large (limit {MAX_TEXT_BYTES:,} bytes)", where=where)
    published = article.published
    title = article.title
    if fmt in ("pdf", "docx"):
        # a header line written in the report beats the file's own dates and names
        header = plain.parse_header(text.split("\n", 1)[0])
        written = header.get("published")
        if isinstance(written, date):
            published = written
        title = title or (str(header["title"]) if header.get("title") else None)
    if title is None:
        first = text.split("\n", 1)[0].strip()
        title = first[:300] or None
    # the headline, when the text opens with it, is read for events like a text file's
    headline = Span(title, 0, len(title)) if title and text.startswith(title) else None
    return Document(
        id=plain.document_id(text.encode("utf-8")),
        path=where,
        text=text,
        title=title,
        author=article.author,
        publisher=article.site,
        published=published,
        url=article.url or url or plain.find_url(text),
        headline=headline,
        format=fmt,
    )


def file_limit(path: str | os.PathLike[str]) -> int:
    """How many bytes a report file may have: :data:`MAX_BINARY_BYTES` for HTML, PDF and DOCX
    (by extension), :data:`MAX_TEXT_BYTES` for text and anything else."""
    kind = SUFFIXES.get(Path(os.fsdecode(path)).suffix.lower())
    return MAX_BINARY_BYTES if kind in ("html", "pdf", "docx") else MAX_TEXT_BYTES


def read_report(source: str | Path, fetcher: Fetcher | None = None) -> Document:
    """Read one report from a file path or an http(s) URL (fetched with ``fetcher``)."""
    where = display(source)
    if is_url(where):
        fetched = (fetcher or Fetcher()).get(where, accept=_ACCEPT)
        return parse_report(
            fetched.data,
            where,
            name=_url_name(fetched.url),
            media_type=fetched.content_type,
            url=fetched.url,
        )
    return parse_report(read_bytes(source, file_limit(source)), display(source))


_ACCEPT = "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5"


def _url_name(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path.rsplit("/", 1)[-1]


@dataclass
class Walk:
    """What a walk over paths did not read, counted by reason (``skipped['unsupported .xls']
    = 3``); ``errors`` of them were reported as errors (:class:`Skipped`: a folder that cannot
    be listed, an entry that is not a regular file)."""

    skipped: Counter[str] = field(default_factory=Counter)
    errors: int = 0

    def summary(self) -> str:
        """'12 skipped (7 unsupported .jpg, 5 hidden)' or '' when nothing was skipped."""
        counts = +self.skipped  # without zero counts
        if not counts:
            return ""
        parts = ", ".join(f"{n} {why}" for why, n in counts.most_common())
        return f"{sum(counts.values())} skipped ({parts})"


def expand(sources: Iterable[str], walk: Walk) -> Iterator[str | Skipped]:
    """URLs and files as given and, for folders, their reports in sorted order (recursive):
    files with a report extension (:data:`SUFFIXES`), walked by
    :func:`geomap.reports.files.report_paths`. What a folder holds besides is counted in
    ``walk.skipped`` by reason (other extensions, hidden files and folders, linked folders);
    what cannot be read there comes as a Skipped, counted too (``walk.errors``)."""
    for raw in sources:
        if is_url(raw):
            yield raw
            continue
        for item in report_paths([raw], SUFFIXES, walk.skipped):
            if isinstance(item, Skipped):
                walk.errors += 1
                walk.skipped[
                    "unreadable folder" if item.folder else item.reason.split(" (")[0]
                ] += 1
            yield item
