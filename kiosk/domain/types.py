"""Value types shared by the ILS port, the services and the session machine.

All frozen. Every outcome type carries a stable :class:`Reason` plus ``params`` for the
translated sentence, and separately whatever text the library system itself asked to show
(``screen_messages``) or print (``print_lines``), so that an integrator's ILS message is shown
as sent while our own wording stays consistent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason


class MaterialKind(StrEnum):
    BOOK = "book"
    YOUTH_BOOK = "youth_book"
    PICTURE_BOOK = "picture_book"
    LARGE_PRINT = "large_print"
    COMIC = "comic"
    MAGAZINE = "magazine"
    AUDIOBOOK = "audiobook"
    CD = "cd"
    DVD = "dvd"
    GAME = "game"
    LANGUAGE_COURSE = "language_course"
    OTHER = "other"


class ItemStatus(StrEnum):
    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    ON_HOLD_SHELF = "on_hold_shelf"
    IN_TRANSIT = "in_transit"
    LOST = "lost"
    MISSING = "missing"
    WITHDRAWN = "withdrawn"
    #: not on the shelf for another reason a library system gave (on order, in process,
    #: claimed returned, "other")
    UNAVAILABLE = "unavailable"


class HoldStatus(StrEnum):
    WAITING = "waiting"
    IN_TRANSIT = "in_transit"
    READY = "ready"


class FeeKind(StrEnum):
    OVERDUE = "overdue"
    RENTAL = "rental"
    HOLD = "hold"
    LOST = "lost"
    DAMAGE = "damage"
    ATTACHMENT = "attachment"
    CARD = "card"
    OTHER = "other"


class ReturnDestination(StrEnum):
    """Where a returned item goes next (the member is told; a sorter uses ``sort_bin``)."""

    SHELF = "shelf"
    HOLD_SHELF = "hold_shelf"
    TRANSIT = "transit"
    DESK = "desk"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Common part of every answer: did it work, why, and what the ILS itself said."""

    ok: bool
    reason: Reason
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SystemStatus:
    online: bool
    checkout_ok: bool = True
    checkin_ok: bool = True
    renewal_ok: bool = True
    library_name: str = ""
    institution_id: str = ""
    screen_message: str = ""
    #: the library system is away and the kiosk serves offline (``kiosk.ils.offline``)
    offline: bool = False


@dataclass(frozen=True, slots=True)
class MemberName:
    """The parts of a name the privacy policy may choose from (P1)."""

    given: str = ""
    family: str = ""
    preferred: str = ""


@dataclass(frozen=True, slots=True)
class Loan:
    item_id: str
    title: str
    author: str
    material: MaterialKind
    due: datetime
    overdue: bool
    renewable: bool
    renewals_left: int | None = None
    not_renewable_reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class Hold:
    title: str
    author: str
    status: HoldStatus
    queue_position: int | None
    pickup_branch: str
    pickup_by: date | None = None


@dataclass(frozen=True, slots=True)
class Fee:
    fee_id: str
    kind: FeeKind
    amount: Money
    description: str = ""
    item_id: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class LinkedAccount:
    """A family member's account, only present when the ILS records their consent (P9)."""

    name: MemberName
    loans: tuple[Loan, ...]


@dataclass(frozen=True, slots=True)
class MemberSummary:
    card_number: str
    name: MemberName
    email: str | None
    loans: tuple[Loan, ...] = ()
    holds: tuple[Hold, ...] = ()
    fees: tuple[Fee, ...] = ()
    linked_accounts: tuple[LinkedAccount, ...] = ()
    blocks: tuple[Reason, ...] = ()
    max_loans: int | None = None
    screen_messages: tuple[str, ...] = ()
    #: the member's language as the ILS records it (a kiosk language code), if any
    language: str | None = None

    @property
    def can_borrow(self) -> bool:
        return not self.blocks

    @property
    def fees_total(self) -> Money:
        total = Money.zero(self.fees[0].amount.currency) if self.fees else Money.zero()
        for fee in self.fees:
            total = total + fee.amount
        return total


@dataclass(frozen=True, slots=True)
class IdentifyResult:
    outcome: Outcome
    name: MemberName | None = None
    pin_attempts_left: int | None = None
    #: the member's language as the ILS records it (a kiosk language code), if any
    language: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok


@dataclass(frozen=True, slots=True)
class SummaryResult:
    outcome: Outcome
    summary: MemberSummary | None = None


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    outcome: Outcome
    item_id: str
    title: str = ""
    due: datetime | None = None
    fee: Money | None = None
    attachments: int = 0
    renewed: bool = False

    @property
    def ok(self) -> bool:
        return self.outcome.ok


@dataclass(frozen=True, slots=True)
class CheckinResult:
    outcome: Outcome
    item_id: str
    title: str = ""
    destination: ReturnDestination = ReturnDestination.SHELF
    sort_bin: str | None = None
    transit_to: str | None = None
    #: the item's home branch (code), when the library system says
    home_branch: str | None = None
    attachments: int = 0
    fee: Money | None = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok

    @property
    def to_desk(self) -> bool:
        return self.destination is ReturnDestination.DESK


@dataclass(frozen=True, slots=True)
class RenewResult:
    outcome: Outcome
    item_id: str
    title: str = ""
    due: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok


@dataclass(frozen=True, slots=True)
class RenewAllResult:
    outcome: Outcome
    results: tuple[RenewResult, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemInfo:
    item_id: str
    title: str
    author: str
    material: MaterialKind
    status: ItemStatus
    branch: str
    due: datetime | None = None
    holds_count: int = 0
    attachments: int = 0
    rental_fee: Money | None = None
    age_restriction: int = 0
    reference_only: bool = False


@dataclass(frozen=True, slots=True)
class ItemInfoResult:
    outcome: Outcome
    item: ItemInfo | None = None


@dataclass(frozen=True, slots=True)
class PaymentResult:
    outcome: Outcome
    fee_id: str
    paid: Money | None = None
    remaining: Money | None = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok


def ok(reason: Reason = Reason.OK, **params: str) -> Outcome:
    return Outcome(True, reason, MappingProxyType(dict(params)))


def refused(reason: Reason, **params: str) -> Outcome:
    return Outcome(False, reason, MappingProxyType(dict(params)))
