"""Closed vocabularies, stored as their string values (portable: no native enum types)."""

from enum import StrEnum

# A scene heading's words, stored as a script states them: the parsers' own vocabulary, kept where reading
# a script needs no database (`script align` on two files never loads the tables).
from studio.scripts.elements import IntExt, TimeOfDay  # noqa: F401


class RevisionState(StrEnum):
    NEW = "NEW"
    UNCHANGED = "UNCHANGED"
    CHANGED = "CHANGED"
    OMITTED = "OMITTED"


class ScriptSide(StrEnum):
    """Which of a show's two scripts: the English shooting script (the scenes) or the original it adapts."""

    SHOOTING = "SHOOTING"
    ORIGINAL = "ORIGINAL"


class AdaptationStatus(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    TRANSLATED = "TRANSLATED"
    ADAPTED = "ADAPTED"
    APPROVED = "APPROVED"


class UnionStatus(StrEnum):
    SAG_AFTRA = "SAG-AFTRA"
    NON_UNION = "NON-UNION"
    OTHER = "OTHER"


class RateBasis(StrEnum):
    DAY = "DAY"
    DAY_12H = "12H_DAY"
    WEEK = "WEEK"
    HOUR = "HOUR"
    FLAT = "FLAT"


class ShootDayKind(StrEnum):
    SHOOT = "SHOOT"
    OFF = "OFF"
    HOLIDAY = "HOLIDAY"
    TRAVEL = "TRAVEL"


class PerformerDayKind(StrEnum):
    TRAVEL = "TRAVEL"
    REHEARSAL = "REHEARSAL"
    FITTING = "FITTING"


class StripKind(StrEnum):
    SCENE = "SCENE"
    BANNER = "BANNER"


class AccountGroup(StrEnum):
    ABOVE_THE_LINE = "ATL"
    BELOW_THE_LINE = "BTL"
    POST = "POST"
    OTHER = "OTHER"
    TOTALS = "TOTALS"


class LineUnit(StrEnum):
    DAY = "DAY"
    WEEK = "WEEK"
    HOUR = "HOUR"
    FLAT = "FLAT"
    ALLOW = "ALLOW"
    EPISODE = "EPISODE"


class FringeKind(StrEnum):
    PERCENT = "PERCENT"
    FLAT = "FLAT"


class FringeScope(StrEnum):
    """Which schedule-linked pay lines a fringe goes on by itself."""

    NONE = ""
    WAGES = "wages"
    UNION = "union"


class CostStatus(StrEnum):
    COMMITTED = "COMMITTED"
    PAID = "PAID"


class SceneOutcome(StrEnum):
    """What became of a scene on a reported day."""

    COMPLETED = "COMPLETED"
    PARTIAL = "PARTIAL"
    NOT_SHOT = "NOT_SHOT"


class ReportNoteKind(StrEnum):
    DELAY = "DELAY"
    INCIDENT = "INCIDENT"
    DEPARTMENT = "DEPARTMENT"


class DelayReason(StrEnum):
    WEATHER = "WEATHER"
    TALENT = "TALENT"
    EQUIPMENT = "EQUIPMENT"
    LOCATION = "LOCATION"
    OTHER = "OTHER"


class SmtpSecurity(StrEnum):
    """How the connection to a mail server is protected: STARTTLS on the submission port (587), TLS from
    the start (465), or nothing (a local relay)."""

    STARTTLS = "STARTTLS"
    SSL = "SSL"
    NONE = "NONE"
