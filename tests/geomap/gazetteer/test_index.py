"""The gazetteer index's packed name keys: what the build writes is what a process reads."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from geomap.gazetteer.gazetteer import Gazetteer
from geomap.gazetteer.index import RECOGNISED_MIN_POPULATION, pack_keys, unpack_keys
from geomap.names.normalise import name_key

_strength = st.integers(min_value=0, max_value=3)


@given(st.dictionaries(st.text(), _strength))
def test_packed_keys_round_trip(rows: dict[str, int]) -> None:
    trie, strong = unpack_keys(dict(pack_keys(rows.items())))
    assert set(trie) == set(rows)
    assert all(key in trie for key in rows)
    assert strong == {key: big for key, big in rows.items() if big}


@given(st.sets(st.text(min_size=1), max_size=50), st.text())
def test_packed_keys_hold_nothing_else(keys: set[str], other: str) -> None:
    trie, _ = unpack_keys(dict(pack_keys((key, 0) for key in keys)))
    assert (other in trie) == (other in keys)
    # a prefix or an extension of a key is not a key (the trie answers whole keys only)
    for key in keys:
        assert (key[:-1] in trie) == (key[:-1] in keys)
        assert (key + "x" in trie) == (key + "x" in keys)


def test_the_built_index_packs_exactly_its_keys_table(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    con = sqlite3.connect(f"file:{gazetteer_path}?mode=ro", uri=True)
    try:
        rows = dict(con.execute("SELECT key, big FROM keys"))
        assert len(rows) > 100_000
        assert set(g.names) == set(rows)  # type: ignore[call-overload]
        assert {k: int(g.strength(k)) for k in rows if g.strength(k)} == {
            k: b for k, b in rows.items() if b
        }
    finally:
        con.close()
        g.close()


def test_towns_cities1000_lacks_are_placed_but_their_names_not_recognised(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    """GeoNames towns of 500 to 1,000 people (in cities500, not cities1000) are candidates for
    a name found by other means, but a name only such towns bear is no recognition key; every
    larger town's own name is one."""
    g = Gazetteer(gazetteer_path)
    con = sqlite3.connect(f"file:{gazetteer_path}?mode=ro", uri=True)
    try:
        heard: dict[int, bool] = {}
        for place, key in con.execute("SELECT place, key FROM names"):
            heard[place] = heard.get(place, False) or key in g.names
        towns = con.execute(
            "SELECT rowid, name, id, population FROM places WHERE feature_type = 'city'"
        ).fetchall()
        unheard = [(name, gid, pop) for rowid, name, gid, pop in towns if not heard[rowid]]
        assert len(unheard) > 10_000
        assert all(pop <= RECOGNISED_MIN_POPULATION for _, _, pop in unheard)
        for name, gid, _ in unheard[:: len(unheard) // 50]:
            assert not g.has(name_key(name))
            assert gid in {row["gazetteer_id"] for row in g.rows(name)}
        primary = dict(con.execute("SELECT place, key FROM names WHERE is_primary = 1"))
        larger = [r for r, _, _, pop in towns if pop > RECOGNISED_MIN_POPULATION]
        assert all(g.has(primary[rowid]) for rowid in larger)
    finally:
        con.close()
        g.close()
