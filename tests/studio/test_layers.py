"""The domain never imports Qt or the UI: studio/ must run on a server or in a script."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def test_no_module_under_studio_imports_qt_or_ui():
    offenders = []
    for module in (ROOT / "studio").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{module.relative_to(ROOT)}: {name}" for name in names if name.split(".")[0] in FORBIDDEN]
    assert offenders == []


def loaded_by(package: str, prefixes: tuple[str, ...], skipping: str = "-") -> str:
    """The modules starting with `prefixes` that importing every module of `package` loads (in a fresh
    interpreter), but those of the subpackage `skipping`."""
    code = (
        f"import pkgutil, importlib, sys, {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        f"    if not info.name.startswith('{skipping}'):\n"
        "        importlib.import_module(info.name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_importing_the_whole_domain_loads_no_qt():
    assert loaded_by("studio", ("PySide6", "shiboken6", "ui"), skipping="studio.storage.migrations.").strip() == "[]"


def test_the_schedule_loads_neither_the_budget_nor_the_edits():
    """The budget is worked out from the schedule (budget.schedule_links) and an edit is checked against the
    budget (edits → budget.limits): the schedule importing either would close a circle of packages."""
    assert loaded_by("studio.schedule", ("studio.budget", "studio.edits", "studio.operations")).strip() == "[]"
