"""The serial scanner adapter on a real serial path: a pseudo-terminal.

The pty's slave device is the scanner's port (opened by pyserial as any tty); the test plays
the scanner by writing its bytes to the master side.
"""

from __future__ import annotations

import logging
import os
import queue
import time
import tty
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hardware.ports import CodeRead, DeviceHealth, Health
from hardware.serial_scanner import SerialScanner, SerialScannerSettings, clean_code

WAIT_S = 2.0


@dataclass
class Pty:
    master: int
    slave: int
    path: str

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)
        self.master = self.slave = -1


def _open_pty() -> Pty:
    try:
        master, slave = os.openpty()
    except OSError as exc:  # no /dev/pts (a bare chroot): the real serial path cannot be had
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no pseudo-terminals here: {exc}")
    tty.setraw(slave)  # CR and LF reach the scanner untranslated, nothing is echoed
    return Pty(master, slave, os.ttyname(slave))


@pytest.fixture
def pty_port() -> Iterator[Pty]:
    pty = _open_pty()
    try:
        yield pty
    finally:
        pty.close()


class Running:
    """A started scanner and the codes it delivered."""

    def __init__(self, scanner: SerialScanner) -> None:
        self.scanner = scanner
        self.codes: queue.Queue[CodeRead] = queue.Queue()

    def next_code(self) -> str:
        return self.codes.get(timeout=WAIT_S).code

    def wait_for(self, what: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT_S
        while not what():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; health is {self.scanner.health()}")
            time.sleep(0.01)

    def wait_ok(self) -> None:
        self.wait_for(lambda: self.scanner.health().state is Health.OK)


@pytest.fixture
def run_scanner() -> Iterator[Callable[..., Running]]:
    started: list[SerialScanner] = []

    def start(port: str, **settings: object) -> Running:
        settings.setdefault("reopen_s", 0.1)
        scanner = SerialScanner(SerialScannerSettings(port=port, **settings))  # type: ignore[arg-type]
        running = Running(scanner)
        scanner.start(running.codes.put)
        started.append(scanner)
        return running

    yield start
    for scanner in started:
        scanner.stop()


def test_codes_with_cr_lf_and_crlf_terminators(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    pty_port.write(b"30001234\r")
    assert running.next_code() == "30001234"
    pty_port.write(b"30005678\n")
    assert running.next_code() == "30005678"
    pty_port.write(b"30009999\r\n")
    assert running.next_code() == "30009999"
    pty_port.write(b"X1\r")
    assert running.next_code() == "X1"  # the LF of CRLF gave no empty code in between
    assert running.scanner.rejected == 0


def test_code_read_names_its_source(pty_port: Pty, run_scanner: Callable[..., Running]) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    pty_port.write(b"ABC\r")
    read = running.codes.get(timeout=WAIT_S)
    assert read == CodeRead(code="ABC", symbology=None, source=pty_port.path)


def test_two_codes_in_one_write_and_one_code_over_several_writes(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    pty_port.write(b"111\r222\r")
    assert [running.next_code(), running.next_code()] == ["111", "222"]
    for part in (b"97890", b"4614", b"3561\r"):
        pty_port.write(part)
        time.sleep(0.05)
    assert running.next_code() == "978904614" + "3561"
    assert running.codes.empty()


def test_prefix_and_suffix_are_stripped_when_present(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path, prefix="]C0", suffix="#")
    running.wait_ok()
    pty_port.write(b"]C0ABC123#\r")
    assert running.next_code() == "ABC123"
    pty_port.write(b"NOPREFIX\r")
    assert running.next_code() == "NOPREFIX"
    pty_port.write(b"]C0ONLYPREFIX\r")
    assert running.next_code() == "ONLYPREFIX"


def test_whitespace_and_control_characters_are_dropped_and_empty_codes_ignored(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    pty_port.write(b"\r\n  \r\x02\x03\r\t\r")  # nothing but empties
    pty_port.write(b"\x02 12\x0034 \x03\r")
    assert running.next_code() == "1234"
    assert running.codes.empty()
    assert running.scanner.rejected == 0


def test_an_over_long_run_is_discarded_and_the_next_code_read(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path, max_length=8)
    running.wait_ok()
    pty_port.write(b"GARBAGEGARBAGE")
    pty_port.write(b"MOREGARBAGE\r")  # the rest of the same run: still one rejection
    pty_port.write(b"12345678\r")  # exactly max_length is fine
    assert running.next_code() == "12345678"
    assert running.scanner.rejected == 1
    assert running.codes.empty()


def test_undecodable_bytes_are_rejected_not_a_crash(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    pty_port.write(b"12\xff\xfe34\r")
    pty_port.write(b"5678\r")
    assert running.next_code() == "5678"
    assert running.scanner.rejected == 1
    assert running.scanner.health().state is Health.OK


def test_a_partial_scan_that_stops_arriving_is_discarded(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path, partial_timeout_s=0.3)
    running.wait_ok()
    pty_port.write(b"123")
    running.wait_for(lambda: running.scanner.rejected == 1)
    pty_port.write(b"456\r")
    assert running.next_code() == "456"


def test_a_failing_receiver_does_not_stop_the_scanner(pty_port: Pty) -> None:
    codes: list[str] = []

    def receiver(read: CodeRead) -> None:
        codes.append(read.code)
        if len(codes) == 1:
            raise RuntimeError("the receiver broke")

    scanner = SerialScanner(SerialScannerSettings(port=pty_port.path))
    scanner.start(receiver)
    try:
        running = Running(scanner)
        running.wait_ok()
        pty_port.write(b"A1\r")
        pty_port.write(b"B2\r")
        running.wait_for(lambda: len(codes) == 2)
        assert codes == ["A1", "B2"]
        assert scanner.health().state is Health.OK
    finally:
        scanner.stop()


def test_code_text_is_never_logged(
    pty_port: Pty, run_scanner: Callable[..., Running], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="hardware")
    running = run_scanner(pty_port.path, max_length=12)
    running.wait_ok()
    pty_port.write(b"SECRET4711\r")
    pty_port.write(b"SECRETLONG_0815_XYZ\r")
    pty_port.write(b"SECRET\xff9\r")
    pty_port.write(b"SECRET4712\r")
    assert running.next_code() == "SECRET4711"
    assert running.next_code() == "SECRET4712"
    assert running.scanner.rejected == 2
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "rejected" in text  # rejections are logged, so this looks at real log lines
    assert "SECRET" not in text


def test_health_is_ok_while_open_and_stop_is_prompt(
    pty_port: Pty, run_scanner: Callable[..., Running]
) -> None:
    running = run_scanner(pty_port.path)
    running.wait_ok()
    health = running.scanner.health()
    assert (health.device, health.reason) == ("barcode scanner", "")
    time.sleep(0.3)  # a few empty reads: still OK
    assert running.scanner.health().state is Health.OK
    began = time.monotonic()
    running.scanner.stop()
    assert time.monotonic() - began < 0.5
    assert running.scanner.health().state is not Health.OK
    running.scanner.stop()  # a second stop is harmless


def test_start_twice_is_refused(pty_port: Pty, run_scanner: Callable[..., Running]) -> None:
    running = run_scanner(pty_port.path)
    with pytest.raises(RuntimeError, match="already started"):
        running.scanner.start(lambda read: None)


def test_bad_settings_are_refused_at_once() -> None:
    with pytest.raises(ValueError, match="terminator"):
        SerialScanner(SerialScannerSettings(port="/dev/ttyS0", terminators=b""))
    with pytest.raises(ValueError, match="port"):
        SerialScanner(SerialScannerSettings(port=""))
    with pytest.raises(LookupError):
        SerialScanner(SerialScannerSettings(port="/dev/ttyS0", encoding="no-such-codec"))


def test_a_missing_port_fails_then_recovers_when_plugged_and_fails_when_unplugged(
    tmp_path: Path, run_scanner: Callable[..., Running]
) -> None:
    link = tmp_path / "serial-by-id-scanner"
    running = run_scanner(str(link))
    scanner = running.scanner
    running.wait_for(lambda: scanner.health().state is Health.FAILED)
    assert str(link) in scanner.health().reason
    assert "not connected" in scanner.health().reason

    pty = _open_pty()  # "plug in" the scanner
    try:
        link.symlink_to(pty.path)
        running.wait_ok()
        pty.write(b"PLUGGED1\r")
        read = running.codes.get(timeout=WAIT_S)
        assert (read.code, read.source) == ("PLUGGED1", str(link))

        pty.close()  # "unplug": reads on the scanner's side fail
        link.unlink()
        running.wait_for(lambda: scanner.health().state is Health.FAILED)
        assert str(link) in scanner.health().reason
        time.sleep(0.3)  # retried a few times, and still failed
        assert scanner.health().state is Health.FAILED
    finally:
        pty.close()

    pty = _open_pty()  # and plugged in once more
    try:
        link.symlink_to(pty.path)
        running.wait_ok()
        pty.write(b"PLUGGED2\r")
        assert running.next_code() == "PLUGGED2"
    finally:
        scanner.stop()
        pty.close()


def test_a_port_that_cannot_be_opened_for_permission_says_so() -> None:
    calls: list[str] = []

    def no_permission(port: str, **_: object) -> object:
        calls.append(port)
        raise PermissionError(13, "Permission denied")

    scanner = SerialScanner(
        SerialScannerSettings(port="/dev/ttyACM7", reopen_s=0.05), open_port=no_permission
    )
    scanner.start(lambda read: None)
    try:
        running = Running(scanner)
        running.wait_for(lambda: len(calls) >= 2)  # retried
        health = scanner.health()
        assert health.state is Health.FAILED
        assert "/dev/ttyACM7" in health.reason and "permission" in health.reason
    finally:
        scanner.stop()


def test_clean_code() -> None:
    assert clean_code("  ]C0123#\t", "]C0", "#") == "123"
    assert clean_code("\x02AB\x1dCD\x03") == "ABCD"
    assert clean_code("\r\n") == ""
    assert clean_code("A B") == "A B"


def test_a_port_that_opens_but_fails_every_read_is_retried_at_a_steady_pace() -> None:
    class BrokenPort:
        def read(self, size: int = 1) -> bytes:
            raise OSError(5, "Input/output error")

        def close(self) -> None:
            pass

    opened: list[float] = []

    def open_port(port: str, **_: object) -> BrokenPort:
        opened.append(time.monotonic())
        return BrokenPort()

    scanner = SerialScanner(
        SerialScannerSettings(port="/dev/ttyUSB3", reopen_s=0.1), open_port=open_port
    )
    scanner.start(lambda read: None)
    try:
        time.sleep(0.35)
        # (health is OK for the instant between an open and its failing read)
        expected = DeviceHealth(
            "barcode scanner", Health.FAILED, "The barcode scanner on /dev/ttyUSB3 is not connected"
        )
        Running(scanner).wait_for(lambda: scanner.health() == expected)
    finally:
        scanner.stop()
    assert 2 <= len(opened) <= 5  # retried, but not in a busy loop


def test_an_unexpected_error_does_not_kill_the_thread() -> None:
    class OddPort:
        closed = 0

        def read(self, size: int = 1) -> bytes:
            raise RuntimeError("a driver bug")

        def close(self) -> None:
            OddPort.closed += 1

    opened: list[float] = []

    def open_port(port: str, **_: object) -> OddPort:
        opened.append(time.monotonic())
        return OddPort()

    scanner = SerialScanner(
        SerialScannerSettings(port="/dev/ttyUSB4", reopen_s=0.05), open_port=open_port
    )
    scanner.start(lambda read: None)
    try:
        running = Running(scanner)
        failed = DeviceHealth(
            "barcode scanner", Health.FAILED, "The barcode scanner stopped working"
        )
        # still alive, still retrying, and saying so
        running.wait_for(lambda: len(opened) >= 3 and scanner.health() == failed)
    finally:
        scanner.stop()
    assert OddPort.closed == len(opened)  # every port it opened was closed again
