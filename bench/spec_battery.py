"""Issue 12 section 2, item by item, in invented sentences: a development battery.

    .venv/bin/python bench/spec_battery.py [--fails] [--item WORD]

This is helper h22's own development set, written from the wording of issue 12 ("The English
that real reports use") BEFORE reading the extractor; every sentence is invented (real places,
invented people). It is not a test: it prints, per item of the specification, how many of its
sentences the pipeline gets right, and with ``--fails`` what it produced for the others.
Section 7 (items "probe ...") was written later, while fixing the extractor, and is counted
apart (the PROBES line), never in the BATTERY figure.

A movement case passes when the set of movement paths (names along the path) is exactly the
expected set and each expected movement has the expected status and inferred flags. An
incident case passes when the set of (event_type, place name) pairs is exactly the expected
set (``extra_ok`` lets other incidents through), with the expected status and actor where
given. Movement types are compared too, but only counted apart (``type differs``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.pipeline import Pipeline  # noqa: E402
from geomap.reports.text import parse_document  # noqa: E402
from geomap.settings import DEFAULT_DATA_DIR, Settings  # noqa: E402

HEADER = "Report   Ann Writer Newswire June 10, 2022\n"


@dataclass(frozen=True)
class M:
    """An expected movement."""

    path: tuple[str, ...]
    status: str = "reported"
    oi: bool = False  # origin_inferred
    di: bool = False  # destination_inferred
    mtype: str | None = None


@dataclass(frozen=True)
class I:  # noqa: E742
    """An expected incident."""

    etype: str
    place: str
    status: str | None = None
    actor: str | None = None


@dataclass
class Case:
    item: str
    text: str
    movements: list[M] | None = None  # None: movements not checked
    incidents: list[I] | None = None  # None: incidents not checked
    extra_ok: bool = False
    header: bool = True
    notes: list[str] = field(default_factory=list)


CASES: list[Case] = []


def mv(item: str, text: str, *exp: M | tuple[str, ...], header: bool = True) -> None:
    ms = [e if isinstance(e, M) else M(e) for e in exp]
    CASES.append(Case(item, text, movements=ms, header=header))


def inc(item: str, text: str, *exp: I, extra_ok: bool = False, header: bool = True) -> None:
    CASES.append(Case(item, text, incidents=list(exp), extra_ok=extra_ok, header=header))


# ---------------------------------------------------------------------------------------------
# 1. Verb forms, generated: every verb of the list in past, participle, -ing, passive
#    and nominal use, three shapes each, over rotating city pairs.

PAIRS = [
    ("Lyon", "Turin"),
    ("Kampala", "Nairobi"),
    ("Madrid", "Lisbon"),
    ("Hanoi", "Bangkok"),
    ("Chicago", "Denver"),
    ("Karachi", "Lahore"),
    ("Beirut", "Damascus"),
    ("Warsaw", "Berlin"),
    ("Cairo", "Khartoum"),
    ("Toronto", "Montreal"),
    ("Manila", "Jakarta"),
    ("Houston", "Dallas"),
    ("Amman", "Baghdad"),
    ("Quito", "Lima"),
    ("Mombasa", "Kigali"),
    ("Hamburg", "Vienna"),
    ("Dhaka", "Kolkata"),
    ("Santiago", "Buenos Aires"),
    ("Seattle", "Phoenix"),
    ("Naples", "Palermo"),
]
_pair = itertools.cycle(PAIRS)
NAMES = itertools.cycle(
    ["Tomas Verhoek", "Amina Dale", "Peter Quill", "Rosa Lindqvist", "Omar Bastide", "Lena Okoro"]
)

# verb: (past, participle, ing, noun or "", movement_type)
INTR = {
    "travel": ("travelled", "travelled", "travelling", "trip", "travelled"),
    "fly": ("flew", "flown", "flying", "flight", "travelled"),
    "drive": ("drove", "driven", "driving", "drive", "travelled"),
    "sail": ("sailed", "sailed", "sailing", "voyage", "travelled"),
    "ride": ("rode", "ridden", "riding", "ride", "travelled"),
    "march": ("marched", "marched", "marching", "march", "travelled"),
    "advance": ("advanced", "advanced", "advancing", "advance", "travelled"),
    "withdraw": ("withdrew", "withdrawn", "withdrawing", "withdrawal", "travelled"),
    "retreat": ("retreated", "retreated", "retreating", "retreat", "travelled"),
    "move": ("moved", "moved", "moving", "move", "travelled"),
    "relocate": ("relocated", "relocated", "relocating", "relocation", "travelled"),
    "migrate": ("migrated", "migrated", "migrating", "migration", "travelled"),
    "return": ("returned", "returned", "returning", "return", "travelled"),
    "flee": ("fled", "fled", "fleeing", "flight", "fled"),
    "escape": ("escaped", "escaped", "escaping", "escape", "fled"),
    "rush": ("rushed", "rushed", "rushing", "", "travelled"),
    "head": ("headed", "headed", "heading", "", "travelled"),
}
INTR_SUBJ = {
    "travel": "the delegation",
    "fly": "the minister",
    "drive": "the aid workers",
    "sail": "the fishing crew",
    "ride": "the cyclists",
    "march": "the protesters",
    "advance": "the rebel column",
    "withdraw": "the militia fighters",
    "retreat": "the army units",
    "move": "the family",
    "relocate": "the company staff",
    "migrate": "the herders",
    "return": "the refugees",
    "flee": "the villagers",
    "escape": "the prisoners",
    "rush": "the volunteers",
    "head": "the convoy",
}
# verb: (past, participle, ing, noun or "", agent, object, movement_type)
TRANS = {
    "evacuate": (
        "evacuated",
        "evacuated",
        "evacuating",
        "evacuation",
        "the army",
        "residents",
        "evacuated",
    ),
    "airlift": (
        "airlifted",
        "airlifted",
        "airlifting",
        "airlift",
        "the air force",
        "patients",
        "evacuated",
    ),
    "deport": (
        "deported",
        "deported",
        "deporting",
        "deportation",
        "the authorities",
        "migrants",
        "deported",
    ),
    "expel": (
        "expelled",
        "expelled",
        "expelling",
        "expulsion",
        "the government",
        "diplomats",
        "deported",
    ),
    "extradite": (
        "extradited",
        "extradited",
        "extraditing",
        "extradition",
        "the court",
        "suspects",
        "deported",
    ),
    "repatriate": (
        "repatriated",
        "repatriated",
        "repatriating",
        "repatriation",
        "the ministry",
        "workers",
        "deported",
    ),
    "send": ("sent", "sent", "sending", "", "the government", "soldiers", "dispatched"),
    "dispatch": (
        "dispatched",
        "dispatched",
        "dispatching",
        "dispatch",
        "the agency",
        "medics",
        "dispatched",
    ),
    "deploy": (
        "deployed",
        "deployed",
        "deploying",
        "deployment",
        "the ministry",
        "troops",
        "dispatched",
    ),
    "transfer": (
        "transferred",
        "transferred",
        "transferring",
        "transfer",
        "the prison service",
        "inmates",
        "dispatched",
    ),
    "ship": (
        "shipped",
        "shipped",
        "shipping",
        "shipment",
        "the navy",
        "tonnes of wheat",
        "travelled",
    ),
    "smuggle": (
        "smuggled",
        "smuggled",
        "smuggling",
        "smuggling",
        "a gang",
        "migrants",
        "travelled",
    ),
    "traffic": (
        "trafficked",
        "trafficked",
        "trafficking",
        "trafficking",
        "smugglers",
        "women",
        "travelled",
    ),
    "transport": (
        "transported",
        "transported",
        "transporting",
        "transport",
        "the charity",
        "children",
        "travelled",
    ),
    "bring": ("brought", "brought", "bringing", "", "the charity", "orphans", "travelled"),
    "take": ("took", "taken", "taking", "", "the police", "detainees", "travelled"),
    "fly_t": ("flew", "flown", "flying", "", "the airline", "pilgrims", "travelled"),
    "drive_t": ("drove", "driven", "driving", "", "a driver", "tourists", "travelled"),
    "move_t": ("moved", "moved", "moving", "", "the authorities", "prisoners", "travelled"),
    "relocate_t": (
        "relocated",
        "relocated",
        "relocating",
        "",
        "the company",
        "engineers",
        "travelled",
    ),
    "return_t": (
        "returned",
        "returned",
        "returning",
        "",
        "the agency",
        "asylum seekers",
        "deported",
    ),
    "rush_t": ("rushed", "rushed", "rushing", "", "paramedics", "the injured", "travelled"),
}


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _intr(verb: str, forms: tuple[str, str, str, str, str]) -> None:
    past, part, ing, noun, mtype = forms
    subj = INTR_SUBJ[verb]
    item = f"verb {verb.split('_')[0]}"
    shapes = {
        "past": [
            "{S} {past} from {A} to {B} on Monday.",
            "On Tuesday, {s} {past} to {B} from {A}, officials said.",
            "{N}, a 34-year-old teacher, {past} from {A} to {B} last week.",
        ],
        "participle": [
            "{S} have {part} from {A} to {B} since Friday, a spokesman said.",
            "By nightfall on Sunday, {s} had {part} from {A} to {B}.",
            '"We have {part} from {A} to {B} with nothing," said {N}.',
        ],
        "-ing": [
            "{S} {ing} from {A} to {B} were stopped at a checkpoint on Monday.",
            "{N}, who was {ing} from {A} to {B} on Friday, told reporters the road was empty.",
            "Witnesses saw {s} {ing} to {B} from {A} on Sunday.",
        ],
        "nominal": [
            "The {noun} from {A} to {B} began on Monday, officials said.",
            "After a long {noun} from {A} to {B} last week, the group rested in a school.",
            "Officials described Tuesday's {noun} from {A} to {B} as orderly.",
        ],
    }
    for form, templates in shapes.items():
        if form == "nominal" and not noun:
            continue
        for t in templates:
            a, b = next(_pair)
            text = t.format(
                S=cap(subj),
                s=subj,
                past=past,
                part=part,
                ing=ing,
                noun=noun,
                A=a,
                B=b,
                N=next(NAMES),
            )
            if form == "nominal":
                text = text.replace("The march from", "The protest march from")
            mv(f"{item} ({form})", text, M((a, b), mtype=mtype))


def _trans(verb: str, forms: tuple[str, str, str, str, str, str, str]) -> None:
    past, part, ing, noun, agent, obj, mtype = forms
    item = f"verb {verb.split('_')[0]}"
    shapes = {
        "past": [
            "{G} {past} 40 {o} from {A} to {B} on Wednesday.",
            "Last month, {g} {past} {o} to {B} from {A}, a spokesman said.",
            "{G}, citing security concerns, {past} about 200 {o} from {A} to {B}.",
        ],
        "participle": [
            "{G} has {part} 65 {o} from {A} to {B} this month.",
            "By Friday, {g} had {part} {o} from {A} to {B}.",
            '"We have {part} 300 {o} from {A} to {B}," said {N}, a spokeswoman.',
        ],
        "-ing": [
            "{G} began {ing} {o} from {A} to {B} on Monday.",
            "{G} spent Tuesday {ing} {o} from {A} to {B}, officials said.",
            "On Sunday, {g} continued {ing} {o} to {B} from {A}.",
        ],
        "passive": [
            "Some 120 {o} were {part} from {A} to {B} on Tuesday.",
            "On Thursday, {o} were {part} to {B} from {A}, the ministry said.",
            "{N}, 41, was {part} from {A} to {B} last week.",
        ],
        "nominal": [
            "The {noun} of 80 {o} from {A} to {B} began on Monday.",
            "{G} confirmed the {noun} of {o} from {A} to {B} on Friday.",
            "Rain slowed Tuesday's {noun} of {o} from {A} to {B}.",
        ],
    }
    for form, templates in shapes.items():
        if form == "nominal" and not noun:
            continue
        for t in templates:
            a, b = next(_pair)
            text = t.format(
                G=cap(agent),
                g=agent,
                o=obj,
                past=past,
                part=part,
                ing=ing,
                noun=noun,
                A=a,
                B=b,
                N=next(NAMES),
            )
            mv(f"{item} ({form})", text, M((a, b), mtype=mtype))


for _v, _f in INTR.items():
    _intr(_v, _f)
for _v, _t in TRANS.items():
    _trans(_v, _t)

# the verbs whose endpoints sit in other slots: cross, enter, arrive, leave, depart, visit
mv(
    "verb cross (past)",
    "About 300 migrants crossed from Calais to Dover on Monday.",
    ("Calais", "Dover"),
)
mv(
    "verb cross (past)",
    "On Friday, the refugees crossed into Poland from Lviv.",
    ("Lviv", "Poland"),
)
mv(
    "verb cross (past)",
    "Pedro Almeda, 22, crossed from Ciudad Juarez into El Paso at night.",
    ("Ciudad Juarez", "El Paso"),
)
mv(
    "verb cross (participle)",
    "Thousands have crossed from Tigray into Sudan since November.",
    ("Tigray", "Sudan"),
)
mv(
    "verb cross (participle)",
    "By Sunday, 900 people had crossed into Romania from Odesa.",
    ("Odesa", "Romania"),
)
mv(
    "verb cross (participle)",
    '"We have crossed from Idlib into Turkey," said Omar Bastide.',
    ("Idlib", "Turkey"),
)
mv(
    "verb cross (-ing)",
    "Migrants crossing from Libya to Lampedusa were rescued on Sunday.",
    ("Libya", "Lampedusa"),
)
mv(
    "verb cross (-ing)",
    "A man crossing into Austria from Hungary was detained on Tuesday.",
    ("Hungary", "Austria"),
)
mv(
    "verb cross (-ing)",
    "Police stopped a van crossing from Belfast to Dublin on Monday.",
    ("Belfast", "Dublin"),
)
mv(
    "verb cross (nominal)",
    "The crossing from Tangier to Algeciras took four hours on Monday.",
    ("Tangier", "Algeciras"),
)
mv(
    "verb cross (nominal)",
    "After the crossing from Bodrum to Kos, the family slept on the beach.",
    ("Bodrum", "Kos"),
)
mv(
    "verb cross (nominal)",
    "Officials said the boat's crossing from Sfax to Lampedusa ended on Friday.",
    ("Sfax", "Lampedusa"),
)

mv("verb enter (past)", "Troops entered Kherson from Mykolaiv on Friday.", ("Mykolaiv", "Kherson"))
mv("verb enter (past)", "On Monday, the aid convoy entered Gaza from Egypt.", ("Egypt", "Gaza"))
mv(
    "verb enter (past)",
    "The rebels, coming from Goma, entered Bukavu on Sunday.",
    ("Goma", "Bukavu"),
)
mv(
    "verb enter (participle)",
    "Some 500 refugees have entered Moldova from Odesa this week.",
    ("Odesa", "Moldova"),
)
mv(
    "verb enter (participle)",
    "By dawn, the column had entered Aleppo from Idlib.",
    ("Idlib", "Aleppo"),
)
mv(
    "verb enter (participle)",
    "Officials said 60 trucks had entered Mekelle from Semera.",
    ("Semera", "Mekelle"),
)
mv(
    "verb enter (-ing)",
    "Trucks entering Kabul from Jalalabad were searched on Monday.",
    ("Jalalabad", "Kabul"),
)
mv("verb enter (-ing)", "A man entering Canada from Seattle was arrested.", ("Seattle", "Canada"))
mv(
    "verb enter (-ing)",
    "Soldiers were seen entering Mosul from Erbil on Tuesday.",
    ("Erbil", "Mosul"),
)
mv(
    "verb enter (nominal)",
    "The convoy's entry into Aleppo from Idlib was delayed on Monday.",
    ("Idlib", "Aleppo"),
)
mv(
    "verb enter (nominal)",
    "Their entry into Uganda from Goma came after a week on foot.",
    ("Goma", "Uganda"),
)
mv(
    "verb enter (nominal)",
    "Officials approved the entry of 40 trucks into Gaza from Egypt on Friday.",
    ("Egypt", "Gaza"),
)

mv(
    "verb arrive (past)",
    "The delegation arrived in Nairobi from Addis Ababa on Monday.",
    ("Addis Ababa", "Nairobi"),
)
mv(
    "verb arrive (past)",
    "On Friday, 200 refugees arrived in Berlin from Warsaw.",
    ("Warsaw", "Berlin"),
)
mv(
    "verb arrive (past)",
    "Rosa Lindqvist, a nurse from Oslo, arrived in Kabul last week.",
    ("Oslo", "Kabul"),
)
mv(
    "verb arrive (participle)",
    "More than 3,000 people have arrived in Chisinau from Odesa.",
    ("Odesa", "Chisinau"),
)
mv(
    "verb arrive (participle)",
    "By Sunday the team had arrived in Lima from Quito.",
    ("Quito", "Lima"),
)
mv(
    "verb arrive (participle)",
    '"We have just arrived in Athens from Izmir," said Lena Okoro.',
    ("Izmir", "Athens"),
)
mv(
    "verb arrive (-ing)",
    "Passengers arriving in Manila from Cebu were screened on Monday.",
    ("Cebu", "Manila"),
)
mv(
    "verb arrive (-ing)",
    "Families arriving at Kigali from Goma said the road was closed.",
    ("Goma", "Kigali"),
)
mv(
    "verb arrive (-ing)",
    "Buses were arriving in Tbilisi from Yerevan all night.",
    ("Yerevan", "Tbilisi"),
)
mv(
    "verb arrive (nominal)",
    "The arrival of 80 migrants in Malta from Tripoli drew protests.",
    ("Tripoli", "Malta"),
)
mv(
    "verb arrive (nominal)",
    "Her arrival in Delhi from Kathmandu on Monday was delayed.",
    ("Kathmandu", "Delhi"),
)
mv(
    "verb arrive (nominal)",
    "Officials prepared for the arrival of the team in Accra from Lagos.",
    ("Lagos", "Accra"),
)

mv("verb leave (past)", "The family left Aleppo for Beirut in 2013.", ("Aleppo", "Beirut"))
mv("verb leave (past)", "On Monday, 400 soldiers left Kyiv for Kharkiv.", ("Kyiv", "Kharkiv"))
mv(
    "verb leave (past)",
    "Tomas Verhoek, a farmer, left Harare for Johannesburg last year.",
    ("Harare", "Johannesburg"),
)
mv(
    "verb leave (participle)",
    "Thousands have left Caracas for Bogota since January.",
    ("Caracas", "Bogota"),
)
mv("verb leave (participle)", "By May, the company had left Milan for Zurich.", ("Milan", "Zurich"))
mv(
    "verb leave (participle)",
    '"We have left Mariupol for Zaporizhzhia," said Amina Dale.',
    ("Mariupol", "Zaporizhzhia"),
)
mv(
    "verb leave (-ing)",
    "Ships leaving Odesa for Istanbul were inspected on Monday.",
    ("Odesa", "Istanbul"),
)
mv(
    "verb leave (-ing)",
    "Residents leaving Mosul for Erbil described the fighting.",
    ("Mosul", "Erbil"),
)
mv("verb leave (-ing)", "A bus leaving Lagos for Accra was stopped on Friday.", ("Lagos", "Accra"))

mv("verb depart (past)", "The ferry departed Piraeus for Crete on Monday.", ("Piraeus", "Crete"))
mv(
    "verb depart (past)",
    "On Tuesday, flight 207 departed from Doha for Manila.",
    ("Doha", "Manila"),
)
mv(
    "verb depart (past)",
    "The train departed from Vienna to Budapest at noon on Friday.",
    ("Vienna", "Budapest"),
)
mv(
    "verb depart (participle)",
    "The first convoy has departed from Mombasa for Kampala.",
    ("Mombasa", "Kampala"),
)
mv(
    "verb depart (participle)",
    "By noon, the ship had departed Dakar for Banjul.",
    ("Dakar", "Banjul"),
)
mv(
    "verb depart (participle)",
    "Officials said 12 buses had departed from Kabul to Herat.",
    ("Kabul", "Herat"),
)
mv(
    "verb depart (-ing)",
    "A plane departing Toronto for Halifax was grounded on Monday.",
    ("Toronto", "Halifax"),
)
mv(
    "verb depart (-ing)",
    "Trains departing from Munich to Salzburg were cancelled on Friday.",
    ("Munich", "Salzburg"),
)
mv(
    "verb depart (-ing)",
    "Passengers departing Lisbon for Porto faced delays on Sunday.",
    ("Lisbon", "Porto"),
)
mv(
    "verb depart (nominal)",
    "The ferry's departure from Piraeus to Crete was delayed on Monday.",
    ("Piraeus", "Crete"),
)
mv(
    "verb depart (nominal)",
    "The departure of 300 soldiers from Kyiv to Kharkiv began on Friday.",
    ("Kyiv", "Kharkiv"),
)
mv(
    "verb depart (nominal)",
    "After their departure from Dakar for Banjul, the crew went silent.",
    ("Dakar", "Banjul"),
)

mv(
    "verb rescue (past)",
    "The navy rescued 200 civilians from Mariupol and took them to Zaporizhzhia.",
    ("Mariupol", "Zaporizhzhia"),
)
mv(
    "verb rescue (past)",
    "Fishermen rescued 12 sailors off Mombasa and brought them to Malindi.",
    ("Mombasa", "Malindi"),
)
mv(
    "verb rescue (past)",
    "On Monday, soldiers rescued 30 hostages from Gao and flew them to Bamako.",
    ("Gao", "Bamako"),
)
mv(
    "verb rescue (passive)",
    "Some 30 miners rescued from Copiapo were flown to Santiago on Monday.",
    ("Copiapo", "Santiago"),
)
mv(
    "verb rescue (passive)",
    "The hikers were rescued from Zermatt and taken to Bern.",
    ("Zermatt", "Bern"),
)
mv(
    "verb rescue (passive)",
    "Amina Dale, 29, was rescued from Derna and brought to Benghazi.",
    ("Derna", "Benghazi"),
)
mv(
    "verb rescue (-ing)",
    "Boats rescuing families from Derna carried them to Benghazi on Monday.",
    ("Derna", "Benghazi"),
)
mv(
    "verb rescue (-ing)",
    "Helicopters were rescuing villagers from Sylhet and flying them to Dhaka.",
    ("Sylhet", "Dhaka"),
)
mv(
    "verb rescue (-ing)",
    "Volunteers spent Sunday rescuing residents from Kherson and driving them to Mykolaiv.",
    ("Kherson", "Mykolaiv"),
)
mv(
    "verb rescue (nominal)",
    "After their rescue from Mariupol, the soldiers were taken to Dnipro.",
    ("Mariupol", "Dnipro"),
)
mv(
    "verb rescue (nominal)",
    "The rescue of 40 climbers from Zermatt to Bern took all day.",
    ("Zermatt", "Bern"),
)
mv(
    "verb rescue (nominal)",
    "Officials praised the rescue of 15 miners from Copiapo to Santiago.",
    ("Copiapo", "Santiago"),
)
mv(
    "verb visit (past)",
    "A delegation from Nairobi visited Kampala on Monday.",
    ("Nairobi", "Kampala"),
)
mv(
    "verb visit (past)",
    "Last week, the Peruvian minister flew from Lima and visited Bogota.",
    ("Lima", "Bogota"),
)
mv(
    "verb visit (past)",
    "Omar Bastide, a trader from Kano, visited Niamey in May.",
    ("Kano", "Niamey"),
)
mv(
    "verb visit (-ing)",
    "A woman visiting from Toronto was hurt in Boston on Friday.",
    ("Toronto", "Boston"),
)
mv(
    "verb visit (-ing)",
    "Tourists visiting Venice from Munich were stranded on Sunday.",
    ("Munich", "Venice"),
)
mv(
    "verb visit (-ing)",
    "Amina Dale, who was visiting Cairo from Amman, said the streets were calm.",
    ("Amman", "Cairo"),
)
mv(
    "verb visit (nominal)",
    "The minister's visit to Kampala from Nairobi lasted two days.",
    ("Nairobi", "Kampala"),
)
mv(
    "verb visit (nominal)",
    "During a visit to Kabul from Islamabad on Monday, the envoy met officials.",
    ("Islamabad", "Kabul"),
)
mv(
    "verb visit (nominal)",
    "Her trip to Lagos from Accra was her first visit since 2019.",
    ("Accra", "Lagos"),
)

# ---------------------------------------------------------------------------------------------
# 2. Motion nouns and phrases

for noun, text, exp in [
    ("trip", "Her trip from Hanoi to Vientiane on Monday took two days.", ("Hanoi", "Vientiane")),
    ("trip", "During a trip to Madrid from Seville, the mayor met farmers.", ("Seville", "Madrid")),
    ("journey", "The refugees' journey from Aleppo to Izmir lasted a month.", ("Aleppo", "Izmir")),
    (
        "journey",
        "After a 20-hour journey from Kinshasa to Lubumbashi, the team rested.",
        ("Kinshasa", "Lubumbashi"),
    ),
    (
        "flight",
        "A flight from Dubai to Karachi made an emergency landing on Monday.",
        ("Dubai", "Karachi"),
    ),
    (
        "flight",
        "The charter flight carrying 90 deportees from Houston to Guatemala City landed on Friday.",
        ("Houston", "Guatemala City"),
    ),
    (
        "voyage",
        "The ship's voyage from Rotterdam to Lagos ended on Sunday.",
        ("Rotterdam", "Lagos"),
    ),
    (
        "voyage",
        "After a voyage from Tripoli to Lampedusa, 60 migrants were rescued.",
        ("Tripoli", "Lampedusa"),
    ),
    ("mission", "A UN mission from Geneva to Juba arrived on Monday.", ("Geneva", "Juba")),
    (
        "mission",
        "The rescue mission from Cyprus to Beirut carried 200 people.",
        ("Cyprus", "Beirut"),
    ),
    (
        "visit",
        "The president's visit to Paris from Rome was cut short on Tuesday.",
        ("Rome", "Paris"),
    ),
    (
        "move",
        "The company's move from Seattle to Austin was completed in May.",
        ("Seattle", "Austin"),
    ),
    ("move", "His move from Leeds to Perth in 2019 surprised his friends.", ("Leeds", "Perth")),
    (
        "route",
        "Smugglers used a route from Agadez to Tripoli, police said on Monday.",
        ("Agadez", "Tripoli"),
    ),
    (
        "convoy",
        "A convoy from Zaporizhzhia to Mariupol was turned back on Sunday.",
        ("Zaporizhzhia", "Mariupol"),
    ),
    (
        "convoy",
        "An aid convoy travelling from Amman to Baghdad was attacked.",
        ("Amman", "Baghdad"),
    ),
    ("exodus", "The exodus from Mosul to Erbil continued on Monday.", ("Mosul", "Erbil")),
    (
        "exodus",
        "An exodus of families from Khartoum to Port Sudan began last week.",
        ("Khartoum", "Port Sudan"),
    ),
    (
        "influx",
        "An influx of refugees from Venezuela into Cucuta strained hospitals.",
        ("Venezuela", "Cucuta"),
    ),
    (
        "influx",
        "Officials reported an influx of migrants from Libya to Lampedusa on Monday.",
        ("Libya", "Lampedusa"),
    ),
    (
        "layover",
        "The envoy flew from Berlin to Tokyo with a layover in Dubai.",
        ("Berlin", "Dubai", "Tokyo"),
    ),
    (
        "stopover",
        "After a stopover in Doha, the team flew from Oslo to Muscat.",
        ("Oslo", "Doha", "Muscat"),
    ),
]:
    mv(f"noun {noun}", text, exp)

mv(
    "phrase X-bound",
    "A Boston-bound flight from Dublin was diverted to Shannon on Monday.",
    ("Dublin", "Shannon", "Boston"),
)
mv(
    "phrase X-bound",
    "Police stopped a Nairobi-bound bus from Mombasa on Friday.",
    ("Mombasa", "Nairobi"),
)
mv(
    "phrase X-bound",
    "The London-bound train from Paris was evacuated on Sunday.",
    ("Paris", "London"),
)
mv(
    "phrase en route to",
    "The convoy was en route to Kharkiv from Dnipro when it was hit.",
    ("Dnipro", "Kharkiv"),
)
mv(
    "phrase en route to",
    "Travelling from Quito en route to Lima, the bus broke down.",
    ("Quito", "Lima"),
)
mv(
    "phrase en route to",
    "The ship, which left Durban en route to Mumbai, sank on Monday.",
    ("Durban", "Mumbai"),
)
mv(
    "phrase on its way to",
    "The plane was on its way to Lagos from Abuja when it crashed.",
    ("Abuja", "Lagos"),
)
mv(
    "phrase on its way to",
    "A truck on its way to Kabul from Peshawar was seized on Monday.",
    ("Peshawar", "Kabul"),
)
mv(
    "phrase on its way to",
    "The ferry, on its way from Dover to Calais, lost power.",
    ("Dover", "Calais"),
)
mv(
    "phrase making their way to",
    "Thousands of migrants made their way to Tijuana from Tapachula.",
    ("Tapachula", "Tijuana"),
)
mv(
    "phrase making their way to",
    "Families were making their way from Kherson to Odesa on Monday.",
    ("Kherson", "Odesa"),
)
mv(
    "phrase making their way to",
    "Hundreds of fans are making their way to Madrid from Bilbao.",
    ("Bilbao", "Madrid"),
)

# ---------------------------------------------------------------------------------------------
# 3. Endpoints anywhere in the clause

mv(
    "endpoint to X from Y",
    "The delegation flew to Nairobi from Kampala on Monday.",
    ("Kampala", "Nairobi"),
)
mv(
    "endpoint to X from Y",
    "Some 40 families moved to Accra from Kumasi last month.",
    ("Kumasi", "Accra"),
)
mv("endpoint to X from Y", "On Friday, the team drove to Lyon from Geneva.", ("Geneva", "Lyon"))
mv(
    "endpoint passive",
    "The injured driver was flown to Johannesburg from Durban on Sunday.",
    ("Durban", "Johannesburg"),
)
mv("endpoint passive", "Two prisoners were extradited from Quito to Bogota.", ("Quito", "Bogota"))
mv("endpoint passive", "Some 300 troops have been deployed to Kidal from Gao.", ("Gao", "Kidal"))
mv(
    "endpoint relative clause",
    "A freight train that travelled from Lyon to Turin was delayed.",
    ("Lyon", "Turin"),
)
mv(
    "endpoint relative clause",
    "The boat, which had sailed from Sfax to Lampedusa, sank on Monday.",
    ("Sfax", "Lampedusa"),
)
mv(
    "endpoint relative clause",
    "Police questioned a man who drove from Leeds to Glasgow on Friday.",
    ("Leeds", "Glasgow"),
)
mv(
    "endpoint reduced relative",
    "Families fleeing Mosul arrived in Erbil on Sunday.",
    ("Mosul", "Erbil"),
)
mv(
    "endpoint reduced relative",
    "Migrants deported from Texas to Guatemala City described the camps.",
    ("Texas", "Guatemala City"),
)
mv(
    "endpoint reduced relative",
    "Aid trucks sent from Amman to Baghdad were delayed on Monday.",
    ("Amman", "Baghdad"),
)
mv(
    "endpoint origin modifier",
    "A woman visiting from Toronto was injured in Boston on Friday.",
    ("Toronto", "Boston"),
)
mv(
    "endpoint origin modifier",
    "Immigrants from Honduras who crossed the desert reached Phoenix.",
    ("Honduras", "Phoenix"),
)
mv(
    "endpoint origin modifier",
    "Residents of Kherson fled to Odesa last week.",
    ("Kherson", "Odesa"),
)
mv(
    "endpoint origin modifier",
    "A native of Accra, the singer moved to London in 1998.",
    ("Accra", "London"),
)
mv(
    "endpoint origin modifier",
    "Students from Lagos travelled to Abuja for the rally on Monday.",
    ("Lagos", "Abuja"),
)
mv(
    "endpoint facility",
    "The injured climber was airlifted from Zermatt to a hospital in Bern.",
    ("Zermatt", "Bern"),
)
mv(
    "endpoint facility",
    "The boy was rushed from Burnley to a hospital in Manchester.",
    ("Burnley", "Manchester"),
)
mv(
    "endpoint facility",
    "Inmates were moved from Kampala to a prison in Gulu on Monday.",
    ("Kampala", "Gulu"),
)
CASES.append(
    Case(
        "endpoint coordinated",
        "Activists travelled from Lyon and Marseille to Paris.",
        movements=[M(("Lyon", "Paris")), M(("Marseille", "Paris"))],
    )
)
CASES.append(
    Case(
        "endpoint coordinated",
        "The aid workers flew from Nairobi to Juba and Khartoum.",
        movements=[M(("Nairobi", "Juba")), M(("Nairobi", "Khartoum"))],
    )
)
CASES.append(
    Case(
        "endpoint coordinated",
        "Refugees fled from Aleppo and Homs to Beirut on Monday.",
        movements=[M(("Aleppo", "Beirut")), M(("Homs", "Beirut"))],
    )
)
mv(
    "endpoint multi-leg",
    "The team flew from Oslo to Doha and then on to Muscat.",
    ("Oslo", "Doha", "Muscat"),
)
mv(
    "endpoint multi-leg",
    "The envoy flew from Berlin to Tokyo with a stop in Dubai.",
    ("Berlin", "Dubai", "Tokyo"),
)
mv(
    "endpoint multi-leg",
    "The migrants travelled from Quito to Panama City via Bogota.",
    ("Quito", "Bogota", "Panama City"),
)
mv(
    "endpoint multi-leg",
    "The band flew from Lima to Madrid after a layover in Bogota.",
    ("Lima", "Bogota", "Madrid"),
)

# ---------------------------------------------------------------------------------------------
# 4. Implicit endpoints: allowed, flagged

mv(
    "implicit dateline",
    "NAIROBI, Kenya (Newswire) - Police officers were deployed to Kisumu on Monday.",
    M(("Nairobi", "Kisumu"), oi=True),
)
mv(
    "implicit dateline",
    "KABUL (Newswire) - Two hundred families fled to the capital from Kunduz.\n\n"
    "The minister flew to Herat on Tuesday.",
    M(("Kunduz", "Kabul"), di=True),
    M(("Kabul", "Herat"), oi=True),
)
mv(
    "implicit dateline",
    "LIMA, Peru - The president returned on Sunday from Quito.",
    M(("Quito", "Lima"), di=True),
)
mv(
    "implicit previous sentence",
    "Fighting broke out in Goma on Monday. Thousands fled to Rubavu.",
    M(("Goma", "Rubavu"), oi=True),
)
mv(
    "implicit previous sentence",
    "Floods hit Sylhet last week. Rescue teams were dispatched from Dhaka.",
    M(("Dhaka", "Sylhet"), di=True),
)
mv(
    "implicit previous sentence",
    "A summit opened in Accra on Monday. The Nigerian president flew in from Abuja.",
    M(("Abuja", "Accra"), di=True),
)
mv(
    "implicit actor home",
    "The Winnipeg-based team flew to Toronto on Monday.",
    M(("Winnipeg", "Toronto"), oi=True),
)
mv(
    "implicit actor home",
    "Alberta's premier travelled to Ottawa on Tuesday.",
    M(("Alberta", "Ottawa"), oi=True),
)
mv(
    "implicit actor home",
    "The Lagos-based band flew to London for the awards.",
    M(("Lagos", "London"), oi=True),
)

# ---------------------------------------------------------------------------------------------
# 5. What is not a movement, and planned status

mv("not negated", "The minister did not travel to Kabul from Islamabad on Monday.")
mv("not negated", "No troops were sent from Kigali to Goma, the army said.")
mv("not negated", "The family never returned to Aleppo from Beirut.")
mv("not hypothetical", "Soldiers could be sent from Kyiv to Kharkiv if fighting resumes.")
mv("not hypothetical", "If the talks fail, the envoy may fly from Doha to Kabul.")
mv("not hypothetical", "Officials said refugees might be moved from Lesbos to Athens.")
mv("not generic", "A flight from London to Amsterdam costs about 80 euros.")
mv("not generic", "Trains from Vienna to Budapest run every two hours.")
mv("not generic", "Migrants often travel from Agadez to Tripoli through the desert.")
mv("not metaphor", "The party moved from a policy of austerity to one of spending.")
mv("not metaphor", "The debate shifted from Washington to Brussels in tone only.")
mv("not metaphor", "Prices returned to normal in Nairobi after the strike.")
mv("not habitual", "He commutes from Oakland to San Francisco every day.")
mv("not habitual", "Every morning, thousands of workers travel from Juarez to El Paso.")
mv("not habitual", "She usually drives from Newark to Manhattan for work.")
mv(
    "planned status",
    "Troops will be deployed to Kidal from Gao next week.",
    M(("Gao", "Kidal"), status="planned"),
)
mv(
    "planned status",
    "The pope is scheduled to fly from Rome to Kinshasa on Tuesday.",
    M(("Rome", "Kinshasa"), status="planned"),
)
mv(
    "planned status",
    "The prisoners are to be extradited from Madrid to Lima next month.",
    M(("Madrid", "Lima"), status="planned"),
)
mv(
    "planned status",
    "The minister plans to travel from Nairobi to Addis Ababa on Friday.",
    M(("Nairobi", "Addis Ababa"), status="planned"),
)

# ---------------------------------------------------------------------------------------------
# 6. Incidents

inc(
    "incident first sentence",
    "Police arrested a man in Chicago on Tuesday.",
    I("arrest", "Chicago"),
    header=False,
)
inc(
    "incident first sentence",
    "A gunman killed two people in Marseille on Friday. The city is quiet.",
    I("attack", "Marseille"),
    header=False,
)
inc(
    "incident first sentence",
    "Protesters marched through Santiago on Sunday.\n\nOfficials said little.",
    I("protest", "Santiago"),
    header=False,
)
inc(
    "incident every event",
    "A man stabbed a guard in Leeds on Monday. Police arrested him in York on Tuesday.",
    I("attack", "Leeds"),
    I("arrest", "York"),
)
inc(
    "incident every event",
    "Gunmen attacked a bus in Kaduna, and troops arrested three suspects in Zaria.",
    I("attack", "Kaduna"),
    I("arrest", "Zaria"),
)
inc(
    "incident every event",
    "A fire broke out in Lagos on Monday. Separately, a bridge collapsed in Ibadan "
    "and a truck crashed in Abeokuta.",
    I("fire", "Lagos"),
    I("crash", "Abeokuta"),
    extra_ok=True,
)
inc(
    "incident most specific place",
    "In Kenya, police arrested five men in Nakuru on Friday.",
    I("arrest", "Nakuru"),
)
inc(
    "incident most specific place",
    "A bomb exploded in Peshawar, Pakistan, killing four people.",
    I("attack", "Peshawar"),
)
inc(
    "incident most specific place",
    "Floods swept through the Mirpur district of Dhaka on Monday.",
    I("flood", "Dhaka"),
)
inc(
    "incident facility at town",
    "A fire destroyed a warehouse at the port of Durban on Sunday.",
    I("fire", "Durban"),
)
inc(
    "incident facility at town",
    "Gunmen attacked a police station in Maiduguri on Monday.",
    I("attack", "Maiduguri"),
)
inc("incident country alone", "Kenya has seen many protests in recent years.")
inc("incident country alone", "The government of Peru condemned the violence.")
inc("incident country alone", "France said it would send aid after the attacks.")
inc(
    "incident actor noun phrase",
    "Police arrested a 23-year-old man in Leeds on Tuesday.",
    I("arrest", "Leeds", actor="police"),
)
inc(
    "incident actor noun phrase",
    "Armed men stormed a school in Kaduna on Monday.",
    I("attack", "Kaduna", actor="armed men"),
)
inc(
    "incident actor noun phrase",
    "Thousands of teachers protested in Nairobi on Monday.",
    I("protest", "Nairobi", actor="thousands of teachers"),
)
inc(
    "incident planned meeting",
    "The two presidents will meet in Geneva next week.",
    I("meeting/summit", "Geneva", status="planned"),
)
inc(
    "incident planned meeting",
    "Talks between the two sides are scheduled for Friday in Doha.",
    I("meeting/summit", "Doha", status="planned"),
)
inc(
    "incident planned meeting",
    "Leaders of the bloc are to hold a summit in Addis Ababa in March.",
    I("meeting/summit", "Addis Ababa", status="planned"),
)

for etype, sentences in {
    "crash": [
        "A bus crashed into a ravine near Cusco on Monday, killing 12 people.",
        "Two pilots died when their plane crashed in Anchorage on Friday.",
        "A truck overturned on the highway in Nakuru on Sunday.",
    ],
    "collision": [
        "Two trains collided in Alexandria on Friday, killing 40 people.",
        "A collision between a bus and a lorry in Kisumu left 9 dead.",
        "Two ships collided off Singapore on Monday.",
    ],
    "derailment": [
        "A freight train derailed in Lac-Megantic on Saturday.",
        "The derailment of a passenger train in Odisha killed 200 people.",
        "A train carrying fuel derailed near Ohio's East Palestine on Friday.",
    ],
    "fire": [
        "A fire destroyed a market in Kano on Sunday.",
        "Firefighters battled a blaze at a factory in Dhaka on Monday.",
        "A wildfire forced residents out of Paradise, California, on Thursday.",
    ],
    "explosion": [
        "A gas explosion destroyed a building in Lyon on Monday.",
        "An explosion at a chemical plant in Tianjin killed 100 people.",
        "A gas cylinder exploded in a restaurant in Karachi on Friday.",
    ],
    "flood": [
        "Floods swept through Sylhet on Monday, displacing thousands.",
        "Flash flooding hit Valencia on Tuesday night.",
        "Heavy rain flooded large parts of Lagos on Sunday.",
    ],
    "earthquake": [
        "An earthquake struck Kathmandu on Saturday, killing hundreds.",
        "A magnitude 6.1 quake hit Izmir on Friday.",
        "A strong tremor shook Lima on Monday night.",
    ],
    "landslide": [
        "A landslide buried homes in Bududa on Monday.",
        "Mudslides killed 20 people in Freetown on Monday.",
        "A rockslide blocked the road near Interlaken on Sunday.",
    ],
}.items():
    for s in sentences:
        place = {
            "Cusco": "Cusco",
            "Anchorage": "Anchorage",
            "Nakuru": "Nakuru",
            "Alexandria": "Alexandria",
            "Kisumu": "Kisumu",
            "Singapore": "Singapore",
            "Lac-Megantic": "Lac-Mégantic",
            "Odisha": "Odisha",
            "East Palestine": "East Palestine",
            "Kano": "Kano",
            "Dhaka": "Dhaka",
            "Paradise": "Paradise",
            "Lyon": "Lyon",
            "Tianjin": "Tianjin",
            "Karachi": "Karachi",
            "Sylhet": "Sylhet",
            "Valencia": "Valencia",
            "Lagos": "Lagos",
            "Kathmandu": "Kathmandu",
            "Izmir": "Izmir",
            "Lima": "Lima",
            "Bududa": "Bududa",
            "Freetown": "Freetown",
            "Interlaken": "Interlaken",
        }
        name = next(v for k, v in place.items() if k in s)
        inc(f"incident {etype}", s, I(etype, name))

inc(
    "incident explosion no perpetrator",
    "An explosion at a fireworks depot in Tultepec killed 20 people.",
    I("explosion", "Tultepec"),
)
inc(
    "incident explosion no perpetrator",
    "A boiler blew up at a textile mill in Faisalabad on Monday.",
    I("explosion", "Faisalabad"),
)
inc(
    "incident explosion no perpetrator",
    "A blast at a gas station in Makhachkala injured 60 people; officials blamed a leak.",
    I("explosion", "Makhachkala"),
)
inc("incident violence", "Gunmen shot dead three farmers in Jos on Monday.", I("attack", "Jos"))
inc(
    "incident violence",
    "A suicide bomber struck a market in Mogadishu on Friday.",
    I("attack", "Mogadishu"),
)
inc(
    "incident violence",
    "Two men were stabbed outside a bar in Glasgow on Saturday.",
    I("attack", "Glasgow"),
)
inc("incident arrest", "Police detained 14 activists in Minsk on Sunday.", I("arrest", "Minsk"))
inc(
    "incident arrest",
    "A suspect was taken into custody in Denver on Friday.",
    I("arrest", "Denver"),
)
inc(
    "incident arrest",
    "Officers arrested Peter Quill, 31, at his home in Leeds.",
    I("arrest", "Leeds"),
)
inc(
    "incident protest",
    "Thousands rallied in Bangkok on Saturday against the new law.",
    I("protest", "Bangkok"),
)
inc(
    "incident protest",
    "Farmers blocked roads in Lille in a protest over fuel prices.",
    I("protest", "Lille"),
)
inc(
    "incident protest",
    "Students staged a sit-in at the university in Dhaka on Monday.",
    I("protest", "Dhaka"),
)
inc(
    "incident disappearance",
    "Gunmen kidnapped 30 students in Kaduna on Thursday.",
    I("disappearance", "Kaduna"),
)
inc(
    "incident disappearance",
    "A 12-year-old girl went missing in Leicester on Monday.",
    I("disappearance", "Leicester"),
)
inc(
    "incident disappearance",
    "Two aid workers were abducted near Gao on Sunday.",
    I("disappearance", "Gao"),
)
inc(
    "incident evacuation",
    "Authorities evacuated 3,000 residents of Pozzuoli on Monday.",
    I("evacuation", "Pozzuoli"),
)
inc(
    "incident evacuation",
    "Police evacuated a shopping centre in Bristol after a bomb threat.",
    I("evacuation", "Bristol"),
)
inc(
    "incident evacuation",
    "The town of Mariupol was evacuated on Friday.",
    I("evacuation", "Mariupol"),
)
inc(
    "incident meeting",
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday.",
    I("meeting/summit", "Cairo"),
)
inc(
    "incident meeting",
    "Union leaders held talks with employers in Melbourne on Tuesday.",
    I("meeting/summit", "Melbourne"),
)
inc(
    "incident meeting",
    "A regional summit opened in Kigali on Friday.",
    I("meeting/summit", "Kigali"),
)


# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# 7. PROBES, written AFTER reading the extractor (while fixing it): more shapes of the same
#    items. Counted apart ("PROBES" line), never in the BATTERY figure above; items start with
#    "probe". Invented sentences like the rest.

for text, exp in [
    ("The family arrived in Erbil after fleeing Mosul.", [("Mosul", "Erbil")]),
    ("The yacht arrived in Valletta after sailing from Tunis.", [("Tunis", "Valletta")]),
    ("The convoy travelled from the capital, Kampala, to Gulu.", [("Kampala", "Gulu")]),
    ("The convoy left the northern city of Kano for Abuja.", [("Kano", "Abuja")]),
    ("Thousands fled war-torn Khartoum for Port Sudan.", [("Khartoum", "Port Sudan")]),
    ("Aid trucks were sent from Amman to rebel-held Idlib.", [("Amman", "Idlib")]),
    ("The army evacuated residents to Palermo from Naples.", [("Naples", "Palermo")]),
    ("They caught a bus from Warsaw to Berlin.", [("Warsaw", "Berlin")]),
    ("Russian troops pushed into Kharkiv from Belgorod.", [("Belgorod", "Kharkiv")]),
    ("Some 12,000 refugees crossed from Sudan into Chad on Monday.", [("Sudan", "Chad")]),
    ("After a stopover in Doha, the team flew from Oslo to Muscat.", [("Oslo", "Doha", "Muscat")]),
    (
        "The refugees, mostly women, were taken by bus from Lviv to Przemysl.",
        [("Lviv", "Przemysl")],
    ),
    (
        "The minister flew from Rome to Paris, then to Berlin, on Monday.",
        [("Rome", "Paris", "Berlin")],
    ),
    ("Families fled from flood-hit Sylhet to Dhaka.", [("Sylhet", "Dhaka")]),
    ("Fifty soldiers were redeployed from Gao to Timbuktu.", [("Gao", "Timbuktu")]),
    ("She moved to Paris from her native Dakar at 18.", [("Dakar", "Paris")]),
]:
    mv("probe movement shapes", text, *exp)
for text in [
    "The army denied that troops had been sent from Kigali to Goma.",
    "Officials rejected reports that the men fled from Juba to Kampala.",
    "The government is considering sending troops from Nairobi to Mogadishu.",
    "Rumours that the minister had fled to Dubai from Lagos spread quickly.",
    "The talks moved from Geneva to Vienna last year.",
    "Power passed from Paris to Berlin in the 19th century.",
    "The story travelled from Nairobi to London within hours.",
    "Officials said no aid workers had travelled from Juba to Malakal.",
    "Most weekends, the family drives from Leeds to York.",
    "Migrants who travel from Agadez to Tripoli risk death in the desert.",
]:
    mv("probe not a movement", text)
mv(
    "probe sent back",
    "The men were sent back to Kabul from Tehran.",
    M(("Tehran", "Kabul"), mtype="deported"),
)
for text, exp in [
    ("A boiler blew up at a textile mill in Faisalabad on Monday.", [I("explosion", "Faisalabad")]),
    ("Militants blew up a bridge in Kunar on Monday.", [I("attack", "Kunar")]),
    ("Two trains crashed head-on near Larissa on Tuesday.", [I("collision", "Larisa")]),
    ("A freight train jumped the tracks in Toledo on Friday.", [I("derailment", "Toledo")]),
    ("A ferry sank off Zanzibar on Thursday.", [I("crash", "Zanzibar")]),
    ("A car ploughed into pedestrians in Toronto.", [I("crash", "Toronto")]),
    ("A boy was badly hurt in a hit-and-run in Denver.", [I("crash", "Denver")]),
    ("A light aircraft crash-landed near Nairobi.", [I("crash", "Nairobi")]),
    ("Unknown assailants hacked a farmer to death in Makurdi.", [I("attack", "Makurdi")]),
    ("A suspected gunman shot two people in Leeds.", [I("attack", "Leeds")]),
    ("The man suspected in the shooting was arrested in Leeds.", [I("arrest", "Leeds")]),
    (
        "Police arrested 12 protesters in Kano on Saturday.",
        [I("arrest", "Kano"), I("protest", "Kano")],
    ),
    ("Security forces rounded up dozens of suspects in Mosul.", [I("arrest", "Mosul")]),
    ("An aid worker was kidnapped by gunmen in Gao.", [I("disappearance", "Gao")]),
    ("Three hikers have been missing since Sunday near Banff.", [I("disappearance", "Banff")]),
    ("Clashes broke out in Tripoli between rival militias.", [I("attack", "Tripoli")]),
    ("Residents blocked a highway near Lima to protest water cuts.", [I("protest", "Lima")]),
    ("Doctors walked out of hospitals across Nairobi on Monday.", [I("protest", "Nairobi")]),
    ("Authorities evacuated people from low-lying areas of Dhaka.", [I("evacuation", "Dhaka")]),
    (
        "A protest has been called for Saturday in Harare.",
        [I("protest", "Harare", status="planned")],
    ),
    (
        "The summit in Addis Ababa was postponed.",
        [I("meeting/summit", "Addis Ababa", status="planned")],
    ),
    (
        "Ministers will gather in Brussels for a summit.",
        [I("meeting/summit", "Brussels", status="planned")],
    ),
    (
        "Authorities ordered residents of Pozzuoli to evacuate.",
        [I("evacuation", "Pozzuoli", status="planned")],
    ),
    (
        "Thousands were told to evacuate Kherson ahead of the offensive.",
        [I("evacuation", "Kherson", status="planned")],
    ),
    (
        # (the weapon is no actor: the guideline's actor is who did it, and nothing says)
        "A roadside bomb went off in Kandahar on Monday.",
        [I("attack", "Kandahar")],
    ),
    ("A bridge collapsed in Genoa, killing 43 people.", []),
    ("A stampede at a stadium in Conakry killed 56 people.", []),
    ("Organisers cancelled a rally in Lagos.", []),
    ("The argument blew up on social media in Lagos.", []),
    ("The arresting officer in Leeds said the man was calm.", []),
    ("Police denied that officers shot a man in Leeds.", []),
]:
    inc("probe incident shapes", text, *exp)


def _norm(s: str | None) -> str:
    s = (s or "").strip().lower()
    for det in ("the ", "a ", "an "):
        if s.startswith(det):
            s = s[len(det) :]
    return s


def _plain(name: str) -> str:
    """A name without accents or case: "Montréal" and "Montreal" are one."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return SPELLINGS.get(plain, plain)


#: the gazetteer's spelling -> the one the battery writes
SPELLINGS = {
    "mykolayiv": "mykolaiv",
    "sevilla": "seville",
    "zaporizhzhya": "zaporizhzhia",
    "mek'ele": "mekelle",
    "darnah": "derna",
    "samara": "semera",
    "cebu city": "cebu",
}


def _path(e: M) -> tuple[str, ...]:
    return tuple(_plain(n) for n in e.path)


def check(p: Pipeline, case: Case) -> tuple[bool, bool, str]:
    """(passed, type differs, what came out)."""
    body = (HEADER if case.header else "") + case.text
    ex = p.extract(parse_document(body.encode(), "t.txt"))
    got_m = {tuple(_plain(pl.name) for pl in m.path): m for m in ex.movements}
    got_i = [(i.event_type, _plain(i.place.name), i) for i in ex.incidents]
    ok, tdiff = True, False
    if case.movements is not None:
        if set(got_m) != {_path(e) for e in case.movements}:
            ok = False
        else:
            for e in case.movements:
                m = got_m[_path(e)]
                if (m.status, m.origin_inferred, m.destination_inferred) != (e.status, e.oi, e.di):
                    ok = False
                if e.mtype and m.movement_type != e.mtype:
                    tdiff = True
    if case.incidents is not None:
        pairs = {(t, n) for t, n, _ in got_i}
        want = {(e.etype, _plain(e.place)) for e in case.incidents}
        if not (want <= pairs if case.extra_ok else want == pairs):
            ok = False
        for e in case.incidents:
            for t, n, i in got_i:
                if (t, n) == (e.etype, _plain(e.place)):
                    if e.status and i.status != e.status:
                        ok = False
                    if e.actor and _norm(i.actor1) != _norm(e.actor):
                        ok = False
    shown = "; ".join(
        f"{'/'.join(k)} {m.movement_type} {m.status}{' oi' if m.origin_inferred else ''}"
        f"{' di' if m.destination_inferred else ''}"
        for k, m in got_m.items()
    )
    shown += " | " + "; ".join(f"{t}@{n} {i.status} actor={i.actor1!r}" for t, n, i in got_i)
    return ok, tdiff, shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fails", action="store_true", help="print what came out for failures")
    ap.add_argument("--item", default="", help="only items containing this text")
    ap.add_argument("--by-verb", action="store_true", help="group verb items by verb, not form")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        p = Pipeline(
            Settings(gazetteer=DEFAULT_DATA_DIR / "gazetteer.sqlite", cache=Path(tmp) / "c.sqlite")
        )
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        fails: list[str] = []
        for case in CASES:
            if args.item not in case.item:
                continue
            ok, tdiff, shown = check(p, case)
            t = tally[case.item]
            t[0] += ok
            t[1] += 1
            t[2] += tdiff
            if not ok:
                fails.append(f"  [{case.item}] {case.text!r}\n      -> {shown}")
        p.close()
    total = [0, 0, 0]
    probes = [0, 0]
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, (ok, n, td) in tally.items():
        print(f"{item:40s} {ok:3d}/{n:<3d}" + (f"  type differs {td}" if td else ""))
        if item.startswith("probe"):
            probes[0] += ok
            probes[1] += n
            continue
        total[0] += ok
        total[1] += n
        total[2] += td
        head = item.split(" (")[0] if item.startswith("verb") else item.split()[0]
        if item.startswith("verb"):
            head = "verb forms " + item.split("(")[-1].rstrip(")")
        groups[head][0] += ok
        groups[head][1] += n
    print()
    for g, (ok, n) in sorted(groups.items()):
        print(f"GROUP {g:34s} {ok:3d}/{n:<3d}")
    if total[1]:
        print(
            f"BATTERY {total[0]}/{total[1]} = {total[0] / total[1]:.3f}  (type differs {total[2]})"
        )
    if probes[1]:
        print(f"PROBES (written after reading the extractor) {probes[0]}/{probes[1]}")
    if args.fails:
        print("\n".join(fails))


if __name__ == "__main__":
    main()
