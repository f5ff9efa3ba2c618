"""``kiosk devices test scanner`` on a real serial line (a pseudo-terminal), and config errors."""

from __future__ import annotations

import argparse
import io
import os
import select
import threading
import time
import tty
from pathlib import Path

import pytest

from kiosk import bootstrap, devices_command
from kiosk.config import ConfigError, load


def _openpty() -> tuple[int, int]:
    try:
        return os.openpty()
    except OSError as exc:  # no /dev/pts (a bare chroot)
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no pseudo-terminals here: {exc}")


def _scanner_config(port: str) -> str:
    return f'[devices]\nscanner = "serial"\n[devices.serial_scanner]\nport = "{port}"\n'


def test_a_scan_is_shown_masked_with_its_length(tmp_path: Path) -> None:
    master, slave = _openpty()
    tty.setraw(master)
    tty.setraw(slave)
    try:
        config = tmp_path / "kiosk.toml"
        config.write_text(_scanner_config(os.ttyname(slave)), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        args = argparse.Namespace(config=config, action="test", device="scanner", timeout=5)
        codes: list[int] = []
        runner = threading.Thread(target=lambda: codes.append(devices_command.run(args, out, err)))
        runner.start()
        deadline = time.monotonic() + 5
        while "scan a barcode" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)  # the scanner's thread opens the port
        os.write(master, b"2100000000017\r\n")
        runner.join(10)
    finally:
        os.close(master)
        os.close(slave)
    assert codes == [0], err.getvalue()
    assert "code:   *********0017 (13 characters)" in out.getvalue()
    assert "2100000000017" not in out.getvalue()


def test_no_scan_within_the_timeout_exits_1(tmp_path: Path) -> None:
    master, slave = _openpty()
    try:
        config = tmp_path / "kiosk.toml"
        config.write_text(_scanner_config(os.ttyname(slave)), encoding="utf-8")
        err = io.StringIO()
        args = argparse.Namespace(config=config, action="test", device="scanner", timeout=0.5)
        assert devices_command.run(args, io.StringIO(), err) == 1
        assert "no scan within 0.5 s" in err.getvalue()
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('printer = "serial"\n[devices.receipt_printer]\nbaudrate = 9600', "device"),
        ('printer = "usb"\n[devices.receipt_printer]\nusb_vendor = 1208', "usb_vendor"),
        ('printer = "network"\n[devices.receipt_printer]\npaper_mm = 76', "paper_mm"),
        ('printer = "network"\n[devices.receipt_printer]\ntimeout_s = 60', "timeout_s"),
        ('printer = "network"\n[devices.receipt_printer]\nport = "9100"', "port"),
        ('printer = "network"\n[devices.receipt_printer]\ncolour = "red"', "colour"),
    ],
)
def test_a_wrong_printer_setting_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[devices]\n{body}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(load(config))
    assert err.value.key == f"[devices.receipt_printer] {key}"


def test_an_unknown_printer_profile_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[devices]\nprinter = "network"\n[devices.receipt_printer]\nprofile = "TM-NOPE"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(load(config))
    assert err.value.key == "[devices.receipt_printer] profile"


def test_a_serial_printer_that_never_takes_data_times_out_instead_of_hanging(
    tmp_path: Path,
) -> None:
    from hardware.escpos_printer import EscposPrinter, PrinterError, PrinterSettings
    from hardware.ports import Receipt, ReceiptLine

    master, slave = _openpty()
    try:
        tty.setraw(master)
        printer = EscposPrinter(PrinterSettings("serial", device=os.ttyname(slave), timeout_s=0.5))
        # Nobody answers the status query on the other end: refused, in seconds.
        started = time.monotonic()
        with pytest.raises(PrinterError, match="does not answer"):
            printer.print_receipt(Receipt(header=("x",), lines=(ReceiptLine("y"),)))
        assert time.monotonic() - started < 5
    finally:
        os.close(master)
        os.close(slave)


def test_a_printer_without_status_replies_prints_blind_when_told_to(tmp_path: Path) -> None:
    from hardware.escpos_printer import EscposPrinter, PrinterSettings
    from hardware.ports import PaperState, Receipt, ReceiptLine

    master, slave = _openpty()
    try:
        tty.setraw(master)
        settings = PrinterSettings(
            "serial", device=os.ttyname(slave), timeout_s=0.5, status_queries=False
        )
        printer = EscposPrinter(settings)
        assert printer.status().paper is PaperState.UNKNOWN
        printer.print_receipt(Receipt(header=("Bibliotheek",), lines=(ReceiptLine("Tirza"),)))
        sent = b""
        deadline = time.monotonic() + 5
        while b"Tirza" not in sent and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                sent += os.read(master, 65536)
        assert b"Tirza" in sent and b"\x10\x04" not in sent  # printed, never asked for status
    finally:
        os.close(master)
        os.close(slave)


def test_status_queries_must_be_true_or_false(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[devices]\nprinter = "network"\n[devices.receipt_printer]\nstatus_queries = "no"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(load(config))
    assert err.value.key == "[devices.receipt_printer] status_queries"
    assert "true or false" in err.value.problem


def test_an_evdev_scanner_on_a_node_that_is_no_input_device_says_why(tmp_path: Path) -> None:
    """The real open and the real EVIOCGRAB on a FIFO: the kernel refuses the grab, and the
    command reports it in the staff's words instead of waiting silently."""
    fifo = tmp_path / "event-kbd"
    os.mkfifo(fifo)
    keep_open = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # so the adapter's open succeeds
    try:
        config = tmp_path / "kiosk.toml"
        config.write_text(
            f'[devices]\nscanner = "evdev"\n[devices.evdev_scanner]\ndevice = "{fifo}"\n',
            encoding="utf-8",
        )
        out, err = io.StringIO(), io.StringIO()
        args = argparse.Namespace(config=config, action="test", device="scanner", timeout=1)
        assert devices_command.run(args, out, err) == 1
    finally:
        os.close(keep_open)
    assert "no scan within 1 s" in err.getvalue()
    assert "cannot be taken for the kiosk alone" in err.getvalue()


def test_devices_list_names_the_keyboard_devices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hardware.evdev_scanner import InputDevice

    found = [
        InputDevice("/dev/input/event4", "Logitech USB Receiver Mouse", (), False),
        InputDevice("/dev/input/event9", "Datalogic Gryphon", ("/dev/input/by-id/usb-DL",), True),
    ]
    monkeypatch.setattr(devices_command, "_input_devices", lambda: found)
    config = tmp_path / "kiosk.toml"
    config.write_text('[devices]\nscanner = "none"\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(config=config, action="list", device=None, timeout=1)
    assert devices_command.run(args, out, err) == 0, err.getvalue()
    listing = out.getvalue()
    assert "keyboard devices (keyboard-wedge scanners: [devices.evdev_scanner]):" in listing
    assert "  /dev/input/by-id/usb-DL  Datalogic Gryphon\n" in listing
    assert "Mouse" not in listing
