"""What a killed process left behind, read back: a database's content fingerprint and its
checks (integrity, foreign keys, the app opens it), and whether an export under its name is whole.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

from studio.storage import stored_summary

# ---------------------------------------------------------------------------------------------------
# Fingerprints


def timestamp_columns() -> set[tuple[str, str]]:
    """(table, column) pairs that hold the moment something happened: they differ run to run."""
    from sqlmodel import SQLModel

    import studio.models  # noqa: F401  (registers every table)
    from studio.models.types import UTCDateTime

    return {
        (table.name, column.name)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, UTCDateTime) or column.name.endswith("_at")
    }


SKIPPED: set[tuple[str, str]] = set()  # filled by main()


def fingerprint(connection: sqlite3.Connection) -> tuple[str, dict[str, str]]:
    """A digest of the whole content (and of each table): rows in primary-key order, timestamps left out,
    and the count of changes and `info`'s summary (stored_summary), which say how a file was written, not
    what it holds: a copy's count is the rows it was written with."""
    whole = hashlib.sha256()
    tables = {}
    schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    whole.update(repr(schema).encode())
    for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != ? ORDER BY name",
        (stored_summary.TABLE,),
    ).fetchall():
        info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
        kept = [row[1] for row in info if (name, row[1]) not in SKIPPED]
        keys = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]] or kept
        columns = ", ".join(f'"{column}"' for column in kept)
        order = ", ".join(f'"{column}"' for column in keys)
        digest = hashlib.sha256()
        count = 0
        for row in connection.execute(f'SELECT {columns} FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode())
            count += 1
        tables[name] = f"{count}:{digest.hexdigest()[:16]}"
        whole.update(f"{name}={tables[name]};".encode())
    return whole.hexdigest(), tables


def file_fingerprint(path: Path) -> tuple[str, dict[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return fingerprint(connection)
    finally:
        connection.close()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy a database no process has open (with its write-ahead log, if one was left)."""
    remove_database(target)
    shutil.copyfile(source, target)
    if Path(f"{source}-wal").exists():
        shutil.copyfile(f"{source}-wal", f"{target}-wal")


def normalized_export(data: bytes, suffix: str) -> bytes:
    """The export without what changes every time it is written (its creation time, the PDF's id)."""
    if suffix == "pdf":
        data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", rb"/\1 ()", data)
        return re.sub(rb"/ID\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", rb"/ID []", data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(
            name.encode() + b"\0" + package.read(name) for name in package.namelist() if name != "docProps/core.xml"
        )


def pdf_pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def export_problem(data: bytes, suffix: str) -> str | None:
    """Why these bytes are not a complete document, or None."""
    try:
        if suffix == "pdf":
            if not data.rstrip().endswith(b"%%EOF"):
                return "the PDF does not end with %%EOF"
            pdf_pages(data)
        else:
            import openpyxl

            openpyxl.load_workbook(io.BytesIO(data)).close()
    except Exception as error:  # any failure to read it back is the finding
        return f"{type(error).__name__}: {error}"
    return None


# ---------------------------------------------------------------------------------------------------
# Checks after a kill


def check_database(db: Path, aside: Path) -> tuple[list[str], str | None, dict[str, str]]:
    """(problems, the content's fingerprint, per table) of a database a killed process left."""
    problems = []
    remove_database(aside)
    shutil.copyfile(db, aside)
    if Path(f"{db}-wal").exists():
        shutil.copyfile(f"{db}-wal", f"{aside}-wal")
    digest, tables = None, {}
    try:
        connection = sqlite3.connect(aside)
        try:
            integrity = connection.execute("PRAGMA integrity_check").fetchall()
            if integrity != [("ok",)]:
                problems.append(f"integrity_check: {integrity[:5]}")
            foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
            if foreign:
                problems.append(f"foreign_key_check: {foreign[:5]}")
            digest, tables = fingerprint(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        problems.append(f"sqlite3: {error}")
    from studio.productions import list_productions
    from studio.storage.db import open_database

    try:  # the app itself, on the crashed files (it recovers the write-ahead log)
        database = open_database(db)
        try:
            with database.session() as session:
                if not list_productions(session):
                    problems.append("open_database: no production listed")
        finally:
            database.close()
    except Exception as error:
        problems.append(f"open_database: {type(error).__name__}: {error}")
    return problems, digest, tables
