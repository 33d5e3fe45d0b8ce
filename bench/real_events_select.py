"""Which real articles make up the event evaluation set, and which half each is in.

    .venv/bin/python bench/real_events_select.py [--corpora DIR] [--write | --verify]

The rule (fixed before any extractor output on these articles was looked at; recorded in
``tests/data/real_events/GUIDELINE.md``):

1. Articles: every LGL article (``docid``) and every GeoWebNews article (``file``), read from
   ``../shared/corpora`` in place.
2. *Motion* articles: those with at least one sentence that contains a word of
   :data:`MOTION_WORDS` and at least one of the corpus's own gold toponym spans. All other
   articles are *control* candidates.
3. In each corpus, motion articles are ordered by ``sha256("motion:<corpus>:<id>")`` and the
   first :data:`N_MOTION` are taken; controls are ordered by ``sha256("control:<corpus>:<id>")``
   and the first :data:`N_CONTROL` are taken (a seeded random sample that needs no RNG).
4. Split, fixed once: within each (corpus, stratum) cell the chosen articles are ordered by
   ``sha256("split:<corpus>:<id>")`` and dealt alternately to ``dev`` (first) and ``check``.

``--write`` stores the result (ids only, no text) in ``tests/data/real_events/split.json``;
``--verify`` recomputes it from the corpora and fails if the stored file differs. Without
either it prints the counts.

``check2``, a second held-out set (issue 12), comes from news outside LGL and GeoWebNews:
Gritta et al.'s TR-News and GeoVirus, never shipped here and read from ``--heldout-path DIR``
(a folder holding ``TR-News.xml`` and ``GeoVirus.xml``), their gold toponyms read as
``bench/geoparse.py`` reads them. The same rule, fixed before any of their articles was read:
per corpus the first 10 motion and 3 control articles in the orders
``sha256("motion:<corpus>:<id>")`` / ``sha256("control:<corpus>:<id>")``
(corpus ``trnews`` with TR-News' ``docid``, ``geovirus`` with the article's 0-based position).
With ``--heldout-path``, ``--write`` and ``--verify`` act on ``split_heldout.json`` instead.

``check3``, a third held-out set from the same two corpora, and the blind development sets
``dev9``, ``dev10``, ``dev11``, ``dev12`` (and ``dev14``'s TR-News and GeoVirus controls) are
further slices of the same hash orders, each fixed before any of its articles was read
(:data:`HELDOUT_SLICES`), in ``split_heldout.json`` too. ``dev14``'s GeoWebNews controls are in
``split.json``: the set is read from both files. ``dev16`` (:data:`N_MOTION16`) is drawn from
the articles no slice took, with a wider motion test (:func:`is_wide_motion`), since every
motion article of both corpora is in a slice; it is in ``split_heldout.json`` too.
``dev17`` (:data:`N17`, :func:`select_dev17`) takes, per corpus, the first articles in no set
and no audit in the order ``sha256("dev17:<corpus>:<id>")``; only TR-News and GeoVirus have any
left, so it is in ``split_heldout.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SPLIT_FILE = ROOT / "tests" / "data" / "real_events" / "split.json"
CORPUS_FILES = {"lgl": Path("lgl") / "lgl.xml", "gwn": Path("geowebnews") / "GWN.xml"}
HELDOUT_SPLIT_FILE = SPLIT_FILE.with_name("split_heldout.json")
#: the held-out corpora of ``check2``: file names inside ``--heldout-path DIR``
HELDOUT_FILES = {"trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
DRIFT_WINDOW = 300  # as bench/geoparse.py: how far a drifting gold phrase is looked for
GWN_NOT_TOPONYMS = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}

N_MOTION = 50  # per corpus
N_CONTROL = 30  # per corpus
#: ``dev2``, a further development set added after dev and check were fixed: per corpus, the
#: next motion and control articles in the same hash orders (so none is in dev or check).
N_MOTION2 = 20
N_CONTROL2 = 6
#: ``dev3``, added after dev2 (issue 12, movements): per corpus the next motion and control
#: articles after dev2's (GeoWebNews has no motion article left).
N_MOTION3 = 8
N_CONTROL3 = 2
#: ``dev4`` and ``dev5``, added after dev3 (issue 12, movements and incidents): per corpus the
#: next motion and control articles after dev3's, then after dev4's.
N_MOTION4 = 6
N_CONTROL4 = 2
N_MOTION5 = 6
N_CONTROL5 = 2
#: ``dev6`` and ``dev7`` (issue 12, a later session): the same rule, after dev5's and dev6's.
N_MOTION6 = 6
N_CONTROL6 = 2
N_MOTION7 = 6
N_CONTROL7 = 2
#: ``dev8`` (issue 12, a blind set annotated in one session before any extractor output on its
#: articles was looked at): the same rule, after dev7's (GeoWebNews has no motion article left).
N_MOTION8 = 12
N_CONTROL8 = 3
#: ``dev13`` (issue 12, a blind set fixed before any of its articles was read): after dev8's, LGL's
#: last :data:`N_MOTION9` motion articles and :data:`N_CONTROL9` controls per corpus (GeoWebNews
#: has no motion article left).
N_MOTION9 = 10
N_CONTROL9 = 7
#: ``dev14`` (issue 12, a blind set of control articles fixed before any of them was read):
#: GeoWebNews' next :data:`N_CONTROL14` controls after dev13's (no LGL article); its TR-News
#: and GeoVirus controls are the ``dev14`` slice of :data:`HELDOUT_SLICES`. The set lives in
#: both split files; ``bench/events.py`` reads its records from both corpora folders.
N_CONTROL14 = 12
#: ``dev15`` (issue 12, a blind set of LGL controls fixed before any of its articles was read):
#: LGL's next :data:`N_CONTROL15` controls after dev13's in the control hash order, skipping any
#: article an incident audit used (``audit_incidents*.json``) or may use next: the first
#: :data:`N_AUDIT5` LGL articles in no set and no earlier audit in the order
#: ``sha256("audit5:lgl:<id>")`` (ids only; no text was read to fix the slice).
N_CONTROL15 = 24
N_AUDIT5 = 60
AUDIT_GLOB = "audit_incidents*.json"
#: the audit files that existed when ``dev15`` was fixed (a later audit's sample, which avoided
#: dev15, must not move it)
DEV15_AUDITS = (
    "audit_incidents.json",
    "audit_incidents_2.json",
    "audit_incidents_3.json",
    "audit_incidents_4.json",
)
#: The sets drawn from the held-out corpora (issue 12), each slice fixed and committed before
#: any of its articles was read: per corpus ``(skip_motion, n_motion, skip_control, n_control)``
#: in the hash orders above. ``check2`` and ``check3`` are held out (summary line only);
#: ``dev9``, ``dev10``, ``dev11`` and ``dev12`` were annotated blind, scored once, then tuned on.
#: In 1-based positions: TR-News motion 1-10 check2, 11-20 dev9, 21-25 dev10, 26-40 check3 (all
#: 40 used); GeoVirus motion 1-10 check2, 11-20 dev9, 21-30 dev10, 31-45 check3, 46-58 dev12 (all
#: 58 used); TR-News controls 1-3 check2, 4-10 check3, 11-35 dev11, 36-38 dev12; GeoVirus
#: controls 1-3 check2, 4-8 check3, 9-14 dev12; then dev14: TR-News controls 39-46, GeoVirus
#: controls 15-22.
HELDOUT_SLICES: dict[str, dict[str, tuple[int, int, int, int]]] = {
    "check2": {"trnews": (0, 10, 0, 3), "geovirus": (0, 10, 0, 3)},
    "check3": {"trnews": (25, 15, 3, 7), "geovirus": (30, 15, 3, 5)},
    "dev9": {"trnews": (10, 10, 0, 0), "geovirus": (10, 10, 0, 0)},
    "dev10": {"trnews": (20, 5, 0, 0), "geovirus": (20, 10, 0, 0)},
    "dev11": {"trnews": (0, 0, 10, 25)},
    "dev12": {"geovirus": (45, 13, 8, 6), "trnews": (0, 0, 35, 3)},
    "dev14": {"trnews": (0, 0, 38, 8), "geovirus": (0, 0, 14, 8)},
}

#: ``dev16`` (issue 12, a blind movement-rich set fixed before any of its articles was read).
#: Every TR-News and GeoVirus motion article is already in a set (:data:`HELDOUT_SLICES`), so its
#: motion stratum comes from the articles left, all controls: per corpus the first
#: :data:`N_MOTION16` in the motion hash order that are in no set and have a sentence holding a
#: word of :data:`MOTION_WORDS` or :data:`WIDE_MOTION_WORDS` and at least
#: :data:`WIDE_MIN_TOPONYMS` gold toponym spans; then the next :data:`N_CONTROL16` controls after
#: dev14's in the control hash order that are in no set and not taken as motion.
N_MOTION16 = 9
N_CONTROL16 = 2
WIDE_MIN_TOPONYMS = 2
#: ``dev17`` (issue 12, a blind development set fixed before any of its articles was read): per
#: corpus the first ``N17[corpus]`` articles that are in no set (``split.json``,
#: ``split_heldout.json``) and in no audit file (``audit_incidents*.json``,
#: ``audit_movements.json``), in the order ``sha256("dev17:<corpus>:<id>")``, with no motion test.
#: LGL and GeoWebNews have none left (every article is in a set or was audited), so the set lives
#: in ``split_heldout.json`` only.
N17 = {"lgl": 8, "gwn": 8, "trnews": 8, "geovirus": 10}
AUDIT_MOVEMENTS = "audit_movements.json"
#: The base and other forms of issue 12's motion vocabulary that :data:`MOTION_WORDS` leaves out
#: (used by ``dev16`` only, on articles :data:`MOTION_WORDS` does not select).
WIDE_MOTION_WORDS = (
    r"travel\w*|fl(?:y|ies|ying|ights?)|driv(?:e|es|ing)|sail\w*|rid(?:e|es|ing)|rode|walk\w*|"
    r"march\w*|advanc\w*|withdr[ae]w\w*|retreat\w*|go|goes|going|went|gone|mov(?:e|es|ing)|"
    r"return\w*|escap\w*|rescu\w*|send\w*|ship|ships|shipping|carr(?:y|ies|ied|ying)|"
    r"br(?:ing|ings|inging|ought)|t(?:ake|akes|aking|ook|aken)|rush\w*|cross(?:es|ing)?|enter\w*|"
    r"arriv\w*|leav(?:e|es|ing)|left|depart\w*|head(?:s|ing)|visit\w*|mission\w*|route\w*|"
    r"transport\w*|transfer\w*"
)
#: The fixed motion-word list (issue 12's vocabulary, in the inflected forms that report a
#: movement rather than the base forms "take", "bring", "leave", which nearly every article has).
MOTION_WORDS = (
    r"fled|flee|flees|fleeing|escaped|evacuat\w*|airlift\w*|deport\w*|extradit\w*|repatriat\w*|"
    r"expell?ed|expelling|smuggl\w*|traffick\w*|migrat\w*|relocat\w*|flew|flown|"
    r"travell?(?:ed|ing|s)?|trip|trips|journey\w*|voyage\w*|exodus|influx|convoy\w*|"
    r"stopover|layover|en route|\w+-bound|dispatch\w*|deploy\w*|transferr?(?:ed|ing)|"
    r"transport(?:ed|ing)|sailed|drove|driven|marched|crossed|arrived|departed|headed|"
    r"returned|moved|visited|rushed|rescued|shipped|sent"
)
_MOTION = re.compile(rf"\b(?:{MOTION_WORDS})\b", re.I)
_WIDE_MOTION = re.compile(rf"\b(?:{MOTION_WORDS}|{WIDE_MOTION_WORDS})\b", re.I)
# a sentence: a run up to . ! ? or a line break (deliberately simple: only used to find a
# motion word and a gold toponym close together)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A corpus gold toponym: end-exclusive offsets into the article text, and its resolution."""

    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fcode: str | None = None  # LGL only (PPL, ADM1, PCLI, ...)
    country: str | None = None  # LGL only: the country's name as the corpus gives it
    gtype: str | None = None  # GeoWebNews only: Literal, Demonym, Metonymic, ...


@dataclass(slots=True)
class Article:
    """One corpus article: its key, metadata and text (kept in memory only)."""

    corpus: str
    id: str
    title: str | None
    published: str | None  # ISO date, LGL's dltime date part; None for GeoWebNews
    text: str
    golds: list[GoldToponym] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.corpus}:{self.id}"


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_FORMS = (  # (pattern, group of the month name, of the day, of the year)
    (re.compile(rf"\b{_DAY} {_MONTH},? (\d{{4}})\b", re.I), 2, 1, 3),
    (re.compile(rf"\b{_MONTH} {_DAY},? (\d{{4}})\b", re.I), 1, 2, 3),
    (re.compile(rf"\b(\d{{4}}) {_MONTH} {_DAY}\b", re.I), 2, 3, 1),
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def written_date(text: str) -> str | None:
    """The ISO date of a date written in words ("9 Dec 2016", "Dec. 9, 2016 5:10 PM ET",
    "2016 Dec 9"), as TR-News gives its ``dltime``; None when there is none (or only a
    numeric one such as 09/12/2016, whose day and month cannot be told apart)."""
    for rx, mi, di, yi in _DATE_FORMS:
        m = rx.search(text)
        if m:
            month = _MONTHS.index(m.group(mi).lower()[:3]) + 1
            try:
                return date(int(m.group(yi)), month, int(m.group(di))).isoformat()
            except ValueError:
                return None
    return None


def load_lgl(path: Path, corpus: str = "lgl") -> list[Article]:
    """LGL articles (or TR-News', same schema) with title, download date (as the publication
    date: LGL's ISO one; TR-News' also when written in words) and gold toponyms."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        dl = (art.findtext("dltime") or "").strip()
        iso = dl[:10] if re.match(r"\d{4}-\d{2}-\d{2}", dl) else None
        a = Article(
            corpus,
            art.get("docid", ""),
            (art.findtext("title") or "").strip() or None,
            iso if iso or corpus == "lgl" else written_date(dl),
            art.findtext("text") or "",
        )
        for tp in art.iterfind("toponyms/toponym"):
            gaz = tp.find("gaztag")
            a.golds.append(
                GoldToponym(
                    int(tp.findtext("start") or 0),
                    int(tp.findtext("end") or 0),
                    tp.findtext("phrase") or "",
                    _int(gaz.get("geonameid")) if gaz is not None else None,
                    _float(gaz.findtext("lat")) if gaz is not None else None,
                    _float(gaz.findtext("lon")) if gaz is not None else None,
                    gaz.findtext("fcode") if gaz is not None else None,
                    gaz.findtext("country") if gaz is not None else None,
                )
            )
        out.append(a)
    return out


def load_gwn(path: Path) -> list[Article]:
    """GeoWebNews articles (no date) with their toponyms (the non-toponym types left out)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        a = Article(
            "gwn",
            art.get("file", ""),
            (art.findtext("title") or "").strip() or None,
            None,
            art.findtext("text") or "",
        )
        for tp in art.iterfind("toponyms/toponym"):
            gtype = (tp.findtext("type") or "").strip()
            if gtype in GWN_NOT_TOPONYMS:
                continue
            a.golds.append(
                GoldToponym(
                    int(tp.findtext("start") or 0),
                    int(tp.findtext("end") or 0),
                    tp.findtext("extractedName") or "",
                    _int(tp.findtext("geonamesID")),
                    _float(tp.findtext("latitude")),
                    _float(tp.findtext("longitude")),
                    gtype=gtype,
                )
            )
        out.append(a)
    return out


def load_articles(corpora: Path) -> dict[str, Article]:
    """Every article of both corpora by ``"<corpus>:<id>"``."""
    arts = load_lgl(corpora / CORPUS_FILES["lgl"]) + load_gwn(corpora / CORPUS_FILES["gwn"])
    return {a.key: a for a in arts}


def load_geovirus(path: Path) -> list[Article]:
    """GeoVirus articles (no title, no date), each keyed by its 0-based position in the file,
    with its ``<location>`` golds (1-based ``start``/``end`` made 0-based, as geoparse.py)."""
    out = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        a = Article("geovirus", str(n), None, None, art.findtext("text") or "")
        for loc in art.iterfind("locations/location"):
            start = int(loc.findtext("start") or 1) - 1
            end = int(loc.findtext("end") or 1) - 1
            name = loc.findtext("name") or ""
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            a.golds.append(GoldToponym(start, end, name, None, lat, lon))
        out.append(a)
    return out


def realign_golds(article: Article) -> None:
    """Move each gold whose text differs from its phrase to the phrase's nearest occurrence
    within :data:`DRIFT_WINDOW` characters (TR-News' offsets drift in some documents; the same
    repair as bench/geoparse.py's ``check_offsets``); a gold with no occurrence stays put."""
    text = article.text
    for k, g in enumerate(article.golds):
        if not g.phrase or text[g.start : g.end] == g.phrase:
            continue
        lo, hi = max(0, g.start - DRIFT_WINDOW), g.start + len(g.phrase) + DRIFT_WINDOW
        hits = [m.start() for m in re.finditer(re.escape(g.phrase), text[lo:hi])]
        if hits:
            at = lo + min(hits, key=lambda h: abs(lo + h - g.start))
            article.golds[k] = replace(g, start=at, end=at + len(g.phrase))


def load_heldout(folder: Path) -> dict[str, Article]:
    """The held-out corpora of ``check2`` (TR-News and GeoVirus) by ``"<corpus>:<id>"``, read
    from ``folder``. Raises FileNotFoundError naming the first file that is missing."""
    for name in HELDOUT_FILES.values():
        if not (folder / name).is_file():
            raise FileNotFoundError(f"{folder / name} not found")
    arts = load_lgl(folder / HELDOUT_FILES["trnews"], "trnews")
    arts += load_geovirus(folder / HELDOUT_FILES["geovirus"])
    for a in arts:
        realign_golds(a)
    return {a.key: a for a in arts}


def is_motion(article: Article) -> bool:
    """True when one sentence holds both a motion word and a gold toponym span."""
    for s in _SENTENCE.finditer(article.text):
        if _MOTION.search(s.group()) and any(s.start() <= g.start < s.end() for g in article.golds):
            return True
    return False


def is_wide_motion(article: Article) -> bool:
    """True when one sentence holds a word of :data:`MOTION_WORDS` or :data:`WIDE_MOTION_WORDS`
    and at least :data:`WIDE_MIN_TOPONYMS` gold toponym spans (``dev16``'s motion stratum)."""
    for s in _SENTENCE.finditer(article.text):
        if _WIDE_MOTION.search(s.group()):
            n = sum(s.start() <= g.start < s.end() for g in article.golds)
            if n >= WIDE_MIN_TOPONYMS:
                return True
    return False


def _h(*parts: str) -> str:
    return hashlib.sha256(":".join(parts).encode()).hexdigest()


def select(articles: dict[str, Article]) -> dict[str, list[dict[str, str]]]:
    """The selection and its split: ``{"dev": [...], "check": [...]}``, each entry
    ``{corpus, id, stratum}``, in a fixed order."""
    halves: dict[str, list[dict[str, str]]] = {"dev": [], "check": []}
    for corpus in ("lgl", "gwn"):
        arts = [a for a in articles.values() if a.corpus == corpus]
        motion = [a for a in arts if is_motion(a)]
        control = [a for a in arts if not is_motion(a)]
        cells = {
            "motion": sorted(motion, key=lambda a: _h("motion", corpus, a.id))[:N_MOTION],
            "control": sorted(control, key=lambda a: _h("control", corpus, a.id))[:N_CONTROL],
        }
        for stratum, chosen in cells.items():
            ordered = sorted(chosen, key=lambda a: _h("split", corpus, a.id))
            for k, a in enumerate(ordered):
                half = "dev" if k % 2 == 0 else "check"
                halves[half].append({"corpus": corpus, "id": a.id, "stratum": stratum})
    halves["dev2"] = select_dev2(articles)
    halves["dev3"] = select_dev2(
        articles, N_MOTION + N_MOTION2, N_CONTROL + N_CONTROL2, N_MOTION3, N_CONTROL3
    )
    skip_m = N_MOTION + N_MOTION2 + N_MOTION3
    skip_c = N_CONTROL + N_CONTROL2 + N_CONTROL3
    halves["dev4"] = select_dev2(articles, skip_m, skip_c, N_MOTION4, N_CONTROL4)
    halves["dev5"] = select_dev2(
        articles, skip_m + N_MOTION4, skip_c + N_CONTROL4, N_MOTION5, N_CONTROL5
    )
    skip_m += N_MOTION4 + N_MOTION5
    skip_c += N_CONTROL4 + N_CONTROL5
    halves["dev6"] = select_dev2(articles, skip_m, skip_c, N_MOTION6, N_CONTROL6)
    halves["dev7"] = select_dev2(
        articles, skip_m + N_MOTION6, skip_c + N_CONTROL6, N_MOTION7, N_CONTROL7
    )
    skip_m += N_MOTION6 + N_MOTION7
    skip_c += N_CONTROL6 + N_CONTROL7
    halves["dev8"] = select_dev2(articles, skip_m, skip_c, N_MOTION8, N_CONTROL8)
    skip_m += N_MOTION8
    skip_c += N_CONTROL8
    halves["dev13"] = select_dev2(articles, skip_m, skip_c, N_MOTION9, N_CONTROL9)
    skip_c += N_CONTROL9
    halves["dev14"] = select_dev2(articles, 0, skip_c, 0, N_CONTROL14, corpora=("gwn",))
    halves["dev15"] = select_dev15(articles, halves, skip_c)
    dev17 = select_dev17(articles, halves, ("lgl", "gwn"))
    if dev17:  # empty: every LGL and GeoWebNews article is in a set or an audit
        halves["dev17"] = dev17
    return halves


def audited_ids(corpus: str, names: tuple[str, ...] | None = None) -> set[str]:
    """Ids of ``corpus`` used by any incident audit (``audit_incidents*.json``; only the files
    ``names`` when given)."""
    out: set[str] = set()
    for path in sorted(SPLIT_FILE.parent.glob(AUDIT_GLOB)):
        if names is not None and path.name not in names:
            continue
        rows = json.loads(path.read_text(encoding="utf-8"))["articles"]
        out |= {str(r["id"]) for r in rows if r["corpus"] == corpus}
    return out


def audited_keys() -> set[tuple[str, str]]:
    """``(corpus, id)`` of every article any audit file used (incidents and movements)."""
    out = {(c, i) for c in ("lgl", "gwn") for i in audited_ids(c)}
    path = SPLIT_FILE.with_name(AUDIT_MOVEMENTS)
    if path.exists():
        keys = json.loads(path.read_text(encoding="utf-8"))["articles"]
        out |= {(k.split(":", 1)[0], k.split(":", 1)[1]) for k in keys}
    return out


def select_dev17(
    articles: dict[str, Article],
    halves: dict[str, list[dict[str, str]]],
    corpora: tuple[str, ...],
) -> list[dict[str, str]]:
    """``dev17``: per corpus the first ``N17[corpus]`` articles in no set of ``halves`` (nor of
    the other split file) and no audit, in the order ``sha256("dev17:<corpus>:<id>")``; the
    stratum says whether the original motion test (:func:`is_motion`) holds."""
    used = {(r["corpus"], r["id"]) for rows in halves.values() for r in rows}
    for other in (SPLIT_FILE, HELDOUT_SPLIT_FILE):
        if other.exists():
            stored = json.loads(other.read_text(encoding="utf-8"))
            used |= {
                (r["corpus"], r["id"])
                for name, rows in stored.items()
                if name != "dev17"
                for r in rows
            }
    used |= audited_keys()
    out: list[dict[str, str]] = []
    for corpus in corpora:
        free = sorted(
            (a for a in articles.values() if a.corpus == corpus and (corpus, a.id) not in used),
            key=lambda a: _h("dev17", corpus, a.id),
        )[: N17[corpus]]
        out += [
            {"corpus": corpus, "id": a.id, "stratum": "motion" if is_motion(a) else "control"}
            for a in free
        ]
    return out


def select_dev15(
    articles: dict[str, Article], halves: dict[str, list[dict[str, str]]], skip_control: int
) -> list[dict[str, str]]:
    """``dev15``: LGL's next :data:`N_CONTROL15` controls after ``skip_control`` in the control
    hash order, skipping audited articles and the next audit's likely sample (see
    :data:`N_CONTROL15`)."""
    used = {(r["corpus"], r["id"]) for rows in halves.values() for r in rows}
    audited = audited_ids("lgl", DEV15_AUDITS)
    free = [
        a
        for a in articles.values()
        if a.corpus == "lgl" and ("lgl", a.id) not in used and a.id not in audited
    ]
    reserved = {a.id for a in sorted(free, key=lambda a: _h("audit5", "lgl", a.id))[:N_AUDIT5]}
    control = sorted(
        (a for a in articles.values() if a.corpus == "lgl" and not is_motion(a)),
        key=lambda a: _h("control", "lgl", a.id),
    )
    chosen = [a for a in control[skip_control:] if a.id not in audited and a.id not in reserved]
    return [{"corpus": "lgl", "id": a.id, "stratum": "control"} for a in chosen[:N_CONTROL15]]


def select_dev2(
    articles: dict[str, Article],
    skip_motion: int | None = None,
    skip_control: int | None = None,
    n_motion: int | None = None,
    n_control: int | None = None,
    corpora: tuple[str, ...] = ("lgl", "gwn"),
) -> list[dict[str, str]]:
    """``dev2``: per corpus the next :data:`N_MOTION2` motion and :data:`N_CONTROL2` control
    articles after those of dev and check, in the same hash orders (``dev3``: the next ones
    after ``skip_motion`` / ``skip_control``)."""
    skip_m = N_MOTION if skip_motion is None else skip_motion
    skip_c = N_CONTROL if skip_control is None else skip_control
    n_m = N_MOTION2 if n_motion is None else n_motion
    n_c = N_CONTROL2 if n_control is None else n_control
    out: list[dict[str, str]] = []
    for corpus in corpora:
        arts = [a for a in articles.values() if a.corpus == corpus]
        motion = sorted((a for a in arts if is_motion(a)), key=lambda a: _h("motion", corpus, a.id))
        control = sorted(
            (a for a in arts if not is_motion(a)), key=lambda a: _h("control", corpus, a.id)
        )
        for stratum, chosen in (
            ("motion", motion[skip_m : skip_m + n_m]),
            ("control", control[skip_c : skip_c + n_c]),
        ):
            out += [{"corpus": corpus, "id": a.id, "stratum": stratum} for a in chosen]
    return out


def select_heldout(articles: dict[str, Article]) -> dict[str, list[dict[str, str]]]:
    """Every set of :data:`HELDOUT_SLICES`, in its order: per corpus its motion slice, then its
    control slice."""
    halves = {
        name: [
            row
            for corpus, (skip_m, n_m, skip_c, n_c) in cells.items()
            for row in select_dev2(articles, skip_m, skip_c, n_m, n_c, corpora=(corpus,))
        ]
        for name, cells in HELDOUT_SLICES.items()
    }
    halves["dev16"] = select_dev16(articles, halves)
    halves["dev17"] = select_dev17(articles, halves, tuple(HELDOUT_FILES))
    return halves


def select_dev16(
    articles: dict[str, Article], halves: dict[str, list[dict[str, str]]]
) -> list[dict[str, str]]:
    """``dev16``: per held-out corpus, :data:`N_MOTION16` wide-motion articles in no set (motion
    hash order), then :data:`N_CONTROL16` controls in no set after dev14's (control hash order);
    see :data:`N_MOTION16`."""
    used = {(r["corpus"], r["id"]) for rows in halves.values() for r in rows}
    out: list[dict[str, str]] = []
    for corpus in HELDOUT_FILES:
        free = [a for a in articles.values() if a.corpus == corpus and (corpus, a.id) not in used]
        wide = sorted(
            (a for a in free if not is_motion(a) and is_wide_motion(a)),
            key=lambda a: _h("motion", corpus, a.id),
        )[:N_MOTION16]
        taken = {a.id for a in wide}
        control = sorted(
            (a for a in articles.values() if a.corpus == corpus and not is_motion(a)),
            key=lambda a: _h("control", corpus, a.id),
        )
        after = control[_controls_used(corpus) :]
        rest = [a for a in after if (corpus, a.id) not in used and a.id not in taken]
        out += [{"corpus": corpus, "id": a.id, "stratum": "motion"} for a in wide]
        out += [{"corpus": corpus, "id": a.id, "stratum": "control"} for a in rest[:N_CONTROL16]]
    return out


def _controls_used(corpus: str) -> int:
    """How far into ``corpus``'s control hash order the slices of :data:`HELDOUT_SLICES` reach."""
    return max(
        (c[2] + c[3] for cells in HELDOUT_SLICES.values() for k, c in cells.items() if k == corpus),
        default=0,
    )


def dumps_split(halves: dict[str, list[dict[str, str]]]) -> str:
    """The split as JSON, one article per line."""
    parts = []
    for half, rows in halves.items():
        lines = ",\n".join("    " + json.dumps(r) for r in rows)
        parts.append(f'  "{half}": [\n{lines}\n  ]')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument(
        "--heldout-path",
        type=Path,
        metavar="DIR",
        help=f"select check2 and check3 from DIR's TR-News.xml and GeoVirus.xml "
        f"({HELDOUT_SPLIT_FILE.name})",
    )
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write the stored split")
    mode.add_argument("--verify", action="store_true", help="fail if the stored split differs")
    args = ap.parse_args()
    split_file, corpora = SPLIT_FILE, ("lgl", "gwn")
    if args.heldout_path is not None:
        try:
            articles = load_heldout(args.heldout_path)
        except (FileNotFoundError, ET.ParseError) as exc:
            print(f"error: --heldout-path: {exc}", file=sys.stderr)
            return 2
        halves = select_heldout(articles)
        split_file, corpora = HELDOUT_SPLIT_FILE, tuple(HELDOUT_FILES)
    else:
        articles = load_articles(args.corpora)
        halves = select(articles)
    for corpus in corpora:
        n_motion = sum(is_motion(a) for a in articles.values() if a.corpus == corpus)
        n_all = sum(a.corpus == corpus for a in articles.values())
        print(f"{corpus}: {n_all} articles, {n_motion} motion candidates")
    for half, rows in halves.items():
        cells: dict[tuple[str, str], int] = {}
        for r in rows:
            cells[(r["corpus"], r["stratum"])] = cells.get((r["corpus"], r["stratum"]), 0) + 1
        desc = ", ".join(f"{c} {s} {n}" for (c, s), n in sorted(cells.items()))
        print(f"{half}: {len(rows)} articles ({desc})")
    payload = dumps_split(halves)
    if args.write:
        split_file.parent.mkdir(parents=True, exist_ok=True)
        split_file.write_text(payload, encoding="utf-8")
        print(f"wrote {split_file.relative_to(ROOT)}")
    elif args.verify:
        stored = split_file.read_text(encoding="utf-8") if split_file.exists() else ""
        if stored != payload:
            print(f"error: {split_file.relative_to(ROOT)} differs from the rule", file=sys.stderr)
            return 1
        print(f"{split_file.relative_to(ROOT)} matches the rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
