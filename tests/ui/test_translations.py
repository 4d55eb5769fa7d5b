"""Both languages are complete for everything the app shows, and the catalogues match the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from studio import i18n
from ui.i18n import TRANSLATIONS_DIR, install_translators

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
CATALOGUES = ("cliffhanger_zh_CN", "cliffhanger_en")
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[a-z_]+\}")


def qt_tool(name: str) -> str:
    tool = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    assert tool, f"pyside6-{name} is installed with PySide6"
    return tool


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    return [(m.findtext("source"), m.find("translation")) for m in ET.parse(ts).iter("message")]


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_qt_message_is_translated_with_its_placeholders(catalogue):
    for source, translation in messages(TRANSLATIONS_DIR / f"{catalogue}.ts"):
        assert translation.get("type") is None, f"unfinished: {source}"
        texts = [form.text for form in translation.findall("numerusform")] or [translation.text]
        for text in texts:
            assert text, f"empty: {source}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_qt_catalogues_match_the_code_and_are_compiled(catalogue, tmp_path):
    committed = TRANSLATIONS_DIR / f"{catalogue}.ts"
    fresh = tmp_path / committed.name
    shutil.copyfile(committed, fresh)
    extra = ["-pluralonly"] if catalogue.endswith("_en") else []
    subprocess.run(
        [qt_tool("lupdate"), *UI_SOURCES, *extra, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True
    )
    assert {s for s, _ in messages(fresh)} == {s for s, _ in messages(committed)}, "run pyside6-lupdate (see README)"
    subprocess.run(
        [qt_tool("lrelease"), str(committed), "-qm", str(tmp_path / "fresh.qm")], check=True, capture_output=True
    )
    assert (tmp_path / "fresh.qm").read_bytes() == (TRANSLATIONS_DIR / f"{catalogue}.qm").read_bytes(), "run lrelease"


def test_domain_catalogue_covers_every_message_with_its_placeholders():
    extracted = {message for *_, message, _, _ in extract_from_dir(ROOT / "studio", keywords={"_": None})}
    with i18n.catalogue_path("zh_CN").open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id: m.string for m in catalog if m.id}
    assert set(translated) == extracted, "update resources/locale (see README)"
    for source, text in translated.items():
        assert text, source
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    for translator in qapp.findChildren(QTranslator):
        QApplication.removeTranslator(translator)
        translator.deleteLater()
    install_translators(qapp, "en")


def test_the_window_speaks_chinese_including_domain_messages(chinese, settings, qtbot, tmp_path):
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())][:3] == ["剧本", "拆解", "演员"]
    assert not window.databases.open(str(tmp_path / "missing.sqlite"))
    box = window.findChild(QMessageBox, "openProblem")
    assert box.windowTitle() == "无法打开数据库"
    assert "处没有数据库" in box.text()
    window.workspace.close()


def test_english_counts_use_proper_plurals(demo_window):
    summary = demo_window.page("script").summary.text()
    assert re.match(r"80 episodes · \d+ scenes · ", summary)
