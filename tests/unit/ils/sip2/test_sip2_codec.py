"""The SIP2 codec's behaviour on what real servers send, and on what the specification forbids.

Framing (CR, CRLF, stray LF, split and merged reads, oversized frames), the quirks listed in
the field notes (blank and odd dates, missing final '|', any field order, ``&#124;``, blank
numbers, extension fields, repeated fields, two-digit AY, AZ without AY, lower-case checksums),
strict mode refusing what the specification does not allow, encodings with Dutch text, and the
fixed-field value helpers of :mod:`kiosk.ils.sip2.values`.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.ils.sip2.codec import (
    ENCODINGS,
    ChecksumStatus,
    Codec,
    Flavour,
    FrameReader,
    FrameTooLong,
    Sip2ChecksumError,
    Sip2DecodeError,
    Sip2EncodeError,
    checksum_of,
    degrade,
)
from kiosk.ils.sip2.messages import (
    BLANK_DATE,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    LoginRequest,
    LoginResponse,
    PatronInformationResponse,
    PatronStatusResponse,
    RequestAcsResend,
    ScStatus,
)
from kiosk.ils.sip2.values import (
    bit,
    count,
    flag,
    format_amount,
    format_date,
    is_date,
    number,
    parse_amount,
    parse_date,
    parse_due,
    yes,
)

AMS = ZoneInfo("Europe/Amsterdam")
DATE = "20240315    101530"
DUTCH = "Ĳsselmeer café, naïef, Zoë, reçu, Groß"


def lenient(encoding: str = "utf-8", **kw: bool) -> Codec:
    return Codec(encoding=encoding, **kw)


def strict(encoding: str = "utf-8") -> Codec:
    return Codec(encoding=encoding, strict=True)


def framed(body: str, sequence: str | None = "1", encoding: str = "utf-8") -> bytes:
    """``body`` with a correct AY/AZ trailer (AY left out when ``sequence`` is None)."""
    head = (body + ("" if sequence is None else f"AY{sequence}") + "AZ").encode(encoding)
    return head + checksum_of(head).encode("ascii")


def status_body(fields: str, *, fixed: str = " " * 14 + "001" + DATE) -> str:
    """A patron status response (24) with the given variable part."""
    return "24" + fixed + fields


def strict_error(raw: bytes, encoding: str = "utf-8") -> Sip2DecodeError:
    with pytest.raises(Sip2DecodeError) as caught:
        strict(encoding).decode(raw)
    return caught.value


# ==============================================================================================
# Framing


def test_frames_end_at_cr_crlf_or_lf() -> None:
    reader = FrameReader()
    assert reader.feed(b"9900401.00\r9300CNa|COb|\r\n23001" + DATE.encode() + b"AOx|\n") == [
        b"9900401.00",
        b"9300CNa|COb|",
        b"23001" + DATE.encode() + b"AOx|",
    ]
    assert reader.pending == 0


def test_frame_split_over_many_reads_comes_out_once_complete() -> None:
    reader = FrameReader()
    frame = framed(status_body("AOx|AA1|AEJan|"))
    for i in range(len(frame)):
        assert reader.feed(frame[i : i + 1]) == []
        assert reader.pending == i + 1
    assert reader.feed(b"\r") == [frame]
    assert reader.pending == 0


def test_several_frames_in_one_read_and_a_partial_tail() -> None:
    reader = FrameReader()
    one, two, three = framed("941", "0"), framed("941", "1"), framed("941", "2")
    assert reader.feed(one + b"\r" + two + b"\r" + three[:4]) == [one, two]
    assert reader.pending == 4
    assert reader.feed(three[4:] + b"\r") == [three]


def test_crlf_split_between_reads_leaves_no_empty_frame() -> None:
    reader = FrameReader()
    assert reader.feed(b"941AY1AZFDFC\r") == [b"941AY1AZFDFC"]
    # the LF of a CRLF arrives with the next frame: a stray LF, skipped
    assert reader.feed(b"\n96AZFEF6\r\n") == [b"96AZFEF6"]
    assert reader.feed(b"\n\r\n\r") == []
    assert reader.pending == 0


def test_frame_too_long_carries_earlier_frames_then_the_reader_recovers() -> None:
    reader = FrameReader(max_frame=16)
    with pytest.raises(FrameTooLong) as caught:
        reader.feed(b"941\r" + b"x" * 17)
    assert caught.value.frames == [b"941", None]
    assert caught.value.limit == 16
    assert reader.pending == 0
    # the rest of the oversized frame, up to its terminator, is discarded without a new error
    assert reader.feed(b"y" * 40) == []
    assert reader.pending == 0
    assert reader.feed(b"zzz\r940\r") == [b"940"]
    # and the reader works normally afterwards, including a frame of exactly the limit
    assert reader.feed(b"a" * 16) == []
    assert reader.feed(b"\r") == [b"a" * 16]


def test_frame_too_long_followed_by_its_terminator_in_the_same_read() -> None:
    reader = FrameReader(max_frame=8)
    with pytest.raises(FrameTooLong):
        reader.feed(b"x" * 9)
    assert reader.feed(b"xx\r941\r") == [b"941"]


def test_oversized_frame_is_refused_however_the_reads_fall() -> None:
    reader = FrameReader(max_frame=8)
    with pytest.raises(FrameTooLong) as err:
        reader.feed(b"941\r" + b"x" * 20 + b"\r" + b"940\r")
    assert err.value.frames == [b"941", None, b"940"]  # in stream order, None in its place
    assert reader.feed(b"99\r") == [b"99"]


def test_decode_ignores_a_stray_lf_and_a_left_over_terminator() -> None:
    raw = framed("941", "3")
    for noisy in (b"\n" + raw, raw + b"\r", b"\n" + raw + b"\r\n"):
        frame = strict().decode(noisy)
        assert frame.checksum_status is ChecksumStatus.VALID
        assert frame.sequence == "3"


def test_empty_and_unknown_frames_are_decode_errors() -> None:
    for raw in (b"", b"\r\n", b"9"):
        with pytest.raises(Sip2DecodeError):
            lenient().decode(raw)
    with pytest.raises(Sip2DecodeError) as caught:
        lenient().decode(b"42foo|")
    assert caught.value.code == "42"
    assert "unknown message" in str(caught.value)


# ==============================================================================================
# Dates


def _checkout_request(transaction: str, nb_due: str) -> bytes:
    return framed("11YN" + transaction + nb_due + "AOinst|AApatron|ABitem|AC|")


@pytest.mark.parametrize(
    "when",
    [
        pytest.param("20240315    101530", id="local-four-blanks"),
        pytest.param("20240315   Z091530", id="utc-Z"),
        pytest.param("201610210000142637", id="numeric-0000"),
        pytest.param(BLANK_DATE, id="all-blank"),
    ],
)
def test_eighteen_character_dates_decode_and_reencode_in_both_modes(when: str) -> None:
    raw = _checkout_request(DATE, when)
    for codec in (lenient(), strict()):
        frame = codec.decode(raw)
        msg = frame.message
        assert isinstance(msg, CheckoutRequest)
        assert msg.nb_due_date == when
        assert msg.institution_id == "inst"
        assert frame.warnings == ()
        assert codec.encode(msg, sequence=frame.sequence) == raw


def test_zone_variants_mean_what_the_field_notes_say() -> None:
    assert parse_date("20240315    101530", AMS) == datetime(2024, 3, 15, 10, 15, 30, tzinfo=AMS)
    assert parse_date("20240315   Z091530", AMS) == datetime(2024, 3, 15, 9, 15, 30, tzinfo=UTC)
    assert parse_date("201610210000142637", AMS) == datetime(2016, 10, 21, 14, 26, 37, tzinfo=UTC)
    assert parse_date("19960212   100514", AMS) == datetime(1996, 2, 12, 10, 5, 14, tzinfo=AMS)
    assert parse_date(BLANK_DATE, AMS) is None


def test_seventeen_character_date_is_read_leniently_and_refused_strictly() -> None:
    short = "19960212   100514"  # the specification's own examples use a three-blank zone
    raw = _checkout_request(short, short)
    frame = lenient().decode(raw)
    msg = frame.message
    assert isinstance(msg, CheckoutRequest)
    assert (msg.transaction_date, msg.nb_due_date) == (short, short)
    assert (msg.institution_id, msg.patron_identifier, msg.item_identifier) == (
        "inst",
        "patron",
        "item",
    )
    assert lenient().encode(msg, sequence=frame.sequence) == raw

    error = strict_error(raw)
    assert (error.code, error.position, error.field) == ("11", 4, "transaction_date")


def test_date_that_is_not_a_date_is_kept_with_a_warning() -> None:
    raw = _checkout_request("2024-03-15 10:15:3", BLANK_DATE)
    frame = lenient().decode(raw)
    assert any("transaction_date" in w for w in frame.warnings)
    assert frame.message.transaction_date == "2024-03-15 10:15:3"
    error = strict_error(raw)
    assert (error.code, error.position, error.field) == ("11", 4, "transaction_date")


# ==============================================================================================
# Variable fields


def test_missing_final_bar_is_tolerated_leniently_and_refused_strictly() -> None:
    body = status_body("AOinst|AA123|AEJan Jansen")
    for raw in (body.encode(), framed(body)):
        msg = lenient().decode(raw).message
        assert isinstance(msg, PatronStatusResponse)
        assert msg.personal_name == "Jan Jansen"
        error = strict_error(raw)
        assert error.code == "24"
        assert error.position == len(body)
        assert error.field == "AE"


def test_any_field_order_is_kept_on_reencode() -> None:
    fields = ["AEJan|", "BLY|", "AFeen|", "AA123|", "AFtwee|", "CQN|", "AOinst|", "BV0.50|"]
    raw = framed(status_body("".join(fields)))
    for codec in (lenient(), strict()):
        frame = codec.decode(raw)
        msg = frame.message
        assert isinstance(msg, PatronStatusResponse)
        assert msg.order == ("AE", "BL", "AF", "AA", "AF", "CQ", "AO", "BV")
        assert msg.screen_message == ("een", "twee")
        assert codec.encode(msg, sequence=frame.sequence) == raw


def test_message_built_in_code_encodes_in_specification_order() -> None:
    msg = PatronStatusResponse(
        patron_status=" " * 14,
        transaction_date=DATE,
        personal_name="Jan",
        patron_identifier="123",
        institution_id="inst",
        screen_message=("a", "b"),
        extra=(("ZZ", "z"),),
    )
    text = lenient(error_detection=False).encode(msg).decode()
    assert text.endswith("AOinst|AA123|AEJan|AFa|AFb|ZZz|")


def test_bar_inside_a_value_is_escaped_and_unescaped() -> None:
    raw = framed(status_body("AOinst|AA123|AEJansen &#124; Zn|AFa&#124;b&#124;|"))
    msg = lenient().decode(raw).message
    assert isinstance(msg, PatronStatusResponse)
    assert msg.personal_name == "Jansen | Zn"
    assert msg.screen_message == ("a|b|",)

    out = Codec(error_detection=False).encode(msg)
    assert b"AEJansen &#124; Zn|" in out
    assert b"AFa&#124;b&#124;|" in out
    assert Codec().decode(out).message == msg


def test_literal_escape_text_cannot_survive_a_round_trip() -> None:
    # Known limit of Koha's escaping: "&#124;" typed by a person is read back as "|".
    msg = PatronStatusResponse(
        patron_status=" " * 14, transaction_date=DATE, personal_name="x &#124; y"
    )
    decoded = lenient().decode(lenient().encode(msg, sequence=0)).message
    assert isinstance(decoded, PatronStatusResponse)
    assert decoded.personal_name == "x | y"


def test_blank_fixed_field_numbers_are_kept_leniently_and_refused_strictly() -> None:
    body = "64" + "Y" + " " * 13 + "   " + "201610050000114734" + " " * 24 + "AOnypl |AA1|AEx|"
    frame = lenient().decode(framed(body))
    msg = frame.message
    assert isinstance(msg, PatronInformationResponse)
    assert msg.language == "   "
    assert msg.hold_items_count == "    "
    assert count(msg.hold_items_count) is None
    assert msg.institution_id == "nypl "
    assert lenient().encode(msg, sequence=frame.sequence) == framed(body)

    error = strict_error(framed(body))
    assert (error.code, error.position, error.field) == ("64", 16, "language")


def test_space_padded_number_is_read_as_a_number() -> None:
    raw = framed("990 402.00")
    msg = lenient().decode(raw).message
    assert isinstance(msg, ScStatus)
    assert msg.max_print_width == " 40"
    assert count(msg.max_print_width) == 40
    error = strict_error(raw)
    assert (error.code, error.position, error.field) == ("99", 3, "max_print_width")


def test_extension_fields_are_kept_in_order_and_never_fatal() -> None:
    fields = "AOinst|XIone|AA123|PCtwo|AEJan|XIthree|CTDAL|AFhi|"
    raw = framed(status_body(fields))
    for codec in (lenient(), strict()):
        frame = codec.decode(raw)
        msg = frame.message
        assert isinstance(msg, PatronStatusResponse)
        assert msg.extra == (("XI", "one"), ("PC", "two"), ("XI", "three"), ("CT", "DAL"))
        assert msg.extension("XI") == "one"
        assert msg.extension("QQ") is None
        assert frame.warnings == ()
        assert codec.encode(msg, sequence=frame.sequence) == raw


def test_extension_tag_of_odd_shape_is_kept_leniently_and_refused_strictly() -> None:
    body = status_body("AOinst|AA1|AEx|z9odd|")
    msg = lenient().decode(framed(body)).message
    assert msg.extra == (("z9", "odd"),)
    error = strict_error(framed(body))
    assert error.code == "24"
    assert error.position == len(status_body("AOinst|AA1|AEx|"))


def test_repeated_field_that_may_not_repeat() -> None:
    body = status_body("AOfirst|AA1|AOsecond|AEx|")
    frame = lenient().decode(framed(body))
    msg = frame.message
    assert isinstance(msg, PatronStatusResponse)
    assert msg.institution_id == "first"
    assert msg.extra == (("AO", "second"),)
    assert any("AO" in w and "repeated" in w for w in frame.warnings)
    assert lenient().encode(msg, sequence=frame.sequence) == framed(body)

    error = strict_error(framed(body))
    assert error.code == "24"
    assert error.position == len(status_body("AOfirst|AA1|"))
    assert error.field.startswith("AO")


def test_empty_segment_is_skipped_leniently_and_refused_strictly() -> None:
    body = status_body("AOinst||AA1|AEx|")
    frame = lenient().decode(framed(body))
    assert frame.message.patron_identifier == "1"
    assert frame.warnings
    error = strict_error(framed(body))
    assert (error.code, error.position) == ("24", len(status_body("AOinst|")))


def test_missing_required_field_is_a_warning_leniently_and_an_error_strictly() -> None:
    body = status_body("AOinst|AEx|")
    frame = lenient().decode(framed(body))
    assert any("AA" in w for w in frame.warnings)
    assert frame.message.patron_identifier == ""
    error = strict_error(framed(body))
    assert error.code == "24"
    assert error.field.startswith("AA")
    assert error.position == len(body)


def test_fixed_part_cut_short() -> None:
    raw = b"6400"
    frame = lenient().decode(raw)
    assert any("cut short" in w for w in frame.warnings)
    error = strict_error(raw)
    assert error.code == "64"
    assert error.field == "patron_status"
    assert error.position == 2


def test_digits_are_ascii_digits() -> None:
    # str.isdigit() is true for "²" and "٣"; none of them is a SIP2 digit
    number = framed("99" + "0" + "٠٤٠" + "2.00")
    assert strict_error(number).field == "max_print_width"
    when = framed("11YN" + "٢٠٢٤٠٣١٥    101530" + BLANK_DATE + "AOa|AAb|ABc|AC|")
    assert strict_error(when).field == "transaction_date"
    sequence = framed("941", "٣")
    frame = lenient().decode(sequence)
    assert frame.sequence is None
    assert frame.message.extra == (("AY", "٣"),)
    assert isinstance(strict_error(sequence), Sip2DecodeError)
    assert not is_date("٢٠٢٤٠٣١٥    101530")


def test_flag_with_a_value_the_specification_does_not_allow() -> None:
    raw = framed("11XN" + DATE + BLANK_DATE + "AOa|AAb|ABc|AC|")
    msg = lenient().decode(raw).message
    assert msg.sc_renewal_policy == "X"
    error = strict_error(raw)
    assert (error.code, error.position, error.field) == ("11", 2, "sc_renewal_policy")


# ==============================================================================================
# Sequence number and checksum


def test_two_digit_sequence_number() -> None:
    raw = framed("941", "12")
    frame = lenient().decode(raw)
    assert frame.sequence == "12"
    assert frame.checksum_status is ChecksumStatus.VALID
    assert any("two-digit" in w for w in frame.warnings)
    assert lenient().encode(frame.message, sequence=frame.sequence) == raw

    error = strict_error(raw)
    assert error.code == "94"
    assert error.field == "AY"
    assert error.position == 3


def test_checksum_without_sequence_number_is_valid_in_both_modes() -> None:
    # Resends after a 96 drop AY (Koha, Evergreen, Palace's client); 96 and 97 never carry one.
    raw = b"9300CNuser_id|COpassword|AZF620"
    for codec in (lenient(), strict()):
        frame = codec.decode(raw)
        assert frame.sequence is None
        assert frame.checksum == "F620"
        assert frame.checksum_status is ChecksumStatus.VALID
        assert codec.encode(frame.message) == raw
    assert strict().encode(RequestAcsResend()) == b"97AZFEF5"


def test_sequence_number_without_checksum() -> None:
    frame = lenient().decode(b"9300CNa|COb|AY4")
    assert frame.sequence == "4"
    assert frame.checksum_status is ChecksumStatus.ABSENT
    assert frame.message.login_password == "b"


def test_value_ending_like_a_sequence_number_is_not_taken_for_one() -> None:
    frame = lenient().decode(b"9300CNa|COpassAY4")
    assert frame.sequence is None
    assert frame.message.login_password == "passAY4"


def test_lower_case_checksum() -> None:
    raw = framed("9300CNuser_id|COpassw0rd|", "1")
    assert raw.endswith(b"F594")
    lower = raw[:-4] + raw[-4:].lower()
    frame = lenient().decode(lower)
    assert frame.checksum_status is ChecksumStatus.VALID
    assert any("lower case" in w for w in frame.warnings)
    error = strict_error(lower)
    assert error.code == "93"
    assert error.field == "AZ"
    assert error.position == len(lower) - 4


def test_bad_checksum_lenient_warning_strict_error() -> None:
    raw = b"9300CNuser_id|COpassw0rd|AY1AZF595"
    frame = lenient().decode(raw)
    assert frame.checksum_status is ChecksumStatus.BAD
    assert frame.message.login_user_id == "user_id"
    with pytest.raises(Sip2ChecksumError) as caught:
        strict().decode(raw)
    assert (caught.value.code, caught.value.field) == ("93", "AZ")


def test_trailer_that_is_not_hex_is_part_of_the_message() -> None:
    frame = lenient().decode(b"9300CNa|COb|AY1AZXYZW")
    assert frame.checksum_status is ChecksumStatus.ABSENT
    assert frame.checksum is None


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_checksum_of_our_output_verifies_and_matches_the_specification(encoding: str) -> None:
    raw = Codec(encoding=encoding).encode(LoginResponse(ok="1"), sequence=3)
    assert raw == b"941AY3AZFDFA"  # the specification's example (vector M12)
    assert checksum_of(b"941AY3AZ") == "FDFA"
    assert checksum_of(b"") == "0000"


def test_error_names_message_position_and_field() -> None:
    error = Sip2DecodeError("broken", code="64", position=17, fld="AO (institution id)")
    assert (error.problem, error.code, error.position, error.field) == (
        "broken",
        "64",
        17,
        "AO (institution id)",
    )
    assert str(error) == "message 64, position 17, field AO (institution id): broken"
    assert str(Sip2DecodeError("x")) == "message ??, position 0: x"


# ==============================================================================================
# Strict encoding


def _patron_status(**kw: str) -> PatronStatusResponse:
    base = {"patron_status": " " * 14, "transaction_date": DATE, "personal_name": "Jan"}
    base.update(kw)
    return PatronStatusResponse(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("message", "field"),
    [
        pytest.param(_patron_status(patron_status=" " * 13), "patron_status", id="short"),
        pytest.param(_patron_status(language="0001"), "language", id="long"),
        pytest.param(_patron_status(language="0a1"), "language", id="num-not-digits"),
        pytest.param(_patron_status(language="   "), "language", id="num-blank"),
        pytest.param(_patron_status(transaction_date="2024-03-15 10:15:30"), "transaction_date"),
        pytest.param(_patron_status(transaction_date="X" * 18), "transaction_date", id="date"),
        pytest.param(CheckinResponse(ok="Y"), "ok", id="bit"),
        pytest.param(CheckoutResponse(renewal_ok="1"), "renewal_ok", id="flag"),
    ],
)
def test_strict_encoding_refuses_wrong_fixed_fields(message: object, field: str) -> None:
    with pytest.raises(Sip2EncodeError) as caught:
        strict().encode(message, sequence=0)  # type: ignore[arg-type]
    assert field in str(caught.value)
    assert message.CODE in str(caught.value)
    # lenient encoding writes what it was given
    lenient().encode(message, sequence=0)  # type: ignore[arg-type]


def test_strict_encoding_refuses_a_missing_required_field() -> None:
    msg = LoginRequest(login_user_id="kiosk", login_password=None)  # type: ignore[arg-type]
    with pytest.raises(Sip2EncodeError) as caught:
        strict().encode(msg)
    assert "93" in str(caught.value)
    assert "CO" in str(caught.value)
    # empty is present: allowed
    strict().encode(LoginRequest(login_user_id="kiosk", login_password=""))


def test_control_characters_never_reach_the_wire() -> None:
    msg = _patron_status(personal_name="Jan\rJansen\n\x00\x7f|")
    with pytest.raises(Sip2EncodeError) as caught:
        strict().encode(msg)
    assert "AE" in str(caught.value)
    raw = lenient().encode(msg, sequence=1)
    assert not set(raw) & {0, 10, 13, 0x7F}
    decoded = lenient().decode(raw).message
    assert isinstance(decoded, PatronStatusResponse)
    assert decoded.personal_name == "Jan Jansen   |"


# ==============================================================================================
# Encodings


DEGRADED = {
    "utf-8": DUTCH,
    "cp850": "IJsselmeer café, naïef, Zoë, reçu, Groß",
    "latin-1": "IJsselmeer café, naïef, Zoë, reçu, Groß",
    "ascii": "IJsselmeer cafe, naief, Zoe, recu, Gro?",
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("error_detection", [True, False])
def test_dutch_text_round_trips_or_degrades_visibly(encoding: str, error_detection: bool) -> None:
    codec = Codec(encoding=encoding, error_detection=error_detection)
    msg = _patron_status(personal_name=DUTCH, screen_message=(DUTCH,))
    raw = codec.encode(msg, sequence=2)
    frame = codec.decode(raw)
    decoded = frame.message
    assert isinstance(decoded, PatronStatusResponse)
    assert decoded.personal_name == DEGRADED[encoding]
    assert decoded.screen_message == (DEGRADED[encoding],)
    assert frame.warnings == ()
    expected = ChecksumStatus.VALID if error_detection else ChecksumStatus.ABSENT
    assert frame.checksum_status is expected
    assert degrade(DUTCH, encoding) == DEGRADED[encoding]


@pytest.mark.parametrize("encoding", ["cp850", "latin-1", "ascii"])
def test_nfd_flavour_keeps_accents_the_encoding_can_carry(encoding: str) -> None:
    codec = Codec(encoding=encoding, flavour=Flavour.UTF8_NFD, accept=frozenset({Flavour.UTF8_NFD}))
    frame = codec.decode(codec.encode(_patron_status(personal_name="Zoë café"), sequence=1))
    assert frame.message.personal_name == degrade("Zoë café", encoding)
    assert frame.checksum_status.ok


def test_nfd_flavour_over_utf8_writes_what_evergreen_writes() -> None:
    codec = Codec(encoding="utf-8", flavour=Flavour.UTF8_NFD, accept=frozenset({Flavour.UTF8_NFD}))
    raw = codec.encode(_patron_status(personal_name="Piège"), sequence=7)
    assert "Pie\u0300ge".encode() in raw
    assert codec.decode(raw).checksum_status.ok


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_codepoint_flavour_verifies_with_a_codec_that_accepts_it(encoding: str) -> None:
    writer = Codec(encoding=encoding, flavour=Flavour.CODEPOINTS)
    raw = writer.encode(_patron_status(personal_name=DUTCH), sequence=1)
    reader = Codec(encoding=encoding, accept=frozenset({Flavour.BYTES, Flavour.CODEPOINTS}))
    assert reader.decode(raw).checksum_status.ok


def test_degrade_is_visible_and_never_raises() -> None:
    assert degrade("€ 2,50", "cp850") == "? 2,50"
    assert degrade("€ 2,50", "latin-1") == "? 2,50"
    assert degrade("ĲJ ĳ", "ascii") == "IJJ ij"
    assert degrade("مكتبة", "cp850") == "?????"
    assert degrade("ǅ", "ascii") == "Dz"
    assert degrade("", "ascii") == ""


def test_invalid_utf8_is_a_warning_leniently_and_an_error_strictly() -> None:
    body = status_body("AOinst|AA1|AE").encode() + b"Zo\xeb\xff|"
    raw = body + b"AY1AZ" + checksum_of(body + b"AY1AZ").encode()
    frame = lenient().decode(raw)
    assert frame.checksum_status is ChecksumStatus.VALID
    assert any("UTF-8" in w for w in frame.warnings)
    assert "\ufffd" in frame.message.personal_name
    error = strict_error(raw)
    assert error.code == "24"
    assert error.position == len(body) - 3


def test_bytes_outside_ascii_on_an_ascii_connection() -> None:
    raw = status_body("AOinst|AA1|AE").encode() + b"Zo\xeb|"
    frame = lenient("ascii").decode(raw)
    assert frame.message.personal_name == "Zo\ufffd"
    assert frame.warnings
    error = strict_error(raw, "ascii")
    assert error.code == "24"
    assert error.position == len(raw) - 2


def test_single_byte_encodings_read_any_byte() -> None:
    raw = status_body("AOinst|AA1|AE").encode() + bytes(range(0x80, 0x100)).replace(b"|", b"")
    for encoding in ("cp850", "latin-1"):
        frame = lenient(encoding).decode(raw + b"|")
        assert frame.warnings == ()
        assert len(frame.message.personal_name) == 0x80


def test_unknown_encoding_is_refused_up_front() -> None:
    with pytest.raises(ValueError, match="encoding"):
        Codec(encoding="koi8-r")
    assert Codec(encoding="UTF_8").encoding == "utf-8"
    assert Codec(encoding="CP850").encoding == "cp850"


# ==============================================================================================
# values.py


def test_yes_flag_bit_number() -> None:
    assert [yes(v) for v in ("Y", "y", "1", "N", "U", " ", "", None)] == [True] * 3 + [False] * 5
    assert (flag(True), flag(False), bit(True), bit(False)) == ("Y", "N", "1", "0")
    assert number(7, 4) == "0007"
    assert number(12345, 4) == "9999"
    assert number(-3, 3) == "000"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0003", 3),
        (" 10", 10),
        ("10 ", 10),
        ("    ", None),
        ("", None),
        (None, None),
        ("1a", None),
        ("-1", None),
        ("²", None),  # str.isdigit says yes, int() says no
        ("0²", None),
        ("١٢", None),  # Arabic-Indic digits are not SIP2 digits
    ],
)
def test_count(raw: str | None, expected: int | None) -> None:
    assert count(raw) == expected


def test_parse_date_edge_cases() -> None:
    assert parse_date(None, AMS) is None
    assert parse_date("", AMS) is None
    assert parse_date("20241301    120000", AMS) is None  # month 13
    assert parse_date("20240230    120000", AMS) is None  # 30 February
    assert parse_date("20240315    25000", AMS) is None  # 17 characters, not the spec form
    assert parse_date("not a date at all!", AMS) is None
    assert parse_date("٢٠٢٤٠٣١٥    101530", AMS) is None
    assert parse_date("20240315    101530\n", AMS) is None
    # a local time in the DST gap is still a time, not a crash
    gap = parse_date("20240331    023000", AMS)
    assert gap is not None and gap.tzinfo is AMS


def test_format_date_edge_cases() -> None:
    assert format_date(None, AMS) == BLANK_DATE
    naive = datetime(2024, 3, 15, 10, 15, 30)
    assert format_date(naive, AMS) == "20240315    101530"
    aware = datetime(2024, 3, 15, 10, 15, 30, tzinfo=UTC)
    assert format_date(aware, AMS) == "20240315    111530"
    assert format_date(aware, AMS, "utc") == "20240315   Z101530"
    assert format_date(datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC), UTC) == "09990102    030405"


@settings(max_examples=200, deadline=None)
@given(
    when=st.datetimes(
        min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ),
    style=st.sampled_from(["local", "utc"]),
    offset=st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_format_then_parse_date_is_the_same_instant(
    when: datetime, style: str, offset: int
) -> None:
    when = when.replace(microsecond=0)
    tz = timezone(timedelta(minutes=offset))
    text = format_date(when, tz, style)  # type: ignore[arg-type]
    assert len(text) == 18
    assert is_date(text)
    assert parse_date(text, tz) == when


def test_parse_due_accepts_what_servers_send() -> None:
    at = datetime(2011, 10, 28, 23, 59, 59, tzinfo=AMS)
    assert parse_due("2011-10-28 23:59:59", AMS) == at
    assert parse_due("20111028    235959", AMS) == at
    assert parse_due(" 20111028    235959 ", AMS) == at
    assert parse_due("2011-10-28", AMS) == at
    assert parse_due("28-10-2011", AMS) == at
    assert parse_due("28/10/2011", AMS) == at
    assert parse_due("10/28/2011", AMS) == at  # not a day-month date: month-day is tried next
    assert parse_due("2011-10-28T21:59:59Z", AMS) == datetime(2011, 10, 28, 21, 59, 59, tzinfo=UTC)
    assert parse_due("2011-10-28T23:59:59+02:00", AMS) == at
    assert parse_due("20111028   Z215959", AMS) == datetime(2011, 10, 28, 21, 59, 59, tzinfo=UTC)
    assert parse_due("28.10.2011", AMS, ("%d.%m.%Y",)) == datetime(2011, 10, 28, 0, 0, tzinfo=AMS)
    assert parse_due("28.10.2011", AMS) is None
    for nothing in (None, "", "   ", "soon", "2011-02-30", "99/99/9999"):
        assert parse_due(nothing, AMS) is None


def test_parse_due_prefers_configured_formats() -> None:
    # 03/04/2024 is 3 April in the Netherlands; a US server's profile can say otherwise.
    assert parse_due("03/04/2024", AMS) == datetime(2024, 4, 3, 23, 59, 59, tzinfo=AMS)
    us = parse_due("03/04/2024", AMS, ("%m/%d/%Y",))
    assert us is not None and us.date() == date(2024, 3, 4)


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("2.50", 250),
        ("2,50", 250),
        ("0", 0),
        (" 1.5", 150),
        ("-3.00", -300),
        ("+1", 100),
        (".5", 50),
        ("12", 1200),
        ("0.005", 0),
        ("", None),
        ("   ", None),
        (None, None),
        ("EUR 2.50", None),
        ("2.50.1", None),
        ("NaN", None),
        ("sNaN", None),
        ("Infinity", None),
        ("-inf", None),
    ],
)
def test_parse_amount(raw: str | None, cents: int | None) -> None:
    assert parse_amount(raw) == cents


@pytest.mark.parametrize("raw", ["1E999999999", "1E999990", "-9e99999", "1e5"])
def test_parse_amount_refuses_exponents_quickly(raw: str) -> None:
    # An ILS (or anyone between it and us) must not hang or crash the kiosk with a huge exponent.
    started = time.perf_counter()
    assert parse_amount(raw) is None
    assert time.perf_counter() - started < 0.5


@settings(max_examples=200, deadline=None)
@given(cents=st.integers(min_value=-(10**12), max_value=10**12))
def test_format_amount_then_parse_amount(cents: int) -> None:
    text = format_amount(cents)
    assert parse_amount(text) == cents
    assert parse_amount(text.replace(".", ",")) == cents
    assert Decimal(text) * 100 == cents
