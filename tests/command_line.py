"""The command line as a user runs it: `python main.py …`, its output, errors and exit status.

`run` calls main.main in this test process, its output captured, so the suite pays Python's and the
studio's start-up once rather than once per command (a second each). What it cannot show — the
process itself: its start-up imports, a signal, a lock held until exit — `run_process` shows, a real
`python main.py` in a process of its own, for the tests about exactly that.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`main.py ARGS` run here; a CompletedProcess as a process would give (the language reset after)."""
    import main
    from studio import i18n

    out, err = io.StringIO(), io.StringIO()
    language = i18n._language[0]
    with contextlib.chdir(cwd or os.getcwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main.main(list(args))
        except SystemExit as exit_:  # argparse's refusals and --help
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
        finally:
            i18n.set_language(language)
    return subprocess.CompletedProcess(["main.py", *args], code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python main.py ARGS` in a process of its own."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def assert_one_clear_line(result: subprocess.CompletedProcess, fragment: str, code: int = 2) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr
