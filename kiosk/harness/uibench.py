"""The UI benchmark (``kiosk bench ui``), run in processes of its own, offscreen.

Measured, each against the frame that shows it (``QQuickWindow.frameSwapped``):

- ``ui.floor``: a fresh process showing an empty window with a bare ``QQmlApplicationEngine``:
  what Python, Qt and QML cost before any line of the kiosk runs;
- ``ui.startup``: a fresh process starting the kiosk over a demo library until the idle screen
  is painted; target at most twice the floor (p95 against p95);
- ``ui.ready``: the same process until the library system is open behind that screen (opened
  on the worker thread after the first frame, as ``kiosk run`` does): reported, no target;
- ``ui.card_to_home``: a card put on the reader until the home screen is painted with the
  member's 30 loans, on the embedded library; target p95 at most 100 ms;
- ``ui.scan_to_row``: an item scanned at home until its row is painted; target p95 at most
  50 ms.

Run as ``python -m kiosk.harness.uibench [--starts N] [--sessions N] [--json FILE|-]``; the
process-start measures spawn ``python -m kiosk.harness.uibench --child floor|startup`` and take
the time from just before the spawn to the child's first painted frame. The kiosk's modules are
byte-compiled first, as an installed kiosk's are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: as the harness (kiosk.harness.runner): not imported, a kiosk starting does not load it
START = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
BRANCH = "DAL"
LOANS = 30
CARD = "2100000000017"  # Mohamed El Idrissi: GROOT, room for 30 loans
FLOOR_QML = b"import QtQuick\nWindow { width: 1280; height: 800; visible: true }\n"


# ---------------------------------------------------------------- the library
def build_library(folder: Path) -> Path:
    """A demo library where the bench's member has 30 loans, and items left to lend."""
    from sqlalchemy.orm import Session

    from kiosk.domain.clock import ManualClock
    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.defaults import install_default_policy
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ils.embedded.seed import seed_fixtures, seed_generated

    path = folder / "bench-library.sqlite"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with Session(engine) as session:
        install_default_policy(session)
        seed_fixtures(session, START)
        seed_generated(session, members=20, items=400, now=START)
        session.commit()
    library = EmbeddedLibrary(engine, branch=BRANCH, clock=ManualClock(START))
    lent = 0
    for number in range(1, 400):
        if lent == LOANS:
            break
        item = f"32{number:011d}"
        if library.check_out(CARD, item, fee_acknowledged=True).ok:
            lent += 1
    if lent < LOANS:
        raise RuntimeError(f"could lend only {lent} items to the bench's member")
    db.settle(engine)
    engine.dispose()
    return path


def _lendable(path: Path, count: int) -> list[str]:
    """Items of the generated library that are on the shelf now."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT barcode FROM items WHERE barcode LIKE '32%' AND barcode NOT IN "
                "(SELECT i.barcode FROM loans l JOIN items i ON i.id = l.item_id "
                "WHERE l.returned_at IS NULL) ORDER BY barcode"
            )
        ).fetchall()
    engine.dispose()
    return [str(r[0]) for r in rows][: count * 3]


# ---------------------------------------------------------------- one painted frame
def _painted_after(window: Any, condition: Callable[[], bool], timeout_s: float = 10.0) -> float:
    """perf_counter() of the first frame swapped once ``condition`` holds."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    swapped: list[float] = []

    def on_frame() -> None:
        if not swapped and condition():
            swapped.append(time.perf_counter())

    window.frameSwapped.connect(on_frame)
    try:
        deadline = time.perf_counter() + timeout_s
        while not swapped:
            if time.perf_counter() > deadline:
                raise TimeoutError("the frame never came")
            if condition():
                window.update()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    finally:
        window.frameSwapped.disconnect(on_frame)
    return swapped[0]


# ---------------------------------------------------------------- children: process start
def child_floor() -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(["floor"])
    engine = QQmlApplicationEngine()
    engine.loadData(FLOOR_QML)
    window = engine.rootObjects()[0]
    painted = _painted_after(window, lambda: True)
    print(json.dumps({"painted_at": time.time() - (time.perf_counter() - painted)}), flush=True)
    del engine, app


def child_startup(library: Path) -> None:
    """As ``kiosk run`` starts: configuration first, then Qt, the idle screen, and the library
    system opened on its worker thread once that screen is drawn (``kiosk.ils.deferred``).
    Prints when the idle screen was painted and when the library system was ready."""
    from PySide6.QtGui import QGuiApplication

    from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
    from hardware.ports import DeviceSet
    from kiosk import bootstrap
    from kiosk.config import load
    from kiosk.domain.clock import ManualClock
    from kiosk.ils.deferred import DeferredLibrary
    from kiosk.ui.app import KioskUi, UiSettings

    config = load(None, ils_url=f"sqlite:///{library}", branch=BRANCH)
    journal = library.with_suffix(".journal.sqlite")
    config = replace(config, offline=replace(config.offline, journal=str(journal)))
    app = QGuiApplication(["startup"])
    clock = ManualClock(START)
    devices = DeviceSet(FakeCardReader(), FakeScanner(), RecordingPrinter())
    deferred = DeferredLibrary(lambda: bootstrap.build_library(config))
    a11y = config.accessibility  # sounds on, as a library's kiosk.toml has them by default
    settings = UiSettings(
        branch=config.branch, sounds=a11y.sounds, volume=a11y.volume, speech=a11y.speech
    )
    ui = KioskUi(deferred, devices, clock, settings)

    from PySide6.QtCore import QCoreApplication, QEventLoop, QObject

    def idle_shown() -> bool:
        loader = ui.window.findChild(QObject, "screenLoader")
        item = loader.property("item") if loader is not None else None
        return isinstance(item, QObject) and item.objectName() == "idleScreen"

    painted = _painted_after(ui.window, idle_shown)
    deadline = time.perf_counter() + 30
    while not deferred.built and time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    if not deferred.built:
        raise RuntimeError(f"the library system was not opened: {deferred.failure}")
    ready = time.perf_counter()
    wall = time.time()
    print(
        json.dumps({"painted_at": wall - (ready - painted), "ready_at": wall}),
        flush=True,
    )
    ui.close()
    del app


def _compile_bytecode() -> None:
    """Byte-compile the kiosk's own modules, as installing it does (pip, the Debian package).

    A checkout run with ``PYTHONDONTWRITEBYTECODE`` (as CI machines often are) would otherwise
    compile every module of the kiosk from source in every child, some 35 ms that no installed
    kiosk pays, while the floor's modules (Python's own, PySide6) come compiled.
    """
    import compileall

    import hardware
    import kiosk

    for package in (kiosk, hardware):
        compileall.compile_dir(str(Path(str(package.__file__)).parent), quiet=2, workers=1)


def _spawn(kind: str, library: Path | None = None) -> dict[str, float]:
    args = [sys.executable, "-m", "kiosk.harness.uibench", "--child", kind]
    if library is not None:
        args += ["--library", str(library)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} child failed: {done.stderr.strip()[-500:]}")
    times = json.loads(done.stdout.strip().splitlines()[-1])
    return {name.removesuffix("_at"): float(at) - started for name, at in times.items()}


# ---------------------------------------------------------------- in-process: card and scan
def measure_session(library: Path, sessions: int) -> tuple[list[float], list[float]]:
    from PySide6.QtGui import QGuiApplication

    from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
    from hardware.ports import DeviceSet
    from kiosk.domain.clock import ManualClock
    from kiosk.harness.driver import UiDriver
    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ui.app import KioskUi, UiSettings

    app = QGuiApplication.instance() or QGuiApplication(["uibench"])
    engine = db.make_engine(f"sqlite:///{library}")
    clock = ManualClock(START)
    ils = EmbeddedLibrary(engine, branch=BRANCH, clock=clock)
    reader, scanner = FakeCardReader(), FakeScanner()
    devices = DeviceSet(reader, scanner, RecordingPrinter())
    ui = KioskUi(ils, devices, clock, UiSettings(tick_ms=50))
    driver = UiDriver(ui, default_timeout_ms=10_000)
    session, window = ui.session, ui.window
    items = _lendable(library, sessions)
    card_to_home: list[float] = []
    scan_to_row: list[float] = []
    try:
        driver.wait_screen("idle")
        for n in range(sessions):
            started = time.perf_counter()
            reader.present(CARD)

            def home_with_loans() -> bool:
                return (
                    session.property("screen") == "home"
                    and session.loans_model.rowCount() >= LOANS
                    and not session.property("busy")
                )

            card_to_home.append(_painted_after(window, home_with_loans) - started)
            item = items[n]
            rows = session.checkouts_model.rowCount()
            started = time.perf_counter()
            scanner.scan(item)

            def row_shown(before: int = rows) -> bool:
                return bool(session.checkouts_model.rowCount() > before)

            scan_to_row.append(_painted_after(window, row_shown) - started)
            reader.remove()
            driver.wait_screen("goodbye")
            ils.check_in(item, location=BRANCH)  # the member keeps exactly 30 loans
            clock.advance(10)
            driver.wait_screen("idle")
    finally:
        ui.close()
        engine.dispose()
    del app
    return card_to_home, scan_to_row


def run(starts: int, sessions: int) -> list[dict[str, Any]]:
    from kiosk.bench.schema import latency_result

    _compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="kiosk-uibench-") as tmp:
        library = build_library(Path(tmp))
        # Start-up reads a library that others do not write to: each child gets a copy.
        floors, startups, readies = [], [], []
        for n in range(starts):
            floors.append(_spawn("floor")["painted"])
            copy = Path(tmp) / f"start-{n}.sqlite"
            shutil.copyfile(library, copy)
            times = _spawn("startup", copy)
            startups.append(times["painted"])
            readies.append(times["ready"])
        card_to_home, scan_to_row = measure_session(library, sessions)
    floor = latency_result("ui.floor", floors, "ms", params={"starts": starts})
    return [
        floor,
        latency_result(
            "ui.startup",
            startups,
            "ms",
            target=round(2 * floor["p95"], 1),
            baseline=floor["p50"],
            params={"starts": starts, "target_is": "2 x ui.floor p95"},
        ),
        latency_result(
            "ui.ready",
            readies,
            "ms",
            params={"starts": starts, "measures": "process start to library system opened"},
        ),
        latency_result(
            "ui.card_to_home",
            card_to_home,
            "ms",
            target=100,
            params={"sessions": sessions, "loans": LOANS, "ils": "embedded-sqlite"},
        ),
        latency_result(
            "ui.scan_to_row", scan_to_row, "ms", target=50, params={"sessions": sessions}
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.harness.uibench")
    parser.add_argument("--child", choices=("floor", "startup"))
    parser.add_argument("--library", type=Path)
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--json", default="-", metavar="FILE|-")
    args = parser.parse_args(argv)
    if args.child == "floor":
        child_floor()
        return 0
    if args.child == "startup":
        child_startup(args.library)
        return 0
    if not 1 <= args.starts <= 200 or not 1 <= args.sessions <= 2000:
        parser.error("--starts 1..200 and --sessions 1..2000")
    from kiosk.bench.schema import write_results

    write_results(run(args.starts, args.sessions), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
