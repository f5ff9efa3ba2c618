"""A library system whose every call is timed: for the metrics and the staff screen.

:class:`MeteredLibrary` passes each call of the :class:`LibrarySystem` port through and tells
``observe(operation, seconds, ok)`` how long it took and whether the library system answered
(``ok`` is False only for :class:`IlsUnavailable`: a refusal is an answer). It keeps the last
latency and whether the last call reached the library system, for staff.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.ils.forwarding import ForwardingLibrary
from kiosk.ils.port import IlsUnavailable, LibrarySystem

Observe = Callable[[str, float, bool], None]
T = TypeVar("T")


class MeteredLibrary(ForwardingLibrary):
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

    def _forward(self, operation: str, call: Callable[[LibrarySystem], T]) -> T:
        return self._timed(operation, lambda: call(self.inner))
