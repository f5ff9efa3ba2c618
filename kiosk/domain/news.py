"""What is new in a session view since the one before: results and a message.

The session machine makes a new line object for every result (and a new notice for every
message), so a line or notice is news when it is not the very object seen last time. The
sounds (``kiosk.ui.accessibility``) and the failure counters (``kiosk.ops.monitoring``) both
listen to the session this way, without the session knowing.

It keeps only the objects of the last view, which the session machine holds anyway, and lets
them go with the next view: nothing of a member stays here after their session.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.reasons import Reason
from kiosk.domain.session import CheckoutLine, Notice, RenewLine, ReturnLine, SessionView

#: messages that are good news or a question, not something that failed
NOT_FAILURES = frozenset(
    {
        Reason.OK,
        Reason.RENEWED,
        Reason.CHECKED_OUT_AS_RENEWAL,
        Reason.RETURNED,
        Reason.RETURNED_TO_HOLD_SHELF,
        Reason.RETURNED_TO_TRANSIT,
        Reason.RECEIPT_PRINTED,
        Reason.RECEIPT_EMAILED,
        Reason.FEE_ACK_REQUIRED,  # a question, asked on a screen of its own
        Reason.OFFLINE_MODE,
        Reason.RECORDED_OFFLINE,
    }
)


@dataclass(frozen=True, slots=True)
class Fresh:
    #: (worked, reason) of each result line new in this view, in order
    results: tuple[tuple[bool, Reason], ...]
    #: the message new in this view, if any
    notice: Notice | None

    @property
    def failures(self) -> tuple[Reason, ...]:
        """What did not work: each failed result, or, with no result, a message that is no
        good news (an unknown card, a printer out of paper...)."""
        if self.results:
            return tuple(reason for worked, reason in self.results if not worked)
        if self.notice is not None and self.notice.reason not in NOT_FAILURES:
            return (self.notice.reason,)
        return ()


class News:
    def __init__(self) -> None:
        self._lines: tuple[CheckoutLine | ReturnLine | RenewLine, ...] = ()
        self._notice: Notice | None = None

    def of(self, view: SessionView) -> Fresh:
        lines: tuple[CheckoutLine | ReturnLine | RenewLine, ...] = (
            *view.checkouts,
            *view.returns,
            *view.renewals,
        )
        seen = {id(line) for line in self._lines}  # safe: self._lines keeps them alive
        results = tuple((line.ok, line.reason) for line in lines if id(line) not in seen)
        notice = (
            view.notice if view.notice is not None and view.notice is not self._notice else None
        )
        self._lines, self._notice = lines, view.notice
        return Fresh(results, notice)
