"""Cast and crew targets (run: python3 dev.py bench people).

- CSV import of 2,000 rows: under 1 s (the import itself, and the whole `import-people` process).
- Cast and crew tables with 2,000 rows: sorting and filtering respond in under 50 ms.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from studio.people_csv import import_people  # noqa: E402
from studio.productions import ProductionDetails, create_production  # noqa: E402
from studio.storage.db import open_database  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROWS = 2000
DEPARTMENTS = ["Camera", "G&E", "Sound", "Art", "Wardrobe", "Hair & Makeup", "Transport", "Translation"]
LANGUAGES = ["English", "Mandarin", "Mandarin, English", "English, Spanish"]


def crew_sheet(rows: int = ROWS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["department", "position", "name", "name_zh", "union", "day_rate", "currency", "phone", "email", "languages"]
    )
    for number in range(rows):
        writer.writerow(
            [
                DEPARTMENTS[number % len(DEPARTMENTS)],
                f"Technician {number % 17}",
                f"Crew Member {number:04d}",
                f"组员{number}",
                "non-union",
                f"{200 + number % 300}.00",
                "USD" if number % 5 else "CNY",
                f"(323) 555-{number % 10000:04d}",
                f"crew{number}@example.com",
                LANGUAGES[number % len(LANGUAGES)],
            ]
        )
    return out.getvalue()


def fresh_database(folder: Path, name: str):
    database = open_database(folder / name, create=True)
    with database.transaction() as session:
        create_production(session, ProductionDetails("Benchmark"))
    return database


def csv_import(folder: Path) -> None:
    sheet = folder / "crew.csv"
    sheet.write_text(crew_sheet(), encoding="utf-8")
    imports, processes = [], []
    for run in range(RUNS):
        database = fresh_database(folder, f"import{run}.sqlite")
        start = time.perf_counter()
        with database.transaction() as session:
            result = import_people(session, 1, sheet, "crew")
        imports.append(time.perf_counter() - start)
        assert result.added == ROWS
        database.close()
        fresh_database(folder, f"process{run}.sqlite").close()
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "import-people",
                str(sheet),
                "--kind",
                "crew",
                "--db",
                str(folder / f"process{run}.sqlite"),
                "--json",
            ],
            check=True,
            capture_output=True,
        )
        processes.append(time.perf_counter() - start)
    print(f"CSV import of {ROWS} crew rows: import {verdict(imports, 1.0)}; whole process {verdict(processes, 1.0)}")


def tables(folder: Path) -> None:
    from PySide6.QtCore import Qt

    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    sheet = folder / "crew.csv"
    sheet.write_text(crew_sheet(), encoding="utf-8")
    database = fresh_database(folder, "tables.sqlite")
    with database.transaction() as session:
        import_people(session, 1, sheet, "crew")
    database.close()
    app = create_application("en")
    window = MainWindow(AppSettings.ephemeral())
    window.show()
    window.databases.open(str(folder / "tables.sqlite"))
    page = window.page("crew")
    window.show_page(window.page_keys.index("crew"))
    table = page.crew
    assert table.model.rowCount() == ROWS
    sorts, filters = [], []
    for run in range(RUNS * 2):
        for column in (1, 2, 7):  # position, name, rate (money sorts by currency then amount)
            order = Qt.SortOrder.AscendingOrder if run % 2 else Qt.SortOrder.DescendingOrder
            start = time.perf_counter()
            table.view.sortByColumn(column, order)
            sorts.append(time.perf_counter() - start)
        for text in ("Member 01", "组员1", "example.com", ""):
            start = time.perf_counter()
            table.search.setText(text)
            filters.append(time.perf_counter() - start)
        start = time.perf_counter()
        page.language_filter.setCurrentIndex(3 if run % 2 else 0)
        filters.append(time.perf_counter() - start)
    print(f"Crew table, {ROWS} rows: sort {milliseconds(sorts)}; filter/search {milliseconds(filters)}")
    window.workspace.close()
    window.close()
    window.deleteLater()
    app.processEvents()  # delete the window now: PySide6 can crash destroying it during interpreter exit


def milliseconds(samples: list[float], target_ms: float = 50) -> str:
    median, worst = statistics.median(samples) * 1000, max(samples) * 1000
    return f"median {median:.1f} ms, worst {worst:.1f} ms, target < {target_ms:.0f} ms  " + (
        "ok" if worst < target_ms else "OVER TARGET"
    )


def verdict(samples: list[float], target: float) -> str:
    median = statistics.median(samples)
    return f"median {median:.2f} s  target < {target} s  {'ok' if median < target else 'OVER TARGET'}"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        csv_import(Path(scratch))
        tables(Path(scratch))
