"""Kill -9 a kiosk at random moments in a storm of transactions: nothing it promised is lost,
nothing is done twice (issue 7, "crash safety"; docs/offline.md).

A child process (offline_crash_child.py) lends and returns items through the offline wrapper
while its network comes and goes; every transaction a member would have been told was done is
printed as it is acknowledged. The test kills the child with SIGKILL after a random number of
acknowledgements, or a few milliseconds into the replay of its journal when the network is
back; starts it again on the same journal (it syncs first, as a restarted kiosk does), kills
it again, and so on; then lets a last one sync. Then every acknowledged loan is open in the
library system (or returned by an acknowledged return, or by one under way at a kill); every
acknowledged return is no longer on loan; no item was lent twice or renewed; no replay was
refused; and the journal is empty. Once on the embedded library system, once over SIP2 (a SIP2
server on 127.0.0.1 in this process, serving the same database).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kiosk.bench.offline import lendable_library
from kiosk.ils.embedded import db
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Item, Loan, Member
from kiosk.ils.offline import Journal

CHILD = Path(__file__).with_name("offline_crash_child.py")
ROUNDS = 6
NOW = datetime.now(UTC)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[str, Engine, list[str], list[str]]]:
    url, members, items = lendable_library(tmp_path, loans=360, members=60, seed=7)
    engine = db.make_engine(url)
    yield url, engine, members[:30], items
    engine.dispose()


@dataclass
class Promises:
    lent: list[tuple[str, str]] = field(default_factory=list)
    returned: set[str] = field(default_factory=set)
    #: returns under way when a kiosk was killed: done or not, both are right
    maybe_returned: set[str] = field(default_factory=set)


def _storm(
    tmp_path: Path, url: str, members: list[str], items: list[str], port: int | None
) -> Promises:
    cards_file = tmp_path / "cards.txt"
    cards_file.write_text("\n".join(members))
    journal = tmp_path / "journal.sqlite"
    promises = Promises()
    rng = random.Random(20261125)
    share = len(items) // ROUNDS
    for round_ in range(ROUNDS + 1):
        last = round_ == ROUNDS
        # Each kiosk lends items no earlier one touched: what it was doing when killed is
        # then its own.
        if last:  # the kiosk after the last crash: it syncs, and that is all
            items_file = Path("-")
        else:
            items_file = tmp_path / f"items-{round_}.txt"
            items_file.write_text("\n".join(items[round_ * share : (round_ + 1) * share]))
        args = [sys.executable, str(CHILD), url, str(journal), str(round_)]
        args += [str(cards_file), str(items_file)]
        if port is not None:
            args.append(str(port))
        child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, bufsize=1)
        lines = _Lines(child)
        tried: set[str] = set()
        try:
            assert lines.next(time.monotonic() + 60) == "READY", "the child did not start"
            if last:
                assert child.wait(60) == 0
                break
            kill_after = rng.randint(5, 40)
            acks = 0
            deadline = time.monotonic() + 60
            while acks < kill_after and (line := lines.next(deadline)) is not None:
                if line == "SYNCING" and rng.random() < 0.6:
                    time.sleep(rng.uniform(0.0, 0.04))  # somewhere in the replay
                    break
                acks += _heard(line, promises, tried)
            os.kill(child.pid, signal.SIGKILL)  # mid-whatever it was doing
            # What it said before it died was said to a member.
            while (line := lines.next(time.monotonic() + 10)) is not None:
                _heard(line, promises, tried)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(30)
        promises.maybe_returned |= tried
    return promises


class _Lines:
    """The child's lines, read on a thread of their own: waiting for one has a deadline."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        assert child.stdout is not None
        self._queue: queue.Queue[str | None] = queue.Queue()
        stream = child.stdout

        def read() -> None:
            for line in stream:
                self._queue.put(line.strip())
            self._queue.put(None)  # the end
            stream.close()

        threading.Thread(target=read, daemon=True).start()

    def next(self, deadline: float) -> str | None:
        """The next line; None at the end, or when the deadline passes."""
        try:
            return self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None


def _heard(line: str, promises: Promises, tried: set[str]) -> bool:
    """Take one line of the child's; True for an acknowledgement."""
    words = line.split()
    if words[:2] == ["ACK", "checkout"]:
        promises.lent.append((words[2], words[3]))
        return True
    if words[:2] == ["TRY", "checkin"]:
        tried.add(words[2])
    elif words[:2] == ["ACK", "checkin"]:
        promises.returned.add(words[2])
        tried.discard(words[2])
        return True
    return False


def _check(engine: Engine, journal: Path, promises: Promises) -> None:
    assert len(promises.lent) >= ROUNDS * 3, "the storm lent too little to mean anything"
    j = Journal(journal)
    try:
        assert j.depth() == 0, "the last kiosk synced everything"
        assert j.conflicts() == [], "every item was free to lend: no replay may be refused"
    finally:
        j.close()
    with Session(engine) as s:
        for card, barcode in promises.lent:
            item = s.scalars(select(Item).where(Item.barcode == barcode)).one()
            loans = s.scalars(select(Loan).where(Loan.item_id == item.id)).all()
            assert len(loans) == 1, f"{barcode}: {len(loans)} loans for one promised"
            [loan] = loans
            assert loan.renewals == 0, f"{barcode} renewed by a replay"
            if loan.returned_at is None:  # (a returned loan forgets its member: P8)
                owner = s.get(Member, loan.member_id)
                assert owner is not None and owner.card_number == card, barcode
            if barcode in promises.returned:
                assert loan.returned_at is not None, f"the promised return of {barcode} is lost"
            elif barcode not in promises.maybe_returned:
                assert loan.returned_at is None, f"{barcode} returned though nobody returned it"


def test_kill_9_in_a_storm_on_the_embedded_library_loses_nothing_and_doubles_nothing(
    tmp_path: Path, library: tuple[str, Engine, list[str], list[str]]
) -> None:
    url, engine, members, items = library
    promises = _storm(tmp_path, url, members, items, port=None)
    _check(engine, tmp_path / "journal.sqlite", promises)


def test_kill_9_in_a_storm_over_sip2_loses_nothing_and_doubles_nothing(
    tmp_path: Path, library: tuple[str, Engine, list[str], list[str]]
) -> None:
    from kiosk.ils.sip2.accounts import Account, hash_password
    from kiosk.ils.sip2.acs import AcsResponder
    from kiosk.ils.sip2.server import Sip2Server, run_in_thread

    url, engine, members, items = library

    def library_for(branch: str) -> Any:
        from kiosk.domain.clock import SystemClock

        return EmbeddedLibrary(engine, branch=branch, clock=SystemClock())

    tz = ZoneInfo("Europe/Amsterdam")
    responder = AcsResponder(library_for, library_name="Bibliotheek Dalfsen", tz=tz)
    account = Account("crash-1", hash_password("s3cret", n=2**10), "DAL", "DAL", encoding="utf-8")
    server = Sip2Server(responder, {account.user: account}, port=0)
    with run_in_thread(server) as port:
        promises = _storm(tmp_path, url, members, items, port=port)
    _check(engine, tmp_path / "journal.sqlite", promises)
