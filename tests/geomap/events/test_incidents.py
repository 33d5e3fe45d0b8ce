"""Incidents from every sentence, at the most specific place: every sentence here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.events.extract import _merge_incidents
from geomap.events.incidents import (
    court_spans,
    dedication,
    denied_by_its_state,
    lone_namesake,
    out_of_state_namesake,
    school_spans,
    split_name,
    street_pair,
    without_yardstick,
    yardstick_spans,
)
from geomap.model import Document, Incident, Place, Span, Toponym
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


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
        ("A man died in a boating accident off Padang on Monday.", ("crash", "Padang")),
        ("A pileup of nine cars closed the highway near Fresno.", ("collision", "Fresno")),
        ("A cyclist was killed by a drunk driver near Fresno.", ("crash", "Fresno")),
        ("A boy was killed by a hit-and-run driver in Leeds.", ("crash", "Leeds")),
        ("A guard was killed by a gunman in Leeds.", ("attack", "Leeds")),
        # a journey told inside the clause does not take the event's place away
        (
            "Gunmen opened fire on a bus travelling from Mombasa to Nairobi near Voi.",
            ("attack", "Voi"),
        ),
        (
            "An evacuation train carrying 400 people from Kharkiv arrived in Lviv.",
            ("evacuation", "Kharkiv"),
        ),
        ("Protesters marched through Santiago on Saturday.", ("protest", "Santiago")),
        ("A suspect was taken into custody in Tulsa.", ("arrest", "Tulsa")),
        ("A teenager has been reported missing in Fresno.", ("disappearance", "Fresno")),
        ("Thousands were evacuated from Yellowknife on Thursday.", ("evacuation", "Yellowknife")),
    ],
)
def test_incident_types(pipeline: Pipeline, body: str, expected: tuple[str, str]) -> None:
    assert expected in typed(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A military helicopter fired on a market in Lashio on Monday.", ("attack", "Lashio")),
        ("Mortar fire hit a school in Kharkiv on Sunday.", ("attack", "Kharkiv")),
        ("A missile struck an apartment block in Odesa overnight.", ("attack", "Odesa")),
        ("A drone dropped explosives on a minibus near Kherson.", ("attack", "Kherson")),
        ("The fugitive was caught on Sunday in Teruel.", ("arrest", "Teruel")),
        ("Israeli airstrikes on Beirut's southern suburbs killed 12.", ("attack", "Beirut")),
        ("Clashes between rival gangs in Kingston left two dead.", ("attack", "Kingston")),
        ("Fighters stormed a camp for displaced families near Kutum.", ("attack", "Kutum")),
        ("Police beat back marchers near Cusco, injuring 20.", ("attack", "Cusco")),
        ("The two leaders will meet in Accra next week.", ("meeting/summit", "Accra")),
        ("The envoy met regional governors in Dnipro on Friday.", ("meeting/summit", "Dnipro")),
        ("Nurses in Leeds walked off the job on Monday.", ("protest", "Leeds")),
        ("A pickup went off the road near Bemidji on Sunday.", ("crash", "Bemidji")),
        ("The driver lost control of his truck outside Fargo.", ("crash", "Fargo")),
        ("A pickup that struck a cyclist near Fargo did not stop.", ("crash", "Fargo")),
        # running into a hidden weapon is a bombing, whoever laid it
        ("Their jeep hit a roadside bomb near Gao on Monday.", ("attack", "Gao")),
        ("A shepherd stepped on a landmine outside Kharkiv.", ("attack", "Kharkiv")),
        ("Two guards died when their truck ran over a mine near Gao.", ("attack", "Gao")),
        # weapons fired or launched at a place
        ("Militias fired a volley of rockets at Bunia on Friday.", ("attack", "Bunia")),
        ("The army launched drones at Kramatorsk overnight.", ("attack", "Kramatorsk")),
        ("Insurgents lobbed mortar rounds into Kunduz.", ("attack", "Kunduz")),
        # water breaking through what holds it
        ("The swollen river breached an embankment near Sylhet.", ("flood", "Sylhet")),
        # a quake's measure between its noun and its verb
        ("A quake measuring 6.4 on the Richter scale shook Sylhet.", ("earthquake", "Sylhet")),
        # an aircraft going down, and where it had just taken off from
        ("A light aircraft went down in a field near Bemidji.", ("crash", "Bemidji")),
        ("A cargo plane crashed shortly after takeoff from Goma.", ("crash", "Goma")),
        # an armed raid on a place
        ("Bandits raided a market in Gusau on Friday.", ("attack", "Gusau")),
        ("Rebels overran an army post near Bunia.", ("attack", "Bunia")),
        # a stoppage or a vigil by its other names
        ("Dock workers downed tools at the port of Mombasa on Monday.", ("protest", "Mombasa")),
        ("Lecturers in Kampala boycotted classes for a second week.", ("protest", "Kampala")),
        ("Families held a vigil in Leeds to demand an inquiry.", ("protest", "Leeds")),
        # roads blocked in protest
        ("Farmers blocked roads around Lyon with tractors on Monday.", ("protest", "Lyon")),
        ("Striking drivers barricaded highways near Durban.", ("protest", "Durban")),
    ],
)
def test_the_words_of_violence_meetings_and_strikes(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "Lightning killed three farmers in Sylhet on Sunday.",
        "Prices dropped sharply in Kherson in March.",
        "The thief was caught on camera in Teruel.",
        "The council said it would meet the deadline in Leeds.",
        "If the talks fail, the rebels will attack Goma.",
        "She first met her husband at a dance in Leeds in 1990.",
        # an offence named by the law, not an event reported
        "He was charged with murder in Leeds on Monday.",
        "She faces a charge of leaving the scene of an accident in Leeds.",
        # aggregates and deals
        "Her car has been vandalised twice in Leeds this year.",
        "Rebels deny negotiating an evacuation deal for Douma.",
        "He met Anna at a party in Leeds.",
    ],
)
def test_no_attack_and_no_meeting(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_deaths_a_disaster_caused_are_no_attack(pipeline: Pipeline) -> None:
    body = "A landslide buried homes in Pokhara on Friday, killing six people."
    assert typed(pipeline, body) == [("landslide", "Pokhara")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # "X, where ...": the clause is about X
        (
            "The president flew to Tokyo on Sunday, with a stop in Manila, where he met his"
            " Philippine counterpart.",
            ("meeting/summit", "Manila", "reported"),
        ),
        # a meeting where the travellers went
        (
            "The minister travelled from Kyiv to Lviv on Friday and met local officials there.",
            ("meeting/summit", "Lviv", "reported"),
        ),
        (
            "The Dutch prime minister will visit Jakarta next month for talks on trade.",
            ("meeting/summit", "Jakarta", "planned"),
        ),
        (
            "Teachers striking in Charleston closed 40 schools.",
            ("protest", "Charleston", "reported"),
        ),
        (
            "Officials held an investment conference in Lagos on Monday.",
            ("meeting/summit", "Lagos", "reported"),
        ),
        # an event brought about, told with "the"
        (
            "A mudslide hit Pokhara on Monday. The slide forced an evacuation of nine homes.",
            ("evacuation", "Pokhara", "reported"),
        ),
    ],
)
def test_where_the_event_is_told(
    pipeline: Pipeline, body: str, expected: tuple[str, str, str]
) -> None:
    got = [(i.event_type, i.place.name, i.status) for i in incidents(pipeline, body)]
    assert expected in got


def test_an_announced_event_is_dated_ahead(pipeline: Pipeline) -> None:
    [meeting] = incidents(pipeline, "The two presidents will meet in Accra on Friday.")
    # the header's date is Friday, June 10, 2022: the Friday to come is that day
    assert meeting.status == "planned" and meeting.when is not None
    assert meeting.when.start.isoformat() == "2022-06-10"
    [meeting] = incidents(pipeline, "The two presidents will meet in Accra on Monday.")
    assert meeting.when is not None and meeting.when.start.isoformat() == "2022-06-13"


def test_two_towns_of_one_event_are_two_incidents(pipeline: Pipeline) -> None:
    body = "Deputies evacuated Wofford Heights and Kernville on Sunday."
    assert typed(pipeline, body) == [
        ("evacuation", "Wofford Heights"),
        ("evacuation", "Kernville"),
    ]


def test_no_place_is_carried_into_a_sentence_about_another_country(pipeline: Pipeline) -> None:
    body = "A man was stabbed in Cusco on Sunday. Police in Bolivia said a man was arrested."
    got = typed(pipeline, body)
    assert ("attack", "Cusco") in got and ("arrest", "Cusco") not in got


@pytest.mark.parametrize(
    "body",
    [
        "A fire broke out on a ferry sailing from Dover to Calais on Monday.",
        "Gunmen attacked a convoy travelling from Gao to Timbuktu on Monday.",
        "A fire broke out on a coach driving from Leeds to the station in York on Monday.",
    ],
)
def test_a_route_s_end_is_not_where_the_event_was(pipeline: Pipeline, body: str) -> None:
    # the vehicle was on its way there: the event was somewhere along the route
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Gunmen opened fire on a lorry travelling from Leeds to York near the town of Wetherby"
            " on Monday.",
            [("attack", "Wetherby")],
        ),
        (
            "About 200 supporters set off on a march from Leeds to the prison in York on Monday.",
            [("protest", "Leeds")],
        ),
        ("About 200 supporters marched from Leeds to York on Monday.", [("protest", "Leeds")]),
    ],
)
def test_where_an_event_on_a_route_is(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_range_of_places_is_no_route(pipeline: Pipeline) -> None:
    # no motion word takes "from": the places the protests spread over, not a journey
    body = "Protests by nurses continued in states from Ohio to Texas on Monday."
    assert ("protest", "Texas") in typed(pipeline, body)


def test_the_arrest_not_the_charge(pipeline: Pipeline) -> None:
    body = "A man was booked into the jail in Tulsa on a robbery charge."
    assert typed(pipeline, body) == [("arrest", "Tulsa")]


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


def test_a_state_named_again_for_its_town_s_event_is_that_event() -> None:
    town = Place("geonames:1", "Columbus", "city", "US", 39.96, -83.0, admin1="Ohio")
    state = Place("iso3166-2:US-OH", "Ohio", "admin1", "US", 40.4, -82.7, admin1="Ohio")
    other = Place("iso3166-2:US-MI", "Michigan", "admin1", "US", 44.3, -85.6, admin1="Michigan")
    country = Place("iso3166-1:US", "United States", "country", "US", 39.8, -98.6)

    def protest(place: Place, at: int, said: str = "x") -> tuple[Incident, bool]:
        return Incident(f"i{at}", "d", "protest", place, place.name, Span(said, at, at + 1)), False

    merged = _merge_incidents([protest(town, 0), protest(state, 10), protest(other, 20)])
    assert [i.place.name for i in merged] == ["Columbus", "Michigan"]
    # the state first, the town after: the town is kept
    merged = _merge_incidents([protest(state, 0), protest(town, 10)])
    assert [i.place.name for i in merged] == ["Columbus"]
    # a country may be told of apart ("also", "others"); else the town's event is its own
    apart = "Others also protested across the country."
    merged = _merge_incidents([protest(town, 0), protest(country, 10, apart)])
    assert [i.place.name for i in merged] == ["Columbus", "United States"]
    merged = _merge_incidents([protest(town, 0), protest(country, 10)])
    assert [i.place.name for i in merged] == ["Columbus"]


@pytest.mark.parametrize(
    "body",
    [
        "Vandals smashed the windscreen of a parked van in Derby on Friday.",
        "The windows of a mosque in Leeds were smashed overnight, police said.",
        "Someone slashed the tyres of four cars in Ipswich on Tuesday night.",
        "Headstones were defaced at a cemetery in Exeter last week.",
    ],
)
def test_vandalism_is_an_attack(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body)] == ["attack"]


@pytest.mark.parametrize(
    "body",
    [
        "High winds smashed windows across Dover on Monday.",
        "She smashed the course record in Berlin on Sunday.",
    ],
)
def test_damage_no_one_did_is_no_attack(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Villagers from Tamale fled to Accra on Monday after gunmen attacked their homes.",
            ("attack", "Tamale"),
        ),
        (
            "Nurses evacuated 20 patients from Kherson to Odesa on Sunday after shelling hit "
            "the city's main hospital.",
            ("attack", "Kherson"),
        ),
        (
            "About 300 people from Jalalabad crossed into Pakistan on Tuesday, fleeing "
            "artillery fire.",
            ("attack", "Jalālābād"),
        ),
        (
            "Families fled Mosul for Erbil after floods swept through the old town.",
            ("flood", "Mosul"),
        ),
        # help is sent to where it happened
        (
            "Rescue teams were sent from Guwahati to Silchar on Sunday after the river "
            "flooded much of the town.",
            ("flood", "Silchar"),
        ),
        (
            "Troops were deployed from Kampala to Gulu last week after clashes between traders.",
            ("attack", "Gulu"),
        ),
    ],
)
def test_what_people_fled_is_where_they_fled_from(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in typed(pipeline, body)


def test_a_move_after_an_event_says_not_where_it_was(pipeline: Pipeline) -> None:
    body = "Police moved the suspect from Leeds to York after a shooting."
    assert [t for t, _ in typed(pipeline, body)] == []


@pytest.mark.parametrize(
    "body,status",
    [
        ("Thousands of students marched through Dublin on Saturday.", "reported"),
        ("Crowds gathered in Tbilisi on Friday to protest against a new law.", "reported"),
        ("Hundreds of residents took to the streets of Nairobi on Monday.", "reported"),
        ("Thousands are expected to take to the streets of Rome on Saturday.", "planned"),
    ],
)
def test_the_ways_a_crowd_protests(pipeline: Pipeline, body: str, status: str) -> None:
    got = incidents(pipeline, body)
    assert [(i.event_type, i.status) for i in got] == [("protest", status)]


@pytest.mark.parametrize(
    "body",
    [
        "Troops marched into Kherson on Friday.",
        "Soldiers marched from Lyon to Dijon on Friday.",
        "A brass band marched through Dublin on Saturday.",
        "Workers hope to protest in Madrid next week.",
        "People rarely take to the streets in Oslo.",
    ],
)
def test_no_protest(pipeline: Pipeline, body: str) -> None:
    assert "protest" not in [t for t, _ in typed(pipeline, body)]


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


def test_a_sentence_without_a_place_takes_the_story_s(pipeline: Pipeline) -> None:
    # where the incident happened, not the first town the sentence named
    body = (
        "A freight train travelling from Pittsburgh to Chicago derailed near Alliance on"
        " Friday. About 2,000 residents were evacuated."
    )
    got = {(i.event_type, i.place.name, i.place_inferred) for i in incidents(pipeline, body)}
    assert ("evacuation", "Alliance", True) in got
    # also when a sentence in between named other places
    body = (
        "A store in Dayton was robbed on Monday. Officers from Springfield, Ohio, joined the"
        " search. Police arrested two men on Tuesday."
    )
    arrest = next(i for i in incidents(pipeline, body) if i.event_type == "arrest")
    assert arrest.place.name == "Dayton"


def test_a_dateline_inside_the_first_paragraph(pipeline: Pipeline) -> None:
    body = (
        "Two teens robbed on the east side. Ann Lee covers crime for us. Dayton, Ohio —"
        " Police said two teenagers were robbed at gunpoint on Saturday."
    )
    assert ("attack", "Dayton") in typed(pipeline, body)


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
        # what a body suffers is no arrest and no attack
        "A runner went into cardiac arrest at the finish line in Denver.",
        "She had a panic attack on a flight to Miami.",
        # an offence the law names, with the event only referred to
        "A Leeds man charged in the kidnapping of a Bristol woman was found unfit for trial.",
        "The man pleaded guilty to murder in a Leeds court on Monday.",
        "The pair face counts of aggravated battery and are held in the Leeds jail.",
        "A reward is offered for information leading to the arrest of the burglar in Leeds.",
        "The arrest affidavit was filed in Leeds on Monday.",
        # words used in another sense
        "The mayor sent a letter to officials in Leeds.",
        "An e-mail sent to the paper in Leeds explained the delay.",
        "The council demonstrated its resolve in Leeds.",
        "The author Flood spoke to a crowd in Leeds on Wednesday.",
        "Every contestant has a good shot at the crown in Leeds.",
        "Hackers launched malware attacks on banks in Leeds.",
        "Diners who go off the beaten path in Leeds find good food.",
        "Crews mounted an attack on the flames from a ladder in Leeds.",
        "A coach talks to students in Leeds.",
        "A mild spring brought an explosion of wildflowers near Leeds.",
        "A cyclist was killed in Leeds when a van driver accidentally struck him.",
        "A pistol and a single shot rifle were stolen from a garage in Leeds.",
        "The house in Leeds sustained heavy fire damage.",
        "Missing are three chainsaws and a drill from a shed in Leeds.",
        "The Leeds police arrest report said she swung a knife.",
        "Crews in Leeds answer nearly five fires a day.",
        # sports pages
        "The team rallied from a ten point deficit to beat Leeds.",
        "The enthusiastic fans flooded the court in Leeds.",
        # a meeting needs parties to talks
        "A former minister met with students in Leeds to discuss a website.",
        "After meeting with friends in Leeds, the pilot flew home.",
        "The bill went to a conference committee in Leeds.",
        "The council needs more money to meet its budget in Leeds.",
        "Relatives staged a protest demanding freedom for students jailed in Minsk.",
        # history told in passing
        "Hundreds of monks were arrested in Spain during World War Two.",
        "Rebels attacked the town of Goma in the 1990s.",
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


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Cyclist hurt in one-car crash\nDAYTON, Ohio — A cyclist was hurt, police said.\n",
            "crash",
        ),
        ("Two-car accident injures three\nDAYTON, Ohio — Three people were hurt.\n", "collision"),
        ("Warehouse fire\nDAYTON, Ohio — Crews worked through the night.\n", "fire"),
    ],
)
def test_a_headline_s_event_without_a_place_is_the_dateline_s(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    """A headline drops its articles ("hurt in crash"): its event is told, not named again,
    and the dateline's town is where it happened."""
    got = incidents(pipeline, text, header="")
    assert [(i.event_type, i.place.name, i.place_inferred) for i in got] == [
        (expected, "Dayton", True)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "DAYTON, Ohio — A teenager was hit by a truck as he ran from the shop.",
        "DAYTON, Ohio — A boy was hit by a van while he ran away from a dog.",
        "DAYTON, Ohio — Two men were shot as they fled the store, police said.",
    ],
)
def test_a_dateline_does_not_keep_a_sentence_s_event_unplaced(
    pipeline: Pipeline, body: str
) -> None:
    """The dateline names where the report is from, not a place the sentence gives its
    event: a sentence with two events and no other place takes the dateline's town."""
    got = [i for i in incidents(pipeline, body) if i.event_type in ("crash", "attack")]
    assert [i.place.name for i in got] == ["Dayton"]


@pytest.mark.parametrize(
    "body",
    [
        "The gang left the Dayton area in May before police raided two homes there and"
        " arrested a woman.",
        "Ardo moved to Dayton, Ohio, last year, and police arrested him there on Friday.",
        "A crew flew to Dayton to film the parade, and the police detained two of them there.",
    ],
)
def test_there_is_the_place_named_before_it(pipeline: Pipeline, body: str) -> None:
    """A locative "there" points back at the last place the sentence named, not at the
    place of the sentences before."""
    text = "Officers in Toledo said nothing. " + body
    got = [i for i in incidents(pipeline, text) if i.event_type == "arrest"]
    assert [(i.place.name, i.place_inferred) for i in got] == [("Dayton", False)]


@pytest.mark.parametrize(
    "body",
    [
        "Ardo Vale, 30, of Dayton, was hurt. Police said the Lincoln was hit by a bus.",
        "Ardo Vale, 30, of Dayton, was hurt. Police said the Durango was hit by a bus.",
        "Ardo Vale, 30, of Dayton, was hurt. Police said his 2006 Mercury was hit by a bus.",
    ],
)
def test_a_vehicle_named_like_a_town_is_no_place(pipeline: Pipeline, body: str) -> None:
    """A car's make or model ("the Durango", "a 2006 Mercury") is no incident's place: the
    event takes the report's town."""
    assert {i.place.name for i in incidents(pipeline, body)} <= {"Dayton"}


@pytest.mark.parametrize(
    "body,town",
    [
        ("A Lancaster man was arrested on Friday.", "Lancaster"),
        ("Two men were shot in the Bronx on Friday.", "The Bronx"),
        ("Police searched homes in the Dayton area and arrested two men.", "Dayton"),
    ],
)
def test_a_town_after_an_article_is_still_a_town(pipeline: Pipeline, body: str, town: str) -> None:
    assert [i.place.name for i in incidents(pipeline, body)] == [town]


def _named(text: str, at: int, place: Place) -> Toponym:
    return Toponym(Span(text, at, at + len(text)), place)


def test_a_town_alone_in_a_country_the_report_is_not_about_is_a_namesake() -> None:
    """A report whose places all lie in one country: a town read in another country that
    nothing else of the report is in is a word taken for a foreign namesake ("Colony" of a
    Texas village's name read as a Pacific town, a US "Berlin" read as Germany's)."""
    us = [
        _named("Ardmore", 0, Place("g:1", "Ardmore", "city", "US", 34.2, -97.1)),
        _named("Texas", 20, Place("g:2", "Texas", "admin1", "US", 31.0, -99.0)),
        _named("Dayton", 40, Place("g:3", "Dayton", "city", "US", 39.8, -84.2)),
    ]
    far = Place("g:4", "Kolonia", "city", "FM", 6.96, 158.2)
    assert lone_namesake(far, "Colony", [*us, _named("Colony", 60, far)])
    berlin = Place("g:5", "Berlin", "city", "DE", 52.5, 13.4)
    assert lone_namesake(berlin, "Berlin", [*us, _named("Berlin", 60, berlin)])
    # the report names the country, or another of its places: told of, kept
    germany = _named("Germany", 80, Place("g:6", "Germany", "country", "DE", 51.0, 10.0))
    assert not lone_namesake(berlin, "Berlin", [*us, _named("Berlin", 60, berlin), germany])
    # a country named by itself is what the report says
    assert not lone_namesake(germany.place, "Germany", [*us, germany])  # type: ignore[arg-type]
    # too few other places, or no one country they mostly lie in: no judgement
    assert not lone_namesake(berlin, "Berlin", us[:2])
    mixed = [
        *us[:2],
        _named("Lyon", 60, Place("g:7", "Lyon", "city", "FR", 45.8, 4.8)),
        _named("Nice", 70, Place("g:8", "Nice", "city", "FR", 43.7, 7.3)),
    ]
    assert not lone_namesake(berlin, "Berlin", mixed)


@pytest.mark.parametrize(
    "body",
    [
        "A man was shot on the North Side of Dayton on Friday.",
        "A store in Dayton was robbed on Monday. A clerk was shot in the West End on Tuesday.",
        "DAYTON, Ohio — A teenager was stabbed on the South Side on Friday, police said.",
    ],
)
def test_a_town_s_compass_quarter_is_that_town(pipeline: Pipeline, body: str) -> None:
    """ "The North Side", "the West End" are parts of the town the report is about, not the
    towns or districts of that name elsewhere that a gazetteer holds."""
    got = [i for i in incidents(pipeline, body) if i.event_type == "attack"]
    assert got and {i.place.name for i in got} == {"Dayton"}


@pytest.mark.parametrize(
    "body,place",
    [
        ("Two soldiers were killed in Afghanistan's Helmand province on Sunday.", "Helmand"),
        ("A bomb exploded in Pakistan's northwestern city of Peshawar on Monday.", "Peshawar"),
        ("Gunmen attacked a bus in Nigeria’s Borno state on Friday.", "Borno"),
    ],
)
def test_the_place_a_country_s_possessive_holds_is_the_event_s(
    pipeline: Pipeline, body: str, place: str
) -> None:
    """ "In Afghanistan's Helmand province": the province is where it happened, not the
    country that holds it."""
    assert [i.place.name for i in incidents(pipeline, body)] == [place]


@pytest.mark.parametrize(
    "body",
    [
        "A clerk was stabbed at Orange and Salem streets on Friday, Dayton police said.",
        "A cyclist was hit by a van near Orange and Walnut streets in Dayton on Friday.",
        "A brush fire burned near Fernhill, Preston and Orange roads in Dayton on Friday.",
    ],
)
def test_streets_named_together_are_no_towns(pipeline: Pipeline, body: str) -> None:
    """Names joined before a plural street word ("Orange and Walnut streets") are the
    streets of a crossing in the report's town, not the towns of those names."""
    assert {i.place.name for i in incidents(pipeline, body)} <= {"Dayton"}


def test_street_pair_reads_names_before_a_plural_street_word() -> None:
    def at(text: str, name: str) -> bool:
        i = text.index(name)
        return street_pair(text, i, i + len(name))

    assert at("hurt near Marion and Warren avenues", "Marion")
    assert at("hurt near Marion and Warren avenues", "Warren")
    assert at("past Fernhill, Preston and Clayton roads", "Clayton")
    assert at("at Orange & Elm streets", "Orange")
    assert not at("flooding hit Dayton, and many streets closed", "Dayton")
    assert not at("in Dayton and Toledo on Friday", "Dayton")
    assert not at("Dayton streets were empty", "Dayton")


@pytest.mark.parametrize(
    "body,kind",
    [
        ("A man was shot while riding his bike in Dayton on Friday.", "attack"),
        ("A jogger was hit by a van while running in Dayton on Friday.", "crash"),
        ("A jogger was attacked while running in a park in Dayton on Friday.", "attack"),
    ],
)
def test_where_the_hurt_were_going_about_is_where_it_happened(
    pipeline: Pipeline, body: str, kind: str
) -> None:
    """ "Shot while riding his bike in X": the "while" clause tells where they were when it
    happened; its motion word does not take the place from the event."""
    assert [(i.event_type, i.place.name) for i in incidents(pipeline, body)] == [(kind, "Dayton")]


@pytest.mark.parametrize(
    "body,place",
    [
        ("A man from Toledo was arrested in the centre of Dayton on Friday.", "Dayton"),
        ("Two people from Lyon were killed in the heart of Paris on Monday.", "Paris"),
        ("A man from Toledo was shot in a suburb of Dayton on Friday.", "Dayton"),
    ],
)
def test_the_part_of_a_town_is_that_town(pipeline: Pipeline, body: str, place: str) -> None:
    """ "In the centre of X", "the heart of X", "a suburb of X": X is where it happened, not
    the home named before."""
    assert [i.place.name for i in incidents(pipeline, body)] == [place]


@pytest.mark.parametrize(
    "body,place",
    [
        (
            "A bomb exploded on the outskirts of Kabul on Monday, officials in Kandahar said.",
            "Kabul",
        ),
        ("A man was stabbed in Leeds on Friday, a spokesman in London said.", "Leeds"),
        # the speakers' town is all the sentence gives: the town's police tell of their town
        ("Two men were killed on Monday, police in Dayton said.", "Dayton"),
    ],
)
def test_the_speakers_town_after_a_comma_is_not_where_it_happened(
    pipeline: Pipeline, body: str, place: str
) -> None:
    assert [i.place.name for i in incidents(pipeline, body)] == [place]


@pytest.mark.parametrize(
    "body",
    [
        "Two men were arrested Tuesday after deputies seized a drug lab near Dayton.",
        "Two sisters were detained Friday after officers raided a flat in Dayton.",
        "Three teenagers were arrested after officers stopped a stolen car in Dayton.",
    ],
)
def test_an_arrest_after_a_police_action_is_where_the_police_acted(
    pipeline: Pipeline, body: str
) -> None:
    assert [(i.event_type, i.place.name) for i in incidents(pipeline, body)] == [
        ("arrest", "Dayton")
    ]


def test_an_arrest_with_its_own_place_keeps_it(pipeline: Pipeline) -> None:
    got = typed(pipeline, "A man was arrested in Toledo after a robbery in Dayton.")
    assert ("arrest", "Toledo") in got and ("arrest", "Dayton") not in got


def test_a_town_the_state_after_its_name_does_not_hold_is_not_the_place() -> None:
    """ "ARDMORE, Minn." read as a town abroad or in another state: the text says which
    namesake it is; a list ("Ardmore, Minnesota and Texas") or a district after the comma
    outside the US says nothing of the kind."""
    minn = Place("g:1", "Minnesota", "admin1", "US", 46.0, -94.0)
    abroad = Place("g:2", "Ardmore", "city", "RS", 44.8, 20.5, admin1="Belgrade")
    texas = Place("g:3", "Ardmore", "city", "US", 34.2, -97.1, admin1="Texas")
    here = Place("g:4", "Ardmore", "city", "US", 45.0, -93.0, admin1="Minnesota")
    text = "ARDMORE, Minn. -- A fire broke out in Ardmore."
    tops = [_named("ARDMORE", 0, abroad), _named("Minn.", 9, minn), _named("Ardmore", 38, abroad)]
    assert denied_by_its_state(abroad, "Ardmore", text, tops)
    assert denied_by_its_state(texas, "Ardmore", text, tops)
    assert not denied_by_its_state(here, "Ardmore", text, tops)
    listed = "Ardmore, Minn. and Toledo were hit."
    assert not denied_by_its_state(abroad, "Ardmore", listed, tops[:2])
    wales = Place("g:5", "Gwynedd", "admin1", "GB", 52.9, -4.0)
    quay = Place("g:6", "Bala", "city", "GB", 52.9, -3.6, admin1="Wales")
    near = "close to Bala, Gwynedd, this week"
    assert not denied_by_its_state(
        quay, "Bala", near, [_named("Bala", 9, quay), _named("Gwynedd", 15, wales)]
    )


def test_where_the_hurt_are_treated_is_not_where_they_were_hurt(pipeline: Pipeline) -> None:
    body = (
        "Fire crews raced to the motorway near Leeds on Friday night. "
        "A cyclist died Sunday in a Manchester hospital from injuries suffered in a "
        "crash on Friday night."
    )
    got = incidents(pipeline, body)
    assert [i.place.name for i in got if i.event_type == "crash"] != ["Manchester"]
    assert all(i.place.name != "Manchester" for i in got)
    # named after the town, or "a hospital in" it
    for body in (
        "Two men were hurt in a shooting and taken to Leeds General Hospital.",
        "A woman died at a hospital in Leeds after a crash.",
    ):
        assert all(i.place.name != "Leeds" for i in incidents(pipeline, body))
    # nor where the arrested are held
    for body in (
        "She spent the night in the Leeds County Detention Center after the collision.",
        "He was held in the Leeds jail after his arrest on Friday.",
    ):
        assert all(i.place.name != "Leeds" for i in incidents(pipeline, body))
    # the hospital or the prison itself struck is still where it happened
    assert ("attack", "Kharkiv") in typed(pipeline, "A missile hit a hospital in Kharkiv.")
    assert ("attack", "Leeds") in typed(pipeline, "Inmates attacked a guard at the Leeds prison.")


def test_the_event_takes_the_date_told_after_its_word(pipeline: Pipeline) -> None:
    # the article is dated Friday, June 10, 2022
    [inc] = incidents(
        pipeline, "A Leeds woman died Sunday from injuries she suffered in a crash on Tuesday."
    )
    assert inc.when is not None and inc.when.start.isoformat() == "2022-06-07"
    [inc] = incidents(pipeline, "On Tuesday, police arrested a man in Leeds.")
    assert inc.when is not None and inc.when.start.isoformat() == "2022-06-07"


@pytest.mark.parametrize(
    "body,expected",
    [
        # deaths put down to an accident are the accident's, not an attack
        ("A retired teacher was killed in a road accident in Leeds.", [("crash", "Leeds")]),
        ("Four children were killed in a fire at a home in Leeds.", [("fire", "Leeds")]),
        # the same words in their event sense
        ("A tip from a neighbour led to the arrest of two men in Leeds.", [("arrest", "Leeds")]),
        ("Hundreds demonstrated in Leeds on Saturday.", [("protest", "Leeds")]),
        ("An explosion of a gas tank shook Leeds on Friday.", [("explosion", "Leeds")]),
        ("Rebels killed three soldiers in an ambush near Goma.", [("attack", "Goma")]),
        ("The leaders held talks in Leeds on Friday.", [("meeting/summit", "Leeds")]),
        ("The envoy met with Hamas leaders in Doha.", [("meeting/summit", "Doha")]),
        ("A second man was arrested in Leeds on Friday.", [("arrest", "Leeds")]),
        ("The river flooded the town of Leeds on Friday.", [("flood", "Leeds")]),
        ("Supporters rallied in Leeds on Saturday.", [("protest", "Leeds")]),
        # where the people it concerns are held is not where it happened
        ("Protesters rallied in Leeds for activists jailed in Minsk.", [("protest", "Leeds")]),
        # an event counted in a series, in the same sentence, is the one just told
        (
            "A truck bomb exploded in Kabul on Monday, leaving 12 dead, the third large attack "
            "in Afghanistan this week.",
            [("attack", "Kabul")],
        ),
        ("The governor held a meeting with union leaders in Leeds.", [("meeting/summit", "Leeds")]),
        ("A man was shot in Leeds on Friday.", [("attack", "Leeds")]),
    ],
)
def test_the_sense_of_the_word_decides(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a trade show, a lecture or a class is no talks between parties
        "A cardiology conference in Denver drew 3,000 doctors on Saturday.",
        "The school will host a parenting conference in Leeds next week.",
        # a quarrel between two people is no fighting
        "The senator clashed with the governor over the budget in Albany on Tuesday.",
        # what burns that is no blaze; figures of speech
        "The plant burned natural gas at a site near Tulsa.",
        "The rocket lifted off from a pad near Houston in a roar of fire.",
        "Dry air raised the fire danger across Reno on Tuesday.",
        "Neighbours in Dayton said it sounded like an explosion.",
        "She won the mayoral race in Dayton by a landslide.",
        # caught on tape, caught early: no arrest
        "The mayor was caught on a recording in Boston.",
        "Her illness was caught early at a clinic in Boston.",
        # a game's shot, an animal's attack, a rally that is no protest
        "The goalkeeper kept the shot out in Cairo on Sunday.",
        "A dog attack injured a boy in Leeds on Monday.",
        "An annual biker rally drew crowds to Sturgis on Saturday.",
        # a court's ruling, a sentence, a charge, a warrant
        "A court in Denver overturned the ban on Monday.",
        "A Salem woman is given nine years for killing a landlord.",
        "A woman in Dayton was accused of arson, assault, and theft.",
        "A judge issued a warrant for the driver's arrest in Dayton on Monday.",
        "The clerk falsely accused a neighbour of assault in Dayton.",
        # an event named again, a threat, a surname that speaks
        "A survivor of the school shooting in Parkland spoke in Denver on Monday.",
        "In Fresno he warned a cashier he was going to stage an attack.",
        "“We were lucky,” Flood said in Leeds.",
        "Blaze tells the council in Leeds the road is safe.",
        # one body's session, an acquaintance
        "The county board meets in Dover on Monday.",
        "County commissioners met in Dayton on Monday.",
        "She met Ms. Lane at a college in Boston.",
    ],
)
def test_other_senses_report_no_event(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Shots were fired outside a bar in Fresno on Sunday.", [("attack", "Fresno")]),
        ("Shots rang out near a school in Tacoma on Monday.", [("attack", "Tacoma")]),
        # demonstrators fighting the police are a protest (CHECK_NOTES.md)
        ("Protesters clashed with police in Lagos on Friday.", [("protest", "Lagos")]),
        ("Clashes between traders in Kisumu left two hurt on Monday.", [("attack", "Kisumu")]),
        ("A peace conference opened in Nairobi on Monday.", [("meeting/summit", "Nairobi")]),
        ("The barn burned down near Tulsa on Monday.", [("fire", "Tulsa")]),
        ("The suspect was caught in Miami on Friday.", [("arrest", "Miami")]),
        # the toll told after a comma is the event's, not another attack
        (
            "A car bomb exploded at a market in Mosul on Monday, killing nine people.",
            [("attack", "Mosul")],
        ),
    ],
)
def test_the_words_in_their_event_sense(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_an_event_named_again_takes_no_place_and_no_date_from_around_it(
    pipeline: Pipeline,
) -> None:
    # "the fire" is one told before: the crews' station is not where it burned
    assert typed(pipeline, "Firefighters from the Reno station put out the fire on Monday.") == []
    [inc] = incidents(
        pipeline, "A film screening on Saturday in Dayton looked back on the murders in Elgin."
    )
    assert (inc.place.name, inc.when) == ("Elgin", None)


def test_the_place_told_earlier_in_the_sentence_before_a_home(pipeline: Pipeline) -> None:
    body = (
        "Deputies tracked down the pair late Sunday in Fresno, but in a scuffle, the Modesto "
        "youth was stabbed."
    )
    assert typed(pipeline, body) == [("attack", "Fresno")]


def test_where_an_event_s_places_end(pipeline: Pipeline) -> None:
    # a new clause with its own subject: where he was taken afterwards is no crash site
    body = "Once her truck crashed into a fence near Elgin, she was dropped at an inn in Aurora."
    assert typed(pipeline, body) == [("crash", "Elgin")]
    # "X, where ...": the clause is about X, not what the talks were for
    body = (
        "The minister stopped in Dover, where he sat in on a conference of trade envoys on "
        "the recovery of Homs."
    )
    assert [p for _, p in typed(pipeline, body)] == ["Dover"]
    # a prison cell is where someone is held
    body = "His uncle mourned in a jail cell in Lima, Ohio, after a blaze in Dayton."
    assert all(p != "Lima" for _, p in typed(pipeline, body))


def test_the_dates_an_event_is_not_given(pipeline: Pipeline) -> None:
    # the article is dated Friday, June 10, 2022
    [inc] = incidents(
        pipeline, "Police arrested 12 people in raids in Hartford, police said Thursday."
    )
    assert inc.when is None  # the day of the statement, not of the raids
    [inc] = incidents(pipeline, "Near 4 a.m. on a Tuesday last November, a van crashed near Elgin.")
    assert inc.when is not None and (inc.when.start.isoformat(), inc.when.end.isoformat()) == (
        "2021-11-01",
        "2021-11-30",
    )
    # a year the sentence before gave dates no fire carried into the next
    got = incidents(
        pipeline, "The house in Dayton was built in 1907. There was a fire in the home."
    )
    assert [(i.place.name, i.when) for i in got] == [("Dayton", None)]


def test_another_event_of_the_same_kind_nearby_is_a_second_incident(pipeline: Pipeline) -> None:
    body = (
        "A crash closed the motorway at Leeds on Monday morning. An earlier crash shut a "
        "lane near Bradford on Monday."
    )
    assert sorted(p for _, p in typed(pipeline, body)) == ["Bradford", "Leeds"]
    # without "earlier", the second sentence tells the same crash again
    body = "A crash closed the motorway at Leeds on Monday. The crash near Bradford hurt two."
    assert len(typed(pipeline, body)) == 1


def test_a_death_the_report_puts_down_to_an_accident_is_no_attack(pipeline: Pipeline) -> None:
    body = (
        "Woman killed in Dover\n\nA woman died when her car crashed into a tree in Dover on "
        "Sunday.\n"
    )
    got = incidents(pipeline, body, header="")
    assert [(i.event_type, i.place.name) for i in got] == [("crash", "Dover")]


@pytest.mark.parametrize(
    "body",
    [
        # a long list of names is no headline: a band's "Fire" is no blaze
        "The lineup includes Arcade Fire, Jon Smith, Ana Lee & the Gulls, The Tin Men, Red "
        "Moon, Blue Jay, Kim Park, Sun Day, Old Oak, St. Paul & the Stars, Lee Ray and Max Doe.",
        "New limits oblige drillers to trap the gas burned or vented at wells near Tulsa.",
        "A court panel in Denver overturned Smith's conviction on Monday.",
        "He wrote to friends in Leeds, protesting that he had done nothing wrong.",
        "The hills near Reno were a blaze of colour on Sunday.",
        "The judge oversaw cases such as the double homicide in Dayton.",
        "The city pays informants in Newark to prevent terrorist attacks.",
        "Two teens carried out a string of robberies in Dayton in 2011.",
        # a victim's home in apposition is not where the accident was
        "A one-car accident on Sunday killed Robin Gray, 32, of Dover.",
        # an event named again, with a place far from its word
        "He was fined after the shooting and, before that, worked five years as a Reno officer.",
        "She has been kept at the Salem state hospital since her arrest in 2012.",
    ],
)
def test_no_incident_in_these_either(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_a_killing_named_again_in_a_relative_clause_takes_no_place(pipeline: Pipeline) -> None:
    body = (
        "An intruder killed a priest at a chapel in Dayton on Sunday. Since the man who "
        "killed him had come in by a side door, the new priest locked it."
    )
    assert typed(pipeline, body) == [("attack", "Dayton")]


def test_taken_into_custody_with_words_between(pipeline: Pipeline) -> None:
    body = "Deputies took the 23-year-old suspect into custody in Elgin on Friday."
    assert typed(pipeline, body) == [("arrest", "Elgin")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # an arrest over an offence told right after it is placed with it
        (
            "A man was arrested in an attempted robbery in Elgin on Monday.",
            [("arrest", "Elgin"), ("attack", "Elgin")],
        ),
        (
            "Fresno teen arrested in failed robbery.",
            [("arrest", "Fresno"), ("attack", "Fresno")],
        ),
        # where someone was taken from is where the abduction happened
        (
            "Two men abducted a woman from a mall in Elgin on Monday.",
            [("disappearance", "Elgin")],
        ),
        ("A trooper lost control of her patrol car near Elgin on Friday.", [("crash", "Elgin")]),
        ("Gunmen tried to rob a shop in Elgin on Monday.", [("attack", "Elgin")]),
        ("A donors' conference opened in Nairobi on Monday.", [("meeting/summit", "Nairobi")]),
    ],
)
def test_what_real_reports_also_say(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_plane_that_disappeared_is_not_where_its_passengers_came_from(
    pipeline: Pipeline,
) -> None:
    body = "The airliner disappeared in May 2009 with 150 passengers, mostly from Peru, on board."
    assert typed(pipeline, body) == []


def test_two_events_of_one_kind_in_one_sentence_keep_their_own_places(pipeline: Pipeline) -> None:
    body = "A bomb exploded in Kabul on Monday and another exploded in Kandahar on Tuesday."
    got = incidents(pipeline, body)
    assert [(i.place.name, i.when and i.when.start.isoformat()) for i in got] == [
        ("Kabul", "2022-06-06"),
        ("Kandahār", "2022-06-07"),
    ]


def test_a_second_event_is_a_new_one(pipeline: Pipeline) -> None:
    body = (
        "A fire destroyed a warehouse in Dayton on Monday. On Tuesday, a second fire broke out "
        "in Dayton."
    )
    assert len(incidents(pipeline, body)) == 2


def test_workers_walking_out_is_a_strike(pipeline: Pipeline) -> None:
    body = "Hundreds of workers walked out at a factory in Leeds on Monday."
    assert typed(pipeline, body) == [("protest", "Leeds")]
    assert typed(pipeline, "The diners walked out before the close of a banquet in Leeds.") == []


def test_an_accident_is_a_crash_only_on_the_road(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A car accident closed a road in Dayton on Monday.") == [
        ("crash", "Dayton")
    ]
    assert typed(pipeline, "The coroner in Dayton said her death was an accident.") == []


def test_one_event_dated_twice_in_other_words_is_one_incident(pipeline: Pipeline) -> None:
    # the article is dated Friday, June 10, 2022
    body = (
        "Gunmen killed a shopkeeper in Kano on Wednesday. The shopkeeper was shot on "
        "June 8, 2022, police said."
    )
    assert typed(pipeline, body) == [("attack", "Kano")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A Dayton woman died Sunday after her car hit a tree on Route 4.", ("crash", "Dayton")),
        (
            "Two people were hurt when a pickup rear-ended a van near Elgin on Friday.",
            ("collision", "Elgin"),
        ),
        (
            "A tractor-trailer jackknifed on the freeway near Fresno early Monday.",
            ("crash", "Fresno"),
        ),
        ("The driver was thrown out when the SUV rolled over near Elgin.", ("crash", "Elgin")),
        ("A plane went down in a field near Elgin on Sunday.", ("crash", "Elgin")),
        ("Flames engulfed a barn near Elgin late Monday.", ("fire", "Elgin")),
        (
            "Residents held a vigil in Dayton on Sunday to protest the shooting.",
            ("protest", "Dayton"),
        ),
    ],
)
def test_the_words_of_local_accident_and_protest_reports(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in typed(pipeline, body)


def test_an_event_said_to_be_scheduled_is_planned(pipeline: Pipeline) -> None:
    [inc] = incidents(pipeline, "A protest in Dayton was set for Saturday.")
    assert (inc.event_type, inc.status) == ("protest", "planned")
    [inc] = incidents(pipeline, "The summit in Accra was held on Monday.")
    assert inc.status == "reported"


def test_feared_and_background_events_are_not_told(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Her son in Dayton lives in fear of arrest.") == []
    assert typed(pipeline, "He was renting a flat in Dayton at the time he disappeared.") == []


def test_a_fire_told_as_history_is_no_arson_the_report_tells_of(pipeline: Pipeline) -> None:
    # the article is dated June 10, 2022
    body = (
        "A fire set by an arsonist gutted a shop in Dayton on Monday. A fire gutted the "
        "owner's diner in Dayton in 2005."
    )
    got = incidents(pipeline, body)
    assert sorted((i.event_type, i.when.start.year if i.when else None) for i in got) == [
        ("attack", 2022),
        ("fire", 2005),
    ]


def test_the_town_an_event_was_near_before_the_region_it_is_in(pipeline: Pipeline) -> None:
    body = "Troops shot a man at a checkpoint near Kisumu in western Kenya on Monday."
    assert typed(pipeline, body) == [("attack", "Kisumu")]


def test_a_vehicle_off_the_road(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A bus plunged into a ravine near Cusco on Monday.") == [
        ("crash", "Cusco")
    ]
    assert typed(pipeline, "A boy tumbled into a creek near Dayton on Monday.") == []


@pytest.mark.parametrize(
    "body",
    [
        "A Dayton teenager initially reported as an abduction victim had stayed with friends"
        " in Leeds, police said.",
        "At first, deputies believed the man had been shot near Fresno, but he had fallen from"
        " a ladder.",
        "Two men originally identified as shooting victims had been hurt by fireworks in Dayton.",
    ],
)
def test_an_event_first_taken_for_what_it_was_not_is_not_told(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        # a toll first given, an event first told: they stand
        ("Officials initially reported 10 dead in the crash near Reno on Monday.", "crash"),
        ("Police first reported that a man was stabbed in Leeds on Friday.", "attack"),
        ("Police initially said that a man was stabbed in Leeds on Friday.", "attack"),
    ],
)
def test_an_event_first_told_stands(pipeline: Pipeline, body: str, expected: str) -> None:
    assert [t for t, _ in typed(pipeline, body)] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "He had a meeting with his probation officer in Dayton on Tuesday.",
        "The coach held a meeting with his attorney in Dayton on Monday.",
        "A warrant was issued after he failed to attend a meeting with the mayor in Leeds on"
        " Monday.",
    ],
)
def test_an_appointment_or_a_missed_meeting_is_no_meeting(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_talks_with_a_counterpart_are_a_meeting(pipeline: Pipeline) -> None:
    body = "The minister met with his Russian counterpart in Geneva on Friday."
    assert [t for t, _ in typed(pipeline, body)] == ["meeting/summit"]


@pytest.mark.parametrize(
    "body,place",
    [
        (
            "Police arrested a woman in Reno on Sunday. She grew up in Sparks. Her sister in"
            " Fresno called the police. She was arrested at her flat, police said.",
            "Reno",
        ),
        (
            "Two men were stabbed in Dayton on Friday. One grew up in Akron. His brother in"
            " Toledo called the police. One was stabbed in the neck, police said.",
            "Dayton",
        ),
        (
            "A gunman killed a guard in Fresno on Friday. The guard grew up in Modesto. His"
            " brother in Sacramento called the police. The gunman killed him with a rifle,"
            " police said.",
            "Fresno",
        ),
    ],
)
def test_an_event_told_again_without_a_place_keeps_the_place_told_first(
    pipeline: Pipeline, body: str, place: str
) -> None:
    # the last sentence tells the first one's event again; the place a relative was in is
    # no place of it
    assert [p for _, p in typed(pipeline, body)] == [place]


def test_an_event_on_another_day_is_another_event(pipeline: Pipeline) -> None:
    body = (
        "Residents were evacuated from a block in Leeds on Monday. The landlord grew up in"
        " York. Tenants were evacuated again on Wednesday, officials said."
    )
    assert len([t for t, _ in typed(pipeline, body) if t == "evacuation"]) == 2


def test_an_event_placed_by_the_dateline_is_kept_beside_a_later_one(pipeline: Pipeline) -> None:
    # told first, at the dateline's town: an event of the same kind told later elsewhere is
    # another one, not this one again
    body = (
        "SALEM, Ore. — Teachers protested outside the statehouse on Monday. Teachers in"
        " Kentucky protested on the same day."
    )
    assert [p for t, p in typed(pipeline, body) if t == "protest"] == ["Salem", "Kentucky"]


@pytest.mark.parametrize(
    "body,place",
    [
        # the part's name is read as a namesake far away: the town holds the event
        ("A man was shot in the Roxbury section of Boston on Friday.", "Boston"),
        (
            "Two teenagers were stabbed in the Chelsea neighborhood of Manhattan on Sunday.",
            "Manhattan",
        ),
        ("A woman was stabbed in the Kensington district of London on Monday.", "London"),
        # a part that lies in its town is the finer place
        ("A man was shot in the Hyde Park neighborhood of Chicago on Friday.", "Hyde Park"),
        ("A fire gutted a store in the Germantown neighborhood of Philadelphia.", "Germantown"),
    ],
)
def test_a_part_of_a_town_read_as_a_namesake_gives_way_to_the_town(
    pipeline: Pipeline, body: str, place: str
) -> None:
    assert [p for _, p in typed(pipeline, body)] == [place]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Rebels shelled a city in northern Syria on Tuesday. They shelled Aleppo for three"
            " hours, a monitor said.",
            [("attack", "Aleppo")],
        ),
        (
            "Two journalists were arrested in Turkey on Monday. Police arrested them at a hotel"
            " in Istanbul.",
            [("arrest", "Istanbul")],
        ),
        (
            "A bus crashed in Peru on Monday. The bus crashed on a mountain road near Cusco.",
            [("crash", "Cusco")],
        ),
        # told as another event besides the town's: the country stays its place
        (
            "Police arrested a man in Istanbul on Monday. Two other men were also arrested in"
            " Turkey on Monday.",
            [("arrest", "Istanbul"), ("arrest", "Turkey")],
        ),
    ],
)
def test_a_country_is_no_place_for_an_event_the_report_puts_in_its_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The school board in Dayton met on Monday. Members spoke for an hour. Another Akron"
        " student was shot last spring, a member said.",
        "Two men were charged in Leeds on Monday. Bail was refused. A Glasgow student was"
        " stabbed in 2019, the court heard.",
        "Three men were charged in Reno on Monday. The judge set bail at 5,000 dollars. A"
        " Fresno woman was robbed last year, prosecutors said.",
    ],
)
def test_an_event_told_in_passing_by_its_victim_s_home_has_no_place(
    pipeline: Pipeline, body: str
) -> None:
    # further on in a report, a town named only as someone's home is who they are, not
    # where it happened, and the report's own town is not where it happened either
    assert [t for t, _ in typed(pipeline, body) if t == "attack"] == []


def test_the_opening_s_event_is_at_the_home_of_whom_it_befell(pipeline: Pipeline) -> None:
    body = "A Leeds woman died on Sunday when a van struck her bicycle. She was 40."
    assert typed(pipeline, body) == [("crash", "Leeds")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Firefighters battled two house fires overnight. The first broke out at a home on"
            " Elm Street in Leeds.",
            [("fire", "Leeds")],
        ),
        (
            "Police are investigating two shootings. The first happened on Monday in Dayton.",
            [("attack", "Dayton")],
        ),
        (
            "Two crashes closed the motorway on Friday. The second happened near Leeds at noon.",
            [("crash", "Leeds")],
        ),
        # nothing counted before: an ordinal tells no event
        ("Two teams played on Friday. The first started in Leeds.", []),
    ],
)
def test_one_of_the_events_counted_before_told_by_its_ordinal(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The foreign minister left for Ottawa on a snowy morning to meet with her"
            " counterparts.",
            [("meeting/summit", "Ottawa", "reported")],
        ),
        (
            "Senator Jane Roe travelled to Austin last week to meet with United Steelworkers"
            " officials.",
            [("meeting/summit", "Austin", "reported")],
        ),
        (
            "The mayor will travel to Denver later this month to meet with transit officials.",
            [("meeting/summit", "Denver", "planned")],
        ),
        # a journey made, talks refused or only wished for: none
        ("The minister flew to Paris but refused to meet the protesters.", []),
        ("He wanted to fly to Boston to meet his brother.", []),
    ],
)
def test_the_talks_a_journey_was_made_for(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str]]
) -> None:
    got = [(i.event_type, i.place.name, i.status) for i in incidents(pipeline, body)]
    assert got == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "DAYTON - A man police say stole a bicycle was struck by car as he fled on foot.",
            ("crash", "Dayton"),
        ),
        (
            "A girl, 9, was knocked down by a passing van outside her school in Leeds on Monday.",
            ("crash", "Leeds"),
        ),
        ("An elderly man was run over by a delivery truck in Boise on Friday.", ("crash", "Boise")),
    ],
)
def test_someone_struck_by_a_vehicle_however_the_vehicle_is_told(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in typed(pipeline, body)


def test_struck_by_something_that_is_no_vehicle_is_no_crash(pipeline: Pipeline) -> None:
    assert typed(pipeline, "The senator was hit by a wave of criticism in Boise.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Deputies got calls about a possible shooting at a mall in Dayton on Friday.",
        "Schools in Leeds were warned of a potential attack on Monday.",
        "Residents of Boise heard of a rumoured kidnapping near the park on Sunday.",
        "Shooting threat at Dayton mall a hoax.",
        "Police foiled a bombing plot in Boise on Friday.",
    ],
)
def test_an_event_only_feared_is_none(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_a_shooting_told_plainly_is_still_one(pipeline: Pipeline) -> None:
    body = "A shooting at a mall in Dayton on Friday left two hurt."
    assert typed(pipeline, body) == [("attack", "Dayton")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The police killing of a teenager in Dayton last week sparked two days of protests.",
            [("attack", "Dayton"), ("protest", "Dayton")],
        ),
        (
            "The arrest of the opposition leader in Accra on Monday triggered demonstrations.",
            [("arrest", "Accra"), ("protest", "Accra")],
        ),
        (
            "A shooting at a school in Boise prompted angry rallies.",
            [("attack", "Boise"), ("protest", "Boise")],
        ),
    ],
)
def test_protests_an_event_set_off_are_where_it_was(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Teen dies in pileup. A three-car pileup here on Sunday night killed a student."
            " Jane Roe, 18, of Dayton died Monday in a Columbus hospital.",
            [("collision", "Dayton", True)],
        ),
        (
            "Man shot outside bar. A man was shot here early Sunday, police said. The victim,"
            " of Akron, was taken to a Cleveland hospital.",
            [("attack", "Akron", True)],
        ),
        # the only town the report names may be a name read as one: no "here" to go by
        ("Driver dies in wreck here. Raby was driving a truck that left the road.", []),
    ],
)
def test_an_event_here_is_at_the_town_the_report_is_from(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, bool]]
) -> None:
    doc = parse_document(body.encode(), "here.txt")
    got = [(i.event_type, i.place.name, i.place_inferred) for i in pipeline.extract(doc).incidents]
    assert got == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Fighting broke out in Mogadishu on Tuesday between government troops and militants.",
            [("attack", "Mogadishu")],
        ),
        ("Fierce fighting raged around Aleppo overnight.", [("attack", "Aleppo")]),
        (
            "Two weeks of fierce fighting between the army and rebels near Goma ended on Sunday.",
            [("attack", "Goma")],
        ),
        # fighting that is no battle
        ("The senator is fighting the charges in a Boise court.", []),
    ],
)
def test_armed_fighting_is_an_attack(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "A fire destroyed a barn on Mill Road in Dayton on Monday. Crews fought several"
            " other fires that day, among them a grass fire on Elm Street in Dayton and a"
            " wildfire near Xenia.",
            [("fire", "Dayton"), ("fire", "Dayton"), ("fire", "Xenia")],
        ),
        (
            "A man was shot in Dayton on Friday. Police are looking into other shootings that"
            " night, including a shooting on Oak Street in Dayton.",
            [("attack", "Dayton"), ("attack", "Dayton")],
        ),
        (
            "A truck crashed on Route 9 in Leeds on Monday. Other crashes snarled traffic,"
            " among them a crash on Park Road in Leeds.",
            [("crash", "Leeds"), ("crash", "Leeds")],
        ),
    ],
)
def test_an_event_listed_among_other_events_is_one_more(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(typed(pipeline, body)) == sorted(expected)


def _headlined(pipeline: Pipeline, headline: str, body: str) -> list[Incident]:
    return incidents(pipeline, body, header=f"{headline}   Ann Writer Reuters June 10, 2022\n")


def test_a_headline_country_is_the_datelines_city(pipeline: Pipeline) -> None:
    # the headline names the country for readers abroad; the dateline where the story is
    [inc] = _headlined(
        pipeline,
        "Six activists detained in Moldova",
        "CHISINAU, Moldova — A judge ordered the six to stay in custody for a month.",
    )
    assert (inc.event_type, inc.place.name, inc.place_inferred) == ("arrest", "Chisinau", True)
    # a dateline from another country says nothing of where the headline's event was
    [inc] = _headlined(
        pipeline,
        "Six activists detained in Moldova",
        "BUCHAREST, Romania — A judge there ordered the six to stay in custody for a month.",
    )
    assert (inc.event_type, inc.place.name) == ("arrest", "Moldova")


@pytest.mark.parametrize("fight", ["brawl", "melee", "fistfight"])
def test_a_brawl_is_an_attack(pipeline: Pipeline, fight: str) -> None:
    body = f"A {fight} outside a tavern in Dover, Delaware, left three men hurt on Saturday."
    assert typed(pipeline, body) == [("attack", "Dover")]


def test_a_bracketed_dateline_names_the_city(pipeline: Pipeline) -> None:
    # (a dateline read as the state of its name: tests/geomap/events/test_discourse.py)
    [inc] = incidents(pipeline, "(NEW YORK) — Two men were stabbed outside a theatre on Friday.")
    assert (inc.event_type, inc.place.name, inc.place.feature_type) == (
        "attack",
        "New York City",
        "city",
    )


@pytest.mark.parametrize(
    "body,actor",
    [
        # a manner adverb is not part of who did it; a time alone is nobody
        ("Two farmers fatally shot a goat thief in Dover, Delaware, on Friday.", "Two farmers"),
        ("Officers called to a farm on Friday fatally shot a gunman in Dover, Delaware.", None),
        ("A clerk was found fatally stabbed in Dover, Delaware, on Friday.", None),
        # a noun phrase, not the preposition before it
        (
            "A seventh man, not named among the club's members arrested in Dover, Delaware, "
            "on Monday, was held too.",
            "the club's members",
        ),
    ],
)
def test_the_actor_leaves_out_adverbs_times_prepositions(
    pipeline: Pipeline, body: str, actor: str | None
) -> None:
    [inc, *_] = incidents(pipeline, body)
    assert inc.actor1 == actor


@pytest.mark.parametrize(
    "body,expected",
    [
        # the event was held there: not where people are held
        ("A peace conference was held in Oslo in May.", ("meeting/summit", "Oslo", "reported")),
        ("A rally was held in Dover, Delaware, on Saturday.", ("protest", "Dover", "reported")),
        ("The summit is to be held in Oslo next month.", ("meeting/summit", "Oslo", "planned")),
        # a relative clause on the event noun tells where it was
        (
            "The envoy spoke at the donors' conference, which was held in Oslo.",
            ("meeting/summit", "Oslo", "reported"),
        ),
        (
            "Two men died in the explosion, which happened at a depot in Dover, Delaware.",
            ("explosion", "Dover", "reported"),
        ),
    ],
)
def test_an_event_held_in_a_town_is_there(
    pipeline: Pipeline, body: str, expected: tuple[str, str, str]
) -> None:
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.place.name, inc.status) == expected


def test_people_held_in_a_town_are_not_an_event_there(pipeline: Pipeline) -> None:
    body = "Hundreds rallied in Vilnius on Sunday for the activists held in Minsk."
    assert typed(pipeline, body) == [("protest", "Vilnius")]


@pytest.mark.parametrize(
    "second,kind",
    [
        ("Arson investigators from the state were back at the scene on Tuesday.", "fire"),
        ("The chief said the fire may have been set deliberately.", "fire"),
        ("Officials have ruled out arson.", "fire"),
        ("The chief said the fire was set deliberately.", "attack"),
    ],
)
def test_a_fire_is_an_attack_only_when_the_report_says_it_was_set(
    pipeline: Pipeline, second: str, kind: str
) -> None:
    body = f"Firefighters battled a blaze that destroyed a barn in Dayton on Monday. {second}"
    assert typed(pipeline, body) == [(kind, "Dayton")]


@pytest.mark.parametrize(
    "words,told",
    [
        ("a bomb exploded", True),
        ("the bomb squad was called", False),
        ("arson investigators arrived", False),
        ("it was possibly arson", False),
        ("the blaze was set intentionally", True),
        ("the blaze was not set intentionally", False),
    ],
)
def test_perpetrator_told(words: str, told: bool) -> None:
    from geomap.events.triggers import perpetrator_told

    assert perpetrator_told(words.split()) is told


def test_an_accidental_shooting_is_no_attack(pipeline: Pipeline) -> None:
    body = "A hunter died of an accidental gunshot wound near Dayton on Monday."
    assert typed(pipeline, body) == []
    assert typed(pipeline, "A hunter was accidentally shot near Dayton on Monday.") == []
    assert typed(pipeline, "A hunter was shot near Dayton on Monday.") == [("attack", "Dayton")]


@pytest.mark.parametrize(
    "body",
    [
        # generic statements about many events
        "Shootings are common in Dayton.",
        "Arrests were up 5 percent in Dayton last year.",
        # an event word naming a drill, a sign, a rate or a risk
        "The earthquake drill in Padang went smoothly on Monday.",
        "A protest sign hung in a shop window in Leeds.",
        "The crash rate in Dayton rose 10 percent last year.",
        # figures of speech
        "The senator attacked the plan in a speech in Dayton on Monday.",
        "Critics launched an attack on the budget in Dayton on Monday.",
        "Prices exploded in Dayton last year.",
        "The market crash hit investors in London.",
        "Sales crashed in Dayton last year.",
        "The Soyuz crew blasts off from Baikonur on Monday.",
        # sports
        "The striker shot wide in the final minute in Leeds on Saturday.",
        "The visitors stormed back in the second half in Leeds on Saturday.",
        "The home side's offense exploded for 40 points in Dayton on Saturday.",
        # no person's doing
        "A dog attacked a boy in Dayton on Monday.",
        # feared or called off, not told
        "Residents were warned of possible flooding in Dhaka.",
        "Officials warned of the risk of landslides near Pokhara.",
        "The summit planned for Accra was cancelled.",
        "The march in Leeds was called off on Monday.",
    ],
)
def test_statements_that_report_no_event(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Gunmen attacked a police post in Kisumu on Monday.", [("attack", "Kisumu")]),
        ("Troops stormed the compound in Kisumu on Monday.", [("attack", "Kisumu")]),
        ("A car crashed into a tree in Dayton on Monday.", [("crash", "Dayton")]),
        ("Flooding hit Dhaka on Monday, despite warnings.", [("flood", "Dhaka")]),
        ("Protesters marched in Leeds on Monday despite the ban.", [("protest", "Leeds")]),
    ],
)
def test_events_next_to_those_words_are_still_told(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "A man was shot in Dayton on Monday and died at a hospital in Toledo.",
            [("attack", "Dayton")],
        ),
        (
            "A man arrested in Dayton on Monday was charged with a stabbing in Toledo.",
            [("arrest", "Dayton")],
        ),
        # one event at two places named together, and a hospital as the only place, stay
        (
            "Police arrested two men in Dayton and Toledo on Monday.",
            [("arrest", "Dayton"), ("arrest", "Toledo")],
        ),
        ("A gunman opened fire at a hospital in Toledo on Monday.", [("attack", "Toledo")]),
    ],
)
def test_a_later_place_of_another_clause_is_not_the_events(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "A stabbing at a party killed a man and left four others in custody early Sunday,"
            " Dayton police said.",
            [("attack", "Dayton")],
        ),
        (
            "A crash killed a woman and left a man in critical condition in Dayton on Sunday.",
            [("crash", "Dayton")],
        ),
    ],
)
def test_people_left_in_a_state_are_no_second_event(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    # "left ... in custody" is no departure, so the one event takes the town of the police
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The quakes struck near Padang and Medan on Monday.",
            [("earthquake", "Padang"), ("earthquake", "Medan")],
        ),
        ("Mudslides buried two roads near Pokhara on Monday.", [("landslide", "Pokhara")]),
        ("Bushfires destroyed homes near Perth on Monday.", [("fire", "Perth")]),
    ],
)
def test_disasters_told_in_the_plural(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_protesters_clashing_with_police_are_a_protest(pipeline: Pipeline) -> None:
    body = "Demonstrators clashed with police in Leeds on Saturday."
    assert typed(pipeline, body) == [("protest", "Leeds")]
    assert typed(pipeline, "Rebels clashed with troops near Kisumu on Monday.") == [
        ("attack", "Kisumu")
    ]


def test_a_plea_names_an_offence_not_an_event(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A man pleaded guilty in Dayton on Monday to a shooting.") == []


def test_an_event_takes_the_first_date_told_after_it(pipeline: Pipeline) -> None:
    # the article is dated June 10, 2022
    body = "A man who was shot in Dayton in 2019 was arrested in Toledo on Monday."
    got = {
        i.event_type: (i.when.start.isoformat(), i.when.end.isoformat())
        for i in incidents(pipeline, body)
        if i.when
    }
    assert got == {"attack": ("2019-01-01", "2019-12-31"), "arrest": ("2022-06-06", "2022-06-06")}
    # a weekday in apposition to the full date is that date
    [inc] = incidents(pipeline, "A man was stabbed in Dayton on Saturday, March 12, police said.")
    assert inc.when is not None and inc.when.start.isoformat() == "2022-03-12"


def test_a_house_set_ablaze_is_arson(pipeline: Pipeline) -> None:
    [inc] = incidents(pipeline, "Two men set a house ablaze in Dayton on Monday.")
    assert (inc.event_type, inc.sub_event_type, inc.place.name) == ("attack", "arson", "Dayton")
    assert typed(pipeline, "The stadium was set to host the final in Dayton on Monday.") == []


@pytest.mark.parametrize(
    "body",
    [
        "A boy was struck by a truck while crossing the street in Dayton on Monday.",
        "A woman crossing Maple Road in Dayton was hit by a southbound car on Monday.",
    ],
)
def test_a_pedestrian_crossing_a_road_is_struck_not_crossing_a_border(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("crash", "Dayton")]


def test_a_crossing_of_a_border_is_still_one(pipeline: Pipeline) -> None:
    got = typed(pipeline, "Forty migrants crossed the border into Mexico near Tijuana on Monday.")
    assert ("border crossing", "Tijuana") in got


@pytest.mark.parametrize(
    "body",
    [
        "A Dayton man was held without bond on Monday in Toledo.",
        "A Dayton man is being held on $20,000 bail in Toledo.",
    ],
)
def test_held_without_bond_is_an_arrest(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("arrest", "Toledo")]


def test_held_without_bond_said_ahead_is_no_arrest(pipeline: Pipeline) -> None:
    body = "A judge in Toledo will decide on Monday whether the man can be held without bail."
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Bus crash victims had Dayton ties.",
        "Two people who died in a bus crash in Toledo on Sunday had ties to Dayton.",
        "A woman who was shot in Toledo on Monday had roots in Dayton.",
        "A Dayton native was shot in Columbus on Monday.",
    ],
)
def test_a_place_a_person_is_tied_to_is_not_the_event_s(pipeline: Pipeline, body: str) -> None:
    assert "Dayton" not in [place for _, place in typed(pipeline, body)]


def test_an_arrest_told_after_the_attack_without_a_place_is_at_the_attack_s(
    pipeline: Pipeline,
) -> None:
    body = "A gunman shot a clerk in Dayton on Monday and was arrested an hour later."
    assert typed(pipeline, body) == [("attack", "Dayton"), ("arrest", "Dayton")]
    # the arrest a speaker reports is placed no further than the speaker
    body = "A man was stabbed in Dayton on Monday, and police said they arrested his brother."
    assert typed(pipeline, body) == [("attack", "Dayton")]


@pytest.mark.parametrize(
    "body",
    [
        "A Toledo man was charged Monday in the fatal shooting of a clerk in Dayton on Friday.",
        "A Toledo woman is suspected in the robbery on Saturday of a couple in Dayton.",
        "Two brothers were charged Tuesday in the stabbing death of their uncle in Dayton.",
    ],
)
def test_an_event_told_with_its_victim_or_day_after_a_charge_is_an_attack(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("attack", "Dayton")]


@pytest.mark.parametrize(
    "body",
    [
        "A Toledo man was charged with robbery and assault in Dayton on Monday.",
        "A man was charged in a recent homicide in Dayton.",
    ],
)
def test_offences_a_charge_names_are_no_attack(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_what_someone_recovers_from_is_not_placed_at_the_hospital(pipeline: Pipeline) -> None:
    body = "Jane Roe is recovering from a car crash at Dayton General Hospital."
    assert typed(pipeline, body) == []
    body = "A Toledo teacher was honoured on Monday. She is still recovering from a car crash."
    assert typed(pipeline, body) == []
    # the place and day told for it still make it one
    body = "Jane Roe is recovering from a car crash in Dayton on Monday."
    assert typed(pipeline, body) == [("crash", "Dayton")]
    assert typed(pipeline, "A gunman opened fire at Dayton General Hospital on Monday.") == [
        ("attack", "Dayton")
    ]


def test_a_town_named_once_in_a_state_the_report_is_not_about_is_a_namesake() -> None:
    """A report whose US places all lie in one state: a town named once, read in another
    state that nothing else of the report is in, is a namesake (a street or a person named
    like a town elsewhere)."""
    ohio = [
        _named("Dayton", 0, Place("g:1", "Dayton", "city", "US", 39.8, -84.2, admin1="Ohio")),
        _named("Ohio", 20, Place("g:2", "Ohio", "admin1", "US", 40.4, -82.7, admin1="Ohio")),
    ]
    far = Place("g:3", "Marlow", "city", "US", 34.6, -97.9, admin1="Oklahoma")
    assert out_of_state_namesake(far, "Marlow", [*ohio, _named("Marlow", 40, far)])
    # named again, it is the town the report is about
    again = [*ohio, _named("Marlow", 40, far), _named("Marlow", 60, far)]
    assert not out_of_state_namesake(far, "Marlow", again)
    # the report names its state, or its places lie in more than one state: kept
    oklahoma = _named("Okla.", 80, Place("g:4", "Oklahoma", "admin1", "US", 35.5, -97.5))
    assert not out_of_state_namesake(far, "Marlow", [*ohio, _named("Marlow", 40, far), oklahoma])
    texas = _named("Waco", 80, Place("g:5", "Waco", "city", "US", 31.5, -97.1, admin1="Texas"))
    assert not out_of_state_namesake(far, "Marlow", [*ohio, _named("Marlow", 40, far), texas])
    # fewer than two other names with a state: no judgement; a town abroad is lone_namesake's
    assert not out_of_state_namesake(far, "Marlow", [ohio[0], _named("Marlow", 40, far)])
    paris = Place("g:6", "Paris", "city", "FR", 48.9, 2.35, admin1="Ile-de-France")
    assert not out_of_state_namesake(paris, "Paris", [*ohio, _named("Paris", 40, paris)])


def test_one_misread_name_elsewhere_leaves_the_report_in_its_state() -> None:
    """Nearly all of a report's US places in one state (one other name misread as a town in a
    third state, as a fire company named after a hill): a town named once in a fourth state
    is still a namesake; with two names elsewhere the report is a two-state one."""

    def ohio(name: str, at: int) -> Toponym:
        return _named(name, at, Place(f"g:{name}", name, "city", "US", 39.8, -84.2, admin1="Ohio"))

    inside = [ohio("Dayton", 0), ohio("Xenia", 20), ohio("Kettering", 30)]
    hill = _named(
        "Oak Hill", 50, Place("g:7", "Oak Hill", "city", "US", 38.0, -81.1, admin1="West Virginia")
    )
    far = Place("g:3", "Marlow", "city", "US", 34.6, -97.9, admin1="Oklahoma")
    assert out_of_state_namesake(far, "Marlow", [*inside, hill, _named("Marlow", 40, far)])
    waco = _named("Waco", 80, Place("g:5", "Waco", "city", "US", 31.5, -97.1, admin1="Texas"))
    both = [*inside, hill, waco, _named("Marlow", 40, far)]
    assert not out_of_state_namesake(far, "Marlow", both)


@pytest.mark.parametrize(
    "body",
    [
        "Mobile surveillance teams in Leeds could not reach the villages.",
        "A surveillance zone was set up around the farm near Swindon.",
        "Surveillance officers in Denver counted new cases of the disease.",
    ],
)
def test_a_team_or_a_zone_of_surveillance_is_no_act_of_spying(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("She was allegedly caught at an airport in Denver in May.", ("arrest", "Denver")),
        ("A shootout in Culiacan on Monday left four dead.", ("attack", "Culiacán")),
        ("Soldiers died in a firefight with rebels near Goma.", ("attack", "Goma")),
        ("Nurses began a 48-hour strike at hospitals in Leeds.", ("protest", "Leeds")),
        ("A general strike shut shops in Lagos on Monday.", ("protest", "Lagos")),
        ("The dockers' strike closed the port in Durban for a week.", ("protest", "Durban")),
        ("A strike by bus drivers stopped traffic in Leeds.", ("protest", "Leeds")),
    ],
)
def test_arrests_gun_battles_and_strikes_of_workers(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "A lightning strike damaged a barn near Leeds on Monday.",
        "Prisoners at a jail in Leeds began a hunger strike.",
    ],
)
def test_strikes_that_are_no_walkout(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body)] == []


@pytest.mark.parametrize(
    "body",
    [
        "Gunmen raided a village near Mopti on Sunday, shot three men and burned the granaries.",
        "Three lorries were burned after raiders fired on a convoy near Mopti.",
    ],
)
def test_what_attackers_burn_is_arson(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("attack", "Mopti")]


def test_a_fire_that_kills_is_still_a_fire(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A blaze burned three houses in Leeds on Monday, killing two.") == [
        ("fire", "Leeds")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "A bus carrying pilgrims from Huaraz to Trujillo plunged down a gorge near Jauja.",
        "A minibus with 20 passengers on board plunged into a gorge near Jauja on Monday.",
    ],
)
def test_a_vehicle_named_far_before_its_plunge(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("crash", "Jauja")]


def test_no_vehicle_before_a_plunge_after_a_comma(pipeline: Pipeline) -> None:
    body = "After the bus stopped near Jauja, a boy tumbled into a creek."
    assert [t for t, _ in typed(pipeline, body)] == []


def test_at_the_scene_is_where_the_event_told_before_happened(pipeline: Pipeline) -> None:
    body = (
        "A lorry overturned on a bend near Jauja on Monday, killing two. The lorry had left "
        "Lima on Sunday night. Three of the injured were flown to Lima, while others went "
        "to a clinic in Tarma. Officers said the driver was arrested at the scene."
    )
    assert typed(pipeline, body) == [("crash", "Jauja"), ("arrest", "Jauja")]


def test_an_event_told_after_and_a_speaker_said_is_where_the_first_was(
    pipeline: Pipeline,
) -> None:
    body = "Police broke up a rally in Tbilisi overnight, and the ministry said 30 were detained."
    assert typed(pipeline, body) == [("protest", "Tbilisi"), ("arrest", "Tbilisi")]


def test_a_speaker_with_a_place_of_its_own_keeps_the_event_unplaced(pipeline: Pipeline) -> None:
    body = "Police broke up a rally in Tbilisi, and officials in Batumi said 30 were detained."
    assert typed(pipeline, body) == [("protest", "Tbilisi")]


@pytest.mark.parametrize(
    "body",
    [
        "The agency warned that evacuating the villages near Tibu might take weeks.",
        "Evacuating residents of Leeds would be difficult, officials said.",
        "Protesting outside the embassy in Leeds could cost them their jobs.",
    ],
)
def test_a_deed_as_the_subject_of_a_modal_is_a_prospect(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_a_deed_begun_is_told(pipeline: Pipeline) -> None:
    body = "Troops began evacuating residents of Kherson on Monday."
    assert typed(pipeline, body) == [("evacuation", "Kherson")]


def test_reported_before_a_noun_is_no_speaker(pipeline: Pipeline) -> None:
    body = (
        "Health teams in Uige could not check several reported deaths after their vehicles "
        "were attacked by residents."
    )
    assert typed(pipeline, body) == [("attack", "Uíge")]


@pytest.mark.parametrize(
    "body",
    [
        "The two ministers will fly to Almaty for a summit on Saturday.",
        "The envoys are due to sign a pact on Friday before the premier travels on to Almaty "
        "for a summit on Saturday.",
    ],
)
def test_the_event_a_journey_to_come_is_for_is_to_come(pipeline: Pipeline, body: str) -> None:
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.place.name, inc.status) == ("meeting/summit", "Almaty", "planned")
    assert inc.when is not None and inc.when.start.isoformat() == "2022-06-11"


def test_the_event_a_journey_made_was_for_was_told(pipeline: Pipeline) -> None:
    [inc] = incidents(pipeline, "The premier flew to Almaty for talks on Saturday.")
    assert inc.status == "reported"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Troops launched an offensive on Kherson on Monday.", ("attack", "Kherson")),
        ("The army began a ground offensive against rebels near Goma.", ("attack", "Goma")),
        ("A car bomb ripped through a market in Kandahar on Monday.", ("attack", "Kandahār")),
        ("A roadside bomb went off near a convoy outside Kandahar.", ("attack", "Kandahār")),
    ],
)
def test_offensives_and_bombs_going_off(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The mayor launched a charm offensive in Leeds on Monday.",
        "His remarks in Leeds were offensive to many.",
        "The offensive line of the Leeds team was strong.",
        "Police found a car bomb in Kandahar on Monday.",
    ],
)
def test_no_offensive_and_no_bomb_going_off(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "A Belfast man was arrested in the centre of the city after a chase that began in Lisburn.",
        "BELFAST (Wire) - Police detained a man in a western district of the city late on Monday.",
    ],
)
def test_the_city_is_the_city_named_before(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body)[0] == ("arrest", "Belfast")


def test_the_town_is_no_river_named_before(pipeline: Pipeline) -> None:
    body = "Crews went from Guwahati to Silchar as the Barak river flooded large parts of the town."
    assert ("flood", "Silchar") in typed(pipeline, body)


def test_the_speaker_s_day_is_not_the_quoted_event_s(pipeline: Pipeline) -> None:
    body = (
        "More than 200 families have left villages near Mopti for Sevare since gunmen "
        "attacked the cattle market in Mopti on Sunday and torched food stores, a relief group "
        'said. "They rode in at noon, fired at the traders and burned the stalls," said a '
        "farmer who reached Bandiagara with his wife on Tuesday after two nights on foot."
    )
    attacks = [i for i in incidents(pipeline, body) if i.event_type == "attack"]
    assert [(i.place.name, i.when and i.when.start.isoformat()) for i in attacks] == [
        ("Mopti", "2022-06-05")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Ground staff based at Leeds said on Monday they would strike on New Year's Eve.",
        "The union said porters in Leeds will strike from Friday over pay.",
    ],
)
def test_a_strike_announced_by_those_who_strike(pipeline: Pipeline, body: str) -> None:
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.status) == ("protest", "planned")
    assert inc.when is None or inc.when.start.isoformat() >= "2022-06-10"


def test_a_strike_to_come_named_as_a_noun_is_planned(pipeline: Pipeline) -> None:
    [inc] = incidents(pipeline, "Flights were cut days before a planned 24-hour strike in Leeds.")
    assert (inc.event_type, inc.place.name, inc.status) == ("protest", "Leeds", "planned")


@pytest.mark.parametrize(
    "body",
    [
        "The boxer said he would strike first in Leeds.",
        "The rebels said they would strike at targets in Leeds.",
    ],
)
def test_no_strike_without_strikers(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body) if t == "protest"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Buses will leave next week from Kherson, downstream, where locals say a missile hit a "
        "school on Tuesday.",
        "Food reached Kherson, where officials said gunmen attacked a clinic on Monday.",
    ],
)
def test_where_past_a_speaker_or_a_direction_is_the_place_before(
    pipeline: Pipeline, body: str
) -> None:
    assert ("attack", "Kherson") in typed(pipeline, body)


def test_one_event_told_twice_takes_the_date_either_telling_gives(pipeline: Pipeline) -> None:
    body = "A fire in Leeds destroyed a barn. The fire in Leeds broke out on Monday night."
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.place.name) == ("fire", "Leeds")
    assert inc.when is not None and inc.when.start.isoformat() == "2022-06-06"


@pytest.mark.parametrize(
    "body",
    [
        "For years the district had been a centre of student protests in northern Leeds.",
        "Leeds became a hotbed of attacks on migrants.",
    ],
)
def test_what_a_place_is_known_for_is_no_event(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_the_centre_of_one_protest_is_told(pipeline: Pipeline) -> None:
    body = "The square was the centre of the protest in Leeds on Monday."
    assert typed(pipeline, body) == [("protest", "Leeds")]


def test_placed_under_arrest_is_told_like_arrested(pipeline: Pipeline) -> None:
    body = (
        "Soldiers and gunmen fought for an hour in Culiacan on Monday. Troops seized 30 "
        "rifles and four trucks. Six people were placed under arrest."
    )
    assert typed(pipeline, body) == [("attack", "Culiacán"), ("arrest", "Culiacán")]


@pytest.mark.parametrize(
    "body",
    [
        "Health officials in Ohio urged residents to get a flu shot before winter.",
        "Clinics in Leeds gave booster shots to 400 people on Monday.",
        "Police in Denver released a mug shot of the singer.",
    ],
)
def test_a_jab_or_a_photo_is_no_shooting(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body) if t == "attack"] == []


def test_a_gunshot_still_is(pipeline: Pipeline) -> None:
    assert ("attack", "Denver") in typed(pipeline, "A man was shot in Denver on Monday.")


@pytest.mark.parametrize(
    "body",
    [
        "Direct flights to Lisbon leave daily. A typhoid outbreak spreading through the "
        "region has strained hospitals, killing at least 60 people this year.",
        "Buses to Ferbury run hourly from Leeds. A measles outbreak in the valley has closed "
        "schools, killing 12 children.",
    ],
)
def test_the_toll_of_an_epidemic_is_no_attack(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body) if t == "attack"] == []


def test_the_toll_of_gunmen_still_is_an_attack(pipeline: Pipeline) -> None:
    body = "Gunmen raided a clinic treating cholera patients in Kisumu, killing four nurses."
    assert ("attack", "Kisumu") in typed(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Floods have hit Ghana.", [("flood", "Ghana")]),
        ("An earthquake struck Japan on Monday.", [("earthquake", "Japan")]),
        (
            "Heavy flooding has now swamped the nearby countries of Togo and Benin.",
            [("flood", "Togo"), ("flood", "Benin")],
        ),
        (
            "The floods have devastated Mozambique, Malawi, Zambia and Angola.",
            [
                ("flood", "Mozambique"),
                ("flood", "Malawi"),
                ("flood", "Zambia"),
                ("flood", "Angola"),
            ],
        ),
    ],
)
def test_a_disaster_is_placed_at_the_countries_it_hit(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The flood prompted Ghana to appeal for aid.",
        "The earthquake hit Japan's economy hard.",
        "Officials fear that floods could hit Ghana next week.",
    ],
)
def test_a_country_the_disaster_did_not_hit_is_no_place_of_it(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == []


def test_a_list_of_countries_is_no_town_and_its_state(pipeline: Pipeline) -> None:
    body = "Rallies were held in Mali, Niger, Togo and Chad on Friday."
    assert typed(pipeline, body) == [
        ("protest", "Mali"),
        ("protest", "Niger"),
        ("protest", "Togo"),
        ("protest", "Chad"),
    ]


def test_parts_of_a_place_are_that_place(pipeline: Pipeline) -> None:
    body = "Soldiers evacuated thousands of villagers from parts of Sindh province on Monday."
    assert typed(pipeline, body) == [("evacuation", "Sindh")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "In Tarbes, a protest that angered the mayor was broken up by police.",
            [("protest", "Tarbes")],
        ),
        ("Protests that erupted in Tarbes on Friday went on all night.", [("protest", "Tarbes")]),
        # the verb of saying is no protest
        ("Residents of Tarbes are protesting that the new fee is too high.", []),
    ],
)
def test_a_protest_that_did_something_is_a_protest(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A clinic in Tamale caught fire on Monday.", [("fire", "Tamale")]),
        (
            "Roads were cut, the main hospital in Tamale was flooded and 40 patients were "
            "evacuated.",
            [("flood", "Tamale"), ("evacuation", "Tamale")],
        ),
        # where the hurt were treated is still not where they were hurt
        (
            "A man who died in a hospital in Leeds was hurt in a crash near York.",
            [("crash", "York")],
        ),
    ],
)
def test_a_hospital_that_opens_its_clause_is_where_it_happened(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_disaster_is_placed_at_every_country_of_a_long_list(pipeline: Pipeline) -> None:
    body = "Floods have also struck the nearby states of Mali, Benin, Togo, Chad and Niger."
    assert typed(pipeline, body) == [
        ("flood", "Mali"),
        ("flood", "Benin"),
        ("flood", "Togo"),
        ("flood", "Chad"),
        ("flood", "Niger"),
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Three wedding guests in Tikrit died when someone served them tea poisoned with "
            "thallium.",
            [("attack", "Tikrīt")],
        ),
        ("A defector was poisoned with a nerve agent in Leeds.", [("attack", "Leeds")]),
        # poisonings nobody meant
        ("Dozens fell ill with food poisoning in Leeds.", []),
        ("Villagers in Noakhali suffer from arsenic poisoning.", []),
    ],
)
def test_a_poisoning_with_a_poison_is_an_attack(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # the homes a disaster or an attack destroyed are where it struck
        ("Flooding destroyed 300 homes in Sindh province.", [("flood", "Sindh")]),
        ("Militants torched 40 homes in Borno state on Sunday.", [("attack", "Borno")]),
        # what rains led to happened
        ("Heavy rains led to flooding in Sindh province on Monday.", [("flood", "Sindh")]),
        # what a place is prone to, or what could come, did not
        ("The town is prone to flooding in Sindh province.", []),
        ("The dispute could lead to protests in Lagos.", []),
    ],
)
def test_homes_destroyed_and_what_rains_led_to_place_a_disaster(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # what the event did, told after a comma, names where it struck
        (
            "Storms caused the flooding of a river, destroying homes and causing damage in "
            "Sindh province.",
            [("flood", "Sindh")],
        ),
        # hyphenated compass words stand between a preposition and its place
        (
            "Gunmen attacked a convoy in the north-west province of Khyber Pakhtunkhwa.",
            [("attack", "Khyber Pakhtunkhwa")],
        ),
    ],
)
def test_what_a_disaster_did_and_compass_words_place_it(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # a county force of the same state says who answered, not where: the fire stays at
        # the town the sentence before told of
        (
            "The driver headed to a farmhouse outside Ocala where he was staying. Marion "
            "County sheriff's deputies were called to the farmhouse on Sunday after neighbours "
            "phoned in a fire there.",
            ("fire", "Ocala"),
        ),
        (
            "The driver headed to a farmhouse outside Ocala. Marion County firefighters said "
            "neighbours phoned in a fire there on Sunday.",
            ("fire", "Ocala"),
        ),
    ],
)
def test_a_local_agency_leaves_the_event_at_the_place_told_before(pipeline, body, expected):
    assert expected in typed(pipeline, body)


def test_an_agency_of_another_state_does_not_take_the_place_told_before(pipeline):
    body = (
        "The driver headed to a farmhouse outside Ocala. Travis County firefighters said "
        "neighbours phoned in a fire there on Sunday."
    )
    assert ("fire", "Ocala") not in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The deputy trade minister of Ruritania and his Borduvian counterpart took part in the "
        "negotiations in Lima on Monday.",
        "Negotiations in Cairo between the two delegations ended on Monday.",
    ],
)
def test_negotiations_held_in_a_named_place_are_talks(pipeline, body):
    assert [t for t, _ in typed(pipeline, body)] == ["meeting/summit"]


@pytest.mark.parametrize(
    "body",
    [
        # their end is what is told, not talks at the place of those who speak of it
        "Officials in Lima welcomed the failure of the border negotiations between the two "
        "neighbours.",
        "Officials in Lima regretted the collapse of negotiations with the rebels.",
        # negotiations told without where they were held: a process, or not held at all
        "The mayor of Lima said the negotiations were difficult.",
        "The treasurer of Lima County is working with a lawyer in negotiations with the tax "
        "office.",
        "Speaking in Lima, the president vowed not to resume negotiations with the rebels.",
    ],
)
def test_negotiations_that_failed_or_are_only_mentioned_are_no_meeting(pipeline, body):
    assert "meeting/summit" not in [t for t, _ in typed(pipeline, body)]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A freight train derailed near Alliance on Friday.", [("derailment", "Alliance")]),
        ("Six cars of a coal train derailed outside Lyon on Friday.", [("derailment", "Lyon")]),
        # no train: a plan or talks thrown off course
        ("The peace talks in Geneva quickly derailed on Friday.", []),
        ("The opposition in Lyon derailed the budget vote on Friday.", []),
    ],
)
def test_only_a_train_or_its_cars_derail(pipeline, body, expected):
    assert [x for x in typed(pipeline, body) if x[0] == "derailment"] == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # the visit told after the meeting is where it was held
        (
            "The Borduvian envoy met with the foreign minister of Ruritania when he visited "
            "Ankara last week.",
            [("meeting/summit", "Ankara")],
        ),
        (
            "The envoy met with the president of Ruritania during a visit to Ankara last week.",
            [("meeting/summit", "Ankara")],
        ),
        (
            "The envoy met with the Ruritanian president on his recent trip to Ankara.",
            [("meeting/summit", "Ankara")],
        ),
        # a stop after the meeting is not where it was held
        ("The envoy met with the president of Ruritania on Monday and then visited Ankara.", []),
    ],
)
def test_a_meeting_is_placed_at_the_visit_it_was_held_on(pipeline, body, expected):
    assert [x for x in typed(pipeline, body) if x[0] == "meeting/summit"] == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # an escaped prisoner caught again is arrested
        (
            "Guards recaptured four convicts at a market in Mombasa on Friday.",
            [("arrest", "Mombasa")],
        ),
        (
            "The fugitive was rearrested at a bus station in Nakuru on Monday.",
            [("arrest", "Nakuru")],
        ),
        # what was fired at people names the shooting
        (
            "Riot police fired rubber bullets at marchers in Kisumu on Sunday.",
            [("attack", "Kisumu")],
        ),
        (
            "Soldiers fired live rounds into a crowd of traders in Eldoret.",
            [("attack", "Eldoret")],
        ),
    ],
)
def test_recaptures_and_rounds_fired_at_people(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_water_bomber_sets_no_fire(pipeline: Pipeline) -> None:
    """A water bomber fights a fire: its "bomber" tells no one set the fire."""
    body = (
        "A wildfire burned through pasture near Nanyuki on Monday. "
        "A water bomber was flown in from Nairobi to drop water on the flames."
    )
    assert ("fire", "Nanyuki") in typed(pipeline, body)
    assert ("attack", "Nanyuki") not in typed(pipeline, body)


@pytest.mark.parametrize(
    "words,told",
    [
        ("a water bomber was sent", False),
        ("water bombing aircraft", False),
        ("the bomber fled", True),
    ],
)
def test_perpetrator_told_not_by_water_bombers(words: str, told: bool) -> None:
    from geomap.events.triggers import perpetrator_told

    assert perpetrator_told(words.split()) is told


def test_an_event_its_own_sentence_placed_takes_no_place_from_before(pipeline: Pipeline) -> None:
    """Two words of one attack in one sentence, one placed there ("where gunmen attacked"),
    the other not: one attack, not a second one at the town the report spoke of before."""
    body = (
        "Aid trucks reached Kisumu on Monday with maize and blankets. "
        "Fighting broke out on Saturday on the edge of Busia, where gunmen attacked a clinic "
        "and set fire to homes, witnesses said."
    )
    assert [t for t in typed(pipeline, body) if t[0] == "attack"] == [("attack", "Busia")]


@pytest.mark.parametrize(
    "body,status,day",
    [
        # a day to come given after the event noun announces it
        (
            "A march by teachers through the centre of Kisumu, called for Friday, will ask "
            "for back pay.",
            "planned",
            "2022-06-10",
        ),
        (
            "A demonstration outside the port of Mombasa, set for next Monday, is backed by "
            "dockers.",
            "planned",
            "2022-06-13",
        ),
        # the march was held: no day to come
        ("A march by teachers through Kisumu on Tuesday ended peacefully.", "reported", None),
    ],
)
def test_an_event_called_for_a_day_is_planned(
    pipeline: Pipeline, body: str, status: str, day: str | None
) -> None:
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.status) == ("protest", status)
    if day is not None:
        assert inc.when is not None and inc.when.start.isoformat() == day


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "A minibus plunged off the Karakoram Highway into a ravine near Gilgit on Sunday.",
            [("crash", "Gilgit")],
        ),
        (
            "A lorry plunged off a mountain road into a river outside Thimphu.",
            [("crash", "Thimphu")],
        ),
    ],
)
def test_a_vehicle_that_left_a_named_road_for_a_gorge_crashed(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Twelve prisoners escaped from the jail in Kasese on Friday after gunmen attacked "
            "its gate.",
            [("attack", "Kasese")],
        ),
        (
            "Hundreds of families fled from Bunia when militiamen attacked the camp.",
            [("attack", "Bunia")],
        ),
        # an arrest made after an attack that the sentence does not place
        (
            "Police arrested two brothers in Jinja on Monday after a stabbing outside a bar "
            "that left one man dead.",
            [("attack", "Jinja")],
        ),
    ],
)
def test_an_attack_told_after_an_escape_or_an_arrest_is_placed_with_it(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [t for t in typed(pipeline, body) if t[0] == "attack"] == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The prime minister, who was due to fly to Lusaka on Friday for talks with the "
            "Zambian president, has called off the trip.",
            [],
        ),
        (
            "The envoy was to travel to Lusaka for talks on the border but cancelled the visit.",
            [],
        ),
        # the trip went ahead: the talks are announced
        (
            "The prime minister will fly to Lusaka on Friday for talks with the Zambian president.",
            [("meeting/summit", "Lusaka")],
        ),
    ],
)
def test_talks_a_cancelled_trip_was_for_are_no_event(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [t for t in typed(pipeline, body) if t[0] == "meeting/summit"] == expected


def test_a_clause_after_a_semicolon_is_not_the_speakers(pipeline: Pipeline) -> None:
    """The places after "..., officials said;" belong to the next clause's events, not to
    the speakers."""
    body = (
        "Floods cut roads across Kasese on Monday, the district office said; police also "
        "reported the kidnapping of a trader in Mbarara."
    )
    assert ("disappearance", "Mbarara") in typed(pipeline, body)


def test_the_datelines_date_is_not_the_first_sentences(pipeline: Pipeline) -> None:
    """The dateline's date is the day the item was filed; "on Tuesday" in its first
    sentence is the Tuesday before it, and a sentence after takes that day too."""
    body = (
        "NAIROBI, Oct 2, 2024 (Rift Wire) — Police detained six traders in Nakuru on Tuesday. "
        "One of them had been hurt in a crash near Naivasha."
    )
    got = {i.event_type: i.when for i in incidents(pipeline, body, header="")}
    assert got["arrest"] is not None and got["arrest"].start.isoformat() == "2024-10-01"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A ferry capsized off Zanzibar on Tuesday.", [("crash", "Zanzibar")]),
        ("Floods cut off Kasese on Wednesday.", [("flood", "Kasese")]),
    ],
)
def test_off_a_town_places_an_event_there(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_an_offence_told_after_the_day_of_its_arrest_or_charge_is_not_of_that_day(
    pipeline: Pipeline,
) -> None:
    # the article is dated Friday, June 10, 2022
    def dated(body: str) -> list[tuple[str, str | None]]:
        return sorted(
            (i.event_type, i.when.start.isoformat() if i.when else None)
            for i in incidents(pipeline, body)
        )

    # the day is the arrest's: the stabbing's is not told
    assert dated("Carl Benton was arrested on Monday after he stabbed a clerk in Dayton.") == [
        ("arrest", "2022-06-06"),
        ("attack", None),
    ]
    # the gap the sentence tells moves the day back
    body = "Carl Benton was arrested Monday in Dayton, two days after he shot a clerk at a store."
    assert dated(body) == [("arrest", "2022-06-06"), ("attack", "2022-06-04")]
    # the year of an indictment is not the year of the shooting
    body = "When the pair were indicted in 2019, prosecutors said they had shot a clerk in Dayton."
    assert dated(body) == [("attack", None)]
    # a date told with the event itself stays
    assert dated("A woman was attacked at a bar in Dayton on Saturday.") == [
        ("attack", "2022-06-04")
    ]
    body = "Two brothers were arrested in Friday's deadly stabbing of a cook behind a Dayton diner."
    assert dated(body) == [("attack", "2022-06-10")]
    body = (
        "The chase that led to his arrest started late Monday, when he fired on a guard in Dayton."
    )
    assert dated(body) == [("attack", "2022-06-06")]


def test_an_event_told_again_with_the_date_of_the_sentence_before_is_not_another(
    pipeline: Pipeline,
) -> None:
    body = (
        "DAYTON, Ohio (AP) - Police said Monday that a gunman went on a rampage at a clinic "
        "on Sunday morning, killing five patients and a nurse.\n"
        '"She did her job bravely today," the mayor of Dayton said of a wounded officer.\n'
        "An orderly said the shooter stormed a ward upstairs as patients hid under beds."
    )
    got = incidents(pipeline, body)
    assert [(i.event_type, i.place.name, i.when and i.when.start.isoformat()) for i in got] == [
        ("attack", "Dayton", "2022-06-05")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The striker fired a shot past the keeper in the 80th minute to seal the win in Dayton.",
        "The forwards attacked the goal in waves at the stadium in Dayton on Saturday.",
        "He fired a shot past the goalie at the arena in Dayton on Friday.",
        "Shares of the Dayton-based retailer crashed on Monday after a weak earnings report.",
        "Stocks rallied in New York on Tuesday as oil prices fell.",
        "The store in Dayton is having a fire sale this weekend.",
    ],
)
def test_a_game_a_market_or_a_sale_is_no_incident(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A gunman shot a goalkeeper outside a bar in Dayton.", ("attack", "Dayton")),
        ("Shots were fired outside a bar in Dayton on Monday.", ("attack", "Dayton")),
        ("A car carrying a stock car driver crashed on a road near Dayton.", ("crash", "Dayton")),
        ("Protesters rallied outside the stock exchange in Chicago.", ("protest", "Chicago")),
    ],
)
def test_violence_an_accident_or_a_protest_near_those_words_stays(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "A retired pair were found dead in their flat in Dayton in a murder-suicide on Monday.",
            [("attack", "Dayton")],
        ),
        # a capture by the law is an arrest; a charge named with it is no killing told here
        (
            "DAYTON - A man wanted for murder in another state has been captured by Dayton police.",
            [("arrest", "Dayton")],
        ),
        ("Police captured the suspect at a motel in Dayton on Saturday.", [("arrest", "Dayton")]),
        # a town taken by force is a battle, not an arrest
        ("Rebels captured the town of Dayton on Saturday.", [("attack", "Dayton")]),
        ("The photographer captured the mood of the crowd in Dayton.", []),
    ],
)
def test_a_murder_suicide_and_a_capture_by_the_law(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_phrase_with_its_own_preposition_takes_the_place_after_it(pipeline: Pipeline) -> None:
    # "fired on" is one trigger: the town after its "on" is what was fired on, whoever fired
    assert typed(pipeline, "Rebels fired on Aleppo on Tuesday.") == [("attack", "Aleppo")]
    assert typed(pipeline, "A spokesman says Ruritania fired on Aleppo overnight.") == [
        ("attack", "Aleppo")
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Organisers of a Leeds rally in support of the families trapped by the siege in "
            "Aleppo thanked the council.",
            [("protest", "Leeds")],
        ),
        # the place right after the noun is where it was, whatever town names it
        ("A Leeds rally in Bradford drew hundreds on Sunday.", [("protest", "Bradford")]),
    ],
)
def test_the_town_that_names_an_event_beats_a_place_in_what_it_was_about(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Police arrested a teacher at Kendall Elementary School in south Miami on Monday.",
            [("arrest", "Kendall")],
        ),
        ("Police arrested a man in Salford in Manchester.", [("arrest", "Salford")]),
        # coordinated places are each a place of the event
        (
            "Protests took place in Leeds and in Bradford.",
            [("protest", "Leeds"), ("protest", "Bradford")],
        ),
    ],
)
def test_a_place_that_only_says_where_the_one_before_lies_is_no_second_place(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A bomb blast hit the little church of St. Charles and St. Joseph on Sunday.", []),
        (
            "A bomb blast hit the little church of St. Charles and St. Joseph in Cairo.",
            [("attack", "Cairo")],
        ),
        ("A fire damaged the Cathedral of Saint Paul in Minneapolis.", [("fire", "Minneapolis")]),
        # a town of a saint's name is still a town
        ("A fire damaged a church in St. Paul on Sunday.", [("fire", "Saint Paul")]),
    ],
)
def test_the_saints_a_church_is_named_after_are_no_towns(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_dedication_reads_the_words_before_the_saint() -> None:
    text = "They met at the chapel of St. Anne and St. Joachim near St. Louis."
    assert dedication(text, text.index("St. Anne"), text.index("St. Anne") + 8)
    assert dedication(text, text.index("St. Joachim"), text.index("St. Joachim") + 11)
    assert not dedication(text, text.index("St. Louis"), text.index("St. Louis") + 9)


def test_a_shooting_the_report_calls_an_accident_is_no_attack(pipeline: Pipeline) -> None:
    told = (
        "Troopers were called on Sunday to a shooting on a farm road near Bowling Green. "
        "A 40-year-old man was found in the woods with a gunshot wound. No foul play is "
        "suspected; he had been hunting deer from a tree stand."
    )
    assert [t for t, _ in typed(pipeline, told)] == []
    hunting = (
        "A hunter was shot near Bowling Green on Sunday in what deputies called a hunting accident."
    )
    assert typed(pipeline, hunting) == []
    # a shooting with no word of an accident stays an attack
    plain = "Troopers were called on Sunday to a shooting on a farm road near Bowling Green."
    assert typed(pipeline, plain) == [("attack", "Bowling Green")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A suspect in a March tractor theft outside Hinton was arrested on Friday.", []),
        ("Two suspects in the theft of a truck in Dayton were arrested on Friday.", []),
        # where the suspect was caught is still the arrest's place
        ("A suspect in the robbery was arrested in Dayton on Friday.", [("arrest", "Dayton")]),
    ],
)
def test_the_place_of_the_offence_a_suspect_is_named_by_is_not_where_he_was_caught(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_cross_section_is_no_border_crossing(pipeline: Pipeline) -> None:
    body = (
        "About 300 people joined a rally in Leeds on Saturday. Drivers going past sounded "
        "their horns at the crowd, which held a cross section of the city."
    )
    assert typed(pipeline, body) == [("protest", "Leeds")]


def test_an_event_told_a_gap_after_a_date_is_dated_by_the_gap(pipeline: Pipeline) -> None:
    body = (
        "A bomb tore through a church in Cairo on Sunday, killing 25. Sunday's blast came two "
        "days after gunmen killed six police officers in Giza."
    )
    got = {
        (i.place.name, i.when.start.isoformat() if i.when else None)
        for i in incidents(pipeline, body)
    }
    assert got == {("Cairo", "2022-06-05"), ("Giza", "2022-06-03")}


@pytest.mark.parametrize(
    "body",
    [
        "Police fired rubber bullets to break up a crowd in Nairobi on Monday.",
        "Police used plastic bullets on a crowd in Nairobi on Monday.",
        "Residents of Nairobi clashed with council guards on Monday. Rubber bullets were used "
        "to break up the crowd.",
    ],
)
def test_rubber_bullets_fired_at_a_crowd_are_a_shooting(pipeline: Pipeline, body: str) -> None:
    assert ("attack", "Nairobi") in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Troops fired on protesters in Aleppo on Tuesday.",
        "Police fired rubber bullets and tear gas at protesters in Aleppo on Tuesday.",
    ],
)
def test_shots_at_protesters_are_an_attack_where_the_protest_was(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("attack", "Aleppo"), ("protest", "Aleppo")]


def test_a_hold_in_a_named_jail_is_an_arrest_unless_the_arrest_was_told(
    pipeline: Pipeline,
) -> None:
    held = "Police say a 40-year-old man is being held at the Story County Jail on theft charges."
    assert typed(pipeline, held) == [("arrest", "Story County")]
    told = (
        "Police arrested a 40-year-old man in Ames on Monday. He is being held at the Story "
        "County Jail on theft charges."
    )
    assert typed(pipeline, told) == [("arrest", "Ames")]


def test_violence_told_as_widespread_is_no_one_attack(pipeline: Pipeline) -> None:
    body = (
        "About 300 people joined a rally in Leeds on Saturday. Organisers said the event "
        "showed solidarity with people suffering in the besieged city. An organiser spoke of "
        "reliable accounts of widespread abuses, with villagers forced to kneel and then shot."
    )
    assert typed(pipeline, body) == [("protest", "Leeds")]
    # one shooting told beside unrest in general stays
    assert typed(pipeline, "A man was shot in Leeds amid widespread unrest.") == [
        ("attack", "Leeds")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Prosecutors said he planned to murder a soldier at his home in Dayton.",
        "The new dam will flood more than 500 hectares along the river near Dayton.",
    ],
)
def test_a_plot_or_a_forecast_is_no_incident(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_a_protest_to_come_is_still_planned(pipeline: Pipeline) -> None:
    [inc] = incidents(pipeline, "Unions will protest in Dayton on Friday.")
    assert (inc.event_type, inc.place.name, inc.status) == ("protest", "Dayton", "planned")


@pytest.mark.parametrize(
    "body,date",
    [
        ("Unions will hold a protest in Dayton on Saturday.", "2022-06-11"),
        ("Farmers plan to stage a rally in Dayton on Saturday.", "2022-06-11"),
        ("Leaders will hold talks in Dayton on Saturday.", "2022-06-11"),
    ],
)
def test_an_event_a_verb_will_hold_is_planned_for_the_day_to_come(
    pipeline: Pipeline, body: str, date: str
) -> None:
    [inc] = incidents(pipeline, body)
    assert inc.status == "planned"
    assert inc.when is not None and inc.when.start.isoformat() == date
    [held] = incidents(pipeline, "Unions held a protest in Dayton on Saturday.")
    assert held.status == "reported" and held.when is not None
    assert held.when.start.isoformat() == "2022-06-04"


@pytest.mark.parametrize(
    "body,expected",
    [
        # arson told with a gerund or a present tense
        (
            "Rioters clashed in Oruro on Monday night, setting fire to the town hall.",
            ("attack", "Oruro"),
        ),
        ("A mob sets fire to a bus depot in Kisumu.", ("attack", "Kisumu")),
        # two armed sides shooting: the fire is gunfire, not flames
        ("Two militias exchanged fire near the market in Kirkuk.", ("attack", "Kirkuk")),
        ("An exchange of gunfire at a checkpoint in Gao left two dead.", ("attack", "Gao")),
        # a crowd throwing things at people
        ("Youths threw stones at riot police in Lilongwe on Friday.", ("attack", "Lilongwe")),
        ("Villagers pelted the convoy with rocks outside Kasese.", ("attack", "Kasese")),
        # people taken by an armed band
        (
            "Four nurses who were seized by gunmen from a clinic in Kaduna were freed.",
            ("disappearance", "Kaduna"),
        ),
        # a vehicle off a road named by its number
        ("A van slid off Highway 61 near Duluth on Monday.", ("crash", "Duluth")),
        ("A truck ran off Interstate 94 outside Fargo.", ("crash", "Fargo")),
        # a crowd gathered to protest
        (
            "About 300 traders gathered outside the town hall in Kumasi to protest over fees.",
            ("protest", "Kumasi"),
        ),
    ],
)
def test_more_ways_news_tells_violence_accidents_and_protests(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The town of Kidal was seized by rebels in 2012.",
        "Fans threw flowers at the singer in Leeds on Friday.",
        "Residents gathered in the square in Kumasi to celebrate the win.",
        "Firefighters set up a command post in Duluth.",
    ],
)
def test_no_abduction_attack_or_protest_in_these(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        # a vessel that sank is a crash; shares or hearts that sank are not
        ("A ferry carrying 80 people sank off Mwanza on Sunday.", [("crash", "Mwanza")]),
        ("Shares in the firm sank in Leeds on Monday.", []),
        # a vessel or vehicle lost right after setting out: near where it set out from
        (
            "An overloaded skiff sank shortly after leaving a beach south of Byblos.",
            [("crash", "Byblos")],
        ),
        ("A bus overturned shortly after leaving Cusco.", [("crash", "Cusco")]),
        # where the missing person was last, not where she was found
        (
            "A girl who was reported missing from New Ulm on Sunday was found in Mankato.",
            [("disappearance", "New Ulm")],
        ),
        # "before dawn" is a time, not a new clause: the raid's town is the arrest's
        (
            "Police raided two houses in Gulu before dawn and arrested four men.",
            [("arrest", "Gulu")],
        ),
    ],
)
def test_where_a_sinking_a_disappearance_and_a_dawn_raid_happened(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_log_entry_is_about_the_town_it_opens_with(pipeline: Pipeline) -> None:
    """An entry of a log or a list that opens with a town and a colon (after a time or a
    bullet) tells of that town, as a dateline does; an all-capitals dateline with a colon
    is where the report is from, read as a wire dateline is."""
    body = (
        "Observers' log, polling day.\n"
        "09:10 Kasungu: youths threw stones at a polling station; two people were hurt.\n"
        "11:40 Dedza: a returning officer has been missing since Monday night.\n"
        "- Salima: about 80 voters gathered outside the district office to protest.\n"
    )
    assert typed(pipeline, body) == [
        ("attack", "Kasungu"),
        ("disappearance", "Dedza"),
        ("protest", "Salima"),
    ]
    dateline = "NAIROBI: Rebels shelled a village on the border on Monday, residents said."
    wire = "NAIROBI (AP) — Rebels shelled a village on the border on Monday, residents said."
    assert typed(pipeline, dateline) == typed(pipeline, wire)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The two sides are due to meet again in Erbil next week to discuss the border.",
            [("meeting/summit", "Erbil", "planned")],
        ),
        (
            "The two governments, meeting in Mosul in January, agreed to share the revenue.",
            [("meeting/summit", "Mosul", "reported")],
        ),
        ("The county council, meeting in Dover on Monday, approved the budget.", []),
        (
            "A tanker caught fire in Ottumwa, forcing the evacuation of 600 residents from homes "
            "near the tracks.",
            [("fire", "Ottumwa", "reported"), ("evacuation", "Ottumwa", "reported")],
        ),
        # a quarter whose name runs past what the gazetteer read ("Bab" is a town elsewhere)
        (
            "In the Bab al-Tabbaneh district of Tripoli, Lebanese soldiers arrested three men.",
            [("arrest", "Tripoli", "reported")],
        ),
    ],
)
def test_talks_told_again_an_evacuation_forced_and_a_quarter_of_a_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str]]
) -> None:
    got = [(i.event_type, i.place.name, i.status) for i in incidents(pipeline, body)]
    assert got == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # the sea off a town, and the rim of a town
        (
            "Two divers were abducted from their boat off the coast of Mombasa.",
            [("disappearance", "Mombasa")],
        ),
        ("A ferry capsized off the northern coast of Zanzibar.", [("crash", "Zanzibar")]),
        ("A freight train derailed on the eastern edge of Ottumwa.", [("derailment", "Ottumwa")]),
        ("A man was shot on the outskirts of Kisumu.", [("attack", "Kisumu")]),
        # a shell or a rocket that landed somewhere
        (
            "A shell landed near a school on the western edge of Goma, wounding nine children.",
            [("attack", "Goma")],
        ),
        ("A rocket landed in a field outside Kharkiv.", [("attack", "Kharkiv")]),
        ("The plane landed in Goma on Thursday.", []),
    ],
)
def test_the_sea_off_a_town_its_edge_and_a_shell_that_landed(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_day_first_dateline_date_is_not_the_event_s(pipeline: Pipeline) -> None:
    """A dateline dated day first ("9 June 2025") is the day the item was filed, not the
    day of the event its first sentence tells ("last Tuesday")."""
    body = (
        "BAMENDA, Cameroon, 9 June 2025 (Savanna Wire) – Six nurses who were seized by "
        "gunmen from a clinic in Bafut last Tuesday were freed."
    )
    [inc] = incidents(pipeline, body, header="")
    assert inc.event_type == "disappearance" and inc.place.name == "Bafut"
    assert inc.when is None or inc.when.start.isoformat() == "2025-06-03"


def test_a_headline_in_capitals_is_no_person_s_name(pipeline: Pipeline) -> None:
    """A headline in capitals ("... OFF THE COAST OF TARIFA") is a run of capitalised words,
    but not a name: the town it ends with stays a place in the body."""
    text = (
        "THREE HELD AND A TONNE OF HASHISH SEIZED OFF THE COAST OF TARIFA\n\n"
        "The three crew members were arrested on board off Tarifa on Saturday.\n"
    )
    got = pipeline.extract(parse_document(text.encode(), "t.txt")).incidents
    assert [(i.event_type, i.place.name) for i in got] == [("arrest", "Tarifa")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Police arrested two men in Saint Petersburg on Friday.", ("arrest", "Saint Petersburg")),
        ("Police in Saint Paul, Minnesota, arrested a man on Tuesday.", ("arrest", "Saint Paul")),
    ],
)
def test_a_town_named_for_a_saint_is_a_place(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    """ "Saint" opens the names of many towns: the words after it are no person's name."""
    assert typed(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,kind",
    [
        # a district named after its main town: the bare name is the town
        ("Police arrested two men in Mangochi on Monday.", "city"),
        ("Police arrested two men in Mitrovica on Monday.", "city"),
        # the text says the district
        ("Police arrested two men in Mangochi district on Monday.", "admin1"),
    ],
)
def test_a_region_s_bare_name_is_its_main_town(pipeline: Pipeline, body: str, kind: str) -> None:
    [inc] = incidents(pipeline, body)
    assert inc.event_type == "arrest" and inc.place.feature_type == kind


def test_a_march_after_the_town_the_sentence_opens_with(pipeline: Pipeline) -> None:
    body = "In Oruro itself, several hundred supporters marched on Monday, demanding a recount."
    assert typed(pipeline, body) == [("protest", "Oruro")]
    said = "In Oruro, officials said several hundred supporters marched on Monday."
    assert typed(pipeline, said) == []


def test_a_town_put_in_its_country_is_no_namesake(pipeline: Pipeline) -> None:
    """A town the report puts in its country ("the Ethiopian town of X") is that town, even
    when every other place of the report lies in another country."""
    body = (
        "Fighting near the Ethiopian town of Mēga on Sunday killed seven people. Families "
        "fled to Sololo. Police arrested two men in Marsabit on Monday. A convoy left Isiolo "
        "for Marsabit on Tuesday."
    )
    assert ("attack", "Mēga") in typed(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        # an event people will put on is announced, dated ahead
        (
            "Unions said they would hold a sit-in in Bamenda on Thursday.",
            [("protest", "Bamenda", "planned", "2022-06-16")],
        ),
        (
            "Traders will stage a march in Kumasi on Thursday.",
            [("protest", "Kumasi", "planned", "2022-06-16")],
        ),
        (
            "Unions plan to hold a protest in Bamenda on Thursday.",
            [("protest", "Bamenda", "planned", "2022-06-16")],
        ),
        # held: told as done
        (
            "Unions held a sit-in in Bamenda on Thursday.",
            [("protest", "Bamenda", "reported", "2022-06-09")],
        ),
        # only if: not announced
        ("Unions would hold a protest in Bamenda if pay is cut.", []),
    ],
)
def test_an_event_people_will_put_on(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str, str, str]]
) -> None:
    got = [
        (i.event_type, i.place.name, i.status, i.when.start.isoformat() if i.when else "")
        for i in incidents(pipeline, body)
    ]
    assert got == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # captors taking people into the wild: an abduction, and the gunmen are its authors
        (
            "Gunmen stopped two aid workers near Bosso on Monday and took them into the bush.",
            [("disappearance", "Bosso")],
        ),
        ("Bandits took 12 passengers into the forest near Kaduna.", [("disappearance", "Kaduna")]),
        # a trail or a march into the hills takes no one
        ("The hikers took the trail into the mountains near Banff.", []),
        ("Soldiers marched into the hills near Kidal.", []),
        # another deed of the gunmen is told as well
        (
            "Gunmen kidnapped a priest in Kaduna and shot his driver.",
            [("disappearance", "Kaduna"), ("attack", "Kaduna")],
        ),
    ],
)
def test_people_taken_into_the_bush(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_detention_before_a_transfer_is_where_the_last_sentence_was(
    pipeline: Pipeline,
) -> None:
    """The ends of a journey told after an arrest in its sentence are not where the arrest
    was: it is carried from the sentence before, on that sentence's day when "the same day"
    says so."""
    body = (
        "On Monday twelve men crossed from Belarus into Poland near Kuźnica. Guards detained "
        "them the same day and moved them on Wednesday from Białystok to a centre in Biała "
        "Podlaska."
    )
    arrest = next(i for i in incidents(pipeline, body) if i.event_type == "arrest")
    assert arrest.place.name == "Kuźnica" and arrest.place_inferred
    assert arrest.when is not None and arrest.when.start.isoformat() == "2022-06-06"


@pytest.mark.parametrize(
    "body,expected",
    [
        # a timeline told in the present tense
        (
            "14 May: Plain-clothes police detain the editor at his home in Lashio.",
            ("arrest", "Lashio"),
        ),
        ("3 June: Armed men kidnap two nurses in Zabid.", ("disappearance", "Zabīd")),
        # a road blocked to protest: the crowd did protest
        (
            "Farmers blocked a highway near Rennes on Wednesday to protest the new tax.",
            ("protest", "Rennes"),
        ),
    ],
)
def test_present_tense_timelines_and_blockades(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert expected in typed(pipeline, body)


def test_an_event_log_places_each_paragraph_at_its_lead_in(pipeline: Pipeline) -> None:
    body = (
        "Oct. 2, Hermosillo: Gunmen shot dead two guards at a warehouse on the ring road.\n\n"
        "Oct. 4, Nogales: Soldiers detained a man who was carrying rifles and cash in a van.\n\n"
        "Oct. 6, near Guaymas: A lorry overturned on the coastal highway, injuring nine.\n\n"
        "Oct. 7, Navojoa: Teachers marched from the market to the town hall over unpaid wages.\n"
    )
    assert typed(pipeline, body) == [
        ("attack", "Hermosillo"),
        ("arrest", "Nogales"),
        ("crash", "Heroica Guaymas"),
        ("protest", "Navojoa"),
    ]


def test_a_dateline_with_a_colon_is_no_lead_in(pipeline: Pipeline) -> None:
    """Not an event log's lead-in: a dateline, read as the wire's "NOGALES (AP) —" is."""
    body = "NOGALES: Rains flooded farms across the valley, officials said on Monday."
    wire = "NOGALES (AP) — Rains flooded farms across the valley, officials said on Monday."
    assert typed(pipeline, body) == typed(pipeline, wire)


def test_relatives_of_missing_people_report_no_disappearance(pipeline: Pipeline) -> None:
    body = "Oct. 8, Cochabamba: Relatives of missing miners held a protest outside the jail."
    assert typed(pipeline, body) == [("protest", "Cochabamba")]


@pytest.mark.parametrize(
    "body",
    [
        "A drone strike hit a fuel depot in Mombasa on Friday, starting a fire that burned "
        "until dawn.",
        "A missile struck a housing estate in Mombasa on Friday, killing four. A fire broke "
        "out in one of the blocks and was put out by noon.",
    ],
)
def test_a_fire_a_strike_set_off_is_the_strike(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("attack", "Mombasa")]


def test_a_fire_days_after_a_strike_is_its_own(pipeline: Pipeline) -> None:
    body = (
        "A missile struck a housing estate in Mombasa on Friday, killing four. "
        "On Sunday a fire broke out at a sawmill in the town."
    )
    assert ("fire", "Mombasa") in typed(pipeline, body)


def test_police_storming_a_house_to_arrest_is_the_arrest(pipeline: Pipeline) -> None:
    body = "Detectives stormed a flat in Kumasi on Tuesday and detained two brothers."
    assert typed(pipeline, body) == [("arrest", "Kumasi")]
    raid = "Rebels stormed a barracks in Goma on Tuesday, killing six soldiers."
    assert ("attack", "Goma") in typed(pipeline, raid)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "About three hundred nurses gathered outside the health ministry in Accra on "
            "Monday, calling for back pay.",
            [("protest", "Accra")],
        ),
        (
            "Families assembled outside the port office in Accra on Monday demanding news of "
            "the fishermen.",
            [("protest", "Accra")],
        ),
        ("Hundreds of mourners gathered in Accra for the funeral on Monday.", []),
    ],
)
def test_a_crowd_gathered_with_a_demand_is_a_protest(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("A strike by dock workers in Mombasa, which did not happen, had been feared.", []),
        ("A protest in Mombasa, which never took place, was called by traders.", []),
        (
            "A strike by dock workers in Mombasa, which began on Monday, has closed the port.",
            [("protest", "Mombasa")],
        ),
    ],
)
def test_an_event_said_not_to_have_happened_is_none(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "A roadside explosive device struck an army truck outside Mandouri on Thursday.",
        "A landmine hit a tractor near Mandouri on Thursday.",
    ],
)
def test_an_explosive_device_striking_is_an_attack(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("attack", "Mandouri")]


@pytest.mark.parametrize(
    "body",
    [
        "A mortar shell landed near a clinic on the northern edge of Kherson on Monday, "
        "injuring two nurses.",
        "Two rockets landed in a market on the edge of Kherson on Monday.",
    ],
)
def test_a_shell_landing_on_the_edge_of_a_town_is_an_attack_there(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("attack", "Kherson")]


def test_a_neighbourhood_read_as_a_namesake_abroad_gives_way_to_the_town(
    pipeline: Pipeline,
) -> None:
    body = "Oct. 3, Reynosa: Gunmen shot dead two men in the Lomas del Real neighbourhood."
    assert typed(pipeline, body) == [("attack", "Reynosa")]


def test_an_event_log_dated_lead_in_dates_its_paragraph(pipeline: Pipeline) -> None:
    body = (
        "11 March - Kilifi district. Two fishing boats collided at night off Kilifi.\n\n"
        "12 March - Malindi. Police arrested four men in Malindi for smuggling fuel.\n"
    )
    found = incidents(pipeline, body)
    assert [(i.event_type, i.when and i.when.start.isoformat()) for i in found] == [
        ("collision", "2022-03-11"),
        ("arrest", "2022-03-12"),
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Gunmen seized a teacher in Zabid on Monday.", [("disappearance", "Zabīd")]),
        (
            "The four men were held in a farmhouse in Sabha for ransom.",
            [("disappearance", "Sabha")],
        ),
        ("Police seized two tonnes of cannabis in Zabid on Monday.", []),
        # a town seized is a battle, not an abduction
        ("Rebels seized control of Zabid on Monday.", [("attack", "Zabīd")]),
    ],
)
def test_people_seized_or_held_for_ransom_are_abducted(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_gunmen_who_abduct_are_no_attack_of_their_own(pipeline: Pipeline) -> None:
    body = "Gunmen stopped a minibus on a track north of Altar and kidnapped nine men inside."
    assert typed(pipeline, body) == [("disappearance", "Altar")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Police said reports of a robbery at Apam on Monday are false.", []),
        ("The army rejects claims that soldiers burned houses in Apam.", []),
        ("Police denied reports that officers shot a man in Apam.", []),
        ("Police confirmed reports that officers shot a man in Apam.", [("attack", "Apam")]),
    ],
)
def test_a_report_called_false_tells_no_incident(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Guards in Sabha beat him with a hose on Monday.", [("attack", "Sabha")]),
        (
            "Soldiers whipped the detainees at a camp in Sabha, two of them said.",
            [("attack", "Sabha")],
        ),
        ("Tripoli beat the champions in Sabha on Monday.", []),
    ],
)
def test_a_beating_of_people_is_an_attack(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "He reached Tripoli in March but was detained at a checkpoint on the coast road.",
        "She arrived in Tripoli on Monday and was arrested at the bus station.",
    ],
)
def test_an_arrest_after_an_arrival_is_where_the_mover_arrived(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("arrest", "Tripoli")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Police who caught 30 migrants near Karlovac on Monday drove them away.",
            [("arrest", "Karlovac")],
        ),
        ("On Monday he is caught by border agents near Nogales.", [("arrest", "Nogales")]),
        ("A barn caught fire near Karlovac on Monday.", [("fire", "Karlovac")]),
        ("He caught the bus in Karlovac on Monday.", []),
    ],
)
def test_people_caught_by_police_are_arrested(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_arrests_dated_by_the_protest_before_them_are_not_the_earlier_arrest(
    pipeline: Pipeline,
) -> None:
    # the second arrest carries its place and its month from the protest's sentence: a new
    # event, not the first arrest told again
    body = (
        "3 March 2022: Police detain a reporter at his flat in Dayton.\n\n"
        "April 2022: Students stage a protest in Dayton to demand his release. Four of them "
        "are briefly detained."
    )
    got = sorted(
        (i.event_type, i.place.name, i.when.start.isoformat() if i.when else None)
        for i in incidents(pipeline, body)
    )
    assert got == [
        ("arrest", "Dayton", "2022-03-03"),
        ("arrest", "Dayton", "2022-04-01"),
        ("protest", "Dayton", "2022-04-01"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rebels seized the town of Rutshuru on Thursday.", [("attack", "Rutshuru")]),
        ("Government troops recaptured Palmyra on Sunday.", [("attack", "Palmyra")]),
        ("Army units retook the town of Rutshuru on Friday.", [("attack", "Rutshuru")]),
        ("Fighters overran an army base near Mopti overnight.", [("attack", "Mopti")]),
        ("Armed groups took control of the town of Kidal on Monday.", [("attack", "Kidal")]),
        ("The town of Kidal fell to the rebels on Monday.", [("attack", "Kidal")]),
        # the law's capture stays an arrest
        ("Police captured the suspect in Dayton on Friday.", [("arrest", "Dayton")]),
        # no armed side, a body, a thing, a possession, a number: no place taken by force
        ("The photograph captured the city of Leeds at dusk.", []),
        ("The new party took control of the city council in Leeds in May.", []),
        ("Customs officers seized 20 kilos of cocaine at the port of Santos.", []),
        ("Police seized the town's largest drug haul in Leeds.", []),
        ("The number of soldiers fell to 500 in Herat.", []),
    ],
)
def test_a_place_taken_by_force_is_a_battle(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    found = typed(pipeline, body)
    assert found == expected
    if expected and expected[0][0] == "attack":
        assert incidents(pipeline, body)[0].sub_event_type == "territory taken"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a vehicle driven into another is a collision, not a crash and no border crossing
        (
            "A Dayton woman died after her car crossed the center line and struck a truck.",
            [("collision", "Dayton")],
        ),
        (
            "The driver crossed the median and hit an oncoming van near Dayton.",
            [("collision", "Dayton")],
        ),
        ("A car struck a truck near Dayton on Monday.", [("collision", "Dayton")]),
        ("The bus slammed into a tractor-trailer near Dayton.", [("collision", "Dayton")]),
        # a pedestrian struck stays a crash; no vehicle driven, no collision
        ("A pickup struck a pedestrian in Dayton on Monday.", [("crash", "Dayton")]),
        ("A boy hit a parked car with a bat in Dayton.", []),
    ],
)
def test_a_vehicle_driven_into_another_is_a_collision(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_person_called_may_is_no_modal(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Theresa May met the Kenyan president in Nairobi on Monday.") == [
        ("meeting/summit", "Nairobi")
    ]
    # the modal, and a title-case headline's modal, still leave the event unreported
    assert typed(pipeline, "Officials said the two leaders may meet in Nairobi.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Ivo Lintz lives in Lyon. He was arrested on Monday near his parents' Marseille home.",
        "Ivo Lintz lives in Lyon. Police arrested him at the family's Marseille flat on Monday.",
    ],
)
def test_a_place_after_a_possessive_noun_is_where_the_event_happened(
    pipeline: Pipeline, body: str
) -> None:
    """A place naming whose home it is after an owner's possessive noun ("his parents'",
    "the family's") is the event's place, not the town of the sentence before."""
    assert typed(pipeline, body) == [("arrest", "Marseille")]


def test_an_attack_a_recruiter_urged_is_not_an_incident(pipeline: Pipeline) -> None:
    body = "A recruiter in Syria encouraged Ivo Lintz to carry out a violent attack in Canada."
    assert typed(pipeline, body) == []


def test_an_assault_rifle_is_a_weapon_not_an_assault(pipeline: Pipeline) -> None:
    body = "Ivo Lintz was arrested in Denver on Friday, a day after he bought an assault rifle."
    assert typed(pipeline, body) == [("arrest", "Denver")]
    body = "A clerk was assaulted in Denver on Friday by a man carrying an assault rifle."
    assert typed(pipeline, body) == [("attack", "Denver")]


def test_a_round_up_s_later_arrest_of_a_townsman_is_at_the_report_s_town(
    pipeline: Pipeline,
) -> None:
    # a local round-up: a later item opening on "A Dayton woman was arrested" is placed at the
    # report's town, though the item before it moved to a street elsewhere
    body = (
        "A Dayton man was arrested on Sunday on two counts of burglary. His bond was set at "
        "$1,000. Cash was taken from a purse left in a truck at a home on Elm Drive east of "
        "Toledo. Nothing else was missing. A Dayton woman was arrested at home late Friday "
        "on a charge of lying to police."
    )
    found = [(i.event_type, i.place.name, str(i.when.start)) for i in incidents(pipeline, body)]
    assert ("arrest", "Dayton", "2022-06-10") in found
    assert ("arrest", "Dayton", "2022-06-05") in found


def test_a_townsman_named_in_passing_later_is_no_place(pipeline: Pipeline) -> None:
    # "another Dayton student" deep in a report is who someone was, not where it happened,
    # even in a report from Dayton
    body = (
        "Police in Dayton said a man was arrested on Sunday. His bond was set at $500. "
        "Nothing else was taken. He said the case recalled the shooting death of another "
        "Dayton student in 2019."
    )
    assert [t for t, _ in typed(pipeline, body)] == ["arrest"]


# --- local-news shapes (events_fresh9): invented sentences ---


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Six wagons of a grain train came off the tracks near Emerald on Sunday.",
            [("derailment", "Emerald")],
        ),
        ("The peace talks came off the tracks in Geneva on Sunday.", []),
        ("The campaign went off the rails in Dayton last week.", []),
    ],
)
def test_a_train_off_its_tracks_is_a_derailment(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


def test_a_meeting_with_industrialists_at_a_colon_dateline_town(pipeline: Pipeline) -> None:
    body = "LUCKNOW: The minister held a meeting with industrialists at a city hotel on Monday."
    assert typed(pipeline, body) == [("meeting/summit", "Lucknow")]


@pytest.mark.parametrize(
    "body",
    [
        "Jon Vorlek was driving half a mile west of Dayton when the car left the road and crashed.",
        "Jon Vorlek was eastbound in a pickup half a mile west of Dayton when the truck left "
        "the roadway and overturned.",
    ],
)
def test_a_vehicle_that_left_the_road_by_a_town(pipeline: Pipeline, body: str) -> None:
    # a vehicle leaving the road is no journey; a bearing "of" a town before the crash
    # places it by that town
    assert typed(pipeline, body) == [("crash", "Dayton")]


@pytest.mark.parametrize(
    "body",
    [
        "A van driver from Hull died after his van left the road and overturned near Settle.",
        "A nurse from Hull was hurt when her car left the road and crashed near Settle.",
    ],
)
def test_leaving_the_road_then_crashing_is_one_crash_at_the_crash_s_place(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == [("crash", "Settle")]


def test_an_undated_crash_told_far_from_a_collision_is_another_event(pipeline: Pipeline) -> None:
    filler = "Residents have asked for a lower speed limit on the road for many years. " * 9
    body = (
        "A car and a lorry collided on the main road near Kendal, police said. "
        + filler
        + "A van driver from Hull died after his van overturned near Shap."
    )
    found = bare(pipeline, body)
    assert ("collision", "Kendal") in found and ("crash", "Shap") in found


def test_leaving_the_road_without_a_vehicle_is_no_crash(pipeline: Pipeline) -> None:
    body = "The paving crew left the road half finished in Dayton on Monday."
    assert [t for t, _ in typed(pipeline, body)] == []


def test_an_officer_who_fired_at_a_driver_in_the_act(pipeline: Pipeline) -> None:
    # the officer fires at what the driver does there: the place of the "after" clause
    body = (
        "A driver was shot by a trooper after he tried to run the officer down with his van "
        "last week in Dayton."
    )
    assert ("attack", "Dayton") in typed(pipeline, body)


def test_a_shooting_by_no_officer_is_not_placed_by_an_after_clause(pipeline: Pipeline) -> None:
    body = "A man was shot by a neighbour after he had driven home from work in Dayton."
    assert ("attack", "Dayton") not in typed(pipeline, body)


def test_a_crash_told_then_as_vehicles_striking_each_other_is_one_collision(
    pipeline: Pipeline,
) -> None:
    # "failed to yield and collided": the collision did happen (not an infinitive's second
    # verb); the accident told first and the collision told after are one collision
    body = (
        "Tom Arvel died in a road accident in Dayton on Monday. Arvel failed to yield and "
        "collided with a minivan at the junction."
    )
    assert typed(pipeline, body) == [("collision", "Dayton")]


@pytest.mark.parametrize(
    "body",
    [
        "Tom Arvel died in a road accident in Dayton on Monday. His brother was not hurt.",
        # a crash in another town is another event
        "Tom Arvel died in a road accident in Dayton on Monday. On Friday two cars collided "
        "in Toledo.",
    ],
)
def test_a_crash_alone_stays_a_crash(pipeline: Pipeline, body: str) -> None:
    assert ("crash", "Dayton") in typed(pipeline, body)


def test_a_second_infinitive_is_still_no_event(pipeline: Pipeline) -> None:
    body = "The gang planned to track down and kill a witness in Dayton."
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Ron Tabel was beaten while in the county lockup in Dayton, investigators believe.",
        "Ron Tabel was stabbed while at a party in Dayton on Saturday.",
    ],
)
def test_a_verbless_while_clause_tells_where_it_befell_them(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == [("attack", "Dayton")]


def test_a_while_clause_of_time_places_nothing_by_itself(pipeline: Pipeline) -> None:
    body = "Ron Tabel was robbed while in college, long before he moved to Dayton."
    assert ("attack", "Dayton") not in typed(pipeline, body)


_BRAWL = (
    "Police broke up a large bar brawl in Dayton early Saturday. Deputies from two counties "
    "came to help. The chief said the fighting had spread to the parking lot. He said most "
    "of those involved were young men. The cause was not yet known. “Nothing like this has "
    "happened here,” the chief said. “Two of my deputies got bruised. Chairs were thrown.” "
)


def bare(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    """Incidents of a report with no header line and no dateline (as a corpus text is read)."""
    doc = Document(id="b", path="b.txt", text=body, title=None, published=date(2022, 6, 10))
    return [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]


def test_an_arrest_told_late_in_a_report_of_one_brawl_is_there(pipeline: Pipeline) -> None:
    # nothing is carried this far; the report is about one event in one town
    body = _BRAWL + "One man was arrested, officials said."
    assert ("arrest", "Dayton") in bare(pipeline, body)


def test_a_past_arrest_late_in_a_report_is_no_arrest_there(pipeline: Pipeline) -> None:
    body = _BRAWL + "He said it was not the only time Ed Korvan has been arrested."
    assert ("arrest", "Dayton") not in bare(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The Lakeside High School band will march in the Rose Parade in Pasadena on Jan. 1.",
        "Veterans marched in the Memorial Day parade in Dayton on Monday.",
    ],
)
def test_a_march_in_a_parade_is_no_protest(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body)] == []


def test_a_march_on_city_hall_is_still_a_protest(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Nurses marched on City Hall in Dayton on Monday.") == [
        ("protest", "Dayton")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "A 14-year-old boy who had been missing since Friday was found safe in Toledo.",
        "Missing hiker found alive in Aspen after three days.",
    ],
)
def test_where_a_missing_person_was_found_is_not_where_they_went_missing(
    pipeline: Pipeline, body: str
) -> None:
    assert [p for t, p in typed(pipeline, body) if t == "disappearance"] == []


def test_a_town_named_with_its_state_before_a_person_is_a_home(pipeline: Pipeline) -> None:
    body = (
        "A storm hit the coast. Officials spoke. Deputies arrested a Springfield, Mass., man "
        "on Wednesday at a motel on Route 9."
    )
    assert ("arrest", "Springfield") not in typed(pipeline, body)


def test_where_a_trip_is_still_to_go_is_not_where_the_next_event_is(pipeline: Pipeline) -> None:
    body = (
        "LUCKNOW: The governor opened a bridge on Monday. She will travel to Kanpur on Friday "
        "to open a school, officials said. Meanwhile, farmers staged a protest outside the "
        "venue on Monday."
    )
    assert typed(pipeline, body) == [("protest", "Lucknow")]


def test_a_time_to_come_in_the_next_clause_leaves_a_rally_told(pipeline: Pipeline) -> None:
    body = (
        "Hundreds of nurses rallied outside the hospital in Moncton on Saturday, and union "
        "leaders say more walkouts will follow next month."
    )
    found = [(i.event_type, i.place.name, i.status) for i in incidents(pipeline, body)]
    assert ("protest", "Moncton", "reported") in found


@pytest.mark.parametrize(
    "body",
    [
        "Their jeep hit a roadside bomb near Gao on Monday.",
        "A shepherd stepped on a landmine outside Kharkiv.",
    ],
)
def test_who_runs_into_a_hidden_weapon_is_no_attacker(pipeline: Pipeline, body: str) -> None:
    (incident,) = pipeline.extract(parse_document(body.encode(), "w.txt")).incidents
    assert incident.event_type == "attack" and incident.actor1 is None


def test_a_missile_fired_into_the_sea_is_no_attack_on_the_coast(pipeline: Pipeline) -> None:
    assert typed(pipeline, "The navy fired three missiles into the sea off Busan.") == []


@pytest.mark.parametrize(
    "body",
    ["The grant will help flood victims in Sindh.", "Aid reached flood relief camps in Sindh."],
)
def test_the_response_to_a_flood_is_no_flood_told(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_prices_or_shares_coming_down_are_no_crash(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Shares plunged and prices came down in Bemidji on Monday.") == []


def test_a_vigil_of_mourning_is_no_protest(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Mourners held a vigil in Leeds for the three victims.") == []


def test_a_raid_by_police_or_fans_is_no_attack(pipeline: Pipeline) -> None:
    assert typed(pipeline, "Detectives raided an office in Gusau on Friday.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Police blocked streets around Lyon on Monday.",
        "Snow blocked the highway near Durban for hours.",
    ],
)
def test_a_road_blocked_by_no_protesters_is_no_protest(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_a_mine_of_something_is_no_weapon(pipeline: Pipeline) -> None:
    assert typed(pipeline, "The report struck a mine of anger in Kharkiv on Monday.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bandits abducted two traders on the road between Kaduna and Zaria.", "Kaduna"),
        ("A tanker overturned on the highway linking Nakuru and Eldoret.", "Nakuru"),
    ],
)
def test_a_road_named_by_its_ends_places_the_event_once(
    pipeline: Pipeline, body: str, expected: str
) -> None:
    # one event on the road, near its first town; the far end is no second place
    assert [place for _, place in typed(pipeline, body)] == [expected]


def test_accidents_and_disasters_have_no_actor(pipeline: Pipeline) -> None:
    body = "The swollen river breached an embankment near Sylhet on Monday."
    (incident,) = pipeline.extract(parse_document(body.encode(), "f.txt")).incidents
    assert incident.event_type == "flood" and incident.actor1 is None


def test_the_finer_telling_of_an_event_keeps_the_day_the_coarser_one_gave(
    pipeline: Pipeline,
) -> None:
    text = (
        "---\npublished: 2023-05-10\n---\nBandits killed four herders in Zamfara state on "
        "Monday, police said. The attackers stormed the village of Anka at dawn."
    )
    (incident,) = pipeline.extract(parse_document(text.encode(), "z.txt")).incidents
    assert incident.place.name == "Anka"
    assert incident.when is not None and incident.when.start == date(2023, 5, 8)


# audit 6 (issue 12): the general causes of the false incidents of a sixth precision audit


@pytest.mark.parametrize(
    "body",
    [
        "Gunmen from the Borana tribe raided a village and killed four herders. Gunmen from "
        "the Turkana tribe attacked the Samburu tribe last month.",
        "Gunmen attacked the Samburu tribe at dawn and killed three herders.",
    ],
)
def test_a_tribe_is_no_place(pipeline: Pipeline, body: str) -> None:
    assert ("attack", "Samburu") not in typed(pipeline, body)


def test_a_county_named_like_a_tribe_is_still_a_place(pipeline: Pipeline) -> None:
    assert ("attack", "Samburu") in typed(pipeline, "Bandits killed four herders in Samburu.")


@pytest.mark.parametrize(
    "body",
    [
        "A Fresno woman was fined on Monday for falsely reporting that a man had assaulted "
        "her in a park.",
        "The Fresno student admitted she had made up the story of a kidnapping near campus.",
        "She later recanted her account of a stabbing outside a bar in Fresno.",
        "Police in Fresno said the report of an armed robbery at a gas station was a false report.",
    ],
)
def test_a_disproved_account_is_no_event(pipeline: Pipeline, body: str) -> None:
    assert [t for t, _ in typed(pipeline, body) if t != "arrest"] == []


def test_an_arrest_for_a_false_report_stays(pipeline: Pipeline) -> None:
    body = "Police arrested a man in Fresno on Monday for falsely reporting a bomb."
    assert ("arrest", "Fresno") in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Two children died in a house fire in Fresno on Saturday. Their father escaped.",
        "Flames swept through a barn in Fresno on Monday. The farmer escaped unharmed.",
        "A bus overturned near Fresno on Sunday. The driver escaped with minor injuries.",
    ],
)
def test_escaping_harm_is_no_flight(pipeline: Pipeline, body: str) -> None:
    assert "flight/defection" not in [i.event_type for i in incidents(pipeline, body, "")]


def test_an_escape_with_no_danger_told_is_still_a_flight(pipeline: Pipeline) -> None:
    # (no fire or crash told: a bare "escaped" is the inmates' flight)
    body = "Police in Fresno said two inmates escaped."
    found = [(i.event_type, i.place.name) for i in incidents(pipeline, body, "")]
    assert ("flight/defection", "Fresno") in found


@pytest.mark.parametrize(
    ("body", "yardstick"),
    [
        (
            "Three deputies were shot dead in Fresno on Saturday, the deadliest day for the "
            "county's police since two troopers died in a gunfight in Bakersfield years ago. "
            "Hours later the gunman was killed in a gun battle as officers raided his house.",
            "Bakersfield",
        ),
        (
            "A fire destroyed two shops in Fresno on Friday. It was the biggest fire in the "
            "valley since a warehouse burned down in Bakersfield in 2001.",
            "Bakersfield",
        ),
    ],
)
def test_the_event_a_yardstick_names_is_not_told(
    pipeline: Pipeline, body: str, yardstick: str
) -> None:
    found = typed(pipeline, body)
    assert any(p == "Fresno" for _, p in found)
    assert all(p != yardstick for _, p in found)


def test_an_event_told_after_since_without_a_yardstick_stays(pipeline: Pipeline) -> None:
    body = "Police have questioned ten people since gunmen attacked a bank in Bakersfield."
    assert ("attack", "Bakersfield") in typed(pipeline, body)


def test_a_yardstick_s_date_is_not_the_event_s(pipeline: Pipeline) -> None:
    body = (
        "The blast in Lahore on Monday was the worst attack in the country since a bombing "
        "in Peshawar killed 90 people in 2009."
    )
    [inc] = incidents(pipeline, body)
    assert inc.place.name == "Lahore"
    assert inc.when is not None and inc.when.start == date(2022, 6, 6)


def test_the_date_nearest_before_an_event_word_is_its_own(pipeline: Pipeline) -> None:
    body = (
        "The law passed in March was discussed Thursday at talks between Fresno officials "
        "and union leaders."
    )
    [inc] = incidents(pipeline, body)
    assert inc.event_type == "meeting/summit"
    assert inc.when is not None and inc.when.start == date(2022, 6, 9)


def test_one_date_written_two_ways_stays_one(pipeline: Pipeline) -> None:
    body = "On Saturday, May 21, two people died in a house fire in Fresno."
    [inc] = incidents(pipeline, body)
    assert inc.when is not None and inc.when.start == date(2022, 5, 21)


def test_two_halves_of_one_name_are_no_place(pipeline: Pipeline) -> None:
    # a village the gazetteer lacks, whose two words are each a town elsewhere
    body = "A farmer was stabbed outside his home in Meadow Grove on Friday."
    assert all(p not in ("Meadow", "Grove") for _, p in typed(pipeline, body))


def test_only_a_space_between_two_names_makes_them_halves() -> None:
    def at(text: str, name: str, hint: str | None = None) -> Toponym:
        start = text.index(name)
        place = Place(f"g:{name}", name, "city", "US", 40.0, -90.0, admin1="Ohio")
        return Toponym(Span(name, start, start + len(name)), place, hint)

    text = "from Meadow Grove to Paris, Texas and the Iraqi Basra office by Ramstein Air Base"
    halves = [at(text, "Meadow"), at(text, "Grove")]
    assert split_name(text, halves, 0) and split_name(text, halves, 1)
    comma = [at(text, "Paris"), at(text, "Texas")]
    assert not split_name(text, comma, 0) and not split_name(text, comma, 1)
    adjective = [at(text, "Iraqi", "demonym"), at(text, "Basra")]
    assert not split_name(text, adjective, 1)
    longer = [at(text, "Ramstein"), at(text, "Air")]
    assert not split_name(text, longer, 0)


@pytest.mark.parametrize(
    "body",
    [
        "Police in Fresno said a potential homicide investigation would wait for the "
        "coroner's report.",
        "Detectives in Fresno have not ruled out a possible murder inquiry.",
    ],
)
def test_an_inquiry_that_may_come_tells_no_event(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_an_inquiry_opened_still_tells_its_event(pipeline: Pipeline) -> None:
    body = "Police in Fresno opened a homicide investigation after a man was found dead."
    assert typed(pipeline, body) == [("attack", "Fresno")]


def test_the_town_of_a_school_that_tells_who_someone_is_is_not_carried(
    pipeline: Pipeline,
) -> None:
    body = (
        "Ann Lee, a graduate of Rock Hill High School, was alone at home on Monday. She saw "
        "a small fire in her bedroom and tried to smother it with a towel."
    )
    assert all(p != "Rock Hill" for _, p in typed(pipeline, body))
    # told at the place, the event is still there
    body = "Ann Lee, a teacher at Fort Mill High School, saw a fire in a shed in Fort Mill."
    assert typed(pipeline, body) == [("fire", "Fort Mill")]


@pytest.mark.parametrize(
    "body",
    [
        "DAYTON — A man was arrested on Sunday for the fatal stabbing of a cook on Friday.",
        "A man was arrested in Dayton in connection with the shooting of a cashier last week.",
    ],
)
def test_an_offence_told_as_an_event_after_its_arrest_is_an_incident_too(
    pipeline: Pipeline, body: str
) -> None:
    # an attack and the arrest that follows are two incidents; the offence with no place
    # of its own is of the town the report is filed from, else of the arrest's place
    assert sorted(typed(pipeline, body)) == [("arrest", "Dayton"), ("attack", "Dayton")]


def test_an_offence_named_by_the_law_is_no_second_incident(pipeline: Pipeline) -> None:
    assert typed(pipeline, "A man was arrested in Dayton on Sunday for robbery.") == [
        ("arrest", "Dayton")
    ]


def test_a_county_building_stands_in_the_dateline_s_town(pipeline: Pipeline) -> None:
    body = "FRESNO — A 30-year-old man was booked into the Fresno County Jail on Sunday."
    (incident,) = pipeline.extract(parse_document(body.encode(), "c.txt")).incidents
    assert (incident.event_type, incident.place.name) == ("arrest", "Fresno")
    assert incident.place_inferred
    # the county itself, not a building of it, stays the county
    flood = "FRESNO — Flooding hit Fresno County on Sunday."
    assert [
        i.place.feature_type
        for i in pipeline.extract(parse_document(flood.encode(), "f.txt")).incidents
    ] == ["admin2"]


@pytest.mark.parametrize(
    "body",
    [
        "Routine surveillance found the virus in two geese near Leeds.",
        "Disease surveillance was stepped up in Denver after the first case.",
        "Officials said avian surveillance in Swindon had picked up the strain.",
    ],
)
def test_the_watch_kept_on_a_disease_is_no_act_of_spying(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_surveillance_of_a_target_is_still_an_act_of_spying(pipeline: Pipeline) -> None:
    assert ("surveillance", "Denver") in typed(
        pipeline, "Police kept the activist under surveillance in Denver for a month."
    )


@pytest.mark.parametrize(
    "body",
    [
        "A witness said the guard grabbed the woman by her arm in Leeds.",
        "In Denver, a bouncer seized the man by the collar and pushed him out.",
    ],
)
def test_a_grip_by_the_arm_or_collar_is_no_abduction(pipeline: Pipeline, body: str) -> None:
    assert "disappearance" not in [t for t, _ in typed(pipeline, body)]


def test_a_person_seized_outright_is_still_an_abduction(pipeline: Pipeline) -> None:
    assert ("disappearance", "Leeds") in typed(
        pipeline, "Gunmen grabbed a teacher outside a school in Leeds on Monday."
    )


@pytest.mark.parametrize(
    "body",
    [
        "A Leeds apartment building was on fire on Sunday morning.",
        "In Leeds, the barn was already engulfed in flame by the time crews came.",
    ],
)
def test_a_building_on_fire_or_engulfed_in_flame_is_a_fire(pipeline: Pipeline, body: str) -> None:
    assert ("fire", "Leeds") in typed(pipeline, body)


def test_a_player_on_fire_is_no_fire(pipeline: Pipeline) -> None:
    assert typed(pipeline, "The Leeds striker was on fire on Sunday, scoring three goals.") == []


def _bare(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    """Incidents of a text with no header line (a body as the corpora give it)."""
    doc = Document(id="b", path="b.txt", text=body, title=None, published=date(2022, 6, 10))
    return [(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents]


@pytest.mark.parametrize(
    "body",
    [
        "A fire gutted a block of flats in Leeds on Sunday. Nobody knew how many residents "
        "were displaced.",
        "An apartment building in Leeds was on fire on Sunday. Six families were displaced.",
    ],
)
def test_tenants_displaced_by_a_fire_are_no_flight(pipeline: Pipeline, body: str) -> None:
    assert "flight/defection" not in [t for t, _ in _bare(pipeline, body)]


def test_people_displaced_by_a_flood_are_still_told_as_flight(pipeline: Pipeline) -> None:
    body = "Floods hit Leeds on Sunday. Thousands of residents were displaced."
    assert ("flight/defection", "Leeds") in _bare(pipeline, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Officials met on Monday. The summit will be held in Kigali in August.", "2023-08-01"),
        ("Officials met on Monday. A march will take place in Leeds on Saturday.", "2023-06-17"),
    ],
)
def test_an_event_that_will_be_held_is_planned_and_to_come(
    pipeline: Pipeline, body: str, expected: str
) -> None:
    text = f"---\npublished: 2023-06-14\n---\n{body}"
    incidents = [
        i
        for i in pipeline.extract(parse_document(text.encode(), "p.txt")).incidents
        if i.status == "planned"
    ]
    assert [(str(i.when.start) if i.when else None) for i in incidents] == [expected]


def test_yardsticks_and_schools_are_found_in_any_case_and_only_where_told() -> None:
    yard = "It was the worst storm SINCE a flood hit Dover in 1990. Roads closed."
    ((a, b),) = yardstick_spans(yard)
    assert yard[a:b] == "SINCE a flood hit Dover in 1990"
    assert without_yardstick(yard) == yard[:a] + " " * (b - a) + yard[b:]
    assert yardstick_spans("It was the worst storm in years. Roads closed.") == []
    assert without_yardstick("The worst storm in years.") == "The worst storm in years."
    school = "Ann, a senior at Lake City High School, drove home. She studies at Leeds."
    ((a, b),) = school_spans(school)
    assert school[a:b] == "Lake City High School"
    assert school_spans("Ann, a senior at Lake City High, drove home.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        # the deed done at a gathering happened where the gathering was: two incidents
        (
            "Guards detained nine students at a rally in Rennes on Monday.",
            [("arrest", "Rennes"), ("protest", "Rennes")],
        ),
        (
            "A reporter was beaten during a march in Tbilisi on Sunday.",
            [("attack", "Tbilisi"), ("protest", "Tbilisi")],
        ),
    ],
)
def test_a_deed_at_a_gathering_is_placed_with_it(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(typed(pipeline, body)) == expected


def test_a_hidden_weapon_that_struck_is_no_actor(pipeline: Pipeline) -> None:
    body = "Four guards died when a roadside bomb struck their truck near Gao."
    [inc] = incidents(pipeline, body)
    assert (inc.event_type, inc.place.name, inc.actor1) == ("attack", "Gao", None)


@pytest.mark.parametrize(
    "body,expected",
    [
        # a building named after its town, told as what was done to it: the town
        ("A Fresno pharmacy was robbed by two armed men on Monday.", ("attack", "Fresno")),
        ("The Leeds mosque was vandalized overnight.", ("attack", "Leeds")),
        ("A Reno home was gutted by fire on Sunday.", ("fire", "Reno")),
    ],
)
def test_a_building_named_after_its_town_places_what_was_done_to_it(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert typed(pipeline, body) == [expected]


def test_a_building_named_after_its_town_is_no_place_of_an_active_deed(
    pipeline: Pipeline,
) -> None:
    # the town names the shop's owner's business, the verb is no deed done to it
    assert typed(pipeline, "A Fresno bakery owner was honoured on Monday.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Dayton police arrested the suspect late on Monday after a short chase.",
        "A man was arrested by Portland police on Friday and taken to the county jail.",
        "Portland police arrested a man on Friday and took him to the county jail.",
        "Two men were arrested by the Reno Police Department and taken to the county jail.",
    ],
)
def test_a_town_s_police_that_made_the_arrest_place_it(pipeline: Pipeline, body: str) -> None:
    # the force of a town arrests in its town, however many other events the sentence tells
    got = typed(pipeline, body)
    assert [t for t in got if t[0] == "arrest"] == [
        ("arrest", next(w for w in ("Dayton", "Portland", "Reno") if w in body))
    ]


# audit20: causes found on unseen wire and health news (every sentence invented)


@pytest.mark.parametrize(
    ("body", "town"),
    [
        # the toll's "others" tell no other event: the country gives way to the town
        (
            "At least four workers died and 30 others were hurt on Monday in a boiler blast at "
            "a plant in northern China, officials said. The blast took place at a plant in "
            "Tianjin.",
            "Tianjin",
        ),
        # a wire report's time in another zone does not end the sentence, and "a quiet
        # district of X, a city in Y" is in X
        (
            "At least four workers died on Monday in a boiler blast at a plant in northern "
            "China, officials said. The blast hit at 6:05 p.m. (1005 GMT) at a plant in a quiet "
            "district of Tangshan, a city in Hebei province.",
            "Tangshan",
        ),
    ],
)
def test_a_lede_in_a_country_gives_way_to_the_town_told_next(
    pipeline: Pipeline, body: str, town: str
) -> None:
    assert _bare(pipeline, body) == [("explosion", town)]


def test_a_quarter_described_before_its_town_is_in_the_town(pipeline: Pipeline) -> None:
    body = "Flames swept through a depot on Friday in an old part of Xiamen, a port in Fujian."
    assert _bare(pipeline, body) == [("fire", "Xiamen")]


def test_two_plural_events_said_to_be_common_are_no_event(pipeline: Pipeline) -> None:
    body = (
        "A warehouse burned down in Dayton on Friday. Mine blasts and factory fires remain "
        "frequent in Peru, inspectors say."
    )
    assert _bare(pipeline, body) == [("fire", "Dayton")]


def test_the_home_of_an_arrested_person_is_not_carried_on(pipeline: Pipeline) -> None:
    body = (
        "LONDON, Ky. (WKTV) - Officers in the city have detained a couple on drug counts.\n"
        "Officers also arrested John Roe, 40, of McKee. Roe sat in the rear of the van. "
        "Officers seized pills and cash from the car.\n"
        "Jane Doe was arrested and booked on a count of shoplifting."
    )
    assert _bare(pipeline, body) == [("arrest", "London")]


@pytest.mark.parametrize(
    "charge",
    [
        "first-degree fleeing or evading officers",
        "fleeing and eluding a deputy",
        "burglary and fleeing deputies",
    ],
)
def test_a_flight_named_in_a_charge_is_no_flight(pipeline: Pipeline, charge: str) -> None:
    body = f"Police arrested Jane Doe in Leeds on Friday. She was charged with {charge}."
    assert _bare(pipeline, body) == [("arrest", "Leeds")]


def test_a_flight_from_the_police_is_still_told(pipeline: Pipeline) -> None:
    body = "Thousands of residents fled Leeds on Friday as the fighting spread."
    assert ("flight/defection", "Leeds") in _bare(pipeline, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Dayton police said a man was arrested in Chicago after a chase.",
            [("arrest", "Chicago")],
        ),
        ("Dayton police have not arrested anyone after the chase, a spokesman said.", []),
        ("Dayton police could arrest the man if he flees again.", []),
        ("Dayton police arrest dozens of drivers every year after chases.", []),
        ("A man wanted by Dayton police was arrested after a chase and taken to jail.", []),
        ("If Dayton police arrest the driver after a chase, he will be taken to jail.", []),
    ],
)
def test_a_town_s_police_in_another_role_places_no_arrest(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert [t for t in typed(pipeline, body) if t[0] == "arrest"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A bomb killed five soldiers in northern Nigeria's Borno state on Friday.",
            [("attack", "Borno")],
        ),
        (
            "Flooding killed 30 people in southern China's Guangdong province this week.",
            [("flood", "Guangdong")],
        ),
        (
            "In southern China's Guangdong and Guangxi provinces, flooding damaged 900 homes.",
            [("flood", "Guangdong"), ("flood", "Guangxi")],
        ),
        (
            "Heavy rain caused flooding in China's Guangdong and Guangxi provinces on Monday.",
            [("flood", "Guangdong"), ("flood", "Guangxi")],
        ),
    ],
)
def test_a_region_named_after_part_of_a_country_s_possessive(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    # "in northern Nigeria's Borno state": the state is where, as after "in Nigeria's"; and
    # each province joined to the first after the possessive is one of the places
    assert typed(pipeline, body) == expected


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            "The minister met with the foreign minister in March during a visit to Ankara.",
            "reported",
        ),
        ("The minister met with the foreign minister when he visited Ankara in March.", "reported"),
        (
            "The envoy met the premier when he toured the Turkish capital of Ankara.",
            "reported",
        ),
        ("The minister met the foreign minister while visiting Ankara in March.", "reported"),
        ("While in Ankara, the minister met with the foreign minister.", "reported"),
        ("The minister will meet the foreign minister when he visits Ankara next week.", "planned"),
    ],
)
def test_talks_held_on_a_visit_are_where_the_visit_went(
    pipeline: Pipeline, body: str, status: str
) -> None:
    got = [(i.event_type, i.place.name, i.status) for i in incidents(pipeline, body)]
    assert got == [("meeting/summit", "Ankara", status)]


@pytest.mark.parametrize(
    "body",
    [
        "The minister met with the foreign minister before a visit to Ankara.",
        "The minister met with the foreign minister, who will visit Ankara next week.",
        "The minister met with aides to plan a visit to Ankara.",
        "The minister has never met the foreign minister, even during a visit to Ankara.",
        "Ministers usually meet their counterparts during visits to Ankara.",
    ],
)
def test_a_visit_before_after_or_apart_from_the_talks_places_none(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Officials from both countries began meetings in Lisbon on Monday to review aid.",
            [("meeting/summit", "Lisbon")],
        ),
        (
            "The outbreak prompted a two-day meeting in Nairobi to review the response.",
            [("meeting/summit", "Nairobi")],
        ),
        ("The city council, at its meeting in Dover on Monday to discuss the budget, voted.", []),
        ("The school board's meeting in Dover to discuss the budget ran late.", []),
        ("There was no meeting in Nairobi to discuss the response.", []),
        ("Officials may call a meeting in Nairobi to discuss the outbreak if cases rise.", []),
    ],
)
def test_a_meeting_in_a_town_to_discuss_something(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert typed(pipeline, body) == expected


_BATTLE = (
    "A gun battle between soldiers and gunmen left nine dead in the port city of Tampico on "
    "Saturday. Two soldiers died in the fighting. The army seized forty rifles and six "
    "trucks. "
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (
            "Five men were taken into custody. A dozen homes had to be evacuated from the area "
            "after the clash.",
            [("attack", "Tampico"), ("arrest", "Tampico"), ("evacuation", "Tampico")],
        ),
        ("Nobody was evacuated from the area after the battle.", [("attack", "Tampico")]),
        ("Residents may be evacuated from the area if fighting resumes.", [("attack", "Tampico")]),
        (
            "Residents are often evacuated from the area when gangs clash.",
            [("attack", "Tampico")],
        ),
    ],
)
def test_arrests_and_evacuations_told_late_in_a_report_of_one_event(
    pipeline: Pipeline, tail: str, expected: list[tuple[str, str]]
) -> None:
    # the one event was placed only by carrying its town into "died in the fighting"; what
    # is told late with no place ("taken into custody", "evacuated from the area") is there
    assert typed(pipeline, _BATTLE + tail) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A string of bombings killed 14 in Lahore on Friday.", [("attack", "Lahore")]),
        ("A series of bombings killed 14 in Lahore on March 3, 2011.", [("attack", "Lahore")]),
        ("A spate of armed robberies hit shops in Dayton since Friday.", []),
        ("A series of armed robberies hit shops in Dayton last year.", []),
    ],
)
def test_a_series_of_events_on_one_day_is_one_incident(
    pipeline: Pipeline, body: str, expected: list[tuple[str, str]]
) -> None:
    assert _bare(pipeline, body) == expected


def test_a_country_named_as_what_a_thing_is_is_not_carried(pipeline: Pipeline) -> None:
    body = (
        "Police stopped protesters from entering a square in Seoul on Sunday. Night rallies are "
        "banned. The vigils have lasted a month. Hundreds of protesters gathered nearby to "
        "oppose a pact on Canada pork sales. Officers detained 40 people for sitting on a main "
        "road."
    )
    assert ("arrest", "Seoul") in _bare(pipeline, body)


def test_a_flood_verb_before_parts_of_countries_keeps_them(pipeline: Pipeline) -> None:
    body = "Heavy rain hit the region on Friday, flooding wide parts of Nepal and Bangladesh."
    assert ("flood", "Nepal") in _bare(pipeline, body)


# ---------------------------------------------------------------- prec20: precision by class


@pytest.mark.parametrize(
    "body",
    [
        # a flock culled: the birds are what was killed
        "In March a farm near Ipswich had more than 20,000 chickens killed after they fell ill.",
        # animals that burst: no blast
        "In a pond outside Dayton, hundreds of frogs swelled and then exploded, scientists said.",
        # an animal killed by animals
        "In 2004, a cow in Nakuru was killed after being attacked by wolves.",
        "A dog was shot in Chicago on Tuesday after it bit a child, police said.",
        "Officers shot two dogs in Albany on Tuesday after they ran loose.",
        # an animal that attacks: no person's violence
        "A jogger was attacked by a bear near Kumasi on Tuesday.",
    ],
)
def test_what_befalls_animals_is_no_attack_or_blast(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("A man who raised horses was killed in Dayton on Tuesday.", ("attack", "Dayton")),
        ("Cattle rustlers killed eleven people near Nakuru on Monday.", ("attack", "Nakuru")),
        ("Police shot a dog owner in Chicago on Tuesday.", ("attack", "Chicago")),
        ("A man was robbed after being attacked in Albany on Tuesday.", ("attack", "Albany")),
    ],
)
def test_people_hurt_near_animal_words_are_still_attacks(
    pipeline: Pipeline, body: str, want: tuple[str, str]
) -> None:
    assert want in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The panel spoke at a film screening on the lynching in Albany, organisers said.",
        "A documentary about the massacre in Aleppo was shown to students on Friday.",
        "She is writing a book about the bombing in Mogadishu.",
    ],
)
def test_an_event_that_is_the_subject_of_a_work_is_not_reported(
    pipeline: Pipeline, body: str
) -> None:
    assert typed(pipeline, body) == []


def test_an_event_told_after_a_work_word_is_still_reported(pipeline: Pipeline) -> None:
    body = "A lecture on Tuesday ended in a shooting in Chicago, police said."
    assert ("attack", "Chicago") in typed(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The crash in Dayton led to him missing his flight to Chicago.",
        "He was hurt in a crash in Dayton, missing the last three races of the season.",
        "An injury in Albany kept him missing the last two games of the season.",
    ],
)
def test_missing_an_event_or_a_flight_is_no_disappearance(pipeline: Pipeline, body: str) -> None:
    assert not any(t == "disappearance" for t, _ in typed(pipeline, body))


@pytest.mark.parametrize(
    "body",
    [
        "A girl went missing in Dayton on Tuesday, police said.",
        "A girl has been missing since Friday in Dayton, police said.",
        "A boy was reported missing in Albany on Tuesday.",
    ],
)
def test_a_person_gone_missing_is_still_a_disappearance(pipeline: Pipeline, body: str) -> None:
    assert any(t == "disappearance" for t, _ in typed(pipeline, body))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("In 2001 he was back before a jury in Dayton because of publicity.", "Dayton"),
        ("The trial was moved to Albany after the defence asked.", "Albany"),
        ("The Dayton County Court ruled on Friday.", "Dayton County Court"),
        ("He was sent to Ipswich Crown Court for sentence.", "Ipswich Crown Court"),
        ("A hearing in Chicago is set for May.", "Chicago"),
    ],
)
def test_a_courts_town_is_found(text: str, venue: str) -> None:
    assert any(venue in text[a:b] for a, b in court_spans(text))


def test_text_without_a_court_has_no_venue() -> None:
    assert court_spans("Police arrested a man in Dayton on Tuesday after a fight.") == []


@pytest.mark.parametrize(
    "body",
    [
        # a retrial's county is not where the crime it hears happened
        "In 2001 the man was back before a jury in Dayton because of publicity. "
        "Prosecutors said he abducted a woman and held her for a week.",
        # nor is a court's town where the men it remanded were arrested
        "The Dayton County Court ruled on Friday to keep ten men in custody. "
        "Eight of them were arrested on Monday.",
    ],
)
def test_a_courts_town_is_not_carried_to_the_events_it_hears(pipeline: Pipeline, body: str) -> None:
    assert typed(pipeline, body) == []


def test_an_arrest_told_before_a_court_date_keeps_its_town(pipeline: Pipeline) -> None:
    body = (
        "A man was arrested in Dayton on Sunday after a fight, police said. "
        "He will appear in court in Albany on Monday."
    )
    assert ("arrest", "Dayton") in typed(pipeline, body)


def test_a_later_item_of_a_such_as_list_is_an_example(pipeline: Pipeline) -> None:
    body = (
        "The new prosecutor will handle crimes such as the bank robberies or the triple "
        "killing in Dayton."
    )
    assert typed(pipeline, body) == []


def test_an_event_told_after_a_such_as_clause_is_still_reported(pipeline: Pipeline) -> None:
    body = (
        "Police said cases such as the robbery were rare, and the double homicide in Dayton "
        "on Friday shocked the town."
    )
    assert ("attack", "Dayton") in typed(pipeline, body)


def test_electronic_monitoring_of_offenders_is_no_surveillance(pipeline: Pipeline) -> None:
    body = "Four offenders in Dayton were electronically monitored after their release."
    assert typed(pipeline, body) == []


def test_agents_who_monitored_a_target_are_surveillance(pipeline: Pipeline) -> None:
    body = "Agents monitored the suspect's phone calls in Dayton for a month."
    assert ("surveillance", "Dayton") in typed(pipeline, body)
