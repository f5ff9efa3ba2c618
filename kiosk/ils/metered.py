"""A library system whose every call is timed: for the metrics and the staff screen.

:class:`MeteredLibrary` passes each call of the :class:`LibrarySystem` port through and tells
``observe(operation, seconds, ok)`` how long it took and whether the library system answered
(``ok`` is False only for :class:`IlsUnavailable`: a refusal is an answer). It keeps the last
latency and whether the last call reached the library system, for staff.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from kiosk.domain.money import Money
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    IdentifyResult,
    ItemInfoResult,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    SummaryResult,
    SystemStatus,
)
from kiosk.ils.port import IlsUnavailable, LibrarySystem

Observe = Callable[[str, float, bool], None]
T = TypeVar("T")


class MeteredLibrary:
    def __init__(self, inner: LibrarySystem, observe: Observe) -> None:
        self.inner = inner
        self._observe = observe
        #: seconds the last call took, and whether it reached the library system
        self.last_latency: float | None = None
        self.reachable: bool | None = None

    def _timed(self, operation: str, call: Callable[[], T]) -> T:
        started = time.perf_counter()
        try:
            result = call()
        except IlsUnavailable:
            self._note(operation, time.perf_counter() - started, False)
            raise
        self._note(operation, time.perf_counter() - started, True)
        return result

    def _note(self, operation: str, seconds: float, ok: bool) -> None:
        self.last_latency = seconds
        self.reachable = ok
        self._observe(operation, seconds, ok)

    def close(self) -> None:
        closing: Any = getattr(self.inner, "close", None)
        if callable(closing):
            closing()

    # -- LibrarySystem
    def status(self) -> SystemStatus:
        return self._timed("status", self.inner.status)

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        return self._timed("identify", lambda: self.inner.identify(card_number, pin))

    def member_summary(self, card_number: str) -> SummaryResult:
        return self._timed("member_summary", lambda: self.inner.member_summary(card_number))

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        return self._timed(
            "check_out",
            lambda: self.inner.check_out(
                card_number, item_id, fee_acknowledged=fee_acknowledged, no_block=no_block, at=at
            ),
        )

    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        return self._timed(
            "check_in",
            lambda: self.inner.check_in(item_id, location=location, no_block=no_block, at=at),
        )

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        return self._timed("renew", lambda: self.inner.renew(card_number, item_id))

    def renew_all(self, card_number: str) -> RenewAllResult:
        return self._timed("renew_all", lambda: self.inner.renew_all(card_number))

    def item_info(self, item_id: str) -> ItemInfoResult:
        return self._timed("item_info", lambda: self.inner.item_info(item_id))

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        return self._timed(
            "pay_fee", lambda: self.inner.pay_fee(card_number, fee_id, amount, reference)
        )

    def end_session(self, card_number: str) -> None:
        self._timed("end_session", lambda: self.inner.end_session(card_number))
