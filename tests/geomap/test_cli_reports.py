"""`geomap ingest` of reports in every format, URLs and feeds, through the installed entry point;
offsets checked against the text `GET /documents/{id}` returns from a running server."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from ..conftest import http_get, running_server
from ..support import reports
from ..support.webserver import Page, serving
from .test_cli import run

LYON = ("Soldiers were deployed to Lyon on Tuesday after heavy rain, officials said.",)
NICE = ("About 200 people were evacuated from Marseille to Nice on Wednesday.",)
TOULOUSE = ("Police arrested three men in Toulouse on Friday, the prosecutor said.",)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.html").write_bytes(reports.html_page(paragraphs=LYON))
    (folder / "report.pdf").write_bytes(reports.pdf_file("Arrests in Toulouse", TOULOUSE))
    (folder / "sub" / "memo.docx").write_bytes(reports.docx_file("Evacuation", NICE))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("Troops in Oslo.")
    return folder


def test_folder_of_every_format_offsets_index_the_stored_text(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    out = run(geomap_exe, "ingest", str(folder), env=env)
    assert out.returncode == 0, out.stderr
    summary = out.stderr.strip().splitlines()[-1]
    assert "ingested 3 new, 0 unchanged, 0 failed" in summary
    assert "3 skipped (" in summary
    for reason in ("1 unsupported .jpg", "1 unsupported .xlsx", "1 hidden"):
        assert reason in summary
    with running_server(geomap_exe, env) as base:
        status, _, body = http_get(base + "/layers/places")
        assert status == 200
        places = json.loads(body)["features"]
        names = {f["properties"]["name"] for f in places}
        assert {"Lyon", "Marseille", "Nice", "Toulouse"} <= names
        texts: dict[str, dict] = {}
        checked = 0
        for f in places:
            for m in json.loads(f["properties"]["mentions"]):
                if m["document_id"] not in texts:
                    status, _, body = http_get(f"{base}/documents/{m['document_id']}")
                    assert status == 200
                    texts[m["document_id"]] = json.loads(body)
                assert texts[m["document_id"]]["text"][m["start"] : m["end"]] == m["text"]
                checked += 1
        assert checked >= 5
        assert {d["format"] for d in texts.values()} == {"html", "pdf", "docx"}
        for d in texts.values():
            assert "<" not in d["text"]
        status, _, body = http_get(base + "/incidents")
        for f in json.loads(body)["features"]:
            p = f["properties"]
            assert texts[p["document_id"]]["text"][p["quote_start"] : p["quote_end"]] == p["quote"]
        assert http_get(base + "/documents/0000000000000000")[0] == 404


def test_html_named_directly_is_read_as_a_page_not_as_tags(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(reports.html_page())
    out = run(geomap_exe, "extract", str(page), env=env)
    assert out.returncode == 0, out.stderr
    features = json.loads(out.stdout)["features"]
    assert {f["properties"]["publisher"] for f in features} == {"The Daily Example"}
    assert {f["properties"]["url"] for f in features} == {"https://news.example.org/floods"}
    assert not any("<" in (f["properties"].get("quote") or "") for f in features)


def test_urls_ingested_and_a_bad_one_is_one_line(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    with serving() as site:
        site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /secret\n", "text/plain")
        site.pages["/a"] = Page(reports.html_page(paragraphs=LYON))
        site.pages["/b.pdf"] = Page(reports.pdf_file("Toulouse", TOULOUSE), "application/pdf")
        site.pages["/secret"] = Page(reports.html_page(paragraphs=NICE))
        good = tmp_path / "good.txt"
        good.write_text("Troops were sent from Kyiv to Lviv on Monday.\n")
        urls = [site.url("/a"), site.url("/missing"), site.url("/b.pdf"), site.url("/secret")]
        out = run(geomap_exe, "ingest", *urls, str(good), env=env)
        assert out.returncode == 2
        errors = [line for line in out.stderr.splitlines() if line.startswith("geomap: error:")]
        assert errors == [
            f"geomap: error: {site.url('/missing')}: HTTP 404",
            f"geomap: error: {site.url('/secret')}: robots.txt of {site.base} disallows"
            f" geomap/0.1.0",
        ]
        assert "ingested 3 new, 0 unchanged, 2 failed" in out.stderr
        assert site.hits("/secret") == 0
        # the same URL again: the same document
        out = run(geomap_exe, "ingest", site.url("/a"), env=env)
        assert "ingested 0 new, 1 unchanged" in out.stderr
        # removed by its URL
        out = run(geomap_exe, "remove", site.url("/a"), env=env)
        assert out.returncode == 0, out.stderr
        assert "removed 1 documents" in out.stderr


def test_a_site_that_cannot_be_reached_is_named_as_such(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """Its robots.txt cannot be read, so nothing is fetched: the line says why (the
    connection refused, an error status), not that robots.txt disallows geomap."""
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with serving() as site:
        site.pages["/robots.txt"] = Page(b"down for maintenance", "text/plain", 503)
        site.pages["/a"] = Page(reports.html_page(paragraphs=LYON))
        urls = [f"http://127.0.0.1:{port}/report.html", site.url("/a")]
        out = run(geomap_exe, "extract", *urls, env=env)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        f"geomap: error: {urls[0]}: robots.txt: cannot fetch ([Errno 111] Connection refused);"
        " a site whose robots.txt cannot be read is not fetched (RFC 9309)",
        f"geomap: error: {urls[1]}: robots.txt: HTTP 503;"
        " a site whose robots.txt cannot be read is not fetched (RFC 9309)",
    ]
    assert site.hits("/a") == 0


def test_feed_entries_ingested_once_and_only_new_ones_later(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    env = dict(env, GEOMAP_FEEDS=str(tmp_path / "feeds.sqlite"))
    with serving() as site:
        site.pages["/one"] = Page(reports.html_page("Deployment", LYON))
        site.pages["/two"] = Page(reports.html_page("Arrests", TOULOUSE))
        site.pages["/three"] = Page(reports.html_page("Evacuation", NICE))
        entries = [("urn:1", site.url("/one"), "One"), ("urn:2", site.url("/two"), "Two")]
        site.pages["/rss"] = Page(reports.rss_feed(entries), "application/rss+xml")
        out = run(geomap_exe, "ingest", "--feed", site.url("/rss"), env=env)
        assert out.returncode == 0, out.stderr
        assert "ingested 2 new, 0 unchanged, 0 failed" in out.stderr

        out = run(geomap_exe, "ingest", "--feed", site.url("/rss"), env=env)
        assert "ingested 0 new, 2 unchanged, 0 failed" in out.stderr
        assert site.hits("/one") == site.hits("/two") == 1  # never fetched again

        entries.insert(0, ("urn:3", site.url("/three"), "Three"))
        site.pages["/rss"] = Page(reports.rss_feed(entries), "application/rss+xml")
        # an Atom feed with a relative link, beside it
        site.pages["/atom"] = Page(
            reports.atom_feed([("tag:x,2024:1", "/one", "One again")]), "application/atom+xml"
        )
        out = run(
            geomap_exe, "ingest", "--feed", site.url("/rss"), "--feed", site.url("/atom"), env=env
        )
        assert out.returncode == 0, out.stderr
        # /three is new; the Atom entry is a new entry whose page is a stored document
        assert "ingested 1 new, 3 unchanged, 0 failed" in out.stderr
        assert site.hits("/three") == 1 and site.hits("/one") == 2

        site.pages["/notfeed"] = Page(b"just words", "text/plain")
        out = run(geomap_exe, "ingest", "--feed", site.url("/notfeed"), env=env)
        assert out.returncode == 2
        assert f"geomap: error: {site.url('/notfeed')}: not an RSS or Atom feed" in out.stderr


def test_version_quiet_and_usage(geomap_exe: str, env: dict[str, str], tmp_path: Path) -> None:
    from geomap import __version__

    out = run(geomap_exe, "--version", env=env)
    assert out.returncode == 0 and out.stdout.strip() == f"geomap {__version__}"
    folder = _folder(tmp_path)
    out = run(geomap_exe, "ingest", "--quiet", str(folder), env=env)
    assert out.returncode == 0 and out.stderr == ""
    out = run(
        geomap_exe, "-q", "export", "--layer", "places", "-o", str(tmp_path / "p.csv"), env=env
    )
    assert out.returncode == 0 and out.stderr == ""
    missing = tmp_path / "missing.txt"
    out = run(geomap_exe, "ingest", "-q", str(missing), env=env)
    assert out.returncode == 2  # errors are never quiet
    assert out.stderr == f"geomap: error: {missing}: no such file\n"
    out = run(geomap_exe, "ingest", env=env)
    assert out.returncode == 2 and "--feed" in out.stderr


def test_unresolved_lists_names_not_placed_with_the_reason(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "Shelling hit Zorvatka village near Kharkiv on Monday, officials in Kyiv said.\n"
    )
    out = run(geomap_exe, "ingest", "--show-unresolved", str(report), env=env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "document\tstart\tend\ttext\treason"
    assert lines[1].startswith(f"{report}\t13\t21\tZorvatka\tnot in the gazetteer")
    # later, from the store alone
    out = run(geomap_exe, "unresolved", env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[1:] == lines[1:]
    assert "1 mentions not placed in 1 documents" in out.stderr


def _on_a_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Exit status and what ``argv`` wrote on stderr, a terminal (a pty)."""
    import pty

    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env=dict(env, TERM="xterm", COLUMNS="120"),
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    status = proc.wait(timeout=300)
    os.close(main)
    return status, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """On a terminal stderr shows a progress bar; in a pipe only the summary line."""
    folder = _folder(tmp_path)
    status, screen = _on_a_terminal([geomap_exe, "ingest", str(folder)], env)
    assert status == 0
    assert "ingesting" in screen and "3/3" in screen  # the bar, with its count
    assert "\x1b[" in screen  # drawn with terminal control sequences
    assert "ingested 0 new, 0 unchanged" not in screen
    assert "ingested 3 new" in screen
    piped = run(geomap_exe, "ingest", str(folder), env=env)
    assert "\x1b[" not in piped.stderr and "ingesting" not in piped.stderr
    assert len(piped.stderr.strip().splitlines()) == 2  # geocoding line and summary


def test_damaged_pdf_and_docx_among_good_files_are_one_line_each(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A PDF cut short gave pypdf's bare "EOF marker not found" on stderr beside geomap's line;
    a DOCX whose XML is cut short ended the whole ingest with lxml's traceback. Each is now one
    line naming the file, and the good files go in."""
    import io
    import zipfile

    folder = _folder(tmp_path)
    pdf = reports.pdf_file("Arrests in Toulouse", TOULOUSE)
    (folder / "cut.pdf").write_bytes(pdf[: len(pdf) // 2])
    good = zipfile.ZipFile(io.BytesIO(reports.docx_file("Evacuation", NICE)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as cut:
        for info in good.infolist():
            part = good.read(info)
            cut.writestr(info, part[: len(part) // 2] if info.filename.endswith(".xml") else part)
    (folder / "cut.docx").write_bytes(buf.getvalue())
    out = run(geomap_exe, "ingest", str(folder), env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    *errors, geocoding, summary = out.stderr.splitlines()
    assert [line.split(" (")[0] for line in errors] == [
        f"geomap: error: {folder / 'cut.docx'}: cannot read DOCX",
        f"geomap: error: {folder / 'cut.pdf'}: cannot read PDF",
    ]
    assert geocoding.startswith("geocoding: ")
    assert summary.startswith("ingested 3 new, 0 unchanged, 2 failed")


def test_names_and_urls_reach_the_terminal_escaped(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A file name or URL (a feed's links come from the feed) is shown as text: its control
    characters escaped (ESC set the terminal's colours, title, cursor), and rich's markup in it
    not read (``[/]`` in a URL ended an ingest on a terminal with rich's MarkupError)."""
    from ..conftest import free_port

    folder = _folder(tmp_path)
    (folder / "bad\x1b[31mred.txt").write_bytes(b"Troops\x00 in Lyon.")
    url = f"http://127.0.0.1:{free_port()}/a[/]b"  # nothing listens: one line, not fetched
    shown = f"geomap: error: {folder}/bad\\x1b[31mred.txt: binary file"
    piped = run(geomap_exe, "ingest", str(folder), url, env=env)
    assert piped.returncode == 2
    lines = piped.stderr.splitlines()
    assert lines[0].startswith(shown) and lines[1].startswith(f"geomap: error: {url}: ")
    assert "\x1b" not in piped.stderr
    status, screen = _on_a_terminal([geomap_exe, "ingest", str(folder), url], env)
    assert status == 2 and "Traceback" not in screen and "MarkupError" not in screen
    assert shown in screen and f"geomap: error: {url}: " in screen
    assert "\x1b[31mred" not in screen
    assert "ingested 0 new, 3 unchanged, 2 failed" in screen  # (the pipe ingested them)


def test_unresolved_keeps_one_row_of_five_columns_whatever_the_file_name(
    geomap_exe: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A tab or ESC in a file's name went raw into `geomap unresolved`'s table: a sixth
    column, and a sequence that cleared the terminal."""
    (tmp_path / "odd\x1b[2J\tname.txt").write_text(
        "Troops reached the village of Zorvanka on Monday, officials said.\n"
    )
    out = run(geomap_exe, "unresolved", str(tmp_path), env=env)
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.splitlines()
    assert header.split("\t") == ["document", "start", "end", "text", "reason"]
    assert [row.split("\t")[:4] for row in rows] == [
        [f"{tmp_path}/odd\\x1b[2J\\tname.txt", "30", "38", "Zorvanka"]
    ]
