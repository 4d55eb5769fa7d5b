"""The translation catalogue read once per version of it: what babel parses, kept in the user's cache, read
back the same, and parsed anew when the catalogue changes or its entry cannot be read."""

from __future__ import annotations

import pickle
from pathlib import Path

from babel.messages.pofile import read_po

from studio import i18n, parsed_cache

PO = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "wrote {path}"
msgstr "{translation}"

msgid "untranslated"
msgstr ""
"""


def write_catalogue(folder: Path, translation: str) -> Path:
    path = folder / "xx" / "LC_MESSAGES" / "cliffhanger.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO.replace("{translation}", translation), encoding="utf-8")
    return path


def entries(kind: str) -> list[Path]:
    return sorted(parsed_cache.cache_folder(kind).glob("*" + parsed_cache.SUFFIX))


def test_the_chinese_catalogue_reads_back_as_babel_parses_it():
    with i18n.catalogue_path("zh_CN").open("rb") as handle:
        parsed = {message.id: message.string for message in read_po(handle) if message.id and message.string}
    assert i18n.translations("zh_CN") == parsed  # parsed, and stored
    assert len(entries("messages-zh_CN")) == 1
    assert i18n.translations("zh_CN") == parsed  # read back


def test_a_changed_catalogue_is_read_anew_and_a_damaged_entry_parsed_past(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    write_catalogue(tmp_path, "写入了 {path}")
    assert i18n.translations("xx") == {"wrote {path}": "写入了 {path}"}
    [first] = entries("messages-xx")

    write_catalogue(tmp_path, "已写入 {path}")
    assert i18n.translations("xx") == {"wrote {path}": "已写入 {path}"}
    [second] = entries("messages-xx")
    assert second != first and not first.exists()

    second.write_bytes(second.read_bytes()[:20])
    assert i18n.translations("xx") == {"wrote {path}": "已写入 {path}"}
    assert parsed_cache.stored("messages-xx", second.stem) == {"wrote {path}": "已写入 {path}"}  # stored whole again


def test_an_entry_that_holds_more_than_text_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    write_catalogue(tmp_path, "写入了 {path}")
    i18n.translations("xx")
    [entry] = entries("messages-xx")
    parsed_cache.store("messages-xx", entry.stem, {"wrote {path}": Path("a path is no message")})
    assert parsed_cache.stored("messages-xx", entry.stem) is None
    assert i18n.translations("xx") == {"wrote {path}": "写入了 {path}"}


def test_a_cache_folder_that_is_a_link_is_never_read(tmp_path, monkeypatch):
    """An entry is read only from the user's own private folder: one reached through a link (another user's
    folder, say) is no entry, whatever it holds."""
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    write_catalogue(tmp_path / "locale", "写入了 {path}")
    i18n.translations("xx")
    [entry] = entries("messages-xx")
    elsewhere = tmp_path / "elsewhere"
    entry.parent.rename(elsewhere)
    parsed_cache.cache_folder("messages-xx").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / entry.name).write_bytes(pickle.dumps((entry.stem, {"wrote {path}": "planted"})))
    assert parsed_cache.stored("messages-xx", entry.stem) is None
    assert i18n.translations("xx") == {"wrote {path}": "写入了 {path}"}
