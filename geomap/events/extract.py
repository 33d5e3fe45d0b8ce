"""Incidents and movements of a report, sentence by sentence, the headline included.

Each sentence with a trigger word (:mod:`geomap.events.triggers`) is tokenised; each place
mention gets its role cue (:mod:`geomap.events.roles`); each trigger is kept only when the
event is reported or announced (:mod:`geomap.events.clauses`); motion words become movements
(:mod:`geomap.events.movements`) and incident words incidents at their most specific place
(:mod:`geomap.events.incidents`); what a sentence leaves unsaid may come from the report
around it (:mod:`geomap.events.discourse`), flagged as inferred. An event the headline
reports and the body reports again is kept once.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from geopy.distance import geodesic

from geomap.events import clauses, discourse, incidents, movements
from geomap.events.clauses import Token, tokenize
from geomap.events.dates import find_date
from geomap.events.roles import Cue, Mention, contains, cue, precision_rank
from geomap.events.triggers import (
    EVENT_TYPES,
    INCIDENT_PHRASES,
    INCIDENT_WORDS,
    MOTION_NOUNS,
    MOTION_PHRASE_KEYS,
    MOTION_PHRASES,
    MOTION_WORDS,
    MOVEMENT_TYPES,
    MULTI_VEHICLE,
    NOT_AN_EVENT_AFTER,
    NOT_AN_EVENT_BEFORE,
    PERPETRATOR_WORDS,
    SUB_EVENT_TYPES,
    IncidentWord,
    Motion,
    any_trigger,
    event_words,
    incident_words,
    sub_event_type,
)
from geomap.geoparse.segment import sentences
from geomap.model import Document, Incident, Movement, Place, Span, Toponym, When
from geomap.reports.text import content_text

__all__ = ["EVENT_TYPES", "SUB_EVENT_TYPES", "any_trigger", "extract_events", "sub_event_type"]

_WORDS = re.compile(r"[a-z]+")
_ATTRIBUTION = frozenset(("according", "citing", "cited", "told", "said", "says", "reported"))
_QUOTED = re.compile(r"[‘“\"][^‘’“”\"]*[’”\"]")
_BETWEEN = re.compile(
    r"\s*(?:\w+\s+){0,3}?between\s+(?P<a>[A-Z][\w’'\-. ]+?)(?:,[^,]*,)?\s+and\s+"
    r"(?P<b>[A-Z][\w’'\-. ]+?)(?=\s+(?:in|on|at|last|this)\b|[,.;]|$)"
)
# a sentence opening so continues the last one's story: "They were later moved to X"
_ANAPHOR = re.compile(
    r"^(?:they|he|she|(?:the|these|those)\s+(?:\w+\s+)?(?:men|women|man|woman|officials?|"
    r"agents?|group|team|officers?|soldiers|troops|defectors?|family|families|people|"
    r"refugees|migrants|evacuees|residents|survivors|victims|children|workers|crew))\b",
    re.I,
)
_PLANNED_BEFORE_NOUN = frozenset(
    "planned upcoming proposed scheduled expected future next forthcoming possible".split()
)
# "take" and "took" report a movement only with a direction after them, and never in these
_TAKE_NOT = frozenset(
    "place part office over care action steps power control aim hold effect time issue "
    "advantage shape off".split()
)
_FILMING = frozenset(
    "film films movie movies footage video videos scene scenes episode episodes camera "
    "cameras photos photographs pictures documentary".split()
)
# "in Eastern Ghouta" that the gazetteer does not know: the sentence names its own place
_UNPLACED_NAME = re.compile(r"\b(?:in|at|near) (?:the )?(?:[a-z]+ )?[A-Z][a-z]+")
# a first line that reads as a headline: short, one sentence, a line of its own
_HEADLINE_LIKE = re.compile(r"^[^\n]{1,120}$")
# words before a participle that make it an adjective ("the vandalised car")
_ADJECTIVE_BEFORE = frozenset("the a an of this that these those his her their its".split())
_MET_PARTY = frozenset(
    "his her their its officials leaders representatives delegates privately separately "
    "briefly president minister ministers families relatives".split()
)
# words that end a motion word's or an incident word's reach: a new clause begins
_SCOPE_END = frozenset(
    "after before when while because although though since until unless where who which "
    "whose whereas".split()
)
# a specific new event: "a fire", "an explosion", "a March 7 shooting"
_INDEFINITE = frozenset(("a", "an"))
_DETERMINERS = frozenset("the a an this that his her their its".split())
_NOUN_BEFORE = frozenset(
    "the a an his her their its our my your this that first second last recent planned "
    "upcoming brief official state whose".split()
)
_LEFT_NOT_BEFORE = frozenset(("the", "to", "on", "far", "political", "his", "her", "their"))


@dataclass(frozen=True, slots=True)
class _Trigger:
    index: int  # token
    word: str  # as written
    event_type: str | None  # the incident it reports, if any
    motion: Motion | None
    noun: bool


_ALL_TRIGGER_WORDS = frozenset(MOTION_WORDS) | frozenset(INCIDENT_WORDS)
# the date of a sentence not read yet (no event needed it)
_UNREAD = When(date.min, date.min, 0)


def _stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _event_id(
    document_id: str, offset: int, kind: str, places: Sequence[Place], when: When | None
) -> str:
    """A stable id. A dated event is identified by what, where and when, so reports of it from
    several documents share one id and merge; an undated one stays with its document."""
    where = [p.gazetteer_id for p in places]
    if when is not None:
        return _stable_id(kind, *where, when.start, when.end)
    return _stable_id(document_id, offset, kind, *where)


def _triggers(
    tokens: list[Token], sentence: str, covered: set[int], perpetrator: bool = False
) -> list[_Trigger]:
    """The trigger words and phrases of a sentence, in order (none inside a place name);
    ``perpetrator`` says the report speaks of bombs or arson (then a blast is an attack)."""
    found: dict[int, _Trigger] = {}
    lowered = [t.lower for t in tokens]
    starts = [t.start for t in tokens]
    lowered_sentence = sentence.lower()
    for key, rx, phrase_type in INCIDENT_PHRASES:
        if key not in lowered_sentence:
            continue
        for m in rx.finditer(sentence):
            i = bisect_left(starts, m.start())
            if i < len(tokens) and i not in covered:
                found[i] = _Trigger(i, m.group(), phrase_type, None, False)
                for j in range(i + 1, bisect_left(starts, m.end())):
                    covered = covered | {j}
    phrases = (
        MOTION_PHRASES.finditer(sentence)
        if any(key in lowered_sentence for key in MOTION_PHRASE_KEYS)
        else ()
    )
    for m in phrases:
        i = bisect_left(starts, m.start())
        if i < len(tokens) and i not in covered and i not in found:
            found[i] = _Trigger(i, m.group(), None, _PHRASE_MOTION, False)
            covered = covered | set(range(i + 1, bisect_left(starts, m.end())))
    candidates = set(lowered) & _ALL_TRIGGER_WORDS
    for i, w in enumerate(lowered):
        if w not in candidates and not w.endswith(("-bound", "–bound")):
            continue
        if i in covered or i in found:
            continue
        if w in ("march", "may") and tokens[i].text[0].isupper():
            continue  # the month
        motion = MOTION_WORDS.get(w)
        incident = INCIDENT_WORDS.get(w)
        if motion is None and incident is None:
            if w.endswith(("-bound", "–bound")):
                found[i] = _Trigger(i, tokens[i].text, None, _BOUND, False)
            continue
        prev = lowered[i - 1] if i else ""
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        if motion is not None and not motion.noun and w in MOTION_NOUNS:
            if prev in _NOUN_BEFORE or prev.endswith(("'s", "’s")):
                motion = MOTION_NOUNS[w]  # "his visit to X", "the return of"
        if motion is not None:
            if motion.lemma == "take" and not _directed(lowered, i):
                motion = None
            elif motion.lemma == "leave" and (prev in _LEFT_NOT_BEFORE or _left_dead(lowered, i)):
                motion = None
            elif motion.lemma == "carry" and nxt == "out":
                motion = None
            elif motion.lemma in ("fly", "flight") and prev in ("no-fly", "no"):
                motion = None
        if incident is not None:
            if nxt in NOT_AN_EVENT_AFTER.get(w, ()) or prev in NOT_AN_EVENT_BEFORE.get(w, ()):
                incident = None
            elif w == "met" and not (
                i + 1 < len(tokens) and (tokens[i + 1].text[:1].isupper() or nxt in _MET_PARTY)
            ):
                incident = None  # "met the deadline": no meeting
            elif w == "attack" and prev in ("heart", "panic", "asthma"):
                incident = None
            elif w in ("shot", "shooting") and not _FILMING.isdisjoint(lowered):
                incident = None  # "the film was shot in 18 days"
            elif not incident.noun and w.endswith("ed") and prev in _ADJECTIVE_BEFORE:
                incident = None  # "the vandalised car", "a burned house": a description
        if motion is None and incident is None:
            continue
        if incident is not None and incident.event_type == "crash":
            if MULTI_VEHICLE.search(sentence, tokens[max(0, i - 4)].start, tokens[i].start):
                incident = IncidentWord("collision", incident.noun)  # "a two-car crash"
        if motion is not None:
            event_type = MOVEMENT_TYPES.get(motion.movement_type)
            if motion.lemma == "rescue":
                event_type = None  # a rescue is a movement, not an evacuation of a place
            if incident is not None and event_type is None:
                event_type = incident.event_type  # "protesters marched": a protest too
            noun = motion.noun
        else:
            assert incident is not None
            event_type, noun = incident.event_type, incident.noun
            if event_type in ("explosion", "fire") and (
                perpetrator or not PERPETRATOR_WORDS.isdisjoint(lowered)
            ):
                event_type = "attack"  # "a bomb exploded", "arsonists set the fire"
        found[i] = _Trigger(i, tokens[i].text, event_type, motion, noun)
    return [found[i] for i in sorted(found)]


_PHRASE_MOTION = Motion("en route", "travelled", "go")
_BOUND = Motion("bound", "travelled", "go", noun=True)


def _directed(lowered: list[str], i: int) -> bool:
    """ "taken to X", "took them back to X": a direction within four words, no idiom."""
    nxt = lowered[i + 1 : i + 5]
    if nxt and nxt[0] in _TAKE_NOT:
        return False
    return any(w in ("to", "from", "back", "into") for w in nxt)


def _left_dead(lowered: list[str], i: int) -> bool:
    """ "left three dead", "left 20 injured": a toll, not a departure."""
    nxt = lowered[i + 1 : i + 4]
    return any(w in ("dead", "injured", "wounded", "homeless", "behind", "without") for w in nxt)


def _mentions(
    sentence: str, offset: int, here: list[Toponym], tokens: list[Token]
) -> list[Mention]:
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out: list[Mention] = []
    for t in here:
        rel_start, rel_end = t.span.start - offset, t.span.end - offset
        first = max(0, bisect_right(starts, rel_start) - 1)
        last = max(first, bisect_left(ends, rel_end))
        last = min(last, len(tokens) - 1)
        # a place inside a hyphenated word ("Kabul-bound") keeps the word's tail as cue
        tail = sentence[rel_end : rel_end + 8]
        c = cue(tokens, first, tail)
        if (
            out
            and c.role in ("none", "location")
            and _COORDINATED.match(sentence[out[-1].end : rel_start])
        ):
            c = out[-1].cue  # "from Tunis and Algiers": both are origins
        out.append(Mention(t, first, last, rel_start, rel_end, c))
    return out


_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|as well as)\s*$")


def extract_events(
    document: Document, toponyms: Sequence[Toponym]
) -> tuple[list[Incident], list[Movement]]:
    """Incidents and movements reported in ``document``, from its resolved toponyms."""
    text = content_text(document)
    # "Chinese" names a country but does not say where something happened
    resolved = sorted(
        (t for t in toponyms if t.place is not None and t.kind_hint != "demonym"),
        key=lambda t: t.span.start,
    )
    starts = [t.span.start for t in resolved]
    state = discourse.Discourse(
        dateline=discourse.dateline(text, document.body_start, list(resolved))
    )
    perpetrator = not PERPETRATOR_WORDS.isdisjoint(_WORDS.findall(text.lower()))
    found_incidents: list[tuple[Incident, bool]] = []
    found_movements: list[tuple[Movement, bool]] = []
    headline = document.headline
    first_line_end = text.find("\n", document.body_start)
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    for sent in sentences(text):
        s_text = sent.text
        here = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        in_headline = (
            headline.start <= sent.start < headline.end
            if headline is not None
            else sent.start < first_line_end and _HEADLINE_LIKE.match(s_text) is not None
        )
        if not here:
            if state.carried() is not None and incident_words(s_text):
                pass  # an incident the sentences before may place
            else:
                continue
        elif not any_trigger(s_text) or (
            len(here) < 2
            and state.dateline is None
            and not _ANAPHOR.match(s_text)
            and not event_words(s_text)
        ):
            # no trigger; or only travel words with one place and nowhere to start from
            state.next_sentence_toponyms(here, s_text, document.published, text)
            continue
        inc, mov, mentions, when = _sentence(document, sent, here, state, perpetrator)
        mentions = [m for m in mentions if m.cue.role != "dateline"]
        found_incidents.extend((i, in_headline) for i in inc)
        found_movements.extend((m, in_headline) for m in mov)
        if when is _UNREAD:
            if mentions:
                state.next_sentence_toponyms(
                    [m.toponym for m in mentions], s_text, document.published, text
                )
            else:
                state.next_sentence([], None)
            continue
        state.next_sentence(mentions, when)
    return _merge_incidents(found_incidents), _merge_movements(found_movements)


def _sentence(
    document: Document,
    sent: Span,
    here: list[Toponym],
    state: discourse.Discourse,
    perpetrator: bool = False,
) -> tuple[list[Incident], list[Movement], list[Mention], When | None]:
    s_text = sent.text
    tokens = tokenize(s_text)
    mentions = _mentions(s_text, sent.start, here, tokens)
    if state.dateline is not None:
        # "SPRINGFIELD, Ohio — Police said …": the dateline is where the report is from
        mentions = [
            replace(m, cue=Cue("dateline", -1)) if m.toponym is state.dateline else m
            for m in mentions
        ]
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    quoted = [
        (m.start(), m.end()) for m in _QUOTED.finditer(s_text) if m.start() > 0 or m.end() < 40
    ]
    triggers = []
    for t in _triggers(tokens, s_text, covered, perpetrator):
        pos = tokens[t.index].start
        if any(a <= pos < b for a, b in quoted):
            continue  # reported speech, threats and orders are not events
        status = clauses.status(tokens, t.index, s_text, noun=t.noun, incident=t.motion is None)
        if status is None:
            continue
        if t.noun and t.index and tokens[t.index - 1].lower in _PLANNED_BEFORE_NOUN:
            status = "planned"
        triggers.append((t, status))
    if not triggers:
        return [], [], mentions, _UNREAD  # its date is read later, if a sentence needs it
    read: list[When | None] = []

    def sentence_date() -> When | None:
        """The sentence's date, read once and only when an event needs it."""
        if not read:
            read.append(find_date(s_text, document.published))
        return read[0]

    # a trailing attribution ("..., officials in Vilnius said") is not where things happened
    first = triggers[0][0].index
    attribution = next(
        (
            i
            for i in range(first + 1, len(tokens))
            if tokens[i].lower in _ATTRIBUTION
            and not (i + 1 < len(tokens) and tokens[i + 1].lower == "missing")
        ),
        None,
    )
    if attribution is not None:
        mentions_used = [m for m in mentions if m.first < attribution]
    else:
        mentions_used = mentions
    incidents_out: list[Incident] = []
    motion_triggers: list[movements.MotionTrigger] = []
    quote = Span(s_text, sent.start, sent.end)
    n_events = len({t.event_type or t.index for t, _ in triggers})
    first_of_type: dict[str, str] = {}
    scope_ends = [i for i, tok in enumerate(tokens) if tok.lower in _SCOPE_END]
    for k, (t, status) in enumerate(triggers):
        # a motion word's places run to the next trigger; an incident's to the next trigger
        # of an incident ("attacked a convoy near X": the convoy does not take X away)
        clause_end = next((i for i in scope_ends if i > t.index), len(tokens))
        scope_end = triggers[k + 1][0].index if k + 1 < len(triggers) else len(tokens)
        scope_end = min(scope_end, clause_end)
        incident_end = next(
            (
                u.index
                for u, _ in triggers[k + 1 :]
                if u.event_type != t.event_type and not (u.noun and u.event_type is None)
            ),
            len(tokens),
        )  # "was shot and killed in X": both verbs of one attack reach X
        incident_end = min(incident_end, clause_end)
        start = clauses.clause_start(tokens, t.index)
        # places between the last trigger and this one are the last one's
        limit = triggers[k - 1][0].index if k else t.index
        after = [m for m in mentions_used if t.index < m.first < scope_end]
        after_incident = [m for m in mentions_used if t.index < m.first < incident_end]
        before = [m for m in mentions_used if start <= m.first < limit and m.last < t.index]
        passive = clauses.passive(tokens, t.index)
        actor = None
        if not t.noun:
            actor = clauses.subject(tokens, t.index, s_text)
            if actor is None and t.index and tokens[t.index - 1].lower in ("and", "or"):
                actor = clauses.clause_subject(tokens, start, t.index, s_text)
        if t.motion is not None:
            mover = clauses.agent(tokens, t.index, s_text) if t.noun else actor
            mt = movements.MotionTrigger(t.index, t.word, t.motion, status, passive, mover)
            mt.homes = [
                m
                for m in mentions_used
                if m.cue.role in ("home", "possessive") and m.last < t.index
            ]
            earlier = [m for m in mentions_used if m.last < t.index and m not in before]
            fronted = (
                [m for m in earlier if m.cue.role in ("origin", "people-of")] if k == 0 else []
            )  # "From A, the team ..."; "A native of A, she moved to B"
            movements.assign(mt, after, before + fronted)
            motion_triggers.append(mt)
        if t.event_type is None:
            continue
        first_of_type.setdefault(t.event_type, t.word)
        # when the sentence reports this one event, its other places may be the event's:
        # a home, an origin, or a city right before the trigger ("the Hanoi summit",
        # "Chicago police arrested")
        fallback = None
        if n_events == 1:
            fallback = [
                m
                for m in mentions_used
                if m.cue.role in ("origin", "home", "people-of", "agency", "dateline")
                or (m.cue.role == "possessive" and m.first == 0)
                or (
                    m.cue.role == "none"
                    and m.last < t.index <= m.last + 2
                    and (
                        t.index == m.last + 2
                        or (m.first > 0 and tokens[m.first - 1].lower in _DETERMINERS)
                    )
                )
            ]
        located = incidents.locate(
            t.index,
            after_incident,
            before,
            fallback,
            motion=t.motion is not None,
            evacuation=t.event_type == "evacuation",
        )
        inferred = False
        event_when = sentence_date() if located else None
        specific = not t.noun or any(
            w.lower in _INDEFINITE for w in tokens[max(0, t.index - 4) : t.index]
        )
        unplaced = all(
            m.cue.role in ("none", "home", "possessive", "modifier", "people-of") for m in mentions
        )
        if (
            not located
            and unplaced
            and specific
            and status == "reported"
            and not _names_own_place(s_text, tokens[start].start if tokens else 0, mentions)
        ):
            carried = state.carried()
            if carried is not None and carried.place is not None:
                located = [incidents.Located(_as_mention(carried), False)]
                inferred = True
                event_when = sentence_date() or state.previous_when
        actor1, actor2 = actor, None
        if t.noun or passive:
            actor1 = clauses.agent(tokens, t.index, s_text)
            actor2 = actor if passive else None
        if t.event_type == "meeting/summit":
            pair = _BETWEEN.match(s_text, tokens[t.index].end)
            if pair:
                actor1, actor2 = pair["a"].strip(), pair["b"].strip()
        for loc in located:
            place = loc.mention.place
            if (
                not inferred
                and precision_rank(place) >= 2
                and loc.mention.cue.role
                not in ("location", "near", "destination", "via", "none", "origin", "purpose")
            ):
                continue  # a country or province names no incident's place by itself
            if (
                precision_rank(place) >= 2
                and loc.mention.cue.role == "none"
                and loc.mention.cue.governor != t.index
            ):
                continue
            incidents_out.append(
                Incident(
                    id=_event_id(document.id, sent.start, t.event_type, (place,), event_when),
                    document_id=document.id,
                    event_type=t.event_type,
                    sub_event_type=sub_event_type(
                        t.event_type, first_of_type.setdefault(t.event_type, t.word)
                    ),
                    place=place,
                    location=loc.mention.toponym.span.text,
                    quote=quote,
                    when=event_when,
                    actor1=actor1,
                    actor2=actor2,
                    confidence=40 if inferred else (70 if event_when else 60),
                    near=loc.near and not inferred,
                    status=status,
                    place_inferred=inferred,
                )
            )
    if any(i.event_type == "collision" for i in incidents_out):
        # "a two-car crash": one collision, not a crash besides
        incidents_out = [i for i in incidents_out if i.event_type != "crash"]
    movements_out = _movements_of(
        document, motion_triggers, tokens, s_text, quote, sentence_date, state
    )
    return incidents_out, movements_out, mentions, read[0] if read else _UNREAD


#: Ends of one country closer than this are one town: no journey between them.
MIN_JOURNEY_KM = 10.0


def _same_town(a: Place, b: Place) -> bool:
    """True when two ends are town-sized places of one country within MIN_JOURNEY_KM (a
    border crossing between twin towns is a journey)."""
    if precision_rank(a) > 1 or precision_rank(b) > 1 or a.country_code != b.country_code:
        return False
    return geodesic((a.lat, a.lon), (b.lat, b.lon)).km < MIN_JOURNEY_KM


def _one_town(a: Place, b: Place) -> bool:
    """True when two town-sized places (towns, streets, facilities) lie within 25 km."""
    if precision_rank(a) > 1 or precision_rank(b) > 1 or a.country_code != b.country_code:
        return False
    return geodesic((a.lat, a.lon), (b.lat, b.lon)).km < 25.0


def _names_own_place(s_text: str, start: int, mentions: list[Mention]) -> bool:
    """True when the sentence puts its event in a named place the gazetteer did not
    resolve ("in Eastern Ghouta"): then no place is carried into it."""
    return any(
        not any(m.start <= n.start() < m.end + 8 for m in mentions)
        for n in _UNPLACED_NAME.finditer(s_text, start)
    )


def _as_mention(t: Toponym) -> Mention:
    return Mention(t, -1, -1, -1, -1, cue([], 0, ""))


def _movements_of(
    document: Document,
    triggers: list[movements.MotionTrigger],
    tokens: list[Token],
    s_text: str,
    quote: Span,
    sentence_date: Callable[[], When | None],
    state: discourse.Discourse,
) -> list[Movement]:
    """Join the motion triggers of a sentence into journeys and make the movements."""
    for a, b in zip(triggers, triggers[1:], strict=False):
        a_end = max([a.index, *(m.last for m in (*a.origins, *a.vias, *a.destinations))])
        between = movements.tokens_between(tokens, a_end, b.index, s_text)
        if movements.join(a, b, between):
            b.motion = replace(b.motion, movement_type=a.motion.movement_type)
            b.word = a.word
            b.actor = a.actor or b.actor
            continue
        movements.chain(a, b, between)
    for mt in triggers:
        if mt.origins or not (mt.destinations or mt.vias):
            continue
        ends = [m.place for m in (*mt.destinations, *mt.vias)]
        origin = _implicit_origin(mt, s_text, state, ends)
        if origin is not None:
            mt.origins = [origin]
            mt.origin_inferred = True
    out: list[Movement] = []
    for mt in triggers:
        for path in movements.paths(mt, s_text):
            places: list[Place] = []
            for m in path.stops:
                if not places or places[-1].gazetteer_id != m.place.gazetteer_id:
                    places.append(m.place)
            if len(places) < 2 or _same_town(places[0], places[-1]):
                continue
            inferred = path.origin_inferred or path.destination_inferred
            when = sentence_date()
            out.append(
                Movement(
                    id=_event_id(document.id, quote.start, mt.motion.movement_type, places, when),
                    document_id=document.id,
                    movement_type=mt.motion.movement_type,
                    path=tuple(places),
                    quote=quote,
                    when=when,
                    actor=mt.actor,
                    verb=mt.word,
                    confidence=(40 if inferred else 70 if when else 60)
                    - (10 if mt.status == "planned" else 0),
                    status=mt.status,
                    origin_inferred=path.origin_inferred,
                    destination_inferred=path.destination_inferred,
                )
            )
    return out


# motion words whose mover may be taken to have left the dateline's town
_FROM_DATELINE = frozenset(("travelled", "dispatched"))


def _implicit_origin(
    mt: movements.MotionTrigger, s_text: str, state: discourse.Discourse, ends: list[Place]
) -> Mention | None:
    """Where a movement whose sentence gives no origin started, if the report says: the
    mover's stated home ("the Winnipeg-based team", "Alberta's premier", "a Dallas man"),
    the place the last sentence was about when this one continues its story ("They were
    later moved to X"), or the dateline's town."""

    def usable(t: Toponym | None) -> bool:
        return (
            t is not None
            and t.place is not None
            and all(
                t.place.gazetteer_id != e.gazetteer_id
                and not contains(t.place, e)
                and not contains(e, t.place)
                for e in ends
            )
        )

    for m in mt.homes:
        if usable(m.toponym):
            return m
    if mt.status == "reported" and not mt.motion.noun and state.since == 0:
        if _ANAPHOR.match(s_text) and usable(state.previous):
            assert state.previous is not None
            return _as_mention(state.previous)
    dateline = state.dateline
    if (
        mt.motion.movement_type in _FROM_DATELINE
        and usable(dateline)
        and dateline is not None
        and dateline.place is not None
        and dateline.place.feature_type == "city"
    ):
        return _as_mention(dateline)
    return None


def _merge_incidents(found: list[tuple[Incident, bool]]) -> list[Incident]:
    """One incident per event: the same type at the same place, on compatible dates, is
    reported once (the body's report before the headline's)."""
    ordered = [i for i, h in found if not h] + [i for i, h in found if h]
    out: list[Incident] = []
    for inc in ordered:
        if any(
            o.event_type == inc.event_type
            and (o.place.gazetteer_id == inc.place.gazetteer_id or _one_town(o.place, inc.place))
            and (o.when is None or inc.when is None or o.when == inc.when)
            for o in out
        ):
            continue  # "the shooting on Elm Street" after "a shooting in Dayton"
        out.append(inc)
    # a headline's "blast in Abkhazia" is the body's blast in a village there: the finer place
    heads = {id(i) for i, h in found if h}
    kept = [
        inc
        for inc in out
        if not (
            id(inc) in heads
            and any(
                o.event_type == inc.event_type
                and contains(inc.place, o.place)
                and (o.when is None or inc.when is None or o.when == inc.when)
                for o in out
            )
        )
    ]
    return sorted(kept, key=lambda i: i.quote.start)


def _merge_movements(found: list[tuple[Movement, bool]]) -> list[Movement]:
    """One movement per journey: the same path reported twice (headline and body, or two
    sentences) is kept once."""
    ordered = [m for m, h in found if not h] + [m for m, h in found if h]
    out: list[Movement] = []
    for mv in ordered:
        ends = (mv.path[0].gazetteer_id, mv.path[-1].gazetteer_id)
        if any(
            (o.path[0].gazetteer_id, o.path[-1].gazetteer_id) == ends
            and (o.when is None or mv.when is None or o.when == mv.when)
            for o in out
        ):
            continue
        out.append(mv)
    return sorted(out, key=lambda m: m.quote.start)
