"""``kiosk run`` as a process with settings that are wrong, corrected, and reloaded (issue 7,
section 6: a corrupt configuration is named by file, line and key, and the kiosk stays out of
service rather than starting wrong; issue 7, section 3: reload and restart).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest


@pytest.fixture
def library_url(tmp_path: Path) -> str:
    from kiosk.ils.embedded.seed import fixture_database

    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    fixture_database(url, datetime.now(UTC)).dispose()
    return url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _good(tmp_path: Path, port: int) -> str:
    return (
        f'[monitoring]\nenabled = true\nport = {port}\n\n[offline]\njournal = "{tmp_path / "j"}"\n'
        f'\n[staff]\naudit = "{tmp_path / "audit.sqlite"}"\n'
        "\n[accessibility]\nsounds = false\n"
    )


_KIOSK_RUN = (sys.executable, "-m", "kiosk", "run", "--demo")


class Kiosk:
    """``kiosk run`` in a child process, its stderr read as it comes."""

    def __init__(self, config: Path, url: str, cwd: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("NOTIFY_SOCKET", None)
        self.process = subprocess.Popen(
            [*_KIOSK_RUN, "--config", str(config), "--db", url],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, part: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if part in line:
                    return line
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no line with {part!r}; stderr:\n" + "\n".join(self.lines[-30:]))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._reader.join(10)
        if self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture
def start(tmp_path: Path, library_url: str) -> Iterator[object]:
    started: list[Kiosk] = []

    def go(config: Path) -> Kiosk:
        kiosk = Kiosk(config, library_url, tmp_path)
        started.append(kiosk)
        return kiosk

    yield go
    for kiosk in started:
        kiosk.stop()


def _health(port: int, timeout: float = 40) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                return dict(json.loads(r.read()))
        except urllib.error.HTTPError as exc:  # 503 while starting or failing: look again
            body = dict(json.loads(exc.read()))
            if time.monotonic() > deadline:
                return body
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def _wait_ok(port: int, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    status: object = None
    while time.monotonic() < deadline:
        try:
            status = _health(port, timeout=deadline - time.monotonic()).get("status")
        except OSError:
            status = None
        if status == "ok":
            return
        time.sleep(0.3)
    raise AssertionError(f"/healthz on {port} never said ok (last: {status})")


def test_a_broken_settings_file_keeps_the_kiosk_out_of_service_until_it_is_corrected(
    tmp_path: Path, start: object
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nlanguage = 'nl'\n\n[staff]\ntimeout = 5\n", encoding="utf-8")
    kiosk = start(config)  # type: ignore[operator]
    line = kiosk.wait_for_line("out of service until it is corrected")
    assert f"{config}:5: [staff] timeout: must be 15 to 3600 seconds" in line
    time.sleep(2)
    assert kiosk.process.poll() is None  # it stays, out of service: no exit, no restart loop
    assert "Traceback" not in "\n".join(kiosk.lines)

    port = _free_port()
    config.write_text(_good(tmp_path, port), encoding="utf-8")  # staff correct the file
    kiosk.wait_for_line("kiosk run: restarting")
    _wait_ok(port)
    assert kiosk.process.poll() is None  # the same process, started anew


def test_sighup_keeps_the_settings_when_the_file_is_broken_and_takes_good_new_ones(
    tmp_path: Path, start: object
) -> None:
    config = tmp_path / "kiosk.toml"
    first = _free_port()
    config.write_text(_good(tmp_path, first), encoding="utf-8")
    kiosk = start(config)  # type: ignore[operator]
    _wait_ok(first)

    config.write_text(_good(tmp_path, first) + "\n[codes]\nnonsense = 1\n", encoding="utf-8")
    kiosk.process.send_signal(signal.SIGHUP)
    line = kiosk.wait_for_line("the kiosk keeps its settings")
    assert "[codes]" in line
    _wait_ok(first)  # still serving, as it was
    assert not any("restarting" in x for x in kiosk.lines)

    second = _free_port()
    config.write_text(_good(tmp_path, second), encoding="utf-8")
    kiosk.process.send_signal(signal.SIGHUP)
    kiosk.wait_for_line("kiosk run: restarting")
    _wait_ok(second)  # the new settings are the kiosk's now
    assert kiosk.process.poll() is None


def test_settings_that_fail_only_their_rules_do_not_restart_the_kiosk_in_a_loop(
    tmp_path: Path, start: object
) -> None:
    # The file reads, but the code rules built from it before the UI starts do not: the watch
    # of the file must see that too, or it would restart the kiosk into the same error.
    config = tmp_path / "kiosk.toml"
    config.write_text("[codes]\nnonsense = 1\n", encoding="utf-8")
    kiosk = start(config)  # type: ignore[operator]
    line = kiosk.wait_for_line("out of service until it is corrected")
    assert "[codes]" in line
    time.sleep(2 * 3.0 + 1)  # two looks at the file (CONFIG_WATCH_MS)
    assert kiosk.process.poll() is None
    assert not any("restarting" in x for x in kiosk.lines)
