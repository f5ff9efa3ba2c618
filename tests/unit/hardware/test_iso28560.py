"""ISO 28560 tag data: published examples decode to what their documents say, every tag we
write reads back the same, and no bytes at all make the decoder raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.iso28560 import (
    DSFID_28560_2,
    DutchProfile,
    Format,
    Problem,
    TagData,
    TagProblem,
    crc16_ccitt_false,
    crc16_iso15693,
    decode,
    encode_part2,
    encode_part3,
    isil_decode,
    isil_encode,
)

# The Danish data model's own test vector (a 32-byte tag): item 11223344 of DE-705.
DDM_EXAMPLE = bytes.fromhex(
    "11 01 01 31 31 32 32 33 33 34 34 00 00 00 00 00"
    " 00 00 00 51 3E 44 45 37 30 35 00 00 00 00 00 00"
)
# ISO 28560-2 Annex D: item 123456789012, owner US-InU-Mu, part 3 of 12, shelf QA268.L55.
PART2_EXAMPLE = bytes.fromhex(
    "91 00 05 1C BE 99 1A 14 02 01 D0 14 02 04 B3 46 07 44 1C B6 E2 E3 35 D6"
    " 83 02 07 AC C0 9E BA A0 6F 6B 00 00"
)


def test_the_crc_checks_match_their_published_check_values() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"RFID tag data model") == 0x1AEE
    assert crc16_iso15693(b"123456789") == 0x906E
    assert crc16_iso15693(bytes([1, 2, 3, 4])).to_bytes(2, "little") == bytes([0x91, 0x39])


def test_the_danish_data_model_example_decodes_as_published() -> None:
    tag = decode(DDM_EXAMPLE)
    assert tag == TagData("11223344", "DE-705", 1, 1, 1, Format.PART3)
    assert encode_part3(tag, memory=32) == DDM_EXAMPLE  # and is written byte for byte again


def test_the_iso_28560_2_annex_example_decodes_as_published() -> None:
    tag = decode(PART2_EXAMPLE)
    assert isinstance(tag, TagData)
    assert (tag.item_id, tag.owner, tag.parts, tag.part) == ("123456789012", "US-InU-Mu", 12, 3)
    assert tag.extra == {6: "QA268.L55"} and tag.format is Format.PART2


@pytest.mark.parametrize(
    ("isil", "published"),
    [("DE-Heu1", "21 40 8E 16 BF 1F"), ("US-InU-Mu", "AC C0 9E BA A0 6F 6B")],
)
def test_the_isil_compaction_matches_the_published_examples(isil: str, published: str) -> None:
    assert isil_encode(isil) == bytes.fromhex(published)
    assert isil_decode(bytes.fromhex(published)) == isil


def test_a_damaged_block_is_a_failed_check_not_a_wrong_item() -> None:
    damaged = bytearray(DDM_EXAMPLE)
    damaged[6] ^= 0x01  # one bit of the item identifier
    assert decode(bytes(damaged)) == TagProblem(
        Problem.CHECK_FAILED, "the basic block's CRC does not match"
    )


def test_blocks_written_back_to_front_are_read_all_the_same() -> None:
    turned = b"".join(DDM_EXAMPLE[i : i + 4][::-1] for i in range(0, 32, 4))
    assert decode(turned) == decode(DDM_EXAMPLE)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (bytes(32), Problem.BLANK),
        (b"\xff" * 64, Problem.BLANK),
        (b"hello world, this is not a tag!!", Problem.UNKNOWN_FORMAT),
        (DDM_EXAMPLE[:20], Problem.TRUNCATED),
        (bytes([0x11, 0x05, 0x31]), Problem.TRUNCATED),
    ],
)
def test_bad_and_foreign_data_give_a_clear_result(data: bytes, problem: Problem) -> None:
    result = decode(data)
    assert isinstance(result, TagProblem) and result.problem is problem


def test_a_patron_card_is_not_an_item() -> None:
    card = encode_part3(TagData("2100000000001", "NL-0400090000", usage=0x8))
    tag = decode(card)
    assert isinstance(tag, TagData) and not tag.is_item


def test_the_dutch_profile_writes_nl_tags_and_knows_its_own() -> None:
    profile = DutchProfile("NL-0400090000")
    tag = decode(profile.encode("3100000000012", parts=3, part=2))
    assert isinstance(tag, TagData)
    assert (tag.item_id, tag.owner, tag.parts, tag.part) == ("3100000000012", "NL-0400090000", 3, 2)
    assert profile.ours(tag)
    assert not profile.ours(TagData("1", "NL-0300000000"))
    part2 = decode(DutchProfile("NL-0400090000", Format.PART2).encode("A-17/b", parts=2, part=2))
    assert isinstance(part2, TagData) and (part2.item_id, part2.part) == ("A-17/b", 2)
    with pytest.raises(ValueError, match="NL-"):
        DutchProfile("DE-705")


identifiers = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=16
)
# (an identifier that itself begins with a hyphen could not be told from a kept hyphen)
isils = st.from_regex(r"[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9:/-]{0,8}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(identifiers, isils, st.integers(1, 255), st.data())
def test_every_28560_3_tag_we_write_reads_back_the_same(
    item: str, isil: str, parts: int, data: st.DataObject
) -> None:
    part = data.draw(st.integers(1, parts))
    tag = TagData(item, isil, parts, part, 1, Format.PART3)
    assert decode(encode_part3(tag)) == tag


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=40).filter(lambda t: "\x00" not in t),
    isils,
    st.integers(1, 255),
    st.data(),
)
def test_every_28560_2_tag_we_write_reads_back_the_same(
    item: str, isil: str, parts: int, data: st.DataObject
) -> None:
    part = data.draw(st.integers(1, parts))
    tag = TagData(item, isil, parts, part, 0x10, Format.PART2)
    assert decode(encode_part2(tag)) == tag
    assert decode(encode_part2(tag), dsfid=DSFID_28560_2) == tag


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=120))
def test_no_bytes_at_all_make_the_decoder_raise(data: bytes) -> None:
    assert isinstance(decode(data), TagData | TagProblem)
