"""Name normalisation shared by the gazetteer index and the recogniser."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Strip accents and breves ('Sinŭiju' -> 'Sinuiju') without changing anything else."""
    if text.isascii():
        return text  # nothing to strip (and NFKD leaves ASCII unchanged)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name: accent-folded, lower-case, plain apostrophes, no full
    stops, hyphens as spaces, one space between words."""
    key = fold(name).translate(_APOSTROPHES).lower()
    key = _DASHES.sub(" ", key)  # "Winston-Salem" and "Winston Salem" are one name
    key = key.replace(".", "")
    return _SPACE.sub(" ", key).strip()


def is_latin(name: str) -> bool:
    """True when the accent-folded name uses only Latin letters, digits and name punctuation."""
    return bool(re.fullmatch(r"[A-Za-z0-9 '\-.,()]+", fold(name).translate(_APOSTROPHES)))
