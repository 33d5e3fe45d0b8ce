"""Web pages: the article's text and metadata through trafilatura.

The extracted text is what geomap stores and what every offset indexes: the headline on the
first line (when the page has one and the article body does not already open with it), then
the body's paragraphs, one a line; navigation, comments and boilerplate are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geomap.errors import InputError


@dataclass(frozen=True, slots=True)
class Article:
    """What a page says: its text and whatever metadata it declares."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    site: str | None = None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_article(html: str | bytes, where: str, *, url: str | None = None) -> Article:
    """The main text and metadata of an HTML page; InputError when it has no article text."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            # a date the page declares, never one guessed from the text around it
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # lxml refusing the markup
        raise InputError(f"cannot parse HTML ({exc})", where=where) from None
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not body:
        raise InputError("no article text found in the HTML page", where=where)
    title = _clean(getattr(found, "title", None))
    text = body if not title or body.startswith(title) else f"{title}\n{body}"
    return Article(
        text=text,
        title=title,
        author=_clean(getattr(found, "author", None)),
        published=_date(getattr(found, "date", None)),
        url=_clean(getattr(found, "url", None)) or url,
        site=_clean(getattr(found, "sitename", None)),
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text[:500] or None
