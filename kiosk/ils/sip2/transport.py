"""SIP2 client transport: one socket to the ACS, typed messages in, decoded frames out.

:class:`Sip2Connection` knows nothing about members or items. It frames and checksums what it is
given (through the profile's :class:`~kiosk.ils.sip2.codec.Codec`), numbers requests with AY
0-9, recovers from garbled replies (97) and from the server's resend requests (96), throws away
stale replies, bounds every request by a timeout and reconnects with a back-off when the ACS
goes away. Everything that means "nobody answered" is an :class:`~kiosk.ils.port.IlsUnavailable`
whose message names the endpoint and the SIP2 message, never a field value.

Timing: socket deadlines use the real monotonic clock (a socket waits in real time); the
injectable ``clock`` drives only the back-off and heartbeat schedule, so tests can move it.
"""

from __future__ import annotations

import collections
import logging
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from types import TracebackType
from typing import Final, Literal
from zoneinfo import ZoneInfo

from kiosk.ils.port import IlsUnavailable
from kiosk.ils.sip2.codec import (
    ChecksumStatus,
    Frame,
    FrameReader,
    FrameTooLong,
    Sip2DecodeError,
)
from kiosk.ils.sip2.messages import (
    REGISTRY,
    RESPONSE_TO,
    AcsStatus,
    LoginRequest,
    LoginResponse,
    Message,
    RequestAcsResend,
    ScStatus,
)
from kiosk.ils.sip2.profiles import Profile
from kiosk.ils.sip2.values import number

log = logging.getLogger("kiosk.ils.sip2")

Direction = Literal["sent", "received"]

#: fields whose values are secrets: login password, terminal password, patron password (PIN)
SECRET_TAGS: Final = (b"CO", b"AC", b"AD")
MASK: Final = b"******"
DEFAULT_TZ: Final = "Europe/Amsterdam"
#: how many recent frames :attr:`Sip2Connection.exchanges` keeps
EXCHANGE_HISTORY: Final = 50
_RECV_SIZE: Final = 65536


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where the ACS listens, and how to talk TLS to it."""

    host: str
    port: int
    tls: bool = False
    #: CA bundle to verify the server with; ``None`` with TLS means the system trust store
    ca_file: str | None = None
    #: verify the certificate chain and the host name (turn off only for a test server)
    verify: bool = True
    client_cert: str | None = None
    client_key: str | None = None
    #: name sent as SNI and checked against the certificate; default ``host``
    server_name: str | None = None

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def __str__(self) -> str:
        return self.address


@dataclass(frozen=True, slots=True)
class Credentials:
    """The SC's login (93): a service account, not a member."""

    user: str
    password: str = field(repr=False)
    location: str | None = None

    @classmethod
    def from_secret_file(
        cls, user: str, path: str | os.PathLike[str], location: str | None = None
    ) -> Credentials:
        """The password is the file's first line, stripped (so a secret file can end in LF)."""
        try:
            with open(path, encoding="utf-8") as fh:
                first = fh.readline()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ValueError(
                f"{os.fspath(path)}: cannot read the SIP2 password: {reason}"
            ) from None
        except UnicodeDecodeError:
            raise ValueError(f"{os.fspath(path)}: the SIP2 password file is not UTF-8") from None
        password = first.strip()
        if not password:
            raise ValueError(f"{os.fspath(path)}: the first line (the SIP2 password) is empty")
        return cls(user, password, location)


def mask_secrets(raw: bytes) -> bytes:
    """``raw`` with the values of CO, AC and AD replaced by ``******``.

    Fields are recognised only at a field boundary (after the fixed part, or after ``|``), so a
    login user such as ``SCOTT`` is not mistaken for a ``CO`` field. When something is masked the
    checksum is masked too: AZ is a sum over the frame and would give the secret's digits away.
    """
    cls = REGISTRY.get(raw[:2].decode("ascii", errors="replace"))
    if cls is None:
        return raw
    start = 2 + sum(f.width for f in cls.FIXED)
    if len(raw) <= start:
        return raw
    segments = raw[start:].split(b"|")
    masked = False
    for i, seg in enumerate(segments):
        if seg[:2] in SECRET_TAGS and len(seg) > 2:
            segments[i] = seg[:2] + MASK
            masked = True
    if not masked:
        return raw
    out = raw[:start] + b"|".join(segments)
    at = out.rfind(b"AZ")
    if at >= 0 and len(out) - at == 6:
        out = out[: at + 2] + b"****"
    return out


def _name(code: str) -> str:
    cls = REGISTRY.get(code)
    return f"{code} ({cls.__name__})" if cls is not None else code


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


class Sip2ConnectError(IlsUnavailable):
    """Connecting (socket, TLS, login or first status) failed; the back-off has started.

    ``reason`` says what failed, ``retry_in`` how many seconds until the next attempt.
    """

    def __init__(self, reason: str, retry_in: float) -> None:
        super().__init__(f"{reason}; next attempt in {_seconds(retry_in)} s")
        self.reason, self.retry_in = reason, retry_in


class _Timeout(Exception):
    pass


class _Broken(Exception):
    pass


class Sip2Connection:
    """One SC-to-ACS connection.

    ``open()`` connects (with TLS when the endpoint says so), logs in when there are credentials
    and asks for the ACS status; ``request()`` does that lazily when the connection is down. A
    lock serialises requests, so one connection can be shared, though the kiosk calls it from its
    single ILS worker thread.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        profile: Profile,
        credentials: Credentials | None,
        *,
        timeout: float = 10.0,
        connect_timeout: float = 5.0,
        garbled_retries: int = 2,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        heartbeat_interval: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        tz: tzinfo | None = None,
        diagnostics: bool = False,
    ) -> None:
        if timeout <= 0 or connect_timeout <= 0:
            raise ValueError("SIP2 timeouts must be positive")
        self.endpoint = endpoint
        self.profile = profile
        self.credentials = credentials
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.garbled_retries = max(0, garbled_retries)
        self.backoff_initial = backoff_initial
        self.backoff_max = max(backoff_max, backoff_initial)
        self.heartbeat_interval = heartbeat_interval
        #: the ACS's time zone (for callers that write SIP2 dates); Europe/Amsterdam by default
        self.tz: tzinfo = tz if tz is not None else ZoneInfo(DEFAULT_TZ)
        self._clock = clock
        self._codec = profile.codec()
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._tls_context: ssl.SSLContext | None = None
        self._reader = FrameReader()
        self._pending: collections.deque[bytes | None] = collections.deque()
        self._sequence = 0
        self._last_status: AcsStatus | None = None
        self._last_exchange_at = 0.0
        self._delay = backoff_initial
        self._retry_at: float | None = None
        self._last_failure = ""
        #: recent frames as ``(direction, bytes)`` without terminators, secrets masked; kept
        #: only with ``diagnostics`` (``kiosk check-ils``): the frames of a kiosk's sessions hold
        #: card numbers, names and titles, which must not outlive a session (P3)
        self.diagnostics = diagnostics
        self.exchanges: collections.deque[tuple[Direction, bytes]] = collections.deque(
            maxlen=EXCHANGE_HISTORY if diagnostics else 0
        )
        #: how many frames were ever added to :attr:`exchanges` (to find a step's own frames)
        self.exchange_count = 0

    # -- public ------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._sock is not None

    @property
    def last_status(self) -> AcsStatus | None:
        """The most recent ACS status (98), from ``open``, a heartbeat or a 99 request."""
        return self._last_status

    def open(self) -> AcsStatus:
        """Connect, log in (when there are credentials) and return the ACS status (98).

        On a connection that is already up this only asks for the status again. A 98 that says
        the ACS is offline is returned as it is; what that means is the caller's business.
        """
        with self._lock:
            if self._sock is None:
                self._establish()
                assert self._last_status is not None
                return self._last_status
            return self._status()

    def connect(self) -> None:
        """Open the socket (and TLS) only: no login, no status.

        For diagnostics that want to send the 93 and 99 themselves (``kiosk check-ils``).
        Honours and feeds the reconnect back-off like ``open``.
        """
        with self._lock:
            if self._sock is not None:
                return
            self._check_backoff()
            try:
                self._open_socket()
            except IlsUnavailable as exc:
                raise self._schedule_retry(str(exc)) from None
            self._succeeded()

    def request(self, msg: Message) -> Frame:
        """Send ``msg`` and return the response frame (code ``RESPONSE_TO[msg.CODE]``).

        Connects (and logs in and asks the status) first when the connection is down. Raises
        :class:`IlsUnavailable` when no usable answer came within ``timeout``.
        """
        if msg.CODE not in RESPONSE_TO:
            raise ValueError(f"SIP2 message {_name(msg.CODE)} is not a request with a response")
        with self._lock:
            if self._sock is not None:
                self._drain()
            if self._sock is None:
                self._establish()
            return self._exchange(msg)

    def heartbeat_if_due(self) -> AcsStatus | None:
        """Send a 99 when ``heartbeat_interval`` passed since the last exchange.

        When the connection is down this tries to bring it back (respecting the back-off) and
        returns the fresh status; otherwise ``None`` when no heartbeat was due.
        """
        with self._lock:
            if self._sock is not None:
                self._drain()
            if self._sock is None:
                self._establish()
                return self._last_status
            if self._clock() - self._last_exchange_at < self.heartbeat_interval:
                return None
            log.debug("SIP2 %s: heartbeat", self.endpoint)
            return self._status()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> Sip2Connection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- session -----------------------------------------------------------------------------

    def _establish(self) -> None:
        """Socket, login, status; any failure closes the socket and starts the back-off."""
        self._check_backoff()
        try:
            self._open_socket()
            if self.credentials is not None:
                self._login(self.credentials)
            self._status()
        except IlsUnavailable as exc:
            self._drop()
            raise self._schedule_retry(str(exc)) from None
        self._succeeded()

    def _login(self, credentials: Credentials) -> None:
        frame = self._exchange(
            LoginRequest(
                login_user_id=credentials.user,
                login_password=credentials.password,
                location_code=credentials.location,
            )
        )
        assert isinstance(frame.message, LoginResponse)
        if frame.message.ok != "1":
            raise IlsUnavailable(
                f"SIP2 server {self.endpoint} refused the login of user {credentials.user!r}"
                " (94 ok=0): check [ils] user and [ils] password"
            )
        log.info("SIP2 %s: logged in", self.endpoint)

    def _status(self) -> AcsStatus:
        msg = ScStatus(max_print_width=number(self.profile.max_print_width, 3))
        frame = self._exchange(msg)
        assert isinstance(frame.message, AcsStatus)
        status = frame.message
        if status.online_status != "Y":
            log.warning("SIP2 %s: the ACS reports itself offline (98)", self.endpoint)
        return status

    def _check_backoff(self) -> None:
        if self._retry_at is None:
            return
        wait = self._retry_at - self._clock()
        if wait > 0:
            raise IlsUnavailable(
                f"SIP2 server {self.endpoint} unavailable ({self._last_failure});"
                f" reconnecting in {_seconds(wait)} s"
            )

    def _schedule_retry(self, reason: str) -> Sip2ConnectError:
        delay = self._delay
        self._retry_at = self._clock() + delay
        self._delay = min(delay * 2, self.backoff_max)
        self._last_failure = reason
        # The reason too (it names the endpoint, a setting or a SIP2 message, never a field
        # value): under the offline wrapper this line is all staff see of, say, a TLS problem.
        log.warning(
            "SIP2 %s: connection failed (%s); next attempt in %s s",
            self.endpoint,
            reason,
            _seconds(delay),
        )
        return Sip2ConnectError(reason, delay)

    def _succeeded(self) -> None:
        if self._retry_at is not None:
            log.info("SIP2 %s: reconnected", self.endpoint)
        self._retry_at = None
        self._delay = self.backoff_initial
        self._last_failure = ""
        self._last_exchange_at = self._clock()

    # -- socket ------------------------------------------------------------------------------

    def _open_socket(self) -> None:
        ep = self.endpoint
        started = time.monotonic()
        try:
            sock = socket.create_connection((ep.host, ep.port), timeout=self.connect_timeout)
        except socket.gaierror as exc:
            raise IlsUnavailable(
                f"cannot resolve SIP2 server host {ep.host!r}: {exc.strerror}"
            ) from None
        except TimeoutError:
            raise IlsUnavailable(
                f"cannot connect to SIP2 server {ep}: no answer within"
                f" {_seconds(self.connect_timeout)} s"
            ) from None
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise IlsUnavailable(f"cannot connect to SIP2 server {ep}: {reason}") from None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if ep.tls:
                sock = self._wrap_tls(sock)
        except BaseException:
            sock.close()
            raise
        self._sock = sock
        self._reader = FrameReader()
        self._pending.clear()
        self._sequence = 0
        log.info(
            "SIP2 %s: connected%s in %d ms",
            ep,
            " (TLS)" if ep.tls else "",
            (time.monotonic() - started) * 1000,
        )

    def _wrap_tls(self, sock: socket.socket) -> socket.socket:
        ep = self.endpoint
        context = self._tls_context or self._make_tls_context()
        self._tls_context = context
        name = ep.server_name or ep.host
        try:
            return context.wrap_socket(sock, server_hostname=name)
        except ssl.SSLCertVerificationError as exc:
            detail = exc.verify_message or exc.reason or "unknown reason"
            if "hostname" in detail.lower() or "ip address mismatch" in detail.lower():
                what = f"hostname mismatch: the certificate is not valid for {name!r}"
            else:
                what = f"certificate verify failed: {detail}"
            raise IlsUnavailable(f"TLS to SIP2 server {ep}: {what}") from None
        except ssl.SSLError as exc:
            raise IlsUnavailable(
                f"TLS handshake with SIP2 server {ep} failed: {exc.reason or exc}"
            ) from None
        except TimeoutError:
            raise IlsUnavailable(
                f"TLS handshake with SIP2 server {ep}: no answer within"
                f" {_seconds(self.connect_timeout)} s"
            ) from None
        except OSError as exc:
            raise IlsUnavailable(
                f"TLS handshake with SIP2 server {ep} failed: {exc.strerror or type(exc).__name__}"
            ) from None

    def _make_tls_context(self) -> ssl.SSLContext:
        ep = self.endpoint
        try:
            context = ssl.create_default_context(cafile=ep.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise IlsUnavailable(
                f"TLS for SIP2 server {ep}: cannot load CA file {ep.ca_file!r}: {_reason(exc)}"
            ) from None
        if not ep.verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if ep.client_cert:
            try:
                context.load_cert_chain(ep.client_cert, ep.client_key)
            except (OSError, ssl.SSLError) as exc:
                raise IlsUnavailable(
                    f"TLS for SIP2 server {ep}: cannot load client certificate"
                    f" {ep.client_cert!r}: {_reason(exc)}"
                ) from None
        return context

    def _drop(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()
            log.debug("SIP2 %s: connection closed", self.endpoint)
        self._pending.clear()
        self._reader = FrameReader()

    def _drain(self) -> None:
        """Discard what arrived unasked and notice a server that hung up while we were idle.

        A late reply still buffered would otherwise be taken for the answer to the next request
        on a profile without sequence numbers; a server that closed an idle connection is seen
        here, before a request is written into a dead socket.
        """
        sock = self._sock
        assert sock is not None
        dropped = sum(1 for f in self._pending if f is not None)
        self._pending.clear()
        try:
            for _ in range(16):
                pending_tls = isinstance(sock, ssl.SSLSocket) and sock.pending() > 0
                if not pending_tls and not select.select([sock], [], [], 0)[0]:
                    break
                sock.settimeout(0.0)
                try:
                    data = sock.recv(_RECV_SIZE)
                except (ssl.SSLWantReadError, BlockingIOError, InterruptedError):
                    break
                if not data:
                    log.info("SIP2 %s: the server closed the connection", self.endpoint)
                    self._drop()
                    return
                try:
                    dropped += len(self._reader.feed(data))
                except FrameTooLong as exc:
                    dropped += len(exc.frames)
        except OSError:
            log.info("SIP2 %s: the connection broke while idle", self.endpoint)
            self._drop()
            return
        if dropped:
            log.debug("SIP2 %s: discarded %d unasked frame(s)", self.endpoint, dropped)

    # -- one request -------------------------------------------------------------------------

    def _exchange(self, msg: Message) -> Frame:
        expected = RESPONSE_TO[msg.CODE]
        codec = self._codec
        sequence: int | None = None
        if self.profile.error_detection:
            sequence = self._sequence
            self._sequence = (self._sequence + 1) % 10
        started = time.monotonic()
        deadline = started + self.timeout
        try:
            self._send(codec.encode(msg, sequence=sequence))
            garbled = resends = 0
            while True:
                raw = self._next_frame(deadline)
                frame = self._decode(raw)
                if frame is None:
                    garbled += 1
                    if garbled > self.garbled_retries:
                        raise IlsUnavailable(
                            f"SIP2 server {self.endpoint} kept sending garbled replies to"
                            f" {_name(msg.CODE)} ({garbled} in a row)",
                            maybe_done=True,
                        )
                    log.info("SIP2 %s: garbled reply, asking for a resend (97)", self.endpoint)
                    self._send(codec.encode(RequestAcsResend()))
                    continue
                if frame.code == "96":
                    resends += 1
                    if resends > self.garbled_retries:
                        raise IlsUnavailable(
                            f"SIP2 server {self.endpoint} kept asking to resend"
                            f" {_name(msg.CODE)} (96, {resends} times)",
                            maybe_done=True,
                        )
                    log.info("SIP2 %s: server asked for a resend (96)", self.endpoint)
                    again = None if self.profile.resend_without_sequence else sequence
                    self._send(codec.encode(msg, sequence=again))
                    continue
                if frame.code != expected:
                    log.info(
                        "SIP2 %s: ignored a %s while waiting for %s",
                        self.endpoint,
                        frame.code,
                        expected,
                    )
                    continue
                if (
                    sequence is not None
                    and frame.sequence is not None
                    and frame.sequence != str(sequence)
                ):
                    log.info(
                        "SIP2 %s: discarded a stale %s (AY%s, expected AY%d)",
                        self.endpoint,
                        frame.code,
                        frame.sequence,
                        sequence,
                    )
                    continue
                break
        except _Timeout:
            self._drop()
            log.warning(
                "SIP2 %s: no answer to %s within %s s",
                self.endpoint,
                msg.CODE,
                _seconds(self.timeout),
            )
            raise IlsUnavailable(
                f"SIP2 server {self.endpoint} did not answer {_name(msg.CODE)}"
                f" within {_seconds(self.timeout)} s",
                maybe_done=True,
            ) from None
        except _Broken as exc:
            self._drop()
            log.warning("SIP2 %s: connection lost during %s", self.endpoint, msg.CODE)
            raise IlsUnavailable(
                f"SIP2 server {self.endpoint}: connection lost during {_name(msg.CODE)} ({exc})",
                maybe_done=True,
            ) from None
        except IlsUnavailable:
            self._drop()
            raise
        self._last_exchange_at = self._clock()
        if isinstance(frame.message, AcsStatus):
            self._last_status = frame.message
        log.debug(
            "SIP2 %s: %s -> %s in %d ms",
            self.endpoint,
            msg.CODE,
            frame.code,
            (time.monotonic() - started) * 1000,
        )
        return frame

    def _decode(self, raw: bytes | None) -> Frame | None:
        """The frame, or ``None`` when it is garbled (unreadable or, by profile, bad AZ)."""
        if raw is None:
            log.warning("SIP2 %s: oversized frame discarded", self.endpoint)
            return None
        try:
            frame = self._codec.decode(raw)
        except Sip2DecodeError as exc:
            log.warning(
                "SIP2 %s: unreadable frame (message %s, position %d)",
                self.endpoint,
                exc.code,
                exc.position,
            )
            return None
        if frame.checksum_status is ChecksumStatus.BAD:
            if self.profile.bad_checksum == "resend":
                log.warning("SIP2 %s: %s with a bad checksum", self.endpoint, frame.code)
                return None
            log.warning(
                "SIP2 %s: %s with a bad checksum accepted (profile %s)",
                self.endpoint,
                frame.code,
                self.profile.name,
            )
        return frame

    def _send(self, data: bytes) -> None:
        sock = self._sock
        assert sock is not None
        self._record("sent", data)
        try:
            sock.settimeout(self.timeout)
            sock.sendall(data + self.profile.terminator)
        except TimeoutError:
            raise _Timeout from None
        except OSError as exc:
            raise _Broken(exc.strerror or type(exc).__name__) from None
        log.debug("SIP2 %s: sent %s", self.endpoint, data[:2].decode("ascii", "replace"))

    def _next_frame(self, deadline: float) -> bytes | None:
        """The next complete frame (``None`` for one that was too long), by ``deadline``."""
        sock = self._sock
        assert sock is not None
        while not self._pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Timeout
            sock.settimeout(remaining)
            try:
                data = sock.recv(_RECV_SIZE)
            except TimeoutError:
                raise _Timeout from None
            except OSError as exc:
                raise _Broken(exc.strerror or type(exc).__name__) from None
            if not data:
                raise _Broken("closed by the server")
            try:
                frames: list[bytes | None] = list(self._reader.feed(data))
            except FrameTooLong as exc:
                frames = list(exc.frames)  # None where an over-long frame was
            for raw in frames:
                if raw is not None:
                    self._record("received", raw)
            self._pending.extend(frames)
        return self._pending.popleft()

    def _record(self, direction: Direction, raw: bytes) -> None:
        if self.diagnostics:
            self.exchanges.append((direction, mask_secrets(raw)))
            self.exchange_count += 1


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError):
        return str(exc.reason or exc)
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc)
