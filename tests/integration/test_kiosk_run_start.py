"""``kiosk run`` as a process: the library system opens behind the idle screen, and one that
cannot be opened still ends the program with its one line and exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _kiosk_run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_a_database_nobody_initialised_ends_kiosk_run_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.sqlite"
    done = _kiosk_run("--db", f"sqlite:///{missing}", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("kiosk run: the library database")
    assert "is not initialised" in lines[-1] and "kiosk library init" in lines[-1]
    assert "Traceback" not in done.stderr
    assert not missing.exists()  # looking did not create an empty database


def test_a_database_url_that_is_no_url_ends_kiosk_run_naming_the_setting(tmp_path: Path) -> None:
    done = _kiosk_run("--db", "no url at all", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("kiosk run: ") and "[ils] url" in last
    assert "Traceback" not in done.stderr
