"""The embedded ILS schema on a real PostgreSQL and on SQLite: the database itself keeps the
invariants (one open loan per item, fees never negative or overpaid), whatever the code does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.models import (
    Base,
    Branch,
    Fee,
    Item,
    Loan,
    LoanRule,
    Member,
    MemberCategory,
    Record,
    Setting,
)

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture
def session(library_engine: Engine) -> Iterator[Session]:
    with Session(library_engine) as s:
        yield s


def _member_and_item(session: Session) -> tuple[int, int]:
    member = Member(
        card_number="21234000000017",
        given_name="Anna",
        family_name="de Vries",
        category_code="BASIS",
        home_branch="DAL",
    )
    record = Record(title="De avonden", author="Gerard Reve", material="book")
    session.add_all([member, record])
    session.flush()
    item = Item(
        barcode="31234000000019", record_id=record.id, home_branch="DAL", current_branch="DAL"
    )
    session.add(item)
    session.commit()
    return member.id, item.id


def _open_loan(member_id: int, item_id: int) -> Loan:
    return Loan(
        item_id=item_id,
        member_id=member_id,
        branch="DAL",
        checked_out_at=NOW,
        due_at=NOW + timedelta(days=21),
    )


def test_migrations_create_every_table(library_engine: Engine) -> None:
    tables = set(inspect(library_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrations_match_the_models(library_engine: Engine) -> None:
    with library_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_default_policy_is_installed(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(Branch)) == 2
    assert session.get(MemberCategory, "BASIS") is not None
    assert session.scalar(select(func.count()).select_from(LoanRule)) > 0
    assert session.get(Setting, "timezone") is not None


def test_second_open_loan_for_one_item_is_refused(session: Session) -> None:
    member_id, item_id = _member_and_item(session)
    session.add(_open_loan(member_id, item_id))
    session.commit()

    session.add(_open_loan(member_id, item_id))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Loan)) == 1


def test_returned_loans_do_not_count_as_open(session: Session) -> None:
    member_id, item_id = _member_and_item(session)
    for days in (1, 2):
        loan = _open_loan(member_id, item_id)
        loan.returned_at = NOW + timedelta(days=days)
        session.add(loan)
        session.commit()
    session.add(_open_loan(member_id, item_id))
    session.commit()
    open_loans = select(func.count()).select_from(Loan).where(Loan.returned_at.is_(None))
    assert session.scalar(open_loans) == 1


def _fee(member_id: int, amount: int, paid: int = 0) -> Fee:
    return Fee(member_id=member_id, amount_cents=amount, paid_cents=paid, created_at=NOW)


@pytest.mark.parametrize(
    ("amount", "paid"),
    [(-1, 0), (500, 501), (500, -1)],
    ids=["negative-amount", "overpaid", "negative-payment"],
)
def test_fee_check_constraints_refuse(session: Session, amount: int, paid: int) -> None:
    member_id, _ = _member_and_item(session)
    session.add(_fee(member_id, amount, paid))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Fee)) == 0


def test_fee_paid_in_full_is_accepted(session: Session) -> None:
    member_id, _ = _member_and_item(session)
    session.add_all([_fee(member_id, 500, 500), _fee(member_id, 0, 0)])
    session.commit()
    assert session.scalar(select(func.count()).select_from(Fee)) == 2


def test_upgrade_twice_is_a_no_op(library_engine: Engine) -> None:
    def snapshot() -> tuple[object, ...]:
        insp = inspect(library_engine)
        with library_engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        tables = sorted(insp.get_table_names())
        indexes = {t: sorted(str(i["name"]) for i in insp.get_indexes(t)) for t in tables}
        return (revision, tables, indexes)

    before = snapshot()
    db.upgrade(library_engine)
    db.upgrade(library_engine)
    assert snapshot() == before
    with Session(library_engine) as s:
        rules = s.scalar(select(func.count()).select_from(LoanRule))
        install_default_policy(s)
        s.commit()
        assert s.scalar(select(func.count()).select_from(LoanRule)) == rules
    assert len(before[0]) == 1  # type: ignore[arg-type]
