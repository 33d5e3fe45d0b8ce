"""Issue 12's English, item by item (bench/spec_battery.py's findings): every sentence here is
invented."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Newswire June 10, 2022\n"


def paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body,expected",
    [
        # the -ing forms of "take" and "rush"
        ("Guards began taking the detainees from Lyon to Turin on Monday.", ("Lyon", "Turin")),
        ("Medics spent the night rushing the wounded from Kherson to Odesa.", ("Kherson", "Odesa")),
        # nouns of motion verbs, with a determiner
        ("The drive from Quito to Lima took eleven hours.", ("Quito", "Lima")),
        ("The rebel advance from Goma to Bukavu slowed on Sunday.", ("Goma", "Bukavu")),
        ("The withdrawal from Kherson to Mykolaiv ended on Friday.", ("Kherson", "Mykolayiv")),
        ("Tuesday's retreat from Aleppo to Idlib was chaotic.", ("Aleppo", "Idlib")),
        ("The convoy's entry into Aleppo from Idlib was delayed.", ("Idlib", "Aleppo")),
    ],
)
def test_more_forms_of_the_motion_verbs(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The charity ran a fundraising drive to Lima schools.",
        "Tickets must be bought in advance to Lima from Quito.",
        "The bishops held a retreat in Assisi last month.",
        "Police took part in a parade in Leeds.",
    ],
)
def test_those_nouns_bare_or_in_idioms_are_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The army evacuated residents to Palermo from Naples.", ("Naples", "Palermo")),
        ("The authorities deported migrants to Montreal from Toronto.", ("Toronto", "Montréal")),
        ("Kenya deported migrants from Nairobi to Kampala on Monday.", ("Nairobi", "Kampala")),
    ],
)
def test_a_participle_before_people_with_a_subject_is_the_verb(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The deported migrants from Texas said they were beaten in Juarez.",
        "Police said displaced families from Goma were sleeping in schools.",
        "Some 200 evacuated residents from Naples are staying in hotels.",
    ],
)
def test_a_participle_before_people_without_a_subject_describes_them(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []


def test_a_departure_for_a_place_goes_there(pipeline: Pipeline) -> None:
    body = "After their departure from Dakar for Banjul, the crew went silent."
    assert paths(pipeline, body) == [("Dakar", "Banjul")]
    assert paths(pipeline, "Her departure for Lima from Quito was delayed.") == [("Quito", "Lima")]


@pytest.mark.parametrize(
    "body",
    [
        # a subject opened by "no": nobody went
        "No troops were sent from Kigali to Goma, the army said.",
        "Officials said no aid workers had travelled from Juba to Malakal.",
        # a fronted time phrase of habit
        "Every morning, thousands of workers travel from Juarez to El Paso.",
        "Most weekends, the family drives from Leeds to York.",
        "Usually, the ferry sails from Dover to Calais at noon.",
    ],
)
def test_negated_subjects_and_fronted_habits_are_no_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_dated_or_numbered_opening_keeps_the_movement(pipeline: Pipeline) -> None:
    body = "On Monday, thousands of workers travelled from Tijuana to San Diego."
    assert paths(pipeline, body) == [("Tijuana", "San Diego")]
    assert paths(pipeline, "No. 4 battalion was sent from Kigali to Goma.") == [("Kigali", "Goma")]


@pytest.mark.parametrize(
    "body",
    [
        "Leaders of the bloc are to hold a summit in Addis Ababa in March.",
        "The two sides are to hold talks in Doha.",
        "Teachers are to stage a protest in Nairobi.",
    ],
)
def test_events_someone_is_to_hold_are_planned(pipeline: Pipeline, body: str) -> None:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    got = [i.status for i in pipeline.extract(doc).incidents]
    assert got == ["planned"]


def incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str, str | None]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [(i.event_type, i.place.name, i.actor1) for i in pipeline.extract(doc).incidents]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a thing that can explode blowing up, with no object: an explosion, an accident whose
        # subject is no actor (the guideline: no actor for accidents and disasters)
        (
            "A boiler blew up at a textile mill in Faisalabad on Monday.",
            [("explosion", "Faisalabad", None)],
        ),
        (
            "A fuel tanker blew up on a highway in Kano, killing 12.",
            [("explosion", "Kano", None)],
        ),
        # with an object: someone destroyed it
        ("Militants blew up a bridge in Kunar on Monday.", [("attack", "Kunar", "Militants")]),
        # not a thing that explodes
        ("The argument blew up on social media in Lagos.", []),
    ],
)
def test_blowing_up(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert incidents(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The family arrived in Erbil after fleeing Mosul.", [("Mosul", "Erbil")]),
        ("The team reached Lima on Monday after leaving from Quito.", [("Quito", "Lima")]),
        ("The yacht arrived in Valletta after sailing from Tunis.", [("Tunis", "Valletta")]),
    ],
)
def test_a_departure_told_after_the_arrival_is_its_origin(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_a_bomb_going_off_names_no_actor(pipeline: Pipeline) -> None:
    # the weapon is not who did it (and never a fragment of it, "A roadside")
    body = "A roadside bomb went off near a checkpoint in Mogadishu on Saturday."
    assert incidents(pipeline, body) == [("attack", "Mogadishu", None)]


@pytest.mark.parametrize(
    "body",
    [
        "The army denied that troops had been sent from Kigali to Goma.",
        "Officials rejected reports that the men fled from Juba to Kampala.",
        "The ministry dismissed claims that 40 migrants were deported from Rome to Tunis.",
    ],
)
def test_what_is_denied_is_no_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_what_is_said_stays_a_movement(pipeline: Pipeline) -> None:
    body = "The army said that troops had been sent from Kigali to Goma."
    assert paths(pipeline, body) == [("Kigali", "Goma")]
    assert incidents(pipeline, "Police denied that officers shot a man in Leeds.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The convoy travelled from the capital, Kampala, to Gulu.", [("Kampala", "Gulu")]),
        ("Aid flew from the Kenyan capital, Nairobi, to Juba.", [("Nairobi", "Juba")]),
        ("Thousands fled to the port city, Mombasa, from Lamu.", [("Lamu", "Mombasa")]),
    ],
)
def test_a_place_in_apposition_to_its_kind_takes_the_preposition(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,place",
    [
        ("Police arrested 12 protesters in Kano on Saturday.", "Kano"),
        ("Police detained dozens of demonstrators in Minsk on Sunday.", "Minsk"),
    ],
)
def test_an_arrest_of_protesters_is_an_arrest_there(
    pipeline: Pipeline, body: str, place: str
) -> None:
    assert ("arrest", place, "Police") in incidents(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Two trains crashed head-on near Larissa.", ("collision", "Lárisa")),
        ("Two passenger trains crashed near Larissa on Tuesday.", ("collision", "Lárisa")),
        ("A freight train jumped the tracks in Toledo on Friday.", ("derailment", "Toledo")),
        ("A goods train came off the rails near Lahore.", ("derailment", "Lahore")),
        ("A ferry sank off Zanzibar on Thursday.", ("crash", "Zanzibar")),
        ("A car ploughed into pedestrians in Toronto.", ("crash", "Toronto")),
        ("Unknown assailants hacked a farmer to death in Makurdi.", ("attack", "Makurdi")),
        ("Security forces rounded up dozens of suspects in Mosul.", ("arrest", "Mosul")),
    ],
)
def test_more_words_of_accidents_and_violence(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == [expected]


def test_shares_that_sank_are_no_shipwreck(pipeline: Pipeline) -> None:
    assert incidents(pipeline, "Shares sank in Tokyo on Monday.") == []


def test_a_number_with_thousands_separators_is_one_word(pipeline: Pipeline) -> None:
    doc = parse_document(
        (HEADER + "Some 12,000 refugees crossed from Sudan into Chad on Monday.").encode(), "t.txt"
    )
    ex = pipeline.extract(doc)
    assert [tuple(p.name for p in m.path) for m in ex.movements] == [("Sudan", "Chad")]
    assert [i.actor1 for i in ex.incidents] == ["Some 12,000 refugees"]


def test_people_sent_back_are_deported(pipeline: Pipeline) -> None:
    doc = parse_document(
        (HEADER + "The men were sent back to Kabul from Tehran on Monday.").encode(), "t.txt"
    )
    got = [
        (tuple(p.name for p in m.path), m.movement_type) for m in pipeline.extract(doc).movements
    ]
    assert got == [(("Tehran", "Kabul"), "deported")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("They caught a bus from Warsaw to Berlin.", [("Warsaw", "Berlin")]),
        ("The students caught the ferry from Dover to Calais.", [("Dover", "Calais")]),
        ("Russian troops pushed into Kharkiv from Belgorod.", [("Belgorod", "Kharkiv")]),
        ("The firm pushed into new markets in Asia.", []),
    ],
)
def test_rides_caught_and_armed_pushes(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # "suspected" before a noun describes it: the event happened
        ("A suspected gunman shot two people in Leeds.", [("attack", "Leeds")]),
        ("Suspected militants attacked a checkpoint in Peshawar.", [("attack", "Peshawar")]),
        # an arrest is no offence, whatever the charge before it
        ("The man suspected in the shooting was arrested in Leeds.", [("arrest", "Leeds")]),
        # an offence's name is still no event
        ("He is suspected of murder in Leeds.", []),
    ],
)
def test_suspects_and_suspected_events(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == expected


def statuses(pipeline: Pipeline, body: str) -> list[tuple[str, str, str]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [(i.event_type, i.place.name, i.status) for i in pipeline.extract(doc).incidents]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A protest has been called for Saturday in Harare.", [("protest", "Harare", "planned")]),
        (
            "Ministers will gather in Brussels on Thursday for a summit.",
            [("meeting/summit", "Brussels", "planned")],
        ),
        (
            "The summit in Addis Ababa was postponed.",
            [("meeting/summit", "Addis Ababa", "planned")],
        ),
        ("Organisers cancelled a rally in Lagos.", []),
        (
            "Ministers gathered in Brussels on Thursday for a summit.",
            [("meeting/summit", "Brussels", "reported")],
        ),
    ],
)
def test_events_called_put_off_or_cancelled(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str]]
) -> None:
    assert statuses(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # "since Sunday": a time phrase, not a clause that ends the event's reach
        (
            "Three hikers have been missing since Sunday near Banff.",
            [("disappearance", "Banff", "reported")],
        ),
        # the kidnappers named as the agent are no attack of their own
        (
            "An aid worker was kidnapped by gunmen in Gao.",
            [("disappearance", "Gao", "reported")],
        ),
        # an order to evacuate is announced, not yet carried out
        (
            "Authorities ordered residents of Pozzuoli to evacuate on Monday.",
            [("evacuation", "Pozzuoli", "planned")],
        ),
        ("Officials did not order residents to evacuate Pozzuoli.", []),
    ],
)
def test_time_phrases_agents_and_orders(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str]]
) -> None:
    assert statuses(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The arrival of 80 migrants in Malta from Tripoli drew crowds.", [("Tripoli", "Malta")]),
        ("Fans awaited the arrival of the team in Accra from Lagos.", [("Lagos", "Accra")]),
    ],
)
def test_the_arrival_of_someone_in_a_place_goes_there(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_a_stop_told_in_an_opener_is_a_via(pipeline: Pipeline) -> None:
    body = "After a stopover in Doha, the team flew from Oslo to Muscat."
    assert paths(pipeline, body) == [("Oslo", "Doha", "Muscat")]
    body = "After talks in Addis Ababa, the envoy flew to Nairobi."
    assert paths(pipeline, body) == [("Addis Ababa", "Nairobi")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Clashes broke out in Tripoli between rival militias.", [("attack", "Tripoli")]),
        ("Clashes erupted in Nairobi between protesters and police.", [("protest", "Nairobi")]),
    ],
)
def test_clashes_told_by_their_outbreak(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "A bridge collapsed in Genoa, killing 43 people.",
        "A stampede at a stadium in Conakry killed 56 people.",
        "A gas leak at a chemical plant in Bhopal killed thousands.",
    ],
)
def test_deaths_no_one_caused_are_no_attack(pipeline: Pipeline, body: str) -> None:
    assert incidents(pipeline, body) == []


def test_deaths_gunmen_caused_stay_an_attack(pipeline: Pipeline) -> None:
    body = "Gunmen at a checkpoint outside the town of Bama killed 12 soldiers."
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == [("attack", "Bama")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A boy was badly hurt in a hit-and-run in Denver.", [("crash", "Denver")]),
        ("A light aircraft crash-landed near Nairobi.", [("crash", "Nairobi")]),
    ],
)
def test_hit_and_runs_and_crash_landings_are_crashes(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Residents blocked a highway near Lima to protest water cuts.", [("protest", "Lima")]),
        ("Doctors walked out of hospitals across Nairobi on Monday.", [("protest", "Nairobi")]),
        # what is protested is not where: "in protest at EU rules"
        ("Farmers drove tractors into Brussels in protest at EU rules.", []),
    ],
)
def test_more_of_the_english_of_protests(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == expected


def test_hyphenated_descriptions_and_areas_keep_the_preposition(pipeline: Pipeline) -> None:
    body = "Authorities evacuated people from low-lying areas of Dhaka."
    assert [(t, p) for t, p, _ in incidents(pipeline, body)] == [("evacuation", "Dhaka")]
    body = "Thousands fled war-torn Khartoum for Port Sudan."
    assert paths(pipeline, body) == [("Khartoum", "Port Sudan")]
    body = "Aid trucks were sent from Amman to rebel-held Idlib."
    assert paths(pipeline, body) == [("Amman", "Idlib")]


def test_people_told_to_evacuate_is_a_planned_evacuation(pipeline: Pipeline) -> None:
    body = "Thousands were told to evacuate Kherson ahead of the offensive."
    assert statuses(pipeline, body) == [("evacuation", "Kherson", "planned")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The convoy left the northern city of Kano for Abuja.", [("Kano", "Abuja")]),
        ("Thousands fled the port city of Mombasa for Nairobi.", [("Mombasa", "Nairobi")]),
    ],
)
def test_leaving_a_place_told_by_its_kind_for_another(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The government is considering sending troops from Nairobi to Mogadishu.",
        "Rumours that the minister had fled to Dubai from Lagos spread quickly.",
    ],
)
def test_what_is_weighed_or_rumoured_is_no_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_gerund_after_a_verb_of_starting(pipeline: Pipeline) -> None:
    body = "The government began sending troops from Nairobi to Mogadishu."
    doc = parse_document((HEADER + body).encode(), "t.txt")
    ex = pipeline.extract(doc)
    assert [tuple(p.name for p in m.path) for m in ex.movements] == [("Nairobi", "Mogadishu")]
    assert [i.actor1 for i in ex.incidents] == ["The government"]
    body = "Police started arresting protesters in Minsk on Sunday."
    assert ("arrest", "Minsk", "Police") in incidents(pipeline, body)
    assert incidents(pipeline, "The arresting officer in Leeds said the man was calm.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        # a venue changed, power or a story passing on: no one travels
        ("The talks moved from Geneva to Vienna last year.", []),
        ("Power passed from Paris to Berlin in the 19th century.", []),
        ("The story travelled from Nairobi to London within hours.", []),
        ("The final will move from Istanbul to Paris.", []),
        # those who go to the talks do
        ("The negotiators flew from Geneva to Vienna.", [("Geneva", "Vienna")]),
    ],
)
def test_venues_power_and_stories_are_no_movers(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_cancelled_flights_between_coordinated_places(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Flights from London and Paris to Tel Aviv were cancelled.") == []
    body = "The flight from London to Lagos landed and was cancelled later."
    assert paths(pipeline, body) == [("London", "Lagos")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # nominalisations of transport verbs with "of" and what moved
        ("Storms delayed the shipment of maize from Durban to Maputo.", ("Durban", "Maputo")),
        (
            "Police uncovered last year's trafficking of girls from Chisinau to Vienna.",
            ("Chisinau", "Vienna"),
        ),
        ("The rescue of six divers from Hurghada to Cairo took a day.", ("Hurghada", "Cairo")),
        # -ing forms after an aspectual or auxiliary verb, or after the time spent
        ("Exporters resumed shipping maize from Durban to Maputo.", ("Durban", "Maputo")),
        ("A gang was trafficking girls from Chisinau to Vienna.", ("Chisinau", "Vienna")),
        (
            "Barges spent the week shipping coal from Duisburg to Rotterdam.",
            ("Duisburg", "Rotterdam"),
        ),
    ],
)
def test_transport_nominalisations_and_aspectual_ing(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Human trafficking from Laos to Thailand has grown, the report said.",
        "Shipping from Rotterdam to Hamburg was disrupted by the storm.",
        "He was jailed for trafficking women from Chisinau to Vienna.",
        "The firm stopped shipping grain from Odesa to Istanbul in March.",
        "The rescue operation in Cusco ended on Friday.",
    ],
)
def test_trades_services_and_stopped_shipping_are_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Herders who move from Gao to Mopti each dry season lose cattle.", []),
        ("Families who cross from Tijuana to San Diego need papers.", []),
        ("Those who flee from Aleppo to Idlib are housed in tents.", []),
        ("Workers who travelled from Dhaka to Doha were stranded.", [("Dhaka", "Doha")]),
        ("The envoy, who flew from Rome to Paris, met the press.", [("Rome", "Paris")]),
        # a verb whose past is its present is read as the past
        ("Pilgrims who set out from Lyon on Monday reached Turin.", [("Lyon", "Turin")]),
    ],
)
def test_a_present_relative_clause_names_whoever_makes_the_journey(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def movements_of(pipeline: Pipeline, body: str) -> list[tuple[tuple[str, ...], bool, bool]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [
        (tuple(p.name for p in m.path), m.origin_inferred, m.destination_inferred)
        for m in pipeline.extract(doc).movements
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a return with its origin only ends where the report is filed from, inferred
        ("OSLO, Norway - The envoy returned from Riga on Monday.", ("Riga", "Oslo")),
        ("BAKU (Newswire) - The delegation returned on Friday from Tbilisi.", ("Tbilisi", "Baku")),
    ],
)
def test_a_return_from_elsewhere_ends_at_the_dateline(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert movements_of(pipeline, body) == [(expected, False, True)]


@pytest.mark.parametrize(
    "body",
    [
        "The envoy returned from Riga on Monday.",  # no dateline: nowhere to end
        "OSLO, Norway - The envoy did not return from Riga on Monday.",
        "OSLO, Norway - The envoy may return from Riga on Monday.",
    ],
)
def test_no_dateline_or_no_return_no_inferred_end(pipeline: Pipeline, body: str) -> None:
    assert movements_of(pipeline, body) == []


def test_flight_after_fighting_starts_where_it_broke_out(pipeline: Pipeline) -> None:
    body = "Clashes erupted in Bunia on Monday. Hundreds fled to Kampala."
    assert movements_of(pipeline, body) == [(("Bunia", "Kampala"), True, False)]


@pytest.mark.parametrize(
    "body,expected",
    [
        ('"We have left Odesa for Chisinau," said Pavel Rusu.', [("Odesa", "Chisinau")]),
        ('"I fled from Aleppo to Idlib," she said.', [("Aleppo", "Idlib")]),
        ('"We will march to Kyiv," said Pavel Rusu.', []),
        ('"Go back to Kabul," the crowd shouted.', []),
        ('"We never left Odesa for Chisinau," said Pavel Rusu.', []),
    ],
)
def test_a_witness_own_account_in_quotes_is_a_journey(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Storms flooded large parts of Dakar on Friday.",
        "Torrential rain flooded much of Accra overnight.",
        "Flash floods swamped vast areas of Karachi.",
    ],
)
def test_how_much_of_a_place_is_transparent(pipeline: Pipeline, body: str) -> None:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    assert [i.event_type for i in pipeline.extract(doc).incidents] == ["flood"]


def types(pipeline: Pipeline, body: str) -> list[str]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [m.movement_type for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body,expected",
    [
        # an authority returning migrants or asylum seekers removes them
        ("Malta returned 65 migrants from Valletta to Tripoli.", ["deported"]),
        ("Dozens of asylum seekers were returned from Oslo to Kabul.", ["deported"]),
        ("Italy returned hundreds of migrants to Tunis from Palermo.", ["deported"]),
        # their own return is travel
        ("Asylum seekers returned from Oslo to Kabul on Friday.", ["travelled"]),
        ("The refugees returned from Goma to Bukavu on Monday.", ["travelled"]),
    ],
)
def test_a_return_of_migrants_by_an_authority_is_a_deportation(
    pipeline: Pipeline, body: str, expected: list[str]
) -> None:
    assert types(pipeline, body) == expected
