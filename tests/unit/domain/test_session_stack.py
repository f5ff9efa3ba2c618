"""A stack of items on the RFID pad, in the session machine.

Named circulation rules: a stack is lent (or returned) in one go, one result per item; the
security flag is switched only after the library system confirmed the item, and never for a
refusal; an item of several parts is lent only with all its parts on the pad; an item lifted
before its flag was switched is asked back and switched when it returns; items already lent to
the member are not lent again from the pad; the optional count check compares what the member
says with what was read.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CardPresented,
    CheckIn,
    CheckOut,
    Done,
    EndReason,
    IlsReplied,
    PadChanged,
    Screen,
    SecuritySet,
    SessionEnded,
    SessionMachine,
    SetSecurity,
    StackCounted,
    StartReturns,
)
from kiosk.domain.stack import PadTag
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    SummaryResult,
    ok,
    refused,
)

T0 = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
CARD = "2100000000001"
DUE = datetime(2026, 12, 28, tzinfo=UTC)
MINE = "3100000000001"  # already lent to the member
SUMMARY = MemberSummary(
    CARD,
    MemberName(given="Chloë"),
    None,
    loans=(Loan(MINE, "Tirza", "", MaterialKind.BOOK, DUE, False, True),),
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def tag(uid: str, item: str, parts: int = 1, part: int = 1) -> PadTag:
    return PadTag(uid, item, parts, part)


def home(**kw: object) -> SessionMachine:
    m = SessionMachine(rfid=True, **kw)  # type: ignore[arg-type]
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(1))  # type: ignore[union-attr]
    assert m.handle(IlsReplied(load.request_id, SummaryResult(ok(), SUMMARY)), at(1)) == []  # type: ignore[union-attr]
    return m


def lend(m: SessionMachine, effect: object, *, yes: bool = True, t: float = 3) -> list[object]:
    assert isinstance(effect, CheckOut)
    result = (
        CheckoutResult(ok(), effect.item_id, f"Title {effect.item_id[-2:]}", due=DUE)
        if yes
        else CheckoutResult(refused(Reason.ITEM_HELD_FOR_OTHER), effect.item_id)
    )
    return list(m.handle(IlsReplied(effect.request_id, result), at(t)))


def test_a_stack_is_lent_item_by_item_each_flag_switched_after_its_loan() -> None:
    m = home()
    stack = tuple(tag(f"E0040100000000{n:02d}", f"31000000000{n:02d}") for n in range(10, 13))
    [first] = m.handle(PadChanged(stack), at(2))
    assert isinstance(first, CheckOut) and first.item_id == "3100000000010"
    effects = lend(m, first)
    # The flag of the first, and the next item's loan: one ILS call at a time.
    assert effects[0] == SetSecurity("3100000000010", ("E004010000000010",), False)
    second = effects[1]
    assert isinstance(second, CheckOut) and second.item_id == "3100000000011"
    assert m.view(at(3)).checkouts[0].security == "pending"
    m.handle(SecuritySet("3100000000010", True), at(3))
    third = lend(m, second)[1]
    last = lend(m, third)
    assert last == [SetSecurity("3100000000012", ("E004010000000012",), False)]
    view = m.view(at(4))
    assert [c.item_id for c in view.checkouts] == [f"31000000000{n}" for n in (10, 11, 12)]
    assert view.checkouts[0].security == "done"


def test_a_refused_item_keeps_its_flag() -> None:
    m = home()
    [effect] = m.handle(PadChanged((tag("E1", "3100000000020"),)), at(2))
    assert lend(m, effect, yes=False) == []  # no SetSecurity: the gate still knows it
    line = m.view(at(3)).checkouts[0]
    assert not line.ok and line.security == ""


def test_the_same_stack_seen_again_is_not_lent_twice() -> None:
    m = home()
    stack = (tag("E1", "3100000000020"),)
    [effect] = m.handle(PadChanged(stack), at(2))
    lend(m, effect)
    [again] = m.handle(PadChanged((*stack, tag("E2", "3100000000021"))), at(4))
    assert isinstance(again, CheckOut) and again.item_id == "3100000000021"


def test_a_multi_part_item_waits_for_all_its_parts() -> None:
    m = home()
    two = (tag("D1", "3100000000030", 3, 1), tag("D2", "3100000000030", 3, 3))
    assert m.handle(PadChanged(two), at(2)) == []
    notice = m.view(at(2)).notice
    assert notice is not None and notice.reason is Reason.RFID_PARTS_MISSING
    assert dict(notice.params) == {"found": "2", "of": "3"}
    three = (*two, tag("D3", "3100000000030", 3, 2))
    [effect] = m.handle(PadChanged(three), at(3))
    assert isinstance(effect, CheckOut) and effect.item_id == "3100000000030"
    [security] = lend(m, effect, t=4)
    assert security == SetSecurity("3100000000030", ("D1", "D2", "D3"), False)


def test_an_item_lifted_before_its_flag_was_switched_is_asked_back() -> None:
    m = home()
    [effect] = m.handle(PadChanged((tag("E1", "3100000000040"),)), at(2))
    m.handle(PadChanged(()), at(2.5))  # lifted while the library system answered
    assert lend(m, effect) == []
    view = m.view(at(3))
    assert view.notice is not None and view.notice.reason is Reason.RFID_PUT_BACK
    assert view.checkouts[0].security == "put_back"
    # Put back: the flag is switched now.
    assert m.handle(PadChanged((tag("E1", "3100000000040"),)), at(5)) == [
        SetSecurity("3100000000040", ("E1",), False)
    ]
    m.handle(SecuritySet("3100000000040", True), at(5))
    assert m.view(at(5)).checkouts[0].security == "done"


def test_a_write_that_failed_is_retried_when_the_tag_is_back_and_counted_if_never() -> None:
    m = home()
    [effect] = m.handle(PadChanged((tag("E1", "3100000000041"),)), at(2))
    lend(m, effect)
    m.handle(PadChanged(()), at(3))
    m.handle(SecuritySet("3100000000041", False), at(3))  # the tag was gone at the write
    assert m.view(at(3)).checkouts[0].security == "put_back"
    ended = [e for e in m.handle(Done(), at(4)) if isinstance(e, SessionEnded)]
    assert ended[0].how is EndReason.DONE and ended[0].flags_not_switched == 1


def test_items_already_lent_to_the_member_are_not_lent_again_from_the_pad() -> None:
    m = home()
    assert m.handle(PadChanged((tag("E9", MINE),)), at(2)) == []
    notice = m.view(at(2)).notice
    assert notice is not None and notice.reason is Reason.RFID_ALREADY_YOURS
    # "Return items": the same stack is taken back, and its flag switched on after.
    [back] = m.handle(StartReturns(), at(3))
    assert back == CheckIn(3, MINE)
    effects = m.handle(IlsReplied(3, CheckinResult(ok(Reason.RETURNED), MINE, "Tirza")), at(4))
    assert SetSecurity(MINE, ("E9",), True) in effects


def test_returns_without_a_card_take_the_whole_stack() -> None:
    m = SessionMachine(rfid=True)
    m.handle(StartReturns(), at(0))
    [first] = m.handle(PadChanged((tag("E1", "3100000000050"), tag("E2", "3100000000051"))), at(1))
    assert first == CheckIn(1, "3100000000050")
    effects = m.handle(IlsReplied(1, CheckinResult(ok(Reason.RETURNED), "3100000000050")), at(2))
    assert effects == [SetSecurity("3100000000050", ("E1",), True), CheckIn(2, "3100000000051")]


def test_a_stack_placed_before_the_pass_is_lent_once_the_member_is_home() -> None:
    m = SessionMachine(rfid=True)
    assert m.handle(PadChanged((tag("E1", "3100000000060"),)), at(0)) == []
    notice = m.view(at(0)).notice
    assert notice is not None and notice.reason is Reason.SCAN_PASS_FIRST
    [identify] = m.handle(CardPresented(CARD), at(1))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(2))  # type: ignore[union-attr]
    effects = m.handle(IlsReplied(load.request_id, SummaryResult(ok(), SUMMARY)), at(2))  # type: ignore[union-attr]
    assert [type(e) for e in effects] == [CheckOut]


def test_unreadable_tags_are_told_once_and_patron_cards_ignored() -> None:
    m = home()
    pad = (PadTag("X1", problem="check_failed"), PadTag("C1", "2100000000009", not_an_item=True))
    assert m.handle(PadChanged(pad), at(2)) == []
    notice = m.view(at(2)).notice
    assert notice is not None and notice.reason is Reason.RFID_TAG_UNREADABLE
    m.handle(PadChanged((*pad, tag("E1", MINE))), at(3))
    assert m.view(at(3)).notice.reason is Reason.RFID_ALREADY_YOURS  # type: ignore[union-attr]


def test_the_count_check_asks_first_and_says_when_items_are_missing() -> None:
    m = home(ask_count=True)
    stack = (tag("E1", "3100000000070"), tag("E2", "3100000000071"))
    assert m.handle(PadChanged(stack), at(2)) == []
    assert m.view(at(2)).ask_count  # nothing lent before the member answered
    [first] = m.handle(StackCounted(3), at(3))
    assert isinstance(first, CheckOut) and not m.view(at(3)).ask_count
    notice = m.view(at(3)).notice
    assert notice is not None and notice.reason is Reason.RFID_COUNT_SHORT
    assert dict(notice.params) == {"found": "2", "of": "3"}
    # The pad emptied: the next stack is asked about again.
    lend(m, first)
    m.handle(PadChanged(()), at(5))
    m.handle(PadChanged((tag("E3", "3100000000072"),)), at(6))
    assert m.view(at(6)).ask_count


def test_no_pad_no_stack() -> None:
    m = SessionMachine()
    [identify] = m.handle(CardPresented(CARD), at(0))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(1))  # type: ignore[union-attr]
    m.handle(IlsReplied(load.request_id, SummaryResult(ok(), SUMMARY)), at(1))  # type: ignore[union-attr]
    assert m.screen is Screen.HOME
    [effect] = m.handle(PadChanged((tag("E1", "3100000000080"),)), at(2))
    # Without an RFID pad configured no PadChanged ever comes; if one did, it lends but
    # switches no flag.
    assert lend(m, effect) == []


def test_a_write_that_failed_while_the_tag_is_back_on_the_pad_is_tried_again_at_once() -> None:
    m = home()
    stack = (tag("E1", "3100000000042"),)
    [effect] = m.handle(PadChanged(stack), at(2))
    [switch] = lend(m, effect)
    # Lifted as the write went out, and put back before its failure was reported.
    m.handle(PadChanged(()), at(3))
    m.handle(PadChanged(stack), at(3.1))
    assert m.handle(SecuritySet("3100000000042", False), at(3.2)) == [switch]
    assert m.handle(SecuritySet("3100000000042", False), at(3.3)) == [switch]
    # A tag that keeps refusing: the member is asked to put it back.
    assert m.handle(SecuritySet("3100000000042", False), at(3.4)) == []
    assert m.view(at(4)).checkouts[0].security == "put_back"


def test_a_stack_left_on_the_pad_is_not_lent_to_the_next_member() -> None:
    m = SessionMachine(rfid=True)
    m.handle(StartReturns(), at(0))  # returns without a card
    left = (tag("E1", "3100000000090"),)
    [back] = m.handle(PadChanged(left), at(1))
    assert back == CheckIn(1, "3100000000090")
    m.handle(IlsReplied(1, CheckinResult(ok(Reason.RETURNED), "3100000000090")), at(2))
    m.handle(Done(), at(3))  # away, the returned item still on the pad
    # The next member: the item left behind is not lent to them.
    [identify] = m.handle(CardPresented(CARD), at(10))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(11))  # type: ignore[union-attr]
    assert m.handle(IlsReplied(load.request_id, SummaryResult(ok(), SUMMARY)), at(11)) == []  # type: ignore[union-attr]
    assert m.view(at(11)).checkouts == ()
    # Taken off and put on again: now it is theirs to borrow.
    m.handle(PadChanged(()), at(12))
    [lend_it] = m.handle(PadChanged(left), at(13))
    assert isinstance(lend_it, CheckOut) and lend_it.item_id == "3100000000090"


def test_from_lending_to_returns_what_was_just_lent_stays_lent_until_put_on_again() -> None:
    m = home()
    stack = (tag("E1", "3100000000095"),)
    [effect] = m.handle(PadChanged(stack), at(2))
    lend(m, effect)
    assert m.handle(StartReturns(), at(3)) == []  # still on the pad: not returned at once
    m.handle(PadChanged(()), at(4))
    [back] = m.handle(PadChanged(stack), at(5))  # put on again, on the return screen
    assert isinstance(back, CheckIn) and back.item_id == "3100000000095"


def test_a_failed_write_answered_in_the_next_session_keeps_its_own_flag() -> None:
    """A returned item's flag write fails after its member left: the next member's session
    is not touched, and the item is secured (not unsecured) when it is on the pad again."""
    m = SessionMachine(rfid=True)
    m.handle(StartReturns(), at(0))
    stack = (tag("E1", "3100000000097"),)
    [back] = m.handle(PadChanged(stack), at(1))
    assert isinstance(back, CheckIn)
    [switch] = [
        e
        for e in m.handle(IlsReplied(1, CheckinResult(ok(Reason.RETURNED), "3100000000097")), at(2))
        if isinstance(e, SetSecurity)
    ]
    assert switch.secured is True
    m.handle(Done(), at(3))  # that member leaves; the write's answer is still to come
    [identify] = m.handle(CardPresented(CARD), at(4))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(5))  # type: ignore[union-attr]
    m.handle(IlsReplied(load.request_id, SummaryResult(ok(), SUMMARY)), at(5))  # type: ignore[union-attr]
    failed = SecuritySet(switch.item_id, False, switch.secured, switch.session)
    assert m.handle(failed, at(6)) == []
    view = m.view(at(6))
    assert view.notice is None and view.checkouts == ()  # nothing of it in this session
    m.handle(PadChanged(()), at(7))
    again = m.handle(PadChanged(stack), at(8))
    # Secured first, as its return wants; this member may then borrow it (a new placing).
    assert again[0] == SetSecurity("3100000000097", ("E1",), True, switch.session + 1)
    assert [type(e) for e in again[1:]] == [CheckOut]


def test_a_multi_part_item_with_a_part_lifted_is_switched_only_when_all_are_back() -> None:
    m = home()
    three = tuple(tag(f"D{n}", "3100000000098", 3, n) for n in (1, 2, 3))
    [effect] = m.handle(PadChanged(three), at(2))
    m.handle(PadChanged(three[:2]), at(2.5))  # a disc slid off
    assert lend(m, effect) == []  # no write on two of three parts
    assert m.view(at(3)).checkouts[0].security == "put_back"
    [switch] = m.handle(PadChanged(three), at(4))
    assert switch == SetSecurity("3100000000098", ("D1", "D2", "D3"), False)


def test_items_put_on_the_pad_during_a_question_are_lent_after_it() -> None:
    from kiosk.domain.money import Money
    from kiosk.domain.session import FeeAnswered

    m = home()
    [dvd] = m.handle(PadChanged((tag("V1", "3100000000009"),)), at(2))
    fee = CheckoutResult(refused(Reason.FEE_ACK_REQUIRED), "3100000000009", fee=Money(450))
    m.handle(IlsReplied(dvd.request_id, fee), at(3))  # type: ignore[union-attr]
    assert m.screen is Screen.CONFIRM_FEE
    more = (tag("V1", "3100000000009"), tag("E2", "3100000000099"))
    assert m.handle(PadChanged(more), at(4)) == []  # not while the question is open
    effects = m.handle(FeeAnswered(True), at(5))
    assert [e.item_id for e in effects if isinstance(e, CheckOut)] == ["3100000000009"]
    queued = lend(m, effects[0], t=6)
    assert [e.item_id for e in queued if isinstance(e, CheckOut)] == ["3100000000099"]


def test_whatever_lies_on_the_pad_when_a_session_ends_is_not_the_next_members() -> None:
    m = home()
    [effect] = m.handle(PadChanged((tag("E1", "3100000000100"),)), at(2))
    lend(m, effect)  # lent in this session
    m.handle(Done(), at(3))
    m.handle(PadChanged((tag("E1", "3100000000100"), tag("E2", "3100000000101"))), at(4))
    # ... and what came after the session is: the next member gets only E2.
    [identify] = m.handle(CardPresented("2100000000006"), at(5))
    [load] = m.handle(IlsReplied(identify.request_id, IdentifyResult(ok())), at(6))  # type: ignore[union-attr]
    summary = MemberSummary("2100000000006", MemberName(given="Zoë"), None)
    effects = m.handle(IlsReplied(load.request_id, SummaryResult(ok(), summary)), at(6))  # type: ignore[union-attr]
    assert [e.item_id for e in effects if isinstance(e, CheckOut)] == ["3100000000101"]
