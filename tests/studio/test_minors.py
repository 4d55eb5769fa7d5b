"""Minors on the schedule: their age on each shoot day (from their date of birth) gives the work and the
time at work California allows (resources/templates/minor_hours.json); the board names a day that breaks
them and the optimizer keeps them. Worked on The Night Desk (tests/studio/day_report_production.py):
Ava plays scenes 1, 3 and 4, Ben scene 2; the shoot days are 11 and 12 January 2027."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlmodel import select

from studio import operations
from studio.errors import InvalidInput
from studio.exports.dpr import write_dpr
from studio.minors import age_in_months, age_words, limits_on
from studio.models import Performer, Scene
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board
from studio.schedule.optimizer import optimize
from studio.schedule.strips import place_all
from tests.studio.day_report_production import edit, report_id, start, summary, time_row

D = dt.date
FIRST_DAY = D(2027, 1, 11)


@pytest.mark.parametrize(
    ("born", "on", "months"),
    [
        (D(2020, 5, 10), D(2027, 5, 9), 83),  # the day before the 7th birthday
        (D(2020, 5, 10), D(2027, 5, 10), 84),
        (D(2020, 1, 31), D(2020, 2, 28), 0),  # 2020 has a 29 February: the month is not over
        (D(2020, 1, 31), D(2020, 2, 29), 1),
        (D(2016, 2, 29), D(2017, 2, 28), 12),  # a leap-day birthday falls on the last day of February
    ],
)
def test_age_in_whole_months(born, on, months):
    assert age_in_months(born, on) == months


@pytest.mark.parametrize(
    ("born", "work", "at_work"),
    [
        (D(2026, 8, 12), 20, 120),  # 4 months
        (D(2026, 7, 11), 120, 240),  # 6 months that day
        (D(2025, 2, 12), 120, 240),  # 22 months
        (D(2025, 1, 11), 180, 360),  # 2 that day
        (D(2019, 6, 1), 240, 480),  # 7
        (D(2018, 1, 11), 300, 540),  # 9 that day
        (D(2011, 1, 11), 360, 600),  # 16 that day
        (D(2009, 1, 12), 360, 600),  # 17, 18 tomorrow
    ],
)
def test_the_limits_follow_the_age_on_the_day(born, work, at_work):
    limits = limits_on(born, FIRST_DAY)
    assert (limits.work_minutes, limits.on_set_minutes) == (work, at_work)


def test_adults_and_unknown_dates_of_birth_have_no_limits():
    assert limits_on(D(2009, 1, 11), FIRST_DAY) is None  # 18 that day
    assert limits_on(None, FIRST_DAY) is None
    assert limits_on(D(2028, 1, 1), FIRST_DAY) is None  # not born yet: nothing to go by


def test_an_age_in_words():
    assert [age_words(m) for m in (0, 1, 18, 24, 95)] == ["a newborn", "age 1 month", "age 18 months", "age 2", "age 7"]


def born(desk, name: str, date: str) -> None:
    with desk.database.transaction() as session:
        operations.edit(session, "performer", desk.performers[name], {"date_of_birth": date})


def test_a_date_of_birth_is_typed_or_cleared_and_never_in_the_future(desk):
    born(desk, "Ben Cole", "2019-06-01")
    with desk.database.session() as session:
        assert session.get(Performer, desk.performers["Ben Cole"]).date_of_birth == D(2019, 6, 1)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for wrong, message in (
        (tomorrow, "in the future"),
        ("2019-02-30", "is not a date"),
        ("1850-01-01", "check the year"),
    ):
        with pytest.raises(InvalidInput, match=message), desk.database.transaction() as session:
            operations.edit(session, "performer", desk.performers["Ben Cole"], {"date_of_birth": wrong})
    with desk.database.session() as session:
        assert session.get(Performer, desk.performers["Ben Cole"]).date_of_birth == D(2019, 6, 1)
    born(desk, "Ben Cole", "")
    with desk.database.session() as session:
        assert session.get(Performer, desk.performers["Ben Cole"]).date_of_birth is None


def conflicts_of(desk) -> list:
    """The board's conflicts about minors (the board's own rules: the board tests use one database)."""
    with desk.database.session() as session:
        board = load_board(session, desk.production_id)
    return [c for c in BoardAnalysis(board).conflicts if c.kind == "minor_hours"]


def test_the_board_names_a_minor_working_longer_than_their_age_allows(sqlite_desk):
    desk = sqlite_desk
    # Day 1: Ben's scene 2 runs 4:30. At 7 he may work 4:00; at 9, 5:00.
    born(desk, "Ben Cole", "2019-06-01")
    (conflict,) = conflicts_of(desk)
    assert conflict.message == "Day 1: Ben Cole (age 7) works 4:30, over the 4:00 a day a minor that age may work"
    assert conflict.day_id == desk.days[0]
    born(desk, "Ben Cole", "2017-06-01")
    assert conflicts_of(desk) == []


def test_the_board_names_a_minor_needed_longer_than_they_may_be_at_work(sqlite_desk):
    desk = sqlite_desk
    # Ava, 10, in scenes 1 and 3 of an hour each with Ben's 8-hour scene 2 between them: 2 hours of work
    # (she may work 5) but needed from the shooting call, 07:30, to 17:30, 10 hours, over the 9 she may be at work.
    with desk.database.transaction() as session:
        for scene_id, minutes in zip(desk.scenes[:3], (60, 480, 60), strict=True):
            session.get(Scene, scene_id).estimated_minutes = minutes
        first, second, third, fourth = strips_of(session, desk)
        place_all(session, desk.production_id, {desk.days[0]: [first, second, third], desk.days[1]: [fourth], None: []})
    born(desk, "Ava Stone", "2016-06-01")
    messages = [c.message for c in conflicts_of(desk)]
    assert messages == [
        "Day 1: Ava Stone (age 10) is needed from 07:30 to 17:30, over the 9:00 a minor that age may be at work"
    ]


def test_the_board_names_a_minor_needed_outside_the_hours_a_minor_may_work(sqlite_desk):
    desk = sqlite_desk
    # Scene 1 stretched to 15 hours from the shooting call, 07:30: Ben's scene 2, within the 5 hours a
    # 10-year-old may work, runs from 22:30, after a minor's working day ends at 22:00.
    with desk.database.transaction() as session:
        session.get(Scene, desk.scenes[0]).estimated_minutes = 900
    born(desk, "Ben Cole", "2016-06-01")
    assert [c.message for c in conflicts_of(desk)] == [
        "Day 1: Ben Cole (age 10) is needed from 22:30 to 03:00 (+1); a minor may work from 05:00 to 22:00"
    ]


def test_the_optimizer_splits_a_minors_scenes_over_the_days_their_age_needs(sqlite_desk):
    # Ava's three scenes of 100 minutes, all on day 1 and Ben's on day 2: as an adult, that is the cheapest
    # (a day of her pay saved); at 7 (4 hours of work a day), two at most on a day.
    desk = sqlite_desk
    with desk.database.transaction() as session:
        for scene_id in (desk.scenes[0], desk.scenes[2], desk.scenes[3]):
            session.get(Scene, scene_id).estimated_minutes = 100
        first, second, third, fourth = strips_of(session, desk)
        place_all(session, desk.production_id, {desk.days[0]: [first, third, fourth], desk.days[1]: [second], None: []})

    def avas_scenes_per_day() -> list[int]:
        with desk.database.session() as session:
            board = load_board(session, desk.production_id)
        result = optimize(board, work=3.0)
        scheduled = board.placed(result.placement)
        assert not [c for c in BoardAnalysis(scheduled).conflicts]
        ava = desk.performers["Ava Stone"]
        return [sum(ava in strip.cast for strip in scheduled.day_strips(day.id)) for day in scheduled.days]

    assert avas_scenes_per_day() == [3, 0]
    born(desk, "Ava Stone", "2019-06-01")
    assert sorted(avas_scenes_per_day()) == [1, 2]


def strips_of(session, desk) -> list[int]:
    """The strips of scenes 1 to 4."""
    board = load_board(session, desk.production_id)
    strips = {strip.scene_id: strip.id for day in board.days for strip in board.day_strips(day.id)}
    return [strips[scene] for scene in desk.scenes]


def test_the_production_report_names_a_minor_at_work_longer_than_their_age_allows(desk, tmp_path):
    # Day 1 as planned: Ben called at 11:15 (on set 12:30), the unit wraps at 17:00: 5:45 at work. At 18
    # months he may be at work 4 hours; at 16, 10 hours, but only from 05:00 to 22:00.
    start(desk, 0)
    born(desk, "Ben Cole", "2025-07-11")
    assert summary(desk, 0).minors() == [
        "Ben Cole (age 18 months) was at work from 11:15 to 17:00, over the 4:00 a minor that age may be"
    ]
    born(desk, "Ben Cole", "2010-07-11")
    assert summary(desk, 0).minors() == []
    edit(desk, "day_report", report_id(desk, 0), camera_wrap="23:00")
    ben = time_row(desk, 0, performer_id=desk.performers["Ben Cole"])
    edit(desk, "day_report_time", ben, on_set="14:30", makeup="14:00", call="14:00")
    problem = "Ben Cole (age 16) was at work from 14:00 to 23:00; a minor may work from 05:00 to 22:00"
    assert summary(desk, 0).to_json()["minors"] == [problem]
    # Called at 11:15 again: 11:45 at work, over his 10 hours, and past 22:00: each said
    edit(desk, "day_report_time", ben, call="11:15", makeup="11:15", on_set="12:30")
    assert summary(desk, 0).minors() == [
        "Ben Cole (age 16) was at work from 11:15 to 23:00, over the 10:00 a minor that age may be",
        "Ben Cole (age 16) was at work from 11:15 to 23:00; a minor may work from 05:00 to 22:00",
    ]
    with desk.database.session() as session:
        target = write_dpr(session, desk.production_id, desk.days[0], tmp_path / "day1.pdf", "en+zh")
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout.split())
    assert "Minors" in text and "over the 10:00" in text and "a minor may work from 05:00" in text and "16 岁" in text


def test_the_optimizer_keeps_a_minors_night_scenes_within_the_hours_a_minor_may_work(demo):
    """Emily Tran at 7 in the demo's night scenes: a day of night scenes called for the night had her
    needed from 00:14 to 02:36; her night scenes now go where the night wraps by 22:00."""
    with demo.transaction() as session:
        emily = session.exec(select(Performer).where(Performer.legal_name == "Emily Tran")).one()
        emily.date_of_birth = dt.date(2019, 6, 1)
    with demo.session() as session:
        board = load_board(session, 1)
    assert [strip for strip in board.strips.values() if emily.id in strip.cast and strip.is_night]
    result = optimize(board, work=3.0)
    assert result.conflicts == 0 and result.status == "feasible"
    assert BoardAnalysis(board.placed(result.placement)).conflicts == []
