"""Staff maintenance mode: what staff see, and what they may do (PRIVACY.md P12).

The session machine opens and closes the mode (a staff card, or the hidden corner and the staff
PIN) and runs its device tests; this service carries out the rest on the kiosk's runners, never
on the GUI thread:

- :meth:`StaffService.refresh` gathers a :class:`StaffStatus`: the devices' health (card
  reader, scanner, receipt printer with its paper), the library system (reachable, the last
  call's latency, offline), the offline journal (depth, conflicts: item and reason, no card),
  the last sync, today's anonymous counters, the recent events and staff actions. Nothing of
  any member is in it.
- the actions: a test print, sync now, out of service with a message and back, resolve a
  conflict, reload the configuration, restart, export the diagnostics bundle. Each is audited
  (who as :func:`kiosk.domain.session.staff_ref`, what, a detail without personal data), and
  each ends in a :class:`StaffResult` for the screen.

What the running kiosk lends to the mode (the PIN check, the audit, the journal, the sync, the
export, the restart) comes in as :class:`StaffTools`, so that this module names no adapter.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from hardware.ports import DeviceHealth, Receipt, ReceiptLine
from kiosk.domain.clock import Clock
from kiosk.domain.session import (
    CheckStaffPin,
    Effect,
    Event,
    SetInService,
    SetOutOfService,
    StaffEntered,
    StaffLeft,
    StaffPinChecked,
    StaffPinRefused,
)
from kiosk.services.tasks import TaskRunner

log = logging.getLogger(__name__)

#: the counters staff see for today, in this order (all anonymous)
TODAY = (
    "sessions",
    "items_checked_out",
    "items_returned",
    "items_renewed",
    "receipts_printed",
    "receipts_emailed",
    "receipts_not_printed",
    "payments",
)
#: the devices staff see, in this order (those the kiosk has)
DEVICES = ("card_reader", "scanner", "printer", "rfid", "payment_terminal")
#: the longest message staff may put on the out-of-service screen
MESSAGE_MAX = 200


class Audit(Protocol):
    """The staff audit log (``kiosk.ops.audit.AuditLog``)."""

    def record(self, staff: str, action: str, detail: str = "", *, at: datetime) -> Any: ...

    def recent(self, count: int = 50) -> Sequence[Any]: ...


class JournalView(Protocol):
    """What staff may see of the offline journal (``kiosk.ils.offline.Journal``)."""

    def depth(self) -> int: ...

    def conflicts(self) -> Sequence[Any]: ...

    def resolve(self, conflict_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class IlsState:
    #: the last call reached the library system (None: no call yet)
    reachable: bool | None = None
    #: seconds the last call took
    latency: float | None = None
    #: the kiosk works offline (store and forward)
    offline: bool = False


@dataclass(frozen=True, slots=True)
class StaffTools:
    """What the running kiosk lends to maintenance mode; any may be absent."""

    #: compares a typed PIN with ``[staff] pin_hash`` (argon2: slow on purpose)
    verify_pin: Callable[[str], bool] | None = None
    audit: Audit | None = None
    journal: JournalView | None = None
    #: replays the offline journal now; returns an object with ``sent``, ``conflicts``,
    #: ``waiting``
    sync: Callable[[], Any] | None = None
    ils_state: Callable[[], IlsState] = IlsState
    #: writes the diagnostics bundle into a folder, given the health to put in; returns its path
    export: Callable[[Path, Mapping[str, Any]], Path] | None = None
    #: the folders the bundle may go to (the configured one, USB sticks that are mounted)
    export_targets: Callable[[], Sequence[Path]] = tuple
    #: reads the configuration file again: "" when it is good, else what is wrong (file, line,
    #: key); a good one is taken by restarting
    check_config: Callable[[], str] | None = None
    #: ends the application so that it starts again (``kiosk run`` starts itself anew)
    restart: Callable[[], None] | None = None
    #: records a payment staff must look into in the offline journal's conflicts
    #: (``kiosk.services.payments.ProblemHook``)
    payment_problem: Callable[[str, str, Any, str, tuple[str, ...]], None] | None = None
    #: writes a payment down before the terminal gets it (``kiosk.services.payments``)
    payment_log: Any = None


class Outcome(StrEnum):
    """What came of a staff action; the screen says it in the kiosk's language."""

    PRINTED = "printed"
    NOT_PRINTED = "not_printed"
    NO_PRINTER = "no_printer"
    SYNCED = "synced"
    SYNC_AWAY = "sync_away"
    SYNC_FAILED = "sync_failed"
    NO_JOURNAL = "no_journal"
    OUT_OF_SERVICE = "out_of_service"
    IN_SERVICE = "in_service"
    CONFIG_BROKEN = "config_broken"
    RESTARTING = "restarting"
    CANNOT_RESTART = "cannot_restart"
    EXPORTED = "exported"
    EXPORT_FAILED = "export_failed"
    CONFLICT_RESOLVED = "conflict_resolved"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class StaffResult:
    action: str
    outcome: Outcome
    #: the data for the outcome's sentence (numbers, a file name, the printer's or the
    #: configuration's own words: nothing of a member)
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome not in _NOT_OK


_NOT_OK = frozenset(
    {
        Outcome.NOT_PRINTED,
        Outcome.NO_PRINTER,
        Outcome.SYNC_AWAY,
        Outcome.SYNC_FAILED,
        Outcome.NO_JOURNAL,
        Outcome.CONFIG_BROKEN,
        Outcome.CANNOT_RESTART,
        Outcome.EXPORT_FAILED,
        Outcome.FAILED,
    }
)


@dataclass(frozen=True, slots=True)
class KioskEvent:
    """One line of the recent event log: anonymous by construction (a kind and numbers or
    device words, never a card, a name or a title)."""

    at: datetime
    #: ``session`` (how it ended; items lent, returned, renewed), ``device`` (its state and the
    #: device's own words), ``ils`` (``away`` / ``back``), ``staff`` (an audited action)
    kind: str
    params: Mapping[str, str] = field(default_factory=dict)


class EventLog:
    """The last events of the kiosk, for the staff screen; thread-safe, bounded."""

    def __init__(self, size: int = 100) -> None:
        self._events: deque[KioskEvent] = deque(maxlen=size)
        self._lock = threading.Lock()

    def add(self, at: datetime, kind: str, **params: object) -> None:
        event = KioskEvent(at, kind, {k: str(v) for k, v in params.items()})
        with self._lock:
            self._events.append(event)

    def recent(self, count: int = 30) -> list[KioskEvent]:
        """Newest first."""
        with self._lock:
            return list(reversed(self._events))[:count]


class DailyCounts:
    """Today's anonymous counts, begun again at midnight (the kiosk's local time); the
    monitoring's counters are the controller's and never go back."""

    def __init__(self) -> None:
        self._day: date | None = None
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, now: datetime, name: str, n: int = 1) -> None:
        with self._lock:
            self._roll(now)
            self._counts[name] += n

    def today(self, now: datetime) -> dict[str, int]:
        with self._lock:
            self._roll(now)
            return {name: self._counts.get(name, 0) for name in TODAY}

    def _roll(self, now: datetime) -> None:
        day = now.astimezone().date()
        if day != self._day:
            self._day = day
            self._counts.clear()


@dataclass(frozen=True, slots=True)
class ConflictLine:
    id: int
    kind: str
    item: str
    reason: str
    at: datetime
    #: a payment's amount, formatted (``EUR 4.50``)
    amount: str = ""


@dataclass(frozen=True, slots=True)
class StaffStatus:
    #: (``card_reader`` | ``scanner`` | ``printer``, its health as last seen)
    devices: tuple[tuple[str, DeviceHealth], ...] = ()
    ils: IlsState = IlsState()
    journal_depth: int | None = None
    conflicts: tuple[ConflictLine, ...] = ()
    #: the last sync staff asked for: when, and its result
    last_sync: StaffResult | None = None
    last_sync_at: datetime | None = None
    today: Mapping[str, int] = field(default_factory=dict)
    events: tuple[KioskEvent, ...] = ()
    #: why the journal or the audit could not be read, for staff
    problems: tuple[str, ...] = ()
    #: folders the diagnostics may be saved to (a USB stick that is mounted)
    export_targets: tuple[str, ...] = ()


class StaffService:
    """One per kiosk, beside the :class:`SessionController`. Call it on the owner (GUI)
    thread; its work runs on ``runner`` (the device worker) or, for the library system,
    ``ils_runner``."""

    def __init__(
        self,
        controller: Any,
        tools: StaffTools,
        clock: Clock,
        runner: TaskRunner,
        ils_runner: TaskRunner,
        *,
        printer: Any = None,
        library_name: str = "",
        branch: str = "",
    ) -> None:
        self._controller = controller
        self._tools = tools
        self._clock = clock
        self._runner = runner
        self._ils_runner = ils_runner
        self._printer = printer
        self._library_name = library_name
        self._branch = branch
        self.events: EventLog = controller.events
        #: who has maintenance mode open (``staff_ref``), or ""
        self.staff = ""
        self._last_sync: StaffResult | None = None
        self._last_sync_at: datetime | None = None
        self._status_listeners: list[Callable[[StaffStatus], None]] = []
        self._result_listeners: list[Callable[[StaffResult], None]] = []
        self._refreshing = False
        controller.staff_hook = self._on_machine_effect

    def dispatch(self, event: Event) -> None:
        """A staff event for the session machine (lock, a device test)."""
        self._controller.dispatch(event)

    # ------------------------------------------------------------ listening
    def on_status(self, listener: Callable[[StaffStatus], None]) -> None:
        self._status_listeners.append(listener)

    def on_result(self, listener: Callable[[StaffResult], None]) -> None:
        self._result_listeners.append(listener)

    @property
    def can_sync(self) -> bool:
        return self._tools.sync is not None

    @property
    def can_print(self) -> bool:
        return self._printer is not None

    @property
    def can_restart(self) -> bool:
        return self._tools.restart is not None

    # ------------------------------------------------------------ what the machine asks
    def _on_machine_effect(self, effect: Effect) -> None:
        if isinstance(effect, CheckStaffPin):
            verify, pin, rid = self._tools.verify_pin, effect.pin, effect.request_id

            def check() -> bool:
                return verify is not None and verify(pin)

            def done(result: Any) -> None:
                if isinstance(result, BaseException):
                    log.error("checking the staff PIN failed: %s", type(result).__name__)
                self._controller.dispatch(StaffPinChecked(rid, result is True))

            self._runner.submit(check, done)
        elif isinstance(effect, StaffEntered):
            self.staff = effect.staff
            self._audit("enter", "")
            self._controller.check_devices()
        elif isinstance(effect, StaffLeft):
            self._audit("leave", effect.how)
            self.staff = ""
        elif isinstance(effect, StaffPinRefused):
            detail = f"attempt {effect.attempts}" + (", PIN entry locked" if effect.locked else "")
            self._audit("wrong_pin", detail, staff="PIN")

    def _audit(self, action: str, detail: str, *, staff: str | None = None) -> None:
        who = staff or self.staff or "?"
        now = self._clock.now()
        self.events.add(now, "staff", action=action, staff=who, detail=detail)
        audit = self._tools.audit
        if audit is None:
            log.info("staff action %s by %s %s", action, who, detail)
            return
        try:
            audit.record(who, action, detail, at=now)
        except Exception as exc:  # the action stands; the audit's trouble is logged and shown
            log.error("the staff audit could not be written: %s", exc)

    def _tell(self, result: StaffResult) -> None:
        for listener in self._result_listeners:
            listener(result)

    # ------------------------------------------------------------ the status
    def refresh(self) -> None:
        """Gather the status on the device runner; listeners hear it on the owner's thread."""
        if self._refreshing:
            return
        self._refreshing = True
        self._controller.check_devices()
        gather = self._gather

        def done(result: Any) -> None:
            self._refreshing = False
            if isinstance(result, StaffStatus):
                for listener in self._status_listeners:
                    listener(result)
            else:
                log.error("gathering the staff status failed: %s", type(result).__name__)

        self._runner.submit(gather, done)

    def _gather(self) -> StaffStatus:
        problems: list[str] = []
        depth: int | None = None
        conflicts: list[ConflictLine] = []
        journal = self._tools.journal
        if journal is not None:
            try:
                depth = journal.depth()
                conflicts = [
                    ConflictLine(
                        c.id,
                        c.kind,
                        c.item,
                        str(c.reason),
                        c.at,
                        c.amount.format() if getattr(c, "amount", None) is not None else "",
                    )
                    for c in journal.conflicts()
                ]
            except Exception as exc:
                problems.append(f"offline journal: {exc}")
        try:
            ils = self._tools.ils_state()
        except Exception as exc:
            problems.append(f"library system: {type(exc).__name__}")
            ils = IlsState()
        try:
            targets = tuple(str(p) for p in self._tools.export_targets())
        except OSError as exc:
            problems.append(f"looking for USB sticks: {exc.strerror}")
            targets = ()
        health = self._controller.device_health
        devices = tuple((k, health[k]) for k in DEVICES if k in health)
        now = self._clock.now()
        return StaffStatus(
            devices=devices,
            ils=ils,
            journal_depth=depth,
            conflicts=tuple(conflicts),
            last_sync=self._last_sync,
            last_sync_at=self._last_sync_at,
            today=self._controller.today.today(now),
            events=tuple(self.events.recent()),
            problems=tuple(problems),
            export_targets=targets,
        )

    # ------------------------------------------------------------ actions
    def test_print(self) -> None:
        printer = self._printer
        if printer is None:
            self._tell(StaffResult("test_print", Outcome.NO_PRINTER))
            return
        now = self._clock.now()
        receipt = test_receipt(self._library_name, self._branch, self.staff, now)

        def work() -> DeviceHealth:
            printer.print_receipt(receipt)
            health: DeviceHealth = printer.health()
            return health

        def done(result: Any) -> None:
            if isinstance(result, DeviceHealth):
                self._controller.note_device("printer", result)
                outcome = StaffResult("test_print", Outcome.PRINTED, _health_params(result))
            else:
                words = getattr(result, "reason", "") or type(result).__name__
                self._controller.check_printer()
                outcome = StaffResult("test_print", Outcome.NOT_PRINTED, {"why": str(words)})
            self._audit("test_print", outcome.outcome.value)
            self._tell(outcome)

        self._runner.submit(work, done)

    def sync_now(self) -> None:
        sync = self._tools.sync
        if sync is None:
            self._tell(StaffResult("sync", Outcome.NO_JOURNAL))
            return

        def done(result: Any) -> None:
            if isinstance(result, BaseException):
                log.error("sync now failed: %s", type(result).__name__)
                outcome = StaffResult("sync", Outcome.SYNC_FAILED, {"why": type(result).__name__})
            else:
                params = {
                    "sent": str(result.sent),
                    "conflicts": str(result.conflicts),
                    "waiting": str(result.waiting),
                }
                kind = Outcome.SYNC_AWAY if result.waiting else Outcome.SYNCED
                outcome = StaffResult("sync", kind, params)
            self._last_sync, self._last_sync_at = outcome, self._clock.now()
            detail = ", ".join(f"{k} {v}" for k, v in outcome.params.items())
            self._audit("sync_now", f"{outcome.outcome.value} {detail}".strip())
            self._tell(outcome)
            self.refresh()

        self._ils_runner.submit(sync, done)

    def set_out_of_service(self, message: str) -> None:
        text = " ".join(message.split())[:MESSAGE_MAX]
        self._controller.dispatch(SetOutOfService(text))
        self._audit("out_of_service", text)
        self._tell(StaffResult("out_of_service", Outcome.OUT_OF_SERVICE, {"message": text}))

    def set_in_service(self) -> None:
        self._controller.dispatch(SetInService())
        self._audit("in_service", "")
        self._tell(StaffResult("in_service", Outcome.IN_SERVICE))

    def resolve_conflict(self, conflict_id: int) -> None:
        journal = self._tools.journal
        if journal is None:
            self._tell(StaffResult("resolve_conflict", Outcome.NO_JOURNAL))
            return

        def done(result: Any) -> None:
            if isinstance(result, BaseException):
                outcome = StaffResult("resolve_conflict", Outcome.FAILED, {"why": str(result)})
            else:
                outcome = StaffResult("resolve_conflict", Outcome.CONFLICT_RESOLVED)
            self._audit("resolve_conflict", f"conflict {conflict_id}: {outcome.outcome.value}")
            self._tell(outcome)
            self.refresh()

        self._runner.submit(lambda: journal.resolve(conflict_id), done)

    def reload_config(self, *, by: str = "") -> None:
        """Read the configuration again; a good one is taken by restarting, a broken one is
        named (file, line, key) and the kiosk goes on as it was. ``by``: who asked, when not
        staff at the screen (``SIGHUP``: systemctl reload)."""
        check = self._tools.check_config
        if check is None or self._tools.restart is None:
            self._tell(StaffResult("reload_config", Outcome.CANNOT_RESTART))
            return

        def done(result: Any) -> None:
            problem = (
                f"{type(result).__name__}" if isinstance(result, BaseException) else str(result)
            )
            if problem:
                log.error("reloading the settings: %s; the kiosk keeps its settings", problem)
                self._audit("reload_config", "refused: the file has an error", staff=by or None)
                self._tell(StaffResult("reload_config", Outcome.CONFIG_BROKEN, {"why": problem}))
                return
            self._audit("reload_config", "restarting with the new settings", staff=by or None)
            self._restart("reload_config")

        self._runner.submit(check, done)

    def restart(self) -> None:
        self._audit("restart", "")
        self._restart("restart")

    def _restart(self, action: str) -> None:
        restart = self._tools.restart
        if restart is None:
            self._tell(StaffResult(action, Outcome.CANNOT_RESTART))
            return
        self._tell(StaffResult(action, Outcome.RESTARTING))
        restart()

    def export_diagnostics(self, folder: Path) -> None:
        export = self._tools.export
        if export is None:
            self._tell(StaffResult("export", Outcome.EXPORT_FAILED, {"why": "not available"}))
            return
        controller = self._controller

        def work() -> Path:
            status = self._gather()
            health = {
                "devices": [
                    {"device": key, "state": d.state.value, "reason": d.reason}
                    for key, d in status.devices
                ],
                "ils": {
                    "reachable": status.ils.reachable,
                    "latency_s": status.ils.latency,
                    "offline": status.ils.offline,
                },
                "journal_depth": status.journal_depth,
                "conflicts": [
                    {"kind": c.kind, "item": c.item, "reason": c.reason, "at": c.at.isoformat()}
                    for c in status.conflicts
                ],
                "today": dict(status.today),
                "in_service": controller.machine.in_service,
            }
            return export(folder, health)

        def done(result: Any) -> None:
            if isinstance(result, Path):
                outcome = StaffResult("export", Outcome.EXPORTED, {"file": str(result)})
            else:
                why = str(result) if isinstance(result, Exception) else "?"
                log.error("exporting the diagnostics failed: %s", why)
                outcome = StaffResult("export", Outcome.EXPORT_FAILED, {"why": why})
            self._audit("export_diagnostics", outcome.params.get("file", "failed"))
            self._tell(outcome)

        self._runner.submit(work, done)

    def device_test(self, device: str) -> None:
        """The reader and scanner tests run in the session machine; audited here."""
        self._audit(f"{device}_test", "")


def _health_params(health: DeviceHealth) -> dict[str, str]:
    return {"state": health.state.value, "why": health.reason, "condition": health.condition}


def test_receipt(library_name: str, branch: str, staff: str, now: datetime) -> Receipt:
    """A test page: the kiosk's name and time, and the characters a Dutch receipt needs (the
    euro sign, diaereses and accents), to see the code page is right."""
    return Receipt(
        header=tuple(x for x in (library_name, branch) if x),
        lines=(
            ReceiptLine("TEST PRINT", bold=True, align="center"),
            ReceiptLine(""),
            ReceiptLine("€ 1,50  ë ï é è ü ö ç ß"),
            ReceiptLine("IJsselmeer, Curaçao, Zoë, café"),
            ReceiptLine(f"by {staff or 'staff'}"),
        ),
        footer=("If the line above shows a euro sign and accents, the code page is right.",),
        printed_at=now,
        barcode="1234567890128",
        qr="library kiosk test print",
    )
