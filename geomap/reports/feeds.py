"""RSS and Atom feeds: each entry's link is a report to fetch and ingest once.

Feeds are parsed by feedparser from bytes geomap fetched itself (so the fetcher's timeout,
size cap, user agent and robots.txt apply; feedparser never opens a URL). Which entries were
ingested is kept in a small SQLite file (:class:`FeedLog`), keyed by the feed's URL and the
entry's id (its ``guid``/``id``, else its link), so re-reading a feed picks up only new entries.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geomap.db import connect, immediate
from geomap.errors import InputError, StoreError
from geomap.model import Document

FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_entries(
    feed TEXT NOT NULL,         -- the feed's URL as given
    entry TEXT NOT NULL,        -- the entry's guid/id, else its link
    link TEXT NOT NULL,
    document_id TEXT NOT NULL,  -- what the link was ingested as
    ingested REAL NOT NULL,
    PRIMARY KEY (feed, entry)
);
"""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: its key, the link to the report and what the feed says of it."""

    key: str
    link: str
    title: str | None = None
    author: str | None = None
    published: date | None = None


def parse_feed(data: bytes, url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, in feed order, relative links resolved against
    ``url``; entries without an http(s) link are left out. InputError when it is not a feed."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise InputError(f"not an RSS or Atom feed ({reason})", where=url)
    entries: list[FeedEntry] = []
    for item in parsed.entries:
        link = str(item.get("link") or "").strip()
        if not link.lower().startswith(("http://", "https://")):
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            FeedEntry(
                key=str(item.get("id") or link).strip()[:2000],
                link=link,
                title=_clean(item.get("title")),
                author=_clean(item.get("author")),
                published=date(*when[:3]) if when else None,
            )
        )
    return entries


def with_feed_metadata(document: Document, entry: FeedEntry) -> Document:
    """The document with what the feed says filling what the page did not declare."""
    from dataclasses import replace

    return replace(
        document,
        title=document.title or entry.title,
        author=document.author or entry.author,
        published=document.published or entry.published,
        url=document.url or entry.link,
    )


class FeedLog:
    """Which feed entries were ingested, and as which document."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._con = connect(self.path)
            self._con.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the feed log ({exc})", where=str(self.path)) from None

    def document_of(self, feed: str, entry: FeedEntry) -> str | None:
        """The document id an entry was ingested as, or None when it was never ingested."""
        row = self._con.execute(
            "SELECT document_id FROM feed_entries WHERE feed=? AND entry=?", (feed, entry.key)
        ).fetchone()
        return None if row is None else str(row[0])

    def new_entries(
        self, feed: str, entries: list[FeedEntry], stored: Callable[[str], bool]
    ) -> Iterator[FeedEntry]:
        """Entries not ingested before; an entry whose document has since left the store
        (``stored(document_id)`` is false) counts as new again."""
        for entry in entries:
            doc_id = self.document_of(feed, entry)
            if doc_id is None or not stored(doc_id):
                yield entry

    def mark(self, feed: str, entry: FeedEntry, document_id: str) -> None:
        """Record that ``entry`` of ``feed`` was ingested as ``document_id``."""
        with immediate(self._con):
            self._con.execute(
                "INSERT OR REPLACE INTO feed_entries VALUES (?,?,?,?,?)",
                (feed, entry.key, entry.link, document_id, time.time()),
            )

    def close(self) -> None:
        self._con.close()


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text[:500] or None
