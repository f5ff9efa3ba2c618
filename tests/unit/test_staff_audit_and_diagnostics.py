"""The staff audit log and the diagnostics bundle (``kiosk.ops.audit``, ``kiosk.ops.diagnostics``):
every staff action kept with a masked staff reference, and a bundle for support with no secret
and nothing of a member in it."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.session import staff_ref
from kiosk.ops.audit import AuditError, AuditLog
from kiosk.ops.diagnostics import DiagnosticsError, export_bundle, redact_config

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)

CONFIG = """[kiosk]
library_name = "Bibliotheek Dalfsen"

[ils]
kind = "sip2"
user = "zus-dalfsen-1"
password = "hunter2-sip2"
password_file = "/etc/library-kiosk/sip2-password"
terminal_password = "tp-secret"

[mail]
smtp_password = "mail-secret"

[staff]
pin_hash = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"
"""


def test_every_staff_action_is_kept_with_a_masked_staff_reference(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "state" / "audit.sqlite")
    audit.record(staff_ref("2990000012345"), "test_print", at=NOW)
    audit.record(staff_ref(None), "out_of_service", "Back at 14:00", at=NOW)
    audit.close()
    again = AuditLog(tmp_path / "state" / "audit.sqlite")
    [last, first] = again.recent()
    assert (first.staff, first.action) == ("card …2345", "test_print")
    assert (last.staff, last.action, last.detail) == ("PIN", "out_of_service", "Back at 14:00")
    assert first.at == NOW
    again.close()


def test_an_audit_log_that_cannot_be_opened_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(AuditError, match="file"):
        AuditLog(tmp_path / "file" / "audit.sqlite")


def test_secrets_are_redacted_and_files_that_hold_them_are_named_not_read() -> None:
    redacted = redact_config(CONFIG)
    for secret in ("hunter2-sip2", "tp-secret", "mail-secret", "argon2id"):
        assert secret not in redacted
    assert 'password = "<redacted>"' in redacted
    assert 'pin_hash = "<redacted>"' in redacted
    assert 'password_file = "/etc/library-kiosk/sip2-password"' in redacted
    assert 'user = "zus-dalfsen-1"' in redacted  # what is no secret stays, for support


def test_the_bundle_holds_config_versions_health_log_and_audit(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(CONFIG, encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    path = export_bundle(
        usb,
        config_path=config,
        health={"printer": "ok", "journal_depth": 2},
        log_lines=["2026-11-25 INFO kiosk: receipt printer: ok"],
        audit=[{"action": "export_diagnostics", "staff": "PIN"}],
        now=NOW,
        kiosk_name="Dalfsen kiosk 1",
    )
    assert path.name == "diagnostics-Dalfsen-kiosk-1-20261125T093000Z.zip"
    with zipfile.ZipFile(path) as bundle:
        assert sorted(bundle.namelist()) == [
            "audit.json",
            "config.toml",
            "health.json",
            "log.txt",
            "versions.json",
        ]
        assert "hunter2-sip2" not in bundle.read("config.toml").decode()
        versions = json.loads(bundle.read("versions.json"))
        assert versions["kiosk"] and versions["python"] and "PySide6-Essentials" in versions
        assert json.loads(bundle.read("health.json"))["journal_depth"] == 2
        assert "receipt printer" in bundle.read("log.txt").decode()


def test_a_folder_that_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticsError, match="no folder"):
        export_bundle(
            tmp_path / "no-usb-stick",
            config_path=None,
            health={},
            log_lines=[],
            audit=[],
            now=NOW,
        )
