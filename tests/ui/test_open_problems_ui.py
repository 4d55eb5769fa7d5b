"""What the window says when a file will not open: the reason as the domain words it, and a button for
each way forward it allows."""

from __future__ import annotations

import pytest

from studio.errors import DatabaseDamaged
from studio.storage.backups import take_backup
from studio.storage.db import open_database
from tests.studio.test_value_check import HOSTILE, written_by_another_program
from ui.open_problems import way_forward_box


def test_a_file_holding_a_value_we_never_write_names_it_and_offers_its_backups(qapp, demo_path):
    """Before, it opened, and the budget page failed with an internal error storing the line it overflowed."""
    take_backup(demo_path, "manual")
    statement, named = HOSTILE["an integer beyond 64 bits, kept as REAL"]
    written_by_another_program(demo_path, statement)
    with pytest.raises(DatabaseDamaged) as refused:
        open_database(demo_path)
    chosen = []
    box = way_forward_box(
        None,
        refused.value,
        demo_path,
        open_read_only=lambda: chosen.append("read-only"),
        restore=lambda: chosen.append("restore"),
        try_again=lambda: chosen.append("again"),
    )
    assert named in box.text()
    (restore,) = [button for button in box.buttons() if button.text() == "Restore from Backup…"]
    restore.click()
    assert chosen == ["restore"]
