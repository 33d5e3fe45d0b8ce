"""Given names, for telling people from places.

For: the recogniser ("Mary Kendall" is a person). Entries: read from the name dictionary
shipped by ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``, GNU FDL) where it is installed.
"""

from __future__ import annotations

import importlib.util
import re
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
            if line.startswith("#") or not is_common(line):
                continue
            name = line[3:29].strip()
            if "+" not in name:
                names.add(name.lower())
    return frozenset(names)


# columns 30-84 of a line: how common the name is in each country, a hex digit each (columns
# 30-32: Great Britain, Ireland, U.S.A.); anything else there means "not used"
_ENGLISH = re.compile("[2-9A-F]")  # 2 or more
_ANYWHERE = re.compile("[4-9A-F]")  # 4 or more


def is_common(line: str) -> bool:
    """True when the name of a ``nam_dict.txt`` line is common enough to count: 2 or more in an
    English-speaking country, or 4 or more in any one country."""
    return len(line) >= 31 and bool(_ENGLISH.search(line, 30, 33) or _ANYWHERE.search(line, 30, 85))
