"""Retention (P8): history only for members who opted in, and only for its term."""

from __future__ import annotations

from conftest import Builder
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Fee, Hold, Item, Loan, Member
from kiosk.ils.embedded.retention import PurgeReport, purge


def _purge(build: Builder, clock: ManualClock) -> PurgeReport:
    with Session(build.engine) as s, s.begin():
        return purge(s, clock.now())


def test_purge_anonymises_opted_in_history_past_its_term(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card, item = build.member(history=True), build.item()
    ils.check_out(card, item)
    ils.check_in(item, location="DAL")
    _purge(build, clock)
    with build.query() as s:
        assert s.scalars(select(Loan.member_id)).one() is not None  # within the term
    clock.advance(731 * 86400)
    report = _purge(build, clock)
    assert report.loans_anonymised == 1
    with build.query() as s:
        assert s.scalars(select(Loan.member_id)).one() is None


def test_purge_anonymises_history_of_a_member_who_opted_out(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card, item = build.member(history=True), build.item()
    ils.check_out(card, item)
    ils.check_in(item, location="DAL")
    with Session(build.engine) as s, s.begin():
        s.scalars(select(Member)).one().history_opt_in = False
    _purge(build, clock)
    with build.query() as s:
        assert s.scalars(select(Loan.member_id)).one() is None


def test_purge_keeps_open_loans(ils: EmbeddedLibrary, build: Builder, clock: ManualClock) -> None:
    card, item = build.member(), build.item()
    ils.check_out(card, item)
    clock.advance(1000 * 86400)
    _purge(build, clock)
    with build.query() as s:
        assert s.scalars(select(Loan.member_id)).one() is not None


def test_purge_deletes_settled_fees_after_their_term_and_keeps_open_ones(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card = build.member()
    paid, open_fee = build.fee(card, 100), build.fee(card, 200)
    assert ils.pay_fee(card, str(paid), Money(100), "T-1").ok
    clock.advance(366 * 86400)
    _purge(build, clock)
    with build.query() as s:
        assert list(s.scalars(select(Fee.id))) == [open_fee]


def test_purge_expires_uncollected_holds_and_frees_the_item(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    item = build.item()
    build.hold(build.member(), item, ready=True)
    clock.advance(8 * 86400)
    report = _purge(build, clock)
    assert report.holds_expired == 1
    with build.query() as s:
        assert s.scalars(select(Item.status)).one() == "available"
        assert s.scalars(select(Hold.status)).one() == "expired"
    clock.advance(31 * 86400)
    _purge(build, clock)
    with build.query() as s:
        assert s.scalar(select(func.count()).select_from(Hold)) == 0
