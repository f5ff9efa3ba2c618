"""Our SIP2 server's replies, read by an independent codec: pysip2's ``decode_message``.

pysip2 verifies AZ strictly and checks every fixed field's width, so a reply it reads is a
reply the specification allows. pysip2 is a dev dependency; without it this test skips on a
developer machine and fails under CI (``CI`` set), so CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.codec import Codec
from kiosk.ils.sip2.messages import (
    AcsStatus,
    ItemInformationRequest,
    ItemInformationResponse,
    LoginRequest,
    Message,
    PatronStatusRequest,
    PatronStatusResponse,
    ScStatus,
)
from kiosk.ils.sip2.server import Sip2Server, run_in_thread

try:
    import pysip2
except ImportError:  # pragma: no cover - depends on the environment
    pysip2 = None

SECRET = "interop"
DATE = "20250301    101500"
TIMEOUT = 5.0


@pytest.fixture(autouse=True)
def _need_pysip2() -> None:
    if pysip2 is None:
        reason = "pysip2 is not installed (pip install -e '.[dev]')"
        if os.environ.get("CI"):
            pytest.fail(f"pysip2 is required under CI: {reason}", pytrace=False)
        pytest.skip(reason)


class Responder:
    def respond(self, request: Message, account: Account) -> Message:
        if isinstance(request, ScStatus):
            return AcsStatus(
                online_status="Y",
                checkin_ok="Y",
                checkout_ok="Y",
                acs_renewal_policy="N",
                status_update_ok="N",
                offline_ok="N",
                timeout_period="030",
                retries_allowed="003",
                date_time_sync=DATE,
                institution_id=account.institution,
                library_name="Bibliotheek Dalfsen",
                supported_messages="YYYYYYYYYYYYYYYY",
                terminal_location=account.location,
                screen_message=("Welkom",),
            )
        if isinstance(request, PatronStatusRequest):
            return PatronStatusResponse(
                patron_status=" " * 14,
                language="005",
                transaction_date=DATE,
                institution_id=account.institution,
                patron_identifier=request.patron_identifier,
                personal_name="Jan de Vries",
                valid_patron="Y",
                valid_patron_password="Y",
                currency_type="EUR",
                fee_amount="2.50",
            )
        if isinstance(request, ItemInformationRequest):
            return ItemInformationResponse(
                circulation_status="03",
                security_marker="02",
                fee_type="01",
                transaction_date=DATE,
                due_date="20250322    235900",
                item_identifier=request.item_identifier,
                title_identifier="Het diner – Herman Koch, één deel",
                permanent_location=account.location,
            )
        raise LookupError(request.CODE)


@pytest.fixture
def port() -> Iterator[int]:
    accounts = {"kiosk": Account("kiosk", hash_password(SECRET, n=16), "DAL", "DAL")}
    with run_in_thread(Sip2Server(Responder(), accounts, port=0)) as bound:
        yield bound


class Client:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.codec = Codec(encoding="cp850")
        self.buf = b""

    def raw(self, data: bytes) -> bytes:
        """Send bytes; the reply frame with its CR, as pysip2 wants it."""
        self.sock.sendall(data)
        while b"\r" not in self.buf:
            chunk = self.sock.recv(65536)
            assert chunk, "connection closed"
            self.buf += chunk
        frame, _, self.buf = self.buf.partition(b"\r")
        return frame + b"\r"

    def ask(self, msg: Message, sequence: int = 1) -> bytes:
        return self.raw(self.codec.encode(msg, sequence=sequence) + b"\r")


@pytest.fixture
def client(port: int) -> Iterator[Client]:
    c = Client(port)
    try:
        yield c
    finally:
        c.sock.close()


def _decode(frame: bytes) -> Any:
    assert pysip2 is not None
    assert pysip2.verify_checksum(frame[:-1])
    return pysip2.decode_message(frame)


def test_pysip2_reads_every_reply(client: Client) -> None:
    login = _decode(client.ask(LoginRequest(login_user_id="kiosk", login_password=SECRET), 0))
    assert type(login.message).__name__ == "LoginResponse"
    assert login.message.ok == "1"
    assert login.sequence_number == 0

    status = _decode(client.ask(ScStatus(), 1))
    assert type(status.message).__name__ == "ACSStatusResponse"
    assert status.message.institution_id == "DAL"
    assert status.message.supported_messages == "Y" * 16
    assert status.message.date_time_sync == DATE
    assert status.sequence_number == 1

    patron = _decode(
        client.ask(
            PatronStatusRequest(
                transaction_date=DATE,
                institution_id="DAL",
                patron_identifier="21234000987654",
                terminal_password="",
                patron_password="1234",
            ),
            2,
        )
    )
    assert type(patron.message).__name__ == "PatronStatusResponse"
    assert patron.message.patron_identifier == "21234000987654"
    assert patron.message.personal_name == "Jan de Vries"
    assert patron.message.fee_amount == "2.50"

    item = _decode(
        client.ask(
            ItemInformationRequest(
                transaction_date=DATE, institution_id="DAL", item_identifier="30000000012345"
            ),
            3,
        )
    )
    assert type(item.message).__name__ == "ItemInformationResponse"
    assert item.message.item_identifier == "30000000012345"
    # cp850 has no en dash: it degrades visibly to "?"; the accents survive.
    assert item.message.title_identifier == "Het diner ? Herman Koch, één deel"
    assert item.message.due_date == "20250322    235900"

    garbled = client.raw(b"17garbage|AZ0000\r")
    assert garbled == b"96AZFEF6\r"
    assert type(_decode(garbled).message).__name__ == "RequestSCResend"

    # A 97 after that 96 gets the last real reply again (the 18), never the 96: else the SC
    # would repeat its last request, and a checkout or payment would happen twice.
    resent = client.raw(b"97AZFEF5\r")
    assert type(_decode(resent).message).__name__ == "ItemInformationResponse"
    assert _decode(resent).message.item_identifier == "30000000012345"


def test_pysip2_reads_the_refused_login(client: Client) -> None:
    refused = _decode(client.ask(LoginRequest(login_user_id="kiosk", login_password="no"), 4))
    assert type(refused.message).__name__ == "LoginResponse"
    assert refused.message.ok == "0"
    assert refused.sequence_number == 4
