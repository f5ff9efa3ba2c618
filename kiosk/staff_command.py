"""``kiosk staff set-pin``: the staff PIN, as an argon2 hash in the kiosk's configuration.

The PIN is asked twice without echo (or read from standard input with ``--pin-stdin``, for
deployment tools), hashed with argon2id, and written as ``pin_hash`` into the ``[staff]`` table
of the configuration file, which is created where it is missing; every other line of the file
stays as it was. The PIN itself is never written, printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from pathlib import Path
from typing import Any

MIN_DIGITS, MAX_DIGITS = 4, 12


class StaffCommandError(Exception):
    pass


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "staff",
        help="staff maintenance mode: set the staff PIN",
        description="Staff maintenance mode (docs/staff.md).",
    )
    actions = parser.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    set_pin = actions.add_parser(
        "set-pin", help="hash a new staff PIN into the configuration ([staff] pin_hash)"
    )
    set_pin.add_argument(
        "--config", type=Path, required=True, metavar="FILE", help="the kiosk.toml to write"
    )
    set_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from standard input, once"
    )
    set_pin.set_defaults(handler=run)


def hash_pin(pin: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    """True when ``pin`` is the staff PIN of ``pin_hash``; never raises on a wrong PIN."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(PasswordHasher().verify(pin_hash, pin))
    except (VerificationError, InvalidHashError):
        return False


def _check(pin: str) -> str:
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise StaffCommandError(f"a staff PIN is {MIN_DIGITS} to {MAX_DIGITS} digits")
    return pin


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return _check(sys.stdin.readline().strip())
    first = _check(getpass.getpass("New staff PIN: "))
    if getpass.getpass("The same PIN again: ") != first:
        raise StaffCommandError("the two PINs differ; nothing was changed")
    return first


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Put ``pin_hash = "..."`` into ``[staff]`` of ``path``, keeping every other line."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines()
    line = f'pin_hash = "{pin_hash}"'
    header = next((i for i, x in enumerate(lines) if x.strip() == "[staff]"), None)
    if header is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += ["[staff]", line]
    else:
        end = next(
            (i for i in range(header + 1, len(lines)) if re.match(r"\s*\[", lines[i])),
            len(lines),
        )
        existing = next(
            (i for i in range(header + 1, end) if re.match(r"\s*pin_hash\s*=", lines[i])), None
        )
        if existing is None:
            lines.insert(header + 1, line)
        else:
            lines[existing] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from kiosk.config import ConfigError, load

    path: Path = args.config
    try:
        if path.exists():
            load(path)  # a file that is broken already: say so first, change nothing
        pin = _read_pin(args.pin_stdin)
        write_pin_hash(path, hash_pin(pin))
        load(path)
    except (StaffCommandError, ConfigError, OSError) as exc:
        print(f"kiosk staff set-pin: {exc}", file=sys.stderr)
        return 2
    print(f"kiosk staff set-pin: the staff PIN is set in {path} ([staff] pin_hash)")
    return 0
