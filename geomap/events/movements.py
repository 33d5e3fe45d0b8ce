"""Movements from the motion words of a sentence and the roles of the places around them.

One motion word reports one movement per origin and destination ("from A and B to C" is two),
through its stops ("with a layover in V", "to A and then on to B"). Two motion words of one
mover join up ("fled A and reached B", "families fleeing A arrived in B"). An endpoint the
sentence does not state may come from the report around it, and is flagged as inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geomap.events.clauses import AUXILIARIES, Token, lexical_verb, verb_adverb
from geomap.events.dates import MONTHS, WEEKDAYS
from geomap.events.roles import Cue, Mention, contains, drop_containers
from geomap.events.triggers import NOT_BY_PEOPLE, Motion
from geomap.model import Toponym

_ONWARD = re.compile(
    r"\b(?:later|then|finally|eventually|onward|onwards|on to|before continuing|continued)\b",
    re.I,
)
# what may stand between two motion words of one journey: a few words, no clause mark but
# the comma before a participle ("left A on Friday, heading to B")
_JOIN = re.compile(r"^[\s,]*(?:[\w’'-]+\s*){0,6},?\s*$", re.I)
#: The end of what stands between two motion verbs of one subject, the second coordinated
#: with its auxiliaries only ("will travel to A on Friday to open a park, and is scheduled
#: to return to B"): no new subject, so the return sets out from A. General English.
_SAME_SUBJECT_AFTER = re.compile(
    r",?\s+and\s+(?:(?:is|are|was|were|will|would|be|then|later|also|expected|scheduled|set|"
    r"due|plans|plan|planned|to)\s+)*$",
    re.I,
)
#: Words that put what follows before what they follow ("returned to A after a tour in B").
_EARLIER = re.compile(r"\b(?:after|following)\b", re.I)
#: Conjunctions that set what follows against what came before: another clause, not the next
#: leg of the journey before ("flew into A, but flights to B stopped"): general English.
_CONTRAST = re.compile(r"\b(?:but|yet|although|though|whereas|while)\b", re.I)


#: Words near a journey noun that make it a price or a comparison, not a trip someone made
#: ("costs more than a flight to X", "flights from A to B cost"): general English.
_GENERIC_TRIP = frozenset(
    "cost costs costing price prices priced fare fares cheaper ticket tickets than per demand "
    "bookings".split()
)
_HOME_ROLES = ("possessive", "home", "person-home")
_TAKEN_OUT = frozenset(("rescue", "evacuate", "airlift"))

#: Businesses and schemes that carry goods or people as their trade: what they carry from A
#: to B is a trade flow or a habit, not one journey ("a ring that brought cigarettes from A
#: to B", "the company trucked fish from A to B"): general English.
ENTERPRISES = frozenset(
    "ring rings operation operations network networks cartel cartels syndicate syndicates "
    "company companies firm firms business businesses airline airlines carrier carriers "
    "enterprise scheme schemes trade".split()
)


def trade(actor: str | None, motion: Motion) -> bool:
    """True when a business or scheme (``ENTERPRISES``) carries something ("shipped",
    "smuggled", "trucked"; a company that moves is still a journey)."""
    if motion.movement_type != "travelled" or motion.frame != "send" or not actor:
        return False
    return actor.split()[-1].lower() in ENTERPRISES


#: Events that come back to a town each year or move between venues: what "returns to X"
#: or "comes to X" is the event held there again, not a journey someone made ("the festival
#: returns to Dover in May", "the championship heads to Leeds"): general English.
EVENTS = frozenset(
    "festival festivals fair fairs championship championships tournament tournaments series "
    "race races rally show shows exhibition exhibitions exhibit expo conference conferences "
    "convention conventions games olympics marathon competition contest event events "
    "carnival rodeo gala concert concerts season league cup derby regatta game games match "
    "matches final finals semifinal semifinals summit summits talks negotiations meeting "
    "meetings".split()
)


def event_mover(actor: str | None) -> bool:
    """True when the mover is an event (``EVENTS``) rather than people or what people
    carry: "the fair returns to X" holds the fair there again, nobody travels."""
    return bool(actor) and str(actor).split()[-1].lower().strip(".,") in EVENTS


#: What moves without being a traveller or something people carry (guideline §2: not
#: weather, animals, nor a matter that "moves to" another body): "the storm moved from A
#: toward B", "the bill now moves to the Senate in X", "the case was sent to a court in X".
NOT_MOVERS = NOT_BY_PEOPLE | frozenset(
    "weather front system rain snow smoke plume ash cloud clouds water bill bills legislation "
    "measure measures proposal proposals case cases lawsuit lawsuits appeal appeals debate "
    "debates discussion discussions issue issues matter matters question focus attention "
    "spotlight money prices market markets economy rumor rumors rumour rumours dispute "
    "animal animals dog dogs bird birds geese goose flock herd whale whales bear bears wolf "
    "wolves deer jobs production investment capital trade contract contracts award awards "
    "prize prizes grant grants funds funding title votes dollars power control authority "
    "momentum influence story stories news word".split()
)
#: A disease that spreads is no traveller either: "the infection is said to have come from A";
#: nor is livestock moved between farms (guideline §2: not animals).
NOT_MOVERS |= frozenset(
    "epidemic epidemics pandemic infection infections strain strains parasite parasites "
    "pathogen pathogens bacteria bacterium germ germs flu influenza plague contagion "
    "livestock cattle cow cows calves sheep lambs pig pigs hogs poultry chickens hens ducks "
    "goats".split()
)


_TRAILING_ADVERBS = frozenset("now then also later again still finally".split())


def no_mover(actor: str | None) -> bool:
    """True when the mover is weather, an animal or a matter (``NOT_MOVERS``)."""
    words = [w.lower().strip(".,") for w in (actor or "").split()]
    while words and words[-1] in _TRAILING_ADVERBS:
        words.pop()
    return bool(words) and words[-1] in NOT_MOVERS


_OBJECT_OPENERS = frozenset("the a an its their his her our some more all".split())


def moves_no_mover(lowered: list[str], i: int) -> bool:
    """True when what the verb at ``i`` moves is no traveller nor anything carried on a
    journey (``NOT_MOVERS``): "will move 200 jobs to X", "moved the debate to X", "sent
    money to X"; not "arrived in the capital", where a place, not an object, follows."""
    if i + 1 < len(lowered) and lowered[i + 1] in ("at", "to", "into", "onto", "on"):
        return False
    if i + 2 < len(lowered) and lowered[i + 1] == "in" and lowered[i + 2] in ("the", "a"):
        return False
    for w in lowered[i + 1 : i + 8]:
        if w in _OBJECT_OPENERS or not w[:1].isalpha() or w in ("in", "of"):
            continue  # "the", "200", "$", "5,000", "in": what stands before the object
        return w in NOT_MOVERS
    return False


#: What someone goes back to that is an activity, not a place: "returned to the stage in
#: X", "returns to work", "return to power" (general English).
ACTIVITIES = frozenset(
    "stage screen ring court field pitch ice track office power work action play politics "
    "form normal studio air spotlight game sport racing competition training business "
    "service duty classes".split()
)
_POSSESSIVE_OR_ARTICLE = frozenset("the a his her their its our my".split())


def returns_to_activity(lowered: list[str], i: int) -> bool:
    """True when the return at token ``i`` goes back to an activity ("returned to the stage
    in X", "returns to work"): no journey."""
    if i + 2 >= len(lowered) or lowered[i + 1] != "to" or not lowered[i].startswith("return"):
        return False
    j = i + 2
    if lowered[j] in _POSSESSIVE_OR_ARTICLE:
        j += 1
    return j < len(lowered) and lowered[j] in ACTIVITIES


#: Bodies of the sky that a gazetteer knows as small towns ("Earth" of Texas): never where a
#: journey on this planet starts or ends ("returned to Earth", "flew to the Moon").
CELESTIAL = frozenset("earth moon mars venus jupiter saturn space orbit".split())
#: Words that end an institution's proper name ("Mercy Memorial Hospital", "Ohio State
#: University Medical Center"): general English.
INSTITUTIONS = frozenset(
    "hospital hospitals clinic infirmary hospice center centre university college school "
    "academy institute prison penitentiary jail church cathedral stadium arena".split()
)


def celestial(m: Mention) -> bool:
    """True when mention ``m`` names a body of the sky, not a place on the ground."""
    return m.toponym.span.text.lower() in CELESTIAL


def opens_institution(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` is the first word of a capitalised institution's name ("Mercy
    Memorial Hospital", "Ohio State University Medical Center"): up to five
    capitalised words after it, one of them an ``INSTITUTIONS`` word."""
    return institution_end(tokens, m) is not None


def institution_end(tokens: list[Token], m: Mention) -> int | None:
    """The token index of the ``INSTITUTIONS`` word closing the capitalised name mention
    ``m`` opens (:func:`opens_institution`), or None: the last one of the name ("Ardo
    University Medical Center" ends at "Center")."""
    if m.last < 0:
        return None
    end = None
    for j in range(m.last + 1, min(len(tokens), m.last + 6)):
        t = tokens[j]
        if not t.text[:1].isupper():
            break
        if t.lower in INSTITUTIONS:
            end = j
    return end


_IN_OR_AT = frozenset(("in", "at"))


def names_institution(tokens: list[Token], m: Mention) -> bool:
    """True when mention ``m`` opens an institution's name whose town follows it
    ("Christiana Hospital in Newark": Newark is the end, not Christiana)."""
    end = institution_end(tokens, m)
    if end is None:
        return False
    return end + 2 < len(tokens) and tokens[end + 1].lower in _IN_OR_AT


#: Words that open a clause of its own: a home told before one of them, with the motion word
#: after it, is someone else's ("won at his home track near A, which hosts the race again
#: when the series returns to B"): general English.
_OWN_CLAUSE = frozenset(
    "when while because although though whereas unless until since whether ;".split()
)


#: Verbs of saying: a name before one is the speaker, not the mover of the clause after it
#: ("Roe said her son moved to X").
_SAYING = frozenset("said says told added explained recalled".split())


def across_clause(tokens: list[Token], start: int, index: int) -> bool:
    """True when a clause of its own opens between sentence offset ``start`` (where a home
    is told) and the motion word at token ``index``: a subordinator, or a verb of saying
    whose clause names its mover by other than a subject pronoun ("the Russian minister
    said Syrian refugees moved to X"; not "Roe said she moved to X", where she is Roe)."""
    for j, t in enumerate(tokens[:index]):
        if t.start <= start:
            continue
        if t.lower in _OWN_CLAUSE:
            if (
                t.lower in _WHEN
                and _pronoun_subject(tokens, j + 1, index)
                and not _plural_after(tokens, start)
                and not _posted(tokens, start, j)
            ):
                continue  # "the U.S. envoy met them when she visited X": she is the envoy
            return True
        if t.lower in ("and", "but") and _named_subject_after(tokens, j + 1, index):
            return True  # "A expelled four Ruritanian envoys, and B has expelled two"
        if t.lower in _SAYING and _SUBJECT_PRONOUNS.isdisjoint(
            u.lower for u in tokens[j + 1 : index]
        ):
            return True
    return False


_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())


#: Subordinators of time whose clause may go on with the main clause's subject as "he" or
#: "she" ("Roe met the envoy when she visited X").
_WHEN = frozenset("when while after before".split())


def _pronoun_subject(tokens: list[Token], j: int, index: int) -> bool:
    """True when token ``j`` is "he" or "she" and only auxiliaries and adverbs stand between
    it and the motion word at ``index``: the clause's mover is that pronoun."""
    if j >= index or tokens[j].lower not in ("he", "she"):
        return False
    return all(t.lower in AUXILIARIES or verb_adverb(t.lower) for t in tokens[j + 1 : index])


def _posted(tokens: list[Token], start: int, j: int) -> bool:
    """True when the subject told after sentence offset ``start`` is placed by a name of its
    own before token ``j`` ("the Ruritanian envoy in A said ... when she visited B", "the
    U.S. consul to A"): where that one was is no home to start from."""
    words = [t for t in tokens[:j] if t.start >= start]
    return any(
        a.lower in ("in", "to", "at")
        and b.text[:1].isupper()
        and b.lower not in MONTHS  # ("met them in March when she visited B")
        and b.lower not in WEEKDAYS
        for a, b in zip(words, words[1:], strict=False)
    )


def _plural_after(tokens: list[Token], start: int) -> bool:
    """True when the word right after sentence offset ``start`` (a home's end) is a plural
    noun ("French tourists"), whom "he" or "she" cannot stand for."""
    nxt = next((t for t in tokens if t.start >= start), None)
    if nxt is None:
        return False
    w = nxt.lower
    return w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3


def _named_subject_after(tokens: list[Token], j: int, index: int) -> bool:
    """True when a name of up to three capitalised words at token ``j`` is followed by an
    auxiliary or by the motion word at ``index``: the subject of a coordinated clause of its
    own ("..., and Sweden has expelled", "and the U.S. sent")."""
    k = j
    if k < index and tokens[k].lower == "the":
        k += 1
    n = 0
    while k < index and n < 3 and (tokens[k].text[:1].isupper() or tokens[k].text == "."):
        k += 1
        n += 1
    return n > 0 and k <= index and (k == index or tokens[k].lower in AUXILIARIES)


#: Past forms without -ed that may follow a vehicle's journey as its sentence's main verb
#: ("a lorry heading from A to B overturned", "a ferry sailing from A to B sank"): general
#: English.
_MAIN_PAST = frozenset("fell sank hit struck ran went came caught broke crashed".split())


def participle_end(tokens: list[Token], index: int, mentions: list[Mention]) -> int | None:
    """The token where the main verb of the sentence follows the places of a motion
    participle at ``index`` that modifies a noun ("a bus travelling from A to B plunged into
    a gorge near C": "plunged" opens what the bus did, and C is no end of its journey), or
    None when the motion word is no such participle or no past verb follows one of its
    places."""
    word = tokens[index].lower
    if not word.endswith("ing") or index == 0:
        return None
    before = tokens[index - 1]
    if before.lower in AUXILIARIES or not before.text[:1].isalpha():
        return None  # "was travelling from A", "..., travelling from A": not a modifier
    for m in mentions:
        if m.first <= index or m.last + 1 >= len(tokens):
            continue
        nxt = tokens[m.last + 1]
        if nxt.text[:1].islower() and (
            (nxt.lower.endswith("ed") and len(nxt.lower) > 4) or nxt.lower in _MAIN_PAST
        ):
            return m.last + 1
    return None


def drop_observers(trigger: MotionTrigger, tokens: list[Token]) -> None:
    """Leave out origins taken from where someone before the motion word was ("families in
    A fled to B") when a verb of another subject stands between ("monitors at A counted
    groups crossing into B": A is where the monitors were, not where the groups set out).
    A sender's place stays ("officials in A said they had sent B to C")."""
    if trigger.motion.frame not in ("go", "leave", "cross"):
        return
    trigger.origins = [
        m
        for m in trigger.origins
        if not (
            m.cue.role == "location"
            and m.last < trigger.index
            and any(lexical_verb(t) for t in tokens[m.last + 1 : trigger.index])
        )
    ]


def own_clause(tokens: list[Token], index: int) -> int:
    """The first token after the last word that opens a clause of its own, or a verb of
    saying, before the motion word at ``index`` (0 when none does): where its mover may be
    named."""
    return next(
        (
            j + 1
            for j in range(index - 1, -1, -1)
            if tokens[j].lower in _OWN_CLAUSE or tokens[j].lower in _SAYING
        ),
        0,
    )


#: The mover's standing told after the motion word, before the country they stand for
#: ("visiting A as the personal envoy of the Chinese premier", "travelled to A as a
#: delegate of Kenya"): general English.
REPRESENTING = re.compile(
    r"\bas\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:envoys?|representatives?|emissary|emissaries|delegates?|ambassadors?)"
    r"\s+of\s+(?:the\s+)?",
    re.I,
)


def represented(sentence: str, after: int) -> int | None:
    """The sentence offset of the country or people the mover stands for, told after offset
    ``after`` in the mover's clause ("... as the envoy of the Chinese president"), or None."""
    m = REPRESENTING.search(sentence, after)
    if m is None or re.search(r"[;:.!?]", sentence[after : m.start()]):
        return None
    return m.end()


#: Words that open a sentence about something else than the story just told ("Meanwhile,
#: a coach was sent to X"): general English.
NEW_TOPIC = re.compile(
    r"^(?:meanwhile|separately|elsewhere|in other news|in (?:a|an) (?:separate|unrelated) "
    r"(?:incident|case|development))\b"
)


def new_topic(tokens: list[Token]) -> bool:
    """True when the sentence of ``tokens`` opens on another story (``NEW_TOPIC``)."""
    words = [t.lower for t in tokens[:6] if t.text[:1].isalnum()]
    return NEW_TOPIC.match(" ".join(words)) is not None


#: Past forms of motion verbs that do not end in -ed (for :func:`bare`).
_IRREGULAR_PAST = frozenset(
    "flew flown fled drove driven went gone came left took taken rode ridden sent brought "
    "withdrew withdrawn swam swum".split()
)


def bare(word: str) -> bool:
    """True when a lower-cased motion verb may be its bare form ("travel", "fly"), not a
    past or a participle."""
    return not word.endswith(("ed", "ing")) and word not in _IRREGULAR_PAST


def not_taken(lowered: list[str], i: int, noun: bool) -> bool:
    """True when the motion word at ``i`` reports no journey made: one done "instead of", or
    a journey noun priced or compared ("than a flight to X", "flights to X cost")."""
    if i >= 2 and lowered[i - 2] == "instead" and lowered[i - 1] == "of":
        return True
    if not noun:
        return False
    return not _GENERIC_TRIP.isdisjoint(lowered[max(0, i - 3) : i + 9])


#: Where patients are taken: a transfer there moves a patient, it dispatches no one
#: ("transferred to a hospital in X"): general English.
_CARE = frozenset("hospital hospitals clinic infirmary medical trauma hospice".split())
#: Movers a transfer takes for care ("eight patients were transferred by helicopter").
_CARED_FOR = frozenset("patient patients injured wounded casualties".split())


def patient_transfer(tokens: list[Token], index: int) -> bool:
    """True when the transfer at token ``index`` takes someone to hospital or another place
    of care ("was later transferred to X General Hospital"): a journey, not a dispatch."""
    return any(t.lower in _CARE for t in tokens[index + 1 : index + 9]) or any(
        t.lower in _CARED_FOR for t in tokens[max(0, index - 12) : index]
    )


def agent_homes(
    tokens: list[Token], index: int, after: list[Mention], titled: list[Toponym], offset: int
) -> list[Mention]:
    """The homes named in the "by ..." phrase right after a journey noun at token ``index``
    ("a visit by Peru's foreign minister to X", "a trip by a Kenyan delegation to X"), up to
    the first place with a role of its own; ``titled`` are the report's titled demonyms and
    ``offset`` the sentence's offset in the report."""
    if index + 1 >= len(tokens) or tokens[index + 1].lower != "by":
        return []
    out: list[Mention] = []
    end = tokens[-1].end
    for m in after:
        if m.cue.role in _HOME_ROLES or (m.cue.role == "none" and m.first <= index + 4):
            out.append(m)
        else:
            end = m.start
            break
    lo = tokens[index].end
    return out + [
        Mention(t, -1, -1, -1, -1, Cue("person-home", -1))
        for t in titled
        if lo <= t.span.start - offset < end
    ]


@dataclass(slots=True)
class MotionTrigger:
    """A motion word in a sentence and what it found around it."""

    index: int  # token
    word: str
    motion: Motion
    status: str
    passive: bool
    actor: str | None
    origins: list[Mention] = field(default_factory=list)
    vias: list[Mention] = field(default_factory=list)
    destinations: list[Mention] = field(default_factory=list)
    homes: list[Mention] = field(default_factory=list)  # the mover's stated home
    sent_home: Mention | None = None  # the country of those expelled or deported
    origin_inferred: bool = False
    destination_inferred: bool = False


@dataclass(frozen=True, slots=True)
class Path:
    """One movement as mentions, before it becomes a :class:`~geomap.model.Movement`."""

    trigger: MotionTrigger
    stops: tuple[Mention, ...]
    origin_inferred: bool
    destination_inferred: bool


def _crossing_point(m: Mention, after: list[Mention]) -> Mention:
    """The town a destination names right after it with "at", inside it ("crossed into A at
    B", "entered A at B": B, the finer end), else the destination ``m`` itself."""
    for n in after:
        if (
            n.first > m.last
            and n.cue.role in ("location", "purpose")
            and n.cue.governor == m.last + 1
            and contains(m.place, n.place)
        ):
            return n
    return m


def assign(trigger: MotionTrigger, after: list[Mention], before: list[Mention]) -> None:
    """Fill a trigger's endpoints from the mentions after it (up to the next trigger) and the
    ones before it in its clause."""
    frame = trigger.motion.frame
    for m in after:
        role = m.cue.role
        if role == "none" and m.cue.governor == trigger.index and not trigger.motion.noun:
            # the place right after the verb: "fled Kabul", "entered Syria", "crossed Honduras"
            if frame == "leave" or (frame == "send" and trigger.motion.lemma == "evacuate"):
                role = "origin"
            elif frame == "reach":
                role = "destination"
            elif frame == "cross":
                role = "via"
        if role == "home" and frame == "leave" and m.first - trigger.index <= 4:
            role = "origin"  # "fled their homes in X"
        elif role == "home" and trigger.motion.lemma == "dock" and m.first - trigger.index <= 2:
            role = "destination"  # "the ship docked in X": where it came in
        elif (
            role in ("location", "near")
            and trigger.motion.lemma in _TAKEN_OUT
            and not trigger.motion.noun
            and (
                m.first - trigger.index <= (7 if role == "near" else 4)
                or (m is after[0] and m.first - trigger.index <= 8)
            )
        ):
            # "rescued near A and flown to B", "rescued off the coast of A" (a "near" phrase
            # runs longer), "rescued 300 people stranded on rooftops in A" (the first place
            # after the verb, the rescued told between): where they were taken from
            role = "origin"
        elif (
            role == "near"
            and frame == "leave"
            and not trigger.motion.noun
            and m.cue.governor <= trigger.index
            and m.first - trigger.index <= 5
        ):
            role = "origin"  # "fled villages around A", "left a camp near A": what they left
        elif trigger.motion.lemma == "board" and role in ("location", "purpose"):
            role = "origin"  # "boarded a train to A in B"
        if role == "origin":
            trigger.origins.append(m)
        elif role == "destination":
            trigger.destinations.append(m)
        elif role == "via":
            trigger.vias.append(m)
    trigger.destinations = [_crossing_point(m, after) for m in trigger.destinations]
    if (
        not (trigger.destinations or trigger.origins)
        and trigger.motion.noun
        and trigger.motion.lemma != "route"  # "the A-B route was closed": a line, no trip
    ):
        pair = [m for m in before if trigger.index - 3 <= m.last < trigger.index]
        if (
            len(pair) == 2
            and pair[1].last == trigger.index - 1
            and 0 < pair[1].start - pair[0].end <= 3
        ):
            # "the Kabul-Doha flight", "the Lyon – Turin journey": from the first to the second
            trigger.origins, trigger.destinations = [pair[0]], [pair[1]]
            return
    if not trigger.destinations and trigger.motion.noun:
        # "a three-week US tour": the place the journey noun is named after
        trigger.destinations = [
            m for m in before if m.cue.role == "destination" and m.last == trigger.index - 1
        ]
    if not trigger.destinations:
        # "travelled from A to join a militia in B": where they went, when nothing else says;
        # "a woman visiting from A was hurt in B": where the visitor was
        wanted = ("purpose", "location") if trigger.motion.lemma == "visit" else ("purpose",)
        trigger.destinations = [m for m in after if m.cue.role in wanted][:1]
    if not trigger.destinations and trigger.motion.lemma == "visit" and not trigger.motion.noun:
        # "she was in Leeds visiting her aunt": where the visitor was
        trigger.destinations = [
            m for m in before if m.cue.role == "location" and m.last == trigger.index - 1
        ]
    if trigger.origins:
        return
    for m in before:
        role = m.cue.role
        if role in ("origin", "people-of"):
            trigger.origins.append(m)
    if trigger.origins:
        return
    subjects = [
        m
        for m in before
        if (
            m.cue.role in ("none", "location")
            # "workers trapped in a mine near A were airlifted to B": where they were
            or (m.cue.role == "near" and trigger.passive and frame in ("send", "go"))
        )
        # "Kenya will deploy police to Mombasa": a move within the sender, not from it
        and not any(contains(m.place, d.place) for d in (*trigger.destinations, *trigger.vias))
    ]
    if subjects and (trigger.destinations or trigger.vias):
        if (trigger.passive and trigger.motion.lemma == "evacuate") or (
            # (the bare subject of a passive is who was sent, not the sender: a name read
            # as a town in "Jackson was taken to X" is no origin)
            frame == "send" and not (trigger.passive and subjects[0].cue.role == "none")
        ):
            # "Russia has deployed troops to X"; "Yellowknife was evacuated ... to X"
            trigger.origins.append(subjects[0])
        elif frame in ("go", "leave", "cross") and subjects[0].cue.role == "location":
            trigger.origins.append(subjects[0])  # "families in A fled to B"
        elif frame == "go" and trigger.passive and subjects[0].cue.role == "near":
            # "a hiker hurt near A was flown to B": carried from where they were
            trigger.origins.append(subjects[0])


#: What people flee that happens at a place ("fleeing the fighting in A", "escaping
#: persecution in A"): the place is where they left (general English).
DANGERS = frozenset(
    "violence fighting conflict conflicts war wars persecution clashes unrest attacks "
    "bombing bombings shelling airstrikes famine drought hunger poverty floods flooding "
    "repression crackdown insurgency turmoil chaos bloodshed hostilities insecurity "
    "bombardment gangs offensive raids killings massacres".split()
)


def danger_left(trigger: MotionTrigger, after: list[Mention], tokens: list[Token]) -> None:
    """Give a verb of leaving with no origin the place of the danger it flees ("refugees
    fleeing violence in A reached B", "escaped the civil war in A"): the danger noun right
    before "in" / "near", a few plain words after the verb."""
    if trigger.origins or trigger.motion.frame != "leave" or trigger.motion.noun:
        return
    for m in after:
        g = m.cue.governor
        if m.cue.role not in ("location", "near") or not trigger.index + 1 < g <= trigger.index + 5:
            continue
        between = tokens[trigger.index + 1 : g]
        if between[-1].lower in DANGERS and all(t.text.isalpha() for t in between):
            trigger.origins.append(m)
        return


#: Words between the stops of one journey told in a row ("moved to A, then B, and finally
#: C"): general English.
_IN_A_ROW = frozenset("then later finally eventually subsequently".split())
_ROW_GAP = _IN_A_ROW | frozenset((",", "and", "on", "to"))


def successive(trigger: MotionTrigger, after: list[Mention], tokens: list[Token]) -> None:
    """Add to a trigger's destinations the places told after one of them as the next stops
    ("moved to A, then B, and finally C"): a place with no cue of its own, after a
    destination and a word of succession."""
    last = None
    for m in after:
        if m in trigger.destinations:
            last = m
        elif last is not None and m.cue.role in ("none", "location"):
            gap = {t.lower for t in tokens[last.last + 1 : m.first]}
            if gap and gap <= _ROW_GAP and not gap.isdisjoint(_IN_A_ROW):
                trigger.destinations.append(m)
                last = m
            else:
                last = None
        else:
            last = None


_OWNER_GAP = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}$")


def _drop_owners(mentions: list[Mention], sentence: str) -> list[Mention]:
    """Leave out a country or province named in the possessive right before a place it holds
    ("to Germany's Ramstein base", "from Syria's northern Idlib"): the place is the end."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (
            k + 1 < len(mentions)
            and contains(m.place, mentions[k + 1].place)
            and _OWNER_GAP.match(sentence[m.end : mentions[k + 1].start])
        )
    ]


def paths(trigger: MotionTrigger, sentence: str) -> list[Path]:
    """The movements one trigger reports, once its endpoints are known."""
    origins = _drop_owners(drop_containers(trigger.origins), sentence)
    dests = _drop_owners(drop_containers(trigger.destinations), sentence)
    vias = _drop_owners(drop_containers(trigger.vias), sentence)
    if not dests and vias and not trigger.motion.needs_destination:
        dests = [vias.pop()]
    if not origins or not dests:
        return []
    # "flown to A and later on to B": A is a stop on the way to B
    finals = [dests[0]]
    for nxt in dests[1:]:
        gap = sentence[finals[-1].end : nxt.start]
        if _ONWARD.search(gap):
            vias.append(finals[-1])
            finals[-1] = nxt
        else:
            finals.append(nxt)
    out: list[Path] = []
    if len(origins) == len(finals) > 1 and all(
        o.start < f.start < nxt.start
        for o, f, nxt in zip(origins, finals, origins[1:], strict=False)
    ):
        # "from A to B, and from B to C": legs, each origin with the destination after it
        return [
            Path(trigger, (o, *vias, f), trigger.origin_inferred, trigger.destination_inferred)
            for o, f in zip(origins, finals, strict=True)
        ]
    for origin in origins[:4]:
        for final in finals[:4]:
            stops = (origin, *_stops_on_the_way(vias, final), final)
            out.append(Path(trigger, stops, trigger.origin_inferred, trigger.destination_inferred))
    return out


def _stops_on_the_way(vias: list[Mention], final: Mention) -> list[Mention]:
    """``vias`` without one that holds the stop after it ("crossed into India and reached
    Imphal": the country entered is no stop of its own before the town in it)."""
    out: list[Mention] = []
    for k, v in enumerate(vias):
        nxt = vias[k + 1] if k + 1 < len(vias) else final
        if not contains(v.place, nxt.place):
            out.append(v)
    return out


#: A time clause set off by commas before a participle that goes on with the journey ("fled A
#: in 2021, weeks after the rebels took the city, crossing into B"): it tells when, and the
#: participle still continues the flight. General English.
_TIME_ASIDE = re.compile(
    r",\s*(?:(?:a|an|one|two|three|four|five|several|a few|few|some|\d+)\s+)?"
    r"(?:(?:days?|weeks?|months?|years?|hours?|shortly|soon|just|only|long|not long)\s+)?"
    r"(?:after|before|when|as|once|while)\s[^,;:.()\"“”]*,\s*$",
    re.I,
)


def without_time_aside(between: str) -> str:
    """``between`` (the text from one motion verb's places to a participle after a comma)
    without a time clause set off by commas right before the participle (:data:`_TIME_ASIDE`):
    "in 2021, weeks after the rebels took the city, " is read as "in 2021, "."""
    m = _TIME_ASIDE.search(between)
    return between if m is None else between[: m.start()] + ", "


def join(first: MotionTrigger, second: MotionTrigger, between: str, modifier: bool = False) -> bool:
    """Let ``second`` continue ``first`` when they tell one journey of one mover: the first
    has no destination, the second no origin, and little stands between them ("fled A and
    arrived in B", "fleeing A reached B", "fled through A and reached B"). The journey keeps
    the first word's kind ("expelled from A and returned to B" is an expulsion). A
    ``modifier`` first word (a participle on the mover: "buses carrying fans from A arrived
    in the city") gives its origin to the arrival even when the arrival names no place."""
    if first.destinations or second.origins:
        return False
    if not second.destinations and not (modifier and _arrival(second.motion)):
        return False
    if not (first.origins or first.vias or first.homes) or not _JOIN.match(
        _COMPANY.sub(" ", _OF_THEM.sub(" ", _PART_OF_DAY.sub(" on ", between)))
    ):
        return False
    second.origins = list(first.origins)
    second.origin_inferred = second.origin_inferred or first.origin_inferred
    second.vias = [*first.vias, *second.vias]
    second.homes = second.homes or first.homes
    first.origins, first.vias = [], []
    return True


_AFTER = re.compile(r"\b(?:after|following)\b", re.I)
#: A part of a day told before its date ("left A on the night of May 28 and reached B"):
#: one time, however many words.
_PART_OF_DAY = re.compile(r"\bon the (?:night|morning|evening|afternoon|eve) of\b", re.I)
#: A share of the same movers, which continues their journey ("fled A on foot, most of them
#: heading to B"): general English.
_OF_THEM = re.compile(
    r"\b(?:most|many|some|all|several|half|hundreds|thousands|dozens) of them\b", re.I
)
#: How and with whom the mover went, between a departure and the participle that goes on
#: with it ("left A on foot with a group of 300 people heading for B", "left A by bus with
#: other families, bound for B"): the same journey. General English.
_COMPANY = re.compile(
    r"\b(?:on foot|by (?:bus|car|boat|train|truck|lorry|road|air|sea|plane|minibus))\b"
    r"|\bwith (?:a|an|the|his|her|their|other|several|some|\d[\d,]*) "
    r"(?:(?:large |small |big )?(?:group|caravan|convoy|column|party|band) of )?"
    r"(?:[\w-]+ ){0,3}?(?:people|migrants|others|men|women|families|refugees|villagers|"
    r"children|relatives|neighbours|neighbors)\b",
    re.I,
)
#: What puts a journey noun's own trip as the way the arrival before it was made ("arrived in
#: B on a flight from A", "landed in B aboard a boat from A"): general English.
_ON_BOARD = re.compile(r"\b(?:on|aboard)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: What puts the trip a return came back from right after it ("returned to B from a trip to
#: A"): general English.
_BACK_FROM = re.compile(r"\b(?:after|following|from)\b", re.I)


def join_back(first: MotionTrigger, second: MotionTrigger, between: str) -> bool:
    """Let a journey noun told right after an arrival give it the origin it lacks ("arrived
    in B after a long voyage from A", "reached B on Monday following a flight from A",
    "arrived in B on a flight from A"): the noun is the journey that ended there, not another
    one."""
    if first.origins or not first.destinations or first.motion.noun:
        return False
    if not second.motion.noun or second.destinations or not second.origins:
        return False
    if not (_AFTER.search(between) or _ON_BOARD.search(between)) or not _JOIN.match(between):
        return False
    first.origins = list(second.origins)
    first.vias = [*second.vias, *first.vias]
    second.origins, second.vias = [], []
    return True


#: Motion lemmas of a way back ("returned to B after a trip to A").
_BACK = frozenset(("return",))


def back_from(
    first: MotionTrigger, second: MotionTrigger, between: str, back: bool = False
) -> bool:
    """Let the way back at ``first`` (a return, or ``back``: "flew back", "came home")
    start where the journey noun told right after it went ("returned to B after a trip to
    A", "flew back to B after a three-day visit to A", "returned to B from a trip to A"): the
    mover was there last. The noun's own journey keeps its places."""
    if first.origins or not first.destinations or first.motion.noun:
        return False
    if not (first.motion.lemma in _BACK or back):
        return False
    if not second.motion.noun or not second.destinations or second.origins:
        return False
    if not _BACK_FROM.search(between) or not _JOIN.match(between):
        return False
    first.origins = [second.destinations[-1]]
    return True


def _arrival(motion: Motion) -> bool:
    """True for a motion word that tells an arrival ("arrived", "reached", "landed")."""
    return motion.frame == "reach" or motion.lemma in ("arrive", "land")


#: A group of people named by a capitalised plural ("the Germans", "the Tamils"): two such
#: different groups are two movers.
_PEOPLE_GROUP = re.compile(r"(?:^|\s)([Tt]he [A-Z][a-z]+s)$")


def chain(
    first: MotionTrigger, second: MotionTrigger, between: str, onward_verb: bool = False
) -> bool:
    """Let ``second`` go on from where ``first`` ended ("flown from A to B, and later on to
    C" is A -> B -> C; "arrived in A and then travelled to B" is A -> B). ``onward_verb``
    says the second motion verb goes "on to" its place itself ("were flown on to C", "most
    were taken on to C")."""
    if second.origins or not second.destinations or not first.destinations:
        return False
    back = second.motion.lemma == "return" and _SAME_SUBJECT_AFTER.search(between) is not None
    if not (_ONWARD.search(between) or _JOIN.match(between) or onward_verb or back):
        return False
    if _EARLIER.search(between):
        return False  # "came home to A after a tour in B": B came first, no leg from A
    if (
        first.actor
        and second.actor
        and (one := _PEOPLE_GROUP.search(first.actor)) is not None
        and (other := _PEOPLE_GROUP.search(second.actor)) is not None
        and one.group(1).lower() != other.group(1).lower()
    ):
        return False  # "the Poles flew to A, and the Czechs were flown on to B": other people
    if (
        second.actor
        and second.actor[:1].isupper()
        and second.actor != first.actor
        and not (first.actor and second.actor.startswith(first.actor + " "))
        and not (_ONWARD.search(between) or onward_verb)
    ):
        return False  # "A sent troops to B, and C sent medics to D": another mover's journey
    if _CONTRAST.search(between) and not (_ONWARD.search(between) or onward_verb):
        return False  # "planes fly into A and B, but flights to A are rare": no leg from B
    stop = last_stop(first)
    kinds = (first.motion.movement_type, second.motion.movement_type)
    new_act = not second.motion.noun and (
        kinds in (("travelled", "crossed"), ("fled", "travelled"))
    )  # "driven to A, crossed into B": the crossing; "fled to A and moved on to B": a new home
    # (not "fled toward A, and some crossed into B": the flight goes on over the border)
    if first.origins and not (onward_verb and _arrival(first.motion)) and not new_act:
        # ("airlifted from A to B, and some were flown on to C": one journey through B; an
        # arrival ends its journey, and "taken on to C" after it is a leg of its own)
        second.origins = list(first.origins)
        second.vias = [*first.vias, stop, *second.vias]
    else:
        second.origins = [stop]
    return True


def last_stop(mt: MotionTrigger) -> Mention:
    """Where ``mt``'s journey ended: its last destination, or the town before it when that
    one only names the town's country ("on to Haifa, Israel")."""
    last = mt.destinations[-1]
    if len(mt.destinations) > 1:
        town = mt.destinations[-2]
        if contains(last.place, town.place) and last.first - town.last <= 2:
            return town
    return last


#: Past participles that do not end in -ed, of a state the mover was left in somewhere ("the
#: crew, stuck in X, ..."): general English.
_PARTICIPLES = frozenset("held stuck caught freed taken hit found kept shot struck".split())
#: Words that may open such an aside before its participle ("the men, both held in X"): general
#: English quantifiers and time adverbs.
_ASIDE_OPENERS = frozenset("both all most mostly many some several first later since".split())


def aside_start(tokens: list[Token], start: int, index: int) -> int:
    """Where a participial aside between commas that ends right before the verb at ``index``
    begins ("The crew, stranded in X since May, were flown to Y": a reduced relative on the
    mover, whose places are before the verb as if without commas), or ``start`` (the verb's
    clause start) when there is none."""
    if start < 3 or tokens[start - 1].text != ",":
        return start
    if not all(t.lower in AUXILIARIES or verb_adverb(t.lower) for t in tokens[start:index]):
        return start
    for p in range(start - 2, max(0, start - 16), -1):
        if tokens[p].text != ",":
            continue
        k = p + 1
        while k < start - 1 and tokens[k].lower in _ASIDE_OPENERS:
            k += 1
        w = tokens[k]
        participle = w.text[:1].islower() and (w.lower.endswith("ed") or w.lower in _PARTICIPLES)
        mover = tokens[p - 1].text[:1].isalnum()
        return p + 1 if participle and mover else start
    return start


def tokens_between(tokens: list[Token], a: int, b: int, sentence: str) -> str:
    """The sentence text between token ``a``'s end and token ``b``'s start."""
    if a < 0 or b >= len(tokens) or b <= a:
        return ""
    return sentence[tokens[a].end : tokens[b].start]


#: What may follow a demonym in a noun phrase that does not make it the people's home ("a
#: Chinese-made plane", "a Russian-backed force"): general English.
_NOT_HOME_AFTER = ("-made", "-built", "-backed", "-led", "-owned", "-run", "-speaking", "-style")


def mover_bounds(
    tokens: list[Token], index: int, sentence: str, mover: str | None
) -> tuple[int, int]:
    """The sentence offsets of the noun phrase ``mover`` written before token ``index``, or
    (-1, -1) when it is not there."""
    if not mover:
        return (-1, -1)
    start = sentence.rfind(mover, 0, tokens[index].start)
    return (start, start + len(mover)) if start >= 0 else (-1, -1)


def mover_homes(
    tokens: list[Token],
    index: int,
    sentence: str,
    mover: str | None,
    mentions: list[Mention],
    demonyms: list[Toponym],
    offset: int,
    sends: bool,
    go: bool = False,
) -> list[Mention]:
    """The homes the mover's own noun phrase (``mover``, before the motion word at token
    ``index``) gives it: a nationality or a town's people word ("Chilean police officers
    were deployed", "two Australian tourists flew"), a team or body named after its home
    ("the Denver Broncos flew", "Manchester United travelled"), or a town that stands for its
    team ("Leeds travelled to X": only with ``go``, a verb of travel), or a state that sends
    ("Norway sent troops"); ``sends`` says the phrase names who sends, not who moves.
    ``demonyms`` are the report's demonyms, ``offset`` the sentence's offset in the report."""
    if not mover:
        return []
    a, b = mover_bounds(tokens, index, sentence, mover)
    if a < 0:
        return []
    out: list[Mention] = []
    for m in mentions:
        if not (a <= m.start and m.end <= b) or m.cue.role not in _NAMING_ROLES:
            continue
        head = sentence[a : m.start].strip().lower()
        rest = sentence[m.end : b].split()
        if head not in ("", "the") or len(rest) > 6:
            continue  # ("the fans of X", "a truck carrying X children"): not the mover's home
        if not rest:
            # the whole phrase is the place: a town for its team, a state for its government
            # (a town only when it is big enough to be known by its team: a surname read as
            # a hamlet is not one)
            if sends or (m.place.feature_type == "city" and go and m.place.population >= TEAM_TOWN):
                out.append(m)
        elif not sends and _name_of_body(rest):
            out.append(m)  # a name after the place: the team or body based there, or its people
    for d in demonyms:
        s = d.span.start - offset
        if (
            a <= s < b
            and not sends
            and not sentence.startswith(_NOT_HOME_AFTER, s + len(d.span.text))
        ):
            out.append(Mention(d, -1, -1, s, s + len(d.span.text), Cue("person-home", -1)))
    return out


#: The population from which a town named alone as a mover may stand for its team.
TEAM_TOWN = 50_000
#: People of a team or club named after its town ("the Leeds United fans", "the Denver
#: coach"): general English.
_MEMBERS = frozenset(
    "fans supporters players manager coach coaches squad staff delegation officials director "
    "directors chief head leader leaders members president chairman commissioner spokesman "
    "spokeswoman researchers scientists students employees workers officers".split()
)


def _name_of_body(words: list[str]) -> bool:
    """True when ``words`` (after a place) name a team or body and maybe its people: words
    in capitals, joined by "of", "and", "for" ("Department of Corrections"), and a last word
    that may be one of its people ("Leeds United fans", "the Montana Department of
    Corrections director")."""
    if not words:
        return False
    *name, last = words
    if last.lower() in _MEMBERS:
        if not name:
            return True  # "the Leeds manager"
        words = name
    return (
        words[0][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)
        and words[-1][:1].isupper()
    )


_NAME_JOINERS = frozenset(("of", "and", "for", "&"))
#: Roles of a place mention that may name who someone is rather than where they go.
_NAMING_ROLES = frozenset(("none", "home", "person-home", "possessive", "agency"))
#: Words that end the object noun phrase of a verb.
_OBJECT_END = frozenset(
    "to from into in at on for after before over since because as by with and or".split()
)


def object_home(
    tokens: list[Token], index: int, sentence: str, demonyms: list[Toponym], offset: int
) -> Toponym | None:
    """The nationality in the object of the verb at token ``index`` ("expelled four Ruritanian
    diplomats", "deported 30 Freedonian nationals"): the country of those who are sent, or
    None. ``demonyms`` are the report's demonyms, ``offset`` the sentence's offset."""
    end = len(sentence)
    for t in tokens[index + 1 : index + 9]:
        if t.lower in _OBJECT_END or t.text in ",.;:!?()":
            end = t.start
            break
    lo = tokens[index].end
    return next(
        (d for d in demonyms if lo <= d.span.start - offset < end and d.place is not None), None
    )
