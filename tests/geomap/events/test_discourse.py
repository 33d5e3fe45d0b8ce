"""What a report tells about its people and places: every sentence here is invented."""

from __future__ import annotations

import re

import pytest

from geomap.events import discourse
from geomap.model import Place, Span, Toponym

_PLACES = {
    "Leeds": Place("geonames:1", "Leeds", "city", "GB", 53.8, -1.55),
    "York": Place("geonames:2", "York", "city", "GB", 53.96, -1.08),
    "Kenya": Place("geonames:3", "Kenya", "country", "KE", 0.5, 37.9),
    "Kenyan": Place("geonames:3", "Kenya", "country", "KE", 0.5, 37.9),
}


def _toponyms(text: str) -> list[Toponym]:
    out = []
    for m in re.finditer("|".join(sorted(_PLACES, key=len, reverse=True)), text):
        hint = "demonym" if m.group().endswith("an") else None
        out.append(Toponym(Span(m.group(), m.start(), m.end()), _PLACES[m.group()], hint))
    return sorted(out, key=lambda t: t.span.start)


@pytest.mark.parametrize(
    "text,surname,home",
    [
        ("Jane Roe of Leeds won the prize.", "roe", "Leeds"),
        ("John Doe, 34, of York was hired.", "doe", "York"),
        ("Jane Roe, a Leeds native, spoke.", "roe", "Leeds"),
        ("Jane Roe, who grew up in York, spoke.", "roe", "York"),
        ("The Kenyan envoy Jane Roe spoke.", "roe", "Kenya"),
        ("Jane Roe, the Kenyan envoy, spoke.", "roe", "Kenya"),
        ("Kenya's President Jane Roe spoke.", "roe", "Kenya"),
        ("The Leeds-born singer Jane Roe spoke.", "roe", "Leeds"),
    ],
)
def test_person_homes(text: str, surname: str, home: str) -> None:
    homes = discourse.person_homes(text, _toponyms(text))
    assert homes[surname].place is not None and homes[surname].place.name == home


@pytest.mark.parametrize(
    "text",
    [
        # two homes for one name
        "Ann Lee of Leeds won. Ann Lee of York lost.",
        # a surname the report gives a home it cannot place as well
        "Her sons Pavel Lee of Leeds and Ed Lee of Zzyzxville survive her.",
        # an institution, not a person
        "The University of Leeds opened a campus.",
    ],
)
def test_no_person_home(text: str) -> None:
    assert discourse.person_homes(text, _toponyms(text)) == {}


def test_home_of_needs_one_named_person() -> None:
    text = "Jane Roe of Leeds and John Doe of York met."
    state = discourse.Discourse(people=discourse.person_homes(text, _toponyms(text)))
    got = state.home_of(["Roe", "flew"])
    assert got is not None and got.span.text == "Leeds"
    assert state.home_of(["Roe", "and", "Doe"]) is None  # two people, two homes
    assert state.home_of(["roe"]) is None  # a name is capitalised


def test_titled_demonyms_and_here() -> None:
    text = "Kenyan troops and Kenyan food arrived in Leeds."
    tops = _toponyms(text)
    titled = discourse.titled_demonyms(text, tops)
    assert [t.span.start for t in titled] == [0]  # "Kenyan troops", not "Kenyan food"
    state = discourse.Discourse(first_town=discourse.first_town(tops))
    assert state.here is not None and state.here.span.text == "Leeds"
