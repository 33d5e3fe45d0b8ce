"""Typed value objects passed between pipeline stages. Coordinates are named ``lat``/``lon``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Document:
    """One news report: its metadata and its full text (decoded, or extracted from HTML, PDF or
    DOCX); every offset geomap reports indexes ``text``.

    ``body_start`` is where the report's own words begin (after front matter or a header
    line); ``headline`` is the headline's span when the text has one (it is read for events);
    ``notes`` are the values reading refused (one line each, for the user).
    """

    id: str
    path: str
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    headline: Span | None = None
    body_start: int = 0
    format: str = "text"  # what the text was extracted from: text, html, pdf, docx
    # what reading the report refused and the user should hear about (a front-matter date
    # that is not a date), one short line each; the text itself is unaffected
    notes: tuple[str, ...] = ()


# the feature type of a facility or organisation named after a place ("Lakeview Memorial
# Hospital", "Bank of Freedonia"), placed at that place's point
FACILITY = "facility"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    gazetteer_id: str
    name: str
    feature_type: str  # "country" | "region" | "admin1" | "admin2" | "city" | "street" | "facility"
    country_code: str | None
    lat: float
    lon: float
    admin1: str | None = None
    population: int = 0
    provider: str = "gazetteer"
    geocoded_at: str | None = None  # ISO 8601 UTC time the provider answered


@dataclass(frozen=True, slots=True)
class Span:
    """End-exclusive character offsets into a document's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention found in a text, resolved to a gazetteer place when possible."""

    span: Span
    place: Place | None = None
    kind_hint: str | None = None  # "admin1" for "X Province", "city" for "the city of X"


@dataclass(frozen=True, slots=True)
class When:
    """A date as precise as the text allows. ``precision`` uses UCDP's scale (1 day ... 5 year)."""

    start: date
    end: date
    precision: int
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """What happened where and when, quoted from the source."""

    id: str
    document_id: str
    event_type: str
    place: Place
    location: str  # the place as written
    quote: Span
    when: When | None = None
    actor1: str | None = None
    actor2: str | None = None
    confidence: int = 50
    sub_event_type: str | None = None
    near: bool = False  # "near Goma", "outside Kherson": around the place, not in it
    status: str = "reported"  # "reported", or "planned": announced for the future
    place_inferred: bool = False  # the place comes from the sentences around, not this one


@dataclass(frozen=True, slots=True)
class Movement:
    """Who went from where, through where, to where. ``path`` is ordered origin -> destination."""

    id: str
    document_id: str
    movement_type: str
    path: tuple[Place, ...]
    quote: Span
    when: When | None = None
    actor: str | None = None
    verb: str | None = None
    confidence: int = 50
    status: str = "reported"  # "reported", or "planned": announced for the future
    origin_inferred: bool = False  # the origin is not stated with the movement (dateline,
    destination_inferred: bool = False  # the sentences before, the actor's home)


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A likely place mention that no geocoder could place, and why."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one document."""

    document: Document
    toponyms: tuple[Toponym, ...] = ()
    incidents: tuple[Incident, ...] = ()
    movements: tuple[Movement, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    notes: tuple[str, ...] = ()  # what the reader of the document should know (one line each)
