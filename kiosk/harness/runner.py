"""Runs scenarios on the real kiosk, headless, and writes what happened.

Each scenario gets a fresh kiosk: the real :class:`KioskUi` (QML offscreen, view-models,
session controller, worker threads) over a library system and simulated devices, with a
:class:`ManualClock` that moves only when a step says so. On the embedded library every scenario
starts from the same freshly seeded demo library (``docs/demo-data.md``), copied from one made
at the start of the run, so scenarios never see each other's loans.

What is written to ``--out``: ``report.json`` (per scenario and step: passed or not, how long it
took, the expectation that failed), ``transcript.txt`` (every step with the screen and the
member's message after it), every printed receipt as text and PNG, and with ``--screenshots`` a
PNG of the window after every step.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hardware.fakes import (
    FakeCardReader,
    FakePaymentTerminal,
    FakeScanner,
    FakeTagReader,
    RecordingPrinter,
    item_tag,
)
from hardware.ports import DeviceSet, PaperState
from hardware.rfid import PadWatcher
from kiosk import __version__
from kiosk.config import Config
from kiosk.domain.clock import ManualClock
from kiosk.domain.personal import personal_strings
from kiosk.domain.session import SessionView
from kiosk.harness.driver import DriverError, UiDriver
from kiosk.harness.scenario import Scenario, Step, pad_item
from kiosk.ils.embedded.fixtures import DEMO_STAFF_CARD
from kiosk.ils.port import LibrarySystem
from kiosk.ui.app import KioskUi, UiSettings

TZ = ZoneInfo("Europe/Amsterdam")
#: every scenario starts at this moment (the demo data is seeded relative to it)
START = datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
BRANCH = "DAL"
LIBRARY_NAME = "Bibliotheek Dalfsen"
#: steps that act for a device: only possible on simulated devices
DEVICE_STEPS = frozenset(
    {
        "present_card",
        "remove_card",
        "scan",
        "printer",
        "reader",
        "place_items",
        "lift_items",
        "terminal",
    }
)
RECEIPT_STEPS = frozenset({"expect_receipt", "expect_receipt_not", "expect_receipts"})


@dataclass
class StepResult:
    number: int
    action: str
    value: Any
    passed: bool | None  # None: not run (an earlier step failed)
    ms: float = 0.0
    error: str = ""
    screen: str = ""
    message: str = ""
    screenshot: str = ""

    def as_json(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "step": self.number,
            "action": self.action,
            "value": value,
            "passed": self.passed,
            "ms": round(self.ms, 2),
            "error": self.error or None,
            "screen": self.screen,
            "message": self.message,
            "screenshot": self.screenshot or None,
        }


@dataclass
class ScenarioResult:
    name: str
    source: str
    steps: list[StepResult] = field(default_factory=list)
    receipts: list[str] = field(default_factory=list)
    ms: float = 0.0
    error: str = ""  # the kiosk could not even start

    @property
    def passed(self) -> bool:
        return not self.error and all(step.passed for step in self.steps)

    def as_json(self) -> dict[str, Any]:
        failed = next((s for s in self.steps if s.passed is False), None)
        return {
            "name": self.name,
            "file": self.source,
            "passed": self.passed,
            "ms": round(self.ms, 1),
            "failed_step": failed.number if failed else None,
            "error": self.error or (failed.error if failed else None),
            "receipts": self.receipts,
            "steps": [step.as_json() for step in self.steps],
        }


@dataclass(frozen=True)
class Options:
    out: Path | None = None
    screenshots: bool = False
    #: "embedded" (the demo library) or "sip2://USER@HOST:PORT"
    ils: str = "embedded"
    devices: str = "fake"  # fake | real
    config: Config | None = None
    #: the SIP2 password, for ``ils = sip2://...`` (from KIOSK_SIP2_PASSWORD)
    sip2_password: str = ""
    log: Callable[[str], None] = lambda line: None
    #: the sounds and spoken guidance of ``config``'s ``[accessibility]``; silent otherwise
    sound: bool = False


class HarnessError(Exception):
    """The run cannot start (no such ILS, devices that cannot be simulated...)."""


# ---------------------------------------------------------------- libraries
class _Libraries:
    """Makes a fresh library system for each scenario."""

    def __init__(self, options: Options, workdir: Path) -> None:
        self._options = options
        self._workdir = workdir
        self._template: Path | None = None
        self._count = 0

    @contextmanager
    def fresh(self, clock: ManualClock) -> Iterator[LibrarySystem]:
        if self._options.ils == "embedded":
            yield from self._embedded(clock)
        else:
            yield from self._sip2()

    def _embedded(self, clock: ManualClock) -> Iterator[LibrarySystem]:
        from kiosk.ils.embedded import db
        from kiosk.ils.embedded.engine import EmbeddedLibrary
        from kiosk.ils.embedded.seed import fixture_database

        if self._template is None:
            template = self._workdir / "demo-library.sqlite"
            engine = fixture_database(f"sqlite:///{template}", START)
            db.settle(engine)
            engine.dispose()
            self._template = template
        self._count += 1
        path = self._workdir / f"scenario-{self._count}.sqlite"
        shutil.copyfile(self._template, path)
        engine = db.make_engine(f"sqlite:///{path}")
        try:
            yield EmbeddedLibrary(engine, branch=BRANCH, clock=clock, library_name=LIBRARY_NAME)
        finally:
            engine.dispose()
            path.unlink(missing_ok=True)

    def _sip2(self) -> Iterator[LibrarySystem]:
        from kiosk import bootstrap
        from kiosk.config import ConfigError

        config = sip2_config(self._options)
        # Each scenario starts with an empty offline journal of its own, in the work folder.
        self._count += 1
        journal = self._workdir / f"offline-journal-{self._count}.sqlite"
        config = replace(config, offline=replace(config.offline, journal=str(journal)))
        try:
            library = bootstrap.build_library(config)
        except (ConfigError, bootstrap.StartupError) as exc:
            raise HarnessError(str(exc)) from None
        try:
            yield library
        finally:
            close = getattr(library, "close", None)
            if close is not None:
                close()


def sip2_config(options: Options) -> Config:
    """The configuration with ``[ils]`` pointed at ``sip2://USER@HOST:PORT``."""
    from urllib.parse import urlsplit

    parts = urlsplit(options.ils)
    if parts.scheme != "sip2" or not parts.hostname or not parts.username:
        raise HarnessError(f"--ils: expected sip2://USER@HOST:PORT, got {options.ils!r}")
    try:
        port = parts.port or 6001
    except ValueError:
        raise HarnessError(f"--ils: not a port number in {options.ils!r}") from None
    base = options.config or Config()
    sip2 = replace(
        base.ils.sip2,
        host=parts.hostname,
        port=port,
        user=parts.username,
        password=options.sip2_password or base.ils.sip2.password,
        password_file="" if options.sip2_password else base.ils.sip2.password_file,
    )
    return replace(base, ils=replace(base.ils, kind="sip2", sip2=sip2))


# ---------------------------------------------------------------- running
class Harness:
    def __init__(self, options: Options) -> None:
        self.options = options

    def run(self, scenarios: Sequence[Scenario]) -> list[ScenarioResult]:
        self._refuse_impossible(scenarios)
        out = self.options.out
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        results: list[ScenarioResult] = []
        transcript: list[str] = []
        with tempfile.TemporaryDirectory(prefix="kiosk-harness-") as tmp:
            libraries = _Libraries(self.options, Path(tmp))
            for scenario in scenarios:
                result = self._run_one(scenario, libraries, transcript)
                results.append(result)
                verdict = "passed" if result.passed else "FAILED"
                self.options.log(f"{scenario.name}: {verdict} ({result.ms:.0f} ms)")
        if out is not None:
            (out / "transcript.txt").write_text("\n".join(transcript) + "\n", encoding="utf-8")
            write_report(out / "report.json", results, self.options)
        return results

    def _refuse_impossible(self, scenarios: Sequence[Scenario]) -> None:
        if self.options.devices == "fake":
            return
        for scenario in scenarios:
            for step in scenario.steps:
                if step.action in DEVICE_STEPS | RECEIPT_STEPS:
                    raise HarnessError(
                        f"{scenario.source}: step {step.number}: {step.action}: needs "
                        "--devices fake (on real devices a person taps, scans and prints)"
                    )

    def _run_one(
        self, scenario: Scenario, libraries: _Libraries, transcript: list[str]
    ) -> ScenarioResult:
        result = ScenarioResult(scenario.name, scenario.source)
        transcript.append(f"== {scenario.name} ({scenario.source})")
        started = time.perf_counter()
        clock = ManualClock(START)
        folder = self._folder(scenario)
        try:
            with libraries.fresh(clock) as library, self._kiosk(library, clock) as kiosk:
                kiosk.run(scenario, result, transcript, folder)
        except HarnessError:
            raise
        except Exception as exc:  # the kiosk could not start: a result, not a crash
            result.error = f"the kiosk could not run: {type(exc).__name__}: {exc}"
            transcript.append(f"   ERROR {result.error}")
        result.ms = (time.perf_counter() - started) * 1000
        return result

    def _folder(self, scenario: Scenario) -> Path | None:
        if self.options.out is None:
            return None
        folder = self.options.out / scenario.slug
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @contextmanager
    def _kiosk(self, library: LibrarySystem, clock: ManualClock) -> Iterator[Kiosk]:
        config = self.options.config or Config()
        if self.options.devices == "fake":
            reader, scanner, printer = FakeCardReader(), FakeScanner(), RecordingPrinter()
            devices = DeviceSet(
                card_reader=reader,
                scanner=scanner,
                printer=printer,
                payment_terminal=FakePaymentTerminal(),
                rfid=PadWatcher(FakeTagReader(), poll_s=0.02),
            )
        else:
            from kiosk import bootstrap

            devices = bootstrap.build_devices(config)
        settings = UiSettings(
            timeouts=config.timeouts,
            library_name=config.library_name or LIBRARY_NAME,
            tick_ms=50,
            code_rules=_code_rules(config),
            branch=BRANCH if self.options.ils == "embedded" else config.branch,
            discreet_titles=config.privacy.discreet_titles,
            shuffle_keypad=config.privacy.shuffle_keypad,
            privacy_statements=(
                Path(config.privacy.statement_dir) if config.privacy.statement_dir else None
            ),
            staff_cards=config.staff.cards or (DEMO_STAFF_CARD,),
        )
        if self.options.config is not None:
            a11y = self.options.config.accessibility
            settings = replace(
                settings, large_text=a11y.large_text, high_contrast=a11y.high_contrast
            )
            if self.options.sound:
                settings = replace(
                    settings, sounds=a11y.sounds, volume=a11y.volume, speech=a11y.speech
                )
        ui = KioskUi(library, devices, clock, settings)
        try:
            yield Kiosk(ui, library, devices, clock, self.options)
        finally:
            ui.close()


def _code_rules(config: Config) -> Any:
    from kiosk import bootstrap

    return bootstrap.build_code_rules(config)


@contextmanager
def demo_kiosk(workdir: Path, options: Options | None = None) -> Iterator[Kiosk]:
    """One kiosk as a scenario gets it (the demo library seeded in ``workdir``, simulated
    devices, the clock at ``START``), on its idle screen: for the soak and the screenshots."""
    harness = Harness(options or Options())
    clock = ManualClock(START)
    libraries = _Libraries(harness.options, workdir)
    with libraries.fresh(clock) as library, harness._kiosk(library, clock) as kiosk:
        kiosk.driver.wait_screen("idle", timeout=10_000)
        yield kiosk


class Kiosk:
    """One running kiosk and the steps that act on it."""

    def __init__(
        self,
        ui: KioskUi,
        library: LibrarySystem,
        devices: DeviceSet,
        clock: ManualClock,
        options: Options,
    ) -> None:
        self.ui = ui
        self.driver = UiDriver(ui)
        self.library = library
        self.devices = devices
        self.clock = clock
        self.options = options
        #: everything personal of the members seen in this scenario
        self.secrets: set[str] = set()
        ui.controller.subscribe(self._learn)
        self._receipts_seen = 0

    def run(
        self,
        scenario: Scenario,
        result: ScenarioResult,
        transcript: list[str],
        folder: Path | None,
    ) -> None:
        self.driver.wait_screen("idle", timeout=10_000)
        failed = False
        for step in scenario.steps:
            if failed:
                result.steps.append(StepResult(step.number, step.action, step.value, None))
                continue
            record = self._step(step)
            self._collect_receipts(result, folder)
            if folder is not None and self.options.screenshots:
                shot = folder / f"step-{step.number:02d}-{step.action}.png"
                try:
                    self.driver.screenshot(shot)
                    record.screenshot = str(shot.relative_to(folder.parent))
                except DriverError as exc:
                    record.error = record.error or str(exc)
            result.steps.append(record)
            mark = "ok " if record.passed else "FAIL"
            line = f"   {mark} {step.number:>2} {step.describe()}  [{record.ms:.1f} ms]"
            line += f"  screen={record.screen}"
            if record.message:
                line += f"  message={record.message!r}"
            transcript.append(line)
            if not record.passed:
                transcript.append(f"        {record.error}")
                failed = True

    def _step(self, step: Step) -> StepResult:
        record = StepResult(step.number, step.action, step.value, False)
        started = time.perf_counter()
        try:
            getattr(self, f"_do_{step.action}")(step)
            record.passed = True
        except DriverError as exc:
            record.error = str(exc)
        except Exception as exc:  # a broken step is a failed step, with what broke
            record.error = f"{type(exc).__name__}: {exc}"
        record.ms = (time.perf_counter() - started) * 1000
        record.screen = str(self.ui.session.property("screen"))
        record.message = str(self.ui.session.property("message"))
        return record

    # -- receipts
    def _printer(self) -> RecordingPrinter:
        printer = self.devices.printer
        if not isinstance(printer, RecordingPrinter):
            raise DriverError("receipts can only be read from the simulated printer")
        return printer

    def _collect_receipts(self, result: ScenarioResult, folder: Path | None) -> None:
        printer = self.devices.printer
        if not isinstance(printer, RecordingPrinter):
            return
        while self._receipts_seen < len(printer.printed):
            index = self._receipts_seen
            self._receipts_seen += 1
            name = f"receipt-{index + 1}"
            if folder is not None:
                (folder / f"{name}.txt").write_text(
                    printer.render_text(index) + "\n", encoding="utf-8"
                )
                (folder / f"{name}.png").write_bytes(printer.render_png(index))
                result.receipts.append(f"{folder.name}/{name}.txt")
            else:
                result.receipts.append(name)

    # -- the member's data, to look for after the session
    def _learn(self, view: SessionView) -> None:
        """Everything personal the kiosk holds, from every change of its session (the card
        number is not among it: the kiosk never shows it, the steps that give it add it)."""
        self.secrets.update(personal_strings(view))

    # -- actions: devices
    def _do_present_card(self, step: Step) -> None:
        reader = self.devices.card_reader
        assert isinstance(reader, FakeCardReader)
        self.secrets.add(step.value)
        reader.present(step.value)
        self.driver.wait(30)

    def _do_remove_card(self, step: Step) -> None:
        reader = self.devices.card_reader
        assert isinstance(reader, FakeCardReader)
        reader.remove()
        self.driver.wait(30)

    def _do_scan(self, step: Step) -> None:
        scanner = self.devices.scanner
        assert isinstance(scanner, FakeScanner)
        if str(self.ui.session.property("screen")) in ("idle", "card_entry"):
            self.secrets.add(step.value)  # a pass
        scanner.scan(step.value)
        self.driver.wait(30)
        # As a member looks at the answer before the next scan: wait until the kiosk has it.
        self.driver.wait_until(
            lambda: not self.ui.session.property("busy"), step.timeout_ms, "the kiosk's answer"
        )

    def _do_printer(self, step: Step) -> None:
        printer = self._printer()
        state = step.value
        printer.paper = {
            "paper_out": PaperState.OUT,
            "paper_near_end": PaperState.NEAR_END,
        }.get(state, PaperState.OK)
        printer.cover_open = state == "cover_open"
        printer.online = state != "offline"
        self.ui.controller.check_printer()  # as the kiosk does between sessions
        self.driver.wait(30)

    def _do_place_items(self, step: Step) -> None:
        pad = self.devices.rfid
        if not isinstance(pad, PadWatcher) or not isinstance(pad.reader, FakeTagReader):
            raise DriverError("this kiosk has no simulated RFID pad")
        tags = []
        for text in step.value:
            barcode, part, parts = pad_item(text)
            uid = f"E0040199{zlib.crc32(f'{barcode}/{part}'.encode()):08X}"
            tags.append(item_tag(uid, barcode, parts=parts, part=part))
        pad.reader.place(*tags)
        self.driver.wait(60)  # the pad looks every 20 ms

    def _do_lift_items(self, step: Step) -> None:
        pad = self.devices.rfid
        if not isinstance(pad, PadWatcher) or not isinstance(pad.reader, FakeTagReader):
            raise DriverError("this kiosk has no simulated RFID pad")
        pad.reader.clear()
        self.driver.wait(60)

    def _do_terminal(self, step: Step) -> None:
        terminal = self.devices.payment_terminal
        if not isinstance(terminal, FakePaymentTerminal):
            raise DriverError("this kiosk has no simulated payment terminal")
        terminal.script.append(step.value)

    def _do_reader(self, step: Step) -> None:
        reader = self.devices.card_reader
        assert isinstance(reader, FakeCardReader)
        (reader.plug if step.value == "plugged" else reader.unplug)()
        self.driver.wait(30)

    # -- actions: fingers
    def _do_tap(self, step: Step) -> None:
        self.driver.tap(step.value, step.timeout_ms)
        self.driver.wait(20)

    def _do_tap_text(self, step: Step) -> None:
        self.driver.tap_text(step.value, step.timeout_ms)
        self.driver.wait(20)

    def _do_type_card(self, step: Step) -> None:
        self.driver.wait_screen("card_entry", step.timeout_ms)
        self.secrets.add(step.value)
        self.driver.type_digits("card", step.value)
        self.driver.tap("cardKeyOk")
        self.driver.wait(20)

    def _do_type_pin(self, step: Step) -> None:
        self.driver.wait_screen("pin", step.timeout_ms)
        self.secrets.add(step.value)
        self.driver.type_digits("pin", step.value)
        self.driver.tap("pinKeyOk")
        self.driver.wait(20)

    def _do_choose_language(self, step: Step) -> None:
        choose = getattr(self.ui.session, "chooseLanguage", None)
        if choose is None:
            raise DriverError("this kiosk offers no choice of language yet")
        choose(step.value)
        self.driver.wait(20)

    # -- actions: time
    def _do_advance(self, step: Step) -> None:
        self.clock.advance(float(step.value))
        self.driver.wait(120)  # the session looks at its clock every 50 ms here

    def _do_wait_ms(self, step: Step) -> None:
        self.driver.wait(int(step.value))

    # -- actions: expectations
    def _do_wait_screen(self, step: Step) -> None:
        self.driver.wait_screen(step.value, step.timeout_ms)

    _do_expect_screen = _do_wait_screen

    def _do_expect_text(self, step: Step) -> None:
        wanted = step.value
        self.driver.wait_until(
            lambda: any(wanted in text for text in self.driver.visible_texts()),
            step.timeout_ms,
            f"a visible text containing {wanted!r}",
        )

    def _do_expect_no_text(self, step: Step) -> None:
        self.driver.wait(20)
        shown = [text for text in self.driver.visible_texts() if step.value in text]
        if shown:
            raise DriverError(f"{step.value!r} is visible: {shown[0]!r}")

    def _do_expect_message(self, step: Step) -> None:
        wanted = step.value
        self.driver.wait_until(
            lambda: wanted in str(self.ui.session.property("message")),
            step.timeout_ms,
            f"the message to contain {wanted!r}",
        )

    def _last_receipt(self, step: Step) -> str:
        printer = self._printer()
        self.driver.wait_until(lambda: printer.printed, step.timeout_ms, "a printed receipt")
        return printer.render_text()

    def _do_expect_receipt(self, step: Step) -> None:
        text = self._last_receipt(step)
        missing = [wanted for wanted in step.value if wanted not in text]
        if missing:
            raise DriverError(f"the last receipt does not contain {missing[0]!r}:\n{text}")

    def _do_expect_receipt_not(self, step: Step) -> None:
        text = self._last_receipt(step)
        found = [unwanted for unwanted in step.value if unwanted in text]
        if found:
            raise DriverError(f"the last receipt contains {found[0]!r}")

    def _do_expect_receipts(self, step: Step) -> None:
        printer = self._printer()
        self.driver.wait_until(
            lambda: len(printer.printed) == step.value,
            step.timeout_ms,
            f"{step.value} printed receipts (there are {len(printer.printed)})",
        )

    def _do_expect_no_personal_data(self, step: Step) -> None:
        self.driver.wait(30)
        left = self.driver.traces(sorted(self.secrets))
        if left:
            raise DriverError(
                f"{len(left)} piece(s) of personal data still held in the UI, "
                f"e.g. one of {len(left[0])} characters"
            )


def write_report(path: Path, results: Sequence[ScenarioResult], options: Options) -> None:
    report = {
        "kiosk": __version__,
        "finished": datetime.now().astimezone().isoformat(timespec="seconds"),
        "ils": options.ils.split("@")[-1] if options.ils != "embedded" else "embedded",
        "devices": options.devices,
        "passed": all(r.passed for r in results),
        "scenarios": [r.as_json() for r in results],
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
