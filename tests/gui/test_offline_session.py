"""A member at the kiosk while the library system is away, on the real UI (``kiosk.ils.offline``).

The pass is taken on its number alone, the home screen says plainly what can be done, an item
lent is "recorded", renewing is refused with the reason, and once the library system answers
again the kiosk's status check hands the journal over and empties it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeLibrary, Fixture, GuiDriver, Plug, _make_ui
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader, FakeScanner
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import Timeouts
from kiosk.ils.offline import Journal, OfflineLibrary, OfflinePolicy
from kiosk.ui import messages
from kiosk.ui.app import UiSettings


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "offline-journal.sqlite")
    yield j
    j.close()


@pytest.fixture
def offline_gui(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library: FakeLibrary, devices: DeviceSet, clock: ManualClock, journal
) -> Iterator[tuple[GuiDriver, Plug]]:
    plug = Plug(library)
    offline = OfflineLibrary(
        plug,  # type: ignore[arg-type]
        journal,
        clock,
        policy=OfflinePolicy(max_checkouts=3),
        location="DAL",
    )
    settings = UiSettings(timeouts=Timeouts(), tick_ms=50, status_every=30)
    ui = _make_ui(qtbot, library, devices, clock, settings=settings)
    ui.close()  # (the fixture's own kiosk is not the one under test)
    ui = _make_ui(qtbot, offline, devices, clock, settings=settings)  # type: ignore[arg-type]
    try:
        yield GuiDriver(qtbot, ui), plug
    finally:
        library.release()
        ui.close()


def test_offline_a_member_borrows_is_told_it_is_recorded_and_the_library_gets_it_later(
    offline_gui: tuple[GuiDriver, Plug],
    reader: FakeCardReader,
    scanner: FakeScanner,
    library: FakeLibrary,
    clock: ManualClock,
    journal: Journal,
    person: Fixture,
) -> None:
    gui, plug = offline_gui
    gui.wait_screen("idle")
    plug.plugged = False
    reader.present(person.card)  # a member with a PIN: nobody can check it now
    gui.wait_screen("home")
    offline_note = messages.sentence(Reason.OFFLINE_MODE, {"limit": "3"})
    assert "up to 3 more" in offline_note
    gui.wait_until(lambda: offline_note in gui.visible_texts(), what="the offline note")
    assert gui.text_of("greetingText") == "Hello"  # no name: nobody could say whose pass

    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1, what="the row")
    recorded = messages.sentence(Reason.RECORDED_OFFLINE)
    gui.wait_until(lambda: recorded in gui.visible_texts(), what="'recorded'")
    assert journal.depth() == 1
    assert person.new_item not in library.loans

    gui.tap("doneButton")
    gui.wait_screen("receipt")
    gui.tap("receiptNo")
    gui.wait_screen("goodbye")
    clock.advance(Timeouts().goodbye + 1)
    gui.wait_screen("idle")  # in service all along

    plug.plugged = True
    clock.advance(31)  # the next status check between sessions syncs
    gui.wait_until(lambda: journal.depth() == 0, what="the journal sent")
    assert library.loans[person.new_item].card == person.card
    gui.wait_screen("idle")


def test_offline_renewing_is_refused_with_the_reason(
    offline_gui: tuple[GuiDriver, Plug],
    reader: FakeCardReader,
    person: Fixture,
    journal: Journal,
) -> None:
    gui, plug = offline_gui
    gui.wait_screen("idle")
    reader.present(person.card)  # online: her PIN is checked and her loans are shown
    gui.wait_screen("pin")
    gui.type_digits("pin", person.pin)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    plug.plugged = False  # the library system goes away during the session
    gui.wait_until(lambda: gui.find("renewAllButton") is not None, what="renew all")
    gui.tap("renewAllButton")
    refused = messages.sentence(Reason.OFFLINE_NOT_POSSIBLE)
    gui.wait_until(lambda: refused in gui.visible_texts(), what="the refusal")
    assert journal.depth() == 0
