"""Paying fees in the member session: choose, confirm (P10), pay, and never twice.

Circulation rules named here: a payment starts only after the member confirmed the total; the
paid fees leave the member's list at once; an approved payment is never cut off by a timeout,
a removed card or another scan; an uncertain payment is not offered again in the session.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.money import Money
from kiosk.domain.payment import Paid, fee_reference, make_reference, shares, total
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    Cancel,
    CardPresented,
    CardRemoved,
    CodeScanned,
    Done,
    EndReason,
    IlsReplied,
    Pay,
    PayConfirmed,
    PayFees,
    PaymentFinished,
    Screen,
    SessionEnded,
    SessionMachine,
    Tick,
    ToggleFee,
)
from kiosk.domain.types import (
    Fee,
    FeeKind,
    IdentifyResult,
    MemberName,
    MemberSummary,
    SummaryResult,
    ok,
)

T0 = datetime(2026, 12, 7, 14, 30, tzinfo=UTC)
CARD = "2100000000003"
LATE = Fee("11", FeeKind.OVERDUE, Money(650), "Te laat ingeleverd")
DAMAGE = Fee("12", FeeKind.DAMAGE, Money(500), "Beschadigd", title="De avonden")
SUMMARY = MemberSummary(CARD, MemberName(given="Özlem"), None, fees=(LATE, DAMAGE))


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def home(
    *, payments: bool = True, summary: MemberSummary = SUMMARY, **kw: object
) -> SessionMachine:
    m = SessionMachine(payments=payments, **kw)  # type: ignore[arg-type]
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(1))  # type: ignore[union-attr]
    m.handle(IlsReplied(load.request_id, SummaryResult(ok(), summary)), at(1))  # type: ignore[union-attr]
    assert m.screen is Screen.HOME
    return m


def pay(m: SessionMachine, t: float = 2) -> Pay:
    assert m.handle(PayFees(), at(t)) == []
    assert m.screen is Screen.PAY_CONFIRM
    [effect] = m.handle(PayConfirmed(), at(t + 1))
    assert isinstance(effect, Pay)
    return effect


def test_every_fee_is_ticked_at_first_and_the_total_is_theirs() -> None:
    view = home().view(at(1))
    assert view.can_pay and view.fees_chosen == ("11", "12")
    assert view.pay_total == Money(1150)


def test_the_member_chooses_which_fees_to_pay() -> None:
    m = home()
    m.handle(ToggleFee("11"), at(2))
    assert m.view(at(2)).fees_chosen == ("12",) and m.view(at(2)).pay_total == Money(500)
    m.handle(ToggleFee("nonsense"), at(2))  # a fee that is not theirs: nothing happens
    assert m.view(at(2)).fees_chosen == ("12",)
    m.handle(ToggleFee("11"), at(3))
    assert m.view(at(3)).pay_total == Money(1150)


def test_p10_nothing_is_paid_without_the_members_confirmation_of_the_total() -> None:
    m = home()
    assert m.handle(PayFees(), at(2)) == []  # only the confirmation screen
    assert m.screen is Screen.PAY_CONFIRM and m.view(at(2)).pay_total == Money(1150)
    assert m.handle(Cancel(), at(3)) == []
    assert m.screen is Screen.HOME
    effect = pay(m, 4)
    assert effect.amount == Money(1150) and effect.card_number == CARD
    assert [(f.fee_id, f.amount) for f in effect.fees] == [("11", Money(650)), ("12", Money(500))]
    assert m.screen is Screen.PAYING


def test_nothing_ticked_means_nothing_to_confirm() -> None:
    m = home()
    m.handle(ToggleFee("11"), at(2))
    m.handle(ToggleFee("12"), at(2))
    assert m.handle(PayFees(), at(3)) == [] and m.screen is Screen.HOME


def test_paid_fees_leave_the_list_at_once_so_nothing_is_offered_twice() -> None:
    m = home()
    m.handle(ToggleFee("12"), at(2))  # only the late fee
    effect = pay(m, 3)
    m.handle(PaymentFinished(effect.request_id, Paid.RECORDED, "DAL-1", ("AKKOORD",)), at(9))
    view = m.view(at(9))
    assert view.screen is Screen.HOME
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_DONE
    assert view.summary is not None and [f.fee_id for f in view.summary.fees] == ["12"]
    assert view.fees_chosen == ("12",)
    (line,) = view.payments
    assert line.total == Money(650) and line.terminal_receipt == ("AKKOORD",)


def test_a_payment_recorded_later_counts_as_paid_and_says_so() -> None:
    m = home()
    effect = pay(m)
    m.handle(PaymentFinished(effect.request_id, Paid.RECORDED_LATER, "DAL-2"), at(9))
    view = m.view(at(9))
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_RECORDED_LATER
    assert view.summary is not None and view.summary.fees == ()
    assert not view.can_pay


def test_a_declined_payment_keeps_the_fees_and_may_be_tried_again() -> None:
    m = home()
    effect = pay(m)
    m.handle(PaymentFinished(effect.request_id, Paid.DECLINED, "DAL-3"), at(9))
    view = m.view(at(9))
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_DECLINED
    assert view.summary is not None and len(view.summary.fees) == 2 and view.payments == ()
    assert isinstance(pay(m, 10), Pay)


def test_an_uncertain_payment_gives_the_reference_and_is_not_offered_again() -> None:
    m = home()
    effect = pay(m)
    m.handle(PaymentFinished(effect.request_id, Paid.UNCERTAIN, "DAL-261207-143003-01"), at(9))
    view = m.view(at(9))
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_UNCERTAIN
    assert dict(view.notice.params)["reference"] == "DAL-261207-143003-01"
    assert not view.can_pay
    assert m.handle(PayFees(), at(10)) == [] and m.screen is Screen.HOME


def test_a_payment_is_never_cut_off_by_the_inactivity_timeout_or_a_scan() -> None:
    m = home()
    effect = pay(m)
    assert m.handle(Tick(), at(600)) == [] and m.screen is Screen.PAYING
    assert m.view(at(600)).countdown is None
    assert m.handle(CodeScanned("3100000000004", "item"), at(601)) == []
    assert m.handle(Cancel(), at(602)) == [] and m.screen is Screen.PAYING
    m.handle(PaymentFinished(effect.request_id, Paid.RECORDED, "DAL-4"), at(603))
    assert m.screen is Screen.HOME


def test_a_card_taken_away_while_paying_ends_the_session_after_the_payment() -> None:
    m = home()
    effect = pay(m)
    assert m.handle(CardRemoved(), at(5)) == []
    assert m.screen is Screen.PAYING
    effects = m.handle(PaymentFinished(effect.request_id, Paid.RECORDED, "DAL-5"), at(9))
    ended = [e for e in effects if isinstance(e, SessionEnded)]
    assert ended == [SessionEnded(EndReason.CARD_REMOVED, 0, 0, 0, 1, 1150)]
    assert m.screen is Screen.GOODBYE and not m.holds_personal_data()


def test_an_answer_after_the_session_ended_is_dropped() -> None:
    m = home()
    m.handle(PayFees(), at(2))
    assert m.handle(Cancel(), at(3)) == []
    m.handle(Done(), at(4))  # the member leaves without paying
    assert m.handle(PaymentFinished(99, Paid.RECORDED, "DAL-6"), at(5)) == []
    assert not m.holds_personal_data()


def test_the_receipt_is_offered_for_a_payment_and_carries_it() -> None:
    m = home(receipts=True)
    effect = pay(m)
    m.handle(PaymentFinished(effect.request_id, Paid.RECORDED, "DAL-7"), at(9))
    m.handle(Done(), at(10))
    assert m.screen is Screen.RECEIPT
    ended = m.handle(Done(), at(11))
    assert SessionEnded(EndReason.DONE, 0, 0, 0, 1, 1150) in ended


def test_no_terminal_or_offline_means_no_paying() -> None:
    assert not home(payments=False).view(at(1)).can_pay
    m = SessionMachine(payments=True)
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(1))  # type: ignore[union-attr]
    offline = SummaryResult(ok(Reason.OFFLINE_MODE, limit="5"), SUMMARY)
    m.handle(IlsReplied(load.request_id, offline), at(1))  # type: ignore[union-attr]
    assert not m.view(at(1)).can_pay
    assert m.handle(PayFees(), at(2)) == []
    view = m.view(at(2))
    assert view.notice is not None and view.notice.reason is Reason.PAYMENT_NOT_POSSIBLE


def test_fees_in_two_currencies_are_not_paid_together() -> None:
    odd = Fee("13", FeeKind.OTHER, Money(100, "GBP"))
    m = home(summary=MemberSummary(CARD, MemberName(), None, fees=(LATE, odd)))
    assert m.view(at(1)).pay_total is None
    assert m.handle(PayFees(), at(2)) == [] and m.screen is Screen.HOME


def test_references_are_unique_readable_and_carry_nothing_of_the_member() -> None:
    a = make_reference("dal 1!", T0, 1)
    b = make_reference("dal 1!", T0, 2)
    assert a == "DAL1-261207-143000-01" and a != b
    assert make_reference("", T0, 7) == "KIOSK-261207-143000-07"
    assert fee_reference(a, 0, 1) == a
    assert [fee_reference(a, n, 2) for n in range(2)] == [f"{a}/1", f"{a}/2"]
    parts = shares((LATE, DAMAGE), ["12"])
    assert total(parts) == Money(500) and parts[0].label == "De avonden"
