"""A throwaway PostgreSQL cluster on 127.0.0.1 for the test suite.

``PgServer`` runs ``initdb`` into a fresh directory under ``/tmp``, starts the server on a free
loopback port with durability switched off (it is thrown away anyway), hands out fresh
databases by name, and stops and removes everything at the end.

PostgreSQL refuses to run as root. When the tests run as root (containers, CI) the cluster
directory is given to the ``postgres`` system user and every server tool runs through
``runuser -u postgres --``; otherwise the tools run as the current user.

Nothing here listens on anything but 127.0.0.1 and a private socket directory.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg

SUPERUSER = "kiosk"
SERVER_PACKAGE = "postgresql"


class PgServerError(RuntimeError):
    """The throwaway cluster could not be created or started (message says why)."""


def _version_key(path: str) -> tuple[int, ...]:
    # /usr/lib/postgresql/15/bin -> (15,); 9.6 -> (9, 6)
    version = Path(path).parent.name
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


def find_bindir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` of the newest installed PostgreSQL."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for candidate in candidates:
        if _has_tools(Path(candidate)):
            return Path(candidate)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=30
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and _has_tools(Path(out)):
            return Path(out)
    initdb = shutil.which("initdb")
    if initdb and _has_tools(Path(initdb).parent):
        return Path(initdb).parent
    return None


def _has_tools(bindir: Path) -> bool:
    return all(os.access(bindir / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PgServer:
    """One throwaway cluster. Use as a context manager, or call ``start``/``stop``."""

    def __init__(self, bindir: Path | None = None, base_dir: str = "/tmp") -> None:
        found = bindir or find_bindir()
        if found is None:
            raise PgServerError(
                f"PostgreSQL server binaries (initdb, pg_ctl) not found; "
                f"install the Debian package '{SERVER_PACKAGE}'"
            )
        self.bindir = found
        self.base_dir = base_dir
        self.as_root = os.geteuid() == 0
        self.root: Path | None = None
        self.port: int | None = None
        self._started = False

    # ------------------------------------------------------------ paths
    @property
    def data_dir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.root is not None
        return self.root / "sock"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "server.log"

    # ------------------------------------------------------------ lifecycle
    def start(self, attempts: int = 3) -> PgServer:
        if self._started:
            return self
        try:
            return self._start(attempts)
        except BaseException:
            self.stop()
            raise

    def _start(self, attempts: int) -> PgServer:
        atexit.register(self.stop)
        self._make_dirs()
        self._run_tool(
            "initdb",
            "-D",
            str(self.data_dir),
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        last_error = ""
        for _ in range(attempts):
            # The port may be taken between probing and binding; try another one then.
            self.port = free_port()
            options = (
                f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                self._run_tool(
                    "pg_ctl",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_file),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    options,
                    "start",
                )
            except PgServerError as exc:
                last_error = f"{exc}\n{self.log_tail()}"
                continue
            self._started = True
            self._wait_ready()
            return self
        raise PgServerError(f"PostgreSQL did not start after {attempts} attempts:\n{last_error}")

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its directory. Safe to call twice."""
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)
        if self.root is None:
            return
        if self._started:
            with contextlib.suppress(PgServerError, OSError):
                self._run_tool("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------ databases
    def url(self, database: str = "postgres") -> str:
        if self.port is None:
            raise PgServerError("the server is not started")
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database ``name`` and return its SQLAlchemy URL."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"unsafe database name {name!r}")
        with self._connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
        return self.url(name)

    def drop_database(self, name: str) -> None:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"unsafe database name {name!r}")
        with self._connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except (OSError, AssertionError):
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------ internals
    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        assert self.port is not None
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with self._connect() as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PgServerError(
                        f"PostgreSQL on 127.0.0.1:{self.port} does not answer: {exc}\n"
                        f"{self.log_tail()}"
                    ) from exc
                time.sleep(0.1)

    def _make_dirs(self) -> None:
        base = Path(self.base_dir)
        root = Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir=base))
        # The postgres user must be able to reach the cluster: /tmp is world-traversable,
        # and the cluster root gets 0755 (initdb itself makes data/ 0700).
        root.chmod(0o755)
        self.root = root
        self.socket_dir.mkdir(mode=0o755)
        if self.as_root:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PgServerError(
                    "running as root, but there is no 'postgres' user to run the server as; "
                    f"install the Debian package '{SERVER_PACKAGE}'"
                ) from exc
            for path in (root, self.socket_dir):
                os.chown(path, user.pw_uid, user.pw_gid)

    def _run_tool(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if self.as_root:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            command = [runuser, "-u", "postgres", "--", *command]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        env.pop("PGDATA", None)
        try:
            result = subprocess.run(
                command,
                cwd=self.root,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise PgServerError(f"{tool} could not run: {exc}") from exc
        if result.returncode != 0:
            raise PgServerError(
                f"{tool} failed (exit {result.returncode}): "
                f"{(result.stderr or result.stdout).strip()}"
            )
