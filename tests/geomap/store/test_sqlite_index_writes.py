"""What a write transaction leaves in the SQLite store's indexes -- the R*Trees (``items_space``,
``items_time``), the grid (``items_grid``) and the zoomed-out tiles' point aggregate
(``tile_cells``, ``tile_points``) -- is what merging every stored report afresh gives, after
merges that move nothing (the writer then leaves an item's entries as they are), merges that
move an item or change its type, re-extractions, several documents in one transaction and
removals. The features are invented."""

from __future__ import annotations

import math
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.db import immediate
from geomap.features.features import LAYERS
from geomap.store.base import Addition
from geomap.store.sqlite import SQLiteStore, _functions, rebuild_items

from ...synthetic import invented_document as document
from ...synthetic import invented_feature as feature


def _reports(
    doc: str, confidence: int, moved: bool, retyped: bool, redated: bool
) -> dict[str, Any]:
    """Six features every document reports (two per layer), from ``doc`` with this
    ``confidence``: ``moved`` half a degree east, ``retyped`` incidents of another type,
    ``redated`` a month later."""
    out: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
    for i in range(6):
        layer = LAYERS[i % 3]
        f = feature(layer, i, doc, confidence)
        if moved:
            g = f["geometry"]
            if g["type"] == "Point":
                g["coordinates"] = [g["coordinates"][0] + 0.5, g["coordinates"][1]]
            else:
                g["coordinates"] = [[x + 0.5, y] for x, y in g["coordinates"]]
        if retyped and layer == "incidents":
            f["properties"]["event_type"] = "invented-kind"
        if redated:
            for key in ("date_start", "date_end", "event_date", "published"):
                if f["properties"].get(key):
                    day = date.fromisoformat(f["properties"][key]) + timedelta(days=30)
                    f["properties"][key] = day.isoformat()
        out[layer].append(f)
    return out


def _indexes(con: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every index entry by the (layer, id) of its item (None: an entry of no item)."""
    return {
        name: con.execute(sql).fetchall()
        for name, sql in {
            "items": "SELECT layer, id, seq, point, minx, miny, maxx, maxy, t0, t1, event_type"
            " FROM items ORDER BY layer, id",
            "space": "SELECT i.layer, i.id, s.minx, s.maxx, s.miny, s.maxy, s.l0, s.l1"
            " FROM items_space s LEFT JOIN items i ON i.seq = s.id ORDER BY 1, 2, 3",
            "time": "SELECT i.layer, i.id, t.t0, t.t1, t.l0, t.l1"
            " FROM items_time t LEFT JOIN items i ON i.seq = t.id ORDER BY 1, 2, 3",
            "grid": "SELECT g.cell, i.layer, i.id, g.minx, g.maxx, g.miny, g.maxy"
            " FROM items_grid g LEFT JOIN items i ON i.seq = g.seq ORDER BY 1, 2, 3",
            "cells": "SELECT layer, z, cx, cy, kind, n, sx, sy FROM tile_cells WHERE n != 0"
            " ORDER BY 1, 2, 3, 4, 5",
            "points": "SELECT layer, z, cx, cy, kind, n, sx, sy FROM tile_points WHERE n > 0"
            " ORDER BY 1, 2, 3, 4",
        }.items()
    }


def _same(kept: list[tuple[Any, ...]], rebuilt: list[tuple[Any, ...]]) -> bool:
    """Rows equal but for the rounding of summed coordinates (the last two columns)."""
    return len(kept) == len(rebuilt) and all(
        a[:-2] == b[:-2]
        and all(
            math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-3)
            for x, y in zip(a[-2:], b[-2:], strict=True)
        )
        for a, b in zip(kept, rebuilt, strict=True)
    )


def _rebuilt(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The indexes of a copy of the store at ``path`` merged afresh from its reports."""
    copy = path.with_name("rebuilt.sqlite")
    copy.unlink(missing_ok=True)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(copy, isolation_level=None)
    try:
        src.backup(dst)
        with immediate(_functions(dst)):
            rebuild_items(dst)
        return _indexes(dst)
    finally:
        src.close()
        dst.close()


STEP = st.one_of(
    # documents (0..3) added or re-extracted in one transaction
    st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from([30, 50, 70]), *[st.booleans()] * 3),
        min_size=1,
        max_size=3,
    ),
    st.integers(0, 3),  # a document removed
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=2, max_size=6))
def test_every_write_leaves_the_indexes_a_rebuild_gives(
    tmp_path_factory: pytest.TempPathFactory, steps: list[Any]
) -> None:
    path = tmp_path_factory.mktemp("writes") / "store.sqlite"
    store = SQLiteStore(path)
    try:
        for step in steps:
            if isinstance(step, int):
                store.remove(f"d{step}")
            else:
                store.add_many(
                    [
                        Addition(document(f"d{d}"), _reports(f"d{d}", c, *changes), "x",
                                 replace=True)
                        for d, c, *changes in step
                    ]
                )  # fmt: skip
            with store._reading() as con:
                kept = _indexes(con)
            rebuilt = _rebuilt(path)
            assert kept["items"] == rebuilt["items"]
            for name in ("space", "time", "grid"):
                assert kept[name] == rebuilt[name], name
            for name in ("cells", "points"):
                assert _same(kept[name], rebuilt[name]), name
    finally:
        store.close()
