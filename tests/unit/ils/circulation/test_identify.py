"""Identification rules of the embedded ILS: cards, PINs, lockout (P13) and blocks."""

from __future__ import annotations

from datetime import date

from conftest import Builder

from kiosk.domain.reasons import Reason
from kiosk.ils.embedded.engine import EmbeddedLibrary


def test_unknown_card_is_refused_with_unknown_card(ils: EmbeddedLibrary) -> None:
    result = ils.identify("2199999999999")
    assert not result.ok
    assert result.outcome.reason is Reason.UNKNOWN_CARD


def test_member_without_pin_is_identified_by_card_alone(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member(given="Anouk", family="Jansen")
    result = ils.identify(card)
    assert result.ok
    assert result.name is not None and result.name.given == "Anouk"


def test_member_with_pin_needs_it(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(pin="1234")
    result = ils.identify(card)
    assert result.outcome.reason is Reason.PIN_REQUIRED
    assert result.name is None
    assert ils.identify(card, "1234").ok


def test_wrong_pin_says_how_many_attempts_are_left(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(pin="1234")
    result = ils.identify(card, "0000")
    assert result.outcome.reason is Reason.WRONG_PIN
    assert result.pin_attempts_left == 2
    assert result.outcome.params["attempts_left"] == "2"


def test_pin_locks_after_repeated_wrong_pins_and_stays_locked(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member(pin="1234")
    reasons = [ils.identify(card, "0000").outcome.reason for _ in range(3)]
    assert reasons == [Reason.WRONG_PIN, Reason.WRONG_PIN, Reason.PIN_LOCKED]
    # Even the right PIN no longer opens it: only the desk unlocks (P13).
    assert ils.identify(card, "1234").outcome.reason is Reason.PIN_LOCKED


def test_right_pin_resets_the_wrong_pin_count(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(pin="1234")
    ils.identify(card, "0000")
    ils.identify(card, "0000")
    assert ils.identify(card, "1234").ok
    assert ils.identify(card, "0000").pin_attempts_left == 2


def test_lost_card_is_refused(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member(lost=True)
    assert ils.identify(card).outcome.reason is Reason.CARD_LOST


def test_expired_card_identifies_but_is_blocked_from_borrowing(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member(expires=date(2026, 1, 31))
    assert ils.identify(card).ok
    summary = ils.member_summary(card).summary
    assert summary is not None and Reason.CARD_EXPIRED in summary.blocks
    assert not summary.can_borrow


def test_card_number_lookup_ignores_surrounding_whitespace_and_case(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    build.member(card="P2100000000001")
    assert ils.identify(" p2100000000001 ").ok
