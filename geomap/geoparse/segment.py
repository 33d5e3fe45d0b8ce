"""Split text into sentences with character offsets."""

from __future__ import annotations

import re

from geomap.model import Span
from geomap.names.lexicon import SENTENCE_ABBREVIATIONS as _ABBREVIATIONS

_LAST_WORD = re.compile(r"([\w.]+)$")
_TAIL = 1 + max(len(a) for a in _ABBREVIATIONS)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n|\n")


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
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Span(stripped, s, s + len(stripped)))
