"""Call sheet PDFs read back from real files: every field that has data, in the language asked for, the fonts
they carry, and sheets that stay right with bad or big input."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from studio.callsheet import call_sheet, call_sheets
from studio.day_sheet import SceneLine
from studio.errors import UserError
from studio.exports.callsheet_layout import SCENE_COLUMNS, ranges
from studio.exports.callsheet_pdf import file_name, write_call_sheet, write_call_sheets
from studio.exports.callsheet_style import PAGE
from studio.exports.callsheet_words import SheetWords
from studio.exports.pdf_pages import FRAME_PADDING, MARGIN, frame_width
from studio.formatting import format_eighths
from studio.models import (
    CallSheet,
    CallTime,
    CrewMember,
    Department,
    Location,
    Performer,
    Production,
    ShootDay,
    Strip,
)
from tests.pdf_text import pdf_text_squeezed
from tests.studio.test_callsheet import RATES, small_production

LATIN = {"/Helvetica", "/Helvetica-Bold"}


def missing(text: str, *fragments: str) -> list[str]:
    """The fragments not in `text`. A fragment's words must appear in order; a cell that wraps may have its
    neighbour's lines between them (extraction reads a row's cells line by line)."""
    found = [re.search(".{0,120}?".join(map(re.escape, fragment.split())), text) for fragment in fragments]
    return [fragment for fragment, match in zip(fragments, found, strict=True) if fragment and not match]


def pdf_fonts(path: Path) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for font in (page.get("/Resources") or {}).get("/Font", {}).values()
    }


def words_on_pages(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (x_min, y_min, x_max, y_max, word), as pdftotext places them."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in boxes.split("<page ")[1:]:
        pages.append(
            [
                (float(a), float(b), float(c), float(d), html.unescape(word))
                for a, b, c, d, word in re.findall(
                    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
                )
            ]
        )
    return pages


def assert_laid_out_cleanly(path: Path) -> None:
    """Every word inside the page's margins, and no word drawn over another (text run out of its cell).

    Word boxes reach from the font's lowest descent to its highest ascent, beyond where the glyphs are
    drawn, so two words only clash when their boxes overlap by more than a third of the smaller height."""
    width, height = (float(value) for value in PdfReader(path).pages[0].mediabox[2:])
    for words in words_on_pages(path):
        for x_min, y_min, x_max, y_max, word in words:
            assert x_min >= MARGIN - 1 and x_max <= width - MARGIN + 1, word
            assert y_min >= MARGIN / 2 and y_max <= height - MARGIN / 2, word
        ordered = sorted(words, key=lambda box: box[1])
        for index, (x_min, y_min, x_max, y_max, word) in enumerate(ordered):
            for other in ordered[index + 1 :]:
                if other[1] >= y_max:
                    break
                across = min(x_max, other[2]) - max(x_min, other[0])
                down = min(y_max, other[3]) - other[1]
                smaller = min(y_max - y_min, other[3] - other[1])
                assert across <= 0.5 or down <= smaller / 3, f"{word!r} is drawn over {other[4]!r}"


def export(database, day_id: int, target: Path, lang: str = "en", cast_version: bool = False) -> Path:
    with database.session() as session:
        return write_call_sheet(session, 1, day_id, target, lang, cast_version)


def fill_in_day_three(demo) -> int:
    """Everything a call sheet can say, entered for the demo's third day."""
    with demo.transaction() as session:
        day = session.exec(select(ShootDay).where(ShootDay.day_number == 3)).one()
        sheet = session.exec(select(CallSheet).where(CallSheet.shoot_day_id == day.id)).one()  # the demo's, empty
        entered = dict(
            crew_call=dt.time(6, 30),
            shooting_call=dt.time(7, 45),
            breakfast=dt.time(6, 0),
            lunch=dt.time(12, 30),
            dinner=dt.time(19, 15),
            background_call=dt.time(7, 0),
            weather_summary="Clear, light wind",
            temperature_high=68,
            temperature_low=49,
            rain_chance_percent=10,
            safety_notes="Hospital standing set: no open flames near the oxygen props.",
            general_notes="Quiet on the stage floor during takes.",
            department_notes="Props: marriage contract, three copies.\nSFX: rain bars on the mansion windows.",
            walkie_channels="Ch 1 Production · Ch 2 Open · Ch 3 Transport",
            closed_set=True,
        )
        for field, value in entered.items():
            setattr(sheet, field, value)
        hayes = session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one()
        session.add(CallTime(call_sheet_id=sheet.id, performer_id=hayes.id, pickup=dt.time(5, 40), remarks="Hotel"))
        zhao = session.exec(select(CrewMember).where(CrewMember.name == "Zhao Lei")).one()
        session.add(CallTime(call_sheet_id=sheet.id, crew_member_id=zhao.id, on_set=dt.time(5, 0), remarks="Prelight"))
        session.get(Production, 1).revision_color = "Blue"
        return day.id


@pytest.fixture
def day_three(demo):
    return fill_in_day_three(demo)


def expected_fields(sheet, words: SheetWords) -> list[str]:
    """Every value on the sheet that has data, as the sheet's language shows it."""
    named = words.named
    fields = [
        sheet.title,
        named(sheet.title, sheet.title_zh),  # an English sheet: the English title alone
        sheet.company,
        words.day_of.format(number=3, total=9),
        words.date(sheet.date),
        words.clock(sheet.crew_call),
        words.clock(sheet.shooting_call),
        words.clock(sheet.breakfast),
        words.clock(sheet.lunch),
        words.clock(sheet.dinner),
        words.pair(words.revision, words.revision_color("Blue")),
        words.pair(words.hq, words.place_of("Asia/Shanghai") + " 22:30"),
        words.weather(sheet.weather.summary),
        words.temperature(68),
        words.temperature(49),
        "10%",
        words.clock(sheet.sunrise),
        words.clock(sheet.sunset),
        sheet.safety_notes,
        sheet.general_notes,
        "Props: marriage contract, three copies.",
        "SFX: rain bars on the mansion windows.",
        sheet.walkie_channels,
        words.closed_set.upper(),
    ]
    for hospital in sheet.hospitals:
        fields += [hospital.name, hospital.address, hospital.phone]
    for place in sheet.places:
        fields += [named(place.name, place.name_zh), place.address, place.parking, place.basecamp]
        fields += [place.contact_name, place.contact_phone]
    for line in sheet.scenes:
        fields += [line.number, named(line.set_name, line.set_name_zh), ranges(line.cast_numbers)]
        for group in line.elements:
            fields += [named(group.category, group.category_zh), *(named(e.name, e.name_zh) for e in group.elements)]
    fields.append(sheet.scenes[0].synopsis)  # the others may be shortened to their line
    fields += [words.code("INT"), words.code("EXT"), words.code("DAY"), format_eighths(2)]
    for line in sheet.cast:
        fields += [named(line.performer, line.performer_zh), named(line.character, line.character_zh), line.status]
        fields += [words.clock(line.pickup), words.clock(line.makeup), words.clock(line.wardrobe)]
        fields += [words.clock(line.on_set), line.remarks]
    for line in sheet.background:
        fields += [named(line.name, line.name_zh), words.clock(line.call), ", ".join(line.scenes)]
    for line in sheet.crew:
        fields += [words.position_of(line.position), named(line.name, line.name_zh), line.phone]
        fields += [words.clock(line.call), line.remarks]
    for contact in sheet.contacts:
        fields += [words.role(contact.role), named(contact.name, contact.name_zh), contact.phone]
    advance = [line.number for line in sheet.next_day.lines if isinstance(line, SceneLine)]
    fields += [words.day_of.format(number=4, total=9), *advance]
    return fields


def exported(demo, day_id: int, folder: Path, lang: str):
    """The day's sheet written in `lang`: (its file, the sheet, its words)."""
    path = export(demo, day_id, folder / f"day-{lang}.pdf", lang)
    with demo.session() as session:
        return path, call_sheet(session, 1, day_id), SheetWords(lang)


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_every_field_with_data_is_on_the_sheet_in_its_language(demo, day_three, tmp_path, lang):
    path, sheet, words = exported(demo, day_three, tmp_path, lang)
    text = pdf_text_squeezed(path)
    assert missing(text, *expected_fields(sheet, words)) == []
    assert not [rate for rate in ("1800", "1,800", "6000", "6,000", "4500", "4,500", "CNY", "$") if rate in text]
    labels = {
        "en": ("Crew call", "Shooting call", "NEAREST HOSPITAL", "Zhang Wei", "Director: Zhang Wei", "68°F", "49°F"),
        "zh": ("集合时间", "开拍时间", "最近的医院", "导演：张伟", "内", "日", "20°C", "9°C", "蓝")
        + ("晴朗，微风", "道具："),
        "en+zh": (
            "Crew call / 集合时间",
            "Director / 导演: Zhang Wei 张伟",
            "Daniel Hayes 丹尼尔·海斯",
            "68°F / 20°C",
            "Clear, light wind 晴朗，微风",
            "Props 道具: Medical chart 病历",
        ),
    }[lang]
    assert missing(text, *labels) == []
    if lang == "en":
        assert "张伟" not in text and "丹尼尔" not in text  # Chinese names only on Chinese sheets
    if lang == "zh":
        assert "CrewCall" not in text and "Director:" not in text and "°F" not in text
    if lang == "en":
        assert "°C" not in text
    assert_laid_out_cleanly(path)


def test_a_demo_day_flows_onto_later_pages_with_the_header_and_headings_repeated(demo, day_three, tmp_path):
    path = export(demo, day_three, tmp_path / "day3.pdf", "en")
    reader = PdfReader(path)
    assert len(reader.pages) == 3  # 63 scenes, each with its synopsis and the elements it needs
    pages = [page.extract_text() for page in reader.pages]
    assert "Scenes · " in pages[1] and "Ep." in pages[1]  # the table's title and headings repeat
    assert all(f"Page {number}" in page for number, page in enumerate(pages, start=1))
    header = "The Contract Bride · Call sheet · Day 3 of 9 · Jan 13, 2027 · Crew call: 06:30"
    assert [header in " ".join(page.split()) for page in pages] == [False, True, True]


def keep_first_scenes(demo, day_id: int, count: int) -> None:
    """Take every scene after the first `count` off the day (back to the unscheduled ones)."""
    with demo.transaction() as session:
        strips = session.exec(select(Strip).where(Strip.shoot_day_id == day_id).order_by(Strip.position)).all()
        for strip in strips[count:]:
            strip.shoot_day_id = None


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_a_typical_day_fits_two_pages(demo, day_three, tmp_path, lang):
    """Twelve scenes at two locations with their synopses and elements, the cast of the day and those on hold,
    the demo's 30 crew, every note filled in, the next day's 63 scenes in advance and the key contacts: the
    sheet and the start of a second page, nothing left out."""
    keep_first_scenes(demo, day_three, 12)
    path = export(demo, day_three, tmp_path / f"typical-{lang}.pdf", lang)
    with demo.session() as session:
        sheet = call_sheet(session, 1, day_three)
    assert len(sheet.scenes) == 12 and len(sheet.crew) == 30 and len(sheet.cast) >= 10 and sheet.next_day
    assert len(PdfReader(path).pages) <= 2
    assert missing(pdf_text_squeezed(path), *expected_fields(sheet, SheetWords(lang))) == []
    assert_laid_out_cleanly(path)


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_every_demo_day_fits_three_pages_in_type_no_smaller_than_six_and_a_half_points(demo, day_three, tmp_path, lang):
    with demo.session() as session:
        written = write_call_sheets(session, 1, tmp_path / lang, lang)
        scenes = [len(sheet.scenes) for sheet in call_sheets(session, 1)]
    assert len(written) == 9 and max(scenes) > 55  # the demo's days hold 44 to 58 scenes
    for path in written:
        reader = PdfReader(path)
        assert len(reader.pages) <= 3, path.name
        sizes = {
            float(size)
            for page in reader.pages
            for size in re.findall(rb"/F\d+ ([\d.]+) Tf", page.get_contents().get_data())
        }
        assert sizes and min(sizes) >= 6.5, (path.name, sorted(sizes))
    assert_laid_out_cleanly(written[2])  # day 3, filled in


@pytest.mark.parametrize(
    ("lang", "fragments"),
    [
        ("en", ["Minors Kevin Lin, age 5: works 3:00 at most, at work 6:00 at most", "A studio teacher is on set"]),
        ("zh", ["未成年人 林凯文，5 岁：最多工作 3:00，最多在场 6:00", "须有片场教师"]),
        ("en+zh", ["Kevin Lin, age 5: works 3:00 at most", "林凯文，5 岁：最多工作 3:00"]),
    ],
)
def test_a_minor_working_is_named_with_what_their_age_allows(demo, tmp_path, lang, fragments):
    # Kevin Lin (LEO) works on day 9; born 1 June 2021, he is 5 then: 3 hours of work, 6 at work.
    with demo.transaction() as session:
        kevin = session.exec(select(Performer).where(Performer.legal_name == "Kevin Lin")).one()
        kevin.date_of_birth = dt.date(2021, 6, 1)
        day = session.exec(select(ShootDay).where(ShootDay.day_number == 9)).one().id
        other = session.exec(select(ShootDay).where(ShootDay.day_number == 4)).one().id
    assert missing(pdf_text_squeezed(export(demo, day, tmp_path / "day9.pdf", lang)), *fragments) == []
    assert "Minors" not in pdf_text_squeezed(
        export(demo, other, tmp_path / "day4.pdf", "en")
    )  # he does not work on day 4


def test_the_crew_reads_down_each_column_by_department(demo, tmp_path):
    """The crew in department order down the left column, then down the right one."""
    path = export(demo, 1, tmp_path / "day1.pdf")
    with demo.session() as session:
        crew = call_sheet(session, 1, 1).crew
    middle = PAGE[0] / 2
    places = {}
    for page, words in enumerate(words_on_pages(path)):
        tops = {word: y_min for _x, y_min, _x2, _y2, word in words if word in ("calls", "Advance")}
        for x_min, y_min, _x_max, _y_max, word in words:  # the crew's phone numbers between the two titles
            if re.fullmatch(r"555-02\d\d", word) and tops.get("calls", 1e9) < y_min < tops.get("Advance", 1e9):
                places[word] = (page, x_min > middle, y_min)
    phones = [line.phone.split()[-1] for line in crew]
    assert len(phones) == 30 and all(phone in places for phone in phones)
    assert sorted(phones, key=places.get) == phones
    assert {column for _page, column, _y in places.values()} == {False, True}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_phone_number_is_never_split_across_lines(demo, tmp_path, lang):
    """A location contact's, in the narrow column: "(310) 555-0192" on one line, not "(310)" above the rest."""
    with demo.session() as session:
        paths = write_call_sheets(session, 1, tmp_path, lang)
        sheets = call_sheets(session, 1)
    assert sum(1 for sheet in sheets for place in sheet.places if place.contact_phone) > 9
    for path in paths:
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        assert not [line for line in text.stdout.splitlines() if re.search(r"\(\d{3}\)$", line)], path.name


def test_map_links_are_live(demo, day_three, tmp_path):
    reader = PdfReader(export(demo, day_three, tmp_path / "day3.pdf"))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/A", {}).get("/URI")
    ]
    with demo.session() as session:
        places = call_sheet(session, 1, day_three).places
    assert links == [place.map_url for place in places] and len(links) >= 2
    assert "https://www.google.com/maps/search/?api=1&query=34.2043,-118.3981" in links  # the hospital set


def test_chinese_text_is_embedded_as_a_subset_and_an_english_only_sheet_has_no_cjk_font(tmp_path):
    production = small_production(tmp_path, title_zh="", director="Director")
    english = export(production.database, production.days[0], tmp_path / "en.pdf")
    assert pdf_fonts(english) <= LATIN
    chinese = export(production.database, production.days[0], tmp_path / "zh.pdf", "zh")
    fonts = pdf_fonts(chinese) - LATIN
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+\S+", font) for font in fonts)  # a subset tag
    assert missing(pdf_text_squeezed(chinese), "集合时间", "第1天（共3天）", "摄影") == []
    production.database.close()


def test_an_english_sheet_of_a_production_with_a_chinese_title_carries_no_chinese_font(tmp_path):
    production = small_production(tmp_path, director="Director")
    path = export(production.database, production.days[0], tmp_path / "en.pdf")
    assert (
        pdf_fonts(path) <= LATIN and "NightShift" in pdf_text_squeezed(path) and "夜班" not in pdf_text_squeezed(path)
    )
    both = export(production.database, production.days[0], tmp_path / "both.pdf", "en+zh")
    assert missing(pdf_text_squeezed(both), "NightShift", "夜班") == []
    production.database.close()


def test_the_cast_version_has_no_crew_phones_but_the_1st_ads(tmp_path):
    production = small_production(tmp_path)
    path = export(production.database, production.days[0], tmp_path / "cast.pdf", "en", cast_version=True)
    text = pdf_text_squeezed(path)
    crew_phones = {phone for phone in re.findall(r"\(323\)555-\d{4}", text)}
    assert crew_phones == {"(323)555-0002"}  # the 1st AD's, in the key contacts
    assert missing(text, "CASTVERSION", "(626)555-0100", "Huntington Hospital") == []
    assert not [rate for rate in RATES if rate in text]
    full = pdf_text_squeezed(export(production.database, production.days[0], tmp_path / "full.pdf"))
    assert "(323)555-0002" in full and not [rate for rate in RATES if rate in full]
    production.database.close()


def test_a_day_with_no_scenes_and_a_location_without_coordinates_or_time_zone(tmp_path):
    production = small_production(tmp_path)
    empty = pdf_text_squeezed(export(production.database, production.days[1], tmp_path / "empty.pdf"))
    notice = "No scene is on a location: sunrise and sunset are not shown."
    assert missing(empty, "No scenes are scheduled on this day.", "Sunrise —", "Sunset —", notice) == []
    with production.database.transaction() as session:
        mill = session.get(Location, production.locations["mill"])
        mill.latitude = mill.longitude = None
        mill.timezone = ""
    path = export(production.database, production.days[0], tmp_path / "bad.pdf", "en+zh")
    text = pdf_text_squeezed(path)
    assert (
        missing(
            text,
            "Sunrise / 日出 —",
            "Old Mill has no coordinates: sunrise and sunset are not shown.",
            "Old Mill has no time zone: times are in America/Los_Angeles.",
            "Old Mill 没有坐标",
        )
        == []
    )
    assert_laid_out_cleanly(path)
    production.database.close()


def test_a_300_character_set_name_wraps_inside_its_column(tmp_path):
    name = " ".join(f"WAREHOUSE{number:02d} LOADING BAY" for number in range(13))[:300]
    assert len(name) == 300
    production = small_production(tmp_path, set_name=name)
    path = export(production.database, production.days[0], tmp_path / "long.pdf")
    assert name.replace(" ", "") in pdf_text_squeezed(path)
    # The set's column: after the scene and episode columns, as wide as its share of the frame.
    width = frame_width(PAGE)
    total = sum(share for _key, share in SCENE_COLUMNS)
    left = MARGIN + FRAME_PADDING + width * (SCENE_COLUMNS[0][1] + SCENE_COLUMNS[1][1]) / total
    right = left + width * SCENE_COLUMNS[2][1] / total
    set_words = [box for box in words_on_pages(path)[0] if box[4].startswith("WAREHOUSE")]
    assert len(set_words) == 13
    assert all(left <= x_min and x_max <= right for x_min, _y, x_max, _y2, _word in set_words)
    assert_laid_out_cleanly(path)
    production.database.close()


def test_eighty_cast_members_flow_onto_a_second_page(tmp_path):
    production = small_production(tmp_path, cast=80)
    path = export(production.database, production.days[0], tmp_path / "crowd.pdf", "en+zh")
    assert len(PdfReader(path).pages) == 2
    text = pdf_text_squeezed(path)
    assert missing(text, "Extra Player 080", "ROLE 80", "Extra Player 003") == []
    second = PdfReader(path).pages[1].extract_text()
    assert "Cast / 演员" in second and "Performer / 演员" in second  # the headings repeat
    assert_laid_out_cleanly(path)
    production.database.close()


def test_every_day_in_one_go(demo, tmp_path):
    with demo.session() as session:
        written = write_call_sheets(session, 1, tmp_path / "sheets", "en+zh")
    assert written[2].name == "The Contract Bride - Day 03 - 2027-01-13 - call sheet (EN+ZH).pdf"
    assert [path.name[21:27] for path in written] == [f"Day {number:02d}" for number in range(1, 10)]
    assert "Day9of9/第9天（共9天）" in pdf_text_squeezed(written[-1])
    assert "Advanceschedule/次日预告:nolatershootday/之后没有拍摄日" in pdf_text_squeezed(written[-1])


def test_file_names_say_what_the_file_holds_in_its_language(demo):
    with demo.session() as session:
        sheet = call_sheet(session, 1, 3, cast_version=True)
    assert file_name(sheet, "en") == "The Contract Bride - Day 03 - 2027-01-13 - call sheet (cast) (EN).pdf"
    assert file_name(sheet, "zh") == "契约新娘 - 第 03 天 - 2027-01-13 - 通告单（演员版） (ZH).pdf"
    assert file_name(replace(sheet, title="AC/DC: Live?", unit=2, cast_version=False), "en+zh") == (
        "AC DC Live - Day 03 Unit 2 - 2027-01-13 - call sheet (EN+ZH).pdf"
    )


def test_wrong_targets_are_refused_and_nothing_is_written(demo, tmp_path):
    with demo.session() as session:
        with pytest.raises(UserError, match=r"\.pdf"):
            write_call_sheet(session, 1, 1, tmp_path / "out" / "day.docx")
        with pytest.raises(UserError, match="not a folder"):
            write_call_sheets(session, 1, tmp_path / "out" / "days.pdf")
        with pytest.raises(UserError, match="unknown language"):
            write_call_sheet(session, 1, 1, tmp_path / "out" / "day.pdf", "fr")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_names_with_no_place_to_break_still_wrap_inside_their_cells(demo, tmp_path, lang):
    """Names at their length limits with no space in them: a 120-character department, a 120-character
    Chinese position, a 200-character Chinese name."""
    with demo.transaction() as session:
        department = session.exec(select(Department)).first()
        department.name, department.name_zh = "D" * 120, "部" * 120
        member = session.exec(select(CrewMember)).first()
        member.position, member.name_zh = "摄" * 120, "张" * 200
    path = export(demo, 1, tmp_path / f"unbroken-{lang}.pdf", lang)
    assert len(PdfReader(path).pages) <= 3
    text = pdf_text_squeezed(path)
    # All of it, wrapped: extraction reads a row's cells line by line, so the lines of the two may alternate.
    assert text.count("摄") >= 120 and (text.count("张") >= 200 or lang == "en")
    assert_laid_out_cleanly(path)


def broken_latin_words(path: Path, *sources: str) -> list[str]:
    """Latin words drawn on the sheet that are no whole word of its text: a word broken across lines
    ("Makeu" "p"), read from the words pdftotext places."""
    known = {token.casefold() for source in sources for token in re.findall(r"[A-Za-z]+", source)}
    drawn = {
        token.casefold()
        for page in words_on_pages(path)
        for *_box, word in page
        for token in re.findall(r"[A-Za-z]+", word)
    }
    return sorted(drawn - known)


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_no_latin_word_is_broken_across_lines_and_no_name_is_split(demo, day_three, tmp_path, lang):
    path, sheet, words = exported(demo, day_three, tmp_path, lang)
    dates = [words.date(sheet.date), words.date(sheet.date, "medium"), words.date(sheet.next_day.date, "medium")]
    sources = [*sheet.texts(), *words.texts(), *dates, words.local_times_of(sheet.zone, sheet.date), "°C °F"]
    assert broken_latin_words(path, *sources) == []
    names = [line.performer_zh for line in sheet.cast] + [line.name_zh for line in sheet.crew]
    lines = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    if lang != "en":
        assert [name for name in names if name and name not in lines] == []  # each on one line, whole


def test_a_bilingual_code_is_on_one_line_where_its_column_holds_it(demo, day_three):
    from studio.exports.callsheet_layout import Layout
    from studio.exports.callsheet_style import Styles
    from studio.exports.fonts import fonts_for

    with demo.session() as session:
        sheet = call_sheet(session, 1, day_three)

    def layout(lang: str) -> Layout:
        words = SheetWords(lang)
        regular, bold = fonts_for(*sheet.texts(), *words.texts())
        return Layout(sheet, words, Styles(regular, bold, bold))

    both = layout("en+zh")
    assert [both.code_cell(code, "time_of_day") for code in ("DAY", "NIGHT")] == ["DAY 日", "NIGHT 夜"]
    assert both.code_cell("EXT", "int_ext") == "EXT 外"
    assert both.code_cell("INT/EXT", "int_ext") == "INT/EXT\n内/外"  # a row taller, not text over the next column
    assert (
        layout("en").code_cell("INT/EXT", "int_ext") == "INT/EXT"
        and layout("zh").code_cell("DAY", "time_of_day") == "日"
    )
