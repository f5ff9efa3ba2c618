"""The embedded suite: circulation latency of the built-in ILS on a library of realistic size.

1. Seed an empty database (default: a temporary SQLite file in WAL mode) with the default
   Dutch policy and ``members`` x ``items`` generated data; the seeding time is a result.
2. Pick members who may borrow (no blocks, no fees, no overdue loans, adults, headroom under
   their loan limit) and items anyone may take home (available, not reference-only, no rental
   fee, no age limit; books, youth books, large print, comics, audiobooks), spread over the
   whole set and visited in a shuffled, seeded order.
3. Warm up, then time each call with ``time.perf_counter`` through the real
   ``EmbeddedLibrary`` (one kiosk at branch DAL, wall clock): ``ops`` check-outs, then
   ``ops`` member summaries of those members, then ``ops`` check-ins of those items.

Every measured call must succeed; a refusal means the bench measured the wrong path, so the
run stops and names the reasons. After seeding, SQLite's write-ahead log is checkpointed and
PostgreSQL gets ``ANALYZE`` (as autovacuum would soon do), and the connections are reopened: the
library is measured as a kiosk finds it after a restart, not in the middle of a bulk load.
"""

from __future__ import annotations

import math
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, exists, func, inspect, or_, select, text
from sqlalchemy.orm import Session

from kiosk.bench.cli import BenchError
from kiosk.bench.schema import Result, latency_result, value_result

SQLITE_P95_TARGET_MS = 5.0
BORROWABLE_MATERIALS = ("book", "youth_book", "large_print", "comic", "audiobook")
BRANCH = "DAL"
SHUFFLE_SEED = 20261125


def _nothing(_message: str) -> None:
    return None


def run(
    *,
    members: int = 50_000,
    items: int = 200_000,
    ops: int = 2_000,
    db_url: str | None = None,
    log: Callable[[str], None] = _nothing,
) -> list[Result]:
    """Seed, measure and return the suite's results (see the module docstring)."""
    from kiosk.ils.embedded import db

    tmpdir: str | None = None
    if db_url is None:
        tmpdir = tempfile.mkdtemp(prefix="kiosk-bench-")
        db_url = f"sqlite:///{Path(tmpdir) / 'library.sqlite3'}"
    try:
        try:
            engine = db.make_engine(db_url)
        except Exception as exc:  # a malformed URL or a missing driver
            raise BenchError(f"cannot use the database URL: {exc}") from exc
        try:
            return _run(engine, members=members, items=items, ops=ops, log=log)
        finally:
            engine.dispose()
    finally:
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


def _run(
    engine: Engine, *, members: int, items: int, ops: int, log: Callable[[str], None]
) -> list[Result]:
    from sqlalchemy.exc import OperationalError

    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.engine import EmbeddedLibrary

    dialect = engine.dialect.name
    try:
        _refuse_non_empty(engine)
        db.upgrade(engine)
    except OperationalError as exc:
        raise BenchError(f"cannot reach the {dialect} database: {exc.orig}") from exc

    warmup = min(100, max(5, ops // 10))
    params: dict[str, Any] = {
        "db": dialect,
        "members": members,
        "items": items,
        "ops": ops,
        "warmup": warmup,
    }
    now = datetime.now(UTC)
    log(f"seeding {members} members and {items} items into {dialect}")
    seconds = _seed(engine, members=members, items=items, now=now)
    log(f"seeded in {seconds:.1f} s")
    results: list[Result] = [value_result("embedded.seed", seconds, "s", params=params)]

    cards, barcodes = _pick(engine, now=now, count=ops + warmup)
    library = EmbeddedLibrary(engine, branch=BRANCH)
    warm_cards, cards = cards[:warmup], cards[warmup:]
    warm_items, barcodes = barcodes[:warmup], barcodes[warmup:]

    log(f"warming up with {warmup} loans")
    for card, barcode in zip(warm_cards, warm_items, strict=True):
        _expect("warm-up check_out", [library.check_out(card, barcode).outcome])
        _expect("warm-up member_summary", [library.member_summary(card).outcome])
        _expect("warm-up check_in", [library.check_in(barcode, location=BRANCH).outcome])

    log(f"measuring {ops} check-outs, summaries and check-ins")
    out_samples: list[float] = []
    outcomes = []
    started = time.perf_counter()
    for card, barcode in zip(cards, barcodes, strict=True):
        t0 = time.perf_counter()
        checkout = library.check_out(card, barcode)
        out_samples.append(time.perf_counter() - t0)
        outcomes.append(checkout.outcome)
    out_wall = time.perf_counter() - started
    _expect("check_out", outcomes)

    summary_samples: list[float] = []
    outcomes = []
    for card in cards:
        t0 = time.perf_counter()
        summary = library.member_summary(card)
        summary_samples.append(time.perf_counter() - t0)
        outcomes.append(summary.outcome)
    _expect("member_summary", outcomes)

    in_samples: list[float] = []
    outcomes = []
    for barcode in barcodes:
        t0 = time.perf_counter()
        checkin = library.check_in(barcode, location=BRANCH)
        in_samples.append(time.perf_counter() - t0)
        outcomes.append(checkin.outcome)
    _expect("check_in", outcomes)

    target = SQLITE_P95_TARGET_MS if dialect == "sqlite" else None
    results += [
        latency_result("embedded.check_out", out_samples, target=target, params=params),
        latency_result("embedded.check_in", in_samples, target=target, params=params),
        latency_result("embedded.member_summary", summary_samples, params=params),
        value_result("embedded.check_out_rate", ops / out_wall, "ops/s", params=params),
    ]
    return results


def _refuse_non_empty(engine: Engine) -> None:
    """The bench writes thousands of rows: never into a database that holds a library."""
    from kiosk.ils.embedded.models import Member

    if not inspect(engine).has_table(Member.__tablename__):
        return
    with Session(engine) as s:
        if s.scalar(select(Member.id).limit(1)) is not None:
            raise BenchError(
                "the database already holds members; give an empty database to --db "
                "(the bench fills it with generated data)"
            )


def _seed(engine: Engine, *, members: int, items: int, now: datetime) -> float:
    from kiosk.ils.embedded.defaults import install_default_policy
    from kiosk.ils.embedded.seed import seed_generated

    t0 = time.perf_counter()
    with Session(engine) as s:
        install_default_policy(s)
        seed_generated(s, members=members, items=items, now=now)
        s.commit()
    seconds = time.perf_counter() - t0
    # Measure the library as a kiosk finds it after a restart, not mid-bulk-load: SQLite folds
    # the seeding's write-ahead log back into the database (a WAL of hundreds of megabytes
    # slows every read), PostgreSQL gets the planner statistics autovacuum would gather.
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # outside any transaction, so the checkpoint completes
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()
    elif engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    engine.dispose()
    return seconds


def _pick(engine: Engine, *, now: datetime, count: int) -> tuple[list[str], list[str]]:
    """``count`` cards (may repeat, within loan limits) and ``count`` distinct barcodes."""
    from kiosk.ils.embedded.models import Fee, Item, Loan, LoanRule, Member, MemberCategory, Record

    with Session(engine) as s:
        open_loans = (
            select(Loan.member_id, func.count().label("n"))
            .where(Loan.returned_at.is_(None), Loan.member_id.is_not(None))
            .group_by(Loan.member_id)
            .subquery()
        )
        overdue = exists().where(
            Loan.member_id == Member.id, Loan.returned_at.is_(None), Loan.due_at < now
        )
        fees = exists().where(Fee.member_id == Member.id, Fee.settled.is_(False))
        headroom = MemberCategory.max_loans - func.coalesce(open_loans.c.n, 0)
        member_rows = s.execute(
            select(Member.card_number, headroom)
            .join(MemberCategory, Member.category_code == MemberCategory.code)
            .outerjoin(open_loans, open_loans.c.member_id == Member.id)
            .where(
                Member.category_code != "JEUGD",
                MemberCategory.youth.is_(False),
                Member.manual_block.is_(None),
                Member.card_lost.is_(False),
                Member.pin_locked.is_(False),
                or_(
                    Member.expires_on.is_(None),
                    Member.expires_on > (now + timedelta(days=2)).date(),
                ),
                ~overdue,
                ~fees,
                headroom > 0,
            )
            .order_by(Member.id)
        ).all()

        materials = s.scalars(
            select(LoanRule.material).where(
                LoanRule.category.is_(None),
                LoanRule.loanable.is_(True),
                LoanRule.rental_cents == 0,
                LoanRule.material.in_(BORROWABLE_MATERIALS),
            )
        ).all()
        on_loan = exists().where(Loan.item_id == Item.id, Loan.returned_at.is_(None))
        barcodes = s.scalars(
            select(Item.barcode)
            .join(Record, Item.record_id == Record.id)
            .where(
                Item.status == "available",
                Item.reference_only.is_(False),
                Record.material.in_(materials),
                Record.age_restriction == 0,
                ~on_loan,
            )
            .order_by(Item.id)
        ).all()

    if len(barcodes) < count:
        raise BenchError(
            f"only {len(barcodes)} borrowable items in the seeded library; {count} needed "
            "(lower --ops or raise --items)"
        )
    if not member_rows:
        raise BenchError("no member in the seeded library may borrow")
    rng = random.Random(SHUFFLE_SEED)
    chosen_items = _spread(list(barcodes), count)
    rng.shuffle(chosen_items)

    # As many different members as possible; each borrows at most its headroom.
    k = min(len(member_rows), count)
    per_member = math.ceil(count / k)
    able = [card for card, room in member_rows if room >= per_member]
    if len(able) * per_member < count:
        raise BenchError(
            f"not enough members who may borrow {per_member} more items each "
            "(lower --ops or raise --members)"
        )
    chosen_members = _spread(able, math.ceil(count / per_member))
    cards = [card for card in chosen_members for _ in range(per_member)][:count]
    rng.shuffle(cards)
    return cards, chosen_items


def _spread(values: list[str], count: int) -> list[str]:
    """``count`` values evenly spaced over the whole list (not just its beginning)."""
    n = len(values)
    return [values[i * n // count] for i in range(count)]


def _expect(what: str, outcomes: list[Any]) -> None:
    refusals = Counter(str(o.reason) for o in outcomes if not o.ok)
    if refusals:
        listed = ", ".join(f"{reason} x{n}" for reason, n in refusals.most_common())
        raise BenchError(f"{what} refused {sum(refusals.values())} of {len(outcomes)}: {listed}")
