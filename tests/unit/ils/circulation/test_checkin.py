"""Return rules: routing (shelf, hold shelf, transit, desk), fines and anonymisation (P8)."""

from __future__ import annotations

from conftest import Builder
from sqlalchemy import select

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import FeeKind, ItemStatus, ReturnDestination
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Fee, Hold, Item, Loan


def _lend(ils: EmbeddedLibrary, build: Builder, **item: object) -> tuple[str, str]:
    card = build.member(history=bool(item.pop("history", False)))
    barcode = build.item(**item)  # type: ignore[arg-type]
    assert ils.check_out(card, barcode, fee_acknowledged=True).ok
    return card, barcode


def test_return_on_time_goes_to_the_shelf(ils: EmbeddedLibrary, build: Builder) -> None:
    _, item = _lend(ils, build)
    result = ils.check_in(item, location="DAL")
    assert result.ok and result.outcome.reason is Reason.RETURNED
    assert result.destination is ReturnDestination.SHELF
    assert result.fee is None
    with build.query() as s:
        assert s.scalars(select(Item.status)).one() == ItemStatus.AVAILABLE.value


def test_late_return_charges_a_fine_per_day(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    _, item = _lend(ils, build)
    clock.advance(24 * 86400)  # due after 21 days: 3 days late (local dates)
    result = ils.check_in(item, location="DAL")
    assert result.fee == Money(75)
    with build.query() as s:
        fee = s.scalars(select(Fee)).one()
        assert (fee.kind, fee.amount_cents) == (FeeKind.OVERDUE.value, 75)


def test_fine_is_capped(ils: EmbeddedLibrary, build: Builder, clock: ManualClock) -> None:
    _, item = _lend(ils, build)
    clock.advance(200 * 86400)
    assert ils.check_in(item, location="DAL").fee == Money(500)


def test_children_pay_no_fine_on_childrens_books(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    from datetime import date

    card = build.member(category="JEUGD", born=date(2016, 1, 1))
    item = build.item(material="youth_book")
    assert ils.check_out(card, item).ok
    clock.advance(30 * 86400)
    assert ils.check_in(item, location="DAL").fee is None


def test_p8_return_anonymises_the_loan_of_a_member_without_history(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build, history=False)
    ils.check_in(item, location="DAL")
    with build.query() as s:
        loan = s.scalars(select(Loan)).one()
        assert loan.returned_at is not None and loan.member_id is None


def test_return_keeps_history_of_a_member_who_opted_in(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build, history=True)
    ils.check_in(item, location="DAL")
    with build.query() as s:
        assert s.scalars(select(Loan)).one().member_id is not None


def test_held_title_returned_at_the_pickup_branch_goes_to_the_hold_shelf(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build)
    waiting = build.member()
    build.hold(waiting, item, pickup="DAL")
    result = ils.check_in(item, location="DAL")
    assert result.outcome.reason is Reason.RETURNED_TO_HOLD_SHELF
    assert result.destination is ReturnDestination.HOLD_SHELF
    assert result.sort_bin == "CL02"
    with build.query() as s:
        hold = s.scalars(select(Hold)).one()
        assert hold.status == "ready" and hold.ready_until is not None


def test_held_title_for_another_branch_goes_into_transit(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build)
    build.hold(build.member(), item, pickup="NLE")
    result = ils.check_in(item, location="DAL")
    assert result.outcome.reason is Reason.RETURNED_TO_TRANSIT
    assert result.destination is ReturnDestination.TRANSIT
    assert result.transit_to == "Bibliotheek Nieuwleusen"
    assert result.sort_bin == "CL03"


def test_oldest_hold_is_served_first(ils: EmbeddedLibrary, build: Builder) -> None:
    _, item = _lend(ils, build)
    build.hold(build.member(), item, pickup="NLE", minutes_ago=10)
    build.hold(build.member(), item, pickup="DAL", minutes_ago=500)
    assert ils.check_in(item, location="DAL").destination is ReturnDestination.HOLD_SHELF


def test_item_from_the_other_branch_goes_home(ils: EmbeddedLibrary, build: Builder) -> None:
    _, item = _lend(ils, build, branch="NLE")
    result = ils.check_in(item, location="DAL")
    assert result.destination is ReturnDestination.TRANSIT
    assert result.transit_to == "Bibliotheek Nieuwleusen"


def test_transit_item_arriving_for_a_hold_goes_to_the_hold_shelf(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build)
    build.hold(build.member(), item, pickup="NLE")
    ils.check_in(item, location="DAL")
    at_nle = EmbeddedLibrary(build.engine, branch="NLE", clock=build.clock)
    result = at_nle.check_in(item, location="NLE")
    assert result.ok and result.destination is ReturnDestination.HOLD_SHELF


def test_transit_item_scanned_at_the_wrong_branch_stays_in_transit(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    _, item = _lend(ils, build, branch="NLE")
    ils.check_in(item, location="DAL")
    result = ils.check_in(item, location="DAL")
    assert result.destination is ReturnDestination.TRANSIT


def test_item_with_attachments_goes_to_the_desk(ils: EmbeddedLibrary, build: Builder) -> None:
    _, item = _lend(ils, build, material="language_course", attachments=3)
    result = ils.check_in(item, location="DAL")
    assert result.ok and result.outcome.reason is Reason.TAKE_TO_DESK
    assert result.to_desk and result.attachments == 3
    assert result.outcome.params["why"] == "attachments"


def test_item_with_a_staff_note_goes_to_the_desk(ils: EmbeddedLibrary, build: Builder) -> None:
    _, item = _lend(ils, build, note="damaged cover")
    result = ils.check_in(item, location="DAL")
    assert result.to_desk and result.outcome.params["why"] == "note"


def test_item_not_on_loan_is_refused_and_sent_to_the_desk(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    item = build.item()
    result = ils.check_in(item, location="DAL")
    assert not result.ok and result.outcome.reason is Reason.ITEM_NOT_ON_LOAN
    assert result.to_desk


def test_unknown_item_return_goes_to_the_desk(ils: EmbeddedLibrary) -> None:
    result = ils.check_in("3199999999999", location="DAL")
    assert result.outcome.reason is Reason.ITEM_UNKNOWN and result.to_desk


def test_lost_item_found_again_goes_to_the_desk_and_is_available(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    item = build.item(status=ItemStatus.LOST)
    result = ils.check_in(item, location="DAL")
    assert result.to_desk and result.outcome.params["why"] == "found"
    with build.query() as s:
        assert s.scalars(select(Item.status)).one() == ItemStatus.AVAILABLE.value


def test_a_return_says_the_items_home_branch(ils: EmbeddedLibrary, build: Builder) -> None:
    member = build.member()
    item = build.item(branch="NLE")
    build.loan(member, item)
    result = ils.check_in(item, location="DAL")
    assert result.ok and result.home_branch == "NLE"
