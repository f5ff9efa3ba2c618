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


# ---------------------------------------------------------------- faults and previews
def test_an_unplugged_reader_takes_the_card_away_and_hears_nothing_until_plugged() -> None:
    from hardware.fakes import FakeCardReader
    from hardware.ports import Health

    reader = FakeCardReader()
    presented: list[str] = []
    removed: list[str] = []
    reader.start(lambda e: presented.append(e.card_number), removed.append)
    reader.present("2100000000001")
    reader.unplug()
    assert removed == [reader.name]
    assert reader.health().state is Health.FAILED
    assert reader.health().reason == "The card reader was unplugged"
    reader.present("2100000000002")
    assert presented == ["2100000000001"]
    reader.plug()
    reader.present("2100000000002")
    assert presented == ["2100000000001", "2100000000002"]
    assert reader.health().state is Health.OK


def test_an_unplugged_scanner_reads_nothing() -> None:
    from hardware.fakes import FakeScanner
    from hardware.ports import Health

    scanner = FakeScanner()
    codes: list[str] = []
    scanner.start(lambda c: codes.append(c.code))
    scanner.unplug()
    scanner.scan("3100000000017")
    assert codes == [] and scanner.health().state is Health.FAILED
    scanner.plug()
    scanner.scan("3100000000017")
    assert codes == ["3100000000017"]


def test_the_recording_printer_previews_a_receipt_as_the_paper_shows_it() -> None:
    from datetime import datetime

    from hardware.fakes import RecordingPrinter
    from hardware.ports import Receipt, ReceiptLine

    printer = RecordingPrinter()
    printer.print_receipt(
        Receipt(
            header=("Bibliotheek Dalfsen",),
            lines=(
                ReceiptLine("De ontdekking van de hemel, een roman van Harry Mulisch\t16-12-2026"),
                ReceiptLine("Leengeld\t€ 1,50"),
            ),
            printed_at=datetime(2026, 11, 25, 10, 0),
            qr="https://example.org/account",
        )
    )
    narrow = printer.render_text(paper_mm=58).splitlines()
    assert "De ontdekking van...  16-12-2026" in narrow  # cut to 32 columns
    assert max(len(line) for line in narrow) <= 32
    assert "Leengeld" in narrow[-2] and narrow[-2].endswith("€ 1,50")
    assert narrow[-1].strip() == "[qr https://example.org/account]"
    png = printer.render_png(paper_mm=58)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_recording_printer_can_keep_only_the_last_receipts_and_still_count() -> None:
    from hardware.fakes import RecordingPrinter
    from hardware.ports import Receipt, ReceiptLine

    printer = RecordingPrinter(keep=3)
    for n in range(10):
        printer.print_receipt(Receipt(header=(f"#{n}",), lines=(ReceiptLine("x"),)))
    assert printer.count == 10
    assert [r.header[0] for r in printer.printed] == ["#7", "#8", "#9"]
    assert RecordingPrinter().count == 0
