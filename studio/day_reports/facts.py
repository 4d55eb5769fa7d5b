"""A shoot day as plain data, planned or as it happened: who was paid (and the hours they worked), which
locations were paid for, how many company moves. A day's plan is kept as JSON with its report, so the
hot cost is always weighed against the day as it was planned when it was reported."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from studio.day_reports.clock import Span
from studio.day_reports.pay import Shift

CAST, CREW, BACKGROUND = "cast", "crew", "background"
WORKER_KINDS = (CAST, CREW, BACKGROUND)


@dataclass(frozen=True)
class Worker:
    """A performer, a crew member, or `count` background players of one role (`id`: theirs), paid for the
    day: worked (`shift`), or without working (None: held)."""

    kind: str
    id: int
    shift: Shift | None
    count: int = 1

    @property
    def key(self) -> tuple[str, int]:
        return self.kind, self.id


@dataclass(frozen=True)
class DayFacts:
    date: dt.date
    workers: tuple[Worker, ...]
    locations: tuple[int, ...]  # the locations paid for the day
    moves: int
    scenes: tuple[int, ...] = ()  # the scenes planned, in order (a plan's)
    drives: tuple[tuple[int, int], ...] = ()  # each move's (from, to) locations (none in a plan stored before)

    def to_json(self) -> str:
        return json.dumps(
            {
                "date": self.date.isoformat(),
                "workers": [_worker_json(worker) for worker in self.workers],
                "locations": list(self.locations),
                "moves": self.moves,
                "scenes": list(self.scenes),
                "drives": [list(pair) for pair in self.drives],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> DayFacts:
        data = json.loads(text)
        return cls(
            dt.date.fromisoformat(data["date"]),
            tuple(_worker(entry) for entry in data["workers"]),
            tuple(data["locations"]),
            data["moves"],
            tuple(data["scenes"]),
            tuple((a, b) for a, b in data.get("drives", [])),
        )


def rests_since(day: DayFacts, before: DayFacts | None) -> dict[tuple[str, int], int]:
    """Each worker's minutes of rest since the end of their work on `before`, an earlier day (planned or
    worked, as `day` is), for those who worked on both."""
    if before is None:
        return {}
    ends = {worker.key: worker.shift.end for worker in before.workers if worker.shift is not None}
    return {
        worker.key: rest_minutes(before.date, ends[worker.key], day.date, worker.shift.call)
        for worker in day.workers
        if worker.shift is not None and worker.key in ends
    }


def rest_minutes(ended_on: dt.date, end: int, called_on: dt.date, call: int) -> int:
    """The minutes from the end of work on one date to a call on a later one (each in minutes after its
    date's midnight)."""
    return (called_on - ended_on).days * 24 * 60 + call - end


def _worker_json(worker: Worker) -> dict:
    entry = {"kind": worker.kind, "id": worker.id, "count": worker.count}
    if worker.shift is not None:
        shift = worker.shift
        entry.update(call=shift.call, end=shift.end, meals=[list(meal) for meal in shift.meals], travel=shift.travel)
    return entry


def _worker(entry: dict) -> Worker:
    shift = None
    if "call" in entry:
        shift = Shift(entry["call"], entry["end"], tuple(Span(*meal) for meal in entry["meals"]), entry["travel"])
    return Worker(entry["kind"], entry["id"], shift, entry["count"])
