"""A tiny in-memory ``LibrarySystem`` for the SIP2 server benchmark.

It answers in microseconds, so the figures measure the SIP2 stack (framing, codec, server
scheduling), not a database. ``kiosk bench sip2`` also measures the server in front of the
embedded ILS, for the whole picture.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    ItemInfo,
    ItemInfoResult,
    ItemStatus,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    SummaryResult,
    SystemStatus,
    ok,
    refused,
)


class MemoryLibrary:
    def __init__(self, members: int, items: int) -> None:
        self.cards = [f"2{n:012d}" for n in range(1, members + 1)]
        self.barcodes = [f"3{n:012d}" for n in range(1, items + 1)]
        self._members = set(self.cards)
        self._titles = {b: f"Titel {n}" for n, b in enumerate(self.barcodes, start=1)}
        self._loans: dict[str, tuple[str, datetime]] = {}
        self._lock = threading.Lock()

    def status(self) -> SystemStatus:
        return SystemStatus(online=True, library_name="Bench library")

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        if card_number not in self._members:
            return IdentifyResult(refused(Reason.UNKNOWN_CARD))
        return IdentifyResult(ok(), name=MemberName("Lid", card_number[-4:]))

    def member_summary(self, card_number: str) -> SummaryResult:
        if card_number not in self._members:
            return SummaryResult(refused(Reason.UNKNOWN_CARD))
        with self._lock:
            mine = [(b, due) for b, (c, due) in self._loans.items() if c == card_number]
        loans = tuple(
            Loan(b, self._titles[b], "", MaterialKind.BOOK, due, False, True) for b, due in mine
        )
        summary = MemberSummary(card_number, MemberName("Lid", card_number[-4:]), None, loans)
        return SummaryResult(ok(), summary)

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        if item_id not in self._titles:
            return CheckoutResult(refused(Reason.ITEM_UNKNOWN), item_id)
        due = (at or datetime.now(UTC)) + timedelta(days=21)
        with self._lock:
            holder = self._loans.get(item_id)
            if holder is not None and holder[0] != card_number:
                return CheckoutResult(refused(Reason.ITEM_ON_LOAN_TO_OTHER), item_id)
            self._loans[item_id] = (card_number, due)
        return CheckoutResult(ok(), item_id, self._titles[item_id], due=due)

    def check_in(
        self, item_id: str, *, location: str, no_block: bool = False, at: datetime | None = None
    ) -> CheckinResult:
        with self._lock:
            held = self._loans.pop(item_id, None)
        if held is None:
            return CheckinResult(refused(Reason.ITEM_NOT_ON_LOAN), item_id)
        return CheckinResult(ok(Reason.RETURNED), item_id, self._titles[item_id])

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        return RenewResult(refused(Reason.RENEW_NOT_ALLOWED), item_id)

    def renew_all(self, card_number: str) -> RenewAllResult:
        return RenewAllResult(ok())

    def item_info(self, item_id: str) -> ItemInfoResult:
        title = self._titles.get(item_id)
        if title is None:
            return ItemInfoResult(refused(Reason.ITEM_UNKNOWN))
        status = ItemStatus.ON_LOAN if item_id in self._loans else ItemStatus.AVAILABLE
        return ItemInfoResult(ok(), ItemInfo(item_id, title, "", MaterialKind.BOOK, status, "DAL"))

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        return PaymentResult(refused(Reason.FEE_UNKNOWN), fee_id)

    def end_session(self, card_number: str) -> None:
        return None
