"""The online geocoder chain against a Nominatim-compatible server on loopback, driven through
the real geopy ``Nominatim``: places the gazetteer lacks, the cache, and every fault."""

from __future__ import annotations

import functools
import json
import re
import socket
import subprocess
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from geopy.geocoders import Nominatim
from hypothesis import given
from hypothesis import strategies as st

from geomap import cli
from geomap.errors import InvalidParameter
from geomap.gazetteer.cache import GeocodeCache
from geomap.geocoding.online import (
    BREAKER_FAILURES,
    OnlineProvider,
    ProviderConfig,
    iso_time,
    make_geocoder,
)
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document
from geomap.settings import Settings
from geomap.store.sqlite import SQLiteStore

from ...support.nominatim_stub import NominatimStub, village

REPORT = (
    "Soldiers flee across the Tumen     Kim Min-ji Border Monitor March 12, 2019\n"
    "Three North Korean soldiers fled from the village of Kolmoktong to the Chinese city of"
    " Dandong on Tuesday, residents said. Guards near Ryonbong border crossing fired shots, and"
    " officials in Paekam County said searches were under way in North Korea.\n"
)
INVENTED = {  # villages the gazetteer lacks (invented), as the stub knows them
    "kolmoktong": [village("Kolmoktong", 42.0512, 129.1203, "KP", "North Hamgyong", 9001)],
    "ryonbong": [village("Ryonbong", 41.4507, 128.2011, "KP", "Ryanggang", 9002)],
    "paekam county": [village("Paekam County", 41.1234, 128.8765, "KP", "Ryanggang", 9003)],
    "sangri": [village("Sangri", 7.9465, -1.0232, "GH", "Bono East", 9004)],
}
MIN_DELAY = 0.2
# long enough that a loaded machine never turns a slow answer into a timeout; the timeout
# fault uses SHORT_TIMEOUT, against a stub that sleeps three times as long
TIMEOUT = 30.0
SHORT_TIMEOUT = 0.5
RETRIES = 2
AGENT = "geomap-tests/1.0 (loopback)"


@pytest.fixture
def stub():  # type: ignore[no-untyped-def]
    with NominatimStub(places=INVENTED) as server:
        yield server


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, str]]:
    """(time.monotonic(), query) of every request geopy's Nominatim sends, taken in this
    process as it sends it: the schedule the rate limiter and Retry-After govern. (The stub's
    arrival times add the server thread's scheduling delay, which a busy machine makes
    larger for one request than the next.)"""
    calls: list[tuple[float, str]] = []
    original = Nominatim.geocode

    @functools.wraps(original)  # the same signature: the provider reads its parameters
    def geocode(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((time.monotonic(), str(query)))
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(Nominatim, "geocode", geocode)
    return calls


def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def online(settings: Settings, url: str, **changes: object) -> Settings:
    update: dict[str, object] = {
        "geocoders": ["nominatim"],
        "geocoder_url": url,
        "user_agent": AGENT,
        "geocoder_min_delay": MIN_DELAY,
        "geocoder_timeout": TIMEOUT,
        "geocoder_retries": RETRIES,
        "geocoder_backoff": 0.05,
        "geocoder_max_wait": 5.0,
    }
    update.update(changes)
    return settings.model_copy(update=update)


def document():  # type: ignore[no-untyped-def]
    return parse_document(REPORT.encode(), "report.txt")


def by_name(extraction):  # type: ignore[no-untyped-def]
    return {t.span.text: t.place for t in extraction.toponyms if t.place is not None}


def provider_entries(cache_path: Path, provider: str = "nominatim") -> list[tuple[str, str]]:
    cache = GeocodeCache(cache_path)
    rows = cache._con.execute(
        "SELECT query, answer FROM geocode_cache WHERE provider=? ORDER BY 1", (provider,)
    ).fetchall()
    cache.close()
    return rows


def assert_spaced(times: list[float], at_least: float) -> None:
    """Requests were sent at least ``at_least`` seconds apart (times taken by the sender, so
    only the clock's resolution is allowed for)."""
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(g >= at_least - 0.002 for g in gaps), gaps


def test_the_provider_is_geopys_nominatim_on_loopback(stub: NominatimStub) -> None:
    geocoder = make_geocoder(ProviderConfig("nominatim", url=stub.url, user_agent=AGENT))
    assert isinstance(geocoder, Nominatim)
    assert geocoder.domain == stub.domain and geocoder.scheme == "http"
    assert geocoder.headers["User-Agent"] == AGENT


def test_the_gazetteer_lacks_the_invented_villages(pipeline_factory, settings) -> None:  # type: ignore[no-untyped-def]
    gazetteer = pipeline_factory(settings).gazetteer
    assert not any(gazetteer.has(key) for key in INVENTED)


def test_offline_by_default_unknown_places_are_reported_with_the_reason(settings) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(settings)
    ex = pipeline.extract(document())
    pipeline.close()
    assert {u.span.text: u.reason for u in ex.unresolved} == {
        "Kolmoktong": "not in the gazetteer; no online geocoder configured",
        "Ryonbong": "not in the gazetteer; no online geocoder configured",
        "Paekam County": "not in the gazetteer; no online geocoder configured",
    }
    for u in ex.unresolved:
        assert REPORT[u.span.start : u.span.end] == u.span.text
    placed = by_name(ex)
    assert placed["Dandong"].provider == "gazetteer"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", placed["Dandong"].geocoded_at or "")
    assert provider_entries(settings.cache_path) == []


def test_a_village_the_gazetteer_lacks_is_resolved_online_then_cached(
    stub: NominatimStub, settings: Settings, sent: list[tuple[float, str]]
) -> None:
    config = online(settings, stub.url)
    first = Pipeline(config)
    ex = first.extract(document())
    first.close()
    placed = by_name(ex)
    kolmoktong = placed["Kolmoktong"]
    assert (kolmoktong.lat, kolmoktong.lon) == (42.0512, 129.1203)
    assert kolmoktong.provider == "nominatim" and kolmoktong.country_code == "KP"
    assert kolmoktong.gazetteer_id == "osm:node/9001" and kolmoktong.admin1 == "North Hamgyong"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", kolmoktong.geocoded_at or "")
    assert placed["Ryonbong"].gazetteer_id == "osm:node/9002"
    assert placed["Paekam County"].gazetteer_id == "osm:node/9003"
    assert placed["Dandong"].provider == "gazetteer"  # the gazetteer still answers first
    assert ex.unresolved == ()
    # the village is now a movement's origin
    assert any(m.path[0].name == "Kolmoktong" for m in ex.movements)
    asked = Counter(r.query for r in stub.requests)
    assert asked == {"Kolmoktong": 1, "Ryonbong": 1, "Paekam County": 1}
    assert {r.countrycodes for r in stub.requests} == {"cn,kp"}  # asked in the document's context
    assert [q for _, q in sent] == [r.query for r in stub.requests]
    assert_spaced([t for t, _ in sent], MIN_DELAY)
    cached = dict(provider_entries(settings.cache_path))
    assert set(cached) == {"kolmoktong", "ryonbong", "paekam county"}
    raw = GeocodeCache(settings.cache_path).get("nominatim", "Kolmoktong", "cc=cn,kp")
    assert raw is not None and raw[0].raw["osm_id"] == 9001  # the provider's payload is kept

    stub.set()  # forget the request log
    second = Pipeline(config)
    again = second.extract(document())
    second.close()
    assert stub.requests == []  # the second run makes zero requests
    assert by_name(again) == placed  # same places, same provider timestamps


def test_cli_flags_turn_the_provider_on_and_the_second_run_asks_nothing(
    geomap_exe: str, env: dict[str, str], stub: NominatimStub, tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    flags = ["--geocoder", "nominatim", "--geocoder-url", stub.url, "--user-agent", AGENT]
    flags += ["--geocoder-min-delay", "0"]
    out = subprocess.run(
        [geomap_exe, "extract", str(report), *flags], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    fc = json.loads(out.stdout)
    names = {
        f["properties"]["name"]: f["properties"]
        for f in fc["features"]
        if f["properties"]["layer"] == "places"
    }
    assert names["Kolmoktong"]["geocoder"] == "nominatim"
    assert names["Kolmoktong"]["geocoded_at"]
    assert names["Dandong"]["geocoder"] == "gazetteer"
    assert fc["unresolved"] == []
    assert "nominatim 3 requests, 3 answers" in out.stderr
    assert len(stub.requests) == 3

    stub.set()
    out = subprocess.run(
        [geomap_exe, "ingest", str(report), *flags], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    assert stub.requests == []
    assert "geocoding: nominatim 0 requests, 0 answers; 3 placed online" in out.stderr

    # offline, the same file lists the three villages as unresolved, with the reason
    out = subprocess.run(
        [geomap_exe, "extract", str(report)], capture_output=True, text=True, env=env
    )
    unresolved = json.loads(out.stdout)["unresolved"]
    assert [(u["text"], u["document"]) for u in unresolved] == [
        ("Kolmoktong", str(report)),
        ("Ryonbong", str(report)),
        ("Paekam County", str(report)),
    ]
    assert {u["reason"] for u in unresolved} == {
        "not in the gazetteer; no online geocoder configured"
    }


FAULTS = {
    # fault: (reason in the summary, retried?)
    "timeout": ("timed out", True),
    "429": ("rate limited (HTTP 429)", True),
    "500": ("server error (HTTP 500)", True),
    "malformed": ("malformed response (not JSON)", False),
    "badshape": ("malformed response", False),
    "refused": ("connection refused", True),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_ends_in_fallback_or_unresolved_and_nothing_is_cached(
    fault: str,
    stub: NominatimStub,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sent: list[tuple[float, str]],
) -> None:
    reason, retried = FAULTS[fault]
    timeout = SHORT_TIMEOUT if fault == "timeout" else TIMEOUT
    monkeypatch.setenv("GEOMAP_GEOCODER_BACKOFF", "0.05")
    url = f"http://127.0.0.1:{closed_port()}" if fault == "refused" else stub.url
    stub.set(fault=None if fault == "refused" else fault, retry_after="1", sleep=timeout * 3)
    config = online(settings, url, geocoder_timeout=timeout)
    report = settings.data_dir / "report.txt"
    report.write_text(REPORT, encoding="utf-8")

    args = ["ingest", str(report), "--store", str(settings.store_path)]
    args += ["--cache", str(settings.cache_path), "--gazetteer", str(settings.gazetteer_path)]
    args += ["--geocoder", "nominatim", "--geocoder-url", url, "--user-agent", AGENT]
    args += ["--geocoder-min-delay", str(MIN_DELAY), "--geocoder-timeout", str(timeout)]
    args += ["--geocoder-retries", str(RETRIES)]
    assert cli.main(args) == 0  # the ingest completes
    err = capsys.readouterr().err
    assert "ingested 1 new" in err
    assert reason in err and "unresolved" in err
    store = SQLiteStore(settings.store_path)
    places = {f["properties"]["name"]: f["properties"] for f in store.layer("places")}
    store.close()
    assert "Kolmoktong" not in places
    assert places["Dandong"]["geocoder"] == "gazetteer"  # the gazetteer's places are all there
    assert provider_entries(settings.cache_path) == []  # no error was cached

    requests = stub.requests
    asked = Counter(r.query for r in requests)
    if fault == "refused":
        assert requests == []
    else:
        tries = RETRIES + 1 if retried else 1
        # each lookup tries a bounded number of times; the breaker stops after a few lookups
        assert set(asked.values()) == {tries}
        assert len(asked) == BREAKER_FAILURES
        assert sorted(q for _, q in sent) == sorted(r.query for r in requests)
        assert_spaced([t for t, _ in sent], MIN_DELAY)
        if fault == "429":  # Retry-After: 1 is honoured between tries of one query
            for query in asked:
                assert_spaced([t for t, q in sent if q == query], 1.0)

    # the same run in-process gives each mention its reason
    pipeline = Pipeline(config)
    ex = pipeline.extract(document())
    pipeline.close()
    reasons = {u.span.text: u.reason for u in ex.unresolved}
    assert set(reasons) == {"Kolmoktong", "Ryonbong", "Paekam County"}
    assert all(r.startswith("not in the gazetteer; nominatim: ") for r in reasons.values())
    assert reason in reasons["Kolmoktong"]
    assert provider_entries(settings.cache_path) == []

    if fault != "refused":  # the service recovers: nothing cached stands in the way
        stub.set(fault=None)
        pipeline = Pipeline(config)
        ex = pipeline.extract(document())
        pipeline.close()
        assert by_name(ex)["Kolmoktong"].provider == "nominatim" and ex.unresolved == ()


def test_an_empty_answer_is_a_negative_cached_until_its_ttl(
    stub: NominatimStub, settings: Settings
) -> None:
    stub.set(fault="empty")
    config = online(settings, stub.url)
    pipeline = Pipeline(config)
    ex = pipeline.extract(document())
    pipeline.close()
    assert {u.reason for u in ex.unresolved} == {"not in the gazetteer; nominatim: no result"}
    entries = provider_entries(settings.cache_path)
    assert [q for q, _ in entries] == ["kolmoktong", "paekam county", "ryonbong"]
    assert {a for _, a in entries} == {"[]"}
    assert len(stub.requests) == 3

    stub.set(fault=None)
    pipeline = Pipeline(config)
    pipeline.extract(document())
    pipeline.close()
    assert stub.requests == []  # the negatives are trusted while fresh

    pipeline = Pipeline(config.model_copy(update={"cache_negative_ttl": 0.0}))
    ex = pipeline.extract(document())
    pipeline.close()
    assert len(stub.requests) == 3 and ex.unresolved == ()  # expired: asked again


def test_a_transient_error_is_retried_with_backoff(stub: NominatimStub, settings: Settings) -> None:
    stub.set(fault="500", fault_times=1)
    pipeline = Pipeline(online(settings, stub.url, geocoder_backoff=0.4))
    ex = pipeline.extract(document())
    pipeline.close()
    assert ex.unresolved == ()
    first = [r for r in stub.requests if r.query == stub.requests[0].query]
    assert [r.status for r in first] == [500, 200]
    # the backoff, not just the rate limit: the retry leaves after the 500 came back, so the
    # stub sees it at least the backoff after it saw the first try
    assert first[1].at - first[0].at >= 0.4


def test_a_retry_after_beyond_the_limit_is_not_waited_for(
    stub: NominatimStub, settings: Settings
) -> None:
    stub.set(fault="429", retry_after="3600")
    pipeline = Pipeline(online(settings, stub.url))
    ex = pipeline.extract(document())
    pipeline.close()
    assert len(stub.requests) == BREAKER_FAILURES  # one request per lookup, no hour-long wait
    assert "Retry-After 3600 s is over the 5 s limit" in ex.unresolved[0].reason


def test_an_answer_outside_the_documents_countries_is_rejected(
    stub: NominatimStub, settings: Settings
) -> None:
    text = REPORT.replace("Kolmoktong", "Sangri")
    stub.set(ignore_countrycodes=True)  # a sloppy service answers with a village in Ghana
    pipeline = Pipeline(online(settings, stub.url))
    ex = pipeline.extract(parse_document(text.encode(), "report.txt"))
    pipeline.close()
    assert "Sangri" not in by_name(ex)
    reasons = {u.span.text: u.reason for u in ex.unresolved}
    assert reasons["Sangri"] == "not in the gazetteer; nominatim: 1 result(s), none in CN, KP"
    assert by_name(ex)["Ryonbong"].country_code == "KP"


def test_a_gazetteer_answer_outside_the_context_gets_a_second_opinion(
    stub: NominatimStub, settings: Settings
) -> None:
    text = REPORT.replace("fired shots", "fired shots, as in Hanoi")
    doc = parse_document(text.encode(), "report.txt")
    pipeline = Pipeline(online(settings, stub.url))
    ex = pipeline.extract(doc)
    pipeline.close()
    assert "Hanoi" in Counter(r.query for r in stub.requests)  # Hanoi, VN is not in CN or KP
    assert by_name(ex)["Hanoi"].country_code == "VN"  # no better answer: the gazetteer's stays
    assert by_name(ex)["Hanoi"].provider == "gazetteer"

    hanoi_kp = village("Hanoi", 40.5, 127.5, "KP", "South Hamgyong", 9005)
    stub.set(places={**INVENTED, "hanoi": [hanoi_kp]})
    pipeline = Pipeline(
        online(settings.model_copy(update={"cache": settings.data_dir / "c2"}), stub.url)
    )
    ex = pipeline.extract(doc)
    pipeline.close()
    assert by_name(ex)["Hanoi"].gazetteer_id == "osm:node/9005"  # one inside the context wins


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"geocoder_url": None}, "'nominatim' is a public service and needs a user agent"),
        ({"geocoders": ["nominatimm"]}, "unknown geocoder 'nominatimm'"),
        ({"geocoder_url": "ftp://example"}, "bad geocoder URL 'ftp://example'"),
    ],
)
def test_bad_geocoder_settings_name_the_bad_value(settings, changes, message) -> None:  # type: ignore[no-untyped-def]
    config = online(settings, "http://127.0.0.1:9", user_agent=None, **changes)
    if "geocoder_url" not in changes:
        config = config.model_copy(update={"user_agent": AGENT})
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        Pipeline(config)


def test_the_environment_configures_the_chain(stub: NominatimStub, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GEOMAP_GEOCODERS", "Nominatim")
    monkeypatch.setenv("GEOMAP_GEOCODER_URL", stub.url)
    monkeypatch.setenv("GEOMAP_USER_AGENT", AGENT)
    monkeypatch.setenv(
        "GEOMAP_GEOCODER_OPTIONS", '{"nominatim": {"min_delay": 0.05, "retries": 4}}'
    )
    from geomap.geocoding.online import provider_configs

    (config,) = provider_configs(Settings())
    assert (config.name, config.url, config.user_agent) == ("nominatim", stub.url, AGENT)
    assert (config.min_delay, config.retries) == (0.05, 4)
    provider = OnlineProvider(config)
    found = provider.geocode("Kolmoktong", ["KP"])
    assert not isinstance(found, Exception) and isinstance(found, list)
    assert found[0].raw["osm_id"] == 9001


@given(
    st.one_of(
        st.floats(min_value=-2e9, max_value=4e9),
        # just below a whole second, where rounding to microseconds carries into the next
        st.integers(-(10**6), 4 * 10**9).map(lambda s: s + 0.9999996),
        st.integers(-(10**6), 4 * 10**9).map(lambda s: s + 0.999),
    )
)
def test_iso_time_is_the_second_the_clock_shows(ts: float) -> None:
    # (answers remembered by their second give what formatting the time itself gives)
    assert iso_time(ts) == datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert iso_time(ts) == iso_time(ts)


def test_a_street_carries_its_towns_stamp_in_every_run(settings: Settings) -> None:
    """A street placed at its town was geocoded when the town was: over one cache, two runs
    seconds apart store the same ``geocoded_at`` (a later run does not restamp it)."""
    text = "A fire on Elm Street in Dayton, Ohio, spread to Toledo Road. Dayton firemen came."
    stamps = []
    for run in range(2):
        if run:
            time.sleep(1.1)  # a stamp taken from the clock would differ by a second
        pipeline = Pipeline(settings)
        ex = pipeline.extract(parse_document(text.encode(), "fire.txt"))
        pipeline.close()
        places = {t.span.text: t.place for t in ex.toponyms if t.place is not None}
        street, town = places["Elm Street"], places["Dayton"]
        assert street.feature_type == "street" and street.geocoded_at == town.geocoded_at
        stamps.append((street.geocoded_at, places["Toledo Road"].geocoded_at))
    assert stamps[0] == stamps[1]
