"""Sentences and blocks: offsets into the text, bounded lengths, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from geomap.geoparse.segment import MAX_SENTENCE, blocks, sentences

_TEXT = st.text(alphabet=st.sampled_from(list("ab. ,;\n\tXY")), max_size=3000)


@given(_TEXT, st.integers(min_value=4, max_value=500))
def test_blocks_cover_the_text_in_order_within_the_size(text: str, size: int) -> None:
    parts = blocks(text, size)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    for (a, b), (c, _) in zip(parts, parts[1:], strict=False):
        assert b == c and a < b
    assert all(b - a <= size for a, b in parts)


def test_blocks_cut_at_the_strongest_boundary_in_reach() -> None:
    text = "First para.\n\nSecond one, with a clause; and more. Then. " * 3
    for a, b in blocks(text, 40):
        piece = text[a:b]
        assert piece.endswith(("\n\n", "\n", ". ", "; ", ", ", " ")) or b == len(text)


@given(_TEXT)
def test_sentences_are_bounded_and_index_the_text(text: str) -> None:
    for s in sentences(text):
        assert text[s.start : s.end] == s.text
        assert 0 < len(s.text) <= MAX_SENTENCE


def test_a_run_without_boundaries_is_cut_at_spaces() -> None:
    text = "word " * 2000  # 10,000 characters, no full stop
    found = sentences(text)
    assert len(found) >= 5
    assert all(s.text.startswith("word") and s.text.endswith("word") for s in found)
    assert sum(s.text.count("word") for s in found) == 2000


def test_a_time_of_day_keeps_its_weekday_or_zone() -> None:
    text = (
        "The fire started at 7:30 a.m. Wednesday near the depot. "
        "It was out by 6 p.m. EST on the day."
    )
    assert [s.text for s in sentences(text)] == [
        "The fire started at 7:30 a.m. Wednesday near the depot.",
        "It was out by 6 p.m. EST on the day.",
    ]


def test_a_time_of_day_keeps_its_time_in_another_zone() -> None:
    text = (
        "The dam gave way at 6:05 p.m. (1005 GMT) above the town of Ardo. "
        "A second wall failed at 9.15 p.m. (1315 GMT). Nobody was hurt."
    )
    assert [s.text for s in sentences(text)] == [
        "The dam gave way at 6:05 p.m. (1005 GMT) above the town of Ardo.",
        "A second wall failed at 9.15 p.m. (1315 GMT).",
        "Nobody was hurt.",
    ]


def test_a_time_of_day_can_end_a_sentence() -> None:
    text = "The road stayed shut until 9 p.m. Officers reopened it after the wreck was cleared."
    assert [s.text for s in sentences(text)] == [
        "The road stayed shut until 9 p.m.",
        "Officers reopened it after the wreck was cleared.",
    ]
