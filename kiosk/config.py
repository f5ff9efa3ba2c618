"""TOML configuration -> frozen, validated objects.

Errors name the file and the key (``kiosk.toml: [session] home_timeout: must be a number of
seconds between 10 and 3600``) so an integrator can fix them without reading code.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.domain.privacy import GreetingStyle
from kiosk.domain.session import Timeouts

DEFAULT_DEMO_DB = "sqlite:///var/demo-library.sqlite"
#: where an installed kiosk keeps its settings (``KIOSK_CONFIG`` names another file)
DEFAULT_CONFIG = Path("/etc/kiosk/kiosk.toml")


def default_config_path() -> Path | None:
    """The settings file ``kiosk run`` and ``kiosk config check`` read when none is named:
    ``$KIOSK_CONFIG``, else ``/etc/kiosk/kiosk.toml`` where it exists, else none (the demo
    defaults)."""
    named = os.environ.get("KIOSK_CONFIG", "")
    if named:
        return Path(named)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


class ConfigError(Exception):
    """What is wrong, as ``file:line: [table] key: problem`` (the line where it is known)."""

    def __init__(self, source: str, key: str, problem: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {key}: {problem}")
        self.source, self.key, self.problem, self.line = source, key, problem, line


_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\s\"]+?)\s*\]\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


def line_of(text: str, key: str) -> int | None:
    """The line (1-based) of ``key`` as an error names it (``[staff] timeout``, ``[ils]``,
    ``[devices.pcsc] reader``) in the TOML ``text``: the key's own line, else its table's
    header; None when neither is written in the file (a default is at fault)."""
    found = re.match(r"^\[([^\]]+)\]\s*([^\s:]*)", key)
    if found is None:
        return None
    table, name = found.group(1).strip(), found.group(2).strip()
    current = ""
    header_line = None
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header is not None:
            current = header.group(1).replace('"', "").replace(" ", "")
            if current == table and header_line is None:
                header_line = number
            continue
        assign = _ASSIGN.match(raw)
        if assign is None:
            continue
        written = assign.group(1).strip('"')
        if name and current == table and written == name:
            return number
        if not name and not current and written == table and header_line is None:
            header_line = number  # ``accessibility = true``: a value where a table belongs
    return header_line


@dataclass(frozen=True, slots=True)
class Sip2Config:
    """``[ils]`` keys used when ``kind = "sip2"``; see docs/sip2.md."""

    host: str = "127.0.0.1"
    port: int = 6001
    profile: str = "generic"
    user: str = ""
    password: str = ""  # prefer password_file; never logged
    password_file: str = ""
    institution: str = ""
    location: str = ""  # default: [kiosk] branch
    terminal_password: str = ""
    tls: bool = False
    ca_file: str = ""
    verify: bool = True
    client_cert: str = ""
    client_key: str = ""
    timeout: float = 10.0
    heartbeat: float = 60.0
    encoding: str = ""  # default: the profile's
    terminator: str = ""  # CR | CRLF; default: the profile's
    error_detection: bool | None = None  # default: the profile's
    timezone: str = "Europe/Amsterdam"  # the library system's local time (blank-zone dates)


@dataclass(frozen=True, slots=True)
class IlsConfig:
    kind: str = "embedded"  # embedded | sip2
    url: str = DEFAULT_DEMO_DB  # embedded: database URL
    sip2: Sip2Config = field(default_factory=Sip2Config)


@dataclass(frozen=True, slots=True)
class DevicesConfig:
    card_reader: str = "simulated"  # simulated | pcsc | none
    #: ``[devices.pcsc]`` as written (checked where the reader is built: docs/devices.md)
    pcsc: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: ``[devices.receipt_printer]`` as written (checked where the printer is built)
    receipt_printer: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: ``[devices.serial_scanner]`` as written (checked where the scanner is built)
    serial_scanner: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: ``[devices.evdev_scanner]`` as written (checked where the scanner is built)
    evdev_scanner: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    scanner: str = "simulated"  # simulated | evdev | keyboard | serial | none
    printer: str = "simulated"  # simulated | usb | network | serial | file | none
    #: none | simulated: a simulated terminal must be chosen by name, never by default
    payment_terminal: str = "none"
    #: none | simulated | pcsc: an RFID pad for stacks of tagged items (docs/devices.md)
    rfid_pad: str = "none"
    #: ``[devices.rfid]`` as written (checked where the pad is built)
    rfid: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: the start of the reference each terminal transaction gets (``DAL1``); default: the
    #: branch. Kiosks sharing a terminal acquirer account should each have their own.
    payment_reference: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptConfig:
    """``[receipt]``: what the library puts on its receipts (docs/devices.md)."""

    #: an image file printed at the top, scaled to the paper; empty: none
    logo: str = ""
    #: printed as a QR code on loan receipts (e.g. the library's "my account" page)
    account_url: str = ""
    #: lines under the library's name (a branch address, opening hours)
    header: tuple[str, ...] = ()
    #: lines at the end
    footer: tuple[str, ...] = ()
    #: print a slip for an item returned for a hold or for another branch (staff put it in)
    return_slips: bool = False


@dataclass(frozen=True, slots=True)
class OfflineConfig:
    """``[offline]``: carrying on while the library system is away (``kiosk.ils.offline``)."""

    #: journal and carry on; false: out of service while the library system is away
    enabled: bool = True
    #: items one pass may borrow offline until the library system is back (0: none)
    max_checkouts: int = 5
    #: returns are taken offline
    returns: bool = True
    #: the journal's SQLite file (card and item numbers, until they are sent)
    journal: str = "var/offline-journal.sqlite"


@dataclass(frozen=True, slots=True)
class StaffConfig:
    """``[staff]``: who may open the kiosk's maintenance mode (docs/staff.md)."""

    #: staff card numbers: presented at the start screen, they open maintenance mode
    cards: tuple[str, ...] = ()
    #: the staff PIN's argon2 hash (``kiosk staff set-pin``), for the hidden gesture
    pin_hash: str = ""
    #: seconds without a touch before maintenance mode locks again
    timeout: float = 120.0
    #: a folder the diagnostics bundle may be saved to, besides USB sticks; empty: none
    export_dir: str = ""
    #: the staff audit log's SQLite file
    audit: str = "var/staff-audit.sqlite"


@dataclass(frozen=True, slots=True)
class MonitoringConfig:
    """``[monitoring]``: ``/healthz`` and ``/metrics`` over HTTP (docs/monitoring.md)."""

    enabled: bool = False
    #: the address to listen on: this machine only, unless the library wants otherwise
    address: str = "127.0.0.1"
    port: int = 9464
    #: seconds without a sign of life from the GUI thread before /healthz says "failing"
    stall_after: float = 10.0


@dataclass(frozen=True, slots=True)
class PrivacyConfig:
    """``[privacy]``: what the library wants at its public screens (PRIVACY.md P2, P11)."""

    #: titles on the member's screens start hidden behind a tap
    discreet_titles: bool = False
    #: the PIN keypad's digits in a new order each time
    shuffle_keypad: bool = False
    #: a folder with the library's privacy statement per language: ``statement-<code>.txt``
    #: (``statement-nl.txt``, ``statement-en.txt``, ...); empty: the short page only
    statement_dir: str = ""


@dataclass(frozen=True, slots=True)
class AccessibilityConfig:
    """``[accessibility]``: how the kiosk starts every session (docs/accessibility.md)."""

    #: every type size and touch target larger (members can switch it for their session)
    large_text: bool = False
    #: every text at least 7:1 against its background (members can switch it too)
    high_contrast: bool = False
    #: a short sound for each item lent, refused or returned and for errors
    sounds: bool = True
    #: their loudness, 0 (silent) to 1
    volume: float = 0.6
    #: each screen's instruction spoken, where a speech engine is installed
    speech: bool = False


@dataclass(frozen=True, slots=True)
class Config:
    source: str = "<defaults>"
    library_name: str = "Bibliotheek Dalfsen"
    branch: str = "DAL"
    language: str = "nl"
    greeting: GreetingStyle = GreetingStyle.FIRST_NAME
    timeouts: Timeouts = field(default_factory=Timeouts)
    ils: IlsConfig = field(default_factory=IlsConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    demo: bool = False
    fullscreen: bool = False
    receipt: ReceiptConfig = field(default_factory=ReceiptConfig)
    #: ``[mail]`` as written: the mail server for e-mailed receipts (checked in bootstrap)
    mail: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    #: ``[codes]`` as written: how passes and item barcodes look (checked in bootstrap)
    codes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    accessibility: AccessibilityConfig = field(default_factory=AccessibilityConfig)
    offline: OfflineConfig = field(default_factory=OfflineConfig)
    monitoring: MonitoringConfig = field(default_factory=MonitoringConfig)
    staff: StaffConfig = field(default_factory=StaffConfig)
    #: ``[kiosk] orientation``: the screen stands "landscape" (1280x800) or "portrait" (800x1280)
    orientation: str = "landscape"
    #: ``[kiosk] screen_diagonal_inch``: the touch screen's size, for 15 mm touch targets
    screen_diagonal_inch: float = 15.6


_DEFAULT = Config()
_LANGUAGES = ("nl", "en", "de", "tr", "ar", "pl", "uk")
_ORIENTATIONS = ("landscape", "portrait")


def secret_problem(path: str | os.PathLike[str]) -> str:
    """Why the secret in the file at ``path`` (a password) may not be used, or "".

    A secret file must be a regular file that not every user of the machine can read or
    write: the kiosk's own user (and group) only, e.g. ``chmod 640`` with group ``kiosk``."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or type(exc).__name__}"
    if not stat.S_ISREG(mode):
        return "is not a file"
    if mode & (stat.S_IROTH | stat.S_IWOTH):
        return (
            f"{os.fspath(path)} can be read or written by every user of this machine "
            f"(mode {stat.S_IMODE(mode):04o}): a secret must not be; "
            f"chmod 640 {os.fspath(path)} (group kiosk) or 600"
        )
    return ""


#: settings that hold a secret inline; a settings file holding one must not be world-readable
INLINE_SECRETS = (("ils", "password"), ("ils", "terminal_password"), ("mail", "password"))


def load(path: Path | None = None, **overrides: Any) -> Config:
    """Read ``path`` (or only defaults) and apply command-line ``overrides``."""
    data: dict[str, Any] = {}
    source = "<defaults>"
    text = ""
    if path is not None:
        source = str(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise ConfigError(source, "(file)", "no such file") from None
        except OSError as exc:
            raise ConfigError(source, "(file)", f"cannot be read ({exc.strerror})") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(source, "(file)", f"is not UTF-8 text ({exc.reason})") from None
        try:
            data = tomllib.loads(text)
            _inline_secrets(path, data, text)
        except tomllib.TOMLDecodeError as exc:
            # Python 3.14 gives the line; before, only the message says it.
            problem = str(exc)
            at = re.search(r"\s*\(at line (\d+), column \d+\)$", problem)
            line = getattr(exc, "lineno", None) or (int(at.group(1)) if at else None)
            if at is not None:
                problem = problem[: at.start()]
            raise ConfigError(source, "(syntax)", problem, line) from None
    try:
        return _build(data, source, overrides)
    except ConfigError as exc:
        if exc.line is not None or not text:
            raise
        raise ConfigError(exc.source, exc.key, exc.problem, line_of(text, exc.key)) from None


def _build(data: dict[str, Any], source: str, overrides: dict[str, Any]) -> Config:
    known = {
        "kiosk",
        "session",
        "ils",
        "devices",
        "codes",
        "receipt",
        "privacy",
        "mail",
        "accessibility",
        "offline",
        "monitoring",
        "staff",
    }
    for key in data:
        if key not in known:
            raise ConfigError(source, f"[{key}]", f"unknown section (known: {sorted(known)})")
    kiosk = _table(data, "kiosk", source)
    session = _table(data, "session", source)
    _known_keys(kiosk, KIOSK_KEYS, "[kiosk]", source)
    _known_keys(session, SESSION_KEYS, "[session]", source)
    ils = _table(data, "ils", source)
    devices = _table(data, "devices", source)
    for key in devices:
        if key not in DevicesConfig.__dataclass_fields__:
            known_keys = sorted(DevicesConfig.__dataclass_fields__)
            raise ConfigError(source, f"[devices] {key}", f"unknown key (known: {known_keys})")
    offline = _offline(_table(data, "offline", source), source)

    greeting_raw = _str(kiosk, "greeting", source, "[kiosk]", GreetingStyle.FIRST_NAME.value)
    try:
        greeting = GreetingStyle(greeting_raw)
    except ValueError:
        choices = ", ".join(g.value for g in GreetingStyle)
        raise ConfigError(source, "[kiosk] greeting", f"must be one of {choices}") from None
    language = _str(kiosk, "language", source, "[kiosk]", "nl")
    if language not in _LANGUAGES:
        raise ConfigError(source, "[kiosk] language", f"must be one of {', '.join(_LANGUAGES)}")

    orientation = _str(kiosk, "orientation", source, "[kiosk]", _DEFAULT.orientation)
    if orientation not in _ORIENTATIONS:
        raise ConfigError(source, "[kiosk] orientation", "must be 'landscape' or 'portrait'")
    diagonal = kiosk.get("screen_diagonal_inch", _DEFAULT.screen_diagonal_inch)
    if (
        isinstance(diagonal, bool)
        or not isinstance(diagonal, int | float)
        or not 5 <= diagonal <= 100
    ):
        raise ConfigError(
            source,
            "[kiosk] screen_diagonal_inch",
            "must be the screen's diagonal in inches (5-100)",
        )

    t = Timeouts()
    timeouts = Timeouts(
        card_entry=_seconds(session, "card_entry_timeout", source, t.card_entry),
        pin=_seconds(session, "pin_timeout", source, t.pin),
        identifying=_seconds(session, "ils_wait_timeout", source, t.identifying),
        home=_seconds(session, "home_timeout", source, t.home),
        confirm_fee=_seconds(session, "confirm_timeout", source, t.confirm_fee),
        receipt=_seconds(session, "receipt_timeout", source, t.receipt),
        goodbye=_seconds(session, "goodbye_timeout", source, t.goodbye, low=1),
        warn_before=_seconds(session, "countdown_from", source, t.warn_before, low=1),
    )
    staff = _staff(_table(data, "staff", source), source)
    timeouts = replace(timeouts, staff=staff.timeout)
    kind = _str(ils, "kind", source, "[ils]", "embedded")
    if kind not in ("embedded", "sip2"):
        raise ConfigError(source, "[ils] kind", "must be 'embedded' or 'sip2'")
    cfg = Config(
        source=source,
        library_name=_str(kiosk, "library_name", source, "[kiosk]", _DEFAULT.library_name),
        branch=_str(kiosk, "branch", source, "[kiosk]", _DEFAULT.branch),
        language=language,
        greeting=greeting,
        timeouts=timeouts,
        ils=IlsConfig(
            kind=kind,
            url=_str(ils, "url", source, "[ils]", DEFAULT_DEMO_DB),
            sip2=_sip2(ils, source) if kind == "sip2" else Sip2Config(),
        ),
        devices=DevicesConfig(
            card_reader=_str(devices, "card_reader", source, "[devices]", "simulated"),
            scanner=_str(devices, "scanner", source, "[devices]", "simulated"),
            printer=_str(devices, "printer", source, "[devices]", "simulated"),
            payment_terminal=_payment_terminal(devices, source, offline.enabled, kind),
            payment_reference=_reference_prefix(devices, source),
            rfid_pad=_str(devices, "rfid_pad", source, "[devices]", "none"),
            rfid=MappingProxyType(_table(devices, "rfid", source, "devices")),
            pcsc=MappingProxyType(_table(devices, "pcsc", source, "devices")),
            serial_scanner=MappingProxyType(_table(devices, "serial_scanner", source, "devices")),
            evdev_scanner=MappingProxyType(_table(devices, "evdev_scanner", source, "devices")),
            receipt_printer=MappingProxyType(_table(devices, "receipt_printer", source, "devices")),
        ),
        fullscreen=_flag(kiosk, "fullscreen", source, "[kiosk]"),
        receipt=_receipt(_table(data, "receipt", source), source),
        privacy=_privacy(_table(data, "privacy", source), source),
        mail=MappingProxyType(_table(data, "mail", source)),
        codes=MappingProxyType(_table(data, "codes", source)),
        accessibility=_accessibility(_table(data, "accessibility", source), source),
        offline=offline,
        monitoring=_monitoring(_table(data, "monitoring", source), source),
        staff=staff,
        orientation=orientation,
        screen_diagonal_inch=float(diagonal),
    )
    if overrides:
        ils_url = overrides.pop("ils_url", None)
        if ils_url:
            cfg = replace(cfg, ils=replace(cfg.ils, url=ils_url))
        cfg = replace(cfg, **overrides)
    return cfg


_SIP2_KEYS = {
    "kind",
    "url",
    *(f for f in Sip2Config.__dataclass_fields__),
}


def _sip2(ils: dict[str, Any], source: str) -> Sip2Config:
    for key in ils:
        if key not in _SIP2_KEYS:
            raise ConfigError(source, f"[ils] {key}", f"unknown key (known: {sorted(_SIP2_KEYS)})")
    d = Sip2Config()

    def text(key: str, default: str) -> str:
        value = ils.get(key, default)
        if not isinstance(value, str):
            raise ConfigError(source, f"[ils] {key}", "must be a text")
        return value

    def boolean(key: str, default: bool) -> bool:
        value = ils.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(source, f"[ils] {key}", "must be true or false")
        return value

    def seconds(key: str, default: float, low: float, high: float) -> float:
        value = ils.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise ConfigError(
                source, f"[ils] {key}", f"must be a number of seconds between {low:g} and {high:g}"
            )
        return float(value)

    port = ils.get("port", d.port)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ConfigError(source, "[ils] port", "must be a TCP port number (1-65535)")
    # profile and encoding names are checked where the SIP2 adapter is built (bootstrap)
    profile = text("profile", d.profile)
    encoding = text("encoding", "")
    terminator = text("terminator", "").upper()
    if terminator not in ("", "CR", "CRLF"):
        raise ConfigError(source, "[ils] terminator", "must be 'CR' or 'CRLF'")
    error_detection = ils.get("error_detection")
    if error_detection is not None and not isinstance(error_detection, bool):
        raise ConfigError(source, "[ils] error_detection", "must be true or false")
    host = text("host", d.host)
    if not host:
        raise ConfigError(source, "[ils] host", "must name the SIP2 server")
    user = text("user", "")
    password, password_file = text("password", ""), text("password_file", "")
    if user and not (password or password_file):
        raise ConfigError(source, "[ils] password_file", "needed with [ils] user (or password)")
    return Sip2Config(
        host=host,
        port=port,
        profile=profile,
        user=user,
        password=password,
        password_file=password_file,
        institution=text("institution", ""),
        location=text("location", ""),
        terminal_password=text("terminal_password", ""),
        tls=boolean("tls", False),
        ca_file=text("ca_file", ""),
        verify=boolean("verify", True),
        client_cert=text("client_cert", ""),
        client_key=text("client_key", ""),
        timeout=seconds("timeout", d.timeout, 1, 120),
        heartbeat=seconds("heartbeat", d.heartbeat, 5, 3600),
        encoding=encoding.lower(),
        terminator=terminator,
        error_detection=error_detection,
        timezone=text("timezone", d.timezone),
    )


def _privacy(table: dict[str, Any], source: str) -> PrivacyConfig:
    known = set(PrivacyConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(source, f"[privacy] {key}", f"unknown key (known: {sorted(known)})")
    flags: dict[str, bool] = {}
    for key in ("discreet_titles", "shuffle_keypad"):
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise ConfigError(source, f"[privacy] {key}", "must be true or false")
        flags[key] = value
    folder = table.get("statement_dir", "")
    if not isinstance(folder, str):
        raise ConfigError(source, "[privacy] statement_dir", "must be a text")
    if folder:
        path = Path(folder)
        if not path.is_dir():
            raise ConfigError(source, "[privacy] statement_dir", f"no such folder: {folder}")
        if not any(path.glob("statement-*.txt")):
            raise ConfigError(
                source, "[privacy] statement_dir", f"holds no statement-<language>.txt: {folder}"
            )
    return PrivacyConfig(flags["discreet_titles"], flags["shuffle_keypad"], folder)


def _reference_prefix(devices: dict[str, Any], source: str) -> str:
    value = devices.get("payment_reference", "")
    if not isinstance(value, str) or not (value == "" or (value.isascii() and value.isalnum())):
        raise ConfigError(
            source, "[devices] payment_reference", "must be letters and digits, e.g. 'DAL1'"
        )
    if len(value) > 8:
        raise ConfigError(source, "[devices] payment_reference", "must be at most 8 characters")
    return value


def _payment_terminal(
    devices: dict[str, Any], source: str, offline_enabled: bool, ils_kind: str
) -> str:
    kind = _str(devices, "payment_terminal", source, "[devices]", "none")
    if kind not in ("none", "simulated"):
        raise ConfigError(
            source,
            "[devices] payment_terminal",
            f"'{kind}' is not available in this version; use 'simulated' or 'none' "
            "(docs/devices.md says how a vendor's terminal is connected)",
        )
    if kind == "simulated" and ils_kind == "sip2":
        raise ConfigError(
            source,
            "[devices] payment_terminal",
            "a simulated terminal approves every payment without taking any money: it cannot "
            "serve a real library system (ils = 'sip2'); use the vendor's adapter, or 'none'",
        )
    if kind != "none" and not offline_enabled:
        raise ConfigError(
            source,
            "[devices] payment_terminal",
            "needs [offline] enabled = true: a payment the terminal approved is kept in the "
            "offline journal until the library system has booked it",
        )
    return kind


def _offline(table: dict[str, Any], source: str) -> OfflineConfig:
    known = set(OfflineConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(source, f"[offline] {key}", f"unknown key (known: {sorted(known)})")
    default = OfflineConfig()
    flags: dict[str, bool] = {}
    for key in ("enabled", "returns"):
        value = table.get(key, getattr(default, key))
        if not isinstance(value, bool):
            raise ConfigError(source, f"[offline] {key}", "must be true or false")
        flags[key] = value
    limit = table.get("max_checkouts", default.max_checkouts)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= 50:
        raise ConfigError(source, "[offline] max_checkouts", "must be a whole number from 0 to 50")
    journal = table.get("journal", default.journal)
    if not isinstance(journal, str) or not journal.strip():
        raise ConfigError(source, "[offline] journal", "must be the path of a file")
    return OfflineConfig(flags["enabled"], limit, flags["returns"], journal)


def _staff(table: dict[str, Any], source: str) -> StaffConfig:
    known = set(StaffConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(source, f"[staff] {key}", f"unknown key (known: {sorted(known)})")
    cards = table.get("cards", [])
    if not isinstance(cards, list) or not all(
        isinstance(c, str) and c.strip().isalnum() for c in cards
    ):
        raise ConfigError(source, "[staff] cards", "must be a list of card numbers, as text")
    pin_hash = table.get("pin_hash", "")
    if not isinstance(pin_hash, str) or (pin_hash and not pin_hash.startswith("$argon2")):
        raise ConfigError(
            source,
            "[staff] pin_hash",
            "must be an argon2 hash: make one with 'kiosk staff set-pin'",
        )
    timeout = table.get("timeout", StaffConfig().timeout)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not 15 <= timeout <= 3600
    ):
        raise ConfigError(source, "[staff] timeout", "must be 15 to 3600 seconds")
    paths = {}
    for key in ("export_dir", "audit"):
        value = table.get(key, getattr(StaffConfig(), key))
        if not isinstance(value, str):
            raise ConfigError(source, f"[staff] {key}", "must be the path of a folder, as text")
        paths[key] = value.strip()
    if not paths["audit"]:
        raise ConfigError(source, "[staff] audit", "must be the path of a file")
    return StaffConfig(
        tuple(c.strip() for c in cards),
        pin_hash,
        float(timeout),
        paths["export_dir"],
        paths["audit"],
    )


def _monitoring(table: dict[str, Any], source: str) -> MonitoringConfig:
    known = set(MonitoringConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(
                source, f"[monitoring] {key}", f"unknown key (known: {sorted(known)})"
            )
    default = MonitoringConfig()
    enabled = table.get("enabled", default.enabled)
    if not isinstance(enabled, bool):
        raise ConfigError(source, "[monitoring] enabled", "must be true or false")
    address = table.get("address", default.address)
    if not isinstance(address, str) or not address.strip():
        raise ConfigError(source, "[monitoring] address", "must be an address to listen on")
    port = table.get("port", default.port)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ConfigError(source, "[monitoring] port", "must be a port number from 1 to 65535")
    stall = table.get("stall_after", default.stall_after)
    if isinstance(stall, bool) or not isinstance(stall, int | float) or not 2 <= stall <= 600:
        raise ConfigError(source, "[monitoring] stall_after", "must be 2 to 600 seconds")
    return MonitoringConfig(enabled, address.strip(), port, float(stall))


def _accessibility(table: dict[str, Any], source: str) -> AccessibilityConfig:
    known = set(AccessibilityConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(
                source, f"[accessibility] {key}", f"unknown key (known: {sorted(known)})"
            )
    d = AccessibilityConfig()
    flags: dict[str, bool] = {}
    for key in ("large_text", "high_contrast", "sounds", "speech"):
        value = table.get(key, getattr(d, key))
        if not isinstance(value, bool):
            raise ConfigError(source, f"[accessibility] {key}", "must be true or false")
        flags[key] = value
    volume = table.get("volume", d.volume)
    if isinstance(volume, bool) or not isinstance(volume, int | float) or not 0 <= volume <= 1:
        raise ConfigError(source, "[accessibility] volume", "must be a number from 0 to 1")
    return AccessibilityConfig(volume=float(volume), **flags)


def _receipt(table: dict[str, Any], source: str) -> ReceiptConfig:
    known = set(ReceiptConfig.__dataclass_fields__)
    for key in table:
        if key not in known:
            raise ConfigError(source, f"[receipt] {key}", f"unknown key (known: {sorted(known)})")
    texts: dict[str, str] = {}
    for key in ("logo", "account_url"):
        value = table.get(key, "")
        if not isinstance(value, str):
            raise ConfigError(source, f"[receipt] {key}", "must be a text")
        texts[key] = value
    if texts["logo"] and not Path(texts["logo"]).is_file():
        raise ConfigError(source, "[receipt] logo", f"no such image file: {texts['logo']}")
    url = texts["account_url"]
    if url and not url.startswith(("https://", "http://")):
        raise ConfigError(source, "[receipt] account_url", "must be a web address (https://...)")
    slips = table.get("return_slips", False)
    if not isinstance(slips, bool):
        raise ConfigError(source, "[receipt] return_slips", "must be true or false")
    lines: dict[str, tuple[str, ...]] = {}
    for key in ("header", "footer"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(source, f"[receipt] {key}", "must be a list of texts")
        lines[key] = tuple(value)
    return ReceiptConfig(texts["logo"], url, lines["header"], lines["footer"], slips)


def _inline_secrets(path: Path, data: dict[str, Any], text: str) -> None:
    """A password written in a settings file every user can read is refused (the key named):
    put it in a secret file (``password_file``) or make the settings file private."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IROTH:
        return
    for section, key in INLINE_SECRETS:
        table = data.get(section)
        if isinstance(table, dict) and table.get(key):
            raise ConfigError(
                str(path),
                f"[{section}] {key}",
                f"a password in a settings file every user can read "
                f"(mode {stat.S_IMODE(mode):04o}): use {key.replace('password', 'password_file')}"
                f" or chmod 640 {path}",
            )


#: the keys of [kiosk] and [session]: a misspelt one is an error, not a silent default
KIOSK_KEYS = frozenset(
    {
        "library_name",
        "branch",
        "language",
        "greeting",
        "orientation",
        "screen_diagonal_inch",
        "fullscreen",
    }
)
SESSION_KEYS = frozenset(
    {
        "card_entry_timeout",
        "pin_timeout",
        "ils_wait_timeout",
        "home_timeout",
        "confirm_timeout",
        "receipt_timeout",
        "goodbye_timeout",
        "countdown_from",
    }
)


def _known_keys(table: dict[str, Any], known: frozenset[str], section: str, source: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(source, f"{section} {key}", f"unknown key (known: {sorted(known)})")


def _flag(table: dict[str, Any], key: str, source: str, section: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(source, f"{section} {key}", "must be true or false")
    return value


def _table(data: dict[str, Any], name: str, source: str, within: str = "") -> dict[str, Any]:
    """The table ``name`` (of the section ``within``, e.g. ``devices``), or an empty one."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        where = f"[{within}.{name}]" if within else f"[{name}]"
        raise ConfigError(source, where, "must be a table")
    return value


def _str(table: dict[str, Any], key: str, source: str, section: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(source, f"{section} {key}", "must be a non-empty text")
    return value


def _seconds(
    table: dict[str, Any], key: str, source: str, default: float, *, low: float = 5
) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= 3600:
        raise ConfigError(
            source, f"[session] {key}", f"must be a number of seconds between {low:g} and 3600"
        )
    return float(value)
