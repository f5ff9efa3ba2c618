"""A scripted SIP2 server for transport tests: a thread with a socket on 127.0.0.1:0.

``FakeAcs`` answers like a tiny library (``MiniLibrary``) unless a test gives it a ``script``:
a function of the incoming request that returns the chunks to write (each ``sendall`` on its
own, a short pause between them, so one reply can be split across packets or several put in
one), ``None`` for the library's own answer, ``SILENT`` to say nothing, or ``HANG_UP`` to
close the connection (also allowed as the last chunk: answer, then close). Everything received
is kept in ``received`` (frames without terminator) for assertions.

Not a test module (no ``test_`` prefix); test files in this directory import it by name.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.codec import Codec, Frame, FrameReader, Sip2DecodeError
from kiosk.ils.sip2.profiles import Profile, profile

DATE = "20260105    101500"
INSTITUTION = "DAL"
USER, PASSWORD = "kiosk", "s3cret-Pw"
CARD, PIN, NAME = "21234000012345", "4711", "Jansen, Anna"
ITEM, TITLE = "31234000054321", "De avonden"
UNKNOWN_ITEM = "39999999999999"


@dataclass(frozen=True, slots=True)
class Incoming:
    raw: bytes
    frame: Frame | None  # None: the fake could not decode it

    @property
    def code(self) -> str:
        return self.raw[:2].decode("ascii", errors="replace")

    @property
    def sequence(self) -> str | None:
        return self.frame.sequence if self.frame is not None else None


SILENT: list[bytes] = []
HANG_UP = object()
Script = Callable[[Incoming, "FakeAcs"], "Sequence[bytes] | object | None"]


@dataclass(slots=True)
class MiniLibrary:
    """Just enough of a library to answer the messages the transport and check-ils send."""

    users: dict[str, str] = field(default_factory=lambda: {USER: PASSWORD})
    patrons: dict[str, tuple[str, str]] = field(default_factory=lambda: {CARD: (NAME, PIN)})
    items: dict[str, str] = field(default_factory=lambda: {ITEM: TITLE})
    loans: dict[str, str] = field(default_factory=dict)
    online: bool = True

    def answer(self, msg: m.Message) -> m.Message | None:
        if isinstance(msg, m.LoginRequest):
            ok = self.users.get(msg.login_user_id) == msg.login_password
            return m.LoginResponse(ok="1" if ok else "0")
        if isinstance(msg, m.ScStatus):
            return m.AcsStatus(
                online_status="Y" if self.online else "N",
                checkin_ok="Y",
                checkout_ok="Y",
                acs_renewal_policy="Y",
                status_update_ok="N",
                offline_ok="N",
                timeout_period="030",
                retries_allowed="003",
                date_time_sync=DATE,
                institution_id=INSTITUTION,
                library_name="Bibliotheek Test",
                supported_messages="YYYYYYYYYYYYYYYY",
            )
        if isinstance(msg, m.PatronStatusRequest):
            known = self.patrons.get(msg.patron_identifier)
            return m.PatronStatusResponse(
                patron_status=" " * 14,
                transaction_date=DATE,
                institution_id=msg.institution_id,
                patron_identifier=msg.patron_identifier,
                personal_name=known[0] if known else "",
                valid_patron="Y" if known else "N",
                valid_patron_password=self._pin_ok(known, msg.patron_password),
            )
        if isinstance(msg, m.PatronInformationRequest):
            known = self.patrons.get(msg.patron_identifier)
            charged = sum(1 for card in self.loans.values() if card == msg.patron_identifier)
            return m.PatronInformationResponse(
                patron_status=" " * 14,
                transaction_date=DATE,
                charged_items_count=f"{charged:04d}",
                institution_id=msg.institution_id,
                patron_identifier=msg.patron_identifier,
                personal_name=known[0] if known else "",
                valid_patron="Y" if known else "N",
                valid_patron_password=self._pin_ok(known, msg.patron_password or ""),
            )
        if isinstance(msg, m.ItemInformationRequest):
            title = self.items.get(msg.item_identifier, "")
            on_loan = msg.item_identifier in self.loans
            return m.ItemInformationResponse(
                circulation_status="04" if on_loan else ("03" if title else "01"),
                transaction_date=DATE,
                item_identifier=msg.item_identifier,
                title_identifier=title,
            )
        if isinstance(msg, m.CheckoutRequest):
            ok = (
                msg.patron_identifier in self.patrons
                and msg.item_identifier in self.items
                and msg.item_identifier not in self.loans
            )
            if ok:
                self.loans[msg.item_identifier] = msg.patron_identifier
            return m.CheckoutResponse(
                ok="1" if ok else "0",
                transaction_date=DATE,
                institution_id=msg.institution_id,
                patron_identifier=msg.patron_identifier,
                item_identifier=msg.item_identifier,
                title_identifier=self.items.get(msg.item_identifier, ""),
                due_date="20260126    235900" if ok else None,
                screen_message=() if ok else ("Item cannot be lent",),
            )
        if isinstance(msg, m.CheckinRequest):
            ok = self.loans.pop(msg.item_identifier, None) is not None
            return m.CheckinResponse(
                ok="1" if ok else "0",
                transaction_date=DATE,
                institution_id=msg.institution_id,
                item_identifier=msg.item_identifier,
                permanent_location="DAL",
                sort_bin="CL01" if ok else None,
            )
        return None

    @staticmethod
    def _pin_ok(known: tuple[str, str] | None, pin: str) -> str | None:
        if not pin:
            return None
        return "Y" if known is not None and known[1] == pin else "N"


class FakeAcs:
    """The server. Use as a context manager; ``errors`` collects anything unexpected."""

    def __init__(
        self,
        script: Script | None = None,
        *,
        acs_profile: Profile | None = None,
        library: MiniLibrary | None = None,
        tls: ssl.SSLContext | None = None,
        pause: float = 0.02,
    ) -> None:
        self.script = script
        self.profile = acs_profile or profile("generic")
        self.codec: Codec = self.profile.codec()
        self.library = library or MiniLibrary()
        self.tls = tls
        self.pause = pause
        self.received: list[bytes] = []
        self.connections = 0
        self.sessions_ended = 0
        self.tls_failures = 0
        self.errors: list[BaseException] = []
        self.last_reply: bytes | None = None
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.02)
        self.port: int = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="fake-acs", daemon=True)

    # -- helpers for scripts -----------------------------------------------------------------

    @property
    def codes(self) -> list[str]:
        return [raw[:2].decode("ascii", errors="replace") for raw in self.received]

    def frame(self, msg: m.Message, sequence: str | int | None) -> bytes:
        """``msg`` encoded as this ACS writes it, terminator included."""
        return self.codec.encode(msg, sequence=sequence) + self.profile.terminator

    def default(self, incoming: Incoming) -> list[bytes]:
        """What the mini library answers (a 97 gets the last reply again)."""
        if incoming.frame is None:
            return [self.frame(m.RequestScResend(), None)]
        if incoming.code == "97":
            return [self.last_reply] if self.last_reply is not None else SILENT
        reply = self.library.answer(incoming.frame.message)
        if reply is None:
            return SILENT
        data = self.frame(reply, incoming.sequence)
        return [data]

    def wait_for_hang_up(self, sessions: int = 1, limit: float = 5.0) -> None:
        """Until ``sessions`` connections have been closed on this side (bounded)."""
        deadline = time.monotonic() + limit
        while self.sessions_ended < sessions and time.monotonic() < deadline:
            time.sleep(0.005)
        assert self.sessions_ended >= sessions, "the fake ACS did not close the connection"

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> FakeAcs:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    conn, _ = self._listener.accept()
                except TimeoutError:
                    continue
                self.connections += 1
                with conn:
                    self._session(conn)
                self.sessions_ended += 1
        except BaseException as exc:  # reported by the test's teardown, not lost in a thread
            self.errors.append(exc)

    def _session(self, conn: socket.socket) -> None:
        if self.tls is not None:
            conn.settimeout(2)
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError):
                self.tls_failures += 1
                return
        with conn:
            conn.settimeout(0.02)
            reader = FrameReader()
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except (ssl.SSLError, ConnectionError):
                    return
                if not data:
                    return
                for raw in reader.feed(data):
                    if not self._handle(conn, raw):
                        return

    def _handle(self, conn: socket.socket, raw: bytes) -> bool:
        self.received.append(raw)
        try:
            frame: Frame | None = self.codec.decode(raw)
        except Sip2DecodeError:
            frame = None
        incoming = Incoming(raw, frame)
        chunks = self.script(incoming, self) if self.script is not None else None
        if chunks is None:
            chunks = self.default(incoming)
        if chunks is HANG_UP:
            return False
        assert isinstance(chunks, list | tuple)
        sent: list[bytes] = []
        for i, chunk in enumerate(chunks):
            if chunk is HANG_UP:
                return False
            assert isinstance(chunk, bytes)
            if i:
                time.sleep(self.pause)
            try:
                conn.sendall(chunk)
            except (ssl.SSLError, ConnectionError):
                return False
            sent.append(chunk)
        if sent and incoming.code != "97":
            self.last_reply = b"".join(sent)
        return True


def corrupt_checksum(frame: bytes) -> bytes:
    """``frame`` (terminator included) with a wrong AZ value."""
    body = frame.rstrip(b"\r\n")
    end = frame[len(body) :]
    at = body.rfind(b"AZ")
    wrong = b"0000" if body[at + 2 :] != b"0000" else b"FFFF"
    return body[: at + 2] + wrong + end


def make_certificate(where: Path) -> tuple[Path, Path] | str:
    """A self-signed certificate for localhost and 127.0.0.1, made with the openssl program.

    Returns ``(cert, key)``, or why it could not (the caller skips). The ``cryptography``
    package is not a dependency of this project; the openssl program is on every Debian
    system the kiosk targets.
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        return "TLS tests need the openssl command to make a test certificate"
    cert, key = where / "cert.pem", where / "key.pem"
    command = [openssl, "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
    command += ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    command += ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
    command += ["-keyout", str(key), "-out", str(cert)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    if done.returncode != 0:
        return f"openssl could not make a test certificate: {done.stderr.strip()[:200]}"
    return cert, key


def tls_server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
