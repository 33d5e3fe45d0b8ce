"""Reading reports: header parsing, exact text, and clear errors for bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.errors import InputError
from geomap.reports.text import (
    content_text,
    document_id,
    parse_document,
    parse_header,
    read_document,
)


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "North Korea sends hit squads      Julian Ryall The Telegraph April 16, 2019",
            {
                "title": "North Korea sends hit squads",
                "author": "Julian Ryall",
                "publisher": "The Telegraph",
                "published": date(2019, 4, 16),
            },
        ),
        (
            "Floods hit Dhaka\tJane Doe Reuters 3 June 2021",
            {
                "title": "Floods hit Dhaka",
                "author": "Jane Doe",
                "publisher": "Reuters",
                "published": date(2021, 6, 3),
            },
        ),
        (
            "Quake strikes  Maria Lopez Associated Press 2020-01-05",
            {
                "title": "Quake strikes",
                "author": "Maria Lopez",
                "publisher": "Associated Press",
                "published": date(2020, 1, 5),
            },
        ),
        ("A plain first sentence without any header.", {}),
    ],
)
def test_parse_header(line: str, expected: dict) -> None:
    assert parse_header(line) == expected


def test_file_without_header_still_works() -> None:
    doc = parse_document(b"Troops moved from Kyiv to Lviv on Monday.\n", "x.txt")
    assert doc.title == "Troops moved from Kyiv to Lviv on Monday."
    assert doc.published is None and doc.author is None


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    raw = "Head  A B The Post May 1, 2020\r\n\ufeffBody\twith  spaces\r\n"
    path = tmp_path / "r.txt"
    path.write_bytes(raw.encode())
    assert read_document(path).text == raw


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("caf\u00e9".encode("latin-1") + b" in Paris", "invalid UTF-8 at byte 3"),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: {reason}")
    assert info.value.status == 400


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


@given(st.binary(min_size=1, max_size=200))
def test_id_is_a_stable_content_hash(data: bytes) -> None:
    assert document_id(data) == document_id(bytes(data))
    assert len(document_id(data)) == 16
    assert document_id(data) != document_id(data + b"x")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_decoding_round_trips(text: str) -> None:
    if not text.strip() or "\x00" in text:
        return
    assert parse_document(text.encode("utf-8"), "t.txt").text == text


@pytest.mark.parametrize(
    "body,url",
    [
        ("Text.\nURL: https://example.org/a?b=1\n", "https://example.org/a?b=1"),
        ("Text.\nhttps://news.example/story-1\nMore.", "https://news.example/story-1"),
        ("See https://example.org inside a sentence.", None),
        ("Source: javascript:alert(1)\n", None),
    ],
)
def test_url_when_the_report_gives_one(body: str, url: str | None) -> None:
    doc = parse_document(("Title   Ann Lee The Post May 1, 2020\n" + body).encode(), "u.txt")
    assert doc.url == url


def test_content_text_blanks_the_byline_keeps_the_headline() -> None:
    raw = "Floods hit Dhaka     Rahim Chowdhury The Dhaka Standard May 1, 2020\nRain in Sylhet.\n"
    doc = parse_document(raw.encode(), "d.txt")
    text = content_text(doc)
    assert len(text) == len(doc.text)
    assert text.startswith("Floods hit Dhaka ")
    assert "Standard" not in text and "Chowdhury" not in text
    assert text.endswith("\nRain in Sylhet.\n")
    # a first line that is not a header is left alone
    plain = parse_document(b"Rain in Sylhet and Dhaka.\n", "p.txt")
    assert content_text(plain) == plain.text
