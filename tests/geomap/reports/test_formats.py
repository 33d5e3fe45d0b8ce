"""Reports in the formats they arrive in: sniffing, extraction, offsets into the extracted text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.reports.formats import Walk, expand, parse_report, read_report, sniff

from ...support import reports


@pytest.mark.parametrize(
    ("data", "name", "media_type", "expected"),
    [
        (reports.html_page(), "a.txt", None, "html"),  # content beats the extension
        (reports.pdf_file(), "report", None, "pdf"),
        (reports.docx_file(), "report.bin", None, "docx"),
        (b"Plain words about Lyon.\n", "a.html", None, "html"),  # no markup: the name says
        (b"Plain words about Lyon.\n", "page", "text/html", "html"),
        (b"Plain words about Lyon.\n", "notes.md", None, "text"),
        (b"<p>Soldiers in <b>Lyon</b></p>", None, None, "text"),  # a fragment, no html/body
    ],
)
def test_sniff(data: bytes, name: str | None, media_type: str | None, expected: str) -> None:
    assert sniff(data, name=name, media_type=media_type) == expected


def test_a_zip_that_is_not_word_is_refused() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "a,b\n")
    with pytest.raises(InputError, match="not a Word"):
        parse_report(buf.getvalue(), "x.zip")


def _offsets_hold(text: str, *names: str) -> None:
    for name in names:
        assert name in text


def test_html_text_and_metadata_without_boilerplate() -> None:
    doc = parse_report(reports.html_page(), "page.html")
    assert doc.format == "html"
    assert doc.text.startswith(reports.HEADLINE + "\n")
    for p in reports.PARAGRAPHS:
        assert p in doc.text
    for chrome in ("Home", "Sport", "Copyright", "Most read"):
        assert chrome not in doc.text
    assert doc.title == reports.HEADLINE
    assert doc.author == "Jane Roe"
    assert doc.publisher == "The Daily Example"
    assert doc.published == date(2024, 3, 5)
    assert doc.url == "https://news.example.org/floods"
    assert "<" not in doc.text


def test_html_id_is_the_hash_of_the_extracted_text() -> None:
    """The same article in another page layout is the same document."""
    a = parse_report(reports.html_page(), "a.html")
    b = parse_report(reports.html_page().replace(b"<nav>", b"<nav>Breaking: "), "b.html")
    assert a.id == b.id
    c = parse_report(reports.html_page(paragraphs=("Troops left Oslo.",)), "c.html")
    assert c.id != a.id


def test_html_without_article_text_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_report(b"<html><body><script>var a = 1;</script></body></html>", "e.html")


def test_pdf_text_layer_and_info() -> None:
    doc = parse_report(reports.pdf_file(pages=2), "report.pdf")
    assert doc.format == "pdf"
    assert doc.title == reports.HEADLINE
    assert doc.author == "Jane Roe"
    assert doc.published == date(2024, 3, 5)
    for p in reports.PARAGRAPHS:
        assert doc.text.count(p) == 2  # both pages


def test_pdf_header_line_date_beats_the_file_date() -> None:
    data = reports.pdf_file(
        headline="Clashes near Lyon   Jane Roe The Daily Example 7 March 2024",
        created=__import__("datetime").datetime(2031, 1, 1),
    )
    assert parse_report(data, "r.pdf").published == date(2024, 3, 7)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n%garbage that is no PDF", "cannot read PDF"),
        (b"PK\x03\x04word/ broken zip", "cannot read DOCX"),
    ],
)
def test_damaged_files_are_one_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        parse_report(data, "bad")
    assert str(info.value).startswith("bad: ")


def _part(data: bytes, part: str) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(part)


def _docx_with(part: str, content: bytes) -> bytes:
    """A Word file whose ``part`` holds ``content`` instead of what Word wrote."""
    import io
    import zipfile

    good = zipfile.ZipFile(io.BytesIO(reports.docx_file()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            out.writestr(info.filename, content if info.filename == part else good.read(info))
    return buf.getvalue()


def test_a_docx_whose_xml_is_cut_short_is_one_clear_error() -> None:
    """A part that is not well-formed XML was lxml's traceback, which ended the whole ingest."""
    whole = _part(reports.docx_file(), "word/document.xml")
    data = _docx_with("word/document.xml", whole[: len(whole) // 2])
    with pytest.raises(InputError) as info:
        parse_report(data, "memo.docx")
    assert str(info.value).startswith("memo.docx: cannot read DOCX (a part is not well-formed XML")


def test_a_docx_that_unpacks_to_more_than_the_bound_is_refused_before_unpacking() -> None:
    """A deflate bomb (a few hundred kB that unpack to ~80 MB) is refused by the sizes the
    archive states, before any part is read."""
    from geomap.reports.word import MAX_UNPACKED

    data = _docx_with("word/document.xml", b" " * (MAX_UNPACKED + 16 * 1024 * 1024))
    assert len(data) < 1024 * 1024
    with pytest.raises(InputError, match=r"unpacks to [\d,]+ bytes, more than 67,108,864"):
        parse_report(data, "bomb.docx")


def test_pdf_without_text_layer() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    with pytest.raises(InputError, match="no text layer"):
        parse_report(bytes(pdf.output()), "scan.pdf")


def test_docx_paragraphs_tables_and_properties() -> None:
    data = reports.docx_file(table=[["Place", "Event"], ["Grenoble", "protest"]])
    doc = parse_report(data, "report.docx")
    assert doc.format == "docx"
    lines = doc.text.split("\n")
    assert lines[0] == reports.HEADLINE
    assert lines[1:3] == list(reports.PARAGRAPHS)
    assert lines[3:] == ["Place", "Event", "Grenoble", "protest"]
    assert doc.title == reports.HEADLINE
    assert doc.author == "Jane Roe"
    assert doc.published == date(2024, 3, 5)


def test_plain_text_still_goes_through_the_text_reader(tmp_path: Path) -> None:
    raw = "Headline  Jane Roe The Daily Example 5 March 2024\nTroops reached Lyon.\n"
    path = tmp_path / "r.txt"
    path.write_text(raw, encoding="utf-8")
    doc = read_report(path)
    assert doc.format == "text"
    assert doc.text == raw
    assert doc.published == date(2024, 3, 5)


def test_read_report_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_report(fifo)  # returns at once: never opened
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "missing.pdf")


def test_folder_walk_counts_what_it_skips(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops in Lyon.\n")
    (tmp_path / "b.HTML").write_bytes(reports.html_page())
    (tmp_path / "c.pdf").write_bytes(reports.pdf_file())
    (tmp_path / "d.docx").write_bytes(reports.docx_file())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    (tmp_path / "README").write_text("x")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.md").write_text("Troops in Nice.\n")
    (tmp_path / "sub" / "f.jpg").write_bytes(b"\xff\xd8")
    walk = Walk()
    found = list(expand([str(tmp_path)], walk))
    assert [Path(f).name for f in found] == ["a.txt", "b.HTML", "c.pdf", "d.docx", "e.md"]
    assert dict(walk.skipped) == {
        "unsupported .jpg": 2,
        "unsupported .xlsx": 1,
        "unsupported (no extension)": 1,
        "hidden": 1,
        "hidden folder": 1,
    }
    assert walk.summary().startswith("6 skipped (2 unsupported .jpg, ")
