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


def _keys_written(text: str) -> set[str]:
    """Every ``key =`` of a TOML file, set or commented out (``# key = ...``)."""
    import re

    return set(re.findall(r"^\s*#?\s*([a-z_]+)\s*=", text, flags=re.MULTILINE))


def test_the_commented_example_names_every_setting_the_kiosk_reads() -> None:
    from kiosk import bootstrap
    from kiosk.config import (
        _SIP2_KEYS,
        KIOSK_KEYS,
        SESSION_KEYS,
        AccessibilityConfig,
        DevicesConfig,
        MonitoringConfig,
        OfflineConfig,
        PrivacyConfig,
        ReceiptConfig,
        StaffConfig,
    )

    text = (EXAMPLES / "kiosk.example.toml").read_text(encoding="utf-8")
    written = _keys_written(text)
    wanted = set(KIOSK_KEYS) | set(SESSION_KEYS) | set(_SIP2_KEYS)
    for table in (
        DevicesConfig,
        ReceiptConfig,
        OfflineConfig,
        StaffConfig,
        MonitoringConfig,
        PrivacyConfig,
        AccessibilityConfig,
        bootstrap.RfidSettings,
    ):
        wanted |= set(table.__dataclass_fields__)
    wanted -= {"pcsc", "receipt_printer", "serial_scanner", "evdev_scanner", "rfid"}  # tables
    assert sorted(wanted - written) == []
    for section in ("[devices.pcsc]", "[devices.receipt_printer]", "[devices.rfid]", "[codes]"):
        assert section in text


def test_the_commented_example_checks_good_with_its_secret_in_place(tmp_path: Path) -> None:
    import argparse
    import io

    from kiosk import config_command

    secret = tmp_path / "sip2-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o640)
    text = (EXAMPLES / "kiosk.example.toml").read_text(encoding="utf-8")
    copy = tmp_path / "kiosk.toml"
    copy.write_text(text.replace("/etc/kiosk/sip2-password", str(secret)), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert config_command.run(argparse.Namespace(file=copy), out, err) == 0, err.getvalue()
    assert "good" in out.getvalue()
