"""Words after a name that make it a person.

For: the recogniser (``SPEECH_VERBS``: "Williams said" is a person; a country may speak), the
incident reader (a capitalised event word before one is a surname: "Storm said") and the
proposer (``PERSON_AFTER``). Entries: English reporting verbs and relative pronouns (general
English)."""

from __future__ import annotations

# Verbs of speech after a name: "Williams said" is a person (a country may speak: "Turkey said").
SPEECH_VERBS = frozenset(
    "said says told tells added adds explained asked noted wrote writes stated argued recalled "
    "replied".split()
)

# After an unknown name, these make it a person rather than a place.
PERSON_AFTER = SPEECH_VERBS | frozenset(
    "claimed denied insisted warned tweeted confirmed admitted who whose himself herself "
    "administration".split()
)

# Verbs whose object is a person, never a place, before a name that ends a clause: "police said
# Vasquez stabbed Lakeview." makes Lakeview a person here and wherever the document names it
# (not "attacked", "bombed", "raided", "visited", "left": places are attacked, visited, left).
PERSON_OBJECT_VERBS = frozenset(
    "stabbed stabbing strangled strangling kidnapped kidnapping abducted abducting murdered "
    "murdering raped punched punching kicked kicking choked choking hugged hugging married "
    "marrying thanked sued suing interviewed hired fired".split()
)

# Kin words after "and his" / "and her": "Lakeview and his mother left" is a person.
KIN_WORDS = frozenset(
    "wife husband son sons daughter daughters mother father brother brothers sister sisters "
    "family friend friends girlfriend boyfriend children parents partner fiancee fiance".split()
)
