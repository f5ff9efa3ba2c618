"""The thread that every code scanner adapter reads on: open, read until lost, open again.

A scanner adapter subclasses :class:`ReadingThread` and supplies three things: how to open the
device (``_open``: a handle, or None after setting the health to why it could not be opened),
how to read codes from an open handle until ``stop`` or until the device is lost
(``_read_until_stopped_or_lost``), and how to close a handle. The base owns the thread, the
health (one :class:`DeviceHealth`, with reasons for staff), the count of rejected reads and the
delivery of codes; the thread never dies on an exception and a lost device is opened again
every ``reopen_s`` until it works, so the kiosk never needs a restart.

Nothing here logs the text of a code.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from hardware.ports import CodeRead, DeviceHealth, Health

#: how long one read waits for input (s): the longest ``stop`` has to wait for the thread
READ_TIMEOUT_S = 0.2


class ReadingThread:
    """The ``CodeScanner`` port's ``start``/``stop``/``health`` over a reading thread."""

    def __init__(self, name: str, *, thread_name: str, reopen_s: float, log: logging.Logger):
        self._name = name
        self._thread_name = thread_name
        self._reopen_s = reopen_s
        self._log = log
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._health = DeviceHealth(name, Health.DEGRADED, "Not started")
        self._rejected = 0
        self._handle: Any = None  # the open device, so that ``stop`` can cut a read short

    # -- what a scanner adapter supplies -------------------------------------------------------

    def _open(self) -> Any:
        """An open device, or None (after setting the health to why not)."""
        raise NotImplementedError

    def _read_until_stopped_or_lost(self, handle: Any, on_code: Callable[[CodeRead], None]) -> bool:
        """Read codes until ``stop`` (False) or until the device is lost (True)."""
        raise NotImplementedError

    def _close(self, handle: Any) -> None:
        raise NotImplementedError

    def _interrupt(self, handle: Any) -> None:
        """Wake a read that is waiting on ``handle`` (called by ``stop``); optional."""

    # -- the port ------------------------------------------------------------------------------

    def start(self, on_code: Callable[[CodeRead], None]) -> None:
        old = self._thread
        if old is not None:
            old.join(timeout=READ_TIMEOUT_S + 2.0)  # one that was slow to stop: give it time
            if old.is_alive() and not self._stop.is_set():
                raise RuntimeError(f"the {self._name} is already started")
            if old.is_alive():
                raise RuntimeError(f"the {self._name}'s previous reading thread still runs")
            self._thread = None
        self._stop.clear()
        self._set_health(Health.DEGRADED, "Starting")
        self._thread = threading.Thread(
            target=self._run, args=(on_code,), name=self._thread_name, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is None:
            return
        with self._lock:
            if self._handle is not None:
                try:
                    self._interrupt(self._handle)
                except Exception as exc:  # the read timeout will do
                    self._log.debug("%s: interrupt: %s", self._name, type(exc).__name__)
        thread.join(timeout=READ_TIMEOUT_S + 2.0)
        if thread.is_alive():
            # Kept, so that a new start cannot run a second thread beside it (two readers
            # of one device, the old one still holding its grab).
            self._log.warning("%s: the reading thread did not stop in time", self._name)
        else:
            self._thread = None
        self._set_health(Health.DEGRADED, "Stopped")

    def health(self) -> DeviceHealth:
        with self._lock:
            return self._health

    @property
    def rejected(self) -> int:
        """Reads thrown away: over-long, undecodable, partial or misread."""
        with self._lock:
            return self._rejected

    # -- for the adapter -----------------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _set_health(self, state: Health, reason: str) -> None:
        with self._lock:
            changed = self._health.state != state or self._health.reason != reason
            self._health = DeviceHealth(self._name, state, reason)
        if changed:
            self._log.info("%s: %s%s", self._name, state.value, f" ({reason})" if reason else "")

    def _reject(self, why: str) -> None:
        with self._lock:
            self._rejected += 1
        self._log.info("%s: a scan was rejected: %s", self._name, why)

    def _deliver(
        self,
        code: str,
        on_code: Callable[[CodeRead], None],
        *,
        source: str,
        symbology: str | None = None,
    ) -> None:
        if not code:
            return
        try:
            on_code(CodeRead(code=code, symbology=symbology, source=source))
        except Exception as exc:  # a failing receiver must not stop the scanner
            self._log.error("%s: the code receiver failed: %s", self._name, type(exc).__name__)

    # -- the thread ----------------------------------------------------------------------------

    def _run(self, on_code: Callable[[CodeRead], None]) -> None:
        while not self._stop.is_set():
            handle: Any = None
            try:
                handle = self._open()
                if handle is None:
                    self._stop.wait(self._reopen_s)
                    continue
                with self._lock:
                    self._handle = handle
                self._set_health(Health.OK, "")
                lost = self._read_until_stopped_or_lost(handle, on_code)
                self._forget_and_close(handle)
                handle = None
                if lost:
                    self._stop.wait(self._reopen_s)
            except Exception as exc:  # the thread must never die
                self._log.error("%s: reading failed: %s", self._name, type(exc).__name__)
                self._set_health(Health.FAILED, f"The {self._name} stopped working")
                if handle is not None:
                    self._forget_and_close(handle)
                    handle = None
                self._stop.wait(self._reopen_s)
            finally:
                if handle is not None:
                    self._forget_and_close(handle)

    def _forget_and_close(self, handle: Any) -> None:
        with self._lock:
            self._handle = None
        try:
            self._close(handle)
        except Exception as exc:  # closing a vanished device may fail; it is gone either way
            self._log.debug("%s: closing failed: %s", self._name, type(exc).__name__)
