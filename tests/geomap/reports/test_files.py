"""Reading only regular files, bounded; writing whole files or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geomap.errors import InputError, OutputError
from geomap.reports.files import (
    Skipped,
    display,
    open_output,
    read_bytes,
    report_paths,
)


def test_read_bytes_reads_a_regular_file_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(InputError, match=r"file too large \(101 bytes, limit 100\)"):
        path.write_bytes(b"x" * 101)
        read_bytes(path, limit=100)


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda p: os.mkfifo(p), "not a regular file (a FIFO)"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "no such file"),
    ],
)
def test_read_bytes_refuses_what_is_not_a_regular_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "thing.txt"
    make(path)
    with pytest.raises(InputError) as info:
        read_bytes(path)
    assert str(info.value) == f"{path}: {reason}"


def test_a_name_that_is_not_utf8_is_escaped_and_refused(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(b"text")
    name = os.fsdecode(raw)
    assert display(name) == f"{tmp_path}/caf\\xe9.txt"
    with pytest.raises(InputError, match="file name is not valid UTF-8"):
        read_bytes(name)


def test_report_paths_walks_in_order_and_reports_what_it_skips(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "notes.pdf").write_text("not a report")
    os.mkfifo(tmp_path / "c.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link to a folder is not followed
    found = list(report_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert found == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b" / "z.txt"),
        Skipped(f"{tmp_path}/c.txt", "not a regular file (a FIFO)"),
        str(tmp_path / "missing.txt"),  # named: read_bytes says why it cannot be read
    ]


def test_output_replaces_the_file_only_when_committed(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_text("old")
    with open_output(target) as out:
        out.write_bytes(b"new")
        assert target.read_text() == "old"  # not yet
    assert target.read_text() == "old"  # left without commit: discarded
    with open_output(target) as out:
        out.write_bytes(b"new")
        out.commit()
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


@pytest.mark.parametrize(
    "where,reason",
    [("{tmp}", "is a directory; give a file name"), ("{tmp}/no/x.html", "cannot write (no such")],
)
def test_open_output_checks_the_path(tmp_path: Path, where: str, reason: str) -> None:
    path = where.replace("{tmp}", str(tmp_path))
    with pytest.raises(OutputError) as info:
        open_output(path)
    assert str(info.value).startswith(f"{path}: {reason}")
