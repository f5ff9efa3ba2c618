"""The child process of ``kiosk bench sip2``: a SIP2 server and a raw TCP echo server.

Prints one JSON line (ports, test cards and items) when both listen, then serves until its
standard input closes (the parent ended or died), so it never outlives the benchmark.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.ils.port import LibrarySystem
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.server import Limits, Sip2Server

PASSWORD = "bench-password"


async def _echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
    finally:
        writer.close()


def _library(
    backend: str, db: str | None, kiosks: int, scratch: Path
) -> tuple[LibrarySystem, list[str], list[str]]:
    if backend in ("memory", "memory-threaded"):
        from kiosk.bench.memory_library import MemoryLibrary

        lib = MemoryLibrary(members=max(kiosks, 10), items=kiosks * 20)
        return lib, lib.cards, lib.barcodes
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from kiosk.ils.embedded import db as edb
    from kiosk.ils.embedded.defaults import install_default_policy
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ils.embedded.models import Item, Member
    from kiosk.ils.embedded.seed import seed_generated

    url = db or f"sqlite:///{scratch / 'sip2.sqlite'}"
    engine = edb.make_engine(url)
    edb.upgrade(engine)
    with Session(engine) as s:
        if s.scalar(select(Member.id).limit(1)) is None:
            install_default_policy(s)
            seed_generated(
                s, members=max(kiosks * 2, 100), items=kiosks * 40, now=datetime.now(UTC)
            )
            s.commit()
        candidates = list(
            s.scalars(
                select(Member.card_number)
                .where(Member.pin_hash.is_(None), Member.card_lost.is_(False))
                .order_by(Member.id)
            )
        )
        barcodes = list(
            s.scalars(
                select(Item.barcode)
                .where(Item.status == "available", Item.home_branch == "DAL")
                .order_by(Item.id)
            )
        )
    library = EmbeddedLibrary(engine, branch="DAL")
    cards = []
    for card in candidates:  # members who may borrow, with room for one more loan
        summary = library.member_summary(card).summary
        if summary and summary.can_borrow and len(summary.loans) < (summary.max_loans or 99):
            cards.append(card)
            if len(cards) == kiosks:
                break
    items = []
    for barcode in barcodes:  # items anyone may borrow without a fee or an age check
        info = library.item_info(barcode).item
        if (
            info
            and not info.rental_fee
            and not info.age_restriction
            and not info.reference_only
            and not info.holds_count
        ):
            items.append(barcode)
            if len(items) == kiosks * 20:
                break
    return library, cards, items


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        await _serve(args, Path(scratch))


async def _serve(args: argparse.Namespace, scratch: Path) -> None:
    library, cards, items = _library(args.backend, args.db, args.kiosks, scratch)
    responder = AcsResponder(
        lambda branch: library,
        tz=ZoneInfo("Europe/Amsterdam"),
        # the in-memory library never waits: answered on the event loop, unless the run is to
        # measure the worker-thread path every blocking library (the embedded ILS) takes
        blocking=args.backend != "memory",
    )
    digest = hash_password(PASSWORD)
    accounts = {
        f"kiosk-{n}": Account(f"kiosk-{n}", digest, "DAL", "DAL", encoding="utf-8")
        for n in range(args.kiosks)
    }
    server = Sip2Server(
        responder,
        accounts,
        port=0,
        limits=Limits(max_connections=args.kiosks + 16, max_unauthenticated=args.kiosks + 16),
        workers=args.workers or (1 if args.backend == "embedded" and not args.db else 8),
    )
    await server.start()
    echo = await asyncio.start_server(_echo, "127.0.0.1", 0)
    echo_port = echo.sockets[0].getsockname()[1]
    print(
        json.dumps(
            {"sip2_port": server.port, "echo_port": echo_port, "cards": cards, "items": items}
        ),
        flush=True,
    )
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    echo.close()
    await echo.wait_closed()
    await server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--backend", choices=("memory", "memory-threaded", "embedded"), default="memory"
    )
    parser.add_argument("--db", default=None)
    parser.add_argument("--kiosks", type=int, default=200)
    parser.add_argument(
        "--workers", type=int, default=0, help="responder threads (default: 1 for SQLite, else 8)"
    )
    asyncio.run(main(parser.parse_args()))
