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


def test_protagonist_is_the_person_named_most_or_in_the_headline() -> None:
    text = "Mara Quell won. Quell trained hard. Quell said so, and Ivo Tan agreed with Quell."
    assert discourse.protagonist(text, _toponyms(text)) == "quell"
    # two people named as often: no one stands out
    text = "Mara Quell met Ivo Tan. Quell spoke, Tan spoke, Quell left and Tan stayed. Tan ran."
    assert discourse.protagonist(text, _toponyms(text)) is None
    # unless the headline names one of them
    headline = "Tan wins the race"
    text = headline + "\n" + text
    assert discourse.protagonist(text, _toponyms(text), len(headline)) == "tan"
    # capitalised words that are words elsewhere are no names ("The Haunting ... haunting")
    text = "The Haunting opens. The Haunting is long. The Haunting is a haunting film."
    assert discourse.protagonist(text, _toponyms(text)) is None


@pytest.mark.parametrize(
    "text,headline_end,home",
    [
        ("Leeds man wins a prize\nJon Ekwe won. Ekwe was glad. Ekwe left.", 22, "Leeds"),
        ("Jon Ekwe won. The York native Ekwe was glad. Ekwe left early.", 0, "York"),
        ("Jon Ekwe won. Ekwe has roots in Kenya, where he grew up. Ekwe left.", 0, "Kenya"),
        ("Jon Ekwe won. Ekwe said he grew up in York. Ekwe left.", 0, "York"),
        ("Jon Ekwe used to have a good life in Leeds. Ekwe won. Ekwe left.", 0, "Leeds"),
    ],
)
def test_protagonist_home(text: str, headline_end: int, home: str) -> None:
    tops = _toponyms(text)
    people = discourse.person_homes(text, tops)
    who = discourse.protagonist(text, tops, headline_end)
    got = discourse.protagonist_home(text, tops, people, who, headline_end)
    assert who == "ekwe" and got is not None and got.span.text == home


def test_no_protagonist_home_when_two_are_given() -> None:
    text = "Jon Ekwe won. Ekwe grew up, he said; he lived in York. Ekwe was born in Leeds, where he"
    text += " grew up. Ekwe left."
    tops = _toponyms(text)
    who = discourse.protagonist(text, tops)
    assert who == "ekwe"
    assert discourse.protagonist_home(text, tops, {}, who) is None


# dateline_town: a dateline names the town a report is filed from (invented places below)
_REGION = Place("iso3166-2:RU-AB", "Arbor", "admin1", "RU", 50.0, 40.0)
_CITY = Place("geonames:10", "Arbor City", "city", "RU", 50.1, 40.1, admin1="Arbor")
_CAPITAL = Place("geonames:11", "Velm", "city", "RU", 51.0, 41.0, admin1="Central")
_VELM_REGION = Place("iso3166-2:RU-VE", "Velm", "admin1", "RU", 51.0, 41.0)
_NAMESAKE = Place("geonames:12", "Arbor", "city", "US", 40.0, -80.0, admin1="Ohio")
_RUSSIA = Place("iso3166-1:RU", "Russia", "country", "RU", 60.0, 90.0)
_TOWNS = {"ARBOR": [_CITY, _NAMESAKE], "VELM": [_CAPITAL], "Velm": [_CAPITAL]}


def _dated(text: str, read: dict[str, Place]) -> list[Toponym]:
    out = [
        Toponym(Span(m.group(), m.start(), m.end()), place)
        for name, place in read.items()
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(out, key=lambda t: t.span.start)


@pytest.mark.parametrize(
    "text,read,town",
    [
        # a dateline read as the region of its name is the town of that name there
        ("ARBOR (AP) — Two men were stabbed.", {"ARBOR": _REGION}, "Arbor City"),
        ("(ARBOR) — Two men were stabbed.", {"ARBOR": _REGION}, "Arbor City"),
        # a capital district read for its city, which the gazetteer puts in another region
        ("VELM — A fire broke out.", {"VELM": _VELM_REGION}, "Velm"),
        # a town read as a namesake abroad is the town of the country the dateline names
        (
            "ARBOR, Russia — A fire broke out.",
            {"ARBOR": _NAMESAKE, "Russia": _RUSSIA},
            "Arbor City",
        ),
    ],
)
def test_a_dateline_read_as_a_region_is_its_town(
    text: str, read: dict[str, Place], town: str
) -> None:
    out = discourse.dateline_town(text, 0, _dated(text, read), lambda n: _TOWNS.get(n, []))
    assert out[0].place is not None and out[0].place.name == town


@pytest.mark.parametrize(
    "text,read",
    [
        ("ARBOR CITY — Two men were stabbed.", {"ARBOR CITY": _CITY}),  # read right
        ("Two men were stabbed in Arbor.", {"Arbor": _REGION}),  # no dateline
        ("ARBOR — A fire broke out.", {"ARBOR": _NAMESAKE}),  # a town already
    ],
)
def test_a_dateline_read_right_or_none_is_left(text: str, read: dict[str, Place]) -> None:
    given = _dated(text, read)
    assert discourse.dateline_town(text, 0, given, lambda n: _TOWNS.get(n, [])) == given
