"""systemd's service protocol: readiness and the watchdog (sd_notify, without libsystemd).

Under ``Type=notify`` systemd waits for ``READY=1`` before it calls the kiosk started; with
``WatchdogSec=`` it restarts the kiosk when no ``WATCHDOG=1`` came for that long. The kiosk
sends ``READY=1`` once its idle screen is drawn and ``WATCHDOG=1`` from a timer on the GUI
thread, so a GUI thread that stalls stops the pings and the service is restarted
(packaging/ has the unit). Outside systemd (no ``NOTIFY_SOCKET``) every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, environ: dict[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        if address.startswith("@"):  # an abstract socket
            address = "\0" + address[1:]
        self._address = address
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        mine = not pid or pid == str(os.getpid())
        #: seconds between watchdog pings systemd wants (half its timeout), or None
        self.watchdog_every: float | None = (
            int(usec) / 2_000_000 if usec.isdigit() and int(usec) > 0 and mine else None
        )

    @property
    def active(self) -> bool:
        return bool(self._address)

    def notify(self, *fields: str) -> bool:
        """Send ``KEY=value`` lines; False when there is no systemd to tell."""
        if not self._address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto("\n".join(fields).encode(), self._address)
        except OSError as exc:
            log.warning("systemd notification failed: %s", type(exc).__name__)
            return False
        return True

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")
