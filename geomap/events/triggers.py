"""The event vocabulary: which words report an incident or a movement, and of which kind.

Every word list of event extraction lives here, one list per purpose, each with a line on
what it is for and where its entries come from. The entries are general English written by
hand (motion verbs and nouns, the common words of crime, accident, disaster and protest
reports, and the event categories of ACLED and UCDP); none is taken from an evaluation text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: The event vocabulary: event_type -> what it covers. Incidents carry one of these.
EVENT_TYPES: dict[str, str] = {
    "movement of forces": "a state or group dispatched, deployed or transferred people or units",
    "flight/defection": "people fled, escaped or defected",
    "evacuation": "people were evacuated",
    "deportation": "people were deported, expelled, repatriated or extradited",
    "border crossing": "people crossed a border or a stretch of water",
    "movement": "people travelled, returned, were transported, smuggled or trafficked",
    "disappearance": "people disappeared, went missing or were abducted",
    "arrest": "people were arrested, detained, captured or taken into custody",
    "attack": "deliberate violence against people or property: killings, shootings, "
    "stabbings, assaults, armed robberies, bombings, arson, shelling, airstrikes, places "
    "taken by force",
    "crash": "an accident of one vehicle, aircraft or vessel, or one striking a pedestrian",
    "collision": "two or more vehicles, trains or vessels striking each other",
    "derailment": "a train derailing",
    "fire": "a fire not said to be set on purpose (arson is an attack)",
    "explosion": "an explosion nobody is said to have caused (a bombing is an attack)",
    "flood": "flooding, flash floods, a dam or levee failing",
    "earthquake": "an earthquake or tremor",
    "landslide": "a landslide, mudslide or rockslide",
    "meeting/summit": "a summit, talks or a meeting",
    "surveillance": "surveillance, monitoring, spying or wiretapping",
    "protest": "protests, demonstrations, rallies, marches, sit-ins, pickets and walkouts",
}

#: event_type -> ((word stem, sub_event_type), ...); the first stem the trigger word starts
#: with wins, and the last entry (stem "") is the default. Stems are the trigger words' own.
SUB_EVENT_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "movement of forces": (
        ("deploy", "deployment"),
        ("redeploy", "deployment"),
        ("transfer", "transfer"),
        ("", "dispatch"),
    ),
    "flight/defection": (("defect", "defection"), ("escap", "escape"), ("", "flight")),
    "evacuation": (("", "evacuation"),),
    "deportation": (
        ("expel", "expulsion"),
        ("expuls", "expulsion"),
        ("repatriat", "repatriation"),
        ("extradit", "extradition"),
        ("", "deportation"),
    ),
    "border crossing": (("", "crossing"),),
    "movement": (
        ("return", "return"),
        ("smuggl", "smuggling"),
        ("traffick", "trafficking"),
        ("", "travel"),
    ),
    "disappearance": (("abduct", "abduction"), ("kidnap", "abduction"), ("", "disappearance")),
    "arrest": (
        ("detain", "detention"),
        ("detention", "detention"),
        ("captur", "capture"),
        ("seiz", "seizure"),
        ("", "arrest"),
    ),
    "attack": (
        ("captur", "territory taken"),
        ("recaptur", "territory taken"),
        ("seiz", "territory taken"),
        ("overr", "territory taken"),
        ("retook", "territory taken"),
        ("retak", "territory taken"),
        ("took", "territory taken"),
        ("taken", "territory taken"),
        ("takes", "territory taken"),
        ("taking", "territory taken"),
        ("gain", "territory taken"),
        ("wrest", "territory taken"),
        ("assum", "territory taken"),
        ("fell", "territory taken"),
        ("bomb", "bombing"),
        ("suicide", "bombing"),
        ("shell", "shelling"),
        ("airstrike", "airstrike"),
        ("air strike", "airstrike"),
        ("shot", "shooting"),
        ("shoot", "shooting"),
        ("gunfire", "shooting"),
        ("gunm", "shooting"),
        ("opened fire", "shooting"),
        ("stab", "stabbing"),
        ("assassinat", "assassination"),
        ("explo", "explosion"),
        ("blast", "explosion"),
        ("assault", "assault"),
        ("beat", "assault"),
        ("rob", "robbery"),
        ("arson", "arson"),
        ("torch", "arson"),
        ("set fire", "arson"),
        ("set ", "arson"),  # "set the barn ablaze"
        ("kill", "killing"),
        ("homicide", "killing"),
        ("slain", "killing"),
        ("murder", "killing"),
        ("massacre", "killing"),
        ("", "attack"),
    ),
    "crash": (("capsiz", "capsizing"), ("sank", "capsizing"), ("", "crash")),
    "collision": (("", "collision"),),
    "derailment": (("", "derailment"),),
    "fire": (
        ("wildfire", "wildfire"),
        ("bushfire", "wildfire"),
        ("forest", "wildfire"),
        ("brush", "wildfire"),
        ("", "fire"),
    ),
    "explosion": (("", "explosion"),),
    "flood": (("", "flood"),),
    "earthquake": (("", "earthquake"),),
    "landslide": (("", "landslide"),),
    "meeting/summit": (("summit", "summit"), ("talks", "talks"), ("", "meeting")),
    "surveillance": (("", "surveillance"),),
    "protest": (
        ("strike", "strike"),
        ("walkout", "strike"),
        ("picket", "strike"),
        ("", "protest"),
    ),
}


def sub_event_type(event_type: str, trigger: str) -> str | None:
    """The sub_event_type for a trigger word of ``event_type`` (None for an unknown type)."""
    word = trigger.lower()
    for stem, sub in SUB_EVENT_TYPES.get(event_type, ()):
        if word.startswith(stem):
            return sub
    return None


# How a motion word relates the places around it, beyond its prepositions:
#   go    -- the mover is the subject; endpoints only from prepositions ("travelled to X")
#   leave -- a place as direct object is the origin ("fled Kabul", "left Kabul for Doha")
#   reach -- a place as direct object is the destination ("entered Syria", "visited Kyiv")
#   send  -- the mover is the object, the subject sends it ("sent troops to X"); a place as
#            direct object is the origin when the verb empties it ("evacuated Yellowknife")
#   cross -- a place as direct object is crossed on the way ("crossed Honduras")
FRAMES = ("go", "leave", "reach", "send", "cross")

# movement_type -> (event_type of the incident it reports, or None when a plain movement is
# no incident; the colour and legend of the map follow movement_type)
MOVEMENT_TYPES: dict[str, str | None] = {
    "dispatched": "movement of forces",
    "fled": "flight/defection",
    "evacuated": "evacuation",
    "deported": "deportation",
    "crossed": "border crossing",
    "travelled": None,
}


@dataclass(frozen=True, slots=True)
class Motion:
    """What a motion word means: its movement_type and frame, whether it is a noun ("trip"),
    and whether it needs a destination to report anything ("came from a poor family")."""

    lemma: str
    movement_type: str
    frame: str
    noun: bool = False
    needs_destination: bool = False


def _verb(lemma: str, movement_type: str, frame: str, forms: str, **kw: bool) -> dict[str, Motion]:
    motion = Motion(lemma, movement_type, frame, **kw)
    return {form: motion for form in forms.split()}


def _noun(lemma: str, movement_type: str, forms: str, **kw: bool) -> dict[str, Motion]:
    motion = Motion(lemma, movement_type, "go", noun=True, **kw)
    return {form: motion for form in forms.split()}


#: Motion verbs and nouns (every inflected form written out), general English: the verbs of
#: travel, flight, evacuation, expulsion, dispatch and transport, and the nouns naming a
#: journey. Nouns that only mark a stop on the way ("layover") are in VIA_WORDS instead.
MOTION_WORDS: dict[str, Motion] = {
    # travel
    **_verb("travel", "travelled", "go", "travel travels travelled traveled travelling traveling"),
    **_verb("journey", "travelled", "go", "journeyed journeying"),
    **_verb("fly", "travelled", "go", "fly flies flew flown flying"),
    **_verb("drive", "travelled", "go", "drove driven"),
    **_verb("sail", "travelled", "go", "sail sails sailed sailing"),
    **_verb("ride", "travelled", "go", "rode ridden"),
    **_verb("ride", "travelled", "go", "ride rides riding", needs_destination=True),
    **_verb("bike", "travelled", "go", "bike bikes biked biking", needs_destination=True),
    **_verb("cycle", "travelled", "go", "cycle cycles cycled cycling", needs_destination=True),
    **_verb("pedal", "travelled", "go", "pedalled pedaled pedalling pedaling"),
    **_verb("hitchhike", "travelled", "go", "hitchhiked hitchhiking"),
    **_verb("hike", "travelled", "go", "hiked hiking", needs_destination=True),
    **_verb("walk", "travelled", "go", "walk walks walking", needs_destination=True),
    **_verb("march", "travelled", "go", "marched marching"),
    **_verb("walk", "travelled", "go", "walked", needs_destination=True),
    **_verb("trek", "travelled", "go", "trekked trekking"),
    **_verb("advance", "travelled", "go", "advanced advancing"),
    **_verb("withdraw", "travelled", "leave", "withdraw withdraws withdrew withdrawn withdrawing"),
    **_verb("retreat", "travelled", "leave", "retreated retreating"),
    **_verb("move", "travelled", "go", "move moves moved moving"),
    **_verb("relocate", "travelled", "go", "relocate relocates relocated relocating"),
    **_verb("migrate", "travelled", "go", "migrate migrates migrated migrating"),
    **_verb("emigrate", "travelled", "go", "emigrate emigrates emigrated emigrating"),
    **_verb("immigrate", "travelled", "go", "immigrate immigrates immigrated immigrating"),
    **_verb("resettle", "travelled", "go", "resettled resettling"),
    **_verb("jet", "travelled", "go", "jetted jetting"),
    **_verb("stream", "travelled", "go", "streamed flocked", needs_destination=True),
    **_verb("pour", "travelled", "go", "poured pouring", needs_destination=True),
    **_verb("drive", "travelled", "go", "drives driving", needs_destination=True),
    **_verb("swim", "travelled", "go", "swam swum", needs_destination=True),
    **_verb("row", "travelled", "go", "rowed paddled", needs_destination=True),
    **_verb("sneak", "travelled", "go", "sneaked snuck", needs_destination=True),
    **_verb("drift", "travelled", "go", "drifted", needs_destination=True),
    **_verb("disembark", "travelled", "go", "disembarked disembarking"),
    **_verb("board", "travelled", "go", "boarded boarding", needs_destination=True),
    **_verb("return", "travelled", "go", "return returns returned returning"),
    **_verb("come", "travelled", "go", "came come", needs_destination=True),
    **_verb("go", "travelled", "go", "went gone", needs_destination=True),
    **_verb("head", "travelled", "go", "heads headed heading"),
    **_verb("arrive", "travelled", "go", "arrive arrives arrived arriving"),
    **_verb("land", "travelled", "go", "landed", needs_destination=True),
    **_verb("dock", "travelled", "go", "docked", needs_destination=True),
    **_verb("leave", "travelled", "leave", "leave leaves left leaving"),
    **_verb("depart", "travelled", "leave", "depart departs departed departing"),
    **_verb("visit", "travelled", "reach", "visit visits visited visiting"),
    **_verb("tour", "travelled", "reach", "toured touring"),
    **_verb("enter", "travelled", "reach", "enter enters entered entering"),
    **_verb("reach", "travelled", "reach", "reached reaching"),
    **_verb("reach", "travelled", "reach", "reach", needs_destination=True),
    **_verb("pass", "travelled", "cross", "passed passing", needs_destination=True),
    **_verb("bring", "travelled", "send", "bring brings brought bringing"),
    **_verb("take", "travelled", "send", "taken took taking"),
    **_verb("rush", "travelled", "send", "rushed rushing"),
    **_verb("carry", "travelled", "send", "carried carrying"),
    **_verb("carry", "travelled", "send", "carry", needs_destination=True),
    **_verb("haul", "travelled", "send", "hauled hauling"),
    **_verb("ferry", "travelled", "send", "ferried ferrying"),
    **_verb("bus", "travelled", "send", "bussed bused"),
    **_verb("transport", "travelled", "send", "transport transports transported transporting"),
    **_verb("ship", "travelled", "send", "shipped shipping"),
    **_verb("smuggle", "travelled", "send", "smuggle smuggles smuggled smuggling"),
    **_verb("traffic", "travelled", "send", "trafficked trafficking"),
    **_verb("airlift", "travelled", "send", "airlift airlifts airlifted airlifting"),
    **_verb(
        "medevac",
        "travelled",
        "send",
        "medevaced medevacked life-flighted lifeflighted flighted helicoptered",
    ),
    **_verb("truck", "travelled", "send", "trucked"),
    **_verb("tow", "travelled", "send", "towed", needs_destination=True),
    **_verb("shuttle", "travelled", "send", "shuttled", needs_destination=True),
    **_verb("accompany", "travelled", "send", "accompanied"),
    **_verb("escort", "travelled", "send", "escorted escorting"),
    # a patient moved on to another hospital (South Asian and African English): read only
    # before "to" and a word of CARE_PLACES ("was referred to the district hospital in A")
    **_verb("refer", "travelled", "send", "referred", needs_destination=True),
    **_verb("shift", "travelled", "send", "shifted", needs_destination=True),
    # flight
    **_verb("flee", "fled", "leave", "flee flees fled fleeing"),
    **_verb("escape", "fled", "leave", "escape escapes escaped escaping"),
    **_verb("abscond", "fled", "leave", "absconded absconding"),
    **_verb("defect", "fled", "go", "defect defects defected defecting"),
    **_verb("displace", "fled", "leave", "displaced"),
    # evacuation and rescue
    **_verb("evacuate", "evacuated", "send", "evacuate evacuates evacuated evacuating"),
    **_verb("rescue", "evacuated", "send", "rescued rescuing"),
    # expulsion
    **_verb("deport", "deported", "send", "deport deports deported deporting"),
    **_verb("expel", "deported", "send", "expel expels expelled expelling"),
    **_verb("extradite", "deported", "send", "extradite extradites extradited extraditing"),
    **_verb("repatriate", "deported", "send", "repatriate repatriates repatriated repatriating"),
    # dispatch
    **_verb("send", "dispatched", "send", "send sends sent sending"),
    **_verb("recall", "dispatched", "send", "recall recalls recalled recalling"),
    **_verb("dispatch", "dispatched", "send", "dispatch dispatches dispatched dispatching"),
    **_verb("deploy", "dispatched", "send", "deploy deploys deployed deploying"),
    **_verb("redeploy", "dispatched", "send", "redeploy redeploys redeployed redeploying"),
    **_verb("transfer", "dispatched", "send", "transferred transferring"),
    # crossing
    **_verb("cross", "crossed", "cross", "cross crosses crossed crossing"),
}

#: Motion nouns (each form written out); a form that is also a verb above ("visit",
#: "return") is read as a noun only after a determiner or a possessive.
MOTION_NOUNS: dict[str, Motion] = {
    **_noun("trip", "travelled", "trip trips"),
    **_noun("journey", "travelled", "journey journeys"),
    **_noun("flight", "travelled", "flight flights"),
    **_noun("voyage", "travelled", "voyage voyages"),
    **_noun("mission", "travelled", "mission", needs_destination=True),
    **_noun("visit", "travelled", "visit"),
    **_noun("move", "travelled", "move", needs_destination=True),
    **_noun("route", "travelled", "route", needs_destination=True),
    **_noun("convoy", "travelled", "convoy convoys"),
    **_noun("tour", "travelled", "tour", needs_destination=True),
    **_noun("pilgrimage", "travelled", "pilgrimage"),
    **_noun("ride", "travelled", "ride", needs_destination=True),
    **_noun("march", "travelled", "march marches", needs_destination=True),
    **_noun("walk", "travelled", "walk", needs_destination=True),
    **_noun("trek", "travelled", "trek", needs_destination=True),
    **_noun("sail", "travelled", "sail crossing", needs_destination=True),
    **_noun("migration", "travelled", "migration"),
    **_noun("emigration", "travelled", "emigration", needs_destination=True),
    **_noun("relocation", "travelled", "relocation", needs_destination=True),
    **_noun("passage", "travelled", "passage", needs_destination=True),
    **_noun("chase", "fled", "chase pursuit", needs_destination=True),
    **_noun("influx", "travelled", "influx"),
    **_noun("arrival", "travelled", "arrival arrivals"),
    **_noun("departure", "travelled", "departure"),
    **_noun("return", "travelled", "return"),
    **_noun("exodus", "fled", "exodus"),
    **_noun("evacuation", "evacuated", "evacuation evacuations"),
    **_noun("deportation", "deported", "deportation deportations"),
    **_noun("expulsion", "deported", "expulsion"),
    **_noun("extradition", "deported", "extradition"),
    **_noun("repatriation", "deported", "repatriation"),
    **_noun("deployment", "dispatched", "deployment deployments"),
    **_noun("transfer", "dispatched", "transfer"),
    # nominalisations of transport verbs that also name a trade, a service or a team
    # ("the shipping industry", "human trafficking", "rescue teams"): a journey only as "the
    # shipment of NP ...", "Tuesday's trafficking of NP ...", "the rescue of NP ..." (OF_NOUNS)
    **_noun("ship", "travelled", "shipment shipments"),
    **_noun("rescue", "evacuated", "rescue"),
    # nouns of the verbs above that name other things too ("a fundraising drive", "in
    # advance", "a yoga retreat", "withdrawal from the treaty", "entry into force"): only
    # with a destination, and only with a determiner before them (DETERMINED_NOUNS)
    **_noun("drive", "travelled", "drive", needs_destination=True),
    **_noun("advance", "travelled", "advance", needs_destination=True),
    **_noun("withdrawal", "travelled", "withdrawal", needs_destination=True),
    **_noun("retreat", "travelled", "retreat", needs_destination=True),
    **_noun("entry", "travelled", "entry", needs_destination=True),
}
#: Motion nouns read as a journey only with a determiner or a possessive among the three
#: words before them ("the drive from A to B", "Tuesday's rebel advance"), not bare ("test
#: drive", "drive to Florida" as a verb, "advance to the final").
DETERMINED_NOUNS = frozenset("drive advance withdrawal retreat entry".split())
#: Nominalisations read as a journey only with a determiner or a possessive before them and
#: "of" and what moved right after them: "the shipment of grain from A to B", "Tuesday's
#: trafficking of women to B", "the rescue of miners from A" (not "shipping lanes", "human
#: trafficking in A", "rescue teams from A").
OF_NOUNS = frozenset("shipment shipments shipping trafficking rescue".split())
#: -ing forms of transport verbs that are more often nouns ("the shipping industry", "drug
#: trafficking"): a verb only after an aspectual or auxiliary verb, or after "spent" and the
#: time spent ("began shipping grain", "were trafficking women", "spent Monday shipping").
ASPECT_ING = frozenset("shipping trafficking".split())
ASPECTUAL_VERBS = frozenset(
    "begin begins began begun beginning start starts started starting continue continues "
    "continued continuing resume resumes resumed resuming keep keeps kept keeping".split()
)

for _form, _motion in MOTION_NOUNS.items():
    MOTION_WORDS.setdefault(_form, _motion)

#: Phrases that report a movement on their own ("en route to X", "on their way to X",
#: "making their way to X", "set off for X", "set sail for X", "pulled back from X",
#: "X-bound", an onward leg: "continued on to X", "pressed on to X", "ran away to X"; a
#: journey's end reached: "made it to X", "made it back to X", "made it out of X"; a ride
#: taken: "on a plane to X", "aboard a ferry to X"); general English.
MOTION_PHRASES = re.compile(
    r"\b(?:en route|on (?:its|his|her|their|our|my|the) way|(?:making|made|make|makes) "
    r"(?:its|his|her|their|our|my) way|(?:making|made|make|makes) it (?:safely )?(?:back )?"
    r"(?:to|into|out of)\b|(?:on|onto|aboard) (?:a|an|the|his|her|their|its|our) (?:[\w-]+ )?"
    r"(?:plane|jet|airliner|helicopter|train|bus|coach|ship|boat|ferry)(?= to )"
    # a ride caught: "caught a bus from A to B", "caught the train back to B" ("boarded" is
    # a motion word of its own)
    r"|(?:caught|catching|catch|catches) (?:a|an|the|his|her|their) (?:[\w-]+ )?"
    r"(?:plane|jet|flight|helicopter|train|bus|coach|ship|boat|ferry|taxi)"
    r"(?= (?:back )?(?:to|from) )"
    # an armed push: "troops pushed into A from B"
    r"|push(?:ed|es|ing)? (?:deeper |further )?into"
    r"|set (?:off|out|sail)|bound for|pull(?:ed|s|ing)? (?:back|out)"
    r"|(?:continu(?:e|es|ed|ing)|press(?:es|ed|ing)?|push(?:es|ed|ing)?) on(?:wards?)? to"
    r"|(?:ran|run|runs|running) away"
    # a journey's end told by where it left the mover: "ended up in X after walking from A"
    r"|(?:end|ends|ended|ending) up (?=in |at )(?=\S+ [A-Z]))\b",
    re.I,
)
#: Words one of which a sentence holds when MOTION_PHRASES can match in it.
MOTION_PHRASE_KEYS = (
    "route",
    "way",
    "made it",
    "make it",
    "makes it",
    "making it",
    *(f"{v} to " for v in "plane jet airliner helicopter train bus coach ship boat ferry".split()),
    "caught",
    "catching",
    "catch ",
    "catches",
    "pushed",
    "pushes",
    "pushing",
    "set off",
    "ended up",
    "end up",
    "ends up",
    "ending up",
    "set out",
    "set sail",
    "bound for",
    "pull",
    " on to",
    "onward",
    "away",
)
#: Words that mark a stop on the way ("a layover in X", "with a stop in X", "through a
#: connecting flight in X"); general English.
VIA_WORDS = frozenset(
    "stop stops stopover stopovers layover layovers transit transited refuelling refueling "
    "connecting".split()
)


@dataclass(frozen=True, slots=True)
class IncidentWord:
    """An incident trigger: its event_type and whether it is a noun ("the blast")."""

    event_type: str
    noun: bool = False


def _words(event_type: str, verbs: str, nouns: str = "") -> dict[str, IncidentWord]:
    verb, noun = IncidentWord(event_type), IncidentWord(event_type, noun=True)
    return {**{form: verb for form in verbs.split()}, **{form: noun for form in nouns.split()}}


#: One-word incident triggers (verbs, then nouns), the common words of news reports of
#: violence, arrests, accidents, disasters, protests, disappearances and meetings (ACLED and
#: UCDP categories).
INCIDENT_WORDS: dict[str, IncidentWord] = {
    **_words(
        "attack",
        "killed kill kills killing murdered shot stabbed attacked ambushed bombed shelled "
        "assassinated massacred assaulted beaten robbed rob robs robbing slain torched "
        "firebombed gunned "
        "vandalized vandalised pistol-whipped injuring wounding stormed "
        # the general words of crime and war reports: how people were killed or hurt, and
        # the robberies of the street
        "beheaded decapitated lynched strafed carjacked mugged bludgeoned strangled",
        "murder murders homicide shooting shootings stabbing stabbings attack attacks ambush "
        "bombing bombings shelling airstrike airstrikes assassination massacre gunfire gunmen "
        "assault robbery arson brawl brawls melee fistfight shootout shootouts shoot-out "
        "gunfight gunfights firefight firefights gunbattle offensive murder-suicide "
        "murder-suicides slaying slayings robberies assaults beheading beheadings "
        "lynching lynchings carjacking carjackings mugging muggings vandalism",
    ),
    **_words(
        "arrest",
        "arrested detained apprehended recaptured rearrested arresting detaining detain detains "
        "handcuffed",
        "arrest arrests",
    ),
    **_words(
        "crash",
        "crashed capsized overturned sank crash-landed",
        "crash crashes wreck accident rollover hit-and-run crash-landing",
    ),
    **_words("collision", "collided", "collision collisions pileup pile-up"),
    **_words("derailment", "derailed", "derailment"),
    **_words(
        "fire",
        "burned burnt",
        "fire fires blaze blazes wildfire wildfires bushfire bushfires inferno infernos",
    ),
    **_words("explosion", "exploded", "explosion explosions blast blasts detonation detonations"),
    **_words("flood", "flooded", "flood floods flooding floodwaters floodwater inundation"),
    **_words(
        "earthquake",
        "",
        "earthquake earthquakes quake quakes tremor tremors temblor temblors aftershock "
        "aftershocks",
    ),
    **_words(
        "landslide",
        "",
        "landslide landslides mudslide mudslides rockslide rockslides mudflow mudflows "
        "landslip landslips",
    ),
    **_words(
        "protest",
        "protested protesting demonstrated marched rallied picketed striking demonstrating "
        "picketing rioted rioting",
        "protest protests protesters demonstration demonstrations demonstrators rally rallies "
        "walkout march marches sit-in picket protestors protestor demonstrator riot riots "
        "sit-ins pickets walkouts counter-protest counter-protests counterprotest "
        "counterprotests counter-protesters counterprotesters "
        # South Asian English: a sit-in protest, encircling an official, a shutdown strike
        "dharna dharnas gherao gheraos hartal hartals bandh",
    ),
    **_words(
        "disappearance",
        "disappeared vanished abducted kidnapped kidnap kidnaps abduct abducts",
        "disappearance abduction kidnapping missing disappearances abductions kidnappings",
    ),
    **_words("meeting/summit", "met meet meets", "summit summits talks conference"),
    **_words("surveillance", "monitored wiretapped", "surveillance wiretapping"),
}

#: The verbs among the one-word incident and motion triggers ("marched", "protested",
#: "fled"): what people did, as against the nouns of the events.
EVENT_VERBS: frozenset[str] = frozenset(
    w for w, i in INCIDENT_WORDS.items() if not i.noun
) | frozenset(w for w, m in MOTION_WORDS.items() if not m.noun)

#: Headlines tell past events in the present ("Gunmen shoot two in X", "Train derails near
#: X", "Rebels advance on X"): the present forms of event verbs whose past form is a trigger
#: above or in :data:`MOTION_WORDS`, read as that past form in a headline only. Forms that are
#: also nouns of another sense ("storms", "sinks", "burns", "lands") are left out.
HEADLINE_PRESENT: dict[str, str] = {
    **dict.fromkeys(("shoot", "shoots"), "shot"),
    **dict.fromkeys(("stab", "stabs"), "stabbed"),
    **dict.fromkeys(("bomb", "bombs"), "bombed"),
    **dict.fromkeys(("shell", "shells"), "shelled"),
    **dict.fromkeys(("torch", "torches"), "torched"),
    **dict.fromkeys(("ambush", "ambushes"), "ambushed"),
    **dict.fromkeys(("assassinate", "assassinates"), "assassinated"),
    **dict.fromkeys(("massacre", "massacres"), "massacred"),
    **dict.fromkeys(("vandalise", "vandalises", "vandalize", "vandalizes"), "vandalized"),
    **dict.fromkeys(("apprehend", "apprehends"), "apprehended"),
    **dict.fromkeys(("derail", "derails"), "derailed"),
    **dict.fromkeys(("collide", "collides"), "collided"),
    **dict.fromkeys(("capsize", "capsizes"), "capsized"),
    **dict.fromkeys(("overturn", "overturns"), "overturned"),
    **dict.fromkeys(("explode", "explodes"), "exploded"),
    **dict.fromkeys(("rally", "rallies"), "rallied"),
    **dict.fromkeys(("picket", "pickets"), "picketed"),
    **dict.fromkeys(("vanish", "vanishes"), "vanished"),
    **dict.fromkeys(("disappear", "disappears"), "disappeared"),
    **dict.fromkeys(("march", "marches"), "marched"),
    **dict.fromkeys(("advance", "advances"), "advanced"),
    **dict.fromkeys(("retreat", "retreats"), "retreated"),
    **dict.fromkeys(("resettle", "resettles"), "resettled"),
    **dict.fromkeys(("rescue", "rescues"), "rescued"),
    **dict.fromkeys(("rush", "rushes"), "rushed"),
    **dict.fromkeys(("carry", "carries"), "carried"),
    **dict.fromkeys(("escort", "escorts"), "escorted"),
    **dict.fromkeys(("trek", "treks"), "trekked"),
}

#: A timeline's or a log's dated entries tell past events in the present ("2 June – Leaves A
#: by bus for B.", "06:45 Convoy reaches B."): the present forms of motion verbs (and of the
#: arrest verbs) read as their past forms in such an entry only, besides
#: :data:`HEADLINE_PRESENT`. Base forms are kept for a plural subject ("they cross into B").
ENTRY_PRESENT: dict[str, str] = {
    **HEADLINE_PRESENT,
    **dict.fromkeys(("leave", "leaves"), "left"),
    **dict.fromkeys(("depart", "departs"), "departed"),
    **dict.fromkeys(("cross", "crosses"), "crossed"),
    **dict.fromkeys(("take", "takes"), "took"),
    **dict.fromkeys(("drive", "drives"), "drove"),
    **dict.fromkeys(("reach", "reaches"), "reached"),
    **dict.fromkeys(("arrive", "arrives"), "arrived"),
    **dict.fromkeys(("travel", "travels"), "travelled"),
    **dict.fromkeys(("fly", "flies"), "flew"),
    **dict.fromkeys(("return", "returns"), "returned"),
    **dict.fromkeys(("move", "moves"), "moved"),
    **dict.fromkeys(("walk", "walks"), "walked"),
    **dict.fromkeys(("head", "heads"), "headed"),
    **dict.fromkeys(("sail", "sails"), "sailed"),
    **dict.fromkeys(("flee", "flees"), "fled"),
    **dict.fromkeys(("enter", "enters"), "entered"),
    **dict.fromkeys(("ride", "rides"), "rode"),
    **dict.fromkeys(("go", "goes"), "went"),
    **dict.fromkeys(("send", "sends"), "sent"),
    **dict.fromkeys(("deport", "deports"), "deported"),
    **dict.fromkeys(("evacuate", "evacuates"), "evacuated"),
    **dict.fromkeys(("relocate", "relocates"), "relocated"),
    **dict.fromkeys(("arrest", "arrests"), "arrested"),
    **dict.fromkeys(("detain", "detains"), "detained"),
}

#: A weapon striking: "a missile struck", "an airstrike hit", "shells landed on", "a drone
#: dropped explosives on".
WEAPON_STRUCK = re.compile(
    r"\b(?:missiles?|rockets?|drones?|(?:air ?)?strikes?|shells?|mortars?|grenades?|bombs?|"
    r"explosive devices?|ieds?|landmines?) "
    r"(?:struck|hit|hits|slammed into|landed (?:on|in|near|inside|outside|close to|next to)"
    r"|destroyed|dropped (?:an? )?(?:explosives?|bombs?|grenades?|munitions))\b",
    re.I,
)

#: Weapons and blasts: a noun phrase with one of these at its head names no actor ("a roadside
#: bomb killed two": who planted it is not told).
WEAPONS = frozenset(
    "bomb bombs missile missiles rocket rockets shell shells mortar mortars grenade grenades "
    "mine mines landmine landmines ied ieds explosive explosives device devices airstrike "
    "airstrikes drone drones blast blasts explosion explosions gunfire shelling".split()
)

#: Something or someone running into a hidden weapon: "their patrol hit a roadside bomb", "a
#: boy stepped on a landmine", "the truck ran over an explosive device" (a bombing, whoever
#: laid it; who ran into it is the victim, not the actor).
STRUCK_WEAPON = re.compile(
    r"\b(?P<trigger>hit|hits|struck|strikes|stepped on|steps on|drove over|drove onto|ran over|"
    r"runs over|triggered|triggers|set off|sets off) (?:an?|the) (?:[a-z-]+ ){0,2}?"
    r"(?:bomb|landmine|land mine|mine|ied|explosive device|booby trap)s?\b(?! of\b)",
    re.I,
)

#: Weapons fired at a place: "fired a barrage of missiles at A", "launched drones at A",
#: "lobbed mortar rounds into A" (not "fired a missile into the sea" off a place, and not
#: "toward A": a test launch's direction).
WEAPONS_FIRED = re.compile(
    r"\b(?P<trigger>fired|fires|launched|launches|lobbed|lobs) (?:[\w'’-]+ ){0,4}?"
    r"(?:missiles?|rockets?|drones?|shells?|mortars?|mortar rounds|artillery|projectiles?|"
    r"grenades?|bombs?|munitions) (?:at|on|into|against)\b"
    r"(?! (?:the |open )?(?:sea|ocean|waters?|air|sky|skies)\b)",
    re.I,
)

#: Roads blocked in protest: "blocked highways around A", "barricaded the main road into A".
ROAD_BLOCKADE = re.compile(
    r"\b(?P<trigger>blocked|blocking|blockaded|blockading|barricaded|barricading) "
    r"(?:(?:the|a|major|main|several|key|all|dozens of|two|three|four|busy|national|roads? "
    r"and|[\w-]+ing) )*(?:roads?|highways?|motorways?|streets?|intersections?|bridges?|"
    r"railways?|rail lines?|junctions?|border crossings?|ports?|roundabouts?)\b",
    re.I,
)

#: An armed raid on a place: "gunmen raided the village of A", "bandits raided A" (an attack
#: when the clause names an armed side or attackers; a police raid is told by its arrests).
ARMED_RAID = re.compile(r"\b(?P<trigger>raided|raiding|overran|overrunning)\b", re.I)

#: A vehicle striking someone: "a pickup that struck a cyclist", "a car hit a boy".
_VEHICLE_STRUCK = re.compile(
    r"\b(?:car|vehicle|truck|pickup|suv|van|bus|train|motorcycle|lorry)s? (?:that |which )?"
    r"(?:struck|hit|ran over|ploughed into|plowed into|smashed into|careered into)\b",
    re.I,
)

#: A vehicle striking another: "her car crossed the center line and struck a truck", "the
#: driver hit an oncoming van" (a collision, when a vehicle or its driver is told before;
#: :func:`geomap.events.extract._triggers` checks).
VEHICLE_HIT_VEHICLE = re.compile(
    r"\b(?P<trigger>struck|hit|slammed into|crashed into|smashed into|ran into|rear-ended|"
    r"sideswiped|broadsided) (?:an? |the |another |his |her |their )?(?:[a-z-]+ ){0,2}?"
    r"(?:car|truck|van|vehicle|pickup|suv|bus|tractor-trailer|semi-trailer|semi-truck|semi|"
    r"semitrailer|motorcycle|lorry|minivan|sedan|jeep|taxi|train)\b(?![-'’])",
    re.I,
)
#: Who or what drives a vehicle into another.
DRIVING_SUBJECTS = frozenset(
    "car vehicle truck pickup suv van bus minibus lorry motorcycle tractor-trailer semi taxi "
    "jeep sedan minivan driver drivers motorist motorists".split()
)

#: A vessel sinking: "a ferry sank off X", "the trawler went down near X" (a vessel must be
#: named: not "shares sank").
_VESSEL_SANK = re.compile(
    r"\b(?:boat|ship|ferry|vessel|canoe|dinghy|barge|trawler|yacht|tanker|freighter|steamer|"
    r"raft)s? (?:[\w-]+ ){0,2}?(?P<trigger>sank|sunk|went down)\b",
    re.I,
)

#: A vehicle falling off the road: "the bus plunged into a ravine" (a vehicle must be named).
VEHICLE_PLUNGED = re.compile(
    r"\b(?:plunged|plummeted|tumbled|careened) "
    # the road it left first: "plunged off the Siddhartha Highway into a gorge"
    r"(?:off (?:a|the) (?:[\w-]+ ){0,2}(?:road|highway|bridge|track) )?"
    r"(?:off|into|down|over) (?:a|an|the) "
    r"(?:[\w-]+ )?(?:ravine|gorge|river|canal|ditch|valley|cliff|lake|embankment|creek|pond|"
    r"bay|sea|hillside|mountainside|slope|gully)\b",
    re.I,
)
#: A vehicle leaving the road: "the pickup left the road and overturned", "the car left the
#: roadway", "his truck left U.S. Highway 281" (the caller wants a vehicle or its driver
#: before it).
VEHICLE_LEFT_ROAD = re.compile(
    r"\b(?P<trigger>left) (?:the |U\.S\. |US |state |county )?"
    r"(?:road|roadway|highway|pavement|interstate|freeway|route)\b(?: \d+)?"
    r"(?! (?:to|for|on foot)\b)",
    re.I,
)
#: Vehicles striking each other: "a pickup rear-ended a van", "was T-boned".
_VEHICLES_STRUCK_EACH_OTHER = re.compile(
    r"\b(?:rear-ended|rear-ending|t-boned|sideswiped|sideswiping)\b", re.I
)
#: A vehicle rolling over: "the SUV rolled over", "a truck flipped".
_ROLLED_OVER = re.compile(
    r"\b(?:car|vehicle|truck|pickup|suv|van|bus|tractor-trailer|jeep|tractor|rig)s? "
    r"(?:rolled over|flipped)\b",
    re.I,
)

#: Vandalism, damage done on purpose to what people own: "vandals smashed the windows",
#: "its tyres were slashed", "headstones were defaced".
_DAMAGED = (
    r"(?:windows?|windscreens?|windshields?|tyres?|tires?|headstones?|gravestones?|"
    r"storefronts?|shopfronts?)"
)
VANDALISM = re.compile(
    rf"\b(?:smashed|slashed|defaced|spray-painted) (?:(?:the|a|an|its|their|his|her|several|"
    rf"two|three|four) )?(?:[a-z]+ )?{_DAMAGED}\b"
    rf"|\b{_DAMAGED}(?: of [^.,;]{{1,40}}?)? (?:was|were|had been|have been|has been|being|got) "
    r"(?:again |also )?"
    r"(?:smashed|slashed|defaced|spray-painted)\b",
    re.I,
)

#: Who strikes: "a strike by bus drivers", "the nurses' strike".
_STRIKING = (
    r"(?:teachers|workers|nurses|doctors|employees|miners|drivers|staff|dockworkers|dockers|"
    r"pilots|crews?|porters|cleaners|guards|unions?)"
)

#: A strike of workers, told by its length, its reach or who strikes ("a 48-hour strike",
#: "a general strike", "the nurses' strike"), not an air strike or a lightning strike: a
#: noun phrase (the caller reads it as an event noun: "a planned 48-hour strike").
LABOUR_STRIKE = re.compile(
    r"\b(?:\d+-(?:hour|day|week)|one-day|two-day|three-day|general|nationwide|"
    r"national|indefinite|wildcat|rolling|labou?r) strikes?\b"
    rf"|\b{_STRIKING}['’]? strikes?\b|\bstrikes? by (?:[\w-]+ ){{0,2}}?{_STRIKING}\b",
    re.I,
)

#: Who captures people for the law, and whom the law captures.
_LAW = (
    r"(?:police|policemen|officers?|deputies|deputy|troopers?|agents?|marshals?|"
    r"authorities|detectives?|sheriff's|sheriff’s)"
)
_WANTED = r"(?:suspects?|fugitives?|escapees?|escaped|gunman|gunmen|inmates?|killer|robber)"
#: A capture by the law, general English: "was captured by U.S. marshals", "captured the
#: suspect", "captured an escaped inmate".
CAPTURED_BY_THE_LAW = re.compile(
    rf"\bcaptured by (?:[\w.'’-]+ ){{0,3}}{_LAW}\b"
    rf"|\bcaptured (?:the |a |an |two |three |four )?(?:[\w'’-]+ )?{_WANTED}\b",
    re.I,
)

#: What is held and taken by force: a town, a base, a border post.
_HELD_PLACES = (
    r"(?:towns?|city|cities|villages?|district|districts|base|bases|airbase|airport|"
    r"garrison|outposts?|port|province|region|capital|stronghold|strongholds|crossing|"
    r"barracks|checkpoints?|hilltop|positions?)"
)
#: Nouns after a held place's noun that make it a body or a thing, not ground taken ("took
#: control of the city council").
_NOT_HELD = (
    r"council|councils|hall|government|assembly|legislature|budget|board|commission|police|"
    r"schools?|administration|authority|museum|club|team|economy|market"
)
#: A place taken by force, general English of war reports: "rebels seized the town of X",
#: "troops recaptured X", "militants overran an army base near X", "took control of the
#: district" (a battle: an ``attack``). What is taken is a held place named by its noun, or a
#: capitalised name (``name``) that must be a place mention ("captured Smith" is no battle;
#: :func:`geomap.events.extract._triggers` checks). Up to three words, none a preposition,
#: stand between the verb and the noun ("the strategic northern town").
TAKEN_BY_FORCE = re.compile(
    r"\b(?P<trigger>(?:re)?captur(?:ed|es|ing)|seiz(?:ed|es|ing)|overr(?:an|un|uns|unning)|"
    r"ret(?:ook|aken|akes|aking)|"
    r"(?:took|taken|takes|taking|seized|seizing|gained|gaining|wrested|wresting|assumed) "
    r"(?:full |partial |effective )?control (?:of|over))"
    r"(?: (?:the |a |an )?(?:(?!(?:in|at|of|from|near|on|to|by|for|with)\b)[\w'’-]+ ){0,3}?"
    rf"{_HELD_PLACES}\b(?![-'’])(?! (?:{_NOT_HELD})\b)| (?:the )?(?P<name>[A-Z]))"
)
#: Who takes a place by force; one of them must be in the sentence ("the photograph
#: captured the city at dusk" is no battle).
ARMED_SIDES = frozenset(
    "troops soldiers forces army armies militants militia militias militiamen rebels "
    "insurgents fighters gunmen guerrillas jihadists separatists taliban marines commandos "
    "paratroopers battalion battalions brigade brigades armed offensive".split()
)
#: Who raids a place to attack it, besides ARMED_SIDES ("bandits raided the village").
RAIDERS = ARMED_SIDES | frozenset(
    "bandits attackers assailants raiders gunman herdsmen jihadist extremists gang gangs "
    "mob".split()
)
#: A place that fell to an armed side: "the town fell to the rebels" (a battle at the town
#: the clause is about).
FELL_TO_FIGHTERS = re.compile(
    r"\b(?P<trigger>fell) (?:to|into the hands of) (?:the )?(?:[A-Za-z'’-]+ ){0,2}?"
    r"(?:rebels|militants|insurgents|jihadists|fighters|militias?|troops|forces|army|"
    r"soldiers|gunmen|separatists|guerrillas|taliban)\b",
    re.I,
)

#: Held in a county's jail: "is being held in the Ardo County Jail", "remained jailed at the
#: Ardo County Detention Center": an arrest, whose place is the jail's county (a town's jail,
#: "held in the Leeds jail", is only where the arrested are kept).
JAIL_HOLD = re.compile(
    r"\b(?:was|were|is|are|being|remains|remained) (?:being )?(?:held|jailed|lodged) "
    r"(?:at|in) the (?:[A-Z][\w.'’-]* ){1,3}County (?:[Jj]ail|[Dd]etention [Cc]ent(?:er|re))\b"
)

#: Who catches people to arrest them.
_CATCHERS = (
    "police policemen officers agents guards soldiers troops patrol patrols gendarmes authorities"
).split()

#: A vehicle striking something fixed by the road: "the car struck a tree", "a van slammed
#: into a utility pole", "the truck ploughed into a storefront" (a crash, when a vehicle or its
#: driver is told before; :func:`geomap.events.extract._triggers` checks, as for
#: :data:`VEHICLE_HIT_VEHICLE`).
VEHICLE_HIT_OBJECT = re.compile(
    r"\b(?P<trigger>struck|hit|slammed into|smashed into|ran into|careened into|careered into|"
    r"veered into|plowed into|ploughed into|crashed through|smashed through|plowed through|"
    r"ploughed through) (?:an? |the |another )?(?:[a-z-]+ ){0,2}?"
    r"(?:trees?|poles?|lamppost|lamp post|wall|guardrail|guard rail|barrier|bridge|"
    r"building|house|home|store|storefront|shop|fence|embankment|ditch|culvert|abutment|"
    r"median|pillar|railing|signpost|hydrant)\b(?![-'’])",
    re.I,
)
#: An aircraft falling or put down on water: "the plane nose-dived into a field", "the
#: helicopter ditched in the sea", "Flight 302 from A to B went down near C" (an aircraft
#: must be named: not "shares nose-dived").
_AIRCRAFT_DOWN = re.compile(
    r"\b(?:plane|aircraft|jet|helicopter|chopper|airliner|glider|seaplane|aeroplane|airplane|"
    r"cessna|drone|flight)s? (?:[\w-]+ ){0,6}?(?P<trigger>nose-?dived|nosedived|ditched|"
    r"went down|came down|plunged|plummeted)\b",
    re.I,
)
#: A river or a dam giving way to flooding: "the river burst its banks", "the creek
#: overflowed", "a levee was breached", "the dam gave way", "the river breached an
#: embankment" (the sentence must hold the verb:
#: a creek in a street's name, "Mill Creek Road", is no flood).
WATER_OVERFLOWED = re.compile(
    r"\b(?:burst|broke|bursting|breaking|overtopped|overflowed|topped) (?:its|their) banks\b"
    r"|\b(?:rivers?|creeks?|dams?|levees?|dykes?|dikes?)"
    r"(?: [\w-]+){0,2}? (?P<trigger>overflowed|overtopped|burst|gave way|was breached|"
    r"were breached)\b"
    # the water breaking through what holds it: "the river breached an embankment"
    r"|\b(?P<through>breached|burst through|broke through|overtopped) (?:an?|the|its|their|"
    r"several|two|three|four|many) (?:[\w-]+ )?(?:embankments?|levees?|dykes?|dikes?|dams?|"
    r"flood ?walls?|flood defences|flood defenses)\b(?!['’])",
    re.I,
)
#: Flood words of one sentence: when the sentence tells its flood by one of them, the
#: phrases below add no second flood ("rains inundated the region, flooding three towns").
FLOOD_WORDS = frozenset("flood floods flooding flooded floodwaters floodwater".split())
#: Crash and blast words: a fire told beside one is its aftermath ("the truck struck a tree
#: and burst into flames"), no fire of its own.
FIRE_AFTER = frozenset(
    "crash crashed crashes collision collided struck explosion exploded blast collapsed".split()
)
#: Land under water: "the village was inundated", "streets were submerged by floodwater",
#: "farms swamped by the river" (not "inundated with calls", "swamped by requests", nor a
#: submarine that submerged: the land is said to be under water).
UNDER_WATER = re.compile(
    r"\b(?:inundated|swamped|(?:was|were|been|being|are|is|lay|remained|left) (?:partly |"
    r"partially |completely |fully |still )?submerged)\b(?! with\b)"
    r"(?! by (?!(?:the |rising |heavy )?(?:flood|water|rain|river|sea|tide|mud|storm|swollen)))",
    re.I,
)
#: Things burnt down: "the house went up in flames", "a barn burst into flames", "the shop
#: was gutted by fire", "the church burned to the ground".
WENT_UP_IN_FLAMES = re.compile(
    r"\b(?:went|go|goes|going|gone) up in flames\b|\b(?:burst|bursting|bursts) into flames\b"
    r"|\b(?:engulfed|gutted|razed|consumed) (?:in|by) (?:a |the )?(?:[\w-]+ )?"
    r"(?:flames?|fire|blaze|inferno)\b|\b(?:burned|burnt) (?:down|to the ground)\b"
    # a building or vehicle told as burning: "the house next door was on fire" (not "the
    # striker was on fire": a person's streak)
    r"|\b(?:building|buildings|house|houses|home|homes|apartment|apartments|barn|shed|garage|"
    r"store|shop|warehouse|factory|church|school|hotel|restaurant|roof|car|cars|vehicle|truck|"
    r"bus|boat|ship|trailer|complex) (?:was|were|is|are) (?:already |still |fully |completely )?"
    r"on fire\b",
    re.I,
)
#: A sentence, not an arrest: "was jailed for six years", "jailed after being convicted".
_JAILED = re.compile(
    r"\b(?:was|were|been|being|got|is|are) (?:briefly |later |then |also )?jailed\b"
    r"(?! (?:for|until|after|over)\b)(?![^.;]*\b(?:sentenc|convict|guilty|years?|months?|"
    r"weeks?|life)\b)",
    re.I,
)
#: Caught by the law in the words of news headlines: "police nabbed two suspects", "a man
#: was nabbed by deputies" (not "nabbed the title").
_NABBED = re.compile(
    rf"\b{_LAW}\b[^.;]{{0,60}}?\b(?P<trigger>nabbed)\b|\bnabbed\b(?= by (?:[\w.'’-]+ ){{0,3}}"
    rf"{_LAW}\b)",
    re.I,
)

#: A meeting told with the town it is held in and its business ("began meetings in A on
#: Monday to review aid", "a two-day meeting in A to review the outbreak").
MEETING_TO_DISCUSS = re.compile(
    r"\b(?P<trigger>meetings?) in (?:the )?[A-Z][^.;:]{0,60}?"
    r"\bto (?:discuss|review|address|negotiate|consider)\b"
)


#: Several-word incident triggers (general English news phrases), each with a word the
#: sentence must hold before the phrase is looked for; a group named ``trigger`` marks the
#: trigger words when the phrase holds more (its subject: "a boiler ... blew up").
INCIDENT_PHRASES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # (a word the sentence must hold, the phrase, its event_type)
    # a capture by the law is an arrest ("captured by Dayton police", "captured the
    # fugitive"); "rebels captured the town" is not one
    ("captur", CAPTURED_BY_THE_LAW, "arrest"),
    # a place taken by force is a battle ("rebels captured the town"); see TAKEN_BY_FORCE
    ("captur", TAKEN_BY_FORCE, "attack"),
    ("seiz", TAKEN_BY_FORCE, "attack"),
    ("overr", TAKEN_BY_FORCE, "attack"),
    ("retook", TAKEN_BY_FORCE, "attack"),
    ("retak", TAKEN_BY_FORCE, "attack"),
    ("control", TAKEN_BY_FORCE, "attack"),
    ("fell ", FELL_TO_FIGHTERS, "attack"),
    ("fire", re.compile(r"\bopened fire\b", re.I), "attack"),
    # "set the house ablaze", "set a car ablaze": arson; "the barn was ablaze": a fire
    ("ablaze", re.compile(r"\bset(?: [\w'’-]+){1,4} ablaze\b", re.I), "attack"),
    ("ablaze", re.compile(r"\b(?:was|were|is|are|went) ablaze\b", re.I), "fire"),
    ("fire", re.compile(r"\bfired (?:on|at|upon|into)\b", re.I), "attack"),
    # what was fired names the shooting: "police fired rubber bullets at the crowd"
    (
        "fire",
        re.compile(
            r"\bfired (?:rubber |plastic |live |real )?(?:bullets|rounds|ammunition|pellets|"
            r"buckshot) (?:on|at|upon|into)\b",
            re.I,
        ),
        "attack",
    ),
    (
        "fire",
        re.compile(
            r"\b(?:artillery|mortar|rocket|sniper|tank|machine-gun|small-arms|heavy|automatic) "
            r"fire\b(?! damage)|\bcame under (?:heavy )?fire\b",
            re.I,
        ),
        "attack",
    ),
    *(
        (key, WEAPON_STRUCK, "attack")
        for key in ("struck", " hit", "slammed into", "landed ", "destroyed", "dropped ")
    ),
    *((key, STRUCK_WEAPON, "attack") for key in ("bomb", "mine", "ied", "explosive", "booby")),
    *((key, WEAPONS_FIRED, "attack") for key in ("fire", "launch", "lob")),
    *((key, ROAD_BLOCKADE, "protest") for key in ("block", "barricad")),
    *((key, ARMED_RAID, "attack") for key in ("raid", "overr")),
    # a deliberate poisoning, told by a poison no one takes by accident ("a cake poisoned
    # with thallium", "was poisoned with a nerve agent"; not "food poisoning")
    (
        "poison",
        re.compile(
            r"\bpoison(?:ed|ing)\b(?: [\w'’-]+){0,3}? with (?:thallium|cyanide|polonium|ricin|"
            r"strychnine|novichok|sarin|(?:a )?nerve agent|rat poison)\b",
            re.I,
        ),
        "attack",
    ),
    ("clash", re.compile(r"\bclash(?:es|ed)? (?:between|with)\b", re.I), "attack"),
    # clashes told by their outbreak: "clashes broke out in X between rival militias"
    (
        "clash",
        re.compile(r"\bclashes (?:broke out|erupted|flared(?: up)?|raged)\b", re.I),
        "attack",
    ),
    # armed fighting, told by what it was like or what it did ("heavy fighting killed",
    # "fighting broke out in X", "fighting between A and B"), not "fighting the charges"
    (
        "fighting",
        re.compile(
            r"\b(?:heavy|fierce|intense|renewed|sporadic|deadly|bloody|street|factional|armed|"
            r"house-to-house|ferocious|bitter) fighting\b"
            r"|\bfighting (?:broke out|erupted|raged|flared|intensified|killed|between)\b",
            re.I,
        ),
        "attack",
    ),
    ("fire", re.compile(r"\b(?:set|sets|setting) (?:fire to|on fire)\b", re.I), "attack"),
    # two armed sides shooting at each other: "gunmen exchanged fire with soldiers", "an
    # exchange of fire", "the two groups traded gunfire" (the fire is shots, not flames)
    (
        "fire",
        re.compile(
            r"\b(?:exchanged|exchanging|exchange|traded|trading) (?:heavy |sporadic )?"
            r"(?:gun)?fire\b|\bexchanges? of (?:heavy )?(?:gun)?fire\b",
            re.I,
        ),
        "attack",
    ),
    # a crowd throwing things at people: "threw stones at police", "pelted the convoy with
    # rocks", "hurled petrol bombs at a police station"
    *(
        (
            key,
            re.compile(
                r"\b(?:threw|throwing|hurled|hurling|pelted|pelting)(?: [\w'’-]+){0,4}? "
                r"(?:with )?(?:stones|rocks|bricks|petrol bombs|molotov cocktails|firebombs)\b",
                re.I,
            ),
            "attack",
        )
        for key in ("stones", "rocks", "bricks", "petrol bombs", "molotov", "firebombs")
    ),
    # people taken by an armed band: "teachers who were seized by gunmen", "snatched by
    # kidnappers" (a town "seized by rebels" is taken, not abducted: no such agent here)
    (
        " by ",
        re.compile(
            r"\b(?:seized|snatched|grabbed|taken|carried off|led away) by (?:a group of |a band "
            r"of )?(?:armed men|gunmen|kidnappers|abductors|bandits|pirates|masked men|"
            r"unknown men|unidentified men|unidentified gunmen|armed assailants)\b",
            re.I,
        ),
        "disappearance",
    ),
    (
        "shot",
        re.compile(
            r"\bshots? (?:(?:was|were|had been|have been|has been|being) )?(?:fired|rang out)\b"
            r"|\bfired (?:several |two |three |multiple |a |the )?(?:gun)?shots?\b",
            re.I,
        ),
        "attack",
    ),
    ("strike", re.compile(r"\bair strikes?\b", re.I), "attack"),
    # police shooting at a crowd, told by what they shot ("rubber bullets were used to
    # disperse the crowd", "police fired plastic bullets and tear gas")
    (
        "bullets",
        re.compile(
            r"\b(?:fired|firing|fires|used|using|shot|shooting)(?: \w+)? (?:rubber|plastic) "
            r"bullets\b|\b(?:rubber|plastic) bullets (?:were|was|had been|have been) "
            r"(?:used|fired)\b",
            re.I,
        ),
        "attack",
    ),
    # a bomb going off: "a car bomb ripped through a market", "a roadside bomb went off"
    (
        "bomb",
        re.compile(
            r"\bbombs? (?P<trigger>went off|ripped through|tore through|blew up|exploded|hit|"
            r"struck)\b",
            re.I,
        ),
        "attack",
    ),
    # something blowing up: a thing that can explode, with no object ("a boiler blew up at a
    # mill"; an attack when the report tells a perpetrator, checked by the caller; not "the
    # row blew up"), or anything with an object: someone destroyed it ("blew up a bridge")
    (
        "blew",
        re.compile(
            r"\b(?:boiler|tanker|cylinder|tank|pipeline|pipe|transformer|reactor|furnace|"
            r"generator|plant|factory|depot|warehouse|truck|lorry|car|bus|vehicle|van|ship|"
            r"vessel|mine|device|shell|ammunition|fireworks|stove|heater|battery|engine)s? "
            r"(?:[\w-]+ ){0,2}?(?P<trigger>blew up)(?= (?:at|in|on|near|inside|outside|aboard|"
            r"during|shortly|early|late|overnight|while|after|when|and)\b|\s*[,.;]|\s*$)",
            re.I,
        ),
        "explosion",
    ),
    (
        "blew",
        re.compile(r"\bblew up (?:a|an|the|two|three|several|their|his|its|part of)\b", re.I),
        "attack",
    ),
    ("suicide", re.compile(r"\bsuicide bomb(?:er|ing)s?\b", re.I), "attack"),
    (
        "custody",
        re.compile(r"\b(?:taken|took|take|takes|taking)(?: [\w-]+){0,4}? into custody\b", re.I),
        "arrest",
    ),
    ("turned", re.compile(r"\bturned (?:himself|herself|themselves) in\b", re.I), "arrest"),
    (
        "custody",
        re.compile(
            r"\b(?:is|was|were|are|remains?|remained|being held|held) in (?:police )?custody\b",
            re.I,
        ),
        "arrest",
    ),
    (
        "caught",
        re.compile(
            r"\b(?:was|were|been|being|got) (?:allegedly |reportedly |later |eventually |finally )?"
            # (not "caught on camera", but "caught on Sunday in A")
            r"caught\b(?! on\b(?! (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)))"
            r"(?! (?:early|late|off|up|out|"
            r"unawares|napping|between|short|in time|by surprise)\b)"
            r"(?! in (?:traffic|the (?:crossfire|rain|storm|act of)))",
            re.I,
        ),
        "arrest",
    ),
    ("booked", re.compile(r"\bbooked into\b", re.I), "arrest"),
    # "six men were placed under arrest": told as a deed, like "were arrested"
    ("under arrest", re.compile(r"\b(?:placed|put|taken) under arrest\b", re.I), "arrest"),
    # a court holding someone before trial: "was held without bond", "is being held on $5,000
    # bail" (a bail hearing, "posted bail", "released on bail" tell no arrest)
    (
        "held ",
        re.compile(
            r"\b(?:was|were|is|are|being|remains|remained) (?:being )?held "
            r"(?:without (?:bond|bail)|on (?:a )?\$[\d,.]+(?: million)? (?:bond|bail))\b",
            re.I,
        ),
        "arrest",
    ),
    # held in a named jail: "is being held in the Ardo County Jail", "remained jailed at the
    # Ardo County Detention Center" (the arrest's place is the jail's county or town)
    ("jail", JAIL_HOLD, "arrest"),
    (
        "missing",
        re.compile(
            r"\b(?:went|gone|been reported|was reported|were reported) missing\b"
            # "has been missing since Friday", "had been missing for two days"
            r"|\b(?:has|have|had) been missing (?:since|for)\b",
            re.I,
        ),
        "disappearance",
    ),
    ("hostage", re.compile(r"\btaken hostage\b", re.I), "disappearance"),
    # people taken away into the wild by their captors: "took them into the bush", "led the
    # students away into the forest"
    *(
        (
            key,
            re.compile(
                r"\b(?:took|taken|led|dragged|marched|frogmarched|forced)\s+(?:them|him|her|"
                r"(?:[\w-]+\s+){0,2}?(?:people|villagers|passengers|staff|workers|students|"
                r"pupils|girls|boys|women|men|children|hostages|captives|teachers|nurses|farmers|"
                r"travell?ers|fishermen|traders|residents|worshippers))\s+"
                r"(?:away\s+)?(?:in)?to\s+the\s+(?:bush|forest|jungle|hills|mountains|woods)\b",
                re.I,
            ),
            "disappearance",
        )
        for key in ("bush", "forest", "jungle", "hills", "mountains", "woods")
    ),
    ("caught", re.compile(r"\bcaught fire\b", re.I), "fire"),
    ("fire", re.compile(r"\b(?:forest|brush|grass|house|apartment) fires?\b", re.I), "fire"),
    (
        " by ",
        # a headline drops the article ("Cyclist struck by car"); a word may describe it
        re.compile(
            r"\b(?:struck|hit|run over|mown down|mowed down|knocked down) by (?:an? |the )?"
            r"(?:(?:passing|speeding|moving|oncoming|fleeing|stolen|police|delivery|pickup|"
            r"school|city|tour|freight|commuter|passenger|"
            r"(?:north|south|east|west)bound) )?"
            r"(?:car|vehicle|truck|train|bus|van|suv|pickup|lorry|taxi|cab|motorcycle|"
            r"tractor-trailer)\b",
            re.I,
        ),
        "crash",
    ),
    (
        " off ",
        re.compile(
            r"\b(?:went|ran|veered|drove|skidded|slid|careened|plunged) off (?:(?:the|a) "
            r"(?:road|roadway|highway|interstate|freeway|bridge|embankment|cliff|runway)\b"
            # a road by its number: "slid off Highway 14", "ran off Route 9", "off I-80"
            r"|(?:(?:State |County |U\.S\. )?(?:Highway|Route|Road|Interstate|Hwy\.?)[ -]?"
            r"\d+|I-\d+)\b)"
            # past a describing word or two, for verbs of losing the road only: "veered off
            # a mountain road" (not "drove off the main road": a turning)
            r"|\b(?:veered|skidded|careened|plunged) off (?:the|a) (?:[a-z-]+ ){1,2}"
            r"(?:road|highway|bridge)\b",
            re.I,
        ),
        "crash",
    ),
    (
        "lost control",
        re.compile(
            r"\blost control of (?:his|her|their|its|the|a) (?:[\w-]+ )?(?:car|vehicle|truck|"
            r"pickup|motorcycle|suv|van|bus|plane|aircraft|boat|tractor-trailer)\b",
            re.I,
        ),
        "crash",
    ),
    ("aground", re.compile(r"\bran aground\b", re.I), "crash"),
    ("left the", VEHICLE_LEFT_ROAD, "crash"),
    *((key, _VEHICLES_STRUCK_EACH_OTHER, "collision") for key in ("rear-end", "t-bon", "sideswip")),
    ("jackknif", re.compile(r"\bjackknifed\b", re.I), "crash"),
    # a vehicle off the road into a ravine, a river, a ditch (the caller wants a vehicle)
    *((key, VEHICLE_PLUNGED, "crash") for key in ("plunged", "plummeted", "tumbled", "careened")),
    *((key, _ROLLED_OVER, "crash") for key in ("rolled over", "flipped")),
    (
        "went down",
        re.compile(
            r"\b(?:plane|aircraft|jet|helicopter|chopper|airliner) went "
            r"down\b",
            re.I,
        ),
        "crash",
    ),
    (
        "flames",
        re.compile(
            r"\bflames (?:engulfed|gutted|destroyed|swept through|tore through|"
            r"ripped through|consumed)\b",
            re.I,
        ),
        "fire",
    ),
    # one vehicle into another: a collision ("her car ... struck a truck")
    *(
        (key, VEHICLE_HIT_VEHICLE, "collision")
        for key in (
            "struck",
            " hit",
            "slammed",
            "crashed into",
            "smashed",
            "ran into",
            "-ended",
            "swiped",
            "broadsided",
        )
    ),
    *(
        (key, _VEHICLE_STRUCK, "crash")
        for key in ("struck", " hit", "ran over", "ploughed", "plowed", "smashed", "careered")
    ),
    # a train off its rails: "the train jumped the tracks", "came off the rails"
    (
        "track",
        re.compile(r"\b(?:jumped|left|jumping|leaving) the tracks?\b", re.I),
        "derailment",
    ),
    (
        "rails",
        re.compile(r"\b(?:came|coming|went|going) off the rails\b", re.I),
        "derailment",
    ),
    (
        "track",
        re.compile(r"\b(?:came|coming|come|went|going|gone) off the tracks?\b", re.I),
        "derailment",
    ),
    # a vessel sinking
    *((key, _VESSEL_SANK, "crash") for key in ("sank", "sunk", "went down")),
    # a killing told by how: "hacked a farmer to death", "was beaten to death" (not
    # "burned to death", "crushed to death": accidents too)
    (
        "death",
        re.compile(
            r"\b(?:hacked|bludgeoned|clubbed|stoned|beat|beaten|kicked|lynched|strangled|"
            r"stabbed|shot|tortured)(?: [\w'’-]+){0,3}? to death\b",
            re.I,
        ),
        "attack",
    ),
    # people rounded up by the police or the army: an arrest
    ("rounded", re.compile(r"\b(?:rounded|rounding) up\b", re.I), "arrest"),
    *((key, VANDALISM, "attack") for key in ("smashed", "slashed", "defaced", "spray-painted")),
    ("spied", re.compile(r"\bspied on\b", re.I), "surveillance"),
    # a charge that went off: "a roadside bomb went off under a bus", "an improvised
    # explosive device went off near X" (an attack when the report names a bomb, as here)
    (
        "went off",
        re.compile(
            r"\b(?:bombs?|devices?|ieds?|mines?|landmines?|explosives?|grenades?|charges?)"
            r" (?P<trigger>went off)\b",
            re.I,
        ),
        "explosion",
    ),
    ("met ", re.compile(r"\bmet with\b", re.I), "meeting/summit"),
    ("meeting", re.compile(r"\bmeetings? (?:with|between)\b", re.I), "meeting/summit"),
    # a meeting held somewhere with another party: "officials held a meeting in A with
    # community leaders" (one body's own session is left out by the caller)
    (
        "meeting",
        re.compile(
            r"\b(?:held|holds|hold|holding|convened) (?:a|an|two|three|several) "
            r"(?:[\w-]+ ){0,2}?(?P<trigger>meetings?)\b(?=[^.;:]{0,60}?\b(?:with|between)\b)",
            re.I,
        ),
        "meeting/summit",
    ),
    # a meeting told with the town it is held in and its business (one body's session is
    # left out by the caller)
    ("meeting", MEETING_TO_DISCUSS, "meeting/summit"),
    # parties told meeting in a participle clause: "the two governments, meeting in X in
    # January, agreed to ..." (one body's session is left out by the caller)
    ("meeting", re.compile(r"(?<=, )meeting (?:in|at) (?:the )?[A-Z]"), "meeting/summit"),
    # negotiations told with the named place they were held in ("took part in the
    # negotiations in X"); not "negotiations with the tax office", an ongoing process, nor
    # "vowed not to resume negotiations with X"
    (
        "negotiations",
        re.compile(r"\b[Nn]egotiations (?:in|at) (?:the )?[A-Z]"),
        "meeting/summit",
    ),
    ("strike", re.compile(r"\b(?:went|go|goes|are|were) on strike\b", re.I), "protest"),
    # a road or rail blockade as South Asian papers name it: "staged a rasta roko", "a rail
    # roko at the station", "a chakka jam on the highway"
    ("roko", re.compile(r"\b(?:rasta|road|rail|railway)[ -]roko\b", re.I), "protest"),
    ("chakka", re.compile(r"\bchakka[ -]jam\b", re.I), "protest"),
    # people taken away by armed men: "gunmen stopped the bus and took away two passengers"
    (
        "away",
        re.compile(
            r"\b(?:armed|gunmen|militiamen|militia|insurgents|rebels|kidnappers|unidentified|"
            r"masked)\b[^.;:]{0,160}?\b(?P<trigger>took|led|dragged|carried) away\b",
            re.I,
        ),
        "disappearance",
    ),
    # a crowd that gathered to protest: "about 200 people gathered outside the council to
    # protest over the closure", "villagers assembled in the square to demonstrate"
    *(
        (
            key,
            re.compile(
                r"\b(?:gathered|assembled|massed|converged)\b[^.;:!?]{0,80}? to "
                r"(?:protest|demonstrate)\b",
                re.I,
            ),
            "protest",
        )
        for key in ("gathered", "assembled", "massed", "converged")
    ),
    ("strike", LABOUR_STRIKE, "protest"),
    # a stoppage by its other names: "workers downed tools", "teachers boycotted classes",
    # "truckers staged a go-slow"
    *(
        (
            key,
            re.compile(
                r"\b(?:down(?:ed|ing|s)?|la(?:id|y|ying)) down tools\b|\bdowned tools\b"
                r"|\bboycott(?:ed|ing|s)? (?:classes|lessons|work|lectures|duty|duties)\b"
                r"|\bgo-slows?\b",
                re.I,
            ),
            "protest",
        )
        for key in ("tools", "boycott", "go-slow")
    ),
    # a vigil held as a protest: "held a vigil to demand", "a vigil against", "a vigil
    # calling for" (a vigil of mourning alone is no protest)
    (
        "vigil",
        re.compile(
            r"\bvigils?\b(?: [\w'’-]+){0,6}? (?:to (?:demand|protest|call for|press for|urge)"
            r"|demanding|against|calling for|in protest)\b",
            re.I,
        ),
        "protest",
    ),
    (
        "streets",
        re.compile(r"\b(?:took|taken|taking|take|takes) to the streets\b", re.I),
        "protest",
    ),
    (
        "walk",
        re.compile(
            r"\bwalk(?:ed|ing)? (?:off the job|out of (?:work|class|school)"
            # "doctors walked out of hospitals across X", "out of the factory"
            r"|out of (?:the |their |its )?(?:hospitals?|factory|factories|plants?|mines?|"
            r"offices?|schools|classes|classrooms|warehouses?|depots?))\b",
            re.I,
        ),
        "protest",
    ),
    # "nurses voted to strike", "the crew said they would strike on Friday": a strike to
    # come when those who strike are named just before (checked by the caller)
    (
        "strike",
        re.compile(
            r"(?:(?<=\bwill )|(?<=\bwould )|(?<=\bto )|(?<=\bshall )|(?<=\balso ))"
            r"strike (?:on|from|for|over|next|this|again|at|in|until)\b",
            re.I,
        ),
        "protest",
    ),
    # "workers walked out at a plant": a strike when workers walk out (checked by the caller)
    ("walk", re.compile(r"\bwalk(?:ed|ing|s)? out (?:at|in|on)\b", re.I), "protest"),
    # people caught by those who arrest: "police who caught 40 people near A", "he was caught
    # by border agents near A" (not "caught fire", "caught the bus")
    (
        "caught",
        re.compile(
            r"(?:"
            + "|".join(f"(?<=\\b{w} )|(?<=\\b{w} who )" for w in _CATCHERS)
            + r")caught\b|\bcaught\b(?= by (?:[\w.-]+ ){0,3}(?:"
            + "|".join(_CATCHERS)
            + r")\b)",
            re.I,
        ),
        "arrest",
    ),
    # a beating of people: "guards beat him with a hose", "officers beat them with batons"
    # (not "beat the champions": a team is no pronoun)
    *(
        (
            verb,
            re.compile(
                rf"\b{verb}\b(?= (?:him|her|them|detainees|prisoners|inmates|protesters|the "
                r"(?:man|woman|men|women|boy|girl|detainees|prisoners|inmates|protesters))\b)",
                re.I,
            ),
            "attack",
        )
        for verb in ("beat", "whipped", "flogged", "clubbed", "punched", "tortured")
    ),
    # people seized by force: "armed men seized an aid worker outside his home" (an abduction;
    # not "seized weapons", "seized control")
    *(
        (
            verb,
            re.compile(
                rf"\b{verb}\b(?= (?:an? |the |two |three |four |five |\d+ )?(?:[a-z-]+ ){{0,2}}"
                r"(?:man|woman|men|women|boy|boys|girl|girls|child|children|worker|workers|"
                r"journalist|journalists|teacher|teachers|priest|priests|trader|traders|student|"
                r"students|driver|drivers|engineer|engineers|official|officials|doctor|doctors|"
                r"nurse|nurses|farmer|farmers|villagers|passengers|tourists)\b)"
                # a grip, not a seizure of the person: "grabbed the man by his arm"
                r"(?!(?: [\w'-]+){1,4} by (?:the|his|her|their|its) (?:neck|throat|arms?|"
                r"hair|collar|shoulders?|wrists?|hands?|legs?|ankles?|head|shirt|jacket)\b)",
                re.I,
            ),
            "disappearance",
        )
        for verb in ("seized", "snatched", "grabbed")
    ),
    # captives held for a ransom: "the men were locked in a compound and told to call their
    # families for ransom"
    *(
        (
            verb,
            re.compile(rf"\b{verb}\b(?=[^.;!?]{{0,90}}\bransom\b)", re.I),
            "disappearance",
        )
        for verb in ("held", "locked", "kept")
    ),
    # a crowd that gathered with a demand: "hundreds gathered outside the court, calling for
    # his release", "families assembled in the square demanding answers"
    *(
        (
            verb,
            re.compile(
                rf"\b{verb}\b(?=[^.;:!?]{{0,90}}?,? "
                r"(?:calling for|demanding|to demand|chanting)\b)",
                re.I,
            ),
            "protest",
        )
        for verb in ("gathered", "assembled")
    ),
    # the general vocabulary of news reports, one fixed phrase per entry (the one-word
    # forms are in INCIDENT_WORDS)
    # street robberies: "a purse snatching on Main Street", "snatched her handbag"
    (
        "snatch",
        re.compile(
            r"\b(?:purse|bag|handbag|chain|phone)[- ]snatch(?:ing|ings|ers?)?\b"
            r"|\bsnatched (?:her|his|their|a|the) (?:purse|handbag|bag|phone|cellphone|"
            r"necklace|wallet)\b",
            re.I,
        ),
        "attack",
    ),
    ("jailed", _JAILED, "arrest"),
    ("nabbed", _NABBED, "arrest"),
    (
        "picked up",
        re.compile(rf"\bpicked up by (?:[\w.'’-]+ ){{0,3}}{_LAW}\b", re.I),
        "arrest",
    ),
    (
        "surrender",
        re.compile(
            rf"\bsurrender(?:ed|s|ing)? (?:himself |herself |themselves )?to "
            rf"(?:the )?(?:[\w.'’-]+ ){{0,2}}{_LAW}\b",
            re.I,
        ),
        "arrest",
    ),
    ("gave", re.compile(r"\bgave (?:himself|herself|themselves) up\b", re.I), "arrest"),
    # someone missing told by the town they were last seen in: "she was last seen in Leeds",
    # "were last seen leaving Dover" (not "last seen at a street", nor a date alone)
    (
        "last seen",
        re.compile(
            r"\b(?:[Ww]as|[Ww]ere|had been|has been|have been|is|are) last seen "
            r"(?:alive )?(?:in|near|outside|around|leaving) (?:the )?[A-Z]",
        ),
        "disappearance",
    ),
    (
        "captive",
        re.compile(r"\b(?:held|holding|kept|keeping|taken)(?: [\w'’-]+){0,3}? captive\b", re.I),
        "disappearance",
    ),
    (
        "hostage",
        re.compile(r"\b(?:held|holding|kept|keeping)(?: [\w'’-]+){0,3}? hostage\b", re.I),
        "disappearance",
    ),
    *(
        (key, _AIRCRAFT_DOWN, "crash")
        for key in ("dived", "ditched", "went down", "came down", "plunged", "plummeted")
    ),
    *(
        (key, VEHICLE_HIT_OBJECT, "crash")
        for key in (
            "struck",
            " hit",
            "slammed",
            "smashed",
            "ran into",
            "careen",
            "career",
            "veered into",
            "plowed",
            "ploughed",
            "crashed through",
        )
    ),
    *(
        (key, WENT_UP_IN_FLAMES, "fire")
        for key in (
            "flames",
            "engulfed",
            "gutted",
            "razed",
            "consumed by",
            "burned",
            "burnt",
            "on fire",
        )
    ),
    *(
        (key, WATER_OVERFLOWED, "flood")
        for key in (
            "banks",
            "overflowed",
            "overtopped",
            "burst",
            "gave way",
            "breached",
        )
    ),
    *((key, UNDER_WATER, "flood") for key in ("inundated", "submerged", "swamped")),
    (
        "buried",
        re.compile(
            r"\bburied (?:by|under|in) (?:a |the )?(?:wall of |tonnes of |tons of )?"
            r"(?:mud|earth|soil|rocks)\b",
            re.I,
        ),
        "landslide",
    ),
    (
        "spying",
        re.compile(r"\bspying on\b", re.I),
        "surveillance",
    ),
    (
        "eavesdrop",
        re.compile(r"\beavesdrop(?:ped|ping|s)? on\b", re.I),
        "surveillance",
    ),
    (
        "bugged",
        re.compile(
            r"\bbugged (?:his|her|their|its|the) (?:[\w-]+ )?(?:phones?|telephones?|"
            r"offices?|homes?|rooms?|cars?|lines?)\b",
            re.I,
        ),
        "surveillance",
    ),
    (
        "tapped",
        re.compile(
            r"\btapped (?:his|her|their|its|the) (?:[\w-]+ )?(?:phones?|telephones?|"
            r"lines?|calls?)\b",
            re.I,
        ),
        "surveillance",
    ),
)

#: Vessels: "sank" reports a crash only when one of these is what sank ("a ferry carrying 80
#: people sank", not "shares sank" or "his heart sank"); general English.
VESSELS = frozenset(
    "boat boats vessel vessels ship ships skiff skiffs ferry ferries dinghy dinghies raft rafts "
    "canoe canoes barge barges trawler trawlers yacht yachts dhow dhows launch tug tugboat "
    "freighter tanker steamer speedboat fishing-boat lifeboat".split()
)

#: Words before a crash that make it a collision of several vehicles (general English).
MULTI_VEHICLE = re.compile(
    r"\b(?:two|three|four|multi|multiple)[- ](?:[a-z]+ )?(?:car|vehicle|truck|train|bus|lorry|"
    r"ship|boat|vessel|plane|aircraft)s?\b|\bhead-on\b|\bpile-?up\b",
    re.I,
)

#: What is about quakes to come, not one that struck: "an earthquake drill".
_QUAKE_READINESS = (
    "drill drills insurance risk risks zone zones preparedness safety code codes warning "
    "warnings".split()
)
#: Words after which an incident word names no event here: "fire" in "fire chief", "fire
#: department", "cease-fire"; "talks" in "talks about"; general English collocations.
NOT_AN_EVENT_AFTER = {
    "fire": frozenset(
        "department departments chief chiefs fighter fighters fighting station stations "
        "officials official marshal marshals crews crew truck trucks engine engines service "
        "services hydrant alarm alarms brigade company rescue code safety insurance exit "
        "escape pit arms power drill damage hazard hazards danger risk risks season ban bans "
        "restriction restrictions potential weather conditions warning warnings watch "
        "prevention marshal's sale sales".split()
    ),
    "landslide": frozenset("victory victories win wins election elections vote margin".split()),
    "flood": frozenset(
        "insurance plain plains zone zones maps map wall walls warning warnings watch watches "
        "risk risks defences defenses prevention control barrier barriers "
        # the response to a flood, not the flood told ("flood relief camps in A", "flood
        # victims in A": where the help goes)
        "camp camps relief aid fund funds appeal appeals donations victims survivors "
        "affectees evacuees "
        # a river gauge's mark, no flood told ("crested two feet above flood stage")
        "stage stages".split()
    ),
    "flooding": frozenset("risk risks warning warnings watch watches prevention".split()),
    # what is about quakes to come: "an earthquake drill", "earthquake insurance"
    "earthquake": frozenset(_QUAKE_READINESS),
    "earthquakes": frozenset(_QUAKE_READINESS),
    "quake": frozenset(_QUAKE_READINESS),  # "people from the quake zone": no quake told here
    "quakes": frozenset(_QUAKE_READINESS),
    # a placard or a vote, no gathering: "a protest sign", "a protest vote"
    "protest": frozenset("sign signs song songs vote votes letter letters".split()),
    "rally": frozenset("point cry".split()),
    "accident": frozenset("insurance report reports".split()),
    "shooting": frozenset(
        "footage video videos film films scenes scene photos pictures range ranges guard "
        "guards star stars percentage season practice stance stances".split()
    ),
    # a team, zone or programme of watching, no act of spying on a target: "surveillance
    # teams visited the villages", "a surveillance zone around the farm"
    "surveillance": frozenset(
        "tape tapes video videos footage camera cameras image images photo photos system "
        "systems aircraft drone drones team teams zone zones unit units officer officers staff "
        "worker workers network networks programme programmes program programs".split()
    ),
    "missing": frozenset(
        "out link piece pieces money funds documents files items data games game payments "
        "school work class classes deadline are".split()
    ),
    "evacuation": frozenset(
        "deal deals plan plans route routes centre center centres centers drill drills "
        "procedures procedure zone zones "
        # what carries evacuees, told by its use: "a drone hit an evacuation vehicle near A"
        "vehicle vehicles".split()
    ),
    "crash": frozenset("course courses test tests rate rates statistics data diet".split()),
    "arrest": frozenset(
        "affidavit affidavits record records warrant warrants report reports".split()
    ),
    # a kind of weapon or craft, no assault: "bought an assault rifle", "assault boats"
    "assault": frozenset(
        "rifle rifles weapon weapons gun guns vehicle vehicles boat boats craft helicopter "
        "helicopters ship ships course courses".split()
    ),
    "beaten": frozenset("path track".split()),
    "shot": frozenset(
        "shotgun shotguns rifle rifles gun guns pistol pistols glass glasses clock put caller "
        "callers wide".split()
    ),  # ("shot wide": a missed goal)
    # a launch, no blast: "the crew blasts off", "a rocket blasted off"
    "blast": frozenset(["off"]),
    "blasts": frozenset(["off"]),
    # "the team stormed back", "she stormed out of the meeting": a comeback, an exit
    "stormed": frozenset("back off out".split()),
    "conference": frozenset("call calls room rooms centre center committee committees".split()),
    "talks": frozenset("to about".split()),  # "she talks to students": speaks
    "rallied": frozenset("from back behind late to".split()),  # "rallied from a deficit"
    "talk": frozenset("to about".split()),
    # the police's kit or a figure, no riot: "riot police", "riot gear", "a riot of colour"
    "riot": frozenset(
        "police policeman policemen gear shield shields squad squads act control officers "
        "officer van vans unit units helmets helmet of".split()
    ),
    "riots": frozenset(["of"]),
    # "the aftershocks of the crisis": what followed, no tremor
    "aftershock": frozenset(["of"]),
    "aftershocks": frozenset(["of"]),
    "mugged": frozenset("for at".split()),  # "mugged for the camera": pulled a face
    # who cuffs himself to something is no one arrested: "handcuffed herself to the gate"
    "handcuffed": frozenset("himself herself themselves myself to together".split()),
}
#: Words after "offensive" when it is the noun of a military push ("an offensive on X",
#: "the offensive began"), not an adjective ("offensive remarks", "the offensive line").
OFFENSIVE_NOUN_NEXT = frozenset(
    "on against in into near to toward towards around across that which , . ; : was were is "
    "has had began begun launched killed aimed".split()
)
#: Words right after an attack that make it firefighting ("an attack on the flames").
FIRE_WORDS = frozenset("flames flame fire fires blaze blazes".split())
#: What attacks that is no person, or no attack by people: "a heart attack", "a dog attack".
_NOT_PEOPLE_ATTACKING = (
    "heart panic asthma anxiety cyber malware ransomware phishing bee bees wasp hornet dog dogs "
    "shark bear animal wolf alligator crocodile snake cougar coyote bull bulls pit-bull".split()
)
#: Rallies that are no protest: "a campaign rally", "a biker rally", "a stock market rally".
_RALLY_KINDS = (
    "campaign biker bikers bike motorcycle car pep kickoff kick-off victory fan fans market "
    "stock stocks late fourth-quarter second-half comeback".split()
)
#: What is traded and rises or falls in value: "shares of the firm crashed", "stocks
#: rallied", "the dollar plunged" (a market's move, no crash, protest or blast).
FINANCE_WORDS = (
    "shares share stock stocks market markets index indexes indices dollar euro yen "
    "currency currencies bonds bond futures equities".split()
)
#: What a player shoots at or attacks: "a shot past the keeper", "attacked the basket"
#: (a game, no violence).
SPORTS_TARGETS = frozenset(
    "basket baskets rim hoop net goal goals crossbar paint end-zone puck".split()
)
#: Animals: what is culled, put down or attacked by others is no incident of people's
#: violence ("2,000 chickens were killed", "shot a dog").
ANIMALS = frozenset(
    "animal animals dog dogs puppy puppies cat cats kitten kittens horse horses pony ponies "
    "cow cows cattle calf calves bull bulls ox oxen pig pigs hog hogs sheep lamb lambs goat "
    "goats chicken chickens hen hens poultry bird birds geese goose duck ducks swan swans "
    "turkeys livestock deer elk moose bear bears wolf wolves coyote coyotes fox foxes frog "
    "frogs toad toads fish whale whales dolphin dolphins shark sharks seal seals elephant "
    "elephants rhino rhinos lion lions tiger tigers monkey monkeys bees wildlife".split()
)
#: Works and talks whose subject an event can be: "a film about the massacre", "a lecture on
#: the bombing" (the event named, not reported).
WORK_NOUNS = frozenset(
    "film films movie movies documentary documentaries book books novel novels memoir play "
    "musical opera song songs lecture lectures seminar discussion discussions screening "
    "exhibit exhibition exhibitions podcast essay essays poem poems".split()
)
#: Who a shot goes past in a game ("a shot past the keeper"); "shot the keeper" is violence.
GOALKEEPERS = frozenset("keeper goalkeeper goalie netminder".split())
#: Figures of growth, not blasts: "prices exploded", "a population explosion".
_GROWING = (
    "prices price sales demand costs population popularity numbers data offense offence "
    "scoring".split()
)
#: What crashes without a vehicle: "sales crashed", "the website crashed".
_FALLING = (
    "market markets stock stocks shares housing price prices currency computer computers "
    "system systems server servers website site app network sugar sales".split()
)
#: Words before an incident word that make it no event: "cease-fire", "campfire", "ex-".
NOT_AN_EVENT_BEFORE = {
    # an airline's service, not a journey: "started flights to A", "daily flights to A"
    "flights": frozenset(
        "started launched begun began resumed suspended operates operate operated offers offer "
        "added adds cancelled canceled daily weekly direct nonstop non-stop regular commercial "
        "scheduled charter".split()
    ),
    # a fall in value, no vehicle: "the market crash", "a computer crash"
    "crash": frozenset(_FALLING),
    "crashed": frozenset(_FALLING),
    "explosion": frozenset(_GROWING),
    "exploded": frozenset(_GROWING),
    "attacked": frozenset(_NOT_PEOPLE_ATTACKING),
    # a flop, no bombing: "the film bombed at the box office"
    "bombed": frozenset(
        "film films movie movies show shows album albums play sequel musical series pilot "
        "launch comedy".split()
    ),  # "a dog attacked a boy": no person's doing
    # ("a roar of fire", "the line of fire", "under fire": figures, not a blaze)
    "fire": frozenset("cease camp open friendly return returned covering of under".split()),
    "talks": frozenset("he she it who".split()),
    # rallies that are no protest: a campaign's, a sport's, a market's, a club's
    "rally": frozenset(_RALLY_KINDS),
    "rallies": frozenset(_RALLY_KINDS),
    "rallied": frozenset(_RALLY_KINDS) | frozenset(FINANCE_WORDS),  # "stocks rallied"
    "accident": frozenset("industrial workplace".split()),
    # a campaign of words, no fighting: "a charm offensive", "a diplomatic offensive"
    "offensive": frozenset("charm diplomatic media publicity political legal pr".split()),
    "conference": frozenset("news press video phone telephone".split()),
    # what a body suffers, not what people do: "a cardiac arrest", "a heart attack"
    "arrest": frozenset("cardiac respiratory heart cardiopulmonary".split()),
    # who the people are, not a disappearance told: "relatives of missing persons marched"
    "missing": frozenset(["of"]),
    "attack": frozenset(_NOT_PEOPLE_ATTACKING),
    "attacks": frozenset(_NOT_PEOPLE_ATTACKING),
    # "another shot at the title", "a good shot at winning": a chance, not gunfire; "a flu
    # shot", "a booster shot": a jab; "a mug shot", "a jump shot": a photo, a throw
    "shot": frozenset(
        "another good best fair real decent big long final better flu booster vaccine "
        "tetanus allergy mug jump slap".split()
    ),
    # an offender's sentence served at home, no one spied on: "offenders on electronically
    # monitored home detention", "a GPS monitored curfew"
    "monitored": frozenset("electronic electronically gps".split()),
    # "remains detained", "is still held in detention": a state that goes on, no arrest told
    "detained": frozenset("remains remain remained still".split()),
    # the watch kept on a disease, no one spied on: "routine surveillance found the virus in
    # two geese", "disease surveillance was stepped up"
    "surveillance": frozenset(
        "routine disease medical health epidemiological epidemic syndromic sentinel "
        "virological veterinary animal wildlife avian flu influenza".split()
    ),
}
#: Participles that put people somewhere other than the event: "a protest for prisoners
#: jailed in X", "an attack on soldiers stationed in X" (X is where they are held or live).
WHERE_PEOPLE_ARE = frozenset(
    "jailed imprisoned incarcerated interned held stationed garrisoned based born buried "
    "raised educated exiled living residing".split()
)
#: What ties a person to a place that is not where the event happened: "the victims had ties
#: to X", "roots in X" (before the place), "X ties", "an X native" (after it).
PERSON_TIES = frozenset("ties roots links connections native natives".split())
#: People whose flooding a place is crowding it ("fans flooded the gym").
CROWDS = frozenset(
    "fans crowds crowd people shoppers visitors tourists callers supporters students "
    "customers spectators voters volunteers applicants".split()
)
#: Envoys a government recalls from their posting ("recalled its ambassador to X"): only
#: with one of them is "recall" a movement (not "recalled the day", "recalled 900 cars").
ENVOYS = frozenset(
    "ambassador ambassadors envoy envoys diplomat diplomats consul consuls commissioner "
    "chargé charge".split()
)
#: What is sent that is no one moving: "sent a letter to X", "an e-mail sent to X".
SENT_THINGS = frozenset(
    "letter letters e-mail e-mails email emails message messages note notes text texts "
    "invitation invitations signal signals warning warnings card cards memo memos request "
    "requests complaint complaints bill bills check checks cheque payment payments parcel "
    "package packages flowers gift gifts report reports notice notices tweet tweets "
    "questionnaire application applications petition petitions copy copies".split()
)
#: Words after "demonstrated" that make it "showed", not a protest ("demonstrated their
#: resolve", "demonstrated that", "demonstrated how").
SHOWN_AFTER = frozenset(
    "that how what why the a an its their his her our my your this these those such "
    "great remarkable clearly by".split()
)
#: Where the hurt are treated or the arrested held, not where they were hurt or arrested: a
#: place named with one of these before the event's word ("died in a Leeds hospital", "held
#: in the Leeds County Detention Center following his arrest") is no incident's place.
TREATMENT_WORDS = frozenset(
    "hospital hospitals clinic clinics infirmary hospice icu ward jail jails prison prisons "
    "detention lockup penitentiary".split()
)
#: Words that may stand between a town and its hospital's word ("a Leeds General hospital").
TREATMENT_NAME_WORDS = frozenset(
    "regional general memorial county university community children's childrens medical "
    "district teaching royal city methodist baptist presbyterian psychiatric mental state "
    "veterans".split()
)
#: Marchers whose march is no protest ("troops marched into the town", "the band marched").
NOT_PROTESTERS = frozenset(
    "troops soldiers army armies forces militants fighters rebels insurgents militia "
    "militiamen units unit battalion battalions regiment column columns band bands parade "
    "marines troopers cadets guards legion infantry".split()
)
#: Workers whose "striking" is a strike ("teachers striking", "striking nurses").
STRIKERS = frozenset(
    "teachers workers nurses doctors employees miners drivers staff dockworkers pilots "
    "staffers union unions members porters cleaners crew crews".split()
)

#: Causes of death that are no people: "lightning killed", "the storm killed" (general English).
NOT_BY_PEOPLE = frozenset(
    "lightning storm storms tornado tornadoes hurricane cyclone typhoon flood floods flooding "
    "floodwaters quake earthquake tremor landslide landslides mudslide avalanche fire fires "
    "blaze wildfire heat heatwave cold disease diseases virus cancer crash crashes accident "
    "accidents collision outbreak drought famine tsunami cholera ebola covid illness overdose "
    "overdoses eruption derailment wind winds gale gales hail hailstorm epidemic epidemics "
    "pandemic plague infection infections malaria measles typhoid flu influenza "
    # a structure giving way, a crowd crushing, a leak ("a bridge collapsed, killing 40")
    "collapse collapsed collapsing stampede stampedes crush leak leaks".split()
)
#: Incident words that tell what an event cost rather than report one ("..., killing four").
TOLL_WORDS = frozenset("killed kill kills killing injuring wounding".split())
#: Words of violence by people that make a fire told beside them arson ("raiders fired at the
#: traders and burned the stalls"): the attack words, but not its toll ("a blaze burned the
#: house, killing two" is still a fire).
ATTACK_BESIDE_FIRE = (
    frozenset(w for w, i in INCIDENT_WORDS.items() if i.event_type == "attack")
    - TOLL_WORDS
    - frozenset("attack attacks assault".split())
)
#: Person nouns that make "met" or "meet" a meeting ("met regional governors").
MEETING_PARTIES = frozenset(
    "his her their its officials official leaders leader representatives delegates delegation "
    "delegations president presidents minister ministers counterpart counterparts governor "
    "governors mayor mayors ambassador ambassadors envoy envoys elders chiefs chief families "
    "relatives king queen pope chancellor premier secretary commander commanders diplomats "
    "negotiators lawmakers senators executives union unions industrialists investors "
    "employers businessmen manufacturers bankers".split()
)

#: Who serves or oversees one person: "a meeting with her probation officer", "met with his
#: lawyer" is that person's appointment, not talks between parties.
OWN_ADVISERS = frozenset(
    "officer officers lawyer lawyers attorney attorneys doctor doctors physician counselor "
    "counsellor therapist caseworker teacher teachers pastor priest boss landlord agent".split()
)
#: Words before a meeting that say it did not take place ("missed a meeting with"), or tell
#: its end rather than the talks ("welcomed the collapse of negotiations with").
MISSED = frozenset(
    "missed skipped failed fail fails failing cancelled canceled failure collapse breakdown".split()
)

#: Words that give an explosion or a fire a perpetrator: then it is an attack (general English).
PERPETRATOR_WORDS = frozenset(
    "bomb bombs bomber bombers bombing ied ieds grenade grenades detonated explosive militant "
    "militants "
    "attacker attackers terrorist terrorists suicide insurgents arson arsonist torched "
    "firebomb firebombed deliberately intentionally arsonists rioters vandals".split()
)
#: Words after a perpetrator word that make it a trade or a search, not a claim ("arson
#: investigators were called", "the bomb squad", "an arson investigation is under way").
PERPETRATOR_TRADES = frozenset(
    "investigator investigators investigation investigations unit units squad squads team "
    "teams detective detectives dog dogs expert experts specialist specialists task".split()
)
#: Words shortly before a perpetrator word that leave it unsaid: hedged or denied ("may have
#: been set deliberately", "possible arson", "ruled out arson", "not deliberately").
PERPETRATOR_HEDGES = frozenset(
    "may might could possible possibly perhaps whether if not no ruled unclear".split()
)
#: What a figurative attack is aimed at: "the senator attacked the plan", "an attack on
#: the budget" (words, not violence).
ABSTRACT_TARGETS = frozenset(
    "plan plans policy policies proposal proposals bill bills decision decisions idea ideas "
    "record remarks comments statement statements report budget law laws ruling move deal "
    "reform reforms agenda strategy approach claims claim views".split()
)
#: Words after a plural event noun that make the sentence general, about no one event:
#: "shootings are common", "crashes are up 10 percent", "robberies have risen".
GENERIC_AFTER = frozenset(
    "common rare frequent routine up down rising falling risen fallen increasing decreasing "
    "declining doubled tripled soared dropped rife widespread".split()
)
#: What a place is called for the events it is known for: "the district was a hub of student
#: protests", "a hotbed of attacks" (a description, no one event).
KNOWN_FOR = frozenset(
    "centre center centres centers hub hotbed hotbeds heartland cradle birthplace "
    "stronghold".split()
)
#: Words after a planned event that say it will not take place ("the summit was cancelled").
CALLED_OFF = frozenset("cancelled canceled scrapped aborted abandoned".split())
#: Words shortly before a disaster word that make it only feared or forecast ("warned of
#: possible flooding", "the risk of landslides", "fears of an earthquake").
FORECAST_BEFORE = frozenset(
    "possible potential warned warns warning warnings risk risks threat threats chance "
    "chances fear fears forecast forecasts prone".split()
)
#: Disasters that are forecast as often as reported.
FORECAST_KINDS = frozenset("flood landslide earthquake fire".split())
#: Words shortly before an attack word that make it an accident ("an accidental gunshot
#: wound", "was accidentally shot"): no deliberate violence, so no attack.
ACCIDENTAL = frozenset("accidental accidentally unintentional unintentionally".split())


def perpetrator_told(words: Sequence[str]) -> bool:
    """True when the lower-cased ``words`` say someone set off a blast or a fire on purpose: a
    word of :data:`PERPETRATOR_WORDS` that names no trade or search after it ("arson
    investigators") and is not hedged or denied in the four words before it ("may have been
    set deliberately", "ruled out arson")."""
    for k, w in enumerate(words):
        if w not in PERPETRATOR_WORDS:
            continue
        if k + 1 < len(words) and words[k + 1] in PERPETRATOR_TRADES:
            continue
        if k and words[k - 1] == "water":
            continue  # "a water bomber", "water-bombing aircraft": they fight fires
        if not PERPETRATOR_HEDGES.isdisjoint(words[max(0, k - 4) : k]):
            continue
        return True
    return False


#: Quick test before any other work: does a sentence hold any trigger word at all?
_WORD = re.compile(r"[a-z]+")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
_ALL_WORDS = frozenset(MOTION_WORDS) | frozenset(INCIDENT_WORDS)

_Trie = dict[str, "_Trie"]


def _any_of(keys: set[str]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``keys`` occurs in it: the keys as a
    trie (a shared beginning is tested once; a key found ends the test), so that one scan
    tests them all (faster than a substring test per key, and than a flat alternation)."""
    trie: _Trie = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        if "" in node:
            return ""  # a key ends here: a longer one need not be tested
        alts = [re.escape(ch) + pattern(rest) for ch, rest in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(pattern(trie))


_PHRASE_KEYS = _any_of({key for key, _, _ in INCIDENT_PHRASES} | {*MOTION_PHRASE_KEYS, "-bound"})


def _has_key(lowered: str, keys: re.Pattern[str]) -> bool:
    """True when one of the keys of ``keys`` (:func:`_any_of`) occurs in ``lowered``."""
    return keys.search(lowered) is not None


def sentence_words(lowered: str) -> set[str]:
    """The words of a lower-cased sentence, for the tests below; a hyphenated word both
    whole and in its parts ("sit-in": "sit-in", "sit", "in")."""
    words = set(_WORD.findall(lowered))
    if "-" in lowered:
        words.update(_HYPHENATED.findall(lowered))
    return words


def any_trigger(sentence: str, words: set[str] | None = None) -> bool:
    """False only when no trigger word or phrase can be in ``sentence`` (``words``: its
    :func:`sentence_words`, when the caller has them)."""
    lowered = sentence.lower()
    if not _ALL_WORDS.isdisjoint(words if words is not None else sentence_words(lowered)):
        return True
    return _has_key(lowered, _PHRASE_KEYS)


_INCIDENT_KEYS = _any_of({key for key, _, _ in INCIDENT_PHRASES})


_INCIDENT_VERBS = frozenset(w for w, i in INCIDENT_WORDS.items() if not i.noun) | frozenset(
    w for w, m in MOTION_WORDS.items() if m.movement_type == "evacuated" and not m.noun
)  # an evacuation is an incident at what was evacuated
_INCIDENT_NOUNS = sorted(
    {w for w, i in INCIDENT_WORDS.items() if i.noun}
    | {w for w, m in MOTION_NOUNS.items() if m.movement_type == "evacuated"}
)
_NOUN_KEYS = frozenset(_INCIDENT_NOUNS)
_NEW_INCIDENT = re.compile(
    r"\b(?:an?|(?:forced|prompted|caused|triggered|sparked|ordered) the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:" + "|".join(re.escape(w) for w in _INCIDENT_NOUNS) + r")\b"
)


def incident_words(sentence: str, words: set[str] | None = None) -> bool:
    """False only when ``sentence`` reports no incident a place could be carried to: no
    incident verb or phrase, and no new incident named with "a"/"an" ("a fire")."""
    lowered = sentence.lower()
    if words is None:
        words = sentence_words(lowered)
    if not _INCIDENT_VERBS.isdisjoint(words) or _has_key(lowered, _INCIDENT_KEYS):
        return True
    return not _NOUN_KEYS.isdisjoint(words) and _NEW_INCIDENT.search(lowered) is not None


#: Motion words that report a plain journey (no incident of their own: not "marched").
_TRAVEL_WORDS = frozenset(
    w
    for w, m in MOTION_WORDS.items()
    if MOVEMENT_TYPES[m.movement_type] is None and w not in INCIDENT_WORDS
)
_EVENT_WORDS = _ALL_WORDS - _TRAVEL_WORDS


def event_words(sentence: str, words: set[str] | None = None) -> bool:
    """False only when ``sentence`` holds nothing but plain travel words (or none): then it
    reports a movement only if it names two places or takes one from the report around."""
    lowered = sentence.lower()
    if not _EVENT_WORDS.isdisjoint(words if words is not None else sentence_words(lowered)):
        return True
    return _has_key(lowered, _PHRASE_KEYS)


#: Groups whose clashes are fighting ("protesters clashed with police"); a clash of one
#: person with another is a quarrel ("the senator clashed with the governor").
CLASH_PARTIES = frozenset(
    "police policemen officers troops soldiers forces army armies militants militias militia "
    "rebels insurgents fighters protesters protestors demonstrators rioters gangs gang "
    "supporters fans residents villagers students workers strikers security guards "
    "tribesmen tribes clans settlers youths mobs mob crowds crowd groups factions "
    "gunmen guerrillas jihadists separatists loyalists israelis palestinians".split()
)
#: Those whose clash with police is a protest, not an attack (CHECK_NOTES.md: demonstrators
#: fighting the police in the streets are a protest).
PROTESTERS = frozenset("protesters protestors demonstrators marchers strikers".split())
#: Who blocks roads in protest ("farmers blocked highways around A"), besides PROTESTERS and
#: STRIKERS; police, snow or a landslide blocking a road is no protest.
BLOCKADERS = (
    PROTESTERS
    | STRIKERS
    | frozenset(
        "farmers truckers activists residents villagers youths students taxi taxis lorry "
        "fishermen traders vendors".split()
    )
)

#: Words before "conference" that make it talks between parties ("a peace conference", "a
#: donors' conference"); other conferences are trade shows or lectures, no meeting/summit.
CONFERENCE_KINDS = frozenset(
    "peace donor donors donors' international ministerial security summit bilateral "
    "trilateral regional leaders leaders' disarmament reconciliation unity investment climate "
    "constitutional intergovernmental".split()
)
#: One body, whose sitting is a routine session, no meeting between parties ("the county
#: board meets in Dover").
ONE_BODY = frozenset(
    "board boards council councils committee committees commission commissions club clubs "
    "group groups association associations society societies legislature assembly panel "
    "trustees caucus congregation chapter league union's senate house commissioners "
    "aldermen selectmen supervisors councilmen councilwomen councillors councilors "
    "freeholders directors".split()
)
#: Titles of courtesy: "met Ms. Lane" is an acquaintance, not talks.
COURTESY_TITLES = frozenset("mr mrs ms miss dr".split())
#: Words before an event that name it again rather than report it: "a survivor of the
#: shooting", "the anniversary of the bombing", "in memory of the victims of the fire".
REFERENCE_WORDS = frozenset(
    "survivor survivors anniversary anniversaries memory memorial commemoration legacy "
    "aftermath since".split()
)
#: What burns that is no blaze: "the plant burned gas", "burned calories".
BURNED_THINGS = frozenset(
    "gas fuel fuels coal oil calories fat energy cds cd dvd dvds disc discs bridges "
    "incense candles candle rubber cash money time".split()
)

#: What kills by running someone down: "killed by a hit-and-run driver", "injured by a truck"
#: is a crash, not an attack.
VEHICLE_AGENTS = frozenset(
    "car cars vehicle vehicles truck trucks pickup suv van bus train driver drivers motorist "
    "motorcycle taxi cab tractor-trailer semi hit-and-run".split()
)

#: Words that make an "accident" a crash: a vehicle, a road or traffic near it ("a traffic
#: accident", "the car accident on Route 5"); "her death was an accident" is none.
VEHICLE_CONTEXT = frozenset(
    "car cars vehicle vehicles truck trucks pickup suv van vans bus buses minibus minibuses "
    "lorry lorries motorcycle "
    "motorcycles motorcyclist bike bicycle cyclist train trains plane planes aircraft "
    "helicopter boat boats boating boater sailing sailboat yacht canoe kayak vessel ship ferry "
    "tractor trailer tractor-trailer semi taxi cab jeep "
    "road roads roadway highway highways interstate freeway motorway route street avenue "
    "lane lanes intersection traffic driver drivers motorist motorists passenger passengers "
    "pedestrian crash crashes collision wreck rollover one-car two-car one-vehicle "
    "two-vehicle three-vehicle multi-vehicle single-vehicle auto automobile fatal "
    "i-64 i-95 drove driving".split()
)

#: The places "referred to" and "shifted to" take a patient to (MOTION_WORDS "refer", "shift").
CARE_PLACES = frozenset(
    "hospital hospitals clinic infirmary dispensary medical trauma icu burns burn".split()
)

#: Words right before "crossing" that make it a place on a road or a railway, not an act of
#: crossing: "at a level crossing", "the railway crossing near A", "a pedestrian crossing".
CROSSING_PLACES = frozenset("level railway rail railroad grade pedestrian zebra".split())

#: What a pedestrian or a driver crosses on the way, not a border: "crossing the street",
#: "crossed Maple Road", "crossing the tracks". Crossing one of these is no border crossing.
ROADS_CROSSED = frozenset(
    "street streets road roads roadway highway highways interstate freeway motorway avenue "
    "boulevard lane lanes drive intersection crosswalk crossroads tracks track railroad "
    "parking lot sidewalk median centerline centreline line lines".split()
)  # ("crossed the center line", "crossed the median": a driver leaving its lane)
