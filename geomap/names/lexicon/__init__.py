"""Every word list geomap reads text with, one list per meaning, one file per kind of list.

Each file says what its lists are for and where their entries come from. Nothing here is
derived from an evaluation corpus unless its file says so.
"""

from geomap.names.lexicon.abbreviations import (
    ABBREVIATIONS,
    CLOCK_ABBREVIATIONS,
    CLOCK_FOLLOWERS,
    SENTENCE_ABBREVIATIONS,
    Abbreviation,
)
from geomap.names.lexicon.calendar import MONTH_ABBREVIATIONS, TIME_WORDS
from geomap.names.lexicon.connectors import CONNECTORS, NAME_JOINERS
from geomap.names.lexicon.demonyms import (
    DEMONYM_PLURALS,
    DEMONYMS,
    LANGUAGES,
    REGION_DEMONYMS,
    demonym_place,
)
from geomap.names.lexicon.given_names import given_names
from geomap.names.lexicon.hyphen_suffixes import HYPHEN_SUFFIXES
from geomap.names.lexicon.leading_words import ARTICLES, DETERMINERS, LEADING_WORDS
from geomap.names.lexicon.organisations import (
    CIVIC_ORG_WORDS,
    NEWSPAPER_WORDS,
    NOT_PLACE_WORDS,
    NOT_PLACES,
    ORG_WORDS,
    VEHICLE_MAKES,
)
from geomap.names.lexicon.place_words import (
    BUILDING_WORDS,
    EVENT_NAME_HEADS,
    FACILITY_SUFFIXES,
    GEO_MODIFIERS,
    GOVERNMENT_SEATS,
    KIND_AFTER,
    MISSION_WORDS,
    PLACE_NOUNS,
    REGION_SUFFIXES,
    REGION_WORDS,
)
from geomap.names.lexicon.prepositions import (
    LOCATIVE_CUES,
    NOT_LOCATIVE_BEFORE,
    PLACE_PREPOSITIONS,
    PROPOSAL_CUES,
)
from geomap.names.lexicon.regions import (
    ADMIN1_ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    REGIONS,
    Region,
)
from geomap.names.lexicon.speech import (
    KIN_WORDS,
    PERSON_AFTER,
    PERSON_OBJECT_VERBS,
    SPEECH_VERBS,
)
from geomap.names.lexicon.stopwords import STOPWORDS
from geomap.names.lexicon.titles import ABBREVIATED_TITLES, LOWER_TITLES, TITLES

__all__ = [
    "ABBREVIATED_TITLES",
    "ABBREVIATIONS",
    "ARTICLES",
    "DETERMINERS",
    "BUILDING_WORDS",
    "CIVIC_ORG_WORDS",
    "CONNECTORS",
    "ADMIN1_ALIASES",
    "COUNTRY_ALIASES",
    "COUNTRY_POINTS",
    "DEMONYMS",
    "DEMONYM_PLURALS",
    "FACILITY_SUFFIXES",
    "GEO_MODIFIERS",
    "GOVERNMENT_SEATS",
    "MISSION_WORDS",
    "HYPHEN_SUFFIXES",
    "KIND_AFTER",
    "LANGUAGES",
    "LEADING_WORDS",
    "LOCATIVE_CUES",
    "MONTH_ABBREVIATIONS",
    "NAME_JOINERS",
    "NOT_LOCATIVE_BEFORE",
    "NEWSPAPER_WORDS",
    "NOT_PLACES",
    "NOT_PLACE_WORDS",
    "ORG_WORDS",
    "VEHICLE_MAKES",
    "PERSON_AFTER",
    "PERSON_OBJECT_VERBS",
    "KIN_WORDS",
    "LOWER_TITLES",
    "EVENT_NAME_HEADS",
    "PLACE_NOUNS",
    "PLACE_PREPOSITIONS",
    "PROPOSAL_CUES",
    "REGIONS",
    "REGION_DEMONYMS",
    "REGION_SUFFIXES",
    "REGION_WORDS",
    "CLOCK_ABBREVIATIONS",
    "CLOCK_FOLLOWERS",
    "SENTENCE_ABBREVIATIONS",
    "SPEECH_VERBS",
    "STOPWORDS",
    "TIME_WORDS",
    "TITLES",
    "Abbreviation",
    "Region",
    "demonym_place",
    "given_names",
]
