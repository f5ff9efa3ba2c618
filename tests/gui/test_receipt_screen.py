"""The receipt screen through the real QML: print or skip; a printer that cannot print is told to
the member in a sentence with their loans still on the screen, and to staff in the device
health; the loan is never undone because of the printer; printing never runs on the GUI thread.
"""

from __future__ import annotations

import threading

import pytest

from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
from hardware.ports import DeviceSet, Health, PaperState

OUT_OF_PAPER = (
    "The receipt printer is out of paper. Your loans are saved: you see them here, "
    "and always in your account online."
)


def _borrow(gui, reader: FakeCardReader, scanner: FakeScanner, person) -> None:  # type: ignore[no-untyped-def]
    gui.wait_screen("idle")
    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1)
    gui.tap("doneButton")
    gui.wait_screen("receipt")


def test_a_printed_receipt_is_composed_and_printed_off_the_gui_thread(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, scanner: FakeScanner, devices: DeviceSet, person
) -> None:
    printer = devices.printer
    assert isinstance(printer, RecordingPrinter)
    threads: list[threading.Thread] = []
    original = printer.print_receipt

    def recording_thread(receipt):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        original(receipt)

    printer.print_receipt = recording_thread  # type: ignore[method-assign]
    _borrow(gui, reader, scanner, person)
    assert gui.text_of("receiptQuestion") == "Would you like a receipt?"
    gui.tap("receiptPrint")
    gui.wait_screen("goodbye")
    assert threads and threads[0] is not threading.main_thread()
    text = printer.render_text()
    assert "Bibliotheek Testdorp" in text
    assert person.new_title in text
    assert person.no_pin_card not in text
    assert "*" * (len(person.no_pin_card) - 4) + person.no_pin_card[-4:] in text


def test_paper_out_tells_the_member_keeps_the_loan_and_tells_staff(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, scanner: FakeScanner, devices: DeviceSet, library, person
) -> None:
    printer = devices.printer
    assert isinstance(printer, RecordingPrinter)
    _borrow(gui, reader, scanner, person)
    printer.paper = PaperState.OUT  # the roll runs out between the offer and the tap
    gui.tap("receiptPrint")

    gui.wait_until(lambda: gui.session.message == OUT_OF_PAPER)
    assert gui.session.screen == "receipt"
    assert not gui.session.canPrint
    assert gui.item("receiptDone").isVisible() and not gui.item("receiptPrint").isVisible()
    assert f"\u2713  {person.new_title}" in gui.visible_texts()  # the other way: on screen
    assert library.loans[person.new_item].card == person.no_pin_card  # never undone
    assert printer.printed == []
    staff = gui.ui.controller.device_health["printer"]
    assert staff.state is Health.FAILED and staff.condition == "paper_out"
    assert gui.ui.controller.counters["receipts_not_printed"] == 1

    gui.tap("receiptDone")
    gui.wait_screen("goodbye")
    assert gui.traces_of(person) == []


def test_a_printer_known_to_be_off_line_is_said_at_once(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, scanner: FakeScanner, devices: DeviceSet, person
) -> None:
    printer = devices.printer
    assert isinstance(printer, RecordingPrinter)
    printer.online = False
    gui.ui.controller.check_printer()  # as between sessions
    health = gui.ui.controller.device_health
    gui.wait_until(lambda: "printer" in health and health["printer"].state is Health.FAILED)
    _borrow(gui, reader, scanner, person)
    gui.wait_until(lambda: "not working right now" in gui.session.message)
    assert not gui.session.canPrint
    assert gui.text_of("receiptQuestion") == "What you borrowed today"

    printer.online = True  # mended by staff: the next check offers printing after all
    gui.ui.controller.check_printer()
    gui.wait_until(lambda: gui.ui.controller.device_health["printer"].state is Health.OK)
    gui.wait_until(lambda: gui.session.canPrint)
    assert gui.session.message == ""
    assert not gui.item("receiptDone").isVisible()
    gui.tap("receiptPrint")
    gui.wait_screen("goodbye")
    assert len(printer.printed) == 1


# ---------------------------------------------------------------- demo mode's simulator panel
def test_the_demo_panel_shows_the_printed_receipt_until_the_next_idle_screen(  # type: ignore[no-untyped-def]
    demo_gui, clock, timeouts, person
) -> None:
    demo_gui.tap("simCard0")
    demo_gui.wait_screen("home")
    demo_gui.tap("simItem0")
    demo_gui.wait_until(lambda: demo_gui.session.checkouts_model.rowCount() == 1)
    demo_gui.tap("doneButton")
    demo_gui.tap("receiptPrint")
    demo_gui.wait_screen("goodbye")
    demo_gui.wait_until(lambda: person.new_title[:20] in demo_gui.text_of("simReceipt"))
    paper = demo_gui.text_of("simReceipt")
    masked = "*" * (len(person.no_pin_card) - 4) + person.no_pin_card[-4:]
    assert masked in paper and person.no_pin_card not in paper

    demo_gui.tap("simRemoveCard")
    demo_gui.tap("goodbyeNext")
    demo_gui.wait_screen("idle")
    demo_gui.wait_until(lambda: demo_gui.ui.simulator.property("receipt") == "")
    assert not any(person.new_title[:20] in text for text in demo_gui.all_strings())


def test_the_demo_panel_switches_device_faults(  # type: ignore[no-untyped-def]
    demo_gui, reader: FakeCardReader, devices: DeviceSet, person
) -> None:
    printer = devices.printer
    assert isinstance(printer, RecordingPrinter)
    demo_gui.tap("simFault_paper_out")
    demo_gui.wait_until(lambda: printer.paper is PaperState.OUT)
    demo_gui.tap("simFault_reader_unplugged")
    demo_gui.wait_until(lambda: not reader.plugged)
    demo_gui.tap("simCard0")  # nobody hears a card on an unplugged reader
    demo_gui.wait_screen("idle")
    assert reader.card is None
    demo_gui.tap("simFault_reader_unplugged")
    demo_gui.wait_until(lambda: reader.plugged)

    demo_gui.tap("simCard0")
    demo_gui.wait_screen("home")
    demo_gui.tap("simItem0")
    demo_gui.wait_until(lambda: demo_gui.session.checkouts_model.rowCount() == 1)
    demo_gui.tap("doneButton")
    demo_gui.tap("receiptPrint")
    demo_gui.wait_until(lambda: demo_gui.session.message == OUT_OF_PAPER)
    assert printer.printed == []


@pytest.mark.usefixtures("qapp")
def test_the_demo_panel_never_shows_a_receipt_that_comes_out_after_the_session() -> None:
    from kiosk.ui.viewmodels import SimulatorViewModel

    printed = [0]
    panel = SimulatorViewModel(
        lambda card: None,
        lambda: None,
        lambda code: None,
        receipt_text=lambda: "Card: *********0001",
        receipts_printed=lambda: printed[0],
        poll_ms=10_000,  # polled by hand below
    )
    panel.session_screen("goodbye")
    printed[0] = 1  # printed at the very end of the session...
    panel.session_screen("idle")  # ...and the kiosk is idle before the panel looked
    panel._look_at_printer()
    assert panel.property("receipt") == ""
    panel.session_screen("home")  # the next member
    panel._look_at_printer()
    assert panel.property("receipt") == ""
    printed[0] = 2  # this member's own receipt is shown
    panel._look_at_printer()
    assert panel.property("receipt") == "Card: *********0001"
