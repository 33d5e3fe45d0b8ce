"""Capitalised words that are never places on their own.

For: the recogniser (a single such word is not a mention) and the proposer. Entries: English
function words, calendar words, titles, and generic words of street, building and institution
names (general English). Some entries ("lot", "pack", "star", "hope", "metro", "can", "will",
"grace", "faith", "act") were added after reading recognition errors on the development corpora
LGL and GeoWebNews: words that are also small towns (or, for "act", an acronym's region)."""

from __future__ import annotations

# generic words of street and building names...).
STOPWORDS = frozenset(
    """a an the in on at of for to from by with as but and or nor if it its he she they we i you
    this that these those there here when while after before since until also however meanwhile
    according although though because so yet then thus still even just only once about above
    across against among around between during into over under through within without toward
    towards upon via per his her their our my your who whom whose which what where why how all
    any both each few many more most other some such no not one two three four five six seven
    eight nine ten first second third last next new old mr mrs ms dr st sir madam
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    president minister secretary general governor mayor senator king queen prince princess pope
    police government army navy court parliament congress senate state city county province
    region district republic kingdom empire union north south east west northern southern
    eastern western central national international federal world internet god
    christmas easter ramadan summit council committee ministry agency bureau department
    office party officials official sources source media news report reports reported said says
    street road avenue lane drive boulevard highway parkway route square plaza park center
    centre hall bridge valley lake hill mill bay river creek beach island islands mountain
    harbor harbour port airport station terminal tower building house home church cathedral
    school college university hospital library museum stadium arena market mall
    man men woman women boy girl free royal liberal democrat democrats republican republicans
    conservative labour labor war peace commerce chamber metro capitol downtown uptown
    jewish muslim christian catholic protestant islamic hindu sikh buddhist arab arabs
    black white red blue green gold silver
    mount lot pack star hope can will may grace faith act
    northeast northwest southeast southwest midtown
    passover hanukkah thanksgiving halloween diwali eid lent kwanzaa""".split()
)

# Capitalised only because they open a sentence: dropped from the front of a run of names
