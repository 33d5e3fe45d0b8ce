"""What a sentence inherits from the report around it: the dateline's city, the place the
previous sentences were about, and the home an actor is given ("the Winnipeg-based team",
"Alberta's premier"). Endpoints and places taken from here are inferred, not stated: the
events that use them say so and are given a lower confidence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from geomap.events.dates import MONTHS, WEEKDAYS, find_date
from geomap.events.roles import (
    NOT_A_SURNAME,
    OCCUPATION_AFTER,
    PERSON_AFTER,
    TITLE_AFTER,
    Mention,
    contains,
    precision_rank,
)
from geomap.model import Place, Span, Toponym, When

# "KABUL, Afghanistan (AP) —", "LONDON -", "Goma, Congo, March 3 (Reuters) -", "(LIMA) —",
# "QUITO, Ecuador, May 4, 2021 (AFP) -" (a year after the day), accented capitals
# ("ASUNCIÓN"): a dateline opening the body. Only a place mention inside it counts.
_DATELINE = re.compile(
    r"[ \t]*\(?(?P<head>[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{1,40}?(?:,[ \t]*[A-ZÀ-Þ][A-Za-zÀ-ÿ .]{1,30}?)?"
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?)\)?[ \t]*"
    r"(?:\([A-Za-z .&-]{1,30}\))?"
    r"[ \t]*(?:—|–|--|-)[ \t]"
)

# "NAGPUR:", "NEW DELHI:" (as Indian and Pakistani papers write it): a town in capitals and a
# colon opening the body; in capitals only, so that "Note:" or "Update:" is no dateline
_COLON_DATELINE = re.compile(
    r"[ \t]*(?P<head>[A-ZÀ-Þ][A-ZÀ-Þ.'’-]{2,30}(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,2}):[ \t]"
)

#: Lines at the top of a report where a dateline may stand (after a title).
DATELINE_LINES = 3
#: Sentences back that a place is carried over from, to a sentence that names none.
CARRY_SENTENCES = 2


def dateline(text: str, body_start: int, toponyms: list[Toponym]) -> Toponym | None:
    """The place of the dateline that opens the body (its first line), if the report has one
    and the place was resolved."""
    inside = _in_dateline(text, body_start, toponyms)
    if not inside:
        return None
    return min(inside, key=lambda t: precision_rank(t.place))  # type: ignore[arg-type]


def _in_dateline(text: str, body_start: int, toponyms: list[Toponym]) -> list[Toponym]:
    """The resolved place mentions inside the head of the report's dateline, if it has one."""
    m = None
    start = body_start
    for _ in range(DATELINE_LINES):  # after a title line or two
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        at = start
        while at < line_end and text[at] in " \t\r":
            at += 1
        m = _DATELINE.match(text, at, line_end) or _COLON_DATELINE.match(text, at, line_end)
        if m or line_end >= len(text):
            break
        start = line_end + 1
    if not m:
        m = _sentence_dateline(text, body_start)
    if not m:
        return []
    return [
        t
        for t in toponyms
        if t.place is not None and m.start("head") <= t.span.start < m.end("head")
    ]


#: "the Ethiopian capital": a country's adjective, then "capital" (group "after": what follows)
_DEMONYM_CAPITAL = re.compile(r"\b[Tt]he ([A-Z][a-z]+) capital\b(?P<after>'s|[ \t]+[a-z]+|)")
#: words after "the X capital" that leave it the city ("the Kenyan capital on Friday"), not an
#: adjective of a noun after it ("the Kenyan capital markets", "capital gains")
_AFTER_CAPITAL = frozenset(
    "city on in at of to from for and or but where which that after before by with last this "
    "earlier later late early since until over was is has had were are said says "
    "'s".split()
)


#: "returned to the capital": the capital of the country the report is about
_THE_CAPITAL = re.compile(
    r"\b(?:to|in|into|from|reached|left|leaving|reaching|for)[ \t]+the[ \t]+(capital)\b"
    r"(?P<after>'s|[ \t]+[A-Za-z]+|)"
)
#: a name right after "the capital": "the capital, Kabul", "the capital city of Kabul"
_NAMED_AFTER = re.compile(r"(?:[ \t]+city)?(?:,|[ \t]+of)?[ \t]+[A-Z]")
#: the kind hint of "the capital" read as the report's country's capital: an inferred place
CAPITAL_HINT = "capital"


def capital_cities(
    text: str, toponyms: list[Toponym], capital: Callable[[str], Place | None]
) -> list[Toponym]:
    """``toponyms`` with a country's adjective in "the Ethiopian capital" read as that
    country's capital city ("fled to the Ethiopian capital" ends in Addis Ababa), not the
    country; ``capital`` gives a country's capital by ISO code. Not an adjective of a noun after
    "capital" ("the Kenyan capital markets"), nor without "the" ("Chinese capital flowed
    in"). For the event reader only: as a place mention the adjective stays the country, as
    the geoparsing corpora annotate it."""
    from geomap.names.lexicon import DEMONYMS

    if "capital" not in text:
        return list(toponyms)  # (both readings need the word: most reports lack it)
    heads: dict[int, Place] = {}
    for m in _DEMONYM_CAPITAL.finditer(text):
        after = m.group("after").strip().lower()
        if after and after not in _AFTER_CAPITAL:
            continue
        entry = DEMONYMS.get(m.group(1).lower())
        city = capital(entry[0]) if entry else None
        if city is not None:
            heads[m.start(1)] = city
    out = []
    for t in toponyms:
        city = heads.get(t.span.start)
        if city is not None and t.place is not None and t.place.feature_type == "country":
            t = replace(t, place=city, kind_hint="city")
        out.append(t)
    taken = {t.span.start for t in toponyms}
    unnamed = []  # where "the capital" stands for the report's country's capital
    for m in _THE_CAPITAL.finditer(text):
        after = m.group("after").strip()
        if after and (after[0].isupper() or after.lower() not in _AFTER_CAPITAL):
            continue  # "the capital Kabul" is named; "the capital city status"
        if _NAMED_AFTER.match(text, m.end(1)):
            continue  # "the capital, Kabul", "the capital city of Kabul": named
        if m.start(1) not in taken:
            unnamed.append((m.start(1), m.end(1)))
    if not unnamed:
        return out
    country = report_country(toponyms)
    code = country.place.country_code if country and country.place else None
    home = capital(code) if code else None
    if home is None:
        return out
    added = [Toponym(Span("capital", a, b), home, CAPITAL_HINT) for a, b in unnamed]
    return sorted([*out, *added], key=lambda t: t.span.start)


def dateline_town(
    text: str,
    body_start: int,
    toponyms: list[Toponym],
    towns: Callable[[str], Sequence[Place]],
) -> list[Toponym]:
    """``toponyms`` with the town of a dateline read as the town it names: a dateline names
    the town a report is filed from, so "NEW YORK (AP) —" is the city, not the state, and
    "HAVEN, Ruritania —" a town of Ruritania, not a namesake elsewhere. ``towns`` gives the
    gazetteer's towns of a name; the most populous one in the region the dateline names
    after the town (else in the region or country the town was read as) is taken. Unchanged
    when the town was read right or the gazetteer has none."""
    inside = sorted(_in_dateline(text, body_start, toponyms), key=lambda t: t.span.start)
    first = inside[0] if inside else None
    read = first.place if first is not None else None
    if first is None or read is None:
        return toponyms
    container = inside[1].place if len(inside) > 1 else None
    if container is not None and container.feature_type not in ("admin1", "country"):
        container = None
    if read.feature_type == "city" and (container is None or contains(container, read)):
        return toponyms
    region = container or (read if read.feature_type in ("admin1", "country") else None)
    if region is None:
        return toponyms
    same = [
        p
        for p in towns(first.span.text)
        if p.feature_type == "city"
        and p.country_code == region.country_code
        and (
            region.feature_type == "country"
            or (p.admin1 or "").lower() == region.name.lower()
            # (a capital district read for its city: the city may lie in another region)
            or (container is None and p.name.lower() == region.name.lower())
        )
    ]
    if not same:
        return toponyms
    town = max(same, key=lambda p: p.population)
    return [replace(t, place=town) if t is first else t for t in toponyms]


def _sentence_dateline(text: str, body_start: int) -> re.Match[str] | None:
    """A dateline that opens one of the first sentences of a report run into one paragraph
    ("... local schools. Springfield, Ohio — Police said"): only in its surest forms, a town
    and its state or country, or a town in capitals."""
    starts = [body_start]
    for b in _SENTENCE_END.finditer(text, body_start, body_start + 1000):
        starts.append(b.end())
        if len(starts) >= DATELINE_LINES:
            break
    for at in starts[1:]:
        m = _DATELINE.match(text, at)
        if m and ("," in m["head"] or m["head"].strip().isupper()):
            return m
    return None


_NAME = r"(?:(?:[A-Z][\w'’-]+|[A-Z]\.)[ \t]+){0,2}[A-Z][\w'’-]+"  # ("Jane Q. Roe")
# "the U.S. Ambassador Jane Roe", "a Leeds man, John Doe,", "Leeds-born singer Jane Roe":
# the name after a place's title or person noun
_NAME_AFTER = re.compile(
    rf"^(?:[ \t]+of[ \t]+[A-Z][a-z]+)?,?[ \t]+(?P<name>{_NAME})\b(?![ \t]+of\b)"
)
_BORN_NAME = re.compile(rf"^-(?:based|born)[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?P<name>{_NAME})\b")
# "Jane Roe of X", "John Doe, 34, of X", "Jane Roe, a X native": the name before the place
_NAME_OF = re.compile(
    r"(?P<first>[A-Z][\w'’-]+)[ \t]+(?P<sur>[A-Z][\w'’-]+)(?:,[ \t]+\d{1,3})?,?[ \t]+of[ \t]+$"
)
# where someone lived, grew up or made a life ("lived in X", "used to have a good life in
# X", "spent his childhood in X"): general English
_LIVED = (
    r"(?:lived|lives|grew[ \t]+up|was[ \t]+raised|was[ \t]+born|used[ \t]+to[ \t]+live|"
    r"(?:used[ \t]+to[ \t]+have|had|built|made)[ \t]+(?:a|an|his|her|their)"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]+(?:life|home)|"
    r"spent[ \t]+(?:[a-z\d]+[ \t]+){0,3}(?:years|decades|childhood|youth|life))"
)
# "Jane Roe lived in X", "Jane Roe, who grew up in X", "Jane Roe used to live in X"
_NAME_LIVED = re.compile(
    rf"(?P<sur>[A-Z][\w'’-]+)(?:,[ \t]+who)?[ \t]+(?:has[ \t]+|had[ \t]+)?{_LIVED}[ \t]+in[ \t]+$"
)
# "he grew up in X", "she used to live in X": the home of whoever "he" or "she" is
_PRONOUN_LIVED = re.compile(
    rf"\b(?:[Hh]e|[Ss]he)(?:[ \t]+(?:has|had|then))?[ \t]+{_LIVED}[ \t]+in[ \t]+$"
)
# "X, where she grew up", "X, Kent, of all places, where he was raised"
_WHERE_LIVED = re.compile(
    r"^(?:,[^.;!?\nA-Z]{0,40})?,[ \t]+where[ \t]+(?:he|she)[ \t]+(?:grew[ \t]+up|was[ \t]+raised|"
    r"was[ \t]+born|lived|spent)\b"
)
# "a Leeds native", "the Leeds man": one person, named after a home (general English)
_ONE_PERSON_AFTER = re.compile(
    r"^[ \t]+(?i:native|resident|man|woman|teen|teenager|boy|girl|mother|father)\b"
)
_PUNCTUATION = "\"'“”‘’()[]{},.;:!?—–-"
_APOSTROPHE = re.compile(r"['’]")
# "Jane Roe", "John Q. Public": a full name, its surname last (a capital that starts a word:
# the look-behind after it, not a leading \b, lets the search skip ahead to capitals)
_FULL_NAME = re.compile(r"([A-Z](?<!\w\w)[a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?([A-Z][a-z][\w'’-]*)\b")
#: How often a report must name the person it is about, and how many times as often as
#: anyone else, to call that person its protagonist.
PROTAGONIST_MENTIONS = 3
PROTAGONIST_LEAD = 2
_NAME_COMMA = re.compile(r"(?P<sur>[A-Z][\w'’-]+),[ \t]+$")
_NAME_A = re.compile(r"(?P<sur>[A-Z][\w'’-]+),[ \t]+(?:a|an|the)[ \t]+$")


def names_someone(text: str) -> bool:
    """True when ``text`` holds a full name ("Lena Brandt", "John Q. Public") whose words
    are not an institution's or a place's kind ("the City Council")."""
    return any(
        not {m[1].lower(), m[2].lower()} & (NOT_A_SURNAME | _NOT_A_NAME)
        for m in _FULL_NAME.finditer(text)
    )


_TITLES = frozenset("Mr Mrs Ms Dr Sen Rep Gov Lt Sgt Capt Gen Col Rev Prof Judge".split())
#: Capitalised words that open a sentence or name a day, not a person ("On Tuesday he ..."):
#: general English.
_NOT_A_NAME = (
    frozenset(
        "on in at the a an last this next after before when then later early late by for".split()
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)


def _may_end_with(text: str, start: int, end: int, word: str) -> bool:
    """False when ``text[start:end]`` does not end in ``word`` and spaces or tabs (before at
    most one final line break): no pattern ending in ``word[ \t]+$`` is found there."""
    window = text[start:end]
    if window.endswith("\n"):
        window = window[:-1]
    trimmed = window.rstrip(" \t")
    return len(trimmed) < len(window) and trimmed.endswith(word)


# what follows a surname that gives its home: "Roe of X", "Roe, 34, of X"
_OF_HOME = re.compile(r"(?:,[ \t]+\d{1,3})?,?[ \t]+of[ \t]+([A-Z][\w.'’-]+)")
_WORD_EDGE = re.compile(r"\b")


def _homes_named(text: str, surname: str) -> set[str]:
    """The capitalised words after each "``surname`` of" and "``surname``, 34, of" in
    ``text`` (the surname a whole word), read left to right as a regular expression's
    matches are (none overlapping)."""
    homes: set[str] = set()
    at = text.find(surname)
    while at >= 0:
        m = _OF_HOME.match(text, at + len(surname)) if _WORD_EDGE.match(text, at) else None
        if m is not None:
            homes.add(m.group(1))
        at = text.find(surname, m.end() if m is not None else at + 1)
    return homes


def person_homes(text: str, toponyms: Sequence[Toponym]) -> dict[str, Toponym]:
    """The homes a report gives named people, by surname (lower case): "Jane Roe of X",
    "John Doe, 34, of X", "Jane Roe, a X native", "Jane Roe grew up in X", "X Governor Jane
    Roe", "Israeli President John Doe" (a demonym counts here: it says where the person is
    from). A name the report gives two homes is left out."""
    out: dict[str, Toponym] = {}
    clash: set[str] = set()

    def add(name: str, t: Toponym) -> None:
        key = name.split()[-1].lower()
        if key in NOT_A_SURNAME or len(key) < 3:
            return
        old = out.get(key)
        if old is not None and old.place is not None and t.place is not None:
            if old.place.gazetteer_id != t.place.gazetteer_id:
                clash.add(key)
            return
        out[key] = t

    for t in toponyms:
        if t.place is None:
            continue
        after = text[t.span.end : t.span.end + 80]
        if after.startswith(("'s", "’s")):
            after = after[2:]  # "Kenya's President Jane Roe", "Roe, Kenya's envoy"
            before = _NAME_COMMA.search(text, max(0, t.span.start - 40), t.span.start)
            if before and TITLE_AFTER.match(after):
                add(before["sur"], t)
                continue
        titled = (
            TITLE_AFTER.match(after)
            or PERSON_AFTER.match(after)
            or (OCCUPATION_AFTER.match(after) if t.kind_hint == "demonym" else None)
        )
        if titled is not None:
            before = _NAME_A.search(text, max(0, t.span.start - 40), t.span.start)
            if before:
                add(before["sur"], t)  # "Jane Roe, a Leeds native", "Roe, the Kenyan envoy"
                continue
            m = _NAME_AFTER.match(after[titled.end() :])
        else:
            m = _BORN_NAME.match(after)
        if m is not None:
            if not any(w.lower() in NOT_A_SURNAME for w in m["name"].split()):
                add(m["name"], t)
            continue
        if t.kind_hint == "demonym":
            continue
        m = (
            _NAME_OF.search(text, max(0, t.span.start - 60), t.span.start)
            if _may_end_with(text, max(0, t.span.start - 60), t.span.start, "of")
            else None
        )
        if m and m["first"].lower() not in NOT_A_SURNAME and m["first"] not in ("The", "A"):
            add(m["sur"], t)
            continue
        m = (
            _NAME_LIVED.search(text, max(0, t.span.start - 60), t.span.start)
            if _may_end_with(text, max(0, t.span.start - 60), t.span.start, "in")
            else None
        )
        if m and m["sur"] not in ("He", "She", "They", "It", "We", "I", "Who"):
            add(m["sur"], t)
    for key in out:
        # a surname the report gives several homes, resolved or not ("sons Pavel Roe of X and
        # Ed Roe of Y"): nobody's in particular
        if len(_homes_named(text, key.title())) > 1:
            clash.add(key)
    for key in clash:
        out.pop(key, None)
    return out


def protagonist(text: str, toponyms: Sequence[Toponym], headline_end: int = 0) -> str | None:
    """The surname (lower case) of the person a report is about: of the people it gives a
    full name and names at least ``PROTAGONIST_MENTIONS`` times, the one its headline (the
    text up to ``headline_end``) names, else the one named more than ``PROTAGONIST_LEAD``
    times as often as anyone else; None when no one stands out."""
    place_words = {w for t in toponyms for w in t.span.text.split()}
    words = [w.strip(_PUNCTUATION) for w in text.split()]
    # a lower-cased first or last name that is also a word of the text ("The", "Haunting"):
    # words, not names
    word_counts = Counter(words)
    names: set[str] = set()
    for m in _FULL_NAME.finditer(text):
        first, sur = m.group(1), _APOSTROPHE.split(m.group(2), 1)[0]
        if (
            sur in place_words
            or sur.lower() in NOT_A_SURNAME
            or first.lower() in NOT_A_SURNAME
            or first.lower() in word_counts
            or sur.lower() in word_counts
        ):
            continue
        names.add(sur)
    if not names:
        return None
    # mentions of each surname (none holds an apostrophe), with its possessives
    seen = {n: word_counts[n] + word_counts[n + "'s"] + word_counts[n + "’s"] for n in names}
    counts = sorted(((seen[n], n) for n in names if seen[n] >= PROTAGONIST_MENTIONS), reverse=True)
    if not counts:
        return None
    in_headline = {
        _APOSTROPHE.split(w.strip(_PUNCTUATION), 1)[0] for w in text[:headline_end].split()
    }
    named = [n for _, n in counts if n in in_headline]
    if len(named) == 1:
        return named[0].lower()  # the one person the headline names ("..., says Dr. Roe")
    if len(counts) > 1 and counts[1][0] * PROTAGONIST_LEAD >= counts[0][0]:
        return None
    return counts[0][1].lower()


def protagonist_home(
    text: str,
    toponyms: Sequence[Toponym],
    people: dict[str, Toponym],
    who: str | None,
    headline_end: int = 0,
) -> Toponym | None:
    """The home a report gives its protagonist (``who``, from :func:`protagonist`): the one
    :func:`person_homes` gave the name, else the one it gives someone unnamed or "he" or
    "she": a headline's (the text up to ``headline_end``) or "the" X native, man, woman …
    with no name after it ("Leeds man wins award", "the Leeds native said"), "he grew up in
    X", "X, where she was born". None when there is no protagonist or the report gives such
    homes to more than one place."""
    if who is None:
        return None
    if who in people:
        return people[who]
    found: dict[str | None, Toponym] = {}
    for t in toponyms:
        if t.place is None or t.kind_hint == "demonym":
            continue
        after = text[t.span.end : t.span.end + 80]
        person = _ONE_PERSON_AFTER.match(after)
        if person is not None and _NAME_AFTER.match(after[person.end() :]) is None:
            before = text[max(0, t.span.start - 4) : t.span.start].lower()
            if t.span.start < headline_end or before.endswith("the "):
                found[t.place.gazetteer_id] = t  # "Leeds man wins", "the Leeds native"
                continue
        if _WHERE_LIVED.match(after) or (
            _may_end_with(text, max(0, t.span.start - 60), t.span.start, "in")
            and _PRONOUN_LIVED.search(text, max(0, t.span.start - 60), t.span.start)
        ):
            found[t.place.gazetteer_id] = t
    return next(iter(found.values())) if len(found) == 1 else None


#: Offices whose holder travels for a country, named without it ("the president", "the head
#: of state"): general English.
OFFICES = frozenset("president premier chancellor king queen emir monarch".split())
# "President Jane Roe", "King Olav": a head of state named by the title alone (a title with
# a country or people before it, "Kenyan President Jane Roe", is person_homes'); the word
# before the title must not be capitalised
_BARE_TITLE = re.compile(
    r"\b(?:President|Prime[ \t]+Minister|Premier|Chancellor|King|Queen|Emir)[ \t]+"
    r"(?:[A-Z][a-z]+[ \t]+){0,2}(?P<sur>[A-Z][a-z][\w'’-]+)\b"
)
# "a trip by the head of state to Y", "a tour of the president's through Y"
_OF_LEADER = re.compile(
    r"^[ \t]+(?:of|by)[ \t]+((?:the|its|their)[ \t]+(?:head[ \t]+of[ \t]+state|[a-z]+))\b"
)
#: How often the report's country must be named (it must be named more than any other).
COUNTRY_MENTIONS = 3


def office_holders(text: str, people: dict[str, Toponym]) -> frozenset[str]:
    """The surnames (lower case) of heads of state the report names by title alone
    ("President Jane Roe") and gives no home of their own."""
    out = set()
    for m in _BARE_TITLE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" \t")
        if before and not (before[-1] in ".!?\n,;:" or before[-1].islower()):
            continue  # "Kenyan President Jane Roe", "U.S. President"
        sur = m["sur"].lower()
        if sur not in people and sur not in NOT_A_SURNAME:
            out.add(sur)
    return frozenset(out)


def report_country(toponyms: Sequence[Toponym]) -> Toponym | None:
    """The country a report is about: the one its places (towns, regions, the country and
    its people) lie in at least ``COUNTRY_MENTIONS`` times and more often than in any
    other; its first mention by name (None if the report never names it)."""
    counts: dict[str, int] = {}
    first: dict[str, Toponym] = {}
    for t in toponyms:
        if t.place is None or t.place.country_code is None:
            continue
        code = t.place.country_code
        counts[code] = counts.get(code, 0) + 1
        if t.place.feature_type == "country" and t.kind_hint != "demonym":
            first.setdefault(code, t)  # named as a country, not only by its people
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < COUNTRY_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return first.get(ranked[0][0])


# "an Italian metal band", "the Leeds rugby team": a group named after its home
_GROUP_NOUNS = (
    r"band|team|squad|club|choir|orchestra|troupe|crew|delegation|"
    r"ship|vessel|boat|tanker|freighter|trawler|ferry"
)
_GROUP_AFTER = re.compile(rf"(?:-based)?[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?P<noun>{_GROUP_NOUNS})\b")
# "a choir from Leeds", "the team from Italy": the group's noun before its home
_GROUP_FROM = re.compile(rf"\b(?P<noun>{_GROUP_NOUNS})[ \t]+from[ \t]+$")
#: Nouns that name any group, standing for the one group a report gave a home ("the Leeds
#: choir ... the group flew to Y"): general English.
ANY_GROUP = frozenset("group party contingent ensemble".split())
#: Nouns of a ship: the report's one ship given a home by its people's adjective ("an
#: Iranian cargo ship ... the vessel docked in A") is named by any of them (general English).
VESSELS = frozenset("ship vessel boat tanker freighter trawler ferry".split())


def group_homes(text: str, toponyms: Sequence[Toponym]) -> dict[str, Toponym]:
    """The homes a report gives groups, by the group's noun ("an Italian band" -> band:
    Italy; "the Leeds-based team" -> team: Leeds); a noun given two homes is left out."""
    out: dict[str, Toponym] = {}
    clash: set[str] = set()
    for t in toponyms:
        if t.place is None:
            continue
        m = _GROUP_AFTER.match(text, t.span.end, t.span.end + 60) or _GROUP_FROM.search(
            text, max(0, t.span.start - 40), t.span.start
        )
        if m is None:
            continue
        noun = "vessel" if m["noun"] in VESSELS else m["noun"]
        if noun == "vessel" and t.kind_hint != "demonym":
            continue  # ("the Dover ferry", "a Hamburg freighter": a route or a port of call)
        old = out.get(noun)
        if (
            old is not None
            and old.place is not None
            and old.place.gazetteer_id != t.place.gazetteer_id
        ):
            clash.add(noun)
        out.setdefault(noun, t)
    return {k: v for k, v in out.items() if k not in clash}


def titled_demonyms(text: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The demonyms that give people their home ("the Canadian Prime Minister", "Kenyan
    troops", "Syrian refugees", "thousands of Afghans"), in text order."""
    return [
        t
        for t in toponyms
        if t.kind_hint == "demonym"
        and t.place is not None
        and (
            TITLE_AFTER.match(text[t.span.end : t.span.end + 60])
            or OCCUPATION_AFTER.match(text[t.span.end : t.span.end + 60])
            or people_word(t)
        )
    ]


_ENVOY_AFTER = re.compile(
    r"(?:(?:,|[ \t]+and|[ \t]+or)[ \t]+[A-Z][\w-]*)*"  # "Chilean and Peruvian diplomats"
    r"[ \t]+(?i:diplomats?|diplomatic|ambassadors?|envoys?|embassy|consul(?:ate)?s?)\b"
)


def envoy_demonyms(text: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The demonyms that give envoys their country ("Ruritanian diplomats", "the Freedonian
    ambassador"), in text order."""
    return [
        t
        for t in toponyms
        if t.kind_hint == "demonym"
        and t.place is not None
        and _ENVOY_AFTER.match(text, t.span.end, t.span.end + 40)
    ]


def people_word(t: Toponym) -> bool:
    """True for a demonym naming people ("Syrians", "Afghans"), not an adjective."""
    return t.span.text.endswith("s") and t.span.text[:1].isupper() and len(t.span.text) > 4


def first_town(toponyms: Sequence[Toponym]) -> Toponym | None:
    """The first town a report names (not a demonym): what "here" means when it has no
    dateline."""
    return next(
        (
            t
            for t in toponyms
            if t.place is not None and t.kind_hint != "demonym" and t.place.feature_type == "city"
        ),
        None,
    )


#: Words for a person that may stand for a report's protagonist.
_PRONOUN_WORDS = frozenset("he she his her him".split())
_CAPITALISED = re.compile(r"[A-Z](?<!\w\w)[\w'’-]+")  # a capitalised word (see _FULL_NAME)


class Background:
    """Who and what a report is about (its protagonist and their home, its groups' homes,
    its leaders named by title alone, its country), each read from the whole report the
    first time a sentence asks."""

    def __init__(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        people: dict[str, Toponym],
        headline_end: int = 0,
    ) -> None:
        self._text = text
        self._toponyms = toponyms
        self._people = people
        self._headline_end = headline_end

    @cached_property
    def protagonist(self) -> str | None:
        return protagonist(self._text, self._toponyms, self._headline_end)

    @cached_property
    def protagonist_home(self) -> Toponym | None:
        return protagonist_home(
            self._text, self._toponyms, self._people, self.protagonist, self._headline_end
        )

    @cached_property
    def groups(self) -> dict[str, Toponym]:
        return group_homes(self._text, self._toponyms)

    @cached_property
    def leaders(self) -> frozenset[str]:
        return office_holders(self._text, self._people)

    @cached_property
    def country(self) -> Toponym | None:
        return report_country(self._toponyms)

    @property
    def toponyms(self) -> Sequence[Toponym]:
        """Every place mention of the report."""
        return self._toponyms

    @property
    def text(self) -> str:
        """The report's text."""
        return self._text


# the end of a sentence, up to the next one's first letter
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"'”’)]*\s+(?=[A-Z])")


@dataclass(slots=True)
class Discourse:
    """The places and date the report has been about so far, sentence by sentence."""

    dateline: Toponym | None = None
    people: dict[str, Toponym] = field(default_factory=dict)  # person_homes()
    background: Background | None = None  # who and what the report is about, when asked
    titled: list[Toponym] = field(default_factory=list)  # titled_demonyms()
    demonyms: list[Toponym] = field(default_factory=list)  # every resolved demonym, in order
    envoys: list[Toponym] = field(default_factory=list)  # envoy_demonyms()
    first_town: Toponym | None = None  # the first town the report names
    previous: Toponym | None = None  # the most specific place of the last sentence with one
    _previous_when: When | None = None
    #: the sentence before, when it told no event: a log's dated lead-in ("11 March - A.")
    previous_label: str | None = None
    _previous_text: tuple[str, date | None] | None = None  # the date not read yet
    since: int = 0  # sentences since ``previous`` was set
    #: False when ``previous`` is a place someone came from ("had travelled from A") or one
    #: of several places of its rank ("found in A, B and C"): no one place the sentence is at
    previous_sure: bool = True
    home: Toponym | None = None  # the last home the report gave a person ("a Leeds man")
    story: Toponym | None = None  # where the last incident told happened
    story_since: int = CARRY_SENTENCES  # sentences since ``story`` was set
    protest: Toponym | None = None  # where the last protest told happened
    struck: Toponym | None = None  # where the last sentence's violence was (told or carried)
    struck_now: Toponym | None = None  # the same, for the sentence being read
    destination: Toponym | None = None  # where the last movement told went
    # where the last movement told went, however many sentences ago (``journey_since``): the
    # stop a journey that goes on sets out from ("flew to A, where he opened a fair. The
    # fair drew 300 firms. He will travel on to B")
    journey_end: Toponym | None = None
    journey_since: int = CARRY_SENTENCES
    came_from: Toponym | None = None  # where that movement started
    departed: Toponym | None = None  # where the last sentence said someone left, going nowhere
    # destinations told with no origin (document offset, motion lemma, place), by "he",
    # "she", "they" or an unnamed mover: a finer account of a journey told before ("moved to
    # Texas ... when she moved to Austin")
    unrooted: list[tuple[int, str, Toponym]] = field(default_factory=list)
    # the home of the one person with a home (``people``) the last sentence named, for a
    # "he" or "she" that goes on with that person ("Jane Roe of X was fined. She drove to Y")
    last_named_home: Toponym | None = None
    _named_home: Toponym | None = None  # this sentence's, until the next one is read
    _told: Toponym | None = None  # this sentence's incident place, until it is read
    _went: Toponym | None = None  # this sentence's last destination, until it is read
    _came: Toponym | None = None  # where this sentence's last movement started
    _left: Toponym | None = None  # this sentence's departure with no destination

    def tell(
        self,
        place: Toponym | None = None,
        went: Toponym | None = None,
        left: Toponym | None = None,
        came: Toponym | None = None,
    ) -> None:
        """Note an incident's place (``place``), a movement's destination (``went``) or a
        departure that says nothing of where it went (``left``) told by the sentence being
        read; they become the story's once the sentence is read."""
        if place is not None:
            self._told = place
        if went is not None:
            self._went, self._came = went, came
        if left is not None:
            self._left = left

    def read_names(self, sentence: str, places: Sequence[tuple[int, int]] = ()) -> None:
        """Note the home of the one person this sentence names, if the report gave that
        person one (surnames from :func:`person_homes`; ``places`` are the sentence's place
        mentions, as offsets into it); the sentence before's becomes ``last_named_home``.
        A sentence that also names anyone else names no one in particular."""
        self.last_named_home, self._named_home = self._named_home, None
        if not self.people:
            return
        lowered = sentence.lower()
        if not any(name in lowered for name in self.people):
            return
        words = [
            m
            for m in _CAPITALISED.finditer(sentence)
            if not any(a <= m.start() < b for a, b in places)
        ]
        known = [i for i, m in enumerate(words) if m[0].lower() in self.people]
        if not known:
            return
        home = self.home_of([words[i][0] for i in known])
        first_names = {i - 1 for i in known if i and words[i - 1].end() + 1 == words[i].start()}
        others = [
            m[0]
            for i, m in enumerate(words)
            if i not in known
            and i not in first_names
            and m.start() > 0
            and m[0].lower() not in _NOT_A_NAME
            and m[0].lower() not in NOT_A_SURNAME
            and m[0].rstrip(".") not in _TITLES
        ]
        if home is not None and not others:
            self._named_home = home

    def _advance(self) -> None:
        if self._told is not None:
            self.story, self.story_since, self._told = self._told, 0, None
        else:
            self.story_since += 1
        if self._went is not None:
            self.journey_end, self.journey_since = self._went, 0
        else:
            self.journey_since += 1
        self.destination, self._went = self._went, None
        self.came_from, self._came = self._came, None
        self.departed, self._left = self._left, None  # only the next sentence goes on
        self.struck, self.struck_now = self.struck_now, None

    @property
    def told_now(self) -> Toponym | None:
        """The place of an incident the sentence being read told, if it told one."""
        return self._told

    def scene(self) -> Toponym | None:
        """Where the last incident the report told happened, however many sentences ago: the
        place "at the scene" points back at."""
        return self._told if self._told is not None else self.story

    def recent_journey_end(self) -> Toponym | None:
        """Where the last movement told went, if told in the last ``CARRY_SENTENCES``."""
        return self.journey_end if self.journey_since < CARRY_SENTENCES else None

    def recent_story(self) -> Toponym | None:
        """Where the last incident told happened, if it was told in this sentence or the
        last ones (``CARRY_SENTENCES``)."""
        if self._told is not None:
            return self._told
        return self.story if self.story_since < CARRY_SENTENCES else None

    def next_sentence(self, mentions: list[Mention], when: When | None) -> None:
        """Remember what a sentence was about once it has been read."""
        self.previous_label = None
        self._advance()
        for m in mentions:
            if m.cue.role == "home" and m.place.feature_type == "city":
                self.home = m.toponym
        # "Police also arrested John Doe, 40, of A": where a person named lives is not where
        # the story is, so the sentences after do not take it
        placed = [m for m in mentions if m.cue.role != "person-home"]
        if placed:
            best = min(placed, key=lambda m: precision_rank(m.place))
            self.previous = best.toponym
            self.previous_sure = best.cue.role != "origin" and _alone(
                best.toponym, [m.toponym for m in placed]
            )
            self._previous_when = when
            self._previous_text = None
            self.since = 0
        else:
            self.since += 1

    def read_label(self, sentence: str, published: date | None) -> None:
        """Note a dated lead-in that names no place ("5 March.", "Tuesday 4 June:"): the
        date of the events the next sentence tells (``previous_when``)."""
        self.previous_label = sentence
        self._previous_when = None
        self._previous_text = (sentence, published)

    def next_sentence_toponyms(
        self, toponyms: list[Toponym], sentence: str, published: date | None, text: str = ""
    ) -> None:
        """Remember the places of a sentence without any trigger word (``text`` is the
        document's, for the homes it gives: "a Leeds native"); its date is read only if a
        later sentence takes its place."""
        self._advance()
        for t in toponyms:
            if t.place is not None and t.place.feature_type == "city":
                after = text[t.span.end : t.span.end + 40]
                if after.startswith(("-based", "-born")) or PERSON_AFTER.match(after):
                    self.home = t
        # ("they found Jane Doe, 43, of A": her home, not where the story is)
        toponyms = [
            t
            for t in toponyms
            if not _AGED_PERSON_OF.search(text[max(0, t.span.start - 40) : t.span.start])
        ]
        if not toponyms:
            self.since += 1
            return
        self.previous = min(toponyms, key=lambda t: precision_rank(t.place))  # type: ignore[arg-type]
        before = text[max(0, self.previous.span.start - 10) : self.previous.span.start]
        self.previous_sure = _alone(self.previous, toponyms) and not _FROM_END.search(before)
        self._previous_when = None
        self._previous_text = (sentence, published)
        self.since = 0
        self.previous_label = sentence

    def demonyms_between(self, start: int, end: int) -> list[Toponym]:
        """The resolved demonyms ("Chilean", "Norwegians") between two document offsets."""
        return [t for t in self.demonyms if start <= t.span.start < end]

    def envoys_home(self, before: int) -> Toponym | None:
        """The one country whose envoys the report named before offset ``before`` ("the
        expulsion of Ruritanian diplomats"), or None when it named none or several."""
        homes = {
            t.place.gazetteer_id: t
            for t in self.envoys
            if t.span.start < before and t.place is not None
        }
        return next(iter(homes.values())) if len(homes) == 1 else None

    def titled_between(self, start: int, end: int) -> list[Toponym]:
        """The titled demonyms (:func:`titled_demonyms`) between two document offsets."""
        return [t for t in self.titled if start <= t.span.start < end]

    def may_infer(self, words: set[str], start: int, end: int) -> bool:
        """True when a sentence (its lower-cased ``words``, its document offsets) holds what
        can give a movement its other end: a person whose home the report gave, a titled
        demonym, or "here"."""
        return (
            not self.people.keys().isdisjoint(words)
            or (self.last_named_home is not None and not _PRONOUN_WORDS.isdisjoint(words))
            or bool(self.titled_between(start, end))
            or (not {"here", "local"}.isdisjoint(words) and self.here is not None)
            or not self.groups.keys().isdisjoint(words)
            or ("vessel" in self.groups and not VESSELS.isdisjoint(words))
            or (bool(self.groups) and not ANY_GROUP.isdisjoint(words))
            or (
                self.protagonist_home is not None
                and (self.protagonist in words or not _PRONOUN_WORDS.isdisjoint(words))
            )
            or (
                self.country is not None
                and not (
                    self.leaders.isdisjoint(words)
                    and OFFICES.isdisjoint(words)
                    and not {"head", "state"} <= words
                )
            )
        )

    @property
    def here(self) -> Toponym | None:
        """The town the report is from: its dateline's, else the first it names."""
        if self.dateline is not None and self.dateline.place is not None:
            return self.dateline if self.dateline.place.feature_type == "city" else None
        return self.first_town

    @property
    def protagonist(self) -> str | None:
        """The surname of the person the report is about (:func:`protagonist`)."""
        return self.background.protagonist if self.background is not None else None

    @property
    def protagonist_home(self) -> Toponym | None:
        """That person's home (:func:`protagonist_home`)."""
        return self.background.protagonist_home if self.background is not None else None

    @property
    def groups(self) -> dict[str, Toponym]:
        """The homes of the groups the report names (:func:`group_homes`)."""
        return self.background.groups if self.background is not None else {}

    @property
    def leaders(self) -> frozenset[str]:
        """Heads of state named by title alone (:func:`office_holders`)."""
        return self.background.leaders if self.background is not None else frozenset()

    @property
    def country(self) -> Toponym | None:
        """The country the report is about (:func:`report_country`)."""
        return self.background.country if self.background is not None else None

    def group_home(self, actor: str | None) -> Toponym | None:
        """The home the report gave the group that moves ("the band", "the team")."""
        words = (actor or "").lower().split()
        if len(words) < 2 or words[0] not in ("the", "this", "that"):
            return None
        if words[-1] in ANY_GROUP and len(words) == 2:
            # "the group": the one group the report gave a home, if it gave one
            homes = {t.place.gazetteer_id: t for t in self.groups.values() if t.place is not None}
            return next(iter(homes.values())) if len(homes) == 1 else None
        return self.groups.get("vessel" if words[-1] in VESSELS else words[-1])

    def leader_home(
        self, actor: str | None, names: Sequence[str], after: str = ""
    ) -> Toponym | None:
        """The report's country, for a journey by a head of state it names without a
        country ("President Roe", "the president", "the head of state"; ``after``: the
        text after a journey noun, "the visit of the president to Y")."""
        if self.country is None:
            return None
        words = (actor or "").lower().split()
        if not words:
            m = _OF_LEADER.match(after)
            words = m.group(1).lower().split() if m else []
        if (
            words
            and words[0] in ("the", "its", "their")
            and (words[-1] in OFFICES or words[-3:] == ["head", "of", "state"])
        ):
            return self.country
        if any(w[:1].isupper() and w.lower() in self.leaders for w in names):
            return self.country
        return None

    def home_of(self, names: Sequence[str]) -> Toponym | None:
        """The home the report gave the one named person among ``names`` (capitalised words
        that name the mover), if exactly one of them has one; the protagonist counts with
        the home :func:`protagonist_home` gave."""
        people = self.people
        if self.protagonist is not None and self.protagonist_home is not None:
            people = {**people, self.protagonist: self.protagonist_home}
        found = {
            people[w.lower()].place.gazetteer_id: people[w.lower()]  # type: ignore[union-attr]
            for w in names
            if w[:1].isupper() and w.lower() in people
        }
        return next(iter(found.values())) if len(found) == 1 else None

    @property
    def previous_when(self) -> When | None:
        """The date of the sentence ``previous`` comes from."""
        if self._previous_text is not None:
            self._previous_when = find_date(*self._previous_text)
            self._previous_text = None
        return self._previous_when

    def carried(self) -> Toponym | None:
        """The place a sentence that names none is about: where the incident the last
        sentences told happened, else the last sentences' place, else the dateline's."""
        story = self.recent_story()
        if story is not None:
            return story
        recent = self.previous if self.since < CARRY_SENTENCES else None
        if recent is None or recent.place is None:
            return self.dateline
        if self.dateline is not None and self.dateline.place is not None:
            if contains(recent.place, self.dateline.place):
                return self.dateline  # "Oklahoma lawmakers" after "OKLAHOMA CITY —"
        return recent


_FROM_END = re.compile(r"\bfrom (?:the )?$", re.I)
#: A person's name and age before "of" ("Jane Doe, 43, of "): the place after is a home.
_AGED_PERSON_OF = re.compile(r"[A-Z][\w'’-]+,[ \t]*\d{1,3},[ \t]*of[ \t]+$")


def _alone(best: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """True when no other place of the sentence is as specific as ``best`` ("found in A, B and
    C": three of one rank, none the place the sentence is at)."""
    if best.place is None:
        return False
    rank = precision_rank(best.place)
    return not any(
        t.place is not None
        and t.place.gazetteer_id != best.place.gazetteer_id
        and precision_rank(t.place) == rank
        for t in toponyms
    )
