"""A kiosk's library calls in a storm, for test_offline_crash.py to kill -9 at random moments.

Run as ``python offline_crash_child.py DB_URL JOURNAL SEED CARDS ITEMS [SIP2_PORT]`` (CARDS and
ITEMS: files with one pass or barcode a line, that may borrow and be lent; ITEMS ``-``: sync the
journal and stop, as the kiosk after the last crash). It wraps the
library system (the embedded one on ``DB_URL``, or a ``kiosk sip2-server`` on 127.0.0.1:PORT) in
the offline wrapper with its journal, pulls and pushes the plug in a pseudo-random rhythm, and
lends and returns items. When the network comes back with a journal to replay it prints
``SYNCING``, so that the test can aim its kill at a replay. After each transaction a member
would be told was done it prints one line, ``ACK checkout CARD ITEM`` or ``ACK checkin ITEM``,
flushed: the promise the test then holds the kiosk to. Before a return it prints ``TRY checkin
ITEM``: killed before the ``ACK``, that return may or may not have happened. Each item of ITEMS
is lent at most once, so the outcome is plain.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.clock import SystemClock
from kiosk.ils.offline import Journal, OfflineLibrary, OfflinePolicy
from kiosk.ils.port import IlsUnavailable


class Plug:
    """The library system, with a network that comes and goes and takes 2 ms a call; now and
    then it loses an answer after the library system did what it was asked."""

    def __init__(self, inner: Any, rng: random.Random) -> None:
        self.inner = inner
        self.plugged = True
        self.rng = rng

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            if not self.plugged:
                raise IlsUnavailable("unplugged (crash test)")
            time.sleep(0.002)
            answer = method(*args, **kwargs)
            if name in ("check_out", "check_in") and self.rng.random() < 0.05:
                raise IlsUnavailable("answer lost (crash test)", maybe_done=True)
            return answer

        return call


def _library(db_url: str, sip2_port: int | None) -> Any:
    if sip2_port is None:
        from kiosk.ils.embedded import db
        from kiosk.ils.embedded.engine import EmbeddedLibrary

        return EmbeddedLibrary(db.make_engine(db_url), branch="DAL", clock=SystemClock())
    from zoneinfo import ZoneInfo

    from kiosk.ils.sip2.library import Sip2Library
    from kiosk.ils.sip2.profiles import PROFILES
    from kiosk.ils.sip2.transport import Credentials, Endpoint, Sip2Connection

    tz = ZoneInfo("Europe/Amsterdam")
    profile = PROFILES["kiosk"]
    connection = Sip2Connection(
        Endpoint("127.0.0.1", sip2_port),
        profile,
        Credentials("crash-1", "s3cret", "DAL"),
        timeout=10,
        tz=tz,
    )
    return Sip2Library(connection, profile, institution="DAL", location="DAL", tz=tz)


def main() -> None:
    db_url, journal_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cards = Path(sys.argv[4]).read_text().split()
    items = [] if sys.argv[5] == "-" else Path(sys.argv[5]).read_text().split()
    sip2_port = int(sys.argv[6]) if len(sys.argv) > 6 else None
    rng = random.Random(seed)
    plug = Plug(_library(db_url, sip2_port), random.Random(seed + 1000))
    journal = Journal(Path(journal_path))
    kiosk = OfflineLibrary(
        plug, journal, SystemClock(), policy=OfflinePolicy(max_checkouts=50), location="DAL"
    )
    # What the last run left, first (it may have died half way); a kiosk retries at every
    # status check, here at once (answers get lost now and then).
    for _ in range(100):
        if kiosk.sync().waiting == 0:
            break
    print("READY", flush=True)
    lent: list[str] = []
    item = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and item < len(items):
        if rng.random() < 0.08:
            plug.plugged = not plug.plugged  # the network comes and goes
            if plug.plugged and journal.depth():
                print("SYNCING", flush=True)  # the next call replays the journal first
        if lent and rng.random() < 0.3:
            barcode = lent.pop(rng.randrange(len(lent)))
            print(f"TRY checkin {barcode}", flush=True)
            back = kiosk.check_in(barcode, location="DAL", at=datetime.now(UTC))
            if back.ok:
                print(f"ACK checkin {barcode}", flush=True)
            continue
        card = rng.choice(cards)
        barcode = items[item]
        item += 1
        result = kiosk.check_out(card, barcode, no_block=False)
        if result.ok:
            lent.append(barcode)
            print(f"ACK checkout {card} {barcode}", flush=True)


if __name__ == "__main__":
    main()
