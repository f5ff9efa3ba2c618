"""``kiosk library ...``: set up, fill, inspect and clean the embedded library system.

Output is anonymous: counts, never names, card numbers or e-mail addresses. Expected errors (a
bad URL, a database not initialised, problems in an import file) are printed one per line on
stderr and give exit code 1, without a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from kiosk.ils.embedded import db
from kiosk.ils.embedded.models import ACTIVE_HOLD_STATES, Fee, Hold, Item, Loan, Member

EXIT_OK = 0
EXIT_ERROR = 1

_Handler = Callable[[argparse.Namespace], int]


class _CommandError(Exception):
    """An expected failure; each line of ``lines`` goes to stderr as is."""

    def __init__(self, *lines: str) -> None:
        super().__init__(lines[0] if lines else "")
        self.lines = lines


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``library`` and its sub-commands to the ``kiosk`` command line."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: [ils] url of --config, else the demo database)",
    )
    common.add_argument("--config", metavar="FILE", type=Path, help="kiosk.toml to read")
    common.add_argument("--quiet", action="store_true", help="print only errors")

    library = sub.add_parser(
        "library",
        help="the embedded library system: init, seed, import, stats, purge",
        description="Set up and manage the embedded library system.",
    )
    commands = library.add_subparsers(dest="library_command", required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init", parents=[common], help="create or upgrade the schema and add the default policy"
    )
    init.set_defaults(handler=_guard(_init))

    seed = commands.add_parser(
        "seed", parents=[common], help="fill an empty database with demo fixtures and data"
    )
    seed.add_argument("--members", type=_count, default=2000, metavar="N")
    seed.add_argument("--items", type=_count, default=10000, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S", help="random seed")
    seed.set_defaults(handler=_guard(_seed))

    imp = commands.add_parser(
        "import",
        parents=[common],
        help="import members or items (CSV) or catalogue records (MARC); all or nothing",
        description="Import a file; see docs/import.md for the formats.",
    )
    imp.add_argument("kind", choices=("members", "items", "marc"))
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--branch", metavar="CODE", help="marc: branch for holdings that name none")
    imp.add_argument(
        "--age-field",
        default="521$a",
        metavar="TAG$C",
        help="marc: field holding the age restriction (default 521$a)",
    )
    imp.set_defaults(handler=_guard(_import))

    stats = commands.add_parser("stats", parents=[common], help="anonymous counts")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=_guard(_stats))

    purge = commands.add_parser(
        "purge", parents=[common], help="delete or anonymise data past its retention term"
    )
    purge.set_defaults(handler=_guard(_purge))


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _guard(handler: _Handler) -> _Handler:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except _CommandError as exc:
            for line in exc.lines:
                print(line, file=sys.stderr)
            return EXIT_ERROR

    run.__doc__ = handler.__doc__
    return run


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


# ------------------------------------------------------------------------------ database


def _database_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    from kiosk import config

    if args.config is not None:
        try:
            return config.load(args.config).ils.url
        except config.ConfigError as exc:
            raise _CommandError(f"kiosk library: {exc}") from None
    return config.DEFAULT_DEMO_DB


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"


def _engine(args: argparse.Namespace, *, must_exist: bool) -> Engine:
    url = _database_url(args)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise _CommandError(
            "kiosk library: --db: not a database URL (e.g. sqlite:///var/library.sqlite or "
            "postgresql://user@host/library)"
        ) from None
    if must_exist and parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:" and not Path(path).exists():
            raise _CommandError(
                f"kiosk library: no database at {path}; create it with "
                f"'kiosk library init --db {_shown(url)}'"
            )
    try:
        engine = db.make_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise _CommandError(f"kiosk library: --db {_shown(url)}: {exc}") from None
    if must_exist:
        try:
            initialised = db.is_initialised(engine)
        except OperationalError as exc:
            raise _CommandError(
                f"kiosk library: cannot open the database at {_shown(url)}: {exc.orig}"
            ) from None
        if not initialised:
            raise _CommandError(
                f"kiosk library: the database at {_shown(url)} is not initialised; run "
                f"'kiosk library init --db {_shown(url)}' first"
            )
    return engine


@contextmanager
def _session(engine: Engine, url: str) -> Iterator[Session]:
    try:
        with db.session_factory(engine)() as session, session.begin():
            yield session
    except OperationalError as exc:
        raise _CommandError(f"kiosk library: database error at {_shown(url)}: {exc.orig}") from None
    finally:
        engine.dispose()


# ------------------------------------------------------------------------------ commands


def _init(args: argparse.Namespace) -> int:
    """Create or upgrade the schema, then add the default policy where missing."""
    from kiosk.ils.embedded.defaults import install_default_policy

    engine = _engine(args, must_exist=False)
    url = _database_url(args)
    try:
        db.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise _CommandError(
            f"kiosk library: cannot open the database at {_shown(url)}: {exc.orig}"
        ) from None
    with _session(engine, url) as session:
        install_default_policy(session)
    _say(args, f"Database ready at {_shown(url)}.")
    return EXIT_OK


def _seed(args: argparse.Namespace) -> int:
    from kiosk.ils.embedded.fixtures import FIXTURE_ITEMS, FIXTURES
    from kiosk.ils.embedded.seed import SeedError, seed

    engine = _engine(args, must_exist=True)
    url = _database_url(args)
    started = time.perf_counter()
    try:
        with _session(engine, url) as session:
            seed(session, members=args.members, items=args.items, seed=args.seed)
    except SeedError as exc:
        raise _CommandError(f"kiosk library seed: {exc}") from None
    db.settle(_engine(args, must_exist=True))
    seconds = time.perf_counter() - started
    _say(
        args,
        f"Seeded {len(FIXTURES)} fixture members and {len(FIXTURE_ITEMS)} fixture items "
        f"(see docs/demo-data.md), {args.members} members and {args.items} items generated "
        f"with seed {args.seed}, in {seconds:.1f} s.",
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from kiosk.ils.embedded.importer import (
        ImportFailed,
        ImportReport,
        import_items_csv,
        import_marc,
        import_members_csv,
    )

    engine = _engine(args, must_exist=True)
    url = _database_url(args)
    report: ImportReport
    try:
        with _session(engine, url) as session:
            if args.kind == "members":
                report = import_members_csv(session, args.file)
            elif args.kind == "items":
                report = import_items_csv(session, args.file)
            else:
                try:
                    report = import_marc(
                        session, args.file, default_branch=args.branch, age_field=args.age_field
                    )
                except ValueError as exc:
                    raise _CommandError(f"kiosk library import: --age-field: {exc}") from None
    except ImportFailed as exc:
        count = len(exc.problems)
        raise _CommandError(
            *(str(problem) for problem in exc.problems),
            f"kiosk library import: {count} problem{'s' if count != 1 else ''}; "
            "nothing was imported",
        ) from None
    db.settle(_engine(args, must_exist=True))
    _say(args, report.summary())
    return EXIT_OK


def collect_stats(session: Session, now: datetime) -> dict[str, Any]:
    """Anonymous counts of the library's data (no names, no card numbers)."""
    items_by_status: dict[str, int] = {
        row.status: row.n
        for row in session.execute(
            select(Item.status, func.count().label("n")).group_by(Item.status).order_by(Item.status)
        )
    }
    holds_by_status: dict[str, int] = {
        row.status: row.n
        for row in session.execute(
            select(Hold.status, func.count().label("n"))
            .where(Hold.status.in_(ACTIVE_HOLD_STATES))
            .group_by(Hold.status)
            .order_by(Hold.status)
        )
    }
    open_loans = Loan.returned_at.is_(None)
    return {
        "members": session.scalar(select(func.count()).select_from(Member)) or 0,
        "items": sum(items_by_status.values()),
        "items_by_status": items_by_status,
        "open_loans": session.scalar(select(func.count()).where(open_loans)) or 0,
        "overdue_loans": session.scalar(select(func.count()).where(open_loans, Loan.due_at < now))
        or 0,
        "active_holds": sum(holds_by_status.values()),
        "holds_by_status": holds_by_status,
        "open_fees": session.scalar(select(func.count()).where(Fee.settled.is_(False))) or 0,
        "open_fees_cents": int(
            session.scalar(
                select(func.coalesce(func.sum(Fee.amount_cents - Fee.paid_cents), 0)).where(
                    Fee.settled.is_(False)
                )
            )
            or 0
        ),
    }


def _stats(args: argparse.Namespace) -> int:
    engine = _engine(args, must_exist=True)
    with _session(engine, _database_url(args)) as session:
        stats = collect_stats(session, datetime.now(UTC))
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
        return EXIT_OK
    print(f"members          {stats['members']}")
    print(f"items            {stats['items']}")
    for status, count in stats["items_by_status"].items():
        print(f"  {status:<15}{count}")
    print(f"open loans       {stats['open_loans']}")
    print(f"overdue loans    {stats['overdue_loans']}")
    print(f"active holds     {stats['active_holds']}")
    for status, count in stats["holds_by_status"].items():
        print(f"  {status:<15}{count}")
    cents = stats["open_fees_cents"]
    print(f"open fees        {stats['open_fees']} (EUR {cents // 100}.{cents % 100:02d})")
    return EXIT_OK


def _purge(args: argparse.Namespace) -> int:
    engine = _engine(args, must_exist=True)
    try:
        # Imported here, not at the top: only purge needs it.
        retention = importlib.import_module("kiosk.ils.embedded.retention")
    except ModuleNotFoundError as exc:
        if exc.name != "kiosk.ils.embedded.retention":
            raise
        raise _CommandError("kiosk library purge: not available in this version") from None
    with _session(engine, _database_url(args)) as session:
        result = retention.purge(session, datetime.now(UTC))
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        for name, value in dataclasses.asdict(result).items():
            _say(args, f"{name.replace('_', ' '):<28}{value}")
    else:
        _say(args, f"purged: {result}")
    return EXIT_OK
