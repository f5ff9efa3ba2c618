"""An asyncio SIP2 2.00 server (the ACS side) in front of a :class:`Responder`.

One task per connection reads frames, checks them against the connection's account (encoding,
terminator, error detection, what a bad checksum means) and hands each request to the
responder on a thread pool: SIP2 is request/response, so a connection has one request in flight
at a time while many connections are served in parallel. The server owns login (93/94),
resends (97), "send that again" (96) and every limit; the responder only maps a request to a
response.

Behaviour (docs/sip2-server.md has the operator's version):

- The first message must be a 93 Login. A wrong password or an unknown user gets ``94`` with
  ok=0 and the connection is closed; so does any other request before login. A 97 before any
  reply, and frames that cannot be read, get ``96`` instead (the login frame may have been
  garbled on the way).
- Error detection per account: ``auto`` answers with AY/AZ exactly when the request carried AZ
  (echoing its AY), ``required`` answers a frame without AZ with ``96`` and always writes AY/AZ,
  ``off`` checks nothing and writes no trailer. A wrong AZ follows the account's
  ``bad_checksum``: ``resend`` answers ``96`` without processing, ``accept`` processes and logs.
- ``97`` resends our last reply byte for byte (``96`` when there is none yet).
- Frames that cannot be decoded, unknown or non-request codes and frames over
  ``Limits.max_frame`` get ``96``; ``Limits.max_bad_frames`` of them in a row close the
  connection. More than ``Limits.max_pending_frames`` frames in one read (a client that
  pipelines instead of waiting for answers) closes it too.
- A responder exception is logged (its type only: messages may hold card numbers) and closes
  that connection; the server and every other connection carry on.
- Logs carry connection ids, account user names, message codes, sizes and timings, never
  field values (card numbers, passwords, item identifiers, names).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import ssl
import threading
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.ils.sip2.accounts import Account, dummy_hash_like, verify_password
from kiosk.ils.sip2.codec import (
    ChecksumStatus,
    Codec,
    Flavour,
    FrameReader,
    FrameTooLong,
    Sip2DecodeError,
)
from kiosk.ils.sip2.messages import RESPONSE_TO, LoginRequest, LoginResponse, Message

log = logging.getLogger("kiosk.ils.sip2.server")

#: Request codes handed to the responder (93 and 97 are the server's own).
RESPONDER_CODES: frozenset[str] = frozenset(RESPONSE_TO) - {"93"}
_READ_SIZE = 65536
_CLOSE_WAIT = 2.0


class Responder(Protocol):
    """Maps one request to its response. Runs on a worker thread; may block; may raise.

    A responder whose ``blocking`` attribute is ``False`` (it never waits on I/O, e.g. an
    in-memory library) is called on the event loop itself, saving the thread hand-off
    (about 75 us a request here); without the attribute it is taken to block.
    """

    def respond(self, request: Message, account: Account) -> Message: ...


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-server limits; sizes in bytes, times in seconds."""

    max_frame: int = 4096
    max_connections: int = 256
    #: connections that have not logged in yet, at most (they cannot starve logged-in kiosks)
    max_unauthenticated: int = 64
    idle_timeout: float = 300.0
    login_timeout: float = 10.0
    max_pending_frames: int = 64
    #: unreadable/refused frames in a row before the connection is closed
    max_bad_frames: int = 10
    #: seconds before a refused login is answered (slows password guessing)
    failed_login_delay: float = 1.0


@dataclass(slots=True)
class ServerStats:
    """Counters since start (written on the server's loop; safe to read from anywhere)."""

    connections: int = 0  # accepted and served
    active: int = 0
    rejected: int = 0  # closed at once: over max_connections or max_unauthenticated
    logins: int = 0
    failed_logins: int = 0
    frames: int = 0
    replies: int = 0
    errors: int = 0  # frames answered with 96
    bad_checksums: int = 0
    accepted_bad_checksums: int = 0
    resends: int = 0  # 97 answered
    too_long: int = 0
    responder_errors: int = 0
    timeouts: int = 0
    closed_for_errors: int = 0


class _Close(Exception):
    """Ends one connection (after any reply it carries has been written)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Logins are ASCII: cp850 reads them whatever the account's encoding turns out to be.
_LOGIN_CODEC = Codec(encoding="cp850", error_detection=True)
_LOGIN_PLAIN = Codec(encoding="cp850", error_detection=False)


@dataclass(slots=True)
class _Conn:
    cid: int
    peer: str
    writer: asyncio.StreamWriter
    account: Account | None = None
    codec: Codec = field(default_factory=lambda: _LOGIN_CODEC)
    plain: Codec = field(default_factory=lambda: _LOGIN_PLAIN)
    terminator: bytes = b"\r"
    last_reply: bytes | None = None
    bad_run: int = 0
    counted_unauthenticated: bool = False

    @property
    def who(self) -> str:
        user = self.account.user if self.account is not None else "-"
        return f"conn {self.cid} ({user})"


def _safe_code(code: str) -> str:
    """A message code fit for a log line (two letters/digits, else '??')."""
    return code if len(code) == 2 and code.isascii() and code.isalnum() else "??"


class Sip2Server:
    """SIP2 server; see the module text. ``start()`` binds, ``close()`` stops everything."""

    def __init__(
        self,
        responder: Responder,
        accounts: Mapping[str, Account],
        *,
        host: str = "127.0.0.1",
        port: int = 6001,
        ssl_context: ssl.SSLContext | None = None,
        limits: Limits | None = None,
        workers: int = 8,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.responder = responder
        self._inline = getattr(responder, "blocking", True) is False
        self.accounts = dict(accounts)
        self.host = host
        self.port = port
        self.ssl_context = ssl_context
        self.limits = limits if limits is not None else Limits()
        self.workers = workers
        self.stats = ServerStats()
        self._server: asyncio.Server | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed: asyncio.Event | None = None
        self._closing = False
        self._ids = itertools.count(1)
        first = next(iter(self.accounts.values()), None)
        # Unknown users are checked against a hash of the same cost: equal time either way.
        self._dummy_hash = dummy_hash_like(first.password_hash if first else None)
        self._codecs: dict[str, tuple[Codec, Codec]] = {}
        self._unauthenticated = 0
        # Password checks (scrypt, tens of ms each) get their own small pool, so strangers
        # trying passwords never queue in front of logged-in kiosks' requests.
        self._login_pool: ThreadPoolExecutor | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Bind and start accepting; ``self.port`` is then the bound port."""
        if self._server is not None:
            raise RuntimeError("server already started")
        self._closed = asyncio.Event()
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="sip2-acs")
        self._login_pool = ThreadPoolExecutor(1, thread_name_prefix="sip2-login")
        try:
            self._server = await asyncio.start_server(
                self._accept,
                self.host,
                self.port,
                ssl=self.ssl_context,
                ssl_handshake_timeout=self.limits.login_timeout if self.ssl_context else None,
                limit=_READ_SIZE,
            )
        except BaseException:
            self._pool.shutdown(wait=False)
            self._login_pool.shutdown(wait=False)
            self._pool = self._login_pool = None
            raise
        sockets = self._server.sockets
        if sockets:
            self.port = int(sockets[0].getsockname()[1])
        log.info(
            "SIP2 server listening on %s:%d%s (%d accounts, %d workers)",
            self.host,
            self.port,
            " with TLS" if self.ssl_context else "",
            len(self.accounts),
            self.workers,
        )

    async def serve_forever(self) -> None:
        """Run until :meth:`close` (starting first if needed)."""
        if self._server is None:
            await self.start()
        assert self._closed is not None
        await self._closed.wait()

    async def close(self) -> None:
        """Stop accepting, close every connection, wait for them, shut the worker pool."""
        if self._closing:
            return
        self._closing = True
        server, self._server = self._server, None
        if server is not None:
            server.close()
        # Connections accepted just before the listener closed start after this; they see
        # _closing and leave at once, so a few rounds collect everything.
        for _ in range(10):
            await asyncio.sleep(0)
            tasks = list(self._tasks)
            if not tasks:
                break
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if server is not None:
            await server.wait_closed()
        pool, self._pool = self._pool, None
        if pool is not None:
            # A responder call may still be running (a slow database): wait for it off-loop.
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
        login_pool, self._login_pool = self._login_pool, None
        if login_pool is not None:
            await asyncio.to_thread(login_pool.shutdown, wait=True, cancel_futures=True)
        if self._closed is not None:
            self._closed.set()
        log.info("SIP2 server stopped (%d connections served)", self.stats.connections)

    # ------------------------------------------------------------------ connections

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        cid = next(self._ids)
        peer_info = writer.get_extra_info("peername")
        peer = f"{peer_info[0]}:{peer_info[1]}" if isinstance(peer_info, tuple) else "?"
        task = asyncio.current_task()
        assert task is not None
        limit = ""
        if self.stats.active >= self.limits.max_connections:
            limit = f"{self.stats.active} connections open (max_connections)"
        elif self._unauthenticated >= self.limits.max_unauthenticated:
            limit = f"{self._unauthenticated} not logged in yet (max_unauthenticated)"
        if self._closing or limit:
            self.stats.rejected += 1
            log.warning("conn %d from %s refused: %s", cid, peer, limit or "shutting down")
            self._tasks.add(task)
            try:
                await self._shut(writer)
            finally:
                self._tasks.discard(task)
            return
        self._tasks.add(task)
        self.stats.connections += 1
        self.stats.active += 1
        conn = _Conn(cid, peer, writer)
        self._unauthenticated += 1
        conn.counted_unauthenticated = True
        started = time.monotonic()
        log.info("conn %d from %s opened", cid, peer)
        reason = "closed"
        try:
            reason = await self._serve(conn, reader)
        except asyncio.CancelledError:
            reason = "server shutting down"
        except _Close as exc:
            reason = exc.reason
        except (OSError, EOFError, asyncio.IncompleteReadError) as exc:
            reason = f"connection error ({type(exc).__name__})"
        except Exception as exc:  # never let one connection take the server down
            reason = f"internal error ({type(exc).__name__})"
            log.error("%s: internal error %s", conn.who, type(exc).__name__)
        finally:
            self.stats.active -= 1
            if conn.counted_unauthenticated:
                self._unauthenticated -= 1
            self._tasks.discard(task)
            await self._shut(writer)
            log.info(
                "%s from %s closed after %.1f s: %s",
                conn.who,
                peer,
                time.monotonic() - started,
                reason,
            )

    async def _shut(self, writer: asyncio.StreamWriter) -> None:
        writer.close()
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(writer.wait_closed(), _CLOSE_WAIT)

    async def _serve(self, conn: _Conn, reader: asyncio.StreamReader) -> str:
        limits = self.limits
        frames = FrameReader(limits.max_frame)
        login_deadline = time.monotonic() + limits.login_timeout
        while True:
            if self._closing:
                # close() cancelled this task, but on Python 3.11 asyncio.wait_for swallows a
                # cancellation that arrives just as what it waits for completes (a reply's
                # drain): without this the connection stays open until the peer hangs up.
                return "server shutting down"
            if conn.account is None:
                timeout = login_deadline - time.monotonic()
                what = "no login within login_timeout"
            else:
                timeout = limits.idle_timeout
                what = "idle_timeout"
            if timeout <= 0:
                self.stats.timeouts += 1
                return what
            try:
                data = await asyncio.wait_for(reader.read(_READ_SIZE), timeout)
            except TimeoutError:
                self.stats.timeouts += 1
                return what
            if not data:
                return "closed by peer"
            batch: list[bytes | None]
            try:
                batch = list(frames.feed(data))
            except FrameTooLong as exc:
                batch = exc.frames  # None where an over-long frame was: answered in its turn
            if len(batch) > limits.max_pending_frames:
                self.stats.closed_for_errors += 1
                return f"{len(batch)} frames sent without waiting for answers (max_pending_frames)"
            for raw in batch:
                if raw is None:
                    await self._too_long(conn, limits.max_frame + 1)
                else:
                    await self._frame(conn, raw)

    # ------------------------------------------------------------------ frames

    async def _frame(self, conn: _Conn, raw: bytes) -> None:
        self.stats.frames += 1
        if len(raw) > self.limits.max_frame:
            await self._too_long(conn, len(raw))
            return
        try:
            frame = conn.codec.decode(raw)
        except Sip2DecodeError as exc:
            log.info(
                "%s: unreadable frame (%d bytes): message %s, position %d: %s",
                conn.who,
                len(raw),
                _safe_code(exc.code),
                exc.position,
                exc.problem,
            )
            await self._bad(conn)
            return
        except Exception as exc:  # a decoder bug must not end the connection
            log.error(
                "%s: decoder failed on a %d-byte frame: %s", conn.who, len(raw), type(exc).__name__
            )
            await self._bad(conn)
            return
        code = frame.code
        status = frame.checksum_status
        mode = conn.account.error_detection if conn.account is not None else "auto"
        if mode != "off":
            if status is ChecksumStatus.BAD:
                self.stats.bad_checksums += 1
                # Before login the account's policy is unknown: ask for the login again.
                policy = conn.account.bad_checksum if conn.account is not None else "resend"
                if policy != "accept" or code == "93":
                    log.info("%s: message %s with a wrong checksum: asking again", conn.who, code)
                    await self._bad(conn)
                    return
                self.stats.accepted_bad_checksums += 1
                log.warning(
                    "%s: message %s with a wrong checksum accepted (bad_checksum = accept)",
                    conn.who,
                    code,
                )
            elif status is ChecksumStatus.ABSENT and mode == "required":
                log.info(
                    "%s: message %s without checksum (error_detection = required)", conn.who, code
                )
                await self._bad(conn)
                return
        if frame.warnings:
            log.debug(
                "%s: message %s decoded with %d warnings", conn.who, code, len(frame.warnings)
            )
        trailer = mode == "required" or (mode == "auto" and status is not ChecksumStatus.ABSENT)
        sequence = frame.sequence if trailer else None

        if code == "97":
            self.stats.resends += 1
            if conn.last_reply is None:
                await self._write(conn, self._resend_request(conn), remember=False)
            else:
                log.debug("%s: 97: resending the last reply", conn.who)
                await self._write(conn, conn.last_reply, remember=False)
            return
        if code == "93":
            assert isinstance(frame.message, LoginRequest)
            await self._login(conn, frame.message, raw, trailer, sequence)
            return
        if conn.account is None:
            log.info("%s: message %s before login: refused", conn.who, code)
            reply = self._encode(conn, LoginResponse(ok="0"), trailer, sequence)
            await self._write(conn, reply)
            raise _Close(f"message {code} before login")
        if code not in RESPONDER_CODES:
            log.info("%s: message %s is not a request", conn.who, code)
            await self._bad(conn)
            return
        await self._respond(conn, frame.message, trailer, sequence)

    async def _respond(
        self, conn: _Conn, request: Message, trailer: bool, sequence: str | None
    ) -> None:
        account = conn.account
        assert account is not None
        assert self._pool is not None
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        try:
            if self._inline:
                response = self.responder.respond(request, account)
            else:
                response = await loop.run_in_executor(
                    self._pool, self.responder.respond, request, account
                )
            data = self._encode(conn, response, trailer, sequence)
        except Exception as exc:
            self.stats.responder_errors += 1
            # The type only: an exception's text may quote a card number or an item.
            log.error(
                "%s: responder failed on message %s: %s; closing the connection",
                conn.who,
                request.CODE,
                type(exc).__name__,
            )
            raise _Close(f"responder error ({type(exc).__name__})") from None
        elapsed = (time.perf_counter() - started) * 1000
        log.debug("%s: %s -> %s in %.1f ms", conn.who, request.CODE, response.CODE, elapsed)
        conn.bad_run = 0
        await self._write(conn, data)

    async def _login(
        self,
        conn: _Conn,
        request: LoginRequest,
        raw: bytes,
        trailer: bool,
        sequence: str | None,
    ) -> None:
        user = request.login_user_id or ""
        account = self.accounts.get(user)
        if account is not None and account.encoding != conn.codec.encoding:
            # User names are ASCII, passwords need not be: read the password in the
            # encoding of the account it belongs to.
            with contextlib.suppress(Exception):
                again = self._codecs_for(account)[0].decode(raw).message
                if isinstance(again, LoginRequest):
                    request = again
        password = request.login_password or ""
        stored = account.password_hash if account is not None else self._dummy_hash
        assert self._login_pool is not None
        loop = asyncio.get_running_loop()
        ok = await loop.run_in_executor(self._login_pool, verify_password, password, stored)
        if account is None or not ok:
            self.stats.failed_logins += 1
            # A wrong password costs the caller a second more (password guessing slows down;
            # the connection is closed after it anyway).
            await asyncio.sleep(self.limits.failed_login_delay)
            if account is None:
                # The attempted name is not logged: people type passwords into user fields.
                log.warning("%s: login refused: unknown user", conn.who)
            else:
                log.warning("%s: login refused for user %s: wrong password", conn.who, user)
            reply = self._encode(conn, LoginResponse(ok="0"), trailer, sequence)
            await self._write(conn, reply)
            raise _Close("login refused")
        first = conn.account is None
        conn.account = account
        if conn.counted_unauthenticated:
            conn.counted_unauthenticated = False
            self._unauthenticated -= 1
        conn.codec, conn.plain = self._codecs_for(account)
        conn.terminator = account.terminator
        conn.bad_run = 0
        self.stats.logins += 1
        log.info(
            "%s: logged in%s (institution %s, location %s, %s)",
            conn.who,
            "" if first else " again",
            account.institution,
            account.location,
            account.encoding,
        )
        mode = account.error_detection
        if mode != "auto":
            trailer = mode == "required"
            sequence = sequence if trailer else None
        await self._write(conn, self._encode(conn, LoginResponse(ok="1"), trailer, sequence))

    def _codecs_for(self, account: Account) -> tuple[Codec, Codec]:
        codecs = self._codecs.get(account.user)
        if codecs is None:
            accept = account.accept_flavours | {Flavour.BYTES}
            codecs = (
                Codec(encoding=account.encoding, accept=accept, error_detection=True),
                Codec(encoding=account.encoding, accept=accept, error_detection=False),
            )
            self._codecs[account.user] = codecs
        return codecs

    # ------------------------------------------------------------------ replies

    def _encode(self, conn: _Conn, msg: Message, trailer: bool, sequence: str | None) -> bytes:
        codec = conn.codec if trailer else conn.plain
        return codec.encode(msg, sequence=sequence) + conn.terminator

    def _resend_request(self, conn: _Conn) -> bytes:
        mode = conn.account.error_detection if conn.account is not None else "auto"
        body = b"96" if mode == "off" else b"96AZFEF6"
        return body + conn.terminator

    async def _bad(self, conn: _Conn) -> None:
        """Answer 96; too many bad frames in a row end the connection."""
        self.stats.errors += 1
        conn.bad_run += 1
        # Not remembered: a 97 after a 96 must get the last real reply, or the SC would send its
        # last request again and a checkout or a payment would happen twice.
        await self._write(conn, self._resend_request(conn), remember=False)
        if conn.bad_run >= self.limits.max_bad_frames:
            self.stats.closed_for_errors += 1
            raise _Close(f"{conn.bad_run} bad frames in a row (max_bad_frames)")

    async def _too_long(self, conn: _Conn, size: int) -> None:
        self.stats.too_long += 1
        log.info(
            "%s: frame of %s bytes over max_frame %d discarded",
            conn.who,
            f"{size}" if size > self.limits.max_frame + 1 else "more than",
            self.limits.max_frame,
        )
        await self._bad(conn)

    async def _write(self, conn: _Conn, data: bytes, *, remember: bool = True) -> None:
        conn.writer.write(data)
        self.stats.replies += 1
        if remember:
            conn.last_reply = data
        try:
            # A peer that stops reading must not pin the connection forever.
            await asyncio.wait_for(conn.writer.drain(), self.limits.idle_timeout)
        except TimeoutError:
            self.stats.timeouts += 1
            raise _Close("peer stopped reading (idle_timeout)") from None


# ---------------------------------------------------------------------------------- threads


@contextlib.contextmanager
def run_in_thread(server: Sip2Server, *, timeout: float = 10.0) -> Iterator[int]:
    """Run ``server`` on its own event loop in a background thread; yields the bound port.

    Leaving the block closes the server (connections, worker pool) and the loop. For tests,
    the benchmark and anything else that is not itself asyncio.
    """
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    failure: list[BaseException] = []
    stop: asyncio.Event | None = None

    async def main() -> None:
        nonlocal stop
        stop = asyncio.Event()
        try:
            await server.start()
        except BaseException as exc:
            failure.append(exc)
            ready.set()
            return
        ready.set()
        try:
            await stop.wait()
        finally:
            await server.close()

    def run() -> None:
        try:
            loop.run_until_complete(main())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="sip2-server", daemon=True)
    thread.start()
    try:
        if not ready.wait(timeout):
            raise TimeoutError(f"SIP2 server did not start within {timeout} s")
        if failure:
            raise failure[0]
        yield server.port
    finally:
        if stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop ended already
                loop.call_soon_threadsafe(stop.set)
        thread.join(timeout)
        if thread.is_alive():
            raise TimeoutError(f"SIP2 server did not stop within {timeout} s")
