"""``kiosk run``: the kiosk itself, on a screen.

Without a display it says how to run it instead; database problems are one line each on stderr
with exit code 2, never a traceback. A settings file with an error is named (file, line, key) on
stderr too, but the kiosk then stays on its screen out of service, saying so for staff, and
restarts by itself once the file is corrected: a kiosk under systemd never starts wrong and never
restarts in a loop. When staff ask for a restart (or SIGHUP finds new settings), the program
starts itself anew in the same process.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from hardware.ports import DeviceSet
from kiosk.config import ConfigError, DevicesConfig, load

NO_DISPLAY = (
    "kiosk run: no display found; run it on a virtual screen with 'xvfb-run -a make run' "
    "(or 'xvfb-run -a kiosk run --demo' inside the .venv)"
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "run",
        help="run the kiosk on this screen",
        description="Run the kiosk: the touch-screen UI on the configured library and devices.",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="the kiosk.toml to use (default: $KIOSK_CONFIG, else /etc/kiosk/kiosk.toml)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="simulated card reader, scanner and printer, with a simulator panel",
    )
    parser.add_argument("--db", metavar="URL", help="database URL of the embedded library")
    parser.add_argument("--fullscreen", action="store_true", help="fill the whole screen")
    parser.add_argument(
        "--log-level",
        default="info",
        choices=("debug", "info", "warning", "error"),
        help="log level (default info); logs go to stderr, scrubbed of personal data",
    )
    parser.add_argument("--log-json", action="store_true", help="log JSON lines")
    parser.set_defaults(handler=run)


def has_display(environ: Mapping[str, str] | None = None) -> bool:
    """A screen to draw on: X11, Wayland, or a Qt platform chosen explicitly (offscreen)."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _fail(message: str) -> int:
    print(f"kiosk run: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2

    from kiosk import bootstrap
    from kiosk.ops import logging as kiosk_logging

    kiosk_logging.configure(level=args.log_level, json_lines=args.log_json)
    write_pid_file(os.environ.get("KIOSK_PID_FILE", ""))
    if args.config is None and not args.demo:
        # An installed kiosk: $KIOSK_CONFIG, else /etc/kiosk/kiosk.toml (the demo: its own).
        from kiosk.config import default_config_path

        args.config = default_config_path()
    overrides: dict[str, Any] = {}
    if args.db:
        overrides["ils_url"] = args.db
    if args.demo:
        overrides["demo"] = True
    if args.fullscreen:
        overrides["fullscreen"] = True
    try:
        config = load(args.config, **overrides)
        if config.demo:
            # Every device simulated, the payment terminal too.
            config = replace(
                config, devices=DevicesConfig(payment_terminal="simulated", rfid_pad="simulated")
            )
        code_rules = bootstrap.build_code_rules(config)
    except ConfigError as exc:
        if args.config is None or not args.config.is_file():
            return _fail(str(exc))  # nothing to correct and watch: say so and stop
        return _restart_if(_run_out_of_service(args, overrides, exc))
    try:
        devices = bootstrap.build_devices(config)
        mailer = bootstrap.build_mailer(config)
    except (ConfigError, bootstrap.StartupError) as exc:
        return _fail(str(exc))

    # Qt only now: the checks above must work (and fail fast) without it.
    from kiosk.domain.clock import SystemClock
    from kiosk.ils.deferred import DeferredLibrary
    from kiosk.ui.app import SimulatorSpec, UiError, UiSettings
    from kiosk.ui.app import run as run_ui

    simulator = None
    if config.demo:
        actions = bootstrap.simulator_actions(devices)
        if actions is not None:
            cards, items = bootstrap.demo_codes()
            simulator = SimulatorSpec(
                present_card=actions.present_card,
                remove_card=actions.remove_card,
                scan=actions.scan,
                set_fault=actions.set_fault,
                receipt_text=actions.receipt_text,
                receipts_printed=actions.receipts_printed,
                pad=actions.pad,
                cards=cards,
                items=items,
            )
    settings = UiSettings(
        greeting=config.greeting,
        timeouts=config.timeouts,
        library_name=config.library_name,
        fullscreen=config.fullscreen,
        lockdown=not config.demo,  # a member never gets out; the demo's window may close
        status_every=config.ils.sip2.heartbeat if config.ils.kind == "sip2" else 60.0,
        keyboard_scanner=config.devices.scanner == "keyboard",
        code_rules=code_rules,
        receipt_style=bootstrap.receipt_style(config),
        mail_subject=bootstrap.mail_subject(config),
        return_slips=config.receipt.return_slips,
        branch=config.branch,
        payment_reference=bootstrap.payment_reference(config),
        rfid_ask_count=bootstrap.rfid_settings(config).ask_count,
        discreet_titles=config.privacy.discreet_titles,
        shuffle_keypad=config.privacy.shuffle_keypad,
        privacy_statements=(
            Path(config.privacy.statement_dir) if config.privacy.statement_dir else None
        ),
        orientation=config.orientation,
        screen_diagonal_inch=config.screen_diagonal_inch,
        large_text=config.accessibility.large_text,
        high_contrast=config.accessibility.high_contrast,
        sounds=config.accessibility.sounds,
        volume=config.accessibility.volume,
        speech=config.accessibility.speech,
    )
    # The library system is opened on its worker thread once the idle screen is drawn (opening
    # the embedded one costs 300 ms of imports); a wrong setting still ends the program with
    # its one line.
    monitor = None
    if config.monitoring.enabled:
        from kiosk.ops.monitoring import Monitor

        monitor = Monitor(stall_after=config.monitoring.stall_after)
    observe = monitor.observe_ils if monitor is not None else None
    library = DeferredLibrary(lambda: bootstrap.build_library(config, observe=observe))
    from kiosk.ops.logging import RECENT

    def check() -> str:
        return bootstrap.settings_problem(args.config, **overrides) if args.config else ""

    def staff_tools(restart: Any) -> Any:
        return bootstrap.staff_tools(
            config, library, restart, check_config=check, recent_log=RECENT.lines
        )

    staff_cards = config.staff.cards
    if config.demo and not staff_cards:
        from kiosk.ils.embedded.fixtures import DEMO_STAFF_CARD

        staff_cards = (DEMO_STAFF_CARD,)  # on the simulator panel
    settings = replace(settings, staff_cards=staff_cards)
    try:
        code = run_ui(
            library,
            devices,
            SystemClock(),
            language=config.language,
            settings=settings,
            simulator=simulator,
            mailer=mailer,
            on_library_failed=lambda exc: print(f"kiosk run: {exc}", file=sys.stderr),
            monitor=monitor,
            monitoring=(config.monitoring.address, config.monitoring.port),
            offline_possible=config.offline.enabled,
            staff_tools=staff_tools,
        )
    except UiError as exc:
        return _fail(str(exc))
    return _restart_if(code)


def write_pid_file(path: str) -> None:
    """Say where this process is (``KIOSK_PID_FILE``): under cage the kiosk is not systemd's
    main process, and ``systemctl reload`` sends its SIGHUP here. A pid file that cannot be
    written is logged; the kiosk runs on."""
    if not path:
        return
    try:
        Path(path).write_text(f"{os.getpid()}\n", encoding="ascii")
    except OSError as exc:
        print(f"kiosk run: cannot write {path}: {exc.strerror}", file=sys.stderr)


def _restart_if(code: int) -> int:
    """Start ``kiosk run`` anew in this process when the UI asked for it; else its code."""
    from kiosk.ui.app import EXIT_RESTART

    if code != EXIT_RESTART:
        return code
    print("kiosk run: restarting", file=sys.stderr, flush=True)
    sys.stderr.flush()
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])
    return code  # not reached


def _run_out_of_service(
    args: argparse.Namespace, overrides: dict[str, Any], error: Exception
) -> int:
    """The settings file has an error: the kiosk's screen says it is out of service (and, for
    staff, the file's line and key), and it restarts once the file is corrected."""
    print(f"kiosk run: {error}; out of service until it is corrected", file=sys.stderr)
    from kiosk import bootstrap
    from kiosk.domain.clock import SystemClock
    from kiosk.ils.deferred import DeferredLibrary
    from kiosk.ils.port import IlsUnavailable
    from kiosk.ui.app import UiError, UiSettings
    from kiosk.ui.app import run as run_ui

    def check() -> str:
        return bootstrap.settings_problem(args.config, **overrides)

    def no_library() -> Any:
        raise IlsUnavailable("the settings have an error")

    defaults = load(None)
    try:
        return run_ui(
            DeferredLibrary(no_library),
            DeviceSet(),
            SystemClock(),
            language=defaults.language,
            settings=UiSettings(library_name="", status_every=3600.0),
            broken_config=(str(error), check),
        )
    except UiError as exc:
        return _fail(str(exc))
