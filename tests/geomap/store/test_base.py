"""The value objects every store backend shares: a page of features and its cursor."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.errors import NotFound
from geomap.store.base import Cursor, Page, Query, SortKey, latest_reports


def rows(first: int, n: int) -> list[tuple[int, str]]:
    """``n`` rows as a backend returns them: (ingest position, GeoJSON text)."""
    return [(i, f'{{"id":"{i}"}}') for i in range(first, first + n)]


def test_first_middle_and_last_page_offsets() -> None:
    first = Page.from_rows(rows(0, 10), 25, Query("incidents", limit=10))
    assert (first.matched, first.returned, first.next_offset, first.prev_offset) == (
        25,
        10,
        10,
        None,
    )
    assert first.next == Cursor(9)
    last = Page.from_rows(rows(20, 5), 25, Query("incidents", limit=10, offset=20))
    assert (last.returned, last.next_offset, last.prev_offset, last.next) == (5, None, 10, None)
    everything = Page.from_rows(rows(0, 25), 25, Query("incidents"))
    assert everything.returned == 25 and everything.next_offset is None and everything.next is None
    beyond = Page.from_rows([], 25, Query("incidents", limit=10, offset=30))
    assert beyond.returned == 0 and beyond.next_offset is None and beyond.prev_offset == 20


def test_a_full_page_that_ends_the_matches_has_no_cursor() -> None:
    page = Page.from_rows(rows(0, 10), 10, Query("incidents", limit=10))
    assert page.next is None and page.next_offset is None


def test_a_sorted_page_continues_by_offset_not_cursor() -> None:
    query = Query("incidents", limit=10, sortby=(SortKey("time_start", False),))
    page = Page.from_rows(rows(0, 10), 25, query)
    assert page.next is None and page.next_offset == 10


def test_features_are_kept_as_text_and_decode() -> None:
    page = Page.from_rows(rows(3, 2), 2, Query("incidents"))
    assert page.features == ['{"id":"3"}', '{"id":"4"}']
    assert page.decoded() == [{"id": "3"}, {"id": "4"}]


@given(st.integers(min_value=0, max_value=2**62))
def test_cursor_token_round_trips(seq: int) -> None:
    assert Cursor.parse(Cursor(seq).token()) == Cursor(seq)


def test_latest_reports_keeps_one_report_per_layer_and_id_the_last() -> None:
    first = {"id": "a", "properties": {"n": 1}}
    again = {"id": "a", "properties": {"n": 2}}
    other = {"id": 7, "properties": {}}
    reports = latest_reports({"incidents": [first, other, again], "places": [first]})
    assert list(reports) == [("incidents", "7"), ("incidents", "a"), ("places", "a")]
    assert reports[("incidents", "a")] is again


def test_latest_reports_names_an_unknown_layer() -> None:
    with pytest.raises(NotFound, match="'rivers'"):
        latest_reports({"rivers": [{"id": "x"}]})


@given(
    texts=st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",))), max_size=6),
    matched_more=st.integers(0, 3),
)
def test_a_page_read_as_one_text_is_the_page_of_its_features(
    texts: list[str], matched_more: int
) -> None:
    """Features read joined (cut out only when asked for) make the same page as the features:
    commas and any characters in them, with the same cursor and count."""
    q = Query("incidents", limit=len(texts) or None, offset=1)
    joined = ",".join(texts).encode()
    sizes = ",".join(str(len(t.encode())) for t in texts)
    matched = 1 + len(texts) + matched_more
    lazy = Page.from_joined(joined, sizes, len(texts), 42, matched, q)
    plain = Page.from_features(list(texts), 42, matched, q, joined)
    assert lazy.returned == plain.returned == len(texts)
    assert lazy.next == plain.next and lazy.next_offset == plain.next_offset
    assert (lazy.next is not None) == bool(texts and matched_more)
    assert lazy.features == texts and lazy.features is lazy.features  # cut out once
    assert lazy == plain and lazy.joined == joined
    assert lazy != Page.from_features([*texts, "x"], 42, matched, q)
