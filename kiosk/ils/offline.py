"""Store and forward: the kiosk keeps lending and taking returns while the library system is away.

:class:`OfflineLibrary` wraps any :class:`LibrarySystem`. While the library system answers,
every call goes straight through. When it cannot be reached (:class:`IlsUnavailable`), the
kiosk carries on under an :class:`OfflinePolicy`:

- returns are accepted (unless the policy says otherwise);
- a pass is accepted when its number passes the library's checks (the same rules that tell a
  pass from an item: prefix, length, check digit), without a PIN, since nobody can check one;
  its holder may borrow up to ``max_checkouts`` items until the library system is back;
- renewals and payments are refused: they need the library system's answer.

Every transaction accepted offline is written to the :class:`Journal` (SQLite, synchronous
writes) and committed before the member is told it is done. The member is told plainly that it
was recorded offline (``Reason.RECORDED_OFFLINE``).

:meth:`OfflineLibrary.sync` replays the journal in order, with the no-block flag and the
original time, as soon as the library system answers again: before any new call goes through,
and from the status check the kiosk makes between sessions. An entry is marked as being sent
before it is sent; after a crash such an entry is first looked up in the library system (is the
item on the member's loans? is it still on loan?) so that a replay never does it twice. A
transaction whose own call went out and got no answer is journalled the same way, since the
library system may have done it (SIP2 has no transaction numbers to ask by). A replay the
library system refuses (the item now held for someone else, the member blocked, an
item it does not know) becomes a :class:`Conflict` for staff: what, which item, why, when, and
no card number. A synced entry is deleted at once: the journal holds card and item numbers
only, and only until they are sent (PRIVACY.md P6).

The journal and the wrapper are used on the ILS worker thread; the journal's counts may be read
from any thread (the staff screen, the metrics).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.clock import Clock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    ItemInfoResult,
    ItemStatus,
    MemberName,
    MemberSummary,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    SummaryResult,
    SystemStatus,
    ok,
    refused,
)
from kiosk.ils.port import IlsUnavailable, LibrarySystem

log = logging.getLogger(__name__)

CHECKOUT, CHECKIN, PAYMENT = "checkout", "checkin", "payment"

#: a replay refused for one of these is the library system being away, not a conflict
_AWAY = frozenset({Reason.ILS_UNAVAILABLE, Reason.ILS_ERROR})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('checkout', 'checkin')),
    card TEXT,
    item TEXT NOT NULL,
    location TEXT NOT NULL,
    at TEXT NOT NULL,
    sending INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS conflict (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    cents INTEGER,
    currency TEXT,
    fee_ids TEXT
);
CREATE TABLE IF NOT EXISTS at_terminal (
    reference TEXT PRIMARY KEY,
    cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    fee_ids TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    card TEXT NOT NULL,
    fee_id TEXT NOT NULL,
    cents INTEGER NOT NULL CHECK (cents > 0),
    currency TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    sending INTEGER NOT NULL DEFAULT 0
);
"""


class JournalError(Exception):
    """The journal cannot be written (disk full, read-only, broken file): the message says
    which file; nothing offline is accepted while it lasts."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    kind: str
    card: str | None
    item: str
    location: str
    at: datetime
    #: it was being sent when the kiosk stopped: look before sending it again
    sending: bool = False


@dataclass(frozen=True, slots=True)
class PendingPayment:
    """A payment the terminal approved that the library system has not booked yet."""

    id: int
    card: str
    fee_id: str
    amount: Money
    reference: str
    at: datetime
    sending: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    """A transaction promised offline that the library system refused when it came back, or
    a payment staff must look into (``kind`` ``payment_…``, ``item`` its reference)."""

    id: int
    kind: str
    item: str
    reason: str
    at: datetime
    recorded_at: datetime
    #: a payment's amount
    amount: Money | None = None


class Journal:
    """The offline journal: one SQLite file, each write committed and synced before it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not path.exists()
            self._db = sqlite3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=5.0
            )
            if fresh:
                os.chmod(path, 0o600)  # card numbers, however briefly: for the kiosk only
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # on disk before "done" is said
            self._db.execute("PRAGMA secure_delete=ON")  # what was sent is overwritten (P6)
            self._db.executescript(_SCHEMA)
            columns = {r[1] for r in self._db.execute("PRAGMA table_info(conflict)")}
            if "cents" not in columns:  # a journal from before payments
                self._db.execute("ALTER TABLE conflict ADD COLUMN cents INTEGER")
                self._db.execute("ALTER TABLE conflict ADD COLUMN currency TEXT")
                self._db.execute("ALTER TABLE conflict ADD COLUMN fee_ids TEXT")
            self._interrupted_payments()
        except (OSError, sqlite3.Error) as exc:
            raise JournalError(f"the offline journal {path} cannot be opened: {exc}") from None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise JournalError(
                    f"the offline journal {self.path} cannot be written: {exc}"
                ) from None

    def add(
        self,
        kind: str,
        card: str | None,
        item: str,
        location: str,
        at: datetime,
        *,
        uncertain: bool = False,
    ) -> Entry:
        """Record a transaction; it is on disk when this returns (else :class:`JournalError`).

        ``uncertain``: it was sent once and no answer came, so the library system may have it
        already; it is looked up before it is sent again, as an entry a crash left behind.
        """
        when = at.astimezone(UTC)
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO entry (kind, card, item, location, at, sending)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kind, card, item, location, when.isoformat(), int(uncertain)),
            )
        assert cursor.lastrowid is not None
        return Entry(cursor.lastrowid, kind, card, item, location, when, uncertain)

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise JournalError(f"the offline journal {self.path} cannot be read: {exc}") from None

    def entries(self) -> list[Entry]:
        rows = self._read(
            "SELECT id, kind, card, item, location, at, sending FROM entry ORDER BY id"
        )
        return [
            Entry(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), bool(r[6]))
            for r in rows
        ]

    def depth(self) -> int:
        """Transactions and payments waiting to be sent."""
        sql = "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM payment)"
        return int(self._read(sql)[0][0])

    # ------------------------------------------------------------ payments
    def add_payment(
        self,
        card: str,
        fee_id: str,
        amount: Money,
        reference: str,
        at: datetime,
        *,
        uncertain: bool = False,
    ) -> PendingPayment:
        """Keep a payment the terminal approved until the library system booked it (on disk
        when this returns). The same reference twice is kept once."""
        when = at.astimezone(UTC)
        with self._writing() as db:
            db.execute(
                "INSERT OR IGNORE INTO payment (card, fee_id, cents, currency, reference, at,"
                " sending) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    card,
                    fee_id,
                    amount.cents,
                    amount.currency,
                    reference,
                    when.isoformat(),
                    int(uncertain),
                ),
            )
            row = db.execute("SELECT id FROM payment WHERE reference = ?", (reference,)).fetchone()
        return PendingPayment(row[0], card, fee_id, amount, reference, when, uncertain)

    def payments(self) -> list[PendingPayment]:
        rows = self._read(
            "SELECT id, card, fee_id, cents, currency, reference, at, sending FROM payment"
            " ORDER BY id"
        )
        return [
            PendingPayment(
                r[0], r[1], r[2], Money(r[3], r[4]), r[5], datetime.fromisoformat(r[6]), bool(r[7])
            )
            for r in rows
        ]

    def paying(self, payment: PendingPayment) -> None:
        with self._writing() as db:
            db.execute("UPDATE payment SET sending = 1 WHERE id = ?", (payment.id,))

    def paid(self, payment: PendingPayment) -> None:
        """The library system booked it: gone from the kiosk (P6)."""
        with self._writing() as db:
            db.execute("DELETE FROM payment WHERE id = ?", (payment.id,))

    def payment_refused(self, payment: PendingPayment, reason: str, now: datetime) -> None:
        """The library system would not book it: a conflict for staff, without the card."""
        with self._writing() as db:
            self._conflict(
                db,
                "payment_refused",
                payment.reference,
                reason,
                payment.at,
                now,
                payment.amount,
                (payment.fee_id,),
            )
            db.execute("DELETE FROM payment WHERE id = ?", (payment.id,))

    def payment_problem(
        self,
        kind: str,
        reference: str,
        amount: Money,
        reason: str,
        now: datetime,
        fees: tuple[str, ...] = (),
    ) -> None:
        """A payment staff must look into (the terminal could not say whether it took the
        money; the library system refused it): reference, amount and the fees' ids, nothing
        of the member."""
        with self._writing() as db:
            self._conflict(db, kind, reference, reason, now, now, amount, fees)

    @staticmethod
    def _conflict(
        db: sqlite3.Connection,
        kind: str,
        item: str,
        reason: str,
        at: datetime,
        now: datetime,
        amount: Money | None = None,
        fees: tuple[str, ...] = (),
    ) -> None:
        db.execute(
            "INSERT INTO conflict (kind, item, reason, at, recorded_at, cents, currency, fee_ids)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                item,
                reason,
                at.isoformat(),
                now.isoformat(),
                amount.cents if amount is not None else None,
                amount.currency if amount is not None else None,
                ",".join(fees) or None,
            ),
        )

    # ------------------------------------------------------------ payments at the terminal
    def payment_started(self, reference: str, amount: Money, fees: tuple[str, ...]) -> None:
        """Written down before the terminal gets the payment (on disk when this returns)."""
        now = datetime.now(UTC).isoformat()
        with self._writing() as db:
            db.execute(
                "INSERT OR REPLACE INTO at_terminal (reference, cents, currency, fee_ids, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (reference, amount.cents, amount.currency, ",".join(fees), now),
            )

    def payment_ended(self, reference: str) -> None:
        """The payment ended: nothing taken, or booked, journalled, or told to staff."""
        with self._writing() as db:
            db.execute("DELETE FROM at_terminal WHERE reference = ?", (reference,))

    def _interrupted_payments(self) -> None:
        """Payments the kiosk stopped in the middle of (a power cut at the terminal): nobody
        knows whether money was taken; staff look them up by reference (at start)."""
        db = self._db
        rows = db.execute("SELECT reference, cents, currency, fee_ids, at FROM at_terminal")
        found = rows.fetchall()
        if not found:
            return
        now = datetime.now(UTC)
        db.execute("BEGIN IMMEDIATE")
        for reference, cents, currency, fee_ids, at in found:
            self._conflict(
                db,
                "payment_uncertain",
                reference,
                "interrupted",
                datetime.fromisoformat(at),
                now,
                Money(cents, currency),
                tuple(f for f in fee_ids.split(",") if f),
            )
        db.execute("DELETE FROM at_terminal")
        db.execute("COMMIT")
        log.warning("%d payment(s) were interrupted by a stop: see the staff screen", len(found))

    def disputed_fees(self) -> set[str]:
        """Fees paid at the kiosk whose payment staff have yet to look into: not offered for
        paying again until they have."""
        rows = self._read("SELECT fee_ids FROM conflict WHERE kind LIKE 'payment%'")
        return {fee for r in rows for fee in (r[0] or "").split(",") if fee}

    def checkouts_of(self, card: str) -> int:
        sql = "SELECT count(*) FROM entry WHERE kind = 'checkout' AND card = ?"
        return int(self._read(sql, (card,))[0][0])

    def last_for(self, item: str) -> Entry | None:
        """The newest entry for ``item``: what the kiosk last promised about it."""
        rows = self._read(
            "SELECT id, kind, card, item, location, at, sending FROM entry WHERE item = ?"
            " ORDER BY id DESC LIMIT 1",
            (item,),
        )
        if not rows:
            return None
        r = rows[0]
        return Entry(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), bool(r[6]))

    def sending(self, entry: Entry) -> None:
        with self._writing() as db:
            db.execute("UPDATE entry SET sending = 1 WHERE id = ?", (entry.id,))

    def sent(self, entry: Entry) -> None:
        """The library system has it: gone from the kiosk (P6)."""
        with self._writing() as db:
            db.execute("DELETE FROM entry WHERE id = ?", (entry.id,))

    def refused(self, entry: Entry, reason: Reason, now: datetime) -> None:
        """The library system refused the replay: a conflict for staff, without the card."""
        with self._writing() as db:
            self._conflict(db, entry.kind, entry.item, reason.value, entry.at, now)
            db.execute("DELETE FROM entry WHERE id = ?", (entry.id,))

    def forget(self) -> bool:
        """Fold the write-ahead log back and empty it, so that no copy of a sent entry stays
        in it (P6); False when SQLite could not (it is retried after the next sync)."""
        try:
            with self._lock:
                busy = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return not busy

    def conflicts(self) -> list[Conflict]:
        rows = self._read(
            "SELECT id, kind, item, reason, at, recorded_at, cents, currency FROM conflict"
            " ORDER BY id"
        )
        return [
            Conflict(
                r[0],
                r[1],
                r[2],
                r[3],
                datetime.fromisoformat(r[4]),
                datetime.fromisoformat(r[5]),
                Money(r[6], r[7] or "EUR") if r[6] is not None else None,
            )
            for r in rows
        ]

    def conflict_count(self) -> int:
        return int(self._read("SELECT count(*) FROM conflict")[0][0])

    def resolve(self, conflict_id: int) -> None:
        """Staff dealt with it."""
        with self._writing() as db:
            db.execute("DELETE FROM conflict WHERE id = ?", (conflict_id,))


@dataclass(frozen=True, slots=True)
class OfflinePolicy:
    """``[offline]``: what the kiosk may do while the library system is away."""

    #: items one pass may borrow offline, until the library system is back (0: no lending)
    max_checkouts: int = 5
    #: returns taken offline
    returns: bool = True
    #: is this a pass number the library issues? (prefix, length, check digit)
    card_check: Callable[[str], bool] = field(default=lambda number: bool(number.strip()))


@dataclass(frozen=True, slots=True)
class SyncReport:
    sent: int = 0
    conflicts: int = 0
    #: entries still waiting (the library system went away again)
    waiting: int = 0


class OfflineLibrary:
    """A :class:`LibrarySystem` that carries on offline, journals, and replays (module doc)."""

    def __init__(
        self,
        inner: LibrarySystem,
        journal: Journal,
        clock: Clock,
        *,
        policy: OfflinePolicy | None = None,
        location: str,
    ) -> None:
        self.inner = inner
        self.journal = journal
        self.policy = policy or OfflinePolicy()
        self._clock = clock
        self._location = location
        #: the last call found the library system away
        self.offline = False

    # ------------------------------------------------------------ going through, or not
    def _online(self) -> bool:
        """Sync what waits, if anything; False while the library system is away."""
        try:
            waiting = self.journal.depth()
        except JournalError as exc:
            log.error("%s; going on without it", exc)
            return True  # nothing can be replayed from it: the library system decides
        return waiting == 0 or self.sync().waiting == 0

    def sync(self) -> SyncReport:
        """Replay the journal in order; stops at the first entry the library system could not
        be asked about (it is away again). A journal that cannot be read or written stops the
        sync (it is logged) and the kiosk goes on with the library system."""
        sent = conflicts = 0
        waiting = 0
        try:
            entries = self.journal.entries()
            payments = self.journal.payments()
            if entries or payments:
                # There at all? (before anything is marked as sent). A SIP2 library system
                # that cannot be reached answers status() with online=False rather than
                # raising; either way nothing may be marked as being sent.
                try:
                    there = self.inner.status().online
                except IlsUnavailable:
                    there = False
                if not there:
                    self.offline = True
                    return SyncReport(0, 0, len(entries) + len(payments))
            for n, entry in enumerate(entries):
                try:
                    if entry.sending and self._already_done(entry):
                        self.journal.sent(entry)
                        sent += 1
                        continue
                    self.journal.sending(entry)
                    reason = self._replay(entry)
                except IlsUnavailable:
                    reason = Reason.ILS_UNAVAILABLE
                if reason in _AWAY:
                    self.offline = True
                    waiting = len(entries) - n + len(payments)
                    break
                if reason is None:
                    self.journal.sent(entry)
                    sent += 1
                else:
                    self.journal.refused(entry, reason, self._clock.now())
                    conflicts += 1
                    log.warning("offline %s of an item refused on replay: %s", entry.kind, reason)
            for n, payment in enumerate(payments if not waiting else ()):
                try:
                    if payment.sending and self._already_paid(payment):
                        self.journal.paid(payment)
                        sent += 1
                        continue
                    self.journal.paying(payment)
                    answer = self.inner.pay_fee(
                        payment.card, payment.fee_id, payment.amount, payment.reference
                    )
                    reason = None if answer.ok else answer.outcome.reason
                except IlsUnavailable:
                    reason = Reason.ILS_UNAVAILABLE
                if reason in _AWAY:
                    self.offline = True
                    waiting = len(payments) - n
                    break
                if reason is None:
                    self.journal.paid(payment)
                    sent += 1
                else:
                    self.journal.payment_refused(payment, reason.value, self._clock.now())
                    conflicts += 1
                    log.warning("payment %s refused on replay: %s", payment.reference, reason)
        except JournalError as exc:
            log.error("%s; the sync stopped", exc)
        finally:
            if (sent or conflicts) and not self.journal.forget():
                log.warning("the offline journal's write-ahead log could not be emptied yet")
        if not waiting:
            self.offline = False
        if sent or conflicts:
            log.info("offline journal: %d sent, %d conflicts, %d waiting", sent, conflicts, waiting)
        return SyncReport(sent, conflicts, waiting)

    def _replay(self, entry: Entry) -> Reason | None:
        """None: the library system has it now; else why it refused."""
        if entry.kind == CHECKOUT:
            assert entry.card is not None
            result = self.inner.check_out(entry.card, entry.item, no_block=True, at=entry.at)
            if result.ok or result.outcome.reason is Reason.CHECKED_OUT_AS_RENEWAL:
                return None
            return result.outcome.reason
        back = self.inner.check_in(entry.item, location=entry.location, no_block=True, at=entry.at)
        if back.ok or back.outcome.reason is Reason.ITEM_NOT_ON_LOAN:
            return None  # not on loan: as the return wanted it
        return back.outcome.reason

    def _already_paid(self, payment: PendingPayment) -> bool:
        """A payment sent when the kiosk stopped: did the library system book it? Each fee is
        paid in full at the kiosk, so a fee no longer open is one that was booked."""
        summary = self.inner.member_summary(payment.card).summary
        return summary is not None and all(f.fee_id != payment.fee_id for f in summary.fees)

    def _already_done(self, entry: Entry) -> bool:
        """An entry sent when the kiosk stopped: did the library system take it?"""
        if entry.kind == CHECKOUT:
            assert entry.card is not None
            summary = self.inner.member_summary(entry.card).summary
            return summary is not None and any(loan.item_id == entry.item for loan in summary.loans)
        info = self.inner.item_info(entry.item).item
        return info is not None and info.status is not ItemStatus.ON_LOAN

    # ------------------------------------------------------------ LibrarySystem
    def status(self) -> SystemStatus:
        try:
            status = self.inner.status()
        except IlsUnavailable:
            self.offline = True
            return self._offline_status()
        if not status.online:  # the library system says it cannot serve: as if away
            self.offline = True
        elif self._online():
            self.offline = False
        return status if not self.offline else self._offline_status()

    def _offline_status(self) -> SystemStatus:
        return SystemStatus(
            online=True,  # in service, offline: the kiosk carries on
            checkout_ok=self.policy.max_checkouts > 0,
            checkin_ok=self.policy.returns,
            renewal_ok=False,
            offline=True,
        )

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        try:
            if self._online():
                result = self.inner.identify(card_number, pin)
                self.offline = False
                return result
        except IlsUnavailable:
            self.offline = True
        if self.policy.max_checkouts <= 0 and not self.policy.returns:
            raise IlsUnavailable("the library system is offline and offline use is off")
        if not self.policy.card_check(card_number):
            return IdentifyResult(refused(Reason.INVALID_CARD_NUMBER))
        return IdentifyResult(ok(Reason.OFFLINE_MODE), name=MemberName())

    def member_summary(self, card_number: str) -> SummaryResult:
        try:
            if self._online():
                result = self.inner.member_summary(card_number)
                self.offline = False
                return self._without_disputed(result)
        except IlsUnavailable:
            self.offline = True
        try:
            left = max(0, self.policy.max_checkouts - self.journal.checkouts_of(card_number))
        except JournalError as exc:
            log.error("%s", exc)
            left = 0
        summary = MemberSummary(card_number, MemberName(), None, max_loans=left)
        return SummaryResult(ok(Reason.OFFLINE_MODE, limit=str(left)), summary)

    def _without_disputed(self, result: SummaryResult) -> SummaryResult:
        """Fees whose payment at the kiosk staff have yet to sort out are not shown for paying
        again (a member is never charged twice)."""
        summary = result.summary
        if summary is None or not summary.fees:
            return result
        try:
            disputed = self.journal.disputed_fees()
        except JournalError as exc:
            log.error("%s", exc)
            return result
        if not disputed:
            return result
        fees = tuple(f for f in summary.fees if f.fee_id not in disputed)
        return replace(result, summary=replace(summary, fees=fees))

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        tried = False  # the call went out unanswered: the library system may have done it
        try:
            if self._online():
                result = self.inner.check_out(
                    card_number,
                    item_id,
                    fee_acknowledged=fee_acknowledged,
                    no_block=no_block,
                    at=at,
                )
                self.offline = False
                return result
        except IlsUnavailable as exc:
            self.offline = True
            tried = exc.maybe_done
        try:
            last = self.journal.last_for(item_id)
            if last is not None and last.kind == CHECKOUT and last.card == card_number:
                return CheckoutResult(ok(Reason.RECORDED_OFFLINE), item_id, title=item_id)
            # A loan whose own call went out unanswered may be done already: it is journalled
            # whatever the limit, so that the replay finds out.
            if not tried and self.journal.checkouts_of(card_number) >= self.policy.max_checkouts:
                limit = str(self.policy.max_checkouts)
                return CheckoutResult(refused(Reason.OFFLINE_LIMIT_REACHED, limit=limit), item_id)
            when = at or self._now()
            self.journal.add(CHECKOUT, card_number, item_id, self._location, when, uncertain=tried)
        except JournalError as exc:
            log.error("%s", exc)
            return CheckoutResult(refused(Reason.OFFLINE_JOURNAL_FULL), item_id)
        return CheckoutResult(ok(Reason.RECORDED_OFFLINE), item_id, title=item_id)

    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        tried = False  # the call went out unanswered: the library system may have done it
        try:
            if self._online():
                result = self.inner.check_in(item_id, location=location, no_block=no_block, at=at)
                self.offline = False
                return result
        except IlsUnavailable as exc:
            self.offline = True
            tried = exc.maybe_done
        if not self.policy.returns and not tried:
            return CheckinResult(refused(Reason.OFFLINE_NOT_POSSIBLE), item_id)
        try:
            last = self.journal.last_for(item_id)
            if last is None or last.kind != CHECKIN:
                when = at or self._now()
                self.journal.add(CHECKIN, None, item_id, location, when, uncertain=tried)
        except JournalError as exc:
            log.error("%s", exc)
            return CheckinResult(refused(Reason.OFFLINE_JOURNAL_FULL), item_id)
        return CheckinResult(ok(Reason.RECORDED_OFFLINE), item_id, title=item_id)

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        try:
            if self._online():
                return self.inner.renew(card_number, item_id)
        except IlsUnavailable:
            self.offline = True
        return RenewResult(refused(Reason.OFFLINE_NOT_POSSIBLE), item_id)

    def renew_all(self, card_number: str) -> RenewAllResult:
        try:
            if self._online():
                return self.inner.renew_all(card_number)
        except IlsUnavailable:
            self.offline = True
        return RenewAllResult(refused(Reason.OFFLINE_NOT_POSSIBLE))

    def item_info(self, item_id: str) -> ItemInfoResult:
        if not self._online():
            raise IlsUnavailable("the library system is offline")
        return self.inner.item_info(item_id)

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        """Report a payment the terminal approved. It must reach the library system: when it
        cannot go now (away, or sent without an answer) it is journalled and sent with the
        next sync, and the answer says so (``PAYMENT_RECORDED_LATER``). A refusal is the
        library system's answer and is returned as it is."""
        uncertain = False
        try:
            if self._online():
                return self.inner.pay_fee(card_number, fee_id, amount, reference)
        except IlsUnavailable as exc:
            self.offline = True
            uncertain = exc.maybe_done
        self.journal.add_payment(
            card_number, fee_id, amount, reference, self._now(), uncertain=uncertain
        )
        log.info("payment %s journalled until the library system answers", reference)
        return PaymentResult(ok(Reason.PAYMENT_RECORDED_LATER), fee_id, paid=amount)

    def end_session(self, card_number: str) -> None:
        if self.offline:
            return
        try:
            self.inner.end_session(card_number)
        except IlsUnavailable:
            self.offline = True

    def _now(self) -> datetime:
        return self._clock.now()

    def close(self) -> None:
        """Close the journal, and the library system's connection where it has one."""
        closing = getattr(self.inner, "close", None)
        if callable(closing):
            closing()
        self.journal.close()
