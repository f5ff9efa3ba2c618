"""The member session as a plain state machine.

``SessionMachine.handle(event, now)`` moves the session and returns the effects the services
layer must carry out (ask the ILS, print, tell the ILS the session ended). Replies from the ILS
come back as :class:`IlsReplied` events carrying the request id they answer; a reply to a
request the machine no longer waits for (the member left, the session timed out) is dropped, so
personal data can never come back onto the screen after a session ended (P3).

The machine holds the member's data only while a member screen is shown; every way out of a
member screen goes through :meth:`SessionMachine._end`, which forgets all of it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.domain.barcode import normalize_code
from kiosk.domain.money import Money
from kiosk.domain.payment import PAID_REASON, FeeShare, Paid, PaymentLine, shares, total
from kiosk.domain.privacy import mask_email
from kiosk.domain.reasons import Reason
from kiosk.domain.stack import PadTag, items_on, unreadable
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    RenewAllResult,
    RenewResult,
    ReturnDestination,
    SummaryResult,
)


class Screen(StrEnum):
    OUT_OF_SERVICE = "out_of_service"
    IDLE = "idle"
    CARD_ENTRY = "card_entry"
    PIN = "pin"
    IDENTIFYING = "identifying"
    HOME = "home"
    CONFIRM_FEE = "confirm_fee"
    #: the member checks the fees chosen and their total before paying (P10)
    PAY_CONFIRM = "pay_confirm"
    #: the member pays at the terminal
    PAYING = "paying"
    RETURN = "return"
    RECEIPT = "receipt"
    GOODBYE = "goodbye"
    STAFF_PIN = "staff_pin"
    STAFF = "staff"


#: Items scanned while another is being lent wait their turn, up to this many.
MAX_QUEUED = 20

#: Screens on which a member's personal data may be held.
MEMBER_SCREENS = frozenset(
    {
        Screen.PIN,
        Screen.IDENTIFYING,
        Screen.HOME,
        Screen.CONFIRM_FEE,
        Screen.PAY_CONFIRM,
        Screen.PAYING,
        Screen.RETURN,
        Screen.RECEIPT,
    }
)


#: Screens on which a staff card is not taken (a member is in the middle of something).
_NO_STAFF_CARD_ON = frozenset(
    {Screen.PIN, Screen.IDENTIFYING, Screen.CONFIRM_FEE, Screen.PAYING, Screen.STAFF}
)

#: Staff maintenance mode: no member's data is held or shown on these (P12).
STAFF_SCREENS = frozenset({Screen.STAFF_PIN, Screen.STAFF})

#: Taps on the hidden corner that open the staff PIN, and the seconds they must come within.
STAFF_CORNER_TAPS = 5
STAFF_CORNER_SECONDS = 3.0
#: Wrong staff PINs in a row before PIN entry is locked, and for how long (a staff card still
#: opens maintenance mode meanwhile).
STAFF_PIN_ATTEMPTS = 5
STAFF_PIN_LOCK_SECONDS = 300.0
#: Seconds a reader or scanner test waits for a card or a code.
STAFF_TEST_SECONDS = 20.0

#: writes of an item's security flag tried at once while its tags lie on the pad; then the
#: member is asked to put it back (a tag at the edge of the field)
SECURITY_TRIES = 3

_PRINTER_TROUBLE = frozenset({Reason.PRINTER_OUT_OF_PAPER, Reason.PRINTER_UNAVAILABLE})


class CardSource(StrEnum):
    READER = "reader"  # a card lying on / in a reader: removing it ends the session
    SCANNER = "scanner"
    KEYPAD = "keypad"


class EndReason(StrEnum):
    DONE = "done"
    CARD_REMOVED = "card_removed"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"
    REFUSED = "refused"
    OUT_OF_SERVICE = "out_of_service"


# ---------------------------------------------------------------- events
@dataclass(frozen=True, slots=True)
class CardPresented:
    card_number: str
    source: CardSource = CardSource.READER


@dataclass(frozen=True, slots=True)
class CardRemoved:
    pass


@dataclass(frozen=True, slots=True)
class CodeScanned:
    code: str
    #: what the library's code rules make of it: ``card``, ``item``, ``unreadable`` (fits a
    #: pattern but fails its check digit, or fits none), or ``None`` when no rules are set
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class OpenKeypad:
    pass


@dataclass(frozen=True, slots=True)
class CardNumberTyped:
    text: str


@dataclass(frozen=True, slots=True)
class PinTyped:
    pin: str


@dataclass(frozen=True, slots=True)
class ItemTyped:
    text: str


@dataclass(frozen=True, slots=True)
class FeeAnswered:
    accept: bool


@dataclass(frozen=True, slots=True)
class ToggleFee:
    """The member ticks or unticks a fee to pay."""

    fee_id: str


@dataclass(frozen=True, slots=True)
class PayFees:
    """The member wants to pay the fees ticked: the total is shown for confirmation first."""


@dataclass(frozen=True, slots=True)
class PayConfirmed:
    """The member confirmed the total: only now does the terminal get the amount (P10)."""


@dataclass(frozen=True, slots=True)
class PaymentFinished:
    """The terminal's answer, and (when it approved) what the library system made of it."""

    request_id: int
    paid: Paid
    reference: str
    terminal_receipt: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PadChanged:
    """What lies on the RFID pad now, the whole stack."""

    tags: tuple[PadTag, ...]


@dataclass(frozen=True, slots=True)
class StackCounted:
    """The member says how many items they placed on the pad."""

    count: int


@dataclass(frozen=True, slots=True)
class SecuritySet:
    """The security flags of an item's tags were switched (``ok``), or a tag was gone.
    ``secured`` and ``session``: what the write was to set, in which session (a write's
    answer may come when the next member is already there)."""

    item_id: str
    ok: bool
    secured: bool = False
    session: int = 0


@dataclass(frozen=True, slots=True)
class Cancel:
    pass


@dataclass(frozen=True, slots=True)
class Done:
    pass


@dataclass(frozen=True, slots=True)
class Tick:
    pass


@dataclass(frozen=True, slots=True)
class Touched:
    """Any touch on a member screen: proof of life for the inactivity rule."""


@dataclass(frozen=True, slots=True)
class IlsReplied:
    request_id: int
    result: (
        IdentifyResult
        | SummaryResult
        | CheckoutResult
        | CheckinResult
        | RenewResult
        | RenewAllResult
    )


@dataclass(frozen=True, slots=True)
class IlsFailed:
    request_id: int
    reason: Reason = Reason.ILS_UNAVAILABLE


@dataclass(frozen=True, slots=True)
class SetOutOfService:
    """Out of service: by staff (``reason`` None; ``message``, their own words, shown as typed)
    or by the kiosk itself for ``reason`` (the library system is away, the configuration is
    broken). Each lasts until its own :class:`SetInService`; while staff work in maintenance
    mode the screen stays theirs."""

    message: str = ""
    reason: Reason | None = None
    #: for staff, not members: what exactly is wrong (a configuration key and line)
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SetInService:
    """Ends staff's out of service (``reason`` None), or the kiosk's own for ``reason``."""

    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class StaffCorner:
    """A tap on the hidden corner of the start or out-of-service screen: five within three
    seconds open the staff PIN (where a staff PIN is configured)."""


@dataclass(frozen=True, slots=True)
class StaffPinTyped:
    pin: str


@dataclass(frozen=True, slots=True)
class StaffPinChecked:
    request_id: int
    ok: bool


@dataclass(frozen=True, slots=True)
class StaffTest:
    """Staff test a device: ``reader`` (present a card) or ``scanner`` (scan a code)."""

    device: str


@dataclass(frozen=True, slots=True)
class LeaveStaff:
    """Staff lock maintenance mode again."""


@dataclass(frozen=True, slots=True)
class StartReturns:
    """ "Return items": on the start screen without a card, or from a member's home screen."""


@dataclass(frozen=True, slots=True)
class RenewItem:
    item_id: str


@dataclass(frozen=True, slots=True)
class RenewAll:
    pass


@dataclass(frozen=True, slots=True)
class ReceiptChosen:
    """On the receipt screen: print one (``True``) or not; or e-mail it to the address the
    library system has (``email``)."""

    print: bool
    email: bool = False


@dataclass(frozen=True, slots=True)
class ReceiptPrinted:
    """The receipt was printed, or e-mailed (``emailed``)."""

    request_id: int
    emailed: bool = False


@dataclass(frozen=True, slots=True)
class ReceiptFailed:
    request_id: int
    reason: Reason = Reason.PRINTER_UNAVAILABLE


@dataclass(frozen=True, slots=True)
class PrinterChanged:
    """The receipt printer's state as last seen: a member is offered a receipt only when it
    can print; otherwise told why, with their loans on the screen instead."""

    ready: bool
    reason: Reason | None = None


Event = (
    CardPresented
    | CardRemoved
    | CodeScanned
    | OpenKeypad
    | CardNumberTyped
    | PinTyped
    | ItemTyped
    | FeeAnswered
    | ToggleFee
    | PayFees
    | PayConfirmed
    | PaymentFinished
    | PadChanged
    | StackCounted
    | SecuritySet
    | Cancel
    | Done
    | Tick
    | Touched
    | IlsReplied
    | IlsFailed
    | SetOutOfService
    | SetInService
    | StartReturns
    | RenewItem
    | RenewAll
    | ReceiptChosen
    | ReceiptPrinted
    | ReceiptFailed
    | PrinterChanged
    | StaffCorner
    | StaffPinTyped
    | StaffPinChecked
    | StaffTest
    | LeaveStaff
)


# ---------------------------------------------------------------- effects
@dataclass(frozen=True, slots=True)
class Identify:
    request_id: int
    card_number: str
    pin: str | None


@dataclass(frozen=True, slots=True)
class LoadSummary:
    request_id: int
    card_number: str


@dataclass(frozen=True, slots=True)
class CheckOut:
    request_id: int
    card_number: str
    item_id: str
    fee_acknowledged: bool = False


@dataclass(frozen=True, slots=True)
class CheckIn:
    request_id: int
    item_id: str


@dataclass(frozen=True, slots=True)
class Renew:
    request_id: int
    card_number: str
    item_id: str


@dataclass(frozen=True, slots=True)
class RenewEverything:
    request_id: int
    card_number: str


@dataclass(frozen=True, slots=True)
class Pay:
    """Take ``amount`` at the payment terminal for ``fees``, then report each fee paid to the
    library system. The terminal gets the amount and a reference only (P10); the card number
    is for the library system's report."""

    request_id: int
    card_number: str
    fees: tuple[FeeShare, ...]
    amount: Money


@dataclass(frozen=True, slots=True)
class SetSecurity:
    """Switch the security flag of an item's tags: off when it was lent (the gate lets it
    through), on when it came back. Only ever after the library system confirmed it."""

    item_id: str
    uids: tuple[str, ...]
    secured: bool
    #: the session it was asked in (its answer says it again)
    session: int = 0


@dataclass(frozen=True, slots=True)
class PrintReceipt:
    """Print the session's receipt: what was lent (and refused), returned and renewed.
    ``card_number`` is None for returns without a card."""

    request_id: int
    card_number: str | None
    checkouts: tuple[CheckoutLine, ...]
    returns: tuple[ReturnLine, ...] = ()
    renewals: tuple[RenewLine, ...] = ()
    payments: tuple[PaymentLine, ...] = ()


@dataclass(frozen=True, slots=True)
class PrintSlip:
    """A slip for an item returned for someone's hold or for another branch: staff put it in
    the item. It names the item and where it goes, nothing about any member."""

    result: CheckinResult


@dataclass(frozen=True, slots=True)
class EmailReceipt:
    """E-mail the session's receipt to the address the library system has for the member."""

    request_id: int
    card_number: str
    address: str
    checkouts: tuple[CheckoutLine, ...]
    returns: tuple[ReturnLine, ...] = ()
    renewals: tuple[RenewLine, ...] = ()
    payments: tuple[PaymentLine, ...] = ()


@dataclass(frozen=True, slots=True)
class EndIlsSession:
    card_number: str


@dataclass(frozen=True, slots=True)
class SessionEnded:
    """For anonymous counters and the event log: carries no personal data."""

    how: EndReason
    checkouts: int
    returns: int = 0
    renewals: int = 0
    #: payments taken at the terminal, and their sum in cents (anonymous counts)
    payments: int = 0
    paid_cents: int = 0
    #: items whose security flag could not be switched (the member took them off the pad)
    flags_not_switched: int = 0


@dataclass(frozen=True, slots=True)
class CheckStaffPin:
    """Compare a typed staff PIN with the configured hash (slow on purpose: off the GUI
    thread). The PIN goes nowhere else."""

    request_id: int
    pin: str


@dataclass(frozen=True, slots=True)
class StaffEntered:
    """For the audit: ``staff`` is :func:`staff_ref` of who opened maintenance mode."""

    staff: str


@dataclass(frozen=True, slots=True)
class StaffLeft:
    staff: str
    #: ``locked`` (staff closed it) or ``timeout``
    how: str


@dataclass(frozen=True, slots=True)
class StaffPinRefused:
    """A wrong staff PIN, for the audit; ``locked``: PIN entry is locked now."""

    attempts: int
    locked: bool


Effect = (
    Identify
    | LoadSummary
    | CheckOut
    | CheckIn
    | Renew
    | RenewEverything
    | Pay
    | SetSecurity
    | PrintReceipt
    | PrintSlip
    | EmailReceipt
    | EndIlsSession
    | SessionEnded
    | CheckStaffPin
    | StaffEntered
    | StaffLeft
    | StaffPinRefused
)


def staff_ref(card_number: str | None) -> str:
    """How a staff member appears in the audit and on the staff screen: the last four
    characters of their staff card (``card …1234``), or ``PIN``."""
    if not card_number:
        return "PIN"
    return f"card …{card_number[-4:]}"


def masked_code(code: str) -> str:
    """A card number as staff may see it in a device test: its last four characters only."""
    return "…" + code[-4:] if len(code) > 4 else "…"


# ---------------------------------------------------------------- state
@dataclass(frozen=True, slots=True)
class Notice:
    """A message for the member: a reason code and the data for its sentence."""

    reason: Reason
    params: tuple[tuple[str, str], ...] = ()
    screen_messages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckoutLine:
    item_id: str
    title: str
    ok: bool
    reason: Reason
    due: datetime | None = None
    fee: Money | None = None
    #: the ILS's lines for the receipt (SIP2 AG), as sent
    print_lines: tuple[str, ...] = ()
    #: parts in the box (discs of a language course): the member checks they are all there
    attachments: int = 0
    #: its RFID security flag: "" (not from the pad), ``pending``, ``done``, ``put_back``
    security: str = ""


@dataclass(frozen=True, slots=True)
class ReturnLine:
    item_id: str
    title: str
    ok: bool
    reason: Reason
    destination: ReturnDestination = ReturnDestination.SHELF
    sort_bin: str | None = None
    transit_to: str | None = None
    #: a slip was printed for it: the member puts it in the item
    slip: bool = False
    #: its RFID security flag: "" (not from the pad), ``pending``, ``done``, ``put_back``
    security: str = ""


@dataclass(frozen=True, slots=True)
class RenewLine:
    item_id: str
    title: str
    ok: bool
    reason: Reason
    due: datetime | None = None


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds of inactivity per screen, and when the visible countdown starts."""

    card_entry: float = 30
    pin: float = 30
    identifying: float = 45
    home: float = 90
    confirm_fee: float = 30
    pay_confirm: float = 45
    returns: float = 60
    receipt: float = 30
    goodbye: float = 6
    idle_notice: float = 10
    warn_before: float = 15
    #: maintenance mode locks again after this long without a touch (``[staff] timeout``)
    staff: float = 120
    staff_pin: float = 30

    def for_screen(self, screen: Screen) -> float | None:
        return {
            Screen.CARD_ENTRY: self.card_entry,
            Screen.PIN: self.pin,
            Screen.IDENTIFYING: self.identifying,
            Screen.HOME: self.home,
            Screen.CONFIRM_FEE: self.confirm_fee,
            Screen.PAY_CONFIRM: self.pay_confirm,
            Screen.RETURN: self.returns,
            Screen.RECEIPT: self.receipt,
            Screen.GOODBYE: self.goodbye,
            Screen.STAFF: self.staff,
            Screen.STAFF_PIN: self.staff_pin,
        }.get(screen)


@dataclass(frozen=True, slots=True)
class StaffRead:
    """What a device read in maintenance mode: staff see that it works, never whose card."""

    #: ``reader`` or ``scanner``
    source: str
    #: ``card`` (a library pass or a staff card), ``item``, ``unreadable`` or ``unknown``
    kind: str
    #: an item's barcode in full; anything else masked to its last four characters
    shown: str
    length: int


@dataclass(frozen=True, slots=True)
class StaffView:
    """The staff screen's part of the session: who, the device test, out of service."""

    staff: str
    #: the device test waiting for a card or a code: ``reader``, ``scanner`` or ""
    test: str = ""
    #: the test waited in vain
    test_failed: bool = False
    read: StaffRead | None = None
    #: staff took the kiosk out of service (their message, maybe blank), or None
    out_of_service_message: str | None = None
    #: the kiosk took itself out of service for this reason, or None
    system_reason: Reason | None = None
    system_detail: str = ""


@dataclass(frozen=True, slots=True)
class SessionView:
    """What the UI may mirror. ``card_number`` is deliberately absent (P1)."""

    screen: Screen
    name: MemberName | None = None
    summary: MemberSummary | None = None
    checkouts: tuple[CheckoutLine, ...] = ()
    returns: tuple[ReturnLine, ...] = ()
    renewals: tuple[RenewLine, ...] = ()
    notice: Notice | None = None
    busy: bool = False
    pending_fee: Money | None = None
    pending_item_title: str = ""
    out_of_service_message: str = ""
    out_of_service_reason: Reason | None = None
    countdown: int | None = None
    #: on the receipt screen: a receipt can be printed now
    can_print: bool = False
    #: the member's language as the library system records it (a kiosk language code)
    language: str | None = None
    #: on the receipt screen: the receipt can be e-mailed to this address, shown masked (P4)
    can_email: bool = False
    email_masked: str = ""
    #: for staff on the out-of-service screen: what exactly is wrong (a config key and line)
    out_of_service_detail: str = ""
    #: on the staff screens only
    staff: StaffView | None = None
    #: fees can be paid at this kiosk now (a terminal, the library system online)
    can_pay: bool = False
    #: the fees ticked to pay, and what they come to (None: none ticked)
    fees_chosen: tuple[str, ...] = ()
    pay_total: Money | None = None
    payments: tuple[PaymentLine, ...] = ()
    #: ask how many items the member placed on the pad (``[devices] rfid_ask_count``)
    ask_count: bool = False
    #: items on the RFID pad now (readable item tags, each item counted once)
    pad_items: int = 0


@dataclass(slots=True)
class _Staff:
    """Maintenance mode, while it is open: nothing of any member."""

    card: str | None
    test: str = ""
    test_started: datetime | None = None
    test_failed: bool = False
    read: StaffRead | None = None


@dataclass(slots=True)
class _State:
    screen: Screen = Screen.IDLE
    card_number: str | None = None
    card_source: CardSource | None = None
    pin: str | None = None
    name: MemberName | None = None
    summary: MemberSummary | None = None
    checkouts: list[CheckoutLine] = field(default_factory=list)
    returns: list[ReturnLine] = field(default_factory=list)
    renewals: list[RenewLine] = field(default_factory=list)
    notice: Notice | None = None
    waiting_for: int | None = None
    pending_item: str | None = None
    #: items scanned while the ILS was busy with another: lent one after the other
    queued: list[str] = field(default_factory=list)
    #: "Done" tapped while items were still being lent: finish them first
    done_requested: bool = False
    pending_fee: Money | None = None
    pending_item_title: str = ""
    last_activity: datetime | None = None
    language: str | None = None
    #: fees ticked to pay (all of them, until the member unticks some)
    fees_chosen: list[str] = field(default_factory=list)
    payments: list[PaymentLine] = field(default_factory=list)
    #: the library system serves offline: nothing can be paid
    offline: bool = False
    #: the member's card left the reader while they paid: the session ends once it is over
    leave_after_payment: bool = False
    #: items from the pad already taken up in this session (lent, returned, refused)
    stack_seen: set[str] = field(default_factory=set)
    #: how many items the member said they placed (None: not asked, or not answered yet)
    stack_said: int | None = None
    #: unreadable tags already told about
    unreadable_told: set[str] = field(default_factory=set)
    #: writes of an item's flag that failed in a row
    security_tries: dict[str, int] = field(default_factory=dict)


class SessionMachine:
    def __init__(
        self,
        timeouts: Timeouts | None = None,
        *,
        in_service: bool = True,
        receipts: bool = False,
        emails: bool = False,
        return_slips: bool = False,
        staff_cards: frozenset[str] = frozenset(),
        staff_pin: bool = False,
        payments: bool = False,
        rfid: bool = False,
        ask_count: bool = False,
    ) -> None:
        self._timeouts = timeouts or Timeouts()
        #: an RFID pad is fitted: stacks are lent and taken back, security flags switched
        self._rfid = rfid
        self._ask_count = rfid and ask_count
        #: what lies on the pad now (not the member's: the items, in arrival order)
        self._pad: dict[str, PadTag] = {}
        #: items a session ended with still on the pad (a returned stack left behind): not
        #: lent to the next member until they were taken off and put on again
        self._left_on_pad: set[str] = set()
        #: items whose flag must still be switched, and to what (the library system said yes,
        #: a tag was lifted before the write): switched when all their tags are on the pad
        #: again, in whatever session; kept beyond the session that lent or took them back
        self._flags_due: dict[str, bool] = {}
        #: which session this is (a flag write's answer names the one it was asked in)
        self._session_no = 0
        #: a payment terminal is fitted
        self._payments = payments
        self._ids = itertools.count(1)
        self._s = _State(screen=Screen.IDLE if in_service else Screen.OUT_OF_SERVICE)
        #: out of service by staff (their message, maybe blank), or None
        self._staff_out: str | None = None if in_service else ""
        #: out of service by the kiosk itself, and the detail for staff
        self._system_out: Reason | None = None
        self._system_detail = ""
        #: staff card numbers, and whether a staff PIN is configured (the corner gesture)
        self._staff_cards = frozenset(
            c for c in (normalize_code(x).value for x in staff_cards) if c
        )
        self._staff_pin = staff_pin
        self._staff: _Staff | None = None
        self._corner_taps: list[datetime] = []
        self._pin_failures = 0
        self._pin_locked_until: datetime | None = None
        #: a receipt printer is fitted; its state is the kiosk's, kept across sessions
        self._receipts = receipts
        #: receipts can be e-mailed (a mail server is configured)
        self._emails = emails
        #: print a slip for items returned to the hold shelf or for another branch
        self._return_slips = return_slips
        self._email_failed = False  # this session's e-mail did not go: not offered again
        self._printer_ready = receipts
        self._printer_reason: Reason | None = None

    # ------------------------------------------------------------ reading
    @property
    def screen(self) -> Screen:
        return self._s.screen

    def view(self, now: datetime) -> SessionView:
        s = self._s
        return SessionView(
            screen=s.screen,
            name=s.name,
            summary=s.summary,
            checkouts=tuple(s.checkouts),
            returns=tuple(s.returns),
            renewals=tuple(s.renewals),
            notice=s.notice,
            busy=s.waiting_for is not None,
            pending_fee=s.pending_fee,
            pending_item_title=s.pending_item_title,
            out_of_service_message=self._staff_out or "",
            out_of_service_reason=self._system_out if not self._staff_out else None,
            countdown=self.countdown(now),
            can_print=self._can_print(),
            language=s.language,
            can_email=self._can_email(),
            email_masked=mask_email(self._email()) if self._can_email() else "",
            out_of_service_detail=self._system_detail if self._system_out else "",
            staff=self._staff_view(),
            can_pay=self._can_pay(),
            fees_chosen=tuple(s.fees_chosen),
            pay_total=total(self._chosen()),
            payments=tuple(s.payments),
            ask_count=self._asking_count(),
            pad_items=len(items_on(self._pad)),
        )

    def _staff_view(self) -> StaffView | None:
        staff = self._staff
        if staff is None or self._s.screen is not Screen.STAFF:
            return None
        return StaffView(
            staff_ref(staff.card),
            staff.test,
            staff.test_failed,
            staff.read,
            self._staff_out,
            self._system_out,
            self._system_detail,
        )

    @property
    def in_service(self) -> bool:
        """Neither staff nor the kiosk itself took it out of service."""
        return self._staff_out is None and self._system_out is None

    def seconds_left(self, now: datetime) -> float | None:
        if self._s.screen is Screen.RECEIPT and self._s.waiting_for is not None:
            return None  # printing: the printer's own timeout bounds this, not the member
        if self._s.screen is Screen.PAYING:
            return None  # the terminal bounds this: a payment is never cut off halfway
        limit = self._timeouts.for_screen(self._s.screen)
        if self._s.screen is Screen.IDLE and self._s.notice is not None:
            limit = self._timeouts.idle_notice
        if limit is None or self._s.last_activity is None:
            return None
        return limit - (now - self._s.last_activity).total_seconds()

    def countdown(self, now: datetime) -> int | None:
        """Whole seconds left, shown only in the last ``warn_before`` seconds (not on goodbye)."""
        left = self.seconds_left(now)
        if left is None or self._s.screen in (Screen.GOODBYE, Screen.IDLE):
            return None
        if left > self._timeouts.warn_before:
            return None
        return max(0, int(left + 0.999))

    def holds_personal_data(self) -> bool:
        s = self._s
        return any(
            (
                s.card_number,
                s.pin,
                s.name,
                s.summary,
                s.checkouts,
                s.returns,
                s.renewals,
                s.pending_item_title,
                s.fees_chosen,
                s.payments,
            )
        )

    # ------------------------------------------------------------ driving
    def handle(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, SetOutOfService | SetInService):
            return self._service(event, now)
        if isinstance(event, PrinterChanged):
            self._printer_ready = self._receipts and event.ready
            self._printer_reason = None if event.ready else event.reason
            printer_notice = s.notice is None or s.notice.reason in _PRINTER_TROUBLE
            if s.screen is Screen.RECEIPT and s.waiting_for is None and printer_notice:
                # Mended (or broken) while the member looks at the screen: say so at once.
                s.notice = None if self._printer_ready else Notice(self._printer_trouble())
            return []
        staff_card = self._staff_card(event)
        if staff_card is not None and s.screen not in _NO_STAFF_CARD_ON:
            effects = self._end(EndReason.CANCELLED, now) if self._in_member_flow() else []
            return effects + self._enter_staff(staff_card, now)
        if s.screen in STAFF_SCREENS:
            return self._on_staff(event, now)
        if isinstance(event, StaffCorner):
            return self._on_corner(now)
        if isinstance(event, StaffPinTyped | StaffPinChecked | StaffTest | LeaveStaff):
            return []  # maintenance mode is no longer open (it timed out)
        if isinstance(event, PadChanged):
            return self._on_pad(event, now)
        if isinstance(event, SecuritySet):
            return self._on_security(event, now)
        if s.screen is Screen.OUT_OF_SERVICE:
            return []
        if isinstance(event, Tick):
            return self._tick(now)
        if isinstance(
            event, IlsReplied | IlsFailed | ReceiptPrinted | ReceiptFailed | PaymentFinished
        ):
            if event.request_id != s.waiting_for:
                return []  # stale: the session it belonged to is gone
            s.waiting_for = None
            if isinstance(event, ReceiptPrinted | ReceiptFailed):
                return self._on_printed(event, now)
            if isinstance(event, PaymentFinished):
                return self._on_paid(event, now)
            return self._on_reply(event, now)
        if isinstance(event, CardRemoved):
            if s.screen is Screen.PAYING:
                s.leave_after_payment = s.card_source is CardSource.READER
                return []  # a payment is never left halfway: the session ends after it
            if s.card_source is CardSource.READER and self._in_member_flow():
                return self._end(EndReason.CARD_REMOVED, now)
            return []

        s.last_activity = now
        handler = {
            Screen.IDLE: self._on_idle,
            Screen.CARD_ENTRY: self._on_card_entry,
            Screen.PIN: self._on_pin,
            Screen.IDENTIFYING: self._on_identifying,
            Screen.HOME: self._on_home,
            Screen.CONFIRM_FEE: self._on_confirm_fee,
            Screen.PAY_CONFIRM: self._on_pay_confirm,
            Screen.PAYING: self._on_paying,
            Screen.RETURN: self._on_return,
            Screen.RECEIPT: self._on_receipt,
            Screen.GOODBYE: self._on_goodbye,
        }[s.screen]
        return handler(event, now)

    # ------------------------------------------------------------ in and out of service
    def _service(self, event: SetOutOfService | SetInService, now: datetime) -> list[Effect]:
        if isinstance(event, SetOutOfService):
            if event.reason is None:
                self._staff_out = event.message
            elif self._system_out is not Reason.CONFIG_ERROR:  # nothing works until it is fixed
                self._system_out = event.reason
                self._system_detail = event.detail
        elif event.reason is None:
            self._staff_out = None
        elif event.reason is self._system_out:
            self._system_out = None
            self._system_detail = ""
        s = self._s
        if s.screen in STAFF_SCREENS:
            return []  # staff see it on their screen; it applies when they leave
        if not self.in_service:
            effects = self._end(EndReason.OUT_OF_SERVICE, now) if self._in_member_flow() else []
            s = self._s
            s.screen = Screen.OUT_OF_SERVICE
            s.notice = None
            s.last_activity = None
            return effects
        if s.screen is Screen.OUT_OF_SERVICE:
            self._go(Screen.IDLE, now)
            self._s.last_activity = None
        return []

    # ------------------------------------------------------------ staff maintenance mode
    def _staff_card(self, event: Event) -> str | None:
        if isinstance(event, CardPresented):
            raw = event.card_number
        elif isinstance(event, CodeScanned) and event.kind in (None, "card"):
            raw = event.code
        else:
            return None
        code = normalize_code(raw).value
        return code if code is not None and code in self._staff_cards else None

    def _enter_staff(self, card: str | None, now: datetime) -> list[Effect]:
        if self._staff is not None and self._s.screen is Screen.STAFF:
            return []  # the staff card again while open: nothing to do
        self._staff = _Staff(card)
        self._corner_taps.clear()
        if card is not None:
            self._pin_failures = 0  # a staff card is proof enough
            self._pin_locked_until = None
        self._s = _State(screen=Screen.STAFF, last_activity=now)
        return [StaffEntered(staff_ref(card))]

    def _leave_staff(self, how: str, now: datetime) -> list[Effect]:
        staff = self._staff
        self._staff = None
        self._s = _State(screen=Screen.IDLE if self.in_service else Screen.OUT_OF_SERVICE)
        return [StaffLeft(staff_ref(staff.card), how)] if staff is not None else []

    def _on_corner(self, now: datetime) -> list[Effect]:
        s = self._s
        if s.screen not in (Screen.IDLE, Screen.OUT_OF_SERVICE) or not self._staff_pin:
            return []
        window = STAFF_CORNER_SECONDS
        taps = [t for t in self._corner_taps if (now - t).total_seconds() <= window] + [now]
        self._corner_taps = taps
        if len(taps) < STAFF_CORNER_TAPS:
            return []
        self._corner_taps = []
        self._s = _State(screen=Screen.STAFF_PIN, last_activity=now)
        self._s.notice = Notice(Reason.STAFF_PIN_LOCKED) if self._pin_locked(now) else None
        return []

    def _pin_locked(self, now: datetime) -> bool:
        until = self._pin_locked_until
        if until is not None and now >= until:
            self._pin_locked_until, self._pin_failures = None, 0
        return self._pin_locked_until is not None

    def _on_staff(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, Tick):
            return self._staff_tick(now)
        if isinstance(event, StaffPinChecked):
            if event.request_id != s.waiting_for:
                return []
            s.waiting_for = None
            if event.ok:
                self._pin_failures = 0
                return self._enter_staff(None, now)
            self._pin_failures += 1
            locked = self._pin_failures >= STAFF_PIN_ATTEMPTS
            if locked:
                self._pin_locked_until = now + timedelta(seconds=STAFF_PIN_LOCK_SECONDS)
            s.notice = Notice(Reason.STAFF_PIN_LOCKED if locked else Reason.STAFF_PIN_WRONG)
            s.last_activity = now
            return [StaffPinRefused(self._pin_failures, locked)]
        if isinstance(event, CardRemoved | IlsReplied | IlsFailed | ReceiptPrinted):
            return []  # a card may be taken away; nobody's session is waiting for anything
        if isinstance(event, ReceiptFailed | StaffCorner):
            return []
        s.last_activity = now
        if s.screen is Screen.STAFF_PIN:
            if isinstance(event, Cancel):
                self._s = _State(screen=Screen.IDLE if self.in_service else Screen.OUT_OF_SERVICE)
                return []
            if isinstance(event, StaffPinTyped) and event.pin and s.waiting_for is None:
                if self._pin_locked(now):
                    s.notice = Notice(Reason.STAFF_PIN_LOCKED)
                    return []
                s.notice = None
                return [CheckStaffPin(self._request(), event.pin)]
            return []
        staff = self._staff
        assert staff is not None
        if isinstance(event, LeaveStaff | Done | Cancel):
            return self._leave_staff("locked", now)
        if isinstance(event, StaffTest) and event.device in ("reader", "scanner"):
            staff.test, staff.test_started, staff.test_failed = event.device, now, False
            staff.read = None
            return []
        read = self._staff_read(event)
        if read is not None:
            staff.read = read
            if staff.test == read.source:
                staff.test, staff.test_started = "", None
        return []

    @staticmethod
    def _staff_read(event: Event) -> StaffRead | None:
        if isinstance(event, CardPresented):
            code = event.card_number.strip()
            source = "scanner" if event.source is CardSource.SCANNER else "reader"
            return StaffRead(source, "card", masked_code(code), len(code))
        if isinstance(event, CodeScanned):
            code = event.code.strip()
            kind = event.kind or "unknown"
            shown = code if kind == "item" and normalize_code(code).ok else masked_code(code)
            return StaffRead("scanner", kind, shown, len(code))
        return None

    def _staff_tick(self, now: datetime) -> list[Effect]:
        staff = self._staff
        started = staff.test_started if staff is not None else None
        waited = (now - started).total_seconds() if started is not None else 0.0
        if staff is not None and waited >= STAFF_TEST_SECONDS:
            staff.test, staff.test_started, staff.test_failed = "", None, True
        left = self.seconds_left(now)
        if left is None or left > 0:
            return []
        if self._s.screen is Screen.STAFF_PIN:
            self._s = _State(screen=Screen.IDLE if self.in_service else Screen.OUT_OF_SERVICE)
            return []
        return self._leave_staff("timeout", now)

    # ------------------------------------------------------------ per screen
    def _on_idle(self, event: Event, now: datetime) -> list[Effect]:
        if isinstance(event, CardPresented):
            return self._start_identify(event.card_number, event.source, now)
        if isinstance(event, CodeScanned):
            if event.kind == "item":
                self._s.notice = Notice(Reason.SCAN_PASS_FIRST)
                self._s.last_activity = now
                return []
            if event.kind == "unreadable":
                self._s.notice = Notice(Reason.INVALID_CARD_NUMBER)
                self._s.last_activity = now
                return []
            return self._start_identify(event.code, CardSource.SCANNER, now)
        if isinstance(event, OpenKeypad):
            self._go(Screen.CARD_ENTRY, now)
        if isinstance(event, StartReturns):
            self._s.notice = None
            self._go(Screen.RETURN, now)  # without a card: nobody is identified
            return self._take_stack(now)
        return []

    def _on_card_entry(self, event: Event, now: datetime) -> list[Effect]:
        if isinstance(event, CardNumberTyped):
            return self._start_identify(event.text, CardSource.KEYPAD, now)
        if isinstance(event, CardPresented):
            return self._start_identify(event.card_number, event.source, now)
        if isinstance(event, CodeScanned):
            return self._start_identify(event.code, CardSource.SCANNER, now)
        if isinstance(event, Cancel):
            self._go(Screen.IDLE, now)
            self._s.notice = None
        return []

    def _on_pin(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, PinTyped) and s.card_number is not None:
            if not event.pin:
                return []
            s.pin = event.pin
            rid = self._request()
            s.screen = Screen.IDENTIFYING
            return [Identify(rid, s.card_number, event.pin)]
        if isinstance(event, Cancel):
            return self._end(EndReason.CANCELLED, now)
        return []

    def _on_identifying(self, event: Event, now: datetime) -> list[Effect]:
        if isinstance(event, Cancel):
            return self._end(EndReason.CANCELLED, now)
        return []

    def _on_home(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, StackCounted):
            return self._on_stack_counted(event, now)
        if isinstance(event, CodeScanned) and event.kind == "card":
            if event.code == s.card_number:
                return []  # the member's own pass again: nothing to do
            # Another member's pass: end this session first, never mix members.
            effects = self._end(EndReason.CANCELLED, now)
            return effects + self._start_identify(event.code, CardSource.SCANNER, now)
        if isinstance(event, CodeScanned) and event.kind == "unreadable":
            s.notice = Notice(Reason.INVALID_ITEM_BARCODE)
            return []
        if isinstance(event, CodeScanned | ItemTyped):
            raw = event.code if isinstance(event, CodeScanned) else event.text
            return self._start_checkout(raw, fee_acknowledged=False)
        if isinstance(event, Done | Cancel):
            if s.waiting_for is not None:
                s.done_requested = True  # the member sees every scanned item's outcome first
                return []
            return self._offer_receipt_or_end(now)
        if isinstance(event, StartReturns) and s.waiting_for is None:
            s.notice = None
            s.screen = Screen.RETURN
            self._new_stack_mode(lent=True)
            return self._take_stack(now)
        if isinstance(event, ToggleFee):
            if s.summary is not None and any(f.fee_id == event.fee_id for f in s.summary.fees):
                if event.fee_id in s.fees_chosen:
                    s.fees_chosen.remove(event.fee_id)
                else:
                    s.fees_chosen.append(event.fee_id)
            return []
        if isinstance(event, PayFees):
            if not self._can_pay():
                s.notice = Notice(Reason.PAYMENT_NOT_POSSIBLE) if self._payments else s.notice
                return []
            if self._chosen():
                s.notice = None
                s.screen = Screen.PAY_CONFIRM
            return []
        if isinstance(event, RenewItem | RenewAll) and s.waiting_for is None:
            assert s.card_number is not None
            rid = self._request()
            if isinstance(event, RenewAll):
                return [RenewEverything(rid, s.card_number)]
            return [Renew(rid, s.card_number, event.item_id)]
        if isinstance(event, CardPresented) and event.card_number != s.card_number:
            # Another card while a session is open: end this one first, never mix members.
            effects = self._end(EndReason.CANCELLED, now)
            return effects + self._start_identify(event.card_number, event.source, now)
        return []

    def _on_confirm_fee(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, FeeAnswered):
            item = s.pending_item
            s.pending_item, s.pending_fee, s.pending_item_title = None, None, ""
            s.screen = Screen.HOME
            if event.accept and item is not None:
                effects = self._start_checkout(item, fee_acknowledged=True)
            else:
                s.notice = Notice(Reason.FEE_ACK_REQUIRED)
                effects = self._after_checkout(now)
            return effects + self._take_stack(now)  # what was put on the pad meanwhile
        if isinstance(event, Cancel):
            return self._on_confirm_fee(FeeAnswered(False), now)
        if isinstance(event, CodeScanned) and event.kind in (None, "item"):
            return self._start_checkout(event.code, fee_acknowledged=False)  # waits its turn
        return []

    def _on_pay_confirm(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, PayConfirmed):
            chosen = self._chosen()
            amount = total(chosen)
            if amount is None or s.card_number is None or s.waiting_for is not None:
                s.screen = Screen.HOME
                return []
            s.screen = Screen.PAYING
            rid = self._request()
            return [Pay(rid, s.card_number, chosen, amount)]
        if isinstance(event, Cancel | Done):
            s.screen = Screen.HOME  # nothing was paid; the fees stay ticked as they were
            return self._take_stack(now)
        card = self._card_of(event)
        if card is not None and card != s.card_number:
            source = event.source if isinstance(event, CardPresented) else CardSource.SCANNER
            return self._end(EndReason.CANCELLED, now) + self._start_identify(card, source, now)
        return []

    def _on_paying(self, event: Event, now: datetime) -> list[Effect]:
        """The member is at the terminal, which owns the dialogue (and stopping): the kiosk
        waits for its answer, whatever is tapped or scanned meanwhile."""
        return []

    def _on_paid(self, event: PaymentFinished, now: datetime) -> list[Effect]:
        s = self._s
        chosen = self._chosen()
        params: tuple[tuple[str, str], ...] = (("reference", event.reference),)
        s.notice = Notice(PAID_REASON[event.paid], params)
        s.screen = Screen.HOME
        s.last_activity = now
        if event.paid.charged or event.paid is Paid.UNCERTAIN:
            amount = total(chosen)
            assert amount is not None
            line = PaymentLine(event.reference, amount, chosen, event.paid, event.terminal_receipt)
            s.payments.append(line)
        if event.paid.charged and s.summary is not None:
            # Paid: off the member's list at once, so that nothing is offered twice.
            paid = {part.fee_id for part in chosen}
            fees = tuple(f for f in s.summary.fees if f.fee_id not in paid)
            s.summary = replace(s.summary, fees=fees)
            s.fees_chosen = [f.fee_id for f in fees]
        if event.paid is Paid.UNCERTAIN:
            s.fees_chosen = []  # not offered again in this session: staff find out first
        if s.leave_after_payment:
            return self._end(EndReason.CARD_REMOVED, now, keep_notice=True)
        return self._take_stack(now)

    def _chosen(self) -> tuple[FeeShare, ...]:
        summary = self._s.summary
        if summary is None:
            return ()
        try:
            parts = shares(summary.fees, self._s.fees_chosen)
            total(parts)
        except ValueError:  # fees in two currencies: not payable together
            return ()
        return parts

    def _can_pay(self) -> bool:
        s = self._s
        return (
            self._payments
            and not s.offline
            and s.summary is not None
            and bool(s.summary.fees)
            and not any(p.paid is Paid.UNCERTAIN for p in s.payments)
        )

    @staticmethod
    def _card_of(event: Event) -> str | None:
        if isinstance(event, CardPresented):
            return event.card_number
        if isinstance(event, CodeScanned) and event.kind == "card":
            return event.code
        return None

    # ------------------------------------------------------------ the RFID pad
    def _on_pad(self, event: PadChanged, now: datetime) -> list[Effect]:
        before = set(self._pad)
        self._pad = {tag.uid: tag for tag in event.tags}
        self._left_on_pad &= set(items_on(self._pad))
        s = self._s
        if not self._pad:
            s.stack_said = None  # the next stack is counted anew
        flags = self._flags_on_pad()
        if s.screen in (Screen.IDLE, Screen.GOODBYE) and set(self._pad) - before:
            if set(items_on(self._pad)) - self._left_on_pad:
                if s.screen is Screen.GOODBYE:
                    self._go(Screen.IDLE, now)
                s.notice = Notice(Reason.SCAN_PASS_FIRST)
                s.last_activity = now
            return flags
        if s.screen not in (Screen.HOME, Screen.RETURN):
            return flags  # taken up when the member gets there
        if set(self._pad) - before:
            s.last_activity = now  # a stack being placed is the member at work
        return flags + self._take_stack(now)

    def _flags_on_pad(self) -> list[Effect]:
        """Switch the flags still due of items whose tags are all on the pad now."""
        items = items_on(self._pad)
        effects: list[Effect] = []
        for item_id, secured in list(self._flags_due.items()):
            back = items.get(item_id)
            if back is not None and back.complete:
                del self._flags_due[item_id]
                self._mark_security(item_id, "pending")
                effects.append(SetSecurity(item_id, back.uids, secured, self._session_no))
        return effects

    def _new_stack_mode(self, *, lent: bool) -> None:
        """From lending to returns (or back): what lies on the pad is taken up anew, except
        what was just lent (or returned) in this session, until it is lifted and put back."""
        s = self._s
        done = {c.item_id for c in s.checkouts} if lent else {r.item_id for r in s.returns}
        self._left_on_pad |= done & set(items_on(self._pad))
        s.stack_seen = set()
        s.stack_said = None

    def _asking_count(self) -> bool:
        s = self._s
        return (
            self._ask_count
            and s.screen in (Screen.HOME, Screen.RETURN)
            and s.stack_said is None
            and any(
                item not in s.stack_seen and item not in self._left_on_pad
                for item in items_on(self._pad)
            )
        )

    def _on_stack_counted(self, event: StackCounted, now: datetime) -> list[Effect]:
        if event.count < 1:
            return []
        self._s.stack_said = event.count
        return self._take_stack(now)

    def _take_stack(self, now: datetime) -> list[Effect]:
        """Lend (or take back) each complete item on the pad not yet taken up; switch the
        flags still waiting for their tags to come back."""
        s = self._s
        lending = s.screen is Screen.HOME
        if lending and s.card_number is None:
            return []
        items = items_on(self._pad)
        effects: list[Effect] = []
        bad = [uid for uid in unreadable(self._pad) if uid not in s.unreadable_told]
        if bad:
            s.unreadable_told.update(bad)
            s.notice = Notice(Reason.RFID_TAG_UNREADABLE)
        if self._asking_count():
            return effects  # first the member's count
        loans = {loan.item_id for loan in s.summary.loans} if s.summary is not None else set()
        for item in items.values():
            if item.item_id in s.stack_seen or item.item_id in self._left_on_pad:
                continue
            if not item.complete:
                have, total = str(len(item.found)), str(item.parts)
                s.notice = Notice(Reason.RFID_PARTS_MISSING, (("found", have), ("of", total)))
                continue  # taken up once the other parts are on the pad
            s.stack_seen.add(item.item_id)
            if lending and item.item_id in loans:
                s.notice = Notice(Reason.RFID_ALREADY_YOURS)
                continue
            effects += (
                self._start_checkout(item.item_id, fee_acknowledged=False)
                if lending
                else self._start_checkin(item.item_id)
            )
        self._count_short()
        return effects

    def _count_short(self) -> None:
        """Fewer items on the pad than the member said: the last word on the screen, once
        the stack's own results are in."""
        s = self._s
        found = len(items_on(self._pad))
        if s.stack_said is not None and found < s.stack_said:
            s.notice = Notice(
                Reason.RFID_COUNT_SHORT, (("found", str(found)), ("of", str(s.stack_said)))
            )

    def _security_after(self, item_id: str, ok: bool, secured: bool) -> list[Effect]:
        """The library system answered for ``item_id``: switch its flag when it said yes and
        the item came from the pad (or lies on it)."""
        if not self._rfid or not ok:
            return []
        found = items_on(self._pad).get(item_id)
        if found is None or not found.complete:
            if found is not None or item_id in self._s.stack_seen:
                # Lifted (or a part of it) before its flag could be switched: every part's
                # flag is switched once all of them are on the pad again.
                self._flags_due[item_id] = secured
                self._mark_security(item_id, "put_back")
                self._s.notice = Notice(Reason.RFID_PUT_BACK)
            return []
        self._mark_security(item_id, "pending")
        return [SetSecurity(item_id, found.uids, secured, self._session_no)]

    def _on_security(self, event: SecuritySet, now: datetime) -> list[Effect]:
        s = self._s
        # The answer may belong to a session that is over: the item's flag is still due.
        current = event.session == self._session_no and s.screen in MEMBER_SCREENS
        if event.ok:
            self._flags_due.pop(event.item_id, None)
            if current:
                s.security_tries.pop(event.item_id, None)
                self._mark_security(event.item_id, "done")
            return []
        back = items_on(self._pad).get(event.item_id)
        if current:
            tries = s.security_tries.get(event.item_id, 0) + 1
            s.security_tries[event.item_id] = tries
            if back is not None and back.complete and tries < SECURITY_TRIES:
                # Lifted and put back while the write went out: try again at once.
                return [SetSecurity(event.item_id, back.uids, event.secured, self._session_no)]
            self._mark_security(event.item_id, "put_back")
            s.notice = Notice(Reason.RFID_PUT_BACK)
        self._flags_due[event.item_id] = event.secured
        return []

    def _mark_security(self, item_id: str, state: str) -> None:
        s = self._s
        s.checkouts = [
            replace(c, security=state) if c.item_id == item_id else c for c in s.checkouts
        ]
        s.returns = [replace(r, security=state) if r.item_id == item_id else r for r in s.returns]

    def _on_return(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, StackCounted):
            return self._on_stack_counted(event, now)
        member = s.card_number is not None
        card = (
            event.card_number
            if isinstance(event, CardPresented)
            else event.code
            if isinstance(event, CodeScanned) and event.kind == "card"
            else None
        )
        if card is not None:
            if card == s.card_number:
                return []  # the member's own pass again
            # Someone's pass: whoever returned here is done; that member starts a session.
            source = event.source if isinstance(event, CardPresented) else CardSource.SCANNER
            return self._end(EndReason.DONE, now) + self._start_identify(card, source, now)
        if isinstance(event, CodeScanned) and event.kind == "unreadable":
            s.notice = Notice(Reason.INVALID_ITEM_BARCODE)
            return []
        if isinstance(event, CodeScanned | ItemTyped):
            raw = event.code if isinstance(event, CodeScanned) else event.text
            return self._start_checkin(raw)
        if isinstance(event, Done | Cancel):
            if s.waiting_for is not None:
                s.done_requested = True
                return []
            if member:
                # Back to the member's home screen, with their loans as they are now.
                assert s.card_number is not None
                s.screen = Screen.HOME
                s.notice = None
                self._new_stack_mode(lent=False)
                if not s.returns:
                    return []
                rid = self._request()
                return [LoadSummary(rid, s.card_number)]
            return self._offer_receipt_or_end(now)
        return []

    def _offer_receipt_or_end(self, now: datetime) -> list[Effect]:
        s = self._s
        something = (
            any(c.ok for c in s.checkouts)
            or any(r.ok for r in s.returns)
            or any(r.ok for r in s.renewals)
            or any(p.paid.charged or p.paid is Paid.UNCERTAIN for p in s.payments)
        )
        email = self._emails and "@" in self._email()
        if (self._receipts or email) and something:
            # A receipt is offered, or, when the printer cannot print, the member is told so
            # and sees what happened on the screen instead.
            s.screen = Screen.RECEIPT
            printer_trouble = self._receipts and not self._printer_ready
            s.notice = Notice(self._printer_trouble()) if printer_trouble and not email else None
            return []
        return self._end(EndReason.DONE, now)

    def _on_receipt(self, event: Event, now: datetime) -> list[Effect]:
        s = self._s
        card = (
            event.card_number
            if isinstance(event, CardPresented)
            else event.code
            if isinstance(event, CodeScanned) and event.kind == "card"
            else None
        )
        if card is not None and card != s.card_number:
            # The next member: this session is over (a print still running ends unseen).
            source = event.source if isinstance(event, CardPresented) else CardSource.SCANNER
            return self._end(EndReason.DONE, now) + self._start_identify(card, source, now)
        if s.waiting_for is not None:
            return []  # printing: the member waits for the paper
        if isinstance(event, ReceiptChosen) and event.email and self._can_email():
            assert s.card_number is not None
            rid = self._request()
            return [
                EmailReceipt(
                    rid,
                    s.card_number,
                    self._email(),
                    tuple(s.checkouts),
                    tuple(s.returns),
                    tuple(s.renewals),
                    tuple(s.payments),
                )
            ]
        if isinstance(event, ReceiptChosen) and event.email:
            return []  # no address, or e-mail failed: the screen offers the other ways
        if isinstance(event, ReceiptChosen) and event.print and self._can_print():
            rid = self._request()
            return [
                PrintReceipt(
                    rid,
                    s.card_number,
                    tuple(s.checkouts),
                    tuple(s.returns),
                    tuple(s.renewals),
                    tuple(s.payments),
                )
            ]
        if isinstance(event, ReceiptChosen | Done | Cancel):
            return self._end(EndReason.DONE, now)
        return []

    def _on_printed(self, event: ReceiptPrinted | ReceiptFailed, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, ReceiptPrinted):
            s.notice = Notice(Reason.RECEIPT_EMAILED if event.emailed else Reason.RECEIPT_PRINTED)
            return self._end(EndReason.DONE, now, keep_notice=True)
        if event.reason is Reason.EMAIL_FAILED:
            self._email_failed = True
            s.notice = Notice(event.reason)
            s.last_activity = now
            return []
        # Not printed: the loans stand (the printer never undoes a transaction); the member
        # stays on the receipt screen, told why, with the loans in view and a way out.
        self._printer_ready = False
        self._printer_reason = event.reason
        s.notice = Notice(event.reason)
        s.last_activity = now
        return []

    def _can_print(self) -> bool:
        return self._printer_ready and self._s.screen is Screen.RECEIPT

    def _email(self) -> str:
        summary = self._s.summary
        return (summary.email or "").strip() if summary is not None else ""

    def _can_email(self) -> bool:
        return (
            self._emails
            and not self._email_failed
            and self._s.screen is Screen.RECEIPT
            and "@" in self._email()
        )

    def _printer_trouble(self) -> Reason:
        return self._printer_reason or Reason.PRINTER_UNAVAILABLE

    def _on_goodbye(self, event: Event, now: datetime) -> list[Effect]:
        if isinstance(event, CardPresented | CodeScanned):
            self._go(Screen.IDLE, now)
            return self._on_idle(event, now)
        if isinstance(event, Touched | Done):
            self._go(Screen.IDLE, now)
        return []

    # ------------------------------------------------------------ ILS replies
    def _on_reply(self, event: IlsReplied | IlsFailed, now: datetime) -> list[Effect]:
        s = self._s
        if isinstance(event, IlsFailed):
            s.notice = Notice(event.reason)
            if s.screen is Screen.IDENTIFYING:
                return self._end(EndReason.REFUSED, now, keep_notice=True)
            s.pending_item = None
            s.queued.clear()  # the library system is not answering: the member scans again
            return self._after_checkout(now)
        result = event.result
        if isinstance(result, IdentifyResult):
            return self._on_identified(result, now)
        if isinstance(result, CheckinResult):
            return self._on_checked_in(result, now)
        if isinstance(result, RenewResult):
            self._on_renewed(result)
            return []
        if isinstance(result, RenewAllResult):
            for one in result.results:
                self._on_renewed(one)
            s.notice = Notice(result.outcome.reason) if not result.results else s.notice
            return []
        if isinstance(result, SummaryResult):
            if result.summary is None:
                s.notice = Notice(result.outcome.reason)
                return self._end(EndReason.REFUSED, now, keep_notice=True)
            fresh = s.summary is None
            s.summary = result.summary
            s.language = s.language or result.summary.language
            known = [f.fee_id for f in result.summary.fees]
            if fresh:  # every fee ticked to start with
                s.fees_chosen = known
            else:
                s.fees_chosen = [f for f in s.fees_chosen if f in known]
            s.offline = result.outcome.reason is Reason.OFFLINE_MODE
            if s.offline:  # what may be done, and what not
                s.notice = Notice(Reason.OFFLINE_MODE, tuple(result.outcome.params.items()))
            s.screen = Screen.HOME
            s.last_activity = now
            if s.done_requested:  # "Done" tapped while the loans were being reloaded
                s.done_requested = False
                return self._on_home(Done(), now)
            return self._take_stack(now) if self._rfid and fresh else []
        return self._on_checked_out(result, now)

    def _on_identified(self, result: IdentifyResult, now: datetime) -> list[Effect]:
        s = self._s
        reason = result.outcome.reason
        if reason is Reason.PIN_REQUIRED or reason is Reason.WRONG_PIN:
            s.pin = None
            s.screen = Screen.PIN
            s.last_activity = now
            left = result.pin_attempts_left
            if reason is Reason.PIN_REQUIRED:
                s.notice = None
            else:
                s.notice = Notice(
                    reason, (("attempts_left", str(left)),) if left is not None else ()
                )
            return []
        if not result.ok:
            s.notice = Notice(
                reason, tuple(result.outcome.params.items()), result.outcome.screen_messages
            )
            return self._end(EndReason.REFUSED, now, keep_notice=True)
        assert s.card_number is not None
        s.name = result.name
        s.language = result.language
        s.pin = None  # never kept longer than the identify call needs it
        s.notice = None
        rid = self._request()
        return [LoadSummary(rid, s.card_number)]

    def _on_checked_out(self, result: CheckoutResult, now: datetime) -> list[Effect]:
        s = self._s
        reason = result.outcome.reason
        if reason is Reason.FEE_ACK_REQUIRED and result.fee is not None:
            s.pending_item = result.item_id
            s.pending_fee = result.fee
            s.pending_item_title = result.title
            s.screen = Screen.CONFIRM_FEE
            s.last_activity = now
            return []
        s.pending_item = None
        line = CheckoutLine(
            result.item_id,
            result.title,
            result.ok,
            reason,
            result.due,
            result.fee,
            result.outcome.print_lines,
            result.attachments,
        )
        s.checkouts = [c for c in s.checkouts if c.item_id != result.item_id] + [line]
        s.notice = Notice(reason, tuple(result.outcome.params.items()))
        if result.ok and s.summary is not None and result.due is not None:
            s.summary = _with_loan(s.summary, result)
        security = self._security_after(result.item_id, result.ok, secured=False)
        return security + self._after_checkout(now)

    def _on_checked_in(self, result: CheckinResult, now: datetime) -> list[Effect]:
        s = self._s
        s.pending_item = None
        slip = (
            self._return_slips
            and self._printer_ready
            and result.ok
            and result.destination in (ReturnDestination.HOLD_SHELF, ReturnDestination.TRANSIT)
        )
        line = ReturnLine(
            result.item_id,
            result.title,
            result.ok,
            result.outcome.reason,
            result.destination,
            result.sort_bin,
            result.transit_to,
            slip,
        )
        s.returns = [r for r in s.returns if r.item_id != result.item_id] + [line]
        s.notice = Notice(result.outcome.reason, tuple(result.outcome.params.items()))
        # The flag first: the slip may take the printer's seconds, the member the item.
        effects = self._security_after(result.item_id, result.ok, secured=True)
        effects += [PrintSlip(result)] if slip else []
        return effects + self._after_checkout(now)

    def _on_renewed(self, result: RenewResult) -> None:
        s = self._s
        title = result.title
        if s.summary is not None and not title:
            title = next((x.title for x in s.summary.loans if x.item_id == result.item_id), "")
        line = RenewLine(result.item_id, title, result.ok, result.outcome.reason, result.due)
        s.renewals = [r for r in s.renewals if r.item_id != result.item_id] + [line]
        s.notice = Notice(result.outcome.reason, tuple(result.outcome.params.items()))
        if result.ok and result.due is not None and s.summary is not None:
            loans = tuple(
                replace(loan, due=result.due, overdue=False)
                if loan.item_id == result.item_id
                else loan
                for loan in s.summary.loans
            )
            s.summary = replace(s.summary, loans=loans)

    def _after_checkout(self, now: datetime) -> list[Effect]:
        """One item done: handle the next scanned one, or finish what "Done" asked for."""
        s = self._s
        returning = s.screen is Screen.RETURN
        while s.queued and s.waiting_for is None:
            raw = s.queued.pop(0)
            effects = (
                self._start_checkin(raw)
                if returning
                else self._start_checkout(raw, fee_acknowledged=False)
            )
            if effects:
                return effects
        if s.waiting_for is None and not s.queued:
            self._count_short()
        if s.done_requested and s.waiting_for is None and not s.queued:
            s.done_requested = False
            return self._on_return(Done(), now) if returning else self._on_home(Done(), now)
        return []

    # ------------------------------------------------------------ helpers
    def _start_identify(self, raw: str, source: CardSource, now: datetime) -> list[Effect]:
        s = self._s
        code = normalize_code(raw)
        if not code.ok or code.value is None:
            s.notice = Notice(Reason.INVALID_CARD_NUMBER)
            if s.screen is Screen.IDLE:
                s.last_activity = now
            return []
        s.card_number = code.value
        s.card_source = source
        s.notice = None
        s.screen = Screen.IDENTIFYING
        s.last_activity = now
        rid = self._request()
        return [Identify(rid, code.value, None)]

    def _start_checkout(self, raw: str, *, fee_acknowledged: bool) -> list[Effect]:
        s = self._s
        if s.card_number is None:
            return []
        if s.waiting_for is not None or s.screen is Screen.CONFIRM_FEE:
            # One ILS call at a time: what is scanned meanwhile waits its turn (a member with
            # a stack scans faster than a library system answers).
            if raw not in s.queued and raw != s.pending_item and len(s.queued) < MAX_QUEUED:
                s.queued.append(raw)
            return []
        code = normalize_code(raw)
        if not code.ok or code.value is None:
            s.notice = Notice(Reason.INVALID_ITEM_BARCODE)
            return []
        s.pending_item = code.value
        rid = self._request()
        return [CheckOut(rid, s.card_number, code.value, fee_acknowledged)]

    def _start_checkin(self, raw: str) -> list[Effect]:
        s = self._s
        if s.waiting_for is not None:
            if raw not in s.queued and raw != s.pending_item and len(s.queued) < MAX_QUEUED:
                s.queued.append(raw)
            return []
        code = normalize_code(raw)
        if not code.ok or code.value is None:
            s.notice = Notice(Reason.INVALID_ITEM_BARCODE)
            return []
        s.pending_item = code.value
        rid = self._request()
        return [CheckIn(rid, code.value)]

    def _request(self) -> int:
        rid = next(self._ids)
        self._s.waiting_for = rid
        return rid

    def _go(self, screen: Screen, now: datetime) -> None:
        self._s.screen = screen
        self._s.last_activity = now

    def _in_member_flow(self) -> bool:
        return self._s.screen in MEMBER_SCREENS

    def _tick(self, now: datetime) -> list[Effect]:
        left = self.seconds_left(now)
        if left is None or left > 0:
            return []
        s = self._s
        if s.screen is Screen.GOODBYE:
            self._go(Screen.IDLE, now)
            s.notice = None
            s.last_activity = None
            return []
        if s.screen in (Screen.CARD_ENTRY, Screen.IDLE):
            self._go(Screen.IDLE, now)
            s.notice = None
            s.last_activity = None
            return []
        return self._end(EndReason.TIMEOUT, now)

    def _end(self, how: EndReason, now: datetime, *, keep_notice: bool = False) -> list[Effect]:
        """Leave the member flow: forget everything personal, tell the ILS, say goodbye."""
        old = self._s
        # What lies on the pad now is the member's who leaves (returned, lent, or put down on
        # another screen): not the next member's until taken off and put on again.
        self._left_on_pad = set(items_on(self._pad))
        self._session_no += 1
        self._email_failed = False
        effects: list[Effect] = []
        identified = old.name is not None or old.summary is not None or bool(old.returns)
        if old.card_number is not None and identified:
            effects.append(EndIlsSession(old.card_number))
        charged = [p for p in old.payments if p.paid.charged]
        effects.append(
            SessionEnded(
                how,
                sum(1 for c in old.checkouts if c.ok),
                sum(1 for r in old.returns if r.ok),
                sum(1 for r in old.renewals if r.ok),
                len(charged),
                sum(p.total.cents for p in charged),
                sum(1 for c in old.checkouts if c.security == "put_back")
                + sum(1 for r in old.returns if r.security == "put_back"),
            )
        )
        notice = old.notice if keep_notice else None
        if how is EndReason.DONE:
            screen = Screen.GOODBYE
        elif how is EndReason.REFUSED:
            screen = Screen.IDLE
        else:
            screen = Screen.GOODBYE if identified else Screen.IDLE
        self._s = _State(screen=screen, notice=notice, last_activity=now)
        if screen is Screen.IDLE and notice is None:
            self._s.last_activity = None
        return effects


def _with_loan(summary: MemberSummary, result: CheckoutResult) -> MemberSummary:
    assert result.due is not None
    others = tuple(loan for loan in summary.loans if loan.item_id != result.item_id)
    loan = Loan(
        item_id=result.item_id,
        title=result.title,
        author="",
        material=MaterialKind.OTHER,
        due=result.due,
        overdue=False,
        renewable=True,
    )
    return replace(summary, loans=(*others, loan))
