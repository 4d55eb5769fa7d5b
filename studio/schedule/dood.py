"""Day Out of Days: for each cast member and date, work (SW, W, WF, SWF), hold (H), drop (D), pick-up
(PW), travel (T), rehearsal (R) and fitting (F), with the totals a producer pays by.

The columns are the shoot dates plus every date a cast member is called for travel, a rehearsal or a
fitting (a travel day before day 1 is the usual one), in date order. Work wins over a call on the same
date; a call wins over a hold or a drop.

A performer is paid from their first work day to their last, holds included, except across a gap
long enough to drop them (the production's minimum gap, in calendar days): then the days between are
neither worked nor paid, and they are picked up (PW) when they return. Holds and drops fall on shoot
dates only; every day a performer is called (T, R, F) is paid too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studio.models.enums import PerformerDayKind
from studio.schedule.board import Board, CastMember

WORK = {"SW", "W", "WF", "SWF", "PW"}
# The code of each kind of call (studio.models.people.PerformerDay).
CALL_CODES = {
    PerformerDayKind.TRAVEL.value: "T",
    PerformerDayKind.REHEARSAL.value: "R",
    PerformerDayKind.FITTING.value: "F",
}


def called_dates(member: CastMember) -> set[dt.date]:
    """The dates a performer is paid for travel, rehearsal or fitting, whether they work or not."""
    return {date for date, kind in member.calls.items() if kind in CALL_CODES}


@dataclass
class DoodRow:
    performer_id: int
    name: str
    cast_numbers: tuple[int, ...]
    codes: list[str] = field(default_factory=list)
    work: int = 0
    hold: int = 0
    travel: int = 0
    rehearsal: int = 0
    fitting: int = 0
    drops: int = 0
    first: dt.date | None = None  # the first and last work days
    last: dt.date | None = None
    name_zh: str = ""

    @property
    def paid(self) -> int:
        """Every day they are called or held."""
        return self.work + self.hold + self.travel + self.rehearsal + self.fitting

    def to_json(self) -> dict:
        return {
            "performer_id": self.performer_id,
            "name": self.name,
            "cast_numbers": list(self.cast_numbers),
            "codes": self.codes,
            "work": self.work,
            "hold": self.hold,
            "travel": self.travel,
            "rehearsal": self.rehearsal,
            "fitting": self.fitting,
            "drops": self.drops,
            "paid": self.paid,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
        }


@dataclass
class DayOutOfDays:
    dates: list[dt.date]  # the columns: shoot dates and the dates of calls, in order
    rows: list[DoodRow]
    shooting: frozenset[dt.date] = frozenset()  # which of the dates are shoot dates


def shoot_dates(board: Board) -> list[dt.date]:
    return sorted({day.date for day in board.days})


def work_dates(board: Board) -> dict[int, set[dt.date]]:
    """Performer id → the dates they work."""
    dates: dict[int, set[dt.date]] = {performer_id: set() for performer_id in board.cast}
    for day in board.days:
        for strip in board.day_strips(day.id):
            for performer_id in strip.cast:
                dates[performer_id].add(day.date)
    return dates


def day_out_of_days(board: Board) -> DayOutOfDays:
    shooting = shoot_dates(board)
    called = {date for member in board.cast.values() for date, kind in member.calls.items() if kind in CALL_CODES}
    dates = sorted(set(shooting) | called)
    worked = work_dates(board)
    rows = []
    for performer_id, member in sorted(
        board.cast.items(), key=lambda item: (item[1].cast_numbers or (999,), item[1].name)
    ):
        row = DoodRow(performer_id, member.name, member.cast_numbers, name_zh=member.name_zh)
        codes = _codes(shooting, worked[performer_id], board.limits.drop_gap_days)
        on_shoot_dates = dict(zip(shooting, codes, strict=True))
        row.codes = _with_calls(dates, on_shoot_dates, member.calls)
        row.work = sum(code in WORK for code in row.codes)
        row.hold = row.codes.count("H")
        row.travel = row.codes.count("T")
        row.rehearsal = row.codes.count("R")
        row.fitting = row.codes.count("F")
        row.drops = row.codes.count("D")
        if worked[performer_id]:
            row.first, row.last = min(worked[performer_id]), max(worked[performer_id])
        rows.append(row)
    return DayOutOfDays(dates, rows, frozenset(shooting))


def _codes(dates: list[dt.date], worked: set[dt.date], drop_gap_days: int) -> list[str]:
    """Work, hold and drop codes over the shoot dates."""
    if not worked:
        return [""] * len(dates)
    first, last = min(worked), max(worked)
    # Work dates after which the performer is dropped: the next work date is at least the gap away.
    ordered = sorted(worked)
    dropped_after = {a for a, b in zip(ordered, ordered[1:], strict=False) if (b - a).days >= drop_gap_days}
    picked_up = {b for a, b in zip(ordered, ordered[1:], strict=False) if a in dropped_after}
    codes, off = [], False
    for date in dates:
        if date in worked:
            off = date in dropped_after
            if date == first == last:
                codes.append("SWF")
            elif date == first:
                codes.append("SW")
            elif date == last:
                codes.append("WF")
            elif date in picked_up:
                codes.append("PW")
            else:
                codes.append("W")
        elif first < date < last and off:
            codes.append("D" if codes and codes[-1] in WORK else "")
        elif first < date < last:
            codes.append("H")
        else:
            codes.append("")
    return codes


def _with_calls(dates: list[dt.date], on_shoot_dates: dict[dt.date, str], calls: dict[dt.date, str]) -> list[str]:
    """The codes over every column: work wins, then a call (T, R, F), then hold, drop or nothing.

    A drop taken over by a call moves to the next empty shoot date before the performer is picked up,
    so the drop is still shown and counted.
    """
    codes, drop_pending = [], False
    for date in dates:
        code = on_shoot_dates.get(date, "")
        if code not in WORK and calls.get(date) in CALL_CODES:
            drop_pending = drop_pending or code == "D"
            code = CALL_CODES[calls[date]]
        elif code in WORK:
            drop_pending = False
        elif drop_pending and code == "" and date in on_shoot_dates:
            code, drop_pending = "D", False
        codes.append(code)
    return codes
