"""Word reports (.docx): paragraphs and table cells through python-docx, and core properties."""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import date

from geomap.errors import InputError
from geomap.reports.html import Article

# the most a DOCX may unpack to (its parts' sizes as the archive states them, which bound what
# zipfile reads): a report's XML is a few hundred kB, a 5 MiB deflate bomb would be gigabytes
MAX_UNPACKED = 64 * 1024 * 1024


def extract_docx(data: bytes, where: str) -> Article:
    """The body's paragraphs (tables cell by cell, in document order), one a line, with the
    title, author and creation date of the core properties; InputError for a damaged file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > MAX_UNPACKED:
            raise InputError(
                f"DOCX unpacks to {unpacked:,} bytes, more than {MAX_UNPACKED:,}", where=where
            )
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,
        XMLSyntaxError,  # a part that is not well-formed XML
        NotImplementedError,  # a compression method zipfile lacks
        RuntimeError,  # an encrypted part
        EOFError,
        KeyError,
        ValueError,
    ) as exc:
        reason: object = exc
        if isinstance(exc, XMLSyntaxError):
            reason = f"a part is not well-formed XML: {exc.msg}"
        elif isinstance(exc, KeyError) and exc.args:
            reason = exc.args[0]  # not its repr's extra quotes
        raise InputError(f"cannot read DOCX ({reason})", where=where) from None
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
