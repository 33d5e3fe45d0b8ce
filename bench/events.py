"""Movement extraction against the hand-coded evaluation set (precision, recall, F1).

    .venv/bin/python bench/events.py [--dir tests/data/events] [--json FILE]

Each ``NN_slug.txt`` in the folder is run through the real pipeline and its movements are
compared with ``expected.json`` (file name -> list of ``{origin, via, destination,
movement_type}``, gazetteer names). A predicted movement matches an expected one when origin
and destination names are equal (compared as gazetteer lookup keys: case, accents and
apostrophes folded); each expected movement matches at most one prediction. The strict score
also requires the via list to be equal. A wrong-direction movement is a prediction whose
origin and destination are an expected movement's destination and origin (target 0).
Prints a per-file table and the totals, then every miss and false positive.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.errors import InputError
from geomap.names.normalise import name_key
from geomap.pipeline import Pipeline
from geomap.reports.text import read_document
from geomap.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "tests" / "data" / "events"


@dataclass(frozen=True, slots=True)
class Move:
    """One movement as names: origin -> via... -> destination."""

    origin: str
    via: tuple[str, ...]
    destination: str
    movement_type: str
    quote: str = ""

    def key(self) -> tuple[str, str]:
        return name_key(self.origin), name_key(self.destination)

    def via_key(self) -> tuple[str, ...]:
        return tuple(name_key(v) for v in self.via)

    def label(self) -> str:
        return " -> ".join((self.origin, *self.via, self.destination)) + f" ({self.movement_type})"


@dataclass(slots=True)
class FileScore:
    """Counts and errors for one report."""

    name: str
    expected: int = 0
    predicted: int = 0
    tp: int = 0
    strict_tp: int = 0
    type_agree: int = 0
    wrong_direction: int = 0
    misses: list[str] = field(default_factory=list)
    type_mismatches: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    error: str | None = None


def prf(tp: int, n_pred: int, n_exp: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; each None where undefined (nothing predicted / expected)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_exp if n_exp else None
    if p is None and r is None:
        return None, None, None  # nothing expected, nothing predicted: nothing to score
    if p is None or r is None or p + r == 0:
        return p, r, 0.0
    return p, r, 2 * p * r / (p + r)


def load_expected(path: Path) -> dict[str, list[Move]]:
    """The hand-coded movements by file name."""
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: [
            Move(m["origin"], tuple(m.get("via", ())), m["destination"], m["movement_type"])
            for m in moves
        ]
        for name, moves in data.items()
    }


def predict(pipeline: Pipeline, path: Path) -> list[Move]:
    """The pipeline's movements for one report."""
    ex = pipeline.extract(read_document(path))
    out = []
    for m in ex.movements:
        names = [pl.name for pl in m.path]
        out.append(Move(names[0], tuple(names[1:-1]), names[-1], m.movement_type, m.quote.text))
    return out


def score(name: str, expected: list[Move], predicted: list[Move]) -> FileScore:
    """Match predictions to expected movements one-to-one and count the errors."""
    s = FileScore(name, expected=len(expected), predicted=len(predicted))
    unmatched = list(range(len(expected)))
    reversed_keys = {(d, o) for o, d in (e.key() for e in expected)}
    for pm in predicted:
        # prefer an expected movement whose via list also agrees
        hits = [i for i in unmatched if expected[i].key() == pm.key()]
        strict = [i for i in hits if expected[i].via_key() == pm.via_key()]
        if hits:
            i = (strict or hits)[0]
            unmatched.remove(i)
            s.tp += 1
            s.strict_tp += bool(strict)
            if expected[i].movement_type == pm.movement_type:
                s.type_agree += 1
            else:
                s.type_mismatches.append(f"{expected[i].label()} predicted as {pm.movement_type}")
            continue
        wrong_way = pm.key() in reversed_keys
        s.wrong_direction += wrong_way
        note = " [WRONG DIRECTION]" if wrong_way else ""
        quote = pm.quote if len(pm.quote) <= 110 else pm.quote[:107] + "..."
        s.false_positives.append(f"{pm.label()}{note}  << {quote} >>")
    s.misses = [expected[i].label() for i in unmatched]
    return s


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.2f}"


def _summary(s: FileScore) -> dict[str, Any]:
    p, r, f = prf(s.tp, s.predicted, s.expected)
    sp, sr, sf = prf(s.strict_tp, s.predicted, s.expected)
    return {
        "expected": s.expected,
        "predicted": s.predicted,
        "matched": s.tp,
        "precision": p,
        "recall": r,
        "f1": f,
        "strict_matched": s.strict_tp,
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": sf,
        "type_agreement": s.type_agree,
        "wrong_direction": s.wrong_direction,
        "misses": s.misses,
        "false_positives": s.false_positives,
        "type_mismatches": s.type_mismatches,
        "error": s.error,
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="reports and expected.json")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the scores as JSON")
    args = ap.parse_args()
    folder: Path = args.dir
    expected = load_expected(folder / "expected.json")
    files = sorted(p for p in folder.glob("*.txt"))
    for name in sorted(set(expected) - {p.name for p in files}):
        print(f"warning: {name} is in expected.json but not in {folder}", file=sys.stderr)
    scores: list[FileScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Settings(cache=Path(tmp) / "cache.sqlite"))
        try:
            for path in files:
                if path.name not in expected:
                    print(f"warning: {path.name} has no entry in expected.json", file=sys.stderr)
                    continue
                try:
                    predicted = predict(pipeline, path)
                except InputError as exc:
                    s = score(path.name, expected[path.name], [])
                    s.error = str(exc)
                else:
                    s = score(path.name, expected[path.name], predicted)
                scores.append(s)
        finally:
            pipeline.close()

    total = FileScore("TOTAL")
    for s in scores:
        total.expected += s.expected
        total.predicted += s.predicted
        total.tp += s.tp
        total.strict_tp += s.strict_tp
        total.type_agree += s.type_agree
        total.wrong_direction += s.wrong_direction

    width = max([len(s.name) for s in scores] + [5])
    head = f"{'file':<{width}}  exp pred  tp     P     R    F1  strictF1 wrongdir"
    print(head)
    print("-" * len(head))
    for s in [*scores, total]:
        if s is total:
            print("-" * len(head))
        p, r, f = prf(s.tp, s.predicted, s.expected)
        sf = prf(s.strict_tp, s.predicted, s.expected)[2]
        print(
            f"{s.name:<{width}} {s.expected:4} {s.predicted:4} {s.tp:3} "
            f"{_fmt(p)} {_fmt(r)} {_fmt(f)}     {_fmt(sf)} {s.wrong_direction:8}"
            + (f"  ERROR: {s.error}" if s.error else "")
        )
    sp, sr, sf = prf(total.strict_tp, total.predicted, total.expected)
    print(
        f"\nstrict (via must match too): matched {total.strict_tp}, "
        f"P {_fmt(sp).strip()} R {_fmt(sr).strip()} F1 {_fmt(sf).strip()}"
    )
    print(f"movement_type agrees on {total.type_agree} of {total.tp} matched movements")
    print(f"wrong-direction movements: {total.wrong_direction} (target 0)")
    for s in scores:
        if s.misses or s.false_positives or s.type_mismatches:
            print(f"\n{s.name}")
            for m in s.misses:
                print(f"  miss: {m}")
            for fp in s.false_positives:
                print(f"  false positive: {fp}")
            for tm in s.type_mismatches:
                print(f"  type differs: {tm}")

    if args.json:
        report = {
            "dir": str(folder),
            "files": {s.name: _summary(s) for s in scores},
            "total": {
                k: v
                for k, v in _summary(total).items()
                if k not in ("misses", "false_positives", "type_mismatches", "error")
            },
        }
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
