"""Proposals: likely place names the gazetteer lacks, from their context alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.geoparse.propose import _Taken, propose
from geomap.model import Span


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Villagers fled to Kwangmyong after the raid.", ("Kwangmyong", None, "after 'to'")),
        ("Troops massed near the Sambong border crossing.", ("Sambong", "city", "after 'near'")),
        ("They reached the village of Tangbu on Monday.", ("Tangbu", "city", "village of")),
        ("They reached the village  called  Tangbu.", ("Tangbu", "city", "village of")),
        ("Officials in Musan County said the river froze.", ("Musan County", "admin1", "county")),
    ],
)
def test_a_name_in_a_place_context_is_proposed(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    got = [(p.query, p.kind_hint, p.cue) for p in propose(text)]
    assert got == [expected]
    p = propose(text)[0]
    assert text[p.span.start : p.span.end] == p.query


@pytest.mark.parametrize(
    "text",
    [
        "He spoke to Kim Yong Chol said nothing.",  # a person before "said"
        "The letter to President Moon was sent.",  # a title
        "He flew from Reuters headquarters.",  # a well-known organisation
        "She moved to Chinese schools.",  # a demonym
        "They moved on Monday.",  # no cue
    ],
)
def test_people_organisations_and_uncued_names_are_not_proposed(text: str) -> None:
    assert propose(text) == []


def test_taken_and_known_names_are_left_out() -> None:
    text = "They moved to Sinuiju, then fled to Hyesan and later to Kwangmyong."
    assert [p.query for p in propose(text)] == ["Sinuiju", "Hyesan", "Kwangmyong"]
    start = text.index("Sinuiju")
    taken = [Span("Sinuiju", start, start + 7)]
    assert [p.query for p in propose(text, taken)] == ["Hyesan", "Kwangmyong"]
    assert [p.query for p in propose(text, taken, lambda key: key == "hyesan")] == ["Kwangmyong"]


spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda t: Span("x", t[0], t[0] + t[1])),
    max_size=12,
)


@given(spans, st.integers(0, 240), st.integers(1, 40))
def test_taken_overlap_by_bisection_equals_checking_every_span(
    taken: list[Span], start: int, length: int
) -> None:
    end = start + length
    brute = any(start < s.end and s.start < end for s in taken)
    assert _Taken(taken).overlaps(start, end) == brute
