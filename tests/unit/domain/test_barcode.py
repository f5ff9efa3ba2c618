"""Barcodes validated and normalised in one place (UX 8), fuzzed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.barcode import MAX_LENGTH, normalize_code


def test_scanner_whitespace_and_control_characters_are_stripped() -> None:
    assert normalize_code(" 3100000000001\r\n").value == "3100000000001"
    assert normalize_code("\x023100000000001\x03").value == "3100000000001"


def test_question_mark_slash_and_spaces_are_rejected_or_removed() -> None:
    assert normalize_code("31000?00001").problem == "bad_characters"
    assert normalize_code("3100/0001").problem == "bad_characters"
    assert normalize_code("3100 0001").value == "31000001"


def test_empty_and_overlong_codes_say_why() -> None:
    assert normalize_code("   ").problem == "empty"
    assert normalize_code("1" * (MAX_LENGTH + 1)).problem == "too_long"


def test_full_width_digits_are_folded() -> None:
    assert normalize_code("３１００").value == "3100"


@given(st.text(max_size=200))
def test_any_input_gives_a_value_or_a_problem_never_an_exception(raw: str) -> None:
    result = normalize_code(raw)
    assert (result.value is None) != (result.problem is None)
    if result.value is not None:
        assert 0 < len(result.value) <= MAX_LENGTH
        assert result.value == normalize_code(result.value).value  # idempotent
