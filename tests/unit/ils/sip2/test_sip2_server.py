"""The asyncio SIP2 server over real loopback sockets, with a small in-test responder."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.ils.sip2 import server as server_module
from kiosk.ils.sip2 import server_cli
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.codec import Codec, Flavour, checksum_of
from kiosk.ils.sip2.messages import (
    REGISTRY,
    RESPONSE_TO,
    AcsStatus,
    CheckinRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    LoginRequest,
    Message,
    PatronStatusRequest,
    PatronStatusResponse,
    ScStatus,
)
from kiosk.ils.sip2.server import Limits, Sip2Server, run_in_thread

CARD = "21234000987654"
PIN = "8642"
SECRET = "s3cret-pass"
TIMEOUT = 5.0


# ------------------------------------------------------------------------------ fakes


class FakeResponder:
    """Answers 23, 17, 99 and 09; raises for item BOOM; sleeps for item SLOW."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.release = threading.Event()

    def respond(self, request: Message, account: Account) -> Message:
        self.calls.append((request.CODE, account.user))
        if isinstance(request, ItemInformationRequest):
            if request.item_identifier == "BOOM":
                raise RuntimeError(f"no item {request.item_identifier} for card {CARD}")
            if request.item_identifier == "SLOW":
                self.release.wait(TIMEOUT)
            return ItemInformationResponse(
                circulation_status="03",
                transaction_date="20250301    101500",
                item_identifier=request.item_identifier,
                title_identifier=f"Café {request.item_identifier}",
                permanent_location=account.location,
            )
        if isinstance(request, PatronStatusRequest):
            return PatronStatusResponse(
                patron_status=" " * 14,
                language="001",
                transaction_date="20250301    101500",
                institution_id=account.institution,
                patron_identifier=request.patron_identifier,
                personal_name="Jan de Vries",
                valid_patron="Y",
                valid_patron_password="Y" if request.patron_password == PIN else "N",
            )
        if isinstance(request, ScStatus):
            return AcsStatus(
                online_status="Y",
                checkin_ok="Y",
                checkout_ok="Y",
                acs_renewal_policy="Y",
                timeout_period="030",
                retries_allowed="003",
                date_time_sync="20250301    101500",
                institution_id=account.institution,
                library_name="Bibliotheek Test",
                supported_messages="YYYYYYYYYYYYYYYY",
            )
        if isinstance(request, CheckinRequest):
            assert request.current_location == account.location
        return REGISTRY[RESPONSE_TO[request.CODE]]()


def _account(user: str, **kw: Any) -> Account:
    return Account(
        user=user,
        password_hash=hash_password(SECRET, n=16),
        institution="DAL",
        location=kw.pop("location", "DAL"),
        **kw,
    )


ACCOUNTS = {
    a.user: a
    for a in (
        _account("kiosk"),
        _account("utf8", encoding="utf-8"),
        _account("crlf", terminator=b"\r\n"),
        _account("strict", error_detection="required"),
        _account("plain", error_detection="off"),
        _account("lenient", bad_checksum="accept"),
        _account("nfd", encoding="utf-8", accept_flavours=frozenset({Flavour.UTF8_NFD})),
    )
}


# ------------------------------------------------------------------------------ client


class Client:
    """A blocking SIP2 client for tests: every call has a timeout."""

    def __init__(
        self,
        port: int,
        *,
        terminator: bytes = b"\r",
        encoding: str = "cp850",
        context: ssl.SSLContext | None = None,
    ) -> None:
        sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        if context is not None:
            try:
                sock = context.wrap_socket(sock, server_hostname="localhost")
            except BaseException:
                sock.close()
                raise
        self.sock = sock
        self.terminator = terminator
        self.codec = Codec(encoding=encoding)
        self.plain = Codec(encoding=encoding, error_detection=False)
        self.buf = b""

    def close(self) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def request(self, msg: Message, *, sequence: int | None = 0, trailer: bool = True) -> None:
        codec = self.codec if trailer else self.plain
        self.send(codec.encode(msg, sequence=sequence) + b"\r")

    def recv(self) -> bytes:
        """One reply, without its terminator (which must be the account's)."""
        while self.terminator not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise EOFError(f"connection closed; unread: {self.buf!r}")
            self.buf += data
        frame, _, self.buf = self.buf.partition(self.terminator)
        return frame

    def ask(self, msg: Message, **kw: Any) -> bytes:
        self.request(msg, **kw)
        return self.recv()

    def login(self, user: str = "kiosk", password: str = SECRET) -> bytes:
        return self.ask(LoginRequest(login_user_id=user, login_password=password))

    def closed(self) -> bool:
        """True when the server closes the connection (data before that is read and dropped)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                data = self.sock.recv(65536)
            except ConnectionResetError:
                return True
            except TimeoutError:
                return False
            if not data:
                return True
        return False


def item(item_id: str = "B1") -> ItemInformationRequest:
    return ItemInformationRequest(
        transaction_date="20250301    101500", institution_id="DAL", item_identifier=item_id
    )


def patron_status() -> PatronStatusRequest:
    return PatronStatusRequest(
        transaction_date="20250301    101500",
        institution_id="DAL",
        patron_identifier=CARD,
        terminal_password="",
        patron_password=PIN,
    )


def strict_decode(frame: bytes, encoding: str = "cp850") -> Any:
    return Codec(encoding=encoding, strict=True).decode(frame)


Start = Callable[..., tuple[Sip2Server, int]]


@pytest.fixture
def responder() -> FakeResponder:
    return FakeResponder()


@pytest.fixture
def stack() -> Iterator[contextlib.ExitStack]:
    with contextlib.ExitStack() as st:
        yield st


@pytest.fixture
def start(stack: contextlib.ExitStack, responder: FakeResponder) -> Start:
    def run(**kw: Any) -> tuple[Sip2Server, int]:
        kw.setdefault("limits", Limits(idle_timeout=TIMEOUT * 2, login_timeout=TIMEOUT * 2))
        server = Sip2Server(
            kw.pop("responder", responder), kw.pop("accounts", ACCOUNTS), port=0, **kw
        )
        port = stack.enter_context(run_in_thread(server))
        return server, port

    return run


@pytest.fixture
def connect(stack: contextlib.ExitStack) -> Callable[..., Client]:
    def make(port: int, **kw: Any) -> Client:
        client = Client(port, **kw)
        stack.callback(client.close)
        return client

    return make


def _wait_for(check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


# ------------------------------------------------------------------------------ login


def test_login_ok_answers_94_ok_1_and_echoes_sequence(start: Start, connect: Any) -> None:
    server, port = start()
    client = connect(port)
    client.request(LoginRequest(login_user_id="kiosk", login_password=SECRET), sequence=4)
    reply = client.recv()
    assert reply == b"941AY4AZ" + checksum_of(b"941AY4AZ").encode()
    assert server.stats.logins == 1


def test_login_without_checksum_is_answered_without_one(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    client.request(LoginRequest(login_user_id="kiosk", login_password=SECRET), trailer=False)
    assert client.recv() == b"941"


def test_wrong_password_gets_94_ok_0_and_the_connection_closes(
    start: Start, connect: Any, responder: FakeResponder
) -> None:
    server, port = start()
    client = connect(port)
    assert client.login(password="wrong") == b"940AY0AZ" + checksum_of(b"940AY0AZ").encode()
    assert client.closed()
    assert server.stats.failed_logins == 1
    assert responder.calls == []


def test_unknown_user_is_refused_after_a_hash_of_the_same_cost(
    start: Start, connect: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    real = server_module.verify_password

    def spy(password: str, stored: str) -> bool:
        checked.append(stored)
        return real(password, stored)

    monkeypatch.setattr(server_module, "verify_password", spy)
    _, port = start()
    client = connect(port)
    assert client.login(user="nobody", password=SECRET).startswith(b"940")
    assert client.closed()
    # A full scrypt run with the accounts' parameters, not an early return.
    assert len(checked) == 1
    assert checked[0].split("$")[:4] == ACCOUNTS["kiosk"].password_hash.split("$")[:4]
    assert checked[0] != ACCOUNTS["kiosk"].password_hash


def test_non_ascii_password_is_read_in_the_accounts_encoding(start: Start, connect: Any) -> None:
    password = "geheim-é"
    accounts = {
        "u8": Account("u8", hash_password(password, n=16), "DAL", "DAL", encoding="utf-8"),
        "cp": Account("cp", hash_password(password, n=16), "DAL", "DAL"),
    }
    _, port = start(accounts=accounts)
    assert connect(port, encoding="utf-8").login("u8", password).startswith(b"941")
    assert connect(port).login("cp", password).startswith(b"941")
    assert connect(port).login("u8", password).startswith(b"940")


def test_request_before_login_gets_94_ok_0_and_close(
    start: Start, connect: Any, responder: FakeResponder
) -> None:
    _, port = start()
    client = connect(port)
    assert client.ask(item()).startswith(b"940")
    assert client.closed()
    assert responder.calls == []


def test_97_before_any_reply_and_garbage_before_login_get_96(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    client.send(b"97AZFEF5\r")
    assert client.recv() == b"96AZFEF6"
    client.send(b"XX garbage\r")
    assert client.recv() == b"96AZFEF6"
    assert client.login().startswith(b"941")


def test_a_second_login_switches_the_account(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    assert client.login("kiosk").startswith(b"941")
    assert client.login("plain").startswith(b"941")
    # "plain" has error detection off: no trailer even though the request had one.
    assert client.ask(item()).endswith("AJCafé B1|AQDAL|".encode("cp850"))


# ------------------------------------------------------------------------------ wire settings


def test_encoding_per_account_round_trips_e_acute(start: Start, connect: Any) -> None:
    _, port = start()
    cp850 = connect(port)
    cp850.login("kiosk")
    reply = cp850.ask(item("é1"))
    assert "AJCafé é1|".encode("cp850") in reply
    assert strict_decode(reply).message.title_identifier == "Café é1"

    utf8 = connect(port, encoding="utf-8")
    utf8.login("utf8")
    reply = utf8.ask(item("é1"))
    assert "AJCafé é1|".encode() in reply
    assert strict_decode(reply, "utf-8").message.item_identifier == "é1"


def test_nfd_checksums_are_accepted_where_the_account_allows(start: Start, connect: Any) -> None:
    import unicodedata

    _, port = start()
    client = connect(port, encoding="utf-8")
    client.login("nfd")
    # Evergreen style: checksum over the UTF-8 bytes of the NFD text, bytes sent composed.
    text = Codec(encoding="utf-8", error_detection=False).render(item("é1")) + "AY1AZ"
    total = sum(unicodedata.normalize("NFD", text).encode())
    frame = text.encode() + f"{(-total) & 0xFFFF:04X}".encode()
    assert Codec(encoding="utf-8").decode(frame).checksum_status.value == "bad-checksum"
    client.send(frame + b"\r")
    assert strict_decode(client.recv(), "utf-8").message.item_identifier == "é1"


def test_crlf_terminator_per_account(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port, terminator=b"\r\n")
    client.login("crlf")
    client.request(item())
    client.request(item("B2"))
    first, second = client.recv(), client.recv()
    assert b"\r" not in first + second
    assert strict_decode(second).message.item_identifier == "B2"
    assert client.buf == b""


def test_replies_echo_the_sequence_number_and_style(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    client.login()
    for seq in (1, 7, 0):
        reply = client.ask(item(), sequence=seq)
        frame = strict_decode(reply)
        assert frame.sequence == str(seq)
        assert frame.checksum_status.ok
    assert b"AY" not in client.ask(item(), trailer=False)
    assert b"AZ" not in client.ask(item(), trailer=False)
    # AZ without AY: answered with AZ only.
    reply = client.ask(item(), sequence=None)
    assert b"AY" not in reply
    assert strict_decode(reply).checksum_status.ok


def test_97_resends_the_last_reply_byte_for_byte(
    start: Start, connect: Any, responder: FakeResponder
) -> None:
    server, port = start()
    client = connect(port)
    client.login()
    reply = client.ask(item("é9"), sequence=5)
    client.send(b"97AZFEF5\r")
    assert client.recv() == reply
    client.send(b"97\r")
    assert client.recv() == reply
    assert responder.calls.count(("17", "kiosk")) == 1
    assert server.stats.resends == 2


def test_bad_checksum_gets_96_and_the_connection_keeps_working(
    start: Start, connect: Any, responder: FakeResponder
) -> None:
    server, port = start()
    client = connect(port)
    client.login()
    good = client.codec.encode(item(), sequence=2)
    client.send(good[:-4] + b"0000\r")
    assert client.recv() == b"96AZFEF6"
    assert responder.calls == []
    client.send(good + b"\r")
    assert strict_decode(client.recv()).message.item_identifier == "B1"
    assert server.stats.bad_checksums == 1


def test_accept_policy_processes_a_bad_checksum_and_logs_it(
    start: Start, connect: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server, port = start()
    client = connect(port)
    client.login("lenient")
    good = client.codec.encode(item("B7"), sequence=2)
    with caplog.at_level(logging.WARNING, "kiosk.ils.sip2.server"):
        client.send(good[:-4] + b"0000\r")
        assert strict_decode(client.recv()).message.item_identifier == "B7"
    assert server.stats.accepted_bad_checksums == 1
    assert "wrong checksum accepted" in caplog.text


def test_required_error_detection(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    assert client.login("strict").startswith(b"941AY0AZ")
    assert client.ask(item(), trailer=False) == b"96AZFEF6"
    frame = strict_decode(client.ask(item(), sequence=3))
    assert frame.sequence == "3"


def test_error_detection_off_checks_nothing_and_writes_no_trailer(
    start: Start, connect: Any
) -> None:
    _, port = start()
    client = connect(port)
    assert client.login("plain") == b"941"
    good = client.codec.encode(item(), sequence=2)
    reply = client.ask(item(), sequence=2)
    assert b"AZ" not in reply
    client.send(good[:-4] + b"0000\r")
    assert client.recv() == reply


# ------------------------------------------------------------------------------ bad input


def test_frame_too_long_is_discarded_answered_96_and_the_next_is_served(
    start: Start, connect: Any
) -> None:
    server, port = start(limits=Limits(max_frame=200))
    client = connect(port)
    client.login()
    # Terminated in the same write...
    client.send(b"17" + b"x" * 500 + b"\r")
    assert client.recv() == b"96AZFEF6"
    # ...and a stream that runs past the limit before its terminator arrives.
    client.send(b"17" + b"y" * 300)
    assert client.recv() == b"96AZFEF6"
    client.send(b"y" * 300 + b"\r")
    client.request(item("B3"))
    assert strict_decode(client.recv()).message.item_identifier == "B3"
    assert server.stats.too_long == 2


def test_unknown_code_and_non_requests_get_96(start: Start, connect: Any) -> None:
    _, port = start()
    client = connect(port)
    client.login()
    client.send(b"XY|AOx|\r")
    assert client.recv() == b"96AZFEF6"
    client.send(b"941AZ" + checksum_of(b"941AZ").encode() + b"\r")  # a response code
    assert client.recv() == b"96AZFEF6"
    assert strict_decode(client.ask(item())).code == "18"


def test_too_many_bad_frames_in_a_row_close_the_connection(start: Start, connect: Any) -> None:
    server, port = start(limits=Limits(max_bad_frames=3))
    client = connect(port)
    client.login()
    client.send(b"XX\rXX\r")
    assert client.recv() == b"96AZFEF6"
    assert client.recv() == b"96AZFEF6"
    client.request(item())  # a good one resets the count
    assert client.recv().startswith(b"18")
    client.send(b"XX\rXX\rXX\r")
    for _ in range(3):
        assert client.recv() == b"96AZFEF6"
    assert client.closed()
    assert server.stats.closed_for_errors == 1


def test_pipelining_beyond_max_pending_frames_closes(start: Start, connect: Any) -> None:
    _, port = start(limits=Limits(max_pending_frames=4))
    client = connect(port)
    client.login()
    frame = client.codec.encode(item(), sequence=1) + b"\r"
    client.send(frame * 3)
    for _ in range(3):
        assert client.recv().startswith(b"18")
    client.send(frame * 50)
    assert client.closed()


# ------------------------------------------------------------------------------ limits


def test_idle_timeout_closes_a_quiet_connection(start: Start, connect: Any) -> None:
    server, port = start(limits=Limits(idle_timeout=0.3, login_timeout=TIMEOUT))
    client = connect(port)
    client.login()
    began = time.monotonic()
    assert client.closed()
    assert 0.25 < time.monotonic() - began < TIMEOUT
    assert server.stats.timeouts == 1


def test_login_timeout_closes_a_connection_that_never_logs_in(start: Start, connect: Any) -> None:
    _, port = start(limits=Limits(idle_timeout=TIMEOUT, login_timeout=0.3))
    client = connect(port)
    began = time.monotonic()
    # Trickling garbage does not extend the deadline.
    for _ in range(3):
        client.send(b"X")
        time.sleep(0.05)
    assert client.closed()
    assert time.monotonic() - began < 2.0


def test_max_connections_refuses_extra_connections(start: Start, connect: Any) -> None:
    server, port = start(limits=Limits(max_connections=2))
    first, second = connect(port), connect(port)
    first.login()
    second.login()
    third = connect(port)
    assert third.closed()
    assert server.stats.rejected == 1
    assert strict_decode(first.ask(item())).code == "18"
    first.close()
    _wait_for(lambda: server.stats.active == 1)
    fourth = connect(port)
    assert fourth.login().startswith(b"941")


def test_responder_exception_closes_only_that_connection(
    start: Start, connect: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server, port = start()
    bystander, victim = connect(port), connect(port)
    bystander.login()
    victim.login()
    with caplog.at_level(logging.ERROR, "kiosk.ils.sip2.server"):
        victim.request(item("BOOM"))
        assert victim.closed()
    assert "RuntimeError" in caplog.text
    assert CARD not in caplog.text
    assert "BOOM" not in caplog.text
    assert strict_decode(bystander.ask(item("B4"))).message.item_identifier == "B4"
    assert server.stats.responder_errors == 1
    assert connect(port).login().startswith(b"941")


def test_connections_are_served_in_parallel(
    start: Start, connect: Any, responder: FakeResponder
) -> None:
    _, port = start()
    slow, fast = connect(port), connect(port)
    slow.login()
    fast.login()
    slow.request(item("SLOW"))
    # The slow request blocks a worker, not the server.
    assert strict_decode(fast.ask(item("B5"))).message.item_identifier == "B5"
    responder.release.set()
    assert strict_decode(slow.recv()).message.item_identifier == "SLOW"


def test_close_with_a_request_in_flight_is_clean(connect: Any, responder: FakeResponder) -> None:
    server = Sip2Server(responder, ACCOUNTS, port=0)
    with run_in_thread(server) as port:
        client = connect(port)
        client.login()
        client.request(item("SLOW"))
        _wait_for(lambda: ("17", "kiosk") in responder.calls)
        threading.Timer(0.2, responder.release.set).start()
    assert client.closed()
    assert server.stats.active == 0


def test_logs_hold_no_field_values(
    start: Start, connect: Any, caplog: pytest.LogCaptureFixture
) -> None:
    _, port = start(limits=Limits(max_frame=300))
    with caplog.at_level(logging.DEBUG, "kiosk.ils.sip2.server"):
        client = connect(port)
        client.login()
        client.ask(patron_status())
        client.ask(item("ITEM-77-SECRET"))
        good = client.codec.encode(patron_status(), sequence=1)
        client.send(good[:-4] + b"0000\r")
        client.recv()
        client.send(b"23" + CARD.encode() * 40 + b"\r")
        client.recv()
        client.send(f"XX{CARD}|\r".encode())
        client.recv()
        intruder = connect(port)
        intruder.login(user=f"user-{CARD}", password=SECRET)
        intruder.closed()
        client.close()
        _wait_for(lambda: "closed by peer" in caplog.text)
    text = caplog.text
    assert "conn 1 (kiosk)" in text
    assert "23 -> 24" in text
    for secret in (CARD, PIN, SECRET, "ITEM-77-SECRET", "Jan de Vries", "Café"):
        assert secret not in text


def test_tls(start: Start, connect: Any, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    _, port = start(ssl_context=server_ctx)
    client_ctx = ssl.create_default_context(cafile=str(cert))
    client = connect(port, context=client_ctx)
    assert client.login().startswith(b"941")
    assert strict_decode(client.ask(item("é2"))).message.item_identifier == "é2"
    # A plain-text client gets nowhere, and does not disturb the TLS one.
    plain = connect(port)
    plain.request(LoginRequest(login_user_id="kiosk", login_password=SECRET))
    assert plain.closed()
    assert strict_decode(client.ask(item("B6"))).message.item_identifier == "B6"


def _self_signed(directory: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no 'openssl' command to make a test certificate (and no 'cryptography')")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key


def test_start_on_a_port_in_use_raises(responder: FakeResponder) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = Sip2Server(responder, ACCOUNTS, port=taken.getsockname()[1])
        with pytest.raises(OSError, match="address already in use"), run_in_thread(server):
            pass


# ------------------------------------------------------------------------------ command line


def _cli(argv: list[str]) -> int:
    from kiosk.cli import main

    return main(argv)


def test_cli_hash_password_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from kiosk.ils.sip2.accounts import load_accounts, verify_password

    monkeypatch.setattr(sys, "stdin", io.StringIO("correct horse\n"))
    assert _cli(["sip2-server", "hash-password"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('password_hash = "scrypt$')
    file = tmp_path / "accounts.toml"
    file.write_text(f'[[account]]\nuser = "k"\n{line}\ninstitution = "DAL"\nlocation = "DAL"\n')
    account = load_accounts(file)["k"]
    assert verify_password("correct horse", account.password_hash)
    assert not verify_password("correct horse\n", account.password_hash)


def test_cli_hash_password_refuses_an_empty_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert _cli(["sip2-server", "hash-password"]) == 2
    assert capsys.readouterr().err.strip() == "kiosk sip2-server: empty password"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("[[account]\n", "not valid TOML"),
        ('[[account]]\nuser = "k"\npassword = "x"\n', "plain-text passwords"),
    ],
)
def test_cli_accounts_errors_are_one_line_exit_2(
    content: str | None, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "accounts.toml"
    if content is not None:
        file.write_text(content)
    assert _cli(["sip2-server", "--accounts", str(file), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(file) in err
    assert expected in err


def _accounts_file(tmp_path: Path) -> Path:
    file = tmp_path / "accounts.toml"
    file.write_text(
        f'[[account]]\nuser = "kiosk"\npassword_hash = "{hash_password(SECRET, n=16)}"\n'
        'institution = "DAL"\nlocation = "DAL"\n'
    )
    return file


def test_cli_port_in_use_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        server_cli, "_embedded", lambda args: (lambda b: None, "L", None, lambda: None)
    )
    monkeypatch.setattr(server_cli, "_responder", lambda *a: FakeResponder())
    monkeypatch.setattr("kiosk.ops.logging.configure", lambda **kw: None)  # keep pytest's
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code = _cli(["sip2-server", "--accounts", str(_accounts_file(tmp_path)), "--port", port])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err


def test_cli_tls_needs_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    accounts = str(_accounts_file(tmp_path))
    assert _cli(["sip2-server", "--accounts", accounts, "--tls-cert", "c.pem"]) == 2
    assert "--tls-cert and --tls-key go together" in capsys.readouterr().err
    missing = str(tmp_path / "none.pem")
    argv = ["sip2-server", "--accounts", accounts, "--tls-cert", missing, "--tls-key", missing]
    assert _cli(argv) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_missing_database_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts = str(_accounts_file(tmp_path))
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    assert _cli(["sip2-server", "--accounts", accounts, "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no database at" in err
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("kiosk.ils.sip2.acs") is None, reason="kiosk.ils.sip2.acs not there"
)
def test_cli_serves_the_embedded_library_and_stops_on_sigterm(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    kiosk = [sys.executable, "-m", "kiosk"]
    subprocess.run(
        [*kiosk, "library", "init", "--db", url, "--quiet"],
        check=True,
        capture_output=True,
        timeout=60,
        env=env,
    )
    accounts = str(_accounts_file(tmp_path))
    proc = subprocess.Popen(
        [*kiosk, "sip2-server", "--accounts", accounts, "--db", url, "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        assert proc.stderr is not None
        for _ in range(20):  # log lines, then "kiosk sip2-server: listening on HOST:PORT; ..."
            line = proc.stderr.readline()
            if not line or line.startswith("kiosk sip2-server: listening on"):
                break
        assert line.startswith("kiosk sip2-server: listening on 127.0.0.1:"), line
        port = int(line.split("127.0.0.1:")[1].split(";")[0].split(" ")[0])
        client = Client(port)
        try:
            assert client.login().startswith(b"941")
            reply = client.ask(ScStatus())
            assert strict_decode(reply).code == "98"
        finally:
            client.close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stderr is not None:
            proc.stderr.close()
