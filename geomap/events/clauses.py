"""What a sentence says around a trigger word: its tokens, clause boundaries, whether the event
is reported, planned or not reported at all (negated, hypothetical, generic, habitual), and the
noun phrases that name who acted.

The word lists here are small closed classes of English (auxiliaries, modals, negators,
subordinators, determiners) and the cue words of reported speech, intention and habit,
written by hand.
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

from geomap.events.dates import MONTHS, WEEKDAYS

# (a number with thousands separators is one word: "10,000 people", not a clause mark)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\w+(?:[’'\-.&]\w+)*|[^\w\s]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")


class Token(NamedTuple):
    """A word or punctuation mark with end-exclusive offsets into its sentence."""

    text: str
    lower: str
    start: int
    end: int


def tokenize(sentence: str) -> list[Token]:
    """Words (with inner hyphens, apostrophes and dots; numbers with thousands separators)
    and punctuation marks."""
    # built without a Python-level step per token: re.split gives separator, token, ...,
    # token, separator, and the running sum of their lengths gives every offset
    parts = _SPLIT.split(sentence)
    bounds = list(accumulate(map(len, parts)))
    words = parts[1::2]
    tokens = list(
        map(
            tuple.__new__,
            repeat(Token),
            zip(words, map(str.lower, words), bounds[0:-1:2], bounds[1::2], strict=True),
        )
    )
    return _names_called_may(tokens) if "May" in sentence else tokens


#: Words before the month "May" ("in May", "since early May", "on 20 May").
_BEFORE_MONTH = frozenset(
    "in of on since until till by from to between and early late mid mid- last next this "
    "during through throughout before after".split()
)


def _names_called_may(tokens: list[Token]) -> list[Token]:
    """``tokens`` with a surname "May" after a capitalised name and before a lower-case word
    ("Theresa May met ...") keeping its capital in ``lower``: a name, not the modal "may";
    and so the month ("on 20 May heading for X", "May 5", "in early May"): no modal either."""
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t.text != "May":
            continue
        before, after = tokens[i - 1], tokens[i + 1]
        if (before.text[:1].isupper() and before.text.isalpha() and after.text[:1].islower()) or (
            before.text.isdigit() or after.text.isdigit() or before.lower in _BEFORE_MONTH
        ):
            tokens[i] = t._replace(lower="May")
    return tokens


#: Words opening a new clause: subordinators, relative pronouns and coordinators of clauses.
SUBORDINATORS = frozenset(
    "after before when while because although though since until unless whereas where "
    "who whom whose which that but so once whether".split()
)
#: Times of day after "before" / "after" / "until" / "since", which then open no clause:
#: "raided a house before dawn and arrested two men", "the shelling went on until nightfall".
TIMES_OF_DAY = frozenset(
    "dawn daybreak sunrise sunup dusk sunset sundown nightfall midnight midday noon dark "
    "daylight".split()
)
#: Punctuation that closes a clause.
CLAUSE_PUNCT = frozenset(";:—–()[]")
#: Auxiliaries and adverbs that sit between a subject and its verb.
AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would shall should can could "
    "may might must 's 're 've 'd ’s ’re ’ve ’d get got gets".split()
)
_ADVERBS = frozenset(
    "also reportedly allegedly later then apparently recently eventually finally initially "
    "first subsequently successfully safely secretly illegally forcibly quickly already "
    "just still soon immediately previously earlier again thereafter briefly ultimately "
    "only even originally since fatally critically seriously severely badly mortally "
    "brutally violently".split()
)
_NEGATORS = frozenset("not n't never no nor without neither cannot".split())


def _finite_past_after(tokens: list[Token], to: int, index: int) -> bool:
    """True when the verb at ``index``, after "and", is a past tense beside the infinitive
    that the "to" at ``to`` opens ("failed to yield and collided"): a verb of its own, not
    a second infinitive ("to track down and kill"; "to be charged and arrested" shares the
    "be")."""
    word = tokens[index].lower
    return (
        word.endswith("ed")
        and tokens[to + 1].lower not in ("be", "been", "being", "have", "get")
        and not tokens[to + 1].lower.endswith("ed")
    )


def verb_adverb(word: str) -> bool:
    """True when ``word`` (lower case) is an adverb that may stand inside a verb group ("were
    later flown")."""
    return word in _ADVERBS


#: Verbs before "to" that make the next motion a plan (status "planned").
PLAN_VERBS = frozenset(
    "plan plans planned planning expected expects scheduled set due going intends intend "
    "intended aims aim aimed prepares preparing prepared ready poised vows agrees decides "
    "promises will shall is are am was were".split()
)
#: A time phrase between a verb and its "to" ("decided soon after to move", "agreed not long
#: afterwards to go"): general English.
_LATER = frozenset("after afterwards later thereafter".split())
_SUSPECTED = frozenset("suspected suspicion suspicions".split())
_FIRST = frozenset("first last only".split())  # "the first to fly from A to B": it did
#: What stands before "first", "last" or "only" when it names the one who did it.
_FIRST_OPENERS = frozenset("the its his her their our".split())
_LATER_DEGREE = frozenset("soon shortly long not much a few days weeks months years".split())
#: Verbs before "to" after which the movement did happen ("forced to flee").
DONE_VERBS = frozenset(
    "forced managed began begun started continued continue continues continuing had has "
    "have obliged compelled able helped made allowed permitted went came rushed decided agreed "
    "vowed promised chose".split()
)
#: Words before "to" after which an event noun is what came about ("led to flooding").
LED = frozenset("led lead leads leading contributed contributing due owing".split())
#: Verbs that make someone do what the "to" after their object says, which then happened
#: ("fighting forced thousands to flee", "the outbreak led officials to send samples").
MADE_TO = frozenset("forced caused led prompted compelled obliged drove".split())
#: Verbs of means before an object and "to": "used boats to evacuate them" tells that they
#: did ("used to evacuate", with no object between, is a habit and is not read here).
USED_TO = frozenset("used using".split())
#: Verbs of report and belief before a perfect infinitive ("are reported to have arrived",
#: "is thought to have fled", "seems to have crossed"): the event took place (general English).
SAID_TO_HAVE = frozenset(
    "reported said believed thought understood known alleged claimed feared estimated "
    "presumed suspected seem seems seemed appear appears appeared".split()
)
#: Words before "to" that make a violent act an attempted one, which still took place.
ATTEMPTS = frozenset("attempt attempts attempted effort efforts bid tried trying".split())
#: Past verbs of a crowd coming together, after which "to protest" reports the protest
#: ("thousands gathered in the square to protest", "took to the streets to demonstrate").
GATHERED = frozenset(
    "gathered assembled converged massed rallied marched poured flocked took turned "
    "descended streamed crowded packed held staged organized organised blocked blockaded "
    "occupied barricaded".split()
)
#: Journey verbs after which "to meet" tells the talks the journey was made for ("flew to X
#: to meet", "left for X to hold talks"); the future forms come with "will".
JOURNEYED = frozenset(
    "flew fly travelled traveled travel went go left leave arrived arrive came come headed "
    "head drove drive sailed sail jetted returned return".split()
)
#: The infinitives of talks ("to meet", "to hold talks").
_TALKS_INFINITIVES = frozenset("meet hold".split())
#: The infinitives of a protest.
_PROTEST_INFINITIVES = frozenset("protest demonstrate rally march picket".split())
#: Verbs of an order given to someone to do what the "to" after their object says, which
#: is then announced ("ordered residents to evacuate", "told the troops to withdraw").
_ORDERING = frozenset("ordered orders instructed directed told".split())
#: Verbs of a start, a course or an end before an -ing word ("began sending", "kept firing").
_ASPECT = frozenset(
    "began begun begin begins started start starts continued continue continues kept keep "
    "keeps resumed resume resumes stopped".split()
)
#: Verbs that weigh doing what the -ing word after them says ("is considering sending").
_WEIGHING = frozenset(
    "considering consider considers considered weighing mulling contemplating discussing "
    "debating proposing proposed suggested suggesting recommending recommended "
    "envisaging".split()
)
#: Modal words that leave an event hypothetical.
#: A sentence that says its event has no date yet: expected or hoped for, not announced
#: ("though no date has been set", "a date is yet to be fixed").
_UNSCHEDULED = re.compile(
    r"\bno (?:date|dates|time|timetable) (?:has|have|had|was|were) (?:yet )?(?:been )?"
    r"(?:set|fixed|announced|agreed|given|confirmed)\b|\bdates? (?:has|have|is|are) yet to be "
    r"(?:set|fixed|announced|agreed|confirmed)\b",
    re.I,
)


def _unscheduled(sentence: str, at: int) -> bool:
    """True when the part of ``sentence`` around offset ``at`` (between semicolons) says its
    event has no date yet (:data:`_UNSCHEDULED`)."""
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return _UNSCHEDULED.search(sentence, start, end if end >= 0 else len(sentence)) is not None


HYPOTHETICAL = frozenset("could might may should must would can ought".split())
_FUTURE = frozenset("will 'll ’ll shall".split())
_CONDITIONS = frozenset("if unless until whether lest".split())
#: Verbs that ask for what their "that" clause says, which therefore has not happened ("urged
#: that the men be sent home", "to ensure that she is returned to A"; general English: the
#: mandative; not "ensured", "ordered": those may have been carried out).
MANDATIVE = frozenset(
    "ensure ensures ensuring demand demands demanded demanding insist insists insisted "
    "insisting urge urges urged urging ask asks asked asking request requests requested "
    "requesting recommend recommends recommended propose proposes proposed".split()
)
# what makes "the first to go" a wish or a plan, not a journey made
_NOT_YET = (
    HYPOTHETICAL
    | _FUTURE
    | (PLAN_VERBS - {"is", "are", "am", "was", "were"})
    | frozenset("want wants wanted hope hopes hoped hoping seek seeks wish wishes".split())
)
#: People named only by what they are doing or where they are going, not who they are: a
#: motion participle after one of these in a sentence with a modal or a future, or after
#: "anyone", tells what may happen to whoever travels, not a journey that took place ("the
#: works will delay drivers heading to X", "delays for anyone travelling from X").
ANY_TRAVELLERS = frozenset(
    "people anyone anybody everyone those travellers travelers drivers motorists passengers "
    "commuters visitors tourists shoppers motorcyclists cyclists fans".split()
)
#: Words that make a statement generic or habitual rather than a report of one event.
GENERIC = re.compile(
    r"\b(?:every (?:day|week|month|year|morning|evening|night|weekend|summer|winter)|each "
    r"(?:day|week|month|year|hour)|every (?:few |\d+ |two |three )?(?:hours?|minutes)|hourly|"
    r"daily|weekly|nightly|usually|typically|normally|generally|whenever|"
    r"regularly|routinely|often|frequently|rarely|seldom|sometimes|commut\w*|costs?|"
    r"per (?:day|week|month|year)|"
    r"would often|used to|twice|three times|several times|many times|repeatedly|"
    r"between (?:19|20)\d\d and (?:19|20)\d\d|over the (?:past|last) (?:\w+ )?(?:years?|decades?)|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?) (?:\w+ )?a "
    r"(?:day|week|month|year))\b",
    re.I,
)


def _clause_stop(tokens: list[Token], index: int, default: int) -> int:
    """Where the clause of the verb at ``index`` ends: its first clause mark, comma or full
    stop, reading past a state or province set off by commas after a town ("to Virginia,
    Minn., and Hibbing twice a month", "Keene, N.H., and"): still the same clause."""
    k = index + 1
    while k < len(tokens):
        t = tokens[k]
        if t.text in CLAUSE_PUNCT or t.text in ",.":
            m = k + 2 if k + 2 < len(tokens) and tokens[k + 2].text == "." else k + 1
            if (
                t.text == ","
                and k + 1 < len(tokens)
                and tokens[k + 1].text[:1].isupper()
                and m + 1 < len(tokens)
                and tokens[m + 1].text == ","
                and (m > k + 1 or len(tokens[k + 1].text) > 1)
            ):
                k = m + 2  # ", Minn.," after a town
                continue
            return t.start
        k += 1
    return default


#: A fronted adverbial of frequency that makes the whole sentence habitual ("Each month
#: hundreds make the crossing from A to B", "Every winter, herders drive their flocks to A").
_GENERIC_OPENING = re.compile(
    r"\s*(?:every|each) (?:day|week|month|year|morning|evening|night|weekend|summer|winter|"
    r"spring|autumn|season)\b|\s*(?:usually|typically|normally|generally|routinely|often|"
    r"frequently)\b",
    re.I,
)
#: "daily", "weekly" as an adjective after a determiner ("raided the weekly market", "a
#: nightly curfew"): what something is, not how often the event happens.
_FREQUENCY_ADJECTIVE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+(?:daily|weekly|nightly)\b", re.I
)
#: A decade or a world war: an incident told in passing as history, not one event the
#: report tells; a journey told so is still one ("sent its troops into X in the 1970s").
HISTORY = re.compile(
    r"\b(?:in the (?:early |mid-?|late )?(?:1[89]|20)\d0s|during (?:the )?(?:first |second )?"
    r"world war(?: (?:one|two|i|ii|1|2))?)\b",
    re.I,
)
_FUTURE_TIME = re.compile(
    r"\b(?:tomorrow|next (?:week|month|year|weekend|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|later this (?:week|month|year)|in the coming (?:days|weeks))\b",
    re.I,
)

#: A clause coordinated after the one being read: a comma or semicolon and "and" or "but".
_NEXT_CLAUSE = re.compile(r"(?:,|;)\s+(?:and|but)\s+|;\s+")

#: A weekday after a present progressive, which then tells what is arranged.
_ON_WEEKDAY = re.compile(
    r"\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
#: An event noun given a day to come after it, in its own noun phrase ("a strike, called for
#: Monday, ...", "the rally set for next week"), or scheduled by the verb after it ("a second
#: flight, from A, is due to land in B"): general English of announcements.
_CALLED_FOR = re.compile(
    r"\s+(?:has|have|had)\s+been\s+(?:called|set|scheduled|planned|slated)\s+for\b"
    # a reduced relative giving its place: "with rallies planned in A and B"
    r"|\s+(?:planned|scheduled|slated)\s+(?:in|at|across|outside|near|around)\b"
    r"|(?:(?!\b(?:and|but|was|were|is|are|has|have|had|which|that|who|after|before|since)\b)"
    r"[^;:.!?\n]){0,60}?\b(?:(?:called|set|scheduled|planned|slated) for (?:next |this |the )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|weekend|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b"
    r"|(?:is|are) (?:scheduled|due|set|expected|slated) to\b)",  # "the flight is due to land"
    re.I,
)


def clause_start(tokens: list[Token], index: int) -> int:
    """The first token of the clause holding token ``index``: after the last clause mark
    before it (punctuation, a subordinator, a comma)."""
    for i in range(index - 1, -1, -1):
        t = tokens[i]
        if t.text in CLAUSE_PUNCT or t.text == ",":
            return i + 1
        if (
            t.lower in SUBORDINATORS
            and not (t.text.isupper() and len(t.text) > 1)
            and not (i + 1 < len(tokens) and tokens[i + 1].lower in TIMES_OF_DAY)
        ):
            return i + 1  # (not "the WHO": a body's initials; not "before dawn": a time)
    return 0


def _asked_for(tokens: list[Token], index: int) -> bool:
    """True when the trigger at ``index`` is in a "that" clause of a verb of asking
    (:data:`MANDATIVE`: "demanded that the envoy return to A", "to ensure that, whatever
    happens, she is flown to A"): the nearest "that" before it, within the sentence's last
    twelve words and no ";" or ":" between, follows such a verb (a comma may stand between)."""
    for i in range(index - 1, max(-1, index - 13), -1):
        t = tokens[i]
        if t.text in (";", ":"):
            return False
        if t.lower == "that":
            k = i - 1
            if k >= 0 and tokens[k].text == ",":
                k -= 1
            return k >= 0 and tokens[k].lower in MANDATIVE
    return False


#: Verbs of a decision that a "that" clause in the subjunctive carries out ("the court
#: ordered that he be extradited to A", "the judge ruled that they be deported"): general
#: English.
_DECIDED = frozenset("ordered orders ruled rules decided decides decreed directed".split())


def _ordered_that(tokens: list[Token], index: int) -> bool:
    """True when the trigger at ``index`` is a bare "be" passive ("that he be extradited")
    in a "that" clause of a verb of :data:`_DECIDED`, a few words of time between them
    allowed ("ordered on Tuesday that ..."): a decision, to be carried out."""
    if index < 3 or tokens[index - 1].lower != "be":
        return False
    for i in range(index - 2, max(-1, index - 8), -1):
        if tokens[i].text in (";", ":", ".") or tokens[i].lower in _NEGATORS:
            return False
        if tokens[i].lower == "that":
            before = [t.lower for t in tokens[max(0, i - 4) : i] if t.text != ","]
            return any(w in _DECIDED for w in before)
    return False


def _announcing(tokens: list[Token], k: int, start: int) -> bool:
    """True when the word ``k`` before a headline's "to" is the subject itself (a name or a
    noun, not a verb: "Peres to visit Prague", "Gulf War vet to cycle"), with no verb of
    trying, wanting or refusing before it in the clause."""
    if k < start:
        return False
    w = tokens[k].lower
    if w.endswith(("ed", "ing")) or w in _NOT_SUBJECT or w in PLAN_VERBS or w in DONE_VERBS:
        return False
    if any(t.lower in _NEGATORS or t.lower in HYPOTHETICAL for t in tokens[start:k]):
        return False
    return tokens[k].text[:1].isupper() or w in _HEADLINE_SUBJECTS or w.endswith("s")


# words before "to" that are no headline subject ("set to", "wants to", "need to")
_NOT_SUBJECT = frozenset(
    "wants want needs need seeks seek hopes hope asks ask refuses refuse fails fail tries "
    "try threatens threaten vows vow likely unlikely able unable set how where what order "
    "bid attempt effort way time right plan plans".split()
)
# person and group nouns that open a headline ("Vet to cycle", "Team to fly")
_HEADLINE_SUBJECTS = frozenset(
    "vet veteran man woman boy girl teen team pope president king queen minister premier "
    "governor mayor leader envoy army police navy troops family band choir student "
    "company firm group prince princess chancellor emir sultan sheikh senator delegation "
    "official secretary chief commander general coach squad".split()
)


#: Past forms that do not end in -ed, of the verbs an "until" clause ends a stay with.
_PAST_FORMS = frozenset("went left fled came flew drove rode took brought sent".split())
PAST_FORMS = _PAST_FORMS


def _told_past(tokens: list[Token], index: int) -> bool:
    """True when the verb at ``index`` is in the past ("until she moved", "until they
    fled") or a gerund right after "until" ("until moving"): a stay ended, not a
    condition."""
    w = tokens[index].lower
    if w.endswith("ing"):
        return index > 0 and tokens[index - 1].lower == "until"
    return w.endswith("ed") or w in _PAST_FORMS


#: Verbs that end a stay early ("cut short", "interrupted", "broke off") and the stays they
#: end: general English.
_CUTTING = frozenset(
    "cut cuts cutting interrupt interrupted interrupts interrupting break broke breaks "
    "breaking curtail curtailed curtails curtailing".split()
)
_STAYS = frozenset(
    "holiday holidays vacation vacations visit trip tour stay leave break honeymoon retreat".split()
)


def _cut_short(clause: list[Token]) -> bool:
    """True when ``clause`` (the words before an infinitive's "to") ends a stay early: a
    verb of cutting followed, within a few words, by a stay noun ("cut short his holiday
    in A", "interrupted a visit to A", "broke off her trip")."""
    for i, t in enumerate(clause):
        if t.lower not in _CUTTING:
            continue
        if t.lower.startswith(("cut", "broke", "break")) and not any(
            x.lower in ("short", "off") for x in clause[i + 1 : i + 3]
        ):
            continue  # ("cut costs", "broke a record"; not "cut short", "broke off")
        if any(x.lower in _STAYS for x in clause[i + 1 : i + 6]):
            return True
    return False


def status(
    tokens: list[Token],
    index: int,
    sentence: str,
    noun: bool = False,
    incident: bool = False,
    headline: bool = False,
) -> str | None:
    """Whether the event of the trigger at ``index`` is ``"reported"``, ``"planned"``
    (announced for the future) or not reported at all (None: negated, hypothetical,
    conditional, generic or habitual). A ``noun`` trigger ("the protest") takes the
    modality of the clause around it. In a ``headline``, a name or a noun with "to" before
    the verb announces it ("Leaders to meet in Accra", "Veteran to cycle from A to B")."""
    start = clause_start(tokens, index)
    clause = tokens[start:index]
    if any(
        t.lower in _CONDITIONS and not (t.lower == "until" and _told_past(tokens, index))
        for t in tokens[max(0, start - 1) : index]
    ):
        return None  # (not "lived there until she moved to X": it ended the stay)
    opening = next((t for t in tokens if t.text[:1].isalnum()), None)
    if opening is not None and opening.lower in ("if", "unless"):
        return None  # "If they stay, they will end up fighting": the main clause too
    if _asked_for(tokens, index):
        return None  # "petitioners urged that she be flown home": asked for, not done
    if _ordered_that(tokens, index):
        return "planned"  # "a judge ordered on Monday that he be extradited to A"
    # the verb's own chain of auxiliaries, adverbs and negators: "had not been sent"
    chain: list[str] = []
    j = index - 1
    if tokens[index].lower.endswith("ing") and j > start and tokens[j].lower in _ASPECT:
        j -= 1  # "could also start deporting X": the aspect verb's chain is the event's
    while j >= start and (
        tokens[j].lower in AUXILIARIES
        or tokens[j].lower in _ADVERBS
        or tokens[j].lower in _NEGATORS
        or tokens[j].lower in _FUTURE
    ):
        chain.append(tokens[j].lower)
        j -= 1
    if any(w in _NEGATORS for w in chain):
        return None
    if _unscheduled(sentence, tokens[index].start):
        return None  # "is expected to visit A next year, though no date has been set"
    if index > 0 and tokens[index - 1].lower in _WEIGHING and tokens[index].lower.endswith("ing"):
        return None  # "is considering sending troops to X": weighed, not done
    if j >= start and (
        tokens[j].lower in ("nobody", "none", "neither")
        or (tokens[j].lower == "one" and j > 0 and tokens[j - 1].lower == "no")
    ):
        return None  # "no one was arrested"
    if not chain and not noun and not incident and _generic_relative(tokens, index):
        return None  # "migrants who travel from A to B risk death": whoever does
    if chain and _no_subject(tokens, start, j):
        return None  # "no troops were sent to X", "no aid workers have left"
    if noun and _staged_ahead(tokens, start, index, sentence):
        return "planned"  # "unions said they would hold a sit-in", "will stage a march"
    if noun and _called_for(tokens, start, index):
        return "planned"  # "organisers have called for a nationwide march on Thursday"
    if noun and any(
        t.lower in _NEGATORS or t.lower in HYPOTHETICAL
        for t in tokens[_after_relative(tokens, start, index) : index]
    ):
        return None  # "police could arrest protesters": no protest reported either
    if (
        not incident
        and index >= 2
        and tokens[index - 1].lower == "of"
        and tokens[index - 2].lower in _SUSPECTED
    ):
        return None  # "a ship suspected of carrying arms to X": a suspicion, no journey told
    if not incident and _called_off(tokens, index, sentence):
        return None  # "the flight to X was cancelled", "called off her visit to X"
    if _to_be_made(tokens, index, start, incident):
        return "planned"  # "the envoy is to make a short trip to X", "are to hold talks"
    if incident and all(w in _ADVERBS for w in chain):
        shared = _shared_infinitive(tokens, start)
        if shared >= 0:
            # "planned to kill a guard, film the killing and ...": the list's "to" governs it
            return status(tokens, shared, sentence, incident=True)
    if noun and not chain:
        j = _intended_light_verb(tokens, index, start, j)
    infinitive = all(w in ("be", "been", "have", "being") for w in chain)
    if noun and not chain and j > start and tokens[j].lower == "to" and tokens[j - 1].lower in LED:
        infinitive = False  # "heavy rains led to flooding": the noun is what it led to
    if j >= start and tokens[j].lower in ("and", "or") and not chain:
        # "to track down and kill": the infinitive's "to" stands before the first verb
        for k in range(j - 1, max(start - 1, j - 5), -1):
            if tokens[k].lower == "to" and tokens[k + 1].text[:1].islower():
                if _finite_past_after(tokens, k, index):
                    break  # "failed to yield and collided with a van": it did collide
                j = k  # (not "travelled to Lviv and met": a place follows that "to")
                break
    if j >= start and tokens[j].lower == "to" and infinitive:
        k = j - 1
        while k >= start and tokens[k].lower in _ADVERBS:
            k -= 1
        if k >= 0 and tokens[k].lower in _LATER and k >= start - 1:
            # "decided soon after to move": the verb is before the time phrase (whose
            # "after" is no subordinator here)
            k -= 1
            while k >= 0 and tokens[k].lower in _LATER_DEGREE:
                k -= 1
            start = min(start, k)
        verb = tokens[k].lower if k >= start else ""
        if (
            "have" in chain
            and verb in SAID_TO_HAVE
            and not any(
                t.lower in _NEGATORS
                or t.lower in HYPOTHETICAL
                or t.lower in _CONDITIONS
                or t.lower in ("nobody", "none")
                for t in tokens[start:k]
            )
        ):
            # "are reported to have arrived", "is believed to have fled": a past journey,
            # told at one remove
            return "reported"
        if verb in DONE_VERBS and any(
            tokens[x].lower in _NEGATORS for x in range(max(start, k - 3), k)
        ):
            return None  # "was not able to reach X", "never managed to leave X"
        if not incident and _cut_short(tokens[start:j]):
            # "cut short his holiday in A to return to B": the stay was ended for the journey
            if any(t.lower in HYPOTHETICAL or t.lower in _NEGATORS for t in tokens[start:j]):
                return None
            return "planned" if any(t.lower in _FUTURE for t in tokens[start:j]) else "reported"
        if verb in PLAN_VERBS:
            if any(tokens[x].lower == "had" for x in range(max(start, k - 3), k)):
                return None  # "had been due to be deported": a plan that fell through
            return "planned"
        if incident and verb in ATTEMPTS:
            return "reported"  # "an attempt to rob a store": the attack took place
        if (
            incident
            and tokens[index].lower in _PROTEST_INFINITIVES
            and any(t.lower in GATHERED for t in tokens[start:j])
            and not any(t.lower in HYPOTHETICAL or t.lower in _FUTURE for t in tokens[start:j])
        ):
            return "reported"  # "crowds gathered in the square to protest": they did
        set_out = verb in ("out", "off") and k > start and tokens[k - 1].lower == "set"
        if (
            incident
            and tokens[index].lower in _TALKS_INFINITIVES
            and any(t.lower in JOURNEYED for t in tokens[start:j])
            and not any(t.lower in HYPOTHETICAL or t.lower in _NEGATORS for t in tokens[start:j])
        ):
            # "flew to X on Monday to meet the rebels": the talks the journey was for are
            # told with it, reported or announced as the journey is
            return "planned" if any(t.lower in _FUTURE for t in tokens[start:j]) else "reported"
        if headline and _announcing(tokens, k, start):
            return "planned"  # "Leaders to meet in Accra": the headline's future
        if (
            not incident
            and any(
                tokens[x].lower in _FIRST and x > 0 and tokens[x - 1].lower in _FIRST_OPENERS
                for x in range(max(start, k - 2), k + 1)
            )  # (not "they only need to ship it": an adverb before the verb)
            and _NOT_YET.isdisjoint(t.lower for t in tokens[start:j])
        ):
            return "reported"  # "became the first nation to deploy troops to X": it did
        made = (
            any(  # "forced thousands of villagers to flee": they did
                tokens[x].lower in MADE_TO and tokens[x].text[:1].islower()
                for x in range(max(start, k - 5), k)
            )
            or any(  # "crews used boats to evacuate 90 people": the means of what they did
                tokens[x].lower in USED_TO for x in range(max(start, k - 4), k)
            )
        )
        ordered = (
            any(  # "ordered residents to evacuate": an order, to be carried out
                tokens[x].lower in _ORDERING for x in range(max(start, k - 5), k + 1)
            )
            and not any(t.lower in _NEGATORS or t.lower in HYPOTHETICAL for t in tokens[start:j])
        )
        if ordered and verb not in DONE_VERBS and not made:
            return "planned"
        if verb not in DONE_VERBS and not set_out and not made:
            return None  # "tried to flee", "threatened to send": an intention
    if j >= start and tokens[j].lower in ("no", "any") and not chain:
        return None  # "no flights", "any evacuation"
    if (
        not chain
        and not noun
        and tokens[index].lower.endswith("ing")
        and index > 0
        and tokens[index - 1].lower in ANY_TRAVELLERS
        and (
            tokens[index - 1].lower in ("anyone", "anybody", "everyone")
            or any(t.lower in HYPOTHETICAL or t.lower in _FUTURE for t in tokens)
        )
    ):
        return None  # "the closure will delay drivers heading to X": whoever goes there
    for w in chain:
        if w in _FUTURE:
            return "planned"
        if w == "would" and re.search(r"\b(?:said|says|told|announced)\b", sentence):
            return "planned"  # reported future: "said he would travel"
        if w in HYPOTHETICAL:
            return None
    end = tokens[index].end
    stop = _clause_stop(tokens, index, len(sentence))
    # the verb's own words: a few before it ("usually drives"), its clause after it
    near = tokens[max(start, index - 3)].start
    clause_text = sentence[near : max(end, stop)]
    if _GENERIC_OPENING.match(sentence):
        return None  # "Each month hundreds make the crossing from A to B": habitual
    if GENERIC.search(_FREQUENCY_ADJECTIVE.sub(" ", clause_text)) or (
        incident and HISTORY.search(clause_text)
    ):
        return None
    if start > 0 and _FRONTED_HABIT.match(sentence):
        return None  # "Every morning, workers travel from A to B": a habit
    later = _NEXT_CLAUSE.search(sentence, end)  # ("rallied on Saturday, and leaders say
    # they will go to A next month": the time to come is the next clause's)
    if _FUTURE_TIME.search(
        sentence[tokens[start].start if clause else 0 : later.start() if later else len(sentence)]
    ):
        return "planned"
    if (
        tokens[index].lower.endswith("ing")
        and any(w in ("is", "are", "am") for w in chain)
        and _ON_WEEKDAY.search(sentence, end)
    ):
        return "planned"  # "the town is sending a mission to A on Saturday": arranged
    if (
        noun
        and not tokens[index].lower.endswith(("ers", "ors"))  # "protesters called for ..."
        and _CALLED_FOR.match(sentence, end)
    ):
        return "planned"  # "a rally, called for Thursday, will ...": announced
    return "reported"


#: Verbs by which people carry out or put on the event their noun object names, in the base
#: form an infinitive takes ("to carry out an attack", "to stage a protest"): general English.
_DOING_VERBS = frozenset(
    "carry conduct launch stage mount commit perpetrate hold organise organize execute make".split()
)
#: Verbs of wanting, plotting, urging or ordering before an infinitive (with its subject or
#: object between: "encouraged him to"): what the infinitive says is not told as done.
_INTENDING = frozenset(
    "want wants wanted hope hopes hoped seek seeks sought plot plots plotted plotting "
    "conspire conspires conspired conspiring threaten threatens threatened threatening "
    "intend intends intended aim aims aimed plan plans planned planning urge urges urged "
    "urging encourage encourages encouraged encouraging incite incites incited inciting "
    "ask asks asked tell tells told instruct instructs instructed order orders ordered "
    "call calls called".split()
)
#: Words of a short noun phrase between a light verb and its event noun ("a violent attack").
_NP_GAP = 3


def _intended_light_verb(tokens: list[Token], index: int, start: int, j: int) -> int:
    """Where the status of event noun ``index`` is read from: the "to" of an infinitive
    whose light verb takes the noun as object ("to carry out a violent attack", "to stage a
    protest") when a verb of intending (:data:`_INTENDING`) governs that "to" ("encouraged
    him to launch an attack", "planned to hold a rally"): the noun then has the
    infinitive's status, as the bare verb would ("encouraged him to attack"). Otherwise
    ``j`` unchanged."""
    v = index - 1
    while v >= start and index - v <= _NP_GAP and tokens[v].text.islower():
        if tokens[v].lower in _DOING_VERBS:
            break
        v -= 1
    if v < start or tokens[v].lower not in _DOING_VERBS:
        if not (v > start and tokens[v].lower == "out" and tokens[v - 1].lower == "carry"):
            return j
        v -= 1  # "to carry out an attack"
    if v - 1 < start or tokens[v - 1].lower != "to":
        return j
    for k in range(v - 2, max(start - 1, v - 6), -1):
        if not tokens[k].text[:1].isalnum():
            return j
        if tokens[k].lower in _INTENDING:
            return v - 1
    return j


#: Words that open a verb's object (after a bare verb in a list of infinitives).
_OBJECT_OPENERS = frozenset("the a an his her their its this that these those".split())
#: Lower-case words before a determiner that are no bare verb: prepositions, conjunctions.
_NOT_BARE_VERB = frozenset(
    "in at on near by with for from of during after before since as into onto over under "
    "about against among between through across toward towards without within like than but "
    "so while when where which who that then and or to including despite amid".split()
)
#: Past forms without -ed (and forms that are past as often as base), which tell a list's
#: item as done ("planned to rob the bank, then shot the guard"): general English.
_PAST_NOT_ED = _PAST_FORMS | frozenset(
    "shot struck stole threw fought beat hit set cut put hurt shut burst burnt blew bit broke "
    "caught fell found gave held hid hung kept knew led lost made met paid ran rang said saw "
    "sold shook sank sat slew slid spoke spent stood stuck swung taught told tore wore won "
    "wrote got began lit slit spat".split()
)


def _shared_infinitive(tokens: list[Token], start: int, depth: int = 0) -> int:
    """The verb of an infinitive that a clause continues as the next item of its list, or
    -1: the clause at ``start`` follows a comma and opens (after "and", "then") with a bare
    verb and its object ("..., film the killing", "..., and then use the rifles"), and the
    clause before holds "to" and a verb governed by a verb of intending or planning
    ("planned to kill a guard", "urged him to seize the bridge"), or is itself such an item.
    General English: the items of a list of infinitives share the first one's "to"."""
    v = start
    while start > 0 and tokens[start - 1].lower in ("and", "then", "or"):
        start -= 1  # (a clause may open after "then": "..., and then burn the hall")
    if start < 2 or tokens[start - 1].text != "," or depth > 3:
        return -1
    while v < len(tokens) and tokens[v].lower in ("and", "then", "or"):
        v += 1
    if v + 1 >= len(tokens):
        return -1
    w = tokens[v]
    if not (
        w.text.isalpha()
        and w.text.islower()
        and not w.lower.endswith(("ed", "ing"))
        and w.lower not in _NOT_BARE_VERB
        and w.lower not in _PAST_NOT_ED
        and w.lower not in AUXILIARIES
        and w.lower not in HYPOTHETICAL
        and tokens[v + 1].lower in _OBJECT_OPENERS
    ):
        return -1
    prev = clause_start(tokens, start - 1)
    intending = _INTENDING | (PLAN_VERBS - {"is", "are", "am", "was", "were", "will", "shall"})
    for k in range(start - 3, prev - 1, -1):
        nxt = tokens[k + 1]
        if (
            tokens[k].lower == "to"
            and nxt.text.isalpha()
            and nxt.text.islower()
            and nxt.lower not in _OBJECT_OPENERS
            and any(tokens[x].lower in intending for x in range(max(prev, k - 4), k))
        ):
            return k + 1
    return _shared_infinitive(tokens, prev, depth + 1)


#: Past forms of motion verbs that end in neither "-ed" nor "-s".
IRREGULAR_PAST = _PAST_FORMS | frozenset("swam ran sped led fell".split())


#: Verbs whose past is their present ("who set out from A on Thursday"): no telling.
_PAST_AS_PRESENT = frozenset("set put cut hit quit shut spread cast burst let".split())


#: Past verbs by which people put on an event named by the noun after them.
_PUT_ON = frozenset("held staged organised organized hosted mounted launched".split())


def _after_relative(tokens: list[Token], start: int, index: int) -> int:
    """Where the modality of the event noun at ``index`` is read from, in the clause that
    opens at ``start``: past a relative clause on the subject when the clause's own verb
    puts the event on ("relatives of men who were not freed held a vigil in protest": the
    "not" is the relative clause's); else ``start``."""
    relative = ("who", "that", "which")
    if start >= index or not (
        tokens[start].lower in relative or (start > 0 and tokens[start - 1].lower in relative)
    ):
        return start
    for k in range(index - 1, start, -1):
        if tokens[k].lower in _PUT_ON:
            j = k  # (with its own chain: "had not held")
            while j > start and (
                tokens[j - 1].lower in AUXILIARIES or tokens[j - 1].lower in _NEGATORS
            ):
                j -= 1
            return j
    return start


def _generic_relative(tokens: list[Token], index: int) -> bool:
    """True when the motion verb at ``index`` is a plain present form right after "who" or
    "that" ("migrants who travel from A to B risk death", "those who flee to A"): a relative
    clause in the present tense of the plural names whoever makes that journey, no journey
    made (a past form, "who travelled", or the singular "who travels" is left alone)."""
    if index < 2 or tokens[index - 1].lower not in ("who", "that"):
        return False
    w = tokens[index].lower
    if not w.isalpha() or w in IRREGULAR_PAST or w in _PAST_AS_PRESENT:
        return False
    return not w.endswith(("ed", "ing")) and (not w.endswith("s") or w.endswith("ss"))


#: Verbs by which people put on an event (the noun after them is that event): general English.
_STAGED = frozenset(
    "hold holds stage stages organise organises organize organizes host hosts convene "
    "convenes launch mount".split()
)
_STAGED_GAP = frozenset("a an the another their its his her two three one-day new".split())


def _staged_ahead(tokens: list[Token], start: int, index: int, sentence: str) -> bool:
    """True when the event noun at ``index`` is what people will put on: a verb of
    :data:`_STAGED` right before it (past an article or a few describing words) whose own
    chain says the future ("will hold a protest", "are to stage a march", "plan to hold
    talks", "said they would hold a sit-in"), with no negation."""
    k = index - 1
    while k > start and index - k <= 3 and tokens[k].lower in _STAGED_GAP:
        k -= 1
    if k < start or tokens[k].lower not in _STAGED:
        return False
    before = [t.lower for t in tokens[start:k]]
    if any(w in _NEGATORS for w in before):
        return False
    head = before[-3:]
    if any(w in _FUTURE for w in head):
        return True
    if "would" in head and re.search(r"\b(?:said|says|told|announced)\b", sentence):
        return True  # reported future
    return len(head) >= 2 and head[-1] == "to" and head[-2] in PLAN_VERBS


#: Verbs of calling for an event ("called for a march"): general English of appeals; the
#: event is still to come.
_CALLING = frozenset("call calls called calling".split())


def _called_for(tokens: list[Token], start: int, index: int) -> bool:
    """True when the event noun at ``index`` is what someone called for ("have called for a
    nationwide march on Thursday", "organisers called for rallies"): "call for" right before
    it, past an article and at most two describing words, with no negation or modal before
    it."""
    k = index - 1
    while (
        k > start
        and index - k <= 3
        and tokens[k].text.islower()
        and tokens[k].lower
        not in (
            "for",
            "to",
            "of",
            "off",
        )
    ):
        if tokens[k].lower in _CALLING:
            break
        k -= 1
    if k <= start or tokens[k].lower != "for" or tokens[k - 1].lower not in _CALLING:
        return False  # (a past "called a strike" may tell one that took place)
    k -= 1
    return not any(t.lower in _NEGATORS or t.lower in HYPOTHETICAL for t in tokens[start:k])


# a journey said not to take place: "the flight ... was cancelled", "cancelled her trip"
_CALLED_OFF_AFTER = re.compile(
    # (not into another clause; "and" between names stays: "flights from A and B to C")
    r"(?:(?!\b(?:after|before|when|while|because|as|since|but|that|which|who)\b"
    r"|\b(?:and|or)\b(?![ \t]+(?-i:[A-Z])))"
    r"[^,;:.!?]){0,60}?\b(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been|been)"
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:cancell?ed|called[ \t]+off|scrapped|scrubbed|aborted|grounded)\b",
    re.I,
)
_CALLED_OFF_BEFORE = re.compile(
    r"\b(?:cancell?ed|cancell?ing|cancels?|called[ \t]+off|calling[ \t]+off|scrapped|scrapping)"
    r"[ \t]+(?:[\w'’-]+[ \t]+){0,3}$",
    re.I,
)


# a journey planned with "to", called off later in the sentence by its noun
_TRIP_CALLED_OFF = re.compile(
    r"\b(?:called[ \t]+off|cancell?ed|scrapped|postponed|put[ \t]+off)[ \t]+"
    r"(?:the|his|her|their|its|a)[ \t]+(?:[\w-]+[ \t]+)?(?:trip|visit|journey|tour|flight)\b",
    re.I,
)

# a journey someone "was due to" make, put off later in the sentence ("a convoy that was due
# to leave A for B this week has been postponed"): general English
_DUE_TO_BEFORE = re.compile(
    r"\b(?:that|which|who)[ \t]+(?:was|were|is|are|had[ \t]+been)[ \t]+"
    r"(?:due|scheduled|set|expected|supposed|meant|planned)[ \t]+to[ \t]+$",
    re.I,
)
_PUT_OFF_AFTER = re.compile(
    r"[^,;:.!?]{0,80}?\b(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)"
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:cancell?ed|called[ \t]+off|scrapped|postponed|put[ \t]+off"
    r"|suspended|aborted)\b",
    re.I,
)

#: Journey nouns that can be cancelled (a flight, a trip): general English.
_JOURNEY_NOUNS = frozenset(
    "flight flights trip trips visit visits journey journeys voyage voyages tour tours "
    "crossing crossings sailing sailings mission missions".split()
)


#: A sentence that opens with a time phrase of habit before its comma ("Every morning, ...",
#: "Most days, ...", "On weekdays, ...", "Usually, ..."): general English.
_FRONTED_HABIT = re.compile(
    r"\W*(?:every|each|most) (?:day|week|month|year|morning|evening|night|weekend|summer|"
    r"winter|spring|autumn|season)s?,|\W*on (?:weekdays|weekends|sundays|mondays|fridays),"
    r"|\W*(?:usually|typically|normally|generally|often|routinely),",
    re.I,
)


def _no_subject(tokens: list[Token], start: int, j: int) -> bool:
    """True when the subject right before the verb chain (ending at token ``j``, within the
    clause from ``start``) is a noun phrase opened by "no" ("No troops", "said no aid
    workers"): nobody did it."""
    for k in range(j - 1, max(start, j - 4) - 1, -1):
        if tokens[k].lower == "no":
            return all(t.text.isalpha() and t.text.islower() for t in tokens[k + 1 : j + 1])
        if not (tokens[k].text.isalpha() and tokens[k].text.islower()):
            return False
    return False


#: A denial of what the clause after it tells ("denied that troops had been sent", "rejected
#: reports that the men fled"): general English.
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|dismissed|rejected|refuted)\s+(?:(?:the\s+)?(?:reports?|"
    r"claims?|allegations?|suggestions?|rumou?rs?)\s+)?that\b"
    # a rumour is no report either: "rumours that the minister had fled to X"
    r"|\brumou?rs?\s+that\b",
    re.I,
)


def denied(tokens: list[Token], index: int) -> bool:
    """True when a denial before the trigger at ``index``, in its sentence, governs it
    ("officials denied that any troops were sent to X"), with no clause mark between."""
    for k in range(index - 1, max(-1, index - 15), -1):
        t = tokens[k]
        if t.text in CLAUSE_PUNCT or t.text in ".;":
            return False
        if t.lower == "that" and k > 0:
            text = " ".join(x.text for x in tokens[max(0, k - 4) : k + 1])
            if _DENIED.search(text):
                return True
    return False


def _called_off(tokens: list[Token], index: int, sentence: str) -> bool:
    """True when the journey at ``index`` is said to be cancelled ("the flight from A to B
    was cancelled", "she called off her trip to A")."""
    word = tokens[index]
    if _CALLED_OFF_BEFORE.search(sentence, max(0, word.start - 60), word.start):
        return True
    if (
        index > 0
        and tokens[index - 1].lower == "to"
        and _TRIP_CALLED_OFF.search(sentence, word.end)
    ):
        return True  # "was due to travel to A on Friday, but has called off the trip"
    if _DUE_TO_BEFORE.search(sentence, max(0, word.start - 60), word.start) and (
        _PUT_OFF_AFTER.match(sentence, word.end)
    ):
        return True  # "a bus that was due to leave A for B has been postponed"
    # only a journey noun is the subject of "was cancelled" after it
    return word.text.lower() in _JOURNEY_NOUNS and bool(_CALLED_OFF_AFTER.match(sentence, word.end))


#: Verbs that make a journey noun an act ("make a visit", "pay a visit"): general English.
_LIGHT_VERBS = frozenset("make pay undertake begin start embark".split())
#: Verbs by which a meeting or a protest is held ("are to hold talks", "is to stage a rally").
_HOLD_VERBS = frozenset("hold stage convene host begin start".split())


def _to_be_made(tokens: list[Token], index: int, start: int, incident: bool = False) -> bool:
    """True when the journey noun at ``index`` is what someone "is to make" ("is to make an
    official visit", "are to begin a tour"), or the event noun what they "are to hold" ("are
    to hold a summit", "is to stage a rally"): announced."""
    verbs = _HOLD_VERBS if incident else _LIGHT_VERBS
    k = index - 1
    while k >= max(0, start - 3) and k > index - 4 and tokens[k].text[:1].islower():
        if tokens[k].lower in verbs:
            return k >= 2 and tokens[k - 1].lower == "to" and tokens[k - 2].lower in ("is", "are")
        k -= 1
    return False


#: Past participles not in -ed of verbs that move someone ("was arrested and flown to B").
_PARTICIPLES = frozenset("flown taken sent driven brought shipped".split())


def _participle(word: str) -> bool:
    return word.endswith("ed") or word in _PARTICIPLES


def passive(tokens: list[Token], index: int) -> bool:
    """True when the verb at ``index`` follows a form of "be" or "get" ("was flown"), or is a
    participle joined by "and" to a passive one before it ("was arrested in A and flown to
    B", "were freed and taken to B"): the auxiliary serves both."""
    if index >= 2 and tokens[index - 1].lower == "and" and _participle(tokens[index].lower):
        for i in range(index - 2, max(-1, index - 9), -1):
            t = tokens[i]
            if t.text in CLAUSE_PUNCT or t.text == "," or t.lower in SUBORDINATORS:
                break
            if (
                _participle(t.lower)
                and t.text[:1].islower()
                and i > 0
                and tokens[i - 1].lower in ("was", "were", "been", "being", "is", "are", "be")
            ):
                return True
    for i in range(index - 1, max(-1, index - 4), -1):
        w = tokens[i].lower
        if w in ("was", "were", "been", "being", "be", "is", "are", "get", "got", "gets"):
            return True
        if w not in _ADVERBS and w not in ("had", "has", "have", "not", "n't"):
            return False
    return False


# words that end a noun phrase read backwards from its verb, besides punctuation
_NP_STOP = (
    frozenset(
        (
            "said says say told tells reported reports added noted according claimed stated "
            "announced confirmed believe believed think thinks thought saw see seen heard knew "
            "know and or "
            "but to for on at by with into onto from over under against than as like about "
            "during after before when while because if unless until "
            "among amongst between amid amidst across through throughout toward towards upon "
            "via despite within found"
        ).split()
    )
    | SUBORDINATORS
    | AUXILIARIES
)
# words that may stand inside a noun phrase between its head and a name ("members of X")
_NP_BRIDGE = frozenset("of".split())
# words after a head noun that begin a modifier, which the actor leaves out
_POSTMODIFIER = frozenset(
    "based in at near from living who which that with whose originally staying".split()
)
_PRONOUNS = frozenset(
    "he she it they we i you him her them us me this these those one someone somebody "
    "everyone anyone who which what there here".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
_ARTICLES = frozenset("the a an".split())
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
#: Adjectives ending in -ed that may open a noun phrase ("armed men", "displaced families").
_ED_ADJECTIVES = frozenset(
    "armed masked unidentified suspected alleged wounded injured displaced detained unnamed "
    "unarmed retired elected united accused convicted disabled qualified trained uniformed "
    "hooded organised organized coordinated skilled stranded exiled frightened terrified "
    "talented unauthorized unauthorised undocumented named reported".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your some many several "
    "hundreds thousands dozens scores tens millions all both few".split()
)


_DASHES = frozenset(("-", "—", "–", "--"))


def _np_word(t: Token) -> bool:
    if not (t.text[:1].isalnum() or t.text in ("'s", "’s")):
        return False
    if t.lower in _NP_STOP or t.lower in _ADVERBS:
        return False
    if t.text[:1].islower() and t.lower.endswith("ed") and t.lower not in _ED_ADJECTIVES:
        return False  # a verb in the past: the phrase began after it
    return True


def _abbreviation_stop(tokens: list[Token], i: int) -> bool:
    """True when the full stop at ``i`` ends a capitalised abbreviation ("the U.S. has",
    "the U.K. sent"): part of the noun phrase, not the end of a sentence."""
    if tokens[i].text != "." or i == 0:
        return False
    before = tokens[i - 1].text
    return before[:1].isupper() and "." in before and before.replace(".", "").isalpha()


def subject(tokens: list[Token], index: int, sentence: str) -> str | None:
    """The noun phrase before the verb at ``index`` that names who did it (or, for a passive
    verb, to whom it was done), without its trailing modifiers ("a senior official based in
    X" -> "a senior official"); None when there is none or it is a pronoun."""
    i = index - 1
    if i >= 0 and tokens[index].lower.endswith("ing") and tokens[i].lower in _ASPECT:
        i -= 1  # "the army began sending troops": the subject of "began"
    while i >= 0 and (tokens[i].lower in AUXILIARIES or tokens[i].lower in _ADVERBS):
        i -= 1
    if i >= 0 and tokens[i].lower in _NEGATORS:
        return None
    if (
        i > 1
        and tokens[i].lower == "to"
        and (
            tokens[i - 1].lower in DONE_VERBS | PLAN_VERBS
            or (tokens[i - 1].lower in SAID_TO_HAVE and tokens[i + 1].lower == "have")
        )
    ):
        # "villagers were forced to flee": the subject of "forced"; "the crew is said to
        # have sailed": the subject of "said"
        i -= 2
        while i >= 0 and (tokens[i].lower in AUXILIARIES or tokens[i].lower in _ADVERBS):
            i -= 1
    who = i > 0 and tokens[i].lower == "who"
    if i > 0 and tokens[i].lower in ("that", "who", "which"):
        i -= 1  # "a train that travelled": the noun the relative clause is about
        if tokens[i].text == ",":
            i -= 1
    end = i + 1
    start = end
    while i >= 0 and end - i <= 14:
        t = tokens[i]
        if _np_word(t) or _abbreviation_stop(tokens, i):
            start = i
        elif t.lower in _NP_BRIDGE or t.lower in ("based", "in", "from", "near", "at"):
            if not (i > 0 and _np_word(tokens[i - 1])):
                break
        elif t.text in _DASHES:
            # a parenthetical between dashes: the subject stands before it
            opening = next((j for j in range(i - 1, -1, -1) if tokens[j].text in _DASHES), None)
            if opening is None or start < end:
                break
            i = opening
            start = end = opening
        else:
            break
        i -= 1
    if start >= end:
        if 0 <= i < len(tokens) and tokens[i].text == ",":
            # "the pilots, who were stranded in X, flew home": the noun before the clause
            head = _relative_head(tokens, i)
            if head is not None:
                return subject(tokens, head + 1, sentence)
        return None
    head = _relative_head(tokens, start)
    if head is not None:
        # a noun inside a relative clause is no subject of the verb after it: "the students
        # who had been held because of a virus in X were flown to Y" (the students)
        return subject(tokens, head + 1, sentence)
    words = tokens[start:end]
    if words and words[-1].lower in _SUBJECT_PRONOUNS:
        return None  # "On Tuesday he drove": a pronoun after a time phrase
    for k in range(len(words) - 1, 0, -1):
        if (
            words[k].lower in _ARTICLES
            and words[k - 1].text[:1].isupper()
            and words[k - 1].lower in _TIME_WORDS
        ):
            words = words[k:]  # "On Sunday the group flew": the group, not "Sunday the group"
            break
    while words and words[0].text[:1].islower() and words[0].lower.endswith("ing"):
        words = words[1:]  # "operating the network": a verb's phrase, not a noun phrase
    # leave out the modifiers after the head: "an official based in X", "men from Y"
    for k in range(1, len(words)):
        if words[k].lower in _POSTMODIFIER or (
            words[k].text[:1].islower() and words[k].lower.endswith("ing")
        ):  # "families fleeing X": the participle begins a modifier
            if who and words[k].lower.endswith("ing") and k + 1 < len(words):
                # "a case involving a woman who arrived": "who" is the nearest person
                words = words[k + 1 :]
            else:
                words = words[:k]
            break
    while words and words[0].lower in _NP_BRIDGE:
        words = words[1:]
    if not words or all(w.lower in _TIME_WORDS for w in words):
        return None  # "... on Friday shot a man": a time, not who did it
    if words[-1].lower in _NP_BRIDGE:
        return None  # "a report of [shots] fired": the phrase's head is no actor
    phrase = sentence[words[0].start : words[-1].end].strip(" ,.-“”\"'‘’")
    if words[-1].text == "." and phrase.endswith(words[-2].text if len(words) > 1 else "\0"):
        phrase += "."  # "the U.S.": the abbreviation keeps its full stop
    if not phrase or phrase.lower() in _PRONOUNS or all(w.lower in _DETERMINERS for w in words):
        return None
    return phrase[:120]


#: Words no actor's noun phrase opens with: prepositions ("in the", "with brazen").
_NOT_NP_OPENERS = frozenset(
    "in on at by for with from to into of after before during since than as".split()
)
#: Finite verbs that end an actor's noun phrase: the phrase ran into a clause ("the officers
#: began their shift" -> "the officers").
_FINITE_AFTER_SUBJECT = AUXILIARIES | frozenset(
    "began begins started starts indicates indicated said says told tells believe believes "
    "believed think thinks thought held holds staged stages organised organized launched "
    "launches took takes broke breaks joined joins attended attends went goes came comes "
    "gathered marched rallied".split()
)
#: Time phrases that may trail a subject ("a car last week", "the group on Monday").
_TRAILING_TIME = frozenset("last this next yesterday today tonight week month year on".split())
_EN_PARTICIPLES = frozenset("driven taken ridden stolen given seen beaten hidden".split())
_TIME_NOUNS = _TIME_WORDS | frozenset("week month year night morning".split())


def tidy_actor(phrase: str | None) -> str | None:
    """``phrase`` as an actor's noun phrase: cut before a finite verb it runs into ("the
    officers began their shift" -> "the officers"), before a trailing time ("a car last
    week" -> "a car") and a trailing participle ("an SUV driven"); None when it opens with a
    preposition or a verb in -ing ("in the", "killing seven residents"), holds a subject
    pronoun or two noun phrases side by side ("the outbreak the agency"), or is a pronoun."""
    if phrase is None:
        return None
    words = phrase.split()
    first = words[0].lower()
    if first in _NOT_NP_OPENERS or (words[0].islower() and first.endswith("ing")):
        return None
    if any(w.lower() in _SUBJECT_PRONOUNS for w in words[1:]):
        return None  # "charges he ...": a clause of its own begins inside
    for k in range(1, len(words)):
        w = words[k].lower()
        if (
            w in _FINITE_AFTER_SUBJECT
            or (k > 1 and w in WEEKDAYS)
            or (
                w in _TRAILING_TIME
                and (
                    k + 1 == len(words)
                    or words[k + 1].lower() in _TIME_WORDS | {"week", "month", "year", "night"}
                )
            )
        ):
            words = words[:k]
            break
    if any(w.lower() in _ARTICLES for w in words[2:]) and words[0].lower() in _ARTICLES:
        # "the outbreak the agency": two noun phrases with no word joining them
        k = next(k for k in range(2, len(words)) if words[k].lower() in _ARTICLES)
        if words[k - 1].lower() not in _NP_BRIDGE | {"and", "or", "&"}:
            return None
    while (
        len(words) > 1
        and words[-1].islower()
        and (
            (words[-1].endswith("ed") and words[-1] not in _ED_ADJECTIVES)
            or words[-1] in _EN_PARTICIPLES
        )
    ):
        words = words[:-1]  # "an SUV driven [by ...]": the participle opens a modifier
    out = " ".join(words).strip(" ,")
    if not out or out.lower() in _PRONOUNS:
        return None
    return out


_VERB_WORDS = frozenset(
    "said says say told tells reported reports added noted claimed stated announced "
    "confirmed saw see seen heard knew know found went came took fled left".split()
)


def _verb_word(t: Token) -> bool:
    w = t.lower
    return (
        w in AUXILIARIES
        or w in _VERB_WORDS
        or (t.text[:1].islower() and w.endswith("ed") and w not in _ED_ADJECTIVES)
    )


def lexical_verb(t: Token) -> bool:
    """True when token ``t`` reads as a verb of its own, not an auxiliary: a verb of saying
    or seeing, a common irregular past, or a lower-case -ed word that is no adjective
    ("counted", "reported"; not "armed", "was")."""
    w = t.lower
    return w not in AUXILIARIES and (
        w in _VERB_WORDS or (t.text[:1].islower() and w.endswith("ed") and w not in _ED_ADJECTIVES)
    )


def _relative_head(tokens: list[Token], start: int) -> int | None:
    """When the noun phrase from ``start`` stands inside a relative clause ("who had been held
    in X"): the last word of the noun the clause is about (the word before its "who", or before
    the comma before it). The "who" is looked for within 20 tokens, with no clause punctuation
    and one verb group only between it and ``start`` (a second verb, "who was held in X said
    police", opens another clause whose subject this may be); None otherwise."""
    j = start
    while j > max(0, start - 20):
        j -= 1
        t = tokens[j]
        if t.text == ")":  # a bracketed aside: "a strain (H1N1) of flu"
            while j > 0 and tokens[j].text != "(":
                j -= 1
            continue
        if t.text in CLAUSE_PUNCT or t.text in (".", "!", "?"):
            return None
        if t.lower == "who":
            flags = [_verb_word(x) for x in tokens[j + 1 : start] if x.text not in "()"]
            groups = sum(1 for n, f in enumerate(flags) if f and (n == 0 or not flags[n - 1]))
            k = j - 2 if tokens[j - 1].text == "," else j - 1
            return k if groups == 1 and k >= 0 and _np_word(tokens[k]) else None
    return None


def agent(tokens: list[Token], index: int, sentence: str) -> str | None:
    """The noun phrase after "by" following the verb at ``index`` ("was shot by police")."""
    for i in range(index + 1, min(len(tokens), index + 5)):
        if tokens[i].lower == "by":
            words: list[Token] = []
            for t in tokens[i + 1 : i + 10]:
                if not _np_word(t) or t.lower in _POSTMODIFIER:
                    break
                words.append(t)
            if words and words[0].lower not in ("car", "bus", "train", "plane", "boat", "air"):
                phrase = sentence[words[0].start : words[-1].end]
                return None if phrase.lower() in _PRONOUNS else phrase[:120]
            return None
        if tokens[i].text in (",", ";", "."):
            return None
    return None


def clause_subject(tokens: list[Token], start: int, index: int, sentence: str) -> str | None:
    """The noun phrase opening the clause from ``start`` up to the verb at ``index`` ("The
    team has put together a unit and dispatched it": "The team")."""
    i = start
    while i < index and tokens[i].lower in ("and", "but", "then", "so"):
        i += 1
    words: list[Token] = []
    while i < index and _np_word(tokens[i]) and tokens[i].lower not in _POSTMODIFIER:
        words.append(tokens[i])
        i += 1
    if not words:
        return None
    phrase = sentence[words[0].start : words[-1].end].strip(" ,.-“”\"'‘’")
    if not phrase or phrase.lower() in _PRONOUNS or all(w.lower in _DETERMINERS for w in words):
        return None
    return phrase[:120]
