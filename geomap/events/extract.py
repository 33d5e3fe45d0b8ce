"""Incidents and movements from sentences: trigger words, role cues around place mentions,
clause-level subjects as actors, and dates resolved against the article date."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.events.dates import find_date
from geomap.geoparse.segment import sentences
from geomap.model import Document, Incident, Movement, Place, Span, Toponym, When

#: The event vocabulary: event_type -> what it covers. Incidents carry one of these.
EVENT_TYPES: dict[str, str] = {
    "movement of forces": "a state or group dispatched, deployed or transferred people or units",
    "flight/defection": "people fled, escaped or defected",
    "evacuation": "people were evacuated",
    "deportation": "people were deported, expelled, repatriated or extradited",
    "border crossing": "people crossed a border or a stretch of water",
    "movement": "people travelled, returned, were transported, smuggled or trafficked",
    "disappearance": "people disappeared, went missing or were abducted",
    "arrest": "people were arrested, detained, captured or seized",
    "attack": "killings, bombings, shootings, shelling, airstrikes, assassinations",
    "meeting/summit": "a summit, talks or a meeting",
    "surveillance": "surveillance, monitoring, spying or wiretapping",
    "protest": "protests and demonstrations",
}

#: event_type -> ((word stem, sub_event_type), ...); the first stem the trigger starts with wins,
#: and the last entry (stem "") is the default.
SUB_EVENT_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "movement of forces": (
        ("deploy", "deployment"),
        ("redeploy", "deployment"),
        ("transfer", "transfer"),
        ("", "dispatch"),
    ),
    "flight/defection": (("defect", "defection"), ("escap", "escape"), ("", "flight")),
    "evacuation": (("", "evacuation"),),
    "deportation": (
        ("expel", "expulsion"),
        ("repatriat", "repatriation"),
        ("extradit", "extradition"),
        ("", "deportation"),
    ),
    "border crossing": (("", "crossing"),),
    "movement": (
        ("return", "return"),
        ("smuggl", "smuggling"),
        ("traffick", "trafficking"),
        ("", "travel"),
    ),
    "disappearance": (("abduct", "abduction"), ("kidnap", "abduction"), ("", "disappearance")),
    "arrest": (
        ("detain", "detention"),
        ("captur", "capture"),
        ("caught", "capture"),
        ("seiz", "seizure"),
        ("", "arrest"),
    ),
    "attack": (
        ("bomb", "bombing"),
        ("shell", "shelling"),
        ("airstrike", "airstrike"),
        ("shot", "shooting"),
        ("stab", "stabbing"),
        ("assassinat", "assassination"),
        ("explosion", "explosion"),
        ("killed", "killing"),
        ("", "attack"),
    ),
    "meeting/summit": (("summit", "summit"), ("talks", "talks"), ("", "meeting")),
    "surveillance": (("", "surveillance"),),
    "protest": (("", "protest"),),
}


def sub_event_type(event_type: str, trigger: str) -> str | None:
    """The sub_event_type for a trigger word of ``event_type`` (None for an unknown type)."""
    word = trigger.lower()
    for stem, sub in SUB_EVENT_TYPES.get(event_type, ()):
        if word.startswith(stem):
            return sub
    return None


# trigger pattern -> (event_type, movement_type or None); a movement_type makes it a movement
TRIGGERS: list[tuple[re.Pattern[str], str, str | None]] = [
    (
        re.compile(
            r"\b(?:dispatch(?:ed|es|ing)?|sen[dt]s?|sending|deploy(?:ed|s|ing)?|"
            r"redeploy(?:ed|s)?|transferr?(?:ed|ing)|dispatched)\b",
            re.I,
        ),
        "movement of forces",
        "dispatched",
    ),
    (
        re.compile(r"\b(?:fled|flee(?:s|ing)?|escap(?:ed|es|ing)|defect(?:ed|s|ing))\b", re.I),
        "flight/defection",
        "fled",
    ),
    (re.compile(r"\b(?:evacuat(?:ed|es|ing))\b", re.I), "evacuation", "evacuated"),
    (
        re.compile(
            r"\b(?:deport(?:ed|s|ing)|expell(?:ed|ing)|repatriat(?:ed|ing)|"
            r"extradit(?:ed|ing))\b",
            re.I,
        ),
        "deportation",
        "deported",
    ),
    (
        # not the noun: "the border crossing", "a crossing point"
        re.compile(
            r"(?<!\bborder )(?<!\bthe )(?<!\ba )\b(?:cross(?:ed|es|ing))\b(?!\s+point)", re.I
        ),
        "border crossing",
        "crossed",
    ),
    (
        re.compile(
            r"\b(?:travell?(?:ed|ing|s)|flew|flown|moved|headed|returned|marched|"
            r"smuggled|trafficked|drove|driven|transported|ferried|bussed|airlifted|sailed|"
            r"relocated|walked|carried(?!\s+out)|(?:taken|brought)(?=\s+(?:by|to|from|back)\b))\b",
            re.I,
        ),
        "movement",
        "travelled",
    ),
    (
        re.compile(
            r"\b(?:disappear(?:ed|s|ance|ances)?|vanish(?:ed|es)?|went missing|"
            r"abduct(?:ed|ion)|kidnapp?(?:ed|ing))\b",
            re.I,
        ),
        "disappearance",
        None,
    ),
    (
        re.compile(r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|captured|caught|seized)\b", re.I),
        "arrest",
        None,
    ),
    (
        re.compile(
            r"\b(?:killed|attack(?:ed|s)?|bomb(?:ed|ing|ings)|shot|shelling|shelled|"
            r"stabbed|explosion|airstrikes?|assassinat(?:ed|ion))\b",
            re.I,
        ),
        "attack",
        None,
    ),
    (re.compile(r"\b(?:summit|talks|met with|meeting)\b", re.I), "meeting/summit", None),
    (
        re.compile(r"\b(?:surveillance|monitored|spied on|wiretapp?ed)\b", re.I),
        "surveillance",
        None,
    ),
    (re.compile(r"\b(?:protest(?:ed|s|ers)?|demonstrat(?:ed|ions?|ors))\b", re.I), "protest", None),
]
# Any trigger at all, as a prefilter: most sentences have none, and are passed over with one
# search of the lower-cased sentence. Lookbehinds are dropped (they only narrow a match) and
# the search is case-sensitive: both let the regex engine skip ahead quickly (6x faster).
_LOOKBEHIND = re.compile(r"\(\?<!(?:[^()\\]|\\.)*\)")
_ANY_TRIGGER = re.compile(
    "|".join(f"(?:{_LOOKBEHIND.sub('', rx.pattern)})" for rx, _, _ in TRIGGERS)
)


def any_trigger(sentence: str) -> bool:
    """False only when no trigger of :data:`TRIGGERS` can match in ``sentence``."""
    return _ANY_TRIGGER.search(sentence.lower()) is not None


_ATTRIBUTION = re.compile(r"\b(?:according to|citing|cited|told|said|reported by)\b", re.I)
_CLAUSE = re.compile(
    r",\s|;\s|\s-\s|\s–\s|\b(?:after|before|when|while|because|who|which|that|"
    r"but|although|and later|and then)\s",
    re.I,
)
_SUBJECT_CUT = re.compile(
    r"\s(?:has|have|had|was|were|is|are|will|would|also|since|based|"
    r"from|who|which|with|in|put|reportedly|apparently|[a-z]+ed)\b|\s[-–]\s"
)
_ANAPHOR = re.compile(
    r"^(?:the\s+(?:\w+\s+)?(?:men|women|man|woman|officials?|agents?|group|"
    r"team|officers?|soldiers|defectors?|family|families|people)|they|he|she)\b",
    re.I,
)
_BETWEEN = re.compile(
    r"\s*(?:\w+\s+){0,3}?between\s+(?P<a>[A-Z][\w’'\-. ]+?)(?:,[^,]*,)?\s+and\s+"
    r"(?P<b>[A-Z][\w’'\-. ]+?)(?=\s+(?:in|on|at|last|this)\b|[,.;]|$)"
)
# "near X", "outside the town of X", "20 km north of X": the event was around X, not in it
_NEAR = re.compile(
    r"\b(?:near|nearby|outside|close to|outskirts of|(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)? (?:outskirts )?of)\s+(?:the\s+)?(?:(?:city|town|village|border town) of\s+)?$",
    re.I,
)


def _near(text: str, start: int) -> bool:
    """True when the words right before ``start`` say "near" ("outside the town of", …)."""
    return _NEAR.search(text, max(0, start - 60), start) is not None


_ONWARD = re.compile(r"\b(?:later|then|onward|onwards|on to|before continuing)\b", re.I)
_QUOTED = re.compile(r"[‘“\"][^‘’“”\"]*[’”\"]")


def _stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


_LEAVE_VERBS = frozenset(
    (
        "fled",
        "flee",
        "flees",
        "fleeing",
        "left",
        "leaving",
        "leave",
        "leaves",
        "escaped",
        "departed",
        "abandoned",
        "quit",
        "evacuated",
    )
)
_TRANSPARENT = ("near", "outside", "around")
_NOT_DIRECTIONAL = frozenset(("due", "according", "owing", "close", "next", "similar", "prior"))
_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or)\s*$")


@dataclass(frozen=True, slots=True)
class _Role:
    toponym: Toponym
    role: str  # origin | via | destination | location | subject


def _role(sentence: str, rel_start: int) -> str:
    """The role a place plays, from the words right before it in its sentence."""
    before = sentence[:rel_start]
    words = re.findall(r"[\w’'-]+", before)[-7:]
    lowered = [w.lower() for w in words]
    skipped = False
    for i in range(len(lowered) - 1, -1, -1):
        w = lowered[i]
        if any(x in lowered[i + 1 :] for x in ("and", "or")) and len(lowered) - i > 2:
            break
        if i == len(lowered) - 1 and w in _LEAVE_VERBS:
            return "origin"  # "fled Sittwe", "left Kabul"
        if w in ("to", "into", "toward", "towards", "reached", "reaching"):
            return "destination"
        if w in ("through", "via", "across"):
            return "via"
        if w == "from" or (w == "of" and i > 0 and lowered[i - 1] == "out"):
            return "origin"
        if w in ("in", "at"):
            context = lowered[max(0, i - 3) : i]
            if any(c in ("arrived", "arriving", "landed", "landing") for c in context):
                return "destination"
            if any(c in ("stop", "stopover", "transit", "layover") for c in context):
                return "via"  # "with a stop in Dubai"
            wider = lowered[max(0, i - 6) : i]
            if any(
                c in ("to", "into") and (j == 0 or wider[j - 1] not in _NOT_DIRECTIONAL)
                for j, c in enumerate(wider)
            ):
                return "destination"  # "to a processing centre in Manston"
            if any(
                c in ("based", "headquarters", "stationed", "from", "home", "living")
                for c in context
            ):
                return "origin"
            return "location"
        if w in (
            "city",
            "border",
            "the",
            "of",
            "neighbouring",
            "neighboring",
            "capital",
            "town",
            "village",
            "province",
            "region",
            "its",
            "their",
            "his",
            "her",
            "nearby",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            *_TRANSPARENT,
        ):
            continue
        if words[i][:1].isupper():
            continue
        if i + 1 < len(lowered) and lowered[i + 1] in _TRANSPARENT and not skipped:
            skipped = True  # "from camps near Erbil"
            continue
        break
    # "a convoy near Goma": around the place, which is where it happened
    return "location" if _NEAR.search(before, max(0, len(before) - 60)) else "none"


def _rank(toponym: Toponym) -> int:
    return _precision_rank(toponym.place) if toponym.place else 9


def _precision_rank(place: Place) -> int:
    return {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}.get(
        place.feature_type, 5
    )


def _actor(segment: str) -> str | None:
    text = re.sub(r"^\s*(?:and|but|then)\s+", "", segment.strip(), flags=re.I)
    text = re.sub(r"^(?:in|on|by|during|since)\s+[^,]*,\s*", "", text, flags=re.I)
    cut = _SUBJECT_CUT.search(" " + text)
    if cut:
        text = (" " + text)[: cut.start()].strip()
    text = text.strip(" ,.-“”\"'")
    if not text or text.lower() in ("it", "he", "she", "they", "them", "this", "that"):
        return None
    return text[:120]


def _clause_start(sentence: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE.finditer(sentence, 0, pos):
        start = m.end()
    return start


def _roles_in_sentence(sentence: str, offset: int, toponyms: list[Toponym]) -> list[str]:
    """The role cue of each toponym; one joined by "and"/"," to the one before shares its role
    ("from Tunis and Algiers")."""
    roles: list[str] = []
    for k, t in enumerate(toponyms):
        role = _role(sentence, t.span.start - offset)
        if k and roles[k - 1] in ("origin", "via", "destination"):
            gap = sentence[toponyms[k - 1].span.end - offset : t.span.start - offset]
            if _COORDINATED.match(gap):
                role = roles[k - 1]
        roles.append(role)
    return roles


def extract_events(
    document: Document, toponyms: Sequence[Toponym]
) -> tuple[list[Incident], list[Movement]]:
    """Incidents and movements reported in ``document``, from its resolved toponyms."""
    text = document.text
    # "Chinese" names a country but does not say where something happened
    resolved = [t for t in toponyms if t.place is not None and t.kind_hint != "demonym"]
    incidents: list[Incident] = []
    movements: list[Movement] = []
    resolved.sort(key=lambda t: t.span.start)
    starts = [t.span.start for t in resolved]
    # the last sentence with places: its most precise place, and its text (for its date)
    previous: tuple[Toponym, str] | None = None
    first_line_end = text.find("\n") if "\n" in text else len(text)
    for sent in sentences(text):
        if sent.start < first_line_end and document.title:
            continue  # the header line is metadata, not a report of events
        s_text = sent.text
        here = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        if not here and not _ANAPHOR.match(s_text.lstrip()):
            continue  # no place, none carried: nothing to report
        if not any_trigger(s_text):
            if here:
                previous = (min(here, key=_rank), s_text)
            continue
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(s_text)]
        triggers = []
        for rx, event_type, movement_type in TRIGGERS:
            for m in rx.finditer(s_text):
                if any(a <= m.start() < b for a, b in quoted):
                    continue  # reported speech, threats and orders are not events
                if re.search(
                    r"\b(?:to|not|never|would|could|might|if|be)\s+$", s_text[: m.start()], re.I
                ):
                    continue  # "to escape", "would be" ... intentions, not events
                if re.search(r"\b(?:until|unless|if)\b[^,;]*$", s_text[: m.start()], re.I):
                    continue  # "until the defectors are caught": a condition, not an event
                triggers.append((m, event_type, movement_type))
        # a trailing attribution ("..., officials in Vilnius said") is not where things happened;
        # one before the events ("Officials said that ...") introduces them
        first = min((m.start() for m, _, _ in triggers), default=len(s_text))
        attribution = next((a for a in _ATTRIBUTION.finditer(s_text) if a.start() > first), None)
        in_sentence = [
            t for t in here if not (attribution and t.span.start - sent.start > attribution.start())
        ]
        cues = _roles_in_sentence(s_text, sent.start, in_sentence)
        when = find_date(s_text, document.published)
        triggers.sort(key=lambda x: x[0].start())
        seen_types: set[str] = set()
        pending: _Pending | None = None
        for k, (m, event_type, movement_type) in enumerate(triggers):
            if event_type in seen_types and not movement_type:
                continue
            clause = _clause_start(s_text, m.start())
            next_trigger = triggers[k + 1][0].start() if k + 1 < len(triggers) else len(s_text)
            roles: list[_Role] = []
            for t, role in zip(in_sentence, cues, strict=True):
                rel = t.span.start - sent.start
                if rel < m.start():
                    if role == "origin" and (rel >= clause or k == 0):
                        # "From Port Sudan, the evacuees were carried ... to Jeddah"
                        roles.append(
                            _Role(t, "origin-before" if rel >= clause else "fronted-origin")
                        )
                    elif role == "none" and rel >= clause:
                        roles.append(_Role(t, "subject"))
                    elif role in ("origin", "location") and len(triggers) == 1:
                        roles.append(_Role(t, "context-" + role))
                elif rel < next_trigger:
                    if role == "none" and not s_text[m.end() : rel].strip():
                        role = "object"  # "shelled Kharkiv"
                    roles.append(_Role(t, role))
            actor = _actor(s_text[clause : m.start()]) or _actor(s_text[: m.start()])
            actor2 = None
            if event_type == "meeting/summit":
                pair = _BETWEEN.match(s_text, m.end())
                actor, actor2 = (pair["a"].strip(), pair["b"].strip()) if pair else (None, None)
            quote = Span(s_text, sent.start, sent.end)
            if movement_type:
                carried_origin = None
                if previous and _ANAPHOR.match(s_text.strip()):
                    carried_origin = previous[0]
                between = s_text[pending.end_in(sent.start) if pending else 0 : m.start()]
                found, pending = _movements(
                    document,
                    roles,
                    _Trigger(movement_type, m.group(), m.end()),
                    actor,
                    when,
                    quote,
                    carried_origin,
                    pending,
                    between,
                )
                movements.extend(found)
            if event_type in seen_types:
                continue  # one incident of a kind per sentence
            place_t = _incident_place(roles, len(triggers) == 1)
            carried = False
            if place_t is None and not in_sentence and previous and _ANAPHOR.match(s_text):
                place_t, carried = previous[0], True
            if place_t is None or place_t.place is None:
                continue
            seen_types.add(event_type)
            event_when = when or (
                find_date(previous[1], document.published) if carried and previous else None
            )
            incidents.append(
                Incident(
                    id=_event_id(document.id, sent.start, event_type, (place_t.place,), event_when),
                    document_id=document.id,
                    event_type=event_type,
                    sub_event_type=sub_event_type(
                        event_type, next(t[0].group() for t in triggers if t[1] == event_type)
                    ),
                    place=place_t.place,
                    location=place_t.span.text,
                    quote=quote,
                    when=event_when,
                    actor1=actor,
                    actor2=actor2,
                    confidence=40 if carried else (70 if event_when else 60),
                    near=not carried and _near(text, place_t.span.start),
                )
            )
        if in_sentence:
            previous = (min(in_sentence, key=_rank), s_text)
    return incidents, movements


def _event_id(
    document_id: str, offset: int, kind: str, places: Sequence[Place], when: When | None
) -> str:
    """A stable id. A dated event is identified by what, where and when, so reports of it from
    several documents share one id and merge; an undated one stays with its document."""
    where = [p.gazetteer_id for p in places]
    if when is not None:
        return _stable_id(kind, *where, when.start, when.end)
    return _stable_id(document_id, offset, kind, *where)


def _incident_place(roles: list[_Role], only: bool) -> Toponym | None:
    """Where an incident happened: a place after its trigger ("disappeared in China", "fled
    through Dandong"), else, when the sentence reports one event, its other places."""
    for wanted in ("destination", "via", "location", "object"):
        for r in roles:
            if r.role == wanted:
                return r.toponym
    if not only:
        return None
    for r in roles:
        if r.role in (
            "origin",
            "origin-before",
            "fronted-origin",
            "context-origin",
            "context-location",
        ):
            return r.toponym
    subjects = [r.toponym for r in roles if r.role == "subject" and r.toponym.place]
    if subjects:
        return min(subjects, key=lambda t: _precision_rank(t.place))  # type: ignore[arg-type]
    return None


@dataclass(frozen=True, slots=True)
class _Trigger:
    movement_type: str
    verb: str
    end: int


@dataclass(frozen=True, slots=True)
class _Pending:
    """What an earlier movement trigger in the same sentence left for a later one."""

    trigger: _Trigger
    origins: tuple[Toponym, ...]
    vias: tuple[Toponym, ...]
    path: tuple[Toponym, ...] = ()  # a movement it completed, for "… and later on to Z"

    def end_in(self, sentence_start: int) -> int:
        """Where, in its sentence, the earlier trigger's phrase ends (its verb or last place)."""
        places = (*self.origins, *self.vias, *self.path)
        return max([self.trigger.end, *(t.span.end - sentence_start for t in places)])


_AND = re.compile(r"^\s*(?:,\s*)?(?:and|then|before being|before)\b", re.I)


def _movements(
    document: Document,
    roles: list[_Role],
    trigger: _Trigger,
    actor: str | None,
    when: When | None,
    quote: Span,
    carried_origin: Toponym | None = None,
    pending: _Pending | None = None,
    between: str = "",
) -> tuple[list[Movement], _Pending | None]:
    """The movements one trigger reports: one per origin ("from X and Y to Z"), each through
    its vias to the final destination; and what a later trigger in the sentence may continue
    ("expelled from X and returned to Y", "flown from X to Y, and later on to Z")."""
    after = [r.toponym for r in roles if r.role == "origin"]
    before = [r.toponym for r in roles if r.role == "origin-before"]
    fronted = [r.toponym for r in roles if r.role == "fronted-origin"]
    vias = [r.toponym for r in roles if r.role == "via"]
    dests = [r.toponym for r in roles if r.role == "destination"]
    confidence = 70 if when else 60
    origins = after or before or fronted
    chained: tuple[Toponym, ...] = ()
    if pending and dests and not after:
        if pending.origins and not pending.path and _AND.match(between):
            # "expelled from Minsk and returned to Vilnius": one movement, the first verb's kind
            if not origins or {t.place for t in origins} <= {t.place for t in pending.origins}:
                origins, trigger = list(pending.origins), pending.trigger
                vias = [*pending.vias, *vias]
        elif pending.path and _ONWARD.search(between) and not origins:
            chained = pending.path  # "airlifted from Kabul to Doha, and some later flown on to"
            origins = [pending.path[0]]
    if not origins:
        origins = [r.toponym for r in roles if r.role == "subject"][:1]
    if not dests and vias:
        dests = [vias.pop()]
    if not origins and carried_origin is not None and dests:
        origins, confidence = [carried_origin], 40  # "They were later moved to Y"
    if origins and not dests:
        return [], _Pending(trigger, tuple(origins), tuple(vias))
    if not origins or not dests:
        return [], None
    # "flown from X to Y and later to Z": Y is a stop on the way to Z
    final = dests[0]
    for nxt in dests[1:]:
        gap = quote.text[final.span.end - quote.start : nxt.span.start - quote.start]
        if not _ONWARD.search(gap):
            break
        vias.append(final)
        final = nxt
    out: list[Movement] = []
    for origin in origins:
        stops = (*chained, *vias, final) if chained else (origin, *vias, final)
        path: list[Place] = []
        for t in stops:
            if t.place is not None and (not path or path[-1].gazetteer_id != t.place.gazetteer_id):
                path.append(t.place)
        if len(path) < 2:
            continue
        out.append(
            Movement(
                id=_event_id(document.id, quote.start, trigger.movement_type, path, when),
                document_id=document.id,
                movement_type=trigger.movement_type,
                path=tuple(path),
                quote=quote,
                when=when,
                actor=actor,
                verb=trigger.verb,
                confidence=confidence,
            )
        )
    last = (*(chained or (origins[-1],)), *vias, final)
    return out, _Pending(trigger, tuple(origins), tuple(vias), last)
