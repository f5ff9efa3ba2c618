"""Our SIP2 client against an independent server: ``pysip2.SIP2Server`` on 127.0.0.1.

pysip2 is a dev dependency with its own codec, so a mistake shared by our encoder and our
decoder cannot hide here. The server runs in a background thread with its own event loop
(an AnyIO blocking portal) and answers from a small in-test library.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.ils.port import IlsUnavailable
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.check_cli import ENV_PASSWORD
from kiosk.ils.sip2.codec import ChecksumStatus
from kiosk.ils.sip2.profiles import profile
from kiosk.ils.sip2.transport import Credentials, Endpoint, Sip2Connection

try:
    import anyio
    import pysip2
    from anyio.abc import SocketAttribute
    from anyio.from_thread import start_blocking_portal
except ImportError as exc:  # pragma: no cover - depends on the environment
    if os.environ.get("CI"):
        pytest.fail(f"pysip2 is required under CI (pip install -e '.[dev]'): {exc}", pytrace=False)
    pytest.skip(f"pysip2 is not installed (a dev dependency): {exc}", allow_module_level=True)

USER, PASSWORD = "sc-kiosk", "Wachtwoord-42"
INSTITUTION = "DAL"
CARD, PIN, NAME = "21234000099999", "1234", "De Vries, Jan"
ITEM, TITLE = "31234000011111", "Het Achterhuis"


@dataclass
class Library:
    patrons: dict[str, tuple[str, str]] = field(default_factory=lambda: {CARD: (NAME, PIN)})
    items: dict[str, str] = field(default_factory=lambda: {ITEM: TITLE})
    loans: dict[str, str] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)


def make_server(library: Library) -> Any:
    server = pysip2.SIP2Server(institution_id=INSTITUTION, library_name="Test", login_required=True)

    @server.route(pysip2.LOGIN)
    async def login(req: pysip2.LoginRequest, ctx: Any) -> pysip2.LoginResponse:
        library.seen.append("93")
        ok = req.login_user_id == USER and req.login_password == PASSWORD
        return pysip2.LoginResponse(ok="1" if ok else "0")

    @server.route(pysip2.PATRON_STATUS)
    async def patron_status(req: pysip2.PatronStatusRequest, ctx: Any) -> Any:
        library.seen.append("23")
        known = library.patrons.get(req.patron_identifier)
        if known is None:
            return ctx.decline("unknown card")
        return pysip2.PatronStatusResponse(
            patron_status=" " * 14,
            language="000",
            transaction_date=ctx.now_18(),
            institution_id=req.institution_id,
            patron_identifier=req.patron_identifier,
            personal_name=known[0],
            valid_patron="Y",
            valid_patron_password=("Y" if req.patron_password == known[1] else "N")
            if req.patron_password
            else None,
        )

    @server.route(pysip2.PATRON_INFORMATION)
    async def patron_information(req: pysip2.PatronInformationRequest, ctx: Any) -> Any:
        library.seen.append("63")
        known = library.patrons.get(req.patron_identifier)
        if known is None:
            return ctx.decline("unknown card")
        mine = tuple(item for item, card in library.loans.items() if card == req.patron_identifier)
        charged = len(mine)
        return pysip2.PatronInformationResponse(
            charged_items=mine if req.summary[2:3] == "Y" else (),
            patron_status=" " * 14,
            language="000",
            transaction_date=ctx.now_18(),
            hold_items_count="0000",
            overdue_items_count="0000",
            charged_items_count=f"{charged:04d}",
            fine_items_count="0000",
            recall_items_count="0000",
            unavailable_holds_count="0000",
            institution_id=req.institution_id,
            patron_identifier=req.patron_identifier,
            personal_name=known[0],
            valid_patron="Y",
        )

    @server.route(pysip2.ITEM_INFORMATION)
    async def item_information(req: pysip2.ItemInformationRequest, ctx: Any) -> Any:
        library.seen.append("17")
        title = library.items.get(req.item_identifier)
        if title is None:
            return ctx.decline("unknown item")
        return pysip2.ItemInformationResponse(
            circulation_status="04" if req.item_identifier in library.loans else "03",
            security_marker="00",
            fee_type="01",
            transaction_date=ctx.now_18(),
            item_identifier=req.item_identifier,
            title_identifier=title,
        )

    @server.route(pysip2.CHECKOUT)
    async def checkout(req: pysip2.CheckoutRequest, ctx: Any) -> Any:
        library.seen.append("11")
        if req.item_identifier not in library.items or req.item_identifier in library.loans:
            return ctx.decline("cannot lend")
        library.loans[req.item_identifier] = req.patron_identifier
        return pysip2.CheckoutResponse(
            ok="1",
            renewal_ok="N",
            magnetic_media="N",
            desensitize="Y",
            transaction_date=ctx.now_18(),
            institution_id=req.institution_id,
            patron_identifier=req.patron_identifier,
            item_identifier=req.item_identifier,
            title_identifier=library.items[req.item_identifier],
            due_date="20260126    235900",
        )

    @server.route(pysip2.CHECKIN)
    async def checkin(req: pysip2.CheckinRequest, ctx: Any) -> Any:
        library.seen.append("09")
        if library.loans.pop(req.item_identifier, None) is None:
            return ctx.decline("not on loan")
        return pysip2.CheckinResponse(
            ok="1",
            resensitize="Y",
            magnetic_media="N",
            alert="N",
            transaction_date=ctx.now_18(),
            institution_id=req.institution_id,
            item_identifier=req.item_identifier,
            permanent_location=INSTITUTION,
        )

    return server


@dataclass
class Running:
    port: int
    library: Library


@asynccontextmanager
async def serving(server: Any) -> AsyncIterator[int]:
    """Like ``SIP2Server.start``, but closes the listening socket on the way out.

    pysip2 0.1.0's ``start`` cancels its serve task and leaves the listener open (a
    ResourceWarning, which fails the suite), so the listener is owned here instead. The
    per-connection handler is pysip2's own (a private name, the only way in).
    """
    listener = await server.listen(host="127.0.0.1", port=0)
    async with listener, anyio.create_task_group() as tasks:
        tasks.start_soon(listener.serve, server._handle_connection)
        try:
            yield listener.extra(SocketAttribute.local_port)
        finally:
            tasks.cancel_scope.cancel()


@pytest.fixture
def pysip2_server() -> Iterator[Running]:
    library = Library()
    server = make_server(library)
    with (
        start_blocking_portal() as portal,
        portal.wrap_async_context_manager(serving(server)) as port,
    ):
        yield Running(port, library)


def connect(running: Running, password: str = PASSWORD) -> Sip2Connection:
    return Sip2Connection(
        Endpoint("127.0.0.1", running.port),
        profile("generic"),
        Credentials(USER, password),
        timeout=3.0,
        connect_timeout=3.0,
    )


def test_login_and_status(pysip2_server: Running) -> None:
    with connect(pysip2_server) as conn:
        status = conn.open()
    assert status.online_status == "Y"
    assert status.institution_id == INSTITUTION
    assert status.checkout_ok == "Y" and status.checkin_ok == "Y"
    assert status.supported_messages[6] == "Y"  # login
    assert pysip2_server.library.seen == ["93"]


def test_refused_login_is_ils_unavailable(pysip2_server: Running) -> None:
    with connect(pysip2_server, "wrong") as conn, pytest.raises(IlsUnavailable, match="login"):
        conn.open()


def test_patron_status_and_item_information(pysip2_server: Running) -> None:
    with connect(pysip2_server) as conn:
        conn.open()
        patron = conn.request(
            m.PatronStatusRequest(
                transaction_date="20260105    101500",
                institution_id=INSTITUTION,
                patron_identifier=CARD,
                terminal_password="",
                patron_password=PIN,
            )
        )
        item = conn.request(
            m.ItemInformationRequest(
                transaction_date="20260105    101500",
                institution_id=INSTITUTION,
                item_identifier=ITEM,
            )
        )
    assert patron.checksum_status is ChecksumStatus.VALID and patron.sequence == "2"
    assert isinstance(patron.message, m.PatronStatusResponse)
    assert patron.message.valid_patron == "Y" and patron.message.valid_patron_password == "Y"
    assert patron.message.personal_name == NAME
    assert item.checksum_status is ChecksumStatus.VALID and item.sequence == "3"
    assert isinstance(item.message, m.ItemInformationResponse)
    assert item.message.title_identifier == TITLE
    assert item.message.circulation_status == "03"


def test_many_requests_cycle_sequence_numbers(pysip2_server: Running) -> None:
    with connect(pysip2_server) as conn:
        sequences = []
        for _ in range(12):
            frame = conn.request(
                m.ItemInformationRequest(
                    transaction_date="20260105    101500",
                    institution_id=INSTITUTION,
                    item_identifier=ITEM,
                )
            )
            sequences.append(frame.sequence)
    # 93 and 99 took 0 and 1
    assert sequences == [str(i % 10) for i in range(2, 14)]


def test_check_ils_passes_against_pysip2(
    pysip2_server: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PASSWORD, PASSWORD)
    code = main(
        [
            "check-ils",
            f"sip2://{USER}@127.0.0.1:{pysip2_server.port}",
            "--profile",
            "generic",
            "--card",
            CARD,
            "--pin",
            PIN,
            "--item",
            ITEM,
            "--write",
            "--timeout",
            "3",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "all steps passed (7 passed, 0 failed, 0 skipped)" in out
    assert pysip2_server.library.seen == ["93", "23", "63", "17", "11", "09"]
    assert pysip2_server.library.loans == {}
    assert PASSWORD not in out and PIN not in out and NAME not in out


# ---------------------------------------------------------------- the whole client
def test_sip2_library_lends_returns_and_lists_loans_on_a_pysip2_server(
    pysip2_server: Running,
) -> None:
    from zoneinfo import ZoneInfo

    from kiosk.domain.reasons import Reason
    from kiosk.ils.sip2.library import Sip2Library

    tz = ZoneInfo("Europe/Amsterdam")
    conn = connect(pysip2_server)
    lib = Sip2Library(conn, profile("generic"), institution=INSTITUTION, location="DAL", tz=tz)
    try:
        assert lib.identify(CARD).ok  # this server checks a PIN only when one is sent
        assert lib.identify(CARD, "0000").outcome.reason is Reason.WRONG_PIN
        who = lib.identify(CARD, PIN)
        assert who.ok and who.name is not None
        assert (who.name.given, who.name.family) == ("Jan", "De Vries")

        lent = lib.check_out(CARD, ITEM)
        assert lent.ok and lent.title == TITLE
        assert lent.due is not None and (lent.due.year, lent.due.month) == (2026, 1)

        summary = lib.member_summary(CARD).summary
        assert summary is not None
        assert [(loan.item_id, loan.title) for loan in summary.loans] == [(ITEM, TITLE)]

        again = lib.check_out(CARD, ITEM)
        assert not again.ok  # pysip2 declines: already on loan

        back = lib.check_in(ITEM, location="DAL")
        assert back.ok and back.outcome.reason is Reason.RETURNED
        assert pysip2_server.library.loans == {}
        assert lib.item_info(ITEM).item is not None
    finally:
        lib.close()
