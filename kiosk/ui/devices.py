"""The device bridge: device callbacks (from any thread) -> session events on the GUI thread.

Device ports call back on their own thread (pyscard's monitor thread, a serial reader, or the
caller of a simulator). The bridge only emits a signal there; the queued connection delivers it
on the GUI thread, where it becomes a session event for the controller.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal, Slot

from hardware.codes import CodeKind, CodeRules, classify
from hardware.ports import CardPresented as DeviceCardPresented
from hardware.ports import CodeRead, DeviceSet
from kiosk.domain.session import CardPresented, CardRemoved, CardSource, CodeScanned
from kiosk.services.rfid import pad_event
from kiosk.services.session import SessionController

log = logging.getLogger(__name__)


class DeviceBridge(QObject):
    # card number read from the card on a reader (kept in memory only, never logged)
    cardPresented = Signal(str)
    # the card was taken away; carries nothing
    cardRemoved = Signal()
    # a scanned code (an item barcode or a card number, the session machine decides)
    codeScanned = Signal(str)
    # what lies on the RFID pad now (a tuple of hardware.ports.RfidTag)
    padChanged = Signal(object)

    def __init__(
        self,
        devices: DeviceSet,
        controller: SessionController,
        parent: QObject | None = None,
        *,
        code_rules: CodeRules | None = None,
    ) -> None:
        super().__init__(parent)
        self._devices = devices
        self._controller = controller
        self._rules = code_rules
        # Queued even when a device calls back on the GUI thread (the simulator panel does):
        # a session event then never runs inside the QML handler that caused it.
        queued = Qt.ConnectionType.QueuedConnection
        self.cardPresented.connect(self._on_cardPresented, queued)
        self.cardRemoved.connect(self._on_cardRemoved, queued)
        self.codeScanned.connect(self._on_codeScanned, queued)
        self.padChanged.connect(self._on_padChanged, queued)
        self._started = False

    # ------------------------------------------------------------ lifetime
    def start(self) -> None:
        if self._started:
            return
        if self._devices.card_reader is not None:
            self._devices.card_reader.start(self._card_presented, self._card_removed)
        if self._devices.scanner is not None:
            self._devices.scanner.start(self._code_read)
        if self._devices.rfid is not None:
            self._devices.rfid.start(self.padChanged.emit)
        self._started = True

    def stop(self) -> None:
        if not self._started:
            return
        for device in (self._devices.card_reader, self._devices.scanner, self._devices.rfid):
            if device is None:
                continue
            try:
                device.stop()
            except Exception as exc:  # one device failing to stop must not keep the others
                log.warning("stopping a device failed: %s", type(exc).__name__)
        self._started = False

    # ------------------------------------------------------------ device thread side
    def _card_presented(self, event: DeviceCardPresented) -> None:
        self.cardPresented.emit(event.card_number)

    def _card_removed(self, _reader: str) -> None:
        self.cardRemoved.emit()

    def _code_read(self, event: CodeRead) -> None:
        self.codeScanned.emit(event.code)

    # ------------------------------------------------------------ GUI thread side
    @Slot(str)
    def _on_cardPresented(self, card_number: str) -> None:
        if not self._started:
            return
        self._controller.dispatch(CardPresented(card_number, CardSource.READER))

    @Slot()
    def _on_cardRemoved(self) -> None:
        if not self._started:
            return
        self._controller.dispatch(CardRemoved())

    @Slot(object)
    def _on_padChanged(self, tags: object) -> None:
        if not self._started or not isinstance(tags, tuple):
            return
        self._controller.dispatch(pad_event(tags))

    @Slot(str)
    def _on_codeScanned(self, code: str) -> None:
        if not self._started:
            return  # queued before stop(): the session is no longer listening
        code = code.strip()
        kind = None
        if self._rules is not None:
            result = classify(code, self._rules)
            kind = "unreadable" if not result.ok or result.kind is CodeKind.UNKNOWN else result.kind
        self._controller.dispatch(CodeScanned(code, kind))
