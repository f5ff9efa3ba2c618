"""A stack on the (fake) RFID pad, lent and returned through the session controller and the
real embedded library system; the tags' security flags (AFI) are switched on the fake tags.

Named rules: the flag changes only after the library system confirmed the item; a refused item
keeps its flag; a tag lifted in the middle of the write is asked back and switched when it
returns; a tag that needs a second read is read again; a multi-part item needs all its parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.fakes import FakeTagReader, item_tag
from hardware.iso28560 import AFI_IN_LIBRARY, AFI_ON_LOAN
from hardware.rfid import PadWatcher, Security, SecurityFlag
from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import CardPresented, Screen, StartReturns
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Item, Loan
from kiosk.ils.embedded.seed import fixture_database
from kiosk.services.rfid import pad_event
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner, QueuedRunner

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
RENE = "2100000000002"  # may borrow, no PIN
FREE = ["3100000000003", "3100000000004", "3100000000005"]  # on the shelf
HELD = "3100000000016"  # on the hold shelf for another member: refused
COURSE = "3100000000014"  # a language course with 3 CDs, each with its own tag


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Any]:
    eng = fixture_database(f"sqlite:///{tmp_path / 'library.sqlite'}", NOW)
    yield eng
    eng.dispose()


class Kiosk:
    def __init__(self, engine: Any, *, security: Security | None = None) -> None:
        self.clock = ManualClock(NOW)
        self.reader = FakeTagReader()
        # One look without a tag is enough here (the debounce has tests of its own).
        self.pad = PadWatcher(self.reader, security=security, poll_s=None, misses=1)
        self.devices = QueuedRunner()
        self.controller = SessionController(
            EmbeddedLibrary(engine, branch="DAL", clock=self.clock),
            self.clock,
            InlineRunner(),
            device_runner=self.devices,
            branch="DAL",
            rfid=self.pad,
        )
        self.pad.start(lambda tags: self.controller.dispatch(pad_event(tags)))

    def look(self) -> None:
        """The pad looks, and the device thread does its writes (until nothing is left)."""
        self.pad.poll()
        while self.devices.run_pending():
            self.pad.poll()


def on_loan(engine: Any, barcode: str) -> bool:
    with Session(engine) as s:
        item = s.scalars(select(Item).where(Item.barcode == barcode)).one()
        loan = s.scalars(
            select(Loan).where(Loan.item_id == item.id, Loan.returned_at.is_(None))
        ).one_or_none()
        return loan is not None


def test_a_stack_is_lent_and_each_flag_switched_only_for_what_was_lent(engine: Any) -> None:
    kiosk = Kiosk(engine)
    kiosk.controller.dispatch(CardPresented(RENE))
    assert kiosk.controller.view().screen is Screen.HOME
    tags = [item_tag(f"E00401000000{n:04d}", b) for n, b in enumerate([*FREE, HELD])]
    tags[1].failing_reads = 1  # at the edge of the field: read at the second look
    kiosk.reader.place(*tags)
    kiosk.look()
    kiosk.look()
    view = kiosk.controller.view()
    results = {c.item_id: (c.ok, c.security) for c in view.checkouts}
    assert results == {
        FREE[0]: (True, "done"),
        FREE[1]: (True, "done"),
        FREE[2]: (True, "done"),
        HELD: (False, ""),
    }
    assert all(on_loan(engine, b) for b in FREE) and not on_loan(engine, HELD)
    afi = {t.uid: t.afi for t in kiosk.reader.tags.values()}
    assert [afi[t.uid] for t in tags] == [AFI_ON_LOAN] * 3 + [AFI_IN_LIBRARY]


def test_a_tag_lifted_mid_write_is_asked_back_then_switched(engine: Any) -> None:
    kiosk = Kiosk(engine)
    kiosk.controller.dispatch(CardPresented(RENE))
    tag = item_tag("E004010000000001", FREE[0])
    kiosk.reader.place(tag)
    kiosk.reader.lift_on_write.add(tag.uid)
    kiosk.look()
    view = kiosk.controller.view()
    assert view.checkouts[0].ok and view.checkouts[0].security == "put_back"
    assert view.notice is not None and view.notice.reason is Reason.RFID_PUT_BACK
    assert tag.afi == AFI_IN_LIBRARY  # the gate would still sound
    kiosk.reader.place(tag)  # put back
    kiosk.look()
    assert kiosk.controller.view().checkouts[0].security == "done"
    assert tag.afi == AFI_ON_LOAN


def test_a_multi_part_item_is_lent_only_with_all_its_parts(engine: Any) -> None:
    kiosk = Kiosk(engine, security=Security(SecurityFlag.EAS))
    kiosk.controller.dispatch(CardPresented(RENE))
    discs = [item_tag(f"D{n}", COURSE, parts=3, part=n) for n in (1, 2, 3)]
    kiosk.reader.place(discs[0], discs[2])
    kiosk.look()
    view = kiosk.controller.view()
    assert view.checkouts == () and not on_loan(engine, COURSE)
    assert view.notice is not None and view.notice.reason is Reason.RFID_PARTS_MISSING
    kiosk.reader.place(discs[1])
    kiosk.look()
    assert on_loan(engine, COURSE)
    assert [d.eas for d in discs] == [False, False, False]  # EAS off on every part


def test_a_returned_stack_is_secured_again(engine: Any) -> None:
    kiosk = Kiosk(engine)
    kiosk.controller.dispatch(CardPresented(RENE))
    tags = [item_tag(f"E{n}", b) for n, b in enumerate(FREE[:2])]
    kiosk.reader.place(*tags)
    kiosk.look()
    assert all(t.afi == AFI_ON_LOAN for t in tags)
    kiosk.reader.clear()  # lifted, and put on again on the return screen
    kiosk.look()
    kiosk.controller.dispatch(StartReturns())
    kiosk.reader.place(*tags)
    kiosk.look()
    view = kiosk.controller.view()
    assert [(r.ok, r.security) for r in view.returns] == [(True, "done"), (True, "done")]
    assert all(t.afi == AFI_IN_LIBRARY for t in tags)
    assert not any(on_loan(engine, b) for b in FREE[:2])


def test_a_reader_that_vanishes_is_a_failed_device_and_the_stack_is_not_forgotten(
    engine: Any,
) -> None:
    kiosk = Kiosk(engine)
    kiosk.reader.place(item_tag("E1", FREE[0]))
    kiosk.look()
    kiosk.reader.unplug()
    assert kiosk.pad.poll() is None  # nothing known of the pad: nothing said about it
    health = kiosk.pad.health()
    assert health.state.value == "failed" and "not connected" in health.reason
    kiosk.reader.plug()
    assert kiosk.pad.poll() is None  # the same stack as before
    assert kiosk.pad.health().state.value == "ok"
