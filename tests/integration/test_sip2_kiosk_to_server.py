"""A kiosk configured with ``ils = "sip2"`` against the real ``kiosk sip2-server`` command.

Everything as an integrator sets it up: ``kiosk library init`` and ``seed``, an accounts file
with a hashed password, ``kiosk sip2-server`` in its own process, and a kiosk config file with
the SIP2 keys and a password file. The kiosk's session controller then runs a member's visit
(PIN, loans, an ordinary loan, a rental fee confirmed, done) through ``bootstrap``'s library.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import bootstrap
from kiosk.config import load
from kiosk.domain.clock import SystemClock
from kiosk.domain.session import CardPresented, CodeScanned, Done, FeeAnswered, PinTyped, Screen
from kiosk.ils.embedded import db
from kiosk.ils.embedded.models import Item, Loan, Member
from kiosk.ils.sip2.accounts import hash_password
from kiosk.services.session import SessionController
from kiosk.services.tasks import InlineRunner

CARD, PIN = "2100000000001", "1234"
BOOK, DVD = "3100000000003", "3100000000009"
KIOSK = [sys.executable, "-m", "kiosk"]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, str]]:
    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for step in ("init", "seed"):
        subprocess.run(
            [*KIOSK, "library", step, "--db", url, "--quiet"],
            check=True,
            capture_output=True,
            timeout=120,
            env=env,
        )
    accounts = tmp_path / "accounts.toml"
    accounts.write_text(
        "[[account]]\n"
        'user = "zus-dalfsen-1"\n'
        f'password_hash = "{hash_password("Zelfbediening-1", n=1024)}"\n'
        'institution = "DAL"\nlocation = "DAL"\nencoding = "utf-8"\n',
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [*KIOSK, "sip2-server", "--accounts", str(accounts), "--db", url, "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stderr is not None
    try:
        line = ""
        for _ in range(50):
            line = proc.stderr.readline()
            if not line or "listening on" in line:
                break
        assert "listening on 127.0.0.1:" in line, line
        port = int(line.split("127.0.0.1:")[1].split(";")[0].split(" ")[0])
        yield port, url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            assert proc.wait(timeout=20) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
            proc.stderr.close()


def test_a_kiosk_with_ils_sip2_serves_a_member_through_kiosk_sip2_server(
    served: tuple[int, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    port, url = served
    secret = tmp_path / "sip2-password"
    secret.write_text("Zelfbediening-1\n", encoding="utf-8")
    secret.chmod(0o600)  # a secret: not for every user
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f"""
[kiosk]
branch = "DAL"

[ils]
kind = "sip2"
host = "127.0.0.1"
port = {port}
profile = "kiosk"
user = "zus-dalfsen-1"
password_file = "{secret}"
""",
        encoding="utf-8",
    )
    library = bootstrap.build_library(load(config))
    views = []
    controller = SessionController(
        library,
        SystemClock(),
        InlineRunner(),  # type: ignore[arg-type]
        on_change=views.append,
    )
    try:
        controller.dispatch(CardPresented(CARD))
        assert views[-1].screen is Screen.PIN
        controller.dispatch(PinTyped(PIN))
        assert views[-1].screen is Screen.HOME
        summary = views[-1].summary
        assert summary is not None and summary.name.given == "Chloë"
        assert {loan.title for loan in summary.loans} == {"Tirza", "Het diner"}

        controller.dispatch(CodeScanned(BOOK))
        controller.dispatch(CodeScanned(DVD))
        assert views[-1].screen is Screen.CONFIRM_FEE
        controller.dispatch(FeeAnswered(True))
        assert [line.title for line in views[-1].checkouts] == ["De avonden", "Alles is liefde"]
        controller.dispatch(Done())
        assert views[-1].screen is Screen.GOODBYE
    finally:
        library.close()  # type: ignore[attr-defined]

    engine = db.make_engine(url)
    try:
        with Session(engine) as s:
            lent = set(
                s.scalars(
                    select(Item.barcode)
                    .join(Loan, Loan.item_id == Item.id)
                    .join(Member, Member.id == Loan.member_id)
                    .where(Member.card_number == CARD, Loan.returned_at.is_(None))
                )
            )
    finally:
        engine.dispose()
    assert {BOOK, DVD} <= lent
    # P5: the kiosk's side logged the visit without a trace of who or what.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records
    for personal in (
        CARD,
        PIN,
        "Chloë",
        "Vries",
        "Tirza",
        "De avonden",
        BOOK,
        DVD,
        "Zelfbediening",
    ):
        assert personal not in logged
