"""``kiosk config check [FILE]``: is this settings file one the kiosk can run with?

It reads the file as ``kiosk run`` does and builds everything that needs no device and no
network (``bootstrap.check_settings``): each problem is said as ``file:line: key: problem``.
Without FILE: ``$KIOSK_CONFIG``, else ``/etc/kiosk/kiosk.toml``. Exit status 0 when the file is
good, 1 when it has an error, 2 when there is no file to check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "config",
        help="check a settings file",
        description="Check the kiosk's settings file: errors name the file, line and key.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="check a settings file (default: $KIOSK_CONFIG or /etc/kiosk/kiosk.toml)"
    )
    check.add_argument("file", nargs="?", type=Path, default=None, metavar="FILE")
    check.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from kiosk import bootstrap
    from kiosk.config import ConfigError, default_config_path, load

    out = out or sys.stdout
    err = err or sys.stderr
    path = args.file or default_config_path()
    if path is None:
        print(
            "kiosk config check: no settings file: name one, or set KIOSK_CONFIG, or put it in "
            "/etc/kiosk/kiosk.toml (resources/config/kiosk.example.toml is a commented example)",
            file=err,
        )
        return 2
    if not path.is_file():
        print(f"kiosk config check: {path}: no such file", file=err)
        return 2
    try:
        config = load(path)
        bootstrap.check_settings(config)
    except (ConfigError, bootstrap.StartupError) as exc:
        print(f"kiosk config check: {exc}", file=err)
        return 1
    d = config.devices
    ils = (
        f"sip2 {config.ils.sip2.host}:{config.ils.sip2.port} ({config.ils.sip2.profile})"
        if config.ils.kind == "sip2"
        else "embedded"
    )
    print(f"{path}: good", file=out)
    print(
        f"  library system: {ils}; offline: {'on' if config.offline.enabled else 'off'}", file=out
    )
    print(
        f"  devices: card reader {d.card_reader}, scanner {d.scanner}, printer {d.printer}, "
        f"RFID pad {d.rfid_pad}, payment terminal {d.payment_terminal}",
        file=out,
    )
    return 0
