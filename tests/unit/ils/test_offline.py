"""Offline store and forward (``kiosk.ils.offline``) over the real embedded library system.

The library system is "unplugged" by a wrapper that raises :class:`IlsUnavailable` for every
call, as a SIP2 connection does when nobody answers. What was promised offline must reach the
library system once it is back, in order, at its original time, once, and then be gone from
the kiosk (PRIVACY.md P6).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.models import Item, Loan
from kiosk.ils.embedded.seed import seed_fixtures
from kiosk.ils.offline import (
    CHECKIN,
    CHECKOUT,
    Journal,
    JournalError,
    OfflineLibrary,
    OfflinePolicy,
)
from kiosk.ils.port import IlsUnavailable

START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
RENE = "2100000000002"  # no PIN, may borrow
CHLOE, CHLOE_PIN = "2100000000001", "1234"  # has a PIN
MAX_HAVELAAR, DE_AANSLAG = "3100000000004", "3100000000005"
DE_AVONDEN = "3100000000003"
GRAND_HOTEL = "3100000000001"  # René's loan


class Plug:
    """The library system, with a plug to pull: unplugged, every call raises."""

    def __init__(self, inner: EmbeddedLibrary) -> None:
        self.inner = inner
        self.plugged = True
        #: the library system does what it is asked, and the answer is lost on the way back
        self.answers_lost = False
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            if not self.plugged:
                raise IlsUnavailable("127.0.0.1:6001 did not answer (test)")
            answer = method(*args, **kwargs)
            if self.answers_lost:
                raise IlsUnavailable("127.0.0.1:6001: no answer in 3 s (test)", maybe_done=True)
            return answer

        return call


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def engine(tmp_path: Path, clock: ManualClock) -> Iterator[Any]:
    eng = db.make_engine(f"sqlite:///{tmp_path / 'library.sqlite'}")
    db.upgrade(eng)
    with Session(eng) as s:
        install_default_policy(s)
        seed_fixtures(s, clock.now())
        s.commit()
    yield eng
    eng.dispose()


@pytest.fixture
def plug(engine: Any, clock: ManualClock) -> Plug:
    return Plug(EmbeddedLibrary(engine, branch="DAL", clock=clock))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "kiosk" / "offline-journal.sqlite")
    yield j
    j.close()


def _offline(plug: Plug, journal: Journal, clock: ManualClock, **policy: Any) -> OfflineLibrary:
    return OfflineLibrary(
        plug,  # type: ignore[arg-type]
        journal,
        clock,
        policy=OfflinePolicy(**policy),
        location="DAL",
    )


def _loan(engine: Any, barcode: str) -> Loan | None:
    with Session(engine) as s:
        item = s.scalars(select(Item).where(Item.barcode == barcode)).one()
        return s.scalars(
            select(Loan).where(Loan.item_id == item.id, Loan.returned_at.is_(None))
        ).one_or_none()


def test_while_the_library_system_answers_everything_goes_straight_through(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    assert lib.status().online and not lib.status().offline
    assert lib.identify(RENE).ok
    result = lib.check_out(RENE, MAX_HAVELAAR)
    assert result.ok and result.outcome.reason is Reason.OK and result.title == "Max Havelaar"
    assert journal.depth() == 0
    assert _loan(engine, MAX_HAVELAAR) is not None


def test_a_loan_promised_offline_reaches_the_library_system_at_its_own_time_once(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    status = lib.status()
    assert (status.online, status.offline, status.renewal_ok) == (True, True, False)
    who = lib.identify(RENE)
    assert who.ok and who.outcome.reason is Reason.OFFLINE_MODE
    assert who.name is not None and who.name.given == ""  # nobody could say who it is
    summary = lib.member_summary(RENE)
    assert summary.outcome.reason is Reason.OFFLINE_MODE
    assert summary.outcome.params["limit"] == "5"
    promised = clock.now()
    lent = lib.check_out(RENE, MAX_HAVELAAR)
    assert lent.ok and lent.outcome.reason is Reason.RECORDED_OFFLINE
    assert journal.depth() == 1 and _loan(engine, MAX_HAVELAAR) is None

    clock.advance(3600)
    plug.plugged = True
    assert not lib.status().offline  # the status check syncs first
    assert journal.depth() == 0
    loan = _loan(engine, MAX_HAVELAAR)
    assert loan is not None
    assert loan.checked_out_at.astimezone(UTC) == promised  # not the time of the replay
    lib.sync()
    assert plug.calls.count("check_out") == 2  # the refused first try offline, and the replay


def test_new_calls_wait_behind_the_journal_so_order_is_kept(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    lib.check_out(RENE, MAX_HAVELAAR)
    clock.advance(60)
    back = lib.check_in(MAX_HAVELAAR, location="DAL")
    assert back.ok and back.outcome.reason is Reason.RECORDED_OFFLINE
    assert [e.kind for e in journal.entries()] == [CHECKOUT, CHECKIN]
    plug.plugged = True
    clock.advance(60)
    again = lib.check_out(RENE, DE_AANSLAG)  # the journal goes first, then this
    assert again.ok and again.outcome.reason is Reason.OK
    assert _loan(engine, MAX_HAVELAAR) is None  # lent, then returned: in that order
    assert _loan(engine, DE_AANSLAG) is not None
    assert journal.depth() == 0


def test_offline_lending_stops_at_the_policys_limit_per_pass(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock, max_checkouts=2)
    plug.plugged = False
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    assert lib.check_out(RENE, DE_AANSLAG).ok
    third = lib.check_out(RENE, DE_AVONDEN)
    assert not third.ok and third.outcome.reason is Reason.OFFLINE_LIMIT_REACHED
    assert third.outcome.params["limit"] == "2"
    assert lib.member_summary(RENE).outcome.params["limit"] == "0"
    # The same item scanned twice is one loan, not two.
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    assert journal.depth() == 2
    # Another pass has its own limit.
    assert lib.check_out(CHLOE, DE_AVONDEN).ok


def test_a_number_that_is_no_pass_is_refused_offline_and_a_pin_cannot_be_checked(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock, card_check=lambda n: n.startswith("21") and len(n) == 13)
    plug.plugged = False
    refused = lib.identify("9999")
    assert not refused.ok and refused.outcome.reason is Reason.INVALID_CARD_NUMBER
    # Nobody can check a PIN offline: the pass alone, with the offline limit.
    assert lib.identify(CHLOE).outcome.reason is Reason.OFFLINE_MODE


def test_renewals_and_lookups_wait_for_the_library_system(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    assert lib.renew(RENE, GRAND_HOTEL).outcome.reason is Reason.OFFLINE_NOT_POSSIBLE
    assert lib.renew_all(RENE).outcome.reason is Reason.OFFLINE_NOT_POSSIBLE
    with pytest.raises(IlsUnavailable):
        lib.item_info(MAX_HAVELAAR)
    lib.end_session(RENE)  # nothing to release, and no error
    assert journal.depth() == 0


def test_returns_only_when_the_policy_allows_them(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock, returns=False)
    plug.plugged = False
    back = lib.check_in(GRAND_HOTEL, location="DAL")
    assert not back.ok and back.outcome.reason is Reason.OFFLINE_NOT_POSSIBLE
    assert journal.depth() == 0


def test_a_replay_the_library_system_refuses_is_a_conflict_for_staff_without_the_card(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    assert lib.check_out(RENE, "3100000000999").ok  # nobody can tell offline it is unknown
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    plug.plugged = True
    report = lib.sync()
    assert (report.sent, report.conflicts, report.waiting) == (1, 1, 0)
    [conflict] = journal.conflicts()
    assert (conflict.kind, conflict.item, conflict.reason) == (
        CHECKOUT,
        "3100000000999",
        Reason.ITEM_UNKNOWN.value,
    )
    assert RENE not in repr(conflict)
    assert _loan(engine, MAX_HAVELAAR) is not None  # the one after it still went through
    journal.resolve(conflict.id)
    assert journal.conflicts() == []


def test_after_a_crash_mid_send_a_replay_never_lends_or_returns_twice(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    lib.check_out(RENE, MAX_HAVELAAR)
    lib.check_out(RENE, DE_AANSLAG)
    [first, second] = journal.entries()
    # The kiosk sent the first and died before it could strike it off: the library system
    # has the loan, the journal still says "sending".
    journal.sending(first)
    plug.inner.check_out(RENE, MAX_HAVELAAR, no_block=True, at=first.at)
    # It also marked the second as sending, but died before the library system had it.
    journal.sending(second)
    plug.plugged = True
    plug.calls.clear()
    report = lib.sync()
    assert (report.sent, report.conflicts) == (2, 0)
    assert plug.calls.count("check_out") == 1  # only the second, which was not there yet
    with Session(engine) as s:
        item = s.scalars(select(Item).where(Item.barcode == MAX_HAVELAAR)).one()
        loans = s.scalars(select(Loan).where(Loan.item_id == item.id)).all()
        assert len(loans) == 1 and loans[0].renewals == 0  # not lent twice, not renewed
    assert _loan(engine, DE_AANSLAG) is not None


def test_a_loan_whose_answer_was_lost_is_looked_up_before_it_is_sent_again(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.answers_lost = True  # the network fails just as the library system lends the item
    lent = lib.check_out(RENE, MAX_HAVELAAR)
    assert lent.ok and lent.outcome.reason is Reason.RECORDED_OFFLINE
    [entry] = journal.entries()
    assert entry.sending, "it went out once: the library system may have it"
    plug.answers_lost = False
    plug.plugged = False
    lib.check_out(RENE, DE_AANSLAG)  # known to be offline now: never sent, nothing to doubt
    assert not journal.entries()[1].sending
    plug.plugged = True
    plug.calls.clear()
    assert lib.sync().sent == 2
    assert plug.calls.count("check_out") == 1  # De aanslag only: Max Havelaar was there
    loan = _loan(engine, MAX_HAVELAAR)
    assert loan is not None and loan.renewals == 0


def test_the_journal_survives_a_restart_and_keeps_nothing_once_synced(
    tmp_path: Path, plug: Plug, clock: ManualClock
) -> None:
    path = tmp_path / "journal.sqlite"
    first = Journal(path)
    lib = _offline(plug, first, clock)
    plug.plugged = False
    lib.check_out(RENE, MAX_HAVELAAR)
    lib.check_in(GRAND_HOTEL, location="DAL")
    first.close()  # the kiosk stops (the entries were committed when the member was told)

    again = Journal(path)
    assert [(e.kind, e.card, e.item) for e in again.entries()] == [
        (CHECKOUT, RENE, MAX_HAVELAAR),
        (CHECKIN, None, GRAND_HOTEL),
    ]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    plug.plugged = True
    lib = _offline(plug, again, clock)
    lib.sync()
    # Offline again, later: another member's loan waits in the journal, René's are sent.
    plug.plugged = False
    lib.check_out(CHLOE, DE_AVONDEN)

    # P6: no trace of René's card number in any file of the journal, while the kiosk runs
    # (the write-ahead log too) and after it stops; Chloë's, still waiting, is there.
    def held() -> bytes:
        return b"".join(file.read_bytes() for file in tmp_path.glob("journal.sqlite*"))

    assert CHLOE.encode() in held() and RENE.encode() not in held()
    again.close()
    assert CHLOE.encode() in held() and RENE.encode() not in held()


def test_a_full_disk_refuses_new_offline_work_clearly_and_keeps_what_was_promised(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock, max_checkouts=50)
    plug.plugged = False
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    # The journal's file may not grow by a page more: SQLite's "database or disk is full".
    with journal._lock:
        pages = journal._db.execute("PRAGMA page_count").fetchone()[0]
        journal._db.execute(f"PRAGMA max_page_count = {pages}")
    refused = None
    for n in range(2000):  # bounded: a page holds a few dozen entries
        result = lib.check_out(f"29{n:011d}", f"31000000{n:05d}")  # each pass within its limit
        if not result.ok:
            refused = result
            break
    assert refused is not None and refused.outcome.reason is Reason.OFFLINE_JOURNAL_FULL
    back = lib.check_in(f"3200{0:09d}", location="DAL")
    for n in range(1, 400):
        if not back.ok:
            break
        back = lib.check_in(f"3200{n:09d}", location="DAL")
    assert back.outcome.reason is Reason.OFFLINE_JOURNAL_FULL
    assert journal.entries()[0].item == MAX_HAVELAAR  # the first promise is still there


def test_a_journal_that_cannot_be_opened_says_which_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(JournalError, match="not-a-folder"):
        Journal(blocker / "journal.sqlite")


def test_lent_returned_and_lent_again_offline_is_three_promises_kept_in_order(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    assert lib.check_in(MAX_HAVELAAR, location="DAL").ok
    assert lib.check_in(MAX_HAVELAAR, location="DAL").ok  # scanned twice: one return
    assert lib.check_out(RENE, MAX_HAVELAAR).ok
    assert [e.kind for e in journal.entries()] == [CHECKOUT, CHECKIN, CHECKOUT]
    plug.plugged = True
    assert lib.sync().sent == 3
    assert _loan(engine, MAX_HAVELAAR) is not None  # on loan again, as promised last


def test_the_kiosk_is_back_online_once_the_library_system_answers_again(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    assert lib.renew(RENE, GRAND_HOTEL).outcome.reason is Reason.OFFLINE_NOT_POSSIBLE
    assert lib.status().offline
    plug.plugged = True
    assert not lib.status().offline and not lib.offline  # nothing waited in the journal


def test_a_sync_cut_short_keeps_no_card_number_of_what_was_sent(
    tmp_path: Path, plug: Plug, clock: ManualClock
) -> None:
    journal = Journal(tmp_path / "j.sqlite")
    lib = _offline(plug, journal, clock)
    plug.plugged = False
    lib.check_out(RENE, MAX_HAVELAAR)
    lib.check_out(CHLOE, DE_AVONDEN)
    plug.plugged = True
    real_check_out = plug.inner.check_out

    def away_after_the_first(card: str, item: str, **kwargs: Any) -> Any:
        if card == CHLOE:
            plug.plugged = False  # the network goes as the second is sent
            raise IlsUnavailable("gone again (test)")
        return real_check_out(card, item, **kwargs)

    plug.inner.check_out = away_after_the_first  # type: ignore[method-assign]
    report = lib.sync()
    assert (report.sent, report.waiting) == (1, 1)
    held = b"".join(f.read_bytes() for f in tmp_path.glob("j.sqlite*"))
    assert RENE.encode() not in held and CHLOE.encode() in held
    journal.close()


def test_a_replay_the_library_system_could_not_handle_waits_rather_than_conflicts(
    plug: Plug, journal: Journal, clock: ManualClock
) -> None:
    from kiosk.domain.types import CheckoutResult, refused

    lib = _offline(plug, journal, clock)
    plug.plugged = False
    lib.check_out(RENE, MAX_HAVELAAR)
    plug.plugged = True
    plug.inner.check_out = lambda *a, **k: CheckoutResult(  # type: ignore[method-assign]
        refused(Reason.ILS_ERROR), MAX_HAVELAAR
    )
    report = lib.sync()
    assert (report.sent, report.conflicts, report.waiting) == (0, 0, 1)
    assert journal.conflicts() == [] and journal.depth() == 1


# ---------------------------------------------------------------- payments made at the terminal
OWES = "2100000000003"  # owes a late fee (EUR 6.50) and a damage fee (EUR 5.00)


def _fees(engine: Any, clock: ManualClock) -> dict[str, Any]:
    summary = EmbeddedLibrary(engine, branch="DAL", clock=clock).member_summary(OWES).summary
    assert summary is not None
    return {fee.fee_id: fee for fee in summary.fees}


def _payments(engine: Any) -> int:
    from kiosk.ils.embedded.models import Payment

    with Session(engine) as s:
        return len(s.scalars(select(Payment)).all())


def test_a_payment_the_library_system_cannot_take_now_is_journalled_and_booked_once_later(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    fee = next(iter(_fees(engine, clock).values()))
    plug.plugged = False
    answer = lib.pay_fee(OWES, fee.fee_id, fee.amount, "DAL-261125-090000-01")
    assert answer.ok and answer.outcome.reason is Reason.PAYMENT_RECORDED_LATER
    assert journal.depth() == 1 and _payments(engine) == 0
    # Reported twice (the kiosk retried): kept once.
    lib.pay_fee(OWES, fee.fee_id, fee.amount, "DAL-261125-090000-01")
    assert journal.depth() == 1
    plug.plugged = True
    report = lib.sync()
    assert (report.sent, report.conflicts, report.waiting) == (1, 0, 0)
    assert journal.depth() == 0 and _payments(engine) == 1
    assert fee.fee_id not in _fees(engine, clock)


def test_a_payment_sent_without_an_answer_is_looked_up_and_not_booked_twice(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any
) -> None:
    lib = _offline(plug, journal, clock)
    fee = next(iter(_fees(engine, clock).values()))
    plug.answers_lost = True  # booked, but the answer never came back
    answer = lib.pay_fee(OWES, fee.fee_id, fee.amount, "DAL-261125-090000-02")
    assert answer.outcome.reason is Reason.PAYMENT_RECORDED_LATER
    assert journal.payments()[0].sending  # looked up before it is sent again
    plug.answers_lost = False
    plug.calls.clear()
    assert lib.sync().sent == 1
    assert "pay_fee" not in plug.calls and "member_summary" in plug.calls
    assert _payments(engine) == 1 and journal.depth() == 0


def test_a_payment_the_library_system_refuses_on_replay_is_a_conflict_and_not_offered_again(
    plug: Plug, journal: Journal, clock: ManualClock, engine: Any, tmp_path: Path
) -> None:
    lib = _offline(plug, journal, clock)
    fees = _fees(engine, clock)
    fee = next(iter(fees.values()))
    plug.plugged = False
    too_much = fee.amount + Money(100)
    lib.pay_fee(OWES, fee.fee_id, too_much, "DAL-261125-090000-03")
    plug.plugged = True
    report = lib.sync()
    assert (report.sent, report.conflicts) == (0, 1)
    (conflict,) = journal.conflicts()
    assert conflict.kind == "payment_refused" and conflict.item == "DAL-261125-090000-03"
    assert conflict.amount == too_much
    assert conflict.reason == Reason.PAYMENT_AMOUNT_INVALID.value
    # Until staff have dealt with it, the fee is not offered for paying again.
    summary = lib.member_summary(OWES).summary
    assert summary is not None
    assert fee.fee_id not in {f.fee_id for f in summary.fees}
    assert len(summary.fees) == len(fees) - 1
    journal.resolve(conflict.id)
    summary = lib.member_summary(OWES).summary
    assert summary is not None and fee.fee_id in {f.fee_id for f in summary.fees}
    # Nothing of the member stays in the journal's file (P6).
    journal.forget()
    raw = (tmp_path / "kiosk" / "offline-journal.sqlite").read_bytes()
    assert OWES.encode() not in raw


def test_a_payment_problem_for_staff_keeps_reference_amount_and_fees_only(
    journal: Journal, clock: ManualClock
) -> None:
    journal.payment_problem(
        "payment_uncertain", "DAL-261125-090000-04", Money(650), "timeout", clock.now(), ("7",)
    )
    (conflict,) = journal.conflicts()
    assert (conflict.kind, conflict.item, conflict.amount) == (
        "payment_uncertain",
        "DAL-261125-090000-04",
        Money(650),
    )
    assert journal.disputed_fees() == {"7"}


def test_a_journal_from_before_payments_is_brought_up_to_date(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite"
    db_ = sqlite3.connect(path)
    db_.executescript(
        "CREATE TABLE conflict (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " item TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, recorded_at TEXT NOT NULL);"
        "INSERT INTO conflict (kind, item, reason, at, recorded_at) VALUES"
        " ('checkout', '3100000000004', 'item_held_for_other', '2026-11-25T09:00:00+00:00',"
        " '2026-11-25T10:00:00+00:00');"
    )
    db_.commit()
    db_.close()
    old = Journal(path)
    try:
        (conflict,) = old.conflicts()
        assert conflict.item == "3100000000004" and conflict.amount is None
        assert old.disputed_fees() == set()
        assert old.depth() == 0
    finally:
        old.close()
