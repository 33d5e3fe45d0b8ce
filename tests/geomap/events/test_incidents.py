"""Incidents from every sentence, at the most specific place: every sentence here is invented."""

from __future__ import annotations

import pytest

from geomap.model import Incident
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, gazetteer_path):  # type: ignore[no-untyped-def]
    from geomap.settings import Settings

    p = Pipeline(
        Settings(gazetteer=gazetteer_path, cache=tmp_path_factory.mktemp("inc") / "cache.sqlite")
    )
    yield p
    p.close()


def incidents(pipeline: Pipeline, body: str, header: str = HEADER) -> list[Incident]:
    doc = parse_document((header + body).encode(), "t.txt")
    return list(pipeline.extract(doc).incidents)


def typed(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.place.name) for i in incidents(pipeline, body)]


def test_a_one_sentence_report_is_read(pipeline: Pipeline) -> None:
    doc = parse_document(b"Police arrested a man in Chicago on Tuesday.", "one.txt")
    [inc] = pipeline.extract(doc).incidents
    assert (inc.event_type, inc.place.name, inc.actor1) == ("arrest", "Chicago", "Police")
    assert inc.when is None  # no article date: "Tuesday" stays undated
    dated = parse_document(b"Police arrested a man in Chicago on 3 March 2019.", "d.txt")
    [inc] = pipeline.extract(dated).incidents
    assert inc.when is not None and inc.when.start.isoformat() == "2019-03-03"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A gas explosion destroyed a house in Leeds on Monday.", ("explosion", "Leeds")),
        ("A bomb exploded at a market in Kandahar, killing four.", ("attack", "Kandahār")),
        ("Two cars collided on a highway near Fresno on Sunday.", ("collision", "Fresno")),
        ("A two-car crash closed the road outside Reno.", ("collision", "Reno")),
        ("A train derailed outside Lyon on Friday.", ("derailment", "Lyon")),
        ("A fire broke out at a warehouse in Oakland on Saturday.", ("fire", "Oakland")),
        ("Arsonists set fire to a mosque in Bradford.", ("attack", "Bradford")),
        ("Flooding forced hundreds from their homes in Dhaka.", ("flood", "Dhaka")),
        ("A strong earthquake struck near Padang on Monday.", ("earthquake", "Padang")),
        ("A mudslide buried a road near Pokhara.", ("landslide", "Pokhara")),
        ("A bus overturned on a mountain road near Cusco.", ("crash", "Cusco")),
        ("Protesters marched through Santiago on Saturday.", ("protest", "Santiago")),
        ("A suspect was taken into custody in Tulsa.", ("arrest", "Tulsa")),
        ("A teenager has been reported missing in Fresno.", ("disappearance", "Fresno")),
        ("Thousands were evacuated from Yellowknife on Thursday.", ("evacuation", "Yellowknife")),
    ],
)
def test_incident_types(pipeline: Pipeline, body: str, expected: tuple[str, str]) -> None:
    assert expected in typed(pipeline, body)


def test_accidents_are_not_attacks(pipeline: Pipeline) -> None:
    kinds = {t for t, _ in typed(pipeline, "A gas explosion destroyed a house in Leeds.")}
    assert kinds == {"explosion"}
    assert "crash" not in {
        t for t, _ in typed(pipeline, "A two-car crash closed the road outside Reno.")
    }


def test_an_attack_and_the_arrest_after_it_are_two_incidents(pipeline: Pipeline) -> None:
    body = (
        "Gunmen attacked a police station in Kano, and officers later arrested three suspects"
        " in Zaria."
    )
    assert typed(pipeline, body) == [("attack", "Kano"), ("arrest", "Zaria")]


def test_one_event_told_twice_is_one_incident(pipeline: Pipeline) -> None:
    body = (
        "A man was shot and killed in Houston on Sunday. The shooting in Houston shocked the city."
    )
    assert typed(pipeline, body) == [("attack", "Houston")]


def test_the_city_not_the_country_or_the_home(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A Dallas man was shot and killed in Houston on Sunday.") == [
        ("attack", "Houston")
    ]
    assert typed(pipeline, "A woman was killed in a crash in Toledo, Ohio, on Monday.") == [
        ("crash", "Toledo")
    ]
    assert typed(pipeline, "A landslide buried a village in Nepal, near Pokhara.") == [
        ("landslide", "Pokhara")
    ]


def test_a_country_that_is_the_actor_is_no_place(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Russia said its forces shelled positions overnight.") == []


def test_a_sentence_without_a_place_takes_the_last_one(pipeline: Pipeline) -> None:
    body = "A store in Dayton was robbed on Monday. Police arrested two men on Tuesday."
    got = incidents(pipeline, body)
    arrest = next(i for i in got if i.event_type == "arrest")
    assert arrest.place.name == "Dayton" and arrest.place_inferred
    assert arrest.confidence < next(i for i in got if i.event_type == "attack").confidence


@pytest.mark.parametrize(
    "body,status",
    [
        ("The leaders will hold talks in Geneva next week.", "planned"),
        ("Unions are to protest in Lisbon on Friday.", "planned"),
        ("The leaders held talks in Geneva on Monday.", "reported"),
    ],
)
def test_planned_events(pipeline: Pipeline, body: str, status: str) -> None:
    [inc] = incidents(pipeline, body)
    assert inc.status == status


@pytest.mark.parametrize(
    "body",
    [
        "No one was arrested in Denver.",
        "Police could arrest protesters in Denver.",
        "He died of a heart attack in Miami.",
        "The fire department in Denver answered the call.",
        "Nairobi is the capital of Kenya.",
    ],
)
def test_no_incident(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,actor",
    [
        ("Police arrested a man in Chicago on Tuesday.", "Police"),
        ("A man was shot by police officers in Tulsa.", "police officers"),
        (
            "A number of agents - some of them senior - have disappeared in Minsk.",
            "A number of agents",
        ),
    ],
)
def test_the_actor_is_a_noun_phrase(pipeline: Pipeline, body: str, actor: str) -> None:
    [inc] = incidents(pipeline, body)
    assert inc.actor1 == actor


def test_headline_events_count_once(pipeline: Pipeline) -> None:
    only_headline = "Gunmen attack bank in Kano\n\nThe bank had opened a new branch.\n"
    got = incidents(pipeline, only_headline, header="")
    assert [(i.event_type, i.place.name) for i in got] == [("attack", "Kano")]
    both = "Gunmen attack bank in Kano\n\nGunmen attacked a bank in Kano on Monday.\n"
    got = incidents(pipeline, both, header="")
    assert [(i.event_type, i.place.name) for i in got] == [("attack", "Kano")]
    assert got[0].quote.start > 0
