"""Words around a hyphen that leave the name on its other side a name of its own.

For: the tokeniser ("Toledo-based" -> "Toledo", "anti-Ruritanian" -> "Ruritanian"). Entries:
English compound-adjective heads and prefixes that take a capitalised name (general
English)."""

from __future__ import annotations

# Words after a hyphen that leave the name before it a name of its own ("Toledo-based").
HYPHEN_SUFFIXES = frozenset(
    """based born bred bound led backed area style era native registered flagged
    headquartered owned made funded controlled majority occupied held""".split()
)

# Prefixes before a hyphen that leave the name after it a name of its own ("anti-Ruritanian",
# "ex-Ruritanian", "pro-Ruritania"; not "mid-Atlantic" or "trans-Atlantic", which name
# regions or crossings of their own).
HYPHEN_PREFIXES = frozenset("anti pro ex non inter post pre pan".split())
