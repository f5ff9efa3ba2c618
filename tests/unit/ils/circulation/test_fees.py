"""Paying fees: partial, full, never twice for one terminal reference, never negative."""

from __future__ import annotations

from conftest import Builder

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.ils.embedded.engine import EmbeddedLibrary


def test_paying_part_of_a_fee_leaves_the_rest(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    fee = build.fee(card, 450)
    result = ils.pay_fee(card, str(fee), Money(200), "T-1")
    assert result.ok and result.remaining == Money(250)


def test_paying_a_fee_in_full_settles_it(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    fee = build.fee(card, 450)
    assert ils.pay_fee(card, str(fee), Money(450), "T-1").remaining == Money(0)
    summary = ils.member_summary(card).summary
    assert summary is not None and summary.fees == ()


def test_overpaying_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    fee = build.fee(card, 450)
    result = ils.pay_fee(card, str(fee), Money(451), "T-1")
    assert result.outcome.reason is Reason.PAYMENT_AMOUNT_INVALID


def test_zero_or_negative_payment_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    fee = build.fee(card, 450)
    assert not ils.pay_fee(card, str(fee), Money(0), "T-1").ok
    assert not ils.pay_fee(card, str(fee), Money(-5), "T-2").ok


def test_the_same_terminal_reference_is_paid_only_once(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member()
    fee = build.fee(card, 450)
    first = ils.pay_fee(card, str(fee), Money(200), "T-1")
    again = ils.pay_fee(card, str(fee), Money(200), "T-1")
    assert first.ok and again.ok
    assert again.remaining == Money(250)


def test_another_members_fee_is_unknown(ils: EmbeddedLibrary, build: Builder) -> None:
    owner, other = build.member(), build.member()
    fee = build.fee(owner, 450)
    assert ils.pay_fee(other, str(fee), Money(450), "T-1").outcome.reason is Reason.FEE_UNKNOWN
    assert ils.pay_fee(other, "not-a-fee", Money(1), "T-2").outcome.reason is Reason.FEE_UNKNOWN
