"""Small hand-written word lists the recogniser and event extractor use (general English,
not derived from any evaluation corpus)."""

from __future__ import annotations

# Capitalised words that are never places on their own (function words, calendar, titles...).
STOPWORDS = frozenset(
    """a an the in on at of for to from by with as but and or nor if it its he she they we i you
    this that these those there here when while after before since until also however meanwhile
    according although though because so yet then thus still even just only once about above
    across against among around between during into over under through within without toward
    towards upon via per his her their our my your who whom whose which what where why how all
    any both each few many more most other some such no not one two three four five six seven
    eight nine ten first second third last next new old mr mrs ms dr st sir madam
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow
    president minister secretary general governor mayor senator king queen prince princess pope
    police government army navy court parliament congress senate state city county province
    region district republic kingdom empire union north south east west northern southern
    eastern western central national international federal world internet god
    christmas easter ramadan summit council committee ministry agency bureau department
    office party officials official sources source media news report reports reported said says
    chinese american british russian korean japanese french german""".split()
)

# Titles: the capitalised run right after one is a person's name.
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice-president premier chancellor minister secretary
    general gen col colonel lt lieutenant major capt captain sgt sergeant admiral commander
    senator sen rep representative governor gov mayor judge justice sheriff king queen prince
    princess pope ayatollah imam rev reverend father sister brother sir lord lady dame officer
    chief director ambassador envoy spokesman spokeswoman spokesperson leader chairman dictator
    coach""".split()
)

# A run containing one of these names an organisation, not a place ("Daily NK", "Ministry of
# State Security", "Reconnaissance General Bureau", "The Telegraph").
ORG_WORDS = frozenset(
    """ministry department bureau agency office service services council committee commission
    party university college school academy institute hospital church mosque temple bank
    company corporation corp inc ltd llc group association union federation league club team
    times post telegraph herald journal tribune gazette daily news press observer guardian
    chronicle courier mail express review radio television tv network channel media
    foundation fund trust society organization organisation court police army navy force forces
    guard corps command brigade battalion regiment division unit nations assembly parliament
    senate congress government administration authority board airlines airways railways
    security intelligence reconnaissance""".split()
)

# Words that may stand inside a multi-word place name in lower case.
CONNECTORS = frozenset("of de del der la le les du da das dos di upon on am and the al el".split())

# Directions and size words that may precede a place without making it a person's name.
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
    "county": "admin1",
    "district": "admin1",
    "city": "city",
    "town": "city",
    "village": "city",
}

# Prepositions after which a capitalised name is most likely a place.
LOCATIVE_CUES = frozenset(
    """in at near from to into through via across toward towards outside inside around
    throughout between of""".split()
)

# Country demonyms and adjectives: context for resolution, not place mentions.
DEMONYMS: dict[str, str] = {
    "chinese": "CN",
    "north korean": "KP",
    "south korean": "KR",
    "japanese": "JP",
    "russian": "RU",
    "american": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "italian": "IT",
    "spanish": "ES",
    "mexican": "MX",
    "canadian": "CA",
    "indian": "IN",
    "pakistani": "PK",
    "afghan": "AF",
    "iranian": "IR",
    "iraqi": "IQ",
    "syrian": "SY",
    "turkish": "TR",
    "israeli": "IL",
    "palestinian": "PS",
    "egyptian": "EG",
    "saudi": "SA",
    "lebanese": "LB",
    "jordanian": "JO",
    "yemeni": "YE",
    "libyan": "LY",
    "ukrainian": "UA",
    "polish": "PL",
    "georgian": "GE",
    "australian": "AU",
    "brazilian": "BR",
    "nigerian": "NG",
    "kenyan": "KE",
    "ethiopian": "ET",
    "somali": "SO",
    "sudanese": "SD",
    "vietnamese": "VN",
    "thai": "TH",
    "filipino": "PH",
    "indonesian": "ID",
    "malaysian": "MY",
    "burmese": "MM",
    "taiwanese": "TW",
    "mongolian": "MN",
    "cuban": "CU",
    "venezuelan": "VE",
    "colombian": "CO",
    "irish": "IE",
    "scottish": "GB",
    "welsh": "GB",
    "english": "GB",
}
