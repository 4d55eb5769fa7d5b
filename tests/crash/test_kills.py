"""Crash safety: real processes killed (SIGKILL) at random moments while they import a script, re-import
a revision, undo an import, schedule, edit the budget and export. Afterwards every database passes
SQLite's integrity and foreign-key checks, opens in the app, and holds each operation whole or not at
all; every export under its final name is the old file or the complete new one.

The work is done by tests/crash/harness.py in a subprocess (fork and SIGKILL stay out of pytest's
process); CLIFFHANGER_KILLS sets how many kills (default 110), e.g. CLIFFHANGER_KILLS=1000 for a long run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crash.harness import DEFAULT_KILLS

ROOT = Path(__file__).resolve().parents[2]
SEED = 20270111

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/fd").is_dir(),
    reason="needs fork and /proc (Linux)",
)


def test_killed_operations_leave_sound_databases_whole_operations_and_whole_exports(demo_template, tmp_path):
    kills = int(os.environ.get("CLIFFHANGER_KILLS", DEFAULT_KILLS))
    command = [sys.executable, "-m", "tests.crash.harness", "--seed", str(SEED), "--kills", str(kills)]
    command += ["--demo", str(demo_template)]
    result = subprocess.run(
        [*command, "--keep", str(tmp_path / "crash")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300 + 3 * kills,
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    summary = json.loads(result.stdout)
    problems = json.dumps(summary["failures"], indent=2)[:5000]

    assert summary["kills"] == kills
    assert summary["corrupt"] == 0, problems
    assert summary["partial"] == 0, problems
    assert summary["bad_exports"] == 0, problems
    assert summary["child_errors"] == 0, problems
    assert result.returncode == 0, result.stderr[-3000:]

    # Every kind of operation had its share of kills, and many landed while it wrote (a transaction
    # with rows written and not yet committed, a commit under way, an export's file being written)
    for name, group in summary["groups"].items():
        assert group["kills"] >= 0.13 * kills, (name, group)
        assert group["during_a_write"] >= 0.02 * kills, (name, group)
    assert summary["during_a_write"] >= 0.3 * kills, summary["landed"]
    # some kills left an operation undone, some left it done, some stopped a sequence of edits between two
    outcomes = summary["outcomes"]
    assert min(outcomes.get("none", 0), outcomes.get("all", 0)) >= 0.05 * kills and outcomes.get("some"), outcomes

    # ... and the checks catch what they look for: an operation deliberately committed in two steps,
    # an export deliberately written in place
    controls = summary["controls"]
    assert controls["control_two_commits"]["partial"] >= 1, controls
    assert controls["control_export_in_place"]["bad_exports"] >= 1, controls
