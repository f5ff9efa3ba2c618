"""The log scrubber (``kiosk.ops.logging``, PRIVACY.md P5): whatever a record holds, no e-mail
address, no card number and none of the present member's names or titles reaches a log."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from kiosk.ops import logging as kiosk_logging
from kiosk.ops.logging import SCRUBBER, Scrubber


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    import sys
    import threading

    stream = io.StringIO()
    root = logging.getLogger()
    before = (root.handlers[:], root.level, sys.excepthook, threading.excepthook)
    kiosk_logging.configure(level="debug", json_lines=True, stream=stream)
    try:
        yield stream
    finally:
        SCRUBBER.forget()
        root.handlers[:], root.level, sys.excepthook, threading.excepthook = before


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_e_mail_addresses_and_card_numbers_never_reach_a_log(captured: io.StringIO) -> None:
    log = logging.getLogger("kiosk.test")
    log.warning("receipt for %s to %s", "2100000000001", "chloe.devries@example.org")
    log.info("item 3100000000004 at port 6001, 12 items, 1234567 bytes")
    [first, second] = _lines(captured)
    assert first["message"] == "receipt for <number> to <e-mail>"
    assert second["message"] == "item <number> at port 6001, 12 items, 1234567 bytes"


def test_the_present_members_names_and_titles_are_scrubbed_until_the_session_ends(
    captured: io.StringIO,
) -> None:
    log = logging.getLogger("kiosk.test")
    SCRUBBER.hold({"Chloë", "de Vries", "Het diner", "Al"})
    log.info("Chloë de Vries borrowed Het diner")
    log.info("Al is too short to scrub: it would take words apart")
    SCRUBBER.forget()
    log.info("Chloë again")
    messages = [line["message"] for line in _lines(captured)]
    assert messages == [
        "<personal> <personal> borrowed <personal>",
        "Al is too short to scrub: it would take words apart",
        "Chloë again",  # the scrubber keeps nothing after the session
    ]


def test_exceptions_extra_fields_and_plain_lines_are_scrubbed_too(
    captured: io.StringIO,
) -> None:
    log = logging.getLogger("kiosk.test")
    try:
        raise ValueError("no loan for 2100000000002 (rene@example.net)")
    except ValueError:
        log.exception("failed", extra={"card": "2100000000002"})
    [line] = _lines(captured)
    assert line["card"] == "<number>"
    assert "2100000000002" not in json.dumps(line) and "rene@" not in json.dumps(line)
    assert "ValueError: no loan for <number> (<e-mail>)" in str(line["traceback"])

    plain = io.StringIO()
    kiosk_logging.configure(level="info", stream=plain)
    logging.getLogger("kiosk.test").info("card %s", "2100000000002")
    assert plain.getvalue().rstrip().endswith("kiosk.test: card <number>")


def test_a_scrubber_alone_scrubs_text() -> None:
    scrubber = Scrubber()
    scrubber.hold(["Grand Hotel Europa", "Europa"])
    assert scrubber.scrub("Grand Hotel Europa; Europa") == "<personal>; <personal>"


def test_numbers_and_structures_in_extra_fields_are_scrubbed_too(captured: io.StringIO) -> None:
    log = logging.getLogger("kiosk.test")
    log.info("lookup", extra={"card": 2100000000001, "who": {"mail": "rene@example.net"}})
    [line] = _lines(captured)
    assert line["card"] == "<number>"
    assert "rene@" not in json.dumps(line) and "<e-mail>" in str(line["who"])


def test_a_record_whose_arguments_do_not_fit_is_logged_not_raised(captured: io.StringIO) -> None:
    logging.getLogger("kiosk.test").info("%d items", "many")  # a caller's mistake
    [line] = _lines(captured)
    assert "%d items" in str(line["message"])


def test_a_long_run_of_letters_is_scrubbed_quickly() -> None:
    import time

    text = "a" * 40_000 + " mail rene@example.net"
    started = time.perf_counter()
    assert Scrubber().scrub(text).endswith("mail <e-mail>")
    assert time.perf_counter() - started < 1.0  # quadratic, this took seconds


def test_uncaught_errors_go_through_the_scrubbed_log(captured: io.StringIO) -> None:
    import sys
    import threading

    try:
        raise RuntimeError("no loan for 2100000000002")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

    def fails() -> None:
        raise ValueError("rene@example.net")

    thread = threading.Thread(target=fails, name="worker")
    thread.start()
    thread.join()
    text = captured.getvalue()
    assert "uncaught error" in text and "uncaught error in thread worker" in text
    assert "2100000000002" not in text and "rene@example.net" not in text
