"""A page's links (api/geojson.py) are what starlette's own URLs say for each request: the
self link is ``request.url``, the collection ``url_for``'s, the others the request's query
with one parameter changed, each pair encoded as ``urlencode`` encodes it; the parts kept
from one request to the next (the URL without its query, the collection's URL) are never
another host's, scheme's or prefix's."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.requests import Request

from api import geojson
from geomap.store.base import Cursor, Page

ROUTES = FastAPI()


@ROUTES.get("/collections/{collectionId}", name="ogc_collection")
def _collection(collectionId: str) -> None:  # noqa: N803 - the route's parameter
    """The route ``_collection_url`` looks up."""


def _request(host: bytes | None, query: bytes, *, scheme: str = "http", root: str = "") -> Request:
    headers = [(b"accept", b"*/*")] + ([(b"host", host)] if host is not None else [])
    scope: dict[str, Any] = {
        "type": "http", "method": "GET", "scheme": scheme, "server": ["127.0.0.1", 8000],
        "path": f"{root}/collections/incidents/items", "root_path": root,
        "query_string": query, "headers": headers, "app": ROUTES, "router": ROUTES.router,
    }  # fmt: skip
    return Request(scope)


def _page() -> Page:
    """A page of 3 at offset 4 of 10 matches, with a next cursor."""
    return Page(3, 10, 4, 3, Cursor(7), b"", None)


def test_links_follow_each_requests_host_scheme_prefix_and_query() -> None:
    seen: dict[tuple[Any, ...], dict[str, str]] = {}
    for host in (b"127.0.0.1:8000", b"maps.example.org", None):
        for scheme in ("http", "https"):
            for root in ("", "/geomap"):
                for query in (b"limit=3&bbox=1,2,3,4", b"limit=3&actor=%C3%A9t%C3%A9+%26+co", b""):
                    request = _request(host, query, scheme=scheme, root=root)
                    links = geojson.page_links(request, "incidents", _page(), 4, 3)
                    by_rel = {x["rel"]: x["href"] for x in links if x["rel"] != "alternate"}
                    assert by_rel["self"] == str(request.url)
                    assert by_rel["collection"] == str(
                        request.url_for("ogc_collection", collectionId="incidents")
                    )
                    base = str(request.url).partition("?")[0]
                    assert by_rel["next"].startswith(base + "?")
                    assert by_rel["next"].endswith("offset=7&limit=3&cursor=7")
                    assert by_rel["prev"].startswith(base + "?")
                    key = (host, scheme, root, query)
                    seen[key] = by_rel
    # a collection URL per host, scheme and prefix (no Host header: the server's address,
    # the same as the first host's)
    assert len({v["collection"] for v in seen.values()}) == 2 * 2 * 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=8), st.text(max_size=8)), max_size=4))
def test_each_parameter_is_encoded_as_urlencode_encodes_it(pairs: list[tuple[str, str]]) -> None:
    assert geojson._encoded(pairs) == [(k, urlencode([(k, v)])) for k, v in pairs]
