"""Serial barcode scanners (pyserial): scanners on an RS-232 port or a USB virtual COM port.

A thread of the adapter's own opens the port and reads it with a short timeout, so ``stop`` is
honoured at once. Bytes are collected until a terminator byte (CR or LF by default); the run
is decoded, the scanner-programmed prefix and suffix are removed, whitespace at the ends and
control characters are dropped, and what is left is handed on as a :class:`CodeRead`.

Garbage is rejected, never a crash: a run longer than ``max_length`` without a terminator, bytes
that do not decode, and a partial scan that stops arriving (``partial_timeout_s``) are thrown
away and counted in :attr:`SerialScanner.rejected`.

A port that cannot be opened, or that disappears (a USB scanner unplugged), sets the health to
FAILED with a reason for staff, and is tried again every ``reopen_s`` until it works: the kiosk
never needs a restart. The thread never dies on an exception.

Nothing here logs the text of a code.
"""

from __future__ import annotations

import codecs
import errno
import logging
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import serial

from hardware.ports import CodeRead, Health
from hardware.reading import READ_TIMEOUT_S, ReadingThread

log = logging.getLogger("hardware.serial_scanner")


@dataclass(frozen=True, slots=True)
class SerialScannerSettings:
    #: a device path (``/dev/ttyACM0``, ``/dev/serial/by-id/...``) or a pyserial URL
    port: str
    baudrate: int = 9600
    #: stripped from the start of each code when present (a scanner-programmed prefix)
    prefix: str = ""
    #: stripped from the end of each code when present
    suffix: str = ""
    #: any one of these bytes ends a code
    terminators: bytes = b"\r\n"
    #: bytes -> text; bytes that do not decode make the code rejected
    encoding: str = "ascii"
    #: a longer run without a terminator is discarded as garbage (and counted)
    max_length: int = 64
    #: pause before opening again a port that could not be opened or vanished (s)
    reopen_s: float = 1.0
    #: a partial code with no further byte for this long is discarded (and counted);
    #: ``0`` keeps partial codes until a terminator comes
    partial_timeout_s: float = 1.0


class SerialScanner(ReadingThread):
    """``CodeScanner`` on a serial port; create, ``start`` with a callback, ``stop``."""

    def __init__(
        self,
        settings: SerialScannerSettings,
        *,
        name: str = "barcode scanner",
        open_port: Callable[..., serial.Serial] | None = None,
    ) -> None:
        if not settings.port:
            raise ValueError("the serial scanner needs a port")
        if not settings.terminators:
            raise ValueError("the serial scanner needs at least one terminator byte")
        if settings.max_length < 1:
            raise ValueError("max_length must be at least 1")
        codecs.lookup(settings.encoding)  # LookupError now, not on the first scan
        super().__init__(name, thread_name="serial-scanner", reopen_s=settings.reopen_s, log=log)
        self._settings = settings
        self._open_port: Callable[..., Any] = open_port or serial.serial_for_url

    # -- the device ----------------------------------------------------------------------------

    def _interrupt(self, handle: Any) -> None:
        handle.cancel_read()  # pyserial wakes the read up at once

    def _close(self, handle: Any) -> None:
        handle.close()

    def _open(self) -> Any:
        settings = self._settings
        try:
            return self._open_port(
                settings.port, baudrate=settings.baudrate, timeout=READ_TIMEOUT_S
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            self._set_health(Health.FAILED, self._open_failure(exc))
            return None

    def _open_failure(self, exc: Exception) -> str:
        where = f"The {self._name} on {self._settings.port}"
        code = getattr(exc, "errno", None)
        if code in (errno.EACCES, errno.EPERM):
            return f"{where} cannot be used: the kiosk has no permission to open it"
        if code == errno.EBUSY:
            return f"{where} is in use by another program"
        if isinstance(exc, ValueError):
            return f"{where} is configured wrongly"
        return f"{where} is not connected"

    def _read_until_stopped_or_lost(self, port: Any, on_code: Callable[[CodeRead], None]) -> bool:
        """Read codes until ``stop`` (False) or until the port is lost (True)."""
        settings = self._settings
        terminators = frozenset(settings.terminators)
        buffer = bytearray()
        discarding = False  # inside an over-long run: drop bytes until the next terminator
        last_byte_at = 0.0
        while not self.stopping:
            try:
                data: bytes = port.read(1)
                if data:
                    waiting = port.in_waiting
                    if waiting:
                        data += port.read(waiting)
            except (serial.SerialException, OSError) as exc:
                log.info("%s: the port was lost: %s", self._name, type(exc).__name__)
                if buffer or discarding:
                    self._reject("the port was lost in the middle of a scan")
                self._set_health(
                    Health.FAILED, f"The {self._name} on {settings.port} is not connected"
                )
                return True
            now = time.monotonic()
            if not data:
                if (
                    buffer
                    and settings.partial_timeout_s > 0
                    and now - last_byte_at >= settings.partial_timeout_s
                ):
                    buffer.clear()
                    self._reject("a partial scan without a terminator")
                continue
            last_byte_at = now
            for byte in data:
                if byte in terminators:
                    if discarding:
                        discarding = False
                    elif buffer:
                        self._deliver_raw(bytes(buffer), on_code)
                        buffer.clear()
                    continue
                if discarding:
                    continue
                buffer.append(byte)
                if len(buffer) > settings.max_length:
                    buffer.clear()
                    discarding = True
                    self._reject(f"longer than {settings.max_length} bytes without a terminator")
        return False

    def _deliver_raw(self, raw: bytes, on_code: Callable[[CodeRead], None]) -> None:
        code = self._decode(raw)
        if code is not None:
            self._deliver(code, on_code, source=self._settings.port)

    def _decode(self, raw: bytes) -> str | None:
        """The code in ``raw``; None when it is empty or rejected."""
        settings = self._settings
        try:
            text = raw.decode(settings.encoding)
        except UnicodeDecodeError:
            self._reject(f"bytes that are not {settings.encoding}")
            return None
        text = clean_code(text, settings.prefix, settings.suffix)
        return text or None


def clean_code(text: str, prefix: str = "", suffix: str = "") -> str:
    """``text`` without ``prefix``/``suffix`` (when present), control characters and outer
    whitespace."""
    for candidate in (text, text.strip()):
        if prefix and candidate.startswith(prefix):
            text = candidate[len(prefix) :]
            break
    for candidate in (text, text.strip()):
        if suffix and candidate.endswith(suffix):
            text = candidate[: -len(suffix)]
            break
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    return text.strip()
