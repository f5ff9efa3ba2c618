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

A receipt's ``logo`` (an image file) prints centred above the header: scaled down (never up) to
the printable width of the paper and at most ``LOGO_MAX_HEIGHT`` dots high, dithered to black and
white, sent as a raster image (``GS v 0``). The prepared image is cached per file, modification
time and width. A logo that cannot be read is left out, the rest of the receipt prints, and the
printer's ``health()`` says so (degraded) until a receipt prints with a logo that can be read.

USB printers are found with pyusb (and libusb) by ``usb_vendor``/``usb_product``; every USB
transfer waits ``timeout_s`` at most, as every other connection does.

Receipt lines: a ``ReceiptLine`` whose text holds a tab is two columns, ``"title\\tdue date"``:
the right part is right-aligned and the left part is cut with ``...`` to make room for it (titles
never push the due date or the amount off the paper). A line without a tab is wrapped at word
boundaries to the paper width (32 characters on 58 mm paper, 48 on 80 mm, font A).

Privacy (PRIVACY.md P4/P5): the receipt must arrive with the card number already masked; this
module prints what it is given and never logs receipt contents.
"""

from __future__ import annotations

import errno
import functools
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
from PIL import Image, ImageOps, UnidentifiedImageError

from hardware.ports import (
    DeviceHealth,
    Health,
    PaperState,
    PrinterStatus,
    PrintFailed,
    Receipt,
    ReceiptLine,
)

log = logging.getLogger("hardware.escpos")

ESC_INIT = b"\x1b@"  # ESC @: initialise the printer (python-escpos never sends it)
CODE_PAGE = "CP858"  # PC858 Euro: Western European with the euro sign at 0xD5
ELLIPSIS = "..."  # CP858 has no single-character ellipsis
COLUMNS = {58: 32, 80: 48}  # font A, characters per line
#: printable width in dots at 203 dpi, for barcode and logo sizing
PRINTABLE_DOTS = {58: 384, 80: 576}
LOGO_MAX_HEIGHT = 200  # dots (25 mm at 203 dpi); a taller logo is scaled down to this
LOGO_FORMATS = ("PNG", "JPEG", "BMP")
_LOGO_MAX_PIXELS = 30_000_000  # a larger source image is refused, not decoded
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


class PrinterError(PrintFailed):
    """The receipt could not be printed; ``reason`` is a sentence for staff, ``status`` the
    printer's status when it was read."""


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
        if modules * dots <= PRINTABLE_DOTS[paper_mm]:
            return dots
    return None


def layout(receipt: Receipt, width: int) -> list[str]:
    """The receipt's text as it comes out of the printer, line by line (previews, fakes, tests).

    The same cuts, wraps and alignment as :func:`render`; the logo, the barcode and the QR code
    appear as ``[logo]``, ``[barcode ...]`` and ``[qr ...]``.
    """

    def centre(text: str) -> str:
        return text.center(width).rstrip()

    out = [centre("[logo]")] if receipt.logo else []
    out.extend(centre(t) for h in receipt.header for t in wrap(printable(h), width))
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

    ``ESC @``, code page CP858, the logo (see :func:`load_logo`), the header centred and bold, the
    date and time as ``dd-mm-yyyy HH:MM``, the lines (two-column lines cut, others wrapped to
    ``width``), the footer, the barcode and the QR code when the receipt has them, then a feed and
    a cut. A logo that cannot be read is left out with a logged warning.
    """
    problem = _render(receipt, printer, width=width)
    if problem:
        log.warning("receipt logo left out: %s", problem)


def _render(receipt: Receipt, printer: escpos.Escpos, *, width: int) -> str:
    """:func:`render`; returns why the logo was left out, for staff ("" when it was not)."""
    paper_mm = 58 if width <= COLUMNS[58] else 80
    printer._raw(ESC_INIT)
    # ESC @ resets the printer's code page, so the encoder must not assume the one it knew.
    printer.magic.encoding = None
    if CODE_PAGE in printer.profile.get_code_pages():
        printer.charcode(CODE_PAGE)
    else:  # a profile without CP858: let python-escpos pick a code page per character
        printer.charcode("AUTO")

    logo_problem = ""
    impl = _image_impl(printer)
    if receipt.logo and impl is None:
        logo_problem = (
            f"the receipt logo {receipt.logo} is left out: this printer cannot print images"
        )
    elif receipt.logo and impl is not None:
        try:
            logo = load_logo(receipt.logo, dots=_image_dots(printer, paper_mm))
        except LogoError as exc:
            logo_problem = exc.reason
        else:
            printer.set(align="center")
            _print_image(printer, logo, impl)

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
    return logo_problem


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
    data, problem = _render_job(receipt, width=width, profile=profile)
    if problem:
        log.warning("receipt logo left out: %s", problem)
    return data


def _render_job(receipt: Receipt, *, width: int, profile: str) -> tuple[bytes, str]:
    """The bytes of ``receipt`` and why its logo was left out ("" when it was not)."""
    dummy = Dummy(profile=profile)
    try:
        problem = _render(receipt, dummy, width=width)
        data: bytes = dummy.output
    finally:
        dummy.close()
    return data, problem


# ---------------------------------------------------------------------------------- the logo


class LogoError(Exception):
    """The receipt logo cannot be printed; ``reason`` is a sentence for staff."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_logo(
    path: str | os.PathLike[str], *, dots: int, max_height: int = LOGO_MAX_HEIGHT
) -> Image.Image:
    """The image at ``path`` ready to print: a black-and-white (mode ``"1"``) strip ``dots`` wide.

    Transparency becomes white paper and the image is turned upright by its EXIF orientation; it
    is scaled down (never up), keeping its proportions, to at most ``dots`` wide and
    ``max_height`` high, dithered (Floyd-Steinberg) to black and white and centred on the strip.

    The result is cached per (path, modification time, size, ``dots``, ``max_height``), so a
    logo is prepared once and again only when its file changes; it is shared, so never change it
    (copy it first). Raises :class:`LogoError` with a sentence for staff when the file is missing
    or unreadable, or not a PNG, JPEG or BMP image.
    """
    if dots < 8 or max_height < 1:
        raise ValueError("a logo needs at least 8 dots of width and 1 of height")
    name = os.fspath(path)
    try:
        stat = os.stat(name)
    except OSError as exc:
        raise LogoError(_logo_reason(name, exc)) from None
    return _prepared_logo(name, stat.st_mtime_ns, stat.st_size, dots, max_height)


@functools.lru_cache(maxsize=8)
def _prepared_logo(
    path: str, _mtime_ns: int, _size: int, dots: int, max_height: int
) -> Image.Image:
    try:
        with Image.open(path) as source:
            if source.format not in LOGO_FORMATS:
                kind = f"a {source.format} image" if source.format else "not an image"
                raise LogoError(
                    f"the receipt logo {path} could not be read: it is {kind}, "
                    "not a PNG, JPEG or BMP image"
                )
            width, height = source.size
            if width * height > _LOGO_MAX_PIXELS:
                raise LogoError(
                    f"the receipt logo {path} could not be read: it is too large "
                    f"({width} x {height} pixels); use an image of at most {dots} pixels wide"
                )
            return _black_and_white(source, dots, max_height)
    except LogoError:
        raise
    except Exception as exc:  # a logo must never stop a receipt, whatever Pillow makes of it
        raise LogoError(_logo_reason(path, exc)) from None


def _black_and_white(source: Image.Image, dots: int, max_height: int) -> Image.Image:
    upright = ImageOps.exif_transpose(source)  # a copy, loaded (damaged files fail here)
    if upright.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        grey = Image.alpha_composite(paper, rgba).convert("L")
    elif upright.mode.startswith("I"):  # 16- or 32-bit grey: bring it to 8 bits first
        grey = upright.point(lambda value: value / 256).convert("L")
    else:
        grey = upright.convert("L")
    scale = min(1.0, dots / grey.width, max_height / grey.height)
    size = (
        max(1, min(dots, round(grey.width * scale))),
        max(1, min(max_height, round(grey.height * scale))),
    )
    if size != grey.size:
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    bits = grey.convert("1", dither=Image.Dither.FLOYDSTEINBERG)
    strip = Image.new("1", (dots, bits.height), 1)  # white paper
    strip.paste(bits, ((dots - bits.width) // 2, 0))
    return strip


def _logo_reason(path: str, exc: BaseException) -> str:
    """Why the logo at ``path`` could not be read, for staff (no file contents)."""
    if isinstance(exc, FileNotFoundError):
        why = "there is no such file"
    elif isinstance(exc, PermissionError):
        why = "the kiosk may not read it (permission denied)"
    elif isinstance(exc, IsADirectoryError):
        why = "it is a folder, not an image file"
    elif isinstance(exc, UnidentifiedImageError):
        why = "it is not a PNG, JPEG or BMP image"
    elif isinstance(exc, Image.DecompressionBombError):
        why = "it is too large"
    else:
        why = f"the image is damaged or incomplete ({type(exc).__name__})"
    return f"the receipt logo {path} could not be read: {why}"


def _image_dots(printer: escpos.Escpos, paper_mm: int) -> int:
    """The width a logo may have: the paper's printable width, or the profile's if narrower."""
    dots = PRINTABLE_DOTS[paper_mm]
    pixels = _profile_pixels(printer)
    return min(dots, pixels - pixels % 8) if pixels is not None and pixels >= 8 else dots


def _profile_pixels(printer: escpos.Escpos) -> int | None:
    """The media width in dots the printer's python-escpos profile gives, or None if unknown."""
    try:
        pixels = printer.profile.profile_data["media"]["width"]["pixels"]
    except (KeyError, TypeError, AttributeError):
        return None
    return pixels if isinstance(pixels, int) and not isinstance(pixels, bool) else None


class _WithMediaWidth:
    """A printer profile that reports ``pixels`` as its media width and is otherwise ``profile``.

    python-escpos's ``image()`` prints a notice to stdout (or fails) when the profile's media
    width is unknown; for the length of one ``image()`` call the printer carries this instead.
    """

    def __init__(self, profile: Any, pixels: int) -> None:
        self._profile = profile
        data: dict[str, Any] = dict(profile.profile_data)
        media: dict[str, Any] = dict(data.get("media") or {})
        media["width"] = {**(media.get("width") or {}), "pixels": pixels}
        data["media"] = media
        self.profile_data = data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._profile, name)


def _image_impl(printer: escpos.Escpos) -> str | None:
    """The python-escpos image command for the printer: a raster bit image (``GS v 0``), which
    printers know best, or column bit images (``ESC *``) for the few that lack it; or None."""
    for impl in ("bitImageRaster", "bitImageColumn"):
        if printer.profile.supports(impl):
            return impl
    return None


def _print_image(printer: escpos.Escpos, image: Image.Image, impl: str) -> None:
    """``image`` on ``printer`` through python-escpos's ``image()``."""
    if _profile_pixels(printer) is not None:
        printer.image(image, impl=impl, center=False)
        return
    profile = printer.profile
    printer.profile = _WithMediaWidth(profile, image.width)
    try:
        printer.image(image, impl=impl, center=False)
    finally:
        printer.profile = profile


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
        if settings.connection == "usb":
            missing = [
                key
                for key, value in (
                    ("usb_vendor", settings.usb_vendor),
                    ("usb_product", settings.usb_product),
                )
                if value is None
            ]
            if missing:
                raise ValueError(
                    f"a usb printer needs usb_vendor and usb_product, its USB vendor and product "
                    f"id (for example usb_vendor = 0x04b8, usb_product = 0x0e28); "
                    f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set"
                )
            for key, value in (
                ("usb_vendor", settings.usb_vendor),
                ("usb_product", settings.usb_product),
            ):
                if value is not None and not 0 <= value <= 0xFFFF:
                    raise ValueError(f"{key} must be a USB id from 0 to 0xffff, not {value}")
        self._settings = settings
        self._name = name
        self._lock = threading.Lock()
        self._last_health: DeviceHealth | None = None
        self._logo_problem = ""  # why the last receipt's logo was left out, for staff

    @property
    def settings(self) -> PrinterSettings:
        return self._settings

    # -- ReceiptPrinter

    def print_receipt(self, receipt: Receipt) -> None:
        """Print ``receipt``, or raise ``PrinterError`` with a reason for staff.

        Nothing is sent when the printer reports itself off-line, out of paper or with its cover
        open. A fault reported after sending also raises, since the receipt may be incomplete.
        A logo that cannot be read is left out: the receipt prints without it, a warning is
        logged and ``health()`` is degraded with the reason until a logo can be read again.
        """
        data, logo_problem = _render_job(
            receipt, width=self._settings.columns, profile=self._settings.profile
        )
        with self._lock:
            if logo_problem and logo_problem != self._logo_problem:
                log.warning("%s: %s; receipts print without it", self._name, logo_problem)
            self._logo_problem = logo_problem
            printer = self._open()
            try:
                before = self._read_status(printer)
                self._note(before)
                if _cannot_print(before.status):
                    raise PrinterError(before.problem, before.status)
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
                    raise PrinterError(
                        f"{after.problem}; the last receipt may be incomplete", after.status
                    )
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
        reason = reading.problem
        if self._logo_problem:  # receipts still print, without the logo
            if state is Health.OK:
                state = Health.DEGRADED
            reason = f"{reason}; {self._logo_problem}" if reason else self._logo_problem
        return DeviceHealth(self._name, state, reason, _condition(status, bool(self._logo_problem)))

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
                    printer = self._open_usb()
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

    def _open_usb(self) -> Any:
        """A python-escpos ``Usb`` printer on the device found by vendor and product id.

        Found and set up here, not by python-escpos: its ``open()`` resets the device on every
        job, waits without a timeout where none is given and reports every failure as "not
        found". Every transfer here waits ``timeout_s`` (in milliseconds, as pyusb counts).
        """
        s = self._settings
        ids = f"{s.usb_vendor or 0:04x}:{s.usb_product or 0:04x}"
        timeout_ms = _usb_timeout_ms(s.timeout_s)
        try:
            import usb.core  # type: ignore[import-untyped]
            from escpos.printer import Usb
        except ImportError:
            raise PrinterError(
                f"USB printing needs the pyusb package, which is not installed "
                f"(USB {self._name} {ids})"
            ) from None
        try:
            device = usb.core.find(idVendor=s.usb_vendor, idProduct=s.usb_product)
        except usb.core.NoBackendError:
            raise PrinterError(
                f"USB printing needs libusb (the Debian package libusb-1.0-0), which is not "
                f"installed (USB {self._name} {ids})"
            ) from None
        if device is None:
            raise PrinterError(_usb_absent(self._name, ids))
        try:
            device.default_timeout = timeout_ms
            out_ep, in_ep = _usb_claim(device)
        except usb.core.USBError as exc:
            log.info("%s: cannot use USB %s (%s)", self._name, ids, exc.errno)
            _usb_release(device)
            if exc.errno in (errno.EACCES, errno.EPERM):
                raise PrinterError(
                    f"the kiosk may not use the USB {self._name} {ids} (permission denied): "
                    "install the kiosk's udev rule, then unplug the printer and plug it in again"
                ) from None
            if exc.errno in (errno.ENODEV, errno.ENOENT):
                raise PrinterError(_usb_absent(self._name, ids)) from None
            if exc.errno == errno.EBUSY:
                raise PrinterError(
                    f"the USB {self._name} {ids} is in use by another program or driver: "
                    "stop it (for example CUPS), or unplug the printer and plug it in again"
                ) from None
            raise PrinterError(
                f"the USB {self._name} {ids} does not respond: switch it off and on, or unplug "
                "it and plug it in again"
            ) from None
        except Exception as exc:  # a device that describes itself oddly (no interface 0...)
            log.info("%s: cannot use USB %s (%s)", self._name, ids, type(exc).__name__)
            _usb_release(device)
            raise PrinterError(
                f"the USB {self._name} {ids} is not a printer the kiosk can use "
                f"({type(exc).__name__}): check usb_vendor and usb_product"
            ) from None
        printer = Usb(
            s.usb_vendor,
            s.usb_product,
            timeout=timeout_ms,
            in_ep=in_ep,
            out_ep=out_ep,
            profile=s.profile,
        )
        printer.device = device
        return printer

    def _query(self, printer: Any, n: int) -> int | None:
        """The one-byte reply to ``DLE EOT n``, or None when none came within the timeout."""
        s = self._settings
        try:
            printer._raw(_DLE_EOT + bytes([n]))
            if s.connection == "usb":
                reply = bytes(printer.device.read(printer.in_ep, 16, _usb_timeout_ms(s.timeout_s)))
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


def _usb_timeout_ms(timeout_s: float) -> int:
    """``timeout_s`` in milliseconds, as pyusb and python-escpos's ``Usb`` count; never 0 (which
    would be "wait for ever" to libusb)."""
    return max(1, round(timeout_s * 1000))


def _usb_release(device: Any) -> None:
    """Let go of the handle pyusb may have opened on ``device``; never raises."""
    try:
        import usb.util  # type: ignore[import-untyped]

        usb.util.dispose_resources(device)
    except Exception as exc:
        log.debug("releasing the USB device failed: %s", type(exc).__name__)


def _usb_absent(name: str, ids: str) -> str:
    return (
        f"no USB {name} {ids} is connected: check that it is switched on and that its USB "
        "cable is plugged in"
    )


_USB_BULK = 0x02  # bmAttributes transfer type
_USB_DIRECTION_IN = 0x80  # bEndpointAddress direction bit
_DEFAULT_USB_ENDPOINTS = (0x01, 0x82)  # python-escpos's defaults (out, in), as on Epson printers


def _usb_claim(device: Any) -> tuple[int, int]:
    """Ready ``device`` for printing: (out, in) bulk endpoint addresses of its first interface.

    The kernel's usblp driver is detached from the interface if it holds it; the device is
    configured only when it is not yet (configuring it again would reset it). Raises pyusb's
    ``USBError`` (permission denied, busy, gone).
    """
    try:
        if device.is_kernel_driver_active(0):
            device.detach_kernel_driver(0)
    except NotImplementedError:  # backends other than libusb 1.0 have no kernel drivers to detach
        pass
    import usb.core

    try:
        config = device.get_active_configuration()
    except usb.core.USBError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.ENODEV, errno.ENOENT, errno.EBUSY):
            raise
        config = None  # not configured yet
    if config is None:
        device.set_configuration()
        config = device.get_active_configuration()
    out_ep, in_ep = _DEFAULT_USB_ENDPOINTS
    found_out = found_in = False
    for endpoint in config[(0, 0)]:
        if endpoint.bmAttributes & 0x03 != _USB_BULK:
            continue
        address = int(endpoint.bEndpointAddress)
        if address & _USB_DIRECTION_IN and not found_in:
            in_ep, found_in = address, True
        elif not address & _USB_DIRECTION_IN and not found_out:
            out_ep, found_out = address, True
    return out_ep, in_ep


def _condition(status: PrinterStatus, logo_problem: bool) -> str:
    return status.condition or ("logo_unreadable" if logo_problem else "")


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
