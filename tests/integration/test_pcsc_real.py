"""The kiosk's PC/SC adapter on the real stack: pcscd, the vsmartcard vpcd driver, a virtual card.

The virtual card (``hardware.vpcd_card``) connects to the vpcd driver inside pcscd on loopback,
exactly as a card put on a reader reaches pcscd; the adapter sees it through libpcsclite and
pyscard, reads the UID with ``FF CA 00 00 00`` and turns it into the card number. These tests
start their own pcscd (one per machine: its socket path is fixed) unless one already serves the
virtual readers. Under ``CI`` a missing pcscd or vpcd fails the run; elsewhere it skips.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from hardware.codes import UidEncoding, UidRule
from hardware.ports import CardPresented, Health
from kiosk.bench import pcscd as pcscd_daemon
from kiosk.bench.pcscd import Pcscd

try:
    from hardware.pcsc import PcscCardReader, PcscSettings
    from hardware.vpcd_card import CardProfile, VirtualCard
except ImportError as exc:  # pragma: no cover - pyscard needs libpcsclite
    if os.environ.get("CI"):
        raise
    pytest.skip(f"pyscard is not usable here: {exc}", allow_module_level=True)

READER = r"^Virtual PCD 00 00"
UID = bytes.fromhex("04A1B2C3D4E580")
WAIT = 10.0


class Events:
    def __init__(self) -> None:
        self.presented: list[CardPresented] = []
        self.removed: list[str] = []
        self.changed = threading.Condition()

    def on_presented(self, event: CardPresented) -> None:
        with self.changed:
            self.presented.append(event)
            self.changed.notify_all()

    def on_removed(self, reader: str) -> None:
        with self.changed:
            self.removed.append(reader)
            self.changed.notify_all()

    def wait(self, what: str, n: int) -> None:
        with self.changed:
            ok = self.changed.wait_for(lambda: len(getattr(self, what)) >= n, timeout=WAIT)
        assert ok, f"no {what} event {n} within {WAIT} s"


@pytest.fixture
def events() -> Events:
    return Events()


def _reader(rule: UidRule) -> PcscCardReader:
    return PcscCardReader(PcscSettings(reader=READER, uid_rule=rule, retry_s=0.2))


def test_a_tapped_card_becomes_a_card_number_and_taking_it_away_is_seen(
    pcscd: Pcscd, events: Events
) -> None:
    rule = UidRule(UidEncoding.DECIMAL, use_bytes=4, prefix="21", length=11)
    reader = _reader(rule)
    reader.start(events.on_presented, events.on_removed)
    try:
        deadline = time.monotonic() + WAIT
        while reader.health().state is not Health.OK and time.monotonic() < deadline:
            time.sleep(0.02)
        assert reader.health().state is Health.OK
        with VirtualCard(CardProfile(uid=UID), port=35963) as card:
            pcscd_daemon.insert_card(card, WAIT)
            events.wait("presented", 1)
            first = events.presented[0]
            assert first.card_number == "2100077705923"  # 0x04A1B2C3, zero-padded to 11
            assert first.raw_id == UID
            assert first.reader.startswith("Virtual PCD 00 00")
            assert card.apdus and card.apdus[0] == bytes.fromhex("FFCA000000")
            card.remove()
            events.wait("removed", 1)
            pcscd_daemon.insert_card(card, WAIT)  # the same card again: a new event
            events.wait("presented", 2)
    finally:
        reader.stop()
    assert len(events.presented) == 2


def test_the_reader_recovers_when_pcscd_restarts(pcscd: Pcscd, events: Events) -> None:
    reader = _reader(UidRule(UidEncoding.HEX))
    reader.start(events.on_presented, events.on_removed)
    try:
        pcscd.stop()
        try:
            # First the reader goes, then the service: wait for the service to be missed.
            deadline = time.monotonic() + WAIT
            while "service" not in reader.health().reason and time.monotonic() < deadline:
                time.sleep(0.02)
            assert reader.health().state is Health.FAILED
            assert reader.health().reason == "The card reader service is not running"
        finally:
            pcscd.start()  # whatever happened, the next test has its pcscd
        with VirtualCard(CardProfile(uid=UID), port=35963) as card:
            pcscd_daemon.insert_card(
                card, WAIT
            )  # the driver listens again once pcscd has loaded it
            events.wait("presented", 1)
        assert events.presented[0].card_number == UID.hex().upper()
        assert reader.health().state is Health.OK
    finally:
        reader.stop()


def test_kiosk_devices_lists_the_readers_and_tests_a_card_masked(
    pcscd: Pcscd, tmp_path: Path
) -> None:
    import argparse
    import io

    from kiosk import devices_command

    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[devices]\ncard_reader = "pcsc"\n[devices.pcsc]\nreader = "^Virtual PCD 00 00"\n'
        '[devices.pcsc.uid]\nuse_bytes = 4\nprefix = "21"\nlength = 11\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    listing = argparse.Namespace(config=config, action="list")
    assert devices_command.run(listing, out) == 0
    assert "Virtual PCD 00 00" in out.getvalue()

    out, err = io.StringIO(), io.StringIO()
    test = argparse.Namespace(config=config, action="test", device="card", timeout=WAIT)
    codes: list[int] = []
    runner = threading.Thread(target=lambda: codes.append(devices_command.run(test, out, err)))
    runner.start()
    try:
        deadline = time.monotonic() + WAIT
        while "put a card" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.02)
        with VirtualCard(CardProfile(uid=UID), port=35963) as card:
            pcscd_daemon.insert_card(card, WAIT)
            runner.join(WAIT + 5)
    finally:
        runner.join(WAIT + 5)
    assert codes == [0], err.getvalue()
    text = out.getvalue()
    assert "card number: *********5923" in text  # 2100077705923, masked (P4)
    assert "2100077705923" not in text


def test_a_card_swapped_quickly_is_a_removal_and_a_new_card(pcscd: Pcscd, events: Events) -> None:
    reader = _reader(UidRule(UidEncoding.HEX))
    reader.start(events.on_presented, events.on_removed)
    try:
        with VirtualCard(CardProfile(uid=UID), port=35963) as first:
            pcscd_daemon.insert_card(first, WAIT)
            events.wait("presented", 1)
        # The second card goes on at once, before pcscd's next look at the reader.
        other = bytes.fromhex("04112233445566")
        with VirtualCard(CardProfile(uid=other), port=35963) as second:
            pcscd_daemon.insert_card(second, WAIT)
            events.wait("presented", 2)
        assert events.removed, "the first card's removal was not reported"
        assert [e.card_number for e in events.presented] == [UID.hex().upper(), other.hex().upper()]
    finally:
        reader.stop()


def test_a_failing_event_handler_does_not_stop_the_watching(pcscd: Pcscd, events: Events) -> None:
    calls: list[str] = []

    def explode(event: CardPresented) -> None:
        calls.append(event.card_number)
        if len(calls) == 1:
            raise RuntimeError("a handler bug")
        events.on_presented(event)

    reader = _reader(UidRule(UidEncoding.HEX))
    reader.start(explode, events.on_removed)
    try:
        for _ in range(2):
            with VirtualCard(CardProfile(uid=UID), port=35963) as card:
                pcscd_daemon.insert_card(card, WAIT)
                deadline = time.monotonic() + WAIT
                n = len(calls)
                while len(calls) == n and time.monotonic() < deadline:
                    time.sleep(0.02)
            events.wait("removed", len(calls))
        assert len(calls) == 2 and len(events.presented) == 1
        assert reader.health().state is Health.OK
    finally:
        reader.stop()


def test_kiosk_devices_tap_puts_a_card_on_the_real_reader_for_a_while(
    pcscd: Pcscd, events: Events
) -> None:
    """The demo's and integrator's way to tap a card through the real driver path: a separate
    ``kiosk devices tap`` process; the adapter sees the card, then its removal after --hold."""
    import subprocess
    import sys

    rule = UidRule(UidEncoding.DECIMAL, use_bytes=4, prefix="21", length=11)
    reader = _reader(rule)
    reader.start(events.on_presented, events.on_removed)
    try:
        deadline = time.monotonic() + WAIT
        while reader.health().state is not Health.OK and time.monotonic() < deadline:
            time.sleep(0.02)
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "devices", "tap", "--uid", UID.hex(), "--hold", "1.5"],
            capture_output=True,
            text=True,
            timeout=WAIT + 10,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert time.monotonic() - started >= 1.5
        events.wait("presented", 1)
        events.wait("removed", 1)
    finally:
        reader.stop()
    assert events.presented[0].card_number == "2100077705923"
    assert "on the virtual reader for 1.5 s" in done.stdout


def test_kiosk_devices_tap_says_what_is_wrong_without_a_driver(tmp_path: Path) -> None:
    import argparse
    import io

    from kiosk import devices_command

    out, err = io.StringIO(), io.StringIO()
    free = 1  # nothing listens on port 1 of loopback
    args = argparse.Namespace(config=None, action="tap", uid=UID.hex(), hold=1.0, port=free)
    assert devices_command.run(args, out, err) == 1
    assert "no vpcd driver reachable at 127.0.0.1:1" in err.getvalue()
    args = argparse.Namespace(config=None, action="tap", uid="04ZZ", hold=1.0, port=free)
    assert devices_command.run(args, out, err) == 2
    assert "--uid: not a card UID in hex" in err.getvalue()
