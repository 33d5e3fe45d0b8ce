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


def test_a_first_line_that_is_a_sentence_is_body_text() -> None:
    doc = parse_document(b"Troops moved from Kyiv to Lviv on Monday.\n", "x.txt")
    assert doc.title is None and doc.headline is None and doc.body_start == 0
    assert doc.published is None and doc.author is None
    assert content_text(doc) == doc.text


@pytest.mark.parametrize(
    "raw,title",
    [
        # a short line without closing punctuation, then a blank line: a headline
        ("Floods cut off Sylhet\n\nRain fell for a week.\n", "Floods cut off Sylhet"),
        ("  Floods cut off Sylhet  \r\n\r\nRain fell.", "Floods cut off Sylhet"),
        # no blank line after it, or a sentence's full stop: body text
        ("Floods cut off Sylhet\nRain fell for a week.\n", None),
        ("Floods cut off Sylhet.\n\nRain fell for a week.\n", None),
        # two spaces inside a sentence are not the seed's header without a byline's date/publisher
        ("Rain fell  in Sylhet all week and more.\nIt stopped.\n", None),
        ("A one-paragraph report without a line break.", None),
    ],
)
def test_headline_only_when_it_looks_like_one(raw: str, title: str | None) -> None:
    doc = parse_document(raw.encode(), "h.txt")
    assert doc.title == title
    if title is None:
        assert doc.headline is None and doc.body_start == 0
    else:
        assert doc.headline is not None
        assert doc.text[doc.headline.start : doc.headline.end] == title
        assert content_text(doc) == doc.text  # the headline is read, nothing to blank


def test_front_matter_metadata_and_blanking() -> None:
    raw = (
        "---\n"
        'title: "Clashes reported near Kismayo"\n'
        "published: 2021-03-04T08:30:00Z\n"
        "url: https://news.example/kismayo\n"
        "author: Amina Yusuf\n"
        "publisher: The Mogadishu Ledger\n"
        "---\n"
        "Fighting broke out on Tuesday.\n"
    )
    doc = parse_document(raw.encode(), "f.md")
    assert doc.title == "Clashes reported near Kismayo"
    assert doc.published == date(2021, 3, 4)
    assert doc.url == "https://news.example/kismayo"
    assert (doc.author, doc.publisher) == ("Amina Yusuf", "The Mogadishu Ledger")
    assert doc.text[doc.body_start :] == "Fighting broke out on Tuesday.\n"
    text = content_text(doc)
    assert len(text) == len(doc.text) and text.count("\n") == doc.text.count("\n")
    assert "Mogadishu" not in text and "published" not in text and "title" not in text
    assert doc.headline is not None
    assert text[doc.headline.start : doc.headline.end] == "Clashes reported near Kismayo"


@pytest.mark.parametrize(
    "raw",
    [
        "---\ntitle: never closed\nFighting broke out.\n",  # unclosed: body text
        "--- a rule, not front matter\nFighting broke out.\n",
    ],
)
def test_what_is_not_front_matter(raw: str) -> None:
    doc = parse_document(raw.encode(), "f.md")
    assert doc.body_start == 0 and doc.title is None


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("published: 2021-03-04          # or March 4, 2021", date(2021, 3, 4)),
        ("title: Clashes near Kismayo  # the desk's headline", "Clashes near Kismayo"),
        ("title: 'Clashes: a report' # quoted, then a comment", "Clashes: a report"),
        ("url: https://news.example/a#part  # a fragment stays", "https://news.example/a#part"),
        ("title: Ranked#1 in the region", "Ranked#1 in the region"),  # no space before '#'
        ("title: # only a comment", None),
    ],
)
def test_front_matter_comments_are_not_values(line: str, value: object) -> None:
    """As YAML reads it: a comment after a value (or alone) is not part of it."""
    doc = parse_document(f"---\n{line}\n---\nFighting broke out.\n".encode(), "f.md")
    key = line.split(":", 1)[0]
    assert getattr(doc, key) == value
    if key == "title" and value is not None:
        assert doc.headline is not None
        assert doc.text[doc.headline.start : doc.headline.end] == value


def test_front_matter_refuses_unsafe_values() -> None:
    raw = "---\nurl: javascript:alert(1)\npublished: soon\n---\nBody.\n"
    doc = parse_document(raw.encode(), "f.md")
    assert doc.url is None and doc.published is None
    # and says so, naming each refused value (bounded), so a user learns why dates stay empty
    assert doc.notes == (
        "front matter: url 'javascript:alert(1)' is not an http(s) address; left out",
        "front matter: published 'soon' is not a date (use YYYY-MM-DD); left out",
    )
    long = parse_document(f"---\ndate: {'x' * 500}\n---\nBody.\n".encode(), "f.md")
    assert long.notes == (
        f"front matter: date '{'x' * 40}' is not a date (use YYYY-MM-DD); left out",
    )
    assert parse_document(b"---\ndate: 2021-03-04\n---\nBody.\n", "f.md").notes == ()


def test_metadata_given_on_the_command_line_wins() -> None:
    from geomap.reports.text import with_metadata

    doc = parse_document(b"Police arrested a man in Chicago on Tuesday.", "p.txt")
    given = with_metadata(doc, title="Chicago arrest", published=date(2020, 2, 6), url=None)
    assert (given.title, given.published, given.url) == ("Chicago arrest", date(2020, 2, 6), None)
    assert given.id == doc.id and given.text == doc.text


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


@pytest.mark.parametrize(
    "text,published",
    [
        ("QUITO, Ecuador, May 4, 2021 (Andes Wire) - Police said.", "2021-05-04"),
        ("Headline of the item\n\nLIMA, Jan 16, 2025 (Wire) — Police said.", "2025-01-16"),
        ("QUITO, May 4 (Andes Wire) - Police said.", None),  # no year: no date
        ("Police arrested a man in Quito on May 4, 2021.", None),  # no dateline
    ],
)
def test_a_dated_dateline_is_the_date_of_a_report_without_a_header(
    text: str, published: str | None
) -> None:
    doc = parse_document(text.encode(), "w.txt")
    assert (doc.published.isoformat() if doc.published else None) == published


def test_a_header_block_without_front_matter_marks() -> None:
    raw = (
        "Title: Clashes reported near Kismayo\r\n"
        "Section: World\r\n"
        "Date: 2021-03-04\r\n"
        "Source: The Mogadishu Ledger\r\n"
        "\r\n"
        "Fighting broke out on Tuesday.\r\n"
    )
    doc = parse_document(raw.encode(), "f.txt")
    assert doc.title == "Clashes reported near Kismayo"
    assert doc.published == date(2021, 3, 4)
    assert doc.publisher == "The Mogadishu Ledger"
    assert doc.text[doc.body_start :].strip() == "Fighting broke out on Tuesday."
    text = content_text(doc)
    assert "Mogadishu" not in text and "World" not in text and "Kismayo" in text
    # a bad date is refused, named and bounded, as in front matter
    bad = parse_document(b"Title: A\nDate: soon\n\nBody.\n", "f.txt")
    assert bad.published is None
    assert bad.notes == ("header: Date 'soon' is not a date (use YYYY-MM-DD); left out",)


@pytest.mark.parametrize(
    "raw",
    [
        "Note: the figures below are provisional.\n\nFighting broke out.\n",  # one line
        "Title: A\nDate: 2021-03-04\nFighting broke out on Tuesday in the hills.\n",  # no gap
        "Warning: heavy rain. Source: officials.\n\nBody.\n",  # not two known keys
    ],
)
def test_what_is_not_a_header_block(raw: str) -> None:
    doc = parse_document(raw.encode(), "f.txt")
    assert doc.published is None


def test_a_markdown_heading_and_a_dated_byline_line() -> None:
    raw = (
        "# Floods force hundreds from riverside villages\n\n"
        "*Published 14 March 2024 — By A. Writer, field monitor*\n\n"
        "Rains on Tuesday forced families to leave.\n"
    )
    doc = parse_document(raw.encode(), "f.md")
    assert doc.title == "Floods force hundreds from riverside villages"
    assert doc.headline is not None
    assert doc.text[doc.headline.start : doc.headline.end] == doc.title
    assert doc.published == date(2024, 3, 14)
    assert doc.text[doc.body_start :].strip() == "Rains on Tuesday forced families to leave."
    # a first paragraph that tells a date in a sentence is body text, not a byline
    body = "# Floods\n\nOn 14 March 2024 rains forced families to leave.\n"
    assert parse_document(body.encode(), "f.md").published is None


@pytest.mark.parametrize(
    "raw,published",
    [
        # a log or report whose title line carries the date
        ("PATROL LOG – 4 May 2024\nShared with partners\n\n06:10 Patrol left.\n", "2024-05-04"),
        # a situation report dated "As of" on its second line
        ("FLOODS – Situation Report No. 3\nAs of 12 October 2023\n\nRain fell.\n", "2023-10-12"),
        # a headline, then a byline line with the date, no blank line between them
        ("Back home\nBy Ann Example | Published 8 February 2025\n\nShe came back.\n", "2025-02-08"),
        # a reporting period and the date of publication: the publication date wins
        ("UPDATE\nPeriod: 4–10 June 2025 | Published: 12 June 2025\n\nX.\n", "2025-06-12"),
        # a day-first dated dateline after a headline
        ("Boat capsizes off the coast\n\nValletta, 7 July 2025 – The crew said.\n", "2025-07-07"),
        # a date inside the first paragraph's sentence is body text, not the report's date
        ("Short title\n\nOn 14 March 2024 rains forced families to leave their homes.\n", None),
        # a date after the opening lines is not the report's date
        ("A\nB\nC\nD\nE 14 March 2024\n\nBody.\n", None),
    ],
)
def test_the_date_in_the_short_lines_that_open_a_report(raw: str, published: str | None) -> None:
    doc = parse_document(raw.encode(), "r.txt")
    assert (doc.published.isoformat() if doc.published else None) == published


def test_a_headline_with_a_dated_byline_right_under_it() -> None:
    raw = "Back in the valley\nBy Ann Example | Published 8 February 2025\n\nTAMALE — She came.\n"
    doc = parse_document(raw.encode(), "f.txt")
    assert doc.title == "Back in the valley"
    assert doc.published == date(2025, 2, 8)
    assert doc.text[doc.body_start :].strip() == "TAMALE — She came."
