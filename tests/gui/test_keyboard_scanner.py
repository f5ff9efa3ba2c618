"""A keyboard-wedge scanner typing into the kiosk window: codes become scans, nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import GuiDriver
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ui.app import KioskUi, UiSettings


@pytest.fixture
def wedge_gui(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library,  # type: ignore[no-untyped-def]
    reader: FakeCardReader,
    clock: ManualClock,
    timeouts: Timeouts,
) -> Iterator[GuiDriver]:
    settings = UiSettings(timeouts=timeouts, tick_ms=50, keyboard_scanner=True)
    ui = KioskUi(library, DeviceSet(card_reader=reader), clock, settings)
    qtbot.waitExposed(ui.window)
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


class SteppingClock:
    """Each reading is ``step`` seconds after the last: the pace of the keystrokes."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _type(gui: GuiDriver, text: str, pace_s: float = 0.005) -> None:
    """Key presses and releases as a keyboard-wedge scanner sends them, then Enter."""
    assert gui.ui._wedge is not None
    gui.ui._wedge._clock = SteppingClock(pace_s)
    window = gui.ui.window
    for ch in text:
        key = Qt.Key(ord(ch.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            )
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            window, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def test_a_typed_burst_ending_in_enter_is_a_scan(wedge_gui: GuiDriver, library, person) -> None:  # type: ignore[no-untyped-def]
    gui = wedge_gui
    gui.wait_screen("idle")
    _type(gui, person.no_pin_card)  # a pass scanned at the idle screen identifies
    gui.wait_screen("home")
    _type(gui, person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1)
    assert library.loans[person.new_item].card == person.no_pin_card


def test_slow_typing_is_not_a_scan(wedge_gui: GuiDriver, library, person) -> None:  # type: ignore[no-untyped-def]
    gui = wedge_gui
    gui.wait_screen("idle")
    _type(gui, person.no_pin_card, pace_s=0.3)  # a person, not a scanner
    QCoreApplication.processEvents()
    QTest.qWait(100)
    assert gui.session.screen == "idle"
    assert [name for name, _ in library.calls] == []


def test_a_pause_in_the_middle_of_a_burst_spoils_the_whole_scan(qapp: QCoreApplication) -> None:
    from kiosk.ui.keywedge import KeyWedge

    codes: list[str] = []
    times = iter([0.0, 0.01, 0.02, 0.5, 0.51, 0.52])  # a stall after three keys
    wedge = KeyWedge(codes.append, gap_ms=200, clock=lambda: next(times))
    target = QObject()
    for ch in "12" + "3" + "45":
        wedge.eventFilter(
            target,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key(ord(ch)), Qt.KeyboardModifier.NoModifier, ch),
        )
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    assert wedge.eventFilter(target, enter) is True
    assert codes == []  # neither "123" nor "45" is taken as a code
    assert wedge.rejected == 1
