"""Fixtures shared by the whole suite: a real PostgreSQL and embedded-library databases.

- ``pg_server`` (session): one throwaway PostgreSQL cluster on 127.0.0.1 (tests/pgserver.py).
- ``pg_url``: a fresh, empty PostgreSQL database per test.
- ``db_url``: parametrized over ``sqlite`` and ``postgresql`` (the latter carries the
  ``postgres`` marker, so ``-m "not postgres"`` leaves it out).
- ``library_engine``: an engine on ``db_url`` with the schema migrated and the default policy
  installed; disposed afterwards.

Without the PostgreSQL server binaries, PostgreSQL tests are skipped on a developer machine and
fail under CI (``CI`` set to anything non-empty), so CI can never pass by silently skipping.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

try:
    from pgserver import SERVER_PACKAGE, PgServer, PgServerError, find_bindir
except ImportError:  # pragma: no cover - only under --import-mode=importlib
    import importlib.util
    import sys

    _spec = importlib.util.spec_from_file_location(
        "pgserver", Path(__file__).with_name("pgserver.py")
    )
    assert _spec is not None
    assert _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["pgserver"] = _module
    _spec.loader.exec_module(_module)
    SERVER_PACKAGE = _module.SERVER_PACKAGE
    PgServer = _module.PgServer
    PgServerError = _module.PgServerError
    find_bindir = _module.find_bindir

_database_numbers = itertools.count(1)


def _missing_postgres(reason: str) -> None:
    message = f"{reason} (install the Debian package '{SERVER_PACKAGE}': tools/setup-system.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required under CI: {message}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {message}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One throwaway PostgreSQL cluster for the whole test session."""
    bindir = find_bindir()
    if bindir is None:
        _missing_postgres("initdb and pg_ctl not found")
    try:
        server = PgServer(bindir).start()
    except PgServerError as exc:
        if "install the Debian package" in str(exc):
            _missing_postgres(str(exc))
        raise
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """URL of a fresh, empty PostgreSQL database (one per test, left for the cluster's end)."""
    return pg_server.create_database(f"test_{next(_database_numbers)}")


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def library_engine(db_url: str) -> Iterator[Engine]:
    """An engine on ``db_url`` with the schema at head and the default lending policy."""
    from sqlalchemy.orm import Session

    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.defaults import install_default_policy

    engine = db.make_engine(db_url)
    try:
        db.upgrade(engine)
        with Session(engine) as session:
            install_default_policy(session)
            session.commit()
        yield engine
    finally:
        engine.dispose()
