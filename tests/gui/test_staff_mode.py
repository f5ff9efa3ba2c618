"""Staff maintenance mode on the real UI (issue 7, part 3; PRIVACY.md P12).

A staff card or the hidden corner and the staff PIN open it; it shows the devices, the library
system, the journal, today's counts and the recent events, and nothing of any member; each
action works and is audited; it locks itself again after inactivity.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeLibrary, Fixture, GuiDriver, _make_ui
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader, FakeScanner, RecordingPrinter
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import Timeouts
from kiosk.ils.offline import Journal, OfflineLibrary, OfflinePolicy
from kiosk.ops.audit import AuditLog
from kiosk.ops.diagnostics import export_bundle
from kiosk.services.staff import IlsState, StaffTools
from kiosk.staff_command import hash_pin, verify_pin
from kiosk.ui import messages
from kiosk.ui.app import KioskUi, UiSettings

STAFF_CARD = "2990000012345"
PIN = "482913"


class Restarts:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


@pytest.fixture
def audit(tmp_path: Path) -> Iterator[AuditLog]:
    log = AuditLog(tmp_path / "state" / "staff-audit.sqlite")
    yield log
    log.close()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "offline-journal.sqlite")
    yield j
    j.close()


class Staffed:
    """The kiosk under test with what staff mode was lent, to look at afterwards."""

    def __init__(self, gui: GuiDriver, ui: KioskUi, restarts: Restarts, pin_threads: list[str]):
        self.gui, self.ui, self.restarts, self.pin_threads = gui, ui, restarts, pin_threads


@pytest.fixture
def staffed(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    qapp,
    library: FakeLibrary,
    reader: FakeCardReader,
    scanner: FakeScanner,
    printer: RecordingPrinter,
    clock: ManualClock,
    audit: AuditLog,
    journal: Journal,
    tmp_path: Path,
) -> Iterator[Staffed]:
    pin_hash = hash_pin(PIN)
    pin_threads: list[str] = []
    restarts = Restarts()
    offline = OfflineLibrary(
        library,  # type: ignore[arg-type]
        journal,
        clock,
        policy=OfflinePolicy(max_checkouts=3),
        location="DAL",
    )
    config = tmp_path / "kiosk.toml"
    config.write_text('[ils]\npassword = "hunter2"\n', encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()

    def check_pin(pin: str) -> bool:
        pin_threads.append(threading.current_thread().name)
        return verify_pin(pin_hash, pin)

    def export(folder: Path, health: object) -> Path:
        return export_bundle(
            folder,
            config_path=config,
            health=health,  # type: ignore[arg-type]
            log_lines=["a line"],
            audit=[{"action": r.action, "staff": r.staff} for r in audit.recent()],
            now=clock.now(),
        )

    tools = StaffTools(
        verify_pin=check_pin,
        audit=audit,
        journal=journal,
        sync=offline.sync,
        ils_state=lambda: IlsState(reachable=True, latency=0.042),
        export=export,
        export_targets=lambda: [usb],
        check_config=lambda: "",
        restart=restarts,
    )
    settings = UiSettings(
        timeouts=Timeouts(staff=60), tick_ms=50, status_every=30, staff_cards=(STAFF_CARD,)
    )
    devices = DeviceSet(card_reader=reader, scanner=scanner, printer=printer)
    ui = _make_ui(
        qtbot,
        offline,  # type: ignore[arg-type]
        devices,
        clock,
        settings=settings,
        staff_tools=tools,
    )
    try:
        yield Staffed(GuiDriver(qtbot, ui), ui, restarts, pin_threads)
    finally:
        library.release()
        ui.close()


def _audited(audit: AuditLog) -> list[str]:
    return [r.action for r in reversed(audit.recent())]


def test_p12_a_staff_card_opens_maintenance_with_the_kiosks_state_and_no_member_data(
    staffed: Staffed, reader: FakeCardReader, scanner: FakeScanner, person: Fixture, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    # A member borrows first, then staff present their card in the middle of it.
    reader.present(person.card)
    if person.pin:
        gui.wait_screen("pin")
        gui.type_digits("pin", person.pin)
        gui.tap("pinKeyOk")
    gui.wait_screen("home")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1, what="the loan")
    reader.remove()
    gui.wait_until(lambda: gui.screen() in ("goodbye", "idle"), what="the session's end")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    assert gui.text_of("staffWho") == "card …2345"
    gui.wait_until(lambda: "Items lent: 1" in gui.visible_texts(), what="today's count")
    gui.wait_until(
        lambda: any("Card reader: Working" in t for t in gui.visible_texts()),
        what="the card reader's health",
    )
    assert "Reachable; the last answer took 42 ms." in gui.visible_texts()
    assert gui.traces_of(person) == []  # P12: nothing of the member who was just here
    assert STAFF_CARD not in " ".join(gui.all_strings())
    assert _audited(audit) == ["enter"]


def test_the_corner_and_the_staff_pin_open_it_checked_off_the_gui_thread(
    staffed: Staffed, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    for _ in range(5):
        gui.tap("staffCorner")
    gui.wait_screen("staff_pin")
    gui.type_digits("staffPin", "1111")
    gui.tap("staffPinKeyOk")
    wrong = messages.sentence(Reason.STAFF_PIN_WRONG)
    gui.wait_until(lambda: wrong in gui.visible_texts(), what="the wrong PIN's sentence")
    assert gui.find("staffPinDots") is not None
    gui.type_digits("staffPin", PIN)
    gui.tap("staffPinKeyOk")
    gui.wait_screen("staff")
    assert gui.text_of("staffWho") == "PIN"
    assert staffed.pin_threads and threading.main_thread().name not in staffed.pin_threads
    assert _audited(audit) == ["wrong_pin", "enter"]
    assert PIN not in " ".join(gui.all_strings())


def test_p12_test_print_and_the_device_tests_work_are_audited_and_show_no_card(
    staffed: Staffed,
    reader: FakeCardReader,
    scanner: FakeScanner,
    printer: RecordingPrinter,
    person: Fixture,
    audit: AuditLog,
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.tap("staffTestPrint")
    gui.wait_until(lambda: gui.text_of("messageText") == "The test page was printed.")
    assert len(printer.printed) == 1
    printed = "\n".join(line.text for line in printer.printed[0].lines)
    assert "€ 1,50" in printed and "TEST PRINT" in printed

    gui.tap("staffTestReader")
    gui.wait_until(lambda: gui.text_of("staffTest") == "Hold a card against the reader.")
    reader.present(person.card)  # a member's pass: read, masked, never identified
    gui.wait_until(lambda: "Read by the card reader" in gui.text_of("staffTest"))
    assert gui.text_of("staffTest").endswith(f"…{person.card[-4:]} ({len(person.card)} characters)")
    assert gui.screen() == "staff"

    gui.tap("staffTestScanner")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: "Read by the scanner" in gui.text_of("staffTest"))
    assert gui.traces_of(person) == []
    assert _audited(audit) == ["enter", "test_print", "reader_test", "scanner_test"]


def test_out_of_service_with_a_message_until_staff_put_it_back(
    staffed: Staffed, reader: FakeCardReader, person: Fixture, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.item("staffMessage").setProperty("text", "Back at two o'clock")
    gui.tap("staffOutOfService")
    gui.wait_until(lambda: "Back at two o'clock" in gui.text_of("staffServiceState"))
    gui.tap("staffLock")
    gui.wait_screen("out_of_service")
    assert gui.text_of("outOfServiceMessage") == "Back at two o'clock"
    reader.remove()
    reader.present(person.card)  # members cannot use it
    gui.wait(200)
    assert gui.screen() == "out_of_service"
    reader.remove()
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.tap("staffInService")
    gui.tap("staffLock")
    gui.wait_screen("idle")
    assert _audited(audit) == [
        "enter",
        "out_of_service",
        "leave",
        "enter",
        "in_service",
        "leave",
    ]
    assert audit.recent()[-2].detail == "Back at two o'clock"


def test_sync_now_sends_the_journal_and_conflicts_can_be_dealt_with(
    staffed: Staffed, reader: FakeCardReader, journal: Journal, clock: ManualClock
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    journal.add("checkin", None, "3100000009999", "DAL", clock.now())  # not lent: taken
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.wait_until(lambda: gui.text_of("staffJournal").startswith("1 transactions waiting"))
    gui.tap("staffSync")
    gui.wait_until(
        lambda: gui.text_of("messageText").startswith("Synchronised: 1 sent"), what="the sync"
    )
    assert journal.depth() == 0


def test_export_writes_the_bundle_to_the_usb_stick_without_secrets(
    staffed: Staffed, reader: FakeCardReader, tmp_path: Path, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.tap("staffExport0")
    gui.wait_until(lambda: gui.text_of("messageText").startswith("The diagnostics were saved"))
    [bundle] = list((tmp_path / "usb").glob("diagnostics-*.zip"))
    with zipfile.ZipFile(bundle) as z:
        assert "hunter2" not in z.read("config.toml").decode()
        assert '"devices"' in z.read("health.json").decode()
    assert audit.recent()[0].action == "export_diagnostics"
    assert audit.recent()[0].detail == str(bundle)


def test_restart_asks_once_more_and_reload_restarts_with_good_settings(
    staffed: Staffed, reader: FakeCardReader, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    gui.tap("staffRestart")
    assert staffed.restarts.count == 0
    gui.wait_until(lambda: gui.text_of("staffRestart") == "Tap again to restart")
    gui.tap("staffRestart")
    gui.wait_until(lambda: staffed.restarts.count == 1, what="the restart")
    gui.tap("staffReload")
    gui.wait_until(lambda: staffed.restarts.count == 2, what="the restart after reloading")
    assert [a for a in _audited(audit) if a != "enter"] == ["restart", "reload_config"]


def test_maintenance_mode_locks_itself_after_its_timeout(
    staffed: Staffed, reader: FakeCardReader, clock: ManualClock, audit: AuditLog
) -> None:
    gui = staffed.gui
    gui.wait_screen("idle")
    reader.present(STAFF_CARD)
    gui.wait_screen("staff")
    clock.advance(61)
    gui.wait_screen("idle")
    assert _audited(audit) == ["enter", "leave"]
    assert audit.recent()[0].detail == "timeout"
    assert "Items lent" not in " ".join(gui.all_strings())  # nothing of it stays
