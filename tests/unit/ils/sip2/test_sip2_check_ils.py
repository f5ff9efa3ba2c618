"""``kiosk check-ils`` against the scripted SIP2 server (tests/unit/ils/sip2/sip2_peer.py)."""

from __future__ import annotations

import importlib.util
import io
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ils.sip2.check_cli import ENV_PASSWORD, UsageError, parse_target
from kiosk.ils.sip2.profiles import profile

try:
    import sip2_peer as peer
except ImportError:  # pragma: no cover - only under --import-mode=importlib
    _spec = importlib.util.spec_from_file_location(
        "sip2_peer", Path(__file__).with_name("sip2_peer.py")
    )
    assert _spec is not None and _spec.loader is not None
    peer = importlib.util.module_from_spec(_spec)
    sys.modules["sip2_peer"] = peer
    _spec.loader.exec_module(peer)


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(ENV_PASSWORD, peer.PASSWORD)
    return peer.PASSWORD


@pytest.fixture
def acs() -> Iterator[peer.FakeAcs]:
    with peer.FakeAcs() as server:
        yield server
    assert not server.errors


def check(
    server: peer.FakeAcs, *extra: str, item: str = peer.ITEM, prof: str = "generic"
) -> list[str]:
    return [
        "check-ils",
        f"sip2://{peer.USER}@127.0.0.1:{server.port}",
        "--profile",
        prof,
        "--card",
        peer.CARD,
        "--item",
        item,
        "--timeout",
        "2",
        *extra,
    ]


def rows(out: str) -> dict[str, str]:
    """Step name -> result, from the table."""
    found: dict[str, str] = {}
    for line in out.splitlines():
        for name in (
            "login",
            "SC status",
            "patron status",
            "patron information",
            "item information",
            "checkout",
            "checkin",
        ):
            if line.startswith(name + " ") and name not in found:
                found[name] = line[len(name) :].split()[1]
    return found


def test_read_only_run_passes_and_never_writes(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(check(acs, "--pin", peer.PIN))
    out = capsys.readouterr().out
    assert code == 0, out
    assert rows(out) == {
        "login": "pass",
        "SC status": "pass",
        "patron status": "pass",
        "patron information": "pass",
        "item information": "pass",
        "checkout": "skip",
        "checkin": "skip",
    }
    assert acs.codes == ["93", "99", "23", "63", "17"]
    assert "all steps passed" in out
    for secret in (peer.PASSWORD, peer.PIN, peer.NAME):
        assert secret not in out


def test_write_run_checks_out_and_in(acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(check(acs, "--write", "--location", "DAL01"))
    out = capsys.readouterr().out
    assert code == 0, out
    assert rows(out)["checkout"] == "pass" and rows(out)["checkin"] == "pass"
    assert acs.codes == ["93", "99", "23", "63", "17", "11", "09"]
    assert acs.library.loans == {}  # the item is back
    checkin = acs.codec.decode(acs.received[-1]).message
    assert getattr(checkin, "current_location", None) == "DAL01"
    institution = acs.codec.decode(acs.received[2]).message
    assert getattr(institution, "institution_id", None) == peer.INSTITUTION  # from the 98


def test_unknown_item_fails_with_the_raw_exchange(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(check(acs, "--write", item=peer.UNKNOWN_ITEM))
    out = capsys.readouterr().out
    assert code == 1
    result = rows(out)
    assert result["item information"] == "FAIL"
    assert result["checkout"] == "FAIL" and result["checkin"] == "skip"
    assert "18 has no title (AJ)" in out
    assert "item information (17/18) failed" in out
    assert "SC  -> ACS  17" in out and "ACS -> SC   1801" in out
    assert "11" not in acs.codes and "09" not in acs.codes


def test_refused_login_shows_the_exchange_with_the_password_masked(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "not-the-Password"
    monkeypatch.setenv(ENV_PASSWORD, wrong)
    code = main(check(acs))
    out = capsys.readouterr().out
    assert code == 1
    assert rows(out)["login"] == "FAIL"
    assert rows(out)["patron status"] == "skip"
    assert "login refused for user 'kiosk'" in out
    assert "SC  -> ACS  9300CNkiosk|CO******|AY0AZ****" in out
    assert "ACS -> SC   940AY0AZ" in out
    assert wrong not in out and peer.PASSWORD not in out
    assert acs.codes == ["93"]


def test_wrong_pin_fails_and_the_pin_is_masked(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(check(acs, "--pin", "0000"))
    out = capsys.readouterr().out
    assert code == 1
    assert rows(out)["patron status"] == "FAIL"
    assert "the test PIN was not accepted" in out
    assert "|AD******|" in out and "AD0000" not in out


def test_an_item_on_loan_is_not_touched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    library = peer.MiniLibrary(loans={peer.ITEM: "someone else"})
    with peer.FakeAcs(library=library) as server:
        code = main(check(server, "--write"))
        assert not server.errors
    out = capsys.readouterr().out
    assert code == 1
    assert rows(out)["checkout"] == "FAIL" and rows(out)["checkin"] == "skip"
    assert "circulation status 04 (charged)" in out
    assert "11" not in server.codes and "09" not in server.codes
    assert library.loans == {peer.ITEM: "someone else"}


def test_a_timeout_fails_one_step_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        return peer.SILENT if incoming.code == "63" else None

    with peer.FakeAcs(script) as server:
        argv = check(server)
        argv[argv.index("--timeout") + 1] = "0.3"
        code = main(argv)
        assert not server.errors
    out = capsys.readouterr().out
    assert code == 1
    result = rows(out)
    assert result["patron information"] == "FAIL"
    assert result["item information"] == "pass"
    assert "did not answer 63 (PatronInformationRequest) within 0.3 s" in out
    assert server.connections == 2  # reconnected (and logged in again) after the timeout


def test_accepted_bad_checksum_passes_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    sierra = profile("sierra")

    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "17":
            return [peer.corrupt_checksum(server.default(incoming)[0])]
        return None

    with peer.FakeAcs(script, acs_profile=sierra) as server:
        code = main(check(server, prof="sierra"))
        assert not server.errors
    out = capsys.readouterr().out
    assert code == 0, out
    assert "bad checksum accepted (profile sierra)" in out


def test_missing_checksum_fails_when_the_profile_expects_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = profile("generic").with_overrides(error_detection=False)
    with peer.FakeAcs(acs_profile=plain) as server:
        code = main(check(server))
        assert not server.errors
    out = capsys.readouterr().out
    assert code == 1
    assert rows(out)["login"] == "FAIL"
    assert "no checksum (AY/AZ)" in out


def test_no_password_and_no_terminal_is_a_usage_error(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(check(acs))
    err = capsys.readouterr().err
    assert code == 2
    assert ENV_PASSWORD in err and "not a terminal" in err
    assert acs.connections == 0


def test_password_prompt_on_a_terminal(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return peer.PASSWORD

    monkeypatch.delenv(ENV_PASSWORD)
    monkeypatch.setattr(sys, "stdin", Tty(""))
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    code = main(check(acs))
    assert code == 0, capsys.readouterr().out
    assert asked and "kiosk" in asked[0]


def test_connection_refused_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = f"sip2://kiosk@127.0.0.1:{port}"
    code = main(["check-ils", target, "--profile", "generic", "--card", "1", "--item", "2"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"127.0.0.1:{port}" in err and "next attempt" not in err


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("http://kiosk@host:6001", "sip2://USER@HOST:PORT"),
        ("sip2://kiosk:secret@host:6001", "do not put the password in the URL"),
        ("sip2://kiosk@host:99999", "port"),
        ("sip2://kiosk@:6001", "no host"),
    ],
)
def test_bad_targets_are_usage_errors(target: str, problem: str) -> None:
    with pytest.raises(UsageError, match=problem):
        parse_target(target)


def test_target_forms() -> None:
    plain = parse_target("sip2://kiosk@ils.example.org")
    assert (plain.host, plain.port, plain.user, plain.tls) == (
        "ils.example.org",
        6001,
        "kiosk",
        False,
    )
    tls = parse_target("sip2s://sc%40dal@[::1]:6443")
    assert (tls.host, tls.port, tls.user, tls.tls) == ("::1", 6443, "sc@dal", True)
    anonymous = parse_target("sip2://127.0.0.1:6001")
    assert anonymous.user is None


def test_bad_target_exits_2_without_connecting(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["check-ils", "sip2://a:b@h:1", "--profile", "generic", "--card", "1", "--item", "2"]
    )
    assert code == 2
    assert "password" in capsys.readouterr().err


def test_unknown_card_fails_the_patron_steps(
    acs: peer.FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = check(acs)
    argv[argv.index("--card") + 1] = "29999999999999"
    code = main(argv)
    out = capsys.readouterr().out
    assert code == 1
    assert rows(out)["patron status"] == "FAIL" and rows(out)["patron information"] == "FAIL"
    assert "24 BL (valid patron) is 'N'" in out
    assert rows(out)["item information"] == "pass"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = peer.make_certificate(tmp_path_factory.mktemp("tls"))
    if isinstance(made, str):
        pytest.skip(made)
    return made


def test_tls_options(certificate: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    with peer.FakeAcs(tls=peer.tls_server_context(*certificate)) as server:
        verified = main(check(server, "--ca", str(certificate[0])))
        verified_out = capsys.readouterr().out
        unknown = main(check(server, "--tls"))
        unknown_err = capsys.readouterr().err
        insecure = main(check(server, "--insecure"))
        insecure_out = capsys.readouterr().out
        assert not server.errors
    assert verified == 0, verified_out
    assert "(profile generic, TLS, read-only)" in verified_out
    assert unknown == 2 and "certificate verify failed" in unknown_err
    assert insecure == 0, insecure_out
