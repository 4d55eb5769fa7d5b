"""Reading a CSV sheet someone sends: a size limit, the encoding its spreadsheet saved it in, and the
separator its locale uses; a file that is not such a sheet is refused rather than read as garbage.
And the rule for text that looks like a formula, both ways (`csv_text`, `from_csv_text`)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from pathlib import Path

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.user_files import FileTooLarge, read_user_file

MAX_ROWS = 50_000  # below the header
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_sheet_file(path: Path, max_bytes: int, too_large: str) -> list[list[str]]:
    """The rows of the sheet at `path`; `too_large` (with {name} and {limit}) says why a bigger file is refused."""
    return read_records(decode_sheet(_read_bytes(path, max_bytes, too_large)))


def read_records(text: str) -> list[list[str]]:
    """Rows of cells, separated by commas, semicolons (European Excel) or tabs, whichever the text uses: the
    header and at most MAX_ROWS more (read no further: a few megabytes of line breaks are millions of rows)."""
    if "\x00" in text:
        raise _not_text()
    try:
        sniffed = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
        delimiter, skip_space = sniffed.delimiter, sniffed.skipinitialspace
    except csv.Error:
        delimiter, skip_space = ",", False
    # Quoted as every spreadsheet quotes, with " (doubled inside): the sniffer may guess ' from cells such
    # as '=1+1', and would then eat the mark that keeps them text. Strict: a quote never closed would
    # otherwise swallow every row after it into one cell.
    rows = csv.reader(
        io.StringIO(text, newline=""), "excel", delimiter=delimiter, skipinitialspace=skip_space, strict=True
    )
    try:
        records = list(itertools.islice(rows, MAX_ROWS + 2))
    except csv.Error as error:
        reason = f"line {rows.line_num}: {error}"
        raise InvalidInput(_("the file is not a readable CSV sheet ({reason})").format(reason=reason)) from None
    if len(records) > MAX_ROWS + 1:
        raise InvalidInput(_("the file has more than {count} rows").format(count=MAX_ROWS))
    return records


TEXT_MARK = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula.

    Text a spreadsheet would take for a formula (=HYPERLINK(…), @SUM(…), +A1, a leading tab) gets the
    leading ' that marks text (OWASP's advice against CSV injection), and so does text that already starts
    with ' before one of = + - @ tab return, so that `from_csv_text` gives back exactly what was written.
    Phone numbers and plain numbers (+1 310 555 0100, -5) are left as they are: digits, spaces and ()./-
    call no function and refer to no cell, and a mark would spoil them for whoever reads the sheet.
    """
    text = "" if value is None else str(value)
    return TEXT_MARK + text if _is_marked(text) or _runs_as_formula(text) else text


def from_csv_text(cell: str) -> tuple[str, bool]:
    """The cell's text without the mark `csv_text` (or a person) put before text that starts like a
    formula, and whether it had one: marked text is text, whatever it looks like."""
    return (cell[1:], True) if _is_marked(cell) else (cell, False)


def _is_marked(text: str) -> bool:
    return text.startswith(TEXT_MARK) and text.lstrip(TEXT_MARK).startswith(FORMULA_STARTS)


def _runs_as_formula(text: str) -> bool:
    try:
        validation.not_formula(text)
    except InvalidInput:
        return True
    return False


def decode_sheet(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030 (Chinese Excel and WPS) or Windows-1252
    (Western Excel); anything else is refused rather than read as garbage."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        if b"\x00" not in data:
            for decode in (_as_utf8, _as_gbk, _as_windows_1252):
                text = decode(data)
                if text is not None:
                    return text
    raise _not_text()


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _as_gbk(data: bytes) -> str | None:
    """The text if the bytes read as Chinese in GBK/GB18030, else None.

    Accented Latin text in Windows-1252 can decode as GBK too, into rare characters; Chinese text is
    mostly characters of the common GB2312 block, whose two bytes are both 0xA1 or above.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    pairs = re.findall(rb"[\x81-\xfe][\x40-\x7e\x80-\xfe]", data)
    common = sum(1 for pair in pairs if pair[0] >= 0xA1 and pair[1] >= 0xA1)
    return text if pairs and common * 2 >= len(pairs) else None


def _as_windows_1252(data: bytes) -> str | None:
    """Western Excel's "CSV": accepted when every character beyond ASCII is a letter, mark or sign."""
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text or not all(ch.isascii() or unicodedata.category(ch)[0] in "LPZS" for ch in text):
        return None
    return text


def _read_bytes(path: Path, max_bytes: int, too_large: str) -> bytes:
    try:
        return read_user_file(path, max_bytes)
    except FileTooLarge:
        raise InvalidInput(too_large.format(name=path.name, limit=max_bytes // (1024 * 1024))) from None


def _not_text() -> InvalidInput:
    return InvalidInput(_('the file is not text in a known encoding: save it as "CSV UTF-8" and import it again'))
