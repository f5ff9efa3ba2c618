from __future__ import annotations

import pytest

from kiosk.domain.money import Money


def test_dutch_decimal_comma_is_parsed() -> None:
    assert Money.parse("4,50") == Money(450)
    assert Money.parse("0.155") == Money(16)


def test_currencies_do_not_mix() -> None:
    with pytest.raises(ValueError, match="EUR and GBP"):
        Money(1) + Money(1, "GBP")


def test_format_has_two_decimals() -> None:
    assert Money(5).format() == "EUR 0.05"
