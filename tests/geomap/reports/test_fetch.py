"""Fetching reports over HTTP from a loopback server: limits, user agent, robots.txt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from geomap.errors import FetchError
from geomap.reports.fetch import Fetcher
from geomap.reports.formats import read_report

from ...conftest import free_port
from ...support import reports
from ...support.webserver import Page, Site, serving


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as s:
        s.pages["/robots.txt"] = Page(
            b"User-agent: *\nDisallow: /private/\nAllow: /private/open\n", "text/plain"
        )
        yield s


def test_every_format_fetched_and_read(site: Site) -> None:
    site.pages["/news/floods"] = Page(reports.html_page())
    site.pages["/files/report"] = Page(reports.pdf_file(), "application/pdf")
    site.pages["/files/memo"] = Page(
        reports.docx_file(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    site.pages["/wire.txt"] = Page(b"Soldiers reached Lyon on Monday.\n", "text/plain")
    fetcher = Fetcher("geomap-test/1.0 (tests)")
    formats = {}
    for path in ("/news/floods", "/files/report", "/files/memo", "/wire.txt"):
        doc = read_report(site.url(path), fetcher)
        formats[path] = doc.format
        assert "Lyon" in doc.text
        assert doc.path == site.url(path)
    assert formats == {
        "/news/floods": "html",
        "/files/report": "pdf",
        "/files/memo": "docx",
        "/wire.txt": "text",
    }
    assert {ua for _, ua in site.requests} == {"geomap-test/1.0 (tests)"}
    assert site.hits("/robots.txt") == 1  # asked once per origin


def test_url_of_a_page_that_declares_none_is_where_it_came_from(site: Site) -> None:
    site.pages["/a"] = Page(reports.html_page().replace(b'<link rel="canonical"', b"<link"))
    assert read_report(site.url("/a"), Fetcher()).url == site.url("/a")


def test_robots_txt_is_honoured(site: Site) -> None:
    site.pages["/private/x"] = Page(reports.html_page())
    site.pages["/private/open"] = Page(reports.html_page())
    fetcher = Fetcher()
    with pytest.raises(FetchError, match="robots.txt .* disallows"):
        fetcher.get(site.url("/private/x"))
    assert site.hits("/private/x") == 0  # never asked for
    assert fetcher.get(site.url("/private/open")).data == reports.html_page()


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (503, False)])
def test_robots_txt_missing_or_unreachable(status: int, allowed: bool) -> None:
    """RFC 9309: a 4xx robots.txt allows everything; a 5xx one allows nothing."""
    with serving() as site:
        site.pages["/robots.txt"] = Page(b"oops", "text/plain", status)
        site.pages["/a"] = Page(reports.html_page())
        fetcher = Fetcher()
        assert fetcher.allowed(site.url("/a")) is allowed
        if not allowed:
            with pytest.raises(FetchError, match=f"robots.txt: HTTP {status}; a site whose"):
                fetcher.get(site.url("/a"))


def test_size_cap_from_the_header_and_while_reading(site: Site) -> None:
    site.pages["/big"] = Page(b"x" * 50_000, "text/plain")
    site.pages["/stream"] = Page(b"x" * 50_000, "text/plain", lie_length=True)
    fetcher = Fetcher(max_bytes=10_000)
    with pytest.raises(FetchError, match=r"too large \(50000 bytes, limit 10000\)"):
        fetcher.get(site.url("/big"))
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(site.url("/stream"))


def test_timeout_on_a_silent_or_dripping_server(site: Site) -> None:
    site.pages["/slow"] = Page(b"late", "text/plain", delay=3)
    site.pages["/drip"] = Page(b"x" * 8192, "text/plain", drip=0.4)
    fetcher = Fetcher(timeout=1)
    with pytest.raises(FetchError, match="no answer within 1 s"):
        fetcher.get(site.url("/slow"))
    with pytest.raises(FetchError, match="no answer within 1 s"):
        fetcher.get(site.url("/drip"))  # each chunk in time, the whole too slow


def test_errors_name_the_url_and_the_reason(site: Site) -> None:
    site.pages["/gone"] = Page(b"gone", "text/plain", 410)
    site.pages["/jump"] = Page(b"", "text/plain", 302, {"Location": "file:///etc/passwd"})
    fetcher = Fetcher()
    with pytest.raises(FetchError, match="HTTP 410") as info:
        fetcher.get(site.url("/gone"))
    assert str(info.value).startswith(site.url("/gone") + ": ")
    with pytest.raises(FetchError, match="non-HTTP"):
        fetcher.get(site.url("/jump"))
    with pytest.raises(FetchError, match="cannot fetch"):
        Fetcher(robots=False).get(f"http://127.0.0.1:{free_port()}/x")


def test_redirects_are_followed_and_the_final_url_kept(site: Site) -> None:
    site.pages["/old"] = Page(b"", "text/plain", 301, {"Location": "/new"})
    site.pages["/new"] = Page(reports.html_page().replace(b'<link rel="canonical"', b"<link"))
    doc = read_report(site.url("/old"), Fetcher())
    assert doc.url == site.url("/new")
