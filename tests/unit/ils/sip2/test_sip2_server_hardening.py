"""The server under hostile traffic: password guessing and idle sockets never starve kiosks."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2 import server as server_module
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.codec import Codec
from kiosk.ils.sip2.server import Limits, Sip2Server, run_in_thread

CODEC = Codec()


class Status:
    def respond(self, request: m.Message, account: Account) -> m.Message:
        return m.AcsStatus(
            online_status="Y",
            institution_id=account.institution,
            supported_messages="Y" * 16,
            date_time_sync=m.BLANK_DATE,
        )


def _account() -> Account:
    # The real cost (scrypt n=2**14): the point is that checking it is slow.
    return Account("kiosk", hash_password("juist"), "DAL", "DAL", encoding="utf-8")


def _send(sock: socket.socket, msg: m.Message, seq: int | None = None) -> bytes:
    sock.sendall(CODEC.encode(msg, sequence=seq) + b"\r")
    data = b""
    while not data.endswith(b"\r"):
        chunk = sock.recv(4096)
        if not chunk:
            return data
        data += chunk
    return data


def test_a_password_check_in_progress_never_holds_up_a_logged_in_kiosk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stranger's password check is held (as a flood of scrypt runs would hold it) while a
    # logged-in kiosk asks for status: with checks on the request pool (one thread on SQLite)
    # the kiosk would wait behind it.
    release = threading.Event()
    checking = threading.Event()
    real_verify = server_module.verify_password

    def verify(password: str, stored: str) -> bool:
        if password == "fout":
            checking.set()
            release.wait(10)
            return False
        return real_verify(password, stored)

    monkeypatch.setattr(server_module, "verify_password", verify)
    limits = Limits(failed_login_delay=0)
    server = Sip2Server(Status(), {"kiosk": _account()}, port=0, workers=1, limits=limits)
    with run_in_thread(server) as port, socket.create_connection(("127.0.0.1", port), 5) as kiosk:
        assert _send(kiosk, m.LoginRequest(login_user_id="kiosk", login_password="juist"))[:3] == (
            b"941"
        )
        with socket.create_connection(("127.0.0.1", port), 5) as stranger:
            wrong = m.LoginRequest(login_user_id="kiosk", login_password="fout")
            stranger.sendall(CODEC.encode(wrong) + b"\r")
            assert checking.wait(5)
            try:
                kiosk.settimeout(2)
                t0 = time.perf_counter()
                assert _send(kiosk, m.ScStatus(), seq=1)[:3] == b"98Y"
                assert time.perf_counter() - t0 < 1
            finally:
                release.set()
            stranger.settimeout(5)
            assert stranger.recv(100)[:3] == b"940"


def test_sockets_that_never_log_in_cannot_take_every_connection() -> None:
    limits = Limits(max_connections=10, max_unauthenticated=2, login_timeout=5)
    server = Sip2Server(Status(), {"kiosk": _account()}, port=0, limits=limits)
    with run_in_thread(server) as port:
        idle = [socket.create_connection(("127.0.0.1", port), 5) for _ in range(2)]
        try:
            time.sleep(0.2)
            with socket.create_connection(("127.0.0.1", port), 5) as third:
                third.settimeout(5)
                assert third.recv(100) == b""  # closed at once: two are waiting to log in
            reply = _send(idle[0], m.LoginRequest(login_user_id="kiosk", login_password="juist"))
            assert reply[:3] == b"941"
            time.sleep(0.1)
            with socket.create_connection(("127.0.0.1", port), 5) as fourth:
                login = m.LoginRequest(login_user_id="kiosk", login_password="juist")
                assert _send(fourth, login)[:3] == b"941"  # a place came free
        finally:
            for s in idle:
                s.close()
    assert server.stats.rejected == 1


def test_a_wrong_password_is_answered_only_after_the_delay() -> None:
    account = Account("kiosk", hash_password("juist", n=16), "DAL", "DAL", encoding="utf-8")
    server = Sip2Server(Status(), {"kiosk": account}, port=0, limits=Limits(failed_login_delay=0.4))
    with run_in_thread(server) as port, socket.create_connection(("127.0.0.1", port), 5) as s:
        t0 = time.perf_counter()
        assert _send(s, m.LoginRequest(login_user_id="kiosk", login_password="fout"))[:3] == b"940"
        assert time.perf_counter() - t0 >= 0.4
