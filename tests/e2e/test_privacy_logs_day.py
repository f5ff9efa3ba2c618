"""A day at the kiosk, and not one personal detail in its logs or in any file it wrote (P5, P6).

Every scenario of the library (docs/scenarios/: every fixture member, borrowing, returns,
renewals, PINs, blocks, fees, receipts, timeouts, printer and reader trouble) runs on the real
kiosk with logging at debug level in JSON, as ``kiosk run --log-level debug --log-json`` logs,
and again over SIP2 (a server on 127.0.0.1) for the scenarios that run there. Then the log, and
every record as it was logged before the scrubber saw it, and every file left in the
temporary folder, are searched for each fixture member's names, card number, PIN and
e-mail address, and for every fixture item's title: none may be found. (The kiosk's temporary
folder is one of the test's own for the day; the library system's database is not the
kiosk's, and is not searched.)

The records before the scrubber are checked too: the kiosk keeps personal data out of its logs
at the source, the scrubber is the second line.
"""

from __future__ import annotations

import io
import json
import logging
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.harness.runner import Harness, Options
from kiosk.harness.scenario import load
from kiosk.ils.embedded.fixtures import FIXTURE_ITEMS, FIXTURES
from kiosk.ops import logging as kiosk_logging
from kiosk.ops.logging import SCRUBBER

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "docs" / "scenarios").glob("*.toml"))
SIP2_SCENARIOS = ("borrow-without-pin-no-receipt", "wrong-pin-then-locked", "preferred-name")


class Raw(logging.Handler):
    """Every record as logged, before the scrubber."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.messages.append(text)


def _secrets() -> set[str]:
    found: set[str] = set()
    for member in FIXTURES:
        found.update((member.card_number, member.given_name, member.family_name))
        found.update(x for x in (member.preferred_name, member.email, member.pin) if x)
        found.add(f"{member.given_name} {member.family_name}")
    found.update(item.title for item in FIXTURE_ITEMS)
    # Short first names ("Bo") and PINs ("1234") stand for themselves only as whole words.
    return {s for s in found if len(s) >= 4}


@pytest.fixture
def logged() -> Iterator[tuple[io.StringIO, Raw]]:
    import sys
    import threading

    stream = io.StringIO()
    root = logging.getLogger()
    before = (root.handlers[:], root.level, sys.excepthook, threading.excepthook)
    kiosk_logging.configure(level="debug", json_lines=True, stream=stream)
    raw = Raw()
    root.handlers.insert(0, raw)  # sees each record before the scrubbing handler does
    try:
        yield stream, raw
    finally:
        SCRUBBER.forget()
        root.handlers[:], root.level, sys.excepthook, threading.excepthook = before


@pytest.mark.usefixtures("qapp")
def test_a_day_of_sessions_leaves_no_personal_data_in_logs_or_files(
    logged: tuple[io.StringIO, Raw],
    sip2_port: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream, raw = logged
    # The kiosk's temporary folder, for the day: what is left in it afterwards is looked at.
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    results = Harness(Options()).run([load(p) for p in SCENARIOS])
    assert all(r.passed for r in results), [r.name for r in results if not r.passed]
    base = Config()
    sip2 = replace(base.ils.sip2, profile="kiosk", institution="DAL", encoding="utf-8")
    options = Options(
        ils=f"sip2://kiosk-dal-1@127.0.0.1:{sip2_port}",
        config=replace(base, ils=replace(base.ils, sip2=sip2)),
        sip2_password="s3cret",
    )
    over_sip2 = [load(p) for p in SCENARIOS if p.stem in SIP2_SCENARIOS]
    assert len(over_sip2) == len(SIP2_SCENARIOS)
    assert all(r.passed for r in Harness(options).run(over_sip2))

    log = stream.getvalue()
    assert len(raw.messages) > 50, "a day of sessions logs something"
    assert '"logger": "kiosk.' in log
    secrets = _secrets()
    at_the_source = sorted(s for s in secrets if any(s in m for m in raw.messages))
    assert at_the_source == [], "logged by the kiosk itself"
    # Each line's own time stamp is not looked at: its microseconds may spell a PIN ("1234").
    said = "\n".join(
        json.dumps({k: v for k, v in json.loads(line).items() if k != "time"}, ensure_ascii=False)
        for line in log.splitlines()
        if line.strip()
    )
    assert sorted(s for s in secrets if s in said) == []
    written = [p for p in temp.rglob("*") if p.is_file()]
    for path in written:
        try:
            content = path.read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        assert sorted(s for s in secrets if s in content) == [], path
