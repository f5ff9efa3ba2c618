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
            raise RuntimeError("the card reader is already started")
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(on_presented, on_removed), name="pcsc-reader", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5 + self._settings.poll_ms / 1000)

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
        scard = self._scard
        context: Any = None
        present = False
        reader = ""
        state = scard.SCARD_STATE_UNAWARE
        try:
            while not self._stop.is_set():
                if context is None:
                    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
                    if hresult != scard.SCARD_S_SUCCESS:
                        context = None
                        self._set_health(Health.FAILED, "The card reader service is not running")
                        self._stop.wait(self._settings.retry_s)
                        continue
                    reader, state = "", scard.SCARD_STATE_UNAWARE
                if not reader:
                    reader = self._find_reader(context)
                    if not reader:
                        if present:
                            present = False
                            on_removed(self.reader_name)
                        if not self._wait_for_readers(context):
                            self._drop(context)
                            context = None
                        continue
                    self.reader_name = reader
                    self._set_health(Health.OK, "")
                hresult, states = scard.SCardGetStatusChange(
                    context, self._settings.poll_ms, [(reader, state)]
                )
                if hresult == scard.SCARD_E_TIMEOUT:
                    continue
                if hresult != scard.SCARD_S_SUCCESS:
                    # pcscd stopped, or the reader went away with it: start over.
                    log.info("%s: status wait failed (%s)", self._name, _text(scard, hresult))
                    if present:
                        present = False
                        on_removed(reader)
                    self._drop(context)
                    context = None
                    if hresult not in (
                        scard.SCARD_E_UNKNOWN_READER,
                        scard.SCARD_E_READER_UNAVAILABLE,
                    ):
                        self._set_health(Health.FAILED, "The card reader service stopped")
                    continue
                event = states[0][1]
                state = event & ~scard.SCARD_STATE_CHANGED
                if event & (scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_UNKNOWN):
                    if present:
                        present = False
                        on_removed(reader)
                    self._set_health(Health.FAILED, "The card reader was unplugged")
                    reader, state = "", scard.SCARD_STATE_UNAWARE
                    continue
                if event & scard.SCARD_STATE_PRESENT and not present:
                    present = True
                    self._on_card(context, reader, on_presented)
                elif event & scard.SCARD_STATE_EMPTY and present:
                    present = False
                    on_removed(reader)
        except Exception as exc:  # the thread must never die silently
            log.error("%s: watching stopped: %s", self._name, type(exc).__name__)
            self._set_health(Health.FAILED, "The card reader stopped working")
        finally:
            if context is not None:
                scard.SCardReleaseContext(context)

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
        on_presented(CardPresented(card_number=number, raw_id=raw, reader=reader))

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
