"""Check-out rules: loan periods, blocks, limits, holds, age, reference, rental fees."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from conftest import NOW, Builder
from sqlalchemy import func, select

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import FeeKind, ItemStatus
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Fee, Item, Loan


def test_book_is_lent_for_21_days_until_the_end_of_the_local_day(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card, item = build.member(), build.item(material="book")
    result = ils.check_out(card, item)
    assert result.ok and result.outcome.reason is Reason.OK
    # 25 Nov + 21 days = 16 Dec, 23:59:59 in Amsterdam (CET, UTC+1) = 22:59:59 UTC.
    assert result.due == datetime(2026, 12, 16, 22, 59, 59, tzinfo=UTC)
    assert result.title == "De avonden"


def test_dvd_is_lent_for_7_days(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(material="dvd")
    result = ils.check_out(card, item, fee_acknowledged=True)
    assert result.due is not None
    assert result.due.date() == date(2026, 12, 2)


def test_large_subscription_doubles_the_loan_period(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(category="GROOT"), build.item(material="book")
    result = ils.check_out(card, item)
    assert result.due is not None and result.due.date() == date(2027, 1, 6)


def test_unknown_item_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    assert ils.check_out(card, "3199999999999").outcome.reason is Reason.ITEM_UNKNOWN


def test_unknown_card_cannot_borrow(ils: EmbeddedLibrary, build: Builder) -> None:
    item = build.item()
    assert ils.check_out("2199999999999", item).outcome.reason is Reason.UNKNOWN_CARD


def test_fees_over_the_threshold_block_borrowing(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item()
    build.fee(card, 1000)  # BASIS blocks at EUR 10.00
    assert ils.check_out(card, item).outcome.reason is Reason.BLOCKED_FEES


def test_fees_under_the_threshold_do_not_block(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item()
    build.fee(card, 999)
    assert ils.check_out(card, item).ok


def test_too_many_overdue_items_block_borrowing(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    for _ in range(5):
        build.loan(card, build.item(), days_ago=30, due_in=-9)
    assert ils.check_out(card, build.item()).outcome.reason is Reason.BLOCKED_OVERDUE


def test_a_few_overdue_items_do_not_block(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    for _ in range(4):
        build.loan(card, build.item(), days_ago=30, due_in=-9)
    assert ils.check_out(card, build.item()).ok


def test_manual_block_blocks_borrowing(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(block="Ask at desk"), build.item()
    assert ils.check_out(card, item).outcome.reason is Reason.BLOCKED_MANUAL


def test_expired_card_cannot_borrow(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(expires=date(2026, 11, 24)), build.item()
    assert ils.check_out(card, item).outcome.reason is Reason.CARD_EXPIRED


def test_card_valid_through_today_can_borrow(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(expires=date(2026, 11, 25)), build.item()
    assert ils.check_out(card, item).ok


def test_maximum_loans_per_category(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(category="BASIS")  # 10 items
    for _ in range(10):
        build.loan(card, build.item())
    result = ils.check_out(card, build.item())
    assert result.outcome.reason is Reason.MAX_LOANS_REACHED
    assert result.outcome.params["max"] == "10"


def test_reference_only_item_is_not_lent(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(reference=True)
    assert ils.check_out(card, item).outcome.reason is Reason.ITEM_REFERENCE_ONLY


def test_18_plus_item_is_refused_to_a_child(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(category="JEUGD", born=date(2016, 3, 1))
    item = build.item(material="dvd", age=18)
    result = ils.check_out(card, item, fee_acknowledged=True)
    assert result.outcome.reason is Reason.ITEM_AGE_RESTRICTED
    assert result.outcome.params["age"] == "18"


def test_16_plus_item_is_lent_on_the_16th_birthday(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(category="JEUGD", born=date(2010, 11, 25))
    assert ils.check_out(card, build.item(age=16)).ok


def test_16_plus_item_is_refused_the_day_before_the_16th_birthday(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member(category="JEUGD", born=date(2010, 11, 26))
    assert ils.check_out(card, build.item(age=16)).outcome.reason is Reason.ITEM_AGE_RESTRICTED


def test_youth_card_without_birth_date_gets_no_age_restricted_item(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member(category="JEUGD", born=None)
    assert ils.check_out(card, build.item(age=16)).outcome.reason is Reason.ITEM_AGE_RESTRICTED


def test_item_on_the_hold_shelf_for_another_member_is_refused(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    waiting, other = build.member(), build.member()
    item = build.item()
    build.hold(waiting, item, ready=True)
    assert ils.check_out(other, item).outcome.reason is Reason.ITEM_HELD_FOR_OTHER


def test_member_collects_own_hold_and_the_hold_is_filled(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    member = build.member()
    item = build.item()
    build.hold(member, item, ready=True)
    assert ils.check_out(member, item).ok
    summary = ils.member_summary(member).summary
    assert summary is not None and summary.holds == ()


def test_borrowing_a_copy_fills_the_members_waiting_hold_on_that_title(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    member = build.member()
    copy1 = build.item()
    copy2 = build.item(record_of=copy1)
    build.hold(member, copy1)
    assert ils.check_out(member, copy2).ok
    summary = ils.member_summary(member).summary
    assert summary is not None and summary.holds == ()


def test_item_in_transit_is_not_lent(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(status=ItemStatus.IN_TRANSIT)
    assert ils.check_out(card, item).outcome.reason is Reason.ITEM_IN_TRANSIT


def test_lost_item_is_not_available(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(status=ItemStatus.LOST)
    assert ils.check_out(card, item).outcome.reason is Reason.ITEM_NOT_AVAILABLE


def test_item_on_loan_to_another_member_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    owner, other, item = build.member(), build.member(), build.item()
    build.loan(owner, item)
    assert ils.check_out(other, item).outcome.reason is Reason.ITEM_ON_LOAN_TO_OTHER


def test_borrowing_what_you_already_have_renews_it(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card, item = build.member(), build.item()
    first = ils.check_out(card, item)
    clock.advance(3 * 86400)
    again = ils.check_out(card, item)
    assert again.ok and again.renewed
    assert again.outcome.reason is Reason.CHECKED_OUT_AS_RENEWAL
    assert again.due is not None and first.due is not None and again.due > first.due


def test_rental_item_needs_the_fee_acknowledged_first(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(material="dvd")
    asked = ils.check_out(card, item)
    assert asked.outcome.reason is Reason.FEE_ACK_REQUIRED
    assert asked.fee == Money(450)
    with build.query() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 0

    lent = ils.check_out(card, item, fee_acknowledged=True)
    assert lent.ok and lent.fee == Money(450)
    with build.query() as s:
        fee = s.scalars(select(Fee)).one()
        assert (fee.kind, fee.amount_cents) == (FeeKind.RENTAL.value, 450)


def test_item_with_attachments_reports_how_many(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item(material="language_course", attachments=3)
    assert ils.check_out(card, item).attachments == 3


def test_offline_replay_is_recorded_at_its_original_time_despite_blocks(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card, item = build.member(), build.item(material="dvd")
    build.fee(card, 5000)  # blocked now; the kiosk promised the loan while offline
    at = NOW - timedelta(hours=2)
    result = ils.check_out(card, item, no_block=True, at=at)
    assert result.ok
    with build.query() as s:
        loan = s.scalars(select(Loan)).one()
        assert loan.checked_out_at == at


def test_offline_replay_of_an_item_still_on_loan_closes_the_old_loan(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    old, new, item = build.member(), build.member(), build.item()
    build.loan(old, item)
    assert ils.check_out(new, item, no_block=True).ok
    with build.query() as s:
        open_loans = s.scalar(
            select(func.count()).select_from(Loan).where(Loan.returned_at.is_(None))
        )
        assert open_loans == 1


def test_checked_out_item_is_marked_on_loan(ils: EmbeddedLibrary, build: Builder) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    with build.query() as s:
        assert s.scalars(select(Item.status)).one() == ItemStatus.ON_LOAN.value
