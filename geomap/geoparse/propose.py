"""Propose likely place names the gazetteer lacks: villages, districts, border posts.

A capitalised name is proposed when its context says "place": it follows a locative
preposition ("in", "at", "near", "from", "to", ...), or a place word follows or precedes it
("Musan County", "the Sambong border crossing", "the village of Kwangmyong"). Names already
recognised, names the gazetteer knows, and names the obvious cues mark as people or
organisations (a title before, "said" after, an organisation word inside) are left out.
The pipeline sends proposals to online geocoders when configured, else reports them unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from geomap.geoparse.text import POSSESSIVE, Run, Token, capitalised_runs, joined, tokenise
from geomap.model import Span
from geomap.names.lexicon import (
    ARTICLES,
    CONNECTORS,
    DEMONYMS,
    KIND_AFTER,
    LANGUAGES,
    MONTH_ABBREVIATIONS,
    NOT_LOCATIVE_BEFORE,
    NOT_PLACE_WORDS,
    NOT_PLACES,
    ORG_WORDS,
    PERSON_AFTER,
    PLACE_PREPOSITIONS,
    PROPOSAL_CUES,
    STOPWORDS,
    TIME_WORDS,
    TITLES,
)
from geomap.names.normalise import name_key

# Cues a person's name can follow as easily as a place's.
_WEAK_CUES = ("after 'to'", "after 'from'", "after 'via'")
# "the village of X", "the county of X".
_KIND_OF = re.compile(
    r"\b(village|town|township|hamlet|settlement|city|county|district|province|region|"
    r"prefecture|governorate|municipality)\s+(?:of|called|named)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A likely place name: where it is written, what to ask a geocoder, and why."""

    span: Span
    query: str
    kind_hint: str | None  # "city" | "admin1" | None
    cue: str  # e.g. "after 'near'", "'county'"


def _person_words(text: str, toks: list[Token], runs: list[Run]) -> set[str]:
    """Words the document uses as people's names: after a title, or before 'said'."""
    words: set[str] = set()
    for run in runs:
        keys = [toks[i].key.rstrip(".") for i in run]
        for k, key in enumerate(keys):
            if key in TITLES:
                words.update(POSSESSIVE.sub("", w) for w in keys[k + 1 :])
                break
        last = run[-1]
        if toks[last].key in KIND_AFTER or (
            run[0] > 0 and toks[run[0] - 1].key in PLACE_PREPOSITIONS
        ):
            continue  # "officials in Musan County said": the officials speak, not the place
        if last + 1 < len(toks) and toks[last + 1].key in PERSON_AFTER:
            if (
                joined(text, toks[last], toks[last + 1])
                or text[toks[last].end : toks[last + 1].start].strip() == ","
            ):
                words.update(POSSESSIVE.sub("", toks[i].key) for i in run)
    return words - CONNECTORS


class _Taken:
    """Spans already taken, answering "does [start, end) overlap any?" by bisection."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.reach: list[int] = []  # the furthest end among spans up to here
        furthest = -1
        for sp in ordered:
            furthest = max(furthest, sp.end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # spans starting before ``end``
        return k > 0 and self.reach[k - 1] > start


def propose(
    text: str, taken: Sequence[Span] = (), known: Callable[[str], bool] | None = None
) -> list[Proposal]:
    """Likely place names in ``text`` outside ``taken`` spans and unknown to ``known``
    (a name-key membership test, e.g. the gazetteer's), in order of appearance."""
    toks = tokenise(text)
    spans_taken = _Taken(taken)
    runs = capitalised_runs(text, toks)
    people = _person_words(text, toks, runs)
    out: list[Proposal] = []
    for run in runs:
        idx = list(run)
        while idx and toks[idx[0]].key in ARTICLES:
            idx = idx[1:]
        if not idx:
            continue
        if spans_taken.overlaps(toks[idx[0]].start, toks[idx[0]].start + 1):
            continue  # already a recognised place, however the name below ends: most runs
        # a capitalised place word closing the run is part of the name: "Musan County"
        kind: str | None = None
        cue: str | None = None
        name_idx = list(idx)
        tail = toks[idx[-1]].key
        if len(idx) >= 3 and f"{toks[idx[-2]].key} {tail}" in KIND_AFTER:
            kind, cue, name_idx = KIND_AFTER[f"{toks[idx[-2]].key} {tail}"], tail, idx[:-2]
        elif len(idx) >= 2 and tail in KIND_AFTER:
            kind, cue, name_idx = KIND_AFTER[tail], tail, idx[:-1]
        while len(name_idx) > 1 and toks[name_idx[-1]].key in TIME_WORDS:
            name_idx = name_idx[:-1]  # "Central Park Saturday", "Tangbu on Monday"
            while len(name_idx) > 1 and toks[name_idx[-1]].key in CONNECTORS:
                name_idx = name_idx[:-1]
            idx = name_idx
        if not name_idx:
            continue
        first, last = toks[idx[0]], toks[idx[-1]]
        end = last.end
        pm = POSSESSIVE.search(last.text)
        if pm and len(last.text) > 3:
            end = last.start + pm.start()
        if spans_taken.overlaps(first.start, end):
            continue  # already a recognised place: most runs stop here
        keys = [toks[i].key.rstrip(".") for i in name_idx]
        # context before: a locative preposition (skipping an article) or "the village of"
        before = run[0] - 1
        while before >= 0 and toks[before].key in ARTICLES and not toks[before].capitalised:
            before -= 1
        prev = toks[before] if before >= 0 else None
        prev_joined = prev is not None and text[prev.end : toks[run[0]].start].strip() in (
            "",
            "the",
            "a",
        )
        if cue is None and prev is not None and prev_joined and prev.key in PROPOSAL_CUES:
            if prev.key in ("to", "from") and before > 0:
                if toks[before - 1].key in NOT_LOCATIVE_BEFORE:
                    continue
            cue = f"after {prev.key!r}"
        m = None
        window = text[max(0, first.start - 30) : first.start]
        if cue is None and window.rstrip().lower().endswith(("of", "called", "named")):
            m = _KIND_OF.search(window)  # (the test before it is a cheap necessary condition)
        if m:
            word = m.group(1).lower()
            cue, kind = f"{word} of", KIND_AFTER.get(word, "city")
        # context after: a lower-case place word ("the Sambong border crossing")
        nxt = run[-1] + 1
        if nxt < len(toks) and joined(text, toks[run[-1]], toks[nxt]):
            two = (
                f"{toks[nxt].key} {toks[nxt + 1].key}"
                if nxt + 1 < len(toks) and joined(text, toks[nxt], toks[nxt + 1])
                else ""
            )
            word = two if two in KIND_AFTER else toks[nxt].key
            if not toks[nxt].capitalised and word in KIND_AFTER:
                kind = kind or KIND_AFTER[word]
                cue = cue or repr(word)
            if toks[nxt].key in PERSON_AFTER and not kind and cue in (None, *_WEAK_CUES):
                continue  # "... to Kim said": a person; "officials in Musan said": a place
        if text[end : end + 6].startswith((", who", ", whose")):
            continue
        if cue is None:
            continue
        # the obvious non-places
        if prev is not None and prev.key.rstrip(".") in TITLES:
            continue
        if any(
            k in TITLES or k in ORG_WORDS or k in NOT_PLACES or k in NOT_PLACE_WORDS for k in keys
        ):
            continue
        if len(keys) > 1 and any(len(toks[i].text) == 1 for i in name_idx):
            continue  # an initial: "Ashley L. Evens"
        if keys[0] in TIME_WORDS or keys[0] in MONTH_ABBREVIATIONS:
            continue
        if all(k in STOPWORDS or k in CONNECTORS for k in keys):
            continue
        name = text[first.start : toks[name_idx[-1]].end]
        name = POSSESSIVE.sub("", name) if name_idx[-1] == idx[-1] else name
        if name_key(name) in DEMONYMS or name_key(name) in LANGUAGES:
            continue
        if len(name_idx) == 1 and (len(name) < 3 or name.isupper()):
            continue  # "US", "MSS": acronyms are organisations more often than not
        if all(POSSESSIVE.sub("", k) in people for k in keys if k not in CONNECTORS):
            continue
        query = text[first.start : end]
        if known is not None and (known(name_key(query)) or known(name_key(name))):
            continue
        out.append(Proposal(Span(query, first.start, end), query, kind, cue))
    return out
