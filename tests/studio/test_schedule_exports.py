"""Schedule documents read back from real files: Day Out of Days (xlsx, PDF), the shooting schedule
(full and one-liner PDFs) and the shoot calendar (.ics), and the commands that write them."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from studio.callsheet import call_sheet_id
from studio.edits import set_fields
from studio.errors import UserError
from studio.exports.calendar_ics import write_shoot_calendar
from studio.exports.dood import KIND_COLORS, code_kind, write_dood
from studio.exports.schedule_pdf import write_shooting_schedule
from studio.formatting import format_eighths
from studio.models import FilmSet, Location, Performer, PerformerDay, Scene
from studio.schedule.board_loading import load_board
from studio.schedule.costs import day_totals
from studio.schedule.dood import day_out_of_days
from studio.schedule.strips import add_banner, ensure_shoot_days, move_strips, place_all
from studio.schedule.timeline import day_times
from tests.command_line import run

ROOT = Path(__file__).resolve().parents[2]
DATES = [dt.date(2027, 1, day) for day in (11, 12, 13, 14, 15, 16, 18, 19, 20)]
LEGEND = (
    "Start work",
    "Work finish",
    "Start-work-finish",
    "Pick-up work",
    "Hold",
    "Drop",
    "Travel",
    "Rehearsal",
    "Fitting",
)
TOTALS = ("Work", "Hold", "Travel", "Rehearsal", "Fitting", "Drop", "Paid", "First", "Last")
FORMULA = '=HYPERLINK("http://x","y")'


def board_of(database):
    with database.session() as session:
        return load_board(session, 1)


def pdf_text(path: Path, layout: bool = False) -> str:
    options = ["-layout"] if layout else []
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    return "".join(text.split())


# Day Out of Days as xlsx.


def call(database, name: str, day: dt.date, kind: str = "TRAVEL") -> None:
    with database.transaction() as session:
        performer = session.exec(select(Performer).where(Performer.legal_name == name)).one()
        session.add(PerformerDay(performer_id=performer.id, day=day, kind=kind))


def with_calls(database) -> None:
    """Daniel Hayes flies in the day before day 1; Mia Tanaka rehearses on her hold day (day 4) and has a
    fitting on the Sunday off between days 6 and 7."""
    call(database, "Daniel Hayes", dt.date(2027, 1, 10))
    call(database, "Mia Tanaka", dt.date(2027, 1, 14), "REHEARSAL")
    call(database, "Mia Tanaka", dt.date(2027, 1, 17), "FITTING")


def counts(line) -> list[int]:
    return [line.work, line.hold, line.travel, line.rehearsal, line.fitting, line.drops, line.paid]


def dood_workbook(database, tmp_path: Path, lang: str = "en"):
    with database.session() as session:
        path = write_dood(session, 1, tmp_path / "dood.xlsx", lang)
    return path, load_workbook(path).active


def line_rows(worksheet) -> dict[str, int]:
    """Cast member's name → their row: column B ("Daniel Hayes (ETHAN)") from below the headings down to the
    total row."""
    rows = {}
    for row in range(7, worksheet.max_row + 1):
        name = worksheet.cell(row=row, column=2).value
        if name == "Total":
            return rows
        rows[name.split(" (")[0]] = row
    raise AssertionError("no total row")


def evaluate(worksheet, formula: str) -> int:
    """A small evaluator for the formulas the DOOD writes: COUNTIF over a range, SUM, cell references, +."""

    def countif(match: re.Match) -> str:
        return str(sum(cell.value == match[2] for row in worksheet[match[1]] for cell in row))

    def total(match: re.Match) -> str:
        return str(sum(evaluate(worksheet, cell.value) for row in worksheet[match[1]] for cell in row))

    expression = re.sub(r'COUNTIF\(([A-Z]+\d+:[A-Z]+\d+),"([A-Z]+)"\)', countif, formula.removeprefix("="))
    expression = re.sub(r"SUM\(([A-Z]+\d+:[A-Z]+\d+)\)", total, expression)
    expression = re.sub(r"\b[A-Z]+\d+\b", lambda match: str(evaluate(worksheet, worksheet[match[0]].value)), expression)
    assert re.fullmatch(r"\d+(\+\d+)*", expression), formula
    return sum(int(term) for term in expression.split("+"))


def test_dood_xlsx_has_the_dates_the_codes_and_live_totals(demo, tmp_path):
    dood = day_out_of_days(board_of(demo))
    _path, worksheet = dood_workbook(demo, tmp_path)
    assert [worksheet.cell(row=4, column=3 + index).value for index in range(9)] == [f"Day {n}" for n in range(1, 10)]
    assert [worksheet.cell(row=5, column=3 + index).value.date() for index in range(9)] == DATES
    assert [worksheet.cell(row=4, column=12 + index).value for index in range(9)] == list(TOTALS)
    rows = line_rows(worksheet)
    assert len(rows) == 21
    for line in dood.rows:
        row = rows[line.name]
        codes = [worksheet.cell(row=row, column=3 + index).value or "" for index in range(9)]
        assert codes == line.codes
        totals = [worksheet.cell(row=row, column=column) for column in range(12, 19)]
        assert all(cell.data_type == "f" for cell in totals)
        assert [evaluate(worksheet, cell.value) for cell in totals] == counts(line)
        assert worksheet.cell(row=row, column=19).value.date() == line.first
    hayes = rows["Daniel Hayes"]
    assert worksheet.cell(row=hayes, column=1).value == 1 and worksheet.cell(row=hayes, column=2).data_type == "s"
    assert "COUNTIF(C7:K7" in worksheet.cell(row=hayes, column=12).value
    assert worksheet.cell(row=hayes, column=14).value == '=COUNTIF(C7:K7,"T")'
    assert worksheet.cell(row=hayes, column=18).value == "=L7+M7+N7+O7+P7"
    total_row = max(rows.values()) + 1
    assert worksheet.cell(row=total_row, column=18).value == "=SUM(R7:R27)"
    assert evaluate(worksheet, worksheet.cell(row=total_row, column=18).value) == sum(line.paid for line in dood.rows)


def test_dood_xlsx_travel_rehearsal_and_fitting(demo, tmp_path):
    paid_before = sum(line.paid for line in day_out_of_days(board_of(demo)).rows)
    with_calls(demo)
    dood = day_out_of_days(board_of(demo))
    assert len(dood.dates) == 11  # the 9 shoot dates, the travel day before day 1 and the Sunday fitting
    _path, worksheet = dood_workbook(demo, tmp_path)
    headings = [worksheet.cell(row=4, column=3 + index).value for index in range(11)]
    assert headings[:2] == ["Travel", "Day 1"] and headings[7] == "Fitting" and "Day 0" not in headings
    assert [worksheet.cell(row=5, column=3 + index).value.date() for index in range(11)] == dood.dates
    assert [worksheet.cell(row=4, column=14 + index).value for index in range(9)] == list(TOTALS)
    rows = line_rows(worksheet)
    for line in dood.rows:
        row = rows[line.name]
        assert [worksheet.cell(row=row, column=3 + index).value or "" for index in range(11)] == line.codes
        totals = [worksheet.cell(row=row, column=column).value for column in range(14, 21)]
        assert [evaluate(worksheet, formula) for formula in totals] == counts(line)
    hayes, tanaka = rows["Daniel Hayes"], rows["Mia Tanaka"]
    assert worksheet.cell(row=hayes, column=3).value == "T"
    assert worksheet.cell(row=hayes, column=3).fill.start_color.rgb == f"00{KIND_COLORS['travel']}"
    tanaka_codes = [worksheet.cell(row=tanaka, column=3 + index).value for index in range(11)]
    assert "R" in tanaka_codes and "H" not in tanaka_codes and tanaka_codes[7] == "F"
    total_row = max(rows.values()) + 1
    paid = evaluate(worksheet, worksheet.cell(row=total_row, column=20).value)
    assert paid == sum(line.paid for line in dood.rows) == paid_before + 2  # + travel + fitting; R replaced H


def test_dood_xlsx_is_ready_to_read_and_print(demo, tmp_path):
    _path, worksheet = dood_workbook(demo, tmp_path)
    assert worksheet.freeze_panes == "C7"
    assert worksheet.page_setup.orientation == "landscape"
    assert worksheet.page_setup.fitToWidth == 1 and worksheet.sheet_properties.pageSetUpPr.fitToPage
    rows = line_rows(worksheet)
    fills: dict[str, set[str]] = {}
    for row in rows.values():
        for column in range(3, 12):
            cell = worksheet.cell(row=row, column=column)
            fills.setdefault(code_kind(cell.value or "") or "", set()).add(cell.fill.fill_type or "none")
            fills.setdefault(f"{code_kind(cell.value or '')}-color", set()).add(cell.fill.start_color.rgb)
    assert fills[""] == {"none"} and fills["work"] == fills["hold"] == {"solid"}
    assert fills["work-color"] == {f"00{KIND_COLORS['work']}"} and fills["hold-color"] == {f"00{KIND_COLORS['hold']}"}
    legend = [worksheet.cell(row=row, column=2).value for row in range(max(rows.values()) + 4, worksheet.max_row + 1)]
    assert [meaning for meaning in LEGEND if meaning not in legend] == []


def test_dood_names_are_text_never_formulas(demo, tmp_path):
    with demo.transaction() as session:
        performer = session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one()
        performer.legal_name = FORMULA
    _path, worksheet = dood_workbook(demo, tmp_path)
    cell = worksheet.cell(row=line_rows(worksheet)[FORMULA], column=2)
    assert cell.value == f"{FORMULA} (ETHAN)" and cell.data_type == "s"


def test_dood_xlsx_totals_as_libreoffice_computes_them(demo, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    with_calls(demo)
    dood = day_out_of_days(board_of(demo))
    path, _worksheet = dood_workbook(demo, tmp_path)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",  # comma, double quote, UTF-8
            "--outdir",
            str(tmp_path),
            path,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "dood.csv").open(encoding="utf-8", newline="") as handle:
        computed = {row[1].split(" (")[0]: row for row in csv.reader(handle) if len(row) > 20}
    first = 2 + len(dood.dates)  # the first total column
    for line in dood.rows:
        assert [int(float(value)) for value in computed[line.name][first : first + 7]] == counts(line)
    totals = [int(float(value)) for value in computed["Total"][first : first + 7]]
    assert totals == [sum(column) for column in zip(*(counts(line) for line in dood.rows), strict=True)]
    assert totals[-1] == sum(line.paid for line in dood.rows) and computed["Daniel Hayes"][2] == "T"


# Day Out of Days as PDF.


def test_dood_pdf_lists_names_codes_and_the_legend(demo, tmp_path):
    with demo.session() as session:
        path = write_dood(session, 1, tmp_path / "dood.pdf")
    text = pdf_text(path)
    assert len(PdfReader(path).pages) == 1
    names = ("Daniel Hayes (ETHAN)", "Samuel Okoye (DR. OKAFOR)", "Ethan Cole", "Day Out of Days", "Day 9", "Jan 20")
    assert [name for name in names + ("Page 1",) if name not in text] == []
    assert {"SW", "W", "WF", "H"} <= set(text.split())
    assert [meaning for meaning in LEGEND if meaning not in text] == []


def test_dood_pdf_shows_travel_rehearsal_and_fitting(demo, tmp_path):
    with_calls(demo)
    dood = day_out_of_days(board_of(demo))
    with demo.session() as session:
        path = write_dood(session, 1, tmp_path / "dood.pdf")
    assert len(PdfReader(path).pages) == 1
    text = pdf_text(path, layout=True)
    assert "Day 0" not in text and {"T", "R", "F"} <= set(text.split())
    lines = text.splitlines()
    heading = next(line for line in lines if "Day 1" in line)
    assert heading.index("Travel") < heading.index("Day 1")  # the travel day's column comes first
    hayes = next(line for line in lines if "Daniel Hayes" in line).split()
    lead = next(line for line in dood.rows if line.name == "Daniel Hayes")
    assert hayes[4:6] == ["T", "SW"] and hayes[-11:-4] == [str(count) for count in counts(lead)]  # then "Jan 11 Jan 20"
    total = next(line for line in lines if line.split()[:1] == ["Total"]).split()
    assert total[1:] == [str(sum(column)) for column in zip(*(counts(line) for line in dood.rows), strict=True)]


def test_a_long_dood_pdf_is_split_by_dates_and_stays_on_the_page(demo, tmp_path):
    with demo.transaction() as session:
        ensure_shoot_days(session, 1, 40)
        board = load_board(session, 1)
        strips = sorted((strip for strip in board.strips.values() if not strip.is_banner), key=lambda s: s.sort_order)
        placement = {day.id: [] for day in board.days}
        for index, strip in enumerate(strips):
            placement[board.days[index * len(board.days) // len(strips)].id].append(strip.id)
        place_all(session, 1, placement)
        path = write_dood(session, 1, tmp_path / "dood.pdf", lang="zh")
    reader = PdfReader(path)
    assert 2 <= len(reader.pages) <= 4
    text = squeezed(pdf_text(path))
    assert "第40天" in text and "2月20日" in text and "周一" in text
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for x_min, y_min, x_max, y_max in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes
    ):
        assert float(x_min) > 0 and float(x_max) < width and float(y_min) > 0 and float(y_max) < height


def test_dood_refuses_other_formats(demo, tmp_path):
    with demo.session() as session, pytest.raises(UserError, match=r"\.xlsx or \.pdf"):
        write_dood(session, 1, tmp_path / "dood.csv")


# The shooting schedule.


def scene_rows(text: str, numbers: set[str]) -> list[str]:
    """The scene numbers that start the lines of a -layout text, in order."""
    return [line.split()[0] for line in text.splitlines() if line.split() and line.split()[0] in numbers]


def test_full_schedule_day_by_day(demo, tmp_path):
    board = board_of(demo)
    first_day = board.days[0]
    with demo.transaction() as session:
        add_banner(session, 1, first_day.id, 2, "Company lunch; move to Sterling Tower")
        unscheduled = board.day_strips(board.days[-1].id)[-1]
        move_strips(session, 1, [unscheduled.id], None, 0)
        path = write_shooting_schedule(session, 1, tmp_path / "full.pdf")
    board = board_of(demo)
    text = pdf_text(path, layout=True)
    numbers = {strip.number for strip in board.strips.values() if not strip.is_banner}
    day_one = text[text.index("Day 1 — Monday, January 11, 2027") : text.index("End of Day 1")]
    assert scene_rows(day_one, numbers) == [strip.number for strip in board.day_strips(first_day.id) if strip.number]
    flat = squeezed(text)
    pages = squeezed(format_eighths(day_totals(board, first_day.id).eighths))
    expected = ("Day9—Wednesday,January20,2027", "CompanyLunch;movetoSterlingTower", "SterlingTower", "633W5thSt")
    expected += (f"EndofDay1·Pages:{pages}·", "Estimatedtime:", "Companymoves:", "Total·Shootdays:9")
    assert [fragment for fragment in expected if fragment.casefold() not in flat.casefold()] == []
    boneyard = text[text.index("Unscheduled scenes") :]
    assert scene_rows(boneyard, numbers) == [unscheduled.number]
    assert "Page 1" in text and "$" not in text and "USD" not in text


def test_one_liner_is_compact_with_day_breaks(demo, tmp_path):
    board = board_of(demo)
    with demo.session() as session:
        full = write_shooting_schedule(session, 1, tmp_path / "full.pdf")
        one_liner = write_shooting_schedule(session, 1, tmp_path / "one.pdf", report="one-liner", lang="en+zh")
    text = pdf_text(one_liner, layout=True)
    numbers = {strip.number for strip in board.strips.values()}
    assert scene_rows(text, numbers) == [strip.number for day in board.days for strip in board.day_strips(day.id)]
    day_breaks = re.findall(r"End of Day (\d+)", text)
    assert day_breaks == [str(number) for number in range(1, 10)]
    assert "Sterling Tower" in text and "Every scene is on a shoot day." in text
    assert len(PdfReader(one_liner).pages) < len(PdfReader(full).pages)


def test_schedule_options_are_checked(demo, tmp_path):
    with demo.session() as session:
        with pytest.raises(UserError, match="one-liner"):
            write_shooting_schedule(session, 1, tmp_path / "s.pdf", report="weekly")
        with pytest.raises(UserError, match=r"\.pdf"):
            write_shooting_schedule(session, 1, tmp_path / "s.docx")


# The shooting schedule in Chinese and in both languages: sets, locations and the script's codes as the call
# sheet writes them.

CHINESE_CODES = {"INT": "内", "EXT": "外", "INT/EXT": "内/外", "DAY": "日", "NIGHT": "夜", "MORNING": "晨"}


def shown(lang: str, english: str, chinese: str) -> str:
    """A name or code as a schedule in `lang` shows it: the Chinese where there is one, both in en+zh."""
    if not chinese or lang == "en":
        return english
    return chinese if lang == "zh" else f"{english} {chinese}"


def mixed_demo(database) -> None:
    """The demo with a scene shot INT/EXT in the morning, and a set and a location with no Chinese name."""
    board = board_of(database)
    first = next(strip for strip in board.day_strips(board.days[0].id) if not strip.is_banner)
    with database.transaction() as session:
        scene = session.get(Scene, first.scene_id)
        scene.int_ext, scene.time_of_day = "INT/EXT", "MORNING"
        session.exec(select(FilmSet).where(FilmSet.name == "ROOFTOP BAR")).one().name_zh = ""
        session.exec(select(Location).where(Location.name == "The Vista rooftop bar")).one().name_zh = ""


def strip_rows(path: Path, strips: list, width: int) -> list[list[str]]:
    """Each strip's row as pypdf reads it back (a cell a line), from its scene number on, `width` cells."""
    cells = [line.strip() for page in PdfReader(path).pages for line in page.extract_text().splitlines()]
    rows, start = [], 0
    for strip in strips:
        start = next(
            index
            for index in range(start, len(cells) - 1)
            if cells[index] == strip.number and cells[index + 1] == str(strip.episode)
        )
        rows.append(cells[start : start + width])
        start += width
    return rows


@pytest.mark.parametrize(
    ("report", "lang"), [("one-liner", "en"), ("one-liner", "zh"), ("one-liner", "en+zh"), ("full", "zh")]
)
def test_schedule_rows_in_the_schedule_language(demo, tmp_path, report, lang):
    mixed_demo(demo)
    board = board_of(demo)
    with demo.session() as session:
        chinese = {location.id: location.name_zh for location in session.exec(select(Location))}
        path = write_shooting_schedule(session, 1, tmp_path / "schedule.pdf", report=report, lang=lang)
    strips = [strip for day in board.days for strip in board.day_strips(day.id) if not strip.is_banner]
    expected = [
        [
            strip.number,
            str(strip.episode),
            shown(lang, strip.int_ext, CHINESE_CODES[strip.int_ext]),
            shown(lang, strip.set_name, strip.set_name_zh),
            shown(lang, strip.time_of_day, CHINESE_CODES[strip.time_of_day]),
            shown(lang, strip.location, chinese[strip.location_id]),
            format_eighths(strip.eighths),
        ]
        + ([str(strip.minutes)] if report == "full" else [])
        for strip in strips
    ]
    assert strip_rows(path, strips, len(expected[0])) == expected
    codes = {"en": ["INT/EXT", "MORNING"], "zh": ["内/外", "晨"], "en+zh": ["INT/EXT 内/外", "MORNING 晨"]}
    assert [expected[0][2], expected[0][4]] == codes[lang]
    # A set and a location with no Chinese name keep their English one whatever the language.
    assert ["ROOFTOP BAR", "The Vista rooftop bar"] in [[row[3], row[5]] for row in expected]
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert ("克洛伊公寓" in text) == (lang != "en") and ("CHLOE'S APARTMENT" in text) == (lang != "zh")


def test_full_schedule_in_chinese_names_the_day_s_locations(demo, tmp_path):
    with demo.session() as session:
        chinese = write_shooting_schedule(session, 1, tmp_path / "zh.pdf", lang="zh")
        both = write_shooting_schedule(session, 1, tmp_path / "both.pdf", lang="en+zh")
    text = "\n".join(page.extract_text() for page in PdfReader(chinese).pages)
    day_one = text[text.index("第 1 天") : text.index("第 1 天结束")]
    assert "克洛伊公寓 1822 N Highland Ave" in day_one and "Chloe's apartment" not in day_one
    cells = set(text.splitlines())
    assert {"内", "外", "日", "夜"} <= cells and not {"INT", "EXT", "DAY", "NIGHT"} & cells
    text = "\n".join(page.extract_text() for page in PdfReader(both).pages)
    assert "Chloe's apartment 克洛伊公寓 1822 N Highland Ave" in text
    assert {"INT 内", "EXT 外", "DAY 日", "NIGHT 夜", "Chloe's apartment 克洛伊公寓"} <= set(text.splitlines())
    assert "CHLOE'S APARTMENT - STAIRWELL 苏晚出租屋·楼梯间" in text  # the set as the original names it


@pytest.mark.parametrize(
    "lang, lead",
    [
        ("en", "1 Daniel Hayes (ETHAN)"),
        ("zh", "1 丹尼尔·海斯（顾景深）"),
        ("en+zh", "1 Daniel Hayes 丹尼尔·海斯 (ETHAN 顾景深)"),
    ],
)
def test_the_schedule_names_each_performer_with_their_roles(demo, tmp_path, lang, lead):
    with demo.session() as session:
        path = write_shooting_schedule(session, 1, tmp_path / "schedule.pdf", lang=lang)
    first_page = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert lead in first_page and first_page.index(lead) < first_page.index("2 ")


# The shoot calendar.


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def test_calendar_has_an_event_per_shoot_day(demo, tmp_path):
    board = board_of(demo)
    with demo.transaction() as session:
        set_fields(session, "call_sheet", call_sheet_id(session, board.days[0].id), {"crew_call": "07:00"})
    now = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    with demo.session() as session:
        path = write_shoot_calendar(session, 1, tmp_path / "shoot.ics", now=now)
    data = path.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75 and any(line.startswith(b" ") for line in physical)
    lines = unfolded(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    events = [line for line in lines if line == "BEGIN:VEVENT"]
    assert len(events) == 9 == lines.count("END:VEVENT")  # the day off is no event
    assert len({line for line in lines if line.startswith("UID:")}) == 9
    assert "UID:shootday-1-production-1@cliffhanger" in lines and "DTSTAMP:20261201T093000Z" in lines
    # Day 1: the crew call entered, 07:00 in Los Angeles, to the wrap the clock has (no clock change in
    # January, so the wall clock moves as the work does).
    with demo.session() as session:
        times = day_times(load_board(session, 1))
    first, second = times[board.days[0].id], times[board.days[1].id]
    wrap = dt.datetime(2027, 1, 11, 7, 0) + dt.timedelta(minutes=first.length)
    assert "DTSTART;TZID=America/Los_Angeles:20270111T070000" in lines
    assert f"DTEND;TZID=America/Los_Angeles:{wrap:%Y%m%dT%H%M%S}" in lines
    assert lines.count("BEGIN:VTIMEZONE") == 1 and "TZID:America/Los_Angeles" in lines
    # Day 2: no call entered: the schedule's call, never an all-day event.
    call = dt.datetime(2027, 1, 12, 0, 0) + dt.timedelta(minutes=second.call)
    assert f"DTSTART;TZID=America/Los_Angeles:{call:%Y%m%dT%H%M%S}" in lines
    assert not any("VALUE=DATE" in line for line in lines)
    assert "SUMMARY:Day 1 of 9 — The Contract Bride / 契约新娘" in lines
    locations = [line for line in lines if line.startswith("LOCATION:")]
    assert len(locations) == 9 and all("\\, " in line for line in locations)
    assert any("(then " in line for line in locations)  # a day at several locations names them all
    assert any("Sterling Tower\\, 633 W 5th St\\, Los Angeles\\, CA 90071" in line for line in locations)
    totals = day_totals(board, board.days[0].id)
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description.startswith(
        f"DESCRIPTION:Pages: {format_eighths(totals.eighths)}\\nScenes: {totals.scenes}\\nSets: "
    )


def test_calendar_text_escaping_and_folding(demo, tmp_path):
    # A location as people type it: the characters TEXT escapes, a line break, a control character
    # iCalendar forbids, and a long Chinese address that has to be folded.
    board = board_of(demo)
    with demo.session() as session:
        location_id = session.exec(select(Location.id).where(Location.name == "Chloe's apartment")).one()
    address = "a,b;c\\d\ne\x07" + "契约新娘" * 30
    with demo.transaction() as session:
        set_fields(session, "location", location_id, {"name": "Chloe; 克洛伊", "address": address})
    with demo.session() as session:
        path = write_shoot_calendar(session, 1, tmp_path / "shoot.ics")
    data = path.read_bytes()
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75  # octets
    assert [line.decode("utf-8") for line in physical]  # never folded inside a character
    lines = unfolded(data)
    escaped = "LOCATION:Chloe\\; 克洛伊\\, a\\,b\\;c\\\\d\\ne" + "契约新娘" * 30
    assert any(line.startswith(escaped) for line in lines)
    uid = f"shootday-{board.days[0].id}-production-1@cliffhanger"
    event = next(event for event in Calendar.from_ical(data).events if event["UID"] == uid)
    assert str(event["LOCATION"]).startswith("Chloe; 克洛伊, a,b;c\\d\ne" + "契约新娘" * 30)


# The commands.


@pytest.mark.parametrize(
    ("document", "name", "options"),
    [
        ("dood", "dood.xlsx", ()),
        ("dood", "dood.pdf", ("--lang", "en+zh")),
        ("schedule", "schedule.pdf", ("--report", "one-liner")),
        ("schedule", "shoot.ics", ()),
    ],
)
def test_export_commands(demo_path, tmp_path, document, name, options):
    target = tmp_path / name
    result = run("export", document, "--db", str(demo_path), "--out", str(target), *options)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 1000 and str(target) in result.stdout


def test_export_schedule_refuses_other_formats_in_one_line(demo_path, tmp_path):
    result = run("export", "schedule", "--db", str(demo_path), "--out", str(tmp_path / "schedule.docx"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ".pdf or .ics" in lines[0] and "Traceback" not in result.stderr
