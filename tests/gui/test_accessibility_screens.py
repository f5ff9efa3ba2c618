"""Every screen a member can reach, measured: touch targets of at least 15 mm, layouts that fit
the window in both orientations (normal and large text, every language), and every visible
text's contrast against what it is drawn on (normal and high contrast).

The walk drives the real QML with the harness driver over the fake library (idle with and
without a message, the privacy page, returns, card entry, identifying, PIN with a message, home,
the item keypad, the fee question, the inactivity countdown, receipt, goodbye). At each stop
every visible item is measured:

* touch targets (buttons, MouseAreas, TapHandlers) are at least ``MIN_TARGET_MM`` both ways at
  the configured screen: ``[kiosk] screen_diagonal_inch`` over the window's resolution;
* nothing visible lies outside the window, and no text runs out of it;
* no two buttons overlap, no text runs into a button it is not the label of, no button's
  label is cut short;
* every visible, enabled text has at least 4.5:1 (normal) or 7:1 (high contrast).

``KIOSK_SCREENSHOTS=<folder>`` keeps a PNG of every stop in every variant.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from conftest import FakeLibrary, Fixture, GuiDriver, _make_ui
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot
from test_accessibility_contrast import contrast_ratio

from hardware.fakes import FakeCardReader, FakeScanner
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.harness.driver import item_tree
from kiosk.ui.accessibility import MIN_TARGET_MM, WINDOW_SIZES, pixels_per_mm
from kiosk.ui.app import KioskUi, UiSettings, resources_dir
from kiosk.ui.i18n import LANGUAGES, SOURCE_LANGUAGE

DIAGONAL_INCH = 15.6  # the [kiosk] screen_diagonal_inch default
SLACK = 0.5  # pixels: sub-pixel layout rounding is not a fault


# ---------------------------------------------------------------- looking at the items
def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def label(item: QObject) -> str:
    """How a failure names an item: its objectName and its text."""
    name = item.objectName()
    text = item.property("text") if isinstance(item, QQuickItem) else None
    parts = [repr(name) if name else type(item).__name__]
    if text:
        parts.append(f"text {str(text)!r}")
    return " ".join(parts)


def _shown_part(item: QQuickItem, rect: QRectF) -> QRectF:
    """What of ``rect`` (in the scene) its clipping ancestors let through: a row of a list
    scrolled out of view shows nothing."""
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            rect = rect.intersected(scene_rect(parent))
        parent = parent.parentItem()
    return rect


def _layer(item: QQuickItem) -> str:
    """The layer an item is drawn in: an open popup or the countdown cover a screen on
    purpose, so overlaps are only looked for within one layer."""
    node: QQuickItem | None = item
    while node is not None:
        if node.objectName() == "countdownOverlay":
            return "countdown"
        if node.inherits("QQuickPopupItem"):
            return f"popup:{shiboken6.getCppPointer(node)[0]}"
        node = node.parentItem()
    return "screen"


def _button(obj: QObject) -> bool:
    return isinstance(obj, QQuickItem) and obj.inherits("QQuickAbstractButton")


@dataclass(frozen=True)
class Shown:
    """Every visible item of the window as it is drawn now."""

    items: list[QQuickItem]
    targets: list[QQuickItem]

    @classmethod
    def now(cls, gui: GuiDriver) -> Shown:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        items: list[QQuickItem] = []
        targets: list[QQuickItem] = []
        for obj in item_tree(gui.ui.window, gui.ui.window.contentItem()):
            if isinstance(obj, QQuickItem):
                if not obj.isVisible() or obj.opacity() == 0:
                    continue
                items.append(obj)
                if _button(obj) or (obj.inherits("QQuickMouseArea") and obj.isEnabled()):
                    targets.append(obj)
            elif obj.inherits("QQuickTapHandler"):
                parent = obj.parent()
                if isinstance(parent, QQuickItem) and parent.isVisible():
                    targets.append(parent)
        return cls(items, targets)


def too_small(gui: GuiDriver, where: str, min_px: float, per_mm: float) -> list[str]:
    shown = Shown.now(gui)
    problems = []
    for item in shown.targets:
        drawn = scene_rect(item)  # as drawn: a scaled-down screen has smaller targets
        if drawn.width() + SLACK < min_px or drawn.height() + SLACK < min_px:
            problems.append(
                f"{where}: {label(item)} is {drawn.width() / per_mm:.1f} x "
                f"{drawn.height() / per_mm:.1f} mm, under {MIN_TARGET_MM:g} mm"
            )
    return problems


def _text_extent(item: QQuickItem) -> QRectF:
    """Where a Text's glyphs are drawn: its laid-out text, which may run over its box."""
    return item.mapRectToScene(
        item.boundingRect().united(QRectF(0, 0, item.width(), item.height()))
    )


def layout_faults(gui: GuiDriver, where: str) -> list[str]:
    window = gui.ui.window
    bounds = QRectF(0, 0, window.width(), window.height()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
    shown = Shown.now(gui)
    problems: list[str] = []
    drawn: dict[int, QRectF] = {}  # what is seen of each item, by C++ address
    for item in shown.items:
        if item.width() <= 0 or item.height() <= 0:
            continue
        box = _text_extent(item) if item.inherits("QQuickText") else scene_rect(item)
        part = _shown_part(item, box)
        if part.isEmpty():
            continue
        drawn[shiboken6.getCppPointer(item)[0]] = part
        if not bounds.contains(part):
            problems.append(f"{where}: {label(item)} lies outside the window at {_fmt(part)}")

    def seen(item: QQuickItem) -> QRectF | None:
        return drawn.get(shiboken6.getCppPointer(item)[0])

    buttons = [(b, r) for b in shown.items if _button(b) and (r := seen(b)) is not None]
    for i, (first, first_rect) in enumerate(buttons):
        for second, second_rect in buttons[i + 1 :]:
            if _layer(first) != _layer(second):
                continue
            overlap = first_rect.intersected(second_rect)
            if overlap.width() > SLACK and overlap.height() > SLACK:
                problems.append(f"{where}: {label(first)} overlaps {label(second)}")
    for text in shown.items:
        extent = seen(text) if text.inherits("QQuickText") else None
        if extent is None:
            continue
        owner = text.parentItem()
        if owner is not None and _button(owner) and text.property("truncated"):
            problems.append(f"{where}: the label of {label(owner)} is cut short")
        for button, button_rect in buttons:
            if button is owner or _layer(button) != _layer(text):
                continue
            overlap = extent.intersected(button_rect)
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(
                    f"{where}: the text {text.property('text')!r} runs into {label(button)}"
                )
    return problems


def _backdrop(item: QQuickItem, window_colour: QColor) -> QColor:
    """The colour a text is drawn on: the Rectangles and control backgrounds under it,
    blended by their opacity down to the first opaque one (or the window)."""
    layers: list[QColor] = []
    node = item.parentItem()
    while node is not None:
        under: object = None
        if node.inherits("QQuickControl"):
            background = node.property("background")
            if (
                isinstance(background, QQuickItem)
                and background.isVisible()
                and background.inherits("QQuickRectangle")
            ):
                under = background
        if under is None and node.inherits("QQuickRectangle"):
            under = node
        if isinstance(under, QQuickItem):
            colour = QColor(under.property("color"))
            colour.setAlphaF(colour.alphaF() * under.opacity())
            if colour.alphaF() > 0:
                layers.append(colour)
                if colour.alphaF() >= 0.999:
                    break
        node = node.parentItem()
    result = QColor(window_colour)
    for colour in reversed(layers):
        a = colour.alphaF()
        result = QColor.fromRgbF(
            colour.redF() * a + result.redF() * (1 - a),
            colour.greenF() * a + result.greenF() * (1 - a),
            colour.blueF() * a + result.blueF() * (1 - a),
        )
    return result


def contrast_faults(gui: GuiDriver, where: str, minimum: float) -> list[str]:
    """Every visible, enabled text against what it is drawn on (disabled controls are
    exempt in WCAG, and say so by their faded look)."""
    window_colour = QColor(gui.ui.window.property("color"))
    problems = []
    for text in Shown.now(gui).items:
        if not text.inherits("QQuickText") or not text.property("text") or not text.isEnabled():
            continue
        if _shown_part(text, _text_extent(text)).isEmpty():
            continue
        ratio = contrast_ratio(QColor(text.property("color")), _backdrop(text, window_colour))
        if ratio < minimum:
            problems.append(f"{where}: {label(text)} has {ratio:.2f}:1, under {minimum:g}:1")
    return problems


def _fmt(rect: QRectF) -> str:
    return f"({rect.x():.0f}, {rect.y():.0f}, {rect.width():.0f} x {rect.height():.0f})"


# ---------------------------------------------------------------- the walk
def walk(
    gui: GuiDriver,
    reader: FakeCardReader,
    scanner: FakeScanner,
    library: FakeLibrary,
    clock: ManualClock,
    timeouts: Timeouts,
    person: Fixture,
) -> Iterator[str]:
    """Visits every screen and popup a member reaches; yields a name at each stop."""
    gui.wait_screen("idle")
    yield "idle"
    reader.present("2059999999999")  # unknown: refused, with a message
    gui.wait_until(lambda: gui.session.message != "", what="the refusal")
    gui.wait_screen("idle")
    yield "idle, with a message"

    gui.tap("privacyButton")
    gui.wait_until(lambda: gui.item("privacyClose").isVisible(), what="the privacy page")
    yield "idle, privacy page"
    gui.tap("privacyClose")
    gui.wait_until(lambda: not gui.item("privacyClose").isVisible(), what="the page closed")

    gui.tap("returnButton")
    gui.wait_screen("return")
    scanner.scan("3100000000101")  # on loan: returned
    scanner.scan("3100000000999")  # unknown: refused
    gui.wait_until(lambda: gui.session.returns_model.rowCount() == 2, what="two returns")
    yield "return"
    gui.tap("returnDone")
    gui.wait_screen("receipt")  # something was returned: a receipt is offered
    gui.tap("receiptNo")
    gui.wait_screen("goodbye")
    gui.tap("goodbyeNext")
    gui.wait_screen("idle")

    gui.tap("typeCardButton")
    gui.wait_screen("card_entry")
    gui.type_digits("card", person.card[:6])
    yield "card_entry"
    gui.type_digits("card", person.card[6:])
    library.stall()
    gui.tap("cardKeyOk")
    gui.wait_screen("identifying")
    yield "identifying"
    library.release()
    gui.wait_screen("pin")
    gui.type_digits("pin", "0000")
    gui.tap("pinKeyOk")
    gui.wait_until(lambda: gui.session.message != "", what="wrong PIN")
    gui.wait_screen("pin")
    gui.type_digits("pin", person.pin[:2])
    yield "pin, with a message"
    gui.type_digits("pin", person.pin[2:])
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    gui.wait_until(lambda: gui.session.loans_model.rowCount() == 1, what="the loan left")
    scanner.scan(person.new_item)
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 1, what="a checkout")
    yield "home"

    gui.tap("typeItemButton")
    gui.wait_until(lambda: gui.item("itemCancel").isVisible(), what="the item keypad")
    yield "home, item keypad"
    gui.tap("itemCancel")
    gui.wait_until(lambda: not gui.item("itemCancel").isVisible(), what="the keypad closed")

    scanner.scan(person.fee_item)
    gui.wait_screen("confirm_fee")
    yield "confirm_fee"
    gui.tap("feeYes")
    gui.wait_screen("home")
    gui.wait_until(lambda: gui.session.checkouts_model.rowCount() == 2, what="the fee item")

    clock.advance(timeouts.home - timeouts.warn_before + 1)
    gui.wait_until(lambda: gui.item("stillHereButton").isVisible(), what="the countdown")
    yield "home, countdown"
    gui.tap("stillHereButton")
    gui.wait_until(lambda: not gui.item("countdownOverlay").isVisible())

    gui.tap("doneButton")
    gui.wait_screen("receipt")
    yield "receipt"
    gui.tap("receiptNo")
    gui.wait_screen("goodbye")
    yield "goodbye"
    gui.tap("goodbyeNext")
    gui.wait_screen("idle")


VARIANTS: dict[str, Callable[[KioskUi], None]] = {
    "normal": lambda ui: ui.accessibility.set_large_text(False),
    "large text": lambda ui: ui.accessibility.set_large_text(True),
}
COLOURS: dict[str, Callable[[KioskUi], None]] = {
    "normal": lambda ui: ui.accessibility.set_high_contrast(False),
    "high contrast": lambda ui: ui.accessibility.set_high_contrast(True),
}


@pytest.fixture(params=["landscape", "portrait"])
def oriented(  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    qapp,
    library: FakeLibrary,
    devices: DeviceSet,
    clock: ManualClock,
    timeouts: Timeouts,
) -> Iterator[GuiDriver]:
    settings = UiSettings(
        timeouts=timeouts,
        library_name="Bibliotheek Testdorp",
        tick_ms=50,
        orientation=request.param,
        screen_diagonal_inch=DIAGONAL_INCH,
    )
    ui = _make_ui(qtbot, library, devices, clock, settings=settings)
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


def _check_every_stop(
    gui: GuiDriver,
    reader: FakeCardReader,
    scanner: FakeScanner,
    library: FakeLibrary,
    clock: ManualClock,
    timeouts: Timeouts,
    person: Fixture,
    check: Callable[[str], list[str]],
    variants: dict[str, Callable[[KioskUi], None]] | None = None,
) -> None:
    problems: list[str] = []
    stops: list[str] = []
    shots = os.environ.get("KIOSK_SCREENSHOTS")  # a folder: see what was measured
    for stop in walk(gui, reader, scanner, library, clock, timeouts, person):
        for variant, switch in (variants or VARIANTS).items():
            switch(gui.ui)
            gui.wait(30)  # one frame: bindings and layouts settle
            where = f"{stop} ({variant})"
            problems.extend(check(where))
            if shots:
                window = gui.ui.window
                name = f"{window.width()}x{window.height()} {where}".replace(",", "")
                gui.screenshot(Path(shots) / f"{name.replace(' ', '_')}.png")
        gui.ui.accessibility.reset()
        stops.append(stop)
    assert len(stops) == 13, stops
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the tests
def test_every_touch_target_is_at_least_15_mm_on_every_screen(  # type: ignore[no-untyped-def]
    oriented: GuiDriver, reader, scanner, library, clock, timeouts, person
) -> None:
    window = oriented.ui.window
    width, height = window.width(), window.height()
    orientation = "portrait" if height > width else "landscape"
    assert (width, height) == WINDOW_SIZES[orientation]
    per_mm = pixels_per_mm(width, height, DIAGONAL_INCH)
    min_px = MIN_TARGET_MM * per_mm

    measured: list[float] = []

    def check(where: str) -> list[str]:
        shown = Shown.now(oriented)
        rects = [scene_rect(t) for t in shown.targets]
        measured.extend(min(r.width(), r.height()) / per_mm for r in rects)
        return too_small(oriented, f"{orientation}, {where}", min_px, per_mm)

    _check_every_stop(oriented, reader, scanner, library, clock, timeouts, person, check)
    assert measured and min(measured) >= MIN_TARGET_MM - SLACK / per_mm


def test_every_screen_fits_the_window_without_overlaps(  # type: ignore[no-untyped-def]
    oriented: GuiDriver, reader, scanner, library, clock, timeouts, person
) -> None:
    window = oriented.ui.window
    orientation = "portrait" if window.height() > window.width() else "landscape"

    def check(where: str) -> list[str]:
        return layout_faults(oriented, f"{orientation}, {where}")

    _check_every_stop(oriented, reader, scanner, library, clock, timeouts, person, check)


def test_every_text_on_every_screen_has_enough_contrast(  # type: ignore[no-untyped-def]
    oriented: GuiDriver, reader, scanner, library, clock, timeouts, person
) -> None:
    minimum = {"normal": 4.5, "high contrast": 7.0}

    def check(where: str) -> list[str]:
        variant = where.rsplit("(", 1)[1].rstrip(")")
        return contrast_faults(oriented, where, minimum[variant])

    _check_every_stop(
        oriented, reader, scanner, library, clock, timeouts, person, check, variants=COLOURS
    )


def test_a_small_button_is_named_with_its_screen(  # type: ignore[no-untyped-def]
    oriented: GuiDriver,
) -> None:
    """The check is not blind: a button shrunk below 15 mm is reported by name and screen."""
    gui = oriented
    gui.wait_screen("idle")
    button = gui.item("returnButton")
    button.setProperty("implicitHeight", 40)
    gui.wait(30)
    per_mm = pixels_per_mm(gui.ui.window.width(), gui.ui.window.height(), DIAGONAL_INCH)
    problems = too_small(gui, "idle", MIN_TARGET_MM * per_mm, per_mm)
    assert len(problems) == 1
    assert problems[0].startswith("idle: 'returnButton' text 'Return items' is ")
    assert problems[0].endswith("under 15 mm")


def test_the_layout_check_is_not_blind(oriented: GuiDriver) -> None:
    gui = oriented
    gui.wait_screen("idle")
    gui.wait(30)
    assert layout_faults(gui, "idle") == []
    grid = gui.item("returnButton").parentItem()
    grid.setProperty("rowSpacing", -100)  # the three buttons on top of each other
    grid.setProperty("columnSpacing", -100)
    gui.wait(30)
    problems = layout_faults(gui, "idle")
    assert any(
        "overlaps" in line and "'returnButton'" in line and "'privacyButton'" in line
        for line in problems
    ), problems
    gui.item("privacyButton").setProperty("scale", 20)  # no layout holds it in
    gui.wait(30)
    problems = layout_faults(gui, "idle")
    assert any(
        line.startswith("idle: 'privacyButton' text 'Privacy' lies outside the window")
        for line in problems
    ), problems


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {SOURCE_LANGUAGE}))
def test_every_language_fits_in_both_orientations(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    qapp,
    library: FakeLibrary,
    devices: DeviceSet,
    clock: ManualClock,
    timeouts: Timeouts,
    reader,
    scanner,
    person,
    language: str,
    orientation: str,
) -> None:
    """Translations are longer than English (German, Polish) or run right to left (Arabic):
    the same walk, in the normal and the large variant, finds nothing cut, overlapping or
    outside the window, and every target still 15 mm."""
    if not (resources_dir() / "translations" / f"kiosk_{language}.qm").is_file():
        pytest.skip(f"kiosk_{language}.qm is not built (make translations)")
    settings = UiSettings(
        timeouts=timeouts,
        library_name="Bibliotheek Testdorp",
        tick_ms=50,
        orientation=orientation,
        language=language,
    )
    ui = _make_ui(qtbot, library, devices, clock, settings=settings)
    gui = GuiDriver(qtbot, ui)
    per_mm = pixels_per_mm(ui.window.width(), ui.window.height(), DIAGONAL_INCH)
    try:
        gui.wait_screen("idle")
        assert gui.text_of("idleTitle") != "Tap your library pass", "not translated"

        def check(where: str) -> list[str]:
            where = f"{language}, {orientation}, {where}"
            return layout_faults(gui, where) + too_small(gui, where, MIN_TARGET_MM * per_mm, per_mm)

        _check_every_stop(gui, reader, scanner, library, clock, timeouts, person, check)
    finally:
        library.release()
        ui.close()
