"""With the library's code rules, a scanner at the start screen knows a pass from an item."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import GuiDriver
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from hardware.codes import CodePattern, CodeRules
from hardware.fakes import FakeCardReader, FakeScanner
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ui.app import KioskUi, UiSettings

RULES = CodeRules(card=CodePattern(prefixes=("205",)), item=CodePattern(prefixes=("31",)))


@pytest.fixture
def rules_gui(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library,  # type: ignore[no-untyped-def]
    reader: FakeCardReader,
    scanner: FakeScanner,
    clock: ManualClock,
    timeouts: Timeouts,
) -> Iterator[GuiDriver]:
    settings = UiSettings(timeouts=timeouts, tick_ms=50, code_rules=RULES)
    ui = KioskUi(library, DeviceSet(card_reader=reader, scanner=scanner), clock, settings)
    qtbot.waitExposed(ui.window)
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


def test_an_item_scanned_at_the_start_asks_for_the_pass(  # type: ignore[no-untyped-def]
    rules_gui: GuiDriver, scanner: FakeScanner, library, person
) -> None:
    gui = rules_gui
    gui.wait_screen("idle")
    scanner.scan(person.new_item)
    sentence = "That is an item. Please tap or scan your library pass first."
    gui.wait_until(lambda: gui.text_of("messageText") == sentence)
    assert [name for name, _ in library.calls] == []  # the library was not asked

    scanner.scan(person.no_pin_card)  # a pass: identifies
    gui.wait_screen("home")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1)
