"""Recording fakes and simulators for every device port.

Demo mode, the harness and the tests use these very objects: a test drives ``present()`` /
``scan()`` and asserts on ``printed``; the demo's simulator panel calls the same methods.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from hardware.ports import (
    CardPresented,
    CodeRead,
    DeviceHealth,
    Health,
    PaperState,
    PrinterStatus,
    Receipt,
)


class FakeCardReader:
    name = "Simulated reader"

    def __init__(self) -> None:
        self._on_presented: Callable[[CardPresented], None] | None = None
        self._on_removed: Callable[[str], None] | None = None
        self.card: str | None = None
        self.running = False

    def start(
        self,
        on_presented: Callable[[CardPresented], None],
        on_removed: Callable[[str], None],
    ) -> None:
        self._on_presented, self._on_removed = on_presented, on_removed
        self.running = True

    def stop(self) -> None:
        self.running = False
        self._on_presented = self._on_removed = None

    def health(self) -> DeviceHealth:
        state = Health.OK if self.running else Health.FAILED
        return DeviceHealth("card_reader", state, "" if self.running else "not started")

    # -- simulation
    def present(self, card_number: str) -> None:
        self.card = card_number
        if self._on_presented is not None:
            self._on_presented(CardPresented(card_number, card_number.encode(), self.name))

    def remove(self) -> None:
        if self.card is None:
            return
        self.card = None
        if self._on_removed is not None:
            self._on_removed(self.name)


class FakeScanner:
    def __init__(self) -> None:
        self._on_code: Callable[[CodeRead], None] | None = None
        self.running = False

    def start(self, on_code: Callable[[CodeRead], None]) -> None:
        self._on_code = on_code
        self.running = True

    def stop(self) -> None:
        self.running = False
        self._on_code = None

    def health(self) -> DeviceHealth:
        state = Health.OK if self.running else Health.FAILED
        return DeviceHealth("scanner", state, "" if self.running else "not started")

    def scan(self, code: str, symbology: str | None = None) -> None:
        if self._on_code is not None:
            self._on_code(CodeRead(code, symbology, "simulator"))


class RecordingPrinter:
    """Keeps every receipt; paper and cover state can be set to simulate faults."""

    def __init__(self) -> None:
        self.printed: list[Receipt] = []
        self.paper = PaperState.OK
        self.online = True
        self.cover_open = False
        self._lock = threading.Lock()

    def print_receipt(self, receipt: Receipt) -> None:
        if not self.online or self.paper is PaperState.OUT or self.cover_open:
            raise OSError("printer cannot print: " + self.health().reason)
        with self._lock:
            self.printed.append(receipt)

    def status(self) -> PrinterStatus:
        return PrinterStatus(self.online, self.paper, self.cover_open)

    def health(self) -> DeviceHealth:
        if not self.online:
            return DeviceHealth("printer", Health.FAILED, "printer offline")
        if self.paper is PaperState.OUT:
            return DeviceHealth("printer", Health.FAILED, "paper out")
        if self.cover_open:
            return DeviceHealth("printer", Health.FAILED, "cover open")
        if self.paper is PaperState.NEAR_END:
            return DeviceHealth("printer", Health.DEGRADED, "paper near end")
        return DeviceHealth("printer", Health.OK)

    def text(self) -> list[str]:
        """Every printed receipt as plain text, for assertions."""
        out = []
        for r in self.printed:
            out.append("\n".join([*r.header, *(line.text for line in r.lines), *r.footer]))
        return out


class RecordingIndicator:
    def __init__(self) -> None:
        self.signals: list[str] = []

    def signal(self, kind: str) -> None:
        self.signals.append(kind)
