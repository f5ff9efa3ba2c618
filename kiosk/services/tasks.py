"""How services run blocking work off the caller's thread.

The UI supplies a runner whose work runs on the ILS worker thread and whose ``done`` callback
comes back on the GUI thread (by a queued signal). Tests and the headless harness use
:class:`InlineRunner` or :class:`QueuedRunner`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

Done = Callable[[Any], None]


class TaskRunner(Protocol):
    def submit(self, work: Callable[[], Any], done: Done) -> None:
        """Run ``work`` elsewhere; call ``done(result_or_exception)`` on the owner's thread."""
        ...


class InlineRunner:
    """Runs work at once on the caller's thread (unit tests, CLI)."""

    def submit(self, work: Callable[[], Any], done: Done) -> None:
        try:
            result: Any = work()
        except Exception as exc:  # handed to the caller, which turns it into an outcome
            result = exc
        done(result)


class QueuedRunner:
    """Holds work until :meth:`run_pending`: lets tests look at the screen while the ILS 'works'."""

    def __init__(self) -> None:
        self._queue: deque[tuple[Callable[[], Any], Done]] = deque()

    def submit(self, work: Callable[[], Any], done: Done) -> None:
        self._queue.append((work, done))

    @property
    def pending(self) -> int:
        return len(self._queue)

    def run_pending(self) -> int:
        ran = 0
        while self._queue:
            work, done = self._queue.popleft()
            InlineRunner().submit(work, done)
            ran += 1
        return ran
