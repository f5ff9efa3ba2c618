"""Monitoring on the real UI: ``/metrics`` and ``/healthz`` over HTTP on 127.0.0.1, and
systemd's readiness and watchdog on a notification socket of the test's own.

A kiosk over the fake library (timed by the metered wrapper, inside the offline wrapper, as
``kiosk run`` builds it) serves a member who borrows one item and scans one the library does
not know. The metrics count them, by reason; ``/healthz`` says ok. The library system goes
away: ``/healthz`` says degraded and the kiosk offline. The GUI thread stalls for three seconds:
``/healthz`` says failing, and no watchdog ping reaches systemd meanwhile.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeLibrary, Fixture, GuiDriver, Plug, _make_ui
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader, FakeScanner
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ils.metered import MeteredLibrary
from kiosk.ils.offline import Journal, OfflineLibrary
from kiosk.ops.monitoring import Monitor
from kiosk.ops.systemd import Notifier
from kiosk.ui.app import UiSettings
from kiosk.ui.operations import Operations

UNKNOWN_ITEM = "3100000000999"


class Systemd:
    """A notification socket, as systemd's: what the kiosk tells it, with the time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self.heard: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.heard.append((time.monotonic(), data.decode()))

    def said(self, line: str) -> list[float]:
        return [t for t, text in self.heard if line in text.splitlines()]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def monitored(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library: FakeLibrary, devices: DeviceSet, clock: ManualClock, tmp_path
) -> Iterator[tuple[GuiDriver, Plug, Operations, Systemd]]:
    systemd = Systemd(tmp_path / "notify.sock")
    notifier = Notifier(
        {"NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "1000000"}  # a ping each 0.5 s
    )
    monitor = Monitor(stall_after=2.0)
    plug = Plug(library)
    journal = Journal(tmp_path / "journal.sqlite")
    kiosk_library = OfflineLibrary(
        MeteredLibrary(plug, monitor.observe_ils),  # type: ignore[arg-type]
        journal,
        clock,
        location="DAL",
    )
    settings = UiSettings(timeouts=Timeouts(), tick_ms=50, status_every=30)
    ui = _make_ui(qtbot, kiosk_library, devices, clock, settings=settings)  # type: ignore[arg-type]
    ops = Operations(
        ui, kiosk_library, monitor=monitor, port=0, offline_possible=True, notifier=notifier
    )
    try:
        yield GuiDriver(qtbot, ui), plug, ops, systemd
    finally:
        library.release()
        ops.close()
        ui.close()
        journal.close()
        systemd.close()


def test_metrics_and_health_tell_how_the_kiosk_is_doing(
    monitored: tuple[GuiDriver, Plug, Operations, Systemd],
    reader: FakeCardReader,
    scanner: FakeScanner,
    person: Fixture,
    clock: ManualClock,
) -> None:
    gui, plug, ops, systemd = monitored
    assert ops.server is not None
    base = f"http://127.0.0.1:{ops.server.port}"
    gui.wait_screen("idle")
    gui.wait_until(lambda: systemd.said("READY=1") != [], what="READY=1")

    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1, what="lent")
    scanner.scan(UNKNOWN_ITEM)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 2, what="refused")
    gui.tap("doneButton")
    gui.wait_screen("receipt")
    gui.tap("receiptNo")
    gui.wait_screen("goodbye")

    status, text = _get(f"{base}/metrics")
    assert status == 200
    lines = set(text.splitlines())
    assert "kiosk_items_checked_out_total 1.0" in lines
    assert 'kiosk_sessions_ended_total{how="done"} 1.0' in lines
    assert 'kiosk_failures_total{reason="item_unknown"} 1.0' in lines
    assert 'kiosk_ils_latency_seconds_count{operation="check_out"} 2.0' in lines
    assert "kiosk_ils_up 1.0" in lines and "kiosk_offline 0.0" in lines
    assert "kiosk_journal_depth 0.0" in lines
    assert 'kiosk_printer_paper{state="ok"} 1.0' in lines
    assert person.card not in text and person.given not in text  # P12: nothing of anyone

    status, text = _get(f"{base}/healthz")
    assert status == 200 and json.loads(text)["status"] == "ok"
    assert _get(f"{base}/nothing")[0] == 404

    # The library system goes away: the kiosk carries on offline, and says so.
    plug.plugged = False
    clock.advance(Timeouts().goodbye + 31)  # goodbye over; the status check between sessions
    gui.wait_until(lambda: "kiosk_offline 1.0" in _get(f"{base}/metrics")[1], what="offline")
    status, text = _get(f"{base}/healthz")
    health = json.loads(text)
    assert status == 200 and health["status"] == "degraded"
    assert (
        health["offline"] is True and "the library system cannot be reached" in health["problems"]
    )


def test_a_stalled_gui_thread_fails_health_and_stops_the_watchdog(
    monitored: tuple[GuiDriver, Plug, Operations, Systemd],
) -> None:
    gui, _, ops, systemd = monitored
    assert ops.server is not None
    url = f"http://127.0.0.1:{ops.server.port}/healthz"
    gui.wait_screen("idle")
    gui.wait_until(lambda: len(systemd.said("WATCHDOG=1")) >= 2, what="watchdog pings")
    assert _get(url)[0] == 200

    during: list[tuple[int, str]] = []
    asker = threading.Timer(2.6, lambda: during.append(_get(url)))
    asker.start()
    stalled_at = time.monotonic()
    time.sleep(3.0)  # the GUI thread stalls: no event loop, no timers
    resumed_at = time.monotonic()
    asker.join(5)

    [(status, text)] = during
    assert status == 503
    health = json.loads(text)
    assert health["status"] == "failing"
    assert any("GUI thread has not answered" in p for p in health["problems"])
    pings = systemd.said("WATCHDOG=1")
    assert not [t for t in pings if stalled_at + 0.2 < t < resumed_at], "pinged while stalled"
    gui.wait(1200)
    assert [t for t in systemd.said("WATCHDOG=1") if t > resumed_at], "pings again after"
    assert _get(url)[0] == 200
