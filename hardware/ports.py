"""Device ports: small protocols that real drivers and the recording fakes implement.

Callbacks are invoked on the device thread; the UI's device bridge re-emits them on the GUI
thread as queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from hardware.iso28560 import TagData


class Health(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DeviceHealth:
    """One model for every device. ``reason`` is written for a staff member, not a developer."""

    device: str
    state: Health
    reason: str = ""
    #: what is wrong in one stable word, for the kiosk and monitoring (``paper_out``,
    #: ``paper_near_end``, ``cover_open``, ``offline``, ``unplugged``, ...); empty when ok
    condition: str = ""


@dataclass(frozen=True, slots=True)
class CardPresented:
    card_number: str
    raw_id: bytes = b""
    reader: str = ""


@dataclass(frozen=True, slots=True)
class CodeRead:
    code: str
    symbology: str | None = None
    source: str = ""


class CardReader(Protocol):
    def start(
        self,
        on_presented: Callable[[CardPresented], None],
        on_removed: Callable[[str], None],
    ) -> None:
        """Begin watching; ``on_removed`` receives the reader's name."""
        ...

    def stop(self) -> None: ...

    def health(self) -> DeviceHealth: ...


class CodeScanner(Protocol):
    def start(self, on_code: Callable[[CodeRead], None]) -> None: ...

    def stop(self) -> None: ...

    def health(self) -> DeviceHealth: ...


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    online: bool
    paper: PaperState = PaperState.UNKNOWN
    cover_open: bool = False

    @property
    def condition(self) -> str:
        """What is wrong in one word (``DeviceHealth.condition``), most specific first."""
        if self.paper is PaperState.OUT:
            return "paper_out"
        if self.cover_open:
            return "cover_open"
        if not self.online:
            return "offline"
        if self.paper is PaperState.NEAR_END:
            return "paper_near_end"
        return ""


class PrintFailed(OSError):
    """A receipt was not printed (nothing, or nothing more, was sent). ``reason`` is written for
    staff; ``status`` is the printer's status when it could be read."""

    def __init__(self, reason: str, status: PrinterStatus | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    text: str
    bold: bool = False
    align: str = "left"  # left | center | right


@dataclass(frozen=True, slots=True)
class Receipt:
    """A printable receipt: composed by ``kiosk.services`` from the domain's receipt contents."""

    header: tuple[str, ...]
    lines: tuple[ReceiptLine, ...]
    footer: tuple[str, ...] = ()
    printed_at: datetime | None = None
    barcode: str | None = None
    qr: str | None = None
    #: path of an image file (PNG, JPEG or BMP) printed centred at the top, above the header;
    #: scaled down to the paper's width and dithered to black and white by the printer adapter.
    #: A logo that cannot be read is left out (the receipt still prints) and reported in health.
    logo: str | None = None


class ReceiptPrinter(Protocol):
    def print_receipt(self, receipt: Receipt) -> None: ...

    def status(self) -> PrinterStatus: ...

    def health(self) -> DeviceHealth: ...


class Indicator(Protocol):
    def signal(self, kind: str) -> None:
        """``ok``, ``attention`` or ``error``: a light and/or a beep, where fitted."""
        ...


class PaymentOutcome(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class PaymentReply:
    """What a payment terminal answered for one ``pay`` call.

    ``receipt``: the terminal's own receipt text for the cardholder, line by line (printed on
    the kiosk's receipt when the member wants one). ``transaction``: the terminal's or
    acquirer's id for the transaction, for staff reconciling the day. ``uncertain``: the
    terminal could not say whether money was taken (the line went down mid-transaction); staff
    check the terminal's journal by the reference. ``message``: for staff, never personal.
    """

    outcome: PaymentOutcome
    receipt: tuple[str, ...] = ()
    transaction: str = ""
    uncertain: bool = False
    message: str = ""

    @property
    def approved(self) -> bool:
        return self.outcome is PaymentOutcome.APPROVED


class TerminalUnreachable(OSError):
    """The terminal could not be reached and nothing was sent to it: nothing was charged.
    Any other exception from ``pay`` means nobody knows whether money was taken."""


class PaymentTerminal(Protocol):
    """A card payment terminal (PIN/contactless), driven by the kiosk as its cash register.

    ``pay`` blocks until the terminal has a final answer (it owns the cardholder's dialogue,
    including cancelling) and is called on the device thread only. It receives an amount in
    minor units (cents) and the kiosk's reference for the transaction: never anything about
    the member (PRIVACY.md P10). A terminal that cannot be reached (nothing sent) raises
    :class:`TerminalUnreachable`; any other exception counts as an outcome nobody knows. An
    adapter bounds ``pay`` by the terminal's own timeout, and answers ``uncertain`` then.

    Vendors' protocols (CCV, Worldline, nexo retailer, OPI) are adapters behind this port:
    write a class with these three methods and name it in ``[devices] payment_terminal``
    (``docs/devices.md``).
    """

    def pay(self, amount: int, reference: str, *, currency: str = "EUR") -> PaymentReply: ...

    def health(self) -> DeviceHealth: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RfidTag:
    """One tag on the RFID pad: its UID (hex, most significant byte first) and what its data
    says (``hardware.iso28560``), or why it could not be used (``problem``: a
    ``iso28560.Problem`` value, or ``read_failed`` while it cannot be read yet)."""

    uid: str
    data: TagData | None = None
    problem: str = ""
    #: the security flag as last read (AFI "in library" or EAS set); None: not known
    secured: bool | None = None


class TagGone(OSError):
    """The tag left the pad's field (the member lifted the item) before it could be written."""

    def __init__(self, uid: str) -> None:
        super().__init__(f"tag {uid} is no longer on the pad")
        self.uid = uid


class RfidPad(Protocol):
    """An RFID pad: what lies on it (a stack of items), and each item's security flag.

    ``on_change`` gets the whole stack each time it changes (a tag came or went, a tag that
    could not be read now can), on the pad's own thread. ``set_secured`` switches a tag's
    security flag (the AFI or the EAS bit, as the library uses) and raises :class:`TagGone`
    when the tag is no longer there; it is called on the device thread only.

    Vendors' readers with their own SDKs are adapters behind ``hardware.rfid.TagReader``
    (docs/devices.md): inventory, read, and write the flag; ``hardware.rfid.PadWatcher``
    makes a pad of any of them.
    """

    def start(self, on_change: Callable[[tuple[RfidTag, ...]], None]) -> None: ...

    def stop(self) -> None: ...

    def set_secured(self, uid: str, secured: bool) -> None: ...

    def health(self) -> DeviceHealth: ...


@dataclass(slots=True)
class DeviceSet:
    """The devices one kiosk drives; any may be absent."""

    card_reader: CardReader | None = None
    scanner: CodeScanner | None = None
    printer: ReceiptPrinter | None = None
    indicator: Indicator | None = None
    payment_terminal: PaymentTerminal | None = None
    rfid: RfidPad | None = None
    simulators: dict[str, object] = field(default_factory=dict)
