"""The member's accessibility switches, the sounds and the spoken guidance, on the real UI.

* Larger text and high contrast switch live from the two buttons on the idle and home
  screens, and go back to the library's defaults (``[accessibility]``) after each session,
  as the language does; a refused card is not the end of a session.
* A success or failure sound for each item lent, refused, returned or renewed, and for errors,
  heard from the session controller without the session knowing.
* Each screen's main instruction, in the member's language, spoken where an engine exists;
  silent, with one log line, where none does. Both start after the first frame.

What a member hears from real Qt Multimedia and a real speech engine, recorded from a
PulseAudio sink, is tested in tests/integration/test_sound_and_speech_real.py (in a process
of its own: Qt Multimedia writes warnings here, where Qt warnings fail a test).

The screens measured (touch targets, layout, contrast) are in test_accessibility_screens.py,
the palette in test_accessibility_contrast.py.
"""

from __future__ import annotations

import logging
import re
import sys
import wave
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from conftest import FakeLibrary, Fixture, GuiDriver, _make_ui
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader, FakeScanner
from hardware.ports import DeviceSet
from kiosk.domain.clock import ManualClock
from kiosk.domain.session import Timeouts
from kiosk.ui import accessibility
from kiosk.ui.accessibility import FAILURE, SUCCESS, Accessibility
from kiosk.ui.app import UiSettings, qml_import_dir, resources_dir

UNKNOWN_ITEM = "3100000000999"
ON_LOAN = "3100000000101"


class RecordingPlayer:
    """Stands in for Qt's sound effects: the sounds asked for, in order."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, kind: str) -> None:
        self.played.append(kind)


class RecordingSpeaker:
    """Stands in for a speech engine: what was said, and in which language."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, language: str) -> None:
        self.said.append((text, language))


def _kiosk(  # type: ignore[no-untyped-def]
    qtbot: QtBot, library, devices, clock, timeouts, **settings
) -> Iterator[GuiDriver]:
    ui = _make_ui(
        qtbot,
        library,
        devices,
        clock,
        settings=UiSettings(timeouts=timeouts, tick_ms=50, **settings),
    )
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


@pytest.fixture
def large_by_default(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library, devices, clock, timeouts
) -> Iterator[GuiDriver]:
    yield from _kiosk(qtbot, library, devices, clock, timeouts, large_text=True)


def _theme_size(gui: GuiDriver) -> int:
    """The height of the switches now: the Theme's compact touch target."""
    return round(gui.item("largeTextButton").height())


# ---------------------------------------------------------------- the two switches
def test_the_switches_change_every_screen_live_and_reset_after_the_session(  # type: ignore[no-untyped-def]
    gui: GuiDriver, reader: FakeCardReader, person: Fixture
) -> None:
    a11y = gui.ui.accessibility
    gui.wait_screen("idle")
    assert (a11y.property("largeText"), a11y.property("highContrast")) == (False, False)
    normal = _theme_size(gui)
    title = gui.item("idleTitle")
    title_size = title.property("font").pixelSize()
    assert gui.text_of("largeTextButton") == "Larger text"

    gui.tap("largeTextButton")
    gui.wait_until(lambda: _theme_size(gui) > normal, what="larger buttons")
    assert _theme_size(gui) == round(normal * 1.35)
    # Body text x1.35; headings, large already, x1.2 (long translations still fit).
    body = gui.item("largeTextButton").property("font").pixelSize()
    assert body == round(22 * 1.35) + 2
    assert title.property("font").pixelSize() == round(title_size * 1.2)
    assert a11y.property("largeText") is True
    # Not by colour alone: the button says it is on.
    assert gui.text_of("largeTextButton") == "\u2713  Larger text"

    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    assert a11y.property("largeText") is True, "the choice lasts the whole session"
    background = gui.item("homeScreen").property("color").name()
    gui.tap("highContrastButton")
    gui.wait_until(lambda: gui.item("homeScreen").property("color").name() != background)
    assert gui.item("homeScreen").property("color").name() == "#ffffff"
    assert a11y.property("highContrast") is True

    gui.tap("doneButton")
    gui.wait_screen("goodbye")
    assert a11y.property("largeText") is True, "still theirs while they take their pass"
    gui.tap("goodbyeNext")
    gui.wait_screen("idle")
    assert (a11y.property("largeText"), a11y.property("highContrast")) == (False, False)
    assert _theme_size(gui) == normal
    assert gui.text_of("largeTextButton") == "Larger text"


def test_a_refused_card_keeps_the_choice_the_person_still_at_the_screen_made(  # type: ignore[no-untyped-def]
    gui: GuiDriver, reader: FakeCardReader
) -> None:
    gui.wait_screen("idle")
    gui.tap("highContrastButton")
    reader.present("2059999999999")
    gui.wait_until(lambda: gui.session.message != "", what="the refusal")
    gui.wait_screen("idle")
    assert gui.ui.accessibility.property("highContrast") is True


def test_the_library_default_is_where_every_session_starts(  # type: ignore[no-untyped-def]
    large_by_default: GuiDriver, reader: FakeCardReader, person: Fixture
) -> None:
    gui = large_by_default
    a11y = gui.ui.accessibility
    gui.wait_screen("idle")
    assert a11y.property("largeText") is True
    large = _theme_size(gui)
    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    gui.tap("largeTextButton")
    gui.wait_until(lambda: _theme_size(gui) < large, what="normal text")
    reader.remove()
    gui.wait_screen("goodbye")
    gui.tap("goodbyeNext")
    gui.wait_screen("idle")
    assert a11y.property("largeText") is True
    assert _theme_size(gui) == large


def test_the_switches_are_only_on_the_idle_and_home_screens(  # type: ignore[no-untyped-def]
    gui: GuiDriver, reader: FakeCardReader, person: Fixture
) -> None:
    def shown() -> bool:
        button = gui.find("largeTextButton")
        return button is not None and button.isVisible()

    gui.wait_screen("idle")
    assert shown()
    gui.tap("typeCardButton")
    gui.wait_screen("card_entry")
    assert not shown()
    gui.tap("cardCancel")
    gui.wait_screen("idle")
    reader.present(person.card)
    gui.wait_screen("pin")
    assert not shown()
    gui.type_digits("pin", person.pin)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    assert shown()


def test_python_sets_the_switches_and_qml_follows(gui: GuiDriver) -> None:
    a11y = gui.ui.accessibility
    seen: list[str] = []
    a11y.largeTextChanged.connect(lambda: seen.append("large"))
    a11y.highContrastChanged.connect(lambda: seen.append("contrast"))
    gui.wait_screen("idle")
    a11y.set_large_text(True)
    a11y.set_large_text(True)  # no change, no signal
    a11y.set_high_contrast(True)
    assert seen == ["large", "contrast"]
    assert gui.text_of("highContrastButton") == "\u2713  High contrast"
    a11y.reset()
    assert seen == ["large", "contrast", "large", "contrast"]
    assert gui.text_of("highContrastButton") == "High contrast"


def test_the_minimum_target_follows_the_configured_screen(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library, devices, clock, timeouts
) -> None:
    # 15 mm on a 10.1" screen at 1280x800 is more than the 80 px the design starts from.
    small = accessibility.minimum_target_px(1280, 800, 10.1)
    assert small > 80
    for gui in _kiosk(qtbot, library, devices, clock, timeouts, screen_diagonal_inch=10.1):
        gui.wait_screen("idle")
        assert gui.ui.accessibility.property("minimumTarget") == small
        assert _theme_size(gui) == small
        assert round(gui.item("lang_en").height()) == small


def test_15_mm_in_pixels() -> None:
    # 1280x800 on 15.6": 1509.4 px over 396.24 mm
    assert accessibility.pixels_per_mm(1280, 800, 15.6) == pytest.approx(3.809, abs=0.001)
    assert accessibility.minimum_target_px(1280, 800, 15.6) == 58
    assert accessibility.minimum_target_px(800, 1280, 15.6) == 58


def test_a_theme_without_a_kiosk_gets_the_defaults(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtQml import QQmlEngine

    engine = QQmlEngine()
    engine.addImportPath(str(qml_import_dir()))
    theme = engine.singletonInstance("Kiosk", "Theme")
    assert theme is not None
    assert theme.property("variant") == "normal"
    assert theme.property("touchTarget") == 80
    engine.deleteLater()


# ---------------------------------------------------------------- sounds
@pytest.fixture
def player(gui: GuiDriver) -> RecordingPlayer:
    recording = RecordingPlayer()
    gui.ui.accessibility.sounds = recording
    return recording


def test_each_item_lent_refused_or_returned_and_each_error_sounds(  # type: ignore[no-untyped-def]
    gui: GuiDriver,
    player: RecordingPlayer,
    reader: FakeCardReader,
    scanner: FakeScanner,
    library: FakeLibrary,
    person: Fixture,
) -> None:
    gui.wait_screen("idle")
    reader.present("2059999999999")  # an unknown card: an error
    gui.wait_until(lambda: player.played == [FAILURE], what="the failure sound")
    gui.wait_until(lambda: gui.session.message != "")

    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    assert player.played == [FAILURE], "a welcome is no news"
    scanner.scan(person.new_item)
    gui.wait_until(lambda: player.played == [FAILURE, SUCCESS], what="lent")
    scanner.scan(UNKNOWN_ITEM)
    gui.wait_until(lambda: player.played == [FAILURE, SUCCESS, FAILURE], what="refused")
    scanner.scan(person.new_item)  # again: the line moves to the end, a result all the same
    gui.wait_until(lambda: len(player.played) == 4, what="lent again")
    assert player.played[-1] == SUCCESS
    scanner.scan(person.fee_item)
    gui.wait_screen("confirm_fee")
    gui.tap("feeNo")  # a question answered no: not an error
    gui.wait_screen("home")
    gui.wait(50)
    assert len(player.played) == 4

    gui.tap("homeReturnButton")
    gui.wait_screen("return")
    scanner.scan(ON_LOAN)
    gui.wait_until(lambda: len(player.played) == 5, what="returned")
    scanner.scan(UNKNOWN_ITEM)
    gui.wait_until(lambda: len(player.played) == 6, what="not returned")
    assert player.played[4:] == [SUCCESS, FAILURE]
    assert library.loans.get(ON_LOAN) is None


def test_sounds_and_speech_start_after_the_first_frame_as_the_library_set_them(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library, devices, clock, timeouts, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, tuple[object, ...]]] = []
    player = RecordingPlayer()

    def sound_player(*args: object) -> RecordingPlayer:
        opened.append(("sounds", args[:3]))
        return player

    def qt_speaker(*args: object) -> None:
        opened.append(("speech", args))

    monkeypatch.setattr(accessibility, "qt_sound_player", sound_player)
    monkeypatch.setattr(accessibility, "qt_speaker", qt_speaker)
    for gui in _kiosk(qtbot, library, devices, clock, timeouts, sounds=True, volume=0.3):
        gui.wait_screen("idle")
        gui.wait_until(lambda: opened != [], what="the sounds opened")
        assert opened == [("sounds", (True, 0.3, resources_dir() / "sounds"))]
        assert gui.ui.accessibility.sounds is player
        assert gui.ui.speech_worker is None  # speech off: no thread, no engine looked for
    opened.clear()
    for gui in _kiosk(qtbot, library, devices, clock, timeouts, sounds=False, speech=True):
        gui.wait_until(lambda: len(opened) == 2, what="sounds and speech opened")
        assert opened[0] == ("sounds", (False, 0.6, resources_dir() / "sounds"))
        assert opened[1] == ("speech", (True,))  # started on the speech thread
        assert gui.ui.accessibility.speaker is None  # no engine was found


def test_without_qtmultimedia_the_kiosk_says_so_once_and_stays_silent(
    caplog: pytest.LogCaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails, as uninstalled
    with caplog.at_level(logging.INFO, "kiosk.ui.accessibility"):
        made = accessibility.qt_sound_player(True, 0.6, tmp_path)
        assert accessibility.qt_sound_player(False, 0.6, tmp_path) is None
    assert made is None
    assert len(caplog.records) == 1
    assert "PySide6.QtMultimedia is not installed" in caplog.records[0].getMessage()


def test_without_qttexttospeech_the_kiosk_says_so_once_and_stays_silent(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    with caplog.at_level(logging.INFO, "kiosk.ui.accessibility"):
        made = accessibility.qt_speaker(True)
        assert accessibility.qt_speaker(False) is None
    assert made is None
    assert len(caplog.records) == 1
    assert re.search(r"speech is on, but .*not installed", caplog.records[0].getMessage())


def test_the_sounds_are_the_kiosks_own_synthesised_tones() -> None:
    folder = resources_dir() / "sounds"
    for kind in (SUCCESS, FAILURE):
        committed = (folder / f"{kind}.wav").read_bytes()
        with wave.open(BytesIO(committed)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, 48000)
            seconds = wav.getnframes() / wav.getframerate()
        assert 0.1 < seconds < 0.6, "short: a cue, not a tune"
        # Made by tone_wav: `python -m kiosk.ui.accessibility` writes them again.
        assert committed == accessibility.tone_wav(kind)
    assert accessibility.tone_wav(SUCCESS) != accessibility.tone_wav(FAILURE)


# ---------------------------------------------------------------- speech
def test_each_screen_has_its_instruction_taken_from_its_own_qml() -> None:
    qml = qml_import_dir() / "Kiosk"
    for screen in (
        "idle",
        "card_entry",
        "pin",
        "identifying",
        "home",
        "confirm_fee",
        "return",
        "receipt",
        "goodbye",
        "out_of_service",
    ):
        sources = accessibility.instruction_sources(screen)
        assert sources, f"nothing to say on {screen}"
        for context, source in sources:
            text = (qml / f"{context}.qml").read_text("utf-8")
            assert f'qsTr("{source}")' in text, f"{context}.qml no longer says {source!r}"
    assert accessibility.instruction("no_such_screen") == ""
    assert accessibility.instruction("idle") == (
        "Tap your library pass. Hold it against the reader, or scan the barcode on the back."
    )
    assert accessibility.instruction("confirm_fee", fee="EUR 1.50").startswith(
        "This item costs EUR 1.50 to borrow."
    )
    assert accessibility.instruction("receipt", receipt_offered=False) == (
        "What you borrowed today."
    )


@pytest.fixture
def speaker(gui: GuiDriver) -> RecordingSpeaker:
    recording = RecordingSpeaker()
    gui.ui.accessibility.speaker = recording
    return recording


def test_where_an_engine_speaks_each_screen_says_what_it_shows(  # type: ignore[no-untyped-def]
    gui: GuiDriver,
    speaker: RecordingSpeaker,
    reader: FakeCardReader,
    scanner: FakeScanner,
    person: Fixture,
) -> None:
    gui.wait_screen("idle")
    gui.tap("lang_nl")
    gui.wait_until(lambda: gui.session.property("language") == "nl", what="Dutch")
    title = gui.text_of("idleTitle")
    assert title != "Tap your library pass", "the Dutch translation is loaded"
    reader.present(person.card)
    gui.wait_screen("pin")
    gui.wait_until(lambda: len(speaker.said) == 2, what="the PIN instruction")
    pin_texts = [text for text in gui.visible_texts() if len(text) > 3]
    gui.type_digits("pin", person.pin)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    scanner.scan(person.fee_item)
    gui.wait_screen("confirm_fee")
    fee_question = gui.text_of("feeQuestion")
    gui.tap("feeNo")
    gui.wait_screen("home")
    gui.tap("doneButton")
    gui.wait_screen("goodbye")
    goodbye = gui.text_of("goodbyeText")

    said = [text for text, _ in speaker.said]
    assert {language for _, language in speaker.said} == {"nl"}
    # identifying, pin, identifying, home, confirm_fee, home, goodbye
    assert len(said) == 7, said
    assert any(said[1].startswith(text) for text in pin_texts), (said[1], pin_texts)
    assert not said[1].startswith("Type your PIN")
    assert said[4].startswith(fee_question)
    assert said[6].startswith(goodbye)


def test_speech_off_is_not_even_looked_for(gui: GuiDriver) -> None:
    assert gui.ui.accessibility.speaker is None


def test_an_accessibility_object_alone_has_the_defaults() -> None:
    alone = Accessibility()
    assert (alone.property("largeText"), alone.property("highContrast")) == (False, False)
    assert alone.property("minimumTarget") == accessibility.minimum_target_px(1280, 800, 15.6)
    alone.set_large_text(True)
    alone.reset()
    assert alone.property("largeText") is False


def test_orientation_sets_the_window(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library, devices: DeviceSet, clock: ManualClock, timeouts: Timeouts
) -> None:
    for gui in _kiosk(qtbot, library, devices, clock, timeouts, orientation="portrait"):
        assert (gui.ui.window.width(), gui.ui.window.height()) == (800, 1280)
