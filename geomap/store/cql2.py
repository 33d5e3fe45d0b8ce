"""CQL2 filters (OGC API – Features Part 3): parsed by pygeofilter, compiled to parameterised
SQL for each backend.

pygeofilter's parsers and AST are used as they are, with three corrections made around them
rather than inside: in cql2-text, AND binds tighter than OR (its grammar reads them left to
right at one level, so ``a OR b AND c`` is regrouped as ``a OR (b AND c)``); in cql2-json, a
``{"bbox": [minx, miny, maxx, maxy]}`` literal becomes a polygon (the parser reads the four
numbers in ECQL's order) and ``between`` takes its three arguments as the standard writes them.

What is supported, and declared in ``/conformance`` (:data:`CONFORMANCE`): comparisons of a
property with a literal or another property of the same type (``=``, ``<>``, ``<``, ``<=``,
``>``, ``>=``), ``AND``/``OR``/``NOT``, ``IS [NOT] NULL``; ``LIKE``, ``BETWEEN``, ``IN``;
``CASEI``; the spatial functions ``S_INTERSECTS``, ``S_DISJOINT``, ``S_WITHIN``,
``S_CONTAINS``, ``S_EQUALS``, ``S_TOUCHES``, ``S_CROSSES``, ``S_OVERLAPS`` of ``geometry`` with
a literal geometry (WKT, GeoJSON, ``BBOX``). Temporal functions, arrays, arithmetic and
``ACCENTI`` are refused with a 400 saying so.

Values: text compares as text (``LIKE`` is case-sensitive unless ``CASEI``), numbers as numbers,
dates (``DATE('2024-01-31')``, or a timestamp, taken as its UTC day) as dates. Comparing a
property with a value of another type is a 400 naming both.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Literal

from geomap.errors import InvalidParameter

LANGS = ("cql2-text", "cql2-json")
MAX_FILTER = 20_000  # characters of a filter expression
MAX_NODES = 500  # predicates and values in one expression

CONFORMANCE = (
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
    "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
    "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
    "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
)

Kind = Literal["string", "integer", "number", "date", "timestamp", "geometry"]
SPATIAL_OPS = (
    "intersects",
    "disjoint",
    "within",
    "contains",
    "equals",
    "touches",
    "crosses",
    "overlaps",
)


TEMPORAL_UNSUPPORTED = (
    "temporal functions (T_...) are not supported; use datetime= or compare"
    " date_start/date_end with DATE('YYYY-MM-DD')"
)
ARRAY_UNSUPPORTED = "array functions (A_...) are not supported"
UNOFFERED = {"T": TEMPORAL_UNSUPPORTED, "A": ARRAY_UNSUPPORTED}
_UNOFFERED = re.compile(r"\b([TA])_[A-Za-z]+\s*\(", re.IGNORECASE)


def _bad(message: str) -> InvalidParameter:
    return InvalidParameter(message, where="filter")


# ---------------------------------------------------------------------------------------------
# parsing


def _text_parser() -> Any:
    """pygeofilter's cql2-text grammar, built to give a tree with source positions (so the
    AND/OR grouping can be corrected before pygeofilter's own transformer runs)."""
    global _TEXT_PARSER
    if _TEXT_PARSER is None:
        from lark import Lark
        from pygeofilter.parsers.cql2_text import parser as module

        folder = os.path.dirname(module.__file__)
        _TEXT_PARSER = Lark.open(
            "grammar.lark",
            rel_to=module.__file__,
            parser="lalr",
            maybe_placeholders=False,
            propagate_positions=True,
            import_paths=[os.path.dirname(folder)],
        )
    return _TEXT_PARSER


_TEXT_PARSER: Any = None


def _regroup(tree: Any, text: str) -> Any:
    """``a OR b AND c`` as CQL2 means it, ``a OR (b AND c)``: an ``and_`` whose left side is an
    ``or_`` written without parentheses takes only that ``or_``'s right side."""
    from lark import Tree

    def parenthesised(node: Any) -> bool:
        start = getattr(node.meta, "start_pos", None)
        if start is None:
            return False
        before = text[:start].rstrip()
        return before.endswith("(")

    def fix(node: Any) -> Any:
        if not isinstance(node, Tree):
            return node
        node.children = [fix(c) for c in node.children]
        if node.data == "and_":
            left, right = node.children
            if isinstance(left, Tree) and left.data == "or_" and not parenthesised(left):
                a, b = left.children
                inner = fix(Tree("and_", [b, right], meta=None))
                return Tree("or_", [a, inner])
        return node

    return fix(tree)


def _lark_message(exc: Exception, text: str) -> str:
    """One line for a lark syntax error: where, and what was found there."""
    column = getattr(exc, "column", None)
    token = getattr(exc, "token", None)
    char = getattr(exc, "char", None)
    if token is not None and getattr(token, "type", "") == "$END":
        return "the expression ends too early"
    found = str(token) if token is not None else char
    where = f" at column {column}" if isinstance(column, int) and column > 0 else ""
    if found:
        return f"unexpected {str(found)[:40]!r}{where}"
    return f"cannot parse the expression{where}"


def _fix_json(node: Any) -> Any:
    """The standard's cql2-json forms pygeofilter reads differently (see the module doc)."""
    if isinstance(node, list):
        return [_fix_json(n) for n in node]
    if not isinstance(node, dict):
        return node
    if set(node) == {"bbox"} and isinstance(node["bbox"], list):
        box = node["bbox"]
        if len(box) == 6:
            box = [box[0], box[1], box[3], box[4]]
        if len(box) != 4 or not all(isinstance(v, int | float) for v in box):
            raise _bad(f"bbox {box!r}: want 4 numbers (minx, miny, maxx, maxy)")
        x1, y1, x2, y2 = (float(v) for v in box)
        ring = [[x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]]
        return {"type": "Polygon", "coordinates": [ring]}
    out = {k: _fix_json(v) for k, v in node.items()}
    if str(out.get("op", "")).lower() == "between":
        args = out.get("args")
        if isinstance(args, list) and len(args) == 3:
            out["args"] = [args[0], [args[1], args[2]]]
    return out


def check_lang(lang: str | None) -> str:
    """``lang`` (default cql2-text) if it is one this server reads; InvalidParameter naming
    ``filter-lang`` otherwise."""
    lang = (lang or "cql2-text").lower()
    if lang not in LANGS:
        raise InvalidParameter(
            f"filter-lang {lang!r} is not supported; use {' or '.join(LANGS)}",
            where="filter-lang",
        )
    return lang


def parse(text: str | None, lang: str | None = None) -> Any:
    """The pygeofilter AST of a ``filter`` in ``lang`` (``cql2-text``, the default, or
    ``cql2-json``); None for no filter. InvalidParameter names what is wrong."""
    lang = check_lang(lang)
    if text is None or not text.strip():
        return None
    if len(text) > MAX_FILTER:
        raise _bad(f"the expression has {len(text)} characters; at most {MAX_FILTER}")
    if lang == "cql2-json":
        from pygeofilter.parsers.cql2_json import parse as parse_json

        try:
            data = json.loads(text)
        except ValueError as exc:
            raise _bad(f"not JSON ({exc})") from None
        try:
            return parse_json(_fix_json(data))
        except InvalidParameter:
            raise
        except Exception as exc:  # pygeofilter raises plain errors naming the node
            raise _bad(f"not a CQL2 JSON expression ({str(exc)[:200]})") from None
    from lark.exceptions import LarkError, VisitError
    from pygeofilter.parsers.cql2_text.parser import CQLTransformer

    try:
        tree = _regroup(_text_parser().parse(text), text)
        return CQLTransformer().transform(tree)
    except VisitError as exc:
        raise _bad(f"cannot read a value ({str(exc.orig_exc)[:200]})") from None
    except LarkError as exc:
        unoffered = _UNOFFERED.search(text)  # a standard call pygeofilter's grammar lacks
        if unoffered:
            raise _bad(UNOFFERED[unoffered[1].upper()]) from None
        raise _bad(_lark_message(exc, text)) from None


# ---------------------------------------------------------------------------------------------
# compiling


@dataclass(frozen=True, slots=True)
class Queryable:
    """A property a filter may name, and its type."""

    name: str
    kind: Kind
    description: str = ""


@dataclass
class Dialect:
    """How one backend writes what the compiler needs.

    ``bind(value)`` adds a parameter and returns its placeholder; ``column(q)`` is the SQL of a
    queryable's value (text, a number, or ISO date/time text; null when missing or of another
    JSON type); ``spatial(op, shape)`` the condition ``op(geometry, shape)`` for a shapely
    literal; ``like(expr, placeholder, negated)`` a case-sensitive CQL2 LIKE; ``indexed(name)``
    the column holding a property folded (trimmed, lower-cased) for an index, if any.
    """

    bind: Callable[[Any], str]
    column: Callable[[Queryable], str]
    spatial: Callable[[str, Any], str]
    like: Callable[[str, str, bool], str]
    lower: Callable[[str], str] = field(default=lambda expr: f"lower({expr})")
    indexed: Callable[[str], str | None] = field(default=lambda name: None)


class _Compiler:
    def __init__(self, queryables: Mapping[str, Queryable], dialect: Dialect) -> None:
        self.queryables = queryables
        self.d = dialect
        self.nodes = 0

    def ph(self, value: Any) -> str:
        return self.d.bind(value)

    def prefilter(self, q: Queryable, values: Sequence[Any]) -> str:
        """An indexed condition implied by ``q`` equalling one of ``values`` (or ''): the
        folded column equals the folded value, so the index narrows and the exact test
        decides."""
        column = self.d.indexed(q.name)
        if column is None or not values or not all(isinstance(v, str) for v in values):
            return ""
        folded = list(dict.fromkeys(v.strip().lower() for v in values))
        if len(folded) == 1:
            return f"{column} = {self.ph(folded[0])} AND "
        return f"{column} IN ({', '.join(self.ph(v) for v in folded)}) AND "

    def count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _bad(f"the expression has more than {MAX_NODES} terms")

    # values -----------------------------------------------------------------------------

    def attribute(self, node: Any) -> Queryable:
        from pygeofilter import ast

        if not isinstance(node, ast.Attribute):
            raise _bad(f"expected a property name, got {_show(node)}")
        q = self.queryables.get(node.name)
        if q is None:
            names = ", ".join(sorted(self.queryables))
            raise _bad(
                f"unknown property {node.name!r} (a text value takes single quotes:"
                f" '{node.name}'); queryables are {names}"
            )
        return q

    def literal(self, value: Any, q: Queryable) -> Any:
        """``value`` as a parameter for comparing with ``q``; a 400 when the types differ."""
        kind = q.kind
        if kind == "string" and isinstance(value, str):
            return value
        if kind in ("integer", "number") and isinstance(value, int | float):
            if not isinstance(value, bool):
                return value
        if kind == "timestamp":
            if isinstance(value, datetime):
                if value.tzinfo is not None:
                    value = value.astimezone(UTC)
                return value.strftime("%Y-%m-%dT%H:%M:%SZ")
            if isinstance(value, date):
                return value.isoformat()
        if kind == "date":
            if isinstance(value, datetime):
                if value.tzinfo is not None:
                    value = value.astimezone(UTC)
                return value.date().isoformat()
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return value
        want = {
            "string": "text",
            "integer": "a number",
            "number": "a number",
            "date": "a date (DATE('YYYY-MM-DD'))",
            "timestamp": "a timestamp (TIMESTAMP('YYYY-MM-DDTHH:MM:SSZ'))",
            "geometry": "a geometry",
        }[kind]
        raise _bad(f"{q.name} is compared with {_show(value)}; it takes {want}")

    def operand(self, node: Any) -> tuple[str, Queryable | None, bool]:
        """(SQL, queryable or None for a literal, folded by CASEI) of one side."""
        from pygeofilter import ast

        self.count()
        if isinstance(node, ast.Function) and node.name == "lower":
            if len(node.arguments) != 1:
                raise _bad("CASEI takes one argument")
            (arg,) = node.arguments
            if isinstance(arg, ast.Attribute):
                q = self.attribute(arg)
                if q.kind != "string":
                    raise _bad(f"CASEI applies to text; {q.name} is not text")
                return self.d.lower(self.d.column(q)), q, True
            if isinstance(arg, str):
                return "", None, True  # the literal is folded where it is bound
            raise _bad(f"CASEI of {_show(arg)}")
        if isinstance(node, ast.Function):
            raise _bad(f"function {node.name.upper()}() is not supported")
        if isinstance(node, ast.Attribute):
            q = self.attribute(node)
            if q.kind == "geometry":
                raise _bad("geometry is compared with S_INTERSECTS and the other S_ functions")
            return self.d.column(q), q, False
        if isinstance(node, ast.Node):
            raise _bad(f"{_show(node)} is not supported here")
        return "", None, False

    def value_of(self, node: Any) -> Any:
        from pygeofilter import ast

        if isinstance(node, ast.Function) and node.name == "lower" and len(node.arguments) == 1:
            node = node.arguments[0]
            if isinstance(node, str):
                return node.lower()
        return node

    # predicates -------------------------------------------------------------------------

    def condition(self, node: Any) -> str:
        from pygeofilter import ast

        self.count()
        if isinstance(node, ast.And | ast.Or):
            op = "AND" if isinstance(node, ast.And) else "OR"
            return f"({self.condition(node.lhs)} {op} {self.condition(node.rhs)})"
        if isinstance(node, ast.Not):
            return f"(NOT {self.condition(node.sub_node)})"
        if isinstance(node, ast.Comparison):
            return self.comparison(node)
        if isinstance(node, ast.Between):
            sql, q, _ = self.operand(node.lhs)
            if q is None:
                raise _bad("BETWEEN needs a property on its left")
            low = self.ph(self.literal(node.low, q))
            high = self.ph(self.literal(node.high, q))
            neg = "NOT " if node.not_ else ""
            return f"({sql} {neg}BETWEEN {low} AND {high})"
        if isinstance(node, ast.In):
            sql, q, folded = self.operand(node.lhs)
            if q is None:
                raise _bad("IN needs a property on its left")
            if not node.sub_nodes:
                raise _bad("IN needs at least one value")
            literals = []
            for v in node.sub_nodes:
                self.count()
                v = self.literal(self.value_of(v), q)
                literals.append(v.lower() if folded and isinstance(v, str) else v)
            pre = "" if node.not_ else self.prefilter(q, literals)
            neg = "NOT " if node.not_ else ""
            values = ", ".join(self.ph(v) for v in literals)
            return f"({pre}{sql} {neg}IN ({values}))"
        if isinstance(node, ast.IsNull):
            sql, q, _ = self.operand(node.lhs)
            if q is None:
                raise _bad("IS NULL needs a property")
            return f"({sql} IS {'NOT ' if node.not_ else ''}NULL)"
        if isinstance(node, ast.Like):
            sql, q, folded = self.operand(node.lhs)
            if q is None or q.kind != "string":
                raise _bad("LIKE needs a text property on its left")
            pattern = self.value_of(node.pattern)
            if not isinstance(pattern, str):
                raise _bad(f"LIKE needs a text pattern, got {_show(pattern)}")
            folded = folded or bool(node.nocase)
            if folded:
                sql = sql if sql.startswith("lower(") else self.d.lower(sql)
                pattern = pattern.lower()
            return self.d.like(sql, self.ph(pattern), bool(node.not_))
        if isinstance(node, ast.SpatialComparisonPredicate):
            return self.spatial(node.op.value.lower(), node.lhs, node.rhs)
        if isinstance(node, ast.BBox):
            box = (node.minx, node.miny, node.maxx, node.maxy)
            return self.spatial("intersects", node.lhs, _box(box))
        if isinstance(node, ast.Include):
            return "(1=1)" if not node.not_ else "(1=0)"
        if isinstance(node, ast.TemporalPredicate):
            raise _bad(TEMPORAL_UNSUPPORTED)
        if isinstance(node, ast.ArrayPredicate):
            raise _bad(ARRAY_UNSUPPORTED)
        if isinstance(node, ast.Relate | ast.SpatialDistancePredicate):
            raise _bad(f"{type(node).__name__} is not supported")
        if isinstance(node, bool):
            return "(1=1)" if node else "(1=0)"
        raise _bad(f"{_show(node)} is not a condition")

    def comparison(self, node: Any) -> str:
        from pygeofilter import ast

        ops = {
            ast.ComparisonOp.EQ: "=",
            ast.ComparisonOp.NE: "<>",
            ast.ComparisonOp.LT: "<",
            ast.ComparisonOp.LE: "<=",
            ast.ComparisonOp.GT: ">",
            ast.ComparisonOp.GE: ">=",
        }
        flipped = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "<>": "<>"}
        op = ops[node.op]
        lsql, lq, lfold = self.operand(node.lhs)
        rsql, rq, rfold = self.operand(node.rhs)
        if lq is None and rq is None:
            raise _bad("a comparison needs a property on one side")
        if lq is not None and rq is not None:
            if lq.kind != rq.kind and {lq.kind, rq.kind} != {"integer", "number"}:
                raise _bad(f"{lq.name} ({lq.kind}) is compared with {rq.name} ({rq.kind})")
            return f"({lsql} {op} {rsql})"
        if lq is None:  # literal op property: turn it round
            lsql, lq, lfold, node_lit, op = rsql, rq, rfold, node.lhs, flipped[op]
        else:
            node_lit = node.rhs
        assert lq is not None
        value = self.literal(self.value_of(node_lit), lq)
        if lfold and isinstance(value, str):
            value = value.lower()
        pre = self.prefilter(lq, [value]) if op == "=" else ""
        return f"({pre}{lsql} {op} {self.ph(value)})"

    def spatial(self, op: str, lhs: Any, rhs: Any) -> str:
        from pygeofilter import ast, values

        if op not in SPATIAL_OPS:
            raise _bad(f"S_{op.upper()} is not supported")
        if isinstance(rhs, ast.Attribute) and not isinstance(lhs, ast.Attribute):
            lhs, rhs = rhs, lhs
            op = {"within": "contains", "contains": "within"}.get(op, op)
        q = self.attribute(lhs)
        if q.kind != "geometry":
            raise _bad(f"S_{op.upper()} applies to geometry; {q.name} is not a geometry")
        self.count()
        if isinstance(rhs, ast.Function) and rhs.name == "bbox":
            rhs = _box(tuple(rhs.arguments))
        if isinstance(rhs, values.Envelope):
            rhs = _box((rhs.x1, rhs.y1, rhs.x2, rhs.y2))
        if not isinstance(rhs, values.Geometry):
            raise _bad(f"S_{op.upper()} needs a geometry literal, got {_show(rhs)}")
        return self.d.spatial(op, _shape(rhs.geometry))


def _box(numbers: tuple[Any, ...]) -> Any:
    from pygeofilter import values

    if len(numbers) == 6:
        numbers = (numbers[0], numbers[1], numbers[3], numbers[4])
    if len(numbers) != 4 or not all(isinstance(n, int | float) for n in numbers):
        raise _bad(f"BBOX {list(numbers)!r}: want 4 numbers (minx, miny, maxx, maxy)")
    x1, y1, x2, y2 = (float(n) for n in numbers)
    if x1 > x2 or y1 > y2:
        raise _bad(f"BBOX {list(numbers)!r}: minx > maxx or miny > maxy")
    ring = [[x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]]
    return values.Geometry({"type": "Polygon", "coordinates": [ring]})


def _shape(geometry: Mapping[str, Any]) -> Any:
    """A shapely geometry of a GeoJSON literal, checked to be valid lon/lat."""
    import shapely.geometry

    try:
        shape = shapely.geometry.shape(geometry)
    except Exception as exc:
        raise _bad(f"bad geometry literal ({str(exc)[:120]})") from None
    if shape.is_empty:
        raise _bad("the geometry literal is empty")
    minx, miny, maxx, maxy = shape.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise _bad(f"geometry literal outside lon/lat bounds {shape.bounds}")
    return shape


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def compile_filter(node: Any, queryables: Mapping[str, Queryable], dialect: Dialect) -> str:
    """The SQL condition of a parsed filter for ``dialect`` (its parameters bound through
    ``dialect.bind``)."""
    return _Compiler(queryables, dialect).condition(node)


_KINDS: dict[str, Kind] = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "date": "date",
    "datetime": "timestamp",
}


@cache
def layer_queryables(layer: str) -> dict[str, Queryable]:
    """What a filter or sortby may name in ``layer``: every documented property with its
    type, and ``geometry``."""
    from geomap.export import COLUMNS

    out = {
        name: Queryable(name, _KINDS.get(kind, "string"))
        for name, kind in COLUMNS.get(layer, {}).items()
    }
    out["geometry"] = Queryable("geometry", "geometry", "the feature's geometry (lon/lat)")
    return out


_SORT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def parse_sortby(
    text: str | None, queryables: Mapping[str, Queryable]
) -> list[tuple[Queryable, bool]]:
    """``sortby=+date_start,-n_sources`` as (queryable, descending) pairs; a 400 names an
    unknown or unsortable property."""
    out: list[tuple[Queryable, bool]] = []
    if not text:
        return out
    for item in text.split(","):
        # each item a name with at most one sign ("+" unencoded in a query arrives as " ")
        sign = item[:1] if item[:1] in ("+", "-", " ") else ""
        name = item[len(sign) :]
        if not _SORT_NAME.fullmatch(name):
            raise InvalidParameter(
                f"sortby {text!r}: {item!r} is not a property name with an optional + or -"
                " (comma-separated, no spaces)",
                where="sortby",
            )
        descending = sign == "-"
        q = queryables.get(name)
        if q is None:
            names = ", ".join(sorted(k for k, v in queryables.items() if v.kind != "geometry"))
            raise InvalidParameter(
                f"sortby {name!r} is not a queryable; sort by one of {names}", where="sortby"
            )
        if q.kind == "geometry":
            raise InvalidParameter("sortby: geometry cannot be sorted", where="sortby")
        out.append((q, descending))
    return out


def like_regex(pattern: str) -> re.Pattern[str]:
    """A CQL2 ``LIKE`` pattern (``%`` any run, ``_`` one character, ``\\`` escapes) as a
    regular expression matching the whole value, case-sensitively."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if c == "%" else "." if c == "_" else re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def queryables_document(
    layer: str, queryables: Sequence[Queryable], base_url: str
) -> dict[str, Any]:
    """``/collections/{layer}/queryables`` as JSON Schema (OGC API – Features Part 3)."""
    types: dict[str, dict[str, Any]] = {
        "string": {"type": "string"},
        "integer": {"type": "integer"},
        "number": {"type": "number"},
        "date": {"type": "string", "format": "date"},
        "timestamp": {"type": "string", "format": "date-time"},
    }
    props: dict[str, Any] = {}
    for q in queryables:
        if q.kind == "geometry":
            props[q.name] = {"format": "geometry-any", "x-ogc-role": "primary-geometry"}
        else:
            props[q.name] = dict(types[q.kind])
        if q.description:
            props[q.name]["description"] = q.description
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": f"{base_url}/collections/{layer}/queryables",
        "type": "object",
        "title": layer,
        "properties": props,
        "additionalProperties": False,
    }
