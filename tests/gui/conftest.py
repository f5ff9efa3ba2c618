"""pytest-qt fixtures for the real QML UI, offscreen, over a stateful fake library.

``FakeLibrary`` implements the ``LibrarySystem`` port with state (members, items, loans) and
records which thread made every call, so tests can prove the GUI thread never does. It can be
stalled (``stall()`` / ``release()``) to show the UI keeps answering while the ILS is slow.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.session import Timeouts
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    ItemInfoResult,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    Outcome,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    SummaryResult,
    SystemStatus,
    ok,
    refused,
)
from kiosk.harness.driver import UiDriver
from kiosk.ils.port import IlsUnavailable
from kiosk.ui.app import KioskUi, UiSettings
from kiosk.ui.viewmodels import SimulatorViewModel

STALL_LIMIT_S = 10.0  # a stalled fake gives up after this, so a broken test cannot hang


# ---------------------------------------------------------------- the fake library
@dataclass
class FakeMember:
    card: str
    pin: str | None
    given: str
    family: str
    pin_attempts_left: int = 3


@dataclass
class FakeItem:
    item_id: str
    title: str
    fee: Money | None = None


@dataclass
class FakeLoan:
    item_id: str
    card: str
    due: datetime


@dataclass
class FakeLibrary:
    """A library system with state, not a mock: members, items and the loans between them."""

    clock: ManualClock
    members: dict[str, FakeMember] = field(default_factory=dict)
    items: dict[str, FakeItem] = field(default_factory=dict)
    loans: dict[str, FakeLoan] = field(default_factory=dict)
    #: (method name, thread) for every call, in order
    calls: list[tuple[str, threading.Thread]] = field(default_factory=list)
    ended_sessions: int = 0

    def __post_init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        #: set when a call arrives while the library is stalled
        self.stalled_call = threading.Event()

    # -- test controls
    def stall(self) -> None:
        self.stalled_call.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def add_member(self, member: FakeMember, loans: dict[str, tuple[str, datetime]]) -> None:
        self.members[member.card] = member
        for item_id, (title, due) in loans.items():
            self.items[item_id] = FakeItem(item_id, title)
            self.loans[item_id] = FakeLoan(item_id, member.card, due)

    def _call(self, name: str) -> None:
        self.calls.append((name, threading.current_thread()))
        if not self._open.is_set():
            self.stalled_call.set()
            self._open.wait(STALL_LIMIT_S)

    # -- the port
    def status(self) -> SystemStatus:
        self._call("status")
        return SystemStatus(online=True, library_name="Fake library")

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        self._call("identify")
        member = self.members.get(card_number)
        if member is None:
            return IdentifyResult(refused(Reason.UNKNOWN_CARD))
        if member.pin is not None:
            if member.pin_attempts_left <= 0:
                return IdentifyResult(refused(Reason.PIN_LOCKED))
            if pin is None:
                return IdentifyResult(refused(Reason.PIN_REQUIRED))
            if pin != member.pin:
                member.pin_attempts_left -= 1
                if member.pin_attempts_left <= 0:
                    return IdentifyResult(refused(Reason.PIN_LOCKED))
                return IdentifyResult(
                    refused(Reason.WRONG_PIN), pin_attempts_left=member.pin_attempts_left
                )
            member.pin_attempts_left = 3
        return IdentifyResult(ok(), name=MemberName(given=member.given, family=member.family))

    def member_summary(self, card_number: str) -> SummaryResult:
        self._call("member_summary")
        member = self.members.get(card_number)
        if member is None:
            return SummaryResult(refused(Reason.UNKNOWN_CARD))
        now = self.clock.now()
        loans = tuple(
            Loan(
                item_id=loan.item_id,
                title=self.items[loan.item_id].title,
                author="",
                material=MaterialKind.BOOK,
                due=loan.due,
                overdue=loan.due < now,
                renewable=loan.due >= now,
            )
            for loan in self.loans.values()
            if loan.card == card_number
        )
        summary = MemberSummary(
            card_number=card_number,
            name=MemberName(given=member.given, family=member.family),
            email=None,
            loans=loans,
        )
        return SummaryResult(ok(), summary)

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        self._call("check_out")
        item = self.items.get(item_id)
        if item is None:
            return CheckoutResult(refused(Reason.ITEM_UNKNOWN), item_id)
        loan = self.loans.get(item_id)
        if loan is not None and loan.card != card_number:
            return CheckoutResult(refused(Reason.ITEM_ON_LOAN_TO_OTHER), item_id, item.title)
        if item.fee is not None and not fee_acknowledged:
            return CheckoutResult(
                refused(Reason.FEE_ACK_REQUIRED), item_id, item.title, fee=item.fee
            )
        due = (at or self.clock.now()) + timedelta(days=21)
        self.loans[item_id] = FakeLoan(item_id, card_number, due)
        return CheckoutResult(ok(), item_id, item.title, due=due, fee=item.fee)

    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        self._call("check_in")
        if self.loans.pop(item_id, None) is None:
            return CheckinResult(refused(Reason.ITEM_NOT_ON_LOAN), item_id)
        return CheckinResult(ok(Reason.RETURNED), item_id, self.items[item_id].title)

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        self._call("renew")
        return RenewResult(refused(Reason.RENEW_NOT_ALLOWED), item_id)

    def renew_all(self, card_number: str) -> RenewAllResult:
        self._call("renew_all")
        return RenewAllResult(Outcome(True, Reason.OK))

    def item_info(self, item_id: str) -> ItemInfoResult:
        self._call("item_info")
        return ItemInfoResult(refused(Reason.ITEM_UNKNOWN))

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        self._call("pay_fee")
        return PaymentResult(refused(Reason.FEE_UNKNOWN), fee_id)

    def end_session(self, card_number: str) -> None:
        self._call("end_session")
        self.ended_sessions += 1


# ---------------------------------------------------------------- the fixtures' people
START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Fixture:
    card: str = "2050001234567"
    pin: str = "8461"
    given: str = "Annelies"
    family: str = "Verhoeven"
    loan_titles: tuple[str, str] = ("De avonden van Margriet", "Het zoutmeer van Quintijn")
    new_item: str = "3100000000017"
    new_title: str = "Een zomer in Zwartewaal"
    fee_item: str = "3100000000025"
    fee_title: str = "Piratenfilm op schijf"
    no_pin_card: str = "2050007654321"
    no_pin_given: str = "Bram"

    def personal_strings(self) -> list[str]:
        return [
            self.card,
            self.pin,
            self.given,
            self.family,
            *self.loan_titles,
            self.new_title,
            self.fee_title,
        ]


@pytest.fixture
def person() -> Fixture:
    return Fixture()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def library(clock: ManualClock, person: Fixture) -> Iterator[FakeLibrary]:
    lib = FakeLibrary(clock)
    lib.add_member(
        FakeMember(person.card, person.pin, person.given, person.family),
        {
            "3100000000101": (person.loan_titles[0], START + timedelta(days=10)),
            "3100000000102": (person.loan_titles[1], START - timedelta(days=3)),
        },
    )
    lib.add_member(FakeMember(person.no_pin_card, None, person.no_pin_given, "Jansen"), {})
    lib.items[person.new_item] = FakeItem(person.new_item, person.new_title)
    lib.items[person.fee_item] = FakeItem(person.fee_item, person.fee_title, Money(150))
    yield lib
    lib.release()  # never leave the worker thread waiting


@pytest.fixture
def reader() -> FakeCardReader:
    return FakeCardReader()


@pytest.fixture
def scanner() -> FakeScanner:
    return FakeScanner()


@pytest.fixture
def devices(reader: FakeCardReader, scanner: FakeScanner) -> DeviceSet:
    return DeviceSet(card_reader=reader, scanner=scanner, printer=RecordingPrinter())


@pytest.fixture
def timeouts() -> Timeouts:
    return Timeouts()


class Plug:
    """A library system with a plug to pull: unplugged, every call raises IlsUnavailable, as
    a SIP2 connection does when nobody answers (the offline and monitoring tests)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.plugged = True

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            if not self.plugged:
                raise IlsUnavailable("127.0.0.1:6001 did not answer (test)")
            return method(*args, **kwargs)

        return call


# ---------------------------------------------------------------- the UI, and a driver for it
def _make_ui(
    qtbot: QtBot, library: FakeLibrary, devices: DeviceSet, clock: ManualClock, **kwargs: Any
) -> KioskUi:
    ui = KioskUi(library, devices, clock, **kwargs)
    qtbot.waitExposed(ui.window)
    return ui


@pytest.fixture
def extra_settings() -> dict[str, Any]:
    """More ``UiSettings`` for the ``kiosk`` fixture: parametrize a test on it to change one."""
    return {}


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library: FakeLibrary,
    devices: DeviceSet,
    clock: ManualClock,
    timeouts: Timeouts,
    extra_settings: dict[str, Any],
) -> Iterator[KioskUi]:
    settings = UiSettings(
        timeouts=timeouts, library_name="Bibliotheek Testdorp", tick_ms=50, **extra_settings
    )
    ui = _make_ui(qtbot, library, devices, clock, settings=settings)
    try:
        yield ui
    finally:
        release = getattr(library, "release", None)  # the fake's; real libraries have none
        if release is not None:
            release()
        ui.close()


@pytest.fixture
def demo_kiosk(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library: FakeLibrary,
    devices: DeviceSet,
    reader: FakeCardReader,
    scanner: FakeScanner,
    clock: ManualClock,
    person: Fixture,
) -> Iterator[KioskUi]:
    """The UI in demo mode: a simulator panel on the very fakes the tests also hold."""
    from kiosk import bootstrap

    simulated = DeviceSet(
        simulators={"card_reader": reader, "scanner": scanner, "printer": devices.printer}
    )
    actions = bootstrap.simulator_actions(simulated)
    assert actions is not None
    simulator = SimulatorViewModel(
        actions.present_card,
        actions.remove_card,
        actions.scan,
        set_fault=actions.set_fault,
        receipt_text=actions.receipt_text,
        receipts_printed=actions.receipts_printed,
        cards=[(person.no_pin_card, "Member without PIN")],
        items=[(person.new_item, "A novel")],
        poll_ms=50,
    )
    ui = _make_ui(
        qtbot, library, devices, clock, settings=UiSettings(tick_ms=50), simulator=simulator
    )
    try:
        yield ui
    finally:
        library.release()
        ui.close()


@pytest.fixture
def gui(qtbot: QtBot, kiosk: KioskUi) -> GuiDriver:
    return GuiDriver(qtbot, kiosk)


@pytest.fixture
def demo_gui(qtbot: QtBot, demo_kiosk: KioskUi) -> GuiDriver:
    return GuiDriver(qtbot, demo_kiosk)


class GuiDriver(UiDriver):
    """The harness's driver, with the test's qtbot at hand."""

    def __init__(self, qtbot: QtBot, ui: KioskUi) -> None:
        super().__init__(ui)
        self.qtbot = qtbot

    def traces_of(self, person: Fixture) -> list[str]:
        """``person``'s personal strings still held anywhere in the UI."""
        return self.traces(person.personal_strings())
