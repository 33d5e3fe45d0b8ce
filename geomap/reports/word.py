"""Word reports (.docx): paragraphs and table cells through python-docx, and core properties."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from geomap.errors import InputError
from geomap.reports.html import Article


def extract_docx(data: bytes, where: str) -> Article:
    """The body's paragraphs (tables cell by cell, in document order), one a line, with the
    title, author and creation date of the core properties; InputError for a damaged file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"cannot read DOCX ({exc})", where=where) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: each cell's paragraphs
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    text = "\n".join(line.rstrip() for line in lines).strip()
    if not text:
        raise InputError("DOCX has no text", where=where)
    props = document.core_properties
    created = props.created
    published: date | None = created.date() if created else None
    return Article(
        text=text,
        title=" ".join((props.title or "").split())[:500] or None,
        author=" ".join((props.author or "").split())[:500] or None,
        published=published,
    )
