"""Paying fees at the terminal, end to end below the UI: the session controller, the fake
terminal, the offline journal and the real embedded library system.

Named rules: P10 (the terminal gets an amount and a reference, never personal data; nothing is
paid before the member confirmed); an approved payment the library system cannot book now is
journalled and booked once when it answers; one it refuses, and one whose outcome nobody
knows, are shown to staff with reference and amount; the member is never charged twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.fakes import FakePaymentTerminal, RecordingPrinter
from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.payment import Paid
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CardPresented,
    Done,
    PayConfirmed,
    PayFees,
    ReceiptChosen,
    Screen,
    SessionView,
    ToggleFee,
)
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Payment
from kiosk.ils.embedded.seed import fixture_database
from kiosk.ils.offline import Journal, OfflineLibrary
from kiosk.ils.port import IlsUnavailable
from kiosk.services.receipts import ReceiptStyle
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner, QueuedRunner

NOW = datetime(2026, 12, 7, 14, 30, tzinfo=UTC)
OWES = "2100000000003"  # Özlem: a late fee (EUR 6.50) and a damage fee (EUR 5.00)


class Plug:
    """The library system, with a plug to pull (every call raises, as an unanswered SIP2
    connection does), and the calls it got."""

    def __init__(self, inner: EmbeddedLibrary) -> None:
        self.inner = inner
        self.plugged = True
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args))
            if not self.plugged:
                raise IlsUnavailable("127.0.0.1:6001 did not answer (test)")
            return method(*args, **kwargs)

        return call


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Any]:
    eng = fixture_database(f"sqlite:///{tmp_path / 'library.sqlite'}", NOW)
    yield eng
    eng.dispose()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "offline-journal.sqlite")
    yield j
    j.close()


class Kiosk:
    def __init__(
        self,
        engine: Any,
        journal: Journal,
        terminal: FakePaymentTerminal,
        payment_log: Any = None,
    ) -> None:
        self.clock = ManualClock(NOW)
        self.plug = Plug(EmbeddedLibrary(engine, branch="DAL", clock=self.clock))
        self.library = OfflineLibrary(
            self.plug,  # type: ignore[arg-type]
            journal,
            self.clock,
            location="DAL",
        )
        self.journal = journal
        self.terminal = terminal
        self.printer = RecordingPrinter()
        self.devices = QueuedRunner()
        self.views: list[SessionView] = []
        self.problems: list[tuple[Any, ...]] = []

        def problem(*args: Any) -> None:
            self.problems.append(args)
            journal.payment_problem(*args[:4], self.clock.now(), args[4])

        self.controller = SessionController(
            self.library,
            self.clock,
            InlineRunner(),
            on_change=self.views.append,
            printer=self.printer,
            device_runner=self.devices,
            receipt_style=lambda: ReceiptStyle("Bibliotheek Dalfsen"),
            branch="DAL",
            payment_terminal=terminal,
            payment_prefix="DAL1",
            payment_problem=problem,
            payment_log=payment_log,
        )

    @property
    def view(self) -> SessionView:
        return self.controller.view()

    def home(self) -> None:
        self.controller.dispatch(CardPresented(OWES))
        self.devices.run_pending()
        assert self.view.screen is Screen.HOME, self.view

    def pay(self) -> None:
        self.controller.dispatch(PayFees())
        assert self.view.screen is Screen.PAY_CONFIRM
        self.controller.dispatch(PayConfirmed())
        assert self.view.screen is Screen.PAYING
        self.devices.run_pending()  # the member at the terminal


def booked(engine: Any) -> list[tuple[int, str]]:
    with Session(engine) as s:
        return [(p.amount_cents, p.reference) for p in s.scalars(select(Payment)).all()]


def test_p10_the_terminal_gets_the_amount_and_a_reference_and_nothing_of_the_member(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal())
    kiosk.home()
    kiosk.controller.dispatch(PayFees())
    assert kiosk.terminal.calls == []  # not before the member confirmed the total
    kiosk.controller.dispatch(PayConfirmed())
    kiosk.devices.run_pending()
    [(amount, reference, currency)] = kiosk.terminal.calls
    assert (amount, currency) == (1150, "EUR")
    summary = kiosk.library.member_summary(OWES)
    personal = {OWES, "Özlem", "Çelik", "ozlem.celik@example.org"}
    assert summary.summary is None or summary.summary.fees == ()
    assert not any(p.lower() in reference.lower() for p in personal)
    assert reference.startswith("DAL1-")


def test_an_approved_payment_is_booked_fee_by_fee_and_printed_with_the_terminals_text(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal())
    kiosk.home()
    kiosk.pay()
    view = kiosk.view
    assert view.screen is Screen.HOME
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_DONE
    reference = kiosk.terminal.calls[0][1]
    assert sorted(booked(engine)) == sorted([(650, f"{reference}/1"), (500, f"{reference}/2")])
    assert view.summary is not None and view.summary.fees == ()
    kiosk.controller.dispatch(Done())
    kiosk.controller.dispatch(ReceiptChosen(print=True))
    kiosk.devices.run_pending()
    (text,) = kiosk.printer.text()
    assert reference in text and "AKKOORD" in text and "€ 11,50" in text
    assert OWES not in text  # the card only masked (P4)
    assert kiosk.controller.counters["payments"] == 1
    assert kiosk.controller.counters["paid_cents"] == 1150


def test_only_the_fees_chosen_are_paid(engine: Any, journal: Journal) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal())
    kiosk.home()
    summary = kiosk.view.summary
    assert summary is not None
    late = next(f for f in summary.fees if f.amount == Money(650))
    kiosk.controller.dispatch(ToggleFee(late.fee_id))
    kiosk.pay()
    assert kiosk.terminal.calls[0][0] == 500
    assert [cents for cents, _ in booked(engine)] == [500]
    left = kiosk.view.summary
    assert left is not None and [f.fee_id for f in left.fees] == [late.fee_id]


@pytest.mark.parametrize(
    ("step", "paid", "reason"),
    [
        ("declined", Paid.DECLINED, Reason.PAYMENT_DECLINED),
        ("cancelled", Paid.CANCELLED, Reason.PAYMENT_CANCELLED),
        ("error", Paid.FAILED, Reason.PAYMENT_FAILED),
        ("unreachable", Paid.FAILED, Reason.PAYMENT_FAILED),
    ],
)
def test_a_payment_the_terminal_did_not_take_books_nothing(
    engine: Any, journal: Journal, step: str, paid: Paid, reason: Reason
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal([step]))
    kiosk.home()
    kiosk.pay()
    view = kiosk.view
    assert view.notice is not None and view.notice.reason is reason
    assert booked(engine) == [] and journal.depth() == 0 and kiosk.problems == []
    assert view.summary is not None and len(view.summary.fees) == 2
    kiosk.pay()  # and the member may try again
    assert len(booked(engine)) == 2


def test_approved_while_the_library_system_is_away_is_journalled_and_booked_once_later(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal())
    kiosk.home()
    kiosk.plug.plugged = False  # away after the member's fees were shown
    kiosk.pay()
    view = kiosk.view
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_RECORDED_LATER
    assert view.summary is not None and view.summary.fees == ()  # not offered again
    assert booked(engine) == [] and journal.depth() == 2
    kiosk.plug.plugged = True
    report = kiosk.library.sync()
    assert (report.sent, report.conflicts, report.waiting) == (2, 0, 0)
    assert len(booked(engine)) == 2 and journal.depth() == 0
    assert kiosk.library.sync().sent == 0  # and never again
    assert len(booked(engine)) == 2


def test_approved_but_refused_by_the_library_system_goes_to_staff_and_is_not_offered_again(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal())
    kiosk.home()
    summary = kiosk.view.summary
    assert summary is not None
    # Paid at the desk meanwhile: the library system will refuse the kiosk's report.
    desk = EmbeddedLibrary(engine, branch="DAL", clock=kiosk.clock)
    for fee in summary.fees:
        assert desk.pay_fee(OWES, fee.fee_id, fee.amount, f"DESK-{fee.fee_id}").ok
    kiosk.pay()
    view = kiosk.view
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_NEEDS_STAFF
    reference = kiosk.terminal.calls[0][1]
    assert dict(view.notice.params)["reference"] == reference
    conflicts = journal.conflicts()
    assert {c.kind for c in conflicts} == {"payment_refused"}
    assert {c.item for c in conflicts} == {f"{reference}/1", f"{reference}/2"}
    assert sorted(c.amount.cents for c in conflicts if c.amount) == [500, 650]


def test_an_uncertain_outcome_at_the_terminal_goes_to_staff_with_reference_and_amount(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal(["uncertain"]))
    kiosk.home()
    kiosk.pay()
    view = kiosk.view
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_UNCERTAIN
    assert not view.can_pay and booked(engine) == []
    (conflict,) = journal.conflicts()
    assert conflict.kind == "payment_uncertain" and conflict.amount == Money(1150)
    assert conflict.item == kiosk.terminal.calls[0][1]
    # The next visit: the fees wait for staff, they are not offered for paying again.
    kiosk.controller.dispatch(Done())
    kiosk.controller.dispatch(Done())
    kiosk.home()
    assert kiosk.view.summary is not None and kiosk.view.summary.fees == ()


def test_a_member_who_walks_away_mid_payment_still_has_it_booked(
    engine: Any, journal: Journal
) -> None:
    terminal = FakePaymentTerminal()
    kiosk = Kiosk(engine, journal, terminal)
    kiosk.home()
    kiosk.controller.dispatch(PayFees())
    kiosk.controller.dispatch(PayConfirmed())
    from kiosk.domain.session import CardRemoved, SetOutOfService

    kiosk.controller.dispatch(CardRemoved())
    assert kiosk.view.screen is Screen.PAYING
    # Staff's out of service, even, does not lose it: the session goes, the payment stays.
    kiosk.controller.dispatch(SetOutOfService("Onderhoud"))
    assert kiosk.view.screen is Screen.OUT_OF_SERVICE
    kiosk.devices.run_pending()
    assert len(booked(engine)) == 2


def test_a_line_broken_mid_transaction_is_an_uncertain_payment_not_a_failed_one(
    engine: Any, journal: Journal
) -> None:
    kiosk = Kiosk(engine, journal, FakePaymentTerminal(["broken"]))
    kiosk.home()
    kiosk.pay()
    view = kiosk.view
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_UNCERTAIN
    (conflict,) = journal.conflicts()
    assert conflict.kind == "payment_uncertain" and conflict.reason == "ConnectionResetError"
    assert not view.can_pay  # not offered again: the member may have paid
    # The receipt still carries the reference, for the desk.
    kiosk.controller.dispatch(Done())
    assert kiosk.view.screen is Screen.RECEIPT
    kiosk.controller.dispatch(ReceiptChosen(print=True))
    kiosk.devices.run_pending()
    (text,) = kiosk.printer.text()
    assert "Not known whether this was paid" in text and conflict.item in text


class Written:
    """The journal's record of payments at the terminal, seen from the test."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.started: list[str] = []

    def payment_started(self, reference: str, amount: Money, fees: tuple[str, ...]) -> None:
        self.started.append(reference)
        self.journal.payment_started(reference, amount, fees)

    def payment_ended(self, reference: str) -> None:
        self.journal.payment_ended(reference)


def test_a_payment_is_written_down_before_the_terminal_gets_it_and_struck_out_after(
    engine: Any, journal: Journal, tmp_path: Path
) -> None:
    terminal = FakePaymentTerminal()
    written = Written(journal)
    kiosk = Kiosk(engine, journal, terminal, payment_log=written)
    kiosk.home()
    kiosk.controller.dispatch(PayFees())
    kiosk.controller.dispatch(PayConfirmed())
    # The kiosk stops while the member is at the terminal: the journal knows of the payment.
    assert written.started == []  # not before the device thread runs it
    kiosk.devices.run_pending()
    assert len(written.started) == 1
    journal.close()
    assert Journal(tmp_path / "offline-journal.sqlite").conflicts() == []  # struck out
    # A payment interrupted by a stop becomes a conflict for staff at the next start.
    stopped = Journal(tmp_path / "offline-journal.sqlite")
    stopped.payment_started("DAL1-261207-143000-09", Money(650), ("7",))
    stopped.close()
    reopened = Journal(tmp_path / "offline-journal.sqlite")
    try:
        (conflict,) = reopened.conflicts()
        assert (conflict.kind, conflict.item, conflict.reason) == (
            "payment_uncertain",
            "DAL1-261207-143000-09",
            "interrupted",
        )
        assert conflict.amount == Money(650) and reopened.disputed_fees() == {"7"}
    finally:
        reopened.close()


def test_a_payment_that_cannot_be_written_down_is_not_taken(engine: Any, journal: Journal) -> None:
    class Broken:
        def payment_started(self, *args: Any) -> None:
            raise OSError("disk full")

        def payment_ended(self, reference: str) -> None:
            raise AssertionError("nothing to strike out")

    terminal = FakePaymentTerminal()
    kiosk = Kiosk(engine, journal, terminal, payment_log=Broken())
    kiosk.home()
    kiosk.pay()
    assert terminal.calls == [] and booked(engine) == []
    assert kiosk.view.notice is not None and kiosk.view.notice.reason is Reason.PAYMENT_FAILED


def test_a_terminal_silent_for_five_minutes_lets_the_member_go_and_tells_staff(
    engine: Any, journal: Journal
) -> None:

    from kiosk.services.session import PAYING_LIMIT_S

    terminal = FakePaymentTerminal()
    kiosk = Kiosk(engine, journal, terminal)
    kiosk.home()
    kiosk.controller.dispatch(PayFees())
    kiosk.controller.dispatch(PayConfirmed())
    assert kiosk.view.screen is Screen.PAYING
    kiosk.clock.advance(PAYING_LIMIT_S - 1)
    kiosk.controller.tick()
    assert kiosk.view.screen is Screen.PAYING  # not yet
    kiosk.clock.advance(2)
    kiosk.controller.tick()
    view = kiosk.view
    assert view.screen is Screen.HOME
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_UNCERTAIN
    (conflict,) = journal.conflicts()
    assert conflict.kind == "payment_uncertain" and "no answer" in conflict.reason
    # The terminal answers at last (approved): it is booked all the same, the screen stays.
    kiosk.devices.run_pending()
    assert len(booked(engine)) == 2
    assert kiosk.view.notice is not None
    assert kiosk.view.notice.reason is Reason.PAYMENT_UNCERTAIN
