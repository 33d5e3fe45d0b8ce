"""Day and month names.

For: the proposer ("Central Park Saturday" is not a place name) and the recogniser (a weekday
after a given name is no surname: "in Austin Friday night"). Entries: English calendar
words and their abbreviations (general English)."""

from __future__ import annotations

TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
