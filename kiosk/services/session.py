"""Drives the domain session machine and carries out its effects against the ports."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from typing import Any

from kiosk.domain.clock import Clock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CheckOut,
    Effect,
    EndIlsSession,
    Event,
    Identify,
    IlsFailed,
    IlsReplied,
    LoadSummary,
    SessionEnded,
    SessionMachine,
    SessionView,
    Tick,
    Timeouts,
)
from kiosk.ils.port import IlsUnavailable, LibrarySystem
from kiosk.services.tasks import TaskRunner

log = logging.getLogger(__name__)


class SessionController:
    """One per kiosk. Call :meth:`dispatch` on the owner (GUI) thread only."""

    def __init__(
        self,
        ils: LibrarySystem,
        clock: Clock,
        runner: TaskRunner,
        *,
        timeouts: Timeouts | None = None,
        in_service: bool = True,
        on_change: Callable[[SessionView], None] | None = None,
    ) -> None:
        self._ils = ils
        self._clock = clock
        self._runner = runner
        self._machine = SessionMachine(timeouts, in_service=in_service)
        self._listeners: list[Callable[[SessionView], None]] = []
        if on_change is not None:
            self._listeners.append(on_change)
        #: anonymous counters for staff (P12): how sessions ended, items lent
        self.counters: Counter[str] = Counter()

    @property
    def machine(self) -> SessionMachine:
        return self._machine

    def subscribe(self, listener: Callable[[SessionView], None]) -> None:
        self._listeners.append(listener)

    def view(self) -> SessionView:
        return self._machine.view(self._clock.now())

    def dispatch(self, event: Event) -> None:
        effects = self._machine.handle(event, self._clock.now())
        for effect in effects:
            self._carry_out(effect)
        self._publish()

    def tick(self) -> None:
        self.dispatch(Tick())

    # ------------------------------------------------------------ effects
    def _carry_out(self, effect: Effect) -> None:
        ils = self._ils
        if isinstance(effect, Identify):
            card, pin, rid = effect.card_number, effect.pin, effect.request_id
            self._runner.submit(lambda: ils.identify(card, pin), self._reply_to(rid))
        elif isinstance(effect, LoadSummary):
            card, rid = effect.card_number, effect.request_id
            self._runner.submit(lambda: ils.member_summary(card), self._reply_to(rid))
        elif isinstance(effect, CheckOut):
            card, item, ack, rid = (
                effect.card_number,
                effect.item_id,
                effect.fee_acknowledged,
                effect.request_id,
            )
            self._runner.submit(
                lambda: ils.check_out(card, item, fee_acknowledged=ack), self._reply_to(rid)
            )
        elif isinstance(effect, EndIlsSession):
            card = effect.card_number
            self._runner.submit(lambda: ils.end_session(card), self._ignore)
        elif isinstance(effect, SessionEnded):
            self.counters[f"sessions_{effect.how.value}"] += 1
            self.counters["items_checked_out"] += effect.checkouts
            log.info("session ended", extra={"how": effect.how.value, "items": effect.checkouts})

    def _reply_to(self, request_id: int) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            if isinstance(result, IlsUnavailable):
                log.warning("library system unavailable: %s", result)
                self.dispatch(IlsFailed(request_id, Reason.ILS_UNAVAILABLE))
            elif isinstance(result, BaseException):
                # The type only: an exception text may carry a card number.
                log.error("library system call failed: %s", type(result).__name__)
                self.dispatch(IlsFailed(request_id, Reason.ILS_ERROR))
            else:
                self.dispatch(IlsReplied(request_id, result))

        return done

    def _ignore(self, result: Any) -> None:
        if isinstance(result, BaseException):
            log.warning("ending the ILS session failed: %s", type(result).__name__)

    def _publish(self) -> None:
        view = self.view()
        for listener in self._listeners:
            listener(view)
