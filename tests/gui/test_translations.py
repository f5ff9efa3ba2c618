"""The kiosk speaks every language it offers, completely, and switches between them live.

The strings are extracted afresh from the code as it is now (QML and the UI's Python) into a
temporary folder and compared with the committed ``resources/translations/kiosk_<code>.ts``:
a new ``qsTr`` without a finished translation in every language fails here, naming the
language, the context and the string (``.venv/bin/python tools/translations.py`` brings it
into the .ts files to translate). The .ts files are compiled into a temporary folder too, so
these tests never depend on a build having run.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import GuiDriver
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import Timeouts
from kiosk.ui import app as app_module
from kiosk.ui import messages
from kiosk.ui.app import KioskUi, UiSettings
from kiosk.ui.i18n import LANGUAGES, RIGHT_TO_LEFT, SOURCE_LANGUAGE, Languages

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    name = "kiosk_translations_tool"
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
SHIPPED = sorted(tool.LANGUAGES)
#: %1 .. %99, their localised %L1 form, and the count %n (%Ln)
PLACEHOLDER = re.compile(r"%L?(?:n|\d{1,2})")

Key = tuple[str, str]


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, Any]:
    """(context, source) -> message of every marked string in the code as it is now."""
    folder = tmp_path_factory.mktemp("extracted")
    tool.update(folder, ["nl"], quiet=True)
    found = {(m.context, m.source): m for m in tool.read_ts(tool.ts_path(folder, "nl"))}
    assert found, "lupdate found no strings at all"
    return found


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[Key, Any]]:
    """Per language: (context, source) -> message of the committed .ts, current ones only."""
    return {
        code: {
            (m.context, m.source): m
            for m in tool.read_ts(tool.ts_path(tool.TRANSLATIONS, code))
            if m.current
        }
        for code in SHIPPED
    }


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts compiled into .qm files, in a folder of their own."""
    folder = tmp_path_factory.mktemp("qm")
    tool.compile_qm(tool.TRANSLATIONS, out=folder, quiet=True)
    return folder


# ---------------------------------------------------------------- (a) complete
def test_every_language_the_kiosk_offers_has_a_translation_file() -> None:
    assert set(SHIPPED) == set(LANGUAGES) - {SOURCE_LANGUAGE}
    for code in SHIPPED:
        ts = tool.ts_path(tool.TRANSLATIONS, code)
        assert ts.is_file(), f"{ts.name} is missing"
        assert tool.ts_language(ts) == tool.LANGUAGES[code], f"{ts.name}: wrong language"


@pytest.mark.parametrize("code", SHIPPED)
def test_every_string_of_the_code_is_translated(
    code: str, extracted: dict[Key, Any], committed: dict[str, dict[Key, Any]]
) -> None:
    translations = committed[code]
    forms = tool.PLURAL_FORMS[code]
    problems: list[str] = []
    for (context, source), wanted in sorted(extracted.items()):
        where = f"[{code}] {context}: {source!r}"
        have = translations.get((context, source))
        if have is None:
            problems.append(f"{where} is not in kiosk_{code}.ts")
        elif not have.finished:
            problems.append(f"{where} is not translated (or still marked unfinished)")
        elif wanted.numerus and (not have.numerus or len(have.forms) != forms):
            problems.append(f"{where} needs {forms} plural forms, has {len(have.forms)}")
    assert not problems, (
        f"{len(problems)} string(s) missing in {code}; run `.venv/bin/python "
        "tools/translations.py` and translate them:\n" + "\n".join(problems)
    )


# ---------------------------------------------------------------- (b) placeholders
@pytest.mark.parametrize("code", SHIPPED)
def test_translations_keep_the_placeholders_of_the_source(
    code: str, committed: dict[str, dict[Key, Any]]
) -> None:
    problems: list[str] = []
    for (context, source), message in sorted(committed[code].items()):
        wanted = Counter(PLACEHOLDER.findall(source))
        for form in message.forms:
            got = Counter(PLACEHOLDER.findall(form))
            if got != wanted:
                problems.append(
                    f"[{code}] {context}: {source!r} -> {form!r} "
                    f"has {sorted(got.elements())}, wants {sorted(wanted.elements())}"
                )
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- (c) loading the .qm
def test_each_compiled_language_changes_the_sentences_and_the_direction(
    qapp: QCoreApplication, compiled: Path
) -> None:
    assert isinstance(qapp, QGuiApplication)
    english = messages.sentence(Reason.UNKNOWN_CARD)
    languages = Languages(compiled, default="nl")
    seen: dict[str, str] = {}
    try:
        for code in SHIPPED:
            assert languages.use(code), f"kiosk_{code}.qm did not load"
            said = messages.sentence(Reason.UNKNOWN_CARD)
            assert said and said != english, f"{code} still says {said!r}"
            assert said not in seen.values(), f"{code} says what another language says"
            seen[code] = said
            rtl = qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert rtl == (code in RIGHT_TO_LEFT), f"{code}: layout right-to-left is {rtl}"
        languages.use(SOURCE_LANGUAGE)
        assert messages.sentence(Reason.UNKNOWN_CARD) == english
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        languages.use(SOURCE_LANGUAGE)


@pytest.mark.parametrize("code", SHIPPED)
def test_the_count_of_pin_attempts_is_said_in_every_plural_form(
    qapp: QCoreApplication, compiled: Path, code: str
) -> None:
    english = {n: messages.sentence(Reason.WRONG_PIN, {"attempts_left": str(n)}) for n in (1, 2)}
    languages = Languages(compiled)
    try:
        assert languages.use(code)
        said = {
            n: messages.sentence(Reason.WRONG_PIN, {"attempts_left": str(n)}) for n in range(32)
        }
    finally:
        languages.use(SOURCE_LANGUAGE)
    for n, text in said.items():
        # an untranslated form would fall back to the English source
        assert "attempts left" not in text.lower(), f"{code}, {n}: {text!r}"
        assert str(n) in text, f"{code}, {n}: the count is missing in {text!r}"
    assert said[1] != english[1] and said[2] != english[2]


# ---------------------------------------------------------------- (d) switching on the screen
@pytest.fixture
def dutch_kiosk(
    qtbot: QtBot,
    qapp: QCoreApplication,
    library,  # type: ignore[no-untyped-def]
    devices: DeviceSet,
    clock: ManualClock,
    timeouts: Timeouts,
    compiled: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[GuiDriver]:
    """A kiosk of a Dutch library, its translations the ones compiled for this test."""

    def languages(folder: Path, default: str = "nl", parent: QObject | None = None) -> Languages:
        return Languages(compiled, default, parent)

    monkeypatch.setattr(app_module, "Languages", languages)
    settings = UiSettings(timeouts=timeouts, language="nl", tick_ms=50)
    ui = KioskUi(library, devices, clock, settings=settings)
    qtbot.waitExposed(ui.window)
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


def test_tapping_a_language_changes_the_start_screen_at_once(
    dutch_kiosk: GuiDriver, committed: dict[str, dict[Key, Any]], qapp: QCoreApplication
) -> None:
    gui = dutch_kiosk
    key = ("IdleScreen", "Tap your library pass")
    title = {code: committed[code][key].forms[0] for code in SHIPPED}
    title[SOURCE_LANGUAGE] = key[1]
    gui.wait_screen("idle")
    assert gui.text_of("idleTitle") == title["nl"]  # the library's own language

    for code in ("de", "nl", "ar", "en", "uk", "nl"):
        gui.tap(f"lang_{code}")
        gui.wait_until(
            lambda code=code: gui.text_of("idleTitle") == title[code],
            what=f"the title in {code} (it says {gui.text_of('idleTitle')!r})",
        )
        assert gui.session.property("language") == code
        rtl = qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert rtl == (code in RIGHT_TO_LEFT)
