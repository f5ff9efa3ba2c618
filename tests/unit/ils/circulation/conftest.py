"""A small embedded library per test, built by hand so each rule's test states its own data.

The schema comes from the real migrations, applied once per test session to a template SQLite
file that each test copies (much faster than migrating per test).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.types import ItemStatus
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import (
    HOLD_READY,
    HOLD_WAITING,
    FamilyLink,
    Fee,
    Hold,
    Item,
    Loan,
    Member,
    Record,
)
from kiosk.ils.embedded.pins import hash_pin
from kiosk.ils.port import LibrarySystem
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.library import Sip2Library
from kiosk.ils.sip2.loopback import LoopbackAccount, LoopbackTransport
from kiosk.ils.sip2.profiles import PROFILES

# Wednesday 25 November 2026, 10:00 in Dalfsen (09:00 UTC).
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "library.sqlite"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with Session(engine) as s, s.begin():
        install_default_policy(s)
    engine.dispose()
    return path


class Builder:
    """Adds members, items, loans, holds and fees directly to the database."""

    def __init__(self, engine: Engine, clock: ManualClock) -> None:
        self.engine = engine
        self.clock = clock
        self._n = 0

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def member(
        self,
        card: str | None = None,
        *,
        pin: str | None = None,
        category: str = "BASIS",
        given: str = "Jan",
        family: str = "de Vries",
        born: date | None = None,
        expires: date | None = None,
        lost: bool = False,
        block: str | None = None,
        history: bool = False,
        email: str | None = "jan@example.nl",
    ) -> str:
        self._n += 1
        card = card or f"21000000{self._n:05d}"
        with self._session() as s, s.begin():
            s.add(
                Member(
                    card_number=card,
                    pin_hash=hash_pin(pin) if pin else None,
                    given_name=given,
                    family_name=family,
                    email=email,
                    birth_date=born,
                    category_code=category,
                    home_branch="DAL",
                    expires_on=expires,
                    card_lost=lost,
                    manual_block=block,
                    history_opt_in=history,
                )
            )
        return card

    def item(
        self,
        barcode: str | None = None,
        *,
        title: str = "De avonden",
        author: str = "Gerard Reve",
        material: str = "book",
        branch: str = "DAL",
        reference: bool = False,
        attachments: int = 0,
        age: int = 0,
        note: str | None = None,
        status: ItemStatus = ItemStatus.AVAILABLE,
        record_of: str | None = None,
    ) -> str:
        self._n += 1
        barcode = barcode or f"31000000{self._n:05d}"
        with self._session() as s, s.begin():
            if record_of is not None:
                record_id = s.scalars(select(Item.record_id).where(Item.barcode == record_of)).one()
            else:
                record = Record(title=title, author=author, material=material, age_restriction=age)
                s.add(record)
                s.flush()
                record_id = record.id
            s.add(
                Item(
                    barcode=barcode,
                    record_id=record_id,
                    home_branch=branch,
                    current_branch=branch,
                    status=status.value,
                    reference_only=reference,
                    attachments=attachments,
                    note=note,
                )
            )
        return barcode

    def _ids(self, s: Session, card: str | None, barcode: str | None) -> tuple[int, int]:
        member_id = (
            s.scalars(select(Member.id).where(Member.card_number == card)).one() if card else 0
        )
        item_id = s.scalars(select(Item.id).where(Item.barcode == barcode)).one() if barcode else 0
        return member_id, item_id

    def loan(self, card: str, barcode: str, *, days_ago: int = 0, due_in: int = 21) -> None:
        now = self.clock.now()
        with self._session() as s, s.begin():
            member_id, item_id = self._ids(s, card, barcode)
            s.add(
                Loan(
                    item_id=item_id,
                    member_id=member_id,
                    branch="DAL",
                    checked_out_at=now - timedelta(days=days_ago),
                    due_at=now + timedelta(days=due_in),
                )
            )
            s.get_one(Item, item_id).status = ItemStatus.ON_LOAN.value

    def hold(
        self,
        card: str,
        barcode: str,
        *,
        pickup: str = "DAL",
        minutes_ago: int = 60,
        ready: bool = False,
    ) -> None:
        with self._session() as s, s.begin():
            member_id, item_id = self._ids(s, card, barcode)
            item = s.get_one(Item, item_id)
            hold = Hold(
                record_id=item.record_id,
                member_id=member_id,
                pickup_branch=pickup,
                placed_at=self.clock.now() - timedelta(minutes=minutes_ago),
                status=HOLD_READY if ready else HOLD_WAITING,
                item_id=item_id if ready else None,
                ready_until=(self.clock.now() + timedelta(days=7)).date() if ready else None,
            )
            s.add(hold)
            if ready:
                item.status = ItemStatus.ON_HOLD_SHELF.value

    def fee(self, card: str, cents: int, *, kind: str = "other") -> int:
        with self._session() as s, s.begin():
            member_id, _ = self._ids(s, card, None)
            fee = Fee(
                member_id=member_id, kind=kind, amount_cents=cents, created_at=self.clock.now()
            )
            s.add(fee)
            s.flush()
            return fee.id

    def link(self, viewer: str, member: str, *, consent: bool) -> None:
        with self._session() as s, s.begin():
            viewer_id, _ = self._ids(s, viewer, None)
            member_id, _ = self._ids(s, member, None)
            s.add(
                FamilyLink(
                    viewer_id=viewer_id,
                    member_id=member_id,
                    consent_at=self.clock.now() if consent else None,
                )
            )

    def query(self) -> Session:
        return self._session()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def engine(template_db: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "library.sqlite"
    shutil.copy(template_db, path)
    engine = db.make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def build(engine: Engine, clock: ManualClock) -> Builder:
    return Builder(engine, clock)


@pytest.fixture(params=["embedded", "sip2"])
def ils(request: pytest.FixtureRequest, engine: Engine, clock: ManualClock) -> LibrarySystem:
    """Every circulation rule runs twice: in-process, and through SIP2 (the real codec and
    responder on one side, ``Sip2Library`` on the other), and must give the same answers."""
    tz = ZoneInfo("Europe/Amsterdam")
    libraries: dict[str, EmbeddedLibrary] = {}

    def library_for(branch: str) -> EmbeddedLibrary:
        if branch not in libraries:
            libraries[branch] = EmbeddedLibrary(
                engine, branch=branch, clock=clock, library_name="Bibliotheek Dalfsen"
            )
        return libraries[branch]

    if request.param == "embedded":
        return library_for("DAL")
    if "no_sip2" in request.keywords:
        pytest.skip(request.node.get_closest_marker("no_sip2").args[0])
    responder = AcsResponder(library_for, library_name="Bibliotheek Dalfsen", tz=tz, now=clock.now)
    kiosk = PROFILES["kiosk"]
    link = LoopbackTransport(responder, LoopbackAccount("kiosk-1", "DAL", "DAL"), kiosk)
    return Sip2Library(link, kiosk, institution="DAL", location="DAL", tz=tz, now=clock.now)
