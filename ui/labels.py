"""Display names for the stored vocabularies (studio.models.enums), in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def int_ext(value: str) -> str:
    return {
        "INT": QCoreApplication.translate("Labels", "INT"),
        "EXT": QCoreApplication.translate("Labels", "EXT"),
        "INT/EXT": QCoreApplication.translate("Labels", "INT/EXT"),
    }.get(value, value)


def time_of_day(value: str) -> str:
    return {
        "DAY": QCoreApplication.translate("Labels", "Day"),
        "NIGHT": QCoreApplication.translate("Labels", "Night"),
        "MORNING": QCoreApplication.translate("Labels", "Morning"),
        "DAWN": QCoreApplication.translate("Labels", "Dawn"),
        "DUSK": QCoreApplication.translate("Labels", "Dusk"),
    }.get(value, value)


def union_status(value: str) -> str:
    return {
        "SAG-AFTRA": QCoreApplication.translate("Labels", "SAG-AFTRA"),
        "NON-UNION": QCoreApplication.translate("Labels", "Non-union"),
        "OTHER": QCoreApplication.translate("Labels", "Other union"),
    }.get(value, value)


def shoot_day_kind(value: str) -> str:
    return {
        "SHOOT": QCoreApplication.translate("Labels", "Shoot day"),
        "OFF": QCoreApplication.translate("Labels", "Day off"),
        "HOLIDAY": QCoreApplication.translate("Labels", "Holiday"),
        "TRAVEL": QCoreApplication.translate("Labels", "Travel day"),
    }.get(value, value)


def account_group(value: str) -> str:
    return {
        "ATL": QCoreApplication.translate("Labels", "Above the line"),
        "BTL": QCoreApplication.translate("Labels", "Below the line"),
        "POST": QCoreApplication.translate("Labels", "Post-production"),
        "OTHER": QCoreApplication.translate("Labels", "Other"),
        "TOTALS": QCoreApplication.translate("Labels", "Contingency & overhead"),
    }.get(value, value)


def line_unit(value: str) -> str:
    return {
        "DAY": QCoreApplication.translate("Labels", "Days"),
        "WEEK": QCoreApplication.translate("Labels", "Weeks"),
        "HOUR": QCoreApplication.translate("Labels", "Hours"),
        "FLAT": QCoreApplication.translate("Labels", "Flat"),
        "ALLOW": QCoreApplication.translate("Labels", "Allow"),
        "EPISODE": QCoreApplication.translate("Labels", "Episodes"),
    }.get(value, value)


def fringe_kind(value: str) -> str:
    return {
        "PERCENT": QCoreApplication.translate("Labels", "Percent"),
        "FLAT": QCoreApplication.translate("Labels", "Flat amount"),
    }.get(value, value)


def fringe_scope(value: str) -> str:
    return {
        "": QCoreApplication.translate("Labels", "Chosen by line"),
        "wages": QCoreApplication.translate("Labels", "All pay"),
        "union": QCoreApplication.translate("Labels", "Union pay"),
    }.get(value, value)


def cost_status(value: str) -> str:
    return {
        "PAID": QCoreApplication.translate("Labels", "Paid"),
        "COMMITTED": QCoreApplication.translate("Labels", "Committed"),
    }.get(value, value)


def revision_state(value: str) -> str:
    return {
        "NEW": QCoreApplication.translate("Labels", "New"),
        "CHANGED": QCoreApplication.translate("Labels", "Changed"),
        "UNCHANGED": QCoreApplication.translate("Labels", "Unchanged"),
        "OMITTED": QCoreApplication.translate("Labels", "Omitted"),
    }.get(value, value)


def rate_basis(value: str) -> str:
    return {
        "DAY": QCoreApplication.translate("Labels", "Day"),
        "12H_DAY": QCoreApplication.translate("Labels", "12-hour day"),
        "WEEK": QCoreApplication.translate("Labels", "Week"),
        "HOUR": QCoreApplication.translate("Labels", "Hour"),
        "FLAT": QCoreApplication.translate("Labels", "Flat"),
    }.get(value, value)


def choices_of(values: list[str], label) -> list[tuple[str, str]]:
    """(stored value, display label) pairs for a drop-down list."""
    return [(value, label(value)) for value in values]
