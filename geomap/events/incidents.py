"""Where an incident happened: the most specific place the sentence gives for its trigger.

A place after the trigger in a locative role ("arrested in X", "shelled X", "fled to X")
comes first; then one before it in its clause ("a man in X was arrested", "X police
arrested"). A city wins over the country or province around it. A country or province is
an incident's place only when the text puts the event in it ("in China"), never because it
is the actor ("Russia said") or a home ("a Texas man"). Coordinated places ("protests in A
and B") are each a place of the event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geopy.distance import great_circle

from geomap.events.clauses import Token
from geomap.events.roles import (
    FACILITY_NOUNS,
    Mention,
    contains,
    drop_containers,
    precision_rank,
)
from geomap.events.triggers import MOTION_WORDS
from geomap.model import Incident, Place, Toponym
from geomap.names.lexicon.demonyms import DEMONYMS
from geomap.names.lexicon.place_words import FACILITY_SUFFIXES, GEO_MODIFIERS

# roles after the trigger, best first: where it happened; for a movement, where it went
_AFTER = ("location", "near", "purpose", "object", "destination", "via")
_AFTER_MOTION = ("destination", "via", "location", "near", "object")
# an evacuation is placed at what was evacuated
_AFTER_EVACUATION = ("origin", "object", "people-of", "location", "near")
_LOCATIVE = frozenset(("location", "near", "purpose", "object", "destination", "via"))


@dataclass(frozen=True, slots=True)
class Located:
    """An incident's place: the mention, and whether it is only around it ("near X")."""

    mention: Mention
    near: bool


def locate(
    index: int,
    after: list[Mention],
    before: list[Mention],
    sentence: list[Mention] | None,
    motion: bool = False,
    evacuation: bool = False,
    noun: bool = False,
    abduction: bool = False,
    march: bool = False,
    tokens: list[Token] | None = None,
) -> list[Located]:
    """The places of the incident whose trigger is token ``index``: ``after`` are the
    mentions between it and the next trigger, ``before`` those before it in its clause;
    ``sentence`` the sentence's other mentions that may stand for the place when it reports
    this one event only (the caller's choice; only cities among them do); ``motion`` for a
    movement's incident (where it went comes first), ``evacuation`` for an evacuation
    (placed at what was evacuated), ``noun`` for a trigger that is a noun ("the quake"),
    ``abduction`` for one taken away (where from is where it happened), ``march`` for a
    protest march (a route's start is where it set off); ``tokens`` the sentence's words.

    A route told after the trigger ("a ferry sailing from A to B", "a convoy travelling from
    A to B") ends where the vehicle was going, not where the event happened: B is no place
    of the event (nor any town of the sentence standing in for it); a march from A to B is
    placed where it set off, A. An evacuation keeps its own reading (what was evacuated)."""
    roles = []
    for m in after:
        role = m.cue.role
        if role == "none" and m.cue.governor == index:
            role = "object"  # "shelled Kharkiv"
        if role == "people-of":
            role = "people-of"
        roles.append((m, role))
    told = route(tokens, after) if tokens is not None and not evacuation else None
    if told is not None and march:
        return _most_specific([told[0]], "origin", [m for m, _ in roles] + before)
    routed = told is not None and bool(told[1])
    if told is not None and routed and not motion:
        roles = [(m, "route-end" if any(m is e for e in told[1]) else r) for m, r in roles]
    order = _AFTER_EVACUATION if evacuation else _AFTER_MOTION if motion else _AFTER
    if abduction:
        order = (*order, "origin")  # "abducted a woman from a mall in X"
    for wanted in order:
        found = [m for m, r in roles if r == wanted]
        if wanted == "location" and found and not motion:
            # "near Hebron in the West Bank": the town near which it happened, rather than
            # the region it is in (not "in A, 160 km south of B")
            best = min(precision_rank(m.place) for m in found)
            # ("near the A bypass in B district": the town before a district, however the
            # district was resolved)
            districts = best < 2 and all(_district(m) for m in found)
            finer = [
                m
                for m, r in roles
                if r == "near"
                and (
                    m.place.feature_type == "city" and m.first < min(f.first for f in found)
                    if districts
                    else precision_rank(m.place) < best
                )
            ]
            if (best >= 2 or districts) and finer:
                found = finer
                wanted = "near"
        if found:
            return _most_specific(found, wanted, [m for m, _ in roles] + before)
    # before the trigger: "a man in X was arrested", "X police arrested", "Near X, ..."
    wanted_before = (
        ("location", "near", "people-of", "none") if evacuation else ("location", "near")
    )
    located = [m for m in before if m.cue.role in wanted_before and not _speaking(tokens, m)]
    if located:
        return _most_specific(located, "location", before + after)
    if noun and not motion:
        # the town the verb of an incident noun acts on: "a quake shook X", "flooding has
        # submerged parts of X"
        objects = [
            m
            for m, r in roles
            if r == "none" and m.cue.governor > index and precision_rank(m.place) <= 1
        ]
        if objects:
            return _most_specific(objects, "location", [m for m, _ in roles] + before)
    if not sentence or (routed and not motion):
        return []
    cities = [m for m in sentence if m.place.feature_type == "city" and not _speaking(tokens, m)]
    if cities:
        return [Located(cities[0], False)]
    return []


#: Verbs a capital speaks by for its government ("Moscow says", "Beijing denied"): English.
_SPEAKING_VERBS = frozenset(
    "says said claims claimed insists insisted denies denied maintains maintained argues "
    "argued accuses accused rejects rejected".split()
)


def _speaking(tokens: list[Token] | None, m: Mention) -> bool:
    """True when the mention ``m`` is the subject of a verb of saying right after it
    ("Moscow says the children were evacuated"): a government named by its seat, the
    speaker, not where anything happened."""
    return (
        tokens is not None
        and m.last + 1 < len(tokens)
        and tokens[m.last + 1].lower in _SPEAKING_VERBS
        and m.cue.role in ("none", "possessive")
    )


def _district(m: Mention) -> bool:
    """True when ``m`` is a district: resolved as one, or written as one ("B district")."""
    return m.place.feature_type == "admin2" or m.toponym.kind_hint == "admin2"


def route(tokens: list[Token], after: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """A journey's route told in ``after``: an origin that a motion word takes ("a ferry
    sailing from A", "a march from A") with a "to" after it in the clause, and the mentions
    that end it, in the "to" phrase ("to B", "to the prison in B"); not a place told after the
    end ("to B near C": where the event was), nor a range of places ("in states from A to B")."""
    for o in after:
        if not (
            o.cue.role == "origin"
            and o.first >= 2
            and tokens[o.first - 1].lower == "from"
            and tokens[o.first - 2].lower in MOTION_WORDS
        ):
            continue
        rest = [t.lower for t in tokens[o.last + 1 :]]
        clause = rest[: min(rest.index(p) if p in rest else len(rest) for p in (",", ";", "."))]
        if "to" not in clause:
            continue
        to = o.last + 1 + clause.index("to")
        ends = [
            m
            for m in after
            if m.first > to
            and m.first <= o.last + len(clause)
            and m.cue.role != "near"
            and not any(to < n.first < m.first for n in after)
        ]
        return o, ends
    return None


def _most_specific(found: list[Mention], role: str, others: list[Mention]) -> list[Located]:
    """The most specific of the places found (all of them when several equally specific ones
    are named together), a city in the sentence standing for the country that holds it."""
    found = drop_containers(found)
    best = min(precision_rank(m.place) for m in found)
    if best >= 2:
        # "disappeared in China" after "officials in Shenyang": the city named with it wins
        inner = [
            o
            for o in others
            if precision_rank(o.place) < best
            and any(contains(m.place, o.place) for m in found)
            and o.cue.role in _LOCATIVE
        ]
        if inner:
            return [Located(inner[0], inner[0].cue.role == "near")]
    chosen = [m for m in found if precision_rank(m.place) == best]
    seen: set[str] = set()
    out = []
    for m in chosen:
        if m.place.gazetteer_id in seen:
            continue
        seen.add(m.place.gazetteer_id)
        out.append(Located(m, role == "near" or m.cue.role == "near"))
    return out[:4]


def nested_places(tokens: list[Token], located: list[Located]) -> list[Located]:
    """``located`` without a place that only says where the one before it lies ("at A
    Elementary School in southwest B", "in A in northern B"): a place after "in" (and a
    direction) that follows another of the event's places in the same phrase, not coordinated
    with it ("in A and in B" keeps both)."""
    if len(located) < 2:
        return located
    firsts = sorted(loc.mention.first for loc in located)
    by_first = {loc.mention.first: loc.mention for loc in located}
    dropped: set[int] = set()
    for loc in located:
        m = loc.mention
        j = m.first - 1
        while j >= 0 and tokens[j].lower in GEO_MODIFIERS:
            j -= 1
        earlier = [f for f in firsts if f < m.first]
        if (
            j > 0
            and j < m.first
            and tokens[j].lower == "in"
            and earlier
            and not any(
                x.text in ",;" or x.lower in ("and", "or", "but") for x in tokens[earlier[-1] : j]
            )
        ):
            inner = by_first[earlier[-1]]
            if precision_rank(m.place) == 0 and not _lies_in_town(inner.place, m.place):
                # "a rally at Queen's Park in Toronto" with the park read as a namesake in
                # another country: the town the phrase names is where it was
                dropped.add(inner.first)
            else:
                dropped.add(m.first)
    return [loc for loc in located if loc.mention.first not in dropped]


def _lies_in_town(inner: Place, town: Place) -> bool:
    """True when ``inner`` may be a part of ``town``: in its country, within a town's width."""
    return (
        inner.country_code == town.country_code
        and great_circle((inner.lat, inner.lon), (town.lat, town.lon)).km <= _TOWN_KM
    )


#: Verbs by which a disaster reaches a place ("flooding has hit X", "the quake struck X"):
#: general English.
_STRUCK = frozenset(
    "hit hits struck strikes affected affects devastated ravaged battered swept inundated "
    "swamped shook rocked".split()
)
_STRUCK_GAP = frozenset("has have had also now already again further".split())
#: Words of a disaster's measure between its noun and its verb ("of magnitude 7.8",
#: "measuring 6.1 on the Richter scale").
_MEASURE_WORDS = frozenset("of magnitude measuring on the richter scale preliminary".split())


def _measure_word(t: Token) -> bool:
    """True for a word or a number of a measure told after a disaster noun."""
    return t.lower in _MEASURE_WORDS or t.lower.replace(".", "", 1).isdigit()


def struck_places(tokens: list[Token], index: int, after: list[Mention]) -> list[Located]:
    """The places a disaster noun at token ``index`` is said to have hit, whatever their
    size ("flooding has also hit A, B and C", "an earthquake struck A"): the places with no
    preposition of their own after a verb of :data:`_STRUCK` that follows the noun."""
    j = index + 1
    while (
        j < len(tokens)
        and j - index <= 8
        and (tokens[j].lower in _STRUCK_GAP or _measure_word(tokens[j]))
    ):
        j += 1  # ("an earthquake of magnitude 7.8 struck A", "a quake measuring 6.1 hit A")
    if j >= len(tokens) or tokens[j].lower not in _STRUCK:
        return []
    hit = drop_containers([m for m in after if m.cue.role == "none" and m.first > j])
    if not hit:
        return []
    best = min(precision_rank(m.place) for m in hit)
    if best < 2:
        return _most_specific(hit, "location", after)
    # a list of the regions or countries it hit: each of them, however many
    seen = {m.place.gazetteer_id: m for m in hit if precision_rank(m.place) == best}
    return [Located(m, False) for m in seen.values()]


# "there" that opens a clause of being ("there were two arrests") points at no place
_THERE_BEING = frozenset(
    "is are was were be been being has have had will would may might could can seems seem"
    " seemed appears appear appeared remains remain remained 's".split()
)


def there_place(
    tokens: list[Token], mentions: list[Mention], start: int, end: int
) -> Located | None:
    """The place a locative "there" between tokens ``start`` and ``end`` (an incident's
    clause) points back at: the last place named before it in the sentence ("left the
    Dayton area before police raided a house there and arrested him" -> Dayton), the town
    rather than the state right after it ("Dayton, Ohio")."""
    for j in range(max(0, start), min(end, len(tokens))):
        if tokens[j].lower != "there":
            continue
        if j + 1 < len(tokens) and tokens[j + 1].lower in _THERE_BEING:
            continue  # "there were", "there has been"
        before = [m for m in mentions if m.last < j and m.cue.role != "dateline"]
        if not before:
            return None
        last = drop_containers(before)[-1]
        return Located(last, False)
    return None


# "the city" or "the town" after a word of place: "a district of the city", "outside the town"
_TOWN_ANAPHORS = frozenset(("city", "town"))
_TOWN_ANAPHOR_BEFORE = frozenset("in of near outside across around through".split())
# the ends of a journey under way told before "the city" ("a train travelling from A to B
# when it left the tracks east of the city"): the city is where the story is, not where the
# train was going (unlike "troops were sent to A and arrested men in the town")
_ROUTE_ENDS = frozenset(("origin", "destination", "via"))
_UNDER_WAY = frozenset("travelling traveling heading bound sailing flying running going".split())


def _route_under_way(tokens: list[Token], m: Mention) -> bool:
    """True when ``m`` is an end of a journey under way ("travelling from A to B"): its
    preposition follows, within five words, a word of :data:`_UNDER_WAY`."""
    g = m.cue.governor
    if m.cue.role not in _ROUTE_ENDS or not 0 <= g < len(tokens):
        return False
    for j in range(g, max(-1, g - 6), -1):
        if tokens[j].lower in _UNDER_WAY:
            return True
        if tokens[j].text in ",;:":
            return False
    return False


# words after a name that make it no town ("the Barak river", "the Kent county line")
_NOT_A_TOWN_AFTER = frozenset(
    "river rivers lake sea valley mountains mountain hills dam creek bay county district "
    "province region state".split()
)


def the_town(tokens: list[Token], mentions: list[Mention], index: int, end: int) -> Located | None:
    """The town "the city" or "the town" right after an event's word points back at ("was
    held in a western district of the city after a chase that began in X": the city
    before the event in the sentence, or its dateline, not the end of a journey told there),
    when no place is named between the event's word and it (not "the city of X", where X is
    named)."""
    for j in range(index + 1, min(end, len(tokens) - 1)):
        if any(m.first <= j <= m.last for m in mentions):
            return None  # a place named first is the event's own
        if (
            tokens[j].lower in _TOWN_ANAPHORS
            and tokens[j - 1].lower == "the"
            and j >= 2
            and tokens[j - 2].lower in _TOWN_ANAPHOR_BEFORE
        ):
            if tokens[j + 1].lower == "of":
                return None  # "the city of X"
            towns = [
                m
                for m in mentions
                if m.last < index
                and m.place.feature_type == "city"
                and not _route_under_way(tokens, m)
                and not (m.last + 1 < len(tokens) and tokens[m.last + 1].lower in _NOT_A_TOWN_AFTER)
            ]
            return Located(towns[-1], False) if towns else None
    return None


# a vehicle is named like a town ("a 2006 Mercury", "the Durango"); the few towns that take
# "the" keep it
_THE_TOWNS = frozenset("bronx hague dalles woodlands villages colony pas".split())
_VEHICLE_DETERMINERS = frozenset("the a an his her their its".split())
# what follows a vehicle's name in a report and never a town's: a verb of its own
_VEHICLE_VERBS = frozenset(
    "was were is are has had have struck hit ran went came left drove rolled flipped veered"
    " swerved spun sped slid overturned".split()
)


def vehicle(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` names a vehicle, not a town: a model year before it ("a 2006
    Mercury", "his 1998 Lincoln"), or a determiner before it and a verb or the clause's end
    after it ("a bullet from the Durango hit a wall", "the Lincoln stood in a ditch") —
    not "the Durango area", "a Lancaster man", "in the Bronx"."""
    if m.place.feature_type != "city" or m.first == 0:
        return False
    prev = tokens[m.first - 1]
    if len(prev.text) == 4 and prev.text.isdigit() and prev.text[:2] in ("19", "20"):
        return m.first >= 2 and tokens[m.first - 2].lower in _VEHICLE_DETERMINERS
    if prev.lower not in _VEHICLE_DETERMINERS:
        return False
    if tokens[m.last].lower in _THE_TOWNS:
        return False
    if m.last + 1 >= len(tokens):
        return prev.lower != "the"
    nxt = tokens[m.last + 1]
    if nxt.text in (",", ";", ":", ".", ")") or nxt.text == "":
        return False  # "in the Bronx, police said" is too often a town to tell
    return nxt.lower in _VEHICLE_VERBS or (
        nxt.text.islower() and nxt.lower.endswith("ed") and len(nxt.lower) > 4
    )


# how many other places a report must name, and what share of them one country must hold,
# before a town alone in another country reads as a namesake
_NAMESAKE_MIN_OTHERS = 3
_NAMESAKE_SHARE = 0.6


def lone_namesake(place: Place, written: str, toponyms: Sequence[Toponym]) -> bool:
    """True when ``place`` (a town or region, written ``written``) lies in a country that no
    other place of the report lies in, while most of the report's other places lie in one
    other country: a word read as a foreign namesake ("Colony" of a Texas town's name as a
    town in Micronesia, "Berlin" in a Connecticut report as Germany's capital) rather than a
    place the report tells of. A country named by itself is never one."""
    if place.feature_type == "country" or not place.country_code:
        return False
    others = Counter(
        t.place.country_code
        for t in toponyms
        if t.place is not None and t.span.text != written and t.place.country_code
    )
    total = sum(others.values())
    if total < _NAMESAKE_MIN_OTHERS or others.get(place.country_code, 0):
        return False
    (_, lead), *_ = others.most_common(1)
    return lead >= _NAMESAKE_SHARE * total


# "the Ethiopian town of X", "Sudan's border town of X", "the Syrian city X"
_COUNTRY_TOWN = re.compile(
    r"\b(?P<country>[A-Z][\w'’-]+?)(?:['’]s)?(?: [a-z-]+){0,2} (?:town|city|village|port|"
    r"district|province|region)(?: of)? $"
)


def country_told_before(place: Place, written: str, text: str) -> bool:
    """True when the report puts ``place`` (written ``written``) in its country right before
    naming it ("the Ethiopian town of Mēga", "Kenya's border town of Moyale"): no namesake,
    however few other places lie in that country."""
    for m in re.finditer(re.escape(written), text):
        before = _COUNTRY_TOWN.search(text[max(0, m.start() - 60) : m.start()])
        if before is None:
            continue
        word = before["country"].lower()
        told = DEMONYMS.get(word)
        code = told[0] if told else _COUNTRY_CODES.get(word)
        if code is not None and code == place.country_code:
            return True
    return False


# the countries the demonyms name, by name: "Kenya's border town of X"
_COUNTRY_CODES = {name.lower(): code for code, name in DEMONYMS.values()}


def out_of_state_namesake(place: Place, written: str, toponyms: Sequence[Toponym]) -> bool:
    """True when ``place`` is a US town, named once, in a state the report names nowhere else
    (no place in it, not the state itself), while the report's other US places (two names
    at least) lie, all or nearly all, in one other state: a word read as a town elsewhere
    ("Springfield" in a story whose other places are in Ohio read as Illinois' capital)."""
    if place.country_code != "US" or place.feature_type != "city" or not place.admin1:
        return False
    if sum(t.span.text == written for t in toponyms) > 1:
        return False  # a town the report names again is the one it is about
    named = {
        (t.span.text, _state(t.place))
        for t in toponyms
        if t.place is not None
        and t.span.text != written
        and t.place.country_code == "US"
        and t.place.feature_type in ("city", "admin2", "admin1")
        and _state(t.place)
    }
    states = Counter(state for _, state in named)
    if len(named) < 2 or place.admin1 in states:
        return False
    # (most of them: one other name misread elsewhere, "Flint Hill Fire Department" read as a
    # Virginia town, does not make the report a two-state one)
    (_, lead), *_ = states.most_common(1)
    return lead >= _STATE_SHARE * len(named)


#: The share of a report's other US place names that one state must hold for a town named
#: once in another state to be read as a namesake (:func:`out_of_state_namesake`).
_STATE_SHARE = 0.7


def _state(place: Place) -> str | None:
    """The US state a place lies in, or is."""
    return place.name if place.feature_type == "admin1" else place.admin1


# a town's quarter named by a compass point ("the North Side", "West End", "Southside"): a
# part of the town the report is about, never a town of its own
_QUARTER = re.compile(
    r"^(?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest)[ -]?"
    r"(?:Side|End|side)|(?:North|South|East|West)\s+(?:Central|Sides?))$"
)


def quarter(m: Mention) -> bool:
    """True when mention ``m`` is a town's quarter named by a compass point ("a shooting on
    the North Side", "the West Side of Charleston"), which a gazetteer reads as some town or
    district of that name elsewhere."""
    return _QUARTER.match(m.toponym.span.text) is not None


def without_quarters(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """``mentions`` without a town's compass quarters (:func:`quarter`); the town a quarter
    is said to be "of" takes its role ("shot on the North Side of Dayton": Dayton)."""
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        if not quarter(m):
            out.append(m)
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.first == m.last + 2
            and tokens[m.last + 1].lower == "of"
            and not quarter(nxt)
        ):
            # "on the North Side of X" reads as on a street: where it happened
            role = "location" if m.cue.role == "none" else m.cue.role
            mentions[k + 1] = replace(nxt, cue=replace(m.cue, role=role))
    return out


# "the X neighborhood of Y": X is a part of the town Y
_PART_OF_TOWN = frozenset(
    "neighborhood neighbourhood neighborhoods section district quarter suburb area".split()
)
# how far a town's part may lie from its town's point
_TOWN_KM = 25.0
# a word of a name: capitalised, or a particle joined to one ("al-Tabbaneh", "el-Nour")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|at|an|ash|az|ul|ed|es)-[A-Z][\w'’-]*)$"
)


def parts_of_towns(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """``mentions`` where a place named as a part of a town ("in the Hyde Park neighborhood
    of Chicago", "the Kensington district of London") that lies farther from that town
    than a town's width is left out, the town taking its role: the name was read as a
    namesake elsewhere. A part that lies in its town stays, the finer place."""
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        # the part's name may run on past what was read as a place ("the Bab al-Tabbaneh
        # district of Tripoli": "Bab" alone read as a town elsewhere)
        tail = 0
        while (
            tail < 2
            and m.last + 1 + tail < len(tokens)
            and _NAME_WORD.match(tokens[m.last + 1 + tail].text)
            and tokens[m.last + 1 + tail].lower not in _PART_OF_TOWN
        ):
            tail += 1
        if (
            nxt is not None
            and nxt.first == m.last + 3 + tail
            and tokens[m.last + 1 + tail].lower in _PART_OF_TOWN
            and tokens[m.last + 2 + tail].lower == "of"
            and precision_rank(nxt.place) == 0
            and (
                m.place.country_code != nxt.place.country_code
                or great_circle((m.place.lat, m.place.lon), (nxt.place.lat, nxt.place.lon)).km
                > _TOWN_KM
            )
        ):
            role = "location" if m.cue.role == "none" else m.cue.role
            mentions[k + 1] = replace(nxt, cue=replace(m.cue, role=role))
            continue
        if _far_neighbourhood(m, mentions, tokens):
            continue  # "Sept. 3, Brandt: shots in the Oak Hill neighbourhood": Brandt's
        if (
            nxt is not None
            and nxt.first == m.last + 3
            and tokens[m.last + 1].text == ","
            and tokens[m.last + 2].lower in ("outside", "near")
            and precision_rank(nxt.place) == 0
            and (
                m.place.country_code != nxt.place.country_code
                or great_circle((m.place.lat, m.place.lon), (nxt.place.lat, nxt.place.lon)).km
                > 2 * _TOWN_KM
            )
        ):
            # "from the camp at Lipa, outside Brandt": a hamlet read as a namesake far away;
            # the town it lies by takes its role
            mentions[k + 1] = replace(nxt, cue=m.cue)
            continue
        out.append(m)
    return out


def facilities_named_for_places(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """``mentions`` without a place that names a facility in another town ("to the Viedma
    hospital in Cochabamba", "at the Kenyatta hospital in Kisumu"): a name, a facility noun,
    "in" or "at" and the town, which takes the name's role."""
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.first == m.last + 3
            and tokens[m.last + 1].lower in FACILITY_NOUNS
            and tokens[m.last + 2].lower in ("in", "at")
            and precision_rank(nxt.place) == 0
            and m.place.gazetteer_id != nxt.place.gazetteer_id
        ):
            if m.cue.role != "none":
                mentions[k + 1] = replace(nxt, cue=m.cue)
            continue
        out.append(m)
    return out


# a town's part named without its town: "in the Oak Hill neighbourhood"
_NEIGHBOURHOOD = frozenset("neighborhood neighbourhood quarter suburb".split())


def _far_neighbourhood(m: Mention, mentions: list[Mention], tokens: list[Token]) -> bool:
    """True when ``m`` names "the X neighbourhood" with no town after it, while another
    town of the sentence lies farther than a town's width from it: the name was read as a
    namesake elsewhere, and the part is of that town."""
    if not (
        m.last + 1 < len(tokens)
        and tokens[m.last + 1].lower in _NEIGHBOURHOOD
        and m.first > 0
        and tokens[m.first - 1].lower == "the"
        and not (m.last + 2 < len(tokens) and tokens[m.last + 2].lower == "of")
    ):
        return False
    return any(
        o is not m
        and precision_rank(o.place) == 0
        and (
            o.place.country_code != m.place.country_code
            or great_circle((m.place.lat, m.place.lon), (o.place.lat, o.place.lon)).km > _TOWN_KM
        )
        for o in mentions
    )


_POSSESSIVE_ENDS = ("'s", "’s")
# words between a possessive country and the place it holds: "Pakistan's northwestern city
# of Peshawar", "Nigeria's Borno state"
_HELD_GAP = 4


def possessed_places(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """``mentions`` where a place named after a country's or region's possessive that holds
    it takes the holder's role ("killed in Afghanistan's Helmand province": Helmand is where,
    as much as Afghanistan), so that the finer place is the event's."""
    out = list(mentions)
    for k, a in enumerate(out[:-1]):
        if not tokens[a.last].text.endswith(_POSSESSIVE_ENDS) or a.cue.role in (
            "none",
            "possessive",
        ):
            continue  # ("fled A's B": the holder's cue tells nothing; B keeps the verb's)
        b = out[k + 1]
        if b.first - a.last <= _HELD_GAP and contains(a.place, b.place):
            out[k + 1] = replace(b, cue=a.cue)
            # "in China's Guangdong and Guangxi provinces": each place joined to the first
            for j in range(k + 2, len(out)):
                c, prev = out[j], out[j - 1]
                joined = {x.lower for x in tokens[prev.last + 1 : c.first]}
                if c.cue != b.cue or not joined or not joined <= {",", "and"}:
                    break
                if not contains(a.place, c.place):
                    break
                out[j] = replace(c, cue=a.cue)
    return out


# "Elm and Oak streets": names joined by "and" before a plural street word
_STREET_WORDS = "|".join(
    w + "s"
    for w in FACILITY_SUFFIXES
    if w in ("street", "road", "avenue", "lane", "drive", "boulevard")
)
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?"
_STREETS_AFTER = re.compile(
    rf"(?P<more>(?:[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?{_NAME})*)[ \t]+(?:{_STREET_WORDS})\b",
)
_JOINED_BEFORE = re.compile(r"(?:,|\band|&)[ \t]*$")


def street_pair(text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` is one of the streets named together before
    a plural street word ("near Marion and Warren avenues", "at Salem and Elm streets",
    "Fernhill, Preston and Clayton roads"), not the town a gazetteer holds by that name."""
    m = _STREETS_AFTER.match(text, end)
    if m is None or m.end() - end > 120:
        return False
    return (
        bool(m["more"].strip()) or _JOINED_BEFORE.search(text, max(0, start - 6), start) is not None
    )


#: A number right after a state's name: the state's highway ("off Louisiana 108", "on Ohio
#: 48"), as US local news names them (not "Ohio 4-H", "Texas 2024").
_ROUTE_NUMBER = re.compile(r"[ \t]+\d{1,3}\b(?![-–%/])")


def state_route(place: Place, text: str, end: int) -> bool:
    """True when the state named at ``text[...:end]`` is only the name of one of its
    highways ("a plant off Louisiana 108"), not the state where something happened."""
    return place.feature_type == "admin1" and _ROUTE_NUMBER.match(text, end) is not None


#: A house of worship named after saints, up to the last saint's name ("the church of St.
#: Charles and St. ", "the Cathedral of Saint "): general English.
_DEDICATED_TO = re.compile(
    r"\b(?:church|churches|chapel|cathedral|basilica|abbey|monastery|convent|parish|shrine) "
    r"of (?:(?:st\.?|saint|ste\.?) [A-Z][\w'’.-]*(?: [A-Z][\w'’-]*)? (?:and|&) )*$",
    re.I,
)
_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?) ", re.I)


def dedication(text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` is a saint a church is named after ("the
    church of St. Charles and St. Joseph", "the Cathedral of Saint Paul"), not the town a
    gazetteer holds by that name."""
    return (
        _SAINT.match(text, start, end) is not None
        and _DEDICATED_TO.search(text, max(0, start - 80), start) is not None
    )


#: A report that calls its shooting an accident ("a hunting accident", "no foul play is
#: suspected", "the gun discharged accidentally"): general English.
_ACCIDENT_TOLD = re.compile(
    r"\b(?:hunting|firearms?|gun) (?:accident|mishap)s?\b|\bno foul play\b"
    r"|\baccidental(?:ly)? (?:shooting|discharge|gunshot)|\bdischarged accidentally\b"
    r"|\bshot (?:himself|herself|themselves) (?:by accident|accidentally)\b",
    re.I,
)
_SHOOTING = re.compile(r"\b(?:shooting|shot|shots|gunshot|gunfire)\b", re.I)
_OTHER_VIOLENCE = re.compile(
    r"\b(?:gunm[ae]n|murder\w*|homicide|stabb\w*|robbery|attack\w*|assault\w*|bomb\w*)\b",
    re.I,
)


def accidental_shooting(inc: Incident, text: str) -> bool:
    """True when ``inc`` is an attack told only by a shooting word in a report that calls
    its shooting an accident (a hunting accident, "no foul play is suspected"): no one's
    deliberate violence."""
    if inc.event_type != "attack" or _ACCIDENT_TOLD.search(text) is None:
        return False
    quote = inc.quote.text
    return _SHOOTING.search(quote) is not None and _OTHER_VIOLENCE.search(quote) is None


def circumstance(tokens: list[Token], index: int) -> bool:
    """True when the word at token ``index`` opens a "while" clause of what the hurt were
    doing when it happened ("was hit by a van while jogging in X", "shot while driving
    through X", "attacked while jogging in a park"), or where they were ("was beaten while in
    the county jail in X", "stabbed while at a party in X"): the place it names is the
    event's too."""
    return (
        0 < index < len(tokens)
        and (tokens[index].lower.endswith("ing") or tokens[index].lower in _WHILE_AT)
        and tokens[index - 1].lower == "while"
    )


#: Prepositions of where someone was that open a verbless "while" clause ("while in custody").
_WHILE_AT = frozenset("in at on inside aboard outside near".split())


def speaker_start(tokens: list[Token], first: int, attribution: int, triggers: list[int]) -> int:
    """Where the trailing attribution that ends at token ``attribution`` ("said") begins:
    after the last comma between the first trigger (token ``first``) and it, when no trigger
    stands between ("..., officials in Kandahar said": its places are the speakers'), else
    at the attribution word itself."""
    comma = next(
        (j for j in range(attribution - 1, first, -1) if tokens[j].text in (",", ";", "—", "–")),
        None,
    )
    if comma is None or any(comma < i < attribution for i in triggers):
        return attribution
    return comma


def after_clause_place(
    tokens: list[Token], mentions: list[Mention], clause_end: int, scope_ends: list[int]
) -> list[Located]:
    """The place an "after" clause right behind an event names in a location role ("were
    arrested Tuesday after deputies seized a lab near X" -> near X), for an event whose own
    clause names none."""
    if clause_end >= len(tokens) or tokens[clause_end].lower != "after":
        return []
    end = next((i for i in scope_ends if i > clause_end), len(tokens))
    later = [
        m for m in mentions if clause_end < m.first < end and m.cue.role in ("location", "near")
    ]
    if not later:
        return []
    return [Located(later[0], later[0].cue.role == "near")]


def denied_by_its_state(place: Place, written: str, text: str, toponyms: Sequence[Toponym]) -> bool:
    """True when the report writes the name of ``place`` (as ``written``) followed by a comma
    and a state or country that does not hold it ("BELGRADE, Minn." read as Serbia's
    Belgrade): the text says which namesake it is, and this is not the one."""
    if place.feature_type == "country":
        return False  # no country lies in another: "Mali, Benin, Togo" is a list
    key = written.casefold()
    ordered = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.span.text.casefold() != key or b.place is None:
            continue
        if text[a.span.end : b.span.start].strip() != ",":
            continue
        if b.place.feature_type not in ("admin1", "country"):
            continue
        if re.match(r"\s*,?\s*(?:and|or)\b", text[b.span.end : b.span.end + 8]):
            continue  # "Sharon, Cornwall and Salisbury": a list of towns
        if b.place.country_code != place.country_code:
            return True
        # a US state after a comma is the dateline's convention ("PARIS, Tenn."); elsewhere
        # the unit after a comma is as often a county or district ("Bala, Gwynedd")
        if (
            place.country_code == "US"
            and b.place.feature_type == "admin1"
            and place.admin1
            and place.admin1.casefold() != b.place.name.casefold()
        ):
            return True
    return False


#: A people, not a place: a name right before one of these words ("the Samburu tribe",
#: "Masai tribesmen", "the Ndebele clan") names an ethnic group, whatever land bears the name.
_PEOPLE_AFTER = re.compile(r"[ \t]+(?:tribe|tribes|tribal|tribesm[ae]n|clan|clans|clansm[ae]n)\b")


def tribe_name(text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` names a tribe or clan ("attacked the Samburu
    tribe", "Turkana tribesmen"), not the county or region a gazetteer holds by that name."""
    return _PEOPLE_AFTER.match(text, end) is not None


#: A sentence that calls the account of its event false: the accuser lied or took it back
#: ("falsely accused him of assault", "a false report of a stabbing", "recanted her story"):
#: general English. The guideline leaves out accounts the report says are disproved.
_DISPROVED = re.compile(
    r"\bfalsely[ \t]+(?:accus\w*|report\w*)"
    r"|\bfalse[ \t]+(?:\w+[ \t]+)?(?:accusations?|reports?|allegations?)\b"
    r"|\brecant\w*"
    r"|\b(?:fabricated|made[ \t]+up)[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+|their[ \t]+)?"
    r"(?:story|account|report|claim|attack|assault|kidnapping|abduction)\b",
    re.I,
)


def disproved(inc: Incident) -> bool:
    """True when the sentence of ``inc`` says the account of its event was false or taken
    back ("was fined for falsely reporting a robbery", "after recanting her story of an
    assault"): no event happened. An arrest stays ("was arrested for falsely reporting a
    fire": the arrest is real)."""
    return inc.event_type != "arrest" and _DISPROVED.search(inc.quote.text) is not None


#: An escape from harm, not a flight: "escaped unhurt", "escaped with minor injuries",
#: "escaped the blaze" (general English; a flight has somewhere it left or went to).
_UNHURT_ESCAPE = re.compile(
    r"\bescap(?:ed|es|ing)[ \t]+(?:"
    r"(?:unhurt|unharmed|uninjured|unscathed|alive|injury|serious[ \t]+injury|death)\b"
    r"|with(?:out)?[ \t]+(?:(?:only|minor|serious|slight|any)[ \t]+)?"
    r"(?:injur\w*|cuts|bruises|burns|scratches)\b"
    r"|(?:the|a)[ \t]+(?:(?:burning|blazing)[ \t]+\w+|fire|blaze|flames|wreck\w*|crash|explosion"
    r"|collapse|flood\w*)\b)",
    re.I,
)
#: "escaped" with nothing after it but the end of its clause ("Her son escaped.").
_BARE_ESCAPE = re.compile(r"\bescap(?:ed|es)[ \t]*(?:[.,;!]|$)", re.I)
_FLEEING = re.compile(r"\b(?:fle[de]\w*|flee\w*|defect\w*)\b", re.I)
#: People put out of their homes: "were displaced", "displaced tenants".
_DISPLACED = re.compile(
    r"\b(?:was|were|been|are|is|be|left)[ \t]+displaced\b"
    r"|\bdisplaced[ \t]+(?:residents|families|tenants|occupants)\b",
    re.I,
)
#: A fire or blast that leaves a building's people without a home, not in flight.
_BURNING = frozenset(("fire", "explosion"))
#: Incidents a person escapes from where they are, without going anywhere.
_DANGERS = frozenset("fire explosion crash collision derailment flood earthquake landslide".split())


def survived_escape(inc: Incident, others: Sequence[Incident]) -> bool:
    """True when flight ``inc`` is someone escaping harm, not fleeing somewhere: "escaped
    unhurt", "escaped the blaze", or a bare "escaped" after a fire, crash or other disaster
    the report tells at the same place ("Two children died in the fire. Their father
    escaped."), or people "displaced" by a fire or blast told at the same place."""
    if inc.event_type != "flight/defection":
        return False
    quote = inc.quote.text
    if _FLEEING.search(quote) is not None:
        return False  # "fled the blaze to a neighbour's house": a flight too
    if _UNHURT_ESCAPE.search(quote) is not None:
        return True
    if _BARE_ESCAPE.search(quote) is not None and any(
        o.event_type in _DANGERS and o.place.gazetteer_id == inc.place.gazetteer_id for o in others
    ):
        return True
    # "A blaze swept the flats; forty tenants were displaced": people a house fire
    # left homeless, told where the fire was; nobody flees anywhere
    return _DISPLACED.search(quote) is not None and any(
        o.event_type in _BURNING and o.place.gazetteer_id == inc.place.gazetteer_id for o in others
    )


#: A yardstick: a superlative, then "since" and an older event it is measured against ("the
#: deadliest day since two troopers died in a gunfight in A", "the worst attack since a
#: bombing in A killed 90"): general English. The older event is named, not reported (the
#: guideline's passing reference to a past event); the span runs from "since" to the clause's
#: end.
_YARDSTICK = re.compile(
    r"\b(?:biggest|deadliest|bloodiest|worst|largest|highest|greatest|heaviest|strongest"
    r"|most[ \t]+\w+|record)\b[^.;!?]{0,120}?\b(?P<since>since\b[^.;!?]*)",
    re.I,
)
#: Every yardstick holds a "since"; a text without one is not searched further.
_SINCE = re.compile("since", re.I)


def yardstick_spans(text: str) -> list[tuple[int, int]]:
    """The "since" clauses of :data:`_YARDSTICK` in ``text`` as (start, end) offsets."""
    if _SINCE.search(text) is None:
        return []  # (most sentences: the superlative alternation is costly at every offset)
    return [(m.start("since"), m.end("since")) for m in _YARDSTICK.finditer(text)]


def yardstick_event(inc: Incident, text: str, spans: list[tuple[int, int]]) -> bool:
    """True when ``inc`` is the older event a yardstick measures against: its place is named
    only inside a yardstick's "since" clause, in its own sentence or (an inferred place) in
    the sentences before it ("... since two troopers died in a gunfight in A. The gunman
    died later in a shootout": the shootout is not at A)."""
    if not spans or not inc.location:
        return False
    if inc.place_inferred:
        lo, hi = 0, inc.quote.start
    else:
        lo, hi = inc.quote.start, inc.quote.end
    at = [m.start() for m in re.finditer(rf"\b{re.escape(inc.location)}\b", text[lo:hi])]
    return bool(at) and all(any(a <= lo + x < b for a, b in spans) for x in at)


def without_yardstick(text: str) -> str:
    """``text`` with the "since" clause of each yardstick blanked (offsets kept): its date is
    the older event's ("the worst attack since a bombing in A in 2009"), not this one's."""
    for a, b in yardstick_spans(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def split_name(text: str, toponyms: Sequence[Toponym], k: int) -> bool:
    """True when toponym ``k`` of ``toponyms`` (sorted by offset) and a neighbour are two
    halves of one name the gazetteer lacks, read as two places with only a space between
    ("Meadow Grove" read as "Meadow" and "Grove"): neither half is where anything happened.
    A comma, "and" or a line between keeps both ("Paris, Texas", "Dayton and Xenia"), and so
    does a third capitalised word ("Ramstein Air Base")."""
    t = toponyms[k]
    for other in (
        toponyms[k - 1] if k > 0 else None,
        toponyms[k + 1] if k + 1 < len(toponyms) else None,
    ):
        if other is None:
            continue
        if "demonym" in (t.kind_hint, other.kind_hint):
            continue  # "the Iraqi Air Force": an adjective before a name
        a, b = (other, t) if other.span.start < t.span.start else (t, other)
        if (
            text[a.span.end : b.span.start] == " "
            and b.span.text[:1].isupper()
            and _NAME_GOES_ON.match(text, b.span.end) is None
        ):
            return True
    return False


#: A capitalised word after two names: a longer name ("Ramstein Air Base"), whose parts the
#: geoparser reads as it may; only a two-word name alone is judged (:func:`split_name`).
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")


#: A school named in who someone is ("a 1998 graduate of Lake City High School", "a senior at
#: Lake City College"): it tells the person, not where the story is (general English).
_SCHOOL_OF_A_PERSON = re.compile(
    r"\b(?:graduates?|alumn(?:us|a|i|ae)|students?|seniors?|juniors?|freshm[ae]n|sophomores?"
    r"|teachers?|professors?)[ \t]+(?:of|at|from)[ \t]+(?:the[ \t]+)?"
    r"(?P<school>(?:[A-Z][\w.'’-]*[ \t]+){1,4}(?:High[ \t]+School|School|University|College"
    r"|Academy))\b"
)
#: The last words of every school name :data:`_SCHOOL_OF_A_PERSON` reads.
_SCHOOL_WORDS = ("School", "University", "College", "Academy")


def school_spans(text: str) -> list[tuple[int, int]]:
    """The school names of :data:`_SCHOOL_OF_A_PERSON` in ``text`` as (start, end) offsets:
    the town in such a name is not carried to the sentences after."""
    if not any(w in text for w in _SCHOOL_WORDS):
        return []  # (most reports name no school)
    return [(m.start("school"), m.end("school")) for m in _SCHOOL_OF_A_PERSON.finditer(text)]


#: Where a court sits, told as the court's (general English of court reports): "before a jury
#: in A", "the trial, moved to A", "a court in A", "the A County Court", "A Crown Court". The
#: place is the proceedings', not the older events the sentences after retell.
_COURT_VENUE = re.compile(
    r"\b(?:before[ \t]+(?:a|the)[ \t]+(?:grand[ \t]+)?(?:jury|judge|court|magistrate)"
    r"|(?:trial|retrial|case|hearing)[ \t]+(?:was[ \t]+)?(?:moved|transferred)[ \t]+to"
    r"|(?:trial|retrial|hearing|court)[ \t]+in)"
    r"(?P<venue>[^.;\n]{0,60})"
    r"|(?P<named>(?:[A-Z][\w.'’-]*[ \t]+){1,3}(?:(?:County|City|District|Superior|Circuit"
    r"|Municipal|Magistrates['’]?|Crown|Federal|High|Supreme|Criminal|Juvenile|Family)"
    r"[ \t]+)+Court)\b"
)


def court_spans(text: str) -> list[tuple[int, int]]:
    """The venues of :data:`_COURT_VENUE` in ``text`` as (start, end) offsets: a court's town
    is not carried to the sentences after (a retrial's county is not where a crime it hears
    happened)."""
    if not any(w in text for w in ("ourt", "jury", "trial", "hearing", "judge")):
        return []  # (most reports tell no court)
    out = []
    for m in _COURT_VENUE.finditer(text):
        g = "venue" if m.group("venue") is not None else "named"
        out.append((m.start(g), m.end(g)))
    return out
