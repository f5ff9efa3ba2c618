"""The receipt step: print or skip; a printer that cannot print is said, the loans stay shown,
and the loans are never undone because of the printer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    Cancel,
    CardPresented,
    CardRemoved,
    CheckOut,
    CodeScanned,
    Done,
    EndIlsSession,
    EndReason,
    Identify,
    IlsReplied,
    LoadSummary,
    PrinterChanged,
    PrintReceipt,
    ReceiptChosen,
    ReceiptFailed,
    ReceiptPrinted,
    Screen,
    SessionEnded,
    SessionMachine,
    Tick,
)
from kiosk.domain.types import (
    CheckoutResult,
    IdentifyResult,
    MemberName,
    MemberSummary,
    SummaryResult,
    ok,
    refused,
)

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CARD = "2100000000001"
NAME = MemberName(given="Chloë", family="de Vries")
DUE = datetime(2026, 12, 16, 22, 59, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def answer(m: SessionMachine, effect: object, result: object, t: float = 1) -> list[object]:
    assert isinstance(effect, Identify | LoadSummary | CheckOut)
    return list(m.handle(IlsReplied(effect.request_id, result), at(t)))  # type: ignore[arg-type]


def borrowed(m: SessionMachine, *items: str, t: float = 2) -> SessionMachine:
    """A member at home who borrowed ``items`` (one refused when its id starts with X)."""
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = answer(m, identify, IdentifyResult(ok(), name=NAME))
    answer(m, load, SummaryResult(ok(), MemberSummary(CARD, NAME, "chloe@example.nl")))
    for item in items:
        [checkout] = m.handle(CodeScanned(item, "item"), at(t))
        if item.startswith("X"):
            result = CheckoutResult(refused(Reason.ITEM_HELD_FOR_OTHER), item, "Gereserveerd")
        else:
            outcome = ok()
            result = CheckoutResult(outcome, item, f"Titel {item}", due=DUE)
        answer(m, checkout, result, t)
    assert m.screen is Screen.HOME
    return m


def test_after_borrowing_done_offers_a_receipt_and_printing_sends_the_loans() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003", "X3100000000011")
    assert m.handle(Done(), at(3)) == []
    view = m.view(at(3))
    assert view.screen is Screen.RECEIPT and view.can_print and view.notice is None
    assert [c.item_id for c in view.checkouts] == ["3100000000003", "X3100000000011"]

    [effect] = m.handle(ReceiptChosen(print=True), at(4))
    assert isinstance(effect, PrintReceipt)
    assert effect.card_number == CARD
    assert [(c.item_id, c.ok) for c in effect.checkouts] == [
        ("3100000000003", True),
        ("X3100000000011", False),
    ]
    assert m.view(at(4)).busy
    # A second tap while printing does nothing (one receipt, not two)
    assert m.handle(ReceiptChosen(print=True), at(4.5)) == []

    effects = m.handle(ReceiptPrinted(effect.request_id), at(5))
    assert EndIlsSession(CARD) in effects
    assert SessionEnded(EndReason.DONE, 1) in effects
    assert m.screen is Screen.GOODBYE
    assert m.view(at(5)).notice is not None
    assert m.view(at(5)).notice.reason is Reason.RECEIPT_PRINTED  # type: ignore[union-attr]
    assert not m.holds_personal_data()


def test_no_receipt_ends_the_session_without_printing() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    effects = m.handle(ReceiptChosen(print=False), at(4))
    assert not any(isinstance(e, PrintReceipt) for e in effects)
    assert SessionEnded(EndReason.DONE, 1) in effects
    assert m.screen is Screen.GOODBYE and not m.holds_personal_data()


def test_nothing_borrowed_or_no_printer_fitted_skips_the_receipt_screen() -> None:
    m = borrowed(SessionMachine(receipts=True))
    assert SessionEnded(EndReason.DONE, 0) in m.handle(Done(), at(3))
    assert m.screen is Screen.GOODBYE

    refused_only = borrowed(SessionMachine(receipts=True), "X3100000000011")
    refused_only.handle(Done(), at(3))
    assert refused_only.screen is Screen.GOODBYE

    without_printer = borrowed(SessionMachine(receipts=False), "3100000000003")
    without_printer.handle(Done(), at(3))
    assert without_printer.screen is Screen.GOODBYE


def test_paper_out_while_printing_tells_the_member_and_keeps_the_loans() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    [effect] = m.handle(ReceiptChosen(print=True), at(4))
    assert isinstance(effect, PrintReceipt)
    assert m.handle(ReceiptFailed(effect.request_id, Reason.PRINTER_OUT_OF_PAPER), at(5)) == []
    view = m.view(at(5))
    assert view.screen is Screen.RECEIPT
    assert view.notice is not None and view.notice.reason is Reason.PRINTER_OUT_OF_PAPER
    assert not view.can_print  # another way: the loans on the screen, and Done
    assert [c.ok for c in view.checkouts] == [True]
    # Asking again does not try the broken printer
    assert not any(isinstance(e, PrintReceipt) for e in m.handle(ReceiptChosen(True), at(6)))
    assert m.screen is Screen.GOODBYE

    # The next member is not offered printing while the printer is known to be out of paper...
    m2 = borrowed(m, "3100000000029", t=20)
    m2.handle(Done(), at(21))
    view = m2.view(at(21))
    assert view.screen is Screen.RECEIPT and not view.can_print
    assert view.notice is not None and view.notice.reason is Reason.PRINTER_OUT_OF_PAPER
    m2.handle(Done(), at(22))
    # ... until staff put in a new roll and the printer says it is ready again.
    m2.handle(PrinterChanged(ready=True), at(30))
    m3 = borrowed(m2, "3100000000037", t=40)
    m3.handle(Done(), at(41))
    assert m3.view(at(41)).can_print and m3.view(at(41)).notice is None


def test_a_printer_known_to_be_off_line_is_said_before_the_member_asks() -> None:
    m = SessionMachine(receipts=True)
    m.handle(PrinterChanged(ready=False, reason=Reason.PRINTER_UNAVAILABLE), at(0))
    borrowed(m, "3100000000003")
    m.handle(Done(), at(3))
    view = m.view(at(3))
    assert view.screen is Screen.RECEIPT and not view.can_print
    assert view.notice is not None and view.notice.reason is Reason.PRINTER_UNAVAILABLE
    assert not any(isinstance(e, PrintReceipt) for e in m.handle(ReceiptChosen(True), at(4)))


def test_the_receipt_screen_times_out_and_card_removal_ends_it_at_once() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    assert m.handle(Tick(), at(3 + 29)) == []
    effects = m.handle(Tick(), at(3 + 31))
    assert SessionEnded(EndReason.TIMEOUT, 1) in effects
    assert not m.holds_personal_data()

    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    [effect] = m.handle(ReceiptChosen(True), at(4))
    assert isinstance(effect, PrintReceipt)
    effects = m.handle(CardRemoved(), at(4.2))
    assert SessionEnded(EndReason.CARD_REMOVED, 1) in effects
    assert not m.holds_personal_data()
    # The print that finishes afterwards belongs to nobody any more: nothing comes back.
    assert m.handle(ReceiptPrinted(effect.request_id), at(5)) == []
    assert m.view(at(5)).notice is None


def test_cancel_on_the_receipt_screen_is_no_receipt() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    effects = m.handle(Cancel(), at(4))
    assert SessionEnded(EndReason.DONE, 1) in effects
    assert not any(isinstance(e, PrintReceipt) for e in effects)


def test_the_ils_print_lines_travel_with_the_loan_to_the_receipt() -> None:
    m = borrowed(SessionMachine(receipts=True))
    [checkout] = m.handle(CodeScanned("3100000000003", "item"), at(2))
    outcome = ok()
    outcome = type(outcome)(True, Reason.OK, print_lines=("Inleveren bij elke vestiging",))
    answer(m, checkout, CheckoutResult(outcome, "3100000000003", "De avonden", due=DUE))
    m.handle(Done(), at(3))
    [effect] = m.handle(ReceiptChosen(True), at(4))
    assert isinstance(effect, PrintReceipt)
    assert effect.checkouts[0].print_lines == ("Inleveren bij elke vestiging",)


def test_a_printer_mended_while_the_member_looks_offers_the_receipt_after_all() -> None:
    m = SessionMachine(receipts=True)
    m.handle(PrinterChanged(ready=False, reason=Reason.PRINTER_OUT_OF_PAPER), at(0))
    borrowed(m, "3100000000003")
    m.handle(Done(), at(3))
    assert not m.view(at(3)).can_print
    m.handle(PrinterChanged(ready=True), at(4))
    view = m.view(at(4))
    assert view.can_print and view.notice is None
    # and broken again: said again
    m.handle(PrinterChanged(ready=False, reason=Reason.PRINTER_UNAVAILABLE), at(5))
    view = m.view(at(5))
    assert not view.can_print
    assert view.notice is not None and view.notice.reason is Reason.PRINTER_UNAVAILABLE


def test_the_next_members_card_on_the_receipt_screen_ends_this_session_and_starts_theirs() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    effects = m.handle(CardPresented("2100000000002"), at(4))
    assert SessionEnded(EndReason.DONE, 1) in effects
    assert Identify(2 + 2, "2100000000002", None) in effects or any(
        isinstance(e, Identify) and e.card_number == "2100000000002" for e in effects
    )
    assert m.screen is Screen.IDENTIFYING
    assert not any(c.item_id == "3100000000003" for c in m.view(at(4)).checkouts)


def test_no_countdown_runs_while_the_receipt_prints() -> None:
    m = borrowed(SessionMachine(receipts=True), "3100000000003")
    m.handle(Done(), at(3))
    [effect] = m.handle(ReceiptChosen(True), at(4))
    assert m.handle(Tick(), at(4 + 120)) == []  # a slow printer: the session waits for it
    assert m.view(at(4 + 120)).countdown is None
    assert isinstance(effect, PrintReceipt)
    m.handle(ReceiptPrinted(effect.request_id), at(125))
    assert m.screen is Screen.GOODBYE


def _with_email(m: SessionMachine, email: str | None) -> SessionMachine:
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = answer(m, identify, IdentifyResult(ok(), name=NAME))
    answer(m, load, SummaryResult(ok(), MemberSummary(CARD, NAME, email)))
    [checkout] = m.handle(CodeScanned("3100000000003", "item"), at(2))
    answer(m, checkout, CheckoutResult(ok(), "3100000000003", "De avonden", due=DUE), 2)
    m.handle(Done(), at(3))
    return m


def test_p4_the_receipt_can_be_emailed_to_the_address_on_file_shown_masked() -> None:
    from kiosk.domain.session import EmailReceipt

    m = _with_email(SessionMachine(receipts=True, emails=True), "chloe.devries@example.nl")
    view = m.view(at(3))
    assert view.can_email and view.email_masked == "c***@example.nl"
    assert "chloe.devries" not in repr(view.email_masked)
    [effect] = m.handle(ReceiptChosen(False, email=True), at(4))
    assert isinstance(effect, EmailReceipt) and effect.address == "chloe.devries@example.nl"
    m.handle(ReceiptPrinted(effect.request_id, emailed=True), at(5))
    assert m.screen is Screen.GOODBYE
    assert m.view(at(5)).notice.reason is Reason.RECEIPT_EMAILED  # type: ignore[union-attr]


def test_no_address_on_file_no_email_choice_and_without_a_printer_no_receipt_screen() -> None:
    m = _with_email(SessionMachine(receipts=True, emails=True), None)
    assert not m.view(at(3)).can_email
    assert m.handle(ReceiptChosen(False, email=True), at(4)) == []
    m2 = _with_email(SessionMachine(receipts=False, emails=True), None)
    assert m2.screen is Screen.GOODBYE  # nothing to offer: straight to goodbye
    m3 = _with_email(SessionMachine(receipts=False, emails=True), "a@b.nl")
    assert m3.screen is Screen.RECEIPT and m3.view(at(3)).can_email


def test_a_failed_email_is_said_once_and_forgotten_with_the_session() -> None:
    from kiosk.domain.session import EmailReceipt

    m = _with_email(SessionMachine(receipts=False, emails=True), "a@b.nl")
    [effect] = m.handle(ReceiptChosen(False, email=True), at(4))
    assert isinstance(effect, EmailReceipt)
    m.handle(ReceiptFailed(effect.request_id, Reason.EMAIL_FAILED), at(5))
    view = m.view(at(5))
    assert not view.can_email and view.notice.reason is Reason.EMAIL_FAILED  # type: ignore[union-attr]
    m.handle(Done(), at(6))
    assert m.screen is Screen.GOODBYE
    m.handle(CardRemoved(), at(7))
    again = _with_email(m, "a@b.nl")  # the next session may e-mail again
    assert again.view(at(8)).can_email
