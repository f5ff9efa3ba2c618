"""The member summary: loans, holds with queue positions, fees, blocks, family consent (P9)."""

from __future__ import annotations

from conftest import Builder

from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.types import HoldStatus
from kiosk.ils.embedded.engine import EmbeddedLibrary


def test_summary_lists_loans_with_overdue_and_renewable(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card = build.member()
    late, fine, held = build.item(title="Late"), build.item(title="Fine"), build.item(title="Held")
    build.loan(card, late, days_ago=30, due_in=-2)
    build.loan(card, fine)
    build.loan(card, held)
    build.hold(build.member(), held)
    summary = ils.member_summary(card).summary
    assert summary is not None
    loans = {loan.title: loan for loan in summary.loans}
    assert loans["Late"].overdue and loans["Late"].renewable
    assert not loans["Fine"].overdue and loans["Fine"].renewable
    assert not loans["Held"].renewable
    assert loans["Held"].not_renewable_reason is Reason.RENEW_HELD_FOR_OTHER
    assert summary.loans[0].title == "Late"  # soonest due first


def test_summary_shows_hold_status_queue_position_and_pickup_branch(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    card, first = build.member(), build.member()
    on_loan = build.item(title="Wachtrij")
    build.loan(build.member(), on_loan)
    build.hold(first, on_loan, minutes_ago=120)
    build.hold(card, on_loan, pickup="NLE", minutes_ago=60)
    ready = build.item(title="Klaar")
    build.hold(card, ready, ready=True)
    summary = ils.member_summary(card).summary
    assert summary is not None
    holds = {h.title: h for h in summary.holds}
    assert holds["Wachtrij"].status is HoldStatus.WAITING
    assert holds["Wachtrij"].queue_position == 2
    assert holds["Wachtrij"].pickup_branch == "Bibliotheek Nieuwleusen"
    assert holds["Klaar"].status is HoldStatus.READY and holds["Klaar"].pickup_by is not None


def test_summary_lists_open_fees_and_their_total(ils: EmbeddedLibrary, build: Builder) -> None:
    card = build.member()
    build.fee(card, 150)
    build.fee(card, 325)
    summary = ils.member_summary(card).summary
    assert summary is not None and summary.fees_total.cents == 475


def test_p9_linked_accounts_show_only_with_recorded_consent(
    ils: EmbeddedLibrary, build: Builder
) -> None:
    parent = build.member(given="Ellen")
    agreed = build.member(given="Noor", category="JEUGD")
    not_agreed = build.member(given="Sem", category="JEUGD")
    build.loan(agreed, build.item(title="Dolfje Weerwolfje"))
    build.loan(not_agreed, build.item(title="Geheim dagboek"))
    build.link(parent, agreed, consent=True)
    build.link(parent, not_agreed, consent=False)
    summary = ils.member_summary(parent).summary
    assert summary is not None
    assert [a.name.given for a in summary.linked_accounts] == ["Noor"]
    titles = [loan.title for a in summary.linked_accounts for loan in a.loans]
    assert titles == ["Dolfje Weerwolfje"]


def test_link_works_one_way_only(ils: EmbeddedLibrary, build: Builder) -> None:
    parent, child = build.member(), build.member(category="JEUGD")
    build.link(parent, child, consent=True)
    summary = ils.member_summary(child).summary
    assert summary is not None and summary.linked_accounts == ()


def test_summary_lists_every_block(
    ils: EmbeddedLibrary, build: Builder, clock: ManualClock
) -> None:
    card = build.member(block="Ask at desk")
    build.fee(card, 1500)
    summary = ils.member_summary(card).summary
    assert summary is not None
    assert set(summary.blocks) == {Reason.BLOCKED_MANUAL, Reason.BLOCKED_FEES}


def test_summary_of_unknown_card_is_refused(ils: EmbeddedLibrary) -> None:
    assert ils.member_summary("2199999999999").outcome.reason is Reason.UNKNOWN_CARD
