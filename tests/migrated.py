"""A database taken back to an older revision by the migrations' own downgrades, as a file or a server
made by an older Cliffhanger would be (tests of upgrading one)."""

from __future__ import annotations

from pathlib import Path

from studio.storage import migrations
from studio.storage.db import MIGRATIONS_DIR, make_engine


def downgraded(target: Path | str, revision: str) -> None:
    """`target`: a SQLite file's path or a server's URL."""
    from alembic import command

    url = str(target) if "://" in str(target) else f"sqlite:///{target}"
    engine = make_engine(url, foreign_keys=False) if url.startswith("sqlite") else make_engine(url)
    cfg = migrations.config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)
    engine.dispose()
