"""Pydantic models for the API boundary only (the core uses dataclasses and dicts)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


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
