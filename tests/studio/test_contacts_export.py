"""The contact sheet, read back from real files: what it lists, in which language, and what it never shows."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from studio.errors import UserError
from studio.exports.contacts import contact_sheet, write_contact_sheet
from studio.models import CastAssignment, Character, CrewMember, Location, Performer
from studio.productions import ProductionDetails, create_production
from studio.storage.db import open_database
from tests.command_line import run
from tests.pdf_text import pdf_text_squeezed

RATES = ("1800", "1,800", "1500.00", "4500", "4,500", "6000", "6,000", "USD", "CNY", "$")
FORMULA = '=HYPERLINK("http://x","y")'


def squeezed(*fragments: str) -> list[str]:
    return ["".join(fragment.split()) for fragment in fragments]


def pdf_fonts(path: Path) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for font in (page.get("/Resources") or {}).get("/Font", {}).values()
    }


def export(database, target: Path, lang: str = "en+zh") -> Path:
    with database.session() as session:
        return write_contact_sheet(session, 1, target, lang)


def performer(session, legal_name: str) -> Performer:
    return session.exec(select(Performer).where(Performer.legal_name == legal_name)).one()


def test_bilingual_pdf_lists_cast_crew_and_locations_without_rates(demo, tmp_path):
    text = pdf_text_squeezed(export(demo, tmp_path / "contacts.pdf"))
    expected = squeezed(
        *("The Contract Bride / 契约新娘", "Redline Shorts LLC", "Cast / 演员", "Page 1 / 第 1 页"),
        *("ETHAN", "伊森", "Daniel Hayes", "丹尼尔·海斯", "(310) 555-0101", "Bright Talent Agency"),
        *("Camera 摄影", "Translation 翻译", "Zhang Wei"),
        *("Good Samaritan Hospital", "1225 Wilshire Blvd", "Loading dock"),
    )
    assert [fragment for fragment in expected if fragment not in text] == []
    assert [amount for amount in RATES if amount in text] == []
    assert text.index("ETHAN") < text.index("TOM") < text.index("REPORTERS")  # background last


def test_chinese_headings(demo, tmp_path):
    text = pdf_text_squeezed(export(demo, tmp_path / "contacts.pdf", lang="zh"))
    assert "演员" in text and "第1页" in text and "克洛伊" in text and "田中米娅" in text
    assert "Cast/演员" not in text and "Page1" not in text


def test_two_roles_one_performer_and_an_uncast_role(demo):
    with demo.transaction() as session:
        hayes = performer(session, "Daniel Hayes")
        twin = Character(production_id=1, name="ETHAN'S TWIN", name_zh="伊森的双胞胎", cast_number=30)
        session.add_all([twin, Character(production_id=1, name="STRANGER", cast_number=31)])
        session.flush()
        session.add(CastAssignment(character_id=twin.id, performer_id=hayes.id, rate_minor=100))
    with demo.session() as session:
        cast = contact_sheet(session, 1).cast
    by_role = {line.character: line for line in cast}
    assert by_role["ETHAN"].performer == by_role["ETHAN'S TWIN"].performer == "Daniel Hayes"
    assert by_role["ETHAN'S TWIN"].phone == "(310) 555-0101"
    assert by_role["STRANGER"].performer == "" and by_role["STRANGER"].phone == ""
    assert [line.cast_number for line in cast[:3]] == [1, 2, 3]
    assert all(line.background for line in cast[-3:]) and not any(line.background for line in cast[:-3])


def test_english_production_pdf_carries_no_chinese_font_and_long_notes_wrap(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    with database.transaction() as session:
        create_production(session, ProductionDetails("Night Shift", company="Owl Pictures"))
        nurse = Performer(production_id=1, legal_name="Jane Doe", phone="+1 555 0100", email="jane@example.com")
        role = Character(production_id=1, name="NURSE", cast_number=1)
        session.add_all([nurse, role, CrewMember(production_id=1, name="Sam Grip", position="Key Grip")])
        session.flush()
        session.add(CastAssignment(character_id=role.id, performer_id=nurse.id, rate_minor=180000))
        parking = " ".join(f"Bay{n} behind the loading dock, then left past the gate." for n in range(400))
        session.add(Location(production_id=1, name="Old Mill", parking=parking, hospital_name="St Luke's"))
    target = export(database, tmp_path / "contacts.pdf", lang="en")
    assert pdf_fonts(target) <= {"/Helvetica", "/Helvetica-Bold"}
    text = pdf_text_squeezed(target)
    expected = squeezed("Jane Doe", "+1 555 0100", "Sam Grip", "No department", "Bay0 behind", "Bay399 behind")
    assert [fragment for fragment in expected if fragment not in text] == []
    assert len(PdfReader(target).pages) >= 3
    assert "1800" not in text and "1,800" not in text
    # The same sheet with bilingual headings needs the Chinese font after all.
    assert pdf_fonts(export(database, tmp_path / "both.pdf")) - {"/Helvetica", "/Helvetica-Bold"}
    database.close()


def test_xlsx_sheets_headers_and_text_cells(demo, tmp_path):
    with demo.transaction() as session:
        performer(session, "Daniel Hayes").legal_name = FORMULA
        performer(session, "Mia Tanaka").phone = "+1 310 555 0102"
        session.exec(select(CrewMember).where(CrewMember.name == "Zhang Wei")).one().name = "@SUM(A1:A9)"
    workbook = load_workbook(export(demo, tmp_path / "contacts.xlsx", lang="en"))
    assert workbook.sheetnames == ["Cast", "Crew", "Locations"]
    cast, crew, locations = (workbook[name] for name in workbook.sheetnames)
    assert [cell.value for cell in cast[1]][:4] == ["Cast ID", "Character", "Character (Chinese)", "Performer"]
    assert cast.freeze_panes == "A2" and cast.auto_filter.ref == cast.dimensions and cast[1][0].font.bold
    assert cast.print_title_rows == "$1:$1" and cast.page_setup.orientation == "landscape"
    rows = {row[1].value: row for row in cast.iter_rows(min_row=2)}
    assert rows["ETHAN"][3].value == FORMULA and rows["ETHAN"][3].data_type == "s"
    assert rows["ETHAN"][7].value == "(310) 555-0101" and rows["ETHAN"][7].data_type == "s"
    assert rows["CHLOE"][7].value == "+1 310 555 0102" and rows["CHLOE"][7].data_type == "s"
    assert rows["ETHAN"][0].value == 1 and rows["REPORTERS"][0].value == "BG"
    zhang = next(row for row in crew.iter_rows(min_row=2) if row[4].value == "张伟")
    assert zhang[0].value == "Production" and zhang[3].value == "@SUM(A1:A9)" and zhang[3].data_type == "s"
    assert [cell.value for cell in locations[1]][6] == "Nearest hospital"
    assert locations["G2"].value == "Good Samaritan Hospital"
    values = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value]
    assert not [value for value in values if any(amount in value for amount in RATES)]
    with zipfile.ZipFile(tmp_path / "contacts.xlsx") as archive:
        assert not [name for name in archive.namelist() if b"<f>" in archive.read(name)]


@pytest.mark.parametrize(
    ("lang", "department", "position", "languages", "speaks"),
    [
        ("zh", "制片", "第一副导演", "英语、西班牙语", "英语、日语"),
        (
            "en+zh",
            "Production / 制片",
            "1st Assistant Director / 第一副导演",
            "English, Spanish / 英语、西班牙语",
            None,
        ),
        ("en", "Production", "1st Assistant Director", "English, Spanish", "English, Japanese"),
    ],
)
def test_positions_departments_and_languages_in_the_sheets_language(
    demo, tmp_path, lang, department, position, languages, speaks
):
    workbook = load_workbook(export(demo, tmp_path / "contacts.xlsx", lang=lang))
    cast, crew, _locations = (workbook[name] for name in workbook.sheetnames)
    jason = next(row for row in crew.iter_rows(min_row=2) if row[3].value == "Jason Ortiz")
    assert (jason[0].value, jason[2].value, jason[7].value) == (department, position, languages)
    if speaks:
        mia = next(row for row in cast.iter_rows(min_row=2) if row[3].value == "Mia Tanaka")
        assert mia[12].value == speaks


def test_bilingual_xlsx_headings(demo, tmp_path):
    workbook = load_workbook(export(demo, tmp_path / "contacts.xlsx"))
    assert workbook["Locations"]["A1"].value == "Location / 场地"


@pytest.mark.parametrize("name", ["contacts.csv", "contacts", "contacts.pdf.txt"])
def test_an_unknown_format_is_refused_and_nothing_is_written(demo, tmp_path, name):
    with pytest.raises(UserError, match=r"\.pdf or \.xlsx"):
        export(demo, tmp_path / "out" / name)
    assert not (tmp_path / "out").exists()


def test_an_unknown_language_is_refused(demo, tmp_path):
    with pytest.raises(UserError, match="en, zh or en\\+zh"):
        export(demo, tmp_path / "contacts.pdf", lang="fr")
    assert not list(tmp_path.glob("*contacts*"))


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_cli_writes_the_contact_sheet(demo_path, tmp_path, suffix):
    out = tmp_path / f"contacts{suffix}"
    result = run("export", "contacts", "--db", str(demo_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000 and str(out) in result.stdout
