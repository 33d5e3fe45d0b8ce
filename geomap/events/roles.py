"""The role a place mention plays in its sentence, read from the words before it: an origin
("from X", "out of X", "residents of X"), a destination ("to X", "into X", "arrived in X",
"to a hospital in X", "X-bound"), a stop on the way ("via X", "through X", "a layover in X"),
where something happened ("in X", "near X"), or the object of the verb right before it.

The cue words are English prepositions and the nouns and participles that govern them,
written by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geomap.events.clauses import Token
from geomap.events.triggers import EVENT_VERBS, VIA_WORDS
from geomap.model import Place, Toponym
from geomap.names.lexicon import BUILDING_WORDS, STOPWORDS, TITLES, given_names

#: Prepositions that mark each role.
TO_WORDS = frozenset("to into toward towards onto".split())
FROM_WORDS = frozenset("from".split())
VIA_PREPOSITIONS = frozenset("via through across".split())
AT_WORDS = frozenset("in at".split())
#: Verbs and nouns after which "in X" / "at X" is where the mover arrived.
ARRIVAL_WORDS = frozenset(
    "arrived arriving arrive arrives arrival landed landing reached settled touched ended "
    "disembarked disembarking resettled ashore".split()
)
#: Words after which "in X" is where the mover lives or comes from (the origin).
HOME_WORDS = frozenset(
    "based headquartered stationed docked moored garrisoned home homes living lived lives "
    "resident residents native natives born raised grew childhood life".split()
)
#: Nouns for the people of a place: "residents of X fled" makes X the origin.
PEOPLE_OF = frozenset(
    "residents resident natives native citizens citizen people villagers inhabitants "
    "families family townspeople locals nationals".split()
)
#: Words that sit between a preposition and its place without changing the role: articles,
#: kinds of place and facility, directions, possessives ("to a hospital in X" is handled
#: by TO-words reaching over the facility to "in").
TRANSPARENT = frozenset(
    "the a an city town village province region state county district border capital its "
    "their his her our neighbouring neighboring nearby northern southern eastern western "
    "central north south east west northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern rural downtown suburban outskirts port island "
    "streets hometown home birthplace native centre center heart suburbs suburb middle edge "
    "part parts north-west north-east south-west south-east north-western north-eastern "
    "south-western south-eastern of beach beaches shore shores coast waterfront harbour "
    "harbor area areas "
    # what kind of quarter: "a residential area of X", "the industrial zone of X"
    "residential industrial commercial "
    # settlements counted: "from twelve more villages of the X community"
    "villages towns hamlets settlements more two three four five six seven eight nine ten "
    "eleven twelve several dozens "
    # how much of it: "large parts of X", "vast areas of X", "much of X", "swathes of X"
    "large vast huge big wide much most swathes swaths tracts".split()
)
#: Kinds of settlement that a describing word may stand before ("the lakeside town of X",
#: "the old whaling town of X", "a holiday resort of X"): general English.
SETTLEMENT_KINDS = frozenset("city town village hamlet resort port capital suburb".split())
#: Kinds of quarter a describing word may stand before in the same way ("a popular area of X",
#: "a quiet part of X", "a crowded district of X"): the event is in X (general English).
QUARTER_KINDS = frozenset(
    "area areas part parts district districts neighbourhood neighborhood quarter section".split()
)
#: Kinds of place a name stands in apposition to ("from the capital, Kampala,").
_APPOSED_KINDS = SETTLEMENT_KINDS | frozenset("province state region district county".split())
#: The rim of a town or a coast, between "on" or "off" and its place ("on the edge of X",
#: "on the outskirts of X", "off the coast of X"): general English.
_EDGES = frozenset("edge edges outskirts fringes fringe".split())
_COASTS = frozenset("coast coasts shore shores coastline waters".split())
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)
#: Adjectives of the part of a country or region before its possessive ("in northern
#: Nigeria's Borno state", "in south-west China's Sichuan province"): general English.
_REGION_ADJECTIVES = _COMPASS | frozenset(
    "northern southern eastern western central northeastern northwestern southeastern "
    "southwestern north-eastern north-western south-eastern south-western".split()
)
#: Words that put an event close to a place ("near X", "off X": at sea or cut off from it).
NEAR_WORDS = frozenset("near outside around nearby off".split())
#: Prepositions before a place's possessive that make it where something happened.
_POSSESSIVE_PLACE = frozenset("in at on near outside inside across throughout".split())
CUE_WORDS = TO_WORDS | FROM_WORDS | VIA_PREPOSITIONS | AT_WORDS | frozenset(("for",))
#: Words that open a facility's name after "to" ("to a hospital in X", "to its base at
#: X"): determiners, possessives and facility nouns (general English).
FACILITY_NOUNS = frozenset(
    "hospital hospitals camp camps prison prisons jail jails base bases centre center centres "
    "centers facility facilities shelter shelters airport airports station hotel hotels clinic "
    "clinics detention compound compounds barracks".split()
)
#: Buildings and sites something is done to, named after their town ("a Dayton restaurant",
#: "the Leeds church"): the lexicon's building head words and the facilities above, with the
#: premises news names by use (homes, banks, shops, businesses).
PREMISES = (
    BUILDING_WORDS
    | FACILITY_NOUNS
    | frozenset(
        "home homes bank banks shop shops business businesses apartment residence pharmacy "
        "salon bakery dealership".split()
    )
)
FACILITY_OPENERS = FACILITY_NOUNS | frozenset(
    "a an the its their his her our safe military refugee temporary nearby local".split()
)
#: A spell of time spent somewhere ("after six years in X", "after a two-year stint in
#: X", "after a month-long run at X"): general English.
SPELL = frozenset(
    "years months decades weeks year month decade week stay stint spell run residency "
    "posting tenure tour deployment holiday holidays vacation sabbatical".split()
)
#: Verbs of a stay somewhere, after "after" ("after serving in X", "after years of living
#: in X"): general English.
STAYING = frozenset(
    "serving working living practicing practising studying teaching playing staying "
    "spending farming preaching coaching retiring graduating holidaying vacationing".split()
)
#: Verbs of damage done to homes by what struck them ("destroyed 300 homes in X").
_DAMAGED = frozenset(
    "destroyed destroying damaged damaging flattened razed torched burned burnt gutted "
    "swept submerged inundated flooded wrecked demolished".split()
)
_NOT_DIRECTIONAL = frozenset("due according owing close next similar prior addition".split())


#: A person named after a place, who therefore lives there or comes from there ("a Dallas
#: man", "the Leeds native", "a U.S. Military Official"): general English person nouns.
PERSON_AFTER = re.compile(
    r"^(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?,)?"  # "a Keene, N.H., woman"
    r"[ \t]+(?:[A-Z][\w.]*[ \t]+){0,2}(?i:native|natives|resident|residents|man|woman|men|"
    r"women|couple|family|families|teen|teens|teenager|teenagers|boy|girl|driver|motorist|"
    r"student|students|official|officials|team|band|couple|mother|father|businessman|"
    r"businesswoman)\b"
)  # (only the person noun ignores case: "York with his family" names no Yorker)


#: A journey noun right after a place, which is where it went ("a three-week US tour",
#: "her Paris trip"): general English.
JOURNEY_AFTER = re.compile(r"^[ \t]+(?:tour|tours|trip|trips|visit|visits)\b")

#: A title or group after a place, whose holder or members come from there ("the U.S.
#: President", "Texas Governor", "Canadian troops", "the French government"): general English
#: titles of office, nouns for people sent abroad and for the state bodies that send them.
#: Only read where no preposition gives the place a role.
TITLE_AFTER = re.compile(
    r"^[ \t]+(?:[A-Z][\w.]*[ \t]+){0,2}(?i:(?:foreign|defen[cs]e|interior|finance|deputy|vice|"
    r"former|top|senior|chief)[ \t]+)?(?i:president|vice[- ]president|prime[ \t]+minister|"
    r"premier|chancellor|minister|secretary|ambassador|envoy|diplomats?|delegation|king|queen|"
    r"crown[ \t]+prince|prince|princess|emperor|governor|senator|congressman|congresswoman|"
    r"mayor|troops|soldiers|marines|peacekeepers|refugees|migrants|asylum[ \t]+seekers|"
    r"tourists|pilgrims|nationals|citizens|fishermen|leader|leaders|government|authorities|"
    r"army|navy|"
    r"military|forces|coast[ \t]+guard|air[ \t]+force)\b"
)

#: People named by what they do after a demonym ("the Kenyan runner", "two British
#: journalists"): where they come from, read only for the mover a few words before the
#: motion word (general English).
OCCUPATION_AFTER = re.compile(
    r"^[ \t]+(?:[a-z]+[ \t]+)?(?i:runners?|athletes?|players?|workers?|journalists?|reporters?|"
    r"doctors?|nurses?|engineers?|teachers?|students?|priests?|missionar(?:y|ies)|activists?|"
    r"volunteers?|tourist|pilots?|sailors?|climbers?|artists?|singers?|musicians?|"
    r"businessm[ae]n|businesswom[ae]n|scientists?|researchers?|pilgrim|boxer|cyclists?|"
    r"skiers?|swimmers?|coach|officials?|team|squad|band|choir|orchestra)\b"
)

#: A state body after a place ("the French government", "Nigerian authorities"): where what
#: it sends sets out from, but it is no traveller itself (general English).
SENDER_AFTER = re.compile(
    r"^[ \t]+(?:[A-Z][\w.]*[ \t]+){0,2}(?i:government|authorities|military)\b"
    r"(?![ \t]+(?i:officials?|spokes(?:man|men|woman|person)|leaders?|chiefs?|commanders?|"
    r"envoys?|delegations?|advisers?|advisors?|officers?)\b)"
)  # ("a US military official" is a person: a traveller)

#: A legislator's party and state before a place ("Sen. Jane Roe, D-Ohio,", "(R-Texas)"):
#: the state the legislator comes from (US usage).
PARTY_STATE_BEFORE = re.compile(r"(?:^|[\s(,])[DRI]-$")

#: Capitalised words before "of" that name an institution or a kind of place, not a person
#: ("the University of X", "the Gulf of X", "the Mayor of X"): general English.
NOT_A_SURNAME = frozenset(
    "university college school academy institute museum bank city state republic province "
    "county department ministry office government council court board assembly parliament "
    "church diocese bishop archbishop duke duchess earl kingdom commonwealth district town "
    "village township borough federation union territory region area coast gulf sea bay lake "
    "river mount cape port isle isles island islands mayor governor president secretary "
    "minister chancellor king queen prince princess emperor people citizens friends".split()
)


#: A town's police or fire service named after it ("Chicago police", "the Leeds Fire
#: Department"): general English.
AGENCY_AFTER = re.compile(
    r"^[ \t]+(?:police|Police|sheriff|Sheriff|fire department|Fire Department|Fire Service|"
    r"firefighters|PD)\b"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A mention's role cue and the token that governs it (-1 when none)."""

    # origin | destination | via | location | near | people-of | home | person-home | none
    # (person-home: a named person's or an office holder's home, "Jane Roe of X", "the X
    # Governor": where a mover comes from, never where an incident happened)
    role: str
    governor: int


#: Units of a distance told before a compass point ("20 km east of X").
_DISTANCE_UNITS = frozenset("km kms kilometres kilometers miles mile metres meters".split())


def _apposed_distance(tokens: list[Token], unit: int) -> bool:
    """True when the distance whose unit is token ``unit`` is set off by a comma ("on the
    edge of A, about 70 km north-west of B"): it says where A lies, B is no place of it."""
    k = unit - 1
    while k >= 0 and (tokens[k].text[:1].isdigit() or tokens[k].lower in _ABOUT):
        k -= 1
    return k >= 0 and tokens[k].text == ","


_ABOUT = frozenset("about some around roughly nearly almost approximately".split())
#: Nouns of :data:`HOME_WORDS` that name people: a verb of theirs may stand between them and
#: "in" ("residents marched in X": where they marched, not where they live).
_HOME_NOUNS = frozenset("resident residents native natives".split())


def _acted_after_home(context: list[str]) -> bool:
    """True when the words before "in" (``context``) put an event verb of the people a home
    noun names between that noun and "in": "400 residents marched in X", "natives rallied
    in X" tell where they did it; "residents in X", "a resident of long standing in X"
    stay their home."""
    last = max(k for k, c in enumerate(context) if c in HOME_WORDS)
    if context[last] not in _HOME_NOUNS:
        return False
    return any(c in EVENT_VERBS for c in context[last + 1 :])


def _facility_for(rest: list[Token], k: int) -> bool:
    """True when "for" at ``rest[k]`` is inside a facility's name ("a centre for
    foreigners", "a home for the elderly"): right after a facility noun."""
    return rest[k].lower == "for" and k > 0 and rest[k - 1].lower in FACILITY_NOUNS


#: Words that name a road by its two ends ("the road between A and B", "the highway linking
#: A and B"), and the roads so named (general English).
_ROAD_ENDS = frozenset("between linking connecting joining".split())
_ROADS = frozenset(
    "road roads highway highways motorway expressway freeway route track railway railroad "
    "line stretch corridor".split()
)


def road_ends(tokens: list[Token], i: int) -> bool:
    """True when the word at ``i`` names a road by its ends ("between", "linking") right
    after a road noun, with at most one word between ("the main road between"; "the highway
    that links" is not read)."""
    return (
        0 <= i < len(tokens)
        and tokens[i].lower in _ROAD_ENDS
        and any(t.lower in _ROADS for t in tokens[max(0, i - 2) : i])
    )


def _stopping_on_the_way(tokens: list[Token], i: int) -> bool:
    """True when "in" or "at" at ``i`` follows a journey's ", stopping (overnight) in A": a
    stop on the way told after the journey ("After stopping in A, they drove to B" is where
    the journey began)."""
    for j in range(i - 1, max(0, i - 3), -1):
        if tokens[j].lower == "stopping":
            return tokens[j - 1].text == ","
    return False


def _from_named_facility(tokens: list[Token], i: int) -> bool:
    """True when "in" at ``i`` follows a facility named after "from" ("from Evin prison in
    X", "from the old central prison in X"): a facility noun right before "in" and "from"
    at most six words back, with only plain words between."""
    if i < 2 or tokens[i - 1].lower not in FACILITY_NOUNS:
        return False
    for j in range(i - 2, max(-1, i - 8), -1):
        w = tokens[j].lower
        if w in FROM_WORDS:
            return True
        if not tokens[j].text.isalpha() or w in CUE_WORDS or w in NEAR_WORDS:
            return False  # (words only, none that opens a phrase of its own)
    return False


def _off_the_coast(tokens: list[Token], i: int, first: int) -> bool:
    """True when "off" at token ``i`` reaches its place (token ``first``) over a coast and
    words of place only ("off the coast of X", "off the northern shores of X")."""
    between = [t.lower for t in tokens[i + 1 : first]]
    return not _COASTS.isdisjoint(between) and all(
        w in TRANSPARENT or w in _COASTS for w in between
    )


#: The marks of a possessive noun between a preposition and the place that names whose home
#: or office it is ("at the family's X apartment", "near his parents' X home").
_GENITIVE_ENDS = ("'s", "’s")
_APOSTROPHES = frozenset(("'", "’"))


def _plural_genitive(tokens: list[Token], i: int) -> bool:
    """True when the apostrophe at ``i`` closes a lower-case plural right before it, with no
    space between ("parents'"): a possessive, not a quotation mark."""
    owner = tokens[i - 1]
    return (
        owner.end == tokens[i].start
        and owner.text.islower()
        and owner.text.isalpha()
        and owner.text.endswith("s")
    )


#: What lies between two places facing each other ("across the river from X", "across the
#: border from X", "just across from X"): general English.
_ACROSS_WHAT = frozenset(
    "river border street road bay lake strait straits channel water waters square gulf "
    "sound frontier valley".split()
)


def _across_from(tokens: list[Token], i: int) -> bool:
    """True when "from" at ``i`` ends an aside "..., (just) across (the river) from": it
    tells where the place before the comma lies, facing the place after it, and names no
    origin (not "streamed across the border from A into B": a crossing from A)."""
    k = i - 1 if i > 0 and tokens[i - 1].lower == "across" else i - 3
    if k < 1 or tokens[k].lower != "across":
        return False
    if k != i - 1 and not (tokens[i - 1].lower in _ACROSS_WHAT and tokens[i - 2].lower == "the"):
        return False
    if tokens[k - 1].lower in ("just", "directly", "right") and k > 1:
        k -= 1
    return tokens[k - 1].text == ","


def cue(tokens: list[Token], first: int, text_after: str, stop: int = -1) -> Cue:
    """The role cue of a place mention starting at token ``first``; ``text_after`` is the
    sentence text right after the mention (for "X-bound", "X-based"). The words before it are
    read back to the nearest preposition, but never into the place mention ending at token
    ``stop`` ("from A to B near the town of C": "near", not "to", is C's cue)."""
    if text_after.startswith(("-bound", "–bound")) or JOURNEY_AFTER.match(text_after):
        return Cue("destination", -1)  # "a Boston-bound flight", "his US tour"
    if text_after.startswith(("-based", "-born")) or PERSON_AFTER.match(text_after):
        return Cue("home", -1)  # "the Winnipeg-based team", "a Dallas man", "a Leeds native"
    if AGENCY_AFTER.match(text_after):
        j = first - 1 if first > 0 and tokens[first - 1].lower != "the" else first - 2
        if j >= 0 and tokens[j].lower in TO_WORDS:
            return Cue("destination", j)  # "taken to the Leeds Police Department"
        return Cue("agency", -1)  # "Saskatoon police": the force of that town
    if text_after.startswith(("’s", "'s")):
        k = first - 1
        while k > 0 and tokens[k].lower in _REGION_ADJECTIVES:
            k -= 1  # "in northern Nigeria's Borno state": the preposition before the region
        first = k + 1
        before = tokens[first - 1].lower if first > 0 else ""
        if before in TO_WORDS:
            return Cue("destination", first - 1)  # "flown to Calgary's main hospital"
        if before in FROM_WORDS:
            return Cue("origin", first - 1)  # "fled from Syria's northern province"
        if before in AT_WORDS and any(
            t.lower in ARRIVAL_WORDS for t in tokens[max(0, first - 4) : first - 1]
        ):
            return Cue("destination", first - 1)  # "landed at Rome's main airport"
        if before in _POSSESSIVE_PLACE:
            # "airstrikes on Beirut's suburbs", "in Gaza's south": where, not whose
            return Cue("near" if before in NEAR_WORDS else "location", first - 1)
        return Cue("possessive", -1)  # "Alberta's premier": a home, or a person's name
    if text_after.startswith(("-backed", "-led", "-owned", "-made", "-run", "-controlled")):
        return Cue("modifier", -1)  # "a Russian-backed offensive": not where it happened
    near = False
    i = first - 1
    skipped = 0
    facility = 0  # nouns skipped after "near": "from camps near X"
    while i > stop and skipped < 7:
        t = tokens[i]
        w = t.lower
        if w in NEAR_WORDS and (w != "off" or i == first - 1 or _off_the_coast(tokens, i, first)):
            near = True  # ("off X", "off the coast of X", not "off the X Highway": the road)
        elif w == "off":
            break
        elif w in CUE_WORDS:
            break
        elif w == "of" and i > 0 and tokens[i - 1].lower in PEOPLE_OF:
            return Cue("people-of", i - 1)
        elif w == "of" and i > 0 and tokens[i - 1].lower == "out":
            return Cue("origin", i - 1)
        elif w == "of" and _person_before(tokens, i):
            return Cue("person-home", i - 1)  # "Jane Roe of X", "John Doe, 34, of X"
        elif (
            (w in _COASTS or w in ("beach", "beaches"))
            and i + 1 < first
            and (tokens[i + 1].lower == "of" or tokens[i + 1].lower in _COMPASS)
        ):
            pass  # "off the coast of X", "for a beach west of X": the shore by X
        elif w in TRANSPARENT or t.text[:1].isupper():
            # "the border city of X", "Greater X", titles and names before a place
            if (
                w == "of"
                and i > 0
                and (
                    tokens[i - 1].lower in ("outskirts", "north", "south", "edge")
                    or (
                        tokens[i - 1].lower in _COMPASS
                        and i > 1
                        and tokens[i - 2].lower in _DISTANCE_UNITS
                        and not _apposed_distance(tokens, i - 2)
                    )
                )
            ):
                near = True  # ("a bomb went off 20 km south-east of X": by X)
        elif _describes_settlement(tokens, i, first):
            pass  # "the lakeside town of X", "the old whaling town of X"
        elif t.text.islower() and w.endswith(_GENITIVE_ENDS) and len(w) > 2:
            pass  # "at the family's X apartment": whose home, the place still where
        elif w in _APOSTROPHES and i > 0 and _plural_genitive(tokens, i):
            i -= 1  # "near his parents' X home": the owner's noun and its mark together
            skipped += 1
        elif "-" in w and w.replace("-", "").isalpha() and t.text.islower():
            pass  # "from low-lying areas of X", "to rebel-held X", "from war-torn X"
        elif near and facility < 2 and t.text[:1].isalpha() and not w.endswith("ed"):
            facility += 1
        elif w == "," and _facility_before(tokens, i):
            pass  # "to Carle Foundation Hospital, Urbana", "from Camp Ardo, N.C.": its town
        elif w == "," and i == first - 1 and i > 0 and tokens[i - 1].lower in _APPOSED_KINDS:
            pass  # "from the capital, Kampala, to Gulu": the place the kind names
        else:
            break
        i -= 1
        skipped += 1
    if not near and (i < 0 or tokens[i].lower not in CUE_WORDS) and TITLE_AFTER.match(text_after):
        return Cue("person-home", -1)  # "the U.S. President flew to X"
    if i < 0:
        return Cue("near" if near else "none", -1)
    if i == stop and not near and tokens[i].lower.endswith(("'s", "’s")):
        # "fled Myanmar's Rakhine state", "from Sudan's Darfur region": the place the
        # country's possessive stands before takes the role of the whole phrase
        j = i - 1
        while j > 0 and tokens[j].text[:1].isupper() and not tokens[j].lower.endswith("'s"):
            j -= 1
        if j >= 0 and tokens[j].lower in TO_WORDS:
            return Cue("destination", j)
        if j >= 0 and tokens[j].lower in FROM_WORDS:
            return Cue("origin", j)
        if j >= 0 and tokens[j].text.isalpha() and tokens[j].text.islower():
            return Cue("none", j)  # the verb's object: "fled A's B"
    if i == stop and tokens[i].lower not in CUE_WORDS:
        # the place before: the word right before this one governs it ("U.S. Official
        # Visits Georgia")
        return Cue("near" if near else "none", first - 1 if first - 1 > stop else -1)
    w = tokens[i].lower
    if w in TO_WORDS:
        return Cue("destination", i)
    if w in FROM_WORDS and _across_from(tokens, i):
        return Cue("near", i)  # "Juárez, across the river from El Paso": beside it, not left
    if w in FROM_WORDS:
        return Cue("origin", i)
    if w in VIA_PREPOSITIONS:
        return Cue("via", i)
    if w == "for" and _leaves_for(tokens, i):
        return Cue("destination", i)
    if (
        w in ("at", "against", "over")
        and i > 1
        and tokens[i - 1].lower == "protest"
        and tokens[i - 2].lower == "in"
    ):
        return Cue("none", -1)  # "in protest at EU rules": what is protested, not where
    if w in AT_WORDS:
        context = [t.lower for t in tokens[max(0, i - 3) : i]]
        if "from" in context and all(
            t.text[:1].islower() for t in tokens[i - context[::-1].index("from") : i]
        ):
            return Cue("origin", i)  # "from its headquarters in X"
        if _from_named_facility(tokens, i):
            return Cue("origin", i)  # "from Evin prison in X", "from the Al Amal Hospital in X"
        if (
            any(c in ARRIVAL_WORDS for c in context)
            or _arrived_at_facility(tokens, i)
            or _arrival_of(tokens, i)
        ):
            return Cue("destination", i)
        if (
            context
            and context[-1] in SPELL
            and "after" in (t.lower for t in tokens[max(0, i - 5) : i])
        ) or _spell_of(tokens, i):
            return Cue("origin", i)  # "returned home after six years in X": where they were
        if any(c in VIA_WORDS for c in context) or _stopping_on_the_way(tokens, i):
            return Cue("via", i)
        if _stay_before_leaving(tokens, i, first):
            return Cue("origin", i)  # "spent a week in X before heading to B": where from
        if "homes" in context and not _DAMAGED.isdisjoint(
            t.lower for t in tokens[max(0, i - 5) : i]
        ):
            return Cue("location", i)  # "flooding destroyed 300 homes in X": where it struck
        if any(c in HOME_WORDS for c in context) and not _acted_after_home(context):
            return Cue("home", i)
        wider = tokens[max(0, i - 6) : i]
        for j, t in enumerate(wider):
            if t.lower in TO_WORDS and (j == 0 or wider[j - 1].lower not in _NOT_DIRECTIONAL):
                # "to a hospital in X", "to a camp at X": the facility's town ("to begin
                # work in X" is not: a verb follows that "to")
                rest = wider[j + 1 :]
                if len(rest) >= 2 and rest[0].lower == "be" and rest[1].lower.endswith("ed"):
                    # "sent to be tested at a laboratory in X", "flown to be treated in X"
                    return Cue("destination", i)
                if any(
                    x.text in (",", ";") or (x.lower in CUE_WORDS and not _facility_for(rest, k))
                    for k, x in enumerate(rest)
                ):
                    break
                nxt = rest[0] if rest else None
                if nxt is not None and (
                    (nxt.lower in FACILITY_OPENERS and not nxt.text[:1].isupper())
                    or any(x.lower in FACILITY_NOUNS for x in rest)
                ):
                    return Cue("destination", i)
                return Cue("purpose", i)  # "to join a militia in X": where they meant to go
        return Cue("near" if near else "location", i)
    if w == "on" and not near and not _EDGES.isdisjoint(x.lower for x in tokens[i + 1 : first]):
        # "derailed on the eastern edge of X", "on the outskirts of X"; "pulled out of a camp
        # on the edge of X": what they left
        out_of = next((j for j in range(i - 1, max(0, i - 5), -1) if tokens[j].lower == "of"), None)
        if out_of is not None and tokens[out_of - 1].lower == "out":
            return Cue("origin", out_of - 1)
        return Cue("near", i)
    if w == "on" and not near and i > 0 and tokens[i - 1].lower in ARRIVAL_WORDS:
        return Cue("destination", i)  # "landed on Lampedusa", "arrived on the island of Kos"
    if road_ends(tokens, i):
        return Cue("near", i)  # "on the road between A and B": on the way out of A
    if w in ("reach", "get") and i > 0 and tokens[i - 1].lower == "to" and not near:
        # "walked for three days to reach A": where the walk went
        return Cue("destination", i - 1)
    if w in ("and", "or") and not near:
        # "samples went to the UN and Ruritania": a body named before it shares its preposition
        j = i - 1
        while (
            j > stop and i - j <= 4 and (tokens[j].text[:1].isupper() or tokens[j].lower == "the")
        ):
            j -= 1
        if j > stop and road_ends(tokens, j):
            # "the road between A and B": B is the road's far end, not where it happened
            return Cue("route-end", j)
        if j > stop and any(t.text[:1].isupper() for t in tokens[j + 1 : i]):
            if tokens[j].lower in TO_WORDS:
                return Cue("destination", j)
            if tokens[j].lower in FROM_WORDS:
                return Cue("origin", j)
    if near:
        return Cue("near", i)
    return Cue("none", i)


def _arrived_at_facility(tokens: list[Token], i: int) -> bool:
    """True when "in" or "at" at ``i`` gives the town of a facility an arrival reached
    ("arrived at the transit camp in X", "landed at the military airport at X")."""
    wider = tokens[max(0, i - 6) : i]
    for j, t in enumerate(wider):
        if t.lower not in ARRIVAL_WORDS:
            continue
        rest = wider[j + 1 :]
        return (
            bool(rest)
            and rest[0].lower in AT_WORDS
            and any(x.lower in FACILITY_NOUNS for x in rest)
            and not any(x.text in (",", ";") or x.lower in TO_WORDS for x in rest)
        )
    return False


#: Words that name a military post as its first word ("Fort X", "Camp X"): general English.
_POST_WORDS = frozenset(("fort", "camp", "base"))


def _facility_before(tokens: list[Token], i: int) -> bool:
    """True when the comma at ``i`` follows a facility's name, so that the place after it is
    the facility's town or state: a facility noun right before it ("Carle Foundation
    Hospital, Urbana", "from prison, Baku") or a capitalised name of up to four words that
    holds one or opens with a post word ("Camp Ardo, N.C.", "Fort Bexley, Texas")."""
    if i > 0 and tokens[i - 1].lower in FACILITY_NOUNS:
        return True
    run = []
    for j in range(i - 1, max(-1, i - 5), -1):
        if not tokens[j].text[:1].isupper() or not tokens[j].text[:1].isalpha():
            break
        run.append(tokens[j].lower)
    return bool(run) and (run[-1] in _POST_WORDS or any(w in FACILITY_NOUNS for w in run))


#: Articles, which open a settlement's describing words and never stand among them.
_ARTICLES_BEFORE_KIND = frozenset(("the", "a", "an"))


def _describes_settlement(tokens: list[Token], i: int, first: int) -> bool:
    """True when the word at ``i`` is one of up to two describing words before a kind of
    settlement or quarter and its "of" ahead of the place at ``first`` ("the lakeside town of
    X", "a holiday resort of X", "a busy area of X"): a word, no verb form in -ed, no cue
    word; before a quarter, only after an article and no -ing form."""
    for j in (i + 1, i + 2):
        if j + 1 >= first:
            break
        quarter = tokens[j].lower in QUARTER_KINDS
        if (tokens[j].lower in SETTLEMENT_KINDS or quarter) and tokens[j + 1].lower == "of":
            words = tokens[i:j]
            if quarter and (
                i == 0
                or tokens[i - 1].lower not in _ARTICLES_BEFORE_KIND
                or any(x.lower.endswith("ing") for x in words)
            ):
                return False  # only "a busy area of X": not "flooding parts of X" (a verb's)
            return all(
                x.text.isalpha()
                and not x.lower.endswith("ed")
                and x.lower not in CUE_WORDS
                and x.lower not in _ARTICLES_BEFORE_KIND
                for x in words
            )  # (an article ends the describing words: "left the town of X" is the verb's)
    return False


#: Verbs of a stay, in the past ("spent a week in X", "lived in X for years").
_STAYED = frozenset(
    "spent stayed lived worked served studied remained rested waited sheltered".split()
)


def _stay_before_leaving(tokens: list[Token], i: int, first: int) -> bool:
    """True when the "in" at ``i`` tells a stay (a verb of :data:`_STAYED` at most three
    words before it) and "before" follows the place at ``first`` ("spent a week in X before
    heading to B", "lived in X for years before moving to B"): the place the next journey
    left."""
    if not any(t.lower in _STAYED for t in tokens[max(0, i - 4) : i]):
        return False
    j = first
    while j < len(tokens) and tokens[j].text[:1].isupper():
        j += 1  # the place's own words
    for t in tokens[j : j + 5]:
        if t.lower == "before":
            return True
        if t.text in ",;:()" or t.lower in ("and", "but", "where", "when", "while"):
            return False
    return False


def _spell_of(tokens: list[Token], i: int) -> bool:
    """True when the "in" at ``i`` ends a spell spent doing something somewhere ("after 30
    years of teaching and farming in X", "after serving in X"): where someone was before
    what follows."""
    for p in range(i - 1, max(-1, i - 12), -1):
        w = tokens[p].lower
        if w in (",", ";", ":", "(", ")"):
            return False
        if w in STAYING and p > 0 and tokens[p - 1].lower == "after" and i - p <= 3:
            return True  # "returned to B after serving in X"
        if p > i - 2:
            continue
        if w in SPELL and tokens[p + 1].lower == "of" and tokens[p + 2].lower.endswith("ing"):
            return "after" in (t.lower for t in tokens[max(0, p - 3) : p])
    return False


def _person_before(tokens: list[Token], i: int) -> bool:
    """True when "of" at ``i`` follows a person's name ("Jane Roe of", "John Doe, 34, of"):
    two capitalised words, the last no institution's or title's; or a comma after a noun
    ("the driver, of X,")."""
    j = i - 1
    if (
        j >= 3
        and tokens[j].text == ","
        and tokens[j - 1].text.isdigit()
        and tokens[j - 2].text == ","
    ):
        j -= 3
    elif j >= 1 and tokens[j].text == "," and tokens[j - 1].text.isalpha():
        return tokens[j - 1].lower not in NOT_A_SURNAME  # "the suspect, of X": an apposition
    if j == 0:
        # "Amy of Ardo will fly to B": a given name alone opening the sentence (not a word
        # that is also a title or a common word: "Dean of", "May of")
        w = tokens[0].lower
        return (
            tokens[0].text[:1].isupper()
            and w in given_names()
            and w not in STOPWORDS
            and w not in TITLES
            and w not in NOT_A_SURNAME
        )
    if j < 1:
        return False
    sur, first = tokens[j], tokens[j - 1]
    return (
        sur.text[:1].isupper()
        and sur.text.isalpha()
        and first.text[:1].isupper()
        and first.text.isalpha()
        and sur.lower not in NOT_A_SURNAME
        and first.lower not in NOT_A_SURNAME
        and first.lower not in ("the", "a", "an", "in", "at", "from", "to")
    )


_FOR_DESTINATION = frozenset(
    "left leave leaves leaving departed depart departs departing headed heading heads bound "
    "off out sail sailed sailing flight flights boarded train plane bus ship fled flee flees "
    "fleeing escaped departure departures".split()
)


#: Words that may stand with a name between a verb of leaving and "for" ("fled their home
#: in A for B", "left A or the B for C", "fled fighting in A for B"): general English.
_FOR_SKIP = frozenset(
    "the their his her its our home homes in of or and city town village villages camp camps "
    "area areas near around outside from fighting violence clashes war conflict unrest shelling "
    "persecution northern southern eastern western central capital port border coastal "
    "northeastern northwestern southeastern southwestern beach beaches shore shores coast "
    "harbour harbor rural parts part outskirts surrounding hamlets".split()
)


#: Words of a time put between a departure's place and "for" ("left A on Monday for B",
#: "leave A early next week for B"): general English.
_WHEN_WORDS = frozenset(
    "on early late last next this that morning afternoon evening night week weekend month "
    "at dawn".split()
)


#: Ways of travelling after "by" between a departure's place and "for" ("left A by bus for
#: B"): general English.
_MODES = frozenset(
    "car cars bus buses coach train rail boat boats ferry road air sea land foot plane truck "
    "lorry taxi motorbike motorcycle bicycle bike helicopter van".split()
)


def _arrival_of(tokens: list[Token], i: int) -> bool:
    """True when "in" or "at" at ``i`` follows an arrival and who arrived ("the arrival of 80
    migrants in X", "the arrival of the team at X"): where they arrived."""
    for k in range(i - 2, max(-1, i - 8), -1):
        if tokens[k].lower == "of" and k > 0 and tokens[k - 1].lower in ARRIVAL_WORDS:
            return all(t.text[:1].isalnum() for t in tokens[k + 1 : i])
    return False


def _leaves_for(tokens: list[Token], i: int) -> bool:
    """True when "for" at ``i`` names where a departure went: right after a verb of leaving
    ("headed for X") or after its object ("left Kabul for Doha", "fled Aleppo for Turkey",
    "fled their home in Aleppo for Turkey", "fled war-torn Khartoum for X")."""
    for j in range(i - 1, max(-1, i - 9), -1):
        t = tokens[j]
        if t.lower in _FOR_DESTINATION:
            return True
        if "-" in t.lower and t.lower.replace("-", "").isalpha() and t.text.islower():
            continue  # "war-torn", "rebel-held": what the place is like
        if (t.lower == "by" and j + 1 < i and tokens[j + 1].lower in _MODES) or (
            t.lower in _MODES and j > 0 and tokens[j - 1].lower == "by"
        ):
            continue  # "left A by bus for B", "left A by road for B": how it set out
        if (
            t.lower in _WHEN_WORDS
            or t.text.isdigit()
            or (t.text == "." and j > 0 and tokens[j - 1].text[:1].isupper())
        ):
            continue  # "left A on Monday for B", "leave A on Oct. 6 for B": when it set out
        if j < i - 1 and not t.text[:1].isupper() and t.lower not in _FOR_SKIP:
            return False  # only a name (or its home) may stand between the verb and "for"
    return False


@dataclass(frozen=True, slots=True)
class Mention:
    """A resolved place mention in a sentence: its tokens and its role cue."""

    toponym: Toponym
    first: int  # first token
    last: int  # last token
    start: int  # offsets into the sentence
    end: int
    cue: Cue

    @property
    def place(self) -> Place:
        assert self.toponym.place is not None
        return self.toponym.place


def precision_rank(place: Place) -> int:
    """0 for a city (or a street, placed at its town), 1 for a district or a facility (at
    the place it is named after), then province, region, country: lower is more specific."""
    return _RANKS.get(place.feature_type, 5)


_RANKS = {
    "street": 0,
    "facility": 1,
    "city": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "country": 4,
}


def contains(outer: Place, inner: Place) -> bool:
    """True when ``outer`` is a country or province that holds ``inner`` ("Kabul,
    Afghanistan"; "Springfield, Illinois")."""
    if outer.gazetteer_id == inner.gazetteer_id or precision_rank(outer) <= precision_rank(inner):
        return False
    if not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.feature_type == "country":
        return True
    return bool(inner.admin1) and (inner.admin1 or "").lower() == outer.name.lower()


def drop_containers(mentions: list[Mention]) -> list[Mention]:
    """Leave out a country or province named right after a place it holds."""
    out: list[Mention] = []
    for m in mentions:
        if out and contains(m.place, out[-1].place) and m.first - out[-1].last <= 2:
            continue
        out.append(m)
    return out


def town_near_country(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """``mentions`` where a country that is an endpoint and is followed at once by "near" or
    "outside" and a town in it ("crossed from A into Poland near Kuźnica", "fled into Chad
    near Adré") gives its role to that town, the finer place of the same endpoint."""
    out: list[Mention] = []
    skip = False
    for k, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.cue.role in ("destination", "origin")
            and m.place.feature_type == "country"
            and nxt.first == m.last + 2
            and tokens[m.last + 1].lower in ("near", "outside")
            and nxt.place.feature_type == "city"
            and nxt.place.country_code == m.place.country_code
        ):
            out.append(replace(nxt, cue=m.cue))
            skip = True
            continue
        out.append(m)
    return out
