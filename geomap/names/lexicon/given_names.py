"""Given names, for telling people from places.

For: the recogniser ("Mary Kendall" is a person). Entries: read from the name dictionary
shipped by ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``, GNU FDL) where it is installed.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names common in English-speaking countries or in any one country.

    From the name dictionary shipped by ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``,
    GNU FDL), read where it is installed; empty when the package is missing.
    """
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or len(line) < 31:
                continue
            freqs = line[30:85]
            # columns 0-2: Great Britain, Ireland, U.S.A.; hex digits give how common a name is
            english = max((int(c, 16) for c in freqs[:3] if c in "0123456789ABCDEF"), default=0)
            anywhere = max((int(c, 16) for c in freqs if c in "0123456789ABCDEF"), default=0)
            if english >= 2 or anywhere >= 4:
                name = line[3:29].strip()
                if "+" in name:
                    continue
                names.add(name.lower())
    return frozenset(names)
