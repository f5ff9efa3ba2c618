"""Receipts and slips composed from what happened, as printable documents (``hardware.ports``).

The kiosk prints a loan receipt when a member asks for one, and a slip for an item returned for
someone else's hold or for another branch (put in the item, for staff). The member's card number
appears only masked (PRIVACY.md P4); a slip carries nothing about any member. Fixed words come
from ``labels`` so the UI can pass them in the member's language; dates and amounts are written
the Dutch way (``16-12-2026``, ``€ 1,50``) unless ``date_format``/``money`` say otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from hardware.ports import Receipt, ReceiptLine
from kiosk.domain.money import Money
from kiosk.domain.payment import Paid, PaymentLine
from kiosk.domain.privacy import mask_card_number
from kiosk.domain.session import CheckoutLine, RenewLine, ReturnLine
from kiosk.domain.types import CheckinResult, ReturnDestination

DEFAULT_LABELS: Mapping[str, str] = {
    "loan_title": "Loan receipt",
    "return_title": "Return receipt",
    "card": "Card",
    "borrowed": "Borrowed",
    "due": "due",
    "not_borrowed": "Not borrowed",
    "fee": "Fee",
    "account": "Your account online",
    "returned": "Returned",
    "parts": "Parts",
    "renewed": "Renewed",
    "hold_slip": "HOLD",
    "transit_slip": "TRANSIT",
    "to": "To",
    "bin": "Bin",
    "paid": "Paid",
    "total": "Total",
    "reference": "Reference",
    "payment_pending": "Paid; your account will show it later",
    "payment_staff": "Paid; the desk will book it",
    "payment_unknown": "Not known whether this was paid: ask at the desk",
}


def euro(amount: Money) -> str:
    """``€ 1,50``: how Dutch receipts write amounts (other currencies: ``USD 1,50``)."""
    symbol = "€" if amount.currency == "EUR" else amount.currency
    whole, cents = divmod(abs(amount.cents), 100)
    sign = "-" if amount.cents < 0 else ""
    return f"{symbol} {sign}{whole},{cents:02d}"


@dataclass(frozen=True, slots=True)
class ReceiptStyle:
    library_name: str
    branch_name: str = ""
    tz: tzinfo | None = None
    labels: Mapping[str, str] = field(default_factory=lambda: DEFAULT_LABELS)
    date_format: str = "%d-%m-%Y"
    money: Callable[[Money], str] = euro
    account_url: str | None = None  # printed as a QR code on loan receipts
    logo: str | None = None  # an image file printed at the top of loan receipts
    header_lines: tuple[str, ...] = ()  # under the library's name (an address, opening hours)
    footer_lines: tuple[str, ...] = ()  # at the end of loan receipts

    def label(self, key: str) -> str:
        return self.labels.get(key, DEFAULT_LABELS[key])

    def date(self, when: datetime) -> str:
        return self.local(when).strftime(self.date_format)

    def local(self, when: datetime) -> datetime:
        """``when`` in the library's own time (aware times only; naive ones are taken as is)."""
        return when.astimezone(self.tz) if self.tz and when.tzinfo is not None else when


def loan_receipt(
    style: ReceiptStyle,
    card_number: str | None,
    checkouts: Iterable[CheckoutLine],
    *,
    printed_at: datetime,
    print_lines: Iterable[str] = (),
    returns: Iterable[ReturnLine] = (),
    renewals: Iterable[RenewLine] = (),
    payments: Iterable[PaymentLine] = (),
) -> Receipt:
    """The session's receipt: what was borrowed (with due dates and fees) and what not, what
    was returned, renewed and paid (with the terminal's own receipt text). Without a card
    (returns only) there is no card line."""
    checkouts, returns, renewals = list(checkouts), list(returns), list(renewals)
    paid = [p for p in payments if p.paid.charged or p.paid is Paid.UNCERTAIN]
    only_returns = not any(c.ok for c in checkouts) and not any(r.ok for r in renewals) and not paid
    title = style.label("return_title" if only_returns and returns else "loan_title")
    lines = [ReceiptLine(title, bold=True)]
    if card_number:
        lines.append(ReceiptLine(f"{style.label('card')}: {mask_card_number(card_number)}"))
    done = [c for c in checkouts if c.ok]
    refused = [c for c in checkouts if not c.ok]
    if done:
        lines.append(ReceiptLine(style.label("borrowed"), bold=True))
        for c in done:
            due = f"{style.label('due')} {style.date(c.due)}" if c.due else ""
            lines.append(ReceiptLine(f"{c.title or c.item_id}\t{due}"))
            if c.attachments > 1:
                lines.append(ReceiptLine(f"  {style.label('parts')}: {c.attachments}"))
            if c.fee is not None:
                lines.append(ReceiptLine(f"{style.label('fee')}\t{style.money(c.fee)}"))
    if refused:
        lines.append(ReceiptLine(style.label("not_borrowed"), bold=True))
        lines.extend(ReceiptLine(c.title or c.item_id) for c in refused)
    renewed = [r for r in renewals if r.ok]
    if renewed:
        lines.append(ReceiptLine(style.label("renewed"), bold=True))
        for r in renewed:
            due = f"{style.label('due')} {style.date(r.due)}" if r.due else ""
            lines.append(ReceiptLine(f"{r.title or r.item_id}\t{due}"))
    returned = [r for r in returns if r.ok]
    if returned:
        lines.append(ReceiptLine(style.label("returned"), bold=True))
        lines.extend(ReceiptLine(r.title or r.item_id) for r in returned)
    for payment in paid:
        lines.extend(_payment_lines(style, payment))
    # The ILS's own lines may quote the card number: on paper it is masked too (P4).
    extra = [t for t in print_lines if t.strip()]
    if card_number:
        masked = mask_card_number(card_number)
        extra = [t.replace(card_number, masked) for t in extra]
    header = tuple(h for h in (style.library_name, style.branch_name, *style.header_lines) if h)
    account = (style.label("account"),) if style.account_url else ()
    return Receipt(
        header=header,
        lines=tuple(lines),
        footer=(*extra, *style.footer_lines, *account),
        printed_at=style.local(printed_at),
        qr=style.account_url,
        logo=style.logo,
    )


def _payment_lines(style: ReceiptStyle, payment: PaymentLine) -> list[ReceiptLine]:
    unknown = payment.paid is Paid.UNCERTAIN
    lines = [ReceiptLine(style.label("payment_unknown" if unknown else "paid"), bold=True)]
    lines.extend(
        ReceiptLine(f"{part.label or part.fee_id}\t{style.money(part.amount)}")
        for part in payment.fees
    )
    lines.append(ReceiptLine(f"{style.label('total')}\t{style.money(payment.total)}", bold=True))
    lines.append(ReceiptLine(f"{style.label('reference')}: {payment.reference}"))
    if payment.paid is Paid.RECORDED_LATER:
        lines.append(ReceiptLine(style.label("payment_pending")))
    elif payment.paid is Paid.NEEDS_STAFF:
        lines.append(ReceiptLine(style.label("payment_staff")))
    # The terminal's own text for the cardholder, as it sent it (it masks the card itself).
    lines.extend(ReceiptLine(text) for text in payment.terminal_receipt if text.strip())
    return lines


def return_slip(
    style: ReceiptStyle, result: CheckinResult, *, printed_at: datetime
) -> Receipt | None:
    """A slip for staff to put in an item returned for a hold here or for another branch.

    ``None`` when the item simply goes back on the shelf. Nothing about any member is on it.
    """
    if result.destination is ReturnDestination.HOLD_SHELF:
        kind = style.label("hold_slip")
        where = style.branch_name
    elif result.destination is ReturnDestination.TRANSIT:
        kind = style.label("transit_slip")
        where = result.transit_to or ""
    else:
        return None
    lines = [ReceiptLine(kind, bold=True, align="center"), ReceiptLine(result.title or "")]
    lines.append(ReceiptLine(result.item_id))
    if where:
        lines.append(ReceiptLine(f"{style.label('to')}: {where}", bold=True))
    if result.sort_bin:
        lines.append(ReceiptLine(f"{style.label('bin')}: {result.sort_bin}"))
    return Receipt(
        header=(style.library_name,),
        lines=tuple(lines),
        printed_at=style.local(printed_at),
        barcode=result.item_id or None,
    )
