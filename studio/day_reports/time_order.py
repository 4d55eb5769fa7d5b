"""The order a reported day's times keep, for the unit and for each person: the call before the wrap,
the camera rolling after the call, meals inside the day and one after the other. A time out of order
is refused with one message naming both times (and, for an end of work typed as a morning time, how to
write it as the next morning), so nothing inconsistent is ever stored. A day, the unit's or a person's,
is at most 24 hours from its call to its end, and a meal at most two hours: a 31-hour day or a five-hour
lunch is a time mistyped, and would be paid as worked."""

from __future__ import annotations

from collections.abc import Mapping

from studio.day_reports.clock import DAY, Span, clock, duration
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models.day_report import LAST_MINUTE

# (earlier, later, strictly): each pair whose times are both known must be in this order.
DAY_ORDER = (
    ("crew_call", "shooting_call", False),
    ("shooting_call", "first_shot", False),
    ("crew_call", "first_shot", False),
    ("crew_call", "camera_wrap", True),
    ("first_shot", "camera_wrap", False),
    ("first_shot_after_lunch", "camera_wrap", False),
    ("camera_wrap", "last_out", False),
    ("crew_call", "last_out", True),
)
PERSON_ORDER = (
    ("call", "makeup", False),
    ("makeup", "on_set", False),
    ("call", "on_set", False),
    ("call", "wrap", True),
    ("on_set", "wrap", False),
    ("wrap", "out", False),
    ("call", "out", True),
)
# The times that may run past midnight; one typed before noon may be the next morning's.
ENDS_OF_WORK = frozenset({"camera_wrap", "last_out", "wrap", "out"})
NOON = 12 * 60
LONGEST_MEAL = 2 * 60


def day_words() -> dict[str, str]:
    return {
        "crew_call": _("crew call"),
        "shooting_call": _("shooting call"),
        "first_shot": _("first shot"),
        "lunch": _("lunch"),
        "first_shot_after_lunch": _("first shot after lunch"),
        "second_meal": _("second meal"),
        "camera_wrap": _("camera wrap"),
        "last_out": _("last person out"),
    }


def person_words() -> dict[str, str]:
    return {
        "call": _("call"),
        "makeup": _("makeup"),
        "on_set": _("on set"),
        "first_meal": _("first meal"),
        "second_meal": _("second meal"),
        "wrap": _("wrap"),
        "out": _("out"),
    }


def check_day(times: Mapping[str, int | None], lunch: Span | None, second_meal: Span | None) -> None:
    """The unit's times, in order; lunch and the second meal within the crew call and the camera wrap."""
    problem = _out_of_order(times, DAY_ORDER, day_words())
    problem = problem or _too_long(times, "crew_call", ("last_out", "camera_wrap"), day_words())
    problem = problem or _meals_problem(
        {"lunch": lunch, "second_meal": second_meal}, times, ("crew_call", "camera_wrap"), day_words()
    )
    after_lunch = times.get("first_shot_after_lunch")
    if not problem and lunch is not None and after_lunch is not None and after_lunch < lunch.end:
        problem = _("the first shot after lunch ({then}) is before the lunch ends ({end})").format(
            then=clock(after_lunch), end=clock(lunch.end)
        )
    if problem:
        raise InvalidInput(problem)


def check_person(times: Mapping[str, int | None], first_meal: Span | None, second_meal: Span | None) -> None:
    """One person's (or department's) times, in order; their own meals within their call and their out."""
    problem = _out_of_order(times, PERSON_ORDER, person_words())
    problem = problem or _too_long(times, "call", ("out", "wrap"), person_words())
    end = "out" if times.get("out") is not None else "wrap"
    problem = problem or _meals_problem(
        {"first_meal": first_meal, "second_meal": second_meal}, times, ("call", end), person_words()
    )
    if problem:
        raise InvalidInput(problem)


def _out_of_order(times: Mapping[str, int | None], order, words: dict[str, str]) -> str | None:
    for earlier, later, strictly in order:
        first, then = times.get(earlier), times.get(later)
        if first is None or then is None or then > first or (then == first and not strictly):
            continue
        message = _("the {later} ({then}) is before the {earlier} ({first})").format(
            later=words[later], then=clock(then), earlier=words[earlier], first=clock(first)
        )
        if later in ENDS_OF_WORK and then < NOON and first < then + DAY <= LAST_MINUTE:
            message = _("{message}: a time after midnight is written past 24:00 ({time})").format(
                message=message, time=clock(then + DAY)
            )
        return message


def _too_long(times: Mapping[str, int | None], start: str, ends: tuple[str, ...], words: dict) -> str | None:
    """A day longer than 24 hours from `start` to the latest of `ends` known."""
    first = times.get(start)
    end = next((name for name in ends if times.get(name) is not None), None)
    if first is None or end is None or times[end] - first <= DAY:
        return None
    last = times[end]
    return _("from the {start} ({first}) to the {end} ({then}) is {length}: a day is at most 24 hours").format(
        start=words[start], first=clock(first), end=words[end], then=clock(last), length=duration(last - first)
    )


def _meals_problem(
    meals: dict[str, Span | None], times: Mapping[str, int | None], bounds: tuple[str, str], words: dict
) -> str | None:
    """The meals within the day (`bounds`: the times it runs between) and one after the other."""
    start, end = (times.get(bound) for bound in bounds)
    known = [(name, meal) for name, meal in meals.items() if meal is not None]
    for name, meal in known:
        if meal.minutes > LONGEST_MEAL:
            return _("the {meal} ({span}) is {length}: a meal is at most 2 hours").format(
                meal=words[name], span=meal, length=duration(meal.minutes)
            )
        if start is not None and end is not None and meal.minutes > end - start:
            return _("the {meal} ({span}, {length}) is longer than the day ({start}–{end})").format(
                meal=words[name], span=meal, length=duration(meal.minutes), start=clock(start), end=clock(end)
            )
        starts_early, ends_late = start is not None and meal.start < start, end is not None and meal.end > end
        if (starts_early or ends_late) and start is not None and end is not None:
            return _("the {meal} ({span}) is not within the day ({start}–{end})").format(
                meal=words[name], span=meal, start=clock(start), end=clock(end)
            )
        # one end of the day not known yet: the meal against the other
        if starts_early:
            return _("the {meal} ({span}) starts before the {start_name} ({start})").format(
                meal=words[name], span=meal, start_name=words[bounds[0]], start=clock(start)
            )
        if ends_late:
            return _("the {meal} ({span}) ends after the {end_name} ({end})").format(
                meal=words[name], span=meal, end_name=words[bounds[1]], end=clock(end)
            )
    for (name, meal), (later, other) in zip(known, known[1:], strict=False):
        if other.start < meal.end:
            return _("the {later} ({other}) starts before the {meal} ends ({meal_span})").format(
                later=words[later], other=other, meal=words[name], meal_span=meal
            )
    return None
