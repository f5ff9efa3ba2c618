"""Telling pass cards from item barcodes, check digits, and card numbers from contactless UIDs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.codes import (
    CheckDigit,
    Classified,
    CodeKind,
    CodePattern,
    CodeRules,
    RuleError,
    UidEncoding,
    UidError,
    UidRule,
    card_number_from_uid,
    classify,
    gs1_ok,
    luhn_ok,
)

# A library whose passes are 13 digits starting 21 with a Luhn digit, items 13 digits from 31.
RULES = CodeRules(
    card=CodePattern(prefixes=("21",), lengths=(13,), check=CheckDigit.LUHN),
    item=CodePattern(prefixes=("31",), lengths=(13,)),
)


def _luhn_complete(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def test_a_pass_an_item_and_neither() -> None:
    card = _luhn_complete("210000000012")
    assert classify(card, RULES) == Classified(CodeKind.CARD, card)
    assert classify("3100000000017", RULES) == Classified(CodeKind.ITEM, "3100000000017")
    assert classify("9789020415322", RULES) == Classified(
        CodeKind.UNKNOWN, "9789020415322", "not_recognised"
    )
    assert classify("31000", RULES).problem == "not_recognised"  # a partial scan


def test_a_misread_pass_is_caught_by_its_check_digit() -> None:
    card = _luhn_complete("210000000012")
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
    result = classify(wrong, RULES)
    assert (result.kind, result.problem, result.ok) == (CodeKind.CARD, "check_digit", False)


def test_unknown_codes_may_be_taken_as_items() -> None:
    rules = CodeRules(card=RULES.card, item=RULES.item, unknown_is_item=True)
    assert classify("ABC123", rules) == Classified(CodeKind.ITEM, "ABC123")


@pytest.mark.parametrize(
    ("digits", "luhn", "gs1"),
    [
        ("79927398713", True, False),  # the classic Luhn example
        ("4006381333931", False, True),  # an EAN-13
        ("9789020415322", False, True),  # an ISBN-13
        ("0", False, False),
        ("12a4", False, False),
        ("١٢٣", False, False),  # not ASCII digits
    ],
)
def test_check_digits(digits: str, luhn: bool, gs1: bool) -> None:
    assert (luhn_ok(digits), gs1_ok(digits)) == (luhn, gs1)


@given(st.text(max_size=50))
def test_classify_never_raises(code: str) -> None:
    assert isinstance(classify(code, RULES), Classified)


@given(st.from_regex(r"[0-9]{5,20}", fullmatch=True))
def test_one_wrong_digit_always_fails_luhn(body: str) -> None:
    good = _luhn_complete(body)
    for i in range(len(good)):
        for d in "0123456789":
            if d != good[i]:
                assert not luhn_ok(good[:i] + d + good[i + 1 :])


def test_pattern_from_config_names_the_key_at_fault() -> None:
    pattern = CodePattern.parse(
        {"prefixes": ["21"], "lengths": [13, 14], "check": "luhn"}, "[codes.card]"
    )
    assert pattern == CodePattern(("21",), (13, 14), CheckDigit.LUHN)
    for table, key in (
        ({"prefixes": "21"}, "[codes.card].prefixes"),
        ({"lengths": [0]}, "[codes.card].lengths"),
        ({"check": "crc"}, "[codes.card].check"),
        ({"prefix": ["21"]}, "[codes.card].prefix"),
    ):
        with pytest.raises(RuleError) as err:
            CodePattern.parse(table, "[codes.card]")
        assert err.value.key == key


# ---------------------------------------------------------------- UIDs
UID7 = bytes.fromhex("04A1B2C3D4E580")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (UidRule(UidEncoding.HEX), "04A1B2C3D4E580"),
        (UidRule(UidEncoding.HEX, reverse=True), "80E5D4C3B2A104"),
        (UidRule(UidEncoding.DECIMAL, use_bytes=4), str(0x04A1B2C3)),
        (UidRule(UidEncoding.DECIMAL, use_bytes=4, reverse=True), str(0xC3B2A104)),
        (
            UidRule(UidEncoding.DECIMAL, use_bytes=4, prefix="21", length=11),
            "21" + "000" + "77705923",
        ),  # 0x04A1B2C3, zero-padded to 11
    ],
)
def test_card_numbers_from_a_uid(rule: UidRule, expected: str) -> None:
    assert card_number_from_uid(UID7, rule) == expected


def test_a_uid_the_rule_cannot_use_is_a_clear_error_without_the_uid() -> None:
    with pytest.raises(UidError) as err:
        card_number_from_uid(bytes.fromhex("04A1B2"), UidRule(use_bytes=4))
    assert "04A1B2" not in str(err.value) and "3 bytes" in str(err.value)
    with pytest.raises(UidError, match="allows 4"):
        card_number_from_uid(UID7, UidRule(UidEncoding.HEX, length=4))
    with pytest.raises(UidError, match="empty"):
        card_number_from_uid(b"", UidRule())


def test_uid_rule_from_config() -> None:
    rule = UidRule.parse(
        {"encoding": "hex", "reverse": True, "use_bytes": 4, "prefix": "X", "length": 10}, "[uid]"
    )
    assert rule == UidRule(UidEncoding.HEX, True, 4, "X", 10)
    for table, key in (
        ({"encoding": "octal"}, "[uid].encoding"),
        ({"reverse": "yes"}, "[uid].reverse"),
        ({"use_bytes": 0}, "[uid].use_bytes"),
        ({"prefix": "2-1"}, "[uid].prefix"),
        ({"length": True}, "[uid].length"),
        ({"lenght": 4}, "[uid].lenght"),
    ):
        with pytest.raises(RuleError) as err:
            UidRule.parse(table, "[uid]")
        assert err.value.key == key


def test_a_code_failing_the_card_check_digit_that_fits_the_items_is_an_item() -> None:
    rules = CodeRules(
        card=CodePattern(prefixes=("2",), check=CheckDigit.LUHN),
        item=CodePattern(prefixes=("2",), lengths=(13,)),
    )
    card = _luhn_complete("210000000012")
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert classify(card, rules) == Classified(CodeKind.CARD, card)
    assert classify(bad, rules) == Classified(CodeKind.ITEM, bad)
    assert classify(bad + "9", rules).problem == "check_digit"  # fits no item: a misread card
