"""Drives the domain session machine and carries out its effects against the ports."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hardware.ports import (
    DeviceHealth,
    Health,
    Indicator,
    PaymentTerminal,
    PrintFailed,
    ReceiptPrinter,
    RfidPad,
)
from kiosk.domain.clock import Clock
from kiosk.domain.payment import Paid
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CheckIn,
    CheckOut,
    CheckStaffPin,
    Effect,
    EmailReceipt,
    EndIlsSession,
    Event,
    Identify,
    IlsFailed,
    IlsReplied,
    LoadSummary,
    Pay,
    PaymentFinished,
    PrinterChanged,
    PrintReceipt,
    PrintSlip,
    ReceiptFailed,
    ReceiptPrinted,
    Renew,
    RenewEverything,
    Screen,
    SecuritySet,
    SessionEnded,
    SessionMachine,
    SessionView,
    SetInService,
    SetOutOfService,
    SetSecurity,
    StaffPinChecked,
    Tick,
    Timeouts,
)
from kiosk.domain.types import CheckoutResult, SystemStatus
from kiosk.ils.port import IlsUnavailable, LibrarySystem
from kiosk.services.mail import Mailer, receipt_text
from kiosk.services.payments import PaymentLog, Payments, ProblemHook
from kiosk.services.receipts import ReceiptStyle, loan_receipt, return_slip
from kiosk.services.rfid import switch_security
from kiosk.services.staff import DailyCounts, EventLog
from kiosk.services.tasks import TaskRunner

log = logging.getLogger(__name__)

#: a payment whose terminal has not answered for this long lets the member go (staff told)
PAYING_LIMIT_S = 300.0


class SessionController:
    """One per kiosk. Call :meth:`dispatch` on the owner (GUI) thread only."""

    def __init__(
        self,
        ils: LibrarySystem,
        clock: Clock,
        runner: TaskRunner,
        *,
        timeouts: Timeouts | None = None,
        in_service: bool = True,
        on_change: Callable[[SessionView], None] | None = None,
        status_every: float = 60.0,
        printer: ReceiptPrinter | None = None,
        receipt_style: Callable[[], ReceiptStyle] | None = None,
        device_runner: TaskRunner | None = None,
        indicator: Indicator | None = None,
        indicator_runner: TaskRunner | None = None,
        branch: str = "",
        mailer: Mailer | None = None,
        mail_subject: str = "",
        return_slips: bool = False,
        staff_cards: frozenset[str] = frozenset(),
        staff_pin: bool = False,
        card_reader: Any = None,
        scanner: Any = None,
        payment_terminal: PaymentTerminal | None = None,
        payment_prefix: str = "",
        payment_problem: ProblemHook | None = None,
        payment_log: PaymentLog | None = None,
        rfid: RfidPad | None = None,
        rfid_ask_count: bool = False,
    ) -> None:
        self._ils = ils
        #: the branch this kiosk stands in: where returned items are checked in
        self._branch = branch
        self._clock = clock
        self._runner = runner
        self._machine = SessionMachine(
            timeouts,
            in_service=in_service,
            receipts=printer is not None,
            emails=mailer is not None,
            return_slips=return_slips and printer is not None,
            staff_cards=staff_cards,
            staff_pin=staff_pin,
            payments=payment_terminal is not None,
            rfid=rfid is not None,
            ask_count=rfid_ask_count,
        )
        #: the RFID pad: its writes (security flags) go on the device runner
        self._rfid = rfid
        self._mailer = mailer
        self._mail_subject = mail_subject
        #: the receipt printer, driven on its own runner so that a slow printer (seconds, at
        #: most its timeout) never holds up the next member's ILS calls
        self._printer = printer
        #: asked at each print, so that the member's language is the receipt's
        self._receipt_style = receipt_style or (lambda: ReceiptStyle(""))
        self._device_runner = device_runner or runner
        #: a light and/or beeper, where fitted: "ok" for a loan, "error" for a refusal
        self._indicator = indicator
        #: a beep must not wait behind a slow printer: the indicator has its own runner
        self._indicator_runner = indicator_runner or self._device_runner
        self._printer_check_pending = False
        self._printer_check_again = False
        #: each device's health as last seen, for staff (maintenance mode, logs)
        self.device_health: dict[str, DeviceHealth] = {}
        self._listeners: list[Callable[[SessionView], None]] = []
        if on_change is not None:
            self._listeners.append(on_change)
        #: anonymous counters for monitoring (P12): how sessions ended, items lent; they only
        #: ever grow. Today's, for staff, begin again at midnight.
        self.counters: Counter[str] = Counter()
        self.today = DailyCounts()
        #: the recent anonymous events, for the staff screen
        self.events = EventLog()
        #: maintenance mode's effects (the PIN check, the audit) go to the staff service
        self.staff_hook: Callable[[Effect], None] | None = None
        self._card_reader = card_reader
        self._scanner = scanner
        self._devices_check_pending = False
        # Between sessions the kiosk asks the ILS how it is (a SIP2 connection sends its 99
        # heartbeat this way, on the worker thread): offline -> out of service until it is back.
        self._status_every = status_every
        self._last_status = clock.now()
        self._status_pending = False
        self._offline = False
        #: paying fees at the terminal; its device calls go on the device runner
        self._payment_terminal = payment_terminal
        self._payments = (
            Payments(
                payment_terminal,
                ils,
                clock,
                device_runner=self._device_runner,
                ils_runner=runner,
                prefix=payment_prefix or branch,
                on_problem=payment_problem,
                log_to=payment_log,
                on_event=lambda kind, data: self.events.add(clock.now(), kind, **data),
            )
            if payment_terminal is not None
            else None
        )

    @property
    def has_rfid(self) -> bool:
        return self._rfid is not None

    @property
    def machine(self) -> SessionMachine:
        return self._machine

    def subscribe(self, listener: Callable[[SessionView], None]) -> None:
        self._listeners.append(listener)

    def view(self) -> SessionView:
        return self._machine.view(self._clock.now())

    def dispatch(self, event: Event) -> None:
        effects = self._machine.handle(event, self._clock.now())
        for effect in effects:
            self._carry_out(effect)
        self._publish()

    def tick(self) -> None:
        self.dispatch(Tick())
        self._check_status_when_due()
        if self._payments is not None:
            self._payments.give_up_after(PAYING_LIMIT_S)

    def check_status_now(self) -> None:
        """Ask the library system how it is at once (at start), not a heartbeat later."""
        self._last_status = self._clock.now() - timedelta(seconds=self._status_every)
        self._check_status_when_due()

    def _check_status_when_due(self) -> None:
        now = self._clock.now()
        if self._status_pending or (now - self._last_status).total_seconds() < self._status_every:
            return
        if self._machine.view(now).screen not in (Screen.IDLE, Screen.OUT_OF_SERVICE):
            return  # never in a member's way
        self._status_pending = True
        self._last_status = now
        self._runner.submit(self._ils.status, self._on_status)
        self.check_printer()
        self.check_devices()

    def check_devices(self) -> None:
        """Ask the card reader and the scanner how they are (on the device runner), for staff
        and monitoring. Between sessions, and when maintenance mode opens."""
        if self._devices_check_pending:
            return
        devices = [
            (key, device)
            for key, device in (
                ("card_reader", self._card_reader),
                ("scanner", self._scanner),
                ("payment_terminal", self._payment_terminal),
                ("rfid", self._rfid),
            )
            if device is not None
        ]
        if not devices:
            return
        self._devices_check_pending = True

        def work() -> list[tuple[str, DeviceHealth]]:
            out = []
            for key, device in devices:
                try:
                    out.append((key, device.health()))
                except Exception as exc:  # a device that cannot even say how it is: failed
                    why = f"It does not answer ({type(exc).__name__})"
                    out.append((key, DeviceHealth(key.replace("_", " "), Health.FAILED, why)))
            return out

        def done(result: Any) -> None:
            self._devices_check_pending = False
            if isinstance(result, list):
                for key, health in result:
                    self.note_device(key, health)

        self._device_runner.submit(work, done)

    def note_device(self, key: str, health: DeviceHealth) -> None:
        """Record a device's health as last seen (staff, monitoring); a change is logged and
        goes into the event log."""
        before = self.device_health.get(key)
        self.device_health[key] = health
        if before is None or (before.state, before.reason) != (health.state, health.reason):
            log.info("%s: %s %s", health.device, health.state.value, health.reason)
            self.events.add(
                self._clock.now(),
                "device",
                device=key,
                state=health.state.value,
                why=health.reason,
            )

    def _count(self, name: str, n: int = 1) -> None:
        self.counters[name] += n
        self.today.add(self._clock.now(), name, n)

    def check_printer(self) -> None:
        """Ask the receipt printer how it is (on the device runner), so that the receipt screen
        offers printing only when it can print. Called between sessions and at start."""
        printer = self._printer
        if printer is None:
            return
        if self._printer_check_pending:
            self._printer_check_again = True  # asked while a check runs: look once more after
            return
        self._printer_check_pending = True
        self._printer_check_again = False

        def done(result: Any) -> None:
            self._printer_check_pending = False
            self._note_printer(result if isinstance(result, DeviceHealth) else None)
            if self._printer_check_again:
                self.check_printer()

        self._device_runner.submit(printer.health, done)

    def _note_printer(self, health: DeviceHealth | None) -> Reason | None:
        """Record the printer's health for staff and tell the session; the member's reason
        why it cannot print (None: it can)."""
        if health is None:
            health = DeviceHealth("receipt printer", Health.FAILED, "The receipt printer failed")
        self.note_device("printer", health)
        ready = health.state is not Health.FAILED
        out = health.condition == "paper_out"
        reason = (
            None if ready else (Reason.PRINTER_OUT_OF_PAPER if out else Reason.PRINTER_UNAVAILABLE)
        )
        self.dispatch(PrinterChanged(ready, reason))
        return reason

    def _on_status(self, result: Any) -> None:
        self._status_pending = False
        online = isinstance(result, SystemStatus) and result.online
        if not online and not self._offline:
            why = type(result).__name__ if isinstance(result, BaseException) else "offline"
            log.warning("library system not available between sessions (%s)", why)
            self.events.add(self._clock.now(), "ils", state="away")
            self._offline = True
            if self._machine.view(self._clock.now()).screen is Screen.IDLE:
                self.dispatch(SetOutOfService(reason=Reason.ILS_UNAVAILABLE))
        elif online and self._offline:
            log.info("library system available again")
            self.events.add(self._clock.now(), "ils", state="back")
            self._offline = False
            self.dispatch(SetInService(Reason.ILS_UNAVAILABLE))

    # ------------------------------------------------------------ effects
    def _carry_out(self, effect: Effect) -> None:
        ils = self._ils
        if isinstance(effect, Identify):
            card, pin, rid = effect.card_number, effect.pin, effect.request_id
            self._runner.submit(lambda: ils.identify(card, pin), self._reply_to(rid))
        elif isinstance(effect, LoadSummary):
            card, rid = effect.card_number, effect.request_id
            self._runner.submit(lambda: ils.member_summary(card), self._reply_to(rid))
        elif isinstance(effect, CheckOut):
            card, item, ack, rid = (
                effect.card_number,
                effect.item_id,
                effect.fee_acknowledged,
                effect.request_id,
            )
            self._runner.submit(
                lambda: ils.check_out(card, item, fee_acknowledged=ack), self._reply_to(rid)
            )
        elif isinstance(effect, CheckIn):
            item, rid, branch = effect.item_id, effect.request_id, self._branch
            self._runner.submit(lambda: ils.check_in(item, location=branch), self._reply_to(rid))
        elif isinstance(effect, Renew):
            card, item, rid = effect.card_number, effect.item_id, effect.request_id
            self._runner.submit(lambda: ils.renew(card, item), self._reply_to(rid))
        elif isinstance(effect, RenewEverything):
            card, rid = effect.card_number, effect.request_id
            self._runner.submit(lambda: ils.renew_all(card), self._reply_to(rid))
        elif isinstance(effect, Pay):
            if self._payments is None:
                self.dispatch(PaymentFinished(effect.request_id, Paid.FAILED, ""))
            else:
                self._payments.start(effect, self.dispatch)
        elif isinstance(effect, SetSecurity):
            self._switch_security(effect)
        elif isinstance(effect, PrintReceipt):
            self._print(effect)
        elif isinstance(effect, EmailReceipt):
            self._email(effect)
        elif isinstance(effect, PrintSlip):
            self._print_slip(effect)
        elif isinstance(effect, EndIlsSession):
            card = effect.card_number
            self._runner.submit(lambda: ils.end_session(card), self._ignore)
        elif isinstance(effect, SessionEnded):
            self._count(f"sessions_{effect.how.value}")
            self.today.add(self._clock.now(), "sessions")  # for staff: all of today's
            self._count("items_checked_out", effect.checkouts)
            self._count("items_returned", effect.returns)
            self._count("items_renewed", effect.renewals)
            self._count("payments", effect.payments)
            self._count("paid_cents", effect.paid_cents)
            self._count("flags_not_switched", effect.flags_not_switched)
            self.events.add(
                self._clock.now(),
                "session",
                how=effect.how.value,
                lent=effect.checkouts,
                returned=effect.returns,
                renewed=effect.renewals,
            )
            log.info(
                "session ended",
                extra={
                    "how": effect.how.value,
                    "items": effect.checkouts,
                    "returned": effect.returns,
                    "renewed": effect.renewals,
                },
            )
        elif self.staff_hook is not None:
            self.staff_hook(effect)  # maintenance mode: the PIN check, the audit
        elif isinstance(effect, CheckStaffPin):
            self.dispatch(StaffPinChecked(effect.request_id, False))  # no staff PIN here

    def _switch_security(self, effect: SetSecurity) -> None:
        pad = self._rfid
        if pad is None:
            return

        def done(result: Any) -> None:
            if isinstance(result, SecuritySet):
                self._count("flags_switched" if result.ok else "flags_not_switched_yet")
                self.dispatch(result)
            else:
                log.error("switching a security flag failed: %s", type(result).__name__)
                self.dispatch(SecuritySet(effect.item_id, False, effect.secured, effect.session))

        self._device_runner.submit(lambda: switch_security(pad, effect), done)

    def _print(self, effect: PrintReceipt) -> None:
        printer, rid = self._printer, effect.request_id
        if printer is None:
            self.dispatch(ReceiptFailed(rid, Reason.PRINTER_UNAVAILABLE))
            return
        # The ILS's lines, each once (it may send the same line with every loan).
        print_lines = list(dict.fromkeys(line for c in effect.checkouts for line in c.print_lines))
        try:
            receipt = loan_receipt(
                self._receipt_style(),
                effect.card_number,
                effect.checkouts,
                printed_at=self._clock.now(),
                print_lines=print_lines,
                returns=effect.returns,
                renewals=effect.renewals,
                payments=effect.payments,
            )
        except Exception as exc:  # never leave the member looking at "Printing..."
            log.error("composing a receipt failed: %s", type(exc).__name__)
            self.dispatch(ReceiptFailed(rid, Reason.PRINTER_UNAVAILABLE))
            return

        def work() -> DeviceHealth:
            printer.print_receipt(receipt)
            return printer.health()

        def done(result: Any) -> None:
            if isinstance(result, DeviceHealth):
                self._count("receipts_printed")
                self._note_printer(result)
                self.dispatch(ReceiptPrinted(rid))
                return
            self._count("receipts_not_printed")
            if isinstance(result, PrintFailed):
                # The printer's own words for staff: never the receipt's text.
                condition = result.status.condition if result.status is not None else ""
                health = DeviceHealth("receipt printer", Health.FAILED, result.reason, condition)
            else:
                log.error("printing a receipt failed: %s", type(result).__name__)
                health = None
            why = self._note_printer(health) or Reason.PRINTER_UNAVAILABLE
            self.dispatch(ReceiptFailed(rid, why))

        self._device_runner.submit(work, done)

    def _print_slip(self, effect: PrintSlip) -> None:
        printer = self._printer
        slip = return_slip(self._receipt_style(), effect.result, printed_at=self._clock.now())
        if printer is None or slip is None:
            return

        def work() -> DeviceHealth:
            printer.print_receipt(slip)
            return printer.health()

        def done(result: Any) -> None:
            # The item is returned whatever the printer does; staff see a failed slip in the
            # printer's health, and the member still sees where the item goes.
            if isinstance(result, DeviceHealth):
                self._count("slips_printed")
                self._note_printer(result)
            else:
                self._count("slips_not_printed")
                log.warning("printing a return slip failed: %s", type(result).__name__)
                self.check_printer()

        self._device_runner.submit(work, done)

    def _email(self, effect: EmailReceipt) -> None:
        mailer, rid, address = self._mailer, effect.request_id, effect.address
        style = self._receipt_style()
        try:
            receipt = loan_receipt(
                style,
                effect.card_number,
                effect.checkouts,
                printed_at=self._clock.now(),
                returns=effect.returns,
                renewals=effect.renewals,
                payments=effect.payments,
            )
            text = receipt_text(receipt)
        except Exception as exc:  # never leave the member waiting
            log.error("composing an e-mailed receipt failed: %s", type(exc).__name__)
            mailer = None
        if mailer is None:
            self.dispatch(ReceiptFailed(rid, Reason.EMAIL_FAILED))
            return
        subject = self._mail_subject or style.library_name or "Receipt"
        send = mailer.send

        def done(result: Any) -> None:
            if isinstance(result, BaseException):
                # The type only: the server's words may quote the address.
                log.warning("e-mailing a receipt failed: %s", type(result).__name__)
                self._count("receipts_not_emailed")
                self.dispatch(ReceiptFailed(rid, Reason.EMAIL_FAILED))
            else:
                self._count("receipts_emailed")
                self.dispatch(ReceiptPrinted(rid, emailed=True))

        self._device_runner.submit(lambda: send(address, subject, text), done)

    def _reply_to(self, request_id: int) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            if isinstance(result, IlsUnavailable):
                log.warning("library system unavailable: %s", result)
                self.dispatch(IlsFailed(request_id, Reason.ILS_UNAVAILABLE))
            elif isinstance(result, BaseException):
                # The type only: an exception text may carry a card number.
                log.error("library system call failed: %s", type(result).__name__)
                self.dispatch(IlsFailed(request_id, Reason.ILS_ERROR))
            else:
                self.dispatch(IlsReplied(request_id, result))
                asked = (
                    result.outcome.reason is Reason.FEE_ACK_REQUIRED
                    if isinstance(result, CheckoutResult)
                    else False
                )
                if isinstance(result, CheckoutResult) and not asked:
                    self._signal("ok" if result.ok else "error")

        return done

    def _signal(self, kind: str) -> None:
        indicator = self._indicator
        if indicator is not None:
            self._indicator_runner.submit(lambda: indicator.signal(kind), self._ignore_device)

    def _ignore_device(self, result: Any) -> None:
        if isinstance(result, BaseException):
            log.warning("the indicator failed: %s", type(result).__name__)

    def _ignore(self, result: Any) -> None:
        if isinstance(result, BaseException):
            log.warning("ending the ILS session failed: %s", type(result).__name__)

    def _publish(self) -> None:
        view = self.view()
        for listener in self._listeners:
            listener(view)
