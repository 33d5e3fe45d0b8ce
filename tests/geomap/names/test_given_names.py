"""Given names read from gender-guesser's name dictionary."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.names.lexicon.given_names import given_names, is_common

HEX = "0123456789ABCDEF"


def _common_by_columns(line: str) -> bool:
    """The dictionary's own definition, digit by digit: columns 30-32 (Great Britain, Ireland,
    U.S.A.) 2 or more, or any country's column (30-84) 4 or more."""
    if len(line) < 31:
        return False
    freqs = line[30:85]
    english = max((int(c, 16) for c in freqs[:3] if c in HEX), default=0)
    anywhere = max((int(c, 16) for c in freqs if c in HEX), default=0)
    return english >= 2 or anywhere >= 4


_column = st.sampled_from(HEX + " .-abcf$")


@given(st.text(max_size=30), st.lists(_column, max_size=60))
def test_is_common_reads_the_frequency_columns(name: str, freqs: list[str]) -> None:
    line = name.ljust(30)[:30] + "".join(freqs) + "$\n"
    assert is_common(line) == _common_by_columns(line)


def test_given_names_are_the_common_ones_of_the_dictionary() -> None:
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or spec.origin is None:
        pytest.fail("gender-guesser is a dependency of geomap: install it")
    path = Path(spec.origin).parent / "data" / "nam_dict.txt"
    expected = set()
    with path.open(encoding="iso-8859-1") as f:
        for line in f:
            if not line.startswith("#") and _common_by_columns(line):
                name = line[3:29].strip()
                if "+" not in name:
                    expected.add(name.lower())
    assert len(expected) > 5_000
    assert given_names() == expected
