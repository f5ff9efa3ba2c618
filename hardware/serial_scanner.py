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
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import serial

from hardware.ports import CodeRead, DeviceHealth, Health

log = logging.getLogger("hardware.serial_scanner")

#: how long one read waits for bytes (s): the longest ``stop`` has to wait for the thread
READ_TIMEOUT_S = 0.2


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


class SerialScanner:
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
        self._settings = settings
        self._name = name
        self._open_port: Callable[..., Any] = open_port or serial.serial_for_url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._health = DeviceHealth(name, Health.DEGRADED, "Not started")
        self._rejected = 0
        self._port: Any = None  # the open port, so that ``stop`` can cut a read short

    # -- the port ------------------------------------------------------------------------------

    def start(self, on_code: Callable[[CodeRead], None]) -> None:
        if self._thread is not None:
            raise RuntimeError("the serial scanner is already started")
        self._stop.clear()
        self._set_health(Health.DEGRADED, "Starting")
        self._thread = threading.Thread(
            target=self._run, args=(on_code,), name="serial-scanner", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return
        with self._lock:
            if self._port is not None:
                try:
                    self._port.cancel_read()  # pyserial wakes the read up at once
                except Exception as exc:  # not every port kind can; the read timeout will do
                    log.debug("%s: cancel_read: %s", self._name, type(exc).__name__)
        thread.join(timeout=READ_TIMEOUT_S + 2.0)
        if thread.is_alive():
            log.warning("%s: the reading thread did not stop in time", self._name)
        self._set_health(Health.DEGRADED, "Stopped")

    def health(self) -> DeviceHealth:
        with self._lock:
            return self._health

    @property
    def rejected(self) -> int:
        """Reads thrown away: over-long, undecodable or partial."""
        with self._lock:
            return self._rejected

    # -- the reading thread --------------------------------------------------------------------

    def _set_health(self, state: Health, reason: str) -> None:
        with self._lock:
            changed = self._health.state != state or self._health.reason != reason
            self._health = DeviceHealth(self._name, state, reason)
        if changed:
            log.info("%s: %s%s", self._name, state.value, f" ({reason})" if reason else "")

    def _reject(self, why: str) -> None:
        with self._lock:
            self._rejected += 1
        log.info("%s: a scan was rejected: %s", self._name, why)

    def _run(self, on_code: Callable[[CodeRead], None]) -> None:
        while not self._stop.is_set():
            port: Any = None
            try:
                port = self._open()
                if port is None:
                    self._stop.wait(self._settings.reopen_s)
                    continue
                with self._lock:
                    self._port = port
                self._set_health(Health.OK, "")
                lost = self._read_until_stopped_or_lost(port, on_code)
                self._forget_and_close(port)
                port = None
                if lost:
                    self._stop.wait(self._settings.reopen_s)
            except Exception as exc:  # the thread must never die
                log.error("%s: reading failed: %s", self._name, type(exc).__name__)
                self._set_health(Health.FAILED, f"The {self._name} stopped working")
                if port is not None:
                    self._forget_and_close(port)
                    port = None
                self._stop.wait(self._settings.reopen_s)
            finally:
                if port is not None:
                    self._forget_and_close(port)

    def _forget_and_close(self, port: Any) -> None:
        with self._lock:
            self._port = None
        _close_quietly(port)

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
        while not self._stop.is_set():
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
                        self._deliver(bytes(buffer), on_code)
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

    def _deliver(self, raw: bytes, on_code: Callable[[CodeRead], None]) -> None:
        code = self._decode(raw)
        if code is None:
            return
        try:
            on_code(CodeRead(code=code, symbology=None, source=self._settings.port))
        except Exception as exc:  # a failing receiver must not stop the scanner
            log.error("%s: the code receiver failed: %s", self._name, type(exc).__name__)

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


def _close_quietly(port: Any) -> None:
    try:
        port.close()
    except Exception as exc:  # closing a vanished device may fail; it is gone either way
        log.debug("closing the serial port failed: %s", type(exc).__name__)
