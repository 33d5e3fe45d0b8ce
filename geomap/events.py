"""Incidents and movements from sentences: trigger words, role cues around place mentions,
clause-level subjects as actors, and dates resolved against the article date."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.dates import find_date
from geomap.model import Document, Incident, Movement, Place, Span, Toponym, When
from geomap.segment import sentences

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
    (re.compile(r"\b(?:cross(?:ed|es|ing))\b", re.I), "border crossing", "crossed"),
    (
        re.compile(
            r"\b(?:travell?(?:ed|ing|s)|flew|flown|moved|headed|returned|marched|"
            r"smuggled|trafficked)\b",
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
_ATTRIBUTION = re.compile(r"\b(?:according to|citing|cited|told|said|reported by)\b", re.I)
_CLAUSE = re.compile(
    r",\s|;\s|\s-\s|\s–\s|\b(?:after|before|when|while|because|who|which|that|"
    r"but|although)\s",
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
_ONWARD = re.compile(r"\b(?:later|then|onward|onwards|on to|before continuing)\b", re.I)
_QUOTED = re.compile(r"[‘“\"][^‘’“”\"]*[’”\"]")


def _stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class _Role:
    toponym: Toponym
    role: str  # origin | via | destination | location | subject


def _role(sentence: str, rel_start: int) -> str:
    """The role a place plays, from the words right before it in its sentence."""
    before = sentence[:rel_start]
    words = re.findall(r"[\w’'-]+", before)[-7:]
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 1, -1, -1):
        w = lowered[i]
        if any(x in lowered[i + 1 :] for x in ("and", "or")) and len(lowered) - i > 2:
            break
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
        ):
            continue
        if words[i][:1].isupper():
            continue
        break
    return "none"


def _precision_rank(place: Place) -> int:
    return {"city": 0, "admin1": 1, "country": 2}.get(place.feature_type, 3)


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


def extract_events(
    document: Document, toponyms: Sequence[Toponym]
) -> tuple[list[Incident], list[Movement]]:
    """Incidents and movements reported in ``document``, from its resolved toponyms."""
    text = document.text
    resolved = [t for t in toponyms if t.place is not None]
    incidents: list[Incident] = []
    movements: list[Movement] = []
    previous: tuple[Toponym, When | None] | None = None
    first_line_end = text.find("\n") if "\n" in text else len(text)
    for sent in sentences(text):
        if sent.start < first_line_end and document.title:
            continue  # the header line is metadata, not a report of events
        s_text = sent.text
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(s_text)]
        attribution = _ATTRIBUTION.search(s_text)
        in_sentence = [
            t
            for t in resolved
            if sent.start <= t.span.start < sent.end
            and not (attribution and t.span.start - sent.start > attribution.start())
        ]
        when = find_date(s_text, document.published)
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
        triggers.sort(key=lambda x: x[0].start())
        seen_types: set[str] = set()
        for k, (m, event_type, movement_type) in enumerate(triggers):
            if event_type in seen_types:
                continue
            clause = _clause_start(s_text, m.start())
            next_trigger = triggers[k + 1][0].start() if k + 1 < len(triggers) else len(s_text)
            roles: list[_Role] = []
            for t in in_sentence:
                rel = t.span.start - sent.start
                role = _role(s_text, rel)
                if rel < m.start():
                    if role == "origin" and rel >= clause:
                        roles.append(_Role(t, "origin"))
                    elif role == "none" and rel >= clause:
                        roles.append(_Role(t, "subject"))
                    elif role in ("origin", "location") and len(triggers) == 1:
                        roles.append(_Role(t, "context-" + role))
                elif rel < next_trigger:
                    roles.append(_Role(t, role))
            actor = _actor(s_text[clause : m.start()]) or _actor(s_text[: m.start()])
            actor2 = None
            if event_type == "meeting/summit":
                pair = _BETWEEN.match(s_text, m.end())
                actor, actor2 = (pair["a"].strip(), pair["b"].strip()) if pair else (None, None)
            quote = Span(s_text, sent.start, sent.end)
            if movement_type:
                mv = _movement(document, roles, movement_type, m.group(), actor, when, quote)
                if mv:
                    movements.append(mv)
            place_t = _incident_place(roles, len(triggers) == 1)
            carried = False
            if place_t is None and not in_sentence and previous and _ANAPHOR.match(s_text):
                place_t, carried = previous[0], True
            if place_t is None or place_t.place is None:
                continue
            seen_types.add(event_type)
            event_when = when or (previous[1] if carried and previous else None)
            incidents.append(
                Incident(
                    id=_stable_id(document.id, sent.start, event_type),
                    document_id=document.id,
                    event_type=event_type,
                    place=place_t.place,
                    location=place_t.span.text,
                    quote=quote,
                    when=event_when,
                    actor1=actor,
                    actor2=actor2,
                    confidence=40 if carried else (70 if event_when else 60),
                )
            )
        if in_sentence:
            best = min(in_sentence, key=lambda t: _precision_rank(t.place))  # type: ignore[arg-type]
            previous = (best, when)
    return incidents, movements


def _incident_place(roles: list[_Role], only: bool) -> Toponym | None:
    """Where an incident happened: a place after its trigger ("disappeared in China", "fled
    through Dandong"), else, when the sentence reports one event, its other places."""
    for wanted in ("destination", "via", "location"):
        for r in roles:
            if r.role == wanted:
                return r.toponym
    if not only:
        return None
    for r in roles:
        if r.role in ("origin", "context-origin", "context-location"):
            return r.toponym
    subjects = [r.toponym for r in roles if r.role == "subject" and r.toponym.place]
    if subjects:
        return min(subjects, key=lambda t: _precision_rank(t.place))  # type: ignore[arg-type]
    return None


def _movement(
    document: Document,
    roles: list[_Role],
    movement_type: str,
    verb: str,
    actor: str | None,
    when: When | None,
    quote: Span,
) -> Movement | None:
    origins = [r.toponym for r in roles if r.role == "origin"]
    vias = [r.toponym for r in roles if r.role == "via"]
    dests = [r.toponym for r in roles if r.role == "destination"]
    if not origins:
        origins = [r.toponym for r in roles if r.role == "subject"]
    if not dests and vias:
        dests = [vias.pop()]
    if not origins or not dests:
        return None
    # "flown from X to Y and later to Z": Y is a stop on the way to Z
    final = dests[0]
    for nxt in dests[1:]:
        between = quote.text[final.span.end - quote.start : nxt.span.start - quote.start]
        if not _ONWARD.search(between):
            break
        vias.append(final)
        final = nxt
    path: list[Place] = []
    for t in (origins[0], *vias, final):
        if t.place is not None and (not path or path[-1].gazetteer_id != t.place.gazetteer_id):
            path.append(t.place)
    if len(path) < 2:
        return None
    return Movement(
        id=_stable_id(
            document.id, quote.start, movement_type, path[0].gazetteer_id, path[-1].gazetteer_id
        ),
        document_id=document.id,
        movement_type=movement_type,
        path=tuple(path),
        quote=quote,
        when=when,
        actor=actor,
        verb=verb,
        confidence=70 if when else 60,
    )
