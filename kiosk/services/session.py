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
    Screen,
    SessionEnded,
    SessionMachine,
    SessionView,
    SetInService,
    SetOutOfService,
    Tick,
    Timeouts,
)
from kiosk.domain.types import SystemStatus
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
        status_every: float = 60.0,
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
        # Between sessions the kiosk asks the ILS how it is (a SIP2 connection sends its 99
        # heartbeat this way, on the worker thread): offline -> out of service until it is back.
        self._status_every = status_every
        self._last_status = clock.now()
        self._status_pending = False
        self._offline = False

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
        self._check_status_when_due()

    def _check_status_when_due(self) -> None:
        now = self._clock.now()
        if self._status_pending or (now - self._last_status).total_seconds() < self._status_every:
            return
        if self._machine.view(now).screen not in (Screen.IDLE, Screen.OUT_OF_SERVICE):
            return  # never in a member's way
        self._status_pending = True
        self._last_status = now
        self._runner.submit(self._ils.status, self._on_status)

    def _on_status(self, result: Any) -> None:
        self._status_pending = False
        online = isinstance(result, SystemStatus) and result.online
        if not online and not self._offline:
            why = type(result).__name__ if isinstance(result, BaseException) else "offline"
            log.warning("library system not available between sessions (%s)", why)
            self._offline = True
            if self._machine.view(self._clock.now()).screen is Screen.IDLE:
                self.dispatch(SetOutOfService(reason=Reason.ILS_UNAVAILABLE))
        elif online and self._offline:
            log.info("library system available again")
            self._offline = False
            self.dispatch(SetInService())

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
