"""Patterns of international wire reports (events_fresh10's errors); every sentence is invented."""

from __future__ import annotations

import pytest

from geomap.events.clauses import status, tokenize
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Reuters July 9, 2025\n"


def _status(sentence: str, word: str, noun: bool = False) -> str | None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == word)
    return status(tokens, index, sentence, noun=noun, incident=noun)


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str, str | None, str]]:
    doc = parse_document((HEADER + "Prices rose in June.\n\n" + body).encode(), "t.txt")
    return sorted(
        (i.event_type, i.place.name, i.when.start.isoformat() if i.when else None, i.status)
        for i in pipeline.extract(doc).incidents
    )


def _moves(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + "Prices rose in June.\n\n" + body).encode(), "t.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("Vorland said it could also start deporting migrants to Kabul.", "deporting"),
        (
            "Officials said they may begin evacuating villagers from Kisumu to Nairobi.",
            "evacuating",
        ),
        ("The army might soon start sending troops from Goma to Beni.", "sending"),
    ],
)
def test_a_modal_before_an_aspect_verb_leaves_the_event_hypothetical(
    sentence: str, word: str
) -> None:
    assert _status(sentence, word) is None


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("Vorland began deporting migrants to Kabul on Monday.", "deporting", "reported"),
        ("The navy will start ferrying families from Lamu to Mombasa.", "ferrying", "planned"),
        ("Guards have started moving prisoners from Kisumu to Nairobi.", "moving", "reported"),
    ],
)
def test_an_aspect_verb_takes_its_own_chain(sentence: str, word: str, expected: str) -> None:
    assert _status(sentence, word) == expected


def test_a_modal_aspect_verb_yields_no_movement(pipeline: Pipeline) -> None:
    assert _moves(pipeline, "Austria said it could also start deporting Afghans to Kabul.") == []


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("Organisers have called for a nationwide march on Thursday.", "march"),
        ("Students in Eldoret called for rallies on Friday.", "rallies"),
        ("Unions are calling for a general strike next week.", "strike"),
        ("Teachers marched on Monday, with further rallies planned in Nakuru.", "rallies"),
    ],
)
def test_a_protest_called_for_or_planned_in_a_town_is_to_come(sentence: str, word: str) -> None:
    assert _status(sentence, word, noun=True) == "planned"


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("Activists called for an end to the protests in Nakuru.", "protests"),
        ("They did not call for a strike in Mombasa.", "strike"),
    ],
)
def test_other_calls_announce_no_protest(sentence: str, word: str) -> None:
    assert _status(sentence, word, noun=True) != "planned"


def test_rallies_planned_in_towns_on_a_weekday_are_that_weekday_to_come(
    pipeline: Pipeline,
) -> None:
    body = (
        "Organisers have called for a march on Thursday, with rallies planned in Nairobi "
        "and Eldoret."
    )
    assert _incidents(pipeline, body) == [
        ("protest", "Eldoret", "2025-07-10", "planned"),
        ("protest", "Nairobi", "2025-07-10", "planned"),
    ]


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            "Protests were also reported in Mombasa, Kisumu and Nakuru on Tuesday.",
            [("protest", t, "2025-07-08", "reported") for t in ("Kisumu", "Mombasa", "Nakuru")],
        ),
        (
            "A fire was reported at a warehouse in Kisumu on Monday.",
            [("fire", "Kisumu", "2025-07-07", "reported")],
        ),
    ],
)
def test_an_event_reported_in_a_place_is_there(pipeline: Pipeline, body: str, expected) -> None:
    assert _incidents(pipeline, body) == expected


def test_a_speaker_reporting_from_a_town_is_not_the_place(pipeline: Pipeline) -> None:
    body = "Gunmen attacked a convoy near Dikwa on Monday, the agency reported in Abuja."
    assert [i[1] for i in _incidents(pipeline, body)] == ["Dikwa"]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The bus veered off a mountain road near Huaytara on Monday.", ["Huaytara"]),
        ("The lorry skidded off the icy coastal road near Pisco on Monday.", ["Pisco"]),
        ("The convoy drove off the main road near Pisco on Monday.", []),
    ],
)
def test_a_vehicle_losing_a_described_road_crashed(
    pipeline: Pipeline, body: str, expected: list[str]
) -> None:
    found = [i[1] for i in _incidents(pipeline, body) if i[0] == "crash"]
    assert [p.replace("á", "a") for p in found] == expected


def test_a_summary_over_days_told_again_on_one_day_is_one_event(pipeline: Pipeline) -> None:
    body = (
        "Between 3 and 9 July, monitors recorded attacks by gunmen on villages around Dikwa. "
        "A second attack was reported near Dikwa on 6 July."
    )
    assert _incidents(pipeline, body) == [("attack", "Dikwa", "2025-07-06", "reported")]


def test_two_events_on_two_days_stay_two(pipeline: Pipeline) -> None:
    body = (
        "Gunmen attacked a market in Dikwa on 3 July. "
        "A second attack was reported in Dikwa on 6 July."
    )
    assert [i[2] for i in _incidents(pipeline, body)] == ["2025-07-03", "2025-07-06"]


def test_an_announced_event_placed_by_the_sentence_before_keeps_its_own_date(
    pipeline: Pipeline,
) -> None:
    body = (
        "Nurses have called a protest outside the health ministry in Kisumu for Friday. "
        "The ministry said it would meet union leaders next week."
    )
    assert _incidents(pipeline, body) == [
        ("meeting/summit", "Kisumu", "2025-07-14", "planned"),
        ("protest", "Kisumu", "2025-07-11", "planned"),
    ]


def _typed_moves(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + "Prices rose in June.\n\n" + body).encode(), "t.txt")
    return [(m.movement_type, *(p.name for p in m.path)) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body",
    [
        "Navy helicopters plucked 80 people from rooftops in Kisumu on Friday and flew them"
        " to Nairobi, officials said.",
        "About 500 stranded villagers were ferried from Kisumu to Nairobi on Saturday.",
        "Residents stranded on rooftops were airlifted from Kisumu to Nairobi on Monday.",
    ],
)
def test_people_carried_out_of_danger_are_evacuated(pipeline: Pipeline, body: str) -> None:
    moves = _typed_moves(pipeline, body)
    assert moves and all(m[0] == "evacuated" for m in moves), moves


@pytest.mark.parametrize(
    "body",
    [
        "A minister flew from Kisumu to Nairobi on Sunday to see the flooded districts.",
        "Stranded tourists flew from Kisumu to Nairobi on Sunday once the airport reopened.",
        "Two climbers rescued from a ledge were later airlifted from Kisumu to a hospital"
        " in Nairobi, stranded overnight.",
        "Vorland ferried 40 guests from Kisumu to Nairobi for the wedding on Saturday.",
    ],
)
def test_carrying_without_danger_stays_travelled(pipeline: Pipeline, body: str) -> None:
    moves = _typed_moves(pipeline, body)
    assert all(m[0] != "evacuated" for m in moves), moves


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "Hundreds of families fled from Gambela to the Ethiopian capital on Friday.",
            ("Gambēla", "Addis Ababa"),
        ),
        ("The envoy flew from Brussels to the Kenyan capital on Monday.", ("Brussels", "Nairobi")),
    ],
)
def test_the_demonym_capital_is_the_capital_city(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    assert _moves(pipeline, body) == [path]


def test_capital_cities_reads_only_the_city_sense() -> None:
    from geomap.events.discourse import capital_cities
    from geomap.model import Place, Span, Toponym

    kenya = Place("iso3166-1:KE", "Kenya", "country", "KE", 0.0, 38.0)
    nairobi = Place("geonames:184745", "Nairobi", "city", "KE", -1.28, 36.8)

    def capital(code: str) -> Place | None:
        return nairobi if code == "KE" else None

    def read(text: str) -> str | None:
        start = text.index("Kenyan")
        toponyms = [Toponym(Span("Kenyan", start, start + 6), kenya, "demonym")]
        place = capital_cities(text, toponyms, capital)[0].place
        return place.name if place else None

    assert read("Troops reached the Kenyan capital on Friday.") == "Nairobi"
    assert read("The Kenyan capital's mayor said little.") == "Nairobi"
    assert read("The Kenyan capital, Nairobi, was calm.") == "Nairobi"
    assert read("Shares fell on the Kenyan capital markets.") == "Kenya"
    assert read("Kenyan capital flowed into venture capital funds.") == "Kenya"
    assert read("He faced a Kenyan capital offence charge.") == "Kenya"


def test_capital_cities_asks_for_a_capital_only_when_the_text_needs_one() -> None:
    from geomap.events.discourse import capital_cities
    from geomap.model import Place, Span, Toponym

    kenya = Place("iso3166-1:KE", "Kenya", "country", "KE", 0.0, 38.0)
    asked: list[str] = []

    def capital(code: str) -> Place | None:
        asked.append(code)
        return None

    def ask(text: str) -> list[str]:
        asked.clear()
        toponyms = [
            Toponym(Span("Kenya", k, k + 5), kenya)
            for k in range(len(text))
            if text[k:].startswith("Kenya")
        ]
        assert capital_cities(text, toponyms, capital) == toponyms
        return list(asked)

    assert ask("Kenya held talks. Kenya and Kenya agreed on trade.") == []
    assert ask("Kenya held talks. Kenya flew aid to the capital, Lakeview, in Kenya.") == []
    assert ask("Kenya held talks. Kenya and Kenya sent aid to the capital.") == ["KE"]


@pytest.mark.parametrize(
    "body",
    [
        "The Kenyan capital's mayor said on Friday that the budget was balanced.",
        "Vorland was convicted of a capital offence in Nairobi last year.",
        "Venture capital firms in Nairobi raised more money in June.",
        "The city applied for capital city status in March.",
    ],
)
def test_capital_without_motion_gives_no_movement(pipeline: Pipeline, body: str) -> None:
    assert _moves(pipeline, body) == []


def _ends(pipeline: Pipeline, text: str) -> list[tuple[tuple[str, ...], bool, bool]]:
    doc = parse_document(text.encode(), "t.txt")
    return [
        (tuple(p.name for p in m.path), m.origin_inferred, m.destination_inferred)
        for m in pipeline.extract(doc).movements
    ]


AFGHAN = (
    "Report   Ann Writer Reuters July 9, 2025\n"
    "Floods in Afghanistan\n\n"
    "Afghanistan said on Friday that floods had hit the west. Officials in Afghanistan said"
    " aid was on its way. "
)


def test_the_capital_alone_is_the_reports_countrys_capital_inferred(
    pipeline: Pipeline,
) -> None:
    text = AFGHAN + "About 300 families returned from Herat to the capital on Monday."
    assert _ends(pipeline, text) == [(("Herāt", "Kabul"), False, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The capital's mayor said on Monday that the markets were open.",
        "A man from Herat was charged with a capital offence on Monday.",
        "Venture capital firms in Herat raised more money on Monday.",
        "Herat applied for capital city status on Monday.",
    ],
)
def test_the_capital_without_motion_gives_no_movement(pipeline: Pipeline, sentence: str) -> None:
    assert _ends(pipeline, AFGHAN + sentence) == []


def test_the_capital_needs_a_clear_country(pipeline: Pipeline) -> None:
    text = HEADER + "Prices rose in June.\n\nSome 300 families returned from Herat to the capital."
    assert all(not m[0][-1] == "Kabul" for m in _ends(pipeline, text))


@pytest.mark.parametrize(
    "sentence",
    [
        "About 300 families were taken from Herat to the capital city of Kabul on Monday.",
        "About 300 families were taken from Herat to the capital, Kabul, on Monday.",
    ],
)
def test_the_capital_named_after_is_stated(pipeline: Pipeline, sentence: str) -> None:
    assert _ends(pipeline, AFGHAN + sentence) == [(("Herāt", "Kabul"), False, False)]
