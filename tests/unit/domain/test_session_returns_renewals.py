"""Returning items (with or without a card) and renewing loans (one or all)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CardPresented,
    CheckIn,
    CodeScanned,
    Done,
    EndIlsSession,
    EndReason,
    Identify,
    IlsFailed,
    IlsReplied,
    LoadSummary,
    PrintReceipt,
    ReceiptChosen,
    Renew,
    RenewAll,
    RenewEverything,
    RenewItem,
    Screen,
    SessionEnded,
    SessionMachine,
    StartReturns,
    Tick,
)
from kiosk.domain.types import (
    CheckinResult,
    IdentifyResult,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    RenewAllResult,
    RenewResult,
    ReturnDestination,
    SummaryResult,
    ok,
    refused,
)

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CARD = "2100000000001"
NAME = MemberName(given="Chloë", family="de Vries")
DUE = datetime(2026, 12, 5, 22, 59, tzinfo=UTC)
LATER = datetime(2026, 12, 26, 22, 59, tzinfo=UTC)
LOANS = (
    Loan("3100000000001", "Tirza", "", MaterialKind.BOOK, DUE, False, True),
    Loan("3100000000002", "Het diner", "", MaterialKind.BOOK, DUE, False, False),
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def answer(m: SessionMachine, effect: object, result: object, t: float = 1) -> list[object]:
    rid = effect.request_id  # type: ignore[attr-defined]
    return list(m.handle(IlsReplied(rid, result), at(t)))  # type: ignore[arg-type]


def home(m: SessionMachine | None = None) -> SessionMachine:
    m = m or SessionMachine(receipts=True)
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = answer(m, identify, IdentifyResult(ok(), name=NAME))
    answer(m, load, SummaryResult(ok(), MemberSummary(CARD, NAME, None, loans=LOANS)))
    assert m.screen is Screen.HOME
    return m


def returned(item: str, destination: ReturnDestination, reason: Reason) -> CheckinResult:
    return CheckinResult(ok(reason), item, f"Titel {item[-2:]}", destination, sort_bin="CL02")


# ---------------------------------------------------------------- returns without a card
def test_returns_without_a_card_check_items_in_and_say_where_each_goes() -> None:
    m = SessionMachine(receipts=True)
    assert m.handle(StartReturns(), at(0)) == []
    assert m.screen is Screen.RETURN
    [first] = m.handle(CodeScanned("3100000000019"), at(1))
    assert first == CheckIn(first.request_id, "3100000000019")  # type: ignore[union-attr]
    m.handle(CodeScanned("3100000000017"), at(1))  # scanned while the first is busy: queued
    [second] = answer(
        m, first, returned("3100000000019", ReturnDestination.TRANSIT, Reason.RETURNED_TO_TRANSIT)
    )
    assert isinstance(second, CheckIn) and second.item_id == "3100000000017"
    answer(
        m,
        second,
        returned("3100000000017", ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF),
    )
    view = m.view(at(2))
    assert [(r.item_id, r.destination) for r in view.returns] == [
        ("3100000000019", ReturnDestination.TRANSIT),
        ("3100000000017", ReturnDestination.HOLD_SHELF),
    ]
    assert view.notice is not None and view.notice.reason is Reason.RETURNED_TO_HOLD_SHELF
    assert view.name is None and view.summary is None  # nobody is identified


def test_done_after_anonymous_returns_offers_a_receipt_without_a_card() -> None:
    m = SessionMachine(receipts=True)
    m.handle(StartReturns(), at(0))
    [checkin] = m.handle(CodeScanned("3100000000001"), at(1))
    answer(m, checkin, returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED))
    m.handle(Done(), at(2))
    assert m.screen is Screen.RECEIPT
    [effect] = m.handle(ReceiptChosen(True), at(3))
    assert isinstance(effect, PrintReceipt)
    assert effect.card_number is None and [r.item_id for r in effect.returns] == ["3100000000001"]


def test_nothing_returned_and_done_says_goodbye_without_a_receipt() -> None:
    m = SessionMachine(receipts=True)
    m.handle(StartReturns(), at(0))
    effects = m.handle(Done(), at(1))
    assert SessionEnded(EndReason.DONE, 0) in effects
    assert EndIlsSession not in [type(e) for e in effects]
    assert m.screen is Screen.GOODBYE


def test_a_pass_on_the_return_screen_ends_the_returns_and_starts_that_members_session() -> None:
    m = SessionMachine()
    m.handle(StartReturns(), at(0))
    [checkin] = m.handle(CodeScanned("3100000000001"), at(1))
    answer(m, checkin, returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED))
    effects = m.handle(CardPresented(CARD), at(2))
    assert SessionEnded(EndReason.DONE, 0, 1) in effects
    assert any(isinstance(e, Identify) and e.card_number == CARD for e in effects)
    assert m.view(at(2)).returns == ()


def test_anonymous_returns_time_out_and_forget_the_titles() -> None:
    m = SessionMachine()
    m.handle(StartReturns(), at(0))
    [checkin] = m.handle(CodeScanned("3100000000001"), at(1))
    answer(m, checkin, returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED))
    assert m.handle(Tick(), at(59)) == []
    effects = m.handle(Tick(), at(62))
    assert SessionEnded(EndReason.TIMEOUT, 0, 1) in effects
    assert not m.holds_personal_data()


def test_a_failing_library_system_during_returns_is_said_and_the_queue_dropped() -> None:
    m = SessionMachine()
    m.handle(StartReturns(), at(0))
    [checkin] = m.handle(CodeScanned("3100000000001"), at(1))
    m.handle(CodeScanned("3100000000002"), at(1))
    assert m.handle(IlsFailed(checkin.request_id), at(2)) == []  # type: ignore[union-attr]
    view = m.view(at(2))
    assert view.notice is not None and view.notice.reason is Reason.ILS_UNAVAILABLE
    assert not view.busy


def test_garbage_on_the_return_screen_is_said_not_sent() -> None:
    m = SessionMachine()
    m.handle(StartReturns(), at(0))
    assert m.handle(CodeScanned("§§§", "unreadable"), at(1)) == []
    assert m.handle(CodeScanned("<script>"), at(1)) == []
    notice = m.view(at(1)).notice
    assert notice is not None and notice.reason is Reason.INVALID_ITEM_BARCODE


# ---------------------------------------------------------------- returns in a member's session
def test_a_member_returns_then_goes_back_home_with_the_loans_reloaded() -> None:
    m = home()
    m.handle(StartReturns(), at(2))
    assert m.screen is Screen.RETURN
    [checkin] = m.handle(CodeScanned("3100000000001"), at(3))
    answer(m, checkin, returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED))
    [reload] = m.handle(Done(), at(4))
    assert reload == LoadSummary(reload.request_id, CARD)  # type: ignore[union-attr]
    assert m.screen is Screen.HOME and m.view(at(4)).busy
    answer(m, reload, SummaryResult(ok(), MemberSummary(CARD, NAME, None, loans=LOANS[1:])))
    assert [loan.item_id for loan in m.view(at(5)).summary.loans] == ["3100000000002"]  # type: ignore[union-attr]
    effects = m.handle(Done(), at(6))
    assert effects == [] and m.screen is Screen.RECEIPT  # what was returned goes on the receipt


def test_back_home_without_returning_anything_needs_no_reload() -> None:
    m = home()
    m.handle(StartReturns(), at(2))
    assert m.handle(Done(), at(3)) == []
    assert m.screen is Screen.HOME and not m.view(at(3)).busy


# ---------------------------------------------------------------- renewals
def test_renewing_one_loan_moves_its_due_date() -> None:
    m = home()
    [renew] = m.handle(RenewItem("3100000000001"), at(2))
    assert renew == Renew(renew.request_id, CARD, "3100000000001")  # type: ignore[union-attr]
    answer(m, renew, RenewResult(ok(Reason.RENEWED), "3100000000001", "", due=LATER))
    view = m.view(at(3))
    loans = {loan.item_id: loan for loan in view.summary.loans}  # type: ignore[union-attr]
    assert loans["3100000000001"].due == LATER and loans["3100000000002"].due == DUE
    [line] = view.renewals
    assert line.ok and line.title == "Tirza" and line.due == LATER
    assert view.notice is not None and view.notice.reason is Reason.RENEWED


def test_renew_all_reports_each_loan() -> None:
    m = home()
    [everything] = m.handle(RenewAll(), at(2))
    assert everything == RenewEverything(everything.request_id, CARD)  # type: ignore[union-attr]
    result = RenewAllResult(
        ok(),
        (
            RenewResult(ok(Reason.RENEWED), "3100000000001", "Tirza", due=LATER),
            RenewResult(refused(Reason.RENEW_HELD_FOR_OTHER), "3100000000002", "Het diner"),
        ),
    )
    answer(m, everything, result)
    lines = {r.item_id: r for r in m.view(at(3)).renewals}
    assert lines["3100000000001"].ok and not lines["3100000000002"].ok
    assert lines["3100000000002"].reason is Reason.RENEW_HELD_FOR_OTHER
    effects = m.handle(Done(), at(4))
    assert effects == [] and m.screen is Screen.RECEIPT  # a renewal is worth a receipt
    [printing] = m.handle(ReceiptChosen(True), at(5))
    assert isinstance(printing, PrintReceipt)
    assert [r.item_id for r in printing.renewals if r.ok] == ["3100000000001"]


def test_renewals_are_forgotten_with_the_session() -> None:
    m = home()
    [renew] = m.handle(RenewItem("3100000000001"), at(2))
    answer(m, renew, RenewResult(ok(Reason.RENEWED), "3100000000001", "", due=LATER))
    effects = m.handle(CardPresented("2100000000002"), at(3))
    assert SessionEnded(EndReason.CANCELLED, 0, 0, 1) in effects
    assert m.view(at(3)).renewals == ()


def test_a_slip_is_printed_for_an_item_going_to_the_hold_shelf_or_another_branch() -> None:
    from kiosk.domain.session import PrintSlip

    m = SessionMachine(receipts=True, return_slips=True)
    m.handle(StartReturns(), at(0))
    [checkin] = m.handle(CodeScanned("3100000000017"), at(1))
    effects = answer(
        m,
        checkin,
        returned("3100000000017", ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF),
    )
    [slip] = effects
    assert isinstance(slip, PrintSlip) and slip.result.item_id == "3100000000017"
    assert m.view(at(2)).returns[0].slip
    [checkin] = m.handle(CodeScanned("3100000000001"), at(3))
    shelf = returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED)
    assert answer(m, checkin, shelf) == []  # the shelf needs no slip


def test_no_slip_without_the_setting_or_with_a_printer_that_cannot_print() -> None:
    from kiosk.domain.session import PrinterChanged

    hold = returned("3100000000017", ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF)
    for machine in (
        SessionMachine(receipts=True, return_slips=False),
        SessionMachine(receipts=True, return_slips=True),
    ):
        if machine._return_slips:
            machine.handle(PrinterChanged(False, Reason.PRINTER_OUT_OF_PAPER), at(0))
        machine.handle(StartReturns(), at(0))
        [checkin] = machine.handle(CodeScanned("3100000000017"), at(1))
        assert answer(machine, checkin, hold) == []
        assert not machine.view(at(2)).returns[0].slip


def test_done_tapped_while_the_loans_reload_after_returns_is_not_lost() -> None:
    m = home()
    m.handle(StartReturns(), at(2))
    [checkin] = m.handle(CodeScanned("3100000000001"), at(3))
    answer(m, checkin, returned("3100000000001", ReturnDestination.SHELF, Reason.RETURNED))
    [reload] = m.handle(Done(), at(4))  # back home: the loans reload
    assert m.handle(Done(), at(4.1)) == []  # and Done at once, while they do
    answer(m, reload, SummaryResult(ok(), MemberSummary(CARD, NAME, None, loans=LOANS[1:])))
    assert m.screen is Screen.RECEIPT  # the returned item is worth a receipt
