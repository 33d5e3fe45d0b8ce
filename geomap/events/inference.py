"""Movement endpoints a sentence leaves to the discourse (issue 12 §2, "implicit endpoints").

A movement told with one end and a motion word may take its other end from the report when
the report gives a reason a careful reader would accept (GUIDELINE.md §2.2: the mover's stated
home, the dateline, the place the sentences before are about); the end is then flagged
inferred and the movement gets a lower confidence:

- the **mover's nationality** for people coming back ("Ruritanians who returned from trips
  to A", "the arrival of two Ruritanian students from A", in a report about Ruritania);
- the **place the sentence or the story is about** for help brought "in" from elsewhere
  ("Power failed across B. Crews were flown in from A": they came to B);
- the **country the passage is about** for the patients or travellers it reports ("Ruritania
  confirmed two cases. Both patients had travelled to A": they left Ruritania);
- the **report's country** for one of its office holders back from abroad ("The finance
  minister returned from A");
- the **place the report is about** for a person back from abroad ("Officials in B said a
  woman who returned from A ...", "B confirmed a case. The patient had returned from A",
  the dateline's town);
- the **country of a national body** named by its people's adjective ("The Ruritanian health
  ministry sent experts to A", "a team from the Ruritanian agency arrived in A").

One end found here is stated, not inferred: the country opening a sentence that takes in
people fleeing elsewhere ("Ruritania hosts refugees fleeing the war in A") is where they fled.

Nothing here invents an end the report does not name. Only sentences that already hold a
motion word are looked at (:func:`candidate` lets a few more of them be read).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.events.clauses import Token, clause_start
from geomap.events.discourse import CARRY_SENTENCES, OFFICES, Discourse
from geomap.events.movements import MotionTrigger
from geomap.events.roles import Mention, contains, cue, precision_rank
from geomap.model import Toponym
from geomap.names.lexicon import SPEECH_VERBS
from geomap.names.lexicon.demonyms import DEMONYM_PLURALS, DEMONYMS

#: Motion words that bring people back to where they live.
RETURNING = frozenset(("return", "arrive", "arrival"))
#: Nouns of a stay abroad a return comes back from ("returned from a visit to A").
STAYS = frozenset("trip trips visit visits holiday holidays vacation vacations tour tours".split())
#: Movers who are the cases a health authority reports ("Both patients had travelled to A").
PATIENTS = frozenset(
    "patient patients case cases man men woman women girl boy child children traveller "
    "travellers traveler travelers tourist tourists passenger passengers".split()
)
#: Words that say the sentence or the one before reports cases of a disease.
_CASES = re.compile(r"\b(?:infect\w*|tested positive|confirmed|cases?|patients?)\b", re.I)
#: Office holders of a country who come back to it ("the finance minister returned from A").
OFFICIALS = OFFICES | frozenset("minister ministers secretary".split())
#: How far back (characters) the passage's country may have been named.
PASSAGE_CHARS = 400


def as_mention(t: Toponym) -> Mention:
    """A place the discourse gives, as a mention with no position in the sentence."""
    return Mention(t, -1, -1, -1, -1, cue([], 0, ""))


def usable(t: Toponym | None, ends: Sequence[Mention]) -> bool:
    """True when ``t`` is a resolved place that can be a movement's other end: none of
    ``ends``, neither inside nor around one."""
    if t is None or t.place is None:
        return False
    return all(
        t.place.gazetteer_id != m.place.gazetteer_id
        and not contains(t.place, m.place)
        and not contains(m.place, t.place)
        for m in ends
    )


def _words(tokens: Sequence[Token], a: int, b: int) -> list[str]:
    return [t.lower for t in tokens[max(0, a) : max(0, b)]]


def return_from_stay(triggers: Sequence[MotionTrigger], tokens: Sequence[Token]) -> None:
    """ "returned from trips to A", "back from a visit to A": the return starts at A, and the
    stay's noun makes no journey of its own (the return is what the sentence reports)."""
    for a, b in zip(triggers, triggers[1:], strict=False):
        if a.motion.lemma != "return" or a.motion.noun or a.origins or a.destinations:
            continue
        if not (tokens[b.index].lower in STAYS and b.destinations):  # ("visits": a noun)
            continue
        between = _words(tokens, a.index + 1, b.index)
        if between[:1] == ["from"] and len(between) <= 3:
            a.origins, b.origins, b.destinations = b.destinations, [], []


def _demonym_at(
    state: Discourse, tokens: Sequence[Token], a: int, b: int, sent_start: int
) -> Toponym | None:
    """The one country whose people tokens ``a`` to ``b`` (exclusive) name: a demonym the
    geoparser read there, else a people word of the lexicon ("Ruritanians") whose country
    the report names elsewhere (that mention stands for it)."""
    if a >= b:
        return None
    start, end = sent_start + tokens[a].start, sent_start + tokens[b - 1].end
    found = [t for t in state.demonyms_between(start, end) if t.place is not None]
    countries = {t.place.gazetteer_id for t in found if t.place is not None}
    if found:
        return found[-1] if len(countries) == 1 else None
    codes = set()
    for t in tokens[a:b]:
        adjective = DEMONYM_PLURALS.get(t.lower, t.lower)
        entry = DEMONYMS.get(adjective)
        if entry is not None:
            codes.add(entry[0])
    if len(codes) != 1 or state.background is None:
        return None
    (code,) = codes
    return next(
        (
            t
            for t in state.background.toponyms
            if t.place is not None
            and t.place.feature_type == "country"
            and t.place.country_code == code
            and t.kind_hint != "demonym"
        ),
        None,
    )


def nationals_home(
    mt: MotionTrigger, tokens: Sequence[Token], sent_start: int, state: Discourse
) -> Toponym | None:
    """The country of the nationals a return or an arrival brings back: "the arrival of two
    Ruritanian students from A" and "Ruritanians who returned from A" end in Ruritania. An
    arrival of nationals counts only in a passage about their own country (refugees arriving
    from A are not going home)."""
    if mt.motion.lemma not in RETURNING or not mt.origins or mt.destinations or mt.vias:
        return None
    i = mt.index
    home: Toponym | None = None
    if mt.motion.noun:
        # "the arrival of (the) two Ruritanian students from A"
        if i + 1 < len(tokens) and tokens[i + 1].lower == "of":
            stop = next(
                (k for k in range(i + 2, min(len(tokens), i + 7)) if tokens[k].lower == "from"),
                min(len(tokens), i + 7),
            )
            home = _demonym_at(state, tokens, i + 2, stop, sent_start)
    else:
        opener = clause_start(list(tokens), i) - 1
        if opener > 0 and tokens[opener].lower in ("who", "that"):
            # "Ruritanians who had returned from A": the mover named right before "who"
            home = _demonym_at(state, tokens, max(0, opener - 3), opener, sent_start)
    if home is None or home.place is None or home.place.feature_type != "country":
        return None
    if mt.motion.lemma != "return" and not _passage_in(state, home):
        return None
    return home


def _passage_in(state: Discourse, country: Toponym) -> bool:
    """True when the last sentences were about a place in ``country``."""
    recent = state.previous if state.since < CARRY_SENTENCES else None
    code = country.place.country_code if country.place is not None else None
    return recent is not None and recent.place is not None and recent.place.country_code == code


def brought_in(
    mt: MotionTrigger, triggers: Sequence[MotionTrigger], tokens: Sequence[Token], state: Discourse
) -> Toponym | None:
    """Where help "brought in", "flown in" or "sent in" from elsewhere came to: the place an
    earlier motion of the sentence went to ("engineers were sent to B, and crews flown in
    from A"), else the incident just told, else the town the last sentence was about."""
    i = mt.index
    if mt.motion.noun or not mt.origins or mt.destinations or mt.vias:
        return None
    if _words(tokens, i + 1, i + 3) != ["in", "from"]:
        return None
    return _help_goes_to(i, mt.origins, triggers, state)


def _help_goes_to(
    i: int, origins: list[Mention], triggers: Sequence[MotionTrigger], state: Discourse
) -> Toponym | None:
    """Where help brought in by the motion word at token ``i`` came to: the place an
    earlier motion of the sentence went to, else the incident just told, else the town the
    last sentence was about (none of ``origins``)."""
    for other in triggers:
        if (
            other.index < i
            and other.destinations
            and usable(other.destinations[-1].toponym, origins)
        ):
            return other.destinations[-1].toponym
    story = state.recent_story()
    if usable(story, origins):
        return story
    recent = state.previous if state.since == 0 else None
    if recent is not None and recent.place is not None and precision_rank(recent.place) <= 1:
        if usable(recent, origins):
            return recent
    return None


#: Words that may stand between a sender and its verb ("Britain has also flown in ...").
_SENDER_GAP = frozenset("has have had also quickly already now".split())


def sent_in(
    mt: MotionTrigger,
    triggers: Sequence[MotionTrigger],
    tokens: Sequence[Token],
    sent_start: int,
    state: Discourse,
) -> tuple[Toponym, Toponym] | None:
    """A place that has "flown in", "sent in" or "brought in" help (no "from"): it sets out
    from the place named as the verb's subject and comes where :func:`brought_in` says help
    brought in comes ("Victims are treated in B. Ruritania has flown in medicine": from
    Ruritania to B)."""
    i = mt.index
    if mt.motion.noun or mt.origins or mt.destinations or mt.vias or mt.status != "reported":
        return None
    if _words(tokens, i + 1, i + 2) != ["in"] or _words(tokens, i + 2, i + 3) == ["from"]:
        return None
    j = i - 1
    while j >= 0 and tokens[j].lower in _SENDER_GAP:
        j -= 1
    if j < 0 or state.background is None:
        return None
    end = sent_start + tokens[j].end
    sender = next(
        (
            t
            for t in state.background.toponyms
            if t.span.end == end and t.place is not None and t.kind_hint != "demonym"
        ),
        None,
    )
    first = clause_start(list(tokens), i)
    if tokens[first].lower == "the" and first + 1 < i:
        first += 1  # "The Netherlands has sent in"
    if sender is None or sender.span.start != sent_start + tokens[first].start:
        return None  # the clause's subject only ("Ruritania has flown in", not "in B, help")
    went = _help_goes_to(mt.index, [as_mention(sender)], triggers, state)
    return (sender, went) if went is not None else None


def _passage_country(state: Discourse, sent_start: int) -> Toponym | None:
    """The country the passage is about: the last country named (by name, else by its
    people) in the ``PASSAGE_CHARS`` characters before the sentence, when the last sentences'
    place lies in it."""
    recent = state.previous if state.since < CARRY_SENTENCES else None
    if recent is None or recent.place is None or state.background is None:
        return None
    named = [
        t
        for t in state.background.toponyms
        if sent_start - PASSAGE_CHARS <= t.span.start < sent_start
        and t.place is not None
        and t.place.feature_type == "country"
    ]
    if not named or named[-1].place is None:
        return None
    code = named[-1].place.country_code
    if recent.place.country_code != code:
        return None
    same = [t for t in named if t.place is not None and t.place.country_code == code]
    return next((t for t in reversed(same) if t.kind_hint != "demonym"), same[-1])


def travellers_home(
    mt: MotionTrigger,
    tokens: Sequence[Token],
    s_text: str,
    sent_start: int,
    state: Discourse,
) -> Toponym | None:
    """The country whose health authorities report the patients or travellers that went
    abroad ("Ruritania confirmed two cases. Both infected patients had travelled to A"):
    they left it."""
    if mt.motion.noun or mt.origins or not mt.destinations or mt.status != "reported":
        return None
    if mt.motion.movement_type != "travelled" or mt.motion.lemma in RETURNING:
        return None
    if not _CASES.search(s_text):
        return None
    mover = (mt.actor or "").lower().split()
    if mover and mover[-1] not in PATIENTS:
        return None
    if not mover:
        said = set(_words(tokens, 0, mt.index))
        if said.isdisjoint(PATIENTS):
            return None
    country = _passage_country(state, sent_start)
    if country is None or country.place is None:
        return None
    if any(m.place.country_code == country.place.country_code for m in mt.destinations):
        return None  # a journey inside the country, or back to it
    return country if usable(country, mt.destinations) else None


#: People whose return a report tells because of where they came back to.
RETURNERS = PATIENTS | frozenset(
    "resident residents student students worker workers citizen citizens national nationals "
    "soldier soldiers people family families couple".split()
)


def _returner(mt: MotionTrigger, tokens: Sequence[Token]) -> bool:
    """True when the one who returns is a person named by a common noun ("a woman who
    returned", "the patient had returned", "two students returned")."""
    opener = clause_start(list(tokens), mt.index) - 1
    if opener > 0 and tokens[opener].lower in ("who", "that"):
        return tokens[opener - 1].lower in RETURNERS
    words = (mt.actor or "").lower().split()
    if not words:  # "The patient, a 40-year-old woman, had returned": the subject before
        return not RETURNERS.isdisjoint(_words(tokens, 0, mt.index))
    return words[-1] in RETURNERS


def returned_home(
    mt: MotionTrigger, tokens: Sequence[Token], sent_start: int, state: Discourse
) -> Toponym | None:
    """Where a person back from abroad came back to, when the report is about that place:
    the place the sentence names before the return ("Officials in B said a man who returned
    from A ..."), else the place of the last sentences ("B confirmed a case. The patient had
    returned from A"), else the dateline's town ("B — A woman who returned from A ...")."""
    if mt.motion.lemma != "return" or mt.motion.noun or not mt.origins or mt.destinations:
        return None
    if mt.vias or mt.status != "reported" or not _returner(mt, tokens):
        return None
    abroad = {m.place.country_code for m in mt.origins}
    toponyms = state.background.toponyms if state.background is not None else ()
    at = sent_start + tokens[mt.index].start
    said = [
        t
        for t in toponyms
        if sent_start <= t.span.start < at
        and t.place is not None
        and t.kind_hint != "demonym"
        and all(t.span.start != m.toponym.span.start for m in mt.origins)
    ]
    dateline = state.dateline
    if dateline is not None and sent_start <= dateline.span.start < at:
        said = [dateline]  # "B, Ruritania — A man who returned from A": the dateline's town
    recent = state.previous if state.since < CARRY_SENTENCES else None
    for place in (said[-1] if said else None, recent, dateline):
        if place is None or place.place is None:
            continue
        if place.place.country_code in abroad:
            return None  # a return inside one country: where home is, the report does not say
        return place if usable(place, mt.origins) else None
    return None


#: Participles that put a new arrival somewhere ("a man who had arrived from A was detained
#: in B", "a woman back from A was quarantined at a clinic in B").
HELD = frozenset(
    "isolated quarantined detained arrested held hospitalised hospitalized admitted treated "
    "put placed".split()
)
_BE = frozenset("was were is are been being".split())


def held_on_arrival(
    mt: MotionTrigger, tokens: Sequence[Token], sent_start: int, state: Discourse
) -> Toponym | None:
    """Where someone who arrived or returned from abroad was then held or treated: the
    first town after the main clause's passive verb ("A nurse who arrived from A on Sunday
    was quarantined at a clinic in B"): she arrived there."""
    if mt.motion.lemma not in ("arrive", "return") or mt.motion.noun or mt.status != "reported":
        return None
    if not mt.origins or mt.destinations or mt.vias or state.background is None:
        return None
    opener = clause_start(list(tokens), mt.index) - 1
    if opener <= 0 or tokens[opener].lower not in ("who", "that"):
        return None
    verb = next(
        (
            k
            for k in range(mt.index + 1, min(len(tokens) - 1, mt.index + 10))
            if tokens[k].lower in _BE and tokens[k + 1].lower in HELD
        ),
        None,
    )
    if verb is None:
        return None
    lo, hi = sent_start + tokens[verb].start, sent_start + tokens[-1].end
    after = [
        t
        for t in state.background.toponyms
        if lo <= t.span.start < hi
        and t.place is not None
        and t.kind_hint != "demonym"
        and t.place.feature_type not in ("street", "facility")  # (the town holding it)
    ]
    if not after:
        return None
    place = min(after, key=lambda t: precision_rank(t.place) if t.place is not None else 9)
    return place if usable(place, mt.origins) else None


#: A country that takes in people fleeing elsewhere ("Ruritania hosts refugees fleeing the war
#: in A", "B has taken in families fleeing A", "B is a main recipient of people fleeing A").
_HOST = re.compile(
    r"\b(?:hosts?|hosted|hosting|shelters?|sheltered|sheltering|has taken in|have taken in|"
    r"took in|taking in|has received|have received|received|receives|recipient of|"
    r"home to|welcomed|has accepted|accepted|absorbed)\b",
    re.I,
)
_FLEEING_PEOPLE = frozenset(
    "refugees migrants families people civilians residents asylum-seekers seekers".split()
)
_HOST_OPENING = frozenset("the neighbouring neighboring".split())


def host_country(
    mt: MotionTrigger, tokens: Sequence[Token], s_text: str, sent_start: int, state: Discourse
) -> Toponym | None:
    """The country that opens the sentence and takes in the people said to flee ("B hosts
    thousands of refugees fleeing fighting in A"): they fled to it."""
    if mt.motion.lemma != "flee" or mt.motion.noun or mt.status != "reported":
        return None
    if not mt.origins or mt.destinations or mt.vias or state.background is None:
        return None
    if mt.index < 2 or tokens[mt.index - 1].lower not in _FLEEING_PEOPLE:
        return None
    first = 1 if tokens and tokens[0].lower in _HOST_OPENING else 0
    if len(tokens) <= first:
        return None
    lo = sent_start + tokens[first].start
    opening = [
        t
        for t in state.background.toponyms
        if t.span.start == lo and t.place is not None and t.kind_hint != "demonym"
    ]
    if not opening or opening[0].place is None or opening[0].place.feature_type != "country":
        return None
    host = opening[0]
    between = s_text[host.span.end - sent_start : tokens[mt.index - 1].start]
    if _HOST.search(between) is None:
        return None
    return host if usable(host, mt.origins) else None


#: Motion words of an arrival somewhere ("arrived in B", "landed in B", "returned to B").
ARRIVING = frozenset(("arrive", "land", "reach", "return"))
#: The words before a place that say someone stayed there ("had been in A", "spent a week
#: in A", "had been on holiday in A", "visiting A"; not "was born in A").
_STAYED_AT = re.compile(
    r"\b(?:been|stayed|staying|spent|spending|holidaying|vacationing|"
    r"visited|visiting|toured|touring)\b(?:\s+[\w'’-]+){0,4}?\s+(?:in|at|to)?\s*$",
    re.I,
)
_PRONOUN_OPENING = frozenset("he she they".split())


def arrived_from_stay(
    mt: MotionTrigger, tokens: Sequence[Token], state: Discourse
) -> Toponym | None:
    """Where someone the last sentence put somewhere came from when they arrive ("The man
    had been in A. He arrived in B on Monday"): the place of that stay."""
    if mt.motion.lemma not in ARRIVING or mt.motion.noun or mt.origins or not mt.destinations:
        return None
    if mt.status != "reported" or state.since != 0 or state.background is None:
        return None
    opening = tokens[0].lower if tokens else ""
    actor = (mt.actor or "").lower().split()
    if mt.actor is None and mt.index > 1 and tokens[mt.index - 1].lower in _PRONOUN_OPENING:
        # "The man passed a check when he arrived in B": the pronoun of a clause inside a
        # sentence about the one the last sentence put somewhere
        actor = _words(tokens, 0, 2)
    if opening not in _PRONOUN_OPENING and not (
        actor[:1] == ["the"] and actor[-1:] and actor[-1] in RETURNERS
    ):
        return None
    stay = state.previous
    if stay is None or stay.place is None:
        return None
    before = state.background.text[max(0, stay.span.start - 60) : stay.span.start]
    if _STAYED_AT.search(before) is None:
        return None
    return stay if usable(stay, mt.destinations) else None


def official_home(mt: MotionTrigger, state: Discourse) -> Toponym | None:
    """The report's country, for one of its office holders back from abroad ("The finance
    minister returned from A")."""
    if mt.motion.lemma != "return" or mt.motion.noun or not mt.origins or mt.destinations:
        return None
    words = (mt.actor or "").lower().split()
    if not words or OFFICIALS.isdisjoint(words):
        return None
    country = state.country
    if country is None or country.place is None:
        return None
    if any(m.place.country_code == country.place.country_code for m in mt.origins):
        return None  # back from somewhere at home
    return country if usable(country, mt.origins) else None


#: Nouns of a national body that sends people or goes abroad for its country.
BODIES = frozenset(
    "ministry ministries government agency agencies authorities department institute "
    "army military navy police embassy".split()
)


def sender_home(
    mt: MotionTrigger, tokens: Sequence[Token], sent_start: int, state: Discourse
) -> Toponym | None:
    """The country a national body named by its people's adjective belongs to, when it
    sends people or its people go abroad ("The Ruritanian health ministry sent experts to
    A", "a team from the Ruritanian agency arrived in A"): they left that country."""
    if mt.motion.noun or mt.origins or not mt.destinations:
        return None
    if mt.motion.movement_type not in ("dispatched", "travelled"):
        return None
    start = clause_start(list(tokens), mt.index)
    homes = []
    for k in range(start, mt.index):
        if not SPEECH_VERBS.isdisjoint(_words(tokens, k + 1, mt.index)):
            continue  # "the Ruritanian military said the ship headed for A": who spoke
        if not BODIES.isdisjoint(_words(tokens, k + 1, min(mt.index, k + 4))):
            home = _demonym_at(state, tokens, k, k + 1, sent_start)
            if home is not None and home.place is not None:
                homes.append(home)
    if len({h.place.country_code for h in homes if h.place is not None}) != 1:
        return None
    home = homes[-1]
    assert home.place is not None
    if any(m.place.country_code == home.place.country_code for m in mt.destinations):
        return None  # sent somewhere at home
    return home if usable(home, mt.destinations) else None


#: What is sent away for tests: its trip starts where it was taken (general English).
SAMPLES = frozenset("sample samples specimen specimens swab swabs".split())
#: The national offices and bodies whose country sends the samples they tell of.
_NATIONAL = BODIES | OFFICIALS


def samples_sent(
    mt: MotionTrigger, tokens: Sequence[Token], sent_start: int, state: Discourse
) -> Toponym | None:
    """Where samples sent for tests came from: the country of the national office or body
    the sentence names before the verb ("The Ruritanian health minister said swabs went to
    A"), else the place the last sentences were about ("Sick geese turned up on a farm near
    B. Swabs were sent to a laboratory in A")."""
    if mt.motion.noun or mt.origins or not mt.destinations or mt.vias:
        return None
    i = mt.index
    if mt.status != "reported" or SAMPLES.isdisjoint(_words(tokens, i - 10, i + 4)):
        return None
    for k in range(i):
        if _NATIONAL.isdisjoint(_words(tokens, k + 1, min(i, k + 4))):
            continue
        home = _demonym_at(state, tokens, k, k + 1, sent_start)
        if home is None or home.place is None:
            continue
        if any(m.place.country_code == home.place.country_code for m in mt.destinations):
            return None  # sent to a laboratory at home: from where in it, not said
        return home if usable(home, mt.destinations) else None
    # (not a place someone came from, nor one of a list: Discourse.previous_sure)
    recent = state.previous if state.since < CARRY_SENTENCES and state.previous_sure else None
    return recent if usable(recent, mt.destinations) else None


#: Gatherings people travel to (general English).
GATHERINGS = frozenset(
    "festival festivals fair carnival pilgrimage ceremony ceremonies funeral wedding "
    "celebration celebrations concert concerts match game tournament championship "
    "championships show rally summit conference convention".split()
)
#: The words after the journey that say it was made for a gathering ("travelled from A to
#: attend the festival", "came from A for the funeral", "to watch the match").
_FOR_GATHERING = re.compile(
    r"\W*(?:[\w'’-]+\W+){0,6}?(?:to\s+(?:attend|watch|see|join|take\s+part\s+in|"
    r"celebrate|make\s+up|swell)|for)\s+(?:the|this|that|its|their|a)\s+"
    r"(?P<np>(?:[\w'’-]+\s+){0,4}[\w'’-]+)",
    re.I,
)


def came_to_gathering(
    mt: MotionTrigger, tokens: Sequence[Token], s_text: str, sent_start: int, state: Discourse
) -> Toponym | None:
    """Where people who came from A for a gathering the sentences before placed went: the
    place of those sentences ("A festival began today in B. Thousands travelled from A to
    attend the festival": from A to B)."""
    if mt.motion.noun or not mt.origins or mt.destinations or mt.vias:
        return None
    if mt.motion.movement_type != "travelled" or mt.motion.lemma == "return":
        return None
    if state.since >= CARRY_SENTENCES or not state.previous_sure or state.background is None:
        return None
    last = max(m.toponym.span.end for m in mt.origins) - sent_start
    m = _FOR_GATHERING.match(s_text, max(last, tokens[mt.index].end))
    nouns = [w for w in re.split(r"[\s'’]+", m["np"].lower()) if w in GATHERINGS] if m else []
    if not nouns:
        return None
    place = state.previous
    if place is None or place.place is None or precision_rank(place.place) > 1:
        return None
    told = state.background.text[max(0, place.span.start - 300) : place.span.end + 100]
    if re.search(rf"\b{nouns[0]}s?\b", told, re.I) is None:
        return None  # the gathering is not the one the sentences before placed
    return place if usable(place, mt.origins) else None


def infer(
    triggers: Sequence[MotionTrigger],
    tokens: Sequence[Token],
    s_text: str,
    sent_start: int,
    state: Discourse,
) -> None:
    """Give the sentence's triggers the ends the discourse supplies (module docstring),
    flagged inferred; a trigger that already has both ends is left alone."""
    for mt in triggers:
        both = sent_in(mt, triggers, tokens, sent_start, state)
        if both is not None:
            mt.origins, mt.destinations = [as_mention(both[0])], [as_mention(both[1])]
            mt.destination_inferred = True
        elif mt.origins and not (mt.destinations or mt.vias):
            host = host_country(mt, tokens, s_text, sent_start, state)
            if host is not None:
                mt.destinations = [as_mention(host)]  # stated in the sentence: not inferred
                continue
            went = (
                nationals_home(mt, tokens, sent_start, state)
                or brought_in(mt, triggers, tokens, state)
                or official_home(mt, state)
                or returned_home(mt, tokens, sent_start, state)
                or held_on_arrival(mt, tokens, sent_start, state)
                or came_to_gathering(mt, tokens, s_text, sent_start, state)
            )
            if went is not None:
                mt.destinations, mt.destination_inferred = [as_mention(went)], True
        elif mt.destinations and not mt.origins:
            left = (
                travellers_home(mt, tokens, s_text, sent_start, state)
                or sender_home(mt, tokens, sent_start, state)
                or arrived_from_stay(mt, tokens, state)
                or samples_sent(mt, tokens, sent_start, state)
            )
            if left is not None:
                mt.origins, mt.origin_inferred = [as_mention(left)], True


#: "flown in from", "brought in from": help that came to the place the story is about.
_IN_FROM = re.compile(
    r"\b(?:flown|brought|sent|called|drafted|bused|bussed|shipped|trucked|rushed) in from\b",
    re.I,
)
#: "has flown in medicine": help sent to the place the story is about by the subject.
_SENT_IN = re.compile(
    r"\b(?:flown|brought|sent|shipped|trucked|rushed|airlifted) in\b(?! from)", re.I
)
_RETURN_WORDS = frozenset("return returned returning returns arrival arrived arriving".split())


def candidate(s_text: str, words: set[str], state: Discourse, start: int, end: int) -> bool:
    """True when a sentence (its text, lower-cased words, document offsets) with one place
    may still make a movement by these rules: help brought in from elsewhere; a return or an
    arrival of nationals or office holders; patients in a passage about a place; samples
    sent for tests."""
    if _IN_FROM.search(s_text) or _SENT_IN.search(s_text):
        return True
    if not SAMPLES.isdisjoint(words) and state.previous is not None:
        return True  # samples sent on from the place the last sentences were about
    if (
        "from" in words
        and not GATHERINGS.isdisjoint(words)
        and state.previous is not None
        and state.since < CARRY_SENTENCES
    ):
        return True  # people who came from elsewhere for a gathering the passage placed
    if not _RETURN_WORDS.isdisjoint(words):
        return (
            bool(state.demonyms_between(start, end))
            or not OFFICIALS.isdisjoint(words)
            or (state.previous is not None and not RETURNERS.isdisjoint(words))
        )
    return (
        state.previous is not None
        and state.since < CARRY_SENTENCES
        and not PATIENTS.isdisjoint(words)
        and _CASES.search(s_text) is not None
    )
