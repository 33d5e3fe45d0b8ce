"""Words capitalised only because they open a sentence or a headline.

For: the recogniser, which drops them from the front of a run of names ("Another Springfield
bakery" -> "Springfield"), and the proposer (``ARTICLES``); ``DETERMINERS`` before a year
before a name make it a product's model year ("a 1998 Lakeview"). Entries: English determiners,
pronouns, conjunctions, prepositions and calendar words (general English)."""

from __future__ import annotations

# ("Another Springfield bakery").
LEADING_WORDS = frozenset(
    """a an the this that these those another some many several each every all both any no our
    their his her its my your we they he she it i you when while after before since until if as
    but and or so then also however meanwhile although though because yet still even just only
    once about above across against among around between during into over under through within
    without toward towards upon via per according today yesterday tomorrow in on at of for to
    from by with monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december""".split()
)

# Articles that open a run of capitalised words without being part of the name.
ARTICLES = frozenset("the a an".split())

# Articles and possessive determiners: "a 1998 Lakeview", "her 2004 Lakeview" (a model year).
DETERMINERS = ARTICLES | frozenset("his her their my our your its".split())
