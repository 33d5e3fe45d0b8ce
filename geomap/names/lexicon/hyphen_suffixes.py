"""Words after a hyphen that leave the name before it a name of its own.

For: the tokeniser ("Toledo-based" -> "Toledo"). Entries: English compound-adjective heads
(general English)."""

from __future__ import annotations

# Words after a hyphen that leave the name before it a name of its own ("Toledo-based").
HYPHEN_SUFFIXES = frozenset(
    """based born bred bound led backed area style era native registered flagged
    headquartered owned made funded""".split()
)
