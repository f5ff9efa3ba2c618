"""A library system that hands every call on: the base of the wrappers around the port.

:class:`ForwardingLibrary` implements each method of :class:`LibrarySystem` once, as a call of
``_forward(operation, call)``, where ``call`` takes the system to ask. A wrapper says only what
it does around a call: :class:`kiosk.ils.deferred.DeferredLibrary` asks the system it builds
first, :class:`kiosk.ils.metered.MeteredLibrary` times the call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

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
from kiosk.ils.port import LibrarySystem

T = TypeVar("T")


class ForwardingLibrary:
    def _forward(self, operation: str, call: Callable[[LibrarySystem], T]) -> T:
        """Carry out ``call`` on the system this wrapper stands for."""
        raise NotImplementedError

    def status(self) -> SystemStatus:
        return self._forward("status", lambda s: s.status())

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        return self._forward("identify", lambda s: s.identify(card_number, pin))

    def member_summary(self, card_number: str) -> SummaryResult:
        return self._forward("member_summary", lambda s: s.member_summary(card_number))

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        return self._forward(
            "check_out",
            lambda s: s.check_out(
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
        return self._forward(
            "check_in", lambda s: s.check_in(item_id, location=location, no_block=no_block, at=at)
        )

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        return self._forward("renew", lambda s: s.renew(card_number, item_id))

    def renew_all(self, card_number: str) -> RenewAllResult:
        return self._forward("renew_all", lambda s: s.renew_all(card_number))

    def item_info(self, item_id: str) -> ItemInfoResult:
        return self._forward("item_info", lambda s: s.item_info(item_id))

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        return self._forward("pay_fee", lambda s: s.pay_fee(card_number, fee_id, amount, reference))

    def end_session(self, card_number: str) -> None:
        self._forward("end_session", lambda s: s.end_session(card_number))
