"""Virtual ISO 15693 tags in the field of a virtual PC/SC contactless reader (vpcd).

:class:`TagField` answers what a PC/SC reader that shows vicinity tags answers (PC/SC part 3 and
its supplement for transparent exchange), with the tags in its field behind it:

- ``FF CA 00 00 00`` (GET DATA): the UID of the first tag, least significant byte first, as
  some readers give it;
- ``FF B0 00 bb 04`` / ``FF D6 00 bb 04 …`` (READ / UPDATE BINARY): block ``bb`` of that tag;
- ``FF C2 00 00`` (manage session: ``81 00`` start, ``82 00`` end a transparent session),
  ``FF C2 00 02`` (switch protocol: ``8F 02 02 03``, ISO 15693 layer 3) and ``FF C2 00 01``
  (transparent exchange: a ``95`` data object carrying an ISO 15693 request frame, CRC added by
  the reader; the answer in a ``97`` data object after a ``C0`` status, ``C0 03 00 90 00``).

The frames: Inventory (one slot, with mask and optional AFI), Get System Information, Read
Single and Read Multiple Blocks, Write Single Block, Write AFI, and NXP ICODE's Set, Reset and
Alarm EAS. A request no tag answers gives the status ``64 01`` (no answer in time); an
inventory several tags answer gives ``64 02``, this reader's word for a collision (readers
differ in how they report one; the adapter takes any other status of an inventory as one).

:class:`VirtualTagReader` puts the field on the vpcd reader: the "card" is there while at least
one tag lies in the field. Standard library only; for tests, benchmarks and demonstrations.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from hardware.vpcd_card import (
    DEFAULT_PORT,
    SW_FUNCTION_NOT_SUPPORTED,
    SW_INS_NOT_SUPPORTED,
    SW_NO_DIAGNOSIS,
    SW_OK,
    SW_WRONG_LENGTH,
    SW_WRONG_P1P2,
    CardProfile,
    VirtualCard,
)

log = logging.getLogger(__name__)

#: the ATR a PC/SC reader builds for an ISO 15693 part 3 tag (NXP ICODE), TCK included
ISO15693_ATR = bytes.fromhex("3B8F8001804F0CA0000003060B00140000000077")

NO_ANSWER = b"\x64\x01"
COLLISION = b"\x64\x02"
NXP = 0x04


@dataclass(slots=True)
class VirtualTag:
    """An ISO 15693 tag: UID (8 bytes, most significant first: ``E0 04 …``), blocks of user
    memory, and its system values."""

    uid: bytes
    memory: bytearray
    block_size: int = 4
    dsfid: int = 0x00
    afi: int = 0x07
    eas: bool = True
    #: taken away the moment a write reaches it (the member lifts the item)
    lift_on_write: bool = False

    @classmethod
    def holding(cls, uid: str, data: bytes, *, blocks: int = 28, **kw: object) -> VirtualTag:
        memory = bytearray(blocks * 4)
        memory[: len(data)] = data
        return cls(bytes.fromhex(uid), memory, **kw)  # type: ignore[arg-type]

    @property
    def blocks(self) -> int:
        return len(self.memory) // self.block_size

    def block(self, n: int) -> bytes:
        return bytes(self.memory[n * self.block_size : (n + 1) * self.block_size])


def _tlv(data: bytes) -> list[tuple[int, bytes]]:
    """BER-TLV data objects (one- or two-byte tags, short or 81 xx lengths)."""
    out: list[tuple[int, bytes]] = []
    at = 0
    while at < len(data):
        tag = data[at]
        at += 1
        if tag & 0x1F == 0x1F:
            tag = tag << 8 | data[at]
            at += 1
        length = data[at]
        at += 1
        if length == 0x81:
            length = data[at]
            at += 1
        value = data[at : at + length]
        if len(value) != length:
            raise ValueError("a data object runs past the command")
        out.append((tag, value))
        at += length
    return out


@dataclass(slots=True)
class TagField:
    """The reader's field and its tags: answers APDUs (``VirtualCard``'s handler)."""

    tags: dict[bytes, VirtualTag] = field(default_factory=dict)
    #: the reader can do transparent exchange (else only GET DATA and READ/UPDATE BINARY)
    transparent: bool = True
    frames: list[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    session: bool = False

    def reset(self) -> None:
        self.session = False

    def handle(self, raw: bytes) -> bytes:
        try:
            with self.lock:
                return self._handle(raw)
        except (IndexError, ValueError):
            return SW_WRONG_LENGTH
        except Exception:
            log.exception("the virtual tag field failed on an APDU starting %s", raw[:4].hex())
            return SW_NO_DIAGNOSIS

    def _first(self) -> VirtualTag | None:
        return next(iter(self.tags.values()), None)

    def _handle(self, raw: bytes) -> bytes:
        if len(raw) < 4 or raw[0] != 0xFF:
            return SW_INS_NOT_SUPPORTED
        ins, p2 = raw[1], raw[3]
        first = self._first()
        if ins == 0xCA:
            if first is None:
                return NO_ANSWER
            return first.uid[::-1] + SW_OK
        if ins == 0xB0:
            if first is None or p2 >= first.blocks:
                return SW_WRONG_P1P2
            return first.block(p2) + SW_OK
        if ins == 0xD6:
            data = raw[5 : 5 + raw[4]]
            if first is None or p2 >= first.blocks or len(data) != first.block_size:
                return SW_WRONG_P1P2
            first.memory[p2 * 4 : p2 * 4 + 4] = data
            return SW_OK
        if ins != 0xC2:
            return SW_INS_NOT_SUPPORTED
        if not self.transparent:
            return SW_FUNCTION_NOT_SUPPORTED
        objects = _tlv(raw[5 : 5 + raw[4]]) if len(raw) > 5 else []
        ok = b"\xc0\x03\x00\x90\x00"
        if p2 == 0x00:  # manage session
            for tag, _ in objects:
                if tag == 0x81:
                    self.session = True
                elif tag == 0x82:
                    self.session = False
            return ok + SW_OK
        if p2 == 0x02:  # switch protocol: ISO 15693 only
            for tag, value in objects:
                if tag == 0x8F and value[:1] != b"\x02":
                    return b"\xc0\x03\x00\x6a\x81" + SW_OK
            return ok + SW_OK
        if p2 != 0x01 or not self.session:
            return SW_WRONG_P1P2
        frame = next((value for tag, value in objects if tag == 0x95), None)
        if frame is None:
            return b"\xc0\x03\x00\x6a\x80" + SW_OK
        self.frames.append(frame)
        answer = self._frame(frame)
        if answer is None:
            return b"\xc0\x03\x01" + NO_ANSWER + SW_OK
        if answer == COLLISION:
            return b"\xc0\x03\x01" + COLLISION + b"\x92\x01\x01" + SW_OK
        body = b"\x92\x01\x00\x96\x02\x00\x00\x97" + bytes([len(answer)]) + answer
        return ok + body + SW_OK

    # ------------------------------------------------------------ ISO 15693
    def _frame(self, f: bytes) -> bytes | None:
        flags, command = f[0], f[1]
        if flags & 0x04:
            return self._inventory(f) if command == 0x01 else None
        at = 2
        if command >= 0xA0:  # custom: manufacturer code first
            if f[2] != NXP:
                return None
            at = 3
        tag: VirtualTag | None
        if flags & 0x20:
            tag = self.tags.get(f[at : at + 8][::-1])
            at += 8
        else:
            tag = self._first()
        if tag is None:
            return None  # addressed to a tag that is not there: nobody answers
        args = f[at:]
        if command in (0x21, 0x27, 0xA2, 0xA3) and tag.lift_on_write:
            del self.tags[tag.uid]
            return None
        if command == 0x2B:
            size = bytes([tag.blocks - 1, tag.block_size - 1])
            return b"\x00\x0f" + tag.uid[::-1] + bytes([tag.dsfid, tag.afi]) + size + b"\x01"
        if command == 0x20:
            return b"\x00" + tag.block(args[0]) if args[0] < tag.blocks else b"\x01\x10"
        if command == 0x23:
            first, count = args[0], args[1] + 1
            if first + count > tag.blocks:
                return b"\x01\x10"
            return b"\x00" + b"".join(tag.block(n) for n in range(first, first + count))
        if command == 0x21:
            n, data = args[0], args[1 : 1 + tag.block_size]
            if n >= tag.blocks or len(data) != tag.block_size:
                return b"\x01\x10"
            tag.memory[n * tag.block_size : (n + 1) * tag.block_size] = data
            return b"\x00"
        if command == 0x27:
            tag.afi = args[0]
            return b"\x00"
        if command in (0xA2, 0xA3):
            tag.eas = command == 0xA2
            return b"\x00"
        if command == 0xA5:
            return b"\x00" + bytes(32) if tag.eas else None
        return b"\x01\x01"  # not supported

    def _inventory(self, f: bytes) -> bytes | None:
        flags = f[0]
        at = 2
        afi = None
        if flags & 0x10:
            afi = f[at]
            at += 1
        if not flags & 0x20:
            raise ValueError("this reader does 1-slot inventories only")
        bits = f[at]
        mask = int.from_bytes(f[at + 1 : at + 1 + (bits + 7) // 8], "little")
        wanted = (1 << bits) - 1
        answering = [
            tag
            for tag in self.tags.values()
            if (int.from_bytes(tag.uid, "big") & wanted) == (mask & wanted)
            and (not afi or tag.afi == afi)
        ]
        if not answering:
            return None
        if len(answering) > 1:
            return COLLISION
        tag = answering[0]
        return bytes([0x00, tag.dsfid]) + tag.uid[::-1]


class VirtualTagReader:
    """The field on the vpcd reader: the "card" is present while a tag lies in the field."""

    def __init__(
        self, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, transparent: bool = True
    ) -> None:
        self.field = TagField(transparent=transparent)
        self._card = VirtualCard(
            CardProfile(uid=b"\x00", atr=ISO15693_ATR), host=host, port=port, handler=self.field
        )

    @property
    def apdus(self) -> list[bytes]:
        return self._card.apdus

    def place(self, *tags: VirtualTag, wait: float = 10.0) -> None:
        with self.field.lock:
            for tag in tags:
                self.field.tags[tag.uid] = tag
        if self.field.tags and not self._card.inserted:
            # The vpcd driver may need a moment after pcscd started before it listens.
            deadline = time.monotonic() + wait
            while True:
                try:
                    self._card.insert(timeout=1)
                    return
                except ConnectionError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)

    def lift(self, *uids: bytes) -> None:
        with self.field.lock:
            for uid in uids:
                self.field.tags.pop(uid, None)
            empty = not self.field.tags
        if empty:
            self._card.remove()

    def close(self) -> None:
        with self.field.lock:
            self.field.tags.clear()
        self._card.remove()
