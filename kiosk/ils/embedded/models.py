"""Typed SQLAlchemy 2 models of the embedded library system.

Invariants the schema itself enforces, on SQLite and PostgreSQL alike:
- an item never has two open loans (partial unique index on ``loans.item_id`` where open);
- an item fills at most one active hold (partial unique index on ``holds.item_id``);
- fees never go negative and are never overpaid (CHECK constraints).
Rules (loan periods, fees, limits) are data in ``loan_rules`` and ``member_categories``, so a
library changes them without a code change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain.types import FeeKind, ItemStatus, MaterialKind

# Hold states stored in the database (``fulfilled`` and ``cancelled`` are history).
HOLD_WAITING = "waiting"
HOLD_IN_TRANSIT = "in_transit"
HOLD_READY = "ready"
HOLD_FULFILLED = "fulfilled"
HOLD_CANCELLED = "cancelled"
HOLD_EXPIRED = "expired"
ACTIVE_HOLD_STATES = (HOLD_WAITING, HOLD_IN_TRANSIT, HOLD_READY)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, also on SQLite (which stores no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the embedded ILS; use aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Branch(Base):
    __tablename__ = "branches"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Return sort bins, per destination: shown to the member and sent as SIP2 CL.
    hold_shelf_bin: Mapped[str | None] = mapped_column(String(16), default=None)
    transit_bin: Mapped[str | None] = mapped_column(String(16), default=None)


class MemberCategory(Base):
    __tablename__ = "member_categories"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    max_loans: Mapped[int] = mapped_column(Integer, default=20)
    # Fees at or over this amount block borrowing (cents).
    fee_block_cents: Mapped[int] = mapped_column(Integer, default=1000)
    # This many overdue items block borrowing.
    max_overdue: Mapped[int] = mapped_column(Integer, default=5)
    max_pin_attempts: Mapped[int] = mapped_column(Integer, default=3)
    # Multiplies every loan period (a "large" subscription doubles them).
    loan_period_factor: Mapped[int] = mapped_column(Integer, default=1)
    youth: Mapped[bool] = mapped_column(Boolean, default=False)


class LoanRule(Base):
    """Per material kind and member category; ``category`` NULL means every category."""

    __tablename__ = "loan_rules"
    __table_args__ = (UniqueConstraint("material", "category", name="uq_loan_rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    material: Mapped[str] = mapped_column(String(24))
    category: Mapped[str | None] = mapped_column(ForeignKey("member_categories.code"), default=None)
    loan_days: Mapped[int] = mapped_column(Integer)
    max_renewals: Mapped[int] = mapped_column(Integer, default=2)
    rental_cents: Mapped[int] = mapped_column(Integer, default=0)
    fine_per_day_cents: Mapped[int] = mapped_column(Integer, default=0)
    fine_cap_cents: Mapped[int] = mapped_column(Integer, default=0)
    loanable: Mapped[bool] = mapped_column(Boolean, default=True)


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (CheckConstraint("failed_pin_attempts >= 0", name="ck_member_pin_attempts"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_number: Mapped[str] = mapped_column(String(40), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str | None] = mapped_column(String(100), default=None)
    email: Mapped[str | None] = mapped_column(String(200), default=None)
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    category_code: Mapped[str] = mapped_column(ForeignKey("member_categories.code"))
    home_branch: Mapped[str] = mapped_column(ForeignKey("branches.code"))
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    card_lost: Mapped[bool] = mapped_column(Boolean, default=False)
    manual_block: Mapped[str | None] = mapped_column(String(200), default=None)
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0)
    pin_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    history_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)

    category: Mapped[MemberCategory] = relationship(lazy="joined")


class FamilyLink(Base):
    """``viewer`` may see ``member``'s loans only once ``consent_at`` is recorded (P9)."""

    __tablename__ = "family_links"

    viewer_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class Record(Base):
    """A title in the catalogue (a bibliographic record)."""

    __tablename__ = "records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(200), default="")
    isbn: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    material: Mapped[str] = mapped_column(String(24), default=MaterialKind.BOOK.value)
    age_restriction: Mapped[int] = mapped_column(Integer, default=0)
    control_number: Mapped[str | None] = mapped_column(String(40), default=None, unique=True)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (CheckConstraint("attachments >= 0", name="ck_item_attachments"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    barcode: Mapped[str] = mapped_column(String(40), unique=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"), index=True)
    home_branch: Mapped[str] = mapped_column(ForeignKey("branches.code"))
    current_branch: Mapped[str] = mapped_column(ForeignKey("branches.code"))
    status: Mapped[str] = mapped_column(String(16), default=ItemStatus.AVAILABLE.value)
    transit_to: Mapped[str | None] = mapped_column(ForeignKey("branches.code"), default=None)
    reference_only: Mapped[bool] = mapped_column(Boolean, default=False)
    attachments: Mapped[int] = mapped_column(Integer, default=0)
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    # Free-text note for staff; an item with a note goes to the desk on return.
    note: Mapped[str | None] = mapped_column(Text, default=None)

    record: Mapped[Record] = relationship(lazy="joined")


class Loan(Base):
    __tablename__ = "loans"
    __table_args__ = (
        Index(
            "uq_loans_one_open_per_item",
            "item_id",
            unique=True,
            sqlite_where=text("returned_at IS NULL"),
            postgresql_where=text("returned_at IS NULL"),
        ),
        Index("ix_loans_member_open", "member_id", "returned_at"),
        Index("ix_loans_returned_at", "returned_at"),
        CheckConstraint("renewals >= 0", name="ck_loan_renewals"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    # NULL once anonymised: the loan stays for statistics, the member is forgotten (P8).
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), default=None)
    branch: Mapped[str] = mapped_column(ForeignKey("branches.code"))
    checked_out_at: Mapped[datetime] = mapped_column(UtcDateTime())
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    renewals: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[Item] = relationship(lazy="joined")


class Hold(Base):
    __tablename__ = "holds"
    __table_args__ = (
        Index(
            "uq_holds_one_active_per_item",
            "item_id",
            unique=True,
            sqlite_where=text("item_id IS NOT NULL AND status IN ('in_transit', 'ready')"),
            postgresql_where=text("item_id IS NOT NULL AND status IN ('in_transit', 'ready')"),
        ),
        Index("ix_holds_record_status", "record_id", "status"),
        Index("ix_holds_member_status", "member_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    pickup_branch: Mapped[str] = mapped_column(ForeignKey("branches.code"))
    placed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16), default=HOLD_WAITING)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), default=None)
    ready_until: Mapped[date | None] = mapped_column(Date, default=None)

    record: Mapped[Record] = relationship(lazy="joined")


class Fee(Base):
    __tablename__ = "fees"
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="ck_fee_amount_not_negative"),
        CheckConstraint(
            "paid_cents >= 0 AND paid_cents <= amount_cents", name="ck_fee_paid_in_range"
        ),
        Index("ix_fees_member_open", "member_id", "settled"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), default=None)
    kind: Mapped[str] = mapped_column(String(16), default=FeeKind.OTHER.value)
    amount_cents: Mapped[int] = mapped_column(Integer)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    settled: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    item: Mapped[Item | None] = relationship(lazy="joined")


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="ck_payment_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fee_id: Mapped[int] = mapped_column(ForeignKey("fees.id"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    # The payment terminal's reference: paying twice with one reference is paying once.
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    paid_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Setting(Base):
    """Library-wide settings (key/value), e.g. loan history retention."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
