"""Two kiosks lending the same item at the same moment: exactly one succeeds.

Each kiosk has its own engine (its own connection pool), as two terminals sharing one library
database would; a barrier releases both threads together for every item. Runs on SQLite (WAL)
and on a real PostgreSQL.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kiosk.domain.reasons import Reason
from kiosk.domain.types import ItemStatus
from kiosk.ils.embedded import db
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Item, Loan, Member, Record

ITEMS = 15


def _populate(engine: Engine) -> tuple[list[str], list[str]]:
    cards = ["2100000000901", "2100000000902"]
    barcodes = [f"31000000{n:05d}" for n in range(ITEMS)]
    with Session(engine) as s, s.begin():
        for card in cards:
            s.add(
                Member(
                    card_number=card,
                    given_name="Test",
                    family_name="Lid",
                    category_code="COMPLEET",
                    home_branch="DAL",
                )
            )
        record = Record(title="Max Havelaar", author="Multatuli", material="book")
        s.add(record)
        s.flush()
        for barcode in barcodes:
            s.add(
                Item(barcode=barcode, record_id=record.id, home_branch="DAL", current_branch="DAL")
            )
    return cards, barcodes


def test_two_kiosks_checking_out_one_item_at_once_get_exactly_one_success(
    library_engine: Engine, db_url: str
) -> None:
    cards, barcodes = _populate(library_engine)
    engines = [db.make_engine(db_url) for _ in range(2)]
    kiosks = [EmbeddedLibrary(e, branch="DAL") for e in engines]
    now = datetime.now(UTC)
    try:
        for barcode in barcodes:
            barrier = threading.Barrier(2)
            results: list[tuple[int, Reason, bool]] = []
            lock = threading.Lock()

            def lend(
                k: int,
                barcode: str,
                barrier: threading.Barrier,
                results: list[tuple[int, Reason, bool]],
                lock: threading.Lock,
            ) -> None:
                barrier.wait(timeout=10)
                r = kiosks[k].check_out(cards[k], barcode, at=now)
                with lock:
                    results.append((k, r.outcome.reason, r.ok))

            threads = [
                threading.Thread(target=lend, args=(k, barcode, barrier, results, lock))
                for k in range(2)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=30)
            assert len(results) == 2, "a kiosk did not answer"
            winners = [r for r in results if r[2]]
            losers = [r for r in results if not r[2]]
            assert len(winners) == 1, results
            assert losers[0][1] is Reason.ITEM_ON_LOAN_TO_OTHER
    finally:
        for e in engines:
            e.dispose()

    with Session(library_engine) as s:
        open_loans = s.scalar(
            select(func.count()).select_from(Loan).where(Loan.returned_at.is_(None))
        )
        on_loan = s.scalar(
            select(func.count()).select_from(Item).where(Item.status == ItemStatus.ON_LOAN.value)
        )
    assert open_loans == ITEMS
    assert on_loan == ITEMS
