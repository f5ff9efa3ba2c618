"""Faults of issue 7, section 6, on real components: TLS that fails, a library system that is
slow or goes down in mid-session, a card reader unplugged or pcscd restarted in mid-session,
paper that runs out in the middle of a receipt. (Corrupt config is tested elsewhere.)

- The library system is either the scripted SIP2 server of the transport tests
  (``tests/unit/ils/sip2/sip2_peer.py``), here with real TLS from Python's ``ssl`` module and a
  self-signed certificate made by the ``openssl`` program for this run, or the kiosk's own SIP2
  server over the embedded library system, both on 127.0.0.1. The kiosk talks to it through its
  own ``Sip2Connection`` and ``Sip2Library``, wrapped, as a kiosk runs, in ``OfflineLibrary``
  with a real journal, and driven by the ``SessionController``.
- Card readers reach the session through the kiosk's device bridge (Qt queued signals): the
  recording fake for an unplugged reader (the virtual PC/SC reader cannot be unplugged), and the
  real PC/SC stack (pcscd, the vpcd driver, a virtual card) for a pcscd restart; the latter
  skips without pcscd, and fails under ``CI``, as ``test_pcsc_real.py`` does.
- The receipt printer is a loopback ESC/POS printer with a roll of a fixed length (``Roll``):
  it answers the real-time status queries (``DLE EOT n``) as an Epson TM printer does and runs
  out of paper after so many bytes of print data, in the middle of a job. The kiosk drives it
  through its real ``EscposPrinter`` (python-escpos over TCP).

Every wait is bounded in time; every loop in count.
"""

from __future__ import annotations

import importlib.util
import logging
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hardware.escpos_printer import EscposPrinter, PrinterSettings
from hardware.ports import Health
from kiosk.domain.clock import ManualClock
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    CardPresented,
    CodeScanned,
    Done,
    PinTyped,
    ReceiptChosen,
    Screen,
    SessionView,
    Timeouts,
)
from kiosk.ils.offline import CHECKIN, CHECKOUT, Journal, OfflineLibrary, OfflinePolicy
from kiosk.ils.port import IlsUnavailable, LibrarySystem
from kiosk.ils.sip2.library import Sip2Library
from kiosk.ils.sip2.profiles import profile
from kiosk.ils.sip2.transport import Credentials, Endpoint, Sip2Connection
from kiosk.services.receipts import ReceiptStyle
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner


def _load_peer() -> ModuleType:
    """The transport tests' SIP2 server (not a test module; shared by file, not by package)."""
    if "sip2_peer" in sys.modules:
        return sys.modules["sip2_peer"]
    path = Path(__file__).resolve().parents[1] / "unit" / "ils" / "sip2" / "sip2_peer.py"
    spec = importlib.util.spec_from_file_location("sip2_peer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sip2_peer"] = module
    spec.loader.exec_module(module)
    return module


peer = _load_peer()

GENERIC = profile("generic")
CREDS = Credentials(peer.USER, peer.PASSWORD, "DAL")
TZ = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
#: every connect and TLS handshake gives up after this long (the kiosk's default is 5 s)
CONNECT_TIMEOUT = 0.5
#: and every request after this long (the kiosk's [ils] timeout)
TIMEOUT = 0.5
#: what "promptly" allows on top of a timeout: a loaded test machine, not a second attempt
SLACK = 1.0
LIBRARY = "Bibliotheek Dalfsen"
RENE, MAX_HAVELAAR = "2100000000002", "3100000000004"  # embedded demo data: no PIN; on the shelf
WAIT = 5.0


class MovableClock:
    """The connection's back-off clock, moved by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def sip2_library(
    port: int,
    *,
    tls: bool = False,
    ca_file: Path | None = None,
    server_name: str | None = None,
    clock: MovableClock | None = None,
) -> Sip2Library:
    connection = Sip2Connection(
        Endpoint(
            "127.0.0.1",
            port,
            tls=tls,
            ca_file=str(ca_file) if ca_file is not None else None,
            server_name=server_name,
        ),
        GENERIC,
        CREDS,
        timeout=TIMEOUT,
        connect_timeout=CONNECT_TIMEOUT,
        clock=clock or MovableClock(),
        tz=TZ,
    )
    return Sip2Library(connection, GENERIC, institution=peer.INSTITUTION, location="DAL", tz=TZ)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "kiosk" / "offline-journal.sqlite")
    yield j
    j.close()


def offline(inner: Sip2Library, journal: Journal) -> OfflineLibrary:
    return OfflineLibrary(
        inner,
        journal,
        ManualClock(START),
        policy=OfflinePolicy(max_checkouts=3),
        location="DAL",
    )


def controller_for(
    ils: LibrarySystem, printer: EscposPrinter | None = None, clock: ManualClock | None = None
) -> tuple[SessionController, list[SessionView]]:
    views: list[SessionView] = []
    controller = SessionController(
        ils,
        clock or ManualClock(START),
        InlineRunner(),
        on_change=views.append,
        printer=printer,
        receipt_style=lambda: ReceiptStyle(LIBRARY, footer_lines=("Tot ziens!",)),
        branch="DAL",
    )
    return controller, views


def borrow(controller: SessionController, card: str, item: str, pin: str = "") -> SessionView:
    """A member puts their pass on the reader (types the PIN if asked), lends one item, is
    done; the view after it."""
    controller.dispatch(CardPresented(card))
    if controller.view().screen is Screen.PIN:
        controller.dispatch(PinTyped(pin))
    assert controller.view().screen is Screen.HOME, controller.view()
    controller.dispatch(CodeScanned(item, "item"))
    view = controller.view()
    controller.dispatch(Done())
    return view


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[Any]:
    """The embedded library system's database, with the demo members and items."""
    from kiosk.ils.embedded.seed import fixture_database

    engine = fixture_database(f"sqlite:///{tmp_path / 'library.sqlite'}", START)
    yield engine
    engine.dispose()


@contextmanager
def serving(library: Any, port: int = 0) -> Iterator[int]:
    """The kiosk's own SIP2 server (``kiosk sip2-server``) over ``library``, in a thread."""
    from kiosk.ils.sip2.accounts import Account, hash_password
    from kiosk.ils.sip2.acs import AcsResponder
    from kiosk.ils.sip2.server import Sip2Server, run_in_thread

    responder = AcsResponder(lambda branch: library, library_name=LIBRARY, tz=TZ)
    account = Account(
        peer.USER, hash_password(peer.PASSWORD, n=2**10), "DAL", "DAL", encoding="utf-8"
    )
    server = Sip2Server(responder, {account.user: account}, port=port)
    with run_in_thread(server) as bound:
        yield bound


def _loans_of(engine: Any, barcode: str) -> list[Any]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from kiosk.ils.embedded.models import Item, Loan

    with Session(engine) as s:
        item = s.scalars(select(Item).where(Item.barcode == barcode)).one()
        return list(s.scalars(select(Loan).where(Loan.item_id == item.id)))


def _closed_port() -> int:
    """A port nothing listens on: the library system is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# ---------------------------------------------------------------- TLS handshake failure


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = peer.make_certificate(tmp_path_factory.mktemp("tls"))
    if isinstance(made, str):
        pytest.skip(made)
    cert, key = made
    return cert, key


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA file the server's certificate does not come from (another self-signed one)."""
    made = peer.make_certificate(tmp_path_factory.mktemp("other-ca"))
    if isinstance(made, str):
        pytest.skip(made)
    cert, _ = made
    return Path(cert)


@pytest.fixture
def tls_acs(certificate: tuple[Path, Path]) -> Iterator[Any]:
    with peer.FakeAcs(tls=peer.tls_server_context(*certificate)) as server:
        yield server
    assert not server.errors


@pytest.fixture
def plain_acs() -> Iterator[Any]:
    """A SIP2 server without TLS where the kiosk expects TLS ([ils] tls = true, wrong port).
    It takes the TLS hello for a garbled frame and asks for a resend (96)."""
    with peer.FakeAcs() as server:
        yield server
    assert not server.errors


@pytest.fixture
def silent_plain_acs() -> Iterator[Any]:
    """A plain TCP server that takes the connection and never says a word."""
    with peer.FakeAcs(lambda incoming, server: peer.SILENT) as server:
        yield server
    assert not server.errors


TLS_FAULTS = {
    # the server's certificate is signed by a CA the kiosk was not given
    "wrong-ca": ("tls_acs", "other_ca", None, "certificate verify failed"),
    # no [ils] ca_file: the system trust store, which knows no test CA
    "self-signed": ("tls_acs", None, None, "certificate verify failed"),
    # the right CA, a certificate for another name
    "wrong-host": ("tls_acs", "own_ca", "ils.example.org", "hostname mismatch"),
    # no TLS at all on the other end: it answers in plain SIP2
    "plain-tcp": ("plain_acs", None, None, "TLS handshake"),
    # no TLS at all, and silence: the handshake waits for the connect timeout, no longer
    "plain-tcp-silent": ("silent_plain_acs", None, None, "TLS handshake"),
}


def _tls_setup(
    fault: str, request: pytest.FixtureRequest, certificate: tuple[Path, Path]
) -> tuple[Any, Sip2Library, MovableClock, str]:
    server_fixture, ca, server_name, says = TLS_FAULTS[fault]
    server = request.getfixturevalue(server_fixture)
    ca_file = {"other_ca": request.getfixturevalue("other_ca"), "own_ca": certificate[0]}.get(
        ca or ""
    )
    clock = MovableClock()
    lib = sip2_library(
        server.port,
        tls=True,
        ca_file=ca_file,
        server_name=server_name,
        clock=clock,
    )
    return server, lib, clock, says


def _fails_promptly_naming_tls(call: Callable[[], object], says: str) -> IlsUnavailable:
    started = time.monotonic()
    with pytest.raises(IlsUnavailable) as raised:
        call()
    elapsed = time.monotonic() - started
    assert elapsed < CONNECT_TIMEOUT + SLACK, f"took {elapsed:.2f} s"
    text = str(raised.value)
    assert says in text and "TLS" in text, text
    assert "127.0.0.1:" in text  # which server, for the integrator
    assert peer.CARD not in text and peer.ITEM not in text
    assert not raised.value.maybe_done  # nothing went out: nothing to look up later
    return raised.value


@pytest.mark.parametrize("fault", sorted(TLS_FAULTS))
def test_tls_handshake_failure_makes_identify_and_check_out_ils_unavailable_promptly(
    fault: str,
    request: pytest.FixtureRequest,
    certificate: tuple[Path, Path],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server, lib, clock, says = _tls_setup(fault, request, certificate)
    with caplog.at_level(logging.DEBUG):
        try:
            _fails_promptly_naming_tls(lambda: lib.identify(peer.CARD, peer.PIN), says)
            # At once, within the back-off: still says why.
            _fails_promptly_naming_tls(lambda: lib.check_out(peer.CARD, peer.ITEM), says)
            clock.now += 60  # the back-off is over: a real second attempt fails the same way
            _fails_promptly_naming_tls(lambda: lib.check_out(peer.CARD, peer.ITEM), says)
        finally:
            lib.close()
    received = b"".join(server.received)
    assert peer.CARD.encode() not in received and peer.PIN.encode() not in received
    assert peer.PASSWORD.encode() not in received  # no login sent over a failed handshake
    logged = caplog.text
    assert peer.CARD not in logged and peer.PIN not in logged and peer.PASSWORD not in logged


def test_tls_handshake_failure_under_the_offline_wrapper_records_a_return_and_a_loan(
    tls_acs: Any, other_ca: Path, journal: Journal
) -> None:
    inner = sip2_library(tls_acs.port, tls=True, ca_file=other_ca)
    lib = offline(inner, journal)
    try:
        started = time.monotonic()
        back = lib.check_in(peer.ITEM, location="DAL")
        assert time.monotonic() - started < CONNECT_TIMEOUT + SLACK
        assert back.ok and back.outcome.reason is Reason.RECORDED_OFFLINE
        assert lib.offline

        who = lib.identify(peer.CARD, peer.PIN)
        assert who.ok and who.outcome.reason is Reason.OFFLINE_MODE
        lent = lib.check_out(peer.CARD, "31234000099999")
        assert lent.ok and lent.outcome.reason is Reason.RECORDED_OFFLINE
        assert lib.status().offline  # in service, offline
    finally:
        inner.close()
    entries = journal.entries()
    assert [(e.kind, e.item) for e in entries] == [
        (CHECKIN, peer.ITEM),
        (CHECKOUT, "31234000099999"),
    ]
    assert tls_acs.received == []


def test_tls_handshake_failure_marks_no_journal_entry_as_sent_when_the_sync_is_tried(
    tls_acs: Any, other_ca: Path, journal: Journal
) -> None:
    """Each call first tries to sync what waits; over SIP2 that try must not mark an entry as
    "went out unanswered" when the connection never came up (it would be looked up, not sent,
    once the library system is back)."""
    clock = MovableClock()
    inner = sip2_library(tls_acs.port, tls=True, ca_file=other_ca, clock=clock)
    lib = offline(inner, journal)
    try:
        assert lib.check_in(peer.ITEM, location="DAL").ok
        for _ in range(3):
            clock.now += 60  # past every back-off: each sync really tries to connect
            assert lib.identify(peer.CARD).outcome.reason is Reason.OFFLINE_MODE
            assert lib.sync().waiting == 1
    finally:
        inner.close()
    [entry] = journal.entries()
    assert not entry.sending
    assert tls_acs.received == []


def test_tls_handshake_failure_under_the_offline_wrapper_is_named_in_the_log(
    tls_acs: Any, other_ca: Path, journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    inner = sip2_library(tls_acs.port, tls=True, ca_file=other_ca)
    lib = offline(inner, journal)
    with caplog.at_level(logging.INFO):
        try:
            assert lib.check_out(peer.CARD, peer.ITEM).outcome.reason is Reason.RECORDED_OFFLINE
        finally:
            inner.close()
    # The member is told "recorded"; staff can tell from the log that TLS is the trouble, not a
    # library system that is down, and which server.
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(
        "certificate verify failed" in w and f"127.0.0.1:{tls_acs.port}" in w for w in warnings
    ), warnings
    assert peer.CARD not in caplog.text and peer.ITEM not in caplog.text


def test_tls_handshake_failure_in_a_session_lends_offline_and_keeps_the_kiosk_in_service(
    tls_acs: Any, other_ca: Path, journal: Journal
) -> None:
    inner = sip2_library(tls_acs.port, tls=True, ca_file=other_ca)
    lib = offline(inner, journal)
    clock = ManualClock(START)
    controller, _ = controller_for(lib, clock=clock)
    try:
        seen = borrow(controller, peer.CARD, peer.ITEM)
        assert [(c.item_id, c.ok, c.reason) for c in seen.checkouts] == [
            (peer.ITEM, True, Reason.RECORDED_OFFLINE)
        ]
        assert controller.view().screen is Screen.GOODBYE  # no printer: no receipt screen
        clock.advance(Timeouts().goodbye + 1)
        controller.tick()
        assert controller.view().screen is Screen.IDLE
        assert not controller.machine.holds_personal_data()
        controller.check_status_now()
        controller.tick()  # the status check between sessions: offline, and in service
        assert controller.view().screen is Screen.IDLE
        assert journal.depth() == 1
    finally:
        inner.close()


def test_tls_handshake_failure_without_the_offline_wrapper_is_a_notice_not_a_crash(
    plain_acs: Any,
) -> None:
    lib = sip2_library(plain_acs.port, tls=True)
    controller, views = controller_for(lib)
    try:
        started = time.monotonic()
        controller.dispatch(CardPresented(peer.CARD))
        assert time.monotonic() - started < CONNECT_TIMEOUT + SLACK
        view = controller.view()
        assert view.screen is Screen.IDLE
        assert view.notice is not None and view.notice.reason is Reason.ILS_UNAVAILABLE
        controller.check_status_now()
        controller.tick()  # between sessions: the library system is away -> out of service
        assert controller.view().screen is Screen.OUT_OF_SERVICE
        assert all(v.name is None and v.summary is None for v in views)
    finally:
        lib.close()


# ---------------------------------------------------------------- the library system is slow


class SlowLibrary:
    """The embedded library system behind the SIP2 server, slow on demand: it lends the item,
    then takes longer than the kiosk waits before it answers."""

    def __init__(self, inner: Any, delay: float) -> None:
        self.inner = inner
        self.delay = delay
        self.slow = threading.Event()
        self.check_outs = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def check_out(self, *args: Any, **kwargs: Any) -> Any:
        self.check_outs += 1
        result = self.inner.check_out(*args, **kwargs)
        if self.slow.is_set():
            time.sleep(self.delay)  # bounded: once, a little longer than the kiosk's timeout
        return result


@pytest.fixture
def embedded_acs(embedded: Any) -> Iterator[tuple[int, Any, SlowLibrary]]:
    from kiosk.ils.embedded.engine import EmbeddedLibrary

    library = SlowLibrary(
        EmbeddedLibrary(embedded, branch="DAL", clock=ManualClock(START)), delay=TIMEOUT * 2
    )
    with serving(library) as port:
        yield port, embedded, library


def test_ils_slow_on_a_check_out_times_out_in_time_and_the_loan_is_looked_up_not_lent_twice(
    embedded_acs: tuple[int, Any, SlowLibrary], journal: Journal
) -> None:
    port, engine, library = embedded_acs
    inner = sip2_library(port)
    lib = offline(inner, journal)
    try:
        assert lib.identify(RENE).outcome.reason is Reason.OK
        library.slow.set()
        started = time.monotonic()
        lent = lib.check_out(RENE, MAX_HAVELAAR)
        elapsed = time.monotonic() - started
        assert elapsed < TIMEOUT + SLACK, f"took {elapsed:.2f} s"
        # The member is told it is recorded; the kiosk does not know whether it was lent.
        assert lent.ok and lent.outcome.reason is Reason.RECORDED_OFFLINE
        [entry] = journal.entries()
        assert entry.sending, "it went out unanswered: the library system may have it"

        library.slow.clear()  # quick again: the replay looks first and does not lend twice
        deadline = time.monotonic() + WAIT
        report = lib.sync()
        for _ in range(50):  # bounded: the late answer of the slow loan may still be on its way
            if report.waiting == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
            report = lib.sync()
        assert (report.sent, report.conflicts, report.waiting) == (1, 0, 0)
        assert journal.depth() == 0
    finally:
        inner.close()
    assert library.check_outs == 1  # the one that timed out, never a second
    [loan] = _loans_of(engine, MAX_HAVELAAR)
    assert loan.returned_at is None and loan.renewals == 0


# ---------------------------------------------------------------- the library system goes down


def test_ils_down_during_a_session_lends_offline_and_the_library_gets_it_when_back(
    embedded: Any, journal: Journal
) -> None:
    from kiosk.ils.embedded.engine import EmbeddedLibrary

    library = EmbeddedLibrary(embedded, branch="DAL", clock=ManualClock(START))
    clock = ManualClock(START)
    with ExitStack() as running:
        port = running.enter_context(serving(library))
        backoff = MovableClock()
        inner = sip2_library(port, clock=backoff)
        lib = offline(inner, journal)
        controller, _ = controller_for(lib, clock=clock)
        try:
            controller.dispatch(CardPresented(RENE))
            home = controller.view()
            assert home.screen is Screen.HOME and home.name is not None and home.name.given
            assert home.notice is None or home.notice.reason is not Reason.OFFLINE_MODE

            running.close()  # the library system goes down while the member is at the kiosk
            started = time.monotonic()
            controller.dispatch(CodeScanned(MAX_HAVELAAR, "item"))
            assert time.monotonic() - started < CONNECT_TIMEOUT + SLACK
            [line] = controller.view().checkouts
            assert (line.item_id, line.ok, line.reason) == (
                MAX_HAVELAAR,
                True,
                Reason.RECORDED_OFFLINE,
            )
            controller.dispatch(Done())
            assert controller.view().screen is Screen.GOODBYE
            clock.advance(Timeouts().goodbye + 1)
            controller.tick()
            assert controller.view().screen is Screen.IDLE  # in service, offline
            [entry] = journal.entries()
            assert (entry.kind, entry.card, entry.item) == (CHECKOUT, RENE, MAX_HAVELAAR)
            assert not entry.sending  # it never went out: nothing to look up later
            assert _loans_of(embedded, MAX_HAVELAAR) == []

            # Back on the same address: the status check between sessions hands it over.
            with serving(library, port=port):
                deadline = time.monotonic() + WAIT
                for _ in range(100):  # bounded in count and time
                    clock.advance(61)  # the next status check is due
                    backoff.now += 61  # and the reconnect back-off is over
                    controller.tick()
                    if journal.depth() == 0 or time.monotonic() > deadline:
                        break
                    time.sleep(0.1)
                assert journal.depth() == 0
        finally:
            inner.close()
    [loan] = _loans_of(embedded, MAX_HAVELAAR)
    assert loan.returned_at is None


# ---------------------------------------------------------------- the card reader goes away
#
# The reader's callbacks reach the session through the kiosk's own device bridge (Qt queued
# signals, as in the running kiosk); the library system is the embedded one.


def _reader_kiosk(reader: Any, engine: Any) -> tuple[SessionController, Any]:
    from hardware.ports import DeviceSet
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ui.devices import DeviceBridge

    library = EmbeddedLibrary(engine, branch="DAL", clock=ManualClock(START))
    controller, _ = controller_for(library)
    bridge = DeviceBridge(DeviceSet(card_reader=reader), controller)
    bridge.start()
    return controller, bridge


def _at(controller: SessionController, screen: Screen) -> Callable[[], bool]:
    return lambda: controller.view().screen is screen


@pytest.mark.usefixtures("qapp")
def test_reader_unplugged_mid_session_ends_the_session_and_forgets_the_member(
    qtbot: Any, embedded: Any
) -> None:
    from hardware.fakes import FakeCardReader

    reader = FakeCardReader()
    controller, bridge = _reader_kiosk(reader, embedded)
    try:
        reader.present(RENE)
        qtbot.waitUntil(_at(controller, Screen.HOME), timeout=int(WAIT * 1000))
        assert controller.machine.holds_personal_data()

        reader.unplug()  # with the member's pass on it
        qtbot.waitUntil(
            lambda: not controller.machine.holds_personal_data(), timeout=int(WAIT * 1000)
        )
        assert controller.view().screen is not Screen.HOME
        assert reader.health().state is Health.FAILED
        reader.present(RENE)  # nobody hears a pass on an unplugged reader
        qtbot.wait(100)
        assert not controller.machine.holds_personal_data()

        reader.plug()
        reader.present(RENE)
        qtbot.waitUntil(_at(controller, Screen.HOME), timeout=int(WAIT * 1000))
    finally:
        bridge.stop()


PCSC_READER = r"^Virtual PCD 00 00"
#: the first four bytes, read as a number, are 2: René's pass 2100000000002 by the rule below
RENE_UID = bytes.fromhex("00000002A1B2C3")


@pytest.mark.usefixtures("qapp")
def test_pcscd_restarted_mid_session_ends_the_session_and_the_next_pass_is_read(
    pcscd: Any, qtbot: Any, embedded: Any
) -> None:
    from hardware.codes import UidEncoding, UidRule
    from hardware.pcsc import PcscCardReader, PcscSettings
    from hardware.vpcd_card import CardProfile, VirtualCard
    from kiosk.bench import pcscd as pcscd_daemon

    rule = UidRule(UidEncoding.DECIMAL, use_bytes=4, prefix="21", length=11)
    reader = PcscCardReader(PcscSettings(reader=PCSC_READER, uid_rule=rule, retry_s=0.2))
    controller, bridge = _reader_kiosk(reader, embedded)
    wait_ms = int(WAIT * 2 * 1000)
    try:
        qtbot.waitUntil(lambda: reader.health().state is Health.OK, timeout=wait_ms)
        with VirtualCard(CardProfile(uid=RENE_UID), port=35963) as card:
            pcscd_daemon.insert_card(card, WAIT)
            qtbot.waitUntil(_at(controller, Screen.HOME), timeout=wait_ms)
            assert controller.machine.holds_personal_data()
            pcscd.stop()  # the service goes, with the reader and the pass on it
            try:
                qtbot.waitUntil(
                    lambda: not controller.machine.holds_personal_data(), timeout=wait_ms
                )
                qtbot.waitUntil(lambda: reader.health().state is Health.FAILED, timeout=wait_ms)
                assert "service" in reader.health().reason
            finally:
                pcscd.start()  # whatever happened, the next test has its pcscd
        qtbot.waitUntil(lambda: reader.health().state is Health.OK, timeout=wait_ms)
        with VirtualCard(CardProfile(uid=RENE_UID), port=35963) as card:
            pcscd_daemon.insert_card(card, WAIT)
            qtbot.waitUntil(_at(controller, Screen.HOME), timeout=wait_ms)
    finally:
        bridge.stop()


# ---------------------------------------------------------------- paper out in mid-receipt

# Epson TM status bytes (DLE EOT 1, 2, 4), as the printer tests use them.
READY = {1: 0x12, 2: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x7E}  # off-line because printing stopped: no paper
DLE_EOT = b"\x10\x04"
ESC_INIT = b"\x1b@"


class Roll:
    """A loopback ESC/POS network printer whose roll holds ``length`` bytes of print data.

    It answers ``DLE EOT n`` at once, in the order the bytes arrive (a real-time command), with
    the status of the moment: ready while there is paper, out of paper (and so off-line) once
    the print data received has used the roll up. ``printed`` is what came out on paper;
    ``received`` everything that came in.
    """

    def __init__(self, length: int) -> None:
        self.length = length
        self.printed = bytearray()
        self.received = bytearray()
        self.data_bytes = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self.errors: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, name="roll-printer", daemon=True)
        self._thread.start()

    @property
    def out(self) -> bool:
        return self.data_bytes >= self.length

    def _data(self, chunk: bytes) -> None:
        room = max(0, self.length - self.data_bytes)
        self.printed += chunk[:room]
        self.data_bytes += len(chunk)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    conn, _ = self._server.accept()
                except TimeoutError:
                    continue
                with conn:
                    conn.settimeout(0.05)
                    self._serve(conn)
        except BaseException as exc:  # reported by the test, not lost in a thread
            self.errors.append(exc)

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk
            buffer += chunk
            for _ in range(len(buffer) + 1):  # bounded: each round consumes bytes or stops
                at = buffer.find(DLE_EOT)
                if at < 0:
                    keep = 1 if buffer.endswith(DLE_EOT[:1]) else 0
                    self._data(buffer[: len(buffer) - keep])
                    buffer = buffer[len(buffer) - keep :]
                    break
                if len(buffer) < at + 3:
                    self._data(buffer[:at])
                    buffer = buffer[at:]
                    break
                self._data(buffer[:at])
                n = buffer[at + 2]
                buffer = buffer[at + 3 :]
                replies = PAPER_OUT if self.out else READY
                if n in replies:
                    conn.sendall(bytes([replies[n]]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT)
        self._server.close()
        assert not self._thread.is_alive()


@pytest.fixture
def roll() -> Iterator[Roll]:
    # A loan receipt is several hundred bytes; this much paper holds its header and no more.
    printer = Roll(length=120)
    yield printer
    printer.close()
    assert not printer.errors


def escpos(port: int) -> EscposPrinter:
    return EscposPrinter(PrinterSettings("network", port=port, timeout_s=1.0))


@pytest.mark.parametrize("ils", ["online", "offline"])
def test_paper_runs_out_in_the_middle_of_a_receipt_the_loan_stands_and_the_member_is_told(
    ils: str, roll: Roll, journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    with peer.FakeAcs() as server:
        port = server.port if ils == "online" else _closed_port()
        inner = sip2_library(port)
        lib = offline(inner, journal)
        controller, _ = controller_for(lib, printer=escpos(roll.port))
        try:
            with caplog.at_level(logging.INFO):
                controller.check_printer()
                assert controller.device_health["printer"].state is Health.OK
                seen = borrow(controller, peer.CARD, peer.ITEM, pin=peer.PIN)
                expected = Reason.RECORDED_OFFLINE if ils == "offline" else Reason.OK
                assert [(c.ok, c.reason) for c in seen.checkouts] == [(True, expected)]
                assert controller.view().screen is Screen.RECEIPT
                assert controller.view().can_print
                controller.dispatch(ReceiptChosen(True))

            # The printer started the receipt and ran out in the middle of it.
            assert ESC_INIT in roll.printed and LIBRARY.encode() in roll.printed
            assert b"Tot ziens!" in roll.received and b"Tot ziens!" not in roll.printed
            # The member is told, on the receipt screen, with the loan still shown as done.
            view = controller.view()
            assert view.screen is Screen.RECEIPT and not view.can_print
            assert view.notice is not None and view.notice.reason is Reason.PRINTER_OUT_OF_PAPER
            assert [(c.item_id, c.ok) for c in view.checkouts] == [(peer.ITEM, True)]
            # Staff see why, without the member's card.
            staff = controller.device_health["printer"]
            assert staff.state is Health.FAILED and staff.condition == "paper_out"
            assert "incomplete" in staff.reason and peer.CARD not in staff.reason
            assert controller.counters["receipts_not_printed"] == 1

            controller.dispatch(ReceiptChosen(False))  # the member leaves without a receipt
            assert controller.view().screen is Screen.GOODBYE
        finally:
            inner.close()
        # Nothing undone: the loan stands where it was made, and no return was made of it.
        if ils == "online":
            assert server.library.loans == {peer.ITEM: peer.CARD}
            assert "09" not in server.codes
            assert journal.depth() == 0
        else:
            assert [(e.kind, e.card, e.item) for e in journal.entries()] == [
                (CHECKOUT, peer.CARD, peer.ITEM)
            ]
            assert server.received == []
        assert not server.errors
    assert not controller.machine.holds_personal_data()
    assert peer.CARD not in caplog.text
