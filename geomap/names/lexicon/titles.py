"""Titles and roles: the capitalised run right after one is a person's name.

For: the recogniser and the proposer. Entries: English titles, ranks and job titles, and their
usual abbreviations (general English)."""

from __future__ import annotations

# Titles: the capitalised run right after one is a person's name.
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice-president premier chancellor minister secretary
    general gen col colonel lt lieutenant major capt captain sgt sergeant admiral commander
    senator sen rep representative governor gov mayor judge justice sheriff king queen prince
    princess pope ayatollah imam rev reverend father sister brother sir lord lady dame officer
    chief director ambassador envoy spokesman spokeswoman spokesperson leader chairman dictator
    coach cpl corporal pvt private deputy detective det sheikh rabbi bishop cardinal
    councilman councilwoman councillor councilor commissioner superintendent principal
    professor dean president-elect attorney trooper agent inspector constable supt clerk
    auditor prosecutor treasurer assessor coroner recorder administrator manager supervisor
    executive engineer officer""".split()
)
# Titles and occupations that stand in lower case right before a person's name ("town
# councillor Jane Nelson", "said spokesman Nelson"); not words that also qualify a place or a
# group before a name ("major", "general", "private", "chief", "deputy", "leader").
LOWER_TITLES = frozenset(
    """councillor councilman councilwoman councilor commissioner superintendent prosecutor
    spokesman spokeswoman spokesperson detective sheriff trooper coroner treasurer assessor
    auditor coach senator governor mayor professor inspector constable reverend rabbi imam
    bishop ambassador envoy attorney lawmaker chairman chairwoman director president minister
    secretary officer pastor judge lieutenant sergeant captain colonel economist analyst author
    reporter lawyer businessman businesswoman actor actress singer striker midfielder
    quarterback pitcher""".split()
)
# Abbreviated titles and initials may be followed by a full stop inside a name ("Mrs. Preston",
# "Peter J. Flores").
ABBREVIATED_TITLES = frozenset(
    """mr mrs ms dr prof gen col lt capt sgt adm cmdr sen rep gov rev fr det cpl pvt supt insp
    jr sr st""".split()
)

# A run containing one of these names an organisation, not a place ("Daily NK", "Ministry of
# State Security", "Reconnaissance General Bureau", "The Telegraph"). A place named inside
