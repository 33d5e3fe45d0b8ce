"""The general news vocabulary of incidents (geomap.events.triggers), one group per event
type, each with sentences in another sense that report no incident. Every sentence here is
invented."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


def typed(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]


@pytest.mark.parametrize(
    "body,expected",
    [
        # attack: how people were killed or hurt, and the robberies of the street
        ("A shopkeeper was beheaded in Leeds on Monday.", ("attack", "Leeds")),
        ("Two aid workers were decapitated near Dayton last week.", ("attack", "Dayton")),
        ("A mob lynched a suspected thief in Leeds on Sunday.", ("attack", "Leeds")),
        ("Jets strafed a convoy outside Dayton on Tuesday.", ("attack", "Dayton")),
        ("A driver was carjacked at gunpoint in Dayton on Friday.", ("attack", "Dayton")),
        ("A pensioner was mugged in Leeds on Saturday night.", ("attack", "Leeds")),
        ("The victim was bludgeoned with a hammer in Dayton.", ("attack", "Dayton")),
        ("A woman was strangled in her flat in Leeds.", ("attack", "Leeds")),
        ("The slaying of a taxi driver in Dayton shocked the city.", ("attack", "Dayton")),
        ("Police are looking into two robberies in Leeds on Monday.", ("attack", "Leeds")),
        ("A carjacking in Dayton left a man wounded on Friday.", ("attack", "Dayton")),
        ("A mugging in Leeds was caught on camera on Sunday.", ("attack", "Leeds")),
        ("Police are asking for help after vandalism at a church in Leeds.", ("attack", "Leeds")),
        ("Police said a purse snatching happened in Dayton on Monday.", ("attack", "Dayton")),
        ("A man snatched her handbag in Leeds on Monday.", ("attack", "Leeds")),
        # arrest
        ("In Dayton, the suspect was jailed on Tuesday.", ("arrest", "Dayton")),
        ("Police nabbed two men in Dayton on Friday.", ("arrest", "Dayton")),
        ("Two teenagers were handcuffed in Leeds after the chase.", ("arrest", "Leeds")),
        ("The driver was picked up by police in Leeds on Sunday.", ("arrest", "Leeds")),
        ("The gunman surrendered to police in Dayton on Monday.", ("arrest", "Dayton")),
        ("The fugitive gave himself up in Leeds on Sunday.", ("arrest", "Leeds")),
        # disappearance
        ("The girl was last seen in Dayton on Friday.", ("disappearance", "Dayton")),
        ("Three sailors were held captive in Mombasa for a month.", ("disappearance", "Mombasa")),
        ("Gunmen held two engineers hostage in Kano on Monday.", ("disappearance", "Kano")),
        ("Two kidnappings in Kano were reported to police on Monday.", ("disappearance", "Kano")),
        # crash
        ("The car struck a tree in Dayton on Monday.", ("crash", "Dayton")),
        ("A van slammed into a utility pole in Leeds on Sunday.", ("crash", "Leeds")),
        ("A small plane nose-dived into a field near Dayton.", ("crash", "Dayton")),
        ("The helicopter ditched in the sea off Mombasa on Monday.", ("crash", "Mombasa")),
        # fire
        ("A warehouse in Leeds went up in flames on Monday.", ("fire", "Leeds")),
        ("A barn burst into flames near Dayton on Friday.", ("fire", "Dayton")),
        ("A church in Leeds was gutted by fire on Sunday.", ("fire", "Leeds")),
        ("The old mill in Dayton burned to the ground on Monday.", ("fire", "Dayton")),
        ("An inferno swept through a tower block in Leeds.", ("fire", "Leeds")),
        # a fire by rioters is arson
        ("Rioters burned down a police station in Leeds on Monday.", ("attack", "Leeds")),
        # explosion
        ("A detonation shook a chemical plant in Dayton on Friday.", ("explosion", "Dayton")),
        # flood
        ("The river burst its banks in Leeds on Sunday.", ("flood", "Leeds")),
        ("The levee was breached near Dayton on Monday.", ("flood", "Dayton")),
        ("Streets in Leeds were inundated on Sunday.", ("flood", "Leeds")),
        ("Farms near Dayton were submerged by floodwater on Monday.", ("flood", "Dayton")),
        ("Floodwaters swept through Leeds on Sunday.", ("flood", "Leeds")),
        # earthquake
        ("A temblor shook Lima on Monday.", ("earthquake", "Lima")),
        ("A strong aftershock rattled Lima on Tuesday.", ("earthquake", "Lima")),
        # landslide
        ("A mudflow swept through a village near Lima on Monday.", ("landslide", "Lima")),
        ("Two houses in Lima were buried by mud on Sunday.", ("landslide", "Lima")),
        # protest
        ("Protestors gathered in Leeds on Saturday.", ("protest", "Leeds")),
        ("A riot broke out in Leeds on Saturday night.", ("protest", "Leeds")),
        ("Rioting broke out in the streets of Leeds on Sunday.", ("protest", "Leeds")),
        ("Workers were picketing the gates of a plant in Dayton.", ("protest", "Dayton")),
        # meeting/summit
        (
            "The two leaders held summits in Geneva and Oslo this year.",
            ("meeting/summit", "Geneva"),
        ),
        # surveillance
        ("Agents were spying on the embassy in Oslo last year.", ("surveillance", "Oslo")),
        ("Investigators eavesdropped on the minister in Oslo.", ("surveillance", "Oslo")),
        ("Police tapped his phone in Dayton for a year.", ("surveillance", "Dayton")),
    ],
)
def test_the_vocabulary_of_news_reports(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        # other senses of the new words
        "The garden in Leeds was a riot of colour.",
        "Riot police stood by in Leeds on Saturday.",
        "The coach read the riot act to his players in Leeds.",
        "The aftershocks of the crisis were felt in Leeds.",
        "The actor mugged for the cameras in Leeds.",
        "She handcuffed herself to the railings in Leeds.",
        "The office in Dayton was inundated with calls.",
        "The clinic in Leeds was swamped by requests for appointments.",
        "The submarine submerged off Mombasa.",
        "He was jailed for six years in Leeds on Monday.",
        "He was jailed in Leeds after being found guilty of fraud.",
        "The striker nabbed two goals in Leeds on Saturday.",
        "Shares in the Dayton firm nose-dived on Monday.",
        "The team ditched its coach in Leeds.",
        "The bus was last seen on the roads of Leeds in 1990.",
        "The boy hit a tree with a ball in Leeds.",
        "A creek runs along Mill Creek Road in Dayton.",
        "The crowd went wild in Leeds.",
        "The film bombed at the box office in Leeds.",
        "She was fired from her job in Dayton.",
        "They shot a film in Leeds last year.",
        "Stocks plunged in Leeds on Monday.",
        # hedged, negated or generic: the filters hold for the new words too
        "Police said no carjacking was reported in Dayton.",
        "Robberies are up in Dayton this year.",
        "He was charged with vandalism in Leeds.",
        # a crash's aftermath, no second incident: the crash is the one
        "The truck struck a tree in Dayton and burst into flames.",
    ],
)
def test_other_senses_are_no_incident(pipeline: Pipeline, body: str) -> None:
    found = typed(pipeline, body)
    if "burst into flames" in body:
        assert ("fire", "Dayton") not in found
    else:
        assert found == []
