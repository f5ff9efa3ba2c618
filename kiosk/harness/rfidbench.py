"""The RFID benchmark (``kiosk bench rfid``), run in a process of its own, offscreen.

A member is at the home screen of the real UI over the embedded library system (SQLite). A
stack of ten tagged items (ISO 28560-3, as a Dutch library writes them) is put on the fake pad,
watched by the same ``PadWatcher`` a real reader gets (its own thread, looking every 0.1 s);
measured until the first painted frame that shows all ten results with every security flag
switched:

- ``rfid.stack_checkout``: ten items lent, target p95 at most 1.5 s;
- ``rfid.stack_return``: the same stack taken back on the return screen (reported, no target).

Run as ``python -m kiosk.harness.rfidbench [--stacks N] [--size N] [--json FILE|-]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.harness.uibench import BRANCH, START, _lendable, _painted_after, build_library

MEMBER = "2100000000006"  # Zoë: no PIN, COMPLEET (20 items)
POLL_S = 0.1


def measure(library: Path, stacks: int, size: int) -> tuple[list[float], list[float]]:
    from PySide6.QtGui import QGuiApplication

    from hardware.fakes import (
        FakeCardReader,
        FakeScanner,
        FakeTag,
        FakeTagReader,
        RecordingPrinter,
    )
    from hardware.iso28560 import DutchProfile
    from hardware.ports import DeviceSet
    from hardware.rfid import PadWatcher
    from kiosk.domain.clock import ManualClock
    from kiosk.harness.driver import UiDriver
    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ui.app import KioskUi, UiSettings

    app = QGuiApplication.instance() or QGuiApplication(["rfidbench"])
    engine = db.make_engine(f"sqlite:///{library}")
    clock = ManualClock(START)
    ils = EmbeddedLibrary(engine, branch=BRANCH, clock=clock)
    reader, tags = FakeCardReader(), FakeTagReader()
    pad = PadWatcher(tags, poll_s=POLL_S)
    devices = DeviceSet(reader, FakeScanner(), RecordingPrinter(), rfid=pad)
    ui = KioskUi(ils, devices, clock, UiSettings(tick_ms=50))
    driver = UiDriver(ui, default_timeout_ms=20_000)
    controller, window = ui.controller, ui.window
    profile = DutchProfile("NL-0400090000")
    # Fresh items for every stack: one returned at this branch may go into transit to its own.
    items = [
        item
        for item in _lendable(library, stacks * size * 2)
        if _plain(ils.item_info(item).item)  # no rental fee to confirm, no age limit
    ][: stacks * size]
    if len(items) < stacks * size:
        raise RuntimeError(f"only {len(items)} items to put on the pad; use fewer --stacks")
    tags_of = [FakeTag(f"E0040150{n:08X}", profile.encode(item)) for n, item in enumerate(items)]
    lent: list[float] = []
    returned: list[float] = []

    def all_switched(lines: Any) -> bool:
        return len(lines) == size and all(line.security == "done" for line in lines)

    try:
        driver.wait_screen("idle")
        for n in range(stacks):
            stack = tags_of[n * size : (n + 1) * size]
            reader.present(MEMBER)
            driver.wait_screen("home")
            started = time.perf_counter()
            tags.place(*stack)
            try:
                shown = _painted_after(
                    window, lambda: all_switched(controller.view().checkouts), 20
                )
            except TimeoutError:
                raise RuntimeError(f"not all lent: {controller.view().checkouts}") from None
            lent.append(shown - started)
            if not all(line.ok for line in controller.view().checkouts):
                raise RuntimeError("an item of the stack was not lent")
            tags.clear()
            # The pad has seen the stack go (a member lifts it; they do not teleport it).
            driver.wait_until(lambda: controller.view().pad_items == 0)
            driver.tap("homeReturnButton")
            driver.wait_screen("return")
            started = time.perf_counter()
            tags.place(*stack)
            try:
                shown = _painted_after(window, lambda: all_switched(controller.view().returns), 20)
            except TimeoutError:
                raise RuntimeError(f"not all returned: {controller.view().returns}") from None
            returned.append(shown - started)
            tags.clear()
            driver.wait_until(lambda: controller.view().pad_items == 0)
            reader.remove()
            driver.wait_screen("goodbye")
            clock.advance(10)
            driver.wait_screen("idle")
    finally:
        ui.close()
        engine.dispose()
    del app
    return lent, returned


def _plain(info: Any) -> bool:
    return (
        info is not None
        and info.rental_fee is None
        and not info.age_restriction
        and not info.reference_only
        and info.attachments <= 1
    )


def run(stacks: int, size: int) -> list[dict[str, Any]]:
    from kiosk.bench.schema import latency_result

    with tempfile.TemporaryDirectory(prefix="kiosk-rfidbench-") as tmp:
        library = build_library(Path(tmp))
        lent, returned = measure(library, stacks, size)
    params: dict[str, str | int] = {
        "stacks": stacks,
        "items": size,
        "ils": "embedded-sqlite",
        "pad": "fake, looked at every 0.1 s",
    }
    return [
        latency_result("rfid.stack_checkout", lent, "s", target=1.5, params=params),
        latency_result("rfid.stack_return", returned, "s", params=params),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.harness.rfidbench")
    parser.add_argument("--stacks", type=int, default=15)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--json", default="-", metavar="FILE|-")
    args = parser.parse_args(argv)
    if not 1 <= args.stacks <= 25 or not 1 <= args.size <= 15:
        parser.error("--stacks 1..25 and --size 1..15 (the demo library's items and loans)")
    from kiosk.bench.schema import write_results

    write_results(run(args.stacks, args.size), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
