"""ESC/POS receipt printers (python-escpos): network (TCP 9100), USB, serial and device files.

Two parts:

- ``render(receipt, printer, width=...)`` turns a ``Receipt`` into ESC/POS commands on any
  python-escpos printer object (a ``Dummy`` collects the bytes). Text is sent in code page 858
  (CP858, "PC858 Euro"), which has the euro sign and every Dutch accent.
- ``EscposPrinter`` implements ``hardware.ports.ReceiptPrinter``: it renders to bytes first, opens
  the connection for one job, checks the printer's real-time status (``DLE EOT``) before and after
  sending, and closes the connection again, so a printer that was switched off or re-plugged works
  again on the next receipt without a restart. Every wait is bounded by ``timeout_s`` (a few
  seconds), never python-escpos's 60 s default.

Receipt lines: a ``ReceiptLine`` whose text holds a tab is two columns, ``"title\\tdue date"``:
the right part is right-aligned and the left part is cut with ``...`` to make room for it (titles
never push the due date or the amount off the paper). A line without a tab is wrapped at word
boundaries to the paper width (32 characters on 58 mm paper, 48 on 80 mm, font A).

Privacy (PRIVACY.md P4/P5): the receipt must arrive with the card number already masked; this
module prints what it is given and never logs receipt contents.
"""

from __future__ import annotations

import logging
import os
import socket
import textwrap
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from escpos import escpos
from escpos.capabilities import get_profile
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy, File, Network, Serial

from hardware.ports import DeviceHealth, Health, PaperState, PrinterStatus, Receipt, ReceiptLine

log = logging.getLogger("hardware.escpos")

ESC_INIT = b"\x1b@"  # ESC @: initialise the printer (python-escpos never sends it)
CODE_PAGE = "CP858"  # PC858 Euro: Western European with the euro sign at 0xD5
ELLIPSIS = "..."  # CP858 has no single-character ellipsis
COLUMNS = {58: 32, 80: 48}  # font A, characters per line
_PRINTABLE_DOTS = {58: 384, 80: 576}  # print width at 203 dpi, for barcode sizing
_QR_MODULE_DOTS = {58: 5, 80: 6}

# DLE EOT n: the real-time status requests, and the bits of their one-byte replies.
_DLE_EOT = b"\x10\x04"
_ONLINE_OFFLINE_BIT = 0x08  # n = 1: printer status, bit 3 set while off-line
_COVER_OPEN_BIT = 0x04  # n = 2: off-line cause, bit 2 set while the cover is open
_PAPER_NEAR_END_BITS = 0x0C  # n = 4: roll paper sensor, bits 2-3 near end
_PAPER_OUT_BITS = 0x60  # n = 4: bits 5-6 paper not present

# Characters that CP858 lacks, written the way a receipt can show them.
_TRANSLITERATION = str.maketrans(
    {
        "\u0132": "IJ",  # Ĳ
        "\u0133": "ij",  # ĳ
        "\u2022": "*",  # bullet, as in a masked card number
        "\u25cf": "*",  # black circle
        "\u2026": ELLIPSIS,
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French and Dutch number formats)
        "\u2009": " ",
    }
)


class PrinterError(OSError):
    """The receipt could not be printed; ``reason`` is a sentence for staff."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    connection: Literal["network", "usb", "serial", "file"]
    host: str = "127.0.0.1"  # network
    port: int = 9100
    usb_vendor: int | None = None  # usb
    usb_product: int | None = None
    device: str = ""  # serial device or file path (e.g. /dev/usb/lp0)
    baudrate: int = 19200
    profile: str = "default"  # python-escpos printer profile name
    paper_mm: Literal[58, 80] = 80  # 58 mm -> 32 characters a line, 80 mm -> 48 (font A)
    timeout_s: float = 3.0  # every connect, write and status wait; never python-escpos's 60 s
    #: ask the printer for its status (DLE EOT); off for printers that never answer (serial
    #: printers without a receive line, some print servers): then it prints blind
    status_queries: bool = True

    @property
    def columns(self) -> int:
        return COLUMNS[self.paper_mm]

    def where(self) -> str:
        """The printer's address as staff would look for it."""
        match self.connection:
            case "network":
                return f"{self.host}:{self.port}"
            case "usb":
                vendor = f"{self.usb_vendor:04x}" if self.usb_vendor is not None else "?"
                product = f"{self.usb_product:04x}" if self.usb_product is not None else "?"
                return f"USB {vendor}:{product}"
            case _:
                return self.device


# ---------------------------------------------------------------------------------- rendering


def printable(text: str) -> str:
    """``text`` with the characters CP858 lacks replaced (Ĳ -> IJ, bullet -> *, quotes, dashes)."""
    text = text.translate(_TRANSLITERATION)
    return "".join(" " if (ch < " " or ch == "\x7f") else ch for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at word boundaries; words longer than a line are split. Never empty."""
    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def two_columns(left: str, right: str, width: int) -> str:
    """``left`` and ``right`` on one line of ``width``; ``left`` cut with ``...`` when too long."""
    right = right.strip()[:width]
    left = left.strip()
    room = width - len(right) - 1 if right else width
    if room < len(ELLIPSIS) + 1:  # no sensible room beside it: the right part alone
        return right.rjust(width)
    if len(left) > room:
        left = left[: room - len(ELLIPSIS)].rstrip() + ELLIPSIS
    return (left.ljust(room) + " " + right) if right else left


def _line_texts(line: ReceiptLine, width: int) -> list[str]:
    left, tab, right = line.text.partition("\t")
    if tab:
        return [two_columns(printable(left), printable(right.replace("\t", " ")), width)]
    return wrap(printable(line.text), width)


def _align(value: str) -> str:
    return value if value in ("left", "center", "right") else "left"


def _barcode(code: str) -> tuple[str, str] | None:
    """(python-escpos symbology, data) for ``code``: EAN-13 for 13 digits, else CODE128 B."""
    if len(code) == 13 and code.isdigit() and code.isascii():
        return "EAN13", code
    if code and all(" " <= ch <= "~" for ch in code):
        return "CODE128", "{B" + code
    return None


def _barcode_module_dots(symbology: str, data: str, paper_mm: int) -> int | None:
    """The widest module (2 or 3 dots) at which the barcode fits the paper, or None."""
    if symbology == "EAN13":
        modules = 95 + 18  # with the quiet zones
    else:  # CODE128: 11 modules per symbol (start, each character, check), stop 13
        characters = len(data) - 2  # without the "{B" code set selection
        modules = 11 * (characters + 2) + 13
    for dots in (3, 2):
        if modules * dots <= _PRINTABLE_DOTS[paper_mm]:
            return dots
    return None


def layout(receipt: Receipt, width: int) -> list[str]:
    """The receipt's text as it comes out of the printer, line by line (previews, fakes, tests).

    The same cuts, wraps and alignment as :func:`render`; the barcode and the QR code appear as
    ``[barcode ...]`` and ``[qr ...]``.
    """

    def centre(text: str) -> str:
        return text.center(width).rstrip()

    out = [centre(t) for h in receipt.header for t in wrap(printable(h), width)]
    if receipt.printed_at is not None:
        out.append(centre(receipt.printed_at.strftime("%d-%m-%Y %H:%M")))
    out.append("")
    for line in receipt.lines:
        for text in _line_texts(line, width):
            if line.align == "center":
                text = centre(text)
            elif line.align == "right":
                text = text.rjust(width)
            out.append(text)
    if receipt.footer:
        out.append("")
        out.extend(centre(t) for f in receipt.footer for t in wrap(printable(f), width))
    if receipt.barcode:
        out.append(centre(f"[barcode {receipt.barcode}]"))
    if receipt.qr:
        out.append(centre(f"[qr {receipt.qr}]"))
    return out


def render(receipt: Receipt, printer: escpos.Escpos, *, width: int) -> None:
    """Send ``receipt`` to ``printer`` as ESC/POS commands, for paper ``width`` characters wide.

    ``ESC @``, code page CP858, the header centred and bold, the date and time as
    ``dd-mm-yyyy HH:MM``, the lines (two-column lines cut, others wrapped to ``width``), the footer,
    the barcode and the QR code when the receipt has them, then a feed and a cut.
    """
    paper_mm = 58 if width <= COLUMNS[58] else 80
    printer._raw(ESC_INIT)
    # ESC @ resets the printer's code page, so the encoder must not assume the one it knew.
    printer.magic.encoding = None
    if CODE_PAGE in printer.profile.get_code_pages():
        printer.charcode(CODE_PAGE)
    else:  # a profile without CP858: let python-escpos pick a code page per character
        printer.charcode("AUTO")

    printer.set(align="center", bold=True)
    for header in receipt.header:
        for text in wrap(printable(header), width):
            printer.textln(text)
    printer.set(bold=False)
    if receipt.printed_at is not None:
        printer.textln(receipt.printed_at.strftime("%d-%m-%Y %H:%M"))
    printer.textln()

    for line in receipt.lines:
        printer.set(align=_align(line.align), bold=line.bold)
        for text in _line_texts(line, width):
            printer.textln(text)
    printer.set(align="left", bold=False)

    if receipt.footer:
        printer.textln()
        printer.set(align="center")
        for footer in receipt.footer:
            for text in wrap(printable(footer), width):
                printer.textln(text)

    if receipt.barcode:
        _render_barcode(printer, receipt.barcode, paper_mm)
    if receipt.qr:
        printer.set(align="center")
        size = _QR_MODULE_DOTS[paper_mm]
        if printer.profile.supports("qrCode"):
            printer.qr(receipt.qr, ec=QR_ECLEVEL_M, size=size, native=True)
        else:  # the printer cannot draw QR codes itself: send it as an image
            printer.qr(receipt.qr, ec=QR_ECLEVEL_M, size=size, native=False)
        printer.textln()
    printer.set(align="left")
    printer.cut()


def _render_barcode(printer: escpos.Escpos, code: str, paper_mm: int) -> None:
    found = _barcode(code)
    dots = _barcode_module_dots(*found, paper_mm) if found else None
    if found is None or dots is None:
        log.warning("receipt barcode left out: it cannot be printed as EAN-13 or CODE128 here")
        return
    symbology, data = found
    printer.textln()
    # The public barcode() prints "Using hardware barcode renderer" to stdout; this is the
    # hardware renderer it would pick, without the print.
    printer._hw_barcode(data, symbology, height=64, width=dots, pos="BELOW", align_ct=True)


def render_bytes(receipt: Receipt, *, width: int = 48, profile: str = "default") -> bytes:
    """``receipt`` as the bytes ``render`` sends (for tests, benchmarks and ``kiosk devices``)."""
    dummy = Dummy(profile=profile)
    try:
        render(receipt, dummy, width=width)
        data: bytes = dummy.output
    finally:
        dummy.close()
    return data


# ---------------------------------------------------------------------------------- the device


@dataclass(frozen=True, slots=True)
class _Reading:
    status: PrinterStatus
    problem: str  # why it cannot print, or a warning, for staff; "" when all is well


class EscposPrinter:
    """A receipt printer on ESC/POS; implements ``hardware.ports.ReceiptPrinter``.

    Thread-safe: one job or status query at a time. ``status()`` and ``health()`` ask the printer
    (at most a few timeouts long when it does not answer).
    """

    def __init__(self, settings: PrinterSettings, *, name: str = "receipt printer") -> None:
        if settings.paper_mm not in COLUMNS:
            raise ValueError(f"paper_mm must be 58 or 80, not {settings.paper_mm}")
        if settings.timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        try:
            get_profile(settings.profile)
        except KeyError:
            raise ValueError(
                f"unknown python-escpos printer profile {settings.profile!r}"
            ) from None
        if settings.connection in ("serial", "file") and not settings.device:
            raise ValueError(f"a {settings.connection} printer needs settings.device")
        self._settings = settings
        self._name = name
        self._lock = threading.Lock()
        self._last_health: DeviceHealth | None = None

    @property
    def settings(self) -> PrinterSettings:
        return self._settings

    # -- ReceiptPrinter

    def print_receipt(self, receipt: Receipt) -> None:
        """Print ``receipt``, or raise ``PrinterError`` with a reason for staff.

        Nothing is sent when the printer reports itself off-line, out of paper or with its cover
        open. A fault reported after sending also raises, since the receipt may be incomplete.
        """
        data = render_bytes(receipt, width=self._settings.columns, profile=self._settings.profile)
        with self._lock:
            printer = self._open()
            try:
                before = self._read_status(printer)
                self._note(before)
                if _cannot_print(before.status):
                    raise PrinterError(before.problem)
                try:
                    printer._raw(data)
                except OSError as exc:
                    raise PrinterError(
                        f"the {self._name} stopped answering while printing "
                        f"({type(exc).__name__}); the receipt may be incomplete"
                    ) from None
                after = self._read_status(printer)
                self._note(after)
                if _cannot_print(after.status):
                    raise PrinterError(f"{after.problem}; the last receipt may be incomplete")
            finally:
                _close(printer, self._settings.timeout_s)
        log.info("%s: receipt printed (%d bytes)", self._name, len(data))

    def status(self) -> PrinterStatus:
        return self._reading().status

    def health(self) -> DeviceHealth:
        return self._health_of(self._reading())

    # -- internals

    def _reading(self) -> _Reading:
        with self._lock:
            try:
                printer = self._open()
            except PrinterError as exc:
                reading = _Reading(PrinterStatus(online=False), exc.reason)
            else:
                try:
                    reading = self._read_status(printer)
                finally:
                    _close(printer, self._settings.timeout_s)
            self._note(reading)
        return reading

    def _health_of(self, reading: _Reading) -> DeviceHealth:
        status = reading.status
        if _cannot_print(status):
            state = Health.FAILED
        elif status.paper is PaperState.NEAR_END:
            state = Health.DEGRADED
        else:
            state = Health.OK
        return DeviceHealth(self._name, state, reading.problem)

    def _note(self, reading: _Reading) -> None:
        """Log when the printer's health changes (device facts only, nothing from receipts)."""
        health = self._health_of(reading)
        if health != self._last_health:
            self._last_health = health
            reason = f" ({health.reason})" if health.reason else ""
            log.info("%s: %s%s", self._name, health.state.value, reason)

    def _open(self) -> Any:
        """A connected python-escpos printer object, or ``PrinterError``."""
        s = self._settings
        where = s.where()
        try:
            match s.connection:
                case "network":
                    printer = Network(s.host, s.port, timeout=s.timeout_s, profile=s.profile)
                    # Connected here, not by python-escpos: its open() leaks the socket when the
                    # connection is refused.
                    sock = socket.create_connection((s.host, s.port), timeout=s.timeout_s)
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    printer.device = sock
                case "serial":
                    printer = Serial(
                        s.device, baudrate=s.baudrate, timeout=s.timeout_s, profile=s.profile
                    )
                    # Opened here with a write timeout and no DSR/DTR flow control: a printer
                    # that holds DSR low (paper out, off-line) must not block the kiosk forever.
                    import serial as pyserial

                    printer.device = pyserial.Serial(
                        s.device,
                        baudrate=s.baudrate,
                        timeout=s.timeout_s,
                        write_timeout=s.timeout_s,
                        dsrdtr=False,
                    )
                case "file":
                    printer = File(s.device, auto_flush=True, profile=s.profile)
                    # Appending, so a plain file collects receipts; a device node does not mind.
                    printer.device = open(s.device, "ab")  # noqa: SIM115 - closed by _close
                case "usb":
                    from escpos.printer import Usb

                    if not Usb.is_usable():
                        raise PrinterError(
                            f"USB printing needs the pyusb package, which is not installed "
                            f"({where})"
                        )
                    printer = Usb(
                        s.usb_vendor,
                        s.usb_product,
                        timeout=int(s.timeout_s * 1000),
                        profile=s.profile,
                    )
                    printer.open()
                case _:  # pragma: no cover - Literal exhausted
                    raise PrinterError(f"unknown printer connection {s.connection!r}")
        except PrinterError:
            raise
        except Exception as exc:  # DeviceNotFoundError, OSError, serial/usb errors
            log.info("%s: cannot connect (%s)", self._name, type(exc).__name__)
            raise PrinterError(
                f"the {self._name} cannot be reached at {where}: check that it is switched on "
                "and its cable is connected"
            ) from None
        return printer

    def _query(self, printer: Any, n: int) -> int | None:
        """The one-byte reply to ``DLE EOT n``, or None when none came within the timeout."""
        s = self._settings
        try:
            printer._raw(_DLE_EOT + bytes([n]))
            if s.connection == "usb":
                reply = bytes(printer.device.read(printer.in_ep, 16, int(s.timeout_s * 1000)))
            else:
                reply = printer._read()
        except Exception as exc:  # timeout, connection reset, USB error
            log.debug("%s: no answer to DLE EOT %d (%s)", self._name, n, type(exc).__name__)
            return None
        return reply[-1] if reply else None  # the newest byte, should an old one be queued

    def _read_status(self, printer: Any) -> _Reading:
        s = self._settings
        if s.connection == "file":
            # A device file cannot be asked for status: trust that it is there.
            if os.access(s.device, os.W_OK):
                return _Reading(PrinterStatus(online=True, paper=PaperState.UNKNOWN), "")
            return _Reading(
                PrinterStatus(online=False),
                f"the {self._name} at {s.device} is gone: check its cable",
            )
        if not s.status_queries:
            return _Reading(PrinterStatus(online=True, paper=PaperState.UNKNOWN), "")
        printer_status = self._query(printer, 1)
        if printer_status is None:
            return _Reading(
                PrinterStatus(online=False),
                f"the {self._name} does not answer at {s.where()}: check that it is switched on",
            )
        online = not printer_status & _ONLINE_OFFLINE_BIT
        cover_open = False
        if not online:  # the off-line cause says whether the cover is open
            cause = self._query(printer, 2)
            cover_open = cause is not None and bool(cause & _COVER_OPEN_BIT)
        paper_sensor = self._query(printer, 4)
        if paper_sensor is None:
            paper = PaperState.UNKNOWN
        elif paper_sensor & _PAPER_OUT_BITS:
            paper = PaperState.OUT
        elif paper_sensor & _PAPER_NEAR_END_BITS:
            paper = PaperState.NEAR_END
        else:
            paper = PaperState.OK
        status = PrinterStatus(online=online, paper=paper, cover_open=cover_open)
        return _Reading(status, _problem(status, self._name))


def _cannot_print(status: PrinterStatus) -> bool:
    return not status.online or status.paper is PaperState.OUT or status.cover_open


def _problem(status: PrinterStatus, name: str) -> str:
    """A sentence for staff about what is wrong, most specific first; "" when nothing is."""
    if status.paper is PaperState.OUT:
        return f"the {name} is out of paper: put in a new roll"
    if status.cover_open:
        return f"the {name}'s cover is open: close it"
    if not status.online:
        return f"the {name} is off-line: check its lights and press its online or feed button"
    if status.paper is PaperState.NEAR_END:
        return f"the {name}'s paper roll is nearly empty: put in a new roll soon"
    return ""


def _close(printer: Any, timeout_s: float = 3.0) -> None:
    device: Any = getattr(printer, "device", None)
    waiting = getattr(device, "out_waiting", None)
    if waiting is not None and device is not None:
        # A serial port: let the receipt drain, but for timeout_s at most (a printer holding
        # its line busy must not block the kiosk); what is still stuck then is dropped.
        try:
            deadline = time.monotonic() + timeout_s
            while device.out_waiting and time.monotonic() < deadline:
                time.sleep(0.01)
            if device.out_waiting:
                device.reset_output_buffer()
            device.close()
        except Exception as exc:
            log.debug("closing the serial printer failed: %s", type(exc).__name__)
        return
    try:
        printer.close()
    except Exception as exc:  # closing a broken connection must not hide the real problem
        log.debug("closing the printer connection failed: %s", type(exc).__name__)
