"""Arbitrary sheets never break the cast/crew import: they are read, or refused with one clear message."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.csv_sheets import decode_sheet, read_records
from studio.errors import InvalidInput
from studio.people_csv import COLUMNS, read_people_csv

HEADERS = sorted({*COLUMNS["cast"], *COLUMNS["crew"], "姓名", "角色", "日薪", "币种", "部门", "Shoe size"})
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["=cmd|' /C calc'!A0", "+1 310 555 0100", "-5", "1,200.50", "¥3000", "RMB", "SAG", "LEO", ""]),
)
DEADLINE = timedelta(seconds=5)  # an input that takes longer fails: a hang is found rather than waited for


@settings(deadline=DEADLINE)
@given(st.binary(max_size=2000), st.sampled_from(["cast", "crew"]))
def test_any_bytes_are_read_or_refused(data, kind):
    with contextlib.suppress(InvalidInput):
        read_people_csv(read_records(decode_sheet(data)), kind, "USD")


@settings(deadline=DEADLINE)
@given(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    st.lists(st.lists(CELLS, max_size=9), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "cp1252"]),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["cast", "crew"]),
)
def test_generated_sheets_are_read_or_refused(header, rows, encoding, delimiter, kind):
    text = "\n".join(delimiter.join(cells) for cells in [header, *rows])
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    with contextlib.suppress(InvalidInput):
        read_people_csv(read_records(decode_sheet(data)), kind, "USD")
