"""Day Out of Days: for each cast member and shoot date, work (SW, W, WF, SWF), hold (H), drop (D) and
pick-up (PW), with the totals a producer pays by.

A performer is paid from their first work day to their last, holds included, except across a gap
long enough to drop them (the production's minimum gap, in calendar days): then the days between are
neither worked nor paid, and they are picked up (PW) when they return.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studio.schedule.board import Board


@dataclass
class DoodRow:
    performer_id: int
    name: str
    cast_numbers: tuple[int, ...]
    codes: list[str] = field(default_factory=list)
    work: int = 0
    hold: int = 0
    drops: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def paid(self) -> int:
        return self.work + self.hold

    def to_json(self) -> dict:
        return {
            "performer_id": self.performer_id,
            "name": self.name,
            "cast_numbers": list(self.cast_numbers),
            "codes": self.codes,
            "work": self.work,
            "hold": self.hold,
            "drops": self.drops,
            "paid": self.paid,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
        }


@dataclass
class DayOutOfDays:
    dates: list[dt.date]
    rows: list[DoodRow]


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
    dates = shoot_dates(board)
    worked = work_dates(board)
    rows = []
    for performer_id, member in sorted(
        board.cast.items(), key=lambda item: (item[1].cast_numbers or (999,), item[1].name)
    ):
        row = DoodRow(performer_id, member.name, member.cast_numbers)
        row.codes = _codes(dates, worked[performer_id], board.limits.drop_gap_days)
        row.work = sum(code in WORK for code in row.codes)
        row.hold = row.codes.count("H")
        row.drops = row.codes.count("D")
        if worked[performer_id]:
            row.first, row.last = min(worked[performer_id]), max(worked[performer_id])
        rows.append(row)
    return DayOutOfDays(dates, rows)


WORK = {"SW", "W", "WF", "SWF", "PW"}


def _codes(dates: list[dt.date], worked: set[dt.date], drop_gap_days: int) -> list[str]:
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
