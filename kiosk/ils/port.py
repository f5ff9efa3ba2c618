"""``LibrarySystem``: everything the kiosk needs from any ILS, in domain types.

Adapters (the embedded ILS, the SIP2 client, the offline wrapper) implement this protocol.
Refusals are answers, not exceptions: every method returns an outcome with a stable reason
code. Only a system that cannot be reached raises :class:`IlsUnavailable`, so that the offline
wrapper can tell "the ILS said no" from "nobody answered".

Identification and transactions take the card number (and PIN where the ILS wants it per
message, as SIP2 does); the kiosk keeps them in memory only for the length of a session.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

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


class IlsUnavailable(Exception):
    """The library system could not be reached or did not answer in time.

    The message names the endpoint or setting at fault; it never contains personal data.
    ``maybe_done``: the request went out and no answer came, so the library system may have
    carried it out (SIP2 has no transaction number to ask by); False when it never went out.
    """

    def __init__(self, message: str, *, maybe_done: bool = False) -> None:
        super().__init__(message)
        self.maybe_done = maybe_done


@runtime_checkable
class LibrarySystem(Protocol):
    def status(self) -> SystemStatus:
        """Is the ILS there, and which operations does it allow right now."""
        ...

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        """Check a card (and PIN). ``PIN_REQUIRED`` when the member has a PIN and none came."""
        ...

    def member_summary(self, card_number: str) -> SummaryResult:
        """Loans, holds, fees, blocks and consented linked accounts of a member."""
        ...

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        """Lend an item.

        ``fee_acknowledged``: the member confirmed a rental fee (else ``FEE_ACK_REQUIRED`` with
        the amount). ``no_block`` and ``at``: a replay of a transaction the kiosk already
        promised offline, at its original time; the ILS records it rather than refuse it.
        """
        ...

    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        """Take an item back at ``location`` (a branch code); says where it goes next."""
        ...

    def renew(self, card_number: str, item_id: str) -> RenewResult: ...

    def renew_all(self, card_number: str) -> RenewAllResult: ...

    def item_info(self, item_id: str) -> ItemInfoResult: ...

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        """Record a payment made at the kiosk's terminal (``reference``: the terminal's)."""
        ...

    def end_session(self, card_number: str) -> None:
        """The member left; the ILS may release whatever it held for the session."""
        ...
