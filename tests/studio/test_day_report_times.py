"""The messages a reported day's times out of order get (studio.day_reports.time_order, clock): each names
both times; only an end of work typed as a morning time is offered the next morning's way of writing
it; a meal against a day whose other end is not known yet is worded without it."""

from __future__ import annotations

import pytest

from studio.day_reports.clock import Span, clock_minutes
from studio.day_reports.time_order import check_day, check_person
from studio.errors import InvalidInput


def day_problem(lunch: Span | None = None, **times: str) -> str:
    with pytest.raises(InvalidInput) as refused:
        check_day({name: clock_minutes(value) for name, value in times.items()}, lunch, None)
    return str(refused.value)


def person_problem(first_meal: Span | None = None, **times: str) -> str:
    with pytest.raises(InvalidInput) as refused:
        check_person({name: clock_minutes(value) for name, value in times.items()}, first_meal, None)
    return str(refused.value)


def test_a_start_of_work_before_the_time_it_follows_is_never_read_as_the_next_morning():
    # 31:00 for a first shot a day after the shooting call makes no sense: no hint
    assert (
        day_problem(crew_call="07:00", shooting_call="08:17", first_shot="07:00")
        == "the first shot (07:00) is before the shooting call (08:17)"
    )
    assert person_problem(call="07:02", makeup="06:30") == "the makeup (06:30) is before the call (07:02)"


def test_an_end_of_work_typed_as_a_morning_time_may_be_the_next_morning():
    assert day_problem(crew_call="17:00", camera_wrap="01:30") == (
        "the camera wrap (01:30) is before the crew call (17:00): a time after midnight is written past 24:00 (25:30)"
    )
    # after a wrap past midnight, an out at 01:30 is half an hour later
    assert day_problem(crew_call="17:00", camera_wrap="25:00", last_out="01:30") == (
        "the last person out (01:30) is before the camera wrap (25:00): a time after midnight is written past "
        "24:00 (25:30)"
    )
    assert person_problem(call="16:00", out="00:45") == (
        "the out (00:45) is before the call (16:00): a time after midnight is written past 24:00 (24:45)"
    )


def test_an_evening_time_before_a_wrap_past_midnight_is_not_offered_the_day_after():
    # 23:00 as 47:00 would be 22 hours after the wrap: no hint
    assert (
        day_problem(crew_call="17:00", camera_wrap="25:00", last_out="23:00")
        == "the last person out (23:00) is before the camera wrap (25:00)"
    )


def test_a_time_beyond_the_days_clock_is_refused_as_such():
    for typed in ("48:00", "99:00"):
        with pytest.raises(InvalidInput, match=rf"'{typed}' is not a time on the day's clock \(00:00 to 47:59\)"):
            clock_minutes(typed)


def test_a_meal_against_a_day_whose_other_end_is_not_known_yet():
    # a person called at 07:02 with no wrap or out yet
    assert person_problem(Span(360, 390), call="07:02") == "the first meal (06:00–06:30) starts before the call (07:02)"
    # a department's row with an out and no call
    assert person_problem(Span(1080, 1110), out="18:00") == "the first meal (18:00–18:30) ends after the out (18:00)"
    # the unit's lunch before the camera wrap is typed
    assert (
        day_problem(Span(360, 390), crew_call="07:00") == "the lunch (06:00–06:30) starts before the crew call (07:00)"
    )
    # both ends known: the day named whole, a meal as long as it is
    assert (
        person_problem(Span(600, 690), call="10:00", wrap="11:00")
        == "the first meal (10:00–11:30, 1:30) is longer than the day (10:00–11:00)"
    )
    assert (
        person_problem(Span(360, 390), call="07:02", wrap="18:00")
        == "the first meal (06:00–06:30) is not within the day (07:02–18:00)"
    )
