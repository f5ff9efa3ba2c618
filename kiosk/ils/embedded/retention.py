"""Retention: what the embedded ILS forgets, and when (PRIVACY.md P5, P8).

- Returned loans of members who did not opt in to loan history are anonymised at return by the
  engine; this job also catches any left over (a member who opted out later).
- Returned loans of members who opted in are anonymised after ``history_retention_days``.
- Settled fees (with their payments) go after ``fee_retention_days``.
- Ready holds not collected by their ``ready_until`` date expire and their item is released.
- Finished holds (fulfilled, cancelled, expired) go after ``hold_retention_days``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import CursorResult, Executable, delete, select, update
from sqlalchemy.orm import Session

from kiosk.domain.types import ItemStatus
from kiosk.ils.embedded.models import (
    HOLD_CANCELLED,
    HOLD_EXPIRED,
    HOLD_FULFILLED,
    HOLD_READY,
    Fee,
    Hold,
    Item,
    Loan,
    Member,
    Payment,
    Setting,
)


@dataclass(frozen=True, slots=True)
class PurgeReport:
    loans_anonymised: int
    fees_deleted: int
    holds_expired: int
    holds_deleted: int


def _setting(s: Session, key: str, default: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else default


def _rows(session: Session, statement: Executable) -> int:
    result = cast(CursorResult[Any], session.execute(statement))
    return int(result.rowcount or 0)


def purge(session: Session, now: datetime) -> PurgeReport:
    """Apply retention as of ``now`` (aware). The caller commits."""
    history_days = int(_setting(session, "history_retention_days", "730"))
    fee_days = int(_setting(session, "fee_retention_days", "365"))
    hold_days = int(_setting(session, "hold_retention_days", "30"))
    tz = ZoneInfo(_setting(session, "timezone", "Europe/Amsterdam"))

    opted_in = select(Member.id).where(Member.history_opt_in.is_(True))
    not_opted = _rows(
        session,
        update(Loan)
        .where(
            Loan.returned_at.is_not(None),
            Loan.member_id.is_not(None),
            Loan.member_id.not_in(opted_in),
        )
        .values(member_id=None),
    )
    past_term = _rows(
        session,
        update(Loan)
        .where(
            Loan.returned_at.is_not(None),
            Loan.member_id.is_not(None),
            Loan.returned_at < now - timedelta(days=history_days),
        )
        .values(member_id=None),
    )

    old_fees = select(Fee.id).where(
        Fee.settled.is_(True), Fee.created_at < now - timedelta(days=fee_days)
    )
    session.execute(delete(Payment).where(Payment.fee_id.in_(old_fees)))
    fees_deleted = _rows(session, delete(Fee).where(Fee.id.in_(old_fees.scalar_subquery())))

    today = now.astimezone(tz).date()
    expired = 0
    for hold in session.scalars(
        select(Hold).where(Hold.status == HOLD_READY, Hold.ready_until < today)
    ):
        hold.status = HOLD_EXPIRED
        if hold.item_id is not None:
            item = session.get(Item, hold.item_id)
            if item is not None and item.status == ItemStatus.ON_HOLD_SHELF.value:
                item.status = ItemStatus.AVAILABLE.value
            hold.item_id = None
        expired += 1
    session.flush()

    holds_deleted = _rows(
        session,
        delete(Hold).where(
            Hold.status.in_((HOLD_FULFILLED, HOLD_CANCELLED, HOLD_EXPIRED)),
            Hold.placed_at < now - timedelta(days=hold_days),
        ),
    )
    return PurgeReport(
        loans_anonymised=not_opted + past_term,
        fees_deleted=fees_deleted,
        holds_expired=expired,
        holds_deleted=holds_deleted,
    )
