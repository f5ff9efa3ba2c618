"""``kiosk staff set-pin`` and ``[staff]``: an argon2 hash of the staff PIN in the
configuration, the rest of the file untouched, and clear errors (docs/staff.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import ConfigError, StaffConfig, load
from kiosk.staff_command import verify_pin, write_pin_hash


def _set_pin(monkeypatch: pytest.MonkeyPatch, config: Path, typed: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed + "\n"))
    return main(["staff", "set-pin", "--config", str(config), "--pin-stdin"])


def test_the_pin_is_hashed_into_staff_and_nothing_else_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nbranch = "DAL"   # Dalfsen\n\n[staff]\ncards = ["2990000012345"]\n')
    assert _set_pin(monkeypatch, config, "482913") == 0
    text = config.read_text()
    assert "482913" not in text and "482913" not in capsys.readouterr().out
    assert text.startswith('[kiosk]\nbranch = "DAL"   # Dalfsen\n')
    staff = load(config).staff
    assert staff.cards == ("2990000012345",)
    assert staff.pin_hash.startswith("$argon2id$")
    assert verify_pin(staff.pin_hash, "482913")
    assert not verify_pin(staff.pin_hash, "482914")
    assert not verify_pin("$argon2id$broken", "482913")

    first = staff.pin_hash
    assert _set_pin(monkeypatch, config, "55550000") == 0  # again: replaced, not added
    again = load(config).staff.pin_hash
    assert again != first and config.read_text().count("pin_hash") == 1


def test_a_file_without_staff_gets_the_table(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nlanguage = "nl"\n')
    write_pin_hash(config, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g")
    assert load(config).staff.pin_hash.startswith("$argon2id$")
    assert load(config).language == "nl"


@pytest.mark.parametrize("typed", ["123", "12345678901234", "12a4", ""])
def test_a_pin_that_is_not_4_to_12_digits_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\n")
    assert _set_pin(monkeypatch, config, typed) == 2
    assert "4 to 12 digits" in capsys.readouterr().err
    assert config.read_text() == "[kiosk]\n"


def test_a_broken_configuration_is_named_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk\n")
    assert _set_pin(monkeypatch, config, "482913") == 2
    assert str(config) in capsys.readouterr().err
    assert config.read_text() == "[kiosk\n"


def test_staff_defaults_and_errors_name_the_key(tmp_path: Path) -> None:
    assert load().staff == StaffConfig((), "", 120.0)
    config = tmp_path / "kiosk.toml"
    for body, key in (
        ("cards = 2990000012345", "[staff] cards"),
        ('cards = ["29 90"]', "[staff] cards"),
        ('pin_hash = "1234"', "[staff] pin_hash"),
        ("timeout = 5", "[staff] timeout"),
        ("pin = 1234", "[staff] pin"),
    ):
        config.write_text(f"[staff]\n{body}\n")
        with pytest.raises(ConfigError) as err:
            load(config)
        assert err.value.key == key
