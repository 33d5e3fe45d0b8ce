"""The short way through (api/fast.py) answers exactly what the routes answer: the same
status, headers and body (but the time stamp) for every item page and /healthz it takes, and it
leaves every other request, bad ones included, to the routes. On both backends: an embedded
SQLite store and PostGIS (whose /healthz the routes answer)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import fast
from api.main import create_app
from geomap.features.features import LAYERS
from geomap.settings import Settings

from ..conftest import backend_store
from ..synthetic import seed_synthetic

ITEMS = "/collections/incidents/items"
TILES = "/collections/incidents/tiles/WebMercatorQuad"
PUBLIC = "https://maps.example.org/geomap"


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def settings(request, tmp_path_factory, gazetteer_path, seeded_store) -> Settings:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("fast")
    settings = Settings(
        data_dir=tmp, store=backend_store(request, request.param, tmp),
        cache=tmp / "cache.sqlite", gazetteer=gazetteer_path,
    )  # fmt: skip
    store, doc = seeded_store(settings)
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, {"places": 30, "incidents": 150, "movements": 20})
    store.close()
    return settings


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the short way answered (it still answers them itself), in a worker thread
    or, for a database server's store, in the event loop (``in the loop:`` before the path)."""
    seen: list[str] = []
    original, original_async = fast.FastPaths.answer, fast.FastPaths.answer_async

    def spy(self: fast.FastPaths, scope: dict[str, Any]) -> Any:
        response = original(self, scope)
        if response is not None:
            seen.append(scope["path"])
        return response

    async def spy_async(self: fast.FastPaths, scope: dict[str, Any]) -> Any:
        response = await original_async(self, scope)
        if isinstance(response, tuple):
            seen.append(f"in the loop:{scope['path']}")
        return response

    monkeypatch.setattr(fast.FastPaths, "answer", spy)
    monkeypatch.setattr(fast.FastPaths, "answer_async", spy_async)
    return seen


async def _routes(self: fast.FastPaths, scope: dict[str, Any]) -> None:
    return None


def _short(settings: Settings, calls: list[tuple[Any, ...]]) -> int:
    """How many of ``calls`` the short way takes: all, but /healthz of a database server's
    store (whose reads wait on the server: the routes answer it)."""
    waits = str(settings.store).startswith("postgresql")
    return sum(1 for call in calls if not (waits and call[1] == "/healthz"))


def _both(settings: Settings, monkeypatch: pytest.MonkeyPatch, calls: list[tuple[Any, ...]]):  # type: ignore[no-untyped-def]
    """The responses to ``calls`` (method, url, headers) with the short way, then by the
    routes alone."""
    out = []
    for short in (True, False):
        with monkeypatch.context() as m:
            if not short:
                m.setattr(fast.FastPaths, "answer", lambda self, scope: None)
                m.setattr(fast.FastPaths, "answer_async", _routes)
            with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
                out.append([client.request(meth, url, headers=h) for meth, url, h in calls])
    return out


def _same(a: Any, b: Any) -> None:
    assert a.status_code == b.status_code, (a.request.url, a.text, b.text)
    drop = {"date"}
    assert {k: v for k, v in a.headers.items() if k not in drop} == {
        k: v for k, v in b.headers.items() if k not in drop
    }, a.request.url
    if a.headers.get("content-type", "").endswith("json") and a.content:
        x, y = a.json(), b.json()
        x.pop("timeStamp", None), y.pop("timeStamp", None)
        assert x == y, a.request.url
    else:
        assert a.content == b.content, a.request.url


JSON = {"Accept": "application/json"}
PAGES = [
    f"{ITEMS}?limit=5",
    f"{ITEMS}?limit=7&offset=3",
    f"{ITEMS}?bbox=-180,-90,180,90&limit=4",
    f"{ITEMS}?bbox=120,30,130,45",
    f"{ITEMS}?datetime=2019-01-01/..&limit=3&f=json",
    f"{ITEMS}?event_type=protest&limit=2&f=geojson",
    f"{ITEMS}?sortby=-date_start&limit=3",
    f"{ITEMS}?filter=n_sources%20%3E%200&limit=3",
    f"{ITEMS}?limit=3&limit=6",
    "/collections/places/items?limit=3&crs=OGC:CRS84",
    "/collections/movements/items?bbox=-180,-90,180,90",
    "/healthz",
]


def test_the_short_way_answers_what_the_routes_answer(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, answered: list[str]
) -> None:
    calls = [("GET", url, JSON) for url in PAGES] + [("HEAD", PAGES[0], JSON)]
    # a next link (a keyset cursor) followed
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        first = client.get(f"{ITEMS}?bbox=-180,-90,180,90&limit=5", headers=JSON).json()
    nxt = next(x["href"] for x in first["links"] if x["rel"] == "next")
    assert "cursor=" in nxt
    calls.append(("GET", nxt, JSON))
    answered.clear()
    short, routes = _both(settings, monkeypatch, calls)
    assert len(answered) == _short(settings, calls)  # the short way took every one of them
    for a, b in zip(short, routes, strict=True):
        _same(a, b)
    page = short[0].json()
    assert page["numberReturned"] == 5 and page["numberMatched"] > 5
    assert short[0].headers["content-type"] == "application/geo+json"
    assert short[0].headers["x-frame-options"] == "DENY"
    assert short[0].headers["content-security-policy"].startswith("default-src 'none'")
    assert short[-2].content == b""  # HEAD
    assert json.loads(short[PAGES.index("/healthz")].content)["status"] == "ok"


STAMP = re.compile(rb'"timeStamp":"[0-9TZ:-]+"')


def test_the_short_way_sends_the_routes_bytes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, answered: list[str]
) -> None:
    """Byte for byte (the time stamp aside), headers in the same order: pages with links to
    the next and previous pages, a property filter, odd characters in the query."""
    calls = [
        ("GET", url, JSON)
        for url in (
            f"{ITEMS}?bbox=-180,-90,180,90&limit=4&offset=4",
            f"{ITEMS}?limit=3&bbox=-180,-90,180,90&actor=%C3%A9t%C3%A9+%26+co&f=json",
            f"{ITEMS}?event_type=protest&limit=2&cursor=3",
            "/healthz",
        )
    ] + [  # tiles: built, then kept, then built afresh; with a filter; empty (204), twice
        ("GET", f"{TILES}/0/0/0", {}),
        ("GET", f"{TILES}/0/0/0", {}),
        ("GET", f"{TILES}/0/0/0", {"Cache-Control": "no-cache"}),
        ("GET", f"{TILES}/1/1/0?event_type=protest", {}),
        ("GET", "/collections/places/tiles/WebMercatorQuad/1/1/0", {}),
        ("GET", f"{TILES}/12/0/0", {}),
        ("GET", f"{TILES}/12/0/0", {}),
    ]
    answered.clear()
    short, routes = _both(settings, monkeypatch, calls)
    # a kept tile is answered without a worker thread (not through ``answer``)
    assert len(answered) == _short(settings, calls) - 2
    if str(settings.store).startswith("postgresql"):
        # a database server's tiles are built in the event loop, but those with a property
        # filter (whose names are read from the store first); its pages in worker threads
        assert [p for p in answered if p.startswith("in the loop:")] == [
            f"in the loop:{TILES}/0/0/0",
            f"in the loop:{TILES}/0/0/0",
            "in the loop:/collections/places/tiles/WebMercatorQuad/1/1/0",
            f"in the loop:{TILES}/12/0/0",
        ]
    else:
        assert not any(p.startswith("in the loop:") for p in answered)
    for a, b in zip(short, routes, strict=True):
        assert a.status_code == b.status_code, a.text
        assert STAMP.sub(b"", a.content) == STAMP.sub(b"", b.content), a.request.url
        assert [k for k, _ in a.headers.multi_items()] == [k for k, _ in b.headers.multi_items()]
    assert STAMP.search(short[0].content)  # a page has its time stamp
    assert b'"rel":"prev"' in short[0].content and b'"rel":"next"' in short[0].content
    statuses = [r.status_code for r in short[4:]]
    assert statuses == [200, 200, 200, 200, 200, 204, 204]
    assert short[4].headers["content-type"] == "application/vnd.mapbox-vector-tile"
    assert short[4].content == short[5].content == short[6].content != short[7].content
    assert short[4].headers["cache-control"] == "public, max-age=60"


def test_a_public_url_and_a_foreign_host_are_handled_as_by_the_routes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, answered: list[str]
) -> None:
    public = settings.model_copy(update={"public_url": PUBLIC})
    calls = [
        ("GET", f"/geomap{ITEMS}?limit=2", JSON),
        ("GET", f"{ITEMS}?limit=2", JSON),
        ("GET", f"{ITEMS}?limit=2", {**JSON, "Host": "evil.example"}),
    ]
    short, routes = _both(public, monkeypatch, calls)
    for a, b in zip(short, routes, strict=True):
        _same(a, b)
    assert short[0].json()["links"][0]["href"].startswith(PUBLIC + ITEMS)
    assert short[2].status_code == 400  # the Host check comes first


def test_anything_else_goes_on_to_the_routes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, answered: list[str]
) -> None:
    calls = [
        ("GET", f"{ITEMS}?bbox=1,2,3", JSON),  # a bad bbox: the routes' 400
        ("GET", f"{ITEMS}?limit=0", JSON),
        ("GET", f"{ITEMS}?crs=EPSG:3857", JSON),
        ("GET", f"{ITEMS}?f=html", JSON),
        ("GET", f"{ITEMS}?limit=2", {"Accept": "text/html"}),
        ("GET", f"{ITEMS}?f=csv&limit=2", JSON),
        ("GET", "/collections/nothing/items", JSON),
        ("POST", f"{ITEMS}?limit=2", JSON),
        ("GET", f"{TILES}/99/0/0", {}),  # no such zoom: 400
        ("GET", f"{TILES}/2/9/0", {}),  # outside the grid: 404
        ("GET", f"{TILES}/0/0/x", {}),
        ("GET", "/collections/incidents/tiles/OtherQuad/0/0/0", {}),
        ("GET", "/collections/nothing/tiles/WebMercatorQuad/0/0/0", {}),
        ("GET", f"{TILES}/0/0/0?bbox=1,2,3", {}),
        ("GET", f"{TILES}/0/0/0?crs=EPSG:3857", {}),
    ]
    answered.clear()
    short, routes = _both(settings, monkeypatch, calls)
    assert answered == []
    for a, b in zip(short, routes, strict=True):
        _same(a, b)
    assert [r.status_code for r in short] == [
        *(400, 400, 400, 200, 200, 200, 404, 405),
        *(400, 404, 404, 404, 404, 400, 400),
    ]
    assert short[0].json()["where"] == "bbox"
    assert short[3].headers["content-type"].startswith("text/html")


def test_a_missing_store_is_the_routes_error(tmp_path: Path, gazetteer_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, store=str(tmp_path / "none.sqlite"), gazetteer=gazetteer_path
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        for url in ("/healthz", f"{ITEMS}?limit=2"):
            r = client.get(url, headers=JSON)
            assert r.status_code >= 400 and "ingest" in r.json()["description"]
            assert str(tmp_path) not in r.text


def test_healthz_does_not_wait_for_the_readers_of_pages(settings: Settings) -> None:
    """With every page reader busy, /healthz (answered in the event loop) still has a
    connection of its own: it never holds up the loop waiting for theirs."""
    one = settings.model_copy(update={"store_readers": 1})
    with TestClient(create_app(one), base_url="http://127.0.0.1:8000") as client:
        assert client.get("/healthz").status_code == 200
        store: Any = client.app.state.stores.get()  # type: ignore[attr-defined]
        with store._pool.connection():  # the one page reader, busy
            got: list[int] = []
            asking = threading.Thread(target=lambda: got.append(client.get("/healthz").status_code))
            asking.start()
            asking.join(20)  # without a connection of its own it would wait 30 s and fail
            assert got == [200]


def test_a_failed_read_in_the_event_loop_is_answered_by_the_routes(
    settings: Settings, answered: list[str]
) -> None:
    """A database server's tile built in the event loop whose connection the server has
    closed is answered by the routes (the same bytes); the next one is built in the loop
    again, on a fresh connection. The embedded store never builds one in the event loop."""
    fresh = {"Cache-Control": "no-cache"}
    if not str(settings.store).startswith("postgresql"):
        with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
            tile = client.get(f"{TILES}/0/0/0", headers=fresh)
        assert tile.status_code == 200 and answered == [f"{TILES}/0/0/0"]  # a worker thread
        return
    import psycopg

    from geomap.store.postgis import ASYNC_READER_NAME

    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        first = client.get(f"{TILES}/0/0/0", headers=fresh)
        assert first.status_code == 200 and answered == [f"in the loop:{TILES}/0/0/0"]
        with psycopg.connect(str(settings.store), autocommit=True) as admin:
            ended = admin.execute(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM"
                " pg_stat_activity WHERE application_name = %s) t",
                (ASYNC_READER_NAME,),
            ).fetchone()
        assert ended is not None and ended[0] >= 1
        answered.clear()
        again = client.get(f"{TILES}/0/0/0", headers=fresh)
        assert again.status_code == 200 and again.content == first.content
        assert answered == []  # neither the loop nor a thread of the short way: the routes
        after = client.get(f"{TILES}/0/0/0", headers=fresh)
        assert after.content == first.content
        assert answered == [f"in the loop:{TILES}/0/0/0"]
