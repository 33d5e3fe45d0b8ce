"""The real-text event set's selection rule and annotation checks (bench/real_events_*.py),
on invented articles."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from ..support.bench import load_bench

sel = load_bench("real_events_select")
ann = load_bench("real_events_annotate")
Article, Gold = sel.Article, sel.GoldToponym


def _article(corpus: str, i: int, text: str, golds=()) -> object:
    return Article(corpus, str(i), None, "2020-05-04", text, list(golds))


def _ardo_articles(motion_text: str) -> dict:
    """Ten invented articles per corpus naming the gold toponym "Ardo": the odd ones report a
    movement (``motion_text``), the even ones do not; keyed as the selection keys them."""
    arts = {}
    for corpus in ("lgl", "gwn"):
        for i in range(10):
            text = motion_text if i % 2 else "Ardo held a fair."
            gold = Gold(text.index("Ardo"), text.index("Ardo") + 4, "Ardo", None, None, None)
            a = _article(corpus, i, text, [gold])
            arts[a.key] = a
    return arts


def test_motion_needs_a_motion_word_and_a_gold_toponym_in_one_sentence():
    text = "The crew flew home. Storms hit Bravia."
    far = _article("lgl", 1, text, [Gold(31, 37, "Bravia", None, None, None)])
    near = _article("lgl", 2, "They fled to Bravia.", [Gold(13, 19, "Bravia", None, None, None)])
    plain = _article("lgl", 3, "Bravia council met.", [Gold(0, 6, "Bravia", None, None, None)])
    assert not sel.is_motion(far)
    assert sel.is_motion(near)
    assert not sel.is_motion(plain)


def test_selection_is_deterministic_and_split_balanced(monkeypatch):
    monkeypatch.setattr(sel, "N_MOTION", 4)
    monkeypatch.setattr(sel, "N_CONTROL", 2)
    arts = _ardo_articles("Crews were sent to Ardo.")
    halves = sel.select(arts)
    assert halves == sel.select(dict(reversed(list(arts.items()))))  # order-independent
    for half in ("dev", "check"):
        rows = halves[half]
        for corpus in ("lgl", "gwn"):
            assert sum(r["corpus"] == corpus and r["stratum"] == "motion" for r in rows) == 2
            assert sum(r["corpus"] == corpus and r["stratum"] == "control" for r in rows) == 1
    dev = {(r["corpus"], r["id"]) for r in halves["dev"]}
    assert dev.isdisjoint((r["corpus"], r["id"]) for r in halves["check"])
    for r in halves["dev"] + halves["check"]:
        assert (int(r["id"]) % 2 == 1) == (r["stratum"] == "motion")
    # dev2: the next articles in the same orders, in neither half
    monkeypatch.setattr(sel, "N_MOTION2", 1)
    monkeypatch.setattr(sel, "N_CONTROL2", 2)
    dev2 = sel.select(arts)["dev2"]
    taken = dev | {(r["corpus"], r["id"]) for r in halves["check"]}
    assert taken.isdisjoint((r["corpus"], r["id"]) for r in dev2)
    for corpus in ("lgl", "gwn"):
        assert sum(r["corpus"] == corpus and r["stratum"] == "motion" for r in dev2) == 1
        assert sum(r["corpus"] == corpus and r["stratum"] == "control" for r in dev2) == 2
    for r in dev2:
        assert (int(r["id"]) % 2 == 1) == (r["stratum"] == "motion")
    # dev3: the next ones after dev2, in none of the others
    monkeypatch.setattr(sel, "N_MOTION3", 1)
    monkeypatch.setattr(sel, "N_CONTROL3", 1)
    dev3 = sel.select(arts)["dev3"]
    taken |= {(r["corpus"], r["id"]) for r in dev2}
    assert taken.isdisjoint((r["corpus"], r["id"]) for r in dev3)
    for corpus in ("lgl", "gwn"):  # 5 motion and 5 control articles per corpus: 4 + 1 and
        # 2 + 2 of them are taken, so one control is left and no motion article
        assert sum(r["corpus"] == corpus and r["stratum"] == "motion" for r in dev3) == 0
        assert sum(r["corpus"] == corpus and r["stratum"] == "control" for r in dev3) == 1
    # dev4 and dev5: what is left after dev3, in none of the others or each other
    monkeypatch.setattr(sel, "N_CONTROL2", 1)  # leaves two controls per corpus after dev2
    monkeypatch.setattr(sel, "N_MOTION3", 0)
    monkeypatch.setattr(sel, "N_CONTROL3", 0)
    for name in ("N_MOTION4", "N_CONTROL4", "N_MOTION5", "N_CONTROL5"):
        monkeypatch.setattr(sel, name, 1)
    later = sel.select(arts)
    earlier = {(r["corpus"], r["id"]) for h in ("dev", "check", "dev2") for r in later[h]}
    dev4 = {(r["corpus"], r["id"]) for r in later["dev4"]}
    dev5 = {(r["corpus"], r["id"]) for r in later["dev5"]}
    assert len(dev4) == len(dev5) == 2  # one control per corpus each; no motion article left
    assert dev4.isdisjoint(dev5) and earlier.isdisjoint(dev4 | dev5)


def test_later_sets_take_the_next_articles_in_the_hash_orders(monkeypatch):
    """dev6, dev7 and dev8 each start where the previous set stopped, per corpus and stratum,
    and a set asking for more articles than are left gets only those left."""
    for name in dir(sel):
        if name.startswith(("N_MOTION", "N_CONTROL")):
            monkeypatch.setattr(sel, name, 0)
    for name, n in (("N_MOTION6", 1), ("N_CONTROL6", 1), ("N_MOTION7", 1), ("N_CONTROL7", 2)):
        monkeypatch.setattr(sel, name, n)
    monkeypatch.setattr(sel, "N_MOTION8", 5)  # only 3 motion articles are left for dev8
    monkeypatch.setattr(sel, "N_CONTROL8", 1)
    arts = _ardo_articles("Medics flew to Ardo.")
    got = sel.select(arts)
    for corpus in ("lgl", "gwn"):

        def order(stratum: str, ids: list[int], corpus: str = corpus) -> list[str]:
            key = lambda i: hashlib.sha256(f"{stratum}:{corpus}:{i}".encode()).hexdigest()  # noqa: E731
            return [str(i) for i in sorted(ids, key=key)]

        motion, control = order("motion", [1, 3, 5, 7, 9]), order("control", [0, 2, 4, 6, 8])

        def ids(half: str, stratum: str, corpus: str = corpus) -> list[str]:
            rows = got[half]
            return [r["id"] for r in rows if r["corpus"] == corpus and r["stratum"] == stratum]

        assert (ids("dev6", "motion"), ids("dev6", "control")) == (motion[:1], control[:1])
        assert (ids("dev7", "motion"), ids("dev7", "control")) == (motion[1:2], control[1:3])
        assert (ids("dev8", "motion"), ids("dev8", "control")) == (motion[2:], control[3:4])


def test_stored_split_sets_are_pairwise_disjoint():
    """No article of the stored split is in two sets (dev … dev8, check)."""
    split = json.loads((Path(__file__).parents[1] / "data/real_events/split.json").read_text())
    assert {"dev", "check", "dev6", "dev7", "dev8", "dev13"} <= split.keys()
    seen: dict[tuple[str, str], str] = {}
    for half, rows in split.items():
        for r in rows:
            key = (r["corpus"], r["id"])
            assert key not in seen, f"{key} in {seen.get(key)} and {half}"
            seen[key] = half


def test_stored_dev8_holds_the_next_twelve_motion_and_three_control_articles():
    split = json.loads((Path(__file__).parents[1] / "data/real_events/split.json").read_text())
    cells: dict[tuple[str, str], int] = {}
    for r in split["dev8"]:
        cells[(r["corpus"], r["stratum"])] = cells.get((r["corpus"], r["stratum"]), 0) + 1
    # GeoWebNews has 54 motion articles, all taken by dev ... dev2: only its controls are left
    assert cells == {("lgl", "motion"): 12, ("lgl", "control"): 3, ("gwn", "control"): 3}


def test_stored_dev13_holds_lgl_last_ten_motion_and_seven_controls_per_corpus():
    split = json.loads((Path(__file__).parents[1] / "data/real_events/split.json").read_text())
    cells: dict[tuple[str, str], int] = {}
    for r in split["dev13"]:
        cells[(r["corpus"], r["stratum"])] = cells.get((r["corpus"], r["stratum"]), 0) + 1
    # LGL has 124 motion articles, 114 taken by dev ... dev8: dev13 takes the 10 left
    assert cells == {("lgl", "motion"): 10, ("lgl", "control"): 7, ("gwn", "control"): 7}


def test_stored_dev15_holds_twenty_four_lgl_controls_none_audited():
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split.json").read_text())
    rows = split["dev15"]
    assert {(r["corpus"], r["stratum"]) for r in rows} == {("lgl", "control")}
    assert len(rows) == 24
    audited = {
        str(a["id"])
        for path in data.glob("audit_incidents*.json")
        for a in json.loads(path.read_text())["articles"]
    }
    assert not {r["id"] for r in rows} & audited


@pytest.mark.parametrize(
    "half", ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev13", "dev15"]
)
def test_annotated_set_covers_its_split_articles_in_order(half):
    """Each development set's annotations are exactly its articles in split.json, in order
    (``check`` is never opened here)."""
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split.json").read_text())
    lines = (data / f"{half}.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [
        (r["corpus"], r["id"]) for r in split[half]
    ]


TEXT = "Police in Ardo arrested a man who had fled from Bexley."
ART = _article("lgl", 7, TEXT, [Gold(10, 14, "Ardo", 4887398, 41.85, -87.65, "PPL", "Ruritania")])


def _rec(**incident):
    place = {"start": 10, "end": 14}
    base = {"event_type": "arrest", "place": place, "evidence": [15, 23]}
    return {"corpus": "lgl", "id": "7", "movements": [], "incidents": [dict(base, **incident)]}


def test_complete_fills_a_place_from_the_gold_toponym():
    out = ann.complete_record(_rec(), {ART.key: ART})
    place = out["incidents"][0]["place"]
    assert place["name"] == "Ardo" and place["source"] == "gold"
    assert (place["geonameid"], place["lat"], place["lon"]) == (4887398, 41.85, -87.65)
    assert place["kind"] == "city" and place["inferred"] is False
    assert out["published"] == "2020-05-04"
    assert out["incidents"][0]["status"] == "reported"


def test_complete_lets_the_annotator_replace_a_namesake_gold(monkeypatch):
    # the corpora's gold coordinates come from this test's own article, not from ../shared
    monkeypatch.setattr(ann, "articles", lambda: {ART.key: ART})
    ann.gold_coordinates.cache_clear()
    monkeypatch.setattr(ann, "gold_coordinates", ann.gold_coordinates.__wrapped__)
    rec = _rec(place={"start": 10, "end": 14, "geonameid": 4242066, "source": "geonames"})
    place = ann.complete_record(rec, {ART.key: ART})["incidents"][0]["place"]
    assert place["geonameid"] == 4242066 and place["country"] == "US"
    assert place["lat"] == pytest.approx(39.55, abs=0.01)


@pytest.mark.parametrize(
    "bad",
    [
        {"event_type": "riot"},
        {"status": "rumoured"},
        {"date_start": "2020-05-04"},
        {"date_start": "2020-05-05", "date_end": "2020-05-04"},
        {"evidence": [40, 400]},
        {"place": {"start": 11, "end": 14}},  # no gold there, no id: unknown place
        {"place": {"name": "Nowhere", "lat": 1.0, "lon": 2.0, "source": "manual"}},  # no kind
    ],
)
def test_complete_rejects_records_against_the_guideline(bad):
    with pytest.raises((ann.Invalid, ValueError)):
        ann.complete_record(_rec(**bad), {ART.key: ART})


def test_movement_with_the_same_place_at_both_ends_is_rejected():
    same = {"start": 10, "end": 14}
    rec = {
        "corpus": "lgl",
        "id": "7",
        "movements": [
            {
                "origin": same,
                "vias": [],
                "destination": dict(same),
                "movement_type": "fled",
                "evidence": [38, 42],
            }
        ],
    }
    with pytest.raises(ann.Invalid):
        ann.complete_record(rec, {ART.key: ART})


# ----------------------------------------------------------------------------- check2 (held out)

TRNEWS_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
{}
</articles>
"""


def _trnews_article(docid: int, text: str, place: str, dltime: str, drift: int = 0) -> str:
    at = text.index(place) + drift
    return (
        f'<article docid="{docid}"><title>T{docid}</title><dltime>{dltime}</dltime>'
        f"<text>{text}</text><toponyms><toponym><start>{at}</start><end>{at + len(place)}</end>"
        f"<phrase>{place}</phrase><gaztag geonameid='{900 + docid}'><lat>1.5</lat>"
        "<lon>2.5</lon></gaztag></toponym></toponyms></article>"
    )


def _geovirus_article(text: str, place: str) -> str:
    at = text.index(place) + 1  # GeoVirus offsets are 1-based
    return (
        f"<article><source>s</source><text>{text}</text><locations><location>"
        f"<name>{place}</name><start>{at}</start><end>{at + len(place)}</end>"
        "<lat>3.0</lat><lon>4.0</lon><page>p</page></location></locations></article>"
    )


def _heldout_dir(tmp_path: Path, n: int = 8) -> Path:
    """Invented TR-News and GeoVirus files: odd articles are motion articles."""
    tr, gv = [], []
    for i in range(n):
        text = "Nurses flew to Ardo on Monday." if i % 2 else "Ardo opened a new library."
        tr.append(_trnews_article(i, text, "Ardo", "Dec. 9, 2016, 5:10 PM EST", drift=3 * (i % 3)))
        gv.append(_geovirus_article(text.replace("Ardo", "Bexley"), "Bexley"))
    (tmp_path / "TR-News.xml").write_text(TRNEWS_XML.format("\n".join(tr)), encoding="utf-8")
    (tmp_path / "GeoVirus.xml").write_text(TRNEWS_XML.format("\n".join(gv)), encoding="utf-8")
    return tmp_path


def test_heldout_corpora_are_read_as_geoparse_reads_them(tmp_path):
    arts = sel.load_heldout(_heldout_dir(tmp_path))
    assert len(arts) == 16
    tr, gv = arts["trnews:5"], arts["geovirus:5"]
    (g,) = tr.golds  # its offsets drifted by 6 characters and are moved back onto the phrase
    assert tr.text[g.start : g.end] == "Ardo" and g.geonameid == 905
    assert tr.published == "2016-12-09" and tr.title == "T5"
    (h,) = gv.golds  # 1-based offsets made 0-based
    assert gv.text[h.start : h.end] == "Bexley" and (h.lat, h.lon) == (3.0, 4.0)
    assert gv.published is None and gv.id == "5"
    assert sel.is_motion(tr) and not sel.is_motion(arts["trnews:4"])


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("17 December 2016 GMT", "2016-12-17"),
        ("3:58 PM ET, Wed December 14, 2016", "2016-12-14"),
        ("2016 Oct 10", "2016-10-10"),
        ("December 9th 2016", "2016-12-09"),
        ("11/28/2016", None),
        ("", None),
    ],
)
def test_written_download_dates_become_iso_dates(written, iso):
    assert sel.written_date(written) == iso


def test_check2_takes_the_first_motion_and_control_articles_in_the_hash_orders(
    tmp_path, monkeypatch
):
    both = {"trnews": (0, 2, 0, 1), "geovirus": (0, 2, 0, 1)}
    monkeypatch.setattr(sel, "HELDOUT_SLICES", {"check2": both})
    arts = sel.load_heldout(_heldout_dir(tmp_path, 10))
    rows = sel.select_heldout(arts)["check2"]
    assert rows == sel.select_heldout(dict(reversed(list(arts.items()))))["check2"]
    for corpus in ("trnews", "geovirus"):

        def first(stratum: str, ids: range, n: int, corpus: str = corpus) -> list[str]:
            key = lambda i: hashlib.sha256(f"{stratum}:{corpus}:{i}".encode()).hexdigest()  # noqa: E731
            return [str(i) for i in sorted(ids, key=key)[:n]]

        got = [(r["id"], r["stratum"]) for r in rows if r["corpus"] == corpus]
        want = [(i, "motion") for i in first("motion", range(1, 10, 2), 2)]
        want += [(i, "control") for i in first("control", range(0, 10, 2), 1)]
        assert got == want


def test_check3_takes_each_corpus_slice_of_the_same_hash_orders(tmp_path, monkeypatch):
    check3 = {"trnews": (1, 2, 1, 1), "geovirus": (2, 1, 0, 2)}
    monkeypatch.setattr(sel, "HELDOUT_SLICES", {"check3": check3})
    arts = sel.load_heldout(_heldout_dir(tmp_path, 10))
    rows = sel.select_heldout(arts)["check3"]
    assert rows == sel.select_heldout(dict(reversed(list(arts.items()))))["check3"]

    def order(stratum: str, corpus: str, ids: range) -> list[str]:
        key = lambda i: hashlib.sha256(f"{stratum}:{corpus}:{i}".encode()).hexdigest()  # noqa: E731
        return [str(i) for i in sorted(ids, key=key)]

    want = [("trnews", i, "motion") for i in order("motion", "trnews", range(1, 10, 2))[1:3]]
    want += [("trnews", i, "control") for i in order("control", "trnews", range(0, 10, 2))[1:2]]
    want += [("geovirus", i, "motion") for i in order("motion", "geovirus", range(1, 10, 2))[2:3]]
    want += [("geovirus", i, "control") for i in order("control", "geovirus", range(0, 10, 2))[0:2]]
    assert [(r["corpus"], r["id"], r["stratum"]) for r in rows] == want


def test_check2_selection_needs_both_heldout_files(tmp_path):
    (tmp_path / "TR-News.xml").write_text(TRNEWS_XML.format(""), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="GeoVirus.xml"):
        sel.load_heldout(tmp_path)


def test_stored_check2_holds_ten_motion_and_three_control_articles_per_corpus():
    data = Path(__file__).parents[1] / "data/real_events"
    rows = json.loads((data / "split_heldout.json").read_text())["check2"]
    cells: dict[tuple[str, str], int] = {}
    for r in rows:
        cells[(r["corpus"], r["stratum"])] = cells.get((r["corpus"], r["stratum"]), 0) + 1
    assert cells == {
        ("trnews", "motion"): 10,
        ("trnews", "control"): 3,
        ("geovirus", "motion"): 10,
        ("geovirus", "control"): 3,
    }
    assert len({(r["corpus"], r["id"]) for r in rows}) == 26


def test_stored_check3_holds_its_slices_and_no_check2_article():
    data = Path(__file__).parents[1] / "data/real_events"
    stored = json.loads((data / "split_heldout.json").read_text())
    rows = stored["check3"]
    cells: dict[tuple[str, str], int] = {}
    for r in rows:
        cells[(r["corpus"], r["stratum"])] = cells.get((r["corpus"], r["stratum"]), 0) + 1
    assert cells == {
        ("trnews", "motion"): 15,
        ("trnews", "control"): 7,
        ("geovirus", "motion"): 15,
        ("geovirus", "control"): 5,
    }
    ids = {(r["corpus"], r["id"]) for r in rows}
    assert len(ids) == 42 and not ids & {(r["corpus"], r["id"]) for r in stored["check2"]}


def test_check2_records_are_its_split_articles_in_order():
    """check2.jsonl annotates exactly the articles of split_heldout.json, in that order."""
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["check2"]
    lines = (data / "check2.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_check3_records_are_its_split_articles_in_order():
    """check3.jsonl annotates exactly the articles of split_heldout.json's check3, in order."""
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["check3"]
    lines = (data / "check3.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_dev9_takes_the_motion_articles_after_check2s_and_no_controls(tmp_path, monkeypatch):
    check2 = {"trnews": (0, 2, 0, 1), "geovirus": (0, 2, 0, 1)}
    dev9 = {"trnews": (2, 2, 0, 0), "geovirus": (2, 2, 0, 0)}
    monkeypatch.setattr(sel, "HELDOUT_SLICES", {"check2": check2, "dev9": dev9})
    arts = sel.load_heldout(_heldout_dir(tmp_path, 12))
    halves = sel.select_heldout(arts)
    for corpus in ("trnews", "geovirus"):
        key = lambda i, c=corpus: hashlib.sha256(f"motion:{c}:{i}".encode()).hexdigest()  # noqa: E731
        order = [str(i) for i in sorted(range(1, 12, 2), key=key)]
        got = [(r["id"], r["stratum"]) for r in halves["dev9"] if r["corpus"] == corpus]
        assert got == [(i, "motion") for i in order[2:4]]
        assert {r["id"] for r in halves["check2"] if r["corpus"] == corpus}.isdisjoint(order[2:4])


def test_dev9_records_are_its_split_articles_in_order():
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["dev9"]
    lines = (data / "dev9.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]
    assert len(split) == 20 and {r["stratum"] for r in split} == {"motion"}


def test_stored_dev10_holds_motion_positions_21_to_25_and_21_to_30(tmp_path, monkeypatch):
    """dev10 takes the motion articles after check2's and a gap, per corpus: TR-News 5 and
    GeoVirus 10, no controls; on an invented corpus the same rule picks those hash positions."""
    data = Path(__file__).parents[1] / "data/real_events"
    rows = json.loads((data / "split_heldout.json").read_text())["dev10"]
    cells = Counter((r["corpus"], r["stratum"]) for r in rows)
    assert cells == {("trnews", "motion"): 5, ("geovirus", "motion"): 10}
    dev10 = {"trnews": (1, 2, 0, 0), "geovirus": (0, 1, 0, 0)}
    monkeypatch.setattr(sel, "HELDOUT_SLICES", {"dev10": dev10})
    arts = sel.load_heldout(_heldout_dir(tmp_path, 10))
    got = sel.select_heldout(arts)["dev10"]
    key = lambda c, i: hashlib.sha256(f"motion:{c}:{i}".encode()).hexdigest()  # noqa: E731
    want = sorted(range(1, 10, 2), key=lambda i: key("trnews", i))[1:3]
    assert [r["id"] for r in got if r["corpus"] == "trnews"] == [str(i) for i in want]


def test_dev10_records_are_its_split_articles_in_order():
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["dev10"]
    lines = (data / "dev10.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_dev12_records_are_its_split_articles_in_order_disjoint_from_the_other_sets():
    """dev12 takes GeoVirus' motion positions 46-58 and controls 9-14 and TR-News' controls
    36-38; its records follow split_heldout.json and share no article with another set."""
    data = Path(__file__).parents[1] / "data/real_events"
    stored = json.loads((data / "split_heldout.json").read_text())
    split = stored["dev12"]
    cells = Counter((r["corpus"], r["stratum"]) for r in split)
    assert cells == {
        ("geovirus", "motion"): 13,
        ("geovirus", "control"): 6,
        ("trnews", "control"): 3,
    }
    ids = {(r["corpus"], r["id"]) for r in split}
    for name, rows in stored.items():
        if name != "dev12":
            assert ids.isdisjoint({(r["corpus"], r["id"]) for r in rows}), name
    lines = (data / "dev12.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_stored_dev14_holds_controls_only_from_three_corpora_disjoint_from_the_other_sets():
    """dev14 takes GeoWebNews' controls 57-68 (split.json) and TR-News' controls 39-46 and
    GeoVirus' 15-22 (split_heldout.json), no LGL article; no article is in another set."""
    data = Path(__file__).parents[1] / "data/real_events"
    stored = json.loads((data / "split.json").read_text())
    stored_heldout = json.loads((data / "split_heldout.json").read_text())
    rows = stored["dev14"] + stored_heldout["dev14"]
    cells = Counter((r["corpus"], r["stratum"]) for r in rows)
    assert cells == {("gwn", "control"): 12, ("trnews", "control"): 8, ("geovirus", "control"): 8}
    ids = {(r["corpus"], r["id"]) for r in rows}
    assert len(ids) == 28
    for name, other in [*stored.items(), *stored_heldout.items()]:
        if name != "dev14":
            assert ids.isdisjoint({(r["corpus"], r["id"]) for r in other}), name
    assert sel.HELDOUT_SLICES["dev14"] == {"trnews": (0, 0, 38, 8), "geovirus": (0, 0, 14, 8)}


def test_dev14_records_are_its_split_articles_in_order():
    """dev14's records follow its GeoWebNews rows (split.json), then its TR-News and GeoVirus
    rows (split_heldout.json)."""
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split.json").read_text())["dev14"]
    split += json.loads((data / "split_heldout.json").read_text())["dev14"]
    lines = (data / "dev14.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_wide_motion_needs_a_wider_motion_word_and_two_gold_toponyms_in_one_sentence():
    """dev16's motion stratum: a base-form motion word ("return") with two gold toponyms in one
    sentence counts; with one toponym, or with two but no motion word, it does not."""
    two = "They will return from Ardo to Bravia."
    golds = [
        Gold(two.index(n), two.index(n) + len(n), n, None, None, None) for n in ("Ardo", "Bravia")
    ]
    assert sel.is_wide_motion(_article("trnews", 1, two, golds))
    assert not sel.is_motion(_article("trnews", 1, two, golds))
    one = "They will return to Bravia."
    gold = Gold(one.index("Bravia"), one.index("Bravia") + 6, "Bravia", None, None, None)
    assert not sel.is_wide_motion(_article("trnews", 2, one, [gold]))
    still = "Ardo and Bravia signed a pact."
    golds = [
        Gold(still.index(n), still.index(n) + len(n), n, None, None, None)
        for n in ("Ardo", "Bravia")
    ]
    assert not sel.is_wide_motion(_article("trnews", 3, still, golds))


def test_stored_dev16_holds_nine_wide_motion_and_two_controls_per_corpus_disjoint():
    """dev16 (split_heldout.json): per held-out corpus 9 motion rows (wide rule) and 2 controls,
    none in another set, none selected by the original motion rule."""
    data = Path(__file__).parents[1] / "data/real_events"
    stored = json.loads((data / "split_heldout.json").read_text())
    rows = stored["dev16"]
    cells = Counter((r["corpus"], r["stratum"]) for r in rows)
    assert cells == {
        ("trnews", "motion"): 9,
        ("trnews", "control"): 2,
        ("geovirus", "motion"): 9,
        ("geovirus", "control"): 2,
    }
    ids = {(r["corpus"], r["id"]) for r in rows}
    assert len(ids) == 22
    for name, other in stored.items():
        if name != "dev16":
            assert ids.isdisjoint({(r["corpus"], r["id"]) for r in other}), name


def test_dev16_records_are_its_split_articles_in_order():
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["dev16"]
    lines = (data / "dev16.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]


def test_stored_dev17_holds_the_first_free_articles_per_held_out_corpus_disjoint():
    """dev17 (split_heldout.json): 8 TR-News and 10 GeoVirus rows, none in another set of
    either split file, none in an audit (LGL and GeoWebNews have none left: split.json has no
    dev17)."""
    data = Path(__file__).parents[1] / "data/real_events"
    stored = json.loads((data / "split_heldout.json").read_text())
    rows = stored["dev17"]
    assert Counter(r["corpus"] for r in rows) == {"trnews": 8, "geovirus": 10}
    ids = {(r["corpus"], r["id"]) for r in rows}
    assert len(ids) == 18
    split = json.loads((data / "split.json").read_text())
    assert "dev17" not in split
    for name, other in [*stored.items(), *split.items()]:
        if name != "dev17":
            assert ids.isdisjoint({(r["corpus"], r["id"]) for r in other}), name
    assert ids.isdisjoint(sel.audited_keys())


def test_dev17_records_are_its_split_articles_in_order():
    data = Path(__file__).parents[1] / "data/real_events"
    split = json.loads((data / "split_heldout.json").read_text())["dev17"]
    lines = (data / "dev17.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert [(r["corpus"], r["id"]) for r in records] == [(r["corpus"], r["id"]) for r in split]
