"""The one tokeniser and run-finder that recognition and proposals share.

Words come with end-exclusive character offsets into the text; a possessive "'s" is cut off a
capitalised word; an abbreviation keeps its full stop ("U.S.", "Ga.", "Que."); hyphenated
names are split ("Toledo-Dayton", "Toledo-based" -> "Toledo"). Runs are the capitalised words
that stand together as one name, joined by spaces and lower-case connectors ("Bosnia and
Herzegovina", "Frankfurt am Main").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geomap.names.lexicon import (
    ABBREVIATED_TITLES,
    ABBREVIATIONS,
    CONNECTORS,
    HYPHEN_SUFFIXES,
    TIME_WORDS,
)

# letters and digits, joined by single apostrophes, hyphens, full stops or ampersands
TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*")
POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


class Token(NamedTuple):
    """A word of the text with its offsets and where it stands."""

    text: str
    start: int
    end: int
    sentence_start: bool
    key: str  # lower case
    capitalised: bool


def _token(text: str, start: int, sentence_start: bool) -> Token:
    return Token(text, start, start + len(text), sentence_start, text.lower(), text[:1].isupper())


_PARTY = re.compile(r"^[DRI]-(?=[A-Z])")


def split_hyphens(word: str, start: int) -> list[tuple[str, int]]:
    """Parts of a hyphenated word that are names of their own: "Washington-Moscow",
    "Toledo-Dayton", "Toledo-based" ("Toledo"), "D-S.C." ("S.C."); else the word whole."""
    if "-" not in word:
        return [(word, start)]
    party = _PARTY.match(word)
    if party:
        return [(word[2:], start + 2)]
    parts = word.split("-")
    if len(parts) > 1 and parts[0][:1].isupper():
        if all(p[:1].isupper() for p in parts):
            out, at = [], start
            for p in parts:
                out.append((p, at))
                at += len(p) + 1
            return out
        if len(parts) == 2 and parts[1].lower() in HYPHEN_SUFFIXES:
            return [(parts[0], start)]
    return [(word, start)]


# the last text tokenised and its tokens (read and replaced as one tuple: thread-safe)
_LAST_TOKENS: list[tuple[str, list[Token]]] = [("", [])]


def tokenise(text: str) -> list[Token]:
    """Words with offsets; possessive 's is cut off; flags words that open a sentence.

    An abbreviation keeps its final full stop ("U.S.", "D.C.", "Ga."); hyphenated names are
    split ("Washington-Moscow").
    """
    last = _LAST_TOKENS[0]
    if last[0] is text:
        return list(last[1])
    tokens: list[Token] = []
    append = tokens.append
    n = len(text)
    abbreviations = ABBREVIATIONS
    new = tuple.__new__  # skips NamedTuple's Python-level __new__: this runs once per word
    for m in TOKEN.finditer(text):
        word = m.group()
        if not word[0].isupper():
            start = m.start()
            append(new(Token, (word, start, start + len(word), False, word.lower(), False)))
            continue
        start, end = m.span()
        if ("'" in word or "’" in word) and len(word) > 3 and POSSESSIVE.search(word):
            word, end = word[:-2], end - 2
        elif end < n and text[end] == "." and ("." in word or word + "." in abbreviations):
            word, end = word + ".", end + 1
        before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
        sentence_start = not before or before[-1] in ".!?\n:;"
        if "-" in word:
            for k, (part, at) in enumerate(split_hyphens(word, start)):
                append(_token(part, at, sentence_start and k == 0))
        else:
            append(new(Token, (word, start, end, sentence_start, word.lower(), True)))
    _LAST_TOKENS[0] = (text, tokens)
    return list(tokens)


_SPACES = (" ", "  ")  # what may stand between two joined words


def joined(text: str, a: Token, b: Token) -> bool:
    """True when nothing but one or two plain spaces separates ``a`` from ``b``."""
    return text[a.end : b.start] in _SPACES


def name_joined(text: str, a: Token, b: Token) -> bool:
    """:func:`joined`, or an abbreviated title or an initial and its full stop before ``b``
    ("Mrs. Preston", "Peter J. Flores")."""
    if joined(text, a, b) or (b.start == a.end + 1 and text[a.end] == "-"):
        return True
    short = a.key in ABBREVIATED_TITLES or (len(a.text) == 1 and a.text.isupper())
    return short and text[a.end : b.start] in (". ", ".")


Run = tuple[int, ...]  # token indices of a run, in order

# the last runs found, with the text and tokens they were found in (recognition and proposals
# ask for the same document's; read and replaced as one tuple: thread-safe)
_LAST_RUNS: list[tuple[str, list[Token], list[Run]]] = [("", [], [])]


def capitalised_runs(text: str, tokens: list[Token]) -> list[Run]:
    """Indices of runs of capitalised words, joined by spaces and lower-case connectors (a
    connector before a day or month name ends the run: "Mellit on Sunday" is a place and a
    date)."""
    last = _LAST_RUNS[0]
    if last[0] is text and last[1] == tokens:
        return list(last[2])
    runs = _runs(text, tokens)
    _LAST_RUNS[0] = (text, list(tokens), runs)
    return list(runs)


def _runs(text: str, tokens: list[Token]) -> list[Run]:
    runs: list[Run] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].capitalised:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            if not name_joined(text, tokens[j - 1], tokens[j]):
                break
            if tokens[j].capitalised:
                run.append(j)
                j += 1
                continue
            # lower-case connectors are kept only when a capitalised word follows them
            k = j
            while k < n and tokens[k].key in CONNECTORS and joined(text, tokens[k - 1], tokens[k]):
                k += 1
            if (
                k > j
                and k < n
                and tokens[k].capitalised
                and joined(text, tokens[k - 1], tokens[k])
                and tokens[k].key not in TIME_WORDS
            ):
                # (not "Mellit on Sunday", "Paris in May": a date follows the name)
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        runs.append(tuple(run))
        i = j
    return runs
