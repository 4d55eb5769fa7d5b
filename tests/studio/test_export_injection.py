"""No export hands a spreadsheet user text as a formula.

Text that looks like a formula goes into every text field that reaches a workbook or a CSV list, behind
the edit rules' back (as an older version, another program or a hand-edited file could have stored it).
Every workbook is read back with openpyxl: that text is in string cells only, and the only formulas are
the ones the exporter builds, with none of it inside. The CSV lists mark such text with a leading ' (the
OWASP advice), leave phone numbers and plain numbers as typed, and the app's own import reads its export
back unchanged.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlmodel import select

from studio import validation
from studio.csv_sheets import csv_text, from_csv_text, read_records
from studio.edits import set_fields
from studio.errors import InvalidInput
from studio.exports.budget_xlsx import write_budget
from studio.exports.contacts import write_contact_sheet
from studio.exports.dood import write_dood
from studio.models import (
    BudgetAccount,
    BudgetGlobal,
    BudgetLine,
    CastAssignment,
    Character,
    CostEntry,
    CrewMember,
    Department,
    Fringe,
    Location,
    Performer,
    Production,
)
from studio.people_csv import COLUMNS, export_people, import_people

PAYLOADS = (
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "@SUM(A1)",
    "\t=cmd",
    "=cmd|' /C calc'!A0",
    "+A1",
    "-2+3",
)
# Fragments of the payloads no formula the exporters build contains.
TELLTALES = ("HYPERLINK", "cmd", "calc", "@", "1+1", "2+3")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# model: the text columns of it that reach a workbook or a list (names that must stay unique get a number).
FIELDS = {
    Production: ("title", "title_zh", "company"),
    Character: ("name", "name_zh"),
    Performer: ("legal_name", "professional_name", "name_zh", "agent_name", "languages", "notes"),
    Department: ("name", "name_zh"),
    CrewMember: ("name", "name_zh", "position", "notes"),
    Location: (
        "name",
        "name_zh",
        "address",
        "contact_name",
        "hospital_name",
        "hospital_address",
        "parking",
        "basecamp",
        "notes",
    ),
    BudgetAccount: ("name", "name_zh"),
    BudgetLine: ("description", "payee", "notes"),
    BudgetGlobal: ("description",),
    Fringe: ("name",),
    CostEntry: ("vendor", "description", "reference"),
}


def payload_text(number: int) -> str:
    """The payloads in turn, each made unique by the row's number (names are unique per production)."""
    return f"{PAYLOADS[number % len(PAYLOADS)]} #{number}"


@pytest.fixture
def injected(demo):
    """The demo with a formula-looking text in every text field that reaches a spreadsheet."""
    number = 0
    with demo.transaction() as session:
        for model, fields in FIELDS.items():
            for row in session.exec(select(model).order_by(model.id)).all():
                for field in fields:
                    setattr(row, field, payload_text(number))
                    number += 1
    return demo


def read_cells(path: Path) -> list:
    workbook = load_workbook(path)
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]


def found_payloads(cells: list) -> set[str]:
    texts = [cell.value for cell in cells if cell.data_type == "s"]
    return {payload for payload in PAYLOADS if any(text.strip().startswith(payload.strip()) for text in texts)}


def assert_no_user_formulas(cells: list) -> None:
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert not [formula for formula in formulas if any(part in formula for part in TELLTALES)]
    # Text that a spreadsheet would run is in a string cell, never a formula cell or anything else.
    looks_like_formula = [cell for cell in cells if isinstance(cell.value, str) and "#" in cell.value]
    assert looks_like_formula and {cell.data_type for cell in looks_like_formula} == {"s"}


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("budget.xlsx", lambda session, path: write_budget(session, 1, path, None, "en")),
        ("budget-zh.xlsx", lambda session, path: write_budget(session, 1, path, "CNY", "en+zh")),
        ("contacts.xlsx", lambda session, path: write_contact_sheet(session, 1, path, "en+zh")),
        ("dood.xlsx", lambda session, path: write_dood(session, 1, path, "en")),
        ("dood-zh.xlsx", lambda session, path: write_dood(session, 1, path, "en+zh")),
    ],
)
def test_formula_looking_text_is_a_string_cell_in_every_workbook(injected, tmp_path, name, write):
    with injected.session() as session:
        path = write(session, tmp_path / name)
    cells = read_cells(path)
    assert_no_user_formulas(cells)
    assert found_payloads(cells) == set(PAYLOADS)  # every kind of payload reached this workbook, as text
    if name.startswith(("budget", "dood")):
        assert any(cell.data_type == "f" for cell in cells)  # the exporter's own formulas are still live


@pytest.mark.parametrize("kind", ["cast", "crew"])
def test_formula_looking_text_is_marked_in_the_csv_lists(injected, tmp_path, kind):
    with injected.session() as session:
        path = export_people(session, 1, kind, tmp_path / f"{kind}.csv")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        validation.not_formula(cell)  # no cell a spreadsheet would run: each such text starts with '
    marked = [cell for cell in cells if cell.startswith("'")]
    assert {payload for payload in PAYLOADS if any(cell[1:].startswith(payload) for cell in marked)} == set(PAYLOADS)


def test_phone_numbers_and_plain_numbers_are_left_as_typed():
    assert csv_text("+1 310 555 0100") == "+1 310 555 0100"
    assert csv_text("+86 138 0013 8000") == "+86 138 0013 8000"
    assert csv_text("(310) 555-0101") == "(310) 555-0101"
    assert csv_text("-5") == "-5"
    assert csv_text("1800.00") == "1800.00"
    assert csv_text("=1+1") == "'=1+1"
    assert csv_text("+A1") == "'+A1" and csv_text("-2+3") == "'-2+3" and csv_text("@SUM(A1)") == "'@SUM(A1)"
    assert csv_text("\t=cmd") == "'\t=cmd" and csv_text("\r=cmd") == "'\r=cmd"
    # Text already starting with ' before such a character keeps it, so the import gives it back whole.
    assert csv_text("'=1+1") == "''=1+1" and csv_text("'+1 310 555 0100") == "''+1 310 555 0100"
    assert csv_text("'Tis the season") == "'Tis the season" and csv_text("") == "" and csv_text(None) == ""


def test_a_hand_marked_cell_is_read_as_text():
    assert from_csv_text("'+1 310 555 0100") == ("+1 310 555 0100", True)  # as Excel users keep a phone text
    assert from_csv_text("'=1+1") == ("=1+1", True)
    assert from_csv_text("'Tis the season") == ("'Tis the season", False)
    assert from_csv_text("=1+1") == ("=1+1", False)


TEXTS = st.one_of(
    st.text(max_size=20),
    st.builds(
        lambda quotes, start, rest: "'" * quotes + start + rest,
        st.integers(0, 3),
        st.sampled_from([*FORMULA_STARTS, "+1 310 555 0100", "-5", "Tis", ""]),
        st.text(max_size=10),
    ),
)


@given(TEXTS)
def test_any_text_is_written_inert_and_read_back_whole(text):
    cell = csv_text(text)
    validation.not_formula(cell)  # never runs as a formula
    assert from_csv_text(cell)[0] == text


def test_cells_that_start_and_end_with_a_quote_are_not_taken_for_quoted_ones():
    """The sniffer would take ' for the quote character here, and eat the marks."""
    assert read_records("name,notes,agent\nA,'=1','=2'\nB,x,y\n") == [
        ["name", "notes", "agent"],
        ["A", "'=1'", "'=2'"],
        ["B", "x", "y"],
    ]


# What the edit rules accept (notes and department names may look like formulas; names may not) goes out
# to a list and comes back unchanged.
PERFORMER_NOTES = {
    "Daniel Hayes": "=1+1 joke",
    "Mia Tanaka": '=HYPERLINK("http://x","y")',
    "Kevin Lin": "'=already marked",
    "Jessica Moreau": "'Tis the season",
    "Hannah Lee": "'+1 310 555 0100",
}
CREW_NOTES = ("@SUM(A1)", "=cmd|' /C calc'!A0", "-5", "+1 310 555 0100", "-2+3")


def people_fields(database) -> dict:
    with database.session() as session:
        performers = session.exec(select(Performer).order_by(Performer.id)).all()
        crew = session.exec(select(CrewMember).order_by(CrewMember.id)).all()
        departments = session.exec(select(Department).order_by(Department.id)).all()
        deals = session.exec(select(CastAssignment).order_by(CastAssignment.id)).all()
        return {
            "performers": [
                tuple(getattr(row, column) for column in ("legal_name", "name_zh", "phone", "email", "notes"))
                for row in performers
            ],
            "crew": [(row.name, row.department_id, row.position, row.phone, row.notes) for row in crew],
            "departments": [(row.id, row.name) for row in departments],
            "deals": [(row.character_id, row.performer_id, row.rate, row.rate_basis) for row in deals],
        }


def test_the_lists_import_back_unchanged_whatever_their_text_looks_like(demo, tmp_path):
    with demo.transaction() as session:
        performers = {row.legal_name: row for row in session.exec(select(Performer)).all()}
        for name, notes in PERFORMER_NOTES.items():
            set_fields(session, "performer", performers[name].id, {"notes": notes})
        set_fields(session, "performer", performers["Daniel Hayes"].id, {"phone": "+1 310 555 0100"})
        crew = session.exec(select(CrewMember).order_by(CrewMember.id)).all()
        for member, notes in zip(crew, CREW_NOTES, strict=False):
            set_fields(session, "crew_member", member.id, {"notes": notes})
        department = session.exec(select(Department).order_by(Department.id)).first()
        set_fields(session, "department", department.id, {"name": '=HYPERLINK("http://x","y")'})
    before = people_fields(demo)
    assert {notes for *_, notes in before["performers"]} >= set(PERFORMER_NOTES.values())
    with demo.session() as session:
        written = {kind: export_people(session, 1, kind, tmp_path / f"{kind}.csv") for kind in COLUMNS}
    sheet = written["cast"].read_text(encoding="utf-8-sig")
    assert "'=1+1 joke" in sheet and "''=already marked" in sheet and ",'Tis the season" in sheet
    assert "+1 310 555 0100" in sheet and "'+1 310 555 0100" not in sheet.replace("''+1 310", "")
    for kind, path in written.items():
        with demo.transaction() as session:
            import_people(session, 1, path, kind)
    assert people_fields(demo) == before
    with demo.session() as session:
        again = {kind: export_people(session, 1, kind, tmp_path / f"again-{kind}.csv") for kind in COLUMNS}
    assert all(again[kind].read_bytes() == written[kind].read_bytes() for kind in COLUMNS)


def import_cast(database, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    with database.transaction() as session:
        import_people(session, 1, path, "cast")


def test_unmarked_formula_looking_text_in_a_list_is_still_refused(demo, tmp_path):
    """What a spreadsheet would have run is refused; marked, it is text, and the column's own rule decides."""
    path = tmp_path / "cast.csv"
    with pytest.raises(InvalidInput, match="row 2, notes: '=1\\+1' looks like a spreadsheet formula"):
        import_cast(demo, path, "name,notes\nDaniel Hayes,=1+1\n")
    with pytest.raises(InvalidInput, match="row 2, name: '=1\\+1' looks like a spreadsheet formula"):
        import_cast(demo, path, "name,notes\n'=1+1,'=1+1\n")
    import_cast(demo, path, "name,notes,phone\nDaniel Hayes,'=1+1,'+1 310 555 0100\n")
    with demo.session() as session:
        daniel = session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one()
        assert (daniel.notes, daniel.phone) == ("=1+1", "+1 310 555 0100")
