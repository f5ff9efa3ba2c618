"""A virtual smart card that plugs into pcscd through the vsmartcard ``vpcd`` driver.

The vpcd driver (loaded by pcscd) listens on TCP, by default 127.0.0.1:35963, and the card
connects to it: a connected socket is a card lying on the reader, closing the socket takes it
away. Every message, in both directions, is a 2-byte big-endian length followed by the payload.
A 1-byte payload from the driver is a control command (``00`` power off, ``01`` power on, ``02``
reset, ``04`` get ATR, which is the only one answered); any longer payload is a command APDU and
is answered with a response APDU (data, then SW1 SW2).

The card understands just enough for the kiosk: PC/SC GET DATA for the UID of a contactless
card, and SELECT by file id plus READ BINARY for a contact card with transparent files.
Standard library only.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, TracebackType
from typing import Protocol

__all__ = [
    "DEFAULT_ATR",
    "DEFAULT_PORT",
    "ApduHandler",
    "CardProfile",
    "VirtualCard",
]

log = logging.getLogger(__name__)

DEFAULT_PORT = 35963

#: PC/SC part 3 ATR that a contactless reader builds for a MIFARE Classic 1K (TCK included).
DEFAULT_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")

# Control commands from the driver (1-byte payloads).
POWER_OFF = 0x00
POWER_ON = 0x01
RESET = 0x02
GET_ATR = 0x04

# Status words.
SW_OK = b"\x90\x00"
SW_END_OF_FILE = b"\x62\x82"  # fewer than Le bytes left before the end of the file
SW_WRONG_LENGTH = b"\x67\x00"
SW_NO_CURRENT_EF = b"\x69\x86"
SW_FUNCTION_NOT_SUPPORTED = b"\x6a\x81"
SW_FILE_NOT_FOUND = b"\x6a\x82"
SW_WRONG_P1P2 = b"\x6a\x86"
SW_OFFSET_OUTSIDE_EF = b"\x6b\x00"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"
SW_NO_DIAGNOSIS = b"\x6f\x00"

_CLA_ISO = 0x00
_CLA_PCSC = 0xFF
_INS_GET_DATA = 0xCA
_INS_SELECT = 0xA4
_INS_READ_BINARY = 0xB0

_JOIN_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class CardProfile:
    """What the card is: its UID, its ATR and (for a contact card) its transparent files."""

    uid: bytes
    atr: bytes = DEFAULT_ATR
    files: Mapping[bytes, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 1 <= len(self.uid) <= 255:
            raise ValueError(f"uid must be 1..255 bytes, got {len(self.uid)}")
        if not 2 <= len(self.atr) <= 33:
            raise ValueError(f"an ATR is 2..33 bytes, got {len(self.atr)}")
        for fid in self.files:
            if len(fid) != 2:
                raise ValueError(f"a file id is 2 bytes, got {fid.hex()!r}")
        # A private read-only copy: the caller's dict may change, the card must not.
        object.__setattr__(self, "files", MappingProxyType(dict(self.files)))


@dataclass(frozen=True, slots=True)
class _Apdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes
    le: int | None  # None: no Le field; 0 in a short APDU means "up to 256"


def _parse_short_apdu(raw: bytes) -> _Apdu | None:
    """Split a short command APDU (ISO 7816-4 cases 1-4); None if its length is inconsistent."""
    if len(raw) < 4:
        return None
    cla, ins, p1, p2 = raw[0], raw[1], raw[2], raw[3]
    body = raw[4:]
    if not body:
        return _Apdu(cla, ins, p1, p2, b"", None)
    if len(body) == 1:
        return _Apdu(cla, ins, p1, p2, b"", body[0])
    lc = body[0]
    if lc == 0:  # extended length: not supported by this card
        return None
    data = body[1 : 1 + lc]
    tail = body[1 + lc :]
    if len(data) != lc or len(tail) > 1:
        return None
    return _Apdu(cla, ins, p1, p2, data, tail[0] if tail else None)


class ApduHandler:
    """The card's brain: answers command APDUs; holds the currently selected file."""

    def __init__(self, profile: CardProfile) -> None:
        self.profile = profile
        self.selected: bytes | None = None

    def reset(self) -> None:
        """Power off, power on and reset all forget the selected file."""
        self.selected = None

    def handle(self, raw: bytes) -> bytes:
        """Answer one command APDU with a response APDU (data + SW1 SW2). Never raises."""
        try:
            return self._handle(raw)
        except Exception:  # a bug here must not take the card off the reader
            # The header only: an APDU's data may be anything a test put in a file.
            log.exception("virtual card failed on an APDU starting %s", raw[:4].hex())
            return SW_NO_DIAGNOSIS

    def _handle(self, raw: bytes) -> bytes:
        apdu = _parse_short_apdu(raw)
        if apdu is None:
            return SW_WRONG_LENGTH
        if apdu.cla == _CLA_PCSC:
            if apdu.ins == _INS_GET_DATA:
                return self._get_data(apdu)
            return SW_INS_NOT_SUPPORTED
        if apdu.cla == _CLA_ISO:
            if apdu.ins == _INS_SELECT:
                return self._select(apdu)
            if apdu.ins == _INS_READ_BINARY:
                return self._read_binary(apdu)
            return SW_INS_NOT_SUPPORTED
        return SW_CLA_NOT_SUPPORTED

    def _get_data(self, apdu: _Apdu) -> bytes:
        if apdu.p2 != 0x00 or apdu.data:
            return SW_WRONG_P1P2
        if apdu.p1 == 0x01:  # ATS / historical bytes: not available for this card
            return SW_FUNCTION_NOT_SUPPORTED
        if apdu.p1 != 0x00:
            return SW_WRONG_P1P2
        uid = self.profile.uid
        if apdu.le:  # Le = 00 or absent: the whole UID
            uid = uid[: apdu.le]
        return uid + SW_OK

    def _select(self, apdu: _Apdu) -> bytes:
        if apdu.p1 not in (0x00, 0x02):  # only "select by file identifier" (MF/DF/EF, or EF)
            return SW_FILE_NOT_FOUND if apdu.p1 == 0x04 else SW_WRONG_P1P2
        if apdu.p2 != 0x0C:  # only "first record, no response data"
            return SW_WRONG_P1P2
        if len(apdu.data) != 2:
            return SW_WRONG_LENGTH
        if apdu.data not in self.profile.files:
            return SW_FILE_NOT_FOUND  # the current file stays what it was (ISO 7816-4)
        self.selected = apdu.data
        return SW_OK

    def _read_binary(self, apdu: _Apdu) -> bytes:
        if apdu.p1 & 0x80:  # short EF identifier addressing: not supported
            return SW_FUNCTION_NOT_SUPPORTED
        if self.selected is None:
            return SW_NO_CURRENT_EF
        if apdu.data:
            return SW_WRONG_LENGTH
        content = self.profile.files[self.selected]
        offset = (apdu.p1 << 8) | apdu.p2
        if offset > len(content) or (offset == len(content) and content):
            return SW_OFFSET_OUTSIDE_EF
        wanted = 256 if not apdu.le else apdu.le  # Le absent or 00: up to 256 bytes
        chunk = content[offset : offset + wanted]
        if apdu.le and len(chunk) < apdu.le:
            return chunk + SW_END_OF_FILE
        return chunk + SW_OK


class Handler(Protocol):
    """Answers command APDUs (``ApduHandler``, ``hardware.vpcd_tag.TagField``)."""

    def reset(self) -> None: ...

    def handle(self, raw: bytes) -> bytes: ...


class VirtualCard:
    """A card that connects to a vpcd driver and answers it on a background thread."""

    def __init__(
        self,
        profile: CardProfile,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        handler: Handler | None = None,
    ) -> None:
        self.profile = profile
        self.host = host
        self.port = port
        self.apdus: list[bytes] = []
        #: what answers the APDUs: the card's files, or another device (an RFID field)
        self._handler: Handler = handler or ApduHandler(profile)
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def inserted(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def insert(self, timeout: float = 5.0) -> None:
        """Connect to the driver (the card lands on the reader) and serve it in the background."""
        if self.inserted:
            raise RuntimeError("the card is already inserted")
        self._join()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except OSError as exc:
            raise ConnectionError(
                f"no vpcd driver reachable at {self.host}:{self.port}: {exc}"
            ) from exc
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            _quickack(sock)
            sock.settimeout(None)  # the serving thread blocks; remove() unblocks it by shutdown
        except OSError:
            sock.close()
            raise
        self._handler.reset()
        thread = threading.Thread(
            target=self._serve, args=(sock,), name=f"vpcd-card-{self.port}", daemon=True
        )
        with self._lock:
            self._sock = sock
            self._thread = thread
        thread.start()

    def remove(self) -> None:
        """Take the card off the reader: close the connection and wait for the thread to end."""
        with self._lock:
            sock = self._sock
            if sock is not None:
                # Wakes the thread's blocking recv; fails only if the driver already went away.
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._join()

    def __enter__(self) -> VirtualCard:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.remove()

    # -- internals
    def _join(self) -> None:
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(_JOIN_TIMEOUT)
            if thread.is_alive():  # should not happen: shutdown() unblocks recv
                log.warning("virtual card thread did not end within %.1f s", _JOIN_TIMEOUT)
        self._close_socket()

    def _close_socket(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                payload = _read_frame(sock)
                if payload is None:
                    return
                answer = self._answer(payload)
                if answer is not None:
                    sock.sendall(len(answer).to_bytes(2, "big") + answer)
        except OSError as exc:
            log.debug("virtual card connection ended: %s", exc)
        finally:
            self._close_socket()

    def _answer(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            command = payload[0]
            if command == GET_ATR:
                return self.profile.atr
            if command in (POWER_OFF, POWER_ON, RESET):
                self._handler.reset()
            else:
                log.debug("virtual card ignores control command %02x", command)
            return None
        self.apdus.append(payload)
        return self._handler.handle(payload)


def _quickack(sock: socket.socket) -> None:
    """Turn delayed ACKs off (Linux). The kernel may turn them back on, so re-arm per read."""
    quickack = getattr(socket, "TCP_QUICKACK", None)
    if quickack is not None:
        sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)


def _read_exactly(sock: socket.socket, count: int) -> bytes | None:
    """Read ``count`` bytes; None if the connection ends first."""
    buf = bytearray()
    while len(buf) < count:
        chunk = sock.recv(count - len(buf))
        if not chunk:
            return None
        buf += chunk
    _quickack(sock)
    return bytes(buf)


def _read_frame(sock: socket.socket) -> bytes | None:
    """One framed message from the driver; None at EOF or on a malformed frame."""
    header = _read_exactly(sock, 2)
    if header is None:
        return None
    length = int.from_bytes(header, "big")
    if length == 0:
        log.warning("virtual card got an empty frame from the driver; leaving the reader")
        return None
    payload = _read_exactly(sock, length)
    if payload is None:
        log.warning("driver closed the connection in the middle of a %d-byte frame", length)
    return payload
