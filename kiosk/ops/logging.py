"""Logging set-up: plain lines or JSON to stderr (the systemd journal), never personal data (P5).

Code logs only reason codes, counts and device or endpoint names: personal data is kept out at
the source. The :class:`Scrubber` is the second line: a filter on every handler that checks
every record, whoever wrote it (a library, an exception's message), and replaces

- e-mail addresses with ``<e-mail>``;
- runs of 8 or more digits (card numbers, and item barcodes that could be tied to someone) with
  ``<number>``;
- the names and titles of the member at the kiosk now, which the UI hands it for the length of
  the session (:meth:`Scrubber.hold`, :meth:`Scrubber.forget`), with ``<personal>``.

It holds those strings in memory only, while the session lasts, as the session itself does.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
from collections import deque
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

# Bounded parts: a long run of letters is never tried from every place it starts.
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_NUMBER = re.compile(r"(?<!\d)\d{8,}(?!\d)")


class Scrubber(logging.Filter):
    """Takes personal data out of every record it sees (module doc)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._held: tuple[str, ...] = ()

    def hold(self, strings: Iterable[str]) -> None:
        """Scrub these too, from now until :meth:`forget` (the member at the kiosk)."""
        fresh = {s for s in strings if len(s.strip()) >= 3}  # "Al" would scrub too much
        with self._lock:
            merged = set(self._held) | fresh
            # Longest first: a title that holds a name is taken out whole.
            self._held = tuple(sorted(merged, key=len, reverse=True))

    def forget(self) -> None:
        with self._lock:
            self._held = ()

    def scrub(self, text: str) -> str:
        with self._lock:
            held = self._held
        for secret in held:
            if secret in text:
                text = text.replace(secret, "<personal>")
        text = _EMAIL.sub("<e-mail>", text)
        return _NUMBER.sub("<number>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: log what there is
            message = f"{record.msg} {record.args!r}"
        record.msg = self.scrub(message)
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key in _STANDARD or value is None or isinstance(value, bool | float):
                continue
            if isinstance(value, str):
                text = value
            elif isinstance(value, int):
                text = str(value)
            else:
                text = json.dumps(value, default=str)
            scrubbed = self.scrub(text)
            if scrubbed != text:
                setattr(record, key, scrubbed)
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = self.scrub(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        return True


#: the kiosk's one scrubber, on every handler :func:`configure` installs
SCRUBBER = Scrubber()


class RecentLines(logging.Handler):
    """The last log lines in memory, already scrubbed: for the diagnostics bundle staff export
    (``kiosk.ops.diagnostics``). Nothing is written anywhere."""

    def __init__(self, size: int = 500) -> None:
        super().__init__()
        self._lines: deque[str] = deque(maxlen=size)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.addFilter(SCRUBBER)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # a record that cannot be formatted is not worth losing the kiosk
            return
        with self.lock or threading.Lock():
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self.lock or threading.Lock():
            return list(self._lines)


#: what :func:`configure` keeps for the diagnostics bundle
RECENT = RecentLines()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD:
                data[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            data["error"] = record.exc_info[0].__name__
        if record.exc_text:
            data["traceback"] = record.exc_text
        return json.dumps(data, ensure_ascii=False, default=str)


def configure(
    *, level: str = "info", json_lines: bool = False, stream: TextIO | None = None
) -> logging.Handler:
    """One handler on the root logger, to ``stream`` (stderr), scrubbed; returns it."""
    handler = logging.StreamHandler(stream or sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SCRUBBER)
    root = logging.getLogger()
    root.handlers[:] = [handler, RECENT]
    root.setLevel(level.upper())
    # What nobody caught goes through the log too (scrubbed), not straight to stderr.
    sys.excepthook = _uncaught
    threading.excepthook = _uncaught_in_thread
    return handler


def _uncaught(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logging.getLogger("kiosk").critical("uncaught error", exc_info=(kind, error, trace))


def _uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    logging.getLogger("kiosk").error(
        "uncaught error in thread %s",
        args.thread.name if args.thread is not None else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
