"""Paying fees at the kiosk's payment terminal: what a payment is made of and how it ended.

The member chooses fees on the home screen, confirms the total, and pays at the terminal; the
kiosk then reports each fee paid to the library system. The terminal only ever receives the
total and the kiosk's reference for the transaction (PRIVACY.md P10); the library system gets
one report per fee, each with its own reference derived from the transaction's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import Fee


class Paid(StrEnum):
    """How a payment ended, as the member is told it."""

    #: the terminal approved and the library system booked every fee
    RECORDED = "recorded"
    #: the terminal approved; the library system did not answer, so the payment waits in the
    #: kiosk's journal and is sent as soon as it does (the member need not pay again)
    RECORDED_LATER = "recorded_later"
    #: the terminal approved; the library system refused to book it: staff book or refund it
    NEEDS_STAFF = "needs_staff"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    #: the terminal could not be used: nothing was charged
    FAILED = "failed"
    #: nobody can tell whether money was taken: staff look it up by the reference
    UNCERTAIN = "uncertain"

    @property
    def charged(self) -> bool:
        """Money was taken from the member's card."""
        return self in (Paid.RECORDED, Paid.RECORDED_LATER, Paid.NEEDS_STAFF)


#: what the member is told for each ending
PAID_REASON: dict[Paid, Reason] = {
    Paid.RECORDED: Reason.PAYMENT_DONE,
    Paid.RECORDED_LATER: Reason.PAYMENT_RECORDED_LATER,
    Paid.NEEDS_STAFF: Reason.PAYMENT_NEEDS_STAFF,
    Paid.DECLINED: Reason.PAYMENT_DECLINED,
    Paid.CANCELLED: Reason.PAYMENT_CANCELLED,
    Paid.FAILED: Reason.PAYMENT_FAILED,
    Paid.UNCERTAIN: Reason.PAYMENT_UNCERTAIN,
}


@dataclass(frozen=True, slots=True)
class FeeShare:
    """One fee in a payment: which, how much, and what it was for (for the receipt)."""

    fee_id: str
    amount: Money
    label: str = ""


@dataclass(frozen=True, slots=True)
class PaymentLine:
    """A payment made in this session, for the screen and the receipt."""

    reference: str
    total: Money
    fees: tuple[FeeShare, ...]
    paid: Paid
    #: the terminal's own receipt text, printed on the kiosk's receipt when wanted
    terminal_receipt: tuple[str, ...] = ()


def shares(fees: Iterable[Fee], chosen: Iterable[str]) -> tuple[FeeShare, ...]:
    """The chosen fees, each paid in full, in the order the library system listed them."""
    wanted = set(chosen)
    return tuple(
        FeeShare(fee.fee_id, fee.amount, fee.title or fee.description or fee.kind.value)
        for fee in fees
        if fee.fee_id in wanted and fee.amount.cents > 0
    )


def total(parts: Iterable[FeeShare]) -> Money | None:
    """What the chosen fees come to; None when nothing is chosen. Fees in more than one
    currency cannot be paid together (``ValueError``)."""
    result: Money | None = None
    for part in parts:
        result = part.amount if result is None else result + part.amount
    return result


def fee_reference(reference: str, index: int, count: int) -> str:
    """The reference of one fee's report to the library system: the transaction's own when
    it paid a single fee, else ``REF/2`` for the second (each report is unique, so a library
    system can tell a report sent twice from a second payment)."""
    return reference if count == 1 else f"{reference}/{index + 1}"


def make_reference(prefix: str, now: datetime, serial: int) -> str:
    """The kiosk's reference for a terminal transaction: the kiosk's prefix, the local time to
    the second and a serial, e.g. ``DAL1-261207-143005-03``. Unique per kiosk, readable to
    staff over the phone, and nothing about the member (P10)."""
    clean = "".join(c for c in prefix.upper() if c.isascii() and c.isalnum())[:8] or "KIOSK"
    return f"{clean}-{now:%y%m%d-%H%M%S}-{serial % 100:02d}"
