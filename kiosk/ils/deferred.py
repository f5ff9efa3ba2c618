"""A library system built on the ILS worker thread once the window is on the screen.

Opening the embedded library means importing SQLAlchemy and its models: some 300 ms of Python
that a member looking at the kiosk need not wait for. ``kiosk run`` therefore hands the UI a
:class:`DeferredLibrary`: the idle screen is drawn first, then :meth:`open` lets the first call
on the worker thread build the real system. Calls made before that wait (a pass tapped in the
first half second is answered a moment later, never lost); every call goes to the one system
built.

A build that fails with :class:`IlsUnavailable` (the library system not there yet) is tried
again by the next call. Any other failure (a wrong ``[ils]`` setting, a database nobody
initialised, a broken installation) is logged, kept and raised again by every
call and by :meth:`ready`, so that the caller can end the program with the message, as it did
when the library was opened first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.ils.forwarding import ForwardingLibrary
from kiosk.ils.port import IlsUnavailable, LibrarySystem

log = logging.getLogger(__name__)
T = TypeVar("T")

#: how long calls wait for :meth:`DeferredLibrary.open` before building anyway (a window
#: that never paints must not leave the kiosk without its library system)
OPEN_AT_THE_LATEST_S = 3.0


class DeferredLibrary(ForwardingLibrary):
    """A :class:`LibrarySystem` that builds the real one on first use after :meth:`open`."""

    def __init__(
        self,
        build: Callable[[], LibrarySystem],
        *,
        open_at_the_latest_s: float = OPEN_AT_THE_LATEST_S,
    ) -> None:
        self._build = build
        self._latest = open_at_the_latest_s
        self._opened = threading.Event()
        self._lock = threading.Lock()
        self._system: LibrarySystem | None = None
        self._failure: BaseException | None = None

    def open(self) -> None:
        """Let the system be built: the window is on the screen. Called on any thread."""
        self._opened.set()

    @property
    def built(self) -> bool:
        return self._system is not None

    @property
    def system(self) -> LibrarySystem | None:
        """The system built, or None while it is not."""
        return self._system

    @property
    def failure(self) -> BaseException | None:
        """The fatal error the build ended in, if it did."""
        return self._failure

    def ready(self) -> LibrarySystem:
        """The real system, built now if it is not yet (waits for :meth:`open` first)."""
        system = self._system
        if system is not None:
            return system
        self._opened.wait(self._latest)
        with self._lock:
            if self._system is not None:
                return self._system
            if self._failure is not None:
                raise self._failure
            try:
                self._system = self._build()
            except IlsUnavailable as exc:
                log.warning("the library system could not be opened yet: %s", exc)
                raise
            except Exception as exc:
                # A wrong setting or a broken installation: trying again
                # would only fail again, so it is kept, and every call says so.
                log.error("the library system could not be opened: %s", exc)
                self._failure = exc
                raise
            return self._system

    def _forward(self, operation: str, call: Callable[[LibrarySystem], T]) -> T:
        return call(self.ready())


def library_parts(library: LibrarySystem) -> tuple[Any, Any]:
    """(the offline wrapper, the metered library) inside ``library``, each or None."""
    offline = metered = None
    current: Any = library
    for _ in range(6):
        if isinstance(current, DeferredLibrary):
            current = current.system
        if current is None:
            break
        if offline is None and hasattr(current, "journal"):
            offline = current
        if metered is None and hasattr(current, "reachable"):
            metered = current
        current = getattr(current, "inner", None)
    return offline, metered
