"""Choose one gazetteer place for each recognised mention, using the document as context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from geopy.location import Location

from geomap.gazetteer import place_from_raw, prior
from geomap.lexicon import REGION_SUFFIXES
from geomap.model import Place, Toponym
from geomap.normalise import name_key

# geocode(query) -> candidate Locations, best first (the cached geopy callable)
Candidates = Callable[[str], list[Location]]


def _strip_suffix(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES:
        return " ".join(words[:-1])
    return text


def _score(place: Place, countries: set[str], regions: set[str], hint: str | None) -> float:
    score = prior(place)
    if place.feature_type != "country" and place.country_code in countries:
        score += 3.0
    if place.feature_type == "city" and place.admin1 and place.admin1 in regions:
        score += 2.0
    if hint and place.feature_type == hint:
        score += 5.0
    return score


def resolve(
    toponyms: Sequence[Toponym], geocode: Candidates, context_countries: set[str] | None = None
) -> list[Toponym]:
    """The same mentions with ``place`` set where the gazetteer knows the name.

    Countries named in the document (and ``context_countries``, e.g. from demonyms) favour
    candidates inside them; one sense per document: equal names get the same place.
    """
    options: dict[str, list[Place]] = {}
    for t in toponyms:
        key = name_key(t.span.text)
        if key not in options:
            found = geocode(key)
            stripped = name_key(_strip_suffix(t.span.text))
            if not found and stripped != key:  # "Liaoning Province" -> "Liaoning"
                found = geocode(stripped)
            options[key] = [place_from_raw(loc.raw) for loc in found]
    countries = set(context_countries or ())
    regions: set[str] = set()
    for places in options.values():
        if places and places[0].feature_type == "country":
            countries.add(places[0].country_code or "")
        if places and places[0].feature_type == "admin1":
            regions.add(places[0].name)
    chosen: dict[str, Place | None] = {}
    out: list[Toponym] = []
    for t in toponyms:
        key = name_key(t.span.text)
        if key not in chosen:
            places = options[key]
            chosen[key] = (
                max(places, key=lambda p: _score(p, countries, regions, t.kind_hint))
                if places
                else None
            )
        out.append(replace(t, place=chosen[key]))
    return out
