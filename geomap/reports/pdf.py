"""PDF reports: the text layer of every page through pypdf, and the document's info."""

from __future__ import annotations

import io
import logging
from datetime import date

from geomap.errors import InputError
from geomap.reports.html import Article

# pypdf logs what it repaired or could not find ("EOF marker not found") as warnings, which
# Python prints bare on stderr when nothing is configured: a second line beside geomap's own
# for a damaged file, and noise for one it read. What failed is in InputError's one line.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def extract_pdf(data: bytes, where: str) -> Article:
    """Pages' text joined by blank lines, with the PDF's title, author and creation date;
    InputError for a damaged or encrypted file, or one without a text layer (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("encrypted PDF", where=where)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"cannot read PDF ({exc})", where=where) from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip()).strip()
    if not text:
        raise InputError("PDF has no text layer (a scanned image?)", where=where)
    title = author = None
    published: date | None = None
    if info is not None:
        title = _clean(info.title)
        author = _clean(info.author)
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        published = created.date() if created else None
    return Article(text=text, title=title, author=author, published=published)


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text[:500] or None
