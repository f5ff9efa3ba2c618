"""The kiosk's languages: Qt translators switched live, right-to-left for Arabic.

The source strings (``qsTr`` in QML, ``QT_TRANSLATE_NOOP`` in :mod:`kiosk.ui.messages`) are
English; each other language is a ``kiosk_<code>.qm`` compiled from
``resources/translations/kiosk_<code>.ts``. Switching installs the new translator, sets the
locale dates and amounts are written in, mirrors the layout for a right-to-left language, and
asks the QML engine to evaluate every ``qsTr`` again, so the screen changes at once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlEngine

log = logging.getLogger(__name__)

#: every language the kiosk ships, by code, with its name in itself (as the button shows it)
LANGUAGES: Mapping[str, str] = {
    "nl": "Nederlands",
    "en": "English",
    "de": "Deutsch",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "uk": "Українська",
}
RIGHT_TO_LEFT = frozenset({"ar"})
SOURCE_LANGUAGE = "en"


class Languages(QObject):
    """Which language the kiosk speaks now; one per application."""

    changed = Signal(str)

    def __init__(self, folder: Path, default: str = "nl", parent: QObject | None = None):
        super().__init__(parent)
        if default not in LANGUAGES:
            raise ValueError(f"no language {default!r} (known: {', '.join(LANGUAGES)})")
        self._folder = folder
        self._default = default
        self._current = SOURCE_LANGUAGE
        self._translator: QTranslator | None = None
        self._engine: QQmlEngine | None = None

    @property
    def current(self) -> str:
        return self._current

    @property
    def default(self) -> str:
        return self._default

    def locale(self) -> QLocale:
        return QLocale(self._current)

    def attach(self, engine: QQmlEngine) -> None:
        """The engine whose ``qsTr`` bindings follow a switch (``None`` once it is gone)."""
        self._engine = engine

    def detach(self) -> None:
        self._engine = None

    def use(self, code: str) -> bool:
        """Speak ``code`` from now on; False (and the source language) when it cannot be
        loaded."""
        if code not in LANGUAGES:
            raise ValueError(f"no language {code!r} (known: {', '.join(LANGUAGES)})")
        if code == self._current:
            return True
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        loaded = True
        if code != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            if translator.load(f"kiosk_{code}", str(self._folder)):
                if app is not None:
                    app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("no translation for %s in %s: speaking English", code, self._folder)
                loaded = False
                code = SOURCE_LANGUAGE
        self._current = code
        QLocale.setDefault(QLocale(code))
        if isinstance(app, QGuiApplication):
            direction = (
                Qt.LayoutDirection.RightToLeft
                if code in RIGHT_TO_LEFT
                else (Qt.LayoutDirection.LeftToRight)
            )
            app.setLayoutDirection(direction)
        if self._engine is not None:
            self._engine.retranslate()
        self.changed.emit(code)
        return loaded

    def reset(self) -> None:
        """Back to the library's own language (between sessions)."""
        self.use(self._default)
