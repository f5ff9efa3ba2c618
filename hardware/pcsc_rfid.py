"""ISO 15693 library tags through a PC/SC reader (pyscard): a ``hardware.rfid.TagReader``.

Readers that show vicinity tags over PC/SC (ACS ACR1552U, and others implementing the PC/SC
part 3 supplement) let the host send ISO 15693 frames in a *transparent session*
(``FF C2``): the adapter then sees the whole stack, by the standard's anticollision (one-slot
inventories with a growing mask: a collision splits the mask by one more bit), reads each tag's
system information and memory, and writes AFI or EAS. A reader without transparent exchange
shows one tag at a time: its UID (``FF CA``) and its blocks (``READ BINARY``, ``FF B0 00 bb 04``);
its security flag cannot be written through PC/SC, so such a reader suits returns only.

The reader is chosen by a regular expression on its name. The connection is kept while a tag
is in the field and made anew when the field empties or the reader goes. UIDs are handled most
significant byte first (``E0 04 …``), as printed on tags; on the air they go least first.
Nothing here logs tag data.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from hardware.ports import DeviceHealth, Health, TagGone
from hardware.rfid import TagMemory

log = logging.getLogger(__name__)

START_SESSION = bytes.fromhex("FFC20000028100")
END_SESSION = bytes.fromhex("FFC20000028200")
ISO15693_LAYER3 = bytes.fromhex("FFC20002048F020203")
GET_UID = bytes.fromhex("FFCA000000")
#: the reader waits this long for a tag's answer: 1 s for reads and writes (ICODE writes take
#: their time), 20 ms for an inventory slot (a tag answers in well under 1 ms, or not at all)
TIMER = bytes.fromhex("5F460440420F00")
INVENTORY_TIMER = bytes.fromhex("5F4604204E0000")

HIGH_RATE = 0x02
INVENTORY = 0x04
ONE_SLOT = 0x20
ADDRESSED = 0x20
NXP = 0x04
#: blocks asked for in one Read Multiple Blocks
BLOCKS_AT_ONCE = 8
MAX_TAGS = 64
#: inventory frames one look may send: a reader that answers every frame with an error it
#: calls a collision must not keep the pad (and the device thread) busy for ever
MAX_FRAMES = 4 * MAX_TAGS + 64


class PcscRfidError(OSError):
    """The reader (not a tag) failed: not connected, pcscd away, a command refused."""


class _NoAnswer(Exception):
    """No tag answered the frame in time."""


class _Collision(Exception):
    """More than one tag answered the frame."""


class PcscTagReader:
    """A ``hardware.rfid.TagReader`` on a PC/SC reader (module doc)."""

    def __init__(self, reader: str = "", *, eas: bool = False) -> None:
        from smartcard import scard

        self._scard = scard
        self._pattern = re.compile(reader) if reader else None
        self._wanted = reader
        #: the library uses the EAS bit: each NXP tag's EAS is looked at when it is read
        self._eas = eas
        self._frames = 0
        self._lock = threading.RLock()
        self._context: Any = None
        self._card: Any = None
        self._protocol = 0
        self._name = ""
        #: None: not known yet; else whether the reader does transparent exchange
        self.transparent: bool | None = None
        self._health = DeviceHealth("rfid", Health.OK)

    # ------------------------------------------------------------ TagReader
    def inventory(self) -> list[str]:
        """The tags in the field; raises ``PcscRfidError`` when the reader cannot say (a
        field that empties is seen when the connection is made anew: no tag, no card)."""
        with self._lock:
            if not self._connect():
                return []
            try:
                if self.transparent:
                    found: list[bytes] = []
                    self._frames = 0
                    self._anticollision(0, 0, found)
                    return [uid.hex().upper() for uid in found]
                uid = self._apdu(GET_UID)
                return [_msb_first(uid).hex().upper()]
            except PcscRfidError:
                self._disconnect()
                if not self._connect():
                    return []  # the field emptied: the reader has no "card" any more
                raise

    def read(self, uid: str) -> TagMemory:
        with self._lock:
            if not self._connect():
                raise TagGone(uid)
            try:
                if not self.transparent:
                    return self._read_binary(uid)
                info = self._addressed(0x2B, uid)
                if len(info) < 13 or info[0] & 0x0F != 0x0F:
                    raise PcscRfidError("the tag's system information is incomplete")
                # Information flags, UID (8), then DSFID, AFI, memory size (and IC reference).
                at = 9
                dsfid, afi = info[at], info[at + 1]
                blocks, size = info[at + 2] + 1, (info[at + 3] & 0x1F) + 1
                data = bytearray()
                for first in range(0, blocks, BLOCKS_AT_ONCE):
                    count = min(BLOCKS_AT_ONCE, blocks - first)
                    data += self._addressed(0x23, uid, bytes([first, count - 1]))[: count * size]
                eas = None
                if self._eas and bytes.fromhex(uid)[1:2] == bytes([NXP]):
                    try:
                        self._addressed(0xA5, uid, custom=True)
                        eas = True
                    except TagGone:
                        eas = False  # an NXP tag without EAS set keeps quiet
                return TagMemory(bytes(data), dsfid, afi, eas)
            except _NoAnswer:
                raise TagGone(uid) from None

    def write_afi(self, uid: str, afi: int) -> None:
        with self._lock:
            self._write(uid, 0x27, bytes([afi]))

    def write_eas(self, uid: str, on: bool) -> None:
        with self._lock:
            self._write(uid, 0xA2 if on else 0xA3, b"", custom=True)

    def health(self) -> DeviceHealth:
        with self._lock:
            if self._card is None and not self._find_reader():
                return self._health
            return DeviceHealth("rfid", Health.OK)

    def close(self) -> None:
        with self._lock:
            self._disconnect()
            if self._context is not None:
                self._scard.SCardReleaseContext(self._context)
                self._context = None

    # ------------------------------------------------------------ ISO 15693 over PC/SC
    def _write(self, uid: str, command: int, args: bytes, *, custom: bool = False) -> None:
        if not self._connect():
            raise TagGone(uid)
        if not self.transparent:
            raise PcscRfidError("this reader cannot write a tag's security flag over PC/SC")
        try:
            self._addressed(command, uid, args, custom=custom)
        except _NoAnswer:
            raise TagGone(uid) from None

    def _addressed(
        self, command: int, uid: str, args: bytes = b"", *, custom: bool = False
    ) -> bytes:
        """An addressed request to ``uid``; the answer without its flags byte."""
        air_uid = bytes.fromhex(uid)[::-1]
        head = bytes([HIGH_RATE | ADDRESSED, command]) + (bytes([NXP]) if custom else b"")
        try:
            answer = self._exchange(head + air_uid + args)
        except _NoAnswer:
            if command == 0xA5:
                raise TagGone(uid) from None
            raise
        if answer[:1] != b"\x00":
            code = answer[1] if len(answer) > 1 else 0
            raise PcscRfidError(f"the tag refused command {command:02X} (error {code:02X})")
        return answer[1:]

    def _anticollision(self, bits: int, mask: int, found: list[bytes]) -> None:
        """One-slot inventories, the mask one bit longer at each collision."""
        if len(found) >= MAX_TAGS or bits > 64:
            return
        self._frames += 1
        if self._frames > MAX_FRAMES:
            raise PcscRfidError("the reader reports collisions without end: it may be faulty")
        frame = bytes([HIGH_RATE | INVENTORY | ONE_SLOT, 0x01, bits])
        frame += mask.to_bytes((bits + 7) // 8, "little") if bits else b""
        try:
            answer = self._exchange(frame)
        except _NoAnswer:
            return
        except _Collision:
            for bit in (0, 1):
                self._anticollision(bits + 1, mask | bit << bits, found)
            return
        if len(answer) >= 10 and answer[0] == 0x00:
            uid = answer[2:10][::-1]
            if uid not in found:
                found.append(uid)

    def _exchange(self, frame: bytes) -> bytes:
        """One ISO 15693 frame in the transparent session; the tag's answer."""
        timer = INVENTORY_TIMER if frame[0] & INVENTORY else TIMER
        objects = timer + b"\x95" + bytes([len(frame)]) + frame
        response = self._apdu(bytes([0xFF, 0xC2, 0x00, 0x01, len(objects)]) + objects + b"\x00")
        status, data = b"", b""
        at = 0
        while at < len(response):
            tag = response[at]
            length = response[at + 1]
            value = response[at + 2 : at + 2 + length]
            if tag == 0xC0:
                status = value[1:3]
            elif tag == 0x97:
                data = value
            at += 2 + length
        if status == b"\x64\x01":
            raise _NoAnswer
        if status != b"\x90\x00":
            if frame[0] & INVENTORY:
                raise _Collision  # readers report a collision in their own words
            raise PcscRfidError(f"the reader reports status {status.hex().upper()}")
        return data

    def _read_binary(self, uid: str) -> TagMemory:
        present = _msb_first(self._apdu(GET_UID)).hex().upper()
        if present != uid:
            raise TagGone(uid)
        data = bytearray()
        for block in range(256):
            try:
                data += self._apdu(bytes([0xFF, 0xB0, 0x00, block, 0x04]))
            except PcscRfidError:
                break  # past the last block
        return TagMemory(bytes(data))

    # ------------------------------------------------------------ PC/SC
    def _apdu(self, apdu: bytes) -> bytes:
        scard = self._scard
        hresult, response = scard.SCardTransmit(self._card, self._protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            self._disconnect()
            raise PcscRfidError(f"transmit failed ({_text(scard, hresult)})")
        if len(response) < 2 or response[-2:] != [0x90, 0x00]:
            sw = bytes(response[-2:]).hex().upper() if len(response) >= 2 else "none"
            raise PcscRfidError(f"the reader answered {sw} to {apdu[:4].hex().upper()}")
        return bytes(response[:-2])

    def _find_reader(self) -> str:
        scard = self._scard
        if self._context is None:
            hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                self._health = DeviceHealth(
                    "rfid", Health.FAILED, "The smart card service (pcscd) is not running"
                )
                return ""
            self._context = context
        hresult, names = scard.SCardListReaders(self._context, [])
        if hresult != scard.SCARD_S_SUCCESS:
            scard.SCardReleaseContext(self._context)
            self._context = None  # pcscd may have restarted: a new context next time
            names = []
        for name in names or []:
            if self._pattern is None or self._pattern.search(name):
                return str(name)
        what = f"The RFID reader matching '{self._wanted}' is not connected"
        self._health = DeviceHealth("rfid", Health.FAILED, what, "offline")
        return ""

    def _connect(self) -> bool:
        """Connected to the tag field; False when no tag is in it. Raises when the reader
        or pcscd is missing."""
        if self._card is not None:
            return True
        name = self._find_reader()
        if not name:
            raise PcscRfidError(self._health.reason)
        scard = self._scard
        hresult, card, protocol = scard.SCardConnect(
            self._context,
            name,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if hresult != scard.SCARD_S_SUCCESS:
            return False  # no tag in the field (SCARD_E_NO_SMARTCARD and the like)
        self._card, self._protocol, self._name = card, protocol, name
        self._health = DeviceHealth("rfid", Health.OK)
        try:
            self._apdu(START_SESSION)
            self._apdu(ISO15693_LAYER3)
            self.transparent = True
        except PcscRfidError:
            if self._card is None:
                return False
            self.transparent = False
        return True

    def _disconnect(self) -> None:
        card, self._card = self._card, None
        if card is not None:
            scard = self._scard
            if self.transparent:
                scard.SCardTransmit(card, self._protocol, list(END_SESSION))
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)


def _msb_first(uid: bytes) -> bytes:
    """Readers give a vicinity tag's UID either way round; printed UIDs begin with E0."""
    return uid[::-1] if uid[-1:] == b"\xe0" else uid


def _text(scard: Any, hresult: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(hresult))
    except Exception:  # pragma: no cover - a pyscard without messages
        return hex(hresult & 0xFFFFFFFF)
