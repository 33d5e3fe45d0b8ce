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
    code: str
    description: str
