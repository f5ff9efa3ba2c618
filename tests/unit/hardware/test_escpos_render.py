"""ESC/POS rendering to bytes (python-escpos ``Dummy``) and the adapter's status logic.

No emulator here: the bytes are checked directly, and the adapter talks to a small scripted
printer on loopback that answers ``DLE EOT n`` the way an Epson printer does (or not at all).
The real emulated printer is in tests/integration/test_escpos_emupos.py.
"""

from __future__ import annotations

import inspect
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from escpos.printer import Dummy

from hardware.escpos_printer import (
    EscposPrinter,
    PrinterError,
    PrinterSettings,
    printable,
    render,
    render_bytes,
    two_columns,
    wrap,
)
from hardware.ports import Health, PaperState, Receipt, ReceiptLine

ESC_INIT = b"\x1b@"
SELECT_CP858 = b"\x1bt\x13"  # ESC t 19
CUT = b"\x1dV\x00"
FULL_CARD = "2050001234567"
MASKED_CARD = "*********4567"
URL = "https://bibliotheek.example.nl/mijn-account?k=7"


def receipt(**changes: object) -> Receipt:
    base: dict[str, object] = {
        "header": ("Bibliotheek Café", "IJsselstein"),
        "lines": (
            ReceiptLine(f"Pas: {MASKED_CARD}"),
            ReceiptLine("Geleend", bold=True),
            ReceiptLine("De ontdekking van de hemel, een roman van Harry Mulisch\t12-03-2025"),
            ReceiptLine("Boete\t€ 1,50"),
        ),
        "footer": ("Dank u wel!",),
        "printed_at": datetime(2025, 3, 1, 14, 5),
        "barcode": None,
        "qr": None,
    }
    base.update(changes)
    return Receipt(**base)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------- rendering


def test_starts_with_esc_at_then_selects_cp858_and_ends_with_a_cut() -> None:
    out = render_bytes(receipt())
    assert out.startswith(ESC_INIT + SELECT_CP858)
    assert out.endswith(CUT)


def test_euro_sign_and_dutch_accents_are_encoded_in_cp858() -> None:
    out = render_bytes(receipt(lines=(ReceiptLine("é ë ï ö ü ç Ĳ ĳ € 1,50"),)))
    assert b"\x82 \x89 \x8b \x94 \x81 \x87 IJ ij \xd5 1,50\n" in out
    assert "é ë ï ö ü ç IJ ij € 1,50".encode("cp858") in out
    assert b"Caf\x82" in out
    assert b"?" not in out  # nothing fell back to the replacement character


def test_header_is_centred_and_bold_and_the_time_is_day_month_year() -> None:
    out = render_bytes(receipt())
    assert b"\x1bE\x01\x1ba\x01Bibliotheek Caf\x82\nIJsselstein\n" in out
    assert b"\x1bE\x0001-03-2025 14:05\n" in out
    assert out.index(b"IJsselstein") < out.index(b"01-03-2025") < out.index(b"Pas:")


@pytest.mark.parametrize("width", [48, 32])
def test_titles_are_cut_with_an_ellipsis_so_the_due_date_stays_on_the_line(width: int) -> None:
    out = render_bytes(receipt(), width=width)
    title = "De ontdekking van de hemel, een roman van Harry Mulisch"
    expected = two_columns(title, "12-03-2025", width)
    assert len(expected) == width
    assert expected.endswith(" 12-03-2025")
    assert "Mulisch" not in expected
    assert expected.split("...")[0].strip() in title
    assert expected.startswith("De ontdekking")
    assert expected.encode("cp858") + b"\n" in out
    fee = "Boete".ljust(width - len("€ 1,50")) + "€ 1,50"
    assert fee.encode("cp858") + b"\n" in out


@pytest.mark.parametrize("width", [32, 48])
def test_every_printed_line_fits_the_paper(width: int) -> None:
    long_line = "Dit is een mededeling van het bibliotheeksysteem die " * 3
    r = receipt(
        header=("Openbare Bibliotheek Zuid-Oost Drenthe en omstreken, vestiging Emmen",),
        lines=(ReceiptLine(long_line), ReceiptLine("x" * 70), ReceiptLine("a\t" + "b" * 80)),
        footer=("Breng uw boeken op tijd terug; dat scheelt u en ons een hoop gedoe.",),
    )
    out = render_bytes(r, width=width)
    text = out.split(SELECT_CP858, 1)[1].split(b"\x1d", 1)[0]
    for raw in text.split(b"\n"):
        visible = raw
        while b"\x1b" in visible:  # drop ESC a n / ESC E n before the text
            i = visible.index(b"\x1b")
            visible = visible[:i] + visible[i + 3 :]
        assert len(visible) <= width, raw


def test_wrap_breaks_at_words_and_splits_words_longer_than_a_line() -> None:
    assert wrap("een twee drie vier", 9) == ["een twee", "drie vier"]
    assert wrap("x" * 20, 8) == ["xxxxxxxx", "xxxxxxxx", "xxxx"]
    assert wrap("", 8) == [""]


def test_two_columns_keeps_short_titles_whole() -> None:
    assert two_columns("Max Havelaar", "12-03-2025", 32) == "Max Havelaar" + " " * 10 + "12-03-2025"
    assert two_columns("Titel", "", 32) == "Titel"
    assert two_columns("Titel", "r" * 40, 32) == "r" * 32  # no room: the right part alone


def test_characters_outside_cp858_are_transliterated_and_control_codes_cannot_pass() -> None:
    assert printable("Ĳsbaan “Jaap” – 3…") == 'IJsbaan "Jaap" - 3...'
    assert printable("••••••••4567") == "********4567"
    # A title from the ILS with a drawer-kick command inside must not reach the printer as one.
    out = render_bytes(receipt(lines=(ReceiptLine("Titel\x1bp\x00\x19\xfaEinde"),)))
    assert b"\x1bp" not in out
    assert b"\x1ba\x00Titel p  \xa3Einde\n" in out  # ESC, NUL and EM became spaces; ú is 0xA3


def test_the_qr_code_is_drawn_natively_with_the_url() -> None:
    out = render_bytes(receipt(qr=URL))
    store = b"\x1d(k" + (len(URL) + 3).to_bytes(2, "little") + b"1P0" + URL.encode()
    assert store in out
    assert b"\x1d(k\x03\x001Q0" in out  # print the stored symbol
    assert out.index(store) < out.index(CUT)


def test_barcodes_ean13_for_13_digits_and_code128_for_other_text() -> None:
    ean = render_bytes(receipt(barcode="9789024567898"))
    assert b"\x1dk\x029789024567898\x00" in ean  # GS k 2 (EAN13, function A), digits, NUL
    code128 = render_bytes(receipt(barcode="TX-2025-0042"))
    assert b"\x1dkI\x0e{BTX-2025-0042" in code128  # GS k 73 (CODE128), length, code set B
    nothing = render_bytes(receipt(barcode="ünïcode"))  # cannot be a barcode: left out
    assert b"\x1dk" not in nothing
    assert nothing.endswith(CUT)


def test_render_prints_only_the_masked_card_number_it_is_given() -> None:
    """P4: masking is the caller's job; render has no way to learn or need the full number."""
    parameters = set(inspect.signature(render).parameters)
    assert parameters == {"receipt", "printer", "width"}
    out = render_bytes(receipt())
    assert MASKED_CARD.encode() in out
    assert FULL_CARD.encode() not in out
    assert FULL_CARD[:-4].encode() not in out


def test_render_works_on_any_python_escpos_printer_object() -> None:
    dummy = Dummy(profile="TM-T20II")
    try:
        render(receipt(qr=URL), dummy, width=48)
        out = dummy.output
    finally:
        dummy.close()
    assert out.startswith(ESC_INIT + SELECT_CP858)
    assert out == render_bytes(receipt(qr=URL), profile="TM-T20II")


# ---------------------------------------------------------------------------------- the device


class ScriptedPrinter:
    """A loopback "printer" that answers DLE EOT n from ``replies`` and records what it got."""

    def __init__(self, replies: dict[int, int]) -> None:
        self.replies = replies
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(0.05)
                self._serve(conn)

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        while not self._stop.is_set():
            try:
                chunk = conn.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk
            buffer += chunk
            while (i := buffer.find(b"\x10\x04")) >= 0 and len(buffer) >= i + 3:
                n = buffer[i + 2]
                buffer = buffer[i + 3 :]
                if n in self.replies:
                    conn.sendall(bytes([self.replies[n]]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()
        assert not self._thread.is_alive()


@pytest.fixture
def scripted() -> Iterator[type[ScriptedPrinter]]:
    made: list[ScriptedPrinter] = []

    class Tracked(ScriptedPrinter):
        def __init__(self, replies: dict[int, int]) -> None:
            super().__init__(replies)
            made.append(self)

    yield Tracked
    for printer in made:
        printer.close()


def network(port: int, timeout_s: float = 0.3) -> EscposPrinter:
    return EscposPrinter(PrinterSettings("network", port=port, timeout_s=timeout_s))


READY = {1: 0x12, 2: 0x12, 4: 0x12}


def test_a_ready_printer_gets_the_receipt_after_a_status_check(
    scripted: type[ScriptedPrinter],
) -> None:
    fake = scripted(READY)
    printer = network(fake.port)
    printer.print_receipt(receipt())
    time.sleep(0.1)
    data = bytes(fake.received)
    assert data.startswith(b"\x10\x04\x01\x10\x04\x04" + ESC_INIT)  # status first, no DLE EOT 2
    assert data.endswith(CUT + b"\x10\x04\x01\x10\x04\x04")  # and after
    assert render_bytes(receipt()) in data
    assert printer.status().paper is PaperState.OK
    assert printer.health().state is Health.OK


def test_paper_near_end_prints_but_degrades_health(scripted: type[ScriptedPrinter]) -> None:
    fake = scripted({**READY, 4: 0x1E})
    printer = network(fake.port)
    printer.print_receipt(receipt())
    assert printer.status().paper is PaperState.NEAR_END
    health = printer.health()
    assert health.state is Health.DEGRADED
    assert "nearly empty" in health.reason


def test_paper_out_refuses_without_sending_the_receipt(scripted: type[ScriptedPrinter]) -> None:
    fake = scripted({1: 0x1A, 2: 0x32, 4: 0x7E})  # off-line because printing stopped: no paper
    printer = network(fake.port)
    with pytest.raises(PrinterError, match="out of paper"):
        printer.print_receipt(receipt())
    time.sleep(0.1)
    assert ESC_INIT not in fake.received
    status = printer.status()
    assert (status.online, status.paper, status.cover_open) == (False, PaperState.OUT, False)
    assert printer.health().state is Health.FAILED


def test_cover_open_is_read_from_the_offline_cause(scripted: type[ScriptedPrinter]) -> None:
    fake = scripted({1: 0x1A, 2: 0x16, 4: 0x12})
    printer = network(fake.port)
    status = printer.status()
    assert (status.online, status.cover_open, status.paper) == (False, True, PaperState.OK)
    with pytest.raises(PrinterError, match="cover is open"):
        printer.print_receipt(receipt())
    assert ESC_INIT not in fake.received


def test_a_printer_that_never_answers_is_offline_within_the_timeout(
    scripted: type[ScriptedPrinter],
) -> None:
    fake = scripted({})
    printer = network(fake.port, timeout_s=0.2)
    started = time.monotonic()
    status = printer.status()
    assert time.monotonic() - started < 1.0
    assert status.online is False
    health = printer.health()
    assert health.state is Health.FAILED
    assert "does not answer" in health.reason
    with pytest.raises(PrinterError):
        printer.print_receipt(receipt())
    assert ESC_INIT not in fake.received


def test_an_unreachable_printer_raises_a_reason_for_staff() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    printer = network(port)  # nothing listens there any more
    with pytest.raises(PrinterError, match=re.escape("cannot be reached at 127.0.0.1")):
        printer.print_receipt(receipt())
    assert printer.status().online is False
    assert printer.health().state is Health.FAILED


def test_a_file_printer_appends_receipts(tmp_path: Path) -> None:
    path = tmp_path / "lp0"
    path.touch()
    printer = EscposPrinter(PrinterSettings("file", device=str(path), paper_mm=58))
    printer.print_receipt(receipt())
    printer.print_receipt(receipt())
    assert path.read_bytes() == render_bytes(receipt(), width=32) * 2
    assert printer.status().paper is PaperState.UNKNOWN
    assert printer.health().state is Health.OK
    gone = EscposPrinter(PrinterSettings("file", device=str(tmp_path / "no" / "lp0")))
    with pytest.raises(PrinterError, match="cannot be reached"):
        gone.print_receipt(receipt())
    assert gone.health().state is Health.FAILED


def test_settings_are_checked_when_the_printer_is_made() -> None:
    with pytest.raises(ValueError, match="profile"):
        EscposPrinter(PrinterSettings("network", profile="no-such-printer"))
    with pytest.raises(ValueError, match="device"):
        EscposPrinter(PrinterSettings("serial"))
    assert PrinterSettings("network").timeout_s <= 5
    assert PrinterSettings("network", paper_mm=58).columns == 32
    assert PrinterSettings("network").columns == 48


def test_printer_error_is_an_os_error_like_the_recording_fake_raises() -> None:
    error = PrinterError("the receipt printer is out of paper: put in a new roll")
    assert isinstance(error, OSError)
    assert error.reason == str(error)
