"""``[monitoring]``: defaults, every key checked, errors naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, MonitoringConfig, load


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_off_by_default_and_on_this_machine_only_when_on() -> None:
    assert load().monitoring == MonitoringConfig(False, "127.0.0.1", 9464, 10.0)


def test_every_key_is_read(tmp_path: Path) -> None:
    body = '[monitoring]\nenabled = true\naddress = "::1"\nport = 9100\nstall_after = 30\n'
    assert load(_write(tmp_path, body)).monitoring == MonitoringConfig(True, "::1", 9100, 30.0)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('enabled = "yes"', "[monitoring] enabled"),
        ('address = ""', "[monitoring] address"),
        ("port = 0", "[monitoring] port"),
        ("port = 70000", "[monitoring] port"),
        ('port = "9464"', "[monitoring] port"),
        ("stall_after = 1", "[monitoring] stall_after"),
        ("stall_after = true", "[monitoring] stall_after"),
        ("listen = 1", "[monitoring] listen"),
    ],
)
def test_a_wrong_value_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(_write(tmp_path, f"[monitoring]\n{body}\n"))
    assert err.value.key == key
