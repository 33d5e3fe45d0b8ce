"""Reports in every format, made by the tests (invented text; no corpus sentence).

The same invented article is written as a web page, a PDF (fpdf2), a Word file (python-docx)
and a feed entry, so the tests can check each format yields the same places.
"""

from __future__ import annotations

import io
from datetime import datetime
from html import escape

HEADLINE = "Flooding forces evacuation near Lyon"
PARAGRAPHS = (
    "Soldiers were deployed to Lyon on Tuesday after heavy rain, officials said.",
    "About 200 people were evacuated from Marseille to Nice on Wednesday.",
)
PLACES = {"Lyon", "Marseille", "Nice"}


def html_page(
    headline: str = HEADLINE,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    url: str = "https://news.example.org/floods",
    published: str = "2024-03-05",
    author: str = "Jane Roe",
    site: str = "The Daily Example",
) -> bytes:
    """A news page with navigation, an article and a footer, declaring its metadata."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(headline)} | {escape(site)}</title>
<meta property="og:site_name" content="{escape(site)}">
<meta property="og:title" content="{escape(headline)}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="{published}T08:30:00Z">
<link rel="canonical" href="{escape(url)}">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>{escape(headline)}</h1>{body}</article>
<aside>Most read: Weather in Oslo</aside>
<footer>Copyright The Daily Example. Contact us.</footer>
</body></html>""".encode()


def pdf_file(
    headline: str = HEADLINE,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    author: str = "Jane Roe",
    created: datetime = datetime(2024, 3, 5, 9, 0),
    pages: int = 1,
) -> bytes:
    """A PDF with a text layer (fpdf2): the headline, then the paragraphs, on ``pages`` pages."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(headline)
    pdf.set_author(author)
    pdf.set_creation_date(created)
    pdf.set_font("Helvetica", size=12)
    for page in range(pages):
        pdf.add_page()
        if page == 0:
            pdf.multi_cell(0, 8, headline, new_x="LMARGIN", new_y="NEXT")
        for p in paragraphs:
            pdf.multi_cell(0, 8, p, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_file(
    headline: str = HEADLINE,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    author: str = "Jane Roe",
    created: datetime = datetime(2024, 3, 5, 9, 0),
    table: list[list[str]] | None = None,
) -> bytes:
    """A Word file: the headline as a heading, the paragraphs, and an optional table."""
    import docx

    document = docx.Document()
    document.core_properties.title = headline
    document.core_properties.author = author
    document.core_properties.created = created
    document.add_heading(headline, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rss_feed(entries: list[tuple[str, str, str]], *, title: str = "Example wire") -> bytes:
    """An RSS 2.0 feed of (guid, link, title) entries."""
    items = "".join(
        f"<item><guid>{escape(guid)}</guid><link>{escape(link)}</link>"
        f"<title>{escape(t)}</title><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>"
        for guid, link, t in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"<description>wire</description>{items}</channel></rss>"
    ).encode()


def atom_feed(entries: list[tuple[str, str, str]], *, title: str = "Example atom") -> bytes:
    """An Atom 1.0 feed of (id, link, title) entries; links may be relative."""
    items = "".join(
        f'<entry><id>{escape(i)}</id><link href="{escape(link)}"/><title>{escape(t)}</title>'
        "<updated>2024-03-05T08:00:00Z</updated></entry>"
        for i, link, t in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:example:feed</id>"
        f"<updated>2024-03-05T08:00:00Z</updated>{items}</feed>"
    ).encode()
