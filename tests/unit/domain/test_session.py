"""The member session machine: flows, timeouts (UX 1) and forgetting the member (P3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    Cancel,
    CardNumberTyped,
    CardPresented,
    CardRemoved,
    CardSource,
    CheckOut,
    CodeScanned,
    Done,
    EndIlsSession,
    EndReason,
    FeeAnswered,
    Identify,
    IlsFailed,
    IlsReplied,
    LoadSummary,
    OpenKeypad,
    PinTyped,
    Screen,
    SessionEnded,
    SessionMachine,
    SetInService,
    SetOutOfService,
    Tick,
    Timeouts,
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
SUMMARY = MemberSummary(card_number=CARD, name=NAME, email="chloe@example.nl")


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def reply(machine: SessionMachine, effect: object, result: object, t: float = 1) -> list[object]:
    assert isinstance(effect, Identify | LoadSummary | CheckOut)
    return list(machine.handle(IlsReplied(effect.request_id, result), at(t)))  # type: ignore[arg-type]


def home(machine: SessionMachine | None = None) -> SessionMachine:
    """A machine with a member on the home screen (card on the reader)."""
    m = machine or SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = reply(m, identify, IdentifyResult(ok(), name=NAME))
    assert reply(m, load, SummaryResult(ok(), SUMMARY)) == []
    assert m.screen is Screen.HOME
    return m


def test_card_on_the_reader_asks_the_ils_who_it_is() -> None:
    m = SessionMachine()
    effects = m.handle(CardPresented(CARD), at(0))
    assert effects == [Identify(1, CARD, None)]
    assert m.screen is Screen.IDENTIFYING
    assert m.view(at(0)).busy


def test_identified_member_reaches_home_with_summary() -> None:
    m = home()
    view = m.view(at(1))
    assert view.name == NAME and view.summary == SUMMARY


def test_member_with_pin_is_asked_for_it_then_identified_with_it() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.PIN_REQUIRED)))
    assert m.screen is Screen.PIN
    [with_pin] = m.handle(PinTyped("1234"), at(2))
    assert with_pin == Identify(2, CARD, "1234")


def test_wrong_pin_returns_to_the_pin_screen_with_attempts_left() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.PIN_REQUIRED)))
    [again] = m.handle(PinTyped("0000"), at(2))
    reply(m, again, IdentifyResult(refused(Reason.WRONG_PIN), pin_attempts_left=2), t=3)
    view = m.view(at(3))
    assert view.screen is Screen.PIN
    assert view.notice is not None and view.notice.reason is Reason.WRONG_PIN
    assert dict(view.notice.params) == {"attempts_left": "2"}


def test_locked_pin_ends_at_idle_sending_the_member_to_the_desk() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.PIN_LOCKED)))
    view = m.view(at(1))
    assert view.screen is Screen.IDLE
    assert view.notice is not None and view.notice.reason is Reason.PIN_LOCKED
    assert not m.holds_personal_data()


def test_pin_is_forgotten_once_the_member_is_identified() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.PIN_REQUIRED)))
    [with_pin] = m.handle(PinTyped("1234"), at(2))
    reply(m, with_pin, IdentifyResult(ok(), name=NAME))
    assert m._s.pin is None


def test_unknown_card_shows_a_notice_on_idle_that_clears_itself() -> None:
    m = SessionMachine(Timeouts(idle_notice=10))
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.UNKNOWN_CARD)), t=1)
    assert m.view(at(1)).notice is not None
    m.handle(Tick(), at(12))
    assert m.view(at(12)).notice is None


def test_garbage_card_number_is_a_notice_not_an_ils_call() -> None:
    m = SessionMachine()
    assert m.handle(CodeScanned("\x00?/ "), at(0)) == []
    view = m.view(at(0))
    assert view.notice is not None and view.notice.reason is Reason.INVALID_CARD_NUMBER


def test_typed_card_number_is_normalised_before_the_ils_sees_it() -> None:
    m = SessionMachine()
    m.handle(OpenKeypad(), at(0))
    assert m.screen is Screen.CARD_ENTRY
    assert m.handle(CardNumberTyped(" 2100 0000 00001 "), at(1)) == [Identify(1, CARD, None)]


def test_scanned_item_on_home_is_checked_out_and_listed() -> None:
    m = home()
    [checkout] = m.handle(CodeScanned("3100000000001"), at(5))
    assert checkout == CheckOut(3, CARD, "3100000000001", False)
    due = at(86400 * 21)
    reply(m, checkout, CheckoutResult(ok(), "3100000000001", "Max Havelaar", due=due), t=6)
    view = m.view(at(6))
    assert [(c.title, c.ok) for c in view.checkouts] == [("Max Havelaar", True)]
    assert view.summary is not None
    assert [loan.title for loan in view.summary.loans] == ["Max Havelaar"]


def test_refused_item_is_listed_with_its_reason() -> None:
    m = home()
    [checkout] = m.handle(CodeScanned("3100000000002"), at(5))
    reply(m, checkout, CheckoutResult(refused(Reason.ITEM_HELD_FOR_OTHER), "3100000000002"))
    [line] = m.view(at(6)).checkouts
    assert not line.ok and line.reason is Reason.ITEM_HELD_FOR_OTHER


def test_garbage_item_barcode_is_refused_without_an_ils_call() -> None:
    m = home()
    assert m.handle(CodeScanned("<script>"), at(5)) == []
    notice = m.view(at(5)).notice
    assert notice is not None and notice.reason is Reason.INVALID_ITEM_BARCODE


def test_items_scanned_while_the_ils_is_busy_wait_their_turn() -> None:
    m = home()
    [first] = m.handle(CodeScanned("3100000000001"), at(5))
    assert m.handle(CodeScanned("3100000000002"), at(5)) == []
    assert m.handle(CodeScanned("3100000000003"), at(5)) == []
    assert m.handle(CodeScanned("3100000000002"), at(5)) == []  # the same twice: once
    [second] = reply(m, first, CheckoutResult(ok(), "3100000000001", "A", due=at(99)))
    assert isinstance(second, CheckOut) and second.item_id == "3100000000002"
    [third] = reply(m, second, CheckoutResult(ok(), "3100000000002", "B", due=at(99)))
    assert isinstance(third, CheckOut) and third.item_id == "3100000000003"
    assert reply(m, third, CheckoutResult(ok(), "3100000000003", "C", due=at(99))) == []
    assert [c.item_id for c in m.view(at(6)).checkouts] == [
        "3100000000001",
        "3100000000002",
        "3100000000003",
    ]


def test_done_while_items_are_being_lent_waits_for_their_outcome() -> None:
    m = home()
    [first] = m.handle(CodeScanned("3100000000001"), at(5))
    m.handle(CodeScanned("3100000000002"), at(5))
    assert m.handle(Done(), at(5)) == []
    assert m.screen is Screen.HOME
    [second] = reply(m, first, CheckoutResult(ok(), "3100000000001", "A", due=at(99)))
    effects = reply(m, second, CheckoutResult(ok(), "3100000000002", "B", due=at(99)))
    assert SessionEnded(EndReason.DONE, 2) in effects
    assert m.screen is Screen.GOODBYE


def test_the_queue_is_dropped_when_the_library_system_fails() -> None:
    m = home()
    [first] = m.handle(CodeScanned("3100000000001"), at(5))
    m.handle(CodeScanned("3100000000002"), at(5))
    assert m.handle(IlsFailed(first.request_id), at(6)) == []  # type: ignore[union-attr]
    view = m.view(at(6))
    assert not view.busy and view.notice is not None
    assert view.notice.reason is Reason.ILS_UNAVAILABLE


def test_a_queued_item_waits_for_the_fee_question() -> None:
    m = home()
    [dvd] = m.handle(CodeScanned("3100000000009"), at(5))
    m.handle(CodeScanned("3100000000004"), at(5))
    asked = CheckoutResult(refused(Reason.FEE_ACK_REQUIRED), "3100000000009", "DVD", fee=Money(450))
    assert reply(m, dvd, asked) == []
    assert m.screen is Screen.CONFIRM_FEE
    m.handle(CodeScanned("3100000000005"), at(6))  # scanned while the question is up
    [next_item] = m.handle(FeeAnswered(False), at(7))
    assert isinstance(next_item, CheckOut) and next_item.item_id == "3100000000004"
    [last] = reply(m, next_item, CheckoutResult(ok(), "3100000000004", "B", due=at(99)))
    assert isinstance(last, CheckOut) and last.item_id == "3100000000005"


def test_rental_fee_is_confirmed_before_the_item_is_lent() -> None:
    m = home()
    [checkout] = m.handle(CodeScanned("3100000000003"), at(5))
    asked = CheckoutResult(
        refused(Reason.FEE_ACK_REQUIRED), "3100000000003", "Nijntje", fee=Money(450)
    )
    reply(m, checkout, asked)
    assert m.screen is Screen.CONFIRM_FEE
    assert m.view(at(6)).pending_fee == Money(450)
    [acked] = m.handle(FeeAnswered(True), at(7))
    assert acked == CheckOut(4, CARD, "3100000000003", True)


def test_declined_rental_fee_lends_nothing() -> None:
    m = home()
    [checkout] = m.handle(CodeScanned("3100000000003"), at(5))
    reply(m, checkout, CheckoutResult(refused(Reason.FEE_ACK_REQUIRED), "x", fee=Money(450)))
    assert m.handle(FeeAnswered(False), at(7)) == []
    assert m.screen is Screen.HOME and m.view(at(7)).pending_fee is None


def test_done_says_goodbye_ends_the_ils_session_and_forgets_the_member() -> None:
    m = home()
    effects = m.handle(Done(), at(10))
    assert EndIlsSession(CARD) in effects
    assert SessionEnded(EndReason.DONE, 0) in effects
    assert m.screen is Screen.GOODBYE
    assert not m.holds_personal_data()
    view = m.view(at(10))
    assert view.name is None and view.summary is None and view.checkouts == ()


def test_goodbye_returns_to_idle_by_itself() -> None:
    m = home()
    m.handle(Done(), at(10))
    m.handle(Tick(), at(17))
    assert m.screen is Screen.IDLE


def test_card_removed_mid_checkout_clears_member_data() -> None:
    m = home()
    m.handle(CodeScanned("3100000000001"), at(5))
    effects = m.handle(CardRemoved(), at(6))
    assert SessionEnded(EndReason.CARD_REMOVED, 0) in effects
    assert not m.holds_personal_data()


def test_card_removal_does_not_end_a_session_started_by_typing() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD, CardSource.KEYPAD), at(0))
    [load] = reply(m, identify, IdentifyResult(ok(), name=NAME))
    reply(m, load, SummaryResult(ok(), SUMMARY))
    assert m.handle(CardRemoved(), at(3)) == []
    assert m.screen is Screen.HOME


def test_inactivity_shows_a_countdown_then_ends_the_session() -> None:
    m = home(SessionMachine(Timeouts(home=60, warn_before=15)))
    assert m.view(at(30)).countdown is None
    assert m.view(at(50)).countdown == 11
    effects = m.handle(Tick(), at(62))
    assert SessionEnded(EndReason.TIMEOUT, 0) in effects
    assert not m.holds_personal_data()


def test_activity_restarts_the_inactivity_timer() -> None:
    m = home(SessionMachine(Timeouts(home=60)))
    m.handle(CodeScanned("bad!"), at(50))
    assert m.handle(Tick(), at(100)) == []
    assert m.screen is Screen.HOME


@pytest.mark.parametrize(
    "screen_setup",
    ["card_entry", "pin", "identifying", "home", "confirm_fee"],
)
def test_every_screen_has_an_inactivity_rule(screen_setup: str) -> None:
    m = SessionMachine()
    if screen_setup == "card_entry":
        m.handle(OpenKeypad(), at(0))
    else:
        [identify] = m.handle(CardPresented(CARD), at(0))
        if screen_setup == "pin":
            reply(m, identify, IdentifyResult(refused(Reason.PIN_REQUIRED)), t=0)
        elif screen_setup in ("home", "confirm_fee"):
            [load] = reply(m, identify, IdentifyResult(ok(), name=NAME), t=0)
            reply(m, load, SummaryResult(ok(), SUMMARY), t=0)
            if screen_setup == "confirm_fee":
                [co] = m.handle(CodeScanned("3100000000003"), at(0))
                reply(m, co, CheckoutResult(refused(Reason.FEE_ACK_REQUIRED), "x", fee=Money(1)), 0)
    assert m.screen.value == screen_setup
    m.handle(Tick(), at(3600))
    assert m.screen in (Screen.IDLE, Screen.GOODBYE)
    assert not m.holds_personal_data()


def test_a_late_ils_reply_after_the_session_ended_is_dropped() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    m.handle(CardRemoved(), at(1))
    assert reply(m, identify, IdentifyResult(ok(), name=NAME), t=2) == []
    assert m.screen is Screen.IDLE and not m.holds_personal_data()


def test_ils_failure_while_identifying_returns_to_idle_with_a_notice() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    assert isinstance(identify, Identify)
    m.handle(IlsFailed(identify.request_id), at(1))
    view = m.view(at(1))
    assert view.screen is Screen.IDLE
    assert view.notice is not None and view.notice.reason is Reason.ILS_UNAVAILABLE


def test_ils_failure_during_checkout_keeps_the_member_at_home() -> None:
    m = home()
    [co] = m.handle(CodeScanned("3100000000001"), at(5))
    assert isinstance(co, CheckOut)
    m.handle(IlsFailed(co.request_id), at(6))
    assert m.screen is Screen.HOME


def test_another_card_ends_the_open_session_before_identifying_the_new_one() -> None:
    m = home()
    effects = m.handle(CardPresented("2100000000002"), at(5))
    assert EndIlsSession(CARD) in effects
    assert Identify(3, "2100000000002", None) in effects
    assert m.view(at(5)).name is None


def test_out_of_service_ends_a_session_and_ignores_cards() -> None:
    m = home()
    m.handle(SetOutOfService("Storing"), at(5))
    assert m.screen is Screen.OUT_OF_SERVICE and not m.holds_personal_data()
    assert m.view(at(5)).out_of_service_message == "Storing"
    assert m.handle(CardPresented(CARD), at(6)) == []
    m.handle(SetInService(), at(7))
    assert m.screen is Screen.IDLE


def test_cancel_on_the_pin_screen_forgets_the_card() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    reply(m, identify, IdentifyResult(refused(Reason.PIN_REQUIRED)))
    m.handle(Cancel(), at(2))
    assert m.screen is Screen.IDLE and not m.holds_personal_data()


# ---------------------------------------------------------------- scans the code rules sorted
def test_an_item_scanned_at_the_start_asks_for_the_pass_first() -> None:
    m = SessionMachine()
    assert m.handle(CodeScanned("3100000000001", "item"), at(0)) == []
    view = m.view(at(0))
    assert m.screen is Screen.IDLE
    assert view.notice is not None and view.notice.reason is Reason.SCAN_PASS_FIRST


def test_an_unreadable_scan_at_the_start_is_a_notice_not_an_ils_call() -> None:
    m = SessionMachine()
    assert m.handle(CodeScanned("2100000000009", "unreadable"), at(0)) == []
    view = m.view(at(0))
    assert view.notice is not None and view.notice.reason is Reason.INVALID_CARD_NUMBER


def test_a_pass_scanned_at_the_start_identifies() -> None:
    m = SessionMachine()
    assert m.handle(CodeScanned(CARD, "card"), at(0)) == [Identify(1, CARD, None)]


def test_the_members_own_pass_scanned_at_home_changes_nothing() -> None:
    m = home()
    assert m.handle(CodeScanned(CARD, "card"), at(5)) == []
    assert m.screen is Screen.HOME and m.view(at(5)).checkouts == ()


def test_another_pass_scanned_at_home_ends_the_session_before_the_next_member() -> None:
    m = home()
    other = "2100000000002"
    effects = m.handle(CodeScanned(other, "card"), at(5))
    assert any(isinstance(e, EndIlsSession) and e.card_number == CARD for e in effects)
    assert effects[-1] == Identify(3, other, None)
    assert m.screen is Screen.IDENTIFYING


def test_an_unreadable_scan_at_home_is_not_sent_to_the_ils() -> None:
    m = home()
    assert m.handle(CodeScanned("3100000000009", "unreadable"), at(5)) == []
    view = m.view(at(5))
    assert view.notice is not None and view.notice.reason is Reason.INVALID_ITEM_BARCODE
