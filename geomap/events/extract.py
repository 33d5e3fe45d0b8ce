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
from datetime import date, timedelta

from geopy.distance import great_circle

from geomap.events import clauses, discourse, incidents, inference, movements
from geomap.events.clauses import Token, tokenize
from geomap.events.dates import (
    MONTHS,
    WEEKDAYS,
    counted_from,
    day_shifts,
    days_apart,
    find_date,
    last_date,
    shifted,
)
from geomap.events.roles import (
    OCCUPATION_AFTER,
    PARTY_STATE_BEFORE,
    PERSON_AFTER,
    PREMISES,
    SENDER_AFTER,
    SPELL,
    STAYING,
    Cue,
    Mention,
    contains,
    cue,
    drop_containers,
    precision_rank,
    road_ends,
    town_near_country,
)
from geomap.events.triggers import (
    ABSTRACT_TARGETS,
    ACCIDENTAL,
    ANIMALS,
    ARMED_RAID,
    ARMED_SIDES,
    ASPECT_ING,
    ASPECTUAL_VERBS,
    ATTACK_BESIDE_FIRE,
    BLOCKADERS,
    BURNED_THINGS,
    CALLED_OFF,
    CARE_PLACES,
    CLASH_PARTIES,
    CONFERENCE_KINDS,
    COURTESY_TITLES,
    CROSSING_PLACES,
    CROWDS,
    DETERMINED_NOUNS,
    DRIVING_SUBJECTS,
    ENTRY_PRESENT,
    ENVOYS,
    EVENT_TYPES,
    FELL_TO_FIGHTERS,
    FINANCE_WORDS,
    FIRE_AFTER,
    FIRE_WORDS,
    FLOOD_WORDS,
    FORECAST_BEFORE,
    FORECAST_KINDS,
    GENERIC_AFTER,
    GOALKEEPERS,
    HEADLINE_PRESENT,
    INCIDENT_PHRASES,
    INCIDENT_WORDS,
    JAIL_HOLD,
    KNOWN_FOR,
    LABOUR_STRIKE,
    MEETING_PARTIES,
    MEETING_TO_DISCUSS,
    MISSED,
    MOTION_NOUNS,
    MOTION_PHRASE_KEYS,
    MOTION_PHRASES,
    MOTION_WORDS,
    MOVEMENT_TYPES,
    MULTI_VEHICLE,
    NOT_AN_EVENT_AFTER,
    NOT_AN_EVENT_BEFORE,
    NOT_BY_PEOPLE,
    NOT_PROTESTERS,
    OF_NOUNS,
    OFFENSIVE_NOUN_NEXT,
    ONE_BODY,
    OWN_ADVISERS,
    PERPETRATOR_TRADES,
    PERPETRATOR_WORDS,
    PERSON_TIES,
    PROTESTERS,
    RAIDERS,
    REFERENCE_WORDS,
    ROAD_BLOCKADE,
    ROADS_CROSSED,
    SENT_THINGS,
    SHOWN_AFTER,
    SPORTS_TARGETS,
    STRIKERS,
    STRUCK_WEAPON,
    SUB_EVENT_TYPES,
    TAKEN_BY_FORCE,
    TOLL_WORDS,
    TREATMENT_NAME_WORDS,
    TREATMENT_WORDS,
    UNDER_WATER,
    VANDALISM,
    VEHICLE_AGENTS,
    VEHICLE_CONTEXT,
    VEHICLE_HIT_OBJECT,
    VEHICLE_HIT_VEHICLE,
    VEHICLE_LEFT_ROAD,
    VEHICLE_PLUNGED,
    VESSELS,
    VIA_WORDS,
    WATER_OVERFLOWED,
    WEAPON_STRUCK,
    WEAPONS,
    WENT_UP_IN_FLAMES,
    WHERE_PEOPLE_ARE,
    WORK_NOUNS,
    IncidentWord,
    Motion,
    any_trigger,
    event_words,
    incident_words,
    perpetrator_told,
    sentence_words,
    sub_event_type,
)
from geomap.geoparse.segment import sentences
from geomap.model import Document, Incident, Movement, Place, Span, Toponym, When
from geomap.names.lexicon import ARTICLES, SPEECH_VERBS, STOPWORDS, TITLES
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
#: The report's opening sentences (a title copied into the text, then the lede), whose
#: event may take the home of whom it befell as its place.
LEDE_SENTENCES = 2
#: A short attribution the sentence opens with ("His lawyer said", "Police say that"): what
#: follows it is told as if it opened the sentence.
_SAID_FIRST = re.compile(r"^(?:[\w'’-]+\s+){1,3}(?:said|says|added)\s+(?:that\s+)?", re.I)
_ANAPHOR = re.compile(
    # ("two of them", "most of them": some of those the last sentence told of), after a
    # time put first ("On Thursday they ...", "The next day the men ...")
    r"^(?:(?:on|early|late)\s+\w+(?:\s+(?:morning|afternoon|evening|night))?"
    r"|the\s+(?:next|following)\s+(?:day|morning)|later(?:\s+that\s+day)?|hours\s+later"
    r"|that\s+(?:morning|afternoon|evening|night))?\s*,?\s*"
    r"(?:they|he|she|[\w,]+\s+of\s+them|"
    r"(?:the|these|those)\s+(?:\w+\s+)?(?:men|women|man|woman|officials?|"
    r"agents?|group|team|officers?|soldiers|troops|defectors?|family|families|people|"
    r"refugees|migrants|evacuees|residents|survivors|victims|children|workers|crew))\b",
    re.I,
)
#: Verbs of taking up a new home: "moved to X", "relocated to X".
_SETTLE_ELSEWHERE = frozenset(("move", "relocate"))
#: A year put first ("In 1964, the family ..."), read past to find the subject.
_YEAR_FIRST = re.compile(r"^in\s+\d{4},?\s+", re.I)
# "It then sailed to X": the thing the last sentence told of goes on
_IT = re.compile(r"^it\b", re.I)
# a departure the next sentence may take on to its destination ("The band left A. They
# arrived in B.")
_DEPARTING = frozenset("left departed leaving departing".split())
# "the mayor of X", "the prime minister of X": an office held for a place
_OFFICE_OF = re.compile(
    r"\b(?:mayor|governor|president|premier|prime[ \t]+minister|foreign[ \t]+minister|king|"
    r"queen|emir|ambassador|envoy|bishop|archbishop)[ \t]+of[ \t]+(?:the[ \t]+)?$",
    re.I,
)
_WENT_THERE = re.compile(
    r"\b(?:moved|drove|flew|went|travell?ed|returned|came|fled|relocated|headed)[ \t]+"
    r"(?:back[ \t]+)?there\b",
    re.I,
)
# "lived there until she moved to B": a stay in the place told before, then a journey
_STAYED_THERE = re.compile(
    r"\b(?:lived|worked|stayed|taught|served|remained|studied|practi[sc]ed|preached|played"
    r"|farmed|settled)[ \t]+there\b",
    re.I,
)
# "left the camp", "fled the city": a place told before, named again by its kind
_LEFT_THE = re.compile(
    r"\b(?:left|leaving|fled|fleeing|departed|abandoned|evacuated)[ \t]+(?:the|that|this)[ \t]+"
    r"(?P<kind>camp|city|town|village|area|country|capital|island|province|region)\b",
    re.I,
)
_KIND_FEATURES = {"country": ("country",), "province": ("admin1",), "region": ("admin1", "region")}
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
# "protested against the Kovar mine": a site named by its own name (a town's name or not),
# that the sentence's event is at even when no rule places it there
_NAMED_SITE = re.compile(
    r"\bthe (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:mine|mines|plant|refinery|smelter|"
    r"factory|mill|dam|oilfield|quarry|camp|prison|airbase|barracks)\b"
)
# a first line that reads as a headline: short, one sentence, a line of its own
_HEADLINE_LIKE = re.compile(r"^[^\n]{1,120}$")
# a sentence's closing punctuation, before any closing quotes or brackets
_CLOSED = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# words before a participle that make it an adjective ("the vandalised car")
_ADJECTIVE_BEFORE = frozenset("the a an of this that these those his her their its".split())
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
# people a participle before them describes: "displaced families", "deported migrants"
_PEOPLE = frozenset(
    "people persons person families family residents civilians villagers children migrants "
    "refugees men women workers".split()
)
# verbs that bring about an event named after them with "the": "forced the evacuation"
# words that tell what a flight was from: "fled after ...", "fleeing shelling"
_CAUSE_BEFORE = frozenset("after amid following fleeing escaping".split())
_CAUSED = frozenset(
    "forced prompted caused triggered sparked ordered forcing prompting causing triggering "
    "sparking".split()
)
#: Verbs by which an event sets off protests ("sparked protests", "led to days of rallies").
_SPARKED = frozenset("sparked triggered prompted provoked ignited fuelled fueled led".split())
_BE = frozenset("is are was were be been being".split())
_PERFECT = frozenset("had has have".split())
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


#: Nouns for a body or its officers: a journey noun right before one names the body ("the
#: migration office", "the transport minister"), not a journey (general English).
_BODY_NOUNS = frozenset(
    "office offices ministry ministries minister ministers agency agencies authority "
    "authorities department departments directorate officials official committee council "
    "commission bureau service".split()
)


#: Words of a meeting only thought of ("may call a meeting in A if ..."): general English.
_MAY_CALL = frozenset("may might could would should if unless whether".split())


def _phrases_by_key() -> dict[str, tuple[int, ...]]:
    """The positions in :data:`INCIDENT_PHRASES` of the phrases of each key."""
    out: dict[str, list[int]] = {}
    for k, (key, _, _) in enumerate(INCIDENT_PHRASES):
        out.setdefault(key, []).append(k)
    return {key: tuple(ks) for key, ks in out.items()}


#: a key several phrases share is looked for once per sentence
_PHRASES_BY_KEY = _phrases_by_key()


def _triggers(
    tokens: list[Token],
    sentence: str,
    covered: set[int],
    perpetrator: bool = False,
    one_of: str | None = None,
) -> list[_Trigger]:
    """The trigger words and phrases of a sentence, in order (none inside a place name);
    ``perpetrator`` says the report speaks of bombs or arson (then a blast is an attack);
    ``one_of`` is the kind of the events the sentence before counted, one of which this
    sentence's opening ordinal tells ("The first broke out ...", :func:`_one_of`)."""
    found: dict[int, _Trigger] = {}
    if one_of is not None:
        i = next((k for k, t in enumerate(tokens[:3]) if t.lower in _ONE_OF_ORDINALS), None)
        if i is not None:
            found[i] = _Trigger(i, tokens[i].text, one_of, None, False)
    lowered = [t.lower for t in tokens]
    starts = [t.start for t in tokens]
    lowered_sentence = sentence.lower()
    held = sorted(
        k for key, ks in _PHRASES_BY_KEY.items() if key in lowered_sentence for k in ks
    )  # the phrases whose key the sentence holds, in their order
    for k in held:
        _, rx, phrase_type = INCIDENT_PHRASES[k]
        for m in rx.finditer(sentence):
            at = m.start("trigger") if "trigger" in rx.groupindex else -1
            i = bisect_left(starts, at if at >= 0 else m.start())  # (an alternative without it)
            if i < len(tokens) and i not in covered:
                if rx in (VEHICLE_HIT_VEHICLE, VEHICLE_HIT_OBJECT) and not _driven_into(
                    tokens, lowered, i
                ):
                    continue  # "a boy hit a parked car": no vehicle driven into it
                if phrase_type == "crash" and any(
                    found[j].event_type == "collision" for j in range(i, i + 4) if j in found
                ):
                    continue  # "a car struck a truck": the collision told at its verb
                if rx is VANDALISM and _natural_subject(tokens, i):
                    continue  # "the storm smashed windows": no one's doing
                if rx is TAKEN_BY_FORCE and (
                    ARMED_SIDES.isdisjoint(lowered)
                    or (m.group("name") and bisect_left(starts, m.start("name")) not in covered)
                ):
                    continue  # "the photo captured the city", "captured Smith": no battle
                if _NEVER_HAPPENED.match(sentence, m.end()):
                    continue  # "a strike by dockers, which did not happen": none took place
                if phrase_type == "derailment" and _RAIL_WORDS.isdisjoint(lowered):
                    continue  # "the talks came off the rails": no train in the sentence
                if rx is MEETING_TO_DISCUSS and (
                    any(w.rstrip("'’s") in ONE_BODY for w in lowered[max(0, i - 6) : i])
                    or not _MAY_CALL.isdisjoint(lowered[max(0, i - 8) : i])
                ):
                    continue  # "the board's meeting in A", "may call a meeting in A if ..."
                if phrase_type == "meeting/summit":
                    if m.group().startswith("meeting ") and not ONE_BODY.isdisjoint(
                        lowered[max(0, i - 6) : i]
                    ):
                        continue  # "the council, meeting in Dover, voted": one body's session
                    if m.group().lower().startswith(
                        ("held", "hold", "convened")
                    ) and not ONE_BODY.isdisjoint(lowered[max(0, i - 8) : i]):
                        continue  # "the council held a meeting with residents": its session
                    if m.group().lower().startswith(("held", "hold", "convened")):
                        with_at = next(
                            (j for j in range(i + 1, len(tokens)) if lowered[j] == "with"), None
                        )
                        if with_at is not None and not _party_after(tokens, with_at + 1):
                            continue  # "held a meeting with his attorney": no talks
                    if m.group().lower().endswith("with") and not _party_after(
                        tokens, bisect_left(starts, m.end())
                    ):
                        continue  # "met with friends": no talks
                    if not MISSED.isdisjoint(lowered[max(0, i - 5) : i]):
                        continue  # "failed to make a meeting with": none took place
                clash = m.group().lower()
                if (
                    clash.startswith("clash")
                    and clash.endswith("with")
                    and CLASH_PARTIES.isdisjoint(lowered[max(0, i - 6) : i + 6])
                ):
                    continue  # "the senator clashed with the governor": a quarrel
                if rx is VEHICLE_PLUNGED and VEHICLE_CONTEXT.isdisjoint(
                    lowered[_clause_open(lowered, i, _PLUNGE_REACH) : i]
                ):
                    continue  # "a boy tumbled into a creek": no vehicle (the subject's
                    # words may run long: "a bus carrying pilgrims from A to B plunged")
                if rx is VEHICLE_LEFT_ROAD and VEHICLE_AGENTS.isdisjoint(
                    lowered[_clause_open(lowered, i, _PLUNGE_REACH) : i]
                ):
                    continue  # "the crew left the road to the contractor": no vehicle
                if rx is ARMED_RAID and RAIDERS.isdisjoint(
                    lowered[_clause_open(lowered, i, _PLUNGE_REACH) : i]
                ):
                    continue  # "police raided a house", "fans raided the fridge": no attack
                if rx is ROAD_BLOCKADE and BLOCKADERS.isdisjoint(
                    lowered[_clause_open(lowered, i, _PLUNGE_REACH) : i]
                ):
                    continue  # "snow blocked the road", "police blocked streets": no protest
                if rx is VEHICLE_LEFT_ROAD and _then_crashed_at(lowered, i + 3, covered):
                    continue  # "left the road and overturned near A": one crash, at its verb
                if (
                    clash.startswith("walk")
                    and " out " in clash
                    and STRIKERS.isdisjoint(lowered[max(0, i - 6) : i])
                ):
                    continue  # "the guests walked out at the end": no strike
                if (
                    phrase_type == "protest"
                    and clash.startswith("strike ")
                    and not clash.startswith("strike by")
                    and STRIKERS.isdisjoint(lowered[max(0, i - 10) : i])
                ):
                    continue  # "the boxer said he would strike first": no walkout
                if phrase_type == "attack" and _in_a_game(
                    lowered, bisect_left(starts, m.end()) - 1
                ):
                    continue  # "fired a shot past the keeper": a game
                if clash.startswith("clash") and not PROTESTERS.isdisjoint(
                    lowered[max(0, i - 6) : i + 6]
                ):
                    phrase_type = "protest"  # "protesters clashed with police": a protest
                if phrase_type == "explosion" and (perpetrator or perpetrator_told(lowered)):
                    phrase_type = "attack"  # "a car packed with explosives blew up"
                if rx in (UNDER_WATER, WATER_OVERFLOWED) and not FLOOD_WORDS.isdisjoint(lowered):
                    continue  # "rains inundated the region, flooding three towns": one flood
                if rx is WENT_UP_IN_FLAMES and not FIRE_AFTER.isdisjoint(lowered):
                    continue  # "struck a tree and burst into flames": the crash's aftermath
                if rx is WENT_UP_IN_FLAMES and (
                    perpetrator
                    or perpetrator_told(lowered)
                    or not ATTACK_BESIDE_FIRE.isdisjoint(lowered)
                ):
                    phrase_type = "attack"  # "rioters burned down the station": arson
                # (the subject of "a strike by dockers" or of "hit a roadside bomb" is no actor: the
                # actor is the agent after "by", as for a noun)
                found[i] = _Trigger(i, m.group(), phrase_type, None, rx in _NOUN_LIKE_PHRASES)
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
    bound = "bound" in lowered_sentence
    if not candidates and not bound:
        return [found[i] for i in sorted(found)]
    title_case: list[bool] = []  # read once, when a capitalised trigger word needs it
    for i, w in enumerate(lowered):
        if w not in candidates and not (bound and w.endswith(("-bound", "–bound"))):
            continue
        if i in found or (i in covered and w in candidates):
            continue  # (a place's "X-bound" is the one trigger a place may stand in)
        if w in ("march", "may") and tokens[i].text[0].isupper():
            continue  # the month
        if w in candidates and tokens[i].text[0].isupper() and _in_name(tokens, i):
            if not title_case:
                title_case.append(_title_case(tokens))
            if not title_case[0]:
                continue  # "the Red Cross", "the Organization for Migration": a name's word
        motion = MOTION_WORDS.get(w)
        incident = INCIDENT_WORDS.get(w)
        if (motion is not None or incident is not None) and _prospect(lowered, i):
            continue  # "evacuating the villages might take weeks": a prospect, no event
        if motion is None and incident is None:
            if w.endswith(("-bound", "–bound")):
                found[i] = _Trigger(i, tokens[i].text, None, _BOUND, False)
            continue
        prev = lowered[i - 1] if i else ""
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        if motion is not None and (w in OF_NOUNS or w in ASPECT_ING):
            motion = _nominal_or_aspectual(lowered, i, motion)
        if motion is not None and not motion.noun and w in MOTION_NOUNS:
            if (
                prev in _NOUN_BEFORE
                or prev.endswith(("'s", "’s"))
                or i - 1 in covered
                or _described(lowered, i)
            ):
                motion = MOTION_NOUNS[w]  # "his visit to X", "the return of", "a Paris visit"
        if motion is not None and not motion.noun and _attributive_subject(lowered, i):
            motion = None  # "smuggled rice remains a threat to farmers in A": what it is
        if motion is not None and w in DETERMINED_NOUNS and not _determined(lowered, i):
            motion = None  # "a test drive", "in advance": no journey named
        if motion is not None and not motion.noun and w.endswith("ed") and nxt in _PEOPLE:
            if prev not in clauses.AUXILIARIES and not _acted_on(tokens, lowered, i):
                motion = None  # "displaced families", "a camp for evacuated people": who
        if motion is not None and w == "gone" and nxt not in ("on", "to", "onward", "onwards"):
            motion = None  # only "have gone (on) to B": not "have gone home", "gone missing"
        if (
            motion is not None
            and not motion.noun
            and w.endswith("ed")
            and prev in ("the", "these", "those")
            and (nxt in _NOMINAL_AFTER or nxt in clauses.AUXILIARIES)
        ):
            motion = None  # "most of the displaced remain in A", "the deported were": people
        if motion is not None:
            if motion.lemma == "take" and not _directed(lowered, i):
                motion = None
            elif motion.lemma == "leave" and (
                (
                    prev in _LEFT_NOT_BEFORE
                    and not _leaves_for_place(tokens, i)
                    and not _forced_to(lowered, i)
                )
                or (prev in _BE and w == "left")
                or _left_dead(lowered, i)
                or _left_road(lowered, i)
            ):
                motion = None  # (and "a message was left for X": what is left stays)
            elif w == "come" and not (prev in _PERFECT or prev.endswith(("'d", "’d"))):
                motion = None  # only "had come to X": "in the years to come", "come on"
            elif motion.lemma == "carry" and nxt == "out":
                motion = None
            elif w == "carry" and prev not in _BEFORE_A_PLAN:
                motion = None  # "trucks carry goods from A to B": generic; only "will carry"
            elif motion.lemma == "recall" and ENVOYS.isdisjoint(lowered[i + 1 : i + 5]):
                motion = None  # "recalled the day", "recalled 900 cars": no envoy called home
            elif motion.lemma in ("fly", "flight") and prev in ("no-fly", "no"):
                motion = None
            elif motion.lemma == "cross" and _road_crossed(tokens, i):
                motion = None  # "crossing the street", "crossed Maple Road": no border
            elif motion.lemma in ("refer", "shift") and not _to_care(lowered, i):
                motion = None  # "referred to the report", "shifted to Plan B": no patient moved
            elif w == "crossing" and prev in CROSSING_PLACES:
                motion = None  # "collided at a level crossing": the place, no crossing
            elif w == "cross" and (prev in _DETERMINERS or nxt in _CROSS_NOUN_AFTER):
                motion = None  # "a cross section of the town", "the cross on the hill"
            elif motion.lemma in ("send", "ship", "carry", "bring") and (
                prev in SENT_THINGS or not SENT_THINGS.isdisjoint(lowered[i + 1 : i + 4])
            ):
                motion = None  # "sent a letter to X", "an e-mail sent to X": no one moved
            elif motion.lemma == "send" and _sent_off_the_field(lowered, i):
                motion = None  # "was sent off for a second yellow card": a player ruled out
            elif motion.movement_type == "fled" and _offence_named(lowered, i):
                motion = None  # "charged with first-degree fleeing or eluding officers"
            elif movements.not_taken(lowered, i, motion.noun):
                motion = None  # "instead of driving to X", "than a flight to X costs"
            elif movements.returns_to_activity(lowered, i):
                motion = None  # "returned to the stage in X": an activity taken up again
            elif (
                not motion.noun
                and motion.lemma not in ("visit", "tour")  # ("visited flood camps": a place)
                and movements.moves_no_mover(lowered, i)
            ):
                motion = None  # "will move 200 jobs to X": no one travels
            elif w == "reach" and prev == "to" and _went_before(found, tokens, i):
                motion = None  # "walked for days to reach A": the walk's end, one journey
        if motion is not None and motion.noun:
            if nxt in NOT_AN_EVENT_AFTER.get(w, ()) or prev in NOT_AN_EVENT_BEFORE.get(w, ()):
                motion = None  # "an evacuation deal", "the evacuation route"
            elif nxt in _BODY_NOUNS:
                motion = None  # "the migration office said", "the transport ministry": a name
            elif prev == "connecting" and nxt in _AT_A_STOP:
                # "flew from A to B through a connecting flight in C": a stop on the way of
                # the journey told (C a via), not a journey of its own ("caught a
                # connecting flight on to B" is one)
                motion = None
            elif _not_under_way(lowered, i):
                motion = None  # "the relocation of families to A has not started": none yet
        if incident is not None:
            if nxt in NOT_AN_EVENT_AFTER.get(w, ()) or prev in NOT_AN_EVENT_BEFORE.get(w, ()):
                incident = None
            elif incident.event_type == "fire" and incident.noun and _with_blast(lowered, i):
                incident = None  # "an explosion and fire at a plant": one explosion
            elif _charge(lowered, i, incident.noun) and not (
                incident.event_type == "arrest" and not incident.noun
            ):  # (an arrest is no offence: "the man suspected in the killing was arrested")
                incident = None  # "charged with murder", "a murder charge": the law's name
            elif _other_sense(tokens, lowered, i, found):
                incident = None
            elif (
                incident.noun
                and w in ("gunmen", "gunman")
                and prev == "by"
                and any(f.event_type is not None for f in found.values())
            ):
                incident = None  # "was kidnapped by gunmen": the kidnappers, no attack of theirs
            elif w in ("marched", "march", "marches", "marching") and (
                not NOT_PROTESTERS.isdisjoint(lowered[max(0, i - 6) : i])
                or not _PARADES.isdisjoint(lowered[i + 1 : i + 7])
            ):
                incident = None  # "troops marched into the town", "the band will march in
                # the Rose Parade": no protest
            elif _denied_report(sentence, tokens[i].start):
                incident = None  # "reports of a robbery at A are false": none took place
            elif incident.noun and _NEVER_HAPPENED.match(sentence, tokens[i].end):
                incident = None  # "a strike by dockers, which did not happen": none took place
            elif w == "stormed" and not _RAID_ARRESTS.isdisjoint(lowered[i + 1 : i + 12]):
                incident = None  # "police stormed a hideout and arrested three": the arrest
            elif w == "striking" and prev not in STRIKERS and nxt not in STRIKERS:
                incident = None  # "a striking resemblance", "striking the child"
            elif w in ("met", "meet", "meets") and not _meets_someone(tokens, i):
                incident = None  # "met the deadline": no meeting
            elif w in TOLL_WORDS and _caused_otherwise(tokens, i, found):
                incident = None  # "a landslide buried houses, killing four": its toll
            elif w in ("shot", "shooting") and not _FILMING.isdisjoint(lowered):
                incident = None  # "the film was shot in 18 days"
            elif w.startswith("derail") and _RAIL_WORDS.isdisjoint(lowered):
                incident = None  # "the evacuation quickly derailed", "derailed the talks"
            elif (
                incident.noun
                and not _ORDINALS.isdisjoint(lowered[max(0, i - 3) : i])
                and "a" not in lowered[max(0, i - 3) : i]
            ):  # ("a second fire broke out": a new one)
                incident = None  # "the third such raid on the border this year": a series
            elif (
                incident.noun
                and w in _UNSURE_KINDS
                and (not _UNSURE.isdisjoint(lowered[max(0, i - 3) : i]) or nxt in _UNSURE_AFTER)
            ):
                incident = None  # "a possible shooting at the mall", "a shooting threat": feared
            elif (
                incident.noun
                and nxt in _INQUIRIES
                and not _UNSURE.isdisjoint(lowered[max(0, i - 3) : i])
            ):
                incident = None  # "a potential homicide investigation": no inquiry, no killing
            elif w in ("attack", "attacks") and not FIRE_WORDS.isdisjoint(lowered[i + 1 : i + 4]):
                incident = None  # "an attack on the flames": firefighting
            elif w.startswith("explosion") and nxt == "of" and not _event_after_of(lowered, i):
                incident = None  # "an explosion of wildflowers": growth
            elif w == "sank" and VESSELS.isdisjoint(lowered[max(0, i - 10) : i]):
                incident = None  # "shares sank", "his heart sank": no vessel went down
            elif w == "flooded" and not CROWDS.isdisjoint(lowered[max(0, i - 3) : i]):
                incident = None  # "the fans flooded the court": a crowd
            elif w.startswith("demonstrat") and nxt in SHOWN_AFTER:
                incident = None  # "demonstrated their resolve": showed, no protest
            elif w in PERPETRATOR_WORDS and nxt in PERPETRATOR_TRADES:
                incident = None  # "arson investigators", "the bomb squad": a trade, no event
            elif w.startswith("attack") and _aimed_at_words(lowered, i):
                incident = None  # "attacked the plan", "an attack on the budget": words
            elif _in_a_game(lowered, i):
                incident = None  # "a shot past the keeper", "attacked the basket"
            elif incident.event_type in ("attack", "explosion") and _animal_patient(lowered, i):
                incident = None  # "20,000 chickens were killed", "the toads exploded"
            elif w == "missing" and _missed_something(lowered, i):
                incident = None  # "kept her missing two regattas": not attending
            elif incident.noun and _topic_of_a_work(lowered, i):
                incident = None  # "a film about the massacre in A": a past event as a subject
            elif w in _MARKET_MOVES and _market_moved(lowered, i):
                incident = None  # "shares of the retailer crashed": a fall in value
            elif incident.noun and w.endswith("s") and _generic_after(lowered, i):
                incident = None  # "shootings are common here": no one event
            elif incident.noun and w.endswith("s") and _known_for(lowered, i):
                incident = None  # "the district was a hub of student protests": what it is
            elif incident.noun and _called_off(lowered, i):
                incident = None  # "the summit was cancelled": it will not take place
            elif incident.noun and _trip_for_it_called_off(lowered, i):
                incident = None  # "was due to fly to A for talks ... but called off the trip"
            elif incident.event_type in FORECAST_KINDS and not FORECAST_BEFORE.isdisjoint(
                lowered[max(0, i - 3) : i]
            ):
                incident = None  # "warned of possible flooding": feared, not told
            elif incident.event_type == "attack" and not ACCIDENTAL.isdisjoint(
                lowered[max(0, i - 3) : i + 2]
            ):
                incident = None  # "an accidental gunshot wound", "was shot accidentally"
            elif w in TOLL_WORDS and _caused_after(lowered, i):
                incident = None  # "was killed in a road accident": the accident's toll
            elif incident.noun and w in ("arrest", "arrests") and _hoped_for(lowered, i):
                incident = None  # "a reward for the arrest of": none yet
            elif (
                tokens[i].text[0].isupper()
                and i > 0
                and (tokens[i - 1].text[:1].isalnum() or tokens[i - 1].text == ",")
                and not _title_case(tokens)
            ):
                incident = None  # "the author Flood said": a surname, not a flood
            elif not incident.noun and w.endswith("ed") and prev in _ADJECTIVE_BEFORE:
                incident = None  # "the vandalised car", "a burned house": a description
            elif w in ("arresting", "detaining") and prev in _ADJECTIVE_BEFORE:
                incident = None  # "the arresting officer said": who made an arrest told before
        if motion is None and incident is None:
            continue
        if (
            incident is not None
            and incident.event_type == "attack"
            and w in TOLL_WORDS
            and nxt == "by"
            and not VEHICLE_AGENTS.isdisjoint(lowered[i + 2 : i + 6])
        ):
            incident = IncidentWord("crash", incident.noun)  # "killed by a drunk driver"
        if incident is not None and incident.event_type == "crash":
            if MULTI_VEHICLE.search(
                sentence, tokens[max(0, i - 4)].start, tokens[min(len(tokens) - 1, i + 1)].end
            ):  # ("two trains crashed head-on")
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
            if event_type in ("explosion", "fire") and (perpetrator or perpetrator_told(lowered)):
                event_type = "attack"  # "a bomb exploded", "arsonists set the fire"
            elif w in ("burned", "burnt") and (
                not ATTACK_BESIDE_FIRE.isdisjoint(lowered)
                or any(t.event_type == "attack" and t.motion is None for t in found.values())
            ):
                event_type = "attack"  # "raiders fired at the traders and burned the stalls"
        found[i] = _Trigger(i, tokens[i].text, event_type, motion, noun)
    if any(t.event_type == "disappearance" for t in found.values()):
        # "gunmen stopped the van and kidnapped eleven men", "gunmen stopped two aid workers
        # and took them into the bush": the gunmen are who abducted them, not another attack
        found = {
            i: t
            for i, t in found.items()
            if not (t.event_type == "attack" and t.word.lower() in _ARMED_MEN)
        }
    return [found[i] for i in sorted(found)]


#: Phrase triggers whose subject is not who did it.
_NOUN_LIKE_PHRASES = (LABOUR_STRIKE, STRUCK_WEAPON)


def _went_before(found: dict[int, _Trigger], tokens: list[Token], i: int) -> bool:
    """True when a verb of going stands earlier in the clause of token ``i``, with no clause
    break between ("drove for two days to reach A"; not "They left. To reach A, ...")."""
    start = clauses.clause_start(tokens, i)
    return any(
        start <= j < i and t.motion is not None and not t.motion.noun and t.motion.frame == "go"
        for j, t in found.items()
    )


#: Event types no one does (the guideline's accidents and disasters): no actor.
_NO_ACTOR_TYPES = frozenset(
    "crash collision derailment fire explosion flood earthquake landslide".split()
)

_LEAVING = frozenset("leaving departing takeoff take-off taking departure".split())


def _after_leaving(
    tokens: list[Token], index: int, mentions: list[Mention], end: int
) -> list[incidents.Located]:
    """The place an accident's vehicle had just left ("sank shortly after leaving a beach
    south of A", "overturned soon after departing A", "crashed shortly after takeoff from
    A"): near where it happened."""
    j = next(
        (j for j in range(index + 1, min(index + 4, len(tokens))) if tokens[j].lower == "after"),
        None,
    )
    if j is None or j + 1 >= len(tokens) or tokens[j + 1].lower not in _LEAVING:
        return []
    left = [m for m in mentions if j + 1 < m.first < min(end, j + 8)]
    return [incidents.Located(left[0], True)] if left else []


#: Words that link a sentence to the one before and may open it before its setting ("And in
#: A, police ...", "Meanwhile, in A, ..."): general English.
_LINKING_OPENERS = frozenset("and but meanwhile elsewhere also separately".split())


def _fronted_place(tokens: list[Token], mentions: list[Mention], index: int) -> Mention | None:
    """The town a sentence opens with as where it is set ("In A, ...", "In A itself, ...",
    "At A on Monday, ..."), for the event word at ``index`` after it, when no speaker stands
    between (not "In A, officials said ...")."""
    o = 1 if tokens and tokens[0].lower in _LINKING_OPENERS else 0  # "And in A, ..."
    if o and len(tokens) > 1 and tokens[1].text == ",":
        o = 2  # "Meanwhile, in A, ..."
    if len(tokens) < o + 3 or tokens[o].lower not in ("in", "at", "outside", "near"):
        return None
    m = next(
        (
            m
            for m in mentions
            if m.first == o + 1
            or (m.first == o + 2 and tokens[o + 1].lower == "the")
            or _facility_by_town(tokens, o, m.first)
        ),
        None,
    )
    if m is None or m.place.feature_type != "city":
        return None
    comma = next(
        (j for j in range(m.last + 1, min(m.last + 6, index)) if tokens[j].text == ","), None
    )
    if comma is None or (
        _said_between(tokens, comma, index)
        and not _said_aside(tokens, comma, index)
        and not _witnesses_said(tokens, comma, index)
    ):
        return None
    return m


#: Facility nouns a sentence may open with before the town they stand by ("At a checkpoint
#: outside A, ...", "In a camp near A, ..."): general English.
_FRONTED_FACILITIES = frozenset(
    "checkpoint roadblock camp market school hospital clinic crossing mosque church "
    "village shelter border".split()
)


def _facility_by_town(tokens: list[Token], o: int, first: int) -> bool:
    """True when the words from the opening preposition at ``o`` to the town at ``first``
    are an article, a facility noun and "outside", "near" or "in" ("At a checkpoint outside
    A", "In a camp near A")."""
    words = [t.lower for t in tokens[o + 1 : first]]
    return (
        len(words) == 3
        and words[0] in ("a", "an", "the")
        and words[1] in _FRONTED_FACILITIES
        and words[2] in ("outside", "near", "in", "of")
    )


#: Words that close a speaker's aside set off by commas ("In A, she said, soldiers ...").
_ASIDE_SAID = frozenset("said says added recalled explained".split())


def _said_aside(tokens: list[Token], comma: int, index: int) -> bool:
    """True when the only attribution between the comma at ``comma`` and the event word at
    ``index`` is a short aside between two commas ("In A, she said, soldiers detained ...",
    "At A, the witness said, police ..."): the event's clause follows it with its own
    subject, still set in the place fronted before the aside."""
    close = next(
        (j for j in range(comma + 1, min(comma + 6, index)) if tokens[j].text == ","), None
    )
    if close is None or tokens[close - 1].lower not in _ASIDE_SAID:
        return False
    return close - comma <= 5 and not _said_between(tokens, close + 1, index)


#: Who tells what happened where they live or were ("In A, residents said ..."): general
#: English of news reports.
_LOCAL_WITNESSES = frozenset(
    "residents resident witnesses witness villagers locals relatives families neighbours "
    "neighbors survivors elders shopkeepers".split()
)


def _witnesses_said(tokens: list[Token], comma: int, index: int) -> bool:
    """True when the only attribution between the comma at ``comma`` (closing an opening
    "In A,") and the event word at ``index`` is said by people of the place itself ("In A,
    residents said soldiers had detained ..."): they tell what happened there, not
    officials elsewhere ("In A, officials said ..."). The speakers come right after the
    comma (a quantifier or two may stand before them)."""
    said = [k for k in range(comma + 1, index) if tokens[k].lower in _ATTRIBUTION]
    if len(said) != 1 or said[0] - comma > 4 or tokens[said[0]].lower not in _SAID:
        return False
    return any(tokens[k].lower in _LOCAL_WITNESSES for k in range(comma + 1, said[0]))


_ENTRY_MARK = re.compile(r"^(?:\d{1,2}[:.h]?\d{0,2}|[-–—•*:.)])$")


def _entry_label(
    tokens: list[Token], mentions: list[Mention], section: bool = False
) -> Mention | None:
    """The place an entry of a log or a list opens with, before a colon ("Liwonde: police
    arrested ...", "- Adré: a fire broke out ...", "14:05 Zomba: ..."): a town's name and a
    colon, with only a time or a bullet before it. A name in capitals is a dateline, where
    the report is from, unless the sentence opens a later paragraph (``section``, see
    :func:`_section_opening`): a roundup's heading, "KISUMU: A protester was shot ..."."""
    for m in mentions:
        if m.last + 1 >= len(tokens) or tokens[m.last + 1].text != ":":
            continue
        if (
            m.place.feature_type == "country"
            or m.cue.role == "dateline"
            or (m.toponym.span.text.isupper() and not section)
        ):
            return None  # ("BEIRUT: ..." is a dateline: where the report is from)
        if all(_ENTRY_MARK.match(x.text) for x in tokens[: m.first]):
            return replace(m, cue=replace(m.cue, role="location"))  # where it happened
        return None
    return None


#: Words that tell where a missing person turned up, not where they went missing.
_FOUND_AT = frozenset("found located spotted discovered rescued traced".split())


def _missing_from(tokens: list[Token], t: _Trigger, after: list[Mention]) -> Mention | None:
    """The place right after "from" that ends a disappearance's words ("went missing from
    A", "was reported missing from a camp near A"): where the person was last, rather than
    a place named later in the sentence ("... was found safe in B")."""
    j = t.index + len(t.word.split())
    if j >= len(tokens) or tokens[j].lower != "from":
        return None
    return next((m for m in after if m.cue.role == "origin" and j < m.first <= j + 5), None)


# words before a gerund that open its clause, so that it is the clause's subject
_GERUND_OPENS = frozenset(("", "that", ",", ";", ":", "and", "but", "because", "said", "warned"))
_MODALS = frozenset(("might", "could", "would", "will", "may", "can", "should", "must"))
# what a deed as the subject of a modal is said to cost: "would take weeks", "could be hard"
_PROSPECT_VERBS = frozenset(("take", "cost", "require", "last", "prove", "be", "mean"))


#: Words after "cross" that make it a noun, no crossing ("a cross section", "cross
#: examination"): general English.
_CROSS_NOUN_AFTER = frozenset("section sections examination examinations fire".split())


def _prospect(lowered: list[str], i: int) -> bool:
    """True when the gerund at token ``i`` is the subject of a modal verb of cost or
    difficulty ("warned that evacuating the villages might take weeks", "moving the
    prisoners to A would cost millions"): what doing it would be like, not a report that
    it was done."""
    if not lowered[i].endswith("ing") or (lowered[i - 1] if i else "") not in _GERUND_OPENS:
        return False
    for j in range(i + 1, min(len(lowered) - 1, i + 9)):
        if lowered[j] in (",", ";", ".", "and", "but"):
            return False
        if lowered[j] in _MODALS:
            return lowered[j + 1] in _PROSPECT_VERBS
    return False


# words before "reported" that make it describe a noun: "several reported deaths"
_REPORTED_ADJECTIVE_AFTER = frozenset(
    "a an the several many some other two three four five six seven eight nine ten dozens "
    "hundreds numerous multiple few its their his her more new".split()
)


def _described_as_reported(tokens: list[Token], i: int) -> bool:
    """True when "reported" at token ``i`` describes the noun after it ("could not check
    several reported deaths", "the reported attack"), no speaker's report."""
    return i > 0 and (
        tokens[i - 1].lower in _REPORTED_ADJECTIVE_AFTER or tokens[i - 1].text.isdigit()
    )


#: "be" forms and adverbs before a passive "reported" ("protests were also reported in A")
_REPORTED_BE = frozenset("was were is are be been being".split())
_REPORTED_ADVERBS = frozenset("also later first widely earlier".split())
#: words after a passive "reported" that give where the event was: general English
_REPORTED_WHERE = frozenset("in at near across outside around throughout".split())


def _reported_in(tokens: list[Token], i: int) -> bool:
    """True when "reported" at token ``i`` is the passive of an event's report followed by
    its place ("protests were also reported in A, B and C", "a fire was reported at a
    warehouse in A"): the place is where the event was, no speaker's town."""
    j = i - 1
    while j >= 0 and tokens[j].lower in _REPORTED_ADVERBS:
        j -= 1
    return (
        j >= 0
        and tokens[j].lower in _REPORTED_BE
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in _REPORTED_WHERE
    )


def _not_said(tokens: list[Token], i: int) -> bool:
    """True when "reported" at token ``i`` tells no speaker's report: it describes a noun
    ("several reported deaths") or is the passive with the event's place ("were reported
    in A")."""
    return _described_as_reported(tokens, i) or _reported_in(tokens, i)


def _said_between(tokens: list[Token], a: int, b: int) -> bool:
    """True when a word of attribution stands among tokens ``a`` to ``b`` (not "reported"
    describing a noun: "several reported deaths")."""
    return any(
        tokens[k].lower in _ATTRIBUTION
        and not (tokens[k].lower == "reported" and _not_said(tokens, k))
        for k in range(max(0, a), min(b, len(tokens)))
    )


# words that report what a speaker said, after ", and" ("..., and the ministry said")
_SAID = frozenset(("said", "says", "reported", "announced", "added"))


def _and_said(tokens: list[Token], a: int, b: int) -> bool:
    """True when the only attribution between tokens ``a`` and ``b`` is one joined on with
    ", and" ("police broke up a rally in A, and the ministry said 40 people were detained"):
    a speaker tells what befell those of the sentence's first event (the caller wants it
    told in the passive), at the same place, not where the speaker is."""
    words = [x.lower for x in tokens[a + 1 : b]]
    told = [k for k, w in enumerate(words) if w in _ATTRIBUTION]
    if len(told) != 1 or words[told[0]] not in _SAID:
        return False
    k = told[0]
    return any(words[j] == "and" and j > 0 and words[j - 1] == "," for j in range(max(0, k - 5), k))


# the place of the event told before: "was arrested at the scene", "died on the scene"
_AT_THE_SCENE = re.compile(r"\b(?:at|on|from|near) the scene\b", re.I)
# how far back a vehicle that plunged may be named
_PLUNGE_REACH = 10


def _clause_open(lowered: list[str], i: int, reach: int) -> int:
    """Where the words before token ``i`` that may name its subject begin: at most ``reach``
    words back, and not before a comma or a semicolon."""
    start = max(0, i - reach)
    for j in range(i - 1, start - 1, -1):
        if lowered[j] in (",", ";"):
            return j + 1
    return start


# words right before "offensive" as a noun: "launched an offensive", "a ground offensive"
_OFFENSIVE_BEFORE = frozenset(
    "an the a its their his her new major spring ground military air final renewed "
    "counter- large-scale full-scale".split()
)


_CROSSED_BEFORE = frozenset(
    "the a an busy main same four-lane two-lane center centre yellow double solid".split()
)


def _road_crossed(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` crosses a street, a road or tracks ("crossing the busy
    street", "crossed Elm Road"): what it crosses is read over articles, a few describing words
    and a capitalised name, up to its first other word."""
    for t in tokens[i + 1 : i + 6]:
        if t.lower in ROADS_CROSSED:
            return True
        if t.lower not in _CROSSED_BEFORE and not t.text[:1].isupper():
            return False
    return False


_PHRASE_MOTION = Motion("en route", "travelled", "go")
_BOUND = Motion("bound", "travelled", "go", noun=True)


_DESCRIBED_BEFORE = frozenset("the a an his her their its our my this that".split())
_DESCRIBED_AFTER = frozenset("by to from of".split())
_NOT_DESCRIBING = frozenset("to and or not no who which that".split())


def _described(lowered: list[str], i: int) -> bool:
    """True when the word at ``i`` heads a noun phrase whose describing words stand between a
    determiner and it, with its phrase after it ("the long-planned visit by", "a three-day
    visit to", "his first official return to"): a journey noun, not a verb."""
    if i + 1 >= len(lowered) or lowered[i + 1] not in _DESCRIBED_AFTER:
        return False
    for j in range(i - 2, max(-1, i - 4), -1):
        if lowered[j] in _DESCRIBED_BEFORE:
            return all(
                w[:1].isalnum() and w not in _NOT_DESCRIBING and w not in clauses.AUXILIARIES
                for w in lowered[j + 1 : i]
            )
    return False


#: Nouns of a court's or an authority's ruling that can be "overturned" (not a vehicle):
#: general English.
_RULING_NOUNS = frozenset(
    "order orders ruling rulings decision decisions verdict verdicts ban bans conviction "
    "convictions sentence sentences judgment judgement decree law result election vote".split()
)


def _other_sense(
    tokens: list[Token], lowered: list[str], i: int, found: dict[int, _Trigger]
) -> bool:
    """True when the incident word at ``i`` reports no event of its own here: a trade show's
    "conference", a quarrel, gas that "burned", "the shot" of a game, a simile ("sounded like
    an explosion"), an event named again ("a survivor of the shooting"), a surname that
    speaks ("Flood said"), the dead counted ("the 20 killed"), a toll after a comma ("...,
    killing nine"), or a threat ("said he was going to do a shooting")."""
    w = lowered[i]
    prev = lowered[i - 1] if i else ""
    nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
    if w == "conference":
        # talks between parties: "a peace conference", "a conference between", "officials
        # held a conference"; not "a cardiology conference drew doctors"
        return (
            prev not in CONFERENCE_KINDS
            and (i < 2 or lowered[i - 2] not in CONFERENCE_KINDS)
            and nxt != "between"
            and all(
                x not in MEETING_PARTIES or x in _POSSESSIVES
                for x in lowered[max(0, i - 8) : i + 8]
            )
        )
    if w in ("accident", "accidents"):
        # a crash only with a vehicle or a road near it ("her death was an accident": none)
        return VEHICLE_CONTEXT.isdisjoint(lowered[max(0, i - 8) : i + 10])
    if w in ("burned", "burnt"):
        return not BURNED_THINGS.isdisjoint(lowered[max(0, i - 2) : i + 4])
    if w == "offensive" and (nxt not in OFFENSIVE_NOUN_NEXT or prev not in _OFFENSIVE_BEFORE):
        return True  # "offensive remarks", "was offensive to many": no military push
    if w == "overturned" and (
        nxt in _DETERMINERS or (i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper())
    ):
        return True  # "overturned the ban", "overturned Smith's conviction": a court's ruling
    if (
        w == "overturned"
        and not _RULING_NOUNS.isdisjoint(lowered[max(0, i - 6) : i])
        and VEHICLE_CONTEXT.isdisjoint(lowered[max(0, i - 6) : i])
    ):
        return True  # "the order was later overturned", "the verdict was overturned on appeal"
    if w.startswith("protest") and nxt == "that":
        # "protesting that he could not": saying so; not "a protest that forced officials
        # to hide", "protests that erupted" (a relative clause on the noun)
        after = lowered[i + 2] if i + 2 < len(lowered) else ""
        return prev not in _DETERMINERS and not (
            after in clauses.AUXILIARIES or (after.endswith("ed") and len(after) > 4)
        )
    if w in ("blaze", "blazes") and nxt == "of":
        return True  # "a blaze of colour"
    if w == "landslide" and lowered[max(0, i - 2) : i] == ["by", "a"]:
        return True  # "won by a landslide": an election
    if w in ("shot", "shots") and prev in _DETERMINERS:
        return True  # "kept the shot out", "his best shot" (gunfire is "a shot was fired")
    before = lowered[max(0, i - 4) : i]
    if "like" in before or ("as", "if") in zip(before, before[1:], strict=False):
        return True  # "it sounded like an explosion"
    window = lowered[max(0, i - 6) : i]
    if "the" in lowered[max(0, i - 3) : i] and (
        not REFERENCE_WORDS.isdisjoint(window)
        or ("such", "as") in zip(window, window[1:], strict=False)
    ):
        return True  # "a survivor of the school shooting", "cases such as the homicide"
    if "the" in lowered[max(0, i - 3) : i] and _later_in_a_such_as_list(lowered, i):
        return True  # "crimes such as the bank robberies or the triple killing in A"
    if ("at", "the", "time") in zip(window, window[1:], window[2:], strict=False):
        return True  # "at the time he disappeared" / "...of that raid": background
    if not _FEARED.isdisjoint(window):
        return True  # "afraid of arrest", "the risk of flooding": feared, not told
    if _first_taken(lowered, i):
        return True  # "a driver initially listed as a robbery victim": a belief undone
    if not _AVERTED.isdisjoint(before) and tokens[i].text[:1].islower():
        return True  # "to prevent terrorist attacks", "foiled a bombing": none took place
    for k in range(max(1, i - 3), i):
        if lowered[k] == "of" and lowered[k - 1] in _SERIES and not _on_one_day(lowered, i):
            return True  # "a series of robberies": many, told together
    own = INCIDENT_WORDS.get(w)
    if (
        own is not None
        and own.event_type == "attack"
        and not _WIDESPREAD.isdisjoint(lowered[max(0, i - 12) : i])
    ):
        return True  # "reports of widespread abuses, men lined up and shot": many, told together
    if tokens[i].text[:1].isupper() and nxt in SPEECH_VERBS:
        return True  # "Flood said": a surname
    if w == "killed" and (
        prev == "those" or (prev[:1].isdigit() and i > 1 and lowered[i - 2] == "the")
    ):
        return True  # "the 12 killed were mostly farmers": the dead, counted
    if w in TOLL_WORDS and prev == "," and any(f.event_type is not None for f in found.values()):
        return True  # "a bomb exploded at a market, killing nine": the bomb's toll
    if w in _THREATENED_EVENTS:
        window = lowered[max(0, i - 6) : i]
        for a, b in zip(window, window[1:], strict=False):
            if b == "to" and a in _THREATENING:
                return True  # "she vowed to carry out a bombing": a threat
    return False


_AVERTED = frozenset(
    "prevent prevents prevented preventing avert averted averting thwart thwarted thwarting "
    "foil foiled foiling deter deterring".split()
)
_FEARED = frozenset("afraid fear fears feared fearing risk risks danger threat".split())
_SERIES = frozenset("series string spate number".split())
#: Words before a day that make it a bound of a span, not the day of the events: "since".
_SPAN_BOUNDS = frozenset("since until till through between from after before".split())


def _one_day_ahead(lowered: list[str], k: int) -> bool:
    """True when a day is named at ``k``: a weekday, "yesterday", or a month and its day."""
    w = lowered[k]
    return (
        w in WEEKDAYS
        or w == "yesterday"
        or (w in MONTHS and k + 1 < len(lowered) and lowered[k + 1].isdigit())
    )


def _on_one_day(lowered: list[str], i: int) -> bool:
    """True when the clause of the event noun at ``i`` gives one day for it ("a series of
    attacks killed 130 in A on Friday", "... on November 13"): the events of one day at one
    place, one incident; not a span ("a spate of burglaries since Friday")."""
    for k in range(i + 1, min(len(lowered), i + 16)):
        if lowered[k] in (";", ".") or lowered[k] in _SPAN_BOUNDS:
            return False
        if _one_day_ahead(lowered, k):
            return lowered[k - 1] in ("on", "yesterday") or lowered[k] == "yesterday"
    return False


#: Words that tell violence as a whole, many acts at once (general English).
_WIDESPREAD = frozenset("widespread systematic".split())
# what someone took an event for at first, which the report goes on to undo: "identified
# as", "reported as" a victim of it, or believed, thought to be it
_AT_FIRST = frozenset("initially originally".split())
_TAKEN_AS = frozenset("identified reported described treated classified listed".split())
_BELIEVED = frozenset("believed thought suspected presumed".split())
_BELIEF_ENDS = frozenset(("but", ";", "later", "now", "until"))
_COUNTED = frozenset("two three four five six seven eight nine ten dozen dozens hundreds".split())


_ONE_OF_ORDINALS = frozenset("first second third latter former".split())
# "The first broke out before dawn in X", "The second, at noon, happened in Y"
_ONE_OF = re.compile(
    r"^\W*the (?:first|second|third|latter|former)(?: one)?\b[^.;]{0,40}?\b"
    r"(?:happened|occurred|broke out|started|began|erupted|was reported)\b",
    re.I,
)
# "two apartment fires", "three separate shootings": events counted, each told after
_COUNTED_EVENTS = re.compile(
    r"\b(?:two|three|four|both)[ \t]+(?:[a-z-]+[ \t]+){0,2}?([a-z]+s)\b", re.I
)


def _one_of(sentence: str, before: str) -> str | None:
    """The event kind that an opening ordinal of ``sentence`` ("The first happened in X",
    "The second broke out at noon") picks one of, when the sentence ``before`` counted
    events of that kind ("crews fought two house fires", "two shootings"); else None."""
    if not _ONE_OF.match(sentence):
        return None
    for m in _COUNTED_EVENTS.finditer(before):
        word = INCIDENT_WORDS.get(m[1].lower())
        if word is not None and word.noun:
            return word.event_type
    return None


def _first_taken(lowered: list[str], i: int) -> bool:
    """True when the event word at ``i`` is what someone took it for at first: "initially
    listed as an abduction victim", "At first, police believed he had shot her", "was
    first thought to be a bombing" (a belief the report undoes). Not an event first told
    ("police initially reported that a man was stabbed") nor a count first given ("initially
    reported ten dead in the crash"): those stand."""
    for k in range(i - 1, max(-1, i - 11), -1):
        w = lowered[k]
        if w in _BELIEF_ENDS or w[:1].isdigit() or w in _COUNTED:
            return False
        taken = w in _TAKEN_AS and k + 1 < i and lowered[k + 1] == "as"
        if not (taken or w in _BELIEVED):
            continue
        before = lowered[max(0, k - 4) : k]
        return (
            not _AT_FIRST.isdisjoint(before)
            or ("at", "first") in zip(before, before[1:], strict=False)
            or (w in _BELIEVED and before[-1:] == ["first"])
        )
    return False


_THREATENING = frozenset("going threatened threatening threatens threat threats vowed".split())
_THREATENED_EVENTS = frozenset(
    "shooting shootings attack attacks bombing murder massacre killing stabbing".split()
)


def _charge(lowered: list[str], i: int, noun: bool = False) -> bool:
    """True when the incident word at ``i`` names an offence, not an event: "charged with
    murder", "on suspicion of arson", "a murder charge", "fled the scene of a collision",
    "accused of assault, robbery and arson" (a ``noun`` in a list of offences)."""
    if i + 1 < len(lowered) and lowered[i + 1] in _CHARGE_AFTER:
        return True
    if noun and _told_after_charge(lowered, i):
        return False
    before = lowered[max(0, i - 5) : i]
    while before and before[-1] in ("a", "an", "the", "first-degree", "second-degree"):
        before = before[:-1]
    if len(before) >= 2 and (before[-2], before[-1]) in _CHARGED:
        return True
    for k in range(i - 1, max(-1, i - 9), -1):
        w = lowered[k]
        if w in _SCOPE_END or w in (";", ".") or (w in (",", "and", "or") and not noun):
            break  # (a noun goes on through a list: "charged with robbery and assault")
        if w == "suspected" and lowered[k + 1] not in ("in", "of", "for"):
            continue  # "a suspected gunman shot", "a suspected arson attack": it happened
        if w in _CHARGING:
            return True  # "charged with felonious assault", "charged in a recent homicide"
    return "scene" in before and any(w in ("leaving", "left", "fleeing", "fled") for w in before)


#: Degrees of an offence: "second-degree fleeing", "first-degree escape" (the law's name).
_DEGREES = frozenset("first-degree second-degree third-degree fourth-degree".split())
#: Verbs joined to a flight in the name of an offence: "fleeing or evading police",
#: "fleeing and eluding an officer" (general English of US charge sheets).
_EVADING = frozenset("evading eluding eluded evaded resisting".split())


def _offence_named(lowered: list[str], i: int) -> bool:
    """True when the flight word at ``i`` names an offence in a charge ("charged with
    fleeing police", "first-degree fleeing or eluding officers", "fleeing and eluding"):
    no one is told to have fled anywhere."""
    if i and lowered[i - 1] in _DEGREES:
        return True
    if (
        lowered[i + 1 : i + 2] in (["or"], ["and"])
        and lowered[i + 2 : i + 3]
        and (lowered[i + 2] in _EVADING)
    ):
        return True
    return _charge(lowered, i, noun=True)


def _told_after_charge(lowered: list[str], i: int) -> bool:
    """True when the event noun at ``i`` after a charge is the event itself, told with what
    makes it one: "charged in the fatal shooting of a clerk", "suspected in the robbery Friday
    at a bar" ("the" after "in" or "for", then its victim, place or day), not an offence's
    name ("charged with robbery", "charged in a recent homicide")."""
    j = i - 1
    while j > 0 and lowered[j] in _EVENT_DESCRIBED:
        j -= 1
    if j < 1 or lowered[j] != "the" or lowered[j - 1] not in ("in", "for"):
        return False
    k = i + 1
    if k < len(lowered) and lowered[k] == "death":
        k += 1  # "the stabbing death of"
    return any(w in _TOLD_AFTER for w in lowered[k : k + 2])


#: Words between "in the" and an event noun: "in the fatal shooting", "the armed robbery".
_EVENT_DESCRIBED = frozenset("fatal deadly armed attempted alleged brutal early-morning".split())
#: What follows an event noun told as the event: its victim, place or day.
_TOLD_AFTER = frozenset(
    "of at near outside inside on last monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)


_CHARGING = frozenset(
    "charged accused accusing accuse accuses charging convicted indicted acquitted sentenced "
    "suspected pleaded pleads plead guilty".split()
)
_CHARGE_AFTER = frozenset(
    "charge charges count counts conviction convictions suspect suspects trial indictment "
    "warrant warrants statute".split()
)
_CHARGED = frozenset(
    (
        ("charged", "with"),
        ("accused", "of"),
        ("convicted", "of"),
        ("guilty", "of"),
        ("suspicion", "of"),
        ("charges", "of"),
        ("charge", "of"),
        ("count", "of"),
        ("counts", "of"),
        ("indicted", "on"),
        ("indicted", "in"),
        ("indicted", "for"),
        ("charged", "in"),
        ("convicted", "in"),
        ("acquitted", "of"),
        ("acquitted", "in"),
        ("sentenced", "for"),
        ("sentenced", "in"),
        ("guilty", "to"),
        ("suspected", "of"),
        ("wanted", "for"),  # "wanted for murder in Ohio": a charge, no killing told here
        ("trial", "for"),
        ("tried", "for"),
        # a sentence served for it: "drew nine years for arson", "a conviction for assault"
        ("years", "for"),
        ("months", "for"),
        ("life", "for"),
        ("prison", "for"),
        ("jail", "for"),
        ("probation", "for"),
        ("conviction", "for"),
        ("convictions", "for"),
    )
)


def _caused_after(lowered: list[str], i: int) -> bool:
    """True when the deaths or injuries told at ``i`` are put down to an accident or a
    disaster told after them in their clause ("killed in a road accident", "killed when
    a van accidentally struck him")."""
    for w in lowered[i + 1 : i + 12]:
        if w in (",", ";", "and", "after", "while", "but"):
            return False
        if w in NOT_BY_PEOPLE or w in ("accidentally", "accidental"):
            return True  # "killed in a road accident", "killed when ... accidentally struck"
    return False


def _aimed_at_words(lowered: list[str], i: int) -> bool:
    """True when the attack at ``i`` is aimed at a plan or a statement, not at people or
    property: its object, after "on" and a determiner, is one of :data:`ABSTRACT_TARGETS`."""
    for w in lowered[i + 1 : i + 5]:
        if w in ("on", "upon") or w in _DETERMINERS or w in _POSSESSIVES or w.endswith("'s"):
            continue
        return w in ABSTRACT_TARGETS
    return False


#: Words of a game's shot or attack at a goal.
_SHOT_ATTACK = frozenset("shot shots attacked attacking attack fired".split())
_PAST = frozenset("past beyond around over".split())


def _in_a_game(lowered: list[str], i: int) -> bool:
    """True when the word at ``i`` is a player's shot or attack on a goal ("fired a shot past
    the keeper", "attacked the basket", "a shot into the net"): sport, not violence."""
    if lowered[i] not in _SHOT_ATTACK:
        return False
    after = lowered[i + 1 : i + 6]
    return not SPORTS_TARGETS.isdisjoint(after) or any(
        x in GOALKEEPERS and not _PAST.isdisjoint(after[max(0, k - 2) : k])
        for k, x in enumerate(after)
    )


#: Words between an animal and the verb that tells what befell it: "birds were killed",
#: "the toads swelled and then exploded".
_PATIENT_GAP = frozenset(
    "was were been being is are had have has got then later also all reportedly apparently "
    "and".split()
)
#: Counts and determiners before an animal after a verb: "shot two dogs".
_ANIMAL_COUNT = frozenset(
    "the a an his her their its two three four five six seven eight nine ten several some "
    "many dozens hundreds thousands".split()
)
#: Words after an animal that end its phrase ("shot a dog in the yard", "killed two horses
#: and a cow"), unlike a noun it modifies ("shot a dog owner").
_ANIMAL_PHRASE_END = frozenset("in at near on and that which who after because with".split())


def _animal_patient(lowered: list[str], i: int) -> bool:
    """True when the one killed, shot, attacked or blown up at ``i`` is an animal: the
    subject right before the verb group ("20,000 hens were killed", "a cow in A was
    killed", "the toads swelled and then exploded") or the object right after an active verb
    ("shot a dog", "killing two horses"), or the agent of a passive ("attacked by a bear").
    Culled flocks, put-down dogs and bursting toads are
    no incident (GUIDELINE 3.1: violence by people against people or property)."""
    j = i - 1
    while (
        j >= 0
        and i - j <= 5
        and (
            lowered[j] in _PATIENT_GAP
            or (lowered[j].endswith("ed") and lowered[j + 1] in ("and", "after", "before"))
            or (lowered[j] in ("after", "before", "when") and lowered[j + 1] == "being")
        )
    ):  # ("swelled and then exploded", "was killed after being attacked")
        j -= 1
    if j >= 2 and lowered[j - 1] in ("in", "at", "near", "on"):
        j -= 2  # "a cow in Tonopah was killed": the subject before its place
    if j < 0 or lowered[j] not in ANIMALS:
        pass
    elif _subject_phrase(lowered, j):
        return True
    if not lowered[i].endswith(("ed", "ing")) and lowered[i] not in ("shot", "slain"):
        return False
    k = i + 2 if i + 1 < len(lowered) and lowered[i + 1] == "by" else i + 1  # ("by wolves")
    while k < len(lowered) and k - i <= 3 and (lowered[k] in _ANIMAL_COUNT or lowered[k].isdigit()):
        k += 1
    if k >= len(lowered) or lowered[k] not in ANIMALS:
        return False
    end = lowered[k + 1] if k + 1 < len(lowered) else "."
    return not end[:1].isalpha() or end in _ANIMAL_PHRASE_END


def _subject_phrase(lowered: list[str], j: int) -> bool:
    """True when the noun at ``j`` begins its clause's subject: nothing before its counts
    and determiners is a verb or a relative word ("who raised horses was killed" is a man)."""
    k = j - 1
    while k >= 0 and (
        lowered[k] in _ANIMAL_COUNT
        or lowered[k] in ("of", "than", "more")
        or _NUMBER.match(lowered[k])
    ):
        k -= 1
    return k < 0 or not (lowered[k].endswith("ed") or lowered[k] in ("who", "that", "which"))


_NUMBER = re.compile(r"\d[\d,.]*$")


#: Words before "missing" that make it a state of someone gone ("went missing the day
#: before", "was reported missing the next morning").
_GONE_MISSING = frozenset(
    "went gone go goes going reported been is was were are remains remained remain still be".split()
)
_TIME_AFTER = frozenset("day days night nights morning evening week weekend month past".split())


def _missed_something(lowered: list[str], i: int) -> bool:
    """True when "missing" at ``i`` takes an object ("missing two regattas", "after
    missing his flight"): failing to attend or catch, nobody gone."""
    if i + 1 >= len(lowered) or lowered[i + 1] not in _DETERMINERS:
        return False
    if i and lowered[i - 1] in _GONE_MISSING:
        return False
    return _TIME_AFTER.isdisjoint(lowered[i + 2 : i + 4])


def _later_in_a_such_as_list(lowered: list[str], i: int) -> bool:
    """True when the event noun at ``i`` is a later item of a "such as" list ("cases such as
    the bank robberies or the triple killing in A"): named as an example, like the first."""
    for k in range(max(0, i - 12), i - 6):
        if lowered[k] == "such" and lowered[k + 1] == "as":
            between = lowered[k + 2 : i]
            return ("and" in between or "or" in between) and clauses.AUXILIARIES.isdisjoint(between)
    return False


def _topic_of_a_work(lowered: list[str], i: int) -> bool:
    """True when the event noun at ``i`` is what a film, book, talk or exhibit is about ("a
    documentary about the massacre in A", "a screening on the lynching in B"): a past event
    named as a subject, not reported."""
    for k in range(max(1, i - 4), i):
        if lowered[k] in ("about", "on") and lowered[k - 1] in WORK_NOUNS:
            return all(x.isalpha() and x not in ("and", "or") for x in lowered[k + 1 : i])
    return False


#: Verbs of a fall or a rise that markets share with crashes, protests and blasts.
_MARKET_MOVES = frozenset("crashed crash rallied exploded".split())
_FINANCE = frozenset(FINANCE_WORDS)


def _market_moved(lowered: list[str], i: int) -> bool:
    """True when a traded thing is what crashed or rallied: the subject up to six words
    before the verb at ``i`` in its clause ("shares of the Dayton-based retailer crashed",
    "stocks in Asia rallied"; not "a stock car crashed")."""
    before = lowered[max(0, i - 6) : i + 1]
    cut = max(
        (k for k, x in enumerate(before) if x in (",", ";", "and", "when", "after")), default=-1
    )
    return any(
        x in _FINANCE and before[k + 1] in ("of", "in", lowered[i])
        for k, x in enumerate(before[:-1])
        if k > cut
    )


def _known_for(lowered: list[str], i: int) -> bool:
    """True when the plural event noun at ``i`` tells what a place is known for: "the
    district had long been a hub of student protests", "a hotbed of attacks"."""
    before = lowered[max(0, i - 4) : i]
    return "of" in before and any(
        w in KNOWN_FOR and n == "of" for w, n in zip(before, before[1:], strict=False)
    )


def _generic_after(lowered: list[str], i: int) -> bool:
    """True when the plural event noun at ``i`` is the subject of a general statement:
    "shootings are common", "crashes have risen", "arrests were up 5 percent"."""
    j = i + 1
    if j < len(lowered) and lowered[j] in ("and", "or"):
        # "mine blasts and factory fires remain frequent": a second plural noun, with up to
        # two words before it, shares the general statement
        k = next(
            (
                k
                for k in range(j + 1, min(j + 4, len(lowered)))
                if lowered[k].isalpha()
                and lowered[k].endswith("s")
                and lowered[k + 1 : k + 2]
                and lowered[k + 1] in _BE_HAVE
            ),
            None,
        )
        if k is None or not all(w.isalpha() for w in lowered[j + 1 : k]):
            return False
        j = k + 1
    after = lowered[j : j + 3]
    return bool(after) and after[0] in _BE_HAVE and not GENERIC_AFTER.isdisjoint(after[1:])


_BE_HAVE = frozenset("are were have remain remained".split())


def _called_off(lowered: list[str], i: int) -> bool:
    """True when the clause of the event noun at ``i`` says it was called off: "the summit
    planned for May was cancelled", "the march was called off", "organisers cancelled a
    rally"."""
    for k in range(i - 1, max(-1, i - 5), -1):
        w = lowered[k]
        if w in (",", ";", ".", "but", "and", "after", "because"):
            break
        if w in _CANCELLING or (w == "off" and k > 0 and lowered[k - 1] in ("called", "calling")):
            return True
    for w, nxt in zip(lowered[i + 1 : i + 10], [*lowered[i + 2 : i + 11], ""], strict=False):
        if w in (",", ";", ".", "but", "and", "after", "because"):
            return False
        if w in CALLED_OFF or (w == "called" and nxt == "off"):
            return True
    return False


#: Verbs before an event noun that call it off ("cancelled a rally", "scrapped the talks").
_CANCELLING = CALLED_OFF | frozenset("cancel cancels cancelling canceling scrap scraps".split())
#: Words that put an event off to a later day ("the summit was postponed").
_POSTPONING = frozenset("postponed postpone postpones postponing deferred rescheduled".split())
_FUTURE_WORDS = frozenset("will shall 'll ’ll".split())


def _put_off(tokens: list[Token], i: int) -> bool:
    """True when the clause of the event noun at ``i`` puts it off to a later day ("the
    summit in X was postponed", "organisers postponed the march"): still to come."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if tokens[k].text in ",;." or tokens[k].lower in ("but", "and", "after", "because"):
            break
        if tokens[k].lower in _POSTPONING:
            return True
    for t in tokens[i + 1 : i + 10]:
        if t.text in ",;." or t.lower in ("but", "and", "after", "because"):
            return False
        if t.lower in _POSTPONING:
            return True
    return False


#: What a deed that has not begun is said not to have done, after "not" / "yet to"
_BEGUN = frozenset("started begun begin start happened happen commenced commence".split())


def _not_under_way(lowered: list[str], i: int) -> bool:
    """True when the clause of the event noun at ``i`` says it has not begun: "the relocation
    of families from A to B has not started", "the transfer is yet to begin", "the
    evacuation has not yet taken place"."""
    for k in range(i + 1, min(len(lowered), i + 16)):
        w = lowered[k]
        if w in (",", ";", ".", "but", "after", "because", "which", "who"):
            return False
        if w in ("not", "yet", "never"):
            rest = lowered[k + 1 : k + 4]
            if rest[:1] == ["yet"] or rest[:1] == ["to"]:
                rest = rest[1:]
            if rest and (rest[0] in _BEGUN or rest[:2] == ["taken", "place"]):
                return True
    return False


#: Journeys whose calling off takes the talks they were for with them (general English).
_TRIPS = frozenset("trip visit journey tour flight mission".split())


def _trip_for_it_called_off(lowered: list[str], i: int) -> bool:
    """True when the event noun at ``i`` is what a journey was for ("due to travel to A on
    Friday for talks with B") and the sentence calls that journey off after it ("has
    called off the trip", "cancelled the visit")."""
    if i == 0 or lowered[i - 1] != "for" and not (i > 1 and lowered[i - 2] == "for"):
        return False
    rest = lowered[i + 1 :]
    for k, w in enumerate(rest):
        nxt = rest[k + 1 : k + 4]
        if (w in CALLED_OFF or (w == "called" and nxt[:1] == ["off"])) and not _TRIPS.isdisjoint(
            nxt
        ):
            return True
    return False


def _event_after_of(lowered: list[str], i: int) -> bool:
    """True when "explosion of" goes on with what blew up ("an explosion of a gas tank")."""
    return i + 2 < len(lowered) and lowered[i + 2] in _DETERMINERS


def _hoped_for(lowered: list[str], i: int) -> bool:
    """True when an arrest is only hoped for: tips "leading to the arrest of" someone,
    "a reward for the arrest", "could lead to an arrest"."""
    before = lowered[max(0, i - 8) : i]
    if not _ASKED_FOR.isdisjoint(before):
        return True  # "a reward for the arrest", "a warrant for his arrest"
    return not _WISHED_BY.isdisjoint(before) and not _LEADING.isdisjoint(before[-4:])


_WISHED_BY = frozenset("information tip tips anyone".split())
_ASKED_FOR = frozenset("reward rewards warrant warrants".split())
_LEADING = frozenset("lead leads leading".split())


def _title_case(tokens: list[Token]) -> bool:
    """True when most words of a sentence are capitalised (a headline in title case); a
    long sentence is a list of names ("acts including Arcade Fire, ..."), no headline."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    return len(words) <= 25 and 2 * sum(t.text[:1].isupper() for t in words) > len(words)


# adverbs between "meet" and where or whom: "will meet again in X", "met privately with"
_MEET_ADVERBS = frozenset("again later privately briefly separately jointly secretly".split())


def _meets_someone(tokens: list[Token], i: int) -> bool:
    """True when "met" / "meet" at ``i`` is a meeting: an office or a party within three
    words after it ("met President Ruto", "will meet his counterpart", "met with", "meet in
    X"); a plain name is an acquaintance, not a meeting ("met Anna at a party")."""
    after = tokens[i + 1 : i + 4]
    if not after or (i > 0 and tokens[i - 1].lower in ("first", "never", "once")):
        return False  # "first met her husband": how people came to know each other
    if len(after) > 1 and after[0].lower in _MEET_ADVERBS:
        after = after[1:]  # "are due to meet again in X", "met privately at X"
    if after[0].lower in ("in", "at"):
        # "leaders met in Accra"; not "the county board meets in Dover": one body's session
        return ONE_BODY.isdisjoint(t.lower for t in tokens[max(0, i - 4) : i])
    if after[0].lower == "with":
        # "met with the minister", "met with Hamas leaders"; not "met with friends",
        # "met with students": no party to talks
        return _party_after(tokens, i + 2)
    return any(
        (t.lower in MEETING_PARTIES and t.lower not in _POSSESSIVES)
        or (t.lower.rstrip(".") in TITLES and t.lower.rstrip(".") not in COURTESY_TITLES)
        for t in after
    )  # ("meet its budget": no one met; "met Ms. Lane": an acquaintance)


def _party_after(tokens: list[Token], j: int) -> bool:
    """True when the words from ``j`` (after "met with", "a meeting with") name a party to
    talks: an office, a party noun, or a name ("the minister", "Hamas leaders"); not
    "friends" or "students", nor one's own adviser ("his lawyer", "her probation officer").
    The scan stops at a preposition ("in Leeds" is no party)."""
    owned = False
    for t in tokens[j : j + 4]:
        if t.lower in _PARTY_STOP or not t.text[:1].isalnum():
            return False
        owned = owned or t.lower in _POSSESSIVES
        if owned and t.lower in OWN_ADVISERS:
            return False  # "with her probation officer": an appointment
        if (t.lower in MEETING_PARTIES and t.lower not in _POSSESSIVES) or (
            t.lower.rstrip(".") in TITLES or t.text[:1].isupper()
        ):
            return True
    return False


_POSSESSIVES = frozenset("his her their its".split())
#: A march in one of these is a celebration, not a protest.
_PARADES = frozenset("parade parades procession processions pageant".split())
#: What derails: a train or its cars. Without one in the sentence, "derailed" is a plan or
#: talks thrown off course ("the ceasefire derailed"), no derailment.
_RAIL_WORDS = frozenset(
    "train trains tram trams streetcar streetcars trolley locomotive locomotives freight "
    "railcar railcars wagons coaches carriages cars car rail railway railways railroad "
    "railroads metro subway".split()
)
# an event counted in a series is named again, not told: "the fifth attack this month"
_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())
#: Words that leave an event only suspected, not told ("a possible shooting", "a potential
#: attack", "a rumoured kidnapping"; after it, "a shooting threat", "a bombing plot"); and the
#: events they do so for (a "possible arson" or a
#: "possible homicide" still tells the fire or the death).
_UNSURE = frozenset("possible potential rumoured rumored hypothetical".split())
_UNSURE_AFTER = frozenset("threat threats scare scares hoax hoaxes plot plots drill drills".split())
_UNSURE_KINDS = frozenset(
    "shooting shootings attack attacks bombing bombings stabbing stabbings ambush robbery "
    "kidnapping abduction".split()
)
#: An inquiry into an event: with an unsure word before it ("a possible murder inquiry"), it
#: is the inquiry that may come, and no event is told.
_INQUIRIES = frozenset("investigation investigations inquiry inquiries probe probes".split())
_PARTY_STOP = frozenset("in at on to for from who that which about over".split())


def _caused_otherwise(tokens: list[Token], i: int, found: dict[int, _Trigger]) -> bool:
    """True when the deaths or injuries told at ``i`` were caused by an accident or a
    disaster: one named before it in the sentence ("a landslide buried houses, killing
    four"), or a subject that is no person ("lightning killed")."""
    if any(
        f.index < i and f.event_type is not None and f.event_type not in _VIOLENT
        for f in found.values()
    ):
        return True
    return _natural_subject(tokens, i)


def _natural_subject(tokens: list[Token], i: int) -> bool:
    """True when a word of the few before ``i`` (in its clause) names a cause that is no
    person ("lightning killed", "the gale smashed windows")."""
    for j in range(i - 1, max(-1, i - 9), -1):
        if tokens[j].text in ",;" or tokens[j].lower in _SCOPE_END:
            break
        if tokens[j].lower in NOT_BY_PEOPLE:
            return True  # (or its phrase: "a stampede at a stadium in X killed 56")
    if i > 0 and tokens[i - 1].text == "," and tokens[i].lower.endswith("ing"):
        # "..., killing 80": the toll of the sentence's subject ("an epidemic sweeping the
        # region has worsened, killing 80")
        return not NOT_BY_PEOPLE.isdisjoint(t.lower for t in tokens[:4])
    return False


_VIOLENT = frozenset(("attack", "arrest", "disappearance"))
# the day of the event told before, right after an event's verb: "detained them the same day"
_SAME_DAY = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:on\s+)?(?:the\s+same|that)\s+(?:day|night|evening|morning|afternoon)\b",
    re.I,
)
#: Carrying goods, told as what someone caught was doing ("caught smuggling drugs from A").
_SMUGGLING = frozenset(("smuggle", "traffic", "carry", "transport", "bring"))
#: Disasters a verb says hit a place ("floods hit A"): placed there, whatever its size.
_STRIKES_PLACES = frozenset(("flood", "earthquake", "landslide"))


def _in_name(tokens: list[Token], i: int) -> bool:
    """True when the capitalised word ``i`` stands inside a name: a capitalised word (or one
    and "of" / "for") before it, or a capitalised word right after it; never the first word
    of a sentence or of a line."""
    if not tokens[i].text[:1].isupper() or i == 0:
        return False
    prev = tokens[i - 1]
    if prev.text == "&" and i > 1 and tokens[i - 2].text[:1].isupper():
        return True  # "Exhibition & Conference"
    if not prev.text[:1].isalnum():
        return False  # after a dash or a quote: a sentence or a headline begins
    if (prev.text[:1].isupper() and prev.lower not in _OPENERS) or (
        prev.lower in ("of", "for", "and") and i > 1 and tokens[i - 2].text[:1].isupper()
    ):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.start == tokens[i].end + 1


# capitalised words that open a sentence rather than stand in a name
_OPENERS = frozenset("a an the this that these those his her their its our".split())


#: Words after "the displaced", "the evacuated" that make it a noun of people ("the
#: displaced remain", "the evacuated, who ...").
_NOMINAL_AFTER = frozenset(
    ", ; : . remain remained stay stayed live lived say said told need needed include "
    "included who were are".split()
)


def _modifier(tokens: list[Token], t: _Trigger) -> bool:
    """True when trigger ``t`` only describes a noun before it rather than reporting an event
    of its own: a plain journey's participle ("a bus travelling from A", "a train carrying
    evacuees"), or a known event named again ("triggered by the quake")."""
    word = tokens[t.index].lower
    if t.event_type is None and t.motion is not None and word.endswith("ing") and t.index:
        return tokens[t.index - 1].text[:1].isalpha() and tokens[t.index - 1].lower not in (
            "and",
            "or",
            "was",
            "were",
            "is",
            "are",
            "been",
        )
    return t.noun and t.index > 0 and tokens[t.index - 1].lower in ("the", "this", "that")


#: Nouns of a place named after what happened there ("the crash site", "the accident
#: scene"): general English.
_SCENE_NOUNS = frozenset("site sites scene scenes".split())


def _scene(tokens: list[Token], t: _Trigger) -> bool:
    """True when the incident noun ``t`` only names a place by what happened there ("from
    the crash site near X"), which a journey's places run past."""
    return (
        t.noun
        and t.event_type is not None
        and t.index + 1 < len(tokens)
        and tokens[t.index + 1].lower in _SCENE_NOUNS
    )


#: What announces an event to come in the clause a "before" clause hangs on (general English).
_TO_COME = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due |set |expected |scheduled )?to|plans? to|planned to)\b",
    re.I,
)
_OPENERS_OF_TIME = frozenset(("before", "after", "once", "when"))


def _for_purpose(tokens: list[Token], index: int) -> bool:
    """True when the event noun at ``index`` is what a journey is for ("flies to B for a
    summit", "travelled there for talks", "for the annual conference")."""
    for j in range(index - 1, max(-1, index - 4), -1):
        if tokens[j].lower == "for":
            return True
        if not tokens[j].text[:1].isalpha():
            return False
    return False


def _planned_before(tokens: list[Token], index: int) -> bool:
    """True when the motion verb at ``index`` is in the present tense ("flies", "travels")
    in a "before"/"after"/"once"/"when" clause on a clause that announces what is to come
    ("the leaders are due to sign a deal before the envoy flies on to B"): planned too."""
    word = tokens[index].lower
    if not word.endswith("s") or word.endswith("ss"):
        return False
    start = clauses.clause_start(tokens, index)
    opener = start - 1 if start > 0 and tokens[start].lower not in _OPENERS_OF_TIME else start
    if opener < 1 or tokens[opener].lower not in _OPENERS_OF_TIME:
        return False
    return _TO_COME.search(" ".join(t.lower for t in tokens[:opener])) is not None


#: Words before "to leave" that schedule a departure rather than wish or forecast it.
_DEPARTURE_SET = frozenset(("due", "scheduled", "set"))


#: Words that make the infinitive after them a thing done, not a wish ("were forced to
#: leave X", "compelled thousands to leave X").
_FORCED = frozenset("forced compelled obliged driven".split())


def _forced_to(lowered: list[str], i: int) -> bool:
    """True when "to" before the verb at ``i`` follows a word of :data:`_FORCED` within its
    clause ("rains forced about 300 families to leave X"): the leaving happened."""
    if i < 2 or lowered[i - 1] != "to":
        return False
    for j in range(i - 2, max(-1, i - 8), -1):
        if lowered[j] in _FORCED:
            return True
        if lowered[j] in (",", ";", ":", "and", "but"):
            return False
    return False


def _leaves_for_place(tokens: list[Token], i: int) -> bool:
    """True when "leave" at ``i`` is scheduled ("is due to leave", "is scheduled to leave")
    and followed by a capitalised name and then "for" ("is due to leave Gulu for Lira"): a
    departure announced (not "expected to leave", a forecast, nor "refused to leave")."""
    if i < 2 or tokens[i - 1].lower != "to" or tokens[i - 2].lower not in _DEPARTURE_SET:
        return False
    j = i + 1
    while j < len(tokens) and j <= i + 4 and tokens[j].text[:1].isupper():
        j += 1
    return j > i + 1 and j < len(tokens) and tokens[j].lower == "for"


# words before "<participle> <people>" that make the participle an adjective ("the deported
# migrants", "for evacuated people", "some 200 displaced families", "said deported men")
_DESCRIBING_BEFORE = _ADJECTIVE_BEFORE | frozenset(
    "for to with by from in into at on among and or but as many some several other more "
    "most all newly recently formerly previously also said says say told newly-arrived".split()
)


def _acted_on(tokens: list[Token], lowered: list[str], i: int) -> bool:
    """True when the participle at ``i`` before a people noun is a verb in the past with a
    subject before it and a place after ("the army evacuated residents to X", "Kenya deported
    migrants from A"): the word before is no determiner, preposition, quantity or speech verb
    (see ``_DESCRIBING_BEFORE``), and "to" or "from" follows the people noun."""
    if i == 0 or i + 2 >= len(lowered):
        return False
    prev = lowered[i - 1]
    if prev in _DESCRIBING_BEFORE or not prev.isalpha():
        return False
    return lowered[i + 2] in ("to", "from")


#: Nouns of people named by the event they take part in ("protesters", "gunmen").
_EVENT_PEOPLE = frozenset(
    "protesters protestors demonstrators rioters strikers gunmen marchers".split()
)


#: Words after "since" or "until" that make it a time phrase of days, not a clause ("missing
#: since Sunday near X", "held until dawn in X"; not "killed since 2003": a count over years).
_TIME_AFTER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday dawn noon midnight yesterday "
    "tonight".split()
)


def _time_phrase_after(tokens: list[Token], i: int) -> bool:
    """True when the word at ``i`` opens a time phrase, not a clause: a time of day after it
    ("before dawn", "after dark") or days after "since" / "until" ("since Sunday")."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1].lower
    if after in clauses.TIMES_OF_DAY:
        return True
    return tokens[i].lower in ("since", "until") and after in _TIME_AFTER


def _nominal_or_aspectual(lowered: list[str], i: int, motion: Motion) -> Motion | None:
    """A transport word that is more often a trade's or a team's name (OF_NOUNS, ASPECT_ING)
    read as a motion only in the shapes that report one: a nominalisation with a determiner
    or a possessive before it and "of" after it ("the shipment of grain", "Tuesday's
    trafficking of women", "the rescue of 40 miners"), or an -ing form after an aspectual or
    auxiliary verb or after the time "spent" on it ("began shipping grain", "were trafficking
    women", "spent Monday shipping grain")."""
    w = lowered[i]
    prev = lowered[i - 1] if i else ""
    nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
    if w in OF_NOUNS and nxt == "of" and _determined(lowered, i):
        return motion if motion.noun else replace(motion, noun=True)
    if w in ASPECT_ING and (
        prev in ASPECTUAL_VERBS
        or prev in clauses.AUXILIARIES
        or any(x in ("spent", "spend", "spends", "spending") for x in lowered[max(0, i - 4) : i])
    ):
        return motion
    return None


def _determined(lowered: list[str], i: int) -> bool:
    """True when a determiner or a possessive is among the three words before ``i``."""
    return any(w in _NOUN_BEFORE or w.endswith(("'s", "’s")) for w in lowered[max(0, i - 3) : i])


def _directed(lowered: list[str], i: int) -> bool:
    """ "taken to X", "took them back to X": a direction within four words, no idiom; after
    the agent of a passive, within four more ("taken by the army by air from X")."""
    nxt = lowered[i + 1 : i + 5]
    if nxt and nxt[0] in _TAKE_NOT:
        return False
    if nxt and nxt[0] == "by":
        nxt = lowered[i + 1 : i + 9]
    if nxt and nxt[0] in ("a", "an", "the"):
        # "took a Greyhound Lines bus from A to B": a named vehicle, however many words
        found = [k for k in range(i + 2, min(len(lowered), i + 7)) if lowered[k] in _TAKEN_VEHICLES]
        if found:  # (the last one: "a Concord Coach Lines bus")
            nxt = lowered[i + 1 : found[-1] + 3]
    return any(w in ("to", "from", "back", "into") for w in nxt)


#: Verbs that say what a subject is or does to others, not where it went ("smuggled rice
#: remains a threat", "imported cars are cheaper"): general English.
_LINKING = frozenset(
    "is are was were remains remain remained poses pose posed threatens threaten threatened "
    "hurts hurt undercuts undercut floods flooded costs cost sells sold".split()
)


#: Words that take a motion verb somewhere ("smuggled into A were"): no describing word.
_DIRECTIONS = frozenset("into to from in at via through across out back home over by".split())


def _attributive_subject(lowered: list[str], i: int) -> bool:
    """True when the participle at ``i`` describes the noun after it, and that noun (one or
    two words) is the subject of a verb of :data:`_LINKING` ("smuggled rice remained a
    threat to farmers in A", "trafficked goods are sold in A"): a kind of goods, no trip."""
    w = lowered[i]
    if not w.endswith("ed") or (i and lowered[i - 1] in clauses.AUXILIARIES):
        return False
    for k in (i + 2, i + 3):
        if k < len(lowered) and lowered[k] in _LINKING:
            return all(
                x.isalpha() and x not in _NOT_DESCRIBING and x not in _DIRECTIONS
                for x in lowered[i + 1 : k]
            )
    return False


def _to_care(lowered: list[str], i: int) -> bool:
    """ "referred to the district hospital in A", "were shifted to a trauma centre in A": "to"
    within three words of the verb at ``i`` (past its object), and a word of
    :data:`CARE_PLACES` within five words after that "to"."""
    for k in range(i + 1, min(len(lowered), i + 4)):
        if lowered[k] == "to":
            return not CARE_PLACES.isdisjoint(lowered[k + 1 : k + 6])
        if lowered[k] in (",", ";", ".", "and"):
            return False
    return False


#: Words before a base-form verb that make it one trip to come ("will carry", "to carry").
_BEFORE_A_PLAN = frozenset(("will", "would", "to", "shall", "'ll", "’ll"))
#: Vehicles one takes to travel ("took a bus", "had taken an overnight train").
_TAKEN_VEHICLES = frozenset(
    "bus buses coach train trains flight flights plane ferry boat taxi cab shuttle".split()
)


#: Roads a vehicle runs off ("left the road", "left Interstate 55", "left U.S. Highway 281").
_ROADS = frozenset(
    "road roadway highway interstate route pavement street lane track freeway expressway "
    "turnpike parkway".split()
)
_ROAD_OPENERS = frozenset("the a u.s u.s. us state county . its".split())


#: Pronouns that stand for a vehicle or its driver named earlier in the sentence.
_VEHICLE_PRONOUNS = frozenset("it he she they".split())


def _driven_into(tokens: list[Token], lowered: list[str], i: int) -> bool:
    """True when the striking verb at ``i`` has a vehicle or its driver for subject: named in
    its clause ("the car struck a truck"), or named before in the sentence and taken up by a
    pronoun ("a car was going east in the westbound lanes when it struck a semi-trailer")."""
    clause = lowered[clauses.clause_start(tokens, i) : i]
    if not DRIVING_SUBJECTS.isdisjoint(clause):
        return True
    return not _VEHICLE_PRONOUNS.isdisjoint(clause) and not DRIVING_SUBJECTS.isdisjoint(lowered[:i])


def _left_road(lowered: list[str], i: int) -> bool:
    """True when "left" at ``i`` takes a road ("his pickup left the road", "the car left
    Interstate 80 near A"): a vehicle running off it, not a departure from a place."""
    j = i + 1
    while j < len(lowered) and j <= i + 3 and lowered[j] in _ROAD_OPENERS:
        j += 1
    return j < len(lowered) and (
        lowered[j] in _ROADS or re.fullmatch(r"(?:i|us|sr|hwy)-?\d+", lowered[j]) is not None
    )


def _left_dead(lowered: list[str], i: int) -> bool:
    """ "left three dead", "left 20 injured", "left two others in custody": a toll or a
    state people are left in, not a departure."""
    if any(
        w in ("dead", "injured", "wounded", "homeless", "behind", "without")
        for w in lowered[i + 1 : i + 4]
    ):
        return True
    for w in lowered[i + 1 : i + 9]:
        if w in (",", ";", ".", "and", "for", "to"):
            return False
        if w in _LEFT_IN:
            return True
    return False


#: States people are left in ("left three others in custody", "left a man in critical
#: condition"): no one departs.
_LEFT_IN = frozenset("custody critical paralyzed paralysed unconscious stranded".split())


def _mentions(
    sentence: str, offset: int, here: list[Toponym], tokens: list[Token]
) -> list[Mention]:
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out: list[Mention] = []
    for n, t in enumerate(here):
        rel_start, rel_end = t.span.start - offset, t.span.end - offset
        first = max(0, bisect_right(starts, rel_start) - 1)
        last = max(first, bisect_left(ends, rel_end))
        last = min(last, len(tokens) - 1)
        if _names_facility_in_town(tokens, last, here[n + 1 :], offset):
            continue  # "to Oakfield prison in Brandt": the prison's name, Brandt its town
        # a place inside a hyphenated word ("Kabul-bound") keeps the word's tail as cue
        tail = sentence[rel_end : rel_end + 40]
        # the scan back stops at the place before, unless it is a facility or street ("to
        # Carle Foundation Hospital, Urbana": the hospital's town)
        stop = -1
        if out and out[-1].place.feature_type not in ("facility", "street"):
            stop = out[-1].last
        c = cue(tokens, first, tail, stop)
        if (
            out
            and c.role in ("none", "location")
            and _COORDINATED.match(sentence[out[-1].end : rel_start])
            and not (
                _CLAUSE_AND.match(sentence[out[-1].end : rel_start])
                and not (
                    len(out) > 1 and _COORDINATED.match(sentence[out[-2].end : out[-1].start])
                )  # (not the last of a list: "left A, B, and C travelled to D")
                and _opens_clause(tokens, last)
            )
        ):
            c = out[-1].cue  # "from Tunis and Algiers": both are origins
            if road_ends(tokens, c.governor):
                c = replace(c, role="route-end")  # "the road between A and B": B is its end
        out.append(Mention(t, first, last, rel_start, rel_end, c))
    return out


#: Facility nouns after a place's name that make the name the facility's ("Oakfield prison",
#: "Marlow camp"), when a town follows: "to Oakfield prison in Brandt" (general English).
_NAMED_FACILITIES = frozenset(
    "prison jail penitentiary camp centre center hospital barracks compound base".split()
)


def _names_facility_in_town(
    tokens: list[Token], last: int, later: list[Toponym], offset: int
) -> bool:
    """True when the place ending at token ``last`` names a facility whose town comes right
    after it: "<Name> prison in <Town>", "<Name> camp near <Town>". Only a town after it
    wins ("Kalo camp in Ruritania" keeps Kalo, finer than the country)."""
    if last + 3 >= len(tokens) or not later:
        return False
    noun, prep, nxt = tokens[last + 1], tokens[last + 2], tokens[last + 3]
    return (
        noun.lower in _NAMED_FACILITIES
        and noun.text[:1].islower()
        and prep.lower in ("in", "at", "near", "outside")
        and later[0].span.start - offset == nxt.start
        and later[0].place is not None
        and later[0].place.feature_type == "city"
    )


#: What may stand before an event log's lead-in place: its date ("Sept. 3,", "10 March -").
_LEAD_IN_DATE = re.compile(r"^(?:\d{1,2}|\d{4}|[a-z]+\.?|[,.\-–—])$")
#: Words that may open the lead-in place itself: "Sept. 12, near Brandt: a bus overturned".
_LEAD_IN_NEAR = frozenset("near outside off in at".split())


#: A direct quotation within one paragraph, which may run over several sentences.
_SPEECH = re.compile(r"“[^“”\n]{1,1500}”|\"[^\"\n]{1,1500}\"")


#: A speaker's own first person: "I", "my", "me" (a police statement's quoted account,
#: "officers received calls", is the report's story told in its words).
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Mm]ine)\b")


def _speech_spans(text: str) -> list[tuple[int, int]]:
    """The document offsets of direct quotations in which someone speaks of themselves
    ("'We may go to Germany. My cousin is in Cologne,' he said"): their places are not
    where the report is (the sentences after them go on with the report's own places, or its
    dateline)."""
    return [(m.start(), m.end()) for m in _SPEECH.finditer(text) if _FIRST_PERSON.search(m.group())]


def _within_spans(at: int, spans: list[tuple[int, int]]) -> bool:
    """True when document offset ``at`` lies inside one of ``spans`` (sorted, disjoint)."""
    i = bisect_left(spans, (at + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined (as :func:`_within_spans` needs them)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _section_opening(document: Document, start: int) -> bool:
    """True when the sentence at document offset ``start`` opens a line after a blank line,
    with body text before it: a later paragraph of the report, where a town in capitals and a
    colon ("NAKURU: Students marched ...") heads a roundup's section rather than giving the
    dateline, which opens the body."""
    text = document.text
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip(" \t-–—•*") or line < 2:
        return False
    above = text.rfind("\n", 0, line - 1) + 1
    if text[above : line - 1].strip():
        return False  # not after a blank line
    return bool(text[document.body_start : above].strip())


def _lead_in(tokens: list[Token], m: Mention) -> bool:
    """True when the place ``m`` opens its sentence as a label, after nothing or its date
    only, with a colon after it: "Sept. 3, Brandt: gunmen opened fire …", "Brandt: police
    detained two men" (an event log's or a digest's place of the paragraph)."""
    if m.last + 1 >= len(tokens) or tokens[m.last + 1].text != ":":
        return False
    before = tokens[: m.first]
    if len(before) > 5:
        return False
    words = [t.lower for t in before if t.text[:1].isalpha()]
    return all(_LEAD_IN_DATE.match(t.lower) for t in before) and all(
        w.rstrip(".") in MONTHS or (w in _LEAD_IN_NEAR and w == words[-1] == before[-1].lower)
        for w in words
    )


_LABEL_DATE = re.compile(
    rf"\s*(?:\d{{1,2}}\s+(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b"
    rf"|(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d{{1,2}}\b)",
    re.I,
)


_MONTH_WORD = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"

#: A timeline's or a log's entry line: a date ("2 June 2025", "4 June", "June 4, 2025",
#: "24–27 September", "July – August", "2025-06-02") then a dash or a colon, or a time of day
#: ("06:45", "0645 hrs") then a dash, a colon or a wide gap; then the entry, capitalised.
_ENTRY_LINE = re.compile(
    rf"^[ \t]*(?:[-•*][ \t]+)?(?:"
    rf"(?:\d{{1,2}}(?:[ \t]*[–-][ \t]*\d{{1,2}})?[ \t]+{_MONTH_WORD}(?:[ \t]+\d{{4}})?"
    rf"|{_MONTH_WORD}[ \t]+\d{{1,2}}(?:[ \t]*[–-][ \t]*\d{{1,2}})?(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTH_WORD}(?:[ \t]*[–-][ \t]*{_MONTH_WORD})?(?:[ \t]+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})[ \t]*[–—:-]"
    rf"|(?:\d{{1,2}}[:.]\d{{2}}(?:[ \t]*(?:hrs|h|am|pm|a\.m\.|p\.m\.))?|\d{{4}}[ \t]*(?:hrs|h)\b)"
    rf"(?:[ \t]*[–—:-]|[ \t]{{2,}}|\t))[ \t]*(?=(?-i:[A-Z]))",
    re.I | re.M,
)


def _log_entries(text: str) -> list[tuple[int, int]]:
    """The spans of a timeline's or a log's dated entry lines (:data:`_ENTRY_LINE`), when the
    text holds at least two of them (a list of entries, not one dated sentence); else none.
    Such entries tell what happened in the present ("Leaves A for B.", "They cross into C.")."""
    spans = []
    start = 0
    while start >= 0:  # an entry opens a line and never runs past it: try each line's start
        end = text.find("\n", start)
        if _ENTRY_LINE.match(text, start):
            spans.append((start, len(text) if end < 0 else end))
        start = end + 1 if end >= 0 else -1
    return spans if len(spans) >= 2 else []


def _entry_tense(tokens: list[Token]) -> list[Token]:
    """A log entry's tokens with the present forms of :data:`ENTRY_PRESENT` read as their
    past ("Leaves A by bus for B", "they cross into C"), as in a headline
    (:func:`_headline_tense`): not after "to", a modal, a negation or a determiner, nor before
    a particle; a capitalised form only where the entry opens (first, or after its dash or
    colon). Offsets and the written text stay as they were."""
    out = tokens
    for i, t in enumerate(tokens):
        past = ENTRY_PRESENT.get(t.lower)
        if past is None or (i and tokens[i - 1].lower in _NOT_HEADLINE_PAST):
            continue
        if not t.text[:1].islower() and t.lower in MONTHS:
            continue  # the entry's date: "12 March - Malindi."
        if not t.text[:1].islower() and not (
            tokens[i - 1].text in ("–", "—", "-", ":")
            or all(not x.text[:1].isalpha() or x.lower.rstrip(".") in MONTHS for x in tokens[:i])
        ):
            continue  # a name: "Van", "Reading", "Mobile"
        if i + 1 < len(tokens) and tokens[i + 1].lower in _PHRASAL_PARTICLES:
            continue  # "takes up", "takes out": another verb
        if out is tokens:
            out = list(tokens)
        out[i] = t._replace(lower=past, text=t.text.lower())  # (no name's first word)
    return out


def _dated_label(sentence: str) -> bool:
    """True when a sentence that told no event is an event log's dated lead-in: a day and
    month first, and a few words ("11 March - Brandt district.", "Sept. 3, Brandt:")."""
    return len(sentence.split()) <= 10 and _LABEL_DATE.match(sentence) is not None


def _opens_clause(tokens: list[Token], last: int) -> bool:
    """True when the place ending at token ``last`` is followed by a verb, so that it is the
    subject of a clause of its own ("sent troops to A, and B sent medics"; "to A, and B has
    expelled two"), not one more place of the list before it."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    if not nxt.text[:1].islower():
        return False
    w = nxt.lower
    return (
        w in clauses.AUXILIARIES
        or (w.endswith("ed") and w not in _NOT_VERBS_ED)
        or w in clauses.PAST_FORMS
        or w in ("said", "says")
    )


#: Words in -ed that follow a place in a list without being its verb ("A and B combined").
_NOT_VERBS_ED = frozenset("combined alike included".split())


#: Who is arrested for an offence named with its place ("a suspect in the robbery in X").
_SUSPECTS = frozenset("suspect suspects".split())


def _suspect_in(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` is the place of the offence a suspect is named by ("a suspect
    in a late March burglary near X", "suspects in the killing of a man in X"), within
    the suspect's noun phrase."""
    for j in range(m.first - 1, max(-1, m.first - 12), -1):
        if tokens[j].text in ",;:" or tokens[j].lower in ("was", "were", "has", "have", "is"):
            return False
        if tokens[j].lower in _SUSPECTS and j + 1 < m.first and tokens[j + 1].lower == "in":
            return True
    return False


def _recovering_from(tokens: list[Token], i: int) -> bool:
    """True when the event word at ``i`` is what someone recovers from ("is recovering from a
    car crash", "recovered from the attack"): a cause of how they are now."""
    for j in range(i - 1, max(0, i - 5), -1):
        if tokens[j].lower == "from":
            return tokens[j - 1].lower.startswith("recover")
    return False


def _treated_at(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` names where the hurt are treated: a hospital's town ("died in
    a Leeds hospital", "at Leeds General Hospital", "a hospital in Leeds", "Leeds Medical
    Center"), which is not where they were hurt."""
    j = m.last + 1
    medical = False
    while j < len(tokens) and j <= m.last + 4 and tokens[j].lower in TREATMENT_NAME_WORDS:
        medical = medical or tokens[j].lower == "medical"
        j += 1
    if j < len(tokens) and (
        tokens[j].lower in TREATMENT_WORDS or (medical and tokens[j].lower in ("center", "centre"))
    ):
        return True
    if any(t.lower in TREATMENT_WORDS for t in tokens[m.first : m.last + 1]):
        return True  # "the Harris County Jail"
    k = m.first - 1
    if k > 0 and tokens[k].lower == "the":
        k -= 1
    if k > 1 and tokens[k].lower == "in" and tokens[k - 1].lower in ("cell", "cells", "ward"):
        return tokens[k - 2].lower in TREATMENT_WORDS  # "held in a jail cell in X"
    return (
        k > 0
        and tokens[k].lower in ("in", "at", "near")
        and (
            tokens[k - 1].lower in TREATMENT_WORDS
            or (
                k > 1
                and tokens[k - 2].lower == "medical"
                and tokens[k - 1].lower in ("center", "centre")
            )
        )
    )


#: Words that may stand before a facility that opens its clause ("the main hospital in X").
_FACILITY_OPENING = frozenset("the a an its main only local regional general central".split())


def _facility_subject(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` is the town of a hospital or jail that opens its clause ("A
    clinic in X caught fire", "..., the main hospital in X was inundated"): the facility is
    what the event befell, so it happened there."""
    k = m.first - 2
    if k < 0 or tokens[k + 1].lower not in ("in", "at") or tokens[k].lower not in TREATMENT_WORDS:
        return False
    j = k - 1
    while j >= 0 and tokens[j].lower in _FACILITY_OPENING:
        j -= 1
    return j < 0 or tokens[j].text in (",", ";") or tokens[j].lower == "and"


#: Participles that tell what an event did, after a comma ("the flooding of the river,
#: destroying homes in X"): general English.
_IMPACT = frozenset(
    "destroying damaging causing leaving cutting flooding submerging sweeping displacing "
    "wrecking".split()
)


def _impact_after(tokens: list[Token], a: int, b: int) -> bool:
    """True when tokens ``a`` to ``b`` hold a comma and a participle of what the event at
    ``a`` did ("the flooding of the river, destroying homes and causing damage in X"), and
    nothing after that comma ends the clause before token ``b``."""
    for k in range(a + 1, b - 1):
        if tokens[k].text == "," and tokens[k + 1].lower in _IMPACT:
            return not any(x.text in ",;:()—–-" or x.lower in _SCOPE_END for x in tokens[k + 1 : b])
    return False


def _covered(tokens: list[Token], here: list[Toponym], offset: int) -> set[int]:
    """The tokens inside the sentence's place mentions (no trigger stands in a name)."""
    if not here:
        return set()
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out: set[int] = set()
    for t in here:
        first = max(0, bisect_right(starts, t.span.start - offset) - 1)
        last = min(max(first, bisect_left(ends, t.span.end - offset)), len(tokens) - 1)
        out.update(range(first, last + 1))
    return out


#: Words that read as verbs of the sentence but may end a place's name ("Port Said").
_NAME_VERBS = frozenset("said says told".split())


def _as_names(tokens: list[Token], covered: set[int]) -> list[Token]:
    """``tokens`` with a capitalised speech verb that ends a place's name ("Port Said")
    read as a name, not as a verb that ends a clause."""
    out = tokens
    for k in covered:  # (only a place's own words may be read so)
        t = tokens[k]
        if k > 0 and (k - 1) in covered and t.lower in _NAME_VERBS and t.text[:1].isupper():
            if out is tokens:
                out = list(tokens)
            out[k] = t._replace(lower=t.text)
    return out


#: A comma and a conjunction that may join two clauses ("sent troops to A, and B sent").
_CLAUSE_AND = re.compile(r"^\s*,\s*(?:and|but)\s*$")
_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|as well as)\s*$")


def extract_events(
    document: Document, toponyms: Sequence[Toponym]
) -> tuple[list[Incident], list[Movement]]:
    """Incidents and movements reported in ``document``, from its resolved toponyms."""
    text = content_text(document)
    ordered = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    # "a Meadow Grove man" read as "Meadow" and "Grove": halves of one name, no place (only
    # of the events: the sentence still names a place, which the discourse keeps)
    split = [incidents.split_name(text, ordered, k) for k in range(len(ordered))]
    halves = {t.place.gazetteer_id for t, f in zip(ordered, split, strict=True) if f and t.place}
    halves -= {
        t.place.gazetteer_id for t, f in zip(ordered, split, strict=True) if not f and t.place
    }
    # "Chinese" names a country but does not say where something happened
    resolved = sorted(
        (
            t
            for t in toponyms
            if t.place is not None
            and t.kind_hint != "demonym"
            # "at Salem and Elm streets": streets, not the towns of those names
            and not incidents.street_pair(text, t.span.start, t.span.end)
            # "the church of St. Charles and St. Joseph": saints, not the towns so named
            and not incidents.dedication(text, t.span.start, t.span.end)
            # "attacked the Samburu tribe": a people, not the county of that name
            and not incidents.tribe_name(text, t.span.start, t.span.end)
            # "a plant off Louisiana 108": a state highway, not the state
            and not incidents.state_route(t.place, text, t.span.end)
        ),
        key=lambda t: t.span.start,
    )
    starts = [t.span.start for t in resolved]
    people = discourse.person_homes(text, toponyms)
    state = discourse.Discourse(
        dateline=discourse.dateline(text, document.body_start, list(resolved)),
        people=people,
        background=discourse.Background(text, toponyms, people, _headline_end(document, text)),
        titled=discourse.titled_demonyms(text, toponyms),
        envoys=discourse.envoy_demonyms(text, toponyms),
        demonyms=sorted(
            (t for t in toponyms if t.kind_hint == "demonym" and t.place is not None),
            key=lambda t: t.span.start,
        ),
        first_town=discourse.first_town(resolved),
    )
    here_town = _here_town(state, resolved)
    lowered_text = text.lower()
    perpetrator = any(w in lowered_text for w in PERPETRATOR_WORDS) and perpetrator_told(
        _WORDS.findall(lowered_text)
    )
    found_incidents: list[tuple[Incident, bool]] = []
    distinct: list[Incident] = []  # incidents told as another event ("an earlier accident")
    found_movements: list[tuple[Movement, bool]] = []
    headline = document.headline
    first_line_end = text.find("\n", document.body_start)
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    told_before = ""  # the sentence before, for "The first happened in X"
    speech = _speech_spans(text)
    # "since two troopers died in A": a yardstick's older event; its places are not where
    # the story is, so the sentences after do not inherit them
    yardsticks = incidents.yardstick_spans(text)
    # (nor do they inherit the town of a school that tells who someone is: "a graduate of
    # Lake City High School")
    # (nor the town a court sits in: "before a jury in A", "the A County Court")
    unsaid = _joined(
        speech + yardsticks + incidents.school_spans(text) + incidents.court_spans(text)
    )
    entries = _log_entries(text)  # a timeline's dated lines, told in the present
    spans_of_sentences = sentences(text)
    for n_sentence, sent in enumerate(spans_of_sentences):
        s_text = sent.text
        one_of, told_before = _one_of(s_text, told_before), s_text
        here = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        spans = [(t.span.start - sent.start, t.span.end - sent.start) for t in here]
        state.read_names(s_text, spans)
        in_headline = (
            headline.start <= sent.start < headline.end
            if headline is not None
            else sent.start < first_line_end and _HEADLINE_LIKE.match(s_text) is not None
        )
        lone_story = _lone_story(state, found_incidents)
        if not here and _dated_label(s_text) and not incident_words(s_text):
            # "5 March.", "2 March, 15:30.": a log entry's date, for the events the sentences
            # after it tell
            state.read_label(s_text, document.published)
            continue
        if not here and state.carried() is None:
            if (
                here_town is None
                or "here" not in sentence_words(lowered_text[sent.start : sent.end])
            ) and (
                lone_story is None
                or not (_ARREST_TOLD.search(s_text) or _FROM_THE_AREA.search(s_text))
            ):
                continue  # (an event "here" is at the town the report is from)
        words = sentence_words(lowered_text[sent.start : sent.end])
        if in_headline and not HEADLINE_PRESENT.keys().isdisjoint(words):
            words = words | {HEADLINE_PRESENT.get(w, w) for w in words}  # "Train derails"
        in_entry = _within_spans(sent.start, entries)
        if in_entry and not ENTRY_PRESENT.keys().isdisjoint(words):
            words = words | {ENTRY_PRESENT.get(w, w) for w in words}  # "Leaves A for B."
        if not here:
            if (
                incident_words(s_text, words)
                or one_of is not None
                or (in_headline and any_trigger(s_text, words))
            ):
                pass  # an incident the sentences before (or the dateline) may place
            elif "there" in words and _WENT_THERE.search(s_text):
                pass  # "She moved there in 1995": the place the sentences before told
            elif "home" in words and state.came_from is not None and state.since == 0:
                pass  # "They flew back home on Sunday": the way back of the last journey
            else:
                continue
        elif one_of is None and (
            not any_trigger(s_text, words)
            or (
                len(here) < 2
                and state.dateline is None
                and state.recent_story() is None
                and not state.may_infer(words, sent.start, sent.end)
                and not _ANAPHOR.match(s_text)
                and not (_IT.match(s_text) and state.since == 0)  # "It then sailed to B."
                and not ("back" in words and state.since == 0)  # "She drove back to B."
                # "Once she was aboard a return flight to B"
                and not (state.since == 0 and _RIDE_BACK.search(s_text))
                and _ARRIVED_WORDS.isdisjoint(words)  # "She arrived in A." (a next leg's start)
                and not event_words(s_text, words)
                and _DEPARTING.isdisjoint(words)
                and state.departed is None
                and _LEFT_THE.search(s_text)
                is None  # "The convoy left A at dawn. By noon it reached B."
                and _STAYED_THERE.search(s_text) is None  # "She lived there until she moved to B"
                and not inference.candidate(s_text, words, state, sent.start, sent.end)
            )
        ):
            # no trigger; or only travel words with one place and nowhere to start from (no
            # dateline, no story the sentence may go on with)
            said = [t for t in here if not _within_spans(t.span.start, unsaid)]
            if said:
                state.next_sentence_toponyms(
                    said, _without_dateline_date(s_text), document.published, text
                )
            else:
                state.next_sentence([], None)  # someone's words only: not where the story is
            continue
        # a headline's "X to VERB" announces; only the report's own first line reads so
        # (with no header, a first line that closes like a sentence is body text unless it
        # is the report's title: "Rebels bomb bridges" reads as a headline, "Their truck hit a
        # roadside bomb." does not)
        titled = in_headline and (
            headline is not None
            or (
                sent.start <= document.body_start
                and (not _CLOSED.search(s_text) or _is_title(s_text, document.title))
            )
        )
        inc, mov, mentions, when = _sentence(
            document,
            sent,
            here,
            state,
            perpetrator,
            headline=titled,
            distinct=distinct,
            lede=in_headline or n_sentence < LEDE_SENTENCES,
            one_of=one_of,
            here_town=here_town,
            lone_story=lone_story,
            entry=in_entry,
        )
        mentions = [
            m
            for m in mentions
            if m.cue.role != "dateline" and not _within_spans(m.toponym.span.start, unsaid)
        ]
        found_incidents.extend((i, in_headline) for i in inc)
        found_movements.extend((m, in_headline) for m in mov)
        planned_to = {m.path[-1].gazetteer_id for m in mov if m.status == "planned"}
        if planned_to:
            # "She will travel to A on Friday. Workers staged a protest outside the venue":
            # where a trip is still to go is not where the next sentence's events are
            mentions = [m for m in mentions if m.place.gazetteer_id not in planned_to]
        # "a ruling that let in Ruritanian wheat": a country named as what a thing is, like a
        # demonym, is not where the story is
        mentions = [
            m for m in mentions if m.cue.role != "none" or not _attributive_country(m.toponym, text)
        ]
        if when is _UNREAD:
            named = [
                t
                for t in here
                if t is not state.dateline
                and not _within_spans(t.span.start, unsaid)
                and (t.place is None or t.place.gazetteer_id not in planned_to)
                and not _attributive_country(t, text)
            ]
            if named:
                state.next_sentence_toponyms(
                    named, _without_dateline_date(s_text), document.published, text
                )
            else:
                state.next_sentence([], None)
            continue
        state.next_sentence(mentions, when)
    found_movements = [(_finer(m, state.unrooted), h) for m, h in found_movements]
    found_incidents = _namesakes_at_dateline(
        found_incidents, state.dateline, toponyms, text, distinct
    )
    kept = [
        (i, h)
        for i, h in found_incidents
        if not (
            incidents.lone_namesake(i.place, i.location, toponyms)
            and not incidents.country_told_before(i.place, i.location, text)
        )
        and not incidents.denied_by_its_state(i.place, i.location, text, toponyms)
        and not incidents.out_of_state_namesake(i.place, i.location, toponyms)
        and not incidents.accidental_shooting(i, text)
        and not incidents.disproved(i)  # "after recanting her story of an assault"
        and i.place.gazetteer_id not in halves  # "a Meadow Grove man" read as "Meadow"
        # "the deadliest day since two troopers died in a gunfight in A": named, not told
        and not incidents.yardstick_event(i, text, yardsticks)
        # no one announces a shooting, a crash or a flood to come: "planned to murder a
        # soldier" is a plot, "the dam will flood 500 hectares" a forecast, neither an event
        and not (i.status == "planned" and i.event_type in _NEVER_SCHEDULED)
    ]  # a town alone in a country the report is not about is a namesake, not its place
    # "Their father escaped." after a house fire: he survived it, he fled nowhere
    kept = [(i, h) for i, h in kept if not incidents.survived_escape(i, [o for o, _ in kept])]
    if any(i.event_type == "arrest" and not _jail_hold_only(i) for i, _ in kept):
        # "is being held in the Ardo County Jail" after the arrest was told: the same arrest
        kept = [(i, h) for i, h in kept if not _jail_hold_only(i)]
    kept = _headline_country_at_dateline(kept, state.dateline, distinct)
    kept = _town_in_coarse_place(
        kept,
        resolved,
        text,
        spans_of_sentences,
        _headline_end(document, text),
        state.dateline,
        distinct,
    )
    found_movements = [
        (m, h) for m, h in found_movements if halves.isdisjoint(p.gazetteer_id for p in m.path)
    ]
    return _merge_incidents(kept, distinct), _merge_movements(found_movements)


#: Incident types no one schedules: told as to come, they are plots, threats or forecasts.
_NEVER_SCHEDULED = frozenset(
    "attack crash collision derailment fire explosion flood earthquake landslide "
    "disappearance".split()
)
#: What people were evacuated from when it is around the event told before ("evacuated
#: from the area", "from the surrounding homes"): general English.
_FROM_THE_AREA = re.compile(
    r"\bevacuat\w*\b[^.;:]{0,40}?\bfrom (?:the|nearby|surrounding) "
    r"(?:immediate |surrounding |nearby )?(?:area|vicinity|neighbou?rhood|site|scene|homes|"
    r"buildings|streets)\b",
    re.I,
)
_ARREST_TOLD = re.compile(r"\b(?:arrest\w*|custody|booked|detained|apprehended)\b", re.I)


def _jail_hold_only(inc: Incident) -> bool:
    """True when arrest ``inc`` is told only by a hold in a named jail (:data:`JAIL_HOLD`),
    no word of the arrest itself in its sentence."""
    return (
        inc.event_type == "arrest"
        and JAIL_HOLD.search(inc.quote.text) is not None
        and _ARREST_TOLD.search(inc.quote.text) is None
    )


#: Below this population a foreign namesake is more likely a neighbourhood of the dateline's
#: city that the gazetteer lacks; a bigger one ("Berlin" for a town of that name at home) is
#: a namesake of a town the report does not place, and is left out.
_NEIGHBOURHOOD_SIZE = 50_000


def _namesakes_at_dateline(
    found: list[tuple[Incident, bool]],
    dateline: Toponym | None,
    toponyms: Sequence[Toponym],
    text: str,
    distinct: list[Incident],
) -> list[tuple[Incident, bool]]:
    """An event placed at a small town read as a foreign namesake
    (:func:`incidents.lone_namesake`: "marched from a square in Newtown" read as a suburb
    abroad, in a report whose places all lie in the dateline's country) is at the dateline's
    city: the neighbourhood the report names lies there, in the town it is filed from. The
    place is marked inferred."""
    if dateline is None or dateline.place is None or dateline.place.feature_type != "city":
        return found
    city = dateline.place
    out: list[tuple[Incident, bool]] = []
    for inc, in_headline in found:
        if (
            inc.place.feature_type == "city"
            and inc.place.population < _NEIGHBOURHOOD_SIZE
            and inc.place.country_code != city.country_code
            and incidents.lone_namesake(inc.place, inc.location, toponyms)
            and not incidents.country_told_before(inc.place, inc.location, text)
            and not incidents.lone_namesake(city, dateline.span.text, toponyms)
        ):
            moved = replace(
                inc,
                id=_event_id(inc.document_id, inc.quote.start, inc.event_type, (city,), inc.when),
                place=city,
                location=dateline.span.text,
                place_inferred=True,
                near=False,
                confidence=min(inc.confidence, 40),
            )
            distinct[:] = [moved if d is inc else d for d in distinct]
            inc = moved
        out.append((inc, in_headline))
    return out


def _headline_country_at_dateline(
    found: list[tuple[Incident, bool]], dateline: Toponym | None, distinct: list[Incident]
) -> list[tuple[Incident, bool]]:
    """A headline's event placed at a country ("Five held in Ruritania") is at the dateline's
    city when the report is datelined from a city of that country ("VELDA, Ruritania —"): the
    headline names the country for readers abroad, the dateline where the story is (guideline:
    the city, never the country mentioned nearby). The place is marked inferred."""
    if dateline is None or dateline.place is None or dateline.place.feature_type != "city":
        return found
    city = dateline.place
    out: list[tuple[Incident, bool]] = []
    for inc, in_headline in found:
        if in_headline and inc.place.feature_type == "country" and contains(inc.place, city):
            moved = replace(
                inc,
                id=_event_id(inc.document_id, inc.quote.start, inc.event_type, (city,), inc.when),
                place=city,
                location=dateline.span.text,
                place_inferred=True,
                near=False,
                confidence=min(inc.confidence, 40),
            )
            distinct[:] = [moved if d is inc else d for d in distinct]
            inc = moved
        out.append((inc, in_headline))
    return out


#: Words before a town's name that put something at the town ("near the town of A", "in the
#: vicinity of A", "outside A"); not "from A" or "of A" alone, which tell where people live.
_AT_TOWN = re.compile(
    r"(?:\b(?:in|at|near|outside|into|(?:town|city|village|vicinity|outskirts|suburbs|edge)"
    r" of)(?: the)?(?: (?:town|city|village|capital)(?: of)?)?)\s+$",
    re.I,
)

#: A building people are taken to or kept in, right before a town's name ("held in a
#: facility in A", "taken to a hospital in A"): where they went after, not the event's place.
_HELD_AT = re.compile(
    r"\b(?:facility|jail|prison|hospital|clinic|centre|center|camp|shelter|court|courthouse)"
    r"\s+(?:in|at|near|outside)\s+$",
    re.I,
)

#: A plural of places right after a country or state ("UK airports", "Ohio cities"): the
#: event is told at many of its places, not at one town.
_MANY_SITES_AFTER = re.compile(
    r"\s+(?:airports|cities|towns|villages|ports|states|provinces|regions|districts|counties"
    r"|areas|schools|hospitals|prisons|stations|universities|campuses|factories|mines)\b"
)
#: "across A", "throughout the A", "all over A": the whole country or state.
_ACROSS = re.compile(
    r"\b(?:across|throughout|all over|nationwide in|statewide in)\s+(?:the\s+|\w+'s\s+)?"
    r"(?:\w+\s+){0,3}?\w+[.,]?$",
    re.I,
)


def _town_in_coarse_place(
    found: list[tuple[Incident, bool]],
    resolved: Sequence[Toponym],
    text: str,
    text_sentences: Sequence[Span],
    title_end: int,
    dateline: Toponym | None,
    distinct: list[Incident],
) -> list[tuple[Incident, bool]]:
    """An event the sentence places at a country or state ("Troopers in A state held the
    driver after his van skidded into a ditch close to B"; "Floods hit A. Homes around B, its
    capital, were destroyed") is at the one town inside it that the rest of the sentence or
    the next sentence puts something at, or that the report's headline line or dateline
    names (guideline 3.2: the most specific place the text gives, never the country named
    nearby when the town is given; the headline's or dateline's town when nothing finer).
    Two such towns, or none, or another report of the same kind of event at a place inside
    it, leave the event where it is. The place is marked inferred when the town is not the
    event's own sentence's. ``text_sentences`` are ``text``'s sentences (:func:`sentences`)."""
    if not found:
        return found
    bounds = [(s.start, s.end) for s in text_sentences]
    out: list[tuple[Incident, bool]] = []
    for inc, in_headline in found:
        k = next((n for n, (a, b) in enumerate(bounds) if a <= inc.quote.start < b), None)
        if (
            in_headline
            or inc.place_inferred
            or inc.place.feature_type not in ("country", "admin1")
            or k is None
            or bounds[k][0] < title_end
            or any(
                o.event_type == inc.event_type
                and (
                    contains(inc.place, o.place)
                    or (o is not inc and o.place.gazetteer_id == inc.place.gazetteer_id)
                )
                for o, _ in found
            )
        ):
            out.append((inc, in_headline))
            continue
        start, end = bounds[k]
        named = [
            t.span.end
            for t in resolved
            if start <= t.span.start < end
            and t.place is not None
            and t.place.gazetteer_id == inc.place.gazetteer_id
        ]
        if any(
            _MANY_SITES_AFTER.match(text, e) or _ACROSS.search(text, max(0, e - 60), e)
            for e in named
        ):
            out.append((inc, in_headline))  # "a strike at UK airports": many places, no one town
            continue
        later = bounds[k + 1][1] if k + 1 < len(bounds) else end
        towns = [
            t
            for t in resolved
            if t.place is not None
            and t.place.feature_type == "city"
            and contains(inc.place, t.place)
            and (
                t.span.start < title_end
                or t is dateline
                or (
                    bool(named)
                    and named[0] <= t.span.start < later
                    and _AT_TOWN.search(text[max(0, t.span.start - 40) : t.span.start]) is not None
                    and _HELD_AT.search(text[max(0, t.span.start - 40) : t.span.start]) is None
                )
            )
        ]
        ids = {t.place.gazetteer_id for t in towns if t.place is not None}
        if len(ids) != 1 or not named:
            out.append((inc, in_headline))
            continue
        town = (
            next(t for t in towns if t.span.start >= title_end)
            if any(t.span.start >= title_end for t in towns)
            else towns[0]
        )
        place = town.place
        assert place is not None
        moved = replace(
            inc,
            id=_event_id(inc.document_id, inc.quote.start, inc.event_type, (place,), inc.when),
            place=place,
            location=town.span.text,
            place_inferred=not start <= town.span.start < end,
            near=False,
        )
        distinct[:] = [moved if d is inc else d for d in distinct]
        out.append((moved, in_headline))
    return out


# what may stand between an event noun and the "held" said of it: "the summit, which was
# held in X", "talks are due to be held in X", "a rally that will be held in X"
_HELD_BETWEEN = frozenset(
    "was were is are be been being will would has have had which that to due set scheduled "
    "expected also later again first last ,".split()
)


def _held_itself(tokens: list[Token], i: int, held: int) -> bool:
    """True when the "held" at ``held`` is said of the event noun at ``i`` ("a conference was
    held in X", "talks held in X"): the event's own place, not where people are held."""
    return (
        tokens[held].lower == "held"
        and i < held
        and all(x.lower in _HELD_BETWEEN for x in tokens[i + 1 : held])
    )


def _listed_other(tokens: list[Token], i: int) -> bool:
    """True when the incident word at ``i`` is one of a list of other events ("Crews fought
    several other fires that week, among them a grass fire near X"): not the one told before."""
    lowered = [t.lower for t in tokens[:i]]
    if "including" not in lowered and "among" not in lowered:
        return False
    listed = max(k for k, w in enumerate(lowered) if w in ("including", "among"))
    return any(
        w == "other" and k + 1 < listed and (INCIDENT_WORDS.get(lowered[k + 1]) or _NO_WORD).noun
        for k, w in enumerate(lowered[:listed])
    )


_NO_WORD = IncidentWord("", noun=False)


def _here_town(state: discourse.Discourse, resolved: Sequence[Toponym]) -> Toponym | None:
    """The town an event "here" is at: the dateline's, else the first town the report names
    when another of its places lies in the same country (a lone town may be a name read as
    one: "Raby was driving")."""
    town = state.here
    if town is None or town.place is None or town is state.dateline:
        return town
    country = town.place.country_code
    return (
        town
        if any(
            t.place is not None
            and t.place.country_code == country
            and t.place.gazetteer_id != town.place.gazetteer_id
            for t in resolved
        )
        else None
    )


def _finer(mv: Movement, unrooted: list[tuple[int, str, Toponym]]) -> Movement:
    """A journey to a region or country told again further on, by the same motion verb,
    with a town in it as its destination and no origin or mover named ("moved from A to
    Texas in 1973. ... when she moved to Austin"): the first such town is where it went."""
    end = mv.path[-1]
    if precision_rank(end) <= 1 or not mv.verb:
        return mv
    motion = MOTION_WORDS.get(mv.verb.lower())
    lemma = motion.lemma if motion is not None else mv.verb.lower()
    for start, word, t in unrooted:
        if start <= mv.quote.start or word != lemma or t.place is None:
            continue
        if contains(end, t.place) and not contains(t.place, mv.path[0]):
            if t.place.gazetteer_id == mv.path[0].gazetteer_id:
                return mv
            return replace(mv, path=(*mv.path[:-1], t.place), destination_inferred=False)
    return mv


def _headline_end(document: Document, text: str) -> int:
    """Where the report's headline ends: its headline span, its title when the text opens
    with it, else its first line when that is short; 0 when it has none."""
    if document.headline is not None:
        return document.headline.end
    if document.title and text.startswith(document.title):
        return len(document.title)
    end = text.find("\n", 0, 200)
    return end if end > 0 else 0


#: The date a wire dateline gives ("QUITO, Ecuador, May 4, 2021 (AFP) -"): the day the
#: report was filed, not the day of what its first sentence tells.
_DATELINE_DATE = re.compile(
    r"[ \t]*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{1,40}?(?:,[ \t]*[A-ZÀ-Þ][A-Za-zÀ-ÿ .]{1,30}?)?,[ \t]*"
    # "Oct 2, 2024" or, day first, "9 June 2025"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:,?[ \t]+\d{4})?)[ \t]*"
    r"(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--|-)[ \t]"
)


def _without_dateline_date(s_text: str) -> str:
    """``s_text`` with the date of a dateline that opens it blanked out (same length)."""
    m = _DATELINE_DATE.match(s_text)
    if m is None:
        return s_text
    a, b = m.span("date")
    return s_text[:a] + " " * (b - a) + s_text[b:]


#: Words before a verb that keep a headline's present form from telling a past event ("to
#: march", "will rally", "may collide"), or that make it a noun ("the rally", "a march").
_NOT_HEADLINE_PAST = frozenset(
    "to will would could can may might should must shall not never cannot won't n't "
    "a an the his her their its our this that these those".split()
)


#: Particles that make a phrasal verb of another sense ("Firm shells out for X", "Fans
#: rally up support").
_PHRASAL_PARTICLES = frozenset("out up".split())


#: Present-tense verbs that headlines put after their subject besides
#: :data:`~geomap.events.triggers.HEADLINE_PRESENT` ("Car bomb hits market").
_HEADLINE_VERBS_AFTER = frozenset("hits strikes rocks wounds injures goes leaves".split())


def _is_title(sentence: str, title: str | None) -> bool:
    """True when ``sentence`` is the report's ``title`` with a full stop after it (text whose
    headline was run into its first paragraph)."""
    return title is not None and sentence.strip().rstrip(".").strip() == title.strip()


def _headline_verb(word: str) -> bool:
    """True when ``word`` reads as a headline's present-tense verb: one that a word before it
    cannot be the verb of ("bomb" in "Roadside bomb kills two" is a noun)."""
    if word in HEADLINE_PRESENT or word in _HEADLINE_VERBS_AFTER:
        return True
    incident = INCIDENT_WORDS.get(word)
    return incident is not None and not incident.noun and word.endswith("s")


def _headline_tense(tokens: list[Token]) -> list[Token]:
    """A headline's tokens with its present-tense event verbs read as their past forms
    (:data:`~geomap.events.triggers.HEADLINE_PRESENT`: "Gunmen shoot two in X" is read as
    "shot"), where neither an infinitive's "to", a modal, a negation nor a determiner comes
    just before, nor a particle after; only words written in lower case. Offsets and the
    written text stay as they were."""
    out = tokens
    for i, t in enumerate(tokens):
        past = HEADLINE_PRESENT.get(t.lower)
        if past is None or not i or tokens[i - 1].lower in _NOT_HEADLINE_PAST:
            continue  # (a headline's first word is its subject: "Shell", "Rally organisers")
        if not t.text[:1].islower():
            continue  # a name or a month: "Post March 31", "Shell"
        if i + 1 < len(tokens) and tokens[i + 1].lower in _PHRASAL_PARTICLES:
            continue  # "shells out for", "carries on": another verb
        if i + 1 < len(tokens) and _headline_verb(tokens[i + 1].lower):
            continue  # "Car bomb kills two", "Roadside bomb hits convoy": a noun before the verb
        if out is tokens:
            out = list(tokens)
        out[i] = t._replace(lower=past)
    return out


def _then_crashed_at(lowered: list[str], k: int, covered: set[int]) -> bool:
    """True when the words from ``k`` go on with "and", a crash or collision verb and a place
    in the same clause ("... left the road and overturned near A"): leaving the road and the
    crash that follows are one event, told and placed at the second verb."""
    if k + 1 >= len(lowered) or lowered[k] != "and":
        return False
    word = INCIDENT_WORDS.get(lowered[k + 1])
    if word is None or word.noun or word.event_type not in ("crash", "collision"):
        return False
    for j in range(k + 2, min(len(lowered), k + 10)):
        if lowered[j] in (",", ";", ".", "and", "but", "when", "after"):
            return False
        if j in covered:
            return True
    return False


def _sentence(
    document: Document,
    sent: Span,
    here: list[Toponym],
    state: discourse.Discourse,
    perpetrator: bool = False,
    headline: bool = False,
    distinct: list[Incident] | None = None,
    lede: bool = False,
    one_of: str | None = None,
    here_town: Toponym | None = None,
    lone_story: Toponym | None = None,
    entry: bool = False,
) -> tuple[list[Incident], list[Movement], list[Mention], When | None]:
    s_text = sent.text
    # (a yardstick's "since" clause dates an older event: "the worst since a fire in 2009")
    date_text = incidents.without_yardstick(_without_dateline_date(s_text))
    tokens = tokenize(s_text)
    if headline:
        tokens = _headline_tense(tokens)
    elif entry:
        tokens = _entry_tense(tokens)  # "3 June – Leaves A for B.": a log's entry
    section = _section_opening(document, sent.start)
    covered = _covered(tokens, here, sent.start)
    tokens = _as_names(tokens, covered)
    quoted = [
        (m.start(), m.end()) for m in _QUOTED.finditer(s_text) if m.start() > 0 or m.end() < 40
    ]
    triggers = []
    unreported: list[int] = []  # triggers of no event, which still end the others' reach
    for t in _triggers(tokens, s_text, covered, perpetrator, one_of):
        pos = tokens[t.index].start
        if any(a <= pos < b for a, b in quoted) and not _testimony(tokens, t.index, quoted):
            continue  # reported speech, threats and orders are not events
        status = clauses.status(
            tokens, t.index, s_text, noun=t.noun, incident=t.motion is None, headline=headline
        )
        if status is not None and clauses.denied(tokens, t.index):
            status = None  # "the army denied that troops had been sent to X"
        if status is None or (
            (
                t.motion is _BOUND
                or (t.motion is _PHRASE_MOTION and t.word.lower().startswith("bound"))
            )
            and unreported
            and any(MOTION_WORDS.get(tokens[u].lower) is not None for u in unreported)
        ):
            # (the cargo "bound for X" of a habitual or negated shipment is no movement)
            unreported.append(t.index)  # "... to travel to X": X is not the last verb's
            continue
        if t.noun and t.index and tokens[t.index - 1].lower in _PLANNED_BEFORE_NOUN:
            status = "planned"
        elif t.noun and _scheduled_after(tokens, t.index):
            status = "planned"  # "a meeting with the board is scheduled for Monday"
        elif t.noun and t.motion is None and _put_off(tokens, t.index):
            status = "planned"  # "the summit in X was postponed": it is still to come
        elif (
            t.noun
            and t.motion is None
            and _for_purpose(tokens, t.index)
            and any(
                x.lower in _FUTURE_WORDS
                for x in tokens[clauses.clause_start(tokens, t.index) : t.index]
            )
        ):
            status = "planned"  # "ministers will gather in X for a summit"
        elif t.noun and status == "reported" and _held_to_come(tokens, t.index):
            status = "planned"  # "unions will hold a protest", "plan to stage a rally"
        elif t.noun and t.event_type == "protest" and _called_ahead(tokens, t.index):
            status = "planned"  # "organisers have called a march for Friday"
        triggers.append((t, status))
    if not triggers:
        return [], [], [], _UNREAD  # its date is read later, if a sentence needs it
    mentions = _mentions(s_text, sent.start, here, tokens)
    # a car named like a town ("the Durango hit a fence") is no place of anything, and a
    # town's "North Side" no town of its own
    mentions = incidents.without_quarters(
        [m for m in mentions if not incidents.vehicle(tokens, m)], tokens
    )
    mentions = incidents.possessed_places(mentions, tokens)  # "in Nigeria's Borno state"
    mentions = incidents.parts_of_towns(mentions, tokens)  # "the X neighborhood of Chicago"
    mentions = incidents.facilities_named_for_places(mentions, tokens)  # "the X hospital in Y"
    mentions = town_near_country(mentions, tokens)  # "crossed into Poland near Kuźnica"
    if state.dateline is not None:
        # "SPRINGFIELD, Ohio — Police said …": the dateline is where the report is from
        mentions = [
            replace(m, cue=Cue("dateline", -1)) if m.toponym is state.dateline else m
            for m in mentions
        ]
    read: list[When | None] = []

    def sentence_date() -> When | None:
        """The sentence's date, read once and only when an event needs it."""
        if not read:
            read.append(find_date(date_text, document.published))
        return read[0]

    def planned_date() -> When | None:
        """The date of an announced event ("on Friday" is the Friday to come)."""
        return find_date(date_text, document.published, future=True)

    # a trailing attribution ("..., officials in Vilnius said") is not where things happened
    first = triggers[0][0].index
    attribution = next(
        (
            i
            for i in range(first + 1, len(tokens))
            if tokens[i].lower in _ATTRIBUTION
            and not (i + 1 < len(tokens) and tokens[i + 1].lower == "missing")
            and not (tokens[i].lower == "reported" and _not_said(tokens, i))
        ),
        None,
    )
    if attribution is not None:
        # "..., officials in Kandahar said": the speakers' town is not where it happened
        speaker = incidents.speaker_start(
            tokens, first, attribution, [t.index for t, _ in triggers]
        )
        if not any(m.first < speaker and m.cue.role != "dateline" for m in mentions):
            speaker = attribution  # the speakers' town is all the sentence gives
        # "..., the agency said; police also reported X in B": the next clause is its own
        resumed = next(
            (j for j in range(attribution + 1, len(tokens)) if tokens[j].text == ";"),
            len(tokens),
        )
        mentions_used = [m for m in mentions if m.first < speaker or m.first > resumed]
    else:
        mentions_used = mentions
    # "..., officials said, adding that the injured were taken to A": what the speakers
    # added is reported again, and its journeys' places are theirs
    added = _added_after(tokens, attribution)
    said_at = attribution if attribution is not None else 0
    teller = next((t for t, _ in reversed(triggers) if t.index < said_at), None)
    if added is None and teller is not None and teller.noun and teller.index >= said_at - 2:
        added = attribution  # "new arrivals said families were leaving A": the speakers
    continued = [m for m in mentions if added is not None and m.first > added]
    reported_used = mentions_used
    incidents_out: list[Incident] = []
    motion_triggers: list[movements.MotionTrigger] = []
    quote = Span(s_text, sent.start, sent.end)
    n_events = len(
        {
            t.event_type or t.index
            for t, _ in triggers
            if t.event_type is not None or t.motion is None or not t.motion.needs_destination
        }
    )  # (a weak motion word, "on Route 4", is no second event)
    if n_events == 2 and _arrest_for(tokens, [t for t, _ in triggers]):
        n_events = 1  # "Fresno teen arrested in failed robbery": one story, one place
    first_of_type: dict[str, str] = {}
    placed: list[incidents.Located] = []  # where this sentence's incidents so far were
    scope_ends = [
        i
        for i, tok in enumerate(tokens)
        if tok.lower in _SCOPE_END
        and not (tok.text.isupper() and len(tok.text) > 1)
        and not _time_phrase_after(tokens, i)
    ]  # ("the WHO": a body's initials, no relative pronoun; "since Sunday", "before dawn": a time)
    final_status: list[str] = []  # each trigger's status once read in its sentence
    for k, (t, status) in enumerate(triggers):
        mentions_used = reported_used
        if added is not None and t.index > added and t.motion is not None:
            mentions_used = [*reported_used, *continued]
        if (
            k
            and t.index > 0
            and tokens[t.index - 1].lower == "before"
            and tokens[t.index].lower.endswith("ing")
        ):
            status = triggers[k - 1][1]  # "will fly to A before returning to B": planned too
        elif status == "reported" and t.motion is not None and _planned_before(tokens, t.index):
            status = "planned"  # "are due to meet on Friday before the envoy flies on to B"
        elif (
            k
            and triggers[k - 1][1] == "planned"
            and t.motion is not None
            and tokens[t.index - 1].lower == "and"
            and movements.bare(tokens[t.index].lower)
        ):
            status = "planned"  # "will visit A and travel on to B": one announcement
        elif (
            k
            and t.motion is not None
            and triggers[k - 1][0].motion is not None
            and not triggers[k - 1][0].noun
            and t.index - triggers[k - 1][0].index <= 3
            and (t.noun or tokens[t.index - 1].lower not in ("to", "and", "or"))
            and any(tokens[j].lower in ARTICLES for j in range(triggers[k - 1][0].index, t.index))
        ):
            # the vehicle or trip a motion verb takes is that motion ("plans to ride a bike
            # from A to B", "will take a flight to B"): it shares the verb's status
            status = triggers[k - 1][1]
        elif (
            k
            and status == "reported"
            and t.noun
            and t.motion is None
            and triggers[k - 1][0].motion is not None
            and final_status[k - 1] == "planned"
            and _for_purpose(tokens, t.index)
        ):
            status = "planned"  # "will fly to B for a summit on Saturday": it is to come
        final_status.append(status)
        # a motion word's places run to the next trigger; an incident's to the next trigger
        # of an incident ("attacked a convoy near X": the convoy does not take X away)
        clause_end = next((i for i in scope_ends if i > t.index), len(tokens))
        scope_end = next(
            (
                u.index
                for u, _ in triggers[k + 1 :]
                if not (t.motion and (_scene(tokens, u) or _danger_fled(tokens, t, u)))
            ),
            len(tokens),
        )  # ("flown to A from the crash site near B": the crash names the place left;
        # "fleeing renewed fighting in A arrived in B": the fighting is what was fled)
        scope_end = min([scope_end, *(u for u in unreported if u > t.index)])
        scope_end = min(scope_end, clause_end)
        if t.motion is not None and not t.noun:
            main_verb = movements.participle_end(tokens, t.index, mentions_used)
            if main_verb is not None:  # "a bus travelling from A to B plunged near C"
                scope_end = min(scope_end, main_verb)
        incident_clause_end = clause_end
        told_of = False  # a relative clause on the event noun: "a summit, which was held in X"
        if incidents.circumstance(tokens, clause_end + 1):
            # "was hit by a van while jogging in X": what they were doing is told in
            # the clause after "while", and where they did it is where it happened
            incident_clause_end = next((i for i in scope_ends if i > clause_end), len(tokens))
        elif (
            t.noun
            and clause_end < len(tokens)
            and tokens[clause_end].lower == "which"
            and all(x.text == "," for x in tokens[t.index + 1 : clause_end])
        ):
            # "a conference, which was held in X", "the blast, which happened in X": a
            # relative clause on the event noun tells of the event
            incident_clause_end = next((i for i in scope_ends if i > clause_end), len(tokens))
            told_of = True
        incident_end = next(
            (
                u.index
                for u, _ in triggers[k + 1 :]
                if (u.event_type != t.event_type or u.index - t.index > 3)
                and not (u.noun and u.event_type is None)
                and not _modifier(tokens, u)
                # people named by what they do, the verb's object: "arrested 12 protesters
                # in X" reaches X
                and not (u.noun and tokens[u.index].lower in _EVENT_PEOPLE and t.motion is None)
                and not (u.event_type is None and clause_end < u.index < incident_clause_end)
                # "arrested seven men and rescued two hostages in a raid near X": the raid's
                # place is the arrest's too
                and not (
                    tokens[u.index - 1].lower == "and"
                    and tokens[u.index].lower in _FREED
                    and t.event_type == "arrest"
                )
                # "arrested 14 people at a rally in X", "was stabbed during a march in X":
                # the gathering's place is the deed's too (two incidents at X)
                and not _at_the_gathering(tokens, t, u)
            ),
            len(tokens),
        )  # "was shot and killed in X": both verbs of one attack reach X; "fired on a bus
        # travelling from A to B near X": the bus's journey does not take X away; nor does
        # "while riding his bike"
        incident_end = min(incident_end, incident_clause_end, _new_subject(tokens, t.index))
        start = clauses.clause_start(tokens, t.index)
        if start == t.index and t.index > 1 and tokens[t.index - 1].text == ",":
            if tokens[t.index].lower.endswith("ing"):
                # "..., killing four": the participle tells of the clause before the comma
                start = clauses.clause_start(tokens, t.index - 1)
        # places between the last trigger and this one are the last one's
        limit = triggers[k - 1][0].index if k else t.index
        after = [m for m in mentions_used if t.index < m.first < scope_end]
        if t.motion is not None and not t.noun and scope_end == clause_end < len(tokens):
            spent = _spent_before(tokens, clause_end, scope_ends, mentions_used)
            if any(m.cue.role == "origin" for m in after):
                # "was deported from A to B after four years in C": the origin is told
                spent = [m for m in spent if m.cue.role != "origin"]
            after += spent
        after_incident = [
            m
            for m in mentions_used
            if t.index < m.first < incident_end
            and (m.first < clause_end or m.cue.role in ("location", "near", "via"))
        ]  # (past "while walking", where they walked, not where they were going)
        aside = (
            movements.aside_start(tokens, _over_qualifier(tokens, start, mentions_used), t.index)
            if t.motion is not None
            else start
        )
        before = [m for m in mentions_used if aside <= m.first < limit and m.last < t.index]
        passive = clauses.passive(tokens, t.index)
        actor = None
        if not t.noun:
            actor = clauses.subject(tokens, t.index, s_text)
            if actor is None and t.index and tokens[t.index - 1].lower in ("and", "or"):
                actor = clauses.clause_subject(tokens, start, t.index, s_text)
        if t.motion is not None:
            mover = clauses.agent(tokens, t.index, s_text) if t.noun else actor
            mt = movements.MotionTrigger(t.index, t.word, t.motion, status, passive, mover)
            sends = t.motion.frame == "send"
            mt.homes = (
                [
                    m
                    for m in mentions_used
                    if m.last < t.index
                    and (
                        m.cue.role in ("home", "possessive", "person-home")
                        # "arrested by Fresno police and taken to X": where they were held
                        or (m.cue.role == "agency" and sends)
                        # "Sen. Jane Roe, D-Ohio, flew to X"
                        or PARTY_STATE_BEFORE.search(s_text, max(0, m.start - 3), m.start)
                        is not None
                        # "the mayor of X flew to Y" (the mover's office, not an event's place)
                        or _OFFICE_OF.search(s_text, max(0, m.start - 30), m.start) is not None
                    )
                    and (sends or not SENDER_AFTER.match(s_text[m.end : m.end + 60]))
                    and not movements.across_clause(tokens, m.end, t.index)
                ]
                + [
                    _as_mention(d)  # "Kenyan troops were sent to X", "Syrians have fled to X"
                    for d in state.titled_between(sent.start, sent.start + tokens[t.index].start)
                    if (
                        not (
                            discourse.people_word(d)
                            or OCCUPATION_AFTER.match(s_text[d.span.end - sent.start :][:60])
                        )
                        or d.span.start - sent.start >= tokens[max(0, t.index - 3)].start
                    )  # (people and trades only as the mover: "the Kenyan runner moved")
                    # "the French government sent a frigate to X", not "the US military said
                    # the ship was headed for X": a state body is where it sends from
                    and (sends or not SENDER_AFTER.match(s_text[d.span.end - sent.start :][:60]))
                    and not movements.across_clause(tokens, d.span.end - sent.start, t.index)
                ]
            )
            at = movements.represented(s_text, tokens[t.index].end)
            if at is not None:  # "visiting A as the envoy of the Chinese president"
                mt.homes += [m for m in mentions_used if m.start == at and m.cue.role != "dateline"]
                mt.homes += [
                    _as_mention(d)
                    for d in state.titled_between(sent.start + at, sent.start + at + 1)
                ]
            if t.noun:  # "a visit by Peru's foreign minister to X"
                mt.homes += movements.agent_homes(
                    tokens, t.index, after, state.titled_between(sent.start, sent.end), sent.start
                )
            demonyms = state.demonyms_between(sent.start, sent.end)
            sent_back = t.motion.movement_type == "deported"
            if not t.noun and not (sent_back and passive):
                # "Chilean police officers were deployed to X", "the Denver Broncos flew to
                # X", "Norway sent troops to X": the home the mover's own phrase gives
                mt.homes += movements.mover_homes(
                    tokens,
                    t.index,
                    s_text,
                    actor,
                    [
                        m
                        for m in mentions_used
                        if m.last < t.index
                        # (a name read as a town abroad: "Obama is to arrive")
                        and not incidents.lone_namesake(
                            m.place,
                            m.toponym.span.text,
                            state.background.toponyms if state.background else (),
                        )
                    ],
                    [] if sent_back else demonyms,
                    sent.start,
                    sends and not passive,
                    go=t.motion.frame == "go",
                )
            if passive and mt.homes:
                # "The other two, both Moroccan citizens, were later transferred to B": a
                # nationality of people moved by others is not where they were moved from
                mt.homes = [
                    m
                    for m in mt.homes
                    if not (
                        m.toponym.kind_hint == "demonym"
                        and _NATIONALS.match(s_text, m.toponym.span.end - sent.start)
                    )
                ]
            earlier = [m for m in mentions_used if m.last < t.index and m not in before]
            fronted = (
                [m for m in earlier if m.cue.role in ("origin", "people-of")] if k == 0 else []
            )  # "From A, the team ..."; "A native of A, she moved to B"
            if (
                not t.noun
                and t.motion.frame == "go"
                and all(u.noun for u, _ in triggers[:k])  # the first verb ("the convoy drove")
            ):
                fronted += _after_doing(tokens, t.index, earlier)
            movements.assign(mt, after, before + fronted)
            # "After a stopover in A, the team flew from B to C": the stop the opener tells
            mt.vias = [m for m in fronted if m.cue.role == "via" and m not in mt.vias] + mt.vias
            movements.danger_left(mt, after, tokens)
            if not mt.origins and not t.noun and t.motion.frame in ("go", "reach"):
                held = _after_talks(
                    s_text,
                    tokens,
                    t.index,
                    [m for m in mentions_used if m.first > t.index],
                    # (not when a verb before tells the journey: "men deported from the US
                    # landed in B after departing from A" is the deportation's)
                    leaving=all(u.noun for u, _ in triggers[:k]),
                )
                if held is not None:  # "flew to B after talks in A"
                    mt.origins = [held]
            if not mt.origins and not t.noun and t.motion.movement_type == "fled":
                trouble = _fled_trouble_in(tokens, t.index, after)
                if trouble is not None:  # "fled fighting in A", "escaping violence in A"
                    mt.origins = [trouble]
            if _sample_sent(mt, tokens):
                # a thing sent, not people or a unit dispatched (GUIDELINE.md: "travelled")
                mt.motion = replace(mt.motion, movement_type="travelled")
                if not mt.destinations:
                    # "samples were sent for analysis at a laboratory in A": where they went
                    mt.destinations = _tested_at(tokens, t.index, after)
            movements.drop_observers(mt, tokens)
            movements.successive(mt, after, tokens)
            if (
                mt.origins
                and not (mt.destinations or mt.vias or t.noun)
                and t.motion.lemma in _SMUGGLING
                and tokens[t.index].lower.endswith("ing")
            ):
                # "was caught at A's airport smuggling heroin from B": the goods were
                # brought to where the smuggler was caught
                caught = _arrested_at(t.index, [u for u, _ in triggers[:k]], mentions_used)
                if caught is not None and all(
                    x.text not in ",;" for x in tokens[caught.last : t.index]
                ):
                    mt.destinations = [replace(caught, cue=Cue("destination", caught.cue.governor))]
            if not mt.origins and not t.noun and t.motion.movement_type == "deported":
                held = _arrested_at(t.index, [u for u, _ in triggers[:k]], mentions_used)
                if held is not None:  # "arrested in A and extradited to B"
                    mt.origins = [held]
            elif (
                not mt.origins
                and not t.noun
                and (t.motion.frame == "send" or (passive and t.motion.frame == "go"))
            ):
                # "was arrested in A and taken to B", "was hurt near A and flown to B": the
                # trip starts where the event this sentence told happened
                held = _arrested_at(
                    t.index, [u for u, _ in triggers[:k]], mentions_used, any_event=True
                )
                if held is not None:
                    mt.origins, mt.origin_inferred = [held], True
            if not mt.origins and not t.noun and mt.destinations:
                # "was held in A for a week before being flown to B", "spent two nights in A
                # before they were driven to B": the journey left where they were
                was_at = _before_being_moved(tokens, t.index, mentions_used)
                if was_at is not None and all(
                    was_at.place.gazetteer_id != d.place.gazetteer_id for d in mt.destinations
                ):
                    mt.origins = [replace(was_at, cue=Cue("origin", was_at.cue.governor))]
            if not mt.origins and mt.destinations:
                # "after two nights in A caught a connecting flight on to B": it left A
                stay = _stay_before(tokens, t.index, mentions_used)
                if stay is not None and all(
                    stay.place.gazetteer_id != d.place.gazetteer_id for d in mt.destinations
                ):
                    mt.origins = [replace(stay, cue=Cue("origin", stay.cue.governor))]
            if not mt.origins and mt.destinations and not t.noun:
                # "most remain in A; some have gone on to B": on from where the rest stay
                still = _remaining_in(tokens, t.index, s_text, mentions_used)
                if still is not None and all(
                    still.place.gazetteer_id != d.place.gazetteer_id for d in mt.destinations
                ):
                    mt.origins, mt.origin_inferred = [still], True
            if t.motion.lemma == "recall":
                # "A recalled its ambassador to B": the posting is where the envoy leaves
                # (the state before the verb is who recalls: where the envoy goes)
                posted = [*mt.origins, *mt.vias, *mt.destinations]
                mt.origins = [m for m in posted if m.first > t.index]
                mt.vias, mt.destinations = [], []
            if (
                sent_back
                and not t.noun
                and not (mt.destinations or mt.vias)
                # (not a campaign that goes on: "will continue deporting X nationals")
                and _GOES_ON.isdisjoint(tok.lower for tok in tokens[max(0, t.index - 3) : t.index])
            ):
                # "A expelled four Ruritanian diplomats", "the Ruritanian diplomats were
                # expelled from A": they are sent to their own country
                mover_at = range(*movements.mover_bounds(tokens, t.index, s_text, actor))
                sent_home = (
                    next((d for d in demonyms if d.span.start - sent.start in mover_at), None)
                    if passive
                    else movements.object_home(tokens, t.index, s_text, demonyms, sent.start)
                )
                if sent_home is None and not passive:
                    # "A expelled 60 diplomats", after the report said whose: their country
                    lowered_after = [tok.lower for tok in tokens[t.index + 1 : t.index + 5]]
                    # (or a number whose noun the sentence gave before: "A expelled 60
                    # diplomats, B expelled 13")
                    counted = bool(lowered_after) and _NUMBER_ONLY.match(lowered_after[0])
                    if not ENVOYS.isdisjoint(lowered_after) or (
                        counted
                        and (len(lowered_after) < 2 or lowered_after[1] in (",", ";", ".", "and"))
                        and not ENVOYS.isdisjoint(tok.lower for tok in tokens[: t.index])
                    ):
                        sent_home = state.envoys_home(sent.start + tokens[t.index].start)
                if sent_home is not None:
                    mt.sent_home = _as_mention(sent_home)
            if not mt.origins and mt.destinations:
                left_there = _from_there(tokens, t.index, state)
                if left_there is not None:  # "From there, most took a train to B"
                    mt.origins, mt.origin_inferred = [left_there], True
            if not mt.origins and not t.noun and t.motion.frame == "go":
                stayed = _stayed_there(tokens, t.index, mentions_used, state)
                if stayed is not None:  # "She lived there until she moved to B"
                    mt.origins, mt.origin_inferred = [stayed], True
            if not mt.destinations and not t.noun:
                went = _there(tokens, t.index, mentions_used, state)
                if went is not None:  # "arrested in A after he had driven there"
                    mt.destinations, mt.destination_inferred = [went], True
            if t.motion is _BOUND:
                mt.destinations = [m for m in mentions_used if m.first == t.index]
            elif motion_triggers and motion_triggers[-1].motion is _BOUND:
                bound = motion_triggers[-1]
                if t.index - bound.index <= 2 and bound.destinations:
                    # "a Chicago-bound flight from Dublin (diverted to Shannon)": the flight
                    # goes to Chicago; the places it was sent to on the way are stops
                    mt.vias = [*mt.vias, *mt.destinations]
                    mt.destinations = bound.destinations
                    motion_triggers.pop()
            motion_triggers.append(mt)
        if t.event_type is None:
            continue
        first_of_type.setdefault(t.event_type, t.word)
        # when the sentence reports this one event, its other places may be the event's:
        # an origin, a city right before the trigger ("the Hanoi summit", "Chicago police
        # arrested"), and in the report's opening the home of whom it befell ("A Leeds woman
        # died when a van struck her": the story's town); further on, a home is only who
        # someone is ("the shooting of another Leeds student")
        fallback = None
        definite = t.noun and _definite(tokens, t.index)
        if n_events == 1 and not definite:
            fallback = [
                m
                for m in mentions_used
                if m.cue.role in ("origin", "people-of", "agency", "dateline")
                or (
                    m.cue.role == "home"
                    and (
                        lede
                        or not _who_from(s_text, tokens, m)
                        or (t.motion is None and _home_is_report_town(tokens, m, here_town))
                    )
                )
                or (m.cue.role == "possessive" and m.first == 0)
                or (m.cue.role == "none" and _premises_done_to(tokens, m, t.index))
                or (
                    m.cue.role == "none"
                    and m.last < t.index <= m.last + 2
                    and (
                        t.index == m.last + 2
                        or (m.first > 0 and tokens[m.first - 1].lower in _DETERMINERS)
                    )
                )
            ]
        if fallback is not None:
            # a place told earlier in the sentence ("found him in A, but during a struggle
            # the B man was stabbed"), then a town's police ("a B police officer"), before
            # the dateline, before a home
            told = [
                m
                for m in mentions_used
                if t.motion is None
                and (m.cue.role in ("location", "near") or _compass_of(tokens, m))
                and m.last < start
                and m.first > 0
                and (
                    not _said_between(tokens, m.last, t.index)
                    or (
                        _fronted_place(tokens, [m], t.index) is m and tokens[m.last + 1].text == ","
                    )
                )
            ]  # (not "doctors in A said that he had disappeared")
            fallback = told + sorted(fallback, key=_fallback_rank)
        # where the people it concerns are held or live is not where it happened ("a
        # protest for prisoners jailed in X"): a place after such a participle
        after_incident = [
            m
            for m in after_incident
            if not (
                m.first >= 2
                and tokens[m.first - 2].lower in WHERE_PEOPLE_ARE
                and m.first - 2 != t.index
                and not (t.noun and _held_itself(tokens, t.index, m.first - 2))
            )
            and not _home_apposition(tokens, m)
            and not _tied_to(tokens, m)
            and not (
                definite
                and not told_of
                and any(
                    x.text in ",;:()—–-" or x.lower in _SCOPE_END or x.lower == "and"
                    for x in tokens[t.index : m.first]
                )
                and not _impact_after(tokens, t.index, m.first)
            )
        ]  # ("after the raid and, earlier on, ... in X": X is no place of it)
        after_incident = _own_places(tokens, after_incident)
        # what the protesters or the police said is not where the event was ("staged a
        # sit-in in A, alleging that aid had not reached villages in B"): places behind it
        after_incident = [m for m in after_incident if not _behind_claim(tokens, t.index, m)]
        if t.event_type == "protest":
            # "protesting against the killing of a boy in a raid near A": A is where what
            # they protest happened, not where they protested
            after_incident = [m for m in after_incident if not _protested_event(tokens, t, m)]
        # where the hurt were treated is not where they were hurt ("died in a Leeds hospital
        # from injuries received in a crash"): before the trigger, or as the sentence's town
        recovering = _recovering_from(tokens, t.index)
        if recovering:
            # "is recovering from a crash at Dayton General Hospital": where the hurt
            # recover is not where they were hurt
            after_incident = [m for m in after_incident if not _treated_at(tokens, m)]
        before_incident = [
            m
            for m in before
            if not (_treated_at(tokens, m) and not _facility_subject(tokens, m))
            and not _tied_to(tokens, m)
        ]
        if fallback:
            # (nor is a person's home: "the driver, a 39-year-old from A, was arrested")
            fallback = [
                m
                for m in fallback
                if not _treated_at(tokens, m)
                and not _tied_to(tokens, m)
                and not _person_from(tokens, m)
            ]
        if t.event_type == "arrest" and not t.noun:
            # "a suspect in a theft near X was arrested": X is where the theft was
            before_incident = [m for m in before_incident if not _suspect_in(tokens, m)]
            if fallback:
                fallback = [m for m in fallback if not _suspect_in(tokens, m)]
        if t.event_type == "attack" and (
            t.word.lower().endswith((" on", " upon", " at"))
            or TAKEN_BY_FORCE.match(t.word)
            or WEAPON_STRUCK.match(t.word)
        ):
            # "rebels fired on X": the phrase's own preposition takes what was attacked;
            # "took control of the town of X": what was taken; "a missile struck X": the
            # phrase's verb takes it
            phrase_end = t.index + len(t.word.split())
            after_incident = [
                replace(m, cue=Cue("none", t.index))
                if m.cue.role == "none" and t.index < m.cue.governor < phrase_end
                else m
                for m in after_incident
            ]
        located = incidents.locate(
            t.index,
            after_incident,
            before_incident,
            fallback,
            motion=t.motion is not None,
            evacuation=t.event_type == "evacuation",
            noun=t.noun,
            abduction=(
                t.word.lower().startswith(("abduct", "kidnap"))
                or (t.event_type == "disappearance" and " by " in t.word.lower())
            )
            and not t.noun,
            march=t.event_type == "protest" and t.motion is not None,
            tokens=tokens,
        )
        if not located and t.event_type in ("protest", "evacuation") and t.motion is not None:
            # "In Cochabamba itself, several hundred supporters marched ...": a march told
            # after the place the sentence opens with; "In A, the authorities evacuated 900
            # households to camps": what was evacuated
            opening = _fronted_place(tokens, mentions_used, t.index)
            if opening is not None:
                located = [incidents.Located(opening, False)]
        if not located and t.event_type == "protest" and t.noun:
            # "a march of 400 residents in A", "a sit-in by villagers in A": the marchers'
            # town, where nothing else places their protest
            located = [
                incidents.Located(m, False)
                for m in after_incident[:1]
                if m.cue.role == "home"
                and m.cue.governor > t.index
                and m.first - t.index <= 8
                and tokens[m.cue.governor].lower == "in"
            ]
        if not located and t.motion is None:
            # "08:45 Liwonde: supporters threw stones ...": a log's or a list's entry opens
            # with the place it is about, as a dateline does
            label = _entry_label(tokens, mentions_used, section)
            if label is not None:
                located = [incidents.Located(label, False)]
        if not located and t.motion is None:
            # "And in A, police arrested four students after a protest": the setting the
            # sentence opens with is where its events were
            opening = _fronted_place(tokens, mentions_used, t.index)
            if opening is not None:
                located = [incidents.Located(opening, False)]
        gone_from = None
        if t.event_type == "disappearance" and not t.noun:
            # "was reported missing from A on Sunday and found in B": where from
            gone_from = _missing_from(tokens, t, after_incident)
            if gone_from is not None:
                located = [incidents.Located(gone_from, False)]
        if t.event_type == "disappearance" and gone_from is None:
            # "a girl who had been missing since Friday was found safe in B", "missing teen
            # found in B": where she was found, not where she went missing (left to the
            # sentences around)
            located = [
                loc
                for loc in located
                if loc.mention.first <= t.index
                or _FOUND_AT.isdisjoint(x.lower for x in tokens[t.index : loc.mention.first])
            ]
        if t.motion is None:
            town = incidents.the_town(tokens, mentions, t.index, incident_end)
            if town is not None:
                located = [town]  # "was held in a western district of the city": the city
        located = incidents.nested_places(tokens, located)
        if t.noun and t.motion is None and located:
            # "a Leeds rally in support of the families trapped in A": the town that names
            # the event is where it was, not a place further on, in what it was about
            named = [
                m
                for m in mentions_used
                if m.last + 1 == t.index
                and m.first > 0
                and tokens[m.first - 1].lower in ("a", "an")
                and m.place.feature_type == "city"
            ]
            if named and all(
                loc.mention.first > t.index + 2 and not _within(loc.mention.place, named[0].place)
                for loc in located
            ):
                located = [incidents.Located(named[0], False)]
        struck = False
        if not located and t.noun and t.event_type in _STRIKES_PLACES:
            # "flooding has also hit A, B and C", "an earthquake struck A": countries too
            located = incidents.struck_places(tokens, t.index, after_incident)
            struck = bool(located)
        if not located and t.motion is None:
            # "fled A and B after shelling hit both towns": the two towns told before
            both = _both_towns(tokens, t.index, mentions_used)
            if both:
                located = [incidents.Located(m, False) for m in both]
        if not located and t.event_type == "arrest" and k + 1 < len(triggers):
            # "arrested in an attempted robbery in X": the arrest over an offence told right
            # after it is placed with it
            u = triggers[k + 1][0]
            if u.noun and u.index - t.index <= 4 and tokens[t.index + 1].lower in _OVER:
                u_end = triggers[k + 2][0].index if k + 2 < len(triggers) else clause_end
                located = incidents.locate(
                    u.index,
                    [m for m in mentions_used if u.index < m.first < min(u_end, clause_end)],
                    [],
                    None,
                )
        if not located and t.event_type == "attack" and k + 1 < len(triggers):
            # "police fired rubber bullets at protesters in X": shot at the protest, where
            # it was
            u = triggers[k + 1][0]
            between = {x.lower for x in tokens[t.index + 1 : u.index]}
            if (
                u.noun
                and u.event_type == "protest"
                and u.index - t.index <= 8
                and not between.isdisjoint(("at", "on", "upon", "into"))
                and between.isdisjoint((",", ";", "but"))
            ):
                u_end = triggers[k + 2][0].index if k + 2 < len(triggers) else clause_end
                located = incidents.locate(
                    u.index,
                    [m for m in mentions_used if u.index < m.first < min(u_end, clause_end)],
                    [],
                    None,
                )
        if not located and t.event_type == "attack" and FELL_TO_FIGHTERS.match(t.word):
            # "the town of X fell to the rebels": the place the clause is about
            located = [
                incidents.Located(m, False)
                for m in before_incident[-1:]
                if t.index - m.last <= 4
                and all(x.text not in ",;:()" for x in tokens[m.last + 1 : t.index])
            ]
        if not located and t.event_type == "crash":
            # "the boat sank shortly after leaving a beach near X", "the bus overturned soon
            # after departing X": it went down close to where it had set out from
            located = _after_leaving(tokens, t.index, mentions_used, len(tokens))
        if not located and t.event_type in ("crash", "collision"):
            # "a man was killed in a crash when his pickup left the highway south of X":
            # the vehicle's clause says where
            located = _vehicle_clause_place(tokens, t.index, mentions_used)
        if not located and t.event_type == "arrest" and not t.noun:
            # "were arrested Tuesday after deputies raided a house near X": where the police
            # acted is where they arrested
            located = incidents.after_clause_place(tokens, mentions_used, clause_end, scope_ends)
        if not located and t.event_type == "meeting/summit" and t.motion is None:
            # "met the minister during a visit to A", "met her when he visited A", "while
            # visiting A": talks held on a visit are where the visit went
            located = _visit_place(tokens, mentions_used)
        if not located and t.event_type == "arrest" and t.motion is None:
            # "was arrested by Dayton police after a chase and taken to jail": a town's
            # force that made the arrest made it in its town, however many other events the
            # sentence tells
            located = _arresting_force(tokens, mentions_used, t.index, start, clause_end)
        if (
            not located
            and t.event_type == "attack"
            and not t.noun
            and not _OFFICERS.isdisjoint(x.lower for x in tokens[start:clause_end])
        ):
            # "was shot by a trooper after he tried to run him down near X": an officer
            # fires at what someone does at that very scene
            located = incidents.after_clause_place(tokens, mentions_used, clause_end, scope_ends)
        if (
            not located
            and t.event_type == "attack"
            and t.motion is None
            and start > 1
            and tokens[start - 1].lower in ("after", "when")
            and any(
                u.index < start
                and (
                    (u.motion is not None and u.motion.movement_type == "fled")
                    or (u.motion is None and u.event_type == "arrest" and not u.noun)
                )
                for u, _ in triggers
            )
        ):
            # "inmates escaped from the prison in X after gunmen attacked the gate": the
            # attack was where they fled from; "police arrested two men in X after a
            # shooting at a bar": where the police acted
            located = [
                incidents.Located(m, False)
                for m in mentions_used
                if m.last < start and m.cue.role in ("origin", "location", "near")
            ][-1:]
        if not located and t.noun and t.event_type == "attack" and _under(tokens, t.index):
            # "the village of X came under attack": the place the clause is about
            located = [
                incidents.Located(m, False)
                for m in before_incident
                if m.cue.role in ("none", "people-of", "location")
            ][:1]
        if (
            located
            and all(loc.mention.cue.role not in ("location", "near") for loc in located)
            and start > 1
            and tokens[start - 1].lower == "where"
        ):
            located = []  # "Valletta, where he joined talks on Benghazi's recovery"
        if not located and start > 1 and tokens[start - 1].lower == "where":
            # "a stop in X, where he met his counterpart": the place the clause is about
            antecedent = [m for m in mentions_used if m.last in (start - 2, start - 3)]
            if antecedent and tokens[start - 2].text in (
                ",",
                *(m.toponym.span.text for m in antecedent),
            ):
                located = [incidents.Located(antecedent[-1], False)]
        if not located and t.motion is None:
            # "from X, downstream, where locals say a missile hit a school": the place the
            # clause is about, past an adverb and a speaker
            where = _where_antecedent(tokens, mentions_used, start)
            if where is not None:
                located = [incidents.Located(where, False)]
        if not located and t.motion is None and not t.noun:
            # "left the Dayton area before police raided a house there and arrested him"
            there = incidents.there_place(tokens, mentions_used, start, incident_end)
            located = [there] if there is not None else []
        if (
            not located
            and t.event_type == "protest"
            and t.noun
            and placed
            and not _SPARKED.isdisjoint(x.lower for x in tokens[max(0, t.index - 5) : t.index])
        ):
            # "the killing of a teenager in X sparked days of protests": the protests are
            # where the event that set them off was
            located = [placed[-1]]
        if (
            not located
            and t.event_type == "evacuation"
            and t.noun
            and placed
            and t.index > 1
            and tokens[t.index - 2].lower in _CAUSED
        ):
            # "a tank car caught fire in X, forcing the evacuation of 600 residents": what
            # the event forced is evacuated where it happened
            located = [placed[-1]]
        if not located and t.motion is None and t.event_type in ("arrest", "attack"):
            # "he reached A in January but was detained at a checkpoint": where the arrival
            # the sentence told left him
            arrived = [
                mt
                for mt in motion_triggers
                if mt.destinations
                and mt.index < t.index
                and (mt.motion.frame == "reach" or mt.motion.lemma in _ARRIVING_AT)
                and not mt.motion.noun
            ]
            if arrived:
                located = [incidents.Located(arrived[-1].destinations[-1], False)]
        if not located and t.event_type == "meeting/summit":
            # "visit X for talks", "travelled to X and met officials there"
            gone = [mt for mt in motion_triggers if mt.destinations]
            if gone:
                located = [incidents.Located(gone[-1].destinations[-1], False)]
            else:
                visited = _visit_after(tokens, t.index, [u for u, _ in triggers], mentions_used)
                located = [incidents.Located(visited, False)] if visited is not None else []
        if not located and t.event_type not in ("meeting/summit", "arrest"):
            # "fled A after gunmen attacked", "evacuated from A after shelling hit the city's
            # hospital", "crossed from A, fleeing shelling": what people fled is where they
            # fled from;
            cause = next(
                (
                    j
                    for j in range(t.index - 1, max(-1, t.index - 5), -1)
                    if tokens[j].lower in _CAUSE_BEFORE
                ),
                None,
            )
            left = [mt for mt in motion_triggers if mt.origins and mt.index < t.index]
            fled = any(
                mt.motion.movement_type in ("fled", "evacuated") for mt in motion_triggers
            )  # ("moved the suspect from A to B after a shooting" says not where it was)
            # and help is sent to where it happened: "troops were sent to A after clashes"
            helped = [
                mt
                for mt in motion_triggers
                if mt.destinations and mt.motion.movement_type == "dispatched"
            ]
            if cause is not None and left and fled:
                located = [incidents.Located(left[-1].origins[0], False)]
            elif cause is not None and helped and not fled:
                located = [incidents.Located(helped[-1].destinations[-1], False)]
        if (
            not located
            and t.motion is None
            and not t.noun
            and placed
            and placed[-1].mention.cue.role in ("location", "near")
            and placed[-1].mention.last < t.index
            and (
                not _said_between(tokens, placed[-1].mention.last, t.index)
                or (
                    _and_said(tokens, placed[-1].mention.last, t.index)
                    and clauses.passive(tokens, t.index)  # (not "police said they arrested")
                    and not any(placed[-1].mention.last < m.first < t.index for m in mentions)
                )
            )
        ):
            # "shot a clerk in A on Monday and was arrested an hour later": the second event
            # of the sentence, told without a place of its own, is where the first one was
            located = [incidents.Located(placed[-1].mention, False)]
        if not located and (t.motion is None or t.event_type == "protest"):
            # "Sept. 3, Brandt: gunmen opened fire …": an event log's place of the paragraph
            # (not a dateline, "BEIRUT: …": where the report is from)
            located = [
                incidents.Located(m, False)
                for m in mentions
                if _lead_in(tokens, m)
                and m.toponym is not state.dateline
                and (section or not m.toponym.span.text.isupper())
            ]
        inferred = False
        if (
            not located
            and t.motion is None
            and here_town is not None
            and "here" in (x.lower for x in tokens[t.index + 1 : t.index + 3])
        ):
            # "a three-car pileup here on Sunday", "was stabbed here overnight": the town the
            # report is from (:func:`_here_town`)
            located = [incidents.Located(_as_mention(here_town), False)]
            inferred = True
        if (
            not located
            and t.noun
            and t.motion is None
            and t.event_type == "attack"
            and _offence_of_arrest(tokens, t.index, [u for u, _ in triggers[:k]])
        ):
            # "SPRINGFIELD — A man was arrested on Sunday for the fatal shooting of a teen
            # on Friday": the offence told with its victim or day, no place of its own, is
            # of the town the report is filed from, else of the arrest's place
            filed = state.dateline
            if filed is not None and filed.place is not None and filed.place.feature_type == "city":
                located = [incidents.Located(_as_mention(filed), False)]
            elif placed:
                located = [incidents.Located(placed[-1].mention, False)]
            inferred = bool(located)
        if (
            located
            and t.motion is None
            and _county_of_dateline(located, state.dateline)
            and _names_a_facility(tokens, located[0].mention)
        ):
            # "SPRINGFIELD — ... booked into the Greene County Jail": a county building in
            # the county that holds the town the report is filed from stands in that town
            assert state.dateline is not None
            located = [incidents.Located(_as_mention(state.dateline), False)]
            inferred = True
        if located and t.motion is None:
            placed.extend(located)
        event_type = t.event_type
        in_quote = _quote_around(s_text, tokens[t.index].start)
        if in_quote is not None:
            # "'they fired at the traders,' said a farmer who arrived on Tuesday": the
            # speaker's day is not the event's; only a date inside the quotation is
            event_when = _date_from(
                date_text[: in_quote[1]], tokens, t.index, document.published, status
            ) or find_date(date_text[in_quote[0] : in_quote[1]], document.published)
        else:
            event_when = _date_from(
                date_text[: _next_event_start(tokens, triggers, k, date_text, definite, document)],
                tokens,
                t.index,
                document.published,
                status,
            )
        if event_when is None and not definite and in_quote is None and located:
            if status != "planned":
                # "The next day gunmen attacked A": counted from the day told before
                event_when = _counted_day(
                    date_text,
                    tokens[t.index].start,
                    document.published,
                    _precise(state.previous_when),
                )
        if event_when is None and not definite and in_quote is None:
            event_when = (
                (
                    planned_date()
                    if status == "planned"
                    else _nearest_before(date_text, tokens[t.index].start, document.published)
                    or sentence_date()
                )
                if located
                else None
            )
            if status == "planned" and _said_between(tokens, 0, t.index):
                # "On Friday, the crew said they would strike": the day it was said, not the
                # day of the strike to come
                event_when = None
            elif event_when is not None:
                then = event_when
                if t.event_type != "arrest":
                    # an offence told after its arrest's date is not of that day
                    event_when = _grounds_date(date_text, tokens, t.index, triggers, then)
                said = then.text or ""
                at = date_text.find(said) if said else -1
                end = at + len(said)
                if event_when is then and 0 <= at and end <= tokens[t.index].start:
                    # "Sunday's blast came two days after bombs killed six in A": the
                    # bombs' day is counted back from Sunday
                    event_when = counted_from(then, date_text[end : tokens[t.index].start])
        if (
            event_when is None
            and located
            and not definite
            and in_quote is None
            and state.previous_label is not None
            and _dated_label(state.previous_label)
        ):
            # "11 March - Brandt. A boat capsized off the town.": an event log's lead-in
            # dates the paragraph's events
            event_when = _precise(state.previous_when)
        if not located:
            event_when = None
        if (
            event_when is not None
            and t.noun
            and _commemorated(tokens, t.index, date_text, event_when)
        ):
            # "the victims of a plane crash were remembered on Sunday": the day of the
            # service, not of the crash it recalls (told undated)
            event_when = None
        if (
            status == "reported"
            and t.noun
            and event_when is not None
            and document.published is not None
            and event_when.start > document.published
            and _TO_BEGIN.search(s_text) is not None
        ):
            # "announced the evacuation of ten villages, to begin on 13 October": a day still
            # to come when the report was written
            status = "planned"
        specific = (
            not recovering  # "still recovering from a car crash": its cause, not a report
            and (
                not t.noun
                or headline  # a headline drops its articles: "Woman hurt in crash"
                or any(w.lower in _INDEFINITE for w in tokens[max(0, t.index - 4) : t.index])
                or (t.index > 1 and tokens[t.index - 2].lower in _CAUSED)
            )
            and not (t.index > 0 and tokens[t.index - 1].lower == "who")
        )
        # "a rockfall forced the evacuation of six cabins": told as it happened; "the man who
        # killed him approached": the killing is named again, not told
        unplaced = all(
            m.cue.role
            in ("none", "home", "possessive", "modifier", "people-of", "person-home", "dateline")
            or (t.event_type == "evacuation" and m.cue.role == "destination")
            or _local_agency(m, state.carried())
            or (t.motion is None and _person_from(tokens, m))
            or (
                t.motion is None
                and not t.noun
                and t.event_type in _VIOLENT
                and m.cue.role in ("origin", "destination", "via")
                and any(
                    u.motion is not None and not u.noun and t.index < u.index < m.first
                    for u, _ in triggers
                )
            )
            for m in mentions
        )  # (where evacuees were taken is not what was evacuated; the dateline is where the
        # report is from, which the place carried falls back on; "detained them and moved
        # them from A to B": the ends of a later journey are not where they were detained)
        if (
            not located
            and unplaced
            and specific
            and (status == "reported" or t.event_type == "meeting/summit")
            and not _names_own_place(s_text, tokens[start].start if tokens else 0, mentions)
            and not _elsewhere(mentions, state.carried())
            and (lede or not _home_elsewhere(s_text, tokens, mentions, state.carried()))
        ):
            carried = state.carried()
            if t.event_type == "meeting/summit" and _during_the_trip(tokens):
                # "The mayor will travel to A on Tuesday. She will meet lawmakers during the
                # trip": the talks are where the trip goes
                carried = state.recent_journey_end() or carried
            if (
                carried is None
                and t.event_type == "arrest"
                and not t.noun
                and not any(x.lower in _NOT_THE_FIRST for x in tokens[: t.index])
            ):
                # "One man was arrested, officials said." far on in a report of one event
                # in one town: the arrest at that event (not "he said it was not the only
                # time Smith has been arrested": his past)
                carried = lone_story
            if (
                carried is None
                and t.event_type == "evacuation"
                and _FROM_THE_AREA.search(s_text)
                and not any(x.lower in _NOT_THE_FIRST for x in tokens[: t.index])
            ):
                # "a dozen homes had to be evacuated from the area after the clash" far on in a
                # report of one event in one town: evacuated from around that event
                carried = state.scene() or lone_story
            if state.scene() is not None and _AT_THE_SCENE.search(s_text):
                carried = state.scene()  # "was detained at the scene": the event told before
                if (
                    t.event_type == "arrest"
                    and state.protest is not None
                    and not PROTESTERS.isdisjoint(
                        x.lower for x in tokens[t.index + 1 : t.index + 5]
                    )
                ):
                    # "Police arrested 17 protesters at the scene": where they protested,
                    # not where what they protested against happened
                    carried = state.protest
            if carried is not None and carried.place is not None:
                located = [incidents.Located(_as_mention(carried), False)]
                inferred = True
                if in_quote is None and _SAME_DAY.match(s_text, tokens[t.index].end):
                    # "Guards detained them the same day and moved them on Wednesday": the
                    # day of the event told before
                    event_when = _precise(state.previous_when) or sentence_date()
                elif in_quote is None:
                    # ("It would meet the unions next week": an announced event's own date
                    # is to come)
                    event_when = (
                        planned_date() if status == "planned" else sentence_date()
                    ) or _day_after(_precise(state.previous_when), s_text)
                    if (
                        status == "reported"
                        and event_when is not None
                        and document.published is not None
                        and event_when.start > document.published
                        and (event_when.text or "") not in s_text
                    ):
                        # "The party plans rallies beginning on April 9. Ten members had been
                        # arrested.": a day still to come dates no event already told
                        event_when = None
        own = INCIDENT_WORDS.get(t.word.lower())
        if (
            event_type == "attack"
            and own is not None
            and own.event_type in ("fire", "explosion")
            and PERPETRATOR_WORDS.isdisjoint(x.lower for x in tokens)
            and event_when is not None
            and document.published is not None
            and event_when.end.year < document.published.year
        ):
            # a fire told as history ("a fire gutted the shop in 2005") is not the arson the
            # report speaks of elsewhere
            event_type = own.event_type
        actor1, actor2 = actor, None
        if t.noun or passive:
            actor1 = clauses.agent(tokens, t.index, s_text)
            actor2 = actor if passive else None
        actor1 = clauses.tidy_actor(actor1)
        if event_type in _NO_ACTOR_TYPES:
            actor1 = None  # accidents and disasters: no one did them ("the river", "a bus")
        if actor1 is not None and (
            actor1.rsplit(None, 1)[-1].lower() in WEAPONS or tokens[t.index].lower in WEAPONS
        ):
            actor1 = None  # "a roadside bomb killed two": the weapon, not who used it
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
                and not struck
            ):
                continue
            if t.event_type not in _NOT_A_STORY and not inferred:
                state.tell(place=loc.mention.toponym)  # (a place it stated, not one carried)
            if t.event_type == "protest" and not inferred:
                state.protest = loc.mention.toponym
            if t.event_type in ("attack", "disappearance") and status == "reported":
                state.struck_now = loc.mention.toponym  # (stated or carried)
            another = not _ANOTHER.isdisjoint(
                tok.lower for tok in tokens[max(0, t.index - 3) : t.index]
            ) or _listed_other(
                tokens, t.index
            )  # "an earlier accident", "a second shooting": not the one told before
            incidents_out.append(
                Incident(
                    id=_event_id(document.id, sent.start, event_type, (place,), event_when),
                    document_id=document.id,
                    event_type=event_type,
                    sub_event_type=sub_event_type(
                        event_type, first_of_type.setdefault(event_type, t.word)
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
            if another and distinct is not None:
                distinct.append(incidents_out[-1])
    if any(i.event_type == "collision" for i in incidents_out):
        # "a two-car crash": one collision, not a crash besides
        incidents_out = [i for i in incidents_out if i.event_type != "crash"]
    movements_out = _movements_of(
        document, motion_triggers, tokens, s_text, quote, sentence_date, state
    )
    return incidents_out, movements_out, mentions, read[0] if read else _UNREAD


def _there(
    tokens: list[Token], i: int, mentions: list[Mention], state: discourse.Discourse
) -> Mention | None:
    """The place "there" after the motion verb at token ``i`` stands for ("was arrested in A
    after he had driven there", "She moved there in 1990"): the last place the sentence named
    before the verb that is no one's home, else the last sentence's place."""
    j = i + 1
    if j < len(tokens) and tokens[j].lower in ("back", "over", "out"):
        j += 1
    if j >= len(tokens) or tokens[j].lower != "there":
        return None
    if j + 1 < len(tokens) and tokens[j + 1].lower in ("is", "are", "was", "were"):
        return None  # "... drove, there were ..."
    told = [
        m
        for m in mentions
        if m.last < i and m.cue.role not in ("home", "person-home", "possessive", "people-of")
    ]
    if told:
        return told[-1]
    if state.previous is not None and state.since < discourse.CARRY_SENTENCES:
        return _as_mention(state.previous)
    return None


def _from_there(tokens: list[Token], i: int, state: discourse.Discourse) -> Mention | None:
    """Where a journey told with a fronted "From there," (or "from there" right after its
    verb) set out: where the last sentence's journey went, else the last sentence's place."""
    fronted = len(tokens) > 2 and tokens[0].lower == "from" and tokens[1].lower == "there" and i > 1
    after = i + 2 < len(tokens) and tokens[i + 1].lower == "from" and tokens[i + 2].lower == "there"
    if not (fronted or after) or state.since > 0:
        return None
    place = state.destination or state.previous
    return _as_mention(place) if place is not None and place.place is not None else None


_STAY_WORDS = SPELL | STAYING
#: Verbs of a stay that "there" ends ("lived there", "worked there"): general English.
_STAYED = frozenset(
    "lived worked stayed taught served remained studied practised practiced preached "
    "played farmed settled".split()
)
#: Words that join a stay to the journey that ended it ("lived there until she moved").
_UNTIL = frozenset("until till before then".split())


def _over_qualifier(tokens: list[Token], start: int, mentions: list[Mention]) -> int:
    """The clause start ``start`` moved back over a comma that only closes a town's state or
    country ("held in Dover, Del., and will be taken to B", "born in Lyon, France, he moved
    to B"): such commas set off the qualifier, not a clause, and the clause goes on from
    before the town as it does when the qualifier is left out."""
    if start < 4 or tokens[start - 1].text != ",":
        return start
    qualifier = next((m for m in mentions if m.last == start - 2), None)
    town = next(
        (
            m
            for m in mentions
            if qualifier is not None
            and m.last == qualifier.first - 2
            and tokens[m.last + 1].text == ","
        ),
        None,
    )
    if qualifier is None or town is None or not contains(qualifier.place, town.place):
        return start
    return clauses.clause_start(tokens, town.first)


def _at_the_gathering(tokens: list[Token], t: _Trigger, u: _Trigger) -> bool:
    """True when the protest noun ``u`` is where the verb ``t`` (an arrest or an attack)
    happened: "arrested 14 people at a protest", "was beaten during a march"."""
    return (
        u.noun
        and not t.noun
        and u.event_type == "protest"
        and t.event_type in ("arrest", "attack")
        and u.index >= 2
        and tokens[u.index - 1].lower in _DETERMINERS
        and tokens[u.index - 2].lower in ("at", "during")
        and t.index < u.index - 2
    )


def _premises_done_to(tokens: list[Token], m: Mention, index: int) -> bool:
    """True when ``m`` names the town of a building that the passive verb at ``index`` tells
    something done to ("A Dayton restaurant was robbed", "the Leeds church was vandalized",
    "a Reno home was gutted by fire"): the building stands in that town."""
    k = m.last + 1
    if k + 1 >= index or tokens[k].lower not in PREMISES:
        return False
    between = tokens[k + 1 : index]
    return between[0].lower in ("was", "were") and all(
        x.lower in clauses.AUXILIARIES
        or x.lower == "by"
        or (x.text.islower() and x.lower.endswith("ed"))
        for x in between
    )


#: Words after a town's name that make it the name of its police force ("Dayton police").
_FORCE_WORDS = frozenset("police sheriff sheriff's sheriff’s pd".split())


#: Words a clause may open with before its subject ("after Dayton police arrested him").
_FORCE_OPENERS = frozenset("and but then when after before as while until once".split())


def _arresting_force(
    tokens: list[Token], mentions: list[Mention], index: int, start: int, end: int
) -> list[incidents.Located]:
    """The town whose police made the arrest at token ``index``, in its clause
    ``start``..``end``: the force as the subject before the verb ("Dayton police on Friday
    arrested a man") or its agent after it ("was arrested by the Dayton police"); not a force
    told in another role ("handed to Dayton police", "Dayton police said")."""
    for m in mentions:
        if (
            m.cue.role != "agency"
            or not start <= m.first < end
            or m.last + 1 >= len(tokens)
            or tokens[m.last + 1].lower not in _FORCE_WORDS
        ):
            continue
        if m.last < index:
            # the force as subject: nothing governs it ("a man wanted by Dayton police was
            # arrested in a chase" tells no place of the arrest)
            j = m.first - 1
            if j >= start and tokens[j].lower == "the":
                j -= 1
            between = tokens[m.last + 2 : index]
            if (
                (j < start or tokens[j].lower in _FORCE_OPENERS)
                and len(between) <= 4
                and all(x.text not in ",;:()—–-" for x in between)
            ):
                return [incidents.Located(m, False)]
        else:
            j = m.first - 1
            if j > index and tokens[j].lower == "the":
                j -= 1
            if j > index and tokens[j].lower == "by" and m.first - index <= 8:
                return [incidents.Located(m, False)]
    return []


def _arrested_at(
    i: int, earlier: list[_Trigger], mentions: list[Mention], any_event: bool = False
) -> Mention | None:
    """Where someone deported or extradited at token ``i`` was arrested, told by an arrest
    verb before it in the sentence ("was arrested in A and extradited to B", "detained at
    A's airport and deported to B"): the place after that verb, before this one. With
    ``any_event``, the verb of any incident that is no movement ("injured near A")."""
    arrest = next(
        (
            u
            for u in reversed(earlier)
            if not u.noun
            and (u.event_type == "arrest" or (any_event and u.event_type and u.motion is None))
        ),
        None,
    )
    if arrest is None:
        return None
    held = [
        m
        for m in mentions
        if arrest.index < m.first < i and m.cue.role in ("location", "near", "none")
    ]
    # "held in a jail in A, B, and returned to C": the town, not the state after it
    held = drop_containers(held)
    return replace(held[-1], cue=Cue("origin", arrest.index)) if held else None


def _after_doing(tokens: list[Token], i: int, earlier: list[Mention]) -> list[Mention]:
    """Where the mover was, told by an opening "After ...ing in A," before the journey verb
    at token ``i`` ("After landing in A, the minister drove to B", "Following two days
    spent touring A, they flew to B"): A, as the journey's origin. Not an event's place
    ("After the bombing in A, ..."): the opener's -ing word must be no incident word."""
    if not tokens or tokens[0].lower not in ("after", "following"):
        return []
    comma = next((j for j in range(1, i) if tokens[j].text == ","), None)
    if comma is None:
        return []
    if any(t.lower in VIA_WORDS for t in tokens[1:comma]):
        # "After a stopover in A, the team flew from B to C": a stop on the way
        return [
            replace(m, cue=Cue("via", 0))
            for m in earlier
            if m.last < comma and m.cue.role in ("location", "via", "near")
        ][-1:]
    doing = [
        t.lower
        for t in tokens[1:comma]
        if (t.lower.endswith("ing") and t.lower not in INCIDENT_WORDS and t.text[:1].islower())
        or t.lower in _TALKS_NOUNS  # "After talks in A, the envoy flew to B"
    ]
    if not doing:
        return []
    told = [
        m
        for m in earlier
        if m.last < comma and m.cue.role in ("location", "destination", "origin", "near", "via")
    ]
    return [replace(m, cue=Cue("origin", 0)) for m in told[-1:]]


#: Nouns of a stay for talks or a visit, after which a journey goes on elsewhere ("flew to B
#: after talks in A", "After a summit in A, ..."): general English. (Not "a stopover in A":
#: a stop on the way, VIA_WORDS.)
_TALKS_NOUNS = frozenset("talks meeting meetings summit conference negotiations visit stay".split())
_AFTER_TALKS = re.compile(
    r"\bafter\s+(?:[\w-]+\s+){0,3}?(?:talks|meetings?|summit|conference|negotiations|visit|"
    r"stay|tour)\s+(?:in|at|to|through)\s+(?:the\s+)?$",
    re.I,
)
#: A departure told after the journey's verb: "reached B after leaving A", "docked in B after
#: sailing from A": general English.
_AFTER_LEAVING = re.compile(
    r"\bafter\s+(?:first\s+)?(?:(?:leaving|fleeing|escaping|departing|deserting)(?:\s+from)?"
    r"|(?:sailing|flying|driving|travelling|traveling|walking|trekking|"
    r"setting\s+(?:off|out|sail))\s+from)\s+(?:the\s+)?$",
    re.I,
)


def _after_talks(
    sentence: str, tokens: list[Token], i: int, after: list[Mention], leaving: bool = False
) -> Mention | None:
    """Where a journey told by the verb at ``i`` set out from when the clause after it says
    it followed talks or a visit there ("flew to B after talks in A", "travelled on to B
    after a two-day visit to A"), or a departure from there ("arrived in B after fleeing A",
    "docked in B after sailing from A", when ``leaving``): that place."""
    end = tokens[i].end
    for m in after:
        if m.start - end > 120:
            return None
        if _AFTER_TALKS.search(sentence, end, m.start) or (
            leaving and _AFTER_LEAVING.search(sentence, end, m.start)
        ):
            return replace(m, cue=Cue("origin", m.cue.governor))
    return None


def _stayed_there(
    tokens: list[Token], i: int, mentions: list[Mention], state: discourse.Discourse
) -> Mention | None:
    """Where a mover had stayed, told as "there" before the journey verb at token ``i``
    that ended the stay ("She lived there until she moved to B", "worked there for a decade
    before moving to B"): the last place the sentence named before "there" that is no
    one's home, else the last sentence's place."""
    for j in range(i - 1, max(0, i - 9), -1):
        w = tokens[j].lower
        if w in (",", ";", ":") or (w in _SCOPE_END and w not in _UNTIL):
            return None
        if w != "there":
            continue
        if tokens[j - 1].lower not in _STAYED:
            return None
        if _UNTIL.isdisjoint(t.lower for t in tokens[j + 1 : i]):
            return None
        told = [
            m
            for m in mentions
            if m.last < j - 1
            and m.cue.role not in ("home", "person-home", "possessive", "people-of")
        ]
        if told:
            return told[-1]
        if state.previous is not None and state.since < discourse.CARRY_SENTENCES:
            return _as_mention(state.previous)
        return None
    return None


#: What stands between "before" and a passive motion verb ("before being flown", "before
#: they were moved"): general English.
_BEFORE_BEING = re.compile(
    r"\bbefore (?:being|(?:he|she|they|it|we) (?:was|were)) (?:later |eventually )?$", re.I
)


def _before_being_moved(tokens: list[Token], index: int, mentions: list[Mention]) -> Mention | None:
    """Where the mover was, in the clause before "before being" + the motion verb at
    ``index`` ("was treated in A before being flown to B"): the last place of that clause
    in a location role, if the clause has no other break."""
    if index < 3:
        return None
    head = " ".join(t.lower for t in tokens[max(0, index - 6) : index]) + " "
    if _BEFORE_BEING.search(head) is None:
        return None
    before = next(j for j in range(index - 1, -1, -1) if tokens[j].lower == "before")
    start = clauses.clause_start(tokens, before - 1) if before > 0 else 0
    held = [
        x
        for x in mentions
        if start <= x.first and x.last < before and x.cue.role in ("location", "near")
    ]
    if not held or any(t.text in ";:" for t in tokens[held[-1].last : before]):
        return None
    return held[-1]


#: Nouns of a stay counted in nights or days ("after two nights in A", "after a week in A"),
#: besides the spells of :data:`_STAY_WORDS`: general English.
_STAY_NIGHTS = frozenset("night nights day days hours weekend overnight".split()) | _STAY_WORDS


def _stay_before(tokens: list[Token], index: int, mentions: list[Mention]) -> Mention | None:
    """Where the mover stayed, told by an "after" phrase of a stay right before the motion
    word at ``index`` ("after two nights in A caught a flight on to B", "After a week in A,
    they flew on to B"): the journey went on from there. Only the nearest "after" within
    thirteen words, with a word of a stay and one place in a location role between it and the
    verb, and no other clause mark than one comma."""
    after = next(
        (j for j in range(index - 1, max(-1, index - 14), -1) if tokens[j].lower == "after"),
        None,
    )
    if after is None or not any(tokens[j].lower in _STAY_NIGHTS for j in range(after + 1, index)):
        return None
    if sum(t.text == "," for t in tokens[after:index]) > 1 or any(
        t.text in ";:()" or t.lower in ("and", "but", "or") for t in tokens[after:index]
    ):
        return None
    stayed = [
        m
        for m in mentions
        if after < m.first and m.last < index and m.cue.role in ("location", "near", "none")
    ]
    return stayed[0] if len(stayed) == 1 else None


#: Verbs of staying put that an onward journey of some of the same people leaves from.
_REMAIN_WORDS = frozenset("remain remains remained stay stays stayed".split())


def _remaining_in(
    tokens: list[Token], index: int, s_text: str, mentions: list[Mention]
) -> Mention | None:
    """Where the others stay, told in the clause before an onward journey ("most of them
    remain in A; some have gone on to B", "many stayed in A, while others moved on to B"):
    the journey at ``index`` went on from there. Only with "on to" / "onward" after the verb,
    a verb of :data:`_REMAIN_WORDS` before it in the sentence and one town-sized place in a
    location role between that verb and the journey's."""
    if _ONWARD.match(s_text, tokens[index].end) is None:
        return None
    stay = next(
        (j for j in range(index - 1, max(-1, index - 20), -1) if tokens[j].lower in _REMAIN_WORDS),
        None,
    )
    if stay is None:
        return None
    where = [
        m
        for m in mentions
        if stay < m.first < index
        and m.cue.role in ("location", "near")
        and precision_rank(m.place) == 0
    ]
    return where[0] if len(where) == 1 else None


def _spent_before(
    tokens: list[Token], i: int, scope_ends: list[int], mentions: list[Mention]
) -> list[Mention]:
    """Where a mover had spent a while, told in the "after" clause at token ``i`` that
    follows the motion verb ("returned to B after a year in A", "moved to B after two
    decades of teaching in A", "after serving in A"): the origin of that journey, though
    past the clause's end; or the stop it made on the way ("after a stop in A")."""
    if tokens[i].lower != "after":
        return []
    end = next((j for j in scope_ends if j > i), len(tokens))
    spent = [
        replace(m, cue=Cue("origin", m.cue.governor))
        for m in mentions
        if i < m.first < end
        # ("after a three-week stay at a hall in A": where the stay was)
        and m.cue.role in ("origin", "location")
        and any(tokens[j].lower in _STAY_WORDS for j in range(i + 1, m.first))
    ][:1]
    # "reached B after an overnight stop in A": a stop on the way (a via cue is "stop in")
    return spent or [m for m in mentions if i < m.first < end and m.cue.role == "via"][:1]


#: Verbs that hold an event named by its noun ("hold a protest", "stage a rally"; a journey:
#: "make the trip", "undertake a tour", "take a flight"), and the words before "to" that
#: announce it ("plan to hold talks"): general English.
_HOLD_VERBS = frozenset(
    "hold stage organise organize host have convene mount launch attend join make undertake "
    "take".split()
)
_ANNOUNCED_TO = frozenset(
    "plan plans planned planning intend intends intended set due scheduled expected going "
    "agreed decided is are".split()
)


def _held_to_come(tokens: list[Token], i: int) -> bool:
    """True when the event noun at ``i`` is what a verb of :data:`_HOLD_VERBS` holds, and
    that verb is announced ("will hold a protest", "plan to stage a rally", "are to hold
    talks"), not wished ("hope to hold talks") or done ("held a protest")."""
    j = i - 1
    while j >= 0 and i - j <= 4 and tokens[j].lower not in _HOLD_VERBS:
        if not tokens[j].text.isalpha() or tokens[j].lower in ("and", "or", "but"):
            return False
        j -= 1
    if j < 1 or tokens[j].lower not in _HOLD_VERBS:
        return False
    before = tokens[j - 1].lower
    if before in ("will", "shall", "'ll", "’ll"):
        return True
    return before == "to" and j >= 2 and tokens[j - 2].lower in _ANNOUNCED_TO


def _called_ahead(tokens: list[Token], i: int) -> bool:
    """True when the protest noun at ``i`` is what someone has called or is calling ("unions
    have called a general strike for Monday", "students are calling for a march on Friday"):
    announced, still to come. (A past "called a strike" may tell one that took place.)"""
    j = i - 1
    while j >= 0 and i - j <= 4 and tokens[j].lower not in ("called", "calling"):
        if not tokens[j].text.isalpha() or tokens[j].lower in ("and", "or", "but"):
            return False
        j -= 1
    if j < 1 or tokens[j].lower not in ("called", "calling"):
        return False
    aux = tokens[j - 1].lower
    return (tokens[j].lower == "called" and aux in ("has", "have")) or (
        tokens[j].lower == "calling" and aux in ("is", "are")
    )


def _scheduled_after(tokens: list[Token], i: int) -> bool:
    """True when the noun at ``i`` is said to be scheduled or to come: "a meeting with the
    board is scheduled for this week", "the rally is set for Saturday", "the summit will be
    held in A"."""
    words = [t.lower for t in tokens[i + 1 : i + 11]]
    for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False):
        if a in ("is", "are", "was", "were", "has", "have", "been") and b in _SCHEDULED:
            return b != "set" or c in ("for", "to")  # (not "was set on fire")
        if a in ("will", "shall") and (b, c) in _TAKES_PLACE:
            return True  # "the summit will be held in A", "a protest will take place"
        if a in (",", ";", "."):
            return False
    return False


#: What an event to come does after "will": "will be held", "will take place", "will go
#: ahead", "will open", "will begin", "will convene".
_TAKES_PLACE = frozenset(
    (("be", "held"), ("be", "staged"), ("take", "place"), ("go", "ahead"), ("be", "convened"))
) | frozenset(
    (verb, nxt)
    for verb in ("open", "begin", "start", "convene")
    for nxt in ("in", "at", "on", "next", "this", "later", "")
)


_SCHEDULED = frozenset("scheduled planned set slated expected due".split())


def _definite(tokens: list[Token], i: int) -> bool:
    """True when the incident noun at ``i`` names an event already known ("the fire", "the
    two-alarm blaze", "this shooting"), not a new one ("a fire")."""
    for t in reversed(tokens[max(0, i - 3) : i]):
        if t.lower in _INDEFINITE or not t.text[:1].isalnum() or t.text[:1].isupper():
            return False  # ("the Hanoi summit": the place is told with it)
        if t.lower in ("the", "this", "that"):
            return True
    return False


def _own_places(tokens: list[Token], after: list[Mention]) -> list[Mention]:
    """The places after a trigger that are its event's, once one is named: a later place
    where the hurt were treated ("shot in A and died at a hospital in B") or where the
    offence a suspect is charged with happened ("arrested in A and charged with a robbery
    in B") belongs to that other clause, not to this event."""
    out: list[Mention] = []
    for m in sorted(after, key=lambda x: x.first):
        if out and (
            _treated_at(tokens, m)
            or not _OFFENCE_BEFORE.isdisjoint(t.lower for t in tokens[out[-1].last : m.first])
        ):
            continue
        out.append(m)
    return out


#: Verbs of freeing victims told with an arrest in one raid ("arrested four and rescued
#: two hostages in a raid on A"): general English.
_FREED = frozenset("rescued freed released recovered".split())


#: Participles that open what an event's actors said, asked for or talked about, after a
#: comma ("..., alleging that", "..., demanding the release of", "talks ..., focusing on"):
#: general English.
_CLAIMING = frozenset(
    "alleging claiming saying demanding complaining accusing arguing insisting urging "
    "asking seeking calling focusing focussing discussing".split()
)


def _behind_claim(tokens: list[Token], index: int, m: Mention) -> bool:
    """True when a comma and a word of :data:`_CLAIMING` stand between the trigger at
    ``index`` and the mention ``m`` after it: ``m`` is in what was claimed, demanded or
    discussed."""
    return any(
        tokens[j].lower in _CLAIMING and tokens[j - 1].text == ","
        for j in range(index + 2, m.first)
    )


#: Words that go on to the offence a suspect is held for ("charged with a robbery in B").
_OFFENCE_BEFORE = frozenset("charged accused suspected wanted convicted indicted".split())


def _home_apposition(tokens: list[Token], m: Mention) -> bool:
    """True when ``m`` is a person's home told in apposition: "Robin Gray, 32, of Dover"."""
    j = m.first - 1
    while j > 0 and tokens[j].lower in ("the", "nearby"):
        j -= 1
    return j > 1 and tokens[j].lower == "of" and tokens[j - 1].text == ","


def _tied_to(tokens: list[Token], m: Mention) -> bool:
    """True when ``m`` is a place a person is tied to, not an event's: "had ties to X", "roots
    in X", "the victims' X ties", "an X native"."""
    before = tokens[m.first - 2].lower if m.first >= 2 else ""
    after = tokens[m.last + 1].lower if m.last + 1 < len(tokens) else ""
    return before in PERSON_TIES or after in PERSON_TIES


def _fallback_rank(m: Mention) -> int:
    """The order in which a sentence's other places stand for its one event's place."""
    if m.cue.role == "agency" or m.cue.role in ("none", "possessive"):
        return 0
    return 1 if m.cue.role == "dateline" else 2


def _day_after(when: When | None, sentence: str) -> When | None:
    """The date carried from the sentence before, moved by the days the sentence counts from
    it ("Police arrested two men on Sunday. Relatives protested the next morning": Monday;
    "a day earlier": Saturday); ``when`` itself otherwise, and None for a carried date longer
    than a day that it cannot move."""
    shifts = day_shifts(sentence)
    if when is None or not shifts:
        return when
    return shifted(when, shifts[0][0])


#: What ends the clause of an event told before "the next day" ("attacked A, and the next
#: day ..."): the day counted is then another clause's.
_CLAUSE_BREAK = re.compile(r"[,;:]|\band\b|\bbut\b|\bthen\b")


def _counted_day(
    date_text: str, pos: int, published: date | None, before: When | None
) -> When | None:
    """The date of the event whose word starts at offset ``pos`` when its clause counts it
    from a day told before ("The next day gunmen attacked A", "took the base on Tuesday and
    bombed the town the following day", "A day earlier, two died in B"): the last date told
    before that count in the sentence, else ``before`` (the date of the sentence before),
    moved by the count; None when the sentence counts no day for it or has no such day."""
    shifts = day_shifts(date_text)
    told = [x for x in shifts if x[2] <= pos]
    after = [x for x in shifts if x[1] >= pos and not _CLAUSE_BREAK.search(date_text, pos, x[1])]
    pick = told[-1] if told else after[0] if after else None
    if pick is None:
        return None
    days, start, _ = pick
    anchor = last_date(date_text[:start], published)
    if anchor is None:
        anchor = before
    return shifted(anchor, days)


def _danger_fled(tokens: list[Token], t: _Trigger, u: _Trigger) -> bool:
    """True when the incident word ``u`` names the danger the flight ``t`` fled, right after
    it ("fleeing renewed fighting in A", "escaped the shelling of A"): its place is where the
    flight started, not another event's alone."""
    return (
        t.motion is not None
        and t.motion.movement_type == "fled"
        and not t.noun
        and 0 < u.index - t.index <= 3
        and (u.word.lower().split() or [""])[-1] in movements.DANGERS
    )


#: Words of honouring the dead: the date of a sentence with one is the service's.
_COMMEMORATION = frozenset(
    "remembered mourned honored honoured commemorated memorialized memorialised eulogized "
    "eulogised funeral funerals vigil vigils memorial memorials mourners".split()
)
#: Words before an event noun that tell of people it befell: "victims of a crash", "those
#: killed in the fire".
_BEFELL = frozenset("of in by".split())


def _commemorated(tokens: Sequence[Token], i: int, date_text: str, when: When) -> bool:
    """True when the event noun at ``i`` is told only as what befell the dead a service
    honours ("the victims of a ferry sinking were remembered on Friday", "a vigil on
    Friday for those killed in the fire") and the sentence's date is not the event's own
    (not "Saturday's crash", "the March 7 fire" right before the noun): the date is the
    service's."""
    if _COMMEMORATION.isdisjoint(t.lower for t in tokens):
        return False
    before = [t.lower for t in tokens[max(0, i - 4) : i]]
    if _BEFELL.isdisjoint(before):
        return False
    told = when.text or ""
    at = date_text.find(told) if told else -1
    if at < 0:
        return True  # carried from another sentence: the service's day again
    near = tokens[max(0, i - 4)].start
    return not near <= at < tokens[i].start


#: Words of a match: with one, "sent off" is a player ordered off the field.
_MATCH_WORDS = frozenset(
    "card cards yellow red referee foul tackle minute minutes half match game penalty "
    "booking".split()
)


def _sent_off_the_field(lowered: Sequence[str], i: int) -> bool:
    """True when "sent" at ``i`` is a football idiom, not someone dispatched: "was sent off"
    in a sentence of a match ("was sent off after an hour for a late foul"), or
    "sent the keeper the wrong way" (a penalty taker's feint)."""
    after = lowered[i + 1 : i + 7]
    if "wrong" in after and "way" in after:
        return True
    return bool(after) and after[0] == "off" and not _MATCH_WORDS.isdisjoint(lowered)


def _precise(when: When | None) -> When | None:
    """A date carried from the sentence before only when it is a day, a few or a month:
    "built in 1907" dates no fire told next."""
    return when if when is not None and (when.end - when.start).days <= 31 else None


def _new_subject(tokens: list[Token], i: int) -> int:
    """Where a new clause with its own subject begins after ``i`` (", he was dropped off at
    a motel"): an event's places do not run past it."""
    for j in range(i + 1, len(tokens) - 1):
        if tokens[j].text == "," and tokens[j + 1].lower in _PRONOUNS:
            return j
    return len(tokens)


_PRONOUNS = frozenset("he she they we it i".split())
_OVER = frozenset("in for over after during".split())


#: How far a county's point may lie from the dateline's town for the county to be the
#: town's own (counties are rarely wider than this from their centre to their seat).
_COUNTY_SEAT_KM = 40.0


def _county_of_dateline(located: list[incidents.Located], dateline: Toponym | None) -> bool:
    """True when the one place found is a county (second-level region) that holds the town
    the report is filed from: same first-level region, its point near the town's."""
    if len(located) != 1 or dateline is None or dateline.place is None:
        return False
    county, town = located[0].mention.place, dateline.place
    return (
        county.feature_type == "admin2"
        and town.feature_type == "city"
        and county.country_code == town.country_code
        and bool(town.admin1)
        and county.admin1 == town.admin1
        and great_circle((county.lat, county.lon), (town.lat, town.lon)).km <= _COUNTY_SEAT_KM
    )


#: County buildings named for their county ("the Greene County Jail").
_COUNTY_BUILDINGS = frozenset(
    "jail detention courthouse court hospital fairgrounds sheriff's sheriff’s sheriff "
    "correctional justice".split()
)


def _attributive_country(t: Toponym, text: str) -> bool:
    """True when a country is named, after no preposition, right before a lower-case word
    that is no verb form, as what a thing is ("letting in Ruritanian wheat", "the China trade
    deficit"): like a demonym, it tells no place where anything happened."""
    if t.place is None or t.place.feature_type != "country":
        return False
    nxt = _NEXT_LOWER.match(text, t.span.end)
    before = _WORD_BEFORE.search(text, max(0, t.span.start - 20), t.span.start)
    if nxt is None or (before is not None and before.group(1).lower() in _PLACE_PREPOSITIONS):
        return False
    w = nxt.group(1)
    return w not in STOPWORDS and not w.endswith(("ed", "ing")) and w not in clauses.AUXILIARIES


#: Prepositions that put a country in its own right ("in the U.S. capital": where).
_PLACE_PREPOSITIONS = frozenset(
    "in at to from into across throughout near inside outside within around toward towards "
    "via through".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+(?:the[ \t]+)?$")
#: The word right after a place, when it is written in lower case.
_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)\b")


def _names_a_facility(tokens: list[Token], m: Mention) -> bool:
    """True when the place mention ``m`` opens a building's name ("Greene County Jail")."""
    return m.last + 1 < len(tokens) and tokens[m.last + 1].lower in _COUNTY_BUILDINGS


#: What ties an offence told as an event to the arrest before it: "for the", "over the",
#: "in connection with the", "in the" (then the event's describing words).
_OFFENCE_TIES = (("for", "the"), ("over", "the"), ("with", "the"), ("in", "the"))


def _offence_of_arrest(tokens: list[Token], i: int, before: list[_Trigger]) -> bool:
    """True when the event noun at ``i`` is the offence an arrest told before it in the
    sentence was for, told as an event: "arrested ... for the fatal shooting of a teen",
    "in connection with the stabbing on Friday" (its victim or day after it)."""
    if not any(u.event_type == "arrest" and not u.noun for u in before):
        return False
    lowered = [t.lower for t in tokens]
    j = i - 1
    while j > 0 and lowered[j] in _EVENT_DESCRIBED:
        j -= 1
    if j < 1 or (lowered[j - 1], lowered[j]) not in _OFFENCE_TIES:
        return False
    k = i + 1
    if k < len(lowered) and lowered[k] == "death":
        k += 1  # "the stabbing death of"
    return any(w in _TOLD_AFTER for w in lowered[k : k + 2])


def _arrest_for(tokens: list[Token], triggers: list[_Trigger]) -> bool:
    """True when a sentence's two events are an arrest and the offence named right after
    it ("arrested in an attempted robbery")."""
    if len(triggers) != 2 or triggers[0].event_type != "arrest" or not triggers[1].noun:
        return False
    i, j = triggers[0].index, triggers[1].index
    return j - i <= 4 and i + 1 < len(tokens) and tokens[i + 1].lower in _OVER


def _under(tokens: list[Token], i: int) -> bool:
    """True when the noun at ``i`` follows "came under" ("came under heavy attack")."""
    words = [t.lower for t in tokens[max(0, i - 3) : i]]
    return "under" in words and not {"came", "come", "comes", "coming"}.isdisjoint(words)


# verbs of a speaker between "where" and the clause it opens: "where locals say ..."
_SAYING_NOW = frozenset("say says said told claim claims claimed report reports".split())


def _where_antecedent(tokens: list[Token], mentions: list[Mention], start: int) -> Mention | None:
    """The place a "where" clause before token ``start`` is about, when a speaker stands
    between "where" and the clause ("where locals say a missile hit"), or a word of
    direction between the place and "where" ("X, downstream, where"): the forms the simple
    "X, where" rule does not read."""
    w = next(
        (k for k in range(start - 1, max(-1, start - 6), -1) if tokens[k].lower == "where"), None
    )
    if w is None or w < 1:
        return None
    if w != start - 1 and _SAYING_NOW.isdisjoint(x.lower for x in tokens[w + 1 : start]):
        return None
    for m in reversed(mentions):
        if m.last >= w:
            continue
        gap = tokens[m.last + 1 : w]
        words = [x for x in gap if x.text != ","]
        if len(gap) <= 3 and len(words) <= 1 and all(x.text.islower() for x in words):
            return m
        return None
    return None


#: What may stand between "I" or "we" and the motion verb of a witness's own account.
_TESTIMONY_CHAIN = frozenset("have had 've 'd ’ve ’d just finally already all both".split())


def _testimony(tokens: list[Token], index: int, quoted: list[tuple[int, int]]) -> bool:
    """True when the trigger at ``index`` is a witness's own account of a journey made,
    quoted at the start of the sentence: "I" or "we" and the verb in the past or the perfect
    ('"We have left A for B," said Roe', '"I fled from A to B," she said'), not an order, a
    threat or a slogan ('"Go back to A!"', '"We will march to B"')."""
    opening = next(((a, b) for a, b in quoted if a == 0), None)
    if opening is None or tokens[index].start >= opening[1]:
        return False
    before = [t.lower for t in tokens[:index] if t.text not in ('"', "“", "‘")]
    if not before or before[0] not in ("i", "we"):
        return False
    chain = before[1:]
    if any(w not in _TESTIMONY_CHAIN for w in chain):
        return False
    w = tokens[index].lower
    perfect = any(x in ("have", "had", "'ve", "'d", "’ve", "’d") for x in chain)
    return perfect or w.endswith("ed") or w in clauses.IRREGULAR_PAST


def _quote_around(s_text: str, pos: int) -> tuple[int, int] | None:
    """The quotation (start and end offsets, marks included) that holds offset ``pos`` of
    the sentence, if one does."""
    for m in _QUOTED.finditer(s_text):
        if m.start() < pos < m.end():
            return m.start(), m.end()
    return None


#: What a protest is "against" or "over" when it is an event of its own, whose place is
#: not the protest's ("against the killing of two men in A"): general English.
_PROTESTED_EVENTS = frozenset(
    "killing killings murder murders death deaths attack attacks raid raids arrest arrests "
    "detention detentions shooting shootings massacre abduction abductions kidnapping "
    "eviction evictions demolition demolitions bombing airstrike airstrikes".split()
)


def _protested_event(tokens: list[Token], t: _Trigger, m: Mention) -> bool:
    """True when mention ``m`` after the protest trigger ``t`` lies in what the protest is
    against: "against" / "over" / "at" right after the trigger, then an event noun of
    :data:`_PROTESTED_EVENTS` before the place, in the same clause."""
    k = t.index + len(t.word.split())
    if k >= len(tokens) or tokens[k].lower not in ("against", "over", "at"):
        return False
    between = tokens[k + 1 : m.first]
    if any(x.text in ",;:" for x in between):
        return False
    return any(x.lower in _PROTESTED_EVENTS for x in between)


#: Words that set an event noun's day ahead ("to begin on", "to start", "due on",
#: "scheduled for").
_TO_BEGIN = re.compile(
    r"\b(?:to (?:begin|start|take place|be held)|due (?:on|to)|scheduled (?:for|on)|"
    r"set (?:for|to begin))\b",
    re.I,
)


_BOTH = re.compile(
    r"^(?:\s+\w+){0,2}?\s+(?:both|the two)\s+(?:towns|cities|villages|camps|places)\b",
    re.I,
)


def _both_towns(tokens: list[Token], index: int, mentions: list[Mention]) -> list[Mention]:
    """The two towns an event at ``index`` is said to have hit as "both towns" / "the two
    cities" within three words after its trigger: the last two town-sized places named before
    it in the sentence ("had fled A and B in the north after shelling hit both towns")."""
    rest = " " + " ".join(t.text for t in tokens[index + 1 : index + 6])
    if _BOTH.match(rest) is None:
        return []
    towns = [m for m in mentions if m.last < index and precision_rank(m.place) == 0]
    if len(towns) < 2 or towns[-1].place.gazetteer_id == towns[-2].place.gazetteer_id:
        return []
    return towns[-2:]


def _next_event_start(
    tokens: list[Token],
    triggers: list[tuple[_Trigger, str]],
    k: int,
    date_text: str,
    definite: bool,
    document: Document,
) -> int:
    """Where the dates of the ``k``-th trigger's event end: at the next incident trigger
    when the sentence told a date before this one ("On 3 November, residents marched in A
    against an attack near B on 28 October": the march is the opening date's, the later
    date the attack's); else the sentence's end."""
    t = triggers[k][0]
    nxt = next((u for u, _ in triggers[k + 1 :] if u.event_type is not None), None)
    against = t.index + len(t.word.split())
    if (
        t.event_type == "protest"
        and against < len(tokens)
        and tokens[against].lower in ("against", "over", "at")
        and any(x.lower in _PROTESTED_EVENTS for x in tokens[against + 1 : against + 6])
    ):
        nxt_start = tokens[against].start  # "protesting against a killing in A on May 2"
    elif nxt is not None:
        nxt_start = tokens[nxt.index].start
    else:
        return len(date_text)
    if definite or t.index == 0:
        return len(date_text)
    if find_date(date_text[: tokens[t.index].start], document.published) is None:
        return len(date_text)
    return nxt_start


def _date_from(
    s_text: str, tokens: list[Token], index: int, published: date | None, status: str
) -> When | None:
    """The first date told from the event's word on ("died Sunday from injuries suffered in a
    crash on Friday": the crash is Friday's), or None when none follows it (then the
    sentence's date is the event's: "On Friday, police arrested ...")."""
    if index <= 0:
        return None  # the sentence's first date is already the one after its word
    tail = s_text[tokens[index].start :]
    # "to meet officials, and to travel to B on Friday": a date after the clause ends is
    # another clause's ("On Tuesday rebels took A, and troops retook it on Friday")
    end = _NEXT_CLAUSE.search(tail)
    if end is not None:
        tail = tail[: end.start()]
    when = find_date(tail, published, future=status == "planned")
    # find_date ranks its patterns (a weekday before a year): the first date told wins here
    # ("a man shot in A in 2019 was arrested on Monday": the shooting is 2019's)
    while when is not None and when.text and (at := tail.find(when.text)) > 0:
        earlier = find_date(tail[:at], published, future=status == "planned")
        if earlier is None or not earlier.text:
            break
        gap = tail[tail.find(earlier.text) + len(earlier.text) : at]
        if not gap.strip(" ,"):
            break  # "Saturday, March 21": one date, the full one read
        when = earlier
    return when


def _nearest_before(date_text: str, end: int, published: date | None) -> When | None:
    """The last date told before offset ``end`` ("the law passed in March was discussed
    Thursday at talks": the talks are Thursday's, the date nearest before their word), or None
    when fewer than two dates stand there (then the sentence's date is read as before)."""
    prefix = date_text[:end]
    when = find_date(prefix, published)
    if when is None or not when.text:
        return None
    moved = False
    pos = 0
    while (at := prefix.find(when.text, pos)) >= 0:
        rest = at + len(when.text)
        later = find_date(prefix[rest:], published)
        if later is None or not later.text:
            break
        gap = prefix[rest : prefix.find(later.text, rest)]
        if not gap.strip(" ,"):
            break  # "Saturday, March 21": one date
        when, pos, moved = later, rest, True
    return when if moved else None


#: Where a clause joined to the next ends: ", and", ", but", ", then", ";".
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|then)\b|;")
#: Words that tell an event after a journey as what caused it ("fled on Sunday after ...").
_CAUSED_AFTER = frozenset("after following".split())
#: Court acts whose date is not the offence's told after them ("arraigned Tuesday on charges
#: he robbed a clerk"); only for dates (an offence named after them is still told)
_IN_COURT = frozenset("arraigned arraignment".split())
_WORD = re.compile(r"[a-z’'-]+")
#: Words between a date and an event that make the date the event's own time ("arrested
#: Monday when he shot at officers", "began at noon Friday, as he fired on the crowd").
_AT_THAT_TIME = frozenset("when while as".split())
#: Words that tie an offence to the arrest or charge told before it ("arrested Monday after
#: he stabbed", "charged in May for attacking", "held Friday over a shooting").
_GROUNDS_LINKS = frozenset(
    "after for over following because in since before said says allegedly he she they".split()
)


def _grounds_date(
    date_text: str, tokens: list[Token], i: int, triggers: list[tuple[_Trigger, str]], when: When
) -> When | None:
    """The sentence's date for the event at token ``i`` when an arrest or a charge is told
    before that date and the event after it: the date is the arrest's or the charge's ("was
    arrested May 3 for allegedly attacking a clerk", "when they were indicted in 2019,
    prosecutors said they robbed …"), so the event has none, or that day moved by the gap
    the sentence tells ("arrested on June 2, four days after they stabbed a man": May 29)."""
    told = when.text or ""
    at = date_text.find(told) if told else -1
    if at < 0 or at >= tokens[i].start:
        return when
    acts = [u.index for u, _ in triggers if u.event_type == "arrest" and u.index < i]
    acts += [k for k in range(i) if tokens[k].lower in _CHARGING or tokens[k].lower in _IN_COURT]
    gap = date_text[at + len(told) : tokens[i].start]
    words = _WORD.findall(gap.lower())
    if not _CAUSED_AFTER.isdisjoint(words):
        # "fled to A on Saturday after gunmen attacked B": the day is the flight's; the
        # attack that caused it came before, on a day the sentence does not tell
        acts += [u.index for u, _ in triggers if u.motion is not None and not u.noun]
    if not any(tokens[k].end <= at for k in acts):
        return when
    if not _AT_THAT_TIME.isdisjoint(words) or (
        "," not in gap and len(words) <= 3 and _GROUNDS_LINKS.isdisjoint(words)
    ):
        return when  # "in Friday's deadly stabbing", "Monday, when he fired on a guard": its own
    apart = days_apart(gap)
    if apart is None or when.precision != 1:
        return None
    day = when.start + timedelta(days=apart)
    return When(day, day, 1, when.text)


#: Ends of one country closer than this are one town: no journey between them.
MIN_JOURNEY_KM = 10.0


def _same_town(a: Place, b: Place) -> bool:
    """True when two ends are town-sized places of one country within MIN_JOURNEY_KM (a
    border crossing between twin towns is a journey)."""
    if precision_rank(a) > 1 or precision_rank(b) > 1 or a.country_code != b.country_code:
        return False
    return _km(a, b) < MIN_JOURNEY_KM


def _km(a: Place, b: Place) -> float:
    """Great-circle distance: exact enough to tell one town from two."""
    return float(great_circle((a.lat, a.lon), (b.lat, b.lon)).km)


def _one_town(a: Place, b: Place) -> bool:
    """True when two town-sized places (towns, streets, facilities) lie within 25 km."""
    if precision_rank(a) > 1 or precision_rank(b) > 1 or a.country_code != b.country_code:
        return False
    return _km(a, b) < 25.0


#: Motion words of a visit, and the words that make the visit told after a meeting its
#: occasion ("met the minister when he visited X", "during a trip to X").
_VISITS = frozenset("visit trip tour".split())
_OCCASION = frozenset("when while during on as".split())


def _visit_after(
    tokens: list[Token], i: int, triggers: list[_Trigger], mentions: list[Mention]
) -> Mention | None:
    """Where the meeting at token ``i`` took place when the same sentence tells after it the
    visit it was held on ("met the foreign minister when he visited X", "met officials
    during a trip to X last week"): the place visited."""
    visit = next(
        (u for u in triggers if u.index > i and u.motion is not None and u.motion.lemma in _VISITS),
        None,
    )
    if visit is None:
        return None
    if _OCCASION.isdisjoint(x.lower for x in tokens[max(i + 1, visit.index - 3) : visit.index]):
        return None  # ("met the minister on Monday and then visited X": another stop)
    return next(
        (
            m
            for m in mentions
            if visit.index < m.first <= visit.index + 4
            and m.cue.role in ("none", "destination", "location")
        ),
        None,
    )


def _local_agency(m: Mention, carried: Toponym | None) -> bool:
    """True when mention ``m`` only names the force or service that came ("Kent County
    deputies were sent to the farm because a fire was reported there"), a county or town of
    the same state or province as the place the sentences before told: it says who answered,
    not where the event was, which stays that place."""
    if m.cue.role != "agency" or carried is None or carried.place is None:
        return False
    here, there = m.place, carried.place
    return (
        precision_rank(here) <= 1
        and bool(here.admin1)
        and here.admin1 == there.admin1
        and here.country_code == there.country_code
    )


def _elsewhere(mentions: list[Mention], carried: Toponym | None) -> bool:
    """True when the sentence names a country or province that does not hold the place it
    would be given ("Panama's police said migrants were rescued" after a sentence about
    Santiago): then it is about somewhere else."""
    if carried is None or carried.place is None:
        return False
    return any(
        precision_rank(m.place) >= 2
        and m.place.country_code != carried.place.country_code
        and not contains(m.place, carried.place)
        for m in mentions
        if m.cue.role != "dateline"
    )


#: People named by what they are, before "from" and their home ("a student from A").
_PERSONS = frozenset(
    "man men woman women boy boys girl girls student students teacher teachers journalist "
    "journalists farmer farmers trader traders activist activists lawyer lawyers priest "
    "priests doctor doctors nurse nurses driver drivers worker workers member members "
    "resident residents villager villagers mother mothers father fathers son sons daughter "
    "daughters leader leaders".split()
)


#: Blast nouns a fire noun may be coordinated with ("an explosion and fire").
_BLASTS = frozenset("explosion explosions blast blasts".split())
_JOINING = frozenset(("and", "then"))
_BLAST_DETERMINERS = frozenset("a an the subsequent resulting ensuing".split())


def _with_blast(lowered: list[str], i: int) -> bool:
    """True when the fire noun at ``i`` is coordinated with a blast noun ("an explosion and
    fire", "a blast and a fire", "a fire and explosion"): the explosion that started the fire
    is the one event (general English; the guideline's "an explosion that starts a fire is
    one explosion")."""
    j = i - 1
    while j >= 0 and lowered[j] in _BLAST_DETERMINERS:
        j -= 1
    if j >= 1 and lowered[j] in _JOINING and lowered[j - 1] in _BLASTS:
        return True
    k = i + 1
    if k < len(lowered) and lowered[k] == "and":
        k += 1
        while k < len(lowered) and lowered[k] in _BLAST_DETERMINERS:
            k += 1
        return k < len(lowered) and lowered[k] in _BLASTS
    return False


def _person_from(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` is the home of a person named just before it ("among them a
    student from A", "the driver, a 39-year-old from A,"): who someone is, not where an
    incident happened."""
    return (
        m.cue.role == "origin"
        and m.first >= 2
        and tokens[m.first - 1].lower == "from"
        and (
            tokens[m.first - 2].lower in _PERSONS
            or _AGED.search(tokens[m.first - 2].lower) is not None
        )
    )


#: A person named by their age ("a 39-year-old from A", "the 19-year-olds from A").
_AGED = re.compile(r"\d-year-olds?$")


def _who_from(s_text: str, tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` is a home that says who someone is ("a Leeds man", "another
    Akron student"), not where they are ("officials based in Leeds")."""
    return m.cue.role == "home" and PERSON_AFTER.match(s_text[tokens[m.last].end :]) is not None


#: Officers of the law who may fire on someone in the act.
_OFFICERS = frozenset(
    "police policeman policemen officer officers trooper troopers deputy deputies agent "
    "agents marshal marshals".split()
)
#: Bearings before "of" that put something by a town: "half a mile west of X".
_BEARINGS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)


#: Journey nouns after "during the" / "on the" that put an event where the journey went.
_TRIP_NOUNS = frozenset("trip visit journey tour stop stay".split())


#: Words before a visit's verb in a clause of time ("when he visited A", "while visiting
#: A", "while in A"): general English.
_VISIT_OPENERS = frozenset("when while as".split())
_VISIT_VERBS = frozenset("visited visiting toured touring in".split())
_VISIT_SUBJECTS = frozenset("he she they it we i was were".split())
#: Kinds of place named before "of" and the name ("the Greek capital of Athens").
_VISIT_KINDS = frozenset("city town village capital province state region district".split())


def _visit_place(tokens: list[Token], mentions: list[Mention]) -> list[incidents.Located]:
    """The place a visit told in the sentence of a meeting went to: "during a visit to A",
    "on his trip to A", "when he visited A", "while visiting A", "while in A" (the place
    right after the visit's words). Not a visit before or after the talks ("before a visit to
    A", "who will visit A")."""
    lowered = [t.lower for t in tokens]
    for m in mentions:
        j = m.first - 1
        while j > 0 and (lowered[j] == "the" or tokens[j].text[:1].isupper()):
            j -= 1  # ("the Greek capital of Athens": the kind and its name)
        if j > 1 and lowered[j] == "of" and lowered[j - 1] in _VISIT_KINDS:
            j -= 2
            while j > 0 and (lowered[j] == "the" or tokens[j].text[:1].isupper()):
                j -= 1
        if j < 1:
            continue
        if lowered[j] in ("to", "in") and lowered[j - 1] in _TRIP_NOUNS:
            k = j - 2
            while k >= 0 and k > j - 5 and lowered[k] not in ("during", "on"):
                k -= 1
            if k >= 0 and lowered[k] in ("during", "on"):
                return [incidents.Located(m, False)]
        if lowered[j] in _VISIT_VERBS:
            k = j - 1
            if k >= 0 and lowered[k] in _VISIT_SUBJECTS:
                k -= 1
            if k >= 0 and lowered[k] in ("he", "she", "they", "it", "we", "i"):
                k -= 1  # "when he was in A"
            if k >= 0 and lowered[k] in _VISIT_OPENERS:
                return [incidents.Located(m, False)]
    return []


def _during_the_trip(tokens: list[Token]) -> bool:
    """True when the sentence places its event in a journey told before ("during the
    one-day trip", "on the visit", "while there"): where that journey went."""
    lowered = [t.lower for t in tokens]
    for k, w in enumerate(lowered):
        if w == "while" and lowered[k + 1 : k + 2] == ["there"]:
            return True
        if w in ("during", "on") and lowered[k + 1 : k + 2] in (["the"], ["her"], ["his"]):
            if not _TRIP_NOUNS.isdisjoint(lowered[k + 2 : k + 5]):
                return True
    return False


def _vehicle_clause_place(
    tokens: list[Token], index: int, mentions: list[Mention]
) -> list[incidents.Located]:
    """The place a "when" or "after" clause later in the sentence of an accident at
    ``index`` gives, when the clause tells what a vehicle did ("killed in a crash when his
    pickup left the road south of X", "hurt when the car struck a pole near X")."""
    for k in range(index + 1, len(tokens) - 2):
        if tokens[k].text in (";", ":"):
            return []
        if tokens[k].lower not in ("when", "after"):
            continue
        if not any(x.lower in DRIVING_SUBJECTS for x in tokens[k + 1 : k + 5]):
            return []
        found = [
            m
            for m in mentions
            if m.first > k and (m.cue.role in ("location", "near") or _compass_of(tokens, m))
        ]
        return [incidents.Located(found[0], False)] if found else []
    return []


def _compass_of(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` follows a bearing and "of" right after a measure or a vehicle
    ("driving a pickup half a mile west of X"): by X, where an event told later in the
    sentence ("when the pickup overturned") happened."""
    return (
        m.first >= 2
        and tokens[m.first - 1].lower == "of"
        and tokens[m.first - 2].lower in _BEARINGS
        and (m.first < 3 or tokens[m.first - 3].lower not in ("the", "in", "to", "from"))
    )


_NOT_THE_FIRST = frozenset("not n't never no first again".split())


def _lone_story(state: discourse.Discourse, found: list[tuple[Incident, bool]]) -> Toponym | None:
    """The town of the one event a report has told so far, when every incident it told is
    there (a report of one brawl, one fire): where an arrest told later without a place
    was made."""
    story = state.story
    if story is None and found:
        # (the one event may have been placed only by carrying: "A gun battle left nine
        # dead in A. Two soldiers died in the fighting.")
        story = next(
            (
                Toponym(Span(i.location, i.quote.start, i.quote.start), i.place)
                for i, _ in found
                if i.place.feature_type == "city"
            ),
            None,
        )
    if story is None or story.place is None or story.place.feature_type != "city" or not found:
        return None
    if all(i.place.gazetteer_id == story.place.gazetteer_id for i, _ in found):
        return story
    return None


def _home_is_report_town(tokens: list[Token], m: Mention, here_town: Toponym | None) -> bool:
    """True when a sentence opens on whom its event befell by their home ("A Leeds woman was
    arrested at her home Friday") and that home is the town the report is from (its
    dateline's, else the first it names): a local report's round-up, however late it is told
    (not "another Leeds student", someone named in passing)."""
    if here_town is None or here_town.place is None or m.place is None:
        return False
    if m.first != 1 or tokens[0].lower not in ("a", "an"):
        return False
    return m.place.gazetteer_id == here_town.place.gazetteer_id


def _home_elsewhere(
    s_text: str, tokens: list[Token], mentions: list[Mention], carried: Toponym | None
) -> bool:
    """True when the sentence names a town only as whom its event befell ("Another Akron
    student was shot last spring" in a report about Dayton), away from the place it would
    be given: the event is that person's, told in passing, and the report's place is not
    its place."""
    if carried is None or carried.place is None:
        return False
    return any(
        _who_from(s_text, tokens, m)
        and precision_rank(m.place) == 0
        and not _one_town(m.place, carried.place)
        for m in mentions
    )


def _names_own_place(s_text: str, start: int, mentions: list[Mention]) -> bool:
    """True when the sentence puts its event in a named place the gazetteer did not
    resolve ("in Eastern Ghouta") or at a site it names ("protested against the Kovar
    mine", whether or not the name is also a town's): then no place is carried into it."""
    return (
        any(
            not any(m.start < n.end() <= m.end for m in mentions)
            for n in _UNPLACED_NAME.finditer(s_text, start)
        )
        or _NAMED_SITE.search(s_text, start) is not None
    )


def _as_mention(t: Toponym) -> Mention:
    return Mention(t, -1, -1, -1, -1, cue([], 0, ""))


#: Words that open what a speaker added after an attribution ("..., police said, adding
#: that ..."): general English of wire reports.
_ADDING = frozenset(("adding", "added"))


def _added_after(tokens: list[Token], attribution: int | None) -> int | None:
    """The token of "adding" or "added" a few words after the attribution at
    ``attribution`` ("said on Monday, adding that ...", "said, and added that ..."), or
    None when the attribution adds nothing."""
    if attribution is None:
        return None
    return next(
        (
            j
            for j in range(attribution + 1, min(len(tokens), attribution + 7))
            if tokens[j].lower in _ADDING
            and j + 1 < len(tokens)
            and tokens[j + 1].lower in ("that", "the", "a", "an")
        ),
        None,
    )


#: The words between a verb and the journey noun that carried it out ("deported 90 men on a
#: charter flight", "evacuated aboard two buses"): general English.
_ABOARD_AFTER = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,5}(?:on|aboard|in|by)\s+(?:[\w-]+\s+){0,2}$", re.I
)


def _finer_departure(a: movements.MotionTrigger, b: movements.MotionTrigger, between: str) -> None:
    """Let a departure told after a journey ("deported from A landed in C after departing
    from B") give it its finer origin B, when B lies in the journey's origin A."""
    if b.motion.frame != "leave" or not b.origins or b.destinations or b.vias:
        return
    if len(a.origins) != 1 or not a.destinations or not _EARLIER_THAN.search(between):
        return
    # the finest of "A, Louisiana": the others must hold it
    left = min(b.origins, key=lambda m: precision_rank(m.place))
    if not all(m is left or contains(m.place, left.place) for m in b.origins):
        return
    if contains(a.origins[0].place, left.place):
        a.origins, b.origins = [left], []


#: Nouns after a demonym that tell a nationality ("Moroccan citizens", "a Belgian national").
_NATIONALS = re.compile(r"\s+(?:citizens?|nationals?|passport[ -]holders?)\b", re.I)


#: Words that put what follows before what they follow ("landed in B after leaving A").
_EARLIER_THAN = re.compile(r"\b(?:after|following)\b", re.I)


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
    # a journey noun with no place of its own between two verbs is their mover ("After
    # leaving A, the convoy reached B"), not a journey between them
    verbs = [
        t for t in triggers if not (t.motion.noun and not (t.origins or t.destinations or t.vias))
    ]
    for mt in verbs:
        if mt.motion.frame == "leave" and not mt.origins:
            left = _left_the_place(mt, tokens, s_text, state)
            if left is not None:  # "a coach left the camp at noon, en route to B"
                mt.origins, mt.origin_inferred = [left], True
    legs: list[tuple[movements.MotionTrigger, movements.MotionTrigger]] = []
    for a, b in zip(verbs, verbs[1:], strict=False):
        # (only a's places before b: "arrived in B after a visit to A" took its origin A
        # from b's own phrase, which does not put b after a)
        a_end = max(
            [a.index, *(m.last for m in (*a.origins, *a.vias, *a.destinations) if m.last < b.index)]
        )
        between = movements.tokens_between(tokens, a_end, b.index, s_text)
        modifier = (
            tokens[a.index].lower.endswith("ing")
            and a.index > 0
            and tokens[a.index - 1].text[:1].isalpha()
            and tokens[a.index - 1].lower not in clauses.AUXILIARIES
        )
        if (
            tokens[b.index].lower == "passing"
            and b.vias
            and not (b.origins or b.destinations)
            and (a.origins or a.destinations)
            and between.strip() == ","
        ):
            # "took a bus from A to B, passing through C": C is a stop on that journey
            a.vias, b.vias = [*a.vias, *b.vias], []
            continue
        if (
            b.motion.lemma == "return"
            and b.origins
            and not b.destinations
            and a.motion.frame == "leave"
            and a.origins
            and not a.destinations
            and a.index >= 2
            and {"who", "that"} & {x.lower for x in tokens[a.index - 3 : a.index]}
            and {"had", "have"} & {x.lower for x in tokens[a.index - 2 : a.index]}
        ):
            # "families who had left A in the drought returned from B": back to A
            b.destinations, a.origins = list(a.origins), []
            continue
        if a.index == 1 and tokens[0].lower == "having":
            # "Having left A in August, the family reached B": the opening participle's
            # clause ends at its comma, whatever time it names
            between = between.replace(",", " ")
        if (
            b.motion.noun
            and a.motion.movement_type != "travelled"
            and not (a.origins or a.vias or a.destinations)
            and (b.origins or b.destinations)
            and _ABOARD_AFTER.search(between)
            and "," not in between
        ):
            # "deported 90 men on a charter flight from A to B": the flight is the deportation
            b.motion = replace(b.motion, movement_type=a.motion.movement_type)
        if (
            tokens[b.index].text.endswith("ing")
            and tokens[b.index].text[:1].islower()
            and b.index > 0
            and tokens[b.index - 1].text == ","
        ):
            # "fled A in 2021, weeks after the rebels took the city, crossing into B": the
            # time clause tells when; the participle goes on with the flight
            between = movements.without_time_aside(between)
        if movements.join(a, b, between, modifier):
            b.motion = replace(b.motion, movement_type=a.motion.movement_type)
            b.word = a.word
            b.actor = a.actor or b.actor
            continue
        if movements.join_back(a, b, between):
            continue  # "arrived in B after a voyage from A"
        back = a.index + 1 < len(tokens) and tokens[a.index + 1].lower in ("back", "home")
        if movements.back_from(a, b, between, back):
            continue  # "returned to B after a trip to A"
        onward_verb = not b.motion.noun and _ONWARD.match(s_text, tokens[b.index].end) is not None
        unrooted = not a.origins
        if movements.chain(a, b, between, onward_verb):
            if unrooted and not (a.passive or b.passive) and _SAME_MOVER_ON.fullmatch(between):
                legs.append((a, b))  # (people taken to A and later flown to B: two legs)
            if (
                a.origins
                and b.origins == a.origins
                and movements.last_stop(a) in b.vias
                and _SAME_MOVER_ON.fullmatch(between)
            ):
                # "took a bus from A to B and then made his way to C": one journey A -> B -> C,
                # its first leg not told again
                a.destinations, a.vias = [], []
            continue
        _finer_departure(a, b, between)
    inference.return_from_stay(verbs, tokens)  # "returned from a visit to A"
    evacuation = any(mt.motion.movement_type == "evacuated" for mt in triggers)
    for mt in triggers:
        if not (mt.destinations or mt.vias) and mt.sent_home is not None:
            if _usable(mt.sent_home.toponym, [m.place for m in mt.origins]):
                mt.destinations, mt.destination_inferred = [mt.sent_home], True
        if not (mt.origins or mt.destinations or mt.vias) and _home_again(
            mt, tokens, s_text, state
        ):
            # "A Leeds man flew to A in May. He returned home in June": from A to where the
            # last journey set out
            assert state.destination is not None and state.came_from is not None
            mt.origins, mt.origin_inferred = [_as_mention(state.destination)], True
            mt.destinations, mt.destination_inferred = [_as_mention(state.came_from)], True
        if not (mt.destinations or mt.vias):
            home = _home_destination(mt, tokens, state)
            if home is not None:
                mt.destinations = [home]
                mt.destination_inferred = True
                mt.origins = [m for m in mt.origins if m is not home]
        if mt.origins and not (mt.destinations or mt.vias):
            destination = _implicit_destination(mt, tokens, state)
            if destination is not None:
                mt.destinations = [destination]
                mt.destination_inferred = True
            continue
        if mt.origins or not (mt.destinations or mt.vias):
            continue
        ends = [m.place for m in (*mt.destinations, *mt.vias)]
        # nor where the sentence later sends anyone ("taken to A before being flown to B"
        # did not start at B)
        ends += [
            m.place for later in triggers if later.index > mt.index for m in later.destinations
        ]
        origin = (
            None
            if _unknown_origin_told(tokens, mt.index)
            else _leg_before(mt, triggers, tokens, ends)
        )
        if origin is None and not _unknown_origin_told(tokens, mt.index):
            origin = _implicit_origin(mt, tokens, s_text, state, ends, evacuation)
        if origin is not None:
            mt.origins = [origin]
            mt.origin_inferred = True
        elif (
            mt.destinations
            and len(mt.vias) == 1
            and mt.word.lower().startswith(_MADE_IT)
            and _stop_told(tokens, mt.vias[0])
        ):
            # "She finally made it to B after a layover in C": a journey's end reached after
            # its troubles, whose start the sentence does not tell; its last leg is told, from
            # the stop (stated). (Not "arrived in B after a stopover in C", "were driven to B
            # with a stop in C": a whole journey whose start the report may give elsewhere.)
            mt.origins, mt.vias = list(mt.vias), []
        elif (
            mt.destinations
            and not mt.motion.noun
            and (mt.actor is None or mt.actor.lower() in ("he", "she", "they"))
        ):
            state.unrooted.append((quote.start, mt.motion.lemma, mt.destinations[0].toponym))
    inference.infer(triggers, tokens, s_text, quote.start, state)
    for a, b in legs:
        if not (a.destinations and a.origins and a.origin_inferred) or b.origin_inferred:
            continue
        stop = movements.last_stop(a)
        if b.origins == [stop]:
            # "The vessel sailed on to A and then docked in B" (the ship's home named before):
            # one journey from the inferred start through A to B, its first leg not told again
            b.origins, b.origin_inferred = list(a.origins), True
            b.vias = [*a.vias, stop, *b.vias]
            a.destinations, a.vias = [], []
            # (one movement told by two verbs has the first one's kind: "crossed into A
            # and reached B" is a crossing, GUIDELINE §2.3)
            b.motion = replace(b.motion, movement_type=a.motion.movement_type)
    for mt in triggers:
        if (
            mt.origins
            and not (mt.destinations or mt.vias)
            and (mt.motion.frame == "leave" or (mt.motion.frame == "go" and not mt.motion.noun))
        ):  # "The group left A on Monday.", "The convoy set off from A at dawn."
            if mt.status == "reported" and not mt.origin_inferred:
                state.tell(left=mt.origins[0].toponym)  # "The group left A on Monday."
        elif (
            mt.destinations
            and not mt.origins
            and not mt.motion.noun
            and mt.status == "reported"
            and (mt.motion.lemma in _ARRIVING_AT or mt.motion.lemma in _BROUGHT_TO)
        ):  # "The envoy arrived in A on Monday.", "police brought them ashore at A": where
            # a next leg may start
            state.tell(went=mt.destinations[-1].toponym)
    out: list[Movement] = []
    toponyms = state.background.toponyms if state.background is not None else ()

    def no_place(m: Mention) -> bool:
        # "returned to Earth"; "visited her at Mercy Memorial Hospital" (a word of the name
        # read as a village abroad), "taken to Ohio State University Hospital" (a state
        # that does not say which town holds it): no end of a journey
        if movements.celestial(m) or movements.names_institution(tokens, m):
            return True
        return movements.opens_institution(tokens, m) and (
            precision_rank(m.place) >= 2
            or incidents.lone_namesake(m.place, m.toponym.span.text, toponyms)
        )

    for mt in triggers:
        if movements.trade(mt.actor, mt.motion):
            continue  # "a ring that brought cigarettes from A to B": a trade, not a journey
        if movements.event_mover(mt.actor) or movements.no_mover(mt.actor):
            continue  # "the festival returns to X", "the storm moved to X": no one's journey
        mt.origins = [m for m in mt.origins if not no_place(m)]
        mt.vias = [m for m in mt.vias if not no_place(m)]
        mt.destinations = [m for m in mt.destinations if not no_place(m)]
        for path in movements.paths(mt, s_text):
            places: list[Place] = []
            for m in path.stops:
                if not places or places[-1].gazetteer_id != m.place.gazetteer_id:
                    places.append(m.place)
            if len(places) < 2 or _same_town(places[0], places[-1]):
                continue
            if contains(places[0], places[-1]):
                continue  # "from Texas to Houston": a move inside the place it left
            inferred = path.origin_inferred or path.destination_inferred
            if inferred and _one_town(places[0], places[-1]):
                continue  # an end taken from the story, in the same town as the other
            state.tell(went=path.stops[-1].toponym, came=path.stops[0].toponym)
            when = sentence_date()
            if when is None and mt.status != "planned":
                # "The next day, hundreds fled from A to B": counted from the day told before
                when = _counted_day(
                    _without_dateline_date(s_text),
                    tokens[mt.index].start,
                    document.published,
                    _precise(state.previous_when),
                )
            if _plan_overtaken(mt, tokens, when, document.published):
                continue
            kind = mt.motion.movement_type
            if mt.motion.lemma == "transfer" and movements.patient_transfer(tokens, mt.index):
                kind = "travelled"  # a patient moved between hospitals
            elif kind == "dispatched" and not inference.SAMPLES.isdisjoint(
                x.lower for x in tokens[max(0, mt.index - 10) : mt.index + 4]
            ):
                kind = "travelled"  # samples sent for tests: goods, no one deployed
            elif (
                kind == "dispatched"
                and mt.motion.lemma == "send"
                and mt.index + 1 < len(tokens)
                and tokens[mt.index + 1].lower == "back"
                and _FORCES.isdisjoint(x.lower for x in tokens)
            ):
                kind = "deported"  # "he is sent back to A on a government bus": removed
            elif _forced_return(mt, tokens):
                kind = "deported"  # "the agency returned 40 asylum seekers to A": removed
            elif kind == "travelled" and _units_sent(mt, tokens):
                kind = "dispatched"  # "two companies of police were rushed to A": sent
            elif kind == "travelled" and not _EVACUEES.isdisjoint(
                x.lower for x in tokens[max(0, mt.index - 8) : mt.index + 4]
            ):
                kind = "evacuated"  # "evacuees are brought by bus from A to B"
            elif kind == "travelled" and _carried_out_of_danger(mt, tokens):
                kind = "evacuated"  # "plucked 40 people from rooftops and flew them to A"
            out.append(
                Movement(
                    id=_event_id(document.id, quote.start, kind, places, when),
                    document_id=document.id,
                    movement_type=kind,
                    path=tuple(places),
                    quote=quote,
                    when=when,
                    actor=clauses.tidy_actor(mt.actor),
                    verb=mt.word,
                    confidence=(40 if inferred else 70 if when else 60)
                    - (10 if mt.status == "planned" else 0),
                    status=mt.status,
                    origin_inferred=path.origin_inferred
                    or path.stops[0].toponym.kind_hint == discourse.CAPITAL_HINT,
                    destination_inferred=path.destination_inferred
                    or path.stops[-1].toponym.kind_hint == discourse.CAPITAL_HINT,
                )
            )
    return out


#: A plan told in the past tense ("was scheduled to fly", "were due to travel").
_PAST_PLAN = frozenset("scheduled due supposed slated set meant booked".split())


def _plan_overtaken(
    mt: movements.MotionTrigger, tokens: list[Token], when: When | None, published: date | None
) -> bool:
    """True when the sentence tells a plan in the past tense for a day already gone at the
    report's date ("She was scheduled to fly from A to B last month"): no plan any more (the
    guideline's planned is in the future at the time of the article), and not told as done
    ("was to leave on Friday" may have gone ahead: only the planning words here)."""
    if mt.status != "planned" or when is None or published is None or when.end >= published:
        return False
    before = [t.lower for t in tokens[max(0, mt.index - 4) : mt.index]]
    if len(before) < 3 or before[-1] != "to" or before[-2] not in _PAST_PLAN:
        return False
    return before[-3] in ("was", "were") or (
        len(before) > 3 and before[-3] == "originally" and before[-4] in ("was", "were")
    )


_THEN = frozenset("later then subsequently afterwards eventually next".split())
#: Words that point back at people told before, as what a verb moves ("moved those
#: families", "bused them"): general English.
_BACK_AT = frozenset("those these them".split())


def _moves_those(tokens: list[Token], index: int) -> bool:
    """True when the object right after the motion verb at ``index`` points back at people
    told before ("moved about 250 of those families to B", "bused them to B"), before any
    place or preposition of place."""
    for t in tokens[index + 1 : index + 7]:
        if t.lower in _BACK_AT:
            return True
        if t.lower in ("to", "into", "from", "toward", "towards", ",", ";") or t.text[:1].isupper():
            return False
    return False


_ONWARD = re.compile(r"\s+(?:on to|onwards?|on from)\b", re.I)

#: The verbs of an onward leg with no motion of their own ("continued on to X").
_ONWARD_VERBS = ("continu", "press", "push")
_RELATIVE = frozenset("who whom which that".split())
#: Words of an arrival that a next sentence's departure may start from.
_ARRIVED_WORDS = frozenset("arrived landed visited reached docked".split())
#: Motion lemmas that put the mover at their place ("arrived in A", "visited A").
_ARRIVING_AT = frozenset("arrive land reach dock disembark visit tour".split())
# verbs of people brought somewhere by others: where they were brought a next leg may start
_BROUGHT_TO = frozenset("bring take".split())
#: Lemmas of coming in: a journey told by them ended where it says, not from the dateline.
_COMING_IN = frozenset("arrive arrival reach land dock enter influx immigrate".split())
# motion words whose mover may be taken to have left the dateline's town
_FROM_DATELINE = frozenset(("travelled", "dispatched", "deported"))


def _usable(t: Toponym | None, ends: list[Place]) -> bool:
    """True when ``t`` is a place that can stand as the other end of a movement to (or from)
    ``ends``: none of them, and neither inside nor around one."""
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


#: Words for people an incident hurt (general English).
_HURT = frozenset("injured wounded hurt casualties survivors".split())


def _hurt(actor: str | None) -> bool:
    """True when the mover is people an incident hurt ("four injured children", "the
    wounded", "survivors")."""
    return actor is not None and not _HURT.isdisjoint(w.lower() for w in actor.split())


def _carries_struck(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the verb of ``mt`` takes somewhere people an incident struck, named as its
    object ("rescuers shifted the injured to a hospital in X", "flew the survivors to X"):
    they set out from where the incident happened, not from where the rescuers came."""
    if mt.motion.noun or mt.motion.frame not in ("send", "go") or mt.passive:
        return False
    for t in tokens[mt.index + 1 : mt.index + 4]:
        if t.lower in _STRUCK or t.lower in _HURT:
            return True
        if t.lower not in ("the", "all", "some", "most", "two", "three", "four", "five"):
            return False
    return False


def _head(actor: str | None) -> str:
    return actor.split()[-1].lower() if actor else ""


def _leg_before(
    mt: movements.MotionTrigger,
    triggers: list[movements.MotionTrigger],
    tokens: list[Token],
    ends: list[Place],
) -> Mention | None:
    """Where a leg told in a "before ...ing" clause sets out from: the destination of the
    journey its sentence told just before ("will fly to A on Monday before returning to B",
    "travelled on to A, before heading to B"), not the report's town."""
    if mt.motion.noun or not tokens[mt.index].lower.endswith("ing"):
        return None
    if not any(t.lower == "before" for t in tokens[max(0, mt.index - 2) : mt.index]):
        return None
    told = [t for t in triggers if t.index < mt.index and t.destinations and t.status == mt.status]
    if not told:
        return None
    between = {t.lower for t in tokens[told[-1].index : mt.index]}
    if not between.isdisjoint(("where", "who", "which", "when", "while")):
        return None  # "sent to A, where she was due to study before moving on to B": a plan
    end = told[-1].destinations[-1]
    return end if all(end.place.gazetteer_id != p.gazetteer_id for p in ends) else None


_DATE_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split()
)


def _unknown_origin_told(tokens: list[Token], index: int) -> bool:
    """True when the sentence of the motion word at ``index`` names where the journey left
    from by a name the gazetteer does not know ("From Torkham, returnees were taken to B",
    "were driven from Kakuma to B"): the origin is told, so none is taken from the story."""

    def named_from(j: int) -> bool:
        return (
            tokens[j].lower == "from"
            and j + 1 < len(tokens)
            and tokens[j + 1].text[:1].isupper()
            and tokens[j + 1].text.isalpha()
            and tokens[j + 1].lower not in _DATE_NAMES
            and tokens[j + 1].lower not in STOPWORDS
        )

    if named_from(0) and any(t.text == "," for t in tokens[2:6]) and index > 2:
        return True  # ("From Monday, buses will ...": a day, not a place)
    return any(named_from(j) for j in range(index + 1, min(len(tokens), index + 4)))


def _implicit_origin(
    mt: movements.MotionTrigger,
    tokens: list[Token],
    s_text: str,
    state: discourse.Discourse,
    ends: list[Place],
    evacuation: bool = False,
) -> Mention | None:
    """Where a movement whose sentence gives no origin started, if the report says: the
    mover's stated home ("the Winnipeg-based team", "Alberta's premier", "a Dallas man");
    where the last movement went, for a journey that goes on ("He flew on to X"); where the
    incident just told happened, for the people it struck or emptied out ("The wounded were
    airlifted to X", "Residents were evacuated and drove to X"); the place the last sentence
    was about when this one continues its story ("They were later moved to X"); or the
    dateline's town."""

    def usable(t: Toponym | None) -> bool:
        return _usable(t, ends)

    homes = mt.homes
    opener = clauses.clause_start(tokens, mt.index) - 1
    if opener > 0 and tokens[opener].lower in ("who", "which") and tokens[opener - 1].text == ",":
        # "met the French president, who later flew to X": the one named last before the
        # relative clause is its mover
        told = [m for m in homes if m.first < opener]
        homes = sorted(told, key=lambda m: -m.toponym.span.start) + [
            m for m in homes if m not in told
        ]
    onward = _ONWARD.match(s_text, tokens[mt.index].end) is not None
    if onward and usable(state.destination):
        # "will travel on to X", "the Ruritanian envoy flies on to X": from where the last
        # movement went, not from the mover's home
        assert state.destination is not None
        return _as_mention(state.destination)
    if onward and not movements.new_topic(tokens) and (_ANAPHOR.match(s_text) or mt.actor is None):
        # "... flew to A, where he opened a fair. The fair drew 300 firms. He will travel on
        # to X": from where the last journey went, a sentence or two back (said of "he",
        # "they": the same traveller, not "before defectors are sent on to X")
        end = state.recent_journey_end()
        if usable(end):
            assert end is not None
            return _as_mention(end)
    if _sample_sent(mt, tokens) and not movements.new_topic(tokens):
        # "Samples were sent to A for tests": from where they were taken, the place the
        # story is about
        for place in (
            state.recent_story(),
            # (not a place someone came from, nor one of a list: "the patient had travelled
            # from A", "found in A, B and C"; nor then the report's town: no telling which)
            *(
                (state.previous if state.since == 0 else None, state.here)
                if state.since != 0 or state.previous_sure
                else ()
            ),
        ):
            # (not a region such as a union of states: no place a sample is taken)
            if usable(place) and place is not None and place.place is not None:
                if place.place.feature_type != "region":
                    return _as_mention(place)
    back = (
        _goes_back(mt, tokens)
        and mt.status in ("reported", "planned")
        and state.since == 0
        and "had" not in (t.lower for t in tokens[max(0, mt.index - 3) : mt.index])
    )
    if back and usable(state.destination):
        # "The crew were flown to A. They will fly back to B on Monday": back from where the
        # last sentence's journey took them
        assert state.destination is not None
        return _as_mention(state.destination)
    for m in homes:
        if usable(m.toponym):
            return m
    if (
        back
        # not "Prices fell in A. Investors came back to B"; "By the time he flew back to B"
        and (_told_mover(mt, s_text) or (mt.actor or "").lower() in _RIDERS)
        and usable(state.previous)
        and state.previous is not None
        and state.previous.place is not None
        and precision_rank(state.previous.place) <= 1
    ):
        # "Police stopped her near A on Friday. She drove back to B": from the town the last
        # sentence left the mover in
        return _as_mention(state.previous)
    if onward:
        if (
            mt.word.lower().startswith(_ONWARD_VERBS)
            and mt.status == "reported"
            and state.since == 0
            and usable(state.previous)
            and state.previous is not None
            and state.previous.place is not None
            and precision_rank(state.previous.place) == 0
        ):
            # "The ship docked at A. It then continued on to B": the town where the last
            # sentence left the mover (not a country it spoke of)
            return _as_mention(state.previous)
    if (
        mt.motion.frame == "leave"
        and not mt.motion.noun
        and mt.status in ("reported", "planned")
        and state.since == 0
        and usable(state.destination)
        and (_ANAPHOR.match(s_text) or mt.actor is None)
        and not movements.new_topic(tokens)
    ):
        # "The envoy arrived in A on Monday. On Wednesday she left for B": from where the
        # last sentence took the mover
        assert state.destination is not None
        return _as_mention(state.destination)
    if (
        state.departed is not None
        and usable(state.departed)
        and mt.status in ("reported", "planned")  # ("It is due to reach B on Friday")
        and not mt.motion.noun
        and mt.motion.frame in ("reach", "go")
        and (_ANAPHOR.match(s_text) or mt.actor is None)
    ):
        # "The group left A on Monday. They arrived in B two days later."
        return _as_mention(state.departed)
    # "Meanwhile, a coach was sent to X": a new story, not the one just told
    story = None if movements.new_topic(tokens) else state.recent_story()
    carries_struck = _carries_struck(mt, tokens)
    if story is None and not movements.new_topic(tokens) and (_hurt(mt.actor) or carries_struck):
        story = state.story  # "the injured were flown to X": from the incident told, however
        # many sentences back, when no other incident was told since
    if (
        usable(story)
        and not mt.motion.noun
        and (mt.passive or _head(mt.actor) in _STRUCK or evacuation or carries_struck)
    ):
        assert story is not None
        return _as_mention(story)
    scene = story or (None if movements.new_topic(tokens) else state.scene())
    if (
        scene is not None
        and scene.place is not None
        and not mt.motion.noun
        and mt.status == "reported"
        and (mt.passive or _head(mt.actor) in _STRUCK or carries_struck)
        and any(p.gazetteer_id == scene.place.gazetteer_id for p in ends)
    ):
        # "The truck was hauling fruit from A to B. (A crash near C.) Its driver was taken
        # to a hospital in C": taken where the incident was, no journey from B
        return None
    # the home the report gave the person named as the mover ("Jane Roe of X ... Roe flew
    # to Y"; "Israeli President John Doe ... Doe's visit to Y")
    # (named in the mover's own clause: not "Roe of X slept while the pilot flew to Y")
    own = movements.own_clause(tokens, mt.index)
    named = state.home_of([tok.text for tok in tokens[own : mt.index]])
    if named is None:
        # '"I will fly to Y next month," Roe said': the one who speaks is the mover
        named = state.home_of(_quoted_speaker(mt, tokens))
    if named is None and _pronoun_mover(mt, tokens):
        # "Jane Roe of X was fined. She drove to Y": the one person with a home the last
        # sentence named; else, in a report about one person whose home it gave ("the Leeds
        # native ...", "Roe, who grew up in X"), that person's journey
        last = state.last_named_home
        if last is not None and discourse.names_someone(s_text[: tokens[mt.index].start]):
            last = None  # this sentence names someone new: "Lena Brandt said she drove to Y"
        named = last or state.protagonist_home
    if named is None:
        named = state.group_home(mt.actor)  # "A Leeds band ... The band flew to Y"
    if named is None and mt.motion.movement_type == "travelled":
        # "President Roe flew to Y", "a trip by the head of state to Y": the country the
        # report is about, when it names the leader without one
        named = state.leader_home(
            mt.actor,
            [tok.text for tok in tokens[: mt.index]],
            s_text[tokens[mt.index].end :] if mt.motion.noun else "",
        )
    if usable(named):
        assert named is not None
        return _as_mention(named)
    before = [t.lower for t in tokens[max(0, mt.index - 4) : mt.index]]
    if (
        mt.passive
        and mt.status in ("reported", "planned")
        and not mt.motion.noun
        and state.since == 0
        and "had" not in before
        and _ANAPHOR.match(s_text)
        and usable(state.destination)
    ):
        # "They were flown from A to B on Monday. On Thursday they were flown to C": on from
        # where the last sentence's journey took them
        assert state.destination is not None
        return _as_mention(state.destination)
    if (
        not mt.passive
        and mt.status == "reported"
        and not mt.motion.noun
        and mt.motion.frame in ("send", "go")
        and state.since == 0
        and "had" not in before
        and _moves_those(tokens, mt.index)
    ):
        # "Some 400 families fled to A. On Tuesday officials moved 250 of those families by
        # lorry to B": those the last sentence took to A go on from there
        for place in (state.destination, state.previous):
            if usable(place):
                assert place is not None
                return _as_mention(place)
    if (
        mt.motion.movement_type == "crossed"
        and mt.status == "reported"
        and not mt.motion.noun
        and state.since == 0
        and "had" not in before
        and (mt.actor is None or _ANAPHOR.fullmatch(mt.actor.strip()) is not None)
        and usable(state.destination)
        and state.destination is not None
        and state.destination.place is not None
        and all(state.destination.place.country_code != p.country_code for p in ends)
    ):
        # "They took a bus to A. That night they crossed into B on foot": the crossing
        # set out from where the last sentence's journey ended, in another country
        return _as_mention(state.destination)
    continues = mt.passive or not _THEN.isdisjoint(before)
    if (
        (mt.status == "reported" or (mt.status == "planned" and mt.passive))
        and not mt.motion.noun
        and state.since == 0
        and continues
    ):
        # "They were later moved to X" (not "He had moved to X in 2010": background); "He
        # is held in A. He will be transferred to X": from where he is held
        # "His lawyer said he would be moved to X": an announced move told by a speaker
        spoken = _SAID_FIRST.sub("", s_text, count=1) if mt.status == "planned" else s_text
        if (
            "had" not in before
            and (_ANAPHOR.match(s_text) or _IT.match(s_text) or _ANAPHOR.match(spoken))
            and usable(state.previous)
        ):
            assert state.previous is not None
            return _as_mention(state.previous)
    if (
        mt.status == "reported"
        and not mt.motion.noun
        and mt.motion.lemma in _SETTLE_ELSEWHERE
        and state.since == 0
        and state.previous_sure
        and "had" not in before
        and _ANAPHOR.match(_YEAR_FIRST.sub("", s_text))
        and usable(state.previous)
        and state.previous is not None
        and state.previous.place is not None
        and state.previous.place.feature_type == "city"
    ):
        # "It was in A that she met her husband. They married in 1957 and moved to B", "In
        # 1964 the family relocated to B": a life story's next home, from the town the last
        # sentence set it in
        return _as_mention(state.previous)
    neighbour = _into_neighbour(mt, tokens, state)
    if neighbour is not None and usable(neighbour):
        # "Fighting spread across A. Thousands have fled to neighbouring B": from the country
        # the passage is about, which B borders
        return _as_mention(neighbour)
    if (
        (
            mt.motion.movement_type == "fled"
            # "The storm hit A. Residents were evacuated to B": they left the town told
            or (mt.motion.movement_type == "evacuated" and mt.motion.lemma == "evacuate")
        )
        and mt.status == "reported"
        and not mt.motion.noun
        and state.since == 0
        and "had" not in before
        and not movements.new_topic(tokens)
        and _LEFT_THE.search(s_text) is None  # ("fled the country": not the town told)
        and usable(state.previous)
        and state.previous_sure  # (not "had come from A", not one of "A, B and C")
        and state.previous is not None
        and state.previous.place is not None
        and precision_rank(state.previous.place) <= 1
    ):
        # "Shelling hit A on Sunday. Thousands of families fled to B.": people flee the
        # town the last sentence told of
        return _as_mention(state.previous)
    if (
        mt.motion.movement_type == "fled"
        and mt.status == "reported"
        and not mt.motion.noun
        and "had" not in before
        and not movements.new_topic(tokens)
        and _LEFT_THE.search(s_text) is None
        and state.struck is not None
        and state.struck.place is not None
        and precision_rank(state.struck.place) <= 1
        and usable(state.struck)
    ):
        # "Gunmen burned the village and killed five men. Most residents fled to B.": they
        # fled where the violence the last sentence told was, however it was placed
        return _as_mention(state.struck)
    home_bound = (
        mt.destination_inferred
        and mt.index + 1 < len(tokens)
        and tokens[mt.index + 1].lower == "home"
    )
    if (
        home_bound
        and mt.status == "reported"
        and state.since == 0
        and (_ANAPHOR.match(s_text) or state.group_home(mt.actor) is not None)
        and usable(state.previous)
        and state.previous is not None
        and state.previous.place is not None
        and precision_rank(state.previous.place) == 0
    ):
        # "A Leeds band played in Oslo on Friday. The band flew home on Saturday": home from
        # the town where the last sentence left them
        return _as_mention(state.previous)
    left = _left_the_place(mt, tokens, s_text, state)
    if left is not None and usable(left.toponym):
        return left
    dateline = state.dateline
    town = state.here  # the dateline's town, else the first town the report names
    if (
        "local" in (mt.actor or "").lower().split()
        and not mt.passive
        and town is not None
        and town.place is not None
        and town.place.feature_type == "city"
        and usable(town)
    ):
        # "LEEDS — Two local teenagers travelled to A": the locals are from the town the
        # report is filed from, or, with no dateline, the town it is about
        return _as_mention(town)
    opener = clauses.clause_start(tokens, mt.index) - 1
    if (
        mt.motion.movement_type in _FROM_DATELINE
        # an arrival says where it ended, not that it set out from where the report was
        # filed ("the package arrived in B"); nor does a visit told of someone in passing
        # ("the senator, who visited B last year, spoke")
        and mt.motion.lemma not in _COMING_IN
        and not (opener >= 0 and tokens[opener].lower in _RELATIVE)
        # a journey dated to a year is background, not known to start where the report is
        # filed now ("LEEDS — Her brother was resettled in B in 2022")
        and _IN_A_YEAR.search(s_text) is None
        and usable(dateline)
        and dateline is not None
        and dateline.place is not None
        and dateline.place.feature_type == "city"
        # a journey abroad is not known to start where the correspondent files from
        # ("NICOSIA — The ship was heading to Tartus", "NAIROBI — Fighters moved into X");
        # a dispatch or a deportation is, from where those who send are
        and (
            mt.motion.movement_type in ("deported", "dispatched")
            or all(
                m.place.country_code == dateline.place.country_code
                for m in (*mt.destinations, *mt.vias)
            )
        )
    ):
        return _as_mention(dateline)
    return None


#: A year the sentence dates its event to ("in 2022", "in 1998").
_IN_A_YEAR = re.compile(r"\bin (?:early |late |mid-)?(?:19|20)\d\d\b", re.I)


#: What is sent away to be examined: samples, evidence, a body (general English of health,
#: crime and disaster news).
_SAMPLES = frozenset(
    "sample samples specimen specimens swab swabs powder blood tissue carcass carcasses body "
    "bodies remains evidence".split()
)
#: Things sent that are only sent to be examined when the sentence says so ("the letter was
#: sent to A for tests"; not "sent a letter to A": a message).
_EXAMINED = frozenset("letter letters envelope envelopes package packages parcel parcels".split())


#: Verbs that send a thing away ("sent", "shipped", "flown", "transported").
_SENDING = frozenset("send ship fly transport dispatch".split())


def _sample_sent(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the journey at ``mt`` sends something away to be examined: the sent thing
    is a sample noun, the passive's subject ("the samples were sent to A") or the verb's
    object ("sent swabs to A", "sent the blood samples to A")."""
    if mt.motion.noun or mt.motion.lemma not in _SENDING:
        return False
    if mt.status != "reported":
        return False
    tested = any(t.lower in _TESTING for t in tokens[mt.index + 1 :])
    if mt.passive:
        head = _head(mt.actor)
        return head in _SAMPLES or (head in _EXAMINED and tested)
    after = [t.lower for t in tokens[mt.index + 1 : mt.index + 5]]
    for w in after:
        if w in _SAMPLES or (w in _EXAMINED and tested):
            return True
        if w in ("to", "for", "from", ",", "."):
            return False
    return False


#: Words of examining what was sent ("sent for analysis at A", "sent samples to be tested
#: in A"): general English.
_TESTING = frozenset(
    "test tests tested testing analysis analyses analysed analyzed examination examined "
    "autopsy post-mortem confirmation".split()
)


def _tested_at(tokens: list[Token], index: int, after: list[Mention]) -> list[Mention]:
    """The place "at" or "in" which what the verb at ``index`` sent is to be examined, a few
    words on ("flown to a lab for more tests in A", "shipped off to be analysed by a unit in
    A"): the first such place after a word of testing, in the verb's clause."""
    for m in after:
        if m.cue.role != "location" or m.first - index > 10:
            return []
        between = tokens[index + 1 : m.first]
        if any(t.text in (";", ":") or t.lower in clauses.SUBORDINATORS for t in between):
            return []
        if any(t.lower in _TESTING for t in between):
            return [m]
    return []


def _fled_trouble_in(tokens: list[Token], index: int, after: list[Mention]) -> Mention | None:
    """The place of the trouble a flight at ``index`` escaped ("fled fighting in A", "fled
    the violence in A", "escaping clashes around A"): where the flight started (the danger
    nouns of :data:`movements.DANGERS`, as :func:`movements.danger_left` reads them)."""
    for m in after:
        if m.first - index > 6 or m.cue.role not in ("location", "near"):
            return None
        words = [t.lower for t in tokens[index + 1 : m.first]]
        if (
            words
            and words[-1] in ("in", "around", "near", "across")
            and not movements.DANGERS.isdisjoint(words)
        ):
            if all(w.isalpha() or w == "-" for w in words):
                return replace(m, cue=Cue("origin", m.cue.governor))
        return None
    return None


#: Nouns of a ride or a journey that may be told as one back ("a flight back to B", "the
#: return trip to B").
_JOURNEY_NOUNS = frozenset(
    "flight flights trip journey voyage drive ride plane train bus coach ferry boat".split()
)
_RIDE_DETERMINERS = frozenset("a an the his her their its our my".split())
#: Pronouns of someone the last sentences told of, taking a ride back.
_RIDERS = frozenset("he she they".split())
#: Verbs of a ride taken ("boarded a flight back", "took the return trip").
_RIDE_VERBS = frozenset(
    "board boards boarded boarding take takes took taking catch catches caught catching "
    "make makes made making".split()
)


#: A ride or a leg told as one back ("his return flight to B", "a train back to B"), which
#: leaves from where the last sentence left its rider.
_RIDE_BACK = re.compile(
    r"\breturn (?:flights?|trip|journey|voyage|drive|ride)\b"
    r"|\b(?:flights?|trip|journey|plane|train|bus|coach|ferry|boat|ride) back\b",
    re.I,
)


#: Words after "a connecting flight" that put it at a stop on the way ("in C", "at C").
_AT_A_STOP = frozenset("in at through via".split())


#: A journey's end reached, told by the phrase "made it to B".
_MADE_IT = ("made it", "make it", "makes it", "making it")


def _stop_told(tokens: list[Token], via: Mention) -> bool:
    """True when the via was told as a stop ("a layover in C", "with a stopover at C"), not
    as a way through ("via C", "through C"): a stop a journey went on from."""
    return any(t.lower in VIA_WORDS for t in tokens[max(0, via.first - 4) : via.first])


def _goes_back(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the motion word tells a journey back: "flew back to B"; said of "he",
    "she", "they", a ride taken back ("boarded a flight back to B", "took the train back to
    B") or a return leg taken ("took a return flight to B", "made the return trip to
    B"); not "the return of refugees to B" (no ride), "will return to B" (coming home, not
    going back from where the last sentence left the mover), "dreams of a trip back to B"
    (no ride taken), nor "Investors booked return flights to B" (no one the last sentence
    told of)."""
    i = mt.index
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if not mt.motion.noun and nxt == "back":
        return True
    if not any(t.lower in _RIDERS for t in tokens[max(0, i - 6) : i]):
        return False

    def taken(k: int) -> bool:  # a ride verb at k, or at k - 1 before a determiner
        if k >= 0 and tokens[k].lower in _RIDE_DETERMINERS:
            k -= 1
        return k >= 0 and tokens[k].lower in _RIDE_VERBS

    word = tokens[i].lower
    if word == "return" and nxt in _JOURNEY_NOUNS:
        return taken(i - 1)
    if word in _JOURNEY_NOUNS:
        if i > 0 and tokens[i - 1].lower == "return":
            return taken(i - 2)
        return nxt == "back" and taken(i - 1)
    if mt.motion.noun or word not in _RIDE_VERBS:
        return False
    j = i + 1
    if j < len(tokens) and tokens[j].lower in _RIDE_DETERMINERS:
        j += 1
    told_return = j < len(tokens) and tokens[j].lower == "return"
    if told_return:
        j += 1
    return (
        j < len(tokens)
        and tokens[j].lower in _JOURNEY_NOUNS
        and (told_return or (j + 1 < len(tokens) and tokens[j + 1].lower == "back"))
    )


def _told_mover(mt: movements.MotionTrigger, s_text: str) -> bool:
    """True when the mover may be the one the last sentence told of: "she", "the men", none
    named, or a named person ("Ms. Roe"); not a new kind of mover opening the sentence
    ("The ship docked at A. Inspectors will travel on to B")."""
    if _ANAPHOR.match(s_text) or mt.actor is None:
        return True
    head = mt.actor.split()[-1]
    return head[:1].isupper() and not s_text.lstrip().startswith(head)


def _into_neighbour(
    mt: movements.MotionTrigger, tokens: list[Token], state: discourse.Discourse
) -> Toponym | None:
    """The country a journey "to neighbouring B" left: the country the last sentences were
    about (named itself, else the country of the town they told of), when B is another
    country."""
    if (
        mt.motion.noun
        or mt.motion.frame not in ("go", "leave", "send")
        or len(mt.destinations) != 1
    ):
        return None
    d = mt.destinations[0]
    if d.first < 1 or tokens[d.first - 1].lower not in ("neighbouring", "neighboring"):
        return None
    recent = state.previous if state.since < discourse.CARRY_SENTENCES else None
    if d.place.feature_type != "country" or recent is None or recent.place is None:
        return None
    if recent.place.country_code == d.place.country_code:
        return None
    went = state.destination if state.since == 0 else None
    if went is not None and went.place is not None:
        if went.place.country_code == recent.place.country_code:
            # "Thousands fled to A. Others fled to neighbouring B": A is where the last
            # journey ended, not where this one began; that one's start, if a country, is
            came = state.came_from
            if (
                came is not None
                and came.place is not None
                and came.place.feature_type == "country"
                and came.place.country_code != d.place.country_code
            ):
                return came
            return None
    if recent.place.feature_type == "country":
        return recent
    country = state.country  # the report's country, when the town lies in it
    if country is not None and country.place is not None:
        if country.place.country_code == recent.place.country_code:
            return country
    return None


#: A count standing for a noun the sentence gave before ("13", "four").
_NUMBER_ONLY = re.compile(
    r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)$"
)


def _left_the_place(
    mt: movements.MotionTrigger, tokens: list[Token], s_text: str, state: discourse.Discourse
) -> Mention | None:
    """The place a departure names again by its kind ("Fighting hit A on Monday. Thousands
    fled the city for B", "left the camp"): where the incident just told happened, else the
    last sentences' place, if it is of that kind."""
    if mt.motion.noun:
        return None
    left = _LEFT_THE.match(s_text, tokens[mt.index].start)
    if left is None:
        return None
    recent = state.recent_story() or (
        state.previous if state.since < discourse.CARRY_SENTENCES else None
    )
    if recent is None or recent.place is None:
        return None
    if recent.place.feature_type not in _KIND_FEATURES.get(left["kind"].lower(), ("city",)):
        return None
    return _as_mention(recent)


_QUOTES = frozenset(('"', "“", "”"))


def _quoted_speaker(mt: movements.MotionTrigger, tokens: list[Token]) -> list[str]:
    """The capitalised words that name whoever speaks a quote in which "I" or "we" make the
    journey ('"My wife and I will fly to Y," Roe said', '"We leave for Y," said Jane Roe');
    none when the mover is not the speaker or no speaker follows the quote."""
    if mt.motion.noun or mt.actor is not None:
        return []
    j = mt.index - 1
    while j >= 0 and (
        tokens[j].lower in clauses.AUXILIARIES or clauses.verb_adverb(tokens[j].lower)
    ):
        j -= 1
    if j < 0 or tokens[j].lower not in ("i", "we"):
        return []
    if sum(t.text in _QUOTES for t in tokens[: mt.index]) % 2 == 0:
        return []  # not inside a quote
    close = next((k for k in range(mt.index + 1, len(tokens)) if tokens[k].text in _QUOTES), None)
    if close is None:
        return []
    after = tokens[close + 1 : close + 5]
    if not any(t.lower in SPEECH_VERBS for t in after[:3]):
        return []
    return [t.text for t in after if t.text[:1].isupper()]


def _pronoun_mover(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when "he" or "she" makes a journey of their own ("he moved to Y", "his move to
    Y"), which may be the protagonist's, or sends someone from where they are ("He
    dispatched his foreign minister to Y")."""
    if mt.motion.movement_type not in ("travelled", "dispatched"):
        return False
    if mt.motion.noun:
        return mt.index > 0 and tokens[mt.index - 1].lower in ("his", "her")
    if mt.actor is None:
        # "he resigned and decided to move to Y": the subject of the verbs before
        said = {t.lower for t in tokens[: mt.index]}
        return not said.isdisjoint(("he", "she")) and said.isdisjoint(("they", "we", "i"))
    return mt.actor.lower() in ("he", "she")


# journeys back to where the mover is from ("returned from A", "troops withdrew from A")
#: Verbs that make an expulsion a campaign that goes on rather than one act.
_GOES_ON = frozenset("continue continues continued continuing keep keeps kept".split())
_BACK_HOME = frozenset(("return", "withdraw", "retreat", "recall"))


def _home_again(
    mt: movements.MotionTrigger, tokens: list[Token], s_text: str, state: discourse.Discourse
) -> bool:
    """True when the journey at ``mt`` goes "home" or "back home" by "he", "she", "they" or
    the mover the last sentence told of, the sentence right after a journey told from one
    place to another: it is that journey's way back."""
    if mt.motion.noun or mt.status not in ("reported", "planned") or state.since != 0:
        return False
    nxt = [t.lower for t in tokens[mt.index + 1 : mt.index + 3]]
    if not (nxt[:1] == ["home"] or nxt == ["back", "home"]):
        return False
    if not (_ANAPHOR.match(s_text) or (mt.actor is None and _pronoun_mover_word(tokens, mt))):
        return False
    a, b = state.destination, state.came_from
    return (
        a is not None
        and b is not None
        and a.place is not None
        and b.place is not None
        and a.place.gazetteer_id != b.place.gazetteer_id
    )


def _pronoun_mover_word(tokens: list[Token], mt: movements.MotionTrigger) -> bool:
    """True when "he", "she" or "they" stands right before the motion word (auxiliaries and
    adverbs aside)."""
    j = mt.index - 1
    while j >= 0 and (
        tokens[j].lower in clauses.AUXILIARIES or clauses.verb_adverb(tokens[j].lower)
    ):
        j -= 1
    return j >= 0 and tokens[j].lower in ("he", "she", "they")


def _told_whither(tokens: list[Token], index: int) -> bool:
    """True when the clause of the motion word at ``index`` tells where it went by a phrase
    no place was read in ("pulled back to the east bank", "withdrew towards the hills"):
    "to" or "towards" after it, before the clause ends."""
    rest = tokens[index + 1 : index + 12]
    for k, t in enumerate(rest):
        if t.text in (",", ";", ".") or t.lower in _SCOPE_END:
            return False
        if t.lower in ("towards", "toward", "into") or (
            t.lower == "to" and k + 1 < len(rest) and rest[k + 1].lower in _WHITHER_OPENERS
        ):
            return True  # (not "to reposition": what for)
    return False


_WHITHER_OPENERS = frozenset("the a an its their his her new positions bases areas".split())


def _home_destination(
    mt: movements.MotionTrigger, tokens: list[Token], state: discourse.Discourse
) -> Mention | None:
    """The mover's home, for a journey "home" ("Roe flew home from Madrid", "the Leeds band
    returned home") or a return or withdrawal from somewhere ("Roe returned from Madrid",
    "Israeli troops withdrew from A"): the home the sentence or the report gives the mover."""
    if mt.motion.noun or mt.index + 1 >= len(tokens):
        return None
    if tokens[mt.index + 1].lower != "home" and not (mt.motion.lemma in _BACK_HOME and mt.origins):
        return None
    if tokens[mt.index + 1].lower != "home" and _told_whither(tokens, mt.index):
        return None  # "withdrew from A to the east bank of the river": not home, somewhere told
    told_from = [m for m in mt.origins if m.last < mt.index]
    if tokens[mt.index + 1].lower == "home" and told_from:
        # "a family from A who were returning home (from B)": where they are from is the
        # home they went back to, not where the journey started
        return told_from[-1]
    home = mt.homes[0].toponym if mt.homes else None
    if home is None:
        home = state.home_of([tok.text for tok in tokens[: mt.index]])
    if home is None:
        home = state.group_home(mt.actor)  # "An Italian band ... The band returned home"
    ends = [m.place for m in mt.origins]
    return _as_mention(home) if home is not None and _usable(home, ends) else None


def _same_place(a: Toponym | None, b: Toponym | None) -> bool:
    """True when both toponyms resolve to one gazetteer place."""
    return (
        a is not None
        and b is not None
        and a.place is not None
        and b.place is not None
        and a.place.gazetteer_id == b.place.gazetteer_id
    )


#: Who the sentence before brought in, taken up again as the subject: "They", "Most",
#: "Many of them", "She" (not "The vessel had left A": another mover, or the same told anew).
_THOSE_WHO_CAME = re.compile(r"(?:they|he|she|most|many|all|some|several)\b(?! of the\b)", re.I)


def _past_perfect(tokens: list[Token], index: int) -> bool:
    """True when the verb at ``index`` is in the past perfect ("had left", "had all set
    sail"): "had" right before it or one adverb or quantifier before that."""
    before = [t.lower for t in tokens[max(0, index - 3) : index]]
    return before[-1:] == ["had"] or (len(before) >= 2 and before[-2] == "had")


def _implicit_destination(
    mt: movements.MotionTrigger, tokens: list[Token], state: discourse.Discourse
) -> Mention | None:
    """Where a movement whose sentence gives no destination went, if the report says: the
    town the report is from for "here", for visitors and for a named person who came ("moved
    here from A", "a couple visiting from A", "Roe, who came from A for the service"); the
    dateline's town for an arrival from elsewhere in a datelined report ("ROME — The
    delegation arrived from A", "flew in from A"); help sent to where the incident just told
    happened ("Firefighters were sent from A to help", "rescuers were flown in from A")."""
    ends = [m.place for m in mt.origins]
    following = [t.lower for t in tokens[mt.index + 1 : mt.index + 3]]
    person = bool(mt.actor) and mt.actor.split()[-1][:1].isupper()  # type: ignore[union-attr]
    if (
        "here" in following
        or (mt.motion.lemma == "visit" and following[:1] == ["from"])
        or (mt.motion.lemma == "come" and person and following[:1] == ["from"])
    ):
        # "moved here from A", "came back here": the town the report is from
        here = state.here
        return _as_mention(here) if here is not None and _usable(here, ends) else None
    if (
        mt.motion.frame in ("leave", "go")
        and mt.status == "reported"
        and _past_perfect(tokens, mt.index)
        and state.destination is not None
        and _usable(state.destination, ends)
        and _THOSE_WHO_CAME.match(" ".join(t.lower for t in tokens[:4])) is not None
        and "to" not in (t.lower for t in tokens[mt.index + 1 :])
    ):
        # "120 migrants landed on B overnight. Most had set sail from A three days earlier":
        # a departure told in the past perfect after an arrival, by those who arrived and
        # with no end of its own ("to the border"), is where that arrival began
        return _as_mention(state.destination)
    if _to_the_scene(tokens, mt.index):
        # "dispatched two investigators from A to the site": where the incident told last
        # happened, however many sentences ago
        scene = state.scene()
        if scene is not None and scene.place is not None and _usable(scene, ends):
            return _as_mention(scene)
    told_now = state.told_now
    if (
        _arrived_from(mt, tokens)
        and mt.status == "reported"
        and told_now is not None
        and told_now.place is not None
        and told_now.place.feature_type == "city"
        and _usable(told_now, ends)
    ):
        # "police arrested two men in B after finding drugs in a van that had arrived on a
        # ferry from A", "detained her at B's airport after she arrived on a flight from A":
        # the arrival ended where the sentence's incident happened
        return _as_mention(told_now)
    story_here = state.recent_story()
    if (mt.motion.lemma in _BACK_HERE or following[:1] == ["in"]) and (
        story_here is None or _same_place(story_here, state.dateline)
    ):  # (an incident told at the dateline's town is no other place to have arrived at)
        here = state.here if state.dateline is not None else None
        if here is not None and _usable(here, ends) and not mt.motion.noun:
            return _as_mention(here)
    dateline = state.dateline
    if (
        mt.motion.movement_type == "deported"
        and not mt.motion.noun
        and mt.status is not None
        and dateline is not None
        and dateline.place is not None
        and dateline.place.feature_type == "city"
        and mt.origins
        and all(m.place.country_code != dateline.place.country_code for m in mt.origins)
        and _usable(dateline, ends)
    ):
        # "DULUTH, Minn. — A man who was extradited from Canada last fall ...": brought from
        # abroad to where the report is filed (and he is tried)
        return _as_mention(dateline)
    story = None if movements.new_topic(tokens) else state.recent_story()
    if (
        story is None
        and mt.motion.movement_type == "dispatched"
        and not mt.motion.noun
        and mt.status is not None
        and _same_place(state.scene(), state.dateline)
        and state.dateline is not None
        and state.dateline.place is not None
        and state.dateline.place.feature_type == "city"
        and _usable(state.dateline, ends)
    ):
        # "SULPHUR, La. — An explosion at a plant ... (four paragraphs on) The board is
        # sending investigators from Washington": the report's one scene, at its dateline
        return _as_mention(state.dateline)
    if story is None and (_help_sent(mt, tokens) or _for_help(mt, tokens)):
        # "ROME — Rescue teams were sent from A to help": no event told, the help went to
        # where the report is filed from
        dateline = state.dateline
        if (
            dateline is not None
            and dateline.place is not None
            and dateline.place.feature_type == "city"
            and _usable(dateline, ends)
        ):
            return _as_mention(dateline)
    if story is None or mt.motion.noun or mt.status is None:
        return None
    if not _usable(story, ends):
        return None
    nxt = tokens[mt.index + 1].lower if mt.index + 1 < len(tokens) else ""
    if (
        mt.motion.movement_type == "dispatched"
        or _for_help(mt, tokens)
        or (
            (nxt == "in" or (nxt in _UP_FROM and _head(mt.actor) in _HELP))
            and (mt.passive or _head(mt.actor) in _HELP or story is state.told_now)
        )
    ):
        # ("the ministers met in B after flying in from A": the event this sentence told;
        # "volunteers who had driven up from A": to where the story is)
        return _as_mention(story)
    return None


def _arrived_from(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when ``mt`` tells an arrival by its origin only: an arrival verb right before
    "on", "aboard", "from" or "by" ("arrived on a ferry from A", "landed from A"), or the
    journey noun such an arrival was made on ("arrived on a flight from A")."""
    i = mt.index
    if not mt.motion.noun:
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return mt.motion.lemma in _ARRIVING and nxt in ("on", "aboard", "from", "by")
    for j in range(i - 1, max(-1, i - 5), -1):
        w = tokens[j].lower
        if w in ("on", "aboard", "by"):
            return (
                j > 0
                and MOTION_WORDS.get(tokens[j - 1].lower) is not None
                and (MOTION_WORDS[tokens[j - 1].lower].lemma in _ARRIVING)
            )
        if not tokens[j].text[:1].islower():
            return False
    return False


def _to_the_scene(tokens: list[Token], i: int) -> bool:
    """True when the motion word at ``i`` goes "to the site" or "to the scene" (within a few
    words, in its clause): the place of the event the report told."""
    lowered = [t.lower for t in tokens[i + 1 : i + 12]]
    for k, w in enumerate(lowered[:-2]):
        if w in (".", ";", "and", "but"):
            return False
        if w == "to" and lowered[k + 1] == "the" and lowered[k + 2] in _SCENE_NOUNS:
            return True
    return False


#: Motion verbs that end where the report is filed when only their origin is told
#: ("ROME — The delegation arrived from A", "ROME — The premier returned on Sunday from A").
_BACK_HERE = frozenset(("arrive", "return"))
#: Motion lemmas of an arrival told with its origin only ("arrived on a ferry from A").
_ARRIVING = frozenset(("arrive", "land"))
#: Adverbs of coming to where the story is ("rescuers drove up from A", "came over from A").
_UP_FROM = frozenset("up down over across".split())
#: Verbs of help after "to" that say what a dispatch was for ("sent from A to help").
_HELPING = frozenset("help assist support join reinforce".split())


def _for_help(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when a journey told by its origin only says it was made to help or join those
    where the story is ("supporters came by bus from A to join the protest", "crews flew a
    helicopter from A to help search"): a verb of going, reported, with that purpose."""
    if mt.motion.noun or mt.status != "reported" or mt.motion.movement_type != "travelled":
        return False
    after = tokens[mt.index + 1 : mt.index + 12]
    for a, b in zip(after, after[1:], strict=False):
        if a.lower in _HELP_CLAUSE_ENDS or (a.lower == "and" and b.text[:1].islower()):
            return False  # (not "from A and B to join": the places are joined)
        if a.lower in ("in", "at", "into"):
            return False  # "buses from A arrived in the city to join": its end was told
        if a.lower == "to" and b.lower in _HELPING:
            return True
    return False


#: Words that end the clause of a journey before its purpose could be told.
_HELP_CLAUSE_ENDS = frozenset(";  but after before when while where who which".split())


def _help_sent(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the dispatch at ``mt`` is of help, told by its purpose ("teams were sent
    from A and B to help", "deployed from A to assist")."""
    if mt.motion.movement_type != "dispatched" or mt.motion.noun or mt.status is None:
        return False
    after = [t.lower for t in tokens[mt.index + 1 : mt.index + 12]]
    return any(w == "to" and nxt in _HELPING for w, nxt in zip(after, after[1:], strict=False))


#: Incident types that tell no story a later sentence continues (movements of their own).
_NOT_A_STORY = frozenset(
    ("movement of forces", "flight/defection", "deportation", "border crossing", "movement")
)
#: People an incident struck, whom a later sentence moves ("the wounded were flown to X").
_STRUCK = frozenset(
    "injured wounded victim victims survivor survivors patient patients passengers passenger "
    "evacuees residents casualties driver drivers rider riders pilot crew suspect suspects "
    "families children".split()
)
#: Help sent to where an incident happened ("rescuers were flown in from X").
_HELP = frozenset(
    "rescuers firefighters crews crew troops soldiers police officers teams team "
    "reinforcements doctors medics volunteers engineers experts investigators helicopters "
    "planes aid workers".split()
)


#: Nouns of a person named after a home ("a Dayton man", "Akron teen").
_HOME_PERSONS = _PERSONS | frozenset("teen teens couple native natives youth".split())


def _placed_by_home(inc: Incident) -> bool:
    """True when an incident's place is only the home its actor is named after ("Dayton man
    arrested": Dayton): the actor phrase is the place's name and a person noun."""
    words = (inc.actor1 or "").split()
    return (
        len(words) >= 2
        and words[-1].lower() in _HOME_PERSONS
        and " ".join(words[:-1]).lower().endswith(inc.place.name.lower())
    )


def _merge_incidents(
    found: list[tuple[Incident, bool]], distinct: Sequence[Incident] = ()
) -> list[Incident]:
    """One incident per event: the same type at the same place, on compatible dates, is
    reported once (the body's report before the headline's), unless the report tells one
    as another event (``distinct``: the incidents told as "an earlier accident", "a
    second shooting")."""
    body = [i for i, h in found if not h]
    # "Dayton man arrested" over a report of the arrest in another town: the headline's
    # place is the man's home, and the body tells the event where it happened
    found = [
        (i, h)
        for i, h in found
        if not (
            h
            and _placed_by_home(i)
            and any(b.event_type == i.event_type and b.status == i.status for b in body)
        )
    ]
    ordered = [i for i, h in found if not h] + [i for i, h in found if h]
    headlines = {id(i) for i, h in found if h}
    out: list[Incident] = []
    for inc in ordered:
        k = next(
            (
                k
                for k, o in enumerate(out)
                if o.event_type == inc.event_type
                # (a march called for a day to come is not the march told as held in
                # another sentence; a headline's "talks set for A" tells no tense)
                and (
                    (o.status == "planned") == (inc.status == "planned")
                    or id(inc) in headlines
                    or o.quote == inc.quote
                )
                and (
                    not (any(d is o or d is inc for d in distinct) and o.quote != inc.quote)
                    or _summary_then_day(o, inc)
                )
                and (
                    o.place.gazetteer_id == inc.place.gazetteer_id
                    or (_one_town(o.place, inc.place) and not _two_towns(o, inc))
                )
                and (
                    o.when is None
                    or inc.when is None
                    or _same_dates(o.when, inc.when)
                    or _summary_then_day(o, inc)
                    or (
                        inc.place_inferred
                        and _dated_elsewhere(inc)
                        and not _dates_another_event(inc, ordered)
                    )
                )
            ),
            None,
        )
        if k is None:
            out.append(inc)
        elif (
            out[k].when is None
            and inc.when is not None
            and (out[k].status == "planned") == (inc.status == "planned")
        ):
            # "the shooting on Elm Street" after "a shooting in Dayton": one event, dated
            # by whichever telling gives its date (a march called for Thursday does not date
            # the marches told as held)
            out[k] = replace(out[k], when=inc.when)
        elif _summary_then_day(out[k], inc):
            out[k] = replace(out[k], when=inc.when)  # the day the detail gives
    # a crash the report then tells as vehicles striking each other ("died in a road
    # accident in A ... failed to yield and collided with a van") is one collision
    out = _crash_told_as_collision(out)
    # a headline's "blast in Abkhazia" is the body's blast in a village there: the finer
    # place; so is a state or province the body names again for an event of the same kind in
    # one of its towns ("a strike in a town of Ohio ... the strike in Ohio"); a country may
    # be told of apart ("disappeared in Shenyang" and "also disappeared in China" are two),
    # but not in the same sentence ("a bomb killed 20 in Baghdad, the fifth attack in Iraq")
    # a death told in the headline ("Woman killed in Dover") that the report puts down to an
    # accident at that place ("her car crashed into a tree in Dover") is the accident's toll
    out = [
        inc
        for inc in out
        if not (
            inc.event_type == "attack"
            and inc.sub_event_type == "killing"
            and any(
                o.event_type in _ACCIDENTS
                and (
                    o.place.gazetteer_id == inc.place.gazetteer_id or _one_town(o.place, inc.place)
                )
                and (o.when is None or inc.when is None or _dates_meet(o.when, inc.when))
                for o in out
            )
        )
    ]
    # a fire that a strike at the same place set off, told with it or right after it ("a
    # drone hit a depot, starting a fire"; "A missile struck A. A fire broke out in a block.")
    # is the strike's, as an explosion that starts a fire is one explosion
    out = [
        inc
        for inc in out
        if not (
            inc.event_type == "fire"
            and any(
                o.event_type == "attack"
                and o.quote.start <= inc.quote.start <= o.quote.end + _FIRE_AFTER_STRIKE
                and (
                    o.place.gazetteer_id == inc.place.gazetteer_id or _one_town(o.place, inc.place)
                )
                and o.when is not None
                and inc.when is not None
                and _same_dates(o.when, inc.when)
                for o in out
            )
        )
    ]
    # an event a sentence tells without a place, of a kind the report placed before, is that
    # event told again ("A man was shot in A on Friday. ... He was shot twice, police said."):
    # the place carried from the sentences around is only a guess, the earlier one was said
    told = [o for o in out if not o.place_inferred]
    dated: dict[int, When] = {}  # a told event's date, from its telling again
    kept_out: list[Incident] = []
    for inc in out:
        same = (
            next(
                (
                    o
                    for o in told
                    if o.event_type == inc.event_type
                    and o.quote.start <= inc.quote.start  # or its own sentence placed it
                    and o.status == inc.status
                    and not contains(o.place, inc.place)  # ("in Ohio" after "in Dayton")
                    and (o.when is None or inc.when is None or _dates_meet(o.when, inc.when))
                ),
                None,
            )
            if inc.place_inferred and not any(d is inc for d in distinct)
            else None
        )
        if same is None:
            kept_out.append(inc)
        elif same.when is None and inc.when is not None:
            # "Fire damages Leeds house" then "Fire damaged a house on Elm Street tonight":
            # the event told first is dated by its telling again
            dated.setdefault(id(same), inc.when)
    out = [replace(inc, when=dated[id(inc)]) if id(inc) in dated else inc for inc in kept_out]
    heads = {id(i) for i, h in found if h}

    def finer(inc: Incident) -> Incident | None:
        """The incident at a place inside ``inc``'s that tells the same event, if any."""
        return next(
            (
                o
                for o in out
                if o.event_type == inc.event_type
                and contains(inc.place, o.place)
                and (
                    (
                        (o.when is None or inc.when is None or _dates_meet(o.when, inc.when))
                        and (
                            id(inc) in heads
                            or inc.place.feature_type == "admin1"
                            or o.quote.start == inc.quote.start
                        )
                    )
                    or (
                        inc.place.feature_type == "country"
                        and inc.event_type not in _NOT_A_STORY
                        and not _told_apart(inc)
                    )
                )
            ),
            None,
        )

    kept: list[Incident] = []
    dated_by_coarser: dict[int, When] = {}
    for inc in out:
        o = finer(inc)
        if o is None:
            kept.append(inc)
        elif o.when is None and inc.when is not None:
            # "Gunmen killed five in A state on Sunday. They stormed the village of B": the
            # event kept at the finer place takes the day the coarser telling gave
            dated_by_coarser.setdefault(id(o), inc.when)
    kept = [
        replace(inc, when=dated_by_coarser[id(inc)]) if id(inc) in dated_by_coarser else inc
        for inc in kept
    ]
    return sorted(kept, key=lambda i: i.quote.start)


#: What stands between two legs told of one mover as one journey: "to A and then made his
#: way to B" (not "to A, and some were later flown on to B": a part of them went on).
_SAME_MOVER_ON = re.compile(
    r"\s*,?\s*and (?:then |later |afterwards )?(?:on [A-Z]\w+(?: \d{1,2})?,? )?", re.I
)
#: Nouns of armed people that name an attack only when they do nothing else told.
_ARMED_MEN = frozenset("gunmen gunman".split())
#: Who is posted, not removed, when "sent back": "troops were sent back to the front".
#: Motion verbs that, in the passive and said of units, tell that someone sent them ("were
#: rushed to A", "were moved to A", "were flown in from A").
_SENT_PASSIVE = frozenset("rush move fly airlift bus truck ferry".split())
#: The head words of units an authority sends (the passive of a verb of
#: :data:`_SENT_PASSIVE` said of them is a dispatch): general English.
_UNITS = frozenset(
    "troops soldiers police policemen personnel companies platoons battalions battalion "
    "units unit commandos paramilitaries reinforcements firefighters rescuers team teams "
    "contingent contingents".split()
)


def _units_sent(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the motion verb of ``mt`` is one of :data:`_SENT_PASSIVE` in the passive
    ("were rushed", "had been moved") and its mover is a unit of :data:`_UNITS` ("two
    companies of the reserve police", "troops"), not hurt ones: dispatched by an authority."""
    if mt.motion.noun or mt.motion.lemma not in _SENT_PASSIVE or mt.index < 1:
        return False
    j = mt.index - 1
    while j > 0 and tokens[j].lower in ("also", "quickly", "immediately", "later", "then"):
        j -= 1
    if tokens[j].lower not in ("was", "were", "been", "being"):
        return False
    words = {w.lower().strip(".,") for w in (mt.actor or "").split()}
    if not _HURT.isdisjoint(x.lower for x in tokens[max(0, mt.index - 6) : mt.index + 6]):
        return False  # "three soldiers wounded were flown to A": patients, not a unit sent
    return not _UNITS.isdisjoint(words)


_FORCES = frozenset(
    "troops soldiers forces police officers units battalion battalions firefighters staff "
    "crews teams workers doctors medics envoy ambassador diplomats".split()
)
#: People an authority removes when it "returns" them ("returned 40 asylum seekers to A",
#: "migrants were returned to A"); not refugees, whose returns are as often their own.
_REMOVED = frozenset("asylum asylum-seekers migrant migrants deportees immigrants".split())
#: What may stand between "returned" and the people it removes ("returned some 40 failed").
_REMOVED_GAP = frozenset(
    "the a an some about nearly almost over more than of failed illegal".split()
)
_HOW_MANY = frozenset(
    "two three four five six seven eight nine ten dozens hundreds thousands".split()
)


def _forced_return(mt: movements.MotionTrigger, tokens: list[Token]) -> bool:
    """True when the return at ``mt`` is someone's removal of people by an authority: the
    verb acts on them ("the agency returned 40 asylum seekers to A") or they are its passive
    subject ("migrants were returned to A"), not "asylum seekers returned home"."""
    if mt.motion.lemma != "return" or mt.motion.noun:
        return False
    i = mt.index
    if mt.passive or (i > 0 and tokens[i - 1].lower in ("were", "was", "been", "being")):
        before = {t.lower for t in tokens[max(0, i - 6) : i]}
        return not _REMOVED.isdisjoint(before)
    for t in tokens[i + 1 : i + 6]:
        if t.lower in _REMOVED:
            return True
        if not (
            t.lower in _REMOVED_GAP or t.lower.replace(",", "").isdigit() or t.lower in _HOW_MANY
        ):
            return False
    return False


#: Who is moved out of danger when they travel: "a train carrying evacuees from A".
_EVACUEES = frozenset("evacuee evacuees".split())
#: verbs that carry people somewhere (GUIDELINE §2.3: "airlifted out of a disaster area" is an
#: evacuation); "fly" only with what it carries ("flew them to A", "were flown to A")
_CARRYING = frozenset("airlift ferry fly take carry bus truck shuttle transport medevac".split())
#: words saying the people carried were caught in danger: stranded, trapped, on rooftops
_IN_DANGER = frozenset(
    "stranded trapped marooned rooftop rooftops floodwaters floodwater submerged".split()
)
_CARRIED = frozenset("them him her us people residents villagers families survivors".split())


def _carried_out_of_danger(mt: movements.MotionTrigger, tokens: Sequence[Token]) -> bool:
    """True when a carrying verb moves people caught in danger ("plucked 40 people from
    rooftops and flew them to A", "stranded villagers were ferried to A"): an evacuation
    (GUIDELINE §2.3). Not patients taken to hospital, not people flying themselves."""
    if mt.motion.lemma not in _CARRYING:
        return False
    window = [x.lower for x in tokens[max(0, mt.index - 12) : mt.index + 8]]
    if _IN_DANGER.isdisjoint(window) or "hospital" in window or "hospitals" in window:
        return False
    if mt.motion.lemma == "fly":
        nxt = tokens[mt.index + 1].lower if mt.index + 1 < len(tokens) else ""
        return mt.passive or nxt in _CARRIED
    return True


#: A relative clause after an event noun that says it never took place.
_NEVER_HAPPENED = re.compile(
    r"[^.;!?]{0,80}?,? (?:which|that) (?:did not|didn't|never|has not|hasn't|had not) "
    r"(?:happen|happened|take place|took place|taken place|materiali[sz]ed?|go ahead|went "
    r"ahead)\b",
    re.I,
)
#: A report said to be false around an event word: "reports of a robbery at A are false",
#: "the army rejects claims that troops burned houses".
_FALSE_REPORT = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|allegations?)\b(?P<told>[^.;!?]{0,100}?)\b(?:are|were|is|"
    r"was) (?:false|untrue|baseless|unfounded|fake|fabricated)\b",
    re.I,
)
_DENIED_CLAIM = re.compile(
    r"\b(?:rejects?|rejected|denies|denied|dismisse[sd]|refutes?|refuted)\b (?:the |all |these "
    r"|those )?(?:claims?|reports?|allegations?|rumou?rs?) that\b(?P<told>[^.;!?]{0,100})",
    re.I,
)


def _denied_report(sentence: str, pos: int) -> bool:
    """True when the event word at offset ``pos`` is inside a report the sentence calls false
    or a claim it rejects (general English of denials)."""
    return any(
        m.start("told") <= pos < m.end("told")
        for rx in (_FALSE_REPORT, _DENIED_CLAIM)
        for m in rx.finditer(sentence)
    )


#: Arrest verbs after "stormed" that make the storming a raid to arrest, not an attack.
_RAID_ARRESTS = frozenset("arrested detained apprehended".split())
#: How far after a strike's sentence (characters) a fire at its place is the strike's.
_FIRE_AFTER_STRIKE = 200
# words that tell an event as one besides those told before: "others also disappeared in X"
_APART = frozenset("other others also another separate".split())


#: How far apart (characters) an undated crash and a collision may be told to be one event:
#: a few sentences ("killed in an accident near A. ... had failed to yield and collided with
#: a van"), not a past crash told further down ("In March another driver died near A").
_RETOLD_NEAR = 600


def _crash_told_as_collision(out: list[Incident]) -> list[Incident]:
    """``out`` where a crash and a collision at one place, on dates that meet (or, one of them
    undated, told within :data:`_RETOLD_NEAR` characters), are one collision, told where the
    crash was first told (its sentence and date)."""
    merged: set[int] = set()
    result: list[Incident] = []
    for inc in out:
        if inc.event_type != "crash":
            result.append(inc)
            continue
        other = next(
            (
                o
                for o in out
                if o.event_type == "collision"
                and id(o) not in merged
                and o.status == inc.status
                and (
                    o.place.gazetteer_id == inc.place.gazetteer_id or _one_town(o.place, inc.place)
                )
                and (
                    _dates_meet(o.when, inc.when)
                    if o.when is not None and inc.when is not None
                    else abs(o.quote.start - inc.quote.start) <= _RETOLD_NEAR
                )
            ),
            None,
        )
        if other is None:
            result.append(inc)
            continue
        merged.add(id(other))
        result.append(
            replace(
                inc,
                event_type="collision",
                sub_event_type=other.sub_event_type,
                when=inc.when or other.when,
            )
        )
    return [i for i in result if id(i) not in merged]


def _told_apart(inc: Incident) -> bool:
    """True when the sentence of ``inc`` tells it as an event besides others ("a number of
    other agents have also disappeared in China"): a country may then be its place beside a
    town's event of the same kind. Otherwise a country is no place for an event when the
    report puts one of its kind in a town of that country (guideline: the town, never the
    country mentioned nearby)."""
    words = _WORDS_AND_NUMBERS.findall(inc.quote.text.lower())
    return any(
        w in _APART
        # ("killed two and injured 55 others": the toll's other people, no other event)
        and not (w in ("other", "others") and k and _TOLL_COUNT.match(words[k - 1]))
        for k, w in enumerate(words)
    )


_WORDS_AND_NUMBERS = re.compile(r"[a-z]+|\d[\d,]*")
#: A count before "other(s)": "55 others were hurt", "two other people", "several others".
_TOLL_COUNT = re.compile(
    r"^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|"
    r"hundreds|thousands|scores|several|many|few|dozen)$"
)


_ANOTHER = frozenset("another earlier second third separate later new".split())
_ACCIDENTS = frozenset(
    "crash collision derailment fire explosion flood earthquake landslide".split()
)


def _dates_another_event(inc: Incident, found: Sequence[Incident]) -> bool:
    """True when the date ``inc`` carried from an earlier sentence is that sentence's own
    event's, of another kind ("In April, unions held a protest in A. Three of them were
    detained."): the arrests are of that day, not a retelling of an earlier arrest."""
    told = inc.when.text if inc.when is not None else None
    if not told:
        return False
    return any(
        o.event_type != inc.event_type
        and o.when is not None
        and o.when.text == told
        and told in o.quote.text
        for o in found
    )


def _dated_elsewhere(inc: Incident) -> bool:
    """True when an incident's date is not told in its own sentence but carried from the
    one before, like its place ("A gunman killed six in A on Sunday. … An orderly said he
    stormed a ward."): a guess that does not make an event of the same kind in the
    same town another one."""
    told = inc.when.text if inc.when is not None and inc.when.text else ""
    return bool(told) and told not in inc.quote.text


#: The longest span of days a summary of events may give and still be told again day by day.
_SUMMARY_DAYS = 14


def _summary_then_day(o: Incident, inc: Incident) -> bool:
    """True when ``o`` is told first over a span of a few days ("between 4 and 10 June,
    attacks on villages around A") and ``inc``, at the same place, later on one day of it
    ("a second attack was reported near A on 7 June"): the summary's event told in detail,
    one event."""
    a, b = o.when, inc.when
    return (
        a is not None
        and b is not None
        and o.place.gazetteer_id == inc.place.gazetteer_id
        and o.quote.start < inc.quote.start
        and a.start < a.end
        and (a.end - a.start).days <= _SUMMARY_DAYS
        and b.start == b.end
        and a.start <= b.start <= a.end
    )


def _same_dates(a: When, b: When) -> bool:
    """True when two dates are the same days, however each was written."""
    return (a.start, a.end) == (b.start, b.end)


def _dates_meet(a: When, b: When) -> bool:
    """True when two dates are one, or one span holds the other ("Thursday", "this month")."""
    return (
        a == b or (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    )


def _two_towns(a: Incident, b: Incident) -> bool:
    """True when one sentence puts its event in two towns it names apart ("evacuated A and
    B"): two places, not a street and the town around it."""
    return (
        a.quote.start == b.quote.start
        and a.place.feature_type == b.place.feature_type == "city"
        and not a.place_inferred
        and not b.place_inferred
    )


def _within(inner: Place, outer: Place) -> bool:
    """True when ``inner`` is ``outer`` or lies inside it."""
    return inner.gazetteer_id == outer.gazetteer_id or contains(outer, inner)


def _merge_movements(found: list[tuple[Movement, bool]]) -> list[Movement]:
    """One movement per journey: the same path reported twice (headline and body, or two
    sentences) is kept once."""

    def guessed(m: Movement) -> bool:
        return m.origin_inferred or m.destination_inferred

    # what the body states first, then what it infers, then the headline's
    ordered = sorted(found, key=lambda mh: (mh[1], guessed(mh[0])))
    out: list[Movement] = []
    for mv, headline in ordered:
        ends = (mv.path[0].gazetteer_id, mv.path[-1].gazetteer_id)
        if any(
            (o.path[0].gazetteer_id, o.path[-1].gazetteer_id) == ends
            and (o.when is None or mv.when is None or o.when == mv.when)
            for o in out
        ):
            continue
        if (headline or guessed(mv)) and any(
            _within(o.path[0], mv.path[0]) and _within(o.path[-1], mv.path[-1]) for o in out
        ):
            continue  # "A expels Ruritanian diplomats" told again as "from B to C": once
        if mv.origin_inferred and any(
            o.path[-1].gazetteer_id == mv.path[-1].gazetteer_id and _within(mv.path[0], o.path[0])
            for o in out
        ):
            continue  # a stated journey told again, its origin guessed inside its own: once
        out.append(mv)
    # "will be jetting off to Ruritania" then "will fly out to its capital": one trip from
    # one town, the finer destination told later
    out = [
        o
        for o in out
        if not any(
            m is not o
            and m.movement_type == o.movement_type
            and m.status == o.status
            and len(m.path) == len(o.path) == 2
            and precision_rank(o.path[0]) <= 1
            and (
                m.path[0].gazetteer_id == o.path[0].gazetteer_id or _one_town(m.path[0], o.path[0])
            )
            and contains(o.path[-1], m.path[-1])
            for m in out
        )
    ]
    return sorted(out, key=lambda m: m.quote.start)
