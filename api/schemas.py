"""Pydantic models for the API boundary only (the core uses dataclasses and dicts)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Geometry(BaseModel):
    type: str
    coordinates: Any


class Feature(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: Literal["Feature"] = "Feature"
    id: str | int | None = None
    geometry: Geometry | None
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: Literal["FeatureCollection"] = "FeatureCollection"
    name: str | None = None
    features: list[Feature]


class LayerInfo(BaseModel):
    name: str
    geometry_type: str
    count: int
    href: str


class Layers(BaseModel):
    layers: list[LayerInfo]


class Health(BaseModel):
    status: Literal["ok"]
    documents: int


class Error(BaseModel):
    """What every error answer carries: a stable code, a sentence naming the bad value, and
    where it was (the parameter or header), when there is one."""

    code: str
    description: str
    where: str | None = None


# OGC API – Features documents (Part 1 Core)


class Link(BaseModel):
    href: str
    rel: str
    type: str | None = None
    title: str | None = None


class LandingPage(BaseModel):
    title: str
    description: str
    links: list[Link]


class Conformance(BaseModel):
    conformsTo: list[str]  # noqa: N815


class SpatialExtent(BaseModel):
    bbox: list[list[float]]
    crs: str


class TemporalExtent(BaseModel):
    interval: list[list[str | None]]
    trs: str


class Extent(BaseModel):
    spatial: SpatialExtent
    temporal: TemporalExtent


class Collection(BaseModel):
    id: str
    title: str
    description: str
    itemType: Literal["feature"] = "feature"  # noqa: N815
    geometryType: str  # noqa: N815
    crs: list[str]
    extent: Extent
    links: list[Link]


class Collections(BaseModel):
    links: list[Link]
    collections: list[Collection]


class DocumentOut(BaseModel):
    """A stored report and the text its offsets index."""

    id: str
    path: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    format: str = "text"
    ingested: float
    text: str


class IngestOut(BaseModel):
    """What POST /documents did with a report."""

    id: str
    outcome: Literal["added", "refreshed", "unchanged"]
    format: str
    title: str | None = None
    href: str
    notes: list[str] = Field(
        default=[],
        description="what the reader of this report should know, one line each, as `geomap"
        " ingest` warns: a front-matter value left out (`front matter: published '2021-13-45'"
        " is not a date …; left out`), a text read only up to its 20,000th place mention",
    )


class CorrectionIn(BaseModel):
    """A correction to make (see ``geomap correct --help``)."""

    model_config = ConfigDict(extra="forbid")
    layer: Literal["places", "incidents", "movements"]
    feature_id: str
    action: Literal["move", "set", "hide", "show"]
    to: str | None = None
    lonlat: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    date: str | None = None
    author: str | None = None
    note: str | None = None


class CorrectionOut(BaseModel):
    """A stored correction: who, when, what, the old and the new values."""

    id: str
    layer: str
    feature_id: str
    action: str
    new: dict[str, Any]
    old: dict[str, Any]
    document_id: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    author: str
    created: str
    note: str | None = None
