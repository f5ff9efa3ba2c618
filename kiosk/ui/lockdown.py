"""Lockdown: no way out of the kiosk for a member.

On an installed kiosk (``UiSettings.lockdown``) the window has no frame and cannot be closed
from outside (a close request from the compositor or a key combination is refused: the kiosk
ends only by its own doing, a restart by staff or systemd), and the key combinations that quit,
close, switch or kill are swallowed before they reach anything: Alt+F4, Ctrl+Q, Ctrl+W,
Alt+Tab, Alt+Escape, Ctrl+Alt+Backspace, Ctrl+Alt+Delete, the Super key and F11. A member
types on the screen's own keypads; a keyboard-wedge scanner types plain keys. The kiosk session
(cage, a Wayland compositor for one program) has no task switcher and no other programs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

log = logging.getLogger(__name__)

_Mod = Qt.KeyboardModifier
_K = Qt.Key

#: (modifiers, key) swallowed; modifiers compared without the keypad flag
BLOCKED: frozenset[tuple[int, int]] = frozenset(
    {
        (_Mod.AltModifier.value, _K.Key_F4.value),
        (_Mod.ControlModifier.value, _K.Key_Q.value),
        (_Mod.ControlModifier.value | _Mod.ShiftModifier.value, _K.Key_Q.value),
        (_Mod.ControlModifier.value, _K.Key_W.value),
        (_Mod.AltModifier.value, _K.Key_Tab.value),
        (_Mod.AltModifier.value | _Mod.ShiftModifier.value, _K.Key_Backtab.value),
        (_Mod.AltModifier.value, _K.Key_Escape.value),
        (_Mod.ControlModifier.value | _Mod.AltModifier.value, _K.Key_Backspace.value),
        (_Mod.ControlModifier.value | _Mod.AltModifier.value, _K.Key_Delete.value),
        (_Mod.NoModifier.value, _K.Key_F11.value),
    }
)
_SUPER = frozenset({_K.Key_Super_L.value, _K.Key_Super_R.value, _K.Key_Meta.value})


class Lockdown(QObject):
    """An event filter on the kiosk's window (module doc)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: what was refused, for tests and the log: ("close", "") or ("key", "Alt+F4")
        self.refused: list[tuple[str, str]] = []
        self._leaving = False

    def let_go(self) -> None:
        """The kiosk itself closes its window now (shutting down)."""
        self._leaving = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and not self._leaving:
            event.ignore()
            self.refused.append(("close", ""))
            log.info("a request to close the kiosk's window was refused")
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            modifiers = event.modifiers().value & ~_Mod.KeypadModifier.value
            if (modifiers, key) in BLOCKED or key in _SUPER:
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    self.refused.append(("key", f"{modifiers:#x}+{key:#x}"))
                return True
        return False
