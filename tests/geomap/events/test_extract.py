"""Movements and incidents from sentences of several shapes (not the seed's)."""

from __future__ import annotations

import pytest

from geomap.model import Document
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


def paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Russia has deployed troops to Belarus.", ("Russia", "Belarus")),
        ("The family fled from Aleppo to Gaziantep in late May.", ("Aleppo", "Gaziantep")),
        (
            "Hundreds of residents were evacuated from Kherson to Odesa on Saturday.",
            ("Kherson", "Odesa"),
        ),
        ("A smuggler based in Tijuana crossed through Mexicali.", ("Tijuana", "Mexicali")),
        (
            "The envoy was flown from Lagos to Accra and later to Dakar.",
            ("Lagos", "Accra", "Dakar"),
        ),
        (
            "Two reporters based in Managua fled through Honduras and reached San Salvador.",
            ("Managua", "Honduras", "San Salvador"),
        ),
        (
            "Forty migrants were deported from Houston to Guatemala City.",
            ("Houston", "Guatemala City"),
        ),
        (
            "The envoy travelled from Nairobi through Addis Ababa to Khartoum.",
            ("Nairobi", "Addis Ababa", "Khartoum"),
        ),
        ("Hundreds fled Mosul toward Erbil on foot.", ("Mosul", "Erbil")),
        (
            "From Lagos, the team was carried by ship across the gulf to Accra.",
            ("Lagos", "Accra"),
        ),
        (
            "The detainees were moved by coach from Dover to a processing centre in Canterbury.",
            ("Dover", "Canterbury"),
        ),
        (
            "Families returned from camps near Kirkuk to Baghdad on Sunday.",
            ("Kirkuk", "Baghdad"),
        ),
        (
            "A charter flight deported 90 men from Madrid to Dakar, with a stop in Casablanca.",
            ("Madrid", "Casablanca", "Dakar"),
        ),
        (
            "Staff were airlifted from Kabul to Doha, and some were later flown on to Berlin.",
            ("Kabul", "Doha", "Berlin"),
        ),
    ],
)
def test_movement_paths(pipeline: Pipeline, body: str, expected: tuple[str, ...]) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Officials ordered agents ‘not to return to Seoul’.",
        "He threatened to flee to Canada.",
        "Kyiv and Lviv are cities in Ukraine.",
    ],
)
def test_no_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_incident_dates_relative_to_article(pipeline: Pipeline) -> None:
    doc = parse_document(
        (HEADER + "Two journalists were arrested in Minsk last month.").encode(), "t.txt"
    )
    [inc] = pipeline.extract(doc).incidents
    assert (inc.event_type, inc.place.name) == ("arrest", "Minsk")
    assert (inc.when.start.isoformat(), inc.when.precision) == ("2022-05-01", 4)


def _typed(pipeline: Pipeline, body: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [
        (m.movement_type, tuple(p.name for p in m.path)) for m in pipeline.extract(doc).movements
    ]


def test_two_origins_make_two_movements(pipeline: Pipeline) -> None:
    got = _typed(pipeline, "Forty men travelled from Tunis and Algiers to join a militia in Sirte.")
    assert sorted(got) == [("travelled", ("Algiers", "Sirte")), ("travelled", ("Tunis", "Sirte"))]


def test_two_verbs_one_movement_keep_the_first_kind(pipeline: Pipeline) -> None:
    got = _typed(pipeline, "Two diplomats were expelled from Minsk and returned to Warsaw.")
    assert got == [("deported", ("Minsk", "Warsaw"))]


def test_origin_carried_from_the_sentence_before(pipeline: Pipeline) -> None:
    body = "Hundreds gathered at the station in Kharkiv. They were later evacuated to Dnipro."
    assert ("evacuated", ("Kharkiv", "Dnipro")) in _typed(pipeline, body)


@pytest.mark.parametrize(
    "body,event_type,sub_event_type",
    [
        ("Police arrested four activists in Nairobi on Monday.", "arrest", "arrest"),
        ("Two journalists were detained in Minsk on Monday.", "arrest", "detention"),
        ("A car bombing killed six people in Mogadishu on Monday.", "attack", "bombing"),
        ("Artillery shelled Kharkiv on Monday.", "attack", "shelling"),
        ("Three aid workers were abducted in Goma on Monday.", "disappearance", "abduction"),
        ("Thousands protested in Tbilisi on Monday.", "protest", "protest"),
    ],
)
def test_incident_types(
    pipeline: Pipeline, body: str, event_type: str, sub_event_type: str
) -> None:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    incidents = pipeline.extract(doc).incidents
    assert [(i.event_type, i.sub_event_type) for i in incidents] == [(event_type, sub_event_type)]
    assert incidents[0].when is not None and incidents[0].when.precision == 1


@pytest.mark.parametrize(
    "body,near",
    [
        ("Rebels attacked a convoy near Goma on Monday.", True),
        ("Rebels attacked a convoy outside the town of Goma on Monday.", True),
        ("Rebels attacked a convoy 20 km north of Goma on Monday.", True),
        ("Rebels attacked a convoy in Goma on Monday.", False),
    ],
)
def test_near_a_city_is_less_precise(pipeline: Pipeline, body: str, near: bool) -> None:
    from geomap.features.features import extraction_features

    doc = parse_document((HEADER + body).encode(), "t.txt")
    [incident] = extraction_features(pipeline.extract(doc))["incidents"]
    props = incident["properties"]
    assert props["place_name"] == "Goma"
    assert (props["location_type"], props["geo_precision"]) == (
        ("near city", 2) if near else ("city", 1)
    )


def _sentences_to_check() -> list[str]:
    from pathlib import Path

    from geomap.geoparse.segment import sentences

    root = Path(__file__).resolve().parents[3]
    files = [
        *(root / "tests" / "data" / "events").glob("*.txt"),
        *(root / "tests" / "data" / "events_heldout").glob("*.txt"),
        *(root / "seeds").glob("*.txt"),
    ]
    out = [s.text for f in files for s in sentences(f.read_text(encoding="utf-8"))]
    out += [  # capitals, the lookbehind-guarded noun, and words that only look alike
        "TROOPS WERE DEPLOYED TO THE BORDER.",
        "Fled: the family reached Lviv.",
        "They met at the border crossing near Rafah.",
        "The Crossing Point was closed.",
        "A sentence with nothing in it.",
        "Defectors Escaped Through Dandong.",
    ]
    return out


def test_the_trigger_prefilter_never_drops_a_sentence_with_a_trigger() -> None:
    """The prefilter may let extra sentences through, never fewer than the triggers find."""
    from geomap.events.clauses import tokenize
    from geomap.events.extract import _triggers, any_trigger

    checked = matched = 0
    for sentence in _sentences_to_check():
        full = bool(_triggers(tokenize(sentence), sentence, set()))
        checked += 1
        matched += full
        if full:
            assert any_trigger(sentence), sentence
    assert checked > 150 and matched > 50
    assert not any_trigger("A sentence with nothing in it.")


def test_a_destination_after_a_plural_possessive_is_the_destination(pipeline: Pipeline) -> None:
    body = "Mara Quist flew from Boston to her parents' Denver home on Friday."
    assert paths(pipeline, body) == [("Boston", "Denver")]


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]


def test_a_town_in_capitals_heading_a_later_paragraph_is_where_its_events_were(
    pipeline: Pipeline,
) -> None:
    """A roundup's sections are headed by their town ("ACCRA: ..."); the dateline that opens
    the body is where the report is from, and a town in capitals there places nothing."""
    body = (
        "Unions staged walkouts in several cities on Monday.\n\n"
        "KUMASI: A bus driver was shot dead near the central market.\n\n"
        "TAMALE: Hundreds marched through the town centre to the regional offices.\n"
    )
    found = _incidents(pipeline, body)
    assert ("attack", "Kumasi") in found
    assert ("protest", "Tamale") in found
    # the same label opening the body is a dateline: it says where the report is from, and
    # is read as the dateline "KUMASI (AP) —" is
    dated = _incidents(pipeline, "KUMASI: A bus driver was shot dead near the market.\n")
    wire = _incidents(pipeline, "KUMASI (AP) — A bus driver was shot dead near the market.\n")
    assert dated == wire


@pytest.mark.parametrize(
    "body",
    [
        "Hundreds of families fleeing militia raids on villages around Tamale walked to Kumasi.",
        "Villagers escaping the killings near Tamale have reached Kumasi.",
    ],
)
def test_the_place_of_raids_or_killings_fled_is_the_origin(pipeline: Pipeline, body: str) -> None:
    assert ("Tamale", "Kumasi") in paths(pipeline, body)


def test_places_in_someone_s_words_are_not_where_the_next_event_is(pipeline: Pipeline) -> None:
    """A quotation's places ("my cousin is in Hamburg") are the speaker's, not the report's:
    an event told after it without a place is at the report's dateline."""
    body = (
        "TAMALE, Ghana — Ama Mensah runs a stall by the bus station.\n\n"
        "\u201cOne day we may go abroad. My brother is in Hamburg,\u201d she said.\n\n"
        "On Monday a fire destroyed six stalls near hers.\n"
    )
    found = _incidents(pipeline, body)
    assert ("fire", "Hamburg") not in found
    assert ("fire", "Tamale") in found


def test_a_quake_zone_is_no_quake(pipeline: Pipeline) -> None:
    body = "Families from the quake zone arrived in Kumasi in April."
    assert not [i for i in _incidents(pipeline, body) if i[0] == "earthquake"]


def test_a_quoted_statement_in_the_third_person_keeps_its_place(pipeline: Pipeline) -> None:
    body = (
        "Police issued a statement on Monday.\n\n"
        "\u201cOfficers were called to a market in Tamale at noon,\u201d it said.\n\n"
        "A man was stabbed there, the statement added.\n"
    )
    assert ("attack", "Tamale") in _incidents(pipeline, body)


def _dated(pipeline: Pipeline, body: str) -> list[tuple[str, str, str | None, str]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [
        (i.event_type, i.place.name, i.when.start.isoformat() if i.when else None, i.status)
        for i in pipeline.extract(doc).incidents
    ]


def test_the_next_morning_is_the_day_after_the_event_told_before(pipeline: Pipeline) -> None:
    body = (
        "Police in Tamale arrested three traders on Tuesday. "
        "Their families protested outside the station the next morning."
    )
    found = _dated(pipeline, body)  # the report is of Friday 10 June 2022
    assert ("arrest", "Tamale", "2022-06-07", "reported") in found
    assert ("protest", "Tamale", "2022-06-08", "reported") in found


@pytest.mark.parametrize(
    "body,day",
    [
        ("Teachers have called a march in Tamale on Monday.", "2022-06-13"),
        ("Drivers are calling for a general strike in Tamale on Tuesday.", "2022-06-14"),
    ],
)
def test_a_protest_someone_has_called_is_announced(pipeline: Pipeline, body: str, day: str) -> None:
    assert _dated(pipeline, body) == [("protest", "Tamale", day, "planned")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "And in Tamale, police detained six students after a protest over unpaid grants.",
            [("arrest", "Tamale"), ("protest", "Tamale")],
        ),
        ("Meanwhile, in Tamale, a fire destroyed part of the market.", [("fire", "Tamale")]),
    ],
)
def test_the_setting_a_sentence_opens_with_places_its_events(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_incidents(pipeline, body)) == expected


def test_fighting_fled_is_where_the_flight_started(pipeline: Pipeline) -> None:
    body = "Hundreds of families fleeing renewed fighting in Tamale arrived in Kumasi on Monday."
    assert ("Tamale", "Kumasi") in paths(pipeline, body)


def test_a_return_coordinated_with_a_trip_sets_out_from_its_end(pipeline: Pipeline) -> None:
    body = (
        "The minister will fly to Lyon on Monday to open a new plant, and is expected to "
        "return to Paris on Tuesday."
    )
    assert ("Lyon", "Paris") in paths(pipeline, body)


def test_another_subject_s_return_is_no_leg_of_the_trip(pipeline: Pipeline) -> None:
    body = "The minister flew to Lyon on Monday, and her deputy returned to Paris on Tuesday."
    assert ("Lyon", "Paris") not in paths(pipeline, body)


def test_a_town_in_capitals_and_a_colon_is_a_dateline(pipeline: Pipeline) -> None:
    body = "LUCKNOW: The governor will travel to Kanpur on Friday, officials said."
    assert ("Lucknow", "Kanpur") in paths(pipeline, body)


def test_a_word_in_capitals_and_a_colon_is_no_dateline(pipeline: Pipeline) -> None:
    body = "UPDATE: The governor will travel to Kanpur on Friday, officials said."
    assert paths(pipeline, body) == []


def test_sent_to_the_site_goes_to_where_the_incident_was_told(pipeline: Pipeline) -> None:
    body = (
        "A freight train derailed near Emerald on Sunday. The driver was hurt. Crews said the "
        "line would stay closed. Prices rose in Brisbane shops. The bureau said it had "
        "dispatched two investigators from Canberra to the site."
    )
    assert ("Canberra", "Emerald") in paths(pipeline, body)


def test_to_the_site_without_an_incident_told_goes_nowhere(pipeline: Pipeline) -> None:
    body = "The council said it had sent two surveyors from Canberra to the site."
    assert paths(pipeline, body) == []


def test_a_life_story_s_next_home_starts_in_the_town_before(pipeline: Pipeline) -> None:
    body = (
        "It was in Leeds that she met her husband, a young engineer, at a dance. They married "
        "in 1957 and moved to Sheffield, where he worked for a steel firm."
    )
    assert ("Leeds", "Sheffield") in paths(pipeline, body)


def test_a_past_move_told_as_background_takes_no_origin(pipeline: Pipeline) -> None:
    body = "Police arrested two men in Leeds on Monday. They had moved to Sheffield in 2010."
    assert paths(pipeline, body) == []


def test_a_habit_told_after_a_town_and_its_state_is_a_habit(pipeline: Pipeline) -> None:
    body = (
        "Prosecutors said the crew organized loads that were driven from Fargo to Bemidji, "
        "Minn., and Brainerd roughly twice a month for a year."
    )
    assert paths(pipeline, body) == []


def test_a_town_and_its_state_leave_a_one_time_trip_alone(pipeline: Pipeline) -> None:
    body = "The family drove from Keene, N.H., to Bemidji, Minn., on Friday."
    assert ("Keene", "Bemidji") in paths(pipeline, body)


def test_a_journey_dated_to_a_past_year_does_not_start_at_the_dateline(
    pipeline: Pipeline,
) -> None:
    body = "REGINA, Sask. — Her cousin, a former translator, was resettled in Winnipeg in 2021."
    assert paths(pipeline, body) == []


def test_a_journey_told_today_may_start_at_the_dateline(pipeline: Pipeline) -> None:
    body = "REGINA, Sask. — Her cousin was resettled in Winnipeg on Monday."
    assert ("Regina", "Winnipeg") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The minister left Toronto on Monday for Ottawa.", ("Toronto", "Ottawa")),
        ("He will leave Kingston on Oct. 6 for Halifax.", ("Kingston", "Halifax")),
        ("Troops left Kabul early Friday for Doha.", ("Kabul", "Doha")),
    ],
)
def test_a_time_between_the_place_left_and_for_b(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in paths(pipeline, body)


def test_left_on_monday_for_good_goes_nowhere(pipeline: Pipeline) -> None:
    assert paths(pipeline, "She left Toronto on Monday for good.") == []


def test_a_mover_who_drove_to_a_and_brought_someone_to_b_goes_on_from_a(
    pipeline: Pipeline,
) -> None:
    body = "Her father drove to Burlington on Sunday and brought her back to Rutland that night."
    assert ("Burlington", "Rutland") in paths(pipeline, body)


def test_extradited_from_abroad_in_a_datelined_report_goes_to_the_dateline(
    pipeline: Pipeline,
) -> None:
    body = (
        "BOISE, Idaho — A Calgary man who was extradited from Canada last spring to face fraud "
        "charges was sentenced Friday to six years in prison."
    )
    assert ("Canada", "Boise") in paths(pipeline, body)


def test_extradited_within_the_dateline_s_country_takes_no_dateline(pipeline: Pipeline) -> None:
    body = "BOISE, Idaho — A man was extradited from Utah last spring to face fraud charges."
    assert ("Utah", "Boise") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("She took an overnight Amtrak train from Boston to Chicago.", ("Boston", "Chicago")),
        (
            "The boy had taken a Lakeland Coach Lines bus from Bangor to Portland on Friday.",
            ("Bangor", "Portland"),
        ),
    ],
)
def test_a_named_vehicle_taken_from_a_to_b(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in paths(pipeline, body)


def test_taking_a_bus_route_s_name_is_no_trip(pipeline: Pipeline) -> None:
    assert paths(pipeline, "She took a photo of the bus in Boston.") == []


def test_buses_that_will_carry_members_from_a_to_b(pipeline: Pipeline) -> None:
    body = "Chartered buses will carry about 200 members from Moncton to Halifax, he said."
    assert ("Moncton", "Halifax") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Trucks carry goods from Moncton to Halifax every day.",
        "She said she would carry on in Moncton.",
    ],
)
def test_carry_in_the_present_or_carry_on_is_no_trip(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def _headline_incidents(pipeline: Pipeline, headline: str) -> list[tuple[str, str]]:
    """Incidents of a report whose headline line is ``headline`` and whose body says nothing."""
    doc = parse_document(f"{headline}\n\nNo more was said.".encode(), "h.txt")
    return [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Freight train derails near Poltava", [("derailment", "Poltava")]),
        ("Two buses collide outside Multan", [("collision", "Multan")]),
        ("Fishing boat capsizes off Mombasa", [("crash", "Mombasa")]),
        ("Boiler explodes at bakery in Tabriz", [("explosion", "Tabriz")]),
        ("Troops shell market in Kharkiv", [("attack", "Kharkiv")]),
    ],
)
def test_a_headline_tells_past_events_in_the_present(
    pipeline: Pipeline, headline: str, expected: list[tuple[str, str]]
) -> None:
    assert _headline_incidents(pipeline, headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Oil firm shells out for refinery in Lagos",  # a phrasal verb of another sense
        "Rail unions say trains may collide near Vinnytsia",  # a modal: no event told
        "Engineers to explode old bridge in Tabriz",  # an infinitive: not yet
        "Derails Bakery opens a shop in Multan",  # a name in capitals, no verb
    ],
)
def test_a_headline_s_present_form_that_tells_no_event(pipeline: Pipeline, headline: str) -> None:
    assert _headline_incidents(pipeline, headline) == []


def test_a_noun_before_a_headline_s_verb_is_no_verb(pipeline: Pipeline) -> None:
    # "bomb" before "kills" is the weapon, not a verb whose subject is "Roadside"; and a
    # weapon names no attacker
    doc = parse_document(b"Roadside bomb kills two near Kandahar\n\nNo more was said.", "h.txt")
    assert [(i.event_type, i.actor1) for i in pipeline.extract(doc).incidents] == [("attack", None)]


def test_a_first_line_closed_like_a_sentence_is_not_read_as_a_headline(
    pipeline: Pipeline,
) -> None:
    # with no header, a sentence's present forms stay present: "shells" is the plural noun
    doc = parse_document(b"Rusty shells of two cars lay near Kharkiv.", "b.txt")
    assert pipeline.extract(doc).incidents == ()


def test_a_title_run_into_the_first_paragraph_is_still_the_headline(pipeline: Pipeline) -> None:
    # a corpus text that starts with its title and a full stop: the title's present tense
    text = "Troops shell market in Kharkiv. Nobody has said more."
    doc = Document(id="t", path="t.txt", text=text, title="Troops shell market in Kharkiv")
    assert [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents] == [
        ("attack", "Kharkiv")
    ]
    untitled = Document(id="u", path="u.txt", text=text)
    assert pipeline.extract(untitled).incidents == ()


@pytest.mark.parametrize(
    "body,expected",
    [
        (  # a count at the start of the next sentence: from the day told before
            "Gunmen attacked a market in Tamale on Tuesday. "
            "The next day, soldiers shelled a village near Kumasi.",
            ("attack", "2022-06-08"),
        ),
        (  # a count back from the day told before
            "Floods killed six people in Tamale on Wednesday. "
            "A day earlier, a landslide buried homes in Kumasi.",
            ("landslide", "2022-06-07"),
        ),
        (  # a count in the same clause: from the last day told before it
            "Rebels overran a base near Tamale on Monday and aircraft bombed Kumasi "
            "two days later, officials said.",
            ("attack", "2022-06-08"),
        ),
    ],
)
def test_a_day_counted_from_the_day_told_before(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    found = {(t, place, day) for t, place, day, _ in _dated(pipeline, body)}
    assert (expected[0], "Kumasi", expected[1]) in found


def test_a_count_in_another_clause_does_not_date_the_event(pipeline: Pipeline) -> None:
    body = "Gunmen attacked a market in Kumasi, and the next day police arrested two men."
    assert ("attack", "Kumasi", None, "reported") in _dated(pipeline, body)


def test_a_march_called_for_a_day_to_come_does_not_date_the_marches_held(
    pipeline: Pipeline,
) -> None:
    body = (
        "Police fired tear gas at hundreds of demonstrators who marched through central "
        "Tamale. Organisers have called for a nationwide march on Monday, with rallies "
        "planned in Tamale and Kumasi."
    )
    assert ("protest", "Tamale", None, "reported") in _dated(pipeline, body)


def test_a_journey_counted_from_the_day_told_before(pipeline: Pipeline) -> None:
    body = (
        "Gunmen attacked a market in Tamale on Tuesday. "
        "The next day, hundreds of traders fled from Tamale to Kumasi."
    )
    doc = parse_document((HEADER + body).encode(), "t.txt")
    found = [
        (m.path[0].name, m.path[-1].name, m.when.start.isoformat() if m.when else None)
        for m in pipeline.extract(doc).movements
    ]
    assert found == [("Tamale", "Kumasi", "2022-06-08")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The envoy is due to fly to Tamale on Monday, where she is scheduled to meet the "
            "governor, and to travel from there to Kumasi on Wednesday.",
            ("meeting/summit", "Tamale", "2022-06-13", "planned"),
        ),
        (
            "On Tuesday rebels attacked a market in Tamale, and troops retook the town on Friday.",
            ("attack", "Tamale", "2022-06-07", "reported"),
        ),
    ],
)
def test_a_date_after_the_clause_ends_is_the_next_clauses(
    pipeline: Pipeline, body: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _dated(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        # the arraignment's day is not the offence's
        "TAMALE - A builder was arraigned in Tamale on Tuesday on charges he assaulted a "
        "neighbour.",
        # "more than six years ago" bounds the offence's date, it gives none
        "TAMALE - A builder was arraigned in Tamale on Tuesday on charges he assaulted a "
        "neighbour more than six years ago.",
    ],
)
def test_an_offence_told_after_its_arraignment_has_no_date(pipeline: Pipeline, body: str) -> None:
    assert _dated(pipeline, body) == [("attack", "Tamale", None, "reported")]


@pytest.mark.parametrize(
    "body,day",
    [
        # the day is the flight's; the attack that caused it came before, on a day untold
        (
            "Hundreds of families fled from Tamale to Kumasi on Tuesday after gunmen "
            "attacked Tamale.",
            None,
        ),
        # a gap told counts the attack's day back from the flight's
        (
            "Hundreds of families fled from Tamale to Kumasi on Tuesday, a day after gunmen "
            "attacked Tamale.",
            "2022-06-06",
        ),
    ],
)
def test_an_event_told_after_a_dated_journey_as_its_cause(
    pipeline: Pipeline, body: str, day: str | None
) -> None:
    assert ("attack", "Tamale", day, "reported") in _dated(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The nine victims of a bus crash near Tamale were remembered on Wednesday.",
            ("crash", "Tamale", None),
        ),
        (
            "Hundreds of mourners gathered in Tamale on Tuesday for the victims of the fire.",
            ("fire", "Tamale", None),
        ),
        # the crash's own day, right before its noun, stays its date
        (
            "A vigil was held in Tamale on Thursday for those killed in the June 4 crash.",
            ("crash", "Tamale", "2022-06-04"),
        ),
        # no service: the day is the crash's
        ("Four of the victims of a bus crash near Tamale died on Wednesday.", None),
    ],
)
def test_the_day_of_a_service_for_the_dead_is_not_the_day_of_what_killed_them(
    pipeline: Pipeline, body: str, expected: tuple[str, str, str | None] | None
) -> None:
    found = [(t, p, d) for t, p, d, _ in _dated(pipeline, body)]
    if expected is None:
        assert ("crash", "Tamale", "2022-06-08") in found
    else:
        assert expected in found


def test_a_day_still_to_come_dates_no_event_told_after_it(pipeline: Pipeline) -> None:
    body = (
        "TAMALE - The union has pressed the mayor for weeks and plans a series of marches "
        "beginning on June 20. Police said nine members had been arrested on weapons charges."
    )
    assert ("arrest", "Tamale", None) in [(t, p, d) for t, p, d, _ in _dated(pipeline, body)]


@pytest.mark.parametrize(
    "body",
    [
        "Two managers were jailed in Tamale last year. "
        "Hundreds of villagers protested against the Dorvak mine on Monday.",
        "A court in Tamale fined the firm. Workers later marched on the Velmore Rock refinery.",
        # (a site named like a town, that no rule places the protest at)
        "Two managers were jailed in Tamale last year. "
        "Hundreds of villagers protested against the Dover mine on Monday.",
    ],
)
def test_a_sentence_naming_its_own_site_takes_no_place_from_the_one_before(
    pipeline: Pipeline, body: str
) -> None:
    assert ("protest", "Tamale") not in _incidents(pipeline, body)


def test_an_unnamed_site_still_takes_the_place_told_before(pipeline: Pipeline) -> None:
    body = "A mine opened near Tamale last year. Hundreds of villagers protested against the mine."
    assert ("protest", "Tamale") in _incidents(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Tamale Stars lost at home on Sunday. Their captain was sent off after an hour "
        "for a reckless tackle.",
        "Tamale Stars won at home on Sunday. Their striker sent the goalkeeper the wrong way.",
    ],
)
def test_a_player_sent_off_is_no_forces_sent(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in _incidents(pipeline, body) if t == "movement of forces"] == []


def test_troops_sent_off_to_a_town_are_still_forces_sent(pipeline: Pipeline) -> None:
    body = "The army sent 200 troops to Tamale on Monday."
    assert ("movement of forces", "Tamale") in _incidents(pipeline, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the rest of the sentence puts the event at a town inside the province it named
        (
            "Officers in Saskatchewan detained the driver when his truck left the highway "
            "near the town of Estevan.",
            ("arrest", "Estevan"),
        ),
        # the next sentence names the town inside the country the floods were told in
        (
            "Severe flooding in Ghana has affected thousands of people this week. "
            "Rising water swept away market stalls and shacks in Kumasi.",
            ("flood", "Kumasi"),
        ),
    ],
)
def test_an_event_at_a_state_or_country_is_at_the_town_told_inside_it(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    """Guideline 3.2: the most specific place the text gives, never the country or state
    named nearby when the town is given."""
    assert expected in _incidents(pipeline, body)


def test_an_event_at_a_state_stays_there_when_the_town_is_where_people_were_kept(
    pipeline: Pipeline,
) -> None:
    """ "Held in a facility in A" after "detained in B state" tells a later place, not where
    the arrest was; two towns inside the state leave the event at the state too."""
    held = _incidents(
        pipeline,
        "The woman was detained in Arizona in March. She was held for a week in a facility "
        "in Tucson before her release.",
    )
    assert ("arrest", "Arizona") in held
    assert ("arrest", "Tucson") not in held
    two = _incidents(
        pipeline,
        "Storms caused flooding in Ohio on Sunday. Streets in Dayton and in Toledo were "
        "under water.",
    )
    assert ("flood", "Dayton") not in two and ("flood", "Toledo") not in two


def test_an_event_at_a_state_is_at_the_headline_town_inside_it(pipeline: Pipeline) -> None:
    """With nothing finer in its sentence or the next, the event is at the town the report's
    headline names inside that state."""
    doc = parse_document(
        (
            b"Fire destroys warehouse in Dayton\n\n"
            b"The blaze started late on Friday. Police arrested a man in Ohio on Saturday.\n"
        ),
        "h.txt",
    )
    found = [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]
    assert ("arrest", "Dayton") in found
    assert ("arrest", "Ohio") not in found


@pytest.mark.parametrize(
    "told",
    [
        "Police arrested ten men at Ohio airports on Saturday.",
        "Police arrested ten men across Ohio on Saturday.",
    ],
)
def test_an_event_told_across_a_state_stays_at_the_state(pipeline: Pipeline, told: str) -> None:
    """ "At A airports", "across A": the event is told at many places of the state, so the
    headline's town is not its place."""
    doc = parse_document(
        f"Fire destroys warehouse in Dayton\n\nThe blaze started late on Friday. {told}\n".encode(),
        "h.txt",
    )
    found = [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]
    assert ("arrest", "Ohio") in found
    assert ("arrest", "Dayton") not in found
