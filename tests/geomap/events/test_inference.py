"""Movement ends the discourse gives (geomap.events.inference), on invented reports."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


def moves(pipeline: Pipeline, body: str) -> list[tuple[tuple[str, ...], bool, bool]]:
    """Each movement's path by name, and whether its origin and destination are inferred."""
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [
        (tuple(p.name for p in m.path), m.origin_inferred, m.destination_inferred)
        for m in pipeline.extract(doc).movements
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # nationals coming back go to their own country
        (
            "Doctors in Peru said four more people tested positive. Two of the cases were in "
            "Peruvians who had returned from trips to Spain.",
            [(("Spain", "Peru"), False, True)],
        ),
        (
            "Peru has twelve cases. With the arrival of three Peruvian tourists from Madrid "
            "and Lisbon on Friday, the count rose to twelve.",
            [(("Madrid", "Peru"), False, True), (("Lisbon", "Peru"), False, True)],
        ),
        # help brought in from elsewhere comes to the place the story is about
        (
            "Storms cut power across Tarbes on Sunday. Extra crews were brought in from "
            "Toulouse and Bordeaux.",
            [(("Toulouse", "Tarbes"), False, True), (("Bordeaux", "Tarbes"), False, True)],
        ),
        (
            "Engineers have been sent to Tarbes to restore power, and extra crews were flown "
            "in from Toulouse.",
            [(("Toulouse", "Tarbes"), False, True)],
        ),
        # patients a country reports left that country
        (
            "The ministry of health of Peru announced two new cases. Both patients had been "
            "infected after travelling to Spain.",
            [(("Peru", "Spain"), True, False)],
        ),
        # an office holder of the report's country comes back to it
        (
            "Peru closed its schools on Monday. Peru has 40 cases, most of them near Lima. "
            "The finance minister returned from holiday in Portugal.",
            [(("Portugal", "Peru"), False, True)],
        ),
        # a traveller back from abroad, told by the place the report is about
        (
            "Health officials in Ontario said a traveller who returned from Brazil had tested "
            "positive.",
            [(("Brazil", "Ontario"), False, True)],
        ),
        (
            "Peru reported a new case on Monday. The patient, a 40-year-old woman, had "
            "returned from Spain on Friday.",
            [(("Spain", "Peru"), False, True)],
        ),
        # an arrival starts where the last sentence said the mover stayed
        (
            "The two climbers had spent a month in Nepal. They arrived in Lima on Sunday.",
            [(("Nepal", "Lima"), True, False)],
        ),
        (
            "The woman had been on holiday in Cuba. She landed in Quito on Friday.",
            [(("Cuba", "Quito"), True, False)],
        ),
        # a national body that sends, or whose people go, abroad
        (
            "The Chilean health ministry sent a team of experts to Peru.",
            [(("Chile", "Peru"), True, False)],
        ),
        (
            "A team of experts from the Chilean health ministry arrived in Peru on Monday.",
            [(("Chile", "Peru"), True, False)],
        ),
    ],
)
def test_the_discourse_gives_the_other_end(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # refugees arriving from abroad are not going home
        "Forty Syrian refugees arrived from Lebanon on Monday.",
        # an arrival of nationals in a report about another country
        "Chile has twelve cases. With the arrival of three Peruvian tourists from Madrid on "
        "Friday, the count rose to twelve.",
        # patients who travelled inside the reporting country
        "The ministry of health of Peru announced two new cases. Both patients had been "
        "infected after travelling to Cusco.",
        # a return inside one country: where home is, the report does not say
        "Health officials in Ontario said a traveller who returned from Ottawa had tested "
        "positive.",
        # a birthplace is no stay the arrival starts from
        "The woman was born in Cuba. She landed in Quito on Friday.",
        # a national body sending people somewhere at home
        "The Chilean health ministry sent a team of experts to Valparaiso.",
    ],
)
def test_no_end_without_a_reason_in_the_text(pipeline: Pipeline, body: str) -> None:
    assert moves(pipeline, body) == []


def test_inferred_ends_have_lower_confidence(pipeline: Pipeline) -> None:
    doc = parse_document(
        (
            HEADER + "Storms cut power across Tarbes on Sunday. Extra crews were brought in from "
            "Toulouse."
        ).encode(),
        "t.txt",
    )
    (m,) = pipeline.extract(doc).movements
    assert m.destination_inferred and m.confidence < 60


def test_a_body_that_speaks_sends_no_one(pipeline: Pipeline) -> None:
    body = "The Peruvian navy said the tanker was headed for Santiago."
    assert not [m for m in moves(pipeline, body) if m[0][0] == "Peru"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # samples sent for tests leave the place the last sentences were about
        (
            "Sick geese were found on a farm near Norwich. The ministry sent swabs to be "
            "analysed by a laboratory in Weybridge.",
            [(("Norwich", "Weybridge"), True, False)],
        ),
        (
            "The fever has appeared in Ituri district, in the north of Congo. Nurses took swabs "
            "from 30 patients, which were sent on to a laboratory in Kinshasa.",
            [(("Ituri", "Kinshasa"), True, False)],
        ),
        # or the country of the national office that tells of them
        (
            "A girl died of the fever in Van. The Turkish health minister said specimens were "
            "sent to Britain on Monday.",
            [(("Turkey", "United Kingdom"), True, False)],
        ),
    ],
)
def test_samples_sent_for_tests_leave_where_they_were_taken(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


def test_samples_are_goods_and_people_sent_are_not_samples(pipeline: Pipeline) -> None:
    doc = parse_document(
        (
            HEADER + "Sick geese were found on a farm near Norwich. The ministry sent samples "
            "to a laboratory in Weybridge."
        ).encode(),
        "t.txt",
    )
    assert [m.movement_type for m in pipeline.extract(doc).movements] == ["travelled"]
    # a person sent on after a place was told needs more than the place before
    body = "Sick geese were found on a farm near Norwich. The minister was sent to Weybridge."
    assert moves(pipeline, body) == []
    # samples sent to a laboratory at home: from where in the country, the text does not say
    body = "The Turkish health minister said swabs were sent to Ankara for tests."
    assert moves(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A new case involving a nurse who arrived from Lagos on Sunday was quarantined at "
            "a clinic in Accra.",
            [(("Lagos", "Accra"), False, True)],
        ),
        (
            "A passenger who returned from Madrid was detained at the airport in Lima.",
            [(("Madrid", "Lima"), False, True)],
        ),
    ],
)
def test_a_new_arrival_held_somewhere_arrived_there(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


def test_an_arrival_not_held_is_not_placed(pipeline: Pipeline) -> None:
    # no passive verb that puts the arrival somewhere: where she arrived is not said
    body = "A nurse who arrived from Lagos on Sunday said the clinic in Accra was full."
    assert moves(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The injured are being treated in Tarbes. The Netherlands has flown in medicine "
            "for them.",
            [(("Netherlands", "Tarbes"), False, True)],
        ),
        (
            "Storms cut power across Tarbes on Sunday. Spain has sent in extra crews.",
            [(("Spain", "Tarbes"), False, True)],
        ),
        # not the subject of the verb: no sender
        ("Storms cut power across Tarbes on Sunday. Crews in Spain were sent in too.", []),
    ],
)
def test_help_a_place_sent_in_comes_to_the_place_of_the_story(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Uganda hosts more than a million refugees fleeing fighting in South Sudan.",
            [(("South Sudan", "Uganda"), False, False)],
        ),
        (
            "Kenya, a neighbour of Somalia, is the largest recipient of families fleeing "
            "violence in Somalia.",
            [(("Somalia", "Kenya"), False, False)],
        ),
    ],
)
def test_a_country_taking_in_people_who_flee_is_where_they_fled(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # the country opening the sentence only speaks of them
        "Uganda said refugees fleeing South Sudan were welcome.",
        # no country opens the sentence
        "Aid groups have sheltered refugees fleeing fighting in South Sudan.",
    ],
)
def test_no_host_without_a_country_that_takes_them_in(pipeline: Pipeline, body: str) -> None:
    assert moves(pipeline, body) == []


# infer17 (issue 12 §2): ships named by their people's adjective, first-person quotes whose
# speaker has a stated home, and people who came from elsewhere for a gathering the passage
# placed.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the one ship the report gave a home, named again by any ship noun
        (
            "A Peruvian cargo ship was stopped off the coast last month. The vessel later "
            "docked in Valparaiso.",
            [(("Peru", "Valparaíso"), True, False)],
        ),
        # its inferred start carried along the journey the sentence goes on with
        (
            "A Peruvian cargo ship was stopped off the coast last month. The vessel sailed on "
            "to Arica, Chile, and then on Friday docked in Valparaiso.",
            [(("Peru", "Arica", "Valparaíso"), True, False)],
        ),
        # the speaker of a first-person quote is the mover
        (
            'Jane Roe of Boston spoke to reporters on Friday. "We will travel to Denver next '
            'week for the final against the best team in the league," said Roe.',
            [(("Boston", "Denver"), True, False)],
        ),
        # people who came from elsewhere for the gathering the passage placed
        (
            "A religious festival began on Monday in the town of Janakpur. As many as 5,000 "
            "pilgrims travelled from India to attend the festival.",
            [(("India", "Janakpur"), False, True)],
        ),
        (
            "The funeral was held in Denver on Saturday. Relatives travelled from Chicago "
            "for the funeral.",
            [(("Chicago", "Denver"), False, True)],
        ),
    ],
)
def test_ships_speakers_and_gatherings_give_the_other_end(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a ship named after a port, not by its people: no home
        "The Dover ferry was delayed last month. The vessel later docked in Calais.",
        # two ships of two countries: which one docked, the report does not say
        "A Peruvian trawler and a Chilean tanker collided last month. The ship later docked "
        "in Lima.",
        # a ship of a country docking in it: the end inside the home
        "A Peruvian cargo ship was stopped last month. The vessel later docked in Callao.",
        # a quote whose speaker has no stated home
        'Officials met on Friday. "We will travel to Denver next week for the final against '
        'the best team in the league," said Roe.',
        # the speaker speaks of others
        'Jane Roe of Boston spoke on Friday. "They will travel to Denver next week for the '
        'final against the best team in the league," said Roe.',
        # a gathering the passage did not place
        "Police in Denver arrested two men on Saturday. Relatives travelled from Chicago "
        "to attend the hearing.",
        # a generic statement, and no motion word
        "A festival began today in Janakpur. Many people travel from India to attend "
        "festivals every year.",
        "A festival began today in Janakpur. Visitors from India love the festival.",
        # the gathering's place is the place they came from
        "A festival began today in Janakpur. Families travelled from Janakpur to attend the "
        "festival.",
    ],
)
def test_no_ship_speaker_or_gathering_end_without_a_reason(pipeline: Pipeline, body: str) -> None:
    assert moves(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # with no dateline, "local" people are from the town the report is about
        (
            "Police in Greenville said the school will close on Monday. Two local teenagers "
            "travelled to Atlanta for the final.",
            [(("Greenville", "Atlanta"), True, False)],
        ),
    ],
)
def test_locals_set_out_from_the_town_of_the_report(
    pipeline: Pipeline, body: str, expected: list[tuple[tuple[str, ...], bool, bool]]
) -> None:
    assert moves(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # no town named: where "local" is, the report does not say
        "Two local teenagers travelled to Atlanta for the final.",
        # the report's town is where they went
        "Police in Greenville said the school will close on Monday. Two local teenagers "
        "travelled to Greenville for the final.",
        # no motion word
        "Police in Greenville said two local teenagers love Atlanta.",
    ],
)
def test_no_local_start_without_the_report_s_town(pipeline: Pipeline, body: str) -> None:
    assert moves(pipeline, body) == []


def test_a_middle_initial_keeps_the_home_a_title_gives(pipeline: Pipeline) -> None:
    body = "Canadian Prime Minister Jane Q. Roe spoke on Friday. Roe flew to Kenya on Saturday."
    assert moves(pipeline, body) == [(("Canada", "Kenya"), True, False)]
