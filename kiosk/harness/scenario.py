"""Harness scenarios: TOML files of steps, read and checked before anything runs.

A scenario is a name, an optional description and a list of steps; each step is a table with
exactly one action and, for the waiting ones, an optional ``timeout_ms``. The format is
documented in ``docs/scenarios.md``; errors name the file, the step and the key, e.g.
``borrow.toml: step 3: scan: must be a text``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.session import Screen


class ScenarioError(ValueError):
    """A scenario file that cannot be run as written."""


#: action -> (what its value must be, a description for the docs and ``--help``)
ACTIONS: Mapping[str, tuple[str, str]] = {
    # -- devices
    "present_card": ("text", "put a card with this number on the card reader"),
    "remove_card": ("true", "take the card off the reader"),
    "scan": ("text", "scan this code with the barcode scanner"),
    "printer": (
        "fault",
        "the receipt printer becomes: ok, paper_out, paper_near_end, cover_open or offline",
    ),
    "reader": ("plug", "the card reader is: plugged or unplugged"),
    "place_items": (
        "items",
        "put items with these barcodes on the RFID pad, one tag each (ISO 28560-3); "
        "'3100000000014 2/3' is part 2 of 3",
    ),
    "lift_items": ("true", "take everything off the RFID pad"),
    "terminal": (
        "payment",
        "the payment terminal's next payment ends: approved, declined, cancelled, error, "
        "uncertain or unreachable",
    ),
    # -- the member's fingers
    "tap": ("text", "tap the item with this objectName"),
    "tap_text": ("text", "tap the visible item that shows exactly this text"),
    "type_card": ("digits", "on the card number keypad: type these digits and OK"),
    "type_pin": ("digits", "on the PIN keypad: type these digits and OK"),
    "choose_language": ("text", "choose this language (nl, en, de, tr, ar, pl, uk)"),
    # -- time
    "advance": ("seconds", "move the kiosk's clock forward by this many seconds"),
    "wait_ms": ("ms", "let the kiosk run for this many milliseconds of real time"),
    # -- expectations
    "wait_screen": ("screen", "wait until this screen is shown"),
    "expect_screen": ("screen", "this screen is shown (waits up to timeout_ms)"),
    "expect_text": ("text", "a visible text contains this (waits up to timeout_ms)"),
    "expect_no_text": ("text", "no visible text contains this"),
    "expect_message": ("text", "the kiosk's message to the member contains this"),
    "expect_receipt": ("texts", "the last printed receipt contains each of these"),
    "expect_receipt_not": ("texts", "the last printed receipt contains none of these"),
    "expect_receipts": ("count", "this many receipts were printed in this scenario"),
    "expect_no_personal_data": (
        "true",
        "nothing of the members who used the kiosk in this scenario (names, card numbers, "
        "e-mail, titles) is visible or held anywhere in the UI",
    ),
}

SCREENS = tuple(screen.value for screen in Screen)
PRINTER_STATES = ("ok", "paper_out", "paper_near_end", "cover_open", "offline")
LANGUAGES = ("nl", "en", "de", "tr", "ar", "pl", "uk")
MAX_TIMEOUT_MS = 60_000
TERMINAL_OUTCOMES = ("approved", "declined", "cancelled", "error", "uncertain", "unreachable")


def pad_item(text: str) -> tuple[str, int, int]:
    """``'3100000000014 2/3'`` -> (barcode, part, parts); a bare barcode is part 1 of 1."""
    barcode, _, part = text.strip().partition(" ")
    if not part:
        return barcode, 1, 1
    number, _, total = part.partition("/")
    return barcode, int(number), int(total)


def _pad_item(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        barcode, part, parts = pad_item(value)
    except ValueError:
        return False
    return bool(barcode) and len(barcode) <= 16 and barcode.isascii() and 1 <= part <= parts <= 255


@dataclass(frozen=True, slots=True)
class Step:
    number: int  # 1-based, as the report and errors count
    action: str
    value: Any
    timeout_ms: int | None = None
    note: str = ""

    def describe(self) -> str:
        value = self.value
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        return f"{self.action}" if value is True else f"{self.action} {value}"


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    source: str
    steps: tuple[Step, ...]
    description: str = ""

    @property
    def slug(self) -> str:
        stem = Path(self.source).stem if self.source else self.name
        return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)


def load(path: Path) -> Scenario:
    source = str(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ScenarioError(f"{source}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{source}: not TOML: {exc}") from None
    return parse(data, source)


def parse(data: Mapping[str, Any], source: str) -> Scenario:
    known = {"name", "description", "step"}
    for key in data:
        if key not in known:
            raise ScenarioError(f"{source}: {key}: unknown key (known: {sorted(known)})")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError(f"{source}: name: needed, a text")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ScenarioError(f"{source}: description: must be a text")
    raw_steps = data.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise ScenarioError(f"{source}: step: needed, one [[step]] table per step")
    steps = tuple(_step(raw, n, source) for n, raw in enumerate(raw_steps, start=1))
    return Scenario(name.strip(), source, steps, description.strip())


def _step(raw: Any, n: int, source: str) -> Step:
    where = f"{source}: step {n}"
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: must be a table")
    actions = [key for key in raw if key in ACTIONS]
    unknown = [key for key in raw if key not in ACTIONS and key not in ("timeout_ms", "note")]
    if unknown:
        raise ScenarioError(f"{where}: {unknown[0]}: unknown action (see docs/scenarios.md)")
    if len(actions) != 1:
        found = ", ".join(actions) if actions else "none"
        raise ScenarioError(f"{where}: needs exactly one action, found {found}")
    action = actions[0]
    value = _value(action, raw[action], f"{where}: {action}")
    timeout = raw.get("timeout_ms")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int) or not 0 < timeout <= 60_000
    ):
        raise ScenarioError(f"{where}: timeout_ms: must be whole milliseconds, 1 to 60000")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise ScenarioError(f"{where}: note: must be a text")
    return Step(n, action, value, timeout, note)


def _value(action: str, value: Any, where: str) -> Any:
    kind = ACTIONS[action][0]
    if kind == "true":
        if value is not True:
            raise ScenarioError(f"{where}: must be true")
        return True
    if kind in ("text", "digits"):
        if not isinstance(value, str) or not value:
            raise ScenarioError(f"{where}: must be a text")
        if kind == "digits" and not value.isdigit():
            raise ScenarioError(f"{where}: must be digits only")
        if action == "choose_language" and value not in LANGUAGES:
            raise ScenarioError(f"{where}: must be one of {', '.join(LANGUAGES)}")
        return value
    if kind == "texts":
        values = [value] if isinstance(value, str) else value
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) and v for v in values)
        ):
            raise ScenarioError(f"{where}: must be a text or a list of texts")
        return tuple(values)
    if kind == "items":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(_pad_item(v) for v in items):
            raise ScenarioError(
                f"{where}: must be a barcode or a list of them, each maybe with its part, "
                "e.g. '3100000000014 2/3'"
            )
        return tuple(items)
    if kind == "payment":
        if value not in TERMINAL_OUTCOMES:
            raise ScenarioError(f"{where}: must be one of {', '.join(TERMINAL_OUTCOMES)}")
        return value
    if kind == "screen":
        if value not in SCREENS:
            raise ScenarioError(f"{where}: must be one of {', '.join(SCREENS)}")
        return value
    if kind == "fault":
        if value not in PRINTER_STATES:
            raise ScenarioError(f"{where}: must be one of {', '.join(PRINTER_STATES)}")
        return value
    if kind == "plug":
        if value not in ("plugged", "unplugged"):
            raise ScenarioError(f"{where}: must be 'plugged' or 'unplugged'")
        return value
    if kind in ("seconds", "ms", "count"):
        number_ok = isinstance(value, int | float) and not isinstance(value, bool)
        limit = {"seconds": 86_400 * 400, "ms": MAX_TIMEOUT_MS, "count": 1000}[kind]
        if not number_ok or not 0 <= value <= limit or (kind != "seconds" and value != int(value)):
            raise ScenarioError(f"{where}: must be a number from 0 to {limit}")
        return value if kind == "seconds" else int(value)
    raise AssertionError(f"no check for {kind}")  # pragma: no cover - ACTIONS and this agree
