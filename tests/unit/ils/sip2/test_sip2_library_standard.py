"""``Sip2Library`` on standard SIP2 alone: how replies in real systems' dialects become outcomes.

A scripted transport answers each request with a message shaped like the vendor's (Koha,
Evergreen, Sierra, OCLC Wise); every reply goes through the real codec both ways, so what the
library reads is what it would read off the wire.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import FeeKind, HoldStatus, ItemStatus, MaterialKind, ReturnDestination
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.codec import Frame
from kiosk.ils.sip2.library import Sip2Library
from kiosk.ils.sip2.profiles import PROFILES, Profile

TZ = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DATE = "20261125    100000"
Script = Callable[[m.Message], m.Message]


class ScriptedTransport:
    """Answers with ``script(request)``; both directions pass through the profile's codec."""

    def __init__(self, profile: Profile, script: Script) -> None:
        self.codec = profile.codec()
        self.strict = profile.codec(strict=True)
        self.script = script
        self.sent: list[m.Message] = []

    def request(self, msg: m.Message) -> Frame:
        request = self.strict.decode(self.codec.encode(msg, sequence=1)).message
        self.sent.append(request)
        return self.codec.decode(self.codec.encode(self.script(request), sequence=1))

    def open(self) -> m.AcsStatus:  # pragma: no cover - not used here
        raise NotImplementedError

    def close(self) -> None:
        pass

    @property
    def last_status(self) -> m.AcsStatus | None:
        return None


def library(script: Script, profile: str = "generic") -> tuple[Sip2Library, ScriptedTransport]:
    p = PROFILES[profile]
    t = ScriptedTransport(p, script)
    lib = Sip2Library(t, p, institution="DAL", location="DAL", tz=TZ, now=lambda: NOW)
    return lib, t


def patron_status(**kw: object) -> Script:
    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.PatronStatusRequest)
        fields = {
            "patron_status": " " * 14,
            "transaction_date": DATE,
            "institution_id": "DAL",
            "patron_identifier": req.patron_identifier,
            "personal_name": "Vries, Anna de",
            "valid_patron": "Y",
        }
        fields.update(kw)
        return m.PatronStatusResponse(**fields)  # type: ignore[arg-type]

    return answer


# ---------------------------------------------------------------- identify
def test_identify_reads_the_name_in_family_comma_given_form_and_the_language() -> None:
    lib, _ = library(patron_status(language="005", valid_patron_password="Y"))
    result = lib.identify("2050000000001", "1234")
    assert result.ok
    assert result.name is not None and result.name.given == "Anna de"
    assert result.name.family == "Vries"
    assert result.language == "nl"


def test_identify_unknown_card_from_valid_patron_n_with_the_ils_sentence() -> None:
    lib, _ = library(
        patron_status(
            valid_patron="N",
            personal_name="",
            screen_message=("#Unknown borrower barcode - please refer to the circulation desk.",),
        )
    )
    result = lib.identify("2059999999999")
    assert not result.ok and result.outcome.reason is Reason.UNKNOWN_CARD
    assert result.outcome.screen_messages == (
        "#Unknown borrower barcode - please refer to the circulation desk.",
    )


@pytest.mark.parametrize(
    ("pin", "reason"), [(None, Reason.PIN_REQUIRED), ("9999", Reason.WRONG_PIN)]
)
def test_identify_a_refused_password_is_pin_required_or_wrong_pin(
    pin: str | None, reason: Reason
) -> None:
    lib, t = library(patron_status(valid_patron_password="N"))
    result = lib.identify("2050000000001", pin)
    assert result.outcome.reason is reason
    sent = t.sent[-1]
    assert isinstance(sent, m.PatronStatusRequest) and sent.patron_password == (pin or "")


def test_identify_card_reported_lost_is_patron_status_position_4() -> None:
    lib, _ = library(patron_status(patron_status="YY YY         "))
    assert lib.identify("2050000000001").outcome.reason is Reason.CARD_LOST


def test_identify_ignores_kiosk_extension_fields_unless_the_profile_reads_them() -> None:
    script = patron_status(valid_patron_password="N", extra=(("ZR", "pin_locked"),))
    generic, _ = library(script)
    assert generic.identify("2050000000001", "1").outcome.reason is Reason.WRONG_PIN
    kiosk, _ = library(script, "kiosk")
    assert kiosk.identify("2050000000001", "1").outcome.reason is Reason.PIN_LOCKED


# ---------------------------------------------------------------- summary
def _koha_summary(loans: list[str], page_size_seen: list[tuple[str | None, str | None]]) -> Script:
    titles = {item: f"Boek {item[-2:]}" for item in loans}

    def answer(req: m.Message) -> m.Message:
        if isinstance(req, m.ItemInformationRequest):
            return m.ItemInformationResponse(
                circulation_status="04",
                transaction_date=DATE,
                hold_queue_length="1" if req.item_identifier.endswith("02") else "0",
                due_date="20261205    235900",
                item_identifier=req.item_identifier,
                title_identifier=titles.get(req.item_identifier, "?"),
                media_type="006",
            )
        assert isinstance(req, m.PatronInformationRequest)
        page_size_seen.append((req.start_item, req.end_item))
        start = int(req.start_item or 1)
        end = int(req.end_item or 9999)
        wanted = req.summary.index("Y")
        msg = m.PatronInformationResponse(
            transaction_date=DATE,
            charged_items_count=f"{len(loans):04d}",
            fine_items_count="0001",
            hold_items_count="0001",
            institution_id="DAL",
            patron_identifier=req.patron_identifier,
            personal_name="Jansen, Piet",
            valid_patron="Y",
            currency_type="EUR",
            fee_amount="2.50",
            screen_message=("Greetings from Koha. ",),
        )
        if wanted == 2:
            msg.charged_items = tuple(loans[start - 1 : end])
        elif wanted == 3:
            msg.fine_items = ("Te laat ingeleverd 2.50",)
        elif wanted == 0:
            msg.hold_items = ("30000000099",)
            titles["30000000099"] = "Gereserveerd boek"
        return msg

    return answer


def test_summary_pages_long_loan_lists_and_asks_item_information_per_loan() -> None:
    loans = [f"3000000000{n:02d}" for n in range(1, 121)]
    pages: list[tuple[str | None, str | None]] = []
    lib, t = library(_koha_summary(loans, pages), "koha")
    result = lib.member_summary("2050000000001")
    assert result.outcome.ok and result.summary is not None
    s = result.summary
    assert [loan.item_id for loan in s.loans] == loans
    assert s.loans[0].title == "Boek 01"
    assert s.loans[0].material is MaterialKind.CD
    assert s.loans[0].due == datetime(2026, 12, 5, 23, 59, tzinfo=TZ)
    assert (
        not s.loans[1].renewable and s.loans[1].not_renewable_reason is Reason.RENEW_HELD_FOR_OTHER
    )
    assert ("51", "100") in pages and ("101", "150") in pages  # paged by the profile's 50
    assert s.fees[0].amount == Money(250) and s.fees[0].description == "Te laat ingeleverd"
    assert s.fees[0].kind is FeeKind.OTHER
    assert [(h.title, h.status) for h in s.holds] == [("Gereserveerd boek", HoldStatus.READY)]
    assert s.name.given == "Piet"
    assert s.screen_messages == ("Greetings from Koha. ",)
    item_requests = [r for r in t.sent if isinstance(r, m.ItemInformationRequest)]
    assert len(item_requests) == 121  # one per loan, one for the hold's title


def test_summary_blocks_from_patron_status_positions() -> None:
    def answer(req: m.Message) -> m.Message:
        return m.PatronInformationResponse(
            patron_status="Y     Y    Y  ",
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier="x",
            personal_name="Piet",
            valid_patron="Y",
        )

    lib, _ = library(answer)
    summary = lib.member_summary("2050000000001").summary
    assert summary is not None
    assert summary.blocks == (Reason.BLOCKED_FEES, Reason.BLOCKED_OVERDUE)
    assert not summary.can_borrow


# ---------------------------------------------------------------- check out
def _checkout(**kw: object) -> Script:
    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.CheckoutRequest)
        fields = {
            "ok": "1",
            "renewal_ok": "N",
            "transaction_date": DATE,
            "institution_id": "DAL",
            "patron_identifier": req.patron_identifier,
            "item_identifier": req.item_identifier,
            "title_identifier": "De ontdekking van de hemel",
            "due_date": "20261216    235900",
        }
        fields.update(kw)
        return m.CheckoutResponse(**fields)  # type: ignore[arg-type]

    return answer


def test_checkout_rental_fee_refused_until_acknowledged_then_sent_as_bo_y() -> None:
    state = {"asked": 0}

    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.CheckoutRequest)
        state["asked"] += 1
        acked = req.fee_acknowledged == "Y"
        return _checkout(
            ok="1" if acked else "0",
            fee_type="06",
            currency_type="EUR",
            fee_amount="1.00",
            due_date="20261216    235900" if acked else None,
        )(req)

    lib, t = library(answer, "koha")
    first = lib.check_out("2050000000001", "30000000001")
    assert not first.ok and first.outcome.reason is Reason.FEE_ACK_REQUIRED
    assert first.fee == Money(100)
    assert first.outcome.params["amount"] == Money(100).format()
    second = lib.check_out("2050000000001", "30000000001", fee_acknowledged=True)
    assert second.ok and second.due == datetime(2026, 12, 16, 23, 59, tzinfo=TZ)
    assert [r.fee_acknowledged for r in t.sent] == ["N", "Y"]  # type: ignore[attr-defined]


def test_checkout_renewal_ok_means_a_second_loan_counted_as_renewal() -> None:
    lib, _ = library(_checkout(renewal_ok="Y"))
    result = lib.check_out("2050000000001", "30000000001")
    assert result.ok and result.renewed
    assert result.outcome.reason is Reason.CHECKED_OUT_AS_RENEWAL


def test_checkout_evergreen_due_date_text_and_print_lines_as_sent() -> None:
    lib, _ = library(
        _checkout(due_date="2026-12-16 23:59:59", print_line=("Uitgeleend: 1 item",)),
        "evergreen",
    )
    result = lib.check_out("2050000000001", "30000000001")
    assert result.due == datetime(2026, 12, 16, 23, 59, 59, tzinfo=TZ)
    assert result.outcome.print_lines == ("Uitgeleend: 1 item",)


def test_checkout_refusal_keeps_the_ils_screen_message() -> None:
    lib, _ = library(_checkout(ok="0", due_date=None, screen_message=("Item is gereserveerd",)))
    result = lib.check_out("2050000000001", "30000000001")
    assert not result.ok and result.outcome.reason is Reason.ITEM_NOT_AVAILABLE
    assert result.outcome.screen_messages == ("Item is gereserveerd",)


# ---------------------------------------------------------------- check in
def _checkin(**kw: object) -> Script:
    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.CheckinRequest)
        fields = {
            "ok": "1",
            "alert": "N",
            "transaction_date": DATE,
            "institution_id": "DAL",
            "item_identifier": req.item_identifier,
            "permanent_location": "DAL",
            "title_identifier": "Boek",
        }
        fields.update(kw)
        return m.CheckinResponse(**fields)  # type: ignore[arg-type]

    return answer


@pytest.mark.parametrize(
    ("kw", "destination", "reason", "transit_to"),
    [
        ({}, ReturnDestination.SHELF, Reason.RETURNED, None),
        (
            {"alert": "Y", "sort_bin": "CL03", "extra": (("CV", "01"),)},
            ReturnDestination.HOLD_SHELF,
            Reason.RETURNED_TO_HOLD_SHELF,
            None,
        ),
        (
            {"alert": "Y", "sort_bin": "CL02", "extra": (("CV", "04"), ("CT", "NLE"))},
            ReturnDestination.TRANSIT,
            Reason.RETURNED_TO_TRANSIT,
            "NLE",
        ),
        ({"alert": "Y"}, ReturnDestination.DESK, Reason.TAKE_TO_DESK, None),
    ],
)
def test_checkin_routes_by_koha_alert_type_destination_and_sort_bin(
    kw: dict[str, object], destination: ReturnDestination, reason: Reason, transit_to: str | None
) -> None:
    lib, t = library(_checkin(**kw), "koha")
    result = lib.check_in("30000000001", location="DAL")
    assert result.ok
    assert (result.destination, result.outcome.reason, result.transit_to) == (
        destination,
        reason,
        transit_to,
    )
    assert result.sort_bin == kw.get("sort_bin")
    sent = t.sent[-1]
    assert isinstance(sent, m.CheckinRequest) and sent.current_location == "DAL"


@pytest.mark.parametrize(
    ("bin_", "destination"),
    [
        ("CL03", ReturnDestination.HOLD_SHELF),
        ("CL02", ReturnDestination.TRANSIT),
        ("CL01", ReturnDestination.DESK),
    ],
)
def test_checkin_wise_sort_bins_say_reservation_or_transport(
    bin_: str, destination: ReturnDestination
) -> None:
    lib, _ = library(_checkin(alert="Y", sort_bin=bin_), "wise")
    result = lib.check_in("30000000001", location="DAL")
    assert (result.destination, result.sort_bin) == (destination, bin_)


def test_checkin_refused_goes_to_the_desk() -> None:
    lib, _ = library(_checkin(ok="0", alert="Y", screen_message=("Niet uitgeleend",)))
    result = lib.check_in("30000000001", location="DAL")
    assert not result.ok and result.destination is ReturnDestination.DESK
    assert result.outcome.screen_messages == ("Niet uitgeleend",)


# ---------------------------------------------------------------- renew, item, pay
def test_renew_all_lists_renewed_and_unrenewed_items() -> None:
    def answer(req: m.Message) -> m.Message:
        return m.RenewAllResponse(
            ok="1",
            renewed_count="0002",
            unrenewed_count="0001",
            transaction_date=DATE,
            institution_id="DAL",
            renewed_items=("301", "302"),
            unrenewed_items=("303",),
        )

    lib, _ = library(answer)
    result = lib.renew_all("2050000000001")
    assert [(r.item_id, r.ok) for r in result.results] == [
        ("301", True),
        ("302", True),
        ("303", False),
    ]
    assert result.outcome.params == {"renewed": "2", "refused": "1"}


def test_item_info_status_rental_fee_and_unknown_item() -> None:
    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.ItemInformationRequest)
        if req.item_identifier == "nope":
            return m.ItemInformationResponse(
                circulation_status="01",
                transaction_date=DATE,
                item_identifier="nope",
                title_identifier="",
            )
        return m.ItemInformationResponse(
            circulation_status="10",
            fee_type="06",
            transaction_date=DATE,
            item_identifier=req.item_identifier,
            title_identifier="Frozen",
            currency_type="EUR",
            fee_amount="2,00",
            media_type="005",
            permanent_location="NLE",
        )

    lib, _ = library(answer)
    info = lib.item_info("301").item
    assert info is not None
    assert (info.status, info.rental_fee, info.material, info.branch) == (
        ItemStatus.IN_TRANSIT,
        Money(200),
        MaterialKind.DVD,
        "NLE",
    )
    assert lib.item_info("nope").outcome.reason is Reason.ITEM_UNKNOWN


def test_pay_fee_sends_amount_fee_id_and_reference() -> None:
    def answer(req: m.Message) -> m.Message:
        assert isinstance(req, m.FeePaid)
        return m.FeePaidResponse(
            payment_accepted="Y",
            transaction_date=DATE,
            institution_id="DAL",
            patron_identifier=req.patron_identifier,
            transaction_id=req.transaction_id,
        )

    lib, t = library(answer)
    result = lib.pay_fee("2050000000001", "17", Money(250), "PIN-0001")
    assert result.ok and result.paid == Money(250)
    sent = t.sent[-1]
    assert isinstance(sent, m.FeePaid)
    assert (sent.fee_amount, sent.fee_identifier, sent.transaction_id) == ("2.50", "17", "PIN-0001")


def test_the_pin_is_sent_per_message_during_a_session_and_forgotten_at_its_end() -> None:
    def answer(req: m.Message) -> m.Message:
        if isinstance(req, m.PatronStatusRequest):
            return patron_status(valid_patron_password="Y")(req)
        if isinstance(req, m.EndPatronSession):
            return m.EndSessionResponse(
                end_session="Y", transaction_date=DATE, institution_id="DAL", patron_identifier="x"
            )
        return _checkout()(req)

    lib, t = library(answer)
    lib.identify("2050000000001", "4321")
    lib.check_out("2050000000001", "301")
    lib.end_session("2050000000001")
    lib.check_out("2050000000001", "302")
    checkouts = [r for r in t.sent if isinstance(r, m.CheckoutRequest)]
    assert [c.patron_password for c in checkouts] == ["4321", None]


def _holds_reply(req: m.Message) -> m.Message:
    assert isinstance(req, m.PatronInformationRequest)
    msg = m.PatronInformationResponse(
        transaction_date=DATE,
        institution_id="DAL",
        patron_identifier=req.patron_identifier,
        personal_name="Piet",
        valid_patron="Y",
    )
    if req.summary[0] == "Y":
        msg.hold_items = ("Tirza", "Het diner")
    elif req.summary[5] == "Y":
        msg.unavailable_hold_items = ("Het diner",)
    return msg


def test_holds_listed_as_all_holds_are_never_called_ready() -> None:
    # Evergreen's AS lists every hold: none is said to be ready, none is listed twice
    lib, _ = library(_holds_reply, "evergreen")
    summary = lib.member_summary("2050000000001").summary
    assert summary is not None
    assert [(h.title, h.status) for h in summary.holds] == [
        ("Tirza", HoldStatus.WAITING),
        ("Het diner", HoldStatus.WAITING),
    ]


# ---------------------------------------------------------------- review findings
def test_a_pin_nobody_checked_never_lets_a_member_in() -> None:
    # The PIN was sent, and the answer does not say whether it is right (no CQ).
    lib, _ = library(patron_status())
    result = lib.identify("2050000000001", "1234")
    assert not result.ok and result.outcome.reason is Reason.ILS_ERROR
    # Without a PIN and without CQ the library system does not use PINs: fine.
    assert lib.identify("2050000000001").ok


def test_a_refusal_quoting_outstanding_fines_is_not_a_rental_fee_to_confirm() -> None:
    lib, _ = library(
        _checkout(ok="0", due_date=None, fee_type="04", currency_type="EUR", fee_amount="12.50")
    )
    result = lib.check_out("2050000000001", "30000000001")
    assert not result.ok and result.outcome.reason is Reason.ITEM_NOT_AVAILABLE


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("01", ItemStatus.UNAVAILABLE),
        ("02", ItemStatus.UNAVAILABLE),
        ("03", ItemStatus.AVAILABLE),
        ("04", ItemStatus.ON_LOAN),
        ("05", ItemStatus.ON_LOAN),
        ("06", ItemStatus.UNAVAILABLE),
        ("07", ItemStatus.ON_LOAN),
        ("08", ItemStatus.ON_HOLD_SHELF),
        ("09", ItemStatus.AVAILABLE),
        ("10", ItemStatus.IN_TRANSIT),
        ("11", ItemStatus.UNAVAILABLE),
        ("12", ItemStatus.LOST),
        ("13", ItemStatus.MISSING),
        ("99", ItemStatus.UNAVAILABLE),
    ],
)
def test_every_circulation_status_code(code: str, status: ItemStatus) -> None:
    def answer(req: m.Message) -> m.Message:
        return m.ItemInformationResponse(
            circulation_status=code,
            transaction_date=DATE,
            item_identifier="301",
            title_identifier="Boek",
        )

    info = library(answer)[0].item_info("301").item
    assert info is not None and info.status is status


def test_a_fee_read_from_free_text_is_paid_without_a_made_up_fee_identifier() -> None:
    def answer(req: m.Message) -> m.Message:
        if isinstance(req, m.FeePaid):
            return m.FeePaidResponse(
                payment_accepted="Y",
                transaction_date=DATE,
                institution_id="DAL",
                patron_identifier=req.patron_identifier,
            )
        return _koha_summary([], [])(req)

    lib, t = library(answer, "koha")
    summary = lib.member_summary("2050000000001").summary
    assert summary is not None
    fee = summary.fees[0]
    lib.pay_fee("2050000000001", fee.fee_id, fee.amount, "PIN-0002")
    sent = t.sent[-1]
    assert isinstance(sent, m.FeePaid) and sent.fee_identifier is None
    assert sent.fee_amount == "2.50"


def test_a_no_block_replay_leaves_the_due_date_to_the_library_system() -> None:
    lib, t = library(_checkout())
    at = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)
    lib.check_out("2050000000001", "301", no_block=True, at=at)
    lib.check_out("2050000000001", "302")
    replay, live = t.sent
    assert isinstance(replay, m.CheckoutRequest) and isinstance(live, m.CheckoutRequest)
    assert (replay.no_block, replay.nb_due_date) == ("Y", m.BLANK_DATE)
    assert replay.transaction_date == "20261124    163000"  # when it happened, local time
    assert live.nb_due_date == live.transaction_date


def test_the_kiosk_language_is_sent_so_the_ils_can_answer_in_it() -> None:
    p = PROFILES["generic"]
    t = ScriptedTransport(p, patron_status())
    lib = Sip2Library(t, p, institution="DAL", location="DAL", tz=TZ, language="005")
    lib.identify("2050000000001")
    assert t.sent[-1].language == "005"  # type: ignore[attr-defined]
