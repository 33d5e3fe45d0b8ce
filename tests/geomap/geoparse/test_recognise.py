"""Recognition: places found with exact offsets; people, bodies and common words left alone."""

from __future__ import annotations

import pytest

from geomap.gazetteer.gazetteer import Gazetteer
from geomap.geoparse.recognise import Recogniser, demonym_countries, tokenise


@pytest.fixture(scope="module")
def recogniser(gazetteer_path):  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    return Recogniser(g.has, g.strength)


def found(recogniser: Recogniser, text: str) -> list[str]:
    out = []
    for t in recogniser.recognise(text):
        assert text[t.span.start : t.span.end] == t.span.text
        out.append(t.span.text)
    return out


@pytest.mark.parametrize(
    "text,places",
    [
        ("Troops were sent from Kyiv to Lviv.", ["Kyiv", "Lviv"]),
        ("The team was dispatched to Liaoning Province last week.", ["Liaoning Province"]),
        ("Officials in New York and Los Angeles said so.", ["New York", "Los Angeles"]),
        ("Refugees crossed into Bosnia and Herzegovina overnight.", ["Bosnia and Herzegovina"]),
        ("Talks in Hanoi ended early. South Korea’s spies watched.", ["Hanoi", "South Korea"]),
        ("He met President Donald Trump in Washington.", ["Washington"]),
        ("Kim Jong-un travelled by train. Mr Kim arrived in Vladivostok.", ["Vladivostok"]),
        ("The Ministry of State Security and the Daily NK disagreed.", []),
        ("Reporters for The Telegraph and the Reconnaissance General Bureau met.", []),
        ("Along the river, police found nothing along the bank.", []),
        ("March was cold in Moscow.", ["Moscow"]),
        # a small town followed by a date is still a town: the date is no part of its name
        ("Fighters raided a camp near Kutum on Saturday.", ["Kutum"]),
        ("Boats left Sabratha on Wednesday and Zuwarah in June.", ["Sabratha", "Zuwarah"]),
        ("Talks will resume in Dar es Salaam next week.", ["Dar es Salaam"]),
        # a township the gazetteer lacks is not the town its first word names
        ("A truck went off the highway in Sand Creek Township at dawn.", []),
        # a name after a make of car is a model, not a place
        ("He drove a Dodge Durango to Akron.", ["Akron"]),
        ("Her Isuzu Denver Rodeo was found in Mesa.", ["Mesa"]),
        ("A Hyundai Tucson and a Toyota Tacoma collided.", []),
        # an adjective describing the place named next is not a mention of its own
        ("He fled through the Chinese border city of Dandong.", ["Dandong"]),
        # demonyms are mentions of their country (both LGL and GeoWebNews annotate them)
        ("Chinese and North Korean officials met.", ["Chinese", "North Korean"]),
        ("Many Russians and Filipinos voted.", ["Russians", "Filipinos"]),
        ("The Indian Ocean is warm.", ["Indian Ocean"]),  # a place, not an adjective
        # places named inside organisations are mentions; the organisation is not
        ("The Ohio Department of Health closed it.", ["Ohio"]),
        ("She studied at the University of Kentucky.", ["Kentucky"]),
        ("The Bank of China lent money.", ["China"]),
        ("Gainesville Police Chief Ann Cole spoke.", ["Gainesville"]),
        # two organisations joined by "and": each is read on its own; a title word before
        # "and" / "of" is not a title
        (
            "The Department of Labor and the Georgia Forestry Commission met in Monroe.",
            ["Georgia", "Monroe"],
        ),
        (
            "They called Hall County Animal Control and the Georgia Forestry Commission.",
            ["Hall County", "Georgia"],
        ),
        ("The Trinidad and Tobago Police Service said so.", ["Trinidad and Tobago"]),
        ("The Department of Commerce agreed.", []),  # a small town only if used elsewhere
        ("Brown Lumber Company bought it.", []),  # a person's name, not the town of Brown
        ("The New York Times reported it.", ["New York"]),
        # people: given names, titles with a full stop, initials, speech verbs
        ('"No," said Mary Kendall, a teacher.', []),
        # ... but a place that is also a given name, joined to the next place by "and"
        (
            "Fires forced evacuations near Bega and Batemans Bay on the New South Wales coast.",
            ["Bega", "Batemans Bay", "New South Wales"],
        ),
        ("Michael Brandon scored twice.", []),
        # a person after a title, then where they come from
        ("Sen. Jane Roe of Ohio and Gov. Tom Poe of Texas spoke.", ["Ohio", "Texas"]),
        # a well-known place after words that are no given name is still that place
        ("Considering Tunisia’s interest, ACME Denver agreed.", ["Tunisia", "Denver"]),
        # ... but a given name before it makes a full personal name
        ("Michael Jordan scored twice.", []),
        # a first-level region stays a place though a person shares its name elsewhere
        ("Virginia Woolf wrote it. The film was shot in rural Virginia.", ["Virginia"]),
        ("Mrs. Preston spoke at length.", []),
        ("Who wanted Peter J. Flores dead? Flores was 30.", []),
        ("He met Tom Williams. Williams said the plan failed.", []),
        ("Officials in Washington said so.", ["Washington"]),
        # a well-known city before a speech verb speaks for its government ...
        ("Moscow says the talks failed.", ["Moscow"]),
        # ... unless the document uses it as a person's name
        ("He met Tom Moscow. Moscow said the talks failed.", []),
        # a full personal name, "of", then where the person is from
        ("The crash hurt Jane Porter of Springfield on Friday.", ["Springfield"]),
        ("Mayors Ann Dobbs of Newark and Tom Reyes of Hayward came.", ["Newark", "Hayward"]),
        ("Ann Dobbs of the Hayward Rotary Club spoke.", ["Hayward"]),
        # a country after a name of two or more words is not the name's surname
        ("By Jane Porter US-based firms grew. The US rules hurt.", ["US", "US"]),
        ("The Crown Prince of Bahrain came. Bahrain agreed.", ["Bahrain", "Bahrain"]),
        # a big city that is also a given name, vetoed as a person's word, comes back where the
        # document places it
        ("Dallas Wheelers lost again. The game was played in Dallas.", ["Dallas"]),
        # a weekday after a given name is no surname
        ("Crews worked in Austin Friday night.", ["Austin"]),
        # a surname seen in a full name: a preposition before it later does not make it a place
        ("Officer Danes shot Lamar K. Bell. He pressed a gun into Bell's back.", []),
        # ... a civic organisation or ", <state>" after it does
        ("Mayor Tom Bell spoke. The Bell Police Department agreed.", ["Bell"]),
        # abbreviations keep their full stop; state abbreviations after a comma
        ("Troops in the U.S. and the EU waited.", ["U.S.", "EU"]),
        (
            "Louisville, Ky., and New Haven, Conn., agreed.",
            ["Louisville", "Ky.", "New Haven", "Conn."],
        ),
        ("Rep. James Clyburn, D-S.C., said so.", ["S.C."]),
        # a state abbreviation opening a longer name, or before the next sentence
        ("The N.J. Highway Patrol came.", ["N.J."]),
        ("She lives in Cedar Grove, N.J. The police came.", ["Cedar Grove", "N.J."]),
        ("The Miss. Universe pageant.", []),  # an ambiguous abbreviation needs the comma
        # hyphenated names, streets, acronyms, counties
        ("The Washington-Moscow route reopened.", ["Washington", "Moscow"]),
        ("An Toledo-based firm hired him.", ["Toledo"]),
        # a given name joined by a hyphen to a place is no person's name; each part is a place
        ("Pupils from Logan-Rogersville moved.", ["Logan", "Rogersville"]),
        (
            "The Springfield-Greene County Health Department said so.",
            ["Springfield", "Greene County"],
        ),
        ("Mary Smith-Jones of Dayton spoke.", ["Dayton"]),
        ("Jean-Pierre Raffarin spoke in Paris.", ["Paris"]),
        ("The Wilkes-Barre council met.", ["Wilkes-Barre"]),
        # a building the gazetteer lacks, named after a preposition of place, is a mention
        ("Fans at the Northgate Mall in Dayton cheered.", ["Northgate Mall", "Dayton"]),
        ("Northgate Mall reopened on Monday.", []),
        ("He spoke at Jane Doe Hall.", []),
        # a county's full name inside a court's
        ("She testified in Marion County Circuit Court on Friday.", ["Marion County"]),
        ("The fire at 6016 Toledo Road spread.", ["Toledo Road"]),
        ("NATO ally Germany bought drones.", ["Germany"]),
        ("Laurel County Clerk Ann Price was honoured.", ["Laurel County"]),
        ("Hall County deputies came.", ["Hall County"]),  # "Hall" is also an organisation word
        ("They called Hall County Animal Control.", ["Hall County"]),
        ("City Hall was closed.", []),
        # an ordinary word opening a sentence is not the start of a person's name
        ("Former Hall County clerk named. He was a former judge.", ["Hall County"]),
        ("Donald Trump spoke.", []),
        # a headline-initial name counts when the document uses it as a place elsewhere
        ("DeKalb not likely to approve plan. The board in DeKalb met.", ["DeKalb", "DeKalb"]),
        ("Macon, Georgia, is quiet.", ["Macon", "Georgia"]),
        # accents typed without accents
        ("Protesters gathered in Sao Paulo and Bogota.", ["Sao Paulo", "Bogota"]),
        # a name cut by "and", a word with a digit or an acronym is no one person's name, so
        # its one-word parts stay places elsewhere in the document
        (
            "Buses now run between Akron, Trenton and Quarry Bend. Trenton voted for it.",
            ["Akron", "Trenton", "Trenton"],
        ),
        ("The Erie GM Kate Voss praised the fans. Crowds in Erie cheered.", ["Erie"]),
        (
            "Lanes on the B4000 Kettering link close tonight. Drivers bound for Kettering wait.",
            ["Kettering"],
        ),
        (
            "Gov. Ann Kessler and Sonora officials met. Fighting in Sonora went on.",
            ["Sonora", "Sonora"],
        ),
        # a small place's name before or after "said" is a person's, all through the document
        ("\u201cIt was loud,\u201d said Adena. The dog ran back to Adena.", []),
        # a firm's partners, a law, a chain store
        ("Lawyers at Dyer & Lipscomb filed the suit in Nashville.", ["Nashville"]),
        ("Trinidad & Tobago won the match.", ["Trinidad", "Tobago"]),
        ("Congress passed the Rural Roads Act. The Act takes effect in Ohio.", ["Ohio"]),
        ("A new Wal-Mart opened in Dayton.", ["Dayton"]),
        # a given name, a particle and a surname are a person ("van", "de", "bin")
        ("The trainer Mike van Hoorn won. Later van Hoorn smiled.", []),
        ("Aid reached Rio de Janeiro.", ["Rio de Janeiro"]),
        # a small place's name before a word that makes it a person is no place anywhere
        ("The Dyer administration met. Dyer then flew to Tokyo.", ["Tokyo"]),
        # ... but "said" before a town that a title or an organisation word follows is no
        # evidence of a person
        (
            "\u201cWe looked everywhere,\u201d said Lakeview police chief Ann Roe. A man from"
            " Lakeview was found.",
            ["Lakeview", "Lakeview"],
        ),
        # a date after a town, a car dealer named after its town: the town stays a place
        ("A fair is planned in Kettering April 4. Crowds came to Kettering.", ["Kettering"] * 2),
        ("A man was shot at Lakeview Toyota. Police in Lakeview said little.", ["Lakeview"]),
    ],
)
def test_recognise(recogniser: Recogniser, text: str, places: list[str]) -> None:
    assert found(recogniser, text) == places


def test_demonyms_are_marked(recogniser: Recogniser) -> None:
    hints = [(t.span.text, t.kind_hint) for t in recogniser.recognise("Russian troops left.")]
    assert hints == [("Russian", "demonym")]


def test_kind_hints(recogniser: Recogniser) -> None:
    hints = {
        t.span.text: t.kind_hint
        for t in recogniser.recognise(
            "Agents went to Liaoning Province and then to the city of Shenyang."
        )
    }
    assert hints == {"Liaoning Province": "admin1", "Shenyang": "city"}


@pytest.mark.parametrize(
    "text,hints",
    [
        (
            "Hail fell on Story, Boone and Polk counties overnight.",
            {"Story": "admin2", "Boone": "admin2", "Polk": "admin2"},
        ),
        ("Roads in Caddo and Bossier parishes flooded.", {"Caddo": "admin2", "Bossier": "admin2"}),
        ("Shells fell on Idlib and Hama provinces.", {"Idlib": "admin1", "Hama": "admin1"}),
        ("Hail fell on Boone and on Polk.", {"Boone": None, "Polk": None}),
    ],
)
def test_a_plural_region_word_after_a_list_names_each_kind(
    recogniser: Recogniser, text: str, hints: dict[str, str | None]
) -> None:
    assert {t.span.text: t.kind_hint for t in recogniser.recognise(text)} == hints
    for t in recogniser.recognise(text):  # and gold spans get the same hint
        assert recogniser.describe(text, t.span.start, t.span.end).kind_hint == hints[t.span.text]


def test_possessive_is_cut_and_sentence_starts_flagged() -> None:
    tokens = tokenise("Korea’s spies. Then Paris")
    assert [t.text for t in tokens] == ["Korea", "spies", "Then", "Paris"]
    assert [t.sentence_start for t in tokens] == [True, False, True, False]


@pytest.mark.parametrize(
    "text,words",
    [
        ("in the U.S. now", ["in", "the", "U.S.", "now"]),
        ("Walton County, Ga. deputies", ["Walton", "County", "Ga.", "deputies"]),
        ("Washington-Moscow flights", ["Washington", "Moscow", "flights"]),
        ("Toledo-based firm", ["Toledo", "firm"]),
        ("Kim Jong-un met", ["Kim", "Jong-un", "met"]),
        ("D-S.C., said", ["S.C.", "said"]),
    ],
)
def test_tokens(text: str, words: list[str]) -> None:
    tokens = tokenise(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_demonyms_give_context() -> None:
    assert demonym_countries("the Chinese city of Shenyang and North Korean agents") == {"CN", "KP"}
    assert demonym_countries("Filipinos and South Africans") == {"PH", "ZA"}
    # a text without one capitalised word (the API's fuzzing sent "{}")
    assert demonym_countries("{}") == set()
    assert demonym_countries("") == set()


@pytest.mark.parametrize(
    "text,abbreviation,region",
    [
        ("Flooding hit Red Deer, Alta., on Monday.", "Alta.", "Alberta"),
        ("The mill in Sherbrooke, Que., closed.", "Que.", "Quebec"),
        ("Rain fell on Dubbo, N.S.W., overnight.", "N.S.W.", "New South Wales"),
        ("A school in Agra, UP, reopened.", "UP", "Uttar Pradesh"),
        ("Snow closed roads near Kamloops, BC, on Monday.", "BC", "British Columbia"),
        ("A man was hurt in Conway, SC, on Monday.", "SC", "South Carolina"),
        # or with no comma, in a text that spells the region out
        ("Jobs BC opened. British Columbia hires.", "BC", "British Columbia"),
    ],
)
def test_region_abbreviations_of_other_countries(
    recogniser: Recogniser, text, abbreviation, region
) -> None:  # type: ignore[no-untyped-def]
    from geomap.names.lexicon import ABBREVIATIONS

    assert abbreviation in found(recogniser, text)
    assert ABBREVIATIONS[abbreviation].name == region


def test_an_ambiguous_abbreviation_needs_a_comma(recogniser: Recogniser) -> None:
    assert "UP" not in found(recogniser, "Prices went UP again.")
    assert "Man." not in found(recogniser, "He met the Isle of Man.")
    assert "BC" not in found(recogniser, "It was built in 300 BC in Rome.")


@pytest.mark.parametrize(
    "text,places",
    [
        # a given name, a nickname in quotes, a surname: the surname is a person's all through
        (
            "Deputies said Ann B. \u201cDot\u201d Pella, 40, left the fair. Pella later phoned"
            " from Des Moines.",
            ["Des Moines"],
        ),
        ("Deputies said Walter 'Skip' Pella left. Pella later phoned from Ames.", ["Ames"]),
        # no given name before the quotes: the town stays a town
        ("Fans of \u201cBlue\u201d Pella sang in Pella.", ["Pella", "Pella"]),
    ],
)
def test_a_surname_after_a_nickname_is_a_persons(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        # a model year after a determiner: a car, here and all through the document
        (
            "Deputies stopped a 1998 Pontiac on a farm road near Sedalia. The Pontiac had no"
            " plates.",
            ["Sedalia"],
        ),
        ("Their green 2004 Pontiac stalled outside Sedalia.", ["Sedalia"]),
        ("Troopers towed a 2011 grey Pontiac to Sedalia.", ["Sedalia"]),
        # a year after a preposition, or before a region or a county, is no model year
        ("In 1998 Pontiac opened a library.", ["Pontiac"]),
        ("Crowds filled the 2019 Pettis County rodeo grounds.", ["Pettis County"]),
        ("Staff of the 2016 Ohio ballot drive met.", ["Ohio"]),
    ],
)
def test_a_model_year_makes_a_car(recogniser: Recogniser, text: str, places: list[str]) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        # a dateline in capitals is a place even where a person shares its name ...
        (
            "The Hawks lost twice. AUSTIN (AP) - Austin Reed's knee needs surgery at an"
            " Austin clinic.",
            ["AUSTIN", "Austin"],
        ),
        # ... and it is cut from a byline that runs into it
        ("By Jane Roe, Associated Press TOLEDO (AP) \u2014 Ice closed the port.", ["TOLEDO"]),
        ("ST. PAUL -- The council met on Monday.", ["ST. PAUL"]),
        # a town of four letters or fewer opening a line as its dateline is no acronym
        ("OSLO, Norway - The council met on Monday.", ["OSLO", "Norway"]),
        ("BAKU (Newswire) \u2014 The council met on Monday.", ["BAKU"]),
        ("Officials of NATO - the alliance - met on Monday.", []),
    ],
)
def test_a_dateline_in_capitals_is_a_place(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        ("A strong El Ni\u00f1o brought rain to Lima.", ["Lima"]),
        ("Forecasters expect La Ni\u00f1a to cool the Pacific next year.", ["Pacific"]),
    ],
)
def test_a_climate_pattern_is_no_place(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


def test_a_persons_name_starts_at_a_given_name_after_a_town(recogniser: Recogniser) -> None:
    # "Dana Feed" may be a person's (or a firm's) name; the town before it stays a town
    text = "Clerks at the Sedalia Dana Feed store quit. Buses still stop in Sedalia."
    assert found(recogniser, text) == ["Sedalia"]


@pytest.mark.parametrize(
    "text,places",
    [
        # "United" before a country names a party or a movement, not the country ...
        ("The governor left United Ukraine after the vote in Kyiv.", ["Kyiv"]),
        ("Delegates of the United Ukraine bloc met in Lviv.", ["Lviv"]),
        # ... unlike the countries whose own names open with it
        (
            "Envoys of the United States and the United Kingdom met.",
            ["United States", "United Kingdom"],
        ),
    ],
)
def test_united_before_a_country_names_a_party(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


def test_a_person_with_an_unknown_surname_then_of_a_town(recogniser: Recogniser) -> None:
    # a given name and a surname the gazetteer does not know, "of", a town, "and" more
    text = "Mourners included Edward Qadrani of Sedalia and Jane Roe of Mexico, Mo., on Sunday."
    assert found(recogniser, text)[:1] == ["Sedalia"]


def test_name_lookups_are_remembered_and_change_nothing(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    asked: list[str] = []

    def has_name(key: str) -> bool:
        asked.append(key)
        return g.has(key)

    texts = [
        "Officials in Lakeview and Springfield met the mayor of Dayton on Monday.",
        "Jane Dayton said the plant near Lakeview will close. Along the river, nothing.",
        "Troops moved from Kyiv to Lviv through New York State Route Nine.",
    ]
    seasoned = Recogniser(has_name, g.strength)
    for text in texts:
        seasoned.recognise(text)
    first = len(asked)
    assert first and len(set(asked)) == first  # each name asked once
    for text in reversed(texts):  # read again, in another order: the same places as a
        # recogniser that has read nothing before
        assert seasoned.recognise(text) == Recogniser(g.has, g.strength).recognise(text)
    assert len(asked) == first  # every name answered from memory


@pytest.mark.parametrize(
    "text,places",
    [
        # a direction word before a street named after a town is part of the street's name
        ("The parade turned onto South Toledo Road at noon.", ["South Toledo Road"]),
        ("Two cars collided on West Dayton Street late on Friday.", ["West Dayton Street"]),
    ],
)
def test_a_direction_word_opens_a_street_named_after_a_town(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        # a town's name ending in a head word, before an organisation word: a body, not a place
        ("The National Park Service closed two trails after the storm.", []),
        # (before a school word it stays the town holding the school)
        ("Pupils at Fort Mill High collected tins for a food bank.", ["Fort Mill"]),
    ],
)
def test_an_organisation_carrying_a_head_word_is_no_place(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        # a street opening a sentence with an ordinary word counts when named again
        (
            "Royal Avenue flooded at dawn. By noon, vans could use Royal Avenue again.",
            ["Royal Avenue", "Royal Avenue"],
        ),
        # (named once, at a sentence's start: no evidence it is a name)
        ("Royal Avenue flooded at dawn after the storm.", []),
    ],
)
def test_a_street_opening_a_sentence_counts_where_named_again(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        # a small town ending a quoted clause before ", said X" is no speaker ...
        ('"We left Mariupol for Zaporizhzhia," said Ana Pop.', ["Mariupol", "Zaporizhzhia"]),
        # ... but a name right before or after "said" still is one
        ("The road was shut, Zaporizhzhia said.", []),
        ("The road was shut, said Zaporizhzhia.", []),
    ],
)
def test_a_place_before_a_comma_and_said_is_no_speaker(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a verb whose object is a person, then the end of the clause: a person, everywhere
        ("Police said a youth stabbed Welch. Welch later died.", []),
        ("The council hired Welch, a former teacher.", []),
        # a name followed by "and his" / "and her" and a kin word is a person
        ("Deputies found Welch and his wife at the farm.", []),
        ("Welch and her daughter moved away last year.", []),
        # guards: a place after a verb of movement or attack, or before "and" with no kin word
        ("The family moved to Welch last spring.", ["Welch"]),
        ("Gunmen attacked Welch, police said.", ["Welch"]),
        ("Storms left Welch and its neighbours without power.", ["Welch"]),
        # the cue needs the clause to end: "stabbed Welch residents" is not a person
        ("A man stabbed Welch residents in a brawl.", ["Welch"]),
    ],
)
def test_a_persons_object_verb_or_kin_makes_a_small_name_a_person(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Historians met to discuss the Battle of Perryville.", ["Perryville"]),
        ("He won the Tour de France twice before retiring.", ["France"]),
        ("The Siege of Vicksburg ended in July.", ["Vicksburg"]),
        # the word alone, or in a longer name, is still a town
        ("The fair opened in Battle on Saturday.", ["Battle"]),
        ("A fire hit Battle Creek overnight.", ["Battle Creek"]),
    ],
)
def test_an_event_name_before_of_or_de_is_no_place(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a lower-case title or occupation right before a name makes it a person's, and the
        # bare surname a person's all through the document
        ("The plan won over town councillor Zorvan Nelson. Nelson admits it took years.", []),
        ("The deal was backed by mayor Nelson on Monday.", []),
        # ... and a place after the person's name still counts
        ("We spoke to spokesman Tom Nelson of Dayton on Friday.", ["Dayton"]),
        # guards: a country adjective after a title, a place after "of", a capitalised title
        ("The deputy minister met the Russian envoy in Nelson.", ["Russian", "Nelson"]),
        ("He is the mayor of Nelson, British Columbia.", ["Nelson", "British Columbia"]),
    ],
)
def test_a_lower_case_title_before_a_name_makes_it_a_person(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a small town's name right before a building's head word is the town (the resolver
        # then decides between the town and the building), not a person called so, and the
        # town stays a place elsewhere in the document
        ("A sailor drowned off Steveston. His boat lay near Steveston Harbour.", ["Steveston"] * 2),
        ("The boat was found two miles from Steveston Harbour.", ["Steveston"]),
        # guards: two names before the head word ("Jane Roe Hall"-like), a given name first
        ("She works at the Steveston Smith Gallery downtown.", []),
        ("Donations went to Mary Steveston House on Friday.", []),
    ],
)
def test_a_small_town_before_a_buildings_head_word_is_no_person(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert found(recogniser, text) == places
