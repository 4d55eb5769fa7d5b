"""`export callsheet`, run as a user runs it: one day, every day, and the mistakes people make."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from pypdf import PdfReader

from tests.command_line import ROOT, assert_one_clear_line, run
from tests.pdf_text import pdf_text_squeezed


def test_one_day_in_both_languages(demo_path, tmp_path):
    target = tmp_path / "day3.pdf"
    result = run("export", "callsheet", "--db", str(demo_path), "--day", "3", "--out", str(target), "--lang", "en+zh")
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    text = pdf_text_squeezed(target)
    assert "Day3of9/第3天（共9天）" in text and "Crewcall/集合时间" in text and "ZhangWei张伟" in text
    assert "(323)555-0201" in text and len(PdfReader(target).pages) >= 2


def test_every_day_into_a_folder_as_the_cast_version(demo_path, tmp_path):
    folder = tmp_path / "sheets"
    result = run("export", "callsheet", "--db", str(demo_path), "--day", "all", "--out", str(folder), "--cast-version")
    assert result.returncode == 0, result.stderr
    written = sorted(path.name for path in folder.iterdir())
    assert len(written) == 9 and written[0] == "The Contract Bride - Day 01 - 2027-01-11 - call sheet (cast) (EN).pdf"
    text = pdf_text_squeezed(folder / written[0])
    assert "Day1of9" in text and "CASTVERSION" in text
    # The crew are 555-02xx: only the phones a performer calls are left, the 1st AD's and the coordinator's.
    assert set(re.findall(r"\(323\)555-02\d\d", text)) == {"(323)555-0204", "(323)555-0207"}


def test_an_unknown_day_names_the_days_there_are(demo_path, tmp_path):
    result = run("export", "callsheet", "--db", str(demo_path), "--day", "12", "--out", str(tmp_path / "x.pdf"))
    assert_one_clear_line(result, "there is no shoot day 12: the shoot days are 1, 2, 3, 4, 5, 6, 7, 8, 9")
    result = run("export", "callsheet", "--db", str(demo_path), "--day", "first", "--out", str(tmp_path / "x.pdf"))
    assert_one_clear_line(result, "--day must be a day's number or all, not first")
    assert not (tmp_path / "x.pdf").exists()


HEAVY = ("ortools", "PySide6", "openpyxl", "studio.scripts.zh_layout", "studio.schedule.optimizer")


def modules_loaded(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code` (in the project's folder)."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_command_line_starts_without_the_database_layer_and_the_export_loads_only_what_it_needs(
    demo_path, tmp_path
):
    assert not {"sqlmodel", "sqlalchemy", "reportlab", "babel.messages"} & modules_loaded("import studio.cli")
    target = tmp_path / "day1.pdf"
    loaded = modules_loaded(
        f"import main; main.main(['export', 'callsheet', '--db', {str(demo_path)!r}, '--day', '1', "
        f"'--out', {str(target)!r}])"
    )
    assert target.exists() and "reportlab" in loaded
    assert not {module for module in loaded if module.startswith(HEAVY)}
    assert "babel.messages" not in loaded  # an English sheet reads no catalogue


def test_one_day_into_a_folder_is_named_as_every_days_is(demo_path, tmp_path):
    result = run("export", "callsheet", "--db", str(demo_path), "--day", "3", "--out", str(tmp_path), "--lang", "en+zh")
    assert result.returncode == 0, result.stderr
    assert [path.name for path in tmp_path.iterdir() if path.suffix == ".pdf"] == [
        "The Contract Bride - Day 03 - 2027-01-13 - call sheet (EN+ZH).pdf"
    ]


def test_every_day_on_a_disk_that_fills_says_which_were_written(demo_path, tmp_path):
    from tests.disks import small_disk

    with small_disk(tmp_path / "small", size_kb=48) as disk:  # room for two or three English sheets of ~14 KB
        result = run("export", "callsheet", "--db", str(demo_path), "--day", "all", "--out", str(disk))
        written = sorted(path.name for path in disk.iterdir())
        assert result.returncode == 2 and "Traceback" not in result.stderr
        days = re.search(r"the call sheets of days ([\d, ]+) were written, the rest not", result.stderr)
        assert days and 0 < len(written) < 9
        assert [f"Day {int(number):02d}" for number in days[1].split(", ")] == [
            name.split(" - ")[1] for name in written
        ]
        assert all(PdfReader(disk / name).pages for name in written)  # each one whole
