"""Writes over HTTP against a running `geomap serve`: POST /documents and POST /corrections
exist only with a token; 401 without, 403 with a wrong one; bodies capped."""

from __future__ import annotations

import http.client
import json
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.main import WRITES_OFF

from ...conftest import http_get, running_server
from ...support import reports

TOKEN = "correct-horse-battery-staple"


def request(
    base: str,
    method: str,
    path: str,
    body: bytes | Any = b"",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], dict[str, Any]]:
    """(status, headers, JSON body) of one request; an iterable body is sent chunked."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    try:
        chunked = not isinstance(body, bytes)
        conn.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
        r = conn.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, json.loads(data or b"{}")
    finally:
        conn.close()


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path, geomap_exe: str
) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("writes")
    token_file = tmp / "token"
    token_file.write_text(TOKEN + "\n")
    env = {
        **__import__("os").environ,
        "GEOMAP_STORE": str(tmp / "store.sqlite"),
        "GEOMAP_CACHE": str(tmp / "cache.sqlite"),
        "GEOMAP_GAZETTEER": str(gazetteer_path),
        "GEOMAP_API_TOKEN_FILE": str(token_file),
        "GEOMAP_API_MAX_BODY": str(200_000),
    }
    with running_server(geomap_exe, env, log=tmp / "server.log") as base:
        yield base


def test_without_a_token_there_are_no_write_routes(
    tmp_path: Path, gazetteer_path: Path, geomap_exe: str, env: dict[str, str]
) -> None:
    env = {k: v for k, v in env.items() if not k.startswith("GEOMAP_API_TOKEN")}
    report = tmp_path / "report.txt"
    report.write_text("Troops entered Lyon on 3 March 2021.\n")
    subprocess.run([geomap_exe, "ingest", str(report)], env=env, check=True, capture_output=True)
    with running_server(geomap_exe, env) as base:
        status, _, body = request(base, "POST", "/documents", b"Troops in Lyon.", auth())
        assert status in (404, 405)
        assert body["description"] == WRITES_OFF  # not "no such path": what to do instead
        status, _, body = request(base, "POST", "/corrections", b"{}", auth())
        assert status == 405  # only GET /corrections exists
        assert body["description"] == WRITES_OFF
        status, _, body = request(base, "DELETE", "/corrections/3", b"", auth())
        assert status in (404, 405) and body["description"] == WRITES_OFF
        status, _, body = request(base, "POST", "/layers", b"{}", auth())
        assert status == 405 and body["description"] != WRITES_OFF  # not a write route
        assert http_get(base + "/corrections")[0] == 200
        paths = json.loads(http_get(base + "/openapi.json")[2])["paths"]
        assert "post" not in paths.get("/corrections", {})
        assert "/documents" not in paths


def test_401_without_credentials_403_with_wrong_ones(server: str) -> None:
    for path in ("/documents", "/corrections"):
        status, headers, body = request(server, "POST", path, b"x")
        assert status == 401 and headers["www-authenticate"] == "Bearer"
        assert body["code"] == "unauthorized"
        status, _, body = request(server, "POST", path, b"x", {"Authorization": "Basic Zm9v"})
        assert status == 401
        status, _, body = request(server, "POST", path, b"x", auth("wrong"))
        assert status == 403 and body["code"] == "forbidden"
        status, _, body = request(server, "POST", path, b"x", auth(TOKEN + "x"))
        assert status == 403


def test_request_size_is_capped(server: str) -> None:
    big = b"Troops reached Lyon. " * 20_000  # 420 kB over the 200 kB cap
    status, _, body = request(server, "POST", "/documents", big, auth())
    assert status == 413 and "limit is 200000" in body["description"]
    # no Content-Length: refused while streaming
    chunks = (b"Troops reached Lyon. " * 1000 for _ in range(20))
    status, _, body = request(server, "POST", "/documents", chunks, auth())
    assert status == 413 and body["code"] == "payload_too_large"


def test_ingest_then_correct_over_http(server: str) -> None:
    pdf = reports.pdf_file(
        "Arrests in Toulouse",
        ("Police arrested three men in Toulouse on Friday, the prosecutor said.",),
    )
    headers = {**auth(), "Content-Type": "application/pdf"}
    status, _, body = request(server, "POST", "/documents?name=r.pdf", pdf, headers)
    assert status == 201, body
    assert body["outcome"] == "added" and body["format"] == "pdf"
    doc_id = body["id"]
    status, _, again = request(server, "POST", "/documents?name=r.pdf", pdf, headers)
    assert status == 200 and again["outcome"] == "unchanged"
    status, _, doc = http_get(server + f"/documents/{doc_id}")
    assert status == 200 and "Toulouse" in json.loads(doc)["text"]
    status, _, bad = request(server, "POST", "/documents?name=x.pdf", b"%PDF-1.4 junk", headers)
    assert status == 400 and "cannot read PDF" in bad["description"]
    assert body["notes"] == []  # nothing refused, nothing cut

    incidents = json.loads(http_get(server + "/incidents")[2])["features"]
    arrest = next(f for f in incidents if f["properties"]["document_id"] == doc_id)
    status, _, made = request(
        server,
        "POST",
        "/corrections",
        json.dumps(
            {
                "layer": "incidents",
                "feature_id": arrest["id"],
                "action": "set",
                "date": "2024-03-01",
                "author": "desk-2",
            }
        ).encode(),
        {**auth(), "Content-Type": "application/json"},
    )
    assert status == 201, made
    assert made["author"] == "desk-2" and made["new"]["date_start"] == "2024-03-01"
    fixed = json.loads(http_get(server + f"/collections/incidents/items/{arrest['id']}")[2])
    assert fixed["properties"]["corrected"] is True
    assert fixed["properties"]["date_start"] == "2024-03-01"
    listed = json.loads(http_get(server + "/corrections")[2])
    assert [c["id"] for c in listed] == [made["id"]]

    status, _, body = request(
        server, "POST", "/corrections", b'{"layer": "incidents", "action": "hide"}', auth()
    )
    assert status == 400 and "feature_id" in body["description"]
    status, _, body = request(
        server,
        "POST",
        "/corrections",
        json.dumps({"layer": "incidents", "feature_id": "nope", "action": "hide"}).encode(),
        auth(),
    )
    assert status == 404


def test_front_matter_left_out_is_in_the_answer(server: str) -> None:
    """What `geomap ingest` warns about a report (a front-matter value left out) is in the
    answer's ``notes``, one line each, without the file name the CLI puts before it; the rest of
    the report is read and stored."""
    text = (
        b"---\ntitle: Floods near Tarvoss\npublished: 2021-13-45\nurl: ftp://news.invalid/x\n---\n"
        b"Police arrested two men in Toulouse on 3 March 2021, officials said.\n"
    )
    headers = {**auth(), "Content-Type": "text/plain"}
    status, _, body = request(server, "POST", "/documents?name=floods.md", text, headers)
    assert status == 201, body
    assert body["title"] == "Floods near Tarvoss"
    assert body["notes"] == [
        "front matter: published '2021-13-45' is not a date (use YYYY-MM-DD); left out",
        "front matter: url 'ftp://news.invalid/x' is not an http(s) address; left out",
    ]
    status, _, again = request(server, "POST", "/documents?name=floods.md", text, headers)
    assert status == 200 and again["notes"] == body["notes"]  # said again: the report says it
    doc = json.loads(http_get(server + f"/documents/{body['id']}")[2])
    assert doc["published"] is None and doc["url"] is None and "Toulouse" in doc["text"]
