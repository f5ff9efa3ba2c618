"""A pcscd of our own, in the foreground, for the hardware benchmark and the real-component tests.

One pcscd per machine (its socket path is fixed): :class:`Pcscd` waits for an earlier one to
go, starts it, and returns once the vpcd driver's virtual reader is listed.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
VIRTUAL_READER = "Virtual PCD 00 00"
VPCD_PORT = 35963


class PcscdError(RuntimeError):
    pass


def available() -> str:
    """Empty when pcscd and the vpcd driver are installed, else what is missing."""
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (Debian package pcscd)"
    if not VPCD_DRIVER.exists():
        return "the vpcd driver is not installed (Debian package vsmartcard-vpcd)"
    return ""


def running() -> bool:
    """Is some pcscd process alive on this machine?"""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if (proc / "comm").read_text().strip() == "pcscd":
                    return True
            except OSError:
                continue
    return False


def virtual_reader_listed() -> bool:
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return False
    try:
        hresult, names = scard.SCardListReaders(context, [])
        return hresult == scard.SCARD_S_SUCCESS and any(
            str(n).startswith(VIRTUAL_READER) for n in names
        )
    finally:
        scard.SCardReleaseContext(context)


class Pcscd:
    """pcscd in the foreground, ours to stop and start again."""

    def __init__(self, wait: float = 10.0, settle: float = 75.0) -> None:
        self.wait = wait
        self.settle = settle
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start pcscd and return once the virtual reader is listed.

        The vpcd driver binds its ports without SO_REUSEADDR: for up to a minute after an
        earlier pcscd the bind can fail and pcscd comes up without the virtual readers. Such a
        start is stopped and tried again until ``settle`` seconds have passed.
        """
        deadline = time.monotonic() + self.settle
        while True:
            try:
                self._start_once()
                return
            except PcscdError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1.0)

    def _start_once(self) -> None:
        deadline = time.monotonic() + self.wait
        while running():  # one that is still shutting down
            if time.monotonic() > deadline:
                raise PcscdError("another pcscd is running and does not go away")
            time.sleep(0.05)
        Path("/run/pcscd/pcscd.pid").unlink(missing_ok=True)
        self.proc = subprocess.Popen(
            ["pcscd", "--foreground"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        ready_by = time.monotonic() + min(self.wait, 3.0)
        while not virtual_reader_listed():
            if time.monotonic() > ready_by or self.proc.poll() is not None:
                self.stop()
                raise PcscdError("pcscd did not start with the virtual reader")
            time.sleep(0.02)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=self.wait)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=self.wait)


def insert_card(card: Any, wait: float = 10.0) -> None:
    """Put a ``hardware.vpcd_card.VirtualCard`` on the reader; the vpcd driver may need a moment
    after pcscd started before it listens."""
    deadline = time.monotonic() + wait
    while True:
        try:
            card.insert(timeout=1)
            return
        except ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
