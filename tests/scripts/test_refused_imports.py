"""Damaged scripts and cast sheets through the command line's own import commands, each into a fresh copy of
the demo database: a refused import leaves every table exactly as it was, and nothing else goes wrong.

Slower than the parsers' properties (each example copies, opens and writes a real database), so fewer
examples: 30 by default, 1,000 with `HYPOTHESIS_PROFILE=extended`.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from studio.cli import build_parser, run_import_people, run_import_script
from studio.errors import UserError
from tests.scripts.damaged_files import (
    CAST_SHEET,
    CHINESE,
    DOCUMENT_XML,
    FDX,
    FOUNTAIN,
    XML_PIECES,
    damaged,
    docx_with_document,
    tampered_docx,
)

EXAMPLES = max(30, settings.default.max_examples // 10)
DEADLINE = timedelta(seconds=30)  # an import takes under a second; the margin is for a machine under load
SCRIPTS = st.one_of(
    st.tuples(st.just("script.fountain"), damaged(FOUNTAIN)),
    st.tuples(st.just("script.txt"), damaged(CHINESE)),
    st.tuples(st.just("script.fdx"), damaged(FDX)),
    st.tuples(st.just("script.docx"), damaged(DOCUMENT_XML, XML_PIECES).map(docx_with_document)),
    st.tuples(st.just("script.docx"), tampered_docx()),
)


def contents(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


@dataclass
class Demo:
    folder: Path  # to work in
    template: Path
    contents: list[str] = field(repr=False)  # the template's, to compare with


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Demo:
    return Demo(tmp_path_factory.mktemp("imports"), demo_template, contents(demo_template))


def run_import(demo: Demo, name: str, data: bytes, *options: str) -> tuple[Path, bool]:
    """Import `data` as the file `name` into a fresh copy of the demo; whether it was refused."""
    folder, database = demo.folder, demo.folder / "demo.sqlite"
    shutil.rmtree(folder)
    folder.mkdir()
    shutil.copyfile(demo.template, database)
    (folder / name).write_bytes(data)
    command = "import-script" if "--kind" not in options else "import-people"
    args = build_parser().parse_args([command, str(folder / name), "--db", str(database), "--json", *options])
    run = run_import_script if command == "import-script" else run_import_people
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            run(args)
    except UserError:
        return database, True
    return database, False


@settings(max_examples=EXAMPLES, deadline=DEADLINE)
@given(SCRIPTS)
def test_a_refused_script_leaves_the_database_as_it_was(demo, script):
    database, refused = run_import(demo, *script)
    event("refused" if refused else "imported")
    if refused:
        assert contents(database) == demo.contents


@settings(max_examples=EXAMPLES, deadline=DEADLINE)
@given(damaged(CAST_SHEET), st.sampled_from(["cast", "crew"]))
def test_a_refused_cast_or_crew_list_leaves_the_database_as_it_was(demo, sheet, kind):
    database, refused = run_import(demo, "people.csv", sheet, "--kind", kind)
    event("refused" if refused else "imported")
    if refused:
        assert contents(database) == demo.contents


def test_the_undamaged_files_are_imported(demo):
    for name, data, options in (("script.fountain", FOUNTAIN, ()), ("people.csv", CAST_SHEET, ("--kind", "cast"))):
        database, refused = run_import(demo, name, data, *options)
        assert not refused and contents(database) != demo.contents
