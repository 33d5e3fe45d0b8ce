"""`geomap serve --workers N` through the entry point: N worker processes answer on one port,
each reading the same store through its own connections, each seeing what is ingested while it
runs; the flags reach every worker; a bad store or count stops it before any worker starts."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from geomap.model import Document
from geomap.store.sqlite import SQLiteStore

from ..conftest import free_port, http_get
from ..synthetic import invented_feature

WAIT = 300  # a bound on waiting on a busy machine, not on speed


def _document(name: str) -> Document:
    return Document(id=name, path=f"{name}.txt", text=f"An invented report {name}.")


def _store(path: Path) -> None:
    store = SQLiteStore(path)
    doc = _document("first")
    store.add(doc, {"incidents": [invented_feature("incidents", i, doc.id) for i in range(12)]})
    store.close()


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs."""
    kids: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for kid in kids.get(todo.pop(), []):
            out.append(kid)
            todo.append(kid)
    return out


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


def _get(url: str, host: str | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_workers_share_the_store_and_see_an_ingest(tmp_path: Path, geomap_exe: str) -> None:
    path = tmp_path / "store.sqlite"
    _store(path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env.update(GEOMAP_WORKERS="2", GEOMAP_DATA_DIR=str(tmp_path))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    proc = subprocess.Popen(
        [geomap_exe, "serve", "--store", str(path), "--port", str(port),
         "--allowed-host", "maps.example.test", "--log-level", "warning"],  # fmt: skip
        env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                if http_get(base + "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        workers = [p for p in _children(proc.pid) if b"spawn_main" in _cmdline(p)]
        assert len(workers) == 2, [_cmdline(p) for p in _children(proc.pid)]

        def burst(url: str) -> list[tuple[int, dict]]:  # type: ignore[type-arg]
            with ThreadPoolExecutor(16) as pool:
                return list(pool.map(lambda _: _get(url), range(48)))

        items = base + "/collections/incidents/items?limit=100"
        while not all(_has_open(w, path) for w in workers):  # until both have answered
            assert all(s == 200 and b["numberMatched"] == 12 for s, b in burst(items))
            assert time.monotonic() < deadline, "one worker never answered"
        # the --allowed-host flag reached the workers
        status, body = _get(items, host="maps.example.test")
        assert status == 200 and body["numberMatched"] == 12
        assert _get(items, host="other.example.test")[0] == 400

        writer = SQLiteStore(path)  # another process writes while both workers serve
        doc = _document("second")
        writer.add(doc, {"incidents": [invented_feature("incidents", 100, doc.id)]})
        writer.close()
        for status, body in burst(items):
            assert (status, body["numberMatched"]) == (200, 13)
        for status, body in burst(base + "/healthz"):
            assert (status, body["documents"]) == (200, 2)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert not [p for p in workers if Path(f"/proc/{p}").exists() and _alive(p)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_bad_worker_count_or_a_missing_store_stops_before_serving(
    tmp_path: Path, geomap_exe: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env["GEOMAP_DATA_DIR"] = str(tmp_path)
    port = str(free_port())
    missing = subprocess.run(
        [geomap_exe, "serve", "--store", str(tmp_path / "none.sqlite"), "--port", port,
         "--workers", "2"],  # fmt: skip
        env=env, capture_output=True, text=True, timeout=WAIT,
    )  # fmt: skip
    assert missing.returncode == 2 and "run `geomap ingest` first" in missing.stderr
    assert "Traceback" not in missing.stderr
    _store(tmp_path / "store.sqlite")
    zero = subprocess.run(
        [geomap_exe, "serve", "--store", str(tmp_path / "store.sqlite"), "--port", port,
         "--workers", "0"],  # fmt: skip
        env=env, capture_output=True, text=True, timeout=WAIT,
    )  # fmt: skip
    assert zero.returncode == 2 and "workers 0" in zero.stderr and "--workers" in zero.stderr
    env["GEOMAP_WORKERS"] = "-3"
    negative = subprocess.run(
        [geomap_exe, "serve", "--store", str(tmp_path / "store.sqlite"), "--port", port],
        env=env, capture_output=True, text=True, timeout=WAIT,
    )  # fmt: skip
    assert negative.returncode == 2 and "workers -3" in negative.stderr


def test_a_port_in_use_is_one_line_naming_it(tmp_path: Path, geomap_exe: str) -> None:
    """Another server on the port: one line naming the address and what to do, exit 2,
    before the store is opened; one worker or several."""
    import socket

    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env["GEOMAP_DATA_DIR"] = str(tmp_path)
    _store(tmp_path / "store.sqlite")
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        for workers in ("1", "2"):
            out = subprocess.run(
                [geomap_exe, "serve", "--store", str(tmp_path / "store.sqlite"),
                 "--port", str(port), "--workers", workers],  # fmt: skip
                env=env, capture_output=True, text=True, timeout=WAIT,
            )  # fmt: skip
            assert out.returncode == 2, out.stderr
            assert out.stderr.splitlines() == [
                f"geomap: error: --port: 127.0.0.1:{port} is in use (another server?);"
                " choose another port with --port"
            ]


def _refused_before_serving(tmp_path: Path, geomap_exe: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of a `geomap serve` with a store, on a free port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env["GEOMAP_DATA_DIR"] = str(tmp_path)
    _store(tmp_path / "store.sqlite")
    base = [geomap_exe, "serve", "--store", str(tmp_path / "store.sqlite"),
            "--port", str(free_port())]  # fmt: skip
    return base, env


@pytest.mark.parametrize(
    ("flag", "value", "line"),
    [
        (
            "--allowed-host",
            "maps example.org",
            "geomap: error: --allowed-host / GEOMAP_ALLOWED_HOSTS: allowed host"
            " 'maps example.org' is not a host name or address",
        ),
        (
            "--cors-origin",  # CORS compares origins exactly: it would never have matched
            "app.example.org",
            "geomap: error: GEOMAP_CORS_ORIGINS / --cors-origin: CORS origin 'app.example.org'"
            " is not an origin; give scheme://host[:port], such as https://app.example.org",
        ),
    ],
)
def test_a_bad_allowed_host_or_cors_origin_is_one_line_naming_it(
    tmp_path: Path, geomap_exe: str, flag: str, value: str, line: str
) -> None:
    """Refused before serving, with one line naming the value and no traceback, one worker or
    several (the host name was refused as the app was built: a traceback, in every worker;
    the origin was taken as given, and CORS silently never answered)."""
    base, env = _refused_before_serving(tmp_path, geomap_exe)
    for workers in ("1", "2"):
        out = subprocess.run(
            [*base, flag, value, "--workers", workers],
            env=env, capture_output=True, text=True, timeout=WAIT,
        )  # fmt: skip
        assert out.returncode == 2, out.stderr
        assert out.stderr.splitlines() == [line]


def test_a_bad_log_level_or_origin_in_the_environment_is_one_line(
    tmp_path: Path, geomap_exe: str
) -> None:
    base, env = _refused_before_serving(tmp_path, geomap_exe)
    out = subprocess.run(
        [*base, "--log-level", "loud"], env=env, capture_output=True, text=True, timeout=WAIT
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "argument --log-level: invalid choice: 'loud'" in out.stderr.splitlines()[-1]
    out = subprocess.run(
        base, env={**env, "GEOMAP_CORS_ORIGINS": "https://app.example.org/maps/"},
        capture_output=True, text=True, timeout=WAIT,
    )  # fmt: skip
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1, out.stderr
    assert "CORS origin 'https://app.example.org/maps/' has a path" in out.stderr


def test_an_origin_written_loosely_is_answered_as_browsers_send_it(
    tmp_path: Path, geomap_exe: str
) -> None:
    """``https://App.Example.org:443/`` is the origin a browser sends as
    ``https://app.example.org``: its pages may read the API, another origin's may not."""
    from ..conftest import running_server

    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env["GEOMAP_STORE"] = str(tmp_path / "store.sqlite")
    env["GEOMAP_CORS_ORIGINS"] = "https://App.Example.org:443/, http://127.0.0.1:5173"
    _store(tmp_path / "store.sqlite")

    def allowed(base: str, origin: str) -> str | None:
        req = urllib.request.Request(base + "/layers", headers={"Origin": origin})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.headers.get("access-control-allow-origin")

    with running_server(geomap_exe, env) as base:
        assert allowed(base, "https://app.example.org") == "https://app.example.org"
        assert allowed(base, "http://127.0.0.1:5173") == "http://127.0.0.1:5173"
        assert allowed(base, "https://other.example.org") is None
