"""Golden data: raw SIP2 messages captured from real systems and the 3M specification.

``tests/data/sip2/vectors.tsv`` (copied from the field notes, header kept) lists one message a
line with the verdict its checksum deserves. Every ``valid*`` message must decode and re-encode
to the very same bytes; every ``bad-checksum`` message must be caught (strict) or parsed with a
warning (lenient); ``no-checksum`` messages decode without a verdict.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from kiosk.ils.sip2.codec import (
    ENCODINGS,
    ChecksumStatus,
    Codec,
    Flavour,
    Frame,
    Sip2ChecksumError,
    Sip2DecodeError,
)
from kiosk.ils.sip2.messages import (
    BLANK_DATE,
    REGISTRY,
    AcsStatus,
    CheckinRequest,
    CheckoutRequest,
    EndSessionResponse,
    FeePaid,
    ItemInformationResponse,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusResponse,
    RenewAllRequest,
    RenewRequest,
)
from kiosk.ils.sip2.values import count, parse_date, parse_due

VECTORS = Path(__file__).parents[3] / "data" / "sip2" / "vectors.tsv"
HEADER = ["id", "direction", "checksum", "source", "message"]
ALL_FLAVOURS = frozenset(Flavour)
FLAVOUR_OF = {
    "valid": Flavour.BYTES,
    "valid-utf8-nfd": Flavour.UTF8_NFD,
    "valid-codepoints": Flavour.CODEPOINTS,
}


@dataclass(frozen=True)
class Vector:
    id: str
    direction: str
    checksum: str
    source: str
    message: str

    @property
    def raw(self) -> bytes:
        # The file is UTF-8 text; every byte-checksum vector is plain ASCII (checked below).
        return self.message.encode("utf-8")


def _load() -> list[Vector]:
    # Not the csv module: messages contain quotes and apostrophes that must stay verbatim.
    lines = VECTORS.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADER, "vectors.tsv must keep its header"
    out = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(HEADER), f"vectors.tsv line {number}: {len(cells)} columns"
        out.append(Vector(*cells))
    return out


ALL = _load()
BY_ID = {v.id: v for v in ALL}


def _of(*verdicts: str) -> list[Any]:
    return [pytest.param(v, id=v.id) for v in ALL if v.checksum in verdicts]


VALID = _of("valid", "valid-utf8-nfd", "valid-codepoints")
BYTES_VALID = _of("valid")
BAD = _of("bad-checksum")
ABSENT = _of("no-checksum")


def decode(vector_id: str) -> Frame:
    return Codec(encoding="utf-8", accept=ALL_FLAVOURS).decode(BY_ID[vector_id].raw)


# -- the file itself ---------------------------------------------------------------------------


def test_vector_file_is_well_formed() -> None:
    ids = [v.id for v in ALL]
    assert len(ids) == len(set(ids)), "vector ids must be unique"
    verdicts = {"valid", "valid-utf8-nfd", "valid-codepoints", "bad-checksum", "no-checksum"}
    assert {v.checksum for v in ALL} <= verdicts
    assert {v.direction for v in ALL} <= {"request", "response"}
    assert all(v.message[:2] in REGISTRY for v in ALL), "every vector is a known message"
    # every verdict is represented, so none of the parametrised tests below is silently empty
    assert {v.checksum for v in ALL} == verdicts


def test_byte_checksum_vectors_are_plain_ascii() -> None:
    # "valid" means the byte sum matches in any single-byte encoding or UTF-8: only true for ASCII.
    assert all(v.message.isascii() for v in ALL if v.checksum == "valid")


# -- valid vectors: decode, verdict, byte-identical re-encoding -------------------------------


@pytest.mark.parametrize("vector", VALID)
def test_valid_vector_decodes_and_reencodes_to_the_same_bytes(vector: Vector) -> None:
    flavour = FLAVOUR_OF[vector.checksum]
    frame = Codec(encoding="utf-8", flavour=flavour, accept=frozenset({flavour})).decode(vector.raw)
    assert frame.checksum_status is ChecksumStatus(vector.checksum)
    assert frame.checksum_status.ok
    assert frame.checksum == vector.message[-4:]
    assert frame.warnings == ()
    assert frame.code == vector.message[:2]
    assert type(frame.message) is REGISTRY[vector.message[:2]]

    writer = Codec(encoding="utf-8", flavour=flavour, error_detection="AZ" in vector.message)
    assert writer.encode(frame.message, sequence=frame.sequence) == vector.raw


@pytest.mark.parametrize("vector", BYTES_VALID)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_byte_checksum_vector_round_trips_in_every_encoding(vector: Vector, encoding: str) -> None:
    raw = vector.message.encode(encoding)
    codec = Codec(encoding=encoding)
    frame = codec.decode(raw)
    assert frame.checksum_status is ChecksumStatus.VALID
    assert codec.encode(frame.message, sequence=frame.sequence) == raw


@pytest.mark.parametrize("vector", VALID)
def test_valid_vector_is_also_accepted_by_strict_decoding_unless_it_bends_a_rule(
    vector: Vector,
) -> None:
    # The specification's own sc-status example pads the print width with a blank (" 40").
    bends_a_rule = {"M01"}
    codec = Codec(encoding="utf-8", accept=ALL_FLAVOURS, strict=True)
    if vector.id in bends_a_rule:
        with pytest.raises(Sip2DecodeError) as caught:
            codec.decode(vector.raw)
        assert caught.value.code == vector.message[:2]
    else:
        assert codec.decode(vector.raw).checksum_status.ok


def test_nfd_vector_shows_why_the_nfd_flavour_exists() -> None:
    vector = BY_ID["S21"]
    assert unicodedata.is_normalized("NFD", vector.message)
    assert not unicodedata.is_normalized("NFC", vector.message)
    # As stored (NFD bytes), the plain byte sum already matches.
    assert Codec(encoding="utf-8").decode(vector.raw).checksum_status is ChecksumStatus.VALID

    nfc = unicodedata.normalize("NFC", vector.message).encode("utf-8")
    assert nfc != vector.raw

    def verdict(flavour: Flavour, accept: frozenset[Flavour]) -> ChecksumStatus:
        return Codec(encoding="utf-8", flavour=flavour, accept=accept).decode(nfc).checksum_status

    assert verdict(Flavour.BYTES, frozenset({Flavour.BYTES})) is ChecksumStatus.BAD
    assert verdict(Flavour.CODEPOINTS, frozenset({Flavour.CODEPOINTS})) is ChecksumStatus.BAD
    assert (
        verdict(Flavour.BYTES, frozenset({Flavour.BYTES, Flavour.UTF8_NFD}))
        is ChecksumStatus.VALID_UTF8_NFD
    )
    assert verdict(Flavour.UTF8_NFD, frozenset({Flavour.UTF8_NFD})) is (
        ChecksumStatus.VALID_UTF8_NFD
    )


def test_codepoint_vector_verifies_only_with_the_codepoint_flavour() -> None:
    vector = BY_ID["X01"]
    assert not vector.message.isascii()

    def verdict(flavour: Flavour, accept: frozenset[Flavour]) -> ChecksumStatus:
        codec = Codec(encoding="utf-8", flavour=flavour, accept=accept)
        return codec.decode(vector.raw).checksum_status

    assert verdict(Flavour.BYTES, frozenset({Flavour.BYTES})) is ChecksumStatus.BAD
    assert verdict(Flavour.UTF8_NFD, frozenset({Flavour.UTF8_NFD})) is ChecksumStatus.BAD
    assert (
        verdict(Flavour.BYTES, frozenset({Flavour.BYTES, Flavour.UTF8_NFD})) is ChecksumStatus.BAD
    )
    assert (
        verdict(Flavour.BYTES, frozenset({Flavour.BYTES, Flavour.CODEPOINTS}))
        is ChecksumStatus.VALID_CODEPOINTS
    )


# -- bad checksums -----------------------------------------------------------------------------


@pytest.mark.parametrize("vector", BAD)
def test_bad_checksum_vector_is_refused_by_strict_decoding(vector: Vector) -> None:
    codec = Codec(encoding="utf-8", accept=ALL_FLAVOURS, strict=True)
    with pytest.raises(Sip2ChecksumError) as caught:
        codec.decode(vector.raw)
    error = caught.value
    assert error.code == vector.message[:2]
    assert error.field == "AZ"
    assert error.position == len(vector.message) - 4


@pytest.mark.parametrize("vector", BAD)
def test_bad_checksum_vector_is_parsed_with_a_warning_when_lenient(vector: Vector) -> None:
    frame = Codec(encoding="utf-8", accept=ALL_FLAVOURS).decode(vector.raw)
    assert frame.checksum_status is ChecksumStatus.BAD
    assert not frame.checksum_status.ok
    assert frame.checksum == vector.message[-4:]
    assert any("checksum" in w and frame.checksum in w for w in frame.warnings)
    assert type(frame.message) is REGISTRY[vector.message[:2]]


# -- no checksum -------------------------------------------------------------------------------


@pytest.mark.parametrize("vector", ABSENT)
def test_vector_without_checksum_decodes_with_status_absent(vector: Vector) -> None:
    frame = Codec(encoding="utf-8").decode(vector.raw)
    assert frame.checksum_status is ChecksumStatus.ABSENT
    assert frame.checksum is None
    assert frame.sequence is None
    again = Codec(encoding="utf-8", error_detection=False).encode(frame.message)
    # A missing final '|' is added back; otherwise the bytes are the same.
    expected = vector.raw if vector.message.endswith("|") else vector.raw + b"|"
    assert again == expected


# -- decoded values, per message type ----------------------------------------------------------


def test_M16_item_information_response_fields() -> None:
    frame = decode("M16")
    msg = frame.message
    assert isinstance(msg, ItemInformationResponse)
    assert frame.sequence == "0"
    assert (msg.circulation_status, msg.security_marker, msg.fee_type) == ("08", "00", "01")
    assert msg.title_identifier == "Title For Item Book"
    assert msg.item_identifier == "ItemBook"
    assert msg.hold_queue_length == "00000"
    assert msg.media_type == "003"
    assert msg.item_properties == "Free-form text with new item property"
    assert msg.permanent_location == "Permanent Location for ItemBook, Language 1"
    assert msg.current_location == "Current Location ItemBook"
    assert msg.due_date is None
    assert msg.extra == ()


def test_D01_acs_status_keeps_the_symphony_version_extension() -> None:
    frame = decode("D01")
    msg = frame.message
    assert isinstance(msg, AcsStatus)
    assert msg.online_status == "Y"
    assert msg.offline_ok == "N"
    assert (msg.timeout_period, msg.retries_allowed) == ("010", "003")
    assert msg.protocol_version == "2.00"
    assert msg.supported_messages == "Y" * 16
    assert msg.library_name == "St. Albert Public Library"
    assert msg.terminal_location == "Unassigned"
    assert msg.extra == (("VN", "SIP 2.00.106 SirsiDynix Inc. 7.5.074.40"),)
    assert msg.extension("VN") == "SIP 2.00.106 SirsiDynix Inc. 7.5.074.40"
    assert msg.order == ("AO", "AM", "BX", "AN", "VN")
    assert parse_date(msg.date_time_sync, UTC) is not None


def test_K01_koha_patron_status_with_institution_last_and_leading_space_name() -> None:
    msg = decode("K01").message
    assert isinstance(msg, PatronStatusResponse)
    assert msg.personal_name == " MrUser"
    assert msg.screen_message == ("Greetings from Koha. ",)
    assert msg.institution_id == "testlibrary"
    assert msg.order is not None and msg.order[-1] == "AO"
    assert (msg.valid_patron, msg.valid_patron_password) == ("Y", "Y")
    assert msg.patron_status == " " * 14


def test_P06_end_session_without_final_bar_parses_the_last_field() -> None:
    frame = decode("P06")
    msg = frame.message
    assert isinstance(msg, EndSessionResponse)
    assert msg.end_session == "Y"
    assert msg.transaction_date == "201610210000142637"
    assert msg.institution_id == "3"
    assert msg.patron_identifier == "25891000331441"
    assert msg.screen_message == ("",)
    assert msg.print_line == ("",)
    assert msg.order == ("AO", "AA", "AF", "AG")


def test_M15_patron_information_lists_and_repeats() -> None:
    msg = decode("M15").message
    assert isinstance(msg, PatronInformationResponse)
    assert msg.hold_items == ("ItemID1 for PatronID",)
    assert msg.charged_items == ("ChargeItem1", "ChargeItem2")
    assert len(msg.screen_message) == 3
    assert msg.print_line[-1] == "Print Line 2 for PatronID, language 1"
    assert (msg.hold_items_limit, msg.overdue_items_limit, msg.charged_items_limit) == (
        "0002",
        "0003",
        "0010",
    )
    assert count(msg.hold_items_count) == 1
    assert count(msg.charged_items_count) == 2


def test_P02_sierra_blank_language_and_counts_are_kept_as_sent() -> None:
    msg = decode("P02").message
    assert isinstance(msg, PatronInformationResponse)
    assert msg.patron_status == "Y" + " " * 13
    assert msg.language == "   "
    assert msg.hold_items_count == "    "
    assert count(msg.hold_items_count) is None
    assert msg.institution_id == "nypl "


def test_P04_polaris_extensions_are_kept_in_wire_order() -> None:
    msg = decode("P04").message
    assert isinstance(msg, PatronInformationResponse)
    tags = [t for t, _ in msg.extra]
    assert tags == ["BC", "PA", "PE", "PS", "U1", "U2", "U3", "U4", "U5", "PZ", "PX", "PY", "FA"]
    assert msg.extension("PS") == "St. Mary's"
    assert msg.extension("U1") == ""
    assert msg.fee_amount == "9.25"


def test_S20_evergreen_due_date_and_call_number() -> None:
    msg = decode("S20").message
    assert isinstance(msg, ItemInformationResponse)
    assert msg.title_identifier == "Vie d'Isabelle Eberhardt "
    assert msg.due_date == "2011-10-28 23:59:59"
    assert parse_due(msg.due_date, UTC) is not None
    assert msg.owner == "OSUL"
    assert msg.extra == (("CS", "PB LP   EAU"),)


def test_S21_and_X01_titles_decode_as_unicode() -> None:
    s21 = decode("S21").message
    assert isinstance(s21, ItemInformationResponse)
    assert s21.title_identifier == "Le Pie\u0300ge de Bogota"
    x01 = decode("X01").message
    assert isinstance(x01, ItemInformationResponse)
    assert x01.title_identifier == "Anam \u010bara :"
    assert x01.due_date == "20230131    235900"
    assert x01.extension("CR") == "NONFICTR"


def test_F05_utc_zone_and_patron_before_institution() -> None:
    frame = decode("F05")
    msg = frame.message
    assert frame.sequence == "1"
    assert isinstance(msg, RenewAllRequest)
    assert msg.order == ("AA", "AC", "AD", "AO", "BO")
    assert (msg.patron_identifier, msg.institution_id) == ("patron_id", "university_id")
    assert msg.transaction_date == "20190501   Z103015"
    when = parse_date(msg.transaction_date, UTC)
    assert when is not None and when.tzinfo is UTC and when.hour == 10


def test_M07_spec_example_with_three_blank_zones_keeps_following_fields() -> None:
    msg = decode("M07").message
    assert isinstance(msg, CheckoutRequest)
    assert msg.transaction_date == "19960212   100514"
    assert msg.nb_due_date == "19960212   100514"
    assert msg.institution_id == ""
    assert msg.item_identifier == "000000000005792"


def test_blank_dates_and_fixed_fields_of_requests() -> None:
    s25 = decode("S25").message
    assert isinstance(s25, CheckoutRequest)
    assert s25.nb_due_date == BLANK_DATE
    assert parse_date(s25.nb_due_date, UTC) is None
    assert (s25.sc_renewal_policy, s25.no_block) == ("Y", "N")
    m08 = decode("M08").message
    assert isinstance(m08, CheckinRequest)
    assert m08.return_date == BLANK_DATE
    assert m08.current_location == "Certification Terminal Location"
    assert m08.cancel == "N"
    m05 = decode("M05").message
    assert isinstance(m05, PatronInformationRequest)
    assert m05.summary == "Y         "
    assert (m05.start_item, m05.end_item) == ("00001", "00005")
    m09 = decode("M09").message
    assert isinstance(m09, FeePaid)
    assert (m09.fee_type, m09.payment_type, m09.currency_type) == ("04", "01", "USD")
    assert m09.fee_amount == "111.11"
    assert m09.transaction_id == "TransactionID"


def test_malformed_captures_are_parsed_with_warnings() -> None:
    i02 = decode("I02")
    assert any("nb_due_date" in w for w in i02.warnings)
    assert isinstance(i02.message, RenewRequest)
    assert i02.message.institution_id == "institution_id"
    assert i02.message.item_identifier == "item_id"
    m04 = decode("M04")  # the spec's patron status example has no AA tag
    assert any("AA" in w for w in m04.warnings)
    m13 = decode("M13")  # ... and its ACS status example no BX
    assert any("BX" in w for w in m13.warnings)
