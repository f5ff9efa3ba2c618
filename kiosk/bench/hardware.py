"""``kiosk bench hardware``: card on the reader to card number known, against pcscd itself.

A virtual card (``hardware.vpcd_card``) is put on the reader of a real pcscd (started here, with
the vsmartcard vpcd driver) and taken off again, ``n`` times. Two watchers see each insertion:

- the baseline: a bare ``SCardGetStatusChange`` waiter on the same reader, in its own context
  (what pcscd costs: it polls the virtual reader; a USB CCID reader signals at once);
- the kiosk: the PC/SC adapter, from insertion to its card-number event (the UID read with
  ``FF CA 00 00 00`` and turned into the number by the rule).

Target: the kiosk's p95 at most 20 ms above the baseline's p95.

Receipts: a loan receipt of 10 and of 50 items composed to ESC/POS and sent to a printer on
loopback that answers status queries as an Epson does (status asked before and after, as in
the kiosk), ``n`` times each: the time from the document to the last status answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

from kiosk.bench.schema import latency_result, value_result

Log = Callable[[str], None]
UID = bytes.fromhex("04A1B2C3D4E580")


class BenchSkipped(Exception):
    """A measurement that cannot run here (says what is missing)."""


class _Baseline(threading.Thread):
    """Records when pcscd reports a card present / absent on the reader."""

    def __init__(self, reader: str) -> None:
        super().__init__(name="bench-baseline", daemon=True)
        from smartcard import scard

        self.scard: Any = scard
        self.reader = reader
        self.stop_flag = threading.Event()
        self.present_at: list[float] = []
        self.ready = threading.Event()

    def run(self) -> None:
        scard = self.scard
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            self.ready.set()
            return
        state = scard.SCARD_STATE_UNAWARE
        present = False
        try:
            while not self.stop_flag.is_set():
                hresult, states = scard.SCardGetStatusChange(context, 100, [(self.reader, state)])
                self.ready.set()
                if hresult == scard.SCARD_E_TIMEOUT:
                    continue
                if hresult != scard.SCARD_S_SUCCESS:
                    break
                event = states[0][1]
                state = event & ~scard.SCARD_STATE_CHANGED
                now = time.perf_counter()
                if event & scard.SCARD_STATE_PRESENT and not present:
                    present = True
                    self.present_at.append(now)
                elif event & scard.SCARD_STATE_EMPTY:
                    present = False
        finally:
            scard.SCardReleaseContext(context)


def card_results(n: int, log: Log) -> list[dict[str, Any]]:
    from kiosk.bench import pcscd as daemon

    missing = daemon.available()
    if missing:
        raise BenchSkipped(missing)
    try:
        from hardware.codes import UidRule
        from hardware.pcsc import PcscCardReader, PcscSettings
        from hardware.ports import CardPresented
        from hardware.vpcd_card import CardProfile, VirtualCard
    except ImportError as exc:
        raise BenchSkipped(f"pyscard is not usable: {exc}") from None
    if daemon.running():
        raise BenchSkipped("a pcscd the bench did not start is running; stop it first")

    pcscd = daemon.Pcscd()
    pcscd.start()
    baseline = _Baseline(daemon.VIRTUAL_READER)
    kiosk_at: list[float] = []
    got = threading.Event()

    def presented(event: CardPresented) -> None:
        kiosk_at.append(time.perf_counter())
        got.set()

    reader = PcscCardReader(PcscSettings(reader="^" + daemon.VIRTUAL_READER, uid_rule=UidRule()))
    inserted_at: list[float] = []
    try:
        names = _reader_names()
        baseline.reader = next(r for r in names if r.startswith(daemon.VIRTUAL_READER))
        baseline.start()
        baseline.ready.wait(5)
        reader.start(presented, lambda _r: None)
        time.sleep(0.5)
        for i in range(n):
            got.clear()
            with VirtualCard(CardProfile(uid=UID), port=daemon.VPCD_PORT) as card:
                daemon.insert_card(card)
                inserted_at.append(time.perf_counter())
                if not got.wait(10):
                    raise RuntimeError(f"insertion {i + 1}: no card event within 10 s")
                time.sleep(0.05)
            time.sleep(0.6)  # let pcscd see the removal before the next insertion
    finally:
        reader.stop()
        baseline.stop_flag.set()
        baseline.join(5)
        pcscd.stop()
    if len(baseline.present_at) < n:
        raise RuntimeError("the baseline waiter missed insertions")
    base = [b - t for b, t in zip(baseline.present_at[-n:], inserted_at, strict=True)]
    ours = [k - t for k, t in zip(kiosk_at, inserted_at, strict=True)]
    base_res = latency_result(
        "hardware.card_present_pcscd", base, "ms", params={"reader": "vpcd", "n": n}
    )
    limit = base_res["p95"] + 20
    ours_res = latency_result(
        "hardware.card_number_known",
        ours,
        "ms",
        limit,
        baseline=base_res["p50"],
        params={"reader": "vpcd", "n": n, "target": "p95 <= baseline p95 + 20 ms"},
    )
    log(f"card: pcscd p95 {base_res['p95']} ms, kiosk p95 {ours_res['p95']} ms")
    extra = value_result(
        "hardware.card_overhead_p95", ours_res["p95"] - base_res["p95"], "ms", 20, target_op="<="
    )
    return [base_res, ours_res, extra]


def _reader_names() -> list[str]:
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    try:
        hresult, names = scard.SCardListReaders(context, [])
        return [str(n) for n in names] if hresult == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)


class _StatusPrinter(threading.Thread):
    """A loopback ESC/POS sink that answers DLE EOT 1/2/4 with "ready"."""

    READY: ClassVar[dict[int, int]] = {1: 0x12, 2: 0x12, 4: 0x12}

    def __init__(self) -> None:
        super().__init__(name="bench-printer", daemon=True)
        import socket

        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = int(self.server.getsockname()[1])
        self.stop_flag = threading.Event()

    def run(self) -> None:
        while not self.stop_flag.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(0.1)
                buffer = b""
                while not self.stop_flag.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    buffer = (buffer + chunk)[-8:]
                    while (i := buffer.find(b"\x10\x04")) >= 0 and len(buffer) >= i + 3:
                        n = buffer[i + 2]
                        buffer = buffer[i + 3 :]
                        if n in self.READY:
                            conn.sendall(bytes([self.READY[n]]))

    def close(self) -> None:
        self.stop_flag.set()
        self.join(5)
        self.server.close()


def receipt_results(n: int, log: Log) -> list[dict[str, Any]]:
    from datetime import datetime

    from hardware.escpos_printer import EscposPrinter, PrinterSettings
    from hardware.ports import Receipt, ReceiptLine

    sink = _StatusPrinter()
    sink.start()
    results: list[dict[str, Any]] = []
    try:
        printer = EscposPrinter(PrinterSettings("network", port=sink.port, timeout_s=2.0))
        for items in (10, 50):
            lines = tuple(
                ReceiptLine(f"Een boek met een lange titel, deel {i}\t16-12-2026")
                for i in range(items)
            )
            receipt = Receipt(
                header=("Bibliotheek Dalfsen", "Uitleenbon"),
                lines=(ReceiptLine("Pas: *********4567"), *lines, ReceiptLine("Leengeld\t€ 1,50")),
                printed_at=datetime(2026, 11, 25, 10, 0),
                qr="https://example.org/mijn-account",
            )
            printer.print_receipt(receipt)  # warm-up
            samples = []
            for _ in range(n):
                t0 = time.perf_counter()
                printer.print_receipt(receipt)
                samples.append(time.perf_counter() - t0)
            res = latency_result(
                f"hardware.receipt_{items}_items", samples, "ms", params={"items": items, "n": n}
            )
            log(f"receipt of {items} items: p50 {res['p50']} ms, p95 {res['p95']} ms")
            results.append(res)
    finally:
        sink.close()
    return results


def run(*, n: int = 20, log: Log) -> list[dict[str, Any]]:
    return card_results(n, log) + receipt_results(n, log)
