"""``kiosk bench offline``: passing a journal on, and noticing that the library system is gone.

Against a real ``kiosk sip2-server`` process on 127.0.0.1 serving a generated library (SQLite),
with the kiosk built from a kiosk.toml by ``kiosk.bootstrap`` exactly as ``kiosk run`` builds
it (SIP2 with the default timeouts, the offline wrapper and its journal):

- ``offline.replay``: ``entries`` journalled transactions (seven in ten loans, then returns of
  some of them), replayed to the server with the no-block flag and their own times; the time of
  the whole replay, target at most 5 s for 1,000;
- ``offline.loss_to_offline``: the server process is killed (SIGKILL) while the kiosk is
  connected and idle; the time from the kill to the kiosk's answer "recorded offline" for the
  next loan, ``losses`` times; target p95 at most 3 s.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.bench.schema import latency_result, value_result

Log = Callable[[str], None]
PASSWORD = "bench-offline"
USER = "bench-kiosk-1"


class OfflineBenchError(Exception):
    """The run could not be made (the server did not start, a replay was refused...)."""


def run(entries: int = 1000, losses: int = 5, log: Log = lambda m: None) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-offline-") as tmp:
        folder = Path(tmp)
        log(f"offline: generating a library for {entries} transactions")
        url, cards, items = lendable_library(folder, loans=max(entries, losses + 10))
        accounts = _accounts(folder)
        with _server(folder, url, accounts) as (port, _):
            seconds = _replay(folder, port, cards, items, entries, log)
        loss = [_loss(folder, url, accounts, cards, items[-(n + 1)], n, log) for n in range(losses)]
    return [
        value_result(
            "offline.replay",
            seconds,
            "s",
            target=5.0 * entries / 1000,
            target_op="<=",
            params={"entries": entries, "ils": "kiosk sip2-server on 127.0.0.1, SQLite"},
        ),
        latency_result(
            "offline.loss_to_offline",
            loss,
            "s",
            target=3.0,
            params={"losses": losses, "loss": "server process killed", "timeouts": "defaults"},
        ),
    ]


# ---------------------------------------------------------------- the library and its server
def lendable_library(
    folder: Path, *, loans: int, members: int = 400, seed: int = 11
) -> tuple[str, list[str], list[str]]:
    """A generated library in ``folder`` (SQLite): its URL, passes that may borrow, and
    ``loans`` items free to lend (no hold, fee or age limit)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from kiosk.domain.clock import ManualClock
    from kiosk.domain.types import ItemStatus
    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.defaults import install_default_policy
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ils.embedded.models import Item, Member
    from kiosk.ils.embedded.seed import seed_generated

    url = f"sqlite:///{folder / 'library.sqlite'}"
    engine = db.make_engine(url)
    now = datetime.now(UTC)
    try:
        db.upgrade(engine)
        with Session(engine) as s:
            install_default_policy(s)
            seed_generated(s, members=members, items=int(loans * 2.2) + 200, seed=seed, now=now)
            s.commit()
        lib = EmbeddedLibrary(engine, branch="DAL", clock=ManualClock(now))
        with Session(engine) as s:
            all_cards = list(s.scalars(select(Member.card_number).order_by(Member.id)))
            barcodes = list(s.scalars(select(Item.barcode).order_by(Item.id)))
        cards = []
        for card in all_cards:
            summary = lib.member_summary(card).summary
            if summary is not None and summary.can_borrow:
                cards.append(card)
        items = []
        for barcode in barcodes:
            info = lib.item_info(barcode).item
            if (
                info is not None
                and info.status is ItemStatus.AVAILABLE
                and not info.holds_count
                and info.rental_fee is None
                and not info.age_restriction
                and not info.reference_only
            ):
                items.append(barcode)
            if len(items) >= loans:
                break
    finally:
        engine.dispose()
    if len(items) < loans or len(cards) < min(20, members // 3):
        raise OfflineBenchError(
            f"the generated library has {len(items)} lendable items and {len(cards)} passes"
        )
    return url, cards, items


def _accounts(folder: Path) -> Path:
    from kiosk.ils.sip2.accounts import hash_password

    path = folder / "accounts.toml"
    path.write_text(
        "[[account]]\n"
        f'user = "{USER}"\n'
        f'password_hash = "{hash_password(PASSWORD)}"\n'
        'institution = "DAL"\nlocation = "DAL"\nprofile = "kiosk"\n',
        encoding="utf-8",
    )
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _server(folder: Path, url: str, accounts: Path) -> Iterator[tuple[int, int]]:
    """A ``kiosk sip2-server`` process on 127.0.0.1: (port, pid)."""
    port = _free_port()
    command = [sys.executable, "-m", "kiosk", "sip2-server", "--accounts", str(accounts)]
    command += ["--db", url, "--port", str(port)]
    log = (folder / f"server-{port}.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    tail = (folder / f"server-{port}.log").read_text(errors="replace")[-500:]
                    raise OfflineBenchError(f"kiosk sip2-server did not start: {tail}") from None
                time.sleep(0.05)
        yield port, server.pid
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(10)
        log.close()


def _kiosk(folder: Path, port: int, journal: Path) -> Any:
    """The kiosk's library system as ``kiosk run`` builds it from its kiosk.toml."""
    from kiosk import bootstrap
    from kiosk.config import load

    secret = folder / "sip2-password"
    secret.write_text(PASSWORD, encoding="utf-8")
    secret.chmod(0o600)  # a secret: the kiosk refuses one every user can read
    toml = folder / "kiosk.toml"
    toml.write_text(
        '[kiosk]\nbranch = "DAL"\n\n'
        f'[ils]\nkind = "sip2"\nhost = "127.0.0.1"\nport = {port}\nprofile = "kiosk"\n'
        f'user = "{USER}"\npassword_file = "{secret}"\ninstitution = "DAL"\n\n'
        f'[offline]\njournal = "{journal}"\nmax_checkouts = 50\n',
        encoding="utf-8",
    )
    return bootstrap.build_library(load(toml))


# ---------------------------------------------------------------- the measurements
def _replay(
    folder: Path, port: int, cards: list[str], items: list[str], entries: int, log: Log
) -> float:
    from kiosk.ils.offline import CHECKIN, CHECKOUT, Journal

    journal_path = folder / "replay-journal.sqlite"
    journal = Journal(journal_path)
    loans = round(entries * 0.7)
    start = datetime.now(UTC) - timedelta(hours=2)
    for n in range(loans):
        journal.add(CHECKOUT, cards[n % len(cards)], items[n], "DAL", start + timedelta(seconds=n))
    for n in range(entries - loans):
        at = start + timedelta(seconds=loans + n)
        journal.add(CHECKIN, None, items[n * loans // (entries - loans)], "DAL", at)
    journal.close()
    kiosk = _kiosk(folder, port, journal_path)
    try:
        kiosk.inner.status()  # connected and logged in, as a kiosk is when its network returns
        log(f"offline: replaying {entries} journalled transactions to kiosk sip2-server")
        started = time.perf_counter()
        report = kiosk.sync()
        seconds = time.perf_counter() - started
    finally:
        kiosk.close()
    if (report.sent, report.conflicts, report.waiting) != (entries, 0, 0):
        raise OfflineBenchError(
            f"the replay sent {report.sent} of {entries} ({report.conflicts} refused, "
            f"{report.waiting} waiting)"
        )
    return seconds


def _loss(
    folder: Path, url: str, accounts: Path, cards: list[str], item: str, n: int, log: Log
) -> float:
    from kiosk.domain.reasons import Reason

    journal = folder / f"loss-journal-{n}.sqlite"
    with _server(folder, url, accounts) as (port, pid):
        kiosk = _kiosk(folder, port, journal)
        try:
            if not kiosk.status().online or kiosk.status().offline:
                raise OfflineBenchError("the kiosk did not reach the server")
            os.kill(pid, signal.SIGKILL)
            started = time.perf_counter()
            result = kiosk.check_out(cards[n], item)
            seconds = time.perf_counter() - started
        finally:
            kiosk.close()
    if result.outcome.reason is not Reason.RECORDED_OFFLINE:
        raise OfflineBenchError(f"after the loss the kiosk said {result.outcome.reason}")
    log(f"offline: loss {n + 1}: offline after {seconds * 1000:.0f} ms")
    return seconds
