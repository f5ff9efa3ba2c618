"""Accessibility at the kiosk: larger text, high contrast, sounds and spoken guidance.

:class:`Accessibility` is a QML singleton in ``Kiosk.Models``. The Theme singleton reads its
``largeText`` and ``highContrast`` (so every screen follows a switch at once), the toggle
buttons write them, and Python sets them with :meth:`Accessibility.set_large_text` and
:meth:`Accessibility.set_high_contrast`. A member's choice lasts for their session: once the
kiosk is back at its start screen it returns to the library's defaults (``[accessibility]``),
as the language does.

It also listens to the session, without the session knowing: a short sound for each item lent,
refused, returned or renewed and for each error, and, where a speech engine is installed, the
screen's main instruction spoken aloud. Both come from PySide6-Addons (QtMultimedia,
QtTextToSpeech) and start after the first frame (:meth:`Accessibility.open_output`), the speech
engine on a thread of its own; without a module, an audio output or an engine the kiosk says so
in one log line and carries on silently.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal
from PySide6.QtQml import QJSEngine, QmlElement, QmlSingleton, QQmlEngine

from kiosk.domain.news import News
from kiosk.domain.session import SessionView
from kiosk.services.session import SessionController
from kiosk.services.tasks import TaskRunner
from kiosk.ui.viewmodels import SessionViewModel

if TYPE_CHECKING:  # an add-on module: maybe not installed (see qt_sound_player)
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1

#: the smallest touch target a member is asked to hit, in millimetres on the glass
MIN_TARGET_MM = 15.0
#: the window for each ``[kiosk] orientation``, in pixels
WINDOW_SIZES: dict[str, tuple[int, int]] = {"landscape": (1280, 800), "portrait": (800, 1280)}
#: the two sounds, as ``<kind>.wav`` in ``resources/sounds``
SUCCESS, FAILURE = "success", "failure"
#: the screen the design is drawn for, ``[kiosk] screen_diagonal_inch``'s default
DEFAULT_DIAGONAL_INCH = 15.6

# The engine property through which QML's singleton finds the kiosk's own instance.
_ENGINE_PROPERTY = "kioskAccessibility"


def pixels_per_mm(width: int, height: int, diagonal_inch: float) -> float:
    """Pixels per millimetre of a screen showing ``width`` x ``height`` on its diagonal."""
    return math.hypot(width, height) / (diagonal_inch * 25.4)


def minimum_target_px(width: int, height: int, diagonal_inch: float) -> int:
    """:data:`MIN_TARGET_MM` in whole pixels on that screen (rounded up)."""
    return math.ceil(MIN_TARGET_MM * pixels_per_mm(width, height, diagonal_inch))


@dataclass(frozen=True, slots=True)
class Output:
    """``[accessibility]``'s sounds and speech: what :meth:`Accessibility.open_output` starts."""

    sounds: bool
    volume: float
    speech: bool
    folder: Path


# ---------------------------------------------------------------- sounds
class SoundPlayer(Protocol):
    def play(self, kind: str) -> None: ...


class _QtSoundPlayer:
    """QSoundEffect per sound: short uncompressed WAVs, played with low latency."""

    def __init__(self, effects: dict[str, QSoundEffect]) -> None:
        self._effects = effects

    def play(self, kind: str) -> None:
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()


def qt_sound_player(
    enabled: bool, volume: float, folder: Path, parent: QObject | None = None
) -> SoundPlayer | None:
    """Qt's sound effects on the two WAVs in ``folder``, or None (one log line says why)."""
    if not enabled:
        return None
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:  # not installed, or its libraries (libpulse) are missing
        log.warning(
            "[accessibility] sounds are on, but PySide6.QtMultimedia is not installed "
            "(it comes with PySide6-Addons, and needs libpulse0): the kiosk stays silent (%s)",
            exc,
        )
        return None
    if not QMediaDevices.audioOutputs():
        log.warning("[accessibility] sounds are on, but there is no audio output: no sounds")
        return None
    effects: dict[str, QSoundEffect] = {}
    for kind in (SUCCESS, FAILURE):
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(str(folder / f"{kind}.wav")))
        effect.setVolume(volume)
        effects[kind] = effect
    return _QtSoundPlayer(effects)


class SoundCues:
    """Decides, from each new :class:`SessionView`, whether a success or a failure sounds.

    Several results at once (renew all) make one sound: failure if any failed. A new error
    message without a new result sounds as a failure. What is new is :class:`News`'s rule.
    """

    def __init__(self) -> None:
        self._news = News()

    def cue(self, view: SessionView) -> str | None:
        """The sound for ``view`` after the previous one, or None."""
        fresh = self._news.of(view)
        if fresh.failures:
            return FAILURE
        return SUCCESS if fresh.results else None


def tone_wav(kind: str, rate: int = 48000) -> bytes:
    """The kiosk's own two sounds, synthesised: no recording, nobody else's audio.

    Success: two short rising notes (G5, C6). Failure: two longer falling low notes (E4, C4).
    They differ in pitch, direction and length, so neither depends on hearing pitch well.
    16-bit stereo at 48 kHz: what every audio output takes as it is (QSoundEffect plays only
    formats the device supports).
    """
    notes = {
        SUCCESS: ((784.0, 0.09), (0.0, 0.03), (1046.5, 0.13)),
        FAILURE: ((329.6, 0.16), (0.0, 0.06), (261.6, 0.24)),
    }[kind]
    fade = int(0.008 * rate)  # no clicks: 8 ms in and out of every note
    samples: list[int] = []
    for frequency, seconds in notes:
        count = int(seconds * rate)
        for n in range(count):
            if frequency == 0.0:
                samples.append(0)
                continue
            envelope = min(1.0, n / fade, (count - 1 - n) / fade)
            phase = 2 * math.pi * frequency * n / rate
            # A little second harmonic carries better on a kiosk's small speaker.
            value = 0.8 * math.sin(phase) + 0.2 * math.sin(2 * phase)
            samples.append(round(0.45 * 32767 * envelope * value))
    stereo = [sample for sample in samples for _ in (0, 1)]
    out = BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(struct.pack(f"<{len(stereo)}h", *stereo))
    return out.getvalue()


def write_sounds(folder: Path) -> list[Path]:
    """(Re)write ``success.wav`` and ``failure.wav`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in (SUCCESS, FAILURE):
        path = folder / f"{kind}.wav"
        path.write_bytes(tone_wav(kind))
        written.append(path)
    return written


# ---------------------------------------------------------------- speech
class Speaker(Protocol):
    def say(self, text: str, language: str) -> None: ...


class _QtSpeaker:
    def __init__(self, engine: QObject) -> None:
        self._engine = engine

    def say(self, text: str, language: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engine = self._engine
        assert isinstance(engine, QTextToSpeech)
        wanted = QLocale(language)
        for locale in engine.availableLocales():
            if locale.language() == wanted.language():
                engine.setLocale(locale)
                break
        engine.stop()  # a new screen: its instruction, not the rest of the last one's
        engine.say(text)


class _SpeakerOnItsThread:
    """A speaker that lives on a thread of its own: starting an engine can take a second
    (speech-dispatcher is started on first use) and never holds up the screen."""

    def __init__(self, runner: TaskRunner, inner: _QtSpeaker) -> None:
        self._runner = runner
        self._inner = inner

    def say(self, text: str, language: str) -> None:
        inner = self._inner
        self._runner.submit(lambda: inner.say(text, language), _ignore)

    def close(self) -> None:
        engine = self._inner._engine
        self._runner.submit(lambda: shiboken6.delete(engine), _ignore)


def _ignore(result: object) -> None:
    if isinstance(result, BaseException):
        log.warning("spoken guidance failed: %s", type(result).__name__)


def qt_speaker(enabled: bool, parent: QObject | None = None) -> _QtSpeaker | None:
    """Qt's text to speech on the first engine installed, or None (one log line says why)."""
    if not enabled:
        return None
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        log.warning(
            "[accessibility] speech is on, but PySide6.QtTextToSpeech is not installed "
            "(it comes with PySide6-Addons, and needs libpulse0): no spoken guidance (%s)",
            exc,
        )
        return None
    # "mock" is Qt's engine for its own tests: it says nothing to anyone.
    engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
    for name in engines:
        engine = QTextToSpeech(name, parent)
        if engine.state() != QTextToSpeech.State.Error:
            return _QtSpeaker(engine)
        engine.deleteLater()  # speechd without its daemon, for one
    log.warning(
        "[accessibility] speech is on, but no speech engine works here (installed: %s)",
        ", ".join(engines) or "none",
    )
    return None


# Each screen's main instruction: the very sentences its QML shows, under the QML file's
# context, so they come out in the member's language with the translations already there.
_INSTRUCTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "idle": (
        ("IdleScreen", "Tap your library pass"),
        ("IdleScreen", "Hold it against the reader, or scan the barcode on the back."),
    ),
    "card_entry": (
        ("CardEntryScreen", "Type your card number"),
        ("CardEntryScreen", "You find it under the barcode on your library pass."),
    ),
    "pin": (
        ("PinScreen", "Type your PIN"),
        ("PinScreen", "Cover the keypad with your hand."),
    ),
    "identifying": (("IdentifyingScreen", "One moment, please. We are checking your card."),),
    "home": (("HomeScreen", "Scan the barcode of each item you want to borrow."),),
    "confirm_fee": (
        ("ConfirmFeeScreen", "This item costs %1 to borrow."),
        ("ConfirmFeeScreen", "Do you want to borrow it? The fee is added to your account."),
    ),
    "return": (("ReturnScreen", "Scan the barcode of each item you bring back."),),
    "receipt": (("ReceiptScreen", "Would you like a receipt?"),),
    "goodbye": (
        ("GoodbyeScreen", "Thank you, see you soon!"),
        ("GoodbyeScreen", "Do not forget to take your library pass."),
    ),
    "out_of_service": (
        ("OutOfServiceScreen", "This kiosk is out of service"),
        ("OutOfServiceScreen", "Sorry for the trouble. Please ask at the desk."),
    ),
}
_NO_RECEIPT = ("ReceiptScreen", "What you borrowed today")
_SENTENCE_ENDS = (".", "!", "?", "\u2026", "\u061f", "\u3002")  # ... ؟ 。


def instruction_sources(screen: str) -> tuple[tuple[str, str], ...]:
    """(QML context, English source) of each sentence spoken on ``screen``."""
    return _INSTRUCTIONS.get(screen, ())


def instruction(screen: str, *, fee: str = "", receipt_offered: bool = True) -> str:
    """What is said when ``screen`` appears, in the language installed now; "" for none."""
    sources = _INSTRUCTIONS.get(screen, ())
    if screen == "receipt" and not receipt_offered:
        sources = (_NO_RECEIPT,)
    said = []
    for context, source in sources:
        text = QCoreApplication.translate(context, source)
        if "%1" in source:
            if not fee:
                continue
            text = text.replace("%1", fee)
        # A heading has no full stop on screen; spoken, it needs the pause of one.
        said.append(text if text.endswith(_SENTENCE_ENDS) else text + ".")
    return " ".join(said)


# ---------------------------------------------------------------- the singleton
@QmlElement
@QmlSingleton
class Accessibility(QObject):
    """The member's large-text and high-contrast switches, and the kiosk's sounds and speech.

    QML: ``Accessibility.largeText``, ``Accessibility.highContrast`` (read and write),
    ``Accessibility.minimumTarget`` (15 mm in pixels on this kiosk's screen).
    """

    # no payload: read the property
    largeTextChanged = Signal()
    highContrastChanged = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        large_text: bool = False,
        high_contrast: bool = False,
        minimum_target: int = 0,
        sounds: SoundPlayer | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        super().__init__(parent)
        #: the library's defaults, which every session starts from
        self.default_large_text = large_text
        self.default_high_contrast = high_contrast
        self._large_text = large_text
        self._high_contrast = high_contrast
        self._minimum_target = minimum_target or minimum_target_px(
            *WINDOW_SIZES["landscape"], DEFAULT_DIAGONAL_INCH
        )
        #: where the success and failure sounds go (None: silent)
        self.sounds = sounds
        #: where the spoken instructions go (None: silent)
        self.speaker = speaker
        #: the library's sounds and speech settings, opened by :meth:`open_output`
        self.output: Output | None = None
        self._cues = SoundCues()
        self._session: SessionViewModel | None = None
        self._closed = False

    # ------------------------------------------------------------ QML
    @staticmethod
    def create(engine: QQmlEngine) -> Accessibility:
        """The instance QML sees: the kiosk's own (:meth:`provide`), or defaults for an
        engine that has none (a test loading the Theme on its own)."""
        provided = engine.property(_ENGINE_PROPERTY)
        instance = provided if isinstance(provided, Accessibility) else Accessibility(engine)
        # Python (KioskUi) owns the kiosk's instance; the engine must not delete it.
        QJSEngine.setObjectOwnership(instance, QJSEngine.ObjectOwnership.CppOwnership)
        return instance

    def provide(self, engine: QQmlEngine) -> None:
        """Be the ``Accessibility`` singleton of ``engine``: call before loading QML."""
        engine.setProperty(_ENGINE_PROPERTY, self)

    def _get_large_text(self) -> bool:
        return self._large_text

    def _get_high_contrast(self) -> bool:
        return self._high_contrast

    def _get_minimum_target(self) -> int:
        return self._minimum_target

    def set_large_text(self, on: bool) -> None:
        if on != self._large_text:
            self._large_text = on
            self.largeTextChanged.emit()

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self.highContrastChanged.emit()

    largeText = QtProperty(bool, _get_large_text, set_large_text, notify=largeTextChanged)
    highContrast = QtProperty(
        bool, _get_high_contrast, set_high_contrast, notify=highContrastChanged
    )
    minimumTarget = QtProperty(int, _get_minimum_target, constant=True)

    # ------------------------------------------------------------ Python
    def reset(self) -> None:
        """The library's defaults again."""
        self.set_large_text(self.default_large_text)
        self.set_high_contrast(self.default_high_contrast)

    def follow(self, session: SessionViewModel, controller: SessionController) -> None:
        """Listen to the session: its screen (reset, speech) and its results (sounds)."""
        self._session = session
        session.sessionEnded.connect(self.reset)
        session.screenChanged.connect(self._on_screen_changed)
        self._cues.cue(controller.view())  # what is there already is not news
        controller.subscribe(self._on_view)

    def open_output(self, speech_runner: TaskRunner | None) -> None:
        """Start the sounds and the speech engine the library wants (:attr:`output`): after
        the first frame, so that the kiosk's start does not wait for them. The speech engine
        starts on ``speech_runner``'s thread, and speaks there."""
        wanted = self.output
        if wanted is None or self._closed:
            return
        self.output = None  # once
        if self.sounds is None:  # (a player given already stays: the tests' recorders)
            self.sounds = qt_sound_player(wanted.sounds, wanted.volume, wanted.folder, self)
        if wanted.speech and speech_runner is not None and self.speaker is None:

            def started(result: object) -> None:
                if isinstance(result, _QtSpeaker):
                    speaker = _SpeakerOnItsThread(speech_runner, result)
                    if self._closed or self.speaker is not None:
                        speaker.close()
                    else:
                        self.speaker = speaker
                elif isinstance(result, BaseException):
                    log.warning("[accessibility] the speech engine failed to start: %s", result)

            speech_runner.submit(lambda: qt_speaker(True), started)

    def close(self) -> None:
        """Deaf from now on (the controller has no unsubscribe; its listeners stay)."""
        self._closed = True
        if isinstance(self.speaker, _SpeakerOnItsThread):
            self.speaker.close()
        self.speaker = None
        if self._session is not None:
            self._session.screenChanged.disconnect(self._on_screen_changed)
            self._session.sessionEnded.disconnect(self.reset)
            self._session = None

    def _on_screen_changed(self) -> None:
        session = self._session
        if session is None:
            return
        screen = str(session.property("screen"))
        if self.speaker is not None:
            said = instruction(
                screen,
                fee=str(session.property("pendingFee") or ""),
                receipt_offered=bool(session.property("canPrint") or session.property("canEmail")),
            )
            if said:
                self.speaker.say(said, str(session.property("language") or ""))

    def _on_view(self, view: SessionView) -> None:
        if self._closed:
            return
        kind = self._cues.cue(view)
        if kind is not None and self.sounds is not None:
            self.sounds.play(kind)


def build(
    *,
    large_text: bool,
    high_contrast: bool,
    sounds: bool,
    volume: float,
    speech: bool,
    window: tuple[int, int],
    diagonal_inch: float,
    resources: Path,
) -> Accessibility:
    """The kiosk's :class:`Accessibility` from its settings; Qt's sounds and speech, where they
    are installed, start with :meth:`Accessibility.open_output`."""
    a11y = Accessibility(
        large_text=large_text,
        high_contrast=high_contrast,
        minimum_target=minimum_target_px(*window, diagonal_inch),
    )
    a11y.output = Output(sounds, volume, speech, resources / "sounds")
    return a11y


if __name__ == "__main__":  # python -m kiosk.ui.accessibility: rewrite resources/sounds
    for written in write_sounds(Path(__file__).resolve().parents[2] / "resources" / "sounds"):
        print(written)
