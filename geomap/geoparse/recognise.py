"""Find place mentions in running text, with end-exclusive character offsets.

Gazetteer matching over runs of capitalised words, with context:
- titles ("President", "Sgt.") and given names ("Michael Brandon") mark people, and a word used
  in a person's name is not a (small) place elsewhere in the document (nor is a surname after
  a nickname in quotes: "Jane \u201cJay\u201d Roe"); "Jane Roe of Dayton" is a
  person, then where she is from; a well-known place (a country, a first-level region, a city of
  100,000+) is dropped only on specific evidence (a full personal name, a surname, an
  organisation's name), not for sharing a word with a person or standing before "said";
  a run cut by "and", a word with a digit or an acronym is several names, not one person's
  ("Erie GM Jane Roe"); a small place's name next to "said" is a person's all through the
  document; one beside " & " is a firm's ("Dyer & Lipscomb");
- organisation words ("Department", "Police", "University of") mark bodies, whose own name is
  not a place, but a place named inside one is ("Ohio Department of Health" -> Texas);
- country and region adjectives ("Russian", "Palestinians") are mentions of their country;
- a place in capitals that a dateline's agency or dash follows ("DAYTON (AP) \u2014") is a
  place all through the document, even where a person shares its name, and is cut from a
  byline that runs into it;
- "United" right before a country names a party or a movement ("United Ruritania");
- a make of car before a name, or a model year after a determiner ("a 1998 Lakeview"), make
  it a car, and its word no small place elsewhere in the document;
- street and building words ("Toledo Road") make the whole a street, placed at its town;
- sentence-initial common words and short acronyms need strong evidence;
- region words ("Province", "County") and phrases ("the city of") hint at the kind of place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from geomap.gazetteer.index import Strength
from geomap.geoparse.text import TOKEN, Token, capitalised_runs, joined, tokenise
from geomap.model import Span, Toponym
from geomap.names.lexicon import (
    ABBREVIATIONS,
    BUILDING_WORDS,
    CIVIC_ORG_WORDS,
    CONNECTORS,
    DEMONYM_PLURALS,
    DEMONYMS,
    DETERMINERS,
    EVENT_NAME_HEADS,
    FACILITY_SUFFIXES,
    GEO_MODIFIERS,
    GOVERNMENT_SEATS,
    KIN_WORDS,
    LEADING_WORDS,
    LOCATIVE_CUES,
    LOWER_TITLES,
    NAME_JOINERS,
    NOT_PLACES,
    ORG_WORDS,
    PERSON_AFTER,
    PERSON_OBJECT_VERBS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    REGION_DEMONYMS,
    REGION_SUFFIXES,
    SPEECH_VERBS,
    STOPWORDS,
    TIME_WORDS,
    TITLES,
    VEHICLE_MAKES,
    demonym_place,
    given_names,
)
from geomap.names.normalise import name_key

MAX_NGRAM = 6
_CAPITALISED = attrgetter("capitalised")
_LOOKUPS_KEPT = 50_000  # phrases whose lookups a recogniser remembers (some MB)
STREET = "street"  # the kind hint of a street or facility, placed at the town that holds it
_CITY_OF = re.compile(r"\b(?:city|town|village|suburb) of\s+$")
_REGION_OF = re.compile(r"\b(?:province|state|region) of\s+$")
_COUNTY_OF = re.compile(r"\bcounty of\s+$")
# a list of names that a plural region word ends: "Ada, Boone and Clay counties"
_NAME = r"[A-Z][\w.\u2019'\-]*(?: [A-Z][\w.\u2019'\-]*){0,3}"
_LIST_OF_KIND = re.compile(
    rf"(?:(?:,|,? and|,? or|,? &) {_NAME})* (counties|parishes|provinces|Counties|Parishes|"
    r"Provinces)\b"
)
_PLURAL_KINDS = {"counties": "admin2", "parishes": "admin2", "provinces": "admin1"}
_DEMONYM_KEYS = frozenset(DEMONYMS) | frozenset(REGION_DEMONYMS) | frozenset(DEMONYM_PLURALS)
_MAX_DEMONYM_WORDS = 2
_WEEKDAYS = frozenset(w for w in TIME_WORDS if w.endswith("day"))  # never a surname
_DEMONYM_FIRST_WORDS = frozenset(k.split(" ", 1)[0] for k in _DEMONYM_KEYS)
# the word that ends the name of a township ("Sand Creek Township"; a county, parish or
# district named after a town is found by the name of the town)
_UNIT_SUFFIXES = frozenset(("township",))
# a nickname in quotes between a given name and a surname: "Jane \u201cJay\u201d Roe"
_QUOTE_OPENINGS = frozenset((' "', " \u201c", " '", " \u2018"))
_QUOTE_CLOSINGS = frozenset(('" ', "\u201d ", "' ", "\u2019 "))
_POSSESSIVES = ("'s ", "\u2019s ")
_MAX_NICKNAME_WORDS = 3
# what follows the place of a dateline in capitals: "DAYTON (AP) \u2014", "DAYTON, Ohio --"
_DATELINE_AFTER = re.compile(
    r"(?:,[ \t]*[A-Z][A-Za-z.]{1,20})?[ \t]*(?:\([A-Za-z .&-]{1,30}\))?"
    r"[ \t]*(?:\u2014|\u2013|--|-)[ \t]"
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a model year: "a 1998 Lakeview"
# words that may follow a place name in a hyphen-joined part ("Springfield-Greene County
# Health Department")
_BODY_WORDS = BUILDING_WORDS | ORG_WORDS | CIVIC_ORG_WORDS
# " in " and a capitalised word right after a building's name: the town holding it ("moved to
# Quibble Infirmary in Leeds")
_IN_TOWN = re.compile(r",? in [A-Z]")
_HEAD_WORDS = FACILITY_SUFFIXES | BUILDING_WORDS  # the head words of streets and buildings
_PART_WORDS = frozenset(REGION_SUFFIXES) | FACILITY_SUFFIXES | _BODY_WORDS | CONNECTORS


#: Words that join a headline's phrases and never stand inside a person's name: a run in
#: capitals that holds one is a headline, not a name.
_EVENT_LINKS = frozenset(("of", "de", "du", "des"))  # "the Battle of", "the Tour de"
_HEADLINE_LINKS = frozenset("of the off in at on to for from into near".split())


def _date_at(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` is a month followed by a day's number ("April 4")."""
    return (
        tokens[i].key in TIME_WORDS
        and i + 1 < len(tokens)
        and tokens[i + 1].text.isdigit()
        and len(tokens[i + 1].text) <= 2
    )


def _split_at_titles(tokens: list[Token], run: Sequence[int]) -> list[tuple[list[int], bool]]:
    """Split a run at title words; each piece says whether a title stood right before it."""
    pieces: list[tuple[list[int], bool]] = []
    current: list[int] = []
    after_title = False
    for k, idx in enumerate(run):
        # a title stands before a name, not before "and" / "of": "Department of Justice and ..."
        if tokens[idx].key.rstrip(".") in TITLES and (
            k + 1 == len(run) or tokens[run[k + 1]].capitalised
        ):
            if current:
                pieces.append((current, after_title))
            current, after_title = [], True
            continue
        current.append(idx)
    if current:
        pieces.append((current, after_title))
    return pieces


def _after_locative(tokens: list[Token], i: int) -> bool:
    """True for "North Korean" in "in North Korean society", "through the Chinese border".

    Such an adjective is left out: event extraction would take it for where things happened.
    """
    before = [t.key for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] in ("the", "a", "an"):
        before = before[:-1]
    return bool(before) and before[-1] in PLACE_PREPOSITIONS


def _strip_region_word(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES:
        return " ".join(words[:-1])
    return text


@dataclass(slots=True)
class _Doc:
    """What the recogniser learns about a document while reading it."""

    lower_words: set[str]  # words seen in lower case ("along", "story")
    person_words: set[str]  # words seen in people's names
    evidence: set[str]  # names seen where only places stand ("in Paris", "Paris Police")
    deferred: list[Toponym]  # sentence-initial names kept only if seen elsewhere as places
    strong: set[str] = field(default_factory=set)  # evidence other than after a preposition
    surnames: set[str] = field(default_factory=set)  # the last word of people's names
    products: set[str] = field(default_factory=set)  # words of cars' makes and models

    def person(self, words: list[str]) -> None:
        """Record the words of a person's name (connectors left out)."""
        words = [w for w in words if w not in CONNECTORS]
        self.person_words.update(words)
        if words:
            self.surnames.add(words[-1])


@dataclass(slots=True)
class _Match:
    first: int  # token index
    last: int  # inclusive
    key: str


class Recogniser:
    """Finds toponyms using a name-membership test and a name-strength test.

    ``has_name(name_key) -> bool``: some place has this name. ``big_name(name_key) -> int``:
    how strongly the name alone says "a place", a :class:`~geomap.gazetteer.index.Strength`
    (``Gazetteer.strength``).
    """

    def __init__(
        self, has_name: Callable[[str], bool], big_name: Callable[[str], int | bool]
    ) -> None:
        self.has_name = has_name
        self.big_name = big_name
        self.given = given_names()
        self._looked_up: dict[str, tuple[str, int]] = {}  # see :meth:`_lookup`

    def _lookup(self, phrase: str) -> tuple[str, int]:
        """``phrase``'s name key, and 1 when some place has that name, -1 when the name is in
        NOT_PLACES, else 0 (remembered: the same words recur across a document and the next)."""
        found = self._looked_up.get(phrase)
        if found is None:
            key = name_key(phrase)
            found = (key, -1 if key in NOT_PLACES else 1 if self.has_name(key) else 0)
            if len(self._looked_up) >= _LOOKUPS_KEPT:
                self._looked_up.clear()
            self._looked_up[phrase] = found
        return found

    def _longest_matches(self, tokens: list[Token], piece: list[int]) -> list[_Match]:
        lookup = self._lookup
        if len(piece) == 1:  # most pieces: one capitalised word
            tok = tokens[piece[0]]
            if tok.key in CONNECTORS:
                return []
            key, known = lookup(tok.text)
            if known <= 0:
                return []
            return [_Match(piece[0], piece[0], key)]
        matches: list[_Match] = []
        words = [tokens[t].text for t in piece]
        # a match neither ends with a connector nor opens with a lower-case one: "El Paso",
        # "La Paz", "The Hague" open with a capitalised one
        connector = [tokens[t].key in CONNECTORS for t in piece]
        n = len(piece)
        i = 0
        while i < n:
            found = None
            if not connector[i] or words[i][:1].isupper():
                for j in range(min(n, i + MAX_NGRAM), i, -1):
                    if connector[j - 1]:
                        continue
                    key, known = lookup(words[i] if j == i + 1 else " ".join(words[i:j]))
                    if known < 0:
                        i = j - 1
                        break
                    if known:
                        found = _Match(piece[i], piece[j - 1], key)
                        i = j
                        break
            if found:
                matches.append(found)
            else:
                i += 1
        return matches

    def _demonym_at(self, tokens: list[Token], piece: list[int], i: int) -> int:
        """How many words of ``piece`` from position ``i`` form a demonym (0: none)."""
        if tokens[piece[i]].key not in _DEMONYM_FIRST_WORDS:
            return 0
        for n in range(min(_MAX_DEMONYM_WORDS, len(piece) - i), 0, -1):
            key = " ".join(tokens[t].key for t in piece[i : i + n])
            if key in _DEMONYM_KEYS:
                return n
        return 0

    def _possessive_names(self, text: str, tokens: list[Token]) -> list[Token]:
        """``tokens`` with a possessive that begins a place name joined to the rest of it
        ("Cox's Bazar", "St. John's"): the tokeniser cut the "'s" off as a possessive."""
        if "'s " not in text and "’s " not in text:
            return tokens
        out: list[Token] = []
        n = len(tokens)
        done = 0  # tokens before this index are in ``out`` or joined into a name
        for i in compress(range(n), map(_CAPITALISED, tokens)):
            t = tokens[i]
            if i < done or text[t.end : t.end + 3] not in _POSSESSIVES:
                continue
            for j in range(min(n - 1, i + MAX_NGRAM - 1), i, -1):
                if not tokens[j].capitalised or tokens[i + 1].start != t.end + 3:
                    continue
                name = text[t.start : tokens[j].end]
                if "\n" not in name and self.has_name(name_key(name)):
                    out.extend(tokens[done:i])
                    out.append(
                        Token(name, t.start, tokens[j].end, t.sentence_start, name.lower(), True)
                    )
                    done = j + 1
                    break
        if not done:
            return tokens
        out.extend(tokens[done:])
        return out

    def recognise(self, text: str) -> list[Toponym]:
        """Every place mention in ``text``, in order of appearance."""
        tokens = self._possessive_names(text, tokenise(text))
        doc = _Doc({t.text for t in tokens if not t.capitalised}, set(), set(), [])
        self._evidence(text, tokens, doc)
        person_words = doc.person_words
        out: list[Toponym] = []
        for run in capitalised_runs(text, tokens):
            pieces = _split_at_titles(tokens, run)
            if (
                pieces
                and not pieces[0][1]
                and pieces[0][0][0] == run[0]
                and _after_lower_title(text, tokens, run[0])
                and not self._demonym_at(tokens, pieces[0][0], 0)
            ):
                # "town councillor Jane Nelson", "said detective Nelson": a person
                pieces[0] = (pieces[0][0], True)
            for piece, after_title in pieces:
                if after_title:
                    # "Sen. Jane Roe of Ohio": the person, then where she is from
                    of = next((k for k, i in enumerate(piece) if tokens[i].key == "of"), None)
                    name = piece[:of]
                    joint = next((k for k, i in enumerate(name) if tokens[i].text == "and"), None)
                    if joint is not None and 0 < joint < len(name) - 1:
                        # "Gov. Jane Roe and Ruritania's envoy": the person, then a new name
                        doc.person([tokens[i].key for i in name[:joint]])
                        out.extend(self._piece(text, tokens, name[joint + 1 :], doc))
                    else:
                        doc.person([tokens[i].key for i in name])
                    if of is not None and of + 1 < len(piece):
                        out.extend(self._piece(text, tokens, piece[of + 1 :], doc))
                    continue
                # country and region adjectives split the piece: "Russian Foreign Ministry"
                sub: list[int] = []
                subs: list[list[int]] = []
                k = 0
                while k < len(piece):
                    n = self._demonym_at(tokens, piece, k)
                    if n and len(piece) > k + n and self._is_place_word(tokens, piece, k):
                        n = 0  # "Indian Ocean", "American Samoa"
                    if n:
                        if sub:
                            subs.append(sub)
                        sub = []
                        quiet = (k == 0 and _after_locative(tokens, piece[0])) or (
                            k + n == len(piece) and self._describes_next_place(tokens, piece[-1])
                        )
                        if not quiet:
                            first, last = tokens[piece[k]], tokens[piece[k + n - 1]]
                            span = Span(text[first.start : last.end], first.start, last.end)
                            out.append(Toponym(span, None, "demonym"))
                        k += n
                        continue
                    sub.append(piece[k])
                    k += 1
                if sub:
                    subs.append(sub)
                for part in subs:
                    out.extend(self._piece(text, tokens, part, doc))
        # a sentence-initial name counts when the document also uses it as a place elsewhere
        seen = {name_key(t.span.text) for t in out if t.kind_hint != "demonym"} | doc.evidence
        seen |= {name_key(_strip_region_word(t.span.text)) for t in out}
        out.extend(t for t in doc.deferred if name_key(t.span.text) in seen)
        out.sort(key=lambda t: t.span.start)
        # one sense per document: a word used in a person's name is not a city elsewhere (a
        # country or a first-level region stays one unless it was a surname), unless the
        # document also uses it where only places stand ("Paris Police", "Paris,
        # Texas"; a preposition is not enough: "shot into Bell's back")
        if doc.products:  # "the Durango" after "a Dodge Durango": the car again
            out = [
                t
                for t in out
                if " " in t.span.text
                or t.span.text.lower() not in doc.products
                or t.span.text.lower() in doc.evidence
                or self.big_name(name_key(t.span.text)) >= Strength.CITY
            ]
        return [
            t
            for t in out
            if t.kind_hint == "demonym"
            or " " in t.span.text
            or t.span.text.lower() not in person_words
            or t.span.text.lower() in doc.strong
            or (  # "in Dallas" besides "Dallas Smith": a well-known place is still one
                t.span.text.lower() in doc.evidence
                and self.big_name(name_key(t.span.text)) >= Strength.CITY
                and t.span.text.lower() not in doc.surnames
            )
            or (
                self.big_name(name_key(t.span.text)) >= Strength.ADMIN1
                and t.span.text.lower() not in doc.surnames
            )
        ]

    def _evidence(self, text: str, tokens: list[Token], doc: _Doc) -> None:
        """Single capitalised words that stand where only places stand: after "in", "near"...,
        before a civic organisation word ("Paris Police"), before ", <state>"; and people's
        names with a nickname in quotes ("Jane \u201cJay\u201d Lakeview")."""
        if any(q in text for q in _QUOTE_CLOSINGS):
            self._nicknamed(text, tokens, doc)
        for k in compress(range(len(tokens)), map(_CAPITALISED, tokens)):  # (most are not)
            t = tokens[k]
            if t.key in STOPWORDS:
                continue
            if _dateline_at(text, tokens, k):
                # "DAYTON (AP) \u2014": a place, even where a person shares its name
                first = k
                while (
                    first > 0
                    and tokens[first - 1].text.isupper()
                    and joined(text, tokens[first - 1], tokens[first])
                ):
                    first -= 1  # "NEW DAYTON", "ST. DAYTON", "ISLE OF DAYTON"
                name = text[tokens[first].start : t.end].lower()
                doc.evidence.add(name)
                doc.strong.add(name)
                continue
            prev = tokens[k - 1].key if k else ""
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if prev in PLACE_PREPOSITIONS and not (nxt and nxt.capitalised):
                doc.evidence.add(t.key)
            elif nxt is not None and nxt.key in CIVIC_ORG_WORDS and nxt.capitalised:
                doc.evidence.add(t.key)
                doc.strong.add(t.key)
            elif (
                nxt is not None
                and text[t.end : nxt.start] == ", "
                and (nxt.text in ABBREVIATIONS or self.big_name(nxt.key) >= Strength.ADMIN1)
            ):
                doc.evidence.add(t.key)
                doc.strong.add(t.key)

    def _nicknamed(self, text: str, tokens: list[Token], doc: _Doc) -> None:
        """Record as a person's name a given name (and initials) and the capitalised words
        after a nickname in quotes: "Jane Q. \u201cJay\u201d Lakeview" (the quotes cut the
        run of capitalised words, so the surname stands alone)."""
        n = len(tokens)
        for k in compress(range(n), map(_CAPITALISED, tokens)):
            t = tokens[k]
            if t.key not in self.given or t.key in STOPWORDS:
                continue
            j = k + 1
            while j < n and len(tokens[j].text.rstrip(".")) == 1 and tokens[j].text.isupper():
                j += 1  # initials: "Q."
            if j >= n or text[tokens[j - 1].end : tokens[j].start].lstrip(".") not in (
                _QUOTE_OPENINGS
            ):
                continue
            close = next(
                (
                    m
                    for m in range(j, min(n, j + _MAX_NICKNAME_WORDS))
                    if text[tokens[m].end : tokens[m].end + 2] in _QUOTE_CLOSINGS
                ),
                None,
            )
            if close is None or close + 1 >= n or not tokens[close + 1].capitalised:
                continue
            surname = tokens[close + 1]
            if text[tokens[close].end : surname.start] not in _QUOTE_CLOSINGS:
                continue
            doc.person([t.key, surname.key])

    @staticmethod
    def _describes_next_place(tokens: list[Token], last: int) -> bool:
        """True for "Chinese" in "the Chinese (border) city of Dandong"."""
        following = tokens[last + 1 : last + 5]
        keys = [t.key for t in following]
        if not any(k in PLACE_NOUNS for k in keys[:2]) or "of" not in keys:
            return False
        at = keys.index("of")
        return at + 1 < len(following) and following[at + 1].capitalised

    def _is_place_word(self, tokens: list[Token], piece: list[int], k: int) -> bool:
        """True when the words from ``k`` on start a longer place name ("Indian Ocean")."""
        for j in range(min(len(piece), k + MAX_NGRAM), k + 1, -1):
            if self.has_name(name_key(" ".join(tokens[t].text for t in piece[k:j]))):
                return True
        return False

    def _piece(
        self,
        text: str,
        tokens: list[Token],
        piece: list[int],
        doc: _Doc,
    ) -> list[Toponym]:
        while len(piece) > 1 and tokens[piece[0]].key in LEADING_WORDS:
            piece = piece[1:]  # "Another Springfield bakery"
        while len(piece) > 1 and _date_at(tokens, piece[-1]):
            piece = piece[:-1]  # "in Lakeview April 4"
        if len(piece) > 1 and _dateline_at(text, tokens, piece[-1]):
            # "By Jane Roe, Associated Press DAYTON (AP) \u2014": a byline, then the dateline
            cut = len(piece) - 1
            while cut > 0 and tokens[piece[cut - 1]].text.isupper():
                cut -= 1
            if cut > 0 and tokens[piece[cut - 1]].text[1:].islower():
                return self._piece(text, tokens, piece[:cut], doc) + self._piece(
                    text, tokens, piece[cut:], doc
                )
        words = [tokens[i].key for i in piece]
        abbr = self._abbreviation(text, tokens, piece[0])
        if abbr is not None:
            # "Elm Grove, N.J.", and "the N.J. Transit Board": the region, then the rest
            return [abbr, *(self._piece(text, tokens, piece[1:], doc) if len(piece) > 1 else [])]
        matches = self._longest_matches(tokens, piece)
        parts = self._hyphen_parts(text, tokens, piece, matches)
        if parts is not None:  # "Toledo-Dayton", "the Springfield-Greene County office"
            return [t for part in parts for t in self._piece(text, tokens, part, doc)]
        cut = next((k for k in range(1, len(piece) - 1) if tokens[piece[k]].text == "and"), 0)
        if (
            cut
            and text[max(0, tokens[piece[0]].start - 2) : tokens[piece[0]].start] == ", "
            and any(m.first == piece[0] and m.last == piece[cut - 1] for m in matches)
        ):
            # the end of a list, "Dayton, Xenia and Glen Ellyn": two names, not a person's
            return self._piece(text, tokens, piece[:cut], doc) + self._piece(
                text, tokens, piece[cut + 1 :], doc
            )
        # an organisation word inside a longer place name is part of it: "West Bank", "Hall
        # County", "Union City"
        if len(piece) > 1 and any(
            w in ORG_WORDS and not any(m.first <= i <= m.last and m.last > m.first for m in matches)
            for i, w in zip(piece, words, strict=True)
        ):
            return self._inside_organisation(text, tokens, piece, matches, doc)
        if all(m.first == m.last and tokens[m.first].key in STOPWORDS for m in matches):
            # (an ordinary word that is also a hamlet's name is no place: "Royal Street")
            street = self._street(text, tokens, piece, doc)
            if street is not None:
                return [street]
        if not matches:
            if len(piece) > 1:
                self._person(text, tokens, piece, doc)
            return []
        first_match = matches[0]
        if (
            len(piece) > 1
            and words[0] in self.given
            and first_match.first == piece[0]
            and first_match.last == piece[0]
            and self.big_name(first_match.key) < Strength.COUNTRY
            and tokens[piece[1]].key not in REGION_SUFFIXES
            and tokens[piece[1]].key not in FACILITY_SUFFIXES
            and tokens[piece[1]].key not in NAME_JOINERS
            and tokens[piece[1]].key not in _WEEKDAYS  # "in Austin Friday night"
            and not _date_at(tokens, piece[1])  # "in Austin April 4"
        ):
            # "Mary Kendall", "Michael Brandon": a given name and a surname (not "Bega and
            # Batemans Bay": "and" joins two names)
            after = self._after_person(tokens, piece, doc)
            if after is not None:
                return [t for part in after for t in self._piece(text, tokens, part, doc)]
            tail = self._place_after_name(tokens, piece, matches, doc)
            if tail is not None:
                return self._piece(text, tokens, tail, doc)
            self._person(text, tokens, piece, doc)
            return []
        if (
            len(piece) > 2
            and words[-1] in _UNIT_SUFFIXES
            and first_match.first == piece[0]
            and first_match.last < piece[-2]
        ):
            # "Sand Creek Township": one name the gazetteer lacks, not the "Sand" in it (the
            # proposer may still take the whole)
            return []
        covered = {i for m in matches for i in range(m.first, m.last + 1)}
        loose = [
            i
            for i in piece
            if i not in covered
            and tokens[i].key not in CONNECTORS
            and tokens[i].key not in GEO_MODIFIERS
            and tokens[i].key not in REGION_SUFFIXES
            and tokens[i].key not in FACILITY_SUFFIXES
            # (a building's head word right after the town's name: "Lakeview Harbour" is the
            # town's harbour, not a person called so; the resolver decides between the town
            # and the building)
            and not (
                i == piece[-1]
                and len(matches) == 1
                and i == matches[0].last + 1
                and tokens[i].key in BUILDING_WORDS
            )
        ]
        if loose:
            before = [i for i in loose if i < first_match.first]
            joint = [
                tokens[i].key in CONNECTORS
                for i in range(before[-1] + 1 if before else first_match.first, first_match.first)
            ]
            if (
                joint
                and all(joint)
                and before
                and tokens[before[-1]].key in self.given
                and first_match.first == first_match.last
                and all(
                    tokens[i].key not in NAME_JOINERS
                    for i in range(before[-1] + 1, first_match.first)
                )
            ):
                # "Mike van Hoorn", "Ana de Souza": a given name, a particle, a surname
                self._person(text, tokens, piece, doc)
                return []
            if joint and all(joint):
                # "Jane Qadri of Lakeview and ...": a person (whose surname is no place), then
                # where she is from
                after = self._after_person(tokens, piece, doc)
                if after is not None:
                    return [t for part in after for t in self._piece(text, tokens, part, doc)]
                # "Talks on the West Bank": a connector, not a name, joins them
                rest = piece[piece.index(first_match.first) :]
                return self._piece(text, tokens, rest, doc)
            if (
                before
                and tokens[piece[0]].sentence_start
                and all(
                    tokens[i].key in doc.lower_words or tokens[i].key in STOPWORDS for i in before
                )
            ):
                # "Former Lake County clerk": an ordinary word capitalised to open a sentence
                rest = piece[piece.index(first_match.first) :]
                return self._piece(text, tokens, rest, doc)
            if (
                before
                and tokens[before[-1]].key == "united"
                and before[-1] + 1 == first_match.first
                and self.big_name(first_match.key) >= Strength.COUNTRY
            ):
                # "United Ruritania": a party's or a movement's name, not the country (the
                # gazetteer knows "United States", "United Kingdom" by their full names)
                rest = piece[piece.index(first_match.last) + 1 :]
                return self._piece(text, tokens, rest, doc) if rest else []
            if (
                before
                and self.big_name(first_match.key) >= Strength.CITY
                and not any(tokens[i].key in self.given for i in before)
            ):
                # "ACME Denver", "Considering Tunisia": a well-known place after words that are
                # no given name is still that place (a full personal name would have one)
                rest = piece[piece.index(first_match.first) :]
                return self._piece(text, tokens, rest, doc)
            if before:
                # "Donald Trump", "Kim Jong-un" ... a name, unless a big place leads it, or it
                # is "Jane Roe of Springfield" (the person, then where she is from)
                after = self._after_person(tokens, piece, doc)
                if after is not None:
                    return [t for part in after for t in self._piece(text, tokens, part, doc)]
                tail = self._place_after_name(tokens, piece, matches, doc)
                if tail is not None:
                    return self._piece(text, tokens, tail, doc)
                self._person(text, tokens, piece, doc)
                return []
            # "Hanoi Summit", "Polk County PRIDE"; not "Michael Brandon"
            matches = [m for m in matches if m.last > m.first or self.big_name(m.key)]
            if not matches and words[1] not in VEHICLE_MAKES:
                # (not "Lakeview Dodge", a dealer named after its town: no person, and the
                # town stays a place elsewhere); a person's name starts at a given name after
                # the town ("Lakeview Jane Roe", "Lakeview Dana Feed": the town stays a place)
                given = next((k for k in range(1, len(words)) if words[k] in self.given), 0)
                self._person(text, tokens, piece[given:], doc)
        out = []
        for m in matches:
            toponym = self._accept(text, tokens, m, doc)
            if toponym:
                out.append(toponym)
        return out

    @staticmethod
    def _person(text: str, tokens: list[Token], piece: list[int], doc: _Doc) -> None:
        """Record the words of ``piece``, taken for a person's name, as a person's words; a
        piece that "and", a word with a digit or an acronym cut into parts ("Dayton and Glen
        Ellyn", "Lakeview GM Jane Roe", "A123 Lakeview") is several names, and only its parts
        of two or more words are recorded: one word there is no evidence of a person."""
        upper = all(tokens[i].text.isupper() for i in piece)  # (a headline in capitals)
        if upper and any(tokens[i].key in _HEADLINE_LINKS for i in piece):
            return  # "ARRESTS OFF THE COAST OF BARBATE": a headline's words, no one's name
        parts: list[list[str]] = [[]]
        for i in piece:
            t = tokens[i]
            cut = (
                t.text in ("and", "or")
                or any(c.isdigit() for c in t.text)
                or (not upper and len(t.text) > 1 and t.text.isupper())
            )
            if cut:
                parts.append([])
            else:
                parts[-1].append(t.key)
        if len(parts) == 1:
            doc.person(parts[0])
            return
        for part in parts:
            if len(part) > 1:
                doc.person(part)

    @staticmethod
    def _where(text: str, tokens: list[Token], i: int) -> bool:
        """True when a preposition of place comes right before token ``i`` (or "the" after
        one): "at Northgate Mall", "outside the Lakeview Arena"."""
        j = i - 1
        if j >= 0 and tokens[j].key == "the":
            j -= 1
        return (
            j >= 0
            and tokens[j].key in PLACE_PREPOSITIONS
            and joined(text, tokens[j], tokens[j + 1])
        )

    def _building(self, tokens: list[Token], piece: list[int]) -> bool:
        """Two to four capitalised words ending in a building's head word, opening with no
        given name or ordinary word ("Northgate Mall", not "Jane Doe Hall", "The Hall")."""
        if not 2 <= len(piece) <= 4 or tokens[piece[-1]].key not in BUILDING_WORDS:
            return False
        head = tokens[piece[0]]
        return (
            all(tokens[i].capitalised for i in piece)
            and head.key not in self.given
            and _opens_name(head)
        )

    @staticmethod
    def _hyphen_parts(
        text: str, tokens: list[Token], piece: list[int], matches: list[_Match]
    ) -> list[list[int]] | None:
        """The parts of a piece whose names are joined by hyphens ("Logan-Rogersville High":
        Logan, then Rogersville High), or None: every part opens with a place name and holds
        no other place name, only the words of a region, street, building or organisation,
        and no place name spans a hyphen ("Wilkes-Barre" stays one). A given name and a
        surname are not joined by a hyphen, so "Logan-Rogersville" is no person; "Jean-Luc
        Picard" is (an unknown word follows)."""
        if len(piece) < 2:
            return None
        cuts = [
            k
            for k in range(1, len(piece))
            if tokens[piece[k]].start == tokens[piece[k - 1]].end + 1
            and text[tokens[piece[k - 1]].end] == "-"
        ]
        if not cuts:
            return None
        covered: dict[int, int] = {}  # token index -> index of its match's first token
        for m in matches:
            for i in range(m.first, m.last + 1):
                covered[i] = m.first
        bounds = [0, *cuts, len(piece)]
        parts = [piece[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        for part in parts:
            if covered.get(part[0]) != part[0]:
                return None  # (it does not open with a name, or a name spans the hyphen)
            if len({covered[i] for i in part if i in covered}) > 1:
                return None  # (one place a part: "Mary Smith-Jones" is a person)
            if tokens[part[-1]].key in _BODY_WORDS:
                continue  # an organisation's or a building's name: "Greene County Health Office"
            for i in part:
                if i not in covered and tokens[i].key not in _PART_WORDS:
                    return None
        return parts

    def _after_person(
        self, tokens: list[Token], piece: list[int], doc: _Doc
    ) -> list[list[int]] | None:
        """The parts of ``piece`` after a full personal name that opens it, recorded as a
        person: "Jane Roe of Springfield" (a given name, a surname, "of", the place), or None;
        "Jane Roe of Springfield and John Doe of Dayton": two parts, split at "and"."""
        keys = [tokens[i].key for i in piece]
        of = next((k for k, w in enumerate(keys) if w == "of"), None)
        if of is None or of < 2 or keys[0] not in self.given:
            return None
        if of + 1 >= len(piece) or not self._longest_matches(tokens, piece[of + 1 :]):
            return None
        if not any(len(k.rstrip(".")) > 1 for k in keys[1:of]):
            return None  # (initials only)
        doc.person(keys[:of])
        rest = piece[of + 1 :]
        joint = next((k for k, i in enumerate(rest) if tokens[i].text == "and"), None)
        if joint is None or joint + 1 >= len(rest):
            return [rest]
        return [rest[:joint], rest[joint + 1 :]]

    def _place_after_name(
        self, tokens: list[Token], piece: list[int], matches: list[_Match], doc: _Doc
    ) -> list[int] | None:
        """The country (or, after "of", the first-level region) that ends ``piece`` after a name
        of two or more words ("Jane Roe US-based", "Crown Prince of Ruritania"), the name
        recorded as a person; or None ("Michael Jordan": a one-word surname is the name's own)."""
        tail = matches[-1]
        head = tokens[tail.first].key
        if tail.last != piece[-1] or head in doc.lower_words or head in STOPWORDS:
            return None
        big = self.big_name(tail.key)
        after_of = tokens[tail.first - 1].key == "of"
        if big < Strength.COUNTRY and not (after_of and big >= Strength.ADMIN1):
            return None  # (a region's name ends laws and firms: "the Clean Water Act")
        name = [tokens[i].key for i in piece if i < tail.first]
        if sum(len(w.rstrip(".")) > 1 and w not in CONNECTORS for w in name) < 2:
            return None
        doc.person(name)
        return [i for i in piece if i >= tail.first]

    def describe(self, text: str, start: int, end: int) -> Toponym:
        """The mention ``text[start:end]`` (found by someone else: a gold annotation) with the
        kind hint the recogniser would give it: a demonym, a state abbreviation, a region word
        inside or after it, "the city of" before it."""
        span = Span(text[start:end], start, end)
        if demonym_place(name_key(span.text)) is not None:
            return Toponym(span, None, "demonym")
        abbreviation = ABBREVIATIONS.get(span.text)
        if abbreviation is not None and (
            not abbreviation.needs_cue
            or text[max(0, start - 2) : start].rstrip(" ")[-1:] in (",", "-")
            or abbreviation.name in text
        ):
            return Toponym(span, None, "admin1")
        words = span.text.split()
        hint: str | None = None
        if (
            len(words) > 1
            and words[-1].lower().rstrip(".") in FACILITY_SUFFIXES
            and not self.has_name(name_key(span.text))
        ):
            return Toponym(span, None, STREET)
        if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES:
            hint = REGION_SUFFIXES[words[-1].lower()]
        else:
            after = TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
            if after is not None and after.group().lower() in REGION_SUFFIXES:
                hint = REGION_SUFFIXES[after.group().lower()]
        return Toponym(span, None, _hint_before(text, start) or hint or _hint_after(text, end))

    def _street(
        self, text: str, tokens: list[Token], piece: list[int], doc: _Doc
    ) -> Toponym | None:
        """A street or facility named by its head word ("Elm Street", "Harbour Bridge"), or a
        building no place name opens, after a preposition of place ("at Quibble Infirmary"),
        or None: two to four capitalised words ending in a street, facility or building word
        (a street opening a sentence with an ordinary word counts where named again)."""
        if not 2 <= len(piece) <= 4 or not tokens[piece[-1]].capitalised:
            return None
        first, last = tokens[piece[0]], tokens[piece[-1]]
        span = Span(text[first.start : last.end], first.start, last.end)
        if tokens[piece[-1]].key.rstrip(".") in FACILITY_SUFFIXES:
            if not _opens_name(first):
                if first.sentence_start and first.key not in LEADING_WORDS:
                    # "Royal Street" opening a sentence: a street if the text names it elsewhere
                    doc.deferred.append(Toponym(span, None, STREET))
                return None
        elif not (
            self._building(tokens, piece)
            and (self._where(text, tokens, piece[0]) or _IN_TOWN.match(text, last.end))
        ):
            return None
        # (a seat of government is placed at its city by name: "at the White House")
        return Toponym(span, None, None if name_key(span.text) in GOVERNMENT_SEATS else STREET)

    def _abbreviation(self, text: str, tokens: list[Token], i: int) -> Toponym | None:
        """A region abbreviation ("Walton County, Ga.", "D-S.C.", "Red Deer, Alta."), or None."""
        tok = tokens[i]
        abbreviation = ABBREVIATIONS.get(tok.text)
        if abbreviation is None:
            return None
        before = text[max(0, tok.start - 2) : tok.start]
        cue = before.endswith(", ") or before.endswith("-") or before.endswith(",")
        if abbreviation.needs_cue and not cue and abbreviation.name not in text:
            return None  # ("Small Business BC" counts in a text that says British Columbia)
        return Toponym(Span(tok.text, tok.start, tok.end), None, "admin1")

    def _inside_organisation(
        self, text: str, tokens: list[Token], piece: list[int], matches: list[_Match], doc: _Doc
    ) -> list[Toponym]:
        """Places named inside an organisation's name: before its first organisation word
        ("Gainesville Police Department"), or after "of" ("University of Kentucky")."""
        named = [m for m in matches if m.last > m.first]  # the piece's, from _piece
        covered = {i for m in named for i in range(m.first, m.last + 1)}
        for k in range(1, len(piece) - 1):
            if tokens[piece[k]].text == "and" and piece[k] not in covered:
                # two names joined: "the Department of Labor and the Georgia Forestry
                # Commission" (not "Trinidad and Tobago Police")
                right = piece[k + 1 :]
                while len(right) > 1 and tokens[right[0]].text == "the":
                    right = right[1:]
                return self._piece(text, tokens, piece[:k], doc) + self._piece(
                    text, tokens, right, doc
                )
        after = self._after_person(tokens, piece, doc)
        if after is not None:  # "Jane Roe of the Dayton Rotary Club"
            return [t for part in after for t in self._piece(text, tokens, part, doc)]
        words = [tokens[i].key for i in piece]
        first_org = next(
            k for k, w in enumerate(words) if w in ORG_WORDS and piece[k] not in covered
        )
        civic = any(w in CIVIC_ORG_WORDS for w in words)
        spans: list[tuple[list[int], bool]] = []  # (words, after "of")
        if first_org > 0:
            spans.append((piece[:first_org], False))
        for k, w in enumerate(words):
            if w == "of" and k > 0 and words[k - 1] in ORG_WORDS:
                tail = []
                for i in piece[k + 1 :]:
                    if tokens[i].key in ORG_WORDS or tokens[i].key in CONNECTORS:
                        break
                    tail.append(i)
                if tail and not (len(tail) == 1 and tokens[tail[0]].key in TITLES):
                    spans.append((tail, True))  # (not "Department of Justice")
        out: list[Toponym] = []
        for part, after_of in spans:
            matches = self._longest_matches(tokens, part)
            if (
                len(part) > 1
                and part[0] == piece[0]
                and tokens[part[0]].key in self.given
                and not (matches and matches[0].first == part[0] and matches[0].last > part[0])
                and not (matches and self.big_name(matches[0].key) >= Strength.ADMIN1)
            ):
                matches = []  # "Tom Smith Foundation": a person's name
            if len(matches) > 1 or any(m.first != part[0] for m in matches):
                # (a county's full name stays: "the Hall County Superior Court")
                matches = [
                    m
                    for m in matches
                    if self.big_name(m.key)
                    or (m.last > m.first and tokens[m.last].key in REGION_SUFFIXES)
                ]
            for m in matches:
                single = m.first == m.last
                if single and tokens[m.first].key in STOPWORDS:
                    continue
                if (
                    not single
                    and m.last + 1 == piece[first_org]
                    and tokens[m.last].key in _HEAD_WORDS
                    and tokens[m.last + 1].key not in BUILDING_WORDS
                ):
                    # "the Quibble Park Service": an organisation, not a place (but "Fort Mill
                    # High": a school in the town)
                    continue
                if (
                    single
                    and tokens[m.first].text.isupper()
                    and len(tokens[m.first].text) <= 4
                    and not _opening_dateline(text, tokens, m.first)  # "LIMA, Peru -": a town
                ):
                    if self.big_name(m.key) < Strength.COUNTRY:
                        continue
                first, last = tokens[m.first], tokens[m.last]
                found = Toponym(Span(text[first.start : last.end], first.start, last.end))
                if single and (after_of or not civic) and not self.big_name(m.key):
                    # "Brown Lumber Company", "Department of Commerce": only if used elsewhere
                    doc.deferred.append(found)
                else:
                    out.append(found)
        if not out and self._building(tokens, piece) and self._where(text, tokens, piece[0]):
            first, last = tokens[piece[0]], tokens[piece[-1]]
            return [
                Toponym(Span(text[first.start : last.end], first.start, last.end), None, STREET)
            ]
        return out

    def _accept(self, text: str, tokens: list[Token], m: _Match, doc: _Doc) -> Toponym | None:
        first, last = tokens[m.first], tokens[m.last]
        single = m.first == m.last
        if single and first.key in STOPWORDS:
            return None
        if single and len(first.text) < 3 and not first.text.isupper():
            return None
        j = m.first - 1
        while j >= 0 and tokens[j].capitalised and joined(text, tokens[j], tokens[j + 1]):
            if tokens[j].key in VEHICLE_MAKES:
                # "a Dodge Durango", "an Isuzu Denver Rodeo": a model
                doc.products.update(t.key for t in tokens[j + 1 : m.last + 1])
                return None
            j -= 1
        big = self.big_name(m.key)
        if (
            single
            and " " not in first.text
            and big < Strength.ADMIN1
            and _model_year(text, tokens, j + 1)
        ):
            # "a 1998 Lakeview", "her red 2004 Lakeview Sierra": a car, not a place (but "the
            # 2012 Lakeview County Show", "the 2016 Ruritania ballot drive")
            doc.products.update(t.key for t in tokens[j + 1 : m.last + 1])
            return None
        if (
            single
            and first.text.isupper()
            and len(first.text.replace(".", "")) <= 4
            and not _opening_dateline(text, tokens, m.first)  # "ROME (AP) -": a town
        ):
            if big < Strength.COUNTRY:  # "NATO", "AMLO": acronyms, unless "US", "UK", "EU"
                return None
        nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
        if (
            single
            and first.key in EVENT_NAME_HEADS
            and nxt is not None
            and nxt.key in _EVENT_LINKS
            and joined(text, last, nxt)
        ):
            return None  # "the Battle of Lakeview", "the Tour de Ruritania": an event's name
        if (
            nxt is not None
            and nxt.capitalised
            and nxt.key.rstrip(".") in FACILITY_SUFFIXES
            and joined(text, last, nxt)
        ):
            # "Toledo Road", "Elm Street": a street, not the town it names; with the direction
            # word before it ("South Toledo Road")
            if m.first > 0:
                before = tokens[m.first - 1]
                if (
                    before.capitalised
                    and before.key in GEO_MODIFIERS
                    and joined(text, before, first)
                ):
                    first = before
            return Toponym(Span(text[first.start : nxt.end], first.start, nxt.end), None, STREET)
        prev = tokens[m.first - 1] if m.first > 0 else None
        cue = prev is not None and prev.key in LOCATIVE_CUES
        if single and not big and not cue and not first.text.isupper():
            if first.text.lower() in doc.lower_words:
                return None  # "Along the road ...": also an ordinary word
            if first.sentence_start:  # a headline or sentence opener: only if used elsewhere
                doc.deferred.append(Toponym(Span(first.text, first.start, first.end)))
                return None
        if single and big < Strength.CITY:
            if (
                not cue
                and (
                    (
                        nxt is not None
                        and nxt.key in PERSON_AFTER
                        # (not a clause's last word before ", said X": '... for Lakeview," said')
                        and not (nxt.key in SPEECH_VERBS and not joined(text, last, nxt))
                    )
                    or (
                        prev is not None
                        and (prev.key in SPEECH_VERBS or prev.key in PERSON_OBJECT_VERBS)
                        and joined(text, prev, first)
                        and text[last.end : last.end + 1] in (",", ".", ";", "")
                    )  # (not "said Lakeview police", "said Lakeview Mayor Jane Roe")
                    or _kin_after(tokens, m.last)  # "Lakeview and his mother"
                )
            ):
                # "Williams said", "said Williams", "stabbed Williams.", "Williams and his
                # wife" (not "Springfield said": a city, unless a person): a person, here and
                # wherever the document names Williams
                doc.person_words.add(first.key)
                return None
            if " & " in (text[last.end : last.end + 3], text[first.start - 3 : first.start]):
                return None  # "Lakeview & Jones": a firm's name, not the small town
        end = last.end
        hint: str | None = None
        if nxt is not None and nxt.key in REGION_SUFFIXES and joined(text, last, nxt):
            if nxt.capitalised:
                end = nxt.end  # "Liaoning Province": the region word is part of the name
            hint = REGION_SUFFIXES[nxt.key]
        hint = _hint_before(text, first.start) or hint or _hint_after(text, end)
        return Toponym(Span(text[first.start : end], first.start, end), None, hint)


def _after_lower_title(text: str, tokens: list[Token], first: int) -> bool:
    """The capitalised run opening at token ``first`` follows a person's title in lower case
    ("councillor Jane Nelson", "spokesman Nelson")."""
    if first == 0:
        return False
    prev = tokens[first - 1]
    return not prev.capitalised and prev.key in LOWER_TITLES and joined(text, prev, tokens[first])


def _kin_after(tokens: list[Token], last: int) -> bool:
    """The name ending at token ``last`` is followed by "and his" or "and her" and a kin word
    ("Lakeview and his mother"): a person."""
    if last + 3 >= len(tokens):
        return False
    a, b, c = tokens[last + 1 : last + 4]
    return a.text == "and" and b.text in ("his", "her") and c.key in KIN_WORDS


def _opens_name(t: Token) -> bool:
    """True when ``t`` may open a street's or a building's name: no ordinary word, unless
    capitalised inside a sentence ("Royal Street", "Union Station", not "The Street")."""
    if t.key in LEADING_WORDS:
        return False
    return t.key not in STOPWORDS or (t.capitalised and not t.sentence_start)


def _capitals(t: Token) -> bool:
    """True for a word in capitals of three letters or more ("DAYTON", not "AP" or "U.S.")."""
    return len(t.text) >= 3 and t.text.isalpha() and t.text.isupper()


def _dateline_at(text: str, tokens: list[Token], k: int) -> bool:
    """True when token ``k`` ends a place name in capitals that a dateline's agency or dash
    follows: "DAYTON (AP) \u2014", "DAYTON, Ohio --"."""
    t = tokens[k]
    return _capitals(t) and _DATELINE_AFTER.match(text, t.end) is not None


def _opening_dateline(text: str, tokens: list[Token], k: int) -> bool:
    """True when token ``k`` is a one-word place name in capitals that opens a line as its
    dateline ("LIMA, Peru -", "ROME (AP) \u2014"): a town, not an acronym, however short."""
    line_start = text.rfind("\n", 0, tokens[k].start) + 1
    return not text[line_start : tokens[k].start].strip(" \t(") and _dateline_at(text, tokens, k)


def _model_year(text: str, tokens: list[Token], i: int) -> bool:
    """True when a year and a determiner come right before token ``i`` (with at most one
    lower-case word before or after the year): "a 1998 Lakeview", "their red 1998 Lakeview",
    "a 1998 blue Lakeview" name a product of that year, a car (not "in 1998 Lakeview")."""
    j = i - 1
    if j >= 0 and not tokens[j].capitalised and not _YEAR.fullmatch(tokens[j].text):
        if tokens[j].key in PLACE_PREPOSITIONS or tokens[j].key in CONNECTORS:
            return False
        j -= 1  # "blue"
    if j < 1 or not _YEAR.fullmatch(tokens[j].text) or not joined(text, tokens[j], tokens[j + 1]):
        return False
    j -= 1
    if tokens[j].key not in DETERMINERS and not tokens[j].capitalised and j > 0:
        if tokens[j].key in PLACE_PREPOSITIONS or tokens[j].key in CONNECTORS:
            return False
        j -= 1  # "red"
    return tokens[j].key in DETERMINERS and joined(text, tokens[j], tokens[j + 1])


def _hint_after(text: str, end: int) -> str | None:
    """The kind of place a plural region word after a list says of each name in it ("Ada,
    Boone and Clay counties": three counties), or None."""
    window = text[end : end + 200]
    if "ounties" not in window and "arishes" not in window and "rovinces" not in window:
        return None  # (the common case, without a regular expression)
    found = _LIST_OF_KIND.match(text, end, end + 200)
    return _PLURAL_KINDS[found.group(1).lower()] if found else None


def _hint_before(text: str, start: int) -> str | None:
    """The kind of place "the city of", "the province of", "the county of" before ``start``
    says, or None."""
    before = text[max(0, start - 12) : start].lower()
    if _CITY_OF.search(before):
        return "city"
    if _REGION_OF.search(before):
        return "admin1"
    if _COUNTY_OF.search(before):
        return "admin2"
    return None


def demonym_countries(text: str) -> set[str]:
    """Country codes of the demonyms a text uses ('Chinese' -> CN), for resolution context."""
    found: set[str] = set()
    tokens = [t for t in tokenise(text) if t.capitalised]
    skip = False
    for a, b in zip(tokens, [*tokens[1:], None][: len(tokens)], strict=True):
        if skip:
            skip = False
            continue
        place = None
        if b is not None and joined(text, a, b):
            place = demonym_place(f"{a.key} {b.key}")
            skip = place is not None
        place = place or demonym_place(a.key)
        if place is not None and place[0]:
            found.add(place[0])
    return found
