"""Lockdown (``kiosk.ui.lockdown``): on an installed kiosk a member cannot get out. The window
has no frame; a request to close it is refused; Alt+F4, Ctrl+Q and the other quitting or
switching keys are swallowed, on the idle screen and in a member's session alike, and the
session goes on as if nothing was pressed. The demo's window (no lockdown) closes as any."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hardware.fakes import FakeCardReader

KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
]


@pytest.mark.parametrize("extra_settings", [{"lockdown": True}])
def test_no_key_and_no_close_request_gets_a_member_out(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, person
) -> None:
    window = gui.ui.window
    lockdown = gui.ui.lockdown
    assert lockdown is not None
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    gui.wait_screen("idle")
    for screen in ("idle", "home"):
        if screen == "home":
            reader.present(person.no_pin_card)
            gui.wait_screen("home")
        for key, modifiers in KEYS:
            QTest.keyClick(window, key, modifiers)
        assert window.close() is False  # as the compositor asks it to
        gui.wait(50)
        assert window.isVisible() and gui.session.screen == screen
    assert [what for what, _ in lockdown.refused].count("key") == 2 * len(KEYS)
    assert [what for what, _ in lockdown.refused].count("close") == 2


def test_the_demo_window_has_its_frame_and_closes(gui) -> None:  # type: ignore[no-untyped-def]
    assert gui.ui.lockdown is None
    assert not gui.ui.window.flags() & Qt.WindowType.FramelessWindowHint
