"""The composition root: the one place that picks concrete adapters from the configuration.

Nothing here runs at import time; ``kiosk run``, the harness and tests call these functions
(with fakes where they like). Heavy imports (SQLAlchemy, the embedded ILS) happen inside the
function that needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardware.ports import DeviceSet
from kiosk.config import Config, ConfigError, secret_problem
from kiosk.ils.port import LibrarySystem
from kiosk.services.receipts import ReceiptStyle


class StartupError(Exception):
    """The kiosk cannot start; the message says what to do, in one line, without secrets."""


def build_library(
    config: Config, *, observe: Callable[[str, float, bool], None] | None = None
) -> LibrarySystem:
    """The library system named by ``[ils] kind``, every call timed (``observe``: the
    monitoring's), carrying on offline as ``[offline]`` says."""
    from kiosk.ils.metered import MeteredLibrary

    kind = config.ils.kind
    if kind == "embedded":
        inner = _embedded_library(config)
    elif kind == "sip2":
        inner = _sip2_library(config)
    else:
        raise ConfigError(config.source, "[ils] kind", "must be 'embedded' or 'sip2'")
    metered = MeteredLibrary(inner, observe or (lambda operation, seconds, ok: None))
    if not config.offline.enabled:
        return metered
    return offline_library(metered, config)


def offline_library(inner: LibrarySystem, config: Config) -> LibrarySystem:
    """``inner`` with the offline journal of ``[offline]`` (``kiosk.ils.offline``)."""
    from kiosk.domain.clock import SystemClock
    from kiosk.ils.offline import Journal, JournalError, OfflineLibrary, OfflinePolicy

    try:
        journal = Journal(Path(config.offline.journal))
    except JournalError as exc:
        raise StartupError(f"{exc}; check [offline] journal") from None
    policy = OfflinePolicy(
        max_checkouts=config.offline.max_checkouts,
        returns=config.offline.returns,
        card_check=offline_card_check(config),
    )
    return OfflineLibrary(inner, journal, SystemClock(), policy=policy, location=config.branch)


def offline_card_check(config: Config) -> Callable[[str], bool]:
    """Which numbers are passes when nobody can ask the library system: the ``[codes.card]``
    pattern (with its check digit) where the library has one, else 5 to 20 digits."""
    from hardware.codes import CodeKind, classify

    rules = build_code_rules(config)
    if rules is not None and (rules.card.prefixes or rules.card.lengths):

        def by_pattern(number: str) -> bool:
            found = classify(number, rules)
            return found.kind is CodeKind.CARD and found.ok

        return by_pattern
    return lambda number: number.isdigit() and 5 <= len(number) <= 20


def _sip2_library(config: Config) -> LibrarySystem:
    """A ``Sip2Library`` on one connection; connecting happens on the ILS worker thread."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from kiosk.ils.sip2.codec import ENCODINGS, encoding_name
    from kiosk.ils.sip2.library import Sip2Library
    from kiosk.ils.sip2.profiles import LANGUAGE_CODES, PROFILES
    from kiosk.ils.sip2.transport import Credentials, Endpoint, Sip2Connection

    c = config.ils.sip2
    src = config.source
    if c.profile not in PROFILES:
        raise ConfigError(src, "[ils] profile", f"must be one of {', '.join(PROFILES)}")
    if c.encoding and encoding_name(c.encoding) is None:
        raise ConfigError(src, "[ils] encoding", f"must be one of {', '.join(ENCODINGS)}")
    profile = PROFILES[c.profile].with_overrides(
        encoding=encoding_name(c.encoding) if c.encoding else None,
        terminator={"CR": b"\r", "CRLF": b"\r\n"}.get(c.terminator),
        error_detection=c.error_detection,
    )
    credentials = None
    if c.user:
        password = c.password
        if c.password_file:
            problem = secret_problem(c.password_file)
            if problem:
                raise ConfigError(src, "[ils] password_file", problem)
            try:
                credentials = Credentials.from_secret_file(
                    c.user, c.password_file, location=c.location or config.branch
                )
            except (OSError, ValueError) as exc:
                raise ConfigError(src, "[ils] password_file", str(exc)) from None
        else:
            credentials = Credentials(c.user, password, c.location or config.branch)
    for key in ("ca_file", "client_cert", "client_key"):
        path = getattr(c, key)
        if path and not Path(path).is_file():
            raise ConfigError(src, f"[ils] {key}", f"no such file: {path}")
    if c.client_key and (problem := secret_problem(c.client_key)):
        raise ConfigError(src, "[ils] client_key", problem)  # a private key is a secret
    endpoint = Endpoint(
        host=c.host,
        port=c.port,
        tls=c.tls,
        ca_file=c.ca_file or None,
        verify=c.verify,
        client_cert=c.client_cert or None,
        client_key=c.client_key or None,
    )
    try:
        tz = ZoneInfo(c.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            src, "[ils] timezone", f"unknown time zone {c.timezone!r} (e.g. 'Europe/Amsterdam')"
        ) from None
    connection = Sip2Connection(
        endpoint,
        profile,
        credentials,
        timeout=c.timeout,
        tz=tz,
    )
    return Sip2Library(
        connection,
        profile,
        institution=c.institution or config.branch,
        location=c.location or config.branch,
        tz=tz,
        terminal_password=c.terminal_password,
        # the kiosk's language, so that the library system answers in it where it can
        language=LANGUAGE_CODES.get(config.language, "000"),
    )


def _embedded_library(config: Config) -> LibrarySystem:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.engine import EmbeddedLibrary

    url = config.ils.url
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(config.source, "[ils] url", "is not a database URL") from None
    shown = parsed.render_as_string(hide_password=True)
    not_initialised = StartupError(
        f"the library database {shown} is not initialised; run "
        f"'kiosk library init --db {shown}' and 'kiosk library seed --db {shown}' "
        "(or 'make run' for the demo library)"
    )
    # A SQLite file that does not exist yet would be created empty by connecting: say so first.
    if parsed.drivername.startswith("sqlite"):
        path = parsed.database
        if path and path != ":memory:" and not Path(path).exists():
            raise not_initialised
    try:
        engine = db.make_engine(url)
        initialised = db.is_initialised(engine)
    except SQLAlchemyError as exc:
        raise StartupError(
            f"cannot open the library database {shown} ({type(exc).__name__}); "
            "check [ils] url and that the database server is running"
        ) from None
    if not initialised:
        engine.dispose()
        raise not_initialised
    return EmbeddedLibrary(engine, branch=config.branch, library_name=config.library_name)


def build_devices(config: Config) -> DeviceSet:
    """The devices named in ``[devices]``; simulated ones are also listed as simulators."""
    from hardware.fakes import (
        FakeCardReader,
        FakePaymentTerminal,
        FakeScanner,
        RecordingPrinter,
    )

    devices = DeviceSet()
    chosen = config.devices
    reader = _choose(
        config, "card_reader", chosen.card_reader, FakeCardReader, pcsc=lambda: _pcsc(config)
    )
    scanner = _choose(
        config,
        "scanner",
        chosen.scanner,
        FakeScanner,
        serial=lambda: _serial_scanner(config),
        evdev=lambda: _evdev_scanner(config),
        keyboard=lambda: None,  # read from the window's key events by the UI (KeyWedge)
    )
    printer = _choose(
        config,
        "printer",
        chosen.printer,
        # A simulated printer keeps the last receipts only: a demo kiosk may run for weeks.
        lambda: RecordingPrinter(keep=50),
        **{kind: (lambda k=kind: _escpos(config, k)) for kind in PRINTER_CONNECTIONS},
    )
    if reader is not None:
        devices.card_reader = reader
        devices.simulators["card_reader"] = reader
    if scanner is not None:
        devices.scanner = scanner
        devices.simulators["scanner"] = scanner
    if printer is not None:
        devices.printer = printer
        devices.simulators["printer"] = printer
    pad = _choose(
        config,
        "rfid_pad",
        chosen.rfid_pad,
        lambda: _rfid_pad(config, None),
        pcsc=lambda: _pcsc_pad(config),
    )
    if pad is not None:
        devices.rfid = pad
        devices.simulators["rfid"] = pad
    terminal = _choose(config, "payment_terminal", chosen.payment_terminal, FakePaymentTerminal)
    if terminal is not None:
        devices.payment_terminal = terminal
        devices.simulators["payment_terminal"] = terminal
    return devices


def _choose(
    config: Config, key: str, kind: str, simulated: Callable[[], Any], **real: Callable[[], Any]
) -> Any:
    if kind == "none":
        return None
    if kind == "simulated":
        return simulated()
    if kind in real:
        return real[kind]()
    raise ConfigError(
        config.source,
        f"[devices] {key}",
        f"'{kind}' is not available yet in this version; use 'simulated' or 'none'",
    )


def payment_reference(config: Config, host: str | None = None) -> str:
    """The start of this kiosk's payment references: ``[devices] payment_reference``, else the
    branch and three characters of the machine's name, so that two kiosks of one branch never
    give the same reference (``DAL3F2``)."""
    import socket
    import zlib

    if config.devices.payment_reference:
        return config.devices.payment_reference
    name = host if host is not None else socket.gethostname()
    mark = f"{zlib.crc32(name.encode()) & 0xFFF:03X}"
    branch = "".join(c for c in config.branch.upper() if c.isascii() and c.isalnum())
    return (branch[:5] or "KIOSK") + mark


@dataclass(frozen=True, slots=True)
class RfidSettings:
    """``[devices.rfid]``, checked."""

    security: str = "afi"
    afi_secured: int = 0x07
    afi_unsecured: int = 0xC2
    ask_count: bool = False
    poll: float = 0.1
    #: the PC/SC reader's name, as a regular expression (``rfid_pad = "pcsc"``)
    reader: str = ""


def rfid_settings(config: Config) -> RfidSettings:
    """``[devices.rfid]`` checked, with the key at fault named in the error."""
    import re

    table = dict(config.devices.rfid)
    src, sec = config.source, "[devices.rfid]"
    known = set(RfidSettings.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(src, f"{sec} {key}", f"unknown key (known: {sorted(known)})")
    default = RfidSettings()
    security = table.get("security", default.security)
    if security not in ("afi", "eas"):
        raise ConfigError(src, f"{sec} security", "must be 'afi' or 'eas'")
    afi = {}
    for key in ("afi_secured", "afi_unsecured"):
        value = table.get(key, getattr(default, key))
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFF:
            raise ConfigError(src, f"{sec} {key}", "must be a byte, e.g. 0x07 or 0xC2")
        afi[key] = value
    if afi["afi_secured"] == afi["afi_unsecured"]:
        raise ConfigError(src, f"{sec} afi_unsecured", "must differ from afi_secured")
    ask = table.get("ask_count", default.ask_count)
    if not isinstance(ask, bool):
        raise ConfigError(src, f"{sec} ask_count", "must be true or false")
    poll = table.get("poll", default.poll)
    if isinstance(poll, bool) or not isinstance(poll, int | float) or not 0.02 <= poll <= 2:
        raise ConfigError(src, f"{sec} poll", "must be seconds from 0.02 to 2")
    reader = table.get("reader", default.reader)
    try:
        re.compile(reader) if isinstance(reader, str) else None
    except re.error as exc:
        raise ConfigError(src, f"{sec} reader", f"not a regular expression: {exc}") from None
    if not isinstance(reader, str):
        raise ConfigError(src, f"{sec} reader", "must be a text")
    return RfidSettings(
        security, afi["afi_secured"], afi["afi_unsecured"], ask, float(poll), reader
    )


def _rfid_pad(config: Config, reader: Any) -> Any:
    """A pad watching ``reader`` (the simulated one when None), with ``[devices.rfid]``."""
    from hardware.fakes import FakeTagReader
    from hardware.rfid import PadWatcher, Security, SecurityFlag

    settings = rfid_settings(config)
    security = Security(
        SecurityFlag(settings.security), settings.afi_secured, settings.afi_unsecured
    )
    return PadWatcher(reader or FakeTagReader(), security=security, poll_s=settings.poll)


def _pcsc_pad(config: Config) -> Any:
    """A pad on a PC/SC reader that shows ISO 15693 tags (``hardware.pcsc_rfid``)."""
    try:
        from hardware.pcsc_rfid import PcscTagReader
    except ImportError as exc:
        raise StartupError(
            f"the PC/SC RFID reader needs pyscard ({exc}); install the project with its "
            "dependencies, or set [devices] rfid_pad"
        ) from None
    settings = rfid_settings(config)
    return _rfid_pad(config, PcscTagReader(settings.reader, eas=settings.security == "eas"))


def _pcsc(config: Config) -> Any:
    """A PC/SC reader from ``[devices.pcsc]``: reader (regular expression), method (uid or
    apdu), apdus (hex strings), and the ``[devices.pcsc.uid]`` rule."""
    import re

    from hardware.codes import RuleError, UidRule

    table = dict(config.devices.pcsc)
    src = config.source
    known = {"reader", "method", "apdus", "uid"}
    for key in table:
        if key not in known:
            raise ConfigError(src, f"[devices.pcsc] {key}", f"unknown key (known: {sorted(known)})")
    reader = table.get("reader", "")
    try:
        re.compile(reader) if isinstance(reader, str) else None
    except re.error as exc:
        raise ConfigError(
            src, "[devices.pcsc] reader", f"not a regular expression: {exc}"
        ) from None
    if not isinstance(reader, str):
        raise ConfigError(src, "[devices.pcsc] reader", "must be a text (a reader name pattern)")
    method = table.get("method", "uid")
    if method not in ("uid", "apdu"):
        raise ConfigError(src, "[devices.pcsc] method", "must be 'uid' or 'apdu'")
    try:
        apdus = tuple(bytes.fromhex(a) for a in table.get("apdus", []))
    except (TypeError, ValueError):
        raise ConfigError(src, "[devices.pcsc] apdus", "must be a list of hex strings") from None
    if method == "apdu" and not apdus:
        raise ConfigError(src, "[devices.pcsc] apdus", "needed with method = 'apdu'")
    if any(len(a) < 4 for a in apdus):
        raise ConfigError(src, "[devices.pcsc] apdus", "each command needs at least 4 bytes")
    uid = table.get("uid", {})
    if not isinstance(uid, dict):
        raise ConfigError(src, "[devices.pcsc.uid]", "must be a table")
    try:
        rule = UidRule.parse(uid, "[devices.pcsc.uid]")
    except RuleError as exc:
        raise ConfigError(src, exc.key, exc.problem) from None
    try:
        from hardware.pcsc import PcscCardReader, PcscSettings

        settings = PcscSettings(reader=reader, method=method, uid_rule=rule, apdus=apdus)
        return PcscCardReader(settings)  # imports pyscard, which needs libpcsclite
    except ImportError as exc:
        raise StartupError(
            f"the PC/SC card reader needs pyscard and libpcsclite ({exc}); "
            "install the project with its dependencies, or set [devices] card_reader"
        ) from None


PRINTER_CONNECTIONS = ("network", "usb", "serial", "file")


def _escpos(config: Config, connection: str) -> Any:
    """An ESC/POS printer from ``[devices.receipt_printer]``."""
    from hardware.escpos_printer import EscposPrinter, PrinterSettings

    table = dict(config.devices.receipt_printer)
    src = config.source
    sec = "[devices.receipt_printer]"
    kinds: dict[str, type] = {
        "host": str,
        "port": int,
        "usb_vendor": int,
        "usb_product": int,
        "device": str,
        "baudrate": int,
        "profile": str,
        "paper_mm": int,
        "timeout_s": float,
        "status_queries": bool,
    }
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in kinds:
            raise ConfigError(src, f"{sec} {key}", f"unknown key (known: {sorted(kinds)})")
        want = kinds[key]
        ok = isinstance(value, want) and (want is bool or not isinstance(value, bool))
        if want is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok:
            kind = {str: "a text", bool: "true or false"}.get(want, "a number")
            raise ConfigError(src, f"{sec} {key}", f"must be {kind}")
        values[key] = value
    if values.get("paper_mm", 80) not in (58, 80):
        raise ConfigError(src, f"{sec} paper_mm", "must be 58 or 80")
    if not 0.2 <= values.get("timeout_s", 3.0) <= 30:
        raise ConfigError(src, f"{sec} timeout_s", "must be between 0.2 and 30 seconds")
    if connection in ("serial", "file") and not values.get("device"):
        raise ConfigError(src, f"{sec} device", f"needed for a {connection} printer")
    if connection == "usb" and ("usb_vendor" not in values or "usb_product" not in values):
        raise ConfigError(src, f"{sec} usb_vendor", "usb_vendor and usb_product are needed")
    if not 1 <= values.get("port", 9100) <= 65535:
        raise ConfigError(src, f"{sec} port", "must be a TCP port number (1-65535)")
    if values.get("baudrate", 19200) <= 0:
        raise ConfigError(src, f"{sec} baudrate", "must be a positive number")
    for key in ("usb_vendor", "usb_product"):
        if key in values and not 0 <= values[key] <= 0xFFFF:
            raise ConfigError(src, f"{sec} {key}", "must be a USB id (0 to 0xFFFF)")
    try:
        return EscposPrinter(PrinterSettings(connection=connection, **values))  # type: ignore[arg-type]
    except ValueError as exc:  # e.g. an unknown python-escpos profile
        raise ConfigError(src, f"{sec} profile", str(exc)) from None


def _serial_scanner(config: Config) -> Any:
    """A serial scanner from ``[devices.serial_scanner]``: port, baudrate, prefix, suffix."""
    from hardware.serial_scanner import SerialScanner, SerialScannerSettings

    table = dict(config.devices.serial_scanner)
    src = config.source
    known = {"port", "baudrate", "prefix", "suffix"}
    for key in table:
        if key not in known:
            raise ConfigError(
                src, f"[devices.serial_scanner] {key}", f"unknown key (known: {sorted(known)})"
            )
    port = table.get("port")
    if not isinstance(port, str) or not port:
        raise ConfigError(src, "[devices.serial_scanner] port", "needed: e.g. '/dev/ttyACM0'")
    baudrate = table.get("baudrate", 9600)
    if isinstance(baudrate, bool) or not isinstance(baudrate, int) or baudrate <= 0:
        raise ConfigError(src, "[devices.serial_scanner] baudrate", "must be a whole number")
    texts = {k: table.get(k, "") for k in ("prefix", "suffix")}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise ConfigError(src, f"[devices.serial_scanner] {key}", "must be a text")
    settings = SerialScannerSettings(
        port=port, baudrate=baudrate, prefix=texts["prefix"], suffix=texts["suffix"]
    )
    return SerialScanner(settings)


def _evdev_scanner(config: Config) -> Any:
    """A keyboard-wedge scanner read through evdev from ``[devices.evdev_scanner]``: device or
    name, keymap, prefix, suffix, terminator, partial_timeout."""
    import re

    from hardware.evdev_scanner import (
        KEYMAPS,
        TERMINATORS,
        EvdevScanner,
        EvdevScannerSettings,
    )

    table = dict(config.devices.evdev_scanner)
    src, sec = config.source, "[devices.evdev_scanner]"
    texts = ("device", "name", "keymap", "prefix", "suffix", "terminator")
    known = {*texts, "partial_timeout"}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(src, f"{sec} {key}", f"unknown key (known: {sorted(known)})")
        if key in texts and not isinstance(value, str):
            raise ConfigError(src, f"{sec} {key}", "must be a text")
    device, name = table.get("device", ""), table.get("name", "")
    if device and name:
        raise ConfigError(src, f"{sec} name", "give 'device' or 'name', not both")
    if not device and not name:
        raise ConfigError(
            src,
            f"{sec} device",
            "needed (e.g. '/dev/input/by-id/usb-...-event-kbd'), or a name pattern in 'name'",
        )
    if name:
        try:
            re.compile(name)
        except re.error as exc:
            raise ConfigError(src, f"{sec} name", f"not a regular expression: {exc}") from None
    keymap = table.get("keymap", "us")
    if keymap not in KEYMAPS:
        raise ConfigError(src, f"{sec} keymap", f"must be one of {sorted(KEYMAPS)}")
    terminator = table.get("terminator", "enter")
    if terminator not in TERMINATORS:
        raise ConfigError(src, f"{sec} terminator", f"must be one of {sorted(TERMINATORS)}")
    partial = table.get("partial_timeout", 0.5)
    if isinstance(partial, bool) or not isinstance(partial, int | float) or not 0 < partial <= 5:
        raise ConfigError(src, f"{sec} partial_timeout", "must be seconds, above 0 and at most 5")
    settings = EvdevScannerSettings(
        device=device,
        name=name,
        keymap=keymap,
        prefix=table.get("prefix", ""),
        suffix=table.get("suffix", ""),
        terminator=terminator,
        partial_timeout_s=float(partial),
    )
    return EvdevScanner(settings)


def build_mailer(config: Config) -> Any:
    """The SMTP mailer of ``[mail]`` (e-mailed receipts), or None when there is no section."""
    table = dict(config.mail)
    if not table:
        return None
    from kiosk.ops.mail import SECURITY, SmtpMailer, SmtpSettings

    src, sec = config.source, "[mail]"
    texts = ("host", "security", "user", "password_file", "sender", "subject", "ca_file")
    known = {*texts, "port", "timeout"}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(src, f"{sec} {key}", f"unknown key (known: {sorted(known)})")
        if key in texts and not isinstance(value, str):
            raise ConfigError(src, f"{sec} {key}", "must be a text")
    if not table.get("host"):
        raise ConfigError(src, f"{sec} host", "needed: the library's mail server")
    if "@" not in table.get("sender", ""):
        raise ConfigError(src, f"{sec} sender", "needed: the address receipts come from")
    security = table.get("security", "starttls")
    if security not in SECURITY:
        raise ConfigError(src, f"{sec} security", f"must be one of {', '.join(SECURITY)}")
    port = table.get("port", {"starttls": 587, "tls": 465, "none": 25}[security])
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError(src, f"{sec} port", "must be a port number")
    timeout = table.get("timeout", 10)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 60:
        raise ConfigError(src, f"{sec} timeout", "must be seconds, above 0 and at most 60")
    password = ""
    if table.get("password_file"):
        problem = secret_problem(table["password_file"])
        if problem:
            raise ConfigError(src, f"{sec} password_file", problem)
        try:
            password = Path(table["password_file"]).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                src, f"{sec} password_file", f"cannot be read: {exc.strerror}"
            ) from None
    if table.get("ca_file") and not Path(table["ca_file"]).is_file():
        raise ConfigError(src, f"{sec} ca_file", f"no such file: {table['ca_file']}")
    settings = SmtpSettings(
        host=table["host"],
        port=port,
        security=security,
        user=table.get("user", ""),
        password=password,
        sender=table["sender"],
        timeout_s=float(timeout),
        ca_file=table.get("ca_file", ""),
    )
    return SmtpMailer(settings)


def mail_subject(config: Config) -> str:
    subject = config.mail.get("subject", "")
    return subject if isinstance(subject, str) and subject else config.library_name


def receipt_style(config: Config) -> ReceiptStyle:
    """What the library prints on receipts: ``[kiosk] library_name`` and ``[receipt]``."""
    from zoneinfo import ZoneInfo

    receipt = config.receipt
    return ReceiptStyle(
        config.library_name,
        # the library's local time (``[ils] timezone``; Europe/Amsterdam by default)
        tz=ZoneInfo(config.ils.sip2.timezone),
        account_url=receipt.account_url or None,
        logo=receipt.logo or None,
        header_lines=receipt.header,
        footer_lines=receipt.footer,
    )


def build_code_rules(config: Config) -> Any:
    """``[codes]``: ``[codes.card]`` and ``[codes.item]`` patterns (prefixes, lengths, check)
    and ``unknown_is_item``; ``None`` when the section is absent (every scan at the start screen
    is then taken as a pass, every scan later as an item)."""
    from hardware.codes import CodePattern, CodeRules, RuleError

    table = dict(config.codes)
    if not table:
        return None
    src = config.source
    for key in table:
        if key not in ("card", "item", "unknown_is_item"):
            raise ConfigError(
                src, f"[codes] {key}", "unknown key (known: card, item, unknown_is_item)"
            )
    patterns = {}
    for kind in ("card", "item"):
        sub = table.get(kind, {})
        if not isinstance(sub, dict):
            raise ConfigError(src, f"[codes.{kind}]", "must be a table")
        try:
            patterns[kind] = CodePattern.parse(sub, f"[codes.{kind}]")
        except RuleError as exc:
            raise ConfigError(src, exc.key, exc.problem) from None
    unknown = table.get("unknown_is_item", False)
    if not isinstance(unknown, bool):
        raise ConfigError(src, "[codes] unknown_is_item", "must be true or false")
    return CodeRules(card=patterns["card"], item=patterns["item"], unknown_is_item=unknown)


@dataclass(frozen=True, slots=True)
class SimulatorActions:
    """What demo mode's simulator panel may do: plain callables on the simulated devices."""

    present_card: Callable[[str], None]
    remove_card: Callable[[], None]
    scan: Callable[[str], None]
    #: switch a simulated fault on or off: one of ``SIMULATED_FAULTS``
    set_fault: Callable[[str, bool], None] | None = None
    #: the last receipt the simulated printer printed, as text, and how many it printed
    receipt_text: Callable[[], str] | None = None
    receipts_printed: Callable[[], int] | None = None
    #: the simulated RFID pad: ``stack`` (three demo items), ``course`` (two of a course's
    #: three discs), ``disc`` (its third disc), ``lift`` (everything off the pad)
    pad: Callable[[str], None] | None = None


#: the faults demo mode's simulator panel can switch on, with the fake's attribute each sets
SIMULATED_FAULTS = (
    "reader_unplugged",
    "scanner_unplugged",
    "paper_out",
    "printer_offline",
    "payment_declined",
    "terminal_unplugged",
)


def simulator_actions(devices: DeviceSet) -> SimulatorActions | None:
    """The simulated reader's and scanner's actions, or None when either is not simulated."""
    from hardware.fakes import FakeCardReader, FakePaymentTerminal, FakeScanner, RecordingPrinter
    from hardware.ports import PaperState

    reader = devices.simulators.get("card_reader")
    scanner = devices.simulators.get("scanner")
    printer = devices.simulators.get("printer")
    if not isinstance(reader, FakeCardReader) or not isinstance(scanner, FakeScanner):
        return None
    paper = printer if isinstance(printer, RecordingPrinter) else None
    found = devices.simulators.get("payment_terminal")
    terminal = found if isinstance(found, FakePaymentTerminal) else None

    def set_fault(fault: str, on: bool) -> None:
        if fault == "reader_unplugged":
            (reader.unplug if on else reader.plug)()
        elif fault == "scanner_unplugged":
            (scanner.unplug if on else scanner.plug)()
        elif fault == "paper_out" and paper is not None:
            paper.paper = PaperState.OUT if on else PaperState.OK
        elif fault == "printer_offline" and paper is not None:
            paper.online = not on
        elif fault == "payment_declined" and terminal is not None:
            terminal.otherwise = "declined" if on else "approved"
        elif fault == "terminal_unplugged" and terminal is not None:
            (terminal.unplug if on else terminal.plug)()
        elif fault not in SIMULATED_FAULTS:
            raise ValueError(f"no simulated fault {fault!r} (known: {SIMULATED_FAULTS})")

    return SimulatorActions(
        present_card=reader.present,
        remove_card=reader.remove,
        scan=lambda code: scanner.scan(code),
        set_fault=set_fault,
        receipt_text=(lambda: paper.render_text(paper_mm=80) if paper.printed else "")
        if paper is not None
        else None,
        receipts_printed=(lambda: paper.count) if paper is not None else None,
        pad=_pad_actions(devices.simulators.get("rfid")),
    )


#: what the demo's simulated pad holds: three items of the demo library, and a language
#: course of three discs (fixture item 14)
DEMO_STACK = ("3100000000003", "3100000000004", "3100000000005")
DEMO_COURSE = "3100000000014"


def _pad_actions(pad: Any) -> Callable[[str], None] | None:
    from hardware.fakes import FakeTagReader, item_tag
    from hardware.rfid import PadWatcher

    if not isinstance(pad, PadWatcher) or not isinstance(pad.reader, FakeTagReader):
        return None
    reader = pad.reader

    def act(action: str) -> None:
        if action == "stack":
            reader.place(*(item_tag(f"E0040150{n:08X}", b) for n, b in enumerate(DEMO_STACK)))
        elif action == "course":
            reader.place(
                *(item_tag(f"E00401600000000{n}", DEMO_COURSE, parts=3, part=n) for n in (1, 3))
            )
        elif action == "disc":
            reader.place(item_tag("E004016000000002", DEMO_COURSE, parts=3, part=2))
        elif action == "lift":
            reader.clear()
        else:
            raise ValueError(f"no pad action {action!r}")

    return act


def demo_codes() -> tuple[list[object], list[object]]:
    """Demo library passes and item barcodes for the simulator panel, from the demo data."""
    try:
        from kiosk.ils.embedded import fixtures
    except ImportError:
        return [], []
    cards = list(getattr(fixtures, "DEMO_CARDS", []))
    cards.append((fixtures.DEMO_STAFF_CARD, "Staff card (maintenance mode)"))
    items = list(getattr(fixtures, "DEMO_ITEMS", []))
    return cards, items


def export_targets(config: Config) -> list[Path]:
    """Where staff may save the diagnostics bundle: ``[staff] export_dir`` when it is a folder,
    and every USB stick that is mounted (under /media and /run/media)."""
    found: list[Path] = []
    if config.staff.export_dir and Path(config.staff.export_dir).is_dir():
        found.append(Path(config.staff.export_dir))
    for pattern in ("/media/*", "/media/*/*", "/run/media/*/*"):
        for candidate in sorted(Path("/").glob(pattern.lstrip("/"))):
            if candidate.is_dir() and os.path.ismount(candidate) and candidate not in found:
                found.append(candidate)
    return found


def settings_problem(path: Path, **overrides: Any) -> str:
    """What is wrong with the settings file at ``path`` as ``kiosk run`` would read it, or ""
    when nothing is (``check_settings``)."""
    from kiosk.config import load

    try:
        check_settings(load(path, **overrides))
    except (ConfigError, StartupError) as exc:
        return str(exc)
    return ""


def check_settings(config: Config) -> None:
    """Everything ``kiosk run`` builds from the settings before it opens anything: the code
    rules, each device (made, not opened), the mail server, the RFID pad's and the payment
    terminal's settings, and the library system's (its secret file and certificates read;
    nothing connected). The first problem is raised, its key named."""
    build_code_rules(config)
    build_devices(config)
    build_mailer(config)
    rfid_settings(config)
    payment_reference(config)
    if config.ils.kind == "sip2":
        library = _sip2_library(config)  # connecting happens later, on the worker thread
        closing = getattr(library, "close", None)
        if callable(closing):
            closing()
    else:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(config.ils.url)
        except ArgumentError as exc:
            raise ConfigError(config.source, "[ils] url", f"not a database URL: {exc}") from None


def staff_tools(
    config: Config,
    library: LibrarySystem,
    restart: Callable[[], None],
    *,
    check_config: Callable[[], str],
    recent_log: Callable[[], list[str]] = list,
) -> Any:
    """What maintenance mode is lent by a running kiosk (``kiosk.services.staff.StaffTools``):
    the PIN check, the audit log, the offline journal and its sync, the library system's
    state, the diagnostics export, the settings check and the restart. The library may still
    be opening (``DeferredLibrary``): its parts are looked up when they are needed."""
    import logging

    from kiosk.domain.clock import SystemClock
    from kiosk.ils.deferred import library_parts
    from kiosk.ils.port import IlsUnavailable
    from kiosk.ops.audit import AuditError, AuditLog
    from kiosk.ops.diagnostics import export_bundle
    from kiosk.services.staff import IlsState, StaffTools
    from kiosk.staff_command import verify_pin

    log = logging.getLogger(__name__)
    audit: AuditLog | None
    try:
        audit = AuditLog(Path(config.staff.audit))
    except AuditError as exc:  # staff still get their screen; the trouble is logged
        log.error("%s; staff actions are logged only", exc)
        audit = None
    pin_hash = config.staff.pin_hash
    source = Path(config.source) if config.source != "<defaults>" else None

    def offline() -> Any:
        found = library_parts(library)[0]
        if found is None:
            raise IlsUnavailable("the library system is still opening")
        return found

    class _Journal:
        """The offline journal, once the library system is open."""

        def depth(self) -> int:
            return int(offline().journal.depth())

        def conflicts(self) -> list[Any]:
            return list(offline().journal.conflicts())

        def resolve(self, conflict_id: int) -> None:
            offline().journal.resolve(conflict_id)

    def ils_state() -> IlsState:
        wrapper, metered = library_parts(library)
        return IlsState(
            reachable=getattr(metered, "reachable", None),
            latency=getattr(metered, "last_latency", None),
            offline=bool(getattr(wrapper, "offline", False)),
        )

    def export(folder: Path, health: Any) -> Path:
        audit_rows = [
            {"at": r.at.isoformat(), "staff": r.staff, "action": r.action, "detail": r.detail}
            for r in (audit.recent() if audit is not None else [])
        ]
        return export_bundle(
            folder,
            config_path=source,
            health=health,
            log_lines=recent_log(),
            audit=audit_rows,
            now=SystemClock().now(),
            kiosk_name=config.branch,
        )

    def payment_problem(
        kind: str, reference: str, amount: Any, why: str, fees: tuple[str, ...]
    ) -> None:
        offline().journal.payment_problem(kind, reference, amount, why, SystemClock().now(), fees)

    class _PaymentLog:
        """The offline journal's record of payments at the terminal, once it is open."""

        def payment_started(self, reference: str, amount: Any, fees: tuple[str, ...]) -> None:
            offline().journal.payment_started(reference, amount, fees)

        def payment_ended(self, reference: str) -> None:
            offline().journal.payment_ended(reference)

    return StaffTools(
        payment_problem=payment_problem if config.offline.enabled else None,
        payment_log=_PaymentLog() if config.offline.enabled else None,
        verify_pin=(lambda pin: verify_pin(pin_hash, pin)) if pin_hash else None,
        audit=audit,
        journal=_Journal() if config.offline.enabled else None,
        sync=(lambda: offline().sync()) if config.offline.enabled else None,
        ils_state=ils_state,
        export=export,
        export_targets=lambda: export_targets(config),
        check_config=check_config if source is not None else None,
        restart=restart,
    )
