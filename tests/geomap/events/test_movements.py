"""Movements in the English real reports use: every sentence here is invented."""

from __future__ import annotations

import pytest

from geomap.model import Movement
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


def movements(pipeline: Pipeline, body: str, header: str = HEADER) -> list[Movement]:
    doc = parse_document((header + body).encode(), "t.txt")
    return list(pipeline.extract(doc).movements)


def paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    return [tuple(p.name for p in m.path) for m in movements(pipeline, body)]


def by_path(pipeline: Pipeline, body: str) -> dict[tuple[str, ...], Movement]:
    """The movements of ``body`` keyed by the names along their paths."""
    return {tuple(p.name for p in m.path): m for m in movements(pipeline, body)}


@pytest.mark.parametrize(
    "body,expected",
    [
        # the vocabulary: verbs, nouns and phrases of motion
        ("The delegation flew to Nairobi from Kampala on Monday.", ("Kampala", "Nairobi")),
        ("The yacht sailed from Valletta to Tunis last week.", ("Valletta", "Tunis")),
        ("The rebels withdrew from Goma to Rutshuru overnight.", ("Goma", "Rutshuru")),
        ("The family relocated from Leeds to Perth in 2019.", ("Leeds", "Perth")),
        ("Two prisoners were extradited from Quito to Bogotá.", ("Quito", "Bogotá")),
        ("The rescued sailors were brought from Malta to Catania.", ("Malta", "Catania")),
        ("His trip from Hanoi to Vientiane took two days.", ("Hanoi", "Vientiane")),
        ("The exodus from Mosul to Erbil continued.", ("Mosul", "Erbil")),
        ("The convoy was en route to Kharkiv from Dnipro when it was hit.", ("Dnipro", "Kharkiv")),
        (
            "Thousands of migrants made their way to Tijuana from Tapachula.",
            ("Tapachula", "Tijuana"),
        ),
        # endpoints anywhere in the clause
        ("A freight train that travelled from Lyon to Turin was delayed.", ("Lyon", "Turin")),
        ("Families fleeing Mosul arrived in Erbil on Sunday.", ("Mosul", "Erbil")),
        ("A woman visiting from Toronto was injured in Boston on Friday.", ("Toronto", "Boston")),
        ("Residents of Kherson fled to Odesa last week.", ("Kherson", "Odesa")),
        ("A native of Accra, the singer moved to London in 1998.", ("Accra", "London")),
        (
            "The injured climber was airlifted from Zermatt to a hospital in Bern.",
            ("Zermatt", "Bern"),
        ),
        (
            "Immigrants from Honduras who crossed the desert reached Phoenix.",
            ("Honduras", "Phoenix"),
        ),
        # a stop on the way
        (
            "The envoy flew from Berlin to Tokyo with a layover in Dubai.",
            ("Berlin", "Dubai", "Tokyo"),
        ),
        ("The team flew from Oslo to Doha and then on to Muscat.", ("Oslo", "Doha", "Muscat")),
        (
            "A student flying from Oslo to Lima through a connecting flight in Madrid fell ill.",
            ("Oslo", "Madrid", "Lima"),
        ),
        (
            "The envoy flew from Berlin to Tokyo with a connecting flight in Dubai.",
            ("Berlin", "Dubai", "Tokyo"),
        ),
        ("She flew from Oslo to Lima, connecting in Madrid.", ("Oslo", "Madrid", "Lima")),
        (
            "The envoy drove from Mombasa to Nairobi, stopping overnight in Voi.",
            ("Mombasa", "Voi", "Nairobi"),
        ),
        # a named facility's town: "from <Name> prison in A"
        (
            "The activist was moved from Insein prison in Yangon to Mandalay.",
            ("Yangon", "Mandalay"),
        ),
        # "X-bound": where the flight was going, whatever stops it made
        (
            "A Boston-bound flight from Dublin was diverted to Shannon on Monday.",
            ("Dublin", "Shannon", "Boston"),
        ),
    ],
)
def test_movement_paths(pipeline: Pipeline, body: str, expected: tuple[str, ...]) -> None:
    assert expected in paths(pipeline, body)


def test_a_place_near_a_journey_is_no_endpoint_of_it(pipeline: Pipeline) -> None:
    body = "A lorry travelling from Mombasa to Nairobi overturned near the town of Voi."
    assert paths(pipeline, body) == [("Mombasa", "Nairobi")]


def test_leaving_a_place_for_others(pipeline: Pipeline) -> None:
    got = sorted(paths(pipeline, "Thousands have left Kismayo for Mogadishu and Baidoa."))
    assert got == [("Kismayo", "Baidoa"), ("Kismayo", "Mogadishu")]
    assert paths(pipeline, "The family fled Bukavu for Goma in May.") == [("Bukavu", "Goma")]


def test_a_sender_is_no_origin_of_a_move_inside_it(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Kenya will deploy 300 police officers to Mombasa next week.") == []
    assert paths(pipeline, "Kenya will deploy 300 police officers to Somalia next week.") == [
        ("Kenya", "Somalia")
    ]


def test_a_word_inside_a_name_is_no_trigger(pipeline: Pipeline) -> None:
    doc = parse_document(
        (HEADER + "The Red Cross said its volunteers drove from Lviv to Kyiv.").encode(), "t.txt"
    )
    ex = pipeline.extract(doc)
    assert [m.movement_type for m in ex.movements] == ["travelled"]
    assert [i.event_type for i in ex.incidents] == []


def test_coordinated_endpoints_are_several_movements(pipeline: Pipeline) -> None:
    got = sorted(paths(pipeline, "Activists travelled from Lyon and Marseille to Paris."))
    assert got == [("Lyon", "Paris"), ("Marseille", "Paris")]
    got = sorted(paths(pipeline, "The aid workers flew from Nairobi to Juba and Khartoum."))
    assert got == [("Nairobi", "Juba"), ("Nairobi", "Khartoum")]


def test_a_city_stands_for_the_country_named_after_it(pipeline: Pipeline) -> None:
    assert paths(pipeline, "She moved from Lagos, Nigeria, to Leeds, England, in 2010.") == [
        ("Lagos", "Leeds")
    ]


@pytest.mark.parametrize(
    "body,origin",
    [
        ("The Winnipeg-based team flew to Toronto on Tuesday.", "Winnipeg"),
        ("Alberta's premier travelled to Ottawa on Monday.", "Alberta"),
        (
            "Dozens gathered at the station in Kharkiv. They were later evacuated to Dnipro.",
            "Kharkiv",
        ),
    ],
)
def test_implicit_origins_are_flagged(pipeline: Pipeline, body: str, origin: str) -> None:
    [m] = movements(pipeline, body)
    assert m.path[0].name == origin
    assert m.origin_inferred and not m.destination_inferred
    stated = movements(pipeline, "The team flew from Winnipeg to Toronto on Tuesday.")[0]
    assert m.confidence < stated.confidence and not stated.origin_inferred


@pytest.mark.parametrize(
    "body,path,inferred",
    [
        # the people an incident struck start where it happened
        (
            "A bus overturned near Voi on Monday. The injured were airlifted to Nairobi.",
            ("Voi", "Nairobi"),
            "origin",
        ),
        (
            "A train derailed near Alliance on Friday. Residents were evacuated and some"
            " drove to Cleveland.",
            ("Alliance", "Cleveland"),
            "origin",
        ),
        # help goes where it happened
        (
            "A wildfire burned homes near Redding on Sunday. Crews were sent from Sacramento"
            " to help.",
            ("Sacramento", "Redding"),
            "destination",
        ),
        (
            "A quake shook Padang on Monday, and rescuers were flown in from Jakarta.",
            ("Jakarta", "Padang"),
            "destination",
        ),
        # a journey that goes on starts where the last one ended
        (
            "The minister flew from Oslo to Berlin on Monday. She will travel on to Rome.",
            ("Berlin", "Rome"),
            "origin",
        ),
    ],
)
def test_ends_taken_from_the_story(
    pipeline: Pipeline, body: str, path: tuple[str, str], inferred: str
) -> None:
    got = by_path(pipeline, body)
    assert path in got
    m = got[path]
    assert (m.origin_inferred, m.destination_inferred) == (
        inferred == "origin",
        inferred == "destination",
    )


@pytest.mark.parametrize(
    "body",
    [
        "A man was shot in Dayton on Monday. He had moved to Chicago in 2010.",
        "A man was shot in Dayton on Monday. His brother flew to Chicago.",
        # the same town: no journey
        "A car crashed in Dayton on Monday. The driver was taken to a hospital in Dayton.",
        "The suspect had been due to be deported to Bulgaria but disappeared.",
    ],
)
def test_no_end_from_the_story(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_title_case_headline_gives_its_visitor_a_home(pipeline: Pipeline) -> None:
    text = "Senior U.S. Trade Official Visits Poland\n\nThe envoy will meet officials.\n"
    doc = parse_document(text.encode(), "h.txt")
    [m] = pipeline.extract(doc).movements
    assert [p.name for p in m.path] == ["United States", "Poland"] and m.origin_inferred


def test_the_dateline_is_an_implicit_origin_only_for_a_carried_story(pipeline: Pipeline) -> None:
    body = (
        "NAIROBI, Kenya (Reuters) - Police detained three men on Tuesday."
        " They were later flown to Mombasa."
    )
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Nairobi", "Mombasa"] and m.origin_inferred


@pytest.mark.parametrize(
    "body",
    [
        "He did not travel from Kyiv to Lviv.",
        "The minister never returned from Paris to Dakar.",
        "Troops could be sent from Poland to Latvia.",
        "If they flee from Aleppo to Idlib, the camps will fill.",
        "The group tried to cross from Tijuana into San Diego.",
        "A flight from London to Amsterdam costs about 80 euros.",
        "He commutes from Oxford to London every day.",
        "She usually drives from Leeds to York on Sundays.",
        "She moved from a policy of restraint to open confrontation.",
        "Officials said the highway runs from Lima to Cusco.",
        # the place belongs to the verb that reports nothing, not to the one before it
        "The Lima games bring together athletes who hope to travel to Cusco.",
    ],
)
def test_what_is_not_a_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,status",
    [
        ("Peacekeepers will be deployed from Dakar to Bamako next month.", "planned"),
        ("The president is to travel from Seoul to Tokyo on Friday.", "planned"),
        ("The band plans to move from Austin to Denver.", "planned"),
        ("Peacekeepers were deployed from Dakar to Bamako last month.", "reported"),
        ("Villagers were forced to flee from Uvira to Goma.", "reported"),
        # what follows "before" shares the announced journey's status
        ("The envoy will fly to Nairobi on Monday before returning to Addis Ababa.", "planned"),
    ],
)
def test_status(pipeline: Pipeline, body: str, status: str) -> None:
    [m] = movements(pipeline, body)
    assert m.status == status


def test_movement_types(pipeline: Pipeline) -> None:
    def kind(body: str) -> str:
        return movements(pipeline, body)[0].movement_type

    assert kind("Engineers were dispatched from Ankara to Adana.") == "dispatched"
    assert kind("Hundreds escaped from Mariupol to Zaporizhzhia.") == "fled"
    assert kind("Residents were evacuated from Lismore to Brisbane.") == "evacuated"
    assert kind("Two men were repatriated from Tripoli to Niamey.") == "deported"
    assert kind("Migrants crossed from Calais to Dover overnight.") == "crossed"
    assert kind("The team drove from Denver to Boulder.") == "travelled"


def test_the_actor_is_a_noun_phrase(pipeline: Pipeline) -> None:
    [m] = movements(pipeline, "A senior official based in Accra fled to Lomé on Monday.")
    assert m.actor == "A senior official"
    assert [p.name for p in m.path] == ["Accra", "Lomé"]


def test_headline_and_body_tell_one_movement_once(pipeline: Pipeline) -> None:
    text = "Ministers fly from Oslo to Riga\n\nThe ministers flew from Oslo to Riga on Monday.\n"
    doc = parse_document(text.encode(), "h.txt")
    got = pipeline.extract(doc).movements
    assert [tuple(p.name for p in m.path) for m in got] == [("Oslo", "Riga")]
    assert got[0].quote.start > 0  # the body's report, with its date
    assert got[0].when is None or got[0].when.start.isoformat()


def test_no_origin_inferred_where_the_sentence_goes_next(pipeline: Pipeline) -> None:
    body = (
        "A bus overturned outside Manchester on Friday. The injured were taken to a "
        "hospital in Leeds before one of them was flown by helicopter to Manchester."
    )
    got = paths(pipeline, body)
    assert ("Leeds", "Manchester") in got
    assert ("Manchester", "Leeds") not in got


@pytest.mark.parametrize(
    "body,expected",
    [
        # who travels with the mover does not make the destination their home
        ("She moved from Leeds to York with her two sons in search of a job.", ("Leeds", "York")),
        ("She plans to move from Leeds to York with her mother.", ("Leeds", "York")),
        ("The refugees fled from Mosul to Erbil with their children.", ("Mosul", "Erbil")),
    ],
)
def test_company_after_the_destination(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected,status",
    [
        ("The pair hitchhiked from Leeds to York.", ("Leeds", "York"), "reported"),
        ("They cycled from Leeds to York in two days.", ("Leeds", "York"), "reported"),
        (
            "She rode a tandem bike from her home town of Tulsa to Chicago.",
            ("Tulsa", "Chicago"),
            "reported",
        ),
        ("A veteran set out to bike from Tulsa to Chicago.", ("Tulsa", "Chicago"), "reported"),
        ("She plans to ride a tandem bike from Tulsa to Chicago.", ("Tulsa", "Chicago"), "planned"),
        ("The widows set off on a march from Leeds to York.", ("Leeds", "York"), "reported"),
    ],
)
def test_rides_walks_and_marches(
    pipeline: Pipeline, body: str, expected: tuple[str, ...], status: str
) -> None:
    got = movements(pipeline, body)
    assert [(tuple(p.name for p in m.path), m.status) for m in got] == [(expected, status)]


@pytest.mark.parametrize(
    "body",
    [
        "He is riding high in the polls in Leeds.",
        "The hotel is within walking distance of the beach in Leeds.",
        "The team set out to find survivors in Leeds.",
        # what is left stays where it is
        "A note asking for a reply was left on Sunday for the mayor in Leeds.",
    ],
)
def test_rides_and_walks_that_go_nowhere(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_headline_announces_with_to(pipeline: Pipeline) -> None:
    doc = parse_document(b"Veteran to cycle from Tulsa to Chicago\n\nHe sets off soon.\n", "h.txt")
    got = pipeline.extract(doc).movements
    assert [(tuple(p.name for p in m.path), m.status) for m in got] == [
        (("Tulsa", "Chicago"), "planned")
    ]
    # a verb before "to" is no subject: a refusal announces nothing
    doc = parse_document(b"Man refuses to leave Leeds for York\n\nHe said so.\n", "r.txt")
    assert list(pipeline.extract(doc).movements) == []
    # and the rule is the headline's only: in the body "countries to send" is no plan
    body = "Chile was among the earliest nations to send medics to Haiti."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The couple boarded a train to Vienna in Munich on Tuesday.", ("Munich", "Vienna")),
        ("She boarded a plane from Madrid to Lima.", ("Madrid", "Lima")),
        ("The family fled their home in Mariupol for Lviv last spring.", ("Mariupol", "Lviv")),
        ("Thousands fled their homes in Homs to Lebanon.", ("Homs", "Lebanon")),
        ("Many painters left Russia or the Ottoman Empire for France.", ("Russia", "France")),
        # (the bare name of a province named after its main town is that town: Dar‘ā)
        ("The convoy was granted safe passage from Daraa toward Idlib.", ("Dar‘ā", "Idlib")),
        ("They were driving from Denver to Omaha when the storm hit.", ("Denver", "Omaha")),
        ("The inmate absconded from Cork to Limerick.", ("Cork", "Limerick")),
        ("The engineers resettled from Kyiv to Warsaw in 2022.", ("Kyiv", "Warsaw")),
        ("After six years in Madrid, she moved back to Lisbon.", ("Madrid", "Lisbon")),
        ("The suspect led deputies on a chase from Tyler into Longview.", ("Tyler", "Longview")),
        ("Aid was trucked from Amman to Damascus.", ("Amman", "Damascus")),
        (
            "Nearly 300 Hondurans left San Pedro Sula on Friday, heading north to Guatemala.",
            ("San Pedro Sula", "Guatemala"),
        ),
        ("He returned to his native Ghana from London after 20 years.", ("London", "Ghana")),
        ("The rebels pulled back from Goma toward Rutshuru.", ("Goma", "Rutshuru")),
        (
            "Thousands streamed across the border from Venezuela into Colombia.",
            ("Venezuela", "Colombia"),
        ),
        (
            "A crash near Kendal hurt two men. One was life-flighted to a hospital in Preston.",
            ("Kendal", "Preston"),
        ),
        ("A crash near Kendal hurt two men. One was medevaced to Preston.", ("Kendal", "Preston")),
    ],
)
def test_more_of_the_english_of_journeys(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        # a person's home given sentences before, by name
        (
            "Jane Roe of Leeds was named the winner on Monday. Roe flew to Madrid the next day.",
            ("Leeds", "Madrid"),
        ),
        (
            "Israeli President Amos Tal spoke on Sunday. Tal paid an official visit to Vienna"
            " on Monday.",
            ("Israel", "Vienna"),
        ),
        ("Tom Ward, a Cork native, returned to Dublin last week.", ("Cork", "Dublin")),
        ("Ann Lee, 34, of Akron was hired. Lee drove to Toledo on Friday.", ("Akron", "Toledo")),
        ("Police said the driver, of Akron, drove to Toledo on Friday.", ("Akron", "Toledo")),
        ("MIAMI — A Colombian man was extradited to Bogota on Friday.", ("Miami", "Bogotá")),
        # an office or a unit named after a place or a people
        ("U.S. President Dan Fry visited Riyadh last year.", ("United States", "Riyadh")),
        ("The Texas Governor flew to Mexico City on Monday.", ("Texas", "Mexico City")),
        ("Canadian troops were deployed to Latvia in March.", ("Canada", "Latvia")),
        ("The Kenyan President flew to Addis Ababa on Monday.", ("Kenya", "Addis Ababa")),
        ("A visit by Peru's foreign minister to Bolivia ended on Friday.", ("Peru", "Bolivia")),
        ("A Japanese delegation's visit to Lyon ended well.", ("Japan", "Lyon")),
        ("Peru's president is ending a three-week US tour.", ("Peru", "United States")),
        (
            "Ivan Petrov, the Russian foreign minister, met reporters. Petrov later flew to"
            " Ankara.",
            ("Russia", "Ankara"),
        ),
        ("The Russian foreign minister flew to Ankara on Monday.", ("Russia", "Ankara")),
        (
            "Kenya's President Jane Wanjiru spoke on Monday. Wanjiru later flew to Kampala.",
            ("Kenya", "Kampala"),
        ),
        (
            "Ivan Petrov, Russia's foreign minister, met reporters. Petrov later flew to Ankara.",
            ("Russia", "Ankara"),
        ),
        (
            "Britain's Prince Edwin opened the fair. Edwin later flew to Nairobi.",
            ("United Kingdom", "Nairobi"),
        ),
        ("The Spanish king began his Mexico visit on Monday.", ("Spain", "Mexico")),
        (
            "Lord used to live in Charlotte. Eventually, Lord moved to Myrtle Beach.",
            ("Charlotte", "Myrtle Beach"),
        ),
        ("Thousands of Syrians have crossed into Turkey.", ("Syria", "Turkey")),
        # the force that held someone, for a transfer to custody elsewhere
        (
            "She was arrested by Tioga County police and taken to the Bradford County jail.",
            ("Tioga County", "Bradford County"),
        ),
        (
            "Fresno police arrested the man and took him to the Kern County Sheriff's Office.",
            ("Fresno", "Kern County"),
        ),
        # where someone grew up
        (
            "She spent her childhood years in Wintersville, before her parents moved to Arlington.",
            ("Wintersville", "Arlington"),
        ),
        (
            "He spent most of his life in Lagos, but in 2015 he moved to Accra.",
            ("Lagos", "Accra"),
        ),
    ],
)
def test_the_movers_home_is_an_implicit_origin(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    [m] = [m for m in movements(pipeline, body) if tuple(p.name for p in m.path) == expected]
    assert m.origin_inferred and not m.destination_inferred


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Jane Roe of Leeds was named the winner on Monday. Roe flew home from Madrid the"
            " next day.",
            ("Madrid", "Leeds"),
        ),
        ("The Oslo-based band returned home from Rome after the theft.", ("Rome", "Oslo")),
        ("The Oslo-based band returned from Rome on Sunday.", ("Rome", "Oslo")),
        (
            "DAYTON, Ohio — A couple visiting from Boston said the fair was crowded.",
            ("Boston", "Dayton"),
        ),
    ],
)
def test_home_is_where_the_report_says_the_mover_lives(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == expected
    assert m.destination_inferred and not m.origin_inferred


def test_here_is_the_town_the_report_is_from(pipeline: Pipeline) -> None:
    body = "DAYTON, Ohio — The company moved here from Chicago in 1990."
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Chicago", "Dayton"] and m.destination_inferred
    body = "The mill opened in Lowell in 1850. The firm relocated here from Boston in 1871."
    assert paths(pipeline, body) == [("Boston", "Lowell")]
    # an arrival from elsewhere in a datelined report
    for body in (
        "NAIROBI, Kenya — Aid workers flew in from Kampala on Friday.",
        "NAIROBI, Kenya — A man from Kampala arrived in the city on Friday.",
    ):
        [m] = movements(pipeline, body)
        assert [p.name for p in m.path] == ["Kampala", "Nairobi"] and m.destination_inferred
    # without a dateline, nothing says where they arrived
    assert paths(pipeline, "Aid workers flew in from Kampala on Friday.") == []
    # a named person who came from elsewhere came to the report's town; things did not
    body = "DAYTON, Ohio — Jane Roe, who came from Boston for the funeral, spoke first."
    assert paths(pipeline, body) == [("Boston", "Dayton")]
    assert paths(pipeline, "DAYTON, Ohio — Most of the donations came from Boston.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Rather than driving to Castlegar, people may use the Nelson branch.",
        "The fare is now higher than a flight from Boston to Dallas.",
        # two homes for one name: neither is taken
        "Ann Lee of Leeds won. Ann Lee of York lost. Lee flew to Madrid the next day.",
        # a surname given homes the gazetteer does not know as well is nobody's in particular
        "Her sons Pavel Roe of Houston and Ed Roe of Zzyzxville survive her. Ms. Roe moved to"
        " Dallas in 1990.",
        # a police force is where someone was held, not where a driver started
        "Fresno police questioned a woman who drove her friend to Alabama.",
        # a people named long before a motion word is not its mover
        "The Russians questioned whether Iran owns rockets able to hit the United States.",
        # a person's home is not where a drive that hurt them was going
        "A truck driven by Sam Kerr of Bristol struck a wall in Bath.",
    ],
)
def test_no_journey_from_these(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_legs_told_one_after_another(pipeline: Pipeline) -> None:
    body = "Two trucks were sent from Dresden to Prague, and from Prague to Brno."
    assert sorted(paths(pipeline, body)) == [("Dresden", "Prague"), ("Prague", "Brno")]
    body = "Fighters have been leaving for Idlib from Douma in convoys of buses."
    assert paths(pipeline, body) == [("Dūmā", "Idlib")]


def test_an_announced_journey_goes_on_announced(pipeline: Pipeline) -> None:
    body = "The president will visit Paris from Madrid on Monday and travel on to Berlin."
    assert {m.status for m in movements(pipeline, body)} == {"planned"}


def test_a_persons_home_is_no_incidents_place(pipeline: Pipeline) -> None:
    doc = parse_document((HEADER + "Mark Hale of Denver was arrested on Friday.").encode(), "t.txt")
    assert [i.place.name for i in pipeline.extract(doc).incidents] == []
    doc = parse_document(
        (HEADER + "Police arrested Mark Hale in Denver on Friday.").encode(), "t.txt"
    )
    assert [i.place.name for i in pipeline.extract(doc).incidents] == ["Denver"]


@pytest.mark.parametrize(
    "body",
    [
        "The roadworks will affect people travelling to Leeds from York and Hull.",
        "The closure could delay drivers heading to Leeds from York.",
        "Motorists driving from York to Leeds should allow extra time.",
        "Delays are expected for anyone travelling from York to Leeds this weekend.",
    ],
)
def test_whoever_may_travel_makes_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_travellers_told_of_in_a_report_still_travel(pipeline: Pipeline) -> None:
    body = "Passengers travelling to Leeds from York were stranded on Monday."
    assert paths(pipeline, body) == [("York", "Leeds")]
    assert paths(pipeline, "Families fleeing Homs arrived in Beirut on Monday.") == [
        ("Homs", "Beirut")
    ]


def _headlined(pipeline: Pipeline, headline: str, body: str) -> list[tuple[str, ...]]:
    doc = parse_document(f"{headline}\n\n{body}\n".encode(), "h.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "headline,body,expected",
    [
        # the headline's unnamed protagonist, named in the body, then "he"
        (
            "Tampere native opens a bakery abroad",
            "Ilmari Vesk bakes rye bread. Vesk learned the trade from an uncle. In 2004 Vesk"
            " quit his job, and soon after he moved to Oslo.",
            ("Tampere", "Oslo"),
        ),
        # "X, where he grew up" gives the one person the report is about a home
        (
            "Dentist keeps a busy practice, says Dr. Orrin Pask",
            "Dr. Orrin Pask sees forty patients a day. Pask has roots in Ghana, where he grew"
            " up. Pask says his move to Nairobi was for the climate.",
            ("Ghana", "Nairobi"),
        ),
    ],
)
def test_the_protagonists_home_is_where_he_set_out_from(
    pipeline: Pipeline, headline: str, body: str, expected: tuple[str, ...]
) -> None:
    doc = parse_document(f"{headline}\n\n{body}\n".encode(), "h.txt")
    [m] = pipeline.extract(doc).movements
    assert tuple(p.name for p in m.path) == expected
    assert m.origin_inferred and not m.destination_inferred


def test_no_protagonist_no_pronoun_journey(pipeline: Pipeline) -> None:
    # two people named as often: "he" may be either, so no origin is taken
    body = (
        "Tampere native Ilmari Vesk and Kalle Rusk run a bakery. Vesk bakes and Rusk sells."
        " Vesk and Rusk met at school. In 2004 he moved to Oslo."
    )
    assert _headlined(pipeline, "A bakery for the town", body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        # where someone made a life before the move
        (
            "Orla Brenn used to have a quiet life in Galway. After the flood, Brenn moved to"
            " Dublin.",
            ("Galway", "Dublin"),
        ),
        # a spell spent doing something somewhere, before the move
        (
            "After 20 years of farming and teaching in Lusaka, the couple moved to Harare.",
            ("Lusaka", "Harare"),
        ),
        # a visitor from home, in the town she was visiting
        (
            "The student, of York, told officers she was in Leeds visiting her aunt.",
            ("York", "Leeds"),
        ),
        # a time phrase between "decided" and its "to"
        (
            "Bo Lind of Uppsala quit in May and decided soon after to move to Stockholm.",
            ("Uppsala", "Stockholm"),
        ),
    ],
)
def test_where_the_mover_was_before(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


def test_a_patient_transferred_to_hospital_travels(pipeline: Pipeline) -> None:
    body = (
        "The injured rider was rushed to a clinic in York and later transferred to a"
        " hospital in Leeds."
    )
    moved = {tuple(p.name for p in m.path): m.movement_type for m in movements(pipeline, body)}
    assert moved.get(("York", "Leeds")) == "travelled"
    body = "The inmate was transferred from a prison in York to a prison in Leeds."
    [m] = movements(pipeline, body)
    assert m.movement_type == "dispatched"


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Peru's exports rose in Lima and Cusco last year. President Ana Quispe paid a"
            " state visit to Madrid on Monday.",
            ("Peru", "Madrid"),
        ),
        (
            "Chile signed a trade pact, officials in Santiago and Valparaiso said. The pact"
            " came after a trip by the head of state to Tokyo in May.",
            ("Chile", "Tokyo"),
        ),
    ],
)
def test_a_leader_named_without_a_country_sets_out_from_the_reports(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == expected and m.origin_inferred


@pytest.mark.parametrize(
    "body",
    [
        # the country is only named by its people: which one is the leader's is not said
        "Peruvian exporters in Lima and Cusco gained. President Ana Quispe paid a state"
        " visit to Madrid on Monday.",
        # the report is as much about another country
        "Peru and Spain met in Lima and Madrid, then in Cusco and Seville. President Ana Quispe"
        " paid a state visit to Paris on Monday.",
        # a title with its country is the person's own home, not a guess
        "Peru's exports rose in Lima and Cusco. Chilean President Ana Quispe paid a state"
        " visit to Madrid on Monday.",
    ],
)
def test_no_leader_journey_from_a_guess(pipeline: Pipeline, body: str) -> None:
    assert ("Peru", "Madrid") not in paths(pipeline, body)
    assert ("Peru", "Paris") not in paths(pipeline, body)


def test_a_journey_someone_is_to_make_is_announced(pipeline: Pipeline) -> None:
    [m] = movements(pipeline, "The Oslo-based band is to make a short visit to Bergen.")
    assert m.status == "planned"
    [m] = movements(pipeline, "The Oslo-based band made a short visit to Bergen.")
    assert m.status == "reported"


def test_no_journey_into_the_place_it_left(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The crew drove from Texas to Houston on Friday.") == []
    assert paths(pipeline, "The crew drove from Kenya to Mombasa on Friday.") == []
    assert paths(pipeline, "The crew drove from Dallas to Houston on Friday.") == [
        ("Dallas", "Houston")
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a departure with nowhere to go, and the arrival the next sentence tells
        (
            "The pilgrims left Tulsa on Monday. They arrived in Wichita two days later.",
            [("Tulsa", "Wichita")],
        ),
        ("The choir left Dover at dawn. The group reached Calais by noon.", [("Dover", "Calais")]),
        # a journey noun standing for the mover between two verbs
        ("After leaving Tulsa, the convoy reached Wichita at dawn.", [("Tulsa", "Wichita")]),
        # a sentence in between: the departure is no longer the story's
        (
            "The pilgrims left Tulsa on Monday. The weather in Oklahoma was fine. They arrived"
            " in Wichita two days later.",
            [],
        ),
        # someone else arrives
        ("The pilgrims left Tulsa on Monday. Jane Roe arrived in Wichita on Friday.", []),
    ],
)
def test_legs_told_in_two_sentences(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "An Italian folk band lost its van in Malmo. The band returned home from Malmo on"
            " Sunday.",
            ("Malmö", "Italy"),
        ),
        (
            "A Leeds-based choir sang at the fair. The choir flew to Oslo on Monday.",
            ("Leeds", "Oslo"),
        ),
    ],
)
def test_a_group_named_after_its_home(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


def test_no_group_home_when_two_groups_differ(pipeline: Pipeline) -> None:
    body = "A Leeds choir and a York choir sang at the fair. The choir flew to Oslo on Monday."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The flight from Denver to Pueblo was cancelled because of the storm.",
        "Flights from Oslo to Bergen were cancelled on Monday.",
        "The minister called off her visit to Nairobi from Kampala.",
        "She cancelled her trip from Lyon to Turin.",
    ],
)
def test_a_cancelled_journey_is_none(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_journey_beside_a_cancellation_still_happened(pipeline: Pipeline) -> None:
    body = "He flew from Lyon to Turin after the meeting was cancelled."
    assert paths(pipeline, body) == [("Lyon", "Turin")]


def test_a_journey_told_again_with_its_town(pipeline: Pipeline) -> None:
    body = (
        "Ana Lind moved from Lagos to Texas in 1990. She spoke no English when she moved to"
        " Houston, her son said."
    )
    assert paths(pipeline, body) == [("Lagos", "Houston")]
    # another verb, another mover: a journey of its own, not a finer account
    body = (
        "Ana Lind moved from Lagos to Texas in 1990. Patients were travelling to Houston for care."
    )
    assert paths(pipeline, body) == [("Lagos", "Texas")]


@pytest.mark.parametrize(
    "body,path",
    [
        ("The Italian government sent a hospital ship to Tripoli on Monday.", ("Italy", "Tripoli")),
        ("Nigerian authorities deported 40 migrants to Ghana on Friday.", ("Nigeria", "Ghana")),
        ("The Danish military dispatched two frigates to Mombasa.", ("Denmark", "Mombasa")),
        # a person of a state body travels from its country too
        ("A Brazilian military official flew to Quito on Monday.", ("Brazil", "Quito")),
    ],
)
def test_a_state_body_sends_from_its_country(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    got = by_path(pipeline, body)
    assert path in got
    assert got[path].origin_inferred and not got[path].destination_inferred


def test_a_state_body_that_speaks_is_no_traveller(pipeline: Pipeline) -> None:
    body = "The Chilean military said the freighter was headed for Lima."
    assert not [p for p in paths(pipeline, body) if p[0] == "Chile"]


@pytest.mark.parametrize(
    "body,path",
    [
        ("The ferry arrived in Split after an overnight voyage from Ancona.", ("Ancona", "Split")),
        (
            "The team landed in Denver on Monday following a six-hour flight from Boston.",
            ("Boston", "Denver"),
        ),
        ("The refugees reached Palermo after a long journey from Tripoli.", ("Tripoli", "Palermo")),
    ],
)
def test_an_arrival_starts_where_the_journey_after_it_did(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert not m.origin_inferred


@pytest.mark.parametrize(
    "body,path",
    [
        ("Ardo Keller lives in Fresno. On Tuesday he drove to Reno.", ("Fresno", "Reno")),
        (
            "Mira Santos, 29, of Tucson, was fined on Monday. She had flown to Denver with the"
            " dog.",
            ("Tucson", "Denver"),
        ),
        (
            "Tomas Ruel was born in Manila. He moved to Honolulu when he was ten.",
            ("Manila", "Honolulu"),
        ),
        ("Sen. Jane Roe, D-Ohio, flew to Baghdad on Monday.", ("Ohio", "Baghdad")),
    ],
)
def test_a_mover_named_just_before_starts_at_their_home(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert m.origin_inferred and not m.destination_inferred


@pytest.mark.parametrize(
    "body",
    [
        # someone new is named: "she" is not the person before
        "Ardo Keller lives in Fresno. His neighbour Lena Brandt said she drove to Reno.",
        # "to come" is no journey
        "In the years to come, Leeds will grow.",
        # an event, not a stay, after "after"
        "The family moved to Denver after the fire in Tulsa.",
    ],
)
def test_no_origin_from_another_person_or_an_event(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,path",
    [
        ("Police said the two brothers had come to Boise from Spokane.", ("Spokane", "Boise")),
        ("The nurse moved to Perth after working in Leeds for a decade.", ("Leeds", "Perth")),
        ("The vet moved back to Galway after three years in Lagos.", ("Lagos", "Galway")),
        ("The band flew to Oslo after three weeks of touring in Spain.", ("Spain", "Oslo")),
    ],
)
def test_stated_origins_in_perfect_and_after_clauses(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert not m.origin_inferred


def test_a_pronoun_after_a_time_phrase_is_no_actor(pipeline: Pipeline) -> None:
    [m] = movements(pipeline, "On Tuesday she flew to Rome from Oslo.")
    assert m.actor is None


@pytest.mark.parametrize(
    "body",
    [
        "Police said he ran an operation that shipped cocaine from Miami to Boston.",
        "The company trucked fresh fish from Halifax to Montreal.",
        "A syndicate smuggled rare birds from Bali to Perth.",
    ],
)
def test_a_trade_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "Ghana became the first nation to deploy a battalion to Darfur.",
            ("Ghana", "Darfur"),
        ),
        ("She was the first woman to fly from London to Cape Town.", ("London", "Cape Town")),
    ],
)
def test_the_first_to_go_went(pipeline: Pipeline, body: str, path: tuple[str, str]) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert m.status == "reported"


def test_the_first_to_go_only_wished_for_is_none(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Ghana wants to be the first country to send troops to Mali.") == []


@pytest.mark.parametrize(
    "body,path",
    [
        # a group named after its home, then "the group"
        (
            "The Leeds choir gave a concert on Friday. On Sunday the group flew to Vienna.",
            ("Leeds", "Vienna"),
        ),
        # a group "from" its home
        (
            "A choir from Leeds sang in the cathedral on Friday. The choir flew to Vienna on"
            " Sunday.",
            ("Leeds", "Vienna"),
        ),
        # a demonym and what the mover does
        ("The Kenyan runner moved to Eugene in 2015.", ("Kenya", "Eugene")),
        (
            "Kenyan runner Ardo Kiprop won in Boston. Kiprop moved to Eugene in 2015.",
            ("Kenya", "Eugene"),
        ),
    ],
)
def test_homes_of_groups_and_trades(pipeline: Pipeline, body: str, path: tuple[str, str]) -> None:
    got = by_path(pipeline, body)
    assert path in got
    assert got[path].origin_inferred


def test_a_demonym_of_a_speaker_is_no_origin(pipeline: Pipeline) -> None:
    body = "A British journalist said the convoy had reached Kabul on Monday."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "The ship left Piraeus on Monday. It docked in Haifa two days later.",
            ("Piraeus", "Haifa"),
        ),
        (
            "The convoy set off from Amman at dawn. By nightfall it had reached Baghdad.",
            ("Amman", "Baghdad"),
        ),
    ],
)
def test_a_departure_and_an_arrival_in_two_sentences(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    assert path in paths(pipeline, body)


def test_rescued_near_a_and_taken_to_b(pipeline: Pipeline) -> None:
    body = "The hikers were rescued near Banff and driven to a clinic in Calgary."
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == ("Banff", "Calgary")
    assert not m.origin_inferred


def test_rescued_people_stranded_in_a_and_taken_to_b(pipeline: Pipeline) -> None:
    # the rescued told between the verb and their place
    body = "Soldiers rescued 80 people stranded on rooftops in Sylhet and took them to Sunamganj."
    assert paths(pipeline, body) == [("Sylhet", "Sunāmganj")]


def test_rescued_off_the_coast_of_a_and_taken_to_b(pipeline: Pipeline) -> None:
    # a "near" phrase runs longer than a bare preposition: "off the coast of A"
    body = "Forty sailors were rescued off the coast of Sicily and taken to Malta."
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == ("Sicily", "Malta")


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "Shelling hit Aleppo on Monday. Thousands fled the city for Gaziantep.",
            ("Aleppo", "Gaziantep"),
        ),
        (
            "Some 300 pilgrims camped in Orizaba this week. A coach carrying 40 of them"
            " left the camp at noon, en route to Puebla.",
            ("Orizaba", "Puebla"),
        ),
    ],
)
def test_a_place_named_again_by_its_kind(
    pipeline: Pipeline, body: str, path: tuple[str, str]
) -> None:
    got = by_path(pipeline, body)
    assert path in got
    assert got[path].origin_inferred


def test_a_place_of_another_kind_is_not_the_one_left(pipeline: Pipeline) -> None:
    # the town told before is no country
    body = "Shelling hit Aleppo on Monday. Thousands fled the country for Turkey."
    assert ("Aleppo", "Turkey") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "A Hull man was arrested in Leeds on Friday after police said he had driven there"
            " to sell a stolen van.",
            ("Kingston upon Hull", "Leeds"),
        ),
        (
            "The band played in Oslo in May. They flew back there from Rome in June.",
            ("Rome", "Oslo"),
        ),
    ],
)
def test_there_is_the_place_just_told(pipeline: Pipeline, body: str, path: tuple[str, str]) -> None:
    got = by_path(pipeline, body)
    assert path in got
    assert got[path].destination_inferred


def test_there_as_a_subject_is_no_destination(pipeline: Pipeline) -> None:
    body = "The crew drove from Oslo, and there were no signs in Bergen."
    assert ("Oslo", "Bergen") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The navy stopped a ship suspected of carrying arms from Libya to Gaza.",
        "Police held a trawler on suspicion of carrying migrants from Tunis to Malta.",
    ],
)
def test_a_journey_only_suspected_is_none(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,path,inferred",
    [
        (
            "North Korean leader Ri Chol made a surprise visit to Beijing last week.",
            ("North Korea", "Beijing"),
            "origin",
        ),
        ("The Peruvian squad flew to Madrid on Monday.", ("Peru", "Madrid"), "origin"),
        # a withdrawal goes back to where the troops are from
        ("Chadian troops withdrew from Bangui in March.", ("Bangui", "Chad"), "destination"),
    ],
)
def test_leaders_squads_and_withdrawals(
    pipeline: Pipeline, body: str, path: tuple[str, str], inferred: str
) -> None:
    got = by_path(pipeline, body)
    assert path in got
    m = got[path]
    assert (m.origin_inferred, m.destination_inferred) == (
        inferred == "origin",
        inferred == "destination",
    )


def test_flying_in_to_the_event_the_sentence_tells(pipeline: Pipeline) -> None:
    body = "The envoys held talks in Sofia on Monday after flying in from Brussels."
    got = by_path(pipeline, body)
    assert ("Brussels", "Sofia") in got
    assert got[("Brussels", "Sofia")].destination_inferred


# --- events12q: what the precision audit on unannotated news showed (invented sentences)


@pytest.mark.parametrize(
    "body",
    [
        "DOVER, Ohio — The two astronauts will return to Earth from the station next week.",
        "TOLEDO, Ohio — After six months in orbit, the crew came back to Earth on Monday.",
        "The tourist flew from Houston to the Moon in a private capsule last year.",
    ],
)
def test_a_body_of_the_sky_is_no_end_of_a_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        # a word opening a hospital's name, read as a village abroad
        "DOVER, Ohio — A fire gutted a barn near Dover on Friday. Firefighters from Canton and "
        "Akron helped. Later, Sam Hale visited his sister at Mercy Memorial Hospital.",
        # a state opening an institution's name: the name does not say which town holds it
        "A crash near Erie, Pennsylvania, hurt two drivers on Monday. Both were flown to Ohio "
        "State University Medical Center.",
        "ERIE, Pa. — A hiker from Erie fell on Sunday. She was airlifted to Virginia "
        "Commonwealth University Hospital.",
    ],
)
def test_a_word_of_an_institutions_name_is_no_end(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_town_opening_a_hospitals_name_is_its_town(pipeline: Pipeline) -> None:
    body = (
        "A crash near Erie, Pennsylvania, hurt two drivers on Monday. Both were flown to "
        "Cleveland General Hospital."
    )
    assert ("Erie", "Cleveland") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "DOVER, Del. — The jazz festival returns to Bexley in May.",
        "LEEDS, England — The championship heads to York next month for its third round.",
        "TULSA, Okla. — The county fair moved to Norman last year after a flood.",
    ],
)
def test_an_event_held_again_elsewhere_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Ana Ruiz won her home race in Leeds last year, when the new champion moved to Paris.",
        "The Dallas-based band was still playing when the ambassador flew to Madrid.",
        "The Kenyan minister was still speaking when the two reporters travelled to Oslo.",
        "Hale, a Leeds native, was asleep because the pilot had flown to Oslo.",
        "Mia Ross of Tulsa was at her desk while the courier drove to Dallas.",
    ],
)
def test_a_home_told_in_another_clause_is_not_the_movers(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_home_in_the_movers_own_clause_still_counts(pipeline: Pipeline) -> None:
    body = "A Dallas man, who lost his job, drove to Houston on Friday."
    assert ("Dallas", "Houston") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Kenya sent its troops into Somalia in the 1990s.", ("Kenya", "Somalia")),
        ("The family moved from Leeds to Toronto in the late 1970s.", ("Leeds", "Toronto")),
        (
            "Thousands of refugees fled from Hue to Saigon during World War Two.",
            ("Huế", "Ho Chi Minh City"),
        ),
    ],
)
def test_a_journey_told_as_history_is_still_one(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


def test_event_mover_and_own_clause() -> None:
    from geomap.events import movements as mv
    from geomap.events.clauses import tokenize

    assert mv.event_mover("the jazz festival") and mv.event_mover("The Cup")
    assert not mv.event_mover("the festival's organisers") and not mv.event_mover(None)
    tokens = tokenize("Roe of Leeds slept while the pilot flew to Oslo")
    flew = next(i for i, t in enumerate(tokens) if t.lower == "flew")
    assert tokens[mv.own_clause(tokens, flew)].lower == "the"
    assert mv.across_clause(tokens, tokens[2].end, flew)
    assert not mv.across_clause(tokens, tokens[flew - 1].end, flew)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The long-planned visit by a Ghanaian delegation to Peru ended in May.",
            ("Ghana", "Peru"),
        ),
        (
            "The three-day visit by the Kenyan president to Uganda ended on Friday.",
            ("Kenya", "Uganda"),
        ),
        (
            "A two-week visit by Brazilian officials to Angola began on Monday.",
            ("Brazil", "Angola"),
        ),
        ("The surprise visit by a Canadian envoy to Haiti was welcomed.", ("Canada", "Haiti")),
    ],
)
def test_a_described_journey_noun_keeps_its_visitor(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


def test_a_verb_after_its_subject_is_no_journey_noun(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Their children visit Dover often.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Wang Li, who is visiting Peru as the personal envoy of the Chinese premier, met "
            "officials.",
            ("China", "Peru"),
        ),
        ("Ms Otieno travelled to Oslo as a delegate of Kenya last week.", ("Kenya", "Oslo")),
        (
            "Ruiz flew to Lima on Monday as the personal envoy of the Mexican president.",
            ("Mexico", "Lima"),
        ),
    ],
)
def test_whom_the_mover_stands_for_is_their_home(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    got = by_path(pipeline, body)
    assert expected in got
    assert got[expected].origin_inferred


def test_standing_told_in_another_sentence_gives_no_home(pipeline: Pipeline) -> None:
    body = "Ruiz flew to Lima on Monday. He went as the envoy of the Mexican president."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "DOVER, Del. — The storm moved from Norfolk toward Baltimore overnight.",
        "DOVER, Del. — The bill now moves to the Senate in Washington for a vote.",
        "DOVER, Del. — The case was sent to a Wilmington court on Monday.",
        "DOVER, Del. — A flock of geese flew from Dover to Baltimore.",
    ],
)
def test_weather_animals_and_matters_are_no_movers(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "DOVER, Del. — The singer returns to the stage in Baltimore next week.",
        "DOVER, Del. — After the strike, the nurses returned to work in Baltimore.",
        "DOVER, Del. — The former mayor returned to power in Salisbury last year.",
    ],
)
def test_a_return_to_an_activity_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "DOVER, Del. — The package arrived in Baltimore two days late, the post office said.",
        "NAIROBI, Kenya — The envoy arrived in Mogadishu on Monday.",
        "DOVER, Del. — The senator, who visited Baltimore last year, spoke in Dover.",
    ],
)
def test_no_dateline_origin_for_an_arrival_or_a_visit_told_in_passing(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []


def test_a_return_to_a_town_still_starts_at_the_dateline(pipeline: Pipeline) -> None:
    body = "DOVER, Del. — The nurses returned to Baltimore after the strike."
    assert paths(pipeline, body) == [("Dover", "Baltimore")]


@pytest.mark.parametrize(
    "body",
    [
        "SPRINGFIELD, Ill. — Jobs have moved from Peoria to China over the past decade.",
        "SPRINGFIELD, Ill. — The contract went to a Peoria company.",
        "SPRINGFIELD, Ill. — The game moved to Peoria because of the rain.",
        # journeys counted by the market, not made
        "SPRINGFIELD, Ill. — Demand for flights to Florida rose this spring.",
        "BOSTON — Bookings for trips to Lisbon doubled in May.",
    ],
)
def test_what_goes_somewhere_without_a_traveller(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_team_still_travels(pipeline: Pipeline) -> None:
    body = "SPRINGFIELD, Ill. — The team went to Peoria and won."
    assert paths(pipeline, body) == [("Springfield", "Peoria")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "DOVER, Del. — The driver was taken to Christiana Hospital in Newark.",
            [("Dover", "Newark")],
        ),
        (
            "LEEDS, England — The girl was airlifted to Sheffield Children's Hospital in York.",
            [("Leeds", "York")],
        ),
        (
            "DOVER, Del. — The driver was taken to Lancaster General Hospital in Harrisburg.",
            [("Dover", "Harrisburg")],
        ),
    ],
)
def test_an_institutions_town_told_after_it_is_the_end(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Jackson was rushed to a clinic in Newark.",
        "Tyler was rushed to a clinic in Dallas.",
        "Orlando was sent to Miami by his company.",
    ],
)
def test_the_bare_subject_of_a_passive_is_who_went_not_whence(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []


def test_a_place_the_passive_happened_in_is_still_the_origin(pipeline: Pipeline) -> None:
    body = "Troops in Kenya were sent to Somalia on Monday."
    assert ("Kenya", "Somalia") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "NICOSIA, Cyprus — The ship was heading to Tartus when it was seized.",
        "NAIROBI, Kenya — Fighters moved into the town of Beledweyne overnight.",
        "BANGKOK, Thailand — The tourists travelled to Hanoi on Monday.",
    ],
)
def test_no_dateline_origin_for_a_journey_abroad(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("SANAA, Yemen — The UN envoy is expected to travel to Aden next week.", ("Sanaa", "Aden")),
        ("NAIROBI, Kenya — Two men were deported to Somalia on Monday.", ("Nairobi", "Somalia")),
    ],
)
def test_the_dateline_still_starts_a_journey_at_home_or_a_deportation(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe of Tulsa was honored on Friday. Roe said her son moved to Denver last year.",
        "John Doe of Tulsa was charged on Monday. Doe told reporters a cousin flew to Miami in "
        "May.",
        "Ann Lee of Tulsa was hired on Monday. Lee added that the new coach drove to Reno on "
        "Friday.",
    ],
)
def test_a_speaker_is_not_the_mover_of_what_they_tell(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe of Tulsa won the award. Roe said she moved to Denver in 2010.",
        "John Doe of Tulsa was charged. Police said Doe drove to Denver after the robbery.",
    ],
)
def test_a_speaker_who_tells_of_their_own_journey_still_moves(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == [("Tulsa", "Denver")]


@pytest.mark.parametrize(
    "body",
    [
        "A fire destroyed a barn in Dover on Monday. Meanwhile, a new coach was sent to Salisbury.",
        "A man was stabbed in Tulsa on Friday. Elsewhere, two boys were driven to a clinic in "
        "Dallas.",
        "A crash closed a road near Dover. In a separate incident, a hiker was airlifted to "
        "Wilmington.",
    ],
)
def test_a_new_story_does_not_start_where_the_last_one_happened(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []


def test_the_story_just_told_still_gives_its_place(pipeline: Pipeline) -> None:
    body = (
        "Two people died in a crash near Dover. The bodies were taken to Wilmington for autopsies."
    )
    assert paths(pipeline, body) == [("Dover", "Wilmington")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # the speaker's people are not the movers' whom they tell of
        (
            "The Russian foreign minister said Syrian refugees had moved to Jordan.",
            [("Syria", "Jordan")],
        ),
        ("The Chinese envoy said Tibetan monks had fled to India.", [("Tibet", "India")]),
        # a relative clause's mover is the one named right before it
        (
            "The German chancellor met the French president, who later flew to Rome.",
            [("France", "Rome")],
        ),
        (
            "The Peruvian minister thanked the Chilean ambassador, who flew to Quito on Monday.",
            [("Chile", "Quito")],
        ),
        # the speaker may tell of their own journey
        ("Jane Roe of Tulsa said she flew to Denver on Monday.", [("Tulsa", "Denver")]),
    ],
)
def test_the_speaker_and_the_relative_clauses_mover(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "TULSA, Okla. — The company will move 200 jobs to Dallas.",
        "TULSA, Okla. — Lawmakers moved the debate to Oklahoma City on Monday.",
        "TULSA, Okla. — The charity sent $5,000 in funds to Haiti.",
    ],
)
def test_what_a_verb_moves_may_be_no_traveller(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_people_sent_abroad_set_out_from_the_dateline(pipeline: Pipeline) -> None:
    body = "TULSA, Okla. — The charity sent 20 nurses to Haiti."
    assert paths(pipeline, body) == [("Tulsa", "Haiti")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The delegation arrived in Cairo on Monday. It continued on to Amman on Wednesday.",
            ("Cairo", "Amman"),
        ),
        (
            "The envoy flew from Oslo to Berlin on Sunday. She continued on to Warsaw next.",
            ("Berlin", "Warsaw"),
        ),
        ("The convoy reached Mosul at dawn and then pressed on to Erbil.", ("Mosul", "Erbil")),
    ],
)
def test_an_onward_leg_starts_where_the_last_one_ended(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    found = by_path(pipeline, body)
    assert expected in found
    assert found[expected].status == "reported"


def test_an_onward_leg_needs_a_town_to_start_from(pipeline: Pipeline) -> None:
    # a country the last sentence spoke of is not where the mover was
    body = "Officials in Peru said the ship was seized. The ship continued on to Callao."
    assert paths(pipeline, body) == []
    assert paths(pipeline, "Prices in Leeds continued to rise last year.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Ana Ruiz grew up in Salem, Oregon. She lived there until she moved to Boston in 2001.",
            ("Salem", "Boston"),
        ),
        (
            "Kofi Mensah took a post at a school in Kumasi in 2002. He taught there for six "
            "years and then moved to Accra.",
            ("Kumasi", "Accra"),
        ),
        (
            "Tom Hale opened a shop in Dover in 1990. He worked there until moving to Leeds.",
            ("Dover", "Leeds"),
        ),
    ],
)
def test_a_stay_there_is_where_the_journey_that_ended_it_began(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    found = by_path(pipeline, body)
    assert expected in found
    assert found[expected].origin_inferred
    assert found[expected].status == "reported"


def test_until_a_journey_still_to_come_is_a_condition(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The refugees will stay in Dover until they move to Leeds.") == []
    # "there" that is no stay gives no origin
    assert paths(pipeline, "Prices rose in Leeds. There was no reason to move to York.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The orchestra returned to Vienna after a three-week stay at a hall in Tokyo.",
            ("Tokyo", "Vienna"),
        ),
        (
            "Jane Roe returned to Leeds after a two-year stint at a clinic in Nairobi.",
            ("Nairobi", "Leeds"),
        ),
        (
            "The battalion returned to Dover after a six-month posting at a base near Kandahar.",
            ("Kandahār", "Dover"),
        ),
    ],
)
def test_a_stay_named_after_the_return_is_where_it_began(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


def test_an_event_after_the_return_is_no_stay(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The choir returned to Leeds after a concert in Paris.") == []


@pytest.mark.parametrize(
    "body",
    [
        "The battalion came home to Dover after a year-long tour in Kandahar.",
        "The battalion returned to Dover after a six-month deployment in Helmand.",
        "The team flew back to Leeds following a week-long trip to Oslo.",
    ],
)
def test_a_journey_told_after_the_return_is_no_leg_from_its_end(
    pipeline: Pipeline, body: str
) -> None:
    # what "after" tells came first: no journey from the place returned to
    first = body.split(" to ")[1].split()[0]
    assert all(path[0] != first for path in paths(pipeline, body))


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The injured man was flown to a hospital in Leeds from the crash site near York.",
            ("York", "Leeds"),
        ),
        (
            "Two survivors were airlifted from the accident scene outside Harrogate to a "
            "hospital in Leeds.",
            ("Harrogate", "Leeds"),
        ),
        (
            "A boy was driven from the fire scene in Preston to a hospital in Manchester.",
            ("Preston", "Manchester"),
        ),
    ],
)
def test_a_scene_named_by_what_happened_is_a_place_left(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Lena Brandt moved back to her hometown of Ulm after retiring from her job in Berlin.",
            ("Berlin", "Ulm"),
        ),
        (
            "Omar Haddad moved to Dubai after graduating from a college in Boston.",
            ("Boston", "Dubai"),
        ),
        ("Jane Roe returned to Leeds after retiring in Spain.", ("Spain", "Leeds")),
    ],
)
def test_where_a_career_ended_is_where_the_move_after_it_began(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Senegal's president, Amadou Sall, met the envoy on Monday. He dispatched his "
            "foreign minister to Bamako.",
            ("Senegal", "Bamako"),
        ),
        (
            "Jane Roe of Leeds runs a charity. She sent two vans of supplies to Calais last week.",
            ("Leeds", "Calais"),
        ),
        ("Tom Hale, 40, of Dover, was fined. He sent his son to Glasgow.", ("Dover", "Glasgow")),
    ],
)
def test_he_or_she_sends_from_their_home(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    found = by_path(pipeline, body)
    assert expected in found
    assert found[expected].movement_type == "dispatched"
    assert found[expected].origin_inferred


def test_a_sender_named_anew_is_not_the_last_one(pipeline: Pipeline) -> None:
    body = "Tom Hale, 40, of Dover, was fined. Lena Brandt said she sent her son to Glasgow."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Thousands of villagers poured across the border into Chad from Sudan.",
            ("Sudan", "Chad"),
        ),
        ("Refugees poured into Jordan from Syria last month.", ("Syria", "Jordan")),
        ("Fans were pouring into Lisbon from Porto all morning.", ("Porto", "Lisbon")),
    ],
)
def test_crowds_that_pour_from_a_to_b(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


def test_what_pours_without_a_traveller_is_no_journey(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Rain poured into Leeds from the west.") == []
    assert paths(pipeline, "Money poured into Leeds from London investors.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Jane Roe returned to Leeds after a two-week holiday in Spain.", ("Spain", "Leeds")),
        ("Omar Haddad flew back to Dubai after holidaying in Greece.", ("Greece", "Dubai")),
        ("Tom Hale came home to Dover after a sabbatical in Kyoto.", ("Kyoto", "Dover")),
    ],
)
def test_a_holiday_after_the_return_is_where_it_began(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Jane Roe returned to Leeds after a trip to Oslo.", ("Oslo", "Leeds")),
        ("The minister flew back to Accra after a three-day visit to Lome.", ("Lomé", "Accra")),
        ("The squad came home to Leeds following a short tour to Spain.", ("Spain", "Leeds")),
    ],
)
def test_a_way_back_starts_where_the_trip_after_it_went(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


def test_a_journey_that_is_no_way_back_keeps_no_trip_told_after_it(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The team flew to Leeds after a trip to Oslo.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "After landing in Frankfurt, the minister drove to Mainz.",
            ("Frankfurt am Main", "Mainz"),
        ),
        (
            "After spending two nights in Oslo, the delegation flew to Helsinki.",
            ("Oslo", "Helsinki"),
        ),
        ("After stopping at a depot in Lyon, the convoy headed to Turin.", ("Lyon", "Turin")),
    ],
)
def test_an_opening_after_clause_tells_where_the_mover_was(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


def test_an_event_in_the_opening_clause_is_not_where_the_mover_was(pipeline: Pipeline) -> None:
    assert paths(pipeline, "After the bombing in Kabul, the ambassador flew to Islamabad.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The mayor of Leeds flew to Brussels on Tuesday.", ("Leeds", "Brussels")),
        ("The Prime Minister of Malta travelled to Rome for talks.", ("Malta", "Rome")),
        ("The bishop of Cork visited Boston last week.", ("Cork", "Boston")),
    ],
)
def test_an_office_held_for_a_place_is_the_travellers_home(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    found = by_path(pipeline, body)
    assert expected in found
    assert found[expected].origin_inferred


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The Tulsa teenager ran away to Dallas last week.", ("Tulsa", "Dallas")),
        ("Two girls ran away from Leeds to Manchester on Friday.", ("Leeds", "Manchester")),
        (
            "A boy who had run away from his uncle's farm near Dover turned up in London.",
            None,
        ),
    ],
)
def test_running_away_is_a_journey(
    pipeline: Pipeline, body: str, expected: tuple[str, ...] | None
) -> None:
    found = paths(pipeline, body)
    if expected is None:
        assert all(path[-1] != "Dover" for path in found)
    else:
        assert expected in found


def test_what_runs_away_without_a_traveller_is_no_journey(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Prices ran away from buyers in Leeds.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("He was arrested in Leeds and extradited to Spain.", ("Leeds", "Spain")),
        (
            "Police detained the suspect in Lagos and deported him to Ghana on Friday.",
            ("Lagos", "Ghana"),
        ),
        (
            "Two men were arrested at a hotel in Nice and later extradited to Italy.",
            ("Nice", "Italy"),
        ),
    ],
)
def test_a_deportation_starts_where_the_arrest_before_it_was(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    found = by_path(pipeline, body)
    assert expected in found
    assert found[expected].movement_type == "deported"


def test_an_offence_elsewhere_is_no_deportation(pipeline: Pipeline) -> None:
    assert paths(pipeline, "He was arrested in Leeds for a robbery in Spain.") == []


@pytest.mark.parametrize(
    "body,path,inferred",
    [
        # a nationality in the mover's own phrase, however far from the verb
        (
            "Chilean police officers were deployed to Bolivia on Tuesday.",
            ("Chile", "Bolivia"),
            (True, False),
        ),
        # a team named after its home, its people, or its town standing for it
        ("The Omaha Otters flew to Denver on Friday.", ("Omaha", "Denver"), (True, False)),
        (
            "Tampere Wanderers fans travelled to Oslo on Saturday.",
            ("Tampere", "Oslo"),
            (True, False),
        ),
        ("Leeds travelled to Lisbon for the match on Tuesday.", ("Leeds", "Lisbon"), (True, False)),
        (
            "The Montana Department of Parks director flew to Denver on Monday.",
            ("Montana", "Denver"),
            (True, False),
        ),
        ("The Omaha manager flew to Madrid on Monday.", ("Omaha", "Madrid"), (True, False)),
        # those a state expels go to their own country
        ("Norway expelled three Chilean diplomats on Monday.", ("Norway", "Chile"), (True, True)),
        (
            "Two Chilean diplomats were expelled from Oslo on Monday.",
            ("Oslo", "Chile"),
            (False, True),
        ),
        # a recalled envoy goes home from the posting
        ("Peru recalled its ambassador to Mexico on Friday.", ("Mexico", "Peru"), (False, True)),
        ("Peru recalled its ambassador from Mexico on Friday.", ("Mexico", "Peru"), (False, True)),
    ],
)
def test_the_movers_own_phrase_gives_an_inferred_end(
    pipeline: Pipeline, body: str, path: tuple[str, str], inferred: tuple[bool, bool]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert (m.origin_inferred, m.destination_inferred) == inferred
    if "expelled" in body:
        assert m.movement_type == "deported"
    if "recalled" in body:
        assert m.movement_type == "dispatched"


@pytest.mark.parametrize(
    "body",
    [
        "A Chinese-made jet flew to Lagos on Monday.",  # made there, not from there
        "Ohio recalled 900 trucks to Detroit on Monday.",  # no envoy: goods, not a journey
        "The fans of Omaha travelled to Denver on Friday.",  # whose fans: not said to be home
        "The Omaha Marathon bomber fled to Denver on Friday.",  # an event's name, not a body
        # a sentence after one that told of a town, but a new subject: not where they fled
        "A fire destroyed a barn in Omaha. In other news, two inmates fled to Denver.",
    ],
)
def test_no_home_from_the_movers_phrase(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_headline_told_finer_in_the_body_is_one_movement(pipeline: Pipeline) -> None:
    text = (
        "Norway expels Chilean diplomats\n\nTwo Chilean diplomats were expelled from Oslo and"
        " returned to Santiago on Monday.\n"
    )
    found = pipeline.extract(parse_document(text.encode(), "h.txt")).movements
    assert [tuple(p.name for p in m.path) for m in found] == [("Oslo", "Santiago")]


@pytest.mark.parametrize(
    "body,path,inferred",
    [
        # stops told one after another with one verb are one journey
        (
            "The family moved from Leeds to York, then Durham, and finally Carlisle.",
            ("Leeds", "York", "Durham", "Carlisle"),
            (False, False),
        ),
        # a trip that starts where the event the sentence told happened
        (
            "The man was arrested in Fresno on Monday and taken to Modesto for questioning.",
            ("Fresno", "Modesto"),
            (True, False),
        ),
        (
            "A cyclist was struck by a car near Banff on Sunday and was flown to Calgary's main"
            " hospital.",
            ("Banff", "Calgary"),
            (True, False),
        ),
        # an island one lands on
        (
            "Dozens of migrants arriving from Tunisia landed on Malta on Monday.",
            ("Tunisia", "Malta"),
            (False, False),
        ),
        # people flee the town the last sentence told of; a ship goes on from where it was
        (
            "Heavy fighting engulfed Kherson on Sunday. Thousands of families fled to Odesa.",
            ("Kherson", "Odesa"),
            (True, False),
        ),
        (
            "The freighter docked in Piraeus on Monday. It then sailed to Haifa.",
            ("Piraeus", "Haifa"),
            (True, False),
        ),
        # home from where the last sentence left them
        (
            "A Chilean choir was robbed in Oslo on Friday. The choir has returned home.",
            ("Oslo", "Chile"),
            (True, True),
        ),
    ],
)
def test_journeys_told_in_passing(
    pipeline: Pipeline, body: str, path: tuple[str, ...], inferred: tuple[bool, bool]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path
    assert (m.origin_inferred, m.destination_inferred) == inferred


def test_a_headline_announces_a_visitors_trip(pipeline: Pipeline) -> None:
    text = "Chilean prince to visit Oslo\n\nThe prince will meet officials on Tuesday.\n"
    [m] = pipeline.extract(parse_document(text.encode(), "h.txt")).movements
    assert tuple(p.name for p in m.path) == ("Chile", "Oslo")
    assert m.status == "planned" and m.origin_inferred


def test_expelled_envoys_go_to_the_country_the_report_named_for_them(pipeline: Pipeline) -> None:
    body = (
        "Several states announced the expulsion of Chilean diplomats on Monday. Norway has"
        " expelled four diplomats, officials said."
    )
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == ("Norway", "Chile")
    assert m.movement_type == "deported" and m.destination_inferred
    # two countries' envoys named: whose were expelled is not known
    two = body.replace("Chilean diplomats", "Chilean and Peruvian diplomats")
    assert movements(pipeline, two) == []


@pytest.mark.parametrize(
    "body,path,kind",
    [
        # a describing word before the kind of settlement ("the lakeside town of X")
        (
            "The medics flew from the lakeside town of Ardmore to Dallas on Monday.",
            ("Ardmore", "Dallas"),
            "travelled",
        ),
        (
            "Nine miners were airlifted from the old mining town of Ardmore to Dallas.",
            ("Ardmore", "Dallas"),
            "travelled",
        ),
        # the mover is the noun a relative clause before the verb is about, not a noun inside
        # that clause ("a virus")
        (
            "Twelve students who had been quarantined because of a virus in the hill town of"
            " Ardmore were driven to Dallas on Sunday.",
            ("Ardmore", "Dallas"),
            "travelled",
        ),
        # a military post's state after a comma is where the journey went or came from
        (
            "The marines were deployed to Camp Ardo, Calif., from Okinawa on Monday.",
            ("Okinawa", "California"),
            "dispatched",
        ),
        (
            "The soldiers returned to Fort Zarvik, Texas, from Kabul on Monday.",
            ("Kabul", "Texas"),
            "travelled",
        ),
    ],
)
def test_explicit_endpoints_behind_descriptions_and_clauses(
    pipeline: Pipeline, body: str, path: tuple[str, ...], kind: str
) -> None:
    got = by_path(pipeline, body)
    assert path in got and got[path].movement_type == kind
    assert not (got[path].origin_inferred or got[path].destination_inferred)


def test_a_contrast_opens_another_clause_not_the_next_leg(pipeline: Pipeline) -> None:
    body = "Aid planes flew into Juba and Wau, but flights to Juba were rare."
    assert ("Wau", "Juba") not in paths(pipeline, body)
    onward = "The envoy flew to Lyon on Monday, but later travelled on to Geneva."
    assert ("Lyon", "Geneva") in paths(pipeline, onward)


def test_a_hospital_named_after_a_place_ends_at_the_town_given_after_its_full_name(
    pipeline: Pipeline,
) -> None:
    body = "The driver was airlifted to Ardmore University Medical Center in Dallas from Sherman."
    assert paths(pipeline, body) == [("Sherman", "Dallas")]


@pytest.mark.parametrize(
    "body,path",
    [
        # a reduced relative between commas on the mover: where it was before the verb
        (
            "The crew, stranded in Ardmore since May, were flown to Dallas on Sunday.",
            ("Ardmore", "Dallas"),
        ),
        (
            "The hostages, freed in Mali on Saturday, were flown to Paris on Sunday.",
            ("Mali", "Paris"),
        ),
        (
            "The patients, treated at first in Elkins, were later moved to Morgantown.",
            ("Elkins", "Morgantown"),
        ),
    ],
)
def test_a_participle_aside_on_the_mover_gives_the_origin(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == path and not m.origin_inferred


def test_an_aside_that_is_no_participle_gives_no_origin(pipeline: Pipeline) -> None:
    # an apposition naming the mover's post is no place the mover was moved from
    body = "The director, a professor in Ardmore, flew to Dallas on Sunday."
    assert ("Ardmore", "Dallas") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,path",
    [
        # a place named after its country's possessive: the place is the end, not the country
        (
            "The two were flown from Kabul to Germany's Ramstein Air Base.",
            ("Kabul", "Ramstein-Miesenbach"),
        ),
        ("Families fled from Syria's northern Idlib to Turkey on Monday.", ("Idlib", "Turkey")),
        # an arrival at a town's facility named in the possessive
        ("The plane from Lagos landed at Accra's main airport on Monday.", ("Lagos", "Accra")),
    ],
)
def test_endpoints_named_in_the_possessive(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [path]


@pytest.mark.parametrize(
    "body,path",
    [
        # the journey noun right after an arrival is how the mover came
        (
            "The infected passengers arrived in Toronto on a flight from Beijing.",
            ("Beijing", "Toronto"),
        ),
        # a return from a trip starts where the trip went
        ("She returned to Ottawa on Sunday from a week-long trip to Mexico.", ("Mexico", "Ottawa")),
    ],
)
def test_an_arrival_or_return_takes_its_other_end_from_the_journey_noun_after_it(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    assert path in paths(pipeline, body)


def test_a_time_after_on_is_no_journey_the_arrival_was_made_on(pipeline: Pipeline) -> None:
    body = "Two men arrived in Leeds on Monday to begin a tour from York."
    assert ("York", "Leeds") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "A minibus heading from Gdansk to Poznan skidded into a canal near Torun on Friday.",
        "A lorry carrying flour from Gdansk to Poznan ran into a ditch outside Torun.",
    ],
)
def test_a_journey_participle_ends_at_the_main_verb(pipeline: Pipeline, body: str) -> None:
    # what the vehicle did next is told after its main verb: the town it crashed near is no
    # end of its journey (it was read as a second destination, the wrong way round)
    assert paths(pipeline, body) == [("Gdańsk", "Poznań")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Farmers fled the area around Gulu for Lira overnight.", ("Gulu", "Lira")),
        ("Herders kept leaving the camps near Gulu for Lira all week.", ("Gulu", "Lira")),
    ],
)
def test_the_place_around_what_was_left_is_the_origin(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


def test_a_weekly_market_is_no_habit(pipeline: Pipeline) -> None:
    # "the weekly market" names a market; the flight is one event, not a habit
    body = "Families have fled to Lira since gunmen raided the weekly market in Gulu on Sunday."
    assert ("Gulu", "Lira") in paths(pipeline, body)


def test_an_onward_leg_starts_where_the_last_one_went(pipeline: Pipeline) -> None:
    # the mover's home (a Kenyan minister) is not where an onward flight starts
    body = (
        "The Kenyan trade minister arrived in Kampala on Monday for talks. "
        "On Wednesday the Kenyan minister flew on to Kigali."
    )
    assert ("Kampala", "Kigali") in paths(pipeline, body)
    assert ("Kenya", "Kigali") not in paths(pipeline, body)


def test_what_a_speaker_added_is_read_for_journeys(pipeline: Pipeline) -> None:
    # the places after "..., officials said, adding that" are the added report's, not the
    # speakers' town
    body = (
        "The talks collapsed, officials said on Monday, adding that 40 soldiers had been "
        "flown from Mombasa to Kisumu."
    )
    assert ("Mombasa", "Kisumu") in paths(pipeline, body)


def test_a_journey_noun_naming_a_body_is_no_trigger(pipeline: Pipeline) -> None:
    # "the migration office said" names the speaker: the journey after "said" is reported
    body = "A migration ministry official said 300 people deported from Kenya had arrived in Lira."
    assert ("Kenya", "Lira") in paths(pipeline, body)


def test_a_leg_taken_on_after_an_arrival_starts_there(pipeline: Pipeline) -> None:
    body = (
        "The returnees arrived at a transit camp in Gulu, tired but unhurt, and were driven "
        "on to Lira."
    )
    assert ("Gulu", "Lira") in paths(pipeline, body)


def test_a_leg_flown_on_after_a_journey_is_one_journey(pipeline: Pipeline) -> None:
    # (not an arrival: the journey goes on through its first destination)
    body = "Forty staff were flown from Nairobi to Entebbe, and some were flown on to Cairo."
    assert ("Nairobi", "Entebbe", "Cairo") in paths(pipeline, body)


def test_crossing_into_a_country_at_a_town_ends_at_the_town(pipeline: Pipeline) -> None:
    body = "A group of traders left Gulu on foot and crossed into Kenya at Busia."
    found = paths(pipeline, body)
    assert ("Gulu", "Busia") in found
    assert ("Gulu", "Kenya") not in found


def test_buses_carrying_people_from_towns_arrived_in_the_capital(pipeline: Pipeline) -> None:
    # "the capital" is no mover of "arrived" (it was read as one and the word dropped); the
    # participle's places start the arrival; a rally told at the dateline's town leaves it
    # the place arrived at
    body = (
        "NAIROBI, Kenya — Thousands rallied in Nairobi on Saturday. Coaches bringing fans "
        "from Mombasa and Kisumu arrived in the capital that evening."
    )
    moves = by_path(pipeline, body)
    assert set(moves) == {("Mombasa", "Nairobi"), ("Kisumu", "Nairobi")}
    assert all(m.destination_inferred for m in moves.values())


def test_a_leg_after_a_planned_clause_is_planned(pipeline: Pipeline) -> None:
    body = (
        "The Kenyan president arrived in Kampala on Monday for talks. The ministers are "
        "expected to hold a dinner on Tuesday before the Kenyan president travels on to Kigali."
    )
    moves = by_path(pipeline, body)
    assert moves[("Kampala", "Kigali")].status == "planned"
    assert moves[("Kenya", "Kampala")].status == "reported"


def test_a_convoy_due_to_leave_a_town_for_another(pipeline: Pipeline) -> None:
    body = "The last relief flight is scheduled to leave Entebbe for Juba on Friday."
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Entebbe", "Juba"] and m.status == "planned"
    assert paths(pipeline, "The family refused to leave Gulu despite the fighting.") == []
    # a forecast is no schedule
    assert paths(pipeline, "A third convoy is expected to leave Gulu for Lira soon.") == []


def test_taken_by_an_agent_then_from_a_to_b(pipeline: Pipeline) -> None:
    body = "Forty patients were taken by the navy by boat from Mombasa to Lamu."
    assert paths(pipeline, body) == [("Mombasa", "Lamu")]


def test_some_of_them_moved_on_start_where_the_last_sentence_was(pipeline: Pipeline) -> None:
    body = (
        "Seven miners are being treated at Gulu Regional Hospital. Three of them, all in "
        "serious condition, were moved on Friday to a clinic in Kampala."
    )
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Gulu", "Kampala"] and m.origin_inferred


def test_where_onlookers_stood_is_no_origin_of_those_they_saw(pipeline: Pipeline) -> None:
    body = "Observers at Gulu saw columns of people crossing into Kenya towards Nairobi."
    assert paths(pipeline, body) == []
    # the movers' own place still is ("families in A fled to B"), and a sender's
    assert paths(pipeline, "Families in Gulu fled to Lira on Monday.") == [("Gulu", "Lira")]
    body = "Officials in Kampala said they had sent 40 police officers to Lira."
    assert paths(pipeline, body) == [("Kampala", "Lira")]


def test_what_arrivals_said_of_others_is_read(pipeline: Pipeline) -> None:
    # "new arrivals said": the journey noun names the speakers, and what they said follows
    body = (
        "Dozens of arrivals walked from Gulu over the weekend, and the latest arrivals said "
        "herders were still leaving camps around Kitgum for Lira."
    )
    assert ("Kitgum", "Lira") in paths(pipeline, body)


def test_the_injured_come_from_the_incident_told_sentences_before(pipeline: Pipeline) -> None:
    body = (
        "A landslide buried part of a village near Kitgum on Saturday. Soldiers were sent "
        "from Kampala to Gulu on Sunday. A second team flew from Entebbe to Arua on Monday. "
        "Two injured miners were flown by helicopter to Lira."
    )
    moves = by_path(pipeline, body)
    assert ("Kitgum", "Lira") in moves and moves[("Kitgum", "Lira")].origin_inferred
    # people not hurt are not taken from there so many sentences on
    assert ("Kitgum", "Lira") not in paths(pipeline, body.replace("injured ", ""))


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Refugees fleeing violence in Darfur arrived in Chad last week.", ("Darfur", "Chad")),
        ("Thousands fleeing the fighting in Mosul reached Erbil on Sunday.", ("Mosul", "Erbil")),
        (
            "The family escaped the civil war in Syria and settled in Hamburg.",
            ("Syria", "Hamburg"),
        ),
    ],
)
def test_the_danger_fled_in_a_place_is_where_they_left(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


def test_a_danger_fled_is_no_origin_without_a_destination_or_far_from_the_verb(
    pipeline: Pipeline,
) -> None:
    assert paths(pipeline, "Refugees fleeing violence in Darfur are living in camps.") == []
    # the danger must follow the verb: what happened after they left is not where from
    assert paths(pipeline, "Families fled to Erbil after the fighting in Mosul.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Heavy fighting forced thousands of villagers to flee from Rutshuru to Goma.",
            ("Rutshuru", "Goma"),
        ),
        (
            "The storm prompted officials to evacuate residents from Galveston to Houston.",
            ("Galveston", "Houston"),
        ),
        ("The army forced the rebels to withdraw from Goma to Rutshuru.", ("Goma", "Rutshuru")),
    ],
)
def test_what_someone_was_made_to_do_happened(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    [m] = movements(pipeline, body)
    assert tuple(p.name for p in m.path) == expected and m.status == "reported"


def test_what_someone_was_wanted_to_do_did_not(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The police wanted the suspects to travel from Leeds to York.") == []


def test_sent_to_be_treated_somewhere_ends_there(pipeline: Pipeline) -> None:
    body = "A climber fell near Zermatt. He was flown to be treated at a hospital in Bern."
    assert paths(pipeline, body) == [("Zermatt", "Bern")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a body named before a place shares the preposition
        (
            "Officials in Oslo sent samples to the UN and Britain for tests.",
            ("Oslo", "United Kingdom"),
        ),
        ("Aid flown from the Red Cross and Japan reached Haiti.", ("Japan", "Haiti")),
        # "the WHO" is a body's initials, not a relative pronoun that ends the clause
        ("Officials in Oslo sent samples to the WHO in Geneva.", ("Oslo", "Geneva")),
    ],
)
def test_a_body_named_with_a_place_shares_its_preposition(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "She was caught at Denpasar airport smuggling heroin from Bangkok in May.",
            [("Bangkok", "Denpasar")],
        ),
        (
            "Police arrested a man in Dover carrying cocaine from Rotterdam.",
            [("Rotterdam", "Dover")],
        ),
        # after a comma the participle may tell of something else
        ("He was arrested in Leeds, bringing his family from York.", []),
    ],
)
def test_goods_smuggled_from_a_place_end_where_the_smuggler_was_caught(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # the commas around a town's state or country set off the qualifier, not a clause:
        # the journey starts at the town, as it does when the state is left out
        (
            "Tom Ward, 41, is being held in the county jail in Huntington, W. Va., on a "
            "warrant and will be taken to Columbus, police said.",
            ("Huntington", "Columbus"),
        ),
        (
            "The patients were treated at a clinic in Dover, Del., and then flown to Baltimore.",
            ("Dover", "Baltimore"),
        ),
        # an arrest's town, not the country named after it, is where the extradition starts
        (
            "The two men were arrested in Lyon, France, last week and will be extradited to "
            "Madrid, police said.",
            ("Lyon", "Madrid"),
        ),
    ],
)
def test_a_towns_qualifier_between_commas_keeps_the_town_as_origin(pipeline, body, expected):
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("After two days on the road the hikers made it to Bergen from Oslo.", ("Oslo", "Bergen")),
        ("Her family finally made it out of Aleppo to Gaziantep in June.", ("Aleppo", "Gaziantep")),
        ("The damaged trawler made it back to Galway from Killybegs.", ("Killybegs", "Galway")),
    ],
)
def test_making_it_to_a_place_is_reaching_it(pipeline: Pipeline, body: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in paths(pipeline, body)


def test_making_it_to_a_stage_of_a_contest_is_no_journey(pipeline: Pipeline) -> None:
    assert paths(pipeline, "Her side made it to the semi-finals in Bergen.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Six sailors are reported to have sailed from Oslo to Bergen.", ("Oslo", "Bergen")),
        ("The gang is believed to have fled from Lyon to Geneva.", ("Lyon", "Geneva")),
        ("The courier seems to have driven from Turin to Milan overnight.", ("Turin", "Milan")),
    ],
)
def test_said_to_have_gone_is_a_journey_made(pipeline: Pipeline, body: str, expected) -> None:  # type: ignore[no-untyped-def]
    [m] = [m for m in movements(pipeline, body) if tuple(p.name for p in m.path) == expected]
    assert m.status == "reported"


@pytest.mark.parametrize(
    "body",
    [
        "The gang is not believed to have fled from Lyon to Geneva.",
        "The gang might be thought to have fled from Lyon to Geneva.",
        "Nobody is said to have fled from Lyon to Geneva.",
    ],
)
def test_denied_or_doubted_to_have_gone_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_journey_back_starts_where_the_last_journey_ended(pipeline: Pipeline) -> None:
    body = (
        "The injured climbers were airlifted to Bergen on Tuesday. They are due to fly back "
        "to Lyon at the weekend."
    )
    moves = by_path(pipeline, body)
    assert ("Lyon", "Bergen") not in moves
    m = moves[("Bergen", "Lyon")]
    assert m.origin_inferred and m.status == "planned"


def test_a_journey_back_starts_where_the_last_sentence_left_the_mover(
    pipeline: Pipeline,
) -> None:
    body = "Troopers pulled the van over near Macon late on Friday. Ms. Hale drove back to Atlanta."
    m = by_path(pipeline, body)[("Macon", "Atlanta")]
    assert m.origin_inferred
    # not a journey back told as background
    assert paths(pipeline, body.replace("drove back", "had driven back")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Lucy Hale was scheduled to fly from Oslo to Lima last month, but she missed it.",
        "Lucy Hale was originally scheduled to fly from Oslo to Lima on June 2.",
        "The envoys were due to travel from Oslo to Lima in May.",
    ],
)
def test_a_plan_told_in_the_past_for_a_day_gone_is_no_movement(
    pipeline: Pipeline, body: str
) -> None:
    # the report is dated June 10, 2022: the plan is no longer a plan
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Lucy Hale is scheduled to fly from Oslo to Lima on June 20.",
        "Lucy Hale was scheduled to fly from Oslo to Lima next week.",
        "Lucy Hale was due to fly from Oslo to Lima on Friday.",  # the report's own day
    ],
)
def test_a_plan_for_a_day_to_come_stays_planned(pipeline: Pipeline, body: str) -> None:
    m = by_path(pipeline, body)[("Oslo", "Lima")]
    assert m.status == "planned"


def test_a_journey_end_made_after_a_stop_is_the_leg_from_the_stop(pipeline: Pipeline) -> None:
    body = "She finally made it to Lima after a nine-hour layover in Madrid."
    m = by_path(pipeline, body)[("Madrid", "Lima")]
    assert not m.origin_inferred  # the stop is stated
    # a whole journey whose start the report may give elsewhere, a way through, a price
    for other in (
        "The team arrived in Lima after a stopover in Madrid.",
        "The team flew to Lima via Madrid.",
        "He said a layover in Madrid makes trips to Lima cheaper.",
    ):
        assert ("Madrid", "Lima") not in paths(pipeline, other)
    # the start told: the stop stays a stop
    told = "The team flew from Oslo to Lima with a layover in Madrid."
    assert paths(pipeline, told) == [("Oslo", "Madrid", "Lima")]


def test_a_connecting_flight_on_to_a_town_is_a_leg_of_its_own(pipeline: Pipeline) -> None:
    body = "They flew from Oslo to Madrid and caught a connecting flight on to Lima."
    assert ("Oslo", "Madrid", "Lima") in paths(pipeline, body)
    # a road or a bridge connecting two towns moves no one
    assert paths(pipeline, "The new road connecting Oslo to Bergen opened in May.") == []


@pytest.mark.parametrize(
    "second",
    [
        "Two days later he boarded a flight back to Bergen.",
        "He took a return flight to Bergen on Friday.",
        "They made the return trip to Bergen by ferry.",
        "By the time she boarded her return flight to Bergen, the deal was signed.",
        "He caught the train back to Bergen on Sunday.",
        "He will catch a bus back to Bergen on Sunday.",
    ],
)
def test_a_ride_back_starts_where_the_last_sentence_left_the_rider(
    pipeline: Pipeline, second: str
) -> None:
    m = by_path(pipeline, "Ola Berg landed in Lyon on Tuesday. " + second)[("Lyon", "Bergen")]
    assert m.origin_inferred


@pytest.mark.parametrize(
    "second",
    [
        # no ride taken: a wish, a price, a plan of others, a negation, background
        "He dreams of a trip back to Bergen.",
        "Return flights to Bergen are expensive.",
        "Investors booked return flights to Bergen.",
        "He did not catch the train back to Bergen.",
        "He had boarded a flight back to Bergen the year before.",
        "The return of refugees to Bergen was delayed.",
    ],
)
def test_no_ride_back_without_a_rider_taking_it(pipeline: Pipeline, second: str) -> None:
    assert paths(pipeline, "Ola Berg landed in Lyon on Tuesday. " + second) == []


@pytest.mark.parametrize(
    "body",
    [
        "Swine fever was found on a pig farm outside Carlisle. Inspectors sent blood samples "
        "to a laboratory in Glasgow.",
        "Two dead swans were found on a lake near Carlisle. The carcasses were sent for "
        "testing at a laboratory in Glasgow.",
        "A parcel leaking a white powder was opened at a bank in Carlisle. The parcel was "
        "later sent to Glasgow for tests.",
    ],
)
def test_samples_sent_away_leave_the_place_the_story_is_about(
    pipeline: Pipeline, body: str
) -> None:
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Carlisle", "Glasgow"] and m.origin_inferred
    assert m.movement_type == "travelled"  # a thing sent, not people dispatched


def test_a_message_sent_is_no_sample(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The mayor of Carlisle met aides. She sent a letter to Glasgow.") == []


def test_fleeing_to_a_neighbouring_country_leaves_the_country_just_told(
    pipeline: Pipeline,
) -> None:
    body = (
        "Clashes spread across Malawi after the vote. Another 4,000 people have fled to "
        "neighbouring Zambia."
    )
    m = by_path(pipeline, body)[("Malawi", "Zambia")]
    assert m.origin_inferred and m.movement_type == "fled"
    # without "neighbouring", a country told before is not known to be where they fled from
    assert paths(pipeline, body.replace("neighbouring ", "")) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("By mistake the pensioner ended up on a plane to Lyon from Geneva.", ("Geneva", "Lyon")),
        ("Forty migrants were put on a bus to Calais from Paris.", ("Paris", "Calais")),
        (
            "Hikers from Leeds were aboard a ferry to Calais when it caught fire.",
            ("Leeds", "Calais"),
        ),
    ],
)
def test_a_ride_on_a_vehicle_to_a_place_is_a_journey(
    pipeline: Pipeline, body: str, expected
) -> None:  # type: ignore[no-untyped-def]
    assert expected in paths(pipeline, body)


def test_a_service_that_does_not_run_is_no_journey(pipeline: Pipeline) -> None:
    assert paths(pipeline, "There is no bus to Lyon from Geneva on Sundays.") == []


@pytest.mark.parametrize(
    "body,expected,status",
    [
        (
            "The chancellor cut short her holiday in Cornwall to fly back to Leeds on Friday.",
            ("Cornwall", "Leeds"),
            "reported",
        ),
        (
            "The defence minister interrupted a visit to Norway to fly back to Berlin.",
            ("Norway", "Berlin"),
            "reported",
        ),
        (
            "The senator will break off his vacation in Maine to fly to Washington.",
            ("Maine", "Washington"),
            "planned",
        ),
    ],
)
def test_a_stay_cut_short_for_a_journey_tells_the_journey(  # type: ignore[no-untyped-def]
    pipeline: Pipeline, body: str, expected, status: str
) -> None:
    assert by_path(pipeline, body)[expected].status == status


def test_a_stay_not_cut_short_tells_no_journey(pipeline: Pipeline) -> None:
    body = "The chancellor would not cut short her holiday in Cornwall to return to London."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The U.S. has expelled 12 Russian diplomats.", ("United States", "Russia")),
        ("The U.K. sent 300 troops to Estonia on Monday.", ("United Kingdom", "Estonia")),
    ],
)
def test_an_abbreviated_state_as_subject_sends(pipeline: Pipeline, body: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in paths(pipeline, body)


def test_a_count_of_expelled_envoys_stands_for_the_envoys_named_before(
    pipeline: Pipeline,
) -> None:
    body = "Finland has expelled three Russian diplomats, and Estonia has expelled two."
    found = paths(pipeline, body)
    assert ("Finland", "Russia") in found and ("Estonia", "Russia") in found
    # a count of something else sends nobody anywhere
    body = "Finland has expelled three Russian diplomats, and Estonia has fined two."
    assert ("Estonia", "Russia") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Norway sent troops to Mali, and Sweden sent medics to Niger.",
            {("Norway", "Mali"), ("Sweden", "Niger")},
        ),
        (
            "Norway has expelled four Russian diplomats, and Sweden has expelled two Chinese "
            "diplomats.",
            {("Norway", "Russia"), ("Sweden", "China")},
        ),
        # a list of places before one verb stays one list
        (
            "Families who left Tromso, Alta, and Bergen travelled to Oslo.",
            {("Tromso", "Oslo"), ("Alta", "Oslo"), ("Bergen", "Oslo")},
        ),
    ],
)
def test_a_clause_with_its_own_named_subject_is_another_journey(  # type: ignore[no-untyped-def]
    pipeline: Pipeline, body: str, expected
) -> None:
    assert set(paths(pipeline, body)) == expected


def test_an_arrival_by_he_inside_a_sentence_about_the_traveller_starts_at_the_stay(
    pipeline: Pipeline,
) -> None:
    body = (
        "Norway confirmed a case in a woman who had spent a week in Boston. The woman "
        "felt well when she landed at Oslo's main airport on Friday."
    )
    m = by_path(pipeline, body)[("Boston", "Oslo")]
    assert m.origin_inferred
    # someone else's "he" is not the traveller the last sentence told of
    other = body.replace("The woman felt well when she", "The minister said she")
    assert ("Boston", "Oslo") not in paths(pipeline, other)


def test_he_or_she_of_a_when_clause_is_the_titled_subject_before(pipeline: Pipeline) -> None:
    body = "U.S. Secretary of State Jane Roe met the envoy in March when she visited Ankara."
    assert ("United States", "Ankara") in paths(pipeline, body)
    # "he" cannot stand for French tourists
    body = "Two French tourists met a local guide last year when he travelled to Naples."
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The trade delegation travelled to Geneva after talks in Paris.", ("Paris", "Geneva")),
        ("The envoy flew on to Tokyo after a three-day visit to Seoul.", ("Seoul", "Tokyo")),
        ("After a summit in Lisbon, the leaders flew to Madrid.", ("Lisbon", "Madrid")),
    ],
)
def test_a_journey_after_talks_somewhere_starts_there(
    pipeline: Pipeline, body: str, expected
) -> None:  # type: ignore[no-untyped-def]
    assert expected in paths(pipeline, body)


def test_a_stopover_after_which_one_arrives_is_no_origin(pipeline: Pipeline) -> None:
    assert paths(pipeline, "The activist arrived in Canada after a stopover in Bangkok.") == []


def test_a_participle_after_and_shares_the_passive_before_it(pipeline: Pipeline) -> None:
    body = "The smuggler was arrested in Tijuana and flown to San Diego on Friday."
    m = by_path(pipeline, body)[("Tijuana", "San Diego")]
    assert m.origin_inferred
    body = "Four aid workers were abducted in Niger last year. They were freed and flown to Paris."
    assert ("Niger", "Paris") in paths(pipeline, body)


def test_locals_set_out_from_the_dateline_town(pipeline: Pipeline) -> None:
    body = "LEEDS, England (AP) - Two local teenagers travelled to Syria in 2014, police said."
    m = by_path(pipeline, body)[("Leeds", "Syria")]
    assert m.origin_inferred
    # travellers not said to be local are not known to be from there
    assert paths(pipeline, body.replace(" local", "")) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The fugitive sneaked across the border from Mexico into Texas.", ("Mexico", "Texas")),
        ("Two migrants sneaked into Spain from Morocco on a jet ski.", ("Morocco", "Spain")),
        ("The disabled tanker was towed to Piraeus from Crete.", ("Crete", "Piraeus")),
        ("The dinghy drifted from Libya to Malta for three days.", ("Libya", "Malta")),
        ("The crew rowed from Lisbon to Madeira.", ("Lisbon", "Madeira")),
        ("Passengers from Tunis disembarked in Valletta on Monday.", ("Tunis", "Valletta")),
    ],
)
def test_more_verbs_of_motion(pipeline: Pipeline, body: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in paths(pipeline, body)


def test_a_price_that_slipped_moved_nowhere(
    pipeline: Pipeline,
) -> None:  # ("slipped": no verb of motion)
    assert paths(pipeline, "Shares slipped to a record low in London from Paris.") == []


def test_the_evacuated_leave_the_town_the_last_sentence_told(pipeline: Pipeline) -> None:
    body = "The storm hit Sukkur on Friday. About 5,000 residents were evacuated to Karachi."
    m = by_path(pipeline, body)[("Sukkur", "Karachi")]
    assert m.origin_inferred and m.movement_type == "evacuated"


def test_a_departure_then_an_arrival_to_come_is_one_planned_journey(pipeline: Pipeline) -> None:
    body = "The tanker left Tartus on Monday. It is expected to reach Limassol on Friday."
    m = by_path(pipeline, body)[("Ţarţūs", "Limassol")]
    assert m.origin_inferred and m.status == "planned"
    # a journey that may or may not happen is none
    assert paths(pipeline, body.replace("is expected to", "could")) == []
    # "reach" with its own origin
    body = "The convoy is due to reach Aleppo from Homs on Friday."
    assert by_path(pipeline, body)[("Homs", "Aleppo")].status == "planned"


@pytest.mark.parametrize(
    "body,expected,status",
    [
        (
            "The envoy visited Accra on Monday. She left for Lagos on Tuesday.",
            ("Accra", "Lagos"),
            "reported",
        ),
        (
            "The envoy arrived in Accra on Monday. She will fly on to Lagos on Tuesday.",
            ("Accra", "Lagos"),
            "planned",
        ),
    ],
)
def test_a_next_leg_starts_where_the_last_sentence_arrived(  # type: ignore[no-untyped-def]
    pipeline: Pipeline, body: str, expected, status: str
) -> None:
    m = by_path(pipeline, body)[expected]
    assert m.origin_inferred and m.status == status


def test_someone_else_leaving_is_no_next_leg(pipeline: Pipeline) -> None:
    body = "Jane Roe arrived in Accra on Monday. Jane Doe left for Lagos."
    assert paths(pipeline, body) == []


def test_a_journey_noun_after_two_hyphened_places_goes_from_the_first(pipeline: Pipeline) -> None:
    body = "The Kabul-Doha flight landed safely on Monday."
    assert paths(pipeline, body) == [("Kabul", "Doha")]
    # a place and its state before the noun are one place
    assert paths(pipeline, "The Paris, Texas trip was fun.") == []


def test_resettled_in_a_place_is_where_the_journey_ended(pipeline: Pipeline) -> None:
    body = "The family was resettled in Norway from a camp in Jordan."
    assert paths(pipeline, body) == [("Jordan", "Norway")]


@pytest.mark.parametrize(
    "body",
    [
        "A Leeds man travelled to Oslo in 2014. He returned home in 2019.",
        "The Leeds choir flew to Oslo on Friday. They flew back home on Sunday.",
    ],
)
def test_going_home_after_a_journey_is_its_way_back(pipeline: Pipeline, body: str) -> None:
    m = by_path(pipeline, body)[("Oslo", "Leeds")]
    assert m.origin_inferred and m.destination_inferred


def test_someone_else_going_home_is_no_way_back(pipeline: Pipeline) -> None:
    body = "A Leeds man travelled to Oslo in 2014. His brother returned home in 2019."
    assert ("Oslo", "Leeds") not in paths(pipeline, body)


def test_an_arrival_after_a_crossing_from_a_place_starts_there(pipeline: Pipeline) -> None:
    body = "The ferry docked in Dover after a rough crossing from Calais."
    assert paths(pipeline, body) == [("Calais", "Dover")]
    assert paths(pipeline, "The border crossing at Rafah was closed.") == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Thousands fled the fighting in Aleppo to Gaziantep.", ("Aleppo", "Gaziantep")),
        ("Thousands fled fighting in Aleppo for Gaziantep.", ("Aleppo", "Gaziantep")),
        ("Families escaping violence in Tigray arrived in Kassala.", ("Tigray", "Kassala")),
        (
            "Thousands of people who fled fighting in Aleppo have arrived in Gaziantep.",
            ("Aleppo", "Gaziantep"),
        ),
    ],
)
def test_fleeing_trouble_somewhere_leaves_that_place(
    pipeline: Pipeline, body: str, expected
) -> None:  # type: ignore[no-untyped-def]
    assert paths(pipeline, body) == [expected]


def test_an_opening_having_left_gives_the_main_journey_its_origin(pipeline: Pipeline) -> None:
    body = "Having left Kabul in August, the family reached Germany in December."
    assert paths(pipeline, body) == [("Kabul", "Germany")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The aid ship set sail from Cyprus for Gaza.", ("Cyprus", "Gaza")),
        ("The flotilla set sail for Gaza from Barcelona.", ("Barcelona", "Gaza")),
        (
            "Workers trapped in a mine near Kalgoorlie were airlifted to Perth.",
            ("Kalgoorlie", "Perth"),
        ),
    ],
)
def test_setting_sail_and_being_lifted_out_from_near_a_place(
    pipeline: Pipeline, body: str, expected
) -> None:  # type: ignore[no-untyped-def]
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The infection is said to have travelled from Oslo to Bergen with a sailor.",
        "The flu is believed to have come from Lyon to Geneva.",
        "The strain appears to have arrived in Milan from Turin.",
        "The epidemic reached Milan from Turin in May.",
    ],
)
def test_a_disease_said_to_have_spread_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_said_to_have_gone_names_its_traveller(pipeline: Pipeline) -> None:
    [m] = movements(pipeline, "The smuggler is believed to have sailed from Oslo to Bergen.")
    assert m.actor == "The smuggler"


@pytest.mark.parametrize(
    "body",
    ["The Oslo-Bergen route was closed by snow.", "A new Lyon-Geneva route opens in May."],
)
def test_a_route_between_two_hyphened_places_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "A sick sailor had just come home from Lisbon. Swabs were sent to Oslo for tests.",
        "The fungus has been seen in Lyon, Turin and Porto. "
        "Samples from the dead trees were sent to Geneva to be tested.",
    ],
)
def test_samples_leave_no_place_someone_came_from_nor_one_of_a_list(
    pipeline: Pipeline, body: str
) -> None:
    assert [p for p in paths(pipeline, body) if p[-1] == "Geneva" or p[-1] == "Oslo"] == []


def test_fleeing_to_a_neighbour_after_a_flight_into_a_country_leaves_where_that_began(
    pipeline: Pipeline,
) -> None:
    body = "Thousands of Norwegians fled to Sweden. Others fled to neighbouring Finland."
    assert ("Sweden", "Finland") not in paths(pipeline, body)


def test_a_new_mover_going_back_does_not_leave_the_last_sentences_town(
    pipeline: Pipeline,
) -> None:
    body = "Rents rose sharply in Bergen. Students came back to Oslo in the autumn."
    assert ("Bergen", "Oslo") not in paths(pipeline, body)


def test_a_named_mover_going_back_leaves_the_last_sentences_town(pipeline: Pipeline) -> None:
    body = "Police stopped the driver near Bergen on Friday. Mr. Dahl drove back to Oslo."
    assert ("Bergen", "Oslo") in paths(pipeline, body)


def test_an_envoy_placed_by_a_name_of_its_own_does_not_start_from_home(
    pipeline: Pipeline,
) -> None:
    body = "The British ambassador in Bergen praised the port staff when he visited Oslo."
    assert [p for p in paths(pipeline, body) if p[-1] == "Oslo" and p[0] != "Bergen"] == []


def test_an_envoy_met_in_a_month_when_she_visited_still_starts_from_home(
    pipeline: Pipeline,
) -> None:
    body = "The Norwegian envoy met the mayor in March when she visited Lisbon."
    assert ("Norway", "Lisbon") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Infected cattle were moved from Lyon to Geneva.",
        "The breeder moved 300 pigs from Lyon to Geneva last week.",
    ],
)
def test_livestock_moved_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The storm hit Lyon, Turin and Porto on Friday. Residents were evacuated to Geneva.",
        "Aid workers had come from Lyon. Residents were evacuated to Geneva.",
    ],
)
def test_the_evacuated_leave_no_town_of_a_list_nor_one_others_came_from(
    pipeline: Pipeline, body: str
) -> None:
    assert ("Lyon", "Geneva") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,kind",
    [
        # the journey noun that carried out a deportation or an evacuation is that one
        (
            "Officials deported 90 men on a charter flight from Madrid to Dakar on Monday.",
            "deported",
        ),
        ("Troops evacuated 300 villagers aboard two buses from Goma to Bukavu.", "evacuated"),
        # a plain trip on a flight stays a trip
        ("The minister left on a short flight from Madrid to Dakar on Monday.", "travelled"),
    ],
)
def test_a_journey_noun_takes_the_kind_of_the_verb_it_carried_out(
    pipeline: Pipeline, body: str, kind: str
) -> None:
    [m] = movements(pipeline, body)
    assert (len(m.path), m.movement_type) == (2, kind)


def test_patients_transferred_travel(pipeline: Pipeline) -> None:
    """Patients moved for care travel (by the guideline), however far the verb is from them."""
    body = (
        "Six patients, among them two infants with burns, were transferred by army helicopter "
        "from Gulu to Kampala on Friday."
    )
    [m] = movements(pipeline, body)
    assert ([p.name for p in m.path], m.movement_type) == (["Gulu", "Kampala"], "travelled")


def test_a_flight_due_to_land_is_planned(pipeline: Pipeline) -> None:
    body = "A second flight, from Madrid, is scheduled to land in Dakar on June 15."
    [m] = movements(pipeline, body)
    assert ([p.name for p in m.path], m.status) == (["Madrid", "Dakar"], "planned")


@pytest.mark.parametrize(
    "dateline",
    [
        "MOMBASA, Kenya, May 7, 2025 (Coast Wire) - ",  # a year after the day
        "MOMBASA, Kenya (Coast Wire) - ",
    ],
)
def test_a_dateline_with_its_year_is_where_a_dispatch_starts(
    pipeline: Pipeline, dateline: str
) -> None:
    body = dateline + "Five injured dockers were flown to a hospital in Nairobi on Wednesday."
    [m] = movements(pipeline, body)
    assert ([p.name for p in m.path], m.origin_inferred) == (["Mombasa", "Nairobi"], True)


def test_an_accented_dateline_is_read(pipeline: Pipeline) -> None:
    body = "BOGOTÁ, Colombia (Andes Wire) - Troops were sent to Medellín on Monday."
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path][0] == "Bogotá"


def test_a_share_of_the_movers_continues_their_journey(pipeline: Pipeline) -> None:
    body = "Villagers fled Kitgum on foot and by bicycle, most of them heading to Gulu."
    [m] = movements(pipeline, body)
    assert ([p.name for p in m.path], m.movement_type) == (["Kitgum", "Gulu"], "fled")


def test_help_sent_in_a_datelined_report_goes_to_the_dateline(pipeline: Pipeline) -> None:
    """No event told before: help sent "to help" went to the town the report is filed from."""
    body = (
        "MOMBASA, Kenya (Coast Wire) - Divers were sent from Nairobi and Malindi to help, "
        "the port authority said."
    )
    got = {
        (tuple(p.name for p in m.path), m.destination_inferred) for m in movements(pipeline, body)
    }
    assert got == {(("Nairobi", "Mombasa"), True), (("Malindi", "Mombasa"), True)}


def test_a_dispatch_for_no_help_takes_no_dateline(pipeline: Pipeline) -> None:
    body = "MOMBASA, Kenya (Coast Wire) - Two envoys were sent from Nairobi, officials said."
    assert movements(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The aid convoy drove from Kampala to Gulu after a stop in Masindi.",
        "The aid convoy left Kampala on Monday and reached Gulu on Wednesday after an "
        "overnight stop in Masindi.",
    ],
)
def test_a_stop_told_after_the_arrival_is_a_via(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == [("Kampala", "Masindi", "Gulu")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("He was treated at a clinic in Gulu before being flown to Kampala.", ("Gulu", "Kampala")),
        ("She spent two nights in Lira before being driven to Kampala.", ("Lira", "Kampala")),
        (
            "The six men were held in Gulu for a week before they were moved to Kampala.",
            ("Gulu", "Kampala"),
        ),
    ],
)
def test_where_they_were_before_being_moved_is_the_origin(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    assert paths(pipeline, body) == [expected]


@pytest.mark.parametrize("departure", ["departing from Leipzig", "leaving Leipzig"])
def test_a_departure_told_after_the_journey_gives_its_finer_origin(
    pipeline: Pipeline, departure: str
) -> None:
    body = (
        "A plane carrying 80 Kenyans deported from Germany landed in Nairobi on Friday after "
        f"{departure}, officials said."
    )
    assert paths(pipeline, body) == [("Leipzig", "Nairobi")]


def test_a_departure_from_elsewhere_does_not_replace_the_origin(pipeline: Pipeline) -> None:
    body = (
        "A plane carrying 80 Kenyans deported from Germany landed in Nairobi on Friday after "
        "leaving Rome, officials said."
    )
    assert ("Germany", "Nairobi") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "The minister, who was due to fly from Nairobi to Lusaka on Friday for talks, has "
            "called off the trip.",
            [],
        ),
        (
            "The minister is due to fly from Nairobi to Lusaka on Friday for talks, his office "
            "said.",
            [("Lusaka",)],
        ),
    ],
)
def test_a_trip_planned_then_called_off_is_no_movement(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert [p[-1:] for p in paths(pipeline, body)] == expected


@pytest.mark.parametrize(
    "second,expected",
    [
        (
            "Patients were helped by volunteers who had driven up from Nairobi.",
            [("Nairobi", "Kisumu")],
        ),
        ("Patients were helped by relatives who had driven up from Nairobi.", []),
    ],
)
def test_help_that_came_up_from_a_town_went_to_the_story(
    pipeline: Pipeline, second: str, expected: list[tuple[str, str]]
) -> None:
    body = "Gunmen attacked a clinic in Kisumu on Monday. " + second
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Amy of Harrogate will fly to Shanghai next month.", [("Harrogate", "Shanghai")]),
        # a word that is also a title or a common word is no one's name
        ("Dean of Harrogate will fly to Shanghai next month.", []),
    ],
)
def test_a_given_name_alone_before_of_is_a_person_from_that_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_a_trip_told_again_to_a_city_of_its_country_is_one_trip(pipeline: Pipeline) -> None:
    body = (
        "A graduate from Leeds will soon be jetting off to China for an internship. "
        "Amy of Leeds will fly to Shanghai in August to work at a bank."
    )
    assert paths(pipeline, body) == [("Leeds", "Shanghai")]
    # two trips to two places stay two
    two = "A graduate from Enfield flew to China on Monday. Her brother flew from Leeds to Paris."
    assert len(paths(pipeline, two)) == 2


@pytest.mark.parametrize(
    "body",
    [
        # a journey told as not begun
        "The relocation of families from Adré to new sites near Iriba has not started.",
        "The transfer of the prisoners from Kano to Abuja is yet to begin.",
        # the cargo of a habitual shipment is bound for its port only in general
        "Traffickers regularly move cocaine from Bolivia to the coast, hiding it in cargo "
        "bound for Europe.",
    ],
)
def test_a_journey_not_begun_and_cargo_of_a_habit_are_no_movements(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []


def test_a_journey_that_began_is_one(pipeline: Pipeline) -> None:
    body = "The relocation of families from Adré to Goz Beida started on Monday."
    assert paths(pipeline, body) == [("Adré", "Goz Beida")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a facility "for" someone is still the facility whose town is the destination
        (
            "Guards transferred the men on Wednesday from Białystok to the guarded centre for "
            "foreigners in Biała Podlaska.",
            [("Białystok", "Biała Podlaska")],
        ),
        # a facility named after a place: its town is where they went
        (
            "Nine of the wounded were driven from Chimoré to the Viedma hospital in Cochabamba.",
            [("Chimoré", "Cochabamba")],
        ),
        # the post the movers held is where they left from
        (
            "A team of observers posted in Chimoré withdrew to Cochabamba on Wednesday.",
            [("Chimoré", "Cochabamba")],
        ),
    ],
)
def test_a_facility_s_town_and_a_post_left(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # a country and the town near which they entered it: the town
        (
            "On Monday fourteen men crossed from Belarus into Poland near Kuźnica.",
            [("Belarus", "Kuźnica")],
        ),
        # a next leg of the same people, after a time put first: from where the last went
        (
            "On Monday they were flown from Jolo to Zamboanga. On Thursday they were flown to "
            "Cebu City.",
            [("Jolo", "Zamboanga"), ("Zamboanga", "Cebu City")],
        ),
        (
            "The men were driven from Gulu to Lira. They will be flown to Entebbe on Friday.",
            [("Gulu", "Lira"), ("Lira", "Entebbe")],
        ),
    ],
)
def test_a_town_near_the_border_and_a_next_leg(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        # a shore by a town is where they headed
        (
            "The speedboat sailed from Larache and headed for a beach west of Barbate.",
            [("Larache", "Barbate")],
        ),
        # a part of a day before its date is one time between two legs of one journey
        (
            "A boat left the coast near Tripoli on the night of June 28 and reached Cyprus "
            "two days later.",
            [("Tripoli", "Cyprus")],
        ),
    ],
)
def test_a_beach_by_a_town_and_the_night_of_a_date(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Eleven buses pulled out of a camp on the edge of Dihok and began the drive to Sinjār.",
            [("Dihok", "Sinjār")],
        ),
        ("Families fled out of the camps on the outskirts of Goma to Sake.", [("Goma", "Sake")]),
    ],
)
def test_out_of_a_place_on_the_edge_of_a_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_those_the_last_sentence_moved_go_on_from_there(pipeline: Pipeline) -> None:
    """An active verb that moves people told before ("those families", "them") starts where
    the last sentence's journey took them."""
    body = (
        "More than 400 households fled from Moyale to Sololo. On Tuesday officials moved 250 "
        "of those families by lorry to a camp on the outskirts of Marsabit."
    )
    assert paths(pipeline, body) == [("Moyale", "Sololo"), ("Sololo", "Marsabit")]


def test_people_brought_ashore_go_on_from_there(pipeline: Pipeline) -> None:
    """Where people were brought ashore (or taken) with no origin told is where their next
    leg starts."""
    body = (
        "Coast guards intercepted the dinghy off Paphos and brought the passengers ashore at "
        "Larnaca. "
        "On Monday, twenty of them were sent back to Beirut on a ferry."
    )
    assert paths(pipeline, body) == [("Larnaca", "Beirut")]


def test_a_train_hauling_goods_from_a_to_b(pipeline: Pipeline) -> None:
    body = "The railway said the train, which was hauling coal from Wyoming to Omaha, was late."
    assert paths(pipeline, body) == [("Wyoming", "Omaha")]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "In May the editor was transferred from Mandalay to Insein prison in Yangon.",
            [("Mandalay", "Yangon")],
        ),
        (
            "The two drivers were later moved from Lashio to Obo prison in Mandalay.",
            [("Lashio", "Mandalay")],
        ),
    ],
)
def test_a_named_prison_in_a_town_is_placed_at_the_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_the_wounded_of_a_device_attack_leave_from_its_place(pipeline: Pipeline) -> None:
    body = (
        "A roadside explosive device struck an army truck outside Mandouri on Thursday. "
        "Three wounded soldiers were flown to Lome for treatment."
    )
    assert paths(pipeline, body) == [("Mandouri", "Lomé")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Each month hundreds of migrants make the crossing from Djibouti to Yemen.", []),
        ("Every winter, herders drive their flocks from Kabul to Jalalabad.", []),
        (
            "Last winter, herders drove their flocks from Kabul to Jalalabad.",
            [("Kabul", "Jalālābād")],
        ),
    ],
)
def test_a_fronted_frequency_makes_the_sentence_habitual(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "About 300 people left the beaches of Necocli for Acandi by boat last week.",
            [("Necoclí", "Acandí")],
        ),
        (
            "Two fishing crews sailed from the harbour of Mombasa to Lamu on Friday.",
            [("Mombasa", "Lamu")],
        ),
    ],
)
def test_a_shore_or_harbour_of_a_town_is_the_town(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_evacuees_brought_somewhere_are_evacuated(pipeline: Pipeline) -> None:
    body = "Evacuees are brought by bus from Myrnohrad to the transit centre in Pavlohrad."
    [m] = movements(pipeline, body)
    assert [p.name for p in m.path] == ["Myrnohrad", "Pavlohrad"]
    assert m.movement_type == "evacuated"


@pytest.mark.parametrize(
    "body,kind",
    [
        (
            "Migration agents detained him outside Oaxaca. Two days later he was sent back "
            "from Oaxaca to Tapachula on a government bus.",
            "deported",
        ),
        ("The troops were sent back from Kabul to Kandahar on Monday.", "dispatched"),
    ],
)
def test_people_sent_back_are_deported_but_forces_are_posted(
    pipeline: Pipeline, body: str, kind: str
) -> None:
    [m] = movements(pipeline, body)
    assert m.movement_type == kind


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "He took a bus from Mandalay to Kalewa and then made his way on foot to Tamu.",
            [("Mandalay", "Kalewa", "Tamu")],
        ),
        (
            "About 300 staff were airlifted from Kabul to Doha overnight, and some were later "
            "flown on to Frankfurt.",
            [("Kabul", "Doha"), ("Kabul", "Doha", "Frankfurt am Main")],
        ),
    ],
)
def test_one_mover_going_on_makes_one_journey_a_part_going_on_two(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_passing_through_a_town_is_a_stop_of_the_journey(pipeline: Pipeline) -> None:
    body = "The traders took a bus from Kumasi to Niamey, passing through Ouagadougou."
    assert paths(pipeline, body) == [("Kumasi", "Ouagadougou", "Niamey")]


def test_rural_areas_of_a_town_left_for_another(pipeline: Pipeline) -> None:
    body = "About 700 farmers have fled rural areas of Tame for the town of Arauca since Monday."
    assert paths(pipeline, body) == [("Tame", "Arauca")]


@pytest.mark.parametrize(
    "body,status",
    [
        ("The squad is flying from Lagos to Accra on Friday.", "planned"),
        ("The squad flew from Lagos to Accra on Friday.", "reported"),
    ],
)
def test_a_present_progressive_with_a_weekday_is_arranged(
    pipeline: Pipeline, body: str, status: str
) -> None:
    [m] = movements(pipeline, body)
    assert m.status == status


def test_help_sent_to_a_strike_on_the_edge_of_a_town_goes_to_the_town(
    pipeline: Pipeline,
) -> None:
    body = (
        "A drone slammed into a grain store on the edge of Khmilnyk overnight. "
        "Fire crews were sent from Vinnytsia and Berdychiv to help."
    )
    assert paths(pipeline, body) == [("Vinnytsya", "Khmilnyk"), ("Berdychiv", "Khmilnyk")]


@pytest.mark.parametrize(
    "second,expected",
    [
        ("From there, most took a train to Lviv.", [("Pavlohrad", "Lviv")]),
        ("From there, the families went on by evacuation train to Lviv.", [("Pavlohrad", "Lviv")]),
        ("Most took a train to Lviv.", []),
    ],
)
def test_from_there_starts_where_the_last_journey_ended(
    pipeline: Pipeline, second: str, expected: list[tuple[str, ...]]
) -> None:
    body = "Evacuees are brought by bus from Myrnohrad to Pavlohrad. " + second
    assert [p for p in paths(pipeline, body) if p[0] != "Myrnohrad"] == expected


def test_a_place_far_from_the_town_it_is_said_to_be_outside_gives_way(
    pipeline: Pipeline,
) -> None:
    body = "Police moved 80 men from the camp at Lipa, outside Bihac, to Tuzla on Monday."
    assert paths(pipeline, body) == [("Bihać", "Tuzla")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the verb's object named by its kind of settlement ("the town of X") is what was left
        ("The family left the town of Kherson for Mykolaiv in March.", [("Kherson", "Mykolayiv")]),
        ("About 300 families left the village of Kalemie for Bukavu.", [("Kalemie", "Bukavu")]),
        # "forced to leave" is a departure that happened, not a wish
        (
            "Heavy rains forced about 300 families to leave Kalemie for Bukavu.",
            [("Kalemie", "Bukavu")],
        ),
        ("Thousands were forced to leave Kherson for Mykolaiv.", [("Kherson", "Mykolayiv")]),
        ("She refused to leave Kherson for Mykolaiv.", []),
        # a departure told after the arrival, behind a journey noun that opens the sentence
        ("The convoy reached Aleppo after leaving Damascus.", [("Damascus", "Aleppo")]),
        (
            "An aid convoy reached Aleppo on Thursday after leaving Damascus.",
            [("Damascus", "Aleppo")],
        ),
    ],
)
def test_a_settlement_left_a_forced_departure_and_a_departure_told_after(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a stay told before "before": where the next journey set out from
        ("She spent a week in Cairo before heading to Amman.", [("Cairo", "Amman")]),
        ("He lived in Leeds for ten years before moving to London.", [("Leeds", "London")]),
        ("She spent a week in Cairo before the summit in Amman.", []),
        # "ended up in X": a journey's end
        ("The refugees ended up in Calais after walking from Milan.", [("Milan", "Calais")]),
        ("The company ended up in bankruptcy court in Delaware.", []),
    ],
)
def test_a_stay_before_a_journey_and_a_journey_that_ended_up_somewhere(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


def test_a_journey_told_again_with_a_guessed_finer_end_is_one_journey(pipeline: Pipeline) -> None:
    body = (
        "A traveller flew from New Jersey to San Francisco by mistake last month. "
        "She ended up in San Francisco after boarding the wrong plane at Newark."
    )
    found = paths(pipeline, body)
    assert found == [("New Jersey", "San Francisco")]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        # a town's country after it is no stop of its own (infer17)
        (
            "The ship sailed from Bandar Abbas to Haifa, Israel, and then docked in Limassol.",
            ("Bandar Abbas", "Haifa", "Limassol"),
        ),
        # "Port Said" is a name, not a verb of saying that ends the clause
        (
            "The ship sailed from Bandar Abbas to Port Said and then docked in Limassol.",
            ("Bandar Abbas", "Port Said", "Limassol"),
        ),
    ],
)
def test_a_journey_goes_on_from_the_town_named_with_its_country(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    assert [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements] == [path]


# -- moves17: present-tense log entries, a flight's participle past a time clause, an onward
# leg after a stay, an arrival's end at the sentence's incident, nationals moved by others --

TIMELINE = (
    "Timeline: how Omar reached Istanbul\n\n"
    "5 May 2024 – Leaves Mosul by car for Erbil with his brother.\n\n"
    "9 May – Smugglers drive the group from Erbil to Ankara.\n\n"
    "12 May – Takes a bus from Ankara to Istanbul.\n"
)


def test_log_entries_in_the_present_tell_past_journeys(pipeline: Pipeline) -> None:
    found = paths(pipeline, TIMELINE)
    assert ("Mosul", "Erbil") in found
    assert ("Erbil", "Ankara") in found
    assert ("Ankara", "Istanbul") in found


def test_times_of_a_convoy_log_are_entries(pipeline: Pipeline) -> None:
    body = (
        "Convoy log\n\n06:10  Vehicles assembled at the base.\n\n"
        "06:45  Leaves Mosul for Erbil.\n\n09:20  The convoy reaches Erbil.\n"
    )
    assert ("Mosul", "Erbil") in paths(pipeline, body)


def test_log_entries_are_whole_lines_that_open_on_a_date_or_a_time() -> None:
    from geomap.events.extract import _log_entries

    text = (
        "Convoy log\n06:10  Vehicles assembled.\nOn 5 May – Buses left.\n"
        "  5 May – Buses left.\n\n6 May: Roads were quiet."
    )
    first = text.index("  5 May")
    assert _log_entries(text) == [(11, text.index("\nOn")), (first, text.index("\n\n6"))] + [
        (text.index("6 May:"), len(text))
    ]
    assert _log_entries("5 May – Buses left.\nRoads were quiet.") == []  # one entry: no log


@pytest.mark.parametrize(
    "body",
    [
        # present forms outside a log: generic statements, schedules, habits
        "Trains leave Mosul for Erbil every hour.",
        "It takes two hours to drive from Ankara to Istanbul.",
        "Every summer, families drive from Ankara to Istanbul.",
        # one dated line is no log
        "5 May – Buses leave Mosul for Erbil twice a day, the company says.",
        # a schedule inside a log
        "Log\n\n5 May – Buses leave Mosul for Erbil every hour.\n\n6 May – Roads were quiet.\n",
    ],
)
def test_present_forms_outside_log_entries_tell_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_a_flight_goes_on_in_a_participle_past_a_time_clause(pipeline: Pipeline) -> None:
    body = (
        "The family fled Mosul in June 2014, days after the militants seized the city, "
        "crossing into Turkey with little else."
    )
    moves = by_path(pipeline, body)
    assert set(moves) == {("Mosul", "Turkey")}
    assert moves["Mosul", "Turkey"].movement_type == "fled"


def test_a_time_clause_gives_no_destination_to_a_flight(pipeline: Pipeline) -> None:
    body = (
        "The family fled Mosul in June 2014, days after the militants seized the city, "
        "leaving everything behind."
    )
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "After two nights in Toronto, they flew on to Calgary.",
        "After two nights in a Toronto hotel, they caught a connecting flight on to Calgary.",
        "They flew from Oslo to Toronto, and after two nights in a Toronto hotel caught a "
        "connecting flight on to Calgary.",
    ],
)
def test_an_onward_leg_after_a_stay_leaves_the_place_stayed_in(
    pipeline: Pipeline, body: str
) -> None:
    assert ("Toronto", "Calgary") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "After two nights in Toronto, the flight to Calgary was cancelled.",
        "After two nights in Toronto, they may fly on to Calgary.",
    ],
)
def test_no_onward_leg_after_a_stay_when_none_was_made(pipeline: Pipeline, body: str) -> None:
    assert ("Toronto", "Calgary") not in paths(pipeline, body)


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Police arrested two men in Marseille on Monday after finding cocaine in a van "
            "that had arrived on a ferry from Tunis.",
            ("Tunis", "Marseille"),
        ),
        (
            "Police detained a man at Rome airport on Sunday after he arrived on a flight "
            "from Lagos with heroin in his luggage.",
            ("Lagos", "Rome"),
        ),
    ],
)
def test_an_arrival_from_a_ends_where_the_sentence_s_incident_happened(
    pipeline: Pipeline, body: str, expected: tuple[str, str]
) -> None:
    moves = by_path(pipeline, body)
    assert expected in moves
    assert moves[expected].destination_inferred


@pytest.mark.parametrize(
    "body",
    [
        "A man who arrived on a flight from Lagos told reporters he was tired.",
        "Most tourists arrive on ferries from Tunis, officials in Marseille said.",
    ],
)
def test_an_arrival_from_a_with_no_incident_has_no_end(pipeline: Pipeline, body: str) -> None:
    assert not any(p[0] in ("Lagos", "Tunis") for p in paths(pipeline, body))


def test_nationals_moved_by_others_leave_where_they_were_held(pipeline: Pipeline) -> None:
    body = (
        "Police arrested three men in Marseille on Monday after finding cocaine in a van.\n\n"
        "The other two, both Tunisian citizens, were later transferred to a prison in Lyon, "
        "a police spokesman said."
    )
    found = paths(pipeline, body)
    assert ("Marseille", "Lyon") in found
    assert ("Tunisia", "Lyon") not in found


def test_a_crossing_sets_out_from_where_the_last_journey_ended(pipeline: Pipeline) -> None:
    body = "Omar left Herat for Zaranj on Monday. That night he crossed into Iran on foot."
    moves = by_path(pipeline, body)
    assert ("Zaranj", "Iran") in moves
    assert moves["Zaranj", "Iran"].origin_inferred


def test_a_crossing_in_a_log_entry_sets_out_from_the_last_entry_s_end(
    pipeline: Pipeline,
) -> None:
    body = (
        "Log\n\n3 May – Travels from Istanbul to Edirne.\n\n"
        "5 May – Two nights later he crosses into Bulgaria with four other boys.\n"
    )
    assert ("Edirne", "Bulgaria") in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        # other movers, a habit, background, a start inside the country entered
        "Omar left Herat for Zaranj on Monday. Hundreds of Afghans crossed into Iran last week.",
        "Omar left Herat for Zaranj on Monday. Migrants cross into Iran every day.",
        "Omar left Herat for Zaranj on Monday. He had crossed into Iran once before.",
        "Omar drove from Tehran to Mashhad on Monday. That night he crossed into Iran.",
    ],
)
def test_no_crossing_from_the_last_journey_s_end_otherwise(pipeline: Pipeline, body: str) -> None:
    assert not any(p[0] in ("Zaranj", "Mashhad") and p[-1] == "Iran" for p in paths(pipeline, body))


def test_a_country_entered_is_no_stop_before_the_town_in_it(pipeline: Pipeline) -> None:
    body = (
        "Omar took a bus from Mandalay to Tamu on Monday. On Tuesday he crossed into India "
        "and reached Imphal."
    )
    found = paths(pipeline, body)
    assert ("Tamu", "Imphal") in found
    assert ("Tamu", "India", "Imphal") not in found


def test_a_crossing_and_an_arrival_told_as_one_journey_are_a_crossing(
    pipeline: Pipeline,
) -> None:
    body = (
        "Omar took a bus from Mandalay to Tamu on Monday. On Tuesday he crossed into India "
        "and reached Imphal."
    )
    moves = by_path(pipeline, body)
    assert moves["Tamu", "Imphal"].movement_type == "crossed"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "to reach A" after a verb of going is where that journey ended: one movement
        ("The family drove from Kharkiv for two days to reach Lviv.", [("Kharkiv", "Lviv")]),
        (
            "Gunmen raided Kutum on Monday. Survivors walked for four days to reach El Fasher.",
            [("Kutum", "El Fasher")],
        ),
    ],
)
def test_to_reach_a_after_a_verb_of_going_is_its_end(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "A budget carrier began flights to Oslo from its main base in Denver in 2019.",
        "The airline launched direct flights from Lagos to Nairobi in March.",
    ],
)
def test_an_airline_s_service_is_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a departure told in the past perfect after an arrival: where that arrival began
        (
            "Ninety migrants landed on Crete overnight. Most had set sail from Tobruk.",
            [("Tobruk", "Crete")],
        ),
        (
            "The envoy arrived in Nairobi on Monday. She had flown from Kigali.",
            [("Kigali", "Nairobi")],
        ),
        # told in the simple past, it is another journey, not this one's start
        ("The envoy arrived in Nairobi on Monday. She left Kigali in 2019.", []),
    ],
)
def test_a_departure_told_after_an_arrival_in_the_past_perfect(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    found = movements(pipeline, body)
    assert [tuple(p.name for p in m.path) for m in found] == expected
    assert all(m.destination_inferred for m in found)


@pytest.mark.parametrize(
    "body",
    [
        # what is visited is a place, whatever word opens it
        "The minister visited flood camps in Larkana on Monday before returning to Quetta.",
        "The minister visited the trade fair in Larkana before returning to Quetta.",
    ],
)
def test_what_a_visit_goes_to_is_no_object_moved(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == [("Larkana", "Quetta")]


def test_a_withdrawal_told_to_somewhere_else_is_not_home(pipeline: Pipeline) -> None:
    # the mover's country is where a withdrawal "home" goes, not one told elsewhere
    body = "Russian troops withdrew from Kherson to the east bank of the river on Friday."
    assert all(m.path[-1].feature_type != "country" for m in movements(pipeline, body))


@pytest.mark.parametrize(
    "body",
    [
        "The envoy arrived in Lusaka on Monday after a two-day visit to Malawi.",
        "The envoy will arrive in Lusaka on Monday after a two-day visit to Malawi.",
    ],
)
def test_an_arrival_after_a_visit_is_one_journey_from_the_visited_place(
    pipeline: Pipeline, body: str
) -> None:
    # the visit told after the arrival is where the journey set out, not a leg after it
    assert paths(pipeline, body) == [("Malawi", "Lusaka")]


@pytest.mark.parametrize(
    "body,expected",
    [
        # a stay told by its length, before the journey on
        ("After a week in Lusaka, the delegation flew to Harare.", [("Lusaka", "Harare")]),
        ("After two years in Lyon, she moved to Geneva.", [("Lyon", "Geneva")]),
        # a tour or a trip after the way home
        (
            "The band flew home to Halifax after a month-long tour through Germany.",
            [("Germany", "Halifax")],
        ),
        # no place of the stay, or the stay is a clause of its own: nothing from it
        ("After a week in hospital, she flew to Geneva.", []),
    ],
)
def test_a_stay_before_the_journey_is_its_origin(
    pipeline: Pipeline, body: str, expected: list[tuple[str, ...]]
) -> None:
    assert paths(pipeline, body) == expected
