"""The domain's messages to people (mostly errors), in the user's language.

Catalogues are gettext .po files under resources/locale, read with babel: `_()` marks a message for
extraction and looks it up; placeholders are named (`{path}`) so translations can reorder them.
"""

from __future__ import annotations

from studio.resources import RESOURCES_DIR

LOCALE_DIR = RESOURCES_DIR / "locale"
CACHE_FORMAT = 1
_messages: dict[str, str] = {}
_language = ["en"]


def catalogue_path(language: str):
    return LOCALE_DIR / language / "LC_MESSAGES" / "cliffhanger.po"


def set_language(language: str) -> None:
    """Use `language`'s catalogue from now on ("en", or a language with a catalogue)."""
    _messages.clear()
    _language[0] = language
    _messages.update(translations(language))


def translations(language: str) -> dict[str, str]:
    """Each message of `language`'s catalogue that is translated, and its translation (none for a language
    without a catalogue). Parsing the catalogue (babel's reader: 0.06 s with its import) is done once per
    version of it: what it gave is kept in the user's cache under the file's hash (`parsed_cache`)."""
    import hashlib

    from studio import parsed_cache

    path = catalogue_path(language)
    if not path.exists():
        return {}
    source = path.read_bytes()
    key = f"{language}-{hashlib.sha256(source).hexdigest()}-{CACHE_FORMAT}"
    kept = parsed_cache.stored(f"messages-{language}", key)
    if isinstance(kept, dict):
        return kept
    from io import BytesIO

    from babel.messages.pofile import read_po  # here: only a catalogue not read before is parsed

    parsed = {message.id: message.string for message in read_po(BytesIO(source)) if message.id and message.string}
    parsed_cache.store(f"messages-{language}", key, parsed)
    return parsed


def _(message: str) -> str:
    return _messages.get(message, message)


def local_name(name: str, name_zh: str) -> str:
    """A name in a message: the Chinese one when messages are in Chinese and there is one."""
    return (name_zh or name) if _language[0].startswith("zh") else name
