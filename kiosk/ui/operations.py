"""The running kiosk's side of operations: monitoring sources, the GUI heartbeat, systemd.

:class:`Operations` ties a :class:`KioskUi` to the :class:`kiosk.ops.monitoring.Monitor` (what it
reads, and the session's views for the failure counts), beats the GUI-thread heartbeat every
second (``/healthz`` notices a stalled GUI thread by its absence) and, under systemd, sends
``READY=1`` once the idle screen is drawn and ``WATCHDOG=1`` from that same GUI timer, so that a
stalled GUI thread gets the service restarted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from kiosk.domain.session import Screen, SessionView
from kiosk.ils.deferred import library_parts
from kiosk.ils.port import LibrarySystem
from kiosk.ops.systemd import Notifier

if TYPE_CHECKING:  # the monitoring (prometheus_client) only when it is on
    from kiosk.ops.monitoring import Monitor, MonitorServer
    from kiosk.ui.app import KioskUi


class Operations:
    def __init__(
        self,
        ui: KioskUi,
        library: LibrarySystem,
        *,
        monitor: Monitor | None = None,
        address: str = "127.0.0.1",
        port: int = 0,
        offline_possible: bool = False,
        notifier: Notifier | None = None,
    ) -> None:
        self.ui = ui
        self.monitor = monitor
        self.notifier = notifier or Notifier()
        self.server: MonitorServer | None = None
        #: written on the GUI thread, read by the monitoring thread (a bool: atomic)
        self._out_of_service = False
        if monitor is not None:
            from kiosk.ops.monitoring import Sources

            def part(which: int) -> Any:
                return library_parts(library)[which]

            def journal_depth() -> int:
                offline = part(0)
                return int(offline.journal.depth()) if offline is not None else 0

            def conflicts() -> int:
                offline = part(0)
                return int(offline.journal.conflict_count()) if offline is not None else 0

            controller = ui.controller
            monitor.sources = Sources(
                counters=lambda: dict(controller.counters),
                devices=lambda: dict(controller.device_health),
                ils_reachable=lambda: getattr(part(1), "reachable", None),
                offline=lambda: bool(getattr(part(0), "offline", False)),
                offline_possible=offline_possible,
                journal_depth=journal_depth,
                conflicts=conflicts,
                out_of_service=lambda: self._out_of_service,
            )
            controller.subscribe(monitor.on_view)
            controller.subscribe(self._note_screen)
            self.server = monitor.serve(address, port)
        every = self.notifier.watchdog_every
        self._timer = QTimer()
        self._timer.setInterval(int(min(1.0, every) * 1000) if every else 1000)
        self._timer.timeout.connect(self._beat)
        self._timer.start()
        ui.after_first_frame.append(self._ready)

    def _ready(self) -> None:
        self.notifier.ready("idle screen shown")

    def _note_screen(self, view: SessionView) -> None:
        self._out_of_service = view.screen is Screen.OUT_OF_SERVICE

    def _beat(self) -> None:
        """On the GUI thread: proof that it runs."""
        if self.monitor is not None:
            self.monitor.gui_alive()
        if self.notifier.watchdog_every:
            self.notifier.watchdog()

    def close(self) -> None:
        self._timer.stop()
        self.notifier.stopping()
        if self.server is not None:
            self.server.close()
