"""CQL2 parsing through pygeofilter, with the standard's grouping and JSON forms."""

from __future__ import annotations

import json

import pytest
from pygeofilter import ast

from geomap.errors import InvalidParameter
from geomap.store.cql2 import like_regex, parse


def test_and_binds_tighter_than_or() -> None:
    tree = parse("event_type = 'protest' OR n_sources > 1 AND actor1 <> 'Alpha'")
    assert isinstance(tree, ast.Or)
    assert isinstance(tree.rhs, ast.And)
    assert isinstance(tree.lhs, ast.Equal)


def test_parentheses_keep_their_grouping() -> None:
    tree = parse("(event_type = 'protest' OR n_sources > 1) AND actor1 <> 'Alpha'")
    assert isinstance(tree, ast.And) and isinstance(tree.lhs, ast.Or)


def test_chains_of_and_and_or_group_as_the_standard_says() -> None:
    tree = parse("aa = 1 AND bb = 2 OR cc = 3 AND dd = 4")
    assert isinstance(tree, ast.Or)
    assert isinstance(tree.lhs, ast.And) and isinstance(tree.rhs, ast.And)
    tree = parse("aa = 1 OR bb = 2 OR cc = 3 AND dd = 4")
    assert isinstance(tree, ast.Or) and isinstance(tree.rhs, ast.And)
    assert isinstance(tree.lhs, ast.Or)


def test_json_bbox_is_minx_miny_maxx_maxy() -> None:
    expr = {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [10, 20, 30, 40]}]}
    tree = parse(json.dumps(expr), "cql2-json")
    ring = tree.rhs.geometry["coordinates"][0]
    assert min(p[0] for p in ring) == 10 and max(p[0] for p in ring) == 30
    assert min(p[1] for p in ring) == 20 and max(p[1] for p in ring) == 40


def test_json_between_takes_three_arguments() -> None:
    expr = {"op": "between", "args": [{"property": "n_sources"}, 2, 5]}
    tree = parse(json.dumps(expr), "cql2-json")
    assert isinstance(tree, ast.Between) and (tree.low, tree.high) == (2, 5)


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        ("event_type = ", None, "ends too early"),
        ("event_type === 'x'", None, "unexpected '=' at column 13"),
        ("{not json", "cql2-json", "not JSON"),
        ('{"op": "nonsense", "args": []}', "cql2-json", "not a CQL2 JSON expression"),
        ("event_type = 'x'", "cql-text", "filter-lang 'cql-text' is not supported"),
        ("x" * 30_000, None, "at most 20000"),
    ],
)
def test_bad_expressions_name_the_problem(text: str, lang: str | None, message: str) -> None:
    with pytest.raises(InvalidParameter) as err:
        parse(text, lang)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_no_filter_is_none() -> None:
    assert parse(None) is None and parse("  ") is None


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        ("Al%", ["Alpha", "Al"], ["alpha", "xAl"]),
        ("_eta", ["Beta"], ["Bbeta", "eta"]),
        ("100\\%", ["100%"], ["1000"]),
        ("a.c", ["a.c"], ["abc"]),
    ],
)
def test_like_patterns(pattern: str, matches: list[str], misses: list[str]) -> None:
    rx = like_regex(pattern)
    assert all(rx.fullmatch(m) for m in matches)
    assert not any(rx.fullmatch(m) for m in misses)
