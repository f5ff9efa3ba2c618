"""The kiosk's ESC/POS adapter against a real emulated receipt printer: emupos on loopback.

emupos (PyPI, Python >= 3.13) speaks ESC/POS on a TCP port like a network receipt printer,
renders every receipt to text and PNG, answers real-time status (``DLE EOT``) and takes faults
(paper near end, paper out, cover open, off-line) through its control API. It runs from its own
venv, made by ``tools/emupos.sh``; zxing-cpp in that venv decodes the QR code from the PNG.
Under ``CI`` a missing Python 3.13 or emupos fails these tests; elsewhere they skip.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import pytest

from hardware.escpos_printer import EscposPrinter, PrinterError, PrinterSettings
from hardware.ports import Health, PaperState, Receipt, ReceiptLine

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / "tools" / "emupos.sh"
DEVICE = "kiosk"
WAIT = 10.0
FULL_CARD = "2050001234567"
MASKED_CARD = "*********4567"
ACCOUNT_URL = "https://bibliotheek.example.nl/mijn-account?pas=ref-8f3a"
FAULTS = ("paper-near-end", "paper-out", "cover-open", "offline")


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"under CI the emupos printer tests need {reason}", pytrace=False)
    pytest.skip(f"emupos is not available: {reason}")


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Emupos:
    python: Path
    api: str
    printer_port: int
    proc: subprocess.Popen[bytes]
    log: Path

    def _call(self, method: str, path: str) -> bytes:
        request = urllib.request.Request(self.api + path, method=method)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=WAIT) as response:
            body: bytes = response.read()
        return body

    def set_fault(self, fault: str, active: bool = True) -> None:
        self._call("PUT" if active else "DELETE", f"/api/v1/devices/{DEVICE}/faults/{fault}")

    def receipt_ids(self) -> list[str]:
        listing = json.loads(self._call("GET", f"/api/v1/devices/{DEVICE}/receipts"))
        return [entry["id"] for entry in listing]

    def wait_for_receipt(self, known: list[str]) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            new = [rid for rid in self.receipt_ids() if rid not in known]
            if new:
                return new[0]
            time.sleep(0.02)
        raise AssertionError("emupos completed no receipt")

    def text(self, receipt_id: str) -> str:
        return self._call("GET", f"/api/v1/devices/{DEVICE}/receipts/{receipt_id}/text").decode()

    def png(self, receipt_id: str) -> bytes:
        return self._call("GET", f"/api/v1/devices/{DEVICE}/receipts/{receipt_id}/image")

    def decode_codes(self, png: Path) -> list[tuple[str, str]]:
        """(format, text) of every barcode zxing-cpp finds in the image."""
        script = (
            "import sys, zxingcpp; from PIL import Image\n"
            "for r in zxingcpp.read_barcodes(Image.open(sys.argv[1])):\n"
            "    print(f'{r.format}\\t{r.text}')\n"
        )
        done = subprocess.run(
            [str(self.python), "-c", script, str(png)],
            capture_output=True,
            text=True,
            timeout=WAIT,
            check=True,
        )
        return [tuple(line.split("\t", 1)) for line in done.stdout.splitlines()]  # type: ignore[misc]


def _wait_until_listening(emu: Emupos) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if emu.proc.poll() is not None:
            raise AssertionError(f"emupos exited at start:\n{emu.log.read_text()}")
        try:
            emu._call("GET", "/api/v1/health")
            with socket.create_connection(("127.0.0.1", emu.printer_port), timeout=1.0):
                return
        except (OSError, urllib.error.URLError):
            time.sleep(0.05)
    raise AssertionError(f"emupos did not start listening:\n{emu.log.read_text()}")


@pytest.fixture(scope="module")
def emupos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emupos]:
    try:
        setup = subprocess.run(
            ["bash", str(SETUP)], capture_output=True, text=True, timeout=600, check=False
        )
    except subprocess.TimeoutExpired:
        _missing("tools/emupos.sh did not finish within 10 minutes")
    if setup.returncode != 0:
        last = (setup.stderr.strip().splitlines() or ["no message"])[-1]
        _missing(f"tools/emupos.sh failed: {last}")
    python = Path(setup.stdout.strip().splitlines()[-1])
    emupos_bin = python.parent / "emupos"

    home = tmp_path_factory.mktemp("emupos")
    api_port, printer_port = _free_port(), _free_port()
    while printer_port == api_port:
        printer_port = _free_port()
    config = home / "emupos.yaml"
    config.write_text(
        "schema: 1\n"
        f"api: {{ host: 127.0.0.1, port: {api_port} }}\n"
        "devices:\n"
        f"  - id: {DEVICE}\n"
        "    type: printer\n"
        "    profile: epson-tm-t20iii\n"
        "    connections:\n"
        f"      - tcp: {{ host: 127.0.0.1, port: {printer_port} }}\n"
        "    job_idle_timeout_ms: 500\n"
        f"    receipts_dir: {home / 'receipts'}\n"
    )
    log = home / "emupos.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(emupos_bin), "run", "--config", str(config)],
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
        )
    emu = Emupos(python, f"http://127.0.0.1:{api_port}", printer_port, proc, log)
    try:
        _wait_until_listening(emu)
        yield emu
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=WAIT)


@pytest.fixture
def emu(emupos: Emupos) -> Iterator[Emupos]:
    """The emulator with no faults, before and after each test."""
    for fault in FAULTS:
        emupos.set_fault(fault, active=False)
    yield emupos
    for fault in FAULTS:
        emupos.set_fault(fault, active=False)


def printer_for(emu: Emupos, paper_mm: Literal[58, 80] = 80) -> EscposPrinter:
    settings = PrinterSettings("network", port=emu.printer_port, paper_mm=paper_mm, timeout_s=2.0)
    return EscposPrinter(settings)


def loan_receipt() -> Receipt:
    return Receipt(
        header=("Bibliotheek Café Noord", "IJsselmonde"),
        lines=(
            ReceiptLine(f"Pas: {MASKED_CARD}"),
            ReceiptLine("Geleend", bold=True),
            ReceiptLine("De ontdekking van de hemel, een roman van Harry Mulisch\t12-03-2025"),
            ReceiptLine("Het leven is vurrukulluk\t12-03-2025"),
            ReceiptLine("Boete te laat\t€ 1,50"),
            ReceiptLine("Crème brûlée, façade en naïef: één zoëven geüpdatet"),
        ),
        footer=("Dank u wel!",),
        printed_at=datetime(2025, 3, 1, 14, 5),
        qr=ACCOUNT_URL,
    )


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_the_receipt_prints_with_masked_card_euro_and_accents(
    emu: Emupos, paper_mm: Literal[58, 80]
) -> None:
    known = emu.receipt_ids()
    printer_for(emu, paper_mm).print_receipt(loan_receipt())
    text = emu.text(emu.wait_for_receipt(known))
    lines = text.splitlines()
    width = 48 if paper_mm == 80 else 32

    assert lines[:3] == ["Bibliotheek Café Noord", "IJsselmonde", "01-03-2025 14:05"]
    assert f"Pas: {MASKED_CARD}" in lines
    assert FULL_CARD not in text
    assert FULL_CARD[:-4] not in text
    assert "Geleend" in lines
    fee = [line for line in lines if line.startswith("Boete te laat")]
    assert fee == ["Boete te laat".ljust(width - 6) + "€ 1,50"]
    title = [line for line in lines if line.startswith("De ontdekking")]
    assert len(title) == 1
    assert "..." in title[0]
    assert title[0].endswith(" 12-03-2025")
    assert len(title[0]) == width
    for word in ("Crème", "brûlée,", "façade", "naïef:", "één", "zoëven", "geüpdatet"):
        assert word in text.split(), word
    assert f"[qr {ACCOUNT_URL}]" in lines
    assert all(len(line) <= width for line in lines if not line.startswith("["))


def test_the_qr_code_on_the_printed_image_decodes_to_the_account_url(
    emu: Emupos, tmp_path: Path
) -> None:
    known = emu.receipt_ids()
    receipt = Receipt(
        header=("Bibliotheek Noord",),
        lines=(ReceiptLine(f"Pas: {MASKED_CARD}"),),
        barcode="TX-2025-0042",
        qr=ACCOUNT_URL,
    )
    printer_for(emu).print_receipt(receipt)
    png = tmp_path / "receipt.png"
    png.write_bytes(emu.png(emu.wait_for_receipt(known)))
    codes = emu.decode_codes(png)
    assert ("QRCode", ACCOUNT_URL) in codes or ("QR Code", ACCOUNT_URL) in codes, codes
    assert any(text == "TX-2025-0042" for _, text in codes), codes


def test_status_follows_the_emulated_faults(emu: Emupos) -> None:
    printer = printer_for(emu)
    assert printer.status().online is True
    assert printer.status().paper is PaperState.OK
    assert printer.health().state is Health.OK

    emu.set_fault("paper-near-end")
    assert printer.status().paper is PaperState.NEAR_END
    health = printer.health()
    assert health.state is Health.DEGRADED
    assert "nearly empty" in health.reason

    emu.set_fault("paper-out")
    status = printer.status()
    assert status.paper is PaperState.OUT
    assert status.online is False  # an Epson printer is off-line while it has no paper
    health = printer.health()
    assert health.state is Health.FAILED
    assert "out of paper" in health.reason
    emu.set_fault("paper-out", active=False)
    emu.set_fault("paper-near-end", active=False)

    emu.set_fault("cover-open")
    status = printer.status()
    assert (status.online, status.cover_open) == (False, True)
    assert "cover is open" in printer.health().reason
    emu.set_fault("cover-open", active=False)

    emu.set_fault("offline")
    status = printer.status()
    assert (status.online, status.cover_open) == (False, False)
    health = printer.health()
    assert health.state is Health.FAILED
    assert "off-line" in health.reason

    emu.set_fault("offline", active=False)
    assert printer.health().state is Health.OK


def test_paper_out_refuses_and_nothing_prints_when_the_roll_is_replaced(emu: Emupos) -> None:
    printer = printer_for(emu)
    known = emu.receipt_ids()
    emu.set_fault("paper-out")
    with pytest.raises(PrinterError, match="out of paper") as raised:
        printer.print_receipt(loan_receipt())
    assert MASKED_CARD not in str(raised.value)
    # emupos holds print data while the paper is out and prints it when the roll is back:
    # nothing may appear then, since nothing was sent.
    emu.set_fault("paper-out", active=False)
    time.sleep(0.8)  # longer than the job idle timeout
    assert emu.receipt_ids() == known

    printer.print_receipt(loan_receipt())  # and the next receipt prints normally
    assert MASKED_CARD in emu.text(emu.wait_for_receipt(known))


def test_offline_and_cover_open_refuse_to_print(emu: Emupos) -> None:
    printer = printer_for(emu)
    known = emu.receipt_ids()
    for fault, reason in (("offline", "off-line"), ("cover-open", "cover is open")):
        emu.set_fault(fault)
        with pytest.raises(PrinterError, match=reason):
            printer.print_receipt(loan_receipt())
        emu.set_fault(fault, active=False)
    time.sleep(0.8)
    assert emu.receipt_ids() == known


def test_kiosk_devices_test_printer_prints_a_test_receipt(emu: Emupos, tmp_path: Path) -> None:
    import argparse
    import io

    from kiosk import devices_command

    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[devices]\nprinter = "network"\n'
        f"[devices.receipt_printer]\nport = {emu.printer_port}\ntimeout_s = 2\npaper_mm = 58\n",
        encoding="utf-8",
    )
    known = emu.receipt_ids()
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(config=config, action="test", device="printer", timeout=5)
    assert devices_command.run(args, out, err) == 0, err.getvalue()
    assert "status: online, paper ok" in out.getvalue()
    text = emu.text(emu.wait_for_receipt(known))
    assert "Café één, IJlst" in text and "€ 1,50" in text

    emu.set_fault("paper-out")
    out, err = io.StringIO(), io.StringIO()
    assert devices_command.run(args, out, err) == 1
    assert "paper out" in out.getvalue()
    assert "not printed" in err.getvalue()


def test_the_text_preview_matches_what_the_printer_printed(emu: Emupos) -> None:
    from hardware.escpos_printer import layout

    known = emu.receipt_ids()
    receipt = loan_receipt()
    printer_for(emu).print_receipt(receipt)
    printed = [line.strip() for line in emu.text(emu.wait_for_receipt(known)).splitlines()]
    preview = [line.strip() for line in layout(receipt, 48)]
    # Every line of the preview is on the paper, in the same order.
    at = 0
    for line in (p for p in preview if p and not p.startswith("[")):
        at = printed.index(line, at) + 1


def test_p4_the_kiosks_own_loan_receipt_prints_the_card_number_masked(emu: Emupos) -> None:
    """Composed by kiosk.services from the full card number, as the kiosk does: on paper only
    the last four digits, also where the ILS's own print line quoted the number."""
    from datetime import UTC

    from kiosk.domain.reasons import Reason
    from kiosk.domain.session import CheckoutLine
    from kiosk.services.receipts import ReceiptStyle
    from kiosk.services.receipts import loan_receipt as compose

    style = ReceiptStyle("Bibliotheek Dalfsen", account_url=ACCOUNT_URL)
    due = datetime(2026, 12, 16, 22, 59, tzinfo=UTC)
    receipt = compose(
        style,
        FULL_CARD,
        [CheckoutLine("3100000000003", "De avonden", True, Reason.OK, due)],
        printed_at=datetime(2026, 11, 25, 10, 0),
        print_lines=[f"Lener {FULL_CARD}"],
    )
    known = emu.receipt_ids()
    printer_for(emu).print_receipt(receipt)
    text = emu.text(emu.wait_for_receipt(known))
    assert f"Card: {MASKED_CARD}" in text and f"Lener {MASKED_CARD}" in text
    assert FULL_CARD not in text and FULL_CARD[:-4] not in text
    assert "De avonden" in text


def _logo(path: Path, size: int = 120) -> Path:
    """A black square with a white "L" in it, as a library's logo might be."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), "black")
    draw = ImageDraw.Draw(image)
    unit = size // 6
    draw.rectangle((2 * unit, unit, 3 * unit, 5 * unit), fill="white")  # the upright
    draw.rectangle((2 * unit, 4 * unit, 4 * unit, 5 * unit), fill="white")  # the foot
    image.save(path)
    return path


def _dark(image: object) -> object:
    """The bounding box (left, top, right, bottom) of the dark dots of a greyscale image."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    return image.point(lambda value: 255 if value < 128 else 0).getbbox()


def test_the_logo_prints_centred_above_the_header(emu: Emupos, tmp_path: Path) -> None:
    import io

    from PIL import Image

    logo = _logo(tmp_path / "logo.png")
    known = emu.receipt_ids()
    receipt = Receipt(
        header=("Bibliotheek Noord",),
        lines=(ReceiptLine(f"Pas: {MASKED_CARD}"),),
        footer=("Dank u wel!",),
        logo=str(logo),
    )
    printer = printer_for(emu)
    printer.print_receipt(receipt)
    receipt_id = emu.wait_for_receipt(known)
    lines = emu.text(receipt_id).splitlines()
    assert lines[0] == "[image 576x120]"  # a raster image the paper's width, the logo's height
    assert lines[1:3] == ["Bibliotheek Noord", ""]
    assert f"Pas: {MASKED_CARD}" in lines and "Dank u wel!" in lines

    paper = Image.open(io.BytesIO(emu.png(receipt_id))).convert("L")
    assert paper.width == 576
    top = paper.crop((0, 0, paper.width, 120))
    left, upper, right, lower = _dark(top)  # type: ignore[misc]
    assert (upper, lower) == (0, 120)  # the logo is the first thing on the paper
    assert abs(left - (576 - 120) // 2) <= 1 and abs(right - left - 120) <= 1  # centred, 1:1
    square = top.crop((left, upper, right, lower))
    original = Image.open(logo).convert("L")
    assert square.tobytes() == original.tobytes()  # dot for dot: the white L in the black square
    below = paper.crop((0, 120, paper.width, paper.height))
    assert _dark(below) is not None  # the text still prints under the logo
    assert printer.health().state is Health.OK


def test_a_wide_logo_is_scaled_to_58_mm_paper_and_a_missing_one_is_left_out(
    emu: Emupos, tmp_path: Path
) -> None:
    from PIL import Image

    wide = tmp_path / "wide.png"
    Image.new("L", (1000, 300), 0).save(wide)
    printer = printer_for(emu, paper_mm=58)
    known = emu.receipt_ids()
    printer.print_receipt(
        Receipt(("Bibliotheek Noord",), (ReceiptLine("Geleend"),), logo=str(wide))
    )
    lines = emu.text(emu.wait_for_receipt(known)).splitlines()
    assert lines[:2] == ["[image 384x115]", "Bibliotheek Noord"]  # 1000x300 scaled to 384 dots

    missing = tmp_path / "gone.png"
    known = emu.receipt_ids()
    printer.print_receipt(
        Receipt(("Bibliotheek Noord",), (ReceiptLine("Geleend"),), logo=str(missing))
    )
    lines = emu.text(emu.wait_for_receipt(known)).splitlines()
    assert lines[0] == "Bibliotheek Noord" and "Geleend" in lines
    assert not any(line.startswith("[image") for line in lines)
    health = printer.health()
    assert health.state is Health.DEGRADED
    assert health.reason == f"the receipt logo {missing} could not be read: there is no such file"


# ---------------------------------------------------------------- through the session, as a member
class _OneMemberLibrary:
    """Just enough library for a member to borrow one book."""

    def identify(self, card_number: str, pin: str | None = None):  # type: ignore[no-untyped-def]
        from kiosk.domain.types import IdentifyResult, MemberName, ok

        return IdentifyResult(ok(), name=MemberName(given="Zoë", family="Brouwer"))

    def member_summary(self, card_number: str):  # type: ignore[no-untyped-def]
        from kiosk.domain.types import MemberName, MemberSummary, SummaryResult, ok

        return SummaryResult(ok(), MemberSummary(card_number, MemberName("Zoë", "Brouwer"), ""))

    def check_out(self, card_number: str, item_id: str, **_: object):  # type: ignore[no-untyped-def]
        from datetime import UTC

        from kiosk.domain.types import CheckoutResult, ok

        return CheckoutResult(ok(), item_id, "De avonden", due=datetime(2026, 12, 16, tzinfo=UTC))

    def end_session(self, card_number: str) -> None:
        pass


def _at_the_receipt_screen(emu: Emupos):  # type: ignore[no-untyped-def]
    from kiosk.domain.clock import ManualClock
    from kiosk.domain.session import CardPresented, CodeScanned, Done, Screen
    from kiosk.services.receipts import ReceiptStyle
    from kiosk.services.session import SessionController
    from kiosk.services.tasks import InlineRunner

    controller = SessionController(
        _OneMemberLibrary(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        printer=printer_for(emu),
        receipt_style=lambda: ReceiptStyle("Bibliotheek Dalfsen", account_url=ACCOUNT_URL),
    )
    controller.check_printer()
    controller.dispatch(CardPresented(FULL_CARD))
    controller.dispatch(CodeScanned("3100000000003", "item"))
    controller.dispatch(Done())
    assert controller.view().screen is Screen.RECEIPT
    return controller


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("fault", "reason", "condition", "words"),
    [
        ("paper-out", "PRINTER_OUT_OF_PAPER", "paper_out", "out of paper: put in a new roll"),
        ("offline", "PRINTER_UNAVAILABLE", "offline", "off-line"),
        ("cover-open", "PRINTER_UNAVAILABLE", "cover_open", "cover is open"),
    ],
)
def test_a_printer_fault_gives_the_member_a_sentence_and_staff_the_status(
    emu: Emupos, fault: str, reason: str, condition: str, words: str
) -> None:
    from kiosk.domain.reasons import Reason
    from kiosk.domain.session import ReceiptChosen, Screen
    from kiosk.ui import messages

    controller = _at_the_receipt_screen(emu)
    assert controller.view().can_print
    known = emu.receipt_ids()
    emu.set_fault(fault)  # between the offer and the member's tap
    controller.dispatch(ReceiptChosen(True))

    view = controller.view()
    assert view.screen is Screen.RECEIPT and not view.can_print
    assert view.notice is not None and view.notice.reason is Reason[reason]
    member = messages.sentence(view.notice.reason)
    assert "Your loans are saved" in member and "account online" in member
    assert [line.ok for line in view.checkouts] == [True]  # the loan stands, shown on screen
    staff = controller.device_health["printer"]
    assert staff.state is Health.FAILED and staff.condition == condition
    assert words in staff.reason
    assert FULL_CARD not in staff.reason
    time.sleep(0.8)
    assert emu.receipt_ids() == known

    # The roll is back: between sessions the kiosk sees it and offers printing again.
    emu.set_fault(fault, active=False)
    controller.check_printer()
    assert controller.device_health["printer"].state is Health.OK
    assert controller.view().can_print  # offered again to the member still at the screen
    controller.dispatch(ReceiptChosen(False))


def test_the_member_gets_the_printed_receipt_through_the_session(emu: Emupos) -> None:
    from kiosk.domain.reasons import Reason
    from kiosk.domain.session import ReceiptChosen, Screen

    controller = _at_the_receipt_screen(emu)
    known = emu.receipt_ids()
    controller.dispatch(ReceiptChosen(True))
    view = controller.view()
    assert view.screen is Screen.GOODBYE
    assert view.notice is not None and view.notice.reason is Reason.RECEIPT_PRINTED
    text = emu.text(emu.wait_for_receipt(known))
    assert "Bibliotheek Dalfsen" in text and "De avonden" in text
    assert f"Card: {MASKED_CARD}" in text and FULL_CARD not in text
    assert controller.counters["receipts_printed"] == 1
