"""Bad input and bad output locations through the installed `geomap` entry point: each gets one
line naming it, the rest goes through, nothing is half-written, and no traceback is shown."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ..support.fs import assert_unreadable, run_on_tmpfs, without_override

GOOD = "Soldiers were sent from Kyiv to Lviv on Monday.\n"


def run(exe: str, *args: str, env: dict[str, str], prefix: list[str] | None = None, **kw):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [*(prefix or []), exe, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=kw.pop("timeout", 300),
        **kw,
    )


def errors(stderr: str) -> list[str]:
    """The error lines; and no traceback anywhere."""
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("geomap: error: ")]


# Run by a small interpreter of its own: a child's peak resident memory (ru_maxrss) starts from
# its parent's at fork, and this test process may be large by the time it gets here.
_MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def max_rss_mb(argv: list[str], env: dict[str, str]) -> tuple[int, float, str]:
    """(exit status, peak resident memory in MB, stderr) of a command."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        cwd="/",
    )
    code, kb = out.stdout.split()
    return int(code), int(kb) / 1024, out.stderr


# ------------------------------------------------------------------------------------ reading


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_goes_in(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    bad = os.path.join(os.fsencode(folder), b"bad\xffname.txt")
    with open(bad, "wb") as f:
        f.write(b"Troops left Paris for Berlin.\n")
    out = run(geomap_exe, "ingest", str(folder), env=env)
    assert out.returncode == 2
    assert errors(out.stderr) == [
        f"geomap: error: {folder}/bad\\xffname.txt: file name is not valid UTF-8 (rename the file)"
    ]
    assert "ingested 1 new, 0 unchanged, 1 failed" in out.stderr
    con = sqlite3.connect(env["GEOMAP_STORE"])
    assert [r[0] for r in con.execute("SELECT path FROM documents")] == [str(folder / "good.txt")]


def test_a_fifo_and_a_device_are_refused_without_reading(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    # a FIFO opened for reading waits for a writer, /dev/zero never ends: both would hang
    out = run(geomap_exe, "ingest", str(fifo), "/dev/zero", str(good), env=env, timeout=120)
    assert out.returncode == 2
    assert errors(out.stderr) == [
        f"geomap: error: {fifo}: not a regular file (a FIFO)",
        "geomap: error: /dev/zero: not a regular file (a character device)",
    ]
    assert "ingested 1 new, 0 unchanged, 2 failed" in out.stderr


def test_the_size_limit_is_checked_before_reading(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(1 << 30)  # 1 GiB, sparse: reading it would take 1 GiB of memory
    code, rss, err = max_rss_mb([geomap_exe, "extract", str(huge)], env)
    assert code == 2
    assert errors(err) == [
        f"geomap: error: {huge}: file too large (1,073,741,824 bytes, limit 5,242,880)"
    ]
    assert rss < 400, f"{rss:.0f} MB: the file was read"


def test_a_nul_byte_anywhere_makes_a_file_binary(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    late = tmp_path / "late.txt"
    late.write_bytes(GOOD.encode() + b"a" * 20_000 + b"\x00tail\n")
    out = run(geomap_exe, "extract", str(late), env=env)
    assert out.returncode == 2
    at = len(GOOD) + 20_000
    assert errors(out.stderr) == [
        f"geomap: error: {late}: binary file (a NUL byte at byte {at}), expected UTF-8 text"
    ]
    assert json.loads(out.stdout)["features"] == []


def test_folders_count_what_they_skip(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "reports"
    (root / "a").mkdir(parents=True)
    (root / "locked").mkdir()
    (root / "a" / "good.txt").write_text(GOOD)
    (root / "locked" / "hidden.txt").write_text("Police arrested protesters in Paris.\n")
    os.mkfifo(root / "b.txt")
    (root / "locked").chmod(0)
    try:
        assert_unreadable(root / "locked")
        out = run(geomap_exe, "ingest", str(root), env=env, prefix=without_override())
    finally:
        (root / "locked").chmod(0o755)
    assert out.returncode == 2  # not a silent 0
    assert errors(out.stderr) == [
        f"geomap: error: {root}/b.txt: not a regular file (a FIFO)",
        f"geomap: error: {root}/locked: cannot list folder (Permission denied)",
    ]
    assert (
        "ingested 1 new, 0 unchanged, 0 failed, 2 skipped (1 not a regular file, 1 unreadable"
        " folder);" in out.stderr
    )


@pytest.mark.parametrize("headline", ["", "Unrest in three capitals\n\n"])
def test_a_five_megabyte_line_stays_within_200_mb(
    geomap_exe: str, env, tmp_path: Path, headline: str
) -> None:  # type: ignore[no-untyped-def]
    # invented sentences, dense with places and events, on one line of 5 MB (alone, or after a
    # headline: then it is body text, read for events)
    sentences = []
    for i in range(50_000):
        when = f"{1 + i % 28} May {1990 + i // 28 % 30}"
        sentences.append(
            f"Troops were deported from Paris to London on {when} and police arrested"
            " protesters in Kyiv, officials in Berlin said. "
        )
    line = "".join(sentences)[:5_000_000]
    big = tmp_path / "line.txt"
    big.write_text(headline + line)
    code, rss, err = max_rss_mb([geomap_exe, "ingest", str(big)], env)
    assert code == 0, err
    assert rss <= 200, f"{rss:.0f} MB"
    warnings = [x for x in err.splitlines() if x.startswith("geomap: warning:")]
    assert len(warnings) == 1, err
    assert "more than 20,000 place mentions: read the first" in warnings[0]
    assert "ingested 1 new" in err
    con = sqlite3.connect(env["GEOMAP_STORE"])
    counts = dict(con.execute("SELECT layer, count(*) FROM features GROUP BY layer").fetchall())
    assert counts["places"] == 4
    if headline:
        assert counts["incidents"] > 500 and counts["movements"] > 500


# ------------------------------------------------------------------------------------ writing


@pytest.mark.parametrize(
    "argv,message",
    [
        (["map", "-o", "/nonexistent/x.html"], "/nonexistent/x.html: cannot write (no such folder"),
        (["map", "-o", "{tmp}"], "{tmp}: is a directory; give a file name"),
        (["export", "-o", "/nonexistent/x.gpkg"], "/nonexistent/x.gpkg: cannot write (no such"),
        (["export", "--format", "gpkg", "-o", "{tmp}"], "{tmp}: is a directory"),
        (["cache", "export", "{tmp}"], "{tmp}: is a directory"),
        (["cache", "import", "{tmp}"], "{tmp}: is a directory"),
        (["cache", "import", "{tmp}/missing.jsonl"], "{tmp}/missing.jsonl: no such file"),
        (["cache", "import", "{tmp}/binary.jsonl"], "{tmp}/binary.jsonl: binary file"),
        (["cache", "import", "{tmp}/cache.sqlite"], "{tmp}/cache.sqlite: a SQLite file, not a"),
        (["cache", "import", "{tmp}/latin1.jsonl"], "{tmp}/latin1.jsonl: line 1: not UTF-8"),
        # the output checked, then the work refused: no temporary file is left beside it
        (["export", "-o", "{tmp}/x.gpkg", "--bbox", "1,2"], "--bbox: bbox '1,2' has 2 numbers"),
        (["export", "-o", "{tmp}/x.gpkg"], "{tmp}/store.sqlite: no store here yet"),
        (["corrections", "export", "{tmp}/c.jsonl"], "{tmp}/store.sqlite: no store here yet"),
    ],
)
def test_output_paths_are_checked_before_any_work(
    geomap_exe: str, env, tmp_path: Path, argv: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "binary.jsonl").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (tmp_path / "latin1.jsonl").write_bytes('{"query": "M\u00fcnchen"}\n'.encode("latin-1"))
    sqlite3.connect(tmp_path / "cache.sqlite").execute("CREATE TABLE t(x)").connection.commit()
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    out = run(geomap_exe, *argv, env=env)
    assert out.returncode == 2
    lines = errors(out.stderr)
    assert len(lines) == 1 and lines[0].startswith(
        "geomap: error: " + message.replace("{tmp}", str(tmp_path))
    ), lines
    assert not list(tmp_path.glob(".*.part*"))


def test_standard_output_on_a_full_disk(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert run(geomap_exe, "ingest", str(good), env=env).returncode == 0
    with open("/dev/full", "w") as full:  # every write fails with ENOSPC, a real full disk
        for argv in (["extract", str(good)], ["export", "--layer", "places"]):
            out = subprocess.run(
                [geomap_exe, *argv], stdout=full, stderr=subprocess.PIPE, text=True, env=env
            )
            assert out.returncode == 2
            assert errors(out.stderr) == [
                "geomap: error: standard output: cannot write (disk full)"
            ]


@pytest.fixture
def seeded_store(geomap_exe: str, env, seed_copy: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    assert run(geomap_exe, "ingest", str(seed_copy), env=env).returncode == 0
    return env  # type: ignore[no-any-return]


def test_ingest_on_a_full_disk_stops_with_one_line_and_keeps_the_store_whole(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reports = Path(__file__).resolve().parents[1] / "data" / "events"
    disk, saved = tmp_path / "disk", tmp_path / "saved"
    saved.mkdir()
    here = dict(env, GEOMAP_STORE=str(disk / "store.sqlite"), GEOMAP_CACHE=str(disk / "c.sqlite"))
    script = (
        # one process: worker processes extract ahead, so fewer documents may get in first;
        # the disk has room for a few write batches of documents, not for all 22
        f"{geomap_exe} ingest --jobs 1 {reports} 2> {tmp_path}/stderr;"
        f" echo $? > {tmp_path}/status\n"
        f"cp {disk}/store.sqlite* {saved}/\n"
    )
    out = run_on_tmpfs(disk, script, size_kb=700, env=here)
    stderr = (tmp_path / "stderr").read_text()
    assert (tmp_path / "status").read_text().strip() == "2", out.stderr + stderr
    lines = errors(stderr)
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"geomap: error: {disk}/")
    assert ": cannot write (disk full); " in lines[0]
    assert "and the files after it not ingested" in lines[0]
    # what went in is whole: every stored document has its features, and SQLite agrees
    con = sqlite3.connect(saved / "store.sqlite")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = {r[0] for r in con.execute("SELECT id FROM documents")}
    with_features = {r[0] for r in con.execute("SELECT DISTINCT document_id FROM features")}
    assert 0 < len(docs) < 22 and docs == with_features
    assert f"ingested {len(docs)} new, 0 unchanged, {22 - len(docs)} failed" in stderr


def test_outputs_on_a_full_disk_leave_the_old_file(
    geomap_exe: str, seeded_store: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    disk, saved = tmp_path / "disk", tmp_path / "saved"
    saved.mkdir()
    script = ""
    for name, argv in (
        ("map.html", "map -o"),
        ("all.gpkg", "export -o"),
        ("cache.jsonl", "cache export"),
    ):
        script += (
            f"{geomap_exe} {argv} {disk}/{name} 2> {tmp_path}/{name}.err;"
            f" echo $? > {tmp_path}/{name}.status\n"
        )
    script += f"cp -a {disk}/. {saved}/\n"
    # the old files fill the disk: nothing new fits
    setup = (
        "".join(f"echo old > {disk}/{n}; " for n in ("map.html", "all.gpkg", "cache.jsonl"))
        + f"head -c 100000000 /dev/zero > {disk}/filler 2>/dev/null || true"
    )
    run_on_tmpfs(disk, script, size_kb=64, env=seeded_store, setup=setup)
    for name in ("map.html", "all.gpkg", "cache.jsonl"):
        assert (tmp_path / f"{name}.status").read_text().strip() == "2", name
        assert errors((tmp_path / f"{name}.err").read_text()) == [
            f"geomap: error: {disk}/{name}: cannot write (disk full)"
        ]
        assert (saved / name).read_text() == "old\n"
    assert sorted(p.name for p in saved.iterdir()) == [
        "all.gpkg",
        "cache.jsonl",
        "filler",
        "map.html",
    ]


def test_a_read_only_location_is_one_line(
    geomap_exe: str, seeded_store: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    disk = tmp_path / "ro"
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    cases = {
        "map": f"map -o {disk}/map.html",
        "export": f"export -o {disk}/all.gpkg",
        "ingest": f"ingest --store {disk}/new/store.sqlite {good}",
    }
    script = "".join(
        f"{geomap_exe} {argv} 2> {tmp_path}/{name}.err; echo $? > {tmp_path}/{name}.status\n"
        for name, argv in cases.items()
    )
    run_on_tmpfs(disk, script, size_kb=64, env=seeded_store, read_only=True)
    expected = {
        "map": f"{disk}/map.html: cannot write (read-only file system)",
        "export": f"{disk}/all.gpkg: cannot write (read-only file system)",
        "ingest": f"{disk}/new/store.sqlite: cannot write (read-only file system)",
    }
    for name, line in expected.items():
        assert (tmp_path / f"{name}.status").read_text().strip() == "2", name
        assert errors((tmp_path / f"{name}.err").read_text()) == [f"geomap: error: {line}"]


def test_an_existing_output_is_replaced_whole(
    geomap_exe: str, seeded_store: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "map.html"
    page.write_text("old")
    page.chmod(0o640)
    out = run(geomap_exe, "map", "-o", str(page), env=seeded_store)
    assert out.returncode == 0, out.stderr
    assert page.read_text().startswith("<!DOCTYPE html>")
    assert page.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    shutil.rmtree(tmp_path / "seeds", ignore_errors=True)
