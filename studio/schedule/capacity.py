"""Why no schedule can keep the limits: checks that need no search, each naming the limit it finds.

Each is a necessary condition, for the scenes to place on the days not reported (a reported day's are
placed, as shot, whatever limits that day breaks): those days hold the scenes' pages and hours; every
scene has a day its cast and location are free; the days some scene can go on hold the pages; each
performer's and each location's scenes fit in the pages and hours of the days they are available (one
unit at a time: a date counts once); no scene is longer than a day; the locked scenes leave their day
within its pages. When one fails, the optimizer says which instead of searching.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from studio.errors import InvalidInput
from studio.formatting import format_eighths
from studio.i18n import _, local_name
from studio.schedule.scene_groups import Scenes
from studio.schedule.timeline import hours


def check_capacity(scenes: Scenes) -> None:
    """Raise InvalidInput naming the first limit no schedule of these scenes can keep."""
    for problem in _problems(scenes):
        raise InvalidInput(problem)


def _problems(scenes: Scenes) -> Iterator[str]:
    """Each of the scenes to place (a reported day's are placed: shot) against the days not reported."""
    limits, board = scenes.board.limits, scenes.board
    open_days = [day for day in scenes.days if not day.reported]
    left = [s for s in scenes.scenes if not scenes.on_reported_day(s)]
    reported = len(open_days) < len(scenes.days)
    if left and not open_days:
        yield _("every shoot day is reported: add shoot days for scene {number} and the others left").format(
            number=left[0].number
        )
        return
    days, eighths = len(open_days), sum(s.eighths for s in left)
    if eighths > limits.eighths * days:
        pages, limit = format_eighths(eighths), format_eighths(limits.eighths * days)
        if reported:
            yield _(
                "the scenes not on a reported day need {pages} pages but the {days} shoot days not reported hold "
                "{limit}: add shoot days or raise the pages per day"
            ).format(pages=pages, days=days, limit=limit)
        else:
            yield _(
                "the scenes need {pages} pages but {days} shoot days hold {limit}: "
                "add shoot days or raise the pages per day"
            ).format(pages=pages, days=days, limit=limit)
    minutes = sum(s.minutes for s in left)
    held = sum(board.shooting_minutes(day) for day in open_days)
    if minutes > held:
        yield _(
            "the scenes need {hours} hours of shooting but {days} shoot days hold {limit} from their shooting calls: "
            "add shoot days or raise the hours per day"
        ).format(hours=minutes // 60, days=days, limit=held // 60)
    shooting = board.shooting_minutes()
    for strip in left:
        if strip.minutes > shooting:
            yield _(
                "scene {number} takes {hours} hours, more than a shoot day's {limit} from its shooting call"
            ).format(number=strip.number, hours=hours(strip.minutes), limit=hours(shooting))
        if not scenes.allowed(strip):
            blockers = (scenes.unavailable(strip, day.date) for day in open_days)
            yield _("scene {number} cannot go on any shoot day: unavailable on each: {names}").format(
                number=strip.number, names=", ".join(sorted(set(filter(None, blockers))))
            )
    yield from _locked_days(scenes)
    yield from _whose_scenes_do_not_fit(scenes, left, open_days)
    yield from _days_no_scene_can_take(scenes, left, open_days)  # the cause, when no one alone is


def _days_no_scene_can_take(scenes: Scenes, left: list, open_days: list) -> Iterator[str]:
    """Days not reported that none of the scenes to place may go on (in each, someone is away), when the
    other days cannot hold the scenes' pages: two leads away on one date leave it empty, which no single
    performer's availability shows."""
    limits = scenes.board.limits
    usable = {d for strip in left for d in scenes.allowed(strip)}
    idle = [d for d, day in enumerate(scenes.days) if not day.reported and d not in usable]
    days, eighths = len(open_days) - len(idle), sum(s.eighths for s in left)
    if not idle or eighths <= limits.eighths * days:
        return
    away = sorted({name for d in idle for strip in left if (name := scenes.unavailable(strip, scenes.days[d].date))})
    yield _(
        "no scene can go on day {numbers}: each has someone away ({names}); the {days} other shoot days hold "
        "{limit} of the {pages} pages the scenes need: add shoot days or change who is away"
    ).format(
        numbers=", ".join(str(scenes.days[d].number) for d in idle),
        names=", ".join(away),
        days=days,
        limit=format_eighths(limits.eighths * days),
        pages=format_eighths(eighths),
    )


def _locked_days(scenes: Scenes) -> Iterator[str]:
    limits = scenes.board.limits
    locked: dict[int, int] = defaultdict(int)
    for strip in scenes.scenes:
        if scenes.locked.get(strip.id) is not None:
            locked[scenes.locked[strip.id]] += strip.eighths
    for d, eighths in sorted(locked.items()):
        if eighths > limits.eighths and not scenes.days[d].reported:  # a reported day is as it was shot
            yield _(
                "Day {day}'s locked scenes have {pages} pages, over the limit of {limit}: unlock some of them"
            ).format(day=scenes.days[d].number, pages=format_eighths(eighths), limit=format_eighths(limits.eighths))


def _whose_scenes_do_not_fit(scenes: Scenes, left: list, open_days: list) -> Iterator[str]:
    """Each performer's and location's scenes to place against the pages and hours of the dates not
    reported they are free on."""
    board, limits = scenes.board, scenes.board.limits
    shooting = board.shooting_minutes()
    dates = sorted({day.date for day in open_days})
    owners: dict[tuple[str, int], list] = defaultdict(list)
    for strip in left:
        for performer_id in strip.cast:
            owners["cast", performer_id].append(strip)
        if strip.location_id is not None:
            owners["location", strip.location_id].append(strip)
    for (kind, owner_id), strips in owners.items():
        owner = board.cast[owner_id] if kind == "cast" else board.places[owner_id]
        free = sum(1 for date in dates if date not in owner.unavailable)
        eighths, minutes = sum(s.eighths for s in strips), sum(s.minutes for s in strips)
        name = local_name(owner.name, owner.name_zh)
        if eighths > limits.eighths * free:
            yield _(
                "{name}'s scenes need {days} shoot days at {pages} pages a day; {name} is available on {free}"
            ).format(name=name, days=-(-eighths // limits.eighths), pages=format_eighths(limits.eighths), free=free)
        elif minutes > shooting * free:
            yield _(
                "{name}'s scenes need {days} shoot days at {hours} hours of shooting a day; "
                "{name} is available on {free}"
            ).format(name=name, days=-(-minutes // shooting), hours=hours(shooting), free=free)
