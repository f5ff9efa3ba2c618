"""PC/SC card reader (pyscard): pass cards tapped on or put in a reader.

One thread of the adapter's own watches the chosen reader with ``SCardGetStatusChange`` (a
short timeout, so ``stop`` is honoured at once). A card put on the reader is connected to and
read: its contactless UID (``FF CA 00 00 00``) turned into the card number by the library's
:class:`~hardware.codes.UidRule`, or, for contact cards, the data of an APDU sequence (SELECT,
READ BINARY) taken as the number. Callbacks run on that thread.

It recovers without a restart of the kiosk: a reader unplugged and plugged back, pcscd stopped
and started again (the context is established anew, with a pause between attempts). Each state
is visible in :meth:`PcscCardReader.health`, written for staff.

Nothing here logs a UID or a card number.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from hardware.codes import UidError, UidRule, card_number_from_uid
from hardware.ports import CardPresented, DeviceHealth, Health

log = logging.getLogger("hardware.pcsc")

GET_UID = bytes.fromhex("FFCA000000")
PNP = "\\\\?PnP?\\Notification"
READ_ATTEMPTS = 3
READ_RETRY_S = 0.3


@dataclass(frozen=True, slots=True)
class PcscSettings:
    #: regular expression matched against reader names (search); empty: the first reader
    reader: str = ""
    method: Literal["uid", "apdu"] = "uid"
    uid_rule: UidRule = field(default_factory=UidRule)
    #: for ``apdu``: commands sent in order; the last answer's data (ASCII digits/letters) is
    #: the card number
    apdus: tuple[bytes, ...] = ()
    #: how long one wait for a change lasts (ms): the longest ``stop`` can take
    poll_ms: int = 250
    #: pause before trying pcscd or a missing reader again (s)
    retry_s: float = 1.0


class CardReadError(Exception):
    """A card that could not be read (the text never contains card data)."""


@dataclass(slots=True)
class _Watch:
    """The watching thread's state."""

    context: Any = None
    reader: str = ""
    state: int = 0
    present: bool = False
    count: int | None = None


class PcscCardReader:
    """``CardReader`` on a PC/SC reader; create, ``start`` with callbacks, ``stop``."""

    def __init__(self, settings: PcscSettings, *, name: str = "card reader") -> None:
        from smartcard import scard  # imported here: pyscard needs libpcsclite at import

        self._scard: Any = scard
        self._settings = settings
        self._pattern = re.compile(settings.reader) if settings.reader else None
        self._name = name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._health = DeviceHealth(name, Health.DEGRADED, "Starting")
        self._lock = threading.Lock()
        self.reader_name = ""

    # -- the port ------------------------------------------------------------------------------

    def start(
        self,
        on_presented: Callable[[CardPresented], None],
        on_removed: Callable[[str], None],
    ) -> None:
        if self._thread is not None:
            if self._thread.is_alive():
                raise RuntimeError("the card reader is still running (started, or not yet stopped)")
            self._thread = None
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(on_presented, on_removed), name="pcsc-reader", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5 + self._settings.poll_ms / 1000)
            if not thread.is_alive():
                self._thread = None  # else kept: a later start() must not revive it

    def health(self) -> DeviceHealth:
        with self._lock:
            return self._health

    # -- the watching thread -------------------------------------------------------------------

    def _set_health(self, state: Health, reason: str) -> None:
        with self._lock:
            changed = self._health.state != state or self._health.reason != reason
            self._health = DeviceHealth(self._name, state, reason)
        if changed:
            log.info("%s: %s%s", self._name, state.value, f" ({reason})" if reason else "")

    def _run(
        self, on_presented: Callable[[CardPresented], None], on_removed: Callable[[str], None]
    ) -> None:
        w = _Watch()
        while not self._stop.is_set():
            try:
                self._step(w, on_presented, on_removed)
            except Exception as exc:  # never die: report, start over after a pause
                log.error("%s: watching failed: %s", self._name, type(exc).__name__)
                self._set_health(Health.FAILED, "The card reader stopped working; retrying")
                if w.context is not None:
                    self._scard.SCardReleaseContext(w.context)
                w.context, w.reader = None, ""
                self._stop.wait(self._settings.retry_s)
        if w.context is not None:
            self._scard.SCardReleaseContext(w.context)

    def _emit(self, callback: Callable[[Any], None], value: Any) -> None:
        """A callback that raises must not end the watching; none is called after ``stop``."""
        if self._stop.is_set():
            return
        try:
            callback(value)
        except Exception as exc:
            log.error("%s: a card event handler failed: %s", self._name, type(exc).__name__)

    def _removed(self, w: _Watch, on_removed: Callable[[str], None]) -> None:
        if w.present:
            w.present = False
            self._emit(on_removed, w.reader or self.reader_name)

    def _step(
        self,
        w: _Watch,
        on_presented: Callable[[CardPresented], None],
        on_removed: Callable[[str], None],
    ) -> None:
        """One round: (re)connect to pcscd, find the reader, wait for a change, act on it."""
        scard = self._scard
        if w.context is None:
            hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                self._set_health(Health.FAILED, "The card reader service is not running")
                self._stop.wait(self._settings.retry_s)
                return
            w.context, w.reader, w.state = context, "", scard.SCARD_STATE_UNAWARE
        if not w.reader:
            reader = self._find_reader(w.context)
            if not reader:
                self._removed(w, on_removed)
                if not self._wait_for_readers(w.context):
                    self._drop(w.context)
                    w.context = None
                return
            w.reader = self.reader_name = reader
            w.state = scard.SCARD_STATE_UNAWARE
            self._set_health(Health.OK, "")
        hresult, states = scard.SCardGetStatusChange(
            w.context, self._settings.poll_ms, [(w.reader, w.state)]
        )
        if hresult == scard.SCARD_E_TIMEOUT:
            return
        if hresult != scard.SCARD_S_SUCCESS:
            # pcscd stopped, or the reader went away with it: start over.
            log.info("%s: status wait failed (%s)", self._name, _text(scard, hresult))
            self._removed(w, on_removed)
            self._drop(w.context)
            w.context = None
            if hresult not in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
                self._set_health(Health.FAILED, "The card reader service stopped")
            return
        event = states[0][1]
        w.state = event & ~scard.SCARD_STATE_CHANGED
        count = event >> 16  # pcsc-lite counts insertions and removals in the high 16 bits
        if event & (scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_UNKNOWN):
            self._removed(w, on_removed)
            self._set_health(Health.FAILED, "The card reader was unplugged")
            w.reader, w.state = "", scard.SCARD_STATE_UNAWARE
            return
        if event & scard.SCARD_STATE_PRESENT:
            if w.present and w.count is not None and count != w.count:
                # Taken away and another put on between two looks: never keep the first
                # member's session on someone else's card.
                self._removed(w, on_removed)
            w.count = count
            if not w.present:
                w.present = True
                self._on_card(w.context, w.reader, on_presented)
        elif event & scard.SCARD_STATE_EMPTY:
            w.count = count
            self._removed(w, on_removed)

    def _drop(self, context: Any) -> None:
        self._scard.SCardReleaseContext(context)
        self._stop.wait(self._settings.retry_s)

    def _find_reader(self, context: Any) -> str:
        scard = self._scard
        hresult, names = scard.SCardListReaders(context, [])
        if hresult != scard.SCARD_S_SUCCESS or not names:
            what = "No card reader is connected"
            if self._pattern is not None:
                what = f"The card reader matching '{self._settings.reader}' is not connected"
            self._set_health(Health.FAILED, what)
            return ""
        for name in names:
            if self._pattern is None or self._pattern.search(name):
                return str(name)
        self._set_health(
            Health.FAILED, f"The card reader matching '{self._settings.reader}' is not connected"
        )
        return ""

    def _wait_for_readers(self, context: Any) -> bool:
        """Wait for a reader to be plugged in; False when pcscd itself went away."""
        scard = self._scard
        hresult, _ = scard.SCardGetStatusChange(
            context, int(self._settings.retry_s * 1000), [(PNP, scard.SCARD_STATE_UNAWARE)]
        )
        if hresult in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
            return True
        # Old pcscd without PnP notification support: simply wait and look again.
        if hresult == scard.SCARD_E_UNKNOWN_READER:
            self._stop.wait(self._settings.retry_s)
            return True
        return False

    def _on_card(
        self, context: Any, reader: str, on_presented: Callable[[CardPresented], None]
    ) -> None:
        for attempt in range(READ_ATTEMPTS):
            try:
                number, raw = self._read(context, reader)
                break
            except CardReadError as exc:
                # A card still settling in the field, or put back just after one was taken
                # away (the reader had not seen that yet), fails once; a moment later it reads.
                log.info("%s: a card could not be read: %s", self._name, exc)
                if attempt + 1 == READ_ATTEMPTS or self._stop.wait(READ_RETRY_S):
                    self._set_health(
                        Health.DEGRADED, "A card could not be read; it may need another try"
                    )
                    return
        self._set_health(Health.OK, "")
        self._emit(on_presented, CardPresented(card_number=number, raw_id=raw, reader=reader))

    def _read(self, context: Any, reader: str) -> tuple[str, bytes]:
        scard = self._scard
        hresult, card, protocol = scard.SCardConnect(
            context,
            reader,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if hresult != scard.SCARD_S_SUCCESS:
            raise CardReadError(f"connect failed ({_text(scard, hresult)})")
        try:
            if self._settings.method == "uid":
                uid = self._transmit(card, protocol, GET_UID)
                try:
                    return card_number_from_uid(uid, self._settings.uid_rule), uid
                except UidError as exc:
                    raise CardReadError(str(exc)) from None
            data = b""
            for apdu in self._settings.apdus:
                data = self._transmit(card, protocol, apdu)
            text = data.decode("ascii", errors="replace").strip("\x00 ")
            if not text or not text.isalnum():
                raise CardReadError("the card's data is not a card number")
            return text, data
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)

    def _transmit(self, card: Any, protocol: int, apdu: bytes) -> bytes:
        scard = self._scard
        hresult, response = scard.SCardTransmit(card, protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            raise CardReadError(f"transmit failed ({_text(scard, hresult)})")
        if len(response) < 2 or response[-2:] != [0x90, 0x00]:
            sw = bytes(response[-2:]).hex().upper() if len(response) >= 2 else "none"
            raise CardReadError(
                f"the card answered status {sw} to command {apdu[:2].hex().upper()}"
            )
        return bytes(response[:-2])


def _text(scard: Any, hresult: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(hresult))
    except Exception:  # pragma: no cover - a pyscard without messages
        return hex(hresult & 0xFFFFFFFF)
