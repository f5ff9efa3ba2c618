"""The demo fixtures and the generated data of the embedded library system."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.types import ItemStatus, MaterialKind, ReturnDestination
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.fixtures import DEMO_CARDS, DEMO_ITEMS, FIXTURE_ITEMS, FIXTURES
from kiosk.ils.embedded.models import (
    HOLD_READY,
    HOLD_WAITING,
    FamilyLink,
    Fee,
    Hold,
    Item,
    Loan,
    LoanRule,
    Member,
    MemberCategory,
    Record,
)
from kiosk.ils.embedded.pins import verify_pin
from kiosk.ils.embedded.seed import (
    SeedError,
    demo_data_markdown,
    seed,
    seed_fixtures,
    seed_generated,
)

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
AMS = ZoneInfo("Europe/Amsterdam")
TODAY = NOW.astimezone(AMS).date()
REPO = Path(__file__).resolve().parents[4]


def _new_engine(path: Path) -> Engine:
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with db.session_factory(engine)() as session, session.begin():
        install_default_policy(session)
    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = _new_engine(tmp_path / "library.sqlite")
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with db.session_factory(engine)() as session:
        yield session


@pytest.fixture
def fixtures(session: Session) -> Session:
    seed_fixtures(session, NOW)
    session.commit()
    return session


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _member(session: Session, card: str) -> Member:
    member = session.scalar(select(Member).where(Member.card_number == card))
    assert member is not None
    return member


def _item(session: Session, barcode: str) -> Item:
    item = session.scalar(select(Item).where(Item.barcode == barcode))
    assert item is not None
    return item


def _open_loans(session: Session, member: Member) -> list[Loan]:
    return list(
        session.scalars(select(Loan).where(Loan.member_id == member.id, Loan.returned_at.is_(None)))
    )


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _dump(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Everything seeded, except PIN hashes (salted, so different on every run)."""
    return {
        "members": [
            (m.card_number, m.given_name, m.family_name, m.email, m.birth_date, m.category_code,
             m.home_branch, m.expires_on, m.card_lost, m.manual_block, m.pin_locked,
             m.failed_pin_attempts, m.history_opt_in, m.pin_hash is None)
            for m in session.scalars(select(Member).order_by(Member.id))
        ],
        "records": [
            (r.id, r.title, r.author, r.isbn, r.year, r.material, r.age_restriction)
            for r in session.scalars(select(Record).order_by(Record.id))
        ],
        "items": [
            (i.barcode, i.record_id, i.home_branch, i.current_branch, i.status, i.transit_to,
             i.reference_only, i.attachments, i.price_cents, i.note)
            for i in session.scalars(select(Item).order_by(Item.id))
        ],
        "loans": [
            (lo.item_id, lo.member_id, lo.checked_out_at, lo.due_at, lo.returned_at, lo.renewals)
            for lo in session.scalars(select(Loan).order_by(Loan.id))
        ],
        "holds": [
            (h.record_id, h.member_id, h.pickup_branch, h.placed_at, h.status, h.item_id,
             h.ready_until)
            for h in session.scalars(select(Hold).order_by(Hold.id))
        ],
        "fees": [
            (f.member_id, f.item_id, f.kind, f.amount_cents, f.created_at)
            for f in session.scalars(select(Fee).order_by(Fee.id))
        ],
    }  # fmt: skip


# ------------------------------------------------------------------------------ fixtures


def test_fixtures_are_the_same_on_every_run(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.sqlite", "b.sqlite"):
        engine = _new_engine(tmp_path / name)
        with db.session_factory(engine)() as session:
            seed_fixtures(session, NOW)
            session.commit()
            dumps.append(_dump(session))
        engine.dispose()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["members"]) == len(FIXTURES)


def test_fixture_card_numbers_and_barcodes_have_the_fixture_prefixes() -> None:
    cards = [m.card_number for m in FIXTURES]
    barcodes = [i.barcode for i in FIXTURE_ITEMS]
    assert len(set(cards)) == len(cards)
    assert len(set(barcodes)) == len(barcodes)
    assert all(len(c) == 13 and c.isdigit() and c.startswith("2100000000") for c in cards)
    assert all(len(b) == 13 and b.isdigit() and b.startswith("3100000000") for b in barcodes)


def test_fixture_names_include_diacritics() -> None:
    names = " ".join(f"{m.given_name} {m.family_name}" for m in FIXTURES)
    for name in ("Chloë", "Zoë", "Özlem", "Çelik", "Joëlle", "René", "van 't Hek"):
        assert name in names


def test_demo_labels_never_contain_a_members_name() -> None:
    assert len(DEMO_CARDS) == len(FIXTURES)
    for (card, label), member in zip(DEMO_CARDS, FIXTURES, strict=True):
        assert card == member.card_number
        assert member.given_name not in label
        assert member.family_name not in label
    assert {barcode for barcode, _ in DEMO_ITEMS} <= {i.barcode for i in FIXTURE_ITEMS}


def test_adult_with_pin_has_a_renewable_loan_and_one_another_member_holds(
    fixtures: Session,
) -> None:
    member = _member(fixtures, "2100000000001")
    assert member.pin_hash is not None
    assert verify_pin("1234", member.pin_hash)
    loans = _open_loans(fixtures, member)
    assert len(loans) == 2
    waiting_records = set(
        fixtures.scalars(
            select(Hold.record_id).where(Hold.status == HOLD_WAITING, Hold.member_id != member.id)
        )
    )
    held = [lo for lo in loans if lo.item.record_id in waiting_records]
    free = [lo for lo in loans if lo.item.record_id not in waiting_records]
    assert len(held) == 1
    assert len(free) == 1
    rule = fixtures.scalar(
        select(LoanRule).where(LoanRule.material == "book", LoanRule.category.is_(None))
    )
    assert rule is not None
    assert free[0].renewals < rule.max_renewals
    assert _utc(free[0].due_at) > NOW


def test_adult_without_pin_has_no_pin_hash(fixtures: Session) -> None:
    assert _member(fixtures, "2100000000002").pin_hash is None


def test_fees_blocked_member_owes_at_least_the_category_threshold(fixtures: Session) -> None:
    member = _member(fixtures, "2100000000003")
    open_cents = fixtures.scalar(
        select(func.sum(Fee.amount_cents - Fee.paid_cents)).where(
            Fee.member_id == member.id, Fee.settled.is_(False)
        )
    )
    assert open_cents is not None
    assert open_cents >= member.category.fee_block_cents
    assert _open_loans(fixtures, member) == []


def _overdue(session: Session, member: Member) -> int:
    return sum(1 for lo in _open_loans(session, member) if _utc(lo.due_at) < NOW)


def test_member_with_two_overdue_items_is_below_the_overdue_limit(fixtures: Session) -> None:
    member = _member(fixtures, "2100000000004")
    assert _overdue(fixtures, member) == 2 < member.category.max_overdue


def test_member_with_six_overdue_items_is_over_the_overdue_limit(fixtures: Session) -> None:
    member = _member(fixtures, "2100000000005")
    assert member.category.max_overdue == 5
    assert _overdue(fixtures, member) == 6


def test_hold_member_has_a_ready_hold_on_the_dal_shelf_and_is_second_in_a_queue(
    fixtures: Session,
) -> None:
    member = _member(fixtures, "2100000000006")
    holds = list(fixtures.scalars(select(Hold).where(Hold.member_id == member.id)))
    ready = [h for h in holds if h.status == HOLD_READY]
    waiting = [h for h in holds if h.status == HOLD_WAITING]
    assert len(ready) == 1
    assert len(waiting) == 1

    shelf_hold = ready[0]
    assert shelf_hold.pickup_branch == "DAL"
    assert shelf_hold.ready_until is not None
    assert shelf_hold.ready_until >= TODAY
    assert shelf_hold.item_id is not None
    item = fixtures.get(Item, shelf_hold.item_id)
    assert item is not None
    assert item.status == ItemStatus.ON_HOLD_SHELF.value
    assert item.current_branch == "DAL"
    assert item.record_id == shelf_hold.record_id

    queued = waiting[0]
    assert queued.pickup_branch == "NLE"
    queue = list(
        fixtures.scalars(
            select(Hold)
            .where(Hold.record_id == queued.record_id, Hold.status == HOLD_WAITING)
            .order_by(Hold.placed_at)
        )
    )
    assert [h.member_id for h in queue].index(member.id) + 1 == 2


def test_child_and_teenager_have_youth_category_and_the_stated_age(fixtures: Session) -> None:
    child = _member(fixtures, "2100000000007")
    teen = _member(fixtures, "2100000000008")
    assert child.category_code == teen.category_code == "JEUGD"
    assert child.birth_date is not None
    assert _age(child.birth_date, TODAY) == 10
    assert teen.birth_date is not None
    assert _age(teen.birth_date, TODAY) == 16


def test_card_state_fixtures(fixtures: Session) -> None:
    expired = _member(fixtures, "2100000000009")
    assert expired.expires_on is not None
    assert expired.expires_on < TODAY
    assert _member(fixtures, "2100000000010").card_lost is True
    assert _member(fixtures, "2100000000011").manual_block == "Ask at desk"
    locked = _member(fixtures, "2100000000012")
    assert locked.pin_locked is True
    assert locked.failed_pin_attempts == 3 == locked.category.max_pin_attempts
    for card in ("2100000000001", "2100000000002", "2100000000003"):
        member = _member(fixtures, card)
        assert member.expires_on is not None
        assert member.expires_on > TODAY
        assert not member.card_lost
        assert member.manual_block is None
        assert not member.pin_locked


def test_parent_may_see_one_child_with_consent_and_one_without(fixtures: Session) -> None:
    parent = _member(fixtures, "2100000000013")
    links = {
        link.member_id: link
        for link in fixtures.scalars(select(FamilyLink).where(FamilyLink.viewer_id == parent.id))
    }
    consented = _member(fixtures, "2100000000014")
    not_consented = _member(fixtures, "2100000000015")
    assert set(links) == {consented.id, not_consented.id}
    assert links[consented.id].consent_at is not None
    assert links[not_consented.id].consent_at is None
    assert _open_loans(fixtures, consented)
    assert _open_loans(fixtures, not_consented)


def test_history_member_opted_in_and_keeps_returned_loans(fixtures: Session) -> None:
    member = _member(fixtures, "2100000000016")
    assert member.history_opt_in is True
    returned = list(
        fixtures.scalars(
            select(Loan).where(Loan.member_id == member.id, Loan.returned_at.is_not(None))
        )
    )
    assert len(returned) == 2
    assert all(_utc(lo.returned_at) < NOW for lo in returned if lo.returned_at is not None)


def test_fixture_items_have_the_properties_they_demonstrate(fixtures: Session) -> None:
    by_title = {i.record.title: i for i in fixtures.scalars(select(Item))}
    rules = {
        r.material: r for r in fixtures.scalars(select(LoanRule).where(LoanRule.category.is_(None)))
    }

    dvd = by_title["Alles is liefde"]
    assert dvd.record.material == MaterialKind.DVD
    assert rules["dvd"].rental_cents == 450
    cd = by_title["Het beste van Boudewijn de Groot"]
    assert cd.record.material == MaterialKind.CD
    assert rules["cd"].rental_cents == 150
    assert by_title["Pulp Fiction"].record.age_restriction == 18
    assert by_title["American Psycho"].record.age_restriction == 16
    assert by_title["Van Dale Groot woordenboek van de Nederlandse taal"].reference_only
    assert by_title["Italiaans voor beginners"].attachments == 3
    transit = by_title["Het smelt"]
    assert (transit.status, transit.transit_to) == (ItemStatus.IN_TRANSIT.value, "NLE")
    assert transit.current_branch != "NLE"
    assert by_title["De Hobbit"].note
    assert by_title["De Hobbit"].status == ItemStatus.AVAILABLE.value
    nle = by_title["Grand Hotel Europa"]
    assert nle.home_branch == "NLE"
    assert nle.status == ItemStatus.ON_LOAN.value
    other = by_title["Het gouden ei"]
    loan = fixtures.scalar(select(Loan).where(Loan.item_id == other.id, Loan.returned_at.is_(None)))
    assert loan is not None
    assert loan.member_id == _member(fixtures, "2100000000016").id
    available_books = [
        i
        for i in by_title.values()
        if i.status == ItemStatus.AVAILABLE.value
        and i.record.material == MaterialKind.BOOK
        and not i.reference_only
        and i.record.age_restriction == 0
    ]
    assert len(available_books) >= 4


def test_item_status_matches_open_loans_and_ready_holds(fixtures: Session) -> None:
    on_loan = set(fixtures.scalars(select(Loan.item_id).where(Loan.returned_at.is_(None))))
    on_shelf = set(fixtures.scalars(select(Hold.item_id).where(Hold.status == HOLD_READY)))
    for item in fixtures.scalars(select(Item)):
        assert (item.status == ItemStatus.ON_LOAN.value) == (item.id in on_loan), item.barcode
        assert (item.status == ItemStatus.ON_HOLD_SHELF.value) == (item.id in on_shelf)


def test_due_dates_are_the_end_of_a_day_in_amsterdam(fixtures: Session) -> None:
    loans = list(fixtures.scalars(select(Loan)))
    assert loans
    for loan in loans:
        local = _utc(loan.due_at).astimezone(AMS)
        assert local.time() == time(23, 59, 59)
        assert _utc(loan.checked_out_at) < _utc(loan.due_at)


def test_seeding_fixtures_twice_is_refused(fixtures: Session) -> None:
    with pytest.raises(SeedError, match="already has the demo fixtures"):
        seed_fixtures(fixtures, NOW)


def test_seed_refuses_a_database_with_members(fixtures: Session) -> None:
    with pytest.raises(SeedError, match="empty database"):
        seed(fixtures, members=1, items=1, now=NOW)


def test_seed_rejects_a_naive_now(session: Session) -> None:
    with pytest.raises(ValueError, match="aware"):
        seed_fixtures(session, datetime(2026, 11, 25, 10, 0))


def test_demo_data_doc_is_generated_from_the_fixtures() -> None:
    doc = (REPO / "docs" / "demo-data.md").read_text(encoding="utf-8")
    assert doc == demo_data_markdown(), (
        "docs/demo-data.md is stale; regenerate it with demo_data_markdown()"
    )
    for member in FIXTURES:
        assert member.card_number in doc


# ------------------------------------------------------------------------------ generated


def test_generated_data_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    dumps = []
    for name, seed_ in (("a.sqlite", 7), ("b.sqlite", 7), ("c.sqlite", 8)):
        engine = _new_engine(tmp_path / name)
        with db.session_factory(engine)() as session:
            seed(session, members=300, items=1500, now=NOW, seed=seed_)
            session.commit()
            dumps.append(_dump(session))
        engine.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0]["members"] != dumps[2]["members"]


@pytest.fixture
def generated(session: Session) -> Session:
    seed(session, members=800, items=4000, now=NOW, seed=3)
    session.commit()
    return session


def test_generated_numbers_are_unique_and_never_collide_with_fixtures(
    generated: Session,
) -> None:
    cards = list(generated.scalars(select(Member.card_number)))
    barcodes = list(generated.scalars(select(Item.barcode)))
    assert len(cards) == len(set(cards)) == 800 + len(FIXTURES)
    assert len(barcodes) == len(set(barcodes)) == 4000 + len(FIXTURE_ITEMS)
    made = [c for c in cards if not c.startswith("2100000000")]
    assert all(len(c) == 13 and c.isdigit() and c.startswith("2200") for c in made)
    made_items = [b for b in barcodes if not b.startswith("3100000000")]
    assert all(len(b) == 13 and b.isdigit() and b.startswith("3200") for b in made_items)


def test_generated_names_have_diacritics_and_particles(generated: Session) -> None:
    names = [
        f"{g} {f}" for g, f in generated.execute(select(Member.given_name, Member.family_name))
    ]
    assert sum(1 for n in names if not n.isascii()) > 40
    particles = [
        f
        for _, f in (n.split(" ", 1) for n in names)
        if f.split(" ")[0] in ("van", "de", "'t", "ter")
    ]
    assert len(particles) > 40
    assert any("van der " in n or "van den " in n for n in names)
    assert any("'t " in n for n in names)


def test_generated_members_have_no_pin_and_mostly_an_email(generated: Session) -> None:
    rows = generated.execute(
        select(Member.pin_hash, Member.email).where(Member.card_number.like("2200%"))
    ).all()
    assert all(pin is None for pin, _ in rows)
    with_mail = sum(1 for _, mail in rows if mail)
    assert 0.6 * len(rows) < with_mail < len(rows)
    assert all(mail.endswith((".org", ".net", ".com")) for _, mail in rows if mail)


def test_generated_categories_follow_age(generated: Session) -> None:
    rows = generated.execute(
        select(Member.birth_date, Member.category_code).where(Member.card_number.like("2200%"))
    ).all()
    children = [cat for birth, cat in rows if birth is not None and _age(birth, TODAY) < 18]
    assert len(children) > 100
    assert set(children) == {"JEUGD"}
    counts = {code: sum(1 for _, c in rows if c == code) for code in ("BASIS", "COMPLEET", "GROOT")}
    assert all(n > 0 for n in counts.values())


def test_generated_collection_is_mostly_books_over_all_materials(generated: Session) -> None:
    counts = dict(
        generated.execute(select(Record.material, func.count()).group_by(Record.material)).all()
    )
    kinds = {k.value for k in MaterialKind} - {MaterialKind.OTHER.value}
    assert kinds <= set(counts)
    assert counts["book"] == max(counts.values())
    branches = set(generated.scalars(select(Item.home_branch).distinct()))
    assert branches == {"DAL", "NLE"}


def test_generated_circulation_is_realistic(generated: Session) -> None:
    open_loans = list(generated.scalars(select(Loan).where(Loan.returned_at.is_(None))))
    share = len(open_loans) / 4000
    assert 0.07 < share < 0.13
    overdue = sum(1 for lo in open_loans if _utc(lo.due_at) < NOW)
    assert 0.05 * len(open_loans) < overdue < 0.4 * len(open_loans)
    assert generated.scalar(select(func.count()).where(Hold.status == HOLD_WAITING))
    assert generated.scalar(select(func.count()).where(Hold.status == HOLD_READY))
    test_item_status_matches_open_loans_and_ready_holds(generated)


def test_generated_loans_respect_age_restrictions_and_loan_limits(generated: Session) -> None:
    rows = generated.execute(
        select(Member.id, Member.birth_date, Record.age_restriction)
        .join(Loan, Loan.member_id == Member.id)
        .join(Item, Item.id == Loan.item_id)
        .join(Record, Record.id == Item.record_id)
        .where(Loan.returned_at.is_(None))
    ).all()
    for _, birth, restriction in rows:
        if restriction and birth is not None:
            assert _age(birth, TODAY) >= restriction
    per_member = dict(
        generated.execute(
            select(Loan.member_id, func.count())
            .where(Loan.returned_at.is_(None))
            .group_by(Loan.member_id)
        ).all()
    )
    limits = dict(
        generated.execute(
            select(Member.id, MemberCategory.max_loans).join(
                MemberCategory, MemberCategory.code == Member.category_code
            )
        ).all()
    )
    assert all(n <= limits[mid] for mid, n in per_member.items() if mid is not None)


def test_seed_generated_twice_continues_numbering_and_orm_inserts_still_work(
    session: Session,
) -> None:
    seed_generated(session, members=20, items=50, seed=1, now=NOW)
    seed_generated(session, members=20, items=50, seed=2, now=NOW)
    session.commit()
    cards = list(session.scalars(select(Member.card_number).order_by(Member.card_number)))
    assert cards[0] == "2200000000001"
    assert cards[-1] == "2200000000040"
    assert session.scalar(select(func.count()).select_from(Item)) == 100
    # An ORM insert after explicit ids gets a fresh id (matters for PostgreSQL sequences).
    record = Record(title="Nieuw", material="book")
    session.add(record)
    session.flush()
    assert record.id > max(session.scalars(select(Record.id).where(Record.id != record.id)))


# ------------------------------------------------------------------------------ via the engine


@pytest.fixture
def library(engine: Engine, fixtures: Session) -> EmbeddedLibrary:
    return EmbeddedLibrary(engine, branch="DAL", clock=ManualClock(NOW))


@pytest.mark.parametrize(
    ("card", "pin", "identify", "blocks"),
    [
        ("2100000000001", "1234", Reason.OK, []),
        ("2100000000001", None, Reason.PIN_REQUIRED, None),
        ("2100000000002", None, Reason.OK, []),
        ("2100000000003", None, Reason.OK, [Reason.BLOCKED_FEES]),
        ("2100000000004", None, Reason.OK, []),
        ("2100000000005", None, Reason.OK, [Reason.BLOCKED_OVERDUE]),
        ("2100000000009", None, Reason.OK, [Reason.CARD_EXPIRED]),
        ("2100000000010", None, Reason.CARD_LOST, None),
        ("2100000000011", None, Reason.OK, [Reason.BLOCKED_MANUAL]),
        ("2100000000012", "1234", Reason.PIN_LOCKED, None),
    ],
)
def test_fixture_members_identify_as_documented(
    library: EmbeddedLibrary, card: str, pin: str | None, identify: Reason, blocks: list[Reason]
) -> None:
    assert library.identify(card, pin).outcome.reason is identify
    if blocks is not None:
        summary = library.member_summary(card).summary
        assert summary is not None
        assert list(summary.blocks) == blocks


def test_fixture_summaries_show_holds_renewability_and_consent(library: EmbeddedLibrary) -> None:
    chloe = library.member_summary("2100000000001").summary
    assert chloe is not None
    assert sorted(loan.renewable for loan in chloe.loans) == [False, True]
    zoe = library.member_summary("2100000000006").summary
    assert zoe is not None
    assert sorted((h.status.value, h.queue_position) for h in zoe.holds) == [
        ("ready", None),
        ("waiting", 2),
    ]
    parent = library.member_summary("2100000000013").summary
    assert parent is not None
    assert len(parent.linked_accounts) == 1


@pytest.mark.parametrize(
    ("card", "barcode", "reason"),
    [
        ("2100000000007", "3100000000012", Reason.ITEM_AGE_RESTRICTED),
        ("2100000000008", "3100000000012", Reason.OK),
        ("2100000000008", "3100000000011", Reason.ITEM_AGE_RESTRICTED),
        ("2100000000002", "3100000000009", Reason.FEE_ACK_REQUIRED),
        ("2100000000002", "3100000000013", Reason.ITEM_REFERENCE_ONLY),
        ("2100000000002", "3100000000015", Reason.ITEM_IN_TRANSIT),
        ("2100000000002", "3100000000016", Reason.ITEM_HELD_FOR_OTHER),
        ("2100000000006", "3100000000016", Reason.OK),
        ("2100000000002", "3100000000017", Reason.ITEM_ON_LOAN_TO_OTHER),
        ("2100000000002", "3100000000003", Reason.OK),
    ],
)
def test_fixture_items_check_out_as_documented(
    library: EmbeddedLibrary, card: str, barcode: str, reason: Reason
) -> None:
    assert library.check_out(card, barcode).outcome.reason is reason


def test_returning_the_nle_item_at_dal_sends_it_in_transit(library: EmbeddedLibrary) -> None:
    result = library.check_in("3100000000019", location="DAL")
    assert result.destination is ReturnDestination.TRANSIT
