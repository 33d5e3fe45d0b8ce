"""Where bench/movement_stages.py says an annotated movement was lost: each stage on an
invented report, through the real pipeline."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from geomap.model import Document

from ..support.bench import load_bench

stages = load_bench("movement_stages")
ev = stages.ev

OSLO = {"name": "Oslo", "lat": 59.91273, "lon": 10.74609, "kind": "city", "country": "NO"}
BERGEN = {"name": "Bergen", "lat": 60.39299, "lon": 5.32415, "kind": "city", "country": "NO"}
PARIS = {"name": "Paris", "lat": 48.85341, "lon": 2.3488, "kind": "city", "country": "FR"}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, gazetteer_path):  # type: ignore[no-untyped-def]
    from geomap.pipeline import Pipeline
    from geomap.settings import Settings

    p = Pipeline(
        Settings(gazetteer=gazetteer_path, cache=tmp_path_factory.mktemp("st") / "cache.sqlite")
    )
    yield p
    p.close()


def _at(text: str, word: str, place: dict[str, Any], **kw: Any) -> dict[str, Any]:
    start = text.index(word)
    return dict(place, start=start, end=start + len(word), **kw)


def _stage(pipeline: Any, text: str, trigger: str, origin: dict, destination: dict) -> str:
    rec = {
        "origin": origin,
        "vias": [],
        "destination": destination,
        "movement_type": "travelled",
        "evidence": [text.index(trigger), text.index(trigger) + len(trigger)],
    }
    probe = stages.Probe()
    undo = probe.install()
    try:
        ex = pipeline.extract(Document(id="d", path="d", text=text))
    finally:
        undo()
    (gold,) = ev.gold_moves({"movements": [rec]})
    return stages.classify(rec, gold, text, ex, probe)


def test_each_stage_where_a_movement_is_lost(pipeline: Any) -> None:
    text = "The delegation is in Oslo and Bergen this week."
    got = _stage(pipeline, text, "is", _at(text, "Oslo", OSLO), _at(text, "Bergen", BERGEN))
    assert got == "no trigger"
    text = "The delegation flew from Qzxvik to Bergen on Monday."
    got = _stage(pipeline, text, "flew", _at(text, "Qzxvik", OSLO), _at(text, "Bergen", BERGEN))
    assert got == "not recognised"
    text = "The delegation flew from Oslo to Bergen on Monday."
    got = _stage(pipeline, text, "flew", _at(text, "Oslo", PARIS), _at(text, "Bergen", BERGEN))
    assert got == "resolved wrongly"
    text = "The delegation from Oslo flew to Bergen on Monday."  # (an origin, not this one)
    inferred = dict(PARIS, start=None, end=None, inferred=True)
    got = _stage(pipeline, text, "flew", inferred, _at(text, "Bergen", BERGEN))
    assert got == "implicit not inferred"
    text = "Oslo police said the delegation flew to Bergen on Monday."
    got = _stage(pipeline, text, "flew", _at(text, "Oslo", OSLO), _at(text, "Bergen", BERGEN))
    assert got == "not attached"
    text = "The delegation flew from Bergen to Bergen on Monday."  # (no journey: one town)
    first, second = text.index("Bergen"), text.rindex("Bergen")
    got = _stage(
        pipeline,
        text,
        "flew",
        dict(BERGEN, start=first, end=first + 6),
        dict(BERGEN, start=second, end=second + 6),
    )
    assert got == "filtered"
    text = "The delegation did not fly from Oslo to Bergen on Monday."
    got = _stage(pipeline, text, "fly", _at(text, "Oslo", OSLO), _at(text, "Bergen", BERGEN))
    assert got == "not read"


def test_the_check_set_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["movement_stages.py", "--set", "check"])
    with pytest.raises(SystemExit) as exc:
        stages.main()
    assert exc.value.code != 0
