"""Renewal rules: limits, holds by others, blocks, renew all."""

from __future__ import annotations

from datetime import date

from conftest import Builder

from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.ils.embedded.engine import EmbeddedLibrary


def test_renewal_sets_a_new_due_date_from_today(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    clock.advance(10 * 86400)
    result = ils.renew(card, item)
    assert result.ok and result.outcome.reason is Reason.RENEWED
    assert result.due is not None and result.due.date() == date(2026, 12, 26)


def test_renewal_limit_per_material(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(material="book")  # 2 renewals
    ils.check_out(card, item)
    assert ils.renew(card, item).ok
    assert ils.renew(card, item).ok
    assert ils.renew(card, item).outcome.reason is Reason.RENEW_LIMIT_REACHED


def test_renewal_refused_when_someone_else_holds_the_title(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    build.hold(build.member(), item)
    assert ils.renew(card, item).outcome.reason is Reason.RENEW_HELD_FOR_OTHER


def test_renewing_someone_elses_loan_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    owner, other, item = build.member(), build.member(), build.item()
    ils.check_out(owner, item)
    assert ils.renew(other, item).outcome.reason is Reason.RENEW_NOT_ON_LOAN_TO_YOU


def test_blocked_member_cannot_renew(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    build.fee(card, 2000)
    result = ils.renew(card, item)
    assert result.outcome.reason is Reason.RENEW_NOT_ALLOWED
    assert result.outcome.params["block"] == Reason.BLOCKED_FEES.value


def test_renewing_an_overdue_loan_charges_the_fine_so_far(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    clock.advance(23 * 86400)  # 2 days late
    assert ils.renew(card, item).ok
    summary = ils.member_summary(card).summary
    assert summary is not None and [f.amount.cents for f in summary.fees] == [50]


def test_renew_all_gives_a_result_per_loan(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    free, held = build.item(), build.item()
    ils.check_out(card, free)
    ils.check_out(card, held)
    build.hold(build.member(), held)
    result = ils.renew_all(card)
    by_item = {r.item_id: r.outcome.reason for r in result.results}
    assert by_item == {free: Reason.RENEWED, held: Reason.RENEW_HELD_FOR_OTHER}
    assert result.outcome.params == {"renewed": "1", "refused": "1"}
