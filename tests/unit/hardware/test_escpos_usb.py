"""USB receipt printers through pyusb, as far as they can be tested without one.

The real pyusb and libusb look for a printer that is not there; a scripted pyusb device stands
in for a connected one, answering ``DLE EOT n`` on its bulk-in endpoint as an Epson does, and
recording every transfer with the timeout it was given.
"""

from __future__ import annotations

import errno
import sys
import time
from array import array
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
import usb.core  # type: ignore[import-untyped]

from hardware.escpos_printer import EscposPrinter, PrinterError, PrinterSettings, render_bytes
from hardware.ports import Health, PaperState, Receipt, ReceiptLine

VENDOR, PRODUCT = 0x04B8, 0x0E28
IDS = "04b8:0e28"
READY = {1: 0x12, 2: 0x12, 4: 0x12}
ESC_INIT = b"\x1b@"


def receipt() -> Receipt:
    return Receipt(("Bibliotheek Noord",), (ReceiptLine("Pas: *********4567"),))


def usb_printer(timeout_s: float = 1.5, **changes: Any) -> EscposPrinter:
    settings: dict[str, Any] = {
        "connection": "usb",
        "usb_vendor": VENDOR,
        "usb_product": PRODUCT,
        "timeout_s": timeout_s,
    }
    settings.update(changes)
    return EscposPrinter(PrinterSettings(**settings))


@dataclass
class Endpoint:
    bEndpointAddress: int  # noqa: N815 - pyusb's descriptor field names
    bmAttributes: int = 0x02  # noqa: N815 - bulk


@dataclass
class ScriptedUsbDevice:
    """Just enough of a ``usb.core.Device`` for python-escpos and the adapter."""

    replies: dict[int, int]
    endpoints: tuple[Endpoint, ...] = (Endpoint(0x01), Endpoint(0x82))
    configured: bool = True
    kernel_driver: bool = True
    fail_with: int | None = None  # errno of a USBError on first contact
    default_timeout: int = 1000  # pyusb's own default, which must not be used
    writes: list[tuple[int, bytes, int | None]] = field(default_factory=list)
    reads: list[tuple[int, int | None]] = field(default_factory=list)
    configurations_set: int = 0
    detached: list[int] = field(default_factory=list)
    disposed: int = 0
    pending: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        self._ctx = SimpleNamespace(dispose=self._dispose)  # what usb.util.dispose_resources uses

    def _dispose(self, _device: object) -> None:
        self.disposed += 1

    def is_kernel_driver_active(self, interface: int) -> bool:
        if self.fail_with is not None:
            raise usb.core.USBError("failed", errno=self.fail_with)
        return self.kernel_driver and interface not in self.detached

    def detach_kernel_driver(self, interface: int) -> None:
        self.detached.append(interface)

    def get_active_configuration(self) -> dict[tuple[int, int], tuple[Endpoint, ...]]:
        if not self.configured:
            raise usb.core.USBError("Configuration not set")
        return {(0, 0): self.endpoints}

    def set_configuration(self) -> None:
        self.configurations_set += 1
        self.configured = True

    def write(self, endpoint: int, data: bytes, timeout: int | None = None) -> int:
        self.writes.append((endpoint, bytes(data), timeout))
        at = 0
        while (at := data.find(b"\x10\x04", at)) >= 0 and at + 2 < len(data):
            if data[at + 2] in self.replies:
                self.pending.append(self.replies[data[at + 2]])
            at += 3
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int | None = None) -> array[int]:
        self.reads.append((endpoint, timeout))
        if not self.pending:
            raise usb.core.USBTimeoutError("Operation timed out", errno=errno.ETIMEDOUT)
        reply, self.pending = self.pending[:size], self.pending[size:]
        return array("B", reply)

    def received(self, endpoint: int = 0x01) -> bytes:
        return b"".join(data for ep, data, _ in self.writes if ep == endpoint)


@pytest.fixture
def plug(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``plug(device)`` puts ``device`` (or nothing, with None) on the USB bus pyusb sees."""
    searches: list[dict[str, object]] = []

    def plug(device: ScriptedUsbDevice | None) -> list[dict[str, object]]:
        def find(**match: object) -> ScriptedUsbDevice | None:
            searches.append(match)
            return device

        monkeypatch.setattr(usb.core, "find", find)
        return searches

    return plug


# ---------------------------------------------------------------------------------- settings


def test_a_usb_printer_without_ids_names_the_config_keys() -> None:
    with pytest.raises(ValueError, match="usb_vendor and usb_product") as raised:
        EscposPrinter(PrinterSettings("usb"))
    assert "usb_vendor and usb_product are not set" in str(raised.value)
    with pytest.raises(ValueError, match="usb_product is not set"):
        EscposPrinter(PrinterSettings("usb", usb_vendor=VENDOR))
    with pytest.raises(ValueError, match="usb_vendor is not set"):
        EscposPrinter(PrinterSettings("usb", usb_product=PRODUCT))
    with pytest.raises(ValueError, match="usb_product must be a USB id"):
        EscposPrinter(PrinterSettings("usb", usb_vendor=VENDOR, usb_product=0x10000))


# ---------------------------------------------------------------------------------- absent


def test_an_absent_usb_printer_fails_naming_vendor_and_product_within_the_timeout() -> None:
    """The real pyusb and libusb: there is no such printer on this machine."""
    printer = usb_printer(timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(PrinterError, match=IDS) as raised:
        printer.print_receipt(receipt())
    assert time.monotonic() - started < 0.5
    assert "4567" not in raised.value.reason
    health = printer.health()
    assert health.state is Health.FAILED
    assert health.reason == raised.value.reason
    assert printer.status().online is False


def test_no_such_device_on_the_bus_says_it_is_not_connected(plug: Any) -> None:
    searches = plug(None)
    printer = usb_printer()
    with pytest.raises(PrinterError) as raised:
        printer.print_receipt(receipt())
    assert raised.value.reason == (
        f"no USB receipt printer {IDS} is connected: check that it is switched on and that its "
        "USB cable is plugged in"
    )
    assert searches == [{"idVendor": VENDOR, "idProduct": PRODUCT}]  # never "any device"
    assert printer.health().reason == raised.value.reason


def test_without_libusb_or_pyusb_the_reason_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_backend(**_match: object) -> None:
        raise usb.core.NoBackendError("No backend available")

    monkeypatch.setattr(usb.core, "find", no_backend)
    health = usb_printer().health()
    assert health.state is Health.FAILED
    assert "libusb-1.0-0" in health.reason and IDS in health.reason

    monkeypatch.setitem(sys.modules, "usb.core", None)  # import usb.core raises ImportError
    with pytest.raises(PrinterError, match=f"needs the pyusb package.*{IDS}"):
        usb_printer().print_receipt(receipt())


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (errno.EACCES, "permission denied): install the kiosk's udev rule"),
        (errno.EBUSY, "in use by another program"),
        (errno.ENODEV, "is connected"),
        (errno.EIO, "does not respond"),
    ],
)
def test_usb_errors_become_reasons_for_staff(plug: Any, code: int, says: str) -> None:
    device = ScriptedUsbDevice(READY, fail_with=code)
    plug(device)
    printer = usb_printer()
    with pytest.raises(PrinterError, match=IDS) as raised:
        printer.print_receipt(receipt())
    assert says in raised.value.reason
    assert device.writes == []
    assert device.disposed == 1  # the handle pyusb opened is let go


# ---------------------------------------------------------------------------------- connected


def test_every_usb_transfer_waits_the_configured_timeout(plug: Any) -> None:
    device = ScriptedUsbDevice(READY)
    plug(device)
    printer = usb_printer(timeout_s=1.5)
    printer.print_receipt(receipt())
    assert device.default_timeout == 1500  # pyusb's default for calls without one
    assert device.writes and {timeout for _, _, timeout in device.writes} == {1500}
    assert device.reads and {timeout for _, timeout in device.reads} == {1500}
    data = device.received()
    assert data.startswith(b"\x10\x04\x01\x10\x04\x04" + ESC_INIT)  # status first
    assert render_bytes(receipt()) in data
    assert data.endswith(b"\x10\x04\x01\x10\x04\x04")  # and after
    assert device.detached == [0]  # the kernel's usblp let go of the interface
    assert device.configurations_set == 0  # configured already: not reset
    assert device.disposed == 1  # released after the job


def test_usb_status_comes_from_the_bulk_in_endpoint(plug: Any) -> None:
    device = ScriptedUsbDevice({**READY, 4: 0x1E})
    plug(device)
    printer = usb_printer()
    status = printer.status()
    assert (status.online, status.paper) == (True, PaperState.NEAR_END)
    assert printer.health().state is Health.DEGRADED
    assert {endpoint for endpoint, _ in device.reads} == {0x82}

    device.replies = {1: 0x1A, 2: 0x32, 4: 0x7E}  # paper out: nothing is sent
    with pytest.raises(PrinterError, match="out of paper"):
        printer.print_receipt(receipt())
    assert ESC_INIT not in device.received()


def test_a_usb_printer_that_never_answers_is_offline_unless_it_prints_blind(plug: Any) -> None:
    device = ScriptedUsbDevice({})
    plug(device)
    health = usb_printer().health()
    assert health.state is Health.FAILED
    assert f"does not answer at USB {IDS}" in health.reason

    blind = usb_printer(status_queries=False)
    blind.print_receipt(receipt())
    assert render_bytes(receipt()) in device.received()


def test_the_bulk_endpoints_are_found_and_the_device_configured_when_it_is_not(
    plug: Any,
) -> None:
    device = ScriptedUsbDevice(
        READY,
        endpoints=(Endpoint(0x83, 0x03), Endpoint(0x81), Endpoint(0x02)),  # interrupt-in first
        configured=False,
        kernel_driver=False,
    )
    plug(device)
    usb_printer().print_receipt(receipt())
    assert device.configurations_set == 1
    assert device.detached == []
    assert {endpoint for endpoint, _, _ in device.writes} == {0x02}
    assert {endpoint for endpoint, _ in device.reads} == {0x81}
