"""Drives the real kiosk UI as a finger would, and reads back what is on (and behind) it.

The harness, the soak and the GUI tests all use this one driver on a real :class:`KioskUi`:
QML rendered offscreen, real view-models, real services. It finds items by ``objectName`` or by
their visible text, taps them with real mouse events at their centre (scrolling a Flickable
first, as a finger would), waits for the session's screen to be shown, and walks the whole
object tree (every QML item's text, every model, every view-model property) for what it holds.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.domain.session import Screen
from kiosk.ui.app import KioskUi


class DriverError(AssertionError):
    """What the driver was asked for did not happen: says what, and what was there instead."""


def screen_item_name(screen: str) -> str:
    """``card_entry`` -> ``cardEntryScreen``: the objectName each screen's QML root carries."""
    head, *rest = screen.split("_")
    return head + "".join(part.capitalize() for part in rest) + "Screen"


#: every screen of the session machine and the objectName of its QML root
SCREEN_ITEMS = {screen.value: screen_item_name(screen.value) for screen in Screen}


class UiDriver:
    def __init__(self, ui: KioskUi, *, default_timeout_ms: int = 3000) -> None:
        self.ui = ui
        self.session = ui.session
        self.default_timeout_ms = default_timeout_ms

    # -- finding
    def objects(self) -> Iterator[QObject]:
        yield from item_tree(self.ui.window, self.ui.window.contentItem())

    def find(self, name: str) -> QQuickItem | None:
        for obj in self.objects():
            if isinstance(obj, QQuickItem) and obj.objectName() == name:
                return obj
        return None

    def find_text(self, text: str) -> QQuickItem | None:
        """The visible item showing exactly ``text`` (a button's label, a line of text)."""
        for obj in self.objects():
            if isinstance(obj, QQuickItem) and obj.isVisible():
                shown: object = obj.property("text")
                if shown == text:
                    return obj
        return None

    def item(self, name: str) -> QQuickItem:
        found = self.find(name)
        if found is None:
            raise DriverError(f"no item called {name!r} on the {self.session.screen} screen")
        return found

    def text_of(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def visible_texts(self) -> list[str]:
        return [
            str(obj.property("text"))
            for obj in self.objects()
            if isinstance(obj, QQuickItem) and obj.isVisible() and obj.property("text")
        ]

    def screen(self) -> str:
        """The session's screen, as the view-model shows it."""
        return str(self.session.property("screen"))

    # -- waiting
    def wait(self, ms: int) -> None:
        """Let the event loop run for ``ms`` milliseconds."""
        QTest.qWait(ms)

    def wait_until(
        self, condition: Callable[[], object], timeout: int | None = None, what: str = ""
    ) -> None:
        deadline = time.monotonic() + (timeout or self.default_timeout_ms) / 1000
        while True:
            if condition():
                return
            if time.monotonic() >= deadline:
                raise DriverError(
                    f"timed out after {timeout or self.default_timeout_ms} ms waiting for "
                    f"{what or 'a condition'} (screen: {self.session.screen})"
                )
            QTest.qWait(5)

    def wait_screen(self, screen: str, timeout: int | None = None) -> None:
        """Wait for the session to be on ``screen`` and for QML to show that screen's item."""
        if screen not in SCREEN_ITEMS:
            raise DriverError(f"no screen called {screen!r} (known: {sorted(SCREEN_ITEMS)})")
        self.wait_until(lambda: self.screen() == screen, timeout, f"the {screen} screen")
        loader = self.item("screenLoader")
        expected = SCREEN_ITEMS[screen]

        def shown() -> bool:
            item = loader.property("item")
            return isinstance(item, QObject) and item.objectName() == expected

        self.wait_until(shown, timeout, f"QML to show {expected}")

    # -- touching
    def tap(self, name: str, timeout: int | None = None) -> None:
        """Click the centre of the visible, enabled item called ``name``."""

        def visible() -> bool:
            item = self.find(name)
            return item is not None and item.isVisible()

        self.wait_until(visible, timeout, f"an item called {name!r} to be visible")
        self._click(self.item(name), name)

    def tap_text(self, text: str, timeout: int | None = None) -> None:
        """Click the centre of the visible item that shows ``text``."""
        self.wait_until(
            lambda: self.find_text(text) is not None, timeout, f"something showing {text!r}"
        )
        item = self.find_text(text)
        assert item is not None
        self._click(item, repr(text))

    def _click(self, item: QQuickItem, label: str) -> None:
        if not item.isEnabled():
            raise DriverError(f"{label} is disabled")
        self._scroll_into_view(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def _scroll_into_view(self, item: QQuickItem) -> None:
        """As a finger would scroll first: bring ``item`` into its Flickable's view."""
        parent = item.parentItem()
        while parent is not None and parent.property("contentY") is None:
            parent = parent.parentItem()
        if parent is None:
            return
        content = parent.property("contentItem")
        if not isinstance(content, QQuickItem):
            return
        top = item.mapToItem(content, QPointF(0, 0)).y()
        view = parent.height()
        y = parent.property("contentY")
        if top < y or top + item.height() > y + view:
            most = max(0.0, parent.property("contentHeight") - view)
            parent.setProperty("contentY", min(max(0.0, top - view / 3), most))
            QTest.qWait(20)

    def type_digits(self, prefix: str, digits: str) -> None:
        """Tap ``<prefix>Key<digit>`` for each digit: the card and PIN keypads."""
        for digit in digits:
            self.tap(f"{prefix}Key{digit}")

    # -- what is held
    def all_strings(self) -> list[str]:
        """Every text-like property and model datum in the window and the view-models."""
        # A Loader's previous screen is deleted later; make "later" now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        out: list[str] = []
        roots = [*self.objects(), *item_tree(self.session), *item_tree(self.ui.staff)]
        if self.ui.simulator is not None:
            roots.extend(item_tree(self.ui.simulator))
        for obj in roots:
            out.extend(string_values(obj))
            if isinstance(obj, QAbstractItemModel):
                out.extend(model_values(obj))
            model = obj.property("model") if isinstance(obj, QQuickItem) else None
            if isinstance(model, QAbstractItemModel):
                out.extend(model_values(model))
        return out

    def traces(self, secrets: list[str]) -> list[str]:
        """Those of ``secrets`` still held anywhere in the UI."""
        strings = self.all_strings()
        return [secret for secret in secrets if secret and any(secret in s for s in strings)]

    def screenshot(self, path: Path) -> None:
        """The window as it is drawn now, as a PNG."""
        image = self.ui.window.grabWindow()
        if image.isNull() or not image.save(str(path)):  # PNG, from the suffix
            raise DriverError(f"could not write a screenshot to {path}")


def item_tree(*roots: QObject) -> Iterator[QObject]:
    """Every object below ``roots``, once: QObject children and visual children alike.

    Shiboken can hand back, for a new object, the stale wrapper of something deleted whose
    address the new object reuses: a QML object's own QMetaObject is freed with the object,
    unannounced, while a dead wrapper in a reference cycle still holds its Python wrapper. Such
    a wrapper is of another type (a QMetaObject where an item is), so the object behind it and
    everything below it would be missed. When the walk meets one, it lets Python collect those
    cycles (which releases the stale wrappers) and walks again.
    """
    found, stale = _walk(roots)
    if stale:
        gc.collect()
        found, _ = _walk(roots)
    yield from found


def _walk(roots: tuple[QObject, ...]) -> tuple[list[QObject], bool]:
    seen: set[int] = set()  # C++ addresses: Python wrappers come and go, their id()s repeat
    found: list[QObject] = []
    stale = False
    stack: list[object] = list(roots)
    while stack:
        obj = stack.pop()
        if not isinstance(obj, shiboken6.Shiboken.Object) or not shiboken6.isValid(obj):
            continue  # deleted while the walk runs (a screen the Loader just dropped)
        if not isinstance(obj, QObject):
            stale = True  # every object here came from children() or childItems(): a QObject
            continue
        address = shiboken6.getCppPointer(obj)[0]
        if address in seen:
            continue
        seen.add(address)
        found.append(obj)
        stack.extend(obj.children())
        if isinstance(obj, QQuickItem):
            stack.extend(obj.childItems())
        elif obj.inherits("QQuickItem"):
            stale = True  # an item behind a QObject's wrapper: its visual children are missed
    return found, stale


def string_values(obj: QObject) -> list[str]:
    """Every string-like property value of ``obj``."""
    out: list[str] = []
    meta = obj.metaObject()
    for i in range(meta.propertyCount()):
        prop = meta.property(i)
        if _text(prop.typeName()) not in (
            "QString",
            "QStringList",
            "QVariant",
            "QUrl",
            "QVariantMap",
        ):
            continue
        value: object = obj.property(_text(prop.name()))
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list | tuple):
            out.extend(str(v) for v in value)
        elif isinstance(value, dict):
            out.extend(f"{k}={v}" for k, v in value.items())
        elif value is not None and not isinstance(value, QObject):
            out.append(str(value))
    return out


def _text(name: object) -> str:
    """A meta-object name as text (PySide gives ``str``; its type stubs say ``bytes``)."""
    return bytes(name).decode() if isinstance(name, bytes | bytearray | memoryview) else str(name)


def model_values(model: QAbstractItemModel) -> list[str]:
    out: list[str] = []
    roles = list(model.roleNames()) or [Qt.ItemDataRole.DisplayRole]
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        out.extend(str(model.data(index, role)) for role in roles)
    return out
