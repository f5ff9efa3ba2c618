"""Every colour pair the Theme draws text with, measured on the real Theme singleton.

WCAG 2.x contrast: at least 4.5:1 in the normal variant (AA for body text) and 7:1 in high
contrast (AAA). The colours are read at runtime from ``Theme.qml`` as QML builds it, switched
through the real ``Accessibility`` singleton: no copy of the palette lives here. The screens
themselves are measured too (every visible text against what it is drawn on):
test_accessibility_screens.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlEngine

from kiosk.ui.accessibility import Accessibility
from kiosk.ui.app import qml_import_dir

#: what each text colour is drawn on somewhere in the QML: (text, background) Theme names
TEXT_PAIRS: dict[str, tuple[str, str]] = {
    "text on background": ("text", "background"),
    "text on surface": ("text", "surface"),
    "muted text on background": ("mutedText", "background"),
    "muted text on surface": ("mutedText", "surface"),
    "library name (accent) on background": ("accent", "background"),
    "quiet button label on surface": ("accent", "surface"),
    "quiet button label, pressed": ("accent", "accentSoft"),
    "button label on accent": ("textOnAccent", "accent"),
    "button label on pressed accent": ("textOnAccent", "accentPressed"),
    "busy message on its dark pill": ("textOnAccent", "text"),
    "success on its soft background": ("success", "successSoft"),
    "notice on its soft background": ("notice", "noticeSoft"),
    "danger on its soft background": ("danger", "dangerSoft"),
    "text on success soft": ("text", "successSoft"),
    "text on notice soft": ("text", "noticeSoft"),
    "text on danger soft": ("text", "dangerSoft"),
    "muted text on danger soft": ("mutedText", "dangerSoft"),
    "renewal note, success, on an overdue row": ("success", "dangerSoft"),
    "renewal note, notice, on an overdue row": ("notice", "dangerSoft"),
    "renewal note, success, on background": ("success", "background"),
    "renewal note, notice, on background": ("notice", "background"),
    "hold status, muted, on background": ("mutedText", "background"),
}

MINIMUM = {"normal": 4.5, "high-contrast": 7.0}


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.red())
        + 0.7152 * linear(color.green())
        + 0.0722 * linear(color.blue())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def theme(qapp: QCoreApplication) -> Iterator[tuple[QObject, Accessibility]]:
    """The real Theme singleton in an engine of its own, with the switch that drives it."""
    engine = QQmlEngine()
    engine.addImportPath(str(qml_import_dir()))
    switch = Accessibility()
    switch.provide(engine)
    instance = engine.singletonInstance("Kiosk", "Theme")
    assert isinstance(instance, QObject), "Theme.qml did not load"
    try:
        yield instance, switch
    finally:
        engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _colour(theme: QObject, name: str) -> QColor:
    value = theme.property(name)
    assert isinstance(value, QColor) and value.isValid(), f"Theme.{name} is not a colour"
    assert value.alpha() == 255, f"Theme.{name} is see-through: text pairs need opaque colours"
    return value


def ratios(theme: QObject) -> dict[str, float]:
    return {
        name: contrast_ratio(_colour(theme, fg), _colour(theme, bg))
        for name, (fg, bg) in TEXT_PAIRS.items()
    }


@pytest.mark.parametrize(("variant", "high_contrast"), [("normal", False), ("high-contrast", True)])
@pytest.mark.parametrize("large_text", [False, True])
def test_every_text_colour_pair_has_enough_contrast(
    theme: tuple[QObject, Accessibility], variant: str, high_contrast: bool, large_text: bool
) -> None:
    instance, switch = theme
    switch.set_high_contrast(high_contrast)
    switch.set_large_text(large_text)
    assert instance.property("highContrast") is high_contrast
    measured = ratios(instance)
    low = {name: ratio for name, ratio in measured.items() if ratio < MINIMUM[variant]}
    assert not low, f"{variant}: under {MINIMUM[variant]}:1: " + ", ".join(
        f"{name} {ratio:.2f}:1" for name, ratio in sorted(low.items())
    )


def test_the_variants_switch_live_and_high_contrast_is_higher_everywhere(
    theme: tuple[QObject, Accessibility],
) -> None:
    instance, switch = theme
    normal = ratios(instance)
    body = instance.property("bodySize")
    target = instance.property("touchTarget")
    switch.set_high_contrast(True)
    assert instance.property("variant") == "high-contrast"
    high = ratios(instance)
    assert all(high[name] >= normal[name] for name in TEXT_PAIRS), {
        name: (round(normal[name], 2), round(high[name], 2))
        for name in TEXT_PAIRS
        if high[name] < normal[name]
    }
    switch.set_large_text(True)
    assert instance.property("variant") == "large-high-contrast"
    assert instance.property("bodySize") == round(body * 1.35)
    assert instance.property("touchTarget") == round(target * 1.35)
    switch.set_high_contrast(False)
    switch.set_large_text(False)
    assert instance.property("variant") == "normal"
    assert ratios(instance) == normal


def test_the_contrast_formula_matches_wcag() -> None:
    black, white = QColor("#000000"), QColor("#FFFFFF")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    # WCAG's own example of the AA limit: #767676 on white is 4.54:1
    assert contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)
