"""A responder that says it never blocks is answered on the server's event loop thread."""

from __future__ import annotations

import socket
import threading

import pytest

from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.codec import Codec
from kiosk.ils.sip2.server import Sip2Server, run_in_thread


class ThreadRecorder:
    def __init__(self, blocking: bool | None) -> None:
        if blocking is not None:
            self.blocking = blocking
        self.threads: list[str] = []

    def respond(self, request: m.Message, account: Account) -> m.Message:
        self.threads.append(threading.current_thread().name)
        return m.AcsStatus(
            online_status="Y",
            institution_id=account.institution,
            supported_messages="Y" * 16,
            date_time_sync=m.BLANK_DATE,
        )


@pytest.mark.parametrize(
    ("blocking", "thread"), [(None, "sip2-acs"), (True, "sip2-acs"), (False, "sip2-server")]
)
def test_where_the_responder_runs(blocking: bool | None, thread: str) -> None:
    responder = ThreadRecorder(blocking)
    account = Account("k", hash_password("pw", n=16), "DAL", "DAL", encoding="utf-8")
    codec = Codec()
    server = Sip2Server(responder, {"k": account}, port=0)
    with run_in_thread(server) as port, socket.create_connection(("127.0.0.1", port), 5) as sock:
        sock.sendall(codec.encode(m.LoginRequest(login_user_id="k", login_password="pw")) + b"\r")
        sock.sendall(codec.encode(m.ScStatus(), sequence=1) + b"\r")
        data = b""
        while data.count(b"\r") < 2:
            chunk = sock.recv(4096)
            assert chunk, "server closed the connection"
            data += chunk
    assert b"98Y" in data
    assert len(responder.threads) == 1 and responder.threads[0].startswith(thread)
