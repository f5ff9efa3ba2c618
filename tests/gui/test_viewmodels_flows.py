"""The session view-model on its own (no QML): every flow's rows, sentences and switches, as
QML would read them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from kiosk.domain.clock import ManualClock
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.session import CardPresented, CodeScanned, Done
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    Fee,
    FeeKind,
    Hold,
    HoldStatus,
    IdentifyResult,
    LinkedAccount,
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
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner
from kiosk.ui.viewmodels import SessionViewModel

CARD = "2100000000013"
DUE = datetime(2026, 12, 5, 12, tzinfo=UTC)
LATER = datetime(2026, 12, 26, 12, tzinfo=UTC)


class Library:
    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        return IdentifyResult(ok(), name=MemberName("Sanne", "van den Berg"))

    def member_summary(self, card_number: str) -> SummaryResult:
        loans = (Loan("31001", "Het gouden ei", "", MaterialKind.BOOK, DUE, False, True),)
        holds = (
            Hold("Tirza", "", HoldStatus.READY, None, "Dalfsen", date(2026, 12, 2)),
            Hold("Het diner", "", HoldStatus.WAITING, 2, "Nieuwleusen"),
        )
        fees = (
            Fee("f1", FeeKind.OVERDUE, Money(150)),
            Fee("f2", FeeKind.DAMAGE, Money(500), title="Stoner"),
        )
        kids = (
            LinkedAccount(
                MemberName("Lieke", "van den Berg"),
                (Loan("31029", "Jip en Janneke", "", MaterialKind.BOOK, DUE, True, True),),
            ),
        )
        summary = MemberSummary(
            card_number,
            MemberName("Sanne", "van den Berg"),
            "sanne@example.nl",
            loans=loans,
            holds=holds,
            fees=fees,
            linked_accounts=kids,
        )
        return SummaryResult(ok(), summary)

    def check_out(self, card_number: str, item_id: str, **_: object) -> CheckoutResult:
        if item_id.endswith("14"):
            return CheckoutResult(ok(), item_id, "Italiaans", due=LATER, attachments=3)
        return CheckoutResult(refused(Reason.ITEM_REFERENCE_ONLY), item_id, "Van Dale")

    def check_in(self, item_id: str, **_: object) -> CheckinResult:
        return CheckinResult(
            ok(Reason.RETURNED_TO_HOLD_SHELF),
            item_id,
            "Het gouden ei",
            ReturnDestination.HOLD_SHELF,
            sort_bin="CL03",
        )

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        return RenewResult(ok(Reason.RENEWED), item_id, "Het gouden ei", due=LATER)

    def renew_all(self, card_number: str) -> RenewAllResult:
        return RenewAllResult(ok(), (self.renew(card_number, "31001"),))

    def end_session(self, card_number: str) -> None:
        pass


def _vm(**kwargs: object) -> tuple[SessionViewModel, SessionController]:
    controller = SessionController(
        Library(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
    )
    vm = SessionViewModel(controller, locale=QLocale(QLocale.Language.English), **kwargs)  # type: ignore[arg-type]
    return vm, controller


@pytest.mark.usefixtures("qapp")
def test_home_rows_loans_holds_fees_and_consented_family() -> None:
    vm, controller = _vm()
    controller.dispatch(CardPresented(CARD))
    assert vm.property("screen") == "home"
    assert vm.property("greeting") == "Sanne"
    [loan] = vm.loans_model.rows()
    assert (loan["title"], loan["dueDate"], loan["renewable"]) == (
        "Het gouden ei",
        "5 December 2026",
        True,
    )
    holds = {row["title"]: row for row in vm._holds.rows()}
    assert holds["Tirza"]["ready"] and holds["Tirza"]["status"] == (
        "Ready for you at Dalfsen, until 2 December 2026."
    )
    assert holds["Het diner"]["status"] == "Waiting: number 2 in the queue, for Nieuwleusen."
    fees = {row["title"]: row["amount"] for row in vm._fees.rows()}
    assert set(fees) == {"Late fee", "Stoner"}
    assert vm.property("feesTotal").endswith("6.50")
    [child] = vm._family.rows()
    assert child["who"] == "Lieke" and child["title"] == "Jip en Janneke" and child["overdue"]


@pytest.mark.usefixtures("qapp")
def test_discreet_titles_hide_every_title_until_shown() -> None:
    vm, controller = _vm(discreet_titles=True)
    controller.dispatch(CardPresented(CARD))
    assert vm.property("titlesHidden") is True
    assert [r["title"] for r in vm.loans_model.rows()] == [""]
    assert {r["title"] for r in vm._holds.rows()} == {""}
    assert [r["title"] for r in vm._family.rows()] == [""]
    vm.showTitles()
    assert [r["title"] for r in vm.loans_model.rows()] == ["Het gouden ei"]
    controller.dispatch(Done())
    assert vm.property("titlesHidden") is True  # the next member starts discreet


@pytest.mark.usefixtures("qapp")
def test_borrowing_an_item_with_parts_and_a_refusal_read_as_sentences() -> None:
    vm, controller = _vm()
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(CodeScanned("3100000000014", "item"))
    controller.dispatch(CodeScanned("3100000000013", "item"))
    rows = vm.checkouts_model.rows()
    assert rows[0]["message"].startswith("Checked out. This item has 3 parts")
    assert rows[1]["ok"] is False and "desk" in rows[1]["message"]


@pytest.mark.usefixtures("qapp")
def test_renewals_and_returns_show_per_item_outcomes() -> None:
    vm, controller = _vm()
    controller.dispatch(CardPresented(CARD))
    vm.renewItem("31001")
    [loan] = vm.loans_model.rows()
    assert loan["note"] == "Renewed: now due on 26 December 2026." and loan["noteOk"]
    assert loan["renewable"] is False  # renewed once here: no second button
    vm.renewAll()
    vm.startReturns()
    assert vm.property("screen") == "return"
    controller.dispatch(CodeScanned("31001", "item"))
    [row] = vm.returns_model.rows()
    assert row["sortBin"] == "CL03" and "hold shelf" in row["message"]


@pytest.mark.usefixtures("qapp")
def test_the_receipt_screen_offers_email_masked_only_with_a_mailer() -> None:
    from kiosk.services.receipts import ReceiptStyle

    class Mailer:
        def send(self, to: str, subject: str, text: str) -> None:
            self.sent = (to, subject, text)

    mailer = Mailer()
    controller = SessionController(
        Library(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        mailer=mailer,
        receipt_style=lambda: ReceiptStyle("Bibliotheek"),
    )
    vm = SessionViewModel(controller, locale=QLocale(QLocale.Language.English))
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(CodeScanned("3100000000014", "item"))
    vm.done()
    assert vm.property("screen") == "receipt"
    assert vm.property("canEmail") and vm.property("emailMasked") == "s***@example.nl"
    vm.emailReceipt()
    assert vm.property("screen") == "goodbye"
    assert mailer.sent[0] == "sanne@example.nl"
    assert vm.property("emailMasked") == ""


@pytest.mark.usefixtures("qapp")
def test_the_members_language_from_the_library_system_is_followed_then_reset() -> None:
    from kiosk.ui.app import resources_dir
    from kiosk.ui.i18n import Languages

    class GermanSpeaker(Library):
        def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
            return IdentifyResult(ok(), name=MemberName("Jonas", "Weber"), language="de")

    if not (resources_dir() / "translations" / "kiosk_de.qm").exists():
        pytest.fail("the translations are not compiled: run make translations")
    languages = Languages(resources_dir() / "translations", "nl")
    languages.use("nl")
    controller = SessionController(
        GermanSpeaker(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
    )
    vm = SessionViewModel(controller, languages=languages)
    try:
        controller.dispatch(CardPresented(CARD))
        assert vm.property("language") == "de"
        controller.dispatch(CodeScanned("3100000000013", "item"))
        assert "Theke" in vm.property("message")  # the refusal, said in German
        controller.dispatch(Done())
        controller.tick()  # goodbye ...
        from kiosk.domain.session import Touched

        controller.dispatch(Touched())  # ... and back to the start screen
        assert vm.property("screen") == "idle"
        assert vm.property("language") == "nl"  # the library's own language again
    finally:
        languages.use("en")
