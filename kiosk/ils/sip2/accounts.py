"""Login accounts of ``kiosk sip2-server``: who may connect, and how each one's wire looks.

The accounts file is TOML with one ``[[account]]`` table per login (see docs/sip2-server.md)::

    [[account]]
    user = "kiosk-dal-1"
    password_hash = "scrypt$16384$8$1$...$..."   # from `kiosk sip2-server hash-password`
    institution = "DAL"
    location = "DAL"
    encoding = "cp850"          # cp850 | utf-8 | latin-1 | ascii (IBM850, UTF8 also read)
    terminator = "CR"           # CR | CRLF
    error_detection = "auto"    # auto | required | off
    bad_checksum = "resend"     # resend | accept
    accept_flavours = ["bytes"] # bytes | utf8-nfd | codepoints
    profile = "koha"            # optional: defaults for the wire settings above

Passwords are stored only as scrypt hashes (``hashlib.scrypt``: memory-hard, in the standard
library, so no extra dependency); a plain ``password`` key is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kiosk.ils.sip2.codec import ENCODINGS, Flavour, encoding_name
from kiosk.ils.sip2.profiles import PROFILES

ErrorDetection = Literal["auto", "required", "off"]
BadChecksum = Literal["resend", "accept"]

ERROR_DETECTION: tuple[str, ...] = ("auto", "required", "off")
BAD_CHECKSUM: tuple[str, ...] = ("resend", "accept")
TERMINATORS: dict[str, bytes] = {"CR": b"\r", "CRLF": b"\r\n"}

#: scrypt cost written by :func:`hash_password` (about 30-60 ms and 16 MiB a login).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
#: what a stored hash may ask for: a hostile or mistyped file must not make a login eat the
#: machine (128 * n * r * p bytes of memory).
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_MEMORY = 1 << 30


@dataclass(frozen=True, slots=True)
class Account:
    """One login of the SIP2 server and the wire settings of its connections."""

    user: str
    password_hash: str
    institution: str
    location: str
    encoding: str = "cp850"
    terminator: bytes = b"\r"
    error_detection: str = "auto"
    bad_checksum: str = "resend"
    accept_flavours: frozenset[Flavour] = frozenset({Flavour.BYTES})
    profile: str | None = None

    def __repr__(self) -> str:
        # Keep the hash out of reprs (logs, test failure output).
        return (
            f"Account(user={self.user!r}, institution={self.institution!r}, "
            f"location={self.location!r}, encoding={self.encoding!r})"
        )


class AccountsError(Exception):
    """A problem in the accounts file; the message names the file, the account and the key."""


# ------------------------------------------------------------------------------ passwords


@dataclass(frozen=True, slots=True)
class _Scrypt:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes

    def derive(self, password: str) -> bytes:
        return hashlib.scrypt(
            password.encode("utf-8"),
            salt=self.salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=_maxmem(self.n, self.r, self.p),
            dklen=len(self.key),
        )


def _maxmem(n: int, r: int, p: int) -> int:
    # OpenSSL needs a little more than 128 * n * r * p; give it room.
    return 128 * n * r * p + 128 * r * p + (1 << 20) + 128 * n * r * 2


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A storable hash: ``scrypt$n$r$p$salt_b64$hash_b64``.

    Lower ``n`` only for tests: it makes guessing the password cheaper.
    """
    params = _check_params(n, r, p)
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _Scrypt(*params, salt, b"\0" * _KEY_BYTES).derive(password)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(key)}"


def _check_params(n: int, r: int, p: int) -> tuple[int, int, int]:
    if n < 2 or n > _MAX_N or n & (n - 1):
        raise ValueError(f"scrypt n must be a power of two between 2 and {_MAX_N}")
    if not 1 <= r <= _MAX_R:
        raise ValueError(f"scrypt r must be between 1 and {_MAX_R}")
    if not 1 <= p <= _MAX_P:
        raise ValueError(f"scrypt p must be between 1 and {_MAX_P}")
    if 128 * n * r * p > _MAX_MEMORY:
        raise ValueError("scrypt parameters need more than 1 GiB of memory")
    return n, r, p


def _parse_hash(stored: str) -> _Scrypt:
    """The parts of a stored hash; ``ValueError`` with a reason that holds no secret."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("must look like scrypt$n$r$p$salt$hash (from 'hash-password')")
    try:
        n, r, p = (int(x) for x in parts[1:4])
    except ValueError:
        raise ValueError("scrypt n, r and p must be whole numbers") from None
    _check_params(n, r, p)
    try:
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("salt and hash must be base64") from None
    if len(salt) < 8:
        raise ValueError("salt must be at least 8 bytes")
    if not 16 <= len(key) <= 64:
        raise ValueError("hash must be 16 to 64 bytes")
    return _Scrypt(n, r, p, salt, key)


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; compares in constant time.

    An unreadable ``stored`` gives False (``load_accounts`` refuses such files up front).
    """
    try:
        parsed = _parse_hash(stored)
    except ValueError:
        return False
    return hmac.compare_digest(parsed.derive(password), parsed.key)


def dummy_hash_like(stored: str | None) -> str:
    """A hash with the same cost as ``stored`` that no password matches.

    The server checks a password against it for unknown users, so that a login takes as long
    whether or not the user exists.
    """
    params = (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    key_len = _KEY_BYTES
    if stored is not None:
        try:
            parsed = _parse_hash(stored)
            params, key_len = (parsed.n, parsed.r, parsed.p), len(parsed.key)
        except ValueError:
            pass
    n, r, p = params
    salt = secrets.token_bytes(_SALT_BYTES)
    key = secrets.token_bytes(key_len)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(key)}"


# ------------------------------------------------------------------------------ the file

_KEYS = frozenset(
    {
        "user",
        "password_hash",
        "institution",
        "location",
        "encoding",
        "terminator",
        "error_detection",
        "bad_checksum",
        "accept_flavours",
        "profile",
    }
)
_PLAIN_PASSWORD_KEYS = frozenset({"password", "pass", "pwd", "secret"})


class _Where:
    """Builds error messages: ``accounts.toml: account 2 (user 'x'): encoding: ...``."""

    def __init__(self, source: str, index: int, user: str | None) -> None:
        self.prefix = f"{source}: account {index}"
        if user:
            self.prefix += f" (user {user!r})"

    def error(self, key: str, problem: str) -> AccountsError:
        return AccountsError(f"{self.prefix}: {key}: {problem}")


def load_accounts(path: Path) -> dict[str, Account]:
    """Read and check the accounts file; the result maps user name to account.

    Every problem raises :class:`AccountsError` naming the file, the account (its index from 1
    and its user) and the key.
    """
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AccountsError(f"{source}: no such file") from None
    except OSError as exc:
        raise AccountsError(f"{source}: cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise AccountsError(f"{source}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise AccountsError(f"{source}: not valid TOML: {exc}") from None
    return accounts_from(data, source)


def accounts_from(data: Mapping[str, Any], source: str = "<accounts>") -> dict[str, Account]:
    """Accounts from already parsed TOML (``{"account": [...]}``)."""
    unknown = sorted(set(data) - {"account"})
    if unknown:
        raise AccountsError(
            f"{source}: {unknown[0]}: unknown top-level key (only [[account]] tables belong here)"
        )
    tables = data.get("account")
    if tables is None:
        raise AccountsError(f"{source}: account: no [[account]] tables; the server needs one")
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise AccountsError(f"{source}: account: must be [[account]] tables")
    if not tables:
        raise AccountsError(f"{source}: account: no [[account]] tables; the server needs one")
    accounts: dict[str, Account] = {}
    for index, table in enumerate(tables, start=1):
        account = _account(table, source, index)
        if account.user in accounts:
            raise _Where(source, index, account.user).error(
                "user", "duplicate: another account has this user name"
            )
        accounts[account.user] = account
    return accounts


def _account(table: dict[str, Any], source: str, index: int) -> Account:
    user_value = table.get("user")
    where = _Where(source, index, user_value if isinstance(user_value, str) else None)
    for key in table:
        if key.lower() in _PLAIN_PASSWORD_KEYS:
            raise where.error(
                key,
                "plain-text passwords are not allowed; store a password_hash from "
                "'kiosk sip2-server hash-password'",
            )
        if key not in _KEYS:
            raise where.error(key, f"unknown key (known: {', '.join(sorted(_KEYS))})")

    user = _text(table, "user", where, required=True)
    assert user is not None
    password_hash = _text(table, "password_hash", where, required=True)
    assert password_hash is not None
    try:
        _parse_hash(password_hash)
    except ValueError as exc:
        raise where.error("password_hash", str(exc)) from None
    institution = _text(table, "institution", where, required=True)
    location = _text(table, "location", where, required=True)
    assert institution is not None
    assert location is not None

    profile_name = _text(table, "profile", where)
    if profile_name is not None and profile_name not in PROFILES:
        raise where.error("profile", f"unknown profile (known: {', '.join(PROFILES)})")
    base = PROFILES[profile_name] if profile_name is not None else None

    encoding = _choice(
        table, "encoding", ENCODINGS, where, base.encoding if base is not None else "cp850"
    )
    term_default = "CR"
    if base is not None:
        term_default = "CRLF" if base.terminator == b"\r\n" else "CR"
    terminator = _choice(table, "terminator", tuple(TERMINATORS), where, term_default)
    ed_default = "auto" if base is None or base.error_detection else "off"
    error_detection = _choice(table, "error_detection", ERROR_DETECTION, where, ed_default)
    bad_checksum = _choice(
        table, "bad_checksum", BAD_CHECKSUM, where, base.bad_checksum if base else "resend"
    )
    flavours = base.accept if base is not None else frozenset({Flavour.BYTES})
    if "accept_flavours" in table:
        flavours = _flavours(table["accept_flavours"], where)
    return Account(
        user=user,
        password_hash=password_hash,
        institution=institution,
        location=location,
        encoding=encoding,
        terminator=TERMINATORS[terminator],
        error_detection=error_detection,
        bad_checksum=bad_checksum,
        accept_flavours=flavours,
        profile=profile_name,
    )


def _text(table: dict[str, Any], key: str, where: _Where, *, required: bool = False) -> str | None:
    if key not in table:
        if required:
            raise where.error(key, "missing")
        return None
    value = table[key]
    if not isinstance(value, str):
        raise where.error(key, "must be a string")
    if not value.strip():
        raise where.error(key, "must not be empty")
    if value != value.strip() or not value.isprintable() or "|" in value:
        raise where.error(
            key, "must not contain '|', control characters or leading/trailing spaces"
        )
    if not value.isascii() and key != "password_hash":
        # User names, institution and location codes travel in every frame's AO/AP/CN.
        raise where.error(key, "must be ASCII")
    return value


def _choice(
    table: dict[str, Any], key: str, allowed: tuple[str, ...], where: _Where, default: str
) -> str:
    if key not in table:
        return default
    value = table[key]
    if not isinstance(value, str):
        raise where.error(key, f"must be a string, one of {', '.join(allowed)}")
    normal = value
    if key == "encoding":
        normal = encoding_name(value) or value  # UTF8, IBM850, ... as people write them
    elif key == "terminator":
        normal = value.upper()
    if normal not in allowed:
        raise where.error(key, f"{value!r} is not one of {', '.join(allowed)}")
    return normal


def _flavours(value: Any, where: _Where) -> frozenset[Flavour]:
    known = ", ".join(f.value for f in Flavour)
    if not isinstance(value, list) or not value:
        raise where.error("accept_flavours", f"must be a non-empty list of: {known}")
    out: set[Flavour] = set()
    for item in value:
        try:
            out.add(Flavour(item))
        except ValueError:
            raise where.error("accept_flavours", f"{item!r} is not one of {known}") from None
    return frozenset(out)
