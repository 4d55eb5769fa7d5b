"""Starting imports only what is used: `info` and the window leave the libraries of exports (reportlab,
openpyxl, icalendar, pdfium), schema changes (Alembic), the solver (OR-Tools), servers and keyrings to
load when first needed. How long starting takes is the benchmarks' to measure (benchmarks/foundation.py);
these keep such imports from creeping back into the start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from studio.cli import PAGES

ROOT = Path(__file__).resolve().parents[2]
LATER = (
    "alembic",
    "reportlab",
    "openpyxl",
    "icalendar",
    "pypdfium2",
    "PIL",
    "ortools",
    "psycopg",
    "keyring",
    "docx",
    "defusedxml",
    "charset_normalizer",
)
REPORT = "print(json.dumps(sorted(set(json.loads(sys.argv[1])) & set(sys.modules))))"


def loaded(code: str, *names: str) -> list[str]:
    """Which of `names` are imported once `code` has run (in a process of its own)."""
    run = subprocess.run(
        [sys.executable, "-c", f"import json, sys\n{code}\n{REPORT}", json.dumps(names)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_info_loads_no_library_it_does_not_use(demo_path):
    code = f"import main\nmain.main(['info', '--db', {str(demo_path)!r}, '--json'])"
    assert loaded(code, *LATER, "PySide6", "shiboken6", "platformdirs") == []


def test_the_window_opens_a_production_on_one_page_without_the_libraries_of_exports(demo_path):
    """The other pages load when first shown; the cycle collector, held off while the window starts (as
    main.py holds it), runs again once the window is up."""
    code = f"""
import gc

from studio.cli import build_parser

gc.disable()
from ui.app import run_app

def ready(window):
    from PySide6.QtWidgets import QApplication

    shown.append((window.workspace.production_id, gc.isenabled()))
    window.close()
    QApplication.quit()

shown = []
run_app(build_parser().parse_args(['--db', {str(demo_path)!r}]), on_ready=ready)
assert shown == [(1, True)], shown
"""
    other_pages = [f"ui.pages.{key}" for key in PAGES if key != "script"]
    making_the_demo = "studio.demo"  # written only when missing or an older edition: never on a start
    assert loaded(code, *LATER, *other_pages, making_the_demo, "ui.pages.script") == ["ui.pages.script"]


def test_a_catalogue_and_a_font_read_before_are_not_parsed_again(demo_path, tmp_path):
    """Chinese messages and a Chinese export read the catalogue and the CJK font's tables as the user's cache
    keeps them: babel's parser and reportlab's run only the first time."""
    sheet = tmp_path / "day1.pdf"
    code = (
        f"import main\nmain.main(['--lang', 'zh_CN', 'info', '--db', {str(demo_path)!r}])\n"
        f"main.main(['export', 'callsheet', '--db', {str(demo_path)!r}, '--day', '1', '--lang', 'zh', "
        f"'--out', {str(sheet)!r}])\n"
    )
    assert loaded(code, "babel.messages") == ["babel.messages"]  # the first time: parsed, and kept
    sheet.unlink()
    parsing_refused = (
        "from reportlab.pdfbase.ttfonts import TTFontFile\n"
        "def refused(*args):\n    raise AssertionError('the font was parsed again')\n"
        "TTFontFile.extractInfo = refused\n"
    )
    assert loaded(parsing_refused + code, "babel.messages") == []
    assert sheet.exists()


def test_aligning_two_files_loads_no_database_library():
    """`script align ORIGINAL ADAPTATION` stores nothing: reading and pairing two scripts never loads the
    tables (SQLAlchemy and SQLModel were half of the command's time)."""
    from tests.fixture_files import SAMPLE_FOUNTAIN, SAMPLE_ZH

    code = f"import main\nmain.main(['script', 'align', {str(SAMPLE_ZH)!r}, {str(SAMPLE_FOUNTAIN)!r}, '--json'])"
    assert loaded(code, "sqlalchemy", "sqlmodel", *LATER) == []
