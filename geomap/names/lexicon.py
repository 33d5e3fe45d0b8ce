"""Small hand-written word lists the recogniser, resolver and gazetteer use.

General English and geographic knowledge only: nothing here is derived from any evaluation
corpus. Given names come from an installed package (``gender-guesser``'s name dictionary).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Capitalised words that are never places on their own (function words, calendar, titles,
# generic words of street and building names...).
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
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    president minister secretary general governor mayor senator king queen prince princess pope
    police government army navy court parliament congress senate state city county province
    region district republic kingdom empire union north south east west northern southern
    eastern western central national international federal world internet god
    christmas easter ramadan summit council committee ministry agency bureau department
    office party officials official sources source media news report reports reported said says
    street road avenue lane drive boulevard highway parkway route square plaza park center
    centre hall bridge valley lake hill mill bay river creek beach island islands mountain
    harbor harbour port airport station terminal tower building house home church cathedral
    school college university hospital library museum stadium arena market mall
    man men woman women boy girl free royal liberal democrat democrats republican republicans
    conservative labour labor war peace commerce chamber metro capitol downtown uptown
    jewish muslim christian catholic protestant islamic hindu sikh buddhist arab arabs
    black white red blue green gold silver
    mount lot pack star hope can will may grace faith
    northeast northwest southeast southwest midtown
    passover hanukkah thanksgiving halloween diwali eid lent kwanzaa""".split()
)

# Capitalised only because they open a sentence: dropped from the front of a run of names
# ("Another Gainesville business").
LEADING_WORDS = frozenset(
    """a an the this that these those another some many several each every all both any no our
    their his her its my your we they he she it i you when while after before since until if as
    but and or so then also however meanwhile although though because yet still even just only
    once about above across against among around between during into over under through within
    without toward towards upon via per according today yesterday tomorrow in on at of for to
    from by with monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december""".split()
)

# Words after a hyphen that leave the name before it a name of its own ("Albany-based").
HYPHEN_SUFFIXES = frozenset(
    """based born bred bound led backed area style era native registered flagged
    headquartered owned made funded""".split()
)

# Prepositions after which a name is where something is (not "of", "to": "testament to X").
PLACE_PREPOSITIONS = frozenset(
    "in at near into through across inside outside within throughout via".split()
)

# Titles: the capitalised run right after one is a person's name.
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice-president premier chancellor minister secretary
    general gen col colonel lt lieutenant major capt captain sgt sergeant admiral commander
    senator sen rep representative governor gov mayor judge justice sheriff king queen prince
    princess pope ayatollah imam rev reverend father sister brother sir lord lady dame officer
    chief director ambassador envoy spokesman spokeswoman spokesperson leader chairman dictator
    coach cpl corporal pvt private deputy detective det sheikh rabbi bishop cardinal saint
    councilman councilwoman councillor councilor commissioner superintendent principal
    professor dean president-elect attorney trooper agent inspector constable supt clerk
    auditor prosecutor treasurer assessor coroner recorder administrator manager supervisor
    executive engineer officer""".split()
)
# Abbreviated titles and initials may be followed by a full stop inside a name ("Mrs. Lincoln",
# "Matthew D. Flores").
ABBREVIATED_TITLES = frozenset(
    """mr mrs ms dr prof gen col lt capt sgt adm cmdr sen rep gov rev fr det cpl pvt supt insp
    jr sr st""".split()
)

# A run containing one of these names an organisation, not a place ("Daily NK", "Ministry of
# State Security", "Reconnaissance General Bureau", "The Telegraph"). A place named inside
# one ("Texas Department of Transportation", "University of Kentucky") is still a mention.
ORG_WORDS = frozenset(
    """ministry department dept bureau agency office service services council committee
    commission party university college school schools academy institute hospital church
    mosque temple bank company corporation corp inc ltd llc group association union federation
    league club team times post telegraph herald journal tribune gazette daily news press
    observer guardian chronicle courier mail express review radio television tv network channel
    media foundation fund trust society organization organisation court police army navy force
    forces guard corps command brigade battalion regiment division unit nations assembly
    parliament senate congress government administration authority board airlines airways
    railways security intelligence reconnaissance sheriff fire rescue library museum center
    centre hall stadium arena airport clinic symphony orchestra theatre theater festival
    chamber commissioners council's cathedral synagogue elementary high middle district's
    courthouse jail prison hotel inn restaurant cafe store stores market mall bancorp
    partners associates consulting institute ministries exchange commerce industries
    railroad railway marathon cup championship tournament open games olympics tech duma
    symphony authority patrol""".split()
)

# Organisation words of local government and public services: a place name before one is a
# place ("Gainesville Police", "Paris Public Library"), unlike "Brown Motor Company".
CIVIC_ORG_WORDS = frozenset(
    """police fire sheriff county city council school schools library chamber board department
    dept hospital airport courthouse jail commission commissioners district township high
    elementary middle university college public area regional municipal state community
    memorial transit utilities water parks""".split()
)

# Names of organisations, brands and buildings that are also place names in the gazetteer.
NOT_PLACES = frozenset(
    ("hamas", "hezbollah", "hizbollah", "taliban", "nato", "toyota", "ford", "white house")
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
    "county": "admin2",
    "parish": "admin2",
    "district": "admin2",
    "city": "city",
    "town": "city",
    "township": "city",
    "village": "city",
}

# Words after a name that make the whole a street, a building or a facility ("Dublin Road").
FACILITY_SUFFIXES = frozenset(
    """street st road rd avenue ave lane ln drive dr boulevard blvd highway hwy parkway pkwy way
    court ct place pl square plaza terrace circle trail pike turnpike expressway freeway bridge
    tunnel park""".split()
)

# Prepositions after which a capitalised name is most likely a place.
LOCATIVE_CUES = frozenset(
    """in at near from to into through via across toward towards outside inside around
    throughout between of""".split()
)

# Verbs of speech after a name: "Williams said" is a person (a country may speak: "Turkey said").
SPEECH_VERBS = frozenset(
    "said says told added explained asked noted wrote stated argued recalled replied".split()
)

# US state abbreviations in AP style and common variants (general knowledge).
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Cal.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nebr.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "Penn.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "W. Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming",
}


@dataclass(frozen=True, slots=True)
class Region:
    """A well-known region that is not an administrative unit, at an approximate centre."""

    name: str
    lat: float
    lon: float
    country_code: str | None = None
    aliases: tuple[str, ...] = ()


# Well-known regions, seas and oceans with approximate centres (general geographic knowledge).
REGIONS: tuple[Region, ...] = (
    Region("European Union", 49.84, 9.90, None, ("EU", "E.U.")),  # its geographic centre
    Region("Middle East", 29.0, 42.0, None, ("Mideast",)),
    Region("West Bank", 31.95, 35.25, "PS"),
    Region("Gaza Strip", 31.42, 34.36, "PS"),
    Region("Darfur", 13.5, 24.0, "SD"),
    Region("South Ossetia", 42.3, 44.0, "GE"),
    Region("Kurdistan", 36.5, 44.0),
    Region("Kashmir", 34.0, 76.0),
    Region("Siberia", 60.0, 105.0, "RU"),
    Region("Caucasus", 42.5, 44.5),
    Region("Balkans", 42.5, 21.0),
    Region("Scandinavia", 62.0, 14.0),
    Region("Caribbean", 15.0, -73.0),
    Region("Central America", 13.5, -86.0),
    Region("Latin America", -4.0, -60.0),
    Region("Southeast Asia", 5.0, 110.0),
    Region("East Asia", 35.0, 115.0),
    Region("Central Asia", 43.0, 65.0),
    Region("South Asia", 22.0, 78.0),
    Region("North Africa", 27.0, 14.0),
    Region("West Africa", 12.0, -2.0),
    Region("East Africa", -1.0, 36.0),
    Region("Southern Africa", -23.0, 25.0),
    Region("Sub-Saharan Africa", 2.0, 20.0),
    Region("Horn of Africa", 8.0, 45.0),
    Region("Sahel", 15.0, 5.0),
    Region("Western Europe", 48.0, 5.0),
    Region("Eastern Europe", 50.0, 30.0),
    Region("Korean Peninsula", 38.0, 127.5),
    Region("Arabian Peninsula", 23.0, 46.0),
    Region("Sinai", 29.5, 33.8, "EG", ("Sinai Peninsula",)),
    Region("Golan Heights", 33.0, 35.8),
    Region("Persian Gulf", 26.5, 52.0, None, ("Arabian Gulf",)),
    Region("Mediterranean", 35.0, 18.0, None, ("Mediterranean Sea",)),
    Region("Atlantic Ocean", 10.0, -30.0, None, ("Atlantic",)),
    Region("Pacific Ocean", 0.0, -160.0, None, ("Pacific",)),
    Region("Indian Ocean", -20.0, 80.0),
    Region("Arctic", 85.0, 0.0, None, ("Arctic Ocean",)),
    Region("Black Sea", 43.4, 34.3),
    Region("Caspian Sea", 41.7, 50.7),
    Region("Red Sea", 20.0, 38.5),
    Region("South China Sea", 12.0, 113.0),
    Region("Baltic Sea", 58.0, 20.0),
    Region("North Sea", 56.0, 3.0),
    Region("Gulf of Mexico", 25.0, -90.0),
    Region("New England", 44.0, -71.5, "US"),
    Region("Midwest", 41.5, -90.0, "US"),
    Region("Pacific Northwest", 46.0, -121.0, "US"),
    Region("Great Lakes", 45.0, -84.0),
    Region("Appalachia", 38.0, -81.0, "US"),
    Region("Bay Area", 37.8, -122.3, "US", ("San Francisco Bay Area",)),
    Region("Silicon Valley", 37.4, -122.05, "US"),
    Region("Gulf Coast", 29.5, -90.0, "US"),
    Region("West Coast", 40.0, -122.0, "US"),
    Region("East Coast", 38.0, -76.0, "US"),
)

# Country points that replace the data set's: the United States as a whole at the geographic
# centre of the contiguous states (near Lebanon, Kansas), not at a point in Oklahoma.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}

# Country demonyms and adjectives -> (ISO code, the country's name as the gazetteer knows it).
DEMONYMS: dict[str, tuple[str, str]] = {
    "afghan": ("AF", "Afghanistan"),
    "albanian": ("AL", "Albania"),
    "algerian": ("DZ", "Algeria"),
    "american": ("US", "United States"),
    "angolan": ("AO", "Angola"),
    "argentine": ("AR", "Argentina"),
    "argentinian": ("AR", "Argentina"),
    "armenian": ("AM", "Armenia"),
    "australian": ("AU", "Australia"),
    "austrian": ("AT", "Austria"),
    "azerbaijani": ("AZ", "Azerbaijan"),
    "bahraini": ("BH", "Bahrain"),
    "bangladeshi": ("BD", "Bangladesh"),
    "belarusian": ("BY", "Belarus"),
    "belgian": ("BE", "Belgium"),
    "bolivian": ("BO", "Bolivia"),
    "bosnian": ("BA", "Bosnia and Herzegovina"),
    "brazilian": ("BR", "Brazil"),
    "british": ("GB", "United Kingdom"),
    "bulgarian": ("BG", "Bulgaria"),
    "burmese": ("MM", "Myanmar"),
    "cambodian": ("KH", "Cambodia"),
    "cameroonian": ("CM", "Cameroon"),
    "canadian": ("CA", "Canada"),
    "chilean": ("CL", "Chile"),
    "chinese": ("CN", "China"),
    "colombian": ("CO", "Colombia"),
    "congolese": ("CD", "DR Congo"),
    "croatian": ("HR", "Croatia"),
    "cuban": ("CU", "Cuba"),
    "cypriot": ("CY", "Cyprus"),
    "czech": ("CZ", "Czech Republic"),
    "danish": ("DK", "Denmark"),
    "dutch": ("NL", "Netherlands"),
    "ecuadorian": ("EC", "Ecuador"),
    "egyptian": ("EG", "Egypt"),
    "emirati": ("AE", "United Arab Emirates"),
    "english": ("GB", "England"),
    "eritrean": ("ER", "Eritrea"),
    "estonian": ("EE", "Estonia"),
    "ethiopian": ("ET", "Ethiopia"),
    "filipino": ("PH", "Philippines"),
    "finnish": ("FI", "Finland"),
    "french": ("FR", "France"),
    "georgian": ("GE", "Georgia"),
    "german": ("DE", "Germany"),
    "ghanaian": ("GH", "Ghana"),
    "greek": ("GR", "Greece"),
    "guatemalan": ("GT", "Guatemala"),
    "haitian": ("HT", "Haiti"),
    "honduran": ("HN", "Honduras"),
    "hungarian": ("HU", "Hungary"),
    "icelandic": ("IS", "Iceland"),
    "indian": ("IN", "India"),
    "indonesian": ("ID", "Indonesia"),
    "iranian": ("IR", "Iran"),
    "iraqi": ("IQ", "Iraq"),
    "irish": ("IE", "Ireland"),
    "israeli": ("IL", "Israel"),
    "italian": ("IT", "Italy"),
    "ivorian": ("CI", "Ivory Coast"),
    "jamaican": ("JM", "Jamaica"),
    "japanese": ("JP", "Japan"),
    "jordanian": ("JO", "Jordan"),
    "kazakh": ("KZ", "Kazakhstan"),
    "kenyan": ("KE", "Kenya"),
    "korean": ("KR", "South Korea"),
    "kuwaiti": ("KW", "Kuwait"),
    "kyrgyz": ("KG", "Kyrgyzstan"),
    "latvian": ("LV", "Latvia"),
    "lebanese": ("LB", "Lebanon"),
    "liberian": ("LR", "Liberia"),
    "libyan": ("LY", "Libya"),
    "lithuanian": ("LT", "Lithuania"),
    "malaysian": ("MY", "Malaysia"),
    "malian": ("ML", "Mali"),
    "maltese": ("MT", "Malta"),
    "mexican": ("MX", "Mexico"),
    "moldovan": ("MD", "Moldova"),
    "mongolian": ("MN", "Mongolia"),
    "moroccan": ("MA", "Morocco"),
    "mozambican": ("MZ", "Mozambique"),
    "nepalese": ("NP", "Nepal"),
    "nepali": ("NP", "Nepal"),
    "nicaraguan": ("NI", "Nicaragua"),
    "nigerian": ("NG", "Nigeria"),
    "nigerien": ("NE", "Niger"),
    "north korean": ("KP", "North Korea"),
    "norwegian": ("NO", "Norway"),
    "omani": ("OM", "Oman"),
    "pakistani": ("PK", "Pakistan"),
    "palestinian": ("PS", "Palestine"),
    "panamanian": ("PA", "Panama"),
    "paraguayan": ("PY", "Paraguay"),
    "peruvian": ("PE", "Peru"),
    "polish": ("PL", "Poland"),
    "portuguese": ("PT", "Portugal"),
    "qatari": ("QA", "Qatar"),
    "romanian": ("RO", "Romania"),
    "russian": ("RU", "Russia"),
    "rwandan": ("RW", "Rwanda"),
    "salvadoran": ("SV", "El Salvador"),
    "saudi": ("SA", "Saudi Arabia"),
    "scottish": ("GB", "Scotland"),
    "senegalese": ("SN", "Senegal"),
    "serbian": ("RS", "Serbia"),
    "singaporean": ("SG", "Singapore"),
    "slovak": ("SK", "Slovakia"),
    "slovenian": ("SI", "Slovenia"),
    "somali": ("SO", "Somalia"),
    "south african": ("ZA", "South Africa"),
    "south korean": ("KR", "South Korea"),
    "south sudanese": ("SS", "South Sudan"),
    "spanish": ("ES", "Spain"),
    "sri lankan": ("LK", "Sri Lanka"),
    "sudanese": ("SD", "Sudan"),
    "swedish": ("SE", "Sweden"),
    "swiss": ("CH", "Switzerland"),
    "syrian": ("SY", "Syria"),
    "taiwanese": ("TW", "Taiwan"),
    "tajik": ("TJ", "Tajikistan"),
    "tanzanian": ("TZ", "Tanzania"),
    "thai": ("TH", "Thailand"),
    "tunisian": ("TN", "Tunisia"),
    "turkish": ("TR", "Turkey"),
    "turkmen": ("TM", "Turkmenistan"),
    "ugandan": ("UG", "Uganda"),
    "ukrainian": ("UA", "Ukraine"),
    "uruguayan": ("UY", "Uruguay"),
    "uzbek": ("UZ", "Uzbekistan"),
    "venezuelan": ("VE", "Venezuela"),
    "vietnamese": ("VN", "Vietnam"),
    "welsh": ("GB", "Wales"),
    "yemeni": ("YE", "Yemen"),
    "zambian": ("ZM", "Zambia"),
    "zimbabwean": ("ZW", "Zimbabwe"),
}
# Adjectives of continents and regions -> the region's name.
REGION_DEMONYMS: dict[str, str] = {
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "middle eastern": "Middle East",
    "kurdish": "Kurdistan",
    "caribbean": "Caribbean",
    "scandinavian": "Scandinavia",
    "latin american": "Latin America",
    "central american": "Central America",
    "north american": "North America",
    "south american": "South America",
    "southeast asian": "Southeast Asia",
    "east asian": "East Asia",
    "west african": "West Africa",
    "east african": "East Africa",
    "north african": "North Africa",
}
# Plural nouns of people ("Russians", "Filipinos") -> the adjective above.
DEMONYM_PLURALS: dict[str, str] = {
    **{d + "s": d for d in list(DEMONYMS) + list(REGION_DEMONYMS) if d.endswith("an")},
    **{
        d + "s": d
        for d in ("afghan", "iraqi", "israeli", "pakistani", "saudi", "yemeni", "omani", "qatari")
    },
    **{
        d + "s": d
        for d in ("kuwaiti", "bangladeshi", "emirati", "somali", "thai", "kazakh", "uzbek")
    },
    "filipinos": "filipino",
    "britons": "british",
    "brits": "british",
    "poles": "polish",
    "swedes": "swedish",
    "danes": "danish",
    "finns": "finnish",
    "turks": "turkish",
    "scots": "scottish",
    "spaniards": "spanish",
    "czechs": "czech",
    "greeks": "greek",
    "kurds": "kurdish",
    "europeans": "european",
}


def demonym_place(key: str) -> tuple[str | None, str] | None:
    """(country code or None, place name) for a demonym or its plural ('Russians' -> RU)."""
    key = DEMONYM_PLURALS.get(key, key)
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key in REGION_DEMONYMS:
        return None, REGION_DEMONYMS[key]
    return None


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names common in English-speaking countries or in any one country.

    From the name dictionary shipped by ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``,
    GNU FDL), read where it is installed; empty when the package is missing.
    """
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or len(line) < 31:
                continue
            freqs = line[30:85]
            # columns 0-2: Great Britain, Ireland, U.S.A.; hex digits give how common a name is
            english = max((int(c, 16) for c in freqs[:3] if c in "0123456789ABCDEF"), default=0)
            anywhere = max((int(c, 16) for c in freqs if c in "0123456789ABCDEF"), default=0)
            if english >= 2 or anywhere >= 4:
                name = line[3:29].strip()
                if "+" in name:
                    continue
                names.add(name.lower())
    return frozenset(names)
