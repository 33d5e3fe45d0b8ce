"""The `geomap` command, run through its installed entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ..conftest import SEED


def run(exe: str, *args: str, env: dict[str, str], cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [exe, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["extract"],
        ["ingest"],
        ["serve"],
        ["map"],
        ["export"],
        ["gazetteer", "build"],
        ["cache"],
        ["cache", "stats"],
        ["cache", "export"],
        ["cache", "import"],
        ["cache", "clear"],
    ],
)
def test_help(geomap_exe: str, env, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    out = run(geomap_exe, *command, "--help", env=env)
    assert out.returncode == 0
    assert out.stdout.startswith("usage: geomap")


def test_extract_prints_one_feature_collection(geomap_exe: str, env) -> None:  # type: ignore[no-untyped-def]
    out = run(geomap_exe, "extract", str(SEED), env=env)
    assert out.returncode == 0, out.stderr
    fc = json.loads(out.stdout)
    assert fc["type"] == "FeatureCollection"
    layers = {f["properties"]["layer"] for f in fc["features"]}
    assert layers == {"places", "incidents", "movements"}
    assert {f["properties"]["document"] for f in fc["features"]} == {str(SEED)}
    for f in fc["features"]:
        kind = {"places": "Point", "incidents": "Point", "movements": "MultiLineString"}
        assert f["geometry"]["type"] == kind[f["properties"]["layer"]]
    place = next(f for f in fc["features"] if f["properties"].get("name") == "Dandong")
    lon, lat = place["geometry"]["coordinates"]
    assert 124 < lon < 125 and 39.5 < lat < 40.5  # RFC 7946: lon, lat


def test_extract_reads_the_readmes_front_matter_example(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The README's YAML block, comments and all, as a user copies it above a report: its
    date is read, and a relative date in the report is resolved against it."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "published:" in block and "#" in block  # the example this test is about
    report = tmp_path / "report.md"
    report.write_text(block + "Fighters attacked a checkpoint near Kismayo on Tuesday.\n")
    out = run(geomap_exe, "extract", str(report), env=env)
    assert out.returncode == 0, out.stderr
    features = [f["properties"] for f in json.loads(out.stdout)["features"]]
    assert {p["published"] for p in features} == {"2021-03-04"}
    assert {p["title"] for p in features} == {"Clashes reported near Kismayo"}
    attack = next(p for p in features if p.get("event_type") == "attack")
    assert attack["date_start"] == "2021-03-02"  # the Tuesday before Thursday 4 March


def test_a_front_matter_date_that_is_not_one_is_one_warning_and_nothing_else_is_lost(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A typo in the front matter's date is named in one warning line; the report is still
    read whole (its events, its title), undated, and ``--published`` can supply the date."""
    report = tmp_path / "typo.md"
    report.write_text(
        "---\ntitle: Clashes near Kismayo\npublished: 2021-13-45\n---\n"
        "Fighters attacked a checkpoint near Kismayo on Tuesday.\n"
    )
    warning = (
        f"geomap: warning: {report}: front matter: published '2021-13-45' is not a date"
        " (use YYYY-MM-DD); left out"
    )
    out = run(geomap_exe, "extract", str(report), env=env)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [warning]
    features = [f["properties"] for f in json.loads(out.stdout)["features"]]
    attack = next(p for p in features if p.get("event_type") == "attack")
    assert attack["title"] == "Clashes near Kismayo" and attack.get("published") is None
    dated = run(geomap_exe, "extract", str(report), "--published", "2021-03-04", env=env)
    assert dated.returncode == 0 and dated.stderr.splitlines() == [warning]
    features = [f["properties"] for f in json.loads(dated.stdout)["features"]]
    assert {p["published"] for p in features} == {"2021-03-04"}


def test_bad_inputs_are_reported_and_the_rest_goes_through(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Troops left M\u00fcnchen".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Soldiers were sent from Kyiv to Lviv on Monday.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = run(
        geomap_exe,
        "extract",
        str(tmp_path / "empty.txt"),
        str(missing),
        str(tmp_path / "binary.txt"),
        str(good),
        str(tmp_path / "latin1.txt"),
        env=env,
    )
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 4
    assert f"{tmp_path / 'empty.txt'}: empty file" in lines[0]
    assert f"{missing}: no such file" in lines[1]
    assert "binary file" in lines[2]
    assert "latin1.txt: invalid UTF-8 at byte 13" in lines[3]
    fc = json.loads(out.stdout)
    assert {f["properties"]["document"] for f in fc["features"]} == {str(good)}


def test_ingest_twice_changes_nothing_then_export_and_map(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = run(geomap_exe, "ingest", str(seed_copy.parent), env=env)
    assert first.returncode == 0, first.stderr
    assert "ingested 1 new, 0 unchanged" in first.stderr
    second = run(geomap_exe, "ingest", str(seed_copy.parent), env=env)
    assert "ingested 0 new, 1 unchanged" in second.stderr
    assert first.stderr.split("; store")[1] == second.stderr.split("; store")[1]

    target = tmp_path / "movements.geojson"
    out = run(
        geomap_exe,
        "export",
        "--layer",
        "movements",
        "--format",
        "geojson",
        "-o",
        str(target),
        env=env,
    )
    assert out.returncode == 0, out.stderr
    fc = json.loads(target.read_text())
    assert fc["name"] == "movements" and len(fc["features"]) >= 3

    page = tmp_path / "map.html"
    out = run(geomap_exe, "map", "-o", str(page), env=env)
    assert out.returncode == 0, out.stderr
    html = page.read_text()
    assert "Pyongyang" in html and "/static/" not in html


def test_a_box_or_span_that_matches_nothing_as_written_is_a_warning(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Corners or ends swapped: the empty answer comes with a line saying why (an empty
    store would look the same); the same box and span written in order find the seed's."""
    assert run(geomap_exe, "ingest", str(seed_copy), env=env).returncode == 0
    box_warning = (
        "geomap: warning: bbox: miny 50 is above maxy 30, so nothing matches"
        " (the order is minx,miny,maxx,maxy)"
    )
    span_warning = (
        "geomap: warning: the time span ends (2019-01-01) before it starts (2019-12-31),"
        " so nothing matches"
    )
    for flags, warning in (
        (["--bbox", "100,50,140,30"], box_warning),
        (["--datetime", "2019-12-31/2019-01-01"], span_warning),
    ):
        out = run(geomap_exe, "export", "--layer", "places", "--format", "geojson", *flags,
                  env=env)  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert out.stderr.splitlines() == [warning]
        assert json.loads(out.stdout)["features"] == []
    for flags in (["--bbox", "100,30,140,50"], ["--datetime", "2019-01-01/2019-12-31"]):
        out = run(geomap_exe, "export", "--layer", "places", "--format", "geojson", *flags,
                  env=env)  # fmt: skip
        assert out.returncode == 0 and out.stderr == ""
        assert json.loads(out.stdout)["features"]
    page = tmp_path / "map.html"
    out = run(geomap_exe, "map", "-o", str(page), "--start", "2019-12-31", "--end", "2019-01-01",
              env=env)  # fmt: skip
    assert out.returncode == 0 and out.stderr.splitlines()[0] == span_warning
    out = run(geomap_exe, "map", "-o", str(page), "--bbox", "100,50,140,30", env=env)
    assert out.returncode == 0 and out.stderr.splitlines()[0] == box_warning
    # written with spaces, as export takes it too
    out = run(geomap_exe, "map", "-o", str(page), "--bbox", "100, 30, 140, 50", env=env)
    assert out.returncode == 0, out.stderr
    assert "wrote" in out.stderr and " 0 incidents" not in out.stderr


def test_a_bad_setting_names_its_variable_and_only_a_flag_that_exists(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``GEOMAP_PUBLIC_URL / --public-url`` (the flag as spelled), and no ``--store_readers``,
    a flag no command has."""
    cases = [
        (["serve", "--port", "1"], {"GEOMAP_PUBLIC_URL": "maps.example.org"},
         "geomap: error: GEOMAP_PUBLIC_URL / --public-url: public URL 'maps.example.org' must"),
        (["export", "--layer", "places"], {"GEOMAP_STORE_READERS": "four"},
         "geomap: error: GEOMAP_STORE_READERS: Input should be a valid integer"),
        (["extract", str(SEED), "--geocoder-timeout", "soon"], {},
         "usage: geomap extract"),  # argparse's own check first
        (["extract", str(SEED)], {"GEOMAP_GEOCODER_TIMEOUT": "soon"},
         "geomap: error: GEOMAP_GEOCODER_TIMEOUT / --geocoder-timeout: Input should be a valid"),
    ]  # fmt: skip
    for argv, extra, first_line in cases:
        out = run(geomap_exe, *argv, env={**env, **extra})
        assert out.returncode == 2, (argv, out.stderr)
        assert out.stderr.startswith(first_line), out.stderr
        assert "Traceback" not in out.stderr


def test_a_bad_filter_value_names_the_flag_given(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The query's checks name a value as the API does (``start``); here it was typed as a
    flag, and the line says which (it said ``geomap: error: start: …`` for ``--start``)."""
    page, gpkg = str(tmp_path / "map.html"), str(tmp_path / "out.gpkg")
    cases = [
        (["map", "-o", page, "--start", "2020-13-01"], "--start: start '2020-13-01'"),
        (["map", "-o", page, "--bbox", "1,2"], "--bbox: bbox '1,2' has 2 numbers"),
        (["map", "-o", page, "--event-type", "x" * 300], "--event-type: event_type is 300"),
        (["export", "-o", gpkg, "--datetime", "soon"], "--datetime: datetime 'soon'"),
    ]  # fmt: skip
    for argv, start in cases:
        out = run(geomap_exe, *argv, env=env)
        assert out.returncode == 2, (argv, out.stderr)
        assert out.stderr.splitlines()[0].startswith(f"geomap: error: {start}"), out.stderr
        assert len(out.stderr.splitlines()) == 1


def test_store_flag_overrides_environment(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other-store.sqlite"
    out = run(geomap_exe, "ingest", "--store", str(other), str(seed_copy), env=env)
    assert out.returncode == 0 and other.exists()
    assert not Path(env["GEOMAP_STORE"]).exists()


def test_unknown_layer_is_a_usage_error(geomap_exe: str, env) -> None:  # type: ignore[no-untyped-def]
    out = run(geomap_exe, "export", "--layer", "roads", env=env)
    assert out.returncode == 2 and "invalid choice: 'roads'" in out.stderr


def test_an_output_without_extension_asks_for_the_format(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert run(geomap_exe, "ingest", str(seed_copy), env=env).returncode == 0
    target = tmp_path / "layers"
    out = run(geomap_exe, "export", "-o", str(target), env=env)
    assert out.returncode == 2 and not target.exists()
    assert out.stderr.splitlines() == [
        f"geomap: error: export: cannot tell the format of '{target}' without an extension:"
        " name it .gpkg, .geojson, .fgb or .csv, or give --format"
    ]
    out = run(geomap_exe, "export", "-o", str(target), "--format", "gpkg", env=env)
    assert out.returncode == 0, out.stderr
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_cache_stats_export_import_clear(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):  # a cold run then a warm run
        assert run(geomap_exe, "extract", str(SEED), env=env).returncode == 0
    stats = run(geomap_exe, "cache", "stats", env=env).stdout.splitlines()
    provider, entries, hits, misses = stats[1].split()
    assert provider == "gazetteer" and int(entries) >= 9
    assert int(hits) == int(misses) == int(entries)  # the warm run hit every entry once

    dump = tmp_path / "cache.jsonl"
    assert run(geomap_exe, "cache", "export", str(dump), env=env).returncode == 0
    other = dict(env, GEOMAP_CACHE=str(tmp_path / "other.sqlite"))
    out = run(geomap_exe, "cache", "import", str(dump), env=other)
    assert f"imported {entries} entries" in out.stderr
    # the carried cache answers everything: a run on it makes no new entries and no misses
    assert run(geomap_exe, "extract", str(SEED), env=other).returncode == 0
    row = run(geomap_exe, "cache", "stats", env=other).stdout.splitlines()[1].split()
    assert row == ["gazetteer", entries, entries, "0"]

    out = run(geomap_exe, "cache", "clear", "--provider", "gazetteer", env=env)
    assert f"cleared {entries} entries" in out.stderr
    assert run(geomap_exe, "cache", "stats", env=env).stdout.splitlines()[1].split()[0] == "total"

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"provider": "x"}\n')
    out = run(geomap_exe, "cache", "import", str(bad), env=env)
    assert out.returncode == 2 and f"{bad}: line 1: not a cache entry" in out.stderr


def test_remove_by_file_and_by_id(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    merge = Path(__file__).resolve().parents[1] / "data" / "merge"
    a, b = sorted(merge.glob("*.txt"))
    assert run(geomap_exe, "ingest", str(a), str(b), env=env).returncode == 0
    out = tmp_path / "mv.geojson"

    def deportations() -> list[dict]:  # type: ignore[type-arg]
        run(geomap_exe, "export", "--layer", "movements", "-o", str(out), env=env)
        return [
            f["properties"]
            for f in json.loads(out.read_text())["features"]
            if f["properties"]["movement_type"] == "deported"
        ]

    assert [p["n_sources"] for p in deportations()] == [2]
    r = run(geomap_exe, "remove", str(a), env=env)
    assert r.returncode == 0, r.stderr
    assert "removed 1 documents" in r.stderr
    assert [p["n_sources"] for p in deportations()] == [1]
    doc_b = deportations()[0]["document_ids"]
    r = run(geomap_exe, "remove", doc_b, "no-such-id", env=env)
    assert r.returncode == 2
    assert "no-such-id: no such document" in r.stderr
    assert deportations() == []


def test_documents_from_another_extraction_are_re_extracted(
    geomap_exe: str, env, seed_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    assert run(geomap_exe, "ingest", str(seed_copy), env=env).returncode == 0
    store = env["GEOMAP_STORE"]
    con = sqlite3.connect(store)
    # as if an older geomap had extracted it: other features, another fingerprint
    con.execute("UPDATE documents SET extractor='older'")
    con.execute("DELETE FROM features WHERE layer='movements'")
    con.commit()
    con.close()
    r = run(geomap_exe, "ingest", str(seed_copy), env=env)
    assert r.returncode == 0, r.stderr
    assert "ingested 0 new, 0 unchanged, 0 failed, 1 re-extracted" in r.stderr
    assert "3 movements" in r.stderr  # the current extraction's features are back
    again = run(geomap_exe, "ingest", str(seed_copy), env=env)
    assert "ingested 0 new, 1 unchanged, 0 failed;" in again.stderr
