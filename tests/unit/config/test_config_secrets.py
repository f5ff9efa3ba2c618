"""Secrets: a password file every user of the machine can read (or write) is refused, with the
key at fault named; so is a password written in a settings file every user can read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import bootstrap
from kiosk.config import ConfigError, load, secret_problem


def _sip2(tmp_path: Path, secret: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[ils]\nkind = "sip2"\nhost = "127.0.0.1"\nport = 1\nuser = "zus-1"\n'
        f'password_file = "{secret}"\n',
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize("mode", [0o644, 0o666, 0o602])
def test_a_password_file_every_user_can_read_or_write_is_refused(tmp_path: Path, mode: int) -> None:
    secret = tmp_path / "sip2-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(mode)
    with pytest.raises(ConfigError) as caught:
        bootstrap.build_library(load(_sip2(tmp_path, secret)))
    text = str(caught.value)
    assert "[ils] password_file:" in text and f"mode {mode:04o}" in text
    assert "chmod 640" in text and "geheim" not in text


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o400])
def test_a_password_file_of_the_kiosk_alone_is_accepted(tmp_path: Path, mode: int) -> None:
    secret = tmp_path / "sip2-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(mode)
    assert secret_problem(secret) == ""


def test_a_folder_or_a_missing_file_is_no_secret(tmp_path: Path) -> None:
    assert secret_problem(tmp_path) == "is not a file"
    assert secret_problem(tmp_path / "none").startswith("cannot be read")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[ils]\nkind = "sip2"\nhost = "h"\nuser = "u"\npassword = "geheim"\n', "[ils] password"),
        ('[ils]\nterminal_password = "tp"\n', "[ils] terminal_password"),
        ('[mail]\nhost = "smtp"\npassword = "geheim"\n', "[mail] password"),
    ],
)
def test_a_password_in_a_settings_file_every_user_can_read_is_refused(
    tmp_path: Path, body: str, key: str
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(body, encoding="utf-8")
    config.chmod(0o644)
    with pytest.raises(ConfigError) as caught:
        load(config)
    assert f"{key}: a password in a settings file every user can read" in str(caught.value)
    config.chmod(0o640)  # the kiosk's own: allowed (a secret file is still better)
    assert load(config).source == str(config)
