"""An RFID pad from any tag reader: watching the stack, reading and decoding each tag once,
switching security flags.

A :class:`TagReader` is the least a reader must do (ISO 15693 inventory, read a tag's memory,
write its AFI or EAS); the PC/SC adapter (``hardware.pcsc_rfid``), the fake (``hardware.fakes``)
and vendors' SDK adapters implement it. :class:`PadWatcher` turns one into the kiosk's
:class:`~hardware.ports.RfidPad`: a thread takes the inventory every ``poll_s`` seconds, reads
each new tag once (a tag that cannot be read is tried again at the next look, up to
``read_attempts`` times), decodes it (``hardware.iso28560``) and reports the stack whenever it
changed. Writes take the same lock as the looks, so the reader never gets two commands at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from hardware.iso28560 import AFI_IN_LIBRARY, AFI_ON_LOAN, TagData, TagProblem, decode
from hardware.ports import DeviceHealth, Health, RfidTag, TagGone

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TagMemory:
    """What a tag holds: its user memory and its system values, where the reader says."""

    data: bytes
    dsfid: int | None = None
    afi: int | None = None
    eas: bool | None = None


class TagReader(Protocol):
    """The least an RFID reader does for the kiosk. Every method may raise ``OSError`` (the
    reader is gone) and :class:`~hardware.ports.TagGone` (the tag left the field)."""

    def inventory(self) -> list[str]:
        """UIDs of the tags in the field now (hex, most significant byte first)."""
        ...

    def read(self, uid: str) -> TagMemory: ...

    def write_afi(self, uid: str, afi: int) -> None: ...

    def write_eas(self, uid: str, on: bool) -> None: ...

    def health(self) -> DeviceHealth: ...


class SecurityFlag(StrEnum):
    """How the library's gates know an item that was not lent (``[devices.rfid] security``)."""

    AFI = "afi"
    EAS = "eas"


@dataclass(frozen=True, slots=True)
class Security:
    flag: SecurityFlag = SecurityFlag.AFI
    afi_secured: int = AFI_IN_LIBRARY
    afi_unsecured: int = AFI_ON_LOAN

    def is_secured(self, memory: TagMemory) -> bool | None:
        if self.flag is SecurityFlag.EAS:
            return memory.eas
        if memory.afi is None:
            return None
        return memory.afi != self.afi_unsecured


class PadWatcher:
    """An :class:`~hardware.ports.RfidPad` made of a :class:`TagReader` (module doc).

    ``poll_s`` None: no thread; the owner calls :meth:`poll` (tests, benchmarks). A tag is
    taken as gone only after ``misses`` looks in a row without it (a tag at the edge of the
    field drops out of one inventory now and then); a reader that fails leaves the stack as
    it was last seen (nothing is known of it) and reports itself failed."""

    name = "RFID pad"

    def __init__(
        self,
        reader: TagReader,
        *,
        security: Security | None = None,
        poll_s: float | None = 0.1,
        read_attempts: int = 3,
        misses: int = 2,
    ) -> None:
        self.reader = reader
        self.security = security or Security()
        self._poll_s = poll_s
        self._attempts = read_attempts
        self._lock = threading.Lock()
        self._on_change: Callable[[tuple[RfidTag, ...]], None] | None = None
        self._known: dict[str, RfidTag] = {}
        self._tries: dict[str, int] = {}
        self._misses = max(1, misses)
        self._missing: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failure = ""

    # ------------------------------------------------------------ RfidPad
    def start(self, on_change: Callable[[tuple[RfidTag, ...]], None]) -> None:
        self._on_change = on_change
        self._stop.clear()
        if self._poll_s is not None and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="rfid-pad", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._on_change = None

    def set_secured(self, uid: str, secured: bool) -> None:
        """Write the flag; ``TagGone`` when the tag does not answer. A tag that did not is
        taken off the stack at once (and reported), so that it counts as put back when the
        next look finds it again."""
        gone: tuple[RfidTag, ...] | None = None
        try:
            with self._lock:
                try:
                    if self.security.flag is SecurityFlag.EAS:
                        self.reader.write_eas(uid, secured)
                    else:
                        afi = self.security.afi_secured if secured else self.security.afi_unsecured
                        self.reader.write_afi(uid, afi)
                except TagGone:
                    if self._known.pop(uid, None) is not None:
                        self._tries.pop(uid, None)
                        self._missing.pop(uid, None)
                        gone = tuple(self._known.values())
                    raise
                tag = self._known.get(uid)
                if tag is not None:
                    self._known[uid] = RfidTag(tag.uid, tag.data, tag.problem, secured)
        finally:
            callback = self._on_change
            if gone is not None and callback is not None:
                callback(gone)

    def health(self) -> DeviceHealth:
        if self._failure:
            return DeviceHealth("rfid", Health.FAILED, self._failure, "offline")
        try:
            return self.reader.health()
        except OSError as exc:
            return DeviceHealth("rfid", Health.FAILED, str(exc), "offline")

    # ------------------------------------------------------------ watching
    def _run(self) -> None:
        assert self._poll_s is not None
        while not self._stop.is_set():
            try:
                self.poll()
            except Exception as exc:  # the thread must outlive a bad look
                log.error("the RFID pad's look failed: %s", type(exc).__name__)
            self._stop.wait(self._poll_s)

    def poll(self) -> tuple[RfidTag, ...] | None:
        """One look at the pad; reports and returns the stack when it changed, else None."""
        stack: tuple[RfidTag, ...]
        with self._lock:
            try:
                present = self.reader.inventory()
            except OSError as exc:
                if not self._failure:
                    log.warning("the RFID pad cannot be read: %s", exc)
                self._failure = str(exc) or type(exc).__name__
                return None  # what lies on it is not known: nothing is said about it
            else:
                self._failure = ""
                changed = False
                for uid in list(self._known):
                    if uid in present:
                        self._missing.pop(uid, None)
                        continue
                    self._missing[uid] = self._missing.get(uid, 0) + 1
                    if self._missing[uid] >= self._misses:
                        del self._known[uid]
                        self._tries.pop(uid, None)
                        self._missing.pop(uid, None)
                        changed = True
                for uid in present:
                    known = self._known.get(uid)
                    if known is not None and known.problem != "read_failed":
                        continue
                    tag = self._read(uid)
                    if tag is None:
                        continue  # gone between the inventory and the read
                    if known is None or tag != known:
                        self._known[uid] = tag
                        changed = True
                stack = tuple(self._known.values())
        if not changed:
            return None
        callback = self._on_change
        if callback is not None:
            callback(stack)
        return stack

    def _read(self, uid: str) -> RfidTag | None:
        tries = self._tries.get(uid, 0)
        if tries >= self._attempts:
            return self._known.get(uid)  # given up: it stays "read_failed"
        self._tries[uid] = tries + 1
        try:
            memory = self.reader.read(uid)
        except TagGone:
            return None
        except OSError as exc:
            log.info("a tag could not be read (attempt %d): %s", tries + 1, type(exc).__name__)
            return RfidTag(uid, problem="read_failed")
        decoded = decode(memory.data, memory.dsfid)
        secured = self.security.is_secured(memory)
        if isinstance(decoded, TagProblem):
            return RfidTag(uid, problem=decoded.problem.value, secured=secured)
        return RfidTag(uid, decoded, secured=secured)


def tag_item(tag: RfidTag) -> TagData | None:
    """The item a tag on the pad is part of, when it is a readable library item."""
    return tag.data if tag.data is not None and tag.data.is_item else None
