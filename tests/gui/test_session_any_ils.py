"""The kiosk's end-to-end session on the real library systems, not a fake.

The same walk, with the same expectations, twice: the embedded ILS in-process, and the same
database behind ``kiosk sip2-server`` reached over TCP by ``Sip2Library`` (``ils = "sip2"``).
The walk: a card with a PIN (wrong first, then right), the home screen with the member's real
loans, an ordinary loan, a DVD with a rental fee confirmed, done, a printed receipt, goodbye;
then a card the
library does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.fakes import (
    FakeCardReader,
    FakePaymentTerminal,
    FakeScanner,
    FakeTagReader,
    RecordingPrinter,
    item_tag,
)
from hardware.iso28560 import AFI_IN_LIBRARY, AFI_ON_LOAN
from hardware.ports import DeviceSet
from hardware.rfid import PadWatcher
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Fee, Item, Loan, Member, Payment
from kiosk.ils.embedded.seed import seed_fixtures
from kiosk.ils.port import LibrarySystem
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.library import Sip2Library
from kiosk.ils.sip2.profiles import PROFILES
from kiosk.ils.sip2.server import Sip2Server, run_in_thread
from kiosk.ils.sip2.transport import Credentials, Endpoint, Sip2Connection

TZ = ZoneInfo("Europe/Amsterdam")
CARD, PIN = "2100000000001", "1234"  # Chloë de Vries: loans Tirza and Het diner
BOOK, BOOK_TITLE = "3100000000003", "De avonden"
DVD, DVD_TITLE = "3100000000009", "Alles is liefde"


@pytest.fixture
def devices(reader: FakeCardReader, scanner: FakeScanner) -> DeviceSet:
    """The conftest's devices, a payment terminal and an RFID pad (its own thread)."""
    return DeviceSet(
        card_reader=reader,
        scanner=scanner,
        printer=RecordingPrinter(),
        payment_terminal=FakePaymentTerminal(),
        rfid=PadWatcher(FakeTagReader(), poll_s=0.02),
    )


@pytest.fixture
def engine(tmp_path: Path, clock: ManualClock):  # type: ignore[no-untyped-def]
    path = tmp_path / "library.sqlite"
    eng = db.make_engine(f"sqlite:///{path}")
    db.upgrade(eng)
    with Session(eng) as s:
        install_default_policy(s)
        seed_fixtures(s, clock.now())
        s.commit()
    yield eng
    eng.dispose()


@pytest.fixture(params=["embedded", "sip2"])
def library(  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest, engine, clock: ManualClock
) -> Iterator[LibrarySystem]:
    def library_for(branch: str) -> EmbeddedLibrary:
        return EmbeddedLibrary(
            engine, branch=branch, clock=clock, library_name="Bibliotheek Dalfsen"
        )

    if request.param == "embedded":
        yield library_for("DAL")
        return
    responder = AcsResponder(library_for, library_name="Bibliotheek Dalfsen", tz=TZ, now=clock.now)
    account = Account("kiosk-dal-1", hash_password("s3cret"), "DAL", "DAL", encoding="utf-8")
    server = Sip2Server(responder, {account.user: account}, port=0)
    with run_in_thread(server) as port:
        profile = PROFILES["kiosk"]
        connection = Sip2Connection(
            Endpoint("127.0.0.1", port),
            profile,
            Credentials("kiosk-dal-1", "s3cret", "DAL"),
            timeout=10,
            tz=TZ,
        )
        lib = Sip2Library(
            connection, profile, institution="DAL", location="DAL", tz=TZ, now=clock.now
        )
        try:
            yield lib
        finally:
            connection.close()


def _loans_of(engine, card: str) -> set[str]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return set(
            s.scalars(
                select(Item.barcode)
                .join(Loan, Loan.item_id == Item.id)
                .join(Member, Member.id == Loan.member_id)
                .where(Member.card_number == card, Loan.returned_at.is_(None))
            )
        )


class _Traces:
    def personal_strings(self) -> list[str]:
        return ["Chloë", "Vries", "Tirza", "Het diner", BOOK_TITLE, DVD_TITLE, CARD, PIN]


def test_a_whole_session_is_the_same_on_either_library_system(  # type: ignore[no-untyped-def]
    gui,
    reader: FakeCardReader,
    scanner: FakeScanner,
    devices: DeviceSet,
    engine,
    clock: ManualClock,
    timeouts: Timeouts,
) -> None:
    printer = devices.printer
    assert isinstance(printer, RecordingPrinter)
    gui.wait_screen("idle")
    reader.present(CARD)
    gui.wait_screen("pin")
    gui.type_digits("pin", "0000")
    gui.tap("pinKeyOk")
    wrong = "That PIN is not right. Please try again. Attempts left before your card is locked: 2."
    gui.wait_until(lambda: gui.session.message == wrong, timeout=10000)

    gui.type_digits("pin", PIN)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    assert gui.text_of("greetingText") == "Hello, Chloë"
    gui.wait_until(lambda: {"Tirza", "Het diner"} <= set(gui.visible_texts()), timeout=10000)

    scanner.scan(BOOK)
    gui.wait_until(lambda: f"\u2713  {BOOK_TITLE}" in gui.visible_texts(), timeout=10000)
    assert BOOK_TITLE in [row["title"] for row in gui.session.loans_model.rows()]

    scanner.scan(DVD)
    gui.wait_screen("confirm_fee")
    assert gui.text_of("feeQuestion") == "This item costs EUR 4.50 to borrow."
    assert DVD not in _loans_of(engine, CARD)
    gui.tap("feeYes")
    gui.wait_screen("home")
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 2, timeout=10000)
    assert _loans_of(engine, CARD) == {"3100000000001", "3100000000002", BOOK, DVD}

    gui.tap("doneButton")
    gui.wait_screen("receipt")
    assert gui.session.canPrint
    gui.tap("receiptPrint")
    gui.wait_screen("goodbye")
    assert gui.text_of("messageText") == "Please take your receipt."
    assert gui.traces_of(_Traces()) == []
    [receipt] = printer.text()
    assert "Card: *********0001" in receipt  # P4: on paper only the last four digits
    assert CARD not in receipt
    assert BOOK_TITLE in receipt and DVD_TITLE in receipt

    clock.advance(timeouts.goodbye + 1)
    gui.wait_screen("idle")
    gui.tap("typeCardButton")
    gui.wait_screen("card_entry")
    gui.type_digits("card", "2059999999999")
    gui.tap("cardKeyOk")
    gui.wait_screen("idle")
    sentence = "We do not know this card. Please ask at the desk."
    gui.wait_until(lambda: gui.text_of("messageText") == sentence, timeout=10000)


OWES = "2100000000003"  # Özlem Çelik: a late fee (EUR 6.50) and a damage fee (EUR 5.00)


def test_paying_fees_is_the_same_on_either_library_system(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, devices: DeviceSet, engine
) -> None:
    """Choose, confirm, pay at the terminal (held: the screen still answers), booked in the
    library system (SIP2 37/38 over TCP, or the embedded ILS in-process), printed."""
    import threading

    terminal = devices.payment_terminal
    printer = devices.printer
    assert isinstance(terminal, FakePaymentTerminal) and isinstance(printer, RecordingPrinter)
    threads: list[threading.Thread] = []
    original = terminal.pay

    def pay(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    terminal.pay = pay  # type: ignore[method-assign]
    gui.wait_screen("idle")
    reader.present(OWES)
    gui.wait_screen("home")
    gui.wait_until(lambda: gui.session.fees.rowCount() == 2, timeout=10000)
    assert gui.session.canPay and gui.session.payTotal == "€11.50"
    gui.tap("tabFees")
    late = next(r for r in gui.session.fees.rows() if r["amount"] == "€6.50")
    gui.session.toggleFee(late["feeId"])  # only the damage fee
    gui.wait_until(lambda: gui.session.payTotal == "€5.00")
    gui.tap("payButton")
    gui.wait_screen("pay_confirm")
    assert terminal.calls == []  # P10: nothing before the member confirmed
    assert gui.text_of("paymentQuestion") == "You are about to pay €5.00"
    terminal.hold()  # the member is busy at the terminal
    gui.tap("paymentConfirm")
    gui.wait_screen("paying")
    gui.wait_until(lambda: len(terminal.calls) == 1, timeout=10000)
    assert gui.item("paymentBusy").isVisible()
    terminal.release()
    gui.wait_screen("home", timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    gui.wait_until(
        lambda: gui.session.message == "Thank you, your payment was received.", timeout=10000
    )
    (amount, reference, currency) = terminal.calls[0]
    assert (amount, currency) == (500, "EUR") and OWES not in reference
    with Session(engine) as s:
        payments = s.scalars(select(Payment)).all()
        assert [(p.amount_cents, p.reference) for p in payments] == [(500, reference)]
        assert s.get(Fee, payments[0].fee_id).settled  # type: ignore[union-attr]
    assert [r["amount"] for r in gui.session.fees.rows()] == ["€6.50"]
    gui.tap("doneButton")
    gui.wait_screen("receipt")
    gui.tap("receiptPrint")
    gui.wait_screen("goodbye")
    [receipt] = printer.text()
    assert reference in receipt and "AKKOORD" in receipt and OWES not in receipt


RENE = "2100000000002"  # René: no PIN, may borrow
STACK = {"3100000000003": "De avonden", "3100000000004": "Max Havelaar"}
HELD = "3100000000016"  # on the hold shelf for another member


def test_a_stack_on_the_pad_is_the_same_on_either_library_system(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, devices: DeviceSet, engine
) -> None:
    """Three tags on the pad: two lent with their AFI switched off the GUI thread, one refused
    and left secured; then, on the return screen, the two lent ones put on again come back."""
    pad = devices.rfid
    assert isinstance(pad, PadWatcher) and isinstance(pad.reader, FakeTagReader)
    tags = [item_tag(f"E00401500000000{n}", b) for n, b in enumerate([*STACK, HELD])]
    gui.wait_screen("idle")
    reader.present(RENE)
    gui.wait_screen("home")
    assert gui.session.hasPad
    pad.reader.place(*tags)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 3, timeout=10000)
    rows = {r["itemId"]: r["ok"] for r in gui.session.checkouts_model.rows()}
    assert rows == {"3100000000003": True, "3100000000004": True, HELD: False}
    gui.wait_until(lambda: [t.afi for t in tags] == [AFI_ON_LOAN, AFI_ON_LOAN, AFI_IN_LIBRARY])
    assert _loans_of(engine, RENE) >= set(STACK) and HELD not in _loans_of(engine, RENE)
    for title in STACK.values():
        assert f"\u2713  {title}" in gui.visible_texts()

    pad.reader.clear()
    gui.wait_until(lambda: gui.ui.controller.view().pad_items == 0)
    gui.tap("homeReturnButton")
    gui.wait_screen("return")
    pad.reader.place(*tags[:2])  # what was just lent comes back when it is put on again

    def returned() -> set[str]:
        return {r["itemId"] for r in gui.session.returns_model.rows() if r["ok"]}

    gui.wait_until(lambda: returned() == set(STACK), timeout=10000)
    gui.wait_until(lambda: [t.afi for t in tags[:2]] == [AFI_IN_LIBRARY, AFI_IN_LIBRARY])
    assert not (_loans_of(engine, RENE) & set(STACK))


@pytest.mark.parametrize("extra_settings", [{"rfid_ask_count": True}])
@pytest.mark.parametrize("library", ["embedded"], indirect=True)
def test_the_count_question_comes_before_the_stack_is_lent(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, devices: DeviceSet, engine
) -> None:
    pad = devices.rfid
    assert isinstance(pad, PadWatcher) and isinstance(pad.reader, FakeTagReader)
    gui.wait_screen("idle")
    reader.present(RENE)
    gui.wait_screen("home")
    pad.reader.place(*(item_tag(f"E00401500000001{n}", b) for n, b in enumerate(STACK)))
    gui.wait_until(lambda: gui.item("stackCountDialog").isVisible())
    assert gui.text_of("stackCountQuestion") == "How many items did you put on the pad?"
    assert gui.session.checkouts_model.rowCount() == 0  # nothing lent before the answer
    gui.tap("stackCount3")
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 2, timeout=10000)
    sentence = (
        "We find 2 of the 3 items you placed. Spread them out on the pad, or scan the barcode "
        "of the missing ones."
    )
    gui.wait_until(lambda: sentence in gui.visible_texts() or gui.session.message == sentence)
    assert not gui.item("stackCountDialog").isVisible()
