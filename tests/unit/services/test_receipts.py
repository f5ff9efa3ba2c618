"""Loan receipts and return slips as documents: masked card (P4), items, fees, dates, slips."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hardware.escpos_printer import layout
from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.session import CheckoutLine
from kiosk.domain.types import CheckinResult, ReturnDestination, ok
from kiosk.services.receipts import ReceiptStyle, euro, loan_receipt, return_slip

TZ = ZoneInfo("Europe/Amsterdam")
CARD = "2100000000001"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
STYLE = ReceiptStyle(
    "Bibliotheek Dalfsen", "Dalfsen", tz=TZ, account_url="https://dalfsen.example/mijn"
)


def test_p4_a_loan_receipt_shows_the_card_number_masked_never_whole() -> None:
    receipt = loan_receipt(STYLE, CARD, [], printed_at=NOW)
    text = "\n".join(layout(receipt, 48))
    assert "Card: *********0001" in text
    assert CARD not in text


def test_a_loan_receipt_lists_loans_with_due_dates_fees_refusals_and_ils_lines() -> None:
    lines = [
        CheckoutLine(
            "3100000000003",
            "De avonden",
            True,
            Reason.OK,
            datetime(2026, 12, 16, 22, 59, tzinfo=UTC),
        ),
        CheckoutLine(
            "3100000000009",
            "Alles is liefde",
            True,
            Reason.OK,
            datetime(2026, 12, 2, 22, 59, tzinfo=UTC),
            Money(450),
        ),
        CheckoutLine(
            "3100000000013", "Van Dale Groot woordenboek", False, Reason.ITEM_REFERENCE_ONLY
        ),
    ]
    receipt = loan_receipt(STYLE, CARD, lines, printed_at=NOW, print_lines=["Prettige dag!", " "])
    text = layout(receipt, 48)
    assert receipt.header == ("Bibliotheek Dalfsen", "Dalfsen")
    assert any(t.startswith("De avonden") and t.endswith("due 16-12-2026") for t in text)
    assert any(t.startswith("Fee") and t.endswith("€ 4,50") for t in text)
    assert "Not borrowed" in text and "Van Dale Groot woordenboek" in text
    assert receipt.footer == ("Prettige dag!", "Your account online")
    assert receipt.qr == "https://dalfsen.example/mijn"
    assert receipt.printed_at == NOW


def test_labels_come_from_the_caller() -> None:
    style = ReceiptStyle("Bibliotheek", labels={"card": "Pas", "borrowed": "Geleend"})
    line = CheckoutLine("31", "Boek", True, Reason.OK)
    texts = [line.text for line in loan_receipt(style, CARD, [line], printed_at=NOW).lines]
    assert "Pas: *********0001" in texts and "Geleend" in texts


def test_slips_for_a_hold_here_and_for_another_branch_and_none_for_the_shelf() -> None:
    hold = CheckinResult(
        ok(Reason.RETURNED_TO_HOLD_SHELF),
        "3100000000002",
        "Het diner",
        destination=ReturnDestination.HOLD_SHELF,
        sort_bin="CL03",
    )
    slip = return_slip(STYLE, hold, printed_at=NOW)
    assert slip is not None
    texts = [line.text for line in slip.lines]
    assert texts[0] == "HOLD" and "Het diner" in texts and "Bin: CL03" in texts
    assert slip.barcode == "3100000000002"

    transit = CheckinResult(
        ok(Reason.RETURNED_TO_TRANSIT),
        "3100000000019",
        "Grand Hotel Europa",
        destination=ReturnDestination.TRANSIT,
        transit_to="Nieuwleusen",
    )
    slip = return_slip(STYLE, transit, printed_at=NOW)
    assert slip is not None and "To: Nieuwleusen" in [line.text for line in slip.lines]

    shelf = CheckinResult(ok(Reason.RETURNED), "3100000000004", "Max Havelaar")
    assert return_slip(STYLE, shelf, printed_at=NOW) is None


def test_euro_amounts_the_dutch_way() -> None:
    assert euro(Money(150)) == "€ 1,50"
    assert euro(Money(-5)) == "€ -0,05"
    assert euro(Money(1000, "USD")) == "USD 10,00"


def test_p4_the_ils_print_lines_never_carry_the_whole_card_number() -> None:
    receipt = loan_receipt(
        STYLE, CARD, [], printed_at=NOW, print_lines=[f"Lener {CARD}: 2 items", "Tot ziens"]
    )
    assert receipt.footer[0] == "Lener *********0001: 2 items"
    assert CARD not in "\n".join(layout(receipt, 48))


def test_the_time_printed_is_the_librarys_own() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from kiosk.services.receipts import ReceiptStyle, loan_receipt

    style = ReceiptStyle("Bibliotheek", tz=ZoneInfo("Europe/Amsterdam"))
    receipt = loan_receipt(style, None, [], printed_at=datetime(2026, 11, 25, 23, 30, tzinfo=UTC))
    assert receipt.printed_at is not None
    assert (receipt.printed_at.day, receipt.printed_at.hour) == (26, 0)  # 00:30 the next day
    assert not any("Card" in line.text for line in receipt.lines)  # returns without a card


def test_returns_and_renewals_are_on_the_receipt() -> None:
    from datetime import UTC, datetime

    from kiosk.domain.reasons import Reason
    from kiosk.domain.session import RenewLine, ReturnLine
    from kiosk.services.receipts import ReceiptStyle, loan_receipt

    style = ReceiptStyle("Bibliotheek")
    when = datetime(2026, 11, 25, 10, tzinfo=UTC)
    due = datetime(2026, 12, 16, 12, tzinfo=UTC)
    renewals = [
        RenewLine("31001", "Tirza", True, Reason.RENEWED, due),
        RenewLine("31002", "Het diner", False, Reason.RENEW_HELD_FOR_OTHER),
    ]
    returns = [
        ReturnLine("31003", "De Hobbit", False, Reason.ITEM_NOT_ON_LOAN),
        ReturnLine("31004", "Stoner", True, Reason.RETURNED),
    ]
    receipt = loan_receipt(
        style, "2100000000001", [], printed_at=when, renewals=renewals, returns=returns
    )
    texts = [line.text for line in receipt.lines]
    assert texts[0] == "Loan receipt"
    assert "Renewed" in texts and "Tirza\tdue 16-12-2026" in texts
    assert "Returned" in texts and "Stoner" in texts
    assert not any("Het diner" in t or "De Hobbit" in t for t in texts)  # only what happened
    only_returns = loan_receipt(style, None, [], printed_at=when, returns=returns)
    assert only_returns.lines[0].text == "Return receipt"
