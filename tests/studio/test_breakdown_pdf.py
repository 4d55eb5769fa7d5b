"""Breakdown PDFs, read back: what they say, which fonts they carry, and how they fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from studio.breakdown import tag_scene
from studio.errors import UserError
from studio.exports.breakdown_pdf import write_breakdown_sheets, write_element_report
from studio.models import BreakdownCategory, Scene
from studio.productions import ProductionDetails, create_production
from studio.scripts.importer import import_outline
from studio.scripts.script_files import read_outline
from studio.storage.db import open_database
from tests.fixture_files import SAMPLES


def imported(tmp_path, sample: str):
    database = open_database(tmp_path / "p.sqlite", create=True)
    outline, fingerprint = read_outline([SAMPLES / sample])
    with database.transaction() as session:
        import_outline(session, outline, source_sha256=fingerprint)
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one().id
        first = session.exec(select(Scene).where(Scene.number == "1-2")).one().id
        tag_scene(session, first, props, "硬币罐" if sample.endswith(".txt") else "coin jar")
    return database


def text_and_fonts(path: Path) -> tuple[list[str], set[str]]:
    reader = PdfReader(path)
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return [page.extract_text() for page in reader.pages], fonts


def test_chinese_sheets_one_page_a_scene_with_cast_ids_and_tags(tmp_path):
    database = imported(tmp_path, "contract-bride.zh.txt")
    with database.session() as session:
        write_breakdown_sheets(session, 1, tmp_path / "sheets.pdf")
    pages, fonts = text_and_fonts(tmp_path / "sheets.pdf")
    assert len(pages) == 9
    assert "1-2" in pages[1] and "银湖咖啡车" in pages[1] and "硬币罐" in pages[1] and "Props" in pages[1]
    assert any("1. " in page and "克洛伊" in page for page in pages)
    assert any("WenQuanYi" in font or "CJK" in font for font in fonts)
    database.close()


def test_english_documents_carry_no_chinese_font(tmp_path):
    database = imported(tmp_path, "contract-bride.fountain")
    with database.session() as session:
        write_element_report(session, 1, tmp_path / "elements.pdf")
    pages, fonts = text_and_fonts(tmp_path / "elements.pdf")
    text = "\n".join(pages)
    assert "coin jar" in text and "1-2" in text and "Cast Members" in text and "LEO" in text
    assert fonts <= {"/Helvetica", "/Helvetica-Bold"}
    database.close()


def test_an_empty_production_is_refused_and_nothing_is_written(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    with database.transaction() as session:
        create_production(session, ProductionDetails("Empty"))
    with database.session() as session, pytest.raises(UserError, match="nothing to export"):
        write_breakdown_sheets(session, 1, tmp_path / "out.pdf")
    assert list(tmp_path.glob("*.pdf")) == []
    database.close()


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    database = imported(tmp_path, "contract-bride.fountain")
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"the previous export")
    import studio.exports.breakdown_pdf as module

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module.SimpleDocTemplate, "build", full_disk)
    with database.session() as session, pytest.raises(UserError, match="the disk is full"):
        write_breakdown_sheets(session, 1, target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["sheets.pdf"]
    database.close()


def test_without_a_truetype_chinese_font_the_message_says_what_to_install(tmp_path, monkeypatch):
    from studio.exports import fonts

    monkeypatch.setattr(fonts, "font_folders", lambda: [tmp_path])
    fonts.cjk_font.cache_clear()
    try:
        with pytest.raises(UserError, match="fonts-wqy-microhei"):
            fonts.fonts_for("契约新娘")
        assert fonts.fonts_for("The Contract Bride") == fonts.LATIN
    finally:
        fonts.cjk_font.cache_clear()


def test_chinese_labels_bring_the_chinese_font_even_for_an_english_script(tmp_path):
    from studio import i18n

    database = imported(tmp_path, "contract-bride.fountain")
    i18n.set_language("zh_CN")
    try:
        with database.session() as session:
            write_breakdown_sheets(session, 1, tmp_path / "sheets.pdf")
    finally:
        i18n.set_language("en")
    pages, fonts = text_and_fonts(tmp_path / "sheets.pdf")
    assert "场景" in pages[0] and any("WenQuanYi" in font or "CJK" in font for font in fonts)
    database.close()


def test_an_element_in_a_thousand_scenes_continues_over_pages(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks.long_scripts import series_zh
    from studio.models import BreakdownElement, SceneElement
    from studio.scripts.outline import build_outline
    from studio.scripts.reader import read_script

    database = open_database(tmp_path / "big.sqlite", create=True)
    outline = build_outline(read_script(series_zh(170).encode(), "s.txt"), "s")
    with database.transaction() as session:
        import_outline(session, outline)
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one().id
        phone = BreakdownElement(production_id=1, category_id=props, name="Phone")
        session.add(phone)
        session.flush()
        session.add_all(SceneElement(scene_id=scene.id, element_id=phone.id) for scene in session.exec(select(Scene)))
    with database.session() as session:
        write_element_report(session, 1, tmp_path / "report.pdf")
    pages, _fonts = text_and_fonts(tmp_path / "report.pdf")
    assert len(outline.scenes) > 1000 and len(pages) >= 2 and "170-1" in "".join(pages)
    database.close()
