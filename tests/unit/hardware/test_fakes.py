"""The recording fakes keep state a test (and the demo's simulator panel) can rely on."""

from __future__ import annotations

import pytest

from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
from hardware.ports import CardPresented, CodeRead, Health, PaperState, Receipt, ReceiptLine


def test_fake_reader_reports_presented_and_removed_cards() -> None:
    reader = FakeCardReader()
    seen: list[object] = []
    reader.start(seen.append, lambda name: seen.append(("removed", name)))
    reader.present("2100000000001")
    reader.remove()
    reader.remove()  # nothing on the reader: no second event
    assert seen == [
        CardPresented("2100000000001", b"2100000000001", reader.name),
        ("removed", reader.name),
    ]


def test_stopped_reader_is_unhealthy_and_silent() -> None:
    reader = FakeCardReader()
    seen: list[object] = []
    reader.start(seen.append, seen.append)
    reader.stop()
    reader.present("2100000000001")
    assert seen == [] and reader.health().state is Health.FAILED


def test_fake_scanner_delivers_codes() -> None:
    scanner = FakeScanner()
    codes: list[CodeRead] = []
    scanner.start(codes.append)
    scanner.scan("3100000000001", "EAN-13")
    assert codes == [CodeRead("3100000000001", "EAN-13", "simulator")]


def test_recording_printer_keeps_receipts_as_text() -> None:
    printer = RecordingPrinter()
    printer.print_receipt(Receipt(("Bibliotheek Dalfsen",), (ReceiptLine("Max Havelaar"),)))
    assert printer.text() == ["Bibliotheek Dalfsen\nMax Havelaar"]


def test_printer_out_of_paper_refuses_and_says_so() -> None:
    printer = RecordingPrinter()
    printer.paper = PaperState.OUT
    with pytest.raises(OSError, match="paper out"):
        printer.print_receipt(Receipt((), ()))
    assert printer.health().state is Health.FAILED
    printer.paper = PaperState.NEAR_END
    assert printer.health().state is Health.DEGRADED
