"""The idle screen first, the library system behind it (``kiosk run``'s start-up).

``kiosk run`` hands the UI a :class:`DeferredLibrary`: the library system is opened on the ILS
worker thread once the first frame is on the screen. A pass tapped before it is open is
answered when it is; a library that cannot be opened for good ends the program with its
reason.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from conftest import GuiDriver
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ils.deferred import DeferredLibrary
from kiosk.ils.port import IlsUnavailable, LibrarySystem
from kiosk.ui.app import KioskUi, UiSettings


class BadSetting(Exception):
    pass


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave the worker thread waiting


def _start(
    qtbot: QtBot, library: DeferredLibrary, devices: DeviceSet, clock: ManualClock, **kw: object
) -> KioskUi:
    settings = UiSettings(timeouts=Timeouts(), tick_ms=50)
    ui = KioskUi(library, devices, clock, settings, **kw)  # type: ignore[arg-type]
    qtbot.waitExposed(ui.window)
    return ui


def test_the_idle_screen_is_drawn_before_the_library_opens_and_an_early_pass_is_answered(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library,
    devices: DeviceSet,
    reader: FakeCardReader,
    clock: ManualClock,
    person,
    gate: threading.Event,
) -> None:
    building: list[str] = []

    def build() -> LibrarySystem:
        building.append(threading.current_thread().name)
        assert gate.wait(10)  # opening takes as long as the test likes
        return library

    deferred = DeferredLibrary(build, open_at_the_latest_s=10)
    ui = _start(qtbot, deferred, devices, clock)
    try:
        gui = GuiDriver(qtbot, ui)
        gui.wait_screen("idle")
        assert "Tap your library pass" in gui.visible_texts()
        gui.wait_until(lambda: building != [])  # the first frame opened the way
        assert building[0] != threading.main_thread().name  # on the worker, never the GUI
        assert not deferred.built

        reader.present(person.no_pin_card)  # tapped while the library is still opening
        gui.wait(200)
        assert not deferred.built
        assert gui.screen() != "home"
        gate.set()
        gui.wait_screen("home")
        assert gui.text_of("greetingText") == f"Hello, {person.no_pin_given}"
        assert [name for name, _ in library.calls][:2] == ["status", "identify"]
        assert all(thread is not threading.main_thread() for _, thread in library.calls)
    finally:
        gate.set()
        ui.close()


def test_a_library_that_cannot_be_opened_for_good_is_reported_once_with_its_reason(
    qtbot: QtBot,
    qapp: QCoreApplication,
    devices: DeviceSet,
    clock: ManualClock,
) -> None:
    def build() -> LibrarySystem:
        raise BadSetting("[ils] url: is not a database URL")

    failures: list[BaseException] = []
    deferred = DeferredLibrary(build, open_at_the_latest_s=10)
    ui = _start(qtbot, deferred, devices, clock, on_library_failed=failures.append)
    try:
        qtbot.waitUntil(lambda: failures != [], timeout=5000)
        qtbot.wait(200)
        assert len(failures) == 1
        assert str(failures[0]) == "[ils] url: is not a database URL"
    finally:
        ui.close()


def test_a_library_system_not_answering_at_start_is_out_of_service_not_fatal(
    qtbot: QtBot,
    qapp: QCoreApplication,
    devices: DeviceSet,
    clock: ManualClock,
) -> None:
    def build() -> LibrarySystem:
        raise IlsUnavailable("127.0.0.1:6001: connection refused")

    failures: list[BaseException] = []
    deferred = DeferredLibrary(build, open_at_the_latest_s=10)
    ui = _start(qtbot, deferred, devices, clock, on_library_failed=failures.append)
    try:
        gui = GuiDriver(qtbot, ui)
        gui.wait_screen("out_of_service")
        assert failures == []
    finally:
        ui.close()
