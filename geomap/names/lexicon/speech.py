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
