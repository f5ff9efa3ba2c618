"""``kiosk devices``: what is configured and found, and a test of each device for integrators.

``kiosk devices list`` names the configured card reader, scanner and printer next to what this
machine has: PC/SC readers (through pcscd) and serial ports. ``kiosk devices test card`` waits
for a card on the configured reader and prints the card number masked (P4), the reader and the
time it took. Problems are one line on stderr with exit code 2; a test that saw nothing within
its timeout exits 1.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from kiosk.config import ConfigError, load


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "devices",
        help="list the card readers, scanners and printers, and test them",
        description="List configured and connected devices, and test them one at a time.",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="the kiosk.toml to use (default: $KIOSK_CONFIG, else /etc/kiosk/kiosk.toml)",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="what is configured and what this machine has")
    test = actions.add_parser("test", help="wait for a card or a scan, or print a test receipt")
    test.add_argument("device", choices=("card", "scanner", "printer"), help="which device")
    test.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="how long to wait (default 30)"
    )
    tap = actions.add_parser(
        "tap",
        help="put a virtual card on pcscd's virtual reader (vsmartcard vpcd), for demos and tests",
        description=(
            "Puts a virtual contactless card with the given UID on the 'Virtual PCD' reader of "
            "the local pcscd (Debian vsmartcard-vpcd), so that a kiosk with card_reader = "
            "'pcsc' reads it through the real driver path; takes it off after --hold seconds."
        ),
    )
    tap.add_argument("--uid", required=True, help="the card's UID in hex, e.g. 04A1B2C3D4E580")
    tap.add_argument(
        "--hold", type=float, default=5.0, metavar="S", help="seconds on the reader (default 5)"
    )
    tap.add_argument("--port", type=int, default=35963, help="the vpcd driver's port on 127.0.0.1")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if args.action == "tap":
        return _tap(args.uid, args.hold, args.port, out, err)
    try:
        from kiosk.config import default_config_path

        config = load(args.config or default_config_path())
    except ConfigError as exc:
        print(f"kiosk devices: {exc}", file=err)
        return 2
    if args.action == "list":
        return _list(config, out)
    if args.device == "scanner":
        return _test_scanner(config, args.timeout, out, err)
    if args.device == "printer":
        return _test_printer(config, out, err)
    return _test_card(config, args.timeout, out, err)


def _pcsc_readers() -> tuple[list[str], str]:
    try:
        from smartcard import scard
    except ImportError as exc:
        return [], f"pyscard is not usable ({exc})"
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return [], "pcscd is not running"
    try:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult != scard.SCARD_S_SUCCESS:
            return [], "no PC/SC reader connected"
        return [str(n) for n in names], ""
    finally:
        scard.SCardReleaseContext(context)


def _serial_ports() -> list[str]:
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    return sorted(p.device for p in list_ports.comports())


def _input_devices() -> list[Any]:
    from hardware.evdev_scanner import input_devices

    return input_devices()


def _list(config: Any, out: TextIO) -> int:
    chosen = config.devices
    print(f"configured ({config.source}):", file=out)
    print(f"  card reader: {chosen.card_reader}", file=out)
    print(f"  scanner:     {chosen.scanner}", file=out)
    print(f"  printer:     {chosen.printer}", file=out)
    readers, why = _pcsc_readers()
    print("PC/SC card readers:", file=out)
    for name in readers:
        print(f"  {name}", file=out)
    if not readers:
        print(f"  none ({why})", file=out)
    keyboards = [d for d in _input_devices() if d.keyboard]
    print("keyboard devices (keyboard-wedge scanners: [devices.evdev_scanner]):", file=out)
    for device in keyboards:
        where = device.links[0] if device.links else device.path
        print(f"  {where}  {device.name}", file=out)
    if not keyboards:
        print("  none", file=out)
    ports = _serial_ports()
    print("serial ports (serial scanners, serial printers):", file=out)
    for port in ports:
        print(f"  {port}", file=out)
    if not ports:
        print("  none", file=out)
    return 0


def _tap(uid_hex: str, hold: float, port: int, out: TextIO, err: TextIO) -> int:
    try:
        uid = bytes.fromhex(uid_hex.replace(" ", "").replace(":", ""))
        if len(uid) not in (4, 7, 10):
            raise ValueError("a UID is 4, 7 or 10 bytes")
    except ValueError as exc:
        print(f"kiosk devices tap: --uid: not a card UID in hex ({exc})", file=err)
        return 2
    if not 0 < hold <= 3600:
        print("kiosk devices tap: --hold: seconds, above 0 and at most 3600", file=err)
        return 2
    try:
        from hardware.vpcd_card import CardProfile, VirtualCard
    except ImportError as exc:
        print(f"kiosk devices tap: the virtual card is not usable here: {exc}", file=err)
        return 1
    card = VirtualCard(CardProfile(uid=uid), port=port)
    try:
        card.insert(timeout=5.0)
    except ConnectionError as exc:
        print(
            f"kiosk devices tap: {exc}; is pcscd running with the vsmartcard-vpcd driver?",
            file=err,
        )
        return 1
    print(f"kiosk devices: a card is on the virtual reader for {hold:g} s", file=out, flush=True)
    try:
        deadline = time.monotonic() + hold
        while card.inserted and time.monotonic() < deadline:
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
    except KeyboardInterrupt:
        pass
    finally:
        card.remove()
    print("kiosk devices: the card is off the reader", file=out)
    return 0


def _test_card(config: Any, timeout: float, out: TextIO, err: TextIO) -> int:
    from kiosk import bootstrap
    from kiosk.domain.privacy import mask_card_number

    if config.devices.card_reader == "simulated":
        print("kiosk devices: [devices] card_reader is 'simulated'; nothing to test", file=err)
        return 2
    try:
        reader = bootstrap.build_devices(config).card_reader
    except (ConfigError, bootstrap.StartupError) as exc:
        print(f"kiosk devices: {exc}", file=err)
        return 2
    if reader is None:
        print("kiosk devices: no card reader is configured ([devices] card_reader)", file=err)
        return 2
    print(f"kiosk devices: put a card on the reader (waiting {timeout:g} s)", file=out, flush=True)
    started = time.monotonic()
    seen, health = _first_event(
        lambda got: reader.start(got, lambda _reader: None), reader, timeout
    )
    if not seen:
        print(
            f"kiosk devices: no card within {timeout:g} s ({health.reason or 'no reason'})",
            file=err,
        )
        return 1
    event = seen[0]
    elapsed = (time.monotonic() - started) * 1000
    print(f"card number: {mask_card_number(event.card_number)}", file=out)
    print(f"reader:      {event.reader}", file=out)
    print(f"after:       {elapsed:.0f} ms", file=out)
    return 0


def _first_event(
    start: Callable[[Callable[[Any], None]], None], device: Any, timeout: float
) -> tuple[list[Any], Any]:
    """Start ``device`` with a callback, wait for its first event, stop it.

    Returns the events seen (at most the first matters) and the device's health at the end.
    """
    seen: list[Any] = []
    got = threading.Event()

    def callback(event: Any) -> None:
        seen.append(event)
        got.set()

    start(callback)
    try:
        got.wait(timeout)
        health = device.health()
    finally:
        device.stop()
    return seen, health


def _built(config: Any, key: str, err: TextIO) -> Any:
    from kiosk import bootstrap

    if getattr(config.devices, key) == "simulated":
        print(f"kiosk devices: [devices] {key} is 'simulated'; nothing to test", file=err)
        return None
    try:
        device = getattr(bootstrap.build_devices(config), key)
    except (ConfigError, bootstrap.StartupError) as exc:
        print(f"kiosk devices: {exc}", file=err)
        return None
    if device is None:
        if getattr(config.devices, key) == "keyboard":
            print(
                "kiosk devices: a keyboard scanner types into the kiosk window; "
                "test it there (kiosk run)",
                file=err,
            )
        else:
            print(f"kiosk devices: no {key} is configured ([devices] {key})", file=err)
    return device


def _test_scanner(config: Any, timeout: float, out: TextIO, err: TextIO) -> int:
    from kiosk.domain.privacy import mask_card_number

    scanner = _built(config, "scanner", err)
    if scanner is None:
        return 2
    print(f"kiosk devices: scan a barcode (waiting {timeout:g} s)", file=out, flush=True)
    seen, health = _first_event(scanner.start, scanner, timeout)
    if not seen:
        print(
            f"kiosk devices: no scan within {timeout:g} s ({health.reason or 'no reason'})",
            file=err,
        )
        return 1
    code = seen[0]
    # It may be a pass: shown like a card number (P4), with its length to check the label.
    print(f"code:   {mask_card_number(code.code)} ({len(code.code)} characters)", file=out)
    print(f"source: {code.source}", file=out)
    return 0


def _test_printer(config: Any, out: TextIO, err: TextIO) -> int:
    from datetime import datetime

    from hardware.ports import Receipt, ReceiptLine

    printer = _built(config, "printer", err)
    if printer is None:
        return 2
    status = printer.status()
    print(
        f"status: {'online' if status.online else 'offline'}, paper {status.paper.value}"
        f"{', cover open' if status.cover_open else ''}",
        file=out,
    )
    receipt = Receipt(
        header=(config.library_name, "Testbon / test receipt"),
        lines=(
            ReceiptLine("Kiosk printer test", bold=True),
            ReceiptLine("Café één, IJlst\t16-12-2026"),  # fits 58 mm too
            ReceiptLine("Leengeld / fee\t€ 1,50"),
            ReceiptLine("Pas / card: *********4567"),
        ),
        footer=("If you can read the euro sign and the accents, the code page is right.",),
        printed_at=datetime.now(),
        qr="https://example.org/kiosk-test",
    )
    try:
        printer.print_receipt(receipt)
    except (OSError, ValueError) as exc:
        print(f"kiosk devices: the test receipt was not printed: {exc}", file=err)
        return 1
    print("kiosk devices: a test receipt was printed", file=out)
    return 0
