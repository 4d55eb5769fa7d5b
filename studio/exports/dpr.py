"""The daily production report as a document, in English, Chinese or both (headings "Crew call / 剧组集合",
names in the document's language): the unit's times, the scenes and where the shoot stands, the time
report of the cast, the crew and the background (hours, overtime, late meals, rest), the hot cost
against the plan and the estimated final cost, and the notes. It is gathered once into titled tables
(`DprDocument`); dpr_pdf lays them out on pages, dpr_xlsx on sheets, where the hot cost's variances and
totals are formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from studio import vocabulary
from studio.day_reports.clock import clock, duration
from studio.day_reports.facts import CREW
from studio.day_reports.final_cost import FinalCost, final_cost
from studio.day_reports.reading import DEPARTMENT, SCREEN_SECONDS_PER_EIGHTH, SceneRow, TimeRow, shift_of
from studio.day_reports.summary import DaySummary, ahead_or_behind, day_summary
from studio.errors import UserError
from studio.exports.contacts import Translate, translator
from studio.exports.names import named
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models.enums import DelayReason, ReportNoteKind, SceneOutcome
from studio.productions import get_production

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headings: list[str]
    rows: list[list[Cell]]
    money: tuple[int, ...] = ()  # the columns holding money (Decimal, in the document's currency)
    widths: tuple[float, ...] = ()  # each column's share of a page's width
    # In a workbook, formulas: the row summing the rows above it, the column of each row's last two
    # money columns' difference
    total_row: int | None = None
    variance_column: int | None = None
    note: str = ""  # under the title: what the figures are, where a heading cannot say it


@dataclass(frozen=True)
class DprDocument:
    title: str
    company: str
    document: str
    day: str  # "Day 2 of 9 · 2027-01-12"
    generated: str
    page: str  # with a {number} placeholder
    currency: str
    tables: list[Table]

    def texts(self) -> Iterator[str]:
        """Every piece of text it holds (to choose fonts)."""
        yield from (self.title, self.company, self.document, self.day, self.generated, self.page)
        for table in self.tables:
            yield from (table.title, table.note)
            yield from table.headings
            yield from (cell for row in table.rows for cell in row if isinstance(cell, str))


def write_dpr(session: Session, production_id: int, shoot_day_id: int, target: Path, lang: str = "en") -> Path:
    """Write a reported day's production report as PDF or xlsx, chosen by the file's suffix."""
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError(
            _("cannot write a production report as {name}: choose a file ending in .pdf or .xlsx").format(
                name=target.name
            )
        )
    summary = day_summary(session, production_id, shoot_day_id)
    cost = final_cost(session, production_id, summary.currency)
    production = get_production(session, production_id)
    document = dpr_document(summary, cost, (production.title, production.title_zh, production.company), lang)
    if suffix == ".pdf":
        from studio.exports.dpr_pdf import write_pdf

        return write_pdf(document, target)
    from studio.exports.dpr_xlsx import write_xlsx

    return write_xlsx(document, target)


def dpr_document(
    summary: DaySummary, cost: FinalCost, production: tuple[str, str, str], lang: str, today: dt.date | None = None
) -> DprDocument:
    _ = translator(lang)  # named so for extraction into the catalogue
    title, title_zh, company = production
    day = summary.day
    return DprDocument(
        title=named(lang, title, title_zh),
        company=company,
        document=_("Daily production report"),
        day=_("Day {number} of {count} · {date}").format(
            number=day.number, count=summary.day_count, date=day.date.isoformat()
        ),
        generated=f"{_('Generated')} {(today or dt.date.today()).isoformat()}",
        page=_("Page {number}"),
        currency=summary.currency,
        tables=[
            _times(summary, _),
            _scenes(summary, lang, _),
            _standing(summary, _),
            *_people(summary, lang, _),
            _hot_cost(summary, cost, _),
            _notes(summary, lang, _),
        ],
    )


def _times(summary: DaySummary, _: Translate) -> Table:
    day = summary.day
    shown = [
        ("crew_call", _("Crew call")),
        ("shooting_call", _("Shooting call")),
        ("first_shot", _("First shot")),
        ("lunch", _("Lunch")),
        ("first_shot_after_lunch", _("First shot after lunch")),
        ("second_meal", _("Second meal")),
        ("camera_wrap", _("Camera wrap")),
        ("last_out", _("Last person out")),
    ]
    meals = {"lunch": day.lunch, "second_meal": day.second_meal}
    row = [str(meals[key]) if key in meals and meals[key] else clock(day.times.get(key)) for key, _label in shown]
    return Table("times", _("Times"), [label for _key, label in shown], [row])


def _outcome(outcome: str, _: Translate) -> str:
    return {
        SceneOutcome.COMPLETED.value: _("Completed"),
        SceneOutcome.PARTIAL.value: _("Partly shot"),
        SceneOutcome.NOT_SHOT.value: _("Not shot"),
    }[outcome]


def _scenes(summary: DaySummary, lang: str, _: Translate) -> Table:
    rows: list[list[Cell]] = []
    for scene in summary.day.scenes:
        remarks = scene.remarks if scene.planned else " ".join(filter(None, [_("Added"), scene.remarks]))
        rows.append(
            [
                scene.number,
                scene.episode,
                named(lang, scene.set_name, scene.set_name_zh),
                format_eighths(scene.eighths),
                _outcome(scene.outcome, _),
                format_eighths(scene.shot_eighths) if scene.shot_eighths else "",
                _screen_time(scene),
                scene.setups,
                remarks,
            ]
        )
    shot = summary.shot
    rows.append(
        [
            _("Total"),
            None,
            _("{completed} completed, {partial} partly shot, {not_shot} not shot, {added} added").format(
                completed=shot.completed, partial=shot.partial, not_shot=shot.not_shot, added=shot.added
            ),
            format_eighths(sum(scene.eighths for scene in summary.day.scenes if scene.planned)),
            "",
            format_eighths(shot.shot.eighths),
            _shown_total(summary.day.scenes, shot.shot.seconds),
            shot.setups,
            "",
        ]
    )
    headings = [
        _("Scene"),
        _("Episode"),
        _("Set"),
        _("Pages"),
        _("Outcome"),
        _("Pages shot"),
        _("Screen time"),
        _("Setups"),
        _("Remarks"),
    ]
    return Table(
        "scenes",
        _("The day's scenes"),
        headings,
        rows,
        widths=(0.7, 0.6, 2.2, 0.6, 1.0, 0.7, 0.8, 0.6, 2.2),
        note=_("Screen time marked ≈ is estimated, at about a minute a page shot, where none was entered."),
    )


def _shown_total(scenes: list[SceneRow], seconds: int) -> str:
    """The day's screen time, ≈ when a scene shot has none entered."""
    estimated = any(scene.shot_eighths and scene.screen_seconds is None for scene in scenes)
    return f"{'≈' if estimated else ''}{duration(seconds)}"


def _screen_time(scene: SceneRow) -> str:
    """The screen time entered, else ≈ an estimate from the pages shot (m:ss)."""
    if scene.screen_seconds is not None:
        return duration(scene.screen_seconds)
    if not scene.shot_eighths:
        return ""
    return f"≈{duration(int(scene.shot_eighths * SCREEN_SECONDS_PER_EIGHTH))}"


def _standing(summary: DaySummary, _: Translate) -> Table:
    standing = summary.standing
    rows = [
        [label, count.scenes, format_eighths(count.eighths), duration(count.seconds)]
        for label, count in (
            (_("Planned to date"), standing.planned_to_date),
            (_("Shot to date"), standing.shot_to_date),
            (_("Left to shoot"), standing.remaining),
        )
    ]
    rows.append([_("Against the plan"), None, ahead_or_behind(standing.ahead_eighths, _), ""])
    headings = [_("The shoot"), _("Scenes"), _("Pages"), _("Screen time")]
    return Table("standing", _("The shoot to date"), headings, rows)


def _people(summary: DaySummary, lang: str, _: Translate) -> list[Table]:
    """The time report: the cast, the crew (by department, or one of them), the background."""
    headings = [
        _("Name"),
        _("Role"),
        _("Count"),
        _("Call"),
        _("Makeup"),
        _("On set"),
        _("Meals"),
        _("Wrap"),
        _("Out"),
        _("Travel"),
        _("Hours"),
        _("Overtime hours"),
        _("Late meals"),
        _("Rest"),
        _("Overtime"),
        _("Penalties"),
    ]
    groups = {"cast": [], "crew": [], "background": []}
    for row in summary.day.rows:
        group = {"cast": "cast", "background": "background"}.get(row.kind, "crew")
        groups[group].append(_person(summary, row, lang, _))
    titles = {"cast": _("Cast"), "crew": _("Crew"), "background": _("Background")}
    # each heading's longest word fits its column (Makeup, 7 pt bold, wants 0.65 of 12.25)
    widths = (1.9, 1.4, 0.5, 0.55, 0.65, 0.55, 1.1, 0.55, 0.55, 0.5, 0.55, 0.7, 0.6, 0.55, 0.8, 0.8)
    return [
        Table(key, titles[key], headings, rows, money=(14, 15), widths=widths) for key, rows in groups.items() if rows
    ]


def _person(summary: DaySummary, row: TimeRow, lang: str, _: Translate) -> list[Cell]:
    pays = summary.pays_of(row)
    first = pays[0] if pays else None
    shift = shift_of(row, summary.day)
    meals = shift.meals_taken() if shift else []  # the unit's outside their own day were not theirs
    detail_zh = row.detail_zh or (vocabulary.chinese("positions", row.detail) if row.kind == CREW else "")
    role = named(lang, row.detail, detail_zh)
    count = len(pays) if row.kind == DEPARTMENT else row.count
    end = row.end if row.end is not None else summary.day.times["camera_wrap"]
    return [
        named(lang, row.name, row.name_zh),
        role if row.kind != DEPARTMENT else _("Department"),
        count,
        clock(row.call) if row.call is not None else _("Held"),
        clock(row.makeup),
        clock(row.on_set),
        ", ".join(str(meal) for meal in meals),
        clock(row.wrap) if row.wrap is not None else "",
        clock(end) if row.call is not None else "",
        duration(row.travel) if row.travel else "",
        duration(first.worked_minutes) if first and row.call is not None else "",
        duration(first.overtime_minutes) if first and first.overtime_minutes else "",
        len(first.late_meals) if first and first.late_meals else None,
        duration(first.rest_minutes) if first and first.rest_minutes is not None else "",
        sum((pay.overtime for pay in pays), Decimal(0)),
        sum((pay.penalties for pay in pays), Decimal(0)),
    ]


def _hot_cost(summary: DaySummary, cost: FinalCost, _: Translate) -> Table:
    names = {
        "cast": _("Cast"),
        "crew": _("Crew"),
        "background": _("Background"),
        "locations": _("Locations"),
        "company_moves": _("Company moves"),
        "overtime": _("Overtime"),
        "penalties": _("Penalties"),
    }
    rows: list[list[Cell]] = [[names[name], planned, actual] for name, planned, actual, _v in summary.hot.rows()[:-1]]
    rows.append([_("Total"), summary.hot.planned.total, summary.hot.actual.total])
    standing = summary.standing
    rows.append([_("The shoot to date"), standing.planned_cost, standing.actual_cost])
    measured = (
        _("Estimated final cost (approved budget: {version}; at completion)").format(version=cost.approved.name)
        if cost.approved
        else _("Estimated final cost (budget, at completion)")
    )
    rows.append([measured, cost.total.budget, cost.total.at_completion])
    currency = summary.currency
    headings = [
        _("Hot cost"),
        _("Planned ({currency})").format(currency=currency),
        _("Actual ({currency})").format(currency=currency),
        _("Variance ({currency})").format(currency=currency),
    ]
    rows = [[*row, row[2] - row[1]] for row in rows]
    return Table(
        "hot_cost", _("Hot cost"), headings, rows, (1, 2, 3), (3, 1, 1, 1), total_row=len(names), variance_column=3
    )


def _notes(summary: DaySummary, lang: str, _: Translate) -> Table:
    kinds = {
        ReportNoteKind.DELAY.value: _("Delay"),
        ReportNoteKind.INCIDENT.value: _("Incident"),
        ReportNoteKind.DEPARTMENT.value: _("Department"),
    }
    reasons = {
        DelayReason.WEATHER.value: _("Weather"),
        DelayReason.TALENT.value: _("Talent"),
        DelayReason.EQUIPMENT.value: _("Equipment"),
        DelayReason.LOCATION.value: _("Location"),
        DelayReason.OTHER.value: _("Other"),
    }
    rows: list[list[Cell]] = [
        [
            kinds[note.kind],
            reasons.get(note.reason, ""),
            duration(note.minutes) if note.minutes else "",
            named(lang, note.department, note.department_zh),
            note.text,
        ]
        for note in summary.day.remarks
    ]
    if summary.day.notes:
        rows.append([_("Notes"), "", "", "", summary.day.notes])
    # Each language in turn on a report in both: an age reads differently in each.
    said = [summary.minors(one, translator(one)) for one in lang.split("+")]
    rows += [[_("Minors"), "", "", "", " / ".join(problem)] for problem in zip(*said, strict=True)]
    headings = [_("Kind"), _("Reason"), _("Time lost"), _("Department"), _("Note")]
    return Table("notes", _("Notes"), headings, rows, widths=(1, 1, 0.8, 1.2, 6))
