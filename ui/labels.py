"""Display names for the stored vocabularies (studio.models.enums) and the English words a production keeps
(positions, departments, revision colours, template names: studio.vocabulary), in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio import vocabulary
from studio.languages import shown_languages
from ui.i18n import chinese, shown_name


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


def scene_heading(int_or_ext: str, set_name: str, day_or_night: str) -> str:
    """A scene heading as the app reads it: its codes in the interface's language ("内 CHLOE'S APARTMENT – 夜")."""
    return f"{int_ext(int_or_ext)} {set_name} – {time_of_day(day_or_night)}"


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
        "CUT": QCoreApplication.translate("Labels", "Cut in adaptation"),  # an original scene's row
        "NOT_YET_ADAPTED": QCoreApplication.translate("Labels", "Not yet adapted"),  # past the adaptation's end
    }.get(value, value)


def adaptation_status(value: str) -> str:
    return {
        "NOT_STARTED": QCoreApplication.translate("Labels", "Not started"),
        "TRANSLATED": QCoreApplication.translate("Labels", "Translated"),
        "ADAPTED": QCoreApplication.translate("Labels", "Adapted"),
        "APPROVED": QCoreApplication.translate("Labels", "Approved"),
        "CHANGED_SINCE": QCoreApplication.translate("Labels", "Original changed"),
        "": "",
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


def _known(kind: str, value: str) -> str:
    return (vocabulary.chinese(kind, value) or value) if chinese() else value


def position(value: str) -> str:
    """A crew position as entered ("1st Assistant Director"), in Chinese where it is a usual one."""
    return _known("positions", value)


def department(name: str, name_zh: str = "") -> str:
    """A department: its own Chinese name, else the usual Chinese for its English one."""
    return shown_name(name, name_zh or vocabulary.chinese("departments", name))


def revision_color(value: str) -> str:
    """White, Blue, Pink… Double White…: 白、蓝、粉…双白… in Chinese."""
    return _known("revision_colors", value)


def fringe_name(value: str) -> str:
    return _known("fringes", value)


def pay_preset_name(value: str) -> str:
    return _known("pay_presets", value)


def speaks(value: str) -> str:
    """ "中 · EN" at a glance: who speaks Mandarin and who English (studio.listings)."""
    english = QCoreApplication.translate("Labels", "EN", "speaks English, in a few letters")
    return value.replace("EN", english)


def pay_preset_notes(value: str) -> str:
    """A standard pay preset's notes as the template has them, in Chinese in a Chinese interface."""
    return _known("pay_preset_notes", value)


def languages(value: str) -> str:
    """The languages a person lists, by their Chinese names in Chinese ("English, Japanese" → 英语、日语)."""
    return shown_languages(value, "zh" if chinese() else "en")
