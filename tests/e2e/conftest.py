"""Fixtures of the end-to-end tests: a SIP2 server over the demo library, on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.harness.runner import START
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.engine import EmbeddedLibrary
from kiosk.ils.embedded.seed import seed_fixtures
from kiosk.ils.sip2.accounts import Account, hash_password
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.server import Sip2Server, run_in_thread

TZ = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def sip2_port(tmp_path: Path) -> Iterator[int]:
    """``kiosk sip2-server``'s own server over a freshly seeded demo library, on 127.0.0.1;
    the account ``kiosk-dal-1`` with the password ``s3cret``."""
    clock = ManualClock(START)
    engine = db.make_engine(f"sqlite:///{tmp_path / 'library.sqlite'}")
    db.upgrade(engine)
    with Session(engine) as session:
        install_default_policy(session)
        seed_fixtures(session, START)
        session.commit()

    def library_for(branch: str) -> EmbeddedLibrary:
        return EmbeddedLibrary(engine, branch=branch, clock=clock, library_name="Bibliotheek")

    responder = AcsResponder(library_for, library_name="Bibliotheek", tz=TZ, now=clock.now)
    account = Account("kiosk-dal-1", hash_password("s3cret"), "DAL", "DAL", encoding="utf-8")
    server = Sip2Server(responder, {account.user: account}, port=0)
    try:
        with run_in_thread(server) as port:
            yield port
    finally:
        engine.dispose()
