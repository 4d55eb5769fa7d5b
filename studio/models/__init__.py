"""All tables. Importing this package registers every table on `SQLModel.metadata`."""

from sqlmodel import SQLModel

from studio.models.adaptation import OriginalScene, SceneAdaptation
from studio.models.breakdown import BreakdownCategory, BreakdownElement, SceneElement
from studio.models.budget import (
    BudgetAccount,
    BudgetGlobal,
    BudgetLine,
    BudgetLineFringe,
    BudgetVersion,
    CostEntry,
    Currency,
    ExchangeRate,
    Fringe,
)
from studio.models.callsheet import CallSheet, CallTime, SentCallSheet
from studio.models.day_report import DayReport, DayReportNote, DayReportScene, DayReportTime
from studio.models.people import (
    Availability,
    CastAssignment,
    CrewMember,
    Department,
    OvertimeRule,
    Performer,
    PerformerDay,
)
from studio.models.places import FilmSet, Location, LocationDrive
from studio.models.production import Character, Episode, Production, Scene, SceneCharacter, ScriptRevision
from studio.models.schedule import ShootDay, Strip

metadata = SQLModel.metadata

__all__ = [
    "Availability",
    "BreakdownCategory",
    "BreakdownElement",
    "BudgetAccount",
    "BudgetGlobal",
    "BudgetLine",
    "BudgetLineFringe",
    "BudgetVersion",
    "CallSheet",
    "CallTime",
    "CastAssignment",
    "Character",
    "CostEntry",
    "Currency",
    "CrewMember",
    "DayReport",
    "DayReportNote",
    "DayReportScene",
    "DayReportTime",
    "Department",
    "Episode",
    "ExchangeRate",
    "FilmSet",
    "Fringe",
    "Location",
    "LocationDrive",
    "OriginalScene",
    "OvertimeRule",
    "Performer",
    "PerformerDay",
    "Production",
    "Scene",
    "SceneAdaptation",
    "SceneCharacter",
    "SceneElement",
    "ScriptRevision",
    "SentCallSheet",
    "ShootDay",
    "Strip",
    "metadata",
]
