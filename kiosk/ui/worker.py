"""The ILS worker thread: the one thread that talks to the library system.

:class:`IlsWorker` implements :class:`kiosk.services.tasks.TaskRunner`. ``submit`` is called on
the GUI thread; the work runs on the worker thread, one item at a time in submission order,
and ``done`` is called back on the GUI thread. Both hops are queued signals, so no ILS,
database or socket call can ever run on the GUI thread (ARCHITECTURE.md, "Threads").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from kiosk.services.tasks import Done

log = logging.getLogger(__name__)


class _ThreadSide(QObject):
    """Lives on the worker thread and runs the work it is handed."""

    # (done callback, result or exception): emitted on the worker thread, received on the GUI
    finished = Signal(object, object)

    @Slot(object, object)
    def _on_submitted(self, work: Callable[[], Any], done: Done) -> None:
        try:
            result: Any = work()
        except Exception as exc:  # handed to ``done``, which turns it into an outcome
            result = exc
        self.finished.emit(done, result)


class IlsWorker(QObject):
    """Runs ILS calls on its own thread; create and use it on the GUI thread."""

    # (work callable, done callback): carries a job from the GUI thread to the worker thread
    submitted = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, name: str = "ils-worker") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._side = _ThreadSide()
        self._side.moveToThread(self._thread)
        # Queued explicitly: the hop between threads is the whole point of this class.
        self.submitted.connect(self._side._on_submitted, Qt.ConnectionType.QueuedConnection)
        self._side.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    def submit(self, work: Callable[[], Any], done: Done) -> None:
        self.submitted.emit(work, done)

    @Slot(object, object)
    def _on_finished(self, done: Done, result: Any) -> None:
        done(result)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Let the current call finish and end the thread; False if it did not end in time."""
        if not self._thread.isRunning():
            return True
        self._thread.quit()
        stopped = self._thread.wait(timeout_ms)
        if not stopped:
            log.warning("the ILS worker thread did not stop within %d ms", timeout_ms)
        return bool(stopped)
