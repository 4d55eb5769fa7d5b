#!/usr/bin/env python3
"""Set up and run Cliffhanger from a fresh clone with nothing but Python 3.11+ and pip.

    python3 dev.py demo           set up, then open the app on the demo production
    python3 dev.py test [ARGS]    set up (and the system packages the tests need), then run every test
    python3 dev.py bench [NAME]   set up, then run the benchmarks (all, or one: foundation, budget…)
    python3 dev.py translations   refresh the translation catalogues after changing user-visible text
    python3 dev.py run [ARGS]     set up, then run main.py with ARGS

Setting up makes .venv beside this file and installs the project into it; it runs again only when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# Debian packages: Qt's runtime libraries and CJK fonts (tests run Qt offscreen); a real window on
# X11 also needs Qt's xcb libraries.
DEBIAN_QT_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-noto-cjk",  # Chinese on screen
    "fonts-wqy-microhei",  # Chinese in PDFs: reportlab embeds TrueType outlines only
]
# The tests read exports back: pdftotext/pdffonts, and LibreOffice to recalculate spreadsheet formulas;
# the database tests run against a throwaway PostgreSQL server too (tests/postgres.py starts it).
DEBIAN_TEST_PACKAGES = ["poppler-utils", "libreoffice-calc", "postgresql"]
DEBIAN_X11_PACKAGES = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(*command: str | Path, **options) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, **options)


def set_up(extras: str = "test") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 the machine has
        sys.exit(f"dev.py: Cliffhanger needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        say("creating .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    # Compiled once here (up-to-date files are skipped) so that every start, the app's and each process
    # a test or benchmark starts, reads them rather than compiling the sources, PYTHONDONTWRITEBYTECODE or not.
    run(PYTHON, "-m", "compileall", "-q", "studio", "ui", "main.py")
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / ".installed"
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    say("installing Cliffhanger and its dependencies into .venv")
    # --no-compile: pip would compile every module of every package (20 s of CPU, most never imported);
    # Python compiles and keeps those imported, the first time they are.
    if run(PYTHON, "-m", "pip", "install", "--quiet", "--no-compile", "-e", f".[{extras}]") != 0:
        sys.exit("dev.py: installing the dependencies failed (see pip's message above)")
    stamp.write_text(fingerprint)


def install_system_packages(packages: list[str]) -> subprocess.Popen | None:
    """On Debian/Ubuntu, start installing what is missing (as root or through sudo), to be waited for with
    `finish_installing` (Python's packages install meanwhile); elsewhere, say what is needed."""
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return None
    missing = [
        package
        for package in packages
        if subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return None
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        say(f"please install these Debian packages: {' '.join(missing)}")
        return None
    say(f"installing Debian packages: {' '.join(missing)}")
    apt = " ".join([*prefix, "apt-get"])
    steps = f"{apt} update -qq; {apt} install -y -qq --no-install-recommends {' '.join(missing)}"
    return subprocess.Popen(["sh", "-c", steps], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def finish_installing(installing: subprocess.Popen | None) -> None:
    if installing is not None and installing.wait() != 0:
        say("some packages could not be installed; tests that need them will say so")


def test(arguments: list[str]) -> int:
    installing = install_system_packages(DEBIAN_QT_PACKAGES + DEBIAN_TEST_PACKAGES)
    set_up()
    finish_installing(installing)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Compiled modules kept (the tests' own, their asserts rewritten, for the processes a test starts)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    # One test process per core (-n auto), each taking tests from the other's queue when its own runs
    # dry (worksteal: the few long kill tests would otherwise leave a core idle at the end); a later -n
    # or --dist among ARGS wins.
    return run(PYTHON, "-m", "pytest", "-n", "auto", "--dist", "worksteal", *arguments, env=environment)


BENCHMARKS = (
    "foundation",
    "commands",
    "scripts",
    "alignment",
    "people",
    "schedule",
    "callsheets",
    "budget",
    "backups",
    "team",
)


def translations() -> int:
    set_up()
    ui_sources = sorted(str(path) for path in (ROOT / "ui").rglob("*.py"))
    folder = ROOT / "resources" / "translations"
    steps = [
        [BIN / "pyside6-lupdate", *ui_sources, "-no-obsolete", "-ts", folder / "cliffhanger_zh_CN.ts"],
        [BIN / "pyside6-lupdate", *ui_sources, "-pluralonly", "-no-obsolete", "-ts", folder / "cliffhanger_en.ts"],
        [BIN / "pyside6-lrelease", folder / "cliffhanger_zh_CN.ts", folder / "cliffhanger_en.ts"],
        [BIN / "pybabel", "extract", "--no-location", "--omit-header", "-k", "_", "-o", VENV / "studio.pot", "studio"],
        [
            BIN / "pybabel",
            "update",
            "--no-fuzzy-matching",
            "-w",
            "120",
            "-D",
            "cliffhanger",
            "-i",
            VENV / "studio.pot",
            "-d",
            ROOT / "resources" / "locale",
        ],
    ]
    for step in steps:
        if run(*step) != 0:
            return 1
    say("catalogues refreshed: translate new entries (Qt Linguist or any .ts/.po editor), then run this again")
    return 0


def main(arguments: list[str]) -> int:
    command, rest = (arguments[0], arguments[1:]) if arguments else ("help", [])
    if command == "demo":
        installing = install_system_packages(DEBIAN_QT_PACKAGES + DEBIAN_X11_PACKAGES)
        set_up()
        finish_installing(installing)
        return run(PYTHON, "main.py", "--demo", *rest)
    if command == "run":
        set_up()
        return run(PYTHON, "main.py", *rest)
    if command == "test":
        return test(rest)
    if command == "bench":
        set_up("test,bench")
        names = rest or list(BENCHMARKS)
        return next((code for name in names if (code := run(PYTHON, f"benchmarks/{name}.py")) != 0), 0)
    if command == "translations":
        return translations()
    print(__doc__)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
