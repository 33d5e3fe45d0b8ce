"""Prepositions that say "a place follows".

For: the recogniser (``PLACE_PREPOSITIONS``: evidence that the next name is where something
is; ``LOCATIVE_CUES``: a single small-town name after one is accepted) and the proposer
(``PROPOSAL_CUES``: an unknown capitalised name after one is proposed). Entries: English
prepositions of place and motion (general English)."""

from __future__ import annotations

# Prepositions after which a name is where something is (not "of", "to": "testament to X").
PLACE_PREPOSITIONS = frozenset(
    "in at near into through across inside outside within throughout via".split()
)
# Prepositions after which a capitalised name is most likely a place.
LOCATIVE_CUES = frozenset(
    """in at near from to into through via across toward towards outside inside around
    throughout between of""".split()
)

# After one of these, an unknown capitalised name is proposed as a place (not "of", "between":
# they precede people and things as often as places).
PROPOSAL_CUES = frozenset(
    "in at near from to into outside toward towards via through across".split()
)
# Words before "to"/"from" that make it about people or ideas, not movement ("according to").
NOT_LOCATIVE_BEFORE = frozenset(
    """according said spoke speaking talked talking wrote writing letter letters message
    messages loyal loyalty close closer related married belonging belongs belonged due thanks
    apart reply replied answer answered tribute""".split()
)
