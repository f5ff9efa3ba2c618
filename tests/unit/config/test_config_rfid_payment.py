"""``[devices] rfid_pad``, ``[devices.rfid]``, ``payment_terminal`` and ``payment_reference``:
every key checked with errors naming the file and key, and what bootstrap builds from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.fakes import FakePaymentTerminal, FakeTagReader
from hardware.rfid import PadWatcher, SecurityFlag
from kiosk import bootstrap
from kiosk.config import ConfigError, load


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_by_default_there_is_neither_pad_nor_terminal() -> None:
    cfg = load()
    assert (cfg.devices.rfid_pad, cfg.devices.payment_terminal) == ("none", "none")
    devices = bootstrap.build_devices(cfg)
    assert devices.rfid is None and devices.payment_terminal is None


def test_simulated_ones_are_built_with_their_settings(tmp_path: Path) -> None:
    cfg = load(
        _write(
            tmp_path,
            '[devices]\nrfid_pad = "simulated"\npayment_terminal = "simulated"\n'
            'payment_reference = "DAL1"\n'
            '[devices.rfid]\nsecurity = "eas"\nask_count = true\npoll = 0.05\n',
        )
    )
    devices = bootstrap.build_devices(cfg)
    assert isinstance(devices.rfid, PadWatcher) and isinstance(devices.rfid.reader, FakeTagReader)
    assert devices.rfid.security.flag is SecurityFlag.EAS
    assert isinstance(devices.payment_terminal, FakePaymentTerminal)
    assert cfg.devices.payment_reference == "DAL1"
    assert bootstrap.rfid_settings(cfg).ask_count is True


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[devices]\npayment_terminal = "ccv"', "[devices] payment_terminal"),
        ('[devices]\npayment_reference = "DAL 1"', "[devices] payment_reference"),
        ('[devices]\npayment_reference = "DALFSEN01"', "[devices] payment_reference"),
        ('[devices]\nrfid = "pcsc"', "[devices.rfid]"),
        ('[devices]\nrfid_pads = "pcsc"', "[devices] rfid_pads"),
        ('[devices]\nrfid_pad = "feig"', "[devices] rfid_pad"),
    ],
)
def test_a_wrong_device_setting_names_its_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        bootstrap.build_devices(load(_write(tmp_path, body)))
    assert f"{key}:" in str(caught.value)


def test_a_terminal_without_the_offline_journal_is_refused(tmp_path: Path) -> None:
    body = '[devices]\npayment_terminal = "simulated"\n[offline]\nenabled = false\n'
    with pytest.raises(ConfigError, match=r"\[devices\] payment_terminal: needs \[offline\]"):
        load(_write(tmp_path, body))


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('security = "gate"', "security"),
        ("afi_secured = 256", "afi_secured"),
        ("afi_unsecured = 0x07", "afi_unsecured"),
        ("ask_count = 1", "ask_count"),
        ("poll = 5", "poll"),
        ('reader = "(["', "reader"),
        ("colour = 1", "colour"),
    ],
)
def test_a_wrong_rfid_setting_names_its_key(tmp_path: Path, table: str, key: str) -> None:
    cfg = load(_write(tmp_path, f'[devices]\nrfid_pad = "simulated"\n[devices.rfid]\n{table}\n'))
    with pytest.raises(ConfigError, match=rf"\[devices\.rfid\] {key}:"):
        bootstrap.build_devices(cfg)


def test_two_kiosks_of_a_branch_get_payment_references_of_their_own(tmp_path: Path) -> None:
    cfg = load()
    first = bootstrap.payment_reference(cfg, host="kiosk-dal-1")
    second = bootstrap.payment_reference(cfg, host="kiosk-dal-2")
    assert first.startswith("DAL") and second.startswith("DAL") and first != second
    assert len(first) == 6 and first.isalnum()
    chosen = load(_write(tmp_path, '[devices]\npayment_reference = "DAL1"\n'))
    assert bootstrap.payment_reference(chosen, host="anything") == "DAL1"


def test_a_simulated_terminal_is_refused_in_front_of_a_real_library_system(
    tmp_path: Path,
) -> None:
    body = (
        '[ils]\nkind = "sip2"\nhost = "127.0.0.1"\nuser = "k"\npassword_file = "/etc/kiosk/pw"\n'
        '[devices]\npayment_terminal = "simulated"\n'
    )
    with pytest.raises(ConfigError, match=r"\[devices\] payment_terminal: a simulated terminal"):
        load(_write(tmp_path, body))
