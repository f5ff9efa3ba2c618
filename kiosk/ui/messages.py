"""Reason codes -> the translated sentence a member reads, always with the next step.

One wording per situation (UX rule 4). The English source strings are marked with
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` collects them into the ``.ts`` files under the
context ``messages``; :func:`sentence` translates them at the moment they are shown, so a change
of language takes effect on the next message.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from kiosk.domain.reasons import Reason

CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for ``pyside6-lupdate`` (which looks for this name); typed for mypy."""
    return source


_SENTENCES: dict[Reason, str] = {
    # -- success
    Reason.OK: QT_TRANSLATE_NOOP("messages", "Done."),
    Reason.RENEWED: QT_TRANSLATE_NOOP(
        "messages", "Renewed. Please check the new return date on your receipt or account."
    ),
    Reason.CHECKED_OUT_AS_RENEWAL: QT_TRANSLATE_NOOP(
        "messages", "You already had this item; we renewed it for you."
    ),
    Reason.RETURNED: QT_TRANSLATE_NOOP(
        "messages", "Returned. Thank you! You can put it on the return shelf."
    ),
    Reason.RETURNED_TO_HOLD_SHELF: QT_TRANSLATE_NOOP(
        "messages", "Returned. Someone is waiting for this item: please put it on the hold shelf."
    ),
    Reason.RETURNED_TO_TRANSIT: QT_TRANSLATE_NOOP(
        "messages", "Returned. This item goes to another branch: please put it in the transit box."
    ),
    # -- identification
    Reason.INVALID_CARD_NUMBER: QT_TRANSLATE_NOOP(
        "messages", "That is not a card number we can read. Please check it and try again."
    ),
    Reason.UNKNOWN_CARD: QT_TRANSLATE_NOOP(
        "messages", "We do not know this card. Please ask at the desk."
    ),
    Reason.SCAN_PASS_FIRST: QT_TRANSLATE_NOOP(
        "messages", "That is an item. Please tap or scan your library pass first."
    ),
    Reason.PIN_REQUIRED: QT_TRANSLATE_NOOP("messages", "Please type your PIN."),
    Reason.WRONG_PIN: QT_TRANSLATE_NOOP(
        "messages",
        "That PIN is not right. Please try again; if you forgot it, please ask at the desk.",
    ),
    Reason.PIN_LOCKED: QT_TRANSLATE_NOOP(
        "messages",
        "Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.",
    ),
    Reason.CARD_EXPIRED: QT_TRANSLATE_NOOP(
        "messages", "Your library pass has expired. Please renew it at the desk."
    ),
    Reason.CARD_LOST: QT_TRANSLATE_NOOP(
        "messages", "This card has been reported lost. Please ask at the desk."
    ),
    Reason.BLOCKED_FEES: QT_TRANSLATE_NOOP(
        "messages",
        "You cannot borrow right now because of open fees. Please pay them here or at the desk.",
    ),
    Reason.BLOCKED_OVERDUE: QT_TRANSLATE_NOOP(
        "messages",
        "You cannot borrow right now because some items are overdue. Please return them first.",
    ),
    Reason.BLOCKED_MANUAL: QT_TRANSLATE_NOOP(
        "messages", "You cannot borrow at the kiosk right now. Please ask at the desk."
    ),
    # -- items and check out
    Reason.INVALID_ITEM_BARCODE: QT_TRANSLATE_NOOP(
        "messages", "We could not read that barcode. Please scan the item again."
    ),
    Reason.ITEM_UNKNOWN: QT_TRANSLATE_NOOP(
        "messages", "We do not know this item. Please take it to the desk."
    ),
    Reason.ITEM_ON_LOAN_TO_OTHER: QT_TRANSLATE_NOOP(
        "messages", "This item is still lent to someone else. Please take it to the desk."
    ),
    Reason.ITEM_HELD_FOR_OTHER: QT_TRANSLATE_NOOP(
        "messages", "This item is reserved for someone else. Please take it to the desk."
    ),
    Reason.ITEM_REFERENCE_ONLY: QT_TRANSLATE_NOOP(
        "messages",
        "This item can only be used in the library. Please put it back or ask at the desk.",
    ),
    Reason.ITEM_AGE_RESTRICTED: QT_TRANSLATE_NOOP(
        "messages", "This item has an age limit. Please ask at the desk."
    ),
    Reason.ITEM_IN_TRANSIT: QT_TRANSLATE_NOOP(
        "messages", "This item is on its way to another branch. Please take it to the desk."
    ),
    Reason.ITEM_NOT_AVAILABLE: QT_TRANSLATE_NOOP(
        "messages", "This item cannot be borrowed right now. Please take it to the desk."
    ),
    Reason.MAX_LOANS_REACHED: QT_TRANSLATE_NOOP(
        "messages",
        "You have reached the most items you can borrow. Please return an item first.",
    ),
    Reason.FEE_ACK_REQUIRED: QT_TRANSLATE_NOOP(
        "messages",
        "This item has a lending fee and was not checked out. Scan it again to decide.",
    ),
    # -- return
    Reason.ITEM_NOT_ON_LOAN: QT_TRANSLATE_NOOP(
        "messages", "This item was not lent out. Please take it to the desk."
    ),
    Reason.TAKE_TO_DESK: QT_TRANSLATE_NOOP("messages", "Please take this item to the desk."),
    # -- renewal
    Reason.RENEW_LIMIT_REACHED: QT_TRANSLATE_NOOP(
        "messages",
        "This item cannot be renewed again. Please return it by its due date.",
    ),
    Reason.RENEW_HELD_FOR_OTHER: QT_TRANSLATE_NOOP(
        "messages",
        "Someone else is waiting for this item, so it cannot be renewed. "
        "Please return it by its due date.",
    ),
    Reason.RENEW_NOT_ON_LOAN_TO_YOU: QT_TRANSLATE_NOOP(
        "messages", "This item is not lent to you, so you cannot renew it. Please ask at the desk."
    ),
    Reason.RENEW_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "messages", "This item cannot be renewed. Please return it by its due date."
    ),
    # -- fees
    Reason.FEE_UNKNOWN: QT_TRANSLATE_NOOP(
        "messages", "We could not find this fee. Please ask at the desk."
    ),
    Reason.PAYMENT_AMOUNT_INVALID: QT_TRANSLATE_NOOP(
        "messages", "That amount cannot be paid here. Please choose another amount."
    ),
    Reason.PAYMENT_DONE: QT_TRANSLATE_NOOP("messages", "Thank you, your payment was received."),
    Reason.PAYMENT_RECORDED_LATER: QT_TRANSLATE_NOOP(
        "messages",
        "Thank you, your payment was received. Your account will show it a little later; "
        "you do not need to pay again.",
    ),
    Reason.PAYMENT_NEEDS_STAFF: QT_TRANSLATE_NOOP(
        "messages",
        "Your payment was received, but your account could not be updated. You do not need to "
        "pay again: please ask at the desk and mention reference %1.",
    ),
    Reason.PAYMENT_DECLINED: QT_TRANSLATE_NOOP(
        "messages",
        "The payment was declined and nothing was charged. Try another card or pay at the desk.",
    ),
    Reason.PAYMENT_CANCELLED: QT_TRANSLATE_NOOP(
        "messages", "The payment was stopped and nothing was charged."
    ),
    Reason.PAYMENT_FAILED: QT_TRANSLATE_NOOP(
        "messages",
        "The payment terminal is not working right now and nothing was charged. "
        "Please pay at the desk.",
    ),
    Reason.PAYMENT_UNCERTAIN: QT_TRANSLATE_NOOP(
        "messages",
        "We cannot tell whether your payment went through. Please do not pay again: ask at "
        "the desk and mention reference %1.",
    ),
    Reason.PAYMENT_NOT_POSSIBLE: QT_TRANSLATE_NOOP(
        "messages", "Paying is not possible here right now. Please pay at the desk."
    ),
    # -- the RFID pad
    Reason.RFID_PARTS_MISSING: QT_TRANSLATE_NOOP(
        "messages",
        "Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.",
    ),
    Reason.RFID_TAG_UNREADABLE: QT_TRANSLATE_NOOP(
        "messages",
        "The tag of an item on the pad cannot be read. Please scan its barcode, "
        "or take it to the desk.",
    ),
    Reason.RFID_PUT_BACK: QT_TRANSLATE_NOOP(
        "messages",
        "Please put the item marked below back on the pad for a moment, so that the gate "
        "lets it through.",
    ),
    Reason.RFID_ALREADY_YOURS: QT_TRANSLATE_NOOP(
        "messages",
        "An item on the pad is already lent to you. To return it, tap Return items.",
    ),
    Reason.RFID_COUNT_SHORT: QT_TRANSLATE_NOOP(
        "messages",
        "We find %1 of the %2 items you placed. Spread them out on the pad, or scan the "
        "barcode of the missing ones.",
    ),
    # -- system
    Reason.ILS_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "messages",
        "The library system is not answering right now. Please try again in a moment "
        "or ask at the desk.",
    ),
    Reason.ILS_ERROR: QT_TRANSLATE_NOOP(
        "messages", "Something went wrong. Please try again or ask at the desk."
    ),
    # -- receipts
    Reason.RECEIPT_PRINTED: QT_TRANSLATE_NOOP("messages", "Please take your receipt."),
    Reason.RECEIPT_EMAILED: QT_TRANSLATE_NOOP(
        "messages", "Your receipt is on its way to your e-mail address."
    ),
    Reason.EMAIL_FAILED: QT_TRANSLATE_NOOP(
        "messages",
        "The receipt could not be e-mailed. Your loans are saved: you see them here, "
        "and always in your account online.",
    ),
    Reason.PRINTER_OUT_OF_PAPER: QT_TRANSLATE_NOOP(
        "messages",
        "The receipt printer is out of paper. Your loans are saved: you see them here, "
        "and always in your account online.",
    ),
    Reason.PRINTER_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "messages",
        "The receipt printer is not working right now. Your loans are saved: you see them "
        "here, and always in your account online.",
    ),
    # -- offline
    Reason.OFFLINE_MODE: QT_TRANSLATE_NOOP(
        "messages",
        "The library system cannot be reached right now. You can still return items, and "
        "borrow up to %1 more: we record them and pass them on as soon as it is back.",
    ),
    Reason.RECORDED_OFFLINE: QT_TRANSLATE_NOOP(
        "messages",
        "Recorded. The library system will have it as soon as it is back; "
        "your account shows it then.",
    ),
    Reason.OFFLINE_LIMIT_REACHED: QT_TRANSLATE_NOOP(
        "messages",
        "While the library system cannot be reached, the kiosk lends only a few items per "
        "pass (at most %1). Please ask at the desk.",
    ),
    Reason.OFFLINE_NOT_POSSIBLE: QT_TRANSLATE_NOOP(
        "messages",
        "This cannot be done while the library system cannot be reached. "
        "Please try again later or ask at the desk.",
    ),
    Reason.OFFLINE_JOURNAL_FULL: QT_TRANSLATE_NOOP(
        "messages",
        "The kiosk cannot record this right now. Please ask at the desk.",
    ),
    # -- staff maintenance mode, and the kiosk's own state
    Reason.STAFF_PIN_WRONG: QT_TRANSLATE_NOOP(
        "messages", "That staff PIN is not right. Please try again."
    ),
    Reason.STAFF_PIN_LOCKED: QT_TRANSLATE_NOOP(
        "messages",
        "Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.",
    ),
    Reason.CONFIG_ERROR: QT_TRANSLATE_NOOP(
        "messages", "The kiosk's settings need to be corrected by staff."
    ),
}

# Sentences with a number in them; Qt picks the plural form from ``%n`` per language.
_WRONG_PIN_ATTEMPTS = QT_TRANSLATE_NOOP(
    "messages",
    "That PIN is not right. Please try again. Attempts left before your card is locked: %n.",
)
_CHECKED_OUT_DUE = QT_TRANSLATE_NOOP("messages", "Checked out. Please return it by %1.")
_RENEWED_UNTIL = QT_TRANSLATE_NOOP("messages", "Renewed: now due on %1.")
_CHECKED_OUT_PARTS = QT_TRANSLATE_NOOP(
    "messages",
    "Checked out. This item has %n parts: please check that they are all in the box. "
    "Please return it by %1.",
)


def _tr(source: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, source, None, n)


def sentence(reason: Reason, params: Mapping[str, str] | None = None) -> str:
    """The member's sentence for ``reason``; ``params`` fill in the numbers where there are any."""
    params = params or {}
    if reason is Reason.WRONG_PIN:
        attempts = params.get("attempts_left", "")
        if attempts.isdigit():
            return _tr(_WRONG_PIN_ATTEMPTS, int(attempts))
    text = _tr(_SENTENCES[reason])
    if "limit" in params:  # the offline limits
        text = text.replace("%1", params["limit"])
    if "reference" in params:  # a payment staff must look up
        text = text.replace("%1", params["reference"])
    if "found" in params:  # the RFID pad: parts of an item, items of a stack
        text = text.replace("%1", params["found"]).replace("%2", params.get("of", ""))
    return text


def sentence_or_code(code: str) -> str:
    """The sentence of a reason code kept as text (the offline journal's conflicts), or the
    code itself when it is not one of ours."""
    try:
        return sentence(Reason(code))
    except ValueError:
        return code


def checked_out(due_text: str) -> str:
    """Said next to an item that was lent; ``due_text`` is the date already formatted."""
    return _tr(_CHECKED_OUT_DUE).replace("%1", due_text)


# The fixed words of a printed receipt (``kiosk.services.receipts`` labels), translated too.
_RECEIPT_LABELS: dict[str, str] = {
    "loan_title": QT_TRANSLATE_NOOP("messages", "Loan receipt"),
    "return_title": QT_TRANSLATE_NOOP("messages", "Return receipt"),
    "card": QT_TRANSLATE_NOOP("messages", "Card"),
    "borrowed": QT_TRANSLATE_NOOP("messages", "Borrowed"),
    "due": QT_TRANSLATE_NOOP("messages", "due"),
    "not_borrowed": QT_TRANSLATE_NOOP("messages", "Not borrowed"),
    "fee": QT_TRANSLATE_NOOP("messages", "Fee"),
    "account": QT_TRANSLATE_NOOP("messages", "Your account online"),
    "returned": QT_TRANSLATE_NOOP("messages", "Returned"),
    "parts": QT_TRANSLATE_NOOP("messages", "Parts"),
    "renewed": QT_TRANSLATE_NOOP("messages", "Renewed"),
    "hold_slip": QT_TRANSLATE_NOOP("messages", "HOLD"),
    "transit_slip": QT_TRANSLATE_NOOP("messages", "TRANSIT"),
    "to": QT_TRANSLATE_NOOP("messages", "To"),
    "bin": QT_TRANSLATE_NOOP("messages", "Bin"),
    "paid": QT_TRANSLATE_NOOP("messages", "Paid"),
    "total": QT_TRANSLATE_NOOP("messages", "Total"),
    "reference": QT_TRANSLATE_NOOP("messages", "Reference"),
    "payment_pending": QT_TRANSLATE_NOOP("messages", "Paid; your account will show it later"),
    "payment_staff": QT_TRANSLATE_NOOP("messages", "Paid; the desk will book it"),
    "payment_unknown": QT_TRANSLATE_NOOP(
        "messages", "Not known whether this was paid: ask at the desk"
    ),
}


def receipt_labels() -> dict[str, str]:
    """The receipt's fixed words in the current language."""
    return {key: _tr(source) for key, source in _RECEIPT_LABELS.items()}


def checked_out_parts(due_text: str, parts: int) -> str:
    """Said next to an item of several parts (a course with discs) that was lent."""
    return _tr(_CHECKED_OUT_PARTS, parts).replace("%1", due_text)


def renewed_until(due_text: str) -> str:
    """Said next to a loan that was renewed; ``due_text`` is the new date already formatted."""
    return _tr(_RENEWED_UNTIL).replace("%1", due_text)


_HOLD_READY = QT_TRANSLATE_NOOP("messages", "Ready for you at %1.")
_HOLD_READY_UNTIL = QT_TRANSLATE_NOOP("messages", "Ready for you at %1, until %2.")
_HOLD_WAITING = QT_TRANSLATE_NOOP("messages", "Waiting: number %1 in the queue, for %2.")
_HOLD_WAITING_NO_PLACE = QT_TRANSLATE_NOOP("messages", "Waiting, for %1.")
_HOLD_IN_TRANSIT = QT_TRANSLATE_NOOP("messages", "On its way to %1.")
_FAMILY_MEMBER = QT_TRANSLATE_NOOP("messages", "Family member")
_SLIP_HINT = QT_TRANSLATE_NOOP("messages", "Take the slip from the printer and put it in the item.")
_PUT_BACK_HINT = QT_TRANSLATE_NOOP(
    "messages", "Put it back on the pad for a moment: its security tag was not switched yet."
)
_FEE_KINDS: dict[str, str] = {
    "overdue": QT_TRANSLATE_NOOP("messages", "Late fee"),
    "rental": QT_TRANSLATE_NOOP("messages", "Rental fee"),
    "hold": QT_TRANSLATE_NOOP("messages", "Hold fee"),
    "lost": QT_TRANSLATE_NOOP("messages", "Lost item"),
    "damage": QT_TRANSLATE_NOOP("messages", "Damaged item"),
    "attachment": QT_TRANSLATE_NOOP("messages", "Missing part"),
    "card": QT_TRANSLATE_NOOP("messages", "Library pass"),
    "other": QT_TRANSLATE_NOOP("messages", "Other costs"),
}


def hold_ready(branch: str, until: str) -> str:
    if until:
        return _tr(_HOLD_READY_UNTIL).replace("%1", branch).replace("%2", until)
    return _tr(_HOLD_READY).replace("%1", branch)


def hold_waiting(position: int | None, branch: str) -> str:
    if position is None:
        return _tr(_HOLD_WAITING_NO_PLACE).replace("%1", branch)
    return _tr(_HOLD_WAITING).replace("%1", str(position)).replace("%2", branch)


def hold_in_transit(branch: str) -> str:
    return _tr(_HOLD_IN_TRANSIT).replace("%1", branch)


def slip_hint() -> str:
    return _tr(_SLIP_HINT)


def put_back_hint() -> str:
    return _tr(_PUT_BACK_HINT)


def family_member() -> str:
    return _tr(_FAMILY_MEMBER)


def fee_kind(kind: str) -> str:
    return _tr(_FEE_KINDS.get(kind, _FEE_KINDS["other"]))


def all_sentences() -> dict[Reason, str]:
    """Every reason's translated sentence (for tests and the staff preview)."""
    return {reason: sentence(reason) for reason in Reason}
