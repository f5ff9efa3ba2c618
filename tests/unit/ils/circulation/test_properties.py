"""Invariants under any sequence of circulation: hypothesis drives random operations.

- an item never has two open loans, and an item is "on loan" exactly when it has one;
- a fee never goes negative and is never paid beyond its amount;
- a hold is filled at most once, and an item serves at most one active hold;
- an accepted check-out always leaves the item on loan to that very member.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from tempfile import mkdtemp

from conftest import NOW, Builder
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import func, select

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.types import ItemStatus
from kiosk.ils.embedded import db
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import (
    ACTIVE_HOLD_STATES,
    HOLD_FULFILLED,
    Fee,
    Hold,
    Item,
    Loan,
    Member,
)

MEMBERS = 3
ITEMS = 4
_TEMPLATE: list[Path] = []


class Circulation(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(mkdtemp(prefix="kiosk-prop-"))
        path = self.dir / "library.sqlite"
        shutil.copy(_TEMPLATE[0], path)
        self.engine = db.make_engine(f"sqlite:///{path}")
        self.clock = ManualClock(NOW)
        self.build = Builder(self.engine, self.clock)
        self.kiosks = [
            EmbeddedLibrary(self.engine, branch=b, clock=self.clock) for b in ("DAL", "NLE")
        ]
        self.fulfilled: set[int] = set()

    @initialize()
    def setup(self) -> None:
        self.cards = [self.build.member(category="BASIS") for _ in range(MEMBERS)]
        first = self.build.item(material="dvd")
        self.items = [first, self.build.item(record_of=first)]
        self.items += [self.build.item(material="book") for _ in range(ITEMS - 2)]

    def teardown(self) -> None:
        self.engine.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(
        m=st.integers(0, MEMBERS - 1),
        i=st.integers(0, ITEMS - 1),
        k=st.integers(0, 1),
        ack=st.booleans(),
        replay=st.booleans(),
    )
    def check_out(self, m: int, i: int, k: int, ack: bool, replay: bool) -> None:
        result = self.kiosks[k].check_out(
            self.cards[m], self.items[i], fee_acknowledged=ack, no_block=replay
        )
        if result.ok:
            with self.build.query() as s:
                holder = s.scalar(
                    select(Member.card_number)
                    .join(Loan, Loan.member_id == Member.id)
                    .join(Item, Item.id == Loan.item_id)
                    .where(Item.barcode == self.items[i], Loan.returned_at.is_(None))
                )
            assert holder == self.cards[m]

    @rule(i=st.integers(0, ITEMS - 1), k=st.integers(0, 1))
    def check_in(self, i: int, k: int) -> None:
        self.kiosks[k].check_in(self.items[i], location=("DAL", "NLE")[k])

    @rule(m=st.integers(0, MEMBERS - 1), i=st.integers(0, ITEMS - 1))
    def renew(self, m: int, i: int) -> None:
        self.kiosks[0].renew(self.cards[m], self.items[i])

    @rule(
        m=st.integers(0, MEMBERS - 1),
        i=st.integers(0, ITEMS - 1),
        pickup=st.sampled_from(["DAL", "NLE"]),
    )
    def place_hold(self, m: int, i: int, pickup: str) -> None:
        self.build.hold(self.cards[m], self.items[i], pickup=pickup, minutes_ago=0)

    @rule(m=st.integers(0, MEMBERS - 1), cents=st.integers(-100, 2000), ref=st.integers(0, 5))
    def pay(self, m: int, cents: int, ref: int) -> None:
        with self.build.query() as s:
            fee_ids = list(s.scalars(select(Fee.id).order_by(Fee.id)))
        if fee_ids:
            fee = fee_ids[cents % len(fee_ids)]
            self.kiosks[0].pay_fee(self.cards[m], str(fee), Money(cents), f"T-{ref}")

    @rule(days=st.integers(1, 40))
    def time_passes(self, days: int) -> None:
        self.clock.advance(days * 86400)

    @invariant()
    def an_item_never_has_two_open_loans(self) -> None:
        with self.build.query() as s:
            for item in s.scalars(select(Item)):
                open_loans = s.scalar(
                    select(func.count())
                    .select_from(Loan)
                    .where(Loan.item_id == item.id, Loan.returned_at.is_(None))
                )
                assert open_loans in (0, 1)
                assert (open_loans == 1) == (item.status == ItemStatus.ON_LOAN.value)

    @invariant()
    def fees_never_go_negative_or_overpaid(self) -> None:
        with self.build.query() as s:
            for fee in s.scalars(select(Fee)):
                assert fee.amount_cents >= 0
                assert 0 <= fee.paid_cents <= fee.amount_cents
                assert fee.settled == (fee.paid_cents == fee.amount_cents)

    @invariant()
    def a_hold_is_never_filled_twice(self) -> None:
        with self.build.query() as s:
            active_items = list(
                s.scalars(
                    select(Hold.item_id).where(
                        Hold.status.in_(ACTIVE_HOLD_STATES), Hold.item_id.is_not(None)
                    )
                )
            )
            assert len(active_items) == len(set(active_items))
            fulfilled = set(s.scalars(select(Hold.id).where(Hold.status == HOLD_FULFILLED)))
        # Once fulfilled, a hold never becomes active (and so fillable) again.
        assert self.fulfilled <= fulfilled
        self.fulfilled = fulfilled


def test_circulation_invariants_hold_under_random_operations(template_db: Path) -> None:
    _TEMPLATE[:] = [template_db]
    machine = Circulation.TestCase
    machine.settings = settings(
        max_examples=40,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    machine().runTest()
