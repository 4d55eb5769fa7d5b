"""Words every document shares: a name in the document's language, and the script's codes (INT, DAY…)
in Chinese."""

from __future__ import annotations

from studio.exports.contacts import translator


def named(lang: str, name: str, name_zh: str) -> str:
    """A name as a document in `lang` shows it: the Chinese one in Chinese, both in en+zh."""
    if not name_zh or name_zh == name:
        return name
    return {"en": name, "zh": name_zh}.get(lang, f"{name} {name_zh}")


def script_codes(lang: str) -> dict[str, str]:
    """INT, EXT, DAY, NIGHT… in `lang` (en: as the script writes them; zh: 内, 外, 日, 夜…)."""
    _ = translator("zh" if lang == "zh" else "en")  # named so for extraction into the catalogue
    return {
        "INT": _("INT"),
        "EXT": _("EXT"),
        "INT/EXT": _("INT/EXT"),
        "DAY": _("DAY"),
        "NIGHT": _("NIGHT"),
        "MORNING": _("MORNING"),
        "DAWN": _("DAWN"),
        "DUSK": _("DUSK"),
    }
