"""``kiosk run`` as a process: the library system opens behind the idle screen, and one that
cannot be opened still ends the program with its one line and exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
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


def test_kiosk_run_serves_health_and_metrics_tells_systemd_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    import json
    import signal
    import socket
    import time
    import urllib.request

    from kiosk.ils.embedded.seed import fixture_database

    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    fixture_database(url, datetime.now(UTC)).dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[monitoring]\nenabled = true\nport = {port}\n\n[offline]\njournal = "{tmp_path / "j"}"\n'
        "\n[accessibility]\nsounds = false\n",
        encoding="utf-8",
    )
    notify = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(notify))
        systemd.settimeout(30)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": str(notify)}
        command = [sys.executable, "-m", "kiosk", "run", "--demo", "--config", str(config)]
        kiosk = subprocess.Popen(
            [*command, "--db", url, "--log-json"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert systemd.recv(256).startswith(b"READY=1")
            deadline = time.monotonic() + 30
            while True:  # the library system opens behind the idle screen
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
                    metrics = r.read().decode()
                if "kiosk_ils_up 1.0" in metrics or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            assert "kiosk_ils_up 1.0" in metrics
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                assert r.status == 200 and json.loads(r.read())["status"] == "ok"
            kiosk.send_signal(signal.SIGTERM)  # systemctl stop
            assert kiosk.wait(30) == 0
            assert systemd.recv(256) == b"STOPPING=1"
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
                kiosk.wait(10)
            _, err = kiosk.communicate()
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert any(r["message"] == "library system opened" for r in records), err[-2000:]
