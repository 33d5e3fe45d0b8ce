"""What a sentence inherits from the report around it: the dateline's city, the place the
previous sentences were about, and the home an actor is given ("the Winnipeg-based team",
"Alberta's premier"). Endpoints and places taken from here are inferred, not stated: the
events that use them say so and are given a lower confidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from geomap.events.dates import find_date
from geomap.events.roles import (
    NOT_A_SURNAME,
    PERSON_AFTER,
    TITLE_AFTER,
    Mention,
    contains,
    precision_rank,
)
from geomap.model import Toponym, When

# "KABUL, Afghanistan (AP) —", "LONDON -", "Goma, Congo, March 3 (Reuters) -": a dateline
# opening the body. Only a place mention inside it counts.
_DATELINE = re.compile(
    r"[ \t]*(?P<head>[A-Z][A-Za-z .'’-]{1,40}?(?:,[ \t]*[A-Z][A-Za-z .]{1,30}?)?"
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?)[ \t]*(?:\([A-Za-z .&-]{1,30}\))?"
    r"[ \t]*(?:—|–|--|-)[ \t]"
)

#: Lines at the top of a report where a dateline may stand (after a title).
DATELINE_LINES = 3
#: Sentences back that a place is carried over from, to a sentence that names none.
CARRY_SENTENCES = 2


def dateline(text: str, body_start: int, toponyms: list[Toponym]) -> Toponym | None:
    """The place of the dateline that opens the body (its first line), if the report has one
    and the place was resolved."""
    m = None
    start = body_start
    for _ in range(DATELINE_LINES):  # after a title line or two
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        at = start
        while at < line_end and text[at] in " \t\r":
            at += 1
        m = _DATELINE.match(text, at, line_end)
        if m or line_end >= len(text):
            break
        start = line_end + 1
    if not m:
        m = _sentence_dateline(text, body_start)
    if not m:
        return None
    inside = [
        t
        for t in toponyms
        if t.place is not None and m.start("head") <= t.span.start < m.end("head")
    ]
    if not inside:
        return None
    return min(inside, key=lambda t: precision_rank(t.place))  # type: ignore[arg-type]


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


_NAME = r"(?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+"
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
# "Jane Roe lived in X", "Jane Roe, who grew up in X", "Jane Roe used to live in X"
_NAME_LIVED = re.compile(
    r"(?P<sur>[A-Z][\w'’-]+)(?:,[ \t]+who)?[ \t]+(?:has[ \t]+|had[ \t]+)?"
    r"(?:lived|lives|grew[ \t]+up|was[ \t]+raised|was[ \t]+born|used[ \t]+to[ \t]+live)"
    r"[ \t]+in[ \t]+$"
)
_NAME_COMMA = re.compile(r"(?P<sur>[A-Z][\w'’-]+),[ \t]+$")
_NAME_A = re.compile(r"(?P<sur>[A-Z][\w'’-]+),[ \t]+(?:a|an|the)[ \t]+$")


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
        titled = TITLE_AFTER.match(after) or PERSON_AFTER.match(after)
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
        m = _NAME_OF.search(text, max(0, t.span.start - 60), t.span.start)
        if m and m["first"].lower() not in NOT_A_SURNAME and m["first"] not in ("The", "A"):
            add(m["sur"], t)
            continue
        m = _NAME_LIVED.search(text, max(0, t.span.start - 60), t.span.start)
        if m and m["sur"] not in ("He", "She", "They", "It", "We", "I", "Who"):
            add(m["sur"], t)
    for key in out:
        # a surname the report gives several homes, resolved or not ("sons Pavel Roe of X and
        # Ed Roe of Y"): nobody's in particular
        homes = {
            m.group(1)
            for m in re.finditer(
                rf"\b{re.escape(key.title())}(?:,[ \t]+\d{{1,3}})?,?[ \t]+of[ \t]+([A-Z][\w.'’-]+)",
                text,
            )
        }
        if len(homes) > 1:
            clash.add(key)
    for key in clash:
        out.pop(key, None)
    return out


def titled_demonyms(text: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The demonyms that give people their home ("the Canadian Prime Minister", "Kenyan
    troops", "Syrian refugees", "thousands of Afghans"), in text order."""
    return [
        t
        for t in toponyms
        if t.kind_hint == "demonym"
        and t.place is not None
        and (TITLE_AFTER.match(text[t.span.end : t.span.end + 60]) or people_word(t))
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


# the end of a sentence, up to the next one's first letter
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"'”’)]*\s+(?=[A-Z])")


@dataclass(slots=True)
class Discourse:
    """The places and date the report has been about so far, sentence by sentence."""

    dateline: Toponym | None = None
    people: dict[str, Toponym] = field(default_factory=dict)  # person_homes()
    titled: list[Toponym] = field(default_factory=list)  # titled_demonyms()
    first_town: Toponym | None = None  # the first town the report names
    previous: Toponym | None = None  # the most specific place of the last sentence with one
    _previous_when: When | None = None
    _previous_text: tuple[str, date | None] | None = None  # the date not read yet
    since: int = 0  # sentences since ``previous`` was set
    home: Toponym | None = None  # the last home the report gave a person ("a Leeds man")
    story: Toponym | None = None  # where the last incident told happened
    story_since: int = CARRY_SENTENCES  # sentences since ``story`` was set
    destination: Toponym | None = None  # where the last movement told went
    _told: Toponym | None = None  # this sentence's incident place, until it is read
    _went: Toponym | None = None  # this sentence's last destination, until it is read

    def tell(self, place: Toponym | None = None, went: Toponym | None = None) -> None:
        """Note an incident's place (``place``) or a movement's destination (``went``) told
        by the sentence being read; they become the story's once the sentence is read."""
        if place is not None:
            self._told = place
        if went is not None:
            self._went = went

    def _advance(self) -> None:
        if self._told is not None:
            self.story, self.story_since, self._told = self._told, 0, None
        else:
            self.story_since += 1
        self.destination, self._went = self._went, None

    def recent_story(self) -> Toponym | None:
        """Where the last incident told happened, if it was told in this sentence or the
        last ones (``CARRY_SENTENCES``)."""
        if self._told is not None:
            return self._told
        return self.story if self.story_since < CARRY_SENTENCES else None

    def next_sentence(self, mentions: list[Mention], when: When | None) -> None:
        """Remember what a sentence was about once it has been read."""
        self._advance()
        for m in mentions:
            if m.cue.role == "home" and m.place.feature_type == "city":
                self.home = m.toponym
        if mentions:
            self.previous = min(mentions, key=lambda m: precision_rank(m.place)).toponym
            self._previous_when = when
            self._previous_text = None
            self.since = 0
        else:
            self.since += 1

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
        self.previous = min(toponyms, key=lambda t: precision_rank(t.place))  # type: ignore[arg-type]
        self._previous_when = None
        self._previous_text = (sentence, published)
        self.since = 0

    def titled_between(self, start: int, end: int) -> list[Toponym]:
        """The titled demonyms (:func:`titled_demonyms`) between two document offsets."""
        return [t for t in self.titled if start <= t.span.start < end]

    def may_infer(self, words: set[str], start: int, end: int) -> bool:
        """True when a sentence (its lower-cased ``words``, its document offsets) holds what
        can give a movement its other end: a person whose home the report gave, a titled
        demonym, or "here"."""
        return (
            not self.people.keys().isdisjoint(words)
            or bool(self.titled_between(start, end))
            or ("here" in words and self.here is not None)
        )

    @property
    def here(self) -> Toponym | None:
        """The town the report is from: its dateline's, else the first it names."""
        if self.dateline is not None and self.dateline.place is not None:
            return self.dateline if self.dateline.place.feature_type == "city" else None
        return self.first_town

    def home_of(self, names: Sequence[str]) -> Toponym | None:
        """The home the report gave the one named person among ``names`` (capitalised words
        that name the mover), if exactly one of them has one."""
        found = {
            self.people[w.lower()].place.gazetteer_id: self.people[w.lower()]  # type: ignore[union-attr]
            for w in names
            if w[:1].isupper() and w.lower() in self.people
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
