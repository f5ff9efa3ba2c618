"""Fuzzing the SIP2 server: random bytes and mutated frames over several connections.

The server must never crash or hang, and a separate well-behaved connection must get correct
answers all the way through. The bulk campaign sends 10^5 fuzz frames (seeded, so a failure
replays) in large pipelined batches; a Hypothesis test sends small shrinkable cases under the
default limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.codec import Codec
from kiosk.ils.sip2.messages import (
    REGISTRY,
    RESPONSE_TO,
    CheckinRequest,
    CheckoutRequest,
    EndPatronSession,
    FeePaid,
    HoldRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    LoginRequest,
    Message,
    PatronInformationRequest,
    PatronStatusRequest,
    RenewRequest,
    ScStatus,
)
from kiosk.ils.sip2.server import Limits, Sip2Server, run_in_thread

SECRET = "fuzz-secret"
FUZZ_FRAMES = 100_000
CONNECTIONS = 4
BATCH = 2_500
TIMEOUT = 10.0
DATE = "20250301    101500"


class EchoResponder:
    """Answers every request; 17 with an 18 that names the item (so answers can be checked)."""

    def __init__(self) -> None:
        self.calls = 0

    def respond(self, request: Message, account: Account) -> Message:
        self.calls += 1
        if isinstance(request, ItemInformationRequest):
            return ItemInformationResponse(
                transaction_date=DATE,
                item_identifier=request.item_identifier,
                title_identifier="Title",
            )
        return REGISTRY[RESPONSE_TO[request.CODE]]()


ACCOUNTS = {
    "fuzz": Account("fuzz", hash_password(SECRET, n=16), "DAL", "DAL"),
    "fuzz8": Account("fuzz8", hash_password(SECRET, n=16), "DAL", "DAL", encoding="utf-8"),
}


def _item(item_id: str) -> ItemInformationRequest:
    return ItemInformationRequest(
        transaction_date=DATE, institution_id="DAL", item_identifier=item_id
    )


def _seeds() -> list[Message]:
    """Well-formed requests to mutate (no 93: a re-login is a different test)."""
    return [
        PatronStatusRequest(
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier="21234000123456",
            terminal_password="",
            patron_password="1234",
        ),
        PatronInformationRequest(
            transaction_date=DATE,
            summary="Y         ",
            institution_id="DAL",
            patron_identifier="21234000123456",
            start_item="1",
            end_item="5",
        ),
        CheckoutRequest(
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier="21234000123456",
            item_identifier="30000000012345",
            terminal_password="",
        ),
        CheckinRequest(
            transaction_date=DATE,
            return_date=DATE,
            current_location="DAL",
            institution_id="DAL",
            item_identifier="30000000012345",
            terminal_password="",
        ),
        RenewRequest(
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier="21234000123456",
            item_identifier="30000000012345",
        ),
        EndPatronSession(
            transaction_date=DATE, institution_id="DAL", patron_identifier="21234000123456"
        ),
        FeePaid(
            transaction_date=DATE,
            fee_amount="2.50",
            institution_id="DAL",
            patron_identifier="21234000123456",
        ),
        HoldRequest(
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier="21234000123456",
            title_identifier="Het diner é ë ï",
        ),
        _item("30000000012345"),
        ScStatus(),
    ]


def _mutate(frame: bytes, rnd: random.Random) -> bytes:
    data = bytearray(frame)
    for _ in range(rnd.randint(1, 3)):
        kind = rnd.randrange(8)
        pos = rnd.randrange(len(data) + 1) if data else 0
        if kind == 0 and data:  # bit flips
            at = rnd.randrange(len(data))
            data[at] ^= 1 << rnd.randrange(8)
        elif kind == 1:  # truncation
            del data[pos:]
        elif kind == 2:  # a stray terminator or separator
            data[pos:pos] = rnd.choice([b"\r", b"\n", b"\r\n", b"|", b"||"])
        elif kind == 3:  # a huge field
            data[pos:pos] = b"AA" + bytes([rnd.randrange(32, 127)]) * rnd.randint(100, 6000) + b"|"
        elif kind == 4:  # random bytes replace a slice
            end = min(len(data), pos + rnd.randint(1, 12))
            data[pos:end] = rnd.randbytes(rnd.randint(0, 12))
        elif kind == 5:  # a byte deleted
            del data[pos : pos + 1]
        elif kind == 6:  # a field repeated
            data[pos:pos] = bytes(data[max(0, pos - 10) : pos])
        elif kind == 7 and len(data) >= 4:  # the checksum changed
            data[-4:] = rnd.choice([b"0000", b"FFFF", b"zzzz", rnd.randbytes(4)])
    return bytes(data)


def fuzz_frames(count: int, seed: int) -> Iterator[bytes]:
    rnd = random.Random(seed)
    codec, plain = Codec(encoding="cp850"), Codec(encoding="cp850", error_detection=False)
    seeds = [
        (codec if i % 2 else plain).encode(msg, sequence=i % 10)
        for i, msg in enumerate(_seeds() * 2)
    ]
    for _ in range(count):
        roll = rnd.random()
        if roll < 0.3:
            body = rnd.randbytes(rnd.randint(0, 120))
        elif roll < 0.35:
            body = rnd.choice([b"97", b"97AZFEF5", b"96AZFEF6", b"9", b"", b"\x00" * 5])
        else:
            body = _mutate(rnd.choice(seeds), rnd)
        yield body + rnd.choice([b"\r", b"\r", b"\n", b"\r\n"])


# ------------------------------------------------------------------------------ async client


class Peer:
    """An asyncio SIP2 client connection with timeouts on every wait."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.buf = bytearray()

    @classmethod
    async def login(cls, port: int, user: str = "fuzz") -> Peer:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), TIMEOUT)
        peer = cls(reader, writer)
        try:
            peer.writer.write(
                Codec().encode(LoginRequest(login_user_id=user, login_password=SECRET)) + b"\r"
            )
            reply = await peer.until(b"\r")
        except BaseException:
            await peer.close()
            raise
        assert reply.startswith(b"941"), reply
        peer.buf.clear()
        return peer

    async def until(self, marker: bytes) -> bytes:
        """Read until ``marker`` arrives; return everything up to and including it."""
        while True:
            at = self.buf.find(marker)
            if at >= 0:
                end = at + len(marker)
                head = bytes(self.buf[:end])
                del self.buf[:end]
                return head
            data = await asyncio.wait_for(self.reader.read(1 << 16), TIMEOUT)
            if not data:
                raise EOFError("closed by the server")
            self.buf += data
            if len(self.buf) > 1 << 22:  # keep only a tail long enough to hold the marker
                del self.buf[: -(1 << 12)]

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.writer.wait_closed(), TIMEOUT)


@dataclass
class Tally:
    sent: int = 0
    batches: int = 0
    reconnects: int = 0
    watcher_ok: int = 0
    watcher_bad: list[bytes] = field(default_factory=list)


async def _fuzzer(port: int, frames: list[bytes], n: int, tally: Tally) -> None:
    rnd = random.Random(n)
    peer = await Peer.login(port, "fuzz8" if n % 2 else "fuzz")
    codec = Codec(encoding="cp850")
    try:
        for b, start in enumerate(range(0, len(frames), BATCH)):
            batch = frames[start : start + BATCH]
            marker = f"SENTINEL-{n}-{b}".encode()
            payload = b"".join(batch) + codec.encode(_item(marker.decode()), sequence=1) + b"\r"
            try:
                if n % 2:  # many small writes: frames split at every possible place
                    for at in range(0, len(payload), step := rnd.randint(1, 3000)):
                        peer.writer.write(payload[at : at + step])
                        await asyncio.wait_for(peer.writer.drain(), TIMEOUT)
                else:
                    peer.writer.write(payload)
                await peer.until(b"AB" + marker + b"|")
            except (EOFError, ConnectionError):
                # A fuzz frame that closes the connection (a mangled login): log in again.
                tally.reconnects += 1
                await peer.close()
                peer = await Peer.login(port, "fuzz")
            tally.sent += len(batch)
            tally.batches += 1
    finally:
        await peer.close()


async def _watcher(port: int, stop: asyncio.Event, tally: Tally) -> None:
    peer = await Peer.login(port)
    codec = Codec(encoding="cp850", strict=True)
    try:
        n = 0
        while not stop.is_set():
            n += 1
            item_id = f"W{n}"
            peer.writer.write(codec.encode(_item(item_id), sequence=n % 10) + b"\r")
            reply = (await peer.until(b"\r"))[:-1]
            frame = codec.decode(reply)
            if (
                frame.code == "18"
                and frame.sequence == str(n % 10)
                and getattr(frame.message, "item_identifier", None) == item_id
            ):
                tally.watcher_ok += 1
            else:
                tally.watcher_bad.append(reply)
            await asyncio.sleep(0.002)
    finally:
        await peer.close()


async def _campaign(port: int, frames: list[bytes]) -> Tally:
    tally = Tally()
    stop = asyncio.Event()
    watcher = asyncio.create_task(_watcher(port, stop, tally))
    share = len(frames) // CONNECTIONS
    try:
        await asyncio.gather(
            *(
                _fuzzer(port, frames[i * share : (i + 1) * share], i, tally)
                for i in range(CONNECTIONS)
            )
        )
    finally:
        stop.set()
        await asyncio.wait_for(watcher, TIMEOUT)
    return tally


def test_server_survives_100k_fuzz_frames(capsys: pytest.CaptureFixture[str]) -> None:
    frames = list(fuzz_frames(FUZZ_FRAMES, seed=20250301))
    responder = EchoResponder()
    server = Sip2Server(
        responder,
        ACCOUNTS,
        port=0,
        # Pipelined batches and long runs of garbage are the point here; the defaults for
        # those limits are tested in test_sip2_server.py and below.
        limits=Limits(
            max_frame=2048,
            max_pending_frames=10**6,
            max_bad_frames=10**6,
            idle_timeout=TIMEOUT,
            login_timeout=TIMEOUT,
        ),
        workers=4,
    )
    began = time.monotonic()
    with run_in_thread(server) as port:
        tally = asyncio.run(asyncio.wait_for(_campaign(port, frames), 300))
    elapsed = time.monotonic() - began
    stats = server.stats
    with capsys.disabled():
        print(
            f"\n  sip2 server fuzz: {tally.sent} frames in {elapsed:.1f} s; server saw "
            f"{stats.frames} frames, {stats.errors} answered 96 ({stats.too_long} too long, "
            f"{stats.bad_checksums} bad checksums), {responder.calls} to the responder, "
            f"{tally.reconnects} reconnects; watcher {tally.watcher_ok} correct answers"
        )
    assert tally.sent == FUZZ_FRAMES
    assert tally.batches == FUZZ_FRAMES // BATCH
    assert tally.watcher_bad == []
    assert tally.watcher_ok >= 20
    # Inserted terminators split frames, so the server sees at least as many as were sent.
    assert stats.frames >= FUZZ_FRAMES
    assert stats.errors > FUZZ_FRAMES // 4
    assert stats.too_long > 0
    assert responder.calls > FUZZ_FRAMES // 10
    assert stats.responder_errors == 0
    assert stats.active == 0


# ------------------------------------------------------------------------------ hypothesis


@pytest.fixture(scope="module")
def default_server() -> Iterator[tuple[Sip2Server, int]]:
    # A fuzzed 93 is a refused login: answered at once here (the delay is not under test).
    limits = Limits(login_timeout=TIMEOUT, failed_login_delay=0)
    server = Sip2Server(EchoResponder(), ACCOUNTS, port=0, limits=limits)
    with run_in_thread(server) as port:
        yield server, port


class SyncPeer:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buf = b""

    def ask(self, frame: bytes) -> bytes | None:
        """Send ``frame``; the next reply without its CR, or None when the server closed."""
        self.sock.sendall(frame)
        return self.until(b"\r")

    def until(self, marker: bytes) -> bytes | None:
        deadline = time.monotonic() + TIMEOUT
        while marker not in self.buf:
            assert time.monotonic() < deadline, "server did not answer in time"
            try:
                data = self.sock.recv(65536)
            except ConnectionResetError:
                return None
            if not data:
                return None
            self.buf += data
        head, _, self.buf = self.buf.partition(marker)
        return head


_frame = st.one_of(
    st.binary(max_size=200),
    st.sampled_from([b"17", b"97", b"23", b"93", b"17" + b"9" * 5000]),
    st.builds(
        lambda msg, cut, junk: Codec().encode(msg, sequence=1)[:cut] + junk,
        st.sampled_from(_seeds()),
        st.integers(min_value=0, max_value=400),
        st.binary(max_size=8),
    ),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    frames=st.lists(_frame, min_size=1, max_size=12),
    terminator=st.sampled_from([b"\r", b"\n", b"\r\n"]),
)
def test_default_limits_survive_small_fuzz_cases(
    default_server: tuple[Sip2Server, int], frames: list[bytes], terminator: bytes
) -> None:
    server, port = default_server
    codec = Codec(encoding="cp850", strict=True)
    victim, bystander = SyncPeer(port), SyncPeer(port)
    try:
        login = LoginRequest(login_user_id="fuzz", login_password=SECRET)
        for peer in (victim, bystander):
            assert peer.ask(codec.encode(login, sequence=0) + b"\r") == b"941AY0AZFDFD"
        with contextlib.suppress(OSError):
            victim.sock.sendall(b"".join(f + terminator for f in frames))
        probe = codec.encode(_item("PROBE"), sequence=2) + b"\r"
        with contextlib.suppress(OSError):
            victim.sock.sendall(probe)
        # The victim either gets the probe answered or has been closed (too many bad frames,
        # or it pipelined too much); it never hangs.
        victim.until(b"ABPROBE|")
        reply = bystander.ask(codec.encode(_item("B"), sequence=3) + b"\r")
        assert reply is not None
        assert codec.decode(reply).message.item_identifier == "B"  # type: ignore[attr-defined]
    finally:
        victim.sock.close()
        bystander.sock.close()
    assert server.stats.responder_errors == 0
