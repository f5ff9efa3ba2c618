"""``AcsResponder``'s answers to what a kiosk does not do: holds, item updates, enable, block.

Another vendor's self-check machine may send them to ``kiosk sip2-server``; each gets a valid,
strictly encodable refusal with a reason on the screen, and never changes a record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from kiosk.bench.memory_library import MemoryLibrary
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.codec import Codec
from kiosk.ils.sip2.loopback import LoopbackAccount

DATE = "20261125    100000"
ACCOUNT = LoopbackAccount("kiosk-1", "DAL", "DAL")


def _ask(request: m.Message) -> tuple[m.Message, MemoryLibrary]:
    lib = MemoryLibrary(members=2, items=2)
    responder = AcsResponder(
        lambda branch: lib,
        tz=ZoneInfo("Europe/Amsterdam"),
        now=lambda: datetime(2026, 11, 25, 9, tzinfo=UTC),
    )
    reply = responder.respond(request, ACCOUNT)
    strict = Codec(strict=True)
    assert strict.decode(strict.encode(reply, sequence=0)).message == reply  # valid SIP2
    return reply, lib


def test_status_says_what_the_library_allows() -> None:
    reply, _ = _ask(m.ScStatus())
    assert isinstance(reply, m.AcsStatus)
    assert (reply.online_status, reply.checkout_ok, reply.checkin_ok) == ("Y", "Y", "Y")
    assert reply.institution_id == "DAL" and reply.library_name == "Bench library"
    assert reply.date_time_sync == "20261125    100000"


def test_patron_enable_and_block_are_refused_with_the_status_of_the_card() -> None:
    lib = MemoryLibrary(members=2, items=2)
    card = lib.cards[0]
    enable, _ = _ask(
        m.PatronEnable(transaction_date=DATE, institution_id="DAL", patron_identifier=card)
    )
    assert isinstance(enable, m.PatronEnableResponse)
    assert enable.valid_patron == "Y" and enable.patron_status == " " * 14
    assert enable.screen_message == ("Patron enable is not available at a self-service kiosk",)
    block, _ = _ask(
        m.BlockPatron(
            transaction_date=DATE,
            institution_id="DAL",
            blocked_card_message="x",
            patron_identifier="2999999999999",
            terminal_password="",
        )
    )
    assert isinstance(block, m.PatronStatusResponse)
    assert block.valid_patron == "N" and block.patron_status == "Y" * 14
    assert block.screen_message == ("Blocking a card is done at the desk",)


def test_holds_and_item_updates_are_refused() -> None:
    hold, _ = _ask(
        m.HoldRequest(transaction_date=DATE, institution_id="DAL", patron_identifier="x")
    )
    assert isinstance(hold, m.HoldResponse) and hold.ok == "0"
    update, _ = _ask(
        m.ItemStatusUpdate(
            transaction_date=DATE, institution_id="DAL", item_identifier="y", item_properties="z"
        )
    )
    assert isinstance(update, m.ItemStatusUpdateResponse) and update.item_properties_ok == "0"
