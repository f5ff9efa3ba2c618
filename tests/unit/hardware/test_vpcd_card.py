"""The virtual card speaks the vpcd protocol to a fake driver listening on loopback."""

from __future__ import annotations

import functools
import socket
import time
from collections.abc import Iterator

import pytest

from hardware.vpcd_card import DEFAULT_ATR, ApduHandler, CardProfile, VirtualCard

TIMEOUT = 2.0
UID = bytes.fromhex("04A1B2C3D4E5F6")
CONTACT = CardProfile(
    uid=bytes.fromhex("DEADBEEF"),
    atr=bytes.fromhex("3B6800000073C84000009000"),
    files={b"\x2f\x01": bytes(range(40)), b"\x2f\x02": b""},
)


class FakeDriver:
    """The driver side of vpcd: listens, accepts one card, sends framed commands."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(TIMEOUT)
        self.port: int = self.listener.getsockname()[1]
        self.conn: socket.socket | None = None

    def accept(self) -> socket.socket:
        self.conn, _ = self.listener.accept()
        self.conn.settimeout(TIMEOUT)
        return self.conn

    def send_raw(self, data: bytes) -> None:
        assert self.conn is not None
        self.conn.sendall(data)

    def send(self, payload: bytes) -> None:
        self.send_raw(len(payload).to_bytes(2, "big") + payload)

    def recv_exactly(self, count: int) -> bytes:
        assert self.conn is not None
        buf = b""
        while len(buf) < count:
            chunk = self.conn.recv(count - len(buf))
            assert chunk, "card closed the connection"
            buf += chunk
        return buf

    def recv(self) -> bytes:
        length = int.from_bytes(self.recv_exactly(2), "big")
        return self.recv_exactly(length)

    def transmit(self, apdu: bytes | str) -> bytes:
        self.send(bytes.fromhex(apdu) if isinstance(apdu, str) else apdu)
        return self.recv()

    def sees_eof(self) -> bool:
        assert self.conn is not None
        return self.conn.recv(1) == b""

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.listener.close()


@pytest.fixture
def driver() -> Iterator[FakeDriver]:
    fake = FakeDriver()
    yield fake
    fake.close()


def _card_on(driver: FakeDriver, profile: CardProfile) -> VirtualCard:
    card = VirtualCard(profile, port=driver.port)
    card.insert(timeout=TIMEOUT)
    driver.accept()
    return card


@pytest.fixture
def contactless(driver: FakeDriver) -> Iterator[VirtualCard]:
    card = _card_on(driver, CardProfile(uid=UID))
    yield card
    card.remove()


@pytest.fixture
def contact(driver: FakeDriver) -> Iterator[VirtualCard]:
    card = _card_on(driver, CONTACT)
    yield card
    card.remove()


def _wait_until_removed(card: VirtualCard) -> None:
    deadline = time.monotonic() + TIMEOUT
    while card.inserted and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not card.inserted


# -- connection


def test_insert_connects_and_answers_get_atr(driver: FakeDriver, contactless: VirtualCard) -> None:
    assert contactless.inserted
    assert driver.transmit("04") == DEFAULT_ATR


def test_default_atr_has_a_correct_check_byte() -> None:
    assert functools.reduce(lambda a, b: a ^ b, DEFAULT_ATR[1:]) == 0


def test_power_commands_get_no_answer(driver: FakeDriver, contact: VirtualCard) -> None:
    for command in ("01", "00", "01", "02"):
        driver.send(bytes.fromhex(command))
    # The first frame back answers the GET ATR sent after them: nothing came before it.
    assert driver.transmit("04") == CONTACT.atr
    assert contact.apdus == []


def test_socket_has_nodelay(contactless: VirtualCard) -> None:
    sock = contactless._sock
    assert sock is not None
    assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_remove_closes_and_driver_sees_eof(driver: FakeDriver, contactless: VirtualCard) -> None:
    contactless.remove()
    assert not contactless.inserted
    assert driver.sees_eof()
    contactless.remove()  # twice is harmless


def test_context_manager_removes_the_card(driver: FakeDriver) -> None:
    with VirtualCard(CardProfile(uid=UID), port=driver.port) as card:
        card.insert(timeout=TIMEOUT)
        driver.accept()
        assert driver.transmit("FFCA000000") == UID + b"\x90\x00"
    assert not card.inserted
    assert driver.sees_eof()


def test_card_can_be_inserted_again(driver: FakeDriver) -> None:
    card = _card_on(driver, CardProfile(uid=UID))
    with pytest.raises(RuntimeError):
        card.insert(timeout=TIMEOUT)
    card.remove()
    assert driver.conn is not None
    driver.conn.close()
    card.insert(timeout=TIMEOUT)
    driver.accept()
    assert driver.transmit("FFCA000000") == UID + b"\x90\x00"
    card.remove()


def test_insert_without_driver_raises_naming_the_port() -> None:
    with socket.socket() as probe:  # bound, never listening: connecting is refused at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        card = VirtualCard(CardProfile(uid=UID), port=port)
        started = time.monotonic()
        with pytest.raises(ConnectionError, match=f"127.0.0.1:{port}"):
            card.insert(timeout=TIMEOUT)
    assert time.monotonic() - started < 1.0
    assert not card.inserted


def test_driver_going_away_ends_the_thread(driver: FakeDriver, contactless: VirtualCard) -> None:
    assert driver.conn is not None
    driver.conn.close()
    _wait_until_removed(contactless)


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param(b"\x00\x10\xff\xca", id="closed-mid-frame"),
        pytest.param(b"\x00", id="closed-mid-header"),
        pytest.param(b"\x00\x00", id="empty-frame"),
    ],
)
def test_malformed_frame_ends_the_thread_cleanly(
    driver: FakeDriver, contactless: VirtualCard, garbage: bytes
) -> None:
    driver.send_raw(garbage)
    if garbage != b"\x00\x00":
        assert driver.conn is not None
        driver.conn.shutdown(socket.SHUT_WR)
    _wait_until_removed(contactless)
    assert driver.sees_eof()


# -- contactless: PC/SC GET DATA


def test_get_data_returns_the_uid(driver: FakeDriver, contactless: VirtualCard) -> None:
    assert driver.transmit("FFCA000000") == UID + b"\x90\x00"
    assert driver.transmit("FFCA0000") == UID + b"\x90\x00"
    assert driver.transmit("FFCA000004") == UID[:4] + b"\x90\x00"
    assert driver.transmit("FFCA0000FF") == UID + b"\x90\x00"
    sent = ("FFCA000000", "FFCA0000", "FFCA000004", "FFCA0000FF")
    assert contactless.apdus == [bytes.fromhex(apdu) for apdu in sent]


@pytest.mark.parametrize(
    ("apdu", "expected"),
    [
        ("FFCA010000", "6A81"),  # ATS / historical bytes
        ("FFCA050000", "6A86"),
        ("FFB0000010", "6D00"),  # a PC/SC class INS this card does not do
        ("80CA000000", "6E00"),
        ("0084000008", "6D00"),  # GET CHALLENGE
        ("FFCA", "6700"),
        ("00A4000C0500", "6700"),  # Lc says 5, one byte follows
    ],
)
def test_errors(driver: FakeDriver, contactless: VirtualCard, apdu: str, expected: str) -> None:
    assert driver.transmit(apdu) == bytes.fromhex(expected)


# -- contact card: SELECT + READ BINARY


def test_select_and_read_binary_with_offsets(driver: FakeDriver, contact: VirtualCard) -> None:
    content = CONTACT.files[b"\x2f\x01"]
    assert driver.transmit("00A4000C022F01") == b"\x90\x00"
    assert driver.transmit("00B0000000") == content + b"\x90\x00"
    assert driver.transmit("00B0000008") == content[:8] + b"\x90\x00"
    assert driver.transmit("00B0000A05") == content[10:15] + b"\x90\x00"
    assert driver.transmit("00B0002000") == content[32:] + b"\x90\x00"
    assert driver.transmit("00B0002010") == content[32:] + b"\x62\x82"  # end of file reached
    assert driver.transmit("00B0002800") == b"\x6b\x00"  # offset 40 == length: outside
    assert driver.transmit("00B0010000") == b"\x6b\x00"  # offset 256
    assert driver.transmit("00A4020C022F02") == b"\x90\x00"
    assert driver.transmit("00B0000000") == b"\x90\x00"  # empty file


def test_select_errors_and_read_without_selection(driver: FakeDriver, contact: VirtualCard) -> None:
    assert driver.transmit("00B0000000") == b"\x69\x86"
    assert driver.transmit("00A4000C023F99") == b"\x6a\x82"
    assert driver.transmit("00B0000000") == b"\x69\x86"  # failed SELECT selects nothing
    assert driver.transmit("00A4040C07A0000002471001") == b"\x6a\x82"  # by AID: no such DF
    assert driver.transmit("00A4000C022F01") == b"\x90\x00"
    assert driver.transmit("00A4000C023F99") == b"\x6a\x82"
    assert driver.transmit("00B0000002") == b"\x00\x01\x90\x00"  # 2F01 is still current
    assert driver.transmit("00B0810000") == b"\x6a\x81"  # short EF id addressing


def test_reset_forgets_the_selected_file(driver: FakeDriver, contact: VirtualCard) -> None:
    assert driver.transmit("00A4000C022F01") == b"\x90\x00"
    driver.send(b"\x02")
    assert driver.transmit("00B0000000") == b"\x69\x86"


# -- the handler on its own


def test_profile_is_validated_and_frozen() -> None:
    files = {b"\x2f\x01": b"abc"}
    profile = CardProfile(uid=UID, files=files)
    files[b"\x2f\x02"] = b"later"
    assert list(profile.files) == [b"\x2f\x01"]
    with pytest.raises(ValueError, match="file id"):
        CardProfile(uid=UID, files={b"\x01": b""})
    with pytest.raises(ValueError, match="uid"):
        CardProfile(uid=b"")
    with pytest.raises(ValueError, match="ATR"):
        CardProfile(uid=UID, atr=b"\x3b")


def test_handler_always_answers_with_a_status_word() -> None:
    handler = ApduHandler(CONTACT)
    for length in range(12):
        for fill in (0x00, 0x02, 0xFF):
            answer = handler.handle(bytes([fill]) * length)
            assert len(answer) >= 2


def test_round_trips_are_fast(driver: FakeDriver, contactless: VirtualCard) -> None:
    started = time.monotonic()
    for _ in range(50):
        assert driver.transmit("FFCA000000") == UID + b"\x90\x00"
    assert time.monotonic() - started < 1.0  # a 40 ms delayed-ACK stall each would take 2 s
