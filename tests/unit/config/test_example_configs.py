"""The example configuration files shipped in resources/config load without an error."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import load
from kiosk.ils.sip2.accounts import load_accounts, verify_password

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "config"


def test_the_sip2_kiosk_example_loads() -> None:
    cfg = load(EXAMPLES / "kiosk-sip2.example.toml")
    assert cfg.ils.kind == "sip2"
    assert (cfg.ils.sip2.profile, cfg.ils.sip2.tls) == ("wise", True)


def test_the_sip2_accounts_example_loads_and_its_hash_is_of_change_me() -> None:
    accounts = load_accounts(EXAMPLES / "sip2-accounts.example.toml")
    assert set(accounts) == {"zus-dalfsen-1", "zus-nieuwleusen-1"}
    assert accounts["zus-nieuwleusen-1"].terminator == b"\r\n"
    assert verify_password("change-me", accounts["zus-dalfsen-1"].password_hash)
