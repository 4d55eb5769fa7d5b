"""Shared column helpers for the tables."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import CheckConstraint, false, true
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from studio.money import Money

# Named constraints make migrations identical on SQLite (batch mode) and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Versioned(SQLModel):
    """A version per row, for two people working on one production (optimistic concurrency): every
    update raises it, and an update made from an older version (someone else saved in between) matches
    no row and is refused (SQLAlchemy's StaleDataError), never silently written over theirs."""

    # Table models are not validated on creation, so pydantic's validators are built only if ever
    # needed: importing the models takes half the time (0.6 → 0.3 s), which every start pays.
    model_config = {"defer_build": True}
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy calls it on the class
        return {"version_id_col": cls.__table__.c.version}


def checked(condition: str) -> CheckConstraint:
    """A CHECK constraint named after its condition: table models do not validate on their own, so
    limits such as "never negative" are enforced by the database."""
    words = condition.lower().replace(">=", " at least ").replace(">", " above ")
    name = "".join(ch if ch.isalnum() else "_" for ch in words)
    return CheckConstraint(condition, name="_".join(part for part in name.split("_") if part))


def filled(default: Any, **kwargs: Any) -> Any:
    """A column a migration added to tables that already held rows, which the database fills with
    `default`: the same server default on a database made from the models at once (see migrations)."""
    if isinstance(default, bool):
        server_default: Any = true() if default else false()
    elif isinstance(default, time):
        server_default = default.isoformat()
    else:
        server_default = str(default)
    return Field(default=default, sa_column_kwargs={"server_default": server_default}, **kwargs)


def production_fk(**kwargs: Any) -> Any:
    """Every production-owned row goes when its production is deleted."""
    return Field(foreign_key="production.id", ondelete="CASCADE", index=True, **kwargs)


def parent_fk(table: str, *, nullable: bool = False, on_delete: str = "CASCADE", **kwargs: Any) -> Any:
    default = {"default": None} if nullable else {}
    return Field(foreign_key=f"{table}.id", ondelete=on_delete, index=True, **default, **kwargs)


def money_property(minor_field: str, currency_field: str) -> property:
    """Expose an integer minor-units column and its currency column as one `Money` value."""

    def read(self) -> Money | None:
        minor = getattr(self, minor_field)
        if minor is None:
            return None
        return Money.from_minor(minor, getattr(self, currency_field))

    def write(self, value: Money | None) -> None:
        if value is None:
            setattr(self, minor_field, None)
            return
        setattr(self, minor_field, value.minor)
        setattr(self, currency_field, value.currency)

    return property(read, write)
