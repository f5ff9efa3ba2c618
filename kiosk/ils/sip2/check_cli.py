"""``kiosk check-ils``: a safe SIP2 conformance run against a live ILS.

It logs in, asks the ACS status, looks up a test card and a test item, and (only with
``--write``) checks the test item out to the test card and back in. Each step passes only when
the answer arrived, decoded, carried a valid (or profile-accepted) checksum and said what a
working ILS says. It prints a table, and for each failure the frames as they went over the wire
with passwords and PINs masked, so an integrator can send them to the ILS vendor.

Built on :class:`~kiosk.ils.sip2.transport.Sip2Connection` with raw messages rather than the
domain adapter, so a problem is reported as the ILS said it, not as the kiosk understood it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from kiosk.ils.port import IlsUnavailable
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.codec import ChecksumStatus, Frame
from kiosk.ils.sip2.profiles import PROFILES, Profile
from kiosk.ils.sip2.transport import (
    Credentials,
    Direction,
    Endpoint,
    Sip2ConnectError,
    Sip2Connection,
)
from kiosk.ils.sip2.values import count, format_date

ENV_PASSWORD = "KIOSK_SIP2_PASSWORD"
DEFAULT_PORT = 6001
#: circulation statuses (18) under which --write may lend the item: nobody else holds it
SAFE_TO_LEND = frozenset({"01", "03", "09"})
CIRCULATION_STATUS = {
    "01": "other",
    "02": "on order",
    "03": "available",
    "04": "charged",
    "05": "charged, not to be recalled yet",
    "06": "in process",
    "07": "recalled",
    "08": "waiting on hold shelf",
    "09": "waiting to be re-shelved",
    "10": "in transit",
    "11": "claimed returned",
    "12": "lost",
    "13": "missing",
}

PASS, FAIL, SKIP = "pass", "FAIL", "skip"


class UsageError(Exception):
    """Exit code 2: the command line or the environment is not usable."""


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "check-ils",
        help="check a SIP2 server with a test card and item (read-only unless --write)",
        description=(
            "Safe SIP2 conformance run: login (93), SC status (99), patron status (23), patron "
            "information (63) for the test card, item information (17) for the test item and, "
            "with --write, a checkout (11) and checkin (09) of the test item. The password is "
            f"read from ${ENV_PASSWORD} or asked for. Exit 0: all steps passed; 1: a step "
            "failed; 2: usage or connection error."
        ),
    )
    parser.add_argument(
        "target",
        metavar="sip2://USER@HOST:PORT",
        help="the SIP2 server and login user (sip2s:// for TLS; port default 6001)",
    )
    parser.add_argument("--profile", required=True, choices=sorted(PROFILES), help="vendor")
    parser.add_argument("--card", required=True, help="a test card number")
    parser.add_argument("--pin", help="the test card's PIN (checked when given)")
    parser.add_argument("--item", required=True, help="a test item barcode, on the shelf")
    parser.add_argument(
        "--write",
        action="store_true",
        help="also check the test item out to the test card and back in (changes the ILS)",
    )
    parser.add_argument("--tls", action="store_true", help="connect with TLS")
    parser.add_argument("--ca", metavar="FILE", help="CA bundle for the server certificate")
    parser.add_argument(
        "--insecure", action="store_true", help="TLS without certificate verification"
    )
    parser.add_argument("--institution", metavar="ID", help="AO (default: the 98's)")
    parser.add_argument("--location", metavar="CODE", default="", help="CP at login, AP at checkin")
    parser.add_argument(
        "--timeout", metavar="S", type=float, default=10.0, help="seconds per request (10)"
    )
    parser.set_defaults(handler=run)


@dataclass(slots=True)
class Target:
    host: str
    port: int
    user: str | None
    tls: bool


def parse_target(text: str) -> Target:
    parts = urlsplit(text)
    if parts.scheme not in ("sip2", "sip2s"):
        raise UsageError(f"{text!r}: the target must look like sip2://USER@HOST:PORT")
    if parts.password is not None:
        raise UsageError(f"do not put the password in the URL; set ${ENV_PASSWORD} instead")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise UsageError(f"{text!r}: the port must be a number from 1 to 65535") from None
    if not parts.hostname:
        raise UsageError(f"{text!r}: no host name")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise UsageError(f"{text!r}: nothing may follow HOST:PORT")
    user = unquote(parts.username) if parts.username else None
    return Target(parts.hostname, port, user, parts.scheme == "sip2s")


def read_password(user: str, where: str, stdin: TextIO | None = None) -> str:
    env = os.environ.get(ENV_PASSWORD)
    if env:
        return env
    stream = stdin if stdin is not None else sys.stdin
    if stream is None or not stream.isatty():
        raise UsageError(
            f"no password for SIP2 user {user!r}: set ${ENV_PASSWORD}"
            " (standard input is not a terminal, so it cannot be asked for)"
        )
    return getpass.getpass(f"SIP2 password for {user} at {where}: ")


@dataclass(slots=True)
class Step:
    name: str
    messages: str
    result: str = SKIP
    ms: float | None = None
    note: str = ""
    frames: list[tuple[Direction, bytes]] = field(default_factory=list)


Check = Callable[[Frame], tuple[bool, str]]


class Checker:
    """Runs the steps in order on one connection and keeps what each one saw."""

    def __init__(
        self,
        conn: Sip2Connection,
        *,
        user: str | None,
        password: str | None,
        card: str,
        pin: str | None,
        item: str,
        write: bool,
        institution: str | None,
        location: str,
    ) -> None:
        self.conn = conn
        self.profile: Profile = conn.profile
        self.user, self.password = user, password
        self.card, self.pin, self.item = card, pin, item
        self.write = write
        self.institution = institution
        self.location = location
        self.steps: list[Step] = []
        self.item_status: str | None = None

    def _now(self) -> str:
        return format_date(datetime.now(self.conn.tz), self.conn.tz)

    def _ao(self) -> str:
        if self.institution is not None:
            return self.institution
        status = self.conn.last_status
        return status.institution_id if status is not None else ""

    def run(self) -> list[Step]:
        login = self._login()
        if login.result == FAIL:
            for name, codes in self._plan()[1:]:
                self.steps.append(Step(name, codes, SKIP, note="not attempted: login failed"))
            return self.steps
        self._step("SC status", m.ScStatus(), self._check_status)
        self._step(
            "patron status",
            m.PatronStatusRequest(
                transaction_date=self._now(),
                institution_id=self._ao(),
                patron_identifier=self.card,
                terminal_password="",
                patron_password=self.pin or "",
            ),
            self._check_patron_status,
        )
        self._step(
            "patron information",
            m.PatronInformationRequest(
                transaction_date=self._now(),
                summary=" " * 10,
                institution_id=self._ao(),
                patron_identifier=self.card,
                terminal_password="",
                patron_password=self.pin,
            ),
            self._check_patron_information,
        )
        item = self._step(
            "item information",
            m.ItemInformationRequest(
                transaction_date=self._now(),
                institution_id=self._ao(),
                item_identifier=self.item,
                terminal_password="",
            ),
            self._check_item,
        )
        if not self.write:
            self.steps.append(Step("checkout", "11/12", SKIP, note="read-only (no --write)"))
            self.steps.append(Step("checkin", "09/10", SKIP, note="read-only (no --write)"))
            return self.steps
        self._write_steps(item)
        return self.steps

    def _plan(self) -> list[tuple[str, str]]:
        return [
            ("login", "93/94"),
            ("SC status", "99/98"),
            ("patron status", "23/24"),
            ("patron information", "63/64"),
            ("item information", "17/18"),
            ("checkout", "11/12"),
            ("checkin", "09/10"),
        ]

    def _login(self) -> Step:
        if self.user is None:
            step = Step("login", "93/94", SKIP, note="no user in the URL: not logged in")
            self.steps.append(step)
            return step
        return self._step(
            "login",
            m.LoginRequest(
                login_user_id=self.user,
                login_password=self.password or "",
                location_code=self.location or None,
            ),
            self._check_login,
        )

    def _write_steps(self, item: Step) -> None:
        if item.result != PASS:
            why = "not attempted: item information did not pass"
            self.steps.append(Step("checkout", "11/12", FAIL, note=why))
            self.steps.append(Step("checkin", "09/10", SKIP, note=why))
            return
        if self.item_status not in SAFE_TO_LEND:
            meaning = CIRCULATION_STATUS.get(self.item_status or "", "unknown")
            why = (
                f"not attempted: 18 says circulation status {self.item_status} ({meaning});"
                " use a test item that is on the shelf (03)"
            )
            self.steps.append(Step("checkout", "11/12", FAIL, note=why))
            self.steps.append(Step("checkin", "09/10", SKIP, note="not attempted: no checkout"))
            return
        now = self._now()
        checkout = self._step(
            "checkout",
            m.CheckoutRequest(
                transaction_date=now,
                # Only read with no_block=Y, and legal when blank, but some servers (pysip2)
                # insist on a date here: the current time is the value that offends nobody.
                nb_due_date=now,
                institution_id=self._ao(),
                patron_identifier=self.card,
                item_identifier=self.item,
                terminal_password="",
                patron_password=self.pin,
            ),
            self._check_checkout,
        )
        if checkout.result != PASS:
            # A checkin now could undo someone else's loan: leave the item alone.
            self.steps.append(
                Step("checkin", "09/10", SKIP, note="not attempted: the checkout did not pass")
            )
            return
        now = self._now()
        self._step(
            "checkin",
            m.CheckinRequest(
                transaction_date=now,
                return_date=now,
                current_location=self.location,
                institution_id=self._ao(),
                item_identifier=self.item,
                terminal_password="",
            ),
            self._check_checkin,
        )

    # -- one step ----------------------------------------------------------------------------

    def _step(self, name: str, msg: m.Message, check: Check) -> Step:
        code = msg.CODE
        step = Step(name, f"{code}/{m.RESPONSE_TO[code]}")
        before = self.conn.exchange_count
        started = time.perf_counter()
        try:
            frame = self.conn.request(msg)
        except IlsUnavailable as exc:
            step.result, step.note = FAIL, str(exc)
        else:
            ok, note = check(frame)
            trailer_ok, trailer_note = self._trailer(frame)
            notes = [n for n in (note, trailer_note) if n]
            resends = self._resends(before)
            if resends:
                notes.append(resends)
            if frame.warnings:
                notes.append(f"warning: {frame.warnings[0]}")
            step.result = PASS if ok and trailer_ok else FAIL
            step.note = "; ".join(notes)
        step.ms = (time.perf_counter() - started) * 1000
        new = min(self.conn.exchange_count - before, len(self.conn.exchanges))
        step.frames = list(self.conn.exchanges)[len(self.conn.exchanges) - new :]
        self.steps.append(step)
        return step

    def _trailer(self, frame: Frame) -> tuple[bool, str]:
        status = frame.checksum_status
        if status is ChecksumStatus.BAD:
            return True, f"bad checksum accepted (profile {self.profile.name})"
        if status is ChecksumStatus.ABSENT and self.profile.error_detection:
            return False, (
                "no checksum (AY/AZ) in the reply although the profile uses error detection"
                " (override [ils] error_detection = false if this server never sends it)"
            )
        if status in (ChecksumStatus.VALID_UTF8_NFD, ChecksumStatus.VALID_CODEPOINTS):
            return True, f"checksum {status.value}"
        return True, ""

    def _resends(self, before: int) -> str:
        new = min(self.conn.exchange_count - before, len(self.conn.exchanges))
        frames = list(self.conn.exchanges)[len(self.conn.exchanges) - new :]
        asked = sum(1 for d, raw in frames if d == "sent" and raw[:2] == b"97")
        told = sum(1 for d, raw in frames if d == "received" and raw[:2] == b"96")
        parts = []
        if asked:
            parts.append(f"{asked} garbled repl{'y' if asked == 1 else 'ies'} (97 sent)")
        if told:
            parts.append(f"server asked {told}x to resend (96)")
        return ", ".join(parts)

    # -- what each answer must say -----------------------------------------------------------

    def _check_login(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.LoginResponse)
        if msg.ok == "1":
            return True, f"logged in as {self.user}"
        return False, (
            f"94 ok={msg.ok.strip() or 'blank'}: login refused for user {self.user!r}"
            " (check the user, the password and the SIP2 account on the server)"
        )

    def _check_status(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.AcsStatus)
        facts = (
            f"institution {msg.institution_id!r}, checkout {msg.checkout_ok},"
            f" checkin {msg.checkin_ok}, BX {msg.supported_messages or '-'}"
        )
        if msg.online_status != "Y":
            return False, f"98 online status {msg.online_status!r}: the ACS is offline; {facts}"
        return True, f"online; {facts}"

    def _echo(self, code: str, value: str | None, expected: str, tag: str) -> str:
        if value is None:
            return f"{code} has no {tag}"
        if value.strip() != expected:
            return f"{code} {tag} is not the number asked for"
        return ""

    def _check_patron_status(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.PatronStatusResponse)
        wrong = self._echo("24", msg.patron_identifier, self.card, "AA")
        if wrong:
            return False, wrong
        if msg.valid_patron != "Y":
            shown = "absent" if msg.valid_patron is None else repr(msg.valid_patron)
            return False, f"24 BL (valid patron) is {shown}: the ILS does not accept the test card"
        if self.pin is not None and msg.valid_patron_password != "Y":
            shown = (
                "absent" if msg.valid_patron_password is None else repr(msg.valid_patron_password)
            )
            return False, f"24 CQ (valid password) is {shown}: the test PIN was not accepted"
        blocks = sum(1 for c in msg.patron_status if c == "Y")
        return True, "card valid" + (", PIN valid" if self.pin is not None else "") + (
            f", {blocks} patron status flag(s) set" if blocks else ""
        )

    def _check_patron_information(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.PatronInformationResponse)
        wrong = self._echo("64", msg.patron_identifier, self.card, "AA")
        if wrong:
            return False, wrong
        if msg.valid_patron is not None and msg.valid_patron != "Y":
            return False, f"64 BL (valid patron) is {msg.valid_patron!r}"
        if msg.valid_patron is None and not msg.personal_name.strip():
            # BL is optional in a 64; without it, an empty name is how "no such card" looks
            return False, "64 has no BL and an empty AE: the ILS did not find the test card"
        if self.pin is not None and msg.valid_patron_password == "N":
            return False, "64 CQ (valid password) is 'N': the test PIN was not accepted"

        def shown(raw: str) -> str:
            value = count(raw)
            return "?" if value is None else str(value)

        return True, (
            f"{shown(msg.charged_items_count)} loans, {shown(msg.hold_items_count)} holds,"
            f" {shown(msg.fine_items_count)} fines"
        )

    def _check_item(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.ItemInformationResponse)
        self.item_status = msg.circulation_status
        if not msg.title_identifier.strip():
            return False, "18 has no title (AJ): the ILS does not know the test item"
        wrong = self._echo("18", msg.item_identifier, self.item, "AB")
        if wrong:
            return False, wrong
        meaning = CIRCULATION_STATUS.get(msg.circulation_status, "unknown")
        return True, f"title present; circulation status {msg.circulation_status} ({meaning})"

    def _check_checkout(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.CheckoutResponse)
        if msg.ok != "1":
            return False, f"12 ok={msg.ok.strip() or 'blank'}{_screen(msg.screen_message)}"
        due = msg.due_date.strip() if msg.due_date else ""
        return True, f"due {due!r}" if due else "no due date (AH) in the reply"

    def _check_checkin(self, frame: Frame) -> tuple[bool, str]:
        msg = frame.message
        assert isinstance(msg, m.CheckinResponse)
        if msg.ok != "1":
            return False, (
                f"10 ok={msg.ok.strip() or 'blank'}{_screen(msg.screen_message)};"
                " the test item may still be on loan to the test card: check it in at the desk"
            )
        where = f"sort bin {msg.sort_bin!r}" if msg.sort_bin else "no sort bin"
        return True, f"checked in; {where}"


def _screen(texts: Sequence[str]) -> str:
    text = " ".join(t.strip() for t in texts if t.strip())
    if not text:
        return ""
    return f" (AF: {text[:80]}{'...' if len(text) > 80 else ''})"


def show_frame(raw: bytes, encoding: str) -> str:
    """A frame as text; control characters as ``\\xNN`` so a stray CR or LF is visible."""
    text = raw.decode(encoding, errors="replace")
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def report(steps: Sequence[Step], encoding: str, out: TextIO) -> None:
    rows = [("step", "messages", "result", "time ms", "note")]
    for s in steps:
        ms = "" if s.ms is None else f"{s.ms:.0f}" if s.ms >= 10 else f"{s.ms:.1f}"
        rows.append((s.name, s.messages, s.result, ms, s.note))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        cells = [
            r[0].ljust(widths[0]),
            r[1].ljust(widths[1]),
            r[2].ljust(widths[2]),
            r[3].rjust(widths[3]),
            r[4],
        ]
        print("  ".join(cells).rstrip(), file=out)
    for s in steps:
        if s.result != FAIL:
            continue
        print(f"\n{s.name} ({s.messages}) failed: {s.note}", file=out)
        if not s.frames:
            print("  (nothing was sent)", file=out)
        for direction, raw in s.frames:
            arrow = "SC  -> ACS" if direction == "sent" else "ACS -> SC "
            print(f"  {arrow}  {show_frame(raw, encoding)}", file=out)
    failed = sum(1 for s in steps if s.result == FAIL)
    passed = sum(1 for s in steps if s.result == PASS)
    skipped = sum(1 for s in steps if s.result == SKIP)
    verdict = "all steps passed" if not failed else f"{failed} step(s) failed"
    print(f"\n{verdict} ({passed} passed, {failed} failed, {skipped} skipped)", file=out)


def run(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    try:
        target = parse_target(args.target)
        if args.timeout <= 0:
            raise UsageError("--timeout must be a positive number of seconds")
        tls = target.tls or args.tls or bool(args.ca) or args.insecure
        endpoint = Endpoint(
            target.host, target.port, tls=tls, ca_file=args.ca, verify=not args.insecure
        )
        password = None
        if target.user is not None:
            password = read_password(target.user, endpoint.address)
    except UsageError as exc:
        print(f"kiosk check-ils: {exc}", file=err)
        return 2
    profile = PROFILES[args.profile]
    credentials = (
        Credentials(target.user, password or "", args.location or None)
        if target.user is not None
        else None
    )
    conn = Sip2Connection(
        endpoint,
        profile,
        credentials,
        timeout=args.timeout,
        connect_timeout=min(args.timeout, 10.0),
        diagnostics=True,  # the raw exchange of a failed step is printed for the integrator
    )
    with conn:
        try:
            conn.connect()
        except Sip2ConnectError as exc:
            print(f"kiosk check-ils: {exc.reason}", file=err)
            return 2
        except IlsUnavailable as exc:  # pragma: no cover - connect raises Sip2ConnectError
            print(f"kiosk check-ils: {exc}", file=err)
            return 2
        print(
            f"SIP2 check of {endpoint.address} (profile {profile.name},"
            f" {'TLS' if tls else 'no TLS'}, {'read and write' if args.write else 'read-only'})",
            file=out,
        )
        steps = Checker(
            conn,
            user=target.user,
            password=password,
            card=args.card,
            pin=args.pin,
            item=args.item,
            write=args.write,
            institution=args.institution,
            location=args.location,
        ).run()
    report(steps, profile.encoding, out)
    return 1 if any(s.result == FAIL for s in steps) else 0
