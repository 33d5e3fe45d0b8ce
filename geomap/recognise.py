"""Find place mentions in running text, with end-exclusive character offsets.

Gazetteer matching over runs of capitalised words, with context: titles and organisation words
veto names of people and bodies, sentence-initial common words need strong evidence, region
words ("Province") and phrases ("the city of") hint at the kind of place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geomap.lexicon import (
    CONNECTORS,
    DEMONYMS,
    GEO_MODIFIERS,
    LOCATIVE_CUES,
    ORG_WORDS,
    REGION_SUFFIXES,
    STOPWORDS,
    TITLES,
)
from geomap.model import Span, Toponym
from geomap.normalise import name_key

MAX_NGRAM = 6
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[’'\-.&](?=[^\W_]))*")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text with its offsets and where it stands."""

    text: str
    start: int
    end: int
    sentence_start: bool

    @property
    def key(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenise(text: str) -> list[Token]:
    """Words with offsets; possessive 's is cut off; flags words that open a sentence."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        pm = _POSSESSIVE.search(word)
        if pm and len(word) > 3:
            word, end = word[: pm.start()], start + pm.start()
        before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
        sentence_start = not before or before[-1] in ".!?\n:;"
        tokens.append(Token(word, start, end, sentence_start))
    return tokens


def _joined(text: str, a: Token, b: Token) -> bool:
    """True when nothing but plain spaces separates ``a`` from ``b``."""
    gap = text[a.end : b.start]
    return gap != "" and gap.strip(" ") == "" and len(gap) <= 2 and "\n" not in gap


def capitalised_runs(text: str, tokens: list[Token]) -> list[list[int]]:
    """Indices of runs of capitalised words, joined by spaces and lower-case connectors."""
    runs: list[list[int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].capitalised:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            if not _joined(text, tokens[j - 1], tokens[j]):
                break
            if tokens[j].capitalised:
                run.append(j)
                j += 1
                continue
            # lower-case connectors are kept only when a capitalised word follows them
            k = j
            while k < n and tokens[k].key in CONNECTORS and _joined(text, tokens[k - 1], tokens[k]):
                k += 1
            if (
                k > j
                and k < n
                and tokens[k].capitalised
                and _joined(text, tokens[k - 1], tokens[k])
            ):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        runs.append(run)
        i = j
    return runs


def _split_at_titles(tokens: list[Token], run: list[int]) -> list[tuple[list[int], bool]]:
    """Split a run at title words; each piece says whether a title stood right before it."""
    pieces: list[tuple[list[int], bool]] = []
    current: list[int] = []
    after_title = False
    for idx in run:
        if tokens[idx].key.rstrip(".") in TITLES:
            if current:
                pieces.append((current, after_title))
            current, after_title = [], True
            continue
        current.append(idx)
    if current:
        pieces.append((current, after_title))
    return pieces


@dataclass(slots=True)
class _Match:
    first: int  # token index
    last: int  # inclusive
    key: str


class Recogniser:
    """Finds toponyms using a name-membership test (``has(name_key) -> bool``)."""

    def __init__(self, has_name: Callable[[str], bool], big_name: Callable[[str], bool]) -> None:
        self.has_name = has_name
        self.big_name = big_name  # a country, region or large city has this name

    def _longest_matches(self, tokens: list[Token], piece: list[int]) -> list[_Match]:
        matches: list[_Match] = []
        i = 0
        while i < len(piece):
            found = None
            if tokens[piece[i]].key not in CONNECTORS:
                for j in range(min(len(piece), i + MAX_NGRAM), i, -1):
                    if tokens[piece[j - 1]].key in CONNECTORS:
                        continue
                    key = name_key(" ".join(tokens[t].text for t in piece[i:j]))
                    if self.has_name(key):
                        found = _Match(piece[i], piece[j - 1], key)
                        i = j
                        break
            if found:
                matches.append(found)
            else:
                i += 1
        return matches

    def recognise(self, text: str) -> list[Toponym]:
        """Every place mention in ``text``, in order of appearance."""
        tokens = tokenise(text)
        lower_words = {t.text for t in tokens if not t.capitalised}
        person_words: set[str] = set()
        out: list[Toponym] = []
        for run in capitalised_runs(text, tokens):
            for piece, after_title in _split_at_titles(tokens, run):
                words = [tokens[i].key for i in piece]
                if after_title:
                    person_words.update(w for w in words if w not in CONNECTORS)
                    continue
                if any(w in ORG_WORDS for w in words) and len(piece) > 1:
                    continue  # "Ministry of State Security", "Daily NK"
                if name_key(" ".join(tokens[i].text for i in piece)) in DEMONYMS:
                    continue
                matches = self._longest_matches(tokens, piece)
                if not matches:
                    if len(piece) > 1:
                        person_words.update(w for w in words if w not in CONNECTORS)
                    continue
                covered = {i for m in matches for i in range(m.first, m.last + 1)}
                loose = [
                    i
                    for i in piece
                    if i not in covered
                    and tokens[i].key not in CONNECTORS
                    and tokens[i].key not in GEO_MODIFIERS
                    and tokens[i].key not in REGION_SUFFIXES
                ]
                if loose:
                    first_match = min(m.first for m in matches)
                    if any(i < first_match for i in loose):
                        # "Donald Trump", "Kim Jong-un" ... a name, unless a big place leads it
                        person_words.update(w for w in words if w not in CONNECTORS)
                        continue
                    matches = [m for m in matches if self.big_name(m.key)]  # "Hanoi Summit"
                    if not matches:
                        person_words.update(w for w in words if w not in CONNECTORS)
                for m in matches:
                    toponym = self._accept(text, tokens, m, lower_words)
                    if toponym:
                        out.append(toponym)
        # one sense per document: a word used as a person's name is not a place elsewhere
        return [
            t for t in out if not (" " not in t.span.text and t.span.text.lower() in person_words)
        ]

    def _accept(
        self, text: str, tokens: list[Token], m: _Match, lower_words: set[str]
    ) -> Toponym | None:
        first, last = tokens[m.first], tokens[m.last]
        single = m.first == m.last
        if single and first.key in STOPWORDS:
            return None
        if single and len(first.text) < 3 and not first.text.isupper():
            return None
        prev = tokens[m.first - 1] if m.first > 0 else None
        cue = prev is not None and prev.key in LOCATIVE_CUES
        big = self.big_name(m.key)
        if first.sentence_start and single and not big:
            if first.text.lower() in lower_words or not cue:
                return None  # "Along the road ..." opens a sentence
        if single and not big and not cue and not first.text.isupper():
            if first.sentence_start or first.text.lower() in lower_words:
                return None
        end = last.end
        hint: str | None = None
        nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
        if nxt is not None and nxt.key in REGION_SUFFIXES and _joined(text, last, nxt):
            if nxt.capitalised:
                end = nxt.end  # "Liaoning Province": the region word is part of the name
            hint = REGION_SUFFIXES[nxt.key]
        before = text[max(0, first.start - 12) : first.start].lower()
        if re.search(r"\b(?:city|town|village|capital) of\s+$", before):
            hint = "city"
        elif re.search(r"\b(?:province|state|region) of\s+$", before):
            hint = "admin1"
        return Toponym(Span(text[first.start : end], first.start, end), None, hint)


def demonym_countries(text: str) -> set[str]:
    """Country codes of the demonyms a text uses ('Chinese' -> CN), for resolution context."""
    found: set[str] = set()
    for demonym, code in DEMONYMS.items():
        pattern = r"\b" + r"\s+".join(w.capitalize() for w in demonym.split()) + r"s?\b"
        if re.search(pattern, text):
            found.add(code)
    return found
