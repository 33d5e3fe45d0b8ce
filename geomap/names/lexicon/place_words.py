"""Words that say what kind of place a name is.

For: the recogniser (``REGION_SUFFIXES`` after a name: its kind; ``FACILITY_SUFFIXES`` after a
name: a street or building; ``GEO_MODIFIERS`` before a name, and never a place alone;
``PLACE_NOUNS`` after an adjective: it describes the place named next), the resolver
(``BUILDING_WORDS`` ending a name the gazetteer lacks: a building or site, placed at the town
that holds it; ``MISSION_WORDS``: no place inside such a name places it;
``GOVERNMENT_SEATS``: their city), the proposer
(``KIND_AFTER``) and the gazetteer index (``REGION_WORDS``: "Liaoning Province" is also called
"Liaoning"). Entries: English words for administrative units, streets and buildings (general
English)."""

from __future__ import annotations

# Directions and size words that may precede a place without making it a person's name; alone
# such a word is no place ("Western governments", "Northwestern beat Purdue"), though the
# gazetteer knows regions so named in their own countries (Ghana's "Western", Zambia's
# "Northwestern"), which texts call "the Western Region".
GEO_MODIFIERS = frozenset(
    """north south east west northern southern eastern western central upper lower greater
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern inner outer""".split()
)

# Words after a name that say what kind of place it is ("Liaoning Province", "Jefferson County").
REGION_SUFFIXES = {
    "province": "admin1",
    "oblast": "admin1",
    "prefecture": "admin1",
    "governorate": "admin1",
    "state": "admin1",
    "region": "admin1",
    "krai": "admin1",
    "county": "admin2",
    "parish": "admin2",
    "district": "admin2",
    "city": "city",
    "town": "city",
    "township": "city",
    "village": "city",
}

# Words after a name that make the whole a street, a building or a facility ("Toledo Road").
FACILITY_SUFFIXES = frozenset(
    """street st road rd avenue ave lane ln drive dr boulevard blvd highway hwy parkway pkwy way
    court ct place pl square plaza terrace circle trail pike turnpike expressway freeway bridge
    tunnel park""".split()
)

# Head words of buildings and sites: a name the gazetteer lacks that ends in one ("Lakeview
# Memorial Hospital", "Elm Grove High", "Northgate Mall") is a building or site in a town, placed
# at the town that holds it when nothing inside its name places it.
BUILDING_WORDS = frozenset(
    """hospital clinic infirmary church cathedral chapel basilica abbey mosque temple synagogue
    shrine school high elementary middle academy college university campus institute stadium
    arena ballpark racecourse raceway speedway circuit airport airfield aerodrome station
    terminal port harbour harbor pier dock prison jail penitentiary courthouse museum gallery
    library theatre theater cinema hotel inn motel restaurant cafe bar pub mall market
    supermarket store centre center hall tower building house palace castle manor cottage farm
    farms ranch estate complex plant factory mill mine warehouse base barracks camp cemetery
    graveyard garden gardens zoo office offices embassy consulate studio studios club""".split()
)

# A country's missions abroad: the country a name of one names ("the Ruritanian embassy",
# "Embassy of Ruritania") is the one it represents, not the one it stands in (general English).
MISSION_WORDS = frozenset("embassy embassies consulate consulates legation".split())

# Seats of government that news names for the government itself, and the city each stands
# in or beside (the Pentagon is across the river from Washington), as (city, country code):
# the gazetteer lacks them as places, or knows a translation of another city's name ("White
# House" is an alternate name of Casablanca). General knowledge; streets ("Downing Street")
# are placed as streets.
GOVERNMENT_SEATS: dict[str, tuple[str, str]] = {
    "white house": ("Washington", "US"),
    "oval office": ("Washington", "US"),
    "capitol hill": ("Washington", "US"),
    "pentagon": ("Washington", "US"),
    "kremlin": ("Moscow", "RU"),
    "elysee": ("Paris", "FR"),
    "elysee palace": ("Paris", "FR"),
    "quai d'orsay": ("Paris", "FR"),
    "zhongnanhai": ("Beijing", "CN"),
    "blue house": ("Seoul", "KR"),
}

# "the Chinese border city of X": an adjective before one of these describes the place named
# next, and is not a mention of its own.
PLACE_NOUNS = frozenset(
    """city town village capital port border province region state county district island
    coast mainland territory side waters soil enclave frontier""".split()
)

# Place words after an unknown name ("Musan County", "the Sambong border crossing") and the
# kind of place they hint, for the proposer.
KIND_AFTER = {
    "village": "city",
    "villages": "city",
    "town": "city",
    "township": "city",
    "hamlet": "city",
    "settlement": "city",
    "camp": "city",
    "checkpoint": "city",
    "crossing": "city",
    "border crossing": "city",
    "port": "city",
    "county": "admin1",
    "district": "admin1",
    "province": "admin1",
    "prefecture": "admin1",
    "governorate": "admin1",
    "oblast": "admin1",
    "region": "admin1",
    "municipality": "admin1",
    "area": "city",
    "valley": "city",
}

# Words that name what kind of region a first-level division is, at the end of its official
# name in the data: "Liaoning Province" is also indexed as "Liaoning".
REGION_WORDS = (
    "Province",
    "Oblast",
    "Region",
    "Prefecture",
    "State",
    "Governorate",
    "County",
    "District",
    "Department",
    "Republic",
    "Autonomous Region",
    "SAR",
    "S.A.R.",
    "Krai",
    "Municipality",
)

# Nouns that open the name of an event held or fought at a place: before "of" or "de" they are
# no place themselves ("the Battle of Lakeview", "the Tour de Ruritania"), whatever town shares
# the word ("Battle" in England; "Tour" another name of Tours).
EVENT_NAME_HEADS = frozenset(
    "battle battles siege treaty massacre tour giro vuelta sack raid".split()
)
