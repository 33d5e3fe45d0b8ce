"""Lower-case words that may stand inside a multi-word name.

For: the run-finder of ``geomap.geoparse.text`` ("Bosnia and Herzegovina", "Frankfurt am Main",
"Abu Bakr al Baghdadi") and the recogniser. Entries: English, Romance, Germanic, Dutch and
Arabic name particles (general knowledge)."""

from __future__ import annotations

CONNECTORS = frozenset(
    "of de del der la le les du da das do dos di upon on am and the al el es van von bin "
    "ibn".split()
)

# Connectors that join two names rather than sit inside one ("Hull and York"; "de" and "bin"
# do sit inside names).
NAME_JOINERS = frozenset("and on the of upon am".split())
