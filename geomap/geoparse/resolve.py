"""Choose one gazetteer place for each recognised mention, using the document as context.

Each distinct name gets one place per document (one sense per document). Candidates are
scored by a context-free prior (feature type, population, own name vs alternate name, national
capital), then by what the document's other mentions say, in two rounds. The rounds start
from each name's likeliest place, except that a county named together with a town in it or
near it starts as that pair ("Henry County" and "Paris": Paris, Tennessee). The rounds weigh:
- the same country, first-level region or second-level region as other places mentioned
  (but a name and a longer name holding its words, "Lakeview" and "Lakeview City", are one
  place named twice, no evidence for each other; a town and "X County" still are two);
- a region or country that contains other places mentioned ("Georgia" the state when Atlanta
  is named, the country when Tbilisi is);
- nearness to the other places mentioned;
- "Macon, Georgia" / "Paris, Texas" / "Walton County, Ga.": the place right after a comma
  contains the one before it (but a country or region then a country is a list); a town with
  no namesake in the first-level region or country so named is placed at that region or
  country ("Smyrna, Vt."), not at a namesake elsewhere;
- the kind of place the text says ("Liaoning Province", "the city of ...", "Ada and Boone
  counties": a bare name the text calls a county is also looked up as "Ada County", and so
  is a name the gazetteer knows only as a county's, "Gwinnett", "Ada Co.");
- a bare name is the county the document names by it ("Essex County" ... "Essex"), unless
  its place lies in that county;
- the document's focus: the first-level region and the country that most mentions of
  unambiguous names lie in ("Peoria" three times, "Joliet" twice: Illinois), which favours a
  namesake there among candidates of similar prior ("Springfield": Illinois);
- failing a focus region from unambiguous names, the one the rounds' choices give (anchor,
  then resolve): the first-level region that most distinct names were placed in ("Hamilton",
  "Lima", "Warren" and "Clark" counties all placed in Ohio), which then favours a namesake
  there in one more round for the names that have one (the context bonus above is capped, so
  a namesake backed by nine names of one state and one backed by one name of another both
  reach the cap, and the prior alone would decide);
- a township the gazetteer lacks ("Lakeview Township") is only ever a town it is named after
  in the document's focus region or in a first-level region the document names.

The weights below are a handful of round numbers chosen by hand, not fitted to any corpus; the
focus's few settings were compared on the development corpora only (README, Geoparsing).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from geopy.distance import great_circle
from geopy.location import Location

from geomap.gazetteer.gazetteer import place_from_raw, raw_prior
from geomap.gazetteer.index import BIG_CITY_POPULATION
from geomap.geoparse.recognise import STREET
from geomap.model import FACILITY, Place, Span, Toponym
from geomap.names.lexicon import (
    ABBREVIATIONS,
    BUILDING_WORDS,
    CIVIC_ORG_WORDS,
    FACILITY_SUFFIXES,
    GEO_MODIFIERS,
    GOVERNMENT_SEATS,
    MISSION_WORDS,
    NEWSPAPER_WORDS,
    ORG_WORDS,
    REGION_SUFFIXES,
    STOPWORDS,
    TITLES,
    demonym_place,
    given_names,
)
from geomap.names.normalise import name_key

# what a county is called after its name, where a text calls a bare name a county
COUNTY_WORDS = ("County", "Parish")

# geocode(query) -> candidate Locations, best first (the cached geopy callable)
Candidates = Callable[[str], list[Location]]

W_KIND = 5.0  # the text names the kind of place
W_CONTAINED = 6.0  # "X, Y": Y contains this candidate
W_COUNTRY = 2.5  # another mention is in the same country (or inside this country)
W_ADMIN1 = 3.0  # another mention is in the same first-level region (or inside this region)
W_ADMIN2 = 2.0  # another mention is in the same second-level region
W_NEAR = 2.0  # another mention lies within NEAR_KM (half as much within FAR_KM)
NEAR_KM = 60.0
FAR_KM = 250.0
MAX_CONTEXT = 7.0  # what the other mentions can add at most
# ... to a place matched by an alternate name ("Minsk" for Mińsk Mazowiecki near Warsaw)
MAX_ALT_CONTEXT = 4.0
# a town matched by an alternate name only needs this many times the population of the
# largest town whose own name the mention is, or comes after it by prior (with this penalty
# beside the own name's 1.0, and no big-city bonus)
ALT_RATIO = 20
ALT_PENALTY = 0.3
ROUNDS = 2
# the document's focus (the first-level region and the country most of its unambiguous
# mentions lie in) favours namesakes inside it
W_FOCUS_ADMIN1 = 2.0  # a candidate in the focus region
W_FOCUS_COUNTRY = 1.0  # ... or in the focus country (a country itself earns nothing)
FOCUS_MIN = 2  # mentions the focus needs at least
FOCUS_LEAD = 2.0  # ... and how many times the mentions of the runner-up
FOCUS_SPAN = 3.0  # only candidates whose prior is this close to the name's best prior


@dataclass(frozen=True, slots=True)
class _Focus:
    """Where the document is: the first-level region (country code, region key) and the
    country that most mentions of unambiguous names lie in, or None when none leads."""

    region: tuple[str, str] | None = None
    country: str | None = None
    anchored: bool = False  # the region is the one the chosen places give (_anchored_focus)


def _leader(counts: Counter[Any]) -> Any:
    top = counts.most_common(2)
    if not top or top[0][1] < FOCUS_MIN:
        return None
    if len(top) > 1 and top[0][1] < FOCUS_LEAD * top[1][1]:
        return None
    return top[0][0]


def _focus(names: list[_Name]) -> _Focus:
    """The document's focus, counted over the mentions of names whose every candidate lies
    in one region (or one country): "Springfield" (in many states) counts for none, "Peoria"
    (one town, in Illinois) for Illinois, each time it is mentioned. A name whose likeliest
    place is a country or region is read as that ("Texas", not the towns called Texas)."""
    regions: Counter[tuple[str, str]] = Counter()
    countries: Counter[str] = Counter()
    for n in names:
        if not n.options or n.embedded:
            continue
        options = n.options
        if options[0].get("feature_type") in ("country", "admin1"):
            options = [o for o in options if o.get("feature_type") != "city"]
        codes = {o.get("country_code") for o in options}
        if len(codes) != 1 or not (code := codes.pop()):
            continue  # (nor one region, then)
        countries[str(code)] += n.count
        region = _region(options[0])
        if region is not None and all(_region(o) == region for o in options[1:]):
            regions[region] += n.count
    return _Focus(_leader(regions), _leader(countries))


def _anchored_focus(names: list[_Name], focus: _Focus) -> _Focus:
    """The focus with, failing a region from unambiguous names, the first-level region the
    current choices give: counted once per distinct name (a name the text repeats is one
    piece of evidence, and may be a wrong choice repeated), with the same minimum and lead
    as the unambiguous focus, and only over places in the focus country when there is one
    (a text about one country whose towns lie in many of its regions has no focus region,
    not that of two namesakes abroad). ``focus`` itself when it has a region or none leads."""
    if focus.region is not None:
        return focus
    regions: Counter[tuple[str, str]] = Counter()
    for n in names:
        o = n.choice
        if o is None or n.embedded or n.township:
            continue
        if focus.country is not None and o.get("country_code") != focus.country:
            continue
        if (region := _region(o)) is not None:
            regions[region] += 1
    region = _leader(regions)
    if region is None:
        return focus
    return _Focus(region, focus.country, anchored=True)


def _pulled_to(name: _Name, region: tuple[str, str] | None) -> bool:
    """Whether the focus ``region`` can move the name: its choice lies elsewhere and one of
    its candidates lies there with a prior within FOCUS_SPAN of the name's best prior."""
    if region is None or not name.cands or name.choice is None or _region(name.choice) == region:
        return False
    top = name.cands[0].prior if name.by_prior else max(c.prior for c in name.cands)
    for c in name.cands:
        if c.prior + FOCUS_SPAN < top:
            if name.by_prior:
                break  # (the rest come by descending prior)
            continue
        if c.region == region:
            return True
    return False


@dataclass(slots=True)
class _Name:
    """One distinct name of the document, with its candidates and current choice."""

    key: str
    hint: str | None
    options: list[dict[str, Any]]
    count: int = 0
    choice: dict[str, Any] | None = None
    containers: set[str] | None = None  # keys of names written right after it, ", Y"
    cands: list[_Cand] = field(default_factory=list)  # the options, ready for scoring
    by_prior: bool = False  # cands come by descending prior
    embedded: bool = False  # options are those of a place named inside it ("Iowa State Fair")
    township: bool = False  # options are those of the towns a township the gazetteer lacks
    # is named after ("Lakeview Township": the towns called Lakeview)
    kin: frozenset[str] = frozenset()  # keys of the other names one of whose words runs
    # the other's ("Lakeview" and "Lakeview City"): no evidence for each other


def _strip_suffix(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES:
        return " ".join(words[:-1])
    return text


def _query(t: Toponym) -> tuple[str, str | None, str | None, set[str] | None]:
    """(query, kind hint, required country code, allowed feature types) for a mention."""
    if t.kind_hint == "demonym":
        words = t.span.text.lower().split()
        place = demonym_place(" ".join(words))
        if place is not None:
            code, name = place
            return name, None, code, {"country", "region", "admin1"}
    abbreviation = ABBREVIATIONS.get(t.span.text)
    if abbreviation is not None and (not abbreviation.needs_cue or t.kind_hint == "admin1"):
        # (a code that needs a cue is the region only where the recogniser said so: "LA")
        if abbreviation.name == "District of Columbia":
            return "Washington", "city", "US", {"city"}
        return abbreviation.name, "admin1", abbreviation.country_code, {"admin1"}
    return t.span.text, t.kind_hint, None, None


def _candidates(
    geocode: Candidates, query: str, code: str | None, kinds: set[str] | None
) -> list[dict[str, Any]]:
    if name_key(query) in GEO_MODIFIERS:
        return []  # "Western", "Central": a direction alone is no place
    found = geocode(query)
    stripped = _strip_suffix(query)
    if not found and stripped != query:  # "Liaoning Province" -> "Liaoning"
        # (only places of the kind the word says: "Lakeview County" is not the town)
        kind = REGION_SUFFIXES[query.split()[-1].lower()]
        found = [loc for loc in geocode(stripped) if loc.raw.get("feature_type") == kind]
    raws = [{**loc.raw, "_prior": raw_prior(loc.raw)} for loc in found]
    raws = _own_names_first(query, raws)
    if code:
        raws = [r for r in raws if r.get("country_code") in (code, None)]
    if kinds:
        raws = [r for r in raws if r.get("feature_type") in kinds]
    return raws


# short forms that leave a place's own name ("St. Petersburg" is a form of "Saint Petersburg")
_SHORT_FORMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


def _form_of(query: str, name: str) -> bool:
    """Whether ``query`` is ``name`` or its opening words, short forms spelt out ("New York"
    of "New York City", "Ft. Lakeview" of "Fort Lakeview")."""
    words = [_SHORT_FORMS.get(w, w) for w in name_key(query).split()]
    return bool(words) and name_key(name).split()[: len(words)] == words


def _own_names_first(query: str, raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A town that bears the mention only as an alternate name (a former, Latin or foreign
    name of a big city: "Augusta" for a German city) does not outrank the towns whose own name
    it is unless it has ALT_RATIO times their population: short of that it earns no big-city
    bonus and comes after them by prior (its context is capped as before). Unaffected: an
    English exonym that is the gazetteer's own name ("Munich"), one with no own-name town as
    rival ("Kiev"), and a short form of the own name ("New York" for New York City,
    "St. Petersburg")."""
    rival = max(
        (
            int(r.get("population") or 0)
            for r in raws
            if r.get("primary", True) and r.get("feature_type") == "city"
        ),
        default=None,
    )
    if rival is None:
        return raws
    out = []
    for r in raws:
        pop = int(r.get("population") or 0)
        if (
            not r.get("primary", True)
            and r.get("feature_type") == "city"
            and pop < ALT_RATIO * rival
            and not _form_of(query, str(r.get("name") or ""))
        ):
            extra = (1.5 if r.get("capital") else 0.0) - ALT_PENALTY
            r = {**r, "_prior": math.log10(max(pop, 1)) + extra}
        out.append(r)
    return sorted(out, key=lambda o: -float(o["_prior"]))


def _with_counties(
    geocode: Candidates, query: str, options: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``options`` of a bare name the text calls a county ("Ada and Boone counties") with the
    counties of that name ("Ada County", "Ada Parish") added, all by descending prior."""
    seen = {o.get("gazetteer_id") for o in options}
    more = [
        o
        for word in COUNTY_WORDS
        for o in _candidates(geocode, f"{query} {word}", None, {"admin2"})
        if o.get("gazetteer_id") not in seen
    ]
    if not more:
        return options
    return sorted(options + more, key=lambda o: -float(o["_prior"]))


# words that name what an organisation or facility is, never the place inside its name
_NOT_EMBEDDED = STOPWORDS | ORG_WORDS | CIVIC_ORG_WORDS | FACILITY_SUFFIXES | TITLES


EMBEDDED_CITY_POPULATION = 10_000  # a town inside a facility's name must be at least this big


def _person_words(words: list[str]) -> list[bool]:
    """Which words belong to a person's name: a given name followed by a capitalised word,
    up to the next word that names an organisation or facility."""
    firsts = given_names()
    out = [False] * len(words)
    for j, word in enumerate(words[:-1]):
        nxt = words[j + 1]
        if word.lower() in firsts and nxt[:1].isupper() and nxt.lower() not in _NOT_EMBEDDED:
            k = j
            while k < len(words) and words[k].lower() not in _NOT_EMBEDDED:
                out[k] = True
                k += 1
    return out


def _embedded(geocode: Candidates, query: str) -> list[dict[str, Any]]:
    """The candidates of the place named inside a name the gazetteer lacks ("Lakeview
    Memorial Hospital" -> Lakeview, "Bank of Freedonia" -> Freedonia): the longest run of
    capitalised words it knows as a country, region or town of 10,000+ people (the likelier
    kind of place between runs of one length), outside a person's name ("Jane Doe Lakeview
    Middle School": a given name and the capitalised words after it); a run that opens with
    a word such as "New" or "Port", or ends in a region word, counts as a place's own name
    only ("New Lakeview Arena" is in New Lakeview, not Lakeview; "Ada County Jail" in Ada
    County); failing that,
    for a name that is no building, a demonym's country ("the Ruritanian Foreign Ministry" ->
    Ruritania). A word of three letters or fewer that is no place's own name counts only as a
    country's code in capitals ("US Federal Reserve"; "Up" is no "UP", Uttar Pradesh). No
    country for a country's mission abroad ("the Ruritanian Embassy", "Embassy of Ruritania"
    stand elsewhere; "the Ruritanian Embassy Lakeview" is in Lakeview), nor a demonym's country
    for a building ("the Ruritanian International School"): these are placed at their town."""
    words = [w.strip(',.;:()"').removesuffix("'s").removesuffix("\u2019s") for w in query.split()]
    if len(words) < 2:
        return []
    mission = any(w.lower() in MISSION_WORDS for w in words)
    person = _person_words(words)
    demonyms: list[dict[str, Any]] = []
    for size in range(len(words) - 1, 0, -1):
        best: list[dict[str, Any]] = []
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if not all(w[:1].isupper() or w.lower() in ("of", "de", "la") for w in run):
                continue
            first, last = run[0].lower(), run[-1].lower()
            own_only = False
            if first in _NOT_EMBEDDED or last in _NOT_EMBEDDED:
                if size == 1 or (last in _NOT_EMBEDDED and last not in REGION_SUFFIXES):
                    continue
                # "New Orleans", "Port Lakeview", "Walker County": a place's own name that
                # opens with such a word or ends in a region word, not "New" + "Orleans"
                own_only = True
            if any(person[i : i + size]):
                continue
            phrase = " ".join(run)
            if size == 1 and (place := demonym_place(name_key(phrase))) is not None:
                code, name = place
                kinds = {"country", "region", "admin1"}
                demonyms = demonyms or _candidates(geocode, name, code, kinds)
                continue
            found = [
                r
                for r in _candidates(geocode, phrase, None, None)
                if (
                    r.get("feature_type") != "city"
                    or int(r.get("population") or 0) >= EMBEDDED_CITY_POPULATION
                )
                and (
                    len(phrase) > 3
                    or r.get("primary", True)
                    or (phrase.isupper() and r.get("feature_type") == "country")
                )
                and not (mission and r.get("feature_type") == "country")
                and (not own_only or r.get("primary", True))
            ]
            if found and (not best or best[0]["_prior"] < found[0]["_prior"]):
                best = [{**r, "_inside": name_key(phrase)} for r in found]
        if best:
            return best
    return [] if mission or _building(query) else demonyms


def _contains(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    """True when ``outer`` (a country or region) contains ``inner``."""
    kind = outer.get("feature_type")
    if inner is outer or outer.get("gazetteer_id") == inner.get("gazetteer_id"):
        return False
    if kind == "country":
        return bool(outer.get("country_code")) and inner.get("country_code") == outer.get(
            "country_code"
        )
    same_country = inner.get("country_code") == outer.get("country_code")
    if kind == "admin1":
        return (
            same_country
            and inner.get("feature_type") in ("city", "admin2")
            and name_key(inner.get("admin1") or "") == name_key(outer.get("name") or "")
        )
    if kind == "admin2":
        return (
            same_country
            and inner.get("feature_type") == "city"
            and name_key(inner.get("admin2") or "") == name_key(outer.get("name") or "")
        )
    return False


# nearness is only ever compared with NEAR_KM and FAR_KM: compare haversine terms instead
_H_NEAR = math.sin(NEAR_KM / 12742.0) ** 2
_H_FAR = math.sin(FAR_KM / 12742.0) ** 2


class _Evidence:
    """What the current choices of all names say, counted so that one name's own choice can
    be left out when scoring that name's candidates."""

    def __init__(self, names: list[_Name]) -> None:
        self.counts: Counter[tuple[str, ...]] = Counter()
        self.points: list[tuple[str, float, float, float]] = []  # key, lat, lon, cos(lat)
        for name in names:
            if name.embedded:  # "the Ruritanian embassy" says little about where the text is
                continue
            self.counts.update(_facts(name.choice))
            o = name.choice
            if o is not None and o.get("feature_type") in ("city", "admin2"):
                lat = math.radians(o["lat"])
                self.points.append((name.key, lat, math.radians(o["lon"]), math.cos(lat)))

    def has(self, fact: tuple[str, ...] | None, own: Counter[tuple[str, ...]]) -> bool:
        return fact is not None and self.counts.get(fact, 0) - own.get(fact, 0) > 0

    def nearness(
        self, lat: float, lon: float, cos_lat: float, own_key: str, kin: frozenset[str]
    ) -> float:
        """W_NEAR when another name's place (not one of ``kin``) lies within NEAR_KM of
        (lat, lon) in radians, half of it within FAR_KM, else 0."""
        level = 0.0
        sin, h_near, h_far = math.sin, _H_NEAR, _H_FAR
        for key, la, lo, cos_la in self.points:
            if key == own_key:
                continue
            h = sin((la - lat) / 2) ** 2 + cos_lat * cos_la * sin((lo - lon) / 2) ** 2
            if h > h_far or key in kin:
                continue  # (kin asked of a place near enough to count only)
            if h <= h_near:
                return W_NEAR
            level = W_NEAR / 2
        return level


def _facts(o: dict[str, Any] | None) -> list[tuple[str, ...]]:
    """The facts a chosen place gives its document: its country, and the regions it is in."""
    if o is None:
        return []
    kind = o.get("feature_type")
    cc = o.get("country_code") or ""
    facts: list[tuple[str, ...]] = [("any", cc)]
    if kind != "region":
        facts.append(("country", cc))  # in this country (a country counts for itself)
    if kind != "country":
        facts.append(("inside", cc))  # something inside this country
    if kind == "admin1":
        facts.append(("admin1", cc, name_key(o.get("name") or "")))
    if kind in ("city", "admin2"):
        facts.append(("admin1", cc, name_key(o.get("admin1") or "")))
        facts.append(("in-admin1", cc, name_key(o.get("admin1") or "")))
    if kind == "admin2":
        facts.append(("admin2", cc, name_key(o.get("name") or "")))
    if kind == "city":
        facts.append(("admin2", cc, name_key(o.get("admin2") or "")))
    return facts


@dataclass(slots=True)  # (not frozen: made for every candidate of every name, never changed)
class _Cand:
    """What scoring needs of one candidate, worked out once per document.

    ``country`` / ``admin1`` / ``admin2``: the evidence facts that earn W_COUNTRY, W_ADMIN1
    and W_ADMIN2; ``in_countries``: the country code that earns W_COUNTRY when it is among the
    context countries (demonyms); ``point``: (lat, lon, cos lat) in radians, for the places
    scored on nearness.
    """

    raw: dict[str, Any]
    prior: float
    cap: float  # what context can add at most
    country: tuple[str, ...] | None
    in_countries: str | None
    admin1: tuple[str, ...] | None
    admin2: tuple[str, ...] | None
    point: tuple[float, float, float] | None
    region: tuple[str, str] | None  # (country code, first-level region key), for the focus


def _region(raw: dict[str, Any]) -> tuple[str, str] | None:
    """(country code, first-level region key) of a town, county or first-level region."""
    kind = raw.get("feature_type")
    cc = raw.get("country_code") or ""
    if kind == "admin1":
        return cc, name_key(raw.get("name") or "")
    if kind in ("city", "admin2") and raw.get("admin1"):
        return cc, name_key(raw["admin1"])
    return None


def _cand(raw: dict[str, Any]) -> _Cand:
    kind = raw.get("feature_type")
    cc = raw.get("country_code") or ""
    country = admin1 = admin2 = None
    in_countries: str | None = None
    point = None
    if kind in ("city", "admin2"):
        country, in_countries = ("country", cc), cc
        admin1 = ("admin1", cc, name_key(raw.get("admin1") or "-"))
        if kind == "city":  # (a county is not credited for the towns in it: county names
            # repeat across states, and the fact does not say which state)
            admin2 = ("admin2", cc, name_key(raw.get("admin2") or "-"))
        lat = math.radians(raw["lat"])
        point = (lat, math.radians(raw["lon"]), math.cos(lat))
    elif kind == "country":
        country = ("inside", cc)
    elif kind == "admin1":
        country, in_countries = ("any", cc), cc
        admin1 = ("in-admin1", cc, name_key(raw.get("name") or ""))
    cap = MAX_CONTEXT if raw.get("primary", True) else MAX_ALT_CONTEXT
    return _Cand(
        raw, float(raw["_prior"]), cap, country, in_countries, admin1, admin2, point, _region(raw)
    )


def _score(
    cand: _Cand,
    name: _Name,
    evidence: _Evidence,
    own: Counter[tuple[str, ...]],
    containers: list[dict[str, Any]],
    countries: set[str],
    focus: _Focus,
    top: float,
    in_focus_region: bool = False,
) -> float:
    raw = cand.raw
    score = cand.prior
    if cand.prior + FOCUS_SPAN < top:
        pass  # (the focus does not take "Paris" from France to a hamlet in the focus state)
    elif focus.region is not None and cand.region == focus.region:
        score += W_FOCUS_ADMIN1
    elif (
        focus.country is not None
        and not in_focus_region  # (nor favours a namesake elsewhere in the focus country
        # over the one in the focus region: "Alexandria" in a text about Minnesota)
        and raw.get("country_code") == focus.country
        and raw.get("feature_type") != "country"
    ):
        score += W_FOCUS_COUNTRY
    if name.hint and raw.get("feature_type") == name.hint:
        score += W_KIND
    if containers and any(_contains(c, raw) for c in containers):
        score += W_CONTAINED
    in_country = evidence.has(cand.country, own) or (
        cand.in_countries is not None and cand.in_countries in countries
    )
    context = (
        W_COUNTRY * in_country
        + W_ADMIN1 * evidence.has(cand.admin1, own)
        + W_ADMIN2 * evidence.has(cand.admin2, own)
    )
    if cand.point is not None and evidence.points:
        context += evidence.nearness(*cand.point, name.key, name.kin)
    return score + min(context, cand.cap)


def _best(
    name: _Name,
    names: dict[str, _Name],
    evidence: _Evidence,
    countries: set[str],
    focus: _Focus,
) -> dict[str, Any]:
    """The best-scoring candidate of ``name`` given the other names' current choices (the
    first of equals). Candidates come by descending prior, so the search stops at the first
    one whose prior plus every possible bonus cannot reach the best score so far."""
    own = Counter() if name.embedded else Counter(_facts(name.choice))
    if name.kin:  # a name's kin are no evidence for it ("Lakeview" and "Lakeview City")
        for k in name.kin:
            if not (other := names[k]).embedded:
                own.update(_facts(other.choice))
    containers = [
        c
        for k in sorted(name.containers or ())
        if k != name.key and (c := names[k].choice) is not None
    ]
    if containers and name.options[0].get("feature_type") in ("country", "region"):
        # "Ruritania, Freedonia and ...": a country then a country is a list, not a town
        # in the second country that shares the first one's name
        containers = [c for c in containers if c.get("feature_type") != "country"]
    headroom = (
        (W_KIND if name.hint else 0.0)
        + (W_CONTAINED if containers else 0.0)
        + MAX_CONTEXT
        + max(W_FOCUS_ADMIN1, W_FOCUS_COUNTRY)
    )
    if not name.by_prior:  # a geocode callable that does not sort by prior: score them all
        headroom = math.inf
    best: _Cand | None = None
    best_score = -math.inf
    top = name.cands[0].prior if name.by_prior else max(c.prior for c in name.cands)
    # (a focus region the choices gave does not take the focus country's bonus from the
    # namesakes elsewhere in that country: it is weaker evidence than unambiguous names)
    in_region = (
        focus.region is not None
        and not focus.anchored
        and any(c.region == focus.region for c in name.cands)
    )
    for cand in name.cands:
        if cand.prior + headroom + 1e-9 < best_score:
            break
        score = _score(cand, name, evidence, own, containers, countries, focus, top, in_region)
        if score > best_score:
            best, best_score = cand, score
    assert best is not None
    return best.raw


def _rounds(
    everyone: list[_Name],
    names: dict[str, _Name],
    countries: set[str],
    focus: _Focus,
    rounds: int,
    only: list[_Name] | None = None,
) -> None:
    """``rounds`` rounds of simultaneous updates: each name (of ``only``, when given) takes
    its best candidate given the other names' choices of the round before."""
    movable = everyone if only is None else only
    for _ in range(rounds):
        evidence = _Evidence(everyone)
        chosen: dict[str, dict[str, Any] | None] = {}
        for n in movable:
            if len(n.options) > 1:
                chosen[n.key] = _best(n, names, evidence, countries, focus)
        for key, choice in chosen.items():
            names[key].choice = choice


def _kin(names: list[_Name]) -> None:
    """Mark names one of whose words is a run of the other's words ("Lakeview" and "Lakeview
    City", "North Lakeview"; a name and its demonym's country): two such names are most often
    one place named twice, so they do not back each other's namesakes as two places would."""
    bares = [(n, bare) for n in names if n.options and (bare := n.key.split("|", 1)[0])]
    words = " ".join(bare for _, bare in bares).split()
    if len(words) == len(set(words)):
        return  # no two names share a word (most documents)
    padded = [(n, f" {bare} ") for n, bare in bares]
    by_word: dict[str, list[int]] = {}  # word -> the names holding it (most share none)
    for i, (_, w) in enumerate(padded):
        for word in set(w.split()):
            by_word.setdefault(word, []).append(i)
    found: dict[str, set[str]] = {}
    for i, (a, wa) in enumerate(padded):
        for j in by_word[wa.split(maxsplit=1)[0]]:  # names holding a's first word
            b, wb = padded[j]
            if j != i and len(wb) > len(wa) and wa in wb and not _county_of(wa, wb):
                found.setdefault(a.key, set()).add(b.key)
                found.setdefault(b.key, set()).add(a.key)
            elif j < i and wb == wa:  # (one name under two keys: a demonym's country)
                found.setdefault(a.key, set()).add(b.key)
                found.setdefault(b.key, set()).add(a.key)
    for n in names:
        if n.key in found:
            n.kin = frozenset(found[n.key])


_COUNTY_KEYS = tuple(f"{name_key(w)} " for w in COUNTY_WORDS)


def _county_of(a: str, b: str) -> bool:
    """One of two padded name keys is the other's county ("lakeview" and "lakeview county"):
    a town and the county named after it are two places that back each other."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) and long[len(short) :] in _COUNTY_KEYS


def _near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return great_circle((a["lat"], a["lon"]), (b["lat"], b["lon"])).km <= NEAR_KM


def _seed_counties(names: list[_Name]) -> None:
    """Start from a county and the towns in it or near it (same state, within NEAR_KM) when
    the document names both ("Henry County" and "Paris": Paris, Tennessee; "Harris County" and
    "Columbus": Georgia), rather than from each name's most likely place alone."""
    counties: dict[tuple[str, str, str], list[tuple[int, _Name, dict[str, Any]]]] = {}
    for i, n in enumerate(names):
        for o in n.options:
            if o.get("feature_type") == "admin2":
                key = (
                    o.get("country_code") or "",
                    name_key(o.get("admin1") or ""),
                    name_key(o.get("name") or ""),
                )
                counties.setdefault(key, []).append((i, n, o))
    if not counties:
        return  # most documents name no county
    towns: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}
    states = {key[:2] for key in counties}
    in_state: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for n in names:
        for o in n.options:
            if o.get("feature_type") == "city" and o.get("admin2"):
                key = (
                    o.get("country_code") or "",
                    name_key(o.get("admin1") or ""),
                    name_key(o["admin2"]),
                )
                if key in counties:
                    towns.setdefault(key, {}).setdefault(n.key, o)  # the name's likeliest there
                if key[:2] in states:
                    in_state.setdefault(key[:2], []).append((n.key, o))
    seeds: list[tuple[int, int, _Name, dict[str, Any], dict[str, dict[str, Any]]]] = []
    for key, found in counties.items():
        for i, n, o in found:
            inside = {k: t for k, t in towns.get(key, {}).items() if k != n.key}
            for k, t in in_state.get(key[:2], ()):  # or near it, in the same state
                if k != n.key and k not in inside and _near(o, t):
                    inside[k] = t
            if inside:
                seeds.append((-len(inside), i, n, o, inside))
    seeds.sort(key=lambda s: (s[0], s[1]))
    done: set[str] = set()
    by_key = {n.key: n for n in names}
    for _, _, n, o, inside in seeds:
        if n.key in done:
            continue
        done.add(n.key)
        n.choice = o
        for k, town in inside.items():
            if k not in done:
                done.add(k)
                by_key[k].choice = town


def _seed_regions(names: list[_Name]) -> None:
    """Start from a first-level region and the towns in it when the document names both but
    neither name's likeliest place says so ("Georgia" and "Albany": the state and Albany,
    Georgia, not the country and Albany, New York), rather than from each name's likeliest
    place alone; the rounds then weigh the pair against the rest of the document. Only a
    region, and namesakes of towns, whose prior lies within FOCUS_SPAN of their name's
    likeliest place ("Paris" and "Texas" start as France's Paris and the state)."""
    regions: dict[tuple[str, str], tuple[_Name, dict[str, Any]]] = {}
    for n in names:
        if n.embedded or n.township or not n.options or n.choice is not n.options[0]:
            continue
        top = float(n.options[0]["_prior"])
        for o in n.options[1:]:
            if o.get("feature_type") != "admin1" or float(o["_prior"]) + FOCUS_SPAN < top:
                continue
            region = _region(o)
            if region is not None and region != _region(n.options[0]):
                regions.setdefault(region, (n, o))
    if not regions:
        return  # most documents name no region that is not its name's likeliest place
    seeds: list[tuple[int, int, _Name, dict[str, Any], list[tuple[_Name, dict[str, Any]]]]] = []
    for i, (region, (n, o)) in enumerate(regions.items()):
        towns: list[tuple[_Name, dict[str, Any]]] = []
        for t in names:
            if t is n or t.embedded or t.township or not t.options or t.choice is None:
                continue
            if t.choice is not t.options[0] or _region(t.choice) == region:
                continue  # (seeded with a county, or already there)
            top = float(t.options[0]["_prior"])
            there = next(
                (
                    c
                    for c in t.options
                    if c.get("feature_type") == "city"
                    and _region(c) == region
                    and float(c["_prior"]) + FOCUS_SPAN >= top
                ),
                None,
            )
            if there is not None:
                towns.append((t, there))
        if towns:
            seeds.append((-len(towns), i, n, o, towns))
    seeds.sort(key=lambda s: (s[0], s[1]))
    done: set[str] = set()
    for _, _, n, o, towns in seeds:
        if n.key in done:
            continue
        done.add(n.key)
        n.choice = o
        for t, there in towns:
            if t.key not in done:
                done.add(t.key)
                t.choice = there


def resolve(
    toponyms: Sequence[Toponym],
    geocode: Candidates,
    context_countries: set[str] | None = None,
    text: str | None = None,
) -> list[Toponym]:
    """The same mentions, in the same order, with ``place`` set where the gazetteer knows the
    name (streets, and buildings it lacks by name: at the town that holds them).

    Countries given in ``context_countries`` (e.g. from demonyms) favour candidates inside
    them; equal names get the same place. Given the ``text`` the mentions' offsets point
    into, a name in a list of names of one kind ("Ohio, Georgia and Texas") is read as that
    kind. Mentions given out of text order are read in text order (what comes right after
    a name, "Lakeview, Ohio", is read from the offsets, not from the order given).
    """
    given = list(toponyms)
    order = sorted(range(len(given)), key=lambda i: (given[i].span.start, given[i].span.end))
    if any(i != j for i, j in enumerate(order)):
        placed = _resolve([given[i] for i in order], geocode, context_countries, text)
        out: list[Toponym | None] = [None] * len(given)
        for i, t in zip(order, placed, strict=True):
            out[i] = t
        return [t for t in out if t is not None]
    return _resolve(given, geocode, context_countries, text)


def _resolve(
    given: list[Toponym],
    geocode: Candidates,
    context_countries: set[str] | None,
    text: str | None,
) -> list[Toponym]:
    """:func:`resolve` for mentions in text order."""
    toponyms: Sequence[Toponym] = given
    streets = [t for t in given if t.kind_hint == STREET]
    if streets:
        toponyms = [t for t in given if t.kind_hint != STREET]
    names: dict[str, _Name] = {}
    keys: list[str] = []
    papers: Counter[str] = Counter()  # mentions of each name right before a newspaper word
    for t in toponyms:
        query, hint, code, kinds = _query(t)
        key = f"{name_key(query)}|{code or ''}|{','.join(sorted(kinds or ()))}"
        keys.append(key)
        entry = names.get(key)
        if entry is None and (seat := GOVERNMENT_SEATS.get(name_key(query))) is not None:
            # "the White House": at its city, as a facility named after the mention
            city, country = seat
            options = _candidates(geocode, city, country, {"city"})[:1]
            entry = names[key] = _Name(key, hint, options, embedded=bool(options))
        if entry is None:
            options = _candidates(geocode, query, code, kinds)
            if hint == "admin2" and query.split()[-1].lower() not in REGION_SUFFIXES:
                options = _with_counties(geocode, query, options)
            elif not options and not kinds and hint in (None, "admin2"):
                # a name known only as a county's: "Gwinnett", "Lakeview Co."
                options = _with_counties(geocode, query.removesuffix(" Co."), options)
            embedded = not options and bool(options := _embedded(geocode, query))
            entry = names[key] = _Name(key, hint, options, embedded=embedded)
            entry.township = bool(options) and _township(geocode, query)
        elif hint and not entry.hint:
            entry.hint = hint
        entry.count += 1
        if text is not None and _names_a_paper(text, t.span.end):
            papers[key] += 1
    for key, in_papers in papers.items():
        # "the New York Times": the city, when every mention of the name is a paper's
        entry = names[key]
        if in_papers == entry.count and not entry.hint:
            if any(
                o.get("feature_type") == "city"
                and int(o.get("population") or 0) >= BIG_CITY_POPULATION
                for o in entry.options
            ):
                entry.hint = "city"
    # "X, Y": the name right after a comma contains the one before it; so does the country
    # in "the X province of Y" (but not inside a list: "Ada, Boone, Clay and Dale counties")
    for i, (a, b, ka, kb) in enumerate(zip(toponyms, toponyms[1:], keys, keys[1:], strict=False)):
        kind_of = text is not None and (
            text[a.span.end : b.span.start] == IN_GAP
            or bool(_KIND_OF.fullmatch(text[a.span.end : b.span.start]))
        )
        if text is not None and _mid_list(toponyms, i, text):
            continue
        if (0 < b.span.start - a.span.end <= 2 or kind_of) and ka != kb:
            within = names[ka].containers or set()
            within.add(kb)
            names[ka].containers = within
    countries = set(context_countries or ())
    everyone = list(names.values())
    _kin(everyone)
    for n in everyone:
        n.choice = n.options[0] if n.options else None
    if text is not None:
        _list_kinds(toponyms, keys, names, text)
    _seed_counties(everyone)
    _seed_regions(everyone)
    for n in everyone:
        if len(n.options) > 1:
            n.cands = [_cand(o) for o in n.options]
            n.by_prior = all(a.prior >= b.prior for a, b in zip(n.cands, n.cands[1:], strict=False))
    focus = _focus(everyone)
    _rounds(everyone, names, countries, focus, ROUNDS)
    anchored = _anchored_focus(everyone, focus)
    if anchored is not focus:  # one more round, toward the region the choices give
        focus = anchored
        toward = [n for n in everyone if _pulled_to(n, focus.region)]
        if toward:
            _rounds(everyone, names, countries, focus, 1, toward)
    _bare_counties(everyone)
    _capital_towns(everyone)
    _townships(everyone, focus)
    if text is not None:
        _in_named_region(toponyms, keys, names, text)
    _embedded_towns(everyone, names)
    strays = _stray_alternates(everyone, countries)
    places: dict[str, Place | None] = {  # place_from_raw ignores the "_prior" key
        n.key: place_from_raw(n.choice) if n.choice else None for n in everyone
    }
    out = [
        replace(t, place=_within(t, places[k]) if names[k].embedded else places[k])
        for t, k in zip(toponyms, keys, strict=True)
    ]
    stray_spans = {
        (t.span.start, t.span.end) for t, k in zip(toponyms, keys, strict=True) if k in strays
    }
    if streets:  # back in the order given
        placed = iter(out)
        out = [replace(t, place=None) if t.kind_hint == STREET else next(placed) for t in given]
    if text is not None:
        out, unheld = _namesake_modifiers(out, text)
    else:
        unheld = set()
    # streets, and buildings the gazetteer lacks that nothing in their name places
    at_town = [t.kind_hint == STREET or (t.place is None and _building(t.span.text)) for t in out]
    if any(at_town):
        placed_at = iter(
            _place_streets([t for t, a in zip(out, at_town, strict=True) if a], out, text)
        )
        out = [next(placed_at) if a else t for t, a in zip(out, at_town, strict=True)]
        # (a building that was a namesake's word is placed only by the town right after it)
        out = [replace(t, place=None) if t.span.start in unheld else t for t in out]
    if text is not None:
        loose = {
            (t.span.start, t.span.end)
            for t, k in zip(toponyms, keys, strict=True)
            if names[k].embedded
        }
        out = _in_towns(out, loose, text)
    if stray_spans:  # (what is still the mention itself: not a building it opened)
        out = [
            replace(t, kind_hint=STRAY)
            if (t.span.start, t.span.end) in stray_spans and t.kind_hint is None
            else t
            for t in out
        ]
    return out


def _in_towns(out: list[Toponym], loose: set[tuple[int, int]], text: str) -> list[Toponym]:
    """A name nothing places, or one placed only by a place inside its name (their spans are
    ``loose``), written right before "in" and a town is at that town ("the Quibble Bistro in
    Lakeview", "Ferbury University in Lakeview": a facility of Lakeview, not of Ferbury)."""
    res = list(out)
    for i in range(len(out) - 1):
        t, town = out[i], out[i + 1]
        if t.kind_hint == STREET or (
            t.place is not None and (t.span.start, t.span.end) not in loose
        ):
            continue
        if text[t.span.end : town.span.start] != " in ":
            continue
        if town.place is not None and town.place.feature_type == "city":
            res[i] = replace(t, place=_within(t, town.place))
    return res


#: The words between a region and the country holding it ("the Punjab province of Pakistan",
#: "the Ituri district of Congo"): general English.
_KIND_OF = re.compile(
    r" (?:province|state|region|district|governorate|prefecture) of (?:the )?", re.IGNORECASE
)
# the word ending a civil township's name ("Lakeview Township"), a division of a county
TOWNSHIP_WORDS = frozenset(("township", "twp", "twp."))


def _township(geocode: Candidates, query: str) -> bool:
    """True when ``query`` names a township ("Lakeview Township") the gazetteer lacks under
    that name (its candidates are then the towns it is named after)."""
    words = query.split()
    return len(words) > 1 and words[-1].lower() in TOWNSHIP_WORDS and not geocode(query)


def _townships(everyone: list[_Name], focus: _Focus) -> None:
    """A township the gazetteer lacks ("Lakeview Township") is a small division of a county:
    of the towns it is named after, only one in the document's focus region or in a
    first-level region the document names (the likeliest of them) may stand for it, never
    a namesake elsewhere ("Lakeview Township" in a text about Ohio is not a big Lakeview of
    another state); with none, the township is not placed. Run on the final choices."""
    named = {
        region
        for n in everyone
        if not n.embedded
        and not n.township
        and n.choice is not None
        and (region := _region(n.choice)) is not None
        and n.choice.get("feature_type") == "admin1"
    }
    if focus.region is not None:
        named.add(focus.region)
    for n in everyone:
        if not n.township or n.choice is None:
            continue
        inside = [o for o in n.options if _region(o) in named]
        n.choice = max(inside, key=lambda o: float(o["_prior"])) if inside else None


def _names_a_paper(text: str, end: int) -> bool:
    """True when the word right after ``end`` is a newspaper title's ("... Herald")."""
    if text[end : end + 1] != " ":
        return False
    word = text[end + 1 : end + 12].split(" ", 1)[0]
    return word[:1].isupper() and word.lower().rstrip(".,;:'\u2019s") in NEWSPAPER_WORDS


def _embedded_towns(everyone: list[_Name], names: dict[str, _Name]) -> None:
    """A town named inside a name the gazetteer lacks is the town the document names by
    itself ("Lakeview" ... "the Lakeview Quibble Arena": one Lakeview); else, when it is no
    big city and lies farther than FAR_KM from every town, county and first-level region the
    document names ("the Glorpwick Hotel" in a text all about towns in another country), it
    does not place the name (a building is then placed at its town). Run on the final
    choices."""
    held = [
        n.choice
        for n in everyone
        if not n.embedded
        and n.choice is not None
        and n.choice.get("feature_type") in ("city", "admin2", "admin1")
    ]
    for n in everyone:
        o = n.choice
        if not n.embedded or o is None or o.get("feature_type") != "city":
            continue
        own = names.get(f"{o.get('_inside')}||")
        if own is not None and own.choice is not None and own.choice.get("feature_type") == "city":
            n.choice = {**own.choice, "_inside": o.get("_inside")}
        elif (
            held
            and int(o.get("population") or 0) < BIG_CITY_POPULATION
            and all(not _within_far(o["lat"], o["lon"], h["lat"], h["lon"]) for h in held)
        ):
            n.choice = None


#: a town matched only by another of its names is kept abroad from the rest of the text only
#: when it is this large ("Frankfurt" for Frankfurt am Main in a text about Afghanistan)
STRAY_KEEP_POPULATION = BIG_CITY_POPULATION
#: the kind hint of a mention the resolver found to be no place (see ``_stray_alternates``)
STRAY = "stray"


def _stray_alternates(everyone: list[_Name], countries: set[str]) -> set[str]:
    """A town matched only by another (alternate) name of it, in a country where nothing
    else the document names lies (no other place, no demonym), while the document does name
    other places, is no place: "Levi" (the dog) read as Lévis, "Abbas" as Fort Abbas, "Walk"
    as Valga, in texts about other countries. A given name, a surname or an ordinary word
    shares the spelling; the town's own name would have been written. Run on the final
    choices; a big city (``STRAY_KEEP_POPULATION``) and a name the text calls a kind of place
    stay. Returns the keys of such names: their mentions keep the place (for a caller that
    knows them to be places, such as gold spans) and are marked ``STRAY``, which
    :meth:`geomap.pipeline.Pipeline.extract` leaves out."""
    strays: set[str] = set()
    held: Counter[str] = Counter()
    for n in everyone:
        if not n.embedded and n.choice is not None:
            held[n.choice.get("country_code") or ""] += 1
    if not held:
        return strays
    for n in everyone:
        o = n.choice
        if (
            o is None
            or n.embedded
            or n.hint
            or o.get("primary", True)
            or o.get("feature_type") != "city"
            or int(o.get("population") or 0) >= STRAY_KEEP_POPULATION
        ):
            continue
        cc = o.get("country_code") or ""
        if cc in countries or held[cc] > 1:
            continue  # (another name, or a demonym, is in its country)
        if sum(held.values()) > held[cc]:
            strays.add(n.key)
    return strays


#: How far a region's main town may lie from the region's point (regions whose towns the
#: gazetteer files under a larger unit: Malawi's districts, Kosovo's)
_CAPITAL_KM = 100.0


def _capital_towns(names: list[_Name]) -> None:
    """A bare name chosen as a first-level region outside the United States that a town in
    that region also bears ("in Mangochi", "to Marsabit", "in Mitrovica": districts named
    after their main town) is that town: news puts events and journeys in towns, and the
    town lies in the region. Not when the text says the region ("Mangochi district"); not
    a US state ("Washington", "New York"). Run on the final choices."""
    for n in names:
        o = n.choice
        if (
            o is None
            or n.embedded
            or n.hint is not None
            or o.get("feature_type") != "admin1"
            or o.get("country_code") in (None, "US")
        ):
            continue
        region = name_key(o.get("name") or "")
        # (the options all bear the name, some as another spelling: "Mitrovicë")
        towns = [
            c
            for c in n.options
            if c.get("feature_type") == "city"
            and c.get("country_code") == o.get("country_code")
            and (
                name_key(c.get("admin1") or "") == region
                or great_circle((c["lat"], c["lon"]), (o["lat"], o["lon"])).km <= _CAPITAL_KM
            )
        ]
        town = max(towns, key=lambda c: int(c.get("population") or 0), default=None)
        if town is not None:
            n.choice = town


def _bare_counties(names: list[_Name]) -> None:
    """A bare name whose county the document also names ("Suffolk County" ... "Suffolk") is
    that county, unless its place lies in that county ("Lancaster County" and "Lancaster",
    the town in it) or is a county itself. Run on the final choices."""
    counties: dict[str, dict[str, Any]] = {}
    for n in names:
        o = n.choice
        if o is not None and o.get("feature_type") == "admin2" and not n.embedded:
            bare = n.key.split("|", 1)[0]
            words = bare.split()
            if len(words) > 1 and words[-1] in ("county", "parish"):
                counties.setdefault(" ".join(words[:-1]), o)
    if not counties:
        return
    for n in names:
        county = counties.get(n.key.split("|", 1)[0])
        if county is None or n.choice is None or n.embedded:
            continue
        o = n.choice
        if o.get("feature_type") == "admin2" or (
            o.get("country_code") == county.get("country_code")
            and name_key(o.get("admin1") or "") == name_key(county.get("admin1") or "")
            and name_key(o.get("admin2") or "") == name_key(county.get("name") or "")
        ):
            continue  # ("Lancaster County" and "Lancaster", the town in it)
        n.choice = county


# what stands between a town and the region or country that holds it, besides a comma:
# "Lakeview in Ruritania"
IN_GAP = " in "
# kinds of place that can hold the town written before them ("Lakeview, Ruritania")
HOLDER_KINDS = ("admin1", "country")
HOLDER_KM = FAR_KM  # a town in the holder's country this far from its point is elsewhere


def _in_named_region(
    toponyms: Sequence[Toponym], keys: list[str], names: dict[str, _Name], text: str
) -> None:
    """A town the text places in a first-level region or a country ("Lakeview, Ruritania",
    "Elm Grove, Ky.", "Lakeview in Ruritania") is one of its namesakes there; with none there
    (the gazetteer lacks the town), it is placed at that region or country rather than at a
    namesake elsewhere (after a comma only: what comes before "in" is not always a town,
    "Gregory of Lakeview in Ruritania"). Not in a list ("Lakeview, Ruritania, Freedonia and
    ..."), nor for names that can themselves be a country or region ("Jordan, Israel"); a
    possessive holder ("Lakeview, Ruritania's army said") only picks a namesake there. Run on
    the final choices."""
    holders: dict[str, dict[str, Any]] = {}
    only_inside: set[str] = set()  # names "in" a region: only ever a namesake there
    possessed: set[str] = set()  # names before "Ruritania's": a namesake there, if any
    for i in range(len(toponyms) - 1):
        a, b = toponyms[i], toponyms[i + 1]
        gap = text[a.span.end : b.span.start]
        if gap not in (", ", IN_GAP) or b.kind_hint == "demonym":
            continue
        if i + 2 < len(toponyms) and (text[b.span.end : toponyms[i + 2].span.start] in _LIST_GAPS):
            continue  # a list
        if i > 0 and text[toponyms[i - 1].span.end : a.span.start] in _LIST_GAPS:
            continue
        holder = names[keys[i + 1]].choice
        if keys[i] != keys[i + 1] and holder and holder.get("feature_type") in HOLDER_KINDS:
            if keys[i] not in holders:
                holders[keys[i]] = holder
                if gap == IN_GAP:
                    only_inside.add(keys[i])
                if text[b.span.end : b.span.end + 2] in ("'s", "\u2019s"):
                    # "flown to Goma, Ruritania's army said": the possessive opens the next
                    # noun phrase (a speaker's), which need not hold the town
                    possessed.add(keys[i])
    for key, holder in holders.items():
        n = names[key]
        if any(o.get("feature_type") in ("country", "region", "admin1") for o in n.options):
            continue
        o = n.choice
        if o is not None and _contains(holder, o):
            continue
        inside = [c for c in n.options if _contains(holder, c)]
        if inside:
            n.choice = max(inside, key=lambda c: float(c["_prior"]))
        elif key in only_inside or key in possessed:
            continue  # ("Gregory of Lakeview in Ruritania" may well name no town there)
        elif (
            o is None
            or o.get("country_code") != holder.get("country_code")
            or (
                holder.get("feature_type") == "admin1"
                and great_circle((o["lat"], o["lon"]), (holder["lat"], holder["lon"])).km
                > HOLDER_KM
            )
        ):
            # (a town in the holder's country near its point may be one whose region the
            # gazetteer spells differently)
            n.choice = holder


def _mid_list(toponyms: Sequence[Toponym], i: int, text: str) -> bool:
    """True when the names ``i`` and ``i + 1`` stand inside a list, a comma before the first
    and a list's gap after the second ("Ada, Boone, Clay and Dale": Boone and Clay), where
    the second does not hold the first as in "Lakeview, Ruritania"."""
    if i == 0 or i + 2 >= len(toponyms):
        return False
    before = text[toponyms[i - 1].span.end : toponyms[i].span.start]
    after = text[toponyms[i + 1].span.end : toponyms[i + 2].span.start]
    return before == ", " and after in _LIST_GAPS


# what stands between the names of a list: "Ohio, Georgia and Texas", "Ohio or Texas"
_LIST_GAPS = frozenset((", ", " and ", ", and ", " or ", ", or ", " & "))
LIST_KINDS = ("admin1", "country")  # kinds a list of names passes on to a namesake in it


def _list_kinds(
    toponyms: Sequence[Toponym], keys: list[str], names: dict[str, _Name], text: str
) -> None:
    """A name without a kind hint in a list whose other names all are one kind of place (a
    first-level region or a country, by their likeliest place) is hinted that kind:
    "Ohio, New York and Texas" names the state of New York, "Chad, Niger and Georgia" the
    country of Georgia."""
    runs: list[list[int]] = [[0]] if toponyms else []
    for i in range(1, len(toponyms)):
        gap = text[toponyms[i - 1].span.end : toponyms[i].span.start]
        if gap in _LIST_GAPS:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        for i in run:
            name = names[keys[i]]
            if name.hint or len(name.options) < 2:
                continue
            kinds = {
                other.choice.get("feature_type") if other.choice else None
                for j in run
                if (other := names[keys[j]]) is not name
            }
            if len(kinds) == 1 and (kind := kinds.pop()) in LIST_KINDS:
                if any(o.get("feature_type") == kind for o in name.options):
                    name.hint = kind


def _head(text: str) -> str:
    """The last word of a name, lower case, without a full stop or a possessive."""
    return text.split()[-1].lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")


def _building(text: str) -> bool:
    """True when ``text`` is two or more words ending in a building's or a street's head word
    ("Lakeview Memorial Hospital", "Northgate Mall")."""
    if len(text.split()) < 2:
        return False
    head = _head(text)
    return head in BUILDING_WORDS or head in FACILITY_SUFFIXES


def _within(t: Toponym, holder: Place | None) -> Place | None:
    """A facility or organisation named after a place, at that place's point
    (``feature_type`` "facility")."""
    if holder is None:
        return None
    return replace(
        holder,
        gazetteer_id=f"{holder.gazetteer_id}/facility:{name_key(t.span.text).replace(' ', '-')}",
        name=t.span.text,
        feature_type=FACILITY,
        population=0,
    )


# what stands between a street and the town named right after it: "Elm Street, Dayton",
# "Elm Street in Dayton" (not "Elm Street. Dayton ...")
_HOLDER_GAPS = frozenset(("", ",", "in", "at", "of", "near"))


def _within_far(lat1: float, lon1: float, lat2: float, lon2: float) -> bool:
    """True when two points (degrees) lie within FAR_KM of each other (haversine)."""
    la1, la2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return h <= _H_FAR


def _corroborated(placed: list[Toponym]) -> list[Toponym]:
    """The placed mentions that another place of the document backs: a town or county within
    FAR_KM of a town or county of another name, or inside a first-level region the document
    names; all of them when none is backed. A town far from everything else the text names
    is often a namesake read into a street's or a square's name ("Lakeview Square" ... the
    Lakeview of another state), no town to put the text's buildings in."""
    local = [
        t for t in placed if t.place is not None and t.place.feature_type in ("city", "admin2")
    ]
    regions = {
        (t.place.country_code, t.place.name)
        for t in placed
        if t.place is not None and t.place.feature_type == "admin1"
    }
    out = []
    for t in placed:
        p = t.place
        if p is None:
            continue
        if p.feature_type not in ("city", "admin2") or (p.country_code, p.admin1) in regions:
            out.append(t)
            continue
        if any(
            o.place is not None
            and o.place.gazetteer_id != p.gazetteer_id
            and _within_far(p.lat, p.lon, o.place.lat, o.place.lon)
            for o in local
        ):
            out.append(t)
    if not any(t.place is not None and t.place.feature_type == "city" for t in out):
        return placed
    return out


# the capitalised words after a one-word name, up to a building's head word ("Mercy General
# Hospital": " General Hospital")
_NAME_WORDS_AFTER = re.compile(r"(?: [A-Z][\w'\u2019-]*){1,3}")


def _namesake_modifiers(out: list[Toponym], text: str) -> tuple[list[Toponym], set[int]]:
    """A one-word small town opening a building's name ("Mercy Hospital") that no other place of
    the document backs (:func:`_corroborated`: a namesake abroad, far from the text's other
    places) is the building's word, not the town: the building is the mention, a street-kind
    one placed at the town named right after it ("Mercy Hospital in Dayton"), else left
    unplaced: a guess at its town would make journeys of visits. Returns the mentions and the
    starts of the buildings no town right after holds."""
    candidates = [
        i
        for i, t in enumerate(out)
        if t.place is not None
        and t.place.feature_type in ("city", "admin2")
        and (t.place.population or 0) < BIG_CITY_POPULATION
        and " " not in t.span.text
        and t.kind_hint is None
        and text[t.span.end : t.span.end + 1] == " "
    ]
    unheld: set[int] = set()
    if not candidates:
        return out, unheld
    backed = {(t.span.start, t.span.end) for t in _corroborated(out)}
    starts = [t.span.start for t in out]
    res = list(out)
    for i in candidates:
        t = out[i]
        alone = all(o.place is None for j, o in enumerate(out) if j != i)
        if (t.span.start, t.span.end) in backed and not alone:
            continue  # (a text naming no other place backs nothing: the building it is)
        m = _NAME_WORDS_AFTER.match(text, t.span.end)
        if m is None:
            continue
        words = m.group().split()
        k = max((j for j, w in enumerate(words) if _head(w) in BUILDING_WORDS), default=-1)
        if k < 0:
            continue
        end = t.span.end + len(" ".join(["", *words[: k + 1]]))
        if any(t.span.end < s < end for s in starts):
            continue  # (a place named inside: not ours to take)
        span = Span(text[t.span.start : end], t.span.start, end)
        res[i] = Toponym(span, None, STREET)
        holder = out[i + 1] if i + 1 < len(out) else None
        if not (
            holder is not None
            and holder.place is not None
            and holder.place.feature_type == "city"
            and 0 < holder.span.start - end <= 4
            and text[end : holder.span.start].strip() in _HOLDER_GAPS
        ):
            unheld.add(t.span.start)
    return res, unheld


def _place_streets(
    streets: list[Toponym], placed: list[Toponym], text: str | None = None
) -> list[Toponym]:
    """Streets and buildings placed at the town that holds them: the town named right after
    one ("Elm Street in Dayton", "Elm Street, Dayton"), else (a building) the last town named
    before it, else the town the document names most (failing a town, its most named county,
    then first-level region) — the last two among the places another place of the document
    backs (:func:`_corroborated`); their ``feature_type`` says "street" (unplaced when the
    document names none of these)."""
    backed = _corroborated(placed)
    main = None
    for kind in ("city", "admin2", "admin1"):
        towns = [t for t in backed if t.place is not None and t.place.feature_type == kind]
        if towns:
            counts = Counter(t.place.gazetteer_id for t in towns if t.place is not None)
            main = max(towns, key=lambda t: counts[t.place.gazetteer_id] if t.place else 0)
            break
    towns = [t for t in placed if t.place is not None and t.place.feature_type == "city"]
    backed_towns = [t for t in backed if t.place is not None and t.place.feature_type == "city"]
    out = []
    for s in streets:
        holder = next(
            (
                t
                for t in towns
                if 0 < t.span.start - s.span.end <= 4
                and (text is None or text[s.span.end : t.span.start].strip() in _HOLDER_GAPS)
            ),
            None,
        )
        if holder is None and _head(s.span.text) in BUILDING_WORDS:
            # a building ("... Memorial Hospital"): the last town named before it
            holder = next((t for t in reversed(backed_towns) if t.span.end <= s.span.start), None)
        if holder is None:
            holder = main
        town = holder.place if holder is not None else None
        if town is None:
            out.append(s)
            continue
        street = Place(
            gazetteer_id=f"{town.gazetteer_id}/street:{name_key(s.span.text).replace(' ', '-')}",
            name=s.span.text,
            feature_type="street",
            country_code=town.country_code,
            lat=town.lat,
            lon=town.lon,
            admin1=town.admin1,
            provider=town.provider,
        )
        out.append(replace(s, place=street))
    return out
