"""Where movement recall is lost, by stage, over every annotated movement of the dev sets.

    .venv/bin/python bench/movement_stages.py [--set dev ...] [--corpora DIR] [--details]
                                              [--heldout-path DIR]

Each annotated movement of the real development sets (``dev`` … ``dev8``, ``dev13``, and
``dev9`` … ``dev12`` and ``dev14`` when ``--heldout-path DIR`` holds their TR-News and GeoVirus
texts; ``check`` sets are refused: their errors are never read) is run through the real pipeline
(``bench/events.py``'s documents and scorer) and put in the first pipeline stage where it is
lost:

- ``found``: the scorer matches it (origin and destination within tolerance);
- ``no trigger``: no motion word of the extractor's vocabulary in the sentence that reports it;
- ``not recognised``: an endpoint stated in the text is no toponym of the geoparser;
- ``resolved wrongly``: an endpoint's toponym resolves to another place (beyond tolerance);
- ``not read``: the sentence is never read for events, or its motion word is dropped as not
  reported (negated, hypothetical, quoted);
- ``implicit not inferred``: an endpoint the annotator inferred from the discourse (actor's
  home, dateline, previous sentence) is not attached;
- ``not attached``: the trigger is kept but a stated endpoint is not one of its places;
- ``filtered``: the trigger holds both endpoints but no movement comes out (same town,
  containment, institution, trade or no-mover filters, merging);
- ``scored wrong``: a movement with these endpoints comes out but is not matched (reversed,
  or its match taken by another annotated movement).

Matched movements whose type or status differ are counted apart (``type differs``,
``status differs``). Prints one table of counts (no text); ``--details`` adds one line per
movement (set, article, endpoint names, stage) for the reader's own diagnosis.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import events as ev  # noqa: E402
from real_events_select import DEFAULT_CORPORA, load_articles, load_heldout  # noqa: E402

DEV_SETS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
)
STAGES = (
    "found",
    "no trigger",
    "not recognised",
    "resolved wrongly",
    "not read",
    "implicit not inferred",
    "not attached",
    "filtered",
    "scored wrong",
)


class Probe:
    """Records what the extractor did in each sentence of one document."""

    def __init__(self) -> None:
        self.read: dict[int, Any] = {}  # sentence start -> its span, when read for events
        self.kept: dict[int, list[tuple[int, int]]] = {}  # sentence start -> kept triggers' spans
        self.ends: dict[int, list[Any]] = {}  # sentence start -> motion triggers after roles
        self.made: dict[int, list[Any]] = {}  # sentence start -> movements made there
        self._current: Any = None  # the sentence being read

    def install(self) -> Callable[[], None]:
        from geomap.events import extract

        sentence, movements_of = extract._sentence, extract._movements_of
        probe = self

        def _sentence(document: Any, sent: Any, *a: Any, **k: Any) -> Any:
            probe.read[sent.start] = sent
            probe._current = sent
            return sentence(document, sent, *a, **k)

        def _movements_of(document: Any, triggers: list[Any], tokens: list[Any], *a: Any) -> Any:
            out = movements_of(document, triggers, tokens, *a)
            sent = probe._current
            probe.kept.setdefault(sent.start, []).extend(
                (sent.start + tokens[t.index].start, sent.start + tokens[t.index].end)
                for t in triggers
            )
            probe.ends.setdefault(sent.start, []).extend(triggers)
            probe.made.setdefault(sent.start, []).extend(out)
            return out

        setattr(extract, "_sentence", _sentence)  # noqa: B010 (a probe, put back by undo)
        setattr(extract, "_movements_of", _movements_of)  # noqa: B010

        def undo() -> None:
            setattr(extract, "_sentence", sentence)  # noqa: B010
            setattr(extract, "_movements_of", movements_of)  # noqa: B010

        return undo


def _has_motion_word(text: str) -> bool:
    from geomap.events import extract
    from geomap.events.clauses import tokenize

    return any(t.motion is not None for t in extract._triggers(tokenize(text), text, set()))


def _matches(gold: ev.PlaceRef, places: list[Any]) -> bool:
    return any(ev.place_cost(gold, ev.PlaceRef.from_place(p)) is not None for p in places)


def classify(gold_rec: dict[str, Any], gold: ev.Move, text: str, ex: Any, probe: Probe) -> str:
    """The first stage at which ``gold`` (not matched by the scorer) is lost."""
    from geomap.geoparse.segment import sentences

    ev_start = gold_rec["evidence"][0]
    sent = next((s for s in sentences(text) if s.start <= ev_start < s.end), None)
    if sent is None or not _has_motion_word(sent.text):
        return "no trigger"
    for role in ("origin", "destination"):
        rec = gold_rec[role]
        if rec.get("inferred") or rec.get("start") is None:
            continue
        here = [t for t in ex.toponyms if t.span.start < rec["end"] and rec["start"] < t.span.end]
        if not here:
            return "not recognised"
        ref = getattr(gold, role)
        if not _matches(ref, [t.place for t in here if t.place is not None]):
            return "resolved wrongly"
    ev_end = gold_rec["evidence"][1]
    if not any(a < ev_end and ev_start < b for a, b in probe.kept.get(sent.start, ())):
        return "not read"  # (its motion word dropped as not reported, or never read)
    triggers = probe.ends[sent.start]
    origins = [m.place for t in triggers for m in t.origins]
    dests = [m.place for t in triggers for m in (*t.destinations, *t.vias)]
    for ref, places in ((gold.origin, origins), (gold.destination, dests)):
        if not _matches(ref, places):
            return "implicit not inferred" if ref.inferred else "not attached"
    made = probe.made.get(sent.start, [])
    for pool in (made, list(ex.movements)):
        if not any(
            _matches(gold.origin, [m.path[0]]) and _matches(gold.destination, [m.path[-1]])
            for m in pool
        ):
            return "filtered"
    return "scored wrong"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--set", action="append", choices=DEV_SETS, dest="sets")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--details", action="store_true", help="one line per annotated movement")
    ap.add_argument(
        "--heldout-path",
        type=Path,
        metavar="DIR",
        help="dev9-dev12 and dev14 texts (TR-News.xml …)",
    )
    args = ap.parse_args()
    default = [n for n in DEV_SETS if n not in ev.HELDOUT_SETS or args.heldout_path is not None]
    sets = args.sets or default
    if ev.HELDOUT_SETS & set(sets) and args.heldout_path is None:
        print(
            "error: --set dev9-dev12, dev14 need --heldout-path DIR (their texts are not shipped)",
            file=sys.stderr,
        )
        return 2
    articles = load_articles(args.corpora)
    if args.heldout_path is not None:
        try:
            articles |= load_heldout(args.heldout_path)
        except (FileNotFoundError, OSError, ET.ParseError) as exc:
            print(f"error: --heldout-path: {exc}", file=sys.stderr)
            return 2
    table: dict[str, Counter[str]] = {}
    extra: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = ev.make_pipeline(tmp)
        try:
            for name in sets:
                counts, other = Counter[str](), Counter[str]()
                for rec in ev.load_real(ev.REAL_DIR / f"{name}.jsonl"):
                    if not rec["movements"]:
                        continue
                    article = articles[f"{rec['corpus']}:{rec['id']}"]
                    probe = Probe()
                    undo = probe.install()
                    try:
                        document = ev.document_for(article)
                        ex = pipeline.extract(document)
                    finally:
                        undo()
                    gold = ev.gold_moves(rec)
                    predicted = [
                        ev.Move(
                            ev.PlaceRef.from_place(m.path[0], m.origin_inferred),
                            tuple(ev.PlaceRef.from_place(p) for p in m.path[1:-1]),
                            ev.PlaceRef.from_place(m.path[-1], m.destination_inferred),
                            m.movement_type,
                            m.status or "reported",
                        )
                        for m in ex.movements
                    ]
                    pairs = dict(ev.match(gold, predicted, ev.move_cost, lambda g, p: 0.0))
                    for gi, g in enumerate(gold):
                        if gi in pairs:
                            stage = "found"
                            p = predicted[pairs[gi]]
                            other["type differs"] += g.movement_type != p.movement_type
                            other["status differs"] += g.status != p.status
                        else:
                            stage = classify(rec["movements"][gi], g, article.text, ex, probe)
                        counts[stage] += 1
                        if args.details:
                            print(f"{name}\t{rec['corpus']}:{rec['id']}\t{g.label()}\t{stage}")
                table[name], extra[name] = counts, other
        finally:
            pipeline.close()
    pooled, pooled_other = Counter[str](), Counter[str]()
    for name in sets:
        pooled.update(table[name])
        pooled_other.update(extra[name])
    rows = [*sets, "pooled"]
    cols = [*STAGES, "type differs", "status differs"]
    print("| stage | " + " | ".join(rows) + " |")
    print("| --- |" + " --- |" * len(rows))
    for c in cols:
        cells = []
        for r in rows:
            src = (pooled, pooled_other) if r == "pooled" else (table[r], extra[r])
            cells.append(str(src[0][c] if c in STAGES else src[1][c]))
        print(f"| {c} | " + " | ".join(cells) + " |")
    totals = [str(sum((pooled if r == "pooled" else table[r]).values())) for r in rows]
    print("| annotated | " + " | ".join(totals) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
