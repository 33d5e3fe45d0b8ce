"""Abbreviations of first-level regions, and of words that end sentences without ending them.

For: the tokeniser (an abbreviation keeps its full stop: "Ga.", "Que."), the recogniser (an
abbreviation is a mention of its region: "Macon, Ga.", "Red Deer, Alta."), the resolver (it
looks the region up by its full name in its country) and the gazetteer index (abbreviations
with a full stop inside, "N.C.", "B.C.", are also names of their region). ``SENTENCE_ABBREVIATIONS``
is for the sentence splitter. Entries: the Associated Press's US state abbreviations, the
Canadian Press's province abbreviations, Australian state abbreviations, the traditional
abbreviations of English counties, and Indian states' common initials; the US Postal Service's
and Canada Post's two-letter codes (general knowledge).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """What an abbreviation stands for. ``needs_cue``: it is also an ordinary word, a title or
    a common initialism, so it counts only after a comma or hyphen ("Springfield, Mass.",
    "Lucknow, UP"), or in a text that also spells the region out."""

    name: str
    country_code: str
    needs_cue: bool = False


def _table(country: str, pairs: str, ambiguous: str = "") -> dict[str, Abbreviation]:
    out = {}
    for line in pairs.strip().splitlines():
        abbr, name = line.split("=")
        for a in abbr.split("|"):
            out[a.strip()] = Abbreviation(name.strip(), country, a.strip() in ambiguous.split())
    return out


def _postal(country: str, pairs: str) -> dict[str, Abbreviation]:
    """Codes written in capitals without full stops ("NJ", "BC"): each also an initialism or a
    word, so each needs a cue."""
    out = {}
    for pair in pairs.split():
        code, name = pair.split("=")
        out[code] = Abbreviation(name.replace("_", " "), country, True)
    return out


ABBREVIATIONS: dict[str, Abbreviation] = {
    **_table(
        "US",
        """
        Ala. = Alabama
        Ariz. = Arizona
        Ark. = Arkansas
        Calif.|Cal. = California
        Colo. = Colorado
        Conn. = Connecticut
        Del. = Delaware
        D.C. = District of Columbia
        Fla. = Florida
        Ga. = Georgia
        Ill. = Illinois
        Ind. = Indiana
        Kan.|Kans. = Kansas
        Ky. = Kentucky
        La. = Louisiana
        Md. = Maryland
        Mass. = Massachusetts
        Mich. = Michigan
        Minn. = Minnesota
        Miss. = Mississippi
        Mo. = Missouri
        Mont. = Montana
        Neb.|Nebr. = Nebraska
        Nev. = Nevada
        N.H. = New Hampshire
        N.J. = New Jersey
        N.M. = New Mexico
        N.Y. = New York
        N.C. = North Carolina
        N.D. = North Dakota
        Okla. = Oklahoma
        Ore. = Oregon
        Pa.|Penn. = Pennsylvania
        R.I. = Rhode Island
        S.C. = South Carolina
        S.D. = South Dakota
        Tenn. = Tennessee
        Tex. = Texas
        Vt. = Vermont
        Va. = Virginia
        Wash. = Washington
        W.Va.|W. Va. = West Virginia
        Wis.|Wisc. = Wisconsin
        Wyo. = Wyoming
        """,
        "Miss. Mass. La. Pa. Del. Ind. Ill. Mo. Wash. Cal. Ore. Penn. Va.",
    ),
    # US Postal Service codes (those that are also common words left out: IN, OR, ME, OK, HI)
    **_postal(
        "US",
        """AL=Alabama AK=Alaska AZ=Arizona AR=Arkansas CA=California CO=Colorado
        CT=Connecticut DE=Delaware FL=Florida GA=Georgia ID=Idaho IL=Illinois IA=Iowa
        KS=Kansas KY=Kentucky LA=Louisiana MD=Maryland MA=Massachusetts MI=Michigan
        MN=Minnesota MS=Mississippi MO=Missouri MT=Montana NE=Nebraska NV=Nevada
        NH=New_Hampshire NJ=New_Jersey NM=New_Mexico NY=New_York NC=North_Carolina
        ND=North_Dakota OH=Ohio PA=Pennsylvania RI=Rhode_Island SC=South_Carolina
        SD=South_Dakota TN=Tennessee TX=Texas UT=Utah VT=Vermont VA=Virginia WA=Washington
        WV=West_Virginia WI=Wisconsin WY=Wyoming""",
    ),
    # Canada Post's province codes
    **_postal(
        "CA",
        """AB=Alberta BC=British_Columbia MB=Manitoba NB=New_Brunswick
        NL=Newfoundland_and_Labrador NS=Nova_Scotia PE=Prince_Edward_Island
        PEI=Prince_Edward_Island QC=Quebec SK=Saskatchewan""",
    ),
    # Australian states' short forms without full stops
    **_postal(
        "AU",
        "VIC=Victoria QLD=Queensland TAS=Tasmania NT=Northern_Territory"
        " ACT=Australian_Capital_Territory",
    ),
    **_table(
        "CA",
        """
        Alta. = Alberta
        B.C. = British Columbia
        Man. = Manitoba
        N.B. = New Brunswick
        Nfld.|N.L. = Newfoundland and Labrador
        N.S. = Nova Scotia
        Ont. = Ontario
        P.E.I. = Prince Edward Island
        Que. = Quebec
        Sask. = Saskatchewan
        N.W.T. = Northwest Territories
        Y.T. = Yukon
        """,
        "Man.",
    ),
    **_table(
        "AU",
        """
        N.S.W.|NSW = New South Wales
        Qld|Qld. = Queensland
        Vic. = Victoria
        Tas. = Tasmania
        W.A. = Western Australia
        S.A. = South Australia
        N.T. = Northern Territory
        A.C.T. = Australian Capital Territory
        """,
        "Vic. Tas. W.A. S.A. N.T.",
    ),
    **_table(
        "GB",
        """
        Hants = Hampshire
        Lancs = Lancashire
        Herts = Hertfordshire
        Glos = Gloucestershire
        Oxon = Oxfordshire
        Beds = Bedfordshire
        Bucks = Buckinghamshire
        Berks = Berkshire
        Notts = Nottinghamshire
        Northants = Northamptonshire
        Wilts = Wiltshire
        Staffs = Staffordshire
        Worcs = Worcestershire
        Warks = Warwickshire
        Cambs = Cambridgeshire
        Leics = Leicestershire
        Lincs = Lincolnshire
        """,
        "Beds Bucks Berks",
    ),
    **_table(
        "IN",
        """
        UP|U.P. = Uttar Pradesh
        MP|M.P. = Madhya Pradesh
        J&K = Jammu and Kashmir
        HP|H.P. = Himachal Pradesh
        AP|A.P. = Andhra Pradesh
        TN = Tamil Nadu
        WB = West Bengal
        """,
        "UP U.P. MP M.P. HP H.P. AP A.P. TN WB",
    ),
}

# Abbreviations after whose full stop a sentence goes on (for the sentence splitter).
SENTENCE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt gov sen rep prof jr sr inc corp ltd co no vs etc u.s "
    "u.k u.n jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Clock abbreviations ("7:30 a.m."): the sentence goes on after their full stop only when a
# weekday, a month, a time zone or a word of the clock follows ("at 9 p.m. Friday", "6 a.m. EST");
# otherwise the full stop also ends the sentence ("... until 9 p.m. Officers said ...").
CLOCK_ABBREVIATIONS = frozenset({"a.m", "p.m"})
CLOCK_FOLLOWERS = frozenset(
    "et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest local today tonight "
    "yesterday tomorrow".split()
)
