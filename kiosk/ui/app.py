"""Starting the Qt Quick UI: the engine, the QML module and the view-models it is given.

:class:`KioskUi` wires one kiosk's UI around a library system and a device set (both chosen by
``kiosk.bootstrap``); tests build it with fakes. :func:`run` is what ``kiosk run`` calls.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

# QtQuick must be imported before rootObjects() is used, or the root comes back as a QWindow.
import PySide6.QtQuick  # noqa: F401
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

import kiosk
from hardware.ports import DeviceSet
from kiosk.domain.clock import Clock
from kiosk.domain.personal import personal_strings
from kiosk.domain.privacy import GreetingStyle
from kiosk.domain.session import MEMBER_SCREENS, STAFF_SCREENS, Screen, SessionView, Timeouts
from kiosk.ils.deferred import DeferredLibrary
from kiosk.ils.port import LibrarySystem
from kiosk.ops.logging import SCRUBBER
from kiosk.services.mail import Mailer
from kiosk.services.receipts import ReceiptStyle
from kiosk.services.session import SessionController
from kiosk.services.staff import StaffService, StaffTools
from kiosk.ui import accessibility, messages
from kiosk.ui.devices import DeviceBridge
from kiosk.ui.i18n import SOURCE_LANGUAGE, Languages
from kiosk.ui.keywedge import KeyWedge
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.operations import Operations
from kiosk.ui.staff import StaffViewModel
from kiosk.ui.viewmodels import SessionViewModel, SimulatorViewModel
from kiosk.ui.worker import IlsWorker

if TYPE_CHECKING:  # imported by kiosk run only when [monitoring] is on: not at every start
    from kiosk.ops.monitoring import Monitor

log = logging.getLogger(__name__)

QML_MODULE = "Kiosk"
#: ``run``'s exit code when staff asked for a restart (``kiosk run`` then starts itself anew)
EXIT_RESTART = 75


class UiError(Exception):
    """The UI could not start (the QML module is missing or broken)."""


def resources_dir() -> Path:
    """``kiosk/resources`` in an installed wheel, else the checkout's ``resources/``."""
    package = Path(kiosk.__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def qml_import_dir() -> Path:
    return resources_dir() / "qml"


@dataclass(frozen=True, slots=True)
class UiSettings:
    greeting: GreetingStyle = GreetingStyle.FIRST_NAME
    timeouts: Timeouts | None = None
    library_name: str = ""
    fullscreen: bool = False
    #: no way out for a member: no frame, no closing from outside, no quitting keys
    #: (``kiosk.ui.lockdown``); on every kiosk but the demo
    lockdown: bool = False
    tick_ms: int = 1000
    locale: QLocale | None = None
    #: the language the kiosk speaks between sessions (``[kiosk] language``); English, the
    #: source language, for tests and the harness unless they choose another
    language: str = "en"
    #: seconds between status checks of the ILS between sessions (SIP2: the 99 heartbeat)
    status_every: float = 60.0
    #: a keyboard-wedge scanner: the window's key events are scanner input
    keyboard_scanner: bool = False
    #: how passes and item barcodes look (``hardware.codes.CodeRules``), or None
    code_rules: Any = None
    #: what the library puts on receipts; the fixed words come in the member's language
    receipt_style: ReceiptStyle | None = None
    #: the branch this kiosk stands in (``[kiosk] branch``): returns are checked in there
    branch: str = "DAL"
    #: the start of payment references (``[devices] payment_reference``); default: the branch
    payment_reference: str = ""
    #: ask how many items a member placed on the RFID pad (``[devices.rfid] ask_count``)
    rfid_ask_count: bool = False
    #: P2: titles hidden behind a tap; the PIN keypad shuffled
    discreet_titles: bool = False
    shuffle_keypad: bool = False
    #: P11: the folder with ``statement-<language>.txt``, the library's privacy statement
    privacy_statements: Path | None = None
    #: print a slip for items returned for a hold or another branch (``[receipt]``)
    return_slips: bool = False
    #: the subject of e-mailed receipts (``[mail] subject``; default the library's name)
    mail_subject: str = ""
    #: ``[kiosk] orientation`` ("landscape": 1280x800, "portrait": 800x1280) and the screen's
    #: diagonal, from which 15 mm touch targets are worked out
    orientation: str = "landscape"
    screen_diagonal_inch: float = 15.6
    #: ``[accessibility]``: how every session starts (members switch text and contrast for
    #: their own session), and the sounds and spoken guidance. Sounds are on in the library's
    #: configuration by default; off here, for tests and the harness, unless they ask.
    large_text: bool = False
    high_contrast: bool = False
    sounds: bool = False
    volume: float = 0.6
    speech: bool = False
    #: ``[staff] cards``: staff card numbers that open maintenance mode
    staff_cards: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SimulatorSpec:
    """What demo mode's simulator panel drives: the simulated devices' actions, as callables."""

    present_card: Callable[[str], None]
    remove_card: Callable[[], None]
    scan: Callable[[str], None]
    set_fault: Callable[[str, bool], None] | None = None
    receipt_text: Callable[[], str] | None = None
    receipts_printed: Callable[[], int] | None = None
    pad: Callable[[str], None] | None = None
    cards: Sequence[object] = ()
    items: Sequence[object] = ()


_ACTIVE_SCREENS = frozenset(
    screen.value for screen in (*MEMBER_SCREENS, *STAFF_SCREENS, Screen.CARD_ENTRY)
)


class _ActivityFilter(QObject):
    """Every press or touch anywhere in the window counts as proof of life (inactivity rule)."""

    _ACTIVITY = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)

    def __init__(self, session: SessionViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only where a timer runs for someone at the screen. On goodbye a touch would mean
        # "next, please" and skip the goodbye the "Done" tap has just asked for.
        if event.type() in self._ACTIVITY:
            # Later, not now: the countdown overlay must not vanish from under the finger
            # while the press is still being delivered.
            QTimer.singleShot(0, self._on_activity)
        return False

    def _on_activity(self) -> None:
        # Looked at after the tap did its work: if "Done" brought us to goodbye, stay there.
        if self._session.property("screen") in _ACTIVE_SCREENS:
            self._session.touched()


def _hold_for_scrubbing(view: SessionView) -> None:
    if view.screen in MEMBER_SCREENS:
        SCRUBBER.hold(personal_strings(view))


class KioskUi:
    """One kiosk's UI: ILS worker thread, session controller, device bridge, view-models, QML."""

    def __init__(
        self,
        library: LibrarySystem,
        devices: DeviceSet,
        clock: Clock,
        settings: UiSettings | None = None,
        *,
        simulator: SimulatorViewModel | None = None,
        mailer: Mailer | None = None,
        on_library_failed: Callable[[BaseException], None] | None = None,
        staff_tools: StaffTools | None = None,
    ) -> None:
        settings = settings or UiSettings()
        staff_tools = staff_tools or StaffTools()
        self.languages = Languages(resources_dir() / "translations", settings.language)
        self.languages.use(settings.language)
        self.worker = IlsWorker()
        # The receipt printer has a thread of its own: a printer taking its seconds to answer
        # never holds up the library system's calls.
        self.device_worker = IlsWorker(name="device-worker")
        # A light or beeper answers at once, never behind a printer's seconds.
        self.indicator_worker = (
            IlsWorker(name="indicator-worker") if devices.indicator is not None else None
        )
        style = settings.receipt_style or ReceiptStyle(settings.library_name)
        self.controller = SessionController(
            library,
            clock,
            self.worker,
            timeouts=settings.timeouts,
            status_every=settings.status_every,
            printer=devices.printer,
            receipt_style=lambda: replace(style, labels=messages.receipt_labels()),
            device_runner=self.device_worker,
            indicator=devices.indicator,
            indicator_runner=self.indicator_worker,
            branch=settings.branch,
            mailer=mailer,
            mail_subject=settings.mail_subject,
            return_slips=settings.return_slips,
            staff_cards=frozenset(settings.staff_cards),
            staff_pin=staff_tools.verify_pin is not None,
            card_reader=devices.card_reader,
            scanner=devices.scanner,
            payment_terminal=devices.payment_terminal,
            payment_prefix=settings.payment_reference or settings.branch,
            payment_problem=staff_tools.payment_problem,
            payment_log=staff_tools.payment_log,
            rfid=devices.rfid,
            rfid_ask_count=settings.rfid_ask_count,
        )
        self.staff_service = StaffService(
            self.controller,
            staff_tools,
            clock,
            self.device_worker,
            self.worker,
            printer=devices.printer,
            library_name=settings.library_name,
            branch=settings.branch,
        )
        self.staff = StaffViewModel(self.staff_service)
        self.controller.subscribe(self.staff.follow)
        self.session = SessionViewModel(
            self.controller,
            greeting_style=settings.greeting,
            library_name=settings.library_name,
            locale=settings.locale,
            languages=self.languages,
            discreet_titles=settings.discreet_titles,
            shuffle_keypad=settings.shuffle_keypad,
            privacy_statements=settings.privacy_statements,
            tick_ms=settings.tick_ms,
        )
        self.simulator = simulator
        if simulator is not None:
            # The simulated printer's paper is on the panel only while a member is there.
            self.session.screenChanged.connect(
                lambda: simulator.session_screen(str(self.session.property("screen")))
            )
        self.bridge = DeviceBridge(devices, self.controller, code_rules=settings.code_rules)
        self.accessibility = accessibility.build(
            large_text=settings.large_text,
            high_contrast=settings.high_contrast,
            sounds=settings.sounds,
            volume=settings.volume,
            speech=settings.speech,
            window=accessibility.WINDOW_SIZES[settings.orientation],
            diagonal_inch=settings.screen_diagonal_inch,
            resources=resources_dir(),
        )
        self.accessibility.follow(self.session, self.controller)
        # The log scrubber holds what is personal of the member at the kiosk, for as long as
        # the session lasts (P5).
        self.controller.subscribe(_hold_for_scrubbing)
        self.session.sessionEnded.connect(SCRUBBER.forget)
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(qml_import_dir()))
        # The Theme reads it as the Accessibility singleton (a required property cannot reach
        # a singleton): it must be there before the QML loads.
        self.accessibility.provide(self.engine)
        initial: dict[str, object] = {
            "session": self.session,
            "staff": self.staff,
            "fullscreen": settings.fullscreen,
            "lockdown": settings.lockdown,
            "portrait": settings.orientation == "portrait",
        }
        if simulator is not None:
            initial["simulator"] = simulator
        self.engine.setInitialProperties(initial)
        self.languages.attach(self.engine)
        self.engine.loadFromModule(QML_MODULE, "Main")
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            self.accessibility.close()
            self.worker.stop()
            self.device_worker.stop()
            if self.indicator_worker is not None:
                self.indicator_worker.stop()
            raise UiError(f"could not load the QML module {QML_MODULE!r} from {qml_import_dir()}")
        self.window: QQuickWindow = roots[0]
        self._activity = _ActivityFilter(self.session)
        self.window.installEventFilter(self._activity)
        self.lockdown: Lockdown | None = None
        if settings.lockdown:
            self.lockdown = Lockdown()
            self.window.installEventFilter(self.lockdown)
        self._wedge: KeyWedge | None = None
        if settings.keyboard_scanner:
            self._wedge = KeyWedge(self.bridge.codeScanned.emit)
            self.window.installEventFilter(self._wedge)
        self.bridge.start()
        self.session.start()
        self.controller.check_printer()
        self._on_library_failed = on_library_failed
        # Spoken guidance on a thread of its own: an engine may take a second to start.
        self.speech_worker = IlsWorker(name="speech-worker") if settings.speech else None
        self._library = library
        #: called once the idle screen's first frame is drawn (systemd's READY=1, for one)
        self.after_first_frame: list[Callable[[], None]] = []
        self._first_frame_seen = False
        self.window.frameSwapped.connect(self._after_first_frame)
        if isinstance(library, DeferredLibrary):
            self._open_when_drawn(library)

    def _after_first_frame(self) -> None:
        """The idle screen is on the glass: now what the start did not wait for."""
        # Qt's threaded render loop may have queued a second frame signal already: once only.
        if self._first_frame_seen:
            return
        self._first_frame_seen = True
        self.window.frameSwapped.disconnect(self._after_first_frame)
        if isinstance(self._library, DeferredLibrary):
            self._library.open()
        self.accessibility.open_output(self.speech_worker)
        for call in self.after_first_frame:
            call()

    def _open_when_drawn(self, library: DeferredLibrary) -> None:
        """The library system is built after the first frame (``kiosk.ils.deferred``)."""
        # The status check builds the system (once the frame is there) and puts the kiosk out
        # of service at once if the library system does not answer; the call queued behind it
        # says whether a build failed for good.
        self.controller.check_status_now()

        def built(result: object) -> None:
            if library.failure is not None:
                if self._on_library_failed is not None:
                    self._on_library_failed(library.failure)
            elif not isinstance(result, BaseException):
                log.info("library system opened")

        self.worker.submit(library.ready, built)

    def close(self) -> None:
        """Stop devices and timers, destroy the QML, then end the worker thread."""
        self.session.stop()
        self.staff.stop()
        self.bridge.stop()
        self.accessibility.close()
        self.window.removeEventFilter(self._activity)
        if self.lockdown is not None:
            self.lockdown.let_go()
            self.window.removeEventFilter(self.lockdown)
        if self._wedge is not None:
            self.window.removeEventFilter(self._wedge)
        # The QML goes before the view-models it binds to, or its bindings would see null.
        self.languages.detach()
        self.languages.use(SOURCE_LANGUAGE)  # the application's translator goes with the UI
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.worker.stop()
        self.device_worker.stop()
        if self.indicator_worker is not None:
            self.indicator_worker.stop()
        if self.speech_worker is not None:
            self.speech_worker.stop()
        # Python wrappers of the QML objects just destroyed may sit in reference cycles; let
        # them go now, before another window's objects can take the same addresses and be
        # mistaken for them.
        gc.collect()


#: screens on which no member is at the kiosk: settings may be reloaded
_NOBODY_THERE = frozenset({"idle", "out_of_service", "staff", "goodbye"})
#: milliseconds between two looks at a broken settings file
CONFIG_WATCH_MS = 3000


def _out_of_service_until_corrected(
    ui: KioskUi, problem: str, check: Callable[[], str], *, restart: Callable[[], None]
) -> QTimer:
    """Out of service, saying ``problem`` for staff; ``check`` runs on the device worker every
    few seconds, and the kiosk restarts once it finds the file good."""
    from kiosk.domain.reasons import Reason
    from kiosk.domain.session import SetOutOfService

    ui.controller.dispatch(SetOutOfService(reason=Reason.CONFIG_ERROR, detail=problem))
    timer = QTimer()
    timer.setInterval(CONFIG_WATCH_MS)
    looking = [False]

    def done(result: object) -> None:
        looking[0] = False
        if result == "":
            log.info("the settings file is correct now: restarting")
            timer.stop()
            restart()

    def look() -> None:
        if not looking[0]:
            looking[0] = True
            ui.device_worker.submit(check, done)

    timer.timeout.connect(look)
    timer.start()
    return timer


def run(
    library: LibrarySystem,
    devices: DeviceSet,
    clock: Clock,
    *,
    language: str,
    settings: UiSettings,
    simulator: SimulatorSpec | None = None,
    argv: Sequence[str] | None = None,
    mailer: Mailer | None = None,
    on_library_failed: Callable[[BaseException], None] | None = None,
    monitor: Monitor | None = None,
    monitoring: tuple[str, int] = ("127.0.0.1", 9464),
    offline_possible: bool = False,
    staff_tools: Callable[[Callable[[], None]], StaffTools] | None = None,
    broken_config: tuple[str, Callable[[], str]] | None = None,
) -> int:
    """Start the application and its event loop; returns the exit code.

    ``monitor``: serve ``/healthz`` and ``/metrics`` on ``monitoring`` (address, port).

    ``staff_tools``: what maintenance mode is lent, made with the function that restarts the
    kiosk (the exit code :data:`EXIT_RESTART`, on which ``kiosk run`` starts itself anew).
    SIGHUP (``systemctl reload``) reads the settings again once no member is at the screen: a
    good file is taken by restarting, a broken one is logged and the kiosk goes on as it was.

    ``broken_config``: (what is wrong, a check of the file) when the settings could not be read:
    the kiosk stays out of service, says what is wrong for staff, and restarts once the check
    finds the file corrected.

    A :class:`DeferredLibrary` whose build fails for good (``on_library_failed`` is told why)
    ends the program with exit code 2.
    """
    app = QGuiApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("Library Kiosk")
    app.setApplicationDisplayName("Library Kiosk")
    settings = replace(settings, language=language)
    panel = None
    if simulator is not None:
        panel = SimulatorViewModel(
            simulator.present_card,
            simulator.remove_card,
            simulator.scan,
            set_fault=simulator.set_fault,
            receipt_text=simulator.receipt_text,
            receipts_printed=simulator.receipts_printed,
            pad=simulator.pad,
            cards=simulator.cards,
            items=simulator.items,
        )

    def library_failed(exc: BaseException) -> None:
        if on_library_failed is not None:
            on_library_failed(exc)
        app.exit(2)

    def restart() -> None:
        # Once this event has been handled: staff see "Restarting..." first.
        QTimer.singleShot(200, lambda: app.exit(EXIT_RESTART))

    ui = KioskUi(
        library,
        devices,
        clock,
        settings,
        simulator=panel,
        mailer=mailer,
        on_library_failed=library_failed,
        staff_tools=staff_tools(restart) if staff_tools is not None else None,
    )
    try:
        operations = Operations(
            ui,
            library,
            monitor=monitor,
            address=monitoring[0],
            port=monitoring[1],
            offline_possible=offline_possible,
        )
    except OSError as exc:  # the monitoring port is taken, or the address is not ours
        ui.close()
        raise UiError(
            f"cannot serve monitoring on {monitoring[0]}:{monitoring[1]} ({exc.strerror}); "
            "check [monitoring] address and port"
        ) from None
    # Ctrl+C: Python handles signals only when it runs, so let it run now and then.
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())  # systemctl stop

    def reload_when_free() -> None:
        if ui.session.property("screen") in _NOBODY_THERE:
            ui.staff_service.reload_config(by="SIGHUP")
        else:  # never in the middle of a member's session
            QTimer.singleShot(1000, reload_when_free)

    signal.signal(signal.SIGHUP, lambda *_: QTimer.singleShot(0, reload_when_free))
    watch = QTimer()
    if broken_config is not None:
        watch = _out_of_service_until_corrected(ui, *broken_config, restart=restart)
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    try:
        code = app.exec()
    finally:
        heartbeat.stop()
        watch.stop()
        operations.close()
        ui.close()
    return int(code)
