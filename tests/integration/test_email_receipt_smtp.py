"""E-mailed receipts through a real SMTP server we did not write (aiosmtpd) on loopback: the
kiosk's session, the SMTP adapter and what arrives (P4: the card masked, only the address the
library system has, shown masked on the screen)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller

from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import CardPresented, CodeScanned, Done, ReceiptChosen, Screen
from kiosk.domain.types import (
    CheckoutResult,
    IdentifyResult,
    MemberName,
    MemberSummary,
    SummaryResult,
    ok,
)
from kiosk.ops.mail import SmtpMailer, SmtpSettings
from kiosk.services.mail import MailError
from kiosk.services.receipts import ReceiptStyle
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner

CARD = "2100000000002"
ADDRESS = "rene.jansen@example.nl"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        message = message_from_bytes(envelope.content)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


class _Library:
    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        return IdentifyResult(ok(), name=MemberName("René", "Jansen"))

    def member_summary(self, card_number: str) -> SummaryResult:
        return SummaryResult(
            ok(), MemberSummary(card_number, MemberName("René", "Jansen"), ADDRESS)
        )

    def check_out(self, card_number: str, item_id: str, **_: object) -> CheckoutResult:
        due = datetime(2026, 12, 16, 12, tzinfo=UTC)
        return CheckoutResult(ok(), item_id, "Max Havelaar", due=due)

    def end_session(self, card_number: str) -> None:
        pass


def _mailer(port: int) -> SmtpMailer:
    return SmtpMailer(
        SmtpSettings("127.0.0.1", port, security="none", sender="kiosk@bieb.example.nl")
    )


def _at_the_receipt_screen(mailer: SmtpMailer) -> SessionController:
    controller = SessionController(
        _Library(),  # type: ignore[arg-type]
        ManualClock(),
        InlineRunner(),
        mailer=mailer,
        mail_subject="Je bon van Bibliotheek Dalfsen",
        receipt_style=lambda: ReceiptStyle("Bibliotheek Dalfsen"),
    )
    controller.dispatch(CardPresented(CARD))
    controller.dispatch(CodeScanned("3100000000004", "item"))
    controller.dispatch(Done())
    return controller


def test_p4_the_receipt_is_emailed_to_the_address_on_file_with_the_card_masked(
    smtp: tuple[Inbox, int],
) -> None:
    inbox, port = smtp
    controller = _at_the_receipt_screen(_mailer(port))
    view = controller.view()
    assert view.screen is Screen.RECEIPT and view.can_email and not view.can_print
    assert view.email_masked == "r***@example.nl"
    controller.dispatch(ReceiptChosen(False, email=True))
    view = controller.view()
    assert view.screen is Screen.GOODBYE
    assert view.notice is not None and view.notice.reason is Reason.RECEIPT_EMAILED
    [(sender, recipients, message)] = inbox.messages
    assert sender == "kiosk@bieb.example.nl" and recipients == [ADDRESS]
    assert message["Subject"] == "Je bon van Bibliotheek Dalfsen"
    body = message.get_payload(decode=True).decode()
    assert "Max Havelaar" in body and "*********0002" in body
    assert CARD not in body and "René" not in body and "Jansen" not in body
    assert controller.counters["receipts_emailed"] == 1


def test_a_mail_server_that_is_down_is_said_and_email_is_not_offered_again() -> None:
    controller = _at_the_receipt_screen(_mailer(_free_port()))  # nothing listens there
    controller.dispatch(ReceiptChosen(False, email=True))
    view = controller.view()
    assert view.screen is Screen.RECEIPT
    assert view.notice is not None and view.notice.reason is Reason.EMAIL_FAILED
    assert not view.can_email  # the other ways: the loans on screen, and Done
    assert [line.ok for line in view.checkouts] == [True]
    assert controller.counters["receipts_not_emailed"] == 1


def test_the_adapter_says_which_server_failed_and_never_the_address() -> None:
    port = _free_port()
    with pytest.raises(MailError) as raised:
        _mailer(port).send(ADDRESS, "x", "y")
    assert f"127.0.0.1:{port} cannot be reached" in str(raised.value)
    assert ADDRESS not in str(raised.value)


def test_starttls_is_required_when_configured(smtp: tuple[Inbox, int]) -> None:
    """A server without STARTTLS is refused rather than used in the clear."""
    _, port = smtp
    mailer = SmtpMailer(
        SmtpSettings("127.0.0.1", port, security="starttls", sender="kiosk@bieb.example.nl")
    )
    with pytest.raises(MailError, match="failed"):
        mailer.send(ADDRESS, "x", "y")
