"""The domain's messages to people (mostly errors), in the user's language.

Catalogues are gettext .po files under resources/locale, read with babel: `_()` marks a message for
extraction and looks it up; placeholders are named (`{path}`) so translations can reorder them.
"""

from __future__ import annotations

from studio.resources import RESOURCES_DIR

LOCALE_DIR = RESOURCES_DIR / "locale"
_messages: dict[str, str] = {}
_language = ["en"]


def catalogue_path(language: str):
    return LOCALE_DIR / language / "LC_MESSAGES" / "cliffhanger.po"


def set_language(language: str) -> None:
    """Use `language`'s catalogue from now on ("en", or a language with a catalogue)."""
    _messages.clear()
    _language[0] = language
    path = catalogue_path(language)
    if not path.exists():
        return
    from babel.messages.pofile import read_po  # here: reading a catalogue is rare, and babel's reader slow to load

    with path.open("rb") as handle:
        catalog = read_po(handle)
    _messages.update({message.id: message.string for message in catalog if message.id and message.string})


def _(message: str) -> str:
    return _messages.get(message, message)


def local_name(name: str, name_zh: str) -> str:
    """A name in a message: the Chinese one when messages are in Chinese and there is one."""
    return (name_zh or name) if _language[0].startswith("zh") else name
