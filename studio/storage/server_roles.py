"""Who may see what on a team's PostgreSQL server, enforced by the server itself (grants), not by
hiding widgets: rates and budgets are confidential.

Two group roles: `cliffhanger_producer` reads and writes everything; `cliffhanger_crew` reads the
schedule, the script, people and places, call sheets — every column but money (the `*_minor` columns:
day rates, fees, per diems) — and nothing of the budget, the pay rules or the exchange rates. An
administrator runs `server-roles` once per database, then gives each person a login in one of them.
"""

from __future__ import annotations

from sqlalchemy import text

from studio.errors import UserError
from studio.i18n import _
from studio.models import metadata
from studio.storage.db import Database
from studio.storage.withheld import is_money

PRODUCER, CREW = "cliffhanger_producer", "cliffhanger_crew"
CONFIDENTIAL_TABLES = frozenset(
    {
        "budget_account",
        "budget_global",
        "budget_line",
        "budget_line_fringe",
        "budget_version",
        "cost_entry",
        "exchange_rate",
        "fringe",
        "overtime_rule",
    }
)


def crew_columns() -> dict[str, list[str]]:
    """The columns the crew may read, table by table."""
    return {
        table.name: [column.name for column in table.columns if not is_money(column)]
        for table in metadata.sorted_tables
        if table.name not in CONFIDENTIAL_TABLES
    }


def set_up_roles(database: Database) -> dict[str, list[str]]:
    """Create the two roles (if missing) and grant them what they may do on this database; run again
    after an upgrade adds tables. Returns the crew's readable columns."""
    if database.engine.dialect.name != "postgresql":
        raise UserError(_("roles are kept by a PostgreSQL server; a database file is one person's"))
    readable = crew_columns()
    with database.transaction() as session:
        for role in (PRODUCER, CREW):
            session.execute(  # role names are this module's constants, never user text
                text(
                    f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
                    f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
                )
            )
            session.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
            session.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}"))
            session.execute(text(f"GRANT SELECT ON alembic_version TO {role}"))
        session.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {PRODUCER}"))
        session.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {PRODUCER}"))
        for table, columns in readable.items():
            session.execute(text(f"GRANT SELECT ({', '.join(_quoted(c) for c in columns)}) ON {table} TO {CREW}"))
    return readable


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
