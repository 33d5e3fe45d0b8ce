"""Resolution: the document's other places decide between same-named candidates."""

from __future__ import annotations

import pytest
from geopy.location import Location

from geomap.gazetteer.gazetteer import Gazetteer, GazetteerGeocoder
from geomap.geoparse.recognise import Recogniser, demonym_countries
from geomap.geoparse.resolve import STRAY, resolve
from geomap.model import Span, Toponym


@pytest.fixture(scope="module")
def parse(gazetteer_path):  # type: ignore[no-untyped-def]
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    recogniser = Recogniser(gazetteer.has, gazetteer.strength)

    def geocode(query: str) -> list[Location]:
        return geocoder.geocode(query, exactly_one=False) or []

    def run(text: str) -> dict[str, tuple[str, str, str | None, str | None]]:
        toponyms = resolve(recogniser.recognise(text), geocode, demonym_countries(text))
        out = {}
        for t in toponyms:
            assert t.place is not None, t.span.text
            p = t.place
            out[t.span.text] = (p.name, p.feature_type, p.country_code, p.admin1)
        return out

    yield run
    gazetteer.close()


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # Georgia: the US state with Atlanta, the country with Tbilisi
        ("Georgia lawmakers met in Atlanta.", "Georgia", ("Georgia", "admin1", "US", "Georgia")),
        (
            "Georgia said Russian troops left Tbilisi.",
            "Georgia",
            ("Georgia", "country", "GE", None),
        ),
        # "X, Y": Y contains X
        ("He was born in Paris, Texas.", "Paris", ("Paris", "city", "US", "Texas")),
        ("He was born in Paris.", "Paris", ("Paris", "city", "FR", "Ile-de-France")),
        ("Macon, Georgia, is quiet.", "Macon", ("Macon", "city", "US", "Georgia")),
        ("Macon, Georgia, is quiet.", "Georgia", ("Georgia", "admin1", "US", "Georgia")),
        (
            "The mayor of Springfield, Illinois, spoke.",
            "Springfield",
            ("Springfield", "city", "US", "Illinois"),
        ),
        # a state abbreviation resolves to its state, and contains the county before it
        (
            "Walton County, Ga., deputies stopped her.",
            "Ga.",
            ("Georgia", "admin1", "US", "Georgia"),
        ),
        (
            "Walton County, Ga., deputies stopped her.",
            "Walton County",
            ("Walton County", "admin2", "US", "Georgia"),
        ),
        (
            "Rep. James Clyburn, D-S.C., said so.",
            "S.C.",
            ("South Carolina", "admin1", "US", "South Carolina"),
        ),
        # the county named in the document picks the town inside it
        (
            "Laurel County Clerk Ann Price was honoured in London.",
            "London",
            ("London", "city", "US", "Kentucky"),
        ),
        # national capitals, countries and continents over same-named places
        (
            "Officials in Washington said so.",
            "Washington",
            ("Washington", "city", "US", "Washington, D.C."),
        ),
        ("Mexico sent troops.", "Mexico", ("Mexico", "country", "MX", None)),
        ("Aid reached Africa.", "Africa", ("Africa", "region", None, None)),
        ("Troops in the EU waited.", "EU", ("European Union", "region", None, None)),
        ("Talks on the West Bank resumed.", "West Bank", ("West Bank", "region", "PS", None)),
        # demonyms resolve to their country
        ("Russian troops left.", "Russian", ("Russia", "country", "RU", None)),
        ("Many Filipinos voted.", "Filipinos", ("Philippines", "country", "PH", None)),
        # multi-word names and names typed without accents
        ("Flights left Los Angeles.", "Los Angeles", ("Los Angeles", "city", "US", "California")),
        (
            "Protesters gathered in Sao Paulo.",
            "Sao Paulo",
            ("São Paulo", "city", "BR", "Sao Paulo"),
        ),
        (
            "The team reached Liaoning Province.",
            "Liaoning Province",
            ("Liaoning", "admin1", "CN", "Liaoning"),
        ),
        # a name opening with a capitalised article or connector is matched whole
        (
            "Migrants were flown from El Paso after weeks in Texas.",
            "El Paso",
            ("El Paso", "city", "US", "Texas"),
        ),
    ],
)
def test_resolution(parse, text: str, mention: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert parse(text)[mention] == expected


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        (
            "Hail fell on Story, Boone and Polk counties in Iowa overnight.",
            "Boone",
            ("Boone County", "admin2", "US", "Iowa"),
        ),
        (
            "Roads in Caddo and Bossier parishes flooded after the storm.",
            "Caddo",
            ("Caddo Parish", "admin2", "US", "Louisiana"),
        ),
    ],
)
def test_a_bare_name_the_text_calls_a_county_is_the_county(
    parse,
    text: str,
    mention: str,
    expected: tuple,  # type: ignore[no-untyped-def,type-arg]
) -> None:
    assert parse(text)[mention] == expected


@pytest.fixture(scope="module")
def parse_text(gazetteer_path):  # type: ignore[no-untyped-def]
    """Like ``parse``, with the text passed to the resolver (as the pipeline does)."""
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    recogniser = Recogniser(gazetteer.has, gazetteer.strength)

    def run(text: str) -> dict[str, tuple[str, str]]:
        found = recogniser.recognise(text)
        toponyms = resolve(
            found,
            lambda q: geocoder.geocode(q, exactly_one=False) or [],
            demonym_countries(text),
            text,
        )
        return {t.span.text: (t.place.name, t.place.feature_type) for t in toponyms if t.place}

    yield run
    gazetteer.close()


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # a bare name whose county the text names is that county ...
        (
            "Essex County deputies searched the marsh near Newark. Essex officials later closed"
            " the park.",
            "Essex",
            ("Essex County", "admin2"),
        ),
        # ... unless its town lies in that county
        (
            "Lancaster County deputies searched Lancaster on Monday.",
            "Lancaster",
            ("Lancaster", "city"),
        ),
    ],
)
def test_a_bare_name_is_the_county_the_text_names(
    parse_text,
    text: str,
    mention: str,
    expected: tuple[str, str],  # type: ignore[no-untyped-def]
) -> None:
    assert parse_text(text)[mention] == expected


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # a list of states names the state, a list with a city the city
        ("Smoke drifted over Washington, Idaho and Montana.", "Washington", "admin1"),
        ("Storms crossed Missouri, New York, Ohio and Vermont.", "New York", "admin1"),
        ("Officials in Washington and Moscow spoke.", "Washington", "city"),
        ("Flights link New York and Chicago.", "New York", "city"),
    ],
)
def test_a_name_in_a_list_of_one_kind_is_that_kind(
    parse_text,
    text: str,
    mention: str,
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    assert parse_text(text)[mention][1] == expected


def test_a_region_word_the_gazetteer_lacks_is_not_the_town_of_that_name(
    gazetteer_path,  # type: ignore[no-untyped-def]
) -> None:
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    text = "Roads closed across Dayton County and in Liaoning Province."
    try:
        toponyms = resolve(
            Recogniser(gazetteer.has, gazetteer.strength).recognise(text),
            lambda q: geocoder.geocode(q, exactly_one=False) or [],
        )
    finally:
        gazetteer.close()
    places = {t.span.text: t.place for t in toponyms}
    dayton = places["Dayton County"]  # no such county: not the city of Dayton, at most
    assert dayton is None or dayton.feature_type != "city"  # something named after it
    liaoning = places["Liaoning Province"]
    assert liaoning is not None and liaoning.feature_type == "admin1"


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # islands the gazetteer knows only as islands, not as a town or a region
        (
            "Coast guard boats brought the rescued swimmers back to Lesbos.",
            "Lesbos",
            ("Lesbos", "region", "GR", None),
        ),
        (
            "Fishermen on Mindanao said the storm had passed by noon.",
            "Mindanao",
            ("Mindanao", "region", "PH", None),
        ),
        (
            "The tanker ran aground off Oahu before dawn.",
            "Oahu",
            ("Oahu", "region", "US", None),
        ),
        # a well-known region beats the small towns that bear its name
        (
            "Snow closed the mountain passes of Moravia for a week.",
            "Moravia",
            ("Moravia", "region", "CZ", None),
        ),
        (
            "Dairy farmers in Westphalia blocked the motorway with tractors.",
            "Westphalia",
            ("Westphalia", "region", "DE", None),
        ),
        (
            "Shelling in the Donbas kept the schools closed.",
            "Donbas",
            ("Donbas", "region", "UA", None),
        ),
        # an English name of a first-level region the data set spells otherwise
        (
            "The overnight ferry to Corsica was cancelled because of the wind.",
            "Corsica",
            ("Corse", "admin1", "FR", "Corse"),
        ),
        (
            "Aid lorries were stuck on the road into North Kivu.",
            "North Kivu",
            ("Nord-Kivu", "admin1", "CD", "Nord-Kivu"),
        ),
        (
            "Cyclists raced along the coast of Brittany on Sunday.",
            "Brittany",
            ("Bretagne", "admin1", "FR", "Bretagne"),
        ),
    ],
)
def test_islands_regions_and_english_names_of_regions(
    parse, text: str, mention: str, expected: tuple
) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert parse(text)[mention] == expected


def test_united_states_point_is_its_geographic_centre(parse) -> None:  # type: ignore[no-untyped-def]
    from geomap.gazetteer.gazetteer import GazetteerGeocoder  # noqa: F401  (the point comes from the index)

    found = parse("Troops in the U.S. waited.")
    assert found["U.S."][:3] == ("United States", "country", "US")


def test_one_sense_per_document(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Paris, Texas, is small. Crime in Paris fell. Lamar County agreed."
    assert parse(text)["Paris"] == ("Paris", "city", "US", "Texas")


def test_unknown_names_stay_unresolved() -> None:
    t = Toponym(Span("Xyzzyplugh", 0, 10))
    assert resolve([t], lambda q: [])[0].place is None


def test_demonym_without_country_candidates_is_unresolved() -> None:
    t = Toponym(Span("Russian", 0, 7), None, "demonym")
    assert resolve([t], lambda q: [])[0].place is None


def test_possessive_opening_a_place_name_is_part_of_it(parse) -> None:  # type: ignore[no-untyped-def]
    got = parse("Boats reached Cox's Bazar in Bangladesh. China's envoy spoke.")
    assert got["Cox's Bazar"][2] == "BD"  # not "Cox" somewhere else
    assert "Cox" not in got
    assert got["China"][0] == "China"  # an ordinary possessive is still cut off


@pytest.mark.parametrize(
    "text",
    [
        "Paris, Texas, is small. Crime in Paris fell. Lamar County agreed.",
        "Officials in Springfield, Montgomery County and Jacksonville met near Decatur, "
        "Illinois. Georgia and Columbus were mentioned, as were Portland and Salem.",
        "Aid reached Tripoli, Lebanon's second city, from Cyprus, and Alexandria in Egypt.",
    ],
)
def test_bounded_search_equals_scoring_every_candidate(gazetteer_path, text: str) -> None:  # type: ignore[no-untyped-def]
    """Candidates come best prior first, so resolution stops early; with all but the first
    (the starting choice) in reverse order it must score them all, and both must choose the
    same places."""
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    try:
        toponyms = Recogniser(gazetteer.has, gazetteer.strength).recognise(text)
        assert len(toponyms) >= 4

        def forward(q: str) -> list[Location]:
            return geocoder.geocode(q, exactly_one=False) or []

        def backward(q: str) -> list[Location]:
            found = forward(q)
            return found[:1] + found[:0:-1]

        many = [t for t in toponyms if len(forward(t.span.text)) > 3]
        assert many, "the text should hold names with several candidates"
        pruned = resolve(toponyms, forward)
        exhaustive = resolve(toponyms, backward)
        assert [t.place for t in pruned] == [t.place for t in exhaustive]
        assert all(t.place is not None for t in pruned)
    finally:
        gazetteer.close()


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # a county and a town in it, both named: that pair, not the likeliest of each
        (
            "The Paris council met on Monday. Henry County deputies attended.",
            "Paris",
            ("Paris", "city", "US", "Tennessee"),
        ),
        (
            "The Paris council met on Monday. Henry County deputies attended.",
            "Henry County",
            ("Henry County", "admin2", "US", "Tennessee"),
        ),
        (
            "Police in Athens said a Henderson County man was held.",
            "Athens",
            ("Athens", "city", "US", "Texas"),
        ),
        # ... or near it, in the same state: Columbus, Georgia borders Harris County, Georgia
        (
            "Police in Columbus said a Harris County man was held.",
            "Columbus",
            ("Columbus", "city", "US", "Georgia"),
        ),
        (
            "Police in Columbus said a Harris County man was held.",
            "Harris County",
            ("Harris County", "admin2", "US", "Georgia"),
        ),
        # no county named: the famous places stand
        (
            "Flights from Paris to London resumed.",
            "Paris",
            ("Paris", "city", "FR", "Ile-de-France"),
        ),
        ("Flights from Paris to London resumed.", "London", ("London", "city", "GB", "England")),
    ],
)
def test_a_county_and_a_town_in_it_start_as_a_pair(parse, text, mention, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse(text)[mention] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Fighting erupted in Goma, the capital of North Kivu province, as rebels advanced"
            " from Rutshuru.",
            {"Goma": "CD", "North Kivu": "CD", "Rutshuru": "CD"},
        ),
        (
            "Floods displaced thousands in Sindh and Balochistan, officials in Karachi said.",
            {"Sindh": "PK", "Balochistan": "PK", "Karachi": "PK"},
        ),
        (
            "Al-Shabaab fighters attacked a base near Kismayo in Lower Juba.",
            {"Kismayo": "SO", "Lower Juba": "SO"},
        ),
        (
            "The convoy travelled from Port Sudan to Wad Madani through Gedaref.",
            {"Port Sudan": "SD", "Wad Madani": "SD", "Gedaref": "SD"},
        ),
        (
            "In Chiapas, migrants left Tapachula heading for Mexico City.",
            {"Chiapas": "MX", "Tapachula": "MX", "Mexico City": "MX"},
        ),
        (
            "Gunmen killed five people in Maiduguri, the Borno State capital, on Sunday.",
            {"Maiduguri": "NG", "Borno State": "NG"},
        ),
        (
            "Thousands fled Cabo Delgado for Pemba and Nampula.",
            {"Cabo Delgado": "MZ", "Pemba": "MZ", "Nampula": "MZ"},
        ),
        (
            "Officials in Santiago said the fires near Valparaiso and Vina del Mar were contained.",
            {"Santiago": "CL", "Valparaiso": "CL", "Vina del Mar": "CL"},
        ),
        (
            "Troops from Bamako reached Gao and Timbuktu by road.",
            {"Bamako": "ML", "Gao": "ML", "Timbuktu": "ML"},
        ),
    ],
)
def test_reports_from_other_regions(parse, text: str, expected: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Not the benchmark corpora's regions: every place found, each in the right country."""
    got = parse(text)
    assert {mention: got[mention][2] for mention in expected if mention in got} == expected


def test_a_street_is_placed_at_the_town_that_holds_it(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    """A street or facility is a mention of its own, at its town's point, saying so."""
    from geomap.gazetteer.gazetteer import Gazetteer, GazetteerGeocoder
    from geomap.geoparse.recognise import Recogniser
    from geomap.geoparse.resolve import resolve

    g = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(g)
    text = "A fire on Elm Street in Dayton, Ohio, spread to Toledo Road. Dayton firemen came."
    toponyms = Recogniser(g.has, g.strength).recognise(text)
    assert [t.span.text for t in toponyms] == [
        "Elm Street",
        "Dayton",
        "Ohio",
        "Toledo Road",
        "Dayton",
    ]
    found = resolve(toponyms, lambda q: geocoder.geocode(q, exactly_one=False) or [])
    dayton = found[1].place
    assert dayton is not None and dayton.admin1 == "Ohio"
    for street in (found[0], found[3]):
        assert street.place is not None
        assert street.place.feature_type == "street"
        assert (street.place.lat, street.place.lon) == (dayton.lat, dayton.lon)
        assert street.place.name == street.span.text
    assert found[0].place.gazetteer_id != found[3].place.gazetteer_id


def test_a_building_no_town_follows_is_at_the_last_town_named_before_it(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(g)
    text = (
        "Dayton and Dayton again. Later, in Akron, a fire broke out at Glorpwell Memorial"
        " Hospital. Dayton sent help. A car hit a pole on Elm Street."
    )
    toponyms = Recogniser(g.has, g.strength).recognise(text)
    found = resolve(toponyms, lambda q: geocoder.geocode(q, exactly_one=False) or [], None, text)
    g.close()
    places = {t.span.text: t.place for t in found}
    akron, dayton = places["Akron"], places["Dayton"]
    hospital, street = places["Glorpwell Memorial Hospital"], places["Elm Street"]
    assert akron is not None and dayton is not None and hospital is not None
    assert (hospital.lat, hospital.lon) == (akron.lat, akron.lon)  # (not Dayton, named most)
    # a street no town follows stays at the town the document names most
    assert street is not None and (street.lat, street.lon) == (dayton.lat, dayton.lon)


def _span_resolver(gazetteer_path, with_text: bool):  # type: ignore[no-untyped-def]
    """Resolve given spans of a text (as gold annotations are), with the recogniser's hints;
    ``with_text`` also passes the text to the resolver (as the pipeline and the gold-span
    benchmark do)."""
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    recogniser = Recogniser(gazetteer.has, gazetteer.strength)

    def run(text: str, phrases: list[str]) -> list[Toponym]:
        starts = [text.index(p) for p in phrases]
        mentions = [
            recogniser.describe(text, s, s + len(p)) for s, p in zip(starts, phrases, strict=True)
        ]
        return resolve(
            mentions,
            lambda q: geocoder.geocode(q, exactly_one=False) or [],
            demonym_countries(text),
            *((text,) if with_text else ()),
        )

    yield run
    gazetteer.close()


@pytest.fixture(scope="module")
def resolve_spans(gazetteer_path):  # type: ignore[no-untyped-def]
    """Resolve given spans of a text, without the text."""
    yield from _span_resolver(gazetteer_path, with_text=False)


@pytest.mark.parametrize(
    "text,phrase,country,admin1",
    [
        ("Staff of the Zorblax Bank of Portugal met.", "Zorblax Bank of Portugal", "PT", None),
        ("Nurses at Manila Quibble Hospital struck.", "Manila Quibble Hospital", "PH", None),
        ("The Nebraska Frobnitz Council voted.", "Nebraska Frobnitz Council", "US", "Nebraska"),
        # a place name inside a person's name is not where the school is
        (
            "Pupils of Winston Denver Lakeside Academy in Toronto sang.",
            "Winston Denver Lakeside Academy",
            None,
            None,
        ),
    ],
)
def test_a_facility_named_after_a_place_is_at_that_place(
    resolve_spans, text, phrase, country, admin1
) -> None:  # type: ignore[no-untyped-def]
    (found,) = resolve_spans(text, [phrase])
    if country is None:
        assert found.place is None or found.place.country_code != "US"
        return
    assert found.place is not None
    assert found.place.feature_type == "facility" and found.place.name == phrase
    assert found.place.country_code == country
    if admin1:
        assert found.place.admin1 == admin1


def test_an_embassy_is_not_at_its_country_and_an_unknown_hall_nowhere() -> None:
    """A country's mission abroad stands elsewhere: the country named in it does not place it;
    a name the gazetteer lacks with no place inside stays unplaced."""

    def geocode(q: str) -> list[Location]:
        table = {
            "Freedonia": [
                Location(
                    "Freedonia",
                    (10.0, 10.0),
                    {
                        "gazetteer_id": "x:1",
                        "name": "Freedonia",
                        "feature_type": "country",
                        "country_code": "FD",
                        "admin1": None,
                        "lat": 10.0,
                        "lon": 10.0,
                        "population": 9,
                    },
                )
            ],
        }
        return table.get(q, [])

    embassy = Toponym(Span("Embassy of Freedonia", 0, 20))
    (found,) = resolve([embassy], geocode)
    assert found.place is None
    # the same name without the mission word is at the country
    (bank,) = resolve([Toponym(Span("Bank of Freedonia", 0, 17))], geocode)
    assert bank.place is not None and bank.place.country_code == "FD"
    assert bank.place.feature_type == "facility"
    assert resolve([Toponym(Span("Glorp Hall", 0, 10))], geocode)[0].place is None


@pytest.mark.parametrize(
    "text,building",
    [
        ("Staff at the Portuguese Embassy in Lakeland, Florida, left early.", "Portuguese Embassy"),
        ("Guards at the Embassy of Portugal in Lakeland, Florida, left.", "Embassy of Portugal"),
        (
            "Pupils of the Portuguese Quibble School in Lakeland, Florida, sang.",
            "Portuguese Quibble School",
        ),
    ],
)
def test_a_mission_or_a_building_is_not_at_the_country_its_name_names(
    resolve_spans, text: str, building: str
) -> None:  # type: ignore[no-untyped-def]
    """ "the Ruritanian Embassy" stands outside Ruritania; a school with a demonym in its name
    is in a town: neither is placed at the country (a building at the town named after it)."""
    found, town = resolve_spans(text, [building, "Lakeland"])
    assert found.place is None or found.place.country_code != "PT"
    if found.place is not None:
        assert town.place is not None
        assert (found.place.lat, found.place.lon) == (town.place.lat, town.place.lon)


@pytest.mark.parametrize("word", ["Western", "Northwestern", "Central", "Eastern"])
def test_a_direction_alone_is_no_place(resolve_spans, word: str) -> None:  # type: ignore[no-untyped-def]
    """The gazetteer knows regions called "Western" or "Northwestern" (in Ghana, Zambia, ...);
    a text's "Western envoys" or a team called "Northwestern" is none of them."""
    text = f"{word} envoys met in Lakeland, Florida, on Monday."
    found, town = resolve_spans(text, [word, "Lakeland"])
    assert found.place is None
    assert town.place is not None and town.place.admin1 == "Florida"


def test_a_short_word_inside_a_name_is_a_place_only_by_its_own_name(resolve_spans) -> None:  # type: ignore[no-untyped-def]
    """A word of three letters inside a name counts as a place only by the place's own name or
    as a country's code in capitals: "NS" (Nova Scotia's code) in a school's name is not the
    province, "US" in a board's name is the country."""
    school, show = resolve_spans(
        "Pupils of Glorpwick NS sang at the Grown Up Quibble Show on Monday.",
        ["Glorpwick NS", "Grown Up Quibble Show"],
    )
    assert school.place is None or school.place.country_code != "CA"
    assert show.place is None or show.place.country_code != "IN"  # not "UP", Uttar Pradesh
    (board,) = resolve_spans("The US Quibble Board met on Monday.", ["US Quibble Board"])
    assert board.place is not None and board.place.country_code == "US"


def _town(name: str, state: str, lat: float, lon: float, population: int) -> Location:
    raw = {
        "gazetteer_id": f"test:{name}:{state}",
        "name": name,
        "feature_type": "city",
        "country_code": "US",
        "admin1": state,
        "admin2": None,
        "lat": lat,
        "lon": lon,
        "population": population,
        "primary": True,
        "provider": "gazetteer",
    }
    return Location(name, (lat, lon), raw)


# invented towns, each far (> 250 km) from the others, so that nearness says nothing
_TOWNS = {
    "Alderby": [_town("Alderby", "Ohio", 41.0, -84.0, 3_000)],
    "Bexford": [_town("Bexford", "Ohio", 39.0, -81.0, 3_000)],
    "Dunmere": [_town("Dunmere", "Texas", 33.0, -97.0, 3_000)],
    # the Texas namesake is a little larger: without the focus it wins
    "Carvel": [
        _town("Carvel", "Texas", 30.0, -100.0, 8_000),
        _town("Carvel", "Ohio", 40.0, -83.0, 5_000),
    ],
}


def _mentions(*names: str) -> list[Toponym]:
    out, at = [], 0
    for name in names:
        out.append(Toponym(Span(name, at, at + len(name))))
        at += len(name) + 10
    return out


@pytest.mark.parametrize(
    "names,state",
    [
        # each state has one other town: the larger namesake
        (("Alderby", "Dunmere", "Carvel"), "Texas"),
        # the document is about Ohio: two unambiguous Ohio towns, named four times, to one
        (("Alderby", "Alderby", "Bexford", "Bexford", "Dunmere", "Carvel"), "Ohio"),
        # ... but a tie is no focus (Ohio and Texas, two mentions each)
        (("Alderby", "Dunmere", "Dunmere", "Bexford", "Carvel"), "Texas"),
    ],
)
def test_the_documents_focus_chooses_among_namesakes(names: tuple[str, ...], state: str) -> None:
    found = resolve(_mentions(*names), lambda q: list(_TOWNS.get(q, [])))
    carvel = next(t.place for t in found if t.span.text == "Carvel")
    assert carvel is not None and carvel.admin1 == state


def _county_town(name: str, state: str, county: str, population: int, **raw: object) -> Location:
    town = _town(name, state, 0.0, 0.0, population).raw | {"admin2": county} | raw
    return Location(name, (town["lat"], town["lon"]), town)


# invented names, each in Ohio and (smaller) in another state, so that no name alone says
# where the text is; far apart, so that nearness says nothing
_LIST_TOWNS = {
    name: [_town(name, "Ohio", lat, -84.0, 5_000), _town(name, other, lat - 8, -100.0, 1_000)]
    for name, other, lat in (
        ("Ashgrove", "Kansas", 41.5),
        ("Brinton", "Nebraska", 39.0),
        ("Culver", "Colorado", 36.5),
        ("Eldham", "Montana", 44.0),
    )
}
_LIST_TOWNS |= {
    # a Pennsylvania town with a smaller namesake in Texas (none in Ohio)
    "Dunmere": [
        _town("Dunmere", "Pennsylvania", 40.0, -76.0, 6_000),
        _town("Dunmere", "Texas", 30.0, -97.0, 1_000),
    ],
    # the Pennsylvania namesake is a little larger than the Ohio one
    "Carvel": [
        _town("Carvel", "Pennsylvania", 42.0, -79.0, 9_000),
        _town("Carvel", "Ohio", 38.5, -81.5, 5_000),
    ],
}


@pytest.mark.parametrize(
    "names,state",
    [
        # four names placed in Ohio, one in Pennsylvania: both Carvels are backed by a name
        # of their state, and the Ohio one by more
        (("Ashgrove", "Brinton", "Culver", "Eldham", "Dunmere", "Carvel"), "Ohio"),
        # ... a name the text repeats is one name ("Dunmere" three times is no lead)
        (
            ("Ashgrove", "Dunmere", "Brinton", "Dunmere", "Culver", "Eldham", "Dunmere", "Carvel"),
            "Ohio",
        ),
        # ... but two names in Ohio against two in Pennsylvania are no lead: the prior decides
        (("Ashgrove", "Brinton", "Dunmere", "Carvel"), "Pennsylvania"),
    ],
)
def test_the_region_the_chosen_places_give_decides_between_namesakes(
    names: tuple[str, ...], state: str
) -> None:
    found = resolve(_mentions(*names), lambda q: list(_LIST_TOWNS.get(q, [])))
    carvel = next(t.place for t in found if t.span.text == "Carvel")
    assert carvel is not None and carvel.admin1 == state
    dunmere = next(t.place for t in found if t.span.text == "Dunmere")
    assert dunmere is not None and dunmere.admin1 == "Pennsylvania"  # (no namesake in Ohio)


def test_a_county_list_of_one_state_keeps_its_namesake_there(parse) -> None:  # type: ignore[no-untyped-def]
    # every county name is also one of other states, so no name alone gives the focus; one
    # town is placed in Pennsylvania, whose Montgomery County is the larger namesake
    found = parse(
        "Road crews cleared snow in Clark, Montgomery, Warren and Butler counties before"
        " driving on to West Chester and Middletown."
    )
    assert found["Montgomery"][1:] == ("admin2", "US", "Ohio")
    assert found["Clark"][1:] == ("admin2", "US", "Ohio")


def test_the_focus_favours_no_namesake_elsewhere_in_its_country_over_one_in_its_region() -> None:
    # a world city, a big Texas namesake (within the focus's span of the world city) and a
    # small Ohio one (outside it) in a text about Ohio
    towns = {
        **_TOWNS,
        "Penhallow": [
            _county_town("Penhallow", "Giza", "Giza", 5_000_000, country_code="EG", lat=30.0),
            _county_town("Penhallow", "Texas", "Reeves County", 150_000, lat=31.0, lon=-102.0),
            _county_town("Penhallow", "Ohio", "Knox County", 10_000, lat=38.0, lon=-86.0),
        ],
    }
    names = ("Alderby", "Alderby", "Bexford", "Bexford", "Penhallow")
    found = resolve(_mentions(*names), lambda q: list(towns.get(q, [])))
    penhallow = found[-1].place
    assert penhallow is not None and penhallow.admin1 == "Ohio"


@pytest.mark.parametrize(
    "text,building,town",
    [
        # the town named right after it
        (
            "Nurses at Glorpwell Memorial Hospital in Dayton, Ohio, struck.",
            "Glorpwell Memorial Hospital",
            "Dayton",
        ),
        # else the town the document names most
        (
            "Fans left Quibbleton Arena early, police in Dayton, Ohio, said.",
            "Quibbleton Arena",
            "Dayton",
        ),
    ],
)
def test_a_building_the_gazetteer_lacks_is_at_the_town_that_holds_it(
    resolve_spans, text: str, building: str, town: str
) -> None:  # type: ignore[no-untyped-def]
    """A name ending in a building's head word that nothing inside places is put at its
    town's point, and says it is only placed at its town (``feature_type`` "street")."""
    found = resolve_spans(text, [building, town, "Ohio"])
    place, holder = found[0].place, found[1].place
    assert holder is not None and holder.feature_type == "city"
    assert place is not None and place.feature_type == "street" and place.name == building
    assert (place.lat, place.lon) == (holder.lat, holder.lon)
    assert place.gazetteer_id.startswith(holder.gazetteer_id + "/street:")


def test_a_country_then_a_country_is_a_list_not_a_town_in_the_second(parse) -> None:  # type: ignore[no-untyped-def]
    """ "Jordan, US" in a list of countries is the country, not a US town called Jordan; a
    town before its state after a comma still is the town."""
    found = parse("Envoys from Jordan, US, and Britain met in Geneva on Monday.")
    assert found["Jordan"][1:3] == ("country", "JO")
    assert parse("A storm hit Jordan, Minn., on Monday.")["Jordan"][1:3] == ("city", "US")


@pytest.mark.parametrize(
    "text,phrase,region,country",
    [
        ("Many Ohioans voted early.", "Ohioans", "Ohio", "US"),
        ("An Albertan company said so.", "Albertan", "Alberta", "CA"),
        ("Dagestani police said so.", "Dagestani", "Dagestan", "RU"),
    ],
)
def test_a_regions_people_are_a_mention_of_the_region(
    resolve_spans, text: str, phrase: str, region: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    (found,) = resolve_spans(text, [phrase])
    assert found.kind_hint == "demonym"
    assert found.place is not None and found.place.feature_type == "admin1"
    assert (found.place.name, found.place.country_code) == (region, country)


def test_a_recognised_building_is_placed_at_its_town(parse) -> None:  # type: ignore[no-untyped-def]
    found = parse("Fans at the Northgate Mall in Dayton, Ohio, cheered.")
    assert found["Northgate Mall"][1:4] == ("street", "US", "Ohio")


def test_a_postal_code_is_its_region_only_with_a_cue(resolve_spans) -> None:  # type: ignore[no-untyped-def]
    """ "LA" alone is not Louisiana (it is more often Los Angeles); "Lafayette, LA" is."""
    (la,) = resolve_spans("Traffic in LA was slow on Monday.", ["LA"])
    assert la.place is None or la.place.name != "Louisiana"
    lafayette, state = resolve_spans("Rain fell on Lafayette, LA, today.", ["Lafayette", "LA"])
    assert state.place is not None and state.place.name == "Louisiana"
    assert lafayette.place is not None and lafayette.place.admin1 == "Louisiana"


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # a namesake in the region the text names
        ("Hikers from Lisbon, N.D., reached the ridge.", "Lisbon", ("Lisbon", "city")),
        # no namesake there: the region itself, not a town of that name elsewhere
        ("Hikers from Smyrna, Vt., reached the ridge.", "Smyrna", ("Vermont", "admin1")),
        ("A dairy near Smyrna, Ohio, closed on Friday.", "Smyrna", ("Ohio", "admin1")),
    ],
)
def test_a_town_the_text_places_in_a_region_is_there(
    parse_text,
    text: str,
    mention: str,
    expected: tuple[str, str],  # type: ignore[no-untyped-def]
) -> None:
    assert parse_text(text)[mention] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Buses ran to Smyrna, Vermont, Maine and Ohio.",  # a list, not a town in Vermont
        "A fair opened in Smyrna. Vermont farmers came.",  # a sentence's end, not ", "
    ],
)
def test_a_list_or_a_sentence_end_places_no_town_in_a_region(parse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert parse_text(text)["Smyrna"][1] == "city"


def test_a_name_that_can_be_a_country_keeps_its_sense_before_a_comma(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert parse_text("Envoys of Jordan, Israel said, would meet.")["Jordan"] == (
        "Jordan",
        "country",
    )


def test_a_town_the_gazetteer_lacks_is_at_the_region_the_text_names(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    gazetteer = Gazetteer(gazetteer_path)
    try:
        geocoder = GazetteerGeocoder(gazetteer)
        recogniser = Recogniser(gazetteer.has, gazetteer.strength)
        text = "Fire crews left Zorbvale, Ohio, at dawn."
        spans = [(text.index(p), p) for p in ("Zorbvale", "Ohio")]
        mentions = [recogniser.describe(text, s, s + len(p)) for s, p in spans]
        geocode = lambda q: geocoder.geocode(q, exactly_one=False) or []  # noqa: E731
        town, state = resolve(mentions, geocode, set(), text)
        assert state.place is not None and state.place.feature_type == "admin1"
        assert town.place == state.place
        # without the text, nothing says where the town is
        assert resolve(mentions, geocode, set())[0].place is None
    finally:
        gazetteer.close()


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("Sangamon deputies closed two roads after the storm.", "Sangamon"),
        ("The Sangamon Co. board met on Tuesday.", "Sangamon Co."),
    ],
)
def test_a_name_known_only_as_a_countys_is_that_county(
    resolve_spans, text: str, phrase: str
) -> None:  # type: ignore[no-untyped-def]
    (found,) = resolve_spans(text, [phrase])
    assert found.place is not None
    assert (found.place.name, found.place.feature_type) == ("Sangamon County", "admin2")


def test_a_name_the_gazetteer_knows_is_not_taken_for_a_county(resolve_spans) -> None:  # type: ignore[no-untyped-def]
    # Tippecanoe is an alternate name of a town: the town, not the county of that name
    (found,) = resolve_spans("Crowds gathered in Tippecanoe on Friday.", ["Tippecanoe"])
    assert found.place is not None and found.place.feature_type == "city"


@pytest.mark.parametrize(
    "text,phrases,mention,expected",
    [
        # the town is placed at the region named right after it (no namesake there)
        ("Hikers from Smyrna, Vt., reached the ridge.", ["Smyrna", "Vt."], "Smyrna", "Vermont"),
        # a name in a list of states is the state
        (
            "Voters in Ohio, Washington and Idaho went to the polls.",
            ["Ohio", "Washington", "Idaho"],
            "Washington",
            "Washington",
        ),
    ],
)
def test_mentions_given_out_of_text_order_are_read_in_text_order(
    gazetteer_path, text: str, phrases: list[str], mention: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    """Gold annotations may come in any order: "X, Y" and lists are read from the offsets,
    so the places are the same whatever the order given, and come back in that order."""
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    recogniser = Recogniser(gazetteer.has, gazetteer.strength)

    def run(order: list[str]) -> list[Toponym]:
        spans = [(text.index(p), text.index(p) + len(p)) for p in order]
        mentions = [recogniser.describe(text, a, b) for a, b in spans]
        geocode = lambda q: geocoder.geocode(q, exactly_one=False) or []  # noqa: E731
        return resolve(mentions, geocode, demonym_countries(text), text)

    try:
        in_order, backwards = run(phrases), run(phrases[::-1])
    finally:
        gazetteer.close()
    assert [t.span.text for t in backwards] == phrases[::-1]
    assert [t.place for t in backwards] == [t.place for t in in_order][::-1]
    place = {t.span.text: t.place for t in backwards}[mention]
    assert place is not None and expected in (place.name, place.admin1)


@pytest.mark.parametrize(
    "text,phrase,admin1,kind",
    [
        # a place's own name opening with "New" is not the town after the word
        (
            "Fans at the New Orleans Quibble Arena cheered.",
            "New Orleans Quibble Arena",
            "Louisiana",
            "city",
        ),
        # nor is a county's name ending a run the town of that name
        (
            "Deputies of the Walker County Quibble Office in Georgia left.",
            "Walker County Quibble Office",
            None,
            "admin2",
        ),
    ],
)
def test_a_place_inside_a_name_may_open_with_new_or_end_in_county(
    resolve_spans, text: str, phrase: str, admin1: str | None, kind: str
) -> None:  # type: ignore[no-untyped-def]
    (found,) = resolve_spans(text, [phrase])
    assert found.place is not None and found.place.feature_type == "facility"
    assert found.place.gazetteer_id.startswith(kind if kind == "admin2" else "geonames:")
    assert found.place.country_code == "US"
    if admin1:
        assert found.place.admin1 == admin1


def test_a_town_inside_a_name_is_the_one_the_document_names(resolve_spans) -> None:  # type: ignore[no-untyped-def]
    """One sense per document: the Riverdale in a hall's name is the Riverdale the text
    places in New Jersey."""
    text = "Rain fell on Riverdale, N.J., and the Riverdale Quibble Hall shut."
    town, state, hall = resolve_spans(text, ["Riverdale", "N.J.", "Riverdale Quibble Hall"])
    assert town.place is not None and town.place.admin1 == "New Jersey"
    assert hall.place is not None and hall.place.admin1 == "New Jersey"
    assert (hall.place.lat, hall.place.lon) == (town.place.lat, town.place.lon)


@pytest.mark.parametrize(
    "text,phrase,country",
    [
        # a small town in the name, far from every place the text names: the building is
        # at the town the text names, not in Arkansas
        (
            "Pupils from Toronto and Ottawa toured the Rogers Quibble Museum on Monday.",
            "Rogers Quibble Museum",
            "CA",
        ),
        # a big city in the name is kept wherever the text is
        (
            "Pupils from Toronto and Ottawa toured the Chicago Quibble Museum on Monday.",
            "Chicago Quibble Museum",
            "US",
        ),
    ],
)
def test_a_small_town_inside_a_name_far_from_the_text_does_not_place_it(
    resolve_spans, text: str, phrase: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    found = resolve_spans(text, ["Toronto", "Ottawa", phrase])
    assert found[2].place is not None and found[2].place.country_code == country


def test_a_building_is_not_put_in_a_town_nothing_else_in_the_text_backs(resolve_spans) -> None:  # type: ignore[no-untyped-def]
    """The last town named before a building is its town only if another place of the text
    backs it: "Hubbard" here is a place near Chicago, and the gazetteer's Hubbards lie far
    from every other place the text names, so the hospital is at the last town that is near
    them."""
    text = (
        "Officers from Chicago and Evanston drove out past Hubbard on Monday. "
        "Later they drove to the Glorpwell Memorial Hospital."
    )
    found = resolve_spans(text, ["Chicago", "Evanston", "Hubbard", "Glorpwell Memorial Hospital"])
    hubbard, hospital = found[2].place, found[3].place
    assert hubbard is not None and hubbard.admin1 != "Illinois"  # (the premise)
    assert hospital is not None and hospital.feature_type == "street"
    assert hospital.admin1 == "Illinois"


@pytest.mark.parametrize(
    "phrase,country",
    [("White House", "US"), ("Kremlin", "RU"), ("Elysee", "FR"), ("Blue House", "KR")],
)
def test_a_seat_of_government_is_at_its_city(resolve_spans, phrase: str, country: str) -> None:  # type: ignore[no-untyped-def]
    """ "the White House" is not Casablanca (whose name it translates) nor White House,
    Tennessee: it is placed at Washington, named after the mention."""
    text = f"Aides at the {phrase} spoke to reporters in Lakeland, Florida, on Monday."
    seat, town = resolve_spans(text, [phrase, "Lakeland"])
    assert seat.place is not None and seat.place.feature_type == "facility"
    assert seat.place.name == phrase and seat.place.country_code == country
    assert town.place is not None and town.place.admin1 == "Florida"


def test_a_big_city_before_a_newspaper_word_is_the_city(parse_text) -> None:  # type: ignore[no-untyped-def]
    """ "the Washington Herald" is the paper of Washington, the city, even in a text about
    towns of Washington state; not where the text also names the state itself, and a name
    with no big city of its own keeps its sense ("the Ohio Tribune")."""
    found = parse_text("Students from Tacoma and Spokane read the Washington Herald.")
    assert found["Washington"] == ("Washington", "city")
    found = parse_text("Students from Tacoma, Washington, read the Washington Herald.")
    assert found["Washington"] == ("Washington", "admin1")
    found = parse_text("Farmers in Idaho and Oregon read the Ohio Tribune on Monday.")
    assert found["Ohio"] == ("Ohio", "admin1")


@pytest.mark.parametrize(
    "names,expected",
    [
        # a text about Ohio: the township is named after the small Ohio Quillby, not the big
        # one in Illinois
        (("Alderby", "Alderby", "Bexford", "Bexford", "Quillby Township"), "Ohio"),
        # a text that names Texas: the Texas one
        (("Dunmere", "Texas", "Quillby Township"), "Texas"),
        # a text about Ohio, a township named after a town only Texas has: not placed
        (("Alderby", "Alderby", "Bexford", "Bexford", "Dunmere Township"), None),
    ],
)
def test_a_township_the_gazetteer_lacks_is_a_namesake_in_the_texts_region(
    names: tuple[str, ...], expected: str | None
) -> None:
    """A township the gazetteer lacks is placed only at a town it is named after in the
    document's focus region or in a first-level region the document names."""
    texas = {
        "gazetteer_id": "test:Texas",
        "name": "Texas",
        "feature_type": "admin1",
        "country_code": "US",
        "admin1": "Texas",
        "lat": 31.0,
        "lon": -99.0,
        "population": 0,
        "primary": True,
        "provider": "gazetteer",
    }
    towns = {
        **_TOWNS,
        "Texas": [Location("Texas", (31.0, -99.0), texas)],
        "Quillby": [
            _town("Quillby", "Illinois", 42.0, -89.0, 400_000),
            _town("Quillby", "Ohio", 40.5, -82.0, 2_000),
            _town("Quillby", "Texas", 29.0, -95.0, 2_000),
        ],
    }
    found = resolve(_mentions(*names), lambda q: list(towns.get(q, [])))
    township = found[-1].place
    if expected is None:
        assert township is None
    else:
        assert township is not None and township.admin1 == expected


@pytest.mark.parametrize(
    "text,country",
    [
        # the towns named before are in the other country's Punjab
        (
            "Aid reached Amritsar and Ludhiana. Floods then hit the Punjab province of Pakistan.",
            "PK",
        ),
        ("Aid reached Lahore and Multan. Floods then struck the Punjab state of India.", "IN"),
    ],
)
def test_the_country_after_a_province_of_holds_it(gazetteer_path, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    gazetteer = Gazetteer(gazetteer_path)
    try:
        geocoder = GazetteerGeocoder(gazetteer)
        recogniser = Recogniser(gazetteer.has, gazetteer.strength)
        geocode = lambda q: geocoder.geocode(q, exactly_one=False) or []  # noqa: E731
        toponyms = resolve(recogniser.recognise(text), geocode, demonym_countries(text), text)
        [punjab] = [t for t in toponyms if t.span.text == "Punjab"]
        assert punjab.place is not None and punjab.place.country_code == country
    finally:
        gazetteer.close()


@pytest.fixture(scope="module")
def resolve_in_text(gazetteer_path):  # type: ignore[no-untyped-def]
    """Resolve given spans of a text, with the text passed to the resolver."""
    yield from _span_resolver(gazetteer_path, with_text=True)


@pytest.mark.parametrize(
    "text,phrase,town",
    [
        # a name the gazetteer lacks, right before "in" and a town
        (
            "Critics praised the Glorpwick Bistro in Denver last spring.",
            "Glorpwick Bistro",
            "Denver",
        ),
        ("She sang at Quimbly Vennard in Nashville on Friday.", "Quimbly Vennard", "Nashville"),
        # a name placed only by a town inside it is at the town the text says it is in
        ("He studied at Boston Quibble College in Chicago.", "Boston Quibble College", "Chicago"),
    ],
)
def test_a_name_right_before_in_and_a_town_is_at_that_town(
    resolve_in_text, text: str, phrase: str, town: str
) -> None:  # type: ignore[no-untyped-def]
    found, at = resolve_in_text(text, [phrase, town])
    assert at.place is not None and at.place.feature_type == "city"
    assert found.place is not None and found.place.feature_type == "facility"
    assert (found.place.lat, found.place.lon) == (at.place.lat, at.place.lon)


@pytest.mark.parametrize(
    "text",
    [
        "Critics praised the Glorpwick Bistro near Denver last spring.",  # not "in"
        "Critics praised the Glorpwick Bistro in Colorado last spring.",  # no town
    ],
)
def test_a_name_nothing_places_stays_unplaced_without_in_and_a_town(
    resolve_in_text, text: str
) -> None:  # type: ignore[no-untyped-def]
    other = "Denver" if "Denver" in text else "Colorado"
    found, _ = resolve_in_text(text, ["Glorpwick Bistro", other])
    assert found.place is None


@pytest.mark.parametrize(
    "text,expected",
    [
        # the state and a town in it, though neither is its name's likeliest place
        (
            "The Georgia lottery paid out twice in Augusta this week.",
            {"Georgia": ("admin1", "US", "Georgia"), "Augusta": ("city", "US", "Georgia")},
        ),
        (
            "Gainesville firefighters held a drill, Georgia officials said.",
            {"Georgia": ("admin1", "US", "Georgia"), "Gainesville": ("city", "US", "Georgia")},
        ),
        # a namesake far less likely than the name's likeliest place is not paired
        (
            "Ministers from Georgia met their hosts in Rome.",
            {"Georgia": ("country", "GE", None), "Rome": ("city", "IT", "Latium")},
        ),
        # the country, where the text is about the country
        (
            "Georgia said Russian troops left Tbilisi and Gori.",
            {"Georgia": ("country", "GE", None)},
        ),
    ],
)
def test_a_region_and_a_town_in_it_start_as_a_pair(
    parse, text: str, expected: dict[str, tuple[str, str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    found = parse(text)
    for mention, (kind, country, admin1) in expected.items():
        assert found[mention][1:] == (kind, country, admin1), mention


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        # "X in Y": a namesake of X that Y holds
        (
            "Heavy snow closed roads around Portland in Maine.",
            "Portland",
            ("Portland", "city", "US", "Maine"),
        ),
        # ... even where the rest of the text is about the namesake elsewhere
        (
            "Crews from Norfolk and Hampton drove to Richmond in Kentucky.",
            "Richmond",
            ("Richmond", "city", "US", "Kentucky"),
        ),
        (
            "Fans from Boston and Quincy flew to Portland in Oregon.",
            "Portland",
            ("Portland", "city", "US", "Oregon"),
        ),
    ],
)
def test_a_town_the_text_says_is_in_a_region_is_a_namesake_there(
    resolve_in_text, text: str, mention: str, expected: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    words = [w.strip(".,") for w in text.split()]
    names = [w for w in words if w[:1].isupper() and w not in ("Heavy", "Crews", "Fans")]
    found = dict(zip(names, resolve_in_text(text, names), strict=True))[mention]
    assert found.place is not None
    got = (found.place.name, found.place.feature_type, found.place.country_code)
    assert got == expected[:3]
    if expected[3] is not None:
        assert found.place.admin1 == expected[3]


def test_a_name_in_a_region_with_no_namesake_there_is_not_moved_to_the_region(
    resolve_in_text,
) -> None:  # type: ignore[no-untyped-def]
    """Before "in", a name with no namesake in the region keeps its own place (what comes
    before "in" is not always a town of that region); after a comma it would be moved."""
    found, _ = resolve_in_text(
        "A statue of Denver in Portugal was unveiled.", ["Denver", "Portugal"]
    )
    assert found.place is not None and found.place.country_code == "US"


def test_a_name_inside_a_list_is_not_held_by_the_next_one(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    """In "Greene, Hamilton, Madison, ..." Madison is the next item of a list, not what holds
    Hamilton (as "Lakeview, Ruritania" would read): the Hamilton named near Cincinnati is the
    one in Ohio, not the one in Madison County, New York."""
    gazetteer = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(gazetteer)
    recogniser = Recogniser(gazetteer.has, gazetteer.strength)
    text = (
        "Hamilton officials met Monday near Cincinnati. The fund serves people in Greene,"
        " Hamilton, Madison, Clark or Logan counties."
    )
    found = resolve(
        recogniser.recognise(text),
        lambda q: geocoder.geocode(q, exactly_one=False) or [],
        demonym_countries(text),
        text,
    )
    gazetteer.close()
    hamilton = [t.place for t in found if t.span.text == "Hamilton"]
    assert hamilton and all(p is not None and p.admin1 == "Ohio" for p in hamilton)


@pytest.fixture(scope="module")
def named_in_text(gazetteer_path):  # type: ignore[no-untyped-def]
    """``run(text)``: every toponym of ``text`` resolved with the text (no demonym
    countries), by its span's text."""
    g = Gazetteer(gazetteer_path)
    geocoder = GazetteerGeocoder(g)
    recogniser = Recogniser(g.has, g.strength)

    def run(text: str) -> dict[str, Toponym]:
        found = resolve(
            recogniser.recognise(text),
            lambda q: geocoder.geocode(q, exactly_one=False) or [],
            None,
            text,
        )
        return {t.span.text: t for t in found}

    yield run
    g.close()


def test_a_street_opening_with_an_ordinary_word_is_placed_at_its_town(named_in_text) -> None:  # type: ignore[no-untyped-def]
    """An ordinary capitalised word that is also a hamlet's name ("Royal") opens a
    street's name inside a sentence: the street is one mention, placed at the town after it,
    or left unplaced when the text names no town; never the hamlet alone."""
    run = named_in_text
    placed = run("Smoke rose over Royal Street in Dayton, Ohio, before dawn on Tuesday.")
    g_street = placed["Royal Street"].place
    dayton = placed["Dayton"].place
    assert g_street is not None and dayton is not None
    assert g_street.feature_type == "street" and (g_street.lat, g_street.lon) == (
        dayton.lat,
        dayton.lon,
    )
    alone = run("A crowd of cyclists blocked Royal Avenue for an hour.")
    assert list(alone) == ["Royal Avenue"] and alone["Royal Avenue"].place is None


def test_a_namesake_hamlet_opening_a_building_name_is_the_building(named_in_text) -> None:  # type: ignore[no-untyped-def]
    """A one-word small town far from every other place of the text, opening a building's
    name ("Mercy Hospital": a French hamlet), is the building's word: the building is the
    mention, placed at the town after it; a nearby town opening one stays the town."""
    run = named_in_text
    found = run("Two hikers were flown to Mercy Hospital in Dayton, Ohio, on Sunday evening.")
    assert "Mercy" not in found
    hospital, dayton = found["Mercy Hospital"].place, found["Dayton"].place
    assert hospital is not None and dayton is not None
    assert hospital.feature_type == "street" and (hospital.lat, hospital.lon) == (
        dayton.lat,
        dayton.lon,
    )
    # a text naming no other place: the building, left unplaced (no town is known)
    lone = run("The injured cyclist was kept overnight at Mercy Hospital.")
    assert list(lone) == ["Mercy Hospital"] and lone["Mercy Hospital"].place is None
    # a town near the text's other places keeps its name: "Xenia" near Dayton
    kept = run("A tractor overturned near Dayton, Ohio; the driver went to Xenia Hospital.")
    assert "Xenia" in kept and kept["Xenia"].place is not None
    assert kept["Xenia"].place.admin1 == "Ohio"


def test_a_seat_of_government_after_a_preposition_is_at_its_city(named_in_text) -> None:  # type: ignore[no-untyped-def]
    """A building named like a seat of government ("at the White House") is placed at its
    city by name, not taken for a street of the text's own town."""
    text = "Farmers from Dayton, Ohio, staged a sit-in at the White House last spring."
    seat = named_in_text(text)["White House"].place
    assert seat is not None and seat.feature_type == "facility"
    assert seat.admin1 == "Washington, D.C."


def test_a_building_before_in_and_a_town_is_placed_there(named_in_text) -> None:  # type: ignore[no-untyped-def]
    """A building's name opening with an ordinary word, right before "in" and a town, is one
    mention at that town ("moved to Royal Infirmary in Leeds"), with no preposition of place
    before it."""
    text = "Three burns victims were moved to Royal Infirmary in Leeds overnight."
    places = {span: t.place for span, t in named_in_text(text).items()}
    ward, leeds = places["Royal Infirmary"], places["Leeds"]
    assert ward is not None and leeds is not None
    assert ward.feature_type == "street" and (ward.lat, ward.lon) == (leeds.lat, leeds.lon)


@pytest.mark.parametrize(
    "text,mention,country",
    [
        # a former or Latin name of a big city does not beat the towns whose own name it is
        ("Fans in Augusta cheered the golfers.", "Augusta", "US"),
        ("She grew up in Petropolis and left it at twenty.", "Petropolis", "BR"),
        # an alternate name still wins with no own-name rival, or against a far smaller one
        ("Protesters marched through Kiev on Sunday.", "Kiev", "UA"),
        ("The monsoon flooded Bombay again this week.", "Bombay", "IN"),
        # a short form of the city's own name is no mere alternate name
        ("Tourists crowded St. Petersburg last summer.", "St. Petersburg", "RU"),
    ],
)
def test_an_alternate_name_needs_far_more_than_an_own_name(
    parse,  # type: ignore[no-untyped-def]
    text: str,
    mention: str,
    country: str,
) -> None:
    assert parse(text)[mention][2] == country


def test_a_short_form_of_an_own_name_keeps_its_city(parse) -> None:  # type: ignore[no-untyped-def]
    name, kind, country, _ = parse("Traffic stalled across New York on Monday.")["New York"]
    assert (name, kind, country) == ("New York City", "city", "US")


def _kin_towns() -> dict[str, list[Location]]:
    # a world city whose district bears "<name> City", and a small Ohio namesake near two
    # unambiguous Ohio towns
    world = _county_town("Penhallow", "Leinster", "Penhallow", 1_000_000, country_code="IE")
    world.raw.update(lat=53.0, lon=-6.0)
    district = _county_town("Penhallow City", "Leinster", "", 1_000_000, country_code="IE")
    district.raw.update(feature_type="admin2", lat=53.0, lon=-6.0)
    ohio = _town("Penhallow", "Ohio", 40.1, -83.1, 40_000)
    return {
        "Alderby": [_town("Alderby", "Ohio", 40.0, -83.0, 3_000)],
        "Bexford": [_town("Bexford", "Ohio", 40.2, -83.2, 3_000)],
        "Penhallow": [Location("Penhallow", (53.0, -6.0), world.raw), ohio],
        "Penhallow City": [Location("Penhallow City", (53.0, -6.0), district.raw)],
        "Penhallow County": [
            Location(
                "Penhallow County",
                (53.0, -6.0),
                _county_town("Penhallow County", "Leinster", "", 1_000_000, country_code="IE").raw
                | {"feature_type": "admin2", "lat": 53.0, "lon": -6.0},
            )
        ],
    }


def test_a_name_and_a_longer_name_holding_it_do_not_back_each_other() -> None:
    """ "Penhallow City" (one place, the world city's district) is no second place beside
    "Penhallow": the two Ohio towns named decide, not the name's own longer form."""
    towns = _kin_towns()
    names = ("Penhallow City", "Penhallow", "Alderby", "Bexford")
    found = resolve(_mentions(*names), lambda q: list(towns.get(q, [])))
    penhallow = found[1].place
    assert penhallow is not None and penhallow.admin1 == "Ohio"


def test_a_town_and_the_county_named_after_it_still_back_each_other() -> None:
    """ "X County" and "X" are two places that hold each other: the pair still counts."""
    towns = _kin_towns()
    names = ("Penhallow County", "Penhallow", "Alderby")
    found = resolve(_mentions(*names), lambda q: list(towns.get(q, [])))
    penhallow = found[1].place
    assert penhallow is not None and penhallow.country_code == "IE"


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("The team was flown to Goma, Rwanda's army said.", "Goma", ("Goma", "city")),
        ("Rescuers reached Jumla, India's embassy said.", "Jumla", ("Jumla", "city")),
        ("She flew to Kigali, Rwanda's capital, on Monday.", "Kigali", ("Kigali", "city")),
    ],
)
def test_a_possessive_country_after_a_comma_does_not_swallow_a_town(  # type: ignore[no-untyped-def]
    parse_text, text: str, name: str, expected: tuple[str, str]
) -> None:
    """ "X, Ruritania's army said": the possessive opens the speaker's noun phrase; X keeps its
    own place when Ruritania holds no namesake of it."""
    assert parse_text(text)[name] == expected


def _alt_town(name: str, own: str, cc: str, population: int, lat: float, lon: float) -> Location:
    """A town that ``name`` matches only as another (alternate) name of ``own``."""
    raw = _town(own, "Elsewhere", lat, lon, population).raw | {
        "country_code": cc,
        "primary": False,
        "gazetteer_id": f"test:{own}",
    }
    return Location(own, (lat, lon), raw)


# "Tolvan" is only another name of a small French town; Alderby and Bexford are in Ohio
_STRAY_TOWNS = {
    **_TOWNS,
    "Tolvan": [_alt_town("Tolvan", "Tolvanne-sur-Mer", "FR", 4_000, 47.0, 2.0)],
    "Bigvan": [_alt_town("Bigvan", "Bigvanne", "FR", 400_000, 45.0, 4.0)],
    "Lorvaux": [_town("Lorvaux", "Elsewhere", 46.0, 1.0, 3_000)],
}
_STRAY_TOWNS["Lorvaux"][0].raw["country_code"] = "FR"  # (a French town by its own name)


def _strays(names: tuple[str, ...], countries: set[str] | None = None) -> list[str]:
    found = resolve(_mentions(*names), lambda q: list(_STRAY_TOWNS.get(q, [])), countries)
    return [t.span.text for t in found if t.kind_hint == STRAY]


@pytest.mark.parametrize(
    "names,countries,strays",
    [
        # matched only by another name of a town abroad, nothing else of the text there
        (("Alderby", "Tolvan", "Bexford"), None, ["Tolvan"]),
        (("Alderby", "Tolvan", "Tolvan"), None, ["Tolvan", "Tolvan"]),
        # guards: another place of the text in its country; a demonym of its country; a big
        # city; a text naming no other place
        (("Alderby", "Tolvan", "Lorvaux"), None, []),
        (("Alderby", "Tolvan"), {"FR"}, []),
        (("Alderby", "Bigvan"), None, []),
        (("Tolvan",), None, []),
    ],
)
def test_a_town_matched_only_by_another_name_abroad_from_the_text_is_no_place(
    names: tuple[str, ...], countries: set[str] | None, strays: list[str]
) -> None:
    assert _strays(names, countries) == strays


def test_a_stray_keeps_its_place_for_a_caller_that_knows_it_is_one() -> None:
    found = resolve(_mentions("Alderby", "Tolvan"), lambda q: list(_STRAY_TOWNS.get(q, [])))
    tolvan = found[-1]
    assert tolvan.kind_hint == STRAY
    assert tolvan.place is not None and tolvan.place.name == "Tolvanne-sur-Mer"
