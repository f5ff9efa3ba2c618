"""pytest-qt fixtures for the real QML UI, offscreen, over a stateful fake library.

``FakeLibrary`` implements the ``LibrarySystem`` port with state (members, items, loans) and
records which thread made every call, so tests can prove the GUI thread never does. It can be
stalled (``stall()`` / ``release()``) to show the UI keeps answering while the ILS is slow.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
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


# ---------------------------------------------------------------- the UI, and a driver for it
def _make_ui(
    qtbot: QtBot, library: FakeLibrary, devices: DeviceSet, clock: ManualClock, **kwargs: Any
) -> KioskUi:
    ui = KioskUi(library, devices, clock, **kwargs)
    qtbot.waitExposed(ui.window)
    return ui


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library: FakeLibrary,
    devices: DeviceSet,
    clock: ManualClock,
    timeouts: Timeouts,
) -> Iterator[KioskUi]:
    settings = UiSettings(timeouts=timeouts, library_name="Bibliotheek Testdorp", tick_ms=50)
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


_SCREEN_ITEMS = {
    "idle": "idleScreen",
    "card_entry": "cardEntryScreen",
    "pin": "pinScreen",
    "identifying": "identifyingScreen",
    "home": "homeScreen",
    "confirm_fee": "confirmFeeScreen",
    "receipt": "receiptScreen",
    "goodbye": "goodbyeScreen",
    "out_of_service": "outOfServiceScreen",
}


class GuiDriver:
    """Drives the real QML as a finger would, and reads back what is on (and behind) it."""

    def __init__(self, qtbot: QtBot, ui: KioskUi) -> None:
        self.qtbot = qtbot
        self.ui = ui
        self.session = ui.session

    # -- finding
    def objects(self) -> Iterator[QObject]:
        yield from item_tree(self.ui.window, self.ui.window.contentItem())

    def find(self, name: str) -> QQuickItem | None:
        for obj in self.objects():
            if isinstance(obj, QQuickItem) and obj.objectName() == name:
                return obj
        return None

    def item(self, name: str) -> QQuickItem:
        found = self.find(name)
        assert found is not None, f"no item called {name}"
        return found

    def text_of(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def visible_texts(self) -> list[str]:
        return [
            str(obj.property("text"))
            for obj in self.objects()
            if isinstance(obj, QQuickItem) and obj.isVisible() and obj.property("text")
        ]

    # -- waiting and tapping
    def wait_until(self, condition: Callable[[], object], timeout: int = 3000) -> None:
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def wait_screen(self, screen: str, timeout: int = 3000) -> None:
        """Wait for the session to be on ``screen`` and for QML to show that screen's item."""
        self.wait_until(lambda: self.session.screen == screen, timeout)
        loader = self.item("screenLoader")
        expected = _SCREEN_ITEMS[screen]

        def shown() -> bool:
            item = loader.property("item")
            return isinstance(item, QObject) and item.objectName() == expected

        self.wait_until(shown, timeout)

    def tap(self, name: str) -> None:
        """Click the centre of the visible, enabled item called ``name``."""
        self.wait_until(lambda: (item := self.find(name)) is not None and item.isVisible())
        item = self.item(name)
        assert item.isEnabled(), f"{name} is disabled"
        self._scroll_into_view(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def _scroll_into_view(self, item: QQuickItem) -> None:
        """As a finger would scroll first: bring ``item`` into its Flickable's view."""
        parent = item.parentItem()
        while parent is not None and parent.property("contentY") is None:
            parent = parent.parentItem()
        if parent is None:
            return
        content = parent.property("contentItem")
        if not isinstance(content, QQuickItem):
            return
        top = item.mapToItem(content, QPointF(0, 0)).y()
        view = parent.height()
        y = parent.property("contentY")
        if top < y or top + item.height() > y + view:
            most = max(0.0, parent.property("contentHeight") - view)
            parent.setProperty("contentY", min(max(0.0, top - view / 3), most))
            self.qtbot.wait(20)

    def type_digits(self, prefix: str, digits: str) -> None:
        for digit in digits:
            self.tap(f"{prefix}Key{digit}")

    # -- what is held
    def all_strings(self) -> list[str]:
        """Every text-like property and model datum in the window and the view-models."""
        # A Loader's previous screen is deleted later; make "later" now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        out: list[str] = []
        for obj in [*self.objects(), *item_tree(self.session)]:
            out.extend(string_values(obj))
            if isinstance(obj, QAbstractItemModel):
                out.extend(model_values(obj))
            model = obj.property("model") if isinstance(obj, QQuickItem) else None
            if isinstance(model, QAbstractItemModel):
                out.extend(model_values(model))
        return out

    def traces_of(self, person: Fixture) -> list[str]:
        """``person``'s personal strings still held anywhere in the UI."""
        strings = self.all_strings()
        return [secret for secret in person.personal_strings() if any(secret in s for s in strings)]


def item_tree(*roots: QObject) -> Iterator[QObject]:
    """Every object below ``roots``, once: QObject children and visual children alike."""
    seen: set[int] = set()  # C++ addresses: Python wrappers come and go, their id()s repeat
    stack = list(roots)
    while stack:
        obj = stack.pop()
        address = shiboken6.getCppPointer(obj)[0]
        if address in seen:
            continue
        seen.add(address)
        yield obj
        stack.extend(obj.children())
        if isinstance(obj, QQuickItem):
            stack.extend(obj.childItems())


def string_values(obj: QObject) -> list[str]:
    """Every string-like property value of ``obj``."""
    out: list[str] = []
    meta = obj.metaObject()
    for i in range(meta.propertyCount()):
        prop = meta.property(i)
        if prop.typeName() not in ("QString", "QStringList", "QVariant", "QUrl"):
            continue
        value = obj.property(prop.name())
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list | tuple):
            out.extend(str(v) for v in value)
        elif value is not None and not isinstance(value, QObject):
            out.append(str(value))
    return out


def model_values(model: QAbstractItemModel) -> list[str]:
    out: list[str] = []
    roles = list(model.roleNames()) or [Qt.ItemDataRole.DisplayRole]
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        out.extend(str(model.data(index, role)) for role in roles)
    return out
