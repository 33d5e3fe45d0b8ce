"""Split text into sentences with character offsets."""

from __future__ import annotations

import re

from geomap.model import Span
from geomap.names.lexicon import (
    CLOCK_ABBREVIATIONS,
    CLOCK_FOLLOWERS,
    TIME_WORDS,
)
from geomap.names.lexicon import SENTENCE_ABBREVIATIONS as _ABBREVIATIONS

_LAST_WORD = re.compile(r"([\w.]+)$")
_NEXT_WORD = re.compile(r"[\"'“‘(]*(\w+)")
_TAIL = 1 + max(len(a) for a in _ABBREVIATIONS)
#: The same time of day in another zone, in brackets after a clock time ("at 6:05 p.m. (1005
#: GMT) near the dam"): wire reports' usage, the sentence goes on.
_ZONE_TIME = re.compile(r"\(\d{1,2}[:.]?\d{2}(?:\s+[A-Za-z]{2,5})?\)")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n|\n")
# No sentence in real news comes near this (the longest in LGL and GeoWebNews has 935
# characters); a longer run without a boundary is cut at a space so that work per sentence
# stays bounded.
MAX_SENTENCE = 2_000
# Texts longer than this are read in blocks (no news report comes near it: the longest in LGL
# and GeoWebNews has 8,390 characters) so that memory stays bounded on a 5 MB report.
BLOCK = 64_000
_CUTS = ("\n\n", "\n", ". ", "; ", ", ", " ", "\t")


def sentences(text: str) -> list[Span]:
    """Sentences of ``text`` (also split at line breaks), trimmed, with offsets into ``text``."""
    out: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            # the word before the full stop; a tail of the text is enough to tell an
            # abbreviation or an initial (a longer word is cut, and stays neither)
            word = _LAST_WORD.search(text[max(start, m.start() - _TAIL) : m.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            if (
                word
                and word.group(1).lower() in CLOCK_ABBREVIATIONS
                and _clock_goes_on(text, m.end())
            ):
                continue
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _clock_goes_on(text: str, at: int) -> bool:
    """True when the word at ``at`` continues a time of day ("9 p.m. Friday", "6 a.m. EST",
    "6:05 p.m. (1005 GMT)")."""
    if _ZONE_TIME.match(text, at):
        return True  # "6:05 p.m. (1005 GMT)"
    nxt = _NEXT_WORD.match(text, at)
    if nxt is None:
        return False
    word = nxt.group(1).lower()
    return word in TIME_WORDS or word in CLOCK_FOLLOWERS


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    if end - start > MAX_SENTENCE:
        for a, b in blocks(text, MAX_SENTENCE, start, end):
            _add(text, a, b, out)
        return
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Span(stripped, s, s + len(stripped)))


def blocks(
    text: str, size: int = BLOCK, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces covering ``text[start:end]``, each at most ``size``
    characters: cut after the last paragraph break before the limit, else line break, else
    sentence end, else clause, else space; a run with none of these is cut at the limit."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    a = start
    while end - a > size:
        limit = a + size
        b = limit
        for cut in _CUTS:
            at = text.rfind(cut, a + size // 2, limit)
            if at >= 0:
                b = at + len(cut)
                break
        out.append((a, b))
        a = b
    out.append((a, end))
    return out
