"""sd_notify without libsystemd (``kiosk.ops.systemd``), on sockets of the test's own."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from kiosk.ops.systemd import Notifier


def test_ready_watchdog_and_stopping_reach_the_notification_socket(tmp_path: Path) -> None:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(2)
        notifier = Notifier({"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "30000000"})
        assert notifier.active and notifier.watchdog_every == 15.0
        assert notifier.ready("idle screen shown")
        assert sock.recv(256) == b"READY=1\nSTATUS=idle screen shown"
        assert notifier.watchdog()
        assert sock.recv(256) == b"WATCHDOG=1"
        assert notifier.stopping()
        assert sock.recv(256) == b"STOPPING=1"


def test_an_abstract_socket_is_reached_too() -> None:
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(2)
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(256) == b"READY=1"


def test_outside_systemd_nothing_is_sent_and_no_watchdog_is_kept() -> None:
    notifier = Notifier({})
    assert not notifier.active and notifier.watchdog_every is None
    assert not notifier.ready() and not notifier.watchdog()


def test_a_watchdog_meant_for_another_process_is_not_ours(tmp_path: Path) -> None:
    env = {"NOTIFY_SOCKET": str(tmp_path / "n"), "WATCHDOG_USEC": "2000000"}
    assert Notifier({**env, "WATCHDOG_PID": str(os.getpid())}).watchdog_every == 1.0
    assert Notifier({**env, "WATCHDOG_PID": "1"}).watchdog_every is None


def test_a_socket_that_is_gone_is_one_warning_not_a_crash(tmp_path: Path) -> None:
    assert not Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")}).watchdog()
