"""The session controller carries out the machine's effects against the ILS port."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import CardPresented, CodeScanned, Done, PinTyped, Screen, SessionView
from kiosk.domain.types import (
    CheckoutResult,
    IdentifyResult,
    MemberName,
    MemberSummary,
    SummaryResult,
    SystemStatus,
    ok,
    refused,
)
from kiosk.ils.port import IlsUnavailable
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner, QueuedRunner

CARD = "2100000000001"


class StubLibrary:
    """A library with one member (PIN 1234) that records every call it gets."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.fail_with: Exception | None = None

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if self.fail_with is not None:
            raise self.fail_with

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        self._call("identify")
        if card_number != CARD:
            return IdentifyResult(refused(Reason.UNKNOWN_CARD))
        if pin is None:
            return IdentifyResult(refused(Reason.PIN_REQUIRED))
        if pin != "1234":
            return IdentifyResult(refused(Reason.WRONG_PIN), pin_attempts_left=2)
        return IdentifyResult(ok(), name=MemberName(given="Zoë", family="Brouwer"))

    def member_summary(self, card_number: str) -> SummaryResult:
        self._call("member_summary")
        name = MemberName(given="Zoë", family="Brouwer")
        return SummaryResult(ok(), MemberSummary(card_number, name, "zoe@example.nl"))

    def check_out(self, card_number: str, item_id: str, **_: object) -> CheckoutResult:
        self._call("check_out")
        return CheckoutResult(ok(), item_id, "Het diner", due=datetime(2026, 12, 16, tzinfo=UTC))

    def end_session(self, card_number: str) -> None:
        self._call("end_session")


def make(runner: object = None) -> tuple[SessionController, StubLibrary, list[SessionView]]:
    ils = StubLibrary()
    views: list[SessionView] = []
    controller = SessionController(
        ils,  # type: ignore[arg-type]
        ManualClock(),
        runner or InlineRunner(),  # type: ignore[arg-type]
        on_change=views.append,
    )
    return controller, ils, views


def test_a_whole_session_calls_the_ils_in_order() -> None:
    controller, ils, views = make()
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(PinTyped("1234"))
    controller.dispatch(CodeScanned("3100000000001"))
    controller.dispatch(Done())
    assert ils.calls == ["identify", "identify", "member_summary", "check_out", "end_session"]
    assert views[-1].screen is Screen.GOODBYE
    assert controller.counters["sessions_done"] == 1
    assert controller.counters["items_checked_out"] == 1


def test_the_screen_shows_busy_while_the_ils_works() -> None:
    runner = QueuedRunner()
    controller, _, views = make(runner)
    controller.dispatch(CardPresented(CARD))
    assert views[-1].busy and views[-1].screen is Screen.IDENTIFYING
    runner.run_pending()
    assert views[-1].screen is Screen.PIN and not views[-1].busy


def test_unreachable_ils_becomes_a_notice_not_a_crash() -> None:
    controller, ils, views = make()
    ils.fail_with = IlsUnavailable("sip2 server 127.0.0.1:6001 timed out")
    controller.dispatch(CardPresented(CARD))
    assert views[-1].screen is Screen.IDLE
    assert views[-1].notice is not None and views[-1].notice.reason is Reason.ILS_UNAVAILABLE


def test_unexpected_ils_error_is_logged_by_type_only(caplog: pytest.LogCaptureFixture) -> None:
    controller, ils, views = make()
    ils.fail_with = ValueError(f"bad reply for patron {CARD}")
    with caplog.at_level(logging.DEBUG):
        controller.dispatch(CardPresented(CARD))
    assert views[-1].notice is not None and views[-1].notice.reason is Reason.ILS_ERROR
    assert "ValueError" in caplog.text
    assert CARD not in caplog.text


def test_p5_a_session_logs_no_personal_data(caplog: pytest.LogCaptureFixture) -> None:
    controller, _, _ = make()
    with caplog.at_level(logging.DEBUG):
        controller.dispatch(CardPresented(CARD))
        controller.dispatch(PinTyped("1234"))
        controller.dispatch(CodeScanned("3100000000001"))
        controller.dispatch(Done())
    standard = set(logging.makeLogRecord({}).__dict__)
    extras = [
        f"{k}={v}" for r in caplog.records for k, v in r.__dict__.items() if k not in standard
    ]
    text = " ".join(r.getMessage() for r in caplog.records) + " ".join(extras)
    assert "how=done" in text  # the extras really are looked at
    for secret in (CARD, "1234", "Zoë", "Brouwer", "zoe@example.nl", "Het diner"):
        assert secret not in text


# ---------------------------------------------------------------- status between sessions
class StatusLibrary(StubLibrary):
    def __init__(self) -> None:
        super().__init__()
        self.online = True

    def status(self) -> SystemStatus:
        self._call("status")
        return SystemStatus(online=self.online)


def test_between_sessions_the_ils_is_asked_how_it_is_and_offline_means_out_of_service() -> None:
    clock = ManualClock()
    ils = StatusLibrary()
    views: list[SessionView] = []
    controller = SessionController(
        ils,  # type: ignore[arg-type]
        clock,
        InlineRunner(),  # type: ignore[arg-type]
        on_change=views.append,
        status_every=60,
    )
    controller.tick()
    assert ils.calls == []  # not at once: the first check is a full interval after start
    clock.advance(61)
    controller.tick()
    assert ils.calls == ["status"]

    ils.online = False
    clock.advance(61)
    controller.tick()
    assert views[-1].screen is Screen.OUT_OF_SERVICE
    assert views[-1].out_of_service_reason is Reason.ILS_UNAVAILABLE

    ils.online = True
    clock.advance(61)
    controller.tick()
    assert views[-1].screen is Screen.IDLE


def test_no_status_check_while_a_member_is_in_a_session() -> None:
    clock = ManualClock()
    ils = StatusLibrary()
    controller = SessionController(
        ils,  # type: ignore[arg-type]
        clock,
        InlineRunner(),  # type: ignore[arg-type]
        status_every=60,
    )
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(PinTyped("1234"))
    clock.advance(61)
    controller.tick()
    assert "status" not in ils.calls


def test_a_printer_check_asked_while_one_runs_looks_again_afterwards() -> None:
    from hardware.fakes import RecordingPrinter
    from hardware.ports import DeviceHealth, Health

    class ChangingPrinter(RecordingPrinter):
        """Fine when first asked; off-line from then on (it broke while the check ran)."""

        def __init__(self) -> None:
            super().__init__()
            self.asked = 0

        def health(self) -> DeviceHealth:
            self.asked += 1
            self.online = self.asked == 1
            return super().health()

    printer = ChangingPrinter()
    devices_runner = QueuedRunner()
    controller = SessionController(
        StubLibrary(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        printer=printer,
        device_runner=devices_runner,
    )
    controller.check_printer()
    controller.check_printer()  # asked again while the first is still running
    assert devices_runner.pending == 1
    devices_runner.run_pending()  # the first answers "ok", then the second runs
    assert printer.asked == 2
    assert controller.device_health["printer"].state is Health.FAILED
    assert controller.device_health["printer"].condition == "offline"


def test_the_indicator_lights_ok_for_a_loan_and_error_for_a_refusal() -> None:
    from hardware.fakes import RecordingIndicator

    class Refusing(StubLibrary):
        def check_out(self, card_number: str, item_id: str, **_: object) -> CheckoutResult:
            if item_id.endswith("9"):
                return CheckoutResult(refused(Reason.ITEM_REFERENCE_ONLY), item_id, "Atlas")
            return super().check_out(card_number, item_id)

    indicator = RecordingIndicator()
    controller = SessionController(
        Refusing(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        indicator=indicator,
    )
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(PinTyped("1234"))
    controller.dispatch(CodeScanned("3100000000003", "item"))
    controller.dispatch(CodeScanned("3100000000029", "item"))
    assert indicator.signals == ["ok", "error"]


def test_being_asked_to_confirm_a_fee_is_no_error_signal() -> None:
    from hardware.fakes import RecordingIndicator
    from kiosk.domain.money import Money

    class WithFee(StubLibrary):
        def check_out(self, card_number: str, item_id: str, **kw: object) -> CheckoutResult:
            if not kw.get("fee_acknowledged"):
                return CheckoutResult(
                    refused(Reason.FEE_ACK_REQUIRED), item_id, "DVD", fee=Money(450)
                )
            return super().check_out(card_number, item_id)

    indicator = RecordingIndicator()
    controller = SessionController(
        WithFee(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        indicator=indicator,
    )
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(PinTyped("1234"))
    controller.dispatch(CodeScanned("3100000000009", "item"))
    assert indicator.signals == []
    from kiosk.domain.session import FeeAnswered

    controller.dispatch(FeeAnswered(True))
    assert indicator.signals == ["ok"]


def test_a_return_slip_names_the_item_and_where_it_goes_and_no_member() -> None:
    from hardware.fakes import RecordingPrinter
    from kiosk.domain.session import StartReturns
    from kiosk.domain.types import CheckinResult, ReturnDestination
    from kiosk.services.receipts import ReceiptStyle

    class Returns(StubLibrary):
        def check_in(self, item_id: str, **_: object) -> CheckinResult:
            return CheckinResult(
                ok(Reason.RETURNED_TO_TRANSIT),
                item_id,
                "Grand Hotel Europa",
                ReturnDestination.TRANSIT,
                sort_bin="CL02",
                transit_to="NLE",
            )

    printer = RecordingPrinter()
    controller = SessionController(
        Returns(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        printer=printer,
        return_slips=True,
        receipt_style=lambda: ReceiptStyle("Bibliotheek Dalfsen"),
    )
    controller.dispatch(StartReturns())
    controller.dispatch(CodeScanned("3100000000019", "item"))
    [slip] = printer.text()
    assert "TRANSIT" in slip and "NLE" in slip and "Grand Hotel Europa" in slip
    assert "CL02" in slip and "3100000000019" in slip
    assert controller.counters["slips_printed"] == 1
    assert printer.printed[0].barcode == "3100000000019"
