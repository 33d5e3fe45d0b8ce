"""The event benchmark's scorer (bench/events.py): matching on places, one-to-one, nearest
first, per-kind tolerances, namesakes, direction, statuses and incidents. Invented records."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from ..support.bench import load_bench

ev = load_bench("events")
Place, Move, Event, Score = ev.PlaceRef, ev.Move, ev.Event, ev.Score

KM_PER_DEG = 111.195  # one degree of latitude on the scorer's sphere


def city(name: str, lat: float, lon: float, gid: str | None = None, cc: str = "AA", **kw):
    return Place(name, lat, lon, "city", geonameid=gid, country=cc, **kw)


def north(p, km: float, **kw):  # a place ``km`` due north of ``p``
    return Place(p.name + "'", p.lat + km / KM_PER_DEG, p.lon, kw.pop("kind", "city"), **kw)


A = city("Aville", 10.0, 20.0, "1")
B = city("Beetown", 12.0, 22.0, "2")
C = city("Ceeford", 14.0, 24.0, "3")


def test_same_id_matches_at_any_distance():
    far = Place("Aville", 40.0, 60.0, "city", geonameid="1", country="AA")
    assert ev.place_cost(A, far) == 0.0


def test_a_country_matches_its_iso_id_at_any_distance():
    gold = Place("Bigland", 40.0, -100.0, "country", geonameid="6252001", country="US")
    pred = ev.PlaceRef.from_place(_place("iso3166-1:US", "country", "US", 10.0, 10.0))
    assert pred.geonameid is None and ev.place_cost(gold, pred) == 0.0
    other = ev.PlaceRef.from_place(_place("iso3166-1:CA", "country", "CA", 41.0, -100.0))
    assert ev.place_cost(gold, other) is None  # a neighbour is never the country


def _place(gid, feature_type, cc, lat=1.0, lon=2.0):
    from geomap.model import Place as GeomapPlace

    return GeomapPlace(gid, "X", feature_type, cc, lat, lon)


def test_region_id_matches_by_iso_code():
    gold = Place("Upper Province", 5.0, 5.0, "region", iso3166_2="AA-UP", country="AA")
    pred = Place("Upper Province", 7.5, 5.0, "region", iso3166_2="AA-UP", country="AA")
    assert ev.place_cost(gold, pred) == 0.0


@pytest.mark.parametrize(
    ("kind", "inside", "outside"),
    [("city", 24.0, 26.0), ("region", 160.0, 162.0)],
)
def test_tolerance_by_kind(kind, inside, outside):
    gold = Place("Somewhere", 0.0, 0.0, kind, country="AA")
    assert ev.place_cost(gold, north(gold, inside, country="AA")) == pytest.approx(inside, 0.01)
    assert ev.place_cost(gold, north(gold, outside, country="AA")) is None


def test_country_tolerance_grows_with_area():
    small = Place("Smallland", 48.0, 2.0, "country", country="FR")  # 547,030 km2 -> 500 km
    big = Place("Bigland", 40.0, -100.0, "country", country="US")  # 9.6M km2 -> ~1,550 km
    assert ev.tolerance_km(small) == 500.0
    assert 1500 < ev.tolerance_km(big) < 1600
    assert ev.place_cost(small, north(small, 600, country="FR")) is None
    assert ev.place_cost(big, north(big, 1400, country="US")) is not None


def test_own_tolerance_wins():
    gold = Place("Greater Region", 0.0, 0.0, "region", tolerance_km=1000.0)
    assert ev.place_cost(gold, north(gold, 900)) is not None


def test_namesake_in_another_country_is_wrong_even_when_near():
    gold = city("Twinford", 10.0, 20.0, "7", cc="AA")
    across_border = Place("Twinford", 10.05, 20.0, "city", geonameid="8", country="BB")
    assert ev.distance_km(gold, across_border) < 25
    assert ev.place_cost(gold, across_border) is None


def test_namesake_in_the_same_country_beyond_tolerance_is_wrong():
    gold = city("Manor", 51.35, 1.35, None, cc="GB")
    namesake = city("Manor", 50.95, -2.27, "999", cc="GB")
    assert ev.place_cost(gold, namesake) is None


def test_matching_is_one_to_one_and_globally_nearest_first():
    # p0 is nearer to gold 0 than to gold 1, but p1 is nearer still to gold 0 and cannot be
    # gold 1: taking predictions in order would leave p1 unmatched
    g0 = Place("G0", 0.0, 0.0, "city")
    g1 = Place("G1", 0.0, 30 / KM_PER_DEG, "city")
    p0 = Place("P0", 0.0, 10 / KM_PER_DEG, "city")  # 10 km from g0, 20 km from g1
    p1 = Place("P1", 0.0, -2 / KM_PER_DEG, "city")  # 2 km from g0, 32 km from g1
    pairs = ev.match([g0, g1], [p0, p1], ev.place_cost)
    assert pairs == [(0, 1), (1, 0)]
    # one prediction cannot match two annotations
    assert ev.match([g0, g0], [p1], ev.place_cost) == [(0, 0)]


def _moves(expected, predicted):
    s = Score("x")
    ev.score_movements(s, expected, predicted)
    return s


def test_movement_matches_on_places_not_names():
    renamed = Move(
        Place("A-ville (alt. spelling)", 10.01, 20.0, "city", country="AA"),
        (),
        Place("B", 12.0, 22.0, "city", geonameid="2", country="AA"),
        "fled",
    )
    s = _moves([Move(A, (), B, "fled")], [renamed])
    assert (s.m_tp, s.m_type, s.wrong_direction) == (1, 1, 0)


def test_wrong_direction_is_counted_and_not_matched():
    s = _moves([Move(A, (), B, "travelled")], [Move(B, (), A, "travelled")])
    assert (s.m_tp, s.m_pred, s.wrong_direction) == (0, 1, 1)
    assert any("WRONG DIRECTION" in e for e in s.errors)


def test_namesake_endpoint_makes_a_movement_wrong():
    elsewhere = city("Beetown", -30.0, 150.0, "22", cc="ZZ")
    s = _moves([Move(A, (), B, "deported")], [Move(A, (), elsewhere, "deported")])
    assert s.m_tp == 0 and s.wrong_direction == 0


def test_strict_score_needs_the_vias_in_order():
    gold = Move(A, (B,), C, "travelled")
    s = _moves([gold], [Move(A, (), C, "travelled")])
    assert (s.m_tp, s.m_strict) == (1, 0)
    s = _moves([gold], [Move(A, (B,), C, "travelled")])
    assert (s.m_tp, s.m_strict) == (1, 1)


def test_type_status_and_inferred_agreement_on_matched_pairs():
    inferred_a = Place(A.name, A.lat, A.lon, "city", geonameid="1", country="AA", inferred=True)
    gold = Move(inferred_a, (), B, "evacuated", "planned")
    s = _moves([gold], [Move(A, (), B, "travelled")])  # today's defaults: reported, explicit
    assert (s.m_tp, s.m_type, s.m_status) == (1, 0, 0)
    assert (s.m_inferred, s.m_endpoints) == (1, 2)
    assert (s.m_exp_explicit, s.m_tp_explicit) == (0, 0)  # an inferred end: not explicit
    s = _moves([Move(A, (), B, "fled"), Move(B, (), C, "fled")], [Move(A, (), B, "fled")])
    assert (s.m_exp_explicit, s.m_tp_explicit) == (2, 1)


def test_nearest_movement_pairs_first_prefers_agreeing_vias_on_ties():
    g_direct, g_via = Move(A, (), C, "travelled"), Move(A, (B,), C, "travelled")
    s = _moves([g_direct, g_via], [Move(A, (B,), C, "travelled"), Move(A, (), C, "travelled")])
    assert (s.m_tp, s.m_strict) == (2, 2)


def _incidents(expected, predicted):
    s = Score("x")
    ev.score_incidents(s, expected, predicted)
    return s


D1, D2, D9 = date(2020, 5, 1), date(2020, 5, 2), date(2020, 5, 9)


def test_incident_needs_type_place_and_overlapping_dates():
    gold = [Event("arrest", A, D1, D2)]
    assert _incidents(gold, [Event("arrest", A, D2, D2)]).i_tp == 1
    assert _incidents(gold, [Event("arrest", A)]).i_tp == 1  # undated: dates not compared
    s = _incidents(gold, [Event("arrest", A, D9, D9)])
    assert (s.i_tp, s.i_type_place, s.i_place) == (0, 1, 1)
    s = _incidents(gold, [Event("attack", A, D1, D1)])
    assert (s.i_tp, s.i_type_place, s.i_place) == (0, 0, 1)
    country = Place("Aland", 15.0, 25.0, "country", geonameid="100", country="AA")
    s = _incidents(gold, [Event("arrest", country, D1, D1)])  # the country, not the town
    assert (s.i_tp, s.i_place) == (0, 0)


def test_movement_like_incidents_are_not_scored_as_incidents():
    s = _incidents([], [Event("flight/defection", A), Event("movement", B), Event("fire", C)])
    assert s.i_pred == 1


def test_a_repeated_incident_is_a_duplicate_and_still_a_false_positive():
    s = _incidents([Event("fire", A, D1, D1)], [Event("fire", A, D1, D1), Event("fire", A)])
    assert (s.i_tp, s.i_pred, s.i_duplicates) == (1, 2, 1)
    assert ev.prf(s.i_tp, s.i_pred, s.i_exp)[0] == 0.5


def test_prf_edge_cases():
    assert ev.prf(0, 0, 0) == (None, None, None)
    assert ev.prf(0, 0, 3) == (None, 0.0, 0.0)
    assert ev.prf(2, 4, 2) == (0.5, 1.0, pytest.approx(2 / 3))


def test_check_set_prints_its_summary_line_only(capsys):
    s = _moves([Move(A, (), B, "fled")], [Move(B, (), C, "fled")])
    line, _ = ev.report_real("check", [s])
    assert capsys.readouterr().out == ""
    assert line.startswith("SET check (1 docs)") and "tp 0" in line
    ev.report_real("dev", [s])
    assert "movement missed" in capsys.readouterr().out


def test_blind_own_set_prints_its_summary_line_only(capsys):
    s = _moves([Move(A, (), B, "fled")], [Move(B, (), C, "fled")])
    line, _ = ev.report_own("events_fresh3", [s], incidents=False)
    assert capsys.readouterr().out == ""
    assert line.startswith("SET events_fresh3 (1 docs)") and "tp 0" in line
    ev.report_own("events_fresh2", [s], incidents=False)
    assert "movement missed" in capsys.readouterr().out


def test_real_records_read_defaults_for_missing_fields():
    place = {"name": "Aville", "lat": 10.0, "lon": 20.0, "kind": "city", "geonameid": 1}
    rec = {
        "movements": [
            {
                "origin": place,
                "vias": [],
                "destination": dict(place, lat=12.0),
                "movement_type": "fled",
            }
        ],
        "incidents": [
            {
                "event_type": "protest",
                "place": place,
                "date_start": "2020-05-01",
                "date_end": "2020-05-02",
                "status": "planned",
            }
        ],
    }
    (m,) = ev.gold_moves(rec)
    (i,) = ev.gold_events(rec)
    assert m.status == "reported" and m.origin.geonameid == "1" and not m.origin.inferred
    assert (i.start, i.end, i.status) == (D1, D2, "planned")


def test_own_folder_incidents_are_optional_and_read_by_file(tmp_path):
    assert ev.load_expected_incidents(tmp_path / "incidents.json") is None
    place = {"name": "Aville", "lat": 10.0, "lon": 20.0, "kind": "city", "geonameid": 1}
    event = {"event_type": "fire", "place": place, "date_start": "2020-05-01", "status": "planned"}
    (tmp_path / "incidents.json").write_text(
        ev.json.dumps({"01_a.txt": [event], "02_b.txt": []}), encoding="utf-8"
    )
    got = ev.load_expected_incidents(tmp_path / "incidents.json")
    assert got is not None and set(got) == {"01_a.txt", "02_b.txt"} and got["02_b.txt"] == []
    (fire,) = got["01_a.txt"]
    assert (fire.event_type, fire.start, fire.end, fire.status) == ("fire", D1, None, "planned")
    assert fire.place.geonameid == "1"


def test_document_is_built_from_the_corpus_text_with_its_date():
    select = load_bench("real_events_select")
    art = select.Article("lgl", "1", "A headline", "2009-03-20", "Body text first. More.")
    doc = ev.document_for(art)
    assert (doc.text, doc.title, doc.published) == (art.text, "A headline", date(2009, 3, 20))
    assert ev.document_for(art, title=False).title is None
    assert doc.path == "lgl:1"


@pytest.mark.parametrize(
    ("gid", "feature_type", "kind", "geonameid", "iso"),
    [
        ("geonames:123", "city", "city", "123", None),
        ("geonames:9", "country", "country", "9", None),
        ("iso3166-2:AA-UP", "admin1", "region", None, "AA-UP"),
        ("admin2:AA:up:low", "admin2", "region", None, None),
        ("street:aville:elm-street", "street", "city", None, None),
        ("facility:aville:bank", "facility", "city", None, None),
        ("iso3166-1:AA", "country", "country", None, None),
    ],
)
def test_pipeline_places_become_comparable_places(gid, feature_type, kind, geonameid, iso):
    from geomap.model import Place as GeomapPlace

    p = ev.PlaceRef.from_place(GeomapPlace(gid, "X", feature_type, "AA", 1.0, 2.0))
    assert (p.kind, p.geonameid, p.iso3166_2, p.country) == (kind, geonameid, iso, "AA")


def test_every_set_of_the_split_can_be_scored():
    """Each set that split.json and split_heldout.json define (dev … dev10, check, check2,
    check3) is a ``--set`` of the bench; of them only the three check sets are hidden."""
    split = ev.json.loads((ev.REAL_DIR / "split.json").read_text(encoding="utf-8"))
    heldout = ev.json.loads((ev.REAL_DIR / "split_heldout.json").read_text(encoding="utf-8"))
    assert set(split) | set(heldout) == set(ev.REAL_SETS)
    assert ev.HIDDEN_SETS & set(ev.REAL_SETS) == {"check", "check2", "check3"}
    assert ev.HELDOUT_SETS == set(heldout)


PLACE_A = {"name": "Ardo", "lat": 10.0, "lon": 20.0, "kind": "city", "country": "AA"}
PLACE_B = {"name": "Bexley", "lat": 12.0, "lon": 22.0, "kind": "city", "country": "AA"}


def _heldout_corpus(tmp_path: Path, name: str = "check2") -> Path:
    """An invented TR-News file and an empty GeoVirus file, and ``<name>.jsonl`` annotating one
    movement and one incident the invented text reports with places no gazetteer holds."""
    text = "Medics from Ardo flew to Bexley on Monday. A fire broke out in Bexley."
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><articles><article docid="7"><title>T</title>'
        f"<dltime>2016-12-12</dltime><text>{text}</text></article></articles>"
    )
    heldout = tmp_path / "heldout"
    heldout.mkdir()
    (heldout / "TR-News.xml").write_text(xml, encoding="utf-8")
    (heldout / "GeoVirus.xml").write_text("<articles></articles>", encoding="utf-8")
    move = {
        "origin": PLACE_A,
        "vias": [],
        "destination": PLACE_B,
        "movement_type": "travelled",
        "evidence": [17, 21],
    }
    fire = {"event_type": "fire", "place": PLACE_B, "evidence": [45, 49]}
    rec = {"corpus": "trnews", "id": "7", "movements": [move], "incidents": [fire]}
    (tmp_path / f"{name}.jsonl").write_text(ev.json.dumps(rec) + "\n", encoding="utf-8")
    return heldout


@pytest.mark.parametrize("name", ["check2", "check3"])
def test_heldout_check_sets_print_only_their_summary_line(name, tmp_path, monkeypatch, capsys):
    heldout = _heldout_corpus(tmp_path, name)
    monkeypatch.setattr(ev, "REAL_DIR", tmp_path)
    argv = ["events.py", "--set", name, "--heldout-path", str(heldout)]
    monkeypatch.setattr(sys, "argv", argv)
    assert ev.main() == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"SET {name} (1 docs) | movements exp 1 ")
    assert "incidents exp 1 " in lines[0]
    assert "missed" not in out and "Ardo" not in out and "Bexley" not in out


def test_dev9_is_read_from_the_heldout_corpora_and_prints_its_errors(tmp_path, monkeypatch, capsys):
    heldout = _heldout_corpus(tmp_path)
    (tmp_path / "check2.jsonl").rename(tmp_path / "dev9.jsonl")
    monkeypatch.setattr(ev, "REAL_DIR", tmp_path)
    argv = ["events.py", "--set", "dev9", "--heldout-path", str(heldout)]
    monkeypatch.setattr(sys, "argv", argv)
    assert ev.main() == 0
    out = capsys.readouterr().out
    assert "== dev9: errors by article" in out and "movement missed: Ardo -> Bexley" in out
    assert "SET dev9 (1 docs) | movements exp 1 " in out


@pytest.mark.parametrize("name", ["check2", "check3"])
@pytest.mark.parametrize("where", [None, "nowhere"])
def test_heldout_set_without_its_corpora_is_one_clear_line(
    name, tmp_path, monkeypatch, capsys, where
):
    argv = ["events.py", "--set", name]
    if where:
        argv += ["--heldout-path", str(tmp_path / where)]
    monkeypatch.setattr(sys, "argv", argv)
    assert ev.main() == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("error:") and "--heldout-path" in line


def test_every_own_folder_is_a_set_of_the_bench():
    """Each ``tests/data/events*`` folder with annotations is scored by ``make bench-events``."""
    data = ev.ROOT / "tests" / "data"
    folders = {p.parent.name for p in data.glob("events*/expected.json")}
    assert folders == set(ev.OWN_SETS)
    assert all(ev.OWN_SETS[name] == data / name for name in folders)


MOVEMENT_TYPES = {"dispatched", "fled", "evacuated", "deported", "crossed", "travelled"}
#: own sets annotated by tests/data/real_events/GUIDELINE.md
GUIDELINE_SETS = {
    "events_fresh3",
    "events_fresh4",
    "events_fresh5",
    "events_fresh6",
    "events_fresh7",
    "events_fresh8",
    "events_fresh9",
    "events_fresh10",
    "events_fresh11",
    "events_fresh12",
    "events_fresh13",
    "events_fresh14",
    "events_fresh15",
}
EVENT_TYPES = set(
    "attack arrest protest disappearance evacuation meeting/summit surveillance crash "
    "collision derailment fire explosion flood earthquake landslide".split()
)


def _assert_place(p, where: str) -> None:
    assert p.kind in {"city", "region", "country"}, where
    assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, where
    assert p.geonameid or p.iso3166_2 or p.kind == "city", where  # a hand-placed town only


@pytest.mark.parametrize("name", sorted(ev.OWN_SETS))
def test_own_set_annotates_every_report_by_the_guideline(name):
    """Every report of the set has its movements (and incidents, where the set annotates
    them: all but the two oldest), in the guideline's types, statuses and place kinds; in a
    set annotated by the guideline, the two endpoints of a movement are distinct places."""
    folder = ev.OWN_SETS[name]
    reports = {p.name for p in folder.glob("*.txt")}
    moves = ev.load_expected(folder / "expected.json")
    incidents = ev.load_expected_incidents(folder / "incidents.json")
    assert set(moves) == reports
    if name in {"events", "events_heldout"}:
        assert incidents is None
        incidents = {}
    else:
        assert incidents is not None and set(incidents) == reports
    for report, ms in moves.items():
        for m in ms:
            where = f"{report}: {m.label()}"
            assert m.movement_type in MOVEMENT_TYPES and m.status in {"reported", "planned"}
            for p in (m.origin, *m.vias, m.destination):
                _assert_place(p, where)
            if name in GUIDELINE_SETS:  # the older sets predate its 25 km rule
                assert ev.place_cost(m.origin, m.destination) is None, where
    for report, events in incidents.items():
        for e in events:
            where = f"{report}: {e.label()}"
            assert e.event_type in EVENT_TYPES and e.status in {"reported", "planned"}, where
            assert (e.start is None) == (e.end is None), where
            assert e.start is None or e.end is None or e.start <= e.end, where
            _assert_place(e.place, where)
