"""Sip2Connection against a scripted SIP2 server on 127.0.0.1 (tests/unit/ils/sip2/sip2_peer.py)."""

from __future__ import annotations

import importlib.util
import logging
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.ils.port import IlsUnavailable
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.codec import ChecksumStatus
from kiosk.ils.sip2.profiles import Profile, profile
from kiosk.ils.sip2.transport import (
    Credentials,
    Endpoint,
    Sip2ConnectError,
    Sip2Connection,
    mask_secrets,
)

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

GENERIC = profile("generic")
CREDS = Credentials(peer.USER, peer.PASSWORD, "DAL01")
PERSONAL = (peer.CARD, peer.PIN, peer.NAME, peer.PASSWORD, peer.TITLE, peer.ITEM)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def acs() -> Iterator[peer.FakeAcs]:
    with peer.FakeAcs() as server:
        yield server
    assert not server.errors


def connection(
    server: peer.FakeAcs,
    prof: Profile = GENERIC,
    credentials: Credentials | None = CREDS,
    **kwargs: object,
) -> Sip2Connection:
    options: dict[str, object] = {"timeout": 2.0, "connect_timeout": 2.0}
    options.update(kwargs)
    return Sip2Connection(
        Endpoint("127.0.0.1", server.port),
        prof,
        credentials,
        **options,  # type: ignore[arg-type]
    )


def patron_status(card: str = peer.CARD, pin: str = "") -> m.PatronStatusRequest:
    return m.PatronStatusRequest(
        transaction_date=peer.DATE,
        institution_id=peer.INSTITUTION,
        patron_identifier=card,
        terminal_password="",
        patron_password=pin,
    )


def item_info(item: str = peer.ITEM) -> m.ItemInformationRequest:
    return m.ItemInformationRequest(
        transaction_date=peer.DATE, institution_id=peer.INSTITUTION, item_identifier=item
    )


def patron_reply(server: peer.FakeAcs, seq: str | None, name: str) -> bytes:
    return server.frame(
        m.PatronStatusResponse(
            patron_status=" " * 14,
            transaction_date=peer.DATE,
            institution_id=peer.INSTITUTION,
            patron_identifier=peer.CARD,
            personal_name=name,
            valid_patron="Y",
        ),
        seq,
    )


def sequences(server: peer.FakeAcs, code: str) -> list[str | None]:
    out: list[str | None] = []
    for raw in server.received:
        if raw[:2].decode() == code:
            frame = server.codec.decode(raw)
            out.append(frame.sequence)
    return out


# -- session ----------------------------------------------------------------------------------


def test_open_logs_in_then_asks_the_status(acs: peer.FakeAcs) -> None:
    with connection(acs) as conn:
        status = conn.open()
        assert conn.connected
    assert not conn.connected
    assert isinstance(status, m.AcsStatus)
    assert status.online_status == "Y" and status.institution_id == peer.INSTITUTION
    assert conn.last_status == status
    assert acs.codes == ["93", "99"]
    login = acs.codec.decode(acs.received[0]).message
    assert isinstance(login, m.LoginRequest)
    assert (login.login_user_id, login.login_password, login.location_code) == (
        peer.USER,
        peer.PASSWORD,
        "DAL01",
    )


def test_without_credentials_no_login_is_sent(acs: peer.FakeAcs) -> None:
    with connection(acs, credentials=None) as conn:
        conn.open()
    assert acs.codes == ["99"]


def test_request_connects_lazily_and_returns_the_matching_response(acs: peer.FakeAcs) -> None:
    with connection(acs) as conn:
        frame = conn.request(patron_status())
    assert acs.codes == ["93", "99", "23"]
    assert frame.code == "24"
    assert isinstance(frame.message, m.PatronStatusResponse)
    assert frame.message.valid_patron == "Y"
    assert frame.checksum_status is ChecksumStatus.VALID


def test_offline_acs_status_is_returned_not_raised() -> None:
    with peer.FakeAcs(library=peer.MiniLibrary(online=False)) as server:
        with connection(server) as conn:
            status = conn.open()
        assert status.online_status == "N"
        assert not server.errors


def test_login_refused_names_user_and_config_keys_not_the_password() -> None:
    with peer.FakeAcs(library=peer.MiniLibrary(users={})) as server:
        with connection(server) as conn, pytest.raises(IlsUnavailable) as err:
            conn.open()
        assert not conn.connected
        assert not server.errors
    text = str(err.value)
    assert repr(peer.USER) in text
    assert "[ils] user" in text and "[ils] password" in text
    assert peer.PASSWORD not in text


def test_request_refuses_a_message_without_response(acs: peer.FakeAcs) -> None:
    with connection(acs) as conn, pytest.raises(ValueError, match="97"):
        conn.request(m.RequestAcsResend())
    assert acs.received == []


# -- sequence numbers -------------------------------------------------------------------------


def test_sequence_numbers_cycle_from_0_to_9(acs: peer.FakeAcs) -> None:
    with connection(acs) as conn:
        for _ in range(10):
            conn.request(item_info())
    seen = sequences(acs, "93") + sequences(acs, "99") + sequences(acs, "17")
    assert seen == [str(i % 10) for i in range(12)]


def test_no_sequence_numbers_without_error_detection() -> None:
    plain = GENERIC.with_overrides(error_detection=False)
    with peer.FakeAcs(acs_profile=plain) as server:
        with connection(server, plain) as conn:
            frame = conn.request(item_info())
        assert all(b"AY" not in raw and b"AZ" not in raw for raw in server.received)
        assert frame.checksum_status is ChecksumStatus.ABSENT
        assert not server.errors


def test_stale_reply_with_another_sequence_number_is_discarded() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code != "23":
            return None
        other = str((int(incoming.sequence or "0") + 5) % 10)
        return [patron_reply(server, other, "stale"), patron_reply(server, incoming.sequence, "")]

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(patron_status())
        assert not server.errors
    assert isinstance(frame.message, m.PatronStatusResponse)
    assert frame.message.personal_name == ""
    assert frame.sequence == "2"


def test_leftover_reply_is_not_taken_for_the_next_answer() -> None:
    """Without sequence numbers, a late extra frame must be drained before the next request."""
    plain = GENERIC.with_overrides(error_detection=False)
    extra = m.ItemInformationResponse(
        transaction_date=peer.DATE, item_identifier=peer.ITEM, title_identifier="WRONG"
    )

    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "17" and server.codes.count("17") == 1:
            return [*server.default(incoming), server.frame(extra, None)]
        return None

    with peer.FakeAcs(script, acs_profile=plain, pause=0) as server:
        with connection(server, plain) as conn:
            first = conn.request(item_info())
            time.sleep(0.1)  # let the extra frame arrive
            second = conn.request(item_info())
        assert not server.errors
    assert isinstance(first.message, m.ItemInformationResponse)
    assert isinstance(second.message, m.ItemInformationResponse)
    assert first.message.title_identifier == peer.TITLE
    assert second.message.title_identifier == peer.TITLE


# -- framing ----------------------------------------------------------------------------------


def test_crlf_terminated_replies() -> None:
    koha = profile("koha")
    assert koha.terminator == b"\r\n"
    with peer.FakeAcs(acs_profile=koha) as server:
        with connection(server, koha, diagnostics=True) as conn:
            conn.open()
            first = conn.request(patron_status())
            second = conn.request(item_info())
        assert not server.errors
    assert (first.code, second.code) == ("24", "18")
    assert conn.exchanges[-1][1].endswith(second.checksum.encode())  # type: ignore[union-attr]


def test_two_replies_in_one_packet_are_split() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code != "23":
            return None
        stale = patron_reply(server, str((int(incoming.sequence or "0") + 9) % 10), "stale")
        return [stale + patron_reply(server, incoming.sequence, "fresh")]

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(patron_status())
        assert not server.errors
    assert isinstance(frame.message, m.PatronStatusResponse)
    assert frame.message.personal_name == "fresh"


def test_one_reply_across_several_packets() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code != "17":
            return None
        whole = server.default(incoming)[0]
        return [whole[:5], whole[5:20], whole[20:-1], whole[-1:]]

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(item_info())
        assert not server.errors
    assert isinstance(frame.message, m.ItemInformationResponse)
    assert frame.message.title_identifier == peer.TITLE
    assert frame.checksum_status is ChecksumStatus.VALID


def test_stray_lf_before_a_reply_is_harmless() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code != "17":
            return None
        return [b"\n" + server.default(incoming)[0]]

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(item_info())
        assert not server.errors
    assert frame.code == "18"


# -- garbled replies (97) and resend requests (96) --------------------------------------------


def test_garbled_reply_sends_97_and_recovers() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "17":
            return [peer.corrupt_checksum(server.default(incoming)[0])]
        if incoming.code == "97":
            good = server.library.answer(item_info())
            assert good is not None
            return [server.frame(good, None)]  # Koha resends without AY
        return None

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(item_info())
        assert not server.errors
    assert server.codes == ["93", "99", "17", "97"]
    assert server.received[-1] == b"97AZFEF5"
    assert frame.checksum_status is ChecksumStatus.VALID
    assert isinstance(frame.message, m.ItemInformationResponse)
    assert frame.message.title_identifier == peer.TITLE


def test_unreadable_frame_counts_as_garbled() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "17":
            return [b"XX this is no SIP2\r"]
        if incoming.code == "97":
            good = server.library.answer(item_info())
            assert good is not None
            return [server.frame(good, None)]
        return None

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(item_info())
        assert not server.errors
    assert server.codes[-1] == "97"
    assert frame.code == "18"


def test_garbled_replies_give_up_after_the_retries() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code in ("17", "97"):
            good = server.library.answer(item_info())
            assert good is not None
            return [peer.corrupt_checksum(server.frame(good, None))]
        return None

    with peer.FakeAcs(script) as server:
        with connection(server, garbled_retries=2) as conn:
            conn.open()
            with pytest.raises(IlsUnavailable, match=r"garbled replies to 17") as err:
                conn.request(item_info())
            assert not conn.connected
        assert not server.errors
    assert server.codes.count("97") == 2
    assert peer.ITEM not in str(err.value)


def test_96_from_the_server_makes_us_resend_without_sequence_number() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "23" and server.codes.count("23") == 1:
            return [server.frame(m.RequestScResend(), None)]
        return None

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            frame = conn.request(patron_status())
        assert not server.errors
    first, again = [raw for raw in server.received if raw[:2] == b"23"]
    assert b"AY2AZ" in first
    assert b"AY" not in again and b"AZ" in again
    assert first[: first.index(b"AY")] == again[: again.index(b"AZ")]
    assert frame.code == "24"


def test_96_resend_keeps_the_sequence_number_when_the_profile_says_so() -> None:
    keeps = Profile("keeps", "test", resend_without_sequence=False)

    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "23" and server.codes.count("23") == 1:
            return [server.frame(m.RequestScResend(), None)]
        return None

    with peer.FakeAcs(script) as server:
        with connection(server, keeps) as conn:
            conn.request(patron_status())
        assert not server.errors
    assert sequences(server, "23") == ["2", "2"]


def test_endless_96_gives_up() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "23":
            return [server.frame(m.RequestScResend(), None)]
        return None

    with peer.FakeAcs(script) as server:
        with (
            connection(server, garbled_retries=1) as conn,
            pytest.raises(IlsUnavailable, match="96"),
        ):
            conn.request(patron_status())
        assert not server.errors
    assert server.codes.count("23") == 2


def test_bad_checksum_is_accepted_and_logged_under_an_accepting_profile(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sierra = profile("sierra")
    assert sierra.bad_checksum == "accept"

    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        if incoming.code == "23":
            return [peer.corrupt_checksum(server.default(incoming)[0])]
        return None

    caplog.set_level(logging.DEBUG, logger="kiosk.ils.sip2")
    with peer.FakeAcs(script, acs_profile=sierra) as server:
        with connection(server, sierra) as conn:
            frame = conn.request(patron_status())
        assert not server.errors
    assert "97" not in server.codes
    assert frame.checksum_status is ChecksumStatus.BAD
    assert any("checksum" in w for w in frame.warnings)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("bad checksum accepted" in w for w in warnings)
    for text in caplog.messages:
        assert not any(secret in text for secret in PERSONAL)


# -- timeout, reconnect, back-off --------------------------------------------------------------


def test_timeout_raises_within_the_bound_and_closes() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> list[bytes] | None:
        return peer.SILENT if incoming.code == "23" else None

    with peer.FakeAcs(script) as server:
        with connection(server, timeout=0.3) as conn:
            conn.open()
            started = time.monotonic()
            with pytest.raises(IlsUnavailable) as err:
                conn.request(patron_status())
            elapsed = time.monotonic() - started
            assert not conn.connected
        assert not server.errors
    assert 0.25 <= elapsed < 1.5
    text = str(err.value)
    assert f"127.0.0.1:{server.port}" in text and "23 (PatronStatusRequest)" in text
    assert peer.CARD not in text


def test_a_hang_up_during_a_request_raises_and_the_next_request_reconnects() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> object:
        if incoming.code == "23" and server.codes.count("23") == 1:
            return peer.HANG_UP
        return None

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            with pytest.raises(IlsUnavailable, match="connection lost during 23"):
                conn.request(patron_status())
            frame = conn.request(patron_status())
        assert not server.errors
    assert frame.code == "24"
    assert server.connections == 2
    assert server.codes == ["93", "99", "23", "93", "99", "23"]


def test_an_idle_connection_closed_by_the_server_is_noticed_before_writing() -> None:
    def script(incoming: peer.Incoming, server: peer.FakeAcs) -> object:
        if incoming.code == "99" and server.connections == 1:
            return [*server.default(incoming), peer.HANG_UP]
        return None

    with peer.FakeAcs(script) as server:
        with connection(server) as conn:
            conn.open()
            server.wait_for_hang_up()
            time.sleep(0.02)  # and its FIN crosses the loopback
            frame = conn.request(patron_status())
        assert not server.errors
    assert frame.code == "24"
    assert server.connections == 2
    assert server.codes == ["93", "99", "93", "99", "23"]


def test_connection_refused_names_the_endpoint() -> None:
    port = free_port()  # nothing listens there now
    conn = Sip2Connection(Endpoint("127.0.0.1", port), GENERIC, CREDS, connect_timeout=1.0)
    with conn, pytest.raises(Sip2ConnectError) as err:
        conn.open()
    assert f"127.0.0.1:{port}" in err.value.reason
    assert err.value.retry_in == 0.5
    assert "next attempt in 0.5 s" in str(err.value)


def test_reconnect_backs_off_doubling_up_to_the_cap_and_resets_after_success() -> None:
    clock = FakeClock()
    library = peer.MiniLibrary(users={})
    with peer.FakeAcs(library=library) as server:
        conn = connection(
            server, clock=clock, backoff_initial=0.5, backoff_max=1.5, heartbeat_interval=1e9
        )
        with conn:

            def attempt(at: float) -> IlsUnavailable:
                clock.now = at
                with pytest.raises(IlsUnavailable) as err:
                    conn.request(patron_status())
                return err.value

            first = attempt(0.0)
            assert isinstance(first, Sip2ConnectError) and first.retry_in == 0.5
            assert server.connections == 1
            waiting = attempt(0.4)
            assert not isinstance(waiting, Sip2ConnectError)
            assert "reconnecting in 0.1 s" in str(waiting)
            assert server.connections == 1  # no attempt during the back-off
            second = attempt(0.5)
            assert isinstance(second, Sip2ConnectError) and second.retry_in == 1.0
            attempt(1.4)
            assert server.connections == 2
            third = attempt(1.5)
            assert isinstance(third, Sip2ConnectError) and third.retry_in == 1.5
            fourth = attempt(3.0)
            assert isinstance(fourth, Sip2ConnectError) and fourth.retry_in == 1.5  # capped
            assert server.connections == 4

            library.users[peer.USER] = peer.PASSWORD
            clock.now = 4.6
            assert conn.request(patron_status()).code == "24"
            assert server.connections == 5

            conn.close()
            library.users.clear()
            again = attempt(5.0)
            assert isinstance(again, Sip2ConnectError) and again.retry_in == 0.5  # reset
        assert not server.errors


# -- heartbeat ---------------------------------------------------------------------------------


def test_heartbeat_only_when_due() -> None:
    clock = FakeClock()
    with peer.FakeAcs() as server:
        with connection(server, clock=clock, heartbeat_interval=60.0) as conn:
            conn.open()
            assert server.codes == ["93", "99"]
            clock.now = 30.0
            assert conn.heartbeat_if_due() is None
            assert server.codes == ["93", "99"]
            clock.now = 61.0
            status = conn.heartbeat_if_due()
            assert isinstance(status, m.AcsStatus) and status.online_status == "Y"
            assert server.codes == ["93", "99", "99"]
            clock.now = 100.0
            conn.request(patron_status())
            clock.now = 150.0
            assert conn.heartbeat_if_due() is None  # the request counts as an exchange
            clock.now = 161.0
            assert conn.heartbeat_if_due() is not None
            assert server.codes == ["93", "99", "99", "23", "99"]
        assert not server.errors


def test_heartbeat_reconnects_a_dropped_connection(acs: peer.FakeAcs) -> None:
    clock = FakeClock()
    with connection(acs, clock=clock) as conn:
        conn.open()
        conn.close()
        status = conn.heartbeat_if_due()
    assert status is not None
    assert acs.codes == ["93", "99", "93", "99"]


# -- privacy ------------------------------------------------------------------------------------


def test_a_kiosk_connection_keeps_no_frames_at_all(acs: peer.FakeAcs) -> None:
    # A kiosk's frames hold members' card numbers, names and titles: none outlives its use (P3).
    with connection(acs) as conn:
        conn.request(patron_status(pin=peer.PIN))
    assert list(conn.exchanges) == []
    assert conn.exchange_count == 0


def test_exchanges_keep_frames_with_passwords_and_pins_masked(acs: peer.FakeAcs) -> None:
    with connection(acs, diagnostics=True) as conn:
        conn.request(patron_status(pin=peer.PIN))
    frames = list(conn.exchanges)
    assert [d for d, _ in frames] == ["sent", "received"] * 3
    assert conn.exchange_count == 6
    login = frames[0][1]
    assert login.startswith(b"9300CNkiosk|CO******|CPDAL01|AY0AZ")
    assert login.endswith(b"AZ****")
    assert b"|AD******|" in frames[4][1]
    for _, raw in frames:
        assert peer.PASSWORD.encode() not in raw and peer.PIN.encode() not in raw


def test_mask_secrets_only_at_field_boundaries() -> None:
    raw = b"9300CNSCOTT|COtiger|AY0AZ1234"
    assert mask_secrets(raw) == b"9300CNSCOTT|CO******|AY0AZ****"
    assert mask_secrets(b"9300CNCOOL|CO|AY1AZ1234") == b"9300CNCOOL|CO|AY1AZ1234"
    untouched = b"24              00020260105    101500AODAL|AA1|AEScott Coates|"
    assert mask_secrets(untouched) == untouched


def test_nothing_personal_is_logged(acs: peer.FakeAcs, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.ils.sip2")
    with connection(acs) as conn:
        conn.request(patron_status(pin=peer.PIN))
        conn.request(item_info())
    assert caplog.messages  # codes and timings are logged
    for text in caplog.messages:
        assert not any(secret in text for secret in PERSONAL), text


def test_requests_from_two_threads_are_serialised() -> None:
    library = peer.MiniLibrary(items={peer.ITEM: "one", "2": "two"})
    results: dict[str, list[str]] = {peer.ITEM: [], "2": []}
    failures: list[BaseException] = []
    with peer.FakeAcs(library=library) as server:
        with connection(server) as conn:
            conn.open()

            def worker(item: str) -> None:
                try:
                    for _ in range(5):
                        msg = conn.request(item_info(item)).message
                        assert isinstance(msg, m.ItemInformationResponse)
                        results[item].append(msg.title_identifier)
                except BaseException as exc:  # pragma: no cover - reported below
                    failures.append(exc)

            threads = [threading.Thread(target=worker, args=(i,)) for i in results]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=10)
        assert not server.errors
    assert not failures
    assert results == {peer.ITEM: ["one"] * 5, "2": ["two"] * 5}


# -- credentials -------------------------------------------------------------------------------


def test_credentials_from_a_secret_file(tmp_path: Path) -> None:
    secret = tmp_path / "sip2.secret"
    secret.write_text("  hunter2 \nsecond line\n", encoding="utf-8")
    creds = Credentials.from_secret_file("kiosk", secret, "DAL01")
    assert creds == Credentials("kiosk", "hunter2", "DAL01")
    assert "hunter2" not in repr(creds)


def test_credentials_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.secret"
    with pytest.raises(ValueError, match=str(missing)):
        Credentials.from_secret_file("kiosk", missing)
    empty = tmp_path / "empty.secret"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{empty}.*empty"):
        Credentials.from_secret_file("kiosk", empty)


# -- TLS ----------------------------------------------------------------------------------------


def free_port() -> int:
    """A port that was free on 127.0.0.1 a moment ago (bound, then closed again)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = peer.make_certificate(tmp_path_factory.mktemp("tls"))
    if isinstance(made, str):
        pytest.skip(made)
    return made


@pytest.fixture
def tls_acs(certificate: tuple[Path, Path]) -> Iterator[peer.FakeAcs]:
    with peer.FakeAcs(tls=peer.tls_server_context(*certificate)) as server:
        yield server
    assert not server.errors


def tls_connection(server: peer.FakeAcs, **endpoint: object) -> Sip2Connection:
    return Sip2Connection(
        Endpoint("127.0.0.1", server.port, tls=True, **endpoint),  # type: ignore[arg-type]
        GENERIC,
        CREDS,
        timeout=2.0,
        connect_timeout=2.0,
    )


def test_tls_with_the_servers_ca(tls_acs: peer.FakeAcs, certificate: tuple[Path, Path]) -> None:
    with tls_connection(tls_acs, ca_file=str(certificate[0])) as conn:
        status = conn.open()
        frame = conn.request(patron_status())
    assert status.online_status == "Y" and frame.code == "24"
    assert tls_acs.codes == ["93", "99", "23"]


def test_tls_refuses_an_unknown_certificate(tls_acs: peer.FakeAcs) -> None:
    with tls_connection(tls_acs) as conn, pytest.raises(Sip2ConnectError) as err:
        conn.open()
    assert "certificate verify failed" in err.value.reason
    assert f"127.0.0.1:{tls_acs.port}" in err.value.reason
    assert tls_acs.received == []


def test_tls_refuses_a_hostname_mismatch(
    tls_acs: peer.FakeAcs, certificate: tuple[Path, Path]
) -> None:
    with (
        tls_connection(tls_acs, ca_file=str(certificate[0]), server_name="ils.example.org") as conn,
        pytest.raises(Sip2ConnectError) as err,
    ):
        conn.open()
    assert "hostname mismatch" in err.value.reason
    assert "ils.example.org" in err.value.reason


def test_tls_without_verification(tls_acs: peer.FakeAcs) -> None:
    with tls_connection(tls_acs, verify=False) as conn:
        assert conn.open().online_status == "Y"


def test_tls_unreadable_ca_file_is_named(tls_acs: peer.FakeAcs, tmp_path: Path) -> None:
    missing = tmp_path / "ca.pem"
    with (
        tls_connection(tls_acs, ca_file=str(missing)) as conn,
        pytest.raises(IlsUnavailable) as err,
    ):
        conn.open()
    assert str(missing) in str(err.value)
