"""Staff maintenance mode in the session machine: how it opens (staff card, hidden corner and
PIN), what it shows (no member's data, P12), its device tests, out of service, and locking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    STAFF_CORNER_TAPS,
    STAFF_PIN_ATTEMPTS,
    STAFF_PIN_LOCK_SECONDS,
    STAFF_TEST_SECONDS,
    Cancel,
    CardPresented,
    CardRemoved,
    CardSource,
    CheckStaffPin,
    CodeScanned,
    EndIlsSession,
    Identify,
    IlsReplied,
    LeaveStaff,
    Screen,
    SessionEnded,
    SessionMachine,
    SetInService,
    SetOutOfService,
    StaffCorner,
    StaffEntered,
    StaffLeft,
    StaffPinChecked,
    StaffPinRefused,
    StaffPinTyped,
    StaffRead,
    StaffTest,
    Tick,
    Timeouts,
    masked_code,
    staff_ref,
)
from kiosk.domain.types import IdentifyResult, MemberName, MemberSummary, SummaryResult, ok

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
STAFF_CARD = "2990000012345"
MEMBER = "2100000000001"
NAME = MemberName(given="Chloë", family="de Vries")


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def machine(**kwargs: object) -> SessionMachine:
    return SessionMachine(
        Timeouts(staff=120), staff_cards=frozenset({STAFF_CARD}), staff_pin=True, **kwargs
    )  # type: ignore[arg-type]


def open_pin(m: SessionMachine, start: float = 0) -> None:
    for n in range(STAFF_CORNER_TAPS):
        m.handle(StaffCorner(), at(start + n * 0.4))
    assert m.screen is Screen.STAFF_PIN


def with_member_home(m: SessionMachine) -> SessionMachine:
    [identify] = m.handle(CardPresented(MEMBER), at(0))
    assert isinstance(identify, Identify)
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok(), name=NAME)), at(1))
    summary = MemberSummary(card_number=MEMBER, name=NAME, email="")
    m.handle(IlsReplied(load.request_id, SummaryResult(ok(), summary)), at(2))  # type: ignore[union-attr]
    assert m.screen is Screen.HOME
    return m


# ---------------------------------------------------------------- opening
@pytest.mark.parametrize("source", [CardSource.READER, CardSource.SCANNER])
def test_a_staff_card_at_the_start_opens_maintenance_mode_without_asking_the_ils(
    source: CardSource,
) -> None:
    m = machine()
    effects = m.handle(CardPresented(STAFF_CARD, source), at(0))
    assert effects == [StaffEntered("card …2345")]
    assert m.screen is Screen.STAFF
    view = m.view(at(0))
    assert view.staff is not None and view.staff.staff == "card …2345"


def test_a_scanned_staff_card_opens_it_too_and_is_never_sent_to_the_ils() -> None:
    m = machine()
    effects = m.handle(CodeScanned(STAFF_CARD, "card"), at(0))
    assert effects == [StaffEntered("card …2345")]
    assert not any(isinstance(e, Identify) for e in effects)


def test_a_staff_card_opens_maintenance_mode_on_an_out_of_service_kiosk() -> None:
    m = machine()
    m.handle(SetOutOfService(reason=Reason.ILS_UNAVAILABLE), at(0))
    assert m.handle(CardPresented(MEMBER), at(1)) == []  # members: nothing
    assert m.handle(CardPresented(STAFF_CARD), at(2)) == [StaffEntered("card …2345")]
    assert m.screen is Screen.STAFF


def test_a_staff_card_during_a_member_session_ends_it_first_and_forgets_the_member() -> None:
    m = with_member_home(machine())
    effects = m.handle(CardPresented(STAFF_CARD), at(5))
    assert EndIlsSession(MEMBER) in effects
    assert any(isinstance(e, SessionEnded) for e in effects)
    assert effects[-1] == StaffEntered("card …2345")
    assert m.screen is Screen.STAFF
    assert not m.holds_personal_data()
    view = m.view(at(5))
    assert view.name is None and view.summary is None and view.checkouts == ()


def test_an_unknown_card_is_not_staff() -> None:
    m = machine()
    [effect] = m.handle(CardPresented("2990000099999"), at(0))
    assert isinstance(effect, Identify)


def test_staff_cards_are_compared_as_normalised_codes() -> None:
    m = SessionMachine(staff_cards=frozenset({" 2990000012345 "}))
    assert m.handle(CardPresented("2990000012345"), at(0)) == [StaffEntered("card …2345")]


def test_five_taps_on_the_corner_within_three_seconds_ask_for_the_staff_pin() -> None:
    m = machine()
    for n in range(STAFF_CORNER_TAPS - 1):
        m.handle(StaffCorner(), at(n))  # one a second: the first has gone out of the window
    assert m.screen is Screen.IDLE
    open_pin(m, start=10)


def test_the_corner_does_nothing_without_a_staff_pin_configured() -> None:
    m = SessionMachine(staff_cards=frozenset({STAFF_CARD}))
    for n in range(10):
        m.handle(StaffCorner(), at(n * 0.1))
    assert m.screen is Screen.IDLE


def test_the_corner_does_nothing_during_a_member_session() -> None:
    m = with_member_home(machine())
    for n in range(10):
        m.handle(StaffCorner(), at(3 + n * 0.1))
    assert m.screen is Screen.HOME


def test_the_right_pin_opens_maintenance_mode_as_pin() -> None:
    m = machine()
    open_pin(m)
    [check] = m.handle(StaffPinTyped("482913"), at(3))
    assert isinstance(check, CheckStaffPin) and check.pin == "482913"
    assert m.handle(StaffPinChecked(check.request_id, True), at(4)) == [StaffEntered("PIN")]
    assert m.screen is Screen.STAFF


def test_a_wrong_pin_says_so_and_five_lock_pin_entry_for_five_minutes() -> None:
    m = machine()
    open_pin(m)
    for n in range(1, STAFF_PIN_ATTEMPTS + 1):
        [check] = m.handle(StaffPinTyped("0000"), at(3 + n))
        assert isinstance(check, CheckStaffPin)
        effects = m.handle(StaffPinChecked(check.request_id, False), at(3 + n))
        locked = n == STAFF_PIN_ATTEMPTS
        assert effects == [StaffPinRefused(n, locked)]
        notice = m.view(at(3 + n)).notice
        assert notice is not None
        assert notice.reason is (Reason.STAFF_PIN_LOCKED if locked else Reason.STAFF_PIN_WRONG)
    # Locked: the PIN is not even checked, also after leaving and coming back.
    assert m.handle(StaffPinTyped("482913"), at(10)) == []
    m.handle(Cancel(), at(11))
    open_pin(m, start=20)
    notice = m.view(at(22)).notice
    assert notice is not None and notice.reason is Reason.STAFF_PIN_LOCKED
    assert m.handle(StaffPinTyped("482913"), at(23)) == []
    # A staff card still opens it; five minutes later the PIN is checked again.
    m.handle(Cancel(), at(24))
    later = 8 + STAFF_PIN_LOCK_SECONDS
    open_pin(m, start=later)
    assert isinstance(m.handle(StaffPinTyped("482913"), at(later + 3))[0], CheckStaffPin)


def test_a_pin_check_answered_after_the_pin_screen_timed_out_opens_nothing() -> None:
    m = machine()
    open_pin(m)
    [check] = m.handle(StaffPinTyped("482913"), at(3))
    assert isinstance(check, CheckStaffPin)
    m.handle(Tick(), at(3 + Timeouts().staff_pin + 1))
    assert m.screen is Screen.IDLE
    assert m.handle(StaffPinChecked(check.request_id, True), at(40)) == []
    assert m.screen is Screen.IDLE


# ---------------------------------------------------------------- leaving
def test_lock_leaves_to_the_start_screen_and_is_audited() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    assert m.handle(LeaveStaff(), at(5)) == [StaffLeft("card …2345", "locked")]
    assert m.screen is Screen.IDLE
    assert m.view(at(5)).staff is None


def test_maintenance_mode_locks_itself_after_the_staff_timeout_with_a_countdown() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    m.handle(StaffTest("reader"), at(10))  # a touch: the clock starts again
    assert m.handle(Tick(), at(120)) == []
    assert m.view(at(120)).countdown == 10
    assert m.handle(Tick(), at(130)) == [StaffLeft("card …2345", "timeout")]
    assert m.screen is Screen.IDLE


def test_taking_the_staff_card_away_does_not_close_it() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    assert m.handle(CardRemoved(), at(1)) == []
    assert m.screen is Screen.STAFF


# ---------------------------------------------------------------- out of service
def test_out_of_service_set_by_staff_applies_when_they_leave_and_in_service_again() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    m.handle(SetOutOfService("Back at two"), at(1))
    assert m.screen is Screen.STAFF  # staff keep their screen
    view = m.view(at(1))
    assert view.staff is not None and view.staff.out_of_service_message == "Back at two"
    m.handle(LeaveStaff(), at(2))
    assert m.screen is Screen.OUT_OF_SERVICE
    assert m.view(at(2)).out_of_service_message == "Back at two"
    m.handle(CardPresented(STAFF_CARD), at(3))
    m.handle(SetInService(), at(4))
    m.handle(LeaveStaff(), at(5))
    assert m.screen is Screen.IDLE


def test_the_library_system_coming_back_does_not_end_staffs_out_of_service() -> None:
    m = machine()
    m.handle(SetOutOfService("Maintenance"), at(0))
    m.handle(SetOutOfService(reason=Reason.ILS_UNAVAILABLE), at(1))
    m.handle(SetInService(Reason.ILS_UNAVAILABLE), at(2))
    assert m.screen is Screen.OUT_OF_SERVICE
    assert m.view(at(2)).out_of_service_message == "Maintenance"
    m.handle(SetInService(), at(3))
    assert m.screen is Screen.IDLE


def test_staff_ending_their_out_of_service_leaves_the_kiosks_own_reason() -> None:
    m = machine()
    m.handle(SetOutOfService(reason=Reason.CONFIG_ERROR, detail="kiosk.toml line 3"), at(0))
    m.handle(SetOutOfService("x"), at(1))
    m.handle(SetInService(), at(2))
    assert m.screen is Screen.OUT_OF_SERVICE
    view = m.view(at(2))
    assert view.out_of_service_reason is Reason.CONFIG_ERROR
    assert view.out_of_service_detail == "kiosk.toml line 3"


def test_staff_see_the_kiosks_own_reason_in_maintenance_mode() -> None:
    m = machine()
    m.handle(SetOutOfService(reason=Reason.ILS_UNAVAILABLE), at(0))
    m.handle(CardPresented(STAFF_CARD), at(1))
    view = m.view(at(1))
    assert view.staff is not None and view.staff.system_reason is Reason.ILS_UNAVAILABLE
    m.handle(SetInService(Reason.ILS_UNAVAILABLE), at(2))
    assert m.screen is Screen.STAFF
    m.handle(LeaveStaff(), at(3))
    assert m.screen is Screen.IDLE


# ---------------------------------------------------------------- device tests (P12)
def test_the_reader_test_shows_a_card_masked_to_its_last_four() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    m.handle(StaffTest("reader"), at(1))
    view = m.view(at(1))
    assert view.staff is not None and view.staff.test == "reader"
    assert m.handle(CardPresented(MEMBER), at(2)) == []  # a member's card: not identified
    view = m.view(at(2))
    assert view.staff is not None
    assert view.staff.read == StaffRead("reader", "card", "…0001", 13)
    assert view.staff.test == ""  # passed
    assert MEMBER not in repr(view)


def test_the_scanner_test_shows_an_item_barcode_in_full_and_a_pass_masked() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    m.handle(StaffTest("scanner"), at(1))
    m.handle(CodeScanned("3100000000001", "item"), at(2))
    view = m.view(at(2))
    assert view.staff is not None
    assert view.staff.read == StaffRead("scanner", "item", "3100000000001", 13)
    m.handle(CodeScanned(MEMBER, "card"), at(3))
    view = m.view(at(3))
    assert view.staff is not None
    assert view.staff.read == StaffRead("scanner", "card", "…0001", 13)
    m.handle(CodeScanned("31000?0001", "unreadable"), at(4))
    view = m.view(at(4))
    assert view.staff is not None and view.staff.read is not None
    assert view.staff.read.kind == "unreadable" and view.staff.read.shown == "…0001"


def test_a_device_test_that_reads_nothing_fails_after_its_seconds() -> None:
    m = machine()
    m.handle(CardPresented(STAFF_CARD), at(0))
    m.handle(StaffTest("scanner"), at(1))
    m.handle(Tick(), at(1 + STAFF_TEST_SECONDS - 1))
    view = m.view(at(20))
    assert view.staff is not None and view.staff.test == "scanner" and not view.staff.test_failed
    m.handle(Tick(), at(1 + STAFF_TEST_SECONDS))
    view = m.view(at(21))
    assert view.staff is not None and view.staff.test == "" and view.staff.test_failed


def test_the_staff_reference_and_the_mask_show_no_more_than_four_characters() -> None:
    assert staff_ref(None) == "PIN"
    assert staff_ref("2990000012345") == "card …2345"
    assert masked_code("2100000000001") == "…0001"
    assert masked_code("123") == "…"
