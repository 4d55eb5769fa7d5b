"""The original a show is adapted from, and how each of its scenes became the shooting script's.

The shooting script's scenes are the `scene` table: strips, breakdown, schedule and call sheets read
them, so an aligned pair is one strip, never two. The original (usually the Chinese script) is kept
apart, scene by scene, with its own revisions (`script_revision.side`). A `scene_adaptation` pairs a
shooting scene with the original scene it adapts; either may be missing (a scene added or cut in
adaptation). It carries the adaptation's status and notes, and the original's words as they were when
it was approved (a fingerprint, and the words themselves), so a later revision of the original shows as
changed since, and what changed.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, parent_fk, production_fk
from studio.models.enums import AdaptationStatus, IntExt, RevisionState, TimeOfDay


def _text() -> Column:
    return Column(Text, nullable=False, default="")


class OriginalScene(Versioned, table=True):
    """A scene of the original as its script writes it: names and set in its own words (the map to the
    production's characters and sets is their `name_zh`)."""

    __tablename__ = "original_scene"
    __table_args__ = (checked("page_eighths >= 0"), UniqueConstraint("production_id", "number"))
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    episode_number: int | None = Field(default=None)
    number: str = Field(max_length=20)
    sort_order: int = Field(default=0)
    heading: str = Field(default="", max_length=400)
    int_ext: str = Field(default=IntExt.INT.value, max_length=8)
    time_of_day: str = Field(default=TimeOfDay.DAY.value, max_length=12)
    set_name: str = Field(default="", max_length=200)
    speaking: str = Field(default="", sa_column=_text())  # one name a line, as the original writes them
    listed: str = Field(default="", sa_column=_text())  # in the scene, not speaking
    text: str = Field(default="", sa_column=_text())
    page_eighths: int = Field(default=1)
    revision_state: str = Field(default=RevisionState.NEW.value, max_length=12)
    revision_id: int | None = parent_fk("script_revision", nullable=True, on_delete="SET NULL")


class SceneAdaptation(Versioned, table=True):
    """A shooting scene and the original scene it adapts (either missing: added or cut in adaptation)."""

    __tablename__ = "scene_adaptation"
    __table_args__ = (
        CheckConstraint(f"status IN {tuple(status.value for status in AdaptationStatus)}", name="known_status"),
        checked("score BETWEEN 0 AND 100"),
        UniqueConstraint("scene_id"),
        UniqueConstraint("original_scene_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    scene_id: int | None = parent_fk("scene", nullable=True, on_delete="SET NULL")
    original_scene_id: int | None = parent_fk("original_scene", nullable=True, on_delete="SET NULL")
    # How the alignment paired them (number, order, moved; confirmed: by a person) and how alike they were,
    # in percent; a doubtful pair is stored unconfirmed and listed until someone confirms it.
    paired_by: str = Field(default="", max_length=12)
    score: int = Field(default=100)
    confirmed: bool = Field(default=True)
    status: str = Field(default=AdaptationStatus.NOT_STARTED.value, max_length=12)
    adapter_note: str = Field(default="", sa_column=_text())
    cultural_note: str = Field(default="", sa_column=_text())
    # A fingerprint of the original's words when the adaptation was approved ("" until then), and those
    # words: its heading, then its text ("" until then, or approved before they were kept, migration 0020).
    approved_original: str = Field(default="", max_length=64)
    approved_text: str = Field(default="", sa_column=Column(Text, nullable=False, default="", server_default=""))
