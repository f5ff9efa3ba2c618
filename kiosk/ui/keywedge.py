"""Keyboard-wedge scanners read from the window's key events: the fallback when the scanner is
neither a serial port nor an input device the kiosk can grab.

A USB scanner in keyboard mode types each code as keystrokes and presses Enter. At a kiosk no
one else types on a keyboard (the keypads are on the screen), so with ``[devices] scanner =
"keyboard"`` every key event of the window is taken as scanner input and consumed: the
characters of a burst are collected, Enter passes the code on, a pause longer than
``gap_ms`` between keys (a person, or a broken scan) drops what was collected. The code is
never logged.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyWedge(QObject):
    """An event filter for the kiosk window; ``on_code`` gets each complete code."""

    def __init__(
        self,
        on_code: Callable[[str], None],
        *,
        gap_ms: int = 200,
        max_length: int = 64,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_code = on_code
        self._gap = gap_ms / 1000
        self._max = max_length
        self._clock = clock
        self._buffer: list[str] = []
        self._last = 0.0
        self._broken = False
        #: the key events' own timestamps (ms) are used when they carry one; tests that drive
        #: the filter with a clock of their own turn this off
        self._use_timestamps = clock is time.monotonic
        self.rejected = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyRelease:
            return True
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # When the key was typed (the event's own time), not when the GUI got round to it: a busy
        # GUI thread must not split one scan in two.
        stamp = event.timestamp()
        now = stamp / 1000 if stamp and self._use_timestamps else self._clock()
        if self._buffer and now - self._last > self._gap:
            self._drop()
            self._broken = True  # the rest of this burst is not a code either
        self._last = now
        if event.key() in _ENTER:
            code = "".join(self._buffer).strip()
            self._buffer.clear()
            broken, self._broken = self._broken, False
            if code and not broken:
                self._on_code(code)
            return True
        text = event.text()
        if len(text) == 1 and text.isprintable():
            self._buffer.append(text)
            if len(self._buffer) > self._max:
                self._drop()
        return True

    def _drop(self) -> None:
        if self._buffer:
            self.rejected += 1
        self._buffer.clear()
