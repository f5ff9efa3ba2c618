"""The staff maintenance screen's view-model: :class:`kiosk.services.staff.StaffService` and the
session's staff view, as properties and slots for QML, in the kiosk's language.

Everything here is anonymous by construction (P12): devices, the library system, the journal's
items and reasons, counts, events; a card read in a device test shows only its last four
characters. The status is gathered on the device worker every two seconds while the screen is
open, never on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from hardware.ports import Health
from kiosk.domain.session import LeaveStaff, Screen, SessionView, StaffRead, StaffTest, StaffView
from kiosk.services.staff import (
    TODAY,
    ConflictLine,
    KioskEvent,
    Outcome,
    StaffResult,
    StaffService,
    StaffStatus,
)
from kiosk.ui import messages
from kiosk.ui.messages import QT_TRANSLATE_NOOP
from kiosk.ui.viewmodels import RowsModel

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1

CONTEXT = "staff"
#: milliseconds between two looks at the kiosk's state while the staff screen is open
REFRESH_MS = 2000


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _fill(text: str, *values: object) -> str:
    for n, value in enumerate(values, start=1):
        text = text.replace(f"%{n}", str(value))
    return text


_DEVICES = {
    "card_reader": QT_TRANSLATE_NOOP("staff", "Card reader"),
    "scanner": QT_TRANSLATE_NOOP("staff", "Scanner"),
    "printer": QT_TRANSLATE_NOOP("staff", "Receipt printer"),
    "payment_terminal": QT_TRANSLATE_NOOP("staff", "Payment terminal"),
    "rfid": QT_TRANSLATE_NOOP("staff", "RFID pad"),
}
_STATES = {
    Health.OK: QT_TRANSLATE_NOOP("staff", "Working"),
    Health.DEGRADED: QT_TRANSLATE_NOOP("staff", "Needs attention"),
    Health.FAILED: QT_TRANSLATE_NOOP("staff", "Not working"),
}
_COUNTERS = {
    "sessions": QT_TRANSLATE_NOOP("staff", "Sessions"),
    "items_checked_out": QT_TRANSLATE_NOOP("staff", "Items lent"),
    "items_returned": QT_TRANSLATE_NOOP("staff", "Items returned"),
    "items_renewed": QT_TRANSLATE_NOOP("staff", "Items renewed"),
    "receipts_printed": QT_TRANSLATE_NOOP("staff", "Receipts printed"),
    "receipts_emailed": QT_TRANSLATE_NOOP("staff", "Receipts e-mailed"),
    "receipts_not_printed": QT_TRANSLATE_NOOP("staff", "Receipts not printed"),
    "payments": QT_TRANSLATE_NOOP("staff", "Payments"),
}
_CONFLICT_KINDS = {
    "checkout": QT_TRANSLATE_NOOP("staff", "Loan"),
    "checkin": QT_TRANSLATE_NOOP("staff", "Return"),
    "payment_refused": QT_TRANSLATE_NOOP(
        "staff", "Paid at the terminal, refused by the library system: book or refund"
    ),
    "payment_not_booked": QT_TRANSLATE_NOOP(
        "staff", "Paid at the terminal, not booked: book it by hand"
    ),
    "payment_uncertain": QT_TRANSLATE_NOOP(
        "staff", "Payment outcome unknown: check the terminal's journal"
    ),
}
_ENDINGS = {
    "done": QT_TRANSLATE_NOOP("staff", "done"),
    "card_removed": QT_TRANSLATE_NOOP("staff", "card taken away"),
    "timeout": QT_TRANSLATE_NOOP("staff", "timed out"),
    "cancelled": QT_TRANSLATE_NOOP("staff", "cancelled"),
    "refused": QT_TRANSLATE_NOOP("staff", "card refused"),
    "out_of_service": QT_TRANSLATE_NOOP("staff", "out of service"),
}
_OUTCOMES = {
    Outcome.PRINTED: QT_TRANSLATE_NOOP("staff", "The test page was printed."),
    Outcome.NOT_PRINTED: QT_TRANSLATE_NOOP("staff", "The test page was not printed: %1"),
    Outcome.NO_PRINTER: QT_TRANSLATE_NOOP("staff", "This kiosk has no receipt printer."),
    Outcome.SYNCED: QT_TRANSLATE_NOOP(
        "staff", "Synchronised: %1 sent, %2 refused by the library system."
    ),
    Outcome.SYNC_AWAY: QT_TRANSLATE_NOOP(
        "staff", "The library system cannot be reached: %3 still waiting (%1 sent)."
    ),
    Outcome.SYNC_FAILED: QT_TRANSLATE_NOOP("staff", "Synchronising failed: %1"),
    Outcome.NO_JOURNAL: QT_TRANSLATE_NOOP("staff", "Offline working is not switched on."),
    Outcome.OUT_OF_SERVICE: QT_TRANSLATE_NOOP(
        "staff", "The kiosk is out of service once you lock this screen."
    ),
    Outcome.IN_SERVICE: QT_TRANSLATE_NOOP(
        "staff", "The kiosk is in service again once you lock this screen."
    ),
    Outcome.CONFIG_BROKEN: QT_TRANSLATE_NOOP(
        "staff", "The settings file has an error; the kiosk keeps the settings it has: %1"
    ),
    Outcome.RESTARTING: QT_TRANSLATE_NOOP("staff", "Restarting..."),
    Outcome.CANNOT_RESTART: QT_TRANSLATE_NOOP("staff", "This kiosk cannot restart itself."),
    Outcome.EXPORTED: QT_TRANSLATE_NOOP("staff", "The diagnostics were saved as %1"),
    Outcome.EXPORT_FAILED: QT_TRANSLATE_NOOP("staff", "The diagnostics were not saved: %1"),
    Outcome.CONFLICT_RESOLVED: QT_TRANSLATE_NOOP("staff", "Marked as dealt with."),
    Outcome.FAILED: QT_TRANSLATE_NOOP("staff", "That did not work: %1"),
}
_ILS_REACHABLE = QT_TRANSLATE_NOOP("staff", "Reachable; the last answer took %1 ms.")
_ILS_AWAY = QT_TRANSLATE_NOOP("staff", "Cannot be reached.")
_ILS_UNKNOWN = QT_TRANSLATE_NOOP("staff", "Not asked yet.")
_ILS_OFFLINE = QT_TRANSLATE_NOOP("staff", "The kiosk works offline and records what it does.")
_JOURNAL = QT_TRANSLATE_NOOP("staff", "%1 transactions waiting to be sent, %2 refused.")
_JOURNAL_OFF = QT_TRANSLATE_NOOP("staff", "Offline working is not switched on.")
_JOURNAL_UNREADABLE = QT_TRANSLATE_NOOP("staff", "The offline journal cannot be read.")
_LAST_SYNC = QT_TRANSLATE_NOOP("staff", "Last synchronised at %1: %2")
_IN_SERVICE = QT_TRANSLATE_NOOP("staff", "In service.")
_OUT_BY_STAFF = QT_TRANSLATE_NOOP("staff", "Out of service, set by staff: %1")
_OUT_BY_KIOSK = QT_TRANSLATE_NOOP("staff", "Out of service by itself: %1")
_TEST_READER = QT_TRANSLATE_NOOP("staff", "Hold a card against the reader.")
_TEST_SCANNER = QT_TRANSLATE_NOOP("staff", "Scan a barcode.")
_TEST_NOTHING = QT_TRANSLATE_NOOP(
    "staff", "Nothing was read in 20 seconds. Check the cable and the device's light."
)
_READ_SOURCES = {
    "reader": QT_TRANSLATE_NOOP("staff", "Read by the card reader"),
    "scanner": QT_TRANSLATE_NOOP("staff", "Read by the scanner"),
}
_READ_KINDS = {
    "card": QT_TRANSLATE_NOOP("staff", "a pass ending in %1 (%2 characters)"),
    "item": QT_TRANSLATE_NOOP("staff", "the item barcode %1 (%2 characters)"),
    "unreadable": QT_TRANSLATE_NOOP(
        "staff", "a code this library does not use, ending in %1 (%2 characters)"
    ),
    "unknown": QT_TRANSLATE_NOOP("staff", "a code ending in %1 (%2 characters)"),
}
_EVENT_SESSION = QT_TRANSLATE_NOOP("staff", "Session ended (%1): %2 lent, %3 returned, %4 renewed")
_EVENT_DEVICE = QT_TRANSLATE_NOOP("staff", "%1: %2 %3")
_EVENT_ILS_AWAY = QT_TRANSLATE_NOOP("staff", "The library system cannot be reached")
_EVENT_ILS_BACK = QT_TRANSLATE_NOOP("staff", "The library system can be reached again")
_EVENT_STAFF = QT_TRANSLATE_NOOP("staff", "Staff (%1): %2 %3")
_EVENT_PAYMENT = QT_TRANSLATE_NOOP("staff", "Payment %1 of %2: %3")
_PAID = {
    "recorded": QT_TRANSLATE_NOOP("staff", "paid and booked"),
    "recorded_later": QT_TRANSLATE_NOOP("staff", "paid, to be booked when the system answers"),
    "needs_staff": QT_TRANSLATE_NOOP("staff", "paid, not booked: see the list below"),
    "declined": QT_TRANSLATE_NOOP("staff", "declined"),
    "cancelled": QT_TRANSLATE_NOOP("staff", "stopped by the member"),
    "failed": QT_TRANSLATE_NOOP("staff", "the terminal did not work"),
    "uncertain": QT_TRANSLATE_NOOP("staff", "outcome unknown: see the list below"),
}


def _time(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M:%S")


def outcome_text(result: StaffResult) -> str:
    p = result.params
    if result.outcome in (Outcome.SYNCED, Outcome.SYNC_AWAY):
        values: tuple[object, ...] = (p.get("sent"), p.get("conflicts"), p.get("waiting"))
    elif result.outcome is Outcome.EXPORTED:
        values = (p.get("file", ""),)
    else:
        values = (p.get("why", ""),)
    return _fill(_tr(_OUTCOMES[result.outcome]), *values)


def event_text(event: KioskEvent) -> str:
    p = event.params
    if event.kind == "session":
        how = _tr(_ENDINGS.get(p.get("how", ""), p.get("how", "")))
        text = _fill(_tr(_EVENT_SESSION), how, p.get("lent"), p.get("returned"), p.get("renewed"))
    elif event.kind == "device":
        name = _tr(_DEVICES.get(p.get("device", ""), p.get("device", "")))
        state = _tr(_STATES.get(Health(p.get("state", "ok")), ""))
        text = _fill(_tr(_EVENT_DEVICE), name, state, p.get("why", ""))
    elif event.kind == "ils":
        text = _tr(_EVENT_ILS_AWAY if p.get("state") == "away" else _EVENT_ILS_BACK)
    elif event.kind == "payment":
        outcome = p.get("outcome", "")
        text = _fill(
            _tr(_EVENT_PAYMENT),
            p.get("reference", ""),
            p.get("amount", ""),
            _tr(_PAID.get(outcome, outcome)),
        )
    else:
        text = _fill(_tr(_EVENT_STAFF), p.get("staff"), p.get("action"), p.get("detail", ""))
    return f"{_time(event.at)}  {text.strip()}"


def conflict_text(c: ConflictLine) -> str:
    """One line for staff: when, what, which item or payment reference, why."""
    kind = _CONFLICT_KINDS.get(c.kind)
    what = _tr(kind) if kind is not None else c.kind
    amount = f" ({c.amount})" if c.amount else ""
    why = messages.sentence_or_code(c.reason)
    return f"{_time(c.at)}  {what}: {c.item}{amount}. {why}"


def read_text(read: StaffRead) -> str:
    source = _tr(_READ_SOURCES.get(read.source, read.source))
    what = _fill(_tr(_READ_KINDS.get(read.kind, _READ_KINDS["unknown"])), read.shown, read.length)
    return f"{source}: {what}"


@QmlElement
@QmlUncreatable("made in Python and handed to QML as a required property")
class StaffViewModel(QObject):  # type: ignore[operator]  # PySide's stub of the decorator
    #: anything on the staff screen changed (one signal: the screen is small and staff-only)
    changed = Signal()

    def __init__(self, service: StaffService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._view: StaffView | None = None
        self._status = StaffStatus()
        self._result = ""
        self._result_ok = True
        self._devices = RowsModel(("name", "health", "why", "ok"), self)
        self._counters = RowsModel(("label", "value"), self)
        self._events = RowsModel(("line",), self)
        self._conflicts = RowsModel(("conflictId", "line"), self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(service.refresh)
        service.on_status(self._on_status)
        service.on_result(self._on_result)

    # ------------------------------------------------------------ following the session
    def follow(self, view: SessionView) -> None:
        """Called with every session view: the staff part, and the timer while it is open."""
        opened = view.screen is Screen.STAFF
        staff = view.staff if opened else None
        if opened and not self._timer.isActive():
            self._result, self._result_ok = "", True
            self._service.refresh()
            self._timer.start()
        elif not opened and self._timer.isActive():
            self._timer.stop()
        if not opened:
            self._forget()
        if staff != self._view:
            self._view = staff
            self.changed.emit()

    def _forget(self) -> None:
        """Maintenance mode closed: nothing of it stays for the next person at the screen."""
        if self._status != StaffStatus() or self._result:
            self._status = StaffStatus()
            self._result, self._result_ok = "", True
            for model in (self._devices, self._counters, self._events, self._conflicts):
                model.clear()
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()

    def _on_status(self, status: StaffStatus) -> None:
        if self._view is None:
            return  # closed meanwhile
        self._status = status
        self._devices.set_rows(
            [
                {
                    "name": _tr(_DEVICES.get(key, d.device)),
                    "health": _tr(_STATES[d.state]),
                    "why": d.reason,
                    "ok": d.state is Health.OK,
                }
                for key, d in status.devices
            ]
        )
        self._counters.set_rows(
            [{"label": _tr(_COUNTERS[k]), "value": status.today.get(k, 0)} for k in TODAY]
        )
        self._events.set_rows([{"line": event_text(e)} for e in status.events])
        self._conflicts.set_rows(
            [
                {
                    "conflictId": c.id,
                    "line": conflict_text(c),
                }
                for c in status.conflicts
            ]
        )
        self.changed.emit()

    def _on_result(self, result: StaffResult) -> None:
        self._result, self._result_ok = outcome_text(result), result.ok
        self.changed.emit()

    # ------------------------------------------------------------ properties
    def _get_staff(self) -> str:
        return self._view.staff if self._view is not None else ""

    def _get_result(self) -> str:
        return self._result

    def _get_result_ok(self) -> bool:
        return self._result_ok

    def _get_ils(self) -> str:
        ils = self._status.ils
        if ils.reachable is None:
            text = _tr(_ILS_UNKNOWN)
        elif ils.reachable:
            text = _fill(_tr(_ILS_REACHABLE), round((ils.latency or 0) * 1000))
        else:
            text = _tr(_ILS_AWAY)
        return f"{text} {_tr(_ILS_OFFLINE)}" if ils.offline else text

    def _get_ils_ok(self) -> bool:
        return bool(self._status.ils.reachable) and not self._status.ils.offline

    def _get_journal(self) -> str:
        s = self._status
        if not self._service.can_sync:
            text = _tr(_JOURNAL_OFF)
        elif s.journal_depth is None:
            text = _tr(_JOURNAL_UNREADABLE)
        else:
            text = _fill(_tr(_JOURNAL), s.journal_depth, len(s.conflicts))
        if s.last_sync is not None and s.last_sync_at is not None:
            last = _fill(_tr(_LAST_SYNC), _time(s.last_sync_at), outcome_text(s.last_sync))
            text = f"{text}\n{last}"
        return text

    def _get_service_state(self) -> str:
        v = self._view
        if v is None:
            return ""
        if v.out_of_service_message is not None:
            return _fill(_tr(_OUT_BY_STAFF), v.out_of_service_message or "-")
        if v.system_reason is not None:
            reason = messages.sentence(v.system_reason)
            detail = f" ({v.system_detail})" if v.system_detail else ""
            return _fill(_tr(_OUT_BY_KIOSK), reason + detail)
        return _tr(_IN_SERVICE)

    def _get_out_of_service(self) -> bool:
        return self._view is not None and self._view.out_of_service_message is not None

    def _get_test(self) -> str:
        v = self._view
        if v is None:
            return ""
        if v.test == "reader":
            return _tr(_TEST_READER)
        if v.test == "scanner":
            return _tr(_TEST_SCANNER)
        if v.test_failed:
            return _tr(_TEST_NOTHING)
        return read_text(v.read) if v.read is not None else ""

    def _get_problems(self) -> str:
        return "\n".join(self._status.problems)

    def _get_can_sync(self) -> bool:
        return self._service.can_sync

    def _get_can_print(self) -> bool:
        return self._service.can_print

    def _get_can_restart(self) -> bool:
        return self._service.can_restart

    def _get_export_targets(self) -> list[str]:
        return list(self._status.export_targets)

    def _get_devices(self) -> QObject:
        return self._devices

    def _get_counters(self) -> QObject:
        return self._counters

    def _get_events(self) -> QObject:
        return self._events

    def _get_conflicts(self) -> QObject:
        return self._conflicts

    #: who opened maintenance mode: ``card …1234`` or ``PIN``
    staff = QtProperty(str, _get_staff, notify=changed)
    #: what the last action came to, as a sentence; "" before any
    result = QtProperty(str, _get_result, notify=changed)
    resultOk = QtProperty(bool, _get_result_ok, notify=changed)
    ils = QtProperty(str, _get_ils, notify=changed)
    ilsOk = QtProperty(bool, _get_ils_ok, notify=changed)
    journal = QtProperty(str, _get_journal, notify=changed)
    serviceState = QtProperty(str, _get_service_state, notify=changed)
    #: staff took the kiosk out of service
    outOfService = QtProperty(bool, _get_out_of_service, notify=changed)
    #: the device test: what to do, or what was read
    test = QtProperty(str, _get_test, notify=changed)
    problems = QtProperty(str, _get_problems, notify=changed)
    canSync = QtProperty(bool, _get_can_sync, notify=changed)
    canPrint = QtProperty(bool, _get_can_print, notify=changed)
    canRestart = QtProperty(bool, _get_can_restart, notify=changed)
    exportTargets = QtProperty(list, _get_export_targets, notify=changed)
    devices = QtProperty(QObject, _get_devices, constant=True)
    counters = QtProperty(QObject, _get_counters, constant=True)
    events = QtProperty(QObject, _get_events, constant=True)
    conflicts = QtProperty(QObject, _get_conflicts, constant=True)

    # ------------------------------------------------------------ actions
    @Slot()
    def lock(self) -> None:
        self._service.dispatch(LeaveStaff())

    @Slot(str)
    def testDevice(self, device: str) -> None:
        self._service.device_test(device)
        self._service.dispatch(StaffTest(device))

    @Slot()
    def testPrint(self) -> None:
        self._service.test_print()

    @Slot()
    def syncNow(self) -> None:
        self._service.sync_now()

    @Slot(str)
    def setOutOfService(self, message: str) -> None:
        self._service.set_out_of_service(message)

    @Slot()
    def setInService(self) -> None:
        self._service.set_in_service()

    @Slot(int)
    def resolveConflict(self, conflict_id: int) -> None:
        self._service.resolve_conflict(conflict_id)

    @Slot()
    def reloadConfig(self) -> None:
        self._service.reload_config()

    @Slot()
    def restart(self) -> None:
        self._service.restart()

    @Slot(str)
    def exportTo(self, folder: str) -> None:
        self._service.export_diagnostics(Path(folder))
