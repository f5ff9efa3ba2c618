"""The embedded library system's circulation engine: a ``LibrarySystem`` over SQLAlchemy.

Each public method is one database transaction. Rules come from the database (loan rules,
member categories, settings; see ``defaults.py``), so a library changes them without code.

Concurrency: on SQLite every transaction starts with ``BEGIN IMMEDIATE`` (see ``db.py``), so
two kiosks serialise; on PostgreSQL the item row is locked ``FOR UPDATE``. Under both, the
partial unique index on open loans is the last word: a second open loan for one item cannot be
written, and the loser is told the item is on loan.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    FeeKind,
    HoldStatus,
    IdentifyResult,
    ItemInfo,
    ItemInfoResult,
    ItemStatus,
    LinkedAccount,
    MaterialKind,
    MemberName,
    MemberSummary,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    ReturnDestination,
    SummaryResult,
    SystemStatus,
    ok,
    refused,
)
from kiosk.domain.types import Fee as FeeView
from kiosk.domain.types import Hold as HoldView
from kiosk.domain.types import Loan as LoanView
from kiosk.ils.embedded.db import session_factory
from kiosk.ils.embedded.models import (
    ACTIVE_HOLD_STATES,
    HOLD_FULFILLED,
    HOLD_IN_TRANSIT,
    HOLD_READY,
    HOLD_WAITING,
    Branch,
    FamilyLink,
    Fee,
    Hold,
    Item,
    Loan,
    LoanRule,
    Member,
    Payment,
    Setting,
)
from kiosk.ils.embedded.pins import verify_pin
from kiosk.ils.port import IlsUnavailable

_RULES_TTL = 60.0  # seconds a cached copy of rules and settings is trusted


@dataclass(frozen=True, slots=True)
class _Rule:
    loan_days: int
    max_renewals: int
    rental_cents: int
    fine_per_day_cents: int
    fine_cap_cents: int
    loanable: bool


_FALLBACK_RULE = _Rule(21, 0, 0, 0, 0, True)


@dataclass(frozen=True, slots=True)
class _Policy:
    rules: dict[tuple[str, str | None], _Rule]
    settings: dict[str, str]
    branches: dict[str, Branch]
    loaded_at: float

    def rule(self, material: str, category: str) -> _Rule:
        return (
            self.rules.get((material, category))
            or self.rules.get((material, None))
            or self.rules.get((MaterialKind.OTHER.value, None))
            or _FALLBACK_RULE
        )

    def flag(self, key: str) -> bool:
        return self.settings.get(key, "false").lower() in ("1", "true", "yes")

    def integer(self, key: str, default: int) -> int:
        try:
            return int(self.settings.get(key, default))
        except ValueError:
            return default

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.get("timezone", "Europe/Amsterdam"))

    def branch_name(self, code: str) -> str:
        branch = self.branches.get(code)
        return branch.name if branch is not None else code


class EmbeddedLibrary:
    """The built-in ILS. Thread-safe: every call opens its own session."""

    def __init__(
        self,
        engine: Engine,
        *,
        branch: str,
        clock: Clock | None = None,
        library_name: str = "",
    ) -> None:
        self._engine = engine
        self._sessions = session_factory(engine)
        self._branch = branch
        self._clock: Clock = clock or SystemClock()
        self._library_name = library_name
        self._postgres = engine.dialect.name == "postgresql"
        self._policy: _Policy | None = None

    # ------------------------------------------------------------ plumbing
    @contextmanager
    def _tx(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            # The statement is not included: it may hold a card number.
            raise IlsUnavailable(
                f"embedded library database ({self._engine.dialect.name}) is unreachable"
            ) from exc

    def _load_policy(self, s: Session) -> _Policy:
        cached = self._policy
        if cached is not None and time.monotonic() - cached.loaded_at < _RULES_TTL:
            return cached
        rules = {
            (r.material, r.category): _Rule(
                r.loan_days,
                r.max_renewals,
                r.rental_cents,
                r.fine_per_day_cents,
                r.fine_cap_cents,
                r.loanable,
            )
            for r in s.scalars(select(LoanRule))
        }
        settings = {row.key: row.value for row in s.scalars(select(Setting))}
        branches = {b.code: b for b in s.scalars(select(Branch))}
        for b in branches.values():
            s.expunge(b)
        self._policy = _Policy(rules, settings, branches, time.monotonic())
        return self._policy

    def _now(self, at: datetime | None = None) -> datetime:
        return at if at is not None else self._clock.now()

    @staticmethod
    def _member(s: Session, card_number: str) -> Member | None:
        return s.scalar(select(Member).where(Member.card_number == card_number.strip().upper()))

    def _item(self, s: Session, barcode: str, *, lock: bool = False) -> Item | None:
        query = select(Item).where(Item.barcode == barcode.strip().upper())
        if lock and self._postgres:
            query = query.with_for_update(of=Item)
        return s.scalar(query)

    @staticmethod
    def _open_loan(s: Session, item: Item) -> Loan | None:
        return s.scalar(select(Loan).where(Loan.item_id == item.id, Loan.returned_at.is_(None)))

    # ------------------------------------------------------------ rules
    @staticmethod
    def _fees_outstanding(s: Session, member: Member) -> int:
        total = s.scalar(
            select(func.coalesce(func.sum(Fee.amount_cents - Fee.paid_cents), 0)).where(
                Fee.member_id == member.id, Fee.settled.is_(False)
            )
        )
        return int(total or 0)

    @staticmethod
    def _overdue_count(s: Session, member: Member, now: datetime) -> int:
        count = s.scalar(
            select(func.count())
            .select_from(Loan)
            .where(Loan.member_id == member.id, Loan.returned_at.is_(None), Loan.due_at < now)
        )
        return int(count or 0)

    def _blocks(self, s: Session, member: Member, now: datetime, tz: ZoneInfo) -> list[Reason]:
        blocks: list[Reason] = []
        if member.card_lost:
            blocks.append(Reason.CARD_LOST)
        if member.expires_on is not None and member.expires_on < now.astimezone(tz).date():
            blocks.append(Reason.CARD_EXPIRED)
        if member.manual_block:
            blocks.append(Reason.BLOCKED_MANUAL)
        if self._fees_outstanding(s, member) >= member.category.fee_block_cents:
            blocks.append(Reason.BLOCKED_FEES)
        if self._overdue_count(s, member, now) >= member.category.max_overdue:
            blocks.append(Reason.BLOCKED_OVERDUE)
        return blocks

    @staticmethod
    def _due(at: datetime, days: int, tz: ZoneInfo) -> datetime:
        """Due at the end of the local day ``days`` after ``at``."""
        local_day = at.astimezone(tz).date() + timedelta(days=days)
        end = datetime(local_day.year, local_day.month, local_day.day, 23, 59, 59, tzinfo=tz)
        return end.astimezone(at.tzinfo)

    @staticmethod
    def _days_late(due: datetime, when: datetime, tz: ZoneInfo) -> int:
        return max(0, (when.astimezone(tz).date() - due.astimezone(tz).date()).days)

    @staticmethod
    def _age(member: Member, today: date) -> int | None:
        born = member.birth_date
        if born is None:
            return None
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def _charge_fine(
        self, s: Session, loan: Loan, member_id: int, rule: _Rule, when: datetime, tz: ZoneInfo
    ) -> Money | None:
        days = self._days_late(loan.due_at, when, tz)
        if days == 0 or rule.fine_per_day_cents == 0:
            return None
        amount = days * rule.fine_per_day_cents
        if rule.fine_cap_cents:
            amount = min(amount, rule.fine_cap_cents)
        s.add(
            Fee(
                member_id=member_id,
                item_id=loan.item_id,
                kind=FeeKind.OVERDUE.value,
                amount_cents=amount,
                description=f"{days} days late",
                created_at=when,
            )
        )
        return Money(amount)

    @staticmethod
    def _waiting_holds(s: Session, record_id: int) -> list[Hold]:
        return list(
            s.scalars(
                select(Hold)
                .where(Hold.record_id == record_id, Hold.status == HOLD_WAITING)
                .order_by(Hold.placed_at, Hold.id)
            )
        )

    # ------------------------------------------------------------ the port
    def status(self) -> SystemStatus:
        try:
            with self._engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError:
            return SystemStatus(online=False, library_name=self._library_name)
        return SystemStatus(online=True, library_name=self._library_name)

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        with self._tx() as s:
            member = self._member(s, card_number)
            if member is None:
                return IdentifyResult(refused(Reason.UNKNOWN_CARD))
            if member.pin_locked:
                return IdentifyResult(refused(Reason.PIN_LOCKED))
            if member.card_lost:
                return IdentifyResult(refused(Reason.CARD_LOST))
            limit = member.category.max_pin_attempts
            if member.pin_hash is not None:
                if not pin:
                    left = limit - member.failed_pin_attempts
                    return IdentifyResult(refused(Reason.PIN_REQUIRED), pin_attempts_left=left)
                if not verify_pin(pin, member.pin_hash):
                    member.failed_pin_attempts += 1
                    if member.failed_pin_attempts >= limit:
                        member.pin_locked = True
                        return IdentifyResult(refused(Reason.PIN_LOCKED), pin_attempts_left=0)
                    left = limit - member.failed_pin_attempts
                    return IdentifyResult(
                        refused(Reason.WRONG_PIN, attempts_left=str(left)),
                        pin_attempts_left=left,
                    )
                member.failed_pin_attempts = 0
            return IdentifyResult(ok(), name=_name(member))

    def member_summary(self, card_number: str) -> SummaryResult:
        with self._tx() as s:
            member = self._member(s, card_number)
            if member is None:
                return SummaryResult(refused(Reason.UNKNOWN_CARD))
            policy = self._load_policy(s)
            now = self._now()
            tz = policy.tz
            loans = self._loan_views(s, member, policy, now)
            holds = self._hold_views(s, member, policy)
            fees = tuple(
                FeeView(
                    fee_id=str(f.id),
                    kind=FeeKind(f.kind),
                    amount=Money(f.amount_cents - f.paid_cents),
                    description=f.description,
                    item_id=f.item.barcode if f.item is not None else None,
                    title=f.item.record.title if f.item is not None else None,
                )
                for f in s.scalars(
                    select(Fee)
                    .where(Fee.member_id == member.id, Fee.settled.is_(False))
                    .order_by(Fee.created_at, Fee.id)
                )
            )
            linked = []
            for link_member in s.scalars(
                select(Member)
                .join(FamilyLink, FamilyLink.member_id == Member.id)
                .where(FamilyLink.viewer_id == member.id, FamilyLink.consent_at.is_not(None))
                .order_by(Member.id)
            ):
                linked.append(
                    LinkedAccount(_name(link_member), self._loan_views(s, link_member, policy, now))
                )
            summary = MemberSummary(
                card_number=member.card_number,
                name=_name(member),
                email=member.email,
                loans=loans,
                holds=holds,
                fees=fees,
                linked_accounts=tuple(linked),
                blocks=tuple(self._blocks(s, member, now, tz)),
                max_loans=member.category.max_loans,
            )
            return SummaryResult(ok(), summary)

    def _loan_views(
        self, s: Session, member: Member, policy: _Policy, now: datetime
    ) -> tuple[LoanView, ...]:
        views = []
        open_loans = s.scalars(
            select(Loan)
            .where(Loan.member_id == member.id, Loan.returned_at.is_(None))
            .order_by(Loan.due_at, Loan.id)
        )
        for loan in open_loans:
            record = loan.item.record
            rule = policy.rule(record.material, member.category_code)
            reason = self._renew_refusal(s, loan, member, rule)
            views.append(
                LoanView(
                    item_id=loan.item.barcode,
                    title=record.title,
                    author=record.author,
                    material=_material(record.material),
                    due=loan.due_at,
                    overdue=loan.due_at < now,
                    renewable=reason is None,
                    renewals_left=max(0, rule.max_renewals - loan.renewals),
                    not_renewable_reason=reason,
                )
            )
        return tuple(views)

    def _renew_refusal(self, s: Session, loan: Loan, member: Member, rule: _Rule) -> Reason | None:
        if loan.renewals >= rule.max_renewals:
            return Reason.RENEW_LIMIT_REACHED
        others = [
            h for h in self._waiting_holds(s, loan.item.record_id) if h.member_id != member.id
        ]
        if others:
            return Reason.RENEW_HELD_FOR_OTHER
        return None

    def _hold_views(self, s: Session, member: Member, policy: _Policy) -> tuple[HoldView, ...]:
        views = []
        holds = s.scalars(
            select(Hold)
            .where(Hold.member_id == member.id, Hold.status.in_(ACTIVE_HOLD_STATES))
            .order_by(Hold.placed_at, Hold.id)
        )
        for hold in holds:
            position = None
            if hold.status == HOLD_WAITING:
                ahead = s.scalar(
                    select(func.count())
                    .select_from(Hold)
                    .where(
                        Hold.record_id == hold.record_id,
                        Hold.status == HOLD_WAITING,
                        (Hold.placed_at < hold.placed_at)
                        | ((Hold.placed_at == hold.placed_at) & (Hold.id < hold.id)),
                    )
                )
                position = int(ahead or 0) + 1
            views.append(
                HoldView(
                    title=hold.record.title,
                    author=hold.record.author,
                    status=HoldStatus(hold.status),
                    queue_position=position,
                    pickup_branch=policy.branch_name(hold.pickup_branch),
                    pickup_by=hold.ready_until,
                )
            )
        return tuple(views)

    # ------------------------------------------------------------ check out
    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        try:
            with self._tx() as s:
                return self._check_out(s, card_number, item_id, fee_acknowledged, no_block, at)
        except IntegrityError:
            # Another kiosk lent the item between our read and our write.
            return CheckoutResult(refused(Reason.ITEM_ON_LOAN_TO_OTHER), item_id)

    def _check_out(
        self,
        s: Session,
        card_number: str,
        barcode: str,
        fee_acknowledged: bool,
        no_block: bool,
        at: datetime | None,
    ) -> CheckoutResult:
        when = self._now(at)
        policy = self._load_policy(s)
        tz = policy.tz
        member = self._member(s, card_number)
        if member is None:
            return CheckoutResult(refused(Reason.UNKNOWN_CARD), barcode)
        item = self._item(s, barcode, lock=True)
        if item is None:
            return CheckoutResult(refused(Reason.ITEM_UNKNOWN), barcode)
        record = item.record
        title = record.title

        def no(reason: Reason, **params: str) -> CheckoutResult:
            return CheckoutResult(refused(reason, **params), item.barcode, title)

        if not no_block:
            blocks = self._blocks(s, member, when, tz)
            if blocks:
                return no(blocks[0])

        filling: Hold | None = None
        open_loan = self._open_loan(s, item)
        if open_loan is not None:
            if open_loan.member_id == member.id:
                # The same item again (a member who re-borrows what they hold): a renewal,
                # as OCLC Wise counts a same-day second loan.
                return self._renew_loan(s, open_loan, member, policy, when, as_checkout=True)
            if not no_block:
                return no(Reason.ITEM_ON_LOAN_TO_OTHER)
            # An offline replay wins: the member was told it was lent. Close the old loan.
            open_loan.returned_at = when
            s.flush()
        elif item.status == ItemStatus.ON_HOLD_SHELF.value:
            filling = s.scalar(
                select(Hold).where(Hold.item_id == item.id, Hold.status == HOLD_READY)
            )
            if filling is not None and filling.member_id != member.id and not no_block:
                return no(Reason.ITEM_HELD_FOR_OTHER)
        elif item.status == ItemStatus.IN_TRANSIT.value and not no_block:
            return no(Reason.ITEM_IN_TRANSIT)
        elif (
            item.status
            in (ItemStatus.LOST.value, ItemStatus.MISSING.value, ItemStatus.WITHDRAWN.value)
            and not no_block
        ):
            return no(Reason.ITEM_NOT_AVAILABLE)

        rule = policy.rule(record.material, member.category_code)
        if not no_block:
            if item.reference_only or not rule.loanable:
                return no(Reason.ITEM_REFERENCE_ONLY)
            age = self._age(member, when.astimezone(tz).date())
            if record.age_restriction and (
                (age is not None and age < record.age_restriction)
                or (age is None and member.category.youth)
            ):
                return no(Reason.ITEM_AGE_RESTRICTED, age=str(record.age_restriction))
            open_count = s.scalar(
                select(func.count())
                .select_from(Loan)
                .where(Loan.member_id == member.id, Loan.returned_at.is_(None))
            )
            if int(open_count or 0) >= member.category.max_loans:
                return no(Reason.MAX_LOANS_REACHED, max=str(member.category.max_loans))
        fee = Money(rule.rental_cents) if rule.rental_cents else None
        if fee is not None and not fee_acknowledged and not no_block:
            return CheckoutResult(
                refused(Reason.FEE_ACK_REQUIRED, amount=fee.format()),
                item.barcode,
                title,
                fee=fee,
                attachments=item.attachments,
            )

        due = self._due(when, rule.loan_days * member.category.loan_period_factor, tz)
        s.add(
            Loan(
                item_id=item.id,
                member_id=member.id,
                branch=self._branch,
                checked_out_at=when,
                due_at=due,
            )
        )
        item.status = ItemStatus.ON_LOAN.value
        item.current_branch = self._branch
        item.transit_to = None
        if filling is not None:
            filling.status = HOLD_FULFILLED
            if filling.member_id != member.id:
                # no_block replay of someone else's hold item: their hold waits again.
                filling.status, filling.item_id = HOLD_WAITING, None
        else:
            # A member borrowing a copy of a title they had on hold fills that hold.
            own = s.scalar(
                select(Hold)
                .where(
                    Hold.member_id == member.id,
                    Hold.record_id == record.id,
                    Hold.status == HOLD_WAITING,
                )
                .limit(1)
            )
            if own is not None:
                own.status = HOLD_FULFILLED
        if fee is not None:
            s.add(
                Fee(
                    member_id=member.id,
                    item_id=item.id,
                    kind=FeeKind.RENTAL.value,
                    amount_cents=fee.cents,
                    description="rental",
                    created_at=when,
                )
            )
        s.flush()
        return CheckoutResult(
            ok(due=due.isoformat()),
            item.barcode,
            title,
            due=due,
            fee=fee,
            attachments=item.attachments,
        )

    # ------------------------------------------------------------ check in
    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        with self._tx() as s:
            return self._check_in(s, item_id, location, at)

    def _check_in(
        self, s: Session, barcode: str, location: str, at: datetime | None
    ) -> CheckinResult:
        when = self._now(at)
        policy = self._load_policy(s)
        item = self._item(s, barcode, lock=True)
        if item is None:
            return CheckinResult(
                refused(Reason.ITEM_UNKNOWN), barcode, destination=ReturnDestination.DESK
            )
        return replace(
            self._check_in_item(s, item, location, when, policy), home_branch=item.home_branch
        )

    def _check_in_item(
        self, s: Session, item: Item, location: str, when: datetime, policy: _Policy
    ) -> CheckinResult:
        tz = policy.tz
        record = item.record
        loan = self._open_loan(s, item)
        fine: Money | None = None

        if loan is None:
            return self._check_in_not_on_loan(s, item, location, policy)

        loan.returned_at = when
        if loan.member_id is not None:
            member = s.get(Member, loan.member_id)
            assert member is not None
            rule = policy.rule(record.material, member.category_code)
            fine = self._charge_fine(s, loan, member.id, rule, when, tz)
            if not member.history_opt_in:
                loan.member_id = None  # anonymised at return (P8)
        s.flush()

        destination, reason, transit_to = self._route(s, item, location, policy, when)
        result = CheckinResult(
            ok(reason),
            item.barcode,
            record.title,
            destination=destination,
            sort_bin=self._sort_bin(policy, location, destination),
            transit_to=policy.branch_name(transit_to) if transit_to else None,
            attachments=item.attachments,
            fee=fine,
        )
        desk_why = None
        if item.note:
            desk_why = "note"
        elif item.attachments and policy.flag("attachments_to_desk"):
            desk_why = "attachments"
        if desk_why is not None:
            # Staff check the item first; ``then`` says where it goes after that.
            return replace(
                result,
                outcome=ok(Reason.TAKE_TO_DESK, why=desk_why, then=destination.value),
                destination=ReturnDestination.DESK,
                sort_bin=None,
            )
        return result

    def _check_in_not_on_loan(
        self, s: Session, item: Item, location: str, policy: _Policy
    ) -> CheckinResult:
        title = item.record.title
        if item.status == ItemStatus.IN_TRANSIT.value:
            target = item.transit_to or item.home_branch
            if target != location:
                return CheckinResult(
                    ok(Reason.RETURNED_TO_TRANSIT, branch=policy.branch_name(target)),
                    item.barcode,
                    title,
                    destination=ReturnDestination.TRANSIT,
                    sort_bin=self._sort_bin(policy, location, ReturnDestination.TRANSIT),
                    transit_to=policy.branch_name(target),
                )
            # Arrived where it was going.
            item.current_branch, item.transit_to = location, None
            hold = s.scalar(
                select(Hold).where(Hold.item_id == item.id, Hold.status == HOLD_IN_TRANSIT)
            )
            if hold is not None:
                self._make_ready(hold, item, policy, self._now())
                destination, reason = ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF
            else:
                item.status = ItemStatus.AVAILABLE.value
                destination, reason = ReturnDestination.SHELF, Reason.RETURNED
            return CheckinResult(
                ok(reason),
                item.barcode,
                title,
                destination=destination,
                sort_bin=self._sort_bin(policy, location, destination),
            )
        if item.status == ItemStatus.ON_HOLD_SHELF.value:
            # Picked from the hold shelf and dropped in the return: it goes back there.
            return CheckinResult(
                refused(Reason.ITEM_NOT_ON_LOAN),
                item.barcode,
                title,
                destination=ReturnDestination.HOLD_SHELF,
                sort_bin=self._sort_bin(policy, location, ReturnDestination.HOLD_SHELF),
            )
        if item.status in (ItemStatus.LOST.value, ItemStatus.MISSING.value):
            # Found again: staff settle any lost-item fee at the desk.
            item.status = ItemStatus.AVAILABLE.value
            item.current_branch = location
            return CheckinResult(
                ok(Reason.TAKE_TO_DESK, why="found"),
                item.barcode,
                title,
                destination=ReturnDestination.DESK,
            )
        return CheckinResult(
            refused(Reason.ITEM_NOT_ON_LOAN),
            item.barcode,
            title,
            destination=ReturnDestination.DESK,
        )

    def _route(
        self, s: Session, item: Item, location: str, policy: _Policy, when: datetime
    ) -> tuple[ReturnDestination, Reason, str | None]:
        """Where a returned item goes: a waiting hold first, then home, then the shelf."""
        item.current_branch = location
        for hold in self._waiting_holds(s, item.record_id):
            hold.item_id = item.id
            if hold.pickup_branch == location:
                self._make_ready(hold, item, policy, when)
                return ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF, None
            hold.status = HOLD_IN_TRANSIT
            item.status = ItemStatus.IN_TRANSIT.value
            item.transit_to = hold.pickup_branch
            return ReturnDestination.TRANSIT, Reason.RETURNED_TO_TRANSIT, hold.pickup_branch
        if item.home_branch != location and not policy.flag("floating_collection"):
            item.status = ItemStatus.IN_TRANSIT.value
            item.transit_to = item.home_branch
            return ReturnDestination.TRANSIT, Reason.RETURNED_TO_TRANSIT, item.home_branch
        item.status = ItemStatus.AVAILABLE.value
        item.transit_to = None
        return ReturnDestination.SHELF, Reason.RETURNED, None

    @staticmethod
    def _make_ready(hold: Hold, item: Item, policy: _Policy, when: datetime) -> None:
        hold.status = HOLD_READY
        hold.item_id = item.id
        hold.ready_until = when.astimezone(policy.tz).date() + timedelta(
            days=policy.integer("hold_shelf_days", 7)
        )
        item.status = ItemStatus.ON_HOLD_SHELF.value
        item.transit_to = None

    @staticmethod
    def _sort_bin(policy: _Policy, location: str, destination: ReturnDestination) -> str | None:
        branch = policy.branches.get(location)
        if branch is None:
            return None
        if destination is ReturnDestination.HOLD_SHELF:
            return branch.hold_shelf_bin
        if destination is ReturnDestination.TRANSIT:
            return branch.transit_bin
        return None

    # ------------------------------------------------------------ renew
    def renew(self, card_number: str, item_id: str) -> RenewResult:
        with self._tx() as s:
            policy = self._load_policy(s)
            member = self._member(s, card_number)
            if member is None:
                return RenewResult(refused(Reason.UNKNOWN_CARD), item_id)
            item = self._item(s, item_id, lock=True)
            loan = self._open_loan(s, item) if item is not None else None
            if item is None or loan is None or loan.member_id != member.id:
                return RenewResult(refused(Reason.RENEW_NOT_ON_LOAN_TO_YOU), item_id)
            result = self._renew_loan(s, loan, member, policy, self._now(), as_checkout=False)
            return RenewResult(result.outcome, result.item_id, result.title, result.due)

    def renew_all(self, card_number: str) -> RenewAllResult:
        with self._tx() as s:
            policy = self._load_policy(s)
            member = self._member(s, card_number)
            if member is None:
                return RenewAllResult(refused(Reason.UNKNOWN_CARD))
            now = self._now()
            results = []
            loans = s.scalars(
                select(Loan)
                .where(Loan.member_id == member.id, Loan.returned_at.is_(None))
                .order_by(Loan.due_at, Loan.id)
            ).all()
            for loan in loans:
                r = self._renew_loan(s, loan, member, policy, now, as_checkout=False)
                results.append(RenewResult(r.outcome, r.item_id, r.title, r.due))
            renewed = sum(1 for r in results if r.ok)
            return RenewAllResult(
                ok(renewed=str(renewed), refused=str(len(results) - renewed)), tuple(results)
            )

    def _renew_loan(
        self,
        s: Session,
        loan: Loan,
        member: Member,
        policy: _Policy,
        when: datetime,
        *,
        as_checkout: bool,
    ) -> CheckoutResult:
        item = loan.item
        record = item.record
        tz = policy.tz
        blocks = self._blocks(s, member, when, tz)
        if blocks:
            return CheckoutResult(
                refused(Reason.RENEW_NOT_ALLOWED, block=blocks[0].value), item.barcode, record.title
            )
        rule = policy.rule(record.material, member.category_code)
        refusal = self._renew_refusal(s, loan, member, rule)
        if refusal is not None:
            return CheckoutResult(refused(refusal), item.barcode, record.title, due=loan.due_at)
        self._charge_fine(s, loan, member.id, rule, when, tz)
        due = self._due(when, rule.loan_days * member.category.loan_period_factor, tz)
        loan.due_at = max(due, loan.due_at)
        loan.renewals += 1
        s.flush()
        reason = Reason.CHECKED_OUT_AS_RENEWAL if as_checkout else Reason.RENEWED
        return CheckoutResult(
            ok(reason, due=loan.due_at.isoformat()),
            item.barcode,
            record.title,
            due=loan.due_at,
            attachments=item.attachments,
            renewed=True,
        )

    # ------------------------------------------------------------ items, fees, session
    def item_info(self, item_id: str) -> ItemInfoResult:
        with self._tx() as s:
            policy = self._load_policy(s)
            item = self._item(s, item_id)
            if item is None:
                return ItemInfoResult(refused(Reason.ITEM_UNKNOWN))
            record = item.record
            loan = self._open_loan(s, item)
            holds = s.scalar(
                select(func.count())
                .select_from(Hold)
                .where(Hold.record_id == record.id, Hold.status.in_(ACTIVE_HOLD_STATES))
            )
            rental = policy.rule(record.material, "").rental_cents
            info = ItemInfo(
                item_id=item.barcode,
                title=record.title,
                author=record.author,
                material=_material(record.material),
                status=ItemStatus(item.status),
                branch=item.current_branch,
                due=loan.due_at if loan is not None else None,
                holds_count=int(holds or 0),
                attachments=item.attachments,
                rental_fee=Money(rental) if rental else None,
                age_restriction=record.age_restriction,
                reference_only=item.reference_only,
            )
            return ItemInfoResult(ok(), info)

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        with self._tx() as s:
            member = self._member(s, card_number)
            fee = s.get(Fee, int(fee_id)) if fee_id.isdigit() else None
            if member is None or fee is None or fee.member_id != member.id:
                return PaymentResult(refused(Reason.FEE_UNKNOWN), fee_id)
            previous = s.scalar(select(Payment).where(Payment.reference == reference))
            if previous is not None:
                # The same terminal transaction reported again: it was paid once, say so again.
                if previous.fee_id != fee.id:
                    return PaymentResult(refused(Reason.PAYMENT_AMOUNT_INVALID), fee_id)
                return PaymentResult(
                    ok(),
                    fee_id,
                    paid=Money(previous.amount_cents),
                    remaining=Money(fee.amount_cents - fee.paid_cents),
                )
            outstanding = fee.amount_cents - fee.paid_cents
            if fee.settled or amount.cents <= 0 or amount.cents > outstanding:
                return PaymentResult(
                    refused(Reason.PAYMENT_AMOUNT_INVALID, outstanding=Money(outstanding).format()),
                    fee_id,
                )
            s.add(
                Payment(
                    fee_id=fee.id,
                    amount_cents=amount.cents,
                    reference=reference,
                    paid_at=self._now(),
                )
            )
            fee.paid_cents += amount.cents
            fee.settled = fee.paid_cents == fee.amount_cents
            return PaymentResult(
                ok(), fee_id, paid=amount, remaining=Money(fee.amount_cents - fee.paid_cents)
            )

    def end_session(self, card_number: str) -> None:
        """Nothing is held per session in the embedded ILS."""


def _name(member: Member) -> MemberName:
    return MemberName(
        given=member.given_name, family=member.family_name, preferred=member.preferred_name or ""
    )


def _material(value: str) -> MaterialKind:
    try:
        return MaterialKind(value)
    except ValueError:
        return MaterialKind.OTHER
