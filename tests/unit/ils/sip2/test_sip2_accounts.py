"""The SIP2 server's accounts file and its password hashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ils.sip2.accounts import (
    Account,
    AccountsError,
    dummy_hash_like,
    hash_password,
    load_accounts,
    verify_password,
)
from kiosk.ils.sip2.codec import Flavour

FAST = hash_password("pw", n=16)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "accounts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _table(**keys: object) -> str:
    values = {
        "user": "kiosk-1",
        "password_hash": FAST,
        "institution": "DAL",
        "location": "DAL-C",
        **keys,
    }
    lines = ["[[account]]"]
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key} = [{', '.join(repr(v) for v in value)}]")
        elif isinstance(value, str):
            lines.append(f'{key} = "{value}"')
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ passwords


def test_hash_and_verify_round_trip() -> None:
    stored = hash_password("geheim wachtwoord é")
    name, n, r, p, salt, key = stored.split("$")
    assert (name, n, r, p) == ("scrypt", "16384", "8", "1")
    assert salt
    assert key
    assert verify_password("geheim wachtwoord é", stored)
    assert not verify_password("geheim wachtwoord e", stored)
    assert not verify_password("", stored)


def test_hashes_are_salted() -> None:
    assert hash_password("pw", n=16) != hash_password("pw", n=16)
    assert verify_password("pw", FAST)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "pw",
        "bcrypt$16$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$1$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ],
)
def test_unreadable_or_too_costly_hashes_never_verify(stored: str) -> None:
    assert not verify_password("pw", stored)


def test_refuses_costs_that_could_exhaust_memory() -> None:
    with pytest.raises(ValueError, match="power of two"):
        hash_password("pw", n=2**21)
    with pytest.raises(ValueError, match="power of two"):
        hash_password("pw", n=1000)


def test_dummy_hash_has_the_same_cost_and_matches_nothing() -> None:
    dummy = dummy_hash_like(FAST)
    assert dummy.split("$")[:4] == FAST.split("$")[:4]
    assert not verify_password("pw", dummy)
    assert dummy_hash_like(None).split("$")[1] == "16384"


def test_account_repr_keeps_the_hash_out() -> None:
    account = Account("k", FAST, "DAL", "DAL")
    assert FAST not in repr(account)
    assert FAST.split("$")[5] not in repr(account)


# ------------------------------------------------------------------------------ the file


def test_loads_a_full_account(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _table(
            encoding="UTF-8",
            terminator="CRLF",
            error_detection="required",
            bad_checksum="accept",
            accept_flavours=["bytes", "utf8-nfd"],
        )
        + _table(user="kiosk-2"),
    )
    accounts = load_accounts(path)
    assert list(accounts) == ["kiosk-1", "kiosk-2"]
    first = accounts["kiosk-1"]
    assert first == Account(
        user="kiosk-1",
        password_hash=FAST,
        institution="DAL",
        location="DAL-C",
        encoding="utf-8",
        terminator=b"\r\n",
        error_detection="required",
        bad_checksum="accept",
        accept_flavours=frozenset({Flavour.BYTES, Flavour.UTF8_NFD}),
    )
    assert load_accounts(_write(tmp_path, _table(encoding="IBM850")))["kiosk-1"].encoding == "cp850"
    second = accounts["kiosk-2"]
    assert (second.encoding, second.terminator, second.error_detection) == ("cp850", b"\r", "auto")
    assert (second.bad_checksum, second.accept_flavours) == ("resend", frozenset({Flavour.BYTES}))
    assert second.profile is None


def test_profile_gives_defaults_and_keys_override_them(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _table(profile="koha")
        + _table(user="k2", profile="koha", terminator="CR")
        # Sierra's profile accepts bad checksums.
        + _table(user="k3", profile="sierra"),
    )
    accounts = load_accounts(path)
    koha = accounts["kiosk-1"]
    assert (koha.encoding, koha.terminator, koha.profile) == ("utf-8", b"\r\n", "koha")
    assert koha.accept_flavours == frozenset({Flavour.BYTES, Flavour.CODEPOINTS})
    assert accounts["k2"].terminator == b"\r"
    assert accounts["k3"].bad_checksum == "accept"
    assert accounts["k3"].encoding == "cp850"


@pytest.mark.parametrize(
    ("tables", "where", "problem"),
    [
        (_table(password="secret"), "account 1 (user 'kiosk-1'): password:", "plain-text"),
        (_table(colour="blue"), "account 1 (user 'kiosk-1'): colour:", "unknown key"),
        (_table() + _table(), "account 2 (user 'kiosk-1'): user:", "duplicate"),
        (_table(encoding="ebcdic"), "account 1 (user 'kiosk-1'): encoding:", "not one of"),
        (_table(terminator="LF"), "account 1 (user 'kiosk-1'): terminator:", "not one of"),
        (
            _table(error_detection="yes"),
            "account 1 (user 'kiosk-1'): error_detection:",
            "not one of",
        ),
        (_table(bad_checksum="ignore"), "account 1 (user 'kiosk-1'): bad_checksum:", "not one"),
        (
            _table(accept_flavours=["bytes", "crc"]),
            "account 1 (user 'kiosk-1'): accept_flavours:",
            "'crc'",
        ),
        (_table(accept_flavours=[]), "account 1 (user 'kiosk-1'): accept_flavours:", "list"),
        (_table(profile="aleph"), "account 1 (user 'kiosk-1'): profile:", "unknown profile"),
        (_table(password_hash="md5$x"), "account 1 (user 'kiosk-1'): password_hash:", "scrypt$"),
        (_table(location=None), "account 1 (user 'kiosk-1'): location:", "missing"),
        (_table(institution=""), "account 1 (user 'kiosk-1'): institution:", "empty"),
        (_table(institution="A|B"), "account 1 (user 'kiosk-1'): institution:", "'|'"),
        (_table(user=None), "account 1: user:", "missing"),
        (_table(location=3), "account 1 (user 'kiosk-1'): location:", "string"),
        (_table(user="kiosk-2") + _table(user="k", terminator=7), "account 2 (user 'k')", "one of"),
        ('pool = "x"\n' + _table(), "pool:", "unknown top-level key"),
        ("", "account:", "no [[account]]"),
        ('account = "x"\n', "account:", "[[account]] tables"),
    ],
)
def test_errors_name_the_file_account_and_key(
    tmp_path: Path, tables: str, where: str, problem: str
) -> None:
    path = _write(tmp_path, tables)
    with pytest.raises(AccountsError) as caught:
        load_accounts(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {where}")
    assert problem in message
    assert FAST not in message


def test_plain_password_value_is_not_echoed(tmp_path: Path) -> None:
    path = _write(tmp_path, _table(password="hunter2"))
    with pytest.raises(AccountsError, match="plain-text") as caught:
        load_accounts(path)
    assert "hunter2" not in str(caught.value)


def test_missing_file_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(AccountsError, match=r"accounts\.toml: no such file"):
        load_accounts(tmp_path / "accounts.toml")
    with pytest.raises(AccountsError, match=r"accounts\.toml: not valid TOML"):
        load_accounts(_write(tmp_path, "[[account]\nuser = 1\n"))
    path = tmp_path / "accounts.toml"
    path.write_bytes(b"\xff\xfe[[account]]")
    with pytest.raises(AccountsError, match="not UTF-8"):
        load_accounts(path)
