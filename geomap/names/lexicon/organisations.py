"""Words and names of organisations, brands and events.

For: the recogniser (a run holding an ``ORG_WORDS`` word names a body; a place named inside it
is still a mention; a place before a ``CIVIC_ORG_WORDS`` word is a place), the resolver
(a big city's name before a ``NEWSPAPER_WORDS`` word is that city) and the proposer
(``NOT_PLACE_WORDS``: a run holding one is an event, a body or a role). Entries: general
English; ``NOT_PLACES`` lists well-known organisations, brands, religious names and named
climate patterns that are also place names in the gazetteer or follow "to"/"from" in news
(general knowledge; "walmart", "wal mart", "el nino" and "la nina" were added after reading
recognition errors on the development corpora)."""

from __future__ import annotations

# one ("Ohio Department of Health", "University of Kentucky") is still a mention.
ORG_WORDS = frozenset(
    """ministry department dept bureau agency office service services council committee
    commission party university college school schools academy institute hospital church
    mosque temple bank company corporation corp inc ltd llc group association union federation
    league club team times post telegraph herald journal tribune gazette daily news press
    observer guardian chronicle courier mail express review radio television tv network channel
    media foundation fund trust society organization organisation court police army navy force
    forces guard corps command brigade battalion regiment division unit nations assembly
    parliament senate congress government administration authority board airlines airways
    railways security intelligence reconnaissance sheriff fire rescue library museum center
    centre hall stadium arena airport clinic symphony orchestra theatre theater festival
    chamber commissioners council's cathedral synagogue elementary high middle district's
    courthouse jail prison hotel inn restaurant cafe store stores market mall bancorp
    partners associates consulting institute ministries exchange commerce industries
    railroad railway marathon cup championship tournament open games olympics tech duma
    symphony authority patrol""".split()
)

# Newspaper title words: a big city's name before one names the paper's city ("the Lakeview
# Herald", "the Springfield Times": the city, not a state of the name). General English.
NEWSPAPER_WORDS = frozenset(
    """times post telegraph herald journal tribune gazette chronicle courier observer inquirer
    examiner dispatch""".split()
)

# Organisation words of local government and public services: a place name before one is a
# place ("Gainesville Police", "Paris Fire Department"), unlike "Brown Lumber Company".
CIVIC_ORG_WORDS = frozenset(
    """police fire sheriff county city council school schools library chamber board department
    dept hospital airport courthouse jail commission commissioners district township high
    elementary middle university college public area regional municipal state community
    memorial transit utilities water parks""".split()
)

# Names that are never places, though the gazetteer or a "to"/"from" before them may say so.
NOT_PLACES = frozenset(
    """hamas hezbollah hizbollah taliban nato toyota ford reuters bloomberg twitter facebook
    youtube telegram instagram tiktok whatsapp google apple microsoft amazon wikipedia allah god
    christ jesus islam walmart""".split()
    + ["white house", "wal mart"]
    # named climate patterns of the Pacific, never a place in the news (the towns so named
    # are villages; added after reading recognition errors on the development corpora)
    + ["el nino", "la nina"]
)

# Words that make a capitalised run an event, a body or a role rather than a place.
NOT_PLACE_WORDS = frozenset(
    """tournament championship championships conference convention partnership administration
    festival games cup award awards show party democrats republicans democrat republican
    conservatives liberals attorney prosecutor campaign program programme project initiative
    act bill law treaty accord agreement plan operation""".split()
)

# Makes of cars and trucks: a name right after one is a model ("a Dodge Durango", "an Isuzu
# Denver Rodeo", "a Hyundai Tucson"), not a place (general knowledge of the motor trade).
VEHICLE_MAKES = frozenset(
    """ford chevrolet chevy dodge jeep toyota honda nissan hyundai kia isuzu mazda subaru gmc
    buick pontiac mitsubishi volkswagen vw audi bmw mercedes mercedes-benz volvo chrysler
    lexus acura infiniti saturn oldsmobile plymouth suzuki peugeot renault citroen fiat
    skoda seat opel vauxhall holden datsun""".split()
)
