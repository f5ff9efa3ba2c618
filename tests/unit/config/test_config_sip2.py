"""``[ils] kind = "sip2"``: every key checked, errors name the file and key, and bootstrap builds
a ``Sip2Library`` that really talks to a SIP2 server."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import bootstrap
from kiosk.config import ConfigError, load


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sip2_keys_are_read(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o600)  # a secret: not for every user
    cfg = load(
        _write(
            tmp_path,
            f"""
[ils]
kind = "sip2"
host = "sip2.example"
port = 6010
profile = "wise"
user = "zus-1"
password_file = "{secret}"
institution = "DAL"
tls = true
timeout = 8
terminator = "crlf"
encoding = "UTF-8"
""",
        )
    )
    c = cfg.ils.sip2
    assert (c.host, c.port, c.profile, c.user, c.tls, c.timeout) == (
        "sip2.example",
        6010,
        "wise",
        "zus-1",
        True,
        8.0,
    )
    assert (c.terminator, c.encoding) == ("CRLF", "utf-8")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('port = "6001"', "[ils] port"),
        ("port = 70000", "[ils] port"),
        ('user = "zus-1"', "[ils] password_file"),
        ('terminator = "LF"', "[ils] terminator"),
        ("timeout = 0", "[ils] timeout"),
        ("tls = 1", "[ils] tls"),
        ('hots = "x"', "[ils] hots"),
    ],
)
def test_a_wrong_sip2_key_names_the_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = _write(tmp_path, f'[ils]\nkind = "sip2"\n{body}\n')
    with pytest.raises(ConfigError) as err:
        load(path)
    assert err.value.key == key
    assert str(path) in str(err.value)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('profile = "alma"', "[ils] profile"),
        ('encoding = "ebcdic"', "[ils] encoding"),
        ('user = "u"\npassword_file = "/nonexistent/pw"', "[ils] password_file"),
        ('ca_file = "/nonexistent/ca.pem"', "[ils] ca_file"),
    ],
)
def test_bootstrap_refuses_what_it_cannot_build(tmp_path: Path, body: str, key: str) -> None:
    cfg = load(_write(tmp_path, f'[ils]\nkind = "sip2"\n{body}\n'))
    with pytest.raises(ConfigError) as err:
        bootstrap.build_library(cfg)
    assert err.value.key == key


def test_bootstrap_builds_a_sip2_library_that_reaches_the_server(tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    from kiosk.bench.memory_library import MemoryLibrary
    from kiosk.ils.sip2.accounts import Account, hash_password
    from kiosk.ils.sip2.acs import AcsResponder
    from kiosk.ils.sip2.server import Sip2Server, run_in_thread

    lib = MemoryLibrary(members=3, items=3)
    responder = AcsResponder(lambda branch: lib, tz=ZoneInfo("Europe/Amsterdam"))
    account = Account("zus-1", hash_password("geheim"), "DAL", "DAL", encoding="utf-8")
    secret = tmp_path / "pw"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o600)  # a secret: not for every user
    with run_in_thread(Sip2Server(responder, {"zus-1": account}, port=0)) as port:
        cfg = load(
            _write(
                tmp_path,
                f"""
[ils]
kind = "sip2"
port = {port}
profile = "kiosk"
user = "zus-1"
password_file = "{secret}"

[offline]
journal = "{tmp_path / "offline-journal.sqlite"}"
""",
            )
        )
        library = bootstrap.build_library(cfg)
        try:
            assert library.status().online
            assert library.identify(lib.cards[0]).outcome.ok
            assert library.check_out(lib.cards[0], lib.barcodes[0]).outcome.ok
        finally:
            library.close()  # type: ignore[attr-defined]


def test_an_unknown_time_zone_names_the_key(tmp_path: Path) -> None:
    cfg = load(_write(tmp_path, '[ils]\nkind = "sip2"\ntimezone = "Europe/Dalfsen"\n'))
    with pytest.raises(ConfigError) as err:
        bootstrap.build_library(cfg)
    assert err.value.key == "[ils] timezone"


# ---------------------------------------------------------------- [devices] card_reader = "pcsc"
def test_a_pcsc_reader_is_built_from_its_table(tmp_path: Path) -> None:
    pytest.importorskip("smartcard", reason="pyscard needs libpcsclite")
    from hardware.codes import UidEncoding, UidRule
    from hardware.pcsc import PcscCardReader

    cfg = load(
        _write(
            tmp_path,
            '[devices]\ncard_reader = "pcsc"\nscanner = "none"\nprinter = "none"\n'
            '[devices.pcsc]\nreader = "^Virtual PCD"\n'
            '[devices.pcsc.uid]\nencoding = "hex"\nreverse = true\n',
        )
    )
    reader = bootstrap.build_devices(cfg).card_reader
    assert isinstance(reader, PcscCardReader)
    assert reader._settings.uid_rule == UidRule(UidEncoding.HEX, reverse=True)


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('[devices.pcsc]\nreader = "(["', "[devices.pcsc] reader"),
        ('[devices.pcsc]\nmethod = "magnetic"', "[devices.pcsc] method"),
        ('[devices.pcsc]\nmethod = "apdu"', "[devices.pcsc] apdus"),
        ('[devices.pcsc]\napdus = ["zz"]', "[devices.pcsc] apdus"),
        ("[devices.pcsc]\nport = 1", "[devices.pcsc] port"),
        ('[devices.pcsc.uid]\nencoding = "octal"', "[devices.pcsc.uid].encoding"),
    ],
)
def test_a_wrong_pcsc_setting_names_the_key(tmp_path: Path, table: str, key: str) -> None:
    cfg = load(_write(tmp_path, f'[devices]\ncard_reader = "pcsc"\n{table}\n'))
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(cfg)
    assert err.value.key == key


def test_a_serial_scanner_is_built_from_its_table(tmp_path: Path) -> None:
    from hardware.serial_scanner import SerialScanner

    cfg = load(
        _write(
            tmp_path,
            '[devices]\nscanner = "serial"\n'
            '[devices.serial_scanner]\nport = "/dev/ttyACM0"\nbaudrate = 115200\nsuffix = "#"\n',
        )
    )
    assert isinstance(bootstrap.build_devices(cfg).scanner, SerialScanner)


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("baudrate = 9600", "[devices.serial_scanner] port"),
        ('port = "/dev/ttyACM0"\nbaudrate = "fast"', "[devices.serial_scanner] baudrate"),
        ('port = "/dev/ttyACM0"\nparity = "E"', "[devices.serial_scanner] parity"),
    ],
)
def test_a_wrong_serial_scanner_setting_names_the_key(tmp_path: Path, table: str, key: str) -> None:
    body = f'[devices]\nscanner = "serial"\n[devices.serial_scanner]\n{table}\n'
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(load(_write(tmp_path, body)))
    assert err.value.key == key


# ---------------------------------------------------------------- [codes]
def test_code_rules_from_config(tmp_path: Path) -> None:
    from hardware.codes import CheckDigit, CodePattern, CodeRules

    cfg = load(
        _write(
            tmp_path,
            '[codes.card]\nprefixes = ["21"]\nlengths = [13]\ncheck = "luhn"\n'
            '[codes.item]\nprefixes = ["31"]\n',
        )
    )
    assert bootstrap.build_code_rules(cfg) == CodeRules(
        card=CodePattern(("21",), (13,), CheckDigit.LUHN), item=CodePattern(("31",))
    )
    assert bootstrap.build_code_rules(load(_write(tmp_path, ""))) is None


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[codes.card]\ncheck = "crc"', "[codes.card].check"),
        ("[codes]\ncard = 3", "[codes.card]"),
        ("[codes]\nunknown_is_item = 1", "[codes] unknown_is_item"),
        ("[codes]\npasses = 1", "[codes] passes"),
    ],
)
def test_wrong_code_rules_name_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        bootstrap.build_code_rules(load(_write(tmp_path, body)))
    assert err.value.key == key


def test_a_keyboard_wedge_scanner_read_through_evdev_is_built_from_its_table(
    tmp_path: Path,
) -> None:
    from hardware.evdev_scanner import EvdevScanner

    cfg = load(
        _write(
            tmp_path,
            '[devices]\nscanner = "evdev"\n'
            '[devices.evdev_scanner]\nname = "(?i)datalogic"\nkeymap = "nl"\n'
            'suffix = "#"\nterminator = "tab"\npartial_timeout = 0.3\n',
        )
    )
    scanner = bootstrap.build_devices(cfg).scanner
    assert isinstance(scanner, EvdevScanner)
    assert scanner._settings.keymap == "nl" and scanner._settings.partial_timeout_s == 0.3


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('keymap = "nl"', "[devices.evdev_scanner] device"),
        ('name = "(unclosed"', "[devices.evdev_scanner] name"),
        ('device = "/dev/input/event3"\nkeymap = "azerty"', "[devices.evdev_scanner] keymap"),
        ('device = "/dev/input/event3"\nterminator = "cr"', "[devices.evdev_scanner] terminator"),
        (
            'device = "/dev/input/event3"\npartial_timeout = 0',
            "[devices.evdev_scanner] partial_timeout",
        ),
        ('device = "/dev/input/event3"\ngrab = false', "[devices.evdev_scanner] grab"),
        ("device = 3", "[devices.evdev_scanner] device"),
        ('device = "/dev/input/event3"\nname = "x"', "[devices.evdev_scanner] name"),
    ],
)
def test_a_wrong_evdev_scanner_setting_names_the_key(tmp_path: Path, table: str, key: str) -> None:
    body = f'[devices]\nscanner = "evdev"\n[devices.evdev_scanner]\n{table}\n'
    with pytest.raises(ConfigError) as err:
        bootstrap.build_devices(load(_write(tmp_path, body)))
    assert err.value.key == key


def test_privacy_settings_are_read_and_checked(tmp_path: Path) -> None:
    folder = tmp_path / "privacy"
    folder.mkdir()
    (folder / "statement-nl.txt").write_text("Privacyverklaring", encoding="utf-8")
    body = f'[privacy]\ndiscreet_titles = true\nshuffle_keypad = true\nstatement_dir = "{folder}"\n'
    cfg = load(_write(tmp_path, body))
    assert cfg.privacy.discreet_titles and cfg.privacy.shuffle_keypad
    assert cfg.privacy.statement_dir == str(folder)
    assert load(_write(tmp_path, "")).privacy.discreet_titles is False


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[privacy]\ndiscreet_titles = 1\n", "[privacy] discreet_titles"),
        ('[privacy]\nshuffle_keypad = "yes"\n', "[privacy] shuffle_keypad"),
        ('[privacy]\nstatement_dir = "/no/such/folder"\n', "[privacy] statement_dir"),
        ("[privacy]\nhide_names = true\n", "[privacy] hide_names"),
    ],
)
def test_a_wrong_privacy_setting_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(_write(tmp_path, body))
    assert err.value.key == key


def test_a_statement_folder_without_statements_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="holds no statement"):
        load(_write(tmp_path, f'[privacy]\nstatement_dir = "{tmp_path / "empty"}"\n'))


def test_a_mail_server_is_built_from_its_table(tmp_path: Path) -> None:
    from kiosk.ops.mail import SmtpMailer

    secret = tmp_path / "mail-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o600)  # a secret: not for every user
    body = (
        '[mail]\nhost = "smtp.bieb.example.nl"\nsender = "kiosk@bieb.example.nl"\n'
        f'user = "kiosk"\npassword_file = "{secret}"\nsubject = "Je bon"\n'
    )
    cfg = load(_write(tmp_path, body))
    mailer = bootstrap.build_mailer(cfg)
    assert isinstance(mailer, SmtpMailer)
    assert mailer._s.port == 587 and mailer._s.password == "geheim"
    assert bootstrap.mail_subject(cfg) == "Je bon"
    assert bootstrap.build_mailer(load(_write(tmp_path, ""))) is None


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('sender = "k@b.nl"', "[mail] host"),
        ('host = "smtp"', "[mail] sender"),
        ('host = "smtp"\nsender = "k@b.nl"\nsecurity = "ssl"', "[mail] security"),
        ('host = "smtp"\nsender = "k@b.nl"\nport = "25"', "[mail] port"),
        ('host = "smtp"\nsender = "k@b.nl"\ntimeout = 600', "[mail] timeout"),
        ('host = "smtp"\nsender = "k@b.nl"\npassword_file = "/no/such"', "[mail] password_file"),
        ('host = "smtp"\nsender = "k@b.nl"\npassword = "x"', "[mail] password"),
    ],
)
def test_a_wrong_mail_setting_names_the_key(tmp_path: Path, table: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        bootstrap.build_mailer(load(_write(tmp_path, f"[mail]\n{table}\n")))
    assert err.value.key == key
