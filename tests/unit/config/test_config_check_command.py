"""``kiosk config check [FILE]``: a good file says so with what it sets up, a broken one names
file, line and key (exit 1), no file at all exits 2; without FILE, $KIOSK_CONFIG is read."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from kiosk import config_command
from kiosk.cli import main


def _check(path: Path | None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = config_command.run(argparse.Namespace(file=path), out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_good_file_is_said_to_be_good_with_what_it_sets_up(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[kiosk]\nbranch = "DAL"\n[devices]\nrfid_pad = "simulated"\n', encoding="utf-8"
    )
    code, out, err = _check(config)
    assert (code, err) == (0, "")
    assert f"{config}: good" in out and "RFID pad simulated" in out and "embedded" in out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[kiosk]\nbranch = "DAL"\n\n[devices]\nprinter = "usb"\n', "[devices.receipt_printer]"),
        ('[kiosk]\nlanguage = "nl"\n[staff]\ntimeout = "long"\n', ":4: [staff] timeout:"),
        ("[devices.rfid]\nsecurity = 'gate'\n[devices]\nrfid_pad = 'simulated'\n", "security"),
        ("[kiosk\n", "kiosk.toml:1:"),
    ],
)
def test_a_broken_file_names_line_and_key(tmp_path: Path, body: str, expected: str) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(body, encoding="utf-8")
    code, out, err = _check(config)
    assert code == 1 and out == ""
    assert err.startswith("kiosk config check: ") and expected in err, err


def test_a_sip2_password_file_is_read_and_its_permissions_checked(tmp_path: Path) -> None:
    secret = tmp_path / "sip2-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o644)
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[ils]\nkind = "sip2"\nhost = "127.0.0.1"\nuser = "zus-1"\npassword_file = "{secret}"\n',
        encoding="utf-8",
    )
    code, _, err = _check(config)
    assert code == 1 and "[ils] password_file:" in err and "every user" in err
    secret.chmod(0o640)
    code, out, _ = _check(config)
    assert code == 0 and "sip2 127.0.0.1:6001" in out  # nothing connected to check it


def test_without_a_file_kiosk_config_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('[kiosk]\nbranch = "NLE"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    assert main(["config", "check"]) == 0
    assert f"{config}: good" in capsys.readouterr().out
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["config", "check"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_no_file_anywhere_says_where_one_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import config as kiosk_config

    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.setattr(kiosk_config, "DEFAULT_CONFIG", Path("/nonexistent/kiosk.toml"))
    code, _, err = _check(None)
    assert code == 2 and "/etc/kiosk/kiosk.toml" in err


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[kiosk]\nlibary_name = "X"\n', "[kiosk] libary_name"),
        ("[session]\nhome_timout = 60\n", "[session] home_timout"),
        ('[kiosk]\nfullscreen = "yes"\n', "[kiosk] fullscreen"),
    ],
)
def test_a_misspelt_kiosk_or_session_key_is_an_error_not_a_default(
    tmp_path: Path, body: str, key: str
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(body, encoding="utf-8")
    code, _, err = _check(config)
    assert code == 1 and f"{key}:" in err


def test_kiosk_run_says_where_its_process_is_for_systemctl_reload(tmp_path: Path) -> None:
    import os

    from kiosk.run_command import write_pid_file

    pid_file = tmp_path / "kiosk.pid"
    write_pid_file(str(pid_file))
    assert pid_file.read_text(encoding="ascii") == f"{os.getpid()}\n"
    write_pid_file("")  # not asked: nothing written
    write_pid_file(str(tmp_path / "no" / "such" / "dir" / "kiosk.pid"))  # says so, runs on
