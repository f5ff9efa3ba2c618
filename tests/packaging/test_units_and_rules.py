"""The kiosk's systemd units pass ``systemd-analyze verify`` (in a root made of this machine's
units, the packaged ones and their programs), harden what they run, and the udev rules give
the kiosk group its devices only. Under ``CI`` a missing systemd-analyze fails the run."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
UNITS = sorted((PACKAGING / "systemd").glob("*.service"))
#: the programs the units start, as the package installs them (stubs in the verify root)
PROGRAMS = ("/usr/bin/cage", "/usr/bin/env", "/bin/sh", "/opt/library-kiosk/venv/bin/kiosk")


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"under CI this needs {what} (tools/setup-system.sh installs the packages)")
    pytest.skip(f"this needs {what}")


def _unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_there_are_the_kiosk_and_the_sip2_server_units() -> None:
    assert [u.name for u in UNITS] == ["library-kiosk-sip2.service", "library-kiosk.service"]


@pytest.mark.parametrize("unit", UNITS, ids=[u.stem for u in UNITS])
def test_systemd_analyze_verify_finds_nothing(unit: Path, tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    system_units = Path("/usr/lib/systemd/system")
    _need("systemd-analyze (Debian package systemd)", analyze is not None)
    _need("the system's own units", system_units.is_dir())
    root = tmp_path / "root"
    shutil.copytree(system_units, root / "usr/lib/systemd/system", symlinks=True)
    shutil.copy(unit, root / "usr/lib/systemd/system" / unit.name)
    for program in PROGRAMS:
        stub = root / program.lstrip("/")
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("#!/bin/sh\n", encoding="utf-8")
        stub.chmod(0o755)
    assert analyze is not None
    done = subprocess.run(
        [analyze, "verify", f"--root={root}", unit.name],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr


@pytest.mark.parametrize("unit", UNITS, ids=[u.stem for u in UNITS])
def test_each_unit_runs_unprivileged_and_hardened(unit: Path) -> None:
    service = _unit(unit)["Service"]
    assert service["User"] not in ("root", "nobody") and service["User"].startswith("kiosk")
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "PrivateTmp": "yes",
        "ProtectHome": "yes",
        "Restart": "always",
    }.items():
        assert service.get(key) == value, (unit.name, key)
    assert "DeviceAllow" not in service  # devices through groups and udev only


def test_the_kiosk_runs_in_cage_with_the_watchdog_and_its_settings() -> None:
    service = _unit(PACKAGING / "systemd" / "library-kiosk.service")["Service"]
    assert service["ExecStart"].startswith("/usr/bin/cage ")
    assert "/opt/library-kiosk/venv/bin/kiosk run" in service["ExecStart"]
    assert "-u WATCHDOG_PID" in service["ExecStart"]  # the kiosk is cage's child
    assert (service["Type"], service["NotifyAccess"]) == ("notify", "all")
    assert int(service["WatchdogSec"]) > 0
    text = (PACKAGING / "systemd" / "library-kiosk.service").read_text(encoding="utf-8")
    assert "Environment=KIOSK_CONFIG=/etc/kiosk/kiosk.toml" in text.splitlines()


_RULE = re.compile(r'^(?:[A-Z_]+(?:\{[A-Za-z_]+\})?(?:==|!=|=|\+=|:=)"[^"]*"(?:, |$))+$')


def test_the_udev_rules_are_well_formed_and_give_the_kiosk_group_only() -> None:
    lines = [
        line
        for line in (PACKAGING / "udev" / "70-library-kiosk.rules").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) >= 10
    for line in lines:
        assert _RULE.match(line), line
        assert 'GROUP="kiosk"' in line, line
        assert re.search(r'MODE="06[46]0"', line), line  # never for every user
        assert "RUN" not in line and "OWNER" not in line


def test_the_polkit_rule_lets_the_kiosk_user_use_pcscd_and_nothing_more() -> None:
    text = (PACKAGING / "polkit" / "library-kiosk.rules").read_text(encoding="utf-8")
    assert 'subject.user == "kiosk"' in text
    actions = set(re.findall(r'action\.id == "([^"]+)"', text))
    assert actions == {"org.debian.pcsc-lite.access_pcsc", "org.debian.pcsc-lite.access_card"}


def test_systemctl_reload_reaches_the_kiosk_not_cage() -> None:
    text = (PACKAGING / "systemd" / "library-kiosk.service").read_text(encoding="utf-8")
    assert "Environment=KIOSK_PID_FILE=/run/library-kiosk/kiosk.pid" in text.splitlines()
    assert "RuntimeDirectory=library-kiosk" in text.splitlines()
    assert any(
        line.startswith("ExecReload=") and "kill -HUP" in line and "kiosk.pid" in line
        for line in text.splitlines()
    )


def test_the_sip2_server_reads_its_accounts_from_a_folder_of_its_own() -> None:
    service = _unit(PACKAGING / "systemd" / "library-kiosk-sip2.service")["Service"]
    assert "--accounts /etc/kiosk-sip2/sip2-accounts.toml" in service["ExecStart"]
    assert service["ConfigurationDirectory"] == "kiosk-sip2"
