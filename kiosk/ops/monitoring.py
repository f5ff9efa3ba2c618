"""Monitoring: ``/healthz`` and Prometheus ``/metrics`` over HTTP (localhost by default).

:class:`Monitor` gathers, without a member's data (P12):

- counters of the session controller (sessions by how they ended, items lent, returned and
  renewed, receipts), read at each scrape;
- failures by reason code, from the session's views (:class:`kiosk.domain.news.News`);
- the library system's latency per operation (a histogram fed by
  :class:`kiosk.ils.metered.MeteredLibrary`), whether it was reachable last time, and whether
  the kiosk runs offline;
- the offline journal's depth and its conflicts;
- each device's state (ok, degraded, failed) and the receipt printer's paper;
- whether the GUI thread is alive: the UI calls :meth:`Monitor.gui_alive` every second from
  the GUI thread; ``/healthz`` says "stalled" when it has not for ``stall_after`` seconds.

``/healthz`` answers 200 with ``{"status": "ok"}`` (or ``"degraded"``: offline, a device in
trouble) and 503 with ``"failing"`` when the GUI thread stalls or the library system is
unreachable and the kiosk cannot work offline. The server runs on a thread of its own and
reads only snapshots; it never touches Qt.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from hardware.ports import DeviceHealth, Health
from kiosk.domain.news import News
from kiosk.domain.session import SessionView

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_HEALTH_VALUE = {Health.OK: 1.0, Health.DEGRADED: 0.5, Health.FAILED: 0.0}
_PAPER = ("ok", "near_end", "out")


@dataclass(frozen=True, slots=True)
class Sources:
    """What the monitor reads at each scrape, as callables that return snapshots."""

    counters: Callable[[], Mapping[str, int]]
    devices: Callable[[], Mapping[str, DeviceHealth]]
    #: the library system answered the last call (None: not asked yet)
    ils_reachable: Callable[[], bool | None] = lambda: None
    #: the kiosk serves offline now
    offline: Callable[[], bool] = lambda: False
    #: the kiosk may serve offline at all (``[offline] enabled``)
    offline_possible: bool = False
    journal_depth: Callable[[], int] | None = None
    conflicts: Callable[[], int] | None = None
    #: the kiosk shows its out-of-service screen (no library system and no offline use, or
    #: staff put it there)
    out_of_service: Callable[[], bool] = lambda: False


class Monitor:
    def __init__(
        self,
        sources: Sources | None = None,
        *,
        stall_after: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        #: what to read; None until the kiosk is up (``/healthz`` says "starting")
        self.sources = sources
        self._clock = clock
        self._stall_after = stall_after
        self._beat = clock()
        self._news = News()
        self.registry = CollectorRegistry(auto_describe=True)
        self.ils_latency = Histogram(
            "kiosk_ils_latency_seconds",
            "Time the library system took to answer, by operation",
            ["operation"],
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
            registry=self.registry,
        )
        self.ils_unavailable = Counter(
            "kiosk_ils_unavailable",
            "Calls the library system did not answer, by operation",
            ["operation"],
            registry=self.registry,
        )
        self.failures = Counter(
            "kiosk_failures",
            "Things that did not work for a member, by reason code",
            ["reason"],
            registry=self.registry,
        )
        self.registry.register(_Snapshots(self))

    # -- fed by the kiosk
    def observe_ils(self, operation: str, seconds: float, ok: bool) -> None:
        """:class:`kiosk.ils.metered.MeteredLibrary`'s callback (the ILS worker thread)."""
        if ok:
            self.ils_latency.labels(operation).observe(seconds)
        else:
            self.ils_unavailable.labels(operation).inc()

    def on_view(self, view: SessionView) -> None:
        """Each view of the session (GUI thread): count what failed, by reason."""
        for reason in self._news.of(view).failures:
            self.failures.labels(reason.value).inc()

    def gui_alive(self) -> None:
        """Called every second on the GUI thread."""
        self._beat = self._clock()

    # -- read
    def gui_silent_for(self) -> float:
        return self._clock() - self._beat

    def health(self) -> tuple[int, dict[str, Any]]:
        """(HTTP status, body) of ``/healthz``."""
        s = self.sources
        if s is None:
            return 503, {"status": "starting", "problems": ["the kiosk is starting"]}
        problems: list[str] = []
        failing = False
        silent = self.gui_silent_for()
        if silent > self._stall_after:
            problems.append(f"the GUI thread has not answered for {silent:.0f} s")
            failing = True
        reachable = s.ils_reachable()
        offline = s.offline()
        if reachable is False or offline:
            problems.append("the library system cannot be reached")
            if not s.offline_possible:
                failing = True
        out_of_service = s.out_of_service()
        if out_of_service:
            problems.append("the kiosk is out of service")
            failing = True
        devices = s.devices()
        for name, health in sorted(devices.items()):
            if health.state is not Health.OK:
                problems.append(f"{name}: {health.reason}")
        status = "failing" if failing else ("degraded" if problems else "ok")
        body: dict[str, Any] = {
            "status": status,
            "problems": problems,
            "gui_silent_seconds": round(silent, 1),
            "ils_reachable": reachable,
            "offline": offline,
            "out_of_service": out_of_service,
            "devices": {name: h.state.value for name, h in sorted(devices.items())},
        }
        if s.journal_depth is not None:
            body["journal_depth"] = s.journal_depth()
        if s.conflicts is not None:
            body["conflicts"] = s.conflicts()
        return (503 if failing else 200), body

    def metrics(self) -> bytes:
        return generate_latest(self.registry)

    # -- serve
    def serve(self, address: str = "127.0.0.1", port: int = 9464) -> MonitorServer:
        return MonitorServer(self, address, port)


class _Snapshots(Collector):
    """The gauges and counters read from the kiosk at scrape time."""

    def __init__(self, monitor: Monitor) -> None:
        self._m = monitor

    def describe(self) -> list[Metric]:
        return []  # read at collect time only

    def collect(self) -> Iterator[Metric]:
        s = self._m.sources
        if s is None:
            return
        counters = dict(s.counters())
        sessions = CounterMetricFamily(
            "kiosk_sessions_ended", "Member sessions since start, by how they ended", labels=["how"]
        )
        for key, value in sorted(counters.items()):
            if key.startswith("sessions_"):
                sessions.add_metric([key.removeprefix("sessions_")], value)
        yield sessions
        for key, help_text in (
            ("items_checked_out", "Items lent since start"),
            ("items_returned", "Items returned since start"),
            ("items_renewed", "Items renewed since start"),
            ("receipts_printed", "Receipts printed since start"),
            ("receipts_emailed", "Receipts e-mailed since start"),
        ):
            yield CounterMetricFamily(f"kiosk_{key}", help_text, value=counters.get(key, 0))
        reachable = s.ils_reachable()
        yield GaugeMetricFamily(
            "kiosk_ils_up",
            "1 when the library system answered the last call",
            value=1.0 if reachable else 0.0,
        )
        yield GaugeMetricFamily(
            "kiosk_offline", "1 while the kiosk serves offline", value=1.0 if s.offline() else 0.0
        )
        if s.journal_depth is not None:
            yield GaugeMetricFamily(
                "kiosk_journal_depth",
                "Offline transactions waiting to be passed on",
                value=s.journal_depth(),
            )
        if s.conflicts is not None:
            yield GaugeMetricFamily(
                "kiosk_journal_conflicts",
                "Offline transactions the library system refused, for staff",
                value=s.conflicts(),
            )
        devices = GaugeMetricFamily(
            "kiosk_device_health", "1 ok, 0.5 degraded, 0 failed", labels=["device"]
        )
        paper = GaugeMetricFamily(
            "kiosk_printer_paper", "1 for the receipt printer's paper state", labels=["state"]
        )
        health = dict(s.devices())
        for name, h in sorted(health.items()):
            devices.add_metric([name], _HEALTH_VALUE[h.state])
        yield devices
        printer = health.get("printer")
        if printer is not None:
            now = _paper_state(printer)
            for state in _PAPER:
                paper.add_metric([state], 1.0 if state == now else 0.0)
        yield paper


def _paper_state(printer: DeviceHealth) -> str:
    condition = printer.condition
    if condition == "paper_out":
        return "out"
    if condition == "paper_near_end":
        return "near_end"
    return "ok"


class MonitorServer:
    """``/healthz`` and ``/metrics`` on a thread of its own; :meth:`close` stops it."""

    def __init__(self, monitor: Monitor, address: str, port: int) -> None:
        handler = _handler(monitor)
        self._http = ThreadingHTTPServer((address, port), handler)
        self._http.daemon_threads = True
        self.address, self.port = self._http.server_address[:2]
        self._thread = threading.Thread(
            target=self._http.serve_forever, name="monitoring", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(5)


def _handler(monitor: Monitor) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "library-kiosk"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._send(200, monitor.metrics(), CONTENT_TYPE)
            elif path == "/healthz":
                status, body = monitor.health()
                self._send(status, json.dumps(body).encode(), "application/json")
            else:
                self._send(404, b"not found: try /healthz or /metrics\n", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # scrapes every few seconds would flood the log

    return Handler
