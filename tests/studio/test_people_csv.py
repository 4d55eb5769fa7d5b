"""Cast and crew lists in and out as CSV, read back; bad sheets refused whole, naming row and column."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import func, select

from studio.casting import deal_for
from studio.errors import InvalidInput
from studio.models import Character, CrewMember, Department, Performer
from studio.money import Money
from studio.people_csv import export_people, import_people
from studio.people_match import ChineseNameMatch
from tests.command_line import run

CAST_ZH = (
    "姓名,中文名,角色,工会,日薪,币种,电话,邮箱,经纪人\n"
    "Ava Chen,陈艾娃,LEO,SAG-AFTRA,650,USD,+1 646 555 0123,ava@example.com,North Star Talent\n"
    'Marco Ruiz,马可,Dr. Okafor,非工会,"1,200.50",USD,(213) 555-0188,marco@example.com,\n'
    "Ava Chen,陈艾娃,MAX,SAG-AFTRA,500,USD,+1 646 555 0123,ava@example.com,North Star Talent\n"
)


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(database, path: Path, kind: str):
    with database.transaction() as session:
        return import_people(session, 1, path, kind)


def _count(database, model) -> int:
    with database.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _character(session, name):
    return session.exec(select(Character).where(Character.name == name)).one()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_cast_list_with_chinese_headers_casts_roles_in_any_common_encoding(demo, tmp_path, encoding):
    performers = _count(demo, Performer)
    result = _import(demo, _write(tmp_path, CAST_ZH, encoding), "cast")
    assert (result.added, result.updated) == (2, 0)
    assert _count(demo, Performer) == performers + 2
    with demo.session() as session:
        ava = session.exec(select(Performer).where(Performer.legal_name == "Ava Chen")).one()
        assert (ava.name_zh, ava.union_status, ava.agent_name) == ("陈艾娃", "SAG-AFTRA", "North Star Talent")
        leo, doctor = (
            deal_for(session, _character(session, "LEO").id),
            deal_for(session, _character(session, "DR. OKAFOR").id),
        )
        assert leo.performer_id == ava.id and leo.rate == Money(Decimal(650), "USD")
        assert deal_for(session, _character(session, "MAX").id).performer_id == ava.id
        assert doctor.rate == Money(Decimal("1200.50"), "USD")


def test_reimporting_updates_the_same_people_instead_of_duplicating_them(demo, tmp_path):
    _import(demo, _write(tmp_path, CAST_ZH), "cast")
    performers = _count(demo, Performer)
    changed = CAST_ZH.replace("650,USD", "700,USD")
    result = _import(demo, _write(tmp_path, changed), "cast")
    assert (result.added, result.updated) == (0, 2)
    assert _count(demo, Performer) == performers
    with demo.session() as session:
        assert deal_for(session, _character(session, "LEO").id).rate == Money(Decimal(700), "USD")


def test_a_crew_list_adds_new_departments_and_matches_existing_ones_in_either_language(demo, tmp_path):
    text = (
        "Department,Position,Name,Name_ZH,Union,Day Rate,Currency,Phone,Email,Languages,Shoe size\n"
        '翻译,Set interpreter,Yun Zhao,赵云,non-union,400,USD,(626) 555-0111,yun@example.com,"Mandarin, English",9\n'
        "摄影,Camera Operator,Kai Moreno,,Non-Union,650,USD,(323) 555-0222,kai@example.com,English,10\n"
        "Script,Script Supervisor,Ruth Park,,,350,USD,,,English,8\n"
    )
    departments = _count(demo, Department)
    result = _import(demo, _write(tmp_path, text), "crew")
    assert (result.added, result.updated, result.ignored_columns) == (3, 0, ["Shoe size"])
    assert _count(demo, Department) == departments + 1
    with demo.session() as session:
        kai = session.exec(select(CrewMember).where(CrewMember.name == "Kai Moreno")).one()
        assert session.get(Department, kai.department_id).name == "Camera"
        assert kai.rate == Money(Decimal(650), "USD")
        yun = session.exec(select(CrewMember).where(CrewMember.name == "Yun Zhao")).one()
        assert (session.get(Department, yun.department_id).name, yun.languages) == ("Translation", "Mandarin, English")


def test_a_western_excel_sheet_in_windows_1252_keeps_its_accents(demo, tmp_path):
    text = "name,character,day_rate\nJosé Martínez,LEO,300\nZoë Brontë,MAX,250\n"
    result = _import(demo, _write(tmp_path, text, "cp1252"), "cast")
    assert result.added == 2
    with demo.session() as session:
        names = set(session.exec(select(Performer.legal_name)))
    assert {"José Martínez", "Zoë Brontë"} <= names


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,character,day_rate\nA,LEO,300\nB,MAX,-250\n", "row 3, day_rate: '-250' is negative"),
        ("name,character,day_rate\nA,LEO,99999999\n", "row 2, day_rate: '99999999' is more than"),
        ("name,character,day_rate\nA,LEO,abc\n", "row 2, day_rate: 'abc' is not an amount"),
        ("name,character,day_rate,currency\nA,LEO,300,DOLLARS\n", "row 2, currency: unknown currency code 'DOLLARS'"),
        ("name,character,day_rate\nA,LEO,=400\n", "row 2, day_rate: '=400' looks like a spreadsheet formula"),
        (
            "name,character,day_rate\nA,LEO,\"=cmd|' /C calc'!A0\"\n",
            "row 2, day_rate: .* looks like a spreadsheet formula",
        ),
        ("name,character,day_rate\nA,LEO,(400)\n", "row 2, day_rate: '\\(400\\)' is not an amount"),
        ("name,character,day_rate\nA,LEO,3000 CNY\n", "row 2, day_rate: '3000 CNY' is not in USD"),
        ("name,email\nA,=1+1@x.com\n", "row 2, email: .* looks like a spreadsheet formula"),
        ("name,character\nA,LEO\nB,leo\n", "row 3, character: 'leo' is already cast on row 2"),
        ("name,name\nA,B\n", "the column name appears more than once"),
        ("name,character\nA,NOBODY\nB,NOONE\n", "row 2, character: no character named 'NOBODY'.*row 3"),
        ("name,phone\nA,call my agent\n", "row 2, phone: 'call my agent' is not a phone number"),
        ("name,email\nA,a.example.com\n", "row 2, email: 'a.example.com' is not an email address"),
        ("name,character\n\"=cmd|' /C calc'!A0\",LEO\n", "row 2, name: .* looks like a spreadsheet formula"),
        ("character,day_rate\nLEO,300\n", "the file has no column name"),
        ("name,character\nA,NOBODY\n", "row 2, character: no character named 'NOBODY'"),
        ("name,day_rate\nA,300\n", "row 2, day_rate: a rate is a deal for a role"),
        ("name,union\nA,guild\n", "row 2, union: 'guild' is not a union status"),
        ("name,email\nA,a@example.com,extra\n", "row 2: more cells than the header has columns"),
        ("", "the file is empty"),
    ],
)
def test_a_bad_sheet_is_refused_whole_naming_row_and_column(demo, tmp_path, text, message):
    performers, deals = _count(demo, Performer), _count(demo, Character)
    with pytest.raises(InvalidInput, match=message):
        _import(demo, _write(tmp_path, text), "cast")
    assert (_count(demo, Performer), _count(demo, Character)) == (performers, deals)


def test_a_crew_sheet_without_departments_is_refused(demo, tmp_path):
    with pytest.raises(InvalidInput, match="the file has no column department"):
        _import(demo, _write(tmp_path, "name,position\nA,Grip\n"), "crew")


@pytest.mark.parametrize(
    "data",
    [
        "name\n山田太郎\n".encode("shift_jis"),
        bytes(range(256)) * 8,
        b"PK\x03\x04" + bytes(200),
    ],
)
def test_a_wrong_encoding_or_a_binary_file_is_refused(demo, tmp_path, data):
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    performers = _count(demo, Performer)
    with pytest.raises(InvalidInput):
        _import(demo, path, "cast")
    assert _count(demo, Performer) == performers


def test_exported_lists_import_back_unchanged(demo, tmp_path):
    with demo.transaction() as session:
        session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one().notes = "=1+1 joke"
    with demo.session() as session:
        cast_file = export_people(session, 1, "cast", tmp_path / "cast.csv")
        crew_file = export_people(session, 1, "crew", tmp_path / "crew.csv")
    assert cast_file.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(cast_file.read_text(encoding="utf-8-sig").splitlines()))
    ethan = next(row for row in rows if row["character"] == "ETHAN")
    assert (ethan["name"], ethan["day_rate"], ethan["currency"]) == ("Daniel Hayes", "1800.00", "USD")
    assert ethan["notes"] == "'=1+1 joke"
    crew = list(csv.DictReader(crew_file.read_text(encoding="utf-8-sig").splitlines()))
    assert crew[0]["department"] == "Production" and crew[0]["currency"] == "CNY"
    people = _count(demo, Performer), _count(demo, CrewMember)
    cast_result = _import(demo, cast_file, "cast")
    crew_result = _import(demo, crew_file, "crew")
    assert cast_result.added == crew_result.added == 0
    assert (cast_result.updated, crew_result.updated) == people
    with demo.session() as session:
        assert deal_for(session, _character(session, "ETHAN").id).rate == Money(Decimal(1800), "USD")


def test_import_people_on_the_command_line(demo_path, tmp_path):
    good = _write(tmp_path, CAST_ZH, "gb18030")
    result = run("import-people", str(good), "--kind", "cast", "--db", str(demo_path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 2
    romanized = _write(tmp_path, ROMANIZED, name="romanized.csv")
    result = run("import-people", str(romanized), "--kind", "cast", "--db", str(demo_path), "--json")
    assert json.loads(result.stdout)["chinese_name_matches"][1] == {
        "row": 5,
        "name": "Dan Smith",
        "person": "Alan Whitford",
        "name_zh": "艾伦·惠特福德",
    }
    result = run("import-people", str(romanized), "--kind", "cast", "--db", str(demo_path))
    assert result.stdout.splitlines()[1:] == [
        "row 2, Kevin Lam: taken as Kevin Lin (林凯文) by the Chinese name; the name Kevin Lin is kept",
        "row 5, Dan Smith: taken as Alan Whitford (艾伦·惠特福德) by the Chinese name; the name Alan Whitford is kept",
    ]
    bad = _write(tmp_path, "name,character,day_rate\nA,LEO,-5\n", name="bad.csv")
    result = run("import-people", str(bad), "--kind", "cast", "--db", str(demo_path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "row 2, day_rate" in result.stderr


def test_gbk_names_beyond_gb2312_and_currency_words_are_read_right(demo, tmp_path):
    text = "姓名,中文名,角色,日薪,币种\nLi Yue,李玥,SOPHIE,3000,人民币\nRong Li,李镕,AMY,￥2800,RMB\n"
    result = _import(demo, _write(tmp_path, text, "gbk"), "cast")
    assert result.added == 2
    with demo.session() as session:
        yue = session.exec(select(Performer).where(Performer.legal_name == "Li Yue")).one()
        assert yue.name_zh == "李玥"
        assert deal_for(session, _character(session, "AMY").id).rate == Money(Decimal(2800), "CNY")


def test_blank_cells_leave_what_is_stored(demo, tmp_path):
    _import(demo, _write(tmp_path, "name,union,phone,email\nDaniel Hayes,,,\n"), "cast")
    with demo.session() as session:
        daniel = session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one()
        assert (daniel.union_status, daniel.phone) == ("SAG-AFTRA", "(310) 555-0101")


def test_recasting_a_role_from_a_sheet_starts_a_new_deal(demo, tmp_path):
    _import(demo, _write(tmp_path, "name,character\nKevin Lin,ETHAN\n"), "cast")
    with demo.session() as session:
        deal = deal_for(session, _character(session, "ETHAN").id)
        kevin = session.exec(select(Performer).where(Performer.legal_name == "Kevin Lin")).one()
        assert deal.performer_id == kevin.id
        assert (deal.rate, deal.guaranteed_days, deal.per_diem) == (None, 0, None)


def test_people_are_matched_by_chinese_name_and_departments_by_their_usual_variants(demo, tmp_path):
    performers, departments = _count(demo, Performer), _count(demo, Department)
    result = _import(demo, _write(tmp_path, "姓名,电话\n丹尼尔·海斯,(310) 555-0999\n"), "cast")
    assert (result.added, result.updated) == (0, 1) and _count(demo, Performer) == performers
    _import(demo, _write(tmp_path, "部门,姓名\n摄影部,Kai Moreno\nCamera Dept,Ana Silva\n"), "crew")
    assert _count(demo, Department) == departments


ROMANIZED = (
    "name,name_zh,phone\n"
    "Kevin Lam,林凯文,(310) 555-0999\n"  # 林 is Lin in Mandarin, Lam in Cantonese: the stored Kevin Lin
    "Daniel Hayes,丹尼尔·海斯,(310) 555-0998\n"
    "艾伦·惠特福德,,(310) 555-0997\n"
    "Dan Smith,艾伦·惠特福德,\n"
)


def test_a_row_taken_as_someone_by_its_chinese_name_alone_is_named_and_their_stored_name_kept(demo, tmp_path):
    performers = _count(demo, Performer)
    result = _import(demo, _write(tmp_path, ROMANIZED), "cast")
    assert result.chinese_name_matches == [
        ChineseNameMatch(2, "Kevin Lam", "Kevin Lin", "林凯文"),
        ChineseNameMatch(5, "Dan Smith", "Alan Whitford", "艾伦·惠特福德"),
    ]
    assert str(result.chinese_name_matches[0]) == (
        "row 2, Kevin Lam: taken as Kevin Lin (林凯文) by the Chinese name; the name Kevin Lin is kept"
    )
    # Alan Whitford, named two ways on rows 4 and 5, is one person updated
    assert (result.added, result.updated) == (0, 3) and _count(demo, Performer) == performers
    with demo.session() as session:
        kevin = session.exec(select(Performer).where(Performer.name_zh == "林凯文")).one()
        assert (kevin.legal_name, kevin.phone) == ("Kevin Lin", "(310) 555-0999")


def test_a_crew_member_taken_by_the_chinese_name_is_named_too(demo, tmp_path):
    result = _import(demo, _write(tmp_path, "department,name,name_zh\nProduction,Mei Lam,林梅\n"), "crew")
    assert result.chinese_name_matches == [ChineseNameMatch(2, "Mei Lam", "Lin Mei", "林梅")]


def test_two_people_under_one_name_are_never_guessed_between(demo, tmp_path):
    with demo.transaction() as session:
        session.exec(select(Performer).where(Performer.legal_name == "Kevin Lin")).one().legal_name = "Mia Tanaka"
    with pytest.raises(InvalidInput, match="row 2, name: 2 people are named 'Mia Tanaka'"):
        _import(demo, _write(tmp_path, "name,phone\nMia Tanaka,(310) 555-0999\n"), "cast")
    with demo.transaction() as session:
        session.exec(select(Performer).where(Performer.legal_name == "Daniel Hayes")).one().name_zh = "林凯文"
    with pytest.raises(InvalidInput, match="row 2, name_zh: 2 people have the Chinese name '林凯文'"):
        _import(demo, _write(tmp_path, "name,name_zh\nKevin Lam,林凯文\n"), "cast")


def test_a_quote_never_closed_is_refused_instead_of_swallowing_the_rows_after_it():
    from studio.csv_sheets import read_records

    sheet = 'Name,Notes\nAna,"fine"\nBob,"says ""hi\nCat,x\nDan,y\n'
    with pytest.raises(InvalidInput, match="not a readable CSV sheet"):
        read_records(sheet)
