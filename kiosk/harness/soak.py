"""The soak: thousands of member sessions through the real kiosk UI in one process.

``python -m kiosk.harness.soak --sessions N [--warmup W] [--sample-every K] [--json FILE|-]
[--curve FILE]`` builds ONE kiosk (the real :class:`KioskUi`, QML offscreen, over a fresh
embedded demo library in a temporary folder, simulated card reader, scanner and printer, a
:class:`ManualClock`) and runs ``W`` sessions of warm-up, then ``N`` measured sessions. Each
session is a member at the kiosk, played on the devices and on the screen through
:class:`UiDriver`: cards on the reader, codes on the scanner, fingers on the keypads and
buttons, time moved on for the inactivity rules. ``kiosk bench soak`` runs this module in a
child process and reads its report (kiosk.bench.soak).

The sessions rotate through :data:`SESSION_KINDS` (identify by card with or without PIN, a wrong
PIN, an unknown card, borrowing with and without a rental fee, returning with and without a
card, renewing one loan or all, a receipt printed, declined or failing, card removal, inactivity
with and without the countdown). Each kind checks on the way that the kiosk did what a member
would see (the screen, the borrowed, returned and renewed rows, the receipt), so a soak cannot
pass by running sessions that silently did nothing. A new kind of session is one more
:class:`SessionKind` in that tuple.

Out of sight of the UI, through the library port, the library is kept as the desk would keep
it: before a session that returns or renews, the items are lent to the member (as if borrowed
last week); after every session what is still lent is checked in at DAL and rental fees are
paid, and the simulated printer forgets what it printed. The demo library thus never runs out
of items nor blocks a member, whatever N is.

Measured on the idle screen at the first session after warm-up, every ``K`` sessions and after
the last, once the deferred deletes are done and both the Python and the QML garbage collectors
have run (see :class:`Sampler`): RSS, live QObjects, Python wrappers, Python objects, open file
descriptors, threads, and the references to None and True. Sessions are timed from the first
device action to the idle screen again. Run as a program, the soak also notes every warning Qt
writes, with the session it came in (:class:`QtWarnings`).
"""

from __future__ import annotations

import os

# Before Qt is imported: the soak never shows a window.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse
import gc
import itertools
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication

from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
from hardware.ports import Health, PaperState
from kiosk.bench import schema
from kiosk.bench import soak as analysis
from kiosk.config import Config
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.domain.types import FeeKind
from kiosk.harness.driver import DriverError, UiDriver, item_tree
from kiosk.harness.runner import BRANCH, Kiosk, demo_kiosk
from kiosk.ils.port import LibrarySystem
from kiosk.ui.app import KioskUi, UiSettings
from kiosk.ui.viewmodels import RowsModel

Log = Callable[[str], None]


class SoakError(AssertionError):
    """A session did not go as a member would have seen it: which session, which kind, what."""


# ---------------------------------------------------------------- who and what (docs/demo-data.md)
#: an adult without a PIN (BASIS)
RENE = "2100000000002"
#: an adult with PIN 1234 (COMPLEET)
CHLOE = "2100000000001"
#: a parent with PIN 1234 (COMPLEET)
SANNE = "2100000000013"
PIN = "1234"
WRONG_PIN = "9999"
#: blocked by fees: identified, but every loan refused
OZLEM = "2100000000003"
#: 10 years old: 18+ items refused
DAAN = "2100000000007"
#: 16 years old (JEUGD)
NOA = "2100000000008"
#: GROOT: doubled loan periods
MOHAMED = "2100000000017"
#: no member has this card
UNKNOWN_CARD = "2199999999999"
#: available books anyone may borrow, lent in turn
BOOKS = ("3100000000003", "3100000000004", "3100000000005", "3100000000006")
YOUTH_BOOK = "3100000000007"
PICTURE_BOOK = "3100000000008"
#: a DVD with a rental fee of EUR 4.50
DVD_WITH_FEE = "3100000000009"
#: a CD with a rental fee of EUR 1.50
CD_WITH_FEE = "3100000000010"
#: a DVD rated 18+
DVD_18 = "3100000000011"


# ---------------------------------------------------------------- one session, as a member
class Visit:
    """The actions of one session on the kiosk, with the checks a member's eyes would make."""

    def __init__(self, kiosk: Kiosk, books: Iterator[str]) -> None:
        self.kiosk = kiosk
        self.ui: KioskUi = kiosk.ui
        self.driver: UiDriver = kiosk.driver
        self.clock: ManualClock = kiosk.clock
        self.library: LibrarySystem = kiosk.library
        reader, scanner, printer = (
            kiosk.devices.card_reader,
            kiosk.devices.scanner,
            kiosk.devices.printer,
        )
        assert isinstance(reader, FakeCardReader)
        assert isinstance(scanner, FakeScanner)
        assert isinstance(printer, RecordingPrinter)
        self.reader, self.scanner, self.printer = reader, scanner, printer
        self._books = books
        #: the inactivity rules the kiosk was built with (the harness's configuration)
        self.timeouts: Timeouts = (kiosk.options.config or Config()).timeouts
        #: items on loan because of this session (lent in it, or before it for it), to check in
        #: afterwards unless returned in it
        self.lent: list[str] = []
        #: items lent before the session (see :meth:`lend_beforehand`), in order
        self.beforehand: list[str] = []
        #: members who accepted a rental fee in this session, to pay it afterwards
        self.fees_from: list[str] = []

    def next_book(self) -> str:
        return next(self._books)

    # -- looking
    @property
    def message(self) -> str:
        return str(self.ui.session.property("message"))

    def expect(self, screen: str) -> None:
        self.driver.wait_screen(screen)

    def expect_not_busy(self) -> None:
        """The kiosk has its answer from the library system (no "One moment, please")."""
        self.driver.wait_until(
            lambda: not self.ui.session.property("busy"), what="the library system's answer"
        )

    def expect_message(self, present: bool = True) -> None:
        self.driver.wait_until(
            lambda: bool(self.message) == present,
            what="a message for the member" if present else "the message to go",
        )

    @staticmethod
    def _row(model: RowsModel, item: str) -> dict[str, object] | None:
        return next((dict(row) for row in model.rows() if row.get("itemId") == item), None)

    def expect_row(self, item: str, *, ok: bool) -> None:
        """The item is on the "Borrowed now" list: lent (``ok``) or refused."""
        checkouts = self.ui.session.checkouts_model
        self.driver.wait_until(
            lambda: self._row(checkouts, item) is not None, what=f"a row for {item}"
        )
        row = self._row(checkouts, item)
        assert row is not None
        if bool(row["ok"]) != ok:
            raise SoakError(
                f"{item} was {'refused' if ok else 'lent'}, expected the opposite: {row['message']}"
            )
        if ok:
            self.lent.append(item)

    def expect_returned(self, item: str) -> None:
        """The item is on the return screen's list, taken back."""
        returns = self.ui.session.returns_model
        self.driver.wait_until(
            lambda: self._row(returns, item) is not None, what=f"a returned row for {item}"
        )
        row = self._row(returns, item)
        assert row is not None
        if not row["ok"]:
            raise SoakError(f"returning {item} was refused: {row['message']}")
        if item in self.lent:
            self.lent.remove(item)

    def expect_renewed(self, item: str) -> None:
        """The loan of ``item`` says it was renewed."""
        loans = self.ui.session.loans_model
        self.driver.wait_until(
            lambda: (row := self._row(loans, item)) is not None and bool(row["note"]),
            what=f"the outcome of renewing {item}",
        )
        row = self._row(loans, item)
        assert row is not None
        if not row["noteOk"]:
            raise SoakError(f"renewing {item} was refused: {row['note']}")

    # -- the desk, before the session
    def lend_beforehand(self, card: str, items: int) -> None:
        """``items`` books lent to ``card`` through the library port, not the kiosk."""
        for _ in range(items):
            item = self.next_book()
            result = self.library.check_out(card, item)
            if not result.ok:
                raise SoakError(f"lending {item} before the session was refused: {result}")
            self.beforehand.append(item)
            self.lent.append(item)

    # -- devices
    def present_card(self, card: str) -> None:
        self.reader.present(card)

    def remove_card(self) -> None:
        self.reader.remove()

    def scan(self, code: str) -> None:
        self.scanner.scan(code)

    # -- fingers
    def tap(self, name: str) -> None:
        self.driver.tap(name)

    def type_pin(self, pin: str) -> None:
        self.expect("pin")
        self.driver.type_digits("pin", pin)
        self.tap("pinKeyOk")

    def type_item(self, item: str) -> None:
        """The member has no scanner at hand: the item's number on the popup keypad."""
        self.tap("typeItemButton")
        self.driver.type_digits("item", item)
        self.tap("itemKeyOk")

    # -- time
    def wait_for_time(self, seconds: float) -> None:
        """The member (or nobody) does nothing for ``seconds``."""
        self.clock.advance(seconds)

    # -- endings
    def receipt_printed(self, before: int) -> None:
        self.driver.wait_until(lambda: len(self.printer.printed) == before + 1, what="a receipt")

    def leave_goodbye(self) -> None:
        """On the goodbye screen, the next member taps "Start again"."""
        self.expect("goodbye")
        self.tap("goodbyeNext")
        self.expect("idle")

    def goodbye_times_out(self) -> None:
        self.expect("goodbye")
        self.wait_for_time(self.timeouts.goodbye + 1)
        self.expect("idle")


@dataclass(frozen=True)
class SessionKind:
    """One kind of session in the soak's rotation."""

    name: str
    #: the session itself, timed: from the first device action to the idle screen
    run: Callable[[Visit], None]
    #: what the library must hold before it (through the port, not the UI), untimed
    prepare: Callable[[Visit], None] | None = None


def _borrow_and_print(v: Visit) -> None:
    """Card on the reader, no PIN, two books scanned, a printed receipt, "Start again"."""
    v.present_card(RENE)
    v.expect("home")
    for _ in range(2):
        item = v.next_book()
        v.scan(item)
        v.expect_row(item, ok=True)
    v.tap("doneButton")
    v.expect("receipt")
    before = len(v.printer.printed)
    v.tap("receiptPrint")
    v.receipt_printed(before)
    v.remove_card()
    v.leave_goodbye()


def _pin_keypad_no_receipt(v: Visit) -> None:
    """Card and PIN, an item typed on the popup keypad, no receipt, goodbye times out."""
    v.present_card(CHLOE)
    v.type_pin(PIN)
    v.expect("home")
    item = v.next_book()
    v.type_item(item)
    v.expect_row(item, ok=True)
    v.tap("doneButton")
    v.expect("receipt")
    v.tap("receiptNo")
    v.goodbye_times_out()
    v.remove_card()


def _rental_fee_accepted(v: Visit) -> None:
    """A DVD with a rental fee: "Yes, borrow it", then a printed receipt."""
    v.present_card(MOHAMED)
    v.expect("home")
    v.scan(DVD_WITH_FEE)
    v.expect("confirm_fee")
    v.tap("feeYes")
    v.expect("home")
    v.expect_row(DVD_WITH_FEE, ok=True)
    v.fees_from.append(MOHAMED)
    v.tap("doneButton")
    v.expect("receipt")
    before = len(v.printer.printed)
    v.tap("receiptPrint")
    v.receipt_printed(before)
    v.leave_goodbye()
    v.remove_card()


def _fee_declined_card_removed(v: Visit) -> None:
    """A CD with a fee declined, a youth book lent, then the card is taken off the reader."""
    v.present_card(NOA)
    v.expect("home")
    v.scan(CD_WITH_FEE)
    v.expect("confirm_fee")
    v.tap("feeNo")
    v.expect("home")
    v.expect_message()
    v.scan(YOUTH_BOOK)
    v.expect_row(YOUTH_BOOK, ok=True)
    v.remove_card()  # ends the session: no receipt screen
    v.goodbye_times_out()


def _printer_fails(v: Visit) -> None:
    """The paper runs out: the member is told, the loan stands; the kiosk sees the printer
    mended at its between-sessions check."""
    v.present_card(RENE)
    v.expect("home")
    item = v.next_book()
    v.scan(item)
    v.expect_row(item, ok=True)
    v.tap("doneButton")
    v.expect("receipt")
    v.printer.paper = PaperState.OUT
    v.tap("receiptPrint")
    v.tap("receiptDone")  # shown once printing failed, with the reason
    v.remove_card()
    v.leave_goodbye()
    v.printer.paper = PaperState.OK
    # The kiosk asks the printer how it is between sessions, once its interval has passed.
    health = v.ui.controller.device_health
    v.wait_for_time(UiSettings().status_every + 1)  # the harness keeps the default interval
    v.driver.wait_until(
        lambda: (h := health.get("printer")) is not None and h.state is Health.OK,
        what="the kiosk to see the printer mended",
    )


def _inactivity_after_countdown(v: Visit) -> None:
    """A book lent, the member wanders off, is back for the countdown, then gone for good."""
    v.present_card(MOHAMED)
    v.expect("home")
    item = v.next_book()
    v.scan(item)
    v.expect_row(item, ok=True)
    timeouts = v.timeouts
    v.wait_for_time(timeouts.home - timeouts.warn_before / 2)
    v.tap("stillHereButton")  # on the countdown overlay
    v.driver.wait_until(lambda: v.ui.session.property("countdown") < 0, what="the countdown to go")
    v.wait_for_time(timeouts.home + 1)
    v.goodbye_times_out()
    v.remove_card()


def _wrong_pin_then_right(v: Visit) -> None:
    """A wrong PIN (told so, with the attempts left), the right one, nothing borrowed, done."""
    v.present_card(SANNE)
    v.type_pin(WRONG_PIN)
    v.expect("pin")
    v.expect_message()
    v.type_pin(PIN)
    v.expect("home")
    v.tap("doneButton")
    v.remove_card()
    v.leave_goodbye()


def _unknown_card_typed(v: Visit) -> None:
    """A card number typed that no member has: refused on the start screen, the notice goes."""
    v.tap("typeCardButton")
    v.expect("card_entry")
    v.driver.type_digits("card", UNKNOWN_CARD)
    v.tap("cardKeyOk")
    v.expect("idle")
    v.expect_message()
    v.wait_for_time(v.timeouts.idle_notice + 1)
    v.expect_message(present=False)


def _blocked_member_scanned(v: Visit) -> None:
    """A pass scanned at the start screen; the member owes too much: the loan is refused."""
    v.scan(OZLEM)
    v.expect("home")
    item = v.next_book()
    v.scan(item)
    v.expect_row(item, ok=False)
    v.tap("doneButton")  # nothing lent: no receipt screen
    v.leave_goodbye()


def _pin_cancelled(v: Visit) -> None:
    """Card on the reader, "Cancel" on the PIN screen."""
    v.present_card(CHLOE)
    v.expect("pin")
    v.driver.type_digits("pin", PIN[:2])
    v.tap("pinCancel")
    v.expect("idle")
    v.remove_card()


def _card_entry_abandoned(v: Visit) -> None:
    """Half a card number typed, then nobody: the keypad times out to the start screen."""
    v.tap("typeCardButton")
    v.expect("card_entry")
    v.driver.type_digits("card", RENE[:5])
    v.wait_for_time(v.timeouts.card_entry + 1)
    v.expect("idle")


def _child_refused_then_lent(v: Visit) -> None:
    """A 10-year-old: an 18+ DVD refused, a picture book lent, no receipt."""
    v.present_card(DAAN)
    v.expect("home")
    v.scan(DVD_18)
    v.expect_row(DVD_18, ok=False)
    v.scan(PICTURE_BOOK)
    v.expect_row(PICTURE_BOOK, ok=True)
    v.tap("doneButton")
    v.expect("receipt")
    v.tap("receiptNo")
    v.remove_card()
    v.leave_goodbye()


def _lend_two_to_rene(v: Visit) -> None:
    v.lend_beforehand(RENE, 2)


def _return_without_card(v: Visit) -> None:
    """Two books brought back without a pass: each taken back, a receipt of the returns."""
    v.tap("returnButton")
    v.expect("return")
    for item in v.beforehand:
        v.scan(item)
        v.expect_returned(item)
    v.tap("returnDone")
    v.expect("receipt")
    before = len(v.printer.printed)
    v.tap("receiptPrint")
    v.receipt_printed(before)
    v.leave_goodbye()


def _lend_one_to_mohamed(v: Visit) -> None:
    v.lend_beforehand(MOHAMED, 1)


def _renew_then_return(v: Visit) -> None:
    """A loan renewed with its own button, then returned from the home screen; no receipt."""
    [item] = v.beforehand
    v.present_card(MOHAMED)
    v.expect("home")
    v.tap(f"renew_{item}")
    v.expect_renewed(item)
    v.tap("homeReturnButton")
    v.expect("return")
    v.scan(item)
    v.expect_returned(item)
    v.tap("returnDone")
    v.expect("home")
    # Back home the kiosk reloads the loans; a "Done" tapped meanwhile is lost (the summary's
    # reply does not look at it), so the member waits for the loans as they are now.
    v.expect_not_busy()
    v.tap("doneButton")
    v.expect("receipt")
    v.tap("receiptNo")
    v.remove_card()
    v.goodbye_times_out()


def _lend_two_to_mohamed(v: Visit) -> None:
    v.lend_beforehand(MOHAMED, 2)


def _renew_all(v: Visit) -> None:
    """ "Renew all" on two loans, a printed receipt; the card taken off on the goodbye screen."""
    v.present_card(MOHAMED)
    v.expect("home")
    v.tap("renewAllButton")
    for item in v.beforehand:
        v.expect_renewed(item)
    v.tap("doneButton")
    v.expect("receipt")
    before = len(v.printer.printed)
    v.tap("receiptPrint")
    v.receipt_printed(before)
    v.remove_card()
    v.leave_goodbye()


#: the rotation, in order
SESSION_KINDS: tuple[SessionKind, ...] = (
    SessionKind("borrow_print", _borrow_and_print),
    SessionKind("pin_keypad_no_receipt", _pin_keypad_no_receipt),
    SessionKind("wrong_pin", _wrong_pin_then_right),
    SessionKind("fee_accepted", _rental_fee_accepted),
    SessionKind("unknown_card", _unknown_card_typed),
    SessionKind("fee_declined_card_removed", _fee_declined_card_removed),
    SessionKind("blocked_member", _blocked_member_scanned),
    SessionKind("inactivity", _inactivity_after_countdown),
    SessionKind("return_without_card", _return_without_card, _lend_two_to_rene),
    SessionKind("pin_cancelled", _pin_cancelled),
    SessionKind("printer_fails", _printer_fails),
    SessionKind("card_entry_abandoned", _card_entry_abandoned),
    SessionKind("child_refused", _child_refused_then_lent),
    SessionKind("renew_then_return", _renew_then_return, _lend_one_to_mohamed),
    SessionKind("renew_all", _renew_all, _lend_two_to_mohamed),
)


# ---------------------------------------------------------------- measuring
def _proc_status(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {key} in /proc/self/status")


class Sampler:
    """Takes one :class:`analysis.Sample` of the running kiosk.

    QObjects counted: every object reachable (QObject children, and visual children of Qt Quick
    items, each once) from the application object, the QML engine, every top-level window and
    its content item, and the kiosk's own QObjects (view-models, device bridge, both workers).
    That covers every screen the Loader made, the popups and their overlay, the list delegates,
    and anything parented to them. Not reachable from these, and so not counted: QObjects
    without a parent that only the QML engine's garbage collector holds (none are made by the
    kiosk's QML), and Qt's private objects. Python wrappers (shiboken's live wrappers) and
    objects tracked by Python's garbage collector are counted separately.
    """

    def __init__(self, ui: KioskUi, app: QCoreApplication) -> None:
        self.ui = ui
        self.app = app
        self.started = time.perf_counter()

    def settle(self) -> None:
        """Deferred deletes done, both garbage collectors run (each may free for the other)."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.ui.engine.collectGarbage()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()

    def roots(self) -> list[QObject]:
        ui = self.ui
        roots: list[QObject] = [self.app, ui.engine, ui.session, ui.bridge]
        roots += [ui.worker, ui.device_worker]
        for window in QGuiApplication.topLevelWindows():
            roots.append(window)
            content = getattr(window, "contentItem", None)
            if content is not None:
                roots.append(content())
        if ui.simulator is not None:
            roots.append(ui.simulator)
        return roots

    def qobjects(self) -> int:
        return sum(1 for _ in item_tree(*self.roots()))

    def take(self, sessions: int, recent: Sequence[float] = ()) -> analysis.Sample:
        """Measure now, ``sessions`` sessions after the warm-up; ``recent``: the durations (s)
        of the sessions since the previous point."""
        self.settle()
        elapsed = time.perf_counter() - self.started
        qobjects = self.qobjects()
        wrappers = len(shiboken6.getAllValidWrappers())
        pyobjects = len(gc.get_objects())
        # RSS last: counting allocates (a list of every Python object is a megabyte), and the
        # allocator keeps some of it; read after, every point includes the same share of it.
        return analysis.Sample(
            sessions=sessions,
            elapsed_s=round(elapsed, 3),
            rss_mb=round(_proc_status("VmRSS") / 1024, 3),
            qobjects=qobjects,
            wrappers=wrappers,
            pyobjects=pyobjects,
            fds=len(os.listdir("/proc/self/fd")),
            threads=_proc_status("Threads"),
            py_threads=threading.active_count(),
            refs_none=sys.getrefcount(None),
            refs_true=sys.getrefcount(True),
            session_ms_p50=round(schema.percentile(sorted(recent), 50) * 1000, 3) if recent else 0,
        )


# ---------------------------------------------------------------- running
@dataclass
class SoakRun:
    samples: list[analysis.Sample] = field(default_factory=list)
    #: (kind, seconds) of every measured session, in order
    latencies: list[tuple[str, float]] = field(default_factory=list)
    #: Qt's warnings, each with the session it came in (when :class:`QtWarnings` listens)
    warnings: list[str] = field(default_factory=list)


class QtWarnings:
    """Qt's warnings (and worse) during the soak, each noted with the session it came in."""

    _KEPT = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)

    def __init__(self, into: list[str], log: Log) -> None:
        self.into = into
        self.log = log
        self.where = "start-up"

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in self._KEPT:
            line = f"{self.where}: {message}"
            self.into.append(line)
            self.log(f"Qt: {line}")

    def install(self) -> None:
        qInstallMessageHandler(self)


#: called after each session (warm-up included) with the kiosk and the session's number
AfterSession = Callable[[Kiosk, int], None]


def _put_back(visit: Visit, number: int) -> None:
    """What the desk would do between sessions: lent items back, rental fees paid."""
    library = visit.library
    for item in visit.lent:
        result = library.check_in(item, location=BRANCH)
        if not result.ok:
            raise SoakError(f"checking {item} in again was refused: {result.outcome.reason}")
    for card in visit.fees_from:
        summary = library.member_summary(card).summary
        assert summary is not None
        for fee in summary.fees:
            if fee.kind is FeeKind.RENTAL:
                paid = library.pay_fee(card, fee.fee_id, fee.amount, f"soak-{number}-{fee.fee_id}")
                if not paid.ok:
                    raise SoakError(f"paying a rental fee was refused: {paid.outcome.reason}")
    visit.printer.printed.clear()


def run_sessions(
    kiosk: Kiosk,
    app: QCoreApplication,
    *,
    sessions: int,
    warmup: int,
    sample_every: int,
    kinds: Sequence[SessionKind] = SESSION_KINDS,
    after_session: AfterSession | None = None,
    warnings: QtWarnings | None = None,
    log: Log = lambda line: None,
) -> SoakRun:
    """Run ``warmup`` then ``sessions`` sessions on ``kiosk``, measuring as the module says."""
    if sessions < 1 or warmup < 0 or sample_every < 1:
        raise ValueError("sessions and sample_every must be at least 1, warmup at least 0")
    run = SoakRun()
    if warnings is not None:
        warnings.into = run.warnings
    sampler = Sampler(kiosk.ui, app)
    books = itertools.cycle(BOOKS)
    rotation = itertools.cycle(kinds)
    for number in range(1, warmup + sessions + 1):
        measured = number - warmup  # 1.. for measured sessions
        if measured == 1:
            sampler.take(0)  # once for nothing: the first count's own allocations stay
            sampler.started = time.perf_counter()
            run.samples.append(sampler.take(0))
            log(_progress(run.samples[-1], sessions))
        kind = next(rotation)
        visit = Visit(kiosk, books)
        if warnings is not None:
            warnings.where = f"session {number} ({kind.name})"
        try:
            if kind.prepare is not None:
                kind.prepare(visit)
            started = time.perf_counter()
            kind.run(visit)
            visit.expect("idle")
            took = time.perf_counter() - started
            _put_back(visit, number)
        except (DriverError, SoakError) as exc:
            raise SoakError(f"session {number} ({kind.name}): {exc}") from None
        if after_session is not None:
            after_session(kiosk, number)
        if measured >= 1:
            run.latencies.append((kind.name, took))
            if measured % sample_every == 0 or measured == sessions:
                recent = [t for _, t in run.latencies[-(measured - run.samples[-1].sessions) :]]
                run.samples.append(sampler.take(measured, recent))
                log(_progress(run.samples[-1], sessions))
        elif number % max(1, warmup // 4) == 0:
            log(f"warm-up: {number} of {warmup} sessions")
    return run


def _progress(s: analysis.Sample, total: int) -> str:
    return (
        f"{s.sessions:>6}/{total} sessions {s.elapsed_s:8.1f} s  rss {s.rss_mb:7.2f} MB  "
        f"qobjects {s.qobjects}  wrappers {s.wrappers}  pyobjects {s.pyobjects}  "
        f"fds {s.fds}  threads {s.threads}/{s.py_threads}  refs None {s.refs_none} "
        f"True {s.refs_true}  session p50 {s.session_ms_p50:.0f} ms"
    )


def soak(
    *,
    sessions: int,
    warmup: int,
    sample_every: int,
    after_session: AfterSession | None = None,
    warnings: QtWarnings | None = None,
    log: Log = lambda line: None,
) -> SoakRun:
    """Build the kiosk in a temporary folder and run the soak on it (needs a QGuiApplication)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the soak needs a QGuiApplication")
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp, demo_kiosk(Path(tmp)) as kiosk:
        return run_sessions(
            kiosk,
            app,
            sessions=sessions,
            warmup=warmup,
            sample_every=sample_every,
            after_session=after_session,
            warnings=warnings,
            log=log,
        )


def default_sample_every(sessions: int) -> int:
    """About 20 measurement points, at least one session apart."""
    return max(1, sessions // 20)


# ---------------------------------------------------------------- command line
def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.harness.soak",
        description="Run member sessions through the real kiosk UI, offscreen, and report RSS, "
        "QObjects, file descriptors and threads (the kiosk.bench.schema format).",
    )
    parser.add_argument("--sessions", type=_count, default=10_000, metavar="N")
    parser.add_argument("--warmup", type=_count, default=200, metavar="W")
    parser.add_argument("--sample-every", type=_count, default=None, metavar="K")
    parser.add_argument("--json", default="-", metavar="FILE|-", help="the report (default: -)")
    parser.add_argument("--curve", type=Path, default=None, metavar="FILE", help="CSV of points")
    args = parser.parse_args(argv)
    if args.sessions < 1 or (args.sample_every is not None and args.sample_every < 1):
        parser.error("--sessions and --sample-every must be at least 1")
    every = args.sample_every or default_sample_every(args.sessions)

    def log(line: str) -> None:
        print(f"soak: {line}", file=sys.stderr, flush=True)

    app = QGuiApplication([sys.argv[0]])
    warnings = QtWarnings([], log)
    warnings.install()
    log(f"{args.warmup} warm-up sessions, then {args.sessions}, measured every {every}")
    try:
        run = soak(
            sessions=args.sessions,
            warmup=args.warmup,
            sample_every=every,
            warnings=warnings,
            log=log,
        )
    except SoakError as exc:
        log(f"FAILED: {exc}")
        return 1
    params = {
        "sessions": args.sessions,
        "warmup": args.warmup,
        "sample_every": every,
        "kinds": len(SESSION_KINDS),
        "ils": "embedded (demo data, SQLite)",
        "platform": "offscreen",
    }
    results = analysis.results(run.samples, run.latencies, params)
    results.append(analysis.warnings_result(run.warnings, params))
    if args.curve is not None:
        analysis.write_curve(args.curve, run.samples)
    schema.write_report(results, None if args.json == "-" else args.json)
    for line in analysis.failures(results):
        log(f"misses its target: {line}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
