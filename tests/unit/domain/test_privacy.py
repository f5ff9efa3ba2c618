"""What may be shown or printed at a public screen (P1, P4)."""

from __future__ import annotations

from kiosk.domain.privacy import GreetingStyle, greeting_name, mask_card_number, mask_email
from kiosk.domain.types import MemberName


def test_p1_greeting_uses_the_preferred_name_over_the_given_name() -> None:
    name = MemberName(given="Johanna", family="Jansen", preferred="Jo")
    assert greeting_name(name, GreetingStyle.FIRST_NAME) == "Jo"


def test_p1_greeting_by_initials_shows_no_name() -> None:
    name = MemberName(given="Özlem", family="van der Berg")
    assert greeting_name(name, GreetingStyle.INITIALS) == "Ö. B."


def test_p1_greeting_can_be_switched_off() -> None:
    assert greeting_name(MemberName(given="Jan"), GreetingStyle.NONE) == ""


def test_p1_card_number_is_masked_to_its_last_digits() -> None:
    assert mask_card_number("2100000001234") == "*********1234"
    assert mask_card_number("1234") == "**34"


def test_p4_email_is_masked_for_the_receipt_choice() -> None:
    assert mask_email("jan.jansen@example.nl") == "j***@example.nl"
    assert mask_email("not-an-address") == "***"
