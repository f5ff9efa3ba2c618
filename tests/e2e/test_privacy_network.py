"""P7: the kiosk sends nothing to anyone but the library system, the mail server and the printer
named in its settings: no analytics, no telemetry, no crash uploads. A run of scenarios on the
embedded library (nothing configured to reach) opens no network connection at all; every
attempt to connect a socket, at the Python level where the kiosk's network code lives, is
recorded (and a connection anywhere would fail the test)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from kiosk.harness.runner import Harness, Options
from kiosk.harness.scenario import load

SCENARIOS = Path(__file__).resolve().parents[2] / "docs" / "scenarios"
WALK = (
    "borrow-with-pin-and-receipt",
    "pay-fees-at-the-terminal",
    "a-stack-on-the-rfid-pad",
    "return-and-renew-as-a-member",
    "the-privacy-page",
)


@pytest.mark.usefixtures("qapp")
def test_p7_a_day_at_the_kiosk_opens_no_network_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[Any] = []
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def recorded(original: Any) -> Any:
        def attempt(self: socket.socket, address: Any) -> Any:
            if self.family in (socket.AF_INET, socket.AF_INET6):
                tried.append(address)
            return original(self, address)

        return attempt

    monkeypatch.setattr(socket.socket, "connect", recorded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", recorded(connect_ex))
    results = Harness(Options()).run([load(SCENARIOS / f"{name}.toml") for name in WALK])
    assert all(r.passed for r in results), [r.name for r in results if not r.passed]
    assert tried == []
