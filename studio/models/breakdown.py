"""Breakdown: categories (Props, Wardrobe, Vehicles…) and the elements tagged in scenes."""

from __future__ import annotations

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, parent_fk, production_fk


class BreakdownCategory(Versioned, table=True):
    __tablename__ = "breakdown_category"
    __table_args__ = (UniqueConstraint("production_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    key: str = Field(max_length=40)
    name: str = Field(max_length=120)
    name_zh: str = Field(default="", max_length=120)
    color: str = Field(default="#ffffff", max_length=9)
    sort_order: int = Field(default=0)


class BreakdownElement(Versioned, table=True):
    __tablename__ = "breakdown_element"
    __table_args__ = (UniqueConstraint("category_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    category_id: int = parent_fk("breakdown_category")
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class SceneElement(Versioned, table=True):
    __table_args__ = (checked("quantity >= 1"),)
    __tablename__ = "scene_element"
    scene_id: int = Field(foreign_key="scene.id", ondelete="CASCADE", primary_key=True)
    element_id: int = Field(foreign_key="breakdown_element.id", ondelete="CASCADE", primary_key=True, index=True)
    quantity: int = Field(default=1)
    notes: str = Field(default="", max_length=400)
