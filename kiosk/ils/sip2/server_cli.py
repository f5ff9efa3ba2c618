"""``kiosk sip2-server``: serve the embedded library system over SIP2.

``kiosk sip2-server --accounts FILE [options]`` runs until Ctrl-C or SIGTERM;
``kiosk sip2-server hash-password`` prints a ``password_hash`` line for the accounts file.
Expected errors (no accounts file, bad TOML, port in use, unreadable certificate, no database)
print one line on stderr and give exit code 2. See docs/sip2-server.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import signal
import ssl
import sys
import threading
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ils.port import LibrarySystem
    from kiosk.ils.sip2.server import Responder, Sip2Server

EXIT_OK = 0
EXIT_ERROR = 2
_PROG = "kiosk sip2-server"


class _CommandError(Exception):
    """An expected failure: its text is the one line printed on stderr."""


def register(sub: Any) -> None:
    """Add ``sip2-server`` (and its ``hash-password``) to the ``kiosk`` command line."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "sip2-server",
        help="serve the embedded library system to SIP2 clients (self-check machines)",
        description="A SIP2 2.00 server in front of the embedded library system. "
        "See docs/sip2-server.md.",
    )
    parser.add_argument("--accounts", type=Path, metavar="FILE", help="accounts file (TOML)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=_port, default=6001, help="TCP port (default 6001)")
    parser.add_argument(
        "--db", metavar="URL", help="library database URL (default: the demo library)"
    )
    parser.add_argument("--tls-cert", type=Path, metavar="FILE", help="TLS certificate (PEM)")
    parser.add_argument("--tls-key", type=Path, metavar="FILE", help="TLS private key (PEM)")
    parser.add_argument(
        "--max-connections", type=_positive_int, default=256, metavar="N", help="default 256"
    )
    parser.add_argument(
        "--idle-timeout",
        type=_positive_float,
        default=300.0,
        metavar="S",
        help="seconds without a request before a connection is closed (default 300)",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="threads answering requests (default: 1 on SQLite, which takes one writer at a "
        "time and answers fastest without contention; 8 on PostgreSQL)",
    )
    parser.add_argument(
        "--library-name", metavar="NAME", help="library name sent in 98 (AM); default from config"
    )
    parser.add_argument(
        "--timezone",
        metavar="ZONE",
        help="time zone of SIP2 dates (default: the library database's setting)",
    )
    parser.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="info",
        help="info: connections and logins; debug: every request (codes and timings only)",
    )
    parser.add_argument("--log-json", action="store_true", help="log JSON lines")
    parser.set_defaults(handler=_guard(_serve))
    commands = parser.add_subparsers(dest="sip2_server_command", metavar="COMMAND")
    hashing = commands.add_parser(
        "hash-password",
        help="read a password (prompt or stdin) and print the password_hash line",
    )
    hashing.set_defaults(handler=_guard(_hash_password))


def _port(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be 0-65535")
    return value


def _positive_int(text: str) -> int:
    value = _int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _guard(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except _CommandError as exc:
            print(f"{_PROG}: {exc}", file=sys.stderr)
            return EXIT_ERROR

    return run


# ------------------------------------------------------------------------------ hash-password


def _hash_password(args: argparse.Namespace) -> int:
    from kiosk.ils.sip2.accounts import hash_password

    if sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise _CommandError("the two passwords differ")
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.removesuffix("\n").removesuffix("\r")
    if not password:
        raise _CommandError("empty password")
    print(f'password_hash = "{hash_password(password)}"')
    return EXIT_OK


# ------------------------------------------------------------------------------ serve


def _serve(args: argparse.Namespace) -> int:
    from kiosk.ils.sip2.accounts import AccountsError, load_accounts
    from kiosk.ils.sip2.server import Limits, Sip2Server

    if args.accounts is None:
        raise _CommandError("--accounts FILE is required (see docs/sip2-server.md)")
    try:
        accounts = load_accounts(args.accounts)
    except AccountsError as exc:
        raise _CommandError(str(exc)) from None
    ssl_context = _tls(args)
    library_for, library_name, tz, dispose = _embedded(args)
    try:
        responder = _responder(library_for, library_name, tz)
        server = Sip2Server(
            responder,
            accounts,
            host=args.host,
            port=args.port,
            ssl_context=ssl_context,
            limits=Limits(max_connections=args.max_connections, idle_timeout=args.idle_timeout),
            workers=args.workers or (1 if (args.db or "sqlite").startswith("sqlite") else 8),
        )
        from kiosk.ops import logging as kiosk_logging

        kiosk_logging.configure(level=args.log_level, json_lines=args.log_json)
        asyncio.run(_run(server))
    finally:
        dispose()
    return EXIT_OK


async def _run(server: Sip2Server) -> None:
    try:
        await server.start()
    except OSError as exc:
        raise _CommandError(
            f"cannot listen on {server.host}:{server.port}: {exc.strerror or exc}"
        ) from None
    print(
        f"{_PROG}: listening on {server.host}:{server.port}"
        f"{' (TLS)' if server.ssl_context else ''}; Ctrl-C stops",
        file=sys.stderr,
    )
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    handled: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            handled.append(sig)
    try:
        await stop.wait()
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)
        await server.close()


def _tls(args: argparse.Namespace) -> ssl.SSLContext | None:
    if args.tls_cert is None and args.tls_key is None:
        return None
    if args.tls_cert is None or args.tls_key is None:
        raise _CommandError("--tls-cert and --tls-key go together")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        # An empty passphrase instead of OpenSSL's terminal prompt: a service has no terminal,
        # and an encrypted key should fail with a clear line, not hang.
        context.load_cert_chain(args.tls_cert, args.tls_key, password=lambda: b"")
    except FileNotFoundError as exc:
        raise _CommandError(f"TLS: no such file: {exc.filename}") from None
    except ssl.SSLError as exc:
        raise _CommandError(
            f"TLS: cannot load {args.tls_cert} / {args.tls_key}: {exc.reason or exc} "
            "(a PEM certificate and the matching unencrypted key are needed)"
        ) from None
    except OSError as exc:
        raise _CommandError(
            f"TLS: cannot load {args.tls_cert} / {args.tls_key}: {exc.strerror or exc}"
        ) from None
    return context


def _embedded(
    args: argparse.Namespace,
) -> tuple[Callable[[str], LibrarySystem], str, tzinfo, Callable[[], None]]:
    """``library_for(branch)`` over one engine, the library name, the time zone, a cleanup."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, OperationalError

    from kiosk import config
    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.engine import EmbeddedLibrary
    from kiosk.ils.embedded.models import Setting

    url = args.db or config.DEFAULT_DEMO_DB
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise _CommandError(f"--db: not a database URL: {url!r}") from None
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:" and not Path(path).exists():
            raise _CommandError(
                f"no database at {path}; create it with 'kiosk library init --db {shown}' "
                f"and 'kiosk library seed --db {shown}'"
            )
    try:
        engine = db.make_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise _CommandError(f"--db {shown}: {exc}") from None
    try:
        if not db.is_initialised(engine):
            raise _CommandError(
                f"the database at {shown} is not initialised; run 'kiosk library init --db "
                f"{shown}' first"
            )
        zone = args.timezone
        if zone is None:
            with db.session_factory(engine)() as session:
                setting = session.scalars(select(Setting).where(Setting.key == "timezone")).first()
                zone = setting.value if setting is not None else "Europe/Amsterdam"
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise _CommandError(f"--timezone: unknown time zone {zone!r}") from None
    except OperationalError as exc:
        engine.dispose()
        raise _CommandError(f"cannot open the database at {shown}: {exc.orig}") from None
    except _CommandError:
        engine.dispose()
        raise

    library_name = args.library_name or config.Config().library_name
    libraries: dict[str, EmbeddedLibrary] = {}
    lock = threading.Lock()

    def library_for(branch: str) -> EmbeddedLibrary:
        # Called from the server's worker threads: one library object a branch, shared.
        with lock:
            library = libraries.get(branch)
            if library is None:
                library = EmbeddedLibrary(engine, branch=branch, library_name=library_name)
                libraries[branch] = library
            return library

    return library_for, library_name, tz, engine.dispose


def _responder(
    library_for: Callable[[str], LibrarySystem], library_name: str, tz: tzinfo
) -> Responder:
    from kiosk.ils.sip2.acs import AcsResponder

    return AcsResponder(library_for, library_name=library_name, tz=tz)
