"""Paying fees: the terminal takes the money, then the library system is told, fee by fee.

:meth:`Payments.start` carries out the session's :class:`~kiosk.domain.session.Pay` effect:

1. the terminal gets the total in cents and the kiosk's reference, nothing else (P10), on the
   device runner; it owns the cardholder's dialogue and answers approved, declined,
   cancelled or error;
2. when it approved, each fee paid is reported to the library system on the ILS runner
   (``LibrarySystem.pay_fee``), each with its own reference (``REF/1``, ``REF/2``), so that a
   report sent twice is recognisable as such. The library system the kiosk talks to is
   wrapped in the offline journal (``kiosk.ils.offline``): a report that cannot be sent is
   journalled and retried, and one the library system refuses becomes a conflict for staff.
   The money is never taken twice and a payment is never lost;
3. the member is told how it ended (:class:`~kiosk.domain.payment.Paid`).

Once the terminal approved, step 2 happens whatever becomes of the session (the member walked
away, the kiosk went out of service): the answer to the session is then merely dropped.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Protocol

from hardware.ports import PaymentOutcome, PaymentReply, PaymentTerminal, TerminalUnreachable
from kiosk.domain.clock import Clock
from kiosk.domain.money import Money
from kiosk.domain.payment import Paid, fee_reference, make_reference
from kiosk.domain.reasons import Reason
from kiosk.domain.session import Pay, PaymentFinished
from kiosk.domain.types import PaymentResult
from kiosk.ils.port import LibrarySystem
from kiosk.services.tasks import TaskRunner

log = logging.getLogger(__name__)

#: the library system's answers that mean "it has the payment"
_BOOKED = frozenset({Reason.OK, Reason.PAYMENT_DONE})

_DECLINED = {
    PaymentOutcome.DECLINED: Paid.DECLINED,
    PaymentOutcome.CANCELLED: Paid.CANCELLED,
}

#: called for a payment staff must look into: (what, reference, amount, why, the fees' ids)
ProblemHook = Callable[[str, str, Money, str, tuple[str, ...]], None]


class PaymentLog(Protocol):
    """Where a payment is written down before the terminal gets it, and struck out once it
    has ended (``kiosk.ils.offline.Journal``): a payment the kiosk stopped in the middle of
    (a power cut at the terminal) is found at the next start and shown to staff."""

    def payment_started(self, reference: str, amount: Money, fees: tuple[str, ...]) -> None: ...

    def payment_ended(self, reference: str) -> None: ...


#: one fee's report: its fee, reference and amount, and the library system's answer
_Report = tuple[str, str, Money, "PaymentResult | BaseException"]


class Payments:
    """The kiosk's side of paying at its terminal (module doc)."""

    def __init__(
        self,
        terminal: PaymentTerminal,
        ils: LibrarySystem,
        clock: Clock,
        *,
        device_runner: TaskRunner,
        ils_runner: TaskRunner,
        prefix: str,
        on_problem: ProblemHook | None = None,
        on_event: Callable[[str, dict[str, Any]], None] | None = None,
        log_to: PaymentLog | None = None,
    ) -> None:
        self._terminal = terminal
        self._ils = ils
        self._clock = clock
        self._device_runner = device_runner
        self._ils_runner = ils_runner
        self._prefix = prefix
        self._serial = itertools.count(1)
        self._on_problem = on_problem
        self._on_event = on_event
        self._log = log_to
        #: the payment at the terminal now: reference, effect, its answer's receiver, since
        self._waiting: tuple[str, Pay, Callable[[PaymentFinished], None], Any] | None = None
        self._given_up: set[str] = set()

    def give_up_after(self, seconds: float) -> None:
        """A terminal that has not answered for ``seconds``: the member is let go, told the
        reference, and staff are told (``payment_uncertain``). Whatever the terminal says
        later is still carried out (booked when approved); only the member's screen has
        moved on. A terminal adapter bounds ``pay`` itself; this is the kiosk's own limit."""
        waiting = self._waiting
        if waiting is None:
            return
        reference, effect, done, since = waiting
        if (self._clock.now() - since).total_seconds() < seconds:
            return
        self._waiting = None
        fees = tuple(part.fee_id for part in effect.fees)
        why = f"no answer from the terminal in {seconds:.0f} s"
        log.error("payment %s: %s", reference, why)
        self._problem("payment_uncertain", reference, effect.amount, why, fees)
        self._finish(done, effect, Paid.UNCERTAIN, reference, ())
        self._given_up.add(reference)  # what the terminal says later: carried out, not shown

    def reference(self) -> str:
        return make_reference(self._prefix, self._clock.now(), next(self._serial))

    def start(self, effect: Pay, done: Callable[[PaymentFinished], None]) -> str:
        """Take the payment; ``done`` gets how it ended (on the runners' result thread).
        Returns the reference given to the terminal."""
        reference = self.reference()
        self._waiting = (reference, effect, done, self._clock.now())
        amount = effect.amount
        terminal = self._terminal
        fees = tuple(part.fee_id for part in effect.fees)
        written = self._log

        def at_terminal() -> PaymentReply:
            if written is not None:
                try:
                    written.payment_started(reference, amount, fees)
                except Exception as exc:  # not written down: no money is taken
                    log.error("a payment could not be written down: %s", type(exc).__name__)
                    raise TerminalUnreachable("the payment could not be written down") from None
            return terminal.pay(amount.cents, reference, currency=amount.currency)

        def answered(reply: Any) -> None:
            paid = self._terminal_outcome(reply, reference, amount, fees)
            if paid is not None:
                self._ended(reference)
                self._finish(done, effect, paid, reference, ())
                return
            assert isinstance(reply, PaymentReply)
            receipt = reply.receipt
            log.info(
                "payment approved at the terminal: reference %s, %s, %d fee(s)",
                reference,
                amount.format(),
                len(effect.fees),
            )
            self._ils_runner.submit(
                lambda: self._report(effect, reference),
                lambda result: self._finish(
                    done,
                    effect,
                    self._booked_or_told(result, reference, amount, fees),
                    reference,
                    receipt,
                ),
            )

        self._device_runner.submit(at_terminal, answered)
        return reference

    # ------------------------------------------------------------ steps
    def _terminal_outcome(
        self, reply: Any, reference: str, amount: Money, fees: tuple[str, ...]
    ) -> Paid | None:
        """How the terminal's answer ends the payment; None: approved, go on."""
        if isinstance(reply, PaymentReply):
            if reply.approved:
                return None
            if reply.outcome in _DECLINED:
                return _DECLINED[reply.outcome]
            if reply.uncertain:
                self._problem("payment_uncertain", reference, amount, reply.message, fees)
                return Paid.UNCERTAIN
            log.warning("the payment terminal failed: %s", reply.message or "no reason given")
            return Paid.FAILED
        if isinstance(reply, TerminalUnreachable):
            # It could not be reached: the payment never started, nothing was charged.
            log.warning("the payment terminal cannot be reached: %s", reply)
            return Paid.FAILED
        # Anything else broke in the middle: nobody can say whether money was taken.
        why = type(reply).__name__
        log.error("the payment terminal failed during a payment: %s", why)
        self._problem("payment_uncertain", reference, amount, why, fees)
        return Paid.UNCERTAIN

    def _report(self, effect: Pay, reference: str) -> list[_Report]:
        """Each fee paid, to the library system (on the ILS runner). A fee it did not take is
        a problem for staff, written down here before the payment is struck out."""
        out: list[_Report] = []
        count = len(effect.fees)
        for n, part in enumerate(effect.fees):
            ref = fee_reference(reference, n, count)
            try:
                answer: PaymentResult | BaseException = self._ils.pay_fee(
                    effect.card_number, part.fee_id, part.amount, ref
                )
            except Exception as exc:  # kept: the other fees are still reported
                answer = exc
            out.append((part.fee_id, ref, part.amount, answer))
            if isinstance(answer, PaymentResult) and answer.ok:
                continue
            if isinstance(answer, PaymentResult):
                why = answer.outcome.reason.value
                log.warning("the library system refused payment %s: %s", ref, why)
                self._record("payment_refused", ref, part.amount, why, (part.fee_id,))
            else:
                why = type(answer).__name__
                log.error("reporting payment %s failed: %s", ref, why)
                self._record("payment_not_booked", ref, part.amount, why, (part.fee_id,))
        # Each fee is booked, journalled, or a problem for staff now: struck out.
        self._strike(reference)
        return out

    def _strike(self, reference: str) -> None:
        if self._log is None:
            return
        try:
            self._log.payment_ended(reference)
        except Exception as exc:
            log.error("payment %s could not be struck out: %s", reference, type(exc).__name__)

    def _ended(self, reference: str) -> None:
        """The payment ended at the terminal (nothing taken, or staff told): struck out."""
        if self._log is not None:
            self._ils_runner.submit(lambda: self._strike(reference), lambda _: None)

    @staticmethod
    def _booked(result: Any) -> Paid:
        """What the library system made of the reports (problems are written down already)."""
        if not isinstance(result, list):  # the runner itself failed: not a word on it
            return Paid.NEEDS_STAFF
        later = refused = False
        for _fee, _ref, _part, answer in result:
            if isinstance(answer, PaymentResult) and answer.ok:
                later = later or answer.outcome.reason is Reason.PAYMENT_RECORDED_LATER
            else:
                refused = True
        if refused:
            return Paid.NEEDS_STAFF
        return Paid.RECORDED_LATER if later else Paid.RECORDED

    def _finish(
        self,
        done: Callable[[PaymentFinished], None],
        effect: Pay,
        paid: Paid,
        reference: str,
        receipt: tuple[str, ...],
    ) -> None:
        if self._waiting is not None and self._waiting[0] == reference:
            self._waiting = None
        if reference in self._given_up:
            # The member was let go long ago; staff have the conflict. Said in the log only.
            self._given_up.discard(reference)
            log.warning("payment %s ended late at the terminal: %s", reference, paid.value)
            return
        if self._on_event is not None:
            self._on_event(
                "payment",
                {"outcome": paid.value, "reference": reference, "amount": effect.amount.format()},
            )
        done(PaymentFinished(effect.request_id, paid, reference, receipt))

    def _booked_or_told(
        self, result: Any, reference: str, amount: Money, fees: tuple[str, ...]
    ) -> Paid:
        if not isinstance(result, list):  # nothing was written down: staff are told now
            why = type(result).__name__
            log.error("reporting payment %s failed: %s", reference, why)
            self._problem("payment_not_booked", reference, amount, why, fees)
        return self._booked(result)

    def _record(
        self, what: str, reference: str, amount: Money, why: str, fees: tuple[str, ...]
    ) -> None:
        """A problem for staff, written down at once (on the ILS runner's thread)."""
        if self._on_problem is None:
            return
        try:
            self._on_problem(what, reference, amount, why, tuple(f for f in fees if f))
        except Exception as exc:
            log.error("recording payment %s for staff failed: %s", reference, type(exc).__name__)

    def _problem(
        self, what: str, reference: str, amount: Money, why: str, fees: tuple[str, ...]
    ) -> None:
        """:meth:`_record`, on the ILS runner (the journal is a file: never on the GUI
        thread)."""
        if self._on_problem is not None:
            self._ils_runner.submit(
                lambda: self._record(what, reference, amount, why, fees), lambda _: None
            )
