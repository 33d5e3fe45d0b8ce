"""`geomap correct` and `geomap corrections`, through the installed entry point: corrections
change what every read serves, and survive removing, re-ingesting and re-extracting."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..support import reports
from .test_cli import run

REPORT = (
    "Soldiers were deployed to Lyon on Tuesday after heavy rain, officials said.",
    "About 200 people were evacuated from Marseille to Nice on Wednesday.",
)


def _layer(exe: str, env: dict[str, str], layer: str) -> list[dict]:
    out = run(exe, "export", "--layer", layer, "--format", "geojson", env=env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["features"]


def _by(features: list[dict], key: str, value: str) -> dict:
    return next(f for f in features if f["properties"].get(key) == value)


def test_corrections_stick_across_remove_reingest_and_reextraction(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(reports.html_page(paragraphs=REPORT))
    assert run(geomap_exe, "ingest", str(page), env=env).returncode == 0
    env = dict(env, GEOMAP_AUTHOR="analyst-a")

    lyon = _by(_layer(geomap_exe, env, "places"), "name", "Lyon")
    assert lyon["properties"]["corrected"] is False
    deployment = _by(_layer(geomap_exe, env, "incidents"), "place_name", "Lyon")
    evacuation = _by(_layer(geomap_exe, env, "movements"), "origin", "Marseille")

    # Lyon was the wrong Lyon: move it to coordinates; the incident there moves too
    out = run(geomap_exe, "correct", "move", lyon["id"], "--lonlat", "4.9,45.8", env=env)
    assert out.returncode == 0, out.stderr
    out = run(
        geomap_exe,
        "correct",
        "set",
        deployment["id"],
        "--type",
        "protest",
        "--date",
        "2024-03-01/2024-03-03",
        "--note",
        "a march, not troops",
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert (
        run(geomap_exe, "correct", "hide", "movements", evacuation["id"], env=env).returncode == 0
    )
    # Nice is moved to another gazetteer entry (the one Marseille has): the movement follows
    marseille = _by(_layer(geomap_exe, env, "places"), "name", "Marseille")
    nice = _by(_layer(geomap_exe, env, "places"), "name", "Nice")
    out = run(geomap_exe, "correct", "move", nice["id"], "--to", marseille["id"], env=env)
    assert out.returncode == 0, out.stderr

    def check() -> None:
        places = {f["id"]: f for f in _layer(geomap_exe, env, "places")}
        assert places[lyon["id"]]["geometry"]["coordinates"] == [4.9, 45.8]
        assert places[lyon["id"]]["properties"]["corrected"] is True
        assert places[nice["id"]]["properties"]["gazetteer_id"] == marseille["id"]
        assert places[nice["id"]]["geometry"] == marseille["geometry"]
        assert places[marseille["id"]]["properties"]["corrected"] is False
        incidents = {f["id"]: f for f in _layer(geomap_exe, env, "incidents")}
        fixed = incidents[deployment["id"]]
        assert fixed["geometry"]["coordinates"] == [4.9, 45.8]
        p = fixed["properties"]
        assert (p["event_type"], p["date_start"], p["date_end"], p["time_precision"]) == (
            "protest",
            "2024-03-01",
            "2024-03-03",
            2,
        )
        assert p["corrected"] is True and len(p["corrections"].split(";")) == 2
        assert evacuation["id"] not in {f["id"] for f in _layer(geomap_exe, env, "movements")}

    check()
    # removing and ingesting the report again keeps every correction
    assert run(geomap_exe, "remove", str(page), env=env).returncode == 0
    assert run(geomap_exe, "ingest", str(page), env=env).returncode == 0
    check()
    # a new extraction (another geomap version) re-extracts the report: still corrected
    con = sqlite3.connect(env["GEOMAP_STORE"])
    con.execute("UPDATE documents SET extractor='older-geomap'")
    con.commit()
    con.close()
    out = run(geomap_exe, "ingest", str(page), env=env)
    assert "1 re-extracted" in out.stderr
    check()

    # the list says who, when, what, from what to what
    out = run(geomap_exe, "corrections", "list", "--json", env=env)
    listed = json.loads(out.stdout)
    assert [c["action"] for c in listed] == ["move", "set", "hide", "move"]
    assert {c["author"] for c in listed} == {"analyst-a"}
    assert listed[1]["old"]["event_type"] == deployment["properties"]["event_type"]
    assert listed[1]["new"]["event_type"] == "protest"
    assert listed[1]["note"] == "a march, not troops"
    assert listed[1]["document_id"] == deployment["properties"]["document_id"]
    assert listed[0]["old"] == {
        "lon": lyon["geometry"]["coordinates"][0],
        "lat": lyon["geometry"]["coordinates"][1],
    }

    # export, import into a fresh store of the same report: the same map
    exported = tmp_path / "corrections.jsonl"
    assert run(geomap_exe, "corrections", "export", str(exported), env=env).returncode == 0
    assert len(exported.read_text().splitlines()) == 4
    other = dict(env, GEOMAP_STORE=str(tmp_path / "other.sqlite"))
    assert run(geomap_exe, "ingest", str(page), env=other).returncode == 0
    out = run(geomap_exe, "corrections", "import", str(exported), env=other)
    assert out.returncode == 0 and "imported 4 corrections" in out.stderr
    out = run(geomap_exe, "corrections", "import", str(exported), env=other)
    assert "imported 0 corrections from" in out.stderr and "(4 already there)" in out.stderr
    assert _layer(geomap_exe, other, "incidents") == _layer(geomap_exe, env, "incidents")

    # show brings the hidden movement back
    assert (
        run(geomap_exe, "correct", "show", "movements", evacuation["id"], env=env).returncode == 0
    )
    shown = {f["id"]: f for f in _layer(geomap_exe, env, "movements")}[evacuation["id"]]
    assert shown["properties"]["corrected"] is True


def test_a_correction_follows_the_sentence_when_the_feature_id_changes(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A new geomap that identifies the event otherwise: matched by report and quote."""
    page = tmp_path / "page.html"
    page.write_bytes(reports.html_page(paragraphs=REPORT))
    assert run(geomap_exe, "ingest", str(page), env=env).returncode == 0
    deployment = _by(_layer(geomap_exe, env, "incidents"), "place_name", "Lyon")
    assert (
        run(geomap_exe, "correct", "hide", "incidents", deployment["id"], env=env).returncode == 0
    )
    con = sqlite3.connect(env["GEOMAP_STORE"])
    rows = con.execute("SELECT rowid, feature FROM features WHERE id=?", (deployment["id"],))
    for rowid, text in rows.fetchall():
        f = json.loads(text)
        f["id"] = f["properties"]["id"] = "renamed-by-a-new-version"
        con.execute(
            "UPDATE features SET id=?, feature=? WHERE rowid=?", (f["id"], json.dumps(f), rowid)
        )
    con.commit()
    con.close()
    ids = {f["id"] for f in _layer(geomap_exe, env, "incidents")}
    assert "renamed-by-a-new-version" not in ids and deployment["id"] not in ids


def test_bad_corrections_are_one_line(geomap_exe: str, env: dict[str, str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(reports.html_page(paragraphs=REPORT))
    assert run(geomap_exe, "ingest", str(page), env=env).returncode == 0
    incident = _layer(geomap_exe, env, "incidents")[0]["id"]
    place = _layer(geomap_exe, env, "places")[0]["id"]
    cases = [
        (["set", incident, "--type", "picnic"], "'picnic' is not an event type"),
        (["set", incident, "--date", "2024-13-01"], "is not YYYY-MM-DD"),
        (["set", incident, "--date", "2024-03-05/2024-03-01"], "ends before it starts"),
        (["set", incident], "nothing to set: give an event type, a sub-type or a date"),
        (["move", place, "--lonlat", "200,10"], "off the globe"),
        (["move", place, "--to", "geonames:0"], "no gazetteer entry 'geonames:0'"),
        (["hide", "movements", "no-such-id"], "no feature 'no-such-id'"),
    ]
    for args, message in cases:
        out = run(geomap_exe, "correct", *args, env=env)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and message in out.stderr, out.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"layer": "incidents", "feature_id": "x", "action": "explode"}\n')
    out = run(geomap_exe, "corrections", "import", str(bad), env=env)
    assert out.returncode == 2 and "line 1: action: unknown action 'explode'" in out.stderr
    notes = tmp_path / "notes.txt"  # not what `corrections export` writes
    notes.write_text("Corrections to make: the Lyon arrest was in March.\n")
    out = run(geomap_exe, "corrections", "import", str(notes), env=env)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        f"geomap: error: {notes}: line 1: not JSON; expected what `geomap corrections export`"
        " writes (JSON Lines)"
    ]
    out = run(geomap_exe, "corrections", "list", env=env)
    assert out.stdout.strip().splitlines()[1:] == []


def test_without_a_store_nothing_is_made_but_an_import(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """``remove``, ``correct`` and ``corrections list|export|remove`` at a path with no store
    (a mistyped GEOMAP_STORE) say so in one line and leave no empty store behind;
    ``corrections import`` may start one (corrections carried before the reports)."""
    store = tmp_path / "typo.sqlite"
    env = {**env, "GEOMAP_STORE": str(store)}
    for argv in (
        ["remove", "report.txt"],
        ["correct", "hide", "incidents", "0123456789abcdef"],
        ["corrections", "list"],
        ["corrections", "export", str(tmp_path / "out.jsonl")],
        ["corrections", "remove", "1"],
    ):
        out = run(geomap_exe, *argv, env=env)
        assert out.returncode == 2, argv
        assert out.stderr.splitlines() == [
            f"geomap: error: {store}: no store here yet: run `geomap ingest` first"
        ], argv
        assert sorted(p.name for p in tmp_path.iterdir()) == [], argv
    carried = tmp_path / "carried.jsonl"
    carried.write_text(
        '{"layer": "incidents", "feature_id": "0123456789abcdef", "action": "hide"}\n'
    )
    out = run(geomap_exe, "corrections", "import", str(carried), env=env)
    assert out.returncode == 0, out.stderr
    assert store.is_file()


def test_on_the_postgis_store_corrections_are_one_clear_line(  # type: ignore[no-untyped-def]
    geomap_exe: str, env: dict[str, str], postgis_url: str, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app
    from geomap.settings import Settings

    env = {**env, "GEOMAP_STORE": postgis_url}
    report = tmp_path / "report.txt"
    report.write_text("Police arrested protesters in Lyon on 3 March 2021.\n")
    assert run(geomap_exe, "ingest", str(report), env=env).returncode == 0
    incidents = _layer(geomap_exe, env, "incidents")
    assert incidents
    for args in (
        ("correct", "hide", "incidents", incidents[0]["id"]),
        ("corrections", "remove", "abc"),
    ):
        out = run(geomap_exe, *args, env=env)
        assert out.returncode == 2
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in out.stderr
        assert "the PostGIS store does not take them yet" in lines[0]
    listed = run(geomap_exe, "corrections", "list", "--json", env=env)
    assert listed.returncode == 2  # a PostGIS store keeps none: said, not listed as empty
    settings = Settings(store=postgis_url, cache=env["GEOMAP_CACHE"], api_token="t0k3n")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        auth = {"Authorization": "Bearer t0k3n"}
        body = {"layer": "incidents", "feature_id": incidents[0]["id"], "action": "hide"}
        r = client.post("/corrections", json=body, headers=auth)
        assert r.status_code == 501 and r.json()["code"] == "not_supported"
        assert "postgresql" not in r.text  # no store address over HTTP
        assert client.get("/corrections").json() == []
        doc = client.get(f"/documents/{incidents[0]['properties']['document_id']}").json()
        assert doc["format"] == "text" and "Lyon" in doc["text"]
        assert client.get("/version").status_code == 200
