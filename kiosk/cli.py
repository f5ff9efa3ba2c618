"""The ``kiosk`` command line: parse, then hand over.

Each command group lives in its own module and registers its sub-parser here; heavy imports
(Qt, SQLAlchemy) happen only inside the command that needs them, so ``kiosk --help`` is fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kiosk import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Library Kiosk: self-service for public libraries."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    from kiosk import config_command, devices_command, run_command, staff_command
    from kiosk.bench import cli as bench_cli
    from kiosk.harness import cli as harness_cli
    from kiosk.harness import screenshots
    from kiosk.ils.embedded import cli as library_cli
    from kiosk.ils.sip2 import check_cli, server_cli

    run_command.register(sub)
    devices_command.register(sub)
    library_cli.register(sub)
    bench_cli.register(sub)
    harness_cli.register(sub)
    screenshots.register(sub)
    server_cli.register(sub)
    check_cli.register(sub)
    staff_command.register(sub)
    config_command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = args.handler
    try:
        code: int = handler(args)
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
