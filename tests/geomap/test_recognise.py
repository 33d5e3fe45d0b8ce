"""Recognition: places found with exact offsets; people, bodies and common words left alone."""

from __future__ import annotations

import pytest

from geomap.gazetteer import Gazetteer
from geomap.recognise import Recogniser, demonym_countries, tokenise


@pytest.fixture(scope="module")
def recogniser(gazetteer_path):  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    return Recogniser(g.has, g.is_big)


def found(recogniser: Recogniser, text: str) -> list[str]:
    out = []
    for t in recogniser.recognise(text):
        assert text[t.span.start : t.span.end] == t.span.text
        out.append(t.span.text)
    return out


@pytest.mark.parametrize(
    "text,places",
    [
        ("Troops were sent from Kyiv to Lviv.", ["Kyiv", "Lviv"]),
        ("The team was dispatched to Liaoning Province last week.", ["Liaoning Province"]),
        ("Officials in New York and Los Angeles said so.", ["New York", "Los Angeles"]),
        ("Refugees crossed into Bosnia and Herzegovina overnight.", ["Bosnia and Herzegovina"]),
        ("Talks in Hanoi ended early. South Korea’s spies watched.", ["Hanoi", "South Korea"]),
        ("He met President Donald Trump in Washington.", ["Washington"]),
        ("Kim Jong-un travelled by train. Mr Kim arrived in Vladivostok.", ["Vladivostok"]),
        ("The Ministry of State Security and the Daily NK disagreed.", []),
        ("Reporters for The Telegraph and the Reconnaissance General Bureau met.", []),
        ("Along the river, police found nothing along the bank.", []),
        ("March was cold in Moscow.", ["Moscow"]),
        ("He fled through the Chinese border city of Dandong.", ["Dandong"]),
        ("Chinese and North Korean officials met.", []),
    ],
)
def test_recognise(recogniser: Recogniser, text: str, places: list[str]) -> None:
    assert found(recogniser, text) == places


def test_kind_hints(recogniser: Recogniser) -> None:
    hints = {
        t.span.text: t.kind_hint
        for t in recogniser.recognise(
            "Agents went to Liaoning Province and then to the city of Shenyang."
        )
    }
    assert hints == {"Liaoning Province": "admin1", "Shenyang": "city"}


def test_possessive_is_cut_and_sentence_starts_flagged() -> None:
    tokens = tokenise("Korea’s spies. Then Paris")
    assert [t.text for t in tokens] == ["Korea", "spies", "Then", "Paris"]
    assert [t.sentence_start for t in tokens] == [True, False, True, False]


def test_demonyms_give_context_only() -> None:
    assert demonym_countries("the Chinese city of Shenyang and North Korean agents") == {"CN", "KP"}
